// SPDX-License-Identifier: MIT
// The sub-process container's Manager (aiomas.subproc.Manager) in-process, over TCP on
// 127.0.0.1: spawn, set_time, stop, its errors, and the recorded `subproc_` transcript cases
// replayed byte for byte with every codec.

#include <mas/agent/agent.h>
#include <mas/agent/agentregistry.h>
#include <mas/agent/container.h>
#include <mas/agent/manager.h>
#include <mas/clock/clock.h>
#include <mas/codec/codec.h>
#include <mas/transport/framing.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <QCoro/QCoroTask>

#include "transcriptpeer.h"

#include <memory>
#include <optional>
#include <stdexcept>

using namespace mas;
using namespace mas::rpc;
using namespace std::chrono_literals;

#define VERIFY_RESULT(r) QVERIFY2(r, qPrintable((r) ? QString() : (r).error().toString()))

namespace {

const QDateTime kStart(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC);
constexpr quint16 kRecordedPort = 45560;
constexpr int kTimeoutMs = 10000;

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// Runs the event loop until a call queued for `context` now has run: what was queued before
/// it (posted events run in order) has run too.
bool queuedEventsRan(QObject *context)
{
    bool ran = false;
    QMetaObject::invokeMethod(context, [&ran] { ran = true; }, Qt::QueuedConnection);
    return QTest::qWaitFor([&ran] { return ran; }, kTimeoutMs);
}

QString lastLine(const QString &traceback)
{
    return traceback.trimmed().section(u'\n', -1);
}

/// The recording's `agent_container:Counter`, and a type whose constructor throws.
class Counter : public Agent
{
public:
    Counter(Container *c, qint64 start)
        : Agent(c)
        , m_count(start)
    {
        router().expose(QStringLiteral("incr"), [this](qint64 n) { return m_count += n; }, {QStringLiteral("n")});
        router().expose(QStringLiteral("time"), [this] { return clock()->time(); });
        router().expose(QStringLiteral("sleep"), [this](double dt) -> QCoro::Task<Result<double>> {
            Result<void> slept = co_await clock()->sleep(dt);
            if (!slept)
                co_return slept.error();
            co_return clock()->time();
        });
    }

private:
    qint64 m_count = 0;
};

struct Boom : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

void registerTypes(AgentRegistry &registry)
{
    AgentType counter;
    counter.name = QStringLiteral("agent_container:Counter");
    counter.create = [](Container *c, const Value::List &args, const Value::Map &kwargs) -> Result<Agent *> {
        const QString function = QStringLiteral("Counter");
        const QStringList names{QStringLiteral("start")};
        MAS_TRY_VOID(checkArguments(function, args, kwargs, names, 0));
        MAS_TRY(start, argumentAt<qint64>(function, args, kwargs, 0, names[0], 0));
        return new Counter(c, start);
    };
    QVERIFY(registry.add(counter));
    AgentType throwing;
    throwing.name = QStringLiteral("tests.agents:Throwing");
    throwing.create = [](Container *, const Value::List &, const Value::Map &) -> Result<Agent *> {
        throw Boom("no agent today");
    };
    QVERIFY(registry.add(throwing));
}

std::unique_ptr<Container> makeContainer(bool externalClock, quint16 port = 0, const QString &codec = QStringLiteral("json"))
{
    ContainerOptions o;
    o.codec = codec;
    o.channel.requestTimeout = std::chrono::milliseconds(kTimeoutMs);
    if (externalClock)
        o.ownedClock = std::make_shared<ExternalClock>(kStart); // owned by the container
    Result<Container *> c = Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), port), std::move(o));
    if (!c)
        return nullptr;
    return std::unique_ptr<Container>(*c);
}

} // namespace

class tst_Manager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void isAgentZeroNamedManager();
    void spawnCreatesAgents();
    void errors_data();
    void errors();
    void setTimeMovesTheClock();
    void stopRepliesThenSignals();
    void replaysTranscript_data();
    void replaysTranscript();

private:
    AgentRegistry m_registry;
};

void tst_Manager::initTestCase()
{
    registerTypes(m_registry);
}

