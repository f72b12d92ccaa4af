// SPDX-License-Identifier: MIT
// The classroom side of MAS Inspector's real window (offscreen, 1280×720): the whole-window zoom
// (Ctrl+= / Ctrl+- / Ctrl+0), presentation mode (Ctrl+Shift+P), and the description panel of
// every demo, a faulty variant's hidden bug, and a system file's own description.

#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"
#include "widgets/clockpanel.h"
#include "widgets/inspectorwindow.h"
#include "widgets/presentationmode.h"
#include "widgets/systemdescriptionpanel.h"

#include <mas/system/system.h>
#include <mas/system/systemfile.h>
#include <mas/transport/localnetwork.h>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mas;
using namespace mas::ui;

namespace {

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

/// The sizes of the text a class reads: the diagram's and the graph's labels, the tables, the
/// panels.
struct TextSizes
{
    qreal diagramLabel = 0;
    qreal graphLabel = 0;
    qreal table = 0;
    qreal pending = 0;
    qreal clockPanel = 0;
    qreal description = 0;
    int tableRow = 0;
    int diagramRow = 0;

    static TextSizes of(const InspectorWindow &window)
    {
        TextSizes s;
        s.diagramLabel = window.sequenceView()->labelFont().pointSizeF();
        s.graphLabel = window.graphView()->labelFont().pointSizeF();
        s.table = window.messageTable()->font().pointSizeF();
        s.pending = window.pendingTable()->font().pointSizeF();
        s.clockPanel = window.clockPanel()->font().pointSizeF();
        s.description = window.descriptionPanel()->font().pointSizeF();
        s.tableRow = window.messageTable()->verticalHeader()->defaultSectionSize();
        s.diagramRow = window.sequenceView()->rowHeight();
        return s;
    }
    /// Every size strictly larger than in `o`.
    bool largerThan(const TextSizes &o) const
    {
        return diagramLabel > o.diagramLabel && graphLabel > o.graphLabel && table > o.table && pending > o.pending
               && clockPanel > o.clockPanel && description > o.description && tableRow > o.tableRow
               && diagramRow > o.diagramRow;
    }
    bool operator==(const TextSizes &o) const
    {
        return qFuzzyCompare(diagramLabel, o.diagramLabel) && qFuzzyCompare(graphLabel, o.graphLabel)
               && qFuzzyCompare(table, o.table) && qFuzzyCompare(pending, o.pending)
               && qFuzzyCompare(clockPanel, o.clockPanel) && qFuzzyCompare(description, o.description)
               && tableRow == o.tableRow && diagramRow == o.diagramRow;
    }
    QString toString() const
    {
        return QStringLiteral("diagram %1 graph %2 table %3 pending %4 clock %5 description %6 row %7 diagram row %8")
            .arg(diagramLabel).arg(graphLabel).arg(table).arg(pending).arg(clockPanel).arg(description)
            .arg(tableRow).arg(diagramRow);
    }
};

} // namespace

class tst_Presentation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_presentation"));
        QSettings().clear();
        QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(mas::system::SystemRegistry::global().find(u"leader-election"));
    }
    void cleanup() { QSettings().clear(); }
    void zoomScalesTheWholeWindow();
    void presentationModeEnlargesAndRestores();
    void eachDemoDescribesItself_data();
    void eachDemoDescribesItself();
    void revealedBugStaysForTheSameSystem();
    void systemFileGivesItsOwnDescription();
    void systemFileDescriptionKeysAreChecked();
};

