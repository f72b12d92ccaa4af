// SPDX-License-Identifier: MIT
// The LocalQueue transport and its debugger controls, end to end with real containers and
// agents on local:// addresses: determinism, stepping, chosen delivery orders, faults, the event
// log, record and replay, diffs, breakpoints and an external clock.

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/clock/clock.h>
#include <mas/codec/codec.h>
#include <mas/trace/framedescription.h>
#include <mas/trace/messagelabel.h>
#include <mas/transport/framing.h>
#include <mas/transport/localqueue.h>
#include <mas/transport/streamsocket.h>

#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <random>

using namespace mas;
using namespace mas::rpc;
using namespace std::chrono_literals;

namespace {

const QDateTime kStart(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC);

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// Lets posted events (coroutine resumptions) run.
void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

/// Records who called it, in delivery order.
class Recorder : public Agent
{
public:
    explicit Recorder(Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("record"), [this](const QString &who) {
            calls << who;
            return qint64(calls.size());
        });
        router().expose(QStringLiteral("bid"), [](qint64 amount) { return amount * 2; });
    }
    QStringList calls;
};

/// Calls `peer` every second of its clock, `count` times, then stops.
class Ticker : public Agent
{
public:
    using Agent::Agent;
    QCoro::Task<void> run(QString peer, int count)
    {
        Result<Proxy> proxy = co_await connectTo(peer);
        if (!proxy)
            co_return;
        for (int i = 0; i < count; ++i) {
            if (!co_await clock()->sleep(1))
                co_return;
            Result<Value> r = co_await (*proxy)[QStringLiteral("record")](address());
            if (r)
                ++ticks;
        }
    }
    int ticks = 0;
};

QCoro::Task<Result<Value>> callAgent(Container *from, QString url, QString method, Value argument)
{
    Result<Proxy> proxy = co_await from->connect(url);
    if (!proxy)
        co_return proxy.error();
    co_return co_await (*proxy)[method](argument);
}

/// A small system on one queue: a recorder in container "q/" and two callers in containers of
/// their own queues; each caller calls record(its name) `rounds` times.
struct System
{
    std::vector<std::unique_ptr<Container>> containers;
    Recorder *recorder = nullptr;
    QObject context;
    int done = 0;

    explicit System(const QString &queue, std::chrono::milliseconds requestTimeout = 10s)
    {
        for (const QString &id : {queue, queue + QStringLiteral("-a"), queue + QStringLiteral("-b")}) {
            ContainerOptions o;
            o.channel.requestTimeout = requestTimeout;
            containers.emplace_back(Container::createNow(Address::local(id), o).value());
        }
        recorder = new Recorder(containers[0].get());
    }
    void start(int rounds = 1)
    {
        for (int c = 1; c <= 2; ++c) {
            Container *from = containers[size_t(c)].get();
            QCoro::connect(run(from, recorder->address(), rounds), &context, [this] { ++done; });
        }
    }
    static QCoro::Task<void> run(Container *from, QString url, int rounds)
    {
        for (int i = 0; i < rounds; ++i)
            (void)co_await callAgent(from, url, QStringLiteral("record"), Value(from->baseAddress()));
    }
};

} // namespace

class tst_LocalQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { LocalQueue::clearCache(); }
    void cleanup() { LocalQueue::clearCache(); }

    void callsAcrossQueues();
    void refusedAndBusy();
    void boundAddresses();
    void rawBytesPassOn();
    void closeFailsPendingCalls();
    void framesAreTheWireBytes();
    void sameProgramSameLog();
    void steppedDeliversOnlyWhenAsked();
    void chosenOrder();
    void dropDuplicateDelay();
    void breakpoints();
    void externalClockSteppedToCompletion();
    void recordAndReplay();
    void replayOverridesASeededSchedule();
    void diffFindsDivergence();
    void jsonLinesRoundTrip();
    void jsonLinesEdgeCases();
    void jsonLinesDirectParse();
    void rawRecordingDescribesAsLive();
    void clearingTheLogKeepsReplyPaths();
    void rawRecordsThenStepping();
    void coalescedDeliveryKeepsOrder();
    void streamSocketReadsDeliveredBytes();
    void requestPathsStayBounded();
    void duplicatesKeepTheirPaths_data();
    void duplicatesKeepTheirPaths();
};

void tst_LocalQueue::callsAcrossQueues()
{
    std::unique_ptr<Container> a(Container::createNow(Address::local(QStringLiteral("a"))).value());
    std::unique_ptr<Container> b(Container::createNow(Address::local(QStringLiteral("b"))).value());
    QCOMPARE(a->baseAddress(), QStringLiteral("local://a/"));
    auto *ra = new Recorder(a.get());
    auto *rb = new Recorder(b.get());
    QCOMPARE(rb->address(), QStringLiteral("local://b/0"));
    QCOMPARE(await(callAgent(a.get(), rb->address(), QStringLiteral("record"), Value("from a"))).value(), Value(1));
    // And back, over b's own connection.
    QCOMPARE(await(callAgent(b.get(), ra->address(), QStringLiteral("record"), Value("from b"))).value(), Value(1));
    QCOMPARE(rb->calls, QStringList{QStringLiteral("from a")});
    QCOMPARE(ra->calls, QStringList{QStringLiteral("from b")});
    QCOMPARE(await(callAgent(a.get(), QStringLiteral("local://b/7"), QStringLiteral("record"), Value("x"))).error().code(),
             ErrorCode::AgentNotFound);
}

void tst_LocalQueue::refusedAndBusy()
{
    std::unique_ptr<Container> a(Container::createNow(Address::local(QStringLiteral("a"))).value());
    Result<Value> refused = await(callAgent(a.get(), QStringLiteral("local://nobody/0"), QStringLiteral("x"), Value()));
    QCOMPARE(refused.error().code(), ErrorCode::ConnectionRefused);
    QVERIFY(refused.error().message().contains(u"local://nobody"));
    Result<Container *> busy = Container::createNow(Address::local(QStringLiteral("a")));
    QVERIFY(!busy);
    QCOMPARE(busy.error().code(), ErrorCode::AddressInUse);
    // After the container is gone, the queue id can be served again.
    a.reset();
    std::unique_ptr<Container> again(Container::createNow(Address::local(QStringLiteral("a"))).value());
    QVERIFY(again);
}

