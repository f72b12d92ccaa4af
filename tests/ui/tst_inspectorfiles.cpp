// SPDX-License-Identifier: MIT
// Files, exports and counterexamples in MAS Inspector: `mas-inspector FILE` tells a session, a
// counterexample and a system file apart by content; `--export-csv` and `--export-svg` write the
// message table and the sequence diagram as the window shows them, without a display; and an
// opened counterexample (`mas explore --out`) is walked through in its own order, its violating
// step marked in every view with the agents' states before and after it.

#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "models/pendingmodel.h"
#include "models/propertyname.h"
#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"
#include "widgets/inspectorwindow.h"
#include "widgets/violationpanel.h"
#include "stillcheck.h"
#include "stepsequence.h"

#include <mas/system/session.h>
#include <mas/system/system.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QStatusBar>
#include <QFile>
#include <QFontMetricsF>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>
#include <QXmlStreamReader>

using namespace mas;
using namespace mas::ui;
using namespace std::chrono_literals;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

void settle()
{
    await(LocalNetwork::instance()->settle());
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

constexpr auto kProperty = "at most one leader";

/// The cells of a CSV file as InspectorSession::exportCsv() writes them (every cell quoted).
QList<QStringList> readCsv(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
        } else if (c == u'\n') {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else {
            cell += c;
        }
    }
    return rows;
}

/// What the window's message table shows, cell by cell (a cell's tool tip is its full text).
QList<QStringList> tableOf(const QAbstractItemModel *model)
{
    QList<QStringList> rows;
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << model->headerData(c, Qt::Horizontal).toString();
    rows << header;
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model->columnCount(); ++c) {
            const QModelIndex index = model->index(r, c);
            const QString tip = index.data(Qt::ToolTipRole).toString();
            cells << (tip.isEmpty() ? index.data().toString() : tip);
        }
        rows << cells;
    }
    return rows;
}

struct SvgText
{
    QPointF position;
    qreal fontSize = 0;
    QString text;
};

/// The viewBox and every text element of an SVG file (positions with their groups' translations).
bool readSvg(const QString &fileName, QRectF *viewBox, QList<SvgText> *texts)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&file);
    QList<QPointF> offsets{QPointF()};
    const QRegularExpression matrix(QStringLiteral(R"(matrix\(([^)]*)\))"));
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QXmlStreamAttributes a = xml.attributes();
            QPointF offset = offsets.last();
            if (const QRegularExpressionMatch m = matrix.match(a.value(QStringLiteral("transform")).toString()); m.hasMatch()) {
                const QStringList parts = m.captured(1).split(u',');
                if (parts.size() == 6)
                    offset += QPointF(parts[4].toDouble(), parts[5].toDouble());
            }
            offsets << offset;
            if (xml.name() == u"svg") {
                const QStringList box = a.value(QStringLiteral("viewBox")).toString().split(u' ', Qt::SkipEmptyParts);
                if (box.size() == 4)
                    *viewBox = QRectF(box[0].toDouble(), box[1].toDouble(), box[2].toDouble(), box[3].toDouble());
            } else if (xml.name() == u"text") {
                SvgText t;
                t.position = offset + QPointF(a.value(QStringLiteral("x")).toDouble(), a.value(QStringLiteral("y")).toDouble());
                t.fontSize = a.value(QStringLiteral("font-size")).toDouble();
                t.text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                offsets.removeLast(); // readElementText consumed the end element
                texts->append(t);
            }
        } else if (xml.isEndElement()) {
            offsets.removeLast();
        }
    }
    return !xml.hasError() && !viewBox->isEmpty();
}

#ifdef MAS_INSPECTOR
/// Runs the real mas-inspector without a display: no platform chosen, no X or Wayland display,
/// settings of its own.
int runInspector(const QStringList &arguments, const QString &configDir, QString *errors = nullptr)
{
    QProcess inspector;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir);
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    inspector.setProcessEnvironment(env);
    inspector.start(QStringLiteral(MAS_INSPECTOR),
                    QStringList{QStringLiteral("--plugin-path"), QStringLiteral(MAS_DEMOS_PLUGIN_DIR)} + arguments);
    if (!inspector.waitForFinished(120'000)) {
        inspector.kill();
        inspector.waitForFinished();
        return -1;
    }
    if (errors)
        *errors = QString::fromUtf8(inspector.readAllStandardError());
    return inspector.exitStatus() == QProcess::NormalExit ? inspector.exitCode() : -1;
}
#endif

} // namespace

class tst_InspectorFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_inspectorfiles"));
        // The programs run here use the C locale (LC_ALL=C.UTF-8): numbers read the same here.
        QLocale::setDefault(QLocale::c());
        QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(mas::system::SystemRegistry::global().find(u"leader-election"));
        QVERIFY(m_dir.isValid());
