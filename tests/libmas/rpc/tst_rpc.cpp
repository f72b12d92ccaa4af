// SPDX-License-Identifier: MIT
// End-to-end tests of the RPC layer over TCP on 127.0.0.1.

#include <mas/rpc/rpcclient.h>

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <QCoro/QCoroSignal>
#include <QCoro/QCoroTimer>

#include <array>
#include <stdexcept>

using namespace mas;
using namespace mas::rpc;
using namespace std::chrono_literals;

namespace demo {
struct Boom : std::runtime_error
{
    using std::runtime_error::runtime_error;
};
} // namespace demo

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

QCoro::Task<QString> slowEcho(int ms, QString value)
{
    co_await QCoro::sleepFor(std::chrono::milliseconds(ms));
    co_return value;
}

/// What a held call waits for. A signal of its own: QCoro's signal awaiter and Qt's private
/// signals (QTimer::timeout) make UBSan report a reference bound to null.
class Gate : public QObject
{
    Q_OBJECT

public:
    void open() { Q_EMIT opened(); }

Q_SIGNALS:
    void opened();
};

/// Calls that the test finishes: held(slot, value) answers `value` once release[slot] opens;
/// stage[slot] is 1 while its handler runs, 2 once it finished.
struct HeldCalls
{
    std::array<Gate, 3> release;
    std::array<int, 3> stage{};

    void exposeOn(Router &router)
    {
        router.expose(QStringLiteral("held"), [this](int slot, const QString &value) {
            return held(&release.at(size_t(slot)), &stage.at(size_t(slot)), value);
        });
    }
    // A free coroutine: its frame holds copies of the arguments, not the lambda's captures.
    static QCoro::Task<QString> held(Gate *release, int *stage, QString value)
    {
        *stage = 1;
        co_await qCoro(release, &Gate::opened);
        *stage = 2;
        co_return value;
    }
};

/// A QObject exposed through Qt's meta-object system.
class Greeter : public QObject
{
    Q_OBJECT

public:
    Q_INVOKABLE int add(int a, int b) { return a + b; }
    Q_INVOKABLE QVariantMap describe(const QString &who, double weight) const
    {
        return {{QStringLiteral("who"), who}, {QStringLiteral("weight"), weight}};
    }
    Q_INVOKABLE void touch() { ++touched; }
    int touched = 0;

public Q_SLOTS:
    QString greet(const QString &name) { return QStringLiteral("Hello, %1!").arg(name); }

Q_SIGNALS:
    void changed();

private Q_SLOTS:
    void secret() {}
};

/// A class whose member functions are exposed.
class Counter
{
public:
    int increment(int by) { return m_count += by; }
    int count() const { return m_count; }

private:
    int m_count = 0;
};

/// The service of the seed README's RPC example and of the aiomas transcripts.
struct MathService
{
    Router root;
    Router calc;
    Router deep;
    Counter counter;

