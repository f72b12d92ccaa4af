// SPDX-License-Identifier: MIT
// Faults and limits over real sockets: peers killed or frozen mid-frame, peers that never read,
// restarted servers, floods of clients, every connection limit and time-out, and each kind of
// TLS failure. Each case checks the exact error, the exact warning lines logged (one for bad
// input or a limit, none for what is not an error of this side), and that other connections of
// the same server keep working. Misbehaving peers in other processes are mas_fault_peer.

#include "logcapture.h"
#include "certificates.h"

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/codec/message.h>
#include <mas/codec/msgpackcodec.h>
#include <mas/transport/framing.h>

#include <QCoro/QCoroTask>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtEndian>

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
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

/// ohai -> cya, ["delay", ms] -> ms after ms, "never" -> no answer, anything else echoed.
void serveEcho(Channel *channel)
{
    QObject::connect(channel, &Channel::requestReceived, channel, [channel] {
        while (std::optional<Request> request = channel->takeRequest()) {
            const Value content = request->content();
            const QString verb = content.isList() ? content.at(0).toString() : content.toString();
            if (verb == u"ohai") {
                (void)request->reply("cya");
            } else if (verb == u"delay") {
                const int ms = int(content.at(1).toInt());
                QTimer::singleShot(ms, channel,
                                   [request = *request, ms] { (void)request.reply(Value(ms)); });
            } else if (verb != u"never") {
                (void)request->reply(content);
            }
        }
    });
}

/// Records the warnings of libmas's categories ("mas.*"); everything else goes to QtTest.
/// A mas_fault_peer process; killed (even when stopped) at the latest when this goes.
class Child
{
public:
    ~Child() { kill(); }
    bool start(const QStringList &args)
    {
        // In a process group of its own. Some tests stop the child (SIGSTOP); a stopped process
        // in our group would get SIGHUP and die the moment our group becomes orphaned (POSIX:
        // the kernel hangs up an orphaned group that has stopped members), e.g. when the shell
        // that started these tests in the background exits while they run: the frozen peer
        // then resets its connections, which the test takes for a bug. A group holding only the
        // child is not orphaned while we, its parent in the same session, live. (The child
        // still dies with us: mas_fault_peer sets PR_SET_PDEATHSIG.)
        m_process.setChildProcessModifier([] { ::setpgid(0, 0); });
        m_process.start(QStringLiteral(MAS_FAULT_PEER), args);
        return m_process.waitForStarted(10'000);
    }
    /// The next line of its stdout; runs the event loop meanwhile (at most 10 s).
    QString readLine()
    {
        (void)QTest::qWaitFor(
            [this] { return m_process.canReadLine() || m_process.state() != QProcess::Running; },
            10'000); // the caller checks the line
        return QString::fromUtf8(m_process.readLine()).trimmed();
    }
    void signal(int signal) { ::kill(pid_t(m_process.processId()), signal); }
    void kill()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};

QByteArray frame(const QByteArray &payload)
{
    return encodeFrame(payload).value();
}

QByteArray msgpackFrame(const Message &message)
{
    MsgPackCodec codec;
    return frame(codec.encode(message).value());
}

/// The framed msgpack request `id` carrying `content`. (Built in place: GCC 12 at -O2 warns
/// -Wmaybe-uninitialized, wrongly, about the Value moved in Message::request(id, content).)
QByteArray msgpackRequest(quint64 id, const Value &content)
{
    Message message;
    message.id = id;
    message.content = content;
    return msgpackFrame(message);
}

/// A certificate signed by `ca` that expired yesterday.
QString issueExpired(const QString &dir, const QString &name, const QString &ca, const QString &san)
{
    const auto run = [&](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(30'000) && p.exitCode() == 0;
    };
    QFile ext(QDir(dir).filePath(name + QStringLiteral(".ext")));
    if (!ext.open(QIODevice::WriteOnly))
        return QString();
    ext.write("subjectAltName=" + san.toLatin1() + "\n");
    ext.close();
    const QString key = name + QStringLiteral(".key");
    const QString csr = name + QStringLiteral(".csr");
    const QString pem = name + QStringLiteral(".pem");
    if (!run({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
              QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
              QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), csr,
              QStringLiteral("-subj"), QStringLiteral("/CN=") + name})
        || !run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                 QStringLiteral("-CA"), ca + QStringLiteral(".pem"), QStringLiteral("-CAkey"),
                 ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                 QStringLiteral("-days"), QStringLiteral("-1"), QStringLiteral("-extfile"),
                 name + QStringLiteral(".ext"), QStringLiteral("-out"), pem}))
        return QString();
    return QDir(dir).filePath(name);
}

/// Why each channel a server accepted (from now on) closed, in order; works for channels that
/// open and close before the test looks.
std::shared_ptr<QList<Error>> recordCloses(ChannelServer *server)
{
    auto closes = std::make_shared<QList<Error>>();
    QObject::connect(server, &ChannelServer::newChannel, server, [closes](Channel *c) {
        QObject::connect(c, &Channel::closed, c, [closes](const Error &e) { closes->append(e); });
    });
    return closes;
}

/// Open file descriptors of this process.
int openFiles()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size());
}

} // namespace

Q_DECLARE_METATYPE(ErrorCode)

class tst_Faults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // processes that die or freeze
    void clientKilledMidFrame();
    void serverKilledMidReply();
    void halfOpenServerIdleTimeout();
    void stalledFrame_data();
    void stalledFrame();
    void serverRestartedWhileClientsRetry();

    // peers that do not read
    void neverReadingPeerBoundsOurMemory();
    void neverReadingPeerIdleTimeout();
    void sendTimesOutWhileThePeerDoesNotRead();

    // floods
    void thousandClientsConnectAndDrop();
    void acceptSurvivesRunningOutOfFiles();

    // limits
    void tooManyPendingIncoming();
    void tooManyPendingOutgoing();
    void tooManyConnections_data();
    void tooManyConnections();
    void idleClientClosed();
    void codecLimitsOnTheWire_data();
    void codecLimitsOnTheWire();
    void tlsHandshakeTimeoutServer();
    void tlsHandshakeTimeoutClient();

    // TLS
    void tlsErrors_data();
    void tlsErrors();

