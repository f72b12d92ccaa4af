// SPDX-License-Identifier: MIT
// The look-ahead in the real window (offscreen): while the faulty leader election is stepped
// towards two leaders, the pending list marks every pending message, one of them as leading to
// the violation, with the continuation in its tool tip; playing the continuation reaches the
// violation; every step starts a new search; without the mas program it is off and says why.
// The look-ahead has a tool bar of its own (in German at 1280×720 nothing of it goes into an
// overflow menu), and the pending list's context menu shows and plays the continuation (Alt+click
// is often the window manager's).

#include "session/inspectorsession.h"
#include "models/eventstore.h"
#include "models/pendingmodel.h"
#include "widgets/inspectorwindow.h"
#include "widgets/lookaheadactions.h"

#include <mas/system/explorer.h>
#include <mas/system/lookahead.h>
#include <mas/system/session.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QAction>
#include <QApplication>
#include <QCoro/QCoroTask>
#include <QFileInfo>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTranslator>

#include <algorithm>
#include <memory>

using namespace mas;
using namespace mas::ui;
using namespace mas::system;

namespace {

Parameters faultyElection()
{
    Parameters parameters;
    parameters.agents = 3;
    parameters.faulty = true;
    return parameters;
}

/// The actions of the faulty election's shrunk counterexample (found before the window's
/// system exists: the explorer owns the network while it runs).
std::vector<TrafficEvent> counterexampleSchedule()
{
    ExplorerOptions options;
    options.queueId = QStringLiteral("reference");
    Explorer explorer(QStringLiteral("leader-election"), faultyElection(), options);
    const ExplorerResult result = QCoro::waitFor(explorer.run());
    return result.counterexample() ? result.counterexample()->log.schedule() : std::vector<TrafficEvent>();
}

/// Delivers `actions` in the window's system, each once its frame is pending.
bool play(InspectorWindow &window, const std::vector<TrafficEvent> &actions)
{
    for (const TrafficEvent &action : actions) {
        if (action.kind == TrafficEvent::Kind::ClockChanged) {
            if (!QTest::qWaitFor([] { return LocalNetwork::instance()->pendingCount() == 0; }, 5000))
                return false;
            if (!LocalNetwork::instance()->advanceClock())
                return false;
            continue;
        }
        if (action.kind != TrafficEvent::Kind::Delivered)
            return false;
        if (!QTest::qWaitFor(
                [&] { return !window.session()->isBusy() && LocalNetwork::instance()->pendingMessage(action.messageId); },
                5000))
            return false;
        if (!window.session()->deliverMessage(action.messageId))
            return false;
    }
    QTest::qWait(0);
    return true;
}

/// The pending list's rows' annotation kinds.
QStringList annotations(InspectorWindow &window)
{
    QStringList kinds;
    QAbstractItemModel *model = window.pendingTable()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        kinds << model->index(row, PendingMessagesModel::MessageColumn).data(PendingMessagesModel::AnnotationRole).toString();
    return kinds;
}

} // namespace

class tst_LookAheadView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void marksAndPlayingTheContinuation();
    void offWithoutTheProgram();
    void offWhenAFileReplacesTheSystem();
    void ownToolBarAndContextMenu();
};

void tst_LookAheadView::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("mas.channel.warning=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_lookaheadview"));
    QVERIFY(SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
    QVERIFY(SystemRegistry::global().find(u"leader-election"));
}

