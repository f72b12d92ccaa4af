// SPDX-License-Identifier: MIT
// JsonCodec: byte-exact output as Python's json.dumps, the decoder's leniency (raw UTF-8,
// NaN/Infinity) and strictness (everything Python's json.loads refuses), and the limits.
#include <mas/codec/jsoncodec.h>
#include <mas/codec/message.h>

#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using mas::BigInt;
using mas::CodecLimits;
using mas::ErrorCode;
using mas::JsonCodec;
using mas::Message;
using mas::Value;

namespace mas {
char *toString(const Value &v)
{
    return QTest::toString(v.toDisplayString(300));
}
} // namespace mas

namespace {
struct Point
{
    int x = 0;
    int y = 0;
};
} // namespace

Q_DECLARE_METATYPE(Value::Type)

class tst_JsonCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodeExact_data();
    void encodeExact();
    void formatDouble_data();
    void formatDouble();
    void bigInts_data();
    void bigInts();
    void decode_data();
    void decode();
    void decodeSigns_data();
    void decodeSigns();
    void invalid_data();
    void invalid();
    void limits_data();
    void limits();
    void encodeErrors_data();
    void encodeErrors();
    void bytesWithSerializer();
    void sawTypeTag_data();
    void sawTypeTag();
};

void tst_JsonCodec::encodeExact_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("json");

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();

    QTest::addRow("request add(1, 2)")
        << Message::request(0, Value::list({"add", Value::list({1, 2}), Value::map()})).toValue()
        << QByteArray(R"([0, 0, ["add", [1, 2], {}]])");
    QTest::addRow("result") << Message::result(5, Value(3)).toValue() << QByteArray("[1, 5, 3]");
    QTest::addRow("failure") << Message::failure(1, Value("Error")).toValue()
                             << QByteArray(R"([2, 1, "Error"])");
    QTest::addRow("map separators")
        << Value::map({{"a", 1}, {"b", Value::list({true, false, Value()})}})
        << QByteArray(R"({"a": 1, "b": [true, false, null]})");
    QTest::addRow("map insertion order")
        << Value::map({{"z", 1}, {"a", 2}}) << QByteArray(R"({"z": 1, "a": 2})");
    QTest::addRow("empties") << Value::list({Value::list(), Value::map(), u""_s})
                             << QByteArray(R"([[], {}, ""])");
    QTest::addRow("nested empties")
        << Value::list({Value::list({Value::list()})}) << QByteArray("[[[]]]");
    QTest::addRow("e acute") << Value(u"\u00e9"_s) << QByteArray(R"("\u00e9")");
    QTest::addRow("astral as surrogate pair")
        << Value(u"\U0001F600"_s) << QByteArray(R"("\ud83d\ude00")");
    QTest::addRow("cjk and line separator")
        << Value(u"\u4e2d\u2028"_s) << QByteArray(R"("\u4e2d\u2028")");
    QTest::addRow("U+FFFF") << Value(u"\uffff"_s) << QByteArray(R"("\uffff")");
    QTest::addRow("lone surrogate") << Value(QString(QChar(0xd800))) << QByteArray(R"("\ud800")");
    QTest::addRow("newline and tab") << Value(u"\n\t"_s) << QByteArray(R"("\n\t")");
    QTest::addRow("U+0001 and U+007F")
        << Value(u"\u0001\u007f"_s) << QByteArray(R"("\u0001\u007f")");
    QTest::addRow("NUL") << Value(u"a\0b"_s) << QByteArray(R"("a\u0000b")");
    QTest::addRow("cr, backspace, formfeed") << Value(u"\r\b\f"_s) << QByteArray(R"("\r\b\f")");
    QTest::addRow("quote, backslash, slash") << Value(u"\"\\/"_s) << QByteArray(R"("\"\\/")");
    QTest::addRow("printable ascii")
        << Value(u" ~azAZ09{}[]:,"_s) << QByteArray(R"(" ~azAZ09{}[]:,")");
    QTest::addRow("python combined")
        << Value(u"\u00e9\U0001F600\n\t\u0001\u007f\r\b\f\"\\/\u2028\uffff"_s)
        << QByteArray(R"("\u00e9\ud83d\ude00\n\t\u0001\u007f\r\b\f\"\\/\u2028\uffff")");
    QTest::addRow("int key") << Value::map({{1, "a"}}) << QByteArray(R"({"1": "a"})");
    QTest::addRow("negative int key") << Value::map({{-7, "a"}}) << QByteArray(R"({"-7": "a"})");
    QTest::addRow("true key") << Value::map({{true, "b"}}) << QByteArray(R"({"true": "b"})");
    QTest::addRow("false key") << Value::map({{false, "b"}}) << QByteArray(R"({"false": "b"})");
    QTest::addRow("null key") << Value::map({{Value(), "c"}}) << QByteArray(R"({"null": "c"})");
    QTest::addRow("float key") << Value::map({{2.5, "d"}}) << QByteArray(R"({"2.5": "d"})");
    QTest::addRow("big int key") << Value::map({{Value(BigInt{"1180591620717411303424"}), 1}})
                                 << QByteArray(R"({"1180591620717411303424": 1})");
    QTest::addRow("non-ascii key")
        << Value::map({{u"\u00e9"_s, 1}}) << QByteArray(R"({"\u00e9": 1})");
    QTest::addRow("ints") << Value::list({0, -1, std::numeric_limits<qint64>::min(),
                                          std::numeric_limits<qint64>::max(),
                                          std::numeric_limits<quint64>::max()})
                          << QByteArray("[0, -1, -9223372036854775808, 9223372036854775807, "
                                        "18446744073709551615]");
    QTest::addRow("doubles") << Value::list({0.1, 1e16, -0.0, 2.0, nan, inf, -inf})
                             << QByteArray("[0.1, 1e+16, -0.0, 2.0, NaN, Infinity, -Infinity]");
    QTest::addRow("2**70") << Value(BigInt{"1180591620717411303424"})
                           << QByteArray("1180591620717411303424");
    QTest::addRow("-2**70") << Value(BigInt{"-1180591620717411303424"})
                            << QByteArray("-1180591620717411303424");
    QTest::addRow("scalars") << Value::list({Value(), true, false})
                             << QByteArray("[null, true, false]");
}

