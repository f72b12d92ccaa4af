// SPDX-License-Identifier: MIT
// The reader of `mas host --config FILE` in process (app/mas/hostconfig.h): every error it
// reports, each with the file name first, and a good config read into HostSettings. The same
// errors through the `mas` program are in tst_mashost.

#include "hostconfig.h"

#include <mas/channel/channeloptions.h>
#include <mas/system/systemfile.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using mas::cli::HostConfigReader;
using mas::cli::HostSettings;

class tst_HostConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void goodConfig();
    void exampleConfigOfTheReadme();
    void clockAsString();
    void pluginPathAsString();
    void missingFile();
    void parseErrors_data();
    void parseErrors();
    void readErrors_data();
    void readErrors();
    void readRejectsScalars();
    void systemFile();
    void systemFileHostKeys();
    void systemFileHostKeyErrors_data();
    void systemFileHostKeyErrors();
    void typeNames();
    void profileAndLimits();
    void limitOptions();

private:
    QString fileName() const { return m_dir.filePath(QStringLiteral("host.json")); }
    /// Parses and reads `json` as the file host.json; the error message or "".
    QString readError(const QByteArray &json) const
    {
        const HostConfigReader reader(fileName());
        mas::Result<mas::Value> root = reader.parse(json);
        if (!root)
            return root.error().message();
        HostSettings settings;
        mas::Result<void> read = reader.read(*root, settings);
        return read ? QString() : read.error().message();
    }

    QTemporaryDir m_tmp;
    QDir m_dir;
};

void tst_HostConfig::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_dir = QDir(m_tmp.path());
}

void tst_HostConfig::goodConfig()
{
    QFile file(fileName());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({
        "listen": "tcp://127.0.0.1:5555",
        "codec": "msgpack",
        "clock": {"type": "external", "start": "2016-01-01T00:00:00Z"},
        "tls": {"ca": "ca.pem", "cert": "certs/host.pem", "key": "/etc/mas/host.key"},
        "plugin_path": ["plugins", "../shared/plugins"],
        "monitor": true,
        "agents": [
            {"type": "greeter.agents:Greeter", "args": ["Hi"], "kwargs": {"loud": false}, "count": 2},
            {"type": "greeter.agents:Counter"}
        ]
    })");
    file.close();

    const HostConfigReader reader(fileName());
    mas::Result<mas::Value> root = reader.parse();
    QVERIFY2(root, qPrintable(root.error().message()));
    QVERIFY(!HostConfigReader::isSystemFile(*root));
    HostSettings settings;
    mas::Result<void> read = reader.read(*root, settings);
    QVERIFY2(read, qPrintable(read.error().message()));

    QCOMPARE(settings.listen, QStringLiteral("tcp://127.0.0.1:5555"));
    QCOMPARE(settings.codec, QStringLiteral("msgpack"));
    QCOMPARE(settings.clock, QStringLiteral("external"));
    QCOMPARE(settings.start, QStringLiteral("2016-01-01T00:00:00Z"));
    // Relative paths are relative to the config file.
    QCOMPARE(settings.tlsCa, m_dir.filePath(QStringLiteral("ca.pem")));
    QCOMPARE(settings.tlsCert, m_dir.filePath(QStringLiteral("certs/host.pem")));
    QCOMPARE(settings.tlsKey, QStringLiteral("/etc/mas/host.key"));
    QVERIFY(settings.tls());
    QCOMPARE(settings.pluginPaths,
             (QStringList{m_dir.filePath(QStringLiteral("plugins")),
                          QDir::cleanPath(m_dir.filePath(QStringLiteral("../shared/plugins")))}));
    QVERIFY(settings.monitor);
    QCOMPARE(settings.agents.size(), size_t(2));
    QCOMPARE(settings.agents[0].where, QStringLiteral("agents[0]"));
    QCOMPARE(settings.agents[0].type, QStringLiteral("greeter.agents:Greeter"));
    QCOMPARE(mas::Value(settings.agents[0].args), mas::Value::list({mas::Value("Hi")}));
    QCOMPARE(mas::Value(settings.agents[0].kwargs).toDisplayString(),
             QStringLiteral("{\"loud\": false}"));
    QCOMPARE(settings.agents[0].count, 2);
    QCOMPARE(settings.agents[1].where, QStringLiteral("agents[1]"));
    QCOMPARE(settings.agents[1].type, QStringLiteral("greeter.agents:Counter"));
    QVERIFY(settings.agents[1].args.empty());
    QVERIFY(settings.agents[1].kwargs.empty());
    QCOMPARE(settings.agents[1].count, 1);
}