void tst_Manager::isAgentZeroNamedManager()
{
    std::unique_ptr<Container> children = makeContainer(true);
    std::unique_ptr<Container> parent = makeContainer(false);
    QVERIFY(children && parent);
    auto *manager = new Manager(children.get(), &m_registry);
    QCOMPARE(manager->aid(), QStringLiteral("0"));
    QCOMPARE(manager->typeName(), QStringLiteral("Manager"));
    QCOMPARE(manager->registry(), &m_registry);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Manager created as agent 1 .* expect it to be agent 0")));
    QCOMPARE(Manager(children.get()).registry(), &AgentRegistry::global());
    Result<Proxy> proxy = await(parent->connect(manager->address()));
    VERIFY_RESULT(proxy);
    Result<Value> kind = await(proxy->client()->call(QStringLiteral("validate_aid"), Value::List{Value("0")}));
    VERIFY_RESULT(kind);
    QCOMPARE(*kind, Value("Manager"));
}

void tst_Manager::spawnCreatesAgents()
{
    std::unique_ptr<Container> children = makeContainer(true);
    std::unique_ptr<Container> parent = makeContainer(false);
    auto *manager = new Manager(children.get(), &m_registry);
    QSignalSpy spawned(manager, &Manager::agentSpawned);
    Proxy proxy = await(parent->connect(manager->address())).value();

    Result<Value> reply = await(proxy[QStringLiteral("spawn")](QStringLiteral("agent_container:Counter"), 10));
    VERIFY_RESULT(reply);
    QVERIFY(reply->isList());
    QCOMPARE(reply->size(), 2);
    const Proxy *agent = reply->at(0).object() ? reply->at(0).object()->as<Proxy>() : nullptr;
    QVERIFY(agent);
    QCOMPARE(agent->path(), QStringLiteral("agents/1"));
    QCOMPARE(reply->at(1), Value(children->baseAddress() + u'1'));
    QCOMPARE(await((*agent)[QStringLiteral("incr")](5)).value(), Value(15));
    QCOMPARE(spawned.count(), 1);
    QCOMPARE(spawned.at(0).at(0).value<Agent *>(), children->agent(u"1"));

    // Keyword arguments pass through; the qualname may come as a keyword too.
    reply = await(proxy[QStringLiteral("spawn")](kw(QStringLiteral("qualname"), QStringLiteral("agent_container:Counter")), kw(QStringLiteral("start"), 100)));
    VERIFY_RESULT(reply);
    QCOMPARE(reply->at(1), Value(children->baseAddress() + u'2'));
    const Proxy second = *reply->at(0).object()->as<Proxy>();
    QCOMPARE(await(second[QStringLiteral("incr")](1)).value(), Value(101));

    // The C++ side of the same operation.
    Result<Agent *> local = manager->spawn(QStringLiteral("agent_container:Counter"));
    VERIFY_RESULT(local);
    QCOMPARE((*local)->aid(), QStringLiteral("3"));
    QCOMPARE(children->agentCount(), 4);
}

void tst_Manager::errors_data()
{
    QTest::addColumn<bool>("externalClock");
    QTest::addColumn<QString>("method");
    QTest::addColumn<Value>("args");
    QTest::addColumn<QString>("expected"); // the start of the traceback's last line

    QTest::newRow("unknown type") << true << "spawn" << Value::list({"nope.agents:Nope"})
                                  << "mas.UnknownAgentType: No agent type \"nope.agents:Nope\" is registered";
    QTest::newRow("unknown type, close name") << true << "spawn" << Value::list({"agent_container:Countr"})
                                              << "mas.UnknownAgentType: No agent type \"agent_container:Countr\" is "
                                                 "registered (did you mean agent_container:Counter?)";
    QTest::newRow("no qualname") << true << "spawn" << Value::list()
                                 << "TypeError: spawn() missing 1 required positional argument: 'qualname'";
    QTest::newRow("qualname not text") << true << "spawn" << Value::list({5})
                                       << "TypeError: spawn() argument 'qualname' must be str, not int";
    QTest::newRow("too many arguments") << true << "spawn" << Value::list({"agent_container:Counter", 1, 2})
                                        << "TypeError: Counter() takes from 0 to 1 positional arguments but 2 were given";
    QTest::newRow("argument of the wrong type") << true << "spawn" << Value::list({"agent_container:Counter", "x"})
                                                << "TypeError: Counter() argument 'start'";
    QTest::newRow("factory throws") << true << "spawn" << Value::list({"tests.agents:Throwing"})
                                    << "Boom: no agent today";
    QTest::newRow("set_time on real time") << false << "set_time" << Value::list({5})
                                           << "AttributeError: 'AsyncioClock' object has no attribute 'set_time'";
    QTest::newRow("set_time in the past") << true << "set_time" << Value::list({-1})
                                          << "ValueError: Time must be > 0 but is -1";
    QTest::newRow("set_time not a number") << true << "set_time" << Value::list({"soon"})
                                           << "TypeError: set_time() argument 'time' must be a number or a date, not str";
    QTest::newRow("set_time without time") << true << "set_time" << Value::list()
                                           << "TypeError: set_time() missing 1 required positional argument: 'time'";
    QTest::newRow("stop with an argument") << true << "stop" << Value::list({1})
                                           << "TypeError: stop() takes 0 positional arguments but 1 was given";
}

