// SPDX-License-Identifier: MIT
// The interleaving explorer on the teaching demos: the faulty variants' violations are found,
// shrunk, saved and replayed to the same state; the correct ones pass exhaustive search; the
// explored counts match an independent enumeration for a tiny system; the reductions change
// the counts but neither the verdict nor the set of final states; prefixes, random walks,
// budgets, cancelling and bad input; the fork strategy gives what replay gives, and reports a
// crashed child.

#include <mas/agent/container.h>
#include <mas/demos/demoagent.h>
#include <mas/demos/demosystem.h>
#include <mas/demos/explorer.h>
#include <mas/demos/leaderelection.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <functional>
#include <memory>
#include <set>
#include <vector>

using namespace mas;
using namespace mas::demos;
using namespace std::chrono_literals;

namespace {

// ---- a tiny system: agents 1..k each send one note to agent 0 ----

class NoteAgent : public DemoAgent
{
    Q_OBJECT

public:
    NoteAgent(Container *container, quint32 seed)
        : DemoAgent(container, seed)
    {
        router().expose(QStringLiteral("note"), this, &NoteAgent::note, {QStringLiteral("from")});
    }
    bool note(const QString &from)
    {
        m_notes.append(from);
        changed();
        return true;
    }
    void sendNote(const QString &to)
    {
        send(to, QStringLiteral("note"), Value::List{Value(address())});
    }
    QString stateText() const override { return m_notes.join(u','); }
    qsizetype noteCount() const { return m_notes.size(); }

private:
    QStringList m_notes;
};

class FanIn : public DemoSystem
{
    Q_OBJECT

public:
    static Result<std::unique_ptr<DemoSystem>> create(const QString &queueId,
                                                      const DemoParameters &parameters)
    {
        std::unique_ptr<FanIn> system(new FanIn(queueId, parameters));
        MAS_TRY_VOID(system->createContainers());
        for (int i = 0; i < parameters.agents; ++i) {
            auto *agent = new NoteAgent(system->containerFor(i), quint32(i));
            system->m_nodes.append(agent);
            system->addAgent(agent);
        }
        return std::unique_ptr<DemoSystem>(std::move(system));
    }
    static DemoInfo info()
    {
        DemoInfo info;
        info.id = QStringLiteral("fan-in");
        info.title = info.description = QStringLiteral("k notes to one agent");
        info.build = &FanIn::create;
        return info;
    }
    QString id() const override { return QStringLiteral("fan-in"); }
    QString title() const override { return id(); }
    bool isFinished() const override { return m_nodes.first()->noteCount() == m_nodes.size() - 1; }
    QString outcome() const override { return stateText(); }
    QList<Invariant> invariants() const override { return {}; }

protected:
    void begin() override
    {
        for (qsizetype i = 1; i < m_nodes.size(); ++i)
            m_nodes[i]->sendNote(m_nodes.first()->address());
    }

private:
    FanIn(const QString &queueId, const DemoParameters &parameters)
        : DemoSystem(queueId, parameters)
    {}
    QList<NoteAgent *> m_nodes;
};

/// The independent count for FanIn: each sender's frames form a chain (validate_aid request to
/// agent 0, its reply to the sender, the note to agent 0, its acknowledgement to the sender).
/// Counts every interleaving of the chains, the distinct states (how far each chain is, and
/// the order of the notes agent 0 got), and the Mazurkiewicz traces when deliveries conflict
/// only if both go to the same agent and neither is a transport frame (a reply or a
/// validate_aid request): then a trace is fixed by the order of the notes.
struct FanInCount
{
    qint64 interleavings = 0;
    qint64 traces = 0;
    qint64 states = 0;
};

FanInCount countFanIn(int senders)
{
    constexpr int kChain = 4;
    constexpr int kNote = 2; // the only non-transport frame of a chain
    std::vector<int> progress(std::size_t(senders), 0);
    std::vector<int> notes;
    std::set<std::vector<int>> traces;
    std::set<std::pair<std::vector<int>, std::vector<int>>> states;
    qint64 interleavings = 0;
    std::function<void()> walk = [&] {
        states.insert(std::make_pair(progress, notes));
        bool any = false;
        for (int i = 0; i < senders; ++i) {
            if (progress[std::size_t(i)] == kChain)
                continue;
            any = true;
            const bool note = progress[std::size_t(i)] == kNote;
            if (note)
                notes.push_back(i);
            ++progress[std::size_t(i)];
            walk();
            --progress[std::size_t(i)];
            if (note)
                notes.pop_back();
        }
        if (!any) {
            ++interleavings;
            traces.insert(notes);
        }
    };
    walk();
    FanInCount count;
    count.interleavings = interleavings;
    count.traces = qint64(traces.size());
    count.states = qint64(states.size());
    return count;
}

/// Lets handlers resumed from the event loop finish.
void settle()
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

ExplorerResult
explore(const DemoInfo &info, const DemoParameters &parameters, const ExplorerOptions &options)
{
    Explorer explorer(info, parameters, options);
    return QCoro::waitFor(explorer.run());
}

ExplorerResult
explore(const QString &demo, const DemoParameters &parameters, const ExplorerOptions &options)
{
    return explore(*findDemo(demo), parameters, options);
}

QString describe(const ExplorerResult &result)
{
    const ExplorerStatistics &s = result.statistics;
    return QStringLiteral("%1%2: %3 schedules (%4 complete, %5 sleep-blocked, %6 cached), %7 "
                          "transitions, %8 states, %9 distinct, %10 ms")
        .arg(ExplorerResult::verdictName(result.verdict),
             result.error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(result.error))
        .arg(s.schedules)
        .arg(s.completeSchedules)
        .arg(s.sleepBlocked)
        .arg(s.cacheHits)
        .arg(s.transitions)
        .arg(s.states)
        .arg(s.distinctStates)
        .arg(s.elapsedMs);
}

/// A fresh system built as the explorer built its own, the log replayed into it with
/// LocalNetwork::replay(), and the properties violated at the end (goals once it is quiet).
struct Replayed
{
    bool ok = false;
    QStringList violated;
    QString stateText;
};

Replayed replayInto(const ExplorerResult &result,
                    const TrafficLog &log,
                    std::chrono::milliseconds timeout = 10s)
{
    Replayed replayed;
    LocalQueue::clearCache();
    LocalQueue::get(result.queueId);
    LocalNetwork::instance()->setMode(LocalNetwork::Mode::Stepped);
    Result<std::unique_ptr<DemoSystem>> built =
        findDemo(result.demo)->build(result.queueId, result.parameters);
    if (!built) {
        qWarning() << "cannot build" << result.demo << built.error().toString();
        return replayed;
    }
    std::unique_ptr<DemoSystem> system = std::move(*built);
    system->start();
    Result<int> actions = QCoro::waitFor(LocalNetwork::instance()->replay(log, timeout));
    if (!actions) {
        qWarning() << "replay failed:" << actions.error().toString();
        return replayed;
    }
    replayed.violated = system->violatedInvariants();
    // Goals are judged when the system is quiet (a run that ended on an invariant may still
    // have frames pending).
    if (system->network()->isIdle() && QTest::qWaitFor([&] { return system->isQuiet(); }, 5000)) {
        settle();
        for (const Invariant &goal : Explorer::goals(system.get())) {
            if (!goal.holds())
                replayed.violated.append(goal.name);
        }
    }
    replayed.stateText = system->stateText();
    replayed.ok = true;
    system.reset();
    LocalQueue::clearCache();
    return replayed;
}

using Configuration = std::pair<bool, bool>; // partial-order reduction, state caching

QString configurationName(const Configuration &c)
{
    return QStringLiteral("por %1, cache %2")
        .arg(c.first ? QStringLiteral("on") : QStringLiteral("off"),
             c.second ? QStringLiteral("on") : QStringLiteral("off"));
}

} // namespace