void tst_JsonCodec::encodeExact()
{
    QFETCH(Value, value);
    QFETCH(QByteArray, json);

    JsonCodec codec;
    const auto out = codec.encodeValue(value);
    QVERIFY2(out, qPrintable(out.error().message()));
    QCOMPARE(*out, json);
    // Pure ASCII, always.
    for (char c : *out)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);
    // The static writer gives the same bytes.
    QCOMPARE(JsonCodec::write(value, nullptr).value(), json);
}

void tst_JsonCodec::formatDouble_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("repr");

    // Expected texts are Python 3's repr(float).
    QTest::addRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::addRow("3.75") << 3.75 << QByteArray("3.75");
    QTest::addRow("1e16") << 1e16 << QByteArray("1e+16");
    QTest::addRow("1e15") << 1e15 << QByteArray("1000000000000000.0");
    QTest::addRow("9999999999999998.0") << 9999999999999998.0 << QByteArray("9999999999999998.0");
    QTest::addRow("1.5e-07") << 1.5e-07 << QByteArray("1.5e-07");
    QTest::addRow("0.0001") << 0.0001 << QByteArray("0.0001");
    QTest::addRow("0.00012345") << 0.00012345 << QByteArray("0.00012345");
    QTest::addRow("1e-05") << 1e-05 << QByteArray("1e-05");
    QTest::addRow("0.00015 rounding") << 1e-4 * 1.5 << QByteArray("0.00015000000000000001");
    QTest::addRow("123456789.123") << 123456789.123 << QByteArray("123456789.123");
    QTest::addRow("0.0") << 0.0 << QByteArray("0.0");
    QTest::addRow("-0.0") << -0.0 << QByteArray("-0.0");
    QTest::addRow("1.0") << 1.0 << QByteArray("1.0");
    QTest::addRow("100.0") << 100.0 << QByteArray("100.0");
    QTest::addRow("-1.5") << -1.5 << QByteArray("-1.5");
    QTest::addRow("1/3") << 1.0 / 3.0 << QByteArray("0.3333333333333333");
    QTest::addRow("2^53 + 1 rounds") << 9007199254740993.0 << QByteArray("9007199254740992.0");
    QTest::addRow("1.2345678901234568e+16")
        << 12345678901234567.0 << QByteArray("1.2345678901234568e+16");
    QTest::addRow("1e22") << 1e22 << QByteArray("1e+22");
    QTest::addRow("1e308") << 1e308 << QByteArray("1e+308");
    QTest::addRow("max") << std::numeric_limits<double>::max()
                         << QByteArray("1.7976931348623157e+308");
    QTest::addRow("min normal") << std::numeric_limits<double>::min()
                                << QByteArray("2.2250738585072014e-308");
    QTest::addRow("5e-324") << 5e-324 << QByteArray("5e-324");
    QTest::addRow("-5e-324") << -5e-324 << QByteArray("-5e-324");
    QTest::addRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
    QTest::addRow("Infinity") << std::numeric_limits<double>::infinity() << QByteArray("Infinity");
    QTest::addRow("-Infinity") << -std::numeric_limits<double>::infinity()
                               << QByteArray("-Infinity");
}

