// SPDX-License-Identifier: MIT
// Decodes every frame of the Python aiomas transcripts and re-encodes it to the same bytes.

#include <mas/channel/channeloptions.h>
#include <mas/codec/codec.h>
#include <mas/codec/dateserializer.h>
#include <mas/codec/jsoncodec.h>
#include <mas/codec/msgpackcodec.h>
#include <mas/transport/framing.h>

#include <QTest>

#include "testdata.h"
#include "transcriptpeer.h"

using namespace mas;

namespace {

/// A stand-in for the RPC layer's proxies until it exists: a proxy is its router path.
struct ProxyPath
{
    QString path;
    friend bool operator==(const ProxyPath &, const ProxyPath &) = default;
};

/// Registers the serializers aiomas has on the connection the case ran on.
void registerSerializersFor(const QString &caseName, Codec &codec)
{
    const auto proxy = [&codec] {
        QVERIFY(codec.serializers()
                    .add<ProxyPath>([](const ProxyPath &p) { return Value(p.path); },
                                    [](const Value &v) { return ProxyPath{v.toString()}; })
                    .hasValue());
    };
    if (caseName.startsWith(u"rpc_")) {
        proxy(); // plain RPC connection: proxies are id 0
    } else if (caseName.startsWith(u"agent_") || caseName.startsWith(u"subproc_")) {
        QCOMPARE(addDateSerializer(codec.serializers()).value(), 0); // containers: dates first
        proxy();                                                      // then proxies: id 1
    }
}

int countTags(const Value &v)
{
    int n = 0;
    if (v.isObject())
        return 1;
    for (const Value &item : v.asList())
        n += countTags(item);
    for (const auto &[key, item] : v.asMap())
        n += countTags(key) + countTags(item);
    return n;
}

} // namespace

class tst_Transcripts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frames_data();
    void frames();
    void failureTexts();
    void counts();
};

void tst_Transcripts::frames_data()
{
    QTest::addColumn<QString>("codecName");
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<Value>("decoded");
    QTest::addColumn<QByteArray>("inner");

    const struct
    {
        const char *file;
        const char *codec;
    } files[] = {{"aiomas-wire-json.json", "json"},
                 {"aiomas-wire-msgpack.json", "msgpack"},
                 {"aiomas-wire-msgpackblosc.json", "msgpackblosc"},
                 {"mosaik-wire-json.json", "json"}};
    for (const auto &f : files) {
        const QByteArray text = test::readInteropFile(QString::fromLatin1(f.file));
        QVERIFY2(!text.isEmpty(),
                 qPrintable(QStringLiteral("cannot read %1 under %2 (set MAS_SHARED_DIR)")
                                .arg(QString::fromLatin1(f.file), test::sharedDir())));
        // The transcript files are JSON themselves: our own decoder reads them.
        Result<Value> doc = JsonCodec::read(text);
        QVERIFY2(doc.hasValue(), qPrintable(doc.error().message()));
        QVERIFY(doc->isList());
        int index = 0;
        for (const Value &entry : doc->asList()) {
            const QString caseName = entry.value(u"case").toString();
            QTest::addRow("%s #%d %s %s", f.file, index, qPrintable(caseName),
                          qPrintable(entry.value(u"direction").toString()))
                << QString::fromLatin1(f.codec) << caseName
                << test::fromHex(entry.value(u"hex").toString())
                << test::fromTranscriptForm(entry.value(u"decoded"))
                << test::fromHex(entry.value(u"inner_hex").toString());
            ++index;
        }
        qInfo("%s: %d frames", f.file, index);
    }
}

