// SPDX-License-Identifier: MIT
#include "exploreparallel.h"

#include "console.h"

#include <mas/transport/localqueue.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>


#include <algorithm>
#include <climits>
#include <ctime>
#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <deque>
#include <limits>
#include <map>
#include <string>

namespace mas::cli {

namespace {

using system::Counterexample;
using system::Explorer;
using system::ExplorerOptions;
using system::ExplorerResult;
using system::ExplorerStatistics;
using system::ExplorerStep;
using Verdict = ExplorerResult::Verdict;

// The texts of the split search (lupdate files tr() calls of free functions only under a class).
struct ExploreParallel
{
    Q_DECLARE_TR_FUNCTIONS(ExploreParallel)
};

// Of the result files and the worker's lines (2: sleep sets; 3: parts handed off, 64-bit places).
constexpr int kFormat = 3;
constexpr int kMaxFrontierDepth = 64;   // the frontier's deepest split, in steps

// ---- JSON ----

QJsonValue u64(quint64 v)
{
    return QString::number(v);
}

quint64 toU64(const QJsonValue &v)
{
    return v.toString().toULongLong();
}

QJsonObject stepToJson(const ExplorerStep &s)
{
    return QJsonObject{{QStringLiteral("kind"), int(s.kind)},
                       {QStringLiteral("forced"), s.forced},
                       {QStringLiteral("id"), u64(s.messageId)},
                       {QStringLiteral("from"), s.from},
                       {QStringLiteral("to"), s.to},
                       {QStringLiteral("type"), int(s.type)},
                       {QStringLiteral("path"), s.path},
                       {QStringLiteral("signature"), u64(s.signature)},
                       {QStringLiteral("time"), s.time}};
}

ExplorerStep stepFromJson(const QJsonObject &o)
{
    ExplorerStep s;
    s.kind = ExplorerStep::Kind(o.value(u"kind").toInt());
    s.forced = o.value(u"forced").toBool();
    s.messageId = toU64(o.value(u"id"));
    s.from = o.value(u"from").toString();
    s.to = o.value(u"to").toString();
    s.type = MessageType(o.value(u"type").toInt());
    s.path = o.value(u"path").toString();
    s.signature = toU64(o.value(u"signature"));
    s.time = o.value(u"time").toDouble();
    return s;
}

/// A counterexample's involved fields as [[agent, field], ...].
QJsonArray involvedToJson(const QList<mas::system::StateFieldRef> &involved)
{
    QJsonArray array;
    for (const mas::system::StateFieldRef &ref : involved)
        array.append(QJsonArray{ref.agent, ref.field});
    return array;
}

QList<mas::system::StateFieldRef> involvedFromJson(const QJsonValue &value)
{
    QList<mas::system::StateFieldRef> involved;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonArray pair = entry.toArray();
        if (pair.size() == 2 && pair.at(0).isString() && pair.at(1).isString())
            involved.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return involved;
}

QJsonArray stepsToJson(const std::vector<ExplorerStep> &steps)
{
    QJsonArray a;
    for (const ExplorerStep &s : steps)
        a.append(stepToJson(s));
    return a;
}

std::vector<ExplorerStep> stepsFromJson(const QJsonValue &v)
{
    std::vector<ExplorerStep> steps;
    for (const QJsonValue &s : v.toArray())
        steps.push_back(stepFromJson(s.toObject()));
    return steps;
}

QJsonObject statsToJson(const ExplorerStatistics &s)
{
    return QJsonObject{{QStringLiteral("schedules"), double(s.schedules)},
                       {QStringLiteral("complete"), double(s.completeSchedules)},
                       {QStringLiteral("sleepBlocked"), double(s.sleepBlocked)},
                       {QStringLiteral("cacheHits"), double(s.cacheHits)},
                       {QStringLiteral("sharedCacheHits"), double(s.sharedCacheHits)},
                       {QStringLiteral("depthLimited"), double(s.depthLimited)},
                       {QStringLiteral("transitions"), double(s.transitions)},
                       {QStringLiteral("states"), double(s.states)},
                       {QStringLiteral("distinctStates"), double(s.distinctStates)},
                       {QStringLiteral("shrinkRuns"), double(s.shrinkRuns)},
                       {QStringLiteral("handOffs"), double(s.handOffs)},
                       {QStringLiteral("deepest"), s.deepest},
                       {QStringLiteral("searchMs"), double(s.searchMs)},
                       {QStringLiteral("elapsedMs"), double(s.elapsedMs)}};
}

ExplorerStatistics statsFromJson(const QJsonObject &o)
{
    auto n = [&o](const char16_t *key) { return qint64(o.value(QStringView(key)).toDouble()); };
    ExplorerStatistics s;
    s.schedules = n(u"schedules");
    s.completeSchedules = n(u"complete");
    s.sleepBlocked = n(u"sleepBlocked");
    s.cacheHits = n(u"cacheHits");
    s.sharedCacheHits = n(u"sharedCacheHits");
    s.depthLimited = n(u"depthLimited");
    s.transitions = n(u"transitions");
    s.states = n(u"states");
    s.distinctStates = n(u"distinctStates");
    s.shrinkRuns = n(u"shrinkRuns");
    s.handOffs = n(u"handOffs");
    s.deepest = int(n(u"deepest"));
    s.searchMs = n(u"searchMs");
    s.elapsedMs = n(u"elapsedMs");
    return s;
}

QString logToText(const TrafficLog &log)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    (void)log.write(&buffer);
    return QString::fromUtf8(buffer.data());
}

Result<TrafficLog> logFromText(const QString &text)
{
    QByteArray data = text.toUtf8();
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    return TrafficLog::read(&buffer);
}

std::optional<Verdict> verdictFromName(const QString &name)
{
    for (Verdict v : {Verdict::Verified, Verdict::NoViolationFound, Verdict::Violation,
                      Verdict::Cancelled, Verdict::Failed}) {
        if (ExplorerResult::verdictName(v) == name)
            return v;
    }
    return std::nullopt;
}

/// One part's result: a prefix's subtree, or one random walk; steps from the search's start.
struct Part
{
    int index = -1; ///< the part of the frontier it is (or was handed off from)
    quint64 order = 0; ///< its place in search order (SharedStateCache::topLevelPart(), handOffPart())
    Verdict verdict = Verdict::NoViolationFound;
    QString error;
    ExplorerStatistics stats;
    std::optional<Counterexample> counterexample; ///< shrunk (or first, unshrunk), with its log
    std::vector<ExplorerStep> firstSteps;         ///< the first violating run found
    QHash<QString, QString> names;
    qint64 requestTimeoutMs = 0;
};

QJsonObject partToJson(const Part &p)
{
    QJsonObject o{{QStringLiteral("index"), p.index},
                  {QStringLiteral("order"), u64(p.order)},
                  {QStringLiteral("verdict"), ExplorerResult::verdictName(p.verdict)},
                  {QStringLiteral("stats"), statsToJson(p.stats)},
                  {QStringLiteral("requestTimeoutMs"), double(p.requestTimeoutMs)}};
    if (!p.error.isEmpty())
        o.insert(QStringLiteral("error"), p.error);
    QJsonObject names;
    for (auto it = p.names.cbegin(); it != p.names.cend(); ++it)
        names.insert(it.key(), it.value());
    o.insert(QStringLiteral("names"), names);
    if (p.counterexample) {
        o.insert(QStringLiteral("counterexample"),
                 QJsonObject{{QStringLiteral("property"), p.counterexample->property},
                             {QStringLiteral("steps"), stepsToJson(p.counterexample->steps)},
                             {QStringLiteral("state"), p.counterexample->stateText},
                             {QStringLiteral("explanation"), p.counterexample->explanation},
                             {QStringLiteral("involved"), involvedToJson(p.counterexample->involved)},
                             {QStringLiteral("log"), logToText(p.counterexample->log)}});
        o.insert(QStringLiteral("firstSteps"), stepsToJson(p.firstSteps));
    }
    return o;
}

Result<Part> partFromJson(const QJsonObject &o)
{
    Part p;
    p.index = o.value(u"index").toInt(-1);
    const std::optional<Verdict> verdict = verdictFromName(o.value(u"verdict").toString());
    if (p.index < 0 || !verdict)
        return Error(ErrorCode::InvalidMessage, ExploreParallel::tr("a part without an index or a verdict"));
    p.order = o.contains(u"order") ? toU64(o.value(u"order")) : system::SharedStateCache::topLevelPart(p.index);
    p.verdict = *verdict;
    p.error = o.value(u"error").toString();
    p.stats = statsFromJson(o.value(u"stats").toObject());
    p.requestTimeoutMs = qint64(o.value(u"requestTimeoutMs").toDouble());
    const QJsonObject names = o.value(u"names").toObject();
    for (auto it = names.begin(); it != names.end(); ++it)
        p.names.insert(it.key(), it.value().toString());
    if (o.contains(u"counterexample")) {
        const QJsonObject c = o.value(u"counterexample").toObject();
        Counterexample counterexample;
        counterexample.property = c.value(u"property").toString();
        counterexample.steps = stepsFromJson(c.value(u"steps"));
        counterexample.stateText = c.value(u"state").toString();
        counterexample.explanation = c.value(u"explanation").toString();
        counterexample.involved = involvedFromJson(c.value(u"involved"));
        Result<TrafficLog> log = logFromText(c.value(u"log").toString());
        if (!log)
            return log.error();
        counterexample.log = std::move(*log);
        p.counterexample = std::move(counterexample);
        p.firstSteps = stepsFromJson(o.value(u"firstSteps"));
    }
    return p;
}

/// A part's result from an explorer's, with the steps that led to its prefix put first.
Part partOf(int index, const ExplorerResult &r, const std::vector<ExplorerStep> &prefixSteps)
{
    Part p;
    p.index = index;
    p.order = system::SharedStateCache::topLevelPart(index);
    p.verdict = r.verdict;
    p.error = r.error;
    p.stats = r.statistics;
    p.names = r.displayNames;
    p.requestTimeoutMs = r.parameters.requestTimeout.count();
    if (const Counterexample *c = r.counterexample()) {
        p.counterexample = *c;
        p.counterexample->steps.insert(p.counterexample->steps.begin(), prefixSteps.begin(),
                                       prefixSteps.end());
        p.firstSteps = prefixSteps;
        if (r.violation)
            p.firstSteps.insert(p.firstSteps.end(), r.violation->steps.begin(), r.violation->steps.end());
    }
    p.stats.deepest += int(prefixSteps.size());
    return p;
}

/// Walk `walk`'s own seed: the walks are the same however they are shared out.
quint32 walkSeed(quint32 seed, int walk)
{
    quint64 z = (quint64(seed) << 32) + quint64(walk) + 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return quint32((z ^ (z >> 31)) & 0xffffffffu);
}

/// What to explore in one part.
struct Task
{
    int index = 0; ///< the part of the frontier it is (or was handed off from)
    quint64 order = 0; ///< its place in search order
    std::vector<ExplorerStep> path; ///< handed off: the choices after the prefix (startPath)
    TrafficLog prefix;                     ///< depth-first: where the part starts
    std::vector<ExplorerStep> prefixSteps; ///< ... the steps that led there
    int walk = -1;                         ///< random: the walk
    std::optional<Part> known; ///< found while splitting (a violation above the frontier)
    std::vector<ExplorerStep> asleep; ///< depth-first: the deliveries asleep at the prefix's end
    quint64 stateKey = 0;             ///< ... and the state there (0: not known)
};

/// For the tests: with MAS_EXPLORE_TEST_END_STATES=DIR, every search of this process writes
/// the state of each quiet end state it reaches to DIR/end-states-PID.txt, a line each.
void addTestHooks(ExplorerOptions &options)
{
    static const QString dir = qEnvironmentVariable("MAS_EXPLORE_TEST_END_STATES");
    if (dir.isEmpty())
        return;
    options.strategy = ExplorerOptions::Strategy::Replay; // the goal writes from this process
    options.extraGoals = [](system::System *system) {
        return QList<system::Invariant>{system::Invariant{
            QStringLiteral("test: end states"), QStringLiteral("test: end states"), QString(), [system] {
                QFile file(QStringLiteral("%1/end-states-%2.txt").arg(dir).arg(QCoreApplication::applicationPid()));
                if (file.open(QIODevice::Append))
                    file.write(system->stateText().replace(u'\n', QStringLiteral("\\n")).toUtf8() + '\n');
                return true;
            }}};
    };
}

/// The options of one part's explorer.
ExplorerOptions partOptions(ExplorerOptions options, const QJsonObject &spec)
{
    options.progress = {};
    options.onDepthLimit = {};
    options.shrink = false; // the canonical violation is shrunk from the search's start
    options.maxTime = std::chrono::milliseconds(std::max<qint64>(1, qint64(spec.value(u"budgetMs").toDouble())));
    if (options.mode == ExplorerOptions::Mode::RandomWalk) {
        options.walks = 1;
        options.seed = walkSeed(options.seed, spec.value(u"walk").toInt());
    } else {
        options.maxDepth = std::max(0, options.maxDepth - spec.value(u"depth").toInt());
        options.maxSchedules = std::max(1, spec.value(u"budgetSchedules").toInt(1));
        options.prefixAsleep = stepsFromJson(spec.value(u"asleep"));
        options.sharedCachePart = spec.contains(u"order")
                                      ? toU64(spec.value(u"order"))
                                      : system::SharedStateCache::topLevelPart(spec.value(u"index").toInt());
        options.sharedCacheDepth = spec.value(u"depth").toInt();
        options.startPath = stepsFromJson(spec.value(u"path"));
    }
    addTestHooks(options);
    return options;
}

/// Explores one part (in a worker, or here): its result as a JSON object, steps after its prefix.
/// A hand-off as JSON (a worker's line to the search, or a part the search hands out).
QJsonObject handOffToJson(const system::ExplorerHandOff &h)
{
    return QJsonObject{{QStringLiteral("order"), u64(h.part)},
                       {QStringLiteral("path"), stepsToJson(h.path)},
                       {QStringLiteral("asleep"), stepsToJson(h.asleep)}};
}

using HandOffs = std::function<void(const std::vector<system::ExplorerHandOff> &)>;

QCoro::Task<QJsonObject> explorePart(system::SystemType info, system::Parameters parameters,
                                     ExplorerOptions options, QJsonObject spec, TrafficLog prefix,
                                     std::shared_ptr<system::SharedStateCache> sharedCache = {},
                                     HandOffs onHandOff = {})
{
    ExplorerOptions partOpts = partOptions(std::move(options), spec);
    const quint64 order = partOpts.sharedCachePart;
    const bool depthFirst = partOpts.mode == ExplorerOptions::Mode::DepthFirst;
    if (partOpts.mode == ExplorerOptions::Mode::DepthFirst) {
        partOpts.prefix = std::move(prefix);
        if (partOpts.stateCaching)
            partOpts.sharedCache = std::move(sharedCache);
        if (partOpts.sharedCache)
            partOpts.onHandOff = std::move(onHandOff);
        // A part whose first state the shared cache covers ends there: what its explorer would
        // do after re-imposing the prefix (its first state, with its own cache still empty),
        // without building a system. The counts are the explorer's for that.
        const quint64 key = toU64(spec.value(u"state"));
        if (partOpts.sharedCache && key != 0) {
            std::vector<quint64> asleep;
            if (partOpts.partialOrderReduction) {
                for (const ExplorerStep &s : partOpts.prefixAsleep)
                    asleep.push_back(s.signature);
            }
            std::sort(asleep.begin(), asleep.end());
            if (partOpts.sharedCache->covers(key, partOpts.sharedCacheDepth, partOpts.sharedCachePart, asleep)) {
                Part p;
                p.index = spec.value(u"index").toInt();
                p.order = order;
                p.verdict = Verdict::Verified;
                p.stats.schedules = 1;
                p.stats.cacheHits = 1;
                p.stats.sharedCacheHits = 1;
                p.stats.states = 1;
                p.stats.distinctStates = 1;
                co_return partToJson(p); // no request timeout: the other parts give it
            }
        }
    }
    Explorer explorer(std::move(info), parameters, std::move(partOpts));
    const ExplorerResult r = co_await explorer.run();
    Part p = partOf(spec.value(u"index").toInt(), r, {});
    if (depthFirst)
        p.order = order;
    co_return partToJson(p);
}

// ---- workers ----

/// Worker processes, each exploring one part at a time.
class WorkerPool : public QObject
{
public:
    /// `co_await pool.changes()`: resumes once after something changed (an answer, a worker
    /// that ended), or after a second without news.
    struct Changes
    {
        WorkerPool *pool;
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> handle)
        {
            pool->m_waiting = handle;
            pool->m_tick.start(1000);
        }
        void await_resume() const noexcept {}
    };
    Changes changes() { return Changes{this}; }

