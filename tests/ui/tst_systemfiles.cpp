// SPDX-License-Identifier: MIT
// System files end to end, with the real programs and the real window (offscreen): `mas explore
// --system` finds the faulty ring of examples/systems/ring.json and writes a counterexample that
// MAS Inspector opens at its start, rebuilt from the file, and plays to the violation on F10;
// the Inspector opens the file itself, steps it, lists its deadlines, and saves a session that
// reopens exactly; the correct ring has no counterexample; and bad files end both programs
// with exit status 2 and "FILE: KEY: reason" before anything starts.

#include "models/eventstore.h"
#include "views/sequencediagramview.h"
#include "widgets/clockpanel.h"
#include "widgets/inspectorwindow.h"
#include "stillcheck.h"

#include "processrun.h"

#include <mas/agent/container.h>
#include <mas/channel/channel.h>
#include <mas/clock/clock.h>
#include <mas/codec/jsoncodec.h>
#include <mas/system/session.h>
#include <mas/system/system.h>
#include <mas/system/systemagent.h>
#include <mas/transport/localqueue.h>

#include <QAbstractEventDispatcher>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
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

/// The one fixed wait of this test (see checkStandsStill()): real time in which nobody touches
/// the window. The ring's request timeout is 10 s of the system's clock, which real time does
/// not move, so nothing at all may happen in it.
constexpr auto kStillWait = 500ms;

const QString kProperty = QStringLiteral("at most one leader");
const QString kInvariantId = QStringLiteral("mas.demos:at most one leader");

qsizetype deliveredCount()
{
    const auto &events = LocalNetwork::instance()->eventLog().events();
    return std::count_if(events.begin(), events.end(), [](const TrafficEvent &e) { return e.kind == TrafficEvent::Kind::Delivered; });
}

/// The first line of a session file as JSON (its header).
Value headerOf(const QString &fileName)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly))
        return Value();
    Result<Value> header = JsonCodec::read(f.readLine().trimmed());
    return header ? *header : Value();
}

QByteArray readAll(const QString &fileName)
{
    QFile f(fileName);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &fileName, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(fileName).absolutePath());
    QFile f(fileName);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// The programs' environment: English messages, and settings of their own (not the user's
/// language choice).
QProcessEnvironment programEnvironment(const QString &configHome)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

} // namespace

class tst_SystemFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { LocalQueue::clearCache(); }
    void counterexampleOfTheRingOpensAtItsStart();
    void openedSystemStepsAndItsSessionReopens();
    void correctRingHasNoCounterexample();
    void exploreWithoutOutOnlyPrints();
    void compareTwoRuns();
    void badFileEndsThePrograms_data();
    void badFileEndsThePrograms();

private:
    /// Nothing of the system has a real-time timer armed or anything queued, and in a short
    /// wait (the one documented fixed wait of this test, kStillWait) nothing the user sees
    /// changes.
    void checkStandsStill(InspectorWindow &window);
    /// A copy of examples/systems/ring.json at RELATIVE in the temporary directory.
    QString ringCopy(const QString &relative);
    /// Runs `mas ARGS` to its end.
    mas::test::Outcome runMas(const QStringList &args, int timeoutMs = 120'000) const;

    QTemporaryDir m_dir;
};

void tst_SystemFiles::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_systemfiles"));
    QVERIFY(m_dir.isValid());
    // ring.json names no plug-in path: its agent types and invariant are the demos' plug-in's,
    // which the programs find in the build tree (and are told with --plugin-path) and this
    // process loads here.
    QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
    QVERIFY(mas::system::SystemRegistry::global().findInvariant(kInvariantId));
    QVERIFY(QFileInfo::exists(QStringLiteral(MAS_SYSTEMS_DIR "/ring.json")));
}

QString tst_SystemFiles::ringCopy(const QString &relative)
{
    const QString copy = m_dir.filePath(relative);
    if (!writeFile(copy, readAll(QStringLiteral(MAS_SYSTEMS_DIR "/ring.json"))))
        return QString();
    return QFileInfo(copy).absoluteFilePath();
}