void tst_Transcripts::frames()
{
    QFETCH(QString, codecName);
    QFETCH(QString, caseName);
    QFETCH(QByteArray, frame);
    QFETCH(Value, decoded);
    QFETCH(QByteArray, inner);

    auto codec = Codec::create(codecName).value();

    // 1. Framing: exactly one frame, nothing left over, also when fed byte by byte.
    FrameDecoder frames;
    frames.feed(frame.first(frame.size() / 2));
    frames.feed(frame.sliced(frame.size() / 2));
    auto payload = frames.next();
    QVERIFY(payload.has_value());
    QVERIFY2(payload->hasValue(), qPrintable(payload->error().message()));
    QCOMPARE(frames.bufferedBytes(), 0);
    QVERIFY(frames.finish().hasValue());

    // 2. Structural decode equals the recorded `decoded` field.
    Result<Value> structural = codec->decodeStructural(**payload);
    QVERIFY2(structural.hasValue(), qPrintable(structural.error().message()));
    QCOMPARE(*structural, decoded);

    // 3. It is a valid message triple.
    Result<Message> message = Message::fromValue(*structural);
    QVERIFY2(message.hasValue(), qPrintable(message.error().message()));

    // 4. Re-encoding gives the same bytes, from our decode and from the recording.
    QCOMPARE(codec->encodeValue(*structural).value(), **payload);
    QCOMPARE(codec->encode(*message).value(), **payload);
    QCOMPARE(encodeFrame(codec->encodeValue(decoded).value()).value(), frame);
    if (codecName == u"msgpackblosc")
        QCOMPARE(MsgPackCodec::write(decoded, nullptr).value(), inner);

    // 5. With the serializers aiomas had on that connection, tags become objects and
    //    encode back to the same bytes.
    registerSerializersFor(caseName, *codec);
    Result<Message> full = codec->decode(**payload);
    QVERIFY2(full.hasValue(), qPrintable(full.error().message()));
    if (structural->toDisplayString(100000).contains(u"__type__"))
        QVERIFY(countTags(full->content) > 0);
    QCOMPARE(codec->encode(*full).value(), **payload);

    // 6. The public profile's codec limits (mas host --profile public) accept every recorded
    //    frame: they bound the work per frame without refusing aiomas's traffic.
    auto bounded = Codec::create(codecName).value();
    bounded->setLimits(ChannelOptions().withPublicProfile().limits);
    Result<Value> withinLimits = bounded->decodeStructural(**payload);
    QVERIFY2(withinLimits.hasValue(), qPrintable(withinLimits.error().message()));
    QCOMPARE(*withinLimits, decoded);
}

void tst_Transcripts::failureTexts()
{
    // Failure contents are opaque tracebacks (aiomas: a string; mosaik: an array of strings);
    // the last line of aiomas's is "Type: message".
    int failures = 0;
    for (const char *file : {"aiomas-wire-json.json", "aiomas-wire-msgpack.json",
                             "aiomas-wire-msgpackblosc.json"}) {
        const Value doc = JsonCodec::read(test::readInteropFile(QString::fromLatin1(file))).value();
        for (const Value &entry : doc.asList()) {
            const Value decoded = entry.value(u"decoded");
            if (decoded.at(0).toInt() != int(MessageType::Failure))
                continue;
            ++failures;
            QVERIFY(decoded.at(2).isString());
            const Error e = Error::remote(QStringLiteral("('127.0.0.1', 45555)"),
                                          decoded.at(2).toString());
            QVERIFY2(!e.remoteType().isEmpty(), qPrintable(decoded.at(2).toString()));
            QVERIFY(e.toString().startsWith(u"Origin: ('127.0.0.1', 45555)\n"));
            const QString caseName = entry.value(u"case").toString();
            if (caseName == u"rpc_unknown_method" || caseName == u"rpc_not_exposed")
                QCOMPARE(e.remoteType(), QStringLiteral("LookupError"));
            if (caseName == u"rpc_wrong_arity")
                QCOMPARE(e.remoteType(), QStringLiteral("TypeError"));
        }
    }
    QCOMPARE(failures, 21);
    qInfo("%d failure frames checked", failures);
}

void tst_Transcripts::counts()
{
    // Guard against a transcript silently losing frames: the files hold 88/90/90/61 frames.
    const struct
    {
        const char *file;
        qsizetype frames;
    } expected[] = {{"aiomas-wire-json.json", 88},
                    {"aiomas-wire-msgpack.json", 90},
                    {"aiomas-wire-msgpackblosc.json", 90},
                    {"mosaik-wire-json.json", 61}};
    qsizetype total = 0;
    for (const auto &e : expected) {
        const Value doc = JsonCodec::read(test::readInteropFile(QString::fromLatin1(e.file))).value();
        QCOMPARE(doc.size(), e.frames);
        total += doc.size();
    }
    qInfo("%lld transcript frames decoded and re-encoded byte for byte", qint64(total));
}

QTEST_GUILESS_MAIN(tst_Transcripts)
#include "tst_transcripts.moc"
