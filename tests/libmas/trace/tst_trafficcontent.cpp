// SPDX-License-Identifier: MIT
// TrafficContent, a TrafficEvent's content: a Value given as it is; an encoded payload decoded
// on its first read (json and msgpack, a payload that is not a message), copies sharing the
// encoded bytes, equality with and without decoding, and one decode when several threads read
// the same content at once. Also what the LocalQueue log gives: contents kept encoded until
// read, the same as the frames' contents.
#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include <mas/trace/trafficcontent.h>
#include <mas/trace/trafficlog.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QTest>
#include <QtEndian>

#include <memory>
#include <thread>
#include <vector>

using namespace mas;

namespace {

std::shared_ptr<const Codec> codecNamed(const QString &name)
{
    Result<std::unique_ptr<Codec>> codec = Codec::create(name);
    return codec ? std::shared_ptr<const Codec>(std::move(*codec)) : nullptr;
}

Value rpcRequest(const QString &path)
{
    return Value::list({path, Value::list({1, 2.5, "x"}), Value::map({{"k", true}})});
}

/// `payload` preceded and followed by other bytes, as in the recorder's shared buffer.
struct Buffer
{
    QByteArray bytes;
    qsizetype offset = 0;
    qsizetype size = 0;
};

Buffer inBuffer(const QByteArray &payload)
{
    Buffer b;
    b.bytes = QByteArray("prefix-") + payload + QByteArray("-suffix");
    b.offset = 7;
    b.size = payload.size();
    return b;
}

} // namespace

class TstTrafficContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueGiven()
    {
        TrafficContent c = Value(42);
        QVERIFY(c.isDecoded());
        QCOMPARE(c.toInt(), qint64(42));
        QVERIFY(c == Value(42));
        QVERIFY(!(c == Value(43)));
        TrafficContent none;
        QVERIFY(none.isNull());
        QVERIFY(none.encodedPayload().isEmpty());
    }

    void encodedDecodesOnFirstRead_data()
    {
        QTest::addColumn<QString>("codec");
        QTest::newRow("json") << QStringLiteral("json");
        QTest::newRow("msgpack") << QStringLiteral("msgpack");
    }

    void encodedDecodesOnFirstRead()
    {
        QFETCH(QString, codec);
        const std::shared_ptr<const Codec> c = codecNamed(codec);
        QVERIFY(c);
        const QByteArray payload = c->encode(Message::request(7, rpcRequest(QStringLiteral("agents/1/m")))).value();
        const Buffer b = inBuffer(payload);
        const TrafficContent content = TrafficContent::encoded(b.bytes, b.offset, b.size, c);
        QVERIFY(!content.isDecoded());
        QCOMPARE(content.encodedPayload(), QByteArrayView(payload));
        const TrafficContent copy = content; // shares the bytes, not decoded
        QVERIFY(!copy.isDecoded());
        QCOMPARE(content.get(), rpcRequest(QStringLiteral("agents/1/m")));
        QVERIFY(content.isDecoded());
        QVERIFY(!copy.isDecoded()); // a copy decodes on its own
        QCOMPARE(copy.at(0).toString(), QStringLiteral("agents/1/m"));
        QCOMPARE(copy.size(), qsizetype(3));
        // A copy of a decoded content is the value alone.
        const TrafficContent decodedCopy = content;
        QVERIFY(decodedCopy.isDecoded());
        QVERIFY(decodedCopy == content);
    }

    void resultAndNull()
    {
        const std::shared_ptr<const Codec> c = codecNamed(QStringLiteral("json"));
        const QByteArray result = c->encode(Message::result(3, Value())).value();
        const Buffer b = inBuffer(result);
        const TrafficContent content = TrafficContent::encoded(b.bytes, b.offset, b.size, c);
        QVERIFY(content.isNull());
        QVERIFY(content.isDecoded());
    }

    void notAMessage()
    {
        const std::shared_ptr<const Codec> c = codecNamed(QStringLiteral("json"));
        // A triple whose type is no message type: its third element, as describing a frame gives.
        const Buffer odd = inBuffer("[7, 1, \"third\"]");
        QCOMPARE(TrafficContent::encoded(odd.bytes, odd.offset, odd.size, c).get(), Value("third"));
        // Not JSON at all: null, no crash.
        const Buffer bad = inBuffer("[0, 1, [\"m\", [1,");
        QVERIFY(TrafficContent::encoded(bad.bytes, bad.offset, bad.size, c).isNull());
        // Out of range or without a codec: null.
        QVERIFY(TrafficContent::encoded(bad.bytes, bad.offset, bad.bytes.size(), c).isNull());
        QVERIFY(TrafficContent::encoded(bad.bytes, 0, 3, nullptr).isNull());
    }

    void equality()
    {
        const std::shared_ptr<const Codec> c = codecNamed(QStringLiteral("json"));
        const QByteArray p1 = c->encode(Message::request(1, rpcRequest(QStringLiteral("a")))).value();
        const QByteArray p2 = c->encode(Message::request(1, rpcRequest(QStringLiteral("b")))).value();
        const Buffer b1 = inBuffer(p1);
        const Buffer b1again = inBuffer(p1);
        const Buffer b2 = inBuffer(p2);
        const TrafficContent a = TrafficContent::encoded(b1.bytes, b1.offset, b1.size, c);
        const TrafficContent aAgain = TrafficContent::encoded(b1again.bytes, b1again.offset, b1again.size, c);
        const TrafficContent b = TrafficContent::encoded(b2.bytes, b2.offset, b2.size, c);
        QVERIFY(a == aAgain);
        QVERIFY(!a.isDecoded()); // the same bytes: equal without decoding
        QVERIFY(!(a == b));
        QVERIFY(a == TrafficContent(rpcRequest(QStringLiteral("a"))));
        // Whitespace differs, the value does not.
        const Buffer spaced = inBuffer("[0, 1,  [\"a\", [1, 2.5, \"x\"], {\"k\": true}]]");
        QVERIFY(a == TrafficContent::encoded(spaced.bytes, spaced.offset, spaced.size, c));
    }

    void concurrentFirstReads()
    {
        const std::shared_ptr<const Codec> c = codecNamed(QStringLiteral("msgpack"));
        const QByteArray payload = c->encode(Message::request(9, rpcRequest(QStringLiteral("m")))).value();
        const Buffer b = inBuffer(payload);
        for (int round = 0; round < 50; ++round) {
            const TrafficContent content = TrafficContent::encoded(b.bytes, b.offset, b.size, c);
            std::vector<const Value *> seen(4, nullptr);
            std::vector<std::thread> threads;
            for (std::size_t i = 0; i < seen.size(); ++i)
                threads.emplace_back([&content, &seen, i] { seen[i] = &content.get(); });
            for (std::thread &t : threads)
                t.join();
            for (const Value *v : seen) {
                QCOMPARE(v, seen.front()); // one decoded value
                QCOMPARE(*v, rpcRequest(QStringLiteral("m")));
            }
        }
    }

    void eventsCopyAndSave()
    {
        const std::shared_ptr<const Codec> c = codecNamed(QStringLiteral("json"));
        const QByteArray payload = c->encode(Message::request(2, rpcRequest(QStringLiteral("p")))).value();
        const Buffer b = inBuffer(payload);
        TrafficEvent e;
        e.kind = TrafficEvent::Kind::Sent;
        e.path = QStringLiteral("p");
        e.content = TrafficContent::encoded(b.bytes, b.offset, b.size, c);
        TrafficEvent plain = e;
        plain.content = rpcRequest(QStringLiteral("p"));
        QVERIFY(e.sameAs(plain));
        QCOMPARE(e.toJson(), plain.toJson());
        Result<TrafficEvent> back = TrafficEvent::fromJson(e.toJson());
        QVERIFY(back);
        QVERIFY(back->sameAs(plain));
    }

    /// The LocalQueue's log keeps contents encoded until read; they read as the frames' contents.
    void localQueueLogIsLazy()
    {
        LocalQueue::clearCache();
        LocalNetwork *network = LocalQueue::network();
        network->setRecording(true);
        LocalQueue *queue = LocalQueue::get(QStringLiteral("tst-trafficcontent"));
        std::unique_ptr<QIODevice> server;
        QVERIFY(queue->setServer([&](QIODevice *device) { server.reset(device); }, QStringLiteral("server"),
                                 QStringLiteral("json")));
        Result<QIODevice *> client = queue->connectToServer(QStringLiteral("client"), QStringLiteral("json"));
        QVERIFY(client);
        std::unique_ptr<QIODevice> clientEnd(*client);
        QVERIFY(server);
        const std::shared_ptr<const Codec> c = codecNamed(QStringLiteral("json"));
        for (int i = 0; i < 3; ++i) {
            const QByteArray payload = c->encode(Message::request(quint64(i), rpcRequest(QStringLiteral("m%1").arg(i)))).value();
            QByteArray frame(4, '\0');
            qToBigEndian<quint32>(quint32(payload.size()), frame.data());
            clientEnd->write(frame + payload);
        }
        QTRY_COMPARE_WITH_TIMEOUT(server->bytesAvailable() > 0, true, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(network->pendingCount(), qsizetype(0), 5000);
        const TrafficLog log = network->eventLog(); // a copy: shares the encoded bytes
        int sent = 0;
        for (const TrafficEvent &e : log.events()) {
            if (e.kind != TrafficEvent::Kind::Sent)
                continue;
            QVERIFY(!e.content.isDecoded());
            QCOMPARE(e.path, QStringLiteral("m%1").arg(sent));
            QCOMPARE(e.content.get(), rpcRequest(QStringLiteral("m%1").arg(sent)));
            ++sent;
        }
        QCOMPARE(sent, 3);
        network->clearEventLog();
        clientEnd.reset();
        server.reset();
        LocalQueue::clearCache();
    }
};

QTEST_GUILESS_MAIN(TstTrafficContent)
#include "tst_trafficcontent.moc"
