// SPDX-License-Identifier: MIT
#include "streamsocket.h"

#include "localnetwork_p.h"
#include "sockettransport_p.h"

#include <QAbstractSocket>
#include <QHostAddress>
#include <QIODevice>
#include <QLocalSocket>
#include <QSslCipher>
#include <QSslSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <cerrno>
#endif

namespace mas {

QString tcpPeerName(const QAbstractSocket *socket)
{
    const QString host = socket->peerAddress().toString();
    return (host.contains(u':') ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2")).arg(host).arg(socket->peerPort());
}

/// What differs between the kinds of stream: one implementation per kind, chosen once when the
/// adapter is made.
class StreamSocketBackend
{
public:
    StreamSocketBackend(StreamSocket *q, QIODevice *device, StreamSocket::Kind kind)
        : q(q)
        , device(device)
        , kind(kind)
    {}
    virtual ~StreamSocketBackend() = default;

    virtual bool isConnected() const { return device && device->isOpen(); }
    virtual bool isClosed() const { return !device || !device->isOpen(); }
    /// The peer's name, remembered once connected (a closed socket forgets its peer).
    QString peerName()
    {
        if (!cachedPeer.isEmpty())
            return cachedPeer;
        QString name = describePeer();
        if (isConnected())
            cachedPeer = name;
        return name;
    }
    virtual QString describePeer() const
    {
        if (!device)
            return {};
        if (!device->objectName().isEmpty())
            return device->objectName(); // e.g. "LocalQueue('demo')"
        return QString::fromLatin1(device->metaObject()->className());
    }
    virtual quint16 peerPort() const { return 0; }
    virtual quint16 localPort() const { return 0; }
    virtual void setReadBufferSize(qint64) {}
    virtual void setLowDelay() {}
    virtual bool disconnectFromPeer()
    {
        if (device)
            device->close();
        return false;
    }
    virtual void abort()
    {
        if (device)
            device->close();
    }
    virtual bool isEncrypted() const { return false; }
    virtual QString encryptionDescription() const { return {}; }
    virtual QByteArray read(qint64 maxSize) { return device ? device->read(maxSize) : QByteArray(); }
    virtual qint64 writeDirect(const char *, qint64) { return -1; }

    /// send() on a socket descriptor without blocking: the bytes taken, 0 when the socket's
    /// buffer is full, -1 on an error (left to the device to find and report).
    static qint64 sendNow(qintptr descriptor, const char *data, qint64 size)
    {
#ifdef Q_OS_UNIX
        if (descriptor < 0)
            return -1;
        for (;;) {
            const ssize_t n = ::send(int(descriptor), data, size_t(size), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n >= 0)
                return qint64(n);
            if (errno == EINTR)
                continue;
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
        }
#else
        Q_UNUSED(descriptor) Q_UNUSED(data) Q_UNUSED(size)
        return -1;
#endif
    }

    void emitConnected() { Q_EMIT q->connected(); }
    void emitDisconnected() { Q_EMIT q->disconnected(); }
    void emitError(const Error &e) { Q_EMIT q->errorOccurred(e); }

    StreamSocket *q;
    QPointer<QIODevice> device;
    StreamSocket::Kind kind;
    QString cachedPeer;
};

namespace {

/// TCP and TLS.
class NetworkBackend : public StreamSocketBackend
{
public:
    NetworkBackend(StreamSocket *q, QAbstractSocket *socket, QSslSocket *ssl)
        : StreamSocketBackend(q, socket, ssl ? StreamSocket::Kind::Tls : StreamSocket::Kind::Tcp)
        , socket(socket)
        , ssl(ssl)
    {
        QObject::connect(socket, &QAbstractSocket::connected, q, [this] { emitConnected(); });
        QObject::connect(socket, &QAbstractSocket::disconnected, q, [this] { emitDisconnected(); });
        QObject::connect(socket, &QAbstractSocket::errorOccurred, q, [this](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::SocketTimeoutError) {
                emitError(Error(ErrorCode::Timeout, mas::tr("The connection to %1 failed: %2")
                                                        .arg(peerName(), this->socket->errorString())));
                return;
            }
            const bool tls = e == QAbstractSocket::SslHandshakeFailedError
                             || e == QAbstractSocket::SslInternalError
                             || e == QAbstractSocket::SslInvalidUserDataError;
            if (tls)
                emitError(Error(ErrorCode::TlsError, mas::tr("TLS failed on the connection to %1: %2")
                                                         .arg(peerName(), this->socket->errorString())));
            else
                emitError(Error(ErrorCode::ConnectionReset, mas::tr("The connection to %1 failed: %2")
                                                                .arg(peerName(), this->socket->errorString())));
        });
    }

    bool isConnected() const override { return socket && socket->state() == QAbstractSocket::ConnectedState; }
    bool isClosed() const override { return !socket || socket->state() == QAbstractSocket::UnconnectedState; }
    QString describePeer() const override
    {
        if (!socket)
            return {};
        return tcpPeerName(socket);
    }
    quint16 peerPort() const override { return socket ? socket->peerPort() : 0; }
    quint16 localPort() const override { return socket ? socket->localPort() : 0; }
    void setReadBufferSize(qint64 size) override
    {
        if (socket)
            socket->setReadBufferSize(size);
    }
    void setLowDelay() override
    {
        if (socket)
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }
    bool disconnectFromPeer() override
    {
        if (!socket)
            return false;
        socket->disconnectFromHost();
        return socket && socket->state() != QAbstractSocket::UnconnectedState;
    }
    void abort() override
    {
        if (socket)
            socket->abort();
    }
    qint64 writeDirect(const char *data, qint64 size) override
    {
        if (ssl || !socket || socket->state() != QAbstractSocket::ConnectedState || socket->bytesToWrite() > 0)
            return -1;
        return sendNow(socket->socketDescriptor(), data, size);
    }
    bool isEncrypted() const override { return ssl && ssl->isEncrypted(); }
    QString encryptionDescription() const override
    {
        if (!isEncrypted())
            return {};
        const QSslCipher cipher = ssl->sessionCipher();
        return QStringLiteral("%1, %2").arg(cipher.protocolString(), cipher.name());
    }

    QPointer<QAbstractSocket> socket;
    QPointer<QSslSocket> ssl;
};

/// Unix sockets.
class LocalBackend : public StreamSocketBackend
{
public:
    LocalBackend(StreamSocket *q, QLocalSocket *socket)
        : StreamSocketBackend(q, socket, StreamSocket::Kind::Unix)
        , socket(socket)
    {
        QObject::connect(socket, &QLocalSocket::connected, q, [this] { emitConnected(); });
        QObject::connect(socket, &QLocalSocket::disconnected, q, [this] { emitDisconnected(); });
        QObject::connect(socket, &QLocalSocket::errorOccurred, q, [this](QLocalSocket::LocalSocketError e) {
            const ErrorCode code = e == QLocalSocket::SocketTimeoutError ? ErrorCode::Timeout
                                                                         : ErrorCode::ConnectionReset;
            emitError(Error(code, mas::tr("The connection to %1 failed: %2")
                                      .arg(peerName(), this->socket->errorString())));
        });
    }

    bool isConnected() const override { return socket && socket->state() == QLocalSocket::ConnectedState; }
    bool isClosed() const override { return !socket || socket->state() == QLocalSocket::UnconnectedState; }
    QString describePeer() const override
    {
        if (!socket)
            return {};
        return socket->fullServerName().isEmpty() ? QStringLiteral("unix socket") : socket->fullServerName();
    }
    void setReadBufferSize(qint64 size) override
    {
        if (socket)
            socket->setReadBufferSize(size);
    }
    qint64 writeDirect(const char *data, qint64 size) override
    {
        if (!socket || socket->state() != QLocalSocket::ConnectedState || socket->bytesToWrite() > 0)
            return -1;
        return sendNow(socket->socketDescriptor(), data, size);
    }
    bool disconnectFromPeer() override
    {
        if (!socket)
            return false;
        socket->disconnectFromServer();
        return socket && socket->state() != QLocalSocket::UnconnectedState;
    }
    void abort() override
    {
        if (socket)
            socket->abort();
    }

    QPointer<QLocalSocket> socket;
};

/// A LocalQueue's end: reads take over the delivered buffer.
class LocalQueueBackend : public StreamSocketBackend
{
public:
    LocalQueueBackend(StreamSocket *q, LocalQueueDevice *device)
        : StreamSocketBackend(q, device, StreamSocket::Kind::InProcess)
        , queueDevice(device)
    {}
    QByteArray read(qint64 maxSize) override { return device ? queueDevice->take(maxSize) : QByteArray(); }

    LocalQueueDevice *queueDevice; ///< `device` (guarded by it)
};

std::unique_ptr<StreamSocketBackend> makeBackend(StreamSocket *q, QIODevice *device)
{
    // The one place that tells the kinds of stream apart.
    if (auto *ssl = qobject_cast<QSslSocket *>(device))
        return std::make_unique<NetworkBackend>(q, ssl, ssl);
    if (auto *socket = qobject_cast<QAbstractSocket *>(device))
        return std::make_unique<NetworkBackend>(q, socket, nullptr);
    if (auto *local = qobject_cast<QLocalSocket *>(device))
        return std::make_unique<LocalBackend>(q, local);
    if (auto *queueDevice = dynamic_cast<LocalQueueDevice *>(device))
        return std::make_unique<LocalQueueBackend>(q, queueDevice);
    return std::make_unique<StreamSocketBackend>(q, device, StreamSocket::Kind::InProcess);
}

} // namespace

StreamSocket::StreamSocket(QIODevice *device, QObject *parent)
    : QObject(parent)
    , d(makeBackend(this, device))
{
    Q_ASSERT(device);
}

StreamSocket::~StreamSocket() = default;

QIODevice *StreamSocket::device() const
{
    return d->device;
}

StreamSocket::Kind StreamSocket::kind() const
{
    return d->kind;
}

bool StreamSocket::isOperatingSystemSocket() const
{
    return d->kind != Kind::InProcess;
}

bool StreamSocket::isConnected() const
{
    return d->isConnected();
}

bool StreamSocket::isClosed() const
{
    return d->isClosed();
}

QString StreamSocket::peerName() const
{
    return d->peerName();
}

quint16 StreamSocket::peerPort() const
{
    return d->peerPort();
}

quint16 StreamSocket::localPort() const
{
    return d->localPort();
}

QByteArray StreamSocket::read(qint64 maxSize)
{
    return d->read(maxSize);
}

qint64 StreamSocket::bytesToWrite() const
{
    return d->device ? d->device->bytesToWrite() : 0;
}

qint64 StreamSocket::writeDirect(const char *data, qint64 size)
{
    return d->writeDirect(data, size);
}

void StreamSocket::setReadBufferSize(qint64 size)
{
    d->setReadBufferSize(size);
}

void StreamSocket::setLowDelay()
{
    d->setLowDelay();
}

bool StreamSocket::disconnectFromPeer()
{
    return d->disconnectFromPeer();
}

void StreamSocket::abort()
{
    d->abort();
}

QString StreamSocket::errorString() const
{
    return d->device ? d->device->errorString() : QString();
}

bool StreamSocket::isEncrypted() const
{
    return d->isEncrypted();
}

QString StreamSocket::encryptionDescription() const
{
    return d->encryptionDescription();
}

} // namespace mas
