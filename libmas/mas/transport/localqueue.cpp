// SPDX-License-Identifier: MIT
// The queues: ids of the in-process network, each with one server (see localnetwork_p.h).
#include "localqueue.h"

#include "localnetwork_p.h"

#include <QCoreApplication>
#include <QHash>
#include <QPointer>

namespace mas {

namespace {

QHash<QString, QPointer<LocalQueue>> &registry()
{
    static QHash<QString, QPointer<LocalQueue>> queues;
    return queues;
}

} // namespace

LocalQueue::LocalQueue(const QString &queueId, QObject *parent)
    : QObject(parent)
    , m_queueId(queueId)
{}

LocalQueue::~LocalQueue()
{
    // Devices outlive us only in their channels; they write into the network, not into us.
    if (registry().value(m_queueId) == this)
        registry().remove(m_queueId);
}

LocalQueue *LocalQueue::get(const QString &queueId)
{
    Q_ASSERT_X(!queueId.isEmpty() && !queueId.contains(u'/'), "LocalQueue::get", "invalid queue id");
    QPointer<LocalQueue> &slot = registry()[queueId];
    if (!slot)
        slot = new LocalQueue(queueId, QCoreApplication::instance());
    return slot;
}

LocalQueue *LocalQueue::find(const QString &queueId)
{
    return registry().value(queueId);
}

void LocalQueue::clearCache()
{
    const auto queues = registry();
    registry().clear();
    for (const QPointer<LocalQueue> &q : queues)
        delete q.data();
    LocalNetwork::instance()->reset();
}

QString LocalQueue::queueId() const
{
    return m_queueId;
}

Result<void> LocalQueue::setServer(std::function<void(QIODevice *)> onConnection, const QString &name,
                                   const QString &codecName)
{
    if (m_server)
        return Error(ErrorCode::AddressInUse, tr("LocalQueue('%1') already has a server").arg(m_queueId));
    m_server = std::move(onConnection);
    m_serverName = name.isEmpty() ? QStringLiteral("local://%1/").arg(m_queueId) : name;
    m_serverCodec = codecName;
    return {};
}

void LocalQueue::unsetServer()
{
    m_server = nullptr;
}

void LocalQueue::setServerName(const QString &name)
{
    if (!name.isEmpty())
        m_serverName = name;
}

bool LocalQueue::hasServer() const
{
    return bool(m_server);
}

Result<QIODevice *> LocalQueue::connectToServer(const QString &clientName, const QString &codecName)
{
    if (!m_server)
        return Error(ErrorCode::ConnectionRefused,
                     tr("Cannot connect to local://%1: no container serves this queue").arg(m_queueId));
    LocalConnection &c = network()->d->addConnection(clientName, m_serverName,
                                                     codecName.isEmpty() ? m_serverCodec : codecName, m_queueId);
    LocalQueueDevice *server = c.server;
    LocalQueueDevice *client = c.client;
    m_server(server);
    return static_cast<QIODevice *>(client);
}

} // namespace mas
