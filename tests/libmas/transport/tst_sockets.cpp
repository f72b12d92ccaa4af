// SPDX-License-Identifier: MIT
// The socket adapter (StreamSocket) over each kind of stream, and the one stale-socket probe
// (socketpath.h) that listening servers and `mas host` use.
#include <mas/channel/connection.h>
#include <mas/transport/socketpath.h>
#include <mas/transport/streamsocket.h>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <QCoro/QCoroTask>

#ifdef Q_OS_UNIX
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace mas;

namespace {

/// Connects to the Unix socket `path` and reports whether a channel came of it.
bool canConnect(const QString &path)
{
    ChannelOptions options;
    options.attemptTimeout = std::chrono::seconds(5);
    Result<std::unique_ptr<Channel>> channel = QCoro::waitFor(openConnection(Address::ipc(path), options));
    return bool(channel);
}

} // namespace

class tst_Sockets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void adapterInProcess();
    void adapterUnix();
    void adapterTcp();
    void adapterConnecting();
    void relativePath();
    void freePath();
    void liveServerIsNotTakenOver();
    void staleFileIsTakenOver();
    void otherFileIsLeftAlone();

private:
    QTemporaryDir m_dir;
};

void tst_Sockets::adapterInProcess()
{
    QBuffer buffer;
    buffer.setObjectName(QStringLiteral("LocalQueue('x')"));
    QVERIFY(buffer.open(QIODevice::ReadWrite));
    StreamSocket socket(&buffer);
    QCOMPARE(socket.kind(), StreamSocket::Kind::InProcess);
    QVERIFY(!socket.isOperatingSystemSocket());
    QVERIFY(socket.isConnected());
    QVERIFY(!socket.isClosed());
    QCOMPARE(socket.peerName(), QStringLiteral("LocalQueue('x')"));
    QCOMPARE(socket.peerPort(), quint16(0));
    QVERIFY(!socket.isEncrypted());
    QVERIFY(socket.encryptionDescription().isEmpty());
    QVERIFY(!socket.disconnectFromPeer()); // closed at once: nothing to wait for
    QVERIFY(!buffer.isOpen());
    QVERIFY(!socket.isConnected());
    QVERIFY(socket.isClosed());
}

void tst_Sockets::adapterUnix()
{
    QLocalServer server;
    const QString path = m_dir.filePath(QStringLiteral("adapter.sock"));
    QVERIFY2(server.listen(path), qPrintable(server.errorString()));
    QLocalSocket client;
    client.connectToServer(path);
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
    QLocalSocket *accepted = server.nextPendingConnection();
    QVERIFY(accepted);

    StreamSocket socket(&client);
    QCOMPARE(socket.kind(), StreamSocket::Kind::Unix);
    QVERIFY(socket.isOperatingSystemSocket());
    QVERIFY(socket.isConnected());
    QCOMPARE(socket.peerName(), path);
    StreamSocket serverEnd(accepted);
    QVERIFY(!serverEnd.peerName().isEmpty());

    // The peer closes: the adapter says so.
    QSignalSpy disconnected(&socket, &StreamSocket::disconnected);
    accepted->disconnectFromServer();
    QVERIFY(disconnected.wait(5000));
    QVERIFY(!socket.isConnected());
    QVERIFY(socket.isClosed());
    QCOMPARE(socket.peerName(), path); // still known after the end
}

void tst_Sockets::adapterTcp()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
    QTcpSocket *accepted = server.nextPendingConnection();
    QVERIFY(accepted);

    StreamSocket socket(&client);
    QCOMPARE(socket.kind(), StreamSocket::Kind::Tcp);
    QVERIFY(socket.isOperatingSystemSocket());
    QCOMPARE(socket.peerName(), QStringLiteral("127.0.0.1:%1").arg(server.serverPort()));
    QCOMPARE(socket.peerPort(), server.serverPort());
    QCOMPARE(socket.localPort(), accepted->peerPort());
    QVERIFY(!socket.isEncrypted());
    socket.setLowDelay();
    QCOMPARE(client.socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);

    // An orderly close from our side writes what is queued, then ends with disconnected().
    QByteArray received;
    connect(accepted, &QIODevice::readyRead, this, [&] { received += accepted->readAll(); });
    QSignalSpy disconnected(&socket, &StreamSocket::disconnected);
    client.write("bye");
    QVERIFY(!socket.isClosed());
    if (socket.disconnectFromPeer()) {
        QVERIFY(!socket.isConnected()); // closing: neither connected nor closed yet
        QVERIFY(disconnected.wait(5000));
    }
    QCOMPARE(disconnected.count(), 1);
    QVERIFY(socket.isClosed());
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("bye"), 5000);
}

