// SPDX-License-Identifier: MIT
// The teaching view in MAS Inspector's real main window (offscreen): plumbing (connections,
// validate_aid lookups, bare acknowledgements, an agent's messages to itself) is folded away
// in every view and shown only with View → Show Plumbing; F10 is one step of what is shown,
// with the same deliveries as plain steps; messages read `method(args)` and agents by their
// system's names; search hits and breakpoints match what is shown.

#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "models/pendingmodel.h"
#include "models/plumbingfilter.h"
#include "session/inspectorsession.h"
#include "views/sequencediagramview.h"
#include "widgets/inspectorwindow.h"
#include "widgets/messagedetailswidget.h"
#include "widgets/plumbingactions.h"
#include "widgets/searchbar.h"

#include <mas/system/explorer.h>
#include <mas/system/session.h>
#include <mas/system/system.h>
#include <mas/system/systemagent.h>
#include <mas/trace/messagelabel.h>
#include <mas/transport/localqueue.h>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
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

system::Parameters agents(int n)
{
    system::Parameters p;
    p.agents = n;
    p.seed = 1;
    return p;
}

/// The label (Message column) of every row of the window's table, filter or not.
QStringList tableLabels(InspectorWindow &window)
{
    const auto *filter = qobject_cast<const QSortFilterProxyModel *>(window.messageTable()->model());
    const QAbstractItemModel *model = filter ? filter->sourceModel() : window.messageTable()->model();
    QStringList labels;
    for (int row = 0; row < model->rowCount(); ++row)
        labels << model->index(row, EventTableModel::MessageColumn).data().toString();
    return labels;
}

bool isPlumbingEvent(const TrafficEvent &e)
{
    return e.kind == TrafficEvent::Kind::Connected || e.kind == TrafficEvent::Kind::Closed
           || e.path == u"validate_aid" || e.path.endsWith(u"/wakeup");
}

qsizetype countIf(const std::vector<TrafficEvent> &events, const std::function<bool(const TrafficEvent &)> &p)
{
    return std::count_if(events.begin(), events.end(), p);
}

} // namespace

class tst_TeachingView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_teachingview"));
        QSettings().clear(); // the teaching view is the default
        QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(mas::system::SystemRegistry::global().find(u"leader-election"));
    }
    void firstStepIsAnElectionWithItsId();
    void plumbingOnlyWithTheToggle();
    void showPlumbingIsSaved();
    void teachingStepsDeliverAsPlainSteps();
    void searchCountsTheElectionRows();
    void breakpointOnPongStopsOnAPong();
    void namesInEveryView();
    void counterexampleStepsToTheNextShownStep();
};

void tst_TeachingView::firstStepIsAnElectionWithItsId()
{
    InspectorWindow window;
    window.show();
    QVERIFY(!window.showPlumbing());
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), agents(5)));
    LocalNetwork *net = LocalNetwork::instance();
    QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
    // The first pending frames are plumbing (validate_aid, wakeup): the pending list hides them.
    QVERIFY(isPlumbingEvent(net->eventLog().events().front()) || net->pendingMessages().front().path == u"validate_aid");
    QCOMPARE(window.pendingTable()->model()->rowCount(), 0);
    // The status bar counts what the list shows, and says how many it hides.
    const auto *pendingLabel = window.findChild<QLabel *>(QStringLiteral("pendingLabel"));
    QVERIFY(pendingLabel);
    QTRY_COMPARE_WITH_TIMEOUT(pendingLabel->text(), QStringLiteral("0 pending (%1 hidden)").arg(net->pendingCount()), 5000);
    QVERIFY(pendingLabel->toolTip().contains(QStringLiteral("Show Plumbing")));
    window.plumbingActions()->showPlumbingAction()->trigger(); // the list shows them all
    QTRY_COMPARE_WITH_TIMEOUT(window.pendingTable()->model()->rowCount(), int(net->pendingCount()), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(pendingLabel->text(), QStringLiteral("%1 pending").arg(net->pendingCount()), 5000);
    window.plumbingActions()->showPlumbingAction()->trigger();
    QVERIFY(!window.showPlumbing());

    QVERIFY(await(window.step())); // F10
    window.store()->flush();
    const std::vector<TrafficEvent> &shown = window.viewStore()->events();
    QCOMPARE(countIf(shown, [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::Delivered; }), 1);
    // Plumbing was delivered before it, in order: several deliveries in the log.
    const std::vector<TrafficEvent> &all = window.store()->events();
    QVERIFY(countIf(all, [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::Delivered; }) > 1);
    const auto delivered = std::find_if(shown.begin(), shown.end(),
                                        [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::Delivered; });
    QVERIFY(delivered != shown.end());
    // An election carrying its sender's id.
    const system::SystemAgent *sender = nullptr;
    for (const system::SystemAgent *a : window.system()->agents()) {
        if (a->address() == delivered->from)
            sender = a;
    }
    QVERIFY2(sender, qPrintable(delivered->from));
    const qint64 ringId = sender->stateFields().front().second.toInt();
    const QString label = window.viewStore()->messageLabel(delivered->messageId);
    QCOMPARE(label, QStringLiteral("election(%1)").arg(ringId));
    QCOMPARE(window.sequenceView()->arrowLabel(delivered->messageId), label);
    // The table's row of it says the same, with the sender's name.
    const int row = int(std::distance(shown.begin(), delivered));
    const auto *filter = qobject_cast<const QSortFilterProxyModel *>(window.messageTable()->model());
    QVERIFY(filter);
    QCOMPARE(filter->sourceModel()->index(row, EventTableModel::MessageColumn).data().toString(), label);
    QCOMPARE(filter->sourceModel()->index(row, EventTableModel::FromColumn).data().toString(), sender->displayName());
    QVERIFY(sender->displayName().contains(QString::number(ringId)));
    // The log keeps everything: the URLs and the plumbing.
    QVERIFY(std::any_of(all.begin(), all.end(), [](const TrafficEvent &e) { return e.path == u"validate_aid"; }));
    QVERIFY(delivered->from.startsWith(u"local://"));
}

