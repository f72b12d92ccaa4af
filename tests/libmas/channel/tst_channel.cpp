// SPDX-License-Identifier: MIT
// End-to-end tests of the channel layer over real sockets: TCP on 127.0.0.1, a Unix domain
// socket in a temporary directory, and TLS with certificates generated for the test.

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/transport/framing.h>

#include <QLocalSocket>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <QCoro/QCoroTask>

#include <algorithm>

#include "certificates.h"

using namespace mas;
using namespace std::chrono_literals;

namespace {

enum class Transport { Tcp, Ipc, Tls };

/// Answers "ping"-style requests: echo, fail, delayed replies, and requests back to the client.
void serveEcho(Channel *channel)
{
    QObject::connect(channel, &Channel::requestReceived, channel, [channel] {
        while (std::optional<Request> request = channel->takeRequest()) {
            const Value content = request->content();
            const QString verb = content.isList() ? content.at(0).toString() : content.toString();
            if (verb == u"ohai") {
                (void)request->reply("cya");
            } else if (verb == u"fail") {
                (void)request->fail(QStringLiteral("ValueError"), QStringLiteral("requested failure"));
            } else if (verb == u"delay") {
                // Reply after N ms, so later requests overtake earlier ones.
                const int ms = int(content.at(1).toInt());
                QTimer::singleShot(ms, channel, [request = *request, ms]() mutable {
                    (void)request.reply(Value(ms));
                });
            } else if (verb == u"ask") {
                // Ask the client something before answering (requests in both directions).
                auto task = channel->send(Value::list({"question", content.at(1)}));
                QCoro::connect(std::move(task), channel, [request = *request](Result<Value> r) {
                    (void)request.reply(Value::list({"answer", r ? *r : Value("error")}));
                });
            } else if (verb == u"never") {
                // Keep the request unanswered.
            } else {
                (void)request->reply(content);
            }
        }
    });
}

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// While it lives, records what the channel layer logs at debug level about connecting
/// ("... - retrying in 500 ms", "connect failed: ..."); everything else goes to QtTest.
class ConnectLog
{
public:
    ConnectLog()
    {
        s_self = this;
        QLoggingCategory::setFilterRules(QStringLiteral("mas.channel.debug=true"));
        m_previous = qInstallMessageHandler(&ConnectLog::handler);
    }
    ~ConnectLog()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        s_self = nullptr;
    }
    ConnectLog(const ConnectLog &) = delete;
    ConnectLog &operator=(const ConnectLog &) = delete;

    /// The pauses before each retry, in ms.
    QList<int> retryDelays() const
    {
        static const QRegularExpression retry(QStringLiteral(" - retrying in (\\d+) ms$"));
        QList<int> delays;
        for (const QString &line : m_lines) {
            if (const QRegularExpressionMatch m = retry.match(line); m.hasMatch())
                delays << m.captured(1).toInt();
        }
        return delays;
    }
    /// How often it gave up.
    qsizetype failures() const
    {
        return std::count_if(m_lines.begin(), m_lines.end(),
                             [](const QString &l) { return l.startsWith(u"connect failed: "); });
    }
    QStringList lines() const { return m_lines; }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (s_self && type == QtDebugMsg && context.category
            && QByteArrayView(context.category) == "mas.channel") {
            s_self->m_lines << message;
            return;
        }
        if (s_self && s_self->m_previous)
            s_self->m_previous(type, context, message);
    }

    static inline ConnectLog *s_self = nullptr;
    QtMessageHandler m_previous = nullptr;
    QStringList m_lines;
};

} // namespace

Q_DECLARE_METATYPE(Transport)
Q_DECLARE_METATYPE(std::optional<std::chrono::milliseconds>)

