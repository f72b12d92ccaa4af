// SPDX-License-Identifier: MIT
// A stepped system stands still: MAS Inspector's real window (offscreen) hosting every demo,
// a saved session and a `mas explore --out` counterexample does nothing by itself, however
// long nobody touches it; request deadlines are timers of the system's clock, a dropped
// message is sent again only when the clock reaches its sender's deadline, and Step Back
// ends exactly where it was asked to.

#include "models/eventstore.h"
#include "models/pendingmodel.h"
#include "views/sequencediagramview.h"
#include "widgets/clockpanel.h"
#include "widgets/inspectorwindow.h"
#include "stillcheck.h"

#include <mas/system/system.h>

#include <mas/agent/container.h>
#include <mas/channel/channel.h>
#include <mas/clock/clock.h>
#include <mas/system/systemagent.h>
#include <mas/system/session.h>
#include <mas/transport/localqueue.h>

#include <QAbstractEventDispatcher>
#include <QAction>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QWidget>
#include <QWindow>

using namespace mas;
using namespace mas::ui;
using namespace std::chrono_literals;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// Lets replies and batched view updates happen.
void settle()
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

/// The request timeout of the systems here (simulated time on the LocalQueue).
constexpr auto kTimeout = 100ms;

/// The RPC path in a deadline's description: "reply to request 3 (agents/1/token) from … due".
QString pathOf(const PendingTimer &deadline)
{
    const qsizetype open = deadline.description.indexOf(u'(');
    const qsizetype close = deadline.description.indexOf(u')', open);
    return open < 0 || close < 0 ? QString() : deadline.description.mid(open + 1, close - open - 1);
}

int sentCount(const QString &path)
{
    const auto &events = LocalNetwork::instance()->eventLog().events();
    return int(std::count_if(events.begin(), events.end(), [&path](const TrafficEvent &e) {
        return e.kind == TrafficEvent::Kind::Sent && e.type == MessageType::Request && e.path == path;
    }));
}

/// How often this very message (sender, receiver, method and content) was sent.
int copiesOf(const PendingMessage &m)
{
    const Value content = m.content().value();
    const auto &events = LocalNetwork::instance()->eventLog().events();
    return int(std::count_if(events.begin(), events.end(), [&](const TrafficEvent &e) {
        return e.kind == TrafficEvent::Kind::Sent && e.type == MessageType::Request && e.path == m.path
               && e.from == m.from && e.to == m.to && e.content == content;
    }));
}

/// Every event as the network numbers it, without the queue names (they differ between runs).
QStringList shapeOf(const std::vector<TrafficEvent> &events)
{
    QStringList result;
    for (const TrafficEvent &e : events)
        result << QStringLiteral("%1 %2 #%3 %4 %5 rid=%6 t=%7")
                      .arg(int(e.kind))
                      .arg(e.sequence)
                      .arg(e.messageId)
                      .arg(int(e.type))
                      .arg(e.path)
                      .arg(e.requestId)
                      .arg(e.simTime);
    return result;
}

/// The recorded actions as the network numbers them (queue names differ between runs).
QStringList actionsOf(const std::vector<TrafficEvent> &schedule)
{
    QStringList result;
    for (const TrafficEvent &e : schedule)
        result << QStringLiteral("%1 %2 #%3 %4 t=%5")
                      .arg(int(e.kind))
                      .arg(e.sequence)
                      .arg(e.messageId)
                      .arg(e.path)
                      .arg(e.simTime);
    return result;
}

} // namespace

class tst_Stillness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_stillness"));
        // The demos are a plug-in, as for the Inspector itself.
        QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(mas::system::SystemRegistry::global().find(u"leader-election"));
    }
    void cleanup() { LocalQueue::clearCache(); }
    void everyDemoStandsStill_data();
    void everyDemoStandsStill();
    void droppedMessageWaitsForTheDeadline();
    void openedSessionStandsStill();
    void counterexampleOpensAtItsStart();
    void counterexampleWithADropReplaysIdentically();
    void stepBackEndsAtTheChosenEvent();

