// SPDX-License-Identifier: MIT
// Drives MAS Inspector's real main window (offscreen): demos, stepping, chosen deliveries,
// breakpoints, the clock, sessions and exports.

#include "endlessexploration.h"
#include "models/agenttreemodel.h"
#include "models/eventstore.h"
#include "models/pendingmodel.h"
#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"
#include "widgets/clockpanel.h"
#include "widgets/inspectorwindow.h"

#include <mas/system/system.h>

#include <mas/clock/clock.h>
#include <mas/system/session.h>
#include <mas/transport/localqueue.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QProgressDialog>
#include <QImage>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QSvgRenderer>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeView>

#include <functional>
#include <QTest>
#include <QTimer>

using namespace mas;
using namespace mas::ui;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// Lets replies and batched view updates happen.
void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

} // namespace

class tst_Inspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_inspector"));
        // The demos are a plug-in, as for the Inspector itself.
        QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(mas::system::SystemRegistry::global().find(u"leader-election"));
    }
    void stepsFollowInEveryView();
    void systemTreeFitsItsStates();
    void deliverAChosenMessage();
    void stepBackWithoutAnEventSaysWhatItNeeds();
    void breakpointStopsARun();
    void externalClock();
    void sessionRoundTrip();
    void sessionFileNameAddsTheExtension();
    void cancelAReplay();
    void replayDisablesTheStepActions();
    void exports();
    void exploreOpensTheCounterexample();
    void exploreCorrectDemo();
    void closeWhileExploring();
    void deleteWhileExploring();
    void runToCompletion_data();
    void runToCompletion();
};

