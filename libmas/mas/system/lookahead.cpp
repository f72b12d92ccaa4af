// SPDX-License-Identifier: MIT
#include "lookahead.h"

#include "logging_p.h"

#include <mas/system/processsystem.h>
#include <mas/system/session.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>
#include <mas/trace/messagelabel.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <map>

namespace mas::system {

namespace {

struct LookAheadText
{
    Q_DECLARE_TR_FUNCTIONS(mas::system::LookAhead)
};

QString stepKindName(ExplorerStep::Kind kind)
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
        return QStringLiteral("clock");
    }
    return {};
}

std::optional<ExplorerStep::Kind> stepKindFrom(const QString &name)
{
    for (ExplorerStep::Kind kind : {ExplorerStep::Kind::Deliver, ExplorerStep::Kind::Drop, ExplorerStep::Kind::Duplicate,
                                    ExplorerStep::Kind::Delay, ExplorerStep::Kind::AdvanceClock}) {
        if (stepKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QJsonObject stepToJson(const ExplorerStep &step)
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), stepKindName(step.kind));
    if (step.forced)
        o.insert(QStringLiteral("forced"), true);
    if (step.transport)
        o.insert(QStringLiteral("transport"), true);
    if (step.kind == ExplorerStep::Kind::AdvanceClock) {
        o.insert(QStringLiteral("time"), step.time);
        return o;
    }
    o.insert(QStringLiteral("message"), QString::number(step.messageId));
    o.insert(QStringLiteral("from"), step.from);
    o.insert(QStringLiteral("to"), step.to);
    o.insert(QStringLiteral("type"), int(step.type));
    o.insert(QStringLiteral("path"), step.path);
    o.insert(QStringLiteral("signature"), QString::number(step.signature));
    return o;
}

Result<ExplorerStep> stepFromJson(const QJsonObject &o)
{
    ExplorerStep step;
    const std::optional<ExplorerStep::Kind> kind = stepKindFrom(o.value(QStringLiteral("kind")).toString());
    if (!kind)
        return Error(ErrorCode::InvalidMessage,
                     LookAheadText::tr("Unknown step kind \"%1\"").arg(o.value(QStringLiteral("kind")).toString()));
    step.kind = *kind;
    step.forced = o.value(QStringLiteral("forced")).toBool();
    step.transport = o.value(QStringLiteral("transport")).toBool();
    step.time = o.value(QStringLiteral("time")).toDouble();
    step.messageId = o.value(QStringLiteral("message")).toString().toULongLong();
    step.from = o.value(QStringLiteral("from")).toString();
    step.to = o.value(QStringLiteral("to")).toString();
    const int type = o.value(QStringLiteral("type")).toInt();
    if (type < 0 || type > 2)
        return Error(ErrorCode::InvalidMessage, LookAheadText::tr("Unknown message type %1").arg(type));
    step.type = MessageType(type);
    step.path = o.value(QStringLiteral("path")).toString();
    step.signature = o.value(QStringLiteral("signature")).toString().toULongLong();
    return step;
}

ExplorerStep deliveryOf(const PendingMessage &m)
{
    ExplorerStep step;
    step.kind = ExplorerStep::Kind::Deliver;
    step.messageId = m.id;
    step.from = m.from;
    step.to = m.to;
    step.type = m.type;
    step.path = m.path;
    step.transport = !m.isClose
                     && (m.type == MessageType::Result || (m.type == MessageType::Request && m.path == u"validate_aid"));
    return step;
}

int countedSteps(const std::vector<ExplorerStep> &steps)
{
    return int(std::count_if(steps.begin(), steps.end(), [](const ExplorerStep &s) { return !s.transport; }));
}

/// Makes `mark` a violation of `found`'s property by `continuation`, its steps labelled from the
/// recorded run (the prefix's sends included).
void setViolation(LookAheadMark &mark, const Counterexample &found, std::vector<ExplorerStep> continuation,
                  const QHash<QString, QString> &names)
{
    mark.kind = LookAheadMark::Kind::Violation;
    mark.property = found.property;
    mark.explanation = found.explanation;
    mark.continuation = std::move(continuation);
    QHash<quint64, const TrafficEvent *> sent;
    for (const TrafficEvent &e : found.log.events()) {
        if (e.kind == TrafficEvent::Kind::Sent || e.kind == TrafficEvent::Kind::Duplicated)
            sent.insert(e.messageId, &e);
    }
    const NameLookup lookup = [&names](const QString &address) { return names.value(address); };
    mark.labels.clear();
    for (const ExplorerStep &step : mark.continuation) {
        const TrafficEvent *frame =
            step.kind == ExplorerStep::Kind::AdvanceClock ? nullptr : sent.value(step.messageId);
        mark.labels.append(frame ? messageLabel(*frame, lookup) : QString());
    }
}

} // namespace

