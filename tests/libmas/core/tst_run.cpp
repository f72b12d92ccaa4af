// SPDX-License-Identifier: MIT
// mas::run: a coroutine as the program, however early it ends.
#include <mas/core/run.h>

#include <QProcess>
#include <QTest>
#include <QTimer>

#include <QCoro/QCoroTimer>

using namespace std::chrono_literals;

namespace {

QCoro::Task<int> immediately(int code)
{
    co_return code; // finished before any event loop runs
}

QCoro::Task<int> afterTheLoopStarts(int code)
{
    co_await QCoro::sleepFor(1ms);
    co_return code;
}

QCoro::Task<void> nothing()
{
    co_await QCoro::sleepFor(1ms);
}

QCoro::Task<mas::Result<void>> failsAtOnce()
{
    co_return mas::Error(mas::ErrorCode::ConnectionRefused, QStringLiteral("port in use"));
}

QCoro::Task<mas::Result<QString>> failsLater()
{
    co_await QCoro::sleepFor(1ms);
    co_return mas::Error(mas::ErrorCode::Timeout, QStringLiteral("nobody answered"));
}

QCoro::Task<mas::Result<QString>> succeedsLater()
{
    co_await QCoro::sleepFor(1ms);
    co_return QStringLiteral("done");
}

QCoro::Task<int> waitsForever()
{
    co_await QCoro::sleepFor(24h);
    co_return 0;
}

} // namespace

class TestRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void taskFinishedBeforeTheLoop() { QCOMPARE(mas::run(immediately(3)), 3); }
    void taskFinishesInTheLoop() { QCOMPARE(mas::run(afterTheLoopStarts(4)), 4); }
    void voidTaskIsZero() { QCOMPARE(mas::run(nothing()), 0); }
    void failureBeforeTheLoop()
    {
        QTest::ignoreMessage(QtCriticalMsg, "port in use");
        QCOMPARE(mas::run(failsAtOnce()), 1);
    }
    void failureInTheLoop()
    {
        QTest::ignoreMessage(QtCriticalMsg, "nobody answered");
        QCOMPARE(mas::run(failsLater()), 1);
    }
    void successfulResult() { QCOMPARE(mas::run(succeedsLater()), 0); }
    void exitFromOutsideEndsTheLoop()
    {
        // In a program of its own (this binary with --exit-from-outside), as a signal handler
        // would end one: the task is left suspended, and QCoro cannot destroy a suspended task,
        // so its frame is given back with the process. LeakSanitizer would report that frame at
        // the child's exit, so the child runs without leak detection (every other case of this
        // test, in this process, runs with it).
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   asan.isEmpty() ? QStringLiteral("detect_leaks=0") : asan + QStringLiteral(":detect_leaks=0"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--exit-from-outside")});
        QVERIFY2(child.waitForStarted(30000), qPrintable(child.errorString()));
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 9);
    }
    void ownApplication()
    {
        // mas::run(argc, argv, program) in a program of its own (this binary with --own-app).
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--own-app")});
        QVERIFY2(child.waitForStarted(30000), qPrintable(child.errorString()));
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 6);
    }
};

int main(int argc, char **argv)
{
    if (argc == 2 && QByteArray(argv[1]) == "--own-app")
        return mas::run(argc, argv, [] { return afterTheLoopStarts(6); });
    QCoreApplication app(argc, argv);
    if (argc == 2 && QByteArray(argv[1]) == "--exit-from-outside") {
        QTimer::singleShot(0, &app, [] { QCoreApplication::exit(9); });
        return mas::run(waitsForever());
    }
    TestRun test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_run.moc"
