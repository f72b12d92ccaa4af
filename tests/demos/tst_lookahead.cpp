// SPDX-License-Identifier: MIT
// The look-ahead (mas/system/lookahead.h): its marks on the faulty leader election agree, for
// every pending message at several states of a run, with an exhaustive search (the Explorer
// without reductions, maxDepth) from the same state, and its shortest continuations replay to
// the violation; a search is cancelled in process, and in the child process a window uses
// (`mas explore --lookahead-serve`) a stale search is cancelled by the next request.

#include <mas/demos/demosystem.h>
#include <mas/system/explorer.h>
#include <mas/system/lookahead.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

using namespace mas;
using namespace mas::system;
using namespace std::chrono_literals;

namespace {

Parameters faultyElection()
{
    Parameters parameters;
    parameters.agents = 3;
    parameters.faulty = true;
    return parameters;
}

/// The pending frames after `schedule` replayed into a fresh system, and the invariants it breaks
/// then.
struct StateAt
{
    std::set<quint64> pending;
    std::map<quint64, bool> transport; ///< per pending frame: a reply or a lookup
    QStringList violated;
};

StateAt replayAndLook(const QString &demo, const Parameters &parameters, const std::vector<TrafficEvent> &schedule)
{
    StateAt state;
    LocalQueue::clearCache();
    LocalQueue::get(QStringLiteral("reference"));
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    Result<std::unique_ptr<System>> built = SystemRegistry::global().find(demo)->build(QStringLiteral("reference"), parameters);
    if (!built)
        return state;
    std::unique_ptr<System> system = std::move(*built);
    system->start();
    Result<int> replayed = QCoro::waitFor(net->replay(TrafficLog(schedule)));
    if (!replayed) {
        qWarning() << "replay failed:" << replayed.error().toString();
        return state;
    }
    QCoro::waitFor(net->settle(3));
    for (const PendingMessage &m : net->pendingMessages()) {
        state.pending.insert(m.id);
        state.transport[m.id] =
            !m.isClose && (m.type == MessageType::Result || (m.type == MessageType::Request && m.path == u"validate_aid"));
    }
    state.violated = system->violatedInvariants();
    system.reset();
    LocalQueue::clearCache();
    return state;
}

/// The exhaustive reference for one pending message: a depth-first search without partial-order
/// reduction from the run followed by its delivery, with maxDepth `k - 1` (`k` after a reply or a
/// lookup, whose delivery does not count, as the look-ahead counts), searched again with a smaller bound while it finds a
/// violation. Returns whether a violation was found (nullopt: the search did not complete) and
/// sets the shortest one's length (the delivery included when it counts).
std::optional<bool> reference(const QString &demo, const Parameters &parameters, const std::vector<TrafficEvent> &schedule,
                              quint64 message, bool transport, int k, int *length, QString *property)
{
    TrafficLog prefix(schedule);
    TrafficEvent delivery;
    delivery.kind = TrafficEvent::Kind::Delivered;
    delivery.messageId = message;
    delivery.sequence = schedule.empty() ? 1 : schedule.back().sequence + 1;
    prefix.append(delivery);
    int bound = transport ? k : k - 1; // k counted steps, the delivery included when it counts
    bool found = false;
    for (;;) {
        ExplorerOptions options;
        options.prefix = prefix;
        options.maxDepth = bound;
        // No partial-order reduction (no sleep sets, no transport frames first); the state cache
        // only skips a state reached before with at least as many steps left, which keeps every
        // reachable violation (without it, the free replies and lookups of the first steps
        // interleave beyond any test's time).
        options.partialOrderReduction = false;
        options.stateCaching = true;
        options.countTransportSteps = false;
        options.shrink = false;
        options.strategy = ExplorerOptions::Strategy::Replay;
        options.maxSchedules = 1'000'000;
        options.maxTime = 10min;
        options.queueId = QStringLiteral("reference");
        Explorer explorer(demo, parameters, options);
        const ExplorerResult result = QCoro::waitFor(explorer.run());
        if (result.verdict == ExplorerResult::Verdict::Violation) {
            found = true;
            const std::vector<ExplorerStep> &steps = result.violation->steps;
            const int counted = int(std::count_if(steps.begin(), steps.end(), [](const ExplorerStep &s) { return !s.transport; }));
            *length = (transport ? 0 : 1) + counted;
            *property = result.violation->property;
            if (counted == 0)
                return found;
            bound = counted - 1;
            continue;
        }
        if (result.verdict != ExplorerResult::Verdict::NoViolationFound
            && result.verdict != ExplorerResult::Verdict::Verified)
            return std::nullopt;
        return found;
    }
}

/// The cut points of the faulty election's shrunk counterexample: states on the way to the
/// violation, where some pending messages lead to it within a few steps and some do not.
std::vector<std::vector<TrafficEvent>> statesOfARun(const Parameters &parameters)
{
    ExplorerOptions options;
    options.queueId = QStringLiteral("reference");
    Explorer explorer(QStringLiteral("leader-election"), parameters, options);
    const ExplorerResult result = QCoro::waitFor(explorer.run());
    std::vector<std::vector<TrafficEvent>> states;
    if (!result.counterexample())
        return states;
    const std::vector<TrafficEvent> schedule = result.counterexample()->log.schedule();
    for (std::size_t cut : {std::size_t(0), schedule.size() / 3, schedule.size() / 2, schedule.size() - 4,
                            schedule.size() - 2})
        states.emplace_back(schedule.begin(), schedule.begin() + qsizetype(std::min(cut, schedule.size())));
    return states;
}

} // namespace