void tst_HostConfig::exampleConfigOfTheReadme()
{
    // The README and docs/deployment.md start `mas host --config examples/host/greeters.json`.
    const QString source = qEnvironmentVariable("MAS_SOURCE_DIR"); // set by CTest
    QVERIFY2(!source.isEmpty(), "MAS_SOURCE_DIR is not set (run the test with ctest)");
    const HostConfigReader reader(source + QStringLiteral("/examples/host/greeters.json"));
    mas::Result<mas::Value> root = reader.parse();
    QVERIFY2(root, qPrintable(root.error().message()));
    HostSettings settings;
    mas::Result<void> read = reader.read(*root, settings);
    QVERIFY2(read, qPrintable(read.error().message()));
    QCOMPARE(settings.agents.size(), size_t(2));
    QCOMPARE(settings.agents[0].type, QStringLiteral("greeter.agents:Greeter"));
    QCOMPARE(settings.agents[0].count, 2);
    QCOMPARE(settings.agents[1].type, QStringLiteral("greeter.agents:Counter"));
}

void tst_HostConfig::clockAsString()
{
    // Every key is optional; the defaults stay where the config says nothing.
    const HostConfigReader reader(fileName());
    mas::Result<mas::Value> root = reader.parse(R"({"clock": "external"})");
    QVERIFY(root);
    HostSettings settings;
    QVERIFY(reader.read(*root, settings));
    QCOMPARE(settings.clock, QStringLiteral("external"));
    QCOMPARE(settings.codec, QStringLiteral("json"));
    QVERIFY(settings.listen.isEmpty());
    QVERIFY(settings.start.isEmpty());
    QVERIFY(!settings.tls());
    QVERIFY(!settings.monitor);
    QVERIFY(settings.agents.empty());
}

void tst_HostConfig::pluginPathAsString()
{
    const HostConfigReader reader(fileName());
    mas::Result<mas::Value> root = reader.parse(R"({"plugin_path": "./lib/../plugins"})");
    QVERIFY(root);
    HostSettings settings;
    settings.pluginPaths << QStringLiteral("/earlier");
    QVERIFY(reader.read(*root, settings));
    QCOMPARE(settings.pluginPaths,
             (QStringList{QStringLiteral("/earlier"), m_dir.filePath(QStringLiteral("plugins"))}));
}

void tst_HostConfig::missingFile()
{
    const HostConfigReader reader(QStringLiteral("/nonexistent/x.json"));
    mas::Result<mas::Value> root = reader.parse();
    QVERIFY(!root);
    QCOMPARE(root.error().code(), mas::ErrorCode::InvalidArgument);
    QVERIFY2(
        root.error().message().startsWith(u"Cannot read the config file /nonexistent/x.json: "),
        qPrintable(root.error().message()));
}

void tst_HostConfig::parseErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message"); // after "FILE"; a prefix when it ends in ": "

    QTest::newRow("invalid json") << QByteArray(
        "{\n  \"agents\": [\n    {\"type\": \"x\",}\n  ]\n}")
                                  << ":3:19: invalid JSON: ";
    QTest::newRow("empty file") << QByteArray(" ") << ":1:2: invalid JSON: ";
    QTest::newRow("columns count characters")
        << QByteArray("{\"größe\": 1,,}") << ":1:14: invalid JSON: ";
    // Qt's reader takes an object or an array only at the top.
    QTest::newRow("a string") << QByteArray(R"("x")") << ":1:2: invalid JSON: ";
    QTest::newRow("null") << QByteArray("null") << ":1:2: invalid JSON: ";
    QTest::newRow("duplicate key") << QByteArray(R"({"codec": "json", "codec": "msgpack"})")
                                   << ":1:19: key \"codec\" appears twice in one object";
    QTest::newRow("duplicate agent key, escaped")
        << QByteArray("{\"agents\": [\n  {\"type\": \"greeter.agents:Greeter\", \"count\": 1, "
                      "\"c\\u006funt\": 2}\n]}")
        << ":2:50: key \"count\" appears twice in one object";
    QTest::newRow("duplicate key, nested deeper")
        << QByteArray(R"({"agents": [{"type": "t", "kwargs": {"a": {"b": 1, "b": 2}}}]})")
        << ":1:52: key \"b\" appears twice in one object";
}