// A tcp:// address bound to a queue is reached there (no socket): a call by that URL is a
// pending frame like a local:// one.
void tst_LocalQueue::boundAddresses()
{
    LocalNetwork *net = LocalNetwork::instance();
    std::unique_ptr<Container> a(Container::createNow(Address::local(QStringLiteral("a"))).value());
    std::unique_ptr<Container> b(Container::createNow(Address::local(QStringLiteral("b"))).value());
    auto *rb = new Recorder(b.get());
    QVERIFY(net->bindAddress(QStringLiteral("tcp://0.0.0.0:6000"), QStringLiteral("b")));
    QCOMPARE(net->boundQueue(QStringLiteral("tcp://127.0.0.1:6000")), QStringLiteral("b"));
    QCOMPARE(net->boundQueue(QStringLiteral("tcp://localhost:6000/")), QStringLiteral("b"));
    QVERIFY(net->boundQueue(QStringLiteral("tcp://127.0.0.1:6001")).isEmpty());
    QVERIFY(net->bindAddress(QStringLiteral("tcp://0.0.0.0:6000"), QStringLiteral("b"))); // again: no change
    QCOMPARE(net->bindAddress(QStringLiteral("tcp://0.0.0.0:6000"), QStringLiteral("a")).error().code(), ErrorCode::AddressInUse);
    QCOMPARE(net->bindAddress(QStringLiteral("local://a"), QStringLiteral("b")).error().code(), ErrorCode::InvalidAddress);
    QCOMPARE(net->bindAddress(QStringLiteral("ipc:///tmp/b.sock"), QString()).error().code(), ErrorCode::InvalidArgument);

    net->setMode(LocalNetwork::Mode::Stepped);
    QCoro::Task<Result<Value>> call = callAgent(a.get(), QStringLiteral("tcp://127.0.0.1:6000/0"), QStringLiteral("record"), Value("by tcp"));
    QTRY_COMPARE_WITH_TIMEOUT(net->pendingCount(), qsizetype(1), 10000);
    const PendingMessage request = net->pendingMessages().first();
    QCOMPARE(request.path, QStringLiteral("validate_aid")); // Container::connect() checks the agent
    QCOMPARE(request.from, QStringLiteral("local://a/"));
    QCOMPARE(request.to, QStringLiteral("local://b/0"));
    QVERIFY(rb->calls.isEmpty());
    net->setMode(LocalNetwork::Mode::FreeRunning);
    QCOMPARE(await(std::move(call)).value(), Value(1));
    QCOMPARE(rb->calls, QStringList{QStringLiteral("by tcp")});

    net->unbindAddress(QStringLiteral("tcp://0.0.0.0:6000"));
    QVERIFY(net->boundQueue(QStringLiteral("tcp://127.0.0.1:6000")).isEmpty());
    QVERIFY(net->bindAddress(QStringLiteral("ipc:///tmp/mas-b.sock"), QStringLiteral("b")));
    a.reset();
    b.reset();
    LocalQueue::clearCache(); // a fresh network forgets its bindings
    QVERIFY(net->boundQueue(QStringLiteral("ipc:///tmp/mas-b.sock")).isEmpty());
}

// Bytes that are not aiomas framing (an HTTP line, a length above the frame limit) are raw
// chunks: one pending message each, marked raw, delivered unchanged; the connection lives on.
void tst_LocalQueue::rawBytesPassOn()
{
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    QPointer<QIODevice> server;
    QVERIFY(LocalQueue::get(QStringLiteral("raw"))->setServer([&server](QIODevice *d) { server = d; },
                                                              QStringLiteral("raw server"), QStringLiteral("json")));
    std::unique_ptr<QIODevice> client(LocalQueue::get(QStringLiteral("raw"))->connectToServer(QStringLiteral("raw client"), {}).value());
    QVERIFY(server);
    std::unique_ptr<QIODevice> serverOwner(server.data());
    const QByteArray http("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(client->write(http), qint64(http.size()));
    QCOMPARE(client->write("and more"), qint64(8));
    QCOMPARE(net->pendingCount(), qsizetype(2));
    const QList<PendingMessage> pending = net->pendingMessages();
    QVERIFY(pending[0].isRaw);
    QCOMPARE(pending[0].frame, http);
    QVERIFY(pending[1].isRaw); // raw from then on
    QCOMPARE(pending[1].frame, QByteArray("and more"));
    const TrafficEvent &sent = net->eventLog().events().back();
    QVERIFY(sent.raw);
    QCOMPARE(sent.content, Value::bytes(QByteArray("and more")));
    QCOMPARE(messageLabel(sent), QStringLiteral("raw bytes: and more"));
    QVERIFY(net->step());
    QVERIFY(net->step());
    QCOMPARE(server->readAll(), http + "and more");
    QVERIFY(client->isOpen());
    QVERIFY(server->isOpen());

    // the other direction still speaks aiomas: a length beyond the limit makes it raw too
    const QByteArray frame = encodeFrame(QByteArray("[1, 0, 2]")).value();
    QCOMPARE(server->write(frame), qint64(frame.size()));
    QVERIFY(!net->pendingMessages().first().isRaw);
    const QByteArray huge = QByteArray::fromHex("ffffffff") + "xy";
    QCOMPARE(server->write(huge), qint64(huge.size()));
    QVERIFY(net->pendingMessages().last().isRaw);
    QCOMPARE(net->pendingMessages().last().frame, huge);
    QCOMPARE(messageLabel(net->eventLog().events().back()), QStringLiteral("raw bytes: ff ff ff ff 78 79"));
    QVERIFY(net->step());
    QVERIFY(net->step());
    QCOMPARE(client->readAll(), frame + huge);
    net->setMode(LocalNetwork::Mode::FreeRunning);
}

void tst_LocalQueue::closeFailsPendingCalls()
{
    std::unique_ptr<Container> a(Container::createNow(Address::local(QStringLiteral("a"))).value());
    std::unique_ptr<Container> b(Container::createNow(Address::local(QStringLiteral("b"))).value());
    auto *rb = new Recorder(b.get());
    Proxy proxy = await(a->connect(rb->address())).value();
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    std::optional<Result<Value>> result;
    QCoro::connect(proxy[QStringLiteral("record")](QStringLiteral("late")), this, [&](Result<Value> r) { result = r; });
    QTRY_COMPARE_WITH_TIMEOUT(net->pendingCount(), 1, 5000);
    // The serving container goes away with the request undelivered: its close reaches the
    // caller in order, after the request.
    b.reset();
    net->setMode(LocalNetwork::Mode::FreeRunning);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!*result);
    QVERIFY2(result->error().isConnectionError(), qPrintable(result->error().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(a->outgoingConnectionCount(), 0, 5000);
    const auto &events = net->eventLog().events();
    QVERIFY(std::any_of(events.begin(), events.end(), [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::Closed; }));
}

void tst_LocalQueue::framesAreTheWireBytes()
{
    std::unique_ptr<Container> a(Container::createNow(Address::local(QStringLiteral("a"))).value());
    std::unique_ptr<Container> b(Container::createNow(Address::local(QStringLiteral("b"))).value());
    new Recorder(b.get());
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    QObject ctx;
    QCoro::connect(a->connect(QStringLiteral("local://b/0")), &ctx, [](Result<Proxy>) {});
    QTRY_COMPARE_WITH_TIMEOUT(net->pendingCount(), 1, 5000);
    const PendingMessage m = net->pendingMessages().first();
    // Exactly what aiomas writes: validate_aid(["0"]) as request 0, JSON.
    const QByteArray payload = R"([0, 0, ["validate_aid", ["0"], {}]])";
    QCOMPARE(m.frame, encodeFrame(payload).value());
    QCOMPARE(m.size, payload.size() + 4);
    QCOMPARE(m.path, QStringLiteral("validate_aid"));
    QCOMPARE(m.from, QStringLiteral("local://a/")); // a has no agent: the container sends
    QCOMPARE(m.to, QStringLiteral("local://b/0"));  // b has one agent, which speaks for it
    QCOMPARE(m.type, MessageType::Request);
    QCOMPARE(m.requestId, 0);
    QCOMPARE(m.content().value(), Value::list({"validate_aid", Value::list({"0"}), Value::map()}));
}

void tst_LocalQueue::sameProgramSameLog()
{
    const auto runOnce = [](TrafficLog &log) {
        System system(QStringLiteral("det"));
        LocalNetwork *net = LocalNetwork::instance();
        system.start(3);
        QTRY_COMPARE_WITH_TIMEOUT(system.done, 2, 10000);
        log = net->eventLog();
        system.containers.clear();
        LocalQueue::clearCache();
    };
    TrafficLog first;
    TrafficLog second;
    runOnce(first);
    runOnce(second);
    QVERIFY(first.size() > 20);
    const std::optional<qsizetype> diff = TrafficLog::firstDifference(first, second);
    QVERIFY2(!diff, diff ? qPrintable(first.events()[size_t(*diff)].toDisplayString() + QStringLiteral(" vs ")
                                      + second.events()[size_t(*diff)].toDisplayString())
                         : "");
}

void tst_LocalQueue::steppedDeliversOnlyWhenAsked()
{
    System system(QStringLiteral("s"));
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    QSignalSpy changed(net, &LocalNetwork::pendingChanged);
    system.start();
    QTRY_COMPARE_WITH_TIMEOUT(net->pendingCount(), 2, 5000); // the two validate_aid requests
    // The documented stillness wait (the only fixed wait of this test): real time passes and
    // nothing moves by itself.
    QTest::qWait(50);
    QCOMPARE(net->pendingCount(), 2);
    QVERIFY(changed.count() >= 2);
    QVERIFY(system.recorder->calls.isEmpty());
    int steps = 0;
    while (system.done < 2 && steps < 100) {
        if (net->pendingCount() > 0) {
            QVERIFY(net->step());
            ++steps;
        }
        settle();
    }
    QCOMPARE(system.done, 2);
    // Per caller: validate_aid, its reply, record, its reply.
    QCOMPARE(steps, 8);
    QCOMPARE(system.recorder->calls.size(), 2);
    QVERIFY(!net->step()); // nothing left
}

void tst_LocalQueue::chosenOrder()
{
    for (bool reversed : {false, true}) {
        LocalQueue::clearCache();
        System system(QStringLiteral("order"));
        LocalNetwork *net = LocalNetwork::instance();
        net->setMode(LocalNetwork::Mode::Stepped);
        system.start();
        // Let both callers get their record() requests pending, then deliver them in the chosen order.
        for (int guard = 0; guard < 100; ++guard) {
            const QList<PendingMessage> pending = net->pendingMessages();
            const auto records = std::count_if(pending.begin(), pending.end(),
                                               [](const PendingMessage &m) { return m.path.endsWith(u"/record"); });
            if (records == 2)
                break;
            auto other = std::find_if(pending.begin(), pending.end(),
                                      [](const PendingMessage &m) { return !m.path.endsWith(u"/record"); });
            if (other != pending.end())
                QVERIFY(net->deliver(other->id));
            settle();
        }
        QList<PendingMessage> records = net->pendingMessages();
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].to, system.recorder->address());
        if (reversed)
            std::reverse(records.begin(), records.end());
        for (const PendingMessage &m : records)
            QVERIFY(net->deliver(m.id));
        QCOMPARE(system.recorder->calls,
                 reversed ? (QStringList{QStringLiteral("local://order-b/"), QStringLiteral("local://order-a/")})
                          : (QStringList{QStringLiteral("local://order-a/"), QStringLiteral("local://order-b/")}));
        QCOMPARE(await(net->runUntilIdle()), 2); // the two replies
        QTRY_COMPARE_WITH_TIMEOUT(system.done, 2, 5000);
    }
}

