// SPDX-License-Identifier: MIT
// The shared conformance suite: every codec runs the same round-trip table. A new codec adds
// its name to codecNames() (and, where it differs, an expectation), not a new test file.
#include <mas/codec/codec.h>
#include <mas/codec/message.h>

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;
using mas::BigInt;
using mas::Codec;
using mas::ErrorCode;
using mas::Message;
using mas::Value;

namespace mas {
char *toString(const Value &v)
{
    return QTest::toString(v.toDisplayString(300));
}
char *toString(const Message &m)
{
    return QTest::toString(QStringLiteral("Message(%1, %2, %3)")
                               .arg(int(m.type))
                               .arg(m.id)
                               .arg(m.content.toDisplayString(300)));
}
} // namespace mas

Q_DECLARE_METATYPE(mas::Message)

namespace {

QStringList codecNames()
{
    return {u"json"_s, u"msgpack"_s, u"msgpackblosc"_s};
}

bool isJson(const QString &codec)
{
    return codec == u"json";
}

Value nestedLists(int depth)
{
    Value v = Value::list({"bottom"});
    for (int i = 1; i < depth; ++i)
        v = Value::list({v});
    return v;
}

Value nestedMaps(int depth)
{
    Value v = Value::map({{"leaf", 1}});
    for (int i = 1; i < depth; ++i)
        v = Value::map({{"k", v}});
    return v;
}

// What a codec gives back for `value`: the same value, another value, or an error code.
struct Expectation
{
    Value back;
    ErrorCode error = ErrorCode::NoError;
};

struct Case
{
    const char *name;
    Value value;
    // Per-codec deviation from "comes back unchanged"; empty means unchanged everywhere.
    std::function<std::optional<Expectation>(const QString &codec)> deviation;
};

std::optional<Expectation> jsonFails(const QString &codec, ErrorCode code)
{
    if (isJson(codec))
        return Expectation{Value(), code};
    return std::nullopt;
}

QList<Case> cases()
{
    constexpr qint64 i64min = std::numeric_limits<qint64>::min();
    constexpr qint64 i64max = std::numeric_limits<qint64>::max();
    constexpr quint64 u64max = std::numeric_limits<quint64>::max();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();

    Value bigList = Value::list();
    for (int i = 0; i < 100000; ++i)
        bigList.append(i % 3 == 0 ? Value(i) : Value(i * 0.5));

    auto bytesOnlyMsgPack = [](const QString &codec) {
        return jsonFails(codec, ErrorCode::SerializationError);
    };

    return {
        {"null", Value(), {}},
        {"true", Value(true), {}},
        {"false", Value(false), {}},
        {"zero", Value(0), {}},
        {"small negative", Value(-5), {}},
        {"2^53 + 1", Value((qint64(1) << 53) + 1), {}},
        {"INT64_MAX", Value(i64max), {}},
        {"2^64-1", Value(u64max), {}},
        {"-2^63", Value(i64min), {}},
        {"2^70 (big int)", Value(BigInt{"1180591620717411303424"}),
         [](const QString &codec) -> std::optional<Expectation> {
             if (isJson(codec))
                 return std::nullopt;
             return Expectation{Value(), ErrorCode::SerializationError};
         }},
        {"double 0.1", Value(0.1), {}},
        {"double 1e308", Value(1e308), {}},
        {"double 5e-324", Value(5e-324), {}},
        {"integral double 2.0", Value(2.0), {}},
        {"NaN", Value(nan), {}},
        {"+Infinity", Value(inf), {}},
        {"-Infinity", Value(-inf), {}},
        {"-0.0", Value(-0.0), {}},
        {"empty string", Value(u""_s), {}},
        {"ascii string", Value("hello world"), {}},
        {"non-ASCII", Value(u"h\u00e9llo w\u00f6rld \u2713 \u4e2d\u6587"_s), {}},
        {"astral emoji", Value(u"\U0001F600 \U0001D11E"_s), {}},
        {"control chars and quotes", Value(u"\"q\" \\ \n\r\t\b\f \u0001 \u001f \u007f /"_s), {}},
        {"NUL in string", Value(QString(u"a\0b"_s)), {}},
        {"empty list", Value::list(), {}},
        {"empty map", Value::map(), {}},
        {"list of empties", Value::list({Value::list(), Value::map(), u""_s}), {}},
        {"lists 200 deep", nestedLists(200), {}},
        {"maps 200 deep", nestedMaps(200), {}},
        {"mixed",
         Value::map({{"a", Value::list({1, 2.5, "x", Value(), true})},
                     {"b", Value::map({{"c", Value::list()}})}}),
         {}},
        {"map keeps order", Value::map({{"z", 1}, {"a", 2}, {"m", 3}}), {}},
        {"bytes", Value::bytes(QByteArray("\x00\x01\xfe\xff", 4)), bytesOnlyMsgPack},
        {"empty bytes", Value::bytes(QByteArray()), bytesOnlyMsgPack},
        {"bytes nested in list", Value::list({1, Value::bytes("x")}), bytesOnlyMsgPack},
        {"1 MB string", Value(QString(1024 * 1024, u'x')), {}},
        {"100k element list", bigList, {}},
        {"map with int keys", Value::map({{1, "one"}, {-2, "minus two"}}),
         [](const QString &codec) -> std::optional<Expectation> {
             if (!isJson(codec))
                 return std::nullopt;
             // As Python's json: keys become text.
             return Expectation{Value::map({{"1", "one"}, {"-2", "minus two"}})};
         }},
        {"map with bool, null and float keys",
         Value::map({{true, 1}, {false, 2}, {Value(), 3}, {1.5, 4}}),
         [](const QString &codec) -> std::optional<Expectation> {
             if (!isJson(codec))
                 return std::nullopt;
             return Expectation{Value::map({{"true", 1}, {"false", 2}, {"null", 3}, {"1.5", 4}})};
         }},
        {"value nesting 1001 deep", nestedLists(1001),
         [](const QString &) -> std::optional<Expectation> {
             return Expectation{Value(), ErrorCode::NestingTooDeep};
         }},
    };
}

} // namespace

