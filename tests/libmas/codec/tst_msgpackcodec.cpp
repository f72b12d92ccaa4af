// SPDX-License-Identifier: MIT
// MsgPackCodec and MsgPackBloscCodec: exact bytes as Python's msgpack.packb(use_bin_type=True),
// hostile input (truncation, bad type bytes, huge announced sizes, deep nesting), blosc frames.
#include <mas/codec/message.h>
#include <mas/codec/msgpackcodec.h>

#include <QPointF>
#include <QTest>
#include <QtEndian>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <new>

using namespace Qt::StringLiterals;
using mas::CodecLimits;
using mas::ErrorCode;
using mas::Message;
using mas::MsgPackBloscCodec;
using mas::MsgPackCodec;
using mas::Value;

namespace {
// Bytes requested from operator new since the last AllocationCounter was made.
std::atomic<qint64> g_allocatedBytes{0};
} // namespace

// Replaced global allocation functions, so that tests can assert on the bytes a decoder
// allocates; libmas's allocations resolve to these too.
void *operator new(std::size_t size)
{
    g_allocatedBytes += qint64(size);
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

namespace mas {
char *toString(const Value &v)
{
    return QTest::toString(v.toDisplayString(300));
}
} // namespace mas

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

// Counts what the code under test allocates, including memory whose pages are never touched.
class AllocationCounter
{
public:
    AllocationCounter() { g_allocatedBytes = 0; }
    qint64 mebibytes() const { return g_allocatedBytes / (1024 * 1024); }
};

QByteArray bloscHeader(quint8 flags, quint32 nbytes, quint32 blocksize, quint32 cbytes)
{
    QByteArray h(16, '\0');
    h[0] = 2; // version
    h[1] = 1; // versionlz
    h[2] = char(flags);
    h[3] = 8; // typesize
    qToLittleEndian(nbytes, h.data() + 4);
    qToLittleEndian(blocksize, h.data() + 8);
    qToLittleEndian(cbytes, h.data() + 12);
    return h;
}

} // namespace

class tst_MsgPackCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodeExact_data();
    void encodeExact();
    void decodeForms_data();
    void decodeForms();
    void invalid_data();
    void invalid();
    void hugeAnnouncedSizes_data();
    void hugeAnnouncedSizes();
    void limits_data();
    void limits();
    void encodeErrors_data();
    void encodeErrors();
    void blosc_data();
    void blosc();
    void bloscInvalid_data();
    void bloscInvalid();
    void bloscCompresses();
};

