// SPDX-License-Identifier: MIT
#include "connection.h"

#include "channel_p.h"

#include <mas/transport/localqueue.h>

#include "mas/core/completion_p.h"
#include "mas/core/logging_p.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <QCoro/QCoroTimer>

namespace mas {

namespace {

Error tlsError(const QString &message)
{
    return Error(ErrorCode::TlsError, message);
}

Result<QSslConfiguration> tlsConfiguration(const TlsOptions &tls, bool server)
{
    if (tls.configuration)
        return *tls.configuration;
    if (!QSslSocket::supportsSsl())
        return tlsError(tr("TLS is not available (no TLS backend could be loaded)"));
    const QList<QSslCertificate> cas = QSslCertificate::fromPath(tls.caFile, QSsl::Pem);
    if (cas.isEmpty())
        return tlsError(tr("Cannot read a CA certificate from \"%1\"").arg(tls.caFile));
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(tls.certFile, QSsl::Pem);
    if (chain.isEmpty())
        return tlsError(tr("Cannot read a certificate from \"%1\"").arg(tls.certFile));
    QFile keyFile(tls.keyFile);
    if (!keyFile.open(QIODevice::ReadOnly))
        return tlsError(tr("Cannot read the private key \"%1\"").arg(tls.keyFile));
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return tlsError(tr("\"%1\" holds no usable private key").arg(tls.keyFile));

    // Both sides verify the peer (mutual authentication, as aiomas's SSLCerts); only the client
    // checks the host name, which QSslSocket does against the name it connected to.
    Q_UNUSED(server)
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setCaCertificates(cas);
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    return config;
}

Error socketError(QAbstractSocket *socket, const Address &address)
{
    const QString where = address.toString();
    switch (socket->error()) {
    case QAbstractSocket::ConnectionRefusedError:
        return Error(ErrorCode::ConnectionRefused, tr("Connection to %1 refused").arg(where));
    case QAbstractSocket::HostNotFoundError:
        return Error(ErrorCode::ConnectionRefused, tr("Host of %1 not found").arg(where));
    case QAbstractSocket::SocketTimeoutError:
        return Error(ErrorCode::Timeout, tr("Connecting to %1 timed out").arg(where));
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return tlsError(tr("TLS handshake with %1 failed: %2").arg(where, socket->errorString()));
    case QAbstractSocket::RemoteHostClosedError:
        return Error(ErrorCode::ConnectionReset,
                     tr("%1 closed the connection while connecting").arg(where));
    default:
        return Error(ErrorCode::ConnectionRefused,
                     tr("Cannot connect to %1: %2").arg(where, socket->errorString()));
    }
}

/// One connection attempt. Returns the connected (and, for TLS, encrypted) device.
QCoro::Task<Result<QIODevice *>> connectOnce(const Address &address,
                                             const ChannelOptions &options,
                                             std::chrono::milliseconds timeout)
{
    detail::Completion<Result<void>> done;
    QObject context;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &context, [done, address]() mutable {
        done.complete(Error(ErrorCode::Timeout,
                            tr("Connecting to %1 timed out").arg(address.toString())));
    });

    if (address.scheme() == Address::Scheme::Local) {
        // In process: refused at once when no container serves the queue.
        co_return LocalQueue::get(address.queueId())->connectToServer(options.endpointName, options.codec);
    }

    if (address.scheme() == Address::Scheme::Ipc) {
        auto socket = std::make_unique<QLocalSocket>();
        QObject::connect(socket.get(), &QLocalSocket::connected, &context, [done]() mutable { done.complete({}); });
        QObject::connect(socket.get(), &QLocalSocket::errorOccurred, &context,
                         [done, s = socket.get(), address](QLocalSocket::LocalSocketError e) mutable {
                             const bool refused = e == QLocalSocket::ServerNotFoundError
                                                  || e == QLocalSocket::ConnectionRefusedError;
                             done.complete(Error(refused ? ErrorCode::ConnectionRefused
                                                         : ErrorCode::ConnectionReset,
                                                 tr("Cannot connect to %1: %2")
                                                     .arg(address.toString(), s->errorString())));
                         });
        timer.start(timeout);
        socket->connectToServer(address.path());
        Result<void> r = co_await done;
        if (!r)
            co_return r.error();
        co_return static_cast<QIODevice *>(socket.release());
    }