class tst_Channel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void requestReply_data() { transports(); }
    void requestReply();
    void failure_data() { transports(); }
    void failure();
    void bothDirections_data() { transports(); }
    void bothDirections();
    void outOfOrderReplies_data() { transports(); }
    void outOfOrderReplies();
    void thousandConcurrentRequests_data() { transports(); }
    void thousandConcurrentRequests();
    void closeWithPendingRequests_data() { transports(); }
    void closeWithPendingRequests();
    void peerDiesMidCall_data() { transports(); }
    void peerDiesMidCall();
    void peerProcessKilledMidCall();
    void backPressureBoundsTheWriteBuffer();
    void requestTimeout();
    void recvWaitsAndTimesOut();
    void unencodableReplyBecomesFailure();
    void extraSerializers();
    void codecs_data();
    void codecs();

    void connectRefusedSingleAttempt();
    void connectRetriesUntilServerStarts_data();
    void connectRetriesUntilServerStarts();
    void connectGivesUpAfterTimeout();

    void malformedInputClosesOnlyThatChannel_data();
    void malformedInputClosesOnlyThatChannel();
    void truncatedFrameAtEndOfStream();

    void tlsWrongCaRejected();
    void tlsNoClientCertificateRejected();
    void tlsWrongHostNameRejected();
    void plaintextClientAgainstTlsServer();

    void observerSeesFrames();

private:
    void transports();
    ChannelOptions optionsFor(Transport t) const;
    Address addressFor(Transport t, const QString &name = QStringLiteral("mas.sock")) const;
    ChannelServer *startEchoServer(Transport t, ChannelOptions options = {});
    std::unique_ptr<Channel> connectTo(ChannelServer *server, Transport t, ChannelOptions options = {});

    QTemporaryDir m_dir;
    QString m_serverCert;
    QString m_clientCert;
    QString m_otherCaCert;
    QString m_wrongHostCert;
};

void tst_Channel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_serverCert = test::generateCertificates(m_dir.path(), QStringLiteral("server"), QStringLiteral("ca"),
                                        QStringLiteral("IP:127.0.0.1,DNS:localhost"));
    m_clientCert = test::generateCertificates(m_dir.path(), QStringLiteral("client"), QStringLiteral("ca"),
                                        QStringLiteral("DNS:client"));
    m_otherCaCert = test::generateCertificates(m_dir.path(), QStringLiteral("stranger"),
                                         QStringLiteral("otherca"), QStringLiteral("IP:127.0.0.1"));
    m_wrongHostCert = test::generateCertificates(m_dir.path(), QStringLiteral("elsewhere"), QStringLiteral("ca"),
                                           QStringLiteral("DNS:elsewhere.invalid"));
    QVERIFY(!m_serverCert.isEmpty() && !m_clientCert.isEmpty() && !m_otherCaCert.isEmpty()
            && !m_wrongHostCert.isEmpty());
}

void tst_Channel::transports()
{
    QTest::addColumn<Transport>("transport");
    QTest::newRow("tcp") << Transport::Tcp;
    QTest::newRow("unix socket") << Transport::Ipc;
    QTest::newRow("tls") << Transport::Tls;
}

ChannelOptions tst_Channel::optionsFor(Transport t) const
{
    ChannelOptions options;
    if (t == Transport::Tls)
        options.tls = TlsOptions{m_dir.filePath(QStringLiteral("ca.pem")), m_serverCert + QStringLiteral(".pem"),
                                 m_serverCert + QStringLiteral(".key"), {}, {}, 10s};
    return options;
}

Address tst_Channel::addressFor(Transport t, const QString &name) const
{
    return t == Transport::Ipc ? Address::ipc(m_dir.filePath(name)) : Address::tcp(QStringLiteral("127.0.0.1"), 0);
}

ChannelServer *tst_Channel::startEchoServer(Transport t, ChannelOptions options)
{
    if (t == Transport::Tls && !options.tls)
        options.tls = optionsFor(t).tls;
    Result<ChannelServer *> server = startServer(addressFor(t), serveEcho, options, this);
    if (!server) {
        qWarning() << server.error();
        return nullptr;
    }
    return *server;
}

std::unique_ptr<Channel> tst_Channel::connectTo(ChannelServer *server, Transport t, ChannelOptions options)
{
    if (t == Transport::Tls && !options.tls)
        options.tls = TlsOptions{m_dir.filePath(QStringLiteral("ca.pem")), m_clientCert + QStringLiteral(".pem"),
                                 m_clientCert + QStringLiteral(".key"), {}, {}, 10s};
    Result<std::unique_ptr<Channel>> channel = await(openConnection(server->address(), options));
    if (!channel) {
        qWarning() << channel.error();
        return nullptr;
    }
    return std::move(*channel);
}