void tst_JsonCodec::formatDouble()
{
    QFETCH(double, value);
    QFETCH(QByteArray, repr);

    QCOMPARE(JsonCodec::formatDouble(value), repr);
    // The text reads back as the same double.
    const auto back = JsonCodec::read(repr);
    QVERIFY2(back, qPrintable(back.error().message()));
    QVERIFY(back->isDouble());
    QCOMPARE(*back, Value(value));
    QCOMPARE(std::signbit(back->toDouble()), std::signbit(value));
}

void tst_JsonCodec::bigInts_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Value::Type>("type");

    QTest::addRow("2**70") << QByteArray("1180591620717411303424") << Value::Type::BigInt;
    QTest::addRow("-2**70") << QByteArray("-1180591620717411303424") << Value::Type::BigInt;
    QTest::addRow("2**64") << QByteArray("18446744073709551616") << Value::Type::BigInt;
    QTest::addRow("2**64 - 1") << QByteArray("18446744073709551615") << Value::Type::UInt;
    QTest::addRow("2**63") << QByteArray("9223372036854775808") << Value::Type::UInt;
    QTest::addRow("2**63 - 1") << QByteArray("9223372036854775807") << Value::Type::Int;
    QTest::addRow("-2**63") << QByteArray("-9223372036854775808") << Value::Type::Int;
    QTest::addRow("-2**63 - 1") << QByteArray("-9223372036854775809") << Value::Type::BigInt;
    QTest::addRow("100 digits") << QByteArray(100, '9') << Value::Type::BigInt;
    // Up to 18 digits are summed while read, from 19 on parsed apart: both sides of the seam.
    QTest::addRow("18 digits") << QByteArray(18, '9') << Value::Type::Int;
    QTest::addRow("-18 digits") << "-" + QByteArray(18, '9') << Value::Type::Int;
    QTest::addRow("19 digits") << QByteArray(19, '9') << Value::Type::UInt;
    QTest::addRow("10**18") << "1" + QByteArray(18, '0') << Value::Type::Int;
}

void tst_JsonCodec::bigInts()
{
    QFETCH(QByteArray, json);
    QFETCH(Value::Type, type);

    JsonCodec codec;
    const auto v = codec.decodeValue(json);
    QVERIFY2(v, qPrintable(v.error().message()));
    QCOMPARE(v->type(), type);
    if (type == Value::Type::BigInt)
        QCOMPARE(v->bigInt()->digits, json);
    QCOMPARE(codec.encodeValue(*v).value(), json);
    // Inside a message too.
    const QByteArray triple = "[1, 0, [" + json + "]]";
    const auto m = codec.decode(triple);
    QVERIFY(m);
    QCOMPARE(m->content.at(0).type(), type);
    QCOMPARE(codec.encode(*m).value(), triple);
}

