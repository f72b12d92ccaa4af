// SPDX-License-Identifier: MIT
// AgentRegistry: named agent types, Python-style constructor arguments, agent plug-ins (the
// example plug-in examples/plugins/greeter and test plug-ins that must be refused), and the
// demos' agent types; agents created by name are called over TCP on 127.0.0.1.

#include <mas/agent/agent.h>
#include <mas/agent/agentregistry.h>
#include <mas/agent/container.h>
#include <mas/demos/agenttypes.h>
#include <mas/demos/contractnet.h>
#include <mas/demos/pingpong.h>
#include <mas/rpc/rpcclient.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

#include <memory>

using namespace mas;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(mas::Value::List)
Q_DECLARE_METATYPE(mas::Value::Map)

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

const QString kGreeterPlugin = QStringLiteral(MAS_GREETER_PLUGIN);
const QString kGreeter = QStringLiteral("greeter.agents:Greeter");
const QString kCounter = QStringLiteral("greeter.agents:Counter");

/// An agent that keeps the arguments it was created with.
class Recorder : public Agent
{
public:
    Recorder(Container *container, QString name, qint64 size, bool loud)
        : Agent(container)
        , name(std::move(name))
        , size(size)
        , loud(loud)
    {}
    QString name;
    qint64 size;
    bool loud;
};

/// `Recorder(name, size=1, *, loud=False)` (loud may come positionally here, too).
Result<Agent *>
createRecorder(Container *container, const Value::List &args, const Value::Map &kwargs)
{
    const QString function = QStringLiteral("Recorder");
    const QStringList names{QStringLiteral("name"), QStringLiteral("size"), QStringLiteral("loud")};
    MAS_TRY_VOID(checkArguments(function, args, kwargs, names, 1));
    MAS_TRY(name, argumentAt<QString>(function, args, kwargs, 0, names[0]));
    MAS_TRY(size, argumentAt<qint64>(function, args, kwargs, 1, names[1], 1));
    MAS_TRY(loud, argumentAt<bool>(function, args, kwargs, 2, names[2], false));
    return new Recorder(container, name, size, loud);
}

AgentType recorderType(const QString &name = QStringLiteral("test.agents:Recorder"))
{
    return {name, QStringLiteral("Records its arguments."),
            QStringLiteral("(name, size=1, loud=False)"), &createRecorder};
}

std::unique_ptr<Container> tcpContainer()
{
    ContainerOptions options;
    options.channel.requestTimeout = 10s;
    return std::unique_ptr<Container>(
        Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0), options).value());
}

Value::Map kwargs(std::initializer_list<std::pair<const char *, Value>> entries)
{
    Value::Map map;
    for (const auto &[key, value] : entries)
        map.emplace_back(Value(key), value);
    return map;
}

/// The TypeError text of a remote failure ("" if it is none).
QString remoteTypeError(const Result<Value> &r)
{
    if (r || r.error().code() != ErrorCode::RemoteException
        || r.error().remoteType() != u"TypeError")
        return QString();
    const QStringList lines = r.error().remoteTraceback().trimmed().split(u'\n');
    return lines.constLast().sliced(QStringLiteral("TypeError: ").size());
}

} // namespace

class tst_AgentRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addFindRemove();
    void addRejects_data();
    void addRejects();
    void createWithArguments();
    void argumentErrors_data();
    void argumentErrors();
    void unknownTypeSuggestsCloseNames();

    void examplePluginAgentsAnswerOverTcp();
    void examplePluginFactoriesCheckArguments();
    void samePluginTwiceAddsNothing();
    void refusesNonPlugins_data();
    void refusesNonPlugins();
    void clashingPluginAddsNothing();
    void loadPluginsCollectsErrors();
    void loadPluginsOfAMissingDirectory();

    void demoAgentTypes();
    void demoContractNetByName();

private:
    QTemporaryDir m_dir;
};

// ---- the registry itself ----