void tst_Manager::errors()
{
    QFETCH(bool, externalClock);
    QFETCH(QString, method);
    QFETCH(Value, args);
    QFETCH(QString, expected);
    std::unique_ptr<Container> children = makeContainer(externalClock);
    std::unique_ptr<Container> parent = makeContainer(false);
    auto *manager = new Manager(children.get(), &m_registry);
    QSignalSpy stopped(manager, &Manager::stopRequested);
    Proxy proxy = await(parent->connect(manager->address())).value();
    Result<Value> reply = await(proxy[method].call(args.asList()));
    QVERIFY(!reply);
    QCOMPARE(reply.error().code(), ErrorCode::RemoteException);
    const QString last = lastLine(reply.error().remoteTraceback());
    QVERIFY2(last.endsWith(u'.' + expected) || last.startsWith(expected), qPrintable(last));
    // A failed call changes nothing.
    QCOMPARE(children->agentCount(), 1);
    if (externalClock)
        QCOMPARE(children->clock()->time(), 0.0);
    // stopRequested would have been queued while the call was handled, before its reply.
    QVERIFY(queuedEventsRan(manager));
    QCOMPARE(stopped.count(), 0);
}

void tst_Manager::setTimeMovesTheClock()
{
    std::unique_ptr<Container> children = makeContainer(true);
    std::unique_ptr<Container> parent = makeContainer(false);
    auto *manager = new Manager(children.get(), &m_registry);
    Proxy proxy = await(parent->connect(manager->address())).value();
    const Value spawned = await(proxy[QStringLiteral("spawn")](QStringLiteral("agent_container:Counter"))).value();
    const Proxy counter = *spawned.at(0).object()->as<Proxy>();

    // A sleeping agent wakes when set_time passes its deadline, and sees the new time.
    std::optional<Result<Value>> slept;
    QCoro::connect(counter[QStringLiteral("sleep")](3), this, [&](Result<Value> r) { slept = std::move(r); });
    QTRY_COMPARE_WITH_TIMEOUT(children->clock()->pendingTimerCount(), 1, kTimeoutMs);
    QCOMPARE(await(proxy[QStringLiteral("set_time")](2)).value(), Value());
    QCOMPARE(children->clock()->time(), 2.0);
    QCOMPARE(children->clock()->pendingTimerCount(), 1); // the sleep is not due
    // The agent answers a later call, seeing time 2, while it still sleeps.
    QCOMPARE(await(counter[QStringLiteral("time")]()).value().toDouble(), 2.0);
    QVERIFY(!slept);
    QCOMPARE(await(proxy[QStringLiteral("set_time")](kw(QStringLiteral("time"), 4.5))).value(), Value());
    QTRY_VERIFY_WITH_TIMEOUT(slept.has_value(), kTimeoutMs);
    QCOMPARE(slept->value(), Value(4.5));
    QCOMPARE(await(counter[QStringLiteral("time")]()).value(), Value(4.5));

    // A date is converted on the clock's scale.
    QCOMPARE(await(proxy[QStringLiteral("set_time")](kStart.addSecs(60))).value(), Value());
    QCOMPARE(children->clock()->time(), 60.0);
    QCOMPARE(children->clock()->utcNow(), kStart.addSecs(60));

    // The C++ form reports errors with codes.
    QCOMPARE(manager->setTime(Value(100)).error().code(), ErrorCode::NoError);
    QCOMPARE(manager->setTime(Value(50)).error().code(), ErrorCode::InvalidArgument);
    QCOMPARE(manager->setTime(Value("x")).error().code(), ErrorCode::TypeMismatch);
    std::unique_ptr<Container> realTime = makeContainer(false);
    Manager other(realTime.get(), &m_registry);
    QCOMPARE(other.setTime(Value(10)).error().code(), ErrorCode::InvalidArgument);
}

