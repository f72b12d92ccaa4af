// SPDX-License-Identifier: MIT
// SerializerRegistry: type ids in registration order, the {"__type__": [id, value]} wire form in
// every codec, nesting, the fallback serializer, aliases and every error on the way.
#include <mas/codec/codec.h>
#include <mas/codec/jsoncodec.h>
#include <mas/codec/msgpackcodec.h>
#include <mas/codec/serializerregistry.h>

#include <QTest>

#include <stdexcept>

using namespace Qt::StringLiterals;
using mas::Codec;
using mas::ErrorCode;
using mas::Message;
using mas::SerializerRegistry;
using mas::Value;

namespace mas {
char *toString(const Value &v)
{
    return QTest::toString(v.toDisplayString(300));
}
} // namespace mas

namespace demo {

struct Point
{
    int x = 0;
    int y = 0;
    friend bool operator==(const Point &, const Point &) = default;
};

struct Segment
{
    Point from;
    Point to;
    friend bool operator==(const Segment &, const Segment &) = default;
};

struct Color
{
    QString name;
    friend bool operator==(const Color &, const Color &) = default;
};

struct Unregistered
{
    int n = 0;
};

struct Proxy
{
    QString path;
    friend bool operator==(const Proxy &, const Proxy &) = default;
};

struct RemoteProxy // another C++ type that travels as a Proxy
{
    QString path;
};

struct Exploding
{
};

} // namespace demo

using demo::Color;
using demo::Point;
using demo::Proxy;
using demo::Segment;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

// Point: id 0 (deserializer returns Result<T>), Segment: id 1 (returns T, built from nested
// tagged Points), Color: id 2 (returns Result<Value>).
void registerDemoTypes(SerializerRegistry &registry)
{
    const auto p = registry.add<Point>(
        [](const Point &p) {
            return Value::list({p.x, p.y});
        },
        [](const Value &v) -> mas::Result<Point> {
            auto xy = v.to<std::tuple<int, int>>();
            if (!xy)
                return xy.error();
            return Point{std::get<0>(*xy), std::get<1>(*xy)};
        });
    QCOMPARE(p.value(), 0);
    const auto s = registry.add<Segment>(
        [](const Segment &s) {
            return Value::list({Value::custom(s.from), Value::custom(s.to)});
        },
        [](const Value &v) {
            return Segment{v.at(0).to<Point>().valueOr({}), v.at(1).to<Point>().valueOr({})};
        });
    QCOMPARE(s.value(), 1);
    const auto c = registry.add<Color>([](const Color &c) { return c.name; },
                                       [](const Value &v) -> mas::Result<Value> {
                                           if (!v.isString())
                                               return mas::Error(ErrorCode::TypeMismatch,
                                                                 u"a color is a string"_s);
                                           return Value::custom(Color{v.toString()});
                                       });
    QCOMPARE(c.value(), 2);
}

std::unique_ptr<Codec> makeCodec(const QString &name)
{
    auto codec = Codec::create(name).value();
    registerDemoTypes(codec->serializers());
    return codec;
}

} // namespace

class tst_SerializerRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsInRegistrationOrder();
    void wireForm_data();
    void wireForm();
    void roundTrip_data();
    void roundTrip();
    void duplicates();
    void unregisteredType_data();
    void unregisteredType();
    void badTags_data();
    void badTags();
    void fallback();
    void alias();
    void failingSerializers();
};