void tst_MsgPackCodec::encodeExact_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("bytes");

    QTest::addRow("add(1, 2)")
        << Message::request(0, Value::list({"add", Value::list({1, 2}), Value::map()})).toValue()
        << hex("930000 93a3616464920102 80");
    QTest::addRow("result") << Message::result(1, Value(3)).toValue() << hex("93010103");
    QTest::addRow("nil") << Value() << hex("c0");
    QTest::addRow("true") << Value(true) << hex("c3");
    QTest::addRow("false") << Value(false) << hex("c2");

    // Integers: the smallest form at each boundary, unsigned forms for non-negative numbers.
    QTest::addRow("0") << Value(0) << hex("00");
    QTest::addRow("127") << Value(127) << hex("7f");
    QTest::addRow("128") << Value(128) << hex("cc80");
    QTest::addRow("255") << Value(255) << hex("ccff");
    QTest::addRow("256") << Value(256) << hex("cd0100");
    QTest::addRow("65535") << Value(65535) << hex("cdffff");
    QTest::addRow("65536") << Value(65536) << hex("ce00010000");
    QTest::addRow("2^32-1") << Value(0xffffffffll) << hex("ceffffffff");
    QTest::addRow("2^32") << Value(0x100000000ll) << hex("cf0000000100000000");
    QTest::addRow("INT64_MAX") << Value(std::numeric_limits<qint64>::max())
                               << hex("cf7fffffffffffffff");
    QTest::addRow("UINT64_MAX") << Value(std::numeric_limits<quint64>::max())
                                << hex("cfffffffffffffffff");
    QTest::addRow("-1") << Value(-1) << hex("ff");
    QTest::addRow("-32") << Value(-32) << hex("e0");
    QTest::addRow("-33") << Value(-33) << hex("d0df");
    QTest::addRow("-128") << Value(-128) << hex("d080");
    QTest::addRow("-129") << Value(-129) << hex("d1ff7f");
    QTest::addRow("-32768") << Value(-32768) << hex("d18000");
    QTest::addRow("-32769") << Value(-32769) << hex("d2ffff7fff");
    QTest::addRow("-2^31") << Value(-0x80000000ll) << hex("d280000000");
    QTest::addRow("-2^31-1") << Value(-0x80000001ll) << hex("d3ffffffff7fffffff");
    QTest::addRow("INT64_MIN") << Value(std::numeric_limits<qint64>::min())
                               << hex("d38000000000000000");

    // Doubles: always float64.
    QTest::addRow("1.5") << Value(1.5) << hex("cb3ff8000000000000");
    QTest::addRow("0.0") << Value(0.0) << hex("cb0000000000000000");
    QTest::addRow("-0.0") << Value(-0.0) << hex("cb8000000000000000");
    QTest::addRow("2.0") << Value(2.0) << hex("cb4000000000000000");
    QTest::addRow("0.5f as float64") << Value(0.5f) << hex("cb3fe0000000000000");
    QTest::addRow("NaN") << Value(std::numeric_limits<double>::quiet_NaN())
                         << hex("cb7ff8000000000000");
    QTest::addRow("Infinity") << Value(std::numeric_limits<double>::infinity())
                              << hex("cb7ff0000000000000");

    // Strings (UTF-8) and bytes.
    QTest::addRow("empty str") << Value(u""_s) << hex("a0");
    QTest::addRow("e acute") << Value(u"\u00e9"_s) << hex("a2c3a9");
    QTest::addRow("emoji") << Value(u"\U0001F600"_s) << hex("a4f09f9880");
    // Short ASCII text is written without a UTF-8 copy: the same bytes at its bounds.
    QTest::addRow("ascii then e acute") << Value(u"abc\u00e9"_s) << hex("a5616263c3a9");
    QTest::addRow("NUL in ascii") << Value(QString(QChar(0)) + u"a"_s) << hex("a20061");
    QTest::addRow("str of 64 ascii") << Value(QString(64, u'z')) << hex("d940") + QByteArray(64, 'z');
    QTest::addRow("str of 65 ascii") << Value(QString(65, u'z')) << hex("d941") + QByteArray(65, 'z');
    QTest::addRow("64 chars, the last not ascii") << Value(QString(63, u'z') + QChar(0xe9))
                                                  << hex("d941") + QByteArray(63, 'z') + hex("c3a9");
    for (int n : {31, 32, 255, 256, 65535, 65536}) {
        QByteArray header;
        if (n < 32)
            header = QByteArray(1, char(0xa0 | n));
        else if (n < 256)
            header = hex("d9") + char(n);
        else if (n < 65536)
            header = hex("da") + char(n >> 8) + char(n & 0xff);
        else
            header = hex("db00010000");
        QTest::addRow("str of %d bytes", n)
            << Value(QString(n, u'a')) << header + QByteArray(n, 'a');
    }
    for (int n : {0, 1, 255, 256, 65535, 65536}) {
        QByteArray header;
        if (n < 256)
            header = hex("c4") + char(n);
        else if (n < 65536)
            header = hex("c5") + char(n >> 8) + char(n & 0xff);
        else
            header = hex("c600010000");
        QTest::addRow("bin of %d bytes", n)
            << Value::bytes(QByteArray(n, 'b')) << header + QByteArray(n, 'b');
    }

    // Containers.
    for (int n : {0, 15, 16, 65535, 65536}) {
        Value list = Value::list();
        Value map = Value::map();
        QByteArray listBody;
        QByteArray mapBody;
        for (int i = 0; i < n; ++i) {
            list.append(1);
            listBody += '\x01';
            map.insert(i % 128, Value());
            if (i < 128)
                mapBody += char(i) + QByteArray("\xc0", 1);
        }
        QByteArray listHeader;
        QByteArray mapHeader;
        if (n < 16) {
            listHeader = QByteArray(1, char(0x90 | n));
            mapHeader = QByteArray(1, char(0x80 | n));
        } else if (n < 65536) {
            listHeader = hex("dc") + char(n >> 8) + char(n & 0xff);
            mapHeader = hex("de") + char(n >> 8) + char(n & 0xff);
        } else {
            listHeader = hex("dd00010000");
        }
        QTest::addRow("array of %d", n) << list << listHeader + listBody;
        if (n <= 16)
            QTest::addRow("map of %d", n) << map << mapHeader + mapBody;
    }
    QTest::addRow("map keeps order") << Value::map({{"b", 1}, {"a", 2}}) << hex("82a16201a16102");
    QTest::addRow("int key") << Value::map({{1, "x"}}) << hex("8101a178");
    QTest::addRow("nil and bool keys")
        << Value::map({{Value(), 1}, {true, 2}}) << hex("82c001c302");
    QTest::addRow("bytes key") << Value::map({{Value::bytes("k"), 1}}) << hex("81c4016b01");
    QTest::addRow("list key") << Value::map({{Value::list({1}), 1}}) << hex("81910101");
}

