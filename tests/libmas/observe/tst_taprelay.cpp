// SPDX-License-Identifier: MIT
// End-to-end tests of the tap relay over real sockets: 127.0.0.1 and Unix sockets in a temporary
// directory, with libmas RPC peers and with raw sockets for byte-exactness.

#include <mas/agent/agenturl.h>
#include <mas/codec/codec.h>
#include <mas/observe/taprelay.h>
#include <mas/rpc/rpcclient.h>
#include <mas/transport/framing.h>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <QCoro/QCoroTask>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>

using namespace mas;
using namespace std::chrono_literals;

using Kind = TrafficEvent::Kind;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

QByteArray frame(QByteArrayView payload)
{
    return encodeFrame(payload).value();
}

/// The service behind the relay.
struct Service
{
    rpc::Router root;
    Service()
    {
        root.expose(QStringLiteral("add"), [](int a, int b) { return a + b; }, {QStringLiteral("a"), QStringLiteral("b")});
        root.expose(QStringLiteral("fail"), [](const QString &what) -> int { throw std::runtime_error(what.toStdString()); });
    }
};

QString clientName(const QIODevice *device)
{
    auto *socket = qobject_cast<const QAbstractSocket *>(device);
    return socket ? Address::tcp(QStringLiteral("127.0.0.1"), socket->localPort()).toString() : QString();
}

/// A raw server on tcp:// or ipc:// that keeps what it accepts.
class RawServer : public QObject
{
public:
    RawServer(const Address &where, QObject *parent)
        : QObject(parent)
    {
        if (where.scheme() == Address::Scheme::Ipc) {
            auto *server = new QLocalServer(this);
            QVERIFY(server->listen(where.path()));
            address = Address::ipc(server->fullServerName());
            connect(server, &QLocalServer::newConnection, this, [this, server] {
                while (QLocalSocket *s = server->nextPendingConnection())
                    accepted.append(s);
            });
        } else {
            auto *server = new QTcpServer(this);
            QVERIFY(server->listen(QHostAddress::LocalHost, 0));
            address = Address::tcp(QStringLiteral("127.0.0.1"), server->serverPort());
            connect(server, &QTcpServer::newConnection, this, [this, server] {
                while (QTcpSocket *s = server->nextPendingConnection())
                    accepted.append(s);
            });
        }
    }
    Address address;
    QList<QIODevice *> accepted;
};

/// A connected raw client socket (tests may block).
QIODevice *connectRaw(const Address &to, QObject *parent)
{
    if (to.scheme() == Address::Scheme::Ipc) {
        auto *s = new QLocalSocket(parent);
        s->connectToServer(to.path());
        return s->waitForConnected(5000) ? s : nullptr;
    }
    auto *s = new QTcpSocket(parent);
    s->connectToHost(to.host(), to.port());
    return s->waitForConnected(5000) ? s : nullptr;
}

bool isClosed(const QIODevice *d)
{
    if (auto *s = qobject_cast<const QAbstractSocket *>(d))
        return s->state() == QAbstractSocket::UnconnectedState;
    return qobject_cast<const QLocalSocket *>(d)->state() == QLocalSocket::UnconnectedState;
}

void closeRaw(QIODevice *d)
{
    if (auto *s = qobject_cast<QAbstractSocket *>(d))
        s->disconnectFromHost();
    else
        qobject_cast<QLocalSocket *>(d)->disconnectFromServer();
}

void setReadBuffer(QIODevice *d, qint64 size)
{
    if (auto *s = qobject_cast<QAbstractSocket *>(d))
        s->setReadBufferSize(size);
    else
        qobject_cast<QLocalSocket *>(d)->setReadBufferSize(size);
}

/// Deterministic filler for large transfers, checkable without keeping a copy: a block of prime
/// length repeated, so its seams fall anywhere in the socket reads.
QByteArray pattern(quint64 offset, qsizetype size)
{
    static const QByteArray block = [] {
        QByteArray b(65521, Qt::Uninitialized);
        for (qsizetype i = 0; i < b.size(); ++i)
            b[i] = char((i * 131 + (i >> 7)) & 0xff);
        return b;
    }();
    QByteArray out;
    out.reserve(size);
    while (out.size() < size) {
        const qsizetype at = qsizetype((offset + quint64(out.size())) % quint64(block.size()));
        out.append(block.constData() + at, std::min(block.size() - at, size - out.size()));
    }
    return out;
}

