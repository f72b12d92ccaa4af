// SPDX-License-Identifier: MIT
// The Inspector hosting the Counter simulator for mosaik, driven by the recorded traffic of a
// real mosaik 3.3.3 over TCP on 127.0.0.1: every mosaik request and reply shows in the message
// views, the clock panel follows the simulated time, and a co-simulation held at a step waits
// (mosaik gets no reply) until the user continues it.

#include "models/agenttreemodel.h"
#include "models/eventstore.h"
#include <mas/observe/mosaiksession.h>
#include "widgets/clockpanel.h"
#include "widgets/cosimulationpanel.h"
#include "widgets/inspectorwindow.h"

#include <mas/clock/clock.h>

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTreeView>

#include "testdata.h"
#include "transcriptpeer.h"

using namespace mas;
using namespace mas::ui;
using test::TranscriptFrame;
using test::TranscriptPeer;

namespace {

const QString kFile = QStringLiteral("mosaik-wire-json.json");

int count(const EventStore *store, const QString &path, MessageType type, TrafficEvent::Kind kind)
{
    int n = 0;
    for (const TrafficEvent &e : store->events())
        n += e.path == path && e.type == type && e.kind == kind;
    return n;
}

QString labelText(QWidget *parent, const char *name)
{
    auto *label = parent->findChild<QLabel *>(QLatin1StringView(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1StringView(name));
}

/// The recorded mosaik side of a case, without the failure frame comparison (these cases have none).
std::vector<TranscriptFrame> recorded(const QString &caseName)
{
    return test::transcriptFrames(kFile, caseName);
}

} // namespace

class tst_CoSimulation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void holdAtStepAndContinue();
    void singleStepWithTheStepButton();
    void connectToMosaik();
    void badAddress();
};

void tst_CoSimulation::initTestCase()
{
    QVERIFY2(!test::readInteropFile(kFile).isEmpty(), "the mosaik recordings are missing");
}

