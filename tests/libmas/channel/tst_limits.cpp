// SPDX-License-Identifier: MIT
// Fair sharing and resource limits of a server against a hostile network (docs/security.md,
// section 2): connections per peer (TCP address, Unix user id), the memory budget with the
// minimum frame rate, and running out of file descriptors, over real sockets on 127.0.0.0/8
// and temporary Unix sockets.

#include "logcapture.h"
#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/core/peertext.h>
#include <mas/transport/framing.h>

#include <QCoro/QCoroTask>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtEndian>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#include <memory>
#include <optional>
#include <vector>

using namespace mas;
using namespace std::chrono_literals;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

void serveEcho(Channel *channel)
{
    QObject::connect(channel, &Channel::requestReceived, channel, [channel] {
        while (std::optional<Request> request = channel->takeRequest())
            (void)request->reply(request->content());
    });
}

/// The warnings of libmas's categories ("mas.*").
/// Why each channel of the server from `host` closed.
std::shared_ptr<QList<Error>> recordCloses(ChannelServer *server, const QString &host)
{
    auto closes = std::make_shared<QList<Error>>();
    QObject::connect(server, &ChannelServer::newChannel, server, [closes, host](Channel *c) {
        if (!c->peerName().startsWith(host + u':'))
            return;
        QObject::connect(c, &Channel::closed, c, [closes](const Error &e) { closes->append(e); });
    });
    return closes;
}

/// A connected raw socket made outside Qt's event loop (the kernel completes the connection
/// in the listen backlog before the server accepts it); -1 on failure.
int rawConnect(const Address &address)
{
    if (address.scheme() == Address::Scheme::Ipc) {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(address.path());
        std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
        if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0)
            return fd;
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(address.port());
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0)
        return fd;
    if (fd >= 0)
        ::close(fd);
    return -1;
}

QByteArray header(quint32 length)
{
    QByteArray h(4, Qt::Uninitialized);
    qToBigEndian(length, h.data());
    return h;
}

} // namespace

class tst_Limits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        LogLimiter::global().reset(); // each test gets its own lines of the log's budget
        m_log.emplace();
    }
    void cleanup()
    {
        qDeleteAll(findChildren<ChannelServer *>(Qt::FindDirectChildrenOnly));
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::processEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        }
        m_log.reset();
    }

    void connectionExhaustionFromOnePeer();
    void perUserLimitOnUnixSocket();
    void trickledFramesStayUnderTheMemoryBudget();
    void headerSizeIsNotReserved();
    void descriptorExhaustion_data();
    void descriptorExhaustion();
    void publicProfile();

private:
    ChannelServer *start(const Address &address, const ChannelOptions &options)
    {
        Result<ChannelServer *> server = startServer(address, serveEcho, options, this);
        if (!server) {
            qWarning() << server.error();
            return nullptr;
        }
        return *server;
    }
    /// A call of the good client: its reply, or why not.
    static bool goodCall(const Address &address)
    {
        Result<std::unique_ptr<Channel>> channel = await(openConnection(address));
        if (!channel)
            return false;
        Result<Value> reply = await((*channel)->send(Value("ohai"), 10s));
        return reply && *reply == Value("ohai");
    }

    std::optional<mas::test::LogCapture> m_log;
    QTemporaryDir m_dir;
};

