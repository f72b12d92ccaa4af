// SPDX-License-Identifier: MIT
#include "leaderelection.h"

#include <mas/agent/container.h>

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <random>

namespace mas::demos {

// ---- LeaderElectionAgent ----

LeaderElectionAgent::LeaderElectionAgent(mas::Container *container,
                                         quint32 seed,
                                         qint64 ringId,
                                         bool faulty)
    : DemoAgent(container, seed)
    , m_ringId(ringId)
    , m_faulty(faulty)
{
    router().expose(QStringLiteral("wakeup"), this, &LeaderElectionAgent::wakeup);
    router().expose(QStringLiteral("election"), this, &LeaderElectionAgent::election,
                    {QStringLiteral("id")});
    router().expose(QStringLiteral("elected"), this, &LeaderElectionAgent::elected,
                    {QStringLiteral("id")});
}

void LeaderElectionAgent::wakeUpLater()
{
    send(address(), QStringLiteral("wakeup"));
}

QString LeaderElectionAgent::displayName() const
{
    if (!givenDisplayName().isEmpty())
        return givenDisplayName(); // a system file's name
    return tr("node %1 (id %2)").arg(roleIndex() + 1).arg(m_ringId);
}

QString LeaderElectionAgent::stateText() const
{
    QString text = tr("id %1").arg(m_ringId);
    if (m_isLeader)
        text += m_announced ? tr(", leader (announced)") : tr(", leader (announcing)");
    else
        text += m_participant ? tr(", awake") : tr(", asleep");
    if (m_leader != 0 && !(m_isLeader && m_leader == m_ringId))
        text += tr(", knows leader %1").arg(m_leader);
    return text;
}

Value::Map LeaderElectionAgent::stateFields() const
{
    Value::Map fields;
    fields.emplace_back(Value("ring_id"), Value(m_ringId));
    fields.emplace_back(Value("participant"), Value(m_participant));
    fields.emplace_back(Value("leader"), m_leader != 0 ? Value(m_leader) : Value());
    fields.emplace_back(Value("is_leader"), Value(m_isLeader));
    fields.emplace_back(Value("announced"), Value(m_announced));
    return fields;
}

void LeaderElectionAgent::wakeUp()
{
    m_participant = true;
    send(m_next, QStringLiteral("election"), Value::List{Value(m_ringId)});
}

bool LeaderElectionAgent::wakeup()
{
    if (!m_participant) {
        wakeUp();
        changed();
    }
    return true;
}

bool LeaderElectionAgent::election(qint64 id)
{
    if (m_faulty && !m_participant) {
        // The teaching bug: asleep, it relays without comparing.
        send(m_next, QStringLiteral("election"), Value::List{Value(id)});
        return true;
    }
    if (id > m_ringId) {
        m_participant = true;
        send(m_next, QStringLiteral("election"), Value::List{Value(id)});
    } else if (id < m_ringId) {
        if (!m_participant)
            wakeUp(); // a smaller id woke us: our own id runs instead
        // else: swallowed, our own id is on its way
    } else if (!m_isLeader) {
        m_isLeader = true;
        m_participant = true;
        m_leader = m_ringId;
        send(m_next, QStringLiteral("elected"), Value::List{Value(m_ringId)});
    }
    changed();
    return true;
}

bool LeaderElectionAgent::elected(qint64 id)
{
    if (id == m_ringId && m_isLeader) {
        m_announced = true; // home again: everybody knows
    } else {
        m_leader = id;
        send(m_next, QStringLiteral("elected"), Value::List{Value(id)});
    }
    changed();
    return true;
}

// ---- LeaderElection ----

DemoInfo LeaderElection::info()
{
    DemoInfo info;
    info.id = QStringLiteral("leader-election");
    info.title = tr("Ring leader election (Chang–Roberts)");
    info.description = tr(
        "Nodes with distinct ids sit on a one-way ring. A node that wakes up sends its id to its "
        "neighbour; a node forwards larger ids, swallows smaller ones (waking up if it slept) "
        "and, when its own id comes back, declares itself leader and sends elected() round the "
        "ring. The largest id wins in every delivery order.");
    info.faultyDescription =
        tr("A sleeping node relays every id without comparing. Deliver one node's messages before "
           "the others wake up: its id comes home, and later the largest id does too — two "
           "leaders.");
    info.messages = {
        {QStringLiteral("wakeup()"),
         tr("A node's alarm to itself: it wakes up and sends its own id to its successor.")},
        {QStringLiteral("election(id)"),
         tr("A candidate's id on its way round the ring. The receiver passes it on if it is larger "
            "than its own id, swallows it if it is smaller, and becomes the leader if it is its own.")},
        {QStringLiteral("elected(id)"),
         tr("Sent once round the ring by the new leader, so that every node learns who leads.")},
        {QStringLiteral("→ result"),
         tr("The acknowledgement of a message: it arrived. A message without one is sent again when "
            "its deadline passes.")},
    };
    info.build = &LeaderElection::create;
    return info;
}

Result<std::unique_ptr<DemoSystem>> LeaderElection::create(const QString &queueId,
                                                           const DemoParameters &parameters)
{
    MAS_TRY_VOID(checkParameters(parameters));
    std::unique_ptr<LeaderElection> system(new LeaderElection(queueId, parameters));
    MAS_TRY_VOID(system->createContainers());

    // Distinct ids, drawn in ring order.
    std::mt19937 random(parameters.seed);
    const quint32 range = quint32(std::max(100, 10 * parameters.agents));
    QSet<qint64> used;
    for (int i = 0; i < parameters.agents; ++i) {
        qint64 ringId = 0;
        do {
            ringId = 1 + qint64(random() % range);
        } while (used.contains(ringId));
        used.insert(ringId);
        auto *node =
            new LeaderElectionAgent(system->containerFor(i), random(), ringId, parameters.faulty);
        system->m_nodes.append(node);
        system->addAgent(node);
    }
    for (int i = 0; i < parameters.agents; ++i)
        system->m_nodes[i]->setNext(system->m_nodes[(i + 1) % parameters.agents]->address());
    return std::unique_ptr<DemoSystem>(std::move(system));
}

QString LeaderElection::id() const
{
    return info().id;
}

QString LeaderElection::title() const
{
    return info().title;
}

int LeaderElection::initiatorCount() const
{
    const int n = int(m_nodes.size());
    const int k = parameters().initiators;
    return k <= 0 ? n : std::min(k, n);
}

void LeaderElection::begin()
{
    for (int i = 0; i < initiatorCount(); ++i) {
        if (m_nodes[i])
            m_nodes[i]->wakeUpLater();
    }
}

QList<LeaderElectionAgent *> LeaderElection::nodes() const
{
    QList<LeaderElectionAgent *> result;
    for (const auto &node : m_nodes) {
        if (node)
            result.append(node.data());
    }
    return result;
}

LeaderElectionAgent *LeaderElection::expectedLeader() const
{
    LeaderElectionAgent *best = nullptr;
    for (LeaderElectionAgent *node : nodes()) {
        if (!best || node->ringId() > best->ringId())
            best = node;
    }
    return best;
}

QList<LeaderElectionAgent *> LeaderElection::leaders() const
{
    QList<LeaderElectionAgent *> result;
    for (LeaderElectionAgent *node : nodes()) {
        if (node->isLeader())
            result.append(node);
    }
    return result;
}

bool LeaderElection::isFinished() const
{
    const QList<LeaderElectionAgent *> all = nodes();
    if (all.size() != m_nodes.size())
        return false; // a node was removed: it will never learn the leader
    for (int i = 0; i < initiatorCount(); ++i) {
        if (!all[i]->isParticipant())
            return false; // a wake-up call is still on its way
    }
    const QList<LeaderElectionAgent *> declared = leaders();
    if (declared.isEmpty())
        return false;
    for (LeaderElectionAgent *leader : declared) {
        if (!leader->isAnnounced())
            return false;
    }
    return std::all_of(all.begin(), all.end(),
                       [](LeaderElectionAgent *n) { return n->leader() != 0; });
}

QString LeaderElection::outcome() const
{
    const QList<LeaderElectionAgent *> all = nodes();
    const QList<LeaderElectionAgent *> declared = leaders();
    if (!isFinished()) {
        const auto knowing = std::count_if(all.begin(), all.end(),
                                           [](LeaderElectionAgent *n) { return n->leader() != 0; });
        return tr("electing: %1 of %2 nodes know a leader").arg(knowing).arg(all.size());
    }
    if (declared.size() == 1) {
        return tr("leader: %1, known to all %2 nodes").arg(declared[0]->displayName()).arg(all.size());
    }
    QStringList names;
    for (LeaderElectionAgent *leader : declared)
        names.append(leader->displayName());
    return tr("%1 leaders: %2").arg(declared.size()).arg(names.join(QStringLiteral(", ")));
}

QList<Invariant> LeaderElection::invariants() const
{
    QList<Invariant> result;
    result.append(Invariant{QStringLiteral("at most one leader"), tr("at most one leader"),
                            tr("No two nodes declare themselves leader."), [this] { return leaders().size() <= 1; },
                            {}, [this] {
                                InvariantExplanation why;
                                QStringList names;
                                for (LeaderElectionAgent *leader : leaders()) {
                                    names.append(leader->displayName());
                                    why.add(leader->address(), QStringLiteral("is_leader"));
                                }
                                if (names.size() > 1)
                                    why.text = tr("%1 all declared themselves leader").arg(names.join(QStringLiteral(", ")));
                                return why;
                            }});
    result.append(Invariant{
        QStringLiteral("the largest id leads"), tr("the largest id leads"),
        tr("Only the node with the largest id declares itself leader."),
        [this] {
            const LeaderElectionAgent *best = expectedLeader();
            const QList<LeaderElectionAgent *> declared = leaders();
            return std::all_of(declared.begin(), declared.end(), [best](LeaderElectionAgent *l) { return l == best; });
        },
        {}, [this] {
            InvariantExplanation why;
            const LeaderElectionAgent *best = expectedLeader();
            for (LeaderElectionAgent *leader : leaders()) {
                if (leader == best || !best)
                    continue;
                why.add(leader->address(), QStringLiteral("is_leader"));
                why.add(leader->address(), QStringLiteral("ring_id"));
                if (why.text.isEmpty())
                    why.text = tr("%1 declared itself leader, but %2 has the largest id")
                                   .arg(leader->displayName(), best->displayName());
            }
            if (best && !why.involved.isEmpty())
                why.add(best->address(), QStringLiteral("ring_id"));
            return why;
        }});
    result.append(Invariant{
        QStringLiteral("one known leader"), tr("one known leader"), tr("All nodes that know a leader know the same one."),
        [this] {
            qint64 known = 0;
            for (LeaderElectionAgent *node : nodes()) {
                if (node->leader() == 0)
                    continue;
                if (known != 0 && node->leader() != known)
                    return false;
                known = node->leader();
            }
            return true;
        },
        {}, [this] {
            // Every node that knows a leader, and which one it knows.
            InvariantExplanation why;
            QStringList knows;
            QSet<qint64> leadersKnown;
            for (LeaderElectionAgent *node : nodes()) {
                if (node->leader() == 0)
                    continue;
                leadersKnown.insert(node->leader());
                why.add(node->address(), QStringLiteral("leader"));
                knows.append(tr("%1 knows %2").arg(node->displayName()).arg(node->leader()));
            }
            if (leadersKnown.size() > 1)
                why.text = tr("The nodes know different leaders: %1").arg(knows.join(QStringLiteral(", ")));
            else
                why.involved.clear();
            return why;
        }});
    return result;
}

} // namespace mas::demos
