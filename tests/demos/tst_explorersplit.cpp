// SPDX-License-Identifier: MIT
// A depth-first search split at a frontier (as `mas explore --workers` splits it), its parts
// started with the sleep sets the unsplit search has there (onDepthLimitAsleep, prefixAsleep)
// and sharing one state cache (ExplorerOptions::sharedCache): whatever order the parts run in,
// they reach the unsplit search's quiet end states, and the first part with a violation finds
// the unsplit search's first violating run; in search order, the parts cut states the parts
// before them explored. Parts that hand off their untried choices to others while they run
// (work stealing, ExplorerOptions::onHandOff) reach the same, in any order.

#include <mas/demos/demosystem.h>
#include <mas/demos/explorer.h>
#include <mas/system/sharedstatecache.h>
#include <mas/transport/localqueue.h>

#include <QCoro/QCoroTask>
#include <QLoggingCategory>
#include <QTest>

#include <algorithm>
#include <climits>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <vector>

using namespace mas;
using namespace mas::demos;
using mas::system::ExplorerHandOff;
using mas::system::SharedStateCache;
using namespace std::chrono_literals;

namespace {

struct Part
{
    TrafficLog prefix;
    std::vector<ExplorerStep> steps;
    std::vector<ExplorerStep> asleep;
};

struct Split
{
    std::vector<Part> parts;
    ExplorerResult frontier; ///< the search to the frontier's depth
};

ExplorerResult explore(const QString &demo, const DemoParameters &parameters, const ExplorerOptions &options)
{
    Explorer explorer(demo, parameters, options);
    ExplorerResult result = QCoro::waitFor(explorer.run());
    LocalQueue::clearCache();
    return result;
}

Split splitAt(const QString &demo, const DemoParameters &parameters, ExplorerOptions options, int depth)
{
    Split split;
    options.maxDepth = depth;
    options.maxSchedules = INT_MAX;
    options.onDepthLimit = [&split](const TrafficLog &log, const std::vector<ExplorerStep> &steps) {
        split.parts.push_back(Part{log, steps, {}});
    };
    options.onDepthLimitAsleep = [&split](quint64, const std::vector<ExplorerStep> &asleep) {
        split.parts.back().asleep = asleep;
    };
    split.frontier = explore(demo, parameters, options);
    return split;
}

ExplorerResult explorePart(const QString &demo, const DemoParameters &parameters, ExplorerOptions options,
                           const Split &split, int index, const std::shared_ptr<SharedStateCache> &cache)
{
    const Part &part = split.parts[std::size_t(index)];
    options.prefix = part.prefix;
    options.prefixAsleep = part.asleep;
    options.maxDepth -= int(part.steps.size());
    options.sharedCache = cache;
    options.sharedCachePart = index;
    options.sharedCacheDepth = int(part.steps.size());
    return explore(demo, parameters, options);
}

/// The choices of a run (forced clock moves left out), as signatures: the same in every run.
std::vector<std::pair<int, quint64>> choices(const std::vector<ExplorerStep> &steps)
{
    std::vector<std::pair<int, quint64>> result;
    for (const ExplorerStep &s : steps) {
        if (!s.forced)
            result.emplace_back(int(s.kind), s.signature);
    }
    return result;
}

} // namespace

class tst_ExplorerSplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void partsReachTheUnsplitSearch_data();
    void partsReachTheUnsplitSearch();
    void handedOffPartsReachTheUnsplitSearch_data();
    void handedOffPartsReachTheUnsplitSearch();
};

namespace {

/// The demo's parameters of these searches: one round.
DemoParameters splitParameters(int agents, bool faulty)
{
    DemoParameters parameters;
    parameters.agents = agents;
    parameters.faulty = faulty;
    parameters.rounds = 1;
    return parameters;
}

/// A replayed search without shrinking for `property` (all when empty) whose extra goal
/// collects every end state's text into `endStates`.
ExplorerOptions collectingEndStates(const QString &property, std::set<QString> &endStates)
{
    ExplorerOptions options;
    options.shrink = false;
    options.maxTime = 300s; // a budget, not a measurement
    options.strategy = ExplorerOptions::Strategy::Replay; // the goal below collects here
    if (!property.isEmpty())
        options.properties = QStringList{property};
    options.extraGoals = [&endStates](mas::system::System *system) {
        return QList<mas::system::Invariant>{mas::system::Invariant{
            QStringLiteral("end states"), QStringLiteral("end states"), QString(), [&endStates, system] {
                endStates.insert(system->stateText());
                return true;
            }}};
    };
    return options;
}

} // namespace

