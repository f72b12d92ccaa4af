// SPDX-License-Identifier: MIT
// Replays the channel cases of the Python aiomas transcripts against a raw socket peer: our
// channel must put exactly the recorded bytes on the wire for the same exchange, as client and
// as server, with every codec.

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <QCoro/QCoroTask>

#include "testdata.h"
#include "transcriptpeer.h"

using namespace mas;
using namespace std::chrono_literals;

namespace {

using test::TranscriptFrame;
using test::TranscriptPeer;

/// What the recorded Python server did with each request.
void serveLikeRecording(Channel *channel)
{
    QObject::connect(channel, &Channel::requestReceived, channel, [channel] {
        while (std::optional<Request> request = channel->takeRequest()) {
            const Value content = request->content();
            if (content == Value("fail")) {
                // The recording's server failed with an exception it never raised: no traceback.
                (void)request->failWithContent("ValueError: requested failure\n");
            } else if (content.isList() && content.at(0) == Value("ask")) {
                QCoro::connect(channel->send(Value::list({"from-server", content.at(1)})), channel,
                               [request = *request](Result<Value> r) {
                                   (void)request.reply(Value::list({"asked", r.value()}));
                               });
            } else {
                (void)request->reply(Value::list({"echo", content}));
            }
        }
    });
}

} // namespace

class tst_ChannelReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void asClient_data() { codecs(); }
    void asClient();
    void asServer_data() { codecs(); }
    void asServer();

private:
    void codecs()
    {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("file");
        QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("aiomas-wire-json.json");
        QTest::newRow("msgpack") << QStringLiteral("msgpack") << QStringLiteral("aiomas-wire-msgpack.json");
        QTest::newRow("msgpackblosc") << QStringLiteral("msgpackblosc")
                                      << QStringLiteral("aiomas-wire-msgpackblosc.json");
    }
};

void tst_ChannelReplay::asClient()
{
    QFETCH(QString, codec);
    QFETCH(QString, file);
    const std::vector<TranscriptFrame> frames = test::transcriptFrames(file, QStringLiteral("channel_"));
    QCOMPARE(frames.size(), size_t(12));

    // The recorded server, played by a raw socket.
    QTcpServer raw;
    QVERIFY(raw.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<TranscriptPeer> script;
    connect(&raw, &QTcpServer::newConnection, this, [&] {
        script = std::make_unique<TranscriptPeer>(raw.nextPendingConnection(), frames, false);
    });

    ChannelOptions options;
    options.codec = codec;
    auto client = QCoro::waitFor(openConnection(Address::tcp(QStringLiteral("127.0.0.1"), raw.serverPort()), options)).value();
    // The recorded client answered the server's request with ["client-reply", request].
    connect(client.get(), &Channel::requestReceived, this, [c = client.get()] {
        while (auto r = c->takeRequest())
            (void)r->reply(Value::list({"client-reply", r->content()}));
    });
    // Send what the recorded client sent, in order, and check the recorded replies arrive.
    for (const TranscriptFrame &f : frames) {
        if (!f.fromInitiator || f.decoded.at(0).toInt() != 0)
            continue;
        Result<Value> reply = QCoro::waitFor(client->send(f.decoded.at(2), 5s));
        const auto answer = std::find_if(frames.begin(), frames.end(), [&](const TranscriptFrame &g) {
            return !g.fromInitiator && g.decoded.at(0).toInt() != 0 && g.decoded.at(1) == f.decoded.at(1);
        });
        QVERIFY(answer != frames.end());
        if (answer->decoded.at(0).toInt() == 1) {
            QVERIFY2(reply.hasValue(), qPrintable(reply.error().toString()));
            QCOMPARE(*reply, answer->decoded.at(2));
        } else {
            QCOMPARE(reply.error().code(), ErrorCode::RemoteException);
            QCOMPARE(reply.error().remoteTraceback(), answer->decoded.at(2).toString());
        }
    }
    QTRY_VERIFY(script && script->finished());
    QCOMPARE(script->mismatch(), QString());
    QCOMPARE(script->matchedFrames(), size_t(6)); // every frame our client wrote
}

void tst_ChannelReplay::asServer()
{
    QFETCH(QString, codec);
    QFETCH(QString, file);
    const std::vector<TranscriptFrame> frames = test::transcriptFrames(file, QStringLiteral("channel_"));

    ChannelOptions options;
    options.codec = codec;
    Result<ChannelServer *> server = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), serveLikeRecording, options, this);
    QVERIFY(server);

    // The recorded client, played by a raw socket.
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, (*server)->address().port());
    QVERIFY(raw.waitForConnected(5000));
    TranscriptPeer script(&raw, frames, true);
    QTRY_VERIFY_WITH_TIMEOUT(script.finished() || !script.mismatch().isEmpty(), 5000);
    QCOMPARE(script.mismatch(), QString());
    QCOMPARE(script.matchedFrames(), size_t(6)); // every frame our server wrote
    delete *server;
}

QTEST_GUILESS_MAIN(tst_ChannelReplay)
#include "tst_channelreplay.moc"
