// SPDX-License-Identifier: MIT
// `mas explore --python PROGRAM.py` and `mas explore --system FILE` with processes: the real
// `mas` binary explores Python programs (plain asyncio speaking aiomas framing, so no aiomas is
// needed) by random walks, every run starting them again. The ring election of
// examples/python exits 1 when no leader is elected: a violation is found, shrunk, saved as a
// session, and the session replays to the same violation; the echo pair verifies; the same
// seed gives the same result; programs that cannot run are reported. Skipped without python3
// 3.9 or newer.

#include "pythontest.h"

#include <mas/system/processsystem.h>
#include <mas/system/session.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

constexpr int kWait = 240000; // ms: the longest one exploration may take (a loaded machine)

using mas::test::sourceDir;

QString example(const QString &name)
{
    return mas::test::pythonExample(name);
}

using Run = mas::test::MasRun;

Run masExplore(const QStringList &arguments)
{
    return mas::test::runMasWithPython(QStringLiteral(MAS_CLI), QStringLiteral("explore"), arguments, kWait);
}

QStringList ring(const QString &base = QStringLiteral("6000"))
{
    return mas::test::pythonRingArguments(base);
}

/// The output without the lines of times (search and rates).
QByteArray withoutTimes(const QByteArray &out)
{
    QByteArray kept;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.startsWith("search:") && !line.startsWith("written to"))
            kept += line + '\n';
    }
    return kept;
}

/// The session's events without their wall-clock times.
QByteArray eventsOf(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray events;
    file.readLine(); // the session header (it names the file's own paths)
    while (!file.atEnd())
        events += QString::fromUtf8(file.readLine())
                      .remove(QRegularExpression(QStringLiteral("\"wall\": *[0-9]+")))
                      .toUtf8();
    return events;
}

} // namespace

