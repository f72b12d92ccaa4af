// SPDX-License-Identifier: MIT
#include "msgpackcodec.h"

#include "mas/core/logging_p.h"

#include <blosc.h>

namespace mas {

namespace {
// python-blosc's defaults, which aiomas uses: level 9, byte shuffle, typesize 8 (64-bit hosts),
// blosclz. Blocksize 0 lets c-blosc choose exactly as it does for Python.
constexpr int kLevel = 9;
constexpr size_t kTypeSize = 8;
constexpr char kCompressor[] = "blosclz";
} // namespace

Result<QByteArray> MsgPackBloscCodec::compress(QByteArrayView data)
{
    if (data.size() > qsizetype(BLOSC_MAX_BUFFERSIZE))
        return Error(ErrorCode::SerializationError,
                     mas::tr("The message is too large for blosc (%1 bytes)").arg(data.size()));
    QByteArray out(data.size() + BLOSC_MAX_OVERHEAD, Qt::Uninitialized);
    const int n = blosc_compress_ctx(kLevel, BLOSC_SHUFFLE, kTypeSize, size_t(data.size()),
                                     data.data(), out.data(), size_t(out.size()), kCompressor,
                                     0, 1);
    if (n <= 0)
        return Error(ErrorCode::SerializationError,
                     mas::tr("blosc could not compress the message (code %1)").arg(n));
    out.truncate(n);
    return out;
}

Result<QByteArray> MsgPackBloscCodec::decompress(QByteArrayView frame, qsizetype maxSize)
{
    return decompress(frame, maxSize, 0);
}

Result<QByteArray> MsgPackBloscCodec::decompress(QByteArrayView frame, qsizetype maxSize, qsizetype maxRatio)
{
    if (frame.size() < BLOSC_MIN_HEADER_LENGTH)
        return Error(ErrorCode::InvalidBlosc,
                     mas::tr("Invalid blosc frame: %1 bytes is shorter than the 16-byte header")
                         .arg(frame.size()));
    size_t nbytes = 0;
    // Checks the header against the frame's real length before anything is allocated.
    if (blosc_cbuffer_validate(frame.data(), size_t(frame.size()), &nbytes) != 0)
        return Error(ErrorCode::InvalidBlosc,
                     mas::tr("Invalid blosc frame: the header does not match the %1 bytes received")
                         .arg(frame.size()));
    if (nbytes > size_t(maxSize))
        return Error(ErrorCode::InvalidBlosc,
                     mas::tr("Invalid blosc frame: it would decompress to %1 bytes, more than the "
                        "limit of %2")
                         .arg(nbytes)
                         .arg(maxSize));
    // A small frame that inflates enormously (a "blosc bomb") costs the event loop time even
    // within the size limit: refused on the header, before any work.
    if (maxRatio > 0 && nbytes > size_t(frame.size()) * size_t(maxRatio))
        return Error(ErrorCode::InvalidBlosc,
                     mas::tr("Invalid blosc frame: %1 bytes would decompress to %2 bytes, more than "
                             "%3 times as many (maxDecompressionRatio)")
                         .arg(frame.size())
                         .arg(nbytes)
                         .arg(maxRatio));
    QByteArray out(qsizetype(nbytes), Qt::Uninitialized);
    if (nbytes == 0)
        return out;
    const int n = blosc_decompress_ctx(frame.data(), out.data(), nbytes, 1);
    if (n < 0 || size_t(n) != nbytes)
        return Error(ErrorCode::InvalidBlosc,
                     mas::tr("Invalid blosc frame: decompression failed (code %1)").arg(n));
    return out;
}

Result<QByteArray> MsgPackBloscCodec::encode(const Message &message) const
{
    MAS_TRY(packed, MsgPackCodec::encode(message));
    return compress(packed);
}

Result<QByteArray> MsgPackBloscCodec::encodeValue(const Value &value) const
{
    MAS_TRY(packed, MsgPackCodec::encodeValue(value));
    return compress(packed);
}

Result<Value> MsgPackBloscCodec::decodeStructural(QByteArrayView bytes, bool *sawTypeTag) const
{
    Result<QByteArray> inner = decompress(bytes, m_limits.maxDecompressedSize, m_limits.maxDecompressionRatio);
    if (!inner) {
        qCDebug(lcCodec) << "blosc decode failed:" << inner.error().message();
        return inner.error();
    }
    return read(*inner, m_limits, sawTypeTag);
}

} // namespace mas