void tst_HostConfig::parseErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const HostConfigReader reader(fileName());
    mas::Result<mas::Value> root = reader.parse(json);
    QVERIFY(!root);
    QCOMPARE(root.error().code(), mas::ErrorCode::InvalidArgument);
    const QString expected = fileName() + message;
    if (message.endsWith(u": "))
        QVERIFY2(root.error().message().startsWith(expected), qPrintable(root.error().message()));
    else
        QCOMPARE(root.error().message(), expected);
}

void tst_HostConfig::readErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message"); // after "FILE: "

    QTest::newRow("not an object")
        << QByteArray("[1]") << "the config must be a JSON object, not an array";
    QTest::newRow("unknown key") << QByteArray(R"({"agent": []})")
                                 << "unknown key \"agent\" in the config (known keys: listen, "
                                    "codec, clock, tls, plugin_path, monitor, agents, profile, limits)";
    QTest::newRow("same key in two objects")
        << QByteArray(R"({"agents": [{"type": "greeter.agents:Greeter", "args": ["type"]}],
                          "clock": {"type": "realtime"}, "type": 1})")
        << "unknown key \"type\" in the config (known keys: listen, codec, clock, tls, "
           "plugin_path, monitor, agents, profile, limits)";
    QTest::newRow("listen not a string") << QByteArray(R"({"listen": 5555})")
                                         << "\"listen\" must be a non-empty string, not a number";
    QTest::newRow("listen empty") << QByteArray(R"({"listen": ""})")
                                  << "\"listen\" must be a non-empty string, not a string";
    QTest::newRow("codec null") << QByteArray(R"({"codec": null})")
                                << "\"codec\" must be a non-empty string, not null";
    QTest::newRow("clock an array")
        << QByteArray(R"({"clock": ["external"]})")
        << "\"clock\" must be \"realtime\", \"external\" or an object, not an array";
    QTest::newRow("unknown clock key")
        << QByteArray(R"({"clock": {"kind": "external"}})")
        << "unknown key \"kind\" in \"clock\" (known keys: type, start)";
    QTest::newRow("clock type not a string")
        << QByteArray(R"({"clock": {"type": true}})")
        << "\"clock.type\" must be a non-empty string, not a boolean";
    QTest::newRow("clock start not a string")
        << QByteArray(R"({"clock": {"start": 2016}})")
        << "\"clock.start\" must be a non-empty string, not a number";
    QTest::newRow("tls not an object")
        << QByteArray(R"({"tls": "ca.pem"})")
        << "\"tls\" must be an object {\"ca\", \"cert\", \"key\"}, not a string";
    QTest::newRow("unknown tls key")
        << QByteArray(R"({"tls": {"ca": "ca.pem", "pem": "x.pem"}})")
        << "unknown key \"pem\" in \"tls\" (known keys: ca, cert, key)";
    QTest::newRow("tls file not a string")
        << QByteArray(R"({"tls": {"cert": {}}})")
        << "\"tls.cert\" must be a non-empty string, not an object";
    QTest::newRow("plugin_path a number")
        << QByteArray(R"({"plugin_path": 1})")
        << "\"plugin_path\" must be a string or an array of strings, not a number";
    QTest::newRow("plugin_path entry not a string")
        << QByteArray(R"({"plugin_path": ["a", false]})")
        << "\"plugin_path[1]\" must be a non-empty string, not a boolean";
    QTest::newRow("monitor not a boolean")
        << QByteArray(R"({"monitor": "yes"})") << "\"monitor\" must be true or false, not a string";
    QTest::newRow("agents not an array") << QByteArray(R"({"agents": {"type": "x"}})")
                                         << "\"agents\" must be an array, not an object";
    QTest::newRow("agent not an object") << QByteArray(R"({"agents": ["greeter.agents:Greeter"]})")
                                         << "\"agents[0]\" must be an object {\"type\", \"args\", "
                                            "\"kwargs\", \"count\"}, not a string";
    QTest::newRow("unknown agent key")
        << QByteArray(R"({"agents": [{"type": "greeter.agents:Greeter", "arg": []}]})")
        << "unknown key \"arg\" in agents[0] (known keys: type, args, kwargs, count)";
    QTest::newRow("no type")
        << QByteArray(R"({"agents": [{"type": "a"}, {"args": []}]})")
        << "agents[1] has no \"type\" (an agent type such as \"pkg.module:Class\")";
    QTest::newRow("type not a string")
        << QByteArray(R"({"agents": [{"type": 3}]})")
        << "\"agents[0].type\" must be a non-empty string, not a number";
    QTest::newRow("args not an array") << QByteArray(R"({"agents": [{"type": "t", "args": "Hi"}]})")
                                       << "\"agents[0].args\" must be an array, not a string";
    QTest::newRow("kwargs not an object")
        << QByteArray(R"({"agents": [{"type": "t", "kwargs": []}]})")
        << "\"agents[0].kwargs\" must be an object, not an array";
    QTest::newRow("count a string")
        << QByteArray(R"({"agents": [{"type": "t", "count": "2"}]})")
        << "\"agents[0].count\" must be a positive integer, not a string";
    QTest::newRow("count zero") << QByteArray(R"({"agents": [{"type": "t", "count": 0}]})")
                                << "\"agents[0].count\" must be a positive integer, not 0";
    QTest::newRow("count negative") << QByteArray(R"({"agents": [{"type": "t", "count": -3}]})")
                                    << "\"agents[0].count\" must be a positive integer, not -3";
    QTest::newRow("count fractional")
        << QByteArray(R"({"agents": [{"type": "t", "count": 1.5}]})")
        << "\"agents[0].count\" must be a positive integer, not a number";
    QTest::newRow("count beyond 64 bits")
        << QByteArray(R"({"agents": [{"type": "t", "count": 99999999999999999999}]})")
        << "\"agents[0].count\" must be a positive integer, not 99999999999999999999";
    QTest::newRow("unknown profile") << QByteArray(R"({"profile": "open"})")
                                     << "Unknown profile \"open\": use trusted (the default) or public";
    QTest::newRow("profile not a string") << QByteArray(R"({"profile": 1})")
                                          << "\"profile\" must be a non-empty string, not a number";
    QTest::newRow("limits not an object") << QByteArray(R"({"limits": [1]})")
                                          << "\"limits\" must be an object, not an array";
    QTest::newRow("unknown limit")
        << QByteArray(R"({"limits": {"max_conections": 5}})")
        << "unknown key \"max_conections\" in \"limits\" (known keys: max_connections, "
           "max_connections_per_peer, idle_timeout_ms, frame_timeout_ms, min_frame_byte_rate, "
           "max_frame_size, memory_budget, max_write_buffer, max_pending_requests, "
           "max_decompression_ratio, max_decompressed_size, max_elements, offload_decode_bytes, "
           "handshake_timeout_ms)";
    QTest::newRow("limit negative") << QByteArray(R"({"limits": {"idle_timeout_ms": -1}})")
                                    << "\"limits.idle_timeout_ms\" must be an integer of at least 0, not -1";
    QTest::newRow("limit zero where it must be positive")
        << QByteArray(R"({"limits": {"max_connections": 0}})")
        << "\"limits.max_connections\" must be an integer of at least 1, not 0";
    QTest::newRow("limit a string") << QByteArray(R"({"limits": {"memory_budget": "1G"}})")
                                    << "\"limits.memory_budget\" must be an integer of at least 0, not a string";
    QTest::newRow("max_elements zero") << QByteArray(R"({"limits": {"max_elements": 0}})")
                                       << "\"limits.max_elements\" must be an integer of at least 1, not 0";
    QTest::newRow("max_decompressed_size zero")
        << QByteArray(R"({"limits": {"max_decompressed_size": 0}})")
        << "\"limits.max_decompressed_size\" must be an integer of at least 1, not 0";
    QTest::newRow("max_decompression_ratio negative")
        << QByteArray(R"({"limits": {"max_decompression_ratio": -32}})")
        << "\"limits.max_decompression_ratio\" must be an integer of at least 0, not -32";
    QTest::newRow("max_decompression_ratio fractional")
        << QByteArray(R"({"limits": {"max_decompression_ratio": 2.5}})")
        << "\"limits.max_decompression_ratio\" must be an integer of at least 0, not a number";
}