class TestMasExplorePython : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = mas::test::pythonUnavailable(kWait); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (!QFileInfo::exists(example(QStringLiteral("ring.py"))))
            QSKIP("the source tree has no examples/python");
        QVERIFY(m_dir.isValid());
    }

    // The ring: random walks find a run where nobody is elected and the programs exit 1; the
    // counterexample is shrunk, listed with the programs' names and saved as a session of the
    // programs; the same command gives the same output and the same log.
    void ringViolationFoundShrunkSaved()
    {
        const QString first = m_dir.filePath(QStringLiteral("ring-1.jsonl"));
        const Run run = masExplore(ring() << QStringLiteral("--walks") << QStringLiteral("5") << QStringLiteral("--seed")
                                          << QStringLiteral("3") << QStringLiteral("--out") << first);
        QVERIFY2(run.exitCode == 1, run.all().constData());
        QVERIFY2(run.out.contains("python: 3 programs, seed 3; violation"), run.out.constData());
        QVERIFY2(run.out.contains("violated: \"no program failed\""), run.out.constData());
        QVERIFY2(QRegularExpression(QStringLiteral("(?m)^  ring\\.py [0-2] 1,2,3 6000 exited with status 1$"))
                     .match(QString::fromUtf8(run.out))
                     .hasMatch(),
                 run.out.constData());
        QVERIFY2(run.out.contains("deliver elect(") && run.out.contains(":600"), run.out.constData());
        // Shrunk: no longer than the run first found.
        const QRegularExpressionMatch counts =
            QRegularExpression(QStringLiteral("after (\\d+) deliveries and (\\d+) faults \\(first found: (\\d+) steps\\)"))
                .match(QString::fromUtf8(run.out));
        QVERIFY2(counts.hasMatch(), run.out.constData());
        QVERIFY(counts.captured(1).toInt() + counts.captured(2).toInt() <= counts.captured(3).toInt());
        QVERIFY(counts.captured(1).toInt() > 0);

        mas::Result<mas::system::Session> session = mas::system::Session::load(first);
        QVERIFY2(session, qPrintable(session ? QString() : session.error().message()));
        QVERIFY(session->isCounterexample());
        QCOMPARE(session->violatedProperty, QStringLiteral("no program failed"));
        QCOMPARE(session->demo, QStringLiteral("python"));
        QCOMPARE(session->processes.size(), 3);
        QCOMPARE(session->parameters.seed, 3u);
        QVERIFY(session->log.size() > 0);

        // Determinism: the same walks, the same counterexample, byte for byte.
        const QString second = m_dir.filePath(QStringLiteral("ring-2.jsonl"));
        const Run again = masExplore(ring() << QStringLiteral("--walks") << QStringLiteral("5") << QStringLiteral("--seed")
                                            << QStringLiteral("3") << QStringLiteral("--out") << second);
        QVERIFY2(again.exitCode == 1, again.all().constData());
        QCOMPARE(withoutTimes(again.out), withoutTimes(run.out));
        QVERIFY(!eventsOf(first).isEmpty());
        QCOMPARE(eventsOf(second), eventsOf(first));
    }

    // The saved session replays (its programs started again, its schedule re-imposed) to the
    // same violation, as the Inspector's Open Session does.
    void savedSessionReplaysToTheViolation()
    {
        const QString fileName = m_dir.filePath(QStringLiteral("ring-1.jsonl"));
        if (!QFileInfo::exists(fileName))
            QSKIP("needs ringViolationFoundShrunkSaved's session");
        mas::Result<mas::system::Session> session = mas::system::Session::load(fileName);
        QVERIFY(session);
        mas::LocalQueue::clearCache();
        mas::LocalNetwork *net = mas::LocalNetwork::instance();
        net->setMode(mas::LocalNetwork::Mode::Stepped);
        mas::system::ProcessSystemOptions options;
        options.runnerPath = sourceDir() + QStringLiteral("/python");
        auto built = mas::system::ProcessSystem::create(QStringLiteral("replay"), session->processes, options,
                                                        session->parameters);
        QVERIFY2(built, qPrintable(built ? QString() : built.error().message()));
        std::unique_ptr<mas::system::ProcessSystem> system = std::move(*built);
        const QList<mas::system::Invariant> invariants = system->invariants();
        QCOMPARE(invariants.size(), 1);
        QCOMPARE(invariants.constFirst().id, QStringLiteral("no program failed"));
        QVERIFY(invariants.constFirst().holds());
        system->start();
        QVERIFY(QCoro::waitFor(system->waitForAnswers()));
        mas::Result<int> replayed = QCoro::waitFor(net->replay(session->log));
        QVERIFY2(replayed, qPrintable(replayed ? QString() : replayed.error().message()));
        QVERIFY(QCoro::waitFor(system->waitForAnswers()));
        QVERIFY(*replayed > 0);
        QVERIFY2(!invariants.constFirst().holds(), qPrintable(system->outcome()));
        QVERIFY2(QRegularExpression(QStringLiteral("^ring\\.py [0-2] 1,2,3 6000 exited with status 1$"))
                     .match(invariants.constFirst().explanation())
                     .hasMatch(),
                 qPrintable(invariants.constFirst().explanation()));
        system.reset();
        mas::LocalQueue::clearCache();
        // The killed runners are reaped (their QProcesses are the application's until then).
        QTRY_VERIFY_WITH_TIMEOUT(std::none_of(qApp->children().cbegin(), qApp->children().cend(),
                                              [](QObject *child) {
                                                  auto *process = qobject_cast<QProcess *>(child);
                                                  return process && process->state() != QProcess::NotRunning;
                                              }),
                                 kWait);
    }

    // The echo pair: every order ends with both programs exited 0, by random walks and depth
    // first (the goal "every program exited" checked when named).
    void echoVerifies()
    {
        const QStringList echo{QStringLiteral("--python"), example(QStringLiteral("echo.py")), QStringLiteral("server"),
                               QStringLiteral("5555"), QStringLiteral("--python"), example(QStringLiteral("echo.py")),
                               QStringLiteral("client"), QStringLiteral("5555"), QStringLiteral("a"), QStringLiteral("b"),
                               QStringLiteral("--invariant"), QStringLiteral("no program failed"),
                               QStringLiteral("--invariant"), QStringLiteral("every program exited")};
        const Run walks = masExplore(echo + QStringList{QStringLiteral("--walks"), QStringLiteral("3")});
        QVERIFY2(walks.exitCode == 0, walks.all().constData());
        QVERIFY2(walks.out.contains("python: 2 programs, seed 1; no violation found"), walks.out.constData());
        QVERIFY2(walks.out.contains("schedules: 3 (3 complete"), walks.out.constData());
        const Run dfs = masExplore(echo + QStringList{QStringLiteral("--mode"), QStringLiteral("dfs")});
        QVERIFY2(dfs.exitCode == 0, dfs.all().constData());
        QVERIFY2(dfs.out.contains("; verified"), dfs.out.constData());
    }

    // A system file's processes are explored the same way (restarted per run).
    void systemFileWithProcesses()
    {
        const QString fileName = m_dir.filePath(QStringLiteral("ring.json"));
        QFile file(fileName);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray processes;
        for (int i = 0; i < 3; ++i) {
            processes += QStringLiteral("%1{\"command\": [\"python3\", \"%2\", \"%3\", \"1,2,3\", \"6100\"]}")
                             .arg(i ? QStringLiteral(", ") : QString(), example(QStringLiteral("ring.py")))
                             .arg(i)
                             .toUtf8();
        }
        file.write("{\"title\": \"ring\", \"processes\": [" + processes + "]}");
        file.close();
        const Run run = masExplore({QStringLiteral("--system"), fileName, QStringLiteral("--walks"), QStringLiteral("5"),
                                    QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--no-shrink")});
        QVERIFY2(run.exitCode == 1, run.all().constData());
        QVERIFY2(run.out.contains("file:ring.json: 3 programs, seed 3; violation"), run.out.constData());
        QVERIFY2(run.out.contains("exited with status 1"), run.out.constData());
    }

    // Programs that cannot run: a missing file and an interpreter that does not start are
    // errors (exit 2); a program that raises at once is a violation after no step (exit 1).
    void programsThatCannotRun()
    {
        Run run = masExplore({QStringLiteral("--python"), m_dir.filePath(QStringLiteral("missing.py"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no such program"), run.err.constData());

        const QString fileName = m_dir.filePath(QStringLiteral("nostart.json"));
        QFile file(fileName);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("{\"processes\": [{\"command\": [\"%1\", \"%2\", \"both\"]}]}")
                       .arg(m_dir.filePath(QStringLiteral("no-python3")), example(QStringLiteral("echo.py")))
                       .toUtf8());
        file.close();
        run = masExplore({QStringLiteral("--system"), fileName, QStringLiteral("--walks"), QStringLiteral("3")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("did not start"), run.all().constData());

        run = masExplore({QStringLiteral("--python"), mas::test::pythonTestProgram(QStringLiteral("crash.py")),
                          QStringLiteral("--walks"), QStringLiteral("2"), QStringLiteral("--out"),
                          m_dir.filePath(QStringLiteral("crash.jsonl"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("after 0 deliveries and 0 faults"), run.out.constData());
        QVERIFY2(run.out.contains("crash.py exited with status 1: ValueError: boom"), run.out.constData());
    }

    // What does not go with programs: exit 2 with a message.
    void badUsage()
    {
        const QString echo = example(QStringLiteral("echo.py"));
        Run run = masExplore({QStringLiteral("--python"), echo, QStringLiteral("--strategy"), QStringLiteral("fork"),
                              QStringLiteral("--mode"), QStringLiteral("dfs")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--strategy fork"), run.err.constData());
        run = masExplore({QStringLiteral("--python"), echo, QStringLiteral("--system"), echo});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("do not go together"), run.err.constData());
        run = masExplore({QStringLiteral("leader-election"), QStringLiteral("--python"), echo});
        QCOMPARE(run.exitCode, 2);
        run = masExplore({QStringLiteral("--python")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--python expects a program"), run.err.constData());
        run = masExplore({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("--python"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestMasExplorePython)
#include "tst_masexplorepython.moc"
