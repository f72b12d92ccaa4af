// SPDX-License-Identifier: MIT
// Replays the agent cases of the Python aiomas transcripts against raw socket peers, for every
// codec: our server container (the recording's Greeter and Counter agents) writes exactly the
// recorded replies and requests on conn 3 and, connecting back to the client container, the
// recorded frames of conn 4; our client container (the recording's ClientAgent) writes exactly
// the recorded requests and replies on conn 3 and answers conn 4 as recorded. Failure frames,
// whose Python tracebacks hold file paths, must agree on type, id and final "Type: message".
//
// The recording's containers listened on 127.0.0.1:45555 (server) and 127.0.0.1:45556 (client),
// and these addresses appear inside payloads. The test listens on the same ports; when one is
// taken on this machine it listens on a free port instead and compares with frames in which
// the recorded port is replaced by the real one, re-encoded with our codec (which is first shown
// to reproduce the recorded bytes of those frames exactly).

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/codec/codec.h>
#include <mas/codec/dateserializer.h>
#include <mas/codec/jsoncodec.h>
#include <mas/transport/framing.h>

#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>
#include <stdexcept>

#include "testdata.h"
#include "transcriptpeer.h"

using namespace mas;
using namespace mas::rpc;
using namespace std::chrono_literals;
using test::TranscriptFrame;
using test::TranscriptPeer;

/// Fails the test with the error of a failed Result.
#define VERIFY_RESULT(r) QVERIFY2(r, qPrintable((r) ? QString() : (r).error().toString()))

/// The exception the recording's `fail` raised (Python type name "ValueError").
struct ValueError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

namespace {

constexpr quint16 kRecordedServerPort = 45555;
constexpr quint16 kRecordedClientPort = 45556;
const QDateTime kClockStart(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC);
constexpr int kTimeoutMs = 10000;

QString lastLine(const QString &traceback)
{
    return traceback.trimmed().section(u'\n', -1);
}

/// One recorded frame with the connection it was written on (3: client container to server
/// container, 4: server container back to the client container).
struct AgentFrame
{
    int conn = 0;
    TranscriptFrame frame;
};

/// The `agent_` frames of a transcript file, in recorded order.
std::vector<AgentFrame> agentFrames(const QString &file)
{
    std::vector<AgentFrame> frames;
    const Result<Value> doc = JsonCodec::read(test::readInteropFile(file));
    if (!doc)
        return frames;
    for (const Value &entry : doc->asList()) {
        const QString caseName = entry.value(u"case").toString();
        if (!caseName.startsWith(u"agent_"))
            continue;
        AgentFrame f;
        f.conn = int(entry.value(u"conn").toInt());
        f.frame.caseName = caseName;
        f.frame.fromInitiator = entry.value(u"direction").toString() == u"c2s";
        f.frame.bytes = test::fromHex(entry.value(u"hex").toString());
        f.frame.decoded = test::fromTranscriptForm(entry.value(u"decoded"));
        frames.push_back(std::move(f));
    }
    return frames;
}

/// The ports of this run: the recorded ones when they were free.
struct Ports
{
    quint16 server = kRecordedServerPort;
    quint16 client = kRecordedClientPort;
};

/// `text` with the recorded container addresses pointing at this run's ports.
QString withPorts(const QString &text, const Ports &ports)
{
    static const QRegularExpression recorded(QStringLiteral("127\\.0\\.0\\.1:(%1|%2)").arg(kRecordedServerPort).arg(kRecordedClientPort));
    QString out;
    qsizetype from = 0;
    for (auto it = recorded.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).sliced(from, m.capturedStart() - from);
        const quint16 port = m.capturedView(1) == QString::number(kRecordedServerPort) ? ports.server : ports.client;
        out += QStringLiteral("127.0.0.1:%1").arg(port);
        from = m.capturedEnd();
    }
    out += QStringView(text).sliced(from);
    return out;
}

