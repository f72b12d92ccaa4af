// SPDX-License-Identifier: MIT
// Sub-process containers end to end: `mas subproc` processes started by
// mas::SubprocessContainers, over TCP on 127.0.0.1 and Unix sockets in a temporary directory.
// Agents are spawned remotely and call each other across processes, external clocks are
// driven with set_time, and no child may outlive a stop, a kill or the death of its parent.

#include <mas/agent/container.h>
#include <mas/agent/subprocess.h>
#include <mas/clock/clock.h>

#include <QDir>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <QCoro/QCoroTask>

#include <memory>
#include <optional>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif

using namespace mas;
using namespace mas::rpc;
using namespace std::chrono_literals;

// (Evaluates its argument more than once: pass a variable.)
#define VERIFY_RESULT(r) QVERIFY2(r, qPrintable((r) ? QString() : (r).error().toString()))

namespace {

const QDateTime kStart(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC);
const QString kEcho = QStringLiteral("mas.subproc:EchoAgent");
constexpr int kTimeoutMs = 15000;

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// Whether `pid` is a living process (a zombie nobody reaped counts as gone).
bool processAlive(qint64 pid)
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    const char state = close >= 0 && close + 2 < text.size() ? text.at(close + 2) : 'X';
    return state != 'Z' && state != 'X';
#elif defined(Q_OS_UNIX)
    return ::kill(pid_t(pid), 0) == 0;
#else
    Q_UNUSED(pid);
    return false;
#endif
}

bool anyAlive(const QList<qint64> &pids)
{
    return std::any_of(pids.begin(), pids.end(), processAlive);
}

/// Starts a task and keeps its result when it comes (the test goes on meanwhile).
template<class T>
std::shared_ptr<std::optional<T>> later(QCoro::Task<T> &&task, QObject *context)
{
    auto result = std::make_shared<std::optional<T>>();
    QCoro::connect(std::move(task), context, [result](T value) { *result = std::move(value); });
    return result;
}

QString lastLine(const Error &e)
{
    return e.remoteTraceback().trimmed().section(u'\n', -1);
}

enum class Transport { Tcp, Ipc };

} // namespace

Q_DECLARE_METATYPE(Transport)

class tst_Subproc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fourContainers_data();
    void fourContainers();
    void killedChildFailsCallsPromptly();
    void parentKilledChildrenExit_data();
    void parentKilledChildrenExit();
    void stdinEofStopsTheContainer();
    void terminationSignals_data();
    void terminationSignals();
    void destructorEndsChildren();
    void stopEscalates();
    void startFailures_data();
    void startFailures();
    void usageErrors_data();
    void usageErrors();
    void busyAddress();

private:
    std::unique_ptr<Container> parentContainer(const QString &codec = QStringLiteral("json"));
    SubprocessOptions options(SubprocessOptions::ClockKind clock = SubprocessOptions::ClockKind::External);
    /// Starts `mas subproc ARGS` and reads its first line (the Manager's URL).
    QString startSubproc(QProcess &process, const QStringList &args);

    QTemporaryDir m_dir;
};

void tst_Subproc::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo(QStringLiteral(MAS_CLI)).isExecutable());
}

std::unique_ptr<Container> tst_Subproc::parentContainer(const QString &codec)
{
    ContainerOptions o;
    o.codec = codec; // the children use it too
    o.channel.requestTimeout = 60s; // calls to dead children must fail long before this
    return std::unique_ptr<Container>(Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0), o).value());
}

SubprocessOptions tst_Subproc::options(SubprocessOptions::ClockKind clock)
{
    SubprocessOptions o;
    o.executable = QStringLiteral(MAS_CLI);
    o.clock = clock;
    o.start = kStart;
    return o;
}

QString tst_Subproc::startSubproc(QProcess &process, const QStringList &args)
{
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(MAS_CLI), QStringList{QStringLiteral("subproc")} + args);
    if (!process.waitForStarted(kTimeoutMs))
        return {};
    const QDeadlineTimer deadline(kTimeoutMs);
    while (!process.canReadLine() && process.state() == QProcess::Running && !deadline.hasExpired())
        process.waitForReadyRead(100);
    return QString::fromUtf8(process.readLine()).trimmed();
}