void tst_Channel::requestReply()
{
    QFETCH(Transport, transport);
    ChannelServer *server = startEchoServer(transport);
    QVERIFY(server);
    auto client = connectTo(server, transport);
    QVERIFY(client);
    Result<Value> reply = await(client->send("ohai"));
    QVERIFY2(reply.hasValue(), qPrintable(reply.error().toString()));
    QCOMPARE(*reply, Value("cya"));
    reply = await(client->send(Value::list({"echo", Value::map({{"x", 1.5}}), "ü😀"})));
    QCOMPARE(*reply, Value::list({"echo", Value::map({{"x", 1.5}}), "ü😀"}));
    QCOMPARE(client->pendingRequestCount(), 0);
    QVERIFY(server->channels().size() == 1);
    delete server;
}

void tst_Channel::failure()
{
    QFETCH(Transport, transport);
    ChannelServer *server = startEchoServer(transport);
    QVERIFY(server);
    auto client = connectTo(server, transport);
    QVERIFY(client);
    Result<Value> reply = await(client->send("fail"));
    QVERIFY(!reply);
    QCOMPARE(reply.error().code(), ErrorCode::RemoteException);
    QCOMPARE(reply.error().remoteType(), QStringLiteral("ValueError"));
    QVERIFY(reply.error().remoteTraceback().endsWith(u"ValueError: requested failure\n"));
    QCOMPARE(reply.error().origin(), client->peerName());
    // The channel stays usable after a failure.
    QCOMPARE(await(client->send("ohai")).value(), Value("cya"));
    delete server;
}

void tst_Channel::bothDirections()
{
    QFETCH(Transport, transport);
    ChannelServer *server = startEchoServer(transport);
    QVERIFY(server);
    auto client = connectTo(server, transport);
    QVERIFY(client);
    // The client answers the server's question while its own request is pending.
    connect(client.get(), &Channel::requestReceived, this, [c = client.get()] {
        while (auto r = c->takeRequest())
            (void)r->reply(Value::list({"pong", r->content().at(1)}));
    });
    Result<Value> reply = await(client->send(Value::list({"ask", 7})));
    QVERIFY2(reply.hasValue(), qPrintable(reply.error().toString()));
    QCOMPARE(*reply, Value::list({"answer", Value::list({"pong", 7})}));
    delete server;
}

void tst_Channel::outOfOrderReplies()
{
    QFETCH(Transport, transport);
    ChannelServer *server = startEchoServer(transport);
    QVERIFY(server);
    auto client = connectTo(server, transport);
    QVERIFY(client);
    std::vector<int> order;
    int done = 0;
    QObject ctx; // callbacks die with it, before the locals they use
    for (int ms : {150, 80, 10}) {
        QCoro::connect(client->send(Value::list({"delay", ms})), &ctx, [&, ms](Result<Value> r) {
            QCOMPARE(r.value(), Value(ms));
            order.push_back(ms);
            ++done;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, 3, 5000);
    QCOMPARE(order, (std::vector<int>{10, 80, 150}));
    delete server;
}

void tst_Channel::thousandConcurrentRequests()
{
    QFETCH(Transport, transport);
    ChannelServer *server = startEchoServer(transport);
    QVERIFY(server);
    auto client = connectTo(server, transport);
    QVERIFY(client);
    constexpr int kCount = 1000;
    int ok = 0;
    int wrong = 0;
    QObject ctx; // callbacks die with it, before the locals they use
    for (int i = 0; i < kCount; ++i) {
        QCoro::connect(client->send(Value::list({"echo", i})), &ctx, [&, i](Result<Value> r) {
            if (r && *r == Value::list({"echo", i}))
                ++ok;
            else
                ++wrong;
        });
    }
    QCOMPARE(client->pendingRequestCount(), kCount);
    QTRY_COMPARE_WITH_TIMEOUT(ok + wrong, kCount, 30000);
    QCOMPARE(wrong, 0);
    QCOMPARE(client->pendingRequestCount(), 0);
    delete server;
}

void tst_Channel::closeWithPendingRequests()
{
    QFETCH(Transport, transport);
    ChannelServer *server = startEchoServer(transport);
    QVERIFY(server);
    auto client = connectTo(server, transport);
    QVERIFY(client);
    QSignalSpy closed(client.get(), &Channel::closed);
    std::vector<Error> errors;
    QObject ctx; // callbacks die with it, before the locals they use
    for (int i = 0; i < 3; ++i)
        QCoro::connect(client->send("never"), &ctx, [&](Result<Value> r) { errors.push_back(r.error()); });
    QTRY_COMPARE(server->channels().size(), 1);
    await(client->close());
    QTRY_COMPARE(errors.size(), size_t(3));
    for (const Error &e : errors)
        QCOMPARE(e.code(), ErrorCode::ConnectionClosed);
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed.at(0).at(0).value<Error>().code(), ErrorCode::NoError);
    QVERIFY(!client->isOpen());
    // Sending on a closed channel fails at once.
    QCOMPARE(await(client->send("ohai")).error().code(), ErrorCode::ConnectionClosed);
    // The server notices the client left.
    QTRY_COMPARE(server->channels().size(), 0);
    delete server;
}

void tst_Channel::peerDiesMidCall()
{
    QFETCH(Transport, transport);
    ChannelServer *server = startEchoServer(transport);
    QVERIFY(server);
    auto client = connectTo(server, transport);
    QVERIFY(client);
    QSignalSpy reset(client.get(), &Channel::closed);
    std::optional<Result<Value>> result;
    QObject ctx; // callbacks die with it, before the locals they use
    QCoro::connect(client->send("never"), &ctx, [&](Result<Value> r) { result = std::move(r); });
    QTRY_COMPARE(server->channels().size(), 1);
    // The peer vanishes without a goodbye.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("closing the connection to .*test kills peer")));
    server->channels().first()->abort(Error(ErrorCode::AiomasError, QStringLiteral("test kills peer")));
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!*result);
    QCOMPARE(result->error().code(), ErrorCode::ConnectionReset);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(client->error().code(), ErrorCode::ConnectionReset);
    delete server;
}

