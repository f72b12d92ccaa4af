// SPDX-License-Identifier: MIT
// The State breakpoints tab in the real window (offscreen): a condition typed with its error
// and column shown as it is typed, added with Return, hit by Run (the tab and the status line
// say which and why), disabled with its check box, and kept in the settings for the next window.

#include "session/inspectorsession.h"
#include "widgets/exploredialog.h"
#include "widgets/inspectorwindow.h"
#include "widgets/statebreakpointspanel.h"

#include <mas/system/system.h>
#include <mas/transport/localnetwork.h>

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace mas;
using namespace mas::ui;

class tst_StateBreakpointsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the settings of this test only
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_statebreakpointspanel"));
        QSettings().remove(QStringLiteral("breakpoints/state"));
        QVERIFY(system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
    }
    void cleanupTestCase() { QSettings().remove(QStringLiteral("breakpoints/state")); }

    void addAndHit()
    {
        {
            InspectorWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            StateBreakpointsPanel *panel = window.stateBreakpointsPanel();
            QVERIFY(panel);
            QCOMPARE(panel->list()->count(), 0);

            // Validation as it is typed: the error with its column, Add off.
            QTest::keyClicks(panel->field(), QStringLiteral("count(is_leader) = 1"));
            QCOMPARE(panel->fieldError(), QStringLiteral("column 18: \"=\" is no comparison; write \"==\""));
            QVERIFY(!panel->addButton()->isEnabled());
            QTest::keyClick(panel->field(), Qt::Key_Return);
            QCOMPARE(panel->list()->count(), 0);
            panel->field()->clear();
            QVERIFY(panel->fieldError().isEmpty());
            QTest::keyClicks(panel->field(), QStringLiteral("count(is_leader"));
            QCOMPARE(panel->fieldError(), QStringLiteral("column 16: expected \")\", found end of the condition"));
            QTest::keyClicks(panel->field(), QStringLiteral(") >= 1"));
            QVERIFY(panel->fieldError().isEmpty());
            QVERIFY(panel->addButton()->isEnabled());
            QTest::keyClick(panel->field(), Qt::Key_Return);
            QCOMPARE(panel->list()->count(), 1);
            QCOMPARE(panel->list()->item(0)->text(), QStringLiteral("count(is_leader) >= 1"));
            QCOMPARE(panel->list()->item(0)->checkState(), Qt::Checked);
            QVERIFY(panel->field()->text().isEmpty());

            // Run stops where the first node declares itself leader.
            QVERIFY(window.newSystem(QStringLiteral("leader-election"), [] {
                system::Parameters p;
                p.agents = 3;
                p.faulty = true;
                return p;
            }()));
            QSignalSpy hits(window.session(), &InspectorSession::stateBreakpointHit);
            QVERIFY(window.runAction()->isEnabled());
            window.runAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(hits.size(), 1, 60000);
            QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 60000);
            QVERIFY2(panel->hitText().startsWith(QStringLiteral("Hit: count(is_leader) >= 1 — count(is_leader) = 1: node ")),
                     qPrintable(panel->hitText()));
            QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("State breakpoint count(is_leader) >= 1 hit")),
                     qPrintable(window.statusBar()->currentMessage()));
            QVERIFY(!LocalNetwork::instance()->pendingMessages().isEmpty()); // stopped, not at the end

            // Unchecked: disabled in the session, and a run goes past it.
            panel->list()->item(0)->setCheckState(Qt::Unchecked);
            QVERIFY(!window.session()->stateBreakpoints()->entries()[0].enabled);

            // Remove and add again keeps the list and the settings in step.
            QTest::keyClicks(panel->field(), QStringLiteral("agent(\"node 2\").leader != null"));
            QVERIFY(panel->addFromField());
            QCOMPARE(panel->list()->count(), 2);
            QCOMPARE(QSettings().value(QStringLiteral("breakpoints/state")).toStringList(),
                     (QStringList{QStringLiteral("0 count(is_leader) >= 1"),
                                  QStringLiteral("1 agent(\"node 2\").leader != null")}));
        }
        // The next window has them again.
        InspectorWindow window;
        QCOMPARE(window.stateBreakpointsPanel()->list()->count(), 2);
        QCOMPARE(window.stateBreakpointsPanel()->list()->item(0)->checkState(), Qt::Unchecked);
        window.stateBreakpointsPanel()->list()->setCurrentRow(0);
        QVERIFY(window.stateBreakpointsPanel()->removeButton()->isEnabled());
        window.stateBreakpointsPanel()->removeButton()->click();
        QCOMPARE(window.session()->stateBreakpoints()->size(), 1);
        QCOMPARE(window.stateBreakpointsPanel()->list()->count(), 1);
    }

    void exploreDialogTakesACondition()
    {
        ExploreDialog dialog({QStringLiteral("at most one leader")});
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(dialog.options().conditions.isEmpty());
        QTest::keyClicks(dialog.conditionField(), QStringLiteral("count(is_leader) >"));
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog.conditionField(), QStringLiteral(" 1"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.options().conditions, QStringList{QStringLiteral("count(is_leader) > 1")});
        QVERIFY(dialog.options().properties.isEmpty()); // only the condition is checked
    }
};

QTEST_MAIN(tst_StateBreakpointsPanel)
#include "tst_statebreakpointspanel.moc"