void tst_AgentRegistry::addFindRemove()
{
    AgentRegistry registry;
    QVERIFY(registry.names().isEmpty());
    QVERIFY(registry.add(recorderType(QStringLiteral("test.b:Recorder"))));
    QVERIFY(registry.add(recorderType(QStringLiteral("test.a:Recorder"))));
    QCOMPARE(registry.names(),
             (QStringList{QStringLiteral("test.a:Recorder"), QStringLiteral("test.b:Recorder")}));
    QVERIFY(registry.contains(u"test.a:Recorder"));
    const AgentType *type = registry.find(u"test.b:Recorder");
    QVERIFY(type);
    QCOMPARE(type->signature, QStringLiteral("(name, size=1, loud=False)"));
    QCOMPARE(registry.types().size(), 2);
    QCOMPARE(registry.pluginFile(u"test.a:Recorder"), QString());
    QVERIFY(registry.remove(QStringLiteral("test.a:Recorder")));
    QVERIFY(!registry.remove(QStringLiteral("test.a:Recorder")));
    QCOMPARE(registry.names(), QStringList{QStringLiteral("test.b:Recorder")});
    QVERIFY(!registry.find(u"test.a:Recorder"));
}

void tst_AgentRegistry::addRejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("withFactory");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty name")
        << "" << true << "An agent type's name is a qualname like \"pkg.module:Class\", not \"\"";
    QTest::newRow("no colon")
        << "test.agents.Recorder" << true
        << "An agent type's name is a qualname like \"pkg.module:Class\", not "
           "\"test.agents.Recorder\"";
    QTest::newRow("no factory") << "test.agents:Empty" << false
                                << "Agent type \"test.agents:Empty\" has no factory";
    QTest::newRow("taken") << "test.agents:Recorder" << true
                           << "Agent type \"test.agents:Recorder\" is already registered";
}

void tst_AgentRegistry::addRejects()
{
    QFETCH(QString, name);
    QFETCH(bool, withFactory);
    QFETCH(QString, message);
    AgentRegistry registry;
    QVERIFY(registry.add(recorderType()));
    AgentType type = recorderType(name);
    if (!withFactory)
        type.create = nullptr;
    Result<void> added = registry.add(type);
    QVERIFY(!added);
    QCOMPARE(added.error().code(), ErrorCode::InvalidArgument);
    QCOMPARE(added.error().message(), message);
    QCOMPARE(registry.names(), QStringList{QStringLiteral("test.agents:Recorder")});
}

void tst_AgentRegistry::createWithArguments()
{
    AgentRegistry registry;
    QVERIFY(registry.add(recorderType()));
    std::unique_ptr<Container> c = tcpContainer();

    Result<Agent *> a = registry.create(u"test.agents:Recorder", c.get(), {Value("a")});
    QVERIFY2(a, qPrintable(a.error().message()));
    auto *ra = dynamic_cast<Recorder *>(*a);
    QVERIFY(ra);
    QCOMPARE(ra->container(), c.get());
    QCOMPARE(ra->aid(), QStringLiteral("0"));
    QCOMPARE(ra->name, QStringLiteral("a"));
    QCOMPARE(ra->size, qint64(1));
    QCOMPARE(ra->loud, false);

    Result<Agent *> b = registry.create(u"test.agents:Recorder", c.get(), {Value("b"), Value(7)},
                                        kwargs({{"loud", Value(true)}}));
    QVERIFY2(b, qPrintable(b.error().message()));
    auto *rb = dynamic_cast<Recorder *>(*b);
    QCOMPARE(rb->name, QStringLiteral("b"));
    QCOMPARE(rb->size, qint64(7));
    QCOMPARE(rb->loud, true);

    Result<Agent *> k = registry.create(u"test.agents:Recorder", c.get(), {},
                                        kwargs({{"size", Value(3)}, {"name", Value("k")}}));
    QVERIFY2(k, qPrintable(k.error().message()));
    QCOMPARE(dynamic_cast<Recorder *>(*k)->name, QStringLiteral("k"));
    QCOMPARE(dynamic_cast<Recorder *>(*k)->size, qint64(3));
    QCOMPARE(c->agentCount(), 3);

    Result<Agent *> noContainer = registry.create(u"test.agents:Recorder", nullptr, {Value("x")});
    QVERIFY(!noContainer);
    QCOMPARE(noContainer.error().code(), ErrorCode::InvalidArgument);
    await(c->shutdown());
}

