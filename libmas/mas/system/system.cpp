// SPDX-License-Identifier: MIT
#include <mas/system/system.h>

#include <mas/system/systemagent.h>
#include "logging_p.h"

#include <mas/agent/agentregistry.h>
#include <QFileInfo>
#include <QPluginLoader>

#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/transport/address.h>
#include <mas/transport/localqueue.h>

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>

namespace mas::system {

Q_LOGGING_CATEGORY(lcSystem, "mas.system", QtWarningMsg)

namespace {

constexpr int kMaxAgents = 500;
/// Turns of the event loop an idle LocalQueue with messages in flight must stay idle before the
/// free-running system moves its clock (as LocalNetwork::runUntil() counts idle rounds).
constexpr int kIdleChecks = 3;
// sockaddr_un::sun_path holds 108 bytes on Linux (104 on macOS), the terminating zero included.
constexpr qsizetype kMaxSocketPath = 100;

/// Where socket `index` lives in `dir`: short names, since socket paths are limited.
QString socketPath(const QTemporaryDir &dir, int index)
{
    return dir.path() + QStringLiteral("/%1.sock").arg(index);
}

} // namespace

QString transportName(Transport transport)
{
    switch (transport) {
    case Transport::LocalQueue:
        return QStringLiteral("local");
    case Transport::Tcp:
        return QStringLiteral("tcp");
    case Transport::Unix:
        return QStringLiteral("unix");
    }
    return {};
}

Result<Transport> parseTransport(QStringView name)
{
    for (Transport transport :
         {Transport::LocalQueue, Transport::Tcp, Transport::Unix}) {
        if (name == transportName(transport))
            return transport;
    }
    return Error(ErrorCode::InvalidArgument,
                 QCoreApplication::translate("mas::system",
                                             "Unknown transport \"%1\": expected local, tcp or unix")
                     .arg(name.toString()));
}

System::System(const QString &queueId, const Parameters &parameters)
    : m_queueId(queueId)
    , m_parameters(parameters)
{
    // Time starts at 0 on a fixed date, so that nothing an agent sees depends on when it ran.
    const QDateTime start = parameters.clockStart.isValid()
                                ? parameters.clockStart
                                : QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc());
    m_clock = new mas::ExternalClock(start, 0, this);
}

System::~System()
{
    // The subclass is gone: no agent may reach the virtual functions through our slots now.
    for (const QPointer<SystemAgent> &agent : std::as_const(m_agents)) {
        if (agent)
            disconnect(agent, nullptr, this, nullptr);
    }
    // Nor the network and the clock: the containers' closing is no news for the clock check.
    if (mas::LocalNetwork *net = network())
        disconnect(net, nullptr, this, nullptr);
    disconnect(m_clock, nullptr, this, nullptr);
    // Containers first (they close their connections and fail pending calls), then the clock.
    qDeleteAll(m_containers);
    m_containers.clear();
}

Result<void> System::checkParameters(const Parameters &parameters, int minAgents)
{
    if (parameters.agents < minAgents || parameters.agents > kMaxAgents) {
        return Error(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("mas::system", "A demo needs %1 to %2 agents, not %3")
                .arg(minAgents)
                .arg(kMaxAgents)
                .arg(parameters.agents));
    }
    if (parameters.requestTimeout.count() <= 0) {
        return Error(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("mas::system", "The request timeout must be positive"));
    }
    return {};
}

Result<mas::Address> System::containerAddress(int index)
{
    switch (m_parameters.transport) {
    case Transport::LocalQueue:
        // Each on its own queue id (local://ID, local://ID-1, local://ID-2, ...), so every
        // message on the network shows which agent sent it.
        return mas::Address::local(index == 0 ? m_queueId
                                              : QStringLiteral("%1-%2").arg(m_queueId).arg(index));
    case Transport::Tcp:
        return mas::Address::tcp(QStringLiteral("127.0.0.1"), 0); // the OS picks the port
    case Transport::Unix:
        break;
    }
    if (!m_socketDir) {
        // The system's temporary directory is tried first; if its path is too long for a socket
        // (a deep TMPDIR), /tmp.
        const QString pattern = QStringLiteral("/mas-XXXXXX");
        m_socketDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + pattern);
        const qsizetype longest = QFile::encodeName(socketPath(*m_socketDir, kMaxAgents)).size();
        if (!m_socketDir->isValid() || longest > kMaxSocketPath)
            m_socketDir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp") + pattern);
        if (!m_socketDir->isValid()) {
            const QString why = m_socketDir->errorString();
            m_socketDir.reset();
            return Error(ErrorCode::InvalidAddress,
                         QCoreApplication::translate(
                             "mas::system", "Cannot create a directory for the sockets: %1")
                             .arg(why));
        }
    }
    const QString path = socketPath(*m_socketDir, index);
    if (QFile::encodeName(path).size() > kMaxSocketPath) {
        return Error(
            ErrorCode::InvalidAddress,
            QCoreApplication::translate("mas::system", "The socket path \"%1\" is too long").arg(path));
    }
    return mas::Address::ipc(path);
}