void tst_LocalQueue::dropDuplicateDelay()
{
    System system(QStringLiteral("f"), 300ms);
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    system.start();
    QTRY_COMPARE_WITH_TIMEOUT(net->pendingCount(), 2, 5000);
    // delay: the first request moves behind the second.
    QList<PendingMessage> pending = net->pendingMessages();
    QVERIFY(net->delay(pending[0].id));
    QCOMPARE(net->pendingMessages()[0].id, pending[1].id);
    QCOMPARE(net->pendingMessages()[1].id, pending[0].id);
    QCOMPARE(net->eventLog().events().back().kind, TrafficEvent::Kind::Delayed);
    QVERIFY(!net->delay(9999));

    // Bring both record() requests up.
    std::optional<PendingMessage> record = await(net->runUntil([](const PendingMessage &m) { return m.path.endsWith(u"/record"); }));
    QVERIFY(record);
    // duplicate: the handler runs twice.
    Result<quint64> copy = net->duplicate(record->id);
    QVERIFY(copy);
    QCOMPARE(net->pendingMessages()[1].id, *copy);
    QVERIFY(net->deliver(record->id));
    QVERIFY(net->deliver(*copy));
    QCOMPARE(system.recorder->calls.size(), 2);
    QCOMPARE(system.recorder->calls[0], system.recorder->calls[1]);
    // drop: the other caller's request never arrives; its call times out (300 ms) and the
    // system goes on.
    std::optional<PendingMessage> other = await(net->runUntil([&](const PendingMessage &m) {
        return m.path.endsWith(u"/record") && m.id != record->id && m.id != *copy;
    }));
    QVERIFY(other);
    QVERIFY(net->drop(other->id));
    QVERIFY(!net->pendingMessage(other->id));
    QCOMPARE(net->eventLog().events().back().kind, TrafficEvent::Kind::Dropped);
    net->setMode(LocalNetwork::Mode::FreeRunning);
    QTRY_COMPARE_WITH_TIMEOUT(system.done, 2, 5000);
    QCOMPARE(system.recorder->calls.size(), 2);
}

void tst_LocalQueue::breakpoints()
{
    System system(QStringLiteral("bp"));
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    system.start(2);
    // Break on the next message to the recorder whose method is record.
    const QString target = system.recorder->address();
    std::optional<PendingMessage> hit = await(net->runUntil([&](const PendingMessage &m) {
        return m.to == target && m.path.endsWith(u"/record");
    }));
    QVERIFY(hit);
    QCOMPARE(hit->type, MessageType::Request);
    QVERIFY(system.recorder->calls.isEmpty()); // stopped before delivering it
    QCOMPARE(net->pendingMessages().first().id, hit->id);
    // Break on a reply whose content is text.
    std::optional<PendingMessage> reply = await(net->runUntil([](const PendingMessage &m) {
        return m.type == MessageType::Result && m.path.endsWith(u"/record");
    }));
    QVERIFY(reply);
    // The other caller's record() may have gone first; the reply holds this call's position.
    QVERIFY(!system.recorder->calls.isEmpty());
    const qint64 position = reply->content().value().toInt();
    QVERIFY(position >= 1 && position <= system.recorder->calls.size());
    QCOMPARE(reply->to, system.recorder->calls[position - 1]);
    // No match: runs until idle and says so.
    QVERIFY(!await(net->runUntil([](const PendingMessage &m) { return m.path == u"nope"; })));
    QTRY_COMPARE_WITH_TIMEOUT(system.done, 2, 5000);
    QCOMPARE(system.recorder->calls.size(), 4);
}

