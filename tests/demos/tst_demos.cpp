// SPDX-License-Identifier: MIT
// The teaching demos on a LocalQueue: each one free-running and stepped to its outcome with its
// invariants holding in every state, stepped runs reproducible event for event, and chosen
// delivery orders for the leader election and ping-pong (including the ones that break the
// faulty variants). Then every demo over TCP and Unix sockets, and a system destroyed while
// its connections are open.

#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/demos/contractnet.h>
#include <mas/demos/demosystem.h>
#include <mas/demos/echo.h>
#include <mas/demos/leaderelection.h>
#include <mas/demos/pingpong.h>
#include <mas/demos/twophasecommit.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

#include <QTimer>

#include <functional>
#include <memory>
#include <set>

using namespace mas;
using namespace mas::demos;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(mas::demos::DemoTransport)

namespace {

/// Records every invariant that fails in some state of the system.
class InvariantWatch
{
public:
    explicit InvariantWatch(DemoSystem *system)
        : m_system(system)
    {
        QObject::connect(system, &DemoSystem::stateChanged, system, [this] { check(); });
    }
    void check()
    {
        for (const QString &name : m_system->violatedInvariants()) {
            if (!violations.contains(name))
                violations.append(name);
        }
    }
    QStringList violations;

private:
    DemoSystem *m_system;
};

/// Lets coroutines resumed from the event loop run (and send) before the next delivery.
void settle()
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

/// Delivers, one at a time, the oldest pending frame `allowed` accepts, until `done()` holds
/// (true) or no acceptable frame is pending (false).
bool steer(LocalNetwork *net,
           const std::function<bool(const PendingMessage &)> &allowed,
           const std::function<bool()> &done,
           int maxSteps = 10'000)
{
    for (int step = 0; step < maxSteps; ++step) {
        settle();
        if (done())
            return true;
        std::optional<quint64> next;
        for (const PendingMessage &m : net->pendingMessages()) {
            if (allowed(m)) {
                next = m.id;
                break;
            }
        }
        if (!next)
            return false;
        if (!net->deliver(*next))
            return false;
    }
    return false;
}

/// Delivers until idle, moving the clock to the next timer whenever nothing is pending (the
/// ping-pong's pauses between rounds).
int runUntilIdle(LocalNetwork *net)
{
    return QCoro::waitFor(net->runUntilIdle(1'000'000, true));
}

/// Delivers until nothing is pending without moving the clock.
int deliverAll(LocalNetwork *net)
{
    return QCoro::waitFor(net->runUntilIdle(1'000'000, false));
}

/// The clock's pending deadline of a request to `path` ("reply to request 3 (agents/1/prepare)
/// from … due"), if there is one.
std::optional<PendingTimer> deadlineFor(const Clock *clock, const QString &path)
{
    for (const PendingTimer &timer : clock->pendingTimers()) {
        if (timer.description.startsWith(u"reply to request") && timer.description.contains(u'(' + path + u')'))
            return timer;
    }
    return std::nullopt;
}

const QStringList kAllDemos = {QStringLiteral("leader-election"), QStringLiteral("echo"),
                               QStringLiteral("ping-pong"), QStringLiteral("contract-net"),
                               QStringLiteral("two-phase-commit")};

bool isWakeupOf(const PendingMessage &m, const Agent *agent)
{
    // Each agent has a container of its own, so the receiver's URL tells agents apart.
    return m.type == MessageType::Request && m.to == agent->address()
           && m.path == QStringLiteral("agents/%1/wakeup").arg(agent->aid());
}

} // namespace

class tst_Demos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(registerDemos()); }
    void cleanup();

    void registry();
    void badParameters();
    void oneSystemPerQueue();

    void freeRunning_data();
    void freeRunning();
    void stepped_data();
    void stepped();
    void steppedRunsRepeat_data();
    void steppedRunsRepeat();

    void leaderElectionDeliveryOrders();
    void faultyLeaderElectionElectsTwo();
    void pingPongUsesTheClock();
    void faultyPongerAnswersACopyWrongly();
    void twoPhaseCommitSeedsGiveBothOutcomes();
    void droppedMessageIsSentAgain();
    void droppedAcknowledgementGivesACopy();
    void messageLostForGood();

    void transportNames();
    void overSockets_data();
    void overSockets();
    void destroyedWhileRunning_data();
    void destroyedWhileRunning();

private:
    void addRows();
    std::unique_ptr<DemoSystem> build(const QString &demo,
                                      const QString &queueId,
                                      const DemoParameters &parameters,
                                      LocalNetwork::Mode mode);
    void checkOutcome(DemoSystem *system);
};

void tst_Demos::cleanup()
{
    LocalQueue::clearCache();
}

std::unique_ptr<DemoSystem> tst_Demos::build(const QString &demo,
                                             const QString &queueId,
                                             const DemoParameters &parameters,
                                             LocalNetwork::Mode mode)
{
    const DemoInfo *info = findDemo(demo);
    if (!info)
        return nullptr;
    LocalQueue::get(queueId);
    LocalNetwork::instance()->setMode(mode);
    Result<std::unique_ptr<DemoSystem>> system = info->build(queueId, parameters);
    if (!system) {
        qWarning() << "cannot build" << demo << ":" << system.error().toString();
        return nullptr;
    }
    return std::move(*system);
}

