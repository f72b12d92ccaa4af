// SPDX-License-Identifier: MIT
#include "inspectorsession.h"

#include "models/eventstore.h"
#include "models/plumbingfilter.h"
#include "models/propertyname.h"

#include <mas/agent/agent.h>
#include <mas/agent/agenturl.h>
#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/mosaik/counter.h>
#include <mas/observe/mosaiksession.h>
#include <mas/observe/attachsession.h>
#include <mas/observe/taprelay.h>
#include <mas/observe/trafficmonitor.h>
#include <mas/system/session.h>
#include <mas/system/systemagent.h>
#include <mas/system/systemfile.h>

#include <QAbstractItemModel>
#include <QDir>
#include <QElapsedTimer>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibrary>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTextStream>
#include <QFutureWatcher>
#include <QPromise>
#include <QThread>
#include <QTimer>

#include <QCoro/QCoroSignal>
#include <QCoro/QCoroTimer>

#include <algorithm>
#include <ctime>

namespace mas::ui {

namespace {

Q_LOGGING_CATEGORY(lcSession, "mas.ui.session")

constexpr auto kQueueId = "inspector";

/// How often step() lets the event loop run, while nothing is pending but messages are still
/// on their way, before it moves the clock.
constexpr int kQuietChecks = 10;

std::unique_ptr<mosaik::Simulator> makeCounter()
{
    return std::make_unique<mas::mosaik::CounterSimulator>();
}

Error closedError()
{
    return Error(ErrorCode::Cancelled, QStringLiteral("closed"));
}

/// Whether `property` (an invariant's name, or a state condition mas explore --break checked)
/// is broken in `system` now.
bool propertyViolated(const mas::system::System &system, const QString &property)
{
    // By its id (a counterexample's file names it so) or by its name in the user's language.
    if (const std::optional<mas::system::Invariant> found = findProperty(&system, property); found && found->holds)
        return !found->holds();
    const Result<mas::system::StateCondition> condition = mas::system::StateCondition::parse(property);
    return condition && condition->holds(system);
}

} // namespace

InspectorSession::InspectorSession(QObject *parent)
    : QObject(parent)
{
    m_store = new EventStore(this);
    m_stateBreakpoints = new StateBreakpoints(this);
    m_filter = new PlumbingFilter(m_store, this);
    m_attach = new AttachSession(this);
    connect(this, &InspectorSession::titleChanged, this, [this](const QString &title) { m_title = title; });
    connect(m_attach, &AttachSession::eventReceived, this,
            [this](const TrafficEvent &e) { appendExternal(e, Source::Attach); });
    connect(m_attach, &AttachSession::stateChanged, this, [this](AttachSession::State state) {
        // Without a monitor on the other side, the Inspector records its own calls.
        m_recordCalls = state == AttachSession::State::NoMonitor;
        Q_EMIT statusChanged();
    });
    m_callMonitor = new TrafficMonitor(this);
    m_callMonitor->setRecording(false);
    connect(m_callMonitor, &TrafficMonitor::eventRecorded, this, [this](const TrafficEvent &e) {
        if (m_recordCalls)
            appendExternal(e, Source::Calls);
    });
    m_mosaik = new MosaikSession(this);
    connect(m_mosaik, &MosaikSession::eventRecorded, this,
            [this](const TrafficEvent &e) { appendExternal(e, Source::Mosaik); });
    connect(m_mosaik, &MosaikSession::stateChanged, this, &InspectorSession::statusChanged);
}

InspectorSession::~InspectorSession()
{
    blockSignals(true); // nothing hears of a session going
    m_pauseRequested = true; // a run's breakpoint callback stops at its next message
    if (m_explorer) {
        // The explorer owns the network until it notices (at its next step), and then resets it
        // itself: nothing here may pull the network from under it.
        m_explorer->cancel();
        m_explorer = nullptr;
    }
    m_mosaik->close();
    m_attach->detach();
    delete m_tap.data();
    delete m_hostMonitor.data();
    disconnect(m_eventConnection);
    const bool ownedNetwork = bool(m_system);
    m_system.reset();
    if (ownedNetwork)
        LocalQueue::clearCache();
}

Result<InspectorSession::FileKind> InspectorSession::fileKind(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcSession) << "Cannot read" << fileName << file.errorString();
        return Error(ErrorCode::InvalidArgument, tr("Cannot read %1: %2").arg(fileName, file.errorString()));
    }
    // A session or counterexample starts with its header line; a system file is one JSON object.
    constexpr qint64 kMaxHeader = 1 << 20;
    const QByteArray firstLine = file.readLine(kMaxHeader).trimmed();
    const QJsonDocument header = QJsonDocument::fromJson(firstLine);
    if (header.isObject() && header.object().contains(u"mas-session"))
        return header.object().value(u"counterexample").isString() ? FileKind::Counterexample : FileKind::Session;
    constexpr qint64 kMaxSystemFile = 16 << 20;
    file.seek(0);
    const QJsonDocument whole = QJsonDocument::fromJson(file.read(kMaxSystemFile));
    if (whole.isObject() && (whole.object().contains(u"containers") || whole.object().contains(u"processes")))
        return FileKind::SystemFile;
    qCWarning(lcSession) << "Not an Inspector file:" << fileName;
    return Error(ErrorCode::InvalidArgument,
                 tr("%1 is not a session, a counterexample of mas explore or a system file").arg(fileName));
}

const mas::system::SystemType *InspectorSession::systemType(const QString &id) const
{
    if (isFileSystem(id))
        return &*m_fileType;
    return mas::system::SystemRegistry::global().find(id);
}

Result<void> InspectorSession::loadSystemFile(const QString &fileName)
{
    MAS_TRY(file, mas::system::SystemFile::load(fileName));
    MAS_TRY_VOID(file.loadPlugins());
    MAS_TRY_VOID(file.check());
    m_processes.clear();
    m_fileType = file.systemType();
    m_fileParameters = file.parameters();
    m_systemFile = file.fileName;
    return {};
}

void InspectorSession::setProcesses(const QList<mas::system::ProcessSpec> &specs)
{
    m_processes = specs;
    m_systemFile.clear();
    mas::system::SystemType type;
    type.id = QStringLiteral("python");
    QStringList names;
    for (const mas::system::ProcessSpec &spec : specs)
        names << spec.displayName();
    type.title = tr("Python: %1").arg(names.join(QStringLiteral(", ")));
    type.description = tr("Python programs run by the masstep runner: their frames wait on the stepped network, "
                          "their timers on its clock.");
    type.build = [specs](const QString &queueId, const mas::system::Parameters &parameters)
        -> Result<std::unique_ptr<mas::system::System>> {
        MAS_TRY(system, mas::system::ProcessSystem::create(queueId, specs, {}, parameters));
        return std::unique_ptr<mas::system::System>(std::move(system));
    };
    m_fileType = type;
    m_fileParameters = mas::system::ProcessSystem::defaultParameters();
}

Result<void> InspectorSession::openPython(const QString &program, const QStringList &arguments)
{
    return openPython(QList<QStringList>{QStringList{program} + arguments});
}

Result<void> InspectorSession::openPython(const QList<QStringList> &programs)
{
    QList<mas::system::ProcessSpec> specs;
    QStringList names;
    for (const QStringList &command : programs) {
        const QFileInfo info(command.value(0));
        mas::system::ProcessSpec spec;
        spec.command = QStringList{QStringLiteral("python3"), info.absoluteFilePath()} + command.mid(1);
        spec.workingDirectory = info.absolutePath();
        if (Result<void> ok = spec.check(); !ok) {
            qCWarning(lcSession).noquote() << ok.error().message();
            return ok;
        }
        names << spec.displayName();
        specs << spec;
    }
    if (specs.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("No Python program to open"));
    setProcesses(specs);
    MAS_TRY_VOID(newSystem(m_fileType->id, m_fileParameters));
    Q_EMIT message(tr("Opened %1: stepped").arg(names.join(QStringLiteral(", "))), 8000);
    return {};
}

mas::system::ProcessSystem *InspectorSession::processSystem() const
{
    auto *processes = qobject_cast<mas::system::ProcessSystem *>(m_system.get());
    return processes && !processes->specs().isEmpty() ? processes : nullptr;
}

QCoro::Task<Result<void>> InspectorSession::waitForPrograms()
{
    QPointer<mas::system::ProcessSystem> processes = processSystem();
    if (!processes)
        co_return Result<void>();
    const Result<void> answered = co_await processes->waitForAnswers();
    if (!answered && processes)
        Q_EMIT message(answered.error().message(), 15000);
    co_return answered;
}

Result<void> InspectorSession::openSystem(const QString &fileName)
{
    MAS_TRY_VOID(loadSystemFile(fileName));
    MAS_TRY_VOID(newSystem(m_fileType->id, m_fileParameters));
    Q_EMIT message(tr("Opened %1: %n agent(s), stepped", nullptr, int(m_system->agents().size()))
                       .arg(QFileInfo(m_systemFile).fileName()),
                   8000);
    return {};
}