void tst_JsonCodec::decode_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Value>("expected");

    const double inf = std::numeric_limits<double>::infinity();
    QTest::addRow("plain ascii") << QByteArray(R"("agents/0/add")") << Value(u"agents/0/add"_s);
    QTest::addRow("empty string") << QByteArray(R"("")") << Value(QString());
    QTest::addRow("ascii, escape, ascii") << QByteArray(R"("ab\ncd")") << Value(u"ab\ncd"_s);
    QTest::addRow("DEL is ascii") << QByteArray("\"a\x7f\"") << Value(u"a\u007f"_s);
    QTest::addRow("ascii keys and values")
        << QByteArray(R"({"key": "value", "k2": ["x", "yz"]})")
        << Value::map({{u"key"_s, u"value"_s}, {u"k2"_s, Value::list({u"x"_s, u"yz"_s})}});
    QTest::addRow("raw utf-8") << QByteArray("\"h\xc3\xa9llo\"") << Value(u"h\u00e9llo"_s);
    QTest::addRow("raw 4-byte utf-8")
        << QByteArray("\"\xf0\x9f\x98\x80\"") << Value(u"\U0001F600"_s);
    QTest::addRow("escaped surrogate pair")
        << QByteArray(R"("\ud83d\ude00")") << Value(u"\U0001F600"_s);
    QTest::addRow("upper-case hex escape")
        << QByteArray(R"("\u00E9\u00c9")") << Value(u"\u00e9\u00c9"_s);
    QTest::addRow("lone surrogate escape")
        << QByteArray(R"("\udc00")") << Value(QString(QChar(0xdc00)));
    QTest::addRow("all short escapes")
        << QByteArray(R"("\"\\\/\b\f\n\r\t")") << Value(u"\"\\/\b\f\n\r\t"_s);
    QTest::addRow("escaped NUL") << QByteArray(R"("a\u0000b")") << Value(u"a\0b"_s);
    QTest::addRow("whitespace everywhere")
        << QByteArray(" \t\n\r[ 1 ,\n2 , { \"a\" : [ ] , \"b\":{ } } ]\r\n ")
        << Value::list({1, 2, Value::map({{"a", Value::list()}, {"b", Value::map()}})});
    QTest::addRow("compact") << QByteArray(R"([1,2,{"a":null}])")
                             << Value::list({1, 2, Value::map({{"a", Value()}})});
    QTest::addRow("NaN token") << QByteArray("NaN")
                               << Value(std::numeric_limits<double>::quiet_NaN());
    QTest::addRow("Infinity token")
        << QByteArray("[Infinity, -Infinity]") << Value::list({inf, -inf});
    QTest::addRow("exponent forms")
        << QByteArray("[1.5E+3, 1e2, 2E-1, 0.5]") << Value::list({1500.0, 100.0, 0.2, 0.5});
    QTest::addRow("huge exponent is inf")
        << QByteArray("[1e400, -1e400]") << Value::list({inf, -inf});
    QTest::addRow("-0 is an int") << QByteArray("-0") << Value(0);
    QTest::addRow("integers") << QByteArray("[0, -5, 123]") << Value::list({0, -5, 123});
    QTest::addRow("duplicate key keeps first position, last value")
        << QByteArray(R"({"a": 1, "b": 2, "a": 3})") << Value::map({{"a", 3}, {"b", 2}});
    QByteArray manyKeys = "{";
    Value::Map expectedMany;
    for (int i = 0; i < 40; ++i) {
        manyKeys += "\"k" + QByteArray::number(i) + "\": " + QByteArray::number(i) + ", ";
        expectedMany.emplace_back(Value(u"k%1"_s.arg(i)), Value(i == 3 ? 99 : i));
    }
    manyKeys += "\"k3\": 99}";
    QTest::addRow("duplicate key in a large object") << manyKeys << Value(std::move(expectedMany));
    QTest::addRow("keys are text") << QByteArray(R"({"1": true, "null": false})")
                                   << Value::map({{"1", true}, {"null", false}});
    QTest::addRow("scalars") << QByteArray("[true, false, null]")
                             << Value::list({true, false, Value()});
}

void tst_JsonCodec::decode()
{
    QFETCH(QByteArray, json);
    QFETCH(Value, expected);

    JsonCodec codec;
    const auto v = codec.decodeValue(json);
    QVERIFY2(v, qPrintable(v.error().message()));
    QCOMPARE(*v, expected);
}

void tst_JsonCodec::decodeSigns_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("negative");

    QTest::addRow("-0.0") << QByteArray("-0.0") << true;
    QTest::addRow("0.0") << QByteArray("0.0") << false;
    QTest::addRow("-1e-400 underflows to -0.0") << QByteArray("-1e-400") << true;
    QTest::addRow("1e-400 underflows to 0.0") << QByteArray("1e-400") << false;
}