Value withPorts(const Value &v, const Ports &ports)
{
    if (v.isString())
        return withPorts(v.toString(), ports);
    if (v.isList()) {
        Value::List out;
        for (const Value &item : v.asList())
            out.push_back(withPorts(item, ports));
        return Value(std::move(out));
    }
    if (v.isMap()) {
        Value::Map out;
        for (const auto &[key, item] : v.asMap())
            out.emplace_back(withPorts(key, ports), withPorts(item, ports));
        return Value(std::move(out));
    }
    return v;
}

/// The frames of one connection, adapted to this run's ports. Every frame that holds a
/// recorded address is first re-encoded unchanged, which must give the recorded bytes (so that
/// a re-encoded frame with other ports is exactly what a Python peer would have sent); with the
/// recorded ports the recorded bytes are used as they are.
Result<std::vector<TranscriptFrame>> connectionFrames(const std::vector<AgentFrame> &frames, int conn,
                                                      const QString &codecName, const Ports &ports)
{
    const Ports recordedPorts;
    const Ports addressless{0, 0};
    const bool samePorts = ports.server == recordedPorts.server && ports.client == recordedPorts.client;
    auto codec = Codec::create(codecName);
    if (!codec)
        return codec.error();
    std::vector<TranscriptFrame> out;
    for (const AgentFrame &f : frames) {
        if (f.conn != conn)
            continue;
        TranscriptFrame frame = f.frame;
        if (withPorts(frame.decoded, addressless) != frame.decoded) {
            Result<QByteArray> again = (*codec)->encodeValue(frame.decoded);
            if (!again)
                return again.error();
            if (encodeFrame(*again).value() != frame.bytes)
                return Error(ErrorCode::InvalidArgument,
                             QStringLiteral("%1: re-encoding the recorded frame does not reproduce it").arg(frame.caseName));
            if (!samePorts) {
                frame.decoded = withPorts(frame.decoded, ports);
                Result<QByteArray> payload = (*codec)->encodeValue(frame.decoded);
                if (!payload)
                    return payload.error();
                frame.bytes = encodeFrame(*payload).value();
            }
        }
        out.push_back(std::move(frame));
    }
    return out;
}

/// The recorded result (or failure) content that answers request `id` of the initiator.
const TranscriptFrame *replyTo(const std::vector<TranscriptFrame> &frames, qint64 id)
{
    for (const TranscriptFrame &f : frames) {
        if (!f.fromInitiator && f.decoded.at(0).toInt() != 0 && f.decoded.at(1).toInt() == id)
            return &f;
    }
    return nullptr;
}

/// Runs a task to its end, or gives up after `timeoutMs` (nullopt). The task must complete at
/// some point (every call has a request timeout), so nothing dangles when we give up.
template<class T>
std::optional<T> finish(QCoro::Task<T> &&task, QObject *context, int timeoutMs = kTimeoutMs)
{
    auto result = std::make_shared<std::optional<T>>();
    QCoro::connect(std::move(task), context, [result](T value) { *result = std::move(value); });
    (void)QTest::qWaitFor([&] { return result->has_value(); }, timeoutMs);
    return *result;
}

namespace recorded {

/// agent_container.py's agent 0 of the server container.
class Greeter : public Agent
{
public:
    explicit Greeter(Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("hello"), [](const QString &name) { return QStringLiteral("Hello, ") + name + u'!'; },
                        {QStringLiteral("name")});
        router().expose(QStringLiteral("whoami"), [this] { return address(); });
        router().expose(QStringLiteral("now"), [this] { return clock()->utcNow(); });
        router().expose(QStringLiteral("get_peer"), [this]() -> Agent * { return peer; });
        router().expose(QStringLiteral("fail"), [](const QString &msg) -> Value { throw ValueError(msg.toStdString()); },
                        {QStringLiteral("msg")});
        // Connects to an agent by URL (a new connection from this container) and notifies it.
        router().expose(
            QStringLiteral("call_agent"),
            [this](const QString &url, const QString &text) -> QCoro::Task<Result<Value>> {
                Result<Proxy> other = co_await connectTo(url);
                if (!other)
                    co_return other.error();
                co_return co_await (*other)[QStringLiteral("notify")](text);
            },
            {QStringLiteral("url"), QStringLiteral("text")});
    }