QCoro::Task<Result<std::optional<qsizetype>>> InspectorSession::reloadPlugins()
{
    using Outcome = Result<std::optional<qsizetype>>;
    QPointer<InspectorSession> self(this);
    if (m_systemFile.isEmpty() || !m_system || !m_system->queue())
        co_return Outcome(Error(ErrorCode::InvalidArgument,
                                tr("Reload Plug-ins works on a stepped system opened from a file (File → Open System…)")));
    if (m_running || m_explorer)
        co_return Outcome(Error(ErrorCode::InvalidArgument, tr("Another run or exploration is going on")));
    if (Result<void> ready = checkNotReplaying(); !ready)
        co_return Outcome(ready.error());
    Result<mas::system::SystemFile> file = mas::system::SystemFile::load(m_systemFile);
    if (!file)
        co_return Outcome(file.error());
    // The recorded run, before anything is rebuilt.
    LocalNetwork *net = LocalNetwork::instance();
    const TrafficLog recorded = recordedLog();
    const mas::system::Parameters parameters = m_system->parameters();
    int reloaded = 0;
    for (const QString &directory : std::as_const(file->pluginPaths)) {
        const QDir dir(directory);
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            if (!QLibrary::isLibrary(name))
                continue;
            Result<QStringList> loaded = mas::system::SystemRegistry::global().reloadPlugin(dir.filePath(name));
            if (!loaded)
                co_return Outcome(loaded.error());
            ++reloaded;
        }
    }
    if (reloaded == 0)
        co_return Outcome(Error(ErrorCode::PluginError, tr("%1 names no plug-in to reload (\"plugin_path\")")
                                                            .arg(QFileInfo(m_systemFile).fileName())));
    if (Result<void> checked = file->check(); !checked)
        co_return Outcome(checked.error());
    m_fileType = file->systemType();
    m_fileParameters = file->parameters();
    if (Result<void> built = newSystem(m_fileType->id, parameters); !built)
        co_return Outcome(built.error());
    // The recorded order, step by step, as long as the new code offers the same messages.
    const std::vector<TrafficEvent> schedule = recorded.schedule();
    const qsizetype total = recorded.size();
    setReplaying(true);
    m_replayCancelled = false;
    Q_EMIT replayProgress(0, total);
    for (const TrafficEvent &action : schedule) {
        co_await net->settle();
        if (!self)
            co_return Outcome(closedError());
        if (m_replayCancelled || !net->apply(action))
            break;
        Q_EMIT replayProgress(std::min(total, m_store->size() + m_store->droppedCount()), total);
    }
    co_await net->settle();
    if (!self)
        co_return Outcome(closedError());
    setReplaying(false);
    Q_EMIT replayProgress(total, -1);
    if (m_replayCancelled)
        co_return Outcome(replayCancelled(total));
    m_store->flush();
    const TrafficLog rerun = recordedLog();
    const std::optional<qsizetype> diff = TrafficLog::firstDifference(recorded, rerun);
    if (!diff) {
        Q_EMIT message(tr("Reloaded %n plug-in(s): the recorded run replays identically", nullptr, reloaded), 30000);
    } else {
        const TrafficEvent *was = *diff < recorded.size() ? &recorded.events()[size_t(*diff)] : nullptr;
        Q_EMIT message(
            tr("Reloaded %n plug-in(s): the new run differs from the recorded one at event %1 (%2 of %3 recorded steps "
               "replayed); was: %4",
               nullptr, reloaded)
                .arg(*diff)
                .arg(rerun.schedule().size()) // the recorded steps the new run followed
                .arg(schedule.size())
                .arg(was ? was->toDisplayString() : tr("the end of the recording")),
            60000);
        const qsizetype row = *diff - (rerun.size() - m_store->size()); // the dropped actions come first
        if (row >= 0 && row < m_store->size() && m_store->at(row).messageId)
            m_store->setSelectedMessage(m_store->at(row).messageId);
    }
    Q_EMIT statusChanged();
    co_return Outcome(diff);
}

Result<void> InspectorSession::newSystem(const QString &demoId, const mas::system::Parameters &parameters)
{
    const mas::system::SystemType *type = systemType(demoId);
    if (!type)
        return Error(ErrorCode::InvalidArgument, tr("There is no demo called \"%1\"").arg(demoId));
    // Copied: clear() and the build may change what the pointer points to.
    const mas::system::SystemType demo = *type;
    const bool hadSystem = bool(m_system);
    clear(true);

    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    m_storeIsRecord = keepEvents() > 0;
    net->setRecording(!m_storeIsRecord);
    m_eventConnection = connect(net, &LocalNetwork::eventRecorded, this, &InspectorSession::onEvent);
    Result<std::unique_ptr<mas::system::System>> built = demo.build(QString::fromLatin1(kQueueId), parameters);
    if (!built) {
        if (hadSystem)
            Q_EMIT systemChanged(); // none now
        return built.error();
    }
    m_system = std::move(*built);
    m_store->setDisplayNames(m_system->displayNames());
    m_demoId = demoId;
    // The lanes in the system's order of agents, not in the order their first messages came.
    QStringList agentOrder;
    for (const mas::system::SystemAgent *agent : m_system->agents())
        agentOrder << agent->address();
    m_store->setParticipantOrder(agentOrder);
    if (!isFileSystem(demoId))
        m_systemFile.clear(); // a system of the registry, not of a file
    if (!m_system->queue()) {
        // Real sockets: watch every container's connections.
        m_hostMonitor = new TrafficMonitor(this);
        m_hostMonitor->setRecording(false);
        connect(m_hostMonitor, &TrafficMonitor::eventRecorded, this,
                [this](const TrafficEvent &e) { appendExternal(e, Source::Host); });
        for (Container *c : m_system->containers())
            m_hostMonitor->watch(c);
    }
    if (!m_system->agents().isEmpty())
        Q_EMIT callTargetChanged(m_system->agents().front()->address());
    connect(m_system.get(), &mas::system::System::stateChanged, this, &InspectorSession::statusChanged);
    m_stateBreakpoints->setSystem(m_system.get());
    connect(m_system.get(), &mas::system::System::stateChanged, this, &InspectorSession::onSystemStateChanged);
    m_systemHasInvariants = !m_system->invariants().isEmpty();
    // Each agent's fields are read again only after it said it changed (currentStateFields()).
    {
        const QList<mas::system::SystemAgent *> agents = m_system->agents();
        m_agentFields = QList<Value>(agents.size());
        m_agentFieldsStale = QList<bool>(agents.size(), true);
        for (qsizetype i = 0; i < agents.size(); ++i) {
            connect(agents[i], &mas::system::SystemAgent::stateChanged, this, [this, i] {
                if (i < m_agentFieldsStale.size())
                    m_agentFieldsStale[i] = true;
            });
        }
    }
    connect(m_system.get(), &mas::system::System::stateChanged, this, &InspectorSession::checkLiveViolation);
    if (processSystem()) {
        // The programs' addresses are known once they listen and connect: "echo.py :5555".
        connect(m_system.get(), &mas::system::System::stateChanged, this, [this] {
            if (!m_system)
                return;
            const QHash<QString, QString> names = m_system->displayNames();
            if (names != m_store->displayNames())
                m_store->setDisplayNames(names);
        });
    }
    if (m_system->clock())
        connect(m_system->clock(), &Clock::timeChanged, this, &InspectorSession::statusChanged);
    connect(net, &LocalNetwork::pendingChanged, this, &InspectorSession::statusChanged, Qt::UniqueConnection);
    // What shows the system takes hold of it before it starts.
    Q_EMIT systemChanged();
    m_system->start();
    Q_EMIT titleChanged(tr("%1 — MAS Inspector").arg(demo.title));
    Q_EMIT statusChanged();
    return {};
}

Result<void> InspectorSession::restart()
{
    if (!m_system)
        return Error(ErrorCode::InvalidArgument, tr("No system is running"));
    // Copied: newSystem() clears what they come from.
    const QString demoId = m_demoId;
    const mas::system::Parameters parameters = m_system->parameters();
    return newSystem(demoId, parameters);
}

void InspectorSession::setKeepEvents(qsizetype count)
{
    count = std::max<qsizetype>(count, 0);
    m_store->setKeepLimit(count);
    if (count > 0 && !m_storeIsRecord && m_system && m_system->queue()) {
        // The store holds the run from here on; the queue's unbounded copy goes.
        LocalNetwork *net = LocalNetwork::instance();
        net->setRecording(false);
        net->clearEventLog();
        m_storeIsRecord = true;
    }
    m_store->flush();
    Q_EMIT statusChanged();
}

qsizetype InspectorSession::keepEvents() const
{
    return m_store->keepLimit();
}

TrafficLog InspectorSession::recordedLog() const
{
    m_store->flush();
    return m_storeIsRecord ? m_store->replayableLog() : LocalNetwork::instance()->eventLog();
}

void InspectorSession::clear(bool replacing)
{
    const bool hadSystem = bool(m_system);
    pause();
    // What watches the system, the sources and the network lets go first.
    Q_EMIT aboutToClear();
    // A fresh network: the old system goes first, then the queues and the log.
    m_attach->detach();
    delete m_tap.data();
    m_mosaik->close();
    m_recordCalls = false;
    Q_EMIT callTlsChanged(std::nullopt);
    delete m_hostMonitor.data();
    disconnect(m_eventConnection);
    m_system.reset();
    m_stateBreakpoints->setSystem(nullptr);
    m_demoId.clear();
    m_script.clear();
    m_scriptNext = 0;
    m_scriptProperty.clear();
    clearViolation();
    // What watches the run for a violation goes with it (leaving a counterexample keeps it).
    m_lastAction.reset();
    m_beforeLastAction = Value::Map();
    m_actionsSeen = 0;
    m_agentFields.clear();
    m_agentFieldsStale.clear();
    m_left = {};
    LocalQueue::clearCache();
    m_storeIsRecord = false; // until the next system: the queue's log is on again
    m_store->clear();
    m_store->setDisplayNames({});
    m_externalIds.clear();
    m_nextExternalId = 1;
    m_nextExternalSequence = 0;
    if (hadSystem && !replacing)
        Q_EMIT systemChanged(); // none now (attached, tapping, a file over sockets, mosaik)
    Q_EMIT statusChanged();
}

