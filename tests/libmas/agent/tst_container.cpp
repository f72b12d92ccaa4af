// SPDX-License-Identifier: MIT
// End-to-end tests of agents and containers over real transports: TCP on 127.0.0.1, a Unix
// socket in a temporary directory, and mutual TLS on 127.0.0.1.

#include <mas/agent/agent.h>
#include <mas/agent/agenturl.h>
#include <mas/agent/container.h>
#include <mas/channel/connection.h>
#include <mas/clock/clock.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <QCoro/QCoroTimer>

#include "certificates.h"

using namespace mas;
using namespace mas::rpc;
using namespace std::chrono_literals;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

const QDateTime kStart(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC);

namespace demo {

/// The agent of the seed README's third example, plus what the tests need.
class TestAgent : public Agent
{
public:
    explicit TestAgent(Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("service"), [](const Value &v) { return v; }, {QStringLiteral("value")});
        router().expose(QStringLiteral("whoami"), [this] { return address(); });
        router().expose(QStringLiteral("now"), [this] { return clock()->utcNow(); });
        router().expose(QStringLiteral("notify"), [this](const QString &text) {
            notified << text;
            return Value::list({"notified", text, address()});
        });
        // Calls `method` on the proxy it is given (an agent passed as an argument).
        router().expose(QStringLiteral("ping_proxy"), [](Proxy peer, const QString &text) -> QCoro::Task<Value> {
            Result<Value> r = co_await peer[QStringLiteral("notify")](text);
            co_return r ? *r : Value(r.error().toString());
        });
        // Connects to another agent by URL (a new connection from this container) and notifies it.
        router().expose(QStringLiteral("call_agent"), [this](const QString &url, const QString &text) -> QCoro::Task<Result<Value>> {
            Result<Proxy> peer = co_await connectTo(url);
            if (!peer)
                co_return peer.error();
            co_return co_await (*peer)[QStringLiteral("notify")](text);
        });
        router().expose(QStringLiteral("get_peer"), [this]() -> Agent * { return peer; });
        router().expose(QStringLiteral("slow"), [this](double seconds) -> QCoro::Task<Result<QString>> {
            Result<void> slept = co_await clock()->sleep(seconds);
            if (!slept)
                co_return slept.error();
            co_return QStringLiteral("slept");
        });
    }

    QStringList notified;
    Agent *peer = nullptr;
};

class Greeter : public Agent
{
public:
    using Agent::Agent;
};

/// Agent::connect() no longer hides QObject::connect: an agent class connects signals unqualified.
class Watcher : public Agent
{
public:
    explicit Watcher(Container *c)
        : Agent(c)
    {
        connect(this, &QObject::objectNameChanged, this, [this] { ++renamed; });
    }
    int renamed = 0;
};

} // namespace demo

using demo::TestAgent;

enum class Transport { Tcp, Ipc, Tls };

} // namespace

Q_DECLARE_METATYPE(Transport)

class tst_Container : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void agentIdsAndAddresses();
    void connectToAndProxyUrls();
    void urls_data();
    void urls();
    void callsBothWays_data();
    void callsBothWays();
    void proxyArgumentsAndResults();
    void datesCrossTheWire();
    void missingAgentAndBadUrl();
    void onlyAnAgentsOwnNameFindsIt();
    void concurrentConnectsShareOneConnection();
    void proxiesAreCached();
    void connectsBackOverANewConnection();
    void removedAgent();
    void agentOfAnotherContainerIsRefused();
    void shutdownFailsCallsInFlight();
    void peerContainerDiesMidCall();
    void wildcardHostUsesMachineName();
    void busyAddress();

private:
    ContainerOptions options(Transport transport, const QString &name);
    Address address(Transport transport, const QString &name);

    QTemporaryDir m_dir;
    QString m_cert[2];
};

