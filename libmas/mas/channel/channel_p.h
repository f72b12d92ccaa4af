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
    /// A request from the peer beyond maxPendingRequests: answered at once with a failure.
    void refuseRequest(quint64 id);
    /// Logs `message` unless a limit warning went out in the last 10 s (then only counts it).
    void warnLimit(const QString &message);
    void onIdleTimer();
    void onFrameTimer();

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

    // limits (ChannelOptions::maxPendingRequests, idleTimeout, frameTimeout)
    /// Incoming requests not yet answered; every Request holds it and counts itself down when
    /// it is answered, or dropped unanswered.
    std::shared_ptr<qsizetype> unanswered = std::make_shared<qsizetype>(0);
    qint64 lastReceivedNs = 0; // on `clock`
    qint64 lastActivityNs = 0; // a byte received or written
    QTimer idleTimer;
    QTimer frameTimer;
    bool receivedAny = false;
    Error tlsFailure; // a TLS error the socket reported before it closed
    /// We stopped reading: our replies pile up because the peer does not read them.
    bool readPaused = false;
    qint64 lastLimitWarningNs = -1;
    qsizetype unloggedLimitWarnings = 0;
};

} // namespace mas
