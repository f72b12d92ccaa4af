// SPDX-License-Identifier: MIT
// Why an invariant fails: each demo's invariants (and goals), on a state that breaks them, name
// the agents and the state fields involved (Invariant::explanationDetailed()), and the explorer's
// counterexample carries them. The violating states come from the explorer (the faulty leader
// election's two leaders) or from calling the agents' message handlers directly in an order the
// protocol would not produce.

#include <mas/demos/contractnet.h>
#include <mas/demos/demosystem.h>
#include <mas/demos/echo.h>
#include <mas/demos/explorer.h>
#include <mas/demos/leaderelection.h>
#include <mas/demos/pingpong.h>
#include <mas/demos/twophasecommit.h>
#include <mas/system/systemagent.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QLoggingCategory>
#include <QTest>

#include <memory>

using namespace mas;
using namespace mas::demos;
using namespace std::chrono_literals;
using mas::system::InvariantExplanation;
using mas::system::StateFieldRef;

namespace {

void settle()
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

/// A fresh stepped system of `demo`, started (its first messages wait in the queue).
std::unique_ptr<DemoSystem> build(const QString &demo, const DemoParameters &parameters)
{
    LocalQueue::clearCache();
    LocalNetwork::instance()->setMode(LocalNetwork::Mode::Stepped);
    Result<std::unique_ptr<DemoSystem>> built = findDemo(demo)->build(QStringLiteral("explain"), parameters);
    if (!built) {
        qWarning() << "cannot build" << demo << built.error().toString();
        return {};
    }
    (*built)->start();
    return std::move(*built);
}

/// The invariant or goal with this id.
std::optional<Invariant> findProperty(const DemoSystem &system, const QString &id)
{
    for (const Invariant &p : system.invariants() + system.goals()) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

/// The fields as "address:field" strings, sorted, for comparing.
QStringList refs(const QList<StateFieldRef> &involved)
{
    QStringList list;
    for (const StateFieldRef &ref : involved)
        list << ref.agent + u':' + ref.field;
    list.sort();
    return list;
}

QStringList refs(std::initializer_list<std::pair<const mas::system::SystemAgent *, const char *>> expected)
{
    QStringList list;
    for (const auto &[agent, field] : expected)
        list << agent->address() + u':' + QString::fromLatin1(field);
    list.sort();
    return list;
}

/// `id` is broken in `system`, its explanation says something other than the description, names
/// every agent in `names` and involves exactly `expected`; every field named is one the agent has.
void checkExplanation(const DemoSystem &system, const QString &id, const QStringList &expected,
                      const QStringList &names)
{
    const std::optional<Invariant> p = findProperty(system, id);
    QVERIFY2(p, qPrintable(id));
    QVERIFY2(!p->holds(), qPrintable(id + QStringLiteral(" holds: ") + system.stateText()));
    const InvariantExplanation why = p->explanationDetailed();
    QVERIFY2(why.text != p->description && !why.text.isEmpty(), qPrintable(why.text));
    QCOMPARE(p->explanation(), why.text); // the plain sentence is the structured one's
    QCOMPARE(refs(why.involved), expected);
    for (const QString &name : names)
        QVERIFY2(why.text.contains(name), qPrintable(why.text + QStringLiteral(" / ") + name));
    const Value::Map states = system.stateFields();
    for (const StateFieldRef &ref : why.involved) {
        const Value *fields = nullptr;
        for (const Value::Entry &entry : states) {
            if (entry.first == Value(ref.agent))
                fields = &entry.second;
        }
        QVERIFY2(fields, qPrintable(ref.agent));
        QVERIFY2(ref.field.isEmpty() || fields->find(Value(ref.field)),
                 qPrintable(ref.agent + QStringLiteral(" has no field ") + ref.field));
    }
}

} // namespace

class tst_Explanations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void structuredExplanationBasics();
    void twoLeadersCounterexample();
    void leaderElection();
    void twoPhaseCommit();
    void contractNet();
    void echo();
    void pingPong();
    void systemFileInvariant();
};