Result<void> System::createContainers()
{
    return createContainers(m_parameters.agents);
}

Result<void> System::createContainers(int count)
{
    Q_ASSERT(m_containers.isEmpty());
    const bool local = m_parameters.transport == Transport::LocalQueue;
    if (local && (m_queueId.isEmpty() || m_queueId.contains(u'/'))) {
        return Error(
            ErrorCode::InvalidAddress,
            QCoreApplication::translate("mas::system", "Invalid queue id \"%1\"").arg(m_queueId));
    }
    mas::ContainerOptions options;
    options.codec = m_parameters.codec;
    options.clock = m_clock; // borrowed: the system owns it and its containers
    options.channel.requestTimeout = m_parameters.requestTimeout;
    // One container per agent, as in a distributed system. On LocalQueues all queues share the
    // one in-process network, so one step() orders them all; on sockets, the network delivers.
    for (int i = 0; i < count; ++i) {
        Result<mas::Address> address = containerAddress(i);
        Result<mas::Container *> container =
            address ? mas::Container::createNow(*address, options, nullptr)
                    : Result<mas::Container *>(address.error());
        if (!container) {
            qDeleteAll(m_containers);
            m_containers.clear();
            return container.error();
        }
        m_containers.append(*container);
    }
    if (mas::LocalNetwork *net = network(); net && !net->clock())
        net->setClock(m_clock);
    // Time moves on when the system is quiet: after a timer was set, and after the last
    // message in flight was settled (SystemAgent::allMessagesSettled, see addAgent()).
    connect(m_clock, &mas::Clock::timersChanged, this, &System::scheduleClockCheck);
    if (mas::LocalNetwork *net = network()) {
        connect(net, &mas::LocalNetwork::pendingChanged, this, &System::scheduleClockCheck);
        connect(net, &mas::LocalNetwork::modeChanged, this, &System::scheduleClockCheck);
    }
    return {};
}

mas::Container *System::containerFor(int index) const
{
    Q_ASSERT(!m_containers.isEmpty());
    return m_containers.at(index % m_containers.size());
}

void System::addAgent(SystemAgent *agent)
{
    agent->m_roleIndex = int(m_agents.size());
    m_agents.append(agent);
    connect(agent, &SystemAgent::stateChanged, this, &System::onAgentChanged);
    connect(agent, &SystemAgent::allMessagesSettled, this, &System::scheduleClockCheck);
    connect(agent, &SystemAgent::messageLost, this,
            [this, agent](const QString &to, const QString &method, const mas::Error &error) {
                Q_EMIT messageLost(agent->address(), to, method, error);
            });
}

QHash<QString, QString> System::displayNames() const
{
    QHash<QString, QString> names;
    for (const SystemAgent *agent : agents()) {
        const QString name = agent->displayName();
        if (name.isEmpty())
            continue;
        names.insert(agent->address(), name);
        const mas::Container *container = agent->container();
        if (container && container->agents().size() == 1)
            names.insert(container->baseAddress(), name);
    }
    return names;
}

mas::LocalQueue *System::queue() const
{
    if (m_parameters.transport != Transport::LocalQueue)
        return nullptr;
    return mas::LocalQueue::find(m_queueId);
}

mas::LocalNetwork *System::network() const
{
    return queue() ? mas::LocalNetwork::instance() : nullptr;
}

bool System::isFreeRunning() const
{
    if (m_parameters.transport != Transport::LocalQueue)
        return true;
    const mas::LocalNetwork *net = network();
    return net && net->mode() == mas::LocalNetwork::Mode::FreeRunning;
}