void tst_Demos::registry()
{
    const QList<DemoInfo> all = mas::demos::demos();
    QStringList ids;
    for (const DemoInfo &info : all) {
        ids.append(info.id);
        QVERIFY(!info.title.isEmpty());
        QVERIFY(!info.description.isEmpty());
        QVERIFY(info.build);
    }
    QCOMPARE(ids, kAllDemos);
    QVERIFY(findDemo(u"echo"));
    QCOMPARE(findDemo(u"echo")->id, QStringLiteral("echo"));
    QVERIFY(!findDemo(u"nope"));
    QVERIFY(!findDemo(u"leader-election")->faultyDescription.isEmpty());
    QVERIFY(!findDemo(u"two-phase-commit")->faultyDescription.isEmpty());
    QVERIFY(!findDemo(u"ping-pong")->faultyDescription.isEmpty());
    QVERIFY(findDemo(u"echo")->faultyDescription.isEmpty());
}

void tst_Demos::badParameters()
{
    DemoParameters parameters;
    parameters.agents = 1;
    for (const DemoInfo &info : mas::demos::demos()) {
        Result<std::unique_ptr<DemoSystem>> system = info.build(QStringLiteral("bad"), parameters);
        QVERIFY(!system);
        QCOMPARE(system.error().code(), ErrorCode::InvalidArgument);
    }
    parameters.agents = 3;
    Result<std::unique_ptr<DemoSystem>> system =
        findDemo(u"echo")->build(QStringLiteral("a/b"), parameters);
    QVERIFY(!system);
    for (int rounds : {0, 101}) {
        parameters.rounds = rounds;
        system = findDemo(u"ping-pong")->build(QStringLiteral("bad"), parameters);
        QVERIFY(!system);
        QCOMPARE(system.error().code(), ErrorCode::InvalidArgument);
        QVERIFY2(system.error().message().contains(u"rounds"), qPrintable(system.error().message()));
    }
}

void tst_Demos::oneSystemPerQueue()
{
    std::unique_ptr<DemoSystem> first =
        build(QStringLiteral("echo"), QStringLiteral("busy"), {}, LocalNetwork::Mode::FreeRunning);
    QVERIFY(first);
    QCOMPARE(first->containers().size(), 5); // one per agent
    QCOMPARE(first->agents().size(), 5);
    QCOMPARE(first->queue(), LocalQueue::find(QStringLiteral("busy")));
    QCOMPARE(first->network()->clock(), first->clock());
    QCOMPARE(first->containers().first()->clock(), first->clock());
    QVERIFY(first->agents().first()->address().startsWith(u"local://busy/"));
    Result<std::unique_ptr<DemoSystem>> second =
        findDemo(u"echo")->build(QStringLiteral("busy"), DemoParameters());
    QVERIFY(!second);
    QCOMPARE(second.error().code(), ErrorCode::AddressInUse);
    // Nothing moves before start().
    settle();
    QVERIFY(first->network()->isIdle());
    QVERIFY(!first->isFinished());
}

void tst_Demos::addRows()
{
    QTest::addColumn<QString>("demo");
    QTest::addColumn<int>("agents");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("faulty");
    QTest::addColumn<QString>("codec");
    for (const QString &demo : kAllDemos) {
        for (quint32 seed : {1u, 2u, 7u})
            QTest::addRow("%s n=5 seed %u", qPrintable(demo), seed)
                << demo << 5 << seed << false << "json";
        QTest::addRow("%s n=12 seed 3", qPrintable(demo)) << demo << 12 << 3u << false << "json";
        QTest::addRow("%s n=2 seed 4", qPrintable(demo)) << demo << 2 << 4u << false << "json";
        QTest::addRow("%s msgpack", qPrintable(demo)) << demo << 6 << 5u << false << "msgpack";
    }
    // In FIFO order the faulty leader election still elects one leader.
    QTest::addRow("leader-election faulty FIFO") << "leader-election" << 6 << 1u << true << "json";
    // So do the faulty pongers, each ping arriving once.
    QTest::addRow("ping-pong faulty FIFO") << "ping-pong" << 4 << 1u << true << "json";
    for (quint32 seed : {1u, 2u, 3u})
        QTest::addRow("two-phase-commit crash seed %u", seed)
            << "two-phase-commit" << 5 << seed << true << "json";
}