class tst_Explorer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void countsMatchAnIndependentEnumeration();
    void faultyDemosBreakTheirProperty_data();
    void faultyDemosBreakTheirProperty();
    void correctDemosPassExhaustiveSearch_data();
    void correctDemosPassExhaustiveSearch();
    void reductionsKeepTheVerdict_data();
    void reductionsKeepTheVerdict();
    void randomWalks();
    void fromARecordedPrefix();
    void budgetProgressAndCancel();
    void badInput();
    void duplicatedFrame();
    void forkMatchesReplay_data();
    void forkMatchesReplay();
    void forkReportsACrashedChild();
};

void tst_Explorer::initTestCase()
{
    // Dropped and duplicated frames make connections time out or close: expected here.
    QLoggingCategory::setFilterRules(QStringLiteral("mas.channel.warning=false"));
    // The explorer finds systems by id in the system registry; the demos' plug-in adds them there.
    QVERIFY(registerDemos());
}

void tst_Explorer::cleanup()
{
    LocalQueue::clearCache();
    // Calls in flight when a system went fail and resume from the event loop: let them finish,
    // or their coroutine frames outlive the test (LeakSanitizer reports them at exit). They
    // wait for nothing but the event loop: draining it is enough, no real time has to pass.
    for (int i = 0; i < 5; ++i) {
        settle();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

void tst_Explorer::countsMatchAnIndependentEnumeration()
{
    DemoParameters parameters;
    ExplorerOptions options;
    options.shrink = false;
    for (int senders : {2, 3}) {
        parameters.agents = senders + 1;
        const FanInCount expected = countFanIn(senders);
        QCOMPARE(expected.traces, senders == 2 ? 2 : 6);
        if (senders == 2) {
            QCOMPARE(expected.interleavings, 70); // 8! / (4! 4!)
            // Without reductions: every interleaving, each run to the end.
            options.partialOrderReduction = false;
            options.stateCaching = false;
            ExplorerResult all = explore(FanIn::info(), parameters, options);
            QVERIFY2(all.verdict == ExplorerResult::Verdict::Verified, qPrintable(describe(all)));
            QCOMPARE(all.statistics.completeSchedules, expected.interleavings);
            QCOMPARE(all.statistics.schedules, expected.interleavings);
            // State caching alone: every distinct state once.
            options.stateCaching = true;
            ExplorerResult cached = explore(FanIn::info(), parameters, options);
            QVERIFY2(cached.verdict == ExplorerResult::Verdict::Verified,
                     qPrintable(describe(cached)));
            QCOMPARE(cached.statistics.distinctStates, expected.states);
            QVERIFY(cached.statistics.schedules < all.statistics.schedules);
        } else {
            QCOMPARE(expected.interleavings, 34650); // 12! / (4!)^3: too many to run here
        }
        // Partial-order reduction alone: one complete run per trace.
        options.partialOrderReduction = true;
        options.stateCaching = false;
        ExplorerResult reduced = explore(FanIn::info(), parameters, options);
        QVERIFY2(reduced.verdict == ExplorerResult::Verdict::Verified,
                 qPrintable(describe(reduced)));
        QCOMPARE(reduced.statistics.completeSchedules, expected.traces);
    }
}

void tst_Explorer::faultyDemosBreakTheirProperty_data()
{
    QTest::addColumn<QString>("demo");
    QTest::addColumn<int>("agents");
    QTest::addColumn<int>("faults");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("expected");
    QTest::addRow("leader-election: two leaders")
        << "leader-election" << 3 << 0 << "at most one leader"
        << "at most one leader";
    QTest::addRow("two-phase-commit: blocked") << "two-phase-commit" << 3 << 0 << "blocked"
                                               << "blocked";
    QTest::addRow("ping-pong: a drop, then a wrong round")
        << "ping-pong" << 2 << 1 << ""
        << "every pong answers a ping sent earlier";
}

void tst_Explorer::faultyDemosBreakTheirProperty()
{
    QFETCH(QString, demo);
    QFETCH(int, agents);
    QFETCH(int, faults);
    QFETCH(QString, property);
    QFETCH(QString, expected);
    DemoParameters parameters;
    parameters.agents = agents;
    parameters.faulty = true;
    parameters.rounds = 1;
    ExplorerOptions options;
    options.maxSchedules = 200;
    options.maxFaults = faults;
    options.faultTimeout = 200ms;
    if (!property.isEmpty())
        options.properties = QStringList{property};
    ExplorerResult result = explore(demo, parameters, options);
    QVERIFY2(result.verdict == ExplorerResult::Verdict::Violation, qPrintable(describe(result)));
    QVERIFY(result.violation);
    QVERIFY(result.shrunk);
    QCOMPARE(result.violation->property, expected);
    QCOMPARE(result.shrunk->property, expected);
    QVERIFY2(result.shrunk->length() <= result.violation->length(),
             qPrintable(QStringLiteral("%1 > %2")
                            .arg(result.shrunk->length())
                            .arg(result.violation->length())));
    QCOMPARE(result.counterexample(), &*result.shrunk);
    QCOMPARE(result.shrunk->faults(), faults); // the drop cannot go
    QVERIFY(!result.shrunk->log.isEmpty());
    QVERIFY(!result.shrunk->stateText.isEmpty());
    if (demo == u"ping-pong")
        QVERIFY(result.parameters.requestTimeout == 200ms); // drops: short timeouts
    qInfo().noquote() << demo << describe(result) << "; shrunk from" << result.violation->length()
                      << "to" << result.shrunk->length() << "steps";

    // Saved, loaded and replayed into a fresh system: the same violation, the same state.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const Counterexample *counterexample : {&*result.violation, &*result.shrunk}) {
        const QString file = dir.filePath(QStringLiteral("counterexample.jsonl"));
        QVERIFY(counterexample->log.save(file));
        Result<TrafficLog> loaded = TrafficLog::load(file);
        QVERIFY(loaded);
        QCOMPARE(loaded->schedule().size(), counterexample->log.schedule().size());
        const Replayed replayed = replayInto(result, *loaded);
        QVERIFY(replayed.ok);
        QVERIFY2(replayed.violated.contains(expected), qPrintable(replayed.violated.join(u'|')));
        QCOMPARE(replayed.stateText, counterexample->stateText);
    }
}

void tst_Explorer::correctDemosPassExhaustiveSearch_data()
{
    QTest::addColumn<QString>("demo");
    QTest::addColumn<int>("agents");
    for (const char *demo :
         {"leader-election", "echo", "ping-pong", "contract-net", "two-phase-commit"})
        QTest::addRow("%s n=3", demo) << QString::fromLatin1(demo) << 3;
    QTest::addRow("leader-election n=4") << "leader-election" << 4;
    QTest::addRow("two-phase-commit n=4") << "two-phase-commit" << 4;
}

void tst_Explorer::correctDemosPassExhaustiveSearch()
{
    QFETCH(QString, demo);
    QFETCH(int, agents);
    DemoParameters parameters;
    parameters.agents = agents;
    parameters.rounds = 1;
    ExplorerOptions options; // every invariant
    ExplorerResult result = explore(demo, parameters, options);
    QVERIFY2(result.verdict == ExplorerResult::Verdict::Verified, qPrintable(describe(result)));
    QVERIFY(!result.violation);
    QVERIFY(result.statistics.completeSchedules >= 1);
    QVERIFY(result.statistics.distinctStates > 1);
    QVERIFY(result.statistics.distinctStates <= result.statistics.states);
    qInfo().noquote() << demo << agents << describe(result);
}

void tst_Explorer::reductionsKeepTheVerdict_data()
{
    QTest::addColumn<QString>("demo");
    QTest::addColumn<int>("agents");
    QTest::addColumn<bool>("faulty");
    QTest::addColumn<int>("faults");
    QTest::addColumn<QString>("property");
    QTest::addColumn<bool>("withoutBoth"); // small enough to search with no reduction at all
    for (const char *demo : {"echo", "ping-pong", "contract-net", "two-phase-commit"})
        QTest::addRow("%s n=2", demo) << QString::fromLatin1(demo) << 2 << false << 0 << "" << true;
    QTest::addRow("leader-election n=2") << "leader-election" << 2 << false << 0 << "" << false;
    QTest::addRow("two-phase-commit faulty n=3")
        << "two-phase-commit" << 3 << true << 0 << "blocked" << true;
    QTest::addRow("leader-election faulty n=2")
        << "leader-election" << 2 << true << 0 << "at most one leader" << false;
    QTest::addRow("ping-pong faulty n=2 with a drop")
        << "ping-pong" << 2 << true << 1 << "" << true;
}

void tst_Explorer::reductionsKeepTheVerdict()
{
    QFETCH(QString, demo);
    QFETCH(int, agents);
    QFETCH(bool, faulty);
    QFETCH(int, faults);
    QFETCH(QString, property);
    QFETCH(bool, withoutBoth);
    DemoParameters parameters;
    parameters.agents = agents;
    parameters.faulty = faulty;
    parameters.rounds = 1;
    // Every state the system is quiet in, per configuration: the reductions must reach them all.
    std::set<QString> finalStates;
    ExplorerOptions options;
    options.shrink = false;
    options.maxFaults = faults;
    options.faultTimeout = 200ms;
    options.maxSchedules = 3000;
    options.maxTime = 180s; // a budget, not a measurement: sanitizer builds run several times slower
    // The goal below collects into this process's memory: a forked search would keep it.
    options.strategy = ExplorerOptions::Strategy::Replay;
    if (!property.isEmpty())
        options.properties = QStringList{property};
    options.extraGoals = [&finalStates](DemoSystem *system) {
        QList<Invariant> goals;
        goals.append(Invariant{QStringLiteral("final states"), QStringLiteral("final states"), QString(), [&finalStates, system] {
                                   finalStates.insert(system->stateText());
                                   return true;
                               }});
        return goals;
    };
    QList<Configuration> configurations = {{true, true}, {false, true}, {true, false}};
    if (withoutBoth)
        configurations.append(Configuration(false, false));
    std::optional<ExplorerResult::Verdict> verdict;
    std::optional<std::set<QString>> reference;
    qint64 fullyReduced = 0, unreduced = 0;
    for (const Configuration &configuration : std::as_const(configurations)) {
        options.partialOrderReduction = configuration.first;
        options.stateCaching = configuration.second;
        finalStates.clear();
        ExplorerResult result = explore(demo, parameters, options);
        const QString what =
            configurationName(configuration) + QStringLiteral(": ") + describe(result);
        qInfo().noquote() << demo << what;
        QVERIFY2(result.verdict == ExplorerResult::Verdict::Verified
                     || result.verdict == ExplorerResult::Verdict::Violation,
                 qPrintable(what));
        if (!verdict)
            verdict = result.verdict;
        QVERIFY2(result.verdict == *verdict, qPrintable(what));
        if (result.verdict == ExplorerResult::Verdict::Verified) {
            if (!reference)
                reference = finalStates;
            QVERIFY2(finalStates == *reference, qPrintable(what));
        }
        if (configuration == Configuration(true, true))
            fullyReduced = result.statistics.schedules;
        if (configuration == Configuration(false, false)
            || (!withoutBoth && configuration == Configuration(false, true)))
            unreduced = result.statistics.schedules;
    }
    if (*verdict == ExplorerResult::Verdict::Verified)
        QVERIFY(!reference->empty());
    if (!faulty || demo == u"leader-election")
        QVERIFY2(fullyReduced < unreduced,
                 qPrintable(QStringLiteral("%1 >= %2").arg(fullyReduced).arg(unreduced)));
}

void tst_Explorer::randomWalks()
{
    DemoParameters parameters;
    parameters.agents = 3;
    parameters.faulty = true;
    ExplorerOptions options;
    options.mode = ExplorerOptions::Mode::RandomWalk;
    options.walks = 300;
    options.seed = 7;
    options.properties = QStringList{QStringLiteral("at most one leader")};
    ExplorerResult first = explore(QStringLiteral("leader-election"), parameters, options);
    QVERIFY2(first.verdict == ExplorerResult::Verdict::Violation, qPrintable(describe(first)));
    QVERIFY(first.shrunk && first.shrunk->length() <= first.violation->length());
    // The same seed walks the same way.
    ExplorerResult second = explore(QStringLiteral("leader-election"), parameters, options);
    QCOMPARE(second.statistics.schedules, first.statistics.schedules);
    QCOMPARE(second.violation->length(), first.violation->length());
    QCOMPARE(second.violation->stateText, first.violation->stateText);
    const Replayed replayed = replayInto(first, first.shrunk->log);
    QVERIFY(replayed.ok);
    QVERIFY(replayed.violated.contains(QStringLiteral("at most one leader")));

    // A correct system: every walk runs to the end, nothing found, nothing proven.
    parameters.faulty = false;
    options.walks = 20;
    options.properties.clear();
    ExplorerResult correct = explore(QStringLiteral("leader-election"), parameters, options);
    QVERIFY2(correct.verdict == ExplorerResult::Verdict::NoViolationFound,
             qPrintable(describe(correct)));
    QCOMPARE(correct.statistics.schedules, 20);
    QCOMPARE(correct.statistics.completeSchedules, 20);
}

void tst_Explorer::fromARecordedPrefix()
{
    // A run of the faulty election recorded up to the point where both nodes are awake and
    // connected (in queue order), then explored from there.
    DemoParameters parameters;
    parameters.agents = 2;
    parameters.faulty = true;
    ExplorerOptions options;
    options.properties = QStringList{QStringLiteral("at most one leader")};
    TrafficLog prefix;
    {
        LocalQueue::clearCache();
        LocalQueue::get(options.queueId);
    LocalNetwork::instance()->setMode(LocalNetwork::Mode::Stepped);
        std::unique_ptr<DemoSystem> system =
            std::move(*findDemo(u"leader-election")->build(options.queueId, parameters));
        system->start();
        const int delivered = QCoro::waitFor(LocalNetwork::instance()->runUntilIdle(4));
        QCOMPARE(delivered, 4);
        prefix = LocalNetwork::instance()->eventLog();
        system.reset();
        LocalQueue::clearCache();
    }
    QCOMPARE(int(prefix.schedule().size()), 4);
    options.prefix = prefix;
    ExplorerResult result = explore(QStringLiteral("leader-election"), parameters, options);
    QVERIFY2(result.verdict == ExplorerResult::Verdict::Violation, qPrintable(describe(result)));
    // The counterexample begins with the prefix.
    const std::vector<TrafficEvent> schedule = result.shrunk->log.schedule();
    QVERIFY(schedule.size() > 4);
    for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE(schedule[i].kind, prefix.schedule()[i].kind);
        QCOMPARE(schedule[i].messageId, prefix.schedule()[i].messageId);
    }
    const Replayed replayed = replayInto(result, result.shrunk->log);
    QVERIFY(replayed.ok);
    QVERIFY(replayed.violated.contains(QStringLiteral("at most one leader")));
    QCOMPARE(replayed.stateText, result.shrunk->stateText);

    // A prefix that acts on a frame the system never sends diverges.
    TrafficEvent missing;
    missing.kind = TrafficEvent::Kind::Delivered;
    missing.messageId = 999;
    TrafficLog wrongPrefix;
    wrongPrefix.append(missing);
    options.prefix = wrongPrefix;
    options.prefixTimeout = 200ms;
    ExplorerResult wrong = explore(QStringLiteral("leader-election"), parameters, options);
    QVERIFY2(wrong.verdict == ExplorerResult::Verdict::Failed, qPrintable(describe(wrong)));
    QVERIFY2(wrong.error.contains(u"diverged"), qPrintable(wrong.error));
}