/// While it lives, records what the relay logs at debug level ("connection 1 pausing ...");
/// everything else goes on to QtTest (and its ignoreMessage()).
class TapLog
{
public:
    TapLog()
    {
        s_self = this;
        QLoggingCategory::setFilterRules(QStringLiteral("mas.tap.debug=true"));
        m_previous = qInstallMessageHandler(&TapLog::handler);
    }
    ~TapLog()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        s_self = nullptr;
    }
    TapLog(const TapLog &) = delete;
    TapLog &operator=(const TapLog &) = delete;

    bool contains(QStringView text) const
    {
        return std::any_of(m_lines.begin(), m_lines.end(), [text](const QString &l) { return l.contains(text); });
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (s_self && type == QtDebugMsg && context.category && QByteArrayView(context.category) == "mas.tap") {
            s_self->m_lines << message;
            return;
        }
        if (s_self && s_self->m_previous)
            s_self->m_previous(type, context, message);
    }

    static inline TapLog *s_self = nullptr;
    QtMessageHandler m_previous = nullptr;
    QStringList m_lines;
};

/// Waits until progress() stays the same for 300 ms (at most 20 s in all); returns whether it
/// did. A stall is the absence of progress, so this is the stillness exception to waiting on
/// conditions; call it once the event that starts the stall (the relay pausing) was seen.
bool comesToAStop(const std::function<quint64()> &progress)
{
    QDeadlineTimer deadline(20'000);
    quint64 last = progress();
    while (!deadline.hasExpired()) {
        QTest::qWait(300);
        const quint64 now = progress();
        if (now == last)
            return true;
        last = now;
    }
    return false;
}

} // namespace

class tst_TapRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rpcThroughRelay_data();
    void rpcThroughRelay();
    void wrongCodecGuessStillRelays();
    void byteExact();
    void upstreamNotListening_data();
    void upstreamNotListening();
    void upstreamConnectTimesOut();
    void concurrentClients();
    void closePropagates_data();
    void closePropagates();
    void clientSendsAndLeavesAtOnce();
    void backPressure_data();
    void backPressure();
    void closeTimeoutAbortsAStuckSide();
    void invalidArguments();

private:
    Address addressFor(const QString &transport, const QString &name) const;
    TapRelay *startRelay(const Address &target, const QString &transport, const TapOptions &options = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<TrafficEvent> m_events;
};

void tst_TapRelay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_events.clear();
}

void tst_TapRelay::cleanup()
{
    m_events.clear();
    m_dir.reset();
}

Address tst_TapRelay::addressFor(const QString &transport, const QString &name) const
{
    if (transport == u"ipc")
        return Address::ipc(m_dir->filePath(name + QStringLiteral(".sock")));
    return Address::tcp(QStringLiteral("127.0.0.1"), 0);
}

TapRelay *tst_TapRelay::startRelay(const Address &target, const QString &transport, const TapOptions &options)
{
    Result<TapRelay *> relay = TapRelay::listen(addressFor(transport, QStringLiteral("relay")), target, options, this);
    if (!relay) {
        qWarning() << relay.error();
        return nullptr;
    }
    connect(*relay, &TapRelay::eventRecorded, this, [this](const TrafficEvent &e) { m_events.push_back(e); });
    return *relay;
}

void tst_TapRelay::rpcThroughRelay_data()
{
    QTest::addColumn<QString>("relayTransport");
    QTest::addColumn<QString>("serverTransport");
    QTest::addColumn<QString>("codec");
    QTest::newRow("tcp to tcp, json") << "tcp" << "tcp" << "json";
    QTest::newRow("tcp to tcp, msgpack") << "tcp" << "tcp" << "msgpack";
    QTest::newRow("ipc to ipc, json") << "ipc" << "ipc" << "json";
    QTest::newRow("ipc to tcp, msgpack") << "ipc" << "tcp" << "msgpack";
    QTest::newRow("tcp to ipc, msgpackblosc") << "tcp" << "ipc" << "msgpackblosc";
}

