// SPDX-License-Identifier: MIT
// TrafficMonitor and MonitorService over real transports: containers on 127.0.0.1 and on Unix
// sockets in a temporary directory, watched in-process (both ends) and from outside (one end).

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/observe/monitorservice.h>
#include <mas/observe/trafficmonitor.h>
#include <mas/rpc/rpcclient.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <QCoro/QCoroTimer>

using namespace mas;
using namespace mas::rpc;
using namespace std::chrono_literals;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

class EchoAgent : public Agent
{
public:
    explicit EchoAgent(Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("echo"), [](const Value &v) { return v; }, {QStringLiteral("value")});
        router().expose(QStringLiteral("fail"), []() -> Result<Value> {
            return Error(ErrorCode::RemoteException, QStringLiteral("ValueError: no"));
        });
        router().expose(QStringLiteral("relay"), [this](const QString &url, const Value &v) -> QCoro::Task<Result<Value>> {
            Result<Proxy> peer = co_await connectTo(url);
            if (!peer)
                co_return peer.error();
            co_return co_await (*peer)[QStringLiteral("echo")](v);
        });
    }
};

using Events = std::vector<TrafficEvent>;

Events messages(const Events &all)
{
    Events result;
    for (const TrafficEvent &e : all) {
        if (e.kind == TrafficEvent::Kind::Sent || e.kind == TrafficEvent::Kind::Delivered)
            result.push_back(e);
    }
    return result;
}

/// Every message is sent once, then delivered once, with the same description.
void checkPairs(const Events &all)
{
    QHash<quint64, TrafficEvent> sent;
    QSet<quint64> delivered;
    for (const TrafficEvent &e : all) {
        if (e.kind == TrafficEvent::Kind::Sent) {
            QVERIFY2(!sent.contains(e.messageId), qPrintable(e.toDisplayString()));
            sent.insert(e.messageId, e);
        } else if (e.kind == TrafficEvent::Kind::Delivered) {
            QVERIFY2(sent.contains(e.messageId), qPrintable(e.toDisplayString()));
            QVERIFY2(!delivered.contains(e.messageId), qPrintable(e.toDisplayString()));
            delivered.insert(e.messageId);
            const TrafficEvent &s = sent[e.messageId];
            QCOMPARE(e.from, s.from);
            QCOMPARE(e.to, s.to);
            QCOMPARE(e.path, s.path);
            QCOMPARE(e.type, s.type);
            QCOMPARE(e.requestId, s.requestId);
        }
    }
    QCOMPARE(delivered.size(), sent.size());
}

const TrafficEvent *find(const Events &events, TrafficEvent::Kind kind, const QString &path, MessageType type)
{
    for (const TrafficEvent &e : events) {
        if (e.kind == kind && e.path == path && e.type == type)
            return &e;
    }
    return nullptr;
}

} // namespace

class TestTrafficMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothEndsInProcess_data();
    void bothEndsInProcess();
    void remoteClient();
    void remoteServer();
    void failureAndClose();
    void ringBuffer();
    void monitorServiceLongPoll();
    void monitorServiceInfoAndErrors();

private:
    Address serverAddress(const QString &kind, const QString &name)
    {
        if (kind == u"tcp")
            return Address::tcp(QStringLiteral("127.0.0.1"), 0);
        return Address::ipc(m_dir.filePath(name));
    }
    QTemporaryDir m_dir;
};

void TestTrafficMonitor::bothEndsInProcess_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("tcp") << QStringLiteral("tcp");
    QTest::newRow("unix") << QStringLiteral("unix");
}

