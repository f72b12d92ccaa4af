// SPDX-License-Identifier: MIT
// The Inspector's session without a window (it links no Qt Widgets): a demo from the demos'
// plug-in stepped, stepped back, run to a breakpoint, saved and reopened; an exploration
// reporting its progress, cancelled, and a session destroyed while it explores; a replay
// cancelled in the middle.

#include "endlessexploration.h"
#include "models/eventstore.h"
#include "models/plumbingfilter.h"
#include "session/inspectorsession.h"

#include <mas/system/session.h>
#include <mas/system/system.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mas;
using namespace mas::ui;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

system::Parameters threeAgents(bool faulty = false)
{
    system::Parameters p;
    p.agents = 3;
    p.faulty = faulty;
    return p;
}

/// The actions (deliveries, clock moves, ...) among the events.
qsizetype actionCount(const std::vector<TrafficEvent> &events)
{
    return std::count_if(events.begin(), events.end(), [](const TrafficEvent &e) { return e.isAction(); });
}

} // namespace

class tst_InspectorSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_inspectorsession"));
        // The demos are a plug-in, as for the Inspector itself.
        QVERIFY(system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(system::SystemRegistry::global().find(u"leader-election"));
    }

    void noWidgets()
    {
        // A guiless test: QCoreApplication, no QApplication.
        QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication"));
    }

    void stepBackSaveAndReopen();
    void runStopsAtBreakpoint();
    void unknownSystemIsAnError();
    void explorationReportsProgressAndCancels();
    void destroyedWhileExploring();
    void cancelledReplayStandsWhereItStopped();
};

void tst_InspectorSession::stepBackSaveAndReopen()
{
    InspectorSession session;
    QSignalSpy systems(&session, &InspectorSession::systemChanged);
    QSignalSpy titles(&session, &InspectorSession::titleChanged);
    QSignalSpy targets(&session, &InspectorSession::callTargetChanged);
    QVERIFY(session.newSystem(QStringLiteral("leader-election"), threeAgents()));
    QCOMPARE(systems.size(), 1);
    QVERIFY(session.system());
    QCOMPARE(session.demoId(), QStringLiteral("leader-election"));
    QVERIFY(titles.size() >= 1);
    QCOMPARE(targets.size(), 1); // the call form points at the first agent
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);

    // A few messages, one step at a time.
    for (int i = 0; i < 4; ++i) {
        Result<void> stepped = session.stepOnce();
        QVERIFY2(stepped, qPrintable(stepped.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0 || session.system()->isFinished(), 5000);
    }
    EventStore *store = session.store();
    store->flush();
    const std::vector<TrafficEvent> before = store->events();
    QCOMPARE(actionCount(before), 4);
    // The store is the network's log, event for event.
    QVERIFY(!TrafficLog::firstDifference(store->toLog(), LocalNetwork::instance()->eventLog()));

    // Step back to the second delivery: the system is rebuilt and replayed up to it.
    quint64 secondDelivery = 0;
    int deliveries = 0;
    for (const TrafficEvent &e : before) {
        if (e.isAction() && ++deliveries == 2) {
            secondDelivery = e.sequence;
            break;
        }
    }
    QVERIFY(secondDelivery > 0);
    const std::optional<quint64> end = session.endOfStep(secondDelivery);
    QVERIFY(end);
    QSignalSpy progress(&session, &InspectorSession::replayProgress);
    Result<quint64> back = await(session.replayTo(secondDelivery));
    QVERIFY2(back, qPrintable(back.error().toString()));
    QCOMPARE(*back, *end);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).value<qsizetype>(), qsizetype(-1)); // the replay ended
    store->flush();
    QCOMPARE(actionCount(store->events()), 2);
    QCOMPARE(store->events().back().sequence, *end);
    // What is left is the run as it was up to there.
    const std::vector<TrafficEvent> prefix(before.begin(), before.begin() + qsizetype(store->size()));
    QVERIFY(!TrafficLog::firstDifference(store->toLog(), TrafficLog(prefix)));
    QCOMPARE(systems.size(), 2); // the replay rebuilt the system

    // One more step, then saved and reopened by another session: the same events.
    QVERIFY(session.stepOnce());
    QTRY_VERIFY_WITH_TIMEOUT(actionCount(LocalNetwork::instance()->eventLog().events()) == 3, 5000);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.massession"));
    QSignalSpy messages(&session, &InspectorSession::message);
    Result<void> saved = session.saveSession(file);
    QVERIFY2(saved, qPrintable(saved.error().toString()));
    QVERIFY(!messages.isEmpty());
    Result<system::Session> written = system::Session::load(file);
    QVERIFY(written);
    QCOMPARE(written->demo, QStringLiteral("leader-election"));
    QCOMPARE(written->parameters.agents, 3);
    store->flush();
    QCOMPARE(written->log.size(), LocalNetwork::instance()->eventLog().size());

    InspectorSession reopened;
    Result<void> opened = await(reopened.openSession(file));
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    reopened.store()->flush();
    QVERIFY(reopened.system());
    QCOMPARE(actionCount(reopened.store()->events()), 3);
    const std::optional<qsizetype> differs = TrafficLog::firstDifference(written->log, reopened.store()->toLog());
    QVERIFY2(!differs, qPrintable(QStringLiteral("differs at %1").arg(differs.value_or(-1))));

    // Restarted: the same system from its start, the store empty but for its first events.
    QVERIFY(reopened.restart());
    reopened.store()->flush();
    QCOMPARE(reopened.demoId(), QStringLiteral("leader-election"));
    QCOMPARE(reopened.system()->parameters().agents, 3);
    QCOMPARE(actionCount(reopened.store()->events()), 0);
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
    reopened.clear();
    QVERIFY(!reopened.system());
    QVERIFY(!reopened.restart());
    QCOMPARE(reopened.store()->size(), 0);
}

