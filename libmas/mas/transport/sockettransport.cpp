// SPDX-License-Identifier: MIT
#include "sockettransport_p.h"

#include "localqueue.h"
#include "socketpath.h"
#include "streamsocket.h"

#include "mas/core/completion_p.h"
#include "mas/core/logging_p.h"

#include <mas/core/peertext.h>

#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace mas {

namespace {

/// Why a socket path cannot exist because one of its directories is a file (Qt says only
/// "Unknown error 20"): most often an agent URL written without brackets, ipc:///x.sock/0.
QString ipcPathHint(const QString &path)
{
    QFileInfo parent(QFileInfo(path).absolutePath());
    QString rest = QFileInfo(path).fileName();
    while (!parent.isRoot() && !parent.absoluteFilePath().isEmpty()) {
        if (parent.exists() && !parent.isDir())
            return tr("%1 is not a directory. An agent on a Unix socket is written "
                      "ipc://[SOCKET PATH]/AGENT ID, e.g. ipc://[%1]/%2")
                .arg(parent.absoluteFilePath(), rest);
        if (parent.exists())
            return {};
        rest = parent.fileName() + u'/' + rest;
        parent = QFileInfo(parent.absolutePath());
    }
    return {};
}


Error tlsError(const QString &message)
{
    return Error(ErrorCode::TlsError, message);
}

Result<QSslConfiguration> tlsConfiguration(const TlsOptions &tls)
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

/// A connected TCP or TLS socket whose peer may have closed it while we were resumed (a TLS 1.3
/// server that refuses our certificate does so right after the handshake): the device, or why not.
Result<QIODevice *> stillConnected(std::unique_ptr<QAbstractSocket> socket, const Address &address)
{
    if (socket->state() == QAbstractSocket::ConnectedState)
        return static_cast<QIODevice *>(socket.release());
    const bool tlsFailed = socket->error() == QAbstractSocket::SslHandshakeFailedError
                           || socket->error() == QAbstractSocket::SslInternalError;
    if (tlsFailed)
        return tlsError(tr("TLS failed on the connection to %1: %2").arg(address.toString(), socket->errorString()));
    return Error(ErrorCode::ConnectionReset,
                 tr("Connection reset by peer %1 right after connecting").arg(address.toString()));
}

} // namespace

QCoro::Task<Result<QIODevice *>> connectStream(Address address, StreamConnectOptions options,
                                               std::chrono::milliseconds timeout)
{
    if (address.scheme() == Address::Scheme::Local) {
        // In process: refused at once when no container serves the queue.
        co_return LocalQueue::get(address.queueId())->connectToServer(options.endpointName, options.codec);
    }
    if (address.scheme() != Address::Scheme::Ipc && address.scheme() != Address::Scheme::Tcp)
        co_return Error(ErrorCode::InvalidAddress, tr("No address to connect to"));

    detail::Completion<Result<void>> done;
    QObject context;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &context, [done, address]() mutable {
        done.complete(Error(ErrorCode::Timeout,
                            tr("Connecting to %1 timed out").arg(address.toString())));
    });

    if (address.scheme() == Address::Scheme::Ipc) {
        auto socket = std::make_unique<QLocalSocket>();
        QObject::connect(socket.get(), &QLocalSocket::connected, &context, [done]() mutable { done.complete({}); });
        QObject::connect(socket.get(), &QLocalSocket::errorOccurred, &context,
                         [done, s = socket.get(), address](QLocalSocket::LocalSocketError e) mutable {
                             const bool refused = e == QLocalSocket::ServerNotFoundError
                                                  || e == QLocalSocket::ConnectionRefusedError;
                             const QString hint = ipcPathHint(address.path());
                             // A path that cannot exist is not worth retrying.
                             const ErrorCode code = !hint.isEmpty() ? ErrorCode::InvalidAddress
                                                    : refused       ? ErrorCode::ConnectionRefused
                                                                    : ErrorCode::ConnectionReset;
                             done.complete(Error(code,
                                                 tr("Cannot connect to %1: %2")
                                                     .arg(address.toString(),
                                                          hint.isEmpty() ? s->errorString() : hint)));
                         });
        timer.start(timeout);
        socket->connectToServer(address.path());
        Result<void> r = co_await done;
        if (!r)
            co_return r.error();
        co_return static_cast<QIODevice *>(socket.release());
    }

    if (options.tls) {
        Result<QSslConfiguration> config = tlsConfiguration(*options.tls);
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
        co_return stillConnected(std::move(socket), address);
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
    co_return stillConnected(std::move(socket), address);
}

Result<StreamSocket *> createClientSocket(const Address &address, QObject *parent)
{
    QIODevice *device = nullptr;
    if (address.scheme() == Address::Scheme::Ipc)
        device = new QLocalSocket(parent);
    else if (address.scheme() == Address::Scheme::Tcp)
        device = new QTcpSocket(parent);
    else
        return Error(ErrorCode::InvalidAddress,
                     tr("Cannot connect to \"%1\": only tcp:// and ipc:// addresses")
                         .arg(address.toString()));
    return new StreamSocket(device, device);
}

void startConnecting(StreamSocket *socket, const Address &address)
{
    if (auto *local = qobject_cast<QLocalSocket *>(socket->device())) {
        Q_ASSERT(address.scheme() == Address::Scheme::Ipc);
        local->connectToServer(address.path());
    } else if (auto *tcp = qobject_cast<QTcpSocket *>(socket->device())) {
        Q_ASSERT(address.scheme() == Address::Scheme::Tcp);
        tcp->connectToHost(address.host(), address.port());
    } else {
        Q_ASSERT_X(false, "startConnecting", "not a socket of createClientSocket()");
    }
}