void tst_Explorer::budgetProgressAndCancel()
{
    DemoParameters parameters;
    parameters.agents = 4;
    ExplorerOptions options;
    options.stateCaching = false;
    options.partialOrderReduction = false;
    options.maxSchedules = 5;
    ExplorerResult limited = explore(QStringLiteral("echo"), parameters, options);
    QVERIFY2(limited.verdict == ExplorerResult::Verdict::NoViolationFound,
             qPrintable(describe(limited)));
    QCOMPARE(limited.statistics.schedules, 5);

    options.maxSchedules = 10'000;
    options.maxDepth = 6;
    ExplorerResult shallow = explore(QStringLiteral("echo"), parameters, options);
    QVERIFY2(shallow.verdict == ExplorerResult::Verdict::NoViolationFound,
             qPrintable(describe(shallow)));
    QVERIFY(shallow.statistics.depthLimited > 0);
    QCOMPARE(shallow.statistics.completeSchedules, 0);

    options.maxDepth = 400;
    // Counted in this process's memory: a forked search would count in its children.
    options.strategy = ExplorerOptions::Strategy::Replay;
    int reports = 0;
    Explorer *running = nullptr;
    options.progressInterval = 0ms;
    options.progress = [&](const ExplorerStatistics &statistics) {
        ++reports;
        QVERIFY(statistics.schedules >= 0);
        if (statistics.schedules >= 3)
            running->cancel();
    };
    Explorer explorer(QStringLiteral("echo"), parameters, options);
    running = &explorer;
    ExplorerResult cancelled = QCoro::waitFor(explorer.run());
    QVERIFY2(cancelled.verdict == ExplorerResult::Verdict::Cancelled,
             qPrintable(describe(cancelled)));
    QVERIFY(explorer.isCancelled());
    QCOMPARE(cancelled.statistics.schedules, 3);
    QVERIFY(reports >= 3);
}