void tst_TapRelay::rpcThroughRelay()
{
    QFETCH(QString, relayTransport);
    QFETCH(QString, serverTransport);
    QFETCH(QString, codec);
    Service service;
    ChannelOptions channelOptions;
    channelOptions.codec = codec;
    Result<ChannelServer *> server = rpc::startServer(addressFor(serverTransport, QStringLiteral("server")), &service.root,
                                                      {}, channelOptions, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    TapOptions tapOptions;
    tapOptions.codec = codec;
    TapRelay *relay = startRelay((*server)->address(), relayTransport, tapOptions);
    QVERIFY(relay);
    QCOMPARE(relay->target(), (*server)->address());
    if (relayTransport == u"tcp")
        QVERIFY(relay->address().port() != 0);

    Result<std::unique_ptr<rpc::RpcClient>> client = await(rpc::openConnection(relay->address(), nullptr, channelOptions));
    QVERIFY2(client, qPrintable(client.error().toString()));
    Result<int> sum = await((*client)->call<int>(QStringLiteral("add"), 3, 4));
    QVERIFY2(sum, qPrintable(sum.error().toString()));
    QCOMPARE(*sum, 7);
    Result<Value> failed = await((*client)->call(QStringLiteral("fail"), {Value("boom")}));
    QCOMPARE(failed.error().code(), ErrorCode::RemoteException);
    QVERIFY(failed.error().remoteTraceback().endsWith(u"RuntimeError: boom\n"));
    QCOMPARE(relay->connectionCount(), 1);
    const QString client1 = relayTransport == u"tcp" ? clientName((*client)->channel()->device())
                                                     : relay->address().toString() + QStringLiteral("#client-1");
    // Events name the server by its base address (`tcp://host:port/`), as containers do.
    const QString target = AgentUrl::baseAddress((*server)->address());
    await((*client)->close());
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), size_t(10), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(relay->connectionCount(), 0, 5000);

    struct Expected
    {
        Kind kind;
        quint64 messageId;
        MessageType type;
        qint64 requestId;
        const char *path;
        bool fromClient;
    };
    const Expected expected[] = {
        {Kind::Connected, 0, MessageType::Request, -1, "", true},
        {Kind::Sent, 1, MessageType::Request, 0, "add", true},
        {Kind::Delivered, 1, MessageType::Request, 0, "add", true},
        {Kind::Sent, 2, MessageType::Result, 0, "add", false},
        {Kind::Delivered, 2, MessageType::Result, 0, "add", false},
        {Kind::Sent, 3, MessageType::Request, 1, "fail", true},
        {Kind::Delivered, 3, MessageType::Request, 1, "fail", true},
        {Kind::Sent, 4, MessageType::Failure, 1, "fail", false},
        {Kind::Delivered, 4, MessageType::Failure, 1, "fail", false},
        {Kind::Closed, 0, MessageType::Request, -1, "", true},
    };
    std::unique_ptr<Codec> reencoder = Codec::create(codec).value();
    for (size_t i = 0; i < m_events.size(); ++i) {
        const TrafficEvent &e = m_events[i];
        const Expected &x = expected[i];
        const QByteArray where = QByteArray::number(qulonglong(i)) + ": " + e.toDisplayString().toUtf8();
        QVERIFY2(e.kind == x.kind, where.constData());
        QCOMPARE(e.sequence, quint64(i));
        QCOMPARE(e.connection, quint64(1));
        QCOMPARE(e.messageId, x.messageId);
        QCOMPARE(e.type, x.type);
        QCOMPARE(e.requestId, x.requestId);
        QCOMPARE(e.path, QString::fromLatin1(x.path));
        QCOMPARE(e.from, x.fromClient ? client1 : target);
        QCOMPARE(e.to, x.fromClient ? target : client1);
        QCOMPARE(e.simTime, 0.0);
        QVERIFY(e.wallTimeMs > 0);
        if (e.kind == Kind::Sent || e.kind == Kind::Delivered) {
            // The size is the frame's, header included: re-encoding the content gives it back.
            const QByteArray payload = reencoder->encode(Message{e.type, quint64(e.requestId), m_events[i - (e.kind == Kind::Delivered)].content}).value();
            QCOMPARE(e.size, payload.size() + kFrameHeaderSize);
        }
    }
    QCOMPARE(m_events[1].content, Value::list({"add", Value::list({3, 4}), Value::map()}));
    QVERIFY(m_events[2].content.isNull()); // content travels with Sent, as in the LocalQueue
    QCOMPARE(m_events[3].content, Value(7));
    QVERIFY(m_events[7].content.toString().endsWith(u"RuntimeError: boom\n"));
    delete relay;
    delete *server;
}

