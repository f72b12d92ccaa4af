// SPDX-License-Identifier: MIT
// The mosaik simulator base class against a scripted mosaik peer over TCP on 127.0.0.1: meta
// encoding and checks, integers staying integers, stop, an event-based model, calls into mosaik
// while a step is open (get_progress, set_data, set_event, get_data, failures from mosaik),
// failures sent as mosaik's arrays, the clock, held steps.

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/clock/clock.h>
#include <mas/codec/jsoncodec.h>
#include <mas/mosaik/simulator.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <QCoro/QCoroTimer>

#include <mas/mosaik/counter.h>

using namespace mas;
using namespace mas::mosaik;
using namespace std::chrono_literals;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

Value request(const QString &name, Value::List args = {}, Value::Map kwargs = {})
{
    return Value::list({Value(name), Value(std::move(args)), Value(std::move(kwargs))});
}

QByteArray json(const Value &v)
{
    return JsonCodec::write(v, nullptr).value();
}

/// mosaik's side of one connection: sends lifecycle requests and answers the simulator's calls
/// with a script (`answer`), recording each call it got.
class ScriptedMosaik : public QObject
{
public:
    using Answer = std::function<void(const Request &)>;

    explicit ScriptedMosaik(const Address &simulator)
    {
        channel = await(openConnection(simulator)).value();
        connect(channel.get(), &Channel::requestReceived, this, [this] {
            while (std::optional<Request> r = channel->takeRequest()) {
                calls.push_back(r->content());
                if (answer)
                    answer(*r);
                else
                    (void)r->reply(Value());
            }
        });
    }

    Result<Value> call(const QString &name, Value::List args = {}, Value::Map kwargs = {},
                       std::chrono::milliseconds timeout = 5s)
    {
        return await(channel->send(request(name, std::move(args), std::move(kwargs)), timeout));
    }
    /// init + create as the recordings do.
    void setUp(Value::Map simParams = {})
    {
        Value::Map kwargs{{Value("time_resolution"), Value(1.0)}};
        for (auto &p : simParams)
            kwargs.push_back(p);
        QVERIFY(call(QStringLiteral("init"), {Value("Sim-0")}, kwargs));
    }

    std::unique_ptr<Channel> channel;
    Answer answer;
    std::vector<Value> calls;
};

/// Collects the payloads of the frames a channel receives.
struct FrameWatch : ChannelObserver
{
    QList<QByteArray> *out = nullptr;
    void frameEvent(const Channel &, const FrameEvent &e) override
    {
        if (e.direction == FrameEvent::Direction::Received)
            out->append(e.payload);
    }
};

/// The type and message of a failure mosaik got (the first two strings of its array).
QStringList failureOf(const Result<Value> &r)
{
    if (r || r.error().code() != ErrorCode::RemoteException)
        return {};
    return r.error().remoteTraceback().split(u'\n').mid(0, 2);
}

/// A configurable simulator for the unit tests.
class TestSimulator : public Simulator
{
public:
    explicit TestSimulator(Meta meta)
        : Simulator(std::move(meta))
    {}

    std::function<QCoro::Task<Result<std::optional<qint64>>>(qint64, const Value &)> onStep;
    std::function<Result<Value>(const Value &)> onGetData;
    int finalizeCalls = 0;
    int stepBodies = 0;

protected:
    Result<void> init(const QString &, double, const Value::Map &) override { return {}; }
    Result<std::vector<Entity>> create(int num, const QString &model, const Value::Map &) override
    {
        std::vector<Entity> made;
        for (int i = 0; i < num; ++i) {
            Entity e;
            e.eid = QStringLiteral("%1_%2").arg(model).arg(m_next++);
            e.type = model;
            made.push_back(e);
        }
        return made;
    }
    QCoro::Task<Result<std::optional<qint64>>> step(qint64 time, const Value &inputs, qint64) override
    {
        ++stepBodies;
        if (onStep) {
            Result<std::optional<qint64>> r = co_await onStep(time, inputs);
            co_return r;
        }
        std::optional<qint64> next = time + 1;
        co_return next;
    }
    Result<Value> getData(const Value &outputs) override
    {
        if (onGetData)
            return onGetData(outputs);
        return Value::map();
    }
    void finalize() override { ++finalizeCalls; }

private:
    int m_next = 0;
};

Meta oneModel(SimulatorType type)
{
    Meta meta;
    meta.type = type;
    Model model;
    model.name = QStringLiteral("M");
    model.params = QStringList{QStringLiteral("p")};
    model.attrs = QStringList{QStringLiteral("in"), QStringLiteral("out")};
    meta.models.push_back(model);
    return meta;
}

