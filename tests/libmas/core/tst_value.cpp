// SPDX-License-Identifier: MIT
// The value model: types, integer normalisation, maps, sharing, custom objects, conversions.
#include <mas/core/value.h>

#include <QDateTime>
#include <QPoint>
#include <QTest>

#include <cmath>
#include <limits>

namespace mas {
char *toString(const Value &v)
{
    return QTest::toString(v.toDisplayString(500));
}
} // namespace mas

using namespace Qt::StringLiterals;
using mas::BigInt;
using mas::ErrorCode;
using mas::Value;

namespace {

struct Point
{
    int x = 0;
    int y = 0;
    friend bool operator==(const Point &, const Point &) = default;
};

struct Opaque // no operator==: custom objects compare by identity
{
    int n = 0;
};

struct OtherPoint
{
    int x = 0;
    int y = 0;
    friend bool operator==(const OtherPoint &, const OtherPoint &) = default;
};

// Which C++ type an integer-range row converts to.
enum class Target
{
    Int8,
    UInt8,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Double
};

} // namespace

Q_DECLARE_METATYPE(Value::Type)
Q_DECLARE_METATYPE(Target)

class tst_Value : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cStringsAreText();
    void types_data();
    void types();
    void integerNormalisation_data();
    void integerNormalisation();
    void bigIntText();
    void bytesAreNotText();
    void doubleEquality_data();
    void doubleEquality();
    void mapKeepsInsertionOrder();
    void mapAcceptsNonStringKeys();
    void insertReplacesInPlace();
    void listAccess();
    void copyOnWrite_data();
    void copyOnWrite();
    void customObjects();
    void conversions_data();
    void conversions();
    void integerRange_data();
    void integerRange();
    void conversionErrors_data();
    void conversionErrors();
    void qvariant_data();
    void qvariant();
    void displayString();
    void debugPrintsTheDisplayString();
};

// ---- types ----

void tst_Value::cStringsAreText()
{
    // String literals and C strings convert to text, not to opaque custom objects.
    QCOMPARE(Value::from("Grüß"), Value(QStringLiteral("Grüß")));
    const char *pointer = "abc";
    QCOMPARE(Value::from(pointer), Value("abc"));
    char buffer[8] = "xy";
    QCOMPARE(Value::from(buffer), Value("xy"));
}

void tst_Value::types_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<Value::Type>("type");
    QTest::addColumn<QString>("typeName");

    QTest::addRow("null") << Value() << Value::Type::Null << u"null"_s;
    QTest::addRow("nullptr") << Value(nullptr) << Value::Type::Null << u"null"_s;
    QTest::addRow("true") << Value(true) << Value::Type::Bool << u"bool"_s;
    QTest::addRow("false") << Value(false) << Value::Type::Bool << u"bool"_s;
    QTest::addRow("int") << Value(42) << Value::Type::Int << u"int"_s;
    QTest::addRow("uint") << Value(std::numeric_limits<quint64>::max()) << Value::Type::UInt
                          << u"int"_s;
    QTest::addRow("bigint") << Value(BigInt{"-1180591620717411303424"}) << Value::Type::BigInt
                            << u"int"_s;
    QTest::addRow("double") << Value(2.5) << Value::Type::Double << u"float"_s;
    QTest::addRow("float") << Value(0.5f) << Value::Type::Double << u"float"_s;
    QTest::addRow("string") << Value("text") << Value::Type::String << u"str"_s;
    QTest::addRow("qstring") << Value(u"text"_s) << Value::Type::String << u"str"_s;
    QTest::addRow("latin1") << Value(QLatin1StringView("text")) << Value::Type::String << u"str"_s;
    QTest::addRow("bytes") << Value(QByteArray("\x00\x01", 2)) << Value::Type::Bytes << u"bytes"_s;
    QTest::addRow("list") << Value::list({1, "two"}) << Value::Type::List << u"list"_s;
    QTest::addRow("empty list") << Value::list() << Value::Type::List << u"list"_s;
    QTest::addRow("map") << Value::map({{"a", 1}}) << Value::Type::Map << u"dict"_s;
    QTest::addRow("empty map") << Value::map() << Value::Type::Map << u"dict"_s;
    QTest::addRow("object") << Value::custom(Point{1, 2}) << Value::Type::Object << u"object"_s;
}