void tst_TeachingView::plumbingOnlyWithTheToggle()
{
    InspectorWindow window;
    window.show();
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), agents(4)));
    for (int i = 0; i < 6; ++i)
        QVERIFY(await(window.step()));
    window.store()->flush();
    const auto noPlumbing = [&window] {
        const std::vector<TrafficEvent> &shown = window.viewStore()->events();
        return std::none_of(shown.begin(), shown.end(), isPlumbingEvent);
    };
    QVERIFY(noPlumbing());
    const qsizetype folded = window.viewStore()->size();
    QVERIFY(folded > 0);
    QVERIFY(folded < window.store()->size());
    const int foldedArrows = window.sequenceView()->arrowCount();
    for (const QString &label : tableLabels(window)) {
        QVERIFY2(!label.startsWith(u"validate_aid") && !label.startsWith(u"wakeup"), qPrintable(label));
        QVERIFY2(label != u"→ election: true", qPrintable(label)); // bare acknowledgements
    }
    for (int row = 0; row < window.pendingTable()->model()->rowCount(); ++row) {
        const QString label = window.pendingTable()->model()->index(row, PendingMessagesModel::MessageColumn).data().toString();
        QVERIFY2(!label.startsWith(u"validate_aid") && !label.startsWith(u"→"), qPrintable(label));
    }

    // View → Show Plumbing: every event, in every view.
    window.plumbingActions()->showPlumbingAction()->trigger();
    QVERIFY(window.showPlumbing());
    QCOMPARE(window.viewStore()->size(), window.store()->size());
    QCOMPARE(window.messageTable()->model()->rowCount(), int(window.store()->size()));
    QVERIFY(window.sequenceView()->arrowCount() > foldedArrows);
    QVERIFY(tableLabels(window).contains(QStringLiteral("validate_aid(\"0\")")));
    QTRY_COMPARE_WITH_TIMEOUT(window.pendingTable()->model()->rowCount(), int(LocalNetwork::instance()->pendingCount()), 2000);

    // One kind back: only acknowledgements folded.
    window.plumbingActions()->showPlumbingAction()->trigger();
    for (TrafficClass c : plumbingClasses()) {
        QAction *fold = window.plumbingActions()->foldAction(c);
        QVERIFY(fold);
        if (fold->isChecked() != (c == TrafficClass::Acknowledgement))
            fold->trigger();
    }
    const std::vector<TrafficEvent> &shown = window.viewStore()->events();
    QVERIFY(std::any_of(shown.begin(), shown.end(), [](const TrafficEvent &e) { return e.path == u"validate_aid"; }));
    QVERIFY(!tableLabels(window).contains(QStringLiteral("→ election: true")));
    // And the teaching view again.
    for (TrafficClass c : plumbingClasses()) {
        if (!window.plumbingActions()->foldAction(c)->isChecked())
            window.plumbingActions()->foldAction(c)->trigger();
    }
    QVERIFY(noPlumbing());
    QCOMPARE(window.viewStore()->size(), folded);
}

void tst_TeachingView::showPlumbingIsSaved()
{
    {
        InspectorWindow window;
        QVERIFY(!window.showPlumbing());
        window.plumbingActions()->showPlumbingAction()->trigger(); // the user's choice is saved
    }
    {
        InspectorWindow window;
        QVERIFY(window.showPlumbing());
        QVERIFY(window.session()->plumbingFilter()->hiddenClasses().isEmpty());
        window.plumbingActions()->showPlumbingAction()->trigger();
    }
    InspectorWindow window;
    QVERIFY(!window.showPlumbing());
    QCOMPARE(window.session()->plumbingFilter()->hiddenClasses(), PlumbingFilter::defaultHiddenClasses());
}