void TestTrafficMonitor::bothEndsInProcess()
{
    QFETCH(QString, transport);
    Container *a = Container::createNow(serverAddress(transport, QStringLiteral("a-") + QLatin1String(QTest::currentDataTag()))).value();
    Container *b = Container::createNow(serverAddress(transport, QStringLiteral("b-") + QLatin1String(QTest::currentDataTag()))).value();
    auto *alice = new EchoAgent(a);
    auto *bob = new EchoAgent(b);
    TrafficMonitor monitor;
    monitor.watch(a);
    monitor.watch(b);
    QSignalSpy recorded(&monitor, &TrafficMonitor::eventRecorded);

    // A client outside both containers asks alice to relay to bob: alice connects to bob.
    auto client = await(rpc::openConnection(a->address())).value();
    Result<Value> r = await(client->call(QStringLiteral("agents/0/relay"), {Value(bob->address()), Value(42)}));
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(r->toInt(), 42);
    QTRY_VERIFY(monitor.eventLog().size() >= 14);

    const Events all = monitor.eventLog().events();
    QCOMPARE(qsizetype(all.size()), recorded.size());
    checkPairs(all);
    const Events msgs = messages(all);
    // relay request + reply from the outside client (seen at a only: 4 events), then
    // validate_aid and echo between alice and bob (4 messages: 8 events).
    QCOMPARE(msgs.size(), size_t(12));

    // alice -> bob: one message, sent at a and delivered at b, named agent to agent.
    const TrafficEvent *echoSent = find(all, TrafficEvent::Kind::Sent, QStringLiteral("agents/0/echo"), MessageType::Request);
    QVERIFY(echoSent);
    QCOMPARE(echoSent->from, alice->address());
    QCOMPARE(echoSent->to, bob->address());
    QCOMPARE(echoSent->content.at(1).at(0).toInt(), 42);
    const TrafficEvent *echoReply = find(all, TrafficEvent::Kind::Delivered, QStringLiteral("agents/0/echo"), MessageType::Result);
    QVERIFY(echoReply);
    QCOMPARE(echoReply->from, bob->address());
    QCOMPARE(echoReply->to, alice->address());
    QVERIFY(echoReply->sequence > echoSent->sequence);
    // Delivered after sent, and the reply after the request's delivery.
    const TrafficEvent *echoDelivered = find(all, TrafficEvent::Kind::Delivered, QStringLiteral("agents/0/echo"), MessageType::Request);
    QVERIFY(echoDelivered && echoDelivered->messageId == echoSent->messageId);
    const TrafficEvent *replySent = find(all, TrafficEvent::Kind::Sent, QStringLiteral("agents/0/echo"), MessageType::Result);
    QVERIFY(replySent && replySent->sequence > echoDelivered->sequence);
    // The connection alice opened is announced once, from alice to bob's container.
    qsizetype connected = 0;
    for (const TrafficEvent &e : all)
        connected += e.kind == TrafficEvent::Kind::Connected && e.from == alice->address() ? 1 : 0;
    QCOMPARE(connected, 1);

    client.reset();
    delete a;
    delete b;
}

void TestTrafficMonitor::remoteClient()
{
    Container *b = Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value();
    auto *bob = new EchoAgent(b);
    TrafficMonitor monitor;
    monitor.watch(b);
    auto client = await(rpc::openConnection(b->address())).value();
    QVERIFY(await(client->call(QStringLiteral("agents/0/echo"), {Value(QStringLiteral("hi"))})));
    QTRY_COMPARE(monitor.eventLog().size(), 5);
    const Events all = monitor.eventLog().events();
    checkPairs(all);
    QCOMPARE(all[0].kind, TrafficEvent::Kind::Connected);
    const QString clientName = all[0].from;
    QVERIFY2(clientName.startsWith(u"tcp://127.0.0.1:"), qPrintable(clientName));
    QCOMPARE(all[0].to, bob->address());
    // Seen at one end only: sent and delivered together, in order.
    QCOMPARE(all[1].kind, TrafficEvent::Kind::Sent);
    QCOMPARE(all[2].kind, TrafficEvent::Kind::Delivered);
    QCOMPARE(all[1].from, clientName);
    QCOMPARE(all[1].to, bob->address());
    QCOMPARE(all[1].path, QStringLiteral("agents/0/echo"));
    QCOMPARE(all[3].type, MessageType::Result);
    QCOMPARE(all[3].from, bob->address());
    QCOMPARE(all[3].to, clientName);
    QCOMPARE(all[3].content.toString(), QStringLiteral("hi"));
    QCOMPARE(all[4].kind, TrafficEvent::Kind::Delivered);
    client.reset();
    delete b;
}