    WorkerPool()
    {
        m_tick.setSingleShot(true);
        connect(&m_tick, &QTimer::timeout, this, [this] { changed(); });
    }

    struct Worker
    {
        QPointer<QProcess> process;
        int task = -1; ///< the part it explores (of the frontier), -1: idle
        quint64 order = 0; ///< ... its place in search order
        QElapsedTimer since;
        qint64 deadlineMs = 0;
        bool retired = false; ///< stopped on purpose (no part left, or not needed any more)
        QByteArray buffer;
    };

    ~WorkerPool() override
    {
        for (Worker &w : workers) {
            if (w.process) {
                w.process->disconnect(this);
                w.process->kill();
                w.process->waitForFinished(5'000);
                delete w.process;
            }
        }
    }

    void start(const QString &program, const QStringList &arguments, int count)
    {
        workers.resize(std::size_t(count));
        for (std::size_t i = 0; i < workers.size(); ++i) {
            auto *process = new QProcess;
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            workers[i].process = process;
            connect(process, &QProcess::readyReadStandardOutput, this, [this, i] { readLines(i); });
            connect(process, &QProcess::finished, this, [this, i](int code, QProcess::ExitStatus status) {
                Worker &w = workers[i];
                if (!w.retired && failure.isEmpty()) {
                    const QString how = status == QProcess::CrashExit
                                            ? ExploreParallel::tr("crashed")
                                            : ExploreParallel::tr("exited with status %1").arg(code);
                    failure = w.task >= 0
                                  ? ExploreParallel::tr("worker %1 %2 while exploring part %3")
                                        .arg(i + 1)
                                        .arg(how)
                                        .arg(w.task)
                                  : ExploreParallel::tr("worker %1 %2").arg(i + 1).arg(how);
                }
                w.retired = true;
                changed();
            });
            connect(process, &QProcess::errorOccurred, this, [this, i](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart && failure.isEmpty()) {
                    failure = ExploreParallel::tr("cannot start worker %1: %2")
                                  .arg(i + 1)
                                  .arg(workers[i].process->errorString());
                    workers[i].retired = true;
                    changed();
                }
            });
            process->start(program, arguments);
        }
    }