void tst_ExplorerSplit::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("mas.channel.warning=false"));
    QVERIFY(registerDemos());
}

void tst_ExplorerSplit::cleanup()
{
    LocalQueue::clearCache();
}

void tst_ExplorerSplit::partsReachTheUnsplitSearch_data()
{
    QTest::addColumn<QString>("demo");
    QTest::addColumn<int>("agents");
    QTest::addColumn<bool>("faulty");
    QTest::addColumn<int>("depth"); // the frontier's
    QTest::addColumn<QString>("property");
    QTest::newRow("leader-election n=3") << "leader-election" << 3 << false << 9 << "";
    QTest::newRow("echo n=3") << "echo" << 3 << false << 2 << "";
    QTest::newRow("contract-net n=3") << "contract-net" << 3 << false << 2 << "";
    QTest::newRow("two-phase-commit n=3") << "two-phase-commit" << 3 << false << 2 << "";
    QTest::newRow("ping-pong n=3") << "ping-pong" << 3 << false << 2 << "";
    QTest::newRow("two-phase-commit n=4") << "two-phase-commit" << 4 << false << 2 << "";
    QTest::newRow("leader-election n=4") << "leader-election" << 4 << false << 9 << "";
    QTest::newRow("leader-election faulty n=3") << "leader-election" << 3 << true << 9 << "at most one leader";
    QTest::newRow("two-phase-commit faulty n=3 blocked") << "two-phase-commit" << 3 << true << 2 << "blocked";
}