Address listenLocal(Simulator &simulator)
{
    return simulator.listen(Address::tcp(QStringLiteral("127.0.0.1"), 0), 10s).value();
}

/// Runs the event loop until a call queued for `context` now has run: what was queued before
/// it (posted events run in order) has run too.
bool queuedEventsRan(QObject *context)
{
    bool ran = false;
    QMetaObject::invokeMethod(context, [&ran] { ran = true; }, Qt::QueuedConnection);
    return QTest::qWaitFor([&ran] { return ran; }, 5000);
}

} // namespace

class tst_MosaikSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metaEncoding();
    void metaValidation_data();
    void metaValidation();
    void integersStayIntegers();
    void stopEndsTheSimulatorWithoutReply();
    void connectionLossWithoutStop();
    void eventBasedModel();
    void stepReplyChecks();
    void callsIntoMosaikDuringAStep();
    void mosaikFailureReachesTheStep();
    void callsOutsideAStepFailLocally();
    void requestsServedWhileAStepWaits();
    void failuresAreMosaikArrays();
    void extraMethods();
    void clockFollowsTheSteps();
    void holdAtStepAndContinue();
    void holdEveryStepAndStopWhileHeld();
    void secondConnectionRefused();
};

void tst_MosaikSimulator::metaEncoding()
{
    // Byte for byte what mosaik-api-v3 sent for the reference Counter (recording, frame 1).
    QCOMPARE(json(mosaik::CounterSimulator::counterMeta().toValue()),
             QByteArray(R"({"api_version": "3.0", "models": {"Counter": {"public": true, "params": ["init"], )"
                        R"("attrs": ["delta", "count"]}}, "extra_methods": [], "type": "time-based"})"));

    Meta hybrid = oneModel(SimulatorType::Hybrid);
    hybrid.models[0].trigger = QStringList{QStringLiteral("in")};
    hybrid.models[0].persistent = QStringList{QStringLiteral("out")};
    Model hidden;
    hidden.name = QStringLiteral("Child");
    hidden.isPublic = false;
    hidden.anyInputs = true;
    hybrid.models.push_back(hidden);
    hybrid.extraMethods = QStringList{QStringLiteral("reset")};
    QVERIFY(hybrid.validate());
    QCOMPARE(json(hybrid.toValue()),
             QByteArray(R"({"api_version": "3.0", "models": {"M": {"public": true, "params": ["p"], "attrs": ["in", "out"], )"
                        R"("trigger": ["in"], "persistent": ["out"]}, "Child": {"public": false, "params": [], "attrs": [], )"
                        R"("any_inputs": true}}, "extra_methods": ["reset"], "type": "hybrid"})"));
    QCOMPARE(simulatorTypeFromName(u"event-based"), std::optional(SimulatorType::EventBased));
    QCOMPARE(simulatorTypeFromName(u"event_based"), std::nullopt);
}

void tst_MosaikSimulator::metaValidation_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("message");
    QTest::newRow("reserved model name") << 0 << QStringLiteral("The model name \"step\" is reserved by mosaik");
    QTest::newRow("trigger on time-based") << 1 << QStringLiteral("a time-based simulator cannot have trigger inputs");
    QTest::newRow("persistent on event-based") << 2 << QStringLiteral("an event-based simulator cannot have persistent outputs");
    QTest::newRow("unknown attr") << 3 << QStringLiteral("\"nope\" in persistent is not one of its attrs");
    QTest::newRow("api 4") << 4 << QStringLiteral("api_version \"4.0\" is not a version mosaik 3 accepts");
    QTest::newRow("extra method named like a model") << 5 << QStringLiteral("The extra method \"M\" has the name of a model");
    QTest::newRow("duplicate model") << 6 << QStringLiteral("The model \"M\" is declared twice");
}

void tst_MosaikSimulator::metaValidation()
{
    QFETCH(int, variant);
    QFETCH(QString, message);
    Meta meta = oneModel(variant == 2 ? SimulatorType::EventBased : SimulatorType::TimeBased);
    switch (variant) {
    case 0: meta.models[0].name = QStringLiteral("step"); break;
    case 1: meta.models[0].trigger = QStringList{QStringLiteral("in")}; break;
    case 2: meta.models[0].persistent = QStringList{QStringLiteral("out")}; break;
    case 3: meta.type = SimulatorType::Hybrid; meta.models[0].persistent = QStringList{QStringLiteral("nope")}; break;
    case 4: meta.apiVersion = QStringLiteral("4.0"); break;
    case 5: meta.extraMethods = QStringList{QStringLiteral("M")}; break;
    case 6: meta.models.push_back(meta.models[0]); break;
    }
    Result<void> r = meta.validate();
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
    QVERIFY2(r.error().message().contains(message), qPrintable(r.error().message()));

    // The simulator answers init with that failure instead of a meta mosaik would reject.
    TestSimulator simulator(meta);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("init failed: ValueError")));
    ScriptedMosaik mosaik(listenLocal(simulator));
    const QStringList failure = failureOf(mosaik.call(QStringLiteral("init"), {Value("S-0")}));
    QCOMPARE(failure.value(0), QStringLiteral("ValueError"));
    QVERIFY(failure.value(1).contains(message));
}