void tst_Subproc::fourContainers_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<QString>("codec");
    QTest::addColumn<bool>("monitor");
    QTest::newRow("tcp 127.0.0.1, json, monitor") << Transport::Tcp << QStringLiteral("json") << true;
    QTest::newRow("unix sockets, msgpackblosc") << Transport::Ipc << QStringLiteral("msgpackblosc") << false;
}

void tst_Subproc::fourContainers()
{
    QFETCH(Transport, transport);
    QFETCH(QString, codec);
    QFETCH(bool, monitor);
    std::unique_ptr<Container> parent = parentContainer(codec);
    SubprocessOptions o = options();
    o.monitor = monitor;
    QTemporaryDir sockets(m_dir.filePath(QStringLiteral("sockets-XXXXXX")));
    if (transport == Transport::Ipc)
        o.socketDirectory = sockets.path();
    SubprocessContainers children(parent.get(), o);
    QSignalSpy started(&children, &SubprocessContainers::childStarted);
    QSignalSpy died(&children, &SubprocessContainers::childDied);
    QSignalSpy finished(&children, &SubprocessContainers::childFinished);

    // Four processes, each reachable with a Manager as agent 0.
    Result<void> up = await(children.start(4));
    VERIFY_RESULT(up);
    QCOMPARE(children.count(), 4);
    QCOMPARE(children.runningCount(), 4);
    QCOMPARE(started.count(), 4);
    const QList<qint64> pids = children.processIds();
    QCOMPARE(QSet<qint64>(pids.begin(), pids.end()).size(), 4);
    QVERIFY(!pids.contains(QCoreApplication::applicationPid()));
    const QStringList urls = children.managerUrls();
    QCOMPARE(QSet<QString>(urls.begin(), urls.end()).size(), 4);
    for (const QString &url : urls) {
        QVERIFY2(url.endsWith(u"/0"), qPrintable(url));
        QVERIFY2(url.startsWith(transport == Transport::Ipc ? QStringLiteral("ipc://[") + sockets.path()
                                                             : QStringLiteral("tcp://127.0.0.1:")),
                 qPrintable(url));
    }

    // One agent in each, spawned remotely; each lives in its own process.
    std::vector<SpawnedAgent> agents;
    for (int i = 0; i < 4; ++i) {
        Value::List args;
        args.emplace_back(QStringLiteral("agent-%1").arg(i));
        Result<SpawnedAgent> agent = await(children.spawn(i, kEcho, args));
        VERIFY_RESULT(agent);
        QCOMPARE(agent->url, urls[i].chopped(1) + u'1');
        QCOMPARE(await(agent->proxy[QStringLiteral("pid")]()).value(), Value(children.processId(i)));
        agents.push_back(*agent);
    }

    // `--monitor` lets an Inspector watch a child.
    Result<Value> info = await(children.manager(0).client()->call(QStringLiteral("_monitor/info")));
    QCOMPARE(bool(info), monitor);
    if (monitor) {
        QCOMPARE(info->value(u"container"), Value(urls[0].chopped(1)));
        QCOMPARE(info->value(u"codec"), Value(codec));
        QCOMPARE(info->value(u"agents").size(), 2);
        QCOMPARE(info->value(u"agents").at(0).value(u"type"), Value("Manager"));
        QCOMPARE(info->value(u"agents").at(1).value(u"type"), Value("EchoAgent"));
    }

    // Across processes: the agent in child i calls the agent in child i+1 by its URL.
    for (int i = 0; i < 4; ++i) {
        const SpawnedAgent &next = agents[std::size_t((i + 1) % 4)];
        Result<Value> name = await(agents[std::size_t(i)].proxy[QStringLiteral("call")](next.url, QStringLiteral("name")));
        VERIFY_RESULT(name);
        QCOMPARE(*name, Value(QStringLiteral("agent-%1").arg((i + 1) % 4)));
        Result<Value> echoed = await(agents[std::size_t(i)].proxy[QStringLiteral("call")](next.url, QStringLiteral("echo"),
                                                                                         Value::list({1, "two", 3.5})));
        VERIFY_RESULT(echoed);
        QCOMPARE(*echoed, Value::list({1, "two", 3.5}));
    }

    // Co-simulation: the external clocks move only by set_time, all together.
    std::vector<std::shared_ptr<std::optional<Result<Value>>>> sleeps;
    for (const SpawnedAgent &agent : agents) {
        QCOMPARE(await(agent.proxy[QStringLiteral("time")]()).value(), Value(0.0));
        QCOMPARE(await(agent.proxy[QStringLiteral("now")]()).value(), Value::from(kStart));
        sleeps.push_back(later(agent.proxy[QStringLiteral("sleep")](5), this));
    }
    Result<void> moved = await(children.setTime(3));
    VERIFY_RESULT(moved);
    for (const SpawnedAgent &agent : agents)
        QCOMPARE(await(agent.proxy[QStringLiteral("time")]()).value(), Value(3.0));
    for (const auto &sleep : sleeps)
        QVERIFY(!sleep->has_value()); // due at 5
    moved = await(children.setTime(10));
    VERIFY_RESULT(moved);
    for (std::size_t i = 0; i < agents.size(); ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(sleeps[i]->has_value(), kTimeoutMs);
        QCOMPARE(sleeps[i]->value().value(), Value(10.0)); // woke seeing the new time
        QCOMPARE(await(agents[i].proxy[QStringLiteral("now")]()).value(), Value::from(kStart.addSecs(10)));
    }
    Result<void> back = await(children.setTime(5));
    QVERIFY(!back);
    QVERIFY2(back.error().message().startsWith(u"sub-process container 0: "), qPrintable(back.error().message()));
    QCOMPARE(lastLine(back.error()), QStringLiteral("ValueError: Time must be > 10 but is 5"));

    // Stop: every child exits 0 by itself, and no process is left.
    await(children.stop());
    QCOMPARE(children.runningCount(), 0);
    QVERIFY(!anyAlive(pids));
    QCOMPARE(finished.count(), 4);
    for (const QList<QVariant> &f : finished) {
        QCOMPARE(f.at(1).toInt(), 0);
        QVERIFY(f.at(2).toBool());
    }
    QCOMPARE(died.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(parent->outgoingConnectionCount(), 0, kTimeoutMs);
    if (transport == Transport::Ipc)
        QCOMPARE(QDir(sockets.path()).entryList(QDir::System | QDir::Files), QStringList());
}

void tst_Subproc::killedChildFailsCallsPromptly()
{
#ifndef Q_OS_UNIX
    QSKIP("needs SIGKILL");
#else
    std::unique_ptr<Container> parent = parentContainer();
    SubprocessContainers children(parent.get(), options());
    QSignalSpy died(&children, &SubprocessContainers::childDied);
    Result<void> up = await(children.start(2));
    VERIFY_RESULT(up);
    const SpawnedAgent a = await(children.spawn(0, kEcho)).value();
    const SpawnedAgent b = await(children.spawn(1, kEcho)).value();
    // Child 0 has its own connection to child 1 already.
    QCOMPARE(await(a.proxy[QStringLiteral("call")](b.url, QStringLiteral("whoami"))).value(), Value(b.url));

    // Two calls in flight into child 1: one from here, one relayed by the agent in child 0.
    // Neither can complete: the external clock never reaches 1000.
    auto direct = later(b.proxy[QStringLiteral("sleep")](1000), this);
    auto relayed = later(a.proxy[QStringLiteral("call")](b.url, QStringLiteral("sleep"), 1000), this);
    // Both have reached child 1: a call behind each on the same connection (requests are
    // handled in the order they arrive) has been answered.
    QCOMPARE(await(b.proxy[QStringLiteral("whoami")]()).value(), Value(b.url));
    QCOMPARE(await(a.proxy[QStringLiteral("call")](b.url, QStringLiteral("whoami"))).value(), Value(b.url));
    QVERIFY(!direct->has_value() && !relayed->has_value());
    const qint64 pid = children.processId(1);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^sub-process container 1 at .* unexpectedly$")));
    QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);

    // Both callers hear of it from the connection, not by their time-out (60 s).
    QTRY_VERIFY_WITH_TIMEOUT(direct->has_value() && relayed->has_value(), kTimeoutMs);
    QVERIFY(!direct->value());
    QVERIFY2(direct->value().error().isConnectionError() && direct->value().error().code() != ErrorCode::Timeout,
             qPrintable(direct->value().error().toString()));
    QVERIFY(!relayed->value());
    QCOMPARE(relayed->value().error().code(), ErrorCode::RemoteException);
    QVERIFY2(lastLine(relayed->value().error()).startsWith(u"ConnectionResetError: "),
             qPrintable(relayed->value().error().toString()));

    QTRY_COMPARE_WITH_TIMEOUT(died.count(), 1, 5000);
    QCOMPARE(died.at(0).at(0).toInt(), 1);
    QCOMPARE(died.at(0).at(1).value<Error>().code(), ErrorCode::ConnectionReset);
    QVERIFY(!children.isRunning(1));
    QVERIFY(children.isRunning(0));

    // Later calls to it fail with a connection error, not by their time-out; the other child
    // is unharmed.
    Result<Value> again = await(b.proxy[QStringLiteral("whoami")]());
    QVERIFY(!again);
    QVERIFY2(again.error().isConnectionError() && again.error().code() != ErrorCode::Timeout,
             qPrintable(again.error().toString()));
    Result<SpawnedAgent> spawned = await(children.spawn(1, kEcho));
    QVERIFY(!spawned);
    QVERIFY2(spawned.error().isConnectionError() && spawned.error().code() != ErrorCode::Timeout,
             qPrintable(spawned.error().toString()));
    Result<void> moved = await(children.setTime(1));
    QVERIFY(!moved);
    QVERIFY2(moved.error().isConnectionError() && moved.error().code() != ErrorCode::Timeout
                 && moved.error().message().startsWith(u"sub-process container 1: "),
             qPrintable(moved.error().toString()));
    QCOMPARE(await(a.proxy[QStringLiteral("time")]()).value(), Value(1.0));

    const qint64 other = children.processId(0);
    await(children.stop());
    QVERIFY(!processAlive(pid));
    QVERIFY(!processAlive(other));
    QCOMPARE(died.count(), 1);
#endif
}