void tst_ExplorerSplit::partsReachTheUnsplitSearch()
{
    QFETCH(QString, demo);
    QFETCH(int, agents);
    QFETCH(bool, faulty);
    QFETCH(int, depth);
    QFETCH(QString, property);
    const DemoParameters parameters = splitParameters(agents, faulty);
    std::set<QString> endStates;
    const ExplorerOptions options = collectingEndStates(property, endStates);

    const ExplorerResult unsplit = explore(demo, parameters, options);
    QVERIFY2(unsplit.verdict == ExplorerResult::Verdict::Verified
                 || unsplit.verdict == ExplorerResult::Verdict::Violation,
             qPrintable(unsplit.error));
    const bool violating = unsplit.verdict == ExplorerResult::Verdict::Violation;
    const std::set<QString> reference = endStates;
    QVERIFY(violating || !reference.empty());

    // The first frontier from `depth` on with at least 8 runs (as mas explore --frontier 8), or
    // the one with the most above a depth where the search ends (or finds its violation).
    Split split;
    std::set<QString> aboveFrontier;
    for (int d = depth; d <= 60; ++d) {
        endStates.clear();
        Split deeper = splitAt(demo, parameters, options, d);
        if (deeper.frontier.verdict != ExplorerResult::Verdict::NoViolationFound)
            break;
        if (deeper.parts.size() >= split.parts.size()) {
            split = std::move(deeper);
            aboveFrontier = endStates;
        }
        if (split.parts.size() >= 8)
            break;
    }
    QVERIFY2(split.frontier.verdict == ExplorerResult::Verdict::NoViolationFound,
             qPrintable(ExplorerResult::verdictName(split.frontier.verdict)));
    QVERIFY2(split.parts.size() >= 3, qPrintable(QString::number(split.parts.size())));
    const int n = int(split.parts.size());

    // Orders: search order with a shared cache, backwards with one (no part may use a later
    // part's entries, so nothing is cut), and search order with none.
    struct Order
    {
        const char *name;
        bool backwards;
        bool shared;
    };
    qint64 schedulesShared = 0, schedulesAlone = 0;
    for (const Order order : {Order{"forwards, shared", false, true}, Order{"backwards, shared", true, true},
                              Order{"forwards, alone", false, false}}) {
        std::shared_ptr<SharedStateCache> cache;
        if (order.shared) {
            auto made = SharedStateCache::anonymous();
            QVERIFY(made);
            cache = std::move(*made);
        }
        endStates = aboveFrontier;
        qint64 schedules = 0, sharedHits = 0;
        std::vector<std::optional<ExplorerResult>> results(static_cast<std::size_t>(n));
        for (int k = 0; k < n; ++k) {
            const int i = order.backwards ? n - 1 - k : k;
            results[std::size_t(i)] = explorePart(demo, parameters, options, split, i, cache);
            const ExplorerResult &r = *results[std::size_t(i)];
            QVERIFY2(r.verdict == ExplorerResult::Verdict::Verified || r.verdict == ExplorerResult::Verdict::Violation,
                     qPrintable(QStringLiteral("%1, part %2: %3 %4")
                                    .arg(QLatin1String(order.name))
                                    .arg(i)
                                    .arg(ExplorerResult::verdictName(r.verdict), r.error)));
            schedules += r.statistics.schedules;
            sharedHits += r.statistics.sharedCacheHits;
            if (!order.shared)
                QCOMPARE(r.statistics.sharedCacheHits, 0);
            if (!order.backwards && violating && r.verdict == ExplorerResult::Verdict::Violation)
                break; // as the split search: the parts after the first violation are not needed
        }
        qInfo().noquote() << demo << order.name << n << "parts," << schedules << "schedules," << sharedHits
                          << "shared cache hits; unsplit" << unsplit.statistics.schedules;
        if (order.shared && !order.backwards)
            schedulesShared = schedules;
        if (!order.shared)
            schedulesAlone = schedules;
        if (!violating) {
            QVERIFY2(endStates == reference,
                     qPrintable(QStringLiteral("%1: %2 end states, unsplit %3")
                                    .arg(QLatin1String(order.name))
                                    .arg(endStates.size())
                                    .arg(reference.size())));
            continue;
        }
        // The first part in search order with a violation finds the unsplit search's run.
        const ExplorerResult *first = nullptr;
        int firstIndex = -1;
        for (int i = 0; i < n && !first; ++i) {
            if (results[std::size_t(i)] && results[std::size_t(i)]->verdict == ExplorerResult::Verdict::Violation) {
                first = &*results[std::size_t(i)];
                firstIndex = i;
            }
        }
        QVERIFY2(first && first->violation, order.name);
        std::vector<ExplorerStep> run = split.parts[std::size_t(firstIndex)].steps;
        run.insert(run.end(), first->violation->steps.begin(), first->violation->steps.end());
        QCOMPARE(first->violation->property, unsplit.violation->property);
        QVERIFY2(choices(run) == choices(unsplit.violation->steps),
                 qPrintable(QStringLiteral("%1: part %2's violation after %3 steps, the unsplit search's after %4")
                                .arg(QLatin1String(order.name))
                                .arg(firstIndex)
                                .arg(run.size())
                                .arg(unsplit.violation->steps.size())));
    }
    // The shared cache cuts what the parts before explored.
    if (!violating && demo == u"leader-election")
        QVERIFY2(schedulesShared < schedulesAlone,
                 qPrintable(QStringLiteral("%1 >= %2").arg(schedulesShared).arg(schedulesAlone)));
}

void tst_ExplorerSplit::handedOffPartsReachTheUnsplitSearch_data()
{
    QTest::addColumn<QString>("demo");
    QTest::addColumn<int>("agents");
    QTest::addColumn<bool>("faulty");
    QTest::addColumn<QString>("property");
    QTest::newRow("leader-election n=3") << "leader-election" << 3 << false << "";
    QTest::newRow("two-phase-commit n=4") << "two-phase-commit" << 4 << false << "";
    QTest::newRow("contract-net n=3") << "contract-net" << 3 << false << "";
    QTest::newRow("leader-election faulty n=3") << "leader-election" << 3 << true << "at most one leader";
    QTest::newRow("two-phase-commit faulty n=3 blocked") << "two-phase-commit" << 3 << true << "blocked";
}