    Agent *peer = nullptr;
};

/// agent_container.py's agent 1 of the server container.
class Counter : public Agent
{
public:
    explicit Counter(Container *c)
        : Agent(c)
    {
        router().expose(
            QStringLiteral("incr"),
            [this](qint64 n) {
                m_count += n;
                return m_count;
            },
            {QStringLiteral("n")});
        // Calls notify on the agent it is given (a proxy on the caller's connection).
        router().expose(
            QStringLiteral("ping_proxy"),
            [](Proxy proxy, const QString &text) -> QCoro::Task<Result<Value>> {
                co_return co_await proxy[QStringLiteral("notify")](text);
            },
            {QStringLiteral("proxy"), QStringLiteral("text")});
    }

private:
    qint64 m_count = 0;
};

/// agent_container.py's agent 0 of the client container.
class ClientAgent : public Agent
{
public:
    explicit ClientAgent(Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("notify"),
                        [this](const QString &text) { return Value::list({"notified", text, address()}); },
                        {QStringLiteral("text")});
    }
};

} // namespace recorded

/// A container like the recording's: ExternalClock from 2016-01-01T00:00:00+00:00 at `time`,
/// listening on 127.0.0.1:`port`, else (port taken) on a free port.
std::unique_ptr<Container> recordedContainer(const QString &codec, quint16 port, double time)
{
    const auto create = [&](quint16 p) -> Result<Container *> {
        auto clock = std::make_shared<ExternalClock>(kClockStart); // owned by the container
        if (time > 0) {
            const Result<void> set = clock->setTime(time);
            if (!set)
                return set.error();
        }
        ContainerOptions options;
        options.codec = codec;
        options.ownedClock = std::move(clock);
        options.channel.requestTimeout = std::chrono::milliseconds(kTimeoutMs);
        return Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), p), std::move(options));
    };
    Result<Container *> c = create(port);
    if (!c) {
        qWarning("127.0.0.1:%u is taken (%s): listening on a free port, comparing with the port substituted",
                 port, qPrintable(c.error().toString()));
        c = create(0);
    }
    return std::unique_ptr<Container>(c ? *c : nullptr);
}

/// A raw peer's listening socket on 127.0.0.1:`port`, else (port taken) on a free port.
bool listenOn(QTcpServer &server, quint16 port)
{
    if (server.listen(QHostAddress::LocalHost, port))
        return true;
    qWarning("127.0.0.1:%u is taken (%s): listening on a free port, comparing with the port substituted",
             port, qPrintable(server.errorString()));
    return server.listen(QHostAddress::LocalHost, 0);
}

} // namespace

class tst_AgentReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void portSubstitution();
    void asServer_data() { codecs(); }
    void asServer();
    void asClient_data() { codecs(); }
    void asClient();

private:
    void codecs()
    {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("file");
        QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("aiomas-wire-json.json");
        QTest::newRow("msgpack") << QStringLiteral("msgpack") << QStringLiteral("aiomas-wire-msgpack.json");
        QTest::newRow("msgpackblosc") << QStringLiteral("msgpackblosc") << QStringLiteral("aiomas-wire-msgpackblosc.json");
    }
};