void tst_LookAheadView::marksAndPlayingTheContinuation()
{
#ifndef MAS_CLI
    QSKIP("the mas program is not built");
#else
    const std::vector<TrafficEvent> schedule = counterexampleSchedule();
    QVERIFY(schedule.size() > 4);
    LocalQueue::clearCache();

    InspectorWindow window;
    LookAheadActions *lookAhead = window.lookAheadActions();
    QVERIFY(lookAhead);
    lookAhead->setProgram(QStringLiteral(MAS_CLI));
    // The child loads the plug-ins this window loaded (the Inspector's --plugin-path).
    QVERIFY(lookAhead->client());
    const QStringList childArguments = lookAhead->client()->childArguments();
    const qsizetype pluginPath = childArguments.indexOf(QStringLiteral("--plugin-path"));
    QVERIFY2(pluginPath > 0 && pluginPath + 1 < childArguments.size(), qPrintable(childArguments.join(u' ')));
    QCOMPARE(QFileInfo(childArguments[pluginPath + 1]).canonicalFilePath(),
             QFileInfo(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)).canonicalFilePath());
    // On by default, k = 6, for a system of C++ agents.
    QVERIFY(lookAhead->lookAheadAction()->isChecked());
    QCOMPARE(lookAhead->depthBox()->value(), 6);
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), faultyElection()));
    QVERIFY2(lookAhead->isAvailable(), qPrintable(lookAhead->unavailableReason()));
    window.show();

    // A few steps before the violation the look-ahead sees it coming: the first state on the
    // counterexample's way, from three actions before its end, where a shown message is marked.
    QSignalSpy finished(lookAhead, &LookAheadActions::searchFinished);
    std::size_t done = 0;
    QStringList kinds;
    quint64 search = 0;
    for (std::size_t cut = schedule.size() - 3; cut < schedule.size() && !kinds.contains(u"violation"); ++cut) {
        QVERIFY(play(window, std::vector<TrafficEvent>(schedule.begin() + qsizetype(done), schedule.begin() + qsizetype(cut))));
        done = cut;
        QTRY_VERIFY_WITH_TIMEOUT(lookAhead->currentSearch() > search, 10'000);
        search = lookAhead->currentSearch();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last()[0].value<quint64>() == search, 120'000);
        QCOMPARE(finished.last()[1].toString(), QStringLiteral("done"));
        // Every pending message has its mark (all of them, hidden plumbing too).
        QCOMPARE(lookAhead->marks().size(), qsizetype(LocalNetwork::instance()->pendingCount()));
        kinds = annotations(window);
        QVERIFY2(!kinds.contains(QString()) && !kinds.contains(QStringLiteral("unknown")), qPrintable(kinds.join(u',')));
    }
    QVERIFY2(kinds.contains(QStringLiteral("violation")), qPrintable(kinds.join(u',')));
    // ... and a violating one's tool tip names the invariant and lists the continuation.
    QAbstractItemModel *model = window.pendingTable()->model();
    int violatingRow = -1;
    for (int row = 0; row < model->rowCount() && violatingRow < 0; ++row) {
        if (model->index(row, 0).data(PendingMessagesModel::AnnotationRole).toString() == u"violation")
            violatingRow = row;
    }
    QVERIFY(violatingRow >= 0);
    // The tool bar counts the violations among the messages the list shows, not the hidden ones.
    int shownViolations = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        shownViolations += model->index(row, 0).data(PendingMessagesModel::AnnotationRole).toString() == u"violation";
    auto *state = window.findChild<QLabel *>(QStringLiteral("lookAheadState"));
    QVERIFY(state);
    QVERIFY2(state->text().startsWith(QString::number(shownViolations) + u' '), qPrintable(state->text()));
    const QModelIndex cell = model->index(violatingRow, PendingMessagesModel::MessageColumn);
    const quint64 id = cell.data(PendingMessagesModel::MessageIdRole).toULongLong();
    const LookAheadMark mark = lookAhead->marks().value(id);
    QCOMPARE(mark.kind, LookAheadMark::Kind::Violation);
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(mark.property), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("1. ")), qPrintable(tip));
    QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!window.system()->violatedInvariants().contains(mark.property));

    // The context menu on it: Show Continuation shows the continuation (the cell's tool tip),
    // Play Continuation is beside it, then the window's actions on a pending message.
    {
        std::unique_ptr<QMenu> menu(lookAhead->contextMenuFor(cell));
        QCOMPARE(window.pendingTable()->currentIndex().row(), violatingRow);
        QVERIFY(menu->actions().contains(lookAhead->showContinuationAction()));
        QVERIFY(menu->actions().contains(lookAhead->playAction()));
        QVERIFY(lookAhead->showContinuationAction()->isEnabled());
        QVERIFY(lookAhead->playAction()->isEnabled());
        lookAhead->showContinuationAction()->trigger();
        QTRY_VERIFY(qobject_cast<QLabel *>(QApplication::activePopupWidget()));
        auto *popup = qobject_cast<QLabel *>(QApplication::activePopupWidget());
        QCOMPARE(popup->objectName(), QStringLiteral("continuationPopup"));
        QCOMPARE(popup->text(), tip);
        QTest::keyClick(popup, Qt::Key_Escape); // closed by Esc ...
        QTRY_VERIFY(!QApplication::activePopupWidget());
        QVERIFY(lookAhead->showContinuation(cell, window.pendingTable()->viewport()->mapToGlobal(QPoint(4, 4))));
        QTRY_VERIFY(qobject_cast<QLabel *>(QApplication::activePopupWidget()));
        popup = qobject_cast<QLabel *>(QApplication::activePopupWidget());
        QTest::mouseClick(popup, Qt::LeftButton, {}, QPoint(-10, -10)); // ... and by a click (outside)
        QTRY_VERIFY(!QApplication::activePopupWidget());
        // ... and on a message marked safe or unknown, nothing to show or play.
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex other = model->index(row, PendingMessagesModel::MessageColumn);
            if (other.data(PendingMessagesModel::AnnotationRole).toString() == u"violation")
                continue;
            std::unique_ptr<QMenu> otherMenu(lookAhead->contextMenuFor(other));
            QVERIFY(!lookAhead->showContinuationAction()->isEnabled());
            QVERIFY(!lookAhead->playAction()->isEnabled());
            break;
        }
    }

    // Play Continuation on the selected message reaches the violation.
    window.pendingTable()->setCurrentIndex(cell);
    QTRY_VERIFY(lookAhead->playAction()->isEnabled());
    lookAhead->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.system()->violatedInvariants().contains(mark.property), 20'000);
    // The steps started a new search of the new state.
    QTRY_VERIFY_WITH_TIMEOUT(lookAhead->currentSearch() > search, 10'000);
    search = lookAhead->currentSearch();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last()[0].value<quint64>() == search, 120'000);

    // A Step Back replays the run: while it replays, no marks and no search (the state moves
    // on faster than a search), the tool bar "waiting"; once it stands, a search of the state
    // it reached.
    int replayReports = 0;
    QStringList duringReplay; // what was wrong during the replay
    connect(window.session(), &InspectorSession::replayProgress, lookAhead, [&](qsizetype done, qsizetype all) {
        Q_UNUSED(done)
        if (all < 0)
            return; // the end (the first report comes once the replay has begun)
        ++replayReports;
        if (!lookAhead->marks().isEmpty())
            duringReplay << QStringLiteral("%1 marks").arg(lookAhead->marks().size());
        if (lookAhead->currentSearch() != 0)
            duringReplay << QStringLiteral("search %1 going on").arg(lookAhead->currentSearch());
        if (state->text() != u"waiting")
            duringReplay << state->text();
    });
    window.store()->flush();
    QVERIFY(window.store()->size() > 10);
    const quint64 back = window.store()->at(window.store()->size() - 3).sequence; // most of the run

    bool replayed = false;
    QCoro::connect(window.replayTo(back), &window, [&](const Result<quint64> &r) { replayed = bool(r); });
    QTRY_VERIFY_WITH_TIMEOUT(replayed, 20'000);
    QVERIFY(replayReports > 0);
    QVERIFY2(duringReplay.isEmpty(), qPrintable(duringReplay.join(u", ")));
    QTRY_VERIFY_WITH_TIMEOUT(lookAhead->currentSearch() > search, 10'000);
    search = lookAhead->currentSearch();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last()[0].value<quint64>() == search, 120'000);
    QCOMPARE(lookAhead->marks().size(), qsizetype(LocalNetwork::instance()->pendingCount()));
#endif
}

void tst_LookAheadView::offWithoutTheProgram()
{
    InspectorWindow window;
    LookAheadActions *lookAhead = window.lookAheadActions();
    lookAhead->setProgram(QString());
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), faultyElection()));
    QVERIFY(!lookAhead->isAvailable());
    QVERIFY(!lookAhead->lookAheadAction()->isEnabled());
    QVERIFY(lookAhead->lookAheadAction()->toolTip().contains(u"mas"));
    QCOMPARE(lookAhead->currentSearch(), quint64(0));
    QVERIFY(!annotations(window).contains(QStringLiteral("violation")));
}