void tst_MsgPackCodec::encodeExact()
{
    QFETCH(Value, value);
    QFETCH(QByteArray, bytes);

    MsgPackCodec codec;
    const auto out = codec.encodeValue(value);
    QVERIFY2(out, qPrintable(out.error().message()));
    if (bytes.size() < 64)
        QCOMPARE(out->toHex(' '), bytes.toHex(' '));
    else
        QCOMPARE(*out, bytes);
    const auto back = codec.decodeValue(*out);
    QVERIFY2(back, qPrintable(back.error().message()));
    QCOMPARE(*back, value);
    if (value.isDouble())
        QCOMPARE(std::signbit(back->toDouble()), std::signbit(value.toDouble()));
}

void tst_MsgPackCodec::decodeForms_data()
{
    // Forms our encoder never writes but a peer may: non-minimal ints, float32, old raw forms.
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Value>("expected");

    QTest::addRow("uint64 holding 1") << hex("cf0000000000000001") << Value(1);
    QTest::addRow("int8 holding 5") << hex("d005") << Value(5);
    QTest::addRow("int64 holding -1") << hex("d3ffffffffffffffff") << Value(-1);
    QTest::addRow("uint16 holding 0") << hex("cd0000") << Value(0);
    QTest::addRow("float32 1.5") << hex("ca3fc00000") << Value(1.5);
    QTest::addRow("str16 short") << hex("da0001") + "a" << Value("a");
    QTest::addRow("str32 short") << hex("db00000001") + "a" << Value("a");
    QTest::addRow("bin32 short") << hex("c600000001") + "a" << Value::bytes("a");
    QTest::addRow("array16 of 1") << hex("dc000101") << Value::list({1});
    QTest::addRow("array32 of 1") << hex("dd0000000101") << Value::list({1});
    QTest::addRow("map32 of 1") << hex("df000000010102") << Value::map({{1, 2}});
    QTest::addRow("negative fixint -5") << hex("fb") << Value(-5);
    QTest::addRow("nested") << hex("92 91 80 81 a161 90")
                            << Value::list({Value::list({Value::map()}),
                                            Value::map({{"a", Value::list()}})});
}

void tst_MsgPackCodec::decodeForms()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Value, expected);

    MsgPackCodec codec;
    const auto v = codec.decodeValue(bytes);
    QVERIFY2(v, qPrintable(v.error().message()));
    QCOMPARE(*v, expected);
}