void tst_MosaikSimulator::integersStayIntegers()
{
    mosaik::CounterSimulator counter;
    ScriptedMosaik mosaik(listenLocal(counter));
    QVERIFY(mosaik.call(QStringLiteral("init"), {Value("C-0")}, {{Value("time_resolution"), Value(0.5)}, {Value("step_size"), Value(2)}}));
    QVERIFY(mosaik.call(QStringLiteral("create"), {Value(1), Value("Counter")}, {{Value("init"), Value(1.5)}}));
    QVERIFY(mosaik.call(QStringLiteral("create"), {Value(1), Value("Counter")}, {{Value("init"), Value(7)}}));

    // Watch the raw reply frames: the next time must be 2, never 2.0.
    QList<QByteArray> replies;
    FrameWatch watch;
    watch.out = &replies;
    mosaik.channel->addObserver(&watch);
    Result<Value> next = mosaik.call(QStringLiteral("step"), {Value(0), Value::map(), Value(10)});
    QVERIFY(next);
    QCOMPARE(next->type(), Value::Type::Int);
    QCOMPARE(next->toInt(), 2);
    QVERIFY2(replies.last().endsWith(", 2]"), replies.last().constData());

    Result<Value> data = mosaik.call(QStringLiteral("get_data"), {Value::map({{Value("Counter_0"), Value::list({Value("count")})},
                                                                            {Value("Counter_1"), Value::list({Value("count")})}})});
    QVERIFY(data);
    mosaik.channel->removeObserver(&watch);
    QCOMPARE(replies.last(), QByteArray(R"([1, 4, {"Counter_0": {"count": 2.5}, "Counter_1": {"count": 8}}])"));

    // A float time mosaik would reject is made an integer: getData's "time" of 2.0 goes out as 2.
    TestSimulator event(oneModel(SimulatorType::EventBased));
    event.onGetData = [](const Value &) { return Value::map({{Value("time"), Value(2.0)}}); };
    ScriptedMosaik mosaik2(listenLocal(event));
    mosaik2.setUp();
    QList<QByteArray> frames;
    watch.out = &frames;
    mosaik2.channel->addObserver(&watch);
    QVERIFY(mosaik2.call(QStringLiteral("get_data"), {Value::map()}));
    mosaik2.channel->removeObserver(&watch);
    QCOMPARE(frames.last(), QByteArray(R"([1, 1, {"time": 2}])"));
}

void tst_MosaikSimulator::stopEndsTheSimulatorWithoutReply()
{
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    QSignalSpy stopped(&simulator, &Simulator::stopped);
    ScriptedMosaik mosaik(listenLocal(simulator));
    mosaik.setUp();
    QVERIFY(simulator.isRunning());

    // mosaik waits 0.1 s for a reply it does not expect; none comes, the simulator closes.
    const Result<Value> reply = mosaik.call(QStringLiteral("stop"), {}, {}, 3s);
    QVERIFY(!reply);
    QCOMPARE(reply.error().code(), ErrorCode::ConnectionReset); // closed, not answered
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 5000);
    QCOMPARE(stopped.at(0).at(0).value<Error>().code(), ErrorCode::NoError);
    QCOMPARE(simulator.finalizeCalls, 1);
    QVERIFY(simulator.isStopped());
    QVERIFY(!simulator.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!mosaik.channel->isOpen(), 5000);
    // Once: the simulator's own close after stop is not a lost connection.
    QVERIFY(queuedEventsRan(&simulator));
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(simulator.finalizeCalls, 1);
}

void tst_MosaikSimulator::connectionLossWithoutStop()
{
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    QSignalSpy stopped(&simulator, &Simulator::stopped);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("The connection to mosaik ended")));
    {
        ScriptedMosaik mosaik(listenLocal(simulator));
        mosaik.setUp();
        mosaik.channel->abort(Error(ErrorCode::ConnectionClosed, QStringLiteral("mosaik crashed")));
    }
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 5000);
    const Error reason = stopped.at(0).at(0).value<Error>();
    QVERIFY(reason.isError());
    QVERIFY(reason.code() == ErrorCode::ConnectionClosed || reason.code() == ErrorCode::ConnectionReset);
    QCOMPARE(simulator.finalizeCalls, 1);
}

