// SPDX-License-Identifier: MIT
// Python programs in the real Inspector window (offscreen), run by the masstep runner
// (python/masstep) through a ProcessSystem: plain asyncio programs speaking aiomas framing
// (examples/python, python/tests/programs), so no aiomas is needed. The pending list shows
// their frames; the chosen order changes the ring's outcome; a dropped frame is lost until the
// sender's own asyncio.wait_for timeout fires when the clock moves; asyncio.sleep(3600) ends
// when the clock moves; the same choices give the same log, also when a saved session is
// reopened (the processes start again); a stepped Python system stands still; the Processes
// panel shows a crash's traceback; and no runner outlives its system, a crash, or an Inspector
// killed with SIGKILL. Skipped without python3 3.9 or newer. Unix only (/proc, signals).

#include "pythontest.h"

#include "models/eventstore.h"
#include "models/agenttreemodel.h"
#include "models/pendingmodel.h"
#include "session/inspectorsession.h"
#include "widgets/clockpanel.h"
#include "widgets/inspectorwindow.h"
#include "widgets/processespanel.h"
#include "stillcheck.h"

#include <mas/clock/clock.h>
#include <mas/system/processsystem.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/pythonhub.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeView>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace mas;
using namespace mas::ui;
using namespace std::chrono_literals;

namespace {

constexpr int kWait = 60000; // ms: the longest any condition may take

/// The one fixed wait of this test (see mas::test::checkStandsStill()): real time in which
/// nobody touches the window; the programs' timers run on the virtual clock only.
constexpr auto kStillWait = 1500ms;

using mas::test::sourceDir;

QString example(const QString &name)
{
    return mas::test::pythonExample(name);
}

QString testProgram(const QString &name)
{
    return mas::test::pythonTestProgram(name);
}

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// The processes whose environment says a ProcessSystem of process `owner` started them.
QList<qint64> runnersOf(qint64 owner)
{
    QList<qint64> pids;
    const QByteArray marker = "MAS_PROCESS_SYSTEM=" + QByteArray::number(owner);
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
        if (!environ.open(QIODevice::ReadOnly))
            continue;
        // Python interpreters only: a wrapper that starts python3 (a pyenv shim, say) carries the
        // marker too, and its helpers come and go.
        if (environ.readAll().split('\0').contains(marker)
            && QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget().section(u'/', -1).startsWith(u"python"))
            pids << pid;
    }
    return pids;
}

bool alive(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    return !status.readAll().contains("State:\tZ");
}

bool anyAlive(const QList<qint64> &pids)
{
    return std::any_of(pids.begin(), pids.end(), alive);
}

system::ProcessSystem *processes(InspectorWindow &window)
{
    return qobject_cast<system::ProcessSystem *>(window.system());
}

/// Waits until the programs have answered.
bool answered(InspectorWindow &window)
{
    system::ProcessSystem *system = processes(window);
    return system && bool(await(system->waitForAnswers()));
}

QString output(InspectorWindow &window, int index)
{
    return QString::fromUtf8(processes(window)->standardOutput(index));
}

/// Steps (F10) until every program exited, at most `max` steps.
void stepToTheEnd(InspectorWindow &window, int max = 400)
{
    for (int i = 0; i < max && !processes(window)->isFinished(); ++i) {
        if (!await(window.step()))
            break;
    }
}

/// The next frame as `mas run --order random` chooses it (a close waits for older frames).
quint64 randomChoice(const QList<PendingMessage> &pending, QRandomGenerator &rng)
{
    QList<quint64> candidates;
    QSet<quint64> seen;
    for (const PendingMessage &m : pending) {
        if (!m.isClose || !seen.contains(m.connection))
            candidates.append(m.id);
        seen.insert(m.connection);
    }
    return candidates.at(qsizetype(rng.bounded(quint32(candidates.size()))));
}