    void assign(std::size_t i, int task, const QJsonObject &spec, qint64 deadlineMs)
    {
        Worker &w = workers[i];
        w.task = task;
        w.since.start();
        w.deadlineMs = deadlineMs;
        w.process->write(QJsonDocument(spec).toJson(QJsonDocument::Compact) + '\n');
    }

    /// No more parts for worker i: it ends when its stdin does.
    void retire(std::size_t i, bool kill)
    {
        Worker &w = workers[i];
        w.retired = true;
        if (!w.process)
            return;
        if (kill)
            w.process->kill();
        else
            w.process->closeWriteChannel();
    }

    std::vector<Worker> workers;
    std::vector<std::pair<std::size_t, QJsonObject>> answers; ///< worker, result
    QString failure;

    /// Resumes the waiting search once, from the event loop (never inside a QProcess signal).
    void changed()
    {
        if (std::coroutine_handle<> handle = std::exchange(m_waiting, {}))
            QMetaObject::invokeMethod(this, [handle] { handle.resume(); }, Qt::QueuedConnection);
    }

private:
    std::coroutine_handle<> m_waiting;
    QTimer m_tick;

    void readLines(std::size_t i)
    {
        Worker &w = workers[i];
        w.buffer += w.process->readAllStandardOutput();
        qsizetype end;
        while ((end = w.buffer.indexOf('\n')) >= 0) {
            const QByteArray line = w.buffer.left(end);
            w.buffer.remove(0, end + 1);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (!doc.isObject()) {
                if (failure.isEmpty())
                    failure = ExploreParallel::tr("worker %1 wrote something that is not a result: %2")
                                  .arg(i + 1)
                                  .arg(QString::fromUtf8(line.left(200)));
                continue;
            }
            answers.emplace_back(i, doc.object());
        }
        changed();
    }
};

