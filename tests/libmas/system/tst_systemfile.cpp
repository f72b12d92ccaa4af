// SPDX-License-Identifier: MIT
// System files (mas::system::SystemFile) at the library level. Bad files of many kinds end in
// an error (never a crash) that reads "FILE: KEY: reason", from load(), check(), loadPlugins()
// and build(). Good files keep "@@x" as "@x", resolve "@NAME" (in args and nested in kwargs) to
// the real URL of the agent NAME on the LocalQueue and over TCP, anchor relative plug-in paths
// at the file, and hand their transport, codec, request timeout and clock start to the system.
// The agent types and the invariant come from the demos' plug-in, loaded from the build tree.

#include <mas/agent/agentregistry.h>
#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/codec/jsoncodec.h>
#include <mas/rpc/rpcclient.h>
#include <mas/system/system.h>
#include <mas/system/systemagent.h>
#include <mas/system/systemfile.h>
#include <mas/transport/localqueue.h>

#include <QCoro/QCoroTask>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include <chrono>
#include <memory>

using namespace mas;
using namespace mas::system;
using namespace std::chrono_literals;

namespace {

/// Lets replies and coroutines resumed from the event loop run.
void settle()
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

/// A ring of three leader-election nodes in three containers (ids 17, 42, 23: n2 must win).
QByteArray ringJson(bool faulty, const QByteArray &extra = {})
{
    const QByteArray f = faulty ? "true" : "false";
    return R"({
  "title": "A ring of three",)" + extra + R"(
  "containers": [
    {"name": "a", "agents": [{"name": "n1", "type": "mas.demos:LeaderElectionAgent", "args": [17, "@n2"], "kwargs": {"faulty": )" + f + R"(}}]},
    {"name": "b", "agents": [{"name": "n2", "type": "mas.demos:LeaderElectionAgent", "args": [42, "@n3"], "kwargs": {"faulty": )" + f + R"(}}]},
    {"name": "c", "agents": [{"name": "n3", "type": "mas.demos:LeaderElectionAgent", "args": [23], "kwargs": {"next": "@n1", "faulty": )" + f + R"(}}]}
  ],
  "invariants": ["mas.demos:at most one leader"]
})";
}

QString jsonText(const Value &v)
{
    Result<QByteArray> bytes = JsonCodec::write(v, nullptr);
    return bytes ? QString::fromUtf8(*bytes) : QStringLiteral("<%1>").arg(bytes.error().message());
}

/// The request events of one kind, by RPC method (the last part of the path).
QList<TrafficEvent> requests(TrafficEvent::Kind kind, const QString &method)
{
    QList<TrafficEvent> result;
    for (const TrafficEvent &e : LocalNetwork::instance()->eventLog().events()) {
        if (e.kind == kind && e.type == MessageType::Request && e.path.endsWith(u'/' + method))
            result << e;
    }
    return result;
}

/// The agents' `leader` state field (null: none known yet), by address.
QHash<QString, Value> leadersKnown(const System &system)
{
    QHash<QString, Value> result;
    for (SystemAgent *agent : system.agents())
        result.insert(agent->address(), agent->stateFields().empty() ? Value() : Value(agent->stateFields()).value(u"leader"));
    return result;
}

bool everyNodeKnowsLeader(const System &system, qint64 id)
{
    const QHash<QString, Value> known = leadersKnown(system);
    return !known.isEmpty() && std::all_of(known.begin(), known.end(), [id](const Value &v) { return v.isInteger() && v.toInt() == id; });
}

} // namespace

class tst_SystemFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    // bad files
    void badFileIsRefused_data();
    void badFileIsRefused();
    void missingFileIsRefused();
    void processesAreRead();
    void unknownAgentTypeIsRefusedByCheck();
    void unknownInvariantIsRefusedByCheck();
    void missingPluginPathIsRefusedByLoadPlugins();
    void rejectedArgumentsAreRefusedByBuild_data();
    void rejectedArgumentsAreRefusedByBuild();

    // good files
    void doubleAtStaysAt();
    void referencesResolveOnTheLocalQueue();
    void nestedReferencesAndDoubleAtReachTheAgents();
    void referencesResolveOverTcp();
    void defaultNames();
    void relativePluginPathIsTheFilesDirectory();
    void parametersReachTheSystem();
    void defaultParameters();

private:
    /// Writes `json` to NAME in the temporary directory; returns its path.
    QString write(const QString &name, const QByteArray &json);
    /// Checks that `error` reads "NAME: KEY: ..." (or "NAME: ..." without a key) and contains
    /// every fragment.
    static void checkMessage(const Error &error, const QString &fileName, const QString &key, const QStringList &fragments);

    QTemporaryDir m_dir;
};

void tst_SystemFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The agent types and the invariant of the files below are the demos' plug-in's.
    Result<QStringList> loaded = SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR));
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toString()));
    QVERIFY(AgentRegistry::global().contains(QStringLiteral("mas.demos:LeaderElectionAgent")));
    QVERIFY(SystemRegistry::global().findInvariant(u"mas.demos:at most one leader"));
}

void tst_SystemFile::cleanup()
{
    LocalQueue::clearCache();
}

QString tst_SystemFile::write(const QString &name, const QByteArray &json)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
    f.write(json);
    return path;
}

void tst_SystemFile::checkMessage(const Error &error, const QString &fileName, const QString &key,
                                  const QStringList &fragments)
{
    const QString message = error.message();
    const QString prefix = key.isEmpty() ? fileName + QStringLiteral(": ") : QStringLiteral("%1: %2: ").arg(fileName, key);
    QVERIFY2(message.startsWith(prefix), qPrintable(QStringLiteral("\"%1\" does not start with \"%2\"").arg(message, prefix)));
    // The key is the whole key: nothing follows it but the reason.
    QVERIFY2(message.size() > prefix.size(), qPrintable(message));
    for (const QString &fragment : fragments)
        QVERIFY2(message.contains(fragment), qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(message, fragment)));
}