void tst_Subproc::parentKilledChildrenExit_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("SubprocessContainers: stdin EOF and PR_SET_PDEATHSIG") << QStringLiteral("containers");
#ifdef Q_OS_LINUX
    QTest::newRow("PR_SET_PDEATHSIG alone (stdin is /dev/null)") << QStringLiteral("no-stdin");
#endif
}

void tst_Subproc::parentKilledChildrenExit()
{
#ifndef Q_OS_UNIX
    QSKIP("needs SIGKILL");
#else
    QFETCH(QString, mode);
    QProcess parent;
    parent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    parent.start(QStringLiteral(MAS_SUBPROC_PARENT), {QStringLiteral(MAS_CLI), QStringLiteral("3"), mode});
    QVERIFY(parent.waitForStarted(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(parent.canReadLine() || parent.state() != QProcess::Running, kTimeoutMs);
    const QString line = QString::fromUtf8(parent.readLine()).trimmed();
    QVERIFY2(line.startsWith(u"pids: "), qPrintable(line));
    QList<qint64> pids;
    for (const QString &pid : line.mid(6).split(u' '))
        pids << pid.toLongLong();
    QCOMPARE(pids.size(), 3);
    for (qint64 pid : pids)
        QVERIFY(processAlive(pid));

    parent.kill(); // SIGKILL: the parent cleans nothing up
    QVERIFY(parent.waitForFinished(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!anyAlive(pids), 5000);
#endif
}

void tst_Subproc::stdinEofStopsTheContainer()
{
    QProcess child;
    const QString url = startSubproc(child, {QStringLiteral("tcp://127.0.0.1:0")});
    QVERIFY2(url.startsWith(u"tcp://127.0.0.1:") && url.endsWith(u"/0"), qPrintable(url));
    child.closeWriteChannel(); // what the parent's death does to the pipe
    QVERIFY(child.waitForFinished(kTimeoutMs));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
}

void tst_Subproc::terminationSignals_data()
{
    QTest::addColumn<int>("signal");
#ifdef Q_OS_UNIX
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
#endif
}

void tst_Subproc::terminationSignals()
{
#ifndef Q_OS_UNIX
    QSKIP("Unix signals");
#else
    QFETCH(int, signal);
    QProcess child;
    const QString url = startSubproc(child, {QStringLiteral("ipc://") + m_dir.filePath(QStringLiteral("signal.sock"))});
    QCOMPARE(url, QStringLiteral("ipc://[%1]/0").arg(m_dir.filePath(QStringLiteral("signal.sock"))));
    QVERIFY(::kill(pid_t(child.processId()), signal) == 0);
    QVERIFY(child.waitForFinished(kTimeoutMs));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("signal.sock"))));
#endif
}