void tst_SerializerRegistry::idsInRegistrationOrder()
{
    SerializerRegistry registry;
    QCOMPARE(registry.count(), 0);
    QVERIFY(registry.typeName(0).isEmpty());
    registerDemoTypes(registry);
    QCOMPARE(registry.count(), 3);
    QVERIFY2(registry.typeName(0).contains(u"Point"), qPrintable(registry.typeName(0)));
    QVERIFY2(registry.typeName(1).contains(u"Segment"), qPrintable(registry.typeName(1)));
    QVERIFY2(registry.typeName(2).contains(u"Color"), qPrintable(registry.typeName(2)));
    QVERIFY(registry.typeName(3).isEmpty());
    QVERIFY(registry.typeName(-1).isEmpty());
    QVERIFY(registry.contains(typeid(Point)));
    QVERIFY(!registry.contains(typeid(demo::Unregistered)));
    const auto fallbackId = registry.addFallback(
        u"object"_s, [](const mas::CustomObject &) -> mas::Result<Value> { return Value(); },
        [](const Value &v) -> mas::Result<Value> { return v; });
    QCOMPARE(fallbackId.value(), 3);
    QCOMPARE(registry.typeName(3), u"object"_s);
    const auto serialized = registry.serialize(*Value::custom(Color{u"red"_s}).object());
    QVERIFY(serialized);
    QCOMPARE(serialized->first, 2);
    QCOMPARE(serialized->second, Value("red"));
    QCOMPARE(registry.deserialize(0, Value::list({5, 6})).value(), Value::custom(Point{5, 6}));
    // Registration order is per registry: another one may give the same type another id.
    SerializerRegistry other;
    QCOMPARE(other
                 .add<Color>([](const Color &c) { return c.name; },
                             [](const Value &v) { return Color{v.toString()}; })
                 .value(),
             0);
}

void tst_SerializerRegistry::wireForm_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("bytes");

    const Value point = Value::custom(Point{1, 2});
    const Value segment = Value::custom(Segment{{1, 2}, {3, 4}});
    QTest::addRow("json: point") << u"json"_s << point
                                 << QByteArray(R"({"__type__": [0, [1, 2]]})");
    QTest::addRow("json: color") << u"json"_s << Value::custom(Color{u"r\u00e9d"_s})
                                 << QByteArray(R"({"__type__": [2, "r\u00e9d"]})");
    QTest::addRow("json: nested tags")
        << u"json"_s << segment
        << QByteArray(R"({"__type__": [1, [{"__type__": [0, [1, 2]]}, )"
                      R"({"__type__": [0, [3, 4]]}]]})");
    QTest::addRow("json: rpc argument")
        << u"json"_s
        << Message::request(
               0, Value::list({"move", Value::list({point}), Value::map({{"by", point}})}))
               .toValue()
        << QByteArray(R"([0, 0, ["move", [{"__type__": [0, [1, 2]]}], )"
                      R"({"by": {"__type__": [0, [1, 2]]}}]])");
    QTest::addRow("msgpack: point")
        << u"msgpack"_s << point << hex("81 a8 5f5f747970655f5f 92 00 92 01 02");
    QTest::addRow("msgpack: color") << u"msgpack"_s << Value::custom(Color{u"red"_s})
                                    << hex("81 a8 5f5f747970655f5f 92 02 a3 726564");
    QTest::addRow("msgpack: nested tags") << u"msgpack"_s << segment
                                          << hex("81 a8 5f5f747970655f5f 92 01 92"
                                                 " 81 a8 5f5f747970655f5f 92 00 92 01 02"
                                                 " 81 a8 5f5f747970655f5f 92 00 92 03 04");
}

void tst_SerializerRegistry::wireForm()
{
    QFETCH(QString, codec);
    QFETCH(Value, value);
    QFETCH(QByteArray, bytes);

    const auto c = makeCodec(codec);
    const auto out = c->encodeValue(value);
    QVERIFY2(out, qPrintable(out.error().message()));
    QCOMPARE(*out, bytes);
    // Decoding turns the tags back into objects...
    const auto back = c->decodeValue(*out);
    QVERIFY2(back, qPrintable(back.error().message()));
    QCOMPARE(*back, value);
    // ...structural decoding keeps them as maps.
    bool sawTag = false;
    const auto structural = c->decodeStructural(*out, &sawTag);
    QVERIFY(structural);
    QVERIFY(sawTag);
    QVERIFY(*structural != value);
}

void tst_SerializerRegistry::roundTrip_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<Value>("value");

    for (const QString &codec : Codec::names().mid(0, 3)) {
        const QByteArray name = codec.toUtf8();
        const char *n = name.constData();
        QTest::addRow("%s: point", n) << codec << Value::custom(Point{-1, 7});
        QTest::addRow("%s: segment", n) << codec << Value::custom(Segment{{1, 2}, {3, 4}});
        QTest::addRow("%s: list of objects", n)
            << codec << Value::list({Value::custom(Point{}), Value::custom(Color{u"blue"_s}), 3});
        QTest::addRow("%s: objects in a map", n)
            << codec
            << Value::map({{"a", Value::custom(Point{1, 1})},
                           {"b", Value::map({{"c", Value::custom(Color{u""_s})}})}});
        QTest::addRow("%s: message content", n)
            << codec << Message::result(3, Value::custom(Segment{{0, 0}, {9, 9}})).toValue();
    }
    // MsgPack map keys may be anything, tagged objects included.
    QTest::addRow("msgpack: object as map key")
        << u"msgpack"_s << Value::map({{Value::custom(Point{1, 2}), "here"}});
}

