// SPDX-License-Identifier: MIT
// Framing: the 4-byte big-endian length header, and FrameDecoder fed through a QBuffer in every
// split (byte by byte, random, coalesced), with the size limit checked before the payload arrives.
#include <mas/codec/codec.h>
#include <mas/transport/framing.h>

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using mas::ErrorCode;
using mas::FrameDecoder;

namespace {

QByteArray frame(const QByteArray &payload)
{
    return mas::encodeFrame(payload).value();
}

QByteArray header(quint32 length)
{
    return QByteArray::fromHex(QByteArray::number(length, 16).rightJustified(8, '0'));
}

// How a stream is cut into the chunks handed to feed().
enum class Split
{
    Whole,
    ByteByByte,
    Random,
    PerFrame,
    Halves
};

// Feeds `stream` through a QBuffer in chunks chosen by `split` and collects every payload.
QList<QByteArray> readAll(const QByteArray &stream,
                          Split split,
                          const QList<QByteArray> &frames,
                          quint32 seed,
                          FrameDecoder &decoder,
                          mas::Error *error)
{
    QBuffer buffer;
    buffer.setData(stream);
    buffer.open(QIODevice::ReadOnly);
    QRandomGenerator random(seed);
    QList<qint64> frameSizes;
    for (const QByteArray &f : frames)
        frameSizes << f.size() + mas::kFrameHeaderSize;
    QList<QByteArray> payloads;
    qsizetype frameIndex = 0;
    while (!buffer.atEnd()) {
        qint64 chunk = 0;
        switch (split) {
        case Split::Whole:
            chunk = stream.size();
            break;
        case Split::ByteByByte:
            chunk = 1;
            break;
        case Split::Random:
            chunk = 1 + random.bounded(qint64(64));
            break;
        case Split::PerFrame:
            chunk = frameSizes.value(frameIndex++, 1);
            break;
        case Split::Halves:
            chunk = stream.size() / 2 + 1;
            break;
        }
        decoder.feed(buffer.read(chunk));
        while (auto payload = decoder.next()) {
            if (!*payload) {
                *error = payload->error();
                return payloads;
            }
            payloads << **payload;
        }
    }
    return payloads;
}

} // namespace

Q_DECLARE_METATYPE(Split)

class tst_Framing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodeFrame_data();
    void encodeFrame();
    void payloadTooLarge();
    void decode_data();
    void decode();
    void oversized_data();
    void oversized();
    void oversizedAfterGoodFrames();
    void viewsAndTakenOverBuffers();
    void truncated_data();
    void truncated();
    void framedMessages_data();
    void framedMessages();
};

void tst_Framing::encodeFrame_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("expectedHeader");

    QTest::addRow("empty") << QByteArray() << QByteArray::fromHex("00000000");
    QTest::addRow("1 byte") << QByteArray("x") << QByteArray::fromHex("00000001");
    QTest::addRow("255 bytes") << QByteArray(255, 'a') << QByteArray::fromHex("000000ff");
    QTest::addRow("256 bytes") << QByteArray(256, 'a') << QByteArray::fromHex("00000100");
    QTest::addRow("0x010203 bytes") << QByteArray(0x010203, 'b') << QByteArray::fromHex("00010203");
    QTest::addRow("json add(1, 2)")
        << QByteArray(R"([0, 0, ["add", [1, 2], {}]])") << QByteArray::fromHex("0000001b");
}

void tst_Framing::encodeFrame()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, expectedHeader);

    const auto f = mas::encodeFrame(payload);
    QVERIFY(f);
    QCOMPARE(f->size(), mas::kFrameHeaderSize + payload.size());
    QCOMPARE(f->left(4).toHex(), expectedHeader.toHex());
    QCOMPARE(f->mid(4), payload);
    QCOMPARE(header(quint32(payload.size())), expectedHeader);
}

void tst_Framing::payloadTooLarge()
{
    // encodeFrame() checks the size before it reads a byte, so a view that only claims to be
    // 2^32 bytes long is enough (no 4 GB allocation).
    static const char byte = 0;
    const QByteArrayView huge(&byte, qsizetype(mas::kMaxWirePayloadSize) + 1);
    const auto f = mas::encodeFrame(huge);
    QVERIFY(!f);
    QCOMPARE(f.error().code(), ErrorCode::PayloadTooLarge);
    QVERIFY(f.error().message().contains(u"too long"));
}

