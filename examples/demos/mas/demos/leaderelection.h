// SPDX-License-Identifier: MIT
#pragma once

#include <mas/demos/demoagent.h>
#include <mas/demos/demosystem.h>

namespace mas::demos {

/// A node of the Chang–Roberts ring: knows its id and the URL of the next node.
///
/// Messages (one-way calls): `wakeup()` (sent to itself when it starts by itself),
/// `election(id)` and `elected(id)`. A node that wakes sends election(own id); on election(j) it
/// forwards a larger j, swallows a smaller one (waking up if it slept), and on its own id it is
/// the leader and sends elected(own id) around the ring. The faulty variant forgets to compare
/// while it sleeps: it relays every id and does not wake up, so an id that overtakes the larger
/// nodes' wake-up calls comes home, and a second leader follows.
class LeaderElectionAgent : public DemoAgent
{
    Q_OBJECT

public:
    LeaderElectionAgent(mas::Container *container, quint32 seed, qint64 ringId, bool faulty);

    /// Sets the next node on the ring.
    void setNext(const QString &url) { m_next = url; }
    QString next() const { return m_next; }
    /// The id the election compares (distinct on the ring).
    qint64 ringId() const { return m_ringId; }
    /// Awake: it has sent its own id, or relayed a larger one.
    bool isParticipant() const { return m_participant; }
    /// It saw its own id come home and declared itself the leader.
    bool isLeader() const { return m_isLeader; }
    /// The leader it was told about (its own id if it is the leader); 0: none yet.
    qint64 leader() const { return m_leader; }
    /// A leader whose elected() message has gone round the ring.
    bool isAnnounced() const { return m_announced; }
    /// Sends wakeup() to itself (the start of an initiator).
    void wakeUpLater();

    /// Its role, for people: see SystemAgent::displayName().
    QString displayName() const override;
    QString stateText() const override;
    /// ring_id, participant, leader (null: none known), is_leader, announced.
    Value::Map stateFields() const override;
    /// In a system file's system every node starts by itself: it wakes up.
    void begin() override { wakeUpLater(); }

    // messages
    bool wakeup();
    bool election(qint64 id);
    bool elected(qint64 id);

private:
    void wakeUp();

    qint64 m_ringId;
    bool m_faulty;
    QString m_next;
    bool m_participant = false;
    bool m_isLeader = false;
    bool m_announced = false;
    qint64 m_leader = 0;
};

/// Chang–Roberts leader election on a unidirectional ring of `agents` nodes with distinct ids
/// drawn from the seed. The first `initiators` nodes (all by default) wake up by themselves;
/// the largest id wins and every node learns it.
class LeaderElection : public DemoSystem
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

    /// The nodes in ring order (node i sends to node i + 1).
    QList<LeaderElectionAgent *> nodes() const;
    /// The node that must win: the one with the largest id.
    LeaderElectionAgent *expectedLeader() const;
    /// The nodes that declared themselves leader.
    QList<LeaderElectionAgent *> leaders() const;
    /// How many nodes wake up by themselves (the first ones in ring order).
    int initiatorCount() const;

protected:
    void begin() override;

private:
    using DemoSystem::DemoSystem;
    QList<QPointer<LeaderElectionAgent>> m_nodes;
};

} // namespace mas::demos