#ifdef MAS_CLI
        // A counterexample as `mas explore --out` writes it: two leaders in a faulty ring of three.
        m_counterexample = m_dir.filePath(QStringLiteral("two-leaders.jsonl"));
        QProcess explore;
        explore.setProcessChannelMode(QProcess::MergedChannels);
        explore.start(QStringLiteral(MAS_CLI),
                      {QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--agents"),
                       QStringLiteral("3"), QStringLiteral("--faulty"), QStringLiteral("--invariant"),
                       QString::fromLatin1(kProperty), QStringLiteral("--out"), m_counterexample});
        QVERIFY(explore.waitForFinished(120'000));
        QCOMPARE(explore.exitCode(), 1); // a violation, written to --out
        m_exploreOutput = QString::fromUtf8(explore.readAll());
#endif
    }
    void cleanup() { LocalQueue::clearCache(); }

    void exploreListsTheAlgorithm();
    void fileKindsByContent();
    void openDialogCoversEveryKind();
    void exportsMatchTheWindow();
    void exportOfAFileArgument();
    void unreadableFileInExportMode();
    void counterexampleOpensAtItsStart();
    void stepFollowsTheCounterexample();
    void runEndsAtTheEndAndStandsStill();
    void violatingStepIsMarkedEverywhere();
    void statesBeforeAndAfterTheViolation();
    void exploreMarksItsCounterexample();
    void stepBackStaysInTheCounterexample();
    void leavingKeepsTheCounterexampleAsARecord();
    void endOfTheCounterexampleInGerman();

private:
    /// Opens the counterexample in `window`; false (with a failure) when there is none.
    bool openCounterexample(InspectorWindow &window);
    /// Shows `window` with the plumbing (one recorded frame per F10; tst_teachingview: folded),
    /// opens the counterexample and gives its steps (empty, with a failure, when there is none).
    std::vector<TrafficEvent> openCounterexampleSteps(InspectorWindow &window);

    QTemporaryDir m_dir;
    QString m_exploreOutput; // what `mas explore` printed for it
    QString m_counterexample;
};

bool tst_InspectorFiles::openCounterexample(InspectorWindow &window)
{
    if (m_counterexample.isEmpty()) {
        qWarning("needs the mas program");
        return false;
    }
    Result<void> opened = await(window.openFile(m_counterexample));
    if (!opened) {
        qWarning() << opened.error().toString();
        return false;
    }
    settle();
    return true;
}

std::vector<TrafficEvent> tst_InspectorFiles::openCounterexampleSteps(InspectorWindow &window)
{
    window.show();
    window.setShowPlumbing(true);
    if (!openCounterexample(window))
        return {};
    return system::Session::load(m_counterexample)->log.schedule();
}

void tst_InspectorFiles::exploreListsTheAlgorithm()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    // `mas explore` lists the steps as the teaching view shows them: the election messages with
    // their ids and the nodes' names, the plumbing folded away and counted ...
    const QStringList lines = m_exploreOutput.split(u'\n');
    const auto steps = [](const QStringList &all) {
        QStringList out;
        static const QRegularExpression step(QStringLiteral("^\\s*\\d+\\. "));
        for (const QString &line : all)
            if (step.match(line).hasMatch())
                out << line;
        return out;
    };
    const QStringList shown = steps(lines);
    QVERIFY2(!shown.isEmpty(), qPrintable(m_exploreOutput));
    for (const QString &line : shown) {
        QVERIFY2(!line.contains(QStringLiteral("validate_aid")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("node ")), qPrintable(line));
    }
    QVERIFY2(std::any_of(shown.begin(), shown.end(),
                         [](const QString &l) { return l.contains(QRegularExpression(QStringLiteral("election\\(\\d+\\)"))); }),
             qPrintable(m_exploreOutput));
    QVERIFY2(m_exploreOutput.contains(QStringLiteral("--show-plumbing lists them")), qPrintable(m_exploreOutput));
    // The agents and fields the invariant's explanation rests on: both leaders' is_leader.
    static const QRegularExpression involved(
        QStringLiteral("\\n  involved: node \\d \\(id \\d+\\): is_leader; node \\d \\(id \\d+\\): is_leader\\n"));
    QVERIFY2(involved.match(m_exploreOutput).hasMatch(), qPrintable(m_exploreOutput));

    // ... and every step with --show-plumbing, numbered the same way.
    QProcess explore;
    explore.setProcessChannelMode(QProcess::MergedChannels);
    explore.start(QStringLiteral(MAS_CLI), {QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--agents"),
                                            QStringLiteral("3"), QStringLiteral("--faulty"), QStringLiteral("--invariant"),
                                            QString::fromLatin1(kProperty), QStringLiteral("--show-plumbing")});
    QVERIFY(explore.waitForFinished(120'000));
    QCOMPARE(explore.exitCode(), 1);
    const QStringList all = steps(QString::fromUtf8(explore.readAll()).split(u'\n'));
    QVERIFY(all.size() > shown.size());
    for (const QString &line : shown)
        QVERIFY2(all.contains(line), qPrintable(line));
    QVERIFY(std::any_of(all.begin(), all.end(), [](const QString &l) { return l.contains(QStringLiteral("validate_aid")); }));
#endif
}

void tst_InspectorFiles::fileKindsByContent()
{
    // Told apart by content, whatever the name says.
    system::Session session;
    session.demo = QStringLiteral("echo");
    const QString sessionFile = m_dir.filePath(QStringLiteral("run.jsonl"));
    QVERIFY(session.save(sessionFile));
    QCOMPARE(InspectorSession::fileKind(sessionFile).value(), InspectorSession::FileKind::Session);
    session.violatedProperty = QStringLiteral("something");
    const QString counterexample = m_dir.filePath(QStringLiteral("broken.massession"));
    QVERIFY(session.save(counterexample));
    QCOMPARE(InspectorSession::fileKind(counterexample).value(), InspectorSession::FileKind::Counterexample);
    const QString system = m_dir.filePath(QStringLiteral("system.txt"));
    {
        QFile f(system);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"containers": [{"agents": []}]})");
    }
    QCOMPARE(InspectorSession::fileKind(system).value(), InspectorSession::FileKind::SystemFile);

    const QString other = m_dir.filePath(QStringLiteral("other.json"));
    {
        QFile f(other);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"hello\": 1}\n");
    }
    Result<InspectorSession::FileKind> none = InspectorSession::fileKind(other);
    QVERIFY(!none);
    QVERIFY2(none.error().message().contains(other), qPrintable(none.error().message()));
    Result<InspectorSession::FileKind> missing = InspectorSession::fileKind(m_dir.filePath(QStringLiteral("missing.jsonl")));
    QVERIFY(!missing);
    QVERIFY(missing.error().message().contains(u"missing.jsonl"));
}