void tst_MsgPackCodec::invalid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("error");

    const auto bad = ErrorCode::InvalidMsgPack;
    QTest::addRow("empty") << QByteArray() << bad;
    QTest::addRow("truncated array") << hex("930000") << bad;
    QTest::addRow("truncated add(1, 2)") << hex("930000 93a3616464920102") << bad;
    QTest::addRow("truncated uint16") << hex("cd01") << bad;
    QTest::addRow("truncated uint64") << hex("cf00000000") << bad;
    QTest::addRow("truncated float64") << hex("cb0000") << bad;
    QTest::addRow("truncated str") << hex("a36162") << bad;
    QTest::addRow("str8 without length") << hex("d9") << bad;
    QTest::addRow("truncated bin") << hex("c40561") << bad;
    QTest::addRow("map without value") << hex("81a161") << bad;
    QTest::addRow("invalid type byte 0xc1") << hex("c1") << bad;
    QTest::addRow("0xc1 inside an array") << hex("9201c1") << bad;
    QTest::addRow("invalid utf-8 in str") << hex("a1ff") << bad;
    QTest::addRow("overlong utf-8 in str") << hex("a2c0af") << bad;
    QTest::addRow("utf-8 surrogate in str") << hex("a3eda080") << bad;
    QTest::addRow("truncated utf-8 in str") << hex("a1c3") << bad;
    QTest::addRow("invalid utf-8 in map key") << hex("81a1ff01") << bad;
    QTest::addRow("fixext1") << hex("d40100") << bad;
    QTest::addRow("ext8") << hex("c7010500") << bad;
    QTest::addRow("ext inside array") << hex("91d50100ff") << bad;
    QTest::addRow("extra trailing byte") << hex("0102") << bad;
    QTest::addRow("extra after array") << hex("9000") << bad;
    QTest::addRow("array32 header 2^32-1, no data") << hex("ddffffffff") << bad;
    QTest::addRow("map32 header 2^32-1, no data") << hex("dfffffffff") << bad;
    QTest::addRow("str32 header 2^32-1, no data") << hex("dbffffffff") << bad;
    QTest::addRow("bin32 header 2^32-1, no data") << hex("c6ffffffff") << bad;
    QTest::addRow("array32 2^32-1 with two elements") << hex("ddffffffff0102") << bad;
    QTest::addRow("arrays 100000 deep")
        << QByteArray(100000, char(0x91)) << ErrorCode::NestingTooDeep;
    QTest::addRow("map keys 100000 deep")
        << QByteArray(100000, char(0x81)) << ErrorCode::NestingTooDeep;
    QTest::addRow("arrays 1001 deep, complete")
        << QByteArray(1001, char(0x91)) + QByteArray(1, '\x01') << ErrorCode::NestingTooDeep;
}

void tst_MsgPackCodec::invalid()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, error);

    MsgPackCodec codec;
    const auto v = codec.decodeValue(bytes);
    QVERIFY(!v);
    QCOMPARE(v.error().code(), error);
    QVERIFY(!v.error().message().isEmpty());
    const auto m = codec.decode(bytes);
    QVERIFY(!m);
    QCOMPARE(m.error().code(), error);
}

void tst_MsgPackCodec::hugeAnnouncedSizes_data()
{
    QTest::addColumn<QByteArray>("bytes");

    QTest::addRow("one array32 of 2^32-1") << hex("ddffffffff");
    QTest::addRow("one map32 of 2^32-1") << hex("dfffffffff");
    // Every level announces 2^32-1 elements: reserving per level would be quadratic.
    QTest::addRow("999 nested array32 of 2^32-1") << hex("ddffffffff").repeated(999);
    QTest::addRow("999 nested map32 of 2^32-1") << hex("dfffffffff").repeated(999);
    QTest::addRow("wide array of announced arrays")
        << hex("dc03e7") + hex("ddffffffff").repeated(999);
}