void tst_LocalQueue::externalClockSteppedToCompletion()
{
    auto *clock = new ExternalClock(kStart);
    ContainerOptions o;
    o.ownedClock.reset(clock);
    std::unique_ptr<Container> a(Container::createNow(Address::local(QStringLiteral("ca")), std::move(o)).value());
    std::unique_ptr<Container> b(Container::createNow(Address::local(QStringLiteral("cb")))
                                     .value());
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    net->setClock(clock);
    auto *recorder = new Recorder(b.get());
    auto *ticker = new Ticker(a.get());
    QObject ctx;
    bool finished = false;
    QCoro::connect(ticker->run(recorder->address(), 5), &ctx, [&] { finished = true; });
    const int delivered = await(net->runUntilIdle(1000, true));
    QTRY_VERIFY_WITH_TIMEOUT(finished, 5000);
    QCOMPARE(ticker->ticks, 5);
    QCOMPARE(recorder->calls.size(), 5);
    QCOMPARE(clock->time(), 5.0);
    QCOMPARE(delivered, 2 + 5 * 2);
    const auto &events = net->eventLog().events();
    QCOMPARE(std::count_if(events.begin(), events.end(), [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::ClockChanged; }), 5);
    // Simulated time is on every event: the last record() arrived at t=5.
    auto last = std::find_if(events.rbegin(), events.rend(), [](const TrafficEvent &e) {
        return e.kind == TrafficEvent::Kind::Delivered && e.path.endsWith(u"/record") && e.type == MessageType::Request;
    });
    QVERIFY(last != events.rend());
    QCOMPARE(last->simTime, 5.0);
}

namespace {
/// Delivers pending frames in an order chosen by a seeded generator until both callers are done.
void runSeeded(System &system, LocalNetwork *net, quint32 seed)
{
    std::mt19937 random(seed);
    for (int guard = 0; guard < 1000 && system.done < 2; ++guard) {
        const QList<PendingMessage> pending = net->pendingMessages();
        if (!pending.isEmpty())
            (void)net->deliver(pending[qsizetype(random() % quint32(pending.size()))].id);
        settle();
    }
}
} // namespace

void tst_LocalQueue::recordAndReplay()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.jsonl"));
    QStringList recordedCalls;
    {
        System system(QStringLiteral("rr"));
        LocalNetwork *net = LocalNetwork::instance();
        net->setMode(LocalNetwork::Mode::Stepped);
        system.start(3);
        runSeeded(system, net, 7);
        QCOMPARE(system.done, 2);
        recordedCalls = system.recorder->calls;
        QVERIFY(net->eventLog().save(file));
    }
    LocalQueue::clearCache();
    const TrafficLog recorded = TrafficLog::load(file).value();
    System fresh(QStringLiteral("rr"));
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    fresh.start(3);
    Result<int> replayed = await(net->replay(recorded));
    QVERIFY2(replayed, qPrintable(replayed.error().toString()));
    QCOMPARE(*replayed, int(recorded.schedule().size()));
    QTRY_COMPARE_WITH_TIMEOUT(fresh.done, 2, 5000);
    QCOMPARE(fresh.recorder->calls, recordedCalls);
    const std::optional<qsizetype> diff = TrafficLog::firstDifference(recorded, net->eventLog());
    QVERIFY2(!diff, diff ? qPrintable(QStringLiteral("%1 / %2").arg(recorded.events()[size_t(*diff)].toDisplayString(),
                                                                    net->eventLog().events()[size_t(*diff)].toDisplayString()))
                         : "");
}

void tst_LocalQueue::replayOverridesASeededSchedule()
{
    // Two seeds give two different runs; replaying seed 1's log on a system that would follow
    // seed 2 reproduces seed 1's run exactly.
    TrafficLog logs[2];
    for (quint32 seed : {1u, 2u}) {
        LocalQueue::clearCache();
        System system(QStringLiteral("seed"));
        LocalNetwork *net = LocalNetwork::instance();
        net->setMode(LocalNetwork::Mode::Stepped);
        system.start(3);
        runSeeded(system, net, seed);
        logs[seed - 1] = net->eventLog();
    }
    QVERIFY(TrafficLog::firstDifference(logs[0], logs[1]).has_value());
    LocalQueue::clearCache();
    System system(QStringLiteral("seed"));
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    system.start(3);
    QVERIFY(await(net->replay(logs[0])));
    QCOMPARE(TrafficLog::firstDifference(logs[0], net->eventLog()), std::nullopt);
}

void tst_LocalQueue::diffFindsDivergence()
{
    System system(QStringLiteral("d"));
    LocalNetwork *net = LocalNetwork::instance();
    system.start(2);
    QTRY_COMPARE_WITH_TIMEOUT(system.done, 2, 5000);
    const TrafficLog log = net->eventLog();
    QCOMPARE(TrafficLog::firstDifference(log, log), std::nullopt);
    // An injected change at event 9 is found there; a shorter log parts at its end.
    std::vector<TrafficEvent> changed = log.events();
    changed[9].content = Value("tampered");
    QCOMPARE(TrafficLog::firstDifference(log, TrafficLog(changed)), 9);
    changed = log.events();
    changed[4].to = QStringLiteral("local://elsewhere/0");
    QCOMPARE(TrafficLog::firstDifference(TrafficLog(changed), log), 4);
    changed = log.events();
    changed.resize(12);
    QCOMPARE(TrafficLog::firstDifference(log, TrafficLog(changed)), 12);
    // Wall time does not count.
    changed = log.events();
    changed[3].wallTimeMs += 1000;
    QCOMPARE(TrafficLog::firstDifference(log, TrafficLog(changed)), std::nullopt);
}

void tst_LocalQueue::jsonLinesRoundTrip()
{
    System system(QStringLiteral("j"));
    LocalNetwork *net = LocalNetwork::instance();
    system.start(1);
    QTRY_COMPARE_WITH_TIMEOUT(system.done, 2, 5000);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("log.jsonl"));
    QVERIFY(net->eventLog().save(file));
    const TrafficLog loaded = TrafficLog::load(file).value();
    QCOMPARE(loaded.size(), net->eventLog().size());
    for (qsizetype i = 0; i < loaded.size(); ++i) {
        QVERIFY(loaded.events()[size_t(i)].sameAs(net->eventLog().events()[size_t(i)]));
        QCOMPARE(loaded.events()[size_t(i)].wallTimeMs, net->eventLog().events()[size_t(i)].wallTimeMs);
    }
    // One JSON object per line, readable by anything.
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), loaded.size());
    QVERIFY(lines.first().startsWith("{\"seq\": 0, \"kind\": \"connected\""));
    // A broken line is reported with its number.
    QTemporaryFile broken;
    QVERIFY(broken.open());
    broken.write(lines[0] + "\n{not json\n");
    broken.close();
    Result<TrafficLog> bad = TrafficLog::load(broken.fileName());
    QVERIFY(!bad);
    QVERIFY2(bad.error().message().contains(u"line 2"), qPrintable(bad.error().message()));
}