void tst_MosaikSimulator::eventBasedModel()
{
    Meta meta = oneModel(SimulatorType::EventBased);
    meta.models[0].trigger = QStringList{QStringLiteral("in"), QStringLiteral("out")};
    TestSimulator simulator(meta);
    // Steps only on input; no self-scheduled step. Outputs carry the time they take effect.
    std::vector<qint64> steps;
    simulator.onStep = [&](qint64 time, const Value &inputs) -> QCoro::Task<Result<std::optional<qint64>>> {
        steps.push_back(time);
        std::optional<qint64> next;
        if (inputs.contains(u"M_0"))
            next = time + 5; // and once more, later
        co_return next;
    };
    simulator.onGetData = [&](const Value &) {
        return Value::map({{Value("M_0"), Value::map({{Value("out"), Value(42)}})}, {Value("time"), Value(steps.back())}});
    };
    ScriptedMosaik mosaik(listenLocal(simulator));
    Result<Value> metaReply = mosaik.call(QStringLiteral("init"), {Value("E-0")}, {{Value("time_resolution"), Value(1.0)}});
    QVERIFY(metaReply);
    QCOMPARE(metaReply->value(u"type").toString(), QStringLiteral("event-based"));
    QCOMPARE(metaReply->value(u"models").value(u"M").value(u"trigger"), Value::list({Value("in"), Value("out")}));
    QVERIFY(mosaik.call(QStringLiteral("create"), {Value(1), Value("M")}));
    QVERIFY(mosaik.call(QStringLiteral("setup_done")));

    Value input = Value::map({{Value("M_0"), Value::map({{Value("in"), Value::map({{Value("Src-0.s"), Value(1)}})}})}});
    Result<Value> next = mosaik.call(QStringLiteral("step"), {Value(3), input, Value(9)});
    QVERIFY(next);
    QCOMPARE(*next, Value(8));
    Result<Value> data = mosaik.call(QStringLiteral("get_data"), {Value::map({{Value("M_0"), Value::list({Value("out")})}})});
    QVERIFY(data);
    QCOMPARE(data->value(u"time"), Value(3));
    // Without input: null = wake me only on input (allowed for event-based).
    next = mosaik.call(QStringLiteral("step"), {Value(8), Value::map(), Value(9)});
    QVERIFY(next);
    QVERIFY(next->isNull());
    // A same-time step (mosaik's same-time loops) is allowed.
    QVERIFY(mosaik.call(QStringLiteral("step"), {Value(8), Value::map(), Value(9)}));
    QCOMPARE(steps, (std::vector<qint64>{3, 8, 8}));
    // Going back in time is a failure.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("step failed: ValueError: step\\(7\\) goes back in time")));
    QCOMPARE(failureOf(mosaik.call(QStringLiteral("step"), {Value(7), Value::map(), Value(9)})).value(0), QStringLiteral("ValueError"));
}

void tst_MosaikSimulator::stepReplyChecks()
{
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    std::optional<qint64> answer;
    simulator.onStep = [&](qint64, const Value &) -> QCoro::Task<Result<std::optional<qint64>>> { co_return answer; };
    ScriptedMosaik mosaik(listenLocal(simulator));
    mosaik.setUp();

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("must return the time of its next step")));
    QStringList failure = failureOf(mosaik.call(QStringLiteral("step"), {Value(0), Value::map(), Value(5)}));
    QCOMPARE(failure, (QStringList{QStringLiteral("ValueError"), QStringLiteral("A time-based simulator must return the time of its next step")}));

    answer = 1;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not later than the step's time 1")));
    failure = failureOf(mosaik.call(QStringLiteral("step"), {Value(1), Value::map(), Value(5)}));
    QCOMPARE(failure.value(1), QStringLiteral("step() returned 1, which is not later than the step's time 1"));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("step failed: TypeError: step\\(\\) needs an integer time")));
    failure = failureOf(mosaik.call(QStringLiteral("step"), {Value("two"), Value::map(), Value(5)}));
    QCOMPARE(failure.value(0), QStringLiteral("TypeError"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("takes 3 positional arguments but 1 were given")));
    failure = failureOf(mosaik.call(QStringLiteral("step"), {Value(2)}));
    QCOMPARE(failure.value(0), QStringLiteral("TypeError"));
    // The simulator still works after each failure.
    answer = 4;
    QCOMPARE(mosaik.call(QStringLiteral("step"), {Value(2), Value::map(), Value(5)}).value(), Value(4));
}