    if (options.tls) {
        Result<QSslConfiguration> config = tlsConfiguration(*options.tls, false);
        if (!config)
            co_return config.error();
        auto socket = std::make_unique<QSslSocket>();
        socket->setSslConfiguration(*config);
        if (!options.tls->peerVerifyName.isEmpty())
            socket->setPeerVerifyName(options.tls->peerVerifyName);
        QObject::connect(socket.get(), &QSslSocket::encrypted, &context, [done]() mutable { done.complete({}); });
        QObject::connect(socket.get(), &QSslSocket::sslErrors, &context,
                         [done, address](const QList<QSslError> &errors) mutable {
                             QStringList texts;
                             for (const QSslError &e : errors)
                                 texts << e.errorString();
                             done.complete(tlsError(tr("TLS verification of %1 failed: %2")
                                                        .arg(address.toString(), texts.join(u"; "))));
                         });
        QObject::connect(socket.get(), &QAbstractSocket::errorOccurred, &context,
                         [done, s = socket.get(), address](QAbstractSocket::SocketError) mutable {
                             done.complete(socketError(s, address));
                         });
        timer.start(timeout);
        socket->connectToHostEncrypted(address.host(), address.port());
        Result<void> r = co_await done;
        if (!r) {
            // Connected, but the handshake did not finish: say so rather than "timed out"/"reset".
            const bool tcpUp = socket->state() == QAbstractSocket::ConnectedState
                               || socket->error() == QAbstractSocket::RemoteHostClosedError;
            if (tcpUp && r.error().code() == ErrorCode::Timeout)
                co_return Error(ErrorCode::HandshakeTimeout,
                                tr("The TLS handshake with %1 did not finish within %2 ms")
                                    .arg(address.toString())
                                    .arg(timeout.count()));
            if (tcpUp && r.error().code() == ErrorCode::ConnectionReset)
                co_return tlsError(tr("%1 closed the connection during the TLS handshake (its "
                                      "log says why: no TLS there, our certificate refused, or "
                                      "too many connections)")
                                       .arg(address.toString()));
            co_return r.error();
        }
        co_return static_cast<QIODevice *>(socket.release());
    }

    auto socket = std::make_unique<QTcpSocket>();
    QObject::connect(socket.get(), &QAbstractSocket::connected, &context, [done]() mutable { done.complete({}); });
    QObject::connect(socket.get(), &QAbstractSocket::errorOccurred, &context,
                     [done, s = socket.get(), address](QAbstractSocket::SocketError) mutable {
                         done.complete(socketError(s, address));
                     });
    timer.start(timeout);
    socket->connectToHost(address.host(), address.port());
    Result<void> r = co_await done;
    if (!r)
        co_return r.error();
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    co_return static_cast<QIODevice *>(socket.release());
}

/// A TCP server whose connections become pending only after a successful TLS handshake.
/// Each failed handshake (plaintext peer, unknown CA, missing client certificate, timeout) is
/// logged once and reported with handshakeFailed().
class TlsServer : public QTcpServer
{
    Q_OBJECT

public:
    TlsServer(QSslConfiguration config, std::chrono::milliseconds handshakeTimeout, QObject *parent)
        : QTcpServer(parent)
        , m_config(std::move(config))
        , m_handshakeTimeout(handshakeTimeout)
    {}

