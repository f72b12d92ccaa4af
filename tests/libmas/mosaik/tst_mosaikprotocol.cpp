// SPDX-License-Identifier: MIT
// The mosaik protocol of mas::mosaik::Simulator without a connection: decoded requests go to
// Simulator::handleRequest() and its replies are checked as the JSON mosaik would read, through
// a whole lifecycle of the reference Counter (init, create, setup_done, step, get_data, stop) and
// the failures of each call. tst_mosaiksimulator covers the same simulator over TCP.

#include <mas/clock/clock.h>
#include <mas/codec/jsoncodec.h>
#include <mas/mosaik/counter.h>
#include <mas/mosaik/simulator.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <stdexcept>

using namespace mas;
using namespace mas::mosaik;
using Kind = Simulator::Reply::Kind;

namespace {

QString json(const Value &v)
{
    return QString::fromUtf8(JsonCodec::write(v, nullptr).value());
}

/// The reply of `simulator` to `[name, args, kwargs]`.
Simulator::Reply
serve(Simulator &simulator, const QString &name, Value::List args = {}, Value::Map kwargs = {})
{
    return QCoro::waitFor(simulator.handleRequest(
        Value::list({Value(name), Value(std::move(args)), Value(std::move(kwargs))})));
}

/// The type and message of a failure reply ("" when it is none).
QString failureOf(const Simulator::Reply &reply)
{
    if (reply.kind != Kind::Failure || !reply.content.isList() || reply.content.size() < 2)
        return QString();
    return reply.content.at(0).toString() + QStringLiteral(": ") + reply.content.at(1).toString();
}

} // namespace

class tst_MosaikProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycle();
    void failureContent();
    void malformedRequests_data();
    void malformedRequests();
    void callFailures_data();
    void callFailures();
    void extraMethodsShareTheDispatcher();
    void builtInNamesStayBuiltIn();
    void stopBeforeAnything();
    void exceptionsBecomeFailures();
};

void tst_MosaikProtocol::lifecycle()
{
    CounterSimulator counter;
    QSignalSpy initialized(&counter, &Simulator::initialized);
    QSignalSpy created(&counter, &Simulator::entitiesCreated);
    QSignalSpy finished(&counter, &Simulator::stepFinished);
    QSignalSpy stopped(&counter, &Simulator::stopped);

    // init: the meta comes back, the sim_params go to the simulator.
    Simulator::Reply reply =
        serve(counter, QStringLiteral("init"), {Value("Counter-0")},
              {{Value("time_resolution"), Value(0.5)}, {Value("step_size"), Value(2)}});
    QCOMPARE(reply.kind, Kind::Success);
    QCOMPARE(reply.content.find(u"type")->toString(), QStringLiteral("time-based"));
    QVERIFY(reply.content.find(u"models")->find(u"Counter"));
    QCOMPARE(counter.sid(), QStringLiteral("Counter-0"));
    QCOMPARE(counter.timeResolution(), 0.5);
    QCOMPARE(initialized.size(), 1);

    // create: the entities as mosaik's list.
    reply = serve(counter, QStringLiteral("create"), {Value(2), Value("Counter")},
                  {{Value("init"), Value(5)}});
    QCOMPARE(reply.kind, Kind::Success);
    QCOMPARE(
        json(reply.content),
        QStringLiteral(
            R"([{"eid": "Counter_0", "type": "Counter"}, {"eid": "Counter_1", "type": "Counter"}])"));
    QCOMPARE(counter.entities().size(), size_t(2));
    QCOMPARE(created.size(), 1);

    reply = serve(counter, QStringLiteral("setup_done"));
    QCOMPARE(reply.kind, Kind::Success);
    QVERIFY(reply.content.isNull());

    // step 0: inputs add up on Counter_0, Counter_1 counts 1; the next step is an integer.
    const Value inputs =
        Value::map({{Value("Counter_0"),
                     Value::map({{Value("delta"), Value::map({{Value("Src-0.a"), Value(3)},
                                                              {Value("Src-0.b"), Value(4)}})}})}});
    reply = serve(counter, QStringLiteral("step"), {Value(0), inputs, Value(10)});
    QCOMPARE(reply.kind, Kind::Success);
    QCOMPARE(json(reply.content), QStringLiteral("2"));
    QCOMPARE(counter.lastStepTime(), std::optional<qint64>(0));
    QVERIFY(!counter.isStepOpen());

    // step 2 moves the clock to 2 × 0.5 s.
    reply = serve(counter, QStringLiteral("step"), {Value(2), Value::map(), Value(10)});
    QCOMPARE(reply.kind, Kind::Success);
    QCOMPARE(json(reply.content), QStringLiteral("4"));
    QCOMPARE(counter.clock()->time(), 1.0);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.last().at(1).toLongLong(), 4);

    reply = serve(counter, QStringLiteral("get_data"),
                  {Value::map({{Value("Counter_0"), Value::list({Value("count"), Value("delta")})},
                               {Value("Counter_1"), Value::list({Value("count")})}})});
    QCOMPARE(reply.kind, Kind::Success);
    QCOMPARE(
        json(reply.content),
        QStringLiteral(R"({"Counter_0": {"count": 13, "delta": 1}, "Counter_1": {"count": 7}})"));

    // stop: no reply; the simulator ends (no connection to close).
    reply = serve(counter, QStringLiteral("stop"));
    QCOMPARE(reply.kind, Kind::None);
    QVERIFY(counter.isStopped());
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!stopped.first().at(0).value<mas::Error>().isError());
    // After stop mosaik reads nothing more.
    reply = serve(counter, QStringLiteral("get_data"), {Value::map()});
    QCOMPARE(reply.kind, Kind::None);
}