void tst_Inspector::stepsFollowInEveryView()
{
    InspectorWindow window;
    window.show();
    window.setShowPlumbing(true); // every frame a step, every event a row (tst_teachingview: folded)
    system::Parameters p;
    p.agents = 4;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    QAbstractItemModelTester tableTester(window.messageTable()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester pendingTester(window.pendingTable()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    LocalNetwork *net = LocalNetwork::instance();
    QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
    for (int i = 0; i < 10; ++i) {
        const qsizetype before = net->pendingCount();
        window.stepAction()->trigger(); // F10
        settle();
        window.store()->flush();
        QTRY_COMPARE_WITH_TIMEOUT(window.pendingTable()->model()->rowCount(), int(net->pendingCount()), 2000);
        QVERIFY(net->pendingCount() >= before - 1);
    }
    window.store()->flush();
    // Every event is a row of the table; every delivered or pending message is an arrow.
    QCOMPARE(window.messageTable()->model()->rowCount(), int(net->eventLog().size()));
    const auto &events = net->eventLog().events();
    const int sent = int(std::count_if(events.begin(), events.end(), [](const TrafficEvent &e) {
        return e.kind == TrafficEvent::Kind::Sent || e.kind == TrafficEvent::Kind::Duplicated;
    }));
    const int delivered = int(std::count_if(events.begin(), events.end(), [](const TrafficEvent &e) {
        return e.kind == TrafficEvent::Kind::Delivered;
    }));
    QCOMPARE(delivered, 10);
    QCOMPARE(window.sequenceView()->arrowCount(), sent);
    QVERIFY(window.graphView()->nodeCount() >= 4);
    // Searching narrows the table (the first steps are the nodes' lookups and wake-ups: no
    // election yet, and a lookup's reply "LeaderElectionAgent" is not one).
    window.searchField()->setText(QStringLiteral("election"));
    QCOMPARE(window.messageTable()->model()->rowCount(), 0);
    window.searchField()->setText(QStringLiteral("validate_aid"));
    QVERIFY(window.messageTable()->model()->rowCount() > 0);
    QVERIFY(window.messageTable()->model()->rowCount() < int(events.size()));
}

void tst_Inspector::systemTreeFitsItsStates()
{
    // The System dock's columns follow their texts as the agents' states change (measured at
    // most every 200 ms, not after each change).
    InspectorWindow window;
    window.show();
    system::Parameters p;
    p.agents = 4;
    QVERIFY(window.newSystem(QStringLiteral("ping-pong"), p));
    QTreeView *tree = nullptr;
    for (QTreeView *t : window.findChildren<QTreeView *>()) {
        if (qobject_cast<AgentTreeModel *>(t->model()))
            tree = t;
    }
    QVERIFY(tree);
    tree->expandAll();
    // Every shown text is narrower than its column.
    const auto fits = [tree] {
        QAbstractItemModel *m = tree->model();
        const QFontMetrics metrics(tree->font());
        std::function<bool(const QModelIndex &)> below = [&](const QModelIndex &parent) {
            for (int r = 0; r < m->rowCount(parent); ++r) {
                for (int c = 0; c < m->columnCount(parent); ++c) {
                    const QString text = m->index(r, c, parent).data().toString();
                    if (!tree->isColumnHidden(c) && tree->columnWidth(c) < metrics.horizontalAdvance(text))
                        return false;
                }
                if (!below(m->index(r, 0, parent)))
                    return false;
            }
            return true;
        };
        return below(QModelIndex());
    };
    QTRY_VERIFY_WITH_TIMEOUT(fits(), 5000);
    const int stateColumn = AgentTreeModel::StateColumn;
    const int before = tree->columnWidth(stateColumn);
    LocalNetwork *net = LocalNetwork::instance();
    QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
    for (int i = 0; i < 12 && net->pendingCount() > 0; ++i) {
        window.stepAction()->trigger();
        settle();
    }
    QTRY_VERIFY_WITH_TIMEOUT(fits(), 5000);
    QVERIFY2(tree->columnWidth(stateColumn) > before, "the states grew longer, and so did their column");
}

void tst_Inspector::deliverAChosenMessage()
{
    InspectorWindow window;
    window.setShowPlumbing(true); // the first frames are plumbing: pick among all of them
    system::Parameters p;
    p.agents = 4;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    LocalNetwork *net = LocalNetwork::instance();
    QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() >= 2, 5000);
    // Deliver the newest pending message first: another interleaving.
    const QList<PendingMessage> pending = net->pendingMessages();
    const quint64 chosen = pending.last().id;
    QVERIFY(chosen != pending.first().id);
    QVERIFY(window.deliverMessage(chosen));
    settle();
    const auto &events = net->eventLog().events();
    auto firstDelivery = std::find_if(events.begin(), events.end(), [](const TrafficEvent &e) {
        return e.kind == TrafficEvent::Kind::Delivered;
    });
    QVERIFY(firstDelivery != events.end());
    QCOMPARE(firstDelivery->messageId, chosen);
    // Picking it in the pending table and using the action does the same.
    QTRY_VERIFY_WITH_TIMEOUT(window.pendingTable()->model()->rowCount() > 0, 2000);
    window.pendingTable()->selectRow(0);
    const quint64 selected = window.pendingTable()->model()->index(0, 0).data(PendingMessagesModel::MessageIdRole).toULongLong();
    QVERIFY(!window.deliverMessage(0)); // nothing chosen: a clear error, nothing delivered
    QVERIFY(window.deliverMessage(selected));
    QCOMPARE(net->eventLog().events().back().kind == TrafficEvent::Kind::Delivered
                 || std::any_of(net->eventLog().events().begin(), net->eventLog().events().end(),
                                [&](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::Delivered && e.messageId == selected; }),
             true);
}

void tst_Inspector::stepBackWithoutAnEventSaysWhatItNeeds()
{
    // Ctrl+B while a waiting message, not an event, is selected: nothing is replayed, and the
    // status bar says what Step Back needs instead of doing nothing silently.
    InspectorWindow window;
    system::Parameters p;
    p.agents = 3;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    QVERIFY(window.stepOnce());
    settle();
    window.store()->flush();
    const qsizetype events = window.store()->size();
    QVERIFY(events > 0);
    window.messageTable()->setCurrentIndex(QModelIndex());
    window.statusBar()->clearMessage();
    window.stepBackAction()->trigger();
    QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Select the event to step back to"),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(!window.session()->isReplaying());
    window.store()->flush();
    QCOMPARE(window.store()->size(), events);
}

void tst_Inspector::breakpointStopsARun()
{
    InspectorWindow window;
    system::Parameters p;
    p.agents = 5;
    QVERIFY(window.newSystem(QStringLiteral("contract-net"), p));
    LocalNetwork *net = LocalNetwork::instance();
    QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
    window.setBreakpoint(QStringLiteral("accept"));
    await(window.run());
    QVERIFY(!window.isRunning());
    // Stopped before delivering the first message that mentions "accept" (the award).
    const QList<PendingMessage> pending = net->pendingMessages();
    QVERIFY(!pending.isEmpty());
    QVERIFY2(window.breakpointMatches(pending.first()), qPrintable(pending.first().path));
    const auto &events = net->eventLog().events();
    QVERIFY(std::none_of(events.begin(), events.end(), [](const TrafficEvent &e) {
        return e.kind == TrafficEvent::Kind::Delivered && e.path.contains(u"accept");
    }));
    // Running again goes past it to the end.
    window.setBreakpoint(QString());
    await(window.run());
    QTRY_VERIFY_WITH_TIMEOUT(window.system()->isFinished(), 10000);
}

void tst_Inspector::externalClock()
{
    InspectorWindow window;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), {}));
    ExternalClock *clock = window.system()->clock();
    QVERIFY(clock);
    QCOMPARE(window.clockPanel()->clock(), clock);
    const double before = clock->time();
    QVERIFY(clock->advance(2.5));
    settle();
    QCOMPARE(clock->time(), before + 2.5);
    const auto &events = LocalNetwork::instance()->eventLog().events();
    QVERIFY(std::any_of(events.begin(), events.end(), [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::ClockChanged; }));
}