void tst_Explorer::badInput()
{
    DemoParameters parameters;
    parameters.agents = 3;
    ExplorerOptions options;
    options.properties = QStringList{QStringLiteral("no such property")};
    ExplorerResult unknownProperty = explore(QStringLiteral("echo"), parameters, options);
    QVERIFY(unknownProperty.verdict == ExplorerResult::Verdict::Failed);
    QVERIFY2(unknownProperty.error.contains(u"no such property")
                 && unknownProperty.error.contains(u"stuck"),
             qPrintable(unknownProperty.error));

    options.properties.clear();
    Explorer unknownDemo(QStringLiteral("nope"), parameters, options);
    ExplorerResult none = QCoro::waitFor(unknownDemo.run());
    QVERIFY(none.verdict == ExplorerResult::Verdict::Failed);
    QVERIFY2(none.error.contains(u"nope"), qPrintable(none.error));

    parameters.agents = 1;
    ExplorerResult tooSmall = explore(QStringLiteral("echo"), parameters, options);
    QVERIFY(tooSmall.verdict == ExplorerResult::Verdict::Failed);

    // The property names: invariants, then goals.
    parameters.agents = 3;
    LocalQueue::clearCache();
    std::unique_ptr<DemoSystem> system =
        std::move(*findDemo(u"two-phase-commit")->build(QStringLiteral("names"), parameters));
    const QStringList names = Explorer::propertyNames(system.get());
    QCOMPARE(names.mid(names.size() - 2),
             (QStringList{QStringLiteral("stuck"), QStringLiteral("blocked")}));
    QCOMPARE(names.size(), system->invariants().size() + 2);
    QVERIFY(Explorer::propertyNames(nullptr).isEmpty());
}