void tst_JsonCodec::decodeSigns()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, negative);

    const auto v = JsonCodec::read(json);
    QVERIFY2(v, qPrintable(v.error().message()));
    QVERIFY(v->isDouble());
    QCOMPARE(v->toDouble(), 0.0);
    QCOMPARE(std::signbit(v->toDouble()), negative);
}

void tst_JsonCodec::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ErrorCode>("error");
    QTest::addColumn<QString>("message"); // what is wrong and where, when given

    const auto bad = ErrorCode::InvalidJson;
    QTest::addRow("empty") << QByteArray() << bad << QString();
    QTest::addRow("only whitespace") << QByteArray(" \n ") << bad << QString();
    QTest::addRow("truncated list")
        << QByteArray("[1, 2") << bad << u"Invalid JSON at byte 5: unexpected end of data in a list"_s;
    QTest::addRow("truncated after comma") << QByteArray("[1, ") << bad << QString();
    QTest::addRow("truncated object") << QByteArray(R"({"a": )") << bad << QString();
    QTest::addRow("truncated key") << QByteArray(R"({"a)") << bad << QString();
    QTest::addRow("truncated string") << QByteArray(R"("abc)") << bad << QString();
    QTest::addRow("truncated literal") << QByteArray("tru") << bad << QString();
    QTest::addRow("truncated escape") << QByteArray(R"("\)") << bad << QString();
    QTest::addRow("trailing garbage") << QByteArray("[1] x") << bad << QString();
    QTest::addRow("two values") << QByteArray("1 2") << bad << QString();
    QTest::addRow("trailing comma in list")
        << QByteArray("[1,]") << bad << u"Invalid JSON at byte 3: unexpected character ']'"_s;
    QTest::addRow("trailing comma in object") << QByteArray(R"({"a": 1,})") << bad << QString();
    QTest::addRow("missing colon")
        << QByteArray(R"({"a" 1})") << bad << u"Invalid JSON at byte 5: expected ':' after a key"_s;
    QTest::addRow("missing comma") << QByteArray("[1 2]") << bad << QString();
    QTest::addRow("non-string key") << QByteArray("{1: 2}") << bad << QString();
    QTest::addRow("single quotes") << QByteArray("'a'") << bad << QString();
    QTest::addRow("bad escape \\x") << QByteArray(R"("\x41")") << bad << QString();
    QTest::addRow("bad escape \\u12zz") << QByteArray(R"("\u12zz")") << bad << QString();
    QTest::addRow("short \\u escape") << QByteArray(R"("\u12")") << bad << QString();
    QTest::addRow("invalid utf-8 0xff") << QByteArray("\"\xff\"") << bad << QString();
    QTest::addRow("invalid utf-8 continuation") << QByteArray("\"\x80\"") << bad << QString();
    QTest::addRow("overlong utf-8") << QByteArray("\"\xc0\xaf\"") << bad << QString();
    QTest::addRow("utf-8 encoded surrogate") << QByteArray("\"\xed\xa0\x80\"") << bad << QString();
    QTest::addRow("truncated utf-8") << QByteArray("\"\xc3\"") << bad << QString();
    QTest::addRow("utf-8 above U+10FFFF") << QByteArray("\"\xf4\x90\x80\x80\"") << bad << QString();
    QTest::addRow("raw newline in string") << QByteArray("\"a\nb\"") << bad << QString();
    QTest::addRow("raw U+0001 in string") << QByteArray("\"\x01\"") << bad << QString();
    QTest::addRow("raw tab in string") << QByteArray("\"\t\"") << bad << QString();
    QTest::addRow("leading zero") << QByteArray("01") << bad << QString();
    QTest::addRow("negative leading zero") << QByteArray("-01") << bad << QString();
    QTest::addRow("double zero") << QByteArray("00") << bad << QString();
    QTest::addRow("lone minus") << QByteArray("-") << bad << QString();
    QTest::addRow("minus in list") << QByteArray("[-]") << bad << QString();
    QTest::addRow("plus sign") << QByteArray("+1") << bad << QString();
    QTest::addRow("leading dot") << QByteArray(".5") << bad << QString();
    QTest::addRow("trailing dot") << QByteArray("1.") << bad << QString();
    QTest::addRow("empty exponent") << QByteArray("1e") << bad << QString();
    QTest::addRow("exponent sign only") << QByteArray("1e+") << bad << QString();
    QTest::addRow("hex number") << QByteArray("0x10") << bad << QString();
    QTest::addRow("lower-case nan") << QByteArray("nan") << bad << QString();
    QTest::addRow("-NaN") << QByteArray("-NaN") << bad << QString();
    QTest::addRow("Inf") << QByteArray("Inf") << bad << QString();
    QTest::addRow("NULL") << QByteArray("NULL") << bad << QString();
    QTest::addRow("lone close bracket") << QByteArray("]") << bad << QString();
    QTest::addRow("mismatched brackets") << QByteArray("[}") << bad << QString();
    QTest::addRow("NUL byte") << QByteArray("\0", 1) << bad << QString();
    QTest::addRow("nested bad escape")
        << QByteArray(R"([0, 1, ["a\q"]])") << bad << u"Invalid JSON at byte 11: invalid escape"_s;
    QTest::addRow("bad number in the envelope")
        << QByteArray("[1, -, 3]") << bad << u"Invalid JSON at byte 5: invalid number"_s;
    QTest::addRow("extra data after the envelope")
        << QByteArray("[1, 2, 3] x") << bad << u"Invalid JSON at byte 10: extra data after the value"_s;
    QTest::addRow("lists 100000 deep") << QByteArray(100000, '[') << ErrorCode::NestingTooDeep << QString();
    QByteArray objects;
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\":";
    QTest::addRow("objects 100000 deep") << objects << ErrorCode::NestingTooDeep << QString();
    QTest::addRow("lists 1001 deep, closed")
        << QByteArray(1001, '[') + QByteArray(1001, ']') << ErrorCode::NestingTooDeep << QString();
}