void tst_HostConfig::readErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QCOMPARE(readError(json), fileName() + QStringLiteral(": ") + message);
}

void tst_HostConfig::readRejectsScalars()
{
    // What parse() lets through is an object or an array; read() takes a value of any origin.
    const HostConfigReader reader(fileName());
    HostSettings settings;
    mas::Result<void> read = reader.read(mas::Value("x"), settings);
    QVERIFY(!read);
    QCOMPARE(read.error().message(),
             fileName() + QStringLiteral(": the config must be a JSON object, not a string"));
    read = reader.read(mas::Value(), settings);
    QVERIFY(!read);
    QCOMPARE(read.error().message(),
             fileName() + QStringLiteral(": the config must be a JSON object, not null"));
}

void tst_HostConfig::systemFile()
{
    const HostConfigReader reader(fileName());
    mas::Result<mas::Value> root = reader.parse(R"({"containers": []})");
    QVERIFY(root);
    QVERIFY(HostConfigReader::isSystemFile(*root));
    QVERIFY(!HostConfigReader::isSystemFile(mas::Value::list({})));
    // A system file too has no repeated keys.
    root = reader.parse(R"({"containers": [], "containers": []})");
    QVERIFY(!root);
    QCOMPARE(root.error().message(),
             fileName() + QStringLiteral(":1:20: key \"containers\" appears twice in one object"));
}

