// SPDX-License-Identifier: MIT
// `mas host` as a real process serving the example plug-in's agents, reached with `mas call`
// (also a real process) over 127.0.0.1, a Unix socket in a temporary directory and mutual TLS.

#include "certificates.h"

#include <mas/codec/msgpackcodec.h>
#include <mas/transport/framing.h>

#include <QDir>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpSocket>

#include "processrun.h"

#include <unistd.h>

#include <csignal>
#include <memory>

namespace {

const QString kGreeter = QStringLiteral("greeter.agents:Greeter");
const QString kCounter = QStringLiteral("greeter.agents:Counter");

using mas::test::Outcome;

/// Runs `mas ARGS...` to its end (at most 30 s).
Outcome runMas(const QStringList &args)
{
    return mas::test::runToEnd(QStringLiteral(MAS_CLI), args);
}

Outcome call(const QStringList &args)
{
    return runMas(QStringList{QStringLiteral("call")} + args);
}

/// Whether process `pid` holds the server end of an established TCP connection to local port
/// `port`, that is, has accepted one (Linux: the kernel's socket table, /proc/net/tcp, with
/// hexadecimal ports and state 01 for ESTABLISHED, and the process's descriptors).
bool hasAcceptedOn(qint64 pid, quint16 port)
{
    QFile table(QStringLiteral("/proc/net/tcp"));
    if (!table.open(QIODevice::ReadOnly))
        return false;
    const QByteArray local = ':' + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    QSet<QByteArray> sockets; // "socket:[inode]", as the descriptors' links read
    for (const QByteArray &line : table.readAll().split('\n')) {
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 9 && fields[1].endsWith(local) && fields[3] == "01")
            sockets.insert("socket:[" + fields[9] + ']');
    }
    const QDir descriptors(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &fd : descriptors.entryList(QDir::Files | QDir::System)) {
        const QByteArray path = QFile::encodeName(descriptors.filePath(fd));
        char target[64] = {};
        const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
        if (n > 0 && sockets.contains(QByteArray(target, n)))
            return true;
    }
    return false;
}

/// A `mas host` process that runs until the test stops it (killed at the latest when it dies).
class Host
{
public:
    ~Host()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /// Starts `mas host ARGS...` and reads the first `agents` lines ("URL TYPE") of its stdout;
    /// with no agents, waits for its "serving" log line. False (see error()) if it fails first.
    bool start(const QStringList &args, int agents)
    {
        m_process.start(QStringLiteral(MAS_CLI), QStringList{QStringLiteral("host")} + args);
        if (!m_process.waitForStarted(10'000))
            return false;
        const QDeadlineTimer deadline(20'000);
        while (!deadline.hasExpired()) {
            while (m_process.canReadLine()) {
                const QStringList fields =
                    QString::fromUtf8(m_process.readLine()).trimmed().split(u' ');
                m_urls << fields.value(0);
                m_types << fields.value(1);
            }
            m_err += QString::fromUtf8(m_process.readAllStandardError());
            if (m_urls.size() >= agents && (agents > 0 || m_err.contains(u"serving")))
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
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QStringList urls() const { return m_urls; }
    QStringList types() const { return m_types; }
    qint64 processId() const { return m_process.processId(); }
    /// The container's address (an agent URL without its id) for service calls.
    QString address() const
    {
        const QString url = m_urls.value(0);
        return url.startsWith(u"ipc://[")
                   ? QStringLiteral("ipc://") + url.mid(7, url.indexOf(u']') - 7)
                   : url.left(url.lastIndexOf(u'/'));
    }
    QString error()
    {
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        return m_err;
    }

private:
    QProcess m_process;
    QStringList m_urls;
    QStringList m_types;
    QString m_err;
};

} // namespace

class tst_MasHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void listAgentTypes();
    void servesAgents_data();
    void servesAgents();
    void commandLineOverridesConfig();
    void badConfig_data();
    void badConfig();
    void unknownAgentType();
    void publicProfile();
    void publicProfileBoundsWorkPerFrame();
    void busyAddress();
    void terminateWhileCalling_data();
    void terminateWhileCalling();
    void monitor();
    void tls();
    void tlsRefusesOldProtocolsAndAnonymousClients_data();
    void tlsRefusesOldProtocolsAndAnonymousClients();

private:
    QString writeConfig(const QString &name, const QByteArray &json);
    QString pluginDir() const { return QStringLiteral(MAS_PLUGIN_DIR); }
    QStringList plugins() const { return {QStringLiteral("--plugin-path"), pluginDir()}; }

    QTemporaryDir m_dir;
};

void tst_MasHost::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QDir(pluginDir()).exists(), qPrintable(pluginDir()));
}

QString tst_MasHost::writeConfig(const QString &name, const QByteArray &json)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size())
        return {};
    return path;
}