void tst_MosaikSimulator::callsIntoMosaikDuringAStep()
{
    TestSimulator simulator(oneModel(SimulatorType::Hybrid));
    QStringList seen;
    // (GCC 12 cannot compile braced lists inside coroutine bodies: the values are made here.)
    const Value payload = Value::map({{Value("Sim-0.M_0"), Value::map({{Value("Other-0.x"), Value::map({{Value("in"), Value(3)}})}})}});
    const Value wanted = Value::map({{Value("Other-0.x"), Value::list({Value("v")})}});
    simulator.onStep = [&](qint64 time, const Value &) -> QCoro::Task<Result<std::optional<qint64>>> {
        Result<double> progress = co_await simulator.mosaik().getProgress();
        seen << QString::number(progress.valueOr(-1));
        Result<void> set = co_await simulator.mosaik().setData(payload);
        seen << (set ? QStringLiteral("set") : set.error().message());
        Result<void> event = co_await simulator.mosaik().setEvent(time + 7);
        seen << (event ? QStringLiteral("event") : event.error().message());
        Result<Value> data = co_await simulator.mosaik().getData(wanted);
        seen << (data ? data->toDisplayString() : data.error().message());
        Result<Value> graph = co_await simulator.mosaik().getRelatedEntities();
        seen << (graph ? graph->toDisplayString() : graph.error().message());
        std::optional<qint64> none;
        co_return none;
    };
    ScriptedMosaik mosaik(listenLocal(simulator));
    mosaik.answer = [](const Request &r) {
        const QString name = r.content().at(0).toString();
        if (name == u"get_progress")
            (void)r.reply(Value(12.5));
        else if (name == u"get_data")
            (void)r.reply(Value::map({{Value("Other-0.x"), Value::map({{Value("v"), Value(9)}})}}));
        else if (name == u"get_related_entities")
            (void)r.reply(Value::map({{Value("nodes"), Value::map()}, {Value("edges"), Value::list()}}));
        else
            (void)r.reply(Value());
    };
    mosaik.setUp();
    QVERIFY(mosaik.call(QStringLiteral("create"), {Value(1), Value("M")}));
    Result<Value> next = mosaik.call(QStringLiteral("step"), {Value(3), Value::map(), Value(10)});
    QVERIFY(next);
    QVERIFY(next->isNull());
    const QStringList expected{QStringLiteral("12.5"), QStringLiteral("set"), QStringLiteral("event"),
                               QString::fromUtf8(R"({"Other-0.x": {"v": 9}})"), QString::fromUtf8(R"({"nodes": {}, "edges": []})")};
    QCOMPARE(seen, expected);
    // What mosaik received, exactly (the simulator's own ids count from 0).
    QCOMPARE(mosaik.calls.size(), std::size_t(5));
    QCOMPARE(json(mosaik.calls[0]), QByteArray(R"(["get_progress", [], {}])"));
    QCOMPARE(json(mosaik.calls[1]), QByteArray(R"(["set_data", [{"Sim-0.M_0": {"Other-0.x": {"in": 3}}}], {}])"));
    QCOMPARE(json(mosaik.calls[2]), QByteArray(R"(["set_event", [10], {}])"));
    QCOMPARE(json(mosaik.calls[3]), QByteArray(R"(["get_data", [{"Other-0.x": ["v"]}], {}])"));
    QCOMPARE(json(mosaik.calls[4]), QByteArray(R"(["get_related_entities", [null], {}])"));
}

void tst_MosaikSimulator::mosaikFailureReachesTheStep()
{
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    Error got;
    simulator.onStep = [&](qint64 time, const Value &) -> QCoro::Task<Result<std::optional<qint64>>> {
        Result<void> r = co_await simulator.mosaik().setData(Value::map());
        got = r ? Error() : r.error();
        std::optional<qint64> next = time + 1;
        co_return next;
    };
    ScriptedMosaik mosaik(listenLocal(simulator));
    mosaik.answer = [](const Request &r) {
        (void)r.failWithContent(Value::list({Value("ScenarioError"), Value("No connection from \"Sim-0\" to \"X\""),
                                             Value("Traceback (most recent call last):\n"), Value("ScenarioError: ...\n")}));
    };
    mosaik.setUp();
    QVERIFY(mosaik.call(QStringLiteral("step"), {Value(0), Value::map(), Value(1)}));
    QCOMPARE(got.code(), ErrorCode::RemoteException);
    QVERIFY(got.remoteTraceback().startsWith(QStringLiteral("ScenarioError\nNo connection from \"Sim-0\" to \"X\"")));
}