void tst_InspectorFiles::openDialogCoversEveryKind()
{
    const QStringList filters = InspectorWindow::openFileFilters().split(QStringLiteral(";;"));
    QVERIFY(filters.size() >= 5);
    // The default (first) filter shows every kind.
    for (const char *pattern : {"*.massession", "*.jsonl", "*.json"})
        QVERIFY2(filters.first().contains(QString::fromLatin1(pattern)), qPrintable(filters.first()));
    QVERIFY(filters.last().contains(u"(*)"));
    // Save Session adds the extension the dialog lists.
    QCOMPARE(InspectorWindow::sessionFileName(QStringLiteral("/tmp/lesson")), QStringLiteral("/tmp/lesson.massession"));
    QCOMPARE(InspectorWindow::sessionFileName(QStringLiteral("/tmp/lesson.massession")), QStringLiteral("/tmp/lesson.massession"));
}

void tst_InspectorFiles::exportsMatchTheWindow()
{
#ifndef MAS_INSPECTOR
    QSKIP("needs the mas-inspector program");
#else
    constexpr int kSteps = 12;
    const QString csv = m_dir.filePath(QStringLiteral("election.csv"));
    const QString svg = m_dir.filePath(QStringLiteral("election.svg"));
    QString errors;
    QCOMPARE(runInspector({QStringLiteral("--demo"), QStringLiteral("leader-election"), QStringLiteral("--steps"),
                           QString::number(kSteps), QStringLiteral("--export-csv"), csv, QStringLiteral("--export-svg"), svg},
                          m_dir.filePath(QStringLiteral("config")), &errors),
             0);

    // The same system, stepped as often, in a window here.
    InspectorWindow window;
    window.show();
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), system::Parameters{}));
    settle();
    for (int i = 0; i < kSteps; ++i) {
        QVERIFY(await(window.step())); // as --steps does: F10
        settle();
    }
    window.store()->flush();

    // The CSV is the table as the window shows it: its header, then its rows.
    const QList<QStringList> written = readCsv(csv);
    const QList<QStringList> shown = tableOf(window.messageTable()->model());
    QVERIFY2(written.size() > kSteps, qPrintable(errors));
    QCOMPARE(written.first(), shown.first());
    QCOMPARE(written.size(), shown.size());
    for (qsizetype r = 1; r < written.size(); ++r)
        QCOMPARE(written.at(r), shown.at(r));

    // The SVG has every lane and every message label, and its viewBox holds every text.
    QRectF viewBox;
    QList<SvgText> texts;
    QVERIFY(readSvg(svg, &viewBox, &texts));
    QStringList strings;
    for (const SvgText &t : std::as_const(texts))
        strings << t.text;
    const SequenceDiagramView *view = window.sequenceView();
    QVERIFY(view->lifelineCount() >= 5);
    for (int i = 0; i < view->lifelineCount(); ++i)
        QVERIFY2(strings.contains(view->lifelineLabel(i)), qPrintable(view->lifelineLabel(i)));
    int labels = 0;
    for (const TrafficEvent &e : window.viewStore()->events()) { // the messages the window shows
        if (e.kind != TrafficEvent::Kind::Sent)
            continue;
        const QString label = view->arrowLabel(e.messageId);
        QVERIFY2(strings.contains(label), qPrintable(label));
        ++labels;
    }
    QVERIFY(labels > kSteps);
    for (const SvgText &t : std::as_const(texts)) {
        const QString where = QStringLiteral("\"%1\" at (%2, %3) in %4 × %5")
                                  .arg(t.text)
                                  .arg(t.position.x())
                                  .arg(t.position.y())
                                  .arg(viewBox.width())
                                  .arg(viewBox.height());
        QVERIFY2(viewBox.contains(t.position), qPrintable(where));
        // And it ends inside too (measured with a font of its size; a tenth of slack for fonts).
        QFont font;
        font.setPixelSize(qMax(1, qRound(t.fontSize)));
        const qreal width = QFontMetricsF(font).horizontalAdvance(t.text);
        QVERIFY2(t.position.x() + 0.9 * width <= viewBox.right(), qPrintable(where));
    }