void tst_JsonCodec::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(ErrorCode, error);
    QFETCH(QString, message);

    JsonCodec codec;
    const auto v = codec.decodeValue(json);
    QVERIFY(!v);
    QCOMPARE(v.error().code(), error);
    QVERIFY(!v.error().message().isEmpty());
    const auto m = codec.decode(json); // an envelope's shortcut gives up, the general way reports
    QVERIFY(!m);
    QCOMPARE(m.error().code(), error);
    if (!message.isEmpty()) {
        QCOMPARE(v.error().message(), message);
        QCOMPARE(m.error().message(), message);
    }
}


void tst_JsonCodec::limits_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<int>("maxElements");
    QTest::addColumn<ErrorCode>("error");

    QTest::addRow("1000 deep at the default limit")
        << QByteArray(1000, '[') + QByteArray(1000, ']') << 1000 << 4000000 << ErrorCode::NoError;
    QTest::addRow("depth 3 allowed") << QByteArray("[[[1]]]") << 3 << 100 << ErrorCode::NoError;
    QTest::addRow("depth 4 refused")
        << QByteArray("[[[[1]]]]") << 3 << 100 << ErrorCode::NestingTooDeep;
    QTest::addRow("object depth refused")
        << QByteArray(R"({"a": {"b": {"c": {}}}})") << 3 << 100 << ErrorCode::NestingTooDeep;
    QTest::addRow("10 elements allowed")
        << QByteArray("[1, 2, 3, 4, 5, 6, 7, 8, 9]") << 10 << 10 << ErrorCode::NoError;
    QTest::addRow("11 elements refused")
        << QByteArray("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]") << 10 << 10 << ErrorCode::TooManyElements;
    QTest::addRow("many keys refused")
        << QByteArray(R"({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6})") << 10 << 10
        << ErrorCode::TooManyElements;
    QTest::addRow("many empty lists refused")
        << "[" + QByteArray("[],").repeated(20) + "[]]" << 10 << 10 << ErrorCode::TooManyElements;
}

void tst_JsonCodec::limits()
{
    QFETCH(QByteArray, json);
    QFETCH(int, maxDepth);
    QFETCH(int, maxElements);
    QFETCH(ErrorCode, error);

    CodecLimits limits;
    limits.maxDepth = maxDepth;
    limits.maxElements = maxElements;
    JsonCodec codec;
    codec.setLimits(limits);
    QCOMPARE(codec.limits().maxDepth, maxDepth);
    const auto v = codec.decodeValue(json);
    QCOMPARE(v.error().code(), error);
    const auto direct = JsonCodec::read(json, limits);
    QCOMPARE(direct.error().code(), error);
    if (v && error == ErrorCode::NoError)
        QCOMPARE(codec.encodeValue(*v).value().size() > 0, true);
}