void tst_TeachingView::teachingStepsDeliverAsPlainSteps()
{
    // Ten teaching steps deliver exactly what as many plain steps (F10 with Show Plumbing) do.
    TrafficLog teaching;
    int deliveries = 0;
    {
        InspectorSession session;
        QVERIFY(session.newSystem(QStringLiteral("leader-election"), agents(4)));
        for (int i = 0; i < 10; ++i)
            QVERIFY(await(session.step()));
        teaching = LocalNetwork::instance()->eventLog();
        deliveries = int(countIf(teaching.events(), [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::Delivered; }));
    }
    QVERIFY(deliveries > 10);
    InspectorSession session;
    session.plumbingFilter()->setHiddenClasses({});
    QVERIFY(session.newSystem(QStringLiteral("leader-election"), agents(4)));
    int stepped = 0;
    while (stepped < deliveries) {
        QVERIFY(await(session.step())); // one frame, as stepOnce()
        await(LocalNetwork::instance()->settle()); // what a person's pace gives a step
        ++stepped;
    }
    const std::vector<TrafficEvent> a = teaching.schedule();
    const std::vector<TrafficEvent> b = LocalNetwork::instance()->eventLog().schedule();
    QCOMPARE(b.size(), a.size());
    for (size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(b[i].kind, a[i].kind);
        QCOMPARE(b[i].messageId, a[i].messageId);
        QCOMPARE(b[i].path, a[i].path);
    }
}

void tst_TeachingView::searchCountsTheElectionRows()
{
    InspectorWindow window;
    window.show();
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), agents(5)));
    await(window.run());
    QTRY_VERIFY_WITH_TIMEOUT(window.system()->isFinished(), 10000);
    window.store()->flush();
    const QStringList labels = tableLabels(window);
    const auto electionRows = int(std::count_if(labels.begin(), labels.end(), [](const QString &label) {
        return messageMethod(QStringLiteral("agents/0/") + label.section(u'(', 0, 0)) == u"election";
    }));
    QVERIFY(electionRows > 0);
    window.searchField()->setText(QStringLiteral("election"));
    SearchBar *search = window.searchBar();
    QCOMPARE(search->hitCount(), electionRows);
    QCOMPARE(window.messageTable()->model()->rowCount(), electionRows);
    QVERIFY2(search->hitText().startsWith(QStringLiteral("%1 hit").arg(electionRows)), qPrintable(search->hitText()));
    // Next and previous, with the keys too.
    search->findNext();
    QCOMPARE(search->currentHit(), 1);
    QCOMPARE(search->hitText(), QStringLiteral("1 of %1").arg(electionRows));
    window.activateWindow();
    QVERIFY(search->nextAction()->isEnabled());
    search->nextAction()->trigger(); // F3
    QCOMPARE(search->currentHit(), 2);
    search->previousAction()->trigger(); // Shift+F3
    search->previousAction()->trigger();
    QCOMPARE(search->currentHit(), electionRows); // wrapped around
    QCOMPARE(window.store()->selectedMessage(),
             window.messageTable()->currentIndex().data(EventTableModel::MessageIdRole).toULongLong());
    // Shown plumbing is searched by what it shows: a lookup's reply names the agent's class,
    // but the teaching view hid it, and the hits are elections only.
    for (int row = 0; row < window.messageTable()->model()->rowCount(); ++row)
        QVERIFY(window.messageTable()->model()->index(row, EventTableModel::MessageColumn).data().toString().startsWith(u"election("));
    window.searchField()->setText(QStringLiteral("zebra"));
    QCOMPARE(search->hitCount(), 0);
    QCOMPARE(search->hitText(), QStringLiteral("no hits"));
}

void tst_TeachingView::breakpointOnPongStopsOnAPong()
{
    InspectorWindow window;
    QVERIFY(window.newSystem(QStringLiteral("ping-pong"), agents(3)));
    LocalNetwork *net = LocalNetwork::instance();
    QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
    window.setBreakpoint(QStringLiteral("pong"));
    QSignalSpy hits(window.session(), &InspectorSession::breakpointHit);
    await(window.run());
    QCOMPARE(hits.size(), 1);
    const std::optional<PendingMessage> hit = net->pendingMessage(hits.at(0).at(0).toULongLong());
    QVERIFY(hit);
    // A pong request, not a validate_aid reply naming "PongerAgent".
    QCOMPARE(hit->type, MessageType::Request);
    QVERIFY2(hit->path.endsWith(u"/pong"), qPrintable(hit->path));
    QVERIFY(window.session()->pendingLabel(*hit).startsWith(u"pong("));
    // Lookups replied "PongerAgent" before it, and were passed.
    const std::vector<TrafficEvent> &events = net->eventLog().events();
    QVERIFY(std::any_of(events.begin(), events.end(), [](const TrafficEvent &e) {
        return e.kind == TrafficEvent::Kind::Delivered && e.path == u"validate_aid" && e.type == MessageType::Result;
    }));
    QVERIFY(std::none_of(events.begin(), events.end(), [](const TrafficEvent &e) {
        return e.kind == TrafficEvent::Kind::Delivered && e.path.endsWith(u"/pong");
    }));
}