private:
    /// The stillness check: nothing of the system has a real-time timer armed or anything
    /// queued; then, as the one documented exception to "no fixed waits in tests", a few
    /// request timeouts pass in real time, and nothing the user sees has changed.
    void checkStandsStill(InspectorWindow &window);
};

void tst_Stillness::checkStandsStill(InspectorWindow &window)
{
    mas::test::checkStandsStill(window, 4 * kTimeout);
}

void tst_Stillness::everyDemoStandsStill_data()
{
    QTest::addColumn<QString>("demo");
    for (const system::SystemType &demo : system::SystemRegistry::global().types())
        QTest::newRow(qPrintable(demo.id)) << demo.id;
}

void tst_Stillness::everyDemoStandsStill()
{
    QFETCH(QString, demo);
    InspectorWindow window;
    window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
    window.show();
    system::Parameters p;
    p.agents = 4;
    p.requestTimeout = kTimeout;
    QVERIFY(window.newSystem(demo, p));
    LocalNetwork *net = LocalNetwork::instance();
    QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
    // Right after the start, before anybody pressed a key ...
    checkStandsStill(window);
    if (QTest::currentTestFailed())
        return;
    // ... and after a few steps, as a user would take them.
    for (int i = 0; i < 5 && net->pendingCount() > 0; ++i) {
        window.stepAction()->trigger();
        settle();
    }
    QVERIFY(net->pendingCount() > 0);
    checkStandsStill(window);
    if (QTest::currentTestFailed())
        return;

    // The requests on their way have their deadlines on the clock, shown in the clock panel.
    ExternalClock *clock = window.system()->clock();
    const QList<PendingTimer> due = mas::test::deadlines(clock);
    QVERIFY2(!due.isEmpty(), "a request on its way has a deadline on the clock");
    auto *timerList = window.clockPanel()->findChild<QTreeWidget *>(QStringLiteral("timerList"));
    QVERIFY(timerList);
    QTRY_COMPARE_WITH_TIMEOUT(timerList->topLevelItemCount(), clock->pendingTimerCount(), 2000);
    QStringList listed;
    for (int i = 0; i < timerList->topLevelItemCount(); ++i)
        listed << timerList->topLevelItem(i)->text(2);
    QVERIFY2(listed.contains(due.first().description), qPrintable(listed.join(u'\n')));
    QCOMPARE(due.first().deadline, clock->time() + 0.1);

    // Moving the clock past the deadline: the request times out and its sender sends it again.
    const QString path = pathOf(due.first());
    QVERIFY(!path.isEmpty());
    const int sentBefore = sentCount(path);
    QVERIFY(window.clockPanel()->setTime(due.first().deadline + 0.001));
    QTRY_VERIFY_WITH_TIMEOUT(sentCount(path) > sentBefore, 5000);
    QVERIFY(!mas::test::deadlines(clock).isEmpty()); // the copy has a deadline of its own
}