void tst_InspectorSession::runStopsAtBreakpoint()
{
    InspectorSession session;
    session.plumbingFilter()->setHiddenClasses({}); // every frame may break a run
    QVERIFY(session.newSystem(QStringLiteral("leader-election"), threeAgents()));
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
    const PendingMessage first = LocalNetwork::instance()->pendingMessages().front();
    // Breaks at the next message to the first message's receiver (the run delivers that one),
    // named as the views name it.
    const QString receiver = session.displayName(first.to);
    QVERIFY(receiver.startsWith(u"node "));
    session.setBreakpoint(QStringLiteral("  %1  ").arg(receiver));
    QCOMPARE(session.breakpoint(), receiver);
    QVERIFY(session.breakpointMatches(first));
    // The teaching view's hidden plumbing never breaks a run.
    session.plumbingFilter()->setHiddenClasses(PlumbingFilter::defaultHiddenClasses());
    QVERIFY(!session.breakpointMatches(first)); // validate_aid
    session.plumbingFilter()->setHiddenClasses({});
    QSignalSpy hits(&session, &InspectorSession::breakpointHit);
    QSignalSpy running(&session, &InspectorSession::runningChanged);
    await(session.run());
    QVERIFY(!session.isRunning());
    QCOMPARE(running.size(), 2);
    QCOMPARE(hits.size(), 1);
    const std::optional<PendingMessage> hit = LocalNetwork::instance()->pendingMessage(hits.at(0).at(0).toULongLong());
    QVERIFY(hit); // it waits, undelivered
    QVERIFY(session.breakpointMatches(*hit));
}

void tst_InspectorSession::unknownSystemIsAnError()
{
    InspectorSession session;
    Result<void> built = session.newSystem(QStringLiteral("no-such-system"), threeAgents());
    QVERIFY(!built);
    QCOMPARE(built.error().code(), ErrorCode::InvalidArgument);
    QVERIFY(!session.system());
    QVERIFY(!session.stepOnce());
    QVERIFY(!await(session.explore({})));
    QVERIFY(!session.saveSession(QStringLiteral("unused.massession")));
}

void tst_InspectorSession::explorationReportsProgressAndCancels()
{
    InspectorSession session;
    system::Parameters p;
    p.agents = 5; // a large search: it is still running when cancelled
    QVERIFY(session.newSystem(QStringLiteral("leader-election"), p));
    QSignalSpy started(&session, &InspectorSession::explorationStarted);
    QSignalSpy finished(&session, &InspectorSession::explorationFinished);
    connect(&session, &InspectorSession::explorationProgress, &session, [&session] { session.cancelExploration(); });
    const system::ExplorerOptions options = test::endlessExploration();
    Result<system::ExplorerResult> result = await(session.explore(options));
    QVERIFY2(result, qPrintable(result.error().toString()));
    QCOMPARE(result->verdict, system::ExplorerResult::Verdict::Cancelled);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toInt(), 1'000'000);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!session.isExploring());
    // A fresh system is back, ready to step.
    QVERIFY(session.system());
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
}