void tst_MosaikSimulator::callsOutsideAStepFailLocally()
{
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    ScriptedMosaik mosaik(listenLocal(simulator));
    mosaik.setUp();
    Result<double> progress = await(simulator.mosaik().getProgress());
    QVERIFY(!progress);
    QCOMPARE(progress.error().code(), ErrorCode::InvalidArgument);
    QVERIFY(progress.error().message().contains(QStringLiteral("only be called while a step is open")));
    QVERIFY(mosaik.calls.empty()); // nothing went to mosaik

    TestSimulator unconnected(oneModel(SimulatorType::TimeBased));
    Result<void> event = await(unconnected.mosaik().setEvent(3));
    QCOMPARE(event.error().code(), ErrorCode::ConnectionClosed);
}

void tst_MosaikSimulator::requestsServedWhileAStepWaits()
{
    // mosaik may ask for data (another simulator's async get_data) while this step awaits its
    // own call into mosaik: the get_data is answered first, then the step.
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    simulator.onGetData = [](const Value &) { return Value::map({{Value("M_0"), Value::map({{Value("out"), Value(1)}})}}); };
    simulator.onStep = [&](qint64 time, const Value &) -> QCoro::Task<Result<std::optional<qint64>>> {
        Result<double> p = co_await simulator.mosaik().getProgress();
        std::optional<qint64> next = time + qint64(p.valueOr(0));
        co_return next;
    };
    ScriptedMosaik mosaik(listenLocal(simulator));
    std::optional<Request> held;
    mosaik.answer = [&](const Request &r) { held = r; }; // answer get_progress later
    mosaik.setUp();
    QVERIFY(mosaik.call(QStringLiteral("create"), {Value(1), Value("M")}));

    std::optional<Result<Value>> stepReply;
    QCoro::connect(mosaik.channel->send(request(QStringLiteral("step"), {Value(0), Value::map(), Value(9)}), 5s), this,
                   [&](const Result<Value> &r) { stepReply = r; });
    QTRY_VERIFY_WITH_TIMEOUT(held.has_value(), 5000);
    Result<Value> data = mosaik.call(QStringLiteral("get_data"), {Value::map({{Value("M_0"), Value::list({Value("out")})}})});
    QVERIFY(data);
    QVERIFY(!stepReply); // the step still waits for get_progress
    QVERIFY(simulator.isStepOpen());
    (void)held->reply(Value(2));
    QTRY_VERIFY_WITH_TIMEOUT(stepReply.has_value(), 5000);
    QCOMPARE(stepReply->value(), Value(2));
    QVERIFY(!simulator.isStepOpen());
}

void tst_MosaikSimulator::failuresAreMosaikArrays()
{
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    simulator.onStep = [](qint64 time, const Value &) -> QCoro::Task<Result<std::optional<qint64>>> {
        if (time == 1)
            throw SimulatorException(QStringLiteral("KeyError"), QStringLiteral("'M_9'"));
        if (time == 2)
            throw std::runtime_error("out of range");
        co_return Error(ErrorCode::LookupError, QStringLiteral("no such entity"));
    };
    ScriptedMosaik mosaik(listenLocal(simulator));
    mosaik.setUp();

    QList<QByteArray> frames;
    FrameWatch watch;
    watch.out = &frames;
    mosaik.channel->addObserver(&watch);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("step failed: KeyError")));
    QCOMPARE(failureOf(mosaik.call(QStringLiteral("step"), {Value(1), Value::map(), Value(5)})),
             (QStringList{QStringLiteral("KeyError"), QStringLiteral("'M_9'")}));
    // The frame: [2, id, [type, message, "Traceback (most recent call last):\n", where, "Type: message\n"]]
    Result<Value> frame = JsonCodec::read(frames.last());
    QVERIFY(frame);
    QCOMPARE(frame->at(0), Value(2));
    const Value &content = frame->at(2);
    QVERIFY(content.isList());
    QCOMPARE(content.size(), 5);
    QCOMPARE(content.at(2), Value("Traceback (most recent call last):\n"));
    QVERIFY(content.at(3).toString().contains(QStringLiteral("\"Sim-0\", step")));
    QCOMPARE(content.at(4), Value("KeyError: 'M_9'\n"));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("step failed: RuntimeError: out of range")));
    QCOMPARE(failureOf(mosaik.call(QStringLiteral("step"), {Value(2), Value::map(), Value(5)})).value(0), QStringLiteral("RuntimeError"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("step failed: LookupError: no such entity")));
    QCOMPARE(failureOf(mosaik.call(QStringLiteral("step"), {Value(3), Value::map(), Value(5)})).value(0), QStringLiteral("LookupError"));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("nope failed: AttributeError")));
    QCOMPARE(failureOf(mosaik.call(QStringLiteral("nope"))),
             (QStringList{QStringLiteral("AttributeError"), QStringLiteral("The simulator has no method \"nope\"")}));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unexpected keyword argument 'q'")));
    QCOMPARE(failureOf(mosaik.call(QStringLiteral("create"), {Value(1), Value("M")}, {{Value("q"), Value(1)}})).value(0),
             QStringLiteral("TypeError"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no public model \"X\"")));
    QCOMPARE(failureOf(mosaik.call(QStringLiteral("create"), {Value(1), Value("X")})).value(0), QStringLiteral("ValueError"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("must be \\[name, args, kwargs\\]")));
    Result<Value> malformed = await(mosaik.channel->send(Value("step"), 5s));
    QCOMPARE(failureOf(malformed).value(0), QStringLiteral("TypeError"));
    mosaik.channel->removeObserver(&watch);

    // The base init refuses sim_params it does not know, as Python's init(sid, time_resolution).
    mosaik::CounterSimulator counter;
    ScriptedMosaik mosaik2(listenLocal(counter));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("init failed: TypeError")));
    QCOMPARE(failureOf(mosaik2.call(QStringLiteral("init"), {Value("C-0")}, {{Value("colour"), Value("red")}})),
             (QStringList{QStringLiteral("TypeError"), QStringLiteral("init() got an unexpected keyword argument 'colour'")}));
}

