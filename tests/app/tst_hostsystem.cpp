// SPDX-License-Identifier: MIT
// `mas host --config SYSTEM.json [--container NAME]`: a system file (the demos' ring of three
// LeaderElectionAgents) run for real on 127.0.0.1, one container per process or all of them in
// one process; the ring elects its largest id by itself (the agents' begin()), which `mas call
// URL state` reads. Ports are picked free when the test runs.

#include <QDir>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "processrun.h"

#include <csignal>
#include <list>
#include <memory>

namespace {

const QString kLeader = QStringLiteral("mas.demos:LeaderElectionAgent");
const QString kInvariantsIgnored = QStringLiteral("the invariants of ring.json are not checked here");

// What the nodes know once the election is over: 42 is the largest id.
const QStringList kElected{QStringLiteral("id 17, awake, knows leader 42"),
                           QStringLiteral("id 42, leader (announced)"),
                           QStringLiteral("id 23, awake, knows leader 42")};

using mas::test::Outcome;

Outcome runMas(const QStringList &args)
{
    return mas::test::runToEnd(QStringLiteral(MAS_CLI), args);
}

/// The state text of the demo agent at `url` (its `state()` method), or the error of the call.
QString state(const QString &url)
{
    const Outcome o =
        runMas({QStringLiteral("call"), url, QStringLiteral("state"), QStringLiteral("--timeout"), QStringLiteral("5")});
    if (o.exitCode != 0)
        return QStringLiteral("exit %1: %2").arg(o.exitCode).arg(o.err);
    // The reply is a JSON string.
    QString text = o.out.trimmed();
    if (text.startsWith(u'"') && text.endsWith(u'"'))
        text = text.mid(1, text.size() - 2);
    return text;
}

/// `count` ports of 127.0.0.1 that are free now; consecutive ones when asked.
QList<quint16> freePorts(int count, bool consecutive)
{
    // Consecutive ports come from below the ephemeral range (32768 and up on Linux): there, the
    // local ends of other connections (thousands in TIME_WAIT after a busy test) never sit.
    QRandomGenerator random(quint32(QCoreApplication::applicationPid()));
    for (int attempt = 0; attempt < 200; ++attempt) {
        std::list<QTcpServer> servers; // held together, so the ports differ
        QList<quint16> ports;
        bool ok = true;
        const int base = consecutive ? 20000 + int(random.bounded(12000)) : 0;
        for (int i = 0; i < count && ok; ++i) {
            const int wanted = consecutive ? base + i : 0;
            ok = wanted <= 65535 && servers.emplace_back().listen(QHostAddress::LocalHost, quint16(wanted));
            if (ok)
                ports << servers.back().serverPort();
        }
        if (ok)
            return ports;
    }
    return {};
}

/// A `mas host` process that runs until the test stops it (killed at the latest when it dies).
class Host
{
public:
    Host() = default;
    Host(const Host &) = delete;
    Host &operator=(const Host &) = delete;
    ~Host()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /// Starts `mas host ARGS...` and reads its first `agents` lines ("URL TYPE"). False (see
    /// error()) if it fails first or takes more than 20 s.
    bool start(const QStringList &args, int agents)
    {
        m_process.start(QStringLiteral(MAS_CLI), QStringList{QStringLiteral("host")} + args);
        if (!m_process.waitForStarted(10'000))
            return false;
        const QDeadlineTimer deadline(20'000);
        while (!deadline.hasExpired()) {
            while (m_process.canReadLine()) {
                const QStringList fields = QString::fromUtf8(m_process.readLine()).trimmed().split(u' ');
                m_urls << fields.value(0);
                m_types << fields.value(1);
            }
            readErrors();
            if (m_urls.size() >= agents)
                return true;
            if (m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(50);
        }
        return false;
    }

    /// Sends `signal` and waits (at most 10 s) for the exit; returns the exit status or -1.
    int stop(int signal = SIGTERM)
    {
        ::kill(pid_t(m_process.processId()), signal);
        if (!m_process.waitForFinished(10'000))
            return -1;
        readErrors();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QStringList urls() const { return m_urls; }
    QStringList types() const { return m_types; }
    /// Its stderr so far (the log).
    QString error()
    {
        readErrors();
        return m_err;
    }

private:
    void readErrors() { m_err += QString::fromUtf8(m_process.readAllStandardError()); }

    QProcess m_process;
    QStringList m_urls;
    QStringList m_types;
    QString m_err;
};

} // namespace

class tst_HostSystem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void oneContainerPerProcess_data();
    void oneContainerPerProcess();
    void allContainersInOneProcess_data();
    void allContainersInOneProcess();
    void stopWhileWaitingForOtherHosts();
    void badInput_data();
    void badInput();
    void busyPortStartsNothing();

private:
    QString pluginDir() const { return QStringLiteral(MAS_DEMOS_PLUGIN_DIR); }
    /// The ring of three (ids 17, 42, 23; n1 → n2 → n3 → n1; not faulty) in containers a, b, c;
    /// `listen[k]` is container k's address (none when empty). `lastAgent` replaces n3's entry,
    /// `extra` is added to the top-level object.
    QByteArray ringFile(const QStringList &listen, const QString &lastAgent = QString(),
                        const QString &extra = QString()) const;
    /// Writes `json` as ring.json in a new directory (messages name the file by its name).
    QString writeFile(const QByteArray &json);

    QTemporaryDir m_dir;
    int m_files = 0;
};

void tst_HostSystem::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QDir(pluginDir()).exists(), qPrintable(pluginDir()));
}

QByteArray tst_HostSystem::ringFile(const QStringList &listen, const QString &lastAgent,
                                    const QString &extra) const
{
    const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    const QString node = QStringLiteral(
        R"({"name": "%1", "type": "mas.demos:LeaderElectionAgent", "args": [%2, "@%3"], "kwargs": {"faulty": false}})");
    const QStringList agents{node.arg(QStringLiteral("n1"), QStringLiteral("17"), QStringLiteral("n2")),
                             node.arg(QStringLiteral("n2"), QStringLiteral("42"), QStringLiteral("n3")),
                             lastAgent.isEmpty()
                                 ? node.arg(QStringLiteral("n3"), QStringLiteral("23"), QStringLiteral("n1"))
                                 : lastAgent};
    QStringList containers;
    for (int k = 0; k < 3; ++k)
        containers << QStringLiteral(R"(
    {"name": "%1", %2"agents": [%3]})")
                          .arg(names[k],
                               listen.value(k).isEmpty() ? QString()
                                                         : QStringLiteral(R"("listen": "%1", )").arg(listen[k]),
                               agents[k]);
    return QStringLiteral(R"({
  "title": "A ring of three",
  "plugin_path": "%1",
  "request_timeout_ms": 10000,
  "containers": [%2
  ],
  "invariants": ["mas.demos:at most one leader"]%3
})")
        .arg(pluginDir(), containers.join(u','), extra)
        .toUtf8();
}

QString tst_HostSystem::writeFile(const QByteArray &json)
{
    const QString dir = m_dir.filePath(QString::number(++m_files));
    if (!QDir().mkpath(dir))
        return {};
    const QString path = QDir(dir).filePath(QStringLiteral("ring.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size())
        return {};
    return path;
}

void tst_HostSystem::help()
{
    const Outcome o = runMas({QStringLiteral("host"), QStringLiteral("--help")});
    QCOMPARE(o.exitCode, 0);
    for (const char *text : {"--container", "System files", "\"containers\"", "\"@NAME\"", "begin()",
                             "PORT+k", "invariants", "--config", "\"agents\"", "Exit status"})
        QVERIFY2(o.out.contains(QLatin1String(text)), text);
}

void tst_HostSystem::oneContainerPerProcess_data()
{
    QTest::addColumn<QList<int>>("order"); // the containers in the order their hosts start
    QTest::newRow("a, b, c") << QList<int>{0, 1, 2};
    QTest::newRow("c, a, b") << QList<int>{2, 0, 1};
}

void tst_HostSystem::oneContainerPerProcess()
{
    QFETCH(QList<int>, order);
    const QList<quint16> ports = freePorts(3, false);
    QCOMPARE(ports.size(), 3);
    QStringList listen;
    for (quint16 port : ports)
        listen << QStringLiteral("tcp://127.0.0.1:%1").arg(port);
    const QString file = writeFile(ringFile(listen));
    QVERIFY(!file.isEmpty());
    const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};

    Host hosts[3];
    for (int k : std::as_const(order)) {
        QVERIFY2(hosts[k].start({QStringLiteral("--config"), file, QStringLiteral("--container"), names[k]}, 1),
                 qPrintable(hosts[k].error()));
        // Only its own agent, on the file's address; "@n..." resolved to the others' addresses.
        QCOMPARE(hosts[k].urls(), QStringList{listen[k] + QStringLiteral("/0")});
        QCOMPARE(hosts[k].types(), QStringList{kLeader});
    }
    // The first host waited for the others before its agents began.
    QTRY_VERIFY2_WITH_TIMEOUT(hosts[order[0]].error().contains(u"waiting for"), qPrintable(hosts[order[0]].error()),
                              10'000);
    for (int k = 0; k < 3; ++k)
        QTRY_COMPARE_WITH_TIMEOUT(state(listen[k] + QStringLiteral("/0")), kElected[k], 30'000);
    // Every host begins its agent once it reaches the others (the election may be over by then:
    // a node that is awake already does not wake up again).
    for (int k = 0; k < 3; ++k)
        QTRY_VERIFY2_WITH_TIMEOUT(hosts[k].error().contains(u"mas.host: 1 agents began"),
                                  qPrintable(hosts[k].error()), 10'000);
    for (int k = 0; k < 3; ++k)
        QCOMPARE(state(listen[k] + QStringLiteral("/0")), kElected[k]);
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(hosts[k].stop(), 0);
        const QString log = hosts[k].error();
        QVERIFY2(log.count(kInvariantsIgnored) == 1, qPrintable(log));
        QVERIFY2(log.contains(u"mas.host: stopped"), qPrintable(log));
    }
}

void tst_HostSystem::allContainersInOneProcess_data()
{
    QTest::addColumn<bool>("bListens"); // container b has a "listen" address of its own
    QTest::newRow("consecutive ports") << false;
    QTest::newRow("b on its own address") << true;
}

void tst_HostSystem::allContainersInOneProcess()
{
    QFETCH(bool, bListens);
    const QList<quint16> ports = freePorts(3, true);
    QCOMPARE(ports.size(), 3);
    QString bAddress;
    if (bListens) {
        const QList<quint16> other = freePorts(1, false);
        QCOMPARE(other.size(), 1);
        bAddress = QStringLiteral("tcp://127.0.0.1:%1").arg(other[0]);
    }
    const QString file = writeFile(ringFile({QString(), bAddress, QString()}));
    QVERIFY(!file.isEmpty());

    Host host;
    QVERIFY2(host.start({QStringLiteral("--config"), file, QStringLiteral("--listen"),
                         QStringLiteral("tcp://127.0.0.1:%1").arg(ports[0])},
                        3),
             qPrintable(host.error()));
    // Container k on port P+k, unless the file gives its address.
    const QStringList urls{QStringLiteral("tcp://127.0.0.1:%1/0").arg(ports[0]),
                           bListens ? bAddress + QStringLiteral("/0")
                                    : QStringLiteral("tcp://127.0.0.1:%1/0").arg(ports[1]),
                           QStringLiteral("tcp://127.0.0.1:%1/0").arg(ports[2])};
    QCOMPARE(host.urls(), urls);
    QCOMPARE(host.types(), (QStringList{kLeader, kLeader, kLeader}));
    for (int k = 0; k < 3; ++k)
        QTRY_COMPARE_WITH_TIMEOUT(state(urls[k]), kElected[k], 30'000);
    QCOMPARE(host.stop(), 0);
    const QString log = host.error();
    QVERIFY2(log.count(kInvariantsIgnored) == 1, qPrintable(log)); // once, not per container
    QVERIFY2(log.contains(u"mas.demos:at most one leader"), qPrintable(log));
    QVERIFY2(log.contains(u"mas.host: 3 agents began"), qPrintable(log));
    QVERIFY2(!log.contains(u"waiting for"), qPrintable(log)); // no other hosts
    QVERIFY2(log.contains(u"mas.host: stopped"), qPrintable(log));
}

void tst_HostSystem::stopWhileWaitingForOtherHosts()
{
    const QList<quint16> ports = freePorts(3, false);
    QCOMPARE(ports.size(), 3);
    QStringList listen;
    for (quint16 port : ports)
        listen << QStringLiteral("tcp://127.0.0.1:%1").arg(port);
    const QString file = writeFile(ringFile(listen));
    Host host;
    QVERIFY2(host.start({QStringLiteral("--config"), file, QStringLiteral("--container"), QStringLiteral("b")}, 1),
             qPrintable(host.error()));
    // For n3 on c, which n2 refers to, and for n1 on a (every agent of the file exists before any
    // begins).
    QTRY_VERIFY2_WITH_TIMEOUT(host.error().contains(u"waiting for tcp://127.0.0.1:"), qPrintable(host.error()),
                              10'000);
    QVERIFY2(host.error().contains(QStringLiteral("waiting for %1/0").arg(listen[0]))
                 || host.error().contains(QStringLiteral("waiting for %1/0").arg(listen[2])),
             qPrintable(host.error()));
    // Its agent serves meanwhile, asleep.
    QCOMPARE(state(host.urls().value(0)), QStringLiteral("id 42, asleep"));
    // SIGINT ends the wait: the host exits with status 0 and says why (had it waited on, stop()
    // would time out and answer -1).
    QCOMPARE(host.stop(SIGINT), 0);
    QVERIFY2(!host.error().contains(u"agents began"), qPrintable(host.error()));
    QVERIFY2(host.error().contains(u"got SIGINT"), qPrintable(host.error()));
}

void tst_HostSystem::badInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString any = QStringLiteral("tcp://127.0.0.1:0");
    const QStringList all{QStringLiteral("--listen"), any};
    const QStringList listening{any, any, any};

    QTest::newRow("unknown container")
        << ringFile(listening) << QStringList{QStringLiteral("--container"), QStringLiteral("x")}
        << "mas host: ring.json: containers: No container is called \"x\" (--container names one of: a, b, c)";
    // n1 on a refers to n2 on b, which another host would run: where?
    QTest::newRow("referenced container without listen")
        << ringFile({any}) << QStringList{QStringLiteral("--container"), QStringLiteral("a")}
        << "mas host: ring.json: containers[1].listen: Missing: containers[0].agents[0].args (\"@n2\") refers to an agent "
           "of the container \"b\"";
    QTest::newRow("the container itself without listen")
        << ringFile({}) << QStringList{QStringLiteral("--container"), QStringLiteral("a")}
        << "mas host: ring.json: containers[0].listen: Missing: give the container \"a\" the address it listens on";
    QTest::newRow("no --listen and no listen addresses")
        << ringFile({}) << QStringList() << "mas host: ring.json: containers[0].listen: Missing: give every container";
    QTest::newRow("some listen addresses, no --listen")
        << ringFile({any, QString(), any}) << QStringList() << "mas host: ring.json: containers[1].listen: Missing";
    QTest::newRow("--listen on a Unix socket for several containers")
        << ringFile({}) << QStringList{QStringLiteral("--listen"), QStringLiteral("ipc:///tmp/mas-ring.sock")}
        << "Without --container, --listen gives the first of consecutive ports";
    QTest::newRow("unknown agent type")
        << ringFile({},
                    QStringLiteral(
                        R"({"name": "n3", "type": "mas.demos:LeaderElectionAgnt", "args": [23, "@n1"]})"))
        << all
        << "mas host: ring.json: containers[2].agents[0].type: No agent type \"mas.demos:LeaderElectionAgnt\" is "
           "registered";
    // The last container's agent fails after the others exist: nothing is printed, all stop.
    QTest::newRow("bad constructor arguments")
        << ringFile({}, QStringLiteral(R"({"name": "n3", "type": "mas.demos:LeaderElectionAgent", "args": ["x", "@n1"]})"))
        << all << "mas host: ring.json: containers[2].agents[0]: LeaderElectionAgent() argument 'ring_id'";
    QTest::newRow("missing constructor argument")
        << ringFile({}, QStringLiteral(R"({"name": "n3", "type": "mas.demos:LeaderElectionAgent", "args": [23]})"))
        << all << "mas host: ring.json: containers[2].agents[0]: LeaderElectionAgent() missing 1 required positional";
    QTest::newRow("unresolvable @name")
        << ringFile({}, QStringLiteral(R"({"name": "n3", "type": "mas.demos:LeaderElectionAgent", "args": [23, "@n4"]})"))
        << all << "mas host: ring.json: containers[2].agents[0].args[1]: No agent is called \"n4\"";
    QTest::newRow("unknown key") << ringFile({}, QString(), QStringLiteral(R"(, "containter": [])")) << all
                                 << "mas host: ring.json: containter: Unknown key";
    QTest::newRow("a host's key") << ringFile({}, QString(), QStringLiteral(R"(, "agents": [])")) << all
                                  << "mas host: ring.json: agents: A system file lists its agents under \"containers\"";
    // Syntax errors are found before the file is known to be a system file: as for any config.
    QTest::newRow("invalid JSON") << QByteArray(R"({"containers": [}])") << all << "/ring.json:1:";
    QTest::newRow("monitor not a boolean") << ringFile({}, QString(), QStringLiteral(R"(, "monitor": "yes")"))
                                           << all << "mas host: ring.json: monitor: Expected true or false, not a string";
    QTest::newRow("unknown tls key")
        << ringFile({}, QString(), QStringLiteral(R"(, "tls": {"ca": "ca.pem", "crt": "host.pem"})")) << all
        << "mas host: ring.json: tls.crt: Unknown key (known: ca, cert, key)";
    QTest::newRow("--container without a system file")
        << QByteArray(R"({"agents": []})") << QStringList{QStringLiteral("--container"), QStringLiteral("a")}
        << "--container NAME picks a container of a system file";
}

void tst_HostSystem::badInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString file = writeFile(json);
    QVERIFY(!file.isEmpty());
    const Outcome o = runMas(QStringList{QStringLiteral("host"), QStringLiteral("--config"), file} + args);
    QVERIFY2(o.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(o.exitCode).arg(o.err)));
    QVERIFY2(o.err.startsWith(u"mas host: "), qPrintable(o.err));
    QVERIFY2(o.err.contains(message), qPrintable(o.err));
    QCOMPARE(o.out, QString()); // no "URL TYPE" line: nothing started
    QVERIFY2(!o.err.contains(u"began"), qPrintable(o.err));
}

void tst_HostSystem::busyPortStartsNothing()
{
    // Container c's address is taken: a and b listened already, and stop again.
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    const QString busy = QStringLiteral("tcp://127.0.0.1:%1").arg(taken.serverPort());
    const QString file = writeFile(ringFile({QString(), QString(), busy}));
    const Outcome o = runMas({QStringLiteral("host"), QStringLiteral("--config"), file, QStringLiteral("--listen"),
                              QStringLiteral("tcp://127.0.0.1:0")});
    QVERIFY2(o.exitCode == 3, qPrintable(QStringLiteral("exit %1: %2").arg(o.exitCode).arg(o.err)));
    QVERIFY2(o.err.contains(QStringLiteral("Cannot listen on %1").arg(busy)), qPrintable(o.err));
    QCOMPARE(o.out, QString());
}

QTEST_GUILESS_MAIN(tst_HostSystem)
#include "tst_hostsystem.moc"
