// SPDX-License-Identifier: MIT
#pragma once

#include <mas/channel/channel.h>
#include <mas/channel/channeloptions.h>
#include <mas/core/mas_export.h>
#include <mas/transport/address.h>

#include <QObject>

#include <QCoro/QCoroTask>

#include <functional>
#include <memory>

namespace mas {

class ChannelServerPrivate;

/// Opens a channel to a server (aiomas's `channel.open_connection`), retrying as
/// `options.connectTimeout` says. TLS when `options.tls` is set.
MAS_EXPORT QCoro::Task<Result<std::unique_ptr<Channel>>> openConnection(Address address,
                                                                       ChannelOptions options = {});

/// Listens for channel connections (aiomas's `channel.start_server`).
///
/// Each accepted connection becomes a Channel owned by the server and handed to the
/// newChannel() signal (and the callback given to startServer()). A server's channel deletes
/// itself (deleteLater) after it closed; hold it in a QPointer.
class MAS_EXPORT ChannelServer : public QObject
{
    Q_OBJECT

public:
    ~ChannelServer() override;

    /// Starts listening; port 0 picks a free port (see address()).
    static Result<ChannelServer *> listen(const Address &address,
                                          const ChannelOptions &options = {},
                                          QObject *parent = nullptr);

    /// The address actually listened on (with the real port).
    Address address() const;
    /// The open channels of accepted connections.
    QList<Channel *> channels() const;
    bool isListening() const;
    /// Bytes the server's channels hold now in buffered partial frames and unsent replies, as
    /// counted against ChannelOptions::memoryBudget (0 without a budget), and the most so far.
    qint64 bufferedBytes() const;
    qint64 peakBufferedBytes() const;
    /// How often accept() failed (e.g. no file descriptor left) since the server started.
    qint64 acceptFailures() const;
    /// Connections refused by maxConnections or maxConnectionsPerPeer since the server started.
    qint64 refusedConnections() const;
    /// Stops accepting connections; open channels stay open.
    void close();
    /// Stops accepting and closes every open channel.
    QCoro::Task<void> shutdown();

Q_SIGNALS:
    void newChannel(mas::Channel *channel);
    /// A connection attempt failed before it became a channel (e.g. a TLS handshake error).
    void acceptError(const mas::Error &error);

private:
    explicit ChannelServer(QObject *parent);
    friend class ChannelServerPrivate;
    std::unique_ptr<ChannelServerPrivate> d;
};

/// Starts a server and calls `onConnected` with each new channel (the aiomas form). The server
/// is owned by `parent`, or by the caller when `parent` is null (delete it, or hold it in a
/// std::unique_ptr: deleting it closes its channels).
MAS_EXPORT Result<ChannelServer *> startServer(const Address &address,
                                               std::function<void(Channel *)> onConnected,
                                               const ChannelOptions &options = {},
                                               QObject *parent = nullptr);

} // namespace mas