void tst_MosaikSimulator::extraMethods()
{
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    int noise = 0;
    simulator.exposeExtraMethod(QStringLiteral("add_noise"), [&](int amount) { noise += amount; return noise; },
                                {QStringLiteral("amount")});
    ScriptedMosaik mosaik(listenLocal(simulator));
    Result<Value> meta = mosaik.call(QStringLiteral("init"), {Value("S-0")});
    QVERIFY(meta);
    QCOMPARE(meta->value(u"extra_methods"), Value::list({Value("add_noise")}));
    QCOMPARE(mosaik.call(QStringLiteral("add_noise"), {Value(3)}).value(), Value(3));
    QCOMPARE(mosaik.call(QStringLiteral("add_noise"), {}, {{Value("amount"), Value(4)}}).value(), Value(7));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("add_noise failed: TypeError")));
    QCOMPARE(failureOf(mosaik.call(QStringLiteral("add_noise"), {Value(1), Value(2)})).value(0), QStringLiteral("TypeError"));
}

void tst_MosaikSimulator::clockFollowsTheSteps()
{
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    ExternalClock clock(QDateTime(QDate(2014, 1, 1), QTime(0, 0), Qt::UTC));
    simulator.setClock(&clock);
    bool timerFired = false;
    QVERIFY(clock.callAt(2.0, [&] { timerFired = true; }));
    QList<double> timesSeen;
    bool firedBeforeStep2 = false;
    simulator.onStep = [&](qint64 time, const Value &) -> QCoro::Task<Result<std::optional<qint64>>> {
        timesSeen << clock.time();
        if (time == 4)
            firedBeforeStep2 = timerFired;
        std::optional<qint64> next = time + 4;
        co_return next;
    };
    QSignalSpy started(&simulator, &Simulator::stepStarted);
    ScriptedMosaik mosaik(listenLocal(simulator));
    QVERIFY(mosaik.call(QStringLiteral("init"), {Value("S-0")}, {{Value("time_resolution"), Value(0.5)}}));
    QCOMPARE(simulator.timeResolution(), 0.5);
    QVERIFY(mosaik.call(QStringLiteral("step"), {Value(0), Value::map(), Value(10)}));
    QVERIFY(!timerFired);
    QVERIFY(mosaik.call(QStringLiteral("step"), {Value(4), Value::map(), Value(10)}));
    QCOMPARE(timesSeen, (QList<double>{0.0, 2.0})); // time × time_resolution
    QVERIFY(firedBeforeStep2); // the timer due at 2 s ran before the step at t=4
    QCOMPARE(clock.utcNow(), QDateTime(QDate(2014, 1, 1), QTime(0, 0, 2), Qt::UTC));
    QCOMPARE(started.size(), 2);
    QCOMPARE(started.at(1).at(0).toLongLong(), 4);
}