void InspectorSession::onSystemStateChanged()
{
    if (!m_system || m_restoringState)
        return;
    const std::optional<StateBreakpoints::Hit> hit = m_stateBreakpoints->check();
    if (!hit)
        return;
    ++m_stateHits;
    if (m_running)
        m_pauseRequested = true; // the run stops before its next message
    Q_EMIT message(tr("State breakpoint %1 hit: %2").arg(hit->text, hit->sentence), 15000);
    Q_EMIT stateBreakpointHit(*hit);
}

void InspectorSession::onEvent(const TrafficEvent &event)
{
    if (!m_applyingScript && recordedStepsLeft() > 0 && event.isAction()) {
        // The user chose something else than the recording's next step: left first, so that
        // this step is watched as any other (below) and may be found to break an invariant.
        leaveRecording(tr("You left the counterexample after step %1 of %2: F10 now delivers the oldest "
                          "pending message, and the Violation tab keeps the counterexample")
                           .arg(m_scriptNext)
                           .arg(m_script.size()));
    }
    if (event.isAction() && m_system && m_systemHasInvariants) {
        ++m_actionsSeen; // every step of the run, also those of a counterexample
        if (!m_violatingStep) {
            // The cheapest honest "before": one snapshot per step, taken only while nothing is
            // broken, before the step's handler runs (this comes from the event loop first).
            m_lastAction = event;
            m_beforeLastAction = currentStateFields();
        }
    }
    if (m_violatingStep && event.isAction()) {
        if (m_violationBefore && !m_violationSettled) {
            // A step after the violating one: its states stay as that step left them.
            m_violationSettled = true;
        } else if (!m_violationBefore && m_store->isViolationStep(event) && m_system) {
            // Recorded as it happens, before the receiver's handler runs (from the event loop).
            m_violatingStep = event; // named as this run names its agents
            m_violationBefore = m_system->stateFields();
            m_violationAfter = *m_violationBefore;
            QTimer::singleShot(0, this, &InspectorSession::updateViolationAfter);
        }
    }
    m_store->append(event);
    // The frame's bytes, for the details' raw-bytes pane: the queue holds them while it waits.
    if (event.kind == TrafficEvent::Kind::Sent || event.kind == TrafficEvent::Kind::Duplicated) {
        if (const std::optional<PendingMessage> m = LocalNetwork::instance()->pendingMessage(event.messageId))
            m_store->setFrame(event.messageId, m->frame);
    }
}

void InspectorSession::markViolation(const std::vector<TrafficEvent> &schedule, const QString &property,
                                     bool foundLive)
{
    if (schedule.empty() || property.isEmpty() || !m_system)
        return;
    // The search stops at the first step after which the property is broken: the last.
    m_violatingStep = schedule.back();
    m_counterexampleSchedule = schedule;
    m_violatedProperty = property;
    m_violationLive = foundLive;
    m_violationSteps = qsizetype(schedule.size());
    m_store->setViolation(schedule.back(), property);
    // The states after it: whatever the step causes, until the next step.
    connect(m_system.get(), &mas::system::System::stateChanged, this, &InspectorSession::updateViolationAfter);
    Q_EMIT violationChanged();
}

void InspectorSession::updateViolationAfter()
{
    if (!m_system || !m_violationBefore || m_violationSettled)
        return;
    m_violationAfter = m_system->stateFields();
    m_violationExplanation = {};
    const QList<mas::system::Invariant> properties = m_system->invariants() + m_system->goals();
    for (const mas::system::Invariant &property : properties) {
        if ((property.name == m_violatedProperty || property.id == m_violatedProperty) && property.holds
            && !property.holds()) {
            m_violationExplanation = property.explanationDetailed();
            break;
        }
    }
    Q_EMIT violationChanged();
}

Value::Map InspectorSession::currentStateFields()
{
    const QList<mas::system::SystemAgent *> agents = m_system->agents();
    if (agents.size() != m_agentFields.size())
        return m_system->stateFields(); // not the agents it was built with: read them all
    Value::Map fields;
    fields.reserve(agents.size());
    for (qsizetype i = 0; i < agents.size(); ++i) {
        if (m_agentFieldsStale[i]) {
            m_agentFields[i] = Value(agents[i]->stateFields());
            m_agentFieldsStale[i] = false;
        }
        fields.emplace_back(Value(agents[i]->address()), m_agentFields[i]);
    }
    return fields;
}

void InspectorSession::checkLiveViolation()
{
    if (!m_system || m_violatingStep || !m_lastAction)
        return;
    for (const mas::system::Invariant &invariant : m_system->invariants()) {
        if (!invariant.holds || invariant.holds())
            continue;
        m_violationLive = true;
        m_violatingStep = m_lastAction;
        m_violatedProperty = invariant.name;
        m_violationSteps = m_actionsSeen;
        m_violationBefore = m_beforeLastAction;
        m_violationSettled = false;
        m_store->setViolation(*m_lastAction, invariant.name);
        updateViolationAfter(); // emits violationChanged()
        return;
    }
}

void InspectorSession::clearViolation()
{
    const bool had = m_violatingStep.has_value();
    m_violatingStep.reset();
    m_counterexampleSchedule.clear();
    m_violatedProperty.clear();
    m_violationSteps = 0;
    m_violationBefore.reset();
    m_violationAfter = Value::Map();
    m_violationSettled = false;
    m_violationExplanation = {};
    m_violationLive = false;
    m_store->clearViolation();
    if (had)
        Q_EMIT violationChanged();
}

void InspectorSession::appendExternal(const TrafficEvent &event, Source source)
{
    TrafficEvent e = event;
    const auto local = [this, source](quint64 id) -> quint64 {
        if (!id)
            return 0;
        const auto key = qMakePair(quint64(source), id);
        auto it = m_externalIds.constFind(key);
        if (it != m_externalIds.constEnd())
            return it.value();
        m_externalIds.insert(key, m_nextExternalId);
        return m_nextExternalId++;
    };
    e.messageId = local(e.messageId);
    e.originalId = local(e.originalId);
    e.sequence = m_nextExternalSequence++;
    m_store->append(e);
}

EventStore *InspectorSession::viewStore() const
{
    return m_filter->view();
}

bool InspectorSession::isShown(const PendingMessage &message) const
{
    return m_filter->acceptsPending(message);
}

QString InspectorSession::pendingLabel(const PendingMessage &message) const
{
    if (message.isClose)
        return mas::tr("close");
    const Result<Value> content = message.content();
    return messageLabel(message.type, message.path, content ? *content : Value(), m_store->nameLookup());
}

QHash<QString, QString> InspectorSession::displayNames() const
{
    return m_store->displayNames();
}

QString InspectorSession::displayName(const QString &address) const
{
    return m_store->displayName(address);
}

TapRelay *InspectorSession::tapRelay() const
{
    return m_tap.data();
}

bool InspectorSession::isWatching() const
{
    return m_attach->state() != AttachSession::State::Closed || m_tap || m_mosaik->state() != MosaikSession::State::Idle;
}

Result<void> InspectorSession::removeAgent(const QString &address)
{
    if (m_system) {
        for (Container *c : m_system->containers()) {
            for (Agent *a : c->agents()) {
                if (a->address() == address) {
                    c->removeAgent(a);
                    Q_EMIT message(tr("Removed %1: calls to it now fail").arg(address), 8000);
                    return {};
                }
            }
        }
    }
    return Error(ErrorCode::AgentNotFound, tr("There is no agent %1 in this system").arg(address));
}

// ---- watching systems outside the Inspector ----

QCoro::Task<Result<void>> InspectorSession::attachTo(QString address, QString codec, std::optional<TlsOptions> tls)
{
    QPointer<InspectorSession> self(this);
    clear();
    Q_EMIT titleChanged(tr("%1 — MAS Inspector").arg(address));
    // An agent URL names its container; the call form keeps the agent.
    QString containerAddress = address.trimmed();
    Result<Address> parsed = Container::parseAddress(containerAddress);
    if (!parsed) {
        if (Result<AgentUrl> url = AgentUrl::parse(containerAddress); url && url->isValid())
            parsed = url->container();
    }
    if (!parsed)
        co_return parsed.error();
    Q_EMIT callTargetChanged(address.trimmed());
    Q_EMIT callCodecChanged(codec);
    ChannelOptions options;
    options.codec = codec;
    options.endpointName = tr("Inspector");
    options.tls = tls;
    Q_EMIT callTlsChanged(tls);
    const Address target = *parsed;
    Q_EMIT statusChanged();
    Result<void> r = co_await m_attach->attach(target, options);
    if (!self)
        co_return r;
    if (r && m_attach->state() == AttachSession::State::Watching) {
        Q_EMIT attached();
        // Attached to a container: the call form targets its first agent.
        const QList<AttachSession::AgentInfo> agents = m_attach->agents();
        if (!agents.isEmpty() && address.trimmed() == AgentUrl::baseAddress(target).chopped(1))
            Q_EMIT callTargetChanged(agents.front().url);
    }
    Q_EMIT statusChanged();
    co_return r;
}