mas::test::Outcome tst_SystemFiles::runMas(const QStringList &args, int timeoutMs) const
{
#ifdef MAS_CLI
    return mas::test::runToEnd(QStringLiteral(MAS_CLI), args, timeoutMs, programEnvironment(m_dir.filePath(QStringLiteral("config"))));
#else
    Q_UNUSED(args)
    Q_UNUSED(timeoutMs)
    return {};
#endif
}

void tst_SystemFiles::checkStandsStill(InspectorWindow &window)
{
    mas::test::checkStandsStill(window, kStillWait);
}

void tst_SystemFiles::counterexampleOfTheRingOpensAtItsStart()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    const QString ring = ringCopy(QStringLiteral("explore/ring.json"));
    QVERIFY(!ring.isEmpty());
    const QString out = m_dir.filePath(QStringLiteral("explore/two-leaders.jsonl"));
    const mas::test::Outcome explored = runMas({QStringLiteral("explore"), QStringLiteral("--system"), ring, QStringLiteral("--plugin-path"),
                                                QStringLiteral(MAS_DEMOS_PLUGIN_DIR), QStringLiteral("--out"), out});
    QVERIFY2(explored.exitCode == 1, qPrintable(explored.out + explored.err)); // a violation, written to --out
    QVERIFY2(explored.out.contains(QStringLiteral("violated: \"%1\"").arg(kProperty)), qPrintable(explored.out));

    // The session header says which file builds the system and what the run breaks.
    const Value header = headerOf(out);
    QVERIFY2(header.isMap(), qPrintable(QString::fromUtf8(readAll(out).left(400))));
    QCOMPARE(header.value(u"system_file").toString(), ring);
    QCOMPARE(header.value(u"counterexample").toString(), kProperty);
    QCOMPARE(header.value(u"demo").toString(), QStringLiteral("file:ring.json"));
    Result<system::Session> session = system::Session::load(out);
    QVERIFY2(session, session ? "" : qPrintable(session.error().toString()));
    QVERIFY(session->isCounterexample());
    QCOMPARE(session->systemFile, ring);
    const std::vector<TrafficEvent> schedule = session->log.schedule();
    QVERIFY(!schedule.empty());

    InspectorWindow window;

    window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
    window.show();
    Result<void> opened = await(window.openSession(out));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().toString()));
    settle();
    // The file's system, built again from the file, at its start: nothing of the recording done.
    QCOMPARE(window.systemFile(), ring);
    QVERIFY(window.system());
    QCOMPARE(window.system()->id(), QStringLiteral("file:ring.json"));
    QCOMPARE(window.system()->agents().size(), 3);
    QCOMPARE(window.system()->invariants().size(), 1);
    QCOMPARE(window.system()->invariants().constFirst().id, kInvariantId);
    QCOMPARE(window.recordedProperty(), kProperty);
    LocalNetwork *net = LocalNetwork::instance();
    QVERIFY(net->eventLog().schedule().empty());
    QVERIFY(net->pendingCount() > 0); // the nodes woke up: their first messages wait
    QCOMPARE(window.recordedStepCount(), qsizetype(schedule.size()));
    QCOMPARE(window.recordedStepsLeft(), qsizetype(schedule.size()));
    QVERIFY(window.system()->violatedInvariants().isEmpty());
    checkStandsStill(window);
    if (QTest::currentTestFailed())
        return;

    // F10 plays it forward, one recorded step each, to the violation.
    for (size_t i = 0; i < schedule.size(); ++i) {
        QVERIFY2(window.system()->violatedInvariants().isEmpty(), qPrintable(QStringLiteral("violated before step %1").arg(i + 1)));
        QVERIFY(window.stepAction()->isEnabled());
        window.stepAction()->trigger();
        settle();
        QCOMPARE(window.recordedStepsLeft(), qsizetype(schedule.size() - i - 1));
        QCOMPARE(net->eventLog().schedule().size(), i + 1);
    }
    QVERIFY2(window.system()->violatedInvariants().contains(kProperty), qPrintable(window.system()->stateText()));
    // It stands still at its end too.
    checkStandsStill(window);