void tst_MosaikSimulator::holdAtStepAndContinue()
{
    mosaik::CounterSimulator counter;
    QSignalSpy heldSpy(&counter, &Simulator::stepHeld);
    QSignalSpy continued(&counter, &Simulator::stepContinued);
    counter.setHoldAt(1);
    ScriptedMosaik mosaik(listenLocal(counter));
    QVERIFY(mosaik.call(QStringLiteral("init"), {Value("C-0")}, {{Value("time_resolution"), Value(1.0)}}));
    QVERIFY(mosaik.call(QStringLiteral("create"), {Value(1), Value("Counter")}, {{Value("init"), Value(0)}}));
    QCOMPARE(mosaik.call(QStringLiteral("step"), {Value(0), Value::map(), Value(5)}).value(), Value(1));

    std::optional<Result<Value>> reply;
    QCoro::connect(mosaik.channel->send(request(QStringLiteral("step"), {Value(1), Value::map(), Value(5)}), 10s), this,
                   [&](const Result<Value> &r) { reply = r; });
    QTRY_COMPARE_WITH_TIMEOUT(heldSpy.size(), 1, 5000);
    QCOMPARE(heldSpy.at(0).at(0).toLongLong(), 1);
    QCOMPARE(counter.heldStep(), std::optional<qint64>(1));
    // mosaik waits: a call it makes after the step is answered, the step is not; the held step
    // has not run.
    const Result<Value> data = mosaik.call(QStringLiteral("get_data"),
                                           {Value::map({{Value("Counter_0"), Value::list({Value("count")})}})});
    QVERIFY2(data, qPrintable(data.error().toString()));
    QCOMPARE(data->find(u"Counter_0")->find(u"count")->toInt(), 1);
    QVERIFY(!reply);
    QCOMPARE(counter.count(QStringLiteral("Counter_0"))->toInt(), 1);
    QVERIFY(counter.continueStep());
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
    QCOMPARE(reply->value(), Value(2));
    QCOMPARE(counter.count(QStringLiteral("Counter_0"))->toInt(), 2);
    QCOMPARE(continued.size(), 1);
    QVERIFY(!counter.continueStep()); // nothing held
    // A breakpoint holds once: the next step runs through.
    QCOMPARE(mosaik.call(QStringLiteral("step"), {Value(2), Value::map(), Value(5)}).value(), Value(3));
    QCOMPARE(heldSpy.size(), 1);
}

void tst_MosaikSimulator::holdEveryStepAndStopWhileHeld()
{
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    simulator.setHoldEveryStep(true);
    QSignalSpy heldSpy(&simulator, &Simulator::stepHeld);
    QSignalSpy stopped(&simulator, &Simulator::stopped);
    ScriptedMosaik mosaik(listenLocal(simulator));
    mosaik.setUp();
    for (qint64 t = 0; t < 3; ++t) {
        std::optional<Result<Value>> reply;
        QCoro::connect(mosaik.channel->send(request(QStringLiteral("step"), {Value(t), Value::map(), Value(9)}), 10s), this,
                       [&reply](const Result<Value> &r) { reply = r; });
        QTRY_COMPARE_WITH_TIMEOUT(heldSpy.size(), int(t) + 1, 5000);
        QVERIFY(!reply);
        QVERIFY(simulator.continueStep());
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
        QCOMPARE(reply->value(), Value(t + 1));
    }
    QCOMPARE(simulator.stepBodies, 3);
    // mosaik gives up (stop) while a step is held: the held step never runs, the simulator ends.
    std::optional<Result<Value>> last;
    QCoro::connect(mosaik.channel->send(request(QStringLiteral("step"), {Value(3), Value::map(), Value(9)}), 10s), this,
                   [&last](const Result<Value> &r) { last = r; });
    QTRY_COMPARE_WITH_TIMEOUT(heldSpy.size(), 4, 5000);
    std::optional<Result<Value>> stopReply;
    QCoro::connect(mosaik.channel->send(request(QStringLiteral("stop")), 2s), this,
                   [&stopReply](const Result<Value> &r) { stopReply = r; });
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 5000);
    QCOMPARE(stopped.at(0).at(0).value<Error>().code(), ErrorCode::NoError);
    QCOMPARE(simulator.stepBodies, 3);
    QCOMPARE(simulator.finalizeCalls, 1);
    QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), 5000);
    QVERIFY(!*last);
    // The failed calls' coroutines finish: mosaik's stop ends with the connection (no reply),
    // the held step's handler with the simulator.
    QTRY_VERIFY_WITH_TIMEOUT(stopReply.has_value(), 5000);
    QCOMPARE(stopReply->error().code(), ErrorCode::ConnectionReset);
    QTRY_VERIFY_WITH_TIMEOUT(!simulator.isStepOpen(), 5000);
}

void tst_MosaikSimulator::secondConnectionRefused()
{
    TestSimulator simulator(oneModel(SimulatorType::TimeBased));
    const Address address = listenLocal(simulator);
    ScriptedMosaik first(address);
    first.setUp();
    // The listening socket closed after the first connection: a second mosaik is refused.
    Result<std::unique_ptr<Channel>> second = await(openConnection(address));
    QVERIFY(!second);
    QCOMPARE(second.error().code(), ErrorCode::ConnectionRefused);
    QVERIFY(first.call(QStringLiteral("setup_done")));
}

QTEST_GUILESS_MAIN(tst_MosaikSimulator)
#include "tst_mosaiksimulator.moc"