void TestTrafficMonitor::remoteServer()
{
    // Only the calling container is watched: its messages to an unwatched one are delivered
    // as they leave.
    Container *a = Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value();
    Container *b = Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value();
    new EchoAgent(a);
    auto *bob = new EchoAgent(b);
    TrafficMonitor monitor;
    monitor.watch(a);
    Result<Proxy> proxy = await(a->connect(bob->address()));
    QVERIFY(proxy);
    QCOMPARE(await((*proxy)[QStringLiteral("echo")](7))->toInt(), 7);
    QTRY_COMPARE(messages(monitor.eventLog().events()).size(), size_t(8));
    const Events all = monitor.eventLog().events();
    checkPairs(all);
    const TrafficEvent *echo = find(all, TrafficEvent::Kind::Sent, QStringLiteral("agents/0/echo"), MessageType::Request);
    QVERIFY(echo);
    QCOMPARE(echo->to, bob->address());
    delete a;
    delete b;
}

void TestTrafficMonitor::failureAndClose()
{
    Container *b = Container::createNow(Address::ipc(m_dir.filePath(QStringLiteral("fail")))).value();
    new EchoAgent(b);
    TrafficMonitor monitor;
    monitor.watch(b);
    auto client = await(rpc::openConnection(b->address())).value();
    Result<Value> r = await(client->call(QStringLiteral("agents/0/fail")));
    QVERIFY(!r);
    await(client->close());
    QTRY_VERIFY(!monitor.eventLog().isEmpty() && monitor.eventLog().events().back().kind == TrafficEvent::Kind::Closed);
    const Events all = monitor.eventLog().events();
    const TrafficEvent *failure = find(all, TrafficEvent::Kind::Delivered, QStringLiteral("agents/0/fail"), MessageType::Failure);
    QVERIFY(failure);
    QVERIFY2(failure->content.toString().contains(u"ValueError: no"), qPrintable(failure->content.typeName() + u' ' + failure->content.toString()));
    QCOMPARE(failure->to, QStringLiteral("client-1"));
    delete b;
}

void TestTrafficMonitor::ringBuffer()
{
    Container *b = Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value();
    new EchoAgent(b);
    TrafficMonitor monitor;
    monitor.setMaxEvents(4);
    monitor.watch(b);
    auto client = await(rpc::openConnection(b->address())).value();
    for (int i = 0; i < 3; ++i)
        QVERIFY(await(client->call(QStringLiteral("agents/0/echo"), {Value(i)})));
    QTRY_COMPARE(monitor.nextSequence(), quint64(13)); // connected + 3 × 4
    QCOMPARE(monitor.eventLog().size(), 4);
    QCOMPARE(monitor.firstSequence(), quint64(9));
    QCOMPARE(monitor.eventsSince(0, 100).front().sequence, quint64(9));
    QCOMPARE(monitor.eventsSince(11, 100).size(), size_t(2));
    QCOMPARE(monitor.eventsSince(13, 100).size(), size_t(0));
    QCOMPARE(monitor.eventsSince(9, 1).size(), size_t(1));
    delete b;
}