#endif
}

void tst_InspectorFiles::exportOfAFileArgument()
{
#if !defined(MAS_INSPECTOR) || !defined(MAS_CLI)
    QSKIP("needs the mas and mas-inspector programs");
#else
    // A counterexample given as FILE opens at its start; --steps plays its recorded steps.
    constexpr int kSteps = 4;
    const QString csv = m_dir.filePath(QStringLiteral("counterexample.csv"));
    QString errors;
    QCOMPARE(runInspector({m_counterexample, QStringLiteral("--steps"), QString::number(kSteps),
                           QStringLiteral("--export-csv"), csv},
                          m_dir.filePath(QStringLiteral("config")), &errors),
             0);
    InspectorWindow window;
    window.show();
    QVERIFY(openCounterexample(window));
    for (int i = 0; i < kSteps; ++i) {
        QVERIFY(await(window.step())); // as --steps does: F10
        settle();
    }
    window.store()->flush();
    QCOMPARE(readCsv(csv), tableOf(window.messageTable()->model()));

    // More steps than it has: it is played to its end, and no further.
    const QString all = m_dir.filePath(QStringLiteral("counterexample-all.csv"));
    QCOMPARE(runInspector({m_counterexample, QStringLiteral("--steps"), QStringLiteral("1000"),
                           QStringLiteral("--export-csv"), all},
                          m_dir.filePath(QStringLiteral("config")), &errors),
             0);
    await(window.run());
    settle();
    QCOMPARE(window.recordedStepsLeft(), 0);
    window.store()->flush();
    QCOMPARE(readCsv(all), tableOf(window.messageTable()->model()));

    // A system file as FILE (ring.json) opens as with --system.
    const QString ringCsv = m_dir.filePath(QStringLiteral("ring.csv"));
    QCOMPARE(runInspector({QStringLiteral(MAS_SYSTEMS_DIR "/ring.json"), QStringLiteral("--steps"), QStringLiteral("3"),
                           QStringLiteral("--export-csv"), ringCsv},
                          m_dir.filePath(QStringLiteral("config")), &errors),
             0);
    const QList<QStringList> ring = readCsv(ringCsv);
    QVERIFY2(ring.size() > 1, qPrintable(errors));
    QCOMPARE(ring.first(), tableOf(window.messageTable()->model()).first());
#endif
}

void tst_InspectorFiles::unreadableFileInExportMode()
{
#ifndef MAS_INSPECTOR
    QSKIP("needs the mas-inspector program");
#else
    const QString csv = m_dir.filePath(QStringLiteral("nothing.csv"));
    const QString missing = m_dir.filePath(QStringLiteral("missing.massession"));
    QString errors;
    QCOMPARE(runInspector({missing, QStringLiteral("--export-csv"), csv}, m_dir.filePath(QStringLiteral("config")), &errors), 2);
    QVERIFY2(errors.contains(missing), qPrintable(errors));
    QVERIFY(!QFile::exists(csv));
    // Not an Inspector file at all.
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.jsonl"));
    {
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not json\n");
    }
    QCOMPARE(runInspector({garbage, QStringLiteral("--export-svg"), csv}, m_dir.filePath(QStringLiteral("config")), &errors), 2);
    QVERIFY2(errors.contains(u"garbage.jsonl"), qPrintable(errors));
    QVERIFY(!QFile::exists(csv));
#endif
}

void tst_InspectorFiles::counterexampleOpensAtItsStart()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    InspectorWindow window;
    window.show();
    QVERIFY(openCounterexample(window));
    const Result<system::Session> session = system::Session::load(m_counterexample);
    QVERIFY(session);
    const qsizetype steps = qsizetype(session->log.schedule().size());
    QVERIFY(steps > 1);
    QVERIFY(LocalNetwork::instance()->eventLog().schedule().empty());
    QCOMPARE(window.recordedStepCount(), steps);
    QCOMPARE(window.recordedStepsLeft(), steps);
    QVERIFY(window.system()->violatedInvariants().isEmpty());
    // The Violation panel says what breaks where, and that it has not happened yet.
    QVERIFY(window.violationDock()->isVisible());
    QVERIFY2(window.violationPanel()->summary().contains(QString::fromLatin1(kProperty)),
             qPrintable(window.violationPanel()->summary()));
    QVERIFY(!window.session()->violationReached());
    QCOMPARE(window.violationPanel()->states()->topLevelItemCount(), 0);
    // The step not played yet, said with this run's names (it was recorded on mas explore's queue).
    QVERIFY2(!window.violationPanel()->summary().contains(u"local://"), qPrintable(window.violationPanel()->summary()));
    QVERIFY2(window.violationPanel()->summary().contains(u"node "), qPrintable(window.violationPanel()->summary()));
    QVERIFY(window.stepAction()->toolTip().contains(u"counterexample"));