void tst_MsgPackCodec::hugeAnnouncedSizes()
{
    QFETCH(QByteArray, bytes);

    MsgPackCodec codec;
    const AllocationCounter counter;
    const auto v = codec.decodeValue(bytes);
    QVERIFY(!v);
    QCOMPARE(v.error().code(), ErrorCode::InvalidMsgPack);
    // A few KB of input may not make the decoder allocate more than a few MB.
    QVERIFY2(
        counter.mebibytes() < 4,
        qPrintable(
            u"decoding %1 bytes allocated %2 MiB"_s.arg(bytes.size()).arg(counter.mebibytes())));
}

void tst_MsgPackCodec::limits_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<int>("maxElements");
    QTest::addColumn<ErrorCode>("error");

    QTest::addRow("1000 deep at the default limit")
        << QByteArray(1000, char(0x91)) + '\x01' << 1000 << 4000000 << ErrorCode::NoError;
    QTest::addRow("depth 3 allowed") << hex("91919101") << 3 << 100 << ErrorCode::NoError;
    QTest::addRow("depth 4 refused") << hex("9191919101") << 3 << 100 << ErrorCode::NestingTooDeep;
    QTest::addRow("map depth 4 refused")
        << hex("81a16181a16281a16381a16401") << 3 << 100 << ErrorCode::NestingTooDeep;
    QTest::addRow("10 elements allowed")
        << hex("99010203040506070809") << 10 << 10 << ErrorCode::NoError;
    QTest::addRow("11 elements refused")
        << hex("9a0102030405060708090a") << 10 << 10 << ErrorCode::TooManyElements;
    QTest::addRow("map entries count")
        << hex("86 0101 0202 0303 0404 0505 0606") << 10 << 10 << ErrorCode::TooManyElements;
}

void tst_MsgPackCodec::limits()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxDepth);
    QFETCH(int, maxElements);
    QFETCH(ErrorCode, error);

    CodecLimits limits;
    limits.maxDepth = maxDepth;
    limits.maxElements = maxElements;
    MsgPackCodec codec;
    codec.setLimits(limits);
    const auto v = codec.decodeValue(bytes);
    QCOMPARE(v.error().code(), error);
    QCOMPARE(MsgPackCodec::read(bytes, limits).error().code(), error);
    if (v) // what decodes within the limits also encodes within them, to the same bytes
        QCOMPARE(codec.encodeValue(*v).value(), bytes);
}

void tst_MsgPackCodec::encodeErrors_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<ErrorCode>("error");

    QTest::addRow("2^64") << Value(mas::BigInt{"18446744073709551616"})
                          << ErrorCode::SerializationError;
    QTest::addRow("-2^63-1 in a list") << Value::list({Value(mas::BigInt{"-9223372036854775809"})})
                                       << ErrorCode::SerializationError;
    QTest::addRow("unregistered custom object")
        << Value::custom(QPointF(1, 2)) << ErrorCode::SerializationError;
    // JSON's "\ud800" decodes to a lone surrogate; UTF-8 has no form for it (found by fuzz_codec_json).
    QTest::addRow("lone high surrogate") << Value(QString(QChar(0xD800))) << ErrorCode::SerializationError;
    QTest::addRow("ascii, then a lone surrogate")
        << Value(u"ab"_s + QChar(0xD800)) << ErrorCode::SerializationError;
    QTest::addRow("lone low surrogate in a map key")
        << Value::map({{Value(QString(QChar(0xDC00)) + u'x'), 1}}) << ErrorCode::SerializationError;
    Value deep = Value::list();
    for (int i = 0; i < 1000; ++i)
        deep = Value::list({deep});
    QTest::addRow("1001 levels") << deep << ErrorCode::NestingTooDeep;
    Value deepMap = Value::map();
    for (int i = 0; i < 1000; ++i)
        deepMap = Value::map({{"k", deepMap}});
    QTest::addRow("1001 map levels") << deepMap << ErrorCode::NestingTooDeep;
}