void tst_Framing::decode_data()
{
    QTest::addColumn<Split>("split");
    QTest::addColumn<quint32>("seed");

    QTest::addRow("all frames coalesced in one feed") << Split::Whole << 0u;
    QTest::addRow("byte by byte") << Split::ByteByByte << 0u;
    QTest::addRow("one feed per frame") << Split::PerFrame << 0u;
    QTest::addRow("two halves") << Split::Halves << 0u;
    for (quint32 seed : {1u, 2u, 3u, 42u, 1234u})
        QTest::addRow("random splits, seed %u", seed) << Split::Random << seed;
}

void tst_Framing::decode()
{
    QFETCH(Split, split);
    QFETCH(quint32, seed);

    const QList<QByteArray> payloads{
        QByteArray(R"([0, 0, ["add", [1, 2], {}]])"),
        QByteArray(),
        QByteArray("x"),
        QByteArray(),
        QByteArray(3, '\0'),
        QByteArray(100000, 'p'),
        QByteArray::fromHex("930000 93a3616464920102 80"),
        QByteArray(),
    };
    QByteArray stream;
    for (const QByteArray &p : payloads)
        stream += frame(p);

    FrameDecoder decoder;
    mas::Error error;
    const QList<QByteArray> got = readAll(stream, split, payloads, seed, decoder, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(got.size(), payloads.size());
    for (qsizetype i = 0; i < payloads.size(); ++i)
        QCOMPARE(got.at(i), payloads.at(i));
    QCOMPARE(decoder.bufferedBytes(), 0);
    QVERIFY(!decoder.next().has_value());
    QVERIFY(decoder.finish());
    QVERIFY(!decoder.hasError());
}

void tst_Framing::oversized_data()
{
    QTest::addColumn<qsizetype>("maxFrameSize");
    QTest::addColumn<quint32>("announced");

    QTest::addRow("limit 100, frame 101") << qsizetype(100) << 101u;
    QTest::addRow("limit 0, frame 1") << qsizetype(0) << 1u;
    QTest::addRow("limit 1 MiB, frame 1 MiB + 1") << qsizetype(1 << 20) << quint32((1 << 20) + 1);
    QTest::addRow("default limit, frame 2^32-1")
        << mas::kDefaultMaxFrameSize << std::numeric_limits<quint32>::max();
    QTest::addRow("default limit, frame 64 MiB + 1")
        << mas::kDefaultMaxFrameSize << quint32(mas::kDefaultMaxFrameSize + 1);
}

void tst_Framing::oversized()
{
    QFETCH(qsizetype, maxFrameSize);
    QFETCH(quint32, announced);

    FrameDecoder decoder(maxFrameSize);
    QCOMPARE(decoder.maxFrameSize(), maxFrameSize);
    const QByteArray h = header(announced);
    // Three header bytes: nothing to say yet.
    decoder.feed(h.left(3));
    QVERIFY(!decoder.next().has_value());
    QVERIFY(!decoder.hasError());
    // The fourth completes the header: the error comes at once, without any payload byte.
    decoder.feed(h.mid(3));
    auto r = decoder.next();
    QVERIFY(r.has_value());
    QVERIFY(!*r);
    QCOMPARE(r->error().code(), ErrorCode::FrameTooLarge);
    QVERIFY(r->error().message().contains(QString::number(announced)));
    QVERIFY(r->error().isProtocolError());
    QVERIFY(decoder.hasError());
    QCOMPARE(decoder.error().code(), ErrorCode::FrameTooLarge);
    // Sticky: more bytes (even a valid frame) do not clear it.
    decoder.feed(QByteArray(16, 'p'));
    decoder.feed(frame("ok"));
    for (int i = 0; i < 3; ++i) {
        r = decoder.next();
        QVERIFY(r.has_value());
        QVERIFY(!*r);
        QCOMPARE(r->error().code(), ErrorCode::FrameTooLarge);
    }
    QCOMPARE(decoder.finish().error().code(), ErrorCode::FrameTooLarge);
    // A frame of exactly the limit passes.
    FrameDecoder exact(maxFrameSize);
    if (maxFrameSize <= 1 << 20) {
        exact.feed(frame(QByteArray(maxFrameSize, 'p')));
        auto ok = exact.next();
        QVERIFY(ok.has_value());
        QVERIFY(*ok);
        QCOMPARE(ok->value().size(), maxFrameSize);
    } else { // 64 MiB: the header and a part of the payload, and the decoder waits for more
        exact.feed(header(quint32(maxFrameSize)) + QByteArray(1000, 'p'));
        QVERIFY(!exact.next().has_value());
        QCOMPARE(exact.bufferedBytes(), 1004);
    }
    QVERIFY(!exact.hasError());
}

void tst_Framing::oversizedAfterGoodFrames()
{
    FrameDecoder decoder(10);
    QCOMPARE(decoder.maxFrameSize(), 10);
    decoder.setMaxFrameSize(8);
    QCOMPARE(decoder.maxFrameSize(), 8);
    // A frame of exactly the limit, then one over it, in a single feed.
    decoder.feed(frame("12345678") + frame("") + header(9) + "123456789");
    auto first = decoder.next();
    QVERIFY(first && *first);
    QCOMPARE(**first, QByteArray("12345678"));
    auto second = decoder.next();
    QVERIFY(second && *second);
    QCOMPARE(**second, QByteArray());
    auto third = decoder.next();
    QVERIFY(third && !*third);
    QCOMPARE(third->error().code(), ErrorCode::FrameTooLarge);
}

void tst_Framing::viewsAndTakenOverBuffers()
{
    FrameDecoder decoder(100);
    // Nothing buffered: the bytes become the buffer, with the capacity a copy would get.
    QByteArray bytes = frame("abc") + frame("defg") + header(5) + "hi";
    const qsizetype expected = decoder.capacityAfterFeeding(bytes.size());
    decoder.feed(std::move(bytes));
    QCOMPARE(decoder.capacity(), expected);
    QCOMPARE(decoder.bufferedBytes(), 3 * mas::kFrameHeaderSize + 9);
    auto first = decoder.nextView();
    QVERIFY(first && *first);
    QCOMPARE(**first, QByteArrayView("abc"));
    decoder.release(); // a partial frame is left: the buffer stays
    QVERIFY(decoder.capacity() > 0);
    auto second = decoder.nextView();
    QVERIFY(second && *second);
    QCOMPARE(**second, QByteArrayView("defg"));
    decoder.release();
    QVERIFY(!decoder.nextView());
    // The rest of the partial frame is appended (a partial frame waits: copied, not taken).
    QByteArray rest("jkl");
    decoder.feed(std::move(rest));
    auto third = decoder.nextView();
    QVERIFY(third && *third);
    QCOMPARE(**third, QByteArrayView("hijkl"));
    QCOMPARE(decoder.bufferedBytes(), 0);
    decoder.release(); // all taken: the memory goes
    QCOMPARE(decoder.capacity(), 0);
    QVERIFY(decoder.finish());
    // Errors stay as with next().
    decoder.feed(header(101));
    auto tooLarge = decoder.nextView();
    QVERIFY(tooLarge && !*tooLarge);
    QCOMPARE(tooLarge->error().code(), ErrorCode::FrameTooLarge);
    QCOMPARE(decoder.capacity(), 0);
}

void tst_Framing::truncated_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("completeFrames");
    QTest::addColumn<ErrorCode>("error");

    const QByteArray good = frame("hello");
    QTest::addRow("nothing") << QByteArray() << 0 << ErrorCode::NoError;
    QTest::addRow("one complete frame") << good << 1 << ErrorCode::NoError;
    QTest::addRow("empty-payload frame") << frame("") << 1 << ErrorCode::NoError;
    for (int n = 1; n < 4; ++n)
        QTest::addRow("partial header, %d bytes", n)
            << good.left(n) << 0 << ErrorCode::TruncatedFrame;
    QTest::addRow("header only") << good.left(4) << 0 << ErrorCode::TruncatedFrame;
    QTest::addRow("partial payload") << good.left(7) << 0 << ErrorCode::TruncatedFrame;
    QTest::addRow("frame, then partial header")
        << good + good.left(2) << 1 << ErrorCode::TruncatedFrame;
    QTest::addRow("frame, then partial payload")
        << good + good.left(8) << 1 << ErrorCode::TruncatedFrame;
}