void tst_Value::types()
{
    QFETCH(Value, value);
    QFETCH(Value::Type, type);
    QFETCH(QString, typeName);

    QCOMPARE(value.type(), type);
    QCOMPARE(value.typeName(), typeName);
    QCOMPARE(value.isNull(), type == Value::Type::Null);
    QCOMPARE(value.isBool(), type == Value::Type::Bool);
    QCOMPARE(value.isInteger(),
             type == Value::Type::Int || type == Value::Type::UInt || type == Value::Type::BigInt);
    QCOMPARE(value.isDouble(), type == Value::Type::Double);
    QCOMPARE(value.isString(), type == Value::Type::String);
    QCOMPARE(value.isBytes(), type == Value::Type::Bytes);
    QCOMPARE(value.isList(), type == Value::Type::List);
    QCOMPARE(value.isMap(), type == Value::Type::Map);
    QCOMPARE(value.isObject(), type == Value::Type::Object);
    QCOMPARE(value.object() != nullptr, type == Value::Type::Object);
    QCOMPARE(value.bigInt() != nullptr, type == Value::Type::BigInt);
    // A value equals its copy, and differs from a value of every other type.
    const Value copy = value;
    QCOMPARE(copy, value);
    QVERIFY(value != Value(u"something else"_s));
    if (type != Value::Type::Null)
        QVERIFY(value != Value());
}

void tst_Value::integerNormalisation_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<Value::Type>("type");
    QTest::addColumn<Value>("equal");

    constexpr qint64 i64max = std::numeric_limits<qint64>::max();
    constexpr qint64 i64min = std::numeric_limits<qint64>::min();
    constexpr quint64 u64max = std::numeric_limits<quint64>::max();

    QTest::addRow("5u == 5") << Value(5u) << Value::Type::Int << Value(5);
    QTest::addRow("quint8 255") << Value(quint8(255)) << Value::Type::Int << Value(qint64(255));
    QTest::addRow("short -1") << Value(short(-1)) << Value::Type::Int << Value(qint64(-1));
    QTest::addRow("ulong 7") << Value(7ul) << Value::Type::Int << Value(7ll);
    QTest::addRow("INT64_MAX as quint64")
        << Value(quint64(i64max)) << Value::Type::Int << Value(i64max);
    QTest::addRow("INT64_MAX + 1")
        << Value(quint64(i64max) + 1) << Value::Type::UInt << Value(BigInt{"9223372036854775808"});
    QTest::addRow("UINT64_MAX stays UInt")
        << Value(u64max) << Value::Type::UInt << Value(BigInt{"18446744073709551615"});
    QTest::addRow("-2^63") << Value(i64min) << Value::Type::Int
                           << Value(BigInt{"-9223372036854775808"});
    QTest::addRow("BigInt 123 -> Int") << Value(BigInt{"123"}) << Value::Type::Int << Value(123);
    QTest::addRow("BigInt 2^64 stays BigInt")
        << Value(BigInt{"18446744073709551616"}) << Value::Type::BigInt
        << Value(BigInt{"18446744073709551616"});
    QTest::addRow("BigInt -2^63-1 stays BigInt")
        << Value(BigInt{"-9223372036854775809"}) << Value::Type::BigInt
        << Value(BigInt{"-9223372036854775809"});
}

void tst_Value::integerNormalisation()
{
    QFETCH(Value, value);
    QFETCH(Value::Type, type);
    QFETCH(Value, equal);

    QCOMPARE(value.type(), type);
    QCOMPARE(value, equal);
    QCOMPARE(equal.type(), type);
    QVERIFY(value.isInteger());
    // An integer never equals a double of the same magnitude: the types stay apart.
    QVERIFY(value != Value(value.toDouble()));
}