void tst_AgentRegistry::argumentErrors_data()
{
    QTest::addColumn<Value::List>("args");
    QTest::addColumn<Value::Map>("kw");
    QTest::addColumn<QString>("message");
    // The texts Python 3 gives for `def Recorder(name, size=1, loud=False)`.
    QTest::newRow("nothing") << Value::List{} << Value::Map{}
                             << "Recorder() missing 1 required positional argument: 'name'";
    QTest::newRow("too many")
        << Value::List{Value("a"), Value(1), Value(true), Value(4)} << Value::Map{}
        << "Recorder() takes from 1 to 3 positional arguments but 4 were given";
    QTest::newRow("unknown keyword")
        << Value::List{Value("a")} << kwargs({{"colour", Value("red")}})
        << "Recorder() got an unexpected keyword argument 'colour'";
    QTest::newRow("twice") << Value::List{Value("a"), Value(2)} << kwargs({{"size", Value(3)}})
                           << "Recorder() got multiple values for argument 'size'";
    QTest::newRow("wrong type") << Value::List{Value(5)} << Value::Map{}
                                << "Recorder() argument 'name': expected str, got int (5)";
    QTest::newRow("wrong keyword type")
        << Value::List{Value("a")} << kwargs({{"size", Value("big")}})
        << "Recorder() argument 'size': expected integer, got str (\"big\")";
}

void tst_AgentRegistry::argumentErrors()
{
    QFETCH(Value::List, args);
    QFETCH(Value::Map, kw);
    QFETCH(QString, message);
    AgentRegistry registry;
    QVERIFY(registry.add(recorderType()));
    std::unique_ptr<Container> c = tcpContainer();
    Result<Agent *> agent = registry.create(u"test.agents:Recorder", c.get(), args, kw);
    QVERIFY(!agent);
    QCOMPARE(agent.error().code(), ErrorCode::TypeMismatch);
    QCOMPARE(agent.error().message(), message);
    QCOMPARE(c->agentCount(), 0);

    // Python's plurals for several missing arguments.
    const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QCOMPARE(checkArguments(QStringLiteral("f"), {}, {}, names, 2).error().message(),
             QStringLiteral("f() missing 2 required positional arguments: 'a' and 'b'"));
    QCOMPARE(checkArguments(QStringLiteral("f"), {}, {}, names, 3).error().message(),
             QStringLiteral("f() missing 3 required positional arguments: 'a', 'b', and 'c'"));
    QCOMPARE(checkArguments(QStringLiteral("f"), {Value(1)}, {}, {}, 0).error().message(),
             QStringLiteral("f() takes 0 positional arguments but 1 was given"));
    QCOMPARE(checkArguments(QStringLiteral("f"), {Value(1), Value(2)}, {}, {QStringLiteral("x")}, 1)
                 .error()
                 .message(),
             QStringLiteral("f() takes 1 positional argument but 2 were given"));
    await(c->shutdown());
}

void tst_AgentRegistry::unknownTypeSuggestsCloseNames()
{
    AgentRegistry registry;
    QVERIFY(registry.add(recorderType(QStringLiteral("test.agents:Recorder"))));
    QVERIFY(registry.add(recorderType(QStringLiteral("test.agents:Player"))));
    QVERIFY(registry.add(recorderType(QStringLiteral("other.module:Unrelated"))));
    std::unique_ptr<Container> c = tcpContainer();

    Result<Agent *> typo = registry.create(u"test.agents:Recoder", c.get(), {Value("x")});
    QVERIFY(!typo);
    QCOMPARE(typo.error().code(), ErrorCode::UnknownAgentType);
    QCOMPARE(typo.error().message(),
             QStringLiteral("No agent type \"test.agents:Recoder\" is registered (did you mean "
                            "test.agents:Player, test.agents:Recorder?)"));

    Result<Agent *> module = registry.create(u"tests.agents:recorder", c.get());
    QCOMPARE(module.error().message(),
             QStringLiteral("No agent type \"tests.agents:recorder\" is registered (did you mean "
                            "test.agents:Recorder?)"));

    Result<Agent *> nothing = registry.create(u"nothing:Close", c.get());
    QCOMPARE(nothing.error().code(), ErrorCode::UnknownAgentType);
    QCOMPARE(nothing.error().message(),
             QStringLiteral("No agent type \"nothing:Close\" is registered"));
    QCOMPARE(c->agentCount(), 0);
    await(c->shutdown());
}