void tst_Stillness::droppedMessageWaitsForTheDeadline()
{
    InspectorWindow window;
    window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
    window.show();
    system::Parameters p;
    p.agents = 4;
    p.requestTimeout = kTimeout;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    LocalNetwork *net = LocalNetwork::instance();
    QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
    // Select the first pending request and press Del.
    const QList<PendingMessage> pending = net->pendingMessages();
    const auto request = std::find_if(pending.begin(), pending.end(),
                                      [](const PendingMessage &m) { return m.type == MessageType::Request; });
    QVERIFY(request != pending.end());
    const PendingMessage dropped = *request;
    QTableView *table = window.pendingTable();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), int(net->pendingCount()), 2000);
    int row = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data(PendingMessagesModel::MessageIdRole).toULongLong() == dropped.id)
            row = r;
    }
    QVERIFY2(row >= 0, "the dropped message is a row of the pending list");
    table->selectRow(row);
    QAction *drop = nullptr;
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence(Qt::Key_Delete))
            drop = a;
    }
    QVERIFY(drop);
    QVERIFY(drop->isEnabled());
    drop->trigger();
    settle();
    QVERIFY(!net->pendingMessage(dropped.id));
    QCOMPARE(copiesOf(dropped), 1);

    // Everything else is delivered; the clock stays where it is.
    ExternalClock *clock = window.system()->clock();
    const double t0 = clock->time();
    await(window.runUntilIdle());
    settle();
    QCOMPARE(clock->time(), t0);
    QCOMPARE(net->pendingCount(), 0);
    QCOMPARE(copiesOf(dropped), 1); // not sent again: its deadline has not come
    // Its deadline is among the pending timers before that.
    const QList<PendingTimer> due = mas::test::deadlines(clock);
    QVERIFY(std::any_of(due.begin(), due.end(), [&](const PendingTimer &t) {
        return pathOf(t) == dropped.path && t.description.contains(QStringLiteral("request %1 ").arg(dropped.requestId));
    }));
    checkStandsStill(window);
    if (QTest::currentTestFailed())
        return;

    // F10 with nothing pending moves the clock to the next timer: the deadline.
    window.stepAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(copiesOf(dropped), 2, 5000);
    QCOMPARE(clock->time(), t0 + 0.1);
    const QList<PendingMessage> again = net->pendingMessages();
    QVERIFY(std::any_of(again.begin(), again.end(), [&](const PendingMessage &m) {
        return m.path == dropped.path && m.to == dropped.to && m.type == MessageType::Request;
    }));
}

void tst_Stillness::openedSessionStandsStill()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.massession"));
    TrafficLog saved;
    {
        InspectorWindow window;
        window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
        system::Parameters p;
        p.agents = 4;
        p.requestTimeout = kTimeout;
        QVERIFY(window.newSystem(QStringLiteral("two-phase-commit"), p));
        LocalNetwork *net = LocalNetwork::instance();
        QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
        // Steps, a dropped message and a clock move that makes it time out.
        for (int i = 0; i < 4; ++i) {
            window.stepAction()->trigger();
            settle();
        }
        QVERIFY(net->drop(net->pendingMessages().first().id));
        await(window.runUntilIdle());
        QVERIFY(window.system()->clock()->advanceToNextTimer());
        settle();
        for (int i = 0; i < 3 && net->pendingCount() > 0; ++i) {
            window.stepAction()->trigger();
            settle();
        }
        saved = net->eventLog();
        QVERIFY(window.saveSession(file));
    }
    LocalQueue::clearCache();
    InspectorWindow window;
    window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
    window.show();
    // The file is read on a thread of its own: the window's event loop turns meanwhile, before
    // the system is built again (a read on the GUI thread would build it before the first turn).
    QVERIFY(!window.system());
    std::optional<bool> turnedBeforeTheSystem;
    QMetaObject::invokeMethod(
        &window, [&] { turnedBeforeTheSystem = !window.system(); }, Qt::QueuedConnection);
    Result<void> opened = await(window.openSession(file));
    QCOMPARE(turnedBeforeTheSystem, std::optional<bool>(true));
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    settle();
    // Replayed exactly to its recorded end ...
    const std::optional<qsizetype> diff = TrafficLog::firstDifference(saved, LocalNetwork::instance()->eventLog());
    QVERIFY2(!diff, diff ? qPrintable(QStringLiteral("differs at %1").arg(*diff)) : "");
    QCOMPARE(LocalNetwork::instance()->eventLog().size(), saved.size());
    // ... and waits there.
    checkStandsStill(window);
}