void tst_Value::bigIntText()
{
    const QByteArray digits = "1180591620717411303424"; // 2**70
    const Value big(BigInt{digits});
    QCOMPARE(big.type(), Value::Type::BigInt);
    QVERIFY(big.bigInt());
    QCOMPARE(big.bigInt()->digits, digits);
    QCOMPARE(big.toDisplayString(), QString::fromLatin1(digits));
    QCOMPARE(big.toInt(), 0);
    QCOMPARE(big.toDouble(), std::ldexp(1.0, 70));
    QCOMPARE(big, Value(BigInt{digits}));
    QVERIFY(big != Value(BigInt{"1180591620717411303425"}));

    const auto asBig = big.to<BigInt>();
    QVERIFY(asBig);
    QCOMPARE(asBig->digits, digits);
    const auto asInt = big.to<qint64>();
    QVERIFY(!asInt);
    QCOMPARE(asInt.error().code(), ErrorCode::TypeMismatch);
    QVERIFY2(asInt.error().message().contains(QString::fromLatin1(digits)),
             qPrintable(asInt.error().message()));
    // Small numbers convert to BigInt text too.
    QCOMPARE(Value(-17).to<BigInt>()->digits, QByteArray("-17"));
    QCOMPARE(Value(std::numeric_limits<quint64>::max()).to<BigInt>()->digits,
             QByteArray("18446744073709551615"));
}

void tst_Value::bytesAreNotText()
{
    const Value bytes(QByteArray("abc"));
    const Value text("abc");
    QVERIFY(bytes.isBytes());
    QVERIFY(text.isString());
    QVERIFY(bytes != text);
    QCOMPARE(bytes, Value::bytes("abc"));
    QCOMPARE(bytes.toBytes(), QByteArray("abc"));
    QCOMPARE(bytes.toString(), QString());
    QCOMPARE(text.toBytes(), QByteArray());
    QCOMPARE(text.toString(), u"abc"_s);
    QCOMPARE(text.stringRef(), u"abc"_s);
    QVERIFY(bytes.stringRef().isEmpty());
    QVERIFY(!bytes.to<QString>());
    QVERIFY(!text.to<QByteArray>());
    // Embedded NULs survive.
    const QByteArray withNul("a\0b", 3);
    QCOMPARE(Value(withNul).toBytes().size(), 3);
}

void tst_Value::doubleEquality_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<bool>("equal");

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::addRow("NaN == NaN") << nan << nan << true;
    QTest::addRow("NaN != 0") << nan << 0.0 << false;
    QTest::addRow("inf == inf") << inf << inf << true;
    QTest::addRow("inf != -inf") << inf << -inf << false;
    QTest::addRow("0.0 == -0.0") << 0.0 << -0.0 << true;
    QTest::addRow("0.1 == 0.1") << 0.1 << 0.1 << true;
    QTest::addRow("0.1 != 0.2") << 0.1 << 0.2 << false;
}

void tst_Value::doubleEquality()
{
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(bool, equal);
    QCOMPARE(Value(a) == Value(b), equal);
    QCOMPARE(Value::list({a}) == Value::list({b}), equal);
}

// ---- maps and lists ----

void tst_Value::mapKeepsInsertionOrder()
{
    Value m = Value::map({{"zebra", 1}, {"apple", 2}});
    m.insert("mango", 3);
    m.insert("banana", 4);
    QCOMPARE(m.size(), 4);
    const QStringList expectedKeys{u"zebra"_s, u"apple"_s, u"mango"_s, u"banana"_s};
    QStringList keys;
    for (const auto &[key, item] : m.asMap())
        keys << key.toString();
    QCOMPARE(keys, expectedKeys);
    QCOMPARE(m.value(u"mango"), Value(3));
    QVERIFY(m.contains(u"apple"));
    QVERIFY(!m.contains(u"cherry"));
    QCOMPARE(m.value(u"cherry"), Value());
    QVERIFY(m.find(QStringView(u"cherry")) == nullptr);
    // Order is part of equality, as the wire keeps it.
    QVERIFY(Value::map({{"a", 1}, {"b", 2}}) != Value::map({{"b", 2}, {"a", 1}}));
}