// ---- bad files ----

void tst_SystemFile::badFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("key"); // empty: a message without a key
    QTest::addColumn<QStringList>("fragments");

    const QByteArray agent = R"({"name": "n1", "type": "mas.demos:LeaderElectionAgent", "args": [1, "@n1"]})";
    const QByteArray containers = R"("containers": [{"name": "a", "agents": [)" + agent + "]}]";

    QTest::newRow("not JSON") << QByteArray("{\"containers\": [") << QString() << QStringList{QStringLiteral("Not valid JSON")};
    QTest::newRow("not JSON at all") << QByteArray("containers = a") << QString() << QStringList{QStringLiteral("Not valid JSON")};
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QString()
                                   << QStringList{QStringLiteral("Expected an object, not an array")};
    QTest::newRow("a string") << QByteArray("\"ring\"") << QString() << QStringList{QStringLiteral("Expected an object, not a string")};
    QTest::newRow("missing containers") << QByteArray(R"({"title": "nothing"})") << QStringLiteral("containers")
                                        << QStringList{QStringLiteral("Missing")};
    QTest::newRow("empty containers") << QByteArray(R"({"containers": []})") << QStringLiteral("containers")
                                      << QStringList{QStringLiteral("non-empty array")};
    QTest::newRow("containers an object") << QByteArray(R"({"containers": {"a": []}})") << QStringLiteral("containers")
                                          << QStringList{QStringLiteral("non-empty array")};
    QTest::newRow("unknown top-level key") << QByteArray("{" + containers + R"(, "colour": "blue"})") << QStringLiteral("colour")
                                           << QStringList{QStringLiteral("Unknown key"), QStringLiteral("containers")};
    QTest::newRow("host-only agents") << QByteArray("{" + containers + R"(, "agents": []})") << QStringLiteral("agents")
                                      << QStringList{QStringLiteral("\"containers\""), QStringLiteral("single host")};
    QTest::newRow("title a number") << QByteArray("{" + containers + R"(, "title": 7})") << QStringLiteral("title")
                                    << QStringList{QStringLiteral("Expected a string, not a number")};
    QTest::newRow("transport a number") << QByteArray("{" + containers + R"(, "transport": 5})") << QStringLiteral("transport")
                                        << QStringList{QStringLiteral("Expected a string, not a number")};
    QTest::newRow("unknown transport") << QByteArray("{" + containers + R"(, "transport": "udp"})") << QStringLiteral("transport")
                                       << QStringList{QStringLiteral("Unknown transport \"udp\"")};
    QTest::newRow("codec an array") << QByteArray("{" + containers + R"(, "codec": ["json"]})") << QStringLiteral("codec")
                                    << QStringList{QStringLiteral("Expected a string, not an array")};
    QTest::newRow("unknown codec") << QByteArray("{" + containers + R"(, "codec": "xml"})") << QStringLiteral("codec")
                                   << QStringList{QStringLiteral("Unknown codec \"xml\"")};
    QTest::newRow("duplicate container names")
        << QByteArray(R"({"containers": [{"name": "a", "agents": []}, {"name": "a", "agents": []}]})")
        << QStringLiteral("containers[1].name") << QStringList{QStringLiteral("Two containers are called \"a\"")};
    QTest::newRow("container name with a slash") << QByteArray(R"({"containers": [{"name": "a/b", "agents": []}]})")
                                                 << QStringLiteral("containers[0].name") << QStringList{QStringLiteral("\"/\"")};
    QTest::newRow("container without agents") << QByteArray(R"({"containers": [{"name": "a"}]})")
                                              << QStringLiteral("containers[0].agents")
                                              << QStringList{QStringLiteral("Expected an array of agents")};
    QTest::newRow("container not an object") << QByteArray(R"({"containers": ["a"]})") << QStringLiteral("containers[0]")
                                             << QStringList{QStringLiteral("Expected an object, not a string")};
    QTest::newRow("bad listen address")
        << QByteArray(R"({"containers": [{"name": "a", "listen": "http://x", "agents": []}]})")
        << QStringLiteral("containers[0].listen") << QStringList{};
    QTest::newRow("duplicate agent names")
        << QByteArray(R"({"containers": [{"agents": [)" + agent + R"(]}, {"agents": [{"name": "n1", "type": "t:T"}]}]})")
        << QStringLiteral("containers[1].agents[0].name") << QStringList{QStringLiteral("Two agents are called \"n1\"")};
    QTest::newRow("agent without type")
        << QByteArray(R"({"containers": [{"agents": [)" + agent + R"(, {"name": "n2", "args": [2, "@n1"]}]}]})")
        << QStringLiteral("containers[0].agents[1].type") << QStringList{QStringLiteral("Expected an agent type")};
    QTest::newRow("agent type empty") << QByteArray(R"({"containers": [{"agents": [{"type": ""}]}]})")
                                      << QStringLiteral("containers[0].agents[0].type")
                                      << QStringList{QStringLiteral("Expected an agent type")};
    QTest::newRow("agent name starting with @") << QByteArray(R"({"containers": [{"agents": [{"name": "@n", "type": "t:T"}]}]})")
                                                << QStringLiteral("containers[0].agents[0].name")
                                                << QStringList{QStringLiteral("not starting with \"@\"")};
    QTest::newRow("unknown agent key")
        << QByteArray(R"({"containers": [{"agents": [{"type": "t:T", "arguments": []}]}]})")
        << QStringLiteral("containers[0].agents[0].arguments") << QStringList{QStringLiteral("Unknown key")};
    QTest::newRow("args an object") << QByteArray(R"({"containers": [{"agents": [{"type": "t:T", "args": {"a": 1}}]}]})")
                                    << QStringLiteral("containers[0].agents[0].args")
                                    << QStringList{QStringLiteral("Expected an array, not an object")};
    QTest::newRow("kwargs an array") << QByteArray(R"({"containers": [{"agents": [{"type": "t:T", "kwargs": [1]}]}]})")
                                     << QStringLiteral("containers[0].agents[0].kwargs")
                                     << QStringList{QStringLiteral("Expected an object, not an array")};
    QTest::newRow("reference to no agent in args")
        << QByteArray(R"({"containers": [{"agents": [{"name": "n1", "type": "t:T", "args": [1, "@nobody"]}]}]})")
        << QStringLiteral("containers[0].agents[0].args[1]") << QStringList{QStringLiteral("No agent is called \"nobody\"")};
    QTest::newRow("reference to no agent nested in kwargs")
        << QByteArray(R"({"containers": [{"agents": [{"name": "n1", "type": "t:T"}]},
                         {"agents": [{"name": "n2", "type": "t:T",
                                      "kwargs": {"peers": [{"url": "@n1"}, {"url": "@ghost"}]}}]}]})")
        << QStringLiteral("containers[1].agents[0].kwargs.peers[1].url")
        << QStringList{QStringLiteral("No agent is called \"ghost\"")};
    QTest::newRow("reference to a container") << QByteArray(R"({"containers": [{"name": "a", "agents": [{"type": "t:T", "args": ["@a"]}]}]})")
                                              << QStringLiteral("containers[0].agents[0].args[0]")
                                              << QStringList{QStringLiteral("No agent is called \"a\"")};
    QTest::newRow("clock start not a date") << QByteArray("{" + containers + R"(, "clock": {"start": "yesterday"}})")
                                            << QStringLiteral("clock.start")
                                            << QStringList{QStringLiteral("\"yesterday\" is not an ISO 8601 date")};
    QTest::newRow("clock start 13th month") << QByteArray("{" + containers + R"(, "clock": {"start": "2024-13-01T00:00:00Z"}})")
                                            << QStringLiteral("clock.start") << QStringList{QStringLiteral("ISO 8601")};
    QTest::newRow("clock start a number") << QByteArray("{" + containers + R"(, "clock": {"start": 0}})")
                                          << QStringLiteral("clock.start")
                                          << QStringList{QStringLiteral("Expected an ISO 8601 date, not a number")};
    QTest::newRow("clock a string") << QByteArray("{" + containers + R"(, "clock": "2024-01-01T00:00:00Z"})")
                                    << QStringLiteral("clock") << QStringList{QStringLiteral("not a string")};
    QTest::newRow("unknown clock key") << QByteArray("{" + containers + R"(, "clock": {"begin": "2024-01-01T00:00:00Z"}})")
                                       << QStringLiteral("clock.begin") << QStringList{QStringLiteral("Unknown key")};
    QTest::newRow("zero request timeout") << QByteArray("{" + containers + R"(, "request_timeout_ms": 0})")
                                          << QStringLiteral("request_timeout_ms")
                                          << QStringList{QStringLiteral("positive number of milliseconds")};
    QTest::newRow("negative request timeout") << QByteArray("{" + containers + R"(, "request_timeout_ms": -100})")
                                              << QStringLiteral("request_timeout_ms")
                                              << QStringList{QStringLiteral("positive number of milliseconds")};
    QTest::newRow("fractional request timeout") << QByteArray("{" + containers + R"(, "request_timeout_ms": 1.5})")
                                                << QStringLiteral("request_timeout_ms")
                                                << QStringList{QStringLiteral("positive number of milliseconds")};
    QTest::newRow("request timeout a string") << QByteArray("{" + containers + R"(, "request_timeout_ms": "100"})")
                                              << QStringLiteral("request_timeout_ms")
                                              << QStringList{QStringLiteral("positive number of milliseconds")};
    QTest::newRow("plugin_path a number") << QByteArray("{" + containers + R"(, "plugin_path": 3})")
                                          << QStringLiteral("plugin_path")
                                          << QStringList{QStringLiteral("a string or an array of strings")};
    QTest::newRow("plugin_path entry a number") << QByteArray("{" + containers + R"(, "plugin_path": ["plugins", 3]})")
                                                << QStringLiteral("plugin_path[1]")
                                                << QStringList{QStringLiteral("Expected a string, not a number")};
    QTest::newRow("invariants a string") << QByteArray("{" + containers + R"(, "invariants": "x"})")
                                         << QStringLiteral("invariants")
                                         << QStringList{QStringLiteral("an array of invariant ids")};
    QTest::newRow("invariant a number") << QByteArray("{" + containers + R"(, "invariants": ["x", 3]})")
                                        << QStringLiteral("invariants[1]")
                                        << QStringList{QStringLiteral("Expected a string, not a number")};
    // processes: Python programs on the same network
    QTest::newRow("processes an object") << QByteArray(R"({"processes": {}})") << QStringLiteral("processes")
                                         << QStringList{QStringLiteral("an array of processes")};
    QTest::newRow("processes empty, no containers") << QByteArray(R"({"processes": []})") << QStringLiteral("containers")
                                                    << QStringList{QStringLiteral("Missing")};
    QTest::newRow("process without command") << QByteArray(R"({"processes": [{"name": "x"}]})")
                                             << QStringLiteral("processes[0].command")
                                             << QStringList{QStringLiteral("the interpreter, the program")};
    QTest::newRow("process command a number") << QByteArray(R"({"processes": [{"command": ["python3", 5]}]})")
                                              << QStringLiteral("processes[0].command[1]")
                                              << QStringList{QStringLiteral("a non-empty string, not a number")};
    QTest::newRow("process unknown key") << QByteArray(R"({"processes": [{"command": ["python3", "a.py"], "args": []}]})")
                                         << QStringLiteral("processes[0].args") << QStringList{QStringLiteral("Unknown key")};
    QTest::newRow("process program missing") << QByteArray(R"({"processes": [{"command": ["python3", "no-such.py"]}]})")
                                             << QStringLiteral("processes[0].command")
                                             << QStringList{QStringLiteral("No such program"), QStringLiteral("no-such.py")};
    QTest::newRow("process env a list") << QByteArray(R"({"processes": [{"command": ["python3", "a.py"], "env": []}]})")
                                        << QStringLiteral("processes[0].env") << QStringList{QStringLiteral("an object of strings")};
}

