// SPDX-License-Identifier: MIT
#pragma once

#include "channel.h"

#include "mas/core/completion_p.h"
#include "mas/transport/framing.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <map>
#include <unordered_map>
#include <set>
#include <vector>

class QIODevice;

namespace mas {

class ChannelPrivate
{
public:
    using Reply = detail::Completion<Result<Value>>;

    ChannelPrivate(Channel *q, QIODevice *device, std::unique_ptr<Codec> codec, const ChannelOptions &options);

    void onReadyRead();
    void onDisconnected();
    void handlePayload(const QByteArray &payload);
    /// Encodes and writes one message.
    Result<void> writeMessage(const Message &message);
    /// Frames and writes an encoded payload (header and payload go to the device separately,
    /// which saves building a third buffer).
    Result<void> writePayload(const QByteArray &payload, MessageType type, quint64 id);
    /// Marks the channel closed and fails everything pending with `reason`; a local close
    /// leaves error() empty.
    void shutdown(const Error &reason, bool local = false);
    void failAll(const Error &reason);
    void armTimeoutTimer();
    void onTimeout();
    void notify(FrameEvent::Direction direction, MessageType type, quint64 id, const QByteArray &payload);
    void onBytesWritten();
    Error closedError() const;

    Channel *q;
    QIODevice *device;
    std::unique_ptr<Codec> codec;
    ChannelOptions options;
    FrameDecoder frames;
    QString peerName;

    bool open = true;
    Error error;         // why it closed (NoError for a local close)
    bool closedEmitted = false;

    quint64 nextId = 0;
    using Deadlines = std::multimap<qint64, quint64>; // deadline (ns on `clock`) -> request id
    struct Pending
    {
        Reply reply;
        Deadlines::iterator deadline; // erased together with the pending entry
    };
    std::unordered_map<quint64, Pending> pending;
    Deadlines deadlines;
    std::set<quint64> abandoned;              // timed-out ids whose late replies we ignore
    QTimer timeoutTimer;
    QElapsedTimer clock;

    std::deque<Request> incoming;
    std::vector<detail::Completion<Result<Request>>> recvWaiters;
    std::vector<detail::Completion<bool>> writeWaiters;

    std::vector<ChannelObserver *> observers;
};

} // namespace mas