Result<void> InspectorSession::startTap(const QString &listenAddress, const QString &targetAddress, const QString &codec)
{
    Result<Address> listen = Container::parseAddress(listenAddress.trimmed());
    if (!listen)
        return listen.error();
    Result<Address> target = Container::parseAddress(targetAddress.trimmed());
    if (!target)
        return target.error();
    clear();
    TapOptions options;
    options.codec = codec;
    Result<TapRelay *> relay = TapRelay::listen(*listen, *target, options, this);
    if (!relay)
        return relay.error();
    m_tap = *relay;
    connect(m_tap, &TapRelay::eventRecorded, this, [this](const TrafficEvent &e) { appendExternal(e, Source::Tap); });
    connect(m_tap, &TapRelay::errorOccurred, this, [this](const Error &error) {
        if (error.isError())
            Q_EMIT message(error.message(), 8000);
    });
    Q_EMIT callTargetChanged(AgentUrl::baseAddress(m_tap->address()));
    Q_EMIT callCodecChanged(codec);
    Q_EMIT titleChanged(tr("Tap %1 → %2 — MAS Inspector").arg(m_tap->address().toString(), target->toString()));
    Q_EMIT statusChanged();
    return {};
}

void InspectorSession::detach()
{
    m_attach->detach();
    delete m_tap.data();
    m_mosaik->close();
    m_recordCalls = false;
    Q_EMIT statusChanged();
}

Result<Address> InspectorSession::hostMosaikSimulator(const QString &hostPort)
{
    clear();
    Result<Address> address = m_mosaik->listen(makeCounter, tr("Counter"), hostPort);
    if (!address)
        return address.error();
    startMosaik();
    return address;
}

QCoro::Task<Result<void>> InspectorSession::connectMosaikSimulator(QString hostPort)
{
    QPointer<InspectorSession> self(this);
    clear();
    QCoro::Task<Result<void>> connecting = m_mosaik->connectTo(makeCounter, tr("Counter"), hostPort);
    if (m_mosaik->simulator()) // made before the connection attempt
        startMosaik();
    Result<void> r = co_await std::move(connecting);
    if (self)
        Q_EMIT statusChanged();
    co_return r;
}

void InspectorSession::startMosaik()
{
    connect(m_mosaik->simulator()->clock(), &Clock::timeChanged, this, &InspectorSession::statusChanged);
    Q_EMIT mosaikStarted();
    Q_EMIT titleChanged(tr("mosaik co-simulation — MAS Inspector"));
    Q_EMIT statusChanged();
}

// ---- exploring ----

QCoro::Task<Result<mas::system::ExplorerResult>> InspectorSession::explore(mas::system::ExplorerOptions options)
{
    using mas::system::ExplorerResult;
    if (!m_system || !m_system->queue())
        co_return Error(ErrorCode::InvalidArgument, tr("Exploring needs a demo system on the LocalQueue"));
    if (m_explorer || m_running)
        co_return Error(ErrorCode::InvalidArgument, tr("Another run or exploration is going on"));
    QPointer<InspectorSession> self(this);
    const QString demoId = m_demoId;
    const mas::system::Parameters parameters = m_system->parameters();
    // The explorer owns the in-process network while it runs: the hosted system goes first.
    clear();
    options.queueId = QString::fromLatin1(kQueueId);
    // The session's event loop must go on (progress, Cancel): no forked search here.
    if (options.strategy == mas::system::ExplorerOptions::Strategy::Automatic)
        options.strategy = mas::system::ExplorerOptions::Strategy::Replay;
    // Progress goes out as a signal, as long as the session lives.
    options.progress = [self](const mas::system::ExplorerStatistics &statistics) {
        if (self)
            Q_EMIT self->explorationProgress(statistics);
    };
    const mas::system::SystemType *type = systemType(demoId);
    if (!type)
        co_return Error(ErrorCode::InvalidArgument, tr("There is no demo called \"%1\"").arg(demoId));
    // In the coroutine's frame: it lives until run() has ended, even when the session goes first
    // (its destructor cancels it).
    auto explorer = std::make_unique<mas::system::Explorer>(*type, parameters, options);
    m_explorer = explorer.get();
    Q_EMIT explorationStarted(options.maxSchedules);
    Q_EMIT statusChanged();
    ExplorerResult result = co_await explorer->run();
    if (!self)
        co_return closedError();
    m_explorer = nullptr;
    Q_EMIT explorationFinished();
    const mas::system::Counterexample *found = result.counterexample();
    if (result.verdict == ExplorerResult::Verdict::Failed) {
        (void)newSystem(demoId, parameters);
        co_return Error(ErrorCode::InvalidArgument, result.error);
    }
    if (!found) {
        (void)newSystem(demoId, parameters);
        // Each count with its own plural form.
        Q_EMIT message(tr("%1: %n schedule(s), %2", nullptr, int(result.statistics.schedules))
                           .arg(ExplorerResult::verdictName(result.verdict))
                           .arg(tr("%n distinct state(s), %1 ms", nullptr, int(result.statistics.distinctStates))
                                    .arg(result.statistics.elapsedMs)),
                       15000);
        co_return result;
    }
    // Open the counterexample: rebuild and replay it; the last event is where the property broke.
    TrafficLog log = found->log;
    const mas::system::Parameters replayParameters = result.parameters;
    const QString property = found->property;
    Result<void> replayed = co_await replayLog(std::move(log), demoId, replayParameters, property);
    if (!self)
        co_return closedError();
    if (!replayed)
        co_return replayed.error();
    m_store->flush();
    for (qsizetype i = m_store->size() - 1; i >= 0; --i) {
        if (m_store->at(i).messageId) {
            m_store->setSelectedMessage(m_store->at(i).messageId);
            break;
        }
    }
    // Each count with its own plural form.
    const QString violation = tr("Violation of \"%1\" in %n step(s) (shrunk from %2)", nullptr, int(found->length()))
                                  .arg(found->property)
                                  .arg(result.violation ? result.violation->length() : found->length());
    Q_EMIT message(tr("%1; %n schedule(s) explored", nullptr, int(result.statistics.schedules)).arg(violation), 30000);
    Q_EMIT statusChanged();
    co_return result;
}

QCoro::Task<Result<mas::system::NecessityReport>>
InspectorSession::analyseCounterexample(std::function<void(int, int)> progress)
{
    if (m_counterexampleSchedule.empty() || m_violatedProperty.isEmpty())
        co_return Error(ErrorCode::InvalidArgument, tr("No counterexample is open"));
    if (!m_system || !m_system->queue())
        co_return Error(ErrorCode::InvalidArgument, tr("Explaining a counterexample needs a system on the LocalQueue"));
    if (m_explorer || m_running)
        co_return Error(ErrorCode::InvalidArgument, tr("Another run or exploration is going on"));
    const mas::system::SystemType *type = systemType(m_demoId);
    if (!type)
        co_return Error(ErrorCode::InvalidArgument, tr("There is no demo called \"%1\"").arg(m_demoId));
    QPointer<InspectorSession> self(this);
    const QString demoId = m_demoId;
    const mas::system::Parameters parameters = m_system->parameters();
    mas::system::Counterexample counterexample;
    counterexample.property = m_violatedProperty;
    for (const TrafficEvent &event : m_counterexampleSchedule)
        counterexample.log.append(event);
    const QString title = m_title; // the opened file's name stays in it
    const bool foundLive = m_violationLive; // a violation found live stays so
    // The analysis owns the in-process network while it runs: the hosted system goes first.
    clear();
    mas::system::ExplorerOptions options;
    options.queueId = QString::fromLatin1(kQueueId);
    // In the coroutine's frame: it lives until run() has ended, even when the session goes first
    // (its destructor cancels it through its explorer).
    auto analysis = std::make_unique<mas::system::NecessityAnalysis>(*type, parameters, options, counterexample);
    analysis->setProgress(std::move(progress));
    m_explorer = analysis->explorer();
    Q_EMIT statusChanged();
    Result<mas::system::NecessityReport> report = co_await analysis->run();
    if (!self)
        co_return closedError();
    m_explorer = nullptr;
    Q_EMIT explorationFinished();
    // Opened again, played to its end: every step's event can be selected.
    const QString property = counterexample.property;
    // No temporaries inside a co_await expression: GCC 12 may destroy them twice.
    std::vector<TrafficEvent> wholeLog; // the counterexample is the whole log
    Result<void> replayed = co_await replayLog(std::move(counterexample.log), demoId, parameters, property,
                                               std::move(wholeLog), foundLive);
    if (!self)
        co_return closedError();
    const bool cancelled = !replayed && replayed.error().code() == ErrorCode::Cancelled;
    if ((replayed || cancelled) && !title.isEmpty())
        Q_EMIT titleChanged(title);
    Q_EMIT statusChanged();
    if (!replayed && !cancelled)
        co_return replayed.error();
    co_return report; // a cancelled replay leaves the counterexample played part of the way
}

void InspectorSession::cancelExploration()
{
    if (m_explorer)
        m_explorer->cancel();
}

// ---- stepping ----

Result<void> InspectorSession::stepOnce()
{
    if (!m_system)
        return Error(ErrorCode::InvalidArgument, tr("No system is running"));
    MAS_TRY_VOID(checkNotReplaying());
    if (recordedStepsLeft() > 0)
        return playRecordedStep();
    Result<PendingMessage> delivered = LocalNetwork::instance()->step();
    if (!delivered) {
        // Nothing pending: move the clock to the next timer, as a debugger steps over a wait.
        if (LocalNetwork::instance()->advanceClock())
            return {};
        return delivered.error();
    }
    return {};
}

Result<void> InspectorSession::checkNotReplaying() const
{
    if (m_replaying)
        return Error(ErrorCode::InvalidArgument, tr("A replay is going on: wait for its end, or press Cancel in the "
                                                    "status bar"));
    return {};
}

Result<void> InspectorSession::checkReadyForAction() const
{
    if (!m_system)
        return Error(ErrorCode::InvalidArgument, tr("No system is running"));
    MAS_TRY_VOID(checkNotReplaying());
    if (m_running || m_stepping)
        return Error(ErrorCode::InvalidArgument, tr("Another run or step is going on"));
    // The programs answer a delivery in their own processes: until they have, the pending list
    // is not complete, and the next choice would be made on half a state.
    if (mas::system::ProcessSystem *processes = processSystem(); processes && !processes->isSettled())
        return Error(ErrorCode::InvalidArgument, tr("The programs have not answered the last step yet"));
    return {};
}