void tst_SerializerRegistry::roundTrip()
{
    QFETCH(QString, codec);
    QFETCH(Value, value);

    const auto c = makeCodec(codec);
    const auto out = c->encodeValue(value);
    QVERIFY2(out, qPrintable(out.error().message()));
    const auto back = c->decodeValue(*out);
    QVERIFY2(back, qPrintable(back.error().message()));
    QCOMPARE(*back, value);
    // A peer without the serializers cannot make sense of the tags.
    const auto bare = Codec::create(codec).value();
    const auto unknown = bare->decodeValue(*out);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code(), ErrorCode::UnknownTypeId);
}

void tst_SerializerRegistry::duplicates()
{
    SerializerRegistry registry;
    registerDemoTypes(registry);
    const auto again = registry.add<Point>([](const Point &) { return Value(); },
                                           [](const Value &) { return Point{}; });
    QVERIFY(!again);
    QCOMPARE(again.error().code(), ErrorCode::DuplicateSerializer);
    QVERIFY2(again.error().message().contains(u"Point"), qPrintable(again.error().message()));
    QCOMPARE(registry.count(), 3); // no id was used up
    // The first registration stays in charge.
    QCOMPARE(registry.serialize(*Value::custom(Point{1, 2}).object())->second, Value::list({1, 2}));
    const auto alias =
        registry.addAlias(0, typeid(Color), u"Color"_s,
                          [](const mas::CustomObject &) -> mas::Result<Value> { return Value(); });
    QVERIFY(!alias);
    QCOMPARE(alias.error().code(), ErrorCode::DuplicateSerializer);
    auto fallbackSer = [](const mas::CustomObject &) -> mas::Result<Value> { return Value(); };
    auto fallbackDeser = [](const Value &v) -> mas::Result<Value> { return v; };
    QVERIFY(registry.addFallback(u"object"_s, fallbackSer, fallbackDeser));
    const auto secondFallback = registry.addFallback(u"object2"_s, fallbackSer, fallbackDeser);
    QVERIFY(!secondFallback);
    QCOMPARE(secondFallback.error().code(), ErrorCode::DuplicateSerializer);
    QCOMPARE(registry.count(), 4);
}

void tst_SerializerRegistry::unregisteredType_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<Value>("value");

    for (const QString &codec : Codec::names().mid(0, 3)) {
        const QByteArray name = codec.toUtf8();
        const char *n = name.constData();
        QTest::addRow("%s: top level", n) << codec << Value::custom(demo::Unregistered{1});
        QTest::addRow("%s: inside a registered object's value", n)
            << codec << Value::list({Value::custom(Point{}), Value::custom(demo::Unregistered{})});
        QTest::addRow("%s: in a message", n)
            << codec
            << Message::request(
                   0, Value::list(
                          {"f", Value::list({Value::custom(demo::Unregistered{})}), Value::map()}))
                   .toValue();
    }
}

void tst_SerializerRegistry::unregisteredType()
{
    QFETCH(QString, codec);
    QFETCH(Value, value);

    const auto c = makeCodec(codec);
    const auto out = c->encodeValue(value);
    QVERIFY(!out);
    QCOMPARE(out.error().code(), ErrorCode::SerializationError);
    QVERIFY2(out.error().message().contains(u"Unregistered"), qPrintable(out.error().message()));
    QVERIFY2(out.error().message().contains(u"No serializer found"),
             qPrintable(out.error().message()));
}