class tst_CodecConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_data();
    void create();
    void unknownCodec();
    void roundTrip_data();
    void roundTrip();
    void messages_data();
    void messages();
    void invalidPayload_data();
    void invalidPayload();
    void notATriple_data();
    void notATriple();
    void decodeAsTheGeneralWay_data();
    void decodeAsTheGeneralWay();
};

void tst_CodecConformance::create_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("name");

    for (const QString &name : codecNames()) {
        QTest::addRow("%s", qPrintable(name)) << name << name;
        QTest::addRow("%s upper case", qPrintable(name)) << name.toUpper() << name;
    }
}

void tst_CodecConformance::create()
{
    QFETCH(QString, requested);
    QFETCH(QString, name);

    auto codec = Codec::create(requested);
    QVERIFY2(codec, qPrintable(codec.error().message()));
    QCOMPARE((*codec)->name(), name);
    QVERIFY(Codec::names().contains(name));
    // Every instance owns its serializers.
    auto other = Codec::create(requested);
    QVERIFY(other);
    QVERIFY(&(*codec)->serializers() != &(*other)->serializers());
}

void tst_CodecConformance::unknownCodec()
{
    auto codec = Codec::create(u"yaml");
    QVERIFY(!codec);
    QCOMPARE(codec.error().code(), ErrorCode::UnknownCodec);
    QVERIFY(codec.error().message().contains(u"yaml"));
    QCOMPARE(Codec::defaultName(), u"json"_s);
    QCOMPARE(Codec::names().mid(0, 3), codecNames());
}

