// SPDX-License-Identifier: MIT
#include "demosystem.h"

#include "demoagent.h"
#include "logging_p.h"

#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/transport/address.h>
#include <mas/transport/localqueue.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <QtEndian>

namespace mas::demos {

Q_LOGGING_CATEGORY(lcDemos, "mas.demos", QtWarningMsg)

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

QString demoTransportName(DemoTransport transport)
{
    switch (transport) {
    case DemoTransport::LocalQueue:
        return QStringLiteral("local");
    case DemoTransport::Tcp:
        return QStringLiteral("tcp");
    case DemoTransport::Unix:
        return QStringLiteral("unix");
    }
    return {};
}

Result<DemoTransport> parseDemoTransport(QStringView name)
{
    for (DemoTransport transport :
         {DemoTransport::LocalQueue, DemoTransport::Tcp, DemoTransport::Unix}) {
        if (name == demoTransportName(transport))
            return transport;
    }
    return Error(ErrorCode::InvalidArgument,
                 QCoreApplication::translate("mas::demos",
                                             "Unknown transport \"%1\": expected local, tcp or unix")
                     .arg(name.toString()));
}

DemoSystem::DemoSystem(const QString &queueId, const DemoParameters &parameters)
    : m_queueId(queueId)
    , m_parameters(parameters)
{
    // Time starts at 0 on a fixed date, so that nothing an agent sees depends on when it ran.
    m_clock = new mas::ExternalClock(QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()), 0,
                                     this);
}

DemoSystem::~DemoSystem()
{
    // The subclass is gone: no agent may reach the virtual functions through our slots now.
    for (const QPointer<DemoAgent> &agent : std::as_const(m_agents)) {
        if (agent)
            disconnect(agent, nullptr, this, nullptr);
    }
    // Containers first (they close their connections and fail pending calls), then the clock.
    qDeleteAll(m_containers);
    m_containers.clear();
}

Result<void> DemoSystem::checkParameters(const DemoParameters &parameters, int minAgents)
{
    if (parameters.agents < minAgents || parameters.agents > kMaxAgents) {
        return Error(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("mas::demos", "A demo needs %1 to %2 agents, not %3")
                .arg(minAgents)
                .arg(kMaxAgents)
                .arg(parameters.agents));
    }
    if (parameters.requestTimeout.count() <= 0) {
        return Error(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("mas::demos", "The request timeout must be positive"));
    }
    return {};
}

Result<mas::Address> DemoSystem::containerAddress(int index)
{
    switch (m_parameters.transport) {
    case DemoTransport::LocalQueue:
        // Each on its own queue id (local://ID, local://ID-1, local://ID-2, ...), so every
        // message on the network shows which agent sent it.
        return mas::Address::local(index == 0 ? m_queueId
                                              : QStringLiteral("%1-%2").arg(m_queueId).arg(index));
    case DemoTransport::Tcp:
        return mas::Address::tcp(QStringLiteral("127.0.0.1"), 0); // the OS picks the port
    case DemoTransport::Unix:
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
                             "mas::demos", "Cannot create a directory for the sockets: %1")
                             .arg(why));
        }
    }
    const QString path = socketPath(*m_socketDir, index);
    if (QFile::encodeName(path).size() > kMaxSocketPath) {
        return Error(
            ErrorCode::InvalidAddress,
            QCoreApplication::translate("mas::demos", "The socket path \"%1\" is too long").arg(path));
    }
    return mas::Address::ipc(path);
}