void tst_MasHost::help()
{
    const Outcome o = runMas({QStringLiteral("host"), QStringLiteral("--help")});
    QCOMPARE(o.exitCode, 0);
    for (const char *text : {"--listen", "--config", "--codec", "--clock", "--start", "--tls-ca",
                             "--tls-cert", "--tls-key", "--plugin-path", "--monitor",
                             "--list-agent-types", "\"agents\"", "\"count\"", "Exit status",
                             "--profile", "\"profile\"", "\"limits\"", "--max-connections",
                             "--max-connections-per-peer", "--idle-timeout-ms", "--frame-timeout-ms",
                             "--min-frame-byte-rate", "--max-frame-size", "--memory-budget",
                             "--max-write-buffer", "--max-pending-requests",
                             "--max-decompression-ratio", "--max-decompressed-size",
                             "--max-elements", "--offload-decode-bytes", "--handshake-timeout-ms"})
        QVERIFY2(o.out.contains(QLatin1String(text)), text);
    // `mas` alone names the command.
    QVERIFY(runMas({QStringLiteral("--help")}).err.contains(u"host"));
}

void tst_MasHost::listAgentTypes()
{
    const Outcome o = runMas(
        QStringList{QStringLiteral("host"), QStringLiteral("--list-agent-types")} + plugins());
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QVERIFY2(o.out.contains(kCounter + QStringLiteral("\t(start=0)\t")), qPrintable(o.out));
    QVERIFY2(o.out.contains(kGreeter + QStringLiteral("\t(greeting='Hello')\t")),
             qPrintable(o.out));
}

void tst_MasHost::servesAgents_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("tcp") << QStringLiteral("tcp://127.0.0.1:0")
                         << QStringLiteral("tcp://127.0.0.1:");
    const QString socket = m_dir.filePath(QStringLiteral("host.sock"));
    QTest::newRow("unix socket") << QStringLiteral("ipc://") + socket
                                 << QStringLiteral("ipc://[%1]/").arg(socket);
}

void tst_MasHost::servesAgents()
{
    QFETCH(QString, listen);
    QFETCH(QString, prefix);
    const QString config = writeConfig(QStringLiteral("serve.json"), R"({
        "agents": [
            {"type": "greeter.agents:Greeter", "args": ["Hi"], "count": 2},
            {"type": "greeter.agents:Counter", "kwargs": {"start": 5}}
        ]
    })");
    Host host;
    QVERIFY2(host.start(
                 QStringList{QStringLiteral("--listen"), listen, QStringLiteral("--config"), config}
                     + plugins(),
                 3),
             qPrintable(host.error()));
    QCOMPARE(host.types(), (QStringList{kGreeter, kGreeter, kCounter}));
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(host.urls()[i].startsWith(prefix), qPrintable(host.urls()[i]));
        QVERIFY(host.urls()[i].endsWith(u'/' + QString::number(i)));
    }

    Outcome o = call({host.urls()[1], QStringLiteral("greet"), QStringLiteral("\"World\"")});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(o.out, QStringLiteral("\"Hi, World!\"\n"));
    o = call({host.urls()[2], QStringLiteral("increment"), QStringLiteral("--kw"),
              QStringLiteral("by=2")});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(o.out, QStringLiteral("7\n"));
    o = call({host.urls()[2], QStringLiteral("value")});
    QCOMPARE(o.out, QStringLiteral("7\n"));
    // The root service is aiomas's: validate_aid names the agent's class.
    o = call({host.address(), QStringLiteral("validate_aid"), QStringLiteral("\"2\"")});
    QCOMPARE(o.out, QStringLiteral("\"Counter\"\n"));

    QCOMPARE(host.stop(), 0);
    QVERIFY2(host.error().contains(u"mas.host: stopped"), qPrintable(host.error()));
    if (listen.startsWith(u"ipc://"))
        QVERIFY(!QFile::exists(listen.mid(6))); // the socket file is gone
}

void tst_MasHost::commandLineOverridesConfig()
{
    // The config's listen, codec and clock are overridden; its plug-in path is relative to it.
    const QString config = writeConfig(QStringLiteral("override.json"),
                                       QStringLiteral(R"({
        "listen": "ipc://%1",
        "codec": "json",
        "clock": "realtime",
        "plugin_path": ["%2"],
        "agents": [{"type": "greeter.agents:Greeter"}]
    })")
                                           .arg(m_dir.filePath(QStringLiteral("unused.sock")),
                                                QDir(m_dir.path()).relativeFilePath(pluginDir()))
                                           .toUtf8());
    Host host;
    QVERIFY2(host.start({QStringLiteral("--config"), config, QStringLiteral("--listen"),
                         QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("--codec"),
                         QStringLiteral("msgpack"), QStringLiteral("--clock"),
                         QStringLiteral("external"), QStringLiteral("--start"),
                         QStringLiteral("2016-01-01T00:00:00Z"), QStringLiteral("--monitor")},
                        1),
             qPrintable(host.error()));
    QVERIFY(host.urls()[0].startsWith(u"tcp://127.0.0.1:"));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("unused.sock"))));
    const QStringList msgpack{QStringLiteral("--codec"), QStringLiteral("msgpack")};
    Outcome o = call(QStringList{host.urls()[0], QStringLiteral("greet"), QStringLiteral("\"you\"")}
                     + msgpack);
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(o.out, QStringLiteral("\"Hello, you!\"\n"));
    // The external clock stands at its start.
    o = call(QStringList{host.address(), QStringLiteral("_monitor/info")} + msgpack);
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QVERIFY2(o.out.contains(u"\"time\": 0.0,"), qPrintable(o.out));
    QCOMPARE(host.stop(), 0);
}