void tst_JsonCodec::encodeErrors_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<ErrorCode>("error");
    QTest::addColumn<QString>("mentions");

    QTest::addRow("bytes") << Value::bytes("x") << ErrorCode::SerializationError << u"bytes"_s;
    QTest::addRow("bytes deep inside") << Value::map({{"a", Value::list({1, Value::bytes("x")})}})
                                       << ErrorCode::SerializationError << u"bytes"_s;
    QTest::addRow("unregistered custom")
        << Value::custom(Point{1, 2}) << ErrorCode::SerializationError << u"Point"_s;
    QTest::addRow("list key") << Value::map({{Value::list({1}), 1}})
                              << ErrorCode::SerializationError << u"list"_s;
    QTest::addRow("map key") << Value::map({{Value::map(), 1}}) << ErrorCode::SerializationError
                             << u"dict"_s;
    QTest::addRow("bytes key") << Value::map({{Value::bytes("k"), 1}})
                               << ErrorCode::SerializationError << u"bytes"_s;
    Value deep = Value::list();
    for (int i = 0; i < 1000; ++i)
        deep = Value::list({deep});
    QTest::addRow("1001 levels") << deep << ErrorCode::NestingTooDeep << u"1000"_s;
}

void tst_JsonCodec::encodeErrors()
{
    QFETCH(Value, value);
    QFETCH(ErrorCode, error);
    QFETCH(QString, mentions);

    JsonCodec codec;
    const auto out = codec.encodeValue(value);
    QVERIFY(!out);
    QCOMPARE(out.error().code(), error);
    QVERIFY2(out.error().message().contains(mentions), qPrintable(out.error().message()));
    // Without a registry the same value fails the same way.
    QCOMPARE(JsonCodec::write(value, nullptr).error().code(), error);
}

void tst_JsonCodec::bytesWithSerializer()
{
    JsonCodec codec;
    const auto id = codec.serializers().add<QByteArray>(
        [](const QByteArray &b) { return QString::fromLatin1(b.toBase64()); },
        [](const Value &v) -> mas::Result<Value> {
            return Value::bytes(QByteArray::fromBase64(v.toString().toLatin1()));
        });
    QVERIFY(id);
    QCOMPARE(*id, 0);
    const Value value = Value::list({Value::bytes(QByteArray("\x00\x01", 2)), "text"});
    const auto out = codec.encodeValue(value);
    QVERIFY2(out, qPrintable(out.error().message()));
    QCOMPARE(*out, QByteArray(R"([{"__type__": [0, "AAE="]}, "text"])"));
    const auto back = codec.decodeValue(*out);
    QVERIFY2(back, qPrintable(back.error().message()));
    QCOMPARE(*back, value);
    // The registry-less writer still refuses.
    QCOMPARE(JsonCodec::write(value, nullptr).error().code(), ErrorCode::SerializationError);
}

void tst_JsonCodec::sawTypeTag_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("tagged");

    QTest::addRow("plain") << QByteArray(R"({"a": [1, {"b": 2}]})") << false;
    QTest::addRow("tag as value only") << QByteArray(R"({"a": "__type__"})") << false;
    QTest::addRow("top-level tag") << QByteArray(R"({"__type__": [0, 1]})") << true;
    QTest::addRow("nested tag") << QByteArray(R"([1, {"x": {"__type__": [3, null]}}])") << true;
}

void tst_JsonCodec::sawTypeTag()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, tagged);

    bool saw = !tagged;
    const auto v = JsonCodec::read(json, {}, &saw);
    QVERIFY(v);
    QCOMPARE(saw, tagged);
    // Structural decoding keeps the tag map as it is.
    JsonCodec codec;
    const auto structural = codec.decodeStructural(json);
    QVERIFY(structural);
    QCOMPARE(*structural, *v);
}

QTEST_GUILESS_MAIN(tst_JsonCodec)
#include "tst_jsoncodec.moc"