void tst_MosaikProtocol::failureContent()
{
    CounterSimulator counter;
    QCOMPARE(serve(counter, QStringLiteral("init"), {Value("Counter-0")}).kind, Kind::Success);
    const Simulator::Reply reply =
        serve(counter, QStringLiteral("get_data"),
              {Value::map({{Value("Counter_9"), Value::list({Value("count")})}})});
    QCOMPARE(reply.kind, Kind::Failure);
    // mosaik's shape: [type, message, traceback parts...], naming the simulator and the call.
    const Value expected =
        Value::list({Value("LookupError"), Value("Unknown entity \"Counter_9\""),
                     Value("Traceback (most recent call last):\n"),
                     Value("  In the libmas simulator \"Counter-0\", get_data\n"),
                     Value("LookupError: Unknown entity \"Counter_9\"\n")});
    QCOMPARE(json(reply.content), json(expected));
}

void tst_MosaikProtocol::malformedRequests_data()
{
    QTest::addColumn<Value>("content");
    QTest::newRow("not a list") << Value("step");
    QTest::newRow("two elements") << Value::list({Value("step"), Value::list()});
    QTest::newRow("name not a string") << Value::list({Value(1), Value::list(), Value::map()});
    QTest::newRow("args not a list") << Value::list({Value("step"), Value::map(), Value::map()});
    QTest::newRow("kwargs not a map") << Value::list({Value("step"), Value::list(), Value::list()});
}

void tst_MosaikProtocol::malformedRequests()
{
    QFETCH(Value, content);
    CounterSimulator counter;
    // The bad request is logged once, as a warning.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                           "^A mosaik request must be \\[name, args, kwargs\\]")));
    const Simulator::Reply reply = QCoro::waitFor(counter.handleRequest(content));
    QCOMPARE(reply.kind, Kind::Failure);
    QVERIFY2(failureOf(reply).startsWith(
                 u"TypeError: A mosaik request must be [name, args, kwargs], got "),
             qPrintable(failureOf(reply)));
    QVERIFY(!counter.isStopped());
}

void tst_MosaikProtocol::callFailures_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Value>("args");
    QTest::addColumn<Value>("kwargs");
    QTest::addColumn<QString>("failure");

    const Value none = Value::map();
    QTest::newRow("unknown method") << "nope" << Value::list() << none
                                    << "AttributeError: The simulator has no method \"nope\"";
    QTest::newRow("init without sid")
        << "init" << Value::list() << none
        << "TypeError: init() takes the simulator id as its one positional argument";
    QTest::newRow("init bad resolution")
        << "init" << Value::list({Value("S")}) << Value::map({{Value("time_resolution"), Value(0)}})
        << "ValueError: time_resolution must be a positive number, got 0";
    QTest::newRow("init unknown sim_param")
        << "init" << Value::list({Value("S")}) << Value::map({{Value("colour"), Value("red")}})
        << "TypeError: init() got an unexpected keyword argument 'colour'";
    QTest::newRow("create arity")
        << "create" << Value::list({Value(1)}) << none
        << "TypeError: create() takes 2 positional arguments but 1 were given";
    QTest::newRow("create unknown model")
        << "create" << Value::list({Value(1), Value("Gauge")}) << none
        << "ValueError: The simulator has no public model \"Gauge\"";
    QTest::newRow("create unknown param")
        << "create" << Value::list({Value(1), Value("Counter")})
        << Value::map({{Value("start"), Value(1)}})
        << "TypeError: Counter got an unexpected keyword argument 'start'";
    QTest::newRow("setup_done with arguments")
        << "setup_done" << Value::list({Value(1)}) << none
        << "TypeError: setup_done() takes 0 positional arguments but 1 were given";
    QTest::newRow("step keyword") << "step" << Value::list({Value(0), none, Value(1)})
                                  << Value::map({{Value("x"), Value(1)}})
                                  << "TypeError: step() takes no keyword arguments";
    QTest::newRow("step arity")
        << "step" << Value::list({Value(0)}) << none
        << "TypeError: step() takes 3 positional arguments but 1 were given";
    QTest::newRow("step time not an integer")
        << "step" << Value::list({Value(0.5), none, Value(1)}) << none
        << "TypeError: step() needs an integer time and max_advance, got [0.5, {}, 1]";
    QTest::newRow("step inputs not an object")
        << "step" << Value::list({Value(0), Value::list(), Value(1)}) << none
        << "TypeError: step() inputs must be an object, got []";
    QTest::newRow("get_data not an object")
        << "get_data" << Value::list({Value::list()}) << none
        << "TypeError: get_data() takes one object {eid: [attr, ...]}, got [[]]";
}

