// SPDX-License-Identifier: MIT
// Replays the recordings of a real mosaik 3.3.3 driving the Python reference Counter simulator
// (../shared/interop/mosaik-wire-json.json) against the C++ Counter over TCP: the recorded
// mosaik frames are sent verbatim and every frame the simulator writes must equal the recorded
// one byte for byte; failure frames, whose traceback chunks name places in Python code, are
// compared structurally (id, type, message, first and last chunk). Both start modes are run,
// in-process and with the mosaik_counter executable.

#include <mas/codec/jsoncodec.h>
#include <mas/mosaik/simulator.h>
#include <mas/transport/framing.h>

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <mas/mosaik/counter.h>
#include "testdata.h"
#include "transcriptpeer.h"

using namespace mas;
using test::TranscriptFrame;
using test::TranscriptPeer;

namespace {

const QString kFile = QStringLiteral("mosaik-wire-json.json");

/// Counts how each simulator frame matched.
struct MatchCounts
{
    int exact = 0;
    int structural = 0;
};

TranscriptPeer::Comparator mosaikComparator(MatchCounts *counts)
{
    return [counts](const TranscriptFrame &expected, const QByteArray &frame, QString *why) {
        if (frame == expected.bytes) {
            ++counts->exact;
            return true;
        }
        const Value &want = expected.decoded;
        if (!want.isList() || want.at(0).toInt() != 2) {
            *why = QStringLiteral("bytes differ");
            return false;
        }
        Result<Value> got = JsonCodec::read(QByteArrayView(frame).sliced(kFrameHeaderSize));
        if (!got || !got->isList() || got->size() != 3) {
            *why = QStringLiteral("not a [type, id, content] frame");
            return false;
        }
        const Value &content = got->at(2);
        const Value &wanted = want.at(2);
        if (got->at(0) != want.at(0) || got->at(1) != want.at(1) || !content.isList() || content.size() < 4) {
            *why = QStringLiteral("not a failure array for the same id");
            return false;
        }
        for (const Value &chunk : content.asList())
            if (!chunk.isString()) {
                *why = QStringLiteral("a failure chunk is not a string");
                return false;
            }
        // type, message, "Traceback (most recent call last):\n" ... "Type: message\n"
        if (content.at(0) != wanted.at(0) || content.at(1) != wanted.at(1) || content.at(2) != wanted.at(2)
            || content.at(content.size() - 1) != wanted.at(wanted.size() - 1)) {
            *why = QStringLiteral("type, message or traceback frame differ");
            return false;
        }
        ++counts->structural;
        return true;
    };
}

int framesFromSimulator(const std::vector<TranscriptFrame> &frames)
{
    return int(std::count_if(frames.begin(), frames.end(), [](const TranscriptFrame &f) { return !f.fromInitiator; }));
}

QString simulatorExecutable()
{
    return QStringLiteral(MAS_MOSAIK_COUNTER);
}

} // namespace

class tst_MosaikReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordedCases_data();
    void simulatorListens_data() { recordedCases_data(); }
    void simulatorListens();
    void simulatorConnects_data() { recordedCases_data(); }
    void simulatorConnects();
    void executable_data();
    void executable();
    void executableHelpAndBadArguments();

private:
    void checkReplay(TranscriptPeer &peer, mosaik::CounterSimulator &simulator, QTcpSocket *socket,
                     const std::vector<TranscriptFrame> &frames, const MatchCounts &counts);
};

void tst_MosaikReplay::initTestCase()
{
    QVERIFY2(!test::readInteropFile(kFile).isEmpty(), "the mosaik recordings are missing");
}

void tst_MosaikReplay::recordedCases_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<QString>("finalCount"); // Counter_2 at the end ("" when the run failed)
    QTest::newRow("basic_until3") << QStringLiteral("basic_until3") << QStringLiteral("109");
    QTest::newRow("step_size2_callbacks_until5") << QStringLiteral("step_size2_callbacks_until5") << QStringLiteral("109");
    QTest::newRow("step_failure_at1") << QStringLiteral("step_failure_at1") << QStringLiteral("103");
}