// ---- TlsServer ----

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
            // The reason may quote the peer's certificate: escaped, shortened, rate-limited.
            if (LogLimiter::global().allow(lcTransportTls(), QStringLiteral("failed TLS handshakes")))
                qCWarning(lcTransportTls).noquote() << peerText(e.message(), 400);
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

// ---- StreamServer ----

StreamServer::StreamServer(StreamServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

StreamServer::~StreamServer()
{
    if (m_queue)
        m_queue->unsetServer();
}

Result<StreamServer *> StreamServer::listen(const Address &address, StreamServerOptions options,
                                            QObject *parent)
{
    auto server = std::unique_ptr<StreamServer>(new StreamServer(std::move(options), nullptr));
    StreamServer *s = server.get();
    const StreamServerOptions &o = s->m_options;

    if (address.scheme() == Address::Scheme::Local) {
        LocalQueue *queue = LocalQueue::get(address.queueId());
        MAS_TRY_VOID(queue->setServer([s](QIODevice *device) { s->deliver(device, QString(), true); },
                                      o.endpointName.isEmpty() ? address.toString() + u'/' : o.endpointName,
                                      o.codec));
        s->m_queue = queue;
        s->m_address = address;
    } else if (address.scheme() == Address::Scheme::Ipc) {
        // QLocalServer (with access options) replaces the socket file even when another process
        // serves it: only a stale file may be taken over.
        MAS_TRY_VOID(claimSocketPath(address.path()));
        auto *local = new QLocalServer(s);
        local->setSocketOptions(QLocalServer::UserAccessOption);
        local->setListenBacklogSize(o.backlog);
        if (!local->listen(address.path())) {
            const Error e(local->serverError() == QAbstractSocket::AddressInUseError ? ErrorCode::AddressInUse
                                                                                     : ErrorCode::InvalidAddress,
                          tr("Cannot listen on %1: %2").arg(address.toString(), local->errorString()));
            qCWarning(lcTransportLocal).noquote() << e.message();
            return e;
        }
        QObject::connect(local, &QLocalServer::newConnection, s, [s, local] {
            while (QLocalSocket *socket = local->nextPendingConnection())
                s->deliver(socket, QStringLiteral("a local client"), false);
        });
        s->m_local = local;
        s->m_address = Address::ipc(local->fullServerName());
    } else if (address.scheme() == Address::Scheme::Tcp) {
        QTcpServer *tcp = nullptr;
        if (o.tls) {
            Result<QSslConfiguration> config = tlsConfiguration(*o.tls);
            if (!config)
                return config.error();
            auto *tls = new TlsServer(*config, o.tls->handshakeTimeout, s);
            QObject::connect(tls, &TlsServer::handshakeFailed, s,
                             [s](const Error &e) { Q_EMIT s->acceptError(e); });
            tls->admit = [s](QAbstractSocket *socket) {
                if (!s->m_options.admit || s->m_options.admit(tcpPeerName(socket)))
                    return true;
                socket->abort();
                socket->deleteLater();
                return false;
            };
            s->m_tls = tls;
            tcp = tls;
        } else {
            tcp = new QTcpServer(s);
        }
        tcp->setListenBacklogSize(o.backlog);
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
        const bool admitted = bool(o.tls); // asked before the handshake
        const auto drain = [s, tcp, admitted] {
            while (QTcpSocket *socket = tcp->nextPendingConnection()) {
                socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                s->deliver(socket, tcpPeerName(socket), admitted);
            }
        };
        // Emitted for plain and TLS connections alike (a TLS server adds its sockets once
        // encrypted), so one connection drains both.
        QObject::connect(tcp, &QTcpServer::pendingConnectionAvailable, s, drain);
        QObject::connect(tcp, &QTcpServer::acceptError, s, [s] { s->onAcceptError(); });
        s->m_tcp = tcp;
        s->m_address = Address::tcp(address.host(), tcp->serverPort());
    } else {
        return Error(ErrorCode::InvalidAddress, tr("No address to listen on"));
    }
    if (parent)
        server->setParent(parent);
    return server.release();
}

void StreamServer::deliver(QIODevice *device, const QString &peer, bool admitted)
{
    if (!admitted && m_options.admit && !m_options.admit(peer)) {
        StreamSocket(device).abort();
        device->deleteLater();
        return;
    }
    if (m_options.accepted)
        m_options.accepted(device);
    else
        delete device;
}

/// QTcpServer stops accepting for good after an accept() error such as "too many open files";
/// accept again a little later instead (logged at most once per 10 s).
void StreamServer::onAcceptError()
{
    if (!m_acceptErrorLog.isValid() || m_acceptErrorLog.elapsed() >= 10'000) {
        qCWarning(lcTransportTcp).noquote() << "cannot accept connections on" << m_address.toString()
                                            << ":" << m_tcp->errorString() << "- trying again every 100 ms";
        m_acceptErrorLog.start();
    }
    QTimer::singleShot(100, m_tcp, [tcp = m_tcp] {
        if (tcp->isListening())
            tcp->resumeAccepting();
    });
}

bool StreamServer::isListening() const
{
    return (m_tcp && m_tcp->isListening()) || (m_local && m_local->isListening()) || m_queue;
}

void StreamServer::close()
{
    if (m_tcp)
        m_tcp->close();
    if (m_local)
        m_local->close();
    if (m_queue) {
        m_queue->unsetServer();
        m_queue = nullptr;
    }
}

qsizetype StreamServer::handshaking() const
{
    return m_tls ? m_tls->handshaking() : 0;
}

} // namespace mas

#include "sockettransport.moc"
