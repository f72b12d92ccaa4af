// SPDX-License-Identifier: MIT
// Replays the channel cases of the Python aiomas transcripts against a raw socket peer: our
// channel must put exactly the recorded bytes on the wire for the same exchange, as client and
// as server, with every codec.

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/codec/jsoncodec.h>

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <QCoro/QCoroTask>

#include "testdata.h"

using namespace mas;
using namespace std::chrono_literals;

namespace {

struct Frame
{
    bool fromInitiator; // c2s
    QByteArray bytes;
    Value decoded;
};

std::vector<Frame> channelFrames(const char *file)
{
    std::vector<Frame> frames;
    const Value doc = JsonCodec::read(test::readInteropFile(QString::fromLatin1(file))).value();
    for (const Value &entry : doc.asList()) {
        if (!entry.value(u"case").toString().startsWith(u"channel_"))
            continue;
        frames.push_back({entry.value(u"direction").toString() == u"c2s",
                          test::fromHex(entry.value(u"hex").toString()), entry.value(u"decoded")});
    }
    return frames;
}

/// Plays one side of a recording on a raw socket: writes that side's frames verbatim and checks
/// that what arrives from the other side is byte for byte what was recorded.
class Script : public QObject
{
public:
    Script(QTcpSocket *socket, std::vector<Frame> frames, bool playInitiator)
        : m_socket(socket)
        , m_frames(std::move(frames))
        , m_playInitiator(playInitiator)
    {
        connect(socket, &QIODevice::readyRead, this, &Script::advance);
        advance();
    }

    bool finished() const { return m_next == m_frames.size(); }
    QString mismatch() const { return m_mismatch; }
    std::size_t matchedFrames() const { return m_matched; }

private:
    void advance()
    {
        m_buffer += m_socket->readAll();
        while (m_next < m_frames.size() && m_mismatch.isEmpty()) {
            const Frame &f = m_frames[m_next];
            if (f.fromInitiator == m_playInitiator) {
                m_socket->write(f.bytes);
                ++m_next;
                continue;
            }
            if (m_buffer.size() < f.bytes.size())
                return;
            const QByteArray got = m_buffer.first(f.bytes.size());
            m_buffer.remove(0, f.bytes.size());
            if (got != f.bytes) {
                m_mismatch = QStringLiteral("frame %1: expected %2, got %3")
                                 .arg(m_next)
                                 .arg(QString::fromLatin1(f.bytes.toHex()),
                                      QString::fromLatin1(got.toHex()));
                return;
            }
            ++m_matched;
            ++m_next;
        }
    }

    QTcpSocket *m_socket;
    std::vector<Frame> m_frames;
    bool m_playInitiator;
    std::size_t m_next = 0;
    std::size_t m_matched = 0;
    QByteArray m_buffer;
    QString m_mismatch;
};

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
    const std::vector<Frame> frames = channelFrames(qPrintable(file));
    QCOMPARE(frames.size(), size_t(12));

    // The recorded server, played by a raw socket.
    QTcpServer raw;
    QVERIFY(raw.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<Script> script;
    connect(&raw, &QTcpServer::newConnection, this, [&] {
        script = std::make_unique<Script>(raw.nextPendingConnection(), frames, false);
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
    for (const Frame &f : frames) {
        if (!f.fromInitiator || f.decoded.at(0).toInt() != 0)
            continue;
        Result<Value> reply = QCoro::waitFor(client->send(f.decoded.at(2), 5s));
        const auto answer = std::find_if(frames.begin(), frames.end(), [&](const Frame &g) {
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
    const std::vector<Frame> frames = channelFrames(qPrintable(file));

    ChannelOptions options;
    options.codec = codec;
    Result<ChannelServer *> server = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), serveLikeRecording, options, this);
    QVERIFY(server);

    // The recorded client, played by a raw socket.
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, (*server)->address().port());
    QVERIFY(raw.waitForConnected(5000));
    Script script(&raw, frames, true);
    QTRY_VERIFY_WITH_TIMEOUT(script.finished() || !script.mismatch().isEmpty(), 5000);
    QCOMPARE(script.mismatch(), QString());
    QCOMPARE(script.matchedFrames(), size_t(6)); // every frame our server wrote
    delete *server;
}

QTEST_GUILESS_MAIN(tst_ChannelReplay)
#include "tst_channelreplay.moc"