void tst_Value::mapAcceptsNonStringKeys()
{
    Value m = Value::map();
    m.insert(1, "int");
    m.insert(true, "bool");
    m.insert(Value(), "null");
    m.insert(2.5, "double");
    m.insert(Value::bytes("b"), "bytes");
    m.insert(Value::list({1, 2}), "list");
    m.insert("1", "text");
    QCOMPARE(m.size(), 7);
    QCOMPARE(*m.find(Value(1)), Value("int"));
    QCOMPARE(*m.find(Value(true)), Value("bool"));
    QCOMPARE(*m.find(Value()), Value("null"));
    QCOMPARE(*m.find(Value(2.5)), Value("double"));
    QCOMPARE(*m.find(Value::bytes("b")), Value("bytes"));
    QCOMPARE(*m.find(Value::list({1, 2})), Value("list"));
    // Text "1" and integer 1 are different keys.
    QCOMPARE(*m.find(QStringView(u"1")), Value("text"));
    QCOMPARE(*m.find(Value("1")), Value("text"));
    QVERIFY(m.find(Value(2)) == nullptr);
    QCOMPARE(m.asMap().front().first, Value(1));
}

void tst_Value::insertReplacesInPlace()
{
    Value m = Value::map({{"a", 1}, {"b", 2}, {"c", 3}});
    m.insert("b", 20);
    QCOMPARE(m, Value::map({{"a", 1}, {"b", 20}, {"c", 3}}));
    m.insert(7, "x");
    m.insert(7, "y");
    QCOMPARE(m, Value::map({{"a", 1}, {"b", 20}, {"c", 3}, {7, "y"}}));
    // insert() on a non-map turns it into a map.
    Value scalar(5);
    scalar.insert("k", 1);
    QCOMPARE(scalar, Value::map({{"k", 1}}));
}

void tst_Value::listAccess()
{
    Value l = Value::list({1, "two", 3.0});
    QCOMPARE(l.size(), 3);
    QCOMPARE(l.at(1), Value("two"));
    QCOMPARE(l.at(3), Value()); // out of range: null, no crash
    QCOMPARE(l.at(-1), Value());
    l.append(Value::list());
    QCOMPARE(l.size(), 4);
    QCOMPARE(l.at(3), Value::list());
    QCOMPARE(Value(5).size(), 0);
    QVERIFY(Value(5).asList().empty());
    QVERIFY(Value("x").asMap().empty());
    Value scalar("x");
    scalar.append(1);
    QCOMPARE(scalar, Value::list({1}));
}

void tst_Value::copyOnWrite_data()
{
    QTest::addColumn<Value>("original");
    QTest::addColumn<int>("operation");

    const Value list = Value::list({1, Value::list({2, 3}), "x"});
    const Value map = Value::map({{"a", 1}, {"b", Value::map({{"c", 2}})}});
    QTest::addRow("list append") << list << 0;
    QTest::addRow("list element assign") << list << 1;
    QTest::addRow("list clear") << list << 2;
    QTest::addRow("nested list append") << list << 3;
    QTest::addRow("map insert new") << map << 4;
    QTest::addRow("map insert existing") << map << 5;
    QTest::addRow("map entry assign") << map << 6;
    QTest::addRow("nested map insert") << map << 7;
}

void tst_Value::copyOnWrite()
{
    QFETCH(Value, original);
    QFETCH(int, operation);

    const QString before = original.toDisplayString();
    const Value snapshot = original; // shares the data
    Value copy = original;
    switch (operation) {
    case 0:
        copy.append(99);
        break;
    case 1:
        copy.mutableList()[0] = Value("changed");
        break;
    case 2:
        copy.mutableList().clear();
        break;
    case 3: {
        Value inner = copy.at(1);
        inner.append(4);
        copy.mutableList()[1] = inner;
        break;
    }
    case 4:
        copy.insert("new", 1);
        break;
    case 5:
        copy.insert("a", 100);
        break;
    case 6:
        copy.mutableMap()[0].second = Value("changed");
        break;
    case 7: {
        Value inner = copy.value(u"b");
        inner.insert("d", 3);
        copy.insert("b", inner);
        break;
    }
    }
    QVERIFY(copy != original);
    QCOMPARE(original, snapshot);
    QCOMPARE(original.toDisplayString(), before);
}

// ---- custom objects ----