#endif
}

void tst_InspectorFiles::stepFollowsTheCounterexample()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    InspectorWindow window;
    const std::vector<TrafficEvent> script = openCounterexampleSteps(window);
    QVERIFY(!script.empty());
    LocalNetwork *net = LocalNetwork::instance();
    int notTheOldest = 0;
    for (size_t i = 0; i < script.size(); ++i) {
        const QList<PendingMessage> pending = net->pendingMessages();
        if (script[i].kind == TrafficEvent::Kind::Delivered && !pending.isEmpty() && pending.front().id != script[i].messageId)
            ++notTheOldest;
        QVERIFY(window.stepAction()->isEnabled());
        window.stepAction()->trigger(); // F10
        settle();
        const std::vector<TrafficEvent> done = net->eventLog().schedule();
        QCOMPARE(done.size(), i + 1);
        QCOMPARE(int(done.back().kind), int(script[i].kind));
        QCOMPARE(done.back().messageId, script[i].messageId);
    }
    // The counterexample is not the oldest-first order: F10 followed it, not the queue.
    QVERIFY(notTheOldest > 0);
    QCOMPARE(window.recordedStepsLeft(), 0);
    QVERIFY(window.system()->violatedInvariants().contains(QString::fromLatin1(kProperty)));
#endif
}

void tst_InspectorFiles::runEndsAtTheEndAndStandsStill()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    InspectorWindow window;
    window.show();
    QVERIFY(openCounterexample(window));
    const size_t steps = system::Session::load(m_counterexample)->log.schedule().size();
    window.stepAction()->trigger(); // one step first, then Run plays the rest
    settle();
    await(window.run());
    settle();
    QCOMPARE(window.recordedStepsLeft(), 0);
    QCOMPARE(LocalNetwork::instance()->eventLog().schedule().size(), steps);
    QVERIFY(window.system()->violatedInvariants().contains(QString::fromLatin1(kProperty)));
    // Nothing moves after its end.
    mas::test::checkStandsStill(window, 300ms);
#endif
}

void tst_InspectorFiles::violatingStepIsMarkedEverywhere()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    InspectorWindow window;
    const std::vector<TrafficEvent> script = openCounterexampleSteps(window);
    QVERIFY(!script.empty());
    const TrafficEvent last = script.back();
    QVERIFY2(last.messageId != 0, "the last step of this counterexample is a delivery");
    QCOMPARE(window.store()->violationMessage(), last.messageId);
    QCOMPARE(window.store()->violationProperty(), QString::fromLatin1(kProperty));

    // Up to the last step: the pending list marks the message once it waits there.
    for (size_t i = 0; i + 1 < script.size(); ++i) {
        window.stepAction()->trigger();
        settle();
    }
    const auto *pending = qobject_cast<const PendingMessagesModel *>(window.pendingTable()->model());
    QVERIFY(pending);
    const int pendingRow = pending->rowOfMessage(last.messageId);
    QVERIFY(pendingRow >= 0);
    const QModelIndex marked = pending->index(pendingRow, PendingMessagesModel::IdColumn);
    QVERIFY(marked.data(PendingMessagesModel::ViolationRole).toBool());
    QVERIFY(marked.data(Qt::BackgroundRole).isValid());
    QVERIFY(marked.data(Qt::ToolTipRole).toString().contains(QString::fromLatin1(kProperty)));
    for (int r = 0; r < pending->rowCount(); ++r) {
        if (r != pendingRow)
            QVERIFY(!pending->index(r, 0).data(PendingMessagesModel::ViolationRole).toBool());
    }

    // The step itself: its table row, its arrow.
    window.stepAction()->trigger();
    settle();
    window.store()->flush();
    const QAbstractItemModel *table = window.messageTable()->model();
    int steps = 0;
    for (int r = 0; r < table->rowCount(); ++r) {
        const QModelIndex index = table->index(r, EventTableModel::SequenceColumn);
        const int mark = index.data(EventTableModel::ViolationRole).toInt();
        const bool isStep = index.data(EventTableModel::MessageIdRole).toULongLong() == last.messageId
                            && index.data(EventTableModel::KindRole).toInt() == int(last.kind);
        QCOMPARE(mark == 2, isStep);
        if (isStep) {
            ++steps;
            QVERIFY(index.data(Qt::BackgroundRole).isValid());
            QVERIFY(index.data(Qt::StatusTipRole).toString().contains(QString::fromLatin1(kProperty)));
        }
    }
    QCOMPARE(steps, 1);
    QVERIFY(window.sequenceView()->isViolationArrow(last.messageId));
    QVERIFY(window.sequenceView()->messageToolTip(last.messageId).contains(QString::fromLatin1(kProperty)));
    // The agent graph: a red arrow from its sender to its receiver.
    const auto [violationFrom, violationTo] = window.graphView()->violationEdge();
    QVERIFY(violationFrom >= 0 && violationTo >= 0);
    const EventStore::MessageSpan *violating = window.viewStore()->span(last.messageId);
    QVERIFY(violating && violating->sent >= 0);
    QCOMPARE(violationFrom, window.viewStore()->participantIndex(window.viewStore()->at(violating->sent).from));
    QCOMPARE(violationTo, window.viewStore()->participantIndex(window.viewStore()->at(violating->sent).to));
    for (const TrafficEvent &e : window.store()->events()) {
        if (e.kind == TrafficEvent::Kind::Sent && e.messageId != last.messageId)
            QVERIFY(!window.sequenceView()->isViolationArrow(e.messageId));
    }
