// SPDX-License-Identifier: MIT
// Fuzz target: mas::FrameDecoder (transport/framing.h), the first code that sees a peer's bytes.
//
// Input: byte 0 picks the frame size limit (high bit set: the default 64 MiB, else
// (byte & 0x7f) * 16 bytes, so that oversized frames are easy to reach), bytes 1-2 seed the
// chunking, the rest is the byte stream.
//
// Properties: feeding the stream at once and in arbitrary chunks (empty ones included) gives
// the same payloads and the same outcome as a simple reference reader; errors are sticky;
// finish() reports exactly the partial frame left over; re-framing the payloads reproduces
// the consumed bytes; after draining, no more than one frame (header + limit) stays buffered.

#include "fuzzing.h"

#include <mas/transport/framing.h>

#include <QtEndian>

#include <vector>

using namespace mas;
using mas::fuzz::Chunker;
using mas::fuzz::Input;

namespace {

struct Outcome
{
    std::vector<QByteArray> payloads;
    ErrorCode error = ErrorCode::NoError; ///< FrameTooLarge when a header exceeded the limit
    qsizetype consumed = 0;               ///< bytes of the complete frames returned
    qsizetype leftover = 0;               ///< bytes of a partial frame at the end
};

/// The reference: walk the whole stream header by header.
Outcome reference(QByteArrayView stream, qsizetype limit)
{
    Outcome out;
    qsizetype at = 0;
    while (stream.size() - at >= kFrameHeaderSize) {
        const quint32 length = qFromBigEndian<quint32>(stream.data() + at);
        if (qint64(length) > qint64(limit)) {
            out.error = ErrorCode::FrameTooLarge;
            out.consumed = at;
            return out;
        }
        if (stream.size() - at - kFrameHeaderSize < qsizetype(length))
            break;
        out.payloads.emplace_back(stream.data() + at + kFrameHeaderSize, qsizetype(length));
        at += kFrameHeaderSize + qsizetype(length);
    }
    out.consumed = at;
    out.leftover = stream.size() - at;
    return out;
}

/// Takes every complete payload; returns false when an error came out.
bool drain(FrameDecoder &decoder, Outcome &out, qsizetype limit)
{
    while (std::optional<Result<QByteArray>> frame = decoder.next()) {
        if (!*frame) {
            out.error = frame->error().code();
            MAS_FUZZ_CHECK(out.error == ErrorCode::FrameTooLarge, frame->error().message());
            MAS_FUZZ_CHECK(decoder.hasError() && decoder.error().code() == out.error, QString());
            // Sticky: asking again gives the same error, and feeding more changes nothing.
            std::optional<Result<QByteArray>> again = decoder.next();
            MAS_FUZZ_CHECK(again && !*again && again->error().code() == out.error, QString());
            decoder.feed(QByteArrayView("\0\0\0\0", 4));
            MAS_FUZZ_CHECK(decoder.finish().error().code() == out.error, QString());
            return false;
        }
        out.payloads.push_back(**frame);
    }
    MAS_FUZZ_CHECK(decoder.bufferedBytes() <= kFrameHeaderSize + limit,
                   QStringLiteral("%1 bytes buffered with a limit of %2")
                       .arg(decoder.bufferedBytes())
                       .arg(limit));
    return true;
}

void compare(const Outcome &got, const Outcome &expected, const char *how)
{
    MAS_FUZZ_CHECK(got.error == expected.error,
                   QStringLiteral("%1: error %2, expected %3")
                       .arg(QLatin1StringView(how), Error::codeName(got.error),
                            Error::codeName(expected.error)));
    MAS_FUZZ_CHECK(got.payloads == expected.payloads, QStringLiteral("%1: %2 payloads, expected %3")
                                                          .arg(QLatin1StringView(how))
                                                          .arg(got.payloads.size())
                                                          .arg(expected.payloads.size()));
}

void checkFinish(const FrameDecoder &decoder, const Outcome &expected)
{
    const Result<void> tail = decoder.finish();
    if (expected.error != ErrorCode::NoError) {
        MAS_FUZZ_CHECK(!tail && tail.error().code() == expected.error, QString());
        return;
    }
    MAS_FUZZ_CHECK(decoder.bufferedBytes() == expected.leftover,
                   QStringLiteral("%1 bytes buffered, expected %2")
                       .arg(decoder.bufferedBytes())
                       .arg(expected.leftover));
    if (expected.leftover == 0)
        MAS_FUZZ_CHECK(tail, tail.error().message());
    else
        MAS_FUZZ_CHECK(!tail && tail.error().code() == ErrorCode::TruncatedFrame, QString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mas::fuzz::quietQt();
    Input input(data, size);
    const quint8 limitByte = input.byte();
    const qsizetype limit =
        (limitByte & 0x80) ? kDefaultMaxFrameSize : qsizetype(limitByte & 0x7f) * 16;
    const quint32 seed = quint32(input.byte()) << 8 | input.byte();
    const QByteArrayView stream = input.rest();

    const Outcome expected = reference(stream, limit);

    // All at once.
    FrameDecoder whole(limit);
    MAS_FUZZ_CHECK(whole.maxFrameSize() == limit, QString());
    whole.feed(stream);
    Outcome got;
    drain(whole, got, limit);
    compare(got, expected, "whole");
    checkFinish(whole, expected);

    // In chunks of 0 to 16 bytes (or, for the high seeds, up to 4 KiB), draining after each.
    FrameDecoder chunked(limit);
    Chunker chunker(seed);
    const qsizetype maxChunk = seed & 0x8000 ? 4096 : 16;
    Outcome pieces;
    qsizetype at = 0;
    bool ok = true;
    while (ok && at < stream.size()) {
        const qsizetype n = qMin(chunker.next(maxChunk), stream.size() - at);
        chunked.feed(stream.sliced(at, n));
        at += n;
        ok = drain(chunked, pieces, limit);
    }
    compare(pieces, expected, "chunked");
    checkFinish(chunked, expected);

    // Framing the payloads again gives back the bytes they came from.
    QByteArray reframed;
    for (const QByteArray &payload : expected.payloads) {
        Result<QByteArray> frame = encodeFrame(payload);
        MAS_FUZZ_CHECK(frame, frame.error().message());
        reframed += *frame;
    }
    MAS_FUZZ_CHECK(QByteArrayView(reframed) == stream.first(expected.consumed), QString());
    return 0;
}