void tst_Explorer::duplicatedFrame()
{
    // A copy of a ping: the faulty ponger answers it with a round never pinged.
    DemoParameters parameters;
    parameters.agents = 2;
    parameters.rounds = 1;
    parameters.faulty = true;
    ExplorerOptions options;
    options.maxFaults = 1;
    options.faultKinds = FaultKind::Duplicate;
    ExplorerResult result = explore(QStringLiteral("ping-pong"), parameters, options);
    QVERIFY2(result.verdict == ExplorerResult::Verdict::Violation, qPrintable(describe(result)));
    QCOMPARE(result.shrunk->property, QStringLiteral("every pong answers a ping sent earlier"));
    QCOMPARE(result.shrunk->faults(), 1);
    QVERIFY(
        std::any_of(result.shrunk->steps.begin(), result.shrunk->steps.end(),
                    [](const ExplorerStep &s) { return s.kind == ExplorerStep::Kind::Duplicate; }));
    QVERIFY(result.parameters.requestTimeout == DemoParameters().requestTimeout); // no drops

    // Re-imposed as a prefix, the log ends where the property fails.
    options.prefix = result.shrunk->log;
    options.maxFaults = 0;
    ExplorerResult again = explore(QStringLiteral("ping-pong"), parameters, options);
    QVERIFY2(again.verdict == ExplorerResult::Verdict::Violation, qPrintable(describe(again)));
    QCOMPARE(again.violation->length(), 0);
    QCOMPARE(again.violation->stateText, result.shrunk->stateText);

    const Replayed replayed = replayInto(result, result.shrunk->log, 1s);
    // LocalNetwork::replay() re-imposes the duplication (it waits for the original's id).
    QVERIFY(replayed.ok);
}