void tst_Presentation::zoomScalesTheWholeWindow()
{
    TextSizes zoomed;
    {
        InspectorWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.size(), QSize(1280, 720));
        QVERIFY(window.newSystem(QStringLiteral("leader-election"), {}));
        settle();
        QCOMPARE(window.presentation()->zoom(), 100);
        const TextSizes normal = TextSizes::of(window);
        QVERIFY2(normal.diagramLabel > 0 && normal.table > 0, qPrintable(normal.toString()));

        QTest::keyClick(&window, Qt::Key_Equal, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_Equal, Qt::ControlModifier);
        settle();
        QCOMPARE(window.presentation()->zoom(), 125);
        zoomed = TextSizes::of(window);
        QVERIFY2(zoomed.largerThan(normal), qPrintable(zoomed.toString() + QStringLiteral(" vs ") + normal.toString()));
        QCOMPARE(QSettings().value(QStringLiteral("view/zoom")).toInt(), 125);

        QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
        settle();
        QCOMPARE(window.presentation()->zoom(), 100);
        const TextSizes back = TextSizes::of(window);
        QVERIFY2(back == normal, qPrintable(back.toString() + QStringLiteral(" vs ") + normal.toString()));

        QTest::keyClick(&window, Qt::Key_Minus, Qt::ControlModifier);
        settle();
        QVERIFY(window.presentation()->zoom() < 100);
        QVERIFY(normal.largerThan(TextSizes::of(window)));
        window.presentation()->setZoom(125);
    }
    // The zoom is kept: the next window starts with it.
    InspectorWindow again;
    again.resize(1280, 720);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.presentation()->zoom(), 125);
    const TextSizes restored = TextSizes::of(again);
    QVERIFY2(qFuzzyCompare(restored.table, zoomed.table), qPrintable(restored.toString() + QStringLiteral(" vs ") + zoomed.toString()));
}

void tst_Presentation::presentationModeEnlargesAndRestores()
{
    InspectorWindow window;
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), {}));
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
    settle();
    auto *callDock = window.findChild<QDockWidget *>(QStringLiteral("callDock"));
    auto *pendingDock = window.findChild<QDockWidget *>(QStringLiteral("pendingDock"));
    QVERIFY(callDock && pendingDock);
    const TextSizes normal = TextSizes::of(window);
    const bool callShown = callDock->toggleViewAction()->isChecked();
    const bool descriptionShown = window.descriptionDock()->toggleViewAction()->isChecked();
    QVERIFY(descriptionShown); // a system was opened
    const QColor normalText = window.sequenceView()->palette().color(QPalette::Text);
    QVERIFY(!window.sequenceView()->isHighContrast());

    QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    settle();
    QVERIFY(window.presentation()->isPresenting());
    QVERIFY(window.presentationAction()->isChecked());
    const TextSizes presenting = TextSizes::of(window);
    QVERIFY2(presenting.largerThan(normal), qPrintable(presenting.toString() + QStringLiteral(" vs ") + normal.toString()));
    // High contrast: dark text on white, in the views too.
    QVERIFY(window.sequenceView()->isHighContrast());
    QVERIFY(window.graphView()->isHighContrast());
    QCOMPARE(window.messageTable()->palette().color(QPalette::Base), QColor(Qt::white));
    QCOMPARE(window.messageTable()->palette().color(QPalette::Text), QColor(Qt::black));
    // The pending list first; the panels a slide does not need are hidden, the table folds away
    // and every lane of the five agents is in sight.
    QVERIFY(pendingDock->isVisible());
    QVERIFY(!callDock->isVisible());
    QVERIFY(!window.descriptionDock()->isVisible());
    auto *central = window.findChild<QSplitter *>(QStringLiteral("centralSplitter"));
    QVERIFY(central);
    QCOMPARE(central->sizes().last(), 0);
    SequenceDiagramView *diagram = window.sequenceView();
    QCOMPARE(diagram->lifelineCount(), 5);
    for (int lane = 0; lane < diagram->lifelineCount(); ++lane)
        QVERIFY2(diagram->lifelineX(lane) < diagram->viewport()->width(),
                 qPrintable(QStringLiteral("lane %1 at %2, viewport %3, lanes %4 px, dock %5, window %6").arg(lane).arg(diagram->lifelineX(lane)).arg(diagram->viewport()->width()).arg(diagram->columnWidth()).arg(pendingDock->width()).arg(window.width())));
    // Zooming still works on top of it.
    QTest::keyClick(&window, Qt::Key_Equal, Qt::ControlModifier);
    settle();
    QVERIFY(TextSizes::of(window).largerThan(presenting));
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    settle();
    QVERIFY(TextSizes::of(window) == presenting);

    // Leaving restores the sizes, the palette and the panels.
    window.presentationAction()->trigger();
    settle();
    QVERIFY(!window.presentation()->isPresenting());
    const TextSizes after = TextSizes::of(window);
    QVERIFY2(after == normal, qPrintable(after.toString() + QStringLiteral(" vs ") + normal.toString()));
    QVERIFY(!window.sequenceView()->isHighContrast());
    QCOMPARE(window.sequenceView()->palette().color(QPalette::Text), normalText);
    QCOMPARE(callDock->toggleViewAction()->isChecked(), callShown);
    QCOMPARE(window.descriptionDock()->toggleViewAction()->isChecked(), descriptionShown);
    QVERIFY(central->sizes().last() > 0);
}