    MathService()
    {
        root.expose(QStringLiteral("increment"), &counter, &Counter::increment, {QStringLiteral("by")});
        root.expose(QStringLiteral("count"), static_cast<const Counter *>(&counter), &Counter::count);
        root.setServiceName(QStringLiteral("rpc_server.TestService"));
        root.expose(QStringLiteral("add"), [](int a, int b) { return a + b; }, {QStringLiteral("a"), QStringLiteral("b")});
        root.expose(QStringLiteral("kw"), [](int a, int b, int c) { return std::vector<int>{a, b, c}; },
                    {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        root.expose(QStringLiteral("echo"), [](const Value &v) { return v; });
        root.expose(QStringLiteral("fail"), [](const QString &what) -> int { throw demo::Boom(what.toStdString()); });
        root.expose(QStringLiteral("std_fail"), []() -> int { throw std::runtime_error("plain"); });
        root.expose(QStringLiteral("checked_sqrt"), [](double x) -> Result<double> {
            if (x < 0)
                return Error(ErrorCode::InvalidArgument, QStringLiteral("math domain error"));
            return std::sqrt(x);
        });
        root.expose(QStringLiteral("slow"), &slowEcho, {QStringLiteral("ms"), QStringLiteral("value")});
        root.expose(QStringLiteral("nothing"), []() {});
        // Calls back into the caller before answering (both directions on one connection).
        root.expose(QStringLiteral("call_client"), [](RpcClient *caller, int x) -> QCoro::Task<Value> {
            Result<Value> pong = co_await caller->remote()[QStringLiteral("ping")](x);
            co_return Value::list({"srv", pong ? *pong : Value(pong.error().message())});
        });
        // Services and proxies as arguments and results.
        root.expose(QStringLiteral("call_proxy"), [](Proxy proxy, int x) -> QCoro::Task<Value> {
            Result<Value> r = co_await proxy[QStringLiteral("ping")](x);
            co_return r ? *r : Value(r.error().message());
        });
        root.expose(QStringLiteral("get_calc"), [this]() { return &calc; });
        root.hide(QStringLiteral("not_exposed"));
        calc.expose(QStringLiteral("mul"), [](int a, int b) { return a * b; });
        deep.expose(QStringLiteral("neg"), [](qint64 a) { return -a; });
        calc.addRouter(QStringLiteral("deep"), &deep);
        root.addRouter(QStringLiteral("calc"), &calc);
    }
};

} // namespace

class tst_Rpc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void typedCall();
    void typedProxyCallAndUrl();
    void remoteErrorMessageIsTheLastLine();
    void argumentNamesAreChecked();
    void exposeMacro();
    void classMethodTables();
    void proxyCalls();
    void keywordArguments();
    void nestedPaths();
    void routerPaths();
    void memberFunctions();
    void qobjectMethods();
    void errors_data();
    void errors();
    void exceptionsBecomeFailures();
    void resultErrorsBecomeFailures();
    void malformedRequestGetsAFailure();
    void outOfOrderConcurrentReplies();
    void handlerCallsBackIntoCaller();
    void servicesAndProxiesAsArguments();
    void dictionaryRouter();
    void connectionResetAndClose();

private:
    MathService *m_service = nullptr;
    ChannelServer *m_server = nullptr;
    std::unique_ptr<RpcClient> m_client;
    Router m_clientService;
};

void tst_Rpc::init()
{
    m_service = new MathService;
    Result<ChannelServer *> server = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), &m_service->root, {}, {}, this);
    QVERIFY(server);
    m_server = *server;
    m_clientService.expose(QStringLiteral("ping"), [](int x) { return Value::list({"pong", x}); });
    Result<std::unique_ptr<RpcClient>> client = await(openConnection(m_server->address(), &m_clientService));
    QVERIFY2(client, qPrintable(client.error().toString()));
    m_client = std::move(*client);
}

void tst_Rpc::cleanup()
{
    m_client.reset();
    delete m_server;
    m_server = nullptr;
    delete m_service;
    m_service = nullptr;
    m_clientService.remove(QStringLiteral("ping"));
}

void tst_Rpc::typedCall()
{
    // The seed README's RPC example.
    Result<int> sum = await(m_client->call<int>(QStringLiteral("add"), 3, 4));
    QVERIFY2(sum, qPrintable(sum.error().toString()));
    QCOMPARE(*sum, 7);
    // A result of the wrong type is a local conversion error.
    Result<QString> wrong = await(m_client->call<QString>(QStringLiteral("add"), 3, 4));
    QCOMPARE(wrong.error().code(), ErrorCode::TypeMismatch);
    // void handlers answer null.
    QCOMPARE(await(m_client->call(QStringLiteral("nothing"))).value(), Value());
}

