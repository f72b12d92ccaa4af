// SPDX-License-Identifier: MIT
#include "explorer.h"

#include <mas/system/systemagent.h>
#include <mas/system/statecondition.h>
#include "containerof_p.h"
#include "logging_p.h"

#include <mas/clock/clock.h>
#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include "mas/core/eventloop_p.h"
#include <mas/transport/framing.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QDataStream>
#include <QElapsedTimer>
#include <QPointer>

#if defined(Q_OS_LINUX)
#define MAS_EXPLORER_CAN_FORK 1
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#else
#define MAS_EXPLORER_CAN_FORK 0
#endif

#include <algorithm>
#include <climits>
#include <cstring>
#include <ctime>
#include <iterator>
#include <map>
#include <random>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace mas::system {

namespace {

/// Turns of the event loop without a new frame before a run counts as idle, as in
/// LocalNetwork::runUntil() and before a clock change in LocalNetwork::replay().
constexpr int kIdleRounds = 3;

// The explorer's texts, one context for Explorer, ExplorerPrivate and the helpers here.
struct ExplorerText
{
    Q_DECLARE_TR_FUNCTIONS(mas::system::Explorer)
};

constexpr quint64 kFnvOffset = 14695981039346656037ull;
constexpr quint64 kFnvPrime = 1099511628211ull;

quint64 fnv(const char *data, qsizetype size, quint64 h = kFnvOffset)
{
    for (qsizetype i = 0; i < size; ++i) {
        h ^= quint8(data[i]);
        h *= kFnvPrime;
    }
    return h;
}

quint64 fnv(const QByteArray &bytes, quint64 h = kFnvOffset)
{
    return fnv(bytes.constData(), bytes.size(), h);
}

quint64 fnv(const QString &text, quint64 h = kFnvOffset)
{
    return fnv(reinterpret_cast<const char *>(text.constData()), text.size() * 2, h);
}

/// Combines two hashes, order-sensitive (splitmix64's finaliser on the sum).
quint64 mix(quint64 h, quint64 v)
{
    quint64 z = h * 31 + v + 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

quint64 bitsOf(double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

QString kindName(ExplorerStep::Kind kind)
{
    switch (kind) {
    case ExplorerStep::Kind::Deliver:
        return QStringLiteral("deliver");
    case ExplorerStep::Kind::Drop:
        return QStringLiteral("drop");
    case ExplorerStep::Kind::Duplicate:
        return QStringLiteral("duplicate");
    case ExplorerStep::Kind::Delay:
        return QStringLiteral("delay");
    case ExplorerStep::Kind::AdvanceClock:
        return QStringLiteral("advance clock");
    }
    return {};
}

/// Frames below the protocol: a successful reply (a SystemAgent's call only counts its message
/// settled; a reply to validate_aid only sends, in order, the messages queued while connecting)
/// and a validate_aid request (the container's root service answers it). Delivering one changes
/// no agent's protocol state and commutes with every other delivery.
bool isTransportFrame(const PendingMessage &m)
{
    if (m.isClose)
        return false;
    return m.type == MessageType::Result
           || (m.type == MessageType::Request && m.path == u"validate_aid");
}

/// A pending frame as a choice point sees it.
struct Frame
{
    PendingMessage message;
    quint64 signature = 0;
    QString receiver;          ///< conflictKeyOf(message)
    int position = 0;          ///< its place in its connection's direction (0: next to arrive)
    bool deliverable = true;   ///< first of its direction, or order not kept
    bool hasSuccessor = false; ///< a later frame in the same direction (Delay lets it overtake)
};

/// The system between two steps.
struct Point
{
    std::vector<Frame> frames;
    bool quiescent = false;
    QString violation; ///< the first property that does not hold; empty: all hold
};

/// One execution of a schedule, on its own fresh system.
struct Run
{
    std::unique_ptr<System> system;
    std::vector<ExplorerStep> steps; ///< after the prefix
    int depth = 0; ///< the steps that count towards maxDepth (ExplorerOptions::countTransportSteps)
    int faults = 0;
    QList<Invariant> invariants; ///< the ones checked
    QList<Invariant> goals;
    std::unordered_map<quint64, quint64> signatures; ///< message id -> signature
    /// Frames duplicated, and their copies: the second of two replies closes the connection
    /// (an unknown request id), so they are not transport frames.
    std::unordered_set<quint64> duplicated;
};

/// The key deliveries conflict on: the receiving container, or none (empty) for a transport
/// frame.
QString conflictKeyOf(const Run &run, const PendingMessage &m)
{
    if (isTransportFrame(m) && !run.duplicated.count(m.id))
        return QString();
    return containerOf(m.to);
}

/// Two deliveries commute unless they go to the same container and neither is a transport
/// frame (an empty key).
bool independent(const QString &a, const QString &b)
{
    return a.isEmpty() || b.isEmpty() || a != b;
}

/// A delivery a sleep set holds: explored already from an earlier state, and independent of
/// what was done since.
struct SleepEntry
{
    quint64 messageId = 0;
    quint64 signature = 0;
    QString receiver;
};

/// A choice point on the depth-first path.
struct Node
{
    std::vector<ExplorerStep> choices;
    std::vector<QString> receivers; ///< per choice: the delivery's conflict key (faults: unused)
    std::vector<SleepEntry> sleep;
    std::vector<int> explored; ///< choices done, in order
    int current = -1;
    int limit = INT_MAX; ///< choices from here on were handed off (ExplorerOptions::onHandOff)
};

struct Visit
{
    int depth = 0;
    std::vector<quint64> sleep; ///< signatures, sorted
};

/// How a run made of given steps ended (shrinking).
struct Outcome
{
    QString violation;
    std::vector<ExplorerStep> steps;
};

int countFaults(const std::vector<ExplorerStep> &steps)
{
    return int(std::count_if(steps.begin(), steps.end(),
                             [](const ExplorerStep &s) { return s.isFault(); }));
}

int countDeliveries(const std::vector<ExplorerStep> &steps)
{
    return int(std::count_if(steps.begin(), steps.end(), [](const ExplorerStep &s) {
        return s.kind == ExplorerStep::Kind::Deliver;
    }));
}

/// Fewer deliveries and faults; on a tie, fewer faults.
bool shorter(const std::vector<ExplorerStep> &a, const std::vector<ExplorerStep> &b)
{
    const int la = countDeliveries(a) + countFaults(a);
    const int lb = countDeliveries(b) + countFaults(b);
    return la < lb || (la == lb && countFaults(a) < countFaults(b));
}

std::vector<ExplorerStep> choicesOf(const std::vector<ExplorerStep> &steps)
{
    std::vector<ExplorerStep> result;
    for (const ExplorerStep &step : steps) {
        if (!step.forced)
            result.push_back(step);
    }
    return result;
}

} // namespace

// ---- ExplorerStep, Counterexample, ExplorerResult ----

QString ExplorerStep::toString() const
{
    if (kind == Kind::AdvanceClock) {
        return (forced ? QStringLiteral("advance clock to %1 (quiet)")
                       : QStringLiteral("advance clock to %1 (messages pending)"))
            .arg(time);
    }
    return QStringLiteral("%1 #%2 %3 %4 %5 -> %6")
        .arg(kindName(kind))
        .arg(messageId)
        .arg(messageTypeName(type), path.isEmpty() ? QStringLiteral("(close)") : path, from, to);
}

int Counterexample::deliveries() const
{
    return countDeliveries(steps);
}

int Counterexample::faults() const
{
    return countFaults(steps);
}

const Counterexample *ExplorerResult::counterexample() const
{
    if (shrunk)
        return &*shrunk;
    return violation ? &*violation : nullptr;
}

QString ExplorerResult::strategyName(ExplorerOptions::Strategy strategy)
{
    switch (strategy) {
    case ExplorerOptions::Strategy::Automatic:
        return QStringLiteral("automatic");
    case ExplorerOptions::Strategy::Replay:
        return QStringLiteral("replay");
    case ExplorerOptions::Strategy::Fork:
        return QStringLiteral("fork");
    }
    return {};
}

QString ExplorerResult::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Verified:
        return QStringLiteral("verified");
    case Verdict::NoViolationFound:
        return QStringLiteral("no violation found");
    case Verdict::Violation:
        return QStringLiteral("violation");
    case Verdict::Cancelled:
        return QStringLiteral("cancelled");
    case Verdict::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

// ---- ExplorerPrivate ----

class ExplorerPrivate
{
public:
    ExplorerPrivate(SystemType info, const Parameters &parameters, ExplorerOptions options);

    // runs
    Result<void> startRun(Run &run, bool record);
    /// Takes the run's system down (before the next run's startRun(), or at its end).
    static void tearDown(Run &run);
    QCoro::Task<Result<void>> executePrefix(Run &run);
    /// startRun() and then executePrefix(): a fresh system at the search's starting point.
    QCoro::Task<Result<void>> startAtPrefix(Run &run, bool record);
    QCoro::Task<Point> advance(Run &run, bool check);
    /// System::waitForAnswers() after a step (the programs of a ProcessSystem); false, and the
    /// search failed, when an answer did not come.
    QCoro::Task<bool> answered(Run &run);
    std::vector<Frame> framesOf(Run &run);
    quint64 signatureOf(Run &run, const PendingMessage &message);
    QString violated(Run &run, bool quiescent) const;
    Result<void> perform(Run &run, ExplorerStep step);
    std::vector<ExplorerStep> choicesAt(const Run &run, const Point &point) const;
    static ExplorerStep stepFor(ExplorerStep::Kind kind, const Frame &frame);
    const Frame *resolve(const ExplorerStep &step, const Point &point) const;
    quint64 stateKey(const Run &run, const Point &point) const;
    void countState(quint64 key);
    /// Why a run stops at a choice point (counted in the statistics), if it does.
    enum class RunEnd { Goes, Violation, Complete, DepthLimit };
    RunEnd endOfRun(const Run &run, const Point &point);

    // searches
    /// What reach() made of a choice point.
    enum class Reached { Pushed, RunEnded, Violation };
    /// Counts the state at `point`; ends the run there (counted in the statistics), or pushes
    /// it on `stack` as a choice point with its first choice current.
    Reached reach(Run &run, const Point &point, std::vector<Node> &stack);
    /// The sleep set of a choice point below stack.back()'s current choice.
    std::vector<SleepEntry> asleepBelow(const std::vector<Node> &stack) const;
    /// The sleep set at the search's start (ExplorerOptions::prefixAsleep).
    std::vector<SleepEntry> initialSleep(const Point &point) const;
    /// The next choice to try at `node` after its current one (-1: none left).
    static int nextChoice(const Node &node);
    /// Whether choice `index` of `node` is a delivery asleep there.
    static bool asleepAt(const Node &node, std::size_t index);
    /// The sleep set below choice `taken` of `parent`, with `explored` tried before it.
    static std::vector<SleepEntry> sleepBelow(const Node &parent, std::size_t taken, const std::vector<int> &explored);
    /// Work stealing: hands off the untried choices of the shallowest choice point with some,
    /// when another process asks for work (ExplorerOptions::onHandOff).
    void maybeHandOff(std::vector<Node> &stack);
    int handOffsMade = 0;
    QCoro::Task<void> depthFirst();
    QCoro::Task<void> depthFirstForked();
#if MAS_EXPLORER_CAN_FORK
    /// Fork strategy: searches on from the point `run` is at, below stack.back().
    QCoro::Task<void> descend(Run &run, std::vector<Node> &stack);
    /// Fork strategy: stack.back()'s current choice, searched in a child process.
    QCoro::Task<void> branch(Run &run, std::vector<Node> &stack);
    QByteArray childReport() const;
    bool mergeChildReport(const QByteArray &data);
#endif
    QCoro::Task<void> randomWalks();
    QCoro::Task<Outcome> tryCandidate(const std::vector<ExplorerStep> &candidate);
    /// tryCandidate()'s run; with `trace`, what else could have been delivered at each step.
    QCoro::Task<Outcome> runChoices(const std::vector<ExplorerStep> &candidate, Run &run,
                                    std::vector<std::vector<ExplorerStep>> *trace);
    QCoro::Task<void> shrink();
    QCoro::Task<Result<void>> record(Counterexample &counterexample);

    bool outOfBudget() const;
    void fail(const QString &why);
    void found(const Run &run, const QString &property);
    void report(bool force = false);

    SystemType info;
    Parameters parameters;
    ExplorerOptions options;
    ExplorerResult result;
    ExplorerStatistics stats;
    std::unordered_set<quint64> seenStates;
    std::unordered_map<quint64, Visit> visited; ///< depth-first: the state cache
    // Fork strategy: what this process changed since it was forked (a child reports it).
    bool journaling = false;
    std::vector<quint64> newSeen;       ///< keys added to seenStates
    std::vector<quint64> touchedVisits; ///< keys of visited added or changed
    bool halted = false; ///< fork strategy: the search stops (violation, failure, budget)
    std::map<QString, std::unique_ptr<Codec>> codecs;
    std::optional<std::vector<TrafficEvent>> prefixSchedule; ///< options.prefix.schedule()
    /// Signatures by a hash of the raw frame and its ends (signatureOf()).
    std::unordered_map<quint64, quint64> knownSignatures;
    QElapsedTimer clock;
    qint64 lastReport = -1;
    bool cancelled = false;
    bool bounded = false;   ///< some run hit maxDepth: the search was not complete
    bool exhausted = false; ///< depth-first: every choice point has been explored
    bool failed = false;
};

ExplorerPrivate::ExplorerPrivate(SystemType info,
                                 const Parameters &parameters,
                                 ExplorerOptions options)
    : info(std::move(info))
    , parameters(parameters)
    , options(std::move(options))
{
    this->parameters.transport = Transport::LocalQueue;
    if (this->options.maxFaults > 0 && this->options.faultKinds.testFlag(FaultKind::Drop))
        this->parameters.requestTimeout = this->options.faultTimeout;
}

void ExplorerPrivate::tearDown(Run &run)
{
    if (!run.system)
        return;
    // The network forgets the run's connections and frames first: the containers then close
    // their connections without queueing a close frame each (and without a signal for each),
    // which a run's teardown used to spend most of its time on. The next run starts on a
    // fresh network anyway (startRun()), in stepped mode as before.
    LocalNetwork *net = LocalNetwork::instance();
    net->reset();
    net->setMode(LocalNetwork::Mode::Stepped);
    run.system.reset();
}

Result<void> ExplorerPrivate::startRun(Run &run, bool record)
{
    // The previous system first (into a network that forgets it), then a fresh network.
    tearDown(run);
    LocalQueue::clearCache();
    LocalQueue::get(options.queueId);
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    if (!info.build)
        return Error(ErrorCode::InvalidArgument, ExplorerText::tr("No system to explore"));
    Result<std::unique_ptr<System>> built = info.build(options.queueId, parameters);
    if (!built)
        return built.error();
    run.system = std::move(*built);
    if (result.displayNames.isEmpty())
        result.displayNames = run.system->displayNames();
    net->setRecording(record || bool(options.onDepthLimit));
    run.steps.clear();
    run.depth = 0;
    run.faults = 0;
    run.signatures.clear();
    run.duplicated.clear();
    run.invariants.clear();
    run.goals.clear();
    const QList<Invariant> invariants = run.system->invariants();
    const QList<Invariant> goals = Explorer::goals(run.system.get());
    if (options.properties.isEmpty()) {
        if (options.conditions.isEmpty())
            run.invariants = invariants;
    } else {
        for (const QString &name : std::as_const(options.properties)) {
            // By its stable id, or by the name shown in the user's language.
            auto byName = [&name](const Invariant &i) { return i.id == name || i.name == name; };
            if (auto it = std::find_if(invariants.begin(), invariants.end(), byName);
                it != invariants.end()) {
                run.invariants.append(*it);
            } else if (auto goal = std::find_if(goals.begin(), goals.end(), byName);
                       goal != goals.end()) {
                run.goals.append(*goal);
            } else {
                return Error(
                    ErrorCode::InvalidArgument,
                    ExplorerText::tr("\"%1\" has no property \"%2\"; it has: %3")
                        .arg(info.id, name,
                             Explorer::propertyNames(run.system.get()).join(QStringLiteral(", "))));
            }
        }
    }
    for (const QString &text : std::as_const(options.conditions)) {
        Result<StateCondition> condition = StateCondition::parse(text);
        if (!condition)
            return Error(ErrorCode::InvalidArgument, ExplorerText::tr("the state condition \"%1\": %2")
                                                         .arg(text, condition.error().message()));
        run.invariants.append(condition->invariant(run.system.get()));
    }
    if (options.extraInvariants)
        run.invariants += options.extraInvariants(run.system.get());
    if (options.extraGoals)
        run.goals += options.extraGoals(run.system.get());
    run.system->start();
    return {};
}

QCoro::Task<Result<void>> ExplorerPrivate::startAtPrefix(Run &run, bool record)
{
    if (Result<void> started = startRun(run, record); !started)
        co_return started.error();
    Result<void> prefixed = co_await executePrefix(run);
    co_return prefixed;
}

QCoro::Task<Result<void>> ExplorerPrivate::executePrefix(Run &run)
{
    // Exactly as LocalNetwork::replay() re-imposes a schedule, so that the explored part of a
    // counterexample replays after the prefix with the same message ids.
    LocalNetwork *net = LocalNetwork::instance();
    if (!prefixSchedule)
        prefixSchedule = options.prefix.schedule(); // once: every run re-imposes it
    for (const TrafficEvent &event : *prefixSchedule) {
        if (event.kind == TrafficEvent::Kind::ClockChanged) {
            co_await net->settle(kIdleRounds);
            if (Result<void> set = net->apply(event); !set)
                co_return set.error();
            ++stats.transitions;
            continue;
        }
        // A Duplicated event names the copy; the frame to wait for is the original.
        const quint64 target =
            event.kind == TrafficEvent::Kind::Duplicated ? event.originalId : event.messageId;
        QElapsedTimer waited;
        waited.start();
        while (!net->pendingMessage(target)) {
            if (waited.elapsed() > options.prefixTimeout.count()) {
                co_return Error(
                    ErrorCode::Timeout,
                    ExplorerText::tr("The prefix diverged at event %1: message %2 never became pending")
                        .arg(event.sequence)
                        .arg(target));
            }
            co_await detail::yieldToEventLoop();
        }
        if (Result<void> done = net->apply(event); !done)
            co_return done.error();
        if (event.kind == TrafficEvent::Kind::Duplicated) {
            // The copy has the recorded id: the runs are deterministic.
            run.duplicated.insert(event.originalId);
            run.duplicated.insert(event.messageId);
        }
        ++stats.transitions;
        co_await detail::yieldToEventLoop();
    }
    co_return Result<void>();
}

quint64 ExplorerPrivate::signatureOf(Run &run, const PendingMessage &message)
{
    if (auto it = run.signatures.find(message.id); it != run.signatures.end())
        return it->second;
    quint64 h = fnv(message.from);
    h = fnv(message.to, h);
    h = fnv(message.path, h);
    h = mix(h, quint64(message.type));
    h = mix(h, message.isClose ? 1 : 0);
    // The same frame between the same ends has the same signature in every run: decoding it
    // once is enough (the runs of a search send the same frames over and over).
    const quint64 raw = fnv(message.codecName, fnv(message.frame, h));
    if (auto known = knownSignatures.find(raw); known != knownSignatures.end()) {
        run.signatures.emplace(message.id, known->second);
        return known->second;
    }
    if (!message.isClose) {
        // The content without the request id: ids differ between runs that send the same.
        const QString codecName =
            message.codecName.isEmpty() ? QStringLiteral("json") : message.codecName;
        std::unique_ptr<Codec> &codec = codecs[codecName];
        if (!codec) {
            if (Result<std::unique_ptr<Codec>> created = Codec::create(codecName))
                codec = std::move(*created);
        }
        bool hashed = false;
        if (codec && message.frame.size() >= kFrameHeaderSize) {
            Result<Value> triple =
                codec->decodeStructural(QByteArrayView(message.frame).sliced(kFrameHeaderSize));
            if (triple && triple->isList() && triple->size() == 3) {
                if (Result<QByteArray> content = codec->encodeValue(triple->at(2))) {
                    h = fnv(*content, h);
                    hashed = true;
                }
            }
        }
        if (!hashed)
            h = fnv(message.frame, h);
    }
    run.signatures.emplace(message.id, h);
    knownSignatures.emplace(raw, h);
    return h;
}

std::vector<Frame> ExplorerPrivate::framesOf(Run &run)
{
    const QList<PendingMessage> pending = LocalNetwork::instance()->pendingMessages();
    std::vector<Frame> frames;
    frames.reserve(std::size_t(pending.size()));
    // One direction of one connection keeps its order (when fifoConnections); a connection of
    // an agent to itself names both ends alike, so its frames keep no order (more orders: safe).
    std::map<std::tuple<quint64, QString, QString>, std::size_t> lastOfDirection;
    std::map<std::tuple<quint64, QString, QString>, int> sizes;
    for (const PendingMessage &m : pending) {
        Frame frame;
        frame.message = m;
        frame.signature = signatureOf(run, m);
        frame.receiver = conflictKeyOf(run, m);
        if (options.fifoConnections && m.from != m.to) {
            const auto direction = std::make_tuple(m.connection, m.from, m.to);
            int &size = sizes[direction];
            frame.position = size++;
            frame.deliverable = frame.position == 0;
            if (auto last = lastOfDirection.find(direction); last != lastOfDirection.end())
                frames[last->second].hasSuccessor = true;
            lastOfDirection[direction] = frames.size();
        }
        frames.push_back(std::move(frame));
    }
    return frames;
}

QString ExplorerPrivate::violated(Run &run, bool quiescent) const
{
    for (const Invariant &invariant : std::as_const(run.invariants)) {
        if (!invariant.holds())
            return invariant.name;
    }
    if (quiescent) {
        for (const Invariant &goal : std::as_const(run.goals)) {
            if (!goal.holds())
                return goal.name;
        }
    }
    return {};
}

QCoro::Task<Point> ExplorerPrivate::advance(Run &run, bool check)
{
    // Called right after a step and its one turn of the event loop (or right after start()),
    // as LocalNetwork::replay() acts: a step is taken as soon as something is pending.
    Point point;
    if (!co_await answered(run)) {
        point.quiescent = true; // failed: the run ends here
        co_return point;
    }
    if (check) {
        point.violation = violated(run, false);
        if (!point.violation.isEmpty())
            co_return point;
    }
    LocalNetwork *net = LocalNetwork::instance();
    ExternalClock *clock = run.system->clock();
    int idle = 0;
    for (;;) {
        if (net->pendingCount() > 0) {
            // Unchecked steps re-execute a known path: nobody looks at the frames.
            if (check)
                point.frames = framesOf(run);
            co_return point;
        }
        if (idle < kIdleRounds) {
            ++idle;
            co_await detail::yieldToEventLoop();
            continue;
        }
        // Nothing is pending and nothing runs: only time can make something happen. A message
        // still in flight (its frame was dropped) waits for its deadline, a timer of the clock
        // like any other: moving the clock there makes its sender time out and send it again.
        if (clock && clock->nextDeadline()) {
            if (run.depth >= options.maxDepth)
                co_return point; // neither quiet nor pending: the caller sees the depth bound
            // Quiet: time moves on (no choice, so no fault).
            ExplorerStep step;
            step.kind = ExplorerStep::Kind::AdvanceClock;
            step.forced = true;
            if (Result<void> done = perform(run, step); !done) {
                qCWarning(lcSystem) << "explorer: cannot move the clock:" << done.error().toString();
                break;
            }
            idle = 0;
            if (!co_await answered(run))
                break;
            if (check) {
                point.violation = violated(run, false);
                if (!point.violation.isEmpty())
                    co_return point;
            }
            continue;
        }
        break;
    }
    point.quiescent = true;
    if (check)
        point.violation = violated(run, true);
    co_return point;
}

QCoro::Task<bool> ExplorerPrivate::answered(Run &run)
{
    if (Result<void> answers = co_await run.system->waitForAnswers(); !answers) {
        fail(answers.error().message());
        co_return false;
    }
    co_return true;
}

Result<void> ExplorerPrivate::perform(Run &run, ExplorerStep step)
{
    LocalNetwork *net = LocalNetwork::instance();
    switch (step.kind) {
    case ExplorerStep::Kind::Deliver:
        if (Result<PendingMessage> r = net->deliver(step.messageId); !r)
            return r.error();
        break;
    case ExplorerStep::Kind::Drop:
        MAS_TRY_VOID(net->drop(step.messageId));
        break;
    case ExplorerStep::Kind::Duplicate: {
        Result<quint64> copy = net->duplicate(step.messageId);
        if (!copy)
            return copy.error();
        run.duplicated.insert(step.messageId);
        run.duplicated.insert(*copy);
        break;
    }
    case ExplorerStep::Kind::Delay:
        MAS_TRY_VOID(net->delay(step.messageId, -1));
        break;
    case ExplorerStep::Kind::AdvanceClock: {
        ExternalClock *clock = run.system->clock();
        if (!clock)
            return Error(ErrorCode::InvalidArgument, ExplorerText::tr("The system has no clock"));
        MAS_TRY_VOID(clock->advanceToNextTimer());
        step.time = clock->time();
        break;
    }
    }
    if (step.isFault())
        ++run.faults;
    if (step.kind == ExplorerStep::Kind::Deliver && !run.duplicated.count(step.messageId)
        && (step.type == MessageType::Result || (step.type == MessageType::Request && step.path == u"validate_aid")))
        step.transport = true;
    if (options.countTransportSteps || !step.transport)
        ++run.depth;
    run.steps.push_back(std::move(step));
    ++stats.transitions;
    return {};
}

ExplorerStep ExplorerPrivate::stepFor(ExplorerStep::Kind kind, const Frame &frame)
{
    ExplorerStep step;
    step.kind = kind;
    step.messageId = frame.message.id;
    step.from = frame.message.from;
    step.to = frame.message.to;
    step.type = frame.message.type;
    step.path = frame.message.path;
    step.signature = frame.signature;
    return step;
}

std::vector<ExplorerStep> ExplorerPrivate::choicesAt(const Run &run, const Point &point) const
{
    std::vector<ExplorerStep> choices;
    if (options.partialOrderReduction && options.transportFirst && run.faults >= options.maxFaults) {
        // No fault can come any more: a deliverable transport frame commutes with everything
        // that can still happen and changes nothing a property reads, so delivering it first
        // is the only choice needed here (a persistent set of one).
        for (const Frame &frame : point.frames) {
            if (frame.deliverable && frame.receiver.isEmpty()) {
                choices.push_back(stepFor(ExplorerStep::Kind::Deliver, frame));
                return choices;
            }
        }
    }
    for (const Frame &frame : point.frames) {
        if (frame.deliverable)
            choices.push_back(stepFor(ExplorerStep::Kind::Deliver, frame));
    }
    if (run.faults >= options.maxFaults)
        return choices;
    const FaultKinds kinds = options.faultKinds;
    for (const Frame &frame : point.frames) {
        if (kinds.testFlag(FaultKind::Drop))
            choices.push_back(stepFor(ExplorerStep::Kind::Drop, frame));
        if (kinds.testFlag(FaultKind::Duplicate))
            choices.push_back(stepFor(ExplorerStep::Kind::Duplicate, frame));
        // Without kept order any frame may go next anyway: a delay would add nothing.
        if (kinds.testFlag(FaultKind::Delay) && options.fifoConnections && frame.hasSuccessor)
            choices.push_back(stepFor(ExplorerStep::Kind::Delay, frame));
    }
    if (kinds.testFlag(FaultKind::ClockAdvance) && run.system->clock()
        && run.system->clock()->nextDeadline()) {
        ExplorerStep step;
        step.kind = ExplorerStep::Kind::AdvanceClock;
        choices.push_back(step);
    }
    return choices;
}

const Frame *ExplorerPrivate::resolve(const ExplorerStep &step, const Point &point) const
{
    for (const Frame &frame : point.frames) {
        if (frame.signature != step.signature)
            continue;
        if (step.kind == ExplorerStep::Kind::Deliver && !frame.deliverable)
            continue;
        if (step.kind == ExplorerStep::Kind::Delay && !frame.hasSuccessor)
            continue;
        return &frame;
    }
    return nullptr;
}

quint64 ExplorerPrivate::stateKey(const Run &run, const Point &point) const
{
    // The agents' protocol states (System::stateHash), what they still wait for, the clock,
    // the faults left, and the pending frames as a multiset (with their place in their
    // connection when order is kept). Message and request ids are left out: they count sends.
    quint64 h = mix(0, run.system->stateHash());
    for (SystemAgent *agent : run.system->agents())
        h = mix(h, quint64(agent->messagesInFlight()));
    if (const ExternalClock *clock = run.system->clock()) {
        h = mix(h, bitsOf(clock->time()));
        h = mix(h, quint64(clock->pendingTimerCount()));
        if (std::optional<double> next = clock->nextDeadline())
            h = mix(h, bitsOf(*next));
    }
    h = mix(h, quint64(run.faults));
    std::vector<quint64> frames;
    frames.reserve(point.frames.size());
    for (const Frame &frame : point.frames)
        frames.push_back(mix(frame.signature, quint64(frame.position)));
    std::sort(frames.begin(), frames.end());
    for (quint64 f : frames)
        h = mix(h, f);
    return h;
}

void ExplorerPrivate::countState(quint64 key)
{
    ++stats.states;
    if (seenStates.insert(key).second) {
        stats.distinctStates = qint64(seenStates.size());
        if (journaling)
            newSeen.push_back(key);
    }
}

bool ExplorerPrivate::outOfBudget() const
{
    return failed || cancelled || stats.schedules >= options.maxSchedules
           || clock.elapsed() >= options.maxTime.count();
}

void ExplorerPrivate::fail(const QString &why)
{
    if (!failed)
        result.error = why; // the first failure says why
    failed = true;
}

void ExplorerPrivate::found(const Run &run, const QString &property)
{
    Counterexample counterexample;
    counterexample.property = property;
    counterexample.steps = run.steps;
    result.violation = std::move(counterexample);
}

void ExplorerPrivate::report(bool force)
{
    stats.elapsedMs = clock.elapsed();
    if (!options.progress)
        return;
    if (!force && lastReport >= 0
        && stats.elapsedMs - lastReport < options.progressInterval.count())
        return;
    lastReport = stats.elapsedMs;
    options.progress(stats);
}

ExplorerPrivate::RunEnd ExplorerPrivate::endOfRun(const Run &run, const Point &point)
{
    stats.deepest = std::max(stats.deepest, int(run.steps.size()));
    if (!point.violation.isEmpty()) {
        found(run, point.violation);
        ++stats.schedules;
        return RunEnd::Violation;
    }
    if (point.quiescent) {
        ++stats.completeSchedules;
        return RunEnd::Complete;
    }
    if (run.depth >= options.maxDepth) {
        ++stats.depthLimited;
        if (options.onDepthLimit)
            options.onDepthLimit(LocalNetwork::instance()->eventLog(), run.steps);
        return RunEnd::DepthLimit;
    }
    return RunEnd::Goes;
}

std::vector<SleepEntry> ExplorerPrivate::asleepBelow(const std::vector<Node> &stack) const
{
    const Node &parent = stack.back();
    return sleepBelow(parent, std::size_t(parent.current), parent.explored);
}

std::vector<SleepEntry> ExplorerPrivate::sleepBelow(const Node &parent, std::size_t taken,
                                                    const std::vector<int> &explored)
{
    // What stays asleep: the parent's sleeping deliveries and the ones it explored before its
    // current choice, when independent of that choice (another receiver).
    std::vector<SleepEntry> sleep;
    const QString &receiver = parent.receivers[taken];
    if (parent.choices[taken].kind != ExplorerStep::Kind::Deliver)
        return sleep;
    for (const SleepEntry &entry : parent.sleep) {
        if (independent(entry.receiver, receiver))
            sleep.push_back(entry);
    }
    for (int index : explored) {
        const ExplorerStep &earlier = parent.choices[std::size_t(index)];
        const QString &earlierReceiver = parent.receivers[std::size_t(index)];
        if (earlier.kind == ExplorerStep::Kind::Deliver && independent(earlierReceiver, receiver)) {
            SleepEntry entry;
            entry.messageId = earlier.messageId;
            entry.signature = earlier.signature;
            entry.receiver = earlierReceiver;
            sleep.push_back(entry);
        }
    }
    return sleep;
}

// ---- Sharing the cache between the parts of a search ----
//
// A split search (`mas explore --workers`) explores the subtrees below the runs of a frontier,
// its parts, numbered in depth-first order, each in a process of its own, each starting with
// the sleep set the unsplit search has there (prefixAsleep). ExplorerOptions::sharedCache adds
// one rule to the search's own cache: a visit of part p is cut at a state that an entry of the
// shared table records as explored by a part q <= p, from no deeper (depths counted from the
// whole search's start), with no more deliveries asleep. Why every violation and every quiet
// end state of the parts is still reached:
// - The sleep set of a choice point is a function of the path to it (its parent's choices
//   tried before, whatever happened below them), so every part explores paths of the one tree
//   the unsplit search's sleep sets define, and the parts together make up its subtrees below
//   the frontier. A cut by the own cache is sound as in one search.
// - An entry of part q means: q explores (or explored) that state's subtree, with those
//   deliveries asleep, to the end of the search's depth. Parts are never stopped half-way
//   except by a violation in an earlier part, or the budget (then the search is not complete
//   and says so). A cut at part p by q's entry hands the subtree to q, which reaches whatever
//   p would have (the soundness of the sleep-set rule "no more asleep, from no deeper" of one
//   search), or itself hands pieces of it to parts <= q. Hand-overs go to parts no later in
//   search order, and within a part to visits earlier in its depth-first order, so they end:
//   every state that a part would have reached alone is reached by some part <= it.
// - Entries of later parts are never used: a later part may be stopped (a violation came
//   earlier) before its subtree is done. So the first part in search order with a violation
//   is the same however the parts are scheduled, and so is its first violating run: a cut in
//   that part hands a subtree to a part <= it, which finds no violation before it (else that
//   part would be the first), so the subtree holds none, and cutting it does not change which
//   violating path the depth-first order meets first. The counterexample, shrunk from that
//   run, is the one every number of workers gives (the counts are not: what is cut depends on
//   which part got where first).
// - The table loses entries (full, a process killed while writing, a visit with many
//   deliveries asleep): a missing entry only means less is cut.

ExplorerPrivate::Reached ExplorerPrivate::reach(Run &run, const Point &point, std::vector<Node> &stack)
{
    const quint64 key = stateKey(run, point);
    countState(key);
    const RunEnd end = endOfRun(run, point);
    if (end == RunEnd::Violation)
        return Reached::Violation;
    if (end != RunEnd::Goes) {
        bounded = bounded || end == RunEnd::DepthLimit;
        if (end == RunEnd::DepthLimit && options.onDepthLimitAsleep) {
            std::vector<ExplorerStep> asleep;
            if (options.partialOrderReduction) {
                const std::vector<SleepEntry> sleep =
                    stack.empty() ? initialSleep(point) : asleepBelow(stack);
                for (const SleepEntry &entry : sleep) {
                    ExplorerStep step;
                    step.kind = ExplorerStep::Kind::Deliver;
                    step.messageId = entry.messageId;
                    step.signature = entry.signature;
                    step.to = entry.receiver;
                    asleep.push_back(step);
                }
            }
            options.onDepthLimitAsleep(key, asleep);
        }
        return Reached::RunEnded;
    }
    Node node;
    node.choices = choicesAt(run, point);
    for (const ExplorerStep &choice : node.choices) {
        QString receiver;
        for (const Frame &frame : point.frames) {
            if (frame.message.id == choice.messageId)
                receiver = frame.receiver;
        }
        node.receivers.push_back(receiver);
    }
    if (options.partialOrderReduction)
        node.sleep = stack.empty() ? initialSleep(point) : asleepBelow(stack);
    if (options.stateCaching) {
        std::vector<quint64> asleep;
        for (const SleepEntry &entry : node.sleep)
            asleep.push_back(entry.signature);
        std::sort(asleep.begin(), asleep.end());
        const int depth = run.depth;
        const int sharedDepth = options.sharedCacheDepth + depth;
        auto it = visited.find(key);
        if (it != visited.end()) {
            // Explored before from no deeper and with no more asleep (so no fewer
            // choices tried): nothing new below.
            const bool covered =
                it->second.depth <= depth
                && std::includes(asleep.begin(), asleep.end(), it->second.sleep.begin(),
                                 it->second.sleep.end());
            if (covered) {
                ++stats.cacheHits;
                return Reached::RunEnded;
            }
        }
        if (options.sharedCache
            && options.sharedCache->covers(key, sharedDepth, options.sharedCachePart, asleep)) {
            // Explored by this part or an earlier one, in this process or another: see above.
            ++stats.cacheHits;
            ++stats.sharedCacheHits;
            return Reached::RunEnded;
        }
        const Visit *recorded = nullptr;
        if (it != visited.end()) {
            Visit &visit = it->second;
            visit.depth = std::min(visit.depth, depth);
            std::vector<quint64> both;
            std::set_intersection(visit.sleep.begin(), visit.sleep.end(), asleep.begin(),
                                  asleep.end(), std::back_inserter(both));
            visit.sleep = std::move(both);
            recorded = &visit;
        } else {
            Visit visit;
            visit.depth = depth;
            visit.sleep = std::move(asleep);
            recorded = &visited.emplace(key, std::move(visit)).first->second;
        }
        if (options.sharedCache)
            options.sharedCache->record(key, options.sharedCacheDepth + recorded->depth,
                                        options.sharedCachePart, recorded->sleep);
        if (journaling)
            touchedVisits.push_back(key);
    }
    node.current = nextChoice(node);
    if (node.current < 0) {
        ++stats.sleepBlocked;
        return Reached::RunEnded;
    }
    stack.push_back(std::move(node));
    return Reached::Pushed;
}

std::vector<SleepEntry> ExplorerPrivate::initialSleep(const Point &point) const
{
    // The deliveries asleep at the prefix's end, found among the pending frames by signature
    // (one that is not pending cannot be chosen here, and is left out).
    std::vector<SleepEntry> sleep;
    for (const ExplorerStep &step : options.prefixAsleep) {
        const Frame *found = nullptr;
        for (const Frame &frame : point.frames) {
            if (frame.signature == step.signature && (!found || (frame.deliverable && !found->deliverable)))
                found = &frame;
        }
        if (found) {
            SleepEntry entry;
            entry.messageId = found->message.id;
            entry.signature = found->signature;
            entry.receiver = found->receiver;
            sleep.push_back(entry);
        }
    }
    return sleep;
}

bool ExplorerPrivate::asleepAt(const Node &node, std::size_t index)
{
    const ExplorerStep &choice = node.choices[index];
    return choice.kind == ExplorerStep::Kind::Deliver
           && std::any_of(node.sleep.begin(), node.sleep.end(),
                          [&choice](const SleepEntry &e) { return e.messageId == choice.messageId; });
}

int ExplorerPrivate::nextChoice(const Node &node)
{
    // The first choice neither explored nor current, and not a delivery asleep here (nor
    // handed off).
    const std::size_t end = std::min(node.choices.size(), std::size_t(node.limit));
    for (std::size_t i = 0; i < end; ++i) {
        if (int(i) == node.current
            || std::find(node.explored.begin(), node.explored.end(), int(i)) != node.explored.end())
            continue;
        if (!asleepAt(node, i))
            return int(i);
    }
    return -1;
}

// ---- Work stealing ----
//
// A part of a split search that another process is waiting for work gives away the choices it
// has not tried yet at its shallowest choice point with some left (the biggest subtrees it
// still has), each as a part of its own (ExplorerHandOff): the path there from the part's
// start, the sleep set the depth-first order gives that choice (the point's own, plus the
// choices before it: all of them are tried before it, by this part or by the ones it handed
// off earlier), and a place in search order right after what this part keeps
// (SharedStateCache::handOffPart(): what the part keeps comes first in depth-first order,
// then the choices given away, in their order, then whatever it handed off before, then the
// parts after it). Why that is depth-first order: the points above the one handed off have
// no choice left, so all this part still explores lies below that point's current choice,
// before the choices given away; a later hand-off gives away choices from deeper down, inside
// what it kept. So every part, handed off or not, is one contiguous stretch of the unsplit
// search's depth-first order (what it keeps is what it explored and explores before its
// first hand-off's choices), and the places order the stretches as that search meets them:
// the parts of the frontier are such stretches too, and the argument of "Sharing the cache
// between the parts of a search" rests on nothing else. A state whose subtree reaches into
// the parts handed off (a visit at or above the point handed off) is cut, in another part no
// earlier, only where the unsplit search would cut it too: after that subtree in depth-first
// order, or inside it (a visit again below itself), where the rest of the subtree still comes
// after, as it does there.

void ExplorerPrivate::maybeHandOff(std::vector<Node> &stack)
{
    if (!options.onHandOff || !options.sharedCache || !options.sharedCache->wantsWork())
        return;
    for (std::size_t level = 0; level < stack.size(); ++level) {
        Node &node = stack[level];
        std::vector<int> left;
        const int end = std::min(int(node.choices.size()), node.limit);
        for (int i = node.current + 1; i < end; ++i) {
            if (!asleepAt(node, std::size_t(i)))
                left.push_back(i);
        }
        if (left.empty())
            continue;
        if (left.size() > std::size_t(SharedStateCache::kMaxHandOffSiblings))
            left.erase(left.begin(), left.end() - SharedStateCache::kMaxHandOffSiblings);
        std::vector<ExplorerHandOff> handOffs;
        for (std::size_t j = 0; j < left.size(); ++j) {
            const std::optional<quint64> part =
                SharedStateCache::handOffPart(options.sharedCachePart, handOffsMade + 1, int(j));
            if (!part)
                return; // no room in the part numbers: this part keeps its work
            ExplorerHandOff handOff;
            handOff.part = *part;
            handOffs.push_back(std::move(handOff));
        }
        if (!options.sharedCache->takeWorkRequest())
            return; // another part took the request
        ++handOffsMade;
        std::vector<ExplorerStep> path = options.startPath;
        for (std::size_t up = 0; up < level; ++up)
            path.push_back(stack[up].choices[std::size_t(stack[up].current)]);
        for (std::size_t j = 0; j < left.size(); ++j) {
            const std::size_t taken = std::size_t(left[j]);
            std::vector<int> before; // in depth-first order, every choice before it is tried
            for (std::size_t i = 0; i < taken; ++i) {
                if (!asleepAt(node, i))
                    before.push_back(int(i));
            }
            ExplorerHandOff &handOff = handOffs[j];
            handOff.path = path;
            handOff.path.push_back(node.choices[taken]);
            if (options.partialOrderReduction) {
                for (const SleepEntry &entry : sleepBelow(node, taken, before)) {
                    ExplorerStep step;
                    step.kind = ExplorerStep::Kind::Deliver;
                    step.messageId = entry.messageId;
                    step.signature = entry.signature;
                    step.to = entry.receiver;
                    handOff.asleep.push_back(step);
                }
            }
        }
        node.limit = left.front();
        stats.handOffs += qint64(handOffs.size());
        options.onHandOff(handOffs);
        return;
    }
}

QCoro::Task<void> ExplorerPrivate::depthFirst()
{
    std::vector<Node> stack;
    // Getting back to a choice point, in processor time (not disturbed by other processes)
    // from the second run on (the first run's system is built whatever the strategy): see
    // ExplorerStatistics::rebuildShare.
    const std::clock_t begin = std::clock();
    std::clock_t rebuilding = 0;
    std::clock_t rebuildingSince = -1;
    auto rebuilt = [&] {
        rebuilding += std::clock() - rebuildingSince;
        const std::clock_t all = std::clock() - begin;
        stats.rebuildShare = all > 0 ? std::min(1.0, double(rebuilding) / double(all)) : 0.0;
    };
    for (;;) {
        if (outOfBudget())
            co_return;
        if (!stack.empty())
            rebuildingSince = std::clock();
        Run run;
        if (Result<void> started = co_await startAtPrefix(run, false); !started) {
            fail(started.error().message());
            co_return;
        }
        // A handed-off part's path (ExplorerOptions::startPath), then back to the choice point
        // to branch at: the same steps give the same message ids.
        for (const ExplorerStep &step : options.startPath) {
            Point point = co_await advance(run, false);
            Q_UNUSED(point);
            if (Result<void> done = perform(run, step); !done) {
                fail(ExplorerText::tr("The system is not deterministic: a schedule did not repeat (%1)")
                         .arg(done.error().message()));
                co_return;
            }
            co_await detail::yieldToEventLoop();
        }
        for (const Node &node : stack) {
            Point point = co_await advance(run, false);
            Q_UNUSED(point);
            if (Result<void> done = perform(run, node.choices[std::size_t(node.current)]); !done) {
                fail(ExplorerText::tr("The system is not deterministic: a schedule did not repeat (%1)")
                         .arg(done.error().message()));
                co_return;
            }
            co_await detail::yieldToEventLoop();
        }
        if (!stack.empty())
            rebuilt();
        for (;;) {
            Point point = co_await advance(run, true);
            const Reached reached = reach(run, point, stack);
            if (reached == Reached::Violation)
                co_return;
            if (reached == Reached::RunEnded)
                break;
            const Node &top = stack.back();
            if (Result<void> done = perform(run, top.choices[std::size_t(top.current)]); !done) {
                fail(done.error().message());
                co_return;
            }
            co_await detail::yieldToEventLoop();
        }
        ++stats.schedules;
        // The system goes (as the next run's start would take it down), timed as rebuilding.
        rebuildingSince = std::clock();
        tearDown(run);
        rebuilt();
        report();
        // Backtrack to the deepest choice point with a choice left.
        while (!stack.empty()) {
            Node &top = stack.back();
            const int next = nextChoice(top);
            top.explored.push_back(top.current);
            if (next >= 0) {
                top.current = next;
                break;
            }
            stack.pop_back();
        }
        if (stack.empty()) {
            exhausted = true; // every schedule explored
            co_return;
        }
        maybeHandOff(stack);
    }
}

// ---- the fork strategy ----
//
// The process at a choice point forks for each of its choices but the last: the child takes
// the choice and searches on below it (forking in turn), then sends what the search changed
// (the counts, the states seen, the cache, a violation) back over a pipe and exits; the parent,
// still at the choice point, merges that and forks for the next choice. The last choice it
// takes itself. The choices come in the order Replay takes them, and only one process runs at
// a time, so both strategies search the same tree in the same order.

QCoro::Task<void> ExplorerPrivate::depthFirstForked()
{
#if MAS_EXPLORER_CAN_FORK
    if (outOfBudget())
        co_return;
    Run run;
    if (Result<void> started = co_await startAtPrefix(run, false); !started) {
        fail(started.error().message());
        co_return;
    }
    std::vector<Node> stack;
    co_await descend(run, stack);
    if (!halted)
        exhausted = true; // every schedule explored
#else
    fail(ExplorerText::tr("The fork strategy is not available on this platform"));
    co_return;
#endif
}

#if MAS_EXPLORER_CAN_FORK

namespace {

constexpr quint32 kChildMagic = 0x4d41534bu; // "MASK"

QDataStream &operator<<(QDataStream &out, const ExplorerStep &step)
{
    return out << int(step.kind) << step.forced << step.messageId << step.from << step.to
               << int(step.type) << step.path << step.signature << step.time;
}

QDataStream &operator>>(QDataStream &in, ExplorerStep &step)
{
    int kind = 0, type = 0;
    in >> kind >> step.forced >> step.messageId >> step.from >> step.to >> type >> step.path
        >> step.signature >> step.time;
    step.kind = ExplorerStep::Kind(kind);
    step.type = MessageType(type);
    return in;
}

bool writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, std::size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

/// Reads `fd` to its end; false when `deadline` (QElapsedTimer ms) passed first.
bool readAll(int fd, QByteArray &data, const QElapsedTimer &since, qint64 timeoutMs)
{
    char buffer[65536];
    for (;;) {
        const qint64 left = timeoutMs - since.elapsed();
        if (left <= 0)
            return false;
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, int(std::min<qint64>(left, 60'000)));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return false;
        if (ready == 0)
            continue;
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        data.append(buffer, qsizetype(n));
    }
}

/// Waits for `pid` to end, at most a few seconds after it closed its pipe (it is exiting),
/// then kills it. Returns its wait status.
int reap(pid_t pid)
{
    int status = 0;
    // A pidfd becomes readable when the process has ended: no polling in steps.
    const int pidfd = int(::syscall(SYS_pidfd_open, pid, 0));
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 5'000) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR)) {
            if (pidfd >= 0)
                ::close(pidfd);
            return status;
        }
        if (pidfd >= 0) {
            pollfd p{pidfd, POLLIN, 0};
            ::poll(&p, 1, 100);
        } else {
            pollfd none{-1, 0, 0};
            ::poll(&none, 0, 1);
        }
    }
    if (pidfd >= 0)
        ::close(pidfd);
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

} // namespace

QByteArray ExplorerPrivate::childReport() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << kChildMagic << halted << failed << result.error << cancelled << bounded << lastReport;
    out << stats.schedules << stats.completeSchedules << stats.sleepBlocked << stats.cacheHits
        << stats.depthLimited << stats.transitions << stats.states << stats.distinctStates
        << stats.shrinkRuns << stats.deepest;
    out << bool(result.violation);
    if (result.violation) {
        out << result.violation->property << quint32(result.violation->steps.size());
        for (const ExplorerStep &step : result.violation->steps)
            out << step;
    }
    out << quint64(newSeen.size());
    for (quint64 key : newSeen)
        out << key;
    std::vector<quint64> touched = touchedVisits;
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    out << quint64(touched.size());
    for (quint64 key : touched) {
        const Visit &visit = visited.at(key);
        out << key << qint32(visit.depth) << quint32(visit.sleep.size());
        for (quint64 s : visit.sleep)
            out << s;
    }
    out << kChildMagic;
    return data;
}

bool ExplorerPrivate::mergeChildReport(const QByteArray &data)
{
    QDataStream in(data);
    quint32 magic = 0;
    in >> magic;
    if (magic != kChildMagic)
        return false;
    bool childHalted = false, childFailed = false, childCancelled = false, childBounded = false;
    QString error;
    in >> childHalted >> childFailed >> error >> childCancelled >> childBounded >> lastReport;
    in >> stats.schedules >> stats.completeSchedules >> stats.sleepBlocked >> stats.cacheHits
        >> stats.depthLimited >> stats.transitions >> stats.states >> stats.distinctStates
        >> stats.shrinkRuns >> stats.deepest;
    bool hasViolation = false;
    in >> hasViolation;
    if (hasViolation) {
        Counterexample counterexample;
        quint32 count = 0;
        in >> counterexample.property >> count;
        for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
            ExplorerStep step;
            in >> step;
            counterexample.steps.push_back(std::move(step));
        }
        result.violation = std::move(counterexample);
    }
    quint64 seen = 0;
    in >> seen;
    for (quint64 i = 0; i < seen && in.status() == QDataStream::Ok; ++i) {
        quint64 key = 0;
        in >> key;
        if (seenStates.insert(key).second && journaling)
            newSeen.push_back(key);
    }
    quint64 visits = 0;
    in >> visits;
    for (quint64 i = 0; i < visits && in.status() == QDataStream::Ok; ++i) {
        quint64 key = 0;
        qint32 depth = 0;
        quint32 asleep = 0;
        in >> key >> depth >> asleep;
        Visit visit;
        visit.depth = depth;
        for (quint32 j = 0; j < asleep && in.status() == QDataStream::Ok; ++j) {
            quint64 s = 0;
            in >> s;
            visit.sleep.push_back(s);
        }
        visited[key] = std::move(visit);
        if (journaling)
            touchedVisits.push_back(key);
    }
    in >> magic;
    if (in.status() != QDataStream::Ok || magic != kChildMagic)
        return false;
    halted = halted || childHalted;
    bounded = bounded || childBounded;
    cancelled = cancelled || childCancelled;
    if (childFailed && !failed)
        fail(error);
    return true;
}

QCoro::Task<void> ExplorerPrivate::descend(Run &run, std::vector<Node> &stack)
{
    for (;;) {
        Point point = co_await advance(run, true);
        const Reached reached = reach(run, point, stack);
        if (reached == Reached::Violation) {
            halted = true;
            co_return;
        }
        if (reached == Reached::RunEnded) {
            ++stats.schedules;
            report();
            co_return;
        }
        // Every choice but the last in a child; the last here.
        for (;;) {
            const int next = nextChoice(stack.back());
            if (next < 0)
                break;
            co_await branch(run, stack);
            if (halted)
                co_return;
            Node &top = stack.back();
            top.explored.push_back(top.current);
            top.current = next;
            if (outOfBudget()) {
                halted = true;
                co_return;
            }
        }
        const Node &top = stack.back();
        if (Result<void> done = perform(run, top.choices[std::size_t(top.current)]); !done) {
            fail(done.error().message());
            halted = true;
            co_return;
        }
        co_await detail::yieldToEventLoop();
    }
}

QCoro::Task<void> ExplorerPrivate::branch(Run &run, std::vector<Node> &stack)
{
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        fail(ExplorerText::tr("Cannot make a pipe for the fork strategy: %1")
                 .arg(QString::fromLocal8Bit(std::strerror(errno))));
        halted = true;
        co_return;
    }
    // What is buffered is written once, not once per process.
    std::fflush(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int error = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        fail(ExplorerText::tr("Cannot fork the explorer: %1")
                 .arg(QString::fromLocal8Bit(std::strerror(error))));
        halted = true;
        co_return;
    }
    if (pid == 0) {
        // The child: dies with its parent (a parent that gave up on it kills it), takes the
        // current choice, searches below it, reports and exits without tearing anything down.
        ::close(fds[0]);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(3);
        journaling = true;
        newSeen.clear();
        touchedVisits.clear();
        const Node &top = stack.back();
        if (Result<void> done = perform(run, top.choices[std::size_t(top.current)]); !done) {
            fail(done.error().message());
            halted = true;
        } else {
            co_await detail::yieldToEventLoop();
            co_await descend(run, stack);
        }
        const bool written = writeAll(fds[1], childReport());
        std::fflush(nullptr);
        ::_exit(written ? 0 : 4);
    }
    ::close(fds[1]);
    // A child searches at most until the budget ends, then reports; a child that takes much
    // longer hangs, and is killed (its own children die with it).
    QElapsedTimer since;
    since.start();
    const qint64 timeoutMs = std::max<qint64>(0, options.maxTime.count() - clock.elapsed())
                             + std::max<qint64>(30'000, options.prefixTimeout.count());
    QByteArray data;
    const bool complete = readAll(fds[0], data, since, timeoutMs);
    ::close(fds[0]);
    if (!complete)
        ::kill(pid, SIGKILL);
    const int status = reap(pid);
    if (!complete) {
        fail(ExplorerText::tr("A forked explorer process did not answer within %1 s and was stopped")
                 .arg(timeoutMs / 1000));
        halted = true;
        co_return;
    }
    if (!mergeChildReport(data)) {
        QString how;
        if (WIFSIGNALED(status))
            how = ExplorerText::tr("signal %1 (%2)")
                      .arg(WTERMSIG(status))
                      .arg(QString::fromLocal8Bit(strsignal(WTERMSIG(status))));
        else
            how = ExplorerText::tr("exit status %1").arg(WEXITSTATUS(status));
        fail(ExplorerText::tr("A forked explorer process crashed: %1").arg(how));
        halted = true;
    }
}

#endif // MAS_EXPLORER_CAN_FORK


QCoro::Task<void> ExplorerPrivate::randomWalks()
{
    std::mt19937_64 random(options.seed);
    for (int walk = 0; walk < options.walks; ++walk) {
        if (outOfBudget())
            co_return;
        Run run;
        if (Result<void> started = co_await startAtPrefix(run, false); !started) {
            fail(started.error().message());
            co_return;
        }
        for (;;) {
            Point point = co_await advance(run, true);
            countState(stateKey(run, point));
            const RunEnd end = endOfRun(run, point);
            if (end == RunEnd::Violation)
                co_return;
            if (end != RunEnd::Goes)
                break;
            const std::vector<ExplorerStep> choices = choicesAt(run, point);
            std::vector<std::size_t> deliveries, faults;
            for (std::size_t i = 0; i < choices.size(); ++i)
                (choices[i].kind == ExplorerStep::Kind::Deliver ? deliveries : faults).push_back(i);
            // Modulo and a 53-bit fraction: the same walk on every platform.
            const double chance = double(random() >> 11) / double(1ull << 53);
            const bool fault =
                !faults.empty() && (deliveries.empty() || chance < options.faultProbability);
            const std::vector<std::size_t> &pool = fault ? faults : deliveries;
            const std::size_t pick = pool[std::size_t(random() % pool.size())];
            if (Result<void> done = perform(run, choices[pick]); !done) {
                fail(done.error().message());
                co_return;
            }
            co_await detail::yieldToEventLoop();
        }
        ++stats.schedules;
        tearDown(run);
        report();
    }
}

QCoro::Task<Outcome> ExplorerPrivate::tryCandidate(const std::vector<ExplorerStep> &candidate)
{
    ++stats.shrinkRuns;
    Run run;
    if (Result<void> started = co_await startAtPrefix(run, false); !started)
        co_return Outcome();
    Outcome outcome = co_await runChoices(candidate, run, nullptr);
    tearDown(run);
    co_return outcome;
}

QCoro::Task<Outcome> ExplorerPrivate::runChoices(const std::vector<ExplorerStep> &candidate, Run &run,
                                                 std::vector<std::vector<ExplorerStep>> *trace)
{
    Outcome outcome;
    std::size_t next = 0;
    for (;;) {
        Point point = co_await advance(run, true);
        if (!point.violation.isEmpty()) {
            outcome.violation = point.violation;
            outcome.steps = run.steps;
            co_return outcome;
        }
        if (point.quiescent || run.depth >= options.maxDepth)
            co_return outcome;
        // The candidate's next step whose frame is here (the others are skipped); after the
        // last one, the oldest deliverable frame.
        ExplorerStep step;
        bool chosen = false;
        while (next < candidate.size() && !chosen) {
            const ExplorerStep &wanted = candidate[next++];
            if (wanted.kind == ExplorerStep::Kind::AdvanceClock) {
                if (run.system->clock() && run.system->clock()->nextDeadline()) {
                    step = wanted;
                    chosen = true;
                }
            } else if (wanted.signature == 0) {
                // A step read from a recorded log: its frame by id (the runs are deterministic).
                for (const Frame &frame : point.frames) {
                    if (frame.message.id == wanted.messageId
                        && (wanted.kind != ExplorerStep::Kind::Deliver || frame.deliverable)) {
                        step = stepFor(wanted.kind, frame);
                        chosen = true;
                        break;
                    }
                }
            } else if (const Frame *frame = resolve(wanted, point)) {
                step = stepFor(wanted.kind, *frame);
                chosen = true;
            }
        }
        if (!chosen) {
            auto first = std::find_if(point.frames.begin(), point.frames.end(),
                                      [](const Frame &f) { return f.deliverable; });
            if (first == point.frames.end())
                co_return outcome;
            step = stepFor(ExplorerStep::Kind::Deliver, *first);
        }
        if (trace) {
            trace->resize(run.steps.size()); // forced clock moves: nothing else was possible
            std::vector<ExplorerStep> others;
            for (const Frame &frame : point.frames) {
                if (frame.deliverable && frame.message.id != step.messageId)
                    others.push_back(stepFor(ExplorerStep::Kind::Deliver, frame));
            }
            trace->push_back(std::move(others));
        }
        if (Result<void> done = perform(run, step); !done)
            co_return outcome;
        co_await detail::yieldToEventLoop();
    }
}

QCoro::Task<void> ExplorerPrivate::shrink()
{
    // Delta debugging (ddmin) over the explored steps: drop chunks, keep a candidate that
    // breaks the same property in fewer deliveries and faults, and refine down to single steps.
    Counterexample best = *result.violation;
    std::vector<ExplorerStep> current = choicesOf(best.steps);
    std::size_t parts = 2;
    while (!current.empty() && !cancelled && stats.shrinkRuns < options.maxShrinkRuns) {
        parts = std::min(parts, current.size());
        const std::size_t chunk = (current.size() + parts - 1) / parts;
        bool reduced = false;
        for (std::size_t start = 0; start < current.size() && !reduced; start += chunk) {
            if (cancelled || stats.shrinkRuns >= options.maxShrinkRuns)
                break;
            std::vector<ExplorerStep> candidate;
            for (std::size_t i = 0; i < current.size(); ++i) {
                if (i < start || i >= start + chunk)
                    candidate.push_back(current[i]);
            }
            Outcome outcome = co_await tryCandidate(candidate);
            if (outcome.violation == best.property && shorter(outcome.steps, best.steps)) {
                best.steps = std::move(outcome.steps);
                current = choicesOf(best.steps);
                parts = std::max<std::size_t>(parts - 1, 2);
                reduced = true;
            }
            report();
        }
        if (!reduced) {
            if (parts >= current.size())
                break; // no single step can go: 1-minimal
            parts = std::min(parts * 2, current.size());
        }
    }
    result.shrunk = std::move(best);
}

QCoro::Task<Result<void>> ExplorerPrivate::record(Counterexample &counterexample)
{
    Run run;
    if (Result<void> started = co_await startAtPrefix(run, true); !started)
        co_return started.error();
    const std::vector<ExplorerStep> choices = choicesOf(counterexample.steps);
    Point point;
    for (const ExplorerStep &step : choices) {
        point = co_await advance(run, false);
        if (Result<void> done = perform(run, step); !done)
            co_return done.error();
        co_await detail::yieldToEventLoop();
    }
    point = co_await advance(run, true);
    counterexample.log = LocalNetwork::instance()->eventLog();
    counterexample.stateText = run.system->stateText();
    for (const Invariant &property : run.invariants + run.goals) {
        if (property.name == counterexample.property && property.holds && !property.holds())
        {
            const InvariantExplanation why = property.explanationDetailed();
            counterexample.explanation = why.text;
            counterexample.involved = why.involved;
        }
    }
    // Names seen during this run (a ProcessSystem's programs name their addresses as they go).
    result.displayNames.insert(run.system->displayNames());
    if (point.violation != counterexample.property) {
        co_return Error(ErrorCode::InvalidArgument,
                        ExplorerText::tr("The system is not deterministic: the counterexample ended with \"%1\" "
                           "instead of \"%2\"")
                            .arg(point.violation, counterexample.property));
    }
    counterexample.steps = run.steps;
    co_return Result<void>();
}

// ---- Explorer ----

namespace {
/// The registry's type `id`, or an empty one named `id` (run() then fails with "Unknown system").
SystemType registeredType(const QString &id)
{
    if (const SystemType *type = SystemRegistry::global().find(id))
        return *type;
    SystemType unknown;
    unknown.id = id;
    return unknown;
}
} // namespace

Explorer::Explorer(const QString &demo, const Parameters &parameters, ExplorerOptions options)
    : Explorer(registeredType(demo), parameters, std::move(options))
{}

Explorer::Explorer(SystemType info, const Parameters &parameters, ExplorerOptions options)
    : d(std::make_unique<ExplorerPrivate>(std::move(info), parameters, std::move(options)))
{}

Explorer::~Explorer() = default;

void Explorer::cancel()
{
    d->cancelled = true;
}

bool Explorer::isCancelled() const
{
    return d->cancelled;
}

ExplorerStatistics Explorer::statistics() const
{
    return d->stats;
}

QCoro::Task<ExplorerResult> Explorer::run()
{
    ExplorerPrivate *p = d.get();
    p->clock.start();
    p->result = ExplorerResult();
    p->result.demo = p->info.id;
    p->result.queueId = p->options.queueId;
    p->result.parameters = p->parameters;
    p->result.properties = p->options.properties + p->options.conditions;
    if (!p->info.build) {
        p->fail(ExplorerText::tr("Unknown system \"%1\"").arg(p->info.id));
    } else if (p->options.violatingRun) {
        p->result.violation = *p->options.violatingRun; // shrunk and recorded below
    } else if (p->options.mode == ExplorerOptions::Mode::DepthFirst) {
        p->result.strategy = Explorer::effectiveStrategy(p->options.strategy);
        if (!p->options.startPath.empty())
            p->result.strategy = ExplorerOptions::Strategy::Replay; // the path is replayed
        if (p->result.strategy == ExplorerOptions::Strategy::Fork)
            co_await p->depthFirstForked();
        else
            co_await p->depthFirst();
    } else {
        co_await p->randomWalks();
    }
    p->stats.searchMs = p->clock.elapsed();
    if (!p->failed && p->result.violation) {
        if (p->options.shrink)
            co_await p->shrink();
        Counterexample &first = *p->result.violation;
        Result<void> recorded = co_await p->record(first);
        if (!recorded)
            p->fail(recorded.error().message());
        if (p->result.shrunk) {
            Counterexample &shrunk = *p->result.shrunk;
            Result<void> recordedShrunk = co_await p->record(shrunk);
            if (!recordedShrunk)
                p->fail(recordedShrunk.error().message());
        }
    }
    // Leave no system behind (the last one went with its Run); a fresh network for the caller.
    LocalQueue::clearCache();
    // The torn-down systems' calls in flight failed; their coroutines resume from the event
    // loop. Let them finish here, so that a program that exits after run() leaks no frames.
    for (int i = 0; i < 3; ++i)
        co_await detail::yieldToEventLoop();
    using Verdict = ExplorerResult::Verdict;
    if (p->failed)
        p->result.verdict = Verdict::Failed;
    else if (p->result.violation)
        p->result.verdict = Verdict::Violation;
    else if (p->cancelled)
        p->result.verdict = Verdict::Cancelled;
    else if (p->exhausted && !p->bounded)
        p->result.verdict = Verdict::Verified;
    else
        p->result.verdict = Verdict::NoViolationFound;
    p->report(true);
    p->result.statistics = p->stats;
    co_return p->result;
}

QCoro::Task<ExplorerExecution> Explorer::execute(std::vector<ExplorerStep> choices, bool record)
{
    ExplorerPrivate *p = d.get();
    if (!p->clock.isValid())
        p->clock.start();
    ExplorerExecution execution;
    {
        Run run;
        if (!p->info.build) {
            execution.error = ExplorerText::tr("Unknown system \"%1\"").arg(p->info.id);
        } else if (Result<void> started = co_await p->startAtPrefix(run, record); !started) {
            execution.error = started.error().message();
        } else {
            std::vector<std::vector<ExplorerStep>> trace;
            Outcome outcome = co_await p->runChoices(choices, run, &trace);
            trace.resize(run.steps.size());
            execution.ok = !p->failed;
            execution.error = p->result.error;
            execution.violation = outcome.violation;
            execution.steps = run.steps;
            execution.alternatives = std::move(trace);
            if (record)
                execution.log = LocalNetwork::instance()->eventLog();
            execution.stateText = run.system->stateText();
            execution.displayNames = run.system->displayNames();
        }
    }
    if (!execution.ok)
        qCWarning(lcSystem) << "explorer: cannot re-execute the choices:" << execution.error;
    // Leave no system behind, and let the torn-down system's calls finish (as run() does).
    LocalQueue::clearCache();
    for (int i = 0; i < 3; ++i)
        co_await detail::yieldToEventLoop();
    co_return execution;
}

QList<Invariant> Explorer::goals(System *system)
{
    return system ? system->goals() : QList<Invariant>();
}

bool Explorer::canFork()
{
    return MAS_EXPLORER_CAN_FORK != 0;
}

ExplorerOptions::Strategy Explorer::effectiveStrategy(ExplorerOptions::Strategy strategy)
{
    // Automatic: Replay. Measured with bench_explorer (release, 2 cores), a fork of the
    // explorer's process (about 200 mappings: Qt, libmas) and its copy-on-write faults cost
    // more than replaying a whole run of the demos, so Fork searches fewer states per second;
    // choose it explicitly where forks are cheaper than runs (long prefixes, slow systems).
    if (strategy != ExplorerOptions::Strategy::Automatic)
        return strategy;
    return ExplorerOptions::Strategy::Replay;
}

QStringList Explorer::propertyNames(System *system)
{
    QStringList names;
    if (!system)
        return names;
    for (const Invariant &invariant : system->invariants())
        names.append(invariant.name);
    for (const Invariant &goal : goals(system))
        names.append(goal.name);
    return names;
}

} // namespace mas::system