void tst_Framing::truncated()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, completeFrames);
    QFETCH(ErrorCode, error);

    FrameDecoder decoder;
    mas::Error readError;
    const QList<QByteArray> got = readAll(stream, Split::ByteByByte, {}, 0, decoder, &readError);
    QVERIFY(!readError.isError());
    QCOMPARE(got.size(), completeFrames);
    const auto end = decoder.finish();
    QCOMPARE(end.error().code(), error);
    if (error != ErrorCode::NoError) {
        QVERIFY(end.error().isProtocolError());
        QVERIFY(!end.error().message().isEmpty());
        QCOMPARE(decoder.bufferedBytes(), stream.size() - completeFrames * frame("hello").size());
    }
}

void tst_Framing::framedMessages_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<ErrorCode>("error");

    const QString json = u"json"_s;
    QTest::addRow("json: request")
        << json << QByteArray(R"([0, 0, ["add", [1, 2], {}]])") << ErrorCode::NoError;
    QTest::addRow("json: 2 elements") << json << QByteArray("[0, 0]") << ErrorCode::InvalidMessage;
    QTest::addRow("json: 4 elements")
        << json << QByteArray("[0, 0, null, 1]") << ErrorCode::InvalidMessage;
    QTest::addRow("json: unknown type 7")
        << json << QByteArray("[7, 0, null]") << ErrorCode::InvalidMessage;
    QTest::addRow("json: negative id")
        << json << QByteArray("[1, -1, null]") << ErrorCode::InvalidMessage;
    QTest::addRow("json: string id")
        << json << QByteArray(R"([1, "0", null])") << ErrorCode::InvalidMessage;
    QTest::addRow("json: object") << json << QByteArray(R"({"type": 0})")
                                  << ErrorCode::InvalidMessage;
    QTest::addRow("json: bad json") << json << QByteArray("[0, 0,") << ErrorCode::InvalidJson;
    const QString msgpack = u"msgpack"_s;
    QTest::addRow("msgpack: request")
        << msgpack << QByteArray::fromHex("930000 93a3616464920102 80") << ErrorCode::NoError;
    QTest::addRow("msgpack: 2 elements")
        << msgpack << QByteArray::fromHex("920000") << ErrorCode::InvalidMessage;
    QTest::addRow("msgpack: 4 elements")
        << msgpack << QByteArray::fromHex("94000000c0") << ErrorCode::InvalidMessage;
    QTest::addRow("msgpack: unknown type 7")
        << msgpack << QByteArray::fromHex("930700c0") << ErrorCode::InvalidMessage;
    QTest::addRow("msgpack: negative id")
        << msgpack << QByteArray::fromHex("9300ffc0") << ErrorCode::InvalidMessage;
    QTest::addRow("msgpack: string id")
        << msgpack << QByteArray::fromHex("9300a130c0") << ErrorCode::InvalidMessage;
    QTest::addRow("msgpack: bad msgpack")
        << msgpack << QByteArray::fromHex("9300") << ErrorCode::InvalidMsgPack;
}

void tst_Framing::framedMessages()
{
    QFETCH(QString, codec);
    QFETCH(QByteArray, payload);
    QFETCH(ErrorCode, error);

    // Two copies of the frame arrive split in the middle; both decode the same way.
    const QByteArray stream = frame(payload) + frame(payload);
    FrameDecoder decoder;
    decoder.feed(QByteArrayView(stream).first(stream.size() / 2));
    decoder.feed(QByteArrayView(stream).sliced(stream.size() / 2));
    const auto c = mas::Codec::create(codec).value();
    int count = 0;
    while (auto p = decoder.next()) {
        QVERIFY(*p);
        QCOMPARE(**p, payload);
        const auto message = c->decode(**p);
        QCOMPARE(message.error().code(), error);
        if (message)
            QCOMPARE(c->encode(*message).value(), payload);
        ++count;
    }
    QCOMPARE(count, 2);
    QVERIFY(decoder.finish());
}

QTEST_GUILESS_MAIN(tst_Framing)
#include "tst_framing.moc"