void tst_Subproc::destructorEndsChildren()
{
    std::unique_ptr<Container> parent = parentContainer();
    auto children = std::make_unique<SubprocessContainers>(parent.get(), options(SubprocessOptions::ClockKind::RealTime));
    Result<void> up = await(children->start(2));
    VERIFY_RESULT(up);
    const QList<qint64> pids = children->processIds();
    QCOMPARE(pids.size(), 2);
    children.reset(); // without stop(): SIGTERM, and the children are gone when it returns
    QVERIFY(!anyAlive(pids));
}

void tst_Subproc::stopEscalates()
{
#ifndef Q_OS_UNIX
    QSKIP("needs a shell");
#else
    // A child that outlives its container and ignores SIGTERM: a shell running `mas subproc`,
    // then sleeping with SIGTERM ignored.
    SubprocessOptions o = options();
    o.executable = m_dir.filePath(QStringLiteral("stubborn-mas.sh"));
    o.stopTimeout = 300ms;
    QFile file(o.executable);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\ntrap '' TERM\n\"" MAS_CLI "\" \"$@\"\nexec sleep 30\n");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    std::unique_ptr<Container> parent = parentContainer();
    SubprocessContainers children(parent.get(), o);
    QSignalSpy finished(&children, &SubprocessContainers::childFinished);
    Result<void> up = await(children.start(1));
    VERIFY_RESULT(up);
    const qint64 pid = children.processId(0);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("did not stop; sending SIGTERM$")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ignored SIGTERM; killing it$")));
    await(children.stop());
    QCOMPARE(children.runningCount(), 0);
    QVERIFY(!processAlive(pid));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(2).toBool(), false); // killed
