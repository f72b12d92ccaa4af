// SPDX-License-Identifier: MIT
#pragma once

#include <mas/system/system.h>
#include <mas/system/sharedstatecache.h>

#include <mas/core/mas_export.h>
#include <mas/core/masnamespace.h>
#include <mas/core/result.h>
#include <mas/trace/trafficlog.h>

#include <QCoro/QCoroTask>
#include <QFlags>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace mas::system {

/// One thing the explorer did to a run: a delivery, a fault, or moving the clock.
struct MAS_EXPORT ExplorerStep
{
    enum class Kind
    {
        Deliver,      ///< delivered a pending frame
        Drop,         ///< discarded a pending frame (fault)
        Duplicate,    ///< copied a pending frame (fault)
        Delay,        ///< moved a frame behind all others, so later frames overtake it (fault)
        AdvanceClock, ///< moved the clock to its next timer
    };
    Kind kind = Kind::Deliver;
    /// AdvanceClock because the system was quiet: no choice, not a fault. An AdvanceClock that
    /// is not forced fires a timer while messages are still on their way (a fault).
    bool forced = false;
    quint64 messageId = 0; ///< the frame's id in the run that made this step
    QString from;
    QString to;
    MessageType type = MessageType::Request;
    QString path;
    /// Sender, receiver, type, path and content (request ids left out): finds "the same" frame
    /// in another run, where ids differ (shrinking).
    quint64 signature = 0;
    double time = 0; ///< AdvanceClock: the clock's time afterwards
    /// Deliver: the frame was a transport frame (a successful reply, a validate_aid lookup: see
    /// Explorer), which changes no agent's protocol state.
    bool transport = false;

    bool isFault() const { return !forced && kind != Kind::Deliver; }
    /// "deliver request agents/0/election local://explore/0 -> local://explore-1/0".
    QString toString() const;
};

/// The faults the explorer may inject (ExplorerOptions::faultKinds).
enum class FaultKind
{
    Drop = 0x1,
    Duplicate = 0x2,
    Delay = 0x4,        ///< only with ExplorerOptions::fifoConnections (else every order is tried)
    ClockAdvance = 0x8, ///< a timer fires while frames are pending
};
Q_DECLARE_FLAGS(FaultKinds, FaultKind)

/// Counts of an exploration (ExplorerResult::statistics, and the progress callback).
struct ExplorerStatistics
{
    qint64 schedules = 0;         ///< runs explored, each on a fresh system
    qint64 completeSchedules = 0; ///< ... that ran until the system was quiet
    qint64 sleepBlocked = 0; ///< ... cut short: every choice left was a reordering already explored
    qint64 cacheHits = 0;    ///< ... cut short: the state had been explored already
    /// ... of which by another part of a split search (ExplorerOptions::sharedCache)
    qint64 sharedCacheHits = 0;
    qint64 depthLimited = 0; ///< ... cut short by ExplorerOptions::maxDepth
    qint64 transitions = 0;  ///< steps done, re-executed prefixes included
    qint64 states = 0;       ///< choice points reached (re-executed prefixes not counted)
    qint64 distinctStates = 0; ///< distinct state hashes among them
    qint64 shrinkRuns = 0;     ///< runs spent shrinking the counterexample
    qint64 handOffs = 0;       ///< parts handed off to other searches (ExplorerOptions::onHandOff)
    int deepest = 0;           ///< the longest run, in steps
    qint64 searchMs = 0;       ///< time spent searching (the rates' base)
    /// Strategy::Replay: the share (0 to 1) of the search's processor time spent getting back
    /// to choice points after the first run (tearing systems down, building them, re-executing
    /// prefixes), what a restore that cost nothing would save: 1 / (1 - rebuildShare) bounds
    /// the speed-up of any other strategy over this search. 0 for the other strategies.
    double rebuildShare = 0;
    qint64 elapsedMs = 0;      ///< in all: search, shrinking and recording
};