void tst_Inspector::sessionRoundTrip()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.massession"));
    TrafficLog saved;
    {
        InspectorWindow window;
        system::Parameters p;
        p.agents = 4;
        p.seed = 7;
        QVERIFY(window.newSystem(QStringLiteral("echo"), p));
        LocalNetwork *net = LocalNetwork::instance();
        QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
        // A non-FIFO run: always deliver the newest pending message.
        for (int i = 0; i < 12 && net->pendingCount() > 0; ++i) {
            QVERIFY(window.deliverMessage(net->pendingMessages().last().id));
            settle();
        }
        saved = net->eventLog();
        QVERIFY(window.saveSession(file));
    }
    InspectorWindow reopened;
    Result<void> opened = await(reopened.openSession(file));
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    QCOMPARE(reopened.demoId(), QStringLiteral("echo"));
    QCOMPARE(reopened.system()->parameters().seed, 7u);
    const TrafficLog replayed = LocalNetwork::instance()->eventLog();
    const std::optional<qsizetype> diff = TrafficLog::firstDifference(saved, replayed);
    QVERIFY2(!diff, diff ? qPrintable(QStringLiteral("differs at %1").arg(*diff)) : "");
    reopened.store()->flush();
    QCOMPARE(reopened.store()->size(), saved.size());
    // Comparing with the saved run finds no difference; a step back replays a prefix.
    QCOMPARE(reopened.compareWith(file).value(), -1);
    Result<quint64> back = await(reopened.replayTo(saved.events()[size_t(saved.size() / 2)].sequence));
    QVERIFY2(back, qPrintable(back.error().toString()));
    QVERIFY(LocalNetwork::instance()->eventLog().size() < saved.size());
    QCOMPARE(reopened.compareWith(file).value(), LocalNetwork::instance()->eventLog().size());
}

namespace {

/// Runs ping-pong with 6 agents for `rounds` rounds to its end, without a window (quicker),
/// and saves it as a session to `file`; the number of events recorded (0 when it failed).
qsizetype recordPingPong(const QString &file, int rounds)
{
    InspectorSession session;
    system::Parameters p;
    p.agents = 6;
    p.rounds = rounds;
    if (!session.newSystem(QStringLiteral("ping-pong"), p))
        return 0;
    await(session.run());
    if (!session.system()->isFinished() || !session.saveSession(file))
        return 0;
    return LocalNetwork::instance()->eventLog().size();
}

} // namespace