void tst_SystemFile::badFileIsRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, key);
    QFETCH(QStringList, fragments);
    const QString file = write(QStringLiteral("bad.json"), json);
    QVERIFY(!file.isEmpty());
    Result<SystemFile> loaded = SystemFile::load(file);
    QVERIFY2(!loaded, "a bad file is refused");
    QCOMPARE(loaded.error().code(), ErrorCode::InvalidArgument);
    checkMessage(loaded.error(), QStringLiteral("bad.json"), key, fragments);
    if (QTest::currentTestFailed())
        return;
    // parse() says the same of the same bytes, naming the file it is given.
    Result<SystemFile> parsed = SystemFile::parse(json, QStringLiteral("elsewhere/other.json"));
    QVERIFY(!parsed);
    checkMessage(parsed.error(), QStringLiteral("other.json"), key, fragments);
}

void tst_SystemFile::processesAreRead()
{
    const QString program = write(QStringLiteral("sub/prog.py"), "print('hi')\n");
    QVERIFY(!program.isEmpty());
    const QString file = write(QStringLiteral("procs.json"), R"({
  "processes": [
    {"command": ["python3", "sub/prog.py", "a", "b"]},
    {"name": "second", "command": ["python3", "prog.py"], "cwd": "sub", "env": {"K": "V"}}
  ]
})");
    Result<SystemFile> loaded = SystemFile::load(file);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message()));
    QVERIFY(loaded->containers.isEmpty());
    QCOMPARE(loaded->processes.size(), 2);
    const ProcessSpec first = loaded->processes.at(0);
    QCOMPARE(first.python(), QStringLiteral("python3"));
    QCOMPARE(first.program(), QStringLiteral("sub/prog.py"));
    QCOMPARE(first.arguments(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(first.workingDirectory, QFileInfo(file).absolutePath()); // the file's directory
    QCOMPARE(first.displayName(), QStringLiteral("prog.py a b"));
    const ProcessSpec second = loaded->processes.at(1);
    QCOMPARE(second.workingDirectory, QFileInfo(program).absolutePath());
    QCOMPARE(second.environment.value(QStringLiteral("K")), QStringLiteral("V"));
    QCOMPARE(second.displayName(), QStringLiteral("second"));
    // two processes of one name are refused
    const QString twice = write(QStringLiteral("twice.json"), R"({"processes": [{"command": ["python3", "sub/prog.py"]},
        {"command": ["python3", "prog.py"], "cwd": "sub"}]})");
    Result<SystemFile> refused = SystemFile::load(twice);
    QVERIFY(!refused);
    checkMessage(refused.error(), QStringLiteral("twice.json"), QStringLiteral("processes[1].name"),
                 {QStringLiteral("Two processes are called \"prog.py\"")});
}