void tst_CodecConformance::roundTrip_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<Value>("value");
    QTest::addColumn<Value>("expected");
    QTest::addColumn<ErrorCode>("error");

    const QList<Case> table = cases();
    for (const QString &codec : codecNames()) {
        for (const Case &c : table) {
            std::optional<Expectation> dev = c.deviation ? c.deviation(codec) : std::nullopt;
            const Expectation e = dev ? *dev : Expectation{c.value};
            QTest::addRow("%s: %s", qPrintable(codec), c.name)
                << codec << c.value << e.back << e.error;
        }
    }
}

void tst_CodecConformance::roundTrip()
{
    QFETCH(QString, codec);
    QFETCH(Value, value);
    QFETCH(Value, expected);
    QFETCH(ErrorCode, error);

    auto c = Codec::create(codec);
    QVERIFY(c);
    const auto encoded = (*c)->encodeValue(value);
    if (error != ErrorCode::NoError) {
        QVERIFY(!encoded);
        QCOMPARE(encoded.error().code(), error);
        QVERIFY(!encoded.error().message().isEmpty());
        return;
    }
    QVERIFY2(encoded, qPrintable(encoded.error().message()));
    QVERIFY(!encoded->isEmpty());
    const auto decoded = (*c)->decodeValue(*encoded);
    QVERIFY2(decoded, qPrintable(decoded.error().message()));
    QCOMPARE(*decoded, expected);
    if (expected.isDouble()) // equality ignores the sign of zero; the wire must not
        QCOMPARE(std::signbit(decoded->toDouble()), std::signbit(expected.toDouble()));
    // Encoding is deterministic, and the decoded value encodes to the same bytes.
    QCOMPARE((*c)->encodeValue(value).value(), *encoded);
    if (expected == value)
        QCOMPARE((*c)->encodeValue(*decoded).value(), *encoded);
}

void tst_CodecConformance::messages_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<Message>("message");

    const Value rpcCall = Value::list({"add", Value::list({1, 2}), Value::map()});
    const Value kwargs = Value::list({"agents/0/greet", Value::list({"w\u00f6rld"}),
                                      Value::map({{"times", 3}, {"loud", true}})});
    for (const QString &codec : codecNames()) {
        const QByteArray name = codec.toUtf8();
        const char *n = name.constData();
        QTest::addRow("%s: request add(1, 2)", n) << codec << Message::request(0, rpcCall);
        QTest::addRow("%s: request with kwargs", n) << codec << Message::request(7, kwargs);
        QTest::addRow("%s: request null content", n) << codec << Message::request(1, Value());
        QTest::addRow("%s: result", n) << codec << Message::result(0, Value(3));
        QTest::addRow("%s: result list", n)
            << codec << Message::result(42, Value::list({1.5, "x", Value()}));
        QTest::addRow("%s: failure traceback", n)
            << codec
            << Message::failure(3, Value(u"Traceback (most recent call last):\n  ...\n"
                                         u"ValueError: boom"_s));
        QTest::addRow("%s: failure as list (mosaik)", n)
            << codec << Message::failure(4, Value::list({"ValueError", "boom"}));
        QTest::addRow("%s: id 2^32", n) << codec << Message::request(quint64(1) << 32, Value(1));
        QTest::addRow("%s: id 2^64-1", n)
            << codec << Message::result(std::numeric_limits<quint64>::max(), Value(1));
    }
}

void tst_CodecConformance::messages()
{
    QFETCH(QString, codec);
    QFETCH(Message, message);

    auto c = Codec::create(codec);
    QVERIFY(c);
    const auto payload = (*c)->encode(message);
    QVERIFY2(payload, qPrintable(payload.error().message()));
    // The payload is the triple [type, id, content].
    const auto triple = (*c)->decodeValue(*payload);
    QVERIFY(triple);
    QCOMPARE(*triple, Value::list({int(message.type), message.id, message.content}));
    const auto back = (*c)->decode(*payload);
    QVERIFY2(back, qPrintable(back.error().message()));
    QCOMPARE(*back, message);
    QCOMPARE(back->type, message.type);
    QCOMPARE(back->id, message.id);
}