void tst_Inspector::cancelAReplay()
{
    // A long session opened: the status bar shows its replay with a Cancel; pressed in the
    // middle, the window stands at that event, says so, and steps on from there.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("long.massession"));
    const qsizetype total = recordPingPong(file, 100);
    QVERIFY2(total > 3000, qPrintable(QString::number(total)));
    InspectorWindow window;
    window.show();
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("replayCancelButton"));
    auto *bar = window.findChild<QProgressBar *>(QStringLiteral("replayProgressBar"));
    QVERIFY(cancel && bar);
    QVERIFY(!cancel->isVisible() && !bar->isVisible());
    qsizetype cancelledAt = -1;
    bool shownThen = false;
    connect(window.session(), &InspectorSession::replayProgress, &window, [&](qsizetype done, qsizetype all) {
        if (all > 0 && done >= all / 10 && cancelledAt < 0) { // well into the replay
            cancelledAt = done;
            shownThen = cancel->isVisible() && cancel->isEnabled() && bar->isVisible() && bar->maximum() == int(all);
            cancel->setFocus(Qt::MouseFocusReason); // as a click gives it
            QTest::mouseClick(cancel, Qt::LeftButton);
        }
    });
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.messageTable()->setFocus();
    QTRY_VERIFY(window.messageTable()->hasFocus());
    const Result<void> opened = await(window.openSession(file));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code(), ErrorCode::Cancelled);
    QVERIFY(cancelledAt > 0);
    QVERIFY(shownThen);
    QTRY_VERIFY_WITH_TIMEOUT(!cancel->isVisible() && !bar->isVisible(), 5000);
    // The keyboard is back where it was, not in the next widget of the tab order.
    QTRY_VERIFY2(window.messageTable()->hasFocus(),
                 QApplication::focusWidget() ? qPrintable(QApplication::focusWidget()->objectName()) : "no focus");
    window.store()->flush();
    const qsizetype reached = window.store()->size();
    QVERIFY(reached >= cancelledAt && reached < total);
    QVERIFY2(window.statusBar()->currentMessage().startsWith(
                 QStringLiteral("Replay cancelled at event %1 of %2").arg(reached).arg(total)),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(window.windowTitle().contains(u"long.massession"));
    // Stepping goes on from there.
    QVERIFY(window.system() && !window.system()->isFinished());
    QVERIFY(window.stepAction()->isEnabled());
    window.stepAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.store()->size() > reached, 5000);
}