// Logs someone else wrote (found by fuzz_event_log): what is read writes back the same.
void tst_LocalQueue::jsonLinesEdgeCases()
{
    const auto read = [](const QByteArray &text) {
        QBuffer buffer;
        buffer.setData(text);
        buffer.open(QIODevice::ReadOnly);
        return TrafficLog::read(&buffer);
    };
    const auto roundTrip = [&read](const TrafficLog &log) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (!log.write(&buffer))
            return TrafficLog();
        return read(buffer.data()).value();
    };

    // A first event whose content has a "mas-session" key is an event, not a session header.
    const TrafficLog withKey = read("{\"seq\": 0, \"kind\": \"sent\", \"content\": {\"mas-session\": 1}}\n").value();
    QCOMPARE(withKey.size(), qsizetype(1));
    QCOMPARE(withKey.events()[0].content, Value::map({{"mas-session", 1}}));
    QCOMPARE(TrafficLog::firstDifference(roundTrip(withKey), withKey), std::nullopt);
    const TrafficLog session = read("{\"mas-session\": 1, \"demo\": \"echo\"}\n{\"seq\": 0, \"kind\": \"closed\"}\n").value();
    QCOMPARE(session.size(), qsizetype(1));
    QCOMPARE(session.events()[0].kind, TrafficEvent::Kind::Closed);

    // Ids above INT64_MAX come back as written.
    TrafficEvent big;
    big.kind = TrafficEvent::Kind::Duplicated;
    big.sequence = std::numeric_limits<quint64>::max();
    big.messageId = quint64(1) << 63;
    big.originalId = std::numeric_limits<quint64>::max() - 1;
    big.connection = quint64(1) << 63;
    const TrafficLog bigLog({big});
    const TrafficLog bigBack = roundTrip(bigLog);
    QCOMPARE(bigBack.events()[0].sequence, big.sequence);
    QCOMPARE(bigBack.events()[0].messageId, big.messageId);
    QCOMPARE(bigBack.events()[0].originalId, big.originalId);
    QCOMPARE(TrafficLog::firstDifference(bigBack, bigLog), std::nullopt);

    // A NaN time equals itself, so a log does not differ from itself.
    const TrafficLog nan = read("{\"seq\": 0, \"kind\": \"clockchanged\", \"sim\": NaN}\n").value();
    QVERIFY(std::isnan(nan.events()[0].simTime));
    QVERIFY(nan.events()[0].sameAs(nan.events()[0]));
    QCOMPARE(TrafficLog::firstDifference(nan, nan), std::nullopt);

    // "orig" and "pos" belong to duplicated and delayed events only, as the writer has them.
    const TrafficLog extra = read("{\"seq\": 1, \"kind\": \"sent\", \"orig\": 4, \"pos\": 3}\n"
                                "{\"seq\": 2, \"kind\": \"delayed\", \"orig\": 4, \"pos\": 3}\n").value();
    QCOMPARE(extra.events()[0].originalId, quint64(0));
    QCOMPARE(extra.events()[0].positions, qint64(0));
    QCOMPARE(extra.events()[1].originalId, quint64(0));
    QCOMPARE(extra.events()[1].positions, qint64(3));
    QCOMPARE(TrafficLog::firstDifference(roundTrip(extra), extra), std::nullopt);
}