void tst_Value::customObjects()
{
    const Value p = Value::custom(Point{1, 2});
    QVERIFY(p.isObject());
    QVERIFY(p.object());
    QVERIFY(p.object()->as<Point>());
    QCOMPARE(p.object()->as<Point>()->y, 2);
    QVERIFY(!p.object()->as<OtherPoint>());
    QVERIFY2(p.object()->typeName().contains(u"Point"), qPrintable(p.object()->typeName()));
    QCOMPARE(p.object()->type(), std::type_index(typeid(Point)));

    // Equality with the type's operator==.
    QCOMPARE(p, Value::custom(Point{1, 2}));
    QVERIFY(p != Value::custom(Point{1, 3}));
    QVERIFY(*p.object() == *Value::custom(Point{1, 2}).object());
    // Different types never compare equal, even with the same members.
    QVERIFY(p != Value::custom(OtherPoint{1, 2}));
    // Without operator==: equal to its own copies only.
    const Value o = Value::custom(Opaque{1});
    const Value oCopy = o;
    QCOMPARE(oCopy, o);
    QVERIFY(o != Value::custom(Opaque{1}));

    // Checked access goes through the primary converter.
    const auto back = p.to<Point>();
    QVERIFY(back);
    QCOMPARE(*back, (Point{1, 2}));
    const auto wrong = Value(5).to<Point>();
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code(), ErrorCode::TypeMismatch);
    QVERIFY(!Value::custom(OtherPoint{1, 2}).to<Point>());
    // A type without a converter becomes a custom object.
    QCOMPARE(Value::from(Point{3, 4}), Value::custom(Point{3, 4}));
    QCOMPARE(p.toDisplayString(), u'<' + p.object()->typeName() + u'>');
}

// ---- conversions ----

namespace {
// Adds a row that converts `cpp` to a Value, compares it with `expected`, and converts back.
template<class T>
void addConversionRow(const char *name, const T &cpp, const Value &expected)
{
    const Value converted = Value::from(cpp);
    const mas::Result<T> back = expected.to<T>();
    const bool roundTrips = back && *back == cpp;
    QTest::addRow("%s", name) << converted << expected << roundTrips
                              << (back ? QString() : back.error().message());
}
} // namespace

void tst_Value::conversions_data()
{
    QTest::addColumn<Value>("converted");
    QTest::addColumn<Value>("expected");
    QTest::addColumn<bool>("roundTrips");
    QTest::addColumn<QString>("error");

    addConversionRow("bool", true, Value(true));
    addConversionRow("nullptr", nullptr, Value());
    addConversionRow("qint8 -128", qint8(-128), Value(-128));
    addConversionRow("quint16 65535", quint16(65535), Value(65535));
    addConversionRow("int", 42, Value(42));
    addConversionRow("qint64 min", std::numeric_limits<qint64>::min(),
                     Value(BigInt{"-9223372036854775808"}));
    addConversionRow("quint64 max", std::numeric_limits<quint64>::max(),
                     Value(BigInt{"18446744073709551615"}));
    addConversionRow("double", 0.1, Value(0.1));
    addConversionRow("float", 0.5f, Value(0.5));
    addConversionRow("QString", u"h\u00e9llo \U0001F600"_s, Value(u"h\u00e9llo \U0001F600"_s));
    addConversionRow("std::string utf-8", std::string("h\xc3\xa9llo"), Value(u"h\u00e9llo"_s));
    addConversionRow("QByteArray", QByteArray("\x00\xff", 2),
                     Value::bytes(QByteArray("\x00\xff", 2)));
    addConversionRow("std::vector<int>", std::vector<int>{1, 2, 3}, Value::list({1, 2, 3}));
    addConversionRow("empty std::vector", std::vector<int>{}, Value::list());
    addConversionRow("QList<QString>", QList<QString>{u"a"_s, u"b"_s}, Value::list({"a", "b"}));
    addConversionRow("nested vector", std::vector<std::vector<int>>{{1}, {2, 3}},
                     Value::list({Value::list({1}), Value::list({2, 3})}));
    addConversionRow("std::map<QString, int>", std::map<QString, int>{{u"a"_s, 1}, {u"b"_s, 2}},
                     Value::map({{"a", 1}, {"b", 2}}));
    addConversionRow("std::map<int, QString>", std::map<int, QString>{{1, u"x"_s}, {2, u"y"_s}},
                     Value::map({{1, "x"}, {2, "y"}}));
    addConversionRow("QMap<QString, double>", QMap<QString, double>{{u"pi"_s, 3.25}},
                     Value::map({{"pi", 3.25}}));
    addConversionRow("QHash<int, bool>", QHash<int, bool>{{7, true}}, Value::map({{7, true}}));
    addConversionRow("QVariantMap", QVariantMap{{u"k"_s, 1}, {u"s"_s, u"v"_s}},
                     Value::map({{"k", 1}, {"s", "v"}}));
    addConversionRow("QVariantList", QVariantList{1, u"two"_s, 3.5, QVariant()},
                     Value::list({1, "two", 3.5, Value()}));
    addConversionRow("QVariant int", QVariant(5), Value(5));
    addConversionRow("QVariant string", QVariant(u"s"_s), Value("s"));
    addConversionRow("QDateTime", QDateTime(QDate(2016, 1, 1), QTime(0, 1, 30), Qt::UTC),
                     Value::custom(QDateTime(QDate(2016, 1, 1), QTime(0, 1, 30), Qt::UTC)));
    addConversionRow("optional with value", std::optional<int>(3), Value(3));
    addConversionRow("optional empty", std::optional<int>(), Value());
    addConversionRow("tuple", std::tuple<int, QString, double>(1, u"a"_s, 2.5),
                     Value::list({1, "a", 2.5}));
    addConversionRow("pair", std::pair<QString, int>(u"a"_s, 1), Value::list({"a", 1}));
    addConversionRow("QMap<QString, std::pair<int, int>>",
                     QMap<QString, std::pair<int, int>>{{u"k"_s, {1, 2}}},
                     Value::map({{"k", Value::list({1, 2})}}));
    addConversionRow("QHash<QString, std::pair<int, int>>",
                     QHash<QString, std::pair<int, int>>{{u"k"_s, {1, 2}}},
                     Value::map({{"k", Value::list({1, 2})}}));
    addConversionRow("vector of optional", std::vector<std::optional<int>>{1, std::nullopt},
                     Value::list({1, Value()}));
}