void tst_MosaikReplay::checkReplay(TranscriptPeer &peer, mosaik::CounterSimulator &simulator, QTcpSocket *socket,
                                   const std::vector<TranscriptFrame> &frames, const MatchCounts &counts)
{
    QFETCH(QString, caseName);
    QFETCH(QString, finalCount);
    QTRY_VERIFY2_WITH_TIMEOUT(peer.finished() || !peer.mismatch().isEmpty(), qPrintable(peer.mismatch()), 10000);
    QVERIFY2(peer.mismatch().isEmpty(), qPrintable(peer.mismatch()));
    QCOMPARE(int(peer.matchedFrames()), framesFromSimulator(frames));
    // Only the failure frame (its traceback) may differ in bytes.
    const int failures = caseName == u"step_failure_at1" ? 1 : 0;
    QCOMPARE(counts.structural, failures);
    QCOMPARE(counts.exact, framesFromSimulator(frames) - failures);

    // stop: no reply, the simulator ends and closes its end.
    QTRY_VERIFY_WITH_TIMEOUT(simulator.isStopped(), 5000);
    QCOMPARE(simulator.stopReason().code(), ErrorCode::NoError);
    QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(socket->bytesAvailable(), 0); // nothing after the last recorded frame

    QCOMPARE(simulator.sid(), QStringLiteral("ExtSim-0"));
    QCOMPARE(simulator.count(QStringLiteral("Counter_2"))->toDisplayString(), finalCount);
    if (caseName.contains(u"callbacks")) {
        QCOMPARE(simulator.progressSeen(), Value(6.666666666666666));
        QVERIFY(simulator.relatedSeen().contains(u"Source-0.Src_0"));
        QVERIFY(simulator.relatedSeen().contains(u"Collector-0.Monitor"));
    } else {
        QVERIFY(simulator.progressSeen().isNull());
    }
}

void tst_MosaikReplay::simulatorListens()
{
    QFETCH(QString, caseName);
    const std::vector<TranscriptFrame> frames = test::transcriptFrames(kFile, caseName);
    QVERIFY(frames.size() >= 15);
    QVERIFY(frames.front().fromInitiator);

    if (caseName == u"step_failure_at1")
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("step failed: ValueError: requested failure at time 1")));
    mosaik::CounterSimulator simulator;
    Result<Address> address = simulator.listen(Address::tcp(QStringLiteral("127.0.0.1"), 0));
    QVERIFY2(address, qPrintable(address.error().message()));

    QTcpSocket socket; // mosaik, connect starter
    socket.connectToHost(QStringLiteral("127.0.0.1"), address->port());
    QVERIFY(socket.waitForConnected(5000));
    MatchCounts counts;
    TranscriptPeer peer(&socket, frames, true, mosaikComparator(&counts));
    checkReplay(peer, simulator, &socket, frames, counts);
}

void tst_MosaikReplay::simulatorConnects()
{
    QFETCH(QString, caseName);
    const std::vector<TranscriptFrame> frames = test::transcriptFrames(kFile, caseName);

    if (caseName == u"step_failure_at1")
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("step failed: ValueError: requested failure at time 1")));
    QTcpServer mosaik; // cmd starter: mosaik listens, the simulator connects to %(addr)s
    QVERIFY(mosaik.listen(QHostAddress::LocalHost, 0));
    mosaik::CounterSimulator simulator;
    bool connected = false;
    QCoro::connect(simulator.connectTo(Address::tcp(QStringLiteral("127.0.0.1"), mosaik.serverPort())), &simulator,
                   [&](const Result<void> &r) { connected = bool(r); });
    QTRY_VERIFY_WITH_TIMEOUT(mosaik.hasPendingConnections(), 5000);
    QTcpSocket *socket = mosaik.nextPendingConnection();
    QTRY_VERIFY_WITH_TIMEOUT(connected, 5000);
    MatchCounts counts;
    TranscriptPeer peer(socket, frames, true, mosaikComparator(&counts));
    checkReplay(peer, simulator, socket, frames, counts);
}