void tst_Inspector::replayDisablesTheStepActions()
{
    // While a replay goes on (opening a session, Step Back, and after a Cancel), Step, Run,
    // Deliver and Step Back are off, their tool buttons too, and their keys change nothing;
    // they are on again when it ends.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("long.massession"));
    const qsizetype total = recordPingPong(file, 40); // long enough to act in its middle
    QVERIFY2(total > 1000, qPrintable(QString::number(total)));
    InspectorWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *stepBar = window.findChild<QToolBar *>(QStringLiteral("steppingToolBar"));
    QVERIFY(stepBar);
    QWidget *stepButton = stepBar->widgetForAction(window.stepAction());
    QWidget *runButton = stepBar->widgetForAction(window.runAction());
    QVERIFY(stepButton && runButton);
    const QList<QAction *> actions{window.stepAction(), window.runAction(), window.deliverAction(),
                                   window.stepBackAction()};
    // Sampled well into each replay: what is enabled, and what the keys and the calls do then.
    struct Sample
    {
        bool taken = false;
        QStringList enabled; // the actions (and buttons) enabled during the replay
        bool stepRefused = false;
        bool deliverRefused = false;
        qsizetype eventsBefore = 0;
    };
    Sample sample;
    bool cancelIt = false;
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("replayCancelButton"));
    QVERIFY(cancel);
    connect(window.session(), &InspectorSession::replayProgress, &window, [&](qsizetype done, qsizetype all) {
        if (all <= 0 || done < all / 10 || sample.taken)
            return;
        sample.taken = true;
        for (QAction *a : actions) {
            if (a->isEnabled())
                sample.enabled << a->text();
        }
        if (stepButton->isEnabled() || runButton->isEnabled())
            sample.enabled << QStringLiteral("a tool button");
        // The keys (F10, F5, F11, Ctrl+B) and the calls behind them change nothing.
        window.store()->flush();
        sample.eventsBefore = window.store()->size();
        window.activateWindow();
        QTest::keyClick(&window, Qt::Key_F10);
        QTest::keyClick(&window, Qt::Key_F5);
        QTest::keyClick(&window, Qt::Key_F11);
        QTest::keyClick(&window, Qt::Key_B, Qt::ControlModifier);
        const QList<PendingMessage> pending = LocalNetwork::instance()->pendingMessages();
        sample.stepRefused = !window.session()->stepOnce();
        sample.deliverRefused = pending.isEmpty() || !window.deliverMessage(pending.back().id);
        if (cancelIt)
            QTest::mouseClick(cancel, Qt::LeftButton);
    });
    // Deliver needs a pending message selected (a finished run has none).
    const auto allEnabled = [&] {
        return window.stepAction()->isEnabled() && window.runAction()->isEnabled()
               && window.stepBackAction()->isEnabled() && stepButton->isEnabled() && runButton->isEnabled()
               && (window.pendingTable()->model()->rowCount() == 0 || window.deliverAction()->isEnabled());
    };
    const auto selectPending = [&] {
        if (window.pendingTable()->model()->rowCount() > 0)
            window.pendingTable()->setCurrentIndex(window.pendingTable()->model()->index(0, 0));
    };

    // Opening the session.
    Result<void> opened = await(window.openSession(file));
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    QVERIFY(sample.taken);
    QVERIFY2(sample.enabled.isEmpty(), qPrintable(sample.enabled.join(u',')));
    QVERIFY(sample.stepRefused && sample.deliverRefused);
    // Nothing was stepped meanwhile: the replayed run is the recorded one, event for event.
    window.store()->flush();
    QCOMPARE(window.store()->size(), total);
    QCOMPARE(window.compareWith(file).value(), -1);
    const int rows = window.messageTable()->model()->rowCount();
    QVERIFY(rows > 100);
    window.messageTable()->setCurrentIndex(window.messageTable()->model()->index(rows / 2, 0));
    QTRY_VERIFY_WITH_TIMEOUT(allEnabled(), 5000);

    // Step Back (Ctrl+B) to the middle.
    sample = {};
    window.stepBackAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(sample.taken, 30000);
    QVERIFY2(sample.enabled.isEmpty(), qPrintable(sample.enabled.join(u',')));
    QVERIFY(sample.stepRefused && sample.deliverRefused);
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isReplaying(), 30000);
    settle();
    selectPending();
    QTRY_VERIFY_WITH_TIMEOUT(allEnabled(), 5000);
    QVERIFY(window.deliverAction()->isEnabled());
    window.store()->flush();
    const qsizetype middle = window.store()->size();
    QVERIFY(middle < total);
    QCOMPARE(window.compareWith(file).value(), middle); // a prefix of the recorded run
    // The keys pressed during the replays reach the actions now: F10 steps.
    window.activateWindow();
    QTest::keyClick(&window, Qt::Key_F10);
    QTRY_VERIFY_WITH_TIMEOUT((window.store()->flush(), window.store()->size() > middle), 5000);

    // A replay cancelled: on again afterwards, too.
    sample = {};
    cancelIt = true;
    const Result<void> reopened = await(window.openSession(file));
    QVERIFY(!reopened);
    QCOMPARE(reopened.error().code(), ErrorCode::Cancelled);
    QVERIFY(sample.taken);
    QVERIFY2(sample.enabled.isEmpty(), qPrintable(sample.enabled.join(u',')));
    window.messageTable()->setCurrentIndex(window.messageTable()->model()->index(0, 0));
    selectPending();
    QTRY_VERIFY_WITH_TIMEOUT(allEnabled(), 5000);
}

void tst_Inspector::exports()
{
    InspectorWindow window;
    QVERIFY(window.newSystem(QStringLiteral("two-phase-commit"), {}));
    await(window.runUntilIdle());
    window.store()->flush();
    QTemporaryDir dir;
    for (const QString &name : {QStringLiteral("diagram.png"), QStringLiteral("diagram.svg")}) {
        const QString f = dir.filePath(name);
        QVERIFY(window.exportDiagram(f));
        QVERIFY(QFileInfo(f).size() > 1000);
    }
    for (const QString &name : {QStringLiteral("graph.png"), QStringLiteral("graph.svg")}) {
        const QString f = dir.filePath(name);
        QVERIFY(window.exportGraph(f));
        QVERIFY(QFileInfo(f).size() > 1000);
    }
    QImage png(dir.filePath(QStringLiteral("diagram.png")));
    QVERIFY(!png.isNull());
    QVERIFY(png.height() > 200);
    QVERIFY(QSvgRenderer(dir.filePath(QStringLiteral("graph.svg"))).isValid());
    QVERIFY(QSvgRenderer(dir.filePath(QStringLiteral("diagram.svg"))).isValid());
    const QString csv = dir.filePath(QStringLiteral("table.csv"));
    QVERIFY(window.exportTableCsv(csv));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), window.messageTable()->model()->rowCount() + 1);
}