void tst_Rpc::typedProxyCallAndUrl()
{
    const Proxy calc = m_client->remote()[QStringLiteral("calc")];
    QCOMPARE(await(calc.call<int>(QStringLiteral("mul"), 6, 7)).value(), 42);
    QCOMPARE(await(m_client->remote().call<qint64>(QStringLiteral("add"), 3, 4)).value(), 7);
    // A reply of the wrong type: a TypeMismatch that names the call.
    const Result<QString> wrong = await(calc.call<QString>(QStringLiteral("mul"), 6, 7));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code(), ErrorCode::TypeMismatch);
    QVERIFY2(wrong.error().message().contains(u"calc/mul"), qPrintable(wrong.error().message()));
    // A remote failure passes through unchanged.
    const Result<int> failed = await(calc.call<int>(QStringLiteral("mul"), 6));
    QCOMPARE(failed.error().code(), ErrorCode::RemoteException);
    // Printable: the peer and the path.
    const QString peer = m_client->channel()->peerName();
    QVERIFY(!peer.isEmpty());
    QCOMPARE(calc[QStringLiteral("mul")].url(), peer + QStringLiteral("/calc/mul"));
    QCOMPARE(Proxy(nullptr, QStringLiteral("x")).url(), QStringLiteral("<closed>/x"));
    QCOMPARE(Proxy(m_client.get(), QStringLiteral("agents/0"), QStringLiteral("tcp://h:1/0"))[QStringLiteral("f")].url(),
             QStringLiteral("tcp://h:1/0/f"));
    QString printed;
    QDebug(&printed) << calc;
    QCOMPARE(printed.trimmed(), QStringLiteral("Proxy(%1/calc)").arg(peer));
}

void tst_Rpc::remoteErrorMessageIsTheLastLine()
{
    const Result<Value> r = await(m_client->call(QStringLiteral("add"), {Value(1)}));
    QCOMPARE(r.error().code(), ErrorCode::RemoteException);
    QCOMPARE(r.error().message(), QStringLiteral("TypeError: add() missing 1 required positional argument: 'b'"));
    QCOMPARE(r.error().remoteType(), QStringLiteral("TypeError"));
    QVERIFY(r.error().remoteTraceback().startsWith(u"Traceback (most recent call last):\n")); // all of it kept
    QVERIFY(r.error().toString().startsWith(u"Origin: "));
    // Without a traceback, a generic text.
    QCOMPARE(mas::Error::remote(QStringLiteral("peer"), QStringLiteral("  \n")).message(),
             QStringLiteral("The peer reported a failure"));
    QCOMPARE(mas::Error::remote(QStringLiteral("peer"), QStringLiteral("ValueError: bad\n")).message(),
             QStringLiteral("ValueError: bad"));
}

void tst_Rpc::argumentNamesAreChecked()
{
    // Literal names are counted at compile time (a wrong count does not compile); names built at
    // run time are checked when exposed, with a warning.
    Router router;
    router.expose(QStringLiteral("two"), [](int a, int b) { return a + b; }, {"a", "b"});
    router.expose(QStringLiteral("caller"), [](RpcClient *, int a) { return a; }, {"a"});
    QTest::ignoreMessage(QtWarningMsg, "expose(three): 1 argument names for 3 parameters; keyword calls will not match");
    router.expose(QStringLiteral("three"), [](int a, int b, int c) { return a + b + c; }, QStringList{QStringLiteral("a")});
    static_assert(mas::rpc::detail::wireArity<int (*)(RpcClient *, int, int)> == 2);
}

class Exposed
{
public:
    int twice(int value) { return 2 * value; }
};

void tst_Rpc::exposeMacro()
{
    Router router;
    Exposed object;
    MAS_EXPOSE(router, &object, twice);
    Result<const Handler *> handler = router.resolve(u"twice");
    QVERIFY(handler);
    const HandlerResult r = (**handler)(nullptr, {Value(21)}, {});
    QCOMPARE(std::get<Result<Value>>(r).value(), Value(42));
}

/// An object exposing its own methods in its constructor, as agents do.
class MethodCounter
{
public:
    explicit MethodCounter(int start)
        : value(start)
    {
        router.expose(QStringLiteral("get"), this, &MethodCounter::get);
        router.expose(QStringLiteral("add"), this, &MethodCounter::add, {"n"});
        router.expose(QStringLiteral("zero"), [] { return 0; });
        router.expose(QStringLiteral("peek"), static_cast<const MethodCounter *>(this), &MethodCounter::peek);
    }
    int get() { return value; }
    int add(int n) { return value += n; }
    int peek() const { return value; }

    int value;
    Router router;
};

/// Calls `path` on `router` through find(), as the RPC layer dispatches.
Result<Value> callRouter(const Router &router, const QString &path, Value::List args = {})
{
    Result<Method> method = router.find(path);
    if (!method)
        return method.error();
    HandlerResult r = (*method)(nullptr, args, {});
    return std::get<Result<Value>>(std::move(r));
}