static const QByteArray ringContainers =
    R"("containers": [{"name": "a", "agents": [{"name": "n1", "type": "t"}]}])";

void tst_HostConfig::systemFileHostKeys()
{
    const QByteArray json =
        "{" + ringContainers
        + R"(, "tls": {"ca": "ca.pem", "cert": "c.pem", "key": "k/c.key"}, "monitor": true})";
    const HostConfigReader reader(fileName());
    mas::Result<mas::Value> root = reader.parse(json);
    QVERIFY(root);
    mas::Result<mas::system::SystemFile> file = mas::system::SystemFile::parse(json, fileName());
    QVERIFY2(file, qPrintable(file.error().message()));
    HostSettings settings;
    mas::Result<void> read = reader.readHostKeys(*root, *file, settings);
    QVERIFY2(read, qPrintable(read.error().message()));
    QCOMPARE(settings.tlsCa, m_dir.filePath(QStringLiteral("ca.pem")));
    QCOMPARE(settings.tlsCert, m_dir.filePath(QStringLiteral("c.pem")));
    QCOMPARE(settings.tlsKey, m_dir.filePath(QStringLiteral("k/c.key")));
    QVERIFY(settings.monitor);
}

void tst_HostConfig::systemFileHostKeyErrors_data()
{
    QTest::addColumn<QByteArray>("keys");
    QTest::addColumn<QString>("message"); // after "host.json: "

    QTest::newRow("tls not an object")
        << QByteArray(R"("tls": ["ca.pem"])")
        << "tls: Expected an object {\"ca\", \"cert\", \"key\"}, not an array";
    QTest::newRow("unknown tls key") << QByteArray(R"("tls": {"crt": "c.pem"})")
                                     << "tls.crt: Unknown key (known: ca, cert, key)";
    QTest::newRow("tls file not a string")
        << QByteArray(R"("tls": {"key": 1})")
        << "tls.key: Expected the name of a PEM file, not a number";
    QTest::newRow("tls file empty") << QByteArray(R"("tls": {"ca": ""})")
                                    << "tls.ca: Expected the name of a PEM file, not a string";
    QTest::newRow("monitor not a boolean")
        << QByteArray(R"("monitor": null)") << "monitor: Expected true or false, not null";
}