void tst_SystemFile::missingFileIsRefused()
{
    Result<SystemFile> loaded = SystemFile::load(m_dir.filePath(QStringLiteral("no-such.json")));
    QVERIFY(!loaded);
    checkMessage(loaded.error(), QStringLiteral("no-such.json"), QString(), {QStringLiteral("Cannot read the file")});
}

void tst_SystemFile::unknownAgentTypeIsRefusedByCheck()
{
    // Well-formed, so load() accepts it; the type is a typo of a registered one.
    const QString file = write(QStringLiteral("typo.json"), R"({"containers": [
        {"agents": [{"name": "n1", "type": "mas.demos:LeaderElectionAgent", "args": [1, "@n2"]}]},
        {"agents": [{"name": "n2", "type": "mas.demos:LeaderElectionAgent", "args": [2, "@n3"]},
                    {"name": "n3", "type": "mas.demos:LeaderElectionAgen", "args": [3, "@n1"]}]}]})");
    Result<SystemFile> loaded = SystemFile::load(file);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message()));
    Result<void> checked = loaded->check();
    QVERIFY(!checked);
    checkMessage(checked.error(), QStringLiteral("typo.json"), QStringLiteral("containers[1].agents[1].type"),
                 {QStringLiteral("\"mas.demos:LeaderElectionAgen\""), QStringLiteral("mas.demos:LeaderElectionAgent")});
    // build() checks first: the same error, and no system.
    Result<std::unique_ptr<System>> built = loaded->build(QStringLiteral("typo"), loaded->parameters());
    QVERIFY(!built);
    QCOMPARE(built.error().message(), checked.error().message());
    QVERIFY(!LocalQueue::find(QStringLiteral("typo"))); // no container was made
}

void tst_SystemFile::unknownInvariantIsRefusedByCheck()
{
    const QString file = write(QStringLiteral("invariant.json"),
                               ringJson(true).replace(R"(["mas.demos:at most one leader"])",
                                                      R"(["mas.demos:at most one leader", "mas.demos:at most two leaders"])"));
    Result<SystemFile> loaded = SystemFile::load(file);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message()));
    QCOMPARE(loaded->invariants.size(), 2);
    Result<void> checked = loaded->check();
    QVERIFY(!checked);
    checkMessage(checked.error(), QStringLiteral("invariant.json"), QStringLiteral("invariants[1]"),
                 {QStringLiteral("Unknown invariant \"mas.demos:at most two leaders\""),
                  QStringLiteral("mas.demos:at most one leader")});
    QVERIFY(!loaded->build(QStringLiteral("invariant"), loaded->parameters()));
}