private:
    ChannelServer *startEchoServer(const ChannelOptions &options, Address address = {});
    std::unique_ptr<Channel> connectTo(const Address &address, const ChannelOptions &options = {});
    std::optional<TlsOptions> tls(const QString &leaf,
                                  const QString &ca = QStringLiteral("ca")) const;
    /// Checks that exactly the lines matching `patterns` (in order) were logged.
    bool logged(const QStringList &patterns);

    QTemporaryDir m_dir;
    std::optional<mas::test::LogCapture> m_log;
    QString m_logFailure;
};

void tst_Faults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString d = m_dir.path();
    const auto make = [&d](const char *name, const char *ca, const char *san) {
        return !test::generateCertificates(d, QString::fromLatin1(name), QString::fromLatin1(ca),
                                           QString::fromLatin1(san))
                    .isEmpty();
    };
    QVERIFY(make("server", "ca", "IP:127.0.0.1,DNS:localhost"));
    QVERIFY(make("client", "ca", "DNS:client"));
    QVERIFY(make("stranger", "otherca", "IP:127.0.0.1,DNS:stranger"));
    QVERIFY(make("elsewhere", "ca", "DNS:elsewhere.invalid"));
    QVERIFY(!issueExpired(d, QStringLiteral("expired-server"), QStringLiteral("ca"),
                          QStringLiteral("IP:127.0.0.1"))
                 .isEmpty());
    QVERIFY(!issueExpired(d, QStringLiteral("expired-client"), QStringLiteral("ca"),
                          QStringLiteral("DNS:client"))
                 .isEmpty());

    // A thousand clients and their server ends in one process need ~2100 descriptors.
    rlimit files{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &files), 0);
    if (files.rlim_cur < 4096 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = std::min<rlim_t>(4096, files.rlim_max);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &files), 0);
    }
}

void tst_Faults::init()
{
    m_log.emplace();
}

