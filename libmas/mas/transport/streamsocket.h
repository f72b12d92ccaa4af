// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/error.h>
#include <mas/core/mas_export.h>

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QIODevice;

namespace mas {

class StreamSocketBackend;

/// One connected byte stream of any transport, seen through one interface: a TCP socket
/// (QTcpSocket), a TLS socket (QSslSocket), a Unix socket (QLocalSocket) or an in-process
/// device (a LocalQueue's end, or any other open QIODevice).
///
/// Reading and writing go through device() as for any QIODevice; the adapter answers what the
/// layers above need to know about the stream and closes it the way its transport requires.
/// It is the only place that tells socket types apart: the channel and everything above it
/// never cast a device to a socket type.
///
/// The adapter does not own the device; it stops working (isConnected() false, no signals)
/// when the device is destroyed.
class MAS_EXPORT StreamSocket : public QObject
{
    Q_OBJECT

public:
    enum class Kind {
        Tcp,       ///< a QTcpSocket (or another QAbstractSocket) without encryption
        Tls,       ///< a QSslSocket
        Unix,      ///< a QLocalSocket
        InProcess, ///< any other QIODevice, such as a LocalQueue's end
    };
    Q_ENUM(Kind)

    explicit StreamSocket(QIODevice *device, QObject *parent = nullptr);
    ~StreamSocket() override;

    QIODevice *device() const;
    Kind kind() const;
    /// TCP, TLS or Unix: a socket of the operating system, whose timeouts run in real time.
    bool isOperatingSystemSocket() const;
    /// Still connected (an in-process device: still open).
    bool isConnected() const;
    /// Closed completely: neither connecting, connected nor still closing (an in-process device:
    /// not open).
    bool isClosed() const;

    /// The peer, for messages and remote errors: "127.0.0.1:5555", "[::1]:5555", a socket path
    /// ("unix socket" when the path is not known, as on a server's end), or the device's object
    /// name ("LocalQueue('demo')").
    QString peerName() const;
    /// TCP and TLS: the ports of both ends (0 otherwise).
    quint16 peerPort() const;
    quint16 localPort() const;
    /// Reads up to `maxSize` bytes, as device()->read(maxSize); a LocalQueue's end hands over
    /// the buffer it was delivered instead of copying it when all of it fits.
    QByteArray read(qint64 maxSize);
    /// Bytes written and not yet handed to the operating system (or the peer).
    qint64 bytesToWrite() const;
    /// Hands `size` bytes to the operating system now, past the device's write buffer, which
    /// otherwise writes them when the event loop next polls (a turn of the loop later): TCP
    /// without TLS and Unix sockets, connected, with nothing in that buffer. Returns how many
    /// bytes were taken (the rest must follow through device()->write()), or -1 when the stream
    /// cannot do that (then all of them go through the device, which also reports errors).
    qint64 writeDirect(const char *data, qint64 size);
    /// Bounds what the socket buffers from the operating system (sockets only).
    void setReadBufferSize(qint64 size);
    /// Sends small writes at once (TCP_NODELAY; TCP and TLS only).
    void setLowDelay();

    /// Begins an orderly close: what is queued is written, then the stream closes. Returns true
    /// while that is still going on (disconnected() follows), false when the stream is closed.
    bool disconnectFromPeer();
    /// Closes at once, dropping what is queued.
    void abort();

    /// The transport's own text for its last error.
    QString errorString() const;
    /// TLS: the handshake finished and the stream is encrypted.
    bool isEncrypted() const;
    /// TLS: protocol and cipher ("TLSv1.3, TLS_AES_256_GCM_SHA384"); empty when not encrypted.
    QString encryptionDescription() const;

Q_SIGNALS:
    /// A socket that was still connecting when the adapter was made is connected.
    void connected();
    /// The socket closed (after disconnectFromPeer(), abort(), or by the peer). An in-process
    /// device reports its end through QIODevice::readChannelFinished instead.
    void disconnected();
    /// The transport reported an error; TLS failures have ErrorCode::TlsError, a connection
    /// attempt the operating system gave up on ErrorCode::Timeout, anything else
    /// ErrorCode::ConnectionReset. The stream usually closes right after.
    void errorOccurred(const mas::Error &error);

private:
    friend class StreamSocketBackend;
    std::unique_ptr<StreamSocketBackend> d;
};

} // namespace mas