void tst_Inspector::runToCompletion_data()
{
    QTest::addColumn<QString>("demo");
    for (const system::SystemType &d : system::SystemRegistry::global().types())
        QTest::newRow(qPrintable(d.id)) << d.id;
}

void tst_Inspector::runToCompletion()
{
    QFETCH(QString, demo);
    InspectorWindow window;
    QVERIFY(window.newSystem(demo, {}));
    await(window.run());
    QTRY_VERIFY_WITH_TIMEOUT(window.system()->isFinished(), 10000);
    QCOMPARE(window.system()->violatedInvariants(), QStringList());
}

void tst_Inspector::exploreOpensTheCounterexample()
{
    // The teaching bug: a leader election that elects two leaders under one delivery order.
    InspectorWindow window;
    window.show();
    system::Parameters p;
    p.agents = 3;
    p.faulty = true;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    system::ExplorerOptions options;
    options.properties = QStringList{QStringLiteral("at most one leader")};
    options.maxSchedules = 2000;
    options.maxTime = std::chrono::seconds(60);
    bool sawProgress = false;
    QTimer poll; // the progress dialog shows live counts while the search runs
    connect(&poll, &QTimer::timeout, &window, [&] {
        sawProgress = sawProgress || window.isExploring();
    });
    poll.start(1);
    Result<system::ExplorerResult> result = await(window.explore(options));
    QVERIFY2(result, qPrintable(result.error().toString()));
    QCOMPARE(result->verdict, system::ExplorerResult::Verdict::Violation);
    QVERIFY(sawProgress);
    QVERIFY(!window.isExploring());
    const system::Counterexample *found = result->counterexample();
    QVERIFY(found);
    QVERIFY(result->shrunk && result->shrunk->length() <= result->violation->length());

    // The replay view: the rebuilt system stands at the violating event.
    QVERIFY(window.system());
    QVERIFY2(window.system()->violatedInvariants().contains(QStringLiteral("at most one leader")),
             qPrintable(window.system()->violatedInvariants().join(u',')));
    QCOMPARE(window.system()->stateText(), found->stateText);
    window.store()->flush();
    QVERIFY(window.store()->size() > 0);
    const quint64 selected = window.store()->selectedMessage();
    QVERIFY(selected != 0);
    quint64 lastMessage = 0;
    for (const TrafficEvent &e : window.store()->events()) {
        if (e.messageId)
            lastMessage = e.messageId;
    }
    QCOMPARE(selected, lastMessage);
    // The same schedule as the counterexample: the deliveries and faults match one for one.
    QCOMPARE(window.store()->toLog().schedule().size(), found->log.schedule().size());
    // Stepping goes on from there, as after any replay.
    QVERIFY(window.stepAction()->isEnabled());

    // Saved as a session (what `mas explore --out` writes), another window opens it and
    // arrives at the same violation.
    QTemporaryDir dir;
    system::Session session;
    session.demo = QStringLiteral("leader-election");
    session.parameters = result->parameters;
    session.log = found->log;
    const QString file = dir.filePath(QStringLiteral("two-leaders.massession"));
    QVERIFY(session.save(file));
    QVERIFY(TrafficLog::load(file)); // a session reads as a log too
    InspectorWindow other;
    Result<void> opened = await(other.openSession(file));
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    QVERIFY(other.system()->violatedInvariants().contains(QStringLiteral("at most one leader")));
    QCOMPARE(other.system()->stateText(), found->stateText);
}

void tst_Inspector::exploreCorrectDemo()
{
    InspectorWindow window;
    system::Parameters p;
    p.agents = 3;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    system::ExplorerOptions options;
    options.maxTime = std::chrono::seconds(60);
    Result<system::ExplorerResult> result = await(window.explore(options));
    QVERIFY2(result, qPrintable(result.error().toString()));
    QCOMPARE(result->verdict, system::ExplorerResult::Verdict::Verified);
    QVERIFY(result->statistics.schedules > 1);
    // A fresh system is back, ready to step.
    QVERIFY(window.system());
    QVERIFY(window.system()->violatedInvariants().isEmpty());
    QTRY_VERIFY(LocalNetwork::instance()->pendingCount() > 0);
}