void tst_AgentReplay::portSubstitution()
{
    // The fallback's frame rewriting, checked whether or not the recorded ports were free.
    const Ports ports{1234, 45555};
    QCOMPARE(withPorts(QStringLiteral("tcp://127.0.0.1:45555/0 tcp://127.0.0.1:45556/0 :45555"), ports),
             QStringLiteral("tcp://127.0.0.1:1234/0 tcp://127.0.0.1:45555/0 :45555"));
    for (const QString &codec : {QStringLiteral("json"), QStringLiteral("msgpack"), QStringLiteral("msgpackblosc")}) {
        const std::vector<AgentFrame> all = agentFrames(QStringLiteral("aiomas-wire-%1.json").arg(codec));
        QCOMPARE(all.size(), std::size_t(28));
        Result<std::vector<TranscriptFrame>> same = connectionFrames(all, 3, codec, Ports());
        VERIFY_RESULT(same);
        Result<std::vector<TranscriptFrame>> moved = connectionFrames(all, 3, codec, ports);
        VERIFY_RESULT(moved);
        QCOMPARE(moved->size(), same->size());
        int changed = 0;
        for (std::size_t i = 0; i < same->size(); ++i) {
            const TranscriptFrame &a = (*same)[i];
            const TranscriptFrame &b = (*moved)[i];
            if (a.bytes == b.bytes)
                continue;
            ++changed;
            auto codecInstance = Codec::create(codec).value();
            const Value decoded = codecInstance->decodeStructural(QByteArrayView(b.bytes).sliced(4)).value();
            QCOMPARE(decoded, b.decoded);
            QCOMPARE(b.decoded, withPorts(a.decoded, ports));
        }
        QCOMPARE(changed, 5); // whoami, notify reply + result, call_agent request + result
    }
}

void tst_AgentReplay::asServer()
{
    QFETCH(QString, codec);
    QFETCH(QString, file);
    const std::vector<AgentFrame> all = agentFrames(file);
    QCOMPARE(all.size(), std::size_t(28));

    // Our server container with the recording's agents, its clock set to 90 s.
    std::unique_ptr<Container> container = recordedContainer(codec, kRecordedServerPort, 90);
    QVERIFY(container);
    auto *greeter = new recorded::Greeter(container.get());
    auto *counter = new recorded::Counter(container.get());
    greeter->peer = counter;
    QCOMPARE(greeter->typeName(), QStringLiteral("Greeter"));
    QCOMPARE(counter->typeName(), QStringLiteral("Counter"));

    // The recorded client container: the raw peer accepting our connection back (conn 4).
    QTcpServer clientContainer;
    QVERIFY(listenOn(clientContainer, kRecordedClientPort));
    const Ports ports{container->address().port(), clientContainer.serverPort()};
    QCOMPARE(greeter->address(), QStringLiteral("tcp://127.0.0.1:%1/0").arg(ports.server));

    Result<std::vector<TranscriptFrame>> conn3 = connectionFrames(all, 3, codec, ports);
    VERIFY_RESULT(conn3);
    Result<std::vector<TranscriptFrame>> conn4 = connectionFrames(all, 4, codec, ports);
    VERIFY_RESULT(conn4);
    QCOMPARE(conn3->size(), std::size_t(24));
    QCOMPARE(conn4->size(), std::size_t(4));

    auto decoder = Codec::create(codec).value();
    int failures = 0;
    const auto compare = [&](const TranscriptFrame &expected, const QByteArray &frame, QString *why) {
        if (expected.decoded.at(0).toInt() != int(MessageType::Failure))
            return frame == expected.bytes;
        // A failure: the recorded text has Python's traceback; ours must agree on the last line.
        ++failures;
        const Value got = decoder->decodeStructural(QByteArrayView(frame).sliced(4)).value();
        *why = QStringLiteral("(failure: %1) ").arg(got.at(2).toString());
        return got.at(0) == expected.decoded.at(0) && got.at(1) == expected.decoded.at(1)
               && lastLine(got.at(2).toString()) == lastLine(expected.decoded.at(2).toString());
    };

    std::unique_ptr<TranscriptPeer> back;
    int backConnections = 0;
    connect(&clientContainer, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = clientContainer.nextPendingConnection()) {
            if (++backConnections == 1)
                back = std::make_unique<TranscriptPeer>(socket, *conn4, false, compare);
        }
    });

    QTcpSocket raw; // the recorded client container's connection (conn 3)
    raw.connectToHost(QHostAddress::LocalHost, ports.server);
    QVERIFY(raw.waitForConnected(kTimeoutMs));
    TranscriptPeer peer(&raw, *conn3, true, compare);
    const auto backMismatch = [&] { return back ? back->mismatch() : QString(); };
    QTRY_VERIFY2_WITH_TIMEOUT(peer.finished() || !peer.mismatch().isEmpty() || !backMismatch().isEmpty(),
                              qPrintable(QStringLiteral("conn 3 stopped after %1 frames; conn 4: %2")
                                             .arg(peer.matchedFrames())
                                             .arg(back ? QString::number(back->matchedFrames()) : QStringLiteral("not opened"))),
                              kTimeoutMs);
    QCOMPARE(peer.mismatch(), QString());
    QCOMPARE(backMismatch(), QString());
    QVERIFY(back);
    QVERIFY(back->finished());
    QCOMPARE(backConnections, 1);
    QCOMPARE(failures, 1);
    QCOMPARE(container->outgoingConnectionCount(), 1);
    QCOMPARE(peer.matchedFrames(), std::size_t(12));
    QCOMPARE(back->matchedFrames(), std::size_t(2));
    qInfo("%zu frames written by our server container matched the recording (%zu on conn 3, %zu on conn 4; "
          "the failure by type, id and last line)%s",
          peer.matchedFrames() + back->matchedFrames(), peer.matchedFrames(), back->matchedFrames(),
          ports.server == kRecordedServerPort && ports.client == kRecordedClientPort ? "" : " with substituted ports");
}