void tst_CodecConformance::invalidPayload_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<ErrorCode>("error");

    const QMap<QString, ErrorCode> garbageError{{u"json"_s, ErrorCode::InvalidJson},
                                                {u"msgpack"_s, ErrorCode::InvalidMsgPack},
                                                {u"msgpackblosc"_s, ErrorCode::InvalidBlosc}};
    for (const QString &codec : codecNames()) {
        const QByteArray name = codec.toUtf8();
        const char *n = name.constData();
        const ErrorCode code = garbageError.value(codec);
        auto c = Codec::create(codec);
        const QByteArray good = (*c)->encode(Message::request(0, Value("hello"))).value();
        QTest::addRow("%s: empty", n) << codec << QByteArray() << code;
        QTest::addRow("%s: truncated", n) << codec << good.left(good.size() - 1) << code;
        QTest::addRow("%s: only first byte", n) << codec << good.left(1) << code;
        QTest::addRow("%s: trailing byte", n) << codec << good + '\x01' << code;
    }
}

void tst_CodecConformance::invalidPayload()
{
    QFETCH(QString, codec);
    QFETCH(QByteArray, payload);
    QFETCH(ErrorCode, error);

    auto c = Codec::create(codec);
    QVERIFY(c);
    const auto r = (*c)->decode(payload);
    QVERIFY(!r);
    QCOMPARE(r.error().code(), error);
    QVERIFY(r.error().isProtocolError());
}

void tst_CodecConformance::notATriple_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<Value>("value");

    for (const QString &codec : codecNames()) {
        const QByteArray name = codec.toUtf8();
        const char *n = name.constData();
        QTest::addRow("%s: two elements", n) << codec << Value::list({0, 0});
        QTest::addRow("%s: four elements", n) << codec << Value::list({0, 0, "x", 1});
        QTest::addRow("%s: empty list", n) << codec << Value::list();
        QTest::addRow("%s: not a list", n) << codec << Value::map({{"type", 0}});
        QTest::addRow("%s: unknown type 7", n) << codec << Value::list({7, 0, Value()});
        QTest::addRow("%s: type -1", n) << codec << Value::list({-1, 0, Value()});
        QTest::addRow("%s: type as text", n) << codec << Value::list({"0", 0, Value()});
        QTest::addRow("%s: negative id", n) << codec << Value::list({0, -1, Value()});
        QTest::addRow("%s: string id", n) << codec << Value::list({0, "1", Value()});
        QTest::addRow("%s: float id", n) << codec << Value::list({1, 1.0, Value()});
        QTest::addRow("%s: null id", n) << codec << Value::list({2, Value(), Value()});
    }
}

void tst_CodecConformance::notATriple()
{
    QFETCH(QString, codec);
    QFETCH(Value, value);

    auto c = Codec::create(codec);
    QVERIFY(c);
    const auto payload = (*c)->encodeValue(value);
    QVERIFY(payload);
    const auto r = (*c)->decode(*payload);
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::InvalidMessage);
    QVERIFY(r.error().isProtocolError());
}