    /// Decides on each accepted socket before its handshake (the connection limit); a socket
    /// it refuses, it closes itself.
    std::function<bool(QAbstractSocket *)> admit;
    /// Handshakes in progress.
    qsizetype handshaking() const { return m_handshaking; }

Q_SIGNALS:
    void handshakeFailed(const mas::Error &error);

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(m_config);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        if (admit && !admit(socket))
            return;
        ++m_handshaking;
        const QString peer = socket->peerAddress().toString();
        auto finished = std::make_shared<bool>(false);
        const auto fail = [this, socket, peer, finished](const QString &why,
                                                         ErrorCode code = ErrorCode::TlsError) {
            if (*finished)
                return;
            *finished = true;
            --m_handshaking;
            const Error e(code, tr("A TLS connection from %1 failed: %2").arg(peer, why));
            qCWarning(lcTransportTls).noquote() << e.message();
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
            Q_EMIT handshakeFailed(e);
        };
        connect(socket, &QSslSocket::encrypted, this, [this, socket, finished] {
            if (*finished)
                return;
            *finished = true;
            --m_handshaking;
            socket->disconnect(this);
            addPendingConnection(socket); // emits pendingConnectionAvailable()
        });
        connect(socket, &QSslSocket::sslErrors, this, [fail](const QList<QSslError> &errors) {
            QStringList texts;
            for (const QSslError &e : errors)
                texts << e.errorString();
            fail(texts.join(u"; "));
        });
        connect(socket, &QAbstractSocket::errorOccurred, this,
                [fail, socket](QAbstractSocket::SocketError) { fail(socket->errorString()); });
        connect(socket, &QAbstractSocket::disconnected, this,
                [fail] { fail(tr("the peer closed the connection during the handshake")); });
        QTimer::singleShot(m_handshakeTimeout, socket, [fail, ms = m_handshakeTimeout.count()] {
            fail(tr("the handshake did not finish within %1 ms").arg(ms),
                 ErrorCode::HandshakeTimeout);
        });
        socket->startServerEncryption();
    }

private:
    QSslConfiguration m_config;
    std::chrono::milliseconds m_handshakeTimeout;
    qsizetype m_handshaking = 0;
};

/// Connections the kernel may hold for us before we accept them: enough for a burst of clients
/// up to the connection limit (Qt's default is 50; the kernel caps it at net.core.somaxconn).
int listenBacklog(const ChannelOptions &options)
{
    return int(std::clamp<qsizetype>(options.maxConnections, 50, 4096));
}

Result<std::unique_ptr<Codec>> makeCodec(const ChannelOptions &options)
{
    MAS_TRY(codec, Codec::create(options.codec));
    for (const SerializerSetup &setup : options.extraSerializers) {
        if (Result<void> r = setup(codec->serializers()); !r)
            return r.error();
    }
    return codec;
}

} // namespace