// ---- LookAheadMark ----

int LookAheadMark::length() const
{
    return countedSteps(continuation);
}

QString LookAheadMark::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unknown:
        return QStringLiteral("unknown");
    case Kind::Violation:
        return QStringLiteral("violation");
    case Kind::Safe:
        return QStringLiteral("safe");
    }
    return {};
}

QByteArray LookAheadMark::toJson(quint64 request) const
{
    QJsonObject o;
    o.insert(QStringLiteral("request"), QString::number(request));
    o.insert(QStringLiteral("message"), QString::number(messageId));
    o.insert(QStringLiteral("mark"), kindName(kind));
    o.insert(QStringLiteral("depth"), depth);
    if (!property.isEmpty())
        o.insert(QStringLiteral("property"), property);
    if (!explanation.isEmpty())
        o.insert(QStringLiteral("explanation"), explanation);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    if (!continuation.empty()) {
        QJsonArray steps;
        for (const ExplorerStep &step : continuation)
            steps.append(stepToJson(step));
        o.insert(QStringLiteral("continuation"), steps);
        o.insert(QStringLiteral("labels"), QJsonArray::fromStringList(labels));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<LookAheadMark> LookAheadMark::fromJson(QByteArrayView line, quint64 *request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (!document.isObject())
        return Error(ErrorCode::InvalidMessage,
                     LookAheadText::tr("Not a look-ahead mark: %1").arg(parseError.errorString()));
    const QJsonObject o = document.object();
    LookAheadMark mark;
    bool kindKnown = false;
    for (Kind kind : {Kind::Unknown, Kind::Violation, Kind::Safe}) {
        if (kindName(kind) == o.value(QStringLiteral("mark")).toString()) {
            mark.kind = kind;
            kindKnown = true;
        }
    }
    bool idOk = false;
    mark.messageId = o.value(QStringLiteral("message")).toString().toULongLong(&idOk);
    if (!kindKnown || !idOk)
        return Error(ErrorCode::InvalidMessage, LookAheadText::tr("Not a look-ahead mark: no message or mark"));
    if (request)
        *request = o.value(QStringLiteral("request")).toString().toULongLong();
    mark.depth = o.value(QStringLiteral("depth")).toInt();
    mark.property = o.value(QStringLiteral("property")).toString();
    mark.explanation = o.value(QStringLiteral("explanation")).toString();
    mark.error = o.value(QStringLiteral("error")).toString();
    for (const QJsonValue &value : o.value(QStringLiteral("continuation")).toArray()) {
        Result<ExplorerStep> step = stepFromJson(value.toObject());
        if (!step)
            return step.error();
        mark.continuation.push_back(*step);
    }
    for (const QJsonValue &value : o.value(QStringLiteral("labels")).toArray())
        mark.labels.append(value.toString());
    return mark;
}

// ---- LookAhead ----

class LookAheadPrivate
{
public:
    SystemType info;
    Parameters parameters;
    TrafficLog run;
    LookAheadOptions options;
    Explorer *current = nullptr;
    bool cancelled = false;
    bool started = false;
};

LookAhead::LookAhead(SystemType info, Parameters parameters, TrafficLog run, LookAheadOptions options)
    : d(std::make_unique<LookAheadPrivate>())
{
    d->info = std::move(info);
    d->parameters = parameters;
    d->run = std::move(run);
    d->options = std::move(options);
}

LookAhead::~LookAhead() = default;

void LookAhead::cancel()
{
    d->cancelled = true;
    if (d->current)
        d->current->cancel();
}

bool LookAhead::isCancelled() const
{
    return d->cancelled;
}

bool LookAhead::canSearch(const System *system, QString *why)
{
    QString reason;
    if (!system)
        reason = LookAheadText::tr("There is no system to look ahead in.");
    else if (qobject_cast<const ProcessSystem *>(system))
        reason = LookAheadText::tr("The look-ahead needs a system of C++ agents: the explorer cannot branch the "
                                   "states of programs in other processes in time.");
    else if (!system->queue())
        reason = LookAheadText::tr("The look-ahead needs a system on the LocalQueue (stepped); this one runs on "
                                   "sockets.");
    if (why)
        *why = reason;
    return reason.isEmpty();
}

QCoro::Task<Result<std::vector<LookAheadMark>>> LookAhead::run(std::function<void(const LookAheadMark &)> onMark)
{
    LookAheadPrivate *p = d.get();
    std::vector<LookAheadMark> marks;
    if (p->started)
        co_return Error(ErrorCode::InvalidArgument, LookAheadText::tr("A look-ahead runs once"));
    p->started = true;
    if (p->options.depth < 1)
        co_return Error(ErrorCode::InvalidArgument,
                        LookAheadText::tr("The look-ahead depth must be at least 1, not %1").arg(p->options.depth));
    if (!p->info.build)
        co_return Error(ErrorCode::InvalidArgument, LookAheadText::tr("No system to look ahead in"));

    // The pending frames where the run ends, as the window shows them (after the loop settled).
    LocalNetwork *net = LocalNetwork::instance();
    std::vector<PendingMessage> pending;
    QStringList holding;
    QStringList broken;
    {
        LocalQueue::clearCache();
        LocalQueue::get(p->options.queueId);
        net->setMode(LocalNetwork::Mode::Stepped);
        net->setRecording(false);
        Result<std::unique_ptr<System>> built = p->info.build(p->options.queueId, p->parameters);
        if (!built)
            co_return built.error();
        std::unique_ptr<System> system = std::move(*built);
        system->start();
        Result<int> replayed = co_await net->replay(p->run);
        if (!replayed) {
            system.reset();
            LocalQueue::clearCache();
            co_return Error(replayed.error().code(),
                            LookAheadText::tr("The run does not replay: %1").arg(replayed.error().message()));
        }
        co_await net->settle(3);
        const QList<PendingMessage> now = net->pendingMessages();
        pending.assign(now.begin(), now.end());
        // An invariant the run already breaks would mark every message: only those that still
        // hold are searched for.
        for (const Invariant &invariant : system->invariants()) {
            if (invariant.holds())
                holding.append(invariant.id);
            else
                broken.append(invariant.name);
        }
        system.reset();
        LocalQueue::clearCache();
    }
    // Gives every pending message the same mark.
    auto markAll = [&](LookAheadMark::Kind kind, const QString &error) {
        for (const PendingMessage &message : pending) {
            LookAheadMark mark;
            mark.messageId = message.id;
            mark.depth = p->options.depth;
            mark.kind = kind;
            mark.error = error;
            if (onMark)
                onMark(mark);
            marks.push_back(std::move(mark));
        }
    };
    if (!broken.isEmpty() && holding.isEmpty()) {
        // Nothing left to break: every message is "not known", saying why.
        markAll(LookAheadMark::Kind::Unknown,
                LookAheadText::tr("The run already breaks %1").arg(broken.join(QStringLiteral(", "))));
        co_return marks;
    }
    quint64 lastSequence = p->run.isEmpty() ? 0 : p->run.events().back().sequence;
    auto searchOptions = [p, holding, broken](const TrafficLog &prefix, int bound, qint64 budgetMs) {
        ExplorerOptions options;
        if (!broken.isEmpty())
            options.properties = holding; // the invariants the run has not broken yet
        options.mode = ExplorerOptions::Mode::DepthFirst;
        options.strategy = p->options.strategy;
        options.prefix = prefix;
        options.maxDepth = std::max(bound, 0);
        options.queueId = p->options.queueId;
        options.shrink = false;
        options.partialOrderReduction = p->options.reductions;
        options.stateCaching = p->options.reductions;
        options.transportFirst = true;
        options.countTransportSteps = false;
        options.maxSchedules = p->options.maxSchedulesPerMessage;
        options.maxTime = std::chrono::milliseconds(std::max<qint64>(1, budgetMs));
        return options;
    };
    auto outOfBudget = [](const ExplorerResult &result, const ExplorerOptions &options) {
        // A search bounded by maxDepth is never "verified": what tells a complete one from one
        // that ran out of budget is the budget.
        return result.statistics.schedules >= options.maxSchedules
               || result.statistics.searchMs >= options.maxTime.count();
    };

    // One search of every order from the state first: no violation within k steps anywhere
    // means every message is safe. A violation names one message that leads to it, and a bound.
    std::map<quint64, LookAheadMark> knownViolations;
    if (p->options.searchAllFirst && !pending.empty()) {
        const ExplorerOptions options = searchOptions(p->run, p->options.depth, p->options.maxTimePerMessage.count());
        Explorer explorer(p->info, p->parameters, options);
        p->current = &explorer;
        const ExplorerResult result = co_await explorer.run();
        p->current = nullptr;
        if (p->cancelled)
            co_return marks;
        using Verdict = ExplorerResult::Verdict;
        const bool complete = result.verdict == Verdict::Verified
                              || (result.verdict == Verdict::NoViolationFound && !outOfBudget(result, options));
        if (complete) {
            markAll(LookAheadMark::Kind::Safe, {});
            co_return marks;
        }
        if (result.verdict == Verdict::Violation && result.counterexample()) {
            const Counterexample &found = *result.counterexample();
            if (!found.steps.empty() && found.steps.front().kind == ExplorerStep::Kind::Deliver) {
                LookAheadMark &known = knownViolations[found.steps.front().messageId];
                setViolation(known, found, found.steps, result.displayNames);
            }
        }
    }

    for (const PendingMessage &message : pending) {
        if (p->cancelled)
            break;
        LookAheadMark mark;
        mark.messageId = message.id;
        mark.depth = p->options.depth;
        // The run, then this frame's delivery: the search goes on from there.
        TrafficLog prefix = p->run;
        TrafficEvent delivery;
        delivery.sequence = ++lastSequence;
        delivery.kind = TrafficEvent::Kind::Delivered;
        delivery.messageId = message.id;
        delivery.connection = message.connection;
        delivery.from = message.from;
        delivery.to = message.to;
        delivery.type = message.type;
        delivery.path = message.path;
        prefix.append(delivery);
        QElapsedTimer spent;
        spent.start();
        // k counted steps in all: the delivery of the message is one unless it is a transport frame.
        const bool free = deliveryOf(message).transport;
        int bound = p->options.depth - (free ? 0 : 1);
        if (auto known = knownViolations.find(message.id); known != knownViolations.end()) {
            // The first search's violation starts with this message: a shorter one, if any, is
            // below its length.
            const std::vector<ExplorerStep> &steps = known->second.continuation;
            bound = countedSteps(std::vector<ExplorerStep>(steps.begin() + 1, steps.end())) - 1;
            mark.kind = LookAheadMark::Kind::Violation;
            mark.property = known->second.property;
            mark.explanation = known->second.explanation;
            mark.continuation = known->second.continuation;
            mark.labels = known->second.labels;
        }
        for (;;) {
            const ExplorerOptions options =
                searchOptions(prefix, bound, p->options.maxTimePerMessage.count() - spent.elapsed());
            Explorer explorer(p->info, p->parameters, options);
            p->current = &explorer;
            const ExplorerResult result = co_await explorer.run();
            p->current = nullptr;
            if (p->cancelled)
                break;
            using Verdict = ExplorerResult::Verdict;
            if (result.verdict == Verdict::Violation && result.counterexample()) {
                const Counterexample &found = *result.counterexample();
                std::vector<ExplorerStep> continuation{deliveryOf(message)};
                continuation.insert(continuation.end(), found.steps.begin(), found.steps.end());
                setViolation(mark, found, std::move(continuation), result.displayNames);
                if (!p->options.shortest || countedSteps(found.steps) == 0)
                    break;
                bound = countedSteps(found.steps) - 1; // is there a shorter one?
                continue;
            }
            if (result.verdict == Verdict::Verified
                || (result.verdict == Verdict::NoViolationFound && !outOfBudget(result, options))) {
                if (mark.kind != LookAheadMark::Kind::Violation)
                    mark.kind = LookAheadMark::Kind::Safe;
                break;
            }
            if (result.verdict == Verdict::Failed) {
                qCWarning(lcSystem) << "look-ahead: the search of message" << message.id << "failed:" << result.error;
                if (mark.kind != LookAheadMark::Kind::Violation)
                    mark.error = result.error;
            } else if (mark.kind != LookAheadMark::Kind::Violation) {
                mark.error = LookAheadText::tr("The search ran out of its budget (%1 runs, %2 ms)")
                                 .arg(result.statistics.schedules)
                                 .arg(result.statistics.searchMs);
            }
            break;
        }
        if (p->cancelled)
            break;
        if (onMark)
            onMark(mark);
        marks.push_back(std::move(mark));
    }
    co_return marks;
}

// ---- LookAheadClient ----

LookAheadClient::LookAheadClient(QString program, QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
{}

LookAheadClient::~LookAheadClient()
{
    stop();
}

void LookAheadClient::setExtraArguments(const QStringList &arguments)
{
    m_extraArguments = arguments;
}

bool LookAheadClient::ensureStarted()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        return true;
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    m_buffer.clear();
    m_stopping = false;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LookAheadClient::readLines);
    QProcess *process = m_process;
    // The child is gone: the running search failed, and the window is told.
    auto failed = [this](const QString &text) {
        qCWarning(lcSystem).noquote() << text;
        if (m_searching) {
            const quint64 request = m_searching;
            m_searching = 0;
            Q_EMIT searchEnded(request, QStringLiteral("failed"), text);
        }
        Q_EMIT childFailed(text);
    };
    connect(m_process, &QProcess::errorOccurred, this, [this, process, failed](QProcess::ProcessError error) {
        if (process != m_process || m_stopping)
            return;
        if (error == QProcess::FailedToStart || error == QProcess::Crashed) {
            const QString text = tr("The look-ahead process %1 stopped: %2").arg(m_program, process->errorString());
            failed(text);
        }
    });
    connect(m_process, &QProcess::finished, this, [this, process, failed](int code, QProcess::ExitStatus status) {
        if (process != m_process || m_stopping || status == QProcess::CrashExit)
            return; // a crash was reported by errorOccurred
        const QString text = tr("The look-ahead process %1 exited with status %2").arg(m_program).arg(code);
        failed(text);
    });
    m_process->start(m_program, childArguments());
    return true;
}

QStringList LookAheadClient::childArguments() const
{
    QStringList arguments{QStringLiteral("explore"), QStringLiteral("--lookahead-serve")};
    QStringList directories;
    for (const QString &file : SystemRegistry::global().pluginFiles()) {
        const QString directory = QFileInfo(file).absolutePath();
        if (!directories.contains(directory))
            directories << directory;
    }
    for (const QString &directory : std::as_const(directories))
        arguments << QStringLiteral("--plugin-path") << directory;
    return arguments + m_extraArguments;
}

Result<quint64> LookAheadClient::request(const QString &demo, const QString &systemFile,
                                         const Parameters &parameters, const TrafficLog &log, int k)
{
    if (k < 1)
        return Error(ErrorCode::InvalidArgument, tr("The look-ahead depth must be at least 1, not %1").arg(k));
    if (!m_directory) {
        m_directory = std::make_unique<QTemporaryDir>();
        if (!m_directory->isValid()) {
            const QString why = m_directory->errorString();
            m_directory.reset();
            return Error(ErrorCode::InvalidArgument, tr("Cannot make a directory for the look-ahead: %1").arg(why));
        }
    }
    const quint64 request = m_request + 1;
    Session session;
    session.demo = demo;
    session.systemFile = systemFile;
    session.parameters = parameters;
    // Only what a replay does again: the child replays the actions.
    session.log = TrafficLog(log.schedule());
    const QString file = m_directory->filePath(QStringLiteral("run-%1.massession").arg(request));
    MAS_TRY_VOID(session.save(file));
    // The previous request's file is no longer read once this one is handed over.
    if (m_request > 0)
        QFile::remove(m_directory->filePath(QStringLiteral("run-%1.massession").arg(m_request)));
    m_request = request;
    ensureStarted();
    const QByteArray line = QByteArray::number(request) + ' ' + QByteArray::number(k) + ' ' + file.toUtf8() + '\n';
    m_process->write(line);
    m_searching = request; // the child ends the search before as cancelled when it reads this line
    Q_EMIT searchStarted(request);
    return request;
}

void LookAheadClient::cancel()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->write("cancel\n");
}