// TrafficEvent::fromJson() reads toJson()'s lines directly and leaves the rest to
// fromJsonGeneral(): both give the same event, or both an error.
void tst_LocalQueue::jsonLinesDirectParse()
{
    const auto same = [](const QByteArray &line) {
        const Result<TrafficEvent> direct = TrafficEvent::fromJson(line);
        const Result<TrafficEvent> general = TrafficEvent::fromJsonGeneral(line);
        if (bool(direct) != bool(general))
            return false;
        if (!direct)
            return direct.error().code() == general.error().code();
        return direct->sameAs(*general) && direct->wallTimeMs == general->wallTimeMs;
    };

    // Events of every kind and field, written by toJson().
    std::vector<TrafficEvent> events;
    for (int k = 0; k <= int(TrafficEvent::Kind::ClockChanged); ++k) {
        TrafficEvent e;
        e.sequence = quint64(k) * 1000 + 7;
        e.kind = TrafficEvent::Kind(k);
        e.simTime = k * 0.1 - 0.25;
        e.wallTimeMs = 1'700'000'000'000 + k;
        e.messageId = quint64(k) + (k == 3 ? (quint64(1) << 63) : 0);
        e.originalId = e.kind == TrafficEvent::Kind::Duplicated ? 41 : 0; // as toJson() keeps them
        e.connection = quint64(k % 3);
        e.from = QStringLiteral("local://q/%1").arg(k);
        e.to = k == 2 ? QStringLiteral("tcp://ünïcode:5555/0") : QStringLiteral("local://q/0");
        e.type = MessageType(k % 3);
        e.requestId = k - 1;
        e.path = k == 4 ? QStringLiteral("a \"quoted\"\tpath") : QStringLiteral("agents/%1/m").arg(k);
        e.size = 48 + k;
        e.positions = e.kind == TrafficEvent::Kind::Delayed ? 2 : 0;
        e.raw = k == 5;
        e.halfClose = k == 6;
        switch (k % 4) {
        case 0:
            e.content = Value::list({"agents/0/m", Value::list({1, 2.5, "x", Value()}), Value::map({{"k", true}})});
            break;
        case 1:
            e.content = Value::bytes(QByteArray("\x00\x01raw", 5));
            break;
        case 2:
            e.content = Value::map({{"nested", Value::list({Value::bytes("ab"), Value::map({{"$bytes", 3}})})}});
            break;
        default:
            e.content = Value(QStringLiteral("a string, with {brackets] and \"quotes\""));
            break;
        }
        events.push_back(e);
    }
    TrafficEvent clock;
    clock.kind = TrafficEvent::Kind::ClockChanged;
    clock.simTime = 1e300;
    events.push_back(clock);
    for (const TrafficEvent &e : events) {
        const QByteArray line = e.toJson();
        const Result<TrafficEvent> back = TrafficEvent::fromJson(line);
        QVERIFY2(back, line.constData());
        QVERIFY2(back->sameAs(e), line.constData());
        QVERIFY2(same(line), line.constData());
    }

    // Lines written by someone else: other orders, spacing, missing and repeated keys, other
    // types, and broken ones.
    const QByteArray lines[] = {
        "{\"kind\": \"sent\"}",
        "  {\"kind\":\"delivered\",\"seq\":3,\"content\":[1,2,{\"a\":[]}]}  ",
        "{\"seq\": 1, \"kind\": \"sent\", \"seq\": 2}",
        "{\"seq\": 1, \"kind\": \"sent\", \"kind\": \"dropped\"}",
        "{\"seq\": -1, \"kind\": \"sent\", \"rid\": 18446744073709551615}",
        "{\"seq\": 1.5, \"kind\": \"sent\"}",
        "{\"seq\": 1, \"kind\": \"sent\", \"sim\": 3}",
        "{\"seq\": 1, \"kind\": \"sent\", \"sim\": -Infinity}",
        "{\"seq\": 1, \"kind\": \"sent\", \"sim\": 1e999}",
        "{\"seq\": 1, \"kind\": \"sent\", \"sim\": 123456789012345678901234567890}",
        "{\"seq\": 1, \"kind\": \"sent\", \"from\": \"a\\u0041\", \"to\": 5}",
        "{\"seq\": 1, \"kind\": \"sent\", \"raw\": 1, \"half\": null}",
        "{\"seq\": 1, \"kind\": \"sent\", \"unknown\": [1, 2]}",
        "{\"seq\": 1, \"kind\": \"sent\", \"content\": {\"\\u0024bytes\": \"6162\"}}",
        "{\"seq\": 1, \"kind\": \"sent\", \"content\": {\"$bytes\": \"6162\"}}",
        "{\"seq\": 1, \"kind\": \"sent\", \"content\": \"unterminated}",
        "{\"seq\": 1, \"kind\": \"sent\", \"content\": [1, 2}",
        "{\"seq\": 1, \"kind\": \"sent\", \"content\": 12 }",
        "{\"seq\": 1, \"kind\": \"sent\", \"content\": nul}",
        "{\"seq\": 01, \"kind\": \"sent\"}",
        "{\"seq\": 1, \"kind\": \"sent\"} trailing",
        "{\"seq\": 1, \"kind\": \"nonsense\"}",
        "{\"seq\": 1}",
        "[1, 2]",
        "{\"seq\": 1, \"kind\": \"sent\",}",
        "",
    };
    for (const QByteArray &line : lines)
        QVERIFY2(same(line), line.constData());
    QVERIFY(!TrafficEvent::fromJson("{\"seq\": 1, \"kind\": \"nonsense\"}"));
    QCOMPARE(TrafficEvent::fromJson("{\"kind\": \"sent\", \"content\": {\"$bytes\": \"6162\"}}")->content,
             Value::bytes("ab"));

    // A log read in blocks: lines across block boundaries, the last without its newline.
    std::vector<TrafficEvent> many;
    for (int i = 0; i < 20000; ++i) {
        TrafficEvent e = events[size_t(i) % events.size()];
        e.sequence = quint64(i);
        many.push_back(e);
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(TrafficLog(many).write(&buffer));
    QByteArray text = buffer.data();
    text.chop(1);
    buffer.close();
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    const Result<TrafficLog> read = TrafficLog::read(&buffer);
    QVERIFY(read);
    QCOMPARE(TrafficLog::firstDifference(*read, TrafficLog(many)), std::nullopt);
}

QTEST_GUILESS_MAIN(tst_LocalQueue)
namespace {
/// The events of a log by (kind, message id), for logs whose interleaving may differ.
std::map<std::pair<int, quint64>, TrafficEvent> byMessage(const TrafficLog &log)
{
    std::map<std::pair<int, quint64>, TrafficEvent> events;
    for (const TrafficEvent &e : log.events())
        events[{int(e.kind), e.kind == TrafficEvent::Kind::Connected ? e.connection : e.messageId}] = e;
    return events;
}
} // namespace

void tst_LocalQueue::rawRecordingDescribesAsLive()
{
    // The same free-running run twice: with a listener of eventRecorded() each event is built
    // (described, decoded) as it happens; without, it is kept raw and described when the log is
    // read. The events must be the same (the interleaving may differ: see LocalNetwork).
    TrafficLog logs[2];
    for (int listened : {1, 0}) {
        LocalQueue::clearCache();
        LocalNetwork *net = LocalNetwork::instance();
        QObject listener;
        std::vector<TrafficEvent> emitted;
        if (listened)
            connect(net, &LocalNetwork::eventRecorded, &listener, [&emitted](const TrafficEvent &e) { emitted.push_back(e); });
        System system(QStringLiteral("raw"));
        system.start(3);
        QTRY_COMPARE_WITH_TIMEOUT(system.done, 2, 10000);
        logs[listened] = net->eventLog();
        if (listened) {
            QCOMPARE(qsizetype(emitted.size()), logs[listened].size());
            QCOMPARE(TrafficLog::firstDifference(TrafficLog(emitted), logs[listened]), std::nullopt);
        }
        system.containers.clear();
    }
    QCOMPARE(logs[0].size(), logs[1].size());
    const auto raw = byMessage(logs[0]);
    const auto live = byMessage(logs[1]);
    QCOMPARE(raw.size(), live.size());
    int replies = 0;
    for (const auto &[key, r] : raw) {
        const auto l = live.find(key);
        QVERIFY2(l != live.end(), qPrintable(r.toDisplayString()));
        const TrafficEvent &e = l->second;
        QVERIFY2(r.from == e.from && r.to == e.to && r.type == e.type && r.requestId == e.requestId
                     && r.path == e.path && r.size == e.size && r.connection == e.connection && r.content == e.content,
                 qPrintable(r.toDisplayString() + QStringLiteral(" / ") + e.toDisplayString()));
        if (r.kind == TrafficEvent::Kind::Sent && r.type == MessageType::Result && r.path.endsWith(u"/record")) {
            ++replies;
            QCOMPARE(r.from, QStringLiteral("local://raw/0"));
        }
    }
    QCOMPARE(replies, 6); // two callers, three rounds: each reply named after its request
    // Sequence numbers follow the order of the log.
    for (qsizetype i = 0; i < logs[0].size(); ++i)
        QCOMPARE(logs[0].events()[size_t(i)].sequence, quint64(i));
}

void tst_LocalQueue::clearingTheLogKeepsReplyPaths()
{
    LocalNetwork *net = LocalNetwork::instance();
    std::optional<Request> held;
    std::unique_ptr<ChannelServer> server(startServer(Address::local(QStringLiteral("clr")), [&held](Channel *channel) {
        connect(channel, &Channel::requestReceived, channel, [channel, &held] { held = channel->takeRequest(); });
    }).value());
    std::unique_ptr<Channel> client = await(mas::openConnection(server->address())).value();
    std::optional<Result<Value>> reply;
    QCoro::connect(client->send(Value::list({"add", Value::list({1, 2}), Value::map()})), this,
                   [&reply](Result<Value> r) { reply = r; });
    QTRY_VERIFY_WITH_TIMEOUT(held.has_value(), 5000);
    // The request's events, kept raw, go; the reply still answers a request with a path.
    net->clearEventLog();
    QVERIFY(net->eventLog().isEmpty());
    QVERIFY(held->reply(Value(3)));
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
    QCOMPARE(reply->value(), Value(3));
    const auto &events = net->eventLog().events();
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[0].kind, TrafficEvent::Kind::Sent);
    QCOMPARE(events[0].type, MessageType::Result);
    QCOMPARE(events[0].path, QStringLiteral("add"));
    QCOMPARE(events[0].content, Value(3));
    QCOMPARE(events[1].kind, TrafficEvent::Kind::Delivered);
    QCOMPARE(events[1].path, QStringLiteral("add"));
    QCOMPARE(events[1].messageId, events[0].messageId);
}