void tst_MosaikReplay::executable_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<bool>("listen");
    QTest::newRow("cmd starter: basic") << QStringLiteral("basic_until3") << false;
    QTest::newRow("connect starter: basic") << QStringLiteral("basic_until3") << true;
    QTest::newRow("cmd starter: callbacks") << QStringLiteral("step_size2_callbacks_until5") << false;
    QTest::newRow("connect starter: failure") << QStringLiteral("step_failure_at1") << true;
}

void tst_MosaikReplay::executable()
{
    QFETCH(QString, caseName);
    QFETCH(bool, listen);
    const std::vector<TranscriptFrame> frames = test::transcriptFrames(kFile, caseName);

    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QTcpServer mosaik;
    QTcpSocket client;
    QTcpSocket *socket = nullptr;
    if (listen) {
        process.start(simulatorExecutable(), {QStringLiteral("-r"), QStringLiteral("127.0.0.1:0"), QStringLiteral("-t"), QStringLiteral("10")});
        QVERIFY(process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 5000);
        const QString line = QString::fromUtf8(process.readLine()).trimmed();
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^Listening on 127\\.0\\.0\\.1:(\\d+)$")).match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        client.connectToHost(QStringLiteral("127.0.0.1"), quint16(m.captured(1).toUInt()));
        QVERIFY(client.waitForConnected(5000));
        socket = &client;
    } else {
        QVERIFY(mosaik.listen(QHostAddress::LocalHost, 0));
        process.start(simulatorExecutable(), {QStringLiteral("127.0.0.1:%1").arg(mosaik.serverPort())});
        QVERIFY(process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(mosaik.hasPendingConnections(), 5000);
        socket = mosaik.nextPendingConnection();
    }
    MatchCounts counts;
    TranscriptPeer peer(socket, frames, true, mosaikComparator(&counts));
    QTRY_VERIFY2_WITH_TIMEOUT(peer.finished() || !peer.mismatch().isEmpty(), qPrintable(peer.mismatch()), 10000);
    QVERIFY2(peer.mismatch().isEmpty(), qPrintable(peer.mismatch()));
    QCOMPARE(int(peer.matchedFrames()), framesFromSimulator(frames));
    // After stop the process ends by itself, successfully, and closes the connection. (The
    // event loop must run meanwhile: it writes the stop frame out.)
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 5000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 5000);
}

void tst_MosaikReplay::executableHelpAndBadArguments()
{
    QProcess help;
    help.start(simulatorExecutable(), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(5000));
    QCOMPARE(help.exitCode(), 0);
    const QString text = QString::fromUtf8(help.readAllStandardOutput());
    QVERIFY2(text.contains(QStringLiteral("--remote")) && text.contains(QStringLiteral("ADDR")), qPrintable(text));

    QProcess bad;
    bad.start(simulatorExecutable(), {QStringLiteral("no-port-here")});
    QVERIFY(bad.waitForFinished(5000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("is not HOST:PORT")));

    // Nobody listening: a clear error and exit code 1, no hang.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess refused;
    refused.start(simulatorExecutable(), {QStringLiteral("127.0.0.1:%1").arg(port)});
    QVERIFY(refused.waitForFinished(15000));
    QCOMPARE(refused.exitCode(), 1);
    QVERIFY(QString::fromUtf8(refused.readAllStandardError()).contains(QStringLiteral("Cannot connect to mosaik")));

    // Listening, but mosaik never comes: the --timeout ends it.
    QProcess lonely;
    lonely.start(simulatorExecutable(), {QStringLiteral("-r"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--timeout"), QStringLiteral("0.3")});
    QVERIFY(lonely.waitForFinished(10000));
    QCOMPARE(lonely.exitCode(), 1);
    QVERIFY(QString::fromUtf8(lonely.readAllStandardError()).contains(QStringLiteral("did not connect in time")));
}

QTEST_GUILESS_MAIN(tst_MosaikReplay)
#include "tst_mosaikreplay.moc"