void tst_Limits::connectionExhaustionFromOnePeer()
{
    // One peer (127.0.0.2) opens 40 connections to a server of 20 places, 5 per peer: it gets
    // 5, the others are refused at once; a client on 127.0.0.1 still gets in and is served.
    ChannelOptions options;
    options.maxConnections = 20;
    options.maxConnectionsPerPeer = 5;
    ChannelServer *server = start(Address::tcp(QStringLiteral("127.0.0.1"), 0), options);
    QVERIFY(server);
    const quint16 port = server->address().port();
    std::vector<std::unique_ptr<QTcpSocket>> attackers;
    for (int i = 0; i < 40; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QVERIFY(socket->bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        socket->connectToHost(QHostAddress::LocalHost, port);
        attackers.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->refusedConnections(), 35, 20'000);
    QCOMPARE(server->channels().size(), 5);
    for (Channel *c : server->channels())
        QVERIFY(c->peerName().startsWith(u"127.0.0.2:"));
    // The refusals are logged, not one line each.
    const qsizetype lines = m_log->countMatching(QStringLiteral(
        "^mas.channel: Refused a connection from 127.0.0.2:\\d+: it has 5 connections to the "
        "server on tcp://127.0.0.1:\\d+, the limit per peer \\(maxConnectionsPerPeer\\)"));
    QVERIFY2(lines >= 1 && lines < 35, qPrintable(m_log->lines().join(u'\n')));
    QVERIFY(goodCall(server->address()));
    // Another peer has places of its own too.
    QTcpSocket other;
    QVERIFY(other.bind(QHostAddress(QStringLiteral("127.0.0.3")), 0));
    other.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(server->channels().size(), 6, 10'000);
    // When one of the attacker's connections goes, it has a place again.
    const qint64 refusedBefore = server->refusedConnections();
    attackers.clear();
    QTRY_COMPARE_WITH_TIMEOUT(server->channels().size(), 1, 10'000);
    QTcpSocket again;
    QVERIFY(again.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
    again.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(server->channels().size(), 2, 10'000);
    QCOMPARE(server->refusedConnections(), refusedBefore);
}

void tst_Limits::perUserLimitOnUnixSocket()
{
    QVERIFY(m_dir.isValid());
    ChannelOptions options;
    options.maxConnections = 100;
    options.maxConnectionsPerPeer = 3;
    ChannelServer *server = start(Address::ipc(m_dir.filePath(QStringLiteral("uid.sock"))), options);
    QVERIFY(server);
    std::vector<std::unique_ptr<QLocalSocket>> clients;
    for (int i = 0; i < 6; ++i) {
        clients.push_back(std::make_unique<QLocalSocket>());
        clients.back()->connectToServer(server->address().path());
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->refusedConnections(), 3, 10'000);
    QCOMPARE(server->channels().size(), 3);
    const QString uid = QString::number(::getuid());
    QVERIFY2(m_log->countMatching(QStringLiteral("^mas.channel: Refused a connection from a local client "
                                         "\\(user id %1, process \\d+\\): it has 3 connections")
                              .arg(uid))
                 >= 1,
             qPrintable(m_log->lines().join(u'\n')));
    // A place of this user frees when one of its connections goes.
    clients.front()->abort();
    QTRY_COMPARE_WITH_TIMEOUT(server->channels().size(), 2, 10'000);
    QVERIFY(goodCall(server->address()));
}

void tst_Limits::trickledFramesStayUnderTheMemoryBudget()
{
    // 30 connections each announce a frame just under the size limit, send a quarter of it at
    // once and then trickle a byte every 200 ms. The server's buffered bytes never exceed the
    // budget: the connections that would go over it are closed, and the trickling rest by the
    // minimum frame rate; a good client is served all along.
    ChannelOptions options;
    options.maxFrameSize = 1024 * 1024;
    options.memoryBudget = 4 * 1024 * 1024;
    options.minFrameByteRate = 128 * 1024;
    options.frameTimeout = 60s; // the rate must do it, not the frame timeout
    ChannelServer *server = start(Address::tcp(QStringLiteral("127.0.0.1"), 0), options);
    QVERIFY(server);
    auto closes = recordCloses(server, QStringLiteral("127.0.0.2"));
    std::vector<std::unique_ptr<QTcpSocket>> attackers;
    for (int i = 0; i < 30; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QVERIFY(socket->bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        socket->connectToHost(QHostAddress::LocalHost, server->address().port());
        QVERIFY(socket->waitForConnected(10'000));
        socket->write(header(quint32(options.maxFrameSize - 100)));
        socket->write(QByteArray(256 * 1024, 'x'));
        attackers.push_back(std::move(socket));
    }
    QTimer trickle;
    QObject::connect(&trickle, &QTimer::timeout, this, [&attackers] {
        for (auto &socket : attackers) {
            if (socket->state() == QAbstractSocket::ConnectedState)
                socket->write("y", 1);
        }
    });
    trickle.start(200);
    qint64 most = 0;
    QVERIFY(goodCall(server->address()));
    const bool allClosed = QTest::qWaitFor(
        [&] { return most = std::max(most, server->bufferedBytes()), closes->size() == 30; }, 30'000);
    QVERIFY2(allClosed, qPrintable(QStringLiteral("%1 closed, %2 open, %3 buffered\n%4")
                                       .arg(closes->size())
                                       .arg(server->channels().size())
                                       .arg(server->bufferedBytes())
                                       .arg(m_log->lines().join(u'\n'))));
    QVERIFY(goodCall(server->address()));
    QVERIFY2(server->peakBufferedBytes() <= options.memoryBudget,
             qPrintable(QString::number(server->peakBufferedBytes())));
    QVERIFY(most <= options.memoryBudget);
    QVERIFY(server->peakBufferedBytes() > 0);
    qsizetype byBudget = 0;
    qsizetype byRate = 0;
    for (const Error &e : *closes) {
        byBudget += e.code() == ErrorCode::MemoryBudgetExceeded ? 1 : 0;
        byRate += e.code() == ErrorCode::FrameTimeout && e.message().contains(u"minFrameByteRate") ? 1 : 0;
    }
    QVERIFY2(byBudget >= 1 && byRate >= 1 && byBudget + byRate == 30,
             qPrintable(QStringLiteral("%1 by the budget, %2 by the rate").arg(byBudget).arg(byRate)));
    QVERIFY(m_log->countMatching(QStringLiteral("^mas.channel: closing the connection to 127.0.0.2:\\d+ : "
                                        "\\d+ more bytes for a frame it is sending would take the "
                                        "server's buffered bytes over its memory budget of 4194304 "
                                        "bytes \\(memoryBudget\\)"))
            >= 1);
    QVERIFY(m_log->countMatching(QStringLiteral("^mas.channel: closing the connection to 127.0.0.2:\\d+ : "
                                        "127.0.0.2:\\d+ sent \\d+ bytes of a frame in \\d+ ms, less "
                                        "than the minimum rate of 131072 bytes/s"))
            >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(server->bufferedBytes(), 0, 10'000);
}

void tst_Limits::headerSizeIsNotReserved()
{
    // A header announcing a frame of almost 1 MiB, and 10 bytes of it: the server holds about
    // 10 bytes for it, not the announced size.
    ChannelOptions options;
    options.maxFrameSize = 1024 * 1024;
    options.memoryBudget = 64 * 1024 * 1024;
    ChannelServer *server = start(Address::tcp(QStringLiteral("127.0.0.1"), 0), options);
    QVERIFY(server);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server->address().port());
    QVERIFY(socket.waitForConnected(10'000));
    socket.write(header(quint32(options.maxFrameSize - 100)) + QByteArray(10, 'x'));
    QTRY_VERIFY_WITH_TIMEOUT(server->bufferedBytes() > 0, 10'000);
    QVERIFY2(server->bufferedBytes() <= 64, qPrintable(QString::number(server->bufferedBytes())));
    // More arrives: the buffer grows with it, by at most a quarter more than it holds.
    socket.write(QByteArray(100'000, 'x'));
    QTRY_VERIFY_WITH_TIMEOUT(server->bufferedBytes() >= 100'014, 10'000);
    QVERIFY2(server->bufferedBytes() <= 100'014 + 100'014 / 4,
             qPrintable(QString::number(server->bufferedBytes())));
}

void tst_Limits::descriptorExhaustion_data()
{
    QTest::addColumn<bool>("unix");
    QTest::newRow("tcp") << false;
    QTest::newRow("unix socket") << true;
}

void tst_Limits::descriptorExhaustion()
{
    // Connections wait in the backlog while the process has no descriptor left: accept() fails.
    // The server logs once, backs off instead of spinning (counted attempts), keeps its socket
    // (file), and accepts them all when descriptors are free again.
    QFETCH(bool, unix);
    QVERIFY(m_dir.isValid());
    const Address address = unix ? Address::ipc(m_dir.filePath(QStringLiteral("files.sock")))
                                 : Address::tcp(QStringLiteral("127.0.0.1"), 0);
    ChannelServer *server = start(address, {});
    QVERIFY(server);
    const Address at = server->address();
    std::vector<int> waiting;
    for (int i = 0; i < 5; ++i) {
        const int fd = rawConnect(at);
        QVERIFY(fd >= 0);
        waiting.push_back(fd);
    }
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &saved), 0);
    // The lowest free descriptor number: every new descriptor would be at or above it.
    const int lowestFree = ::dup(0);
    QVERIFY(lowestFree >= 0);
    ::close(lowestFree);
    rlimit low = saved;
    low.rlim_cur = rlim_t(lowestFree);
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &low), 0);
    QElapsedTimer exhausted;
    exhausted.start();
    // Several back-off rounds: 100, 200, 400, 800 ms.
    const bool failed = QTest::qWaitFor([&] { return server->acceptFailures() >= 5; }, 20'000);
    const qint64 failures = server->acceptFailures();
    const qint64 elapsedMs = exhausted.elapsed();
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &saved), 0);
    QVERIFY(failed);
    // At most one attempt per 100 ms: a spinning server makes thousands.
    QVERIFY2(failures <= elapsedMs / 100 + 2,
             qPrintable(QStringLiteral("%1 failures in %2 ms").arg(failures).arg(elapsedMs)));
    const QString category = unix ? QStringLiteral("local") : QStringLiteral("tcp");
    QCOMPARE(m_log->countMatching(QStringLiteral("^mas.transport.%1: cannot accept connections on %2: .* - "
                                         "paused, trying again in 100 ms$")
                              .arg(category, QRegularExpression::escape(at.toString()))),
             1);
    QCOMPARE(m_log->lines().size(), 1);
    if (unix)
        QVERIFY(QFileInfo(at.path()).exists());
    // Descriptors are free again: every waiting connection is accepted, and new ones are served.
    QTRY_COMPARE_WITH_TIMEOUT(server->channels().size(), 5, 20'000);
    QVERIFY(goodCall(at));
    if (unix) {
        QVERIFY(QFileInfo(at.path()).exists());
        QVERIFY(server->isListening());
    }
    for (int fd : waiting)
        ::close(fd);
}

void tst_Limits::publicProfile()
{
    const ChannelOptions trusted;
    ChannelOptions withTls;
    withTls.tls = TlsOptions{};
    const ChannelOptions open = withTls.withPublicProfile();
    QCOMPARE(trusted.maxConnectionsPerPeer, 0);
    QCOMPARE(trusted.memoryBudget, 0);
    QCOMPARE(open.maxConnections, 256);
    QCOMPARE(open.maxConnectionsPerPeer, 16);
    QCOMPARE(open.memoryBudget, 256 * 1024 * 1024);
    QCOMPARE(open.minFrameByteRate, 64 * 1024);
    QCOMPARE(open.maxFrameSize, 4 * 1024 * 1024);
    QCOMPARE(open.idleTimeout, 60s);
    QCOMPARE(open.tls->handshakeTimeout, 5s);
    QCOMPARE(trusted.limits.maxDecompressionRatio, 0);
    QCOMPARE(open.limits.maxDecompressionRatio, 32);
    QCOMPARE(open.limits.maxDecompressedSize, 16 * 1024 * 1024);
    QCOMPARE(open.limits.maxElements, 100'000);
    QCOMPARE(open.limits.maxDepth, trusted.limits.maxDepth);
    QVERIFY(open.validate());
    ChannelOptions negative;
    negative.memoryBudget = -1;
    QCOMPARE(negative.validate().error().code(), ErrorCode::InvalidArgument);
    ChannelOptions negativeRatio;
    negativeRatio.limits.maxDecompressionRatio = -1;
    QCOMPARE(negativeRatio.validate().error().code(), ErrorCode::InvalidArgument);
    QVERIFY(negativeRatio.validate().error().message().contains(u"limits.maxDecompressionRatio"));
}

QTEST_GUILESS_MAIN(tst_Limits)
#include "tst_limits.moc"