void tst_LocalQueue::rawRecordsThenStepping()
{
    // Frames recorded raw while free-running, then the network stepped: the pending list and
    // the events of the steps describe them as if they had been described live.
    LocalNetwork *net = LocalNetwork::instance();
    std::vector<Request> held;
    std::unique_ptr<ChannelServer> server(startServer(Address::local(QStringLiteral("mix")), [&held](Channel *channel) {
        connect(channel, &Channel::requestReceived, channel, [channel, &held] {
            while (std::optional<Request> r = channel->takeRequest())
                held.push_back(*r);
        });
    }).value());
    std::unique_ptr<Channel> client = await(mas::openConnection(server->address())).value();
    net->clearEventLog();
    QObject context;
    QCoro::connect(client->send(Value::list({"first", Value::list({}), Value::map()})), &context, [](Result<Value>) {});
    QCoro::connect(client->send(Value::list({"second", Value::list({}), Value::map()})), &context, [](Result<Value>) {});
    // Written, kept raw, not yet delivered (the network delivers from the event loop).
    QCOMPARE(net->pendingCount(), 2);
    net->setMode(LocalNetwork::Mode::Stepped);
    const QList<PendingMessage> pending = net->pendingMessages();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending[0].path, QStringLiteral("first"));
    QCOMPARE(pending[1].path, QStringLiteral("second"));
    QCOMPARE(pending[0].type, MessageType::Request);
    QVERIFY(!pending[0].to.isEmpty() && pending[0].to != pending[0].from);
    const quint64 copy = net->duplicate(pending[1].id).value();
    QVERIFY(net->step());
    QVERIFY(net->deliver(copy));
    QVERIFY(net->step());
    QTRY_COMPARE_WITH_TIMEOUT(held.size(), size_t(3), 5000);
    const auto &events = net->eventLog().events();
    QCOMPARE(events.size(), size_t(6)); // two Sent (raw), Duplicated, three Delivered
    QCOMPARE(events[0].kind, TrafficEvent::Kind::Sent);
    QCOMPARE(events[0].path, QStringLiteral("first"));
    QCOMPARE(events[0].content, Value::list({"first", Value::list({}), Value::map()}));
    QCOMPARE(events[1].path, QStringLiteral("second"));
    QCOMPARE(events[2].kind, TrafficEvent::Kind::Duplicated);
    QCOMPARE(events[2].messageId, copy);
    QCOMPARE(events[2].originalId, pending[1].id);
    QCOMPARE(events[2].content, Value::list({"second", Value::list({}), Value::map()}));
    for (size_t i = 3; i < 6; ++i) {
        QCOMPARE(events[i].kind, TrafficEvent::Kind::Delivered);
        QCOMPARE(events[i].from, events[0].from);
        QCOMPARE(events[i].to, events[0].to);
    }
    QCOMPARE(events[3].path, QStringLiteral("first"));
    QCOMPARE(events[4].path, QStringLiteral("second"));
    QCOMPARE(events[4].messageId, copy);
    QCOMPARE(events[5].path, QStringLiteral("second"));
    for (size_t i = 0; i < events.size(); ++i)
        QCOMPARE(events[i].sequence, events[0].sequence + i);
}

void tst_LocalQueue::coalescedDeliveryKeepsOrder()
{
    // Free-running, the frames waiting for one receiver reach it in one go: every request is
    // answered, in order, and the log (raw) holds a Sent and a Delivered event for each frame.
    LocalNetwork *net = LocalNetwork::instance();
    std::unique_ptr<ChannelServer> server(startServer(Address::local(QStringLiteral("burst")), [](Channel *channel) {
        connect(channel, &Channel::requestReceived, channel, [channel] {
            while (std::optional<Request> r = channel->takeRequest())
                QVERIFY(r->reply(r->content()));
        });
    }).value());
    std::unique_ptr<Channel> client = await(mas::openConnection(server->address())).value();
    net->clearEventLog();
    constexpr int kRequests = 50;
    std::vector<qint64> answers;
    QObject context;
    for (int i = 0; i < kRequests; ++i)
        QCoro::connect(client->send(Value(qint64(i))), &context, [&answers](Result<Value> r) {
            answers.push_back(r ? r->toInt() : -1);
        });
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), size_t(kRequests), 5000);
    for (int i = 0; i < kRequests; ++i)
        QCOMPARE(answers[size_t(i)], qint64(i));
    const auto &events = net->eventLog().events();
    QCOMPARE(events.size(), size_t(4 * kRequests));
    // A run's Delivered events are kept as one record: each still tells its frame's size, ends
    // and path, as its Sent event does, numbered in the log's order.
    std::map<quint64, const TrafficEvent *> sent; // message id -> its Sent event, until Delivered
    int delivered = 0;
    for (size_t i = 0; i < events.size(); ++i) {
        const TrafficEvent &e = events[i];
        QCOMPARE(e.sequence, events[0].sequence + i);
        QVERIFY(e.wallTimeMs > 0);
        if (e.kind == TrafficEvent::Kind::Sent) {
            QVERIFY(!sent.contains(e.messageId));
            sent[e.messageId] = &e;
            continue;
        }
        QCOMPARE(e.kind, TrafficEvent::Kind::Delivered);
        const auto s = sent.find(e.messageId);
        QVERIFY2(s != sent.end(), qPrintable(e.toDisplayString()));
        const TrafficEvent &from = *s->second;
        QVERIFY2(e.size == from.size && e.size > 0 && e.from == from.from && e.to == from.to && e.path == from.path
                     && e.type == from.type && e.requestId == from.requestId && e.connection == from.connection,
                 qPrintable(e.toDisplayString() + QStringLiteral(" / ") + from.toDisplayString()));
        QVERIFY(e.wallTimeMs >= from.wallTimeMs);
        sent.erase(s);
        ++delivered;
    }
    QCOMPARE(delivered, 2 * kRequests);
    QVERIFY(sent.empty());
}

// What a channel reads a LocalQueue end with (StreamSocket::read(), which takes the delivered
// buffer over when all of it is read): the same bytes as QIODevice::read() gives, whole or in
// parts; many frames written in one turn (more than the pending ring keeps, their buffers
// recycled) arrive complete and in order.
void tst_LocalQueue::streamSocketReadsDeliveredBytes()
{
    LocalNetwork *net = LocalNetwork::instance();
    QPointer<QIODevice> server;
    QVERIFY(LocalQueue::get(QStringLiteral("take"))->setServer([&server](QIODevice *d) { server = d; },
                                                               QStringLiteral("take server"), QStringLiteral("json")));
    std::unique_ptr<QIODevice> client(
        LocalQueue::get(QStringLiteral("take"))->connectToServer(QStringLiteral("take client"), {}).value());
    QVERIFY(server);
    std::unique_ptr<QIODevice> serverOwner(server.data());
    StreamSocket socket(server);
    QByteArray received;
    connect(server, &QIODevice::readyRead, this, [&] {
        // Half of what is there, then the rest: a part is copied, the rest taken over.
        const qint64 available = server->bytesAvailable();
        received += socket.read(available / 2);
        received += socket.read(server->bytesAvailable());
    });

    const QByteArray one = encodeFrame(QByteArray("[0, 1, [\"a\", [], {}]]")).value();
    QCOMPARE(client->write(one), qint64(one.size()));
    QTRY_COMPARE_WITH_TIMEOUT(received, one, 5000);

    received.clear();
    QByteArray expected;
    constexpr int kFrames = 3000;
    for (int i = 0; i < kFrames; ++i) {
        const QByteArray frame = encodeFrame(QStringLiteral("[0, %1, [\"f\", [], {}]]").arg(i).toUtf8()).value();
        expected += frame;
        QCOMPARE(client->write(frame), qint64(frame.size()));
    }
    QCOMPARE(net->pendingCount(), qsizetype(kFrames));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), expected.size(), 10000);
    QCOMPARE(received, expected);
    QCOMPARE(net->pendingCount(), qsizetype(0));
    QCOMPARE(socket.read(100), QByteArray());
}