void tst_Explanations::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("mas.channel.warning=false"));
    QVERIFY(registerDemos());
}

void tst_Explanations::cleanup()
{
    LocalQueue::clearCache();
    for (int i = 0; i < 5; ++i) {
        settle();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

void tst_Explanations::structuredExplanationBasics()
{
    // Old style: explain only; new style: explainDetailed only; neither: the description.
    Invariant plain{QStringLiteral("p"), QStringLiteral("p"), QStringLiteral("desc"), [] { return false; },
                    [] { return QStringLiteral("plain"); }};
    QCOMPARE(plain.explanation(), QStringLiteral("plain"));
    QCOMPARE(plain.explanationDetailed().text, QStringLiteral("plain"));
    QVERIFY(plain.explanationDetailed().involved.isEmpty());
    Invariant detailed{QStringLiteral("d"), QStringLiteral("d"), QStringLiteral("desc"), [] { return false; }, {}, [] {
                           InvariantExplanation why;
                           why.text = QStringLiteral("detailed");
                           why.add(QStringLiteral("local://a/0"), QStringLiteral("x"));
                           why.add(QStringLiteral("local://a/0"), QStringLiteral("x")); // once
                           why.add(QStringLiteral("local://b/0"));
                           return why;
                       }};
    QCOMPARE(detailed.explanation(), QStringLiteral("detailed"));
    const InvariantExplanation why = detailed.explanationDetailed();
    QCOMPARE(why.involved.size(), 2);
    QCOMPARE(why.agents(), (QStringList{QStringLiteral("local://a/0"), QStringLiteral("local://b/0")}));
    QVERIFY(why.involves(QStringLiteral("local://a/0"), QStringLiteral("x")));
    QVERIFY(!why.involves(QStringLiteral("local://a/0"), QStringLiteral("y")));
    QVERIFY(why.involves(QStringLiteral("local://b/0"), QStringLiteral("anything"))); // the whole agent
    Invariant bare{QStringLiteral("b"), QStringLiteral("b"), QStringLiteral("desc"), [] { return false; }};
    QCOMPARE(bare.explanation(), QStringLiteral("desc"));
    QCOMPARE(bare.explanationDetailed().text, QStringLiteral("desc"));
}

void tst_Explanations::twoLeadersCounterexample()
{
    DemoParameters parameters;
    parameters.agents = 3;
    parameters.faulty = true;
    ExplorerOptions options;
    options.maxSchedules = 200;
    options.properties = QStringList{QStringLiteral("at most one leader")};
    Explorer explorer(*findDemo(u"leader-election"), parameters, options);
    const ExplorerResult result = QCoro::waitFor(explorer.run());
    const Counterexample *found = result.counterexample();
    QVERIFY2(found, qPrintable(ExplorerResult::verdictName(result.verdict)));
    QCOMPARE(found->property, QStringLiteral("at most one leader"));
    // The leaders, read from the final state's text as the explorer recorded it: "is_leader=true"
    // lines name the agents; the involved fields are exactly their is_leader.
    QVERIFY(found->involved.size() >= 2);
    QStringList leaders;
    for (const StateFieldRef &ref : found->involved) {
        QCOMPARE(ref.field, QStringLiteral("is_leader"));
        leaders << ref.agent;
        QVERIFY2(found->stateText.contains(ref.agent), qPrintable(found->stateText));
    }
    // Replayed into a fresh system: the same leaders, named by their display names.
    LocalQueue::clearCache();
    LocalQueue::get(result.queueId);
    LocalNetwork::instance()->setMode(LocalNetwork::Mode::Stepped);
    Result<std::unique_ptr<DemoSystem>> built = findDemo(result.demo)->build(result.queueId, result.parameters);
    QVERIFY(built);
    std::unique_ptr<DemoSystem> system = std::move(*built);
    system->start();
    Result<int> actions = QCoro::waitFor(LocalNetwork::instance()->replay(found->log, 10s));
    QVERIFY2(actions, qPrintable(actions.error().toString()));
    QStringList expected, names;
    for (LeaderElectionAgent *node : static_cast<LeaderElection *>(system.get())->nodes()) {
        if (node->isLeader()) {
            expected << node->address() + QStringLiteral(":is_leader");
            names << node->displayName();
        }
    }
    expected.sort();
    QCOMPARE(refs(found->involved), expected);
    checkExplanation(*system, QStringLiteral("at most one leader"), expected, names);
    QCOMPARE(found->explanation, findProperty(*system, QStringLiteral("at most one leader"))->explanation());
}

void tst_Explanations::leaderElection()
{
    DemoParameters parameters;
    parameters.agents = 4;
    parameters.seed = 3;
    std::unique_ptr<DemoSystem> system = build(QStringLiteral("leader-election"), parameters);
    QVERIFY(system);
    auto *election = static_cast<LeaderElection *>(system.get());
    LeaderElectionAgent *best = election->expectedLeader();
    QVERIFY(best);
    // A node that is not the largest sees its own id come back: it declares itself leader.
    QList<LeaderElectionAgent *> others = election->nodes();
    others.removeAll(best);
    QVERIFY(others.size() >= 2);
    LeaderElectionAgent *wrong = others[0];
    LeaderElectionAgent *other = others[1];
    wrong->election(wrong->ringId());
    QVERIFY(wrong->isLeader());
    checkExplanation(*system, QStringLiteral("the largest id leads"),
                     refs({{wrong, "is_leader"}, {wrong, "ring_id"}, {best, "ring_id"}}),
                     {wrong->displayName(), best->displayName()});
    // The largest too: two leaders.
    best->election(best->ringId());
    checkExplanation(*system, QStringLiteral("at most one leader"), refs({{wrong, "is_leader"}, {best, "is_leader"}}),
                     {wrong->displayName(), best->displayName()});
    // A third node hears of the one, a fourth of the other: they know different leaders.
    other->elected(best->ringId());
    checkExplanation(*system, QStringLiteral("one known leader"),
                     refs({{wrong, "leader"}, {best, "leader"}, {other, "leader"}}),
                     {wrong->displayName(), other->displayName()});
}

void tst_Explanations::twoPhaseCommit()
{
    DemoParameters parameters;
    parameters.agents = 5; // a coordinator and four participants
    std::unique_ptr<DemoSystem> system = build(QStringLiteral("two-phase-commit"), parameters);
    QVERIFY(system);
    auto *tpc = static_cast<TwoPhaseCommit *>(system.get());
    CoordinatorAgent *coordinator = tpc->coordinator();
    QVERIFY(coordinator);
    const QString tx = coordinator->transaction();
    // Prepared until one votes yes: it is uncertain, and the system is blocked when quiet.
    ParticipantAgent *yes = nullptr;
    for (ParticipantAgent *p : tpc->participants()) {
        p->prepare(tx, coordinator->address());
        if (p->vote() == std::optional<bool>(true)) {
            yes = p;
            break;
        }
    }
    QVERIFY2(yes, "no participant voted yes");
    QStringList blocked{yes->address() + QStringLiteral(":state"), yes->address() + QStringLiteral(":vote"),
                        coordinator->address() + QStringLiteral(":phase")};
    for (ParticipantAgent *p : tpc->participants()) {
        if (p != yes && p->state() == ParticipantAgent::State::Uncertain)
            blocked << p->address() + QStringLiteral(":state") << p->address() + QStringLiteral(":vote");
    }
    blocked.sort();
    checkExplanation(*system, QStringLiteral("blocked"), blocked, {yes->displayName()});

    // It commits by itself while another one, which did not vote yes, aborts.
    ParticipantAgent *no = nullptr;
    for (ParticipantAgent *p : tpc->participants()) {
        if (p != yes && p->vote() != std::optional<bool>(true)) {
            no = p;
            break;
        }
    }
    QVERIFY(no);
    yes->commit(tx);
    no->abort(tx);
    QCOMPARE(yes->state(), ParticipantAgent::State::Committed);
    QCOMPARE(no->state(), ParticipantAgent::State::Aborted);
    QStringList decided{yes->address() + QStringLiteral(":state")};
    QStringList notYes;
    for (ParticipantAgent *p : tpc->participants()) {
        if (p->state() == ParticipantAgent::State::Aborted && p != yes)
            decided << p->address() + QStringLiteral(":state");
        if (p->vote() != std::optional<bool>(true))
            notYes << p->address() + QStringLiteral(":vote");
    }
    decided.sort();
    checkExplanation(*system, QStringLiteral("all decide the same"), decided, {yes->displayName(), no->displayName()});
    QStringList needsYes = notYes + QStringList{yes->address() + QStringLiteral(":state")};
    needsYes.sort();
    checkExplanation(*system, QStringLiteral("commit needs every yes"), needsYes, {yes->displayName(), no->displayName()});
    checkExplanation(*system, QStringLiteral("only the coordinator decides commit"),
                     refs({{yes, "state"}, {coordinator, "phase"}}), {yes->displayName()});
}

void tst_Explanations::contractNet()
{
    DemoParameters parameters;
    parameters.agents = 6; // a manager and five contractors
    std::unique_ptr<DemoSystem> system = build(QStringLiteral("contract-net"), parameters);
    QVERIFY(system);
    auto *net = static_cast<ContractNet *>(system.get());
    ManagerAgent *manager = net->manager();
    QVERIFY(manager);
    // Two contractors that bid are both told they won: both perform the task.
    QList<ContractorAgent *> bidders;
    for (ContractorAgent *c : net->contractors()) {
        c->cfp(manager->task(), manager->address());
        if (c->state() == ContractorAgent::State::Proposed)
            bidders << c;
    }
    QVERIFY2(bidders.size() >= 2, "fewer than two contractors bid");
    bidders[0]->accept(manager->task(), manager->address());
    bidders[1]->accept(manager->task(), manager->address());
    checkExplanation(*system, QStringLiteral("at most one contractor works"),
                     refs({{bidders[0], "state"}, {bidders[1], "state"}}),
                     {bidders[0]->displayName(), bidders[1]->displayName()});
    checkExplanation(*system, QStringLiteral("only the winner works"),
                     refs({{bidders[0], "state"}, {bidders[1], "state"}, {manager, "winner"}}),
                     {bidders[0]->displayName()});
    // "the lowest bid wins" cannot be broken from the handlers (the manager awards the lowest
    // bid it has): its explanation is checked only for its form.
    const std::optional<Invariant> lowest = findProperty(*system, QStringLiteral("the lowest bid wins"));
    QVERIFY(lowest && lowest->explainDetailed);
}

void tst_Explanations::echo()
{
    DemoParameters parameters;
    parameters.agents = 6;
    std::unique_ptr<DemoSystem> system = build(QStringLiteral("echo"), parameters);
    QVERIFY(system);
    auto *echo = static_cast<Echo *>(system.get());
    EchoAgent *root = echo->initiator();
    QVERIFY(root);
    // Two neighbours, neither the initiator, each take the other as parent: a cycle.
    EchoAgent *a = nullptr;
    EchoAgent *b = nullptr;
    for (EchoAgent *n : echo->nodes()) {
        if (n == root || a)
            continue;
        for (EchoAgent *m : echo->nodes()) {
            if (m != root && m != n && n->neighbours().contains(m->address())) {
                a = n;
                b = m;
                break;
            }
        }
    }
    QVERIFY2(a && b, "no two adjacent nodes besides the initiator");
    a->token(b->address());
    b->token(a->address());
    QCOMPARE(a->parent(), b->address());
    QCOMPARE(b->parent(), a->address());
    checkExplanation(*system, QStringLiteral("parents form a tree"), refs({{a, "parent"}, {b, "parent"}}),
                     {root->displayName()});

    // Another system: the initiator hears from all its neighbours at once and decides, while
    // they have not echoed.
    system.reset();
    system = build(QStringLiteral("echo"), parameters);
    echo = static_cast<Echo *>(system.get());
    root = echo->initiator();
    for (const QString &n : root->neighbours())
        root->token(n);
    QVERIFY(root->hasDecided());
    QStringList expected{root->address() + QStringLiteral(":decided")};
    QStringList silent{root->displayName()};
    for (EchoAgent *n : echo->nodes()) {
        if (n != root && !n->hasEchoed()) {
            expected << n->address() + QStringLiteral(":echoed");
            silent << n->displayName();
        }
    }
    expected.sort();
    checkExplanation(*system, QStringLiteral("decide after the wave"), expected, silent);
    // "only the initiator decides" cannot be broken from the handlers: its form only.
    const std::optional<Invariant> only = findProperty(*system, QStringLiteral("only the initiator decides"));
    QVERIFY(only && only->explainDetailed);
}

void tst_Explanations::pingPong()
{
    DemoParameters parameters;
    parameters.agents = 3; // a pinger and two pongers
    parameters.rounds = 3;
    std::unique_ptr<DemoSystem> system = build(QStringLiteral("ping-pong"), parameters);
    QVERIFY(system);
    auto *pp = static_cast<PingPong *>(system.get());
    PingerAgent *pinger = pp->pinger();
    QVERIFY(pinger);
    PongerAgent *ponger = pp->pongers().constFirst();
    QCOMPARE(pinger->round(), 1);
    // A pong for round 2 while round 1 runs and before the ponger was pinged at all.
    pinger->pong(2, ponger->address());
    checkExplanation(*system, QStringLiteral("every pong answers a ping sent earlier"),
                     refs({{pinger, "pongs"}, {pinger, "round"}, {ponger, "pinged"}, {ponger, "answers"}}),
                     {ponger->displayName()});

    system.reset();
    system = build(QStringLiteral("ping-pong"), parameters);
    pp = static_cast<PingPong *>(system.get());
    pinger = pp->pinger();
    ponger = pp->pongers().constFirst();
    // Pinged in round 5 of 3 (by a person: no answer is sent).
    ponger->ping(5, QString());
    checkExplanation(*system, QStringLiteral("rounds never exceed the configured count"),
                     refs({{ponger, "pinged"}, {pinger, "rounds"}}), {ponger->displayName()});
    checkExplanation(*system, QStringLiteral("one round at a time"), refs({{ponger, "pinged"}, {pinger, "round"}}),
                     {ponger->displayName()});
}

void tst_Explanations::systemFileInvariant()
{
    // The plug-in's invariant for system files names the leaders and their is_leader.
    const QList<mas::system::InvariantType> types = invariantTypes();
    QCOMPARE(types.size(), 1);
    DemoParameters parameters;
    parameters.agents = 3;
    std::unique_ptr<DemoSystem> system = build(QStringLiteral("leader-election"), parameters);
    QVERIFY(system);
    const Invariant invariant = types.constFirst().make(system.get());
    QList<LeaderElectionAgent *> nodes = static_cast<LeaderElection *>(system.get())->nodes();
    nodes[0]->election(nodes[0]->ringId());
    nodes[1]->election(nodes[1]->ringId());
    QVERIFY(!invariant.holds());
    const InvariantExplanation why = invariant.explanationDetailed();
    QCOMPARE(refs(why.involved), refs({{nodes[0], "is_leader"}, {nodes[1], "is_leader"}}));
    QVERIFY2(why.text.contains(nodes[0]->displayName()) && why.text.contains(nodes[1]->displayName()),
             qPrintable(why.text));
}

QTEST_MAIN(tst_Explanations)
#include "tst_explanations.moc"