void tst_HostConfig::systemFileHostKeyErrors()
{
    QFETCH(QByteArray, keys);
    QFETCH(QString, message);
    const QByteArray json = "{" + ringContainers + ", " + keys + "}";
    const HostConfigReader reader(fileName());
    mas::Result<mas::Value> root = reader.parse(json);
    QVERIFY(root);
    QVERIFY(HostConfigReader::isSystemFile(*root));
    // What SystemFile itself reads of these keys does not matter here; it names the file.
    mas::system::SystemFile file;
    file.fileName = fileName();
    HostSettings settings;
    mas::Result<void> read = reader.readHostKeys(*root, file, settings);
    QVERIFY(!read);
    QCOMPARE(read.error().code(), mas::ErrorCode::InvalidArgument);
    QCOMPARE(read.error().message(), QStringLiteral("host.json: ") + message);
}

void tst_HostConfig::typeNames()
{
    QCOMPARE(HostConfigReader::jsonTypeName(mas::Value()), QStringLiteral("null"));
    QCOMPARE(HostConfigReader::jsonTypeName(mas::Value(true)), QStringLiteral("a boolean"));
    QCOMPARE(HostConfigReader::jsonTypeName(mas::Value(1)), QStringLiteral("a number"));
    QCOMPARE(HostConfigReader::jsonTypeName(mas::Value(1.5)), QStringLiteral("a number"));
    QCOMPARE(HostConfigReader::jsonTypeName(mas::Value("x")), QStringLiteral("a string"));
    QCOMPARE(HostConfigReader::jsonTypeName(mas::Value::list({})), QStringLiteral("an array"));
    QCOMPARE(HostConfigReader::jsonTypeName(mas::Value::map()), QStringLiteral("an object"));
}


void tst_HostConfig::profileAndLimits()
{
    // The public profile, then each limit of the file over it; TLS gets the handshake timeout.
    const HostConfigReader reader(fileName());
    mas::Result<mas::Value> root = reader.parse(R"({"profile": "public",
        "limits": {"max_connections": 50, "idle_timeout_ms": 0, "handshake_timeout_ms": 2000,
                   "memory_budget": 1048576}})");
    QVERIFY(root);
    HostSettings settings;
    QVERIFY(reader.read(*root, settings));
    QCOMPARE(settings.profile, QStringLiteral("public"));
    QCOMPARE(settings.limits.size(), std::size_t(4));
    mas::ChannelOptions channel;
    std::optional<mas::TlsOptions> tls = mas::TlsOptions{};
    mas::cli::applyLimits(settings, channel, tls);
    QCOMPARE(channel.maxConnections, 50);                   // the file's
    QCOMPARE(channel.idleTimeout, std::chrono::milliseconds(0)); // the file's, over the profile's 60 s
    QCOMPARE(channel.memoryBudget, 1048576);
    QCOMPARE(channel.maxConnectionsPerPeer, 16);            // the profile's
    QCOMPARE(channel.minFrameByteRate, 64 * 1024);
    QCOMPARE(channel.maxFrameSize, 4 * 1024 * 1024);
    // The codec limits: the profile's bound the work per frame.
    QCOMPARE(channel.limits.maxDecompressionRatio, 32);
    QCOMPARE(channel.limits.maxDecompressedSize, 16 * 1024 * 1024);
    QCOMPARE(channel.limits.maxElements, 100'000);
    QVERIFY(tls);
    QCOMPARE(tls->handshakeTimeout, std::chrono::milliseconds(2000));
    QCOMPARE(channel.tls->handshakeTimeout, std::chrono::milliseconds(2000));

    // Trusted (the default) keeps the library's defaults.
    HostSettings trusted;
    mas::ChannelOptions defaults;
    std::optional<mas::TlsOptions> none;
    mas::cli::applyLimits(trusted, defaults, none);
    QCOMPARE(defaults.maxConnections, 1000);
    QCOMPARE(defaults.maxConnectionsPerPeer, 0);
    QCOMPARE(defaults.memoryBudget, 0);
    QCOMPARE(defaults.limits.maxDecompressionRatio, 0);
    QCOMPARE(defaults.limits.maxDecompressedSize, 256 * 1024 * 1024);
    QCOMPARE(defaults.limits.maxElements, 4 * 1024 * 1024);
    QVERIFY(!none);

    // Each codec limit of the file over the profile (and one turned off).
    const mas::Result<mas::Value> codecRoot = reader.parse(R"({"profile": "public", "limits": {
        "max_decompression_ratio": 0, "max_decompressed_size": 1048576, "max_elements": 500}})");
    QVERIFY(codecRoot);
    HostSettings codec;
    QVERIFY(reader.read(*codecRoot, codec));
    mas::ChannelOptions withCodec;
    std::optional<mas::TlsOptions> noTls;
    mas::cli::applyLimits(codec, withCodec, noTls);
    QCOMPARE(withCodec.limits.maxDecompressionRatio, 0);
    QCOMPARE(withCodec.limits.maxDecompressedSize, 1048576);
    QCOMPARE(withCodec.limits.maxElements, 500);
    QCOMPARE(withCodec.maxConnections, 256); // the profile's
    QVERIFY(withCodec.validate());
}

