// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QAbstractItemModel>
#include <QList>
#include <QPointer>

#include <functional>

#include <memory>
#include <vector>

namespace mas {
class Agent;
class Container;
} // namespace mas

namespace mas::ui {

/// Containers and their agents as a tree: one top-level row per container (base address,
/// number of agents, connections) with a child row per agent (id, type name, address).
///
/// \code
/// auto *agents = new mas::ui::AgentTreeModel(this);
/// agents->addContainer(container);   // follows agentAdded / agentRemoved / connectionsChanged
/// treeView->setModel(agents);
/// auto *agent = index.data(mas::ui::AgentTreeModel::AgentRole).value<mas::Agent *>();
/// \endcode
/// Containers are not owned: a destroyed container disappears from the model. Texts are
/// cached when a row is added, so a row stays readable while its agent is being destroyed.
/// Lives in the containers' (GUI) thread.
class AgentTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,    ///< container: base address; agent: its id ("0", "1", ...)
        TypeColumn,    ///< container: "Container"; agent: its type name
        DetailsColumn, ///< container: agents and connections; agent: its address
        StateColumn,   ///< agent: its protocol state (see setStateProvider()); empty otherwise
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        AgentRole = Qt::UserRole + 1, ///< mas::Agent * (agent rows; null when gone)
        ContainerRole,           ///< mas::Container * (container rows, and an agent's container)
        AddressRole,             ///< QString: the agent's URL or the container's base address
        AgentCountRole,          ///< int (container rows)
        OutgoingConnectionsRole, ///< int (container rows)
        IncomingConnectionsRole, ///< int (container rows)
    };
    Q_ENUM(Role)

    // construction
    explicit AgentTreeModel(QObject *parent = nullptr);
    ~AgentTreeModel() override;

    // containers
    /// Shows `container` and its agents, and follows their changes. Adding one twice does nothing.
    void addContainer(Container *container);
    /// An agent of a container in another process (e.g. one the Inspector is attached to).
    struct RemoteAgent
    {
        QString aid;
        QString typeName;
        QString address;
    };
    /// Shows a container of another process with these agents (a snapshot: it does not change;
    /// its rows have no Container or Agent object).
    void addRemoteContainer(const QString &baseAddress, const QList<RemoteAgent> &agents);
    /// A program of another process the system runs (a Python program of a ProcessSystem): a
    /// top-level row after the containers, with no children.
    struct ProcessRow
    {
        QString name;    ///< "ring.py 1", "node 1"
        QString details; ///< where it listens
        QString tooltip; ///< its command line, say
        QString state;   ///< "running", "exited with status 1", ...
    };
    /// Shows these programs (replacing those shown before; an empty list removes them).
    void setProcesses(const QList<ProcessRow> &processes);
    /// Stops showing `container`. Returns whether it was shown.
    bool removeContainer(Container *container);
    /// Shows nothing.
    void clear();
    /// How to describe an agent's state ("leader", "voted yes", ...); none by default. Call
    /// refreshStates() when states change.
    void setStateProvider(std::function<QString(const Agent *)> provider);
    /// Re-reads every agent's state (one dataChanged() for the state column).
    void refreshStates();
    /// How to name an agent by its address ("node 1 (id 25)"; empty: none, its id is shown).
    /// With a provider, container rows show their short address ("inspector-1"). The address
    /// stays in the tooltip and AddressRole.
    void setNameProvider(std::function<QString(const QString &address)> provider);
    /// The containers shown, in row order.
    QList<Container *> containers() const;

    // access
    QModelIndex containerIndex(const Container *container, int column = 0) const;
    QModelIndex agentIndex(const Agent *agent, int column = 0) const;
    /// The agent of an agent row, or null.
    Agent *agent(const QModelIndex &index) const;
    /// The container of a container row or of an agent row, or null.
    Container *container(const QModelIndex &index) const;

    // QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct AgentEntry;
    struct ContainerEntry;

    int rowOf(const ContainerEntry *entry) const;
    ContainerEntry *entryOf(const QModelIndex &index) const;
    void onAgentAdded(ContainerEntry *entry, Agent *agent);
    void onAgentRemoved(ContainerEntry *entry, const QString &aid);
    void onConnectionsChanged(ContainerEntry *entry);
    void removeEntry(ContainerEntry *entry);
    QVariant containerData(const ContainerEntry &entry, int column, int role) const;
    QVariant
    agentData(const ContainerEntry &entry, const AgentEntry &agent, int column, int role) const;

    std::vector<std::unique_ptr<ContainerEntry>> m_containers;
    /// Rows by entry, for rowOf(); emptied whenever m_containers changes.
    mutable QHash<const ContainerEntry *, int> m_rowCache;
    std::function<QString(const Agent *)> m_stateProvider;
    std::function<QString(const QString &)> m_nameProvider;
};

} // namespace mas::ui