void LookAheadClient::stop()
{
    if (!m_process)
        return;
    m_stopping = true;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->closeWriteChannel(); // the child exits at the end of its input
        if (!process->waitForFinished(2000)) {
            process->kill();
            process->waitForFinished(2000);
        }
    }
    delete process;
    m_searching = 0;
}

void LookAheadClient::readLines()
{
    if (!m_process)
        return;
    m_buffer += m_process->readAllStandardOutput();
    for (;;) {
        const qsizetype end = m_buffer.indexOf('\n');
        if (end < 0)
            break;
        const QByteArray line = m_buffer.left(end).trimmed();
        m_buffer.remove(0, end + 1);
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const quint64 request = o.value(QStringLiteral("request")).toString().toULongLong();
        if (o.contains(QStringLiteral("end"))) {
            const QString end = o.value(QStringLiteral("end")).toString();
            if (m_searching == request)
                m_searching = 0;
            Q_EMIT searchEnded(request, end, o.value(QStringLiteral("error")).toString());
            continue;
        }
        quint64 markRequest = 0;
        Result<LookAheadMark> mark = LookAheadMark::fromJson(line, &markRequest);
        if (!mark) {
            qCWarning(lcSystem).noquote() << "look-ahead: ignored a line of the child:" << mark.error().message();
            continue;
        }
        Q_EMIT markFound(markRequest, *mark);
    }
}

} // namespace mas::system