class tst_LookAhead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void agreesWithExhaustiveSearch();
    void continuationReachesTheViolation();
    void brokenInvariantsAreNotMarkedAgain();
    void marksRoundTripAsJson();
    void badInput();
    void cancelledInProcess();
    void staleSearchIsCancelledInTheChild();
    void refusesPythonPrograms();
};

void tst_LookAhead::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("mas.channel.warning=false"));
    QVERIFY(mas::demos::registerDemos());
}

void tst_LookAhead::cleanup()
{
    LocalQueue::clearCache();
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

void tst_LookAhead::agreesWithExhaustiveSearch()
{
    const Parameters parameters = faultyElection();
    const int k = 3;
    const std::vector<std::vector<TrafficEvent>> states = statesOfARun(parameters);
    QCOMPARE(int(states.size()), 5);
    int violations = 0, safe = 0;
    for (const std::vector<TrafficEvent> &schedule : states) {
        const StateAt state = replayAndLook(QStringLiteral("leader-election"), parameters, schedule);
        QVERIFY(!state.pending.empty());
        LookAheadOptions options;
        options.depth = k;
        LookAhead lookAhead(*SystemRegistry::global().find(QStringLiteral("leader-election")), parameters,
                            TrafficLog(schedule), options);
        std::vector<quint64> reported;
        Result<std::vector<LookAheadMark>> marks =
            QCoro::waitFor(lookAhead.run([&reported](const LookAheadMark &m) { reported.push_back(m.messageId); }));
        QVERIFY2(marks, qPrintable(marks ? QString() : marks.error().toString()));
        // Every pending message is marked, each reported as it was found.
        std::set<quint64> marked;
        for (const LookAheadMark &mark : *marks)
            marked.insert(mark.messageId);
        QCOMPARE(marked, state.pending);
        QCOMPARE(reported.size(), marks->size());
        for (const LookAheadMark &mark : *marks) {
            QString property;
            int expected = 0;
            const std::optional<bool> violating = reference(QStringLiteral("leader-election"), parameters, schedule,
                                                            mark.messageId, state.transport.at(mark.messageId), k,
                                                            &expected, &property);
            QVERIFY2(violating.has_value(), "the reference search did not complete");
            const QString where = QStringLiteral("after %1 actions, message %2: %3 (%4 steps), reference %5 (%6 steps)")
                                      .arg(schedule.size())
                                      .arg(mark.messageId)
                                      .arg(LookAheadMark::kindName(mark.kind))
                                      .arg(mark.length())
                                      .arg(*violating ? QStringLiteral("violation") : QStringLiteral("safe"))
                                      .arg(expected);
            if (*violating) {
                QVERIFY2(mark.kind == LookAheadMark::Kind::Violation, qPrintable(where));
                QVERIFY2(mark.length() == expected, qPrintable(where));
                QVERIFY2(mark.length() <= k, qPrintable(where));
                QCOMPARE(mark.continuation.front().messageId, mark.messageId);
                QVERIFY(!mark.property.isEmpty() && !property.isEmpty());
                ++violations;
            } else {
                QVERIFY2(mark.kind == LookAheadMark::Kind::Safe, qPrintable(where));
                QVERIFY(mark.continuation.empty());
                ++safe;
            }
        }
    }
    // The states were chosen so that both marks occur.
    QVERIFY(violations > 0);
    QVERIFY(safe > 0);
}

void tst_LookAhead::continuationReachesTheViolation()
{
    const Parameters parameters = faultyElection();
    const std::vector<std::vector<TrafficEvent>> states = statesOfARun(parameters);
    QVERIFY(!states.empty());
    const std::vector<TrafficEvent> &schedule = states.back();
    LookAheadOptions options;
    options.depth = 6;
    LookAhead lookAhead(*SystemRegistry::global().find(QStringLiteral("leader-election")), parameters,
                        TrafficLog(schedule), options);
    Result<std::vector<LookAheadMark>> marks = QCoro::waitFor(lookAhead.run());
    QVERIFY(marks);
    int played = 0;
    for (const LookAheadMark &mark : *marks) {
        if (mark.kind != LookAheadMark::Kind::Violation)
            continue;
        // The run, then the continuation's steps by their message ids: the property breaks.
        std::vector<TrafficEvent> extended = schedule;
        quint64 sequence = schedule.empty() ? 0 : schedule.back().sequence;
        for (const ExplorerStep &step : mark.continuation) {
            if (step.kind == ExplorerStep::Kind::AdvanceClock) {
                TrafficEvent clock;
                clock.kind = TrafficEvent::Kind::ClockChanged;
                clock.simTime = step.time;
                clock.sequence = ++sequence;
                extended.push_back(clock);
                continue;
            }
            QCOMPARE(step.kind, ExplorerStep::Kind::Deliver);
            TrafficEvent delivery;
            delivery.kind = TrafficEvent::Kind::Delivered;
            delivery.messageId = step.messageId;
            delivery.sequence = ++sequence;
            extended.push_back(delivery);
        }
        const StateAt before = replayAndLook(QStringLiteral("leader-election"), parameters, schedule);
        const StateAt after = replayAndLook(QStringLiteral("leader-election"), parameters, extended);
        QVERIFY(!before.violated.contains(mark.property));
        QVERIFY2(after.violated.contains(mark.property), qPrintable(after.violated.join(u',')));
        QCOMPARE(mark.labels.size(), qsizetype(mark.continuation.size()));
        QVERIFY(!mark.labels.constFirst().isEmpty());
        ++played;
    }
    QVERIFY(played > 0);
}

// Once the run breaks an invariant, every continuation "breaks" it: the look-ahead searches only
// the invariants that still hold, and says so when none is left.
void tst_LookAhead::brokenInvariantsAreNotMarkedAgain()
{
    const Parameters parameters = faultyElection();
    const std::vector<std::vector<TrafficEvent>> states = statesOfARun(parameters);
    QVERIFY(!states.empty());
    std::vector<TrafficEvent> schedule = states.back();
    LookAheadOptions options;
    options.depth = 6;
    const mas::system::SystemType info = *SystemRegistry::global().find(QStringLiteral("leader-election"));
    std::optional<LookAheadMark> violating;
    {
        LookAhead lookAhead(info, parameters, TrafficLog(schedule), options);
        Result<std::vector<LookAheadMark>> marks = QCoro::waitFor(lookAhead.run());
        QVERIFY(marks);
        for (const LookAheadMark &mark : *marks) {
            if (mark.kind == LookAheadMark::Kind::Violation) {
                violating = mark;
                break;
            }
        }
    }
    QVERIFY(violating);
    quint64 sequence = schedule.empty() ? 0 : schedule.back().sequence;
    for (const ExplorerStep &step : violating->continuation) {
        TrafficEvent event;
        event.sequence = ++sequence;
        if (step.kind == ExplorerStep::Kind::AdvanceClock) {
            event.kind = TrafficEvent::Kind::ClockChanged;
            event.simTime = step.time;
        } else {
            event.kind = TrafficEvent::Kind::Delivered;
            event.messageId = step.messageId;
        }
        schedule.push_back(event);
    }
    const StateAt broken = replayAndLook(QStringLiteral("leader-election"), parameters, schedule);
    QVERIFY(broken.violated.contains(violating->property));
    LookAhead after(info, parameters, TrafficLog(schedule), options);
    Result<std::vector<LookAheadMark>> marks = QCoro::waitFor(after.run());
    QVERIFY(marks);
    for (const LookAheadMark &mark : *marks) {
        if (mark.kind == LookAheadMark::Kind::Violation)
            QVERIFY2(!broken.violated.contains(mark.property), qPrintable(mark.property));
    }
}

void tst_LookAhead::marksRoundTripAsJson()
{
    LookAheadMark mark;
    mark.messageId = 17;
    mark.kind = LookAheadMark::Kind::Violation;
    mark.depth = 6;
    mark.property = QStringLiteral("at most one leader");
    mark.explanation = QStringLiteral("node 1 and node 2 both lead");
    ExplorerStep step;
    step.messageId = 17;
    step.from = QStringLiteral("local://a/0");
    step.to = QStringLiteral("local://b/0");
    step.path = QStringLiteral("agents/0/election");
    step.signature = 0xfedcba9876543210ull;
    mark.continuation.push_back(step);
    ExplorerStep clock;
    clock.kind = ExplorerStep::Kind::AdvanceClock;
    clock.forced = true;
    clock.time = 2.5;
    mark.continuation.push_back(clock);
    mark.labels = QStringList{QStringLiteral("election(25)"), QString()};
    quint64 request = 0;
    Result<LookAheadMark> back = LookAheadMark::fromJson(mark.toJson(42), &request);
    QVERIFY(back);
    QCOMPARE(request, quint64(42));
    QCOMPARE(back->messageId, quint64(17));
    QCOMPARE(back->kind, LookAheadMark::Kind::Violation);
    QCOMPARE(back->property, mark.property);
    QCOMPARE(back->explanation, mark.explanation);
    QCOMPARE(back->continuation.size(), std::size_t(2));
    QCOMPARE(back->continuation[0].signature, step.signature);
    QCOMPARE(back->continuation[0].path, step.path);
    QCOMPARE(back->continuation[1].kind, ExplorerStep::Kind::AdvanceClock);
    QVERIFY(back->continuation[1].forced);
    QCOMPARE(back->continuation[1].time, 2.5);
    QCOMPARE(back->labels, mark.labels);
    QVERIFY(!LookAheadMark::fromJson("not json"));
    QVERIFY(!LookAheadMark::fromJson(R"({"message": "1", "mark": "maybe"})"));
}

void tst_LookAhead::badInput()
{
    const SystemType type = *SystemRegistry::global().find(QStringLiteral("leader-election"));
    LookAheadOptions zero;
    zero.depth = 0;
    LookAhead noDepth(type, faultyElection(), TrafficLog(), zero);
    QVERIFY(!QCoro::waitFor(noDepth.run()));
    // A run whose message never becomes pending does not replay: an error, no marks.
    TrafficEvent bogus;
    bogus.kind = TrafficEvent::Kind::Delivered;
    bogus.messageId = 999;
    LookAhead diverged(type, faultyElection(), TrafficLog({bogus}), {});
    Result<std::vector<LookAheadMark>> marks = QCoro::waitFor(diverged.run());
    QVERIFY(!marks);
    QVERIFY(marks.error().message().contains(u"999"));
}

void tst_LookAhead::cancelledInProcess()
{
    Parameters parameters;
    parameters.agents = 5;
    LookAheadOptions options;
    options.depth = 40; // far more than it could search before the cancel
    LookAhead lookAhead(*SystemRegistry::global().find(QStringLiteral("leader-election")), parameters, TrafficLog(),
                        options);
    int marks = 0;
    auto task = lookAhead.run([&marks](const LookAheadMark &) { ++marks; });
    // Cancelled from the event loop once the search runs.
    QTimer::singleShot(50, [&lookAhead] { lookAhead.cancel(); });
    Result<std::vector<LookAheadMark>> result = QCoro::waitFor(std::move(task));
    QVERIFY(result);
    QVERIFY(lookAhead.isCancelled());
    QCOMPARE(int(result->size()), marks);
    const int pendingAtStart = int(replayAndLook(QStringLiteral("leader-election"), parameters, {}).pending.size());
    QVERIFY(int(result->size()) < pendingAtStart);
}

void tst_LookAhead::staleSearchIsCancelledInTheChild()
{
#ifndef MAS_CLI
    QSKIP("This build has no mas program (the child process of the look-ahead)");
#else
    LookAheadClient client(QStringLiteral(MAS_CLI));
    QSignalSpy ended(&client, &LookAheadClient::searchEnded);
    QSignalSpy found(&client, &LookAheadClient::markFound);
    QSignalSpy failed(&client, &LookAheadClient::childFailed);
    Parameters big;
    big.agents = 5;
    // A search too large to end by itself while the test waits ...
    Result<quint64> first = client.request(QStringLiteral("leader-election"), QString(), big, TrafficLog(), 40);
    QVERIFY(first);
    QCOMPARE(client.currentRequest(), *first);
    QVERIFY(client.isSearching());
    // ... is cancelled by the next step's request, whose search runs to its end.
    const std::vector<std::vector<TrafficEvent>> states = statesOfARun(faultyElection());
    QVERIFY(!states.empty());
    Result<quint64> second = client.request(QStringLiteral("leader-election"), QString(), faultyElection(),
                                            TrafficLog(states.back()), 3);
    QVERIFY(second);
    QVERIFY(*second > *first);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 2, 120'000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(ended[0][0].value<quint64>(), *first);
    QCOMPARE(ended[0][1].toString(), QStringLiteral("cancelled"));
    QCOMPARE(ended[1][0].value<quint64>(), *second);
    QCOMPARE(ended[1][1].toString(), QStringLiteral("done"));
    QVERIFY(!client.isSearching());
    // The second search marked every message pending at its state.
    const StateAt state = replayAndLook(QStringLiteral("leader-election"), faultyElection(), states.back());
    std::set<quint64> marked;
    for (const QList<QVariant> &signal : found) {
        if (signal[0].value<quint64>() == *second)
            marked.insert(signal[1].value<LookAheadMark>().messageId);
    }
    QCOMPARE(marked, state.pending);
    client.stop();
#endif
}

void tst_LookAhead::refusesPythonPrograms()
{
    QString why;
    QVERIFY(!LookAhead::canSearch(nullptr, &why));
    QVERIFY(!why.isEmpty());
    LocalQueue::clearCache();
    LocalQueue::get(QStringLiteral("canSearch"));
    Result<std::unique_ptr<System>> built =
        SystemRegistry::global().find(QStringLiteral("leader-election"))->build(QStringLiteral("canSearch"), faultyElection());
    QVERIFY(built);
    QVERIFY(LookAhead::canSearch(built->get(), &why));
    QVERIFY(why.isEmpty());
}

QTEST_GUILESS_MAIN(tst_LookAhead)
#include "tst_lookahead.moc"