namespace {
/// A server on queue `queue` that answers every request with its content.
std::unique_ptr<ChannelServer> echoServer(const QString &queue)
{
    return std::unique_ptr<ChannelServer>(startServer(Address::local(queue), [](Channel *channel) {
        QObject::connect(channel, &Channel::requestReceived, channel, [channel] {
            while (std::optional<Request> r = channel->takeRequest())
                (void)r->reply(r->content());
        });
    }).value());
}

Value rpcCall(const QString &path, qint64 argument)
{
    return Value::list({path, Value::list({argument}), Value::map()});
}
} // namespace

void tst_LocalQueue::requestPathsStayBounded()
{
    // A long free-running run on one connection, recorded raw: the book that names replies
    // after their requests holds the recently answered requests, not every request of the
    // run, and every reply still has its request's path.
    LocalNetwork *net = LocalNetwork::instance();
    std::unique_ptr<ChannelServer> server = echoServer(QStringLiteral("long"));
    std::unique_ptr<Channel> client = await(mas::openConnection(server->address())).value();
    constexpr int kBatches = 50;
    constexpr int kBatch = 500; // 25,000 request/reply pairs
    int answered = 0;
    QObject context;
    for (int b = 0; b < kBatches; ++b) {
        for (int i = 0; i < kBatch; ++i)
            QCoro::connect(client->send(rpcCall(QStringLiteral("agents/0/step"), b * kBatch + i)), &context,
                           [&answered](Result<Value> r) { answered += r ? 1 : 0; });
        QTRY_COMPARE_WITH_TIMEOUT(answered, (b + 1) * kBatch, 10000);
        int replies = 0;
        for (const TrafficEvent &e : net->eventLog().events()) {
            if (e.type != MessageType::Result)
                continue;
            ++replies;
            QCOMPARE(e.path, QStringLiteral("agents/0/step"));
        }
        QCOMPARE(replies, 2 * kBatch); // Sent and Delivered
        QVERIFY2(net->heldRequestPaths() <= RequestPaths::kAnsweredKept,
                 qPrintable(QString::number(net->heldRequestPaths())));
        net->clearEventLog();
    }
    // Only the client sent requests, all answered: the book is its way's recent answers.
    QCOMPARE(net->heldRequestPaths(), RequestPaths::kAnsweredKept);
}

void tst_LocalQueue::duplicatesKeepTheirPaths_data()
{
    QTest::addColumn<bool>("raw");
    QTest::newRow("stepped") << false; // described as the frames are sent
    QTest::newRow("raw") << true;      // free-running, recorded raw, described when the log is read
}

void tst_LocalQueue::duplicatesKeepTheirPaths()
{
    // A duplicated request is answered twice, and a reply is duplicated: every reply's events
    // name the request's path, through the network's own duplicate().
    QFETCH(bool, raw);
    LocalNetwork *net = LocalNetwork::instance();
    std::unique_ptr<ChannelServer> server = echoServer(QStringLiteral("dup"));
    std::unique_ptr<Channel> client = await(mas::openConnection(server->address())).value();
    net->clearEventLog();
    if (!raw)
        net->setMode(LocalNetwork::Mode::Stepped);
    std::optional<Result<Value>> reply;
    QObject context;
    QCoro::connect(client->send(rpcCall(QStringLiteral("agents/0/bid"), 7)), &context,
                   [&reply](Result<Value> r) { reply = r; });
    // Written, not yet delivered (free-running, the network delivers from the event loop).
    QCOMPARE(net->pendingCount(), 1);
    const PendingMessage request = net->pendingMessages().constFirst();
    QCOMPARE(request.path, QStringLiteral("agents/0/bid"));
    const Result<quint64> copy = net->duplicate(request.id);
    QVERIFY(copy);
    // A second request, dropped: it will never be answered, and the book forgets it.
    QCoro::connect(client->send(rpcCall(QStringLiteral("agents/0/lost"), 8)), &context, [](Result<Value>) {});
    QCOMPARE(net->pendingCount(), 3);
    const PendingMessage lost = net->pendingMessages().constLast();
    QCOMPARE(lost.path, QStringLiteral("agents/0/lost"));
    QVERIFY(net->duplicate(lost.id));
    QVERIFY(net->drop(lost.id));
    QVERIFY(net->drop(net->pendingMessages().constLast().id));
    if (raw) {
        // The first reply is duplicated as soon as it is pending.
        bool copied = false;
        connect(net, &LocalNetwork::pendingChanged, &context, [&] {
            if (copied)
                return;
            for (const PendingMessage &m : net->pendingMessages()) {
                if (m.type == MessageType::Result) {
                    copied = true;
                    QVERIFY(net->duplicate(m.id));
                    return;
                }
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(copied && net->isIdle(), 5000);
    } else {
        QVERIFY(net->deliver(request.id));
        QVERIFY(net->deliver(*copy));
        QTRY_COMPARE_WITH_TIMEOUT(net->pendingCount(), 2, 5000); // the request and its copy: two replies
        QVERIFY(net->duplicate(net->pendingMessages().constFirst().id));
        // The three replies (the client closes the connection at the copy's reply, whose
        // request it had done with: a close follows).
        QVERIFY(await(net->runUntilIdle()) >= 3);
    }
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
    QCOMPARE(reply->value(), rpcCall(QStringLiteral("agents/0/bid"), 7));
    std::map<TrafficEvent::Kind, int> replyEvents;
    for (const TrafficEvent &e : net->eventLog().events()) {
        if (e.type != MessageType::Result)
            continue;
        ++replyEvents[e.kind];
        QVERIFY2(e.path == u"agents/0/bid", qPrintable(e.toDisplayString()));
    }
    QCOMPARE(replyEvents[TrafficEvent::Kind::Sent], 2);
    QCOMPARE(replyEvents[TrafficEvent::Kind::Duplicated], 1);
    QCOMPARE(replyEvents[TrafficEvent::Kind::Delivered], 3);
    // The answered request stays among the recent answers; the dropped one is gone.
    QCOMPARE(net->heldRequestPaths(), 1);
}

#include "tst_localqueue.moc"