void tst_Demos::checkOutcome(DemoSystem *system)
{
    QVERIFY(system->isFinished());
    const QString outcome = system->outcome();
    QVERIFY(!outcome.isEmpty());
    if (auto *election = qobject_cast<LeaderElection *>(system)) {
        LeaderElectionAgent *best = election->expectedLeader();
        QCOMPARE(election->leaders(), QList<LeaderElectionAgent *>{best});
        QVERIFY(best->isAnnounced());
        for (LeaderElectionAgent *node : election->nodes())
            QCOMPARE(node->leader(), best->ringId());
        QVERIFY2(outcome.contains(best->displayName()), qPrintable(outcome)); // "node 4 (id 92)"
        QVERIFY2(outcome.contains(QString::number(best->ringId())), qPrintable(outcome));
    } else if (auto *echo = qobject_cast<Echo *>(system)) {
        QVERIFY(echo->initiator()->hasDecided());
        QVERIFY(echo->parentsFormTree(true));
        for (EchoAgent *node : echo->nodes()) {
            QCOMPARE(node->heardFrom().size(), node->neighbours().size());
            QCOMPARE(node->hasEchoed(), !node->isInitiator());
        }
        QVERIFY2(outcome.contains(u"decided"), qPrintable(outcome));
    } else if (auto *pingPong = qobject_cast<PingPong *>(system)) {
        PingerAgent *pinger = pingPong->pinger();
        const int rounds = system->parameters().rounds;
        std::set<int> all;
        std::vector<int> inOrder;
        QList<double> times;
        for (int round = 1; round <= rounds; ++round) {
            all.insert(round);
            inOrder.push_back(round);
            times.append((round - 1) * PingerAgent::kInterval);
        }
        QVERIFY(pinger->isDone());
        QCOMPARE(pinger->round(), rounds);
        QCOMPARE(pinger->roundTimes(), times); // one clock second between rounds
        QCOMPARE(pingPong->pongers().size(), system->parameters().agents - 1);
        for (PongerAgent *ponger : pingPong->pongers()) {
            QVERIFY(pinger->pongsFrom(ponger->address()) == all);
            QVERIFY(ponger->roundsPinged() == all);
            const std::vector<int> answers = ponger->answers();
            QCOMPARE(int(answers.size()), ponger->pingsReceived()); // copies answered too
            if (ponger->pingsReceived() == rounds)
                QVERIFY(answers == inOrder);
            else
                QVERIFY(std::set<int>(answers.begin(), answers.end()) == all);
        }
        QVERIFY2(outcome.contains(QStringLiteral("%1 rounds done").arg(rounds)),
                 qPrintable(outcome));
    } else if (auto *net = qobject_cast<ContractNet *>(system)) {
        ContractorAgent *best = nullptr;
        for (ContractorAgent *c : net->contractors()) {
            QVERIFY(c->state() != ContractorAgent::State::Idle);
            if (c->bid() && (!best || *c->bid() < *best->bid()))
                best = c;
        }
        ManagerAgent *manager = net->manager();
        if (!best) {
            QCOMPARE(manager->phase(), ManagerAgent::Phase::NoBids);
        } else {
            QCOMPARE(manager->phase(), ManagerAgent::Phase::Done);
            QCOMPARE(manager->winner(), best->address());
            QCOMPARE(manager->winningCost(), *best->bid());
            QVERIFY2(outcome.contains(best->displayName()), qPrintable(outcome)); // "contractor 3"
            for (ContractorAgent *c : net->contractors()) {
                if (c == best)
                    QCOMPARE(c->state(), ContractorAgent::State::Done);
                else if (c->bid())
                    QCOMPARE(c->state(), ContractorAgent::State::Rejected);
                else
                    QCOMPARE(c->state(), ContractorAgent::State::Refused);
            }
        }
    } else if (auto *commit = qobject_cast<TwoPhaseCommit *>(system)) {
        CoordinatorAgent *coordinator = commit->coordinator();
        bool allYes = true;
        for (ParticipantAgent *p : commit->participants()) {
            QVERIFY(p->vote().has_value());
            allYes = allYes && *p->vote();
        }
        if (system->parameters().faulty) {
            QCOMPARE(coordinator->phase(), CoordinatorAgent::Phase::Crashed);
            for (ParticipantAgent *p : commit->participants()) {
                if (*p->vote()) {
                    QVERIFY(p->isBlocked());
                    QCOMPARE(p->state(), ParticipantAgent::State::Uncertain);
                } else {
                    QCOMPARE(p->state(), ParticipantAgent::State::Aborted);
                }
            }
            QVERIFY2(outcome.contains(u"crashed"), qPrintable(outcome));
        } else {
            const auto expected =
                allYes ? ParticipantAgent::State::Committed : ParticipantAgent::State::Aborted;
            QCOMPARE(coordinator->phase(), allYes ? CoordinatorAgent::Phase::Committed
                                                  : CoordinatorAgent::Phase::Aborted);
            for (ParticipantAgent *p : commit->participants())
                QCOMPARE(p->state(), expected);
            QVERIFY2(outcome.startsWith(allYes ? u"committed" : u"aborted"), qPrintable(outcome));
        }
    } else {
        QFAIL("unknown demo");
    }
}

void tst_Demos::freeRunning_data()
{
    addRows();
}