void tst_MasHost::badConfig_data()
{
    QTest::addColumn<QByteArray>("config"); // empty: no --config
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QStringList tcp{QStringLiteral("--listen"), QStringLiteral("tcp://127.0.0.1:0")};
    const QByteArray greeter = R"({"agents": [{"type": "greeter.agents:Greeter"}]})";

    QTest::newRow("invalid json") << QByteArray(
        "{\n  \"agents\": [\n    {\"type\": \"x\",}\n  ]\n}")
                                  << tcp << "bad.json:3:19: invalid JSON: ";
    QTest::newRow("empty file") << QByteArray(" ") << tcp << "bad.json:1:2: invalid JSON: ";
    QTest::newRow("not an object")
        << QByteArray("[1]") << tcp << "bad.json: the config must be a JSON object, not an array";
    QTest::newRow("unknown key")
        << QByteArray(R"({"agent": []})") << tcp
        << "bad.json: unknown key \"agent\" in the config (known keys: listen, codec, clock, tls, "
           "plugin_path, monitor, agents, profile, limits)";
    QTest::newRow("unknown agent key")
        << QByteArray(R"({"agents": [{"type": "greeter.agents:Greeter", "arg": []}]})") << tcp
        << "unknown key \"arg\" in agents[0] (known keys: type, args, kwargs, count)";
    QTest::newRow("unknown clock key") << QByteArray(R"({"clock": {"kind": "external"}})") << tcp
                                       << "unknown key \"kind\" in \"clock\"";
    QTest::newRow("duplicate key") << QByteArray(R"({"codec": "json", "codec": "msgpack"})") << tcp
                                   << "bad.json:1:19: key \"codec\" appears twice in one object";
    QTest::newRow("duplicate agent key, escaped")
        << QByteArray("{\"agents\": [\n  {\"type\": \"greeter.agents:Greeter\", \"count\": 1, "
                      "\"c\\u006funt\": 2}\n]}")
        << tcp << "bad.json:2:50: key \"count\" appears twice in one object";
    QTest::newRow("same key in two objects")
        << QByteArray(R"({"agents": [{"type": "greeter.agents:Greeter", "args": ["type"]}],
                                                           "clock": {"type": "realtime"}, "type": 1})")
        << tcp << "unknown key \"type\" in the config";
    QTest::newRow("agents not an array") << QByteArray(R"({"agents": {"type": "x"}})") << tcp
                                         << "\"agents\" must be an array, not an object";
    QTest::newRow("agent not an object") << QByteArray(R"({"agents": ["greeter.agents:Greeter"]})")
                                         << tcp << "\"agents[0]\" must be an object";
    QTest::newRow("no type") << QByteArray(R"({"agents": [{"args": []}]})") << tcp
                             << "agents[0] has no \"type\"";
    QTest::newRow("type not a string")
        << QByteArray(R"({"agents": [{"type": 3}]})") << tcp
        << "\"agents[0].type\" must be a non-empty string, not a number";
    QTest::newRow("count a string")
        << QByteArray(R"({"agents": [{"type": "greeter.agents:Greeter", "count": "2"}]})") << tcp
        << "\"agents[0].count\" must be a positive integer, not a string";
    QTest::newRow("count zero") << QByteArray(
        R"({"agents": [{"type": "greeter.agents:Greeter", "count": 0}]})")
                                << tcp << "\"agents[0].count\" must be a positive integer, not 0";
    QTest::newRow("count fractional")
        << QByteArray(R"({"agents": [{"type": "greeter.agents:Greeter", "count": 1.5}]})") << tcp
        << "\"agents[0].count\" must be a positive integer, not a number";
    QTest::newRow("args not an array")
        << QByteArray(R"({"agents": [{"type": "greeter.agents:Greeter", "args": "Hi"}]})") << tcp
        << "\"agents[0].args\" must be an array, not a string";
    QTest::newRow("kwargs not an object")
        << QByteArray(R"({"agents": [{"type": "greeter.agents:Greeter", "kwargs": []}]})") << tcp
        << "\"agents[0].kwargs\" must be an object, not an array";
    QTest::newRow("monitor not a boolean") << QByteArray(R"({"monitor": "yes"})") << tcp
                                           << "\"monitor\" must be true or false, not a string";
    QTest::newRow("listen not a string") << QByteArray(R"({"listen": 5555})") << QStringList()
                                         << "\"listen\" must be a non-empty string, not a number";
    QTest::newRow("tls not an object")
        << QByteArray(R"({"tls": "ca.pem"})") << tcp << "\"tls\" must be an object";
    QTest::newRow("unknown clock") << QByteArray(R"({"clock": "sundial"})") << tcp
                                   << "Unknown clock \"sundial\": use realtime or external";
    QTest::newRow("external clock without start")
        << QByteArray(R"({"clock": {"type": "external"}})") << tcp
        << "The external clock needs a start date";
    QTest::newRow("bad start date")
        << QByteArray(R"({"clock": {"type": "external", "start": "yesterday"}})") << tcp
        << "yesterday";
    QTest::newRow("start for the real-time clock")
        << QByteArray()
        << (tcp + QStringList{QStringLiteral("--start"), QStringLiteral("2016-01-01T00:00:00Z")})
        << "A start date is for the external clock";
    QTest::newRow("unknown codec") << QByteArray(R"({"codec": "xml"})") << tcp << "Unknown codec";
    QTest::newRow("partial tls") << QByteArray(R"({"tls": {"ca": "ca.pem"}})") << tcp
                                 << "TLS needs all of --tls-ca, --tls-cert and --tls-key";
    QTest::newRow("tls on a unix socket")
        << QByteArray(R"({"tls": {"ca": "ca.pem", "cert": "c.pem", "key": "c.key"}})")
        << QStringList{QStringLiteral("--listen"), QStringLiteral("ipc:///tmp/mas-host-tls.sock")}
        << "TLS is for tcp://";
    QTest::newRow("no address") << greeter << QStringList() << "No address to listen on";
    QTest::newRow("bad address") << greeter
                                 << QStringList{QStringLiteral("--listen"),
                                                QStringLiteral("udp://x:1")}
                                 << "Cannot parse address";
    QTest::newRow("missing config file")
        << QByteArray()
        << (tcp + QStringList{QStringLiteral("--config"), QStringLiteral("/nonexistent/x.json")})
        << "Cannot read the config file /nonexistent/x.json";
    QTest::newRow("missing plug-in directory")
        << QByteArray()
        << (tcp
            + QStringList{QStringLiteral("--plugin-path"), QStringLiteral("/nonexistent/plugins")})
        << "The plug-in directory \"/nonexistent/plugins\" does not exist";
    QTest::newRow("unknown option")
        << QByteArray() << (tcp + QStringList{QStringLiteral("--agents")})
        << "Unknown option 'agents'";
    QTest::newRow("positional argument")
        << QByteArray() << (tcp + QStringList{QStringLiteral("greeter.json")})
        << "Unexpected argument \"greeter.json\"";
    // Constructor arguments are checked by the plug-in's factory, with Python's TypeError texts.
    QTest::newRow("too many arguments")
        << QByteArray(R"({"agents": [{"type": "greeter.agents:Greeter", "args": ["a", "b"]}]})")
        << tcp
        << "agents[0] (greeter.agents:Greeter): Greeter() takes from 0 to 1 positional "
           "arguments but 2 were given";
    QTest::newRow("argument of the wrong type")
        << QByteArray(R"({"agents": [{"type": "greeter.agents:Greeter", "args": [5]}]})") << tcp
        << "agents[0] (greeter.agents:Greeter): Greeter() argument 'greeting': expected str";
    QTest::newRow("unknown keyword argument") << QByteArray(
        R"({"agents": [{"type": "greeter.agents:Greeter"}, {"type": "greeter.agents:Counter", "kwargs": {"stop": 1}}]})")
                                              << tcp
                                              << "agents[1] (greeter.agents:Counter): Counter() "
                                                 "got an unexpected keyword argument 'stop'";
    QTest::newRow("unknown profile")
        << QByteArray() << (tcp + QStringList{QStringLiteral("--profile"), QStringLiteral("open")})
        << "Unknown profile \"open\": use trusted (the default) or public";
    QTest::newRow("limit option not a number")
        << QByteArray() << (tcp + QStringList{QStringLiteral("--memory-budget"), QStringLiteral("1G")})
        << "--memory-budget takes an integer of at least 0, not \"1G\"";
    QTest::newRow("limit in the config")
        << QByteArray(R"({"limits": {"max_connections": -5}})") << tcp
        << "\"limits.max_connections\" must be an integer of at least 1, not -5";
}