void tst_MsgPackCodec::encodeErrors()
{
    QFETCH(Value, value);
    QFETCH(ErrorCode, error);

    for (const bool blosc : {false, true}) {
        std::unique_ptr<mas::Codec> codec;
        if (blosc)
            codec = std::make_unique<MsgPackBloscCodec>();
        else
            codec = std::make_unique<MsgPackCodec>();
        const auto out = codec->encodeValue(value);
        QVERIFY(!out);
        QCOMPARE(out.error().code(), error);
        QVERIFY(!out.error().message().isEmpty());
    }
}

void tst_MsgPackCodec::blosc_data()
{
    QTest::addColumn<Value>("value");

    QTest::addRow("add(1, 2)")
        << Message::request(0, Value::list({"add", Value::list({1, 2}), Value::map()})).toValue();
    QTest::addRow("empty list") << Value::list();
    QTest::addRow("nil") << Value();
    QTest::addRow("bytes") << Value::bytes(QByteArray(1000, '\x07'));
    QTest::addRow("100 KB mixed") << Value::list({QString(50000, u'x'), QByteArray(50000, 'y')});
}

void tst_MsgPackCodec::blosc()
{
    QFETCH(Value, value);

    MsgPackBloscCodec codec;
    QCOMPARE(codec.name(), u"msgpackblosc"_s);
    const QByteArray packed = MsgPackCodec::write(value, nullptr).value();
    const auto out = codec.encodeValue(value);
    QVERIFY2(out, qPrintable(out.error().message()));
    // A blosc1 frame: version 2, blosclz version 1, typesize 8, sizes little-endian.
    QVERIFY(out->size() >= 16);
    QCOMPARE(int(quint8(out->at(0))), 2);
    QCOMPARE(int(quint8(out->at(1))), 1);
    QCOMPARE(int(quint8(out->at(3))), 8);
    QCOMPARE(qFromLittleEndian<quint32>(out->constData() + 4), quint32(packed.size()));
    QCOMPARE(qFromLittleEndian<quint32>(out->constData() + 12), quint32(out->size()));
    // The frame decompresses to exactly the MsgPack bytes.
    QCOMPARE(MsgPackBloscCodec::decompress(*out, 1 << 20).value(), packed);
    const auto back = codec.decodeValue(*out);
    QVERIFY2(back, qPrintable(back.error().message()));
    QCOMPARE(*back, value);
}

void tst_MsgPackCodec::bloscInvalid_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<qsizetype>("maxDecompressedSize");
    QTest::addColumn<ErrorCode>("error");
    QTest::addColumn<QString>("mentions");

    const qsizetype defaultMax = CodecLimits().maxDecompressedSize;
    const QByteArray good = MsgPackBloscCodec::compress(hex("93010103")).value();
    QByteArray big;
    for (int i = 0; i < 20000; ++i)
        big += QByteArray::number(i % 97);
    const QByteArray bigFrame =
        MsgPackBloscCodec::compress(
            MsgPackCodec::write(Value(QString::fromLatin1(big)), nullptr).value())
            .value();

    QTest::addRow("empty") << QByteArray() << defaultMax << ErrorCode::InvalidBlosc << u"16"_s;
    QTest::addRow("15 bytes") << good.left(15) << defaultMax << ErrorCode::InvalidBlosc << u"16"_s;
    QTest::addRow("plain msgpack, no frame")
        << hex("93010103") << defaultMax << ErrorCode::InvalidBlosc << u""_s;
    QTest::addRow("garbage header")
        << QByteArray(32, '\xff') << defaultMax << ErrorCode::InvalidBlosc << u""_s;
    QTest::addRow("zero header") << QByteArray(16, '\0') << defaultMax << ErrorCode::InvalidBlosc
                                 << u""_s;
    QTest::addRow("truncated frame")
        << good.left(good.size() - 1) << defaultMax << ErrorCode::InvalidBlosc << u""_s;
    QTest::addRow("frame with an extra byte")
        << good + 'x' << defaultMax << ErrorCode::InvalidBlosc << u""_s;
    QTest::addRow("header announces 512 MB")
        << bloscHeader(0x13, 512u * 1024 * 1024, 8192, 32) + QByteArray(16, 'a') << defaultMax
        << ErrorCode::InvalidBlosc << u"limit"_s;
    QTest::addRow("header announces 2 GB")
        << bloscHeader(0x13, 0x7fffffffu, 8192, 32) + QByteArray(16, 'a') << defaultMax
        << ErrorCode::InvalidBlosc << u""_s;
    QTest::addRow("real frame over a small limit")
        << bigFrame << qsizetype(1000) << ErrorCode::InvalidBlosc << u"limit"_s;
    QTest::addRow("memcpyed frame shorter than announced")
        << bloscHeader(0x13, 100, 100, 20) + QByteArray(4, 'a') << defaultMax
        << ErrorCode::InvalidBlosc << u""_s;
    QByteArray corrupted = bigFrame;
    for (qsizetype i = 16; i < corrupted.size(); ++i)
        corrupted[i] = char(corrupted[i] ^ 0x5a);
    QTest::addRow("compressed body corrupted")
        << corrupted << defaultMax << ErrorCode::InvalidBlosc << u""_s;
    QTest::addRow("valid frame around invalid msgpack")
        << MsgPackBloscCodec::compress(hex("c1")).value() << defaultMax << ErrorCode::InvalidMsgPack
        << u""_s;
    QTest::addRow("valid frame around truncated msgpack")
        << MsgPackBloscCodec::compress(hex("9301")).value() << defaultMax
        << ErrorCode::InvalidMsgPack << u""_s;
}