// ---- the example plug-in ----

void tst_AgentRegistry::examplePluginAgentsAnswerOverTcp()
{
    AgentRegistry registry;
    Result<QStringList> added = registry.loadPlugin(kGreeterPlugin);
    QVERIFY2(added, qPrintable(added.error().message()));
    QCOMPARE(*added, (QStringList{kGreeter, kCounter}));
    QCOMPARE(registry.names(), (QStringList{kCounter, kGreeter}));
    const QString canonical = QFileInfo(kGreeterPlugin).canonicalFilePath();
    QCOMPARE(registry.pluginFiles(), QStringList{canonical});
    QCOMPARE(registry.pluginFile(kGreeter), canonical);
    QCOMPARE(registry.find(kCounter)->signature, QStringLiteral("(start=0)"));

    // Start the agents by name in a real container, as `mas host` does.
    std::unique_ptr<Container> host = tcpContainer();
    Result<Agent *> greeter = registry.create(kGreeter, host.get(), {Value("Hi")});
    QVERIFY2(greeter, qPrintable(greeter.error().message()));
    Result<Agent *> plain = registry.create(kGreeter, host.get());
    QVERIFY2(plain, qPrintable(plain.error().message()));
    Result<Agent *> counter =
        registry.create(kCounter, host.get(), {}, kwargs({{"start", Value(5)}}));
    QVERIFY2(counter, qPrintable(counter.error().message()));
    QCOMPARE((*greeter)->typeName(), QStringLiteral("Greeter"));
    QCOMPARE((*counter)->address(), host->baseAddress() + u'2');

    // A plain RPC client (rpc::openConnection), as aiomas.rpc.open_connection would call.
    Result<std::unique_ptr<rpc::RpcClient>> client = await(rpc::openConnection(host->address()));
    QVERIFY2(client, qPrintable(client.error().toString()));
    QCOMPARE(await((*client)->call(QStringLiteral("agents/0/greet"), {Value("Ada")})).value(),
             Value("Hi, Ada!"));
    QCOMPARE(await((*client)->call(QStringLiteral("agents/1/greet"), {},
                                   kwargs({{"name", Value("Bob")}})))
                 .value(),
             Value("Hello, Bob!"));

    // Another container (Container::connect), as agents elsewhere would.
    std::unique_ptr<Container> caller = tcpContainer();
    Result<rpc::Proxy> proxy = await(caller->connect((*counter)->address(), 5000ms));
    QVERIFY2(proxy, qPrintable(proxy.error().toString()));
    const rpc::Proxy counterProxy = *proxy;
    QCOMPARE(await(counterProxy[QStringLiteral("value")]()).value(), Value(5));
    QCOMPARE(await(counterProxy[QStringLiteral("increment")]()).value(), Value(6));
    QCOMPARE(await(counterProxy[QStringLiteral("increment")](10)).value(), Value(16));
    QCOMPARE(
        await(counterProxy[QStringLiteral("increment")](rpc::kw(QStringLiteral("by"), -6))).value(),
        Value(10));
    QCOMPARE(remoteTypeError(await(counterProxy[QStringLiteral("increment")](QStringLiteral("x")))),
             QStringLiteral("increment() argument 'by': expected integer, got str (\"x\")"));
    QCOMPARE(remoteTypeError(await(counterProxy[QStringLiteral("increment")](1, 2))),
             QStringLiteral("increment() takes from 0 to 1 positional arguments but 2 were given"));
    QCOMPARE(remoteTypeError(await(
                 counterProxy[QStringLiteral("increment")](rpc::kw(QStringLiteral("step"), 1)))),
             QStringLiteral("increment() got an unexpected keyword argument 'step'"));
    QCOMPARE(await(counterProxy[QStringLiteral("value")]()).value(), Value(10));
    // A sum beyond 64 bits is refused (Python's integers never wrap); the counter stays.
    const Result<Value> overflow =
        await(counterProxy[QStringLiteral("increment")](std::numeric_limits<qint64>::max()));
    QVERIFY(!overflow);
    QCOMPARE(overflow.error().code(), ErrorCode::RemoteException);
    QVERIFY2(overflow.error().toString().contains(
                 QStringLiteral("ValueError: increment(9223372036854775807) would take the "
                                "counter (10) beyond 64 bits")),
             qPrintable(overflow.error().toString()));
    QCOMPARE(await(counterProxy[QStringLiteral("value")]()).value(), Value(10));

    await((*client)->close());
    await(caller->shutdown());
    await(host->shutdown());
}