void tst_Rpc::classMethodTables()
{
    // Objects of one class share their method table, and each call reaches its own object.
    MethodCounter a(1);
    MethodCounter b(10);
    QCOMPARE(callRouter(a.router, QStringLiteral("get")).value(), Value(1));
    QCOMPARE(callRouter(b.router, QStringLiteral("add"), {Value(5)}).value(), Value(15));
    QCOMPARE(callRouter(a.router, QStringLiteral("peek")).value(), Value(1));
    QCOMPARE(callRouter(b.router, QStringLiteral("peek")).value(), Value(15));
    QCOMPARE(callRouter(b.router, QStringLiteral("zero")).value(), Value(0));
    QCOMPARE(a.router.names(), (QStringList{QStringLiteral("add"), QStringLiteral("get"), QStringLiteral("peek"), QStringLiteral("zero")}));
    QVERIFY(a.router.contains(QStringLiteral("add")));

    // resolve() gives a Handler bound to the object.
    Result<const Handler *> handler = b.router.resolve(u"get");
    QVERIFY(handler);
    QCOMPARE(std::get<Result<Value>>((**handler)(nullptr, {}, {})).value(), Value(15));

    // Changing one router leaves the others as they were.
    a.router.hide(QStringLiteral("get"));
    QVERIFY(a.router.remove(QStringLiteral("zero")));
    a.router.expose(QStringLiteral("add"), [](int n) { return -n; });
    QCOMPARE(callRouter(a.router, QStringLiteral("get")).error().message(), QStringLiteral("\"Service.get\" is not exposed"));
    QCOMPARE(callRouter(a.router, QStringLiteral("zero")).error().message(), QStringLiteral("Name \"zero\" not found in \"\""));
    QCOMPARE(callRouter(a.router, QStringLiteral("add"), {Value(3)}).value(), Value(-3));
    QCOMPARE(callRouter(a.router, QStringLiteral("peek")).value(), Value(1));
    QCOMPARE(a.router.names(), (QStringList{QStringLiteral("add"), QStringLiteral("get"), QStringLiteral("peek")}));
    QCOMPARE(callRouter(b.router, QStringLiteral("get")).value(), Value(15));
    QCOMPARE(callRouter(b.router, QStringLiteral("add"), {Value(1)}).value(), Value(16));
    QCOMPARE(callRouter(b.router, QStringLiteral("zero")).value(), Value(0));

    // A sub-router next to shared methods; a method is not a router.
    Router child;
    child.expose(QStringLiteral("one"), [] { return 1; });
    b.router.addRouter(QStringLiteral("child"), &child);
    QCOMPARE(callRouter(b.router, QStringLiteral("child/one")).value(), Value(1));
    QCOMPARE(b.router.names(), (QStringList{QStringLiteral("add"), QStringLiteral("child"), QStringLiteral("get"), QStringLiteral("peek"), QStringLiteral("zero")}));
    QCOMPARE(callRouter(b.router, QStringLiteral("get/more")).error().message(),
             QStringLiteral("Name \"more\" not found in \"get\""));

    // Methods of another object than the first one's are this router's own.
    MethodCounter other(100);
    b.router.expose(QStringLiteral("other"), &other, &MethodCounter::get);
    QCOMPARE(callRouter(b.router, QStringLiteral("other")).value(), Value(100));
    QCOMPARE(callRouter(b.router, QStringLiteral("get")).value(), Value(16));
}

void tst_Rpc::proxyCalls()
{
    Proxy remote = m_client->remote();
    QCOMPARE(await(remote[QStringLiteral("add")](1, 2)).value(), Value(3));
    QCOMPARE(await(remote[QStringLiteral("echo")](Value::map({{"ü", Value::list({1.5, nullptr, true})}}))).value(),
             Value::map({{"ü", Value::list({1.5, nullptr, true})}}));
    QCOMPARE(remote[QStringLiteral("calc")][QStringLiteral("mul")].path(), QStringLiteral("calc/mul"));
    QCOMPARE(await(m_client->call(QStringLiteral("add"), {Value(40)}, {{Value("b"), Value(2)}})).value(), Value(42));
    // Calling the root itself is refused locally.
    QCOMPARE(await(remote.call({})).error().code(), ErrorCode::InvalidArgument);
}

