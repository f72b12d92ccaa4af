// SPDX-License-Identifier: MIT
#include "sockettransport_p.h"

#include "localqueue.h"
#include "socketpath.h"
#include "streamsocket.h"

#include "mas/core/completion_p.h"
#include "mas/core/logging_p.h"

#include <mas/core/peertext.h>

#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QCoreApplication>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <memory>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

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

/// What the per-peer connection count of a TCP connection is kept under: its IP address.
QString tcpPeerKey(const QAbstractSocket *socket)
{
    QHostAddress address = socket->peerAddress();
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4); // ::ffff:127.0.0.2 is 127.0.0.2
    if (v4)
        address = QHostAddress(ip4);
    return QStringLiteral("tcp ") + address.toString();
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
    // An address that stands for a queue of the in-process network (a Python program's under a
    // PythonHub): reached there, its frames pending like a local:// connection's.
    if (!options.tls && QCoreApplication::instance()
        && QThread::currentThread() == QCoreApplication::instance()->thread()) {
        const QString queue = LocalNetwork::instance()->boundQueue(address.toString());
        if (!queue.isEmpty())
            co_return LocalQueue::get(queue)->connectToServer(options.endpointName, options.codec);
    }

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

/// The TLS handshakes of a server's accepted connections: a connection is handed over only after a successful one.
/// Each failed handshake (plaintext peer, unknown CA, missing client certificate, timeout) is
/// logged once and reported with handshakeFailed().
class TlsServer : public QObject
{
    Q_OBJECT

public:
    TlsServer(QSslConfiguration config, std::chrono::milliseconds handshakeTimeout, QObject *parent)
        : QObject(parent)
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
    /// A connection finished its handshake; the receiver owns the socket.
    void handshaken(QSslSocket *socket);

public:
    /// Starts the handshake on an accepted connection's descriptor.
    void take(qintptr descriptor)
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
            socket->setParent(nullptr);
            Q_EMIT handshaken(socket);
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

// ---- Listener ----

/// A listening socket with its own accept() on the listening descriptor (tcp:// and ipc://).
/// QLocalServer closes itself, and removes its socket file, when accept() fails (e.g. no file
/// descriptor left), and Qt 6.4's QTcpServer calls a failing accept() again and again (a busy
/// loop) without reporting it; this one reports each failure and keeps its socket, so the
/// server can pause and resume accepting.
class Listener : public QObject
{
    Q_OBJECT

public:
    explicit Listener(QObject *parent)
        : QObject(parent)
    {}
    ~Listener() override { close(); }

    /// Takes over a listening descriptor (a TCP socket that QTcpServer set up).
    void adopt(int fd)
    {
        m_fd = fd;
        watch();
    }

    /// Listens on `path` (a name without '/' lies in the temporary directory, as QLocalServer's),
    /// for the owning user only.
    Result<void> listen(const QString &path, int backlog)
    {
        m_path = path.contains(u'/') ? path : QDir::tempPath() + u'/' + path;
        m_backlog = backlog;
        return open();
    }
    /// Makes the socket anew after a failure that was not a shortage of descriptors or memory.
    Result<void> restore()
    {
        if (m_path.isEmpty())
            return Error(ErrorCode::InvalidAddress, tr("Only a Unix socket can be restored"));
        close();
        MAS_TRY_VOID(claimSocketPath(m_path));
        MAS_TRY_VOID(open());
        ++restores;
        return {};
    }
    void close()
    {
        delete m_notifier;
        m_notifier = nullptr;
        if (m_fd < 0)
            return;
        ::close(m_fd);
        m_fd = -1;
        if (m_path.isEmpty())
            return;
        // Remove the socket file if it is still ours (as QLocalServer does when it closes).
        struct stat st{};
        if (::stat(QFile::encodeName(m_path).constData(), &st) == 0 && st.st_ino == m_inode
            && st.st_dev == m_device && S_ISSOCK(st.st_mode))
            ::unlink(QFile::encodeName(m_path).constData());
    }
    bool isListening() const { return m_fd >= 0; }
    QString path() const { return m_path; }
    void setAccepting(bool on)
    {
        if (m_notifier)
            m_notifier->setEnabled(on);
    }