void tst_AgentRegistry::examplePluginFactoriesCheckArguments()
{
    AgentRegistry registry;
    QVERIFY(registry.loadPlugin(kGreeterPlugin));
    std::unique_ptr<Container> c = tcpContainer();
    const struct
    {
        QString type;
        Value::List args;
        Value::Map kw;
        QString message;
    } rows[] = {
        {kGreeter,
         {Value("a"), Value("b")},
         {},
         QStringLiteral("Greeter() takes from 0 to 1 positional arguments but 2 were given")},
        {kGreeter,
         {Value(3)},
         {},
         QStringLiteral("Greeter() argument 'greeting': expected str, got int (3)")},
        {kGreeter,
         {},
         kwargs({{"salutation", Value("Hi")}}),
         QStringLiteral("Greeter() got an unexpected keyword argument 'salutation'")},
        {kCounter,
         {},
         kwargs({{"start", Value("zero")}}),
         QStringLiteral("Counter() argument 'start': expected integer, got str (\"zero\")")},
        {kCounter,
         {Value(1)},
         kwargs({{"start", Value(2)}}),
         QStringLiteral("Counter() got multiple values for argument 'start'")},
    };
    for (const auto &row : rows) {
        Result<Agent *> agent = registry.create(row.type, c.get(), row.args, row.kw);
        QVERIFY(!agent);
        QCOMPARE(agent.error().code(), ErrorCode::TypeMismatch);
        QCOMPARE(agent.error().message(), row.message);
    }
    QCOMPARE(c->agentCount(), 0);
    await(c->shutdown());
}

void tst_AgentRegistry::samePluginTwiceAddsNothing()
{
    AgentRegistry registry;
    QVERIFY(registry.loadPlugin(kGreeterPlugin));
    Result<QStringList> again = registry.loadPlugin(kGreeterPlugin);
    QVERIFY2(again, qPrintable(again.error().message()));
    QVERIFY(again->isEmpty());
    // Through another path to the same file: still the same plug-in.
    QVERIFY(m_dir.isValid());
    const QString link = m_dir.filePath(QStringLiteral("libgreeter-link.so"));
    QVERIFY(QFile::link(kGreeterPlugin, link));
    Result<QStringList> viaLink = registry.loadPlugin(link);
    QVERIFY2(viaLink, qPrintable(viaLink.error().message()));
    QVERIFY(viaLink->isEmpty());
    QCOMPARE(registry.names(), (QStringList{kCounter, kGreeter}));
    QCOMPARE(registry.pluginFiles().size(), 1);

    // Another registry gets the types too (the library itself is loaded once).
    AgentRegistry other;
    QCOMPARE(other.loadPlugin(link).value(), (QStringList{kGreeter, kCounter}));
}

void tst_AgentRegistry::refusesNonPlugins_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QVERIFY(m_dir.isValid());
    const QString text = m_dir.filePath(QStringLiteral("libnotes.so"));
    QFile notes(text);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("These are notes, not machine code.\n");
    notes.close();
    QTest::newRow("text file") << text << "it is not a Qt plug-in (";
    QTest::newRow("plain shared library (libmas)")
        << QStringLiteral(MAS_LIBRARY) << "it is not a Qt plug-in (";
    QTest::newRow("missing file") << m_dir.filePath(QStringLiteral("libnothing.so"))
                                  << "the file does not exist";
    QTest::newRow("directory") << m_dir.path() << "it is not a file";
    QTest::newRow("other Qt plug-in")
        << QStringLiteral(MAS_OTHER_PLUGIN)
        << "it is a Qt plug-in with IID \"org.example.SomethingElse/1\", not an agent plug-in (IID "
           "\"org.libmas.AgentPlugin/1\")";
    QTest::newRow("agent IID, other class") << QStringLiteral(MAS_LIAR_PLUGIN)
                                            << "its plug-in class LiarPlugin does not implement "
                                               "mas::AgentPlugin, although its IID says so";
    QTest::newRow("later interface version")
        << QStringLiteral(MAS_FUTURE_PLUGIN)
        << "it was built for version 2 of the agent plug-in interface (IID "
           "\"org.libmas.AgentPlugin/2\"), this program supports version 1";
}