/// A run that breaks a property.
struct MAS_EXPORT Counterexample
{
    QString property;                ///< the invariant or goal that failed ("at most one leader")
    std::vector<ExplorerStep> steps; ///< the explored steps up to the violation (after the prefix)
    /// The whole run (prefix included) as the network recorded it: LocalNetwork::replay() of a
    /// fresh system built with ExplorerResult::parameters on ExplorerResult::queueId re-imposes it.
    TrafficLog log;
    /// System::stateText() when the property failed (a replay reaches the same).
    QString stateText;
    /// What is wrong at the end, in a sentence (Invariant::explanation()): "ring.py 1 exited with
    /// status 1", "local://explore/0 and local://explore-2/0 both think they lead".
    QString explanation;
    /// The agents' fields the explanation rests on (Invariant::explanationDetailed()), by
    /// address as in the log.
    QList<StateFieldRef> involved;
    int deliveries() const;
    int faults() const;
    /// Deliveries plus faults: what shrinking minimises.
    int length() const { return deliveries() + faults(); }
};

/// A piece of a depth-first search handed off to another search (work stealing: see
/// ExplorerOptions::onHandOff): the subtree below one choice the handing search gave away.
struct ExplorerHandOff
{
    /// The choices from the handing search's start (after its prefix): its own startPath,
    /// then the choices of the path down to the choice given away, that choice last. Forced
    /// steps (the clock moving when all is quiet) are left out: they come by themselves.
    std::vector<ExplorerStep> path;
    /// The deliveries asleep below that choice (prefixAsleep of the search that takes it).
    std::vector<ExplorerStep> asleep;
    /// Its place in search order (SharedStateCache::handOffPart()): its sharedCachePart.
    quint64 part = 0;
};