void tst_Value::conversions()
{
    QFETCH(Value, converted);
    QFETCH(Value, expected);
    QFETCH(bool, roundTrips);
    QFETCH(QString, error);

    QCOMPARE(converted, expected);
    QVERIFY2(roundTrips, qPrintable(error));
}

void tst_Value::integerRange_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<Target>("target");
    QTest::addColumn<bool>("ok");

    constexpr quint64 u64max = std::numeric_limits<quint64>::max();
    constexpr qint64 i64min = std::numeric_limits<qint64>::min();
    QTest::addRow("127 -> qint8") << Value(127) << Target::Int8 << true;
    QTest::addRow("128 -> qint8") << Value(128) << Target::Int8 << false;
    QTest::addRow("-128 -> qint8") << Value(-128) << Target::Int8 << true;
    QTest::addRow("-129 -> qint8") << Value(-129) << Target::Int8 << false;
    QTest::addRow("255 -> quint8") << Value(255) << Target::UInt8 << true;
    QTest::addRow("256 -> quint8") << Value(256) << Target::UInt8 << false;
    QTest::addRow("-1 -> quint8") << Value(-1) << Target::UInt8 << false;
    QTest::addRow("2^31 -> qint32") << Value(qint64(1) << 31) << Target::Int32 << false;
    QTest::addRow("-2^31 -> qint32") << Value(-(qint64(1) << 31)) << Target::Int32 << true;
    QTest::addRow("2^32-1 -> quint32") << Value((qint64(1) << 32) - 1) << Target::UInt32 << true;
    QTest::addRow("2^32 -> quint32") << Value(qint64(1) << 32) << Target::UInt32 << false;
    QTest::addRow("-1 -> quint32") << Value(-1) << Target::UInt32 << false;
    QTest::addRow("INT64_MIN -> qint64") << Value(i64min) << Target::Int64 << true;
    QTest::addRow("UINT64_MAX -> qint64") << Value(u64max) << Target::Int64 << false;
    QTest::addRow("UINT64_MAX -> quint64") << Value(u64max) << Target::UInt64 << true;
    QTest::addRow("-1 -> quint64") << Value(-1) << Target::UInt64 << false;
    QTest::addRow("BigInt -> qint64")
        << Value(BigInt{"99999999999999999999"}) << Target::Int64 << false;
    QTest::addRow("BigInt -> quint64")
        << Value(BigInt{"99999999999999999999"}) << Target::UInt64 << false;
    QTest::addRow("double -> qint64") << Value(1.0) << Target::Int64 << false;
    QTest::addRow("string -> qint32") << Value("1") << Target::Int32 << false;
    QTest::addRow("bool -> qint32") << Value(true) << Target::Int32 << false;
    QTest::addRow("null -> qint32") << Value() << Target::Int32 << false;
    QTest::addRow("int -> double") << Value(3) << Target::Double << true;
    QTest::addRow("UINT64_MAX -> double") << Value(u64max) << Target::Double << true;
    QTest::addRow("string -> double") << Value("3") << Target::Double << false;
}