void tst_InspectorSession::destroyedWhileExploring()
{
    auto *session = new InspectorSession;
    system::Parameters p;
    p.agents = 5;
    QVERIFY(session->newSystem(QStringLiteral("leader-election"), p));
    // Gone at the first progress report, in the middle of the search.
    connect(session, &InspectorSession::explorationProgress, session, [session] { session->deleteLater(); });
    QPointer<InspectorSession> watched(session);
    const system::ExplorerOptions options = test::endlessExploration();
    QObject context;
    std::optional<Result<system::ExplorerResult>> result;
    QCoro::connect(session->explore(options), &context,
                   [&result](const Result<system::ExplorerResult> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(!watched, 30'000);
    // The explorer notices at its next step and ends; the coroutine sees the session gone.
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30'000);
    QVERIFY(!*result);
    QCOMPARE(result->error().code(), ErrorCode::Cancelled);
    // The network is free again: a new session builds a system on it.
    InspectorSession next;
    QVERIFY(next.newSystem(QStringLiteral("leader-election"), threeAgents()));
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
}

void tst_InspectorSession::cancelledReplayStandsWhereItStopped()
{
    // A run long enough that a cancel from the replay's progress lands in its middle: the
    // ping-pong, many rounds, played to its end and saved.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("long.massession"));
    system::Parameters p;
    p.agents = 6;
    p.rounds = 100;
    {
        InspectorSession session;
        QVERIFY(session.newSystem(QStringLiteral("ping-pong"), p));
        await(session.run());
        QVERIFY(session.system()->isFinished());
        QVERIFY(session.saveSession(file));
    }
    Result<system::Session> saved = system::Session::load(file);
    QVERIFY(saved);
    const qsizetype total = saved->log.size();
    QVERIFY2(total > 3000, qPrintable(QString::number(total)));

    InspectorSession reopened;
    QSignalSpy messages(&reopened, &InspectorSession::message);
    qsizetype cancelledAt = -1;
    bool replayingThen = false;
    connect(&reopened, &InspectorSession::replayProgress, &reopened, [&](qsizetype done, qsizetype all) {
        if (all > 0 && done >= all / 10 && cancelledAt < 0) { // well into the replay
            cancelledAt = done;
            replayingThen = reopened.isReplaying();
            reopened.cancelReplay();
        }
    });
    const Result<void> opened = await(reopened.openSession(file));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code(), ErrorCode::Cancelled);
    QVERIFY(cancelledAt > 0);
    QVERIFY(replayingThen);
    QVERIFY(!reopened.isReplaying());
    EventStore *store = reopened.store();
    store->flush();
    const qsizetype reached = store->size();
    QVERIFY2(reached >= cancelledAt && reached < total,
             qPrintable(QStringLiteral("%1 (cancelled at %2) of %3").arg(reached).arg(cancelledAt).arg(total)));
    // The status line says where it stopped.
    const QString where = QStringLiteral("Replay cancelled at event %1 of %2").arg(reached).arg(total);
    QVERIFY2(opened.error().message().startsWith(where), qPrintable(opened.error().message()));
    QVERIFY(!messages.isEmpty());
    QCOMPARE(messages.last().at(0).toString(), opened.error().message());
    // The system is the recorded run as far as it was replayed...
    QVERIFY(reopened.system());
    QVERIFY(!reopened.system()->isFinished());
    const std::vector<TrafficEvent> prefix(saved->log.events().begin(), saved->log.events().begin() + reached);
    const std::optional<qsizetype> differs = TrafficLog::firstDifference(TrafficLog(prefix), store->toLog());
    QVERIFY2(!differs, qPrintable(QStringLiteral("differs at %1").arg(differs.value_or(-1))));
    // ... stepped from there on.
    QCOMPARE(LocalNetwork::instance()->mode(), LocalNetwork::Mode::Stepped);
    QVERIFY(!reopened.isBusy());
    const qsizetype actions = actionCount(store->events());
    // What the last replayed step started (its handler's sends) arrives from the event loop.
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
    QVERIFY(reopened.stepOnce());
    QTRY_COMPARE_WITH_TIMEOUT(actionCount(LocalNetwork::instance()->eventLog().events()), actions + 1, 5000);
    // A later replay is not cancelled by the earlier Cancel: opened again, to its end.
    const Result<void> again = await(reopened.openSession(file));
    QVERIFY2(again, qPrintable(again.error().toString()));
    store->flush();
    QCOMPARE(store->size(), total);
    QVERIFY(reopened.system()->isFinished());
}

QTEST_GUILESS_MAIN(tst_InspectorSession)
#include "tst_inspectorsession.moc"