#endif
}

void tst_SystemFiles::openedSystemStepsAndItsSessionReopens()
{
    const QString ring = ringCopy(QStringLiteral("session/ring.json"));
    QVERIFY(!ring.isEmpty());
    const QString sessionFile = m_dir.filePath(QStringLiteral("session/run.massession"));
    TrafficLog saved;
    QString savedStates;
    {
        InspectorWindow window;
        window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
        window.show();
        Result<void> opened = window.openSystem(ring);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().toString()));
        settle();
        QCOMPARE(window.systemFile(), ring);
        system::System *system = window.system();
        QVERIFY(system);
        QCOMPARE(system->id(), QStringLiteral("file:ring.json"));
        QCOMPARE(system->agents().size(), 3);
        QCOMPARE(system->parameters().requestTimeout, 10'000ms);
        QVERIFY(system->queue());
        LocalNetwork *net = LocalNetwork::instance();
        QCOMPARE(net->mode(), LocalNetwork::Mode::Stepped);
        QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
        const QString initialStates = system->stateText();

        // Each F10 delivers the oldest pending message.
        for (int i = 0; i < 12 && net->pendingCount() > 0; ++i) {
            const qsizetype before = deliveredCount();
            window.stepAction()->trigger();
            settle();
            QCOMPARE(deliveredCount(), before + 1);
        }
        QVERIFY2(system->stateText() != initialStates, qPrintable(system->stateText()));
        QVERIFY(net->pendingCount() > 0);

        // The requests on their way have their deadlines on the clock, listed in the clock panel.
        ExternalClock *clock = system->clock();
        const QList<PendingTimer> due = mas::test::deadlines(clock);
        QVERIFY2(!due.isEmpty(), "a request on its way has a deadline on the clock");
        QCOMPARE(due.first().deadline, clock->time() + 10.0);
        auto *timerList = window.clockPanel()->findChild<QTreeWidget *>(QStringLiteral("timerList"));
        QVERIFY(timerList);
        QTRY_COMPARE_WITH_TIMEOUT(timerList->topLevelItemCount(), clock->pendingTimerCount(), 2000);
        QStringList listed;
        for (int i = 0; i < timerList->topLevelItemCount(); ++i)
            listed << timerList->topLevelItem(i)->text(2);
        for (const PendingTimer &t : due)
            QVERIFY2(listed.contains(t.description), qPrintable(listed.join(u'\n')));

        saved = net->eventLog();
        savedStates = system->stateText();
        Result<void> written = window.saveSession(sessionFile);
        QVERIFY2(written, written ? "" : qPrintable(written.error().toString()));
    }
    const Value header = headerOf(sessionFile);
    QCOMPARE(header.value(u"system_file").toString(), ring);
    QCOMPARE(header.value(u"demo").toString(), QStringLiteral("file:ring.json"));
    QVERIFY(!header.contains(u"counterexample"));

    // Reopened: the system is built from the file again and the run replayed exactly.
    LocalQueue::clearCache();
    {
        InspectorWindow window;
        window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
        window.show();
        Result<void> opened = await(window.openSession(sessionFile));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().toString()));
        settle();
        QCOMPARE(window.systemFile(), ring);
        QVERIFY(window.system());
        QCOMPARE(window.system()->id(), QStringLiteral("file:ring.json"));
        QCOMPARE(window.recordedStepsLeft(), 0);
        const TrafficLog &replayed = LocalNetwork::instance()->eventLog();
        const std::optional<qsizetype> diff = TrafficLog::firstDifference(saved, replayed);
        QVERIFY2(!diff, diff ? qPrintable(QStringLiteral("differs at %1").arg(*diff)) : "");
        QCOMPARE(replayed.size(), saved.size());
        QCOMPARE(window.system()->stateText(), savedStates);
        checkStandsStill(window);
        if (QTest::currentTestFailed())
            return;
    }

    // Only the file can build it: without the file the session does not open, and says why.
    QVERIFY(QFile::remove(ring));
    LocalQueue::clearCache();
    InspectorWindow window;
    window.setShowPlumbing(true); // F10 delivers one frame: every frame is a step
    Result<void> reopened = await(window.openSession(sessionFile));
    QVERIFY(!reopened);
    QVERIFY2(reopened.error().message().startsWith(QStringLiteral("ring.json: ")), qPrintable(reopened.error().message()));
    QVERIFY(!window.system());
}