QString fingerprintOf(const SplitSearch &s)
{
    const ExplorerOptions &o = s.options;
    QByteArray key;
    QTextStream k(&key);
    k << "mas-explore " << kFormat << ' ' << QCoreApplication::applicationVersion() << '\n'
      << "system " << s.info.id << ' ' << s.demo << '\n';
    if (!s.systemFile.isEmpty()) {
        QFile file(s.systemFile);
        if (file.open(QIODevice::ReadOnly))
            k << "file " << QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex() << '\n';
    }
    const system::Parameters &p = s.parameters;
    k << "parameters " << p.agents << ' ' << p.seed << ' ' << p.faulty << ' ' << p.initiators << ' '
      << p.rounds << ' ' << p.codec << ' ' << p.requestTimeout.count() << '\n'
      << "properties " << o.properties.join(u'\x1f') << '\n';
    if (!o.conditions.isEmpty())
        k << "conditions " << o.conditions.join(u'\x1f') << '\n';
    k
      << "options " << int(o.mode) << ' ' << o.maxSchedules << ' ' << o.maxDepth << ' ' << o.walks << ' '
      << o.seed << ' ' << o.partialOrderReduction << ' ' << o.stateCaching << ' ' << o.fifoConnections
      << ' ' << o.maxFaults << ' ' << int(o.faultKinds.toInt()) << ' ' << o.faultTimeout.count() << ' '
      << o.faultProbability << ' ' << o.shrink << ' ' << o.maxShrinkRuns << ' ' << o.queueId << ' '
      << s.frontier << '\n'
      << "prefix " << logToText(o.prefix) << '\n';
    k.flush();
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32));
}

/// The parts as one verdict: the violation of the first part (in search order) that has one.
SplitOutcome combine(std::vector<Part> parts, int total, const system::Parameters &parameters)
{
    std::sort(parts.begin(), parts.end(), [](const Part &a, const Part &b) { return a.order < b.order; });
    SplitOutcome outcome;
    outcome.parts = total;
    ExplorerResult &r = outcome.result;
    r.parameters = parameters;
    r.strategy = ExplorerOptions::Strategy::Replay;
    const Part *violating = nullptr;
    const Part *failing = nullptr;
    for (const Part &p : parts) {
        if (p.verdict == Verdict::Violation && p.counterexample) {
            violating = &p;
            break;
        }
        if (p.verdict == Verdict::Failed && !failing)
            failing = &p;
    }
    int counted = 0;
    int expected = total; // the frontier's parts and the ones they handed off
    bool allVerified = total >= 0;
    bool cancelled = false;
    for (const Part &p : parts) {
        if (violating && p.order > violating->order)
            break; // not needed for the verdict: left out, so every split counts the same
        ++counted;
        expected += int(p.stats.handOffs); // the parts it handed off count too
        ExplorerStatistics &s = r.statistics;
        s.schedules += p.stats.schedules;
        s.completeSchedules += p.stats.completeSchedules;
        s.sleepBlocked += p.stats.sleepBlocked;
        s.cacheHits += p.stats.cacheHits;
        s.sharedCacheHits += p.stats.sharedCacheHits;
        s.depthLimited += p.stats.depthLimited;
        s.transitions += p.stats.transitions;
        s.states += p.stats.states;
        s.distinctStates += p.stats.distinctStates;
        s.shrinkRuns += p.stats.shrinkRuns;
        s.handOffs += p.stats.handOffs;
        s.deepest = std::max(s.deepest, p.stats.deepest);
        allVerified = allVerified && p.verdict == Verdict::Verified;
        cancelled = cancelled || p.verdict == Verdict::Cancelled;
        if (r.displayNames.isEmpty())
            r.displayNames = p.names;
        if (p.requestTimeoutMs > 0)
            r.parameters.requestTimeout = std::chrono::milliseconds(p.requestTimeoutMs);
    }
    outcome.partsExplored = counted;
    outcome.partsHandedOff = int(r.statistics.handOffs);
    if (failing && (!violating || failing->order < violating->order)) {
        r.verdict = Verdict::Failed;
        r.error = failing->error; // the system's or the property's fault: the same in every part
    } else if (violating) {
        r.verdict = Verdict::Violation;
        r.shrunk = violating->counterexample;
        Counterexample first;
        first.property = violating->counterexample->property;
        first.steps = violating->firstSteps;
        r.violation = std::move(first);
        if (!violating->names.isEmpty())
            r.displayNames = violating->names;
    } else if (allVerified && counted == expected) {
        r.verdict = Verdict::Verified;
    } else if (cancelled) {
        r.verdict = Verdict::Cancelled;
    } else {
        r.verdict = Verdict::NoViolationFound;
    }
    return outcome;
}

struct Frontier
{
    std::vector<Task> tasks;
    int depth = 0;
    qint64 runs = 0;
    std::optional<ExplorerResult> finished; ///< the search ended while splitting (or failed)
};

