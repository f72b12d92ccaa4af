// SPDX-License-Identifier: MIT
#include "agenttreemodel.h"

#include <mas/trace/messagelabel.h>

#include <mas/agent/agent.h>
#include <mas/agent/container.h>

#include <QFont>

#include <optional>

namespace mas::ui {

struct AgentTreeModel::AgentEntry
{
    QPointer<Agent> agent;
    QString aid;
    QString typeName;
    QString address;
    QString description; // Agent::toString()
};

struct AgentTreeModel::ContainerEntry
{
    QPointer<Container> container;
    QString baseAddress;
    QString description; // Container::toString()
    int outgoing = 0;
    int incoming = 0;
    QList<AgentEntry> agents;
    std::optional<ProcessRow> process; ///< a program's row (setProcesses())

    void readConnections()
    {
        if (container) {
            outgoing = int(container->outgoingConnectionCount());
            incoming = int(container->incomingConnectionCount());
        }
    }
};

namespace {

AgentTreeModel::Role agentRole(int role)
{
    return AgentTreeModel::Role(role);
}

} // namespace

AgentTreeModel::AgentTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

AgentTreeModel::~AgentTreeModel() = default;

void AgentTreeModel::addContainer(Container *container)
{
    if (!container || containerIndex(container).isValid())
        return;
    auto entry = std::make_unique<ContainerEntry>();
    ContainerEntry *e = entry.get();
    e->container = container;
    e->baseAddress = container->baseAddress();
    e->description = container->toString();
    e->readConnections();
    // Agents created but not yet announced are taken now; their agentAdded() is then ignored.
    const QList<Agent *> agents = container->agents();
    for (Agent *agent : agents)
        e->agents.push_back(
            {agent, agent->aid(), agent->typeName(), agent->address(), agent->toString()});

    const int row = int(m_containers.size());
    beginInsertRows({}, row, row);
    m_containers.push_back(std::move(entry));
    m_rowCache.clear();
    endInsertRows();

    connect(container, &Container::agentAdded, this,
            [this, e](Agent *agent) { onAgentAdded(e, agent); });
    connect(container, &Container::agentRemoved, this,
            [this, e](const QString &aid) { onAgentRemoved(e, aid); });
    connect(container, &Container::connectionsChanged, this,
            [this, e] { onConnectionsChanged(e); });
    connect(container, &QObject::destroyed, this, [this, e] { removeEntry(e); });
}

void AgentTreeModel::addRemoteContainer(const QString &baseAddress, const QList<RemoteAgent> &agents)
{
    auto entry = std::make_unique<ContainerEntry>();
    entry->baseAddress = baseAddress;
    entry->description = tr("Container(%1) in another process").arg(baseAddress);
    for (const RemoteAgent &a : agents)
        entry->agents.push_back({nullptr, a.aid, a.typeName, a.address, QStringLiteral("%1('%2')").arg(a.typeName, a.address)});
    const int row = int(m_containers.size());
    beginInsertRows({}, row, row);
    m_containers.push_back(std::move(entry));
    m_rowCache.clear();
    endInsertRows();
}

void AgentTreeModel::setProcesses(const QList<ProcessRow> &processes)
{
    const auto isProcess = [](const std::unique_ptr<ContainerEntry> &e) { return e->process.has_value(); };
    const int first = int(std::find_if(m_containers.begin(), m_containers.end(), isProcess) - m_containers.begin());
    const int shown = int(std::count_if(m_containers.begin(), m_containers.end(), isProcess));
    if (shown == processes.size() && shown > 0 && first + shown == int(m_containers.size())) {
        // the same programs: their texts change
        for (int i = 0; i < shown; ++i)
            m_containers[size_t(first + i)]->process = processes.at(i);
        Q_EMIT dataChanged(index(first, 0), index(first + shown - 1, ColumnCount - 1));
        return;
    }
    for (int row = int(m_containers.size()) - 1; row >= 0; --row) {
        if (m_containers[size_t(row)]->process) {
            beginRemoveRows({}, row, row);
            m_containers.erase(m_containers.begin() + row);
    m_rowCache.clear();
            endRemoveRows();
        }
    }
    if (processes.isEmpty())
        return;
    const int row = int(m_containers.size());
    beginInsertRows({}, row, row + int(processes.size()) - 1);
    for (const ProcessRow &p : processes) {
        auto entry = std::make_unique<ContainerEntry>();
        entry->process = p;
        m_containers.push_back(std::move(entry));
        m_rowCache.clear();
    }
    endInsertRows();
}

void AgentTreeModel::setStateProvider(std::function<QString(const Agent *)> provider)
{
    m_stateProvider = std::move(provider);
    refreshStates();
}

void AgentTreeModel::setNameProvider(std::function<QString(const QString &)> provider)
{
    beginResetModel();
    m_nameProvider = std::move(provider);
    endResetModel();
}

void AgentTreeModel::refreshStates()
{
    for (size_t row = 0; row < m_containers.size(); ++row) {
        const int agents = int(m_containers[row]->agents.size());
        if (agents == 0)
            continue;
        const QModelIndex parent = createIndex(int(row), 0, nullptr);
        Q_EMIT dataChanged(index(0, StateColumn, parent), index(agents - 1, StateColumn, parent), {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

bool AgentTreeModel::removeContainer(Container *container)
{
    const QModelIndex index = containerIndex(container);
    if (!index.isValid())
        return false;
    removeEntry(m_containers[size_t(index.row())].get());
    return true;
}

void AgentTreeModel::clear()
{
    if (m_containers.empty())
        return;
    beginResetModel();
    for (const auto &entry : m_containers) {
        if (entry->container)
            disconnect(entry->container, nullptr, this, nullptr);
    }
    m_containers.clear();
    m_rowCache.clear();
    endResetModel();
}

QList<Container *> AgentTreeModel::containers() const
{
    QList<Container *> result;
    result.reserve(qsizetype(m_containers.size()));
    for (const auto &entry : m_containers)
        result.push_back(entry->container.data());
    return result;
}

int AgentTreeModel::rowOf(const ContainerEntry *entry) const
{
    // parent() asks for every index a view looks at: with 60 containers a search each time was
    // the window's largest cost. The pointer is only compared, never followed: a view may still
    // hold an index of an entry that is gone.
    if (m_rowCache.size() != qsizetype(m_containers.size())) {
        m_rowCache.clear();
        for (size_t row = 0; row < m_containers.size(); ++row)
            m_rowCache.insert(m_containers[row].get(), int(row));
    }
    const auto it = m_rowCache.constFind(entry);
    if (it != m_rowCache.constEnd() && size_t(*it) < m_containers.size() && m_containers[size_t(*it)].get() == entry)
        return *it;
    return -1;
}

AgentTreeModel::ContainerEntry *AgentTreeModel::entryOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (auto *parentEntry = static_cast<ContainerEntry *>(index.internalPointer()))
        return parentEntry;
    return index.row() < int(m_containers.size()) ? m_containers[size_t(index.row())].get()
                                                  : nullptr;
}

QModelIndex AgentTreeModel::containerIndex(const Container *container, int column) const
{
    if (!container)
        return {};
    for (size_t row = 0; row < m_containers.size(); ++row) {
        if (m_containers[row]->container == container)
            return createIndex(int(row), column, nullptr);
    }
    return {};
}

QModelIndex AgentTreeModel::agentIndex(const Agent *agent, int column) const
{
    if (!agent)
        return {};
    for (const auto &entry : m_containers) {
        for (int row = 0; row < entry->agents.size(); ++row) {
            if (entry->agents[row].agent == agent)
                return createIndex(row, column, entry.get());
        }
    }
    return {};
}

Agent *AgentTreeModel::agent(const QModelIndex &index) const
{
    return index.data(AgentRole).value<Agent *>();
}

Container *AgentTreeModel::container(const QModelIndex &index) const
{
    return index.data(ContainerRole).value<Container *>();
}

void AgentTreeModel::onAgentAdded(ContainerEntry *entry, Agent *agent)
{
    if (!agent)
        return;
    for (const AgentEntry &a : std::as_const(entry->agents)) {
        if (a.agent == agent)
            return; // taken in addContainer()
    }
    const int row = rowOf(entry);
    if (row < 0)
        return;
    // Agent ids only grow and are announced in order, so a new agent belongs at the end.
    const QModelIndex parent = createIndex(row, 0, nullptr);
    const int agentRow = int(entry->agents.size());
    beginInsertRows(parent, agentRow, agentRow);
    entry->agents.push_back(
        {agent, agent->aid(), agent->typeName(), agent->address(), agent->toString()});
    endInsertRows();
    Q_EMIT dataChanged(createIndex(row, DetailsColumn, nullptr),
                       createIndex(row, DetailsColumn, nullptr));
}

void AgentTreeModel::onAgentRemoved(ContainerEntry *entry, const QString &aid)
{
    const int row = rowOf(entry);
    if (row < 0)
        return;
    for (int agentRow = 0; agentRow < entry->agents.size(); ++agentRow) {
        if (entry->agents[agentRow].aid == aid) {
            beginRemoveRows(createIndex(row, 0, nullptr), agentRow, agentRow);
            entry->agents.removeAt(agentRow);
            endRemoveRows();
            Q_EMIT dataChanged(createIndex(row, DetailsColumn, nullptr),
                               createIndex(row, DetailsColumn, nullptr));
            return;
        }
    }
}

void AgentTreeModel::onConnectionsChanged(ContainerEntry *entry)
{
    const int row = rowOf(entry);
    if (row < 0)
        return;
    const int outgoing = entry->outgoing;
    const int incoming = entry->incoming;
    entry->readConnections();
    if (outgoing != entry->outgoing || incoming != entry->incoming)
        Q_EMIT dataChanged(createIndex(row, DetailsColumn, nullptr),
                           createIndex(row, DetailsColumn, nullptr));
}

void AgentTreeModel::removeEntry(ContainerEntry *entry)
{
    const int row = rowOf(entry);
    if (row < 0)
        return;
    if (entry->container)
        disconnect(entry->container, nullptr, this, nullptr);
    beginRemoveRows({}, row, row);
    m_containers.erase(m_containers.begin() + row);
    m_rowCache.clear();
    endRemoveRows();
}

QModelIndex AgentTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_containers.size()) ? createIndex(row, column, nullptr) : QModelIndex();
    if (parent.internalPointer() || parent.row() >= int(m_containers.size()))
        return {}; // agents have no children
    ContainerEntry *entry = m_containers[size_t(parent.row())].get();
    return row < entry->agents.size() ? createIndex(row, column, entry) : QModelIndex();
}

QModelIndex AgentTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const auto *entry = static_cast<const ContainerEntry *>(child.internalPointer());
    if (!entry)
        return {};
    const int row = rowOf(entry);
    return row < 0 ? QModelIndex() : createIndex(row, 0, nullptr);
}

int AgentTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_containers.size());
    if (parent.column() != 0 || parent.internalPointer()
        || parent.row() >= int(m_containers.size()))
        return 0;
    return int(m_containers[size_t(parent.row())]->agents.size());
}

int AgentTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant AgentTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    ContainerEntry *entry = entryOf(index);
    if (!entry)
        return {};
    if (index.internalPointer()) {
        if (index.row() >= entry->agents.size())
            return {};
        return agentData(*entry, entry->agents[index.row()], index.column(), role);
    }
    return containerData(*entry, index.column(), role);
}

QVariant AgentTreeModel::containerData(const ContainerEntry &entry, int column, int role) const
{
    if (entry.process) {
        const ProcessRow &p = *entry.process;
        switch (role) {
        case Qt::DisplayRole:
            switch (column) {
            case NameColumn:
                return p.name;
            case TypeColumn:
                return tr("Program");
            case DetailsColumn:
                return p.details;
            case StateColumn:
                return p.state;
            }
            return {};
        case Qt::ToolTipRole:
            return p.tooltip.isEmpty() ? p.name : p.tooltip;
        default:
            break;
        }
        if (role == AddressRole)
            return p.details;
        return {};
    }
    const int agentCount = int(entry.agents.size());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return m_nameProvider ? mas::shortAddress(entry.baseAddress) : entry.baseAddress;
        case TypeColumn:
            return tr("Container");
        case DetailsColumn:
            return tr("agents: %1, connections: %2")
                .arg(agentCount)
                .arg(entry.outgoing + entry.incoming);
        }
        return {};
    case Qt::ToolTipRole:
        if (column == DetailsColumn)
            return tr("Agents: %1\nOutgoing connections: %2\nIncoming connections: %3")
                .arg(agentCount)
                .arg(entry.outgoing)
                .arg(entry.incoming);
        return entry.description;
    case Qt::FontRole:
        if (column == NameColumn) {
            // Only bold: the view's font (zoomed with the window) gives the rest.
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        break;
    }
    switch (agentRole(role)) {
    case AgentRole:
        return QVariant::fromValue<Agent *>(nullptr);
    case ContainerRole:
        return QVariant::fromValue<Container *>(entry.container.data());
    case AddressRole:
        return entry.baseAddress;
    case AgentCountRole:
        return agentCount;
    case OutgoingConnectionsRole:
        return entry.outgoing;
    case IncomingConnectionsRole:
        return entry.incoming;
    }
    return {};
}