namespace {

QStringList stepTexts(const std::vector<ExplorerStep> &steps)
{
    QStringList texts;
    for (const ExplorerStep &step : steps)
        texts.append(step.toString());
    return texts;
}

} // namespace

void tst_Explorer::forkMatchesReplay_data()
{
    QTest::addColumn<QString>("demo");
    QTest::addColumn<int>("agents");
    QTest::addColumn<bool>("faulty");
    QTest::addColumn<int>("faults");
    QTest::addColumn<QString>("property");
    QTest::addColumn<int>("configuration"); // 0 both reductions, 1 por, 2 cache, 3 none
    QTest::addColumn<int>("maxSchedules");
    // Every demo with both reductions; partial-order reduction alone and state caching alone
    // (with a schedule budget: without sleep sets a search takes minutes) on some.
    for (const char *demo :
         {"leader-election", "echo", "ping-pong", "contract-net", "two-phase-commit"})
        QTest::addRow("%s n=3", demo) << QString::fromLatin1(demo) << 3 << false << 0 << QString()
                                      << 0 << 10'000;
    for (const char *demo : {"leader-election", "two-phase-commit"})
        QTest::addRow("%s n=3 por", demo) << QString::fromLatin1(demo) << 3 << false << 0
                                          << QString() << 1 << 10'000;
    for (const char *demo : {"echo", "contract-net"})
        QTest::addRow("%s n=3 cache, 150 schedules", demo)
            << QString::fromLatin1(demo) << 3 << false << 0 << QString() << 2 << 150;
    QTest::addRow("leader-election n=4") << "leader-election" << 4 << false << 0 << QString() << 0 << 10'000;
    QTest::addRow("two-phase-commit n=4") << "two-phase-commit" << 4 << false << 0 << QString() << 0 << 10'000;
    QTest::addRow("echo n=4 no reduction, 40 schedules")
        << "echo" << 4 << false << 0 << QString() << 3 << 40;
    QTest::addRow("leader-election faulty") << "leader-election" << 3 << true << 0
                                            << "at most one leader" << 0 << 10'000;
    QTest::addRow("two-phase-commit faulty") << "two-phase-commit" << 3 << true << 0 << "blocked"
                                             << 0 << 10'000;
    QTest::addRow("two-phase-commit faulty n=4 por")
        << "two-phase-commit" << 4 << true << 0 << "blocked" << 1 << 10'000;
    QTest::addRow("ping-pong faulty, a drop") << "ping-pong" << 2 << true << 1 << QString() << 0
                                              << 10'000;
    QTest::addRow("ping-pong n=2, a fault of each kind")
        << "ping-pong" << 2 << false << 1 << QString() << 0 << 10'000;
}