#endif
}

void tst_InspectorFiles::statesBeforeAndAfterTheViolation()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    InspectorWindow window;
    const std::vector<TrafficEvent> script = openCounterexampleSteps(window);
    QVERIFY(!script.empty());
    for (size_t i = 0; i + 1 < script.size(); ++i) {
        window.stepAction()->trigger();
        settle();
    }
    QVERIFY(!window.session()->violationReached());
    const Value::Map justBefore = window.system()->stateFields();
    window.stepAction()->trigger(); // the violating step
    settle();
    QVERIFY(window.session()->violationReached());
    QCOMPARE(window.session()->stateBeforeViolation(), justBefore);
    QCOMPARE(window.session()->stateAfterViolation(), window.system()->stateFields());
    QVERIFY(window.session()->stateAfterViolation() != justBefore);

    // The panel: the agents involved, each field before → after, the changed ones marked.
    QTreeWidget *states = window.violationPanel()->states();
    QVERIFY(states->topLevelItemCount() >= 1);
    QStringList agents;
    int changed = 0;
    for (int a = 0; a < states->topLevelItemCount(); ++a) {
        const QTreeWidgetItem *agent = states->topLevelItem(a);
        agents << agent->text(0);
        for (int f = 0; f < agent->childCount(); ++f) {
            const QTreeWidgetItem *field = agent->child(f);
            const bool isChanged = field->data(0, ViolationPanel::ChangedRole).toBool();
            QCOMPARE(isChanged, field->text(1) != field->text(2));
            if (isChanged) {
                ++changed;
                QVERIFY(field->background(2).style() != Qt::NoBrush);
            }
        }
    }
    QVERIFY2(changed > 0, qPrintable(agents.join(u", ")));
    // Why: both leaders' is_leader, marked in the panel.
    const system::InvariantExplanation why = window.session()->violationExplanation();
    QVERIFY2(why.involved.size() >= 2, qPrintable(why.text));
    QVERIFY(window.violationPanel()->explanation().contains(why.text));
    int involved = 0;
    for (int a = 0; a < states->topLevelItemCount(); ++a) {
        for (int f = 0; f < states->topLevelItem(a)->childCount(); ++f) {
            const QTreeWidgetItem *field = states->topLevelItem(a)->child(f);
            if (field->data(0, ViolationPanel::InvolvedRole).toBool()) {
                QVERIFY(field->text(0).contains(u"is_leader"));
                ++involved;
            }
        }
    }
    QCOMPARE(involved, int(why.involved.size()));
    QVERIFY2(!window.violationPanel()->summary().contains(u"local://"), qPrintable(window.violationPanel()->summary()));
    // The receiver of the step, as this run names it, is among them.
    window.store()->flush();
    const auto step = std::find_if(window.store()->events().begin(), window.store()->events().end(),
                                   [&](const TrafficEvent &e) { return window.store()->isViolationStep(e); });
    QVERIFY(step != window.store()->events().end());
    QCOMPARE(window.session()->violatingStep()->to, step->to);
    const QString receiver = window.session()->displayName(step->to); // "node 2 (id 25)"
    QVERIFY2(agents.contains(receiver), qPrintable(agents.join(u", ") + QStringLiteral(" / ") + receiver));
    QVERIFY(window.violationPanel()->summary().contains(QString::fromLatin1(kProperty)));
    // The step as the views say it: its label and the names of its ends.
    QVERIFY2(window.violationPanel()->summary().contains(receiver), qPrintable(window.violationPanel()->summary()));
    QVERIFY2(window.violationPanel()->summary().contains(window.store()->messageLabel(step->messageId)),
             qPrintable(window.violationPanel()->summary()));

    // A later step leaves the "after" states as the violating step left them.
    const Value::Map after = window.session()->stateAfterViolation();
    if (LocalNetwork::instance()->pendingCount() > 0) {
        window.stepAction()->trigger(); // the oldest pending message now
        settle();
        QCOMPARE(window.session()->stateAfterViolation(), after);
    }
#endif
}