/// The depth-first frontier: the runs at the first depth where there are at least `target`,
/// in search order, plus the violation found above it, if any (the last part).
QCoro::Task<Frontier> splitAtFrontier(const SplitSearch &search, QElapsedTimer &clock)
{
    Frontier frontier;
    const int cap = std::min(search.options.maxDepth, kMaxFrontierDepth);
    // Deeper and deeper (half again each time: the first steps are often plumbing, one choice).
    for (int depth = 1; depth <= cap; depth = depth >= cap ? cap + 1 : std::min(cap, depth + std::max(1, depth / 2))) {
        std::vector<Task> tasks;
        ExplorerOptions options = search.options;
        options.maxDepth = depth;
        options.maxSchedules = INT_MAX;
        options.strategy = ExplorerOptions::Strategy::Replay; // the callback runs here
        options.maxTime = std::chrono::milliseconds(
            std::max<qint64>(1, search.options.maxTime.count() - clock.elapsed()));
        options.progress = {};
        options.shrink = false; // shrunk from the search's start, as a part's violation
        options.onDepthLimit = [&tasks](const TrafficLog &log, const std::vector<ExplorerStep> &steps) {
            Task task;
            task.index = int(tasks.size());
            task.prefix = log;
            task.prefixSteps = steps;
            tasks.push_back(std::move(task));
        };
        options.onDepthLimitAsleep = [&tasks](quint64 key, const std::vector<ExplorerStep> &asleep) {
            tasks.back().stateKey = key;
            tasks.back().asleep = asleep;
        };
        addTestHooks(options);
        Explorer explorer(search.info, search.parameters, options);
        ExplorerResult r = co_await explorer.run();
        frontier.runs = r.statistics.schedules;
        frontier.depth = depth;
        if (r.verdict == Verdict::Failed || r.verdict == Verdict::Cancelled
            || (r.verdict == Verdict::NoViolationFound && tasks.empty())) {
            frontier.finished = std::move(r); // out of time while splitting, or failed
            co_return frontier;
        }
        if (r.verdict == Verdict::Verified) {
            // Every run ended above this depth: nothing left to split.
            frontier.finished = std::move(r);
            co_return frontier;
        }
        if (r.verdict == Verdict::Violation) {
            Task found;
            found.index = int(tasks.size());
            found.known = partOf(found.index, r, {});
            tasks.push_back(std::move(found));
            frontier.tasks = std::move(tasks);
            co_return frontier;
        }
        if (r.verdict == Verdict::NoViolationFound && clock.elapsed() >= search.options.maxTime.count()) {
            frontier.finished = std::move(r);
            co_return frontier;
        }
        if (int(tasks.size()) >= search.frontier || depth == cap) {
            frontier.tasks = std::move(tasks);
            co_return frontier;
        }
    }
    co_return frontier;
}

/// Shrinks a part's violation over all its steps (its prefix's too) and records it.
QCoro::Task<Result<void>> shrinkViolation(const SplitSearch &search, Part &part)
{
    if (!search.options.shrink || !part.counterexample)
        co_return Result<void>();
    ExplorerOptions options = search.options;
    options.progress = {};
    options.onDepthLimit = {};
    Counterexample run;
    run.property = part.counterexample->property;
    run.steps = part.firstSteps;
    options.violatingRun = std::move(run);
    Explorer explorer(search.info, search.parameters, options);
    const ExplorerResult r = co_await explorer.run();
    if (r.verdict != Verdict::Violation || !r.counterexample())
        co_return Error(ErrorCode::InvalidArgument,
                        ExploreParallel::tr("part %1's violation did not repeat: %2").arg(part.index).arg(r.error));
    part.counterexample = *r.counterexample();
    part.stats.shrinkRuns += r.statistics.shrinkRuns;
    co_return Result<void>();
}