QVariant AgentTreeModel::agentData(const ContainerEntry &entry,
                                   const AgentEntry &agent,
                                   int column,
                                   int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            if (m_nameProvider) {
                const QString name = m_nameProvider(agent.address);
                if (!name.isEmpty())
                    return name;
            }
            return agent.aid;
        case TypeColumn:
            return agent.typeName;
        case DetailsColumn:
            return agent.address;
        case StateColumn:
            return m_stateProvider && agent.agent ? m_stateProvider(agent.agent.data()) : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (column == StateColumn && m_stateProvider && agent.agent)
            return m_stateProvider(agent.agent.data());
        return agent.description;
    default:
        break;
    }
    switch (agentRole(role)) {
    case AgentRole:
        return QVariant::fromValue<Agent *>(agent.agent.data());
    case ContainerRole:
        return QVariant::fromValue<Container *>(entry.container.data());
    case AddressRole:
        return agent.address;
    case AgentCountRole:
    case OutgoingConnectionsRole:
    case IncomingConnectionsRole:
        return {};
    }
    return {};
}

QVariant AgentTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractItemModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case TypeColumn:
            return tr("Type");
        case DetailsColumn:
            return tr("Details");
        case StateColumn:
            return tr("State");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn:
            return tr("A container's base address, or an agent's id in its container");
        case TypeColumn:
            return tr("The agent's class");
        case DetailsColumn:
            return tr("A container's agents and open connections, or an agent's address");
        case StateColumn:
            return tr("The agent's protocol state, as its demo describes it");
        }
    }
    return QAbstractItemModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> AgentTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(AgentRole, "agent");
    names.insert(ContainerRole, "container");
    names.insert(AddressRole, "address");
    names.insert(AgentCountRole, "agentCount");
    names.insert(OutgoingConnectionsRole, "outgoingConnections");
    names.insert(IncomingConnectionsRole, "incomingConnections");
    return names;
}

} // namespace mas::ui