void tst_Explorer::forkMatchesReplay()
{
    if (!Explorer::canFork())
        QSKIP("fork() is not available on this platform: only the replay strategy runs");
    QFETCH(QString, demo);
    QFETCH(int, agents);
    QFETCH(bool, faulty);
    QFETCH(int, faults);
    QFETCH(QString, property);
    QFETCH(int, configuration);
    QFETCH(int, maxSchedules);
    DemoParameters parameters;
    parameters.agents = agents;
    parameters.faulty = faulty;
    parameters.rounds = 1;
    ExplorerOptions options;
    options.partialOrderReduction = configuration == 0 || configuration == 1;
    options.stateCaching = configuration == 0 || configuration == 2;
    options.maxSchedules = maxSchedules;
    options.maxTime = 300s; // a budget, not a measurement: both must end before it
    options.maxFaults = faults;
    options.faultTimeout = 200ms;
    if (faults > 0 && !faulty)
        options.faultKinds = FaultKind::Drop | FaultKind::Duplicate | FaultKind::Delay | FaultKind::ClockAdvance;
    if (!property.isEmpty())
        options.properties = QStringList{property};
    options.strategy = ExplorerOptions::Strategy::Replay;
    const ExplorerResult replayed = explore(demo, parameters, options);
    cleanup();
    options.strategy = ExplorerOptions::Strategy::Fork;
    const ExplorerResult forked = explore(demo, parameters, options);
    qInfo().noquote() << "replay:" << describe(replayed);
    qInfo().noquote() << "fork:  " << describe(forked);
    QCOMPARE(replayed.strategy, ExplorerOptions::Strategy::Replay);
    QCOMPARE(forked.strategy, ExplorerOptions::Strategy::Fork);
    QVERIFY2(replayed.verdict != ExplorerResult::Verdict::Failed, qPrintable(describe(replayed)));
    QCOMPARE(ExplorerResult::verdictName(forked.verdict),
             ExplorerResult::verdictName(replayed.verdict));
    const ExplorerStatistics &r = replayed.statistics;
    const ExplorerStatistics &f = forked.statistics;
    QCOMPARE(f.schedules, r.schedules);
    QCOMPARE(f.completeSchedules, r.completeSchedules);
    QCOMPARE(f.sleepBlocked, r.sleepBlocked);
    QCOMPARE(f.cacheHits, r.cacheHits);
    QCOMPARE(f.depthLimited, r.depthLimited);
    QCOMPARE(f.states, r.states);
    QCOMPARE(f.distinctStates, r.distinctStates);
    QCOMPARE(f.deepest, r.deepest);
    QCOMPARE(f.shrinkRuns, r.shrinkRuns);
    QVERIFY(f.transitions <= r.transitions); // no path is re-executed
    // Only replay gets back to choice points by rebuilding, once there is a second run.
    QCOMPARE(f.rebuildShare, 0.0);
    QVERIFY2(r.rebuildShare >= 0 && r.rebuildShare < 1, qPrintable(QString::number(r.rebuildShare)));
    if (r.schedules > 1 && r.transitions > f.transitions)
        QVERIFY2(r.rebuildShare > 0, qPrintable(QString::number(r.rebuildShare)));
    QCOMPARE(bool(forked.violation), bool(replayed.violation));
    QCOMPARE(bool(forked.shrunk), bool(replayed.shrunk));
    if (replayed.violation) {
        QCOMPARE(forked.violation->property, replayed.violation->property);
        QCOMPARE(stepTexts(forked.violation->steps), stepTexts(replayed.violation->steps));
        QCOMPARE(forked.violation->stateText, replayed.violation->stateText);
        QCOMPARE(forked.violation->log.schedule().size(), replayed.violation->log.schedule().size());
    }
    if (replayed.shrunk) {
        QCOMPARE(forked.shrunk->property, replayed.shrunk->property);
        QCOMPARE(stepTexts(forked.shrunk->steps), stepTexts(replayed.shrunk->steps));
        QCOMPARE(forked.shrunk->stateText, replayed.shrunk->stateText);
        QCOMPARE(forked.shrunk->log.schedule().size(), replayed.shrunk->log.schedule().size());
    }
}

