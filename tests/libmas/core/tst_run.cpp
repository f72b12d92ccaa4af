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
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(9); });
        QCOMPARE(mas::run(waitsForever()), 9);
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
    TestRun test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_run.moc"
