// SPDX-License-Identifier: MIT
// The Python hub: programs run by `python3 -m masstep` (python/masstep) with their frames as
// pending messages on the stepped LocalNetwork. Skipped without python3 3.9 or newer.

#include "pythontest.h"

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/trace/messagelabel.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>
#include <mas/transport/pythonhub.h>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <QCoro/QCoroTask>

using namespace mas;

namespace {

constexpr int kWait = 30000; // ms: the longest any condition may take

using mas::test::sourceDir;

QString echoProgram()
{
    return sourceDir() + QStringLiteral("/examples/python/echo.py");
}

/// A C++ agent that Python agents call back: hello(name).
class HelloAgent : public Agent
{
public:
    explicit HelloAgent(Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("hello"), [](const QString &name) { return QStringLiteral("hello ") + name; },
                        {QStringLiteral("name")});
    }
};

/// One line per delivered frame: "request agents/0/greet local://cpp/0 -> tcp://127.0.0.1:5560/0".
QString stepText(const PendingMessage &m)
{
    if (m.isClose)
        return QStringLiteral("close %1 -> %2").arg(m.from, m.to);
    static const char *const types[] = {"request", "result", "failure"};
    return QStringLiteral("%1 %2 %3 -> %4").arg(QLatin1String(types[int(m.type)]), m.path, m.from, m.to);
}

} // namespace

class TestPythonHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = mas::test::pythonUnavailable(kWait); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (!QFileInfo::exists(echoProgram()))
            QSKIP("the source tree has no examples/python");
    }

    void init()
    {
        LocalQueue::clearCache();
        LocalNetwork::instance()->setMode(LocalNetwork::Mode::Stepped);
    }

    void cleanup()
    {
        LocalQueue::clearCache();
    }

    // An echo server and client in one Python program: each request waits on the network until
    // it is stepped, the answer too; the client prints the answers and the program exits 0.
    void echoPairIsStepped()
    {
        LocalNetwork *net = LocalNetwork::instance();
        PythonHub hub(options());
        const Result<int> started = hub.start(echoProgram(), {QStringLiteral("both"), QStringLiteral("5555"),
                                                              QStringLiteral("hello"), QStringLiteral("world")});
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message()));
        QTRY_VERIFY_WITH_TIMEOUT(hub.isQuiescent(), kWait);
        QCOMPARE(net->pendingCount(), 1);
        const PendingMessage request = net->pendingMessages().first();
        QCOMPARE(request.type, MessageType::Request);
        QCOMPARE(request.requestId, qint64(0));
        QCOMPARE(request.path, QStringLiteral("echo"));
        QCOMPARE(hub.nextTimer(), std::optional<double>(5.0));

        int steps = 0;
        while (!hub.allExited() && steps < 20) {
            if (net->pendingCount() > 0) {
                QVERIFY(net->step());
            } else {
                const std::optional<double> next = hub.nextTimer();
                QVERIFY2(next, "nothing pending, no timer, and the program still runs");
                QVERIFY(hub.setTime(*next));
            }
            ++steps;
            QTRY_VERIFY_WITH_TIMEOUT(hub.isQuiescent(), kWait);
        }
        QTRY_VERIFY_WITH_TIMEOUT(hub.allExited(), kWait);
        const PythonProcess echo = hub.process(started.value()).value();
        QCOMPARE(echo.exitCode, std::optional<int>(0));
        const QByteArray out = hub.standardOutput(0);
        QVERIFY2(out.contains("client: hello -> hello at t=0"), out.constData());
        QVERIFY2(out.contains("client: world -> world at t=0"), out.constData());
        QCOMPARE(hub.time(), 0.0); // no timer was needed
    }

    // A dropped request is lost until the client's own wait_for fires on the virtual clock.
    void droppedFrameTimesOut()
    {
        LocalNetwork *net = LocalNetwork::instance();
        PythonHub hub(options());
        QSignalSpy exited(&hub, &PythonHub::processExited);
        QVERIFY(hub.start(echoProgram(), {QStringLiteral("both"), QStringLiteral("5556"), QStringLiteral("lost")}));
        QTRY_VERIFY_WITH_TIMEOUT(hub.isQuiescent(), kWait);
        QCOMPARE(net->pendingCount(), 1);
        QVERIFY(net->drop(net->pendingMessages().first().id));
        QCOMPARE(hub.nextTimer(), std::optional<double>(5.0));
        QVERIFY(hub.process(0)->timers.first().description.contains(QStringLiteral("echo.py")));
        QVERIFY(hub.setTime(5.0));
        // the client gives up and closes: its close waits on the network like a frame
        QTRY_VERIFY_WITH_TIMEOUT(hub.isQuiescent(), kWait);
        while (net->pendingCount() > 0 && !hub.allExited()) {
            QVERIFY(net->step());
            QTRY_VERIFY_WITH_TIMEOUT(hub.isQuiescent(), kWait);
        }
        QTRY_COMPARE_WITH_TIMEOUT(exited.count(), 1, kWait);
        QCOMPARE(hub.process(0)->exitCode, std::optional<int>(1));
        QVERIFY(hub.standardOutput(0).contains("client: no answer for lost, gave up at t=5"));
    }

    // Three Python processes in a ring election (examples/python/ring.py): delivered first in,
    // first out nobody is elected and every node gives up on its 30-second timeout (virtual);
    // delivering the newest frame first elects uid 3.
    void ringOrderChangesTheOutcome_data()
    {
        QTest::addColumn<bool>("newestFirst");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("node2Says");
        QTest::newRow("fifo") << false << 1 << QByteArray("t=30: no leader, gave up");
        QTest::newRow("newest first") << true << 0 << QByteArray("t=1: is the leader");
    }

    void ringOrderChangesTheOutcome()
    {
        QFETCH(bool, newestFirst);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, node2Says);
        LocalNetwork *net = LocalNetwork::instance();
        PythonHub hub(options());
        const QString ring = sourceDir() + QStringLiteral("/examples/python/ring.py");
        for (int i = 0; i < 3; ++i) {
            QVERIFY(hub.start(ring, {QString::number(i), QStringLiteral("1,2,3"), QStringLiteral("6100")}));
            QTRY_VERIFY_WITH_TIMEOUT(hub.isQuiescent(), kWait);
        }
        int steps = 0;
        while (!hub.allExited() && steps < 300) {
            const QList<PendingMessage> pending = net->pendingMessages();
            if (!pending.isEmpty()) {
                // a close is delivered only after the frames sent before it (taking the oldest)
                quint64 chosen = pending.first().id;
                if (newestFirst) {
                    for (const PendingMessage &m : pending) {
                        if (!m.isClose)
                            chosen = m.id;
                    }
                }
                QVERIFY(net->deliver(chosen));
            } else {
                const std::optional<double> next = hub.nextTimer();
                QVERIFY2(next, "nothing pending, no timer, and the programs still run");
                QVERIFY(hub.setTime(*next));
            }
            ++steps;
            QTRY_VERIFY_WITH_TIMEOUT(hub.isQuiescent(), kWait);
        }
        QTRY_VERIFY_WITH_TIMEOUT(hub.allExited(), kWait);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(hub.process(i)->exitCode, std::optional<int>(exitCode));
        QVERIFY2(hub.standardOutput(2).contains(node2Says), hub.standardOutput(2).constData());
    }

    // On an ExternalClock the programs' timers are the clock's: pendingTimers() lists them and
    // advanceToNextTimer() ends asyncio.sleep(3600) exactly then.
    void timersAreTheClocks()
    {
        ExternalClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        PythonHub hub(options());
        hub.setClock(&clock);
        QCOMPARE(hub.clock(), &clock);
        QVERIFY(hub.start(sourceDir() + QStringLiteral("/python/tests/programs/sleeper.py")));
        QTRY_VERIFY_WITH_TIMEOUT(hub.isQuiescent(), kWait);
        const QList<PendingTimer> timers = clock.pendingTimers();
        QCOMPARE(timers.size(), 1);
        QCOMPARE(timers.first().deadline, 3600.0);
        QVERIFY2(timers.first().description.startsWith(QStringLiteral("sleeper.py: asyncio.sleep in main()")),
                 qPrintable(timers.first().description));
        QVERIFY(clock.advance(1800));
        QTRY_VERIFY_WITH_TIMEOUT(hub.isQuiescent(), kWait);
        QCOMPARE(hub.process(0)->time, 1800.0);
        QVERIFY(!hub.standardOutput(0).contains("woke"));
        QVERIFY(clock.advanceToNextTimer());
        QTRY_VERIFY_WITH_TIMEOUT(hub.allExited(), kWait);
        QCOMPARE(hub.process(0)->exitCode, std::optional<int>(0));
        QVERIFY(hub.standardOutput(0).contains("woke at t=3600"));
        QCOMPARE(clock.pendingTimerCount(), 0);
    }

    // waitForQuiescent() returns once the programs have answered (the echo pair, stepped without
    // polling), and fails with Timeout, naming the program, when one blocks outside its loop.
    void waitForQuiescentAnswersOrTimesOut()
    {
        LocalNetwork *net = LocalNetwork::instance();
        {
            PythonHub hub(options());
            QVERIFY(hub.start(echoProgram(), {QStringLiteral("both"), QStringLiteral("5557"), QStringLiteral("hi")}));
            Result<void> quiet = QCoro::waitFor(hub.waitForQuiescent(std::chrono::milliseconds(kWait)));
            QVERIFY2(quiet, qPrintable(quiet ? QString() : quiet.error().message()));
            QVERIFY(hub.isQuiescent());
            QCOMPARE(net->pendingCount(), 1);
            int steps = 0;
            while (!hub.allExited() && net->pendingCount() > 0 && steps++ < 20) {
                QVERIFY(net->step());
                quiet = QCoro::waitFor(hub.waitForQuiescent(std::chrono::milliseconds(kWait)));
                QVERIFY(quiet);
                QVERIFY(hub.isQuiescent());
            }
            QVERIFY(hub.allExited());
            QCOMPARE(hub.process(0)->exitCode, std::optional<int>(0));
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString blocked = dir.filePath(QStringLiteral("blocked.py"));
        QFile file(blocked);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("import time\ntime.sleep(600)\n");
        file.close();
        PythonHub hub(options());
        QVERIFY(hub.start(blocked));
        const Result<void> quiet = QCoro::waitFor(hub.waitForQuiescent(std::chrono::milliseconds(500)));
        QVERIFY(!quiet);
        QCOMPARE(quiet.error().code(), ErrorCode::Timeout);
        QVERIFY2(quiet.error().message().contains(QStringLiteral("blocked.py")), qPrintable(quiet.error().message()));
        QVERIFY(!hub.isQuiescent());
    }

    // With the hub's answer wait on the network, runUntilIdle() runs the ring to its end by
    // itself (first in, first out: nobody is elected; every node gives up at virtual t=30).
    void runUntilIdleWaitsForThePrograms()
    {
        LocalNetwork *net = LocalNetwork::instance();
        ExternalClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        net->setClock(&clock);
        PythonHub hub(options());
        hub.setClock(&clock);
        net->setAnswerWait(&hub, [&hub] { return hub.waitForQuiescent(std::chrono::milliseconds(kWait)); });
        const QString ring = sourceDir() + QStringLiteral("/examples/python/ring.py");
        for (int i = 0; i < 3; ++i) {
            QVERIFY(hub.start(ring, {QString::number(i), QStringLiteral("1,2,3"), QStringLiteral("6200")}));
            QVERIFY(QCoro::waitFor(hub.waitForQuiescent(std::chrono::milliseconds(kWait))));
        }
        const int delivered = QCoro::waitFor(net->runUntilIdle(1000, true));
        QVERIFY(delivered > 6);
        QVERIFY(hub.allExited());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(hub.process(i)->exitCode, std::optional<int>(1));
        QVERIFY2(hub.standardOutput(2).contains("t=30: no leader, gave up"), hub.standardOutput(2).constData());
        net->setAnswerWait(nullptr, {});
        hub.setClock(nullptr);
        net->setClock(nullptr);
    }

    // A C++ agent (a container on the stepped LocalQueue) calls a Python agent at its tcp:// URL
    // through the hub, and the Python agent calls the C++ agent back at the tcp:// address bound
    // to the C++ container's queue: every frame both ways waits on the network, delivered in the
    // order the test chooses (first in first out, or the newest frame first).
    void cppAndPythonAgentsCallEachOther_data()
    {
        QTest::addColumn<bool>("newestFirst");
        QTest::newRow("fifo") << false;
        QTest::newRow("newest first") << true;
    }

    void cppAndPythonAgentsCallEachOther()
    {
        QFETCH(bool, newestFirst);
        LocalNetwork *net = LocalNetwork::instance();
        PythonHub hub(options());
        std::unique_ptr<Container> cpp(Container::createNow(Address::local(QStringLiteral("cpp"))).value());
        auto *agent = new HelloAgent(cpp.get());
        QCOMPARE(agent->address(), QStringLiteral("local://cpp/0"));
        QVERIFY(net->bindAddress(QStringLiteral("tcp://127.0.0.1:6000"), QStringLiteral("cpp")));
        QVERIFY(hub.start(sourceDir() + QStringLiteral("/python/tests/programs/rpcagent.py"), {QStringLiteral("5560")}));
        QVERIFY(QCoro::waitFor(hub.waitForQuiescent(std::chrono::milliseconds(kWait))));
        QCOMPARE(net->boundQueue(QStringLiteral("tcp://localhost:5560")), PythonHub::queueIdFor(QStringLiteral("tcp://127.0.0.1:5560")));
        QCOMPARE(net->pendingCount(), 0);

        std::optional<Result<Value>> answer;
        auto call = [&]() -> QCoro::Task<void> {
            Result<rpc::Proxy> python = co_await agent->connectTo(QStringLiteral("tcp://127.0.0.1:5560/0"));
            if (!python) {
                answer = python.error();
                co_return;
            }
            answer = co_await (*python)[QStringLiteral("greet")](QStringLiteral("tcp://127.0.0.1:6000/0"));
        };
        QCoro::Task<void> calling = call();

        QStringList delivered;
        const auto stepOnce = [&]() -> bool {
            const QList<PendingMessage> pending = net->pendingMessages();
            if (pending.isEmpty())
                return false;
            quint64 chosen = pending.first().id;
            if (newestFirst) { // a close waits for the frames sent before it
                for (const PendingMessage &m : pending) {
                    if (!m.isClose)
                        chosen = m.id;
                }
            }
            const Result<PendingMessage> done = net->deliver(chosen);
            if (!done)
                return false;
            delivered.append(stepText(*done));
            QCoro::waitFor(net->settle());
            return bool(QCoro::waitFor(hub.waitForQuiescent(std::chrono::milliseconds(kWait))));
        };
        for (int steps = 0; !answer && steps < 40; ++steps) {
            QTRY_VERIFY_WITH_TIMEOUT(answer || net->pendingCount() > 0, kWait);
            if (!answer)
                QVERIFY(stepOnce());
        }
        QVERIFY(answer);
        QVERIFY2(*answer, qPrintable(answer->error().message()));
        QCOMPARE(answer->value().toString(), QStringLiteral("tcp://127.0.0.1:6000/0 said: hello python"));

        // every frame of both calls was a pending message
        const QString py = QStringLiteral("tcp://127.0.0.1:5560");
        const QString callback = QStringLiteral("tcp://127.0.0.1:50002"); // the program's end of its connect
        QStringList expected{
            QStringLiteral("request validate_aid local://cpp/0 -> ") + py,
            QStringLiteral("result validate_aid ") + py + QStringLiteral(" -> local://cpp/0"),
            QStringLiteral("request agents/0/greet local://cpp/0 -> ") + py,
            QStringLiteral("request agents/0/hello ") + callback + QStringLiteral(" -> local://cpp/0"),
            QStringLiteral("result agents/0/hello local://cpp/0 -> ") + callback,
        };
        // the program closes its connection to the C++ agent, then answers greet
        const QString closed = QStringLiteral("close ") + callback + QStringLiteral(" -> local://cpp/0");
        const QString greeted = QStringLiteral("result agents/0/greet ") + py + QStringLiteral(" -> local://cpp/0");
        if (newestFirst)
            expected << greeted;
        else
            expected << closed << greeted;
        QCOMPARE(delivered, expected);

        // the caller leaves: its close reaches the program, which exits
        cpp.reset();
        for (int steps = 0; !hub.allExited() && steps < 20; ++steps) {
            QTRY_VERIFY_WITH_TIMEOUT(hub.allExited() || net->pendingCount() > 0, kWait);
            if (!hub.allExited())
                QVERIFY(stepOnce());
        }
        QTRY_VERIFY_WITH_TIMEOUT(hub.allExited(), kWait);
        QCOMPARE(hub.process(0)->exitCode, std::optional<int>(0));
        const QByteArray out = hub.standardOutput(0);
        QVERIFY2(out.contains("python: tcp://127.0.0.1:6000/0 answered 'hello python'"), out.constData());
        QVERIFY2(out.contains("python: the caller closed the connection"), out.constData());
        // the program's address is free again
        QVERIFY(net->boundQueue(py).isEmpty());
    }

    // write_eof() closes one direction only: the server gets end-of-stream after the client's two
    // frames, and its answer still reaches the client, which reads on.
    void halfCloseKeepsTheOtherDirection()
    {
        LocalNetwork *net = LocalNetwork::instance();
        PythonHub hub(options());
        QVERIFY(hub.start(sourceDir() + QStringLiteral("/python/tests/programs/halfclose.py"), {QStringLiteral("eof"), QStringLiteral("5570")}));
        const QList<PendingMessage> delivered = runFifo(hub);
        QCOMPARE(hub.process(0)->exitCode, std::optional<int>(0));
        const QByteArray out = hub.standardOutput(0);
        QVERIFY2(out.contains("server: end of stream after 2 frames"), out.constData());
        QVERIFY2(out.contains("client: server counted 2"), out.constData());
        // the client's two frames, its end-of-stream, then the server's answer and close
        QVERIFY(delivered.size() >= 5);
        QCOMPARE(delivered[0].path, QStringLiteral("one"));
        QCOMPARE(delivered[1].path, QStringLiteral("two"));
        QVERIFY(delivered[2].isClose);
        QVERIFY(delivered[2].halfClose);
        QCOMPARE(delivered[3].type, MessageType::Result);
        QCOMPARE(delivered[3].from, QStringLiteral("tcp://127.0.0.1:5570"));
        QVERIFY(delivered[4].isClose);
        QVERIFY(!delivered[4].halfClose);
        // the log says so
        bool halfClosed = false;
        for (const TrafficEvent &e : net->eventLog().events()) {
            if (e.kind == TrafficEvent::Kind::Closed && e.halfClose) {
                halfClosed = true;
                TrafficEvent delivery = e;
                delivery.kind = TrafficEvent::Kind::Delivered;
                QCOMPARE(messageLabel(delivery), QStringLiteral("end of stream"));
                QVERIFY(e.toDisplayString().contains(QStringLiteral("closed (write side)")));
            }
        }
        QVERIFY(halfClosed);
    }

    // Bytes that are not aiomas framing (an HTTP request) are one pending message of raw bytes,
    // marked raw, passed on unchanged; the connection lives on and the answer comes back raw.
    void rawBytesArePassedOn()
    {
        LocalNetwork *net = LocalNetwork::instance();
        PythonHub hub(options());
        QVERIFY(hub.start(sourceDir() + QStringLiteral("/python/tests/programs/halfclose.py"), {QStringLiteral("raw"), QStringLiteral("5571")}));
        QVERIFY(QCoro::waitFor(hub.waitForQuiescent(std::chrono::milliseconds(kWait))));
        QCOMPARE(net->pendingCount(), 1);
        const PendingMessage request = net->pendingMessages().first();
        QVERIFY(request.isRaw);
        QCOMPARE(request.frame, QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        QCOMPARE(request.content().value(), Value::bytes(request.frame));
        const QList<PendingMessage> delivered = runFifo(hub);
        QCOMPARE(hub.process(0)->exitCode, std::optional<int>(0));
        const QByteArray out = hub.standardOutput(0);
        QVERIFY2(out.contains("server: got b'GET / HTTP/1.1'"), out.constData());
        QVERIFY2(out.contains("client: got b'HTTP/1.0 200 OK'"), out.constData());
        QVERIFY(delivered.size() >= 2);
        QVERIFY(delivered[1].isRaw);
        QCOMPARE(delivered[1].frame, QByteArray("HTTP/1.0 200 OK\r\n\r\n"));
        // in the log: raw, its bytes as content, labelled as such
        const TrafficEvent sent = net->eventLog().events().at(1);
        QCOMPARE(sent.kind, TrafficEvent::Kind::Sent);
        QVERIFY(sent.raw);
        QCOMPARE(messageLabel(sent), QStringLiteral("raw bytes: GET / HTTP/1.1"));
        const Result<TrafficEvent> reread = TrafficEvent::fromJson(sent.toJson());
        QVERIFY(reread);
        QVERIFY(reread->raw);
        QVERIFY(reread->sameAs(sent));
    }

    // abort() reaches the program at the other end as a reset: its protocol's connection_lost()
    // gets a ConnectionResetError (a stream reader raises it) after the frames before it; a close
    // is end of stream (eof_received, connection_lost(None)).
    void abortIsAReset_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("abort") << QStringLiteral("abort")
                               << QStringList{QStringLiteral("server: connection_lost(ConnectionResetError) after 29 bytes"),
                                              QStringLiteral("streams: ConnectionResetError")};
        QTest::newRow("close") << QStringLiteral("close")
                               << QStringList{QStringLiteral("server: eof_received after 29 bytes"),
                                              QStringLiteral("server: connection_lost(None) after 29 bytes"),
                                              QStringLiteral("streams: end of stream")};
    }

    void abortIsAReset()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, expected);
        PythonHub hub(options());
        QVERIFY(hub.start(sourceDir() + QStringLiteral("/python/tests/programs/abort.py"), {mode, QStringLiteral("5573")}));
        const QList<PendingMessage> delivered = runFifo(hub);
        const QByteArray out = hub.standardOutput(0);
        QVERIFY2(hub.process(0)->exitCode == std::optional<int>(0), hub.standardError(0).constData());
        for (const QString &line : std::as_const(expected))
            QVERIFY2(out.contains(line.toUtf8()), out.constData());
        QVERIFY2(!out.contains("read past the end"), out.constData());
        if (mode == u"abort") {
            QVERIFY2(!out.contains("eof_received"), out.constData());
            // the frame, then the close; nothing goes back to the end that aborted
            QVERIFY(delivered.size() >= 2);
            QCOMPARE(delivered[0].path, QStringLiteral("hello"));
            QVERIFY(delivered[1].isClose);
            QCOMPARE(std::count_if(delivered.begin(), delivered.end(), [](const PendingMessage &m) { return m.isClose; }), 2);
        }
    }

    // No runner is left after the hub is gone.
    void hubKillsItsPrograms()
    {
        qint64 pid = 0;
        {
            PythonHub hub(options());
            QVERIFY(hub.start(sourceDir() + QStringLiteral("/python/tests/programs/sleeper.py")));
            QTRY_VERIFY_WITH_TIMEOUT(hub.isQuiescent(), kWait);
            QCOMPARE(hub.nextTimer(), std::optional<double>(3600));
            pid = hub.findChild<QProcess *>()->processId();
            QVERIFY(pid > 0);
            QVERIFY(QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)), kWait);
    }

private:
    /// Delivers first in, first out (moving the clock when nothing is pending) until every
    /// program has exited; the delivered messages.
    static QList<PendingMessage> runFifo(PythonHub &hub)
    {
        LocalNetwork *net = LocalNetwork::instance();
        QList<PendingMessage> delivered;
        for (int steps = 0; !hub.allExited() && steps < 100; ++steps) {
            if (!QCoro::waitFor(hub.waitForQuiescent(std::chrono::milliseconds(kWait))))
                break;
            if (net->pendingCount() > 0) {
                const Result<PendingMessage> done = net->step();
                if (done)
                    delivered.append(*done);
            } else if (const std::optional<double> next = hub.nextTimer()) {
                (void)hub.setTime(*next);
            } else {
                break;
            }
        }
        if (!QTest::qWaitFor([&hub] { return hub.allExited(); }, kWait))
            qWarning("the programs did not exit");
        return delivered;
    }

    static PythonHubOptions options()
    {
        PythonHubOptions o;
        o.runnerPath = sourceDir() + QStringLiteral("/python");
        return o;
    }
};

QTEST_GUILESS_MAIN(TestPythonHub)
#include "tst_pythonhub.moc"
