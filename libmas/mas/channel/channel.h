// SPDX-License-Identifier: MIT
#pragma once

#include <mas/channel/channelobserver.h>
#include <mas/channel/channeloptions.h>
#include <mas/channel/request.h>
#include <mas/codec/codec.h>
#include <mas/core/mas_export.h>
#include <mas/core/value.h>

#include <QObject>

#include <QCoro/QCoroTask>

#include <chrono>
#include <memory>
#include <optional>

class QIODevice;

namespace mas {

class ChannelPrivate;
class StreamSocket;

/// A request-reply channel over one byte stream (aiomas's `Channel`).
///
/// Both ends may send requests at any time; each direction numbers its requests from 0 and
/// replies are matched by id in any order. Incoming requests queue until recv() or
/// takeRequest() takes them; requestReceived() announces each one.
/// \code
/// auto channel = (co_await mas::openConnection(mas::Address::tcp("localhost", 5555))).value();
/// mas::Result<mas::Value> reply = co_await channel->send("ohai");
/// qDebug() << *reply; // "cya"
/// co_await channel->close();
/// \endcode
/// A channel lives in the thread that created it and owns its device. Bad input from the peer
/// (a malformed or oversized frame, an undecodable payload, an unknown message type, a reply to
/// an unknown id), a frame left unfinished for ChannelOptions::frameTimeout, or no traffic for
/// ChannelOptions::idleTimeout closes the channel with a logged reason; all pending requests
/// then fail. ChannelOptions::maxPendingRequests bounds the requests waiting in each direction
/// (docs/security.md lists every limit).
class MAS_EXPORT Channel : public QObject
{
    Q_OBJECT

public:
    // construction
    /// Takes over an open `device` (reparented to the channel) and talks with `codec` over it.
    Channel(QIODevice *device,
            std::unique_ptr<Codec> codec,
            const ChannelOptions &options = {},
            QObject *parent = nullptr);
    ~Channel() override;

    // operations
    /// Sends a request and waits for its reply with the default request timeout. Fails with a
    /// RemoteException (the peer's traceback), a connection error, Timeout, or an encoding error.
    QCoro::Task<Result<Value>> send(Value content);
    QCoro::Task<Result<Value>> send(Value content, std::chrono::milliseconds timeout);
    /// Waits for the next incoming request (Timeout when none comes in time).
    QCoro::Task<Result<Request>> recv(std::chrono::milliseconds timeout = std::chrono::seconds(60));
    /// The next queued incoming request without waiting.
    std::optional<Request> takeRequest();
    /// Closes the connection: pending requests fail with ConnectionClosed; queued frames are
    /// flushed (for at most `flushTimeout`) before the stream closes.
    QCoro::Task<void> close(std::chrono::milliseconds flushTimeout = std::chrono::seconds(2));
    /// Closes at once, failing pending requests with `reason`, without flushing.
    void abort(const Error &reason);

    // properties
    bool isOpen() const;
    /// Why the channel closed (NoError while open or after a local close()).
    Error error() const;
    QString errorString() const;
    /// The peer's name, e.g. "127.0.0.1:5555" or a socket path (the origin of remote errors).
    QString peerName() const;
    Codec &codec();
    const Codec &codec() const;
    const ChannelOptions &options() const;
    QIODevice *device() const;
    /// The transport's view of device(): its kind (TCP, TLS, Unix, in-process), the peer's
    /// name and ports, encryption. Owned by the channel.
    StreamSocket *socket() const;
    /// Requests sent and still waiting for their replies.
    qsizetype pendingRequestCount() const;
    /// Received requests not yet taken.
    qsizetype queuedRequestCount() const;
    /// Received requests not yet answered, taken or not (see ChannelOptions::maxPendingRequests).
    qsizetype unansweredRequestCount() const;

    // observation
    void addObserver(ChannelObserver *observer);
    void removeObserver(ChannelObserver *observer);

Q_SIGNALS:
    /// A request arrived and waits in the queue (take it with recv() or takeRequest()).
    void requestReceived();
    /// The channel closed: `reason` is NoError after close(), else why (aiomas's
    /// on_connection_reset). Emitted once.
    void closed(const mas::Error &reason);
    /// The channel closed because of an error (the same error as closed()).
    void errorOccurred(const mas::Error &error);

private:
    friend class ChannelPrivate;
    friend class ChannelServerPrivate;
    friend class Request;
    std::unique_ptr<ChannelPrivate> d;
};

} // namespace mas
