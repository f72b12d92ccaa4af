// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace mas {

/// Length of the frame header: the payload length as an unsigned 32-bit big-endian integer.
inline constexpr qsizetype kFrameHeaderSize = 4;
/// The largest payload the wire format can carry.
inline constexpr quint64 kMaxWirePayloadSize = 0xFFFFFFFFull;
/// The default receive limit: larger frames close the connection with FrameTooLarge.
inline constexpr qsizetype kDefaultMaxFrameSize = 64 * 1024 * 1024;

/// Frames a payload: 4-byte big-endian length, then the payload. Fails with PayloadTooLarge
/// for payloads over 2^32 - 1 bytes (aiomas: "Serialized message is too long").
MAS_EXPORT Result<QByteArray> encodeFrame(QByteArrayView payload);

/// Incremental frame reader: feed it bytes as they arrive, split or coalesced in any way,
/// and take complete payloads out in arrival order.
///
/// The size limit is checked as soon as a header is complete, before the payload is buffered.
/// Errors are sticky: after one, next() keeps returning it.
/// \code
/// mas::FrameDecoder frames;
/// frames.feed(socket->readAll());
/// while (auto payload = frames.next()) {
///     if (!*payload) { closeWith(payload->error()); break; }
///     handle(**payload);
/// }
/// \endcode
class MAS_EXPORT FrameDecoder
{
public:
    explicit FrameDecoder(qsizetype maxFrameSize = kDefaultMaxFrameSize);

    /// Appends received bytes. The buffer grows with the bytes that arrive (by at most a quarter
    /// at a time, and never beyond the end of the frame in progress): a header's announced size
    /// is never reserved up front.
    void feed(QByteArrayView bytes);
    /// As feed(QByteArrayView), but when nothing is buffered the bytes are taken over as the
    /// buffer instead of copied (a socket's read() result, say).
    void feed(QByteArray &&bytes);
    /// The buffer's capacity after feed() of `bytes` more bytes (for a memory budget, checked
    /// before feeding).
    qsizetype capacityAfterFeeding(qsizetype bytes) const;
    /// The memory the buffer holds (its capacity).
    qsizetype capacity() const { return m_allocated; }
    /// Drops everything buffered and releases the memory (errors stay).
    void clear();
    /// The next complete payload; an error for a frame over the limit; nullopt when more bytes
    /// are needed.
    std::optional<Result<QByteArray>> next();
    /// As next(), without copying: the payload is a view into the buffer, valid until the next
    /// call of any non-const member. Call release() when done with it (next() does that itself):
    /// it lets go of the buffer once everything in it was taken.
    std::optional<Result<QByteArrayView>> nextView();
    /// After nextView(): frees the buffer when all of it was taken, and a large buffer when only
    /// a small rest is left (what next() does after each payload).
    void release();
    /// Called at end of stream: a TruncatedFrame error if a partial frame is buffered.
    Result<void> finish() const;

    qsizetype maxFrameSize() const { return m_maxFrameSize; }
    void setMaxFrameSize(qsizetype size) { m_maxFrameSize = size; }
    /// Bytes received but not yet returned as payloads.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }
    bool hasError() const { return m_error.isError(); }
    Error error() const { return m_error; }

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    /// What the buffer was given (reserved exactly, so appends within it do not reallocate).
    qsizetype m_allocated = 0;
    qsizetype m_maxFrameSize;
    Error m_error;
};

} // namespace mas
