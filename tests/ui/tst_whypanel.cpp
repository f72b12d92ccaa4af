// SPDX-License-Identifier: MIT
// The Why view of MAS Inspector (WhyPanel): for a counterexample Explore found, and for one
// opened from a file (`mas explore --out`), Analyse runs without blocking the window (progress,
// Cancel), then lists every step marked necessary or incidental and the sentences; clicking a
// step or a sentence selects its message in the table and the diagram. The window's title keeps
// the opened file's name through the analysis, and the dock has room for the steps.

#include "models/eventstore.h"
#include "session/inspectorsession.h"
#include "widgets/inspectorwindow.h"
#include "widgets/whypanel.h"

#include <mas/system/system.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QDockWidget>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

using namespace mas;
using namespace mas::ui;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

constexpr auto kProperty = "at most one leader";
constexpr int kAnalysisMs = 300'000; // a loaded machine under the sanitizers

/// Whether the store holds the delivery of message `id`.
bool delivered(EventStore *store, quint64 id)
{
    store->flush();
    for (qsizetype i = 0; i < store->size(); ++i) {
        if (store->at(i).messageId == id && store->at(i).kind == TrafficEvent::Kind::Delivered)
            return true;
    }
    return false;
}

/// Explores the faulty ring of three in `window` until the two-leaders counterexample is open.
bool exploreTwoLeaders(InspectorWindow &window)
{
    system::Parameters p;
    p.agents = 3;
    p.faulty = true;
    if (!window.newSystem(QStringLiteral("leader-election"), p))
        return false;
    system::ExplorerOptions options;
    options.properties = QStringList{QString::fromLatin1(kProperty)};
    options.maxSchedules = 2000;
    Result<system::ExplorerResult> result = await(window.explore(options));
    return result && result->counterexample();
}

} // namespace

class tst_WhyPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_whypanel"));
        QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(m_dir.isValid());
    }
    void cleanup() { LocalQueue::clearCache(); }

    void analysesAnExploredCounterexample();
    void cancelsAndKeepsTheWindowUsable();
    void analysesACounterexampleFromAFile();

private:
    /// Analyse in `window`'s Why view; checks the view while it runs and after.
    void analyseAndCheck(InspectorWindow &window);
    QTemporaryDir m_dir;
};