QCoro::Task<Result<std::unique_ptr<Channel>>> openConnection(Address address, ChannelOptions options)
{
    if (!address.isValid())
        co_return Error(ErrorCode::InvalidAddress, tr("No address to connect to"));
    if (Result<void> valid = options.validate(); !valid) {
        qCWarning(lcChannel).noquote() << "not connecting to" << address.toString() << ":" << valid.error().message();
        co_return valid.error();
    }
    // Check the codec before connecting, so a typo fails fast.
    if (Result<std::unique_ptr<Codec>> probe = makeCodec(options); !probe)
        co_return probe.error();

    // The pauses between attempts run on the connection's clock (a LocalQueue system's own,
    // see TimeoutClock), else in real time.
    QPointer<Clock> clock = timeoutClockFor(options, address.scheme() != Address::Scheme::Local);
    const bool onClock = bool(clock);
    const double startedOnClock = onClock ? clock->time() : 0.0;
    QElapsedTimer elapsed;
    elapsed.start();
    std::chrono::milliseconds delay(500);
    for (;;) {
        std::chrono::milliseconds attempt = options.attemptTimeout;
        if (options.tls)
            attempt = std::max(attempt, options.tls->handshakeTimeout);
        Result<QIODevice *> device = co_await connectOnce(address, options, attempt);
        if (device) {
            // The peer may have closed the connection while we were resumed (a TLS 1.3 server
            // that refuses our certificate does so right after the handshake).
            if (auto *socket = qobject_cast<QAbstractSocket *>(*device);
                socket && socket->state() != QAbstractSocket::ConnectedState) {
                const bool tlsFailed = socket->error() == QAbstractSocket::SslHandshakeFailedError
                                       || socket->error() == QAbstractSocket::SslInternalError;
                const Error e = tlsFailed
                                    ? tlsError(tr("TLS failed on the connection to %1: %2")
                                                   .arg(address.toString(), socket->errorString()))
                                    : Error(ErrorCode::ConnectionReset,
                                            tr("Connection reset by peer %1 right after "
                                               "connecting")
                                                .arg(address.toString()));
                delete socket;
                co_return e;
            }
            Result<std::unique_ptr<Codec>> codec = makeCodec(options);
            if (!codec) {
                delete *device;
                co_return codec.error();
            }
            co_return std::make_unique<Channel>(*device, std::move(*codec), options);
        }
        const Error error = device.error();
        // aiomas retries refused connections; TLS and other errors will not heal by retrying.
        const bool retryable = error.code() == ErrorCode::ConnectionRefused;
        if (onClock && !clock)
            co_return Error(ErrorCode::Cancelled,
                            tr("The clock was destroyed while connecting to %1").arg(address.toString()));
        const double elapsedMs = onClock ? (clock->time() - startedOnClock) * 1000.0 : double(elapsed.elapsed());
        const bool keepTrying = !options.connectTimeout.has_value()
                                || (options.connectTimeout->count() > 0
                                    && elapsedMs <= double(options.connectTimeout->count()));
        if (!retryable || !keepTrying) {
            qCDebug(lcChannel).noquote() << "connect failed:" << error.message();
            co_return error;
        }
        qCDebug(lcChannel).noquote() << error.message() << "- retrying in" << delay.count() << "ms";
        if (onClock) {
            // A clock destroyed meanwhile wakes the sleeper with Cancelled.
            const QString description = tr("connect to %1 again").arg(address.toString());
            if (Result<void> slept = co_await clock->sleep(double(delay.count()) / 1000.0, description); !slept)
                co_return Error(ErrorCode::Cancelled,
                                tr("The clock was destroyed while connecting to %1").arg(address.toString()));
        } else {
            co_await QCoro::sleepFor(delay);
        }
        delay = std::min(std::chrono::milliseconds(delay.count() * 3 / 2), std::chrono::milliseconds(30'000));
    }
}

// ---- ChannelServer ----

class ChannelServerPrivate
{
public:
    explicit ChannelServerPrivate(ChannelServer *q)
        : q(q)
    {}

    /// The connection limit (tcp:// and ipc://; in-process LocalQueue connections are not
    /// limited): false after closing `device` with one log line when the server is full.
    bool admit(QIODevice *device)
    {
        if (queue)
            return true;
        const qsizetype open = channels.size() + (tls ? tls->handshaking() : 0);
        if (open < options.maxConnections)
            return true;
        QString peer = QStringLiteral("a local client");
        if (auto *socket = qobject_cast<QAbstractSocket *>(device))
            peer = socket->peerAddress().toString() + u':' + QString::number(socket->peerPort());
        const Error e(
            ErrorCode::TooManyConnections,
            mas::tr("Refused a connection from %1: the server on %2 has %3 connections, the "
                    "limit (maxConnections)")
                .arg(peer, address.toString())
                .arg(open));
        // A flood must not flood the log: one line per second, with the count of the others.
        if (!refusalLog.isValid() || refusalLog.elapsed() >= 1000) {
            if (unloggedRefusals > 0)
                qCWarning(lcChannel).noquote()
                    << e.message()
                    << QStringLiteral("(and %1 more since the last warning)")
                           .arg(std::exchange(unloggedRefusals, 0));
            else
                qCWarning(lcChannel).noquote() << e.message();
            refusalLog.start();
        } else {
            ++unloggedRefusals;
        }
        if (auto *socket = qobject_cast<QAbstractSocket *>(device))
            socket->abort();
        else if (auto *local = qobject_cast<QLocalSocket *>(device))
            local->abort();
        device->deleteLater();
        Q_EMIT q->acceptError(e);
        return false;
    }

    /// QTcpServer stops accepting for good after an accept() error such as "too many open
    /// files"; accept again a little later instead (logged at most once per 10 s).
    void onAcceptError(QTcpServer *server)
    {
        if (!acceptErrorLog.isValid() || acceptErrorLog.elapsed() >= 10'000) {
            qCWarning(lcTransportTcp).noquote()
                << "cannot accept connections on" << address.toString() << ":"
                << server->errorString() << "- trying again every 100 ms";
            acceptErrorLog.start();
        }
        QTimer::singleShot(100, server, [server] {
            if (server->isListening())
                server->resumeAccepting();
        });
    }

    void accept(QIODevice *device)
    {
        if (!tls && !admit(device))
            return;
        Result<std::unique_ptr<Codec>> codec = makeCodec(options);
        if (!codec) {
            qCWarning(lcChannel).noquote() << "refusing a connection:" << codec.error().message();
            delete device;
            return;
        }
        if (auto *tcp = qobject_cast<QAbstractSocket *>(device))
            tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *channel = new Channel(device, std::move(*codec), options, q);
        channels.append(channel);
        QObject::connect(channel, &Channel::closed, q, [this, channel] {
            channels.removeOne(channel);
            channel->deleteLater();
        });
        Q_EMIT q->newChannel(channel);
    }

    ChannelServer *q;
    ChannelOptions options;
    Address address;
    QTcpServer *tcp = nullptr;
    TlsServer *tls = nullptr;
    QLocalServer *local = nullptr;
    QPointer<LocalQueue> queue;
    QList<QPointer<Channel>> channels;
    QElapsedTimer refusalLog;
    qsizetype unloggedRefusals = 0;
    QElapsedTimer acceptErrorLog;
};

ChannelServer::ChannelServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ChannelServerPrivate>(this))
{}

ChannelServer::~ChannelServer()
{
    if (d->queue)
        d->queue->unsetServer();
}

Result<ChannelServer *> ChannelServer::listen(const Address &address,
                                             const ChannelOptions &options,
                                             QObject *parent)
{
    if (Result<void> valid = options.validate(); !valid) {
        qCWarning(lcChannel).noquote() << "not listening on" << address.toString() << ":" << valid.error().message();
        return valid.error();
    }
    if (Result<std::unique_ptr<Codec>> probe = makeCodec(options); !probe)
        return probe.error();
    auto server = std::unique_ptr<ChannelServer>(new ChannelServer(parent));
    ChannelServerPrivate *d = server->d.get();
    d->options = options;

    if (address.scheme() == Address::Scheme::Local) {
        LocalQueue *queue = LocalQueue::get(address.queueId());
        MAS_TRY_VOID(queue->setServer([d](QIODevice *device) { d->accept(device); },
                                      options.endpointName.isEmpty() ? address.toString() + u'/' : options.endpointName,
                                      options.codec));
        d->queue = queue;
        d->address = address;
    } else if (address.scheme() == Address::Scheme::Ipc) {
        auto *local = new QLocalServer(server.get());
        local->setSocketOptions(QLocalServer::UserAccessOption);
        local->setListenBacklogSize(listenBacklog(options));
        if (!local->listen(address.path())) {
            // A stale socket file from a crashed process: remove it and try once more.
            if (local->serverError() == QAbstractSocket::AddressInUseError) {
                QLocalSocket probe;
                probe.connectToServer(address.path());
                if (!probe.waitForConnected(200)) // a local check, at most 200 ms, once
                    QLocalServer::removeServer(address.path());
            }
            if (!local->listen(address.path()))
                return Error(ErrorCode::AddressInUse,
                             tr("Cannot listen on %1: %2").arg(address.toString(), local->errorString()));
        }
        QObject::connect(local, &QLocalServer::newConnection, server.get(), [d, local] {
            while (QLocalSocket *socket = local->nextPendingConnection())
                d->accept(socket);
        });
        d->local = local;
        d->address = Address::ipc(local->fullServerName());
    } else if (address.scheme() == Address::Scheme::Tcp) {
        QTcpServer *tcp = nullptr;
        if (options.tls) {
            Result<QSslConfiguration> config = tlsConfiguration(*options.tls, true);
            if (!config)
                return config.error();
            auto *ssl = new TlsServer(*config, options.tls->handshakeTimeout, server.get());
            QObject::connect(ssl, &TlsServer::handshakeFailed, server.get(),
                             [s = server.get()](const Error &e) { Q_EMIT s->acceptError(e); });
            ssl->admit = [d](QAbstractSocket *socket) { return d->admit(socket); };
            d->tls = ssl;
            tcp = ssl;
        } else {
            tcp = new QTcpServer(server.get());
        }
        tcp->setListenBacklogSize(listenBacklog(options));
        QHostAddress host;
        if (address.host() == u"localhost")
            host = QHostAddress(QHostAddress::LocalHost);
        else if (address.host() == u"*" || address.host() == u"0.0.0.0")
            host = QHostAddress(QHostAddress::Any);
        else if (!host.setAddress(address.host()))
            return Error(ErrorCode::InvalidAddress,
                         tr("Cannot listen on %1: the host must be an IP address or localhost")
                             .arg(address.toString()));
        if (!tcp->listen(host, address.port()))
            return Error(tcp->serverError() == QAbstractSocket::AddressInUseError
                             ? ErrorCode::AddressInUse
                             : ErrorCode::InvalidAddress,
                         tr("Cannot listen on %1: %2").arg(address.toString(), tcp->errorString()));
        const auto drain = [d, tcp] {
            while (QTcpSocket *socket = tcp->nextPendingConnection())
                d->accept(socket);
        };
        QObject::connect(tcp, &QTcpServer::pendingConnectionAvailable, server.get(), drain);
        QObject::connect(tcp, &QTcpServer::newConnection, server.get(), drain);
        QObject::connect(tcp, &QTcpServer::acceptError, server.get(),
                         [d, tcp] { d->onAcceptError(tcp); });
        d->tcp = tcp;
        d->address = Address::tcp(address.host(), tcp->serverPort());
    } else {
        return Error(ErrorCode::InvalidAddress, tr("No address to listen on"));
    }
    qCDebug(lcChannel).noquote() << "listening on" << d->address.toString();
    return server.release();
}

Address ChannelServer::address() const
{
    return d->address;
}

QList<Channel *> ChannelServer::channels() const
{
    QList<Channel *> result;
    for (const QPointer<Channel> &c : d->channels) {
        if (c && c->isOpen())
            result.append(c);
    }
    return result;
}

bool ChannelServer::isListening() const
{
    return (d->tcp && d->tcp->isListening()) || (d->local && d->local->isListening()) || d->queue;
}

void ChannelServer::close()
{
    if (d->tcp)
        d->tcp->close();
    if (d->local)
        d->local->close();
    if (d->queue) {
        d->queue->unsetServer();
        d->queue = nullptr;
    }
}

QCoro::Task<void> ChannelServer::shutdown()
{
    close();
    QPointer<ChannelServer> guard(this);
    const QList<Channel *> open = channels();
    for (Channel *c : open) {
        QPointer<Channel> channel(c);
        co_await c->close();
        if (!guard)
            co_return;
    }
}

Result<ChannelServer *> startServer(const Address &address,
                                    std::function<void(Channel *)> onConnected,
                                    const ChannelOptions &options,
                                    QObject *parent)
{
    MAS_TRY(server, ChannelServer::listen(address, options, parent));
    if (onConnected)
        QObject::connect(server, &ChannelServer::newChannel, server, std::move(onConnected));
    return server;
}

} // namespace mas

#include "connection.moc"