void tst_InspectorFiles::exploreMarksItsCounterexample()
{
    // A counterexample Explore finds in the window opens at its end, marked the same way.
    InspectorWindow window;
    window.show();
    system::Parameters p;
    p.agents = 3;
    p.faulty = true;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    system::ExplorerOptions options;
    options.properties = QStringList{QString::fromLatin1(kProperty)};
    options.maxSchedules = 2000;
    options.maxTime = std::chrono::seconds(60);
    Result<system::ExplorerResult> result = await(window.explore(options));
    QVERIFY2(result, qPrintable(result.error().toString()));
    const system::Counterexample *found = result->counterexample();
    QVERIFY(found);
    settle();
    const TrafficEvent last = found->log.schedule().back();
    QCOMPARE(window.store()->violationMessage(), last.messageId);
    QCOMPARE(window.session()->violatedProperty(), QString::fromLatin1(kProperty));
    QCOMPARE(window.session()->violationStepCount(), qsizetype(found->log.schedule().size()));
    QVERIFY(window.session()->violationReached());
    QVERIFY(window.sequenceView()->isViolationArrow(last.messageId));
    QVERIFY(window.violationDock()->isVisible());
    QVERIFY(window.violationPanel()->states()->topLevelItemCount() >= 1);
    QVERIFY(window.session()->stateAfterViolation() != window.session()->stateBeforeViolation());
    // Explore again (or New System) and the marks go with the old run.
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    QCOMPARE(window.store()->violationMessage(), quint64(0));
    QVERIFY(!window.session()->violatingStep());
    QVERIFY(!window.violationDock()->isVisible());
}

void tst_InspectorFiles::stepBackStaysInTheCounterexample()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    // Step Back within a counterexample's own steps keeps it open: its tabs stay, the status bar
    // tells the step it stands at, and F10 follows it again from there.
    InspectorWindow window;
    const std::vector<TrafficEvent> script = openCounterexampleSteps(window);
    QVERIFY(!script.empty());
    const qsizetype steps = qsizetype(script.size());
    QVERIFY(steps > 8);
    for (int i = 0; i < 8; ++i) {
        window.stepAction()->trigger();
        settle();
    }
    QCOMPARE(window.session()->recordedStepsDone(), 8);
    auto *whyDock = window.findChild<QDockWidget *>(QStringLiteral("whyDock"));
    QVERIFY(whyDock && whyDock->isVisible() && window.violationDock()->isVisible());

    // The user's way: the delivery of step 5 selected in the message table, Ctrl+B.
    const quint64 fifth = sequenceOfStep(window.store(), 5);
    QVERIFY(fifth != 0);
    const QAbstractItemModel *table = window.messageTable()->model();
    QModelIndex row;
    for (int r = 0; r < table->rowCount() && !row.isValid(); ++r) {
        const QModelIndex index = table->index(r, 0);
        if (index.data(EventTableModel::MessageIdRole).toULongLong() == script[4].messageId
            && index.data(EventTableModel::KindRole).toInt() == int(script[4].kind))
            row = index;
    }
    QVERIFY(row.isValid());
    window.messageTable()->setCurrentIndex(row);
    QVERIFY(window.stepBackAction()->isEnabled());
    window.stepBackAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->recordedStepsDone(), 5, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(window.stepAction()->isEnabled(), 10000);
    settle();
    QCOMPARE(window.recordedStepsLeft(), steps - 5);
    // The event stepped back to is still the selected row (its details shown).
    QTRY_VERIFY_WITH_TIMEOUT(window.messageTable()->currentIndex().isValid(), 5000);
    QCOMPARE(window.messageTable()->currentIndex().data(EventTableModel::MessageIdRole).toULongLong(),
             script[4].messageId);
    QCOMPARE(window.messageTable()->currentIndex().data(EventTableModel::KindRole).toInt(), int(script[4].kind));
    QCOMPARE(LocalNetwork::instance()->eventLog().schedule().size(), size_t(5));
    // Still open: the marks, the Violation and Why tabs, the step in the status bar.
    QCOMPARE(window.store()->violationMessage(), script.back().messageId);
    QCOMPARE(window.session()->violationStepCount(), steps);
    QCOMPARE(window.session()->leftCounterexampleAt(), -1);
    QVERIFY(window.violationDock()->isVisible());
    QVERIFY(whyDock->isVisible());
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("step 5 of %1 of the counterexample").arg(steps)),
             qPrintable(window.statusBar()->currentMessage()));
    auto *outcome = window.findChild<QLabel *>(QStringLiteral("outcomeLabel"));
    QVERIFY(outcome);
    QVERIFY2(outcome->text().startsWith(QStringLiteral("Counterexample: step 5 of %1").arg(steps)),
             qPrintable(outcome->text()));

    // F10 follows the counterexample again, F5 plays it to its violation.
    window.stepAction()->trigger();
    settle();
    const std::vector<TrafficEvent> done = LocalNetwork::instance()->eventLog().schedule();
    QCOMPARE(done.size(), size_t(6));
    QCOMPARE(done.back().messageId, script[5].messageId);
    QCOMPARE(int(done.back().kind), int(script[5].kind));
    await(window.run());
    settle();
    QCOMPARE(window.recordedStepsLeft(), 0);
    QCOMPARE(LocalNetwork::instance()->eventLog().schedule().size(), size_t(steps));
    QVERIFY(window.system()->violatedInvariants().contains(QString::fromLatin1(kProperty)));
    QVERIFY(window.session()->violationReached());

    // From its end back to before its violating step: still open, the violation not reached.
    Result<quint64> back = await(window.replayTo(sequenceOfStep(window.store(), steps - 1)));
    QVERIFY2(back, qPrintable(back.error().toString()));
    settle();
    QCOMPARE(window.recordedStepsLeft(), 1);
    QVERIFY(!window.session()->violationReached());
    QVERIFY(!window.system()->violatedInvariants().contains(QString::fromLatin1(kProperty)));
    window.stepAction()->trigger();
    settle();
    QVERIFY(window.session()->violationReached());
    QVERIFY(window.system()->violatedInvariants().contains(QString::fromLatin1(kProperty)));