/// How to explore (see Explorer).
struct ExplorerOptions
{
    enum class Mode
    {
        DepthFirst, ///< every schedule, depth first, within the budget
        RandomWalk, ///< `walks` random schedules from `seed`
    };
    Mode mode = Mode::DepthFirst;
    /// How a depth-first search gets back to a choice point to try its next choice.
    enum class Strategy
    {
        /// The one measured faster here: Replay (a fork costs more than a replayed run of
        /// the demos; see docs/architecture.md).
        Automatic,
        /// Re-executes the path to the choice point on a fresh system (every platform).
        Replay,
        /// Keeps every choice point in a process of its own: fork() there, the child goes on
        /// with one choice while the parent keeps the state for the next (POSIX, Linux tested).
        /// The same verdicts, counts and counterexamples as Replay, and no step done twice;
        /// but a fork costs about as much as replaying a whole run of the demos (see
        /// docs/architecture.md), the search blocks the event loop of the calling process, and
        /// the callbacks
        /// (progress, extraInvariants, extraGoals) run in forked processes: what they change
        /// in memory stays there (printing and cancel() work).
        Fork,
    };
    Strategy strategy = Strategy::Automatic;
    /// The invariants and goals to check, by name (Explorer::propertyNames()); empty: every
    /// invariant of the system, no goal.
    QStringList properties;
    /// State conditions (StateCondition, e.g. "count(is_leader) > 1"), each checked as the
    /// invariant "the condition never holds" (`mas explore --break`). When there are some and
    /// `properties` is empty, only they (and extraInvariants) are checked, not every invariant.
    QStringList conditions;
    /// Further invariants, made for each fresh system and checked besides `properties`.
    std::function<QList<Invariant>(System *)> extraInvariants;
    /// Further goals (checked when the system is quiet), made for each fresh system.
    std::function<QList<Invariant>(System *)> extraGoals;
    /// A recorded run to start from: its schedule is re-imposed first (as LocalNetwork::replay
    /// does), then the search goes on from there. Recorded on `queueId` with the same parameters.
    TrafficLog prefix;
    /// How long a run waits for a frame the prefix acts on next before it counts as diverged.
    std::chrono::milliseconds prefixTimeout{10'000};
    /// Called where a run stops at maxDepth, with the run as the network recorded it (the prefix
    /// included) and its steps after the prefix; while set, every run is recorded. With the
    /// Replay strategy these are the depth-first frontier at maxDepth, in search order:
    /// `mas explore --workers` and `--shard` split a search there (each becomes a prefix).
    std::function<void(const TrafficLog &run, const std::vector<ExplorerStep> &steps)> onDepthLimit;
    /// Called after onDepthLimit with the state there (its hash, as the state cache keys it)
    /// and the deliveries asleep at that run's end (partial-order reduction: orders this
    /// search explores on an earlier branch). A search that goes on from that run (prefix)
    /// with them as prefixAsleep explores what this search would have explored below it, with
    /// the same sleep sets; it ends at once when a shared cache covers that state.
    std::function<void(quint64 stateKey, const std::vector<ExplorerStep> &asleep)> onDepthLimitAsleep;
    /// With `prefix`: the deliveries asleep at its end (onDepthLimitAsleep of the search that
    /// found it), matched to the pending frames by signature. Empty: none.
    std::vector<ExplorerStep> prefixAsleep;
    /// A state cache shared with searches in other processes at the same time: the parts of
    /// one split search (`mas explore --workers`), each with its `sharedCachePart`, its prefix
    /// `sharedCacheDepth` steps deep. Consulted after this search's own cache; needs
    /// stateCaching. Why it keeps every violation and quiet end state of the parts: see
    /// "Sharing the cache between the parts of a search" in explorer.cpp.
    std::shared_ptr<SharedStateCache> sharedCache;
    /// This search's part, its place in search order (SharedStateCache::topLevelPart(),
    /// handOffPart()): it prunes on entries of parts <= this one.
    quint64 sharedCachePart = 0;
    int sharedCacheDepth = 0; ///< steps before this search's start, added to its depths
    /// Choices taken after `prefix` before the search starts (an ExplorerHandOff's path, as
    /// the search of its part re-imposes it); `prefixAsleep` then applies at their end.
    std::vector<ExplorerStep> startPath;
    /// Work stealing (depth first, Replay strategy, with a sharedCache): when another process
    /// asks for work (SharedStateCache::requestWork()), the search takes the request and gives
    /// away the choices it has not tried yet at its shallowest choice point with some left
    /// (up to SharedStateCache::kMaxHandOffSiblings of the last ones), as parts that come
    /// after what it keeps, in search order. Called with them, once per hand-off; whoever
    /// takes them explores each with `startPath`, `prefixAsleep` and `sharedCachePart` from
    /// it (and this search's prefix, depth and budget). The search's own result then covers
    /// what it kept.
    std::function<void(const std::vector<ExplorerHandOff> &handOffs)> onHandOff;
    /// Instead of searching: a run (its steps after the prefix; forced ones may be left out)
    /// known to break `violatingRun->property`, to shrink (with `shrink`) and record. The
    /// split searches of `mas explore --workers` shrink their canonical violation this way.
    std::optional<Counterexample> violatingRun;

    // budget
    int maxSchedules = 10'000;
    int maxDepth = 400; ///< steps per run after the prefix
    std::chrono::milliseconds maxTime{60'000};
    int walks = 100;  ///< RandomWalk: how many runs
    quint32 seed = 1; ///< RandomWalk: the random choices

    // reductions (depth-first only; a random walk counts distinct states but prunes nothing)
    /// Sleep sets and persistent sets (see Explorer): of two orders of independent deliveries,
    /// one is explored. Sound for properties of the agents' protocol states (not of, say,
    /// SystemAgent::messagesInFlight(), which a transport frame changes).
    bool partialOrderReduction = true;
    /// With partialOrderReduction, once no fault can come: a deliverable transport frame is
    /// delivered without branching (a persistent set of one). That step still counts towards
    /// maxDepth, so a depth-bounded search may then miss a violation the bound would reach
    /// without it; off, only the sleep sets reduce and a search with maxDepth finds what a
    /// search without reductions finds (the look-ahead, lookahead.h).
    bool transportFirst = true;
    /// Whether delivering a transport frame counts as a step towards maxDepth. Off: maxDepth
    /// bounds the other steps only (the protocol's messages, faults, clock moves), so that the
    /// transport frames delivered first (transportFirst) spend none of the bound and a bounded
    /// search with the reductions finds what one without them finds (the look-ahead).
    bool countTransportSteps = true;
    /// Skips a state already explored (agents' states, messages in flight, clock, pending frames).
    bool stateCaching = true;
    /// Frames on one connection arrive in the order sent (TCP); off: any pending frame may go next.
    bool fifoConnections = true;

    // faults
    int maxFaults = 0; ///< per run
    FaultKinds faultKinds = FaultKind::Drop;
    /// The request timeout of the system's calls while drops are possible, in the system's
    /// simulated time: a request whose frame was dropped times out when the clock reaches its
    /// deadline (a timer of the clock, like the agents' own), and its sender sends it again.
    std::chrono::milliseconds faultTimeout{300};
    /// RandomWalk: the chance of a fault at a choice point while the fault budget lasts.
    double faultProbability = 0.2;

    // result
    bool shrink = true;
    int maxShrinkRuns = 500;
    /// The queue id the systems are built on (every run clears the process's LocalNetwork).
    QString queueId = QStringLiteral("explore");
    /// Called from the event loop with the counts so far, at most every progressInterval.
    std::function<void(const ExplorerStatistics &)> progress;
    std::chrono::milliseconds progressInterval{200};
};

/// What an exploration found.
struct MAS_EXPORT ExplorerResult
{
    enum class Verdict
    {
        Verified,         ///< every schedule explored (within maxDepth), no violation
        NoViolationFound, ///< the budget ran out, or random walks: none found
        Violation,        ///< a run breaks a property: see violation and shrunk
        Cancelled,        ///< Explorer::cancel() before the end (no violation found)
        Failed, ///< the system could not be built, an unknown property, a prefix that diverged
    };
    Verdict verdict = Verdict::NoViolationFound;
    QString error; ///< Failed: why
    QString demo;
    QString queueId;
    /// The parameters the systems were built with (the request timeout may differ from the ones
    /// given: see ExplorerOptions::faultTimeout). A replay must use these.
    Parameters parameters;
    QStringList properties;                  ///< the properties checked
    std::optional<Counterexample> violation; ///< the first violating run found
    std::optional<Counterexample> shrunk;    ///< the same violation in as few steps as found
    ExplorerStatistics statistics;
    /// The strategy the search used (Replay or Fork; random walks always replay).
    ExplorerOptions::Strategy strategy = ExplorerOptions::Strategy::Replay;
    /// The agents' display names in the systems explored (System::displayNames(): URL or base
    /// address -> "node 1 (id 25)"), for printing steps; empty when no system was built.
    QHash<QString, QString> displayNames;

    /// The shrunk counterexample if there is one, else the first.
    const Counterexample *counterexample() const;
    static QString verdictName(Verdict verdict);
    /// "replay", "fork" or "automatic".
    static QString strategyName(ExplorerOptions::Strategy strategy);
};

/// One re-execution of given choices on a fresh system (Explorer::execute()).
struct MAS_EXPORT ExplorerExecution
{
    bool ok = false; ///< false: the system could not be built or a step failed (see error)
    QString error;
    /// The first property (of ExplorerOptions::properties) the run broke; empty: it passed.
    QString violation;
    /// Every step the run made, forced clock moves included, up to the violation or the end.
    std::vector<ExplorerStep> steps;
    /// Per step of `steps`: the frames that could have been delivered instead then (deliverable,
    /// as Deliver steps of this run); empty for a forced step.
    std::vector<std::vector<ExplorerStep>> alternatives;
    TrafficLog log; ///< the run as the network recorded it (execute() with record)
    QString stateText; ///< System::stateText() at the end
    QHash<QString, QString> displayNames; ///< System::displayNames() of the run's system
};

class ExplorerPrivate;

/// Searches the delivery orders (and, optionally, faults) of a demo system on the LocalQueue
/// for a run that breaks an invariant or a goal.
///
/// \code
/// mas::system::Parameters parameters;
/// parameters.agents = 3;
/// parameters.faulty = true;
/// mas::system::Explorer explorer(QStringLiteral("leader-election"), parameters);
/// mas::system::ExplorerResult result = co_await explorer.run();
/// if (result.counterexample()) result.counterexample()->log.save("two-leaders.jsonl");
/// \endcode
/// Every run builds a fresh system (LocalQueue::clearCache(), stepped mode), re-imposes the
/// prefix, then makes choices: which deliverable frame goes next, or a fault. After each step
/// the event loop gets one turn (as LocalNetwork::replay() gives it), what answers from outside
/// the process has answered (System::waitForAnswers(): the programs of a ProcessSystem, which
/// are started again for every run) and the chosen properties are checked; when nothing is pending the run gives the loop three more turns, moves the
/// clock to its next timer (an agent's timer, or the deadline of a request whose frame was
/// dropped: the same simulated deadlines as in the Inspector), and when no timer is left
/// checks the goals: the run is complete. The systems are deterministic, so a
/// schedule runs the same way every time and the message ids repeat.
///
/// Depth-first search gets back to a choice point to try the next choice there either by
/// re-executing the path from a fresh system (Strategy::Replay), or by keeping the choice point
/// in a forked process (Strategy::Fork: no step is done twice). Its reductions (partialOrderReduction):
/// - **Independence.** A delivery changes only its receiver's state and adds frames to the
///   queue, so two deliveries to different containers commute and neither disables the other.
///   Transport frames (successful replies, validate_aid requests: SystemAgent only counts a
///   message settled, or sends the messages queued while connecting, in order) change no
///   protocol state and commute with every delivery. Faults and clock moves are dependent on
///   everything; a duplicated frame and its copy are not transport frames.
/// - **Sleep sets**: after exploring delivery a and then b from a state, a stays asleep below b
///   while only deliveries independent of a happen, so one order of independent deliveries is
///   explored (never two complete runs of one Mazurkiewicz trace).
/// - **Persistent sets of one**: once no fault can come any more, a deliverable transport frame
///   is delivered without branching (invisible to the properties, independent of all else; the
///   state graph has no cycles).
/// State caching (stateCaching) cuts a run at a state explored before from no deeper and with
/// no more deliveries asleep. Both keep every reachable violation of a state property and every
/// quiet end state (the tests compare them with and without). A violation is shrunk by delta
/// debugging over the steps (re-executing candidates; a step whose frame is not pending is
/// skipped, and the run is completed in queue order), then recorded.
///
/// The explorer owns the process's LocalNetwork while it runs: do not use LocalQueues for
/// anything else meanwhile. Lives in the main thread; run() yields to the event loop.
class MAS_EXPORT Explorer
{
public:
    /// Explores the system type `demo` (SystemRegistry::global()).
    Explorer(const QString &demo, const Parameters &parameters, ExplorerOptions options = {});
    /// Explores a system built by `info.build` (for systems not in the registry).
    Explorer(SystemType info, const Parameters &parameters, ExplorerOptions options = {});
    ~Explorer();
    Explorer(const Explorer &) = delete;
    Explorer &operator=(const Explorer &) = delete;

    /// Explores until a violation, the end of the search, the budget or cancel(). Call once.
    QCoro::Task<ExplorerResult> run();
    /// Stops run() at its next step (from a progress callback or the event loop).
    void cancel();
    bool isCancelled() const;
    /// The counts so far.
    ExplorerStatistics statistics() const;

    /// Re-executes `choices` on a fresh system as shrinking does (instead of run(), or after
    /// it): each choice whose frame is pending when its turn comes is made (a frame is found by
    /// its signature, or by its message id when the signature is 0, as in steps read from a
    /// recorded log), the others are skipped; after the last one the run goes on in queue order
    /// until a property breaks, the system is quiet or maxDepth. Owns the process's
    /// LocalNetwork while it runs, like run(). NecessityAnalysis is built on it.
    QCoro::Task<ExplorerExecution> execute(std::vector<ExplorerStep> choices, bool record = false);

    // properties
    /// Checked when the system is quiet (no frame pending, nothing in flight, no timer): "stuck"
    /// (the system has not finished) for every demo, "blocked" (a participant still uncertain)
    /// for the two-phase commit.
    static QList<Invariant> goals(System *system);
    /// The names of the system's invariants, then of its goals.
    static QStringList propertyNames(System *system);
    /// Whether ExplorerOptions::Strategy::Fork works in this process (POSIX fork()).
    static bool canFork();
    /// The strategy a depth-first search with `strategy` uses here: Automatic becomes Replay.
    static ExplorerOptions::Strategy effectiveStrategy(ExplorerOptions::Strategy strategy);

private:
    std::unique_ptr<ExplorerPrivate> d;
};

} // namespace mas::system

Q_DECLARE_OPERATORS_FOR_FLAGS(mas::system::FaultKinds)
