// SPDX-License-Identifier: MIT
#include "framing.h"

#include "mas/core/logging_p.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace mas {

Result<QByteArray> encodeFrame(QByteArrayView payload)
{
    if (quint64(payload.size()) > kMaxWirePayloadSize)
        return Error(ErrorCode::PayloadTooLarge,
                     tr("Serialized message is too long: %1 bytes, the limit is 2^32 - 1")
                         .arg(payload.size()));
    QByteArray frame(kFrameHeaderSize + payload.size(), Qt::Uninitialized);
    qToBigEndian(quint32(payload.size()), frame.data());
    if (!payload.isEmpty())
        std::memcpy(frame.data() + kFrameHeaderSize, payload.data(), size_t(payload.size()));
    return frame;
}

FrameDecoder::FrameDecoder(qsizetype maxFrameSize)
    : m_maxFrameSize(maxFrameSize)
{}

qsizetype FrameDecoder::capacityAfterFeeding(qsizetype bytes) const
{
    if (m_error.isError() || bytes <= 0)
        return m_allocated;
    // Appended in place while it fits and the consumed part is at most half the buffer.
    if (m_buffer.size() + bytes <= m_allocated && m_offset <= m_buffer.size() / 2)
        return m_allocated;
    // Else a new buffer for the rest and the new bytes: a quarter more than needed (so that a
    // large frame arriving in small reads is copied a few times, not once per read), but never
    // beyond the end of the frame in progress, whatever its header announces.
    const qsizetype rest = m_buffer.size() - m_offset;
    const qsizetype needed = rest + bytes;
    qsizetype grown = needed + needed / 4;
    if (rest >= kFrameHeaderSize) {
        const qsizetype frameEnd =
            kFrameHeaderSize + qsizetype(qFromBigEndian<quint32>(m_buffer.constData() + m_offset));
        grown = std::min(grown, std::max(needed, frameEnd));
    } else {
        grown = needed; // the header is not complete yet
    }
    return grown;
}

void FrameDecoder::feed(QByteArrayView bytes)
{
    if (m_error.isError() || bytes.isEmpty())
        return;
    const qsizetype capacity = capacityAfterFeeding(bytes.size());
    if (capacity == m_allocated && !m_buffer.isNull()) {
        m_buffer.append(bytes.data(), bytes.size());
        return;
    }
    // Drop consumed bytes while moving, so the buffer stays about one frame long.
    QByteArray fresh;
    fresh.reserve(capacity);
    fresh.append(m_buffer.constData() + m_offset, m_buffer.size() - m_offset);
    fresh.append(bytes.data(), bytes.size());
    m_buffer = std::move(fresh);
    m_offset = 0;
    m_allocated = capacity;
}

void FrameDecoder::feed(QByteArray &&bytes)
{
    // Nothing buffered: the bytes become the buffer, with the capacity feed() would give them
    // (capacityAfterFeeding() of an empty decoder is exactly their size).
    if (!m_error.isError() && !bytes.isEmpty() && m_offset == m_buffer.size()
        && capacityAfterFeeding(bytes.size()) == bytes.size()) {
        m_buffer = std::move(bytes);
        m_offset = 0;
        m_allocated = m_buffer.size();
        return;
    }
    feed(QByteArrayView(bytes));
}

void FrameDecoder::clear()
{
    m_buffer = QByteArray();
    m_offset = 0;
    m_allocated = 0;
}

std::optional<Result<QByteArray>> FrameDecoder::next()
{
    std::optional<Result<QByteArrayView>> view = nextView();
    if (!view)
        return std::nullopt;
    if (!*view)
        return Result<QByteArray>(view->error());
    QByteArray payload = (*view)->toByteArray();
    release();
    return Result<QByteArray>(std::move(payload));
}

std::optional<Result<QByteArrayView>> FrameDecoder::nextView()
{
    if (m_error.isError())
        return Result<QByteArrayView>(m_error);
    const qsizetype available = m_buffer.size() - m_offset;
    if (available < kFrameHeaderSize)
        return std::nullopt;
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + m_offset);
    if (qint64(length) > qint64(m_maxFrameSize)) {
        m_error = Error(ErrorCode::FrameTooLarge,
                        mas::tr("Frame of %1 bytes exceeds the maximum frame size of %2 bytes")
                            .arg(length)
                            .arg(m_maxFrameSize));
        qCDebug(lcFraming) << m_error.message(); // the channel that owns this decoder logs it
        clear();
        return Result<QByteArrayView>(m_error);
    }
    if (available - kFrameHeaderSize < qsizetype(length))
        return std::nullopt;
    const QByteArrayView payload(m_buffer.constData() + m_offset + kFrameHeaderSize, qsizetype(length));
    m_offset += kFrameHeaderSize + length;
    return Result<QByteArrayView>(payload);
}

void FrameDecoder::release()
{
    if (m_buffer.isNull())
        return;
    if (m_offset == m_buffer.size()) {
        clear();
    } else if (m_allocated > 64 * 1024 && m_allocated > 4 * (m_buffer.size() - m_offset)) {
        // A large frame is done and a small rest follows: do not keep the large buffer.
        QByteArray rest(m_buffer.constData() + m_offset, m_buffer.size() - m_offset);
        m_allocated = rest.size();
        m_buffer = std::move(rest);
        m_offset = 0;
    }
}

Result<void> FrameDecoder::finish() const
{
    if (m_error.isError())
        return m_error;
    // Complete frames nobody took yet are not an error; only a partial one at the end is.
    qsizetype at = m_offset;
    while (m_buffer.size() - at >= kFrameHeaderSize) {
        const qsizetype length = qFromBigEndian<quint32>(m_buffer.constData() + at);
        if (m_buffer.size() - at - kFrameHeaderSize < length)
            break;
        at += kFrameHeaderSize + length;
    }
    const qsizetype left = m_buffer.size() - at;
    if (left == 0)
        return {};
    if (left < kFrameHeaderSize)
        return Error(ErrorCode::TruncatedFrame,
                     mas::tr("The connection ended inside a frame header (%1 of 4 bytes)").arg(left));
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + at);
    return Error(ErrorCode::TruncatedFrame,
                 mas::tr("The connection ended inside a frame (%1 of %2 payload bytes)")
                     .arg(left - kFrameHeaderSize)
                     .arg(length));
}

} // namespace mas