void tst_Container::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cert[0] = test::generateCertificates(m_dir.path(), QStringLiteral("c1"), QStringLiteral("ca"),
                                           QStringLiteral("IP:127.0.0.1"));
    m_cert[1] = test::generateCertificates(m_dir.path(), QStringLiteral("c2"), QStringLiteral("ca"),
                                           QStringLiteral("IP:127.0.0.1"));
    QVERIFY(!m_cert[0].isEmpty() && !m_cert[1].isEmpty());
}

ContainerOptions tst_Container::options(Transport transport, const QString &name)
{
    ContainerOptions o;
    o.channel.requestTimeout = 10s;
    if (transport == Transport::Tls) {
        const QString &cert = m_cert[name == u"c1" ? 0 : 1];
        o.tls = TlsOptions{m_dir.filePath(QStringLiteral("ca.pem")), cert + QStringLiteral(".pem"),
                           cert + QStringLiteral(".key"), {}, {}, 10s};
    }
    return o;
}

Address tst_Container::address(Transport transport, const QString &name)
{
    if (transport == Transport::Ipc)
        return Address::ipc(m_dir.filePath(name + QStringLiteral(".sock")));
    return Address::tcp(QStringLiteral("127.0.0.1"), 0);
}

void tst_Container::connectToAndProxyUrls()
{
    std::unique_ptr<Container> c(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    auto *watcher = new demo::Watcher(c.get());
    watcher->setObjectName(QStringLiteral("w"));
    QCOMPARE(watcher->renamed, 1);
    auto *target = new TestAgent(c.get());
    const Proxy proxy = await(watcher->connectTo(target->address(), 5000ms)).value();
    QCOMPARE(proxy.url(), target->address());                   // tcp://127.0.0.1:N/1
    QCOMPARE(proxy[QStringLiteral("service")].url(), target->address() + QStringLiteral("/service"));
    QCOMPARE(await(proxy.call<int>(QStringLiteral("service"), 42)).value(), 42);
}

void tst_Container::agentIdsAndAddresses()
{
    std::unique_ptr<Container> c(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    QSignalSpy added(c.get(), &Container::agentAdded);
    auto *a = new TestAgent(c.get());
    auto *b = new demo::Greeter(c.get());
    const QString base = QStringLiteral("tcp://127.0.0.1:%1/").arg(c->address().port());
    QCOMPARE(c->baseAddress(), base);
    QCOMPARE(a->aid(), QStringLiteral("0"));
    QCOMPARE(b->aid(), QStringLiteral("1"));
    QCOMPARE(a->address(), base + u'0');
    QCOMPARE(a->toString(), QStringLiteral("TestAgent('%1')").arg(base + u'0'));
    QCOMPARE(b->typeName(), QStringLiteral("Greeter"));
    QCOMPARE(a->parent(), c.get());
    QCOMPARE(c->agents(), (QList<Agent *>{a, b}));
    QCOMPARE(c->agent(u"1"), b);
    QCOMPARE(c->agent(u"01"), nullptr);
    QCOMPARE(c->agent(u"2"), nullptr);
    QCOMPARE(a->router().path(), QStringLiteral("agents/0"));
    QVERIFY(qobject_cast<RealTimeClock *>(c->clock()));
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 2, 5000);
    QCOMPARE(added.at(0).at(0).value<Agent *>(), a);
}

void tst_Container::urls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("aid");
    QTest::newRow("tcp") << "tcp://127.0.0.1:5555/0" << "tcp://127.0.0.1:5555" << "0";
    QTest::newRow("name") << "tcp://localhost:80/12" << "tcp://localhost:80" << "12";
    QTest::newRow("ipv6 brackets") << "tcp://[::1]:5555/3" << "tcp://[::1]:5555" << "3";
    QTest::newRow("ipv6 bare (as aiomas builds it)") << "tcp://::1:5555/3" << "tcp://[::1]:5555" << "3";
    QTest::newRow("ipc") << "ipc://[/tmp/some dir/c.sock]/7" << "ipc:///tmp/some dir/c.sock" << "7";
    QTest::newRow("no aid") << "tcp://127.0.0.1:5555/" << "" << "";
    QTest::newRow("no slash") << "tcp://127.0.0.1:5555" << "" << "";
    QTest::newRow("no port") << "tcp://127.0.0.1/0" << "" << "";
    QTest::newRow("bad port") << "tcp://127.0.0.1:99999/0" << "" << "";
    QTest::newRow("nested aid") << "tcp://127.0.0.1:5555/0/x" << "" << "";
    QTest::newRow("ipc without brackets") << "ipc:///tmp/c.sock/0" << "" << "";
    QTest::newRow("ipc path with ]/") << "ipc://[/tmp/a]/b]/0" << "ipc:///tmp/a]/b" << "0";
    // Brackets inside a host would print as an address that does not parse (found by fuzz_agent_url).
    QTest::newRow("bracket in host") << "tcp://{::1]:5555/12" << "" << "";
    QTest::newRow("bracket inside brackets") << "tcp://[[x]:5/0" << "" << "";
    QTest::newRow("scheme") << "http://127.0.0.1:5555/0" << "" << "";
    QTest::newRow("empty") << "" << "" << "";
}