void tst_Manager::stopRepliesThenSignals()
{
    std::unique_ptr<Container> children = makeContainer(false);
    std::unique_ptr<Container> parent = makeContainer(false);
    auto *manager = new Manager(children.get(), &m_registry);
    QSignalSpy stopped(manager, &Manager::stopRequested);
    // Who runs the container shuts it down when asked; the reply was sent before.
    bool shutDown = false;
    connect(manager, &Manager::stopRequested, this, [&] {
        QCoro::connect(children->shutdown(), this, [&] { shutDown = true; });
    });
    Proxy proxy = await(parent->connect(manager->address())).value();
    QVERIFY(!manager->isStopRequested());
    Result<Value> reply = await(proxy[QStringLiteral("stop")]());
    VERIFY_RESULT(reply);
    QCOMPARE(*reply, Value());
    QVERIFY(manager->isStopRequested());
    QTRY_VERIFY_WITH_TIMEOUT(shutDown, kTimeoutMs);
    QCOMPARE(stopped.count(), 1);
    manager->stop(); // once is enough
    QVERIFY(queuedEventsRan(manager)); // a second stopRequested would be queued before this
    QCOMPARE(stopped.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(parent->outgoingConnectionCount(), 0, kTimeoutMs);
}

void tst_Manager::replaysTranscript_data()
{
    QTest::addColumn<QString>("codec");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("msgpack") << QStringLiteral("msgpack");
    QTest::newRow("msgpackblosc") << QStringLiteral("msgpackblosc");
}

void tst_Manager::replaysTranscript()
{
    QFETCH(QString, codec);
    std::vector<test::TranscriptFrame> frames =
        test::transcriptFrames(QStringLiteral("aiomas-wire-%1.json").arg(codec), QStringLiteral("subproc_"));
    QCOMPARE(frames.size(), std::size_t(8));

    // The recording's container: ExternalClock from 2016-01-01, agent 0 a Manager, on
    // 127.0.0.1:45560 (else a free port, and the recorded URL in the spawn reply adapted).
    std::unique_ptr<Container> container = makeContainer(true, kRecordedPort, codec);
    if (!container) {
        qWarning("127.0.0.1:%u is taken: listening on a free port, comparing with the port substituted", kRecordedPort);
        container = makeContainer(true, 0, codec);
    }
    QVERIFY(container);
    auto *manager = new Manager(container.get(), &m_registry);
    QSignalSpy stopped(manager, &Manager::stopRequested);
    const quint16 port = container->address().port();
    if (port != kRecordedPort) {
        auto encoder = Codec::create(codec).value();
        for (test::TranscriptFrame &f : frames) {
            if (f.caseName != u"subproc_spawn" || f.fromInitiator)
                continue;
            // Re-encoding the recorded frame reproduces it, so the adapted one is what aiomas sends.
            QCOMPARE(encodeFrame(encoder->encodeValue(f.decoded).value()).value(), f.bytes);
            Value::List reply = f.decoded.asList();
            Value::List content = reply[2].asList();
            content[1] = Value(content[1].toString().replace(QString::number(kRecordedPort), QString::number(port)));
            reply[2] = Value(std::move(content));
            f.decoded = Value(std::move(reply));
            f.bytes = encodeFrame(encoder->encodeValue(f.decoded).value()).value();
        }
    }

    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(raw.waitForConnected(kTimeoutMs));
    test::TranscriptPeer peer(&raw, frames, true);
    QTRY_VERIFY2_WITH_TIMEOUT(peer.finished() || !peer.mismatch().isEmpty(),
                              qPrintable(QStringLiteral("stopped after %1 frames").arg(peer.matchedFrames())), kTimeoutMs);
    QCOMPARE(peer.mismatch(), QString());
    QCOMPARE(container->clock()->time(), 5.0);
    QCOMPARE(container->agent(u"1")->typeName(), QStringLiteral("Counter"));
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, kTimeoutMs);
}

QTEST_GUILESS_MAIN(tst_Manager)
#include "tst_manager.moc"