void tst_Presentation::eachDemoDescribesItself_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("faulty");
    const QList<mas::system::SystemType> types = mas::system::SystemRegistry::global().types();
    QCOMPARE(types.size(), 5);
    for (const mas::system::SystemType &type : types) {
        QTest::addRow("%s", qPrintable(type.id)) << type.id << false;
        QTest::addRow("%s faulty", qPrintable(type.id)) << type.id << true;
    }
}

void tst_Presentation::eachDemoDescribesItself()
{
    QFETCH(QString, id);
    QFETCH(bool, faulty);
    const mas::system::SystemType *type = mas::system::SystemRegistry::global().find(id);
    QVERIFY(type);
    QVERIFY(!type->description.isEmpty());
    QVERIFY2(type->messages.size() >= 2, "every demo says what its messages mean");

    InspectorWindow window;
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.descriptionDock()->close(); // it opens with the system
    mas::system::Parameters p;
    p.agents = 3;
    p.faulty = faulty;
    QVERIFY(window.newSystem(id, p));
    settle();
    QVERIFY(window.descriptionDock()->isVisible());
    SystemDescriptionPanel *panel = window.descriptionPanel();
    QCOMPARE(panel->systemId(), id);
    const QString text = panel->text();
    QVERIFY2(text.contains(type->title), qPrintable(text));
    QVERIFY2(text.contains(type->description), qPrintable(text));
    for (const mas::system::MessageMeaning &m : type->messages) {
        QVERIFY2(text.contains(m.method), qPrintable(m.method));
        QVERIFY2(text.contains(m.meaning), qPrintable(m.meaning));
    }
    for (const mas::system::Invariant &invariant : window.system()->invariants()) {
        QVERIFY2(text.contains(invariant.name), qPrintable(invariant.name));
        QVERIFY2(text.contains(invariant.description), qPrintable(invariant.description));
    }

    const bool hasBug = faulty && !type->faultyDescription.isEmpty();
    QCOMPARE(panel->hasBug(), hasBug);
    QCOMPARE(panel->revealButton()->isVisible(), hasBug);
    if (!type->faultyDescription.isEmpty()) // hidden until revealed, and not there at all when correct
        QVERIFY2(!text.contains(type->faultyDescription), qPrintable(text));
    if (!hasBug)
        return;
    QVERIFY(!panel->isBugRevealed());
    QTest::mouseClick(panel->revealButton(), Qt::LeftButton);
    QVERIFY(panel->isBugRevealed());
    QVERIFY2(panel->text().contains(type->faultyDescription), qPrintable(panel->text()));
    QVERIFY(!panel->revealButton()->isVisible());
}