/// Selects the pending message `id` in the window's pending list (as a click does).
bool selectPending(InspectorWindow &window, quint64 id)
{
    QAbstractItemModel *model = window.pendingTable()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(PendingMessagesModel::MessageIdRole).toULongLong() == id) {
            window.pendingTable()->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

QList<quint64> pendingIds()
{
    QList<quint64> ids;
    for (const PendingMessage &m : LocalNetwork::instance()->pendingMessages())
        ids << m.id;
    return ids;
}

/// Where two logs part, for people.
QString difference(const TrafficLog &a, const TrafficLog &b)
{
    const std::optional<qsizetype> at = TrafficLog::firstDifference(a, b);
    if (!at)
        return {};
    const auto line = [](const TrafficLog &log, qsizetype i) {
        return i < log.size() ? log.events()[size_t(i)].toDisplayString() : QStringLiteral("(end)");
    };
    return QStringLiteral("event %1 of %2/%3: %4 | %5").arg(*at).arg(a.size()).arg(b.size()).arg(line(a, *at), line(b, *at));
}

} // namespace

class tst_PythonWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = mas::test::pythonUnavailable(kWait); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (!QFileInfo::exists(example(QStringLiteral("echo.py"))))
            QSKIP("the source tree has no examples/python");
        qputenv("MAS_PYTHON_RUNNER_PATH", QFile::encodeName(sourceDir() + QStringLiteral("/python")));
        QVERIFY(m_dir.isValid());
    }

    // The echo pair: its frames in the pending list with the programs' names; a dropped
    // request is lost until the client's asyncio.wait_for gives up when the clock moves there.
    void droppedFrameWaitsForTheTimeout()
    {
        InspectorWindow window;
        QVERIFY(window.openPython(example(QStringLiteral("echo.py")), {QStringLiteral("both"), QStringLiteral("5571"),
                                                                       QStringLiteral("hello")}));
        QVERIFY(window.processesPanel()->isVisibleTo(&window));
        QVERIFY(answered(window));
        // the client's connection retries on a timer until the server listens: step until the
        // request is pending
        std::optional<PendingMessage> request;
        for (int i = 0; i < 20 && !request; ++i) {
            for (const PendingMessage &m : LocalNetwork::instance()->pendingMessages()) {
                if (m.path == u"echo")
                    request = m;
            }
            if (!request)
                QVERIFY(await(window.step()));
        }
        QVERIFY(request);
        QTRY_VERIFY_WITH_TIMEOUT(window.pendingTable()->model()->rowCount() > 0, kWait);
        QCOMPARE(window.session()->displayName(request->to), QStringLiteral("echo.py :5571"));
        QVERIFY(window.session()->dropMessage(request->id));
        QVERIFY(answered(window));
        QVERIFY(LocalNetwork::instance()->pendingMessages().isEmpty());
        QVERIFY(!output(window, 0).contains(u"gave up"));
        // F10 with nothing pending moves the clock to the client's timeout
        const double before = window.system()->clock()->time();
        QVERIFY(await(window.step()));
        QVERIFY(window.system()->clock()->time() > before);
        QTRY_VERIFY_WITH_TIMEOUT(output(window, 0).contains(u"client: no answer for hello, gave up"), kWait);
        stepToTheEnd(window);
        QTRY_COMPARE_WITH_TIMEOUT(processes(window)->process(0).state, system::ProcessState::Exited, kWait);
        QCOMPARE(processes(window)->process(0).exitCode, std::optional<int>(1));
        QTRY_VERIFY_WITH_TIMEOUT(window.processesPanel()->table()->item(0, 1)
                                     && window.processesPanel()->table()->item(0, 1)->text().contains(u"exited with status 1"),
                                 kWait);
    }

    // asyncio.sleep(3600) ends when the clock moves: the Clock panel's timer is the program's.
    void sleepEndsWhenTheClockMoves()
    {
        InspectorWindow window;
        QVERIFY(window.openPython(testProgram(QStringLiteral("sleeper.py"))));
        QVERIFY(answered(window));
        QTRY_VERIFY_WITH_TIMEOUT(window.system()->clock()->nextDeadline().has_value(), kWait);
        QCOMPARE(*window.system()->clock()->nextDeadline(), 3600.0);
        QVERIFY(output(window, 0).contains(u"sleeping at t=0"));
        QVERIFY(await(window.step())); // nothing pending: the clock moves to the timer
        QVERIFY(answered(window));
        QTRY_VERIFY_WITH_TIMEOUT(output(window, 0).contains(u"woke at t=3600"), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(processes(window)->process(0).state, system::ProcessState::Exited, kWait);
        QCOMPARE(processes(window)->process(0).exitCode, std::optional<int>(0));
    }

    // The ring election of three processes from a system file: first in, first out nobody is
    // elected; the order `mas run --order random --seed 2` takes elects uid 3. The same choices
    // give the same log.
    void chosenOrderChangesTheRing()
    {
        const QString file = ringFile();
        QStringList fifoLogs;
        for (int run = 0; run < 2; ++run) {
            InspectorWindow window;
            QVERIFY(window.openSystem(file));
            QVERIFY(processes(window));
            QCOMPARE(processes(window)->processes().size(), 3);
            QVERIFY(answered(window));
            stepToTheEnd(window);
            QVERIFY(processes(window)->isFinished());
            QVERIFY2(output(window, 2).contains(u"no leader, gave up"), qPrintable(output(window, 2)));
            QString log;
            for (const TrafficEvent &e : LocalNetwork::instance()->eventLog().events())
                log += e.toDisplayString() + u'\n';
            fifoLogs << log;
        }
        QCOMPARE(fifoLogs.at(0), fifoLogs.at(1));

        InspectorWindow window;
        QVERIFY(window.openSystem(file));
        QVERIFY(answered(window));
        QRandomGenerator rng(2);
        for (int i = 0; i < 400 && !processes(window)->isFinished(); ++i) {
            const QList<PendingMessage> pending = LocalNetwork::instance()->pendingMessages();
            if (pending.isEmpty())
                QVERIFY(LocalNetwork::instance()->advanceClock());
            else
                QVERIFY(window.session()->deliverMessage(randomChoice(pending, rng)));
            QVERIFY(answered(window));
        }
        QVERIFY(processes(window)->isFinished());
        QVERIFY2(output(window, 2).contains(u"node 2 (uid 3) t=1: is the leader"), qPrintable(output(window, 2)));
    }

    // The pending list's Deliver, Drop, Duplicate and Delay on a Python system: the window is
    // busy (its stepping actions disabled) until every program has answered, as after F10, so
    // that when it is not busy the pending list is complete; a second action meanwhile is
    // refused. Delivering node 1's first elect (it is asleep) makes node 1 follow and relay.
    void singleFrameActionsWaitForThePrograms()
    {
        InspectorWindow window;
        QVERIFY(window.openSystem(ringFile()));
        QVERIFY(answered(window));
        system::ProcessSystem *ring = processes(window);
        QVERIFY(ring);
        // F10 until an elect for node 1 (listening on :6001) is pending
        std::optional<PendingMessage> toNode1;
        for (int i = 0; i < 60 && !toNode1; ++i) {
            for (const PendingMessage &m : LocalNetwork::instance()->pendingMessages()) {
                if (m.path == u"elect" && m.to.startsWith(u"tcp://127.0.0.1:6001"))
                    toNode1 = m;
            }
            if (!toNode1)
                QVERIFY(await(window.step()));
        }
        QVERIFY(toNode1);
        QVERIFY(!window.isBusy());
        // F10 ended when the programs had answered: node 1 has heard nobody yet
        QVERIFY2(!output(window, 1).contains(u"candidate"), qPrintable(output(window, 1)));
        QSignalSpy busy(window.session(), &InspectorSession::busyChanged);
        QList<quint64> atTheEnd; // the pending frames when the window stopped being busy
        bool settledAtTheEnd = false;
        connect(window.session(), &InspectorSession::busyChanged, this, [&](bool now) {
            if (!now) {
                atTheEnd = pendingIds();
                settledAtTheEnd = ring->isSettled();
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(selectPending(window, toNode1->id), kWait);
        QVERIFY(window.deliverAction()->isEnabled());
        const QList<quint64> before = pendingIds();
        window.deliverAction()->trigger();
        // node 1 is answering in its own process: busy, and a second action is refused
        QVERIFY(window.isBusy());
        QVERIFY(!window.deliverAction()->isEnabled());
        QVERIFY(!window.stepAction()->isEnabled());
        const quint64 other = before.value(before.first() == toNode1->id ? 1 : 0);
        QVERIFY(other);
        QVERIFY(!window.session()->dropMessage(other));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), kWait);
        QVERIFY(settledAtTheEnd);
        QCOMPARE(busy.size(), 2);
        QVERIFY(!atTheEnd.contains(toNode1->id));
        QVERIFY(atTheEnd.contains(other));
        // node 1's relay is pending: a frame from node 1's client side
        bool relayed = false;
        QString seen;
        const QHash<QString, int> clients = ring->hub()->clientAddresses();
        for (const PendingMessage &m : LocalNetwork::instance()->pendingMessages()) {
            seen += QStringLiteral("%1 %2 %3 -> %4 (%5)\n").arg(m.id).arg(m.path, m.from, m.to).arg(clients.value(m.from, -1));
            if (!before.contains(m.id) && m.path == u"elect" && clients.value(m.from, -1) == 1)
                relayed = relayed || atTheEnd.contains(m.id);
        }
        QVERIFY2(relayed, qPrintable(output(window, 1) + seen));
        QVERIFY2(output(window, 1).contains(u"woken by candidate"), qPrintable(output(window, 1)));
        QVERIFY(answered(window));
        QCOMPARE(pendingIds(), atTheEnd); // nothing came after the window said it was done

        // Duplicate, Delay and Drop: done (not busy) with the frames as they say
        const QList<quint64> settled = pendingIds();
        const quint64 first = settled.first();
        QTRY_VERIFY_WITH_TIMEOUT(selectPending(window, first), kWait);
        QVERIFY(window.duplicateAction()->isEnabled());
        window.duplicateAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), kWait);
        QCOMPARE(pendingIds().size(), settled.size() + 1);
        QVERIFY(ring->isSettled());
        QTRY_VERIFY_WITH_TIMEOUT(selectPending(window, first), kWait);
        QVERIFY(window.delayAction()->isEnabled());
        window.delayAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), kWait);
        QCOMPARE(pendingIds().last(), first);
        QVERIFY(ring->isSettled());
        QTRY_VERIFY_WITH_TIMEOUT(selectPending(window, first), kWait);
        QVERIFY(window.dropAction()->isEnabled());
        window.dropAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), kWait);
        QVERIFY(!pendingIds().contains(first));
        QCOMPARE(pendingIds().size(), settled.size());
        QVERIFY(ring->isSettled());
        QVERIFY(window.stepAction()->isEnabled());
    }

    // Compare with a log: two runs of the ring with the same choices are the same; a run that
    // chooses another frame at one step parts from the first at that step's event.
    void compareRunsOfPythonPrograms()
    {
        const QString file = ringFile();
        const QString saved = m_dir.filePath(QStringLiteral("ring-fifo.jsonl"));
        {
            InspectorWindow window;
            QVERIFY(window.openSystem(file));
            QVERIFY(answered(window));
            stepToTheEnd(window);
            QVERIFY(processes(window)->isFinished());
            QVERIFY(window.saveSession(saved));
        }
        {
            InspectorWindow window;
            QVERIFY(window.openSystem(file));
            QVERIFY(answered(window));
            stepToTheEnd(window);
            QVERIFY(processes(window)->isFinished());
            const Result<qsizetype> same = window.compareWith(saved);
            QVERIFY(same);
            QCOMPARE(*same, qsizetype(-1));
        }
        InspectorWindow window;
        QVERIFY(window.openSystem(file));
        QVERIFY(answered(window));
        // first in, first out until two frames of different connections are pending; then the newest
        std::optional<PendingMessage> other;
        for (int i = 0; i < 60 && !other; ++i) {
            const QList<PendingMessage> pending = LocalNetwork::instance()->pendingMessages();
            if (pending.size() >= 2 && pending.last().connection != pending.first().connection && !pending.last().isClose)
                other = pending.last();
            else
                QVERIFY(await(window.step()));
        }
        QVERIFY(other);
        window.store()->flush();
        const qsizetype divergence = window.store()->size();
        QVERIFY(window.session()->deliverMessage(other->id));
        QVERIFY(answered(window));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), kWait);
        stepToTheEnd(window);
        const Result<qsizetype> at = window.compareWith(saved);
        QVERIFY(at);
        QCOMPARE(*at, divergence);
        window.store()->flush();
        QCOMPARE(window.store()->at(divergence).messageId, other->id);
        QCOMPARE(window.store()->at(divergence).kind, TrafficEvent::Kind::Delivered);
    }

    // Free-running (Run, F5): delivers the pending frames, moves the clock to the next timer
    // when nothing else can happen and waits for the programs between deliveries, to the same
    // run as F10 steps first in, first out; the window stays responsive meanwhile. At a chosen
    // speed, Pause returns to stepping.
    void freeRunningRunsToTheEnd()
    {
        const QString file = ringFile();
        TrafficLog stepped;
        {
            InspectorWindow window;
            QVERIFY(window.openSystem(file));
            QVERIFY(answered(window));
            // F10 until nothing is pending and no timer is left (the closes to exited programs too)
            for (int i = 0; i < 400 && await(window.step()); ++i) {
            }
            QVERIFY(processes(window)->isFinished());
            QVERIFY(LocalNetwork::instance()->pendingMessages().isEmpty());
            stepped = LocalNetwork::instance()->eventLog();
        }
        InspectorWindow window;
        QVERIFY(window.openSystem(file));
        QVERIFY(answered(window));
        int ticks = 0; // the event loop runs during the run: a timer of real time ticks
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(0);
        QVERIFY(window.runAction()->isEnabled());
        window.runAction()->trigger();
        QVERIFY(window.isRunning());
        QVERIFY(!window.stepAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!window.isRunning(), kWait);
        ticker.stop();
        QVERIFY(ticks > 1);
        QVERIFY(processes(window)->isFinished());
        QVERIFY2(output(window, 2).contains(u"no leader, gave up"), qPrintable(output(window, 2)));
        QVERIFY(window.system()->clock()->time() >= 30);
        QVERIFY2(!TrafficLog::firstDifference(stepped, LocalNetwork::instance()->eventLog()),
                 qPrintable(difference(stepped, LocalNetwork::instance()->eventLog())));

        // at ten messages a second, paused: stepping goes on from there
        InspectorWindow slow;
        QVERIFY(slow.openSystem(file));
        QVERIFY(answered(slow));
        slow.setRunSpeed(10);
        slow.runAction()->trigger();
        QVERIFY(slow.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(slow.store()->size() > 10, kWait);
        QVERIFY(slow.pauseAction()->isEnabled());
        slow.pauseAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!slow.isRunning(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!slow.isBusy(), kWait);
        QVERIFY(!processes(slow)->isFinished());
        QVERIFY(processes(slow)->isSettled());
        QVERIFY(slow.stepAction()->isEnabled());
        slow.store()->flush();
        const qsizetype before = slow.store()->size();
        QVERIFY(await(slow.step()));
        slow.store()->flush();
        QVERIFY(slow.store()->size() > before);
        QVERIFY(!slow.isRunning());
        for (int i = 0; i < 400 && await(slow.step()); ++i) {
        }
        QVERIFY(processes(slow)->isFinished());
        QVERIFY2(!TrafficLog::firstDifference(stepped, LocalNetwork::instance()->eventLog()),
                 qPrintable(difference(stepped, LocalNetwork::instance()->eventLog())));
    }

    // A saved session reopens with the processes started again and the same choices fed: the
    // same log; a stepped Python system left alone stands still.
    void sessionReopensAndStandsStill()
    {
        InspectorWindow window;
        QVERIFY(window.openSystem(ringFile()));
        QVERIFY(answered(window));
        for (int i = 0; i < 6; ++i)
            QVERIFY(await(window.step()));
        QVERIFY(answered(window));
        const TrafficLog recorded = LocalNetwork::instance()->eventLog();
        const QString saved = m_dir.filePath(QStringLiteral("ring-session.jsonl"));
        QVERIFY(window.saveSession(saved));
        QVERIFY(await(window.openSession(saved)));
        QVERIFY(answered(window));
        QVERIFY2(!TrafficLog::firstDifference(recorded, LocalNetwork::instance()->eventLog()),
                 qPrintable(difference(recorded, LocalNetwork::instance()->eventLog())));

        mas::test::checkStandsStill(window, kStillWait);
        if (QTest::currentTestFailed())
            return;

        // a Python program's own session (no system file): its spec starts it again
        InspectorWindow echo;
        QVERIFY(echo.openPython(example(QStringLiteral("echo.py")), {QStringLiteral("both"), QStringLiteral("5572"),
                                                                     QStringLiteral("again")}));
        QVERIFY(answered(echo));
        stepToTheEnd(echo);
        QVERIFY(output(echo, 0).contains(u"client: again -> again"));
        const TrafficLog echoRun = LocalNetwork::instance()->eventLog();
        const QString echoSaved = m_dir.filePath(QStringLiteral("echo-session.jsonl"));
        QVERIFY(echo.saveSession(echoSaved));
        QVERIFY(await(echo.openSession(echoSaved)));
        QVERIFY(answered(echo));
        QVERIFY2(!TrafficLog::firstDifference(echoRun, LocalNetwork::instance()->eventLog()),
                 qPrintable(difference(echoRun, LocalNetwork::instance()->eventLog())));
    }

    // A program that raises: its state, its traceback's last line in the Processes panel, the
    // other program keeps running, and its runner is gone; closing the system ends the rest.
    void crashIsShownAndNoRunnerIsLeft()
    {
        const QString file = m_dir.filePath(QStringLiteral("crash.json"));
        QFile json(file);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(QStringLiteral(R"({"processes": [{"name": "crash", "command": ["python3", "%1"]},
                                                    {"name": "sleeper", "command": ["python3", "%2"]}]})")
                       .arg(testProgram(QStringLiteral("crash.py")), testProgram(QStringLiteral("sleeper.py")))
                       .toUtf8());
        json.close();
        auto window = std::make_unique<InspectorWindow>();
        QVERIFY(window->openSystem(file));
        QVERIFY(answered(*window));
        // the runners of this system (those of the systems before may still be dying)
        QVERIFY(QTest::qWaitFor([] { return runnersOf(QCoreApplication::applicationPid()).size() == 2; }, kWait));
        const QList<qint64> runners = runnersOf(QCoreApplication::applicationPid());
        QCOMPARE(runners.size(), 2);
        QVERIFY(await(window->step())); // t=1: crash.py raises
        QVERIFY(answered(*window));
        QTRY_COMPARE_WITH_TIMEOUT(processes(*window)->process(0).state, system::ProcessState::Exited, kWait);
        QCOMPARE(processes(*window)->process(0).exitCode, std::optional<int>(1));
        QCOMPARE(processes(*window)->process(1).state, system::ProcessState::Running);
        QTRY_VERIFY_WITH_TIMEOUT(window->processesPanel()->outputText().contains(u"ValueError: boom at t=1"), kWait);
        // the System tree: the programs as its nodes, with their states
        QAbstractItemModel *tree = window->systemTree()->model();
        QCOMPARE(tree->rowCount(), 2);
        QCOMPARE(tree->index(0, AgentTreeModel::NameColumn).data().toString(), QStringLiteral("crash"));
        QCOMPARE(tree->index(1, AgentTreeModel::NameColumn).data().toString(), QStringLiteral("sleeper"));
        QTRY_COMPARE_WITH_TIMEOUT(tree->index(0, AgentTreeModel::StateColumn).data().toString(),
                                  QStringLiteral("exited with status 1"), kWait);
        QCOMPARE(tree->index(1, AgentTreeModel::StateColumn).data().toString(), QStringLiteral("running"));
        QVERIFY(tree->index(1, AgentTreeModel::NameColumn).data(Qt::ToolTipRole).toString().contains(u"sleeper.py"));
        // at 1280x720 the stderr tail has the larger share of the Processes tab
        window->resize(1280, 720);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto *tail = window->processesPanel()->findChild<QPlainTextEdit *>(QStringLiteral("processOutput"));
        QVERIFY(tail);
        QTRY_VERIFY_WITH_TIMEOUT(tail->isVisible(), kWait);
        QVERIFY2(tail->height() > window->processesPanel()->table()->height(),
                 qPrintable(QStringLiteral("%1 vs %2").arg(tail->height()).arg(window->processesPanel()->table()->height())));
        QTRY_VERIFY_WITH_TIMEOUT(runnersOf(QCoreApplication::applicationPid()).size() == 1, kWait);
        // the rest keeps running: the sleeper wakes when the clock moves on
        QVERIFY(await(window->step()));
        QVERIFY(answered(*window));
        QTRY_VERIFY_WITH_TIMEOUT(output(*window, 1).contains(u"woke at t=3600"), kWait);

        // closing: another system, then the window itself
        QVERIFY(window->openPython(testProgram(QStringLiteral("sleeper.py"))));
        QVERIFY(answered(*window));
        QList<qint64> sleeper = runnersOf(QCoreApplication::applicationPid());
        sleeper.removeIf([&runners](qint64 pid) { return runners.contains(pid); }); // going
        QCOMPARE(sleeper.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!anyAlive(runners), kWait);
        window.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!anyAlive(sleeper), kWait);
    }

    // `mas-inspector --python PROGRAM.py` killed with SIGKILL: its runners die with it.
    void noRunnerOutlivesAKilledInspector()
    {
#ifndef MAS_INSPECTOR
        QSKIP("the mas-inspector program is not built");
#else
        QProcess inspector;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MAS_PYTHON_RUNNER_PATH"), sourceDir() + QStringLiteral("/python"));
        inspector.setProcessEnvironment(env);
        inspector.start(QStringLiteral(MAS_INSPECTOR), {QStringLiteral("-platform"), QStringLiteral("offscreen"),
                                                        QStringLiteral("--python"), testProgram(QStringLiteral("sleeper.py"))});
        QVERIFY(inspector.waitForStarted(kWait));
        const qint64 pid = inspector.processId();
        QList<qint64> runners;
        QDeadlineTimer deadline(kWait);
        while (runners.isEmpty() && !deadline.hasExpired()) {
            QTest::qWait(50);
            runners = runnersOf(pid);
        }
        QCOMPARE(runners.size(), 1);
        ::kill(pid_t(pid), SIGKILL);
        QVERIFY(inspector.waitForFinished(kWait));
        QTRY_VERIFY_WITH_TIMEOUT(!anyAlive(runners), kWait);
#endif
    }

private:
    /// The ring of examples/python as a system file of three processes.
    QString ringFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("ring.json"));
        QFile json(file);
        if (!json.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        QStringList processes;
        for (int i = 0; i < 3; ++i)
            processes << QStringLiteral(R"({"name": "node %1", "command": ["python3", "%2", "%1", "1,2,3", "6000"]})")
                             .arg(i)
                             .arg(example(QStringLiteral("ring.py")));
        json.write(QStringLiteral(R"({"title": "ring", "processes": [%1]})").arg(processes.join(u',')).toUtf8());
        return file;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(tst_PythonWindow)
#include "tst_pythonwindow.moc"