void tst_Value::integerRange()
{
    QFETCH(Value, value);
    QFETCH(Target, target);
    QFETCH(bool, ok);

    mas::Error error;
    Value back;
    auto check = [&](auto result) {
        if (result)
            back = Value(*result);
        else
            error = result.error();
    };
    switch (target) {
    case Target::Int8:
        check(value.to<qint8>());
        break;
    case Target::UInt8:
        check(value.to<quint8>());
        break;
    case Target::Int32:
        check(value.to<qint32>());
        break;
    case Target::UInt32:
        check(value.to<quint32>());
        break;
    case Target::Int64:
        check(value.to<qint64>());
        break;
    case Target::UInt64:
        check(value.to<quint64>());
        break;
    case Target::Double:
        check(value.to<double>());
        break;
    }
    QCOMPARE(!error.isError(), ok);
    if (ok) {
        if (target == Target::Double)
            QCOMPARE(back.toDouble(), value.toDouble());
        else
            QCOMPARE(back, value); // the integer survives unchanged
    } else {
        QCOMPARE(error.code(), ErrorCode::TypeMismatch);
        QVERIFY(!error.message().isEmpty());
    }
}

void tst_Value::conversionErrors_data()
{
    QTest::addColumn<mas::Error>("error");
    QTest::addColumn<QStringList>("mentions");

    auto add = [](const char *name, mas::Error error, QStringList mentions) {
        QTest::addRow("%s", name) << error << mentions;
    };
    add("vector<int> element 2 is text",
        Value::list({1, 2, "three"}).to<std::vector<int>>().error(),
        {u"[2]"_s, u"str"_s, u"three"_s});
    add("nested vector element [1][0]",
        Value::list({Value::list({1}), Value::list({"x"})})
            .to<std::vector<std::vector<int>>>()
            .error(),
        {u"[1]"_s, u"[0]"_s, u"str"_s});
    add("QList<QString> element is int", Value::list({"a", 5}).to<QList<QString>>().error(),
        {u"[1]"_s, u"int"_s});
    add("map value under key b",
        Value::map({{"a", 1}, {"b", "x"}}).to<std::map<QString, int>>().error(),
        {u"\"b\""_s, u"str"_s});
    add("map key not text", Value::map({{1, 1}}).to<QMap<QString, int>>().error(),
        {u"key"_s, u"int"_s});
    add("QHash int key is text", Value::map({{"k", true}}).to<QHash<int, bool>>().error(),
        {u"key"_s, u"\"k\""_s});
    add("tuple element 1", Value::list({1, 2, 3.0}).to<std::tuple<int, QString, double>>().error(),
        {u"[1]"_s, u"str"_s});
    add("tuple wrong size", Value::list({1, "a"}).to<std::tuple<int, QString, double>>().error(),
        {u"3"_s, u"2"_s});
    add("pair from map", Value::map().to<std::pair<int, int>>().error(), {u"list"_s, u"dict"_s});
    add("list from text", Value("abc").to<std::vector<int>>().error(), {u"list"_s, u"str"_s});
    add("optional of wrong type", Value("x").to<std::optional<int>>().error(),
        {u"integer"_s, u"str"_s});
    add("int out of range in list", Value::list({1, 300}).to<std::vector<qint8>>().error(),
        {u"[1]"_s, u"300"_s, u"range"_s});
    add("QDateTime from text", Value("2016-01-01").to<QDateTime>().error(), {u"date"_s, u"str"_s});
    add("string from bytes", Value::bytes("x").to<std::string>().error(), {u"str"_s, u"bytes"_s});
}

