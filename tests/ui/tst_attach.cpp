// SPDX-License-Identifier: MIT
// MAS Inspector watching systems it does not host: attached to a container in a child process
// (with and without its traffic monitor), tapping a connection to one, calling methods from the
// call form, and demo systems on real sockets. Offscreen, over 127.0.0.1 and Unix sockets.

#include <mas/observe/attachsession.h>
#include "models/eventstore.h"
#include "views/sequencediagramview.h"
#include "widgets/callpanel.h"
#include "widgets/inspectorwindow.h"

#include <mas/system/system.h>
#include <mas/transport/localqueue.h>

#include "certificates.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace mas;
using namespace mas::ui;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// A container in a child process: `mas_agents --serve ADDRESS [--monitor]`, agent 0 exposing
/// service(value). Killed at the end of the test.
class ChildContainer
{
public:
    ~ChildContainer()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    /// Starts it and returns agent 0's URL (its first line of output).
    QString start(const QString &address, bool monitor)
    {
        QStringList args{QStringLiteral("--serve"), address};
        if (monitor)
            args << QStringLiteral("--monitor");
        process.start(QStringLiteral(MAS_AGENTS), args);
        if (!process.waitForStarted(10'000) || !process.waitForReadyRead(10'000))
            return {};
        return QString::fromUtf8(process.readLine()).trimmed();
    }
    QProcess process;
};

/// Runs `mas_agents --call URL` (a third party's client) and returns its output. The event
/// loop keeps running meanwhile: the Inspector may be relaying the client's traffic.
QString callFromAnotherProcess(const QString &url)
{
    QProcess client;
    QSignalSpy finished(&client, &QProcess::finished);
    client.start(QStringLiteral(MAS_AGENTS), {QStringLiteral("--call"), url});
    if (!client.waitForStarted(10'000))
        return QStringLiteral("(did not start: %1)").arg(client.errorString());
    if (finished.isEmpty() && !finished.wait(30'000)) {
        client.kill();
        client.waitForFinished(5000);
        return QStringLiteral("(timed out)");
    }
    return QString::fromUtf8(client.readAllStandardOutput() + client.readAllStandardError()).trimmed();
}

/// The store's events of one kind and path.
int count(const EventStore *store, TrafficEvent::Kind kind, const QString &path)
{
    int n = 0;
    for (const TrafficEvent &e : store->events())
        n += e.kind == kind && e.path == path ? 1 : 0;
    return n;
}

const TrafficEvent *findEvent(const EventStore *store, TrafficEvent::Kind kind, const QString &path, MessageType type)
{
    for (const TrafficEvent &e : store->events()) {
        if (e.kind == kind && e.path == path && e.type == type)
            return &e;
    }
    return nullptr;
}

} // namespace

class tst_Attach : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_attach"));
        // The demos are a plug-in, as for the Inspector itself.
        QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(mas::system::SystemRegistry::global().find(u"leader-election"));
    }
    void attachToChildProcess_data();
    void attachToChildProcess();
    void attachWithoutMonitor();
    void clientsOfOneHostAreOneNode();
    void attachFailsClearly();
    void attachWithMutualTls();
    void tapShowsFramesBothWays();
    void demoOnRealSockets_data();
    void demoOnRealSockets();
    void runAtChosenSpeed();

private:
    QTemporaryDir m_dir;
};

void tst_Attach::attachToChildProcess_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("tcp") << QStringLiteral("tcp://127.0.0.1:0");
    QTest::newRow("unix") << QStringLiteral("ipc://") + m_dir.filePath(QStringLiteral("attach.sock"));
}