void InspectorSession::awaitProgramsAfterAction()
{
    if (!processSystem())
        return;
    if (++m_answerWaits == 1)
        Q_EMIT busyChanged(true);
    QCoro::connect(waitForPrograms(), this, [this](const Result<void> &) {
        if (--m_answerWaits > 0)
            return;
        Q_EMIT busyChanged(isBusy());
        Q_EMIT statusChanged();
    });
}

Result<void> InspectorSession::deliverMessage(quint64 id)
{
    if (!id)
        return Error(ErrorCode::InvalidArgument, tr("Select a pending message first"));
    MAS_TRY_VOID(checkReadyForAction());
    Result<PendingMessage> r = LocalNetwork::instance()->deliver(id);
    if (!r)
        return r.error();
    awaitProgramsAfterAction();
    return {};
}

Result<void> InspectorSession::dropMessage(quint64 id)
{
    MAS_TRY_VOID(checkReadyForAction());
    MAS_TRY_VOID(LocalNetwork::instance()->drop(id));
    awaitProgramsAfterAction();
    return {};
}

Result<void> InspectorSession::duplicateMessage(quint64 id)
{
    MAS_TRY_VOID(checkReadyForAction());
    Result<quint64> copy = LocalNetwork::instance()->duplicate(id);
    if (!copy)
        return copy.error();
    awaitProgramsAfterAction();
    return {};
}

Result<void> InspectorSession::delayMessage(quint64 id)
{
    MAS_TRY_VOID(checkReadyForAction());
    MAS_TRY_VOID(LocalNetwork::instance()->delay(id));
    awaitProgramsAfterAction();
    return {};
}

bool InspectorSession::breakpointMatches(const PendingMessage &m) const
{
    if (m_breakpoint.isEmpty() || !isShown(m))
        return false;
    // The method as text, its arguments and the names as whole words ("pong" is a method, not
    // "ponger 1" nor a lookup's reply "PongerAgent").
    return labelMatches(pendingLabel(m), m_breakpoint) || nameMatches(displayName(m.from), m_breakpoint)
           || nameMatches(displayName(m.to), m_breakpoint);
}

QCoro::Task<Result<void>> InspectorSession::step()
{
    if (!m_system)
        co_return Error(ErrorCode::InvalidArgument, tr("No system is running"));
    if (Result<void> ready = checkNotReplaying(); !ready)
        co_return ready;
    QPointer<InspectorSession> self(this);
    if (processSystem()) {
        // The programs answer in their own processes: a step starts and ends with their answers,
        // so that the pending list is complete when the next step chooses.
        if (m_stepping || m_running)
            co_return Error(ErrorCode::InvalidArgument, tr("Another run or step is going on"));
        setStepping(true);
        Result<void> ready = co_await waitForPrograms();
        if (!self)
            co_return closedError();
        setStepping(false);
        if (!ready)
            co_return ready;
    }
    if (m_filter->hiddenClasses().isEmpty() || !m_system->queue()) {
        Result<void> stepped = stepOnce();
        if (stepped && processSystem()) {
            setStepping(true);
            stepped = co_await waitForPrograms();
            if (!self)
                co_return closedError();
            setStepping(false);
        }
        co_return stepped;
    }
    if (m_running || m_stepping)
        co_return Error(ErrorCode::InvalidArgument, tr("Another run or step is going on"));
    LocalNetwork *net = LocalNetwork::instance();
    setStepping(true);
    const auto done = [&self](Result<void> r) {
        if (self)
            self->setStepping(false);
        return r;
    };
    const int hitsBefore = m_stateHits;
    if (recordedStepsLeft() > 0) {
        // A counterexample: its recorded steps up to and including the next shown one (or the
        // one after which a breakpoint on state hit).
        while (recordedStepsLeft() > 0) {
            const TrafficEvent &action = m_script[m_scriptNext];
            const bool shown = action.kind == TrafficEvent::Kind::ClockChanged || m_store->span(action.messageId) == nullptr
                               || !m_filter->isHidden(m_store->span(action.messageId)->trafficClass);
            if (Result<void> played = playRecordedStep(); !played || shown)
                co_return done(played);
            co_await net->settle();
            if (!self)
                co_return closedError();
            if (m_stateHits != hitsBefore)
                co_return done({});
        }
        co_return done({});
    }
    bool delivered = false; // hidden plumbing was delivered
    int quietChecks = 0;
    while (true) {
        const QList<PendingMessage> pending = net->pendingMessages();
        if (pending.isEmpty()) {
            // What a delivery started may still send (a reply, a handler's messages).
            if (delivered && !m_system->isQuiet() && ++quietChecks <= kQuietChecks) {
                co_await net->settle();
                if (!self)
                    co_return closedError();
                continue;
            }
            // Nothing pending: move the clock to the next timer, as a debugger steps over a wait;
            // the step ends when the programs have answered it.
            if (net->advanceClock()) {
                Result<void> answered = co_await waitForPrograms();
                if (!self)
                    co_return closedError();
                co_return done(answered);
            }
            if (delivered)
                co_return done({});
            co_return done(Error(ErrorCode::InvalidArgument, tr("Nothing is pending and no timer is due")));
        }
        quietChecks = 0;
        const bool shown = isShown(pending.front());
        Result<PendingMessage> stepped = net->step();
        if (!stepped)
            co_return done(stepped.error());
        delivered = true;
        // What the delivery starts (the receiver's handler, its reply and messages) happens
        // before the step ends, as it does between two presses of F10.
        co_await net->settle();
        if (!self)
            co_return closedError();
        if (Result<void> answered = co_await waitForPrograms(); !answered)
            co_return done(answered);
        if (!self)
            co_return closedError();
        if (shown || m_stateHits != hitsBefore)
            co_return done({});
    }
}

void InspectorSession::setBusyFlag(bool &flag, bool on)
{
    if (flag == on)
        return;
    const bool wasBusy = isBusy();
    flag = on;
    if (isBusy() != wasBusy)
        Q_EMIT busyChanged(isBusy());
}

void InspectorSession::setStepping(bool stepping)
{
    setBusyFlag(m_stepping, stepping);
}

void InspectorSession::finishRun()
{
    m_running = false;
    m_pauseRequested = false;
    Q_EMIT statusChanged();
    Q_EMIT runningChanged(false);
}

QCoro::Task<void> InspectorSession::run()
{
    if (m_running || !m_system || m_replaying)
        co_return;
    QPointer<InspectorSession> self(this);
    m_running = true;
    m_pauseRequested = false;
    Q_EMIT statusChanged();
    Q_EMIT runningChanged(true);
    if (recordedStepsLeft() > 0 && m_stateBreakpoints->hasEnabled()) {
        // An open counterexample with breakpoints on state: its steps one by one, as Step plays
        // them, so that the run stops right after the step that makes a condition true.
        LocalNetwork *net = LocalNetwork::instance();
        while (recordedStepsLeft() > 0 && !m_pauseRequested) {
            if (!playRecordedStep())
                break;
            co_await net->settle();
            if (!self)
                co_return;
        }
        m_store->flush();
        finishRun();
        co_return;
    }
    if (recordedStepsLeft() > 0) {
        // An open counterexample: play the rest of it, then wait at its end.
        std::vector<TrafficEvent> rest(m_script.begin() + qsizetype(m_scriptNext), m_script.end());
        m_applyingScript = true;
        Result<int> played = co_await LocalNetwork::instance()->replay(TrafficLog(std::move(rest)));
        if (!self)
            co_return;
        m_applyingScript = false;
        m_running = false;
        if (played) {
            m_scriptNext = m_script.size();
            m_store->flush();
            Q_EMIT message(recordingEndText(), 15000);
        } else {
            leaveRecording(tr("The system no longer follows the recorded run: %1").arg(played.error().message()));
        }
        finishRun();
        co_return;
    }
    // The first message is delivered even if it matches: "run" from a breakpoint goes on.
    bool first = true;
    std::optional<PendingMessage> hit;
    if (m_runSpeed > 0) {
        // At a chosen speed: one message, then a pause, so that people can follow.
        LocalNetwork *net = LocalNetwork::instance();
        const auto interval = std::chrono::milliseconds(qMax<qint64>(1, qint64(1000.0 / m_runSpeed)));
        while (!m_pauseRequested) {
            const QList<PendingMessage> pending = net->pendingMessages();
            if (pending.isEmpty()) {
                if (!net->advanceClock())
                    break;
                if (Result<void> answered = co_await waitForPrograms(); !answered || !self) {
                    if (!self)
                        co_return;
                    break;
                }
            } else {
                if (!first && breakpointMatches(pending.front())) {
                    hit = pending.front();
                    break;
                }
                first = false;
                const bool shown = isShown(pending.front());
                if (!net->step())
                    break;
                if (Result<void> answered = co_await waitForPrograms(); !answered || !self) {
                    if (!self)
                        co_return;
                    break;
                }
                if (!shown) {
                    // Hidden plumbing goes by without a pause: the speed is that of what is shown.
                    co_await net->settle(1);
                    if (!self)
                        co_return;
                    continue;
                }
            }
            co_await QCoro::sleepFor(interval);
            if (!self)
                co_return;
        }
    } else {
        // Stops at the next message when the session has gone. The callback captures references
        // only: GCC 12 may destroy a temporary of a co_await expression twice.
        hit = co_await LocalNetwork::instance()->runUntil(
            [&self, &first](const PendingMessage &m) {
                if (!self)
                    return true;
                const bool stop = self->m_pauseRequested || (!first && self->breakpointMatches(m));
                first = false;
                return stop;
            },
            1'000'000, true);
        if (!self)
            co_return;
    }
    m_running = false;
    if (hit && !m_pauseRequested) {
        Q_EMIT message(tr("Breakpoint: %1 → %2 %3").arg(hit->from, hit->to, hit->path), 8000);
        Q_EMIT breakpointHit(hit->id);
    }
    finishRun();
}