void tst_HostConfig::limitOptions()
{
    // What `mas host --max-connections N ...` reads, and its errors naming the option.
    HostSettings settings;
    const auto limit = [](const QString &key) {
        for (const mas::cli::HostLimit &l : mas::cli::hostLimits()) {
            if (l.key == key)
                return l;
        }
        return mas::cli::HostLimit{};
    };
    QCOMPARE(mas::cli::hostLimits().size(), std::size_t(14));
    QVERIFY(mas::cli::readLimitOption(limit(QStringLiteral("max_connections_per_peer")),
                                      QStringLiteral("4"), settings));
    QCOMPARE(settings.limits.at(QStringLiteral("max_connections_per_peer")), 4);
    mas::Result<void> wrong = mas::cli::readLimitOption(limit(QStringLiteral("max_connections")),
                                                        QStringLiteral("0"), settings);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().message(),
             QStringLiteral("--max-connections takes an integer of at least 1, not \"0\""));
    wrong = mas::cli::readLimitOption(limit(QStringLiteral("memory_budget")), QStringLiteral("1G"),
                                      settings);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().message(),
             QStringLiteral("--memory-budget takes an integer of at least 0, not \"1G\""));
    QVERIFY(mas::cli::readLimitOption(limit(QStringLiteral("max_decompression_ratio")),
                                      QStringLiteral("16"), settings));
    QVERIFY(mas::cli::readLimitOption(limit(QStringLiteral("max_elements")),
                                      QStringLiteral("1000"), settings));
    QCOMPARE(settings.limits.at(QStringLiteral("max_decompression_ratio")), 16);
    QCOMPARE(settings.limits.at(QStringLiteral("max_elements")), 1000);
    QCOMPARE(limit(QStringLiteral("max_decompressed_size")).option,
             QStringLiteral("max-decompressed-size"));
    wrong = mas::cli::readLimitOption(limit(QStringLiteral("max_elements")), QStringLiteral("0"),
                                      settings);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().message(),
             QStringLiteral("--max-elements takes an integer of at least 1, not \"0\""));
    wrong = mas::cli::readLimitOption(limit(QStringLiteral("max_decompression_ratio")),
                                      QStringLiteral("-1"), settings);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().message(),
             QStringLiteral("--max-decompression-ratio takes an integer of at least 0, not \"-1\""));
    // offload_decode_bytes: 0 (decode every frame on the event loop) and more; it reaches the
    // channel options over the profile.
    QVERIFY(mas::cli::readLimitOption(limit(QStringLiteral("offload_decode_bytes")), QStringLiteral("0"), settings));
    wrong = mas::cli::readLimitOption(limit(QStringLiteral("offload_decode_bytes")), QStringLiteral("-5"), settings);
    QCOMPARE(wrong.error().message(),
             QStringLiteral("--offload-decode-bytes takes an integer of at least 0, not \"-5\""));
    settings.profile = QStringLiteral("public");
    mas::ChannelOptions channel;
    std::optional<mas::TlsOptions> tls;
    mas::cli::applyLimits(settings, channel, tls);
    QCOMPARE(channel.offloadDecodeBytes, 0);
    QCOMPARE(channel.limits.maxElements, 1000);
    QCOMPARE(mas::ChannelOptions().offloadDecodeBytes, 64 * 1024);
    QVERIFY(mas::cli::checkProfile(QStringLiteral("public")));
    QVERIFY(!mas::cli::checkProfile(QStringLiteral("Public")));
}

QTEST_GUILESS_MAIN(tst_HostConfig)
#include "tst_hostconfig.moc"