void tst_SystemFiles::correctRingHasNoCounterexample()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    QByteArray json = readAll(QStringLiteral(MAS_SYSTEMS_DIR "/ring.json"));
    QCOMPARE(json.count("\"faulty\": true"), 3);
    json.replace("\"faulty\": true", "\"faulty\": false");
    const QString correct = m_dir.filePath(QStringLiteral("correct/ring.json"));
    QVERIFY(writeFile(correct, json));
    const QString out = m_dir.filePath(QStringLiteral("correct/none.jsonl"));
    const mas::test::Outcome explored = runMas({QStringLiteral("explore"), QStringLiteral("--system"), correct, QStringLiteral("--plugin-path"),
                                                QStringLiteral(MAS_DEMOS_PLUGIN_DIR), QStringLiteral("--out"), out});
    QVERIFY2(explored.exitCode == 0, qPrintable(explored.out + explored.err));
    QVERIFY2(explored.out.startsWith(QStringLiteral("file:ring.json: 3 agents")), qPrintable(explored.out));
    QVERIFY2(!explored.out.contains(u"violated"), qPrintable(explored.out));
    QVERIFY(!QFileInfo::exists(out));
#endif
}

void tst_SystemFiles::exploreWithoutOutOnlyPrints()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    // Without --out, mas explore prints the counterexample's steps and says how to keep it.
    const QString ring = ringCopy(QStringLiteral("print/ring.json"));
    QVERIFY(!ring.isEmpty());
    const QStringList before = QDir(m_dir.filePath(QStringLiteral("print"))).entryList(QDir::Files);
    const mas::test::Outcome explored = runMas({QStringLiteral("explore"), QStringLiteral("--system"), ring,
                                                QStringLiteral("--plugin-path"), QStringLiteral(MAS_DEMOS_PLUGIN_DIR)});
    QVERIFY2(explored.exitCode == 1, qPrintable(explored.out + explored.err)); // a violation
    QVERIFY2(explored.out.contains(QStringLiteral("violated: \"%1\"").arg(kProperty)), qPrintable(explored.out));
    // the steps (plumbing folded: the first listed one need not be number 1)
    QVERIFY2(explored.out.contains(QRegularExpression(QStringLiteral("(^|\\n) +\\d+\\. deliver "))), qPrintable(explored.out));
    QVERIFY2(explored.out.contains(QStringLiteral("not written: add --out FILE")), qPrintable(explored.out));
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("print"))).entryList(QDir::Files), before);
#endif
}