void InspectorSession::pause()
{
    if (m_running)
        m_pauseRequested = true;
}

QCoro::Task<void> InspectorSession::runUntilIdle()
{
    if (m_running || !m_system || m_replaying)
        co_return;
    QPointer<InspectorSession> self(this);
    m_running = true;
    Q_EMIT statusChanged();
    Q_EMIT runningChanged(true);
    // (References only in the callback: see run().)
    co_await LocalNetwork::instance()->runUntil([&self](const PendingMessage &) { return !self || self->m_pauseRequested; });
    if (!self)
        co_return;
    finishRun();
}

// ---- sessions and files ----

Result<void> InspectorSession::saveSession(const QString &fileName)
{
    if (!m_system)
        return Error(ErrorCode::InvalidArgument, tr("There is no system to save"));
    m_store->flush();
    mas::system::Session session;
    session.demo = m_demoId;
    session.systemFile = m_systemFile;
    if (m_systemFile.isEmpty() && isFileSystem(m_demoId))
        session.processes = m_processes;
    session.parameters = m_system->parameters();
    // A LocalQueue system's log is the network's; a system on sockets has what was watched.
    session.log = m_system->queue() ? recordedLog() : m_store->toLog();
    MAS_TRY_VOID(session.save(fileName));
    Q_EMIT message(tr("Saved %1").arg(QFileInfo(fileName).fileName()), 5000);
    return {};
}

namespace {

/// `done` of `total` in percent (100 for nothing to do).
int percent(qint64 done, qint64 total)
{
    return total > 0 ? int(std::clamp<qint64>(done * 100 / total, 0, 100)) : 100;
}

/// How long a slice of the load may hold the GUI thread (its own CPU time): adding events to a
/// store no view watches. The window repaints between slices (the progress bar), which costs
/// about as much whatever the slice's size, so the slices are as long as the stall aim (100 ms)
/// comfortably allows.
constexpr double kSliceMs = 30;

/// The GUI thread's own time in ms (a slice's budget: on a busy machine the wall clock runs on
/// while other programs have the processor, and would make the slices, and their repaints, many).
double threadMs()
{
#ifdef CLOCK_THREAD_CPUTIME_ID
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
#endif
    static QElapsedTimer wall;
    if (!wall.isValid())
        wall.start();
    return double(wall.nsecsElapsed()) / 1e6;
}
constexpr std::chrono::milliseconds kTurn{0};

} // namespace

void InspectorSession::cancelLoad()
{
    if (m_reader)
        m_reader->cancel();
    if (m_adding)
        m_addingCancelled = true;
}

QCoro::Task<Result<void>> InspectorSession::openSession(QString fileName)
{
    QPointer<InspectorSession> self(this);
    if (m_reader)
        m_reader->cancel(); // one file at a time: the newer one
    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    setBusyFlag(m_opening, true);
    Result<void> opened = co_await openSessionFile(fileName);
    if (!self || generation != m_loadGeneration)
        co_return opened; // a newer open goes on
    m_loading = false;
    setBusyFlag(m_opening, false);
    Q_EMIT loadFinished();
    co_return opened;
}

QCoro::Task<Result<void>> InspectorSession::readFile(QString fileName, std::function<void(QIODevice *)> work)
{
    QPointer<InspectorSession> self(this);
    const quint64 generation = m_loadGeneration;
    const QString name = QFileInfo(fileName).fileName();
    // Read and parsed on a thread of its own: a large file (1,000,000 events: about two seconds
    // of parsing) would otherwise freeze the window. The file is plain data; nothing of the
    // session is touched until the result is back, so a cancelled reading leaves all as it was.
    FileReader reader(fileName);
    m_reader = &reader;
    connect(&reader, &FileReader::progress, this, [this, name](qint64 done, qint64 total) {
        Q_EMIT loadProgress(LoadStage::Reading, done, total);
        Q_EMIT message(tr("Reading %1… %2%").arg(name).arg(percent(done, total)), 0);
    });
    Result<void> read = co_await reader.run(work);
    if (!self)
        co_return closedError();
    if (m_reader == &reader)
        m_reader = nullptr;
    if (generation != m_loadGeneration)
        co_return read; // a newer open goes on: it has the status bar
    if (read)
        Q_EMIT message(QString(), 1);
    else if (read.error().code() == ErrorCode::Cancelled) {
        qCInfo(lcSession) << "Opening" << fileName << "was cancelled";
        Q_EMIT message(tr("Opening %1 was cancelled: nothing changed").arg(name), 8000);
    } else {
        Q_EMIT message(QString(), 1);
    }
    co_return read;
}

QCoro::Task<Result<TrafficLog>> InspectorSession::readLog(QString fileName)
{
    QPointer<InspectorSession> self(this);
    if (m_loading)
        co_return Error(ErrorCode::InvalidArgument, tr("Another file is being opened"));
    m_loading = true;
    auto loaded = std::make_shared<std::optional<Result<TrafficLog>>>();
    const std::function<void(QIODevice *)> work = [loaded](QIODevice *file) { *loaded = TrafficLog::read(file); };
    Result<void> read = co_await readFile(fileName, work); // (no temporaries: see openSessionFile())
    if (!self)
        co_return closedError();
    m_loading = false;
    Q_EMIT loadFinished();
    if (!read)
        co_return read.error();
    if (!loaded->has_value())
        co_return Error(ErrorCode::Timeout, tr("Reading %1 took too long").arg(fileName));
    co_return std::move(**loaded);
}

QCoro::Task<Result<void>> InspectorSession::openSessionFile(QString fileName)
{
    QPointer<InspectorSession> self(this);
    const quint64 generation = m_loadGeneration;
    const QString name = QFileInfo(fileName).fileName();
    auto loaded = std::make_shared<std::optional<Result<mas::system::Session>>>();
    // No temporaries inside a co_await expression: GCC 12 may destroy them twice.
    const std::function<void(QIODevice *)> work = [loaded, fileName](QIODevice *file) {
        *loaded = mas::system::Session::read(file, fileName);
    };
    Result<void> read = co_await readFile(fileName, work);
    if (!self)
        co_return closedError();
    if (!read)
        co_return read.error();
    if (generation != m_loadGeneration) // another file is being opened now
        co_return Error(ErrorCode::Cancelled, tr("Reading %1 was cancelled").arg(fileName));
    Q_EMIT message(QString(), 1);
    if (!loaded->has_value())
        co_return Error(ErrorCode::Timeout, tr("Reading %1 took too long").arg(fileName));
    Result<mas::system::Session> session = std::move(**loaded);
    loaded->reset();
    if (!session)
        co_return session.error();
    const mas::system::Parameters p = session->parameters;
    if (p.transport != mas::system::Transport::LocalQueue) {
        // Traffic over sockets cannot be replayed into a fresh system: show it for browsing. Its
        // events go into a store no view watches, a slice at a time (a Cancel meanwhile leaves the
        // window as it was), which then becomes the window's in one go.
        EventStore incoming;
        incoming.setKeepLimit(m_store->keepLimit());
        PlumbingFilter incomingFilter(&incoming);
        incomingFilter.setHiddenClasses(m_filter->hiddenClasses());
        std::vector<TrafficEvent> events = session->log.takeEvents();
        Result<void> added = co_await addLoadedEvents(&incoming, std::move(events), name);
        if (!self)
            co_return closedError();
        if (!added)
            co_return added;
        clear();
        m_filter->adopt(incomingFilter);
        Q_EMIT titleChanged(tr("%1 — MAS Inspector").arg(QFileInfo(fileName).fileName()));
        Q_EMIT message(tr("This session ran over sockets: its messages are shown, not replayed"), 8000);
        Q_EMIT statusChanged();
        co_return Result<void>();
    }
    Q_EMIT loadFinished(); // read; a replay shows its own progress (replayProgress())
    if (!session->systemFile.isEmpty()) {
        // A system described by a file: the file (and its plug-ins) build it again.
        if (Result<void> loaded = loadSystemFile(session->systemFile); !loaded)
            co_return loaded;
        session->demo = m_fileType->id;
    } else if (!session->processes.isEmpty()) {
        // Python programs: started again from their specs.
        setProcesses(session->processes);
        session->demo = m_fileType->id;
    }
    // No temporaries inside a co_await expression: GCC 12 may destroy them twice.
    const QString demoId = session->demo;
    if (session->isCounterexample()) {
        // At its start: the user plays it forward (F10 step by step, F5 to its end).
        if (Result<void> built = newSystem(demoId, p); !built)
            co_return built;
        m_script = session->log.schedule();
        m_scriptNext = 0;
        m_scriptProperty = session->violatedProperty;
        markViolation(m_script, m_scriptProperty);
        Q_EMIT titleChanged(tr("%1 — MAS Inspector").arg(QFileInfo(fileName).fileName()));
        Q_EMIT message(tr("Counterexample to \"%1\" in %n step(s): F10 plays the next step, F5 plays it "
                          "to its end",
                          nullptr, int(m_script.size()))
                           .arg(propertyDisplayName(m_system.get(), m_scriptProperty)),
                       30000);
        Q_EMIT statusChanged();
        co_return Result<void>();
    }
    TrafficLog events = std::move(session->log);
    Result<void> replayed = co_await replayLog(std::move(events), demoId, p);
    if (self && (replayed || replayed.error().code() == ErrorCode::Cancelled))
        Q_EMIT titleChanged(tr("%1 — MAS Inspector").arg(QFileInfo(fileName).fileName()));
    co_return replayed;
}

