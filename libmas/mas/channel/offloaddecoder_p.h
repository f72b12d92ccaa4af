// SPDX-License-Identifier: MIT
#pragma once

#include <mas/codec/codeclimits.h>
#include <mas/core/result.h>
#include <mas/core/value.h>

#include <QByteArray>
#include <QObject>

#include <functional>
#include <memory>

namespace mas {

class Codec;

/// Decodes one server channel's large frames (ChannelOptions::offloadDecodeBytes) on a worker
/// of a small process-wide thread pool, and hands each result back to the channel's thread.
///
/// Only the structural decode (decompressing and parsing, Codec::decodeStructural) runs on the
/// worker, with a codec instance of the decoder's own (structural decoding does not read the
/// serializer registry); resolving "__type__" tags with the connection's serializers (user code)
/// and everything after it runs on the channel's thread. At most one frame of a channel is in
/// work at a time: the channel reads no further frame until the result is back, so the frames
/// of one connection keep their order.
///
/// The channel and the worker share only a Job (held by both): closing or destroying the channel
/// cancels it (a job not begun yet is dropped without decoding, a result nobody takes is
/// dropped), so a worker never touches a channel that is gone.
class OffloadDecoder
{
public:
    /// Called on the receiver's thread with the structural decode of `payload` and whether it
    /// saw a "__type__" tag.
    using Done = std::function<void(Result<Value> value, bool sawTypeTag, const QByteArray &payload)>;

    /// `receiver`: the channel (the result is delivered in its thread, and dropped if it is
    /// destroyed first); `codecName` and `limits`: those of its codec.
    OffloadDecoder(QObject *receiver, qint64 thresholdBytes, QString codecName, const CodecLimits &limits);
    ~OffloadDecoder();
    OffloadDecoder(const OffloadDecoder &) = delete;
    OffloadDecoder &operator=(const OffloadDecoder &) = delete;

    /// Whether a payload of this size is decoded off the loop.
    bool wants(qsizetype payloadSize) const { return m_threshold > 0 && payloadSize >= m_threshold; }
    /// A frame of this channel is in work (waiting for a worker, decoding, or its result on the
    /// way back).
    bool busy() const { return bool(m_job); }
    /// The payload bytes in work (counted against the memory budget until decoded).
    qint64 bytesInFlight() const { return m_bytesInFlight; }
    /// Starts decoding `payload` on a worker; `done` is called later on the receiver's thread,
    /// unless cancel() comes first. False (nothing started) if no codec could be made; then
    /// decode on the loop.
    bool start(const QByteArray &payload, Done done);
    /// Drops the frame in work, if any (its result is never delivered).
    void cancel();

private:
    struct Job;
    static void run(const std::shared_ptr<Job> &job);
    void deliver(const std::shared_ptr<Job> &job);

    QObject *m_receiver;
    qint64 m_threshold;
    QString m_codecName;
    CodecLimits m_limits;
    std::shared_ptr<const Codec> m_codec; // made at the first large frame
    std::shared_ptr<Job> m_job;
    Done m_done;
    qint64 m_bytesInFlight = 0;
};

} // namespace mas