void tst_SystemFile::missingPluginPathIsRefusedByLoadPlugins()
{
    const QString file = write(QStringLiteral("plugins/missing.json"), ringJson(false, R"(
  "plugin_path": ["../no-such-plugins"],)"));
    Result<SystemFile> loaded = SystemFile::load(file);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message()));
    const QString expected = QDir::cleanPath(m_dir.filePath(QStringLiteral("no-such-plugins")));
    QCOMPARE(loaded->pluginPaths, QStringList{expected});
    Result<void> plugins = loaded->loadPlugins();
    QVERIFY(!plugins);
    checkMessage(plugins.error(), QStringLiteral("missing.json"), QStringLiteral("plugin_path"),
                 {QStringLiteral("does not exist"), expected});
}

void tst_SystemFile::rejectedArgumentsAreRefusedByBuild_data()
{
    QTest::addColumn<QByteArray>("agent");
    QTest::addColumn<QStringList>("fragments");
    QTest::newRow("ring_id a string") << QByteArray(R"({"name": "n2", "type": "mas.demos:LeaderElectionAgent", "args": ["x", "@n1"]})")
                                      << QStringList{QStringLiteral("LeaderElectionAgent()"), QStringLiteral("'ring_id'")};
    QTest::newRow("next missing") << QByteArray(R"({"name": "n2", "type": "mas.demos:LeaderElectionAgent", "args": [5]})")
                                  << QStringList{QStringLiteral("LeaderElectionAgent()"), QStringLiteral("next")};
    QTest::newRow("unknown keyword") << QByteArray(R"({"name": "n2", "type": "mas.demos:LeaderElectionAgent", "args": [5, "@n1"], "kwargs": {"colour": 1}})")
                                     << QStringList{QStringLiteral("LeaderElectionAgent()"), QStringLiteral("colour")};
}

void tst_SystemFile::rejectedArgumentsAreRefusedByBuild()
{
    QFETCH(QByteArray, agent);
    QFETCH(QStringList, fragments);
    const QString file = write(QStringLiteral("arguments.json"), R"({"containers": [
        {"agents": [{"name": "n1", "type": "mas.demos:LeaderElectionAgent", "args": [1, "@n2"]}]},
        {"agents": [{"name": "x", "type": "mas.demos:ContractorAgent"}, )" + agent + R"(]}]})");
    Result<SystemFile> loaded = SystemFile::load(file);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message()));
    QVERIFY2(loaded->check(), "the types are known: only the factory can tell");
    LocalNetwork::instance()->setMode(LocalNetwork::Mode::Stepped);
    Result<std::unique_ptr<System>> built = loaded->build(QStringLiteral("args"), loaded->parameters());
    QVERIFY(!built);
    checkMessage(built.error(), QStringLiteral("arguments.json"), QStringLiteral("containers[1].agents[1]"), fragments);
    if (QTest::currentTestFailed())
        return;
    // Nothing is left half-built: the same queue takes a good system of the same file's shape.
    Result<SystemFile> good = SystemFile::parse(ringJson(false), m_dir.filePath(QStringLiteral("good.json")));
    QVERIFY(good);
    Result<std::unique_ptr<System>> again = good->build(QStringLiteral("args"), good->parameters());
    QVERIFY2(again, again ? "" : qPrintable(again.error().message()));
    QCOMPARE((*again)->agents().size(), 3);
}

// ---- good files ----

void tst_SystemFile::doubleAtStaysAt()
{
    Result<SystemFile> file = SystemFile::parse(R"({"containers": [{"agents": [
        {"name": "n1", "type": "t:T", "args": ["@@x", "@n2", "@@", "plain", 3],
         "kwargs": {"deep": [{"url": "@n2"}, ["@@y", "@n1"]], "text": "@@@n2"}},
        {"name": "n2", "type": "t:T"}]}]})",
                                                m_dir.filePath(QStringLiteral("at.json")));
    QVERIFY2(file, file ? "" : qPrintable(file.error().message()));
    const SystemFile::Agent *n1 = file->agent(u"n1");
    QVERIFY(n1);
    QCOMPARE(n1->where, QStringLiteral("containers[0].agents[0]"));
    // The file keeps what it says; resolving replaces the references only.
    QCOMPARE(n1->args.at(0).toString(), QStringLiteral("@@x"));
    const auto urlOf = [](const QString &name) -> std::optional<QString> {
        if (name == u"n1")
            return QStringLiteral("local://q/0");
        if (name == u"n2")
            return QStringLiteral("local://q/1");
        return std::nullopt;
    };
    Result<Value> args = SystemFile::resolve(Value(n1->args), urlOf, n1->where + QStringLiteral(".args"));
    QVERIFY(args);
    QCOMPARE(jsonText(*args), jsonText(Value::list({"@x", "local://q/1", "@", "plain", 3})));
    Result<Value> kwargs = SystemFile::resolve(Value(n1->kwargs), urlOf, n1->where + QStringLiteral(".kwargs"));
    QVERIFY(kwargs);
    QCOMPARE(kwargs->value(u"deep").at(0).value(u"url").toString(), QStringLiteral("local://q/1"));
    QCOMPARE(kwargs->value(u"deep").at(1).at(0).toString(), QStringLiteral("@y"));
    QCOMPARE(kwargs->value(u"deep").at(1).at(1).toString(), QStringLiteral("local://q/0"));
    QCOMPARE(kwargs->value(u"text").toString(), QStringLiteral("@@n2")); // one "@" less, not a reference
    // A reference to nobody names the nested key.
    Result<Value> unknown = SystemFile::resolve(Value::map({{Value("a"), Value::list({Value("ok"), Value("@ghost")})}}), urlOf,
                                                QStringLiteral("containers[2].agents[0].kwargs"));
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().message().startsWith(QStringLiteral("containers[2].agents[0].kwargs.a[1]: ")),
             qPrintable(unknown.error().message()));
    QVERIFY(unknown.error().message().contains(QStringLiteral("\"ghost\"")));
}