QCoro::Task<Result<void>> InspectorSession::addLoadedEvents(EventStore *into, std::vector<TrafficEvent> events,
                                                           QString name)
{
    QPointer<InspectorSession> self(this);
    const quint64 generation = m_loadGeneration;
    m_addingCancelled = false;
    m_adding = true;
    into->beginLoad(std::move(events));
    const qsizetype total = into->loadLeft();
    Q_EMIT loadProgress(LoadStage::Adding, 0, total);
    // No view watches `into` (only its teaching view's filter), so a slice is adding alone: the
    // window does not repaint for it, and the views take everything once, at the end.
    while (into->loadLeft() > 0) {
        const double start = threadMs();
        while (into->loadLeft() > 0 && threadMs() - start < kSliceMs) {
            into->addLoaded(2048);
            into->flush(); // the teaching view's filter takes them
        }
        const qsizetype done = total - into->loadLeft();
        Q_EMIT loadProgress(LoadStage::Adding, done, total);
        Q_EMIT message(tr("Adding the events of %1… %2%").arg(name).arg(percent(done, total)), 0);
        // The event loop turns: the window paints, takes input (Cancel) and runs queued calls.
        co_await QCoro::sleepFor(kTurn);
        if (!self)
            co_return closedError();
        if (m_loadGeneration != generation) {
            m_adding = false; // (until the newer file's adding)
            co_return Error(ErrorCode::Cancelled, tr("Reading %1 was cancelled").arg(name)); // another file is being opened
        }
        if (m_addingCancelled)
            break;
    }
    m_adding = false;
    if (m_addingCancelled) {
        qCInfo(lcSession) << "Opening" << name << "was cancelled while its events were added";
        Q_EMIT message(tr("Opening %1 was cancelled: nothing changed").arg(name), 8000);
        co_return Error(ErrorCode::Cancelled, tr("Reading %1 was cancelled").arg(name));
    }
    Q_EMIT message(QString(), 1);
    co_return Result<void>();
}

std::optional<quint64> InspectorSession::endOfStep(quint64 sequence) const
{
    m_store->flush();
    const EventStore::Events events = m_store->events();
    auto it = std::find_if(events.begin(), events.end(), [sequence](const TrafficEvent &e) { return e.sequence == sequence; });
    if (it == events.end())
        return std::nullopt;
    // What a step produced (a handler's sends, timers that ran) follows it up to the next action.
    while (std::next(it) != events.end() && !std::next(it)->isAction())
        ++it;
    return it->sequence;
}

namespace {
/// How long Step Back waits for the consequences of the last step it replayed.
constexpr qint64 kStepConsequencesWaitMs = 5000;
/// How often it looks again meanwhile (after the event loop's turns).
constexpr std::chrono::milliseconds kStepConsequencesPoll{10};

/// Whether two actions are the same step of a run (TrafficLog::schedule()): the same kind, on
/// the same message (a clock move: to the same time).
bool sameStep(const TrafficEvent &a, const TrafficEvent &b)
{
    if (a.kind != b.kind)
        return false;
    if (a.kind == TrafficEvent::Kind::ClockChanged)
        return a.simTime == b.simTime;
    return a.messageId == b.messageId;
}

/// How many steps of `steps`, from the first, are those of `counterexample`.
size_t commonSteps(const std::vector<TrafficEvent> &steps, const std::vector<TrafficEvent> &counterexample)
{
    size_t i = 0;
    while (i < steps.size() && i < counterexample.size() && sameStep(steps[i], counterexample[i]))
        ++i;
    return i;
}
} // namespace

std::vector<TrafficEvent> InspectorSession::liveCounterexample() const
{
    if (!m_violationLive || !m_violatingStep || m_violatedProperty.isEmpty())
        return {};
    std::vector<TrafficEvent> steps = recordedLog().schedule();
    const TrafficEvent &violating = *m_violatingStep;
    const auto it = std::find_if(steps.begin(), steps.end(), [&violating](const TrafficEvent &e) {
        return e.sequence == violating.sequence && sameStep(e, violating);
    });
    if (it == steps.end())
        return {};
    steps.erase(std::next(it), steps.end());
    return steps;
}

QCoro::Task<Result<quint64>> InspectorSession::replayTo(quint64 sequence)
{
    QPointer<InspectorSession> self(this);
    if (Result<void> ready = checkNotReplaying(); !ready)
        co_return ready.error();
    if (m_running)
        co_return Error(ErrorCode::InvalidArgument, tr("Another run or step is going on"));
    m_store->flush();
    // In the bounded-memory mode, as far back as the kept events reach.
    const quint64 requested = sequence;
    const bool pastKept = m_storeIsRecord && m_store->droppedCount() > 0 && m_store->size() > 0
                          && sequence < m_store->at(0).sequence;
    if (pastKept)
        sequence = m_store->at(0).sequence;
    const std::optional<quint64> end = endOfStep(sequence);
    if (!end)
        co_return Error(ErrorCode::InvalidArgument, tr("There is no event %1 to step back to").arg(sequence));
    std::vector<TrafficEvent> events;
    if (m_storeIsRecord) {
        const TrafficLog recorded = m_store->replayableLog(); // the dropped actions first
        for (const TrafficEvent &e : recorded.events()) {
            if (e.sequence > sequence)
                break;
            events.push_back(e);
        }
    } else {
        for (const TrafficEvent &e : m_store->events()) {
            if (e.sequence > sequence)
                break;
            events.push_back(e);
        }
    }
    TrafficLog log(std::move(events));
    const mas::system::Parameters parameters = m_system ? m_system->parameters() : mas::system::Parameters{};
    const QString demoId = m_demoId;
    const QString title = m_title; // the same run, rebuilt
    // An open counterexample (or one the user left): when the steps replayed are its own, it
    // stays open at the step reached (F10 plays its next one); otherwise it is kept as left. A
    // violation found live is the counterexample of the run's steps up to and including its
    // step: it stays open the same way, before its step as after it.
    std::vector<TrafficEvent> counterexample;
    QString property;
    bool foundLive = false;
    if (!m_counterexampleSchedule.empty() && !m_violatedProperty.isEmpty()) {
        counterexample = m_counterexampleSchedule;
        property = m_violatedProperty;
        foundLive = m_violationLive;
    } else if (std::vector<TrafficEvent> live = liveCounterexample(); !live.empty()) {
        counterexample = std::move(live);
        // By its id, as a counterexample's file names it (the Why panel's Analyse re-checks it).
        const std::optional<mas::system::Invariant> invariant = findProperty(m_system.get(), m_violatedProperty);
        property = invariant && !invariant->id.isEmpty() ? invariant->id : m_violatedProperty;
        foundLive = true;
    } else if (!m_left.schedule.empty()) {
        counterexample = m_left.schedule;
        property = m_left.property;
        foundLive = m_left.live;
    }
    const std::vector<TrafficEvent> steps = log.schedule();
    const size_t common = commonSteps(steps, counterexample);
    const bool within = !counterexample.empty() && (common == steps.size() || common == counterexample.size());
    // No temporaries inside a co_await expression: GCC 12 may destroy them twice.
    const QString marked = within ? property : QString();
    std::vector<TrafficEvent> markedSteps;
    if (within)
        markedSteps = counterexample;
    const bool markedLive = within && foundLive;
    Result<void> r = co_await replayLog(std::move(log), demoId, parameters, marked, std::move(markedSteps), markedLive);
    if (!self)
        co_return closedError();
    QString where; // what became of the counterexample, for the status line
    if (!counterexample.empty() && m_system) {
        const qsizetype count = qsizetype(counterexample.size());
        if (within) {
            // As far as the replay got (a Cancel may stop it early): its steps, from the first.
            m_store->flush();
            const size_t replayedSteps = recordedLog().schedule().size();
            const size_t played = std::min(replayedSteps, counterexample.size());
            m_script = std::move(counterexample);
            m_scriptNext = played;
            m_scriptProperty = property;
            const QString name = propertyDisplayName(m_system.get(), property);
            if (recordedStepsLeft() > 0 && foundLive)
                where = tr("%n step(s) before step %1, which broke \"%2\": F10 plays the next step toward it", nullptr,
                           int(recordedStepsLeft()))
                            .arg(count)
                            .arg(name);
            else if (recordedStepsLeft() > 0)
                where = tr("step %1 of %2 of the counterexample: F10 plays its next step").arg(played).arg(count);
            else if (violationReached() && replayedSteps > played)
                where = tr("%n step(s) after step %1, which broke \"%2\" (the Violation tab keeps it)", nullptr,
                           int(replayedSteps - played))
                            .arg(count)
                            .arg(name);
            else if (violationReached())
                where = tr("at step %1, which broke \"%2\" (the Violation tab shows it)").arg(count).arg(name);
        } else {
            m_left = {std::move(counterexample), property, qsizetype(common), foundLive};
            where = tr("this run left the counterexample after step %1 of %2 (the Violation tab keeps it)")
                        .arg(common)
                        .arg(count);
            Q_EMIT violationChanged();
        }
        Q_EMIT statusChanged();
    }
    if (!r && r.error().code() != ErrorCode::Cancelled)
        co_return r.error();
    if (!title.isEmpty())
        Q_EMIT titleChanged(title); // also when cancelled: the same run, as far as it was replayed
    if (!r)
        co_return r.error();
    const auto lastSequence = [this]() -> quint64 {
        m_store->flush();
        if (m_storeIsRecord)
            return m_store->size() > 0 ? m_store->at(m_store->size() - 1).sequence : 0;
        const TrafficLog &now = LocalNetwork::instance()->eventLog();
        return now.size() > 0 ? now.events().back().sequence : 0;
    };
    // What the last replayed step started (a handler's sends, from the event loop) may still
    // be on its way: wait for it, a bounded time, before comparing with the recording.
    quint64 last = lastSequence();
    QElapsedTimer waited;
    waited.start();
    // (Event-loop turns, then a short pause, rather than awaiting eventRecorded: a signal
    // awaiter is resumed once more, after it is gone, when several events come in one turn.)
    LocalNetwork *net = LocalNetwork::instance();
    while (last < *end && waited.elapsed() < kStepConsequencesWaitMs) {
        co_await net->settle();
        if (!self)
            co_return closedError();
        last = lastSequence();
        if (last >= *end)
            break;
        co_await QCoro::sleepFor(kStepConsequencesPoll);
        if (!self)
            co_return closedError();
        last = lastSequence();
    }
    if (last != *end)
        co_return Error(ErrorCode::InvalidMessage,
                        tr("Stepping back to event %1 ended at event %2 instead of %3").arg(sequence).arg(last).arg(*end));
    if (pastKept) {
        Q_EMIT message(tr("Event %1 is no longer kept (only the last %n event(s) are): stepped back to event %2, "
                          "as far back as the kept events reach",
                          nullptr, int(keepEvents()))
                           .arg(requested)
                           .arg(last),
                       15000);
        co_return last;
    }
    QString text = last == sequence ? tr("Stepped back to event %1").arg(sequence)
                                    : tr("Stepped back to event %1 (the end of the step that produced event %2)")
                                          .arg(last)
                                          .arg(sequence);
    if (!where.isEmpty())
        text = tr("%1; %2").arg(text, where);
    Q_EMIT message(text, where.isEmpty() ? 8000 : 15000);
    co_return last;
}