void tst_SerializerRegistry::badTags_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<ErrorCode>("error");

    const QString json = u"json"_s;
    QTest::addRow("unknown id 3") << json << QByteArray(R"({"__type__": [3, null]})")
                                  << ErrorCode::UnknownTypeId;
    QTest::addRow("unknown id 1000")
        << json << QByteArray(R"([1, {"__type__": [1000, 1]}])") << ErrorCode::UnknownTypeId;
    QTest::addRow("negative id") << json << QByteArray(R"({"__type__": [-1, null]})")
                                 << ErrorCode::UnknownTypeId;
    QTest::addRow("unknown id nested in a known tag")
        << json << QByteArray(R"({"__type__": [1, [{"__type__": [9, 0]}, 0]]})")
        << ErrorCode::UnknownTypeId;
    QTest::addRow("tag is a number")
        << json << QByteArray(R"({"__type__": 0})") << ErrorCode::SerializationError;
    QTest::addRow("tag is null") << json << QByteArray(R"({"__type__": null})")
                                 << ErrorCode::SerializationError;
    QTest::addRow("tag list of one")
        << json << QByteArray(R"({"__type__": [0]})") << ErrorCode::SerializationError;
    QTest::addRow("tag list of three")
        << json << QByteArray(R"({"__type__": [0, [1, 2], 3]})") << ErrorCode::SerializationError;
    QTest::addRow("id as text") << json << QByteArray(R"({"__type__": ["0", [1, 2]]})")
                                << ErrorCode::SerializationError;
    QTest::addRow("id as float") << json << QByteArray(R"({"__type__": [0.0, [1, 2]]})")
                                 << ErrorCode::SerializationError;
    QTest::addRow("tag with an extra key")
        << json << QByteArray(R"({"a": 1, "__type__": [5, 0]})") << ErrorCode::UnknownTypeId;
    QTest::addRow("deserializer refuses")
        << json << QByteArray(R"({"__type__": [0, "xy"]})") << ErrorCode::SerializationError;
    QTest::addRow("Result<Value> deserializer refuses")
        << json << QByteArray(R"({"__type__": [2, 5]})") << ErrorCode::SerializationError;
    const QString msgpack = u"msgpack"_s;
    QTest::addRow("msgpack: unknown id 3")
        << msgpack << hex("81 a8 5f5f747970655f5f 92 03 c0") << ErrorCode::UnknownTypeId;
    QTest::addRow("msgpack: tag is a map")
        << msgpack << hex("81 a8 5f5f747970655f5f 80") << ErrorCode::SerializationError;
    QTest::addRow("msgpack: id as bytes")
        << msgpack << hex("81 a8 5f5f747970655f5f 92 c40100 c0") << ErrorCode::SerializationError;
}

void tst_SerializerRegistry::badTags()
{
    QFETCH(QString, codec);
    QFETCH(QByteArray, payload);
    QFETCH(ErrorCode, error);

    const auto c = makeCodec(codec);
    const auto v = c->decodeValue(payload);
    QVERIFY(!v);
    QCOMPARE(v.error().code(), error);
    QVERIFY(!v.error().message().isEmpty());
    QVERIFY(v.error().isProtocolError() || error == ErrorCode::SerializationError);
    // The structure itself is fine.
    QVERIFY(c->decodeStructural(payload));
}

void tst_SerializerRegistry::fallback()
{
    auto codec = makeCodec(u"json"_s);
    // Like aiomas's RPC proxy serializer for `object`: takes what nobody else takes.
    const auto id = codec->serializers().addFallback(
        u"object"_s,
        [](const mas::CustomObject &o) -> mas::Result<Value> {
            if (o.as<demo::Exploding>())
                return mas::Error(ErrorCode::InvalidArgument, u"cannot proxy this"_s);
            return Value(u"proxy:"_s + o.typeName());
        },
        [](const Value &v) -> mas::Result<Value> { return Value::custom(Proxy{v.toString()}); });
    QCOMPARE(id.value(), 3);

    const auto out = codec->encodeValue(
        Value::list({Value::custom(demo::Unregistered{}), Value::custom(Point{1, 2})}));
    QVERIFY2(out, qPrintable(out.error().message()));
    // The exact-type serializer wins over the fallback.
    const QByteArray expectedStart = R"([{"__type__": [3, "proxy:)";
    const QByteArray expectedEnd = R"(, {"__type__": [0, [1, 2]]}])";
    QVERIFY2(out->startsWith(expectedStart), out->constData());
    QVERIFY2(out->contains("Unregistered"), out->constData());
    QVERIFY2(out->endsWith(expectedEnd), out->constData());
    const auto back = codec->decodeValue(*out);
    QVERIFY(back);
    QVERIFY(back->at(0).object()->as<Proxy>());
    QVERIFY(back->at(0).object()->as<Proxy>()->path.contains(u"Unregistered"));
    QCOMPARE(back->at(1), Value::custom(Point{1, 2}));
    // A fallback that refuses gives a SerializationError carrying its reason.
    const auto refused = codec->encodeValue(Value::custom(demo::Exploding{}));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), ErrorCode::SerializationError);
    QVERIFY2(refused.error().message().contains(u"cannot proxy this"),
             qPrintable(refused.error().message()));
}