void tst_TapRelay::wrongCodecGuessStillRelays()
{
    Service service;
    ChannelOptions channelOptions;
    channelOptions.codec = QStringLiteral("msgpack");
    Result<ChannelServer *> server = rpc::startServer(addressFor(QStringLiteral("tcp"), {}), &service.root, {}, channelOptions, this);
    QVERIFY(server);
    TapRelay *relay = startRelay((*server)->address(), QStringLiteral("tcp")); // guesses json
    QVERIFY(relay);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^connection 1: frame 1 from tcp://127\\.0\\.0\\.1:\\d+ \\(\\d+ bytes\\) does not decode as json, relayed undecoded: ")));
    Result<std::unique_ptr<rpc::RpcClient>> client = await(rpc::openConnection(relay->address(), nullptr, channelOptions));
    QVERIFY(client);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(await((*client)->call<int>(QStringLiteral("add"), i, 10)).value(), i + 10);
    QCOMPARE(await((*client)->call(QStringLiteral("fail"), {Value("x")})).error().code(), ErrorCode::RemoteException);
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), size_t(1 + 4 * 4), 5000);
    int sent = 0;
    for (const TrafficEvent &e : m_events) {
        if (e.kind != Kind::Sent && e.kind != Kind::Delivered)
            continue;
        sent += e.kind == Kind::Sent;
        QVERIFY(e.content.isNull());
        QVERIFY(e.path.isEmpty());
        QCOMPARE(e.requestId, qint64(-1));
        QVERIFY(e.size > kFrameHeaderSize);
    }
    QCOMPARE(sent, 8);
    client->reset();
    QTRY_COMPARE_WITH_TIMEOUT(relay->connectionCount(), 0, 5000);
    QCOMPARE(m_events.back().kind, Kind::Closed);
    delete relay;
    delete *server;
}

void tst_TapRelay::byteExact()
{
    RawServer upstream(addressFor(QStringLiteral("tcp"), {}), this);
    TapOptions options;
    options.maxFrameSize = 256; // frames above are relayed undecoded
    TapRelay *relay = startRelay(upstream.address, QStringLiteral("tcp"), options);
    QVERIFY(relay);
    QIODevice *client = connectRaw(relay->address(), this);
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(upstream.accepted.size(), 1, 5000);
    QIODevice *server = upstream.accepted.first();
    QByteArray atServer;
    QByteArray atClient;
    connect(server, &QIODevice::readyRead, this, [&] { atServer += server->readAll(); });
    connect(client, &QIODevice::readyRead, this, [&] { atClient += client->readAll(); });

    const QByteArray big = R"([0,2,["echo",[")" + QByteArray(1000, 'z') + R"("],{}]])";
    const QByteArray toServer = frame(R"([0,0,["add",[1,2],{}]])") // decodes
                                + frame("garbage\xff{[")            // does not decode
                                + frame("")                         // empty payload
                                + frame(big)                        // over the decode limit
                                + frame(R"([0,1,["x",[],{}]])")      // decodes
                                + QByteArray("\x00\x00\x01", 3);    // an incomplete header
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^connection 1: frame 2 .* does not decode as json")));
    // In odd pieces, so frames and headers are split across reads: now and then the relay
    // forwards what it has before the next piece is written.
    for (qsizetype at = 0; at < toServer.size();) {
        const qsizetype n = std::min<qsizetype>(7 + at % 13, toServer.size() - at);
        client->write(toServer.mid(at, n));
        QVERIFY(qobject_cast<QTcpSocket *>(client)->waitForBytesWritten(1000));
        at += n;
        if (at % 3 == 0)
            QTRY_COMPARE_WITH_TIMEOUT(atServer.size(), at, 5000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(atServer.size(), toServer.size(), 5000);
    QCOMPARE(atServer, toServer);

    const QByteArray toClient = frame(R"([1,0,3])") + QByteArray("\x01\x02\x03") + " not a frame at all";
    server->write(toClient);
    QTRY_COMPARE_WITH_TIMEOUT(atClient.size(), toClient.size(), 5000);
    QCOMPARE(atClient, toClient);

    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), size_t(1 + 2 * 6), 5000);
    std::vector<TrafficEvent> sent;
    std::vector<TrafficEvent> delivered;
    for (const TrafficEvent &e : m_events) {
        if (e.kind == Kind::Sent)
            sent.push_back(e);
        else if (e.kind == Kind::Delivered)
            delivered.push_back(e);
    }
    QCOMPARE(m_events.front().kind, Kind::Connected);
    QCOMPARE(sent.size(), size_t(6));
    QCOMPARE(delivered.size(), size_t(6));
    for (size_t i = 0; i < sent.size(); ++i) {
        QCOMPARE(sent[i].messageId, quint64(i + 1));
        QCOMPARE(delivered[i].messageId, quint64(i + 1));
        QVERIFY(delivered[i].sequence > sent[i].sequence);
    }
    QCOMPARE(sent[0].path, QStringLiteral("add"));
    QCOMPARE(sent[0].content, Value::list({"add", Value::list({1, 2}), Value::map()}));
    QCOMPARE(sent[0].size, qsizetype(4 + 22));
    for (int i : {1, 2, 3}) {
        QVERIFY(sent[i].content.isNull());
        QVERIFY(sent[i].path.isEmpty());
        QCOMPARE(sent[i].requestId, qint64(-1));
    }
    QCOMPARE(sent[1].size, qsizetype(4 + 10));
    QCOMPARE(sent[2].size, qsizetype(4));
    QCOMPARE(sent[3].size, qsizetype(4) + big.size());
    QCOMPARE(sent[4].path, QStringLiteral("x"));
    QCOMPARE(sent[4].requestId, qint64(1));
    QCOMPARE(sent[5].type, MessageType::Result);
    QCOMPARE(sent[5].path, QStringLiteral("add"));
    QCOMPARE(sent[5].content, Value(3));
    QCOMPARE(sent[5].from, AgentUrl::baseAddress(upstream.address));
    delete relay;
}