void tst_Stillness::counterexampleOpensAtItsStart()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("two-leaders.jsonl"));
    QProcess explore;
    explore.setProcessChannelMode(QProcess::MergedChannels);
    explore.start(QStringLiteral(MAS_CLI),
                  {QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--agents"),
                   QStringLiteral("3"), QStringLiteral("--faulty"), QStringLiteral("--invariant"),
                   QStringLiteral("at most one leader"), QStringLiteral("--out"), file});
    QVERIFY(explore.waitForFinished(120'000));
    QCOMPARE(explore.exitCode(), 1); // a violation, written to --out
    Result<system::Session> session = system::Session::load(file);
    QVERIFY2(session, qPrintable(session.error().toString()));
    QVERIFY(session->isCounterexample());
    QCOMPARE(session->violatedProperty, QStringLiteral("at most one leader"));
    const std::vector<TrafficEvent> schedule = session->log.schedule();
    QVERIFY(!schedule.empty());

    InspectorWindow window;

    window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
    window.show();
    Result<void> opened = await(window.openSession(file));
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    settle();
    // At its start: nothing of the recording has been done yet.
    LocalNetwork *net = LocalNetwork::instance();
    QVERIFY(net->eventLog().schedule().empty());
    QCOMPARE(window.recordedStepCount(), qsizetype(schedule.size()));
    QCOMPARE(window.recordedStepsLeft(), qsizetype(schedule.size()));
    QVERIFY(window.system()->violatedInvariants().isEmpty());
    checkStandsStill(window);
    if (QTest::currentTestFailed())
        return;

    // The user plays it forward step by step: each F10 is the recording's next step.
    for (size_t i = 0; i < schedule.size(); ++i) {
        QVERIFY(window.stepAction()->isEnabled());
        window.stepAction()->trigger();
        settle();
        QCOMPARE(window.recordedStepsLeft(), qsizetype(schedule.size() - i - 1));
        QCOMPARE(net->eventLog().schedule().size(), i + 1);
    }
    QCOMPARE(actionsOf(net->eventLog().schedule()), actionsOf(schedule));
    QVERIFY2(window.system()->violatedInvariants().contains(QStringLiteral("at most one leader")),
             qPrintable(window.system()->stateText()));
    const QString endState = window.system()->stateText();
    // At its end it waits too.
    checkStandsStill(window);
    if (QTest::currentTestFailed())
        return;

    // Opened again, F5 plays it to its end in one go, and stops there.
    LocalQueue::clearCache();
    InspectorWindow again;
    again.setShowPlumbing(true);
    QVERIFY(await(again.openSession(file)));
    settle();
    QVERIFY(LocalNetwork::instance()->eventLog().schedule().empty());
    await(again.run());
    settle();
    QCOMPARE(again.recordedStepsLeft(), 0);
    QCOMPARE(LocalNetwork::instance()->eventLog().schedule().size(), schedule.size());
    QVERIFY(again.system()->violatedInvariants().contains(QStringLiteral("at most one leader")));
    QCOMPARE(again.system()->stateText(), endState);
#endif
}

void tst_Stillness::counterexampleWithADropReplaysIdentically()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    // `mas explore` finds a faulty ping-pong run with a dropped message: the sender times out
    // on the simulated clock and sends the ping again. The Inspector plays it the same way.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pong.jsonl"));
    QProcess explore;
    explore.setProcessChannelMode(QProcess::MergedChannels);
    explore.start(QStringLiteral(MAS_CLI),
                  {QStringLiteral("explore"), QStringLiteral("ping-pong"), QStringLiteral("--agents"), QStringLiteral("2"),
                   QStringLiteral("--rounds"), QStringLiteral("1"), QStringLiteral("--faulty"), QStringLiteral("--faults"),
                   QStringLiteral("1"), QStringLiteral("--out"), file});
    QVERIFY(explore.waitForFinished(120'000));
    const QString output = QString::fromUtf8(explore.readAll());
    QCOMPARE(explore.exitCode(), 1);
    QVERIFY2(output.contains(u"drop "), qPrintable(output));
    Result<system::Session> session = system::Session::load(file);
    QVERIFY(session);
    const std::vector<TrafficEvent> &recorded = session->log.events();
    QVERIFY(std::any_of(recorded.begin(), recorded.end(), [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::Dropped; }));
    QVERIFY(std::any_of(recorded.begin(), recorded.end(), [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::ClockChanged; }));

    InspectorWindow window;

    window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
    window.show();
    QVERIFY(await(window.openSession(file)));
    settle();
    QCOMPARE(window.recordedStepsLeft(), qsizetype(session->log.schedule().size()));
    await(window.run()); // F5: to the end of the counterexample
    settle();
    QCOMPARE(window.recordedStepsLeft(), 0);
    QCOMPARE(shapeOf(LocalNetwork::instance()->eventLog().events()), shapeOf(recorded));
    QVERIFY(window.system()->violatedInvariants().contains(session->violatedProperty));
    checkStandsStill(window);
#endif
}

void tst_Stillness::stepBackEndsAtTheChosenEvent()
{
    // A recorded run with chosen deliveries, a drop and clock moves.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.massession"));
    TrafficLog recorded;
    {
        InspectorWindow window;
        window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
        system::Parameters p;
        p.agents = 5;
        p.seed = 3;
        p.requestTimeout = kTimeout;
        QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
        LocalNetwork *net = LocalNetwork::instance();
        QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
        QRandomGenerator choices(11);
        bool droppedOne = false;
        for (int i = 0; i < 80; ++i) {
            const QList<PendingMessage> pending = net->pendingMessages();
            if (pending.isEmpty()) {
                if (!net->advanceClock())
                    break;
            } else if (!droppedOne && i == 10) {
                QVERIFY(net->drop(pending.last().id));
                droppedOne = true;
            } else {
                QVERIFY(window.deliverMessage(pending[int(choices.bounded(int(pending.size())))].id));
            }
            settle();
        }
        recorded = net->eventLog();
        QVERIFY(window.saveSession(file));
    }
    QVERIFY(recorded.size() > 100);
    const auto &events = recorded.events();
    QRandomGenerator pick(20261206);
    int exact = 0;
    for (int n = 0; n < 20; ++n) {
        const TrafficEvent &chosen = events[size_t(pick.bounded(int(events.size())))];
        LocalQueue::clearCache();
        InspectorWindow window;
        window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
        QVERIFY(await(window.openSession(file)));
        settle();
        QCOMPARE(LocalNetwork::instance()->eventLog().size(), recorded.size());
        const std::optional<quint64> end = window.endOfStep(chosen.sequence);
        QVERIFY(end);
        Result<quint64> back = await(window.replayTo(chosen.sequence));
        QVERIFY2(back, qPrintable(back.error().toString()));
        settle();
        const TrafficLog &rebuilt = LocalNetwork::instance()->eventLog();
        QVERIFY(rebuilt.size() > 0);
        // The rebuilt run ends with the chosen event, or with the last event of the step that
        // produced it (a handler's sends are one step) ...
        QCOMPARE(rebuilt.events().back().sequence, *end);
        QCOMPARE(*back, *end);
        if (*end == chosen.sequence)
            ++exact;
        // ... and is the recording up to there, event for event.
        std::vector<TrafficEvent> prefix(events.begin(), events.begin() + rebuilt.size());
        QCOMPARE(prefix.back().sequence, *end);
        const std::optional<qsizetype> diff = TrafficLog::firstDifference(TrafficLog(prefix), rebuilt);
        QVERIFY2(!diff, diff ? qPrintable(QStringLiteral("differs at %1").arg(*diff)) : "");
        // Nothing follows by itself.
        for (int i = 0; i < 3; ++i)
            settle();
        QCOMPARE(LocalNetwork::instance()->eventLog().size(), rebuilt.size());
    }
    qInfo("%d of the 20 chosen events ended a step themselves", exact);
    QVERIFY(exact > 0);
}

QTEST_MAIN(tst_Stillness)
#include "tst_stillness.moc"
