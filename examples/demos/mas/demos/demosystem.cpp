// SPDX-License-Identifier: MIT
#include "demosystem.h"

#include "demoagent.h"
#include "logging_p.h"

#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/transport/address.h>
#include <mas/transport/localqueue.h>

#include <QCryptographicHash>
#include <QTimeZone>
#include <QtEndian>

namespace mas::demos {

Q_LOGGING_CATEGORY(lcDemos, "mas.demos", QtWarningMsg)

namespace {

constexpr int kMaxAgents = 500;

} // namespace

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

Result<void> DemoSystem::createContainers()
{
    Q_ASSERT(m_containers.isEmpty());
    if (m_queueId.isEmpty() || m_queueId.contains(u'/')) {
        return Error(
            ErrorCode::InvalidAddress,
            QCoreApplication::translate("mas::demos", "Invalid queue id \"%1\"").arg(m_queueId));
    }
    mas::ContainerOptions options;
    options.codec = m_parameters.codec;
    options.clock = m_clock; // has a parent: shared, not taken over
    options.channel.requestTimeout = m_parameters.requestTimeout;
    // One container per agent, as in a distributed system: each on its own queue id
    // (local://ID, local://ID-1, local://ID-2, ...), so every message on the network shows which
    // agent sent it. All queues share the one in-process network, so one step() orders them all.
    for (int i = 0; i < m_parameters.agents; ++i) {
        const QString id = i == 0 ? m_queueId : QStringLiteral("%1-%2").arg(m_queueId).arg(i);
        mas::Result<mas::Container *> container = mas::Container::createNow(mas::Address::local(id), options, nullptr);
        if (!container) {
            qDeleteAll(m_containers);
            m_containers.clear();
            return container.error();
        }
        m_containers.append(*container);
    }
    if (mas::LocalQueue *q = queue(); q && !q->clock())
        q->setClock(m_clock);
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
    connect(agent, &DemoAgent::messageLost, this,
            [this, agent](const QString &to, const QString &method, const mas::Error &error) {
                Q_EMIT messageLost(agent->address(), to, method, error);
            });
}

mas::LocalQueue *DemoSystem::queue() const
{
    return mas::LocalQueue::find(m_queueId);
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