void tst_TapRelay::upstreamNotListening_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("tcp refused") << "tcp";
    QTest::newRow("ipc no socket") << "ipc";
}

void tst_TapRelay::upstreamNotListening()
{
    QFETCH(QString, transport);
    Address target = Address::ipc(m_dir->filePath(QStringLiteral("nobody.sock")));
    // Port 1 (tcpmux) is never served here; a port freed by a probe could be taken again by a
    // test running in parallel.
    if (transport == u"tcp")
        target = Address::tcp(QStringLiteral("127.0.0.1"), 1);
    TapRelay *relay = startRelay(target, transport);
    QVERIFY(relay);
    QSignalSpy errors(relay, &TapRelay::errorOccurred);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Cannot connect to %1 for ").arg(QRegularExpression::escape(target.toString()))));
    QIODevice *client = connectRaw(relay->address(), this);
    QVERIFY(client);
    QTRY_VERIFY_WITH_TIMEOUT(isClosed(client), 3000);
    QCOMPARE(errors.size(), 1);
    const Error error = errors.first().first().value<Error>();
    QCOMPARE(error.code(), ErrorCode::ConnectionRefused);
    QVERIFY2(error.message().startsWith(QStringLiteral("Cannot connect to %1 for ").arg(target.toString())), qPrintable(error.message()));
    QTRY_COMPARE_WITH_TIMEOUT(relay->connectionCount(), 0, 3000);
    QCOMPARE(m_events.size(), size_t(1));
    QCOMPARE(m_events[0].kind, Kind::Closed);
    QCOMPARE(m_events[0].connection, quint64(1));
    QCOMPARE(m_events[0].from, AgentUrl::baseAddress(target));
    QVERIFY(relay->isListening());
    delete relay;
}