void tst_Rpc::keywordArguments()
{
    Proxy remote = m_client->remote();
    QCOMPARE(await(remote[QStringLiteral("kw")](1, 5, kw(QStringLiteral("c"), 9))).value(), Value::list({1, 5, 9}));
    QCOMPARE(await(remote[QStringLiteral("add")](kw(QStringLiteral("a"), 40), kw(QStringLiteral("b"), 2))).value(), Value(42));
    QCOMPARE(await(remote[QStringLiteral("slow")](kw(QStringLiteral("value"), QStringLiteral("zz")), kw(QStringLiteral("ms"), 10))).value(),
             Value("zz"));
}

void tst_Rpc::nestedPaths()
{
    QCOMPARE(await(m_client->remote()[QStringLiteral("calc")][QStringLiteral("mul")](6, 7)).value(), Value(42));
    QCOMPARE(await(m_client->call<qint64>(QStringLiteral("calc/deep/neg"), 5)).value(), -5);
}

void tst_Rpc::memberFunctions()
{
    QCOMPARE(await(m_client->call<int>(QStringLiteral("increment"), 5)).value(), 5);
    QCOMPARE(await(m_client->remote()[QStringLiteral("increment")](kw(QStringLiteral("by"), 2))).value(), Value(7));
    QCOMPARE(await(m_client->call<int>(QStringLiteral("count"))).value(), 7);
    QCOMPARE(m_service->counter.count(), 7);
}

void tst_Rpc::qobjectMethods()
{
    Greeter greeter;
    Router objects;
    objects.exposeObject(&greeter);
    m_service->root.addRouter(QStringLiteral("greeter"), &objects);
    Proxy remote = m_client->remote()[QStringLiteral("greeter")];
    const Result<Value> first = await(remote[QStringLiteral("add")](3, 4));
    QVERIFY2(first, qPrintable(first.error().toString()));
    QCOMPARE(*first, Value(7));
    QCOMPARE(await(remote[QStringLiteral("add")](kw(QStringLiteral("b"), 2), kw(QStringLiteral("a"), 40))).value(), Value(42));
    const Result<Value> greeting = await(remote[QStringLiteral("greet")]("Qt"));
    QVERIFY2(greeting, qPrintable(greeting.error().toString()));
    QCOMPARE(*greeting, Value("Hello, Qt!"));
    QCOMPARE(await(remote[QStringLiteral("describe")]("x", 2)).value(), Value::map({{"weight", 2.0}, {"who", "x"}}));
    QCOMPARE(await(remote[QStringLiteral("touch")]()).value(), Value());
    QCOMPARE(greeter.touched, 1);
    const auto failure = [&](const QString &name, Value::List args) {
        return await(remote[name].call(std::move(args))).error().remoteTraceback().trimmed().section(u'\n', -1);
    };
    QCOMPARE(failure(QStringLiteral("changed"), {}), QStringLiteral("LookupError: \"Greeter.changed\" is not exposed"));
    QCOMPARE(failure(QStringLiteral("secret"), {}), QStringLiteral("LookupError: \"Greeter.secret\" is not exposed"));
    QCOMPARE(failure(QStringLiteral("deleteLater"), {}), QStringLiteral("LookupError: Name \"deleteLater\" not found in \"greeter\""));
    QCOMPARE(failure(QStringLiteral("add"), {Value(1)}), QStringLiteral("TypeError: add() takes 2 positional arguments but 1 was given"));
    QVERIFY(failure(QStringLiteral("add"), {Value("x"), Value(1)}).startsWith(u"TypeError: add() argument 'a'"));
    m_service->root.remove(QStringLiteral("greeter"));
}

void tst_Rpc::routerPaths()
{
    QCOMPARE(m_service->root.path(), QString());
    QCOMPARE(m_service->calc.path(), QStringLiteral("calc"));
    QCOMPARE(m_service->deep.path(), QStringLiteral("calc/deep"));
    QCOMPARE(m_service->deep.parent(), &m_service->calc);
}