void tst_Channel::peerProcessKilledMidCall()
{
    Result<ChannelServer *> server = ChannelServer::listen(Address::tcp(QStringLiteral("127.0.0.1"), 0), {}, this);
    QVERIFY(server);
    QPointer<Channel> peer;
    connect(*server, &ChannelServer::newChannel, this, [&](Channel *c) { peer = c; });
    QProcess child;
    child.start(QStringLiteral(MAS_TEST_PEER), {QString::number((*server)->address().port())});
    QVERIFY(child.waitForStarted(10'000));
    QTRY_VERIFY_WITH_TIMEOUT(peer, 10'000);
    // Call the child; it reads the request and exits without answering. The call fails with
    // the reset, not at its time-out (that would be ErrorCode::Timeout).
    Result<Value> r = await(peer->send("are you there?", 30s));
    QCOMPARE(r.error().code(), ErrorCode::ConnectionReset);
    QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 10'000);
    QCOMPARE(child.exitCode(), 42);
    delete *server;
}

void tst_Channel::backPressureBoundsTheWriteBuffer()
{
    // A peer that accepts the connection but does not read.
    QTcpServer sink;
    QVERIFY(sink.listen(QHostAddress::LocalHost, 0));
    ChannelOptions options;
    options.maxWriteBuffer = 256 * 1024;
    options.codec = QStringLiteral("msgpack");
    auto client = await(openConnection(Address::tcp(QStringLiteral("127.0.0.1"), sink.serverPort()), options)).value();
    QTRY_VERIFY(sink.hasPendingConnections());
    QTcpSocket *peer = sink.nextPendingConnection();
    peer->setReadBufferSize(64 * 1024); // Qt stops reading from the kernel when this is full

    constexpr int kRequests = 400;
    const Value chunk = Value::bytes(QByteArray(64 * 1024, 'x'));
    int failed = 0;
    QObject ctx;
    for (int i = 0; i < kRequests; ++i)
        QCoro::connect(client->send(chunk, 60s), &ctx, [&](Result<Value> r) { failed += r ? 0 : 1; });
    // 25 MiB were offered; the kernel buffers take some (until the peer's read buffer is full),
    // the rest must wait, not pile up. What we ever held is sampled meanwhile.
    qint64 mostQueued = 0;
    const auto peerFull = [&] {
        mostQueued = std::max(mostQueued, client->device()->bytesToWrite());
        return peer->bytesAvailable() >= 64 * 1024;
    };
    QTRY_VERIFY_WITH_TIMEOUT(peerFull(), 10'000);
    QVERIFY2(mostQueued <= options.maxWriteBuffer + 70 * 1024, qPrintable(QString::number(mostQueued)));
    QVERIFY(client->pendingRequestCount() < kRequests); // some sends are still waiting to write
    // Once the peer reads, every request goes out.
    peer->setReadBufferSize(0);
    connect(peer, &QIODevice::readyRead, peer, [peer] { peer->readAll(); });
    peer->readAll();
    QTRY_COMPARE_WITH_TIMEOUT(client->pendingRequestCount(), qsizetype(kRequests), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(client->device()->bytesToWrite(), qint64(0), 30'000);
    QCOMPARE(failed, 0);
    await(client->close(100ms));
    QTRY_COMPARE(failed, kRequests); // closing fails the unanswered requests
}

void tst_Channel::requestTimeout()
{
    ChannelServer *server = startEchoServer(Transport::Tcp);
    QVERIFY(server);
    auto client = connectTo(server, Transport::Tcp);
    QVERIFY(client);
    Result<Value> r = await(client->send("never", 100ms));
    QCOMPARE(r.error().code(), ErrorCode::Timeout);
    QCOMPARE(client->pendingRequestCount(), 0);
    QVERIFY(client->isOpen());
    QCOMPARE(await(client->send("ohai")).value(), Value("cya"));
    delete server;
}

void tst_Channel::recvWaitsAndTimesOut()
{
    Result<ChannelServer *> server = ChannelServer::listen(Address::tcp(QStringLiteral("127.0.0.1"), 0), {}, this);
    QVERIFY(server);
    QPointer<Channel> accepted;
    connect(*server, &ChannelServer::newChannel, this, [&](Channel *c) { accepted = c; });
    auto client = connectTo(*server, Transport::Tcp);
    QVERIFY(client);
    QTRY_VERIFY(accepted);
    // Nothing arrives: recv() times out.
    QCOMPARE(await(accepted->recv(50ms)).error().code(), ErrorCode::Timeout);
    // The seed README's channel example: the server receives 'ohai' and replies 'cya'.
    std::optional<Result<Value>> reply;
    QObject ctx; // callbacks die with it, before the locals they use
    QCoro::connect(client->send("ohai"), &ctx, [&](Result<Value> r) { reply = std::move(r); });
    Result<Request> request = await(accepted->recv(5s));
    QVERIFY(request);
    QCOMPARE(request->content(), Value("ohai"));
    QVERIFY(request->reply("cya"));
    QVERIFY(!request->reply("again")); // answered exactly once
    QTRY_VERIFY(reply.has_value());
    QCOMPARE(reply->value(), Value("cya"));
    delete *server;
}

void tst_Channel::unencodableReplyBecomesFailure()
{
    Result<ChannelServer *> server = ChannelServer::listen(Address::tcp(QStringLiteral("127.0.0.1"), 0), {}, this);
    QVERIFY(server);
    connect(*server, &ChannelServer::newChannel, this, [](Channel *c) {
        connect(c, &Channel::requestReceived, c, [c] {
            while (auto r = c->takeRequest()) {
                Result<void> sent = r->reply(Value::bytes("\x01\x02")); // bytes: not JSON
                QCOMPARE(sent.error().code(), ErrorCode::SerializationError);
            }
        });
    });
    auto client = connectTo(*server, Transport::Tcp);
    QVERIFY(client);
    Result<Value> r = await(client->send("give me bytes"));
    QCOMPARE(r.error().code(), ErrorCode::RemoteException);
    QCOMPARE(r.error().remoteType(), QStringLiteral("aiomas.exceptions.SerializationError"));
    QVERIFY(client->isOpen());
    delete *server;
}

namespace {
struct Point
{
    int x = 0;
    int y = 0;
    friend bool operator==(const Point &, const Point &) = default;
};
} // namespace

void tst_Channel::extraSerializers()
{
    // Both ends register the same serializers in the same order (aiomas's extra_serializers).
    ChannelOptions options;
    options.codec = QStringLiteral("msgpack");
    options.extraSerializers.push_back([](SerializerRegistry &r) -> Result<void> {
        Result<int> id = r.add<Point>([](const Point &p) { return Value::list({p.x, p.y}); },
                                      [](const Value &v) { return Point{int(v.at(0).toInt()), int(v.at(1).toInt())}; });
        if (!id)
            return id.error();
        return {};
    });
    ChannelServer *server = startEchoServer(Transport::Tcp, options);
    QVERIFY(server);
    auto client = connectTo(server, Transport::Tcp, options);
    QVERIFY(client);
    Result<Value> r = await(client->send(Value::list({"echo", Value::custom(Point{3, -4})})));
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(r->at(1).to<Point>().value(), (Point{3, -4}));

    // A peer without the serializer cannot encode the object: a clear error, nothing sent.
    auto plain = connectTo(server, Transport::Tcp);
    QVERIFY(plain);
    r = await(plain->send(Value::custom(Point{1, 2})));
    QCOMPARE(r.error().code(), ErrorCode::SerializationError);
    QVERIFY2(r.error().message().contains(u"Point"), qPrintable(r.error().message()));
    QVERIFY(plain->isOpen());
    delete server;
}

void tst_Channel::codecs_data()
{
    QTest::addColumn<QString>("codec");
    for (const char *c : {"json", "msgpack", "msgpackblosc"})
        QTest::newRow(c) << QString::fromLatin1(c);
}

void tst_Channel::codecs()
{
    QFETCH(QString, codec);
    ChannelOptions options;
    options.codec = codec;
    ChannelServer *server = startEchoServer(Transport::Tcp, options);
    QVERIFY(server);
    auto client = connectTo(server, Transport::Tcp, options);
    QVERIFY(client);
    QCOMPARE(client->codec().name(), codec);
    const Value big = Value(QString(20000, u'x'));
    QCOMPARE(await(client->send(Value::list({"echo", big, 2.0, -7}))).value(),
             Value::list({"echo", big, 2.0, -7}));
    delete server;
}

void tst_Channel::connectRefusedSingleAttempt()
{
    // Find a free port, then make sure nobody listens on it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    ConnectLog log;
    Result<std::unique_ptr<Channel>> r = await(openConnection(Address::tcp(QStringLiteral("127.0.0.1"), port)));
    QCOMPARE(r.error().code(), ErrorCode::ConnectionRefused);
    QVERIFY(r.error().message().contains(QString::number(port)));
    // One attempt, no retries.
    QVERIFY2(log.retryDelays().isEmpty() && log.failures() == 1, qPrintable(log.lines().join(u'\n')));

    r = await(openConnection(Address::ipc(m_dir.filePath(QStringLiteral("nobody.sock")))));
    QCOMPARE(r.error().code(), ErrorCode::ConnectionRefused);
}

void tst_Channel::connectRetriesUntilServerStarts_data()
{
    QTest::addColumn<std::optional<std::chrono::milliseconds>>("timeout");
    QTest::newRow("retry for 10 s") << std::optional<std::chrono::milliseconds>(10s);
    QTest::newRow("retry forever") << std::optional<std::chrono::milliseconds>();
}

void tst_Channel::connectRetriesUntilServerStarts()
{
    QFETCH(std::optional<std::chrono::milliseconds>, timeout);
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    ChannelServer *server = nullptr;
    // The server starts 700 ms late: after the first retry delay of 500 ms, before the next.
    QTimer::singleShot(700, this, [&] {
        server = startServer(Address::tcp(QStringLiteral("127.0.0.1"), port), serveEcho, {}, this).value();
    });
    ChannelOptions options;
    options.connectTimeout = timeout;
    QElapsedTimer timer;
    timer.start();
    Result<std::unique_ptr<Channel>> client = await(openConnection(Address::tcp(QStringLiteral("127.0.0.1"), port), options));
    QVERIFY2(client, qPrintable(client.error().toString()));
    QVERIFY(timer.elapsed() >= 700);
    QCOMPARE(await((*client)->send("ohai")).value(), Value("cya"));
    delete server;
}

void tst_Channel::connectGivesUpAfterTimeout()
{
    ChannelOptions options;
    options.connectTimeout = 600ms;
    ConnectLog log;
    QElapsedTimer timer;
    timer.start();
    Result<std::unique_ptr<Channel>> r = await(openConnection(Address::ipc(m_dir.filePath(QStringLiteral("late.sock"))), options));
    QCOMPARE(r.error().code(), ErrorCode::ConnectionRefused);
    // Attempts at 0, 0.5 and 1.25 s: it gives up after the first attempt past the timeout
    // (the second, when that one came more than 0.6 s after the start).
    const QList<int> delays = log.retryDelays();
    QVERIFY2((delays == QList<int>{500} || delays == QList<int>{500, 750}) && log.failures() == 1,
             qPrintable(log.lines().join(u'\n')));
    // The pause runs on a coarse timer, which may fire up to 5 % early.
    QVERIFY(timer.elapsed() >= 500 - 25);
}

void tst_Channel::malformedInputClosesOnlyThatChannel_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("expected");
    const auto frame = [](const QByteArray &payload) { return encodeFrame(payload).value(); };
    QTest::newRow("invalid json") << frame("[0, 0, nope]") << ErrorCode::InvalidJson;
    QTest::newRow("two elements") << frame("[0, 0]") << ErrorCode::InvalidMessage;
    QTest::newRow("unknown message type") << frame("[7, 0, null]") << ErrorCode::InvalidMessage;
    QTest::newRow("reply to unknown id") << frame("[1, 42, null]") << ErrorCode::InvalidMessage;
    QTest::newRow("unknown type id") << frame("[0, 0, {\"__type__\": [9, 1]}]") << ErrorCode::UnknownTypeId;
    QTest::newRow("oversized frame header") << QByteArray("\x7f\xff\xff\xff", 4) << ErrorCode::FrameTooLarge;
}

void tst_Channel::malformedInputClosesOnlyThatChannel()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, expected);
    ChannelOptions options;
    options.maxFrameSize = 1024 * 1024;
    ChannelServer *server = startEchoServer(Transport::Tcp, options);
    QVERIFY(server);
    auto good = connectTo(server, Transport::Tcp);
    QVERIFY(good);
    QTRY_COMPARE(server->channels().size(), 1);
    QSignalSpy errors(server, &ChannelServer::newChannel);

    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, server->address().port());
    QVERIFY(raw.waitForConnected(5000));
    QTRY_COMPARE(server->channels().size(), 2);
    Channel *victim = server->channels().last();
    QSignalSpy closed(victim, &Channel::closed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("closing the connection to .*")));
    raw.write(bytes);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 5000);
    QCOMPARE(closed.at(0).at(0).value<Error>().code(), expected);
    // The raw peer sees its connection closed; the well-behaved client keeps working.
    QTRY_COMPARE(raw.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(await(good->send("ohai")).value(), Value("cya"));
    delete server;
}

void tst_Channel::truncatedFrameAtEndOfStream()
{
    ChannelServer *server = startEchoServer(Transport::Tcp);
    QVERIFY(server);
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, server->address().port());
    QVERIFY(raw.waitForConnected(5000));
    QTRY_COMPARE(server->channels().size(), 1);
    Channel *channel = server->channels().first();
    QSignalSpy closed(channel, &Channel::closed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(".*ended inside a frame.*")));
    // A complete request, then half of a second frame, then the peer hangs up.
    const QByteArray frame = encodeFrame("[0, 0, \"ohai\"]").value();
    raw.write(frame + frame.first(7));
    QVERIFY(raw.waitForBytesWritten(5000));
    const QByteArray answer = encodeFrame("[1, 0, \"cya\"]").value();
    QTRY_COMPARE(raw.bytesAvailable(), answer.size()); // the complete request was answered
    QCOMPARE(raw.readAll(), answer);
    raw.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 5000);
    QCOMPARE(closed.at(0).at(0).value<Error>().code(), ErrorCode::ConnectionReset);
    delete server;
}