QByteArray outcomeJson(const SplitSearch &search, const SplitOutcome &outcome, const std::vector<Part> &parts)
{
    QJsonArray partsJson;
    for (const Part &p : parts)
        partsJson.append(partToJson(p));
    const system::Parameters &p = search.parameters;
    QJsonArray cpuJson;
    for (qint64 ms : outcome.workerCpuMs)
        cpuJson.append(double(ms));
    QJsonObject o{{QStringLiteral("mas-explore-result"), kFormat},
                  {QStringLiteral("fingerprint"), outcome.fingerprint},
                  {QStringLiteral("demo"), search.demo},
                  {QStringLiteral("systemFile"), search.systemFile},
                  {QStringLiteral("parameters"),
                   QJsonObject{{QStringLiteral("agents"), p.agents},
                               {QStringLiteral("seed"), double(p.seed)},
                               {QStringLiteral("faulty"), p.faulty},
                               {QStringLiteral("initiators"), p.initiators},
                               {QStringLiteral("rounds"), p.rounds},
                               {QStringLiteral("codec"), p.codec},
                               {QStringLiteral("requestTimeoutMs"), double(p.requestTimeout.count())}}},
                  {QStringLiteral("shard"), search.shardIndex},
                  {QStringLiteral("shards"), search.shardCount},
                  {QStringLiteral("parts"), outcome.parts},
                  {QStringLiteral("frontierDepth"), outcome.frontierDepth},
                  {QStringLiteral("frontierRuns"), double(outcome.frontierRuns)},
                  {QStringLiteral("searchMs"), double(outcome.result.statistics.searchMs)},
                  {QStringLiteral("cpuMs"), double(outcome.cpuMs)},
                  {QStringLiteral("workerCpuMs"), cpuJson},
                  {QStringLiteral("frontierCpuMs"), double(outcome.frontierCpuMs)},
                  {QStringLiteral("results"), partsJson}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace

QCoro::Task<Result<SplitOutcome>> runSplitSearch(SplitSearch search)
{
    QElapsedTimer clock;
    clock.start();
    const bool random = search.options.mode == ExplorerOptions::Mode::RandomWalk;
    std::vector<Task> tasks;
    Frontier frontier;
    if (random) {
        for (int walk = 0; walk < search.options.walks; ++walk) {
            Task task;
            task.index = walk;
            task.walk = walk;
            tasks.push_back(std::move(task));
        }
    } else if (search.frontier <= 0) {
        // Not split: the whole search is one part, with its caches (the fastest on one core).
        Task task;
        task.index = 0;
        task.prefix = search.options.prefix;
        tasks.push_back(std::move(task));
    }
    // --workers N: this process and N - 1 worker processes explore the parts. The workers start
    // now, so that they load while this process finds the frontier.
    std::unique_ptr<WorkerPool> pool;
    qint64 frontierCpuMs = 0; // this process's processor time when the frontier was found
    if (search.workers > 1 && (random || search.frontier > 0)) {
        pool = std::make_unique<WorkerPool>();
        pool->start(search.program, search.workerArguments, search.workers - 1);
    }
    if (!random && search.frontier > 0) {
        frontier = co_await splitAtFrontier(search, clock);
        frontierCpuMs = qint64(double(std::clock()) * 1000.0 / CLOCKS_PER_SEC);
        if (frontier.finished && frontier.finished->verdict == Verdict::Failed)
            co_return Error(ErrorCode::InvalidArgument, frontier.finished->error);
        tasks = std::move(frontier.tasks);
    }
    SplitOutcome outcome;
    struct
    {
        std::vector<qint64> workers; ///< each worker's processor time, ms
    } outcomeCpu;
    std::vector<Part> parts;
    if (frontier.finished) {
        // The search ended while splitting: one part, the whole search (in shard 0).
        if (search.shardIndex == 0)
            parts.push_back(partOf(0, *frontier.finished, {}));
        outcome = combine(parts, 1, search.parameters);
        outcome.parts = 1;
        if (search.shardIndex == 0)
            outcome.result = *frontier.finished;
    } else {
        const int total = int(tasks.size());
        for (Task &t : tasks)
            t.order = system::SharedStateCache::topLevelPart(t.index);
        // This shard's parts, in search order; the parts handed off later join them.
        std::map<quint64, const Task *> byOrder;   // every part of this shard
        std::map<quint64, const Task *> pending;   // ... not given out yet
        std::deque<Task> handedOff;                // the parts busy parts handed off
        std::size_t mineCount = 0;
        for (const Task &t : tasks) {
            if (t.index % search.shardCount == search.shardIndex) {
                byOrder.emplace(t.order, &t);
                pending.emplace(t.order, &t);
                ++mineCount;
            }
        }
        // Every part has the whole schedule budget: a part misses the state cache and sleep sets
        // of the parts before it, so a complete search's parts need more than their share.
        const int perPartSchedules = search.options.maxSchedules;
        QString cacheFile; // the workers' shared state cache
        auto specOf = [&](const Task &t, const QString &prefixFile) {
            QJsonObject spec{
                {QStringLiteral("index"), t.index},
                {QStringLiteral("walk"), t.walk},
                {QStringLiteral("depth"), int(t.prefixSteps.size())},
                {QStringLiteral("prefix"), prefixFile},
                {QStringLiteral("asleep"), stepsToJson(t.asleep)},
                {QStringLiteral("state"), u64(t.stateKey)},
                {QStringLiteral("cache"), cacheFile},
                {QStringLiteral("budgetSchedules"), perPartSchedules},
                {QStringLiteral("budgetMs"),
                 double(std::max<qint64>(1, search.options.maxTime.count() - clock.elapsed()))}};
            if (!random) {
                spec.insert(QStringLiteral("order"), u64(t.order));
                if (!t.path.empty())
                    spec.insert(QStringLiteral("path"), stepsToJson(t.path));
            }
            return spec;
        };
        quint64 firstViolation = std::numeric_limits<quint64>::max(); // the first part with a violation so far
        auto accept = [&](Part part) {
            const Task *t = byOrder.at(part.order);
            if (part.counterexample) {
                part.counterexample->steps.insert(part.counterexample->steps.begin(),
                                                  t->prefixSteps.begin(), t->prefixSteps.end());
                part.firstSteps.insert(part.firstSteps.begin(), t->prefixSteps.begin(),
                                       t->prefixSteps.end());
            }
            part.stats.deepest += int(t->prefixSteps.size());
            // After a violation (or a failure) only the parts before it are needed.
            if (part.verdict == Verdict::Violation || part.verdict == Verdict::Failed)
                firstViolation = std::min(firstViolation, part.order);
            parts.push_back(std::move(part));
        };
        // Parts a busy part handed off (work stealing): they join this shard's parts.
        auto addHandOffs = [&](quint64 from, const QJsonArray &list) -> bool {
            const auto parent = byOrder.find(from);
            if (parent == byOrder.end())
                return false;
            for (const QJsonValue &v : list) {
                const QJsonObject o = v.toObject();
                Task task;
                task.index = parent->second->index;
                task.order = toU64(o.value(u"order"));
                task.prefix = parent->second->prefix;
                task.prefixSteps = parent->second->prefixSteps;
                task.path = stepsFromJson(o.value(u"path"));
                task.asleep = stepsFromJson(o.value(u"asleep"));
                if (task.order <= from || byOrder.count(task.order))
                    return false;
                handedOff.push_back(std::move(task));
                byOrder.emplace(handedOff.back().order, &handedOff.back());
                pending.emplace(handedOff.back().order, &handedOff.back());
            }
            return true;
        };
        qint64 lastProgress = 0;
        auto progress = [&] {
            if (!search.options.progress || clock.elapsed() - lastProgress < 1000)
                return;
            lastProgress = clock.elapsed();
            err() << ExploreParallel::tr("explored %1 of %2 parts, %3 ms")
                         .arg(parts.size())
                         .arg(byOrder.size())
                         .arg(clock.elapsed())
                  << Qt::endl;
        };
        auto outOfTime = [&] { return clock.elapsed() >= search.options.maxTime.count(); };
        auto takeNext = [&]() -> const Task * {
            while (!pending.empty()) {
                const Task *t = pending.begin()->second;
                pending.erase(pending.begin());
                if (t->order > firstViolation || outOfTime())
                    continue; // not needed (a violation comes earlier), or no time left
                if (t->known) {
                    accept(*t->known);
                    continue;
                }
                return t;
            }
            return nullptr;
        };
        // Depth first, idle processes get parts handed off: more workers than parts help too.
        const int workers = random ? std::max(1, std::min<int>(search.workers, int(mineCount))) : search.workers;
        if (workers <= 1 || !pool) {
            // In this process, one part after another (the same parts and results as workers).
            while (const Task *t = takeNext()) {
                const QJsonObject answer = co_await explorePart(search.info, search.parameters, search.options,
                                                                specOf(*t, QString()), t->prefix);
                Result<Part> part = partFromJson(answer);
                if (!part)
                    co_return part.error();
                accept(std::move(*part));
                progress();
            }
        } else {
            QTemporaryDir dir;
            if (!dir.isValid())
                co_return Error(ErrorCode::AiomasError,
                                ExploreParallel::tr("cannot make a temporary directory for the workers: %1")
                                    .arg(dir.errorString()));
            std::map<int, QString> fileOf;
            for (const auto &[order, t] : byOrder) {
                QString file;
                if (!random && !t->known) {
                    file = dir.filePath(QStringLiteral("prefix-%1.jsonl").arg(t->index));
                    if (Result<void> saved = t->prefix.save(file); !saved)
                        co_return saved.error();
                }
                fileOf.emplace(t->index, file);
            }
            // The shared state cache (depth first): a file every process maps, in memory
            // (/dev/shm) where there is one. Without it each part has its own cache only.
            std::optional<QTemporaryDir> memoryDir;
            if (!random && search.options.stateCaching && QFileInfo(QStringLiteral("/dev/shm")).isWritable())
                memoryDir.emplace(QStringLiteral("/dev/shm/mas-explore-XXXXXX"));
            const QString cacheDir = memoryDir && memoryDir->isValid() ? memoryDir->path() : dir.path();
            std::shared_ptr<system::SharedStateCache> cache;
            if (!random && search.options.stateCaching) {
                const QString path = cacheDir + QStringLiteral("/states.cache");
                if (Result<std::unique_ptr<system::SharedStateCache>> made = system::SharedStateCache::create(path)) {
                    cacheFile = path;
                    cache = std::move(*made);
                } else {
                    err() << "mas explore: " << made.error().message() << Qt::endl;
                }
            }
            outcomeCpu.workers.assign(pool->workers.size(), 0);
            const qint64 graceMs = qint64(search.workerGraceSeconds) * 1000;
            // This process explores parts too, one at a time, between the workers' answers.
            const Task *local = nullptr;
            std::optional<QJsonObject> localAnswer;
            QString handOffFailure;
            auto exploreHere = [&](const Task *t) -> QCoro::Task<void> {
                local = t;
                const quint64 from = t->order;
                QJsonObject answer = co_await explorePart(
                    search.info, search.parameters, search.options, specOf(*t, QString()), t->prefix, cache,
                    [&, from](const std::vector<system::ExplorerHandOff> &list) {
                        QJsonArray array;
                        for (const system::ExplorerHandOff &h : list)
                            array.append(handOffToJson(h));
                        if (!addHandOffs(from, array) && handOffFailure.isEmpty())
                            handOffFailure = ExploreParallel::tr("part %1 handed off parts out of order").arg(t->index);
                        pool->changed();
                    });
                localAnswer = std::move(answer);
                pool->changed();
            };
            std::optional<QCoro::Task<void>> here;
            for (;;) {
                // Answers first, then new parts for the idle workers, then for this process.
                for (auto &[worker, answer] : pool->answers) {
                    WorkerPool::Worker &w = pool->workers[worker];
                    if (answer.contains(u"handOff")) {
                        // Parts the worker's part handed off (it goes on with what it kept).
                        if (w.task < 0 || toU64(answer.value(u"handOff")) != w.order
                            || !addHandOffs(w.order, answer.value(u"parts").toArray())) {
                            pool->failure = ExploreParallel::tr("worker %1 handed off parts it could not hand off")
                                                .arg(worker + 1);
                            break;
                        }
                        continue;
                    }
                    outcomeCpu.workers[worker] =
                        std::max(outcomeCpu.workers[worker], qint64(answer.value(u"cpuMs").toDouble()));
                    Result<Part> part = partFromJson(answer);
                    if (!part) {
                        pool->failure = ExploreParallel::tr("worker %1 sent a broken result: %2")
                                            .arg(worker + 1)
                                            .arg(part.error().message());
                        break;
                    }
                    if (!byOrder.count(part->order) || w.task < 0 || part->order != w.order) {
                        pool->failure = ExploreParallel::tr("worker %1 answered for part %2, which it was not given")
                                            .arg(worker + 1)
                                            .arg(part->index);
                        break;
                    }
                    w.task = -1;
                    accept(std::move(*part));
                    progress();
                }
                pool->answers.clear();
                if (localAnswer) {
                    Result<Part> part = partFromJson(*localAnswer);
                    localAnswer.reset();
                    local = nullptr;
                    if (!part)
                        pool->failure = part.error().message();
                    else
                        accept(std::move(*part));
                    progress();
                }
                if (pool->failure.isEmpty() && !handOffFailure.isEmpty())
                    pool->failure = handOffFailure;
                if (!pool->failure.isEmpty())
                    break;
                bool busy = false;
                bool idle = false; // a process waits for a part
                for (std::size_t i = 0; i < pool->workers.size(); ++i) {
                    WorkerPool::Worker &w = pool->workers[i];
                    if (w.retired)
                        continue;
                    if (w.task >= 0 && w.order > firstViolation) {
                        pool->retire(i, true); // its part comes after a violation: not needed
                        continue;
                    }
                    if (w.task < 0) {
                        if (const Task *t = takeNext()) {
                            const QJsonObject spec = specOf(*t, fileOf.at(t->index));
                            pool->assign(i, t->index, spec, qint64(spec.value(u"budgetMs").toDouble()) + graceMs);
                            w.order = t->order;
                        } else {
                            idle = true; // waits: a busy part may hand some off
                            continue;
                        }
                    }
                    if (w.since.elapsed() > w.deadlineMs) {
                        pool->failure = ExploreParallel::tr("worker %1 did not finish part %2 within %3 s and was "
                                                            "stopped")
                                            .arg(i + 1)
                                            .arg(w.task)
                                            .arg(w.deadlineMs / 1000);
                        break;
                    }
                    busy = true;
                }
                if (!pool->failure.isEmpty())
                    break;
                if (!local) {
                    if (const Task *t = takeNext())
                        here.emplace(exploreHere(t)); // runs until the explorer yields
                }
                if (localAnswer)
                    continue; // this process's part ended before the loop waited
                if (!local)
                    idle = true;
                if (!busy && !local) {
                    // Nothing runs and nothing is left: the waiting workers end.
                    for (std::size_t i = 0; i < pool->workers.size(); ++i) {
                        if (!pool->workers[i].retired)
                            pool->retire(i, false);
                    }
                    break;
                }
                // Work stealing: while a process waits and no part is left to give out, the
                // busy parts are asked to hand some off (one of them takes the request).
                if (cache) {
                    if (idle && pending.empty() && !outOfTime())
                        cache->requestWork();
                    else
                        cache->withdrawWorkRequest();
                }
                co_await pool->changes();
            }
            if (cache)
                cache->withdrawWorkRequest();
            if (here)
                co_await std::move(*here); // this process's part, if the workers failed meanwhile
            if (!pool->failure.isEmpty())
                co_return Error(ErrorCode::AiomasError,
                                ExploreParallel::tr("the search failed: %1").arg(pool->failure));
        }
        // This shard's first violation, shrunk from the start (the parts do not shrink theirs).
        auto first = std::min_element(parts.begin(), parts.end(), [](const Part &a, const Part &b) {
            const bool av = a.verdict == Verdict::Violation, bv = b.verdict == Verdict::Violation;
            return av != bv ? av : a.order < b.order; // handed-off parts share their index
        });
        if (first != parts.end() && first->verdict == Verdict::Violation) {
            if (Result<void> shrunk = co_await shrinkViolation(search, *first); !shrunk)
                co_return shrunk.error();
        }
        outcome = combine(parts, total, search.parameters);
        outcome.frontierDepth = random ? 0 : frontier.depth;
        outcome.frontierRuns = frontier.runs;
        // Parts left out because the time ran out: not verified (combine() sees them missing).
    }
    outcome.demo = search.demo;
    outcome.systemFile = search.systemFile;
    outcome.result.demo = search.info.id;
    outcome.result.queueId = search.options.queueId;
    outcome.result.properties = search.options.properties + search.options.conditions;
    outcome.result.statistics.searchMs = clock.elapsed();
    outcome.result.statistics.elapsedMs = clock.elapsed();
    if (!frontier.finished)
        outcome.result.strategy = random ? ExplorerOptions::Strategy::Replay
                                         : Explorer::effectiveStrategy(search.options.strategy);
    outcome.fingerprint = fingerprintOf(search);
    outcome.cpuMs = qint64(double(std::clock()) * 1000.0 / CLOCKS_PER_SEC);
    outcome.workerCpuMs = outcomeCpu.workers;
    outcome.frontierCpuMs = frontierCpuMs;
    outcome.json = outcomeJson(search, outcome, parts);
    co_return outcome;
}

QCoro::Task<int> runExploreWorker(system::SystemType info, system::Parameters parameters,
                                  ExplorerOptions options)
{
    // For the tests: the worker dies at this part, as a crashed worker would.
    const int crashAt = qEnvironmentVariableIsSet("MAS_EXPLORE_TEST_CRASH_PART")
                            ? qEnvironmentVariableIntValue("MAS_EXPLORE_TEST_CRASH_PART")
                            : -1;
    std::string line;
    QString cacheFile;
    std::shared_ptr<system::SharedStateCache> cache;
    while (std::getline(std::cin, line)) {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(line));
        if (!doc.isObject()) {
            err() << "mas explore: " << ExploreParallel::tr("worker: not a part: %1").arg(QString::fromStdString(line))
                  << Qt::endl;
            co_return 2;
        }
        const QJsonObject spec = doc.object();
        if (spec.value(u"index").toInt() == crashAt)
            std::_Exit(3);
        TrafficLog prefix;
        if (const QString file = spec.value(u"prefix").toString(); !file.isEmpty()) {
            Result<TrafficLog> log = TrafficLog::load(file);
            if (!log) {
                err() << "mas explore: " << log.error().message() << Qt::endl;
                co_return 2;
            }
            prefix = std::move(*log);
        }
        // The shared state cache the search made (mapped once, kept for the next parts).
        if (const QString file = spec.value(u"cache").toString(); !file.isEmpty() && file != cacheFile) {
            cacheFile = file;
            cache.reset();
            if (Result<std::unique_ptr<system::SharedStateCache>> opened = system::SharedStateCache::open(file))
                cache = std::move(*opened);
            else
                err() << "mas explore: " << opened.error().message() << Qt::endl; // searched without it
        }
        // Parts handed off (work stealing) go to the search at once, on a line of their own.
        const QJsonValue order = spec.value(u"order");
        auto handOff = [order](const std::vector<system::ExplorerHandOff> &list) {
            QJsonArray array;
            for (const system::ExplorerHandOff &h : list)
                array.append(handOffToJson(h));
            const QByteArray out =
                QJsonDocument(QJsonObject{{QStringLiteral("handOff"), order}, {QStringLiteral("parts"), array}})
                    .toJson(QJsonDocument::Compact)
                + '\n';
            std::fwrite(out.constData(), 1, std::size_t(out.size()), stdout);
            std::fflush(stdout);
        };
        QJsonObject answer =
            co_await explorePart(info, parameters, options, spec, std::move(prefix), cache, handOff);
        answer.insert(QStringLiteral("cpuMs"), double(std::clock()) * 1000.0 / CLOCKS_PER_SEC);
        const QByteArray out = QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n';
        std::fwrite(out.constData(), 1, std::size_t(out.size()), stdout);
        std::fflush(stdout);
    }
    co_return 0;
}

Result<SplitOutcome> mergeSplitResults(const QStringList &files)
{
    if (files.isEmpty())
        return Error(ErrorCode::InvalidArgument, ExploreParallel::tr("--merge needs the shards' result files"));
    std::vector<Part> parts;
    QString fingerprint;
    QString firstFile;
    int shards = -1;
    int total = -1;
    QJsonObject head;
    std::map<int, QString> seen; // shard -> file
    qint64 searchMs = 0;
    for (const QString &name : files) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::AiomasError,
                         ExploreParallel::tr("cannot read %1: %2").arg(name, file.errorString()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        const QJsonObject o = doc.object();
        if (!doc.isObject() || o.value(u"mas-explore-result").toInt() != kFormat)
            return Error(ErrorCode::InvalidMessage,
                         ExploreParallel::tr("%1 is not a result of mas explore --result").arg(name));
        const QString print = o.value(u"fingerprint").toString();
        const int n = o.value(u"shards").toInt();
        const int index = o.value(u"shard").toInt();
        const int partCount = o.value(u"parts").toInt();
        if (fingerprint.isEmpty()) {
            fingerprint = print;
            firstFile = name;
            shards = n;
            total = partCount;
            head = o;
        } else if (print != fingerprint || partCount != total) {
            return Error(ErrorCode::InvalidArgument,
                         ExploreParallel::tr("%1 and %2 are results of different searches (the system, its "
                                             "parameters, the properties or the options differ); merge the "
                                             "shards of one search")
                             .arg(firstFile, name));
        } else if (n != shards) {
            return Error(ErrorCode::InvalidArgument,
                         ExploreParallel::tr("%1 is one of %2 shards, %3 one of %4").arg(firstFile).arg(shards).arg(name).arg(n));
        }
        if (seen.count(index))
            return Error(ErrorCode::InvalidArgument,
                         ExploreParallel::tr("%1 and %2 are both shard %3").arg(seen.at(index), name).arg(index));
        seen.emplace(index, name);
        searchMs = std::max(searchMs, qint64(o.value(u"searchMs").toDouble()));
        for (const QJsonValue &v : o.value(u"results").toArray()) {
            Result<Part> part = partFromJson(v.toObject());
            if (!part)
                return Error(ErrorCode::InvalidMessage,
                             QStringLiteral("%1: %2").arg(name, part.error().message()));
            parts.push_back(std::move(*part));
        }
    }
    QStringList missing;
    for (int i = 0; i < shards; ++i) {
        if (!seen.count(i))
            missing.append(QString::number(i));
    }
    if (!missing.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     ExploreParallel::tr("%n shard(s) of %1 missing (%2): merge the results of every shard",
                                         nullptr, int(missing.size()))
                         .arg(shards)
                         .arg(missing.join(QStringLiteral(", "))));
    system::Parameters parameters;
    const QJsonObject p = head.value(u"parameters").toObject();
    parameters.agents = p.value(u"agents").toInt();
    parameters.seed = quint32(p.value(u"seed").toDouble());
    parameters.faulty = p.value(u"faulty").toBool();
    parameters.initiators = p.value(u"initiators").toInt();
    parameters.rounds = p.value(u"rounds").toInt();
    parameters.codec = p.value(u"codec").toString();
    parameters.requestTimeout = std::chrono::milliseconds(qint64(p.value(u"requestTimeoutMs").toDouble()));
    SplitOutcome outcome = combine(std::move(parts), total, parameters);
    outcome.demo = head.value(u"demo").toString();
    outcome.systemFile = head.value(u"systemFile").toString();
    outcome.fingerprint = fingerprint;
    outcome.frontierDepth = head.value(u"frontierDepth").toInt();
    outcome.frontierRuns = qint64(head.value(u"frontierRuns").toDouble());
    outcome.result.demo = outcome.demo;
    outcome.result.statistics.searchMs = searchMs;
    outcome.result.statistics.elapsedMs = searchMs;
    return outcome;
}

} // namespace mas::cli