void tst_SystemFile::referencesResolveOnTheLocalQueue()
{
    Result<SystemFile> file = SystemFile::parse(ringJson(false, R"(
  "request_timeout_ms": 250,)"),
                                                m_dir.filePath(QStringLiteral("ring.json")));
    QVERIFY2(file, file ? "" : qPrintable(file.error().message()));
    QVERIFY(file->check());
    QCOMPARE(file->transport, Transport::LocalQueue);
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    Result<std::unique_ptr<System>> built = file->build(QStringLiteral("ring"), file->parameters());
    QVERIFY2(built, built ? "" : qPrintable(built.error().message()));
    System &system = **built;
    QVERIFY(system.queue());
    QCOMPARE(system.id(), QStringLiteral("file:ring.json"));
    QCOMPARE(system.title(), QStringLiteral("A ring of three"));
    // One container per entry, on local://ring, local://ring-1, ...; agent ids 0, 1, ... in each.
    QCOMPARE(system.containers().size(), 3);
    const QStringList urls{QStringLiteral("local://ring/0"), QStringLiteral("local://ring-1/0"), QStringLiteral("local://ring-2/0")};
    QStringList addresses;
    for (SystemAgent *agent : system.agents())
        addresses << agent->address();
    QCOMPARE(addresses, urls);
    // The file's names are the agents' names in every view.
    QCOMPARE(system.agents().at(1)->displayName(), QStringLiteral("n2"));
    QCOMPARE(system.displayNames().value(QStringLiteral("local://ring-2/0")), QStringLiteral("n3"));
    QCOMPARE(system.invariants().size(), 1);
    QCOMPARE(system.invariants().constFirst().id, QStringLiteral("mas.demos:at most one leader"));
    QCOMPARE(system.invariants().constFirst().name, QStringLiteral("at most one leader"));

    // Nothing happens before start(); every node wakes by itself then.
    settle();
    QCOMPARE(net->pendingCount(), 0);
    system.start();
    settle();
    QVERIFY(net->pendingCount() > 0);
    // The file's request timeout is the deadline of the requests on their way (simulated time).
    QVERIFY(net->step());
    settle();
    bool sawDeadline = false;
    for (const PendingTimer &t : system.clock()->pendingTimers()) {
        if (t.description.startsWith(u"reply to request")) {
            sawDeadline = true;
            QCOMPARE(t.deadline, system.clock()->time() + 0.25);
        }
    }
    QVERIFY(sawDeadline);
    QVERIFY(QCoro::waitFor(net->runUntilIdle(100'000, true)) > 0);
    settle();

    // Every election went to the node the file named as next: "@n2" is n2's real URL.
    const QList<TrafficEvent> elections = requests(TrafficEvent::Kind::Sent, QStringLiteral("election"));
    QVERIFY(!elections.isEmpty());
    QSet<QPair<QString, QString>> hops;
    for (const TrafficEvent &e : elections)
        hops.insert({e.from, e.to});
    const QSet<QPair<QString, QString>> ring{{urls[0], urls[1]}, {urls[1], urls[2]}, {urls[2], urls[0]}};
    for (const auto &hop : std::as_const(hops))
        QVERIFY2(ring.contains(hop), qPrintable(QStringLiteral("%1 -> %2").arg(hop.first, hop.second)));
    QSet<QString> receivers;
    for (const auto &hop : std::as_const(hops))
        receivers.insert(hop.second);
    QCOMPARE(receivers.size(), 3);
    // The correct ring elects n2 (42), and everybody knows it.
    QVERIFY2(everyNodeKnowsLeader(system, 42), qPrintable(system.stateText()));
    QVERIFY(system.violatedInvariants().isEmpty());
}

void tst_SystemFile::nestedReferencesAndDoubleAtReachTheAgents()
{
    // A manager whose contractors are a list nested in its kwargs, and whose task is "@@x" (the
    // plain string "@x"); two contractors in one container (URLs .../0 and .../1).
    Result<SystemFile> file = SystemFile::parse(R"({"containers": [
        {"name": "m", "agents": [{"name": "boss", "type": "mas.demos:ManagerAgent",
                                  "kwargs": {"contractors": ["@k1", "@k2"], "task": "@@x", "seed": 3}}]},
        {"name": "k", "agents": [{"name": "k1", "type": "mas.demos:ContractorAgent", "args": [1]},
                                 {"name": "k2", "type": "mas.demos:ContractorAgent", "kwargs": {"seed": 2}}]}]})",
                                                m_dir.filePath(QStringLiteral("contract.json")));
    QVERIFY2(file, file ? "" : qPrintable(file.error().message()));
    LocalNetwork::instance()->setMode(LocalNetwork::Mode::FreeRunning);
    Result<std::unique_ptr<System>> built = file->build(QStringLiteral("cnet"), file->parameters());
    QVERIFY2(built, built ? "" : qPrintable(built.error().message()));
    System &system = **built;
    QStringList addresses;
    for (SystemAgent *agent : system.agents())
        addresses << agent->address();
    const QString boss = QStringLiteral("local://cnet/0");
    const QString k1 = QStringLiteral("local://cnet-1/0");
    const QString k2 = QStringLiteral("local://cnet-1/1");
    QCOMPARE(addresses, (QStringList{boss, k1, k2}));
    system.start(); // the manager does not start by itself: ask it
    Result<rpc::Proxy> proxy = QCoro::waitFor(system.containers().at(1)->connect(boss));
    QVERIFY2(proxy, proxy ? "" : qPrintable(proxy.error().toString()));
    Result<Value> started = QCoro::waitFor((*proxy)[QStringLiteral("start")]());
    QVERIFY2(started, started ? "" : qPrintable(started.error().toString()));
    // Calls for proposals go to both contractors, for the task "@x".
    QTRY_COMPARE_WITH_TIMEOUT(requests(TrafficEvent::Kind::Delivered, QStringLiteral("cfp")).size(), 2, 10'000);
    QSet<QString> receivers;
    for (const TrafficEvent &e : requests(TrafficEvent::Kind::Sent, QStringLiteral("cfp"))) {
        receivers.insert(e.to);
        QVERIFY2(e.content.isList() && e.content.size() == 3, qPrintable(jsonText(e.content)));
        QCOMPARE(jsonText(e.content.at(1)), jsonText(Value::list({"@x", Value(boss)})));
    }
    QCOMPARE(receivers, (QSet<QString>{k1, k2}));
    QTRY_VERIFY2_WITH_TIMEOUT(system.agents().at(0)->stateText().contains(u"@x"), qPrintable(system.stateText()), 10'000);
}

void tst_SystemFile::referencesResolveOverTcp()
{
    Result<SystemFile> file = SystemFile::parse(ringJson(false, R"(
  "transport": "tcp",
  "request_timeout_ms": 5000,)"),
                                                m_dir.filePath(QStringLiteral("tcp-ring.json")));
    QVERIFY2(file, file ? "" : qPrintable(file.error().message()));
    QCOMPARE(file->transport, Transport::Tcp);
    QCOMPARE(file->parameters().transport, Transport::Tcp);
    Result<std::unique_ptr<System>> built = file->build(QStringLiteral("tcpring"), file->parameters());
    QVERIFY2(built, built ? "" : qPrintable(built.error().message()));
    System &system = **built;
    QVERIFY(!system.queue());
    QVERIFY(system.isFreeRunning());
    QCOMPARE(system.agents().size(), 3);
    QSet<QString> addresses;
    for (SystemAgent *agent : system.agents()) {
        QVERIFY2(agent->address().startsWith(u"tcp://127.0.0.1:"), qPrintable(agent->address()));
        QVERIFY2(agent->address().endsWith(u"/0"), qPrintable(agent->address()));
        addresses.insert(agent->address());
    }
    QCOMPARE(addresses.size(), 3); // a port each
    system.start();
    // Over real sockets the ring elects n2 (42): every "@next" reached the right node.
    QTRY_VERIFY2_WITH_TIMEOUT(everyNodeKnowsLeader(system, 42), qPrintable(system.stateText()), 20'000);
    QVERIFY(system.violatedInvariants().isEmpty());
    // And each container talked to the next one's real address, as the file said.
    const QList<Container *> containers = system.containers();
    for (int i = 0; i < 3; ++i) {
        const QString next = containers.at((i + 1) % 3)->baseAddress();
        QStringList servers;
        for (const Container::Connection &c : containers.at(i)->connections()) {
            if (c.outgoing)
                servers << c.serverAddress;
        }
        QVERIFY2(servers.contains(next), qPrintable(QStringLiteral("%1 -> %2 (%3)").arg(containers.at(i)->baseAddress(), next,
                                                                                      servers.join(u' '))));
    }
}

void tst_SystemFile::defaultNames()
{
    Result<SystemFile> file = SystemFile::parse(R"({"containers": [
        {"agents": [{"type": "mas.demos:LeaderElectionAgent", "args": [1, "@c1/1"]}]},
        {"agents": [{"type": "mas.demos:LeaderElectionAgent", "args": [2, "@c1/1"]},
                    {"type": "mas.demos:LeaderElectionAgent", "args": [3, "@c0/0"]}]}]})",
                                                m_dir.filePath(QStringLiteral("names.json")));
    QVERIFY2(file, file ? "" : qPrintable(file.error().message()));
    QCOMPARE(file->containers.size(), 2);
    QCOMPARE(file->containers[0].name, QStringLiteral("c0"));
    QCOMPARE(file->containers[1].name, QStringLiteral("c1"));
    QCOMPARE(file->containers[1].where, QStringLiteral("containers[1]"));
    QVERIFY(file->agent(u"c0/0"));
    QVERIFY(file->agent(u"c1/1"));
    QCOMPARE(file->agent(u"c1/1")->where, QStringLiteral("containers[1].agents[1]"));
    QVERIFY(!file->agent(u"c1/2"));
    QCOMPARE(file->parameters().agents, 3);
    QVERIFY(file->invariants.isEmpty());
    QVERIFY(file->pluginPaths.isEmpty());
    QVERIFY(file->title.isEmpty());
    const SystemType type = file->systemType();
    QCOMPARE(type.id, QStringLiteral("file:names.json"));
    QCOMPARE(type.title, QStringLiteral("names.json"));
    QVERIFY(type.build);
    Result<std::unique_ptr<System>> built = type.build(QStringLiteral("names"), file->parameters());
    QVERIFY2(built, built ? "" : qPrintable(built.error().message()));
    QCOMPARE((*built)->agents().size(), 3);
    QCOMPARE((*built)->agents().at(2)->address(), QStringLiteral("local://names-1/1"));
    QVERIFY((*built)->invariants().isEmpty());
    // Unnamed agents keep their own display names (the demo's "node N (id K)"), in every view.
    QCOMPARE((*built)->agents().at(2)->displayName(), QStringLiteral("node 3 (id 3)"));
    const QHash<QString, QString> names = (*built)->displayNames();
    QCOMPARE(names.value(QStringLiteral("local://names-1/1")), QStringLiteral("node 3 (id 3)"));
    QCOMPARE(names.value(QStringLiteral("local://names/")), QStringLiteral("node 1 (id 1)")); // its only agent
    QVERIFY(!names.contains(QStringLiteral("local://names-1/"))); // two agents: no name
}