void tst_WhyPanel::analyseAndCheck(InspectorWindow &window)
{
    auto *panel = window.findChild<WhyPanel *>();
    QVERIFY(panel);
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("whyDock"));
    QVERIFY(dock);
    QTRY_VERIFY(dock->isVisible());
    QVERIFY(panel->analyseButton()->isEnabled());
    QVERIFY2(panel->summary().contains(QString::fromLatin1(kProperty)), qPrintable(panel->summary()));
    const std::vector<TrafficEvent> schedule = window.session()->counterexampleSchedule();
    QVERIFY(!schedule.empty());

    QSignalSpy finished(panel, &WhyPanel::finished);
    QTest::mouseClick(panel->analyseButton(), Qt::LeftButton);
    // Running: the window goes on (this event loop turns), with progress and Cancel.
    QVERIFY(panel->isAnalysing());
    QVERIFY(window.session()->isExploring());
    QVERIFY(panel->cancelButton()->isVisible());
    QVERIFY(panel->progressBar()->isVisible());
    QVERIFY(!panel->analyseButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(panel->progressBar()->value() >= 1, kAnalysisMs);
    QVERIFY(finished.wait(kAnalysisMs));
    QVERIFY(!panel->isAnalysing());
    QVERIFY(!panel->cancelButton()->isVisible());
    QVERIFY(!window.session()->isExploring());

    // The report, row by row; the counterexample open again, played to its end.
    QVERIFY2(panel->report(), qPrintable(panel->summary()));
    const system::NecessityReport &report = *panel->report();
    QVERIFY(report.complete);
    QCOMPARE(report.property, QString::fromLatin1(kProperty));
    QCOMPARE(window.session()->counterexampleSchedule().size(), schedule.size());
    QVERIFY(window.session()->violationReached());
    // The teaching view hides plumbing, and so does the list (one row at the end counts them);
    // with plumbing shown, every step has its row.
    int necessary = 0;
    int plumbing = 0;
    QTreeWidgetItem *necessaryRow = nullptr;
    int row = 0;
    for (std::size_t i = 0; i < report.steps.size(); ++i) {
        const auto &s = report.steps[i];
        necessary += s.necessary ? 1 : 0;
        if (s.plumbing) {
            ++plumbing;
            continue;
        }
        QTreeWidgetItem *item = panel->steps()->topLevelItem(row++);
        QVERIFY(item);
        QCOMPARE(item->text(0), QString::number(int(i) + 1));
        QCOMPARE(item->text(1), s.necessary ? QStringLiteral("necessary") : QStringLiteral("incidental"));
        QCOMPARE(item->text(2), s.label);
        QCOMPARE(item->data(0, WhyPanel::NecessaryRole).toBool(), s.necessary);
        if (s.necessary && !necessaryRow)
            necessaryRow = item;
    }
    QVERIFY(plumbing > 0);
    QCOMPARE(panel->steps()->topLevelItemCount(), row + 1);
    QVERIFY2(panel->steps()->topLevelItem(row)->text(0).startsWith(QStringLiteral("%1 plumbing step").arg(plumbing)),
             qPrintable(panel->steps()->topLevelItem(row)->text(0)));
    window.setShowPlumbing(true);
    QCOMPARE(panel->steps()->topLevelItemCount(), int(report.steps.size()));
    for (int i = 0; i < panel->steps()->topLevelItemCount(); ++i)
        QCOMPARE(panel->steps()->topLevelItem(i)->text(2), report.steps[std::size_t(i)].label);
    window.setShowPlumbing(false);
    QCOMPARE(panel->steps()->topLevelItemCount(), row + 1);
    necessaryRow = nullptr; // the rows were made again
    for (int i = 0; i < row && !necessaryRow; ++i) {
        if (panel->steps()->topLevelItem(i)->data(0, WhyPanel::NecessaryRole).toBool())
            necessaryRow = panel->steps()->topLevelItem(i);
    }
    QVERIFY(necessary > 0);
    QVERIFY(necessary < int(report.steps.size()));
    QVERIFY2(panel->summary().contains(QStringLiteral("%1 of %2").arg(necessary).arg(report.steps.size())),
             qPrintable(panel->summary()));
    // A click on a step selects its message, delivered in the run shown.
    dock->raise(); // a tab beside the Violation panel
    QTRY_VERIFY(panel->steps()->isVisible());
    QVERIFY(necessaryRow);
    const quint64 id = necessaryRow->data(0, WhyPanel::MessageIdRole).toULongLong();
    QVERIFY(delivered(window.store(), id));
    panel->steps()->scrollToItem(necessaryRow);
    const QRect rect = panel->steps()->visualItemRect(necessaryRow);
    QTest::mouseClick(panel->steps()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window.store()->selectedMessage(), id);
    // The sentences; a click selects the message that had to go first.
    QCOMPARE(panel->sentences()->count(), int(report.overtakings.size()));
    QVERIFY(!report.overtakings.empty());
    for (int i = 0; i < panel->sentences()->count(); ++i)
        QCOMPARE(panel->sentences()->item(i)->text(), report.overtakings[std::size_t(i)].sentence);
    QVERIFY2(report.overtakings.front().sentence.contains(QStringLiteral("election(")),
             qPrintable(report.overtakings.front().sentence));
    QListWidgetItem *sentence = panel->sentences()->item(0);
    const quint64 first = report.steps[std::size_t(report.overtakings.front().earlier)].step.messageId;
    QCOMPARE(sentence->data(WhyPanel::MessageIdRole).toULongLong(), first);
    QTest::mouseClick(panel->sentences()->viewport(), Qt::LeftButton, {},
                      panel->sentences()->visualItemRect(sentence).center());
    QCOMPARE(window.store()->selectedMessage(), first);
    QVERIFY(delivered(window.store(), first));
}