#endif
}

void tst_InspectorFiles::leavingKeepsTheCounterexampleAsARecord()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    // Delivering another message than the counterexample's next step leaves it: the status
    // line says so, the marks go, the Violation tab keeps it as a record; a step back to where
    // the run still followed it opens it again.
    InspectorWindow window;
    const std::vector<TrafficEvent> script = openCounterexampleSteps(window);
    QVERIFY(!script.empty());
    const qsizetype steps = qsizetype(script.size());
    for (int i = 0; i < 3; ++i) {
        window.stepAction()->trigger();
        settle();
    }
    LocalNetwork *net = LocalNetwork::instance();
    quint64 other = 0;
    for (const PendingMessage &m : net->pendingMessages()) {
        if (m.id != script[3].messageId) {
            other = m.id;
            break;
        }
    }
    QVERIFY2(other != 0, "another message than the next step waits");
    QVERIFY(window.deliverMessage(other));
    settle();
    QCOMPARE(window.recordedStepsLeft(), 0);
    QCOMPARE(window.session()->leftCounterexampleAt(), 3);
    QCOMPARE(window.session()->leftCounterexampleStepCount(), steps);
    QVERIFY2(window.statusBar()->currentMessage().startsWith(
                 QStringLiteral("You left the counterexample after step 3 of %1").arg(steps)),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(window.store()->violationMessage(), quint64(0)); // the marks go
    QVERIFY(window.violationDock()->isVisible());             // the record stays
    QVERIFY2(window.violationPanel()->summary().contains(QStringLiteral("after step 3 of %1").arg(steps)),
             qPrintable(window.violationPanel()->summary()));
    auto *whyDock = window.findChild<QDockWidget *>(QStringLiteral("whyDock"));
    QVERIFY(whyDock && !whyDock->isVisible());

    // A step back to after the leaving step: still left, and said so.
    window.stepAction()->trigger();
    settle();
    Result<quint64> back = await(window.replayTo(sequenceOfStep(window.store(), 4)));
    QVERIFY2(back, qPrintable(back.error().toString()));
    settle();
    QCOMPARE(window.recordedStepsLeft(), 0);
    QCOMPARE(window.session()->leftCounterexampleAt(), 3);
    QVERIFY2(window.statusBar()->currentMessage().contains(
                 QStringLiteral("left the counterexample after step 3 of %1").arg(steps)),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(window.violationDock()->isVisible());

    // Back to step 2: the counterexample is open again, F10 follows it.
    back = await(window.replayTo(sequenceOfStep(window.store(), 2)));
    QVERIFY2(back, qPrintable(back.error().toString()));
    settle();
    QCOMPARE(window.session()->leftCounterexampleAt(), -1);
    QCOMPARE(window.session()->recordedStepsDone(), 2);
    QCOMPARE(window.recordedStepsLeft(), steps - 2);
    QCOMPARE(window.store()->violationMessage(), script.back().messageId);
    QVERIFY(window.violationDock()->isVisible());
    QVERIFY(whyDock->isVisible());
    window.stepAction()->trigger();
    settle();
    QCOMPARE(net->eventLog().schedule().back().messageId, script[2].messageId);
#endif
}

void tst_InspectorFiles::endOfTheCounterexampleInGerman()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    // The file names the invariant by its id ("at most one leader"), the system by its name in
    // the user's language ("höchstens ein Anführer"): the end of the counterexample is found
    // violated in every language, and named in the user's.
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/mas_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&german));
    const auto restore = qScopeGuard([&german] { QCoreApplication::removeTranslator(&german); });
    InspectorWindow window;
    window.show();
    QVERIFY(openCounterexample(window));
    const QString name = propertyDisplayName(window.system(), QString::fromLatin1(kProperty));
    QVERIFY2(name != QString::fromLatin1(kProperty), qPrintable(name)); // the name is German
    await(window.run());
    settle();
    QCOMPARE(window.recordedStepsLeft(), 0);
    QVERIFY(window.system()->violatedInvariants().contains(name));
    const QString expected = QCoreApplication::translate("mas::ui::InspectorSession",
                                                         "End of the counterexample: \"%1\" is violated")
                                 .arg(name);
    QCOMPARE(window.statusBar()->currentMessage(), expected);
#endif
}

QTEST_MAIN(tst_InspectorFiles)
#include "tst_inspectorfiles.moc"