    /// Each accepted connection's descriptor (non-blocking, close-on-exec); the receiver owns it.
    std::function<void(int fd)> accepted;
    /// accept() failed; `shortage`: for want of descriptors or memory (worth waiting for).
    std::function<void(const QString &why, bool shortage)> failed;
    qint64 restores = 0;

private:
    Result<void> open()
    {
        const QByteArray native = QFile::encodeName(m_path);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        if (native.size() >= qsizetype(sizeof addr.sun_path))
            return Error(ErrorCode::InvalidAddress,
                         tr("Cannot listen on ipc://%1: the path is longer than %2 bytes")
                             .arg(m_path)
                             .arg(sizeof addr.sun_path - 1));
        std::memcpy(addr.sun_path, native.constData(), size_t(native.size()));
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (fd < 0)
            return Error(ErrorCode::InvalidAddress, tr("Cannot listen on ipc://%1: %2")
                                                        .arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
        // For the owning user only, from the start (no thread of ours runs meanwhile).
        const mode_t old = ::umask(077);
        const int bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
        const int bindError = errno;
        ::umask(old);
        if (bound != 0 || ::listen(fd, m_backlog) != 0) {
            const int e = bound != 0 ? bindError : errno;
            ::close(fd);
            return Error(e == EADDRINUSE ? ErrorCode::AddressInUse : ErrorCode::InvalidAddress,
                         tr("Cannot listen on ipc://%1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(e))));
        }
        struct stat st{};
        if (::stat(native.constData(), &st) == 0) {
            m_inode = st.st_ino;
            m_device = st.st_dev;
        }
        m_fd = fd;
        watch();
        return {};
    }

    void watch()
    {
        m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] { onReadable(); });
    }

    void onReadable()
    {
        QPointer<Listener> guard(this);
        for (int i = 0; i < 64 && m_fd >= 0; ++i) {
            const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
            if (fd < 0) {
                const int e = errno;
                if (e == EINTR || e == ECONNABORTED || e == EPROTO)
                    continue;
                if (e == EAGAIN || e == EWOULDBLOCK)
                    return;
                const bool shortage = e == EMFILE || e == ENFILE || e == ENOBUFS || e == ENOMEM;
                if (failed)
                    failed(QString::fromLocal8Bit(std::strerror(e)), shortage);
                return;
            }
            if (accepted)
                accepted(fd);
            else
                ::close(fd);
            if (!guard)
                return;
        }
    }

    QString m_path;
    int m_backlog = 50;
    int m_fd = -1;
    ino_t m_inode = 0;
    dev_t m_device = 0;
    QSocketNotifier *m_notifier = nullptr;
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
        MAS_TRY_VOID(queue->setServer([s](QIODevice *device) { s->deliver(device, QString(), QString(), true); },
                                      o.endpointName.isEmpty() ? address.toString() + u'/' : o.endpointName,
                                      o.codec));
        s->m_queue = queue;
        s->m_address = address;
    } else if (address.scheme() == Address::Scheme::Ipc) {
        // Only a stale socket file may be taken over, never a live server's.
        MAS_TRY_VOID(claimSocketPath(address.path()));
        auto *local = new Listener(s);
        if (Result<void> listening = local->listen(address.path(), o.backlog); !listening) {
            qCWarning(lcTransportLocal).noquote() << listening.error().message();
            return listening.error();
        }
        local->accepted = [s](int fd) {
            // The per-peer key of a Unix socket is the peer's user id.
            QString peer = tr("a local client");
            QString key;
            ucred credentials{};
            socklen_t length = sizeof credentials;
            if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0) {
                peer = tr("a local client (user id %1, process %2)").arg(credentials.uid).arg(credentials.pid);
                key = QStringLiteral("uid %1").arg(credentials.uid);
            }
            auto *socket = new QLocalSocket;
            if (!socket->setSocketDescriptor(fd)) {
                ::close(fd);
                delete socket;
                return;
            }
            s->deliver(socket, peer, key, false);
        };
        local->failed = [s](const QString &why, bool shortage) { s->onAcceptError(why, shortage); };
        s->m_listener = local;
        s->m_unix = true;
        s->m_address = Address::ipc(local->path());
    } else if (address.scheme() == Address::Scheme::Tcp) {
        if (o.tls) {
            Result<QSslConfiguration> config = tlsConfiguration(*o.tls);
            if (!config)
                return config.error();
            auto *tls = new TlsServer(*config, o.tls->handshakeTimeout, s);
            QObject::connect(tls, &TlsServer::handshakeFailed, s,
                             [s](const Error &e) { Q_EMIT s->acceptError(e); });
            tls->admit = [s](QAbstractSocket *socket) {
                if (s->admit(socket, tcpPeerName(socket), tcpPeerKey(socket)))
                    return true;
                socket->abort();
                socket->deleteLater();
                return false;
            };
            QObject::connect(tls, &TlsServer::handshaken, s, [s](QSslSocket *socket) {
                socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                s->deliver(socket, tcpPeerName(socket), tcpPeerKey(socket), true); // asked before the handshake
            });
            s->m_tls = tls;
        }
        // QTcpServer sets the socket up (address, SO_REUSEADDR, backlog); the listener accepts.
        QTcpServer tcp;
        tcp.setListenBacklogSize(o.backlog);
        QHostAddress host;
        if (address.host() == u"localhost")
            host = QHostAddress(QHostAddress::LocalHost);
        else if (address.host() == u"*" || address.host() == u"0.0.0.0")
            host = QHostAddress(QHostAddress::Any);
        else if (!host.setAddress(address.host()))
            return Error(ErrorCode::InvalidAddress,
                         tr("Cannot listen on %1: the host must be an IP address or localhost")
                             .arg(address.toString()));
        if (!tcp.listen(host, address.port()))
            return Error(tcp.serverError() == QAbstractSocket::AddressInUseError
                             ? ErrorCode::AddressInUse
                             : ErrorCode::InvalidAddress,
                         tr("Cannot listen on %1: %2").arg(address.toString(), tcp.errorString()));
        const int fd = ::fcntl(int(tcp.socketDescriptor()), F_DUPFD_CLOEXEC, 0);
        const quint16 port = tcp.serverPort();
        tcp.close(); // the duplicate keeps listening
        if (fd < 0)
            return Error(ErrorCode::InvalidAddress, tr("Cannot listen on %1: %2")
                                                        .arg(address.toString(), QString::fromLocal8Bit(std::strerror(errno))));
        auto *listener = new Listener(s);
        listener->adopt(fd);
        listener->accepted = [s](int descriptor) {
            if (s->m_tls) {
                s->m_tls->take(descriptor);
                return;
            }
            auto *socket = new QTcpSocket;
            if (!socket->setSocketDescriptor(descriptor)) {
                ::close(descriptor);
                delete socket;
                return;
            }
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            s->deliver(socket, tcpPeerName(socket), tcpPeerKey(socket), false);
        };
        listener->failed = [s](const QString &why, bool shortage) { s->onAcceptError(why, shortage); };
        s->m_listener = listener;
        s->m_address = Address::tcp(address.host(), port);
    } else {
        return Error(ErrorCode::InvalidAddress, tr("No address to listen on"));
    }
    if (parent)
        server->setParent(parent);
    return server.release();
}