bool System::isQuiet() const
{
    for (const QPointer<SystemAgent> &agent : m_agents) {
        if (agent && agent->messagesInFlight() > 0)
            return false;
    }
    const mas::LocalNetwork *net = network();
    return !net || net->isIdle();
}

void System::scheduleClockCheck()
{
    // Stepped, the check would find nothing to do (advanceClockIfQuiet()); a switch to
    // free-running schedules it again (modeChanged).
    if (m_clockCheckScheduled || !m_started || !isFreeRunning())
        return;
    m_clockCheckScheduled = true;
    // From the event loop: the handler or timer that made the system quiet finishes first, and
    // what it started (a sleep, a send) is seen.
    QTimer::singleShot(0, this, &System::advanceClockIfQuiet);
}

void System::advanceClockIfQuiet()
{
    m_clockCheckScheduled = false;
    if (!isFreeRunning() || !m_clock->nextDeadline())
        return;
    if (!isQuiet()) {
        // On a LocalQueue, messages may be in flight with nothing pending: their frames were
        // dropped, and their deadlines are timers of the clock. Once the network stays idle for
        // a few turns of the event loop (handlers resume from posted events and may still
        // send), only time can move the system on.
        const mas::LocalNetwork *net = network();
        if (!net || !net->isIdle()) {
            m_idleChecks = 0;
            return;
        }
        if (++m_idleChecks < kIdleChecks) {
            m_clockCheckScheduled = true;
            QTimer::singleShot(0, this, &System::advanceClockIfQuiet);
            return;
        }
    }
    m_idleChecks = 0;
    qCDebug(lcSystem) << id() << "is quiet: the clock moves to" << *m_clock->nextDeadline();
    if (Result<void> moved = m_clock->advanceToNextTimer(); !moved)
        qCWarning(lcSystem) << "cannot move the clock:" << moved.error().toString();
}

QList<mas::Container *> System::containers() const
{
    return m_containers;
}

QList<SystemAgent *> System::agents() const
{
    QList<SystemAgent *> result;
    result.reserve(m_agents.size());
    for (const QPointer<SystemAgent> &agent : m_agents) {
        if (agent)
            result.append(agent.data());
    }
    return result;
}

void System::start()
{
    if (m_started)
        return;
    m_started = true;
    qCDebug(lcSystem) << id() << "starts on" << m_queueId;
    begin();
    onAgentChanged();
    scheduleClockCheck();
}

QStringList InvariantExplanation::agents() const
{
    QStringList result;
    for (const StateFieldRef &ref : involved) {
        if (!result.contains(ref.agent))
            result.append(ref.agent);
    }
    return result;
}

bool InvariantExplanation::involves(const QString &agent, const QString &field) const
{
    return std::any_of(involved.begin(), involved.end(), [&](const StateFieldRef &ref) {
        return ref.agent == agent && (ref.field.isEmpty() || ref.field == field);
    });
}

void InvariantExplanation::add(const QString &agent, const QString &field)
{
    const StateFieldRef ref{agent, field};
    if (!involved.contains(ref))
        involved.append(ref);
}

InvariantExplanation Invariant::explanationDetailed() const
{
    InvariantExplanation result;
    if (explainDetailed)
        result = explainDetailed();
    if (result.text.isEmpty()) {
        if (explain)
            result.text = explain();
        if (result.text.isEmpty())
            result.text = description;
    }
    return result;
}

QString Invariant::explanation() const
{
    if (explainDetailed) {
        if (const QString text = explainDetailed().text; !text.isEmpty())
            return text;
    }
    if (explain) {
        if (const QString text = explain(); !text.isEmpty())
            return text;
    }
    return description;
}

QCoro::Task<Result<void>> System::waitForAnswers()
{
    co_return Result<void>();
}

QList<Invariant> System::goals() const
{
    QPointer<const System> self(this);
    return {Invariant{QStringLiteral("stuck"), QStringLiteral("stuck"),
                      QCoreApplication::translate("mas::system::Explorer",
                                                  "The system is quiet but has not finished: nothing more will happen."),
                      [self] { return self && self->isFinished(); },
                      [self] { return self ? self->outcome() : QString(); },
                      [self] {
                          // Nobody in particular: every agent is waiting.
                          InvariantExplanation e;
                          if (self) {
                              e.text = self->outcome();
                              for (SystemAgent *agent : self->agents())
                                  e.add(agent->address());
                          }
                          return e;
                      }}};
}

