// SPDX-License-Identifier: MIT
// `mas call` as a subprocess against services served by the test itself (127.0.0.1).

#include <mas/codec/dateserializer.h>
#include <mas/rpc/rpcclient.h>

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <QCoro/QCoroTimer>

#include "certificates.h"

#include <stdexcept>

using namespace mas;
using namespace mas::rpc;

namespace {

struct ValueError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class tst_MasCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void calls_data();
    void calls();
    void remoteFailure();
    void agentCalls();
    void missingAgent();
    void tls();
    void unknownHost();
    void ipcAgentUrlWithoutBrackets();
    void timeout();
    void usageErrors_data();
    void usageErrors();
    void help();

private:
    Outcome run(const QStringList &args);
    QString address() const { return m_server->address().toString(); }

    Router m_root;
    Router m_calc;
    Router m_container;
    Router m_agents;
    Router m_greeter;
    ChannelServer *m_server = nullptr;
    ChannelServer *m_containerServer = nullptr;
};

void tst_MasCall::initTestCase()
{
    m_root.expose(QStringLiteral("add"), [](int a, int b) { return a + b; }, {QStringLiteral("a"), QStringLiteral("b")});
    m_root.expose(QStringLiteral("echo"), [](const Value &v) { return v; });
    m_root.expose(QStringLiteral("fail"), [](const QString &m) -> int { throw ValueError(m.toStdString()); });
    m_root.expose(QStringLiteral("never"), []() -> QCoro::Task<int> {
        co_await QCoro::sleepFor(std::chrono::seconds(30));
        co_return 0;
    });
    m_calc.expose(QStringLiteral("mul"), [](int a, int b) { return a * b; });
    m_root.addRouter(QStringLiteral("calc"), &m_calc);
    m_server = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), &m_root, {}, {}, this).value();

    // A container as aiomas lays it out: validate_aid and agents/<aid>/..., dates as type id 0.
    m_container.expose(QStringLiteral("validate_aid"),
                       [](const QString &aid) { return aid == u"0" ? Value("Greeter") : Value(); });
    m_greeter.expose(QStringLiteral("hello"), [](const QString &name) { return QStringLiteral("Hello, %1!").arg(name); });
    m_greeter.expose(QStringLiteral("now"), []() {
        return Value::from(QDateTime(QDate(2016, 1, 1), QTime(0, 1, 30), Qt::UTC));
    });
    m_agents.addRouter(QStringLiteral("0"), &m_greeter);
    m_container.addRouter(QStringLiteral("agents"), &m_agents);
    ChannelOptions options;
    options.extraSerializers.push_back([](SerializerRegistry &r) -> Result<void> {
        Result<int> id = addDateSerializer(r);
        if (!id)
            return id.error();
        return {};
    });
    m_containerServer = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), &m_container, {}, options, this).value();
}