void tst_TeachingView::namesInEveryView()
{
    InspectorWindow window;
    window.show();
    QVERIFY(window.newSystem(QStringLiteral("contract-net"), agents(4)));
    const QList<system::SystemAgent *> all = window.system()->agents();
    QCOMPARE(all.front()->displayName(), QStringLiteral("manager"));
    QCOMPARE(all.at(2)->displayName(), QStringLiteral("contractor 2"));
    const QHash<QString, QString> names = window.session()->displayNames();
    QCOMPARE(names.value(all.front()->address()), QStringLiteral("manager"));
    QCOMPARE(window.session()->displayName(all.at(1)->address()), QStringLiteral("contractor 1"));
    await(window.run());
    window.store()->flush();
    // Lanes and table cells carry names, never URLs.
    const QStringList labels = tableLabels(window);
    QVERIFY(labels.contains(QStringLiteral("cfp(\"%1\", manager)").arg(labels.filter(QStringLiteral("cfp(")).value(0).section(u'"', 1, 1))));
    const auto *filter = qobject_cast<const QSortFilterProxyModel *>(window.messageTable()->model());
    for (int row = 0; row < filter->sourceModel()->rowCount(); ++row) {
        for (int column : {int(EventTableModel::FromColumn), int(EventTableModel::ToColumn)}) {
            const QString cell = filter->sourceModel()->index(row, column).data().toString();
            QVERIFY2(!cell.contains(u"://"), qPrintable(cell));
        }
    }
    // The selected message's details too (its address in the tooltip).
    quint64 cfp = 0;
    for (const TrafficEvent &e : window.store()->events())
        if (!cfp && e.kind == TrafficEvent::Kind::Sent && e.path.endsWith(u"/cfp"))
            cfp = e.messageId;
    QVERIFY(cfp);
    window.store()->setSelectedMessage(cfp);
    auto *details = window.findChild<MessageDetailsWidget *>();
    QVERIFY(details);
    QTRY_COMPARE_WITH_TIMEOUT(details->fieldText(MessageDetailsWidget::Field::From), QStringLiteral("manager"), 5000);
    QVERIFY(details->fieldText(MessageDetailsWidget::Field::To).startsWith(QStringLiteral("contractor ")));
    // Attach mode (no system) keeps addresses: clearing forgets the names.
    window.session()->clear();
    QVERIFY(window.session()->displayNames().isEmpty());
    QCOMPARE(window.session()->displayName(QStringLiteral("local://x/0")), QStringLiteral("x/0"));
}

void tst_TeachingView::counterexampleStepsToTheNextShownStep()
{
    // A counterexample of the faulty election, as `mas explore --out` writes it.
    system::Parameters p = agents(3);
    p.faulty = true;
    system::Explorer explorer(QStringLiteral("leader-election"), p);
    const system::ExplorerResult result = await(explorer.run());
    const system::Counterexample *found = result.counterexample();
    QVERIFY(found);
    QTemporaryDir dir;
    system::Session written;
    written.demo = QStringLiteral("leader-election");
    written.parameters = result.parameters;
    written.log = found->log;
    written.violatedProperty = found->property;
    const QString file = dir.filePath(QStringLiteral("two-leaders.jsonl"));
    QVERIFY(written.save(file));

    InspectorWindow window;
    QVERIFY(await(window.openSession(file)));
    const qsizetype total = window.recordedStepCount();
    QVERIFY(total > 2);
    QCOMPARE(window.recordedStepsLeft(), total);
    // F10 plays the recorded steps up to and including the next shown one: one delivery shown.
    QVERIFY(await(window.step()));
    window.store()->flush();
    const qsizetype played = total - window.recordedStepsLeft();
    QVERIFY2(played > 1, "the plumbing before it was played too");
    const std::vector<TrafficEvent> &shown = window.viewStore()->events();
    QCOMPARE(countIf(shown, [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::Delivered; }), 1);
    QCOMPARE(countIf(window.store()->events(), [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::Delivered; }),
             played);
    // Run plays the rest, to the violation.
    await(window.run());
    QCOMPARE(window.recordedStepsLeft(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(window.system()->violatedInvariants().contains(found->property), 5000);
}

QTEST_MAIN(tst_TeachingView)
#include "tst_teachingview.moc"