void tst_WhyPanel::analysesAnExploredCounterexample()
{
    InspectorWindow window;
    window.show();
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("whyDock"));
    QVERIFY(dock);
    QVERIFY(!dock->isVisible()); // no counterexample yet
    QVERIFY(exploreTwoLeaders(window));
    analyseAndCheck(window);
    // Another system: the report goes with its counterexample.
    system::Parameters p;
    p.agents = 3;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    auto *panel = window.findChild<WhyPanel *>();
    QVERIFY(!panel->report());
    QCOMPARE(panel->steps()->topLevelItemCount(), 0);
    QTRY_VERIFY(!dock->isVisible());
}

void tst_WhyPanel::cancelsAndKeepsTheWindowUsable()
{
    InspectorWindow window;
    window.show();
    QVERIFY(exploreTwoLeaders(window));
    auto *panel = window.findChild<WhyPanel *>();
    QVERIFY(panel);
    QSignalSpy finished(panel, &WhyPanel::finished);
    panel->analyse();
    QTRY_VERIFY_WITH_TIMEOUT(panel->progressBar()->value() >= 1, kAnalysisMs);
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kAnalysisMs));
    QVERIFY(panel->report());
    QVERIFY(!panel->report()->complete);
    QVERIFY2(panel->summary().contains(QStringLiteral("incomplete")), qPrintable(panel->summary()));
    // The counterexample is open again, and the window works: analyse again, to the end.
    QVERIFY(!window.session()->counterexampleSchedule().empty());
    QVERIFY(panel->analyseButton()->isEnabled());
    analyseAndCheck(window);
}

void tst_WhyPanel::analysesACounterexampleFromAFile()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    const QString file = m_dir.filePath(QStringLiteral("two-leaders.jsonl"));
    QProcess explore;
    explore.start(QStringLiteral(MAS_CLI),
                  {QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--agents"),
                   QStringLiteral("3"), QStringLiteral("--faulty"), QStringLiteral("--invariant"),
                   QString::fromLatin1(kProperty), QStringLiteral("--out"), file});
    QVERIFY(explore.waitForFinished(kAnalysisMs));
    QCOMPARE(explore.exitCode(), 1);
    InspectorWindow window;
    window.setWindowState(Qt::WindowNoState);
    window.resize(1280, 720);
    window.show();
    Result<void> opened = await(window.openFile(file));
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    QVERIFY2(window.windowTitle().contains(QStringLiteral("two-leaders.jsonl")), qPrintable(window.windowTitle()));
    // Opened at its start: nothing delivered yet, but the Why view can analyse it.
    QVERIFY(window.recordedStepsLeft() > 0);
    // (the height of the tabs' area before the Why view took room for its steps)
    auto *violation = window.findChild<QDockWidget *>(QStringLiteral("violationDock"));
    QTRY_VERIFY(violation->isVisible());
    const int before = violation->height();
    analyseAndCheck(window);
    // The analysis rebuilt the run: the title still names the file.
    QVERIFY2(window.windowTitle().contains(QStringLiteral("two-leaders.jsonl")), qPrintable(window.windowTitle()));
    // The dock grew for the steps (up to 55 % of the window), above the small default.
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("whyDock"));
    auto *panel = window.findChild<WhyPanel *>();
    dock->raise();
    const int wanted = std::min(panel->sizeHint().height(), window.height() * 11 / 20);
    QVERIFY2(panel->sizeHint().height() > panel->steps()->topLevelItemCount() * panel->steps()->sizeHintForRow(0),
             qPrintable(QString::number(panel->sizeHint().height())));
    // As far as the docks above it let it (each about at its smallest, where the window is small).
    const auto roomTaken = [&window, dock, wanted] {
        if (dock->height() >= wanted - 10)
            return true;
        for (const char *name : {"systemDock", "pendingDock"}) {
            auto *above = window.findChild<QDockWidget *>(QLatin1StringView(name));
            if (above && above->isVisible() && above->height() > above->minimumSizeHint().height() + 25)
                return false;
        }
        return true;
    };
    QTRY_VERIFY2(roomTaken(), qPrintable(QStringLiteral("%1 < %2").arg(dock->height()).arg(wanted)));
    QVERIFY2(dock->height() > before, qPrintable(QStringLiteral("%1 <= %2").arg(dock->height()).arg(before)));
#endif
}

QTEST_MAIN(tst_WhyPanel)
#include "tst_whypanel.moc"