void tst_Attach::attachToChildProcess()
{
    QFETCH(QString, address);
    ChildContainer child;
    const QString url = child.start(address, true);
    QVERIFY2(url.endsWith(u"/0"), qPrintable(url + QString::fromUtf8(child.process.readAllStandardError())));

    InspectorWindow window;
    window.show();
    Result<void> attached = await(window.attachTo(url));
    QVERIFY2(attached, qPrintable(attached.error().toString()));
    AttachSession *session = window.attachSession();
    QCOMPARE(session->state(), AttachSession::State::Watching);
    QCOMPARE(session->agents().size(), 1);
    QCOMPARE(session->agents().front().url, url);
    QCOMPARE(session->agents().front().type, QStringLiteral("TestAgent"));
    // The call form targets the agent it was given.
    QCOMPARE(window.callPanel()->target(), url);

    // Another process calls the agent: its messages show up live in every view.
    const QString output = callFromAnotherProcess(url);
    QVERIFY2(output.contains(u"got 42"), qPrintable(output));
    const QString service = QStringLiteral("agents/0/service");
    QTRY_COMPARE_WITH_TIMEOUT(count(window.store(), TrafficEvent::Kind::Delivered, service), 2, 10'000);
    const TrafficEvent *request = findEvent(window.store(), TrafficEvent::Kind::Sent, service, MessageType::Request);
    QVERIFY(request);
    QCOMPARE(request->to, url);
    QCOMPARE(request->content.at(1).at(0).toInt(), 42);
    const TrafficEvent *reply = findEvent(window.store(), TrafficEvent::Kind::Delivered, service, MessageType::Result);
    QVERIFY(reply);
    QCOMPARE(reply->from, url);
    QCOMPARE(reply->content.toInt(), 42);
    window.store()->flush();
    QVERIFY(window.messageTable()->model()->rowCount() >= 4);
    QTRY_VERIFY(window.sequenceView()->arrowCount() >= 2);

    // A call from the form goes to the child, and the child's monitor reports it.
    CallPanel *form = window.callPanel();
    form->setMethod(QStringLiteral("service"));
    form->setArguments(QStringLiteral("{\"a\": [1, 2]}"));
    Result<Value> r = await(form->call());
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(r->value(u"a").at(1).toInt(), 2);
    QVERIFY2(form->resultText().contains(u"← "), qPrintable(form->resultText()));
    QTRY_COMPARE_WITH_TIMEOUT(count(window.store(), TrafficEvent::Kind::Delivered, service), 4, 10'000);

    // The child dies: the Inspector says so and keeps what it saw.
    const qsizetype seen = window.store()->size();
    child.process.kill();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), AttachSession::State::Closed, 10'000);
    QVERIFY(session->error().isError());
    QVERIFY2(session->statusText().contains(u"Disconnected"), qPrintable(session->statusText()));
    QCOMPARE(window.store()->size(), seen);
}

void tst_Attach::clientsOfOneHostAreOneNode()
{
    // Every `mas call` connects from a new port: attached, the Inspector shows the clients of a
    // host as one participant, its times as seconds since attach, and no demo tool bar.
    ChildContainer child;
    const QString url = child.start(QStringLiteral("tcp://127.0.0.1:0"), true);
    QVERIFY2(url.endsWith(u"/0"), qPrintable(url + QString::fromUtf8(child.process.readAllStandardError())));
    InspectorWindow window;
    window.show();
    QElapsedTimer sinceAttach;
    sinceAttach.start();
    Result<void> attached = await(window.attachTo(url));
    QVERIFY2(attached, qPrintable(attached.error().toString()));
    QCOMPARE(window.attachSession()->state(), AttachSession::State::Watching);
    for (int call = 0; call < 2; ++call) {
        const QString output = callFromAnotherProcess(url);
        QVERIFY2(output.contains(u"got 42"), qPrintable(output));
    }
    const QString service = QStringLiteral("agents/0/service");
    QTRY_COMPARE_WITH_TIMEOUT(count(window.store(), TrafficEvent::Kind::Delivered, service), 4, 10'000);
    const double elapsed = double(sinceAttach.elapsed()) / 1000.0;
    const QString clients = AttachSession::clientsOf(QStringLiteral("127.0.0.1"));
    QCOMPARE(clients, QStringLiteral("clients of 127.0.0.1"));
    QStringList participants = window.store()->participants();
    QVERIFY2(participants.contains(clients), qPrintable(participants.join(u'|')));
    participants.removeAll(clients);
    participants.removeAll(url);
    QVERIFY2(participants.isEmpty(), qPrintable(participants.join(u'|'))); // no "tcp://127.0.0.1:60454"
    for (const TrafficEvent &e : window.store()->events()) {
        if (e.kind == TrafficEvent::Kind::Sent && e.path == service)
            QCOMPARE(e.type == MessageType::Request ? e.from : e.to, clients);
        // Seconds since attach: not the container's clock (which counts from its start).
        QVERIFY2(e.simTime >= 0 && e.simTime <= elapsed + 1, qPrintable(e.toDisplayString()));
    }
    QCOMPARE(window.messageTable()->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Time (s)"));
    // Nothing to step: the stepping tool bar is gone, the demo's parameters are off.
    auto *stepBar = window.findChild<QToolBar *>(QStringLiteral("steppingToolBar"));
    QVERIFY(stepBar);
    QVERIFY(!stepBar->isVisible());
    window.detach();
    QVERIFY(stepBar->isVisible());
}

void tst_Attach::attachWithoutMonitor()
{
    // A container that offers no monitor (as a Python aiomas one): the Inspector records the
    // calls it makes itself.
    ChildContainer child;
    const QString url = child.start(QStringLiteral("tcp://127.0.0.1:0"), false);
    QVERIFY(url.endsWith(u"/0"));
    InspectorWindow window;
    QVERIFY(await(window.attachTo(url)));
    QCOMPARE(window.attachSession()->state(), AttachSession::State::NoMonitor);
    QVERIFY(window.attachSession()->statusText().contains(u"no traffic monitor"));
    window.callPanel()->setMethod(QStringLiteral("service"));
    window.callPanel()->setArguments(QStringLiteral("\"hello\""));
    Result<Value> r = await(window.callPanel()->call());
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(r->toString(), QStringLiteral("hello"));
    QTRY_COMPARE(count(window.store(), TrafficEvent::Kind::Delivered, QStringLiteral("agents/0/service")), 2);
    const TrafficEvent *request = findEvent(window.store(), TrafficEvent::Kind::Sent, QStringLiteral("agents/0/service"),
                                          MessageType::Request);
    QVERIFY(request);
    QCOMPARE(request->from, QStringLiteral("Inspector"));
    QCOMPARE(request->to, url);

    // Calls that fail say why in the result pane, and nothing else breaks.
    window.callPanel()->setMethod(QStringLiteral("nope"));
    Result<Value> missing = await(window.callPanel()->call());
    QVERIFY(!missing);
    QVERIFY2(window.callPanel()->resultText().contains(u"nope"), qPrintable(window.callPanel()->resultText()));
    window.callPanel()->setTarget(QStringLiteral("tcp://127.0.0.1:1/0"));
    window.callPanel()->setMethod(QStringLiteral("service"));
    QVERIFY(!await(window.callPanel()->call()));
    window.callPanel()->setArguments(QStringLiteral("[unclosed"));
    Result<Value> bad = await(window.callPanel()->call());
    QVERIFY(!bad);
    QVERIFY2(bad.error().message().contains(u"JSON"), qPrintable(bad.error().toString()));
}

void tst_Attach::attachFailsClearly()
{
    InspectorWindow window;
    Result<void> r = await(window.attachTo(QStringLiteral("tcp://127.0.0.1:1")));
    QVERIFY(!r);
    QCOMPARE(window.attachSession()->state(), AttachSession::State::Closed);
    QVERIFY2(window.attachSession()->statusText().contains(u"127.0.0.1:1"), qPrintable(window.attachSession()->statusText()));
    QVERIFY(!await(window.attachTo(QStringLiteral("not an address"))));
}

void tst_Attach::attachWithMutualTls()
{
    // `mas host` with mutual TLS and its monitor on: the Inspector attaches with its own
    // certificate, sees the traffic and calls through TLS; without TLS it is refused.
    const QString dir = m_dir.filePath(QStringLiteral("tls"));
    QVERIFY(QDir().mkpath(dir));
    const QString host = mas::test::generateCertificates(dir, QStringLiteral("host"), QStringLiteral("ca"),
                                                         QStringLiteral("IP:127.0.0.1"));
    const QString inspector = mas::test::generateCertificates(dir, QStringLiteral("inspector"), QStringLiteral("ca"),
                                                              QStringLiteral("DNS:inspector"));
    QVERIFY(!host.isEmpty() && !inspector.isEmpty());
    const QString ca = QDir(dir).filePath(QStringLiteral("ca.pem"));
    QFile config(QDir(dir).filePath(QStringLiteral("host.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"agents": [{"type": "greeter.agents:Greeter", "args": ["Secure"]}], "monitor": true})");
    config.close();
    QProcess process;
    process.start(QStringLiteral(MAS_CLI),
                  {QStringLiteral("host"), QStringLiteral("--listen"), QStringLiteral("tcp://127.0.0.1:0"),
                   QStringLiteral("--config"), config.fileName(), QStringLiteral("--plugin-path"),
                   QStringLiteral(MAS_PLUGIN_DIR), QStringLiteral("--tls-ca"), ca, QStringLiteral("--tls-cert"),
                   host + QStringLiteral(".pem"), QStringLiteral("--tls-key"), host + QStringLiteral(".key")});
    QVERIFY(process.waitForStarted(10'000));
    QVERIFY2(process.waitForReadyRead(10'000), qPrintable(QString::fromUtf8(process.readAllStandardError())));
    const QString url = QString::fromUtf8(process.readLine()).section(u' ', 0, 0).trimmed(); // "URL TYPE"
    QVERIFY2(url.startsWith(u"tcp://127.0.0.1:"), qPrintable(url));

    InspectorWindow window;
    TlsOptions tls;
    tls.caFile = ca;
    tls.certFile = inspector + QStringLiteral(".pem");
    tls.keyFile = inspector + QStringLiteral(".key");
    Result<void> attached = await(window.attachTo(url, QStringLiteral("json"), tls));
    QVERIFY2(attached, qPrintable(attached.error().toString()));
    QCOMPARE(window.attachSession()->state(), AttachSession::State::Watching);
    window.callPanel()->setMethod(QStringLiteral("greet"));
    window.callPanel()->setArguments(QStringLiteral("\"TLS\""));
    Result<Value> r = await(window.callPanel()->call());
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(r->toString(), QStringLiteral("Secure, TLS!"));
    QTRY_COMPARE(count(window.store(), TrafficEvent::Kind::Delivered, QStringLiteral("agents/0/greet")), 2);

    // Plaintext against the TLS port: a clear failure, not a hang.
    InspectorWindow plain;
    QVERIFY(!await(plain.attachTo(url)));
    QCOMPARE(plain.attachSession()->state(), AttachSession::State::Closed);
    process.terminate();
    QVERIFY(process.waitForFinished(10'000));
}

void tst_Attach::tapShowsFramesBothWays()
{
    ChildContainer child;
    const QString url = child.start(QStringLiteral("tcp://127.0.0.1:0"), false);
    QVERIFY(url.endsWith(u"/0"));
    const QString server = url.chopped(2);
    InspectorWindow window;
    window.show();
    Result<void> tapped = window.startTap(QStringLiteral("tcp://127.0.0.1:0"), server);
    QVERIFY2(tapped, qPrintable(tapped.error().toString()));
    QVERIFY(window.tapRelay());
    const QString tapUrl = QStringLiteral("tcp://127.0.0.1:%1/0").arg(window.tapRelay()->address().port());

    // An unchanged client talks to the server through the tap.
    const QString output = callFromAnotherProcess(tapUrl);
    QVERIFY2(output.contains(u"got 42"), qPrintable(output));
    QTRY_COMPARE_WITH_TIMEOUT(count(window.store(), TrafficEvent::Kind::Delivered, QStringLiteral("agents/0/service")), 2, 10'000);
    QVERIFY(count(window.store(), TrafficEvent::Kind::Delivered, QStringLiteral("validate_aid")) >= 2);
    const TrafficEvent *reply = findEvent(window.store(), TrafficEvent::Kind::Sent, QStringLiteral("agents/0/service"),
                                        MessageType::Result);
    QVERIFY(reply);
    QCOMPARE(reply->content.toInt(), 42);
    // Named as containers name them: the request goes to the agent's URL.
    QCOMPARE(reply->from, url);
    window.detach();
    QVERIFY(!window.tapRelay());
    QVERIFY(window.store()->size() > 0); // kept for browsing

    QVERIFY(!window.startTap(QStringLiteral("tcp://127.0.0.1:0"), QStringLiteral("bogus://x")));
}

void tst_Attach::demoOnRealSockets_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("tcp") << QStringLiteral("tcp");
    QTest::newRow("unix") << QStringLiteral("unix");
}

void tst_Attach::demoOnRealSockets()
{
    QFETCH(QString, transport);
    InspectorWindow window;
    window.show();
    system::Parameters p;
    p.agents = 4;
    p.transport = system::parseTransport(transport).value();
    QVERIFY(window.newSystem(QStringLiteral("echo"), p));
    QVERIFY(!window.system()->queue());
    QVERIFY(!window.stepAction()->isEnabled()); // sockets run free: nothing to step
    QTRY_VERIFY_WITH_TIMEOUT(window.system()->isFinished(), 20'000);
    QCOMPARE(window.system()->violatedInvariants(), QStringList());
    // Every frame was watched at both ends and became one message, sent and delivered. The
    // last acknowledgements may still be on their way when the outcome is known.
    const auto counts = [&] {
        window.store()->flush();
        int sent = 0;
        int delivered = 0;
        for (const TrafficEvent &e : window.store()->events()) {
            sent += e.kind == TrafficEvent::Kind::Sent;
            delivered += e.kind == TrafficEvent::Kind::Delivered;
        }
        return std::pair{sent, delivered};
    };
    QTRY_VERIFY_WITH_TIMEOUT(counts().first > 0 && counts().first == counts().second, 10'000);
    for (const TrafficEvent &e : window.store()->events()) {
        if (e.kind == TrafficEvent::Kind::Sent)
            QVERIFY2(e.from.startsWith(transport == u"tcp" ? u"tcp://" : u"ipc://"), qPrintable(e.toDisplayString()));
    }
    QVERIFY(window.sequenceView()->lifelineCount() >= 4);
}

void tst_Attach::runAtChosenSpeed()
{
    InspectorWindow window;
    window.setShowPlumbing(true); // every frame waits its turn (folded plumbing goes by at once)
    system::Parameters p;
    p.agents = 4;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    LocalNetwork *net = LocalNetwork::instance();
    QTRY_VERIFY(net->pendingCount() > 0);
    const auto delivered = [&] {
        int n = 0;
        for (const TrafficEvent &e : net->eventLog().events())
            n += e.kind == TrafficEvent::Kind::Delivered;
        return n;
    };
    window.setRunSpeed(1.0); // one message a second
    QCoro::Task<void> running = window.run();
    QVERIFY(window.isRunning());
    QTRY_COMPARE(delivered(), 1);
    // The documented stillness wait (the only fixed wait of this test): nothing can show that
    // the next message waits its turn but real time in which it is not delivered (its turn
    // comes a second after the first).
    QTest::qWait(200);
    QCOMPARE(delivered(), 1);
    window.pause();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isRunning(), 5000);
    QVERIFY(delivered() <= 2);
    QVERIFY(net->pendingCount() > 0);
}

QTEST_MAIN(tst_Attach)
#include "tst_attach.moc"