void tst_AgentReplay::asClient()
{
    QFETCH(QString, codec);
    QFETCH(QString, file);
    const std::vector<AgentFrame> all = agentFrames(file);
    QCOMPARE(all.size(), std::size_t(28));

    // The recorded server container: the raw peer accepting our connection (conn 3).
    QTcpServer serverContainer;
    QVERIFY(listenOn(serverContainer, kRecordedServerPort));
    // Our client container with the recording's ClientAgent.
    std::unique_ptr<Container> container = recordedContainer(codec, kRecordedClientPort, 0);
    QVERIFY(container);
    auto *me = new recorded::ClientAgent(container.get());
    QCOMPARE(me->typeName(), QStringLiteral("ClientAgent"));
    const Ports ports{serverContainer.serverPort(), container->address().port()};
    QCOMPARE(me->address(), QStringLiteral("tcp://127.0.0.1:%1/0").arg(ports.client));

    Result<std::vector<TranscriptFrame>> conn3 = connectionFrames(all, 3, codec, ports);
    VERIFY_RESULT(conn3);
    Result<std::vector<TranscriptFrame>> conn4 = connectionFrames(all, 4, codec, ports);
    VERIFY_RESULT(conn4);
    QCOMPARE(conn3->size(), std::size_t(24));
    QCOMPARE(conn4->size(), std::size_t(4));
    // The server answers call_agent only after it has talked to us on conn 4: that last frame
    // of conn 3 is written by hand once conn 4 is done.
    const TranscriptFrame callAgentResult = conn3->back();
    QCOMPARE(callAgentResult.caseName, QStringLiteral("agent_container_connects_back"));
    QVERIFY(!callAgentResult.fromInitiator);
    std::vector<TranscriptFrame> beforeConnectBack(conn3->begin(), conn3->end() - 1);

    QTcpSocket *socket = nullptr;
    std::unique_ptr<TranscriptPeer> peer;
    int connections = 0;
    connect(&serverContainer, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = serverContainer.nextPendingConnection()) {
            if (++connections == 1) {
                socket = s;
                peer = std::make_unique<TranscriptPeer>(socket, beforeConnectBack, false);
            }
        }
    });
    const auto why = [&](const QString &what) {
        return what + QStringLiteral(" (raw server: %1)").arg(peer ? peer->mismatch() : QStringLiteral("no connection"));
    };
    const auto reply = [&](qint64 id) -> Value {
        const TranscriptFrame *f = replyTo(*conn3, id);
        return f ? f->decoded.at(2) : Value(QStringLiteral("<no recorded reply>"));
    };
    const QString base = QStringLiteral("tcp://127.0.0.1:%1/").arg(ports.server);

    // agent_connect_validate_aid, _2
    std::optional<Result<Proxy>> greeter = finish(container->connect(base + u'0'), this);
    QVERIFY2(greeter, qPrintable(why(QStringLiteral("connect 0 timed out"))));
    QVERIFY2(*greeter, qPrintable(why(greeter->error().toString())));
    QCOMPARE((*greeter)->path(), QStringLiteral("agents/0"));
    QCOMPARE(reply(0), Value("Greeter"));
    std::optional<Result<Proxy>> counter = finish(container->connect(base + u'1'), this);
    QVERIFY2(counter, qPrintable(why(QStringLiteral("connect 1 timed out"))));
    QVERIFY2(*counter, qPrintable(why(counter->error().toString())));
    QCOMPARE((*counter)->path(), QStringLiteral("agents/1"));
    QCOMPARE((*counter)->client(), (*greeter)->client());
    QCOMPARE(reply(1), Value("Counter"));

    // One recorded call: its result, checked against the recorded reply to request `id` (dates
    // and proxies arrive as objects and are checked by the caller).
    const auto call = [&](QCoro::Task<Result<Value>> &&task, const QString &what, qint64 id) -> Result<Value> {
        std::optional<Result<Value>> r = finish(std::move(task), this);
        if (!r)
            return Error(ErrorCode::Timeout, why(what + QStringLiteral(" timed out")));
        if (!*r)
            return Error(r->error().code(), why(what + QStringLiteral(": ") + r->error().toString()));
        if (!(*r)->isObject() && **r != reply(id))
            return Error(ErrorCode::InvalidArgument, why(QStringLiteral("%1 gave %2, recorded %3")
                                                             .arg(what, (*r)->toDisplayString(), reply(id).toDisplayString())));
        return *r;
    };
    const Proxy &g = **greeter;
    const Proxy &c = **counter;

    // agent_call, agent_call_kwargs, agent_whoami
    Result<Value> hello = call(g[QStringLiteral("hello")](QStringLiteral("C++")), QStringLiteral("hello"), 2);
    VERIFY_RESULT(hello);
    Result<Value> incr = call(c[QStringLiteral("incr")](kw(QStringLiteral("n"), 5)), QStringLiteral("incr"), 3);
    VERIFY_RESULT(incr);
    QCOMPARE(*incr, Value(5));
    Result<Value> whoami = call(g[QStringLiteral("whoami")](), QStringLiteral("whoami"), 4);
    VERIFY_RESULT(whoami);
    QCOMPARE(reply(4), Value(base + u'0'));

    // agent_arrow_date_result: a date of the server's clock (at 90 s)
    Result<Value> now = call(g[QStringLiteral("now")](), QStringLiteral("now"), 5);
    VERIFY_RESULT(now);
    Result<QDateTime> date = now->to<QDateTime>();
    VERIFY_RESULT(date);
    QCOMPARE(*date, QDateTime(QDate(2016, 1, 1), QTime(0, 1, 30), Qt::UTC));
    QCOMPARE(Value::list({qint64(0), formatIsoDate(*date)}), reply(5).value(u"__type__"));

    // agent_returns_agent_proxy: a proxy for agent 1 on the same connection
    Result<Value> peerAgent = call(g[QStringLiteral("get_peer")](), QStringLiteral("get_peer"), 6);
    VERIFY_RESULT(peerAgent);
    Result<Proxy> peerProxy = peerAgent->to<Proxy>();
    VERIFY_RESULT(peerProxy);
    QCOMPARE(peerProxy->path(), QStringLiteral("agents/1"));
    QCOMPARE(peerProxy->client(), g.client());
    QCOMPARE(Value::list({qint64(1), peerProxy->path()}), reply(6).value(u"__type__"));

    // agent_proxy_argument: our agent travels as a proxy; the server calls its notify back
    Result<Value> pinged = call(c[QStringLiteral("ping_proxy")](me, QStringLiteral("hi")), QStringLiteral("ping_proxy"), 7);
    VERIFY_RESULT(pinged);
    QCOMPARE(*pinged, Value::list({"notified", "hi", me->address()}));

    // agent_connect_missing_agent
    std::optional<Result<Proxy>> missing = finish(container->connect(base + QStringLiteral("99")), this);
    QVERIFY2(missing, qPrintable(why(QStringLiteral("connect 99 timed out"))));
    QVERIFY(!*missing);
    QCOMPARE(missing->error().code(), ErrorCode::AgentNotFound);
    QCOMPARE(reply(8), Value());

    // agent_remote_exception
    std::optional<Result<Value>> failed = finish(g[QStringLiteral("fail")](QStringLiteral("agent boom")), this);
    QVERIFY2(failed, qPrintable(why(QStringLiteral("fail timed out"))));
    QVERIFY(!*failed);
    QCOMPARE(failed->error().code(), ErrorCode::RemoteException);
    QCOMPARE(failed->error().remoteTraceback(), reply(9).toString());
    QCOMPARE(lastLine(failed->error().remoteTraceback()), QStringLiteral("ValueError: agent boom"));

    // agent_container_connects_back: the server connects to our container (conn 4), then answers.
    auto called = std::make_shared<std::optional<Result<Value>>>();
    QCoro::connect(g[QStringLiteral("call_agent")](me->address(), QStringLiteral("yo")), this,
                   [called](Result<Value> r) { *called = std::move(r); });
    QTRY_VERIFY2_WITH_TIMEOUT(peer && (peer->finished() || !peer->mismatch().isEmpty()),
                              qPrintable(why(QStringLiteral("call_agent not received"))), kTimeoutMs);
    QCOMPARE(peer->mismatch(), QString());
    QTcpSocket raw; // the recorded server container's connection back (conn 4)
    raw.connectToHost(QHostAddress::LocalHost, ports.client);
    QVERIFY(raw.waitForConnected(kTimeoutMs));
    TranscriptPeer back(&raw, *conn4, true);
    QTRY_VERIFY2_WITH_TIMEOUT(back.finished() || !back.mismatch().isEmpty(), qPrintable(back.mismatch()), kTimeoutMs);
    QCOMPARE(back.mismatch(), QString());
    QVERIFY(!called->has_value());
    socket->write(callAgentResult.bytes);
    QTRY_VERIFY2_WITH_TIMEOUT(called->has_value(), qPrintable(why(QStringLiteral("call_agent timed out"))), kTimeoutMs);
    QVERIFY2(**called, qPrintable((*called)->error().toString()));
    QCOMPARE(***called, reply(10));
    QCOMPARE(***called, Value::list({"notified", "yo", me->address()}));

    QCOMPARE(connections, 1);
    QCOMPARE(container->outgoingConnectionCount(), 1);
    QCOMPARE(container->incomingConnectionCount(), 1);
    QCOMPARE(peer->matchedFrames(), std::size_t(12));
    QCOMPARE(back.matchedFrames(), std::size_t(2));
    qInfo("%zu frames written by our client container matched the recording byte for byte (%zu on conn 3, "
          "%zu on conn 4)%s",
          peer->matchedFrames() + back.matchedFrames(), peer->matchedFrames(), back.matchedFrames(),
          ports.server == kRecordedServerPort && ports.client == kRecordedClientPort ? "" : " with substituted ports");
}

QTEST_GUILESS_MAIN(tst_AgentReplay)
#include "tst_agentreplay.moc"