Result<void> InspectorSession::playRecordedStep()
{
    const TrafficEvent action = m_script[m_scriptNext];
    m_applyingScript = true;
    Result<void> done = LocalNetwork::instance()->apply(action);
    m_applyingScript = false;
    if (!done) {
        leaveRecording(tr("The system no longer follows the recorded run at step %1: %2")
                           .arg(m_scriptNext + 1)
                           .arg(done.error().message()));
        return done;
    }
    ++m_scriptNext;
    if (recordedStepsLeft() == 0) {
        // The step's consequences (a handler's messages, a timer's) come from the event loop.
        QTimer::singleShot(0, this, [this] {
            if (!m_system)
                return;
            Q_EMIT message(recordingEndText(), 15000);
        });
    }
    Q_EMIT statusChanged();
    return {};
}

void InspectorSession::leaveRecording(const QString &why)
{
    if (m_script.empty())
        return;
    // Kept as a record (the Violation panel shows it): a step back to where the run still
    // followed it opens it again (replayTo()).
    LeftCounterexample left{m_counterexampleSchedule.empty() ? m_script : m_counterexampleSchedule,
                            m_violatedProperty.isEmpty() ? m_scriptProperty : m_violatedProperty,
                            qsizetype(m_scriptNext), m_violationLive};
    m_script.clear();
    m_scriptNext = 0;
    clearViolation(); // its violating step will not come
    m_left = std::move(left);
    qCInfo(lcSession) << "Left the counterexample after step" << m_left.at << "of" << m_left.schedule.size();
    Q_EMIT violationChanged();
    Q_EMIT message(why, 15000);
    Q_EMIT statusChanged();
}

QString InspectorSession::recordingEndText() const
{
    if (!m_system || !propertyViolated(*m_system, m_scriptProperty))
        return tr("End of the recorded run");
    const QString name = propertyDisplayName(m_system.get(), m_scriptProperty);
    // A violation found live, stepped back to and played again.
    if (m_violationLive)
        return tr("Step %1 broke \"%2\" again, as when the violation was found").arg(qsizetype(m_script.size())).arg(name);
    return tr("End of the counterexample: \"%1\" is violated").arg(name);
}

void InspectorSession::setReplaying(bool replaying)
{
    setBusyFlag(m_replaying, replaying);
}

QCoro::Task<Result<void>> InspectorSession::replayLog(TrafficLog log, QString demoId, mas::system::Parameters parameters,
                                                     QString property, std::vector<TrafficEvent> counterexample,
                                                     bool foundLive)
{
    QPointer<InspectorSession> self(this);
    // Busy from the start: nothing steps the system while it is rebuilt and replayed.
    setReplaying(true);
    if (Result<void> built = newSystem(demoId, parameters); !built) {
        setReplaying(false);
        co_return built;
    }
    if (!property.isEmpty())
        markViolation(counterexample.empty() ? log.schedule() : counterexample, property, foundLive);
    const qsizetype total = log.size();
    Q_EMIT replayProgress(0, total);
    QMetaObject::Connection progress = connect(m_store, &EventStore::eventsAppended, this,
                                               [this, total](qsizetype, qsizetype last) { Q_EMIT replayProgress(last + 1, total); });
    Q_EMIT message(tr("Replaying %n event(s)…", nullptr, int(total)), 0);
    m_restoringState = true;
    m_replayCancelled = false;
    Result<int> replayed = co_await LocalNetwork::instance()->replay(std::move(log));
    if (!self)
        co_return closedError();
    setReplaying(false);
    m_restoringState = false;
    m_stateBreakpoints->rebase();
    disconnect(progress);
    Q_EMIT replayProgress(total, -1);
    m_store->flush();
    Q_EMIT statusChanged();
    if (!replayed && m_replayCancelled && replayed.error().code() == ErrorCode::Cancelled)
        co_return replayCancelled(total);
    if (!replayed)
        co_return replayed.error();
    Q_EMIT message(tr("Replayed %n action(s)", nullptr, *replayed), 5000);
    co_return Result<void>();
}

void InspectorSession::cancelReplay()
{
    if (!m_replaying)
        return;
    m_replayCancelled = true;
    LocalNetwork::instance()->cancelReplay();
}

Error InspectorSession::replayCancelled(qsizetype total)
{
    m_replayCancelled = false;
    m_store->flush();
    const qsizetype reached = std::min(total, m_store->size() + m_store->droppedCount());
    qCInfo(lcSession) << "Replay cancelled at event" << reached << "of" << total;
    const QString text = tr("Replay cancelled at event %1 of %2: stepping goes on from there").arg(reached).arg(total);
    Q_EMIT message(text, 30000);
    Q_EMIT statusChanged();
    return Error(ErrorCode::Cancelled, text);
}

Result<InspectorSession::RunComparison> InspectorSession::compareWith(const QString &logFile) const
{
    QFile file(logFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidArgument, tr("Cannot read %1: %2").arg(logFile, file.errorString()));
    MAS_TRY(other, TrafficLog::read(&file)); // a session's header line is skipped
    return compareWith(other, logFile);
}

namespace {

/// The session header of `fileName` alone (its first line), without its events: enough to
/// build its system again for the names. None for a bare log or a file that cannot be read.
std::optional<mas::system::Session> sessionHeader(const QString &fileName)
{
    QFile file(fileName);
    if (fileName.isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray header = file.readLine(1 << 20);
    QBuffer buffer(&header);
    buffer.open(QIODevice::ReadOnly);
    Result<mas::system::Session> session = mas::system::Session::read(&buffer, fileName);
    if (!session)
        return std::nullopt;
    return std::move(*session);
}

} // namespace

Result<InspectorSession::RunComparison> InspectorSession::compareWith(const TrafficLog &other,
                                                                      const QString &fileName) const
{
    m_store->flush();
    const TrafficLog mine = m_store->toLog();
    RunComparison comparison;
    comparison.divergence = compareRuns(mine, other);
    const QHash<QString, QString> names = displayNames();
    // The other run's agents by the other run's names (as mas explore --compare names them): its
    // session says which system ran; a bare log's agents keep their addresses.
    std::optional<mas::system::Session> recorded = sessionHeader(fileName);
    if (recorded) // its events give the queue it was recorded on
        recorded->log = other;
    const QHash<QString, QString> otherNames = recorded ? recorded->recordedDisplayNames() : QHash<QString, QString>();
    comparison.text = describeDivergence(
        comparison.divergence, mine, other, [&names](const QString &address) { return names.value(address); },
        [&otherNames](const QString &address) { return otherNames.value(address); });
    return comparison;
}

Result<void> InspectorSession::exportCsv(const QAbstractItemModel *model, const QString &fileName)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error(ErrorCode::InvalidArgument, tr("Could not write %1").arg(fileName));
    QTextStream out(&file);
    const auto quote = [](QString s) {
        s.replace(u'"', QStringLiteral("\"\""));
        return u'"' + s + u'"';
    };
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << quote(model->headerData(c, Qt::Horizontal).toString());
    out << header.join(u',') << '\n';
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model->columnCount(); ++c) {
            const QModelIndex index = model->index(r, c);
            const QString tip = index.data(Qt::ToolTipRole).toString();
            cells << quote(tip.isEmpty() ? index.data().toString() : tip);
        }
        out << cells.join(u',') << '\n';
    }
    out.flush();
    if (!file.commit())
        return Error(ErrorCode::InvalidArgument, tr("Could not write %1").arg(fileName));
    return {};
}

} // namespace mas::ui