void tst_AgentRegistry::refusesNonPlugins()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    AgentRegistry registry;
    QVERIFY(registry.add(recorderType()));
    Result<QStringList> loaded = registry.loadPlugin(file);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code(), ErrorCode::PluginError);
    const QString message = loaded.error().message();
    QVERIFY2(message.startsWith(QStringLiteral("Cannot load agent plug-in \"")),
             qPrintable(message));
    QVERIFY2(message.contains(QFileInfo(file).fileName()), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QCOMPARE(registry.names(), QStringList{QStringLiteral("test.agents:Recorder")});
    QVERIFY(registry.pluginFiles().isEmpty());
}

void tst_AgentRegistry::clashingPluginAddsNothing()
{
    const QString clashFile = QFileInfo(QStringLiteral(MAS_CLASH_PLUGIN)).canonicalFilePath();
    const QString greeterFile = QFileInfo(kGreeterPlugin).canonicalFilePath();
    {
        AgentRegistry registry;
        QVERIFY(registry.loadPlugin(kGreeterPlugin));
        Result<QStringList> clash = registry.loadPlugin(clashFile);
        QVERIFY(!clash);
        QCOMPARE(clash.error().code(), ErrorCode::PluginError);
        QCOMPARE(clash.error().message(),
                 QStringLiteral(
                     "Cannot load agent plug-in \"%1\": agent type \"greeter.agents:Greeter\" "
                     "is registered already by plug-in \"%2\"")
                     .arg(clashFile, greeterFile));
        QVERIFY(!registry.contains(u"clash.agents:Other")); // none of its types
        QCOMPARE(registry.pluginFiles(), QStringList{greeterFile});
    }
    {
        // A type added in code clashes as well; once it is gone, the plug-in loads.
        AgentRegistry registry;
        QVERIFY(registry.add(recorderType(QStringLiteral("clash.agents:Other"))));
        Result<QStringList> clash = registry.loadPlugin(clashFile);
        QVERIFY(!clash);
        QVERIFY2(clash.error().message().endsWith(
                     QStringLiteral(": agent type \"clash.agents:Other\" is registered already")),
                 qPrintable(clash.error().message()));
        QVERIFY(!registry.contains(kGreeter));
        QVERIFY(registry.remove(QStringLiteral("clash.agents:Other")));
        QCOMPARE(registry.loadPlugin(clashFile).value(),
                 (QStringList{QStringLiteral("clash.agents:Other"), kGreeter}));
        // ... and now the example plug-in is the one refused.
        Result<QStringList> greeter = registry.loadPlugin(kGreeterPlugin);
        QVERIFY(!greeter);
        QVERIFY(greeter.error().message().contains(
            u"agent type \"greeter.agents:Greeter\" is registered already"));
        QVERIFY(!registry.contains(kCounter));
    }
}

void tst_AgentRegistry::loadPluginsCollectsErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::link(kGreeterPlugin, dir.filePath(QStringLiteral("libgreeter.so"))));
    QVERIFY(QFile::link(QStringLiteral(MAS_FUTURE_PLUGIN),
                        dir.filePath(QStringLiteral("libfuture.so"))));
    QFile broken(dir.filePath(QStringLiteral("libbroken.so")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\x7f"
                 "ELF but not really");
    broken.close();
    QFile readme(dir.filePath(QStringLiteral("README.txt"))); // no library: not even tried
    QVERIFY(readme.open(QIODevice::WriteOnly));
    readme.write("Plug-ins go here.\n");
    readme.close();

    AgentRegistry registry;
    QList<Error> errors;
    Result<QStringList> added = registry.loadPlugins(dir.path(), &errors);
    QVERIFY2(added, qPrintable(added.error().message()));
    QCOMPARE(*added, (QStringList{kGreeter, kCounter}));
    QCOMPARE(errors.size(), 2); // in file name order: libbroken.so, libfuture.so
    QCOMPARE(errors[0].code(), ErrorCode::PluginError);
    QVERIFY2(errors[0].message().contains(u"libbroken.so\": it is not a Qt plug-in"),
             qPrintable(errors[0].message()));
    QVERIFY2(errors[1].message().contains(u"futureplugin"),
             qPrintable(errors[1].message())); // canonical name
    QVERIFY2(errors[1].message().contains(u"version 2"), qPrintable(errors[1].message()));

    // Again: nothing new, the same two errors; without a list they are logged.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                           "libbroken\\.so\": it is not a Qt plug-in")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("futureplugin.*version 2")));
    QCOMPARE(registry.loadPlugins(dir.path()).value(), QStringList());
    QCOMPARE(registry.names(), (QStringList{kCounter, kGreeter}));
}