void tst_SystemFiles::compareTwoRuns()
{
#ifndef MAS_CLI
    QSKIP("needs the mas program");
#else
    // `mas explore --compare A B`: a found counterexample against itself is identical (0); with
    // two of its deliveries swapped the runs diverge (1) at the first of them, said in words;
    // bad input is 2.
    const QString a = m_dir.filePath(QStringLiteral("compare-a.jsonl"));
    const mas::test::Outcome explored =
        runMas({QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--faulty"),
                QStringLiteral("--invariant"), kProperty, QStringLiteral("--out"), a});
    QVERIFY2(explored.exitCode == 1, qPrintable(explored.out + explored.err));
    const mas::test::Outcome same = runMas({QStringLiteral("explore"), QStringLiteral("--compare"), a, a});
    QVERIFY2(same.exitCode == 0, qPrintable(same.out + same.err));
    QVERIFY2(same.out.contains(QStringLiteral("The runs make the same")), qPrintable(same.out));

    Result<TrafficLog> log = TrafficLog::load(a);
    QVERIFY2(log, qPrintable(log.error().toString()));
    std::vector<TrafficEvent> events = log->events();
    // the first two deliveries of election messages, swapped
    std::vector<size_t> elections;
    for (size_t i = 0; i < events.size() && elections.size() < 2; ++i) {
        if (events[i].kind == TrafficEvent::Kind::Delivered && events[i].type == MessageType::Request
            && events[i].path.endsWith(u"/election"))
            elections.push_back(i);
    }
    QCOMPARE(elections.size(), size_t(2));
    std::swap(events[elections[0]], events[elections[1]]);
    const QString b = m_dir.filePath(QStringLiteral("compare-b.jsonl"));
    QVERIFY(TrafficLog(events).save(b));
    const mas::test::Outcome diverged = runMas({QStringLiteral("explore"), QStringLiteral("--compare"), a, b});
    QVERIFY2(diverged.exitCode == 1, qPrintable(diverged.out + diverged.err));
    QVERIFY2(diverged.out.contains(QStringLiteral("The runs diverge at choice")), qPrintable(diverged.out));
    QVERIFY2(diverged.out.contains(QStringLiteral("run A delivered election(")), qPrintable(diverged.out));
    QVERIFY2(diverged.out.contains(QStringLiteral("(event %1)").arg(elections[0])), qPrintable(diverged.out));
    QVERIFY2(diverged.out.contains(QStringLiteral("run B makes run A's choice later (event %1)").arg(elections[1])),
             qPrintable(diverged.out));
    QVERIFY2(diverged.out.contains(QStringLiteral("run A makes run B's choice later (event %1)").arg(elections[1])),
             qPrintable(diverged.out));

    const mas::test::Outcome missing =
        runMas({QStringLiteral("explore"), QStringLiteral("--compare"), a, m_dir.filePath(QStringLiteral("none.jsonl"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("cannot read")), qPrintable(missing.err));
    const mas::test::Outcome one = runMas({QStringLiteral("explore"), QStringLiteral("--compare"), a});
    QCOMPARE(one.exitCode, 2);
    QVERIFY2(one.err.contains(QStringLiteral("--compare takes two logs")), qPrintable(one.err));
#endif
}

void tst_SystemFiles::badFileEndsThePrograms_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("key"); // empty: a message without a key
    QTest::addColumn<QString>("reason");

    const QByteArray node = R"({"name": "n1", "type": "mas.demos:LeaderElectionAgent", "args": [1, "@n1"]})";
    QTest::newRow("not JSON") << QStringLiteral("broken.json") << QByteArray("{\"containers\": [") << QString()
                              << QStringLiteral("Not valid JSON");
    QTest::newRow("missing containers") << QStringLiteral("empty.json") << QByteArray(R"({"title": "nothing"})")
                                        << QStringLiteral("containers") << QStringLiteral("Missing");
    QTest::newRow("unknown codec") << QStringLiteral("codec.json")
                                   << QByteArray(R"({"codec": "xml", "containers": [{"agents": [)" + node + "]}]}")
                                   << QStringLiteral("codec") << QStringLiteral("Unknown codec \"xml\"");
    QTest::newRow("negative request timeout") << QStringLiteral("timeout.json")
                                              << QByteArray(R"({"request_timeout_ms": -1, "containers": [{"agents": [)" + node + "]}]}")
                                              << QStringLiteral("request_timeout_ms") << QStringLiteral("positive");
    QTest::newRow("reference to no agent")
        << QStringLiteral("dangling.json")
        << QByteArray(R"({"containers": [{"agents": [{"name": "n1", "type": "mas.demos:LeaderElectionAgent", "args": [1, "@n9"]}]}]})")
        << QStringLiteral("containers[0].agents[0].args[1]") << QStringLiteral("No agent is called \"n9\"");
    QTest::newRow("unknown agent type")
        << QStringLiteral("typo.json")
        << QByteArray(R"({"containers": [{"agents": [)" + node + R"(]}, {"agents": [{"type": "mas.demos:LeaderAgent"}]}]})")
        << QStringLiteral("containers[1].agents[0].type") << QStringLiteral("\"mas.demos:LeaderAgent\"");
    QTest::newRow("unknown invariant")
        << QStringLiteral("invariant.json")
        << QByteArray(R"({"invariants": ["mas.demos:no leader"], "containers": [{"agents": [)" + node + "]}]}")
        << QStringLiteral("invariants[0]") << QStringLiteral("Unknown invariant \"mas.demos:no leader\"");
    QTest::newRow("missing plug-in directory")
        << QStringLiteral("plugins.json")
        << QByteArray(R"({"plugin_path": "no-such-plugins", "containers": [{"agents": [)" + node + "]}]}")
        << QStringLiteral("plugin_path") << QStringLiteral("does not exist");
    QTest::newRow("arguments the type rejects")
        << QStringLiteral("arguments.json")
        << QByteArray(R"({"containers": [{"agents": [{"name": "n1", "type": "mas.demos:LeaderElectionAgent", "args": ["one", "@n1"]}]}]})")
        << QStringLiteral("containers[0].agents[0]") << QStringLiteral("'ring_id'");
}

void tst_SystemFiles::badFileEndsThePrograms()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, json);
    QFETCH(QString, key);
    QFETCH(QString, reason);
    const QString file = m_dir.filePath(QStringLiteral("bad/") + name);
    QVERIFY(writeFile(file, json));
    const QString expected = key.isEmpty() ? name + QStringLiteral(": ") : QStringLiteral("%1: %2: ").arg(name, key);