void StreamServer::deliver(QIODevice *device, const QString &peer, const QString &peerKey, bool admitted)
{
    if (!admitted && !admit(device, peer, peerKey)) {
        StreamSocket(device).abort();
        device->deleteLater();
        return;
    }
    if (m_options.accepted)
        m_options.accepted(device);
    else
        delete device;
}

bool StreamServer::admit(QIODevice *device, const QString &peer, const QString &peerKey)
{
    const qsizetype same = peerKey.isEmpty() ? 0 : m_perPeer.value(peerKey);
    if (m_options.admit && !m_options.admit(peer, same))
        return false;
    if (!peerKey.isEmpty()) {
        ++m_perPeer[peerKey];
        connect(device, &QObject::destroyed, this, [this, peerKey] {
            auto it = m_perPeer.find(peerKey);
            if (it != m_perPeer.end() && --it.value() <= 0)
                m_perPeer.erase(it);
        });
    }
    return true;
}

/// accept() failed; the listener keeps its socket. Accept again after a back-off that doubles from 100 ms
/// to 3.2 s while the failures go on (a shortage of descriptors costs a few attempts per
/// second, not a busy loop), logged at most once per 10 s with the count of the failures
/// between. An ipc:// listener that failed for another reason is made anew.
void StreamServer::onAcceptError(const QString &why, bool resourceShortage)
{
    ++m_acceptFailures;
    constexpr int kFirstBackoffMs = 100;
    constexpr int kLastBackoffMs = 3200;
    const bool quietForLong = !m_acceptErrorLog.isValid() || m_acceptErrorLog.elapsed() >= 10'000;
    if (quietForLong && m_unloggedAcceptFailures == 0)
        m_acceptBackoffMs = 0; // a new episode
    m_acceptBackoffMs = m_acceptBackoffMs == 0 ? kFirstBackoffMs : std::min(m_acceptBackoffMs * 2, kLastBackoffMs);
    const QLoggingCategory &category = m_unix ? lcTransportLocal() : lcTransportTcp();
    if (quietForLong) {
        QString line = QStringLiteral("cannot accept connections on %1: %2 - paused, trying again in %3 ms")
                           .arg(m_address.toString(), why)
                           .arg(m_acceptBackoffMs);
        if (m_unloggedAcceptFailures > 0)
            line += QStringLiteral(" (%1 more failures since the last warning)").arg(m_unloggedAcceptFailures);
        qCWarning(category).noquote() << line;
        m_unloggedAcceptFailures = 0;
        m_acceptErrorLog.start();
    } else {
        ++m_unloggedAcceptFailures;
    }
    m_listener->setAccepting(false);
    QTimer::singleShot(m_acceptBackoffMs, m_listener, [this, listener = m_listener, resourceShortage] {
        if (!listener->isListening())
            return; // closed meanwhile
        if (resourceShortage || !m_unix) {
            listener->setAccepting(true);
            return;
        }
        if (Result<void> restored = listener->restore(); restored)
            qCWarning(lcTransportLocal).noquote() << "restored the listening socket" << listener->path();
        else
            onAcceptError(restored.error().message(), false);
    });
}

bool StreamServer::isListening() const
{
    return (m_listener && m_listener->isListening()) || m_queue;
}

void StreamServer::close()
{
    if (m_listener)
        m_listener->close();
    if (m_queue) {
        m_queue->unsetServer();
        m_queue = nullptr;
    }
}

qint64 StreamServer::listenerRestores() const
{
    return m_listener ? m_listener->restores : 0;
}

qsizetype StreamServer::handshaking() const
{
    return m_tls ? m_tls->handshaking() : 0;
}

} // namespace mas

#include "sockettransport.moc"