void tst_CoSimulation::holdAtStepAndContinue()
{
    InspectorWindow window;
    window.resize(1400, 860);
    window.show();
    CoSimulationPanel *panel = window.coSimulationPanel();
    // The user sets the breakpoint in the panel before mosaik starts.
    panel->findChild<QSpinBox *>(QStringLiteral("holdAtSpin"))->setValue(1);
    panel->findChild<QCheckBox *>(QStringLiteral("holdAtCheck"))->setChecked(true);

    Result<Address> address = window.hostMosaikSimulator(QStringLiteral("127.0.0.1:0"));
    QVERIFY2(address, qPrintable(address.error().message()));
    MosaikSession *session = window.mosaikSession();
    QCOMPARE(session->state(), MosaikSession::State::Listening);
    QVERIFY(labelText(panel, "statusLabel").contains(QStringLiteral("Waiting for mosaik on 127.0.0.1:%1").arg(address->port())));
    QVERIFY(!window.clockPanel()->drivenBy().isEmpty()); // the user cannot move mosaik's clock

    // mosaik (the recorded traffic) connects.
    QTcpSocket mosaik;
    mosaik.connectToHost(QStringLiteral("127.0.0.1"), address->port());
    QVERIFY(mosaik.waitForConnected(5000));
    const std::vector<TranscriptFrame> frames = recorded(QStringLiteral("basic_until3"));
    TranscriptPeer peer(&mosaik, frames, true);

    // Held at step 1: the step request arrived, its reply does not come.
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), MosaikSession::State::Held, 5000);
    QCOMPARE(session->simulator()->heldStep(), std::optional<qint64>(1));
    const std::size_t matched = peer.matchedFrames();
    // The documented stillness wait (the only fixed wait of this test): real time passes and
    // the held step's reply must not come.
    QTest::qWait(300);
    QCOMPARE(peer.matchedFrames(), matched);
    QVERIFY(!peer.finished());
    QVERIFY2(labelText(panel, "statusLabel").contains(QStringLiteral("held at step 1")), qPrintable(labelText(panel, "statusLabel")));
    auto *continueButton = panel->findChild<QPushButton *>(QStringLiteral("continueButton"));
    QVERIFY(continueButton->isEnabled());
    // The views show the co-simulation so far: steps 0 and 1 asked, step 0 answered.
    QCOMPARE(count(window.store(), QStringLiteral("step"), MessageType::Request, TrafficEvent::Kind::Delivered), 2);
    QCOMPARE(count(window.store(), QStringLiteral("step"), MessageType::Result, TrafficEvent::Kind::Sent), 1);
    QVERIFY(window.store()->participants().contains(session->mosaikName()));
    QCOMPARE(session->mosaikName(), QStringLiteral("mosaik"));
    QVERIFY(session->mosaikAddress().startsWith(QStringLiteral("127.0.0.1:")));
    // The clock panel shows the simulated time of the held step (t = 1 × time_resolution 1.0).
    QCOMPARE(window.clockPanel()->clock()->time(), 1.0);
    QVERIFY2(labelText(window.clockPanel(), "timeLabel").contains(QStringLiteral("1")), qPrintable(labelText(window.clockPanel(), "timeLabel")));
    // The entities mosaik created are in the System tree.
    auto *tree = window.findChild<QTreeView *>();
    QVERIFY(tree);
    QVERIFY(!tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole, QStringLiteral("Counter_2"), 1,
                                  Qt::MatchRecursive).isEmpty());

    // (For the documentation: MAS_SCREENSHOT_DIR=docs/images keeps a picture of the held run.)
    if (const QString shots = qEnvironmentVariable("MAS_SCREENSHOT_DIR"); !shots.isEmpty()) {
        window.store()->flush(); // the views take the pending batch of events now
        QCoreApplication::processEvents();
        QVERIFY(window.grab().save(shots + QStringLiteral("/inspector-mosaik.png")));
    }

    // The user continues: the rest of the recorded run completes and mosaik stops the simulator.
    QTest::mouseClick(continueButton, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(peer.finished() || !peer.mismatch().isEmpty(), qPrintable(peer.mismatch()), 10000);
    QVERIFY2(peer.mismatch().isEmpty(), qPrintable(peer.mismatch()));
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), MosaikSession::State::Stopped, 5000);
    QVERIFY(!continueButton->isEnabled());
    QCOMPARE(session->stepCount(), 3);
    QVERIFY2(session->statusText().contains(QStringLiteral("stopped by mosaik after 3 step(s)")), qPrintable(session->statusText()));
    QCOMPARE(count(window.store(), QStringLiteral("step"), MessageType::Result, TrafficEvent::Kind::Sent), 3);
    QCOMPARE(count(window.store(), QStringLiteral("get_data"), MessageType::Result, TrafficEvent::Kind::Sent), 3);
    QCOMPARE(count(window.store(), QStringLiteral("stop"), MessageType::Request, TrafficEvent::Kind::Delivered), 1);
    QCOMPARE(window.clockPanel()->clock()->time(), 2.0);

}