/// The whole search as one part that, asked for work before it starts and again after each
/// hand-off, hands off its untried choices; so does every part handed off (up to a few dozen
/// parts). Explored in the order they
/// were handed off, and with the latest first: the parts together reach the unsplit search's end
/// states, and the first part in search order with a violation finds its first violating run.
void tst_ExplorerSplit::handedOffPartsReachTheUnsplitSearch()
{
    QFETCH(QString, demo);
    QFETCH(int, agents);
    QFETCH(bool, faulty);
    QFETCH(QString, property);
    const DemoParameters parameters = splitParameters(agents, faulty);
    std::set<QString> endStates;
    ExplorerOptions options = collectingEndStates(property, endStates);
    const ExplorerResult unsplit = explore(demo, parameters, options);
    QVERIFY2(unsplit.verdict == ExplorerResult::Verdict::Verified
                 || unsplit.verdict == ExplorerResult::Verdict::Violation,
             qPrintable(unsplit.error));
    const bool violating = unsplit.verdict == ExplorerResult::Verdict::Violation;
    const std::set<QString> reference = endStates;

    for (const bool latestFirst : {false, true}) {
        auto made = SharedStateCache::anonymous();
        QVERIFY(made);
        std::shared_ptr<SharedStateCache> cache = std::move(*made);
        endStates.clear();
        std::deque<ExplorerHandOff> queue;
        queue.push_back(ExplorerHandOff{{}, {}, SharedStateCache::topLevelPart(0)});
        std::map<quint64, ExplorerResult> results; // by place in search order
        qint64 handOffs = 0;
        int deepest = 0; // hand-offs of hand-offs ...
        while (!queue.empty()) {
            ExplorerHandOff part;
            if (latestFirst) {
                part = std::move(queue.back());
                queue.pop_back();
            } else {
                part = std::move(queue.front());
                queue.pop_front();
            }
            ExplorerOptions partOptions = options;
            partOptions.startPath = part.path;
            partOptions.prefixAsleep = part.asleep;
            partOptions.sharedCache = cache;
            partOptions.sharedCachePart = part.part;
            auto busy = [&queue, &results] { return queue.size() + results.size() < 40; };
            if (busy()) {
                cache->requestWork(); // taken after its first run, if it has a choice left
                partOptions.onHandOff = [&queue, &cache, busy](const std::vector<ExplorerHandOff> &list) {
                    queue.insert(queue.end(), list.begin(), list.end());
                    if (busy())
                        cache->requestWork(); // and again after its next run
                };
            }
            const ExplorerResult r = explore(demo, parameters, partOptions);
            cache->withdrawWorkRequest();
            QVERIFY2(r.verdict == ExplorerResult::Verdict::Verified || r.verdict == ExplorerResult::Verdict::Violation,
                     qPrintable(ExplorerResult::verdictName(r.verdict) + u' ' + r.error));
            QVERIFY(!results.count(part.part));
            handOffs += r.statistics.handOffs;
            deepest = std::max(deepest, int(part.path.size()));
            results.emplace(part.part, r);
        }
        qInfo().noquote() << demo << (latestFirst ? "latest first:" : "in order handed off:") << results.size()
                          << "parts," << handOffs << "handed off";
        // Parts handed off, and parts handed off by handed-off parts.
        QVERIFY2(handOffs >= 2 || unsplit.statistics.schedules <= 2,
                 qPrintable(QStringLiteral("%1 handed off, unsplit %2 schedules")
                                .arg(handOffs)
                                .arg(unsplit.statistics.schedules)));
        if (unsplit.statistics.schedules > 20) {
            // Some part was handed off by a part that was handed off itself (the second digit
            // of its place below the frontier's index).
            const quint64 secondLevel = (quint64(1) << (SharedStateCache::kTopLevelShift - 8)) - 1;
            QVERIFY(deepest > 0);
            QVERIFY(std::any_of(results.begin(), results.end(),
                                [secondLevel](const auto &entry) { return (entry.first & secondLevel) != 0; }));
        }
        QCOMPARE(qint64(results.size()), handOffs + 1);
        if (!violating) {
            QVERIFY2(endStates == reference, qPrintable(QStringLiteral("%1 end states, unsplit %2")
                                                            .arg(endStates.size())
                                                            .arg(reference.size())));
            continue;
        }
        // The first part in search order with a violation: the unsplit search's first run.
        const ExplorerResult *first = nullptr;
        for (const auto &[place, r] : results) {
            if (r.verdict == ExplorerResult::Verdict::Violation) {
                first = &r;
                break;
            }
        }
        QVERIFY(first && first->violation);
        QCOMPARE(first->violation->property, unsplit.violation->property);
        QVERIFY2(choices(first->violation->steps) == choices(unsplit.violation->steps),
                 qPrintable(QStringLiteral("a violation after %1 steps, the unsplit search's after %2")
                                .arg(first->violation->steps.size())
                                .arg(unsplit.violation->steps.size())));
    }
}

QTEST_MAIN(tst_ExplorerSplit)
#include "tst_explorersplit.moc"