void tst_TapRelay::upstreamConnectTimesOut()
{
    // A listener that never accepts, with a full backlog: the kernel drops further SYNs, so a
    // connection attempt hangs.
    QTcpServer blackhole;
    blackhole.setListenBacklogSize(0);
    blackhole.setMaxPendingConnections(0);
    QVERIFY(blackhole.listen(QHostAddress::LocalHost, 0));
    const Address target = Address::tcp(QStringLiteral("127.0.0.1"), blackhole.serverPort());
    QObject fillers;
    for (int i = 0; i < 4; ++i)
        (new QTcpSocket(&fillers))->connectToHost(QHostAddress::LocalHost, blackhole.serverPort());
    // The backlog is full once the kernel completed the first filler (it queues one for accept).
    const auto fillerConnected = [&fillers] {
        const QList<QTcpSocket *> sockets = fillers.findChildren<QTcpSocket *>();
        return std::any_of(sockets.begin(), sockets.end(), [](const QTcpSocket *s) {
            return s->state() == QAbstractSocket::ConnectedState;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(fillerConnected(), 5000);
    TapOptions options;
    options.connectTimeout = 300ms;
    TapRelay *relay = startRelay(target, QStringLiteral("tcp"), options);
    QVERIFY(relay);
    QSignalSpy errors(relay, &TapRelay::errorOccurred);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Connecting to %1 for .* timed out after 300 ms$").arg(QRegularExpression::escape(target.toString()))));
    QIODevice *client = connectRaw(relay->address(), this);
    QVERIFY(client);
    QTRY_VERIFY_WITH_TIMEOUT(isClosed(client) || !m_events.empty(), 5000);
    if (!m_events.empty() && m_events[0].kind == Kind::Connected)
        QSKIP("this kernel completed a connection to a full backlog");
    QTRY_VERIFY_WITH_TIMEOUT(isClosed(client), 5000);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().first().value<Error>().code(), ErrorCode::Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(relay->connectionCount(), 0, 3000);
    QCOMPARE(m_events.size(), size_t(1));
    QCOMPARE(m_events[0].kind, Kind::Closed);
    delete relay;
}

void tst_TapRelay::concurrentClients()
{
    constexpr int kClients = 20;
    Service service;
    Result<ChannelServer *> server = rpc::startServer(addressFor(QStringLiteral("tcp"), {}), &service.root, {}, {}, this);
    QVERIFY(server);
    TapRelay *relay = startRelay((*server)->address(), QStringLiteral("tcp"));
    QVERIFY(relay);

    QObject context;
    std::vector<std::unique_ptr<rpc::RpcClient>> clients;
    for (int i = 0; i < kClients; ++i) {
        QCoro::connect(rpc::openConnection(relay->address()), &context, [&](Result<std::unique_ptr<rpc::RpcClient>> c) {
            QVERIFY(c);
            clients.push_back(std::move(*c));
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(clients.size(), size_t(kClients), 10000);
    QCOMPARE(relay->connectionCount(), kClients);
    std::map<int, int> results;
    for (int i = 0; i < kClients; ++i) {
        QCoro::connect(clients[size_t(i)]->call<int>(QStringLiteral("add"), i, 100), &context,
                       [&results, i](Result<int> r) { results[i] = r.valueOr(-1); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), size_t(kClients), 10000);
    for (const auto &[i, r] : results)
        QCOMPARE(r, i + 100);
    clients.clear();
    QTRY_COMPARE_WITH_TIMEOUT(relay->connectionCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), size_t(kClients * 6), 5000);

    std::set<quint64> connections;
    std::set<QString> names;
    std::set<quint64> messageIds;
    std::map<quint64, Value> requestByConnection;
    int closed = 0;
    for (size_t s = 0; s < m_events.size(); ++s) {
        const TrafficEvent &e = m_events[s];
        QCOMPARE(e.sequence, quint64(s));
        switch (e.kind) {
        case Kind::Connected:
            connections.insert(e.connection);
            names.insert(e.from);
            break;
        case Kind::Sent:
            QVERIFY(messageIds.insert(e.messageId).second);
            QCOMPARE(e.path, QStringLiteral("add"));
            QCOMPARE(e.requestId, qint64(0));
            if (e.type == MessageType::Request) {
                requestByConnection[e.connection] = e.content;
            } else {
                // The reply matches the request of its own connection.
                const Value args = requestByConnection.at(e.connection).at(1);
                QCOMPARE(e.content, Value(args.at(0).toInt() + args.at(1).toInt()));
            }
            break;
        case Kind::Closed:
            ++closed;
            break;
        default:
            break;
        }
    }
    QCOMPARE(connections.size(), size_t(kClients));
    QCOMPARE(*connections.begin(), quint64(1));
    QCOMPARE(*connections.rbegin(), quint64(kClients));
    QCOMPARE(names.size(), size_t(kClients));
    QCOMPARE(messageIds.size(), size_t(2 * kClients));
    QCOMPARE(*messageIds.rbegin(), quint64(2 * kClients));
    QCOMPARE(closed, kClients);
    delete relay;
    delete *server;
}

void tst_TapRelay::closePropagates_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QString>("closer");
    for (const char *transport : {"tcp", "ipc"}) {
        for (const char *closer : {"client", "target", "relay"})
            QTest::addRow("%s, %s closes", transport, closer) << transport << closer;
    }
}

void tst_TapRelay::closePropagates()
{
    QFETCH(QString, transport);
    QFETCH(QString, closer);
    RawServer upstream(addressFor(transport, QStringLiteral("server")), this);
    TapRelay *relay = startRelay(upstream.address, transport);
    QVERIFY(relay);
    QIODevice *client = connectRaw(relay->address(), this);
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(upstream.accepted.size(), 1, 5000);
    QIODevice *server = upstream.accepted.first();
    QByteArray atServer;
    QByteArray atClient;
    connect(server, &QIODevice::readyRead, this, [&] { atServer += server->readAll(); });
    connect(client, &QIODevice::readyRead, this, [&] { atClient += client->readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), size_t(1), 5000);

    // The closing side sends a large last frame: the other side gets all of it before the close.
    const QByteArray last = frame(QByteArray(R"([0,0,["bye",[")") + QByteArray(1 << 20, 'b') + R"("],{}]])");
    if (closer == u"client") {
        client->write(last);
        closeRaw(client);
        QTRY_VERIFY_WITH_TIMEOUT(isClosed(server), 5000);
        QCOMPARE(atServer, last);
    } else if (closer == u"target") {
        server->write(last);
        closeRaw(server);
        QTRY_VERIFY_WITH_TIMEOUT(isClosed(client), 5000);
        QCOMPARE(atClient, last);
    } else {
        relay->close();
        QVERIFY(!relay->isListening());
        QTRY_VERIFY_WITH_TIMEOUT(isClosed(client) && isClosed(server), 5000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(relay->connectionCount(), 0, 5000);
    const QString closedBy = closer == u"target" ? AgentUrl::baseAddress(upstream.address) : m_events[0].from;
    std::vector<TrafficEvent> closes;
    for (const TrafficEvent &e : m_events) {
        if (e.kind == Kind::Closed)
            closes.push_back(e);
    }
    QCOMPARE(closes.size(), size_t(1));
    QCOMPARE(closes[0].from, closedBy);
    if (closer != u"relay") {
        QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), size_t(4), 5000); // Connected, Sent, Delivered, Closed
        QCOMPARE(m_events[1].kind, Kind::Sent);
        QCOMPARE(m_events[1].path, QStringLiteral("bye"));
        QCOMPARE(m_events[1].size, last.size());
    }
    delete relay;
}

void tst_TapRelay::clientSendsAndLeavesAtOnce()
{
    // The client's last words arrive while the relay is still connecting to the target: a
    // target with a full backlog drops the relay's SYN, and accepts the retry a second later.
    QTcpServer slow;
    slow.setListenBacklogSize(0);
    slow.setMaxPendingConnections(0);
    QVERIFY(slow.listen(QHostAddress::LocalHost, 0));
    QTcpSocket filler;
    filler.connectToHost(QHostAddress::LocalHost, slow.serverPort());
    QVERIFY(filler.waitForConnected(1000));
    TapLog log;
    TapRelay *relay = startRelay(Address::tcp(QStringLiteral("127.0.0.1"), slow.serverPort()), QStringLiteral("tcp"));
    QVERIFY(relay);
    auto *client = qobject_cast<QTcpSocket *>(connectRaw(relay->address(), this));
    QVERIFY(client);
    const QByteArray words = frame(R"([0,0,["fire_and_forget",[],{}]])");
    client->write(words);
    client->disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(isClosed(client), 5000);
    // The relay sees the client leave while it is still connecting, and keeps the connection
    // to deliver the words.
    QTRY_VERIFY_WITH_TIMEOUT(log.contains(u"client left while connecting") || !m_events.empty(), 5000);
    if (!m_events.empty())
        QSKIP("this kernel completed a connection to a full backlog");
    QCOMPARE(relay->connectionCount(), 1);

    QIODevice *server = nullptr;
    QByteArray atServer;
    connect(&slow, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = slow.nextPendingConnection()) {
            if (s->peerPort() == filler.localPort())
                continue;
            server = s;
            connect(s, &QIODevice::readyRead, this, [&] { atServer += server->readAll(); });
            atServer += s->readAll();
        }
    });
    slow.setMaxPendingConnections(10);
    slow.resumeAccepting();
    QTRY_VERIFY_WITH_TIMEOUT(server && isClosed(server), 10000);
    QCOMPARE(atServer, words);
    QTRY_COMPARE_WITH_TIMEOUT(relay->connectionCount(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), size_t(4), 5000);
    QCOMPARE(m_events[0].kind, Kind::Connected);
    QCOMPARE(m_events[1].kind, Kind::Sent);
    QCOMPARE(m_events[1].path, QStringLiteral("fire_and_forget"));
    QCOMPARE(m_events[2].kind, Kind::Closed); // the client had left before the frame was written
    QCOMPARE(m_events[3].kind, Kind::Delivered);
    delete relay;
}

void tst_TapRelay::backPressure_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("tcp") << "tcp";
    QTest::newRow("ipc") << "ipc";
}

void tst_TapRelay::backPressure()
{
    QFETCH(QString, transport);
    constexpr quint64 kPayload = 64ull << 20; // far more than the socket buffers on the way
    RawServer upstream(addressFor(transport, QStringLiteral("server")), this);
    TapOptions options;
    options.maxWriteBuffer = 1 << 20;
    options.maxFrameSize = 1024; // one huge frame, relayed undecoded
    TapRelay *relay = startRelay(upstream.address, transport, options);
    QVERIFY(relay);
    QIODevice *client = connectRaw(relay->address(), this);
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(upstream.accepted.size(), 1, 5000);
    QIODevice *server = upstream.accepted.first();
    setReadBuffer(server, 64 * 1024); // the target does not read for now

    // The client keeps a few MiB queued until everything is handed to its socket.
    quint64 queued = 0;  // payload bytes given to the client socket
    quint64 written = 0; // bytes the client socket wrote to the OS (header included)
    const auto refill = [&] {
        while (queued < kPayload && client->bytesToWrite() < (4 << 20)) {
            const QByteArray chunk = pattern(queued, qsizetype(std::min<quint64>(1 << 20, kPayload - queued)));
            client->write(chunk);
            queued += quint64(chunk.size());
        }
    };
    connect(client, &QIODevice::bytesWritten, this, [&](qint64 n) {
        written += quint64(n);
        refill();
    });
    TapLog log;
    QByteArray header(4, Qt::Uninitialized);
    qToBigEndian(quint32(kPayload), header.data());
    client->write(header);
    refill();

    // The relay stops reading once its queue towards the target is full; the client stalls
    // when the socket buffers on its way are full too.
    QTRY_VERIFY_WITH_TIMEOUT(log.contains(u" pausing "), 20'000);
    QVERIFY(comesToAStop([&] { return written; }));
    const quint64 before = written;
    QVERIFY(before > 0);
    QVERIFY2(before < kPayload / 2, qPrintable(QString::number(before)));
    QVERIFY(client->bytesToWrite() > 0);
    QCOMPARE(m_events.size(), size_t(1)); // Connected; the frame is incomplete

    // Now the target reads: everything arrives, unchanged.
    quint64 received = 0;
    bool same = true;
    bool headerOk = false;
    QByteArray pendingHeader;
    const auto drain = [&] {
        QByteArray bytes = server->readAll();
        qsizetype at = 0;
        if (pendingHeader.size() < 4) {
            const qsizetype n = std::min<qsizetype>(4 - pendingHeader.size(), bytes.size());
            pendingHeader += bytes.left(n);
            at = n;
            if (pendingHeader.size() == 4)
                headerOk = pendingHeader == header;
        }
        const QByteArray rest = bytes.mid(at);
        same = same && rest == pattern(received, rest.size());
        received += quint64(rest.size());
    };
    setReadBuffer(server, 0);
    connect(server, &QIODevice::readyRead, this, drain);
    drain();
    QTRY_COMPARE_WITH_TIMEOUT(received, kPayload, 60000);
    QVERIFY(same);
    QVERIFY(headerOk);
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), size_t(3), 5000);
    QCOMPARE(m_events[1].kind, Kind::Sent);
    QCOMPARE(m_events[1].size, qsizetype(kPayload + 4));
    QVERIFY(m_events[1].content.isNull());
    QCOMPARE(m_events[2].kind, Kind::Delivered);
    delete relay;
}

void tst_TapRelay::closeTimeoutAbortsAStuckSide()
{
    RawServer upstream(addressFor(QStringLiteral("tcp"), {}), this);
    TapOptions options;
    options.maxWriteBuffer = 1 << 20;
    options.closeTimeout = 300ms;
    TapRelay *relay = startRelay(upstream.address, QStringLiteral("tcp"), options);
    QVERIFY(relay);
    QIODevice *client = connectRaw(relay->address(), this);
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(upstream.accepted.size(), 1, 5000);
    QIODevice *server = upstream.accepted.first();
    setReadBuffer(server, 64 * 1024); // never reads
    TapLog log;
    client->write(pattern(0, 48 << 20));
    // The relay fills everything up to the target and pauses; then the client stalls.
    QTRY_VERIFY_WITH_TIMEOUT(log.contains(u" pausing "), 20'000);
    QVERIFY(comesToAStop([client] { return quint64(client->bytesToWrite()); }));
    QVERIFY(client->bytesToWrite() > 0);
    QElapsedTimer elapsed;
    elapsed.start();
    relay->close();
    // The relay cannot flush to the target: it gives up after the close timeout.
    QTRY_COMPARE_WITH_TIMEOUT(relay->connectionCount(), 0, 3000);
    QVERIFY(elapsed.elapsed() >= 250);
    QTRY_VERIFY_WITH_TIMEOUT(isClosed(client), 3000);
    // The target sees the end once it reads again.
    setReadBuffer(server, 0);
    connect(server, &QIODevice::readyRead, this, [server] { server->readAll(); });
    server->readAll();
    QTRY_VERIFY_WITH_TIMEOUT(isClosed(server), 3000);
    QCOMPARE(m_events.back().kind, Kind::Closed);
    delete relay;
}

void tst_TapRelay::invalidArguments()
{
    const Address tcp = Address::tcp(QStringLiteral("127.0.0.1"), 0);
    QCOMPARE(TapRelay::listen(Address::local(QStringLiteral("q")), tcp).error().code(), ErrorCode::InvalidAddress);
    QCOMPARE(TapRelay::listen(tcp, Address()).error().code(), ErrorCode::InvalidAddress);
    TapOptions options;
    options.codec = QStringLiteral("cbor");
    QCOMPARE(TapRelay::listen(tcp, tcp, options).error().code(), ErrorCode::UnknownCodec);
    QCOMPARE(TapRelay::listen(Address::tcp(QStringLiteral("nohost.invalid"), 0), tcp).error().code(), ErrorCode::InvalidAddress);
}

QTEST_GUILESS_MAIN(tst_TapRelay)

#include "tst_taprelay.moc"