void tst_Faults::cleanup()
{
    // Servers a failed test left behind; then let failed calls and closing channels finish
    // (LeakSanitizer): their resumptions and deleteLater()s are posted events.
    qDeleteAll(findChildren<ChannelServer *>(Qt::FindDirectChildrenOnly));
    for (int i = 0; i < 3; ++i) { // a resumed coroutine may post more
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    m_log.reset();
}

bool tst_Faults::logged(const QStringList &patterns)
{
    // The expected lines as soon as they are there...
    (void)QTest::qWaitFor([&] { return m_log->lines().size() >= patterns.size(); }, 10'000);
    // ...and no more: the stillness exception to waiting on conditions. A second line (say,
    // both ends of a connection complaining) would come right after the first, and no later
    // event could show that it did not come.
    QTest::qWait(50);
    const QStringList lines = m_log->lines();
    bool ok = lines.size() == patterns.size();
    for (qsizetype i = 0; ok && i < lines.size(); ++i)
        ok = QRegularExpression(patterns[i]).match(lines[i]).hasMatch();
    if (!ok)
        qWarning().noquote() << "expected the warnings" << patterns << "but got" << lines;
    m_log->clear();
    return ok;
}

ChannelServer *tst_Faults::startEchoServer(const ChannelOptions &options, Address address)
{
    if (!address.isValid())
        address = Address::tcp(QStringLiteral("127.0.0.1"), 0);
    Result<ChannelServer *> server = startServer(address, serveEcho, options, this);
    if (!server) {
        qWarning() << server.error();
        return nullptr;
    }
    return *server;
}

std::unique_ptr<Channel> tst_Faults::connectTo(const Address &address,
                                               const ChannelOptions &options)
{
    Result<std::unique_ptr<Channel>> channel = await(openConnection(address, options));
    if (!channel) {
        qWarning() << channel.error();
        return nullptr;
    }
    return std::move(*channel);
}

std::optional<TlsOptions> tst_Faults::tls(const QString &leaf, const QString &ca) const
{
    const QString base = m_dir.filePath(leaf);
    TlsOptions options;
    options.caFile = m_dir.filePath(ca + QStringLiteral(".pem"));
    options.certFile = base + QStringLiteral(".pem");
    options.keyFile = base + QStringLiteral(".key");
    options.handshakeTimeout = 5s;
    return options;
}

// ---- processes that die or freeze ----

void tst_Faults::clientKilledMidFrame()
{
    ChannelServer *server = startEchoServer({});
    QVERIFY(server);
    auto good = connectTo(server->address());
    QVERIFY(good);
    const auto closes = recordCloses(server);
    Child child;
    QVERIFY(child.start({QStringLiteral("half-frame"), QString::number(server->address().port()),
                         QStringLiteral("exit")}));
    QTRY_COMPARE_WITH_TIMEOUT(closes->size(), 1, 10'000);
    QCOMPARE(closes->at(0).code(), ErrorCode::ConnectionReset);
    QVERIFY(closes->at(0).message().startsWith(u"Connection reset by peer 127.0.0.1:"));
    QVERIFY(
        logged({QStringLiteral("^mas.channel: connection to 127.0.0.1:\\d+ ended: The connection "
                               "ended inside a frame \\(10 of 100 payload bytes\\)$")}));
    QTRY_COMPARE_WITH_TIMEOUT(child.process().state(), QProcess::NotRunning, 10'000);
    QCOMPARE(child.process().exitCode(), 42);
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    QCOMPARE(server->channels().size(), 1);
    delete server;
}

void tst_Faults::serverKilledMidReply()
{
    Child child;
    QVERIFY(child.start({QStringLiteral("server"), QStringLiteral("0")}));
    const Address address =
        Address::tcp(QStringLiteral("127.0.0.1"), quint16(child.readLine().toUInt()));
    auto victim = connectTo(address);
    auto other = connectTo(address);
    QVERIFY(victim && other);
    QCOMPARE(await(other->send("ohai")).value(), Value("cya"));
    // The server process dies after 14 of the 104 bytes of its reply.
    const Result<Value> r = await(victim->send("half-reply", 10s));
    QCOMPARE(r.error().code(), ErrorCode::ConnectionReset);
    QVERIFY2(r.error().message().startsWith(u"Connection reset by peer 127.0.0.1:"),
             qPrintable(r.error().message()));
    // The other connection to the dead server is reset too, without a frame cut in half.
    QTRY_VERIFY_WITH_TIMEOUT(!other->isOpen(), 5000);
    QCOMPARE(other->error().code(), ErrorCode::ConnectionReset);
    QVERIFY(
        logged({QStringLiteral("^mas.channel: connection to 127.0.0.1:\\d+ ended: The connection "
                               "ended inside a frame \\(10 of 100 payload bytes\\)$")}));
    QTRY_COMPARE_WITH_TIMEOUT(child.process().state(), QProcess::NotRunning, 10'000);
    QCOMPARE(child.process().exitCode(), 42);
}

void tst_Faults::halfOpenServerIdleTimeout()
{
    // The server process stops (SIGSTOP): its socket stays open, nothing answers, nothing closes.
    Child child;
    QVERIFY(child.start({QStringLiteral("server"), QStringLiteral("0")}));
    const Address address =
        Address::tcp(QStringLiteral("127.0.0.1"), quint16(child.readLine().toUInt()));
    ChannelOptions options;
    options.idleTimeout = 400ms;
    auto client = connectTo(address, options);
    QVERIFY(client);
    QCOMPARE(await(client->send("ohai")).value(), Value("cya"));
    QSignalSpy closed(client.get(), &Channel::closed);
    QElapsedTimer timer;
    timer.start();
    // The request times out (not logged: the caller has the error)...
    const Result<Value> r = await(client->send("freeze", 300ms));
    QCOMPARE(r.error().code(), ErrorCode::Timeout);
    QVERIFY2(r.error().message().contains(u"to request 1 in time"),
             qPrintable(r.error().message()));
    QVERIFY(client->isOpen());
    QVERIFY(logged({}));
    // ...and with nothing pending and nothing moving, the idle timeout closes the connection.
    QVERIFY(closed.wait(5000));
    const qint64 closedAfter = timer.elapsed();
    const Error e = closed.at(0).at(0).value<Error>();
    QCOMPARE(e.code(), ErrorCode::IdleTimeout);
    QVERIFY2(e.message().contains(u"for 400 ms (idle timeout)"), qPrintable(e.message()));
    // Idle from the request's time-out on, not from the last byte: 300 + 400 ms at least.
    QVERIFY2(closedAfter >= 300 + 400, qPrintable(QString::number(closedAfter)));
    QVERIFY(logged({QStringLiteral(
        "^mas.channel: closing the connection to 127.0.0.1:\\d+ : Nothing was "
        "sent to or received from 127.0.0.1:\\d+ for 400 ms \\(idle timeout\\)$")}));
    QCOMPARE(await(client->send("ohai")).error().code(), ErrorCode::IdleTimeout);
}

void tst_Faults::stalledFrame_data()
{
    QTest::addColumn<bool>("process");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("what");
    QTest::newRow("half a header, raw socket")
        << false << QByteArray("\0\0", 2) << QStringLiteral("2 of the 4 bytes of a frame header");
    QTest::newRow("a complete frame and 3 header bytes")
        << false << frame("[0, 0, \"ohai\"]") + QByteArray("\0\0\0", 3)
        << QStringLiteral("3 of the 4 bytes of a frame header");
    QTest::newRow("half a frame, stopped process")
        << true << QByteArray() << QStringLiteral("14 bytes of a frame");
}

void tst_Faults::stalledFrame()
{
    QFETCH(bool, process);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, what);
    ChannelOptions options;
    options.frameTimeout = 300ms;
    ChannelServer *server = startEchoServer(options);
    QVERIFY(server);
    auto good = connectTo(server->address());
    QVERIFY(good);
    QTRY_COMPARE(server->channels().size(), 1);
    const auto closes = recordCloses(server);
    Child child;
    QTcpSocket raw;
    if (process) {
        QVERIFY(child.start({QStringLiteral("half-frame"),
                             QString::number(server->address().port()), QStringLiteral("freeze")}));
    } else {
        raw.connectToHost(QHostAddress::LocalHost, server->address().port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write(bytes);
    }
    // The good client keeps talking meanwhile.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    QTRY_COMPARE_WITH_TIMEOUT(closes->size(), 1, 5000);
    const Error e = closes->at(0);
    QCOMPARE(e.code(), ErrorCode::FrameTimeout);
    QCOMPARE(e.message().section(u' ', 1),
             QStringLiteral("sent %1 and then nothing more for 300 ms (frame timeout)").arg(what));
    QVERIFY(logged(
        {QStringLiteral("^mas.channel: closing the connection to 127.0.0.1:\\d+ : 127.0.0.1:\\d+ "
                        "sent %1 and then nothing more for 300 ms \\(frame timeout\\)$")
             .arg(QRegularExpression::escape(what))}));
    if (!process) { // a complete request before the stall was answered
        QTRY_VERIFY(raw.state() == QAbstractSocket::UnconnectedState);
        if (bytes.size() > 4)
            QCOMPARE(raw.readAll(), frame("[1, 0, \"cya\"]"));
    }
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    QCOMPARE(server->channels().size(), 1);
    delete server;
}

void tst_Faults::serverRestartedWhileClientsRetry()
{
    auto child = std::make_unique<Child>();
    QVERIFY(child->start({QStringLiteral("server"), QStringLiteral("0")}));
    const quint16 port = quint16(child->readLine().toUInt());
    QVERIFY(port > 0);
    const Address address = Address::tcp(QStringLiteral("127.0.0.1"), port);
    auto a = connectTo(address);
    auto b = connectTo(address);
    QVERIFY(a && b);
    std::optional<Result<Value>> pending;
    QObject ctx;
    QCoro::connect(a->send("never", 30s), &ctx, [&](Result<Value> r) { pending = std::move(r); });
    QCOMPARE(await(b->send("ohai")).value(), Value("cya"));

    child->kill(); // SIGKILL: no goodbye
    QTRY_VERIFY_WITH_TIMEOUT(pending.has_value(), 5000);
    QCOMPARE(pending->error().code(), ErrorCode::ConnectionReset); // at once, not after 30 s
    QTRY_VERIFY_WITH_TIMEOUT(!b->isOpen(), 5000);
    QCOMPARE(await(b->send("ohai")).error().code(), ErrorCode::ConnectionReset);

    // Both clients reconnect, retrying while the server is down; it is back after 700 ms.
    QTimer::singleShot(700, this, [&] {
        child = std::make_unique<Child>();
        QVERIFY(child->start({QStringLiteral("server"), QString::number(port)}));
    });
    ChannelOptions retry;
    retry.connectTimeout = 10s;
    QElapsedTimer timer;
    timer.start();
    std::optional<Result<std::unique_ptr<Channel>>> a2;
    std::optional<Result<std::unique_ptr<Channel>>> b2;
    QCoro::connect(openConnection(address, retry), &ctx, [&](auto r) { a2 = std::move(r); });
    QCoro::connect(openConnection(address, retry), &ctx, [&](auto r) { b2 = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(a2 && b2, 15'000);
    QVERIFY2(*a2 && *b2, qPrintable((*a2 ? b2 : a2)->error().message()));
    QVERIFY(timer.elapsed() >= 650);
    QCOMPARE(await((**a2)->send("ohai")).value(), Value("cya"));
    QCOMPARE(await((**b2)->send("ohai")).value(), Value("cya"));
    QVERIFY(logged({})); // a peer going away and coming back is no error of ours
}

// ---- peers that do not read ----

void tst_Faults::neverReadingPeerBoundsOurMemory()
{
    ChannelOptions options;
    options.codec = QStringLiteral("msgpack");
    options.maxWriteBuffer = 256 * 1024;
    ChannelServer *server = startEchoServer(options);
    QVERIFY(server);
    auto good = connectTo(server->address(), options);
    QVERIFY(good);
    QTRY_COMPARE(server->channels().size(), 1);
    QPointer<Channel> victim;
    connect(server, &ChannelServer::newChannel, this, [&](Channel *c) { victim = c; });

    // A peer that sends 300 requests for 64 KiB replies (19 MiB) and reads none of them.
    QTcpSocket raw;
    raw.setReadBufferSize(64 * 1024);
    raw.connectToHost(QHostAddress::LocalHost, server->address().port());
    QVERIFY(raw.waitForConnected(5000));
    // A fixed kernel receive buffer: the kernel's autotuning may otherwise grow it (up to
    // tcp_rmem's maximum, 32 MiB on some systems) until it holds every reply.
    raw.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * 1024);
    constexpr int kRequests = 300;
    const Value chunk = Value::bytes(QByteArray(64 * 1024, 'x'));
    for (int i = 0; i < kRequests; ++i)
        raw.write(msgpackRequest(quint64(i), chunk));
    QTRY_VERIFY_WITH_TIMEOUT(victim, 5000);
    // The server answers until the kernel's buffers are full and its own write buffer is over
    // the limit; then it stops reading requests (back-pressure). What it ever held is sampled
    // while we wait for that and while the good client keeps talking.
    qint64 mostQueued = 0;
    const auto queued = [&] {
        const qint64 bytes = victim->device()->bytesToWrite();
        mostQueued = std::max(mostQueued, bytes);
        return bytes;
    };
    // Generous: on a loaded machine answering 300 requests of 64 KiB takes a while.
    QTRY_VERIFY2_WITH_TIMEOUT(queued() > options.maxWriteBuffer,
                              "our write buffer never went over its limit: no back-pressure was tested",
                              60'000);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
        (void)queued();
    }
    // Our side holds at most the write limit plus one reply, and stopped reading requests.
    QVERIFY2(mostQueued <= options.maxWriteBuffer + 70 * 1024,
             qPrintable(QString::number(mostQueued)));
    QVERIFY(victim->device()->bytesAvailable() <= 4 * 1024 * 1024 + 70 * 1024);
    QCOMPARE(victim->unansweredRequestCount(), 0);

    // When the peer reads at last, every reply arrives, in order.
    FrameDecoder replies(1024 * 1024);
    MsgPackCodec codec;
    QList<quint64> ids;
    QStringList bad;
    const auto readReplies = [&] {
        replies.feed(raw.readAll());
        while (std::optional<Result<QByteArray>> payload = replies.next()) {
            Result<Message> m = *payload ? codec.decode(**payload) : Result<Message>(payload->error());
            if (!m)
                bad << m.error().toString();
            else if (m->type != MessageType::Result)
                bad << QStringLiteral("message %1 is no result").arg(m->id);
            else
                ids << m->id;
        }
    };
    QObject ctx; // goes before the locals that readReplies uses
    connect(&raw, &QIODevice::readyRead, &ctx, readReplies);
    raw.setReadBufferSize(0);
    readReplies(); // what the socket holds already
    QTRY_COMPARE_WITH_TIMEOUT(ids.size() + bad.size(), kRequests, 30'000);
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    for (int i = 0; i < kRequests; ++i)
        QCOMPARE(ids.at(i), quint64(i));
    QVERIFY(logged({}));
    delete server;
}

void tst_Faults::neverReadingPeerIdleTimeout()
{
    ChannelOptions options;
    options.codec = QStringLiteral("msgpack");
    options.maxWriteBuffer = 128 * 1024;
    options.idleTimeout = 500ms;
    ChannelServer *server = startEchoServer(options);
    QVERIFY(server);
    auto good = connectTo(server->address(), options);
    QVERIFY(good);
    QPointer<Channel> victim;
    connect(server, &ChannelServer::newChannel, this, [&](Channel *c) { victim = c; });
    QTcpSocket raw;
    raw.setReadBufferSize(16 * 1024);
    raw.connectToHost(QHostAddress::LocalHost, server->address().port());
    QVERIFY(raw.waitForConnected(5000));
    const Value chunk = Value::bytes(QByteArray(64 * 1024, 'x'));
    for (int i = 0; i < 200; ++i)
        raw.write(msgpackRequest(quint64(i), chunk));
    QTRY_VERIFY_WITH_TIMEOUT(victim, 5000);
    QSignalSpy closed(victim.data(), &Channel::closed);
    // The stalled connection is closed; the good client, talking, is not idle.
    QDeadlineTimer deadline(5000);
    while (closed.isEmpty() && !deadline.hasExpired())
        QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed.at(0).at(0).value<Error>().code(), ErrorCode::IdleTimeout);
    QVERIFY(logged({QStringLiteral(
        "^mas.channel: closing the connection to 127.0.0.1:\\d+ : Nothing was "
        "sent to or received from 127.0.0.1:\\d+ for 500 ms \\(idle timeout\\)$")}));
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    delete server;
}

void tst_Faults::sendTimesOutWhileThePeerDoesNotRead()
{
    QTcpServer sink;
    QVERIFY(sink.listen(QHostAddress::LocalHost, 0));
    ChannelOptions options;
    options.codec = QStringLiteral("msgpack");
    options.maxWriteBuffer = 64 * 1024;
    auto client = connectTo(Address::tcp(QStringLiteral("127.0.0.1"), sink.serverPort()), options);
    QVERIFY(client);
    QTRY_VERIFY(sink.hasPendingConnections());
    QTcpSocket *peer = sink.nextPendingConnection();
    peer->setReadBufferSize(16 * 1024);
    // 40 requests of 256 KiB at once: the first fill every buffer on the way and then wait for
    // replies that never come; the others wait to be written and give up at their time-out.
    const Value chunk = Value::bytes(QByteArray(256 * 1024, 'x'));
    constexpr int kRequests = 40;
    int noReply = 0;
    int notSent = 0;
    QObject ctx;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kRequests; ++i) {
        QCoro::connect(client->send(chunk, 300ms), &ctx, [&](Result<Value> r) {
            if (r.error().code() != ErrorCode::Timeout)
                return;
            if (r.error().message().contains(
                    u"did not read what was sent to it for 300 ms; the request was not sent"))
                ++notSent;
            else if (r.error().message().contains(u"in time"))
                ++noReply;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(noReply + notSent, kRequests, 5000);
    QVERIFY(timer.elapsed() >= 250);
    QVERIFY2(notSent > 0 && noReply > 0,
             qPrintable(QStringLiteral("%1 / %2").arg(notSent).arg(noReply)));
    QVERIFY(client->device()->bytesToWrite() <= options.maxWriteBuffer + 260 * 1024);
    QVERIFY(client->isOpen());
    QVERIFY(logged({}));
}

// ---- floods ----

void tst_Faults::thousandClientsConnectAndDrop()
{
    rlimit files{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &files), 0);
    if (files.rlim_cur < 2200)
        QSKIP("needs about 2200 file descriptors");
    constexpr int kClients = 1000;
    ChannelOptions options;
    options.maxConnections = kClients + 1;
    ChannelServer *server = startEchoServer(options);
    QVERIFY(server);
    const int filesBefore = openFiles();

    // A thousand clients in this process connect at once, then all drop at once.
    {
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            clients.back()->connectToHost(QHostAddress::LocalHost, server->address().port());
        }
        QTRY_COMPARE_WITH_TIMEOUT(server->channels().size(), kClients, 30'000);
        for (auto &c : clients)
            c->abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->channels().size(), 0, 30'000);

    // A thousand from another process that dies with all of them open.
    Child flood;
    QVERIFY(flood.start({QStringLiteral("flood"), QString::number(server->address().port()),
                         QString::number(kClients), QStringLiteral("200")}));
    QCOMPARE(flood.readLine(), QStringLiteral("connected"));
    QTRY_COMPARE_WITH_TIMEOUT(flood.process().state(), QProcess::NotRunning, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(server->channels().size(), 0, 30'000);

    QVERIFY(server->isListening());
    auto good = connectTo(server->address());
    QVERIFY(good);
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    // The closed channels go with deleteLater(), their descriptors with them.
    QTRY_VERIFY2_WITH_TIMEOUT(openFiles() <= filesBefore + 4,
                              qPrintable(QStringLiteral("%1 -> %2").arg(filesBefore).arg(openFiles())),
                              10'000);
    QVERIFY(logged({})); // peers that hang up cleanly are no error
    delete server;
}

void tst_Faults::acceptSurvivesRunningOutOfFiles()
{
    // Qt's QTcpServer stops accepting for good after accept() fails with EMFILE; the server
    // must try again and serve once descriptors are free.
    ChannelServer *server = startEchoServer({});
    QVERIFY(server);
    Child flood;
    QVERIFY(flood.start({QStringLiteral("flood"), QString::number(server->address().port()),
                         QStringLiteral("40"), QStringLiteral("600")}));
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &saved), 0);
    rlimit low = saved;
    low.rlim_cur = rlim_t(openFiles() + 8);
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &low), 0);
    const QString line = flood.readLine();
    QTRY_COMPARE_WITH_TIMEOUT(flood.process().state(), QProcess::NotRunning, 10'000);
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &saved), 0);
    QCOMPARE(line, QStringLiteral("connected"));
    QTRY_COMPARE_WITH_TIMEOUT(server->channels().size(), 0, 10'000);
    QVERIFY(logged(
        {QStringLiteral("^mas.transport.tcp: cannot accept connections on tcp://127.0.0.1:\\d+: "
                        ".* - paused, trying again in \\d+ ms")}));
    auto good = connectTo(server->address());
    QVERIFY(good);
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    delete server;
}

// ---- limits ----

void tst_Faults::tooManyPendingIncoming()
{
    ChannelOptions options;
    options.maxPendingRequests = 3;
    ChannelServer *server = startEchoServer(options);
    QVERIFY(server);
    auto client = connectTo(server->address());
    auto other = connectTo(server->address());
    QVERIFY(client && other);
    int answered = 0;
    QObject ctx;
    for (int i = 0; i < 3; ++i)
        QCoro::connect(client->send(Value::list({"delay", 300})), &ctx,
                       [&](Result<Value> r) { answered += r ? 1 : 0; });
    const Result<Value> refused = await(client->send("ohai"));
    QCOMPARE(refused.error().code(), ErrorCode::RemoteException);
    QVERIFY2(
        refused.error().toString().contains(
            u"mas.TooManyPendingRequests: Too many pending requests: 3 requests on this connection "
            u"are not answered yet (the limit is 3); request 3 was refused"),
        qPrintable(refused.error().toString()));
    QVERIFY(logged(
        {QStringLiteral("^mas.channel: refused request 3 from 127.0.0.1:\\d+: 3 of its requests "
                        "are not answered yet \\(maxPendingRequests\\)$")}));
    // Other connections have their own budget; this one stays open and works again.
    QCOMPARE(await(other->send("ohai")).value(), Value("cya"));
    QTRY_COMPARE(answered, 3);
    QCOMPARE(await(client->send("ohai")).value(), Value("cya"));
    QVERIFY(client->isOpen());
    QVERIFY(logged({}));
    delete server;
}

void tst_Faults::tooManyPendingOutgoing()
{
    ChannelServer *server = startEchoServer({});
    QVERIFY(server);
    ChannelOptions options;
    options.maxPendingRequests = 2;
    auto client = connectTo(server->address(), options);
    QVERIFY(client);
    int answered = 0;
    QObject ctx;
    for (int i = 0; i < 2; ++i)
        QCoro::connect(client->send(Value::list({"delay", 200})), &ctx,
                       [&](Result<Value> r) { answered += r ? 1 : 0; });
    QTRY_COMPARE(client->pendingRequestCount(), 2);
    const Result<Value> refused = await(client->send("ohai"));
    QCOMPARE(refused.error().code(), ErrorCode::TooManyPendingRequests);
    QVERIFY2(refused.error().message().contains(u"2 requests to 127.0.0.1:"),
             qPrintable(refused.error().message()));
    QVERIFY(refused.error().message().endsWith(u"wait for their replies (the limit is 2)"));
    QVERIFY(logged(
        {QStringLiteral("^mas.channel: Too many pending requests: 2 requests to 127.0.0.1:\\d+ "
                        "wait for their replies \\(the limit is 2\\)$")}));
    QTRY_COMPARE(answered, 2);
    QCOMPARE(await(client->send("ohai")).value(), Value("cya"));
    delete server;
}

void tst_Faults::tooManyConnections_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<ErrorCode>("refusal");
    QTest::newRow("tcp") << QStringLiteral("tcp") << ErrorCode::ConnectionReset;
    QTest::newRow("unix socket") << QStringLiteral("ipc") << ErrorCode::ConnectionReset;
    QTest::newRow("tls") << QStringLiteral("tls") << ErrorCode::TlsError;
}

void tst_Faults::tooManyConnections()
{
    QFETCH(QString, transport);
    QFETCH(ErrorCode, refusal);
    ChannelOptions serverOptions;
    serverOptions.maxConnections = 2;
    ChannelOptions clientOptions;
    Address address = Address::tcp(QStringLiteral("127.0.0.1"), 0);
    if (transport == u"ipc")
        address = Address::ipc(m_dir.filePath(QStringLiteral("limit.sock")));
    if (transport == u"tls") {
        serverOptions.tls = tls(QStringLiteral("server"));
        clientOptions.tls = tls(QStringLiteral("client"));
    }
    ChannelServer *server = startEchoServer(serverOptions, address);
    QVERIFY(server);
    QSignalSpy acceptErrors(server, &ChannelServer::acceptError);
    auto a = connectTo(server->address(), clientOptions);
    auto b = connectTo(server->address(), clientOptions);
    QVERIFY(a && b);
    QTRY_COMPARE(server->channels().size(), 2);

    // The third is closed as soon as it is accepted.
    Result<std::unique_ptr<Channel>> third =
        await(openConnection(server->address(), clientOptions));
    const Error e = third ? await((*third)->send("ohai", 5s)).error() : third.error();
    QCOMPARE(e.code(), refusal);
    QTRY_COMPARE(acceptErrors.size(), 1);
    const Error refused = acceptErrors.at(0).at(0).value<Error>();
    QCOMPARE(refused.code(), ErrorCode::TooManyConnections);
    QVERIFY2(
        refused.message().endsWith(QStringLiteral("has 2 connections, the limit (maxConnections)")),
        qPrintable(refused.message()));
    QVERIFY(
        logged({QStringLiteral("^mas.channel: Refused a connection from .*: the server on .* has 2 "
                               "connections, the limit \\(maxConnections\\)$")}));
    QCOMPARE(await(a->send("ohai")).value(), Value("cya"));
    QCOMPARE(await(b->send("ohai")).value(), Value("cya"));
    // A place is free again once a client leaves.
    await(a->close());
    QTRY_COMPARE(server->channels().size(), 1);
    auto d = connectTo(server->address(), clientOptions);
    QVERIFY(d);
    QCOMPARE(await(d->send("ohai")).value(), Value("cya"));
    QVERIFY(logged({}));
    delete server;
}

void tst_Faults::idleClientClosed()
{
    ChannelOptions options;
    options.idleTimeout = 300ms;
    ChannelServer *server = startEchoServer(options);
    QVERIFY(server);
    auto good = connectTo(server->address());
    QVERIFY(good);
    QPointer<Channel> victim;
    connect(server, &ChannelServer::newChannel, this, [&](Channel *c) { victim = c; });
    // Started before the connection exists: its idle time is at most what this measures.
    QElapsedTimer timer;
    timer.start();
    QTcpSocket silent; // connects and says nothing
    silent.connectToHost(QHostAddress::LocalHost, server->address().port());
    QVERIFY(silent.waitForConnected(5000));
    QTRY_VERIFY(victim);
    QSignalSpy closed(victim.data(), &Channel::closed);
    // The good client keeps talking meanwhile, a request every 50 ms: it is never idle.
    int answered = 0;
    QStringList wrong;
    QObject ctx; // the callbacks go with it, before the locals they use
    QTimer talk;
    connect(&talk, &QTimer::timeout, &ctx, [&] {
        QCoro::connect(good->send("ohai"), &ctx, [&](const Result<Value> &r) {
            if (r && *r == Value("cya"))
                ++answered;
            else
                wrong << (r ? r->toDisplayString(80) : r.error().toString());
        });
    });
    talk.start(50);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 5000);
    talk.stop();
    QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(closed.at(0).at(0).value<Error>().code(), ErrorCode::IdleTimeout);
    QVERIFY(answered > 0);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    QVERIFY(logged({QStringLiteral(
        "^mas.channel: closing the connection to 127.0.0.1:\\d+ : Nothing was "
        "sent to or received from 127.0.0.1:\\d+ for 300 ms \\(idle timeout\\)$")}));
    QTRY_COMPARE(silent.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    delete server;
}

void tst_Faults::codecLimitsOnTheWire_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("expected");
    QTest::addColumn<QString>("message");
    const auto hex = [](const char *h) { return QByteArray::fromHex(h); };
    QTest::newRow("frame over maxFrameSize")
        << QStringLiteral("json") << hex("00100001") << ErrorCode::FrameTooLarge
        << QStringLiteral("Frame of 1048577 bytes exceeds the maximum frame size of 1048576 bytes");
    QTest::newRow("msgpack array header of 2^32-1 elements")
        << QStringLiteral("msgpack") << frame(hex("930000ddffffffff")) << ErrorCode::InvalidMsgPack
        << QStringLiteral("the data ends in the middle of a value");
    QTest::newRow("nested deeper than maxDepth")
        << QStringLiteral("json") << frame("[0, 0, [[[[[[[[[[[1]]]]]]]]]]]]")
        << ErrorCode::NestingTooDeep << QStringLiteral("nests deeper than 10 levels");
    QByteArray wide = "[0, 0, [";
    for (int i = 0; i < 200; ++i)
        wide += i ? ", 1" : "1";
    QTest::newRow("more elements than maxElements")
        << QStringLiteral("json") << frame(wide + "]]") << ErrorCode::TooManyElements
        << QStringLiteral("more than 100 elements");
    // A blosc frame that would decompress to 2 MiB (over maxDecompressedSize of 1 MiB).
    const QByteArray big = MsgPackBloscCodec::compress(QByteArray(2 * 1024 * 1024, '\0')).value();
    QTest::newRow("blosc over maxDecompressedSize")
        << QStringLiteral("msgpackblosc") << frame(big) << ErrorCode::InvalidBlosc
        << QStringLiteral("would decompress to 2097152 bytes, more than the limit of 1048576");
}

void tst_Faults::codecLimitsOnTheWire()
{
    QFETCH(QString, codec);
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, expected);
    QFETCH(QString, message);
    ChannelOptions options;
    options.codec = codec;
    options.maxFrameSize = 1024 * 1024;
    options.limits.maxDepth = 10;
    options.limits.maxElements = 100;
    options.limits.maxDecompressedSize = 1024 * 1024;
    ChannelServer *server = startEchoServer(options);
    QVERIFY(server);
    auto good = connectTo(server->address(), options);
    QVERIFY(good);
    QPointer<Channel> victim;
    connect(server, &ChannelServer::newChannel, this, [&](Channel *c) { victim = c; });
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, server->address().port());
    QVERIFY(raw.waitForConnected(5000));
    QTRY_VERIFY(victim);
    QSignalSpy closed(victim.data(), &Channel::closed);
    raw.write(bytes);
    QVERIFY(closed.wait(5000));
    const Error e = closed.at(0).at(0).value<Error>();
    QCOMPARE(e.code(), expected);
    QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    QVERIFY(logged({QStringLiteral("^mas.channel: closing the connection to 127.0.0.1:\\d+ : .*%1")
                        .arg(QRegularExpression::escape(message))}));
    QTRY_COMPARE(raw.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    delete server;
}

void tst_Faults::tlsHandshakeTimeoutServer()
{
    ChannelOptions options;
    options.tls = tls(QStringLiteral("server"));
    options.tls->handshakeTimeout = 300ms;
    ChannelServer *server = startEchoServer(options);
    QVERIFY(server);
    QSignalSpy acceptErrors(server, &ChannelServer::acceptError);
    QTcpSocket silent; // connects, never starts the handshake
    silent.connectToHost(QHostAddress::LocalHost, server->address().port());
    QVERIFY(silent.waitForConnected(5000));
    QVERIFY(acceptErrors.wait(5000));
    const Error e = acceptErrors.at(0).at(0).value<Error>();
    QCOMPARE(e.code(), ErrorCode::HandshakeTimeout);
    QCOMPARE(
        e.message(),
        QStringLiteral(
            "A TLS connection from 127.0.0.1 failed: the handshake did not finish within 300 ms"));
    QVERIFY(
        logged({QStringLiteral("^mas.transport.tls: A TLS connection from 127.0.0.1 failed: the "
                               "handshake did not finish within 300 ms$")}));
    QTRY_COMPARE(silent.state(), QAbstractSocket::UnconnectedState);
    ChannelOptions client;
    client.tls = tls(QStringLiteral("client"));
    auto good = connectTo(server->address(), client);
    QVERIFY(good);
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    delete server;
}

void tst_Faults::tlsHandshakeTimeoutClient()
{
    QTcpServer mute; // accepts TCP and never answers the ClientHello
    QVERIFY(mute.listen(QHostAddress::LocalHost, 0));
    ChannelOptions options;
    options.tls = tls(QStringLiteral("client"));
    options.tls->handshakeTimeout = 300ms;
    options.attemptTimeout = 300ms;
    const auto r = await(
        openConnection(Address::tcp(QStringLiteral("127.0.0.1"), mute.serverPort()), options));
    // Our 300 ms, not the default handshake or attempt time-out (the message names it).
    QCOMPARE(r.error().code(), ErrorCode::HandshakeTimeout);
    QVERIFY2(r.error().message().endsWith(u"did not finish within 300 ms"),
             qPrintable(r.error().message()));
    QVERIFY(logged({}));
}

// ---- TLS ----

void tst_Faults::tlsErrors_data()
{
    QTest::addColumn<QString>("serverLeaf"); // empty: a plaintext server
    // clientLeaf empty: a plaintext client; "-": TLS without a certificate ("-1.2": TLS 1.2 only)
    QTest::addColumn<QString>("clientLeaf");
    QTest::addColumn<QString>("clientCa");
    QTest::addColumn<ErrorCode>("expected");
    QTest::addColumn<QString>("message");       // a key part of the caller's error
    QTest::addColumn<QString>("serverWarning"); // the one line the server logs

    const QString rejected =
        QStringLiteral("^mas.transport.tls: A TLS connection from 127.0.0.1 failed: .*");
    const QString ca = QStringLiteral("ca");
    // When the server refuses the client's certificate, the client (its TLS 1.3 handshake done)
    // only sees the connection reset: Qt's server aborts without sending the TLS alert. The
    // server's log line has the reason.
    const QString peerClosed = rejected + QStringLiteral("The remote host closed the connection$");
    QTest::newRow("expired server certificate")
        << QStringLiteral("expired-server") << QStringLiteral("client") << ca << ErrorCode::TlsError
        << QStringLiteral("The certificate has expired") << peerClosed;
    QTest::newRow("expired client certificate")
        << QStringLiteral("server") << QStringLiteral("expired-client") << ca
        << ErrorCode::ConnectionReset << QStringLiteral("Connection reset by peer")
        << rejected + QStringLiteral("The certificate has expired$");
    QTest::newRow("server signed by an unknown CA")
        << QStringLiteral("server") << QStringLiteral("stranger") << QStringLiteral("otherca")
        << ErrorCode::TlsError << QStringLiteral("TLS verification of tcp://127.0.0.1:")
        << peerClosed;
    QTest::newRow("client signed by an unknown CA")
        << QStringLiteral("server") << QStringLiteral("stranger") << ca
        << ErrorCode::ConnectionReset << QStringLiteral("Connection reset by peer")
        << rejected
               + QStringLiteral(
                   "The issuer certificate of a locally looked up certificate could not be found");
    QTest::newRow("wrong host name")
        << QStringLiteral("elsewhere") << QStringLiteral("client") << ca << ErrorCode::TlsError
        << QStringLiteral("The host name did not match any of the valid hosts for this certificate")
        << peerClosed;
    QTest::newRow("no client certificate")
        << QStringLiteral("server") << QStringLiteral("-") << ca << ErrorCode::ConnectionReset
        << QStringLiteral("Connection reset by peer")
        << rejected + QStringLiteral("The peer did not present any certificate$");
    // With TLS 1.2 the server refuses the client during the handshake.
    QTest::newRow("no client certificate, TLS 1.2")
        << QStringLiteral("server") << QStringLiteral("-1.2") << ca << ErrorCode::TlsError
        << QStringLiteral("closed the connection during the TLS handshake")
        << rejected + QStringLiteral("The peer did not present any certificate$");
    QTest::newRow("plaintext on the TLS port")
        << QStringLiteral("server") << QString() << ca << ErrorCode::ConnectionReset
        << QStringLiteral("Connection reset by peer 127.0.0.1:")
        << rejected + QStringLiteral("wrong version number$");
    QTest::newRow("TLS on the plaintext port")
        << QString() << QStringLiteral("client") << ca << ErrorCode::TlsError
        << QStringLiteral("closed the connection during the TLS handshake")
        << QStringLiteral(
               "^mas.channel: closing the connection to 127.0.0.1:\\d+ : 127.0.0.1:\\d+ speaks "
               "TLS, but this connection does not use TLS$");
}

void tst_Faults::tlsErrors()
{
    QFETCH(QString, serverLeaf);
    QFETCH(QString, clientLeaf);
    QFETCH(QString, clientCa);
    QFETCH(ErrorCode, expected);
    QFETCH(QString, message);
    QFETCH(QString, serverWarning);

    ChannelOptions serverOptions;
    if (!serverLeaf.isEmpty())
        serverOptions.tls = tls(serverLeaf);
    ChannelServer *server = startEchoServer(serverOptions);
    QVERIFY(server);
    // A client that works with this server, to check that the failure leaves it serving.
    ChannelOptions goodOptions;
    if (serverLeaf == u"server") {
        goodOptions.tls = tls(QStringLiteral("client"));
    } else if (serverLeaf == u"elsewhere") {
        goodOptions.tls = tls(QStringLiteral("client"));
        goodOptions.tls->peerVerifyName = QStringLiteral("elsewhere.invalid");
    } else if (!serverLeaf.isEmpty()) { // a client that does not check the server's certificate
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(
            QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("client.pem"))));
        QFile key(m_dir.filePath(QStringLiteral("client.key")));
        QVERIFY(key.open(QIODevice::ReadOnly));
        config.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        goodOptions.tls = TlsOptions{};
        goodOptions.tls->configuration = config;
    }
    auto good = connectTo(server->address(), goodOptions);
    QVERIFY(good);
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));

    ChannelOptions options;
    if (clientLeaf.startsWith(u'-')) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setProtocol(clientLeaf == u"-1.2" ? QSsl::TlsV1_2 : QSsl::TlsV1_2OrLater);
        config.setCaCertificates(
            QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("ca.pem"))));
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        options.tls = TlsOptions{};
        options.tls->configuration = config;
    } else if (!clientLeaf.isEmpty()) {
        options.tls = tls(clientLeaf, clientCa);
    }
    // The server refuses some clients only after a TLS 1.3 handshake completed on their side:
    // then the first call carries the error.
    Result<std::unique_ptr<Channel>> client = await(openConnection(server->address(), options));
    const Error e = client ? await((*client)->send("ohai", 5s)).error() : client.error();
    QCOMPARE(e.code(), expected);
    QVERIFY2(e.message().contains(message, Qt::CaseInsensitive), qPrintable(e.message()));
    QVERIFY(logged({serverWarning}));
    QCOMPARE(server->channels().size(), 1);
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    delete server;
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