void tst_MsgPackCodec::bloscInvalid()
{
    QFETCH(QByteArray, frame);
    QFETCH(qsizetype, maxDecompressedSize);
    QFETCH(ErrorCode, error);
    QFETCH(QString, mentions);

    CodecLimits limits;
    limits.maxDecompressedSize = maxDecompressedSize;
    MsgPackBloscCodec codec;
    codec.setLimits(limits);
    const auto v = codec.decodeValue(frame);
    QVERIFY(!v);
    QCOMPARE(v.error().code(), error);
    QVERIFY2(v.error().message().contains(mentions), qPrintable(v.error().message()));
    const auto m = codec.decode(frame);
    QVERIFY(!m);
    QCOMPARE(m.error().code(), error);
}

void tst_MsgPackCodec::bloscCompresses()
{
    // A large, compressible message comes out much smaller and round-trips.
    QString text;
    for (int i = 0; i < 40000; ++i)
        text += u"payload %1; "_s.arg(i % 100);
    const Value value = Value::list({text, Value::bytes(QByteArray(200000, 'z'))});
    const Message message = Message::result(9, value);

    MsgPackCodec plain;
    MsgPackBloscCodec blosc;
    const QByteArray packed = plain.encode(message).value();
    const auto compressed = blosc.encode(message);
    QVERIFY2(compressed, qPrintable(compressed.error().message()));
    QVERIFY2(compressed->size() * 4 < packed.size(),
             qPrintable(u"%1 -> %2 bytes"_s.arg(packed.size()).arg(compressed->size())));
    // Compressed with byte shuffle (flags bit 0), not stored as-is (flags bit 1).
    QVERIFY(quint8(compressed->at(2)) & 0x01);
    QVERIFY(!(quint8(compressed->at(2)) & 0x02));
    const auto back = blosc.decode(*compressed);
    QVERIFY2(back, qPrintable(back.error().message()));
    QCOMPARE(*back, message);
    // Small payloads are stored as-is ("memcpyed": flags 0x13), as python-blosc does.
    const QByteArray small = blosc.encode(Message::request(0, Value("x"))).value();
    QCOMPARE(int(quint8(small.at(2))), 0x13);
    QCOMPARE(small.mid(16), plain.encode(Message::request(0, Value("x"))).value());
}

QTEST_GUILESS_MAIN(tst_MsgPackCodec)
#include "tst_msgpackcodec.moc"
