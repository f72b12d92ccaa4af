// SPDX-License-Identifier: MIT
#pragma once

// Opening and accepting byte streams of every transport (private): tcp:// (optionally TLS),
// ipc:// (Unix sockets) and local:// (the in-process LocalQueue). The channel layer builds its
// connections and servers on these and never sees a socket type.

#include <mas/core/result.h>
#include <mas/transport/address.h>
#include <mas/transport/tlsoptions.h>

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <QCoro/QCoroTask>

#include <chrono>
#include <functional>
#include <optional>

class QAbstractSocket;
class QIODevice;

namespace mas {

class LocalQueue;
class StreamSocket;
class TlsServer;
class Listener;

/// A TCP peer as "host:port", with brackets around an IPv6 host (the form of Address::tcp()).
QString tcpPeerName(const QAbstractSocket *socket);

/// How to open one stream (connectStream()).
struct StreamConnectOptions
{
    /// TLS, for tcp:// addresses.
    std::optional<TlsOptions> tls;
    /// local://: who connects and the codec the queue decodes frames with (for its event log).
    QString endpointName;
    QString codec;
};

/// One connection attempt to `address` within `timeout`: the connected (for TLS, encrypted)
/// device, or why not (ConnectionRefused is worth retrying; TLS errors, HandshakeTimeout and
/// the rest are not). The caller owns the device.
QCoro::Task<Result<QIODevice *>> connectStream(Address address, StreamConnectOptions options,
                                               std::chrono::milliseconds timeout);

/// A client socket for a tcp:// (without TLS) or ipc:// address, not connecting yet, seen through
/// its adapter (the device is a child of `parent`, the adapter a child of the device). For a
/// caller that runs its own connect state machine, timeout and error texts and must be able to
/// abandon the attempt at once (the TapRelay): it connects to the adapter's signals, then calls
/// startConnecting(). connectStream() is the awaitable way to connect.
Result<StreamSocket *> createClientSocket(const Address &address, QObject *parent);
/// Starts connecting a socket from createClientSocket() to `address` (the same scheme): its
/// connected() or errorOccurred() follows; a missing socket file fails inside this call.
/// abort() or deleting the device abandons the attempt.
void startConnecting(StreamSocket *socket, const Address &address);

/// How to listen (StreamServer::listen()).
struct StreamServerOptions
{
    /// TLS, for tcp:// addresses: connections are handed over after their handshake.
    std::optional<TlsOptions> tls;
    /// Connections the kernel may queue before they are accepted (tcp:// and ipc://).
    int backlog = 50;
    /// local://: the name of the server end and the codec, for the queue's event log.
    QString endpointName;
    QString codec;
    /// Receives each accepted connection (connected, for TLS encrypted); it owns the device.
    std::function<void(QIODevice *)> accepted;
    /// Decides on each operating-system connection as it is accepted (before a TLS handshake),
    /// given the peer's description and how many connections of the same peer (tcp://: the
    /// same IP address; ipc://: the same user id) are open already; one it refuses, the server
    /// closes and deletes. Connections on the LocalQueue are not asked. Empty: every connection
    /// is admitted.
    std::function<bool(const QString &peer, qsizetype fromSamePeer)> admit;
};

/// A listening server of any transport.
class StreamServer : public QObject
{
    Q_OBJECT

public:
    /// Starts listening on `address` (port 0 picks a free port). An ipc:// path where a live
    /// server answers is refused (AddressInUse); a stale socket file there is replaced.
    static Result<StreamServer *> listen(const Address &address, StreamServerOptions options,
                                         QObject *parent = nullptr);
    ~StreamServer() override;

    /// The address listened on (with the real port, or the full socket path).
    Address address() const { return m_address; }
    bool isListening() const;
    /// Stops accepting connections; accepted ones are not touched.
    void close();
    /// TLS handshakes in progress.
    qsizetype handshaking() const;
    /// How often accept() failed (e.g. no file descriptor left), since the server started.
    qint64 acceptFailures() const { return m_acceptFailures; }
    /// How often an ipc:// listener was restored (its socket file made anew) after it failed.
    qint64 listenerRestores() const;

Q_SIGNALS:
    /// A connection failed before it was handed over (a TLS handshake error), logged once.
    void acceptError(const mas::Error &error);

private:
    explicit StreamServer(StreamServerOptions options, QObject *parent);
    /// Hands `device` to the options' callbacks (after the connection limit, if asked).
    void deliver(QIODevice *device, const QString &peer, const QString &peerKey, bool admitted);
    /// Asks the options' admit() about a connection from `peer` (counted under `peerKey`) and
    /// counts it under its key until `device` is destroyed.
    bool admit(QIODevice *device, const QString &peer, const QString &peerKey);
    /// accept() failed with `why`: pause accepting, try again after a back-off (100 ms, doubling
    /// up to 3.2 s); logged at most once per 10 s.
    void onAcceptError(const QString &why, bool resourceShortage);

    StreamServerOptions m_options;
    Address m_address;
    TlsServer *m_tls = nullptr;
    Listener *m_listener = nullptr;
    bool m_unix = false;
    QPointer<LocalQueue> m_queue;
    QHash<QString, qsizetype> m_perPeer;
    QElapsedTimer m_acceptErrorLog;
    qint64 m_acceptFailures = 0;
    qint64 m_unloggedAcceptFailures = 0;
    int m_acceptBackoffMs = 0;
};

} // namespace mas