void tst_Explorer::forkReportsACrashedChild()
{
    if (!Explorer::canFork())
        QSKIP("fork() is not available on this platform: only the replay strategy runs");
    // An invariant that crashes in any process but this one: the first child dies of it.
    const pid_t self = ::getpid();
    DemoParameters parameters;
    parameters.agents = 3;
    ExplorerOptions options;
    options.strategy = ExplorerOptions::Strategy::Fork;
    options.maxTime = 120s;
    options.extraInvariants = [self](DemoSystem *) {
        QList<Invariant> invariants;
        invariants.append(Invariant{QStringLiteral("crash"), QStringLiteral("crash"), QString(), [self] {
                                        if (::getpid() != self)
                                            ::kill(::getpid(), SIGKILL); // no handler runs
                                        return true;
                                    }});
        return invariants;
    };
    const ExplorerResult result = explore(QStringLiteral("echo"), parameters, options);
    QVERIFY2(result.verdict == ExplorerResult::Verdict::Failed, qPrintable(describe(result)));
    QVERIFY2(result.error.contains(u"crashed") && result.error.contains(u"signal"),
             qPrintable(result.error));
    // Every child was reaped: none is left to wait for.
    errno = 0;
    QCOMPARE(::waitpid(-1, nullptr, WNOHANG), -1);
    QCOMPARE(errno, ECHILD);
}

QTEST_GUILESS_MAIN(tst_Explorer)
#include "tst_explorer.moc"