void tst_SystemFile::relativePluginPathIsTheFilesDirectory()
{
    // A single string and an array; "." and ".." are taken from the file's directory, not the
    // working directory.
    Result<SystemFile> one = SystemFile::parse(R"({"plugin_path": "plugins", "containers": [{"agents": []}]})",
                                               m_dir.filePath(QStringLiteral("deep/er/one.json")));
    QVERIFY2(one, one ? "" : qPrintable(one.error().message()));
    QCOMPARE(one->pluginPaths, QStringList{QDir::cleanPath(m_dir.filePath(QStringLiteral("deep/er/plugins")))});
    QCOMPARE(one->fileName, QDir::cleanPath(m_dir.filePath(QStringLiteral("deep/er/one.json"))));
    Result<SystemFile> two = SystemFile::parse(R"({"plugin_path": ["../p", ".", "/opt/mas/plugins"], "containers": [{"agents": []}]})",
                                               m_dir.filePath(QStringLiteral("deep/two.json")));
    QVERIFY(two);
    QCOMPARE(two->pluginPaths, (QStringList{QDir::cleanPath(m_dir.filePath(QStringLiteral("p"))),
                                            QDir::cleanPath(m_dir.filePath(QStringLiteral("deep"))),
                                            QStringLiteral("/opt/mas/plugins")}));

    // The real plug-in directory, relative to a file elsewhere: loadPlugins() finds it from any
    // working directory, and check() passes.
    const QString fileName = m_dir.filePath(QStringLiteral("rel/ring.json"));
    QDir().mkpath(QFileInfo(fileName).absolutePath());
    const QString relative = QDir(QFileInfo(fileName).absolutePath()).relativeFilePath(QStringLiteral(MAS_DEMOS_PLUGIN_DIR));
    QVERIFY2(!QDir::isAbsolutePath(relative) && relative.startsWith(u".."), qPrintable(relative));
    write(QStringLiteral("rel/ring.json"), ringJson(true, "\n  \"plugin_path\": \"" + relative.toUtf8() + "\","));
    const QString cwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(QDir::rootPath()));
    Result<SystemFile> loaded = SystemFile::load(fileName);
    QVERIFY(QDir::setCurrent(cwd));
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message()));
    QCOMPARE(loaded->pluginPaths.size(), 1);
    QCOMPARE(QFileInfo(loaded->pluginPaths.constFirst()).canonicalFilePath(),
             QFileInfo(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)).canonicalFilePath());
    Result<void> plugins = loaded->loadPlugins(); // loaded before by initTestCase: fine again
    QVERIFY2(plugins, plugins ? "" : qPrintable(plugins.error().message()));
    QVERIFY(loaded->check());
}

