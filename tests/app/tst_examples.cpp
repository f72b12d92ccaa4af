// SPDX-License-Identifier: MIT
// The seed README's examples, run as the user runs them: a server process, a client process,
// then SIGTERM for the server, over a Unix socket in a temporary directory and over TCP. Then the
// agent example in one process and split over two, and the Contract Net example.

#include <mas/rpc/rpcclient.h>

#include <QCoro/QCoroTask>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

#include <limits>

class tst_Examples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverAndClient_data();
    void serverAndClient();
    void mathServerRefusesOverflow();
    void mathServerLimitOptions();
    void agentsInOneProcess();
    void agentsOverTwoProcesses_data();
    void agentsOverTwoProcesses();
    void contractNet_data();
    void contractNet();
    void contractNetIsDeterministic();
    void contractNetWithoutBids();
};

namespace {

/// Runs an example to its end; stdout and stderr stay separate.
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runToEnd(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Run run;
    if (!process.waitForStarted(10'000) || !process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished(5'000);
        run.err = QStringLiteral("%1 %2 did not finish").arg(program, arguments.join(u' '));
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// The first whole line a running process prints (without the newline), or an empty string.
QString firstLine(QProcess &process)
{
    QDeadlineTimer deadline(10'000);
    while (!process.canReadLine()) {
        if (deadline.hasExpired() || !process.waitForReadyRead(int(deadline.remainingTime())))
            return QString();
    }
    return QString::fromUtf8(process.readLine()).trimmed();
}

/// The ports of 127.0.0.1 differ from run to run.
QString withoutPorts(QString text)
{
    static const QRegularExpression port(QStringLiteral("tcp://127\\.0\\.0\\.1:\\d+/"));
    return text.replace(port, QStringLiteral("tcp://127.0.0.1:PORT/"));
}

} // namespace

void tst_Examples::serverAndClient_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QStringList>("serverArgs");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QStringList>("clientArgs");
    QTest::addColumn<QString>("clientOutput");
    QTest::addColumn<QString>("serverOutput");
    QTest::addColumn<QString>("codec");
    for (const char *codec : {"json", "msgpack", "msgpack-blosc"}) {
        QTest::addRow("channel echo, %s", codec)
            << QStringLiteral(MAS_CHANNEL_ECHO) << QStringList{QStringLiteral("server")} << QStringLiteral(MAS_CHANNEL_ECHO)
            << QStringList{QStringLiteral("client")} << QStringLiteral("cya\n") << QStringLiteral("ohai\n")
            << QString::fromLatin1(codec);
        QTest::addRow("math, %s", codec) << QStringLiteral(MAS_MATH_SERVER) << QStringList() << QStringLiteral(MAS_MATH_CLIENT)
                                         << QStringList() << QStringLiteral("7\n") << QString() << QString::fromLatin1(codec);
    }
}

void tst_Examples::serverAndClient()
{
    QFETCH(QString, server);
    QFETCH(QStringList, serverArgs);
    QFETCH(QString, client);
    QFETCH(QStringList, clientArgs);
    QFETCH(QString, clientOutput);
    QFETCH(QString, serverOutput);
    QFETCH(QString, codec);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &address : {QStringLiteral("ipc://") + dir.filePath(QStringLiteral("example.sock")), QString()}) {
        QString where = address;
        if (where.isEmpty()) { // a free TCP port on 127.0.0.1
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            where = QStringLiteral("tcp://127.0.0.1:%1").arg(probe.serverPort());
        }
        QProcess serverProcess;
        serverProcess.start(server, serverArgs + QStringList{where, QStringLiteral("--codec"), codec});
        QVERIFY(serverProcess.waitForStarted(10'000));
        QVERIFY(serverProcess.waitForReadyRead(10'000)); // "listening on ..."
        QVERIFY(serverProcess.readLine().startsWith("listening on "));

        QProcess clientProcess;
        clientProcess.start(client, clientArgs + QStringList{where, QStringLiteral("--codec"), codec});
        QVERIFY(clientProcess.waitForFinished(20'000));
        QCOMPARE(clientProcess.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(clientProcess.readAllStandardOutput()), clientOutput);

        // The server stops cleanly on SIGTERM.
#ifdef Q_OS_UNIX
        ::kill(pid_t(serverProcess.processId()), SIGTERM);
#else
        serverProcess.terminate();
#endif
        QVERIFY(serverProcess.waitForFinished(10'000));
        QCOMPARE(serverProcess.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serverProcess.exitCode(), 0);
        if (!serverOutput.isEmpty())
            QCOMPARE(QString::fromUtf8(serverProcess.readAllStandardOutput()), serverOutput);
    }
}

void tst_Examples::mathServerRefusesOverflow()
{
    // A client's add(2^63 - 1, 1) is a ValueError, as Python's integers never wrap.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString where = QStringLiteral("tcp://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    QProcess server;
    server.start(QStringLiteral(MAS_MATH_SERVER), {where});
    QVERIFY(server.waitForStarted(10'000));
    QVERIFY(server.waitForReadyRead(10'000));
    QVERIFY(server.readLine().startsWith("listening on "));
    auto client = QCoro::waitFor(mas::rpc::openConnection(mas::Address::parse(where).value()));
    QVERIFY2(client, qPrintable(client.error().toString()));
    const qint64 max = std::numeric_limits<qint64>::max();
    const mas::Result<mas::Value> sum = QCoro::waitFor((*client)->call(QStringLiteral("add"), {max, 1}));
    QVERIFY(!sum);
    QCOMPARE(sum.error().remoteType(), QStringLiteral("ValueError"));
    QVERIFY2(sum.error().toString().contains(QStringLiteral("add(9223372036854775807, 1) does not fit in 64 bits")),
             qPrintable(sum.error().toString()));
    const mas::Result<mas::Value> low = QCoro::waitFor(
        (*client)->call(QStringLiteral("add"), {std::numeric_limits<qint64>::min(), -1}));
    QVERIFY(!low);
    QCOMPARE(low.error().remoteType(), QStringLiteral("ValueError"));
    // The connection and the server go on.
    QCOMPARE(QCoro::waitFor((*client)->call(QStringLiteral("add"), {max - 1, 1})).value(), mas::Value(max));
    QCoro::waitFor((*client)->close());
    server.kill();
    QVERIFY(server.waitForFinished(10'000));
}

void tst_Examples::mathServerLimitOptions()
{
    // --public and --limit, here the codec limit max_elements: a request of more values closes
    // its connection with a log line naming the limit; other clients are served.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString where = QStringLiteral("tcp://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    const Run wrong = runToEnd(QStringLiteral(MAS_MATH_SERVER),
                               {QStringLiteral("--limit"), QStringLiteral("max_elements=many"), where});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY2(wrong.err.contains(u"--limit takes NAME=VALUE with a non-negative integer, not \"max_elements=many\""),
             qPrintable(wrong.err));
    QProcess server;
    server.start(QStringLiteral(MAS_MATH_SERVER),
                 {QStringLiteral("--public"), QStringLiteral("--limit"), QStringLiteral("max_elements=20"), where});
    QVERIFY(server.waitForStarted(10'000));
    QVERIFY(server.waitForReadyRead(10'000));
    QVERIFY(server.readLine().startsWith("listening on "));
    const mas::Address address = mas::Address::parse(where).value();
    auto client = QCoro::waitFor(mas::rpc::openConnection(address));
    QVERIFY2(client, qPrintable(client.error().toString()));
    QCOMPARE(QCoro::waitFor((*client)->call(QStringLiteral("add"), {1, 2})).value(), mas::Value(3));
    mas::Value::List many;
    for (int i = 0; i < 30; ++i)
        many.push_back(mas::Value(i));
    const mas::Result<mas::Value> refused =
        QCoro::waitFor((*client)->call(QStringLiteral("add"), {mas::Value(many), 1}));
    QVERIFY(!refused);
    QByteArray log;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     log += server.readAllStandardError();
                     return log.contains("The payload holds more than 20 elements");
                 },
                 10'000),
             log.constData());
    auto other = QCoro::waitFor(mas::rpc::openConnection(address));
    QVERIFY2(other, qPrintable(other.error().toString()));
    QCOMPARE(QCoro::waitFor((*other)->call(QStringLiteral("add"), {2, 3})).value(), mas::Value(5));
    QCoro::waitFor((*other)->close());
    server.kill();
    QVERIFY(server.waitForFinished(10'000));
}

void tst_Examples::agentsInOneProcess()
{
    // The seed's session: two agents in one container, agent 0 calls service(42) of agent 1.
    const Run run = runToEnd(QStringLiteral(MAS_AGENTS), {});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    static const QRegularExpression ohai(
        QStringLiteral("^Ohai, I am TestAgent\\('tcp://127\\.0\\.0\\.1:(\\d+)/(\\d)'\\)$"));
    const QRegularExpressionMatch first = ohai.match(lines[0]);
    const QRegularExpressionMatch second = ohai.match(lines[1]);
    QVERIFY2(first.hasMatch() && second.hasMatch(), qPrintable(run.out));
    QCOMPARE(first.captured(2), QStringLiteral("0"));
    QCOMPARE(second.captured(2), QStringLiteral("1"));
    const QString base = QStringLiteral("tcp://127.0.0.1:%1/").arg(first.captured(1));
    QCOMPARE(lines[2], QStringLiteral("TestAgent('%1') got 42 from TestAgentProxy('%2')")
                           .arg(base + u'0', base + u'1'));
}

void tst_Examples::agentsOverTwoProcesses_data()
{
    QTest::addColumn<bool>("unixSocket");
    QTest::addRow("tcp") << false;
#ifdef Q_OS_UNIX
    QTest::addRow("unix socket") << true;
#endif
}

void tst_Examples::agentsOverTwoProcesses()
{
    QFETCH(bool, unixSocket);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString socketPath = dir.filePath(QStringLiteral("agents.sock"));
    const QString address =
        unixSocket ? QStringLiteral("ipc://") + socketPath : QStringLiteral("tcp://127.0.0.1:0");

    QProcess server;
    server.start(QStringLiteral(MAS_AGENTS), {QStringLiteral("--serve"), address});
    QVERIFY(server.waitForStarted(10'000));
    const QString url = firstLine(server);
    QVERIFY2(!url.isEmpty(), qPrintable(QString::fromUtf8(server.readAllStandardError())));
    if (unixSocket)
        QCOMPARE(url, QStringLiteral("ipc://[%1]/0").arg(socketPath));
    else
        QVERIFY2(QRegularExpression(QStringLiteral("^tcp://127\\.0\\.0\\.1:[1-9]\\d*/0$"))
                     .match(url)
                     .hasMatch(),
                 qPrintable(url));

    // Twice: the server keeps serving after a caller leaves.
    for (int i = 0; i < 2; ++i) {
        const Run call = runToEnd(QStringLiteral(MAS_AGENTS), {QStringLiteral("--call"), url});
        QVERIFY2(call.exitCode == 0, qPrintable(call.err));
        static const QRegularExpression got(
            QStringLiteral("^TestAgent\\('tcp://127\\.0\\.0\\.1:\\d+/0'\\) got 42 from "
                           "TestAgentProxy\\('(.*)'\\)\\n$"));
        const QRegularExpressionMatch match = got.match(call.out);
        QVERIFY2(match.hasMatch(), qPrintable(call.out));
        QCOMPARE(match.captured(1), url);
    }

    // A missing agent: a clear error on stderr and a non-zero exit code.
    const QString missing = url.chopped(1) + QStringLiteral("7");
    const Run bad = runToEnd(QStringLiteral(MAS_AGENTS), {QStringLiteral("--call"), missing});
    QVERIFY(bad.exitCode > 0);
    QVERIFY(bad.out.isEmpty());
    QVERIFY2(bad.err.contains(QStringLiteral("Agent \"7\" does not exist")), qPrintable(bad.err));

    // SIGTERM: the container shuts down and the process exits with 0.
    server.terminate();
    QVERIFY(server.waitForFinished(10'000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    QCOMPARE(server.readAllStandardError(), QByteArray());
    if (unixSocket)
        QVERIFY(!QFile::exists(socketPath));
}

void tst_Examples::contractNet_data()
{
    QTest::addColumn<int>("contractors");
    QTest::addColumn<QString>("seed");
    QTest::addRow("defaults") << 4 << QString();
    QTest::addRow("1 contractor") << 1 << QStringLiteral("1");
    QTest::addRow("7 contractors, seed 3") << 7 << QStringLiteral("3");
}

void tst_Examples::contractNet()
{
    QFETCH(int, contractors);
    QFETCH(QString, seed);
    QStringList args;
    if (!seed.isEmpty())
        args << QStringLiteral("--seed") << seed << QStringLiteral("--contractors")
             << QString::number(contractors);
    const Run run = runToEnd(QStringLiteral(MAS_CONTRACT_NET), args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());

    static const QRegularExpression awarded(
        QStringLiteral("^awarded task T1 to (Contractor\\('tcp://127\\.0\\.0\\.1:\\d+/(\\d+)'\\)) "
                       "for cost (\\d+\\.\\d)$"));
    const QRegularExpressionMatch award = awarded.match(lines.last());
    QVERIFY2(award.hasMatch(), qPrintable(run.out));
    const QString winner = award.captured(1);
    QVERIFY(award.captured(2).toInt() < contractors);

    // Every contractor answers the call for proposals; exactly one wins, the other bidders are
    // rejected, and the winner's bid is the lowest.
    int bids = 0, refusals = 0, wins = 0, rejections = 0, reports = 0;
    double lowest = 1e9;
    static const QRegularExpression bid(
        QStringLiteral("^Contractor\\('.*'\\) bids (\\d+\\.\\d) for T1 "));
    for (const QString &line : lines) {
        if (const QRegularExpressionMatch m = bid.match(line); m.hasMatch()) {
            ++bids;
            lowest = qMin(lowest, m.captured(1).toDouble());
        }
        refusals += line.endsWith(QStringLiteral(" refuses T1"));
        rejections += line.endsWith(QStringLiteral(" was rejected for T1"));
        if (line.endsWith(QStringLiteral(" won T1 and performs it"))) {
            ++wins;
            QCOMPARE(line, winner + QStringLiteral(" won T1 and performs it"));
        }
        if (line.contains(QStringLiteral(" hears from "))) {
            ++reports;
            QVERIFY2(line.endsWith(QStringLiteral(" hears from %1: T1 done").arg(winner)),
                     qPrintable(line));
        }
    }
    QCOMPARE(bids + refusals, contractors);
    QCOMPARE(wins, 1);
    QCOMPARE(reports, 1);
    QCOMPARE(rejections, bids - 1);
    QCOMPARE(award.captured(3).toDouble(), lowest);
}

void tst_Examples::contractNetIsDeterministic()
{
    // The same seed gives the same bids and the same award (up to the ports).
    const QStringList args{QStringLiteral("--seed"), QStringLiteral("2024"),
                           QStringLiteral("--contractors"), QStringLiteral("5")};
    const Run first = runToEnd(QStringLiteral(MAS_CONTRACT_NET), args);
    const Run second = runToEnd(QStringLiteral(MAS_CONTRACT_NET), args);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QStringList a = withoutPorts(first.out).split(u'\n', Qt::SkipEmptyParts);
    QStringList b = withoutPorts(second.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    QVERIFY(a.last().startsWith(QStringLiteral("awarded task T1 to ")));
    QCOMPARE(a.last(), b.last());
    // The contractors answer concurrently, so only the set of lines is fixed, not their order.
    a.sort();
    b.sort();
    QCOMPARE(a, b);
}

void tst_Examples::contractNetWithoutBids()
{
    // Seed 2 makes the only contractor refuse: no award, a message on stderr, exit code 1.
    const Run run = runToEnd(QStringLiteral(MAS_CONTRACT_NET),
                             {QStringLiteral("--contractors"), QStringLiteral("1"),
                              QStringLiteral("--seed"), QStringLiteral("2")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral(" refuses T1\n")), qPrintable(run.out));
    QVERIFY(!run.out.contains(QStringLiteral("awarded")));
    QVERIFY2(run.err.contains(QStringLiteral("Task T1 was not awarded: nobody bid for task T1")),
             qPrintable(run.err));
}

QTEST_GUILESS_MAIN(tst_Examples)
#include "tst_examples.moc"