void tst_SerializerRegistry::alias()
{
    auto codec = makeCodec(u"msgpack"_s);
    const int proxyId = codec->serializers()
                            .add<Proxy>([](const Proxy &p) { return p.path; },
                                        [](const Value &v) { return Proxy{v.toString()}; })
                            .value();
    QCOMPARE(proxyId, 3);
    const auto alias =
        codec->serializers().addAlias(proxyId, typeid(demo::RemoteProxy), u"RemoteProxy"_s,
                                      [](const mas::CustomObject &o) -> mas::Result<Value> {
                                          return Value(o.as<demo::RemoteProxy>()->path);
                                      });
    QVERIFY2(alias, qPrintable(alias.error().message()));
    QCOMPARE(codec->serializers().count(), 4); // an alias takes no new id
    QVERIFY(codec->serializers().contains(typeid(demo::RemoteProxy)));

    const auto out = codec->encodeValue(Value::custom(demo::RemoteProxy{u"agents/1"_s}));
    QVERIFY(out);
    QCOMPARE(*out, hex("81 a8 5f5f747970655f5f 92 03 a8 6167656e74732f31"));
    // It comes back as the id's type.
    QCOMPARE(codec->decodeValue(*out).value(), Value::custom(Proxy{u"agents/1"_s}));

    const auto badId = codec->serializers().addAlias(
        7, typeid(Color), u"x"_s,
        [](const mas::CustomObject &) -> mas::Result<Value> { return Value(); });
    QVERIFY(!badId);
    QCOMPARE(badId.error().code(), ErrorCode::InvalidArgument);
    QCOMPARE(codec->serializers()
                 .addAlias(-1, typeid(int), u"int"_s,
                           [](const mas::CustomObject &) -> mas::Result<Value> { return Value(); })
                 .error()
                 .code(),
             ErrorCode::InvalidArgument);
}

void tst_SerializerRegistry::failingSerializers()
{
    SerializerRegistry registry;
    QVERIFY(registry.add<demo::Exploding>(
        [](const demo::Exploding &) -> Value { throw std::runtime_error("kaboom"); },
        [](const Value &) -> demo::Exploding { throw std::runtime_error("kaboom back"); }));
    const auto ser = registry.serialize(*Value::custom(demo::Exploding{}).object());
    QVERIFY(!ser);
    QCOMPARE(ser.error().code(), ErrorCode::SerializationError);
    QVERIFY2(ser.error().message().contains(u"kaboom"), qPrintable(ser.error().message()));
    QVERIFY(ser.error().message().contains(u"Could not serialize"));
    const auto deser = registry.deserialize(0, Value());
    QVERIFY(!deser);
    QCOMPARE(deser.error().code(), ErrorCode::SerializationError);
    QVERIFY2(deser.error().message().contains(u"kaboom back"), qPrintable(deser.error().message()));

    // Through a codec the error reaches the caller unchanged.
    mas::JsonCodec codec;
    QVERIFY(
        codec.serializers().add<demo::Exploding>([](const demo::Exploding &) -> Value { throw 42; },
                                                 [](const Value &) { return demo::Exploding{}; }));
    const auto out = codec.encodeValue(Value::list({Value::custom(demo::Exploding{})}));
    QVERIFY(!out);
    QCOMPARE(out.error().code(), ErrorCode::SerializationError);
    QVERIFY(out.error().message().contains(u"Exploding"));
}

QTEST_GUILESS_MAIN(tst_SerializerRegistry)
#include "tst_serializerregistry.moc"