#endif
}

void tst_Subproc::startFailures_data()
{
    QTest::addColumn<QString>("script"); // shell script used as the `mas` executable; empty: none
    QTest::addColumn<QStringList>("extraArguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("no executable") << QString() << QStringList() << int(ErrorCode::AiomasError) << "Cannot start";
    QTest::newRow("child refuses its arguments")
        << QStringLiteral("mas") << QStringList{QStringLiteral("--clock"), QStringLiteral("sundial")}
        << int(ErrorCode::ConnectionRefused) << "exited with code 2 before it printed its address";
    QTest::newRow("child stays silent") << QStringLiteral("exec sleep 30") << QStringList() << int(ErrorCode::Timeout)
                                        << "did not print its address within 700 ms";
    QTest::newRow("child prints no URL") << QStringLiteral("echo hello; exec sleep 30") << QStringList()
                                         << int(ErrorCode::InvalidAddress) << "";
}

void tst_Subproc::startFailures()
{
    QFETCH(QString, script);
    QFETCH(QStringList, extraArguments);
    QFETCH(int, code);
    QFETCH(QString, message);
    SubprocessOptions o = options();
    o.startTimeout = 700ms;
    o.extraArguments = extraArguments;
    if (script.isEmpty()) {
        o.executable = m_dir.filePath(QStringLiteral("no-such-mas"));
    } else if (script != u"mas") {
        o.executable = m_dir.filePath(QStringLiteral("fake-mas-%1.sh").arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-'));
        QFile file(o.executable);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\n" + script.toUtf8() + '\n');
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
    std::unique_ptr<Container> parent = parentContainer();
    SubprocessContainers children(parent.get(), o);
    QSignalSpy finished(&children, &SubprocessContainers::childFinished);
    QSignalSpy died(&children, &SubprocessContainers::childDied);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^starting sub-process containers failed: ")));
    // It fails (a silent child: after its start time-out, not when the child's sleep ends).
    auto started = later(children.start(2), this);
    QTRY_VERIFY_WITH_TIMEOUT(started->has_value(), kTimeoutMs);
    const Result<void> &up = started->value();
    QVERIFY(!up);
    QCOMPARE(int(up.error().code()), code);
    QVERIFY2(up.error().message().contains(message), qPrintable(up.error().message()));
    // Nothing is left running: the children of the failed start() were ended.
    QCOMPARE(children.runningCount(), 0);
    QCOMPARE(died.count(), 0);
}

void tst_Subproc::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no address") << QStringList() << 2 << "exactly one ADDRESS";
    QTest::newRow("two addresses") << QStringList{QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("tcp://127.0.0.1:0")}
                                   << 2 << "exactly one ADDRESS";
    QTest::newRow("bad address") << QStringList{QStringLiteral("http://127.0.0.1:0")} << 2 << "http";
    QTest::newRow("unknown codec") << QStringList{QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("--codec"), QStringLiteral("xml")}
                                   << 2 << "Unknown codec \"xml\"";
    QTest::newRow("unknown clock") << QStringList{QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("--clock"), QStringLiteral("sundial")}
                                   << 2 << "--clock takes realtime or external";
    QTest::newRow("start without external clock")
        << QStringList{QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("--start"), QStringLiteral("2016-01-01T00:00:00+00:00")}
        << 2 << "--start needs --clock external";
    QTest::newRow("bad start date") << QStringList{QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("--clock"),
                                                   QStringLiteral("external"), QStringLiteral("--start"), QStringLiteral("soon")}
                                    << 2 << "\"soon\" is not an ISO 8601 date";
    QTest::newRow("missing plug-in directory")
        << QStringList{QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("--plugin-path"), QStringLiteral("/nonexistent/plugins")}
        << 2 << "/nonexistent/plugins";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("--bogus")} << 2 << "bogus";
}

void tst_Subproc::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QProcess child;
    child.start(QStringLiteral(MAS_CLI), QStringList{QStringLiteral("subproc")} + args);
    QVERIFY(child.waitForFinished(kTimeoutMs));
    const QString err = QString::fromUtf8(child.readAllStandardError());
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), exitCode);
    QVERIFY2(err.startsWith(u"mas subproc: ") && err.contains(message), qPrintable(err));
    QCOMPARE(child.readAllStandardOutput(), QByteArray());
}

void tst_Subproc::busyAddress()
{
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    QProcess child;
    child.start(QStringLiteral(MAS_CLI), {QStringLiteral("subproc"), QStringLiteral("tcp://127.0.0.1:%1").arg(busy.serverPort())});
    QVERIFY(child.waitForFinished(kTimeoutMs));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 3);
    QVERIFY(child.readAllStandardOutput().isEmpty());
    QVERIFY(child.readAllStandardError().startsWith("mas subproc: "));
}

QTEST_GUILESS_MAIN(tst_Subproc)
#include "tst_subproc.moc"