void tst_SystemFile::parametersReachTheSystem()
{
    Result<SystemFile> file = SystemFile::parse(ringJson(false, R"(
  "transport": "unix",
  "codec": "msgpack",
  "request_timeout_ms": 250,
  "clock": {"start": "2030-05-06T09:08:09+02:00"},)"),
                                                m_dir.filePath(QStringLiteral("params.json")));
    QVERIFY2(file, file ? "" : qPrintable(file.error().message()));
    const QDateTime start(QDate(2030, 5, 6), QTime(7, 8, 9), QTimeZone::utc());
    const Parameters p = file->parameters();
    QCOMPARE(p.agents, 3);
    QCOMPARE(p.transport, Transport::Unix);
    QCOMPARE(p.codec, QStringLiteral("msgpack"));
    QCOMPARE(p.requestTimeout, 250ms);
    QCOMPARE(p.clockStart.toUTC(), start);

    // Unix sockets, as the file says.
    {
        Result<std::unique_ptr<System>> built = file->build(QStringLiteral("params-unix"), p);
        QVERIFY2(built, built ? "" : qPrintable(built.error().message()));
        QVERIFY(!(*built)->queue());
        for (SystemAgent *agent : (*built)->agents())
            QVERIFY2(agent->address().startsWith(u"ipc://"), qPrintable(agent->address()));
        QCOMPARE((*built)->clock()->utcStart(), start);
        QCOMPARE((*built)->parameters().codec, QStringLiteral("msgpack"));
    }
    // A caller may change the transport (the Inspector and the explorer step it on the
    // LocalQueue); the rest stays the file's, the clock start even when the caller's differs.
    Parameters local = p;
    local.transport = Transport::LocalQueue;
    local.clockStart = QDateTime(QDate(1999, 1, 1), QTime(0, 0), QTimeZone::utc());
    LocalNetwork::instance()->setMode(LocalNetwork::Mode::Stepped);
    Result<std::unique_ptr<System>> built = file->build(QStringLiteral("params"), local);
    QVERIFY2(built, built ? "" : qPrintable(built.error().message()));
    System &system = **built;
    QVERIFY(system.queue());
    QCOMPARE(system.clock()->utcStart(), start);
    QCOMPARE(system.parameters().codec, QStringLiteral("msgpack"));
    QCOMPARE(system.parameters().requestTimeout, 250ms);
    for (Container *c : system.containers())
        QCOMPARE(c->options().codec, QStringLiteral("msgpack"));
}

void tst_SystemFile::defaultParameters()
{
    Result<SystemFile> file = SystemFile::parse(ringJson(false), m_dir.filePath(QStringLiteral("defaults.json")));
    QVERIFY(file);
    const Parameters p = file->parameters();
    QCOMPARE(p.transport, Transport::LocalQueue);
    QCOMPARE(p.codec, QStringLiteral("json"));
    QCOMPARE(p.requestTimeout, 10'000ms);
    QVERIFY(!p.clockStart.isValid());
    LocalNetwork::instance()->setMode(LocalNetwork::Mode::Stepped);
    Result<std::unique_ptr<System>> built = file->build(QStringLiteral("defaults"), p);
    QVERIFY2(built, built ? "" : qPrintable(built.error().message()));
    // The clock starts at the fixed date of every system.
    QCOMPARE((*built)->clock()->utcStart(), QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()));
    QCOMPARE((*built)->clock()->time(), 0.0);
}

QTEST_GUILESS_MAIN(tst_SystemFile)
#include "tst_systemfile.moc"