Value::Map System::stateFields() const
{
    Value::Map fields;
    for (const QPointer<SystemAgent> &agent : m_agents) {
        if (agent)
            fields.emplace_back(Value(agent->address()), Value(agent->stateFields()));
    }
    return fields;
}

QStringList System::violatedInvariants() const
{
    QStringList names;
    for (const Invariant &invariant : invariants()) {
        if (!invariant.holds())
            names.append(invariant.name);
    }
    return names;
}

QString System::stateText() const
{
    QString text;
    for (const QPointer<SystemAgent> &agent : m_agents) {
        if (!agent)
            continue;
        text += agent->address() + QStringLiteral(": ") + agent->stateText() + u'\n';
    }
    return text;
}

namespace {

/// FNV-1a over UTF-16 code units, low byte first: the same on every platform.
quint64 hashText(QStringView text, quint64 h)
{
    constexpr quint64 prime = 1099511628211ull;
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        h = (h ^ quint64(unit & 0xff)) * prime;
        h = (h ^ quint64(unit >> 8)) * prime;
    }
    return h;
}

} // namespace

quint64 System::stateHash() const
{
    // The text stateText() would build, hashed piece by piece (no concatenation, no UTF-8
    // conversion, no cryptographic digest: a search hashes every state it reaches, and
    // SHA-256 of the text cost a tenth of a replayed search).
    quint64 h = 14695981039346656037ull;
    for (const QPointer<SystemAgent> &agent : m_agents) {
        if (!agent)
            continue;
        h = hashText(agent->address(), h);
        h = hashText(u": ", h);
        h = hashText(agent->stateText(), h);
        h = hashText(u"\n", h);
    }
    // splitmix64's finaliser: FNV's low bits alone mix poorly.
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

void System::onAgentChanged()
{
    Q_EMIT stateChanged();
    if (!m_finishedSignalled && m_started && isFinished()) {
        m_finishedSignalled = true;
        qCDebug(lcSystem) << id() << "finished:" << outcome();
        Q_EMIT finished();
    }
}

// ---- SystemRegistry ----

SystemRegistry &SystemRegistry::global()
{
    static SystemRegistry registry;
    return registry;
}

Result<void> SystemRegistry::add(SystemType type)
{
    if (type.id.isEmpty() || !type.build)
        return Error(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("mas::system", "A system type needs an id and a build function"));
    if (find(type.id))
        return Error(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("mas::system", "There is a system type \"%1\" already").arg(type.id));
    m_types.append(std::move(type));
    return {};
}

Result<void> SystemRegistry::add(const QList<SystemType> &types)
{
    QStringList ids;
    for (const SystemType &type : types) {
        if (type.id.isEmpty() || !type.build)
            return Error(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("mas::system", "A system type needs an id and a build function"));
        if (find(type.id) || ids.contains(type.id))
            return Error(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("mas::system", "There is a system type \"%1\" already").arg(type.id));
        ids << type.id;
    }
    m_types.append(types);
    return {};
}

bool SystemRegistry::remove(QStringView id)
{
    return m_types.removeIf([id](const SystemType &t) { return t.id == id; }) > 0;
}

const SystemType *SystemRegistry::find(QStringView id) const
{
    for (const SystemType &type : m_types) {
        if (type.id == id)
            return &type;
    }
    return nullptr;
}

QList<SystemType> SystemRegistry::types() const
{
    return m_types;
}

QStringList SystemRegistry::ids() const
{
    QStringList result;
    for (const SystemType &type : m_types)
        result << type.id;
    return result;
}

Result<QStringList> SystemRegistry::loadPlugin(const QString &fileName)
{
    // The agent types first: AgentRegistry checks the metadata before loading any code.
    MAS_TRY(agentTypes, AgentRegistry::global().loadPlugin(fileName));
    Q_UNUSED(agentTypes)
    const QString canonical = QFileInfo(fileName).canonicalFilePath();
    if (m_pluginFiles.contains(canonical))
        return QStringList();
    QPluginLoader loader(canonical);
    auto *plugin = qobject_cast<SystemPlugin *>(loader.instance());
    m_pluginFiles << canonical;
    if (!plugin)
        return QStringList(); // agent types only
    const QList<SystemType> types = plugin->systemTypes();
    if (Result<void> added = addInvariants(plugin->invariantTypes()); !added)
        return Error(ErrorCode::PluginError, QStringLiteral("%1: %2").arg(fileName, added.error().message()));
    if (Result<void> added = add(types); !added)
        return Error(ErrorCode::PluginError,
                     QStringLiteral("%1: %2").arg(fileName, added.error().message()));
    QStringList ids;
    for (const SystemType &type : types)
        ids << type.id;
    qCDebug(lcSystem).noquote() << "loaded the systems" << ids.join(QStringLiteral(", ")) << "from" << fileName;
    return ids;
}

Result<QStringList> SystemRegistry::reloadPlugin(const QString &fileName)
{
    // Each rebuild is loaded from a copy of its own: never unloaded, never under an old path.
    static QTemporaryDir copies(QDir::tempPath() + QStringLiteral("/mas-plugin-copies-XXXXXX"));
    static int generation = 0;
    if (!copies.isValid())
        return Error(ErrorCode::PluginError,
                     QCoreApplication::translate("mas::system", "Cannot make a directory for plug-in copies: %1")
                         .arg(copies.errorString()));
    const QString directory = copies.filePath(QString::number(++generation));
    const QString copy = directory + u'/' + QFileInfo(fileName).fileName();
    if (!QDir().mkpath(directory) || !QFile::copy(fileName, copy))
        return Error(ErrorCode::PluginError,
                     QCoreApplication::translate("mas::system", "Cannot copy the plug-in %1 to %2").arg(fileName, copy));
    MAS_TRY(agentTypes, AgentRegistry::global().reloadPlugin(copy));
    Q_UNUSED(agentTypes)
    QPluginLoader loader(QFileInfo(copy).canonicalFilePath());
    auto *plugin = qobject_cast<SystemPlugin *>(loader.instance());
    m_pluginFiles << QFileInfo(copy).canonicalFilePath();
    if (!plugin)
        return QStringList();
    QStringList ids;
    for (const SystemType &type : plugin->systemTypes()) {
        remove(type.id);
        m_types.append(type);
        ids << type.id;
    }
    for (const InvariantType &type : plugin->invariantTypes()) {
        m_invariants.removeIf([&type](const InvariantType &t) { return t.id == type.id; });
        m_invariants.append(type);
    }
    qCInfo(lcSystem).noquote() << "reloaded" << fileName << "from" << copy;
    return ids;
}

Result<QStringList> SystemRegistry::loadPlugins(const QString &directory, QList<Error> *errors)
{
    QList<Error> agentErrors;
    // Loads every agent plug-in there (and reports the broken ones) ...
    MAS_TRY(agentNames, AgentRegistry::global().loadPlugins(directory, &agentErrors));
    Q_UNUSED(agentNames)
    for (const Error &e : agentErrors) {
        if (errors)
            errors->append(e);
        else
            qCWarning(lcSystem).noquote() << e.message();
    }
    // ... then takes the systems of those that offer some.
    QStringList ids;
    for (const QString &file : AgentRegistry::global().pluginFiles()) {
        if (QFileInfo(file).absolutePath() != QFileInfo(directory).canonicalFilePath())
            continue;
        Result<QStringList> added = loadPlugin(file);
        if (!added) {
            if (errors)
                errors->append(added.error());
            else
                qCWarning(lcSystem).noquote() << added.error().message();
            continue;
        }
        ids << *added;
    }
    return ids;
}

Result<void> SystemRegistry::addInvariants(const QList<InvariantType> &types)
{
    QStringList ids;
    for (const InvariantType &type : types) {
        if (type.id.isEmpty() || !type.make)
            return Error(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("mas::system", "An invariant type needs an id and a make function"));
        if (findInvariant(type.id) || ids.contains(type.id))
            return Error(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("mas::system", "There is an invariant \"%1\" already").arg(type.id));
        ids << type.id;
    }
    m_invariants.append(types);
    return {};
}

const InvariantType *SystemRegistry::findInvariant(QStringView id) const
{
    for (const InvariantType &type : m_invariants) {
        if (type.id == id)
            return &type;
    }
    return nullptr;
}

QList<InvariantType> SystemRegistry::invariantTypes() const
{
    return m_invariants;
}

SystemPlugin::~SystemPlugin() = default;

} // namespace mas::system