#ifdef MAS_CLI
    {
        const QString out = m_dir.filePath(QStringLiteral("bad/never.jsonl"));
        const mas::test::Outcome run = runMas({QStringLiteral("explore"), QStringLiteral("--system"), file, QStringLiteral("--plugin-path"),
                                               QStringLiteral(MAS_DEMOS_PLUGIN_DIR), QStringLiteral("--out"), out},
                                              60'000);
        QVERIFY2(run.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        const QString line = QStringLiteral("mas explore: ") + expected;
        QVERIFY2(run.err.contains(line), qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(run.err, line)));
        QVERIFY2(run.err.section(line, 1).section(u'\n', 0, 0).contains(reason), qPrintable(run.err));
        // Nothing was explored, nothing written.
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
        QVERIFY(!QFileInfo::exists(out));
    }
#endif
#ifdef MAS_INSPECTOR
    {
        // With --screenshot a started window renders and exits: a bad file must end it before.
        const QString shot = m_dir.filePath(QStringLiteral("bad/never.png"));
        const mas::test::Outcome run =
            mas::test::runToEnd(QStringLiteral(MAS_INSPECTOR),
                                {QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("--plugin-path"),
                                 QStringLiteral(MAS_DEMOS_PLUGIN_DIR), QStringLiteral("--system"), file, QStringLiteral("--screenshot"), shot},
                                60'000, programEnvironment(m_dir.filePath(QStringLiteral("config"))));
        QVERIFY2(run.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        const QString line = QStringLiteral("mas-inspector: ") + expected;
        QVERIFY2(run.err.contains(line), qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(run.err, line)));
        QVERIFY2(run.err.section(line, 1).section(u'\n', 0, 0).contains(reason), qPrintable(run.err));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
        QVERIFY(!QFileInfo::exists(shot));
    }
#else
    QSKIP("needs the mas-inspector program");
#endif
}

QTEST_MAIN(tst_SystemFiles)
#include "tst_systemfiles.moc"