void tst_Value::conversionErrors()
{
    QFETCH(mas::Error, error);
    QFETCH(QStringList, mentions);

    QCOMPARE(error.code(), ErrorCode::TypeMismatch);
    for (const QString &m : mentions)
        QVERIFY2(error.message().contains(m),
                 qPrintable(u"\"%1\" does not mention %2"_s.arg(error.message(), m)));
}

void tst_Value::qvariant_data()
{
    QTest::addColumn<QVariant>("variant");
    QTest::addColumn<Value>("value");
    QTest::addColumn<QVariant>("back");

    QTest::addRow("invalid") << QVariant() << Value() << QVariant();
    QTest::addRow("bool") << QVariant(true) << Value(true) << QVariant(true);
    QTest::addRow("int") << QVariant(-3) << Value(-3) << QVariant(qint64(-3));
    QTest::addRow("uint") << QVariant(3u) << Value(3) << QVariant(qint64(3));
    QTest::addRow("ulonglong max") << QVariant(std::numeric_limits<quint64>::max())
                                   << Value(std::numeric_limits<quint64>::max())
                                   << QVariant(std::numeric_limits<quint64>::max());
    QTest::addRow("double") << QVariant(1.5) << Value(1.5) << QVariant(1.5);
    QTest::addRow("string") << QVariant(u"s"_s) << Value("s") << QVariant(u"s"_s);
    QTest::addRow("bytes") << QVariant(QByteArray("b")) << Value::bytes("b")
                           << QVariant(QByteArray("b"));
    QTest::addRow("string list") << QVariant(QStringList{u"a"_s, u"b"_s}) << Value::list({"a", "b"})
                                 << QVariant(QVariantList{u"a"_s, u"b"_s});
    QTest::addRow("variant map") << QVariant(QVariantMap{{u"a"_s, 1}}) << Value::map({{"a", 1}})
                                 << QVariant(QVariantMap{{u"a"_s, qint64(1)}});
    QTest::addRow("variant hash") << QVariant(QVariantHash{{u"a"_s, 1}}) << Value::map({{"a", 1}})
                                  << QVariant(QVariantMap{{u"a"_s, qint64(1)}});
    const QDateTime date(QDate(2020, 2, 29), QTime(12, 0), Qt::UTC);
    QTest::addRow("date") << QVariant(date) << Value::custom(date) << QVariant(date);
    QTest::addRow("value inside") << QVariant::fromValue(Value::map({{1, 2}}))
                                  << Value::map({{1, 2}})
                                  << QVariant::fromValue(Value::map({{1, 2}}));
    QTest::addRow("unknown type") << QVariant(QPoint(1, 2)) << Value::custom(QVariant(QPoint(1, 2)))
                                  << QVariant(QPoint(1, 2));
}

void tst_Value::qvariant()
{
    QFETCH(QVariant, variant);
    QFETCH(Value, value);
    QFETCH(QVariant, back);

    const Value converted = Value::from(variant);
    QCOMPARE(converted, value);
    const auto r = value.to<QVariant>();
    QVERIFY(r);
    QCOMPARE(QByteArray(r->metaType().name()), QByteArray(back.metaType().name()));
    if (back.metaType() == QMetaType::fromType<Value>())
        QCOMPARE(r->value<Value>(), back.value<Value>());
    else
        QCOMPARE(*r, back);
}

void tst_Value::displayString()
{
    const Value v =
        Value::map({{"a", Value::list({1, 2.5, "x", Value(), true})}, {2, Value::bytes("\x01")}});
    QCOMPARE(v.toDisplayString(), uR"({"a": [1, 2.5, "x", null, true], 2: b'01'})"_s);
    const QString longText = Value::list({QString(500, u'x')}).toDisplayString(50);
    QCOMPARE(longText.size(), 50);
    QVERIFY(longText.endsWith(QChar(0x2026)));
}

void tst_Value::debugPrintsTheDisplayString()
{
    // value.h: qInfo() << v prints what toDisplayString() gives, nothing around it.
    QString printed;
    QDebug(&printed) << Value("ohai") << Value::list({1, 2});
    QCOMPARE(printed.trimmed(), uR"("ohai" [1, 2])"_s);
}

QTEST_GUILESS_MAIN(tst_Value)
#include "tst_value.moc"