void tst_Inspector::closeWhileExploring()
{
    // A large search, closed while it runs: the explorer is cancelled, the window closes once it
    // has stopped, and its progress dialog (on the heap, owned by the window) goes.
    auto *window = new InspectorWindow;
    window->show();
    system::Parameters p;
    p.agents = 5;
    QVERIFY(window->newSystem(QStringLiteral("leader-election"), p));
    const system::ExplorerOptions options = test::endlessExploration();
    QObject context;
    std::optional<Result<system::ExplorerResult>> result;
    QCoro::connect(window->explore(options), &context,
                   [&result](const Result<system::ExplorerResult> &r) { result = r; });
    QVERIFY(window->isExploring());
    QPointer<QProgressDialog> progress = window->explorationProgressDialog();
    QVERIFY(progress);
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), 10'000);
    QVERIFY(!result); // still searching

    QVERIFY(!window->close()); // waits for the explorer to stop
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30'000);
    QVERIFY2(*result, qPrintable(result->error().toString()));
    QCOMPARE((*result)->verdict, system::ExplorerResult::Verdict::Cancelled);
    QVERIFY(!window->isExploring());
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(!progress, 10'000);
    QVERIFY(!window->explorationProgressDialog());
    delete window;
    for (QWidget *w : QApplication::topLevelWidgets())
        QVERIFY2(!qobject_cast<QProgressDialog *>(w), "a progress dialog outlived its window");
    // The network is free for the next window.
    InspectorWindow next;
    QVERIFY(next.newSystem(QStringLiteral("leader-election"), p));
    QTRY_VERIFY(LocalNetwork::instance()->pendingCount() > 0);
}

void tst_Inspector::deleteWhileExploring()
{
    // Destroyed outright (no close) in the middle of a search: the explorer is cancelled and
    // ends on its own; nothing of the window is touched after it went.
    auto *window = new InspectorWindow;
    window->show();
    system::Parameters p;
    p.agents = 5;
    QVERIFY(window->newSystem(QStringLiteral("leader-election"), p));
    const system::ExplorerOptions options = test::endlessExploration();
    QObject context;
    std::optional<Result<system::ExplorerResult>> result;
    QCoro::connect(window->explore(options), &context,
                   [&result](const Result<system::ExplorerResult> &r) { result = r; });
    QPointer<QProgressDialog> progress = window->explorationProgressDialog();
    QVERIFY(progress);
    // Gone once the search has reported progress.
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0 || progress->labelText().contains(u"Schedules"), 30'000);
    QVERIFY(!result);
    delete window;
    QVERIFY(!progress);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30'000);
    QVERIFY(!*result);
    QCOMPARE(result->error().code(), ErrorCode::Cancelled);
    InspectorWindow next;
    QVERIFY(next.newSystem(QStringLiteral("leader-election"), p));
    QTRY_VERIFY(LocalNetwork::instance()->pendingCount() > 0);
}

void tst_Inspector::sessionFileNameAddsTheExtension()
{
    // Save Session adds ".massession" to a name without an extension, so the Open dialog (whose
    // filter lists *.massession and *.jsonl) shows the file afterwards; other names stay.
    QCOMPARE(InspectorWindow::sessionFileName(QStringLiteral("lesson1")), QStringLiteral("lesson1.massession"));
    QCOMPARE(InspectorWindow::sessionFileName(QStringLiteral("runs.d/lesson1")),
             QStringLiteral("runs.d/lesson1.massession"));
    QCOMPARE(InspectorWindow::sessionFileName(QStringLiteral("lesson1.massession")),
             QStringLiteral("lesson1.massession"));
    QCOMPARE(InspectorWindow::sessionFileName(QStringLiteral("two-leaders.jsonl")),
             QStringLiteral("two-leaders.jsonl"));
    QCOMPARE(InspectorWindow::sessionFileName(QString()), QString());
}

QTEST_MAIN(tst_Inspector)
#include "tst_inspector.moc"
