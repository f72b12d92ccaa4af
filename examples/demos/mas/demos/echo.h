// SPDX-License-Identifier: MIT
#pragma once

#include <mas/demos/demoagent.h>
#include <mas/demos/demosystem.h>

#include <QHash>
#include <QSet>
#include <QStringList>

namespace mas::demos {

/// A node of the echo (wave) algorithm: knows the URLs of its neighbours.
///
/// One message, `token(sender)`. The initiator sends it to all neighbours. Another node takes
/// the sender of its first token as its parent and sends the token on to all other neighbours;
/// once it has heard from every neighbour it echoes a token to its parent. When the initiator
/// has heard from every neighbour, it decides: the parents form a spanning tree.
class EchoAgent : public DemoAgent
{
    Q_OBJECT

public:
    EchoAgent(mas::Container *container, quint32 seed, bool initiator);

    void setNeighbours(const QStringList &urls) { m_neighbours = urls; }
    QStringList neighbours() const { return m_neighbours; }
    bool isInitiator() const { return m_initiator; }
    /// The neighbour it first heard from (empty for the initiator and before the wave).
    QString parent() const { return m_parent; }
    /// The neighbours it has heard from.
    QSet<QString> heardFrom() const { return m_heard; }
    /// It sent its echo to its parent.
    bool hasEchoed() const { return m_echoed; }
    /// The initiator heard from every neighbour.
    bool hasDecided() const { return m_decided; }
    /// The initiator's start: tokens to every neighbour.
    void initiate();

    /// Its role, for people: see SystemAgent::displayName().
    QString displayName() const override;
    QString stateText() const override;
    /// initiator, parent, heard (sorted), echoed, decided.
    Value::Map stateFields() const override;

    // messages
    bool token(const QString &sender);

private:
    void maybeEcho();

    bool m_initiator;
    QStringList m_neighbours;
    QString m_parent;
    QSet<QString> m_heard;
    bool m_started = false;
    bool m_echoed = false;
    bool m_decided = false;
};

/// The echo algorithm on a connected random graph drawn from the seed (a random tree plus
/// about agents / 2 extra edges); node 0 initiates.
class Echo : public DemoSystem
{
    Q_OBJECT

public:
    static Result<std::unique_ptr<DemoSystem>> create(const QString &queueId,
                                                      const DemoParameters &parameters);
    static DemoInfo info();

    QString id() const override;
    QString title() const override;
    bool isFinished() const override;
    QString outcome() const override;
    QList<Invariant> invariants() const override;

    QList<EchoAgent *> nodes() const;
    EchoAgent *initiator() const;
    /// The graph's edges as pairs of node indices (a < b), sorted.
    QList<std::pair<int, int>> edges() const { return m_edges; }
    /// Whether the parents form a tree rooted at the initiator that reaches every node that
    /// has a parent (all nodes once the initiator decided).
    bool parentsFormTree(bool requireAll) const;

protected:
    void begin() override;

private:
    using DemoSystem::DemoSystem;
    EchoAgent *byAddress(const QString &url) const;

    QList<QPointer<EchoAgent>> m_nodes;
    QList<std::pair<int, int>> m_edges;
    QHash<QString, int> m_index; // address -> node index
};

} // namespace mas::demos