void tst_Demos::freeRunning()
{
    QFETCH(QString, demo);
    QFETCH(int, agents);
    QFETCH(quint32, seed);
    QFETCH(bool, faulty);
    QFETCH(QString, codec);
    DemoParameters parameters;
    parameters.agents = agents;
    parameters.seed = seed;
    parameters.faulty = faulty;
    parameters.codec = codec;
    std::unique_ptr<DemoSystem> system =
        build(demo, QStringLiteral("free"), parameters, LocalNetwork::Mode::FreeRunning);
    QVERIFY(system);
    QCOMPARE(system->id(), demo);
    InvariantWatch watch(system.get());
    int finished = 0;
    connect(system.get(), &DemoSystem::finished, this, [&finished] { ++finished; });
    system->start();
    QTRY_VERIFY_WITH_TIMEOUT(system->isFinished(), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(system->network()->isIdle(), 10'000);
    settle();
    checkOutcome(system.get());
    QCOMPARE(finished, 1);
    QCOMPARE(watch.violations, QStringList());
    QCOMPARE(system->violatedInvariants(), QStringList());
    QCOMPARE(system->invariants().size(), 3);
}

void tst_Demos::stepped_data()
{
    addRows();
}

void tst_Demos::stepped()
{
    QFETCH(QString, demo);
    QFETCH(int, agents);
    QFETCH(quint32, seed);
    QFETCH(bool, faulty);
    QFETCH(QString, codec);
    DemoParameters parameters;
    parameters.agents = agents;
    parameters.seed = seed;
    parameters.faulty = faulty;
    parameters.codec = codec;
    std::unique_ptr<DemoSystem> system =
        build(demo, QStringLiteral("stepped"), parameters, LocalNetwork::Mode::Stepped);
    QVERIFY(system);
    InvariantWatch watch(system.get());
    const quint64 initialHash = system->stateHash();
    system->start();
    settle();
    QVERIFY(!system->network()->isIdle()); // waits for steps
    QVERIFY(!system->isFinished());
    const int delivered = runUntilIdle(system->network());
    QVERIFY(delivered > 0);
    checkOutcome(system.get());
    QCOMPARE(watch.violations, QStringList());
    QVERIFY(system->stateHash() != initialHash);
}

void tst_Demos::steppedRunsRepeat_data()
{
    addRows();
}

void tst_Demos::steppedRunsRepeat()
{
    QFETCH(QString, demo);
    QFETCH(int, agents);
    QFETCH(quint32, seed);
    QFETCH(bool, faulty);
    QFETCH(QString, codec);
    DemoParameters parameters;
    parameters.agents = agents;
    parameters.seed = seed;
    parameters.faulty = faulty;
    parameters.codec = codec;
    TrafficLog logs[2];
    QString states[2];
    quint64 hashes[2] = {0, 0};
    for (int run = 0; run < 2; ++run) {
        std::unique_ptr<DemoSystem> system =
            build(demo, QStringLiteral("repeat"), parameters, LocalNetwork::Mode::Stepped);
        QVERIFY(system);
        system->start();
        runUntilIdle(system->network());
        QVERIFY(system->isFinished());
        logs[run] = system->network()->eventLog();
        states[run] = system->stateText();
        hashes[run] = system->stateHash();
        system.reset();
        LocalQueue::clearCache(); // the same queue id, fresh: frame ids start at 1 again
    }
    QVERIFY(logs[0].size() > 0);
    const std::optional<qsizetype> difference = TrafficLog::firstDifference(logs[0], logs[1]);
    QVERIFY2(!difference,
             difference ? qPrintable(logs[0].events().at(*difference).toDisplayString()) : "");
    QCOMPARE(states[0], states[1]);
    QCOMPARE(hashes[0], hashes[1]);
}

void tst_Demos::leaderElectionDeliveryOrders()
{
    // Two initiators (ring nodes 0 and 1); the others wake when a message reaches them.
    DemoParameters parameters;
    parameters.agents = 6;
    parameters.seed = 11;
    parameters.initiators = 2;
    TrafficLog logs[2];
    qint64 winners[2] = {0, 0};
    for (int order = 0; order < 2; ++order) {
        std::unique_ptr<DemoSystem> built =
            build(QStringLiteral("leader-election"), QStringLiteral("order"), parameters,
                  LocalNetwork::Mode::Stepped);
        QVERIFY(built);
        auto *system = qobject_cast<LeaderElection *>(built.get());
        QVERIFY(system);
        QCOMPARE(system->initiatorCount(), 2);
        InvariantWatch watch(system);
        const QList<LeaderElectionAgent *> nodes = system->nodes();
        LeaderElectionAgent *smaller =
            nodes[0]->ringId() < nodes[1]->ringId() ? nodes[0] : nodes[1];
        LeaderElectionAgent *larger = smaller == nodes[0] ? nodes[1] : nodes[0];
        LocalNetwork *net = system->network();
        system->start();
        if (order == 0) {
            // The smaller candidate's election runs first: the larger one's wake-up call waits
            // until nothing else can happen.
            QVERIFY(steer(
                        net, [&](const PendingMessage &m) { return !isWakeupOf(m, larger); },
                        [] { return false; })
                    == false);
            QVERIFY(smaller->isParticipant());
        } else {
            // The smaller candidate wakes last, after everything else happened.
            QVERIFY(steer(
                        net, [&](const PendingMessage &m) { return !isWakeupOf(m, smaller); },
                        [] { return false; })
                    == false);
            QVERIFY(larger->isParticipant());
        }
        runUntilIdle(net);
        QVERIFY(system->isFinished());
        QCOMPARE(system->leaders(), QList<LeaderElectionAgent *>{system->expectedLeader()});
        checkOutcome(system);
        QCOMPARE(watch.violations, QStringList());
        logs[order] = net->eventLog();
        winners[order] = system->expectedLeader()->ringId();
        built.reset();
        LocalQueue::clearCache();
    }
    QCOMPARE(winners[0], winners[1]);
    QVERIFY(TrafficLog::firstDifference(logs[0], logs[1]).has_value());
}

void tst_Demos::faultyLeaderElectionElectsTwo()
{
    // The node with the smallest id wakes; every other wake-up call waits until that node's
    // id came home. The faulty variant relays it all the way round (nobody else is awake to
    // compare): it declares itself leader, and later the largest id does too. The correct
    // variant, in the same order, wakes the sleepers and elects only the largest.
    for (bool faulty : {true, false}) {
        DemoParameters parameters;
        parameters.agents = 5;
        parameters.seed = 3;
        parameters.faulty = faulty;
        std::unique_ptr<DemoSystem> built =
            build(QStringLiteral("leader-election"), QStringLiteral("faulty"), parameters,
                  LocalNetwork::Mode::Stepped);
        QVERIFY(built);
        auto *system = qobject_cast<LeaderElection *>(built.get());
        InvariantWatch watch(system);
        LeaderElectionAgent *smallest = nullptr;
        for (LeaderElectionAgent *node : system->nodes()) {
            if (!smallest || node->ringId() < smallest->ringId())
                smallest = node;
        }
        QVERIFY(smallest != system->expectedLeader());
        QList<LeaderElectionAgent *> others = system->nodes();
        others.removeOne(smallest);
        system->start();
        const bool early = steer(
            system->network(),
            [&](const PendingMessage &m) {
                return std::none_of(others.begin(), others.end(),
                                    [&m](LeaderElectionAgent *a) { return isWakeupOf(m, a); });
            },
            [&] { return smallest->isLeader(); });
        QCOMPARE(early, faulty);
        runUntilIdle(system->network());
        QVERIFY(system->isFinished());
        if (faulty) {
            const QList<LeaderElectionAgent *> leaders = system->leaders();
            QCOMPARE(leaders.size(), 2);
            QVERIFY(leaders.contains(smallest));
            QVERIFY(leaders.contains(system->expectedLeader()));
            QVERIFY(watch.violations.contains(QStringLiteral("at most one leader")));
            QVERIFY(watch.violations.contains(QStringLiteral("the largest id leads")));
            QVERIFY(system->violatedInvariants().contains(QStringLiteral("at most one leader")));
            QVERIFY2(system->outcome().startsWith(u"2 leaders"), qPrintable(system->outcome()));
        } else {
            checkOutcome(system);
            QCOMPARE(watch.violations, QStringList());
        }
        built.reset();
        LocalQueue::clearCache();
    }
}

void tst_Demos::twoPhaseCommitSeedsGiveBothOutcomes()
{
    bool committed = false, aborted = false;
    for (quint32 seed = 1; seed <= 10 && !(committed && aborted); ++seed) {
        DemoParameters parameters;
        parameters.agents = 4;
        parameters.seed = seed;
        std::unique_ptr<DemoSystem> built =
            build(QStringLiteral("two-phase-commit"), QStringLiteral("2pc%1").arg(seed), parameters,
                  LocalNetwork::Mode::Stepped);
        QVERIFY(built);
        built->start();
        runUntilIdle(built->network());
        checkOutcome(built.get());
        auto *system = qobject_cast<TwoPhaseCommit *>(built.get());
        committed =
            committed || system->coordinator()->phase() == CoordinatorAgent::Phase::Committed;
        aborted = aborted || system->coordinator()->phase() == CoordinatorAgent::Phase::Aborted;
    }
    QVERIFY(committed);
    QVERIFY(aborted);
}

void tst_Demos::droppedMessageIsSentAgain()
{
    // A dropped request: its call times out when the system's clock reaches its deadline
    // (requestTimeout of simulated time) and the sender sends the message again.
    DemoParameters parameters;
    parameters.agents = 4;
    parameters.seed = 1;
    parameters.requestTimeout = 200ms;
    std::unique_ptr<DemoSystem> system =
        build(QStringLiteral("two-phase-commit"), QStringLiteral("drop"), parameters,
              LocalNetwork::Mode::Stepped);
    QVERIFY(system);
    LocalNetwork *net = system->network();
    system->start();
    std::optional<PendingMessage> prepare = QCoro::waitFor(
        net->runUntil([](const PendingMessage &m) { return m.path.endsWith(u"/prepare"); }));
    QVERIFY(prepare);
    QVERIFY(net->drop(prepare->id));
    deliverAll(net);
    settle();
    QVERIFY(!system->isFinished()); // a vote is missing
    QVERIFY(net->isIdle());       // nothing is sent again before the deadline
    const std::optional<PendingTimer> deadline = deadlineFor(system->clock(), prepare->path);
    QVERIFY2(deadline, "the dropped request's deadline is a timer of the clock");
    QCOMPARE(deadline->deadline, system->clock()->time() + 0.2);
    QVERIFY(system->clock()->setTime(deadline->deadline));
    QTRY_VERIFY_WITH_TIMEOUT(!net->isIdle(), 5000); // the copy, once the clock got there
    QCOMPARE(net->pendingMessages().first().path, prepare->path);
    runUntilIdle(net);
    checkOutcome(system.get());
    QCOMPARE(system->violatedInvariants(), QStringList());
}

void tst_Demos::droppedAcknowledgementGivesACopy()
{
    // The cfp arrives but its acknowledgement is dropped: the manager sends it again, and the
    // contractor ignores the copy.
    DemoParameters parameters;
    parameters.agents = 4;
    parameters.seed = 2;
    parameters.requestTimeout = 200ms;
    std::unique_ptr<DemoSystem> system =
        build(QStringLiteral("contract-net"), QStringLiteral("ack"), parameters,
              LocalNetwork::Mode::Stepped);
    QVERIFY(system);
    LocalNetwork *net = system->network();
    system->start();
    std::optional<PendingMessage> ack = QCoro::waitFor(net->runUntil([](const PendingMessage &m) {
        return m.type != MessageType::Request && m.path.endsWith(u"/cfp");
    }));
    QVERIFY(ack);
    QVERIFY(net->drop(ack->id));
    deliverAll(net);
    settle();
    QVERIFY(system->isFinished()); // the proposal itself got through
    const quint64 hash = system->stateHash();
    QVERIFY(net->isIdle());
    QVERIFY(deadlineFor(system->clock(), ack->path));
    QVERIFY(net->advanceClock());
    QTRY_VERIFY_WITH_TIMEOUT(!net->isIdle(), 5000); // the copy of the cfp
    QCOMPARE(net->pendingMessages().first().path, ack->path);
    runUntilIdle(net);
    QCOMPARE(system->stateHash(), hash); // ignored
    checkOutcome(system.get());
}

void tst_Demos::messageLostForGood()
{
    // Every PREPARE to one participant is dropped: after DemoAgent::kSendAttempts tries the
    // coordinator counts it as a no vote and aborts.
    DemoParameters parameters;
    parameters.agents = 4;
    parameters.seed = 1;
    parameters.requestTimeout = 100ms;
    std::unique_ptr<DemoSystem> built =
        build(QStringLiteral("two-phase-commit"), QStringLiteral("lost"), parameters,
              LocalNetwork::Mode::Stepped);
    QVERIFY(built);
    auto *system = qobject_cast<TwoPhaseCommit *>(built.get());
    ParticipantAgent *victim = system->participants().first();
    QSignalSpy lost(system, &DemoSystem::messageLost);
    LocalNetwork *net = system->network();
    system->start();
    const QString path = QStringLiteral("agents/%1/prepare").arg(victim->aid());
    int dropped = 0;
    for (int round = 0; round < 20 && !system->isFinished(); ++round) {
        std::optional<PendingMessage> prepare =
            QCoro::waitFor(net->runUntil([&path, victim](const PendingMessage &m) {
                return m.path == path && m.to == victim->address() && m.type == MessageType::Request;
            }));
        if (prepare) {
            QVERIFY(net->drop(prepare->id));
            ++dropped;
            continue;
        }
        if (!system->isFinished()) {
            // Nothing moves until the clock reaches the dropped request's deadline.
            settle();
            QVERIFY(net->isIdle());
            QVERIFY(deadlineFor(system->clock(), path));
            QVERIFY(net->advanceClock());
            QTRY_VERIFY_WITH_TIMEOUT(!net->isIdle() || lost.count() > 0, 5000);
        }
    }
    QVERIFY(system->isFinished());
    QCOMPARE(dropped, DemoAgent::kSendAttempts);
    QCOMPARE(lost.count(), 1);
    QCOMPARE(lost.first().at(1).toString(), victim->address());
    QCOMPARE(lost.first().at(2).toString(), QStringLiteral("prepare"));
    QCOMPARE(system->coordinator()->phase(), CoordinatorAgent::Phase::Aborted);
    QCOMPARE(victim->vote(), std::nullopt);
    for (ParticipantAgent *p : system->participants())
        QCOMPARE(p->state(), ParticipantAgent::State::Aborted);
    QCOMPARE(system->violatedInvariants(), QStringList());
}

void tst_Demos::pingPongUsesTheClock()
{
    // Stepped, the pinger's pause is a timer on the shared clock: after round 1 nothing is
    // pending until the clock moves.
    DemoParameters parameters;
    parameters.agents = 3;
    parameters.rounds = 2;
    std::unique_ptr<DemoSystem> built = build(QStringLiteral("ping-pong"), QStringLiteral("clock"),
                                              parameters, LocalNetwork::Mode::Stepped);
    QVERIFY(built);
    auto *system = qobject_cast<PingPong *>(built.get());
    QVERIFY(system);
    QVERIFY(!system->isFreeRunning());
    ExternalClock *clock = system->clock();
    system->start();
    QVERIFY(QCoro::waitFor(system->network()->runUntilIdle()) > 0); // without moving the clock
    settle();
    QCOMPARE(system->pinger()->round(), 1);
    QVERIFY(system->pinger()->isAnswered(1));
    QVERIFY(system->pinger()->isSleeping());
    QVERIFY(system->isQuiet());
    QCOMPARE(clock->pendingTimerCount(), 1);
    QCOMPARE(clock->nextDeadline(), std::optional<double>(1.0));
    QCOMPARE(clock->time(), 0.0); // stepped: the system leaves the clock alone
    QVERIFY(system->network()->advanceClock());
    settle();
    QCOMPARE(system->pinger()->round(), 2);
    QVERIFY(!system->network()->isIdle()); // round 2's pings
    runUntilIdle(system->network());
    checkOutcome(system);
    QCOMPARE(clock->time(), 1.0);
    QCOMPARE(clock->pendingTimerCount(), 0);

    // Free-running, the system moves the clock itself whenever it is quiet.
    built.reset();
    LocalQueue::clearCache();
    parameters.rounds = 4;
    built = build(QStringLiteral("ping-pong"), QStringLiteral("clock"), parameters,
                  LocalNetwork::Mode::FreeRunning);
    QVERIFY(built);
    QVERIFY(built->isFreeRunning());
    built->start();
    QTRY_VERIFY_WITH_TIMEOUT(built->isFinished(), 10'000);
    checkOutcome(built.get());
    QCOMPARE(built->clock()->time(), 3.0);
}

void tst_Demos::faultyPongerAnswersACopyWrongly()
{
    // The acknowledgement of the first ping is dropped: the pinger sends the ping again after
    // its request timeout. A correct ponger answers the copy with the same round, which the
    // pinger counts once; a faulty one answers with its counter, a round it was never pinged
    // in.
    for (bool faulty : {true, false}) {
        DemoParameters parameters;
        parameters.agents = 3;
        parameters.seed = 5;
        parameters.faulty = faulty;
        parameters.requestTimeout = 200ms;
        std::unique_ptr<DemoSystem> built =
            build(QStringLiteral("ping-pong"), QStringLiteral("copy"), parameters,
                  LocalNetwork::Mode::Stepped);
        QVERIFY(built);
        auto *system = qobject_cast<PingPong *>(built.get());
        InvariantWatch watch(system);
        LocalNetwork *net = system->network();
        system->start();
        std::optional<PendingMessage> ack =
            QCoro::waitFor(net->runUntil([](const PendingMessage &m) {
                return m.type != MessageType::Request && m.path.endsWith(u"/ping");
            }));
        QVERIFY(ack);
        QVERIFY(net->drop(ack->id));
        deliverAll(net);
        settle();
        QVERIFY(net->isIdle());
        QVERIFY(deadlineFor(system->clock(), ack->path));
        QVERIFY(net->advanceClock()); // the ping's deadline comes before the next round
        QTRY_VERIFY_WITH_TIMEOUT(!net->isIdle(), 5000); // the copy of the ping
        QCOMPARE(net->pendingMessages().first().path, ack->path);
        runUntilIdle(net);
        settle();
        QVERIFY(system->isFinished());
        int copies = 0;
        for (PongerAgent *ponger : system->pongers())
            copies += ponger->pingsReceived() - parameters.rounds;
        QCOMPARE(copies, 1);
        if (faulty) {
            QVERIFY2(watch.violations.contains(QStringLiteral("every pong answers a ping sent earlier")),
                     qPrintable(watch.violations.join(u'|')));
            QVERIFY(system->pinger()->stateText().contains(u"unsent rounds"));
        } else {
            checkOutcome(system);
            QCOMPARE(watch.violations, QStringList());
        }
        built.reset();
        LocalQueue::clearCache();
    }
}

void tst_Demos::transportNames()
{
    for (DemoTransport transport :
         {DemoTransport::LocalQueue, DemoTransport::Tcp, DemoTransport::Unix}) {
        Result<DemoTransport> parsed = parseDemoTransport(demoTransportName(transport));
        QVERIFY(parsed);
        QVERIFY(*parsed == transport);
    }
    QCOMPARE(demoTransportName(DemoTransport::LocalQueue), QStringLiteral("local"));
    QCOMPARE(demoTransportName(DemoTransport::Tcp), QStringLiteral("tcp"));
    QCOMPARE(demoTransportName(DemoTransport::Unix), QStringLiteral("unix"));
    QVERIFY(DemoParameters().transport == DemoTransport::LocalQueue);
    for (const QString &bad : {QString(), QStringLiteral("udp"), QStringLiteral("TCP"),
                               QStringLiteral("local "), QStringLiteral("ipc")}) {
        Result<DemoTransport> parsed = parseDemoTransport(bad);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidArgument);
        QCOMPARE(parsed.error().message(),
                 QStringLiteral("Unknown transport \"%1\": expected local, tcp or unix").arg(bad));
    }
}

void tst_Demos::overSockets_data()
{
    QTest::addColumn<QString>("demo");
    QTest::addColumn<DemoTransport>("transport");
    QTest::addColumn<bool>("faulty");
    QTest::addColumn<QString>("codec");
    for (DemoTransport transport : {DemoTransport::Tcp, DemoTransport::Unix}) {
        const QByteArray name = demoTransportName(transport).toLatin1();
        for (const QString &demo : kAllDemos) {
            QTest::addRow("%s %s", qPrintable(demo), name.constData())
                << demo << transport << false << "json";
        }
        QTest::addRow("two-phase-commit crash %s", name.constData())
            << "two-phase-commit" << transport << true << "json";
        QTest::addRow("ping-pong msgpack %s", name.constData())
            << "ping-pong" << transport << false << "msgpack";
    }
}

void tst_Demos::overSockets()
{
    QFETCH(QString, demo);
    QFETCH(DemoTransport, transport);
    QFETCH(bool, faulty);
    QFETCH(QString, codec);
    DemoParameters parameters;
    parameters.agents = 5;
    parameters.seed = 2;
    parameters.faulty = faulty;
    parameters.codec = codec;
    parameters.transport = transport;
    Result<std::unique_ptr<DemoSystem>> built = findDemo(demo)->build(QStringLiteral("net"), parameters);
    QVERIFY2(built, built ? "" : qPrintable(built.error().toString()));
    std::unique_ptr<DemoSystem> system = std::move(*built);
    QVERIFY(system->transport() == transport);
    QCOMPARE(system->queue(), nullptr);
    QVERIFY(!LocalQueue::find(QStringLiteral("net")));
    QVERIFY(system->isFreeRunning());
    QCOMPARE(system->containers().size(), 5);
    QString socketDir;
    QSet<QString> addresses;
    for (Container *container : system->containers()) {
        QCOMPARE(container->clock(), system->clock());
        addresses.insert(container->baseAddress());
        if (transport == DemoTransport::Tcp) {
            QVERIFY2(container->baseAddress().startsWith(u"tcp://127.0.0.1:"),
                     qPrintable(container->baseAddress()));
            QVERIFY(container->address().port() != 0); // the real port
        } else {
            QCOMPARE(container->address().scheme(), Address::Scheme::Ipc);
            QVERIFY(QFileInfo::exists(container->address().path()));
            QVERIFY(container->address().path().toUtf8().size() <= 100);
            socketDir = QFileInfo(container->address().path()).absolutePath();
        }
    }
    QCOMPARE(addresses.size(), 5);
    for (DemoAgent *agent : system->agents())
        QVERIFY(agent->address().startsWith(transport == DemoTransport::Tcp ? u"tcp://" : u"ipc://["));

    InvariantWatch watch(system.get());
    int finished = 0;
    connect(system.get(), &DemoSystem::finished, this, [&finished] { ++finished; });
    system->start();
    QTRY_VERIFY_WITH_TIMEOUT(system->isFinished(), 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(system->isQuiet(), 20'000);
    settle();
    checkOutcome(system.get());
    QCOMPARE(finished, 1);
    QCOMPARE(watch.violations, QStringList());
    QCOMPARE(system->violatedInvariants(), QStringList());
    // Real connections are open now; destroying the system closes them.
    qsizetype connections = 0;
    for (Container *container : system->containers())
        connections += container->outgoingConnectionCount();
    QVERIFY(connections > 0);
    system.reset();
    settle();
    if (!socketDir.isEmpty())
        QVERIFY(!QFileInfo::exists(socketDir)); // the temporary directory went with the system
}

void tst_Demos::destroyedWhileRunning_data()
{
    QTest::addColumn<QString>("demo");
    QTest::addColumn<DemoTransport>("transport");
    for (DemoTransport transport : {DemoTransport::Tcp, DemoTransport::Unix}) {
        const QByteArray name = demoTransportName(transport).toLatin1();
        for (const QString &demo : {QStringLiteral("echo"), QStringLiteral("ping-pong")})
            QTest::addRow("%s %s", qPrintable(demo), name.constData()) << demo << transport;
    }
}

void tst_Demos::destroyedWhileRunning()
{
    // Destroyed with calls, connects and (ping-pong) a sleep in progress: nothing may crash or
    // leak (the ASan build checks), and nothing runs on afterwards.
    QFETCH(QString, demo);
    QFETCH(DemoTransport, transport);
    DemoParameters parameters;
    parameters.agents = 8;
    parameters.rounds = 50;
    parameters.transport = transport;
    Result<std::unique_ptr<DemoSystem>> built = findDemo(demo)->build(QStringLiteral("gone"), parameters);
    QVERIFY(built);
    std::unique_ptr<DemoSystem> system = std::move(*built);
    // Destroyed from the event loop soon after the fourth change of state: connections open,
    // messages on their way.
    int changes = 0;
    bool finishedFirst = false;
    connect(system.get(), &DemoSystem::stateChanged, this, [&] {
        if (++changes != 4)
            return;
        QTimer::singleShot(0, this, [&] {
            finishedFirst = system->isFinished();
            system.reset();
        });
    });
    system->start();
    QTRY_VERIFY_WITH_TIMEOUT(!system, 20'000);
    if (demo == u"ping-pong")
        QVERIFY(!finishedFirst); // 50 rounds take longer
    // The documented stillness wait (the only fixed wait of this test): real time in which
    // nothing of the destroyed system may run on (a timer or a resumed call would touch freed
    // memory: a crash here, or the ASan build's report).
    for (int i = 0; i < 20; ++i) {
        settle();
        QTest::qWait(5);
    }
}

QTEST_GUILESS_MAIN(tst_Demos)
#include "tst_demos.moc"