void tst_Sockets::adapterConnecting()
{
    // A socket that is still connecting reports the end of the attempt through the adapter.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket client;
    StreamSocket socket(&client);
    QSignalSpy connected(&socket, &StreamSocket::connected);
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(!socket.isConnected());
    QVERIFY(!socket.isClosed()); // connecting
    QVERIFY(connected.wait(5000));
    QVERIFY(socket.isConnected());

    // A Unix socket with nobody at its path fails with the transport's text.
    QLocalSocket local;
    StreamSocket localSocket(&local);
    QSignalSpy errors(&localSocket, &StreamSocket::errorOccurred);
    QSignalSpy localConnected(&localSocket, &StreamSocket::connected);
    local.connectToServer(m_dir.filePath(QStringLiteral("nobody.sock")));
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 5000);
    const Error error = errors.first().first().value<Error>();
    QCOMPARE(error.code(), ErrorCode::ConnectionReset);
    QVERIFY2(error.message().endsWith(local.errorString()), qPrintable(error.message()));
    QVERIFY(localSocket.isClosed());
    QCOMPARE(localConnected.size(), 0);
}

void tst_Sockets::relativePath()
{
    QCOMPARE(socketFilePath(QStringLiteral("/run/x.sock")), QStringLiteral("/run/x.sock"));
    QCOMPARE(socketFilePath(QStringLiteral("x.sock")), QDir::cleanPath(QDir::tempPath()) + QStringLiteral("/x.sock"));
}

void tst_Sockets::freePath()
{
    const QString path = m_dir.filePath(QStringLiteral("free.sock"));
    QCOMPARE(probeSocketPath(path), SocketPathState::Free);
    QVERIFY(checkSocketPath(path));
    Result<ChannelServer *> server = ChannelServer::listen(Address::ipc(path));
    QVERIFY2(server, qPrintable(server.error().message()));
    std::unique_ptr<ChannelServer> owner(*server);
    QCOMPARE(probeSocketPath(path), SocketPathState::Live);
    QVERIFY(canConnect(path));
    owner.reset(); // closing removes the file
    QCOMPARE(probeSocketPath(path), SocketPathState::Free);
}

void tst_Sockets::liveServerIsNotTakenOver()
{
    const QString path = m_dir.filePath(QStringLiteral("live.sock"));
    Result<ChannelServer *> first = ChannelServer::listen(Address::ipc(path));
    QVERIFY2(first, qPrintable(first.error().message()));
    std::unique_ptr<ChannelServer> owner(*first);
    QSignalSpy accepted(*first, &ChannelServer::newChannel);
    QCOMPARE(probeSocketPath(path), SocketPathState::Live);

    // A second server is refused with a clear error and one log line; the first keeps its path.
    const QRegularExpression logLine(QStringLiteral("Cannot listen on ipc://.*live\\.sock: another process serves this socket"));
    QTest::ignoreMessage(QtWarningMsg, logLine);
    Result<ChannelServer *> second = ChannelServer::listen(Address::ipc(path));
    QVERIFY(!second);
    QCOMPARE(second.error().code(), ErrorCode::AddressInUse);
    QVERIFY2(second.error().message().contains(QStringLiteral("Cannot listen on ipc://%1").arg(path)),
             qPrintable(second.error().message()));
    QVERIFY2(second.error().message().contains(u"another process serves this socket"),
             qPrintable(second.error().message()));

    // The check alone (as `mas host` uses it) says the same and changes nothing.
    QTest::ignoreMessage(QtWarningMsg, logLine);
    Result<void> check = checkSocketPath(path);
    QVERIFY(!check);
    QCOMPARE(check.error().code(), ErrorCode::AddressInUse);

    QVERIFY(canConnect(path));
    QTRY_VERIFY_WITH_TIMEOUT(accepted.count() >= 1, 5000);
}

void tst_Sockets::staleFileIsTakenOver()
{
#ifdef Q_OS_UNIX
    // A socket file nobody listens on, as a crashed process leaves it.
    const QString path = m_dir.filePath(QStringLiteral("stale.sock"));
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address;
    std::memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    QVERIFY(std::size_t(native.size()) < sizeof address.sun_path);
    std::memcpy(address.sun_path, native.constData(), std::size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    ::close(fd);
    QVERIFY(QFile::exists(path));

    QCOMPARE(probeSocketPath(path), SocketPathState::Stale);
    QVERIFY(checkSocketPath(path)); // free to use, and left as it is
    QVERIFY(QFile::exists(path));
    QVERIFY(!canConnect(path));

    Result<ChannelServer *> server = ChannelServer::listen(Address::ipc(path));
    QVERIFY2(server, qPrintable(server.error().message()));
    std::unique_ptr<ChannelServer> owner(*server);
    QSignalSpy accepted(*server, &ChannelServer::newChannel);
    QCOMPARE(probeSocketPath(path), SocketPathState::Live);
    QVERIFY(canConnect(path));
    QTRY_VERIFY_WITH_TIMEOUT(accepted.count() >= 1, 5000);
#else
    QSKIP("Unix sockets only");
#endif
}

void tst_Sockets::otherFileIsLeftAlone()
{
    const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
    }
    QCOMPARE(probeSocketPath(path), SocketPathState::NotASocket);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("exists and is not a socket")));
    Result<ChannelServer *> server = ChannelServer::listen(Address::ipc(path));
    QVERIFY(!server);
    QCOMPARE(server.error().code(), ErrorCode::AddressInUse);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me"));
}

QTEST_GUILESS_MAIN(tst_Sockets)
#include "tst_sockets.moc"