void tst_CodecConformance::decodeAsTheGeneralWay_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("maxElements");
    QTest::addColumn<int>("maxDepth");

    // decode() reads the usual triple straight into the message; whatever it does, it must give
    // what decoding the value and then checking the triple gives, errors and limits included.
    const Value request = Value::list({"add", Value::list({1, 2}), Value::map({{"k", Value::list({})}})});
    const Value tagged = Value::map({{"__type__", Value::list({0, "2024-01-01T00:00:00"})}});
    for (const QString &codec : codecNames()) {
        auto c = Codec::create(codec);
        const QByteArray name = codec.toUtf8();
        const char *n = name.constData();
        const auto add = [&](const char *what, const QByteArray &payload, int maxElements = 1000, int maxDepth = 100) {
            QTest::addRow("%s: %s", n, what) << codec << payload << maxElements << maxDepth;
        };
        const auto encoded = [&](const Value &v) { return (*c)->encodeValue(v).value(); };
        add("request", encoded(Value::list({0, 7, request})));
        add("result", encoded(Value::list({1, 0, 3})));
        add("failure", encoded(Value::list({2, 1, "Traceback"})));
        add("id 200", encoded(Value::list({1, 200, Value()})));
        add("id 70000", encoded(Value::list({1, 70000, Value()})));
        add("id 2^32", encoded(Value::list({1, qint64(1) << 32, Value()})));
        add("id 2^64 - 1", encoded(Value::list({1, std::numeric_limits<quint64>::max(), Value()})));
        add("type tag", encoded(Value::list({0, 1, tagged})));
        add("long list", encoded(Value::list({1, 1, Value(Value::List(100, Value(5)))})));
        add("two elements", encoded(Value::list({0, 0})));
        add("four elements", encoded(Value::list({0, 0, 1, 2})));
        add("type 3", encoded(Value::list({3, 0, 1})));
        add("negative id", encoded(Value::list({0, -1, 1})));
        add("trailing byte", encoded(Value::list({1, 1, 1})) + '1');
        // 7 elements (the envelope, type, id, the content list, 1, the inner list, 2), 3 deep.
        const QByteArray counted = encoded(Value::list({0, 1, Value::list({1, Value::list({2})})}));
        add("elements at the limit", counted, 7);
        add("elements over the limit", counted, 6);
        add("depth at the limit", counted, 3, 3);
        add("depth over the limit", counted, 1000, 2);
        add("no depth", counted, 1000, 0);
        if (codec == u"json") {
            add("whitespace", " [ 0 ,\n 1 , [\"add\" , [ 1 , 2 ] , { } ] ] "_ba);
            add("float type", "[1.0, 1, 3]"_ba);
            add("missing bracket", "[1, 1, 3"_ba);
            // The type and the id are read as digits straight away; anything else the general
            // way decides.
            add("leading zero id", "[1, 01, 3]"_ba);
            add("leading zero type", "[01, 1, 3]"_ba);
            add("id 2^63", "[1, 9223372036854775808, 3]"_ba);
            add("id 2^64 - 1 as text", "[1, 18446744073709551615, 3]"_ba);
            add("id 2^64", "[1, 18446744073709551616, 3]"_ba);
            add("id with an exponent", "[1, 1e2, 3]"_ba);
            add("id with a fraction", "[1, 7.0, 3]"_ba);
            add("negative zero type", "[-0, 1, 3]"_ba);
            add("type 10", "[10, 1, 3]"_ba);
            add("id then no comma", "[1, 1 3]"_ba);
            add("nothing after the id", "[1, 1"_ba);
        }
    }
}

void tst_CodecConformance::decodeAsTheGeneralWay()
{
    QFETCH(QString, codec);
    QFETCH(QByteArray, payload);
    QFETCH(int, maxElements);
    QFETCH(int, maxDepth);

    auto c = Codec::create(codec);
    QVERIFY(c);
    mas::CodecLimits limits = (*c)->limits();
    limits.maxElements = maxElements;
    limits.maxDepth = maxDepth;
    (*c)->setLimits(limits);
    const mas::Result<Message> fast = (*c)->decode(payload);
    mas::Result<Message> general = mas::Error(ErrorCode::InvalidArgument, QString());
    if (mas::Result<Value> value = (*c)->decodeValue(payload); value)
        general = Message::fromValue(std::move(*value));
    else
        general = value.error();
    QCOMPARE(bool(fast), bool(general));
    if (fast) {
        QCOMPARE(*fast, *general);
    } else {
        QCOMPARE(fast.error().code(), general.error().code());
        QCOMPARE(fast.error().message(), general.error().message());
    }
}

QTEST_GUILESS_MAIN(tst_CodecConformance)
#include "tst_codecconformance.moc"