void tst_Rpc::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<Value>("args");
    QTest::addColumn<QString>("lastLine");
    QTest::newRow("unknown name") << "nope" << Value::list() << R"(LookupError: Name "nope" not found in "")";
    QTest::newRow("unknown nested name") << "calc/nope" << Value::list({1}) << R"(LookupError: Name "nope" not found in "calc")";
    QTest::newRow("unknown deep name") << "calc/deep/nope" << Value::list() << R"(LookupError: Name "nope" not found in "calc/deep")";
    QTest::newRow("method used as router") << "add/more" << Value::list() << R"(LookupError: Name "more" not found in "add")";
    QTest::newRow("not exposed") << "not_exposed" << Value::list()
                                 << R"(LookupError: "rpc_server.TestService.not_exposed" is not exposed)";
    QTest::newRow("router called") << "calc" << Value::list() << R"(LookupError: "rpc_server.TestService.calc" is not exposed)";
    QTest::newRow("missing argument") << "add" << Value::list({1})
                                      << "TypeError: add() missing 1 required positional argument: 'b'";
    QTest::newRow("too many arguments") << "add" << Value::list({1, 2, 3})
                                        << "TypeError: add() takes 2 positional arguments but 3 were given";
    QTest::newRow("wrong type") << "add" << Value::list({"x", 2})
                                << "TypeError: add() argument 'a': expected integer, got str (\"x\")";
}

void tst_Rpc::errors()
{
    QFETCH(QString, path);
    QFETCH(Value, args);
    QFETCH(QString, lastLine);
    Result<Value> r = await(m_client->call(path, args.asList()));
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::RemoteException);
    QVERIFY2(r.error().remoteTraceback().endsWith(lastLine + u'\n'), qPrintable(r.error().remoteTraceback()));
    QVERIFY(r.error().remoteTraceback().startsWith(u"Traceback (most recent call last):\n"));
    QVERIFY(m_client->channel()->isOpen()); // errors never cost the connection
}

void tst_Rpc::exceptionsBecomeFailures()
{
    Result<Value> r = await(m_client->call(QStringLiteral("fail"), {Value("boom")}));
    QCOMPARE(r.error().remoteType(), QStringLiteral("demo.Boom"));
    QVERIFY(r.error().remoteTraceback().endsWith(u"demo.Boom: boom\n"));
    r = await(m_client->call(QStringLiteral("std_fail")));
    QVERIFY(r.error().remoteTraceback().endsWith(u"RuntimeError: plain\n"));
}

void tst_Rpc::resultErrorsBecomeFailures()
{
    QCOMPARE(await(m_client->call<double>(QStringLiteral("checked_sqrt"), 16.0)).value(), 4.0);
    Result<Value> r = await(m_client->call(QStringLiteral("checked_sqrt"), {Value(-1.0)}));
    QVERIFY(r.error().remoteTraceback().endsWith(u"ValueError: math domain error\n"));
}

void tst_Rpc::malformedRequestGetsAFailure()
{
    // aiomas's own server stays silent on these; we answer with a failure.
    for (const Value &bad : {Value("add"), Value::list({"add", Value::list()}), Value::list({1, Value::list(), Value::map()}),
                             Value::list({"add", Value::map(), Value::map()})}) {
        Result<Value> r = await(m_client->channel()->send(bad, 5s));
        QVERIFY2(!r, qPrintable(bad.toDisplayString()));
        QCOMPARE(r.error().code(), ErrorCode::RemoteException);
        QCOMPARE(r.error().remoteType(), QStringLiteral("TypeError"));
    }
}