void tst_CoSimulation::singleStepWithTheStepButton()
{
    InspectorWindow window;
    window.show(); // buttons take clicks when visible
    CoSimulationPanel *panel = window.coSimulationPanel();
    panel->setHoldAt(0);
    Result<Address> address = window.hostMosaikSimulator(QStringLiteral("127.0.0.1:0"));
    QVERIFY(address);
    MosaikSession *session = window.mosaikSession();
    QTcpSocket mosaik;
    mosaik.connectToHost(QStringLiteral("127.0.0.1"), address->port());
    QVERIFY(mosaik.waitForConnected(5000));
    TranscriptPeer peer(&mosaik, recorded(QStringLiteral("step_size2_callbacks_until5")), true);

    // Step: each step runs and the next one is held, so mosaik moves one step per press.
    for (qint64 t : {0, 2, 4}) {
        QTRY_COMPARE_WITH_TIMEOUT(session->simulator() ? session->simulator()->heldStep() : std::nullopt,
                                  std::optional<qint64>(t), 5000);
        QCOMPARE(window.clockPanel()->clock()->time(), double(t));
        QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("stepButton"))->isEnabled());
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("stepButton")), Qt::LeftButton);
    }
    QTRY_VERIFY2_WITH_TIMEOUT(peer.finished() || !peer.mismatch().isEmpty(), qPrintable(peer.mismatch()), 10000);
    QVERIFY2(peer.mismatch().isEmpty(), qPrintable(peer.mismatch()));
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), MosaikSession::State::Stopped, 5000);
    // The simulator's own calls into mosaik during the first step are in the views too.
    QCOMPARE(count(window.store(), QStringLiteral("get_progress"), MessageType::Request, TrafficEvent::Kind::Sent), 1);
    QCOMPARE(count(window.store(), QStringLiteral("get_related_entities"), MessageType::Result, TrafficEvent::Kind::Delivered), 1);
}

void tst_CoSimulation::connectToMosaik()
{
    // mosaik's cmd starter: mosaik listens, the Inspector connects (--mosaik-connect %(addr)s).
    QTcpServer mosaik;
    QVERIFY(mosaik.listen(QHostAddress::LocalHost, 0));
    InspectorWindow window;
    std::optional<Result<void>> connected;
    QCoro::connect(window.connectMosaikSimulator(QStringLiteral("127.0.0.1:%1").arg(mosaik.serverPort())), &window,
                   [&](const Result<void> &r) { connected = r; });
    QTRY_VERIFY_WITH_TIMEOUT(mosaik.hasPendingConnections(), 5000);
    QTcpSocket *socket = mosaik.nextPendingConnection();
    QTRY_VERIFY_WITH_TIMEOUT(connected.has_value(), 5000);
    QVERIFY(*connected);
    TranscriptPeer peer(socket, recorded(QStringLiteral("basic_until3")), true);
    QTRY_VERIFY2_WITH_TIMEOUT(peer.finished() || !peer.mismatch().isEmpty(), qPrintable(peer.mismatch()), 10000);
    QVERIFY2(peer.mismatch().isEmpty(), qPrintable(peer.mismatch()));
    QTRY_COMPARE_WITH_TIMEOUT(window.mosaikSession()->state(), MosaikSession::State::Stopped, 5000);
    QCOMPARE(window.mosaikSession()->simulatorName(), QStringLiteral("Counter ExtSim-0"));

    // Detach ends the session; the recorded messages stay.
    const qsizetype events = window.store()->size();
    QVERIFY(events > 20);
    window.detach();
    QCOMPARE(window.mosaikSession()->state(), MosaikSession::State::Idle);
    QCOMPARE(window.store()->size(), events);
}

void tst_CoSimulation::badAddress()
{
    InspectorWindow window;
    Result<Address> bad = window.hostMosaikSimulator(QStringLiteral("no port"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code(), ErrorCode::InvalidAddress);
    QCOMPARE(window.mosaikSession()->state(), MosaikSession::State::Idle);
    // Nobody listening: the connection error is reported, nothing hangs.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    std::optional<Result<void>> connected;
    QCoro::connect(window.connectMosaikSimulator(QStringLiteral("127.0.0.1:%1").arg(port)), &window,
                   [&](const Result<void> &r) { connected = r; });
    QTRY_VERIFY_WITH_TIMEOUT(connected.has_value(), 15000);
    QVERIFY(!*connected);
    QCOMPARE(connected->error().code(), ErrorCode::ConnectionRefused);
    QCOMPARE(window.mosaikSession()->state(), MosaikSession::State::Stopped);
    QVERIFY(window.mosaikSession()->statusText().contains(QStringLiteral("ended")));
}

QTEST_MAIN(tst_CoSimulation)
#include "tst_cosimulation.moc"
