// SPDX-License-Identifier: MIT
#include "echo.h"

#include <mas/agent/container.h>

#include <QHash>

#include <algorithm>
#include <random>
#include <set>

namespace mas::demos {

// ---- EchoAgent ----

EchoAgent::EchoAgent(mas::Container *container, quint32 seed, bool initiator)
    : DemoAgent(container, seed)
    , m_initiator(initiator)
{
    router().expose(QStringLiteral("token"), this, &EchoAgent::token, {QStringLiteral("sender")});
}

void EchoAgent::initiate()
{
    if (!m_initiator || m_started)
        return;
    m_started = true;
    for (const QString &neighbour : std::as_const(m_neighbours))
        send(neighbour, QStringLiteral("token"), Value::List{Value(address())});
    maybeEcho(); // no neighbours: decided at once
    changed();
}

QString EchoAgent::displayName() const
{
    if (!givenDisplayName().isEmpty())
        return givenDisplayName(); // a system file's name
    return m_initiator ? tr("node %1 (initiator)").arg(roleIndex() + 1) : tr("node %1").arg(roleIndex() + 1);
}

QString EchoAgent::stateText() const
{
    QString text;
    if (m_initiator)
        text = m_decided ? tr("initiator, decided")
                         : (m_started ? tr("initiator, waiting") : tr("initiator, idle"));
    else if (m_parent.isEmpty())
        text = tr("idle");
    else
        text = m_echoed ? tr("echoed to %1").arg(m_parent) : tr("parent %1").arg(m_parent);
    // Sorted, so that equal sets print equally.
    QStringList heard(m_heard.begin(), m_heard.end());
    heard.sort();
    text += tr(", heard %1/%2").arg(heard.size()).arg(m_neighbours.size());
    if (!heard.isEmpty())
        text += QStringLiteral(" [") + heard.join(QStringLiteral(", ")) + u']';
    return text;
}

Value::Map EchoAgent::stateFields() const
{
    QStringList heard(m_heard.begin(), m_heard.end());
    heard.sort();
    Value::List heardList;
    for (const QString &url : heard)
        heardList.push_back(Value(url));
    Value::Map fields;
    fields.emplace_back(Value("initiator"), Value(m_initiator));
    fields.emplace_back(Value("parent"), m_parent.isEmpty() ? Value() : Value(m_parent));
    fields.emplace_back(Value("heard"), Value(heardList));
    fields.emplace_back(Value("echoed"), Value(m_echoed));
    fields.emplace_back(Value("decided"), Value(m_decided));
    return fields;
}

bool EchoAgent::token(const QString &sender)
{
    if (!m_neighbours.contains(sender) || m_heard.contains(sender))
        return true; // not a neighbour, or a copy of a token already counted
    m_heard.insert(sender);
    if (!m_initiator && m_parent.isEmpty()) {
        m_parent = sender;
        m_started = true;
        for (const QString &neighbour : std::as_const(m_neighbours)) {
            if (neighbour != m_parent)
                send(neighbour, QStringLiteral("token"), Value::List{Value(address())});
        }
    }
    maybeEcho();
    changed();
    return true;
}

void EchoAgent::maybeEcho()
{
    if (!m_started || m_heard.size() < m_neighbours.size())
        return;
    if (m_initiator) {
        m_decided = true;
    } else if (!m_echoed) {
        m_echoed = true;
        send(m_parent, QStringLiteral("token"), Value::List{Value(address())});
    }
}

// ---- Echo ----

DemoInfo Echo::info()
{
    DemoInfo info;
    info.id = QStringLiteral("echo");
    info.title = tr("Echo (wave) algorithm");
    info.description =
        tr("The initiator sends a token to its neighbours on a connected graph. A node adopts the "
           "sender of its first token as its parent and passes the token on to its other "
           "neighbours; once it has a token from every neighbour it echoes to its parent. When "
           "every neighbour of the initiator has answered, it decides: the parents form a "
           "spanning tree.");
    info.messages = {
        {QStringLiteral("token(sender)"),
         tr("The wave. A node's first token makes its sender the node's parent and is passed on to "
            "its other neighbours; when a node has a token from every neighbour, it sends one back "
            "to its parent (the echo).")},
        {QStringLiteral("→ result"), tr("The acknowledgement of a token: it arrived.")},
    };
    info.build = &Echo::create;
    return info;
}

Result<std::unique_ptr<DemoSystem>> Echo::create(const QString &queueId,
                                                 const DemoParameters &parameters)
{
    MAS_TRY_VOID(checkParameters(parameters));
    std::unique_ptr<Echo> system(new Echo(queueId, parameters));
    MAS_TRY_VOID(system->createContainers());

    const int n = parameters.agents;
    std::mt19937 random(parameters.seed);
    // A random tree (node i hangs below a node before it), then extra edges: connected.
    std::set<std::pair<int, int>> edges;
    for (int i = 1; i < n; ++i)
        edges.emplace(int(random() % quint32(i)), i);
    const int extra = n / 2;
    for (int tries = 0, added = 0; added < extra && tries < 10 * n; ++tries) {
        int a = int(random() % quint32(n));
        int b = int(random() % quint32(n));
        if (a == b)
            continue;
        if (a > b)
            std::swap(a, b);
        if (edges.emplace(a, b).second)
            ++added;
    }
    for (int i = 0; i < n; ++i) {
        auto *node = new EchoAgent(system->containerFor(i), random(), i == 0);
        system->m_nodes.append(node);
        system->m_index.insert(node->address(), i);
        system->addAgent(node);
    }
    QList<QStringList> neighbours(n);
    for (const auto &[a, b] : edges) {
        system->m_edges.append(std::make_pair(a, b));
        neighbours[a].append(system->m_nodes[b]->address());
        neighbours[b].append(system->m_nodes[a]->address());
    }
    for (int i = 0; i < n; ++i)
        system->m_nodes[i]->setNeighbours(neighbours[i]);
    return std::unique_ptr<DemoSystem>(std::move(system));
}

QString Echo::id() const
{
    return info().id;
}

QString Echo::title() const
{
    return info().title;
}

void Echo::begin()
{
    if (EchoAgent *first = initiator())
        first->initiate();
}

QList<EchoAgent *> Echo::nodes() const
{
    QList<EchoAgent *> result;
    for (const auto &node : m_nodes) {
        if (node)
            result.append(node.data());
    }
    return result;
}

EchoAgent *Echo::initiator() const
{
    return m_nodes.isEmpty() ? nullptr : m_nodes.first().data();
}

EchoAgent *Echo::byAddress(const QString &url) const
{
    const int index = m_index.value(url, -1);
    return index < 0 ? nullptr : m_nodes.at(index).data();
}

bool Echo::parentsFormTree(bool requireAll) const
{
    const QList<EchoAgent *> all = nodes();
    EchoAgent *root = initiator();
    if (!root || all.size() != m_nodes.size())
        return false;
    for (EchoAgent *node : all) {
        if (node == root)
            continue;
        if (node->parent().isEmpty()) {
            if (requireAll)
                return false;
            continue;
        }
        // Follow the parents to the root, at most n steps (more means a cycle).
        EchoAgent *at = node;
        int steps = 0;
        while (at && at != root && steps <= all.size()) {
            if (at->parent().isEmpty())
                return false; // a chain ends below the root
            at = byAddress(at->parent());
            ++steps;
        }
        if (at != root)
            return false;
    }
    return true;
}

bool Echo::isFinished() const
{
    EchoAgent *root = initiator();
    return root && root->hasDecided();
}

QString Echo::outcome() const
{
    const QList<EchoAgent *> all = nodes();
    if (!isFinished()) {
        const auto reached = std::count_if(all.begin(), all.end(), [](EchoAgent *n) {
            return n->isInitiator() || !n->parent().isEmpty();
        });
        return tr("wave running: %1 of %2 nodes reached").arg(reached).arg(all.size());
    }
    QStringList tree;
    for (int i = 1; i < all.size(); ++i) {
        tree.append(QStringLiteral("%1→%2").arg(i).arg(m_index.value(all[i]->parent(), -1)));
    }
    return tr("%1 decided; spanning tree of %2 nodes (%3 edges in the graph): %4")
        .arg(initiator()->address())
        .arg(all.size())
        .arg(m_edges.size())
        .arg(tree.join(QStringLiteral(", ")));
}

QList<Invariant> Echo::invariants() const
{
    QList<Invariant> result;
    result.append(Invariant{
        QStringLiteral("only the initiator decides"), tr("only the initiator decides"), tr("No node but the initiator decides."),
        [this] {
            const QList<EchoAgent *> all = nodes();
            return std::none_of(all.begin(), all.end(), [](EchoAgent *n) { return n->hasDecided() && !n->isInitiator(); });
        },
        {}, [this] {
            InvariantExplanation why;
            for (EchoAgent *n : nodes()) {
                if (!n->hasDecided() || n->isInitiator())
                    continue;
                why.add(n->address(), QStringLiteral("decided"));
                why.add(n->address(), QStringLiteral("initiator"));
                if (why.text.isEmpty())
                    why.text = tr("%1 decided, but it is not the initiator").arg(n->displayName());
            }
            return why;
        }});
    result.append(Invariant{QStringLiteral("parents form a tree"), tr("parents form a tree"),
                            tr("Following parents from any reached node leads to the initiator "
                               "without a cycle."),
                            [this] { return parentsFormTree(false); }, {}, [this] {
                                // The first chain of parents that does not end at the initiator.
                                InvariantExplanation why;
                                const QList<EchoAgent *> all = nodes();
                                EchoAgent *root = initiator();
                                if (!root)
                                    return why;
                                for (EchoAgent *node : all) {
                                    if (node == root || node->parent().isEmpty())
                                        continue;
                                    InvariantExplanation chain;
                                    EchoAgent *at = node;
                                    int steps = 0;
                                    while (at && at != root && steps <= all.size()) {
                                        chain.add(at->address(), QStringLiteral("parent"));
                                        if (at->parent().isEmpty())
                                            break;
                                        at = byAddress(at->parent());
                                        ++steps;
                                    }
                                    if (at == root)
                                        continue;
                                    why.involved = chain.involved;
                                    why.text = tr("Following the parents from %1 does not lead to the initiator %2")
                                                   .arg(node->displayName(), root->displayName());
                                    break;
                                }
                                return why;
                            }});
    result.append(Invariant{
        QStringLiteral("decide after the wave"), tr("decide after the wave"),
        tr("The initiator decides only when every node has echoed."),
        [this] {
            EchoAgent *root = initiator();
            if (!root || !root->hasDecided())
                return true;
            const QList<EchoAgent *> all = nodes();
            return std::all_of(all.begin(), all.end(), [](EchoAgent *n) { return n->isInitiator() || n->hasEchoed(); });
        },
        {}, [this] {
            InvariantExplanation why;
            EchoAgent *root = initiator();
            if (!root || !root->hasDecided())
                return why;
            QStringList silent;
            why.add(root->address(), QStringLiteral("decided"));
            for (EchoAgent *n : nodes()) {
                if (n->isInitiator() || n->hasEchoed())
                    continue;
                silent.append(n->displayName());
                why.add(n->address(), QStringLiteral("echoed"));
            }
            why.text = tr("%1 decided before %2 echoed").arg(root->displayName(), silent.join(QStringLiteral(", ")));
            return why;
        }});
    return result;
}

} // namespace mas::demos