void tst_Rpc::outOfOrderConcurrentReplies()
{
    // Three calls run at once on the server; their handlers finish in the reverse order.
    HeldCalls calls;
    calls.exposeOn(m_service->root);
    std::vector<QString> order;
    QObject ctx;
    for (const auto &[slot, v] : {std::pair{0, "a"}, std::pair{1, "b"}, std::pair{2, "c"}}) {
        QCoro::connect(m_client->call<QString>(QStringLiteral("held"), slot, QString::fromLatin1(v)), &ctx,
                       [&](Result<QString> r) { order.push_back(r.valueOr(QStringLiteral("error"))); });
    }
    QTRY_COMPARE(calls.stage, (std::array<int, 3>{1, 1, 1}));
    QVERIFY(order.empty());
    // Each reply arrives as soon as its handler finishes, whatever was asked before it.
    calls.release[2].open();
    QTRY_COMPARE(order, std::vector<QString>{QStringLiteral("c")});
    calls.release[1].open();
    QTRY_COMPARE(order, (std::vector<QString>{QStringLiteral("c"), QStringLiteral("b")}));
    calls.release[0].open();
    QTRY_COMPARE(order, (std::vector<QString>{QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("a")}));
}

void tst_Rpc::handlerCallsBackIntoCaller()
{
    Result<Value> r = await(m_client->call(QStringLiteral("call_client"), {Value(7)}));
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(*r, Value::list({"srv", Value::list({"pong", 7})}));
}

void tst_Rpc::servicesAndProxiesAsArguments()
{
    // The client passes its own service; the server calls it back over the same connection.
    Result<Value> r = await(m_client->remote()[QStringLiteral("call_proxy")](&m_clientService, 5));
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(*r, Value::list({"pong", 5}));
    // The server returns a sub-service; the client gets a proxy to it.
    Result<Proxy> calc = await(m_client->call<Proxy>(QStringLiteral("get_calc")));
    QVERIFY2(calc, qPrintable(calc.error().toString()));
    QCOMPARE(calc->path(), QStringLiteral("calc"));
    QCOMPARE(await((*calc)[QStringLiteral("mul")](6, 7)).value(), Value(42));
    // A proxy goes back to its own connection as its path.
    r = await(m_client->remote()[QStringLiteral("echo")](*calc));
    QCOMPARE(r->to<Proxy>().value(), *calc);
    // A router that this connection does not serve cannot be passed.
    Router stranger;
    r = await(m_client->remote()[QStringLiteral("echo")](&stranger));
    QCOMPARE(r.error().code(), ErrorCode::SerializationError);
}

void tst_Rpc::dictionaryRouter()
{
    // Names come and go at run time (aiomas's ServiceDict).
    m_service->root.expose(QStringLiteral("late"), []() { return QStringLiteral("here"); });
    QCOMPARE(await(m_client->call(QStringLiteral("late"))).value(), Value("here"));
    QVERIFY(m_service->root.remove(QStringLiteral("late")));
    QVERIFY(await(m_client->call(QStringLiteral("late"))).error().remoteTraceback().endsWith(
        u"LookupError: Name \"late\" not found in \"\"\n"));
    QVERIFY(m_service->root.names().contains(QStringLiteral("add")));
}

void tst_Rpc::connectionResetAndClose()
{
    QSignalSpy reset(m_client.get(), &RpcClient::connectionReset);
    HeldCalls calls;
    calls.exposeOn(m_service->root);
    // The server goes away while a call runs: the client is told, pending and later calls fail.
    std::optional<Result<Value>> pending;
    QObject ctx;
    QCoro::connect(m_client->call(QStringLiteral("held"), {Value(0), Value("late")}), &ctx,
                   [&](Result<Value> r) { pending = std::move(r); });
    QTRY_COMPARE(calls.stage[0], 1); // the server took the call
    QVERIFY(!pending);
    delete m_server;
    m_server = nullptr;
    QTRY_VERIFY(pending.has_value());
    QCOMPARE(pending->error().code(), ErrorCode::ConnectionReset);
    QTRY_COMPARE(reset.size(), 1);
    QCOMPARE(reset.at(0).at(0).value<Error>().code(), ErrorCode::ConnectionReset);
    QCOMPARE(await(m_client->call(QStringLiteral("add"), {Value(1), Value(2)})).error().code(), ErrorCode::ConnectionReset);
    await(m_client->close()); // closing a reset connection is harmless
    // The orphaned handler on the (gone) server side finishes before the test ends; its answer
    // has no connection to go to.
    QCOMPARE(calls.stage[0], 1);
    calls.release[0].open();
    QTRY_COMPARE(calls.stage[0], 2);
}

QTEST_GUILESS_MAIN(tst_Rpc)
#include "tst_rpc.moc"