Result<void> DemoSystem::createContainers()
{
    Q_ASSERT(m_containers.isEmpty());
    const bool local = m_parameters.transport == DemoTransport::LocalQueue;
    if (local && (m_queueId.isEmpty() || m_queueId.contains(u'/'))) {
        return Error(
            ErrorCode::InvalidAddress,
            QCoreApplication::translate("mas::demos", "Invalid queue id \"%1\"").arg(m_queueId));
    }
    mas::ContainerOptions options;
    options.codec = m_parameters.codec;
    options.clock = m_clock; // has a parent: shared, not taken over
    options.channel.requestTimeout = m_parameters.requestTimeout;
    // One container per agent, as in a distributed system. On LocalQueues all queues share the
    // one in-process network, so one step() orders them all; on sockets, the network delivers.
    for (int i = 0; i < m_parameters.agents; ++i) {
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
    if (mas::LocalQueue *q = queue(); q && !q->clock())
        q->setClock(m_clock);
    // Time moves on when the system is quiet: after a timer was set, and after the last
    // message in flight was settled (DemoAgent::allMessagesSettled, see addAgent()).
    connect(m_clock, &mas::Clock::timersChanged, this, &DemoSystem::scheduleClockCheck);
    if (mas::LocalQueue *q = queue()) {
        connect(q, &mas::LocalQueue::pendingChanged, this, &DemoSystem::scheduleClockCheck);
        connect(q, &mas::LocalQueue::modeChanged, this, &DemoSystem::scheduleClockCheck);
    }
    return {};
}

mas::Container *DemoSystem::containerFor(int index) const
{
    Q_ASSERT(!m_containers.isEmpty());
    return m_containers.at(index % m_containers.size());
}

void DemoSystem::addAgent(DemoAgent *agent)
{
    m_agents.append(agent);
    connect(agent, &DemoAgent::stateChanged, this, &DemoSystem::onAgentChanged);
    connect(agent, &DemoAgent::allMessagesSettled, this, &DemoSystem::scheduleClockCheck);
    connect(agent, &DemoAgent::messageLost, this,
            [this, agent](const QString &to, const QString &method, const mas::Error &error) {
                Q_EMIT messageLost(agent->address(), to, method, error);
            });
}

mas::LocalQueue *DemoSystem::queue() const
{
    if (m_parameters.transport != DemoTransport::LocalQueue)
        return nullptr;
    return mas::LocalQueue::find(m_queueId);
}

bool DemoSystem::isFreeRunning() const
{
    if (m_parameters.transport != DemoTransport::LocalQueue)
        return true;
    const mas::LocalQueue *q = queue();
    return q && q->mode() == mas::LocalQueue::Mode::FreeRunning;
}

bool DemoSystem::isQuiet() const
{
    for (const QPointer<DemoAgent> &agent : m_agents) {
        if (agent && agent->messagesInFlight() > 0)
            return false;
    }
    const mas::LocalQueue *q = queue();
    return !q || q->isIdle();
}

void DemoSystem::scheduleClockCheck()
{
    if (m_clockCheckScheduled || !m_started)
        return;
    m_clockCheckScheduled = true;
    // From the event loop: the handler or timer that made the system quiet finishes first, and
    // what it started (a sleep, a send) is seen.
    QTimer::singleShot(0, this, &DemoSystem::advanceClockIfQuiet);
}

void DemoSystem::advanceClockIfQuiet()
{
    m_clockCheckScheduled = false;
    if (!isFreeRunning() || !m_clock->nextDeadline())
        return;
    if (!isQuiet()) {
        // On a LocalQueue, messages may be in flight with nothing pending: their frames were
        // dropped, and their deadlines are timers of the clock. Once the network stays idle for
        // a few turns of the event loop (handlers resume from posted events and may still
        // send), only time can move the system on.
        const mas::LocalQueue *q = queue();
        if (!q || !q->isIdle()) {
            m_idleChecks = 0;
            return;
        }
        if (++m_idleChecks < kIdleChecks) {
            m_clockCheckScheduled = true;
            QTimer::singleShot(0, this, &DemoSystem::advanceClockIfQuiet);
            return;
        }
    }
    m_idleChecks = 0;
    qCDebug(lcDemos) << id() << "is quiet: the clock moves to" << *m_clock->nextDeadline();
    if (Result<void> moved = m_clock->advanceToNextTimer(); !moved)
        qCWarning(lcDemos) << "cannot move the clock:" << moved.error().toString();
}

QList<mas::Container *> DemoSystem::containers() const
{
    return m_containers;
}

QList<DemoAgent *> DemoSystem::agents() const
{
    QList<DemoAgent *> result;
    result.reserve(m_agents.size());
    for (const QPointer<DemoAgent> &agent : m_agents) {
        if (agent)
            result.append(agent.data());
    }
    return result;
}

void DemoSystem::start()
{
    if (m_started)
        return;
    m_started = true;
    qCDebug(lcDemos) << id() << "starts on" << m_queueId;
    begin();
    onAgentChanged();
    scheduleClockCheck();
}

QStringList DemoSystem::violatedInvariants() const
{
    QStringList names;
    for (const Invariant &invariant : invariants()) {
        if (!invariant.holds())
            names.append(invariant.name);
    }
    return names;
}

QString DemoSystem::stateText() const
{
    QString text;
    for (const QPointer<DemoAgent> &agent : m_agents) {
        if (!agent)
            continue;
        text += agent->address() + QStringLiteral(": ") + agent->stateText() + u'\n';
    }
    return text;
}

quint64 DemoSystem::stateHash() const
{
    const QByteArray digest =
        QCryptographicHash::hash(stateText().toUtf8(), QCryptographicHash::Sha256);
    return qFromBigEndian<quint64>(digest.constData());
}

void DemoSystem::onAgentChanged()
{
    Q_EMIT stateChanged();
    if (!m_finishedSignalled && m_started && isFinished()) {
        m_finishedSignalled = true;
        qCDebug(lcDemos) << id() << "finished:" << outcome();
        Q_EMIT finished();
    }
}

} // namespace mas::demos
