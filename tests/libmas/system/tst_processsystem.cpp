// SPDX-License-Identifier: MIT
// mas::system::ProcessSystem without a window: programs start one after the other with their
// own working directory and environment, their states (exited with a status, failed to start),
// warnings and stderr tails are reported with signals, bad specs are refused, and every
// program is killed when the system goes. Skipped without python3 3.9 or newer.

#include "pythontest.h"

#include <mas/clock/clock.h>
#include <mas/system/processsystem.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mas;
using namespace mas::system;

namespace {

constexpr int kWait = 60000;

using mas::test::sourceDir;

QString testProgram(const QString &name)
{
    return mas::test::pythonTestProgram(name);
}

bool answered(ProcessSystem &system)
{
    return bool(QCoro::waitFor(system.waitForAnswers()));
}

bool alive(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    return status.open(QIODevice::ReadOnly) && !status.readAll().contains("State:\tZ");
}

QList<qint64> runnersOf(qint64 owner)
{
    QList<qint64> pids;
    const QByteArray marker = "MAS_PROCESS_SYSTEM=" + QByteArray::number(owner);
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile environ(QStringLiteral("/proc/%1/environ").arg(entry));
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(marker))
            pids << entry.toLongLong();
    }
    return pids;
}

} // namespace

class tst_ProcessSystem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = mas::test::pythonUnavailable(kWait); !why.isEmpty())
            QSKIP(qPrintable(why));
        qputenv("MAS_PYTHON_RUNNER_PATH", QFile::encodeName(sourceDir() + QStringLiteral("/python")));
        LocalNetwork::instance()->setMode(LocalNetwork::Mode::Stepped);
        QVERIFY(m_dir.isValid());
    }

    // Stepped: a free-running network's system moves the clock by itself when it is quiet.
    void init() { LocalNetwork::instance()->setMode(LocalNetwork::Mode::Stepped); }
    void cleanup() { LocalQueue::clearCache(); }

    void badSpecsAreRefused()
    {
        ProcessSpec interpreterOnly;
        interpreterOnly.command = QStringList{QStringLiteral("python3")};
        Result<std::unique_ptr<ProcessSystem>> none = ProcessSystem::create(QStringLiteral("bad"), {interpreterOnly});
        QVERIFY(!none);
        QVERIFY2(none.error().message().contains(u"needs a command"), qPrintable(none.error().message()));
        ProcessSpec missing;
        missing.command = QStringList{QStringLiteral("python3"), QStringLiteral("no-such.py")};
        missing.workingDirectory = m_dir.path();
        Result<std::unique_ptr<ProcessSystem>> refused = ProcessSystem::create(QStringLiteral("bad"), {missing});
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(u"No such program"), qPrintable(refused.error().message()));
    }

    // Two programs: the environment and working directory reach them; a raise is "exited with
    // status 1" with the traceback in the stderr tail; the system is finished when both exited.
    void statesOutputAndEnvironment()
    {
        QFile program(m_dir.filePath(QStringLiteral("env.py")));
        QVERIFY(program.open(QIODevice::WriteOnly));
        program.write("import os\nprint('K=' + os.environ.get('K', ''), 'cwd=' + os.path.basename(os.getcwd()))\n");
        program.close();
        ProcessSpec env;
        env.command = QStringList{QStringLiteral("python3"), QStringLiteral("env.py")};
        env.workingDirectory = m_dir.path();
        env.environment.insert(QStringLiteral("K"), QStringLiteral("value"));
        ProcessSpec crash;
        crash.command = QStringList{QStringLiteral("python3"), testProgram(QStringLiteral("crash.py"))};
        crash.name = QStringLiteral("crasher");
        Result<std::unique_ptr<ProcessSystem>> made = ProcessSystem::create(QStringLiteral("procs"), {env, crash});
        QVERIFY2(made, made ? "" : qPrintable(made.error().message()));
        ProcessSystem &system = **made;
        QCOMPARE(system.process(0).state, ProcessState::Starting);
        QSignalSpy finished(&system, &ProcessSystem::processFinished);
        QSignalSpy done(&system, &System::finished);
        system.start();
        QVERIFY(answered(system));
        QTRY_COMPARE_WITH_TIMEOUT(system.process(0).state, ProcessState::Exited, kWait);
        QCOMPARE(system.process(0).exitCode, std::optional<int>(0));
        QVERIFY2(system.process(0).standardOutput.contains(QStringLiteral("K=value cwd=") + QFileInfo(m_dir.path()).fileName()),
                 qPrintable(system.process(0).standardOutput));
        QCOMPARE(system.process(1).name, QStringLiteral("crasher"));
        QVERIFY2(system.process(1).state == ProcessState::Running, qPrintable(system.process(1).standardError + system.process(1).stateText()));
        QVERIFY(!system.isFinished());
        QVERIFY(LocalNetwork::instance()->advanceClock()); // t=1: crash.py raises
        QVERIFY(answered(system));
        QTRY_COMPARE_WITH_TIMEOUT(system.process(1).state, ProcessState::Exited, kWait);
        QCOMPARE(system.process(1).exitCode, std::optional<int>(1));
        QCOMPARE(system.process(1).stateText(), QStringLiteral("exited with status 1"));
        QVERIFY2(system.process(1).standardError.contains(u"ValueError: boom at t=1"),
                 qPrintable(system.process(1).standardError));
        QVERIFY(system.isFinished());
        QCOMPARE(finished.size(), 2);
        QCOMPARE(done.size(), 1);
        QVERIFY(system.failure().isEmpty());
    }

    // An interpreter that does not exist: "failed to start", named by failure().
    void failedToStart()
    {
        ProcessSpec spec;
        spec.command = QStringList{QStringLiteral("/nonexistent/python3"), testProgram(QStringLiteral("sleeper.py"))};
        Result<std::unique_ptr<ProcessSystem>> made = ProcessSystem::create(QStringLiteral("nostart"), {spec});
        QVERIFY(made);
        (*made)->start();
        QVERIFY(answered(**made));
        QTRY_COMPARE_WITH_TIMEOUT((*made)->process(0).state, ProcessState::FailedToStart, kWait);
        QVERIFY2((*made)->failure().contains(u"sleeper.py"), qPrintable((*made)->failure()));
    }

    // The runner's warnings (threads, real time, ...) come once each; the programs are killed
    // when the system goes.
    void warningsAndNoOrphans()
    {
        ProcessSpec unvirtual;
        unvirtual.command = QStringList{QStringLiteral("python3"), testProgram(QStringLiteral("unvirtual.py"))};
        ProcessSpec sleeper;
        sleeper.command = QStringList{QStringLiteral("python3"), testProgram(QStringLiteral("sleeper.py"))};
        Result<std::unique_ptr<ProcessSystem>> made = ProcessSystem::create(QStringLiteral("warn"), {unvirtual, sleeper});
        QVERIFY(made);
        QSignalSpy warnings((*made).get(), &ProcessSystem::processWarning);
        (*made)->start();
        QVERIFY(answered(**made));
        QTRY_VERIFY_WITH_TIMEOUT(!warnings.isEmpty(), kWait);
        QStringList kinds;
        for (const QList<QVariant> &w : std::as_const(warnings)) {
            QCOMPARE(w.at(0).toInt(), 0);
            kinds << w.at(1).toString();
        }
        QCOMPARE(kinds.size(), QSet<QString>(kinds.begin(), kinds.end()).size()); // once each
        QVERIFY(!(*made)->process(0).warnings.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT((*made)->process(1).state, ProcessState::Running, kWait);
        const QList<qint64> runners = runnersOf(QCoreApplication::applicationPid());
        QVERIFY(!runners.isEmpty());
        made->reset();
        for (qint64 pid : runners)
            QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), kWait);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_ProcessSystem)
#include "tst_processsystem.moc"