void tst_Presentation::revealedBugStaysForTheSameSystem()
{
    InspectorWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    mas::system::Parameters p;
    p.agents = 3;
    p.faulty = true;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    SystemDescriptionPanel *panel = window.descriptionPanel();
    panel->revealBug();
    QVERIFY(panel->isBugRevealed());
    // Rebuilt (New System, Step Back): still revealed, and the closed dock stays closed.
    window.descriptionDock()->close();
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    QVERIFY(panel->isBugRevealed());
    QVERIFY(!window.descriptionDock()->isVisible());
    // Another system: its bug is hidden again, and the panel opens.
    QVERIFY(window.newSystem(QStringLiteral("ping-pong"), p));
    QVERIFY(!panel->isBugRevealed());
    QVERIFY(window.descriptionDock()->isVisible());
    const QString bug = mas::system::SystemRegistry::global().find(u"ping-pong")->faultyDescription;
    QVERIFY(!panel->text().contains(bug));
}

void tst_Presentation::systemFileGivesItsOwnDescription()
{
    const QString ring = QStringLiteral(MAS_SYSTEMS_DIR "/ring.json");
    Result<mas::system::SystemFile> file = mas::system::SystemFile::load(ring);
    QVERIFY2(file, file ? "" : qPrintable(file.error().toString()));
    QVERIFY(!file->description.isEmpty());
    QVERIFY(!file->bug.isEmpty());
    QCOMPARE(file->messages.size(), 3);
    QCOMPARE(file->messages.first().method, QStringLiteral("wakeup()"));

    InspectorWindow window;
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Result<void> opened = window.openSystem(ring);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().toString()));
    settle();
    SystemDescriptionPanel *panel = window.descriptionPanel();
    QVERIFY(window.descriptionDock()->isVisible());
    const QString text = panel->text();
    QVERIFY2(text.contains(file->description), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("election(id)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("at most one leader")), qPrintable(text));
    QVERIFY(panel->hasBug());
    QVERIFY(!text.contains(file->bug));
    panel->revealButton()->click();
    QVERIFY(panel->text().contains(file->bug));
}

void tst_Presentation::systemFileDescriptionKeysAreChecked()
{
    const QByteArray good = R"json({"description": "d", "bug": "b", "messages": {"hello(x)": "says hello"},
                               "containers": [{"agents": [{"type": "x:Y"}]}]})json";
    Result<mas::system::SystemFile> parsed = mas::system::SystemFile::parse(good, QStringLiteral("good.json"));
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
    QCOMPARE(parsed->systemType().description, QStringLiteral("d"));
    QCOMPARE(parsed->systemType().faultyDescription, QStringLiteral("b"));
    QCOMPARE(parsed->systemType().messages.size(), 1);
    QCOMPARE(parsed->systemType().messages.first().meaning, QStringLiteral("says hello"));

    Result<mas::system::SystemFile> bad = mas::system::SystemFile::parse(R"({"messages": ["x"], "containers": [{"agents": [{"type": "x:Y"}]}]})",
                                                                         QStringLiteral("bad.json"));
    QVERIFY(!bad);
    QVERIFY2(bad.error().message().contains(QStringLiteral("bad.json: messages")), qPrintable(bad.error().message()));
    bad = mas::system::SystemFile::parse(R"({"description": 3, "containers": [{"agents": [{"type": "x:Y"}]}]})", QStringLiteral("bad.json"));
    QVERIFY(!bad);
    QVERIFY2(bad.error().message().contains(QStringLiteral("description")), qPrintable(bad.error().message()));
}

int main(int argc, char **argv)
{
    // The offscreen platform's screen is 800×800 by default, where the window starts maximized:
    // a 1920×1080 screen lets it be the projector's 1280×720.
    QTemporaryDir screens;
    if (qEnvironmentVariable("QT_QPA_PLATFORM") == u"offscreen" && screens.isValid()) {
        const QString config = screens.filePath(QStringLiteral("screens.json"));
        QFile file(config);
        if (file.open(QIODevice::WriteOnly)
            && file.write(R"({"screens": [{"name": "wide", "x": 0, "y": 0, "width": 1920, "height": 1080,
                              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                   > 0) {
            file.close();
            qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
        }
    }
    QApplication app(argc, argv);
    tst_Presentation test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_presentation.moc"