Outcome tst_MasCall::run(const QStringList &args)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(MAS_CLI), QStringList{QStringLiteral("call")} + args);
    if (!process.waitForStarted(10'000))
        return {};
    // The servers live in this thread: the event loop runs while the child works.
    if (finished.isEmpty() && !finished.wait(30'000)) {
        process.kill();
        process.waitForFinished(5000);
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

void tst_MasCall::calls_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("positional") << QStringList{QStringLiteral("add"), QStringLiteral("3"), QStringLiteral("4")} << "7\n";
    QTest::newRow("keywords") << QStringList{QStringLiteral("add"), QStringLiteral("--kw"), QStringLiteral("a=40"),
                                             QStringLiteral("--kw"), QStringLiteral("b=2")}
                              << "42\n";
    QTest::newRow("nested path") << QStringList{QStringLiteral("calc/mul"), QStringLiteral("6"), QStringLiteral("7")} << "42\n";
    QTest::newRow("json values") << QStringList{QStringLiteral("echo"), QStringLiteral(R"({"a": [1, 2.5, null, true], "é": "x"})")}
                                 << "{\"a\": [1, 2.5, null, true], \"\\u00e9\": \"x\"}\n";
    QTest::newRow("msgpack") << QStringList{QStringLiteral("add"), QStringLiteral("1"), QStringLiteral("2"),
                                            QStringLiteral("--codec"), QStringLiteral("msgpack")}
                             << QString(); // the server speaks JSON: the call must fail, see below
}

void tst_MasCall::calls()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    if (expected.isEmpty()) {
        // Mismatched codecs: the JSON server drops the msgpack frame; mas reports the reset.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("closing the connection .*Invalid JSON.*")));
        const Outcome o = run(QStringList{address()} + args + QStringList{QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(o.exitCode, 3);
        QVERIFY2(o.err.contains(u"reset") || o.err.contains(u"closed"), qPrintable(o.err));
        return;
    }
    const Outcome o = run(QStringList{address()} + args);
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(o.out, expected);
    QCOMPARE(o.err, QString());
}

void tst_MasCall::remoteFailure()
{
    const Outcome o = run({address(), QStringLiteral("fail"), QStringLiteral("\"boom\"")});
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.startsWith(u"Traceback (most recent call last):\n"), qPrintable(o.err));
    QVERIFY2(o.err.endsWith(u"ValueError: boom\n"), qPrintable(o.err));
    QCOMPARE(o.out, QString());

    const Outcome unknown = run({address(), QStringLiteral("nope")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.endsWith(u"LookupError: Name \"nope\" not found in \"\"\n"));
}

void tst_MasCall::agentCalls()
{
    const QString agent = m_containerServer->address().toString() + QStringLiteral("/0");
    Outcome o = run({agent, QStringLiteral("hello"), QStringLiteral("\"C++\"")});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(o.out, QStringLiteral("\"Hello, C++!\"\n"));
    // Dates travel with the container's date serializer and print as ISO 8601.
    o = run({agent, QStringLiteral("now")});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(o.out, QStringLiteral("\"2016-01-01T00:01:30+00:00\"\n"));
}

void tst_MasCall::missingAgent()
{
    const Outcome o = run({m_containerServer->address().toString() + QStringLiteral("/99"), QStringLiteral("hello"),
                           QStringLiteral("\"x\"")});
    QCOMPARE(o.exitCode, 3);
    QVERIFY2(o.err.contains(u"Agent \"99\" does not exist"), qPrintable(o.err));
}

void tst_MasCall::tls()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString server = test::generateCertificates(dir.path(), QStringLiteral("server"), QStringLiteral("ca"),
                                                      QStringLiteral("IP:127.0.0.1"));
    const QString client = test::generateCertificates(dir.path(), QStringLiteral("client"), QStringLiteral("ca"),
                                                      QStringLiteral("DNS:client"));
    QVERIFY(!server.isEmpty() && !client.isEmpty());
    ChannelOptions options;
    options.tls = TlsOptions{dir.filePath(QStringLiteral("ca.pem")), server + QStringLiteral(".pem"),
                             server + QStringLiteral(".key"), {}, {}, std::chrono::seconds(10)};
    ChannelServer *tlsServer = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), &m_root, {}, options, this).value();
    const QStringList tlsArgs{QStringLiteral("--tls-ca"), dir.filePath(QStringLiteral("ca.pem")), QStringLiteral("--tls-cert"),
                              client + QStringLiteral(".pem"), QStringLiteral("--tls-key"), client + QStringLiteral(".key")};
    Outcome o = run(QStringList{tlsServer->address().toString(), QStringLiteral("add"), QStringLiteral("3"), QStringLiteral("4")} + tlsArgs);
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(o.out, QStringLiteral("7\n"));
    // TLS needs our own certificate too (mutual authentication): a clear local error.
    o = run({tlsServer->address().toString(), QStringLiteral("add"), QStringLiteral("3"), QStringLiteral("4"),
             QStringLiteral("--tls-ca"), dir.filePath(QStringLiteral("ca.pem")), QStringLiteral("--timeout"), QStringLiteral("5")});
    QCOMPARE(o.exitCode, 3);
    QVERIFY2(o.err.contains(u"certificate"), qPrintable(o.err));
    delete tlsServer;
}

void tst_MasCall::unknownHost()
{
    // The reserved .invalid domain never resolves; nothing is sent anywhere.
    const Outcome o = run({QStringLiteral("tcp://no-such-host.invalid:5555"), QStringLiteral("add"), QStringLiteral("1"),
                           QStringLiteral("2"), QStringLiteral("--timeout"), QStringLiteral("3")});
    QCOMPARE(o.exitCode, 3);
    QVERIFY2(o.err.contains(u"no-such-host.invalid"), qPrintable(o.err));
}

void tst_MasCall::ipcAgentUrlWithoutBrackets()
{
    // ipc:///x.sock/0 where x.sock is a server's socket: the message says how to write it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString socketPath = dir.filePath(QStringLiteral("x.sock"));
    std::unique_ptr<ChannelServer> server(
        startServer(Address::ipc(socketPath), &m_container, {}, {}, nullptr).value());
    const Outcome o = run({QStringLiteral("ipc://%1/0").arg(socketPath), QStringLiteral("state"),
                           QStringLiteral("--timeout"), QStringLiteral("3")});
    QCOMPARE(o.exitCode, 2); // a malformed address, at once (not retried as a refusal)
    QVERIFY2(o.err.contains(QStringLiteral("%1 is not a directory").arg(socketPath))
                 && o.err.contains(QStringLiteral("ipc://[%1]/0").arg(socketPath))
                 && !o.err.contains(QStringLiteral("Unknown error")),
             qPrintable(o.err));
}

void tst_MasCall::timeout()
{
    // It gives up by its --timeout ("in time"), not when `never` would answer (after 30 s).
    const Outcome o = run({address(), QStringLiteral("never"), QStringLiteral("--timeout"), QStringLiteral("0.5")});
    QCOMPARE(o.exitCode, 3);
    QVERIFY2(o.err.contains(u"in time"), qPrintable(o.err));
}

void tst_MasCall::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no path") << QStringList{QStringLiteral("tcp://127.0.0.1:5555")} << "ADDRESS and PATH are required";
    QTest::newRow("not json") << QStringList{QStringLiteral("tcp://127.0.0.1:5555"), QStringLiteral("add"), QStringLiteral("x")}
                              << "not a JSON literal";
    QTest::newRow("bad kw") << QStringList{QStringLiteral("tcp://127.0.0.1:5555"), QStringLiteral("add"), QStringLiteral("--kw"),
                                           QStringLiteral("a")}
                            << "NAME=VALUE";
    QTest::newRow("bad address") << QStringList{QStringLiteral("udp://x:1"), QStringLiteral("add")} << "Cannot parse address";
    QTest::newRow("bad timeout") << QStringList{QStringLiteral("tcp://127.0.0.1:5555"), QStringLiteral("add"),
                                                QStringLiteral("--timeout"), QStringLiteral("-1")}
                                 << "--timeout";
    QTest::newRow("unknown codec") << QStringList{address(), QStringLiteral("add"), QStringLiteral("--codec"), QStringLiteral("xml")}
                                   << "Unknown codec";
}

void tst_MasCall::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Outcome o = run(args);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(message), qPrintable(o.err));
}

void tst_MasCall::help()
{
    const Outcome o = run({QStringLiteral("--help")});
    QCOMPARE(o.exitCode, 0);
    for (const char *option : {"--kw", "--codec", "--tls-ca", "--tls-cert", "--tls-key", "--timeout", "Examples:", "Exit status"})
        QVERIFY2(o.out.contains(QLatin1String(option)), option);
}

QTEST_GUILESS_MAIN(tst_MasCall)
#include "tst_mascall.moc"