void tst_MosaikProtocol::callFailures()
{
    QFETCH(QString, name);
    QFETCH(Value, args);
    QFETCH(Value, kwargs);
    QFETCH(QString, failure);
    CounterSimulator counter;
    // Each failure is logged once, as a warning naming the call.
    QTest::ignoreMessage(QtWarningMsg, qPrintable(name + QStringLiteral(" failed: ") + failure));
    const Simulator::Reply reply = serve(counter, name, args.asList(), kwargs.asMap());
    QCOMPARE(failureOf(reply), failure);
    QVERIFY(!counter.isStopped());
}

void tst_MosaikProtocol::extraMethodsShareTheDispatcher()
{
    CounterSimulator counter;
    int noise = 0;
    counter.exposeExtraMethod(QStringLiteral("add_noise"),
                              [&](int amount) { return noise += amount; },
                              {QStringLiteral("amount")});
    Simulator::Reply reply = serve(counter, QStringLiteral("init"), {Value("Counter-0")});
    QCOMPARE(reply.kind, Kind::Success);
    QCOMPARE(json(*reply.content.find(u"extra_methods")), QStringLiteral(R"(["add_noise"])"));
    reply = serve(counter, QStringLiteral("add_noise"), {Value(3)});
    QCOMPARE(reply.kind, Kind::Success);
    QCOMPARE(json(reply.content), QStringLiteral("3"));
    reply = serve(counter, QStringLiteral("add_noise"), {}, {{Value("amount"), Value(4)}});
    QCOMPARE(json(reply.content), QStringLiteral("7"));
    QCOMPARE(noise, 7);
    // The handler's own argument check, as a Python TypeError.
    reply = serve(counter, QStringLiteral("add_noise"), {Value("loud")});
    QCOMPARE(reply.kind, Kind::Failure);
    QVERIFY2(failureOf(reply).startsWith(u"TypeError: "), qPrintable(failureOf(reply)));
    // An exception thrown by an extra method is a failure too (the RPC handler's), and the
    // simulator serves on.
    counter.exposeExtraMethod(QStringLiteral("explode"),
                              []() -> int { throw std::runtime_error("no such key"); });
    reply = serve(counter, QStringLiteral("explode"));
    QCOMPARE(reply.kind, Kind::Failure);
    QCOMPARE(json(serve(counter, QStringLiteral("add_noise"), {Value(1)}).content),
             QStringLiteral("8"));
}

void tst_MosaikProtocol::builtInNamesStayBuiltIn()
{
    // An extra method may not take the name of one of mosaik's calls: the call stays mosaik's
    // and init reports the name.
    CounterSimulator counter;
    bool called = false;
    counter.exposeExtraMethod(QStringLiteral("setup_done"), [&] { called = true; });
    const Simulator::Reply reply = serve(counter, QStringLiteral("setup_done"));
    QCOMPARE(reply.kind, Kind::Success);
    QVERIFY(!called);
    QVERIFY2(failureOf(serve(counter, QStringLiteral("init"), {Value("Counter-0")}))
                 .contains(u"reserved by mosaik"),
             "init accepted a reserved extra method name");
}

void tst_MosaikProtocol::stopBeforeAnything()
{
    CounterSimulator counter;
    QSignalSpy stopped(&counter, &Simulator::stopped);
    QCOMPARE(serve(counter, QStringLiteral("stop")).kind, Kind::None);
    QCOMPARE(stopped.size(), 1);
    // A second stop is ignored.
    QCOMPARE(serve(counter, QStringLiteral("stop")).kind, Kind::None);
    QCOMPARE(stopped.size(), 1);
}

void tst_MosaikProtocol::exceptionsBecomeFailures()
{
    // A simulator method that throws: SimulatorException gives the Python type, any other
    // exception is a RuntimeError.
    class Throwing : public CounterSimulator
    {
    public:
        bool typed = true;

    protected:
        Result<Value> getData(const Value &) override
        {
            if (typed)
                throw SimulatorException(QStringLiteral("KeyError"), QStringLiteral("no such key"));
            throw std::runtime_error("out of order");
        }
    };
    Throwing simulator;
    QCOMPARE(failureOf(serve(simulator, QStringLiteral("get_data"), {Value::map()})),
             QStringLiteral("KeyError: no such key"));
    simulator.typed = false;
    QCOMPARE(failureOf(serve(simulator, QStringLiteral("get_data"), {Value::map()})),
             QStringLiteral("RuntimeError: out of order"));
    QCOMPARE(serve(simulator, QStringLiteral("init"), {Value("Counter-0")}).kind, Kind::Success);
}

QTEST_GUILESS_MAIN(tst_MosaikProtocol)
#include "tst_mosaikprotocol.moc"