void tst_LookAheadView::offWhenAFileReplacesTheSystem()
{
#ifndef MAS_CLI
    QSKIP("the mas program is not built");
#else
    // A session over sockets (shown, not replayed): opened over a stepped system, it leaves no
    // system to look ahead in, and the tool bar says so instead of searching.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("sockets.massession"));
    {
        Session saved;
        saved.parameters.transport = Transport::Tcp;
        TrafficEvent sent;
        sent.kind = TrafficEvent::Kind::Sent;
        sent.messageId = 1;
        sent.from = QStringLiteral("tcp://127.0.0.1:5555/");
        sent.to = QStringLiteral("tcp://127.0.0.1:5556/0");
        sent.path = QStringLiteral("ping");
        saved.log = TrafficLog(std::vector<TrafficEvent>{sent});
        QVERIFY(saved.save(file));
    }
    InspectorWindow window;
    LookAheadActions *lookAhead = window.lookAheadActions();
    lookAhead->setProgram(QStringLiteral(MAS_CLI));
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), faultyElection()));
    QVERIFY2(lookAhead->isAvailable(), qPrintable(lookAhead->unavailableReason()));
    QVERIFY(lookAhead->lookAheadAction()->isEnabled());
    // A search of the system about to be replaced stops as the file starts to be read.
    lookAhead->setDepth(12);
    QTRY_VERIFY_WITH_TIMEOUT(lookAhead->isSearching(), 10'000);
    QSignalSpy finished(lookAhead->client(), &mas::system::LookAheadClient::searchEnded);
    const quint64 search = lookAhead->currentSearch();
    QCoro::Task<Result<void>> opening = window.openSession(file);
    QVERIFY(window.session()->isOpening());
    QVERIFY(!lookAhead->isSearching());
    const Result<void> opened = QCoro::waitFor(std::move(opening));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    QVERIFY(!window.system());
    QVERIFY(!lookAhead->isAvailable());
    QVERIFY(!lookAhead->lookAheadAction()->isEnabled());
    QCOMPARE(lookAhead->currentSearch(), quint64(0));
    // Its end, reported by the search process, is that it was cancelled.
    QTRY_VERIFY_WITH_TIMEOUT(!lookAhead->client()->isSearching(), 10'000);
    QVERIFY(std::any_of(finished.cbegin(), finished.cend(),
                        [search](const QList<QVariant> &end) { return end[0].value<quint64>() == search; }));
    for (const QList<QVariant> &end : finished) {
        if (end[0].value<quint64>() == search)
            QCOMPARE(end[1].toString(), QStringLiteral("cancelled"));
    }
#endif
}

void tst_LookAheadView::ownToolBarAndContextMenu()
{
    // In German at 1280×720, where the stepping tool bar is full.
    QLocale::setDefault(QLocale(QStringLiteral("de")));
    auto translator = std::make_unique<QTranslator>();
    QVERIFY(translator->load(QStringLiteral(":/i18n/mas_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(translator.get()));
    {
        InspectorWindow window;
        LookAheadActions *lookAhead = window.lookAheadActions();
        lookAhead->setProgram(QString()); // no marks: the menu's own entries are off
        window.setWindowState(Qt::WindowNoState);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.newSystem(QStringLiteral("leader-election"), faultyElection()));
        // Stepped until the list shows a message (the teaching view hides the plumbing).
        for (int i = 0; i < 20 && window.pendingTable()->model()->rowCount() == 0; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
            QVERIFY(window.stepOnce());
            QTest::qWait(0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.pendingTable()->model()->rowCount() > 0, 5000);

        // The look-ahead's own tool bar, not the stepping tool bar, holds the switch, k, the
        // state and Play Continuation; each of them is on the bar, none in its » menu.
        QToolBar *bar = lookAhead->toolBar();
        QVERIFY(bar);
        QCOMPARE(bar->objectName(), QStringLiteral("lookAheadToolBar"));
        QCOMPARE(window.toolBarArea(bar), Qt::TopToolBarArea);
        auto *stepping = window.findChild<QToolBar *>(QStringLiteral("steppingToolBar"));
        QVERIFY(stepping);
        QVERIFY(!stepping->actions().contains(lookAhead->lookAheadAction()));
        QVERIFY(bar->actions().contains(lookAhead->lookAheadAction()));
        QVERIFY(bar->actions().contains(lookAhead->playAction()));
        QCOMPARE(lookAhead->depthBox()->parentWidget(), bar);
        QTRY_VERIFY(bar->isVisible());
        for (QAction *action : bar->actions()) {
            QWidget *shown = bar->widgetForAction(action);
            QVERIFY(shown);
            QVERIFY2(shown->isVisible(), qPrintable(action->text()));
            QVERIFY2(bar->rect().contains(shown->geometry()), qPrintable(action->text()));
        }
        // The German labels are readable whole.
        for (QAction *action : {lookAhead->lookAheadAction(), lookAhead->playAction()}) {
            QWidget *button = bar->widgetForAction(action);
            const QString text = action->iconText().remove(u'&');
            QVERIFY2(button->width() >= button->fontMetrics().horizontalAdvance(text), qPrintable(text));
        }
        QCOMPARE(lookAhead->lookAheadAction()->text().remove(u'&'), QStringLiteral("Vorausschau"));

        // Right-click on a pending message: its context menu, with Show and Play Continuation
        // (off: no mark) and the window's Deliver.
        QTableView *table = window.pendingTable();
        const QModelIndex first = table->model()->index(0, PendingMessagesModel::MessageColumn);
        Q_EMIT table->customContextMenuRequested(table->visualRect(first).center());
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QCOMPARE(menu->objectName(), QStringLiteral("pendingContextMenu"));
        QVERIFY(menu->actions().contains(lookAhead->showContinuationAction()));
        QVERIFY(menu->actions().contains(lookAhead->playAction()));
        QVERIFY(!lookAhead->showContinuationAction()->isEnabled());
        QVERIFY(menu->actions().size() >= 6); // and Deliver, Drop, Duplicate, Delay
        QCOMPARE(table->currentIndex().row(), 0);
        menu->close();
        QTRY_VERIFY(!QApplication::activePopupWidget());
    }
    QCoreApplication::removeTranslator(translator.get());
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(tst_LookAheadView)
#include "tst_lookaheadview.moc"
