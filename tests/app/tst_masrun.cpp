// SPDX-License-Identifier: MIT
// `mas run --python PROGRAM.py`: the real `mas` binary steps Python programs under the masstep
// runner (python/masstep) on its stepped network. Plain asyncio programs speaking aiomas
// framing (examples/python), so no aiomas is needed. Skipped without python3 3.9 or newer.

#include "pythontest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

constexpr int kWait = 60000; // ms: the longest any run or condition may take

using mas::test::sourceDir;

QString example(const QString &name)
{
    return mas::test::pythonExample(name);
}

using Run = mas::test::MasRun;

Run masRun(const QStringList &arguments)
{
    return mas::test::runMasWithPython(QStringLiteral(MAS_CLI), QStringLiteral("run"), arguments, kWait);
}

QStringList ring()
{
    return mas::test::pythonRingArguments();
}

/// The event lines of a session file without their wall-clock times.
QList<QJsonObject> events(const QString &fileName)
{
    QList<QJsonObject> out;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    while (!file.atEnd()) {
        QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        if (line.contains(QStringLiteral("mas-session")))
            continue;
        line.remove(QStringLiteral("wall"));
        out.append(line);
    }
    return out;
}

/// The pids whose parent is `parent` (from /proc).
QList<qint64> childrenOf(qint64 parent)
{
    QList<qint64> out;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == parent)
            out.append(pid);
    }
    return out;
}

/// A process that exists and is not a zombie.
bool alive(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    return !status.readAll().contains("State:\tZ");
}

} // namespace

class TestMasRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = mas::test::pythonUnavailable(kWait); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (!QFileInfo::exists(example(QStringLiteral("echo.py"))))
            QSKIP("the source tree has no examples/python");
        QVERIFY(m_dir.isValid());
    }

    // The echo pair in one program: exit 0, one line per step, the frames in the log with
    // their URLs.
    void echoExitsZeroAndLogs()
    {
        const QString log = m_dir.filePath(QStringLiteral("echo.jsonl"));
        const Run run = masRun({QStringLiteral("--python"), example(QStringLiteral("echo.py")), QStringLiteral("both"),
                             QStringLiteral("5555"), QStringLiteral("hello"), QStringLiteral("world"),
                             QStringLiteral("--log"), log});
        QVERIFY2(run.exitCode == 0, run.all().constData());
        QVERIFY2(run.out.contains("client: hello -> hello at t=0"), run.out.constData());
        QVERIFY2(run.out.contains("client: world -> world at t=0"), run.out.constData());
        QVERIFY2(QRegularExpression(QStringLiteral("(?m)^ +1\\. .*delivered request.*echo"))
                     .match(QString::fromUtf8(run.out))
                     .hasMatch(),
                 run.out.constData());
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(file.readLine()).object().contains(QStringLiteral("mas-session")));
        const QList<QJsonObject> logged = events(log);
        int requests = 0;
        int results = 0;
        for (const QJsonObject &e : logged) {
            if (e.value(QStringLiteral("kind")).toString() != u"delivered")
                continue;
            if (e.value(QStringLiteral("path")).toString() == u"echo" && e.value(QStringLiteral("type")).toInt() == 0) {
                ++requests;
                QCOMPARE(e.value(QStringLiteral("to")).toString(), QStringLiteral("tcp://127.0.0.1:5555"));
            } else if (e.value(QStringLiteral("type")).toInt() == 1) {
                ++results;
            }
        }
        QCOMPARE(requests, 2);
        QCOMPARE(results, 2);
    }

    // The ring election: first in, first out nobody is elected (every node gives up at its
    // virtual 30-second timeout, exit 1); a seeded random order elects uid 3.
    void ringOrderChangesTheOutcome()
    {
        const Run fifo = masRun(ring() << QStringLiteral("--order") << QStringLiteral("fifo"));
        QVERIFY2(fifo.exitCode == 1, fifo.all().constData());
        QVERIFY2(fifo.out.contains("node 2 (uid 3) t=30: no leader, gave up"), fifo.out.constData());
        QVERIFY2(fifo.err.contains("ring.py 2 1,2,3 6000 exited with status 1"), fifo.err.constData());

        const Run random = masRun(ring() << QStringLiteral("--order") << QStringLiteral("random") << QStringLiteral("--seed")
                                      << QStringLiteral("2"));
        QVERIFY2(random.exitCode == 0, random.all().constData());
        QVERIFY2(random.out.contains("node 2 (uid 3) t=1: is the leader"), random.out.constData());
        QVERIFY2(random.out.contains("node 0 (uid 1) t=1: leader is 3"), random.out.constData());
    }

    // Two runs with the same seed write the same log (wall-clock times aside); another seed
    // another run.
    void sameSeedSameLog()
    {
        QList<QList<QJsonObject>> logs;
        for (const QString &seed : {QStringLiteral("5"), QStringLiteral("5"), QStringLiteral("3")}) {
            const QString log = m_dir.filePath(QStringLiteral("ring-%1.jsonl").arg(logs.size()));
            const Run run = masRun(ring() << QStringLiteral("--order") << QStringLiteral("random") << QStringLiteral("--seed")
                                       << seed << QStringLiteral("--log") << log << QStringLiteral("--quiet"));
            QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.all().constData());
            logs.append(events(log));
            QVERIFY(logs.last().size() > 10);
        }
        QCOMPARE(logs.at(0), logs.at(1));
        QVERIFY(logs.at(0) != logs.at(2));
    }

    // --steps N stops after N steps (deliveries and clock moves), the programs still running.
    void stepsStops()
    {
        const Run run = masRun(ring() << QStringLiteral("--steps") << QStringLiteral("3"));
        QVERIFY2(run.exitCode == 0, run.all().constData());
        QVERIFY2(run.out.contains("   3. "), run.out.constData());
        QVERIFY2(!run.out.contains("   4. "), run.out.constData());
        QVERIFY2(run.out.contains("stopped after 3 steps"), run.out.constData());
        QVERIFY2(run.out.contains("ring.py 0 1,2,3 6000: still running"), run.out.constData());
    }

    // A program that raises: non-zero exit, the traceback's last line in the output, and no
    // runner left behind.
    void crashIsReported()
    {
        const QString program = m_dir.filePath(QStringLiteral("crash.py"));
        QFile file(program);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("import asyncio\n\nasync def main():\n    await asyncio.sleep(2)\n"
                   "    raise ValueError('boom at two')\n\nasyncio.run(main())\n");
        file.close();
        const Run run = masRun({QStringLiteral("--python"), program});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("crash.py exited with status 1"), run.err.constData());
        QVERIFY2(run.err.contains("ValueError: boom at two"), run.err.constData());
    }

    // Bad usage and a missing program: exit 2 with a message.
    void badUsage()
    {
        Run run = masRun({});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--python"), run.err.constData());
        run = masRun({QStringLiteral("--python"), m_dir.filePath(QStringLiteral("missing.py"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no such program"), run.err.constData());
        run = masRun({QStringLiteral("--python"), example(QStringLiteral("echo.py")), QStringLiteral("--order"),
                   QStringLiteral("newest")});
        QCOMPARE(run.exitCode, 2);
        run = masRun({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("--order fifo|random"));
    }

    // A program blocked outside its loop never answers: `mas run` says which after --timeout;
    // killed with SIGKILL before that, its runner dies with it (parent-death signal).
    void hangAndKill()
    {
        const QString program = m_dir.filePath(QStringLiteral("block.py"));
        QFile file(program);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("import time\nprint('blocking', flush=True)\ntime.sleep(600)\n");
        file.close();

        const Run hung = masRun({QStringLiteral("--python"), program, QStringLiteral("--timeout"), QStringLiteral("1")});
        QCOMPARE(hung.exitCode, 3);
        QVERIFY2(hung.err.contains("No answer from the Python program(s) block.py"), hung.err.constData());

        QProcess process;
        process.setProcessEnvironment(mas::test::pythonRunnerEnvironment());
        process.start(QStringLiteral(MAS_CLI), {QStringLiteral("run"), QStringLiteral("--python"), program});
        QVERIFY(process.waitForStarted(kWait));
        const qint64 masPid = process.processId();
        // the runner's warning about time.sleep: it runs the program, blocked outside its loop
        // (its hub connection stays open, so only the parent-death signal can end it)
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("warning from block.py: time"), kWait);
        const QList<qint64> children = childrenOf(masPid);
        QCOMPARE(children.size(), 1);
        const qint64 runner = children.constFirst();
        QVERIFY(alive(runner));
        ::kill(pid_t(masPid), SIGKILL);
        QVERIFY(process.waitForFinished(kWait));
        QTRY_VERIFY_WITH_TIMEOUT(!alive(runner), kWait);
    }

    // No runner left once `mas run` has exited normally.
    void noRunnerLeft()
    {
        QProcess process;
        process.setProcessEnvironment(mas::test::pythonRunnerEnvironment());
        process.start(QStringLiteral(MAS_CLI), QStringList{QStringLiteral("run"), QStringLiteral("--quiet")} + ring()
                                                   + QStringList{QStringLiteral("--steps"), QStringLiteral("2")});
        QVERIFY(process.waitForStarted(kWait));
        const qint64 masPid = process.processId();
        QList<qint64> runners;
        // the three runners, seen while mas run lives (it may finish first: then none is left)
        while (process.state() == QProcess::Running && runners.size() < 3) {
            for (qint64 pid : childrenOf(masPid)) {
                if (!runners.contains(pid))
                    runners.append(pid);
            }
            process.waitForFinished(10);
        }
        QVERIFY(process.waitForFinished(kWait));
        QCOMPARE(process.exitCode(), 0);
        for (qint64 pid : std::as_const(runners))
            QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), kWait);
    }

    // `mas run --system FILE`: a system file's processes (relative to the file, with their
    // own working directory) run as with --python: the same seed, the same outcome.
    void systemFileWithProcesses()
    {
        const QString log = m_dir.filePath(QStringLiteral("system-ring.jsonl"));
        const QString file = writeSystemFile(QStringLiteral("ring.json"), ringProcesses());
        const Run run = masRun({QStringLiteral("--system"), file, QStringLiteral("--order"), QStringLiteral("random"),
                             QStringLiteral("--seed"), QStringLiteral("2"), QStringLiteral("--log"), log});
        QVERIFY2(run.exitCode == 0, run.all().constData());
        QVERIFY2(run.out.contains("node 2 (uid 3) t=1: is the leader"), run.out.constData());
        QVERIFY2(run.out.contains("node 0: exited 0"), run.out.constData()); // the file's names
        QFile saved(log);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QJsonObject header = QJsonDocument::fromJson(saved.readLine()).object();
        QCOMPARE(header.value(QStringLiteral("system_file")).toString(), QFileInfo(file).absoluteFilePath());

        // the same run as three --python programs
        const QString pythonLog = m_dir.filePath(QStringLiteral("python-ring.jsonl"));
        const Run python = masRun(ring() << QStringLiteral("--order") << QStringLiteral("random") << QStringLiteral("--seed")
                                      << QStringLiteral("2") << QStringLiteral("--log") << pythonLog);
        QVERIFY2(python.exitCode == 0, python.all().constData());
        QCOMPARE(events(log), events(pythonLog));
    }

    // A system file with C++ agents from a plug-in and a process: both parts run on the one
    // stepped network; the run ends when the process has exited.
    void systemFileMixed()
    {
        const QByteArray json = QStringLiteral(R"({
  "plugin_path": "%1",
  "containers": [
    {"name": "a", "agents": [{"name": "n1", "type": "mas.demos:LeaderElectionAgent", "args": [5, "@n2"]}]},
    {"name": "b", "agents": [{"name": "n2", "type": "mas.demos:LeaderElectionAgent", "args": [9, "@n1"]}]}
  ],
  "processes": [{"command": ["python3", "%2", "both", "5560", "mixed"]}]
})")
                                    .arg(QStringLiteral(MAS_DEMOS_PLUGIN_DIR), example(QStringLiteral("echo.py")))
                                    .toUtf8();
        const QString file = writeSystemFile(QStringLiteral("mixed.json"), json);
        const Run run = masRun({QStringLiteral("--system"), file});
        QVERIFY2(run.exitCode == 0, run.all().constData());
        QVERIFY2(run.out.contains("client: mixed -> mixed at t=0"), run.out.constData());
        QVERIFY2(run.out.contains("local://run"), run.out.constData()); // a C++ agent's frame was delivered
    }

    // Bad system files: exit 2 with the file, the key and the reason.
    void systemFileErrors()
    {
        Run run = masRun({QStringLiteral("--system"), writeSystemFile(QStringLiteral("bad1.json"),
                                                                   R"({"processes": [{"command": ["python3", "missing.py"]}]})")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("bad1.json: processes[0].command: No such program"), run.err.constData());
        run = masRun({QStringLiteral("--system"), writeSystemFile(QStringLiteral("bad2.json"), R"({"processes": [{"cmd": []}]})")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("bad2.json: processes[0].cmd: Unknown key"), run.err.constData());
        run = masRun({QStringLiteral("--system"), writeSystemFile(QStringLiteral("bad3.json"), R"({"processes": []})")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("bad3.json: containers"), run.err.constData());
        run = masRun({QStringLiteral("--system"), m_dir.filePath(QStringLiteral("none.json"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no such system file"), run.err.constData());
    }

private:
    /// The ring's three processes, named, run in examples/python ("cwd" relative to the file).
    QByteArray ringProcesses() const
    {
        QString processes;
        for (int i = 0; i < 3; ++i) {
            processes += QStringLiteral(R"(%1{"name": "node %2", "command": ["python3", "ring.py", "%2", "1,2,3", "6000"], "cwd": "%3"})")
                             .arg(i == 0 ? QString() : QStringLiteral(", "))
                             .arg(i)
                             .arg(QDir(m_dir.path()).relativeFilePath(sourceDir() + QStringLiteral("/examples/python")));
        }
        return QStringLiteral(R"({"title": "ring", "processes": [%1]})").arg(processes).toUtf8();
    }

    QString writeSystemFile(const QString &name, const QByteArray &json) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(json);
        return path;
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestMasRun)
#include "tst_masrun.moc"