void tst_Container::urls()
{
    QFETCH(QString, url);
    QFETCH(QString, container);
    QFETCH(QString, aid);
    Result<AgentUrl> parsed = AgentUrl::parse(url);
    if (container.isEmpty()) {
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidAddress);
        QVERIFY2(parsed.error().message().startsWith(QStringLiteral("Cannot parse agent URL \"%1\"").arg(url)),
                 qPrintable(parsed.error().message()));
        return;
    }
    QVERIFY2(parsed, qPrintable(parsed.error().message()));
    QCOMPARE(parsed->container().toString(), container);
    QCOMPARE(parsed->aid(), aid);
    QCOMPARE(AgentUrl::parse(parsed->toString()).value(), *parsed); // round trip
    // `mas call` takes every URL an agent reports.
    Result<CallTarget> target = CallTarget::parse(parsed->toString());
    QVERIFY2(target, qPrintable(target.error().message()));
    QCOMPARE(target->address, parsed->container());
    QCOMPARE(target->aid, aid);
}

void tst_Container::callsBothWays_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::newRow("tcp") << Transport::Tcp;
    QTest::newRow("unix socket") << Transport::Ipc;
    QTest::newRow("tls") << Transport::Tls;
}

void tst_Container::callsBothWays()
{
    QFETCH(Transport, transport);
    std::unique_ptr<Container> c1(Container::createNow(address(transport, QStringLiteral("c1")), options(transport, QStringLiteral("c1"))).value());
    std::unique_ptr<Container> c2(Container::createNow(address(transport, QStringLiteral("c2")), options(transport, QStringLiteral("c2"))).value());
    auto *a = new TestAgent(c1.get());
    auto *b = new TestAgent(c2.get());
    if (transport == Transport::Ipc)
        QVERIFY(b->address().startsWith(u"ipc://["));

    // a -> b, as the seed README's example: service(42).
    Result<Proxy> toB = await(a->connectTo(b->address(), 5000ms));
    QVERIFY2(toB, qPrintable(toB.error().toString()));
    QCOMPARE(await((*toB)[QStringLiteral("service")](42)).value(), Value(42));
    QCOMPARE(await((*toB)[QStringLiteral("whoami")]()).value(), Value(b->address()));

    // b -> a over a connection of its own, and b -> a through the proxy a passes (same socket).
    Result<Proxy> toA = await(b->connectTo(a->address()));
    QVERIFY2(toA, qPrintable(toA.error().toString()));
    QCOMPARE(await((*toA)[QStringLiteral("service")](QStringLiteral("back"))).value(), Value("back"));
    const Value viaProxy = await((*toB)[QStringLiteral("ping_proxy")](a, QStringLiteral("hi"))).value();
    QCOMPARE(viaProxy, Value::list({"notified", "hi", a->address()}));
    QCOMPARE(a->notified, QStringList{QStringLiteral("hi")});
    QCOMPARE(c1->outgoingConnectionCount(), 1);
    QCOMPARE(c2->outgoingConnectionCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(c1->incomingConnectionCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(c2->incomingConnectionCount(), 1, 5000);
    await(c1->shutdown());
    await(c2->shutdown());
}

void tst_Container::proxyArgumentsAndResults()
{
    std::unique_ptr<Container> c1(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> c2(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    auto *a = new TestAgent(c1.get());
    auto *b0 = new TestAgent(c2.get());
    auto *b1 = new TestAgent(c2.get());
    b0->peer = b1;
    Proxy toB0 = await(a->connectTo(b0->address())).value();

    // A returned agent arrives as a proxy bound to the same connection, path agents/1.
    Result<Value> peer = await(toB0[QStringLiteral("get_peer")]());
    QVERIFY2(peer, qPrintable(peer.error().toString()));
    Result<Proxy> proxy = peer->to<Proxy>();
    QVERIFY(proxy);
    QCOMPARE(proxy->path(), QStringLiteral("agents/1"));
    QCOMPARE(proxy->client(), toB0.client());
    QCOMPARE(await((*proxy)[QStringLiteral("notify")](QStringLiteral("via returned proxy"))).value().at(2),
             Value(b1->address()));
    QCOMPARE(b1->notified, QStringList{QStringLiteral("via returned proxy")});
    // A null agent is null on the wire.
    b0->peer = nullptr;
    QCOMPARE(await(toB0[QStringLiteral("get_peer")]()).value(), Value());
}

void tst_Container::datesCrossTheWire()
{
    auto *clock = new ExternalClock(kStart);
    ContainerOptions o;
    o.ownedClock.reset(clock); // owned (with the options' copies): the type says so
    std::unique_ptr<Container> server(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0), std::move(o)).value());
    std::unique_ptr<Container> client(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    QCOMPARE(server->clock(), clock);
    QCOMPARE(clock->parent(), nullptr); // no run-time adoption
    auto *agent = new TestAgent(server.get());
    auto *caller = new TestAgent(client.get());
    QVERIFY(clock->setTime(90));
    Proxy proxy = await(caller->connectTo(agent->address())).value();
    Result<Value> now = await(proxy[QStringLiteral("now")]());
    QVERIFY2(now, qPrintable(now.error().toString()));
    Result<QDateTime> date = now->to<QDateTime>();
    QVERIFY2(date, qPrintable(date.error().message()));
    QCOMPARE(*date, kStart.addSecs(90));
    // And a date sent as an argument comes back as a date, offset and all.
    const QDateTime berlin(QDate(2016, 1, 1), QTime(1, 0, 0, 500), QTimeZone(3600));
    QCOMPARE(await(proxy[QStringLiteral("service")](berlin)).value().to<QDateTime>().value(), berlin);
}

void tst_Container::missingAgentAndBadUrl()
{
    std::unique_ptr<Container> c1(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> c2(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    new TestAgent(c2.get());
    Result<Proxy> missing = await(c1->connect(c2->baseAddress() + QStringLiteral("99")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code(), ErrorCode::AgentNotFound);
    QCOMPARE(missing.error().message(), QStringLiteral("Agent \"99\" does not exist in %1").arg(c2->toString()));

    Result<Proxy> bad = await(c1->connect(QStringLiteral("tcp://127.0.0.1/0")));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code(), ErrorCode::InvalidAddress);
    QVERIFY(bad.error().message().contains(u"Cannot parse agent URL"));

    // Nobody listens: refused, once (timeout 0), without hanging.
    const quint16 port = c2->address().port();
    c2.reset();
    Result<Proxy> refused = await(c1->connect(QStringLiteral("tcp://127.0.0.1:%1/0").arg(port)));
    QVERIFY(!refused);
    QVERIFY2(refused.error().isConnectionError(), qPrintable(refused.error().toString()));
    QCOMPARE(c1->outgoingConnectionCount(), 0);
}

void tst_Container::onlyAnAgentsOwnNameFindsIt()
{
    std::unique_ptr<Container> c1(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> c2(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    new TestAgent(c2.get());
    // An agent's name as its container gives it: "1" does, "01", "+1", " 1", "1 " and "1x" do not.
    Proxy first = await(c1->connect(c2->baseAddress() + QStringLiteral("0"))).value();
    new TestAgent(c2.get());
    QCOMPARE(await(first.client()->call(QStringLiteral("agents/1/service"), {7})).value(), Value(7));
    const QStringList ids{QStringLiteral("01"), QStringLiteral("+1"), QStringLiteral(" 1"), QStringLiteral("1 "),
                          QStringLiteral("1x"), QStringLiteral("-1"), QStringLiteral("2"), QString(),
                          QStringLiteral("18446744073709551617")};
    for (const QString &id : ids) {
        Result<Value> r = await(first.client()->call(QStringLiteral("agents/%1/service").arg(id), {7}));
        QVERIFY2(!r, qPrintable(id));
        QCOMPARE(r.error().remoteType(), QStringLiteral("LookupError"));
        QVERIFY2(r.error().remoteTraceback().contains(QStringLiteral("Name \"%1\" not found in \"agents\"").arg(id)),
                 qPrintable(r.error().remoteTraceback()));
    }
}

void tst_Container::concurrentConnectsShareOneConnection()
{
    std::unique_ptr<Container> c1(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> c2(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    for (int i = 0; i < 3; ++i)
        new TestAgent(c2.get());
    QSignalSpy incoming(c2->server(), &ChannelServer::newChannel);
    std::vector<std::optional<Result<Proxy>>> results(12);
    QObject context;
    for (int i = 0; i < 12; ++i) {
        QCoro::connect(c1->connect(c2->baseAddress() + QString::number(i % 4)), &context,
                       [&results, i](Result<Proxy> r) { results[size_t(i)] = std::move(r); });
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(results.begin(), results.end(), [](const auto &r) { return r.has_value(); }), 5000);
    for (int i = 0; i < 12; ++i) {
        if (i % 4 == 3) {
            QCOMPARE(results[size_t(i)]->error().code(), ErrorCode::AgentNotFound);
        } else {
            QVERIFY(*results[size_t(i)]);
            QCOMPARE((*results[size_t(i)])->client(), (*results[0])->client());
        }
    }
    QCOMPARE(incoming.count(), 1);
    QCOMPARE(c1->outgoingConnectionCount(), 1);
}

void tst_Container::proxiesAreCached()
{
    std::unique_ptr<Container> c1(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> c2(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    auto *b = new TestAgent(c2.get());
    // Count validate_aid calls by wrapping the container's own method.
    int validations = 0;
    c2->router().expose(QStringLiteral("validate_aid"), [&](const QString &aid) -> Value {
        ++validations;
        return c2->agent(aid) ? Value(c2->agent(aid)->typeName()) : Value();
    });
    Proxy first = await(c1->connect(b->address())).value();
    Proxy second = await(c1->connect(b->address())).value();
    QCOMPARE(first, second);
    Proxy again = await(c1->connect(b->address())).value();
    QCOMPARE(again, first); // the cache still holds it after handing it out
    QCOMPARE(await(again[QStringLiteral("service")](2)).value(), Value(2));
    QCOMPARE(validations, 1);
    // A new connection after the old one closed validates again.
    await(first.client()->close());
    QTRY_COMPARE_WITH_TIMEOUT(c1->outgoingConnectionCount(), 0, 5000);
    Proxy third = await(c1->connect(b->address())).value();
    QVERIFY(third.client() != nullptr);
    QCOMPARE(validations, 2);
    QCOMPARE(await(third[QStringLiteral("service")](1)).value(), Value(1));
}

void tst_Container::connectsBackOverANewConnection()
{
    // As the recording's agent_container_connects_back: the acceptor opens its own connection.
    std::unique_ptr<Container> server(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> client(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    auto *s = new TestAgent(server.get());
    auto *c = new TestAgent(client.get());
    Proxy proxy = await(c->connectTo(s->address())).value();
    Result<Value> r = await(proxy[QStringLiteral("call_agent")](c->address(), QStringLiteral("yo")));
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(*r, Value::list({"notified", "yo", c->address()}));
    QCOMPARE(c->notified, QStringList{QStringLiteral("yo")});
    QCOMPARE(server->outgoingConnectionCount(), 1);
    QCOMPARE(client->outgoingConnectionCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(client->incomingConnectionCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(server->incomingConnectionCount(), 1, 5000);
}

void tst_Container::removedAgent()
{
    std::unique_ptr<Container> c1(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> c2(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    auto *b0 = new TestAgent(c2.get());
    auto *b1 = new TestAgent(c2.get());
    const QString url = b1->address();
    Proxy proxy = await(c1->connect(url)).value();
    QSignalSpy removed(c2.get(), &Container::agentRemoved);
    QVERIFY(c2->removeAgent(b1));
    QVERIFY(!c2->removeAgent(b1));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("1"));
    QCOMPARE(c2->agentCount(), 1);
    QCOMPARE(c2->agents(), QList<Agent *>{b0});

    Result<Value> call = await(proxy[QStringLiteral("service")](1));
    QVERIFY(!call);
    QCOMPARE(call.error().code(), ErrorCode::RemoteException);
    QCOMPARE(call.error().remoteType(), QStringLiteral("LookupError"));
    QVERIFY2(call.error().remoteTraceback().contains(QStringLiteral("Agent \"1\" was removed from %1").arg(c2->toString())),
             qPrintable(call.error().remoteTraceback()));

    // The id is not reused, and a fresh connect() to the removed agent fails.
    auto *b2 = new TestAgent(c2.get());
    QCOMPARE(b2->aid(), QStringLiteral("2"));
    std::unique_ptr<Container> c3(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    QCOMPARE(await(c3->connect(url)).error().code(), ErrorCode::AgentNotFound);
    // Deleting an agent removes it too; the others keep working.
    delete b0;
    QCOMPARE(c2->agentCount(), 1);
    QCOMPARE(await(await(c3->connect(b2->address())).value()[QStringLiteral("service")](7)).value(), Value(7));
}

void tst_Container::agentOfAnotherContainerIsRefused()
{
    std::unique_ptr<Container> c1(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> c2(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> other(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    auto *a = new TestAgent(c1.get());
    auto *b = new TestAgent(c2.get());
    auto *stranger = new TestAgent(other.get());
    Proxy proxy = await(a->connectTo(b->address())).value();
    // `stranger` is not served on this connection: aiomas raises SerializationError.
    Result<Value> r = await(proxy[QStringLiteral("ping_proxy")](stranger, QStringLiteral("x")));
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::SerializationError);
    // The connection is still fine.
    QCOMPARE(await(proxy[QStringLiteral("service")](5)).value(), Value(5));
}

void tst_Container::shutdownFailsCallsInFlight()
{
    auto *clock = new ExternalClock(kStart); // never advanced: `slow` waits forever
    ContainerOptions o;
    o.ownedClock.reset(clock);
    std::unique_ptr<Container> c1(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> c2(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0), std::move(o)).value());
    auto *a = new TestAgent(c1.get());
    auto *b = new TestAgent(c2.get());
    Proxy proxy = await(a->connectTo(b->address())).value();
    std::optional<Result<Value>> slow;
    QObject context;
    QCoro::connect(proxy[QStringLiteral("slow")](10), &context, [&](Result<Value> r) { slow = std::move(r); });
    QTRY_COMPARE_WITH_TIMEOUT(clock->pendingTimerCount(), 1, 5000);

    // The caller's container shuts down: its pending call fails at once, cleanly.
    await(c1->shutdown());
    QTRY_VERIFY_WITH_TIMEOUT(slow.has_value(), 5000);
    QVERIFY(!*slow);
    QVERIFY2(slow->error().isConnectionError(), qPrintable(slow->error().toString()));
    QVERIFY(c1->isShutDown());
    QCOMPARE(await(c1->connect(b->address())).error().code(), ErrorCode::ConnectionClosed);
    QTRY_COMPARE_WITH_TIMEOUT(c2->incomingConnectionCount(), 0, 5000);
    // The serving container is unharmed: a new caller gets through.
    std::unique_ptr<Container> c3(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    QCOMPARE(await(await(c3->connect(b->address())).value()[QStringLiteral("service")](3)).value(), Value(3));
}

void tst_Container::peerContainerDiesMidCall()
{
    auto *clock = new ExternalClock(kStart);
    ContainerOptions o;
    o.ownedClock.reset(clock);
    std::unique_ptr<Container> c1(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    std::unique_ptr<Container> c2(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0), std::move(o)).value());
    auto *a = new TestAgent(c1.get());
    auto *b = new TestAgent(c2.get());
    Proxy proxy = await(a->connectTo(b->address())).value();
    std::optional<Result<Value>> slow;
    QObject context;
    QCoro::connect(proxy[QStringLiteral("slow")](10), &context, [&](Result<Value> r) { slow = std::move(r); });
    QTRY_COMPARE_WITH_TIMEOUT(clock->pendingTimerCount(), 1, 5000);
    c2.reset(); // the serving container goes away mid-call (its clock with it)
    QTRY_VERIFY_WITH_TIMEOUT(slow.has_value(), 5000);
    QVERIFY(!*slow);
    QVERIFY2(slow->error().isConnectionError(), qPrintable(slow->error().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(c1->outgoingConnectionCount(), 0, 5000);
}

void tst_Container::wildcardHostUsesMachineName()
{
    std::unique_ptr<Container> c(Container::createNow(Address::tcp(QStringLiteral("0.0.0.0"), 0)).value());
    QVERIFY(c->baseAddress().startsWith(u"tcp://"));
    QVERIFY(!c->baseAddress().contains(u"0.0.0.0"));
    QVERIFY(c->baseAddress().endsWith(QStringLiteral(":%1/").arg(c->address().port())));
}

void tst_Container::busyAddress()
{
    std::unique_ptr<Container> c(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0)).value());
    Result<Container *> again = Container::createNow(c->address());
    QVERIFY(!again);
    QCOMPARE(again.error().code(), ErrorCode::AddressInUse);
    // A borrowed clock stays the caller's, whatever happens to the container.
    ExternalClock clock(kStart);
    ContainerOptions o;
    o.clock = &clock;
    QVERIFY(!Container::createNow(c->address(), o));
    QCOMPARE(clock.parent(), nullptr);
    QVERIFY(clock.setTime(1));
    {
        std::unique_ptr<Container> borrowing(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0), o).value());
        QCOMPARE(borrowing->clock(), &clock);
    }
    QVERIFY(clock.setTime(2)); // still alive after the container is gone
    QCOMPARE(Container::parseAddress(u"ipc://[/tmp/x.sock]/").value(), Address::ipc(QStringLiteral("/tmp/x.sock")));
    QCOMPARE(Container::parseAddress(u"tcp://127.0.0.1:5555/").value(), Address::tcp(QStringLiteral("127.0.0.1"), 5555));
}

QTEST_GUILESS_MAIN(tst_Container)
#include "tst_container.moc"