void tst_MasHost::badConfig()
{
    QFETCH(QByteArray, config);
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QStringList all = QStringList{QStringLiteral("host")} + args + plugins();
    if (!config.isEmpty()) {
        const QString file = writeConfig(QStringLiteral("bad.json"), config);
        QVERIFY(!file.isEmpty());
        all << QStringLiteral("--config") << file;
    }
    const Outcome o = runMas(all);
    QVERIFY2(o.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(o.exitCode).arg(o.err)));
    QVERIFY2(o.err.contains(message), qPrintable(o.err));
    QCOMPARE(o.out, QString()); // nothing that a script could take for an agent
}

void tst_MasHost::publicProfile()
{
    // --profile public, with one limit of the config over it and one of the command line over
    // both: the host logs the limits in force, and a peer's third connection is refused while
    // another peer's call is served.
    const QString config = writeConfig(QStringLiteral("public.json"), R"({
        "profile": "public", "limits": {"max_connections_per_peer": 5, "idle_timeout_ms": 120000},
        "agents": [{"type": "greeter.agents:Greeter"}]
    })");
    Host host;
    QVERIFY2(host.start(QStringList{QStringLiteral("--listen"), QStringLiteral("tcp://127.0.0.1:0"),
                                    QStringLiteral("--config"), config,
                                    QStringLiteral("--max-connections-per-peer"), QStringLiteral("2")}
                            + plugins(),
                        1),
             qPrintable(host.error()));
    QVERIFY(QTest::qWaitFor([&] { return host.error().contains(u"serving"); }, 10'000));
    QVERIFY2(host.error().contains(
                 u"mas.host: limits: profile public, max_connections 256, max_connections_per_peer "
                 u"2, idle_timeout_ms 120000, frame_timeout_ms 10000, min_frame_byte_rate 65536, "
                 u"max_frame_size 4194304, memory_budget 268435456, max_write_buffer 1048576, "
                 u"max_pending_requests 100, max_decompression_ratio 32, max_decompressed_size "
                 u"16777216, max_elements 100000"),
             qPrintable(host.error()));
    const quint16 port = quint16(host.address().section(u':', -1).toUInt());
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 3; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        QVERIFY(sockets.back()->bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        sockets.back()->connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(sockets.back()->waitForConnected(10'000));
    }
    QVERIFY(QTest::qWaitFor([&] { return host.error().contains(u"the limit per peer"); }, 10'000));
    QVERIFY2(host.error().contains(QRegularExpression(
                 QStringLiteral("mas.channel: Refused a connection from 127.0.0.2:\\d+: it has 2 "
                                "connections to the server on tcp://127.0.0.1:\\d+, the limit per "
                                "peer \\(maxConnectionsPerPeer\\)"))),
             qPrintable(host.error()));
    const Outcome o = call({host.urls()[0], QStringLiteral("greet"), QStringLiteral("\"you\"")});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(host.stop(), 0);
}

void tst_MasHost::publicProfileBoundsWorkPerFrame()
{
    // A public-profile host on msgpackblosc refuses, over 127.0.0.1, a Blosc bomb on its header
    // (the ratio) and an array of 200,000 values while decoding (maxElements), closing each
    // connection with one clear log line; a good client is served before and after.
    Host host;
    QVERIFY2(host.start(QStringList{QStringLiteral("--listen"), QStringLiteral("tcp://127.0.0.1:0"),
                                    QStringLiteral("--codec"), QStringLiteral("msgpackblosc"),
                                    QStringLiteral("--profile"), QStringLiteral("public"),
                                    QStringLiteral("--config"),
                                    writeConfig(QStringLiteral("bounded.json"),
                                                R"({"agents": [{"type": "greeter.agents:Greeter"}]})")}
                            + plugins(),
                        1),
             qPrintable(host.error()));
    QVERIFY(QTest::qWaitFor([&] { return host.error().contains(u"serving"); }, 10'000));
    QVERIFY2(host.error().contains(u"max_decompression_ratio 32, max_decompressed_size 16777216, "
                                   u"max_elements 100000"),
             qPrintable(host.error()));
    const QStringList codec{QStringLiteral("--codec"), QStringLiteral("msgpackblosc")};
    const auto greet = [&] {
        const Outcome o =
            call(QStringList{host.urls()[0], QStringLiteral("greet"), QStringLiteral("\"you\"")} + codec);
        return o.exitCode == 0 && o.out == QStringLiteral("\"Hello, you!\"\n");
    };
    QVERIFY(greet());
    const quint16 port = quint16(host.address().section(u':', -1).toUInt());
    // Sends `payload` framed on a new connection; true when the host closes it.
    const auto closedAfter = [port](const QByteArray &payload) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(10'000))
            return false;
        socket.write(mas::encodeFrame(payload).value());
        QDeadlineTimer deadline(30'000);
        while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
            socket.waitForReadyRead(100);
        return socket.state() != QAbstractSocket::ConnectedState;
    };

    // 8 MiB of zeros in a frame of some 30 KB: within max_decompressed_size, not the ratio.
    const QByteArray bomb = mas::MsgPackBloscCodec::compress(QByteArray(8 * 1024 * 1024, '\0')).value();
    QVERIFY(bomb.size() * 32 < 8 * 1024 * 1024);
    QVERIFY(closedAfter(bomb));
    QVERIFY(QTest::qWaitFor([&] { return host.error().contains(u"maxDecompressionRatio"); }, 10'000));
    QVERIFY2(host.error().contains(QRegularExpression(QStringLiteral(
                 "mas.channel: closing the connection to \\S+ : Received an invalid "
                 "message: Invalid blosc frame: \\d+ bytes would decompress to 8388608 bytes, more "
                 "than 32 times as many \\(maxDecompressionRatio\\)"))),
             qPrintable(host.error()));
    QVERIFY(greet());

    // A MsgPack array of 200,000 random 32-bit values (1 MB, barely compressible, so within the
    // ratio and max_frame_size): decoding stops at the 100,001st.
    QByteArray array;
    const quint32 count = 200'000;
    array.reserve(5 + 5 * count);
    array += char(0xdd);
    for (int shift = 24; shift >= 0; shift -= 8)
        array += char((count >> shift) & 0xff);
    QRandomGenerator random(26);
    for (quint32 i = 0; i < count; ++i) {
        const quint32 v = random.generate();
        array += char(0xce);
        for (int shift = 24; shift >= 0; shift -= 8)
            array += char((v >> shift) & 0xff);
    }
    const QByteArray packed = mas::MsgPackBloscCodec::compress(array).value();
    QVERIFY(packed.size() * 32 > array.size());
    QVERIFY(closedAfter(packed));
    QVERIFY(QTest::qWaitFor([&] { return host.error().contains(u"more than 100000 elements"); }, 10'000));
    QVERIFY2(host.error().contains(QRegularExpression(QStringLiteral(
                 "mas.channel: closing the connection to \\S+ : Received an invalid "
                 "message: The payload holds more than 100000 elements"))),
             qPrintable(host.error()));
    QVERIFY(greet());
    QCOMPARE(host.stop(), 0);
}

void tst_MasHost::unknownAgentType()
{
    const QString config = writeConfig(QStringLiteral("typo.json"),
                                       R"({"agents": [{"type": "greeter.agents:Greter"}]})");
    Outcome o =
        runMas(QStringList{QStringLiteral("host"), QStringLiteral("--listen"),
                           QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("--config"), config}
               + plugins());
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(u"agents[0]: No agent type \"greeter.agents:Greter\" is registered"),
             qPrintable(o.err));
    QVERIFY2(o.err.contains(QStringLiteral("Known types: %1, %2").arg(kCounter, kGreeter)),
             qPrintable(o.err));
    // Without plug-ins nothing is known, and the message says where types come from.
    o = runMas({QStringLiteral("host"), QStringLiteral("--listen"),
                QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("--config"), config});
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(u"--plugin-path"), qPrintable(o.err));
}

void tst_MasHost::busyAddress()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    const QString address = QStringLiteral("tcp://127.0.0.1:%1").arg(taken.serverPort());
    Outcome o = runMas(QStringList{QStringLiteral("host"), QStringLiteral("--listen"), address}
                       + plugins());
    QCOMPARE(o.exitCode, 3);
    QVERIFY2(o.err.contains(QStringLiteral("Cannot listen on %1").arg(address)), qPrintable(o.err));

    // A Unix socket a living host serves is busy too (a stale file would be taken over).
    const QString socket = QStringLiteral("ipc://") + m_dir.filePath(QStringLiteral("busy.sock"));
    Host first;
    QVERIFY2(first.start({QStringLiteral("--listen"), socket}, 0), qPrintable(first.error()));
    o = runMas({QStringLiteral("host"), QStringLiteral("--listen"), socket});
    QCOMPARE(o.exitCode, 3);
    QVERIFY2(o.err.contains(QStringLiteral("Cannot listen on %1").arg(socket)), qPrintable(o.err));
    QCOMPARE(first.stop(), 0);

    // TLS files that do not load fail when the host starts listening.
    o = runMas({QStringLiteral("host"), QStringLiteral("--listen"),
                QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("--tls-ca"),
                m_dir.filePath(QStringLiteral("missing-ca.pem")), QStringLiteral("--tls-cert"),
                QStringLiteral("x.pem"), QStringLiteral("--tls-key"), QStringLiteral("x.key")});
    QCOMPARE(o.exitCode, 3);
    QVERIFY2(o.err.contains(u"Cannot read a CA certificate"), qPrintable(o.err));
}

void tst_MasHost::terminateWhileCalling_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_MasHost::terminateWhileCalling()
{
    QFETCH(int, signal);
    Host host;
    QVERIFY2(host.start(QStringList{QStringLiteral("--listen"), QStringLiteral("tcp://127.0.0.1:0"),
                                    QStringLiteral("--monitor")},
                        0),
             qPrintable(host.error()));
    const QString address =
        host.error().section(QStringLiteral("serving 0 agents at "), 1).section(u' ', 0, 0);
    QVERIFY2(address.startsWith(u"tcp://127.0.0.1:"), qPrintable(host.error()));

    // A long poll for monitor events that will not come: a call in flight for 25 s.
    QProcess caller;
    caller.start(QStringLiteral(MAS_CLI),
                 {QStringLiteral("call"), address.chopped(1), QStringLiteral("_monitor/events"),
                  QStringLiteral("1000000"), QStringLiteral("--kw"), QStringLiteral("wait=25"),
                  QStringLiteral("--timeout"), QStringLiteral("30")});
    QVERIFY(caller.waitForStarted(10'000));
    // Connected: the host has accepted the caller's connection (then the call waits).
    const quint16 port = address.chopped(1).section(u':', -1).toUShort();
    QTRY_VERIFY_WITH_TIMEOUT(hasAcceptedOn(host.processId(), port), 20'000);
    QCOMPARE(caller.state(), QProcess::Running);

    QCOMPARE(host.stop(signal), 0);
    // The call fails because the connection closed: not by its --timeout of 30 s ("in time"),
    // not with the events at the end of its 25 s wait (exit status 0).
    QVERIFY(caller.waitForFinished(60'000));
    const QString err = QString::fromUtf8(caller.readAllStandardError());
    QCOMPARE(caller.exitCode(), 3);
    QVERIFY2(err.contains(u"closed") || err.contains(u"reset"), qPrintable(err));
    QVERIFY2(host.error().contains(signal == SIGTERM ? u"got SIGTERM" : u"got SIGINT"),
             qPrintable(host.error()));
    QVERIFY2(host.error().contains(u"(1 incoming"), qPrintable(host.error())); // the call's
}

void tst_MasHost::monitor()
{
    const QString config = writeConfig(
        QStringLiteral("monitor.json"),
        R"({"monitor": true, "agents": [{"type": "greeter.agents:Greeter", "args": ["Hey"]}]})");
    Host monitored;
    QVERIFY2(
        monitored.start(QStringList{QStringLiteral("--listen"), QStringLiteral("tcp://127.0.0.1:0"),
                                    QStringLiteral("--config"), config}
                            + plugins(),
                        1),
        qPrintable(monitored.error()));
    QVERIFY2(monitored.error().contains(u"the monitor is on without TLS"),
             qPrintable(monitored.error()));
    QCOMPARE(call({monitored.urls()[0], QStringLiteral("greet"), QStringLiteral("\"Inspector\"")})
                 .exitCode,
             0);
    const Outcome o = call({monitored.address(), QStringLiteral("_monitor/info")});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QVERIFY2(
        o.out.contains(QStringLiteral("{\"aid\": \"0\", \"type\": \"Greeter\", \"url\": \"%1\"}")
                           .arg(monitored.urls()[0])),
        qPrintable(o.out));
    // The greet call above was recorded.
    const Outcome events =
        call({monitored.address(), QStringLiteral("_monitor/events"), QStringLiteral("0")});
    QVERIFY2(events.out.contains(u"greet"), qPrintable(events.out));
    QCOMPARE(monitored.stop(), 0);

    // Without --monitor the service does not exist.
    Host plain;
    QVERIFY2(
        plain.start(QStringList{QStringLiteral("--listen"), QStringLiteral("tcp://127.0.0.1:0"),
                                QStringLiteral("--config"),
                                writeConfig(QStringLiteral("plain.json"),
                                            R"({"agents": [{"type": "greeter.agents:Greeter"}]})")}
                        + plugins(),
                    1),
        qPrintable(plain.error()));
    const Outcome refused = call({plain.address(), QStringLiteral("_monitor/info")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"LookupError"), qPrintable(refused.err));
    QCOMPARE(plain.stop(), 0);
}

void tst_MasHost::tls()
{
    const QString dir = m_dir.filePath(QStringLiteral("tls"));
    QVERIFY(QDir().mkpath(dir));
    const QString server = mas::test::generateCertificates(
        dir, QStringLiteral("host"), QStringLiteral("ca"), QStringLiteral("IP:127.0.0.1"));
    const QString client = mas::test::generateCertificates(
        dir, QStringLiteral("client"), QStringLiteral("ca"), QStringLiteral("DNS:client"));
    const QString intruder = mas::test::generateCertificates(
        dir, QStringLiteral("intruder"), QStringLiteral("otherca"), QStringLiteral("DNS:intruder"));
    QVERIFY(!server.isEmpty() && !client.isEmpty() && !intruder.isEmpty());

    // TLS from the config, with paths relative to it.
    const QString config = writeConfig(QStringLiteral("tls/host.json"), R"({
        "tls": {"ca": "ca.pem", "cert": "host.pem", "key": "host.key"},
        "agents": [{"type": "greeter.agents:Greeter", "args": ["Secure"]}]
    })");
    Host host;
    QVERIFY2(host.start(QStringList{QStringLiteral("--listen"), QStringLiteral("tcp://127.0.0.1:0"),
                                    QStringLiteral("--config"), config}
                            + plugins(),
                        1),
             qPrintable(host.error()));
    const QString ca = QDir(dir).filePath(QStringLiteral("ca.pem"));
    const auto tlsArgs = [&ca](const QString &leaf) {
        return QStringList{QStringLiteral("--tls-ca"),   ca,
                           QStringLiteral("--tls-cert"), leaf + QStringLiteral(".pem"),
                           QStringLiteral("--tls-key"),  leaf + QStringLiteral(".key"),
                           QStringLiteral("--timeout"),  QStringLiteral("5")};
    };
    Outcome o = call(QStringList{host.urls()[0], QStringLiteral("greet"), QStringLiteral("\"TLS\"")}
                     + tlsArgs(client));
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(o.out, QStringLiteral("\"Secure, TLS!\"\n"));

    // A plaintext client is refused.
    o = call({host.urls()[0], QStringLiteral("greet"), QStringLiteral("\"plain\""),
              QStringLiteral("--timeout"), QStringLiteral("5")});
    QCOMPARE(o.exitCode, 3);
    QCOMPARE(o.out, QString());
    // So is a client whose certificate another CA signed (the host verifies its peers).
    o = call(QStringList{host.urls()[0], QStringLiteral("greet"), QStringLiteral("\"intruder\"")}
             + tlsArgs(intruder));
    QCOMPARE(o.exitCode, 3);
    QCOMPARE(o.out, QString());
    QCOMPARE(host.stop(), 0);
    QVERIFY2(host.error().contains(u"TLS connection from"), qPrintable(host.error()));
}

void tst_MasHost::tlsRefusesOldProtocolsAndAnonymousClients_data()
{
    // Checked with the openssl tool as the client, independent of libmas's own TLS set-up.
    QTest::addColumn<QStringList>("clientArgs");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("expected"); // in s_client's output, or else in the host's log
    const QStringList withCert{QStringLiteral("-cert"), QStringLiteral("client.pem"),
                               QStringLiteral("-key"), QStringLiteral("client.key")};
    QTest::newRow("TLS 1.3 with a certificate")
        << QStringList{QStringLiteral("-tls1_3")} + withCert << true
        << QStringLiteral("Protocol version: TLSv1.3");
    QTest::newRow("TLS 1.2 with a certificate")
        << QStringList{QStringLiteral("-tls1_2")} + withCert << true
        << QStringLiteral("Protocol version: TLSv1.2");
    // The client allows TLS 1.1 (security level 0): only the host's minimum can refuse it.
    QTest::newRow("TLS 1.1") << QStringList{QStringLiteral("-tls1_1"), QStringLiteral("-cipher"),
                                            QStringLiteral("DEFAULT:@SECLEVEL=0")}
                                    + withCert
                             << false << QStringLiteral("unsupported protocol");
    QTest::newRow("TLS 1.2 without a client certificate")
        << QStringList{QStringLiteral("-tls1_2")} << false
        << QStringLiteral("The peer did not present any certificate");
}

void tst_MasHost::tlsRefusesOldProtocolsAndAnonymousClients()
{
    QFETCH(QStringList, clientArgs);
    QFETCH(bool, accepted);
    QFETCH(QString, expected);
    const QString dir = m_dir.filePath(QStringLiteral("tls-min"));
    QVERIFY(QDir().mkpath(dir));
    const QString host = mas::test::generateCertificates(
        dir, QStringLiteral("host"), QStringLiteral("ca"), QStringLiteral("IP:127.0.0.1"));
    const QString client = mas::test::generateCertificates(
        dir, QStringLiteral("client"), QStringLiteral("ca"), QStringLiteral("DNS:client"));
    QVERIFY(!host.isEmpty() && !client.isEmpty());
    QTcpServer probe; // a free port
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(probe.serverPort());
    probe.close();
    Host server;
    QVERIFY2(server.start({QStringLiteral("--listen"), QStringLiteral("tcp://127.0.0.1:") + port,
                           QStringLiteral("--tls-ca"), dir + QStringLiteral("/ca.pem"),
                           QStringLiteral("--tls-cert"), host + QStringLiteral(".pem"),
                           QStringLiteral("--tls-key"), host + QStringLiteral(".key")},
                          0),
             qPrintable(server.error()));

    QProcess sClient;
    sClient.setWorkingDirectory(dir);
    sClient.setProcessChannelMode(QProcess::MergedChannels);
    sClient.start(QStringLiteral("openssl"),
                  QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                              QStringLiteral("127.0.0.1:") + port, QStringLiteral("-brief"),
                              QStringLiteral("-CAfile"), QStringLiteral("ca.pem")}
                      + clientArgs);
    QVERIFY(sClient.waitForStarted(10'000));
    sClient.closeWriteChannel(); // end of input: s_client leaves after the handshake
    QVERIFY(sClient.waitForFinished(20'000));
    const QString output = QString::fromUtf8(sClient.readAll());
    if (accepted) {
        QVERIFY2(sClient.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(expected), qPrintable(output));
        QVERIFY2(output.contains(u"Verification: OK"),
                 qPrintable(output)); // the host's certificate
        QCOMPARE(server.stop(), 0);
        QVERIFY2(!server.error().contains(u"TLS connection from"), qPrintable(server.error()));
    } else {
        QVERIFY2(sClient.exitCode() != 0, qPrintable(output));
        QVERIFY2(!output.contains(u"CONNECTION ESTABLISHED"), qPrintable(output));
        QCOMPARE(server.stop(), 0);
        const QStringList refusals =
            server.error().split(u'\n').filter(u"TLS connection from 127.0.0.1 failed");
        QCOMPARE(refusals.size(), 1);
        QVERIFY2(refusals[0].contains(expected), qPrintable(server.error()));
    }
}

QTEST_GUILESS_MAIN(tst_MasHost)
#include "tst_mashost.moc"