void tst_AgentRegistry::loadPluginsOfAMissingDirectory()
{
    AgentRegistry registry;
    QList<Error> errors;
    const QString missing = m_dir.filePath(QStringLiteral("no-such-dir"));
    Result<QStringList> added = registry.loadPlugins(missing, &errors);
    QVERIFY(!added);
    QCOMPARE(added.error().code(), ErrorCode::PluginError);
    QCOMPARE(
        added.error().message(),
        QStringLiteral("Cannot load agent plug-ins from \"%1\": no such directory").arg(missing));
    QVERIFY(errors.isEmpty());
}

// ---- the demos' agent types ----

void tst_AgentRegistry::demoAgentTypes()
{
    AgentRegistry registry;
    QVERIFY(registry.add(recorderType()));
    QVERIFY(demos::registerAgentTypes(registry));
    const QStringList expected{QStringLiteral("mas.demos:ContractorAgent"),
                               QStringLiteral("mas.demos:CoordinatorAgent"),
                               QStringLiteral("mas.demos:EchoAgent"),
                               QStringLiteral("mas.demos:LeaderElectionAgent"),
                               QStringLiteral("mas.demos:ManagerAgent"),
                               QStringLiteral("mas.demos:ParticipantAgent"),
                               QStringLiteral("mas.demos:PingerAgent"),
                               QStringLiteral("mas.demos:PongerAgent"),
                               QStringLiteral("test.agents:Recorder")};
    QCOMPARE(registry.names(), expected);
    for (const AgentType &type : registry.types()) {
        QVERIFY2(!type.description.isEmpty(), qPrintable(type.name));
        QVERIFY2(type.signature.startsWith(u'(') && type.signature.endsWith(u')'),
                 qPrintable(type.name));
    }
    // All or nothing: a second registration adds nothing.
    Result<void> again = demos::registerAgentTypes(registry);
    QVERIFY(!again);
    QCOMPARE(again.error().code(), ErrorCode::InvalidArgument);
    QCOMPARE(registry.names(), expected);

    // The ponger answers ping(round) from anybody (a `mas call` from a person) over TCP.
    std::unique_ptr<Container> host = tcpContainer();
    Result<Agent *> ponger = registry.create(u"mas.demos:PongerAgent", host.get());
    QVERIFY2(ponger, qPrintable(ponger.error().message()));
    Result<Agent *> faulty = registry.create(u"mas.demos:PongerAgent", host.get(), {Value(true)});
    QVERIFY2(faulty, qPrintable(faulty.error().message()));
    Result<Agent *> bad = registry.create(u"mas.demos:ManagerAgent", host.get());
    QVERIFY(!bad);
    QCOMPARE(
        bad.error().message(),
        QStringLiteral("ManagerAgent() missing 1 required positional argument: 'contractors'"));
    Result<Agent *> badRounds =
        registry.create(u"mas.demos:PingerAgent", host.get(), {Value::list({}), Value(0)});
    QVERIFY(!badRounds);
    QCOMPARE(badRounds.error().code(), ErrorCode::InvalidArgument);

    std::unique_ptr<Container> caller = tcpContainer();
    const rpc::Proxy p = await(caller->connect((*ponger)->address(), 5000ms)).value();
    QCOMPARE(await(p[QStringLiteral("ping")](3)).value(), Value(3));
    QCOMPARE(await(p[QStringLiteral("ping")](rpc::kw(QStringLiteral("round"), 4))).value(),
             Value(4));
    QCOMPARE(remoteTypeError(await(p[QStringLiteral("ping")](QStringLiteral("three")))),
             QStringLiteral("ping() argument 'round': expected integer, got str (\"three\")"));
    QCOMPARE(remoteTypeError(await(p[QStringLiteral("state")](1))),
             QStringLiteral("state() takes 0 positional arguments but 1 was given"));
    QCOMPARE(await(p[QStringLiteral("state")]()).value(),
             Value(QStringLiteral("ponger, pinged in rounds 3, 4 (2 pings), answered 3, 4")));
    const rpc::Proxy f = await(caller->connect((*faulty)->address(), 5000ms)).value();
    QCOMPARE(await(f[QStringLiteral("ping")](7)).value(), Value(1)); // counts instead of echoing

    // A pinger created by name pings the (good) ponger, round after round, one second apart.
    Result<Agent *> pinger = registry.create(u"mas.demos:PingerAgent", host.get(),
                                             {Value::list({Value((*ponger)->address())})},
                                             kwargs({{"rounds", Value(2)}}));
    QVERIFY2(pinger, qPrintable(pinger.error().message()));
    const rpc::Proxy pi = await(caller->connect((*pinger)->address(), 5000ms)).value();
    QCOMPARE(await(pi[QStringLiteral("done")]()).value(), Value(false));
    QCOMPARE(await(pi[QStringLiteral("start")]()).value(), Value(true));
    QTRY_VERIFY_WITH_TIMEOUT(await(pi[QStringLiteral("done")]()).value() == Value(true), 10000);
    QCOMPARE(dynamic_cast<demos::PongerAgent *>(*ponger)->roundsPinged(),
             (std::set<int>{1, 2, 3, 4}));

    await(caller->shutdown());
    await(host->shutdown());
}