void tst_Channel::tlsWrongCaRejected()
{
    ChannelServer *server = startEchoServer(Transport::Tls);
    QVERIFY(server);
    QSignalSpy acceptErrors(server, &ChannelServer::acceptError);
    // The client trusts another CA: it must not accept the server's certificate.
    ChannelOptions options;
    options.tls = TlsOptions{m_dir.filePath(QStringLiteral("otherca.pem")), m_otherCaCert + QStringLiteral(".pem"),
                             m_otherCaCert + QStringLiteral(".key"), {}, {}, 5s};
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(".*TLS.*")));
    Result<std::unique_ptr<Channel>> r = await(openConnection(server->address(), options));
    QCOMPARE(r.error().code(), ErrorCode::TlsError);
    QVERIFY2(r.error().message().contains(u"TLS"), qPrintable(r.error().message()));
    QCOMPARE(server->channels().size(), 0);
    delete server;
}

void tst_Channel::tlsNoClientCertificateRejected()
{
    ChannelServer *server = startEchoServer(Transport::Tls);
    QVERIFY(server);
    QSignalSpy acceptErrors(server, &ChannelServer::acceptError);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(".*TLS.*")));
    // A client that verifies the server but presents no certificate of its own.
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setCaCertificates(QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("ca.pem"))));
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    ChannelOptions options;
    options.tls = TlsOptions{};
    options.tls->configuration = config;
    Result<std::unique_ptr<Channel>> r = await(openConnection(server->address(), options));
    if (r) {
        // TLS 1.3 finishes the client's side of the handshake before the server checks the
        // client certificate; then the server closes at once and the first call fails.
        QCOMPARE(await((*r)->send("ohai", 5s)).error().code(), ErrorCode::ConnectionReset);
    } else {
        QVERIFY(r.error().code() == ErrorCode::TlsError || r.error().code() == ErrorCode::ConnectionReset);
    }
    QTRY_VERIFY(acceptErrors.size() >= 1);
    QCOMPARE(acceptErrors.at(0).at(0).value<Error>().code(), ErrorCode::TlsError);
    QCOMPARE(server->channels().size(), 0);
    delete server;
}