void TestTrafficMonitor::monitorServiceLongPoll()
{
    Container *b = Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value();
    new EchoAgent(b);
    new MonitorService(b);
    auto watcher = await(rpc::openConnection(b->address())).value();
    auto caller = await(rpc::openConnection(b->address())).value();

    // The long poll waits for traffic, then returns it.
    bool done = false;
    Value answer;
    const Value::List pollArgs{Value(0), Value(100), Value(10)};
    auto poll = [&]() -> QCoro::Task<void> {
        Result<Value> r = co_await watcher->call(QStringLiteral("_monitor/events"), pollArgs);
        if (r)
            answer = *r;
        done = true;
    };
    QCoro::Task<void> task = poll();
    // Not before there is traffic: a later call on the same connection is answered first, so
    // the server has taken the poll and parked it (it handles a connection's requests in order,
    // and an answer at once would have come back before this one).
    QVERIFY(await(watcher->call(QStringLiteral("_monitor/info"))));
    QVERIFY(!done);
    QVERIFY(await(caller->call(QStringLiteral("agents/0/echo"), {Value(5)})));
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QVERIFY(answer.isMap());
    QCOMPARE(answer.find(u"first")->toInt(), 0);
    const Value::List &lines = answer.find(u"events")->asList();
    QVERIFY(!lines.empty());
    Result<TrafficEvent> first = TrafficEvent::fromJson(lines.front().toString().toUtf8());
    QVERIFY(first);
    QCOMPARE(first->kind, TrafficEvent::Kind::Connected);

    // Everything so far, and none of the monitor's own calls.
    Result<Value> all = await(watcher->call(QStringLiteral("_monitor/events"), {Value(0)}));
    QVERIFY(all);
    QStringList paths;
    for (const Value &line : all->find(u"events")->asList())
        paths << TrafficEvent::fromJson(line.toString().toUtf8())->path;
    QCOMPARE(paths, (QStringList{QString(), QStringLiteral("agents/0/echo"), QStringLiteral("agents/0/echo"),
                                 QStringLiteral("agents/0/echo"), QStringLiteral("agents/0/echo")}));
    const qint64 next = all->find(u"next")->toInt();
    QCOMPARE(next, 5);

    // Nothing new: a poll without wait returns at once, one with wait times out empty.
    Result<Value> none = await(watcher->call(QStringLiteral("_monitor/events"), {Value(next), Value(10), Value(0.2)}));
    QVERIFY(none);
    QVERIFY(none->find(u"events")->asList().empty());
    delete b;
}

void TestTrafficMonitor::monitorServiceInfoAndErrors()
{
    Container *b = Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value();
    QSignalSpy added(b, &Container::agentAdded);
    auto *bob = new EchoAgent(b);
    new MonitorService(b);
    auto client = await(rpc::openConnection(b->address())).value();
    QTRY_COMPARE(added.size(), 1); // agentAdded is announced from the event loop
    Result<Value> info = await(client->call(QStringLiteral("_monitor/info")));
    QVERIFY(info);
    QCOMPARE(info->find(u"container")->toString(), b->baseAddress());
    QCOMPARE(info->find(u"codec")->toString(), QStringLiteral("json"));
    const Value::List &agents = info->find(u"agents")->asList();
    QCOMPARE(agents.size(), size_t(1));
    QCOMPARE(agents[0].find(u"url")->toString(), bob->address());

    Result<Value> bad = await(client->call(QStringLiteral("_monitor/events"), {Value(QStringLiteral("x"))}));
    QVERIFY(!bad);
    QVERIFY2(bad.error().message().contains(u"TypeError"), qPrintable(bad.error().toString()));
    Result<Value> missing = await(client->call(QStringLiteral("_monitor/events")));
    QVERIFY(!missing);
    QVERIFY2(missing.error().toString().contains(u"since"), qPrintable(missing.error().toString()));
    Result<Value> tooMany = await(client->call(QStringLiteral("_monitor/events"), {Value(0), Value(1), Value(2), Value(3)}));
    QVERIFY(!tooMany);
    // The container keeps serving.
    QVERIFY(await(client->call(QStringLiteral("agents/0/echo"), {Value(1)})));
    delete b;
}

QTEST_GUILESS_MAIN(TestTrafficMonitor)
#include "tst_trafficmonitor.moc"