void tst_AgentRegistry::demoContractNetByName()
{
    // One Contract Net round, each agent in a container of its own on 127.0.0.1, all created
    // by name with their peers' URLs, started and watched over RPC as `mas call` would.
    AgentRegistry registry;
    QVERIFY(demos::registerAgentTypes(registry));
    std::vector<std::unique_ptr<Container>> containers;
    QStringList contractorUrls;
    for (int i = 0; i < 3; ++i) {
        containers.push_back(tcpContainer());
        Result<Agent *> contractor =
            registry.create(u"mas.demos:ContractorAgent", containers.back().get(), {},
                            kwargs({{"seed", Value(10 + i)}}));
        QVERIFY2(contractor, qPrintable(contractor.error().message()));
        contractorUrls << (*contractor)->address();
    }
    containers.push_back(tcpContainer());
    Result<Agent *> manager = registry.create(u"mas.demos:ManagerAgent", containers.back().get(),
                                              {Value::from(contractorUrls), Value("deliver")});
    QVERIFY2(manager, qPrintable(manager.error().message()));

    std::unique_ptr<Container> caller = tcpContainer();
    const rpc::Proxy m = await(caller->connect((*manager)->address(), 5000ms)).value();
    QCOMPARE(await(m[QStringLiteral("phase")]()).value(), Value("Idle"));
    QCOMPARE(await(m[QStringLiteral("start")]()).value(), Value(true));
    QTRY_COMPARE_WITH_TIMEOUT(await(m[QStringLiteral("phase")]()).value(), Value("Done"), 10000);
    const auto *managerAgent = dynamic_cast<demos::ManagerAgent *>(*manager);
    QVERIFY(managerAgent);
    QCOMPARE(await(m[QStringLiteral("winner")]()).value(), Value(managerAgent->winner()));
    QVERIFY(contractorUrls.contains(managerAgent->winner()));
    const Value state = await(m[QStringLiteral("state")]()).value();
    QVERIFY2(state.toString().startsWith(QStringLiteral("deliver done by ")),
             qPrintable(state.toString()));

    await(caller->shutdown());
    for (auto &c : containers)
        await(c->shutdown());
}

QTEST_GUILESS_MAIN(tst_AgentRegistry)
#include "tst_agentregistry.moc"