void tst_Channel::tlsWrongHostNameRejected()
{
    // The server presents a valid certificate for another host name.
    ChannelOptions serverOptions;
    serverOptions.tls = TlsOptions{m_dir.filePath(QStringLiteral("ca.pem")), m_wrongHostCert + QStringLiteral(".pem"),
                                   m_wrongHostCert + QStringLiteral(".key"), {}, {}, 5s};
    ChannelServer *server = startEchoServer(Transport::Tls, serverOptions);
    QVERIFY(server);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(".*TLS.*")));
    ChannelOptions options;
    options.tls = TlsOptions{m_dir.filePath(QStringLiteral("ca.pem")), m_clientCert + QStringLiteral(".pem"),
                             m_clientCert + QStringLiteral(".key"), {}, {}, 5s};
    Result<std::unique_ptr<Channel>> r = await(openConnection(server->address(), options));
    QCOMPARE(r.error().code(), ErrorCode::TlsError);
    QVERIFY2(r.error().message().contains(u"host", Qt::CaseInsensitive), qPrintable(r.error().message()));
    delete server;
}

void tst_Channel::plaintextClientAgainstTlsServer()
{
    ChannelServer *server = startEchoServer(Transport::Tls);
    QVERIFY(server);
    QSignalSpy acceptErrors(server, &ChannelServer::acceptError);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("A TLS connection from 127.0.0.1 failed.*")));
    auto client = connectTo(server, Transport::Tcp); // no TLS options
    QVERIFY(client);                                 // TCP connects...
    Result<Value> r = await(client->send("ohai", 5s)); // ...but the server drops it
    QCOMPARE(r.error().code(), ErrorCode::ConnectionReset);
    QTRY_COMPARE(acceptErrors.size(), 1);
    QCOMPARE(server->channels().size(), 0);
    delete server;
}

void tst_Channel::observerSeesFrames()
{
    struct Recorder : ChannelObserver
    {
        std::vector<FrameEvent> events;
        int closes = 0;
        void frameEvent(const Channel &, const FrameEvent &e) override { events.push_back(e); }
        void channelClosed(const Channel &, const Error &) override { ++closes; }
    } recorder;
    ChannelServer *server = startEchoServer(Transport::Tcp);
    QVERIFY(server);
    auto client = connectTo(server, Transport::Tcp);
    QVERIFY(client);
    client->addObserver(&recorder);
    QCOMPARE(await(client->send("ohai")).value(), Value("cya"));
    QCOMPARE(recorder.events.size(), size_t(2));
    const FrameEvent &sent = recorder.events[0];
    const FrameEvent &received = recorder.events[1];
    QCOMPARE(sent.direction, FrameEvent::Direction::Sent);
    QCOMPARE(sent.type, MessageType::Request);
    QCOMPARE(sent.id, quint64(0));
    QCOMPARE(sent.size, qsizetype(QByteArray("[0, 0, \"ohai\"]").size()));
    QCOMPARE(sent.decodeContent().value(), Value("ohai"));
    QCOMPARE(received.direction, FrameEvent::Direction::Received);
    QCOMPARE(received.type, MessageType::Result);
    QCOMPARE(received.decodeContent().value(), Value("cya"));
    QVERIFY(received.monotonicNs >= sent.monotonicNs);
    client->removeObserver(&recorder);
    QCOMPARE(await(client->send("ohai")).value(), Value("cya"));
    QCOMPARE(recorder.events.size(), size_t(2));
    delete server;
}

QTEST_GUILESS_MAIN(tst_Channel)
#include "tst_channel.moc"
