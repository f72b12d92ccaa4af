// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/value.h>

#include <QString>

#include <functional>
#include <memory>
#include <typeindex>

namespace mas {

class SerializerRegistryPrivate;

/// The user serializers of one codec instance (aiomas's `Codec.add_serializer`).
///
/// A registered C++ type travels as `{"__type__": [id, serialized]}` where `id` is the number
/// of serializers registered before it: both peers must register the same serializers in the
/// same order. Lookup is by exact C++ type; registering a type twice is an error; encoding a
/// custom object of an unregistered type fails with a SerializationError naming the type.
/// \code
/// codec->serializers().add<Point>(
///     [](const Point &p) { return mas::Value::list({p.x, p.y}); },
///     [](const mas::Value &v) -> mas::Result<Point> { ... });
/// codec->encode(mas::Message::request(0, mas::Value::custom(Point{1, 2})));
/// \endcode
class MAS_EXPORT SerializerRegistry
{
public:
    /// Turns a custom object into the value that goes into the tag.
    using SerializeFn = std::function<Result<Value>(const CustomObject &)>;
    /// Turns the tag's value back into a Value (usually a custom object).
    using DeserializeFn = std::function<Result<Value>(const Value &)>;

    SerializerRegistry();
    ~SerializerRegistry();
    SerializerRegistry(const SerializerRegistry &) = delete;
    SerializerRegistry &operator=(const SerializerRegistry &) = delete;

    /// Registers C++ type T with `serialize(const T &) -> Value` and
    /// `deserialize(const Value &) -> T or Result<T>`. Returns the new type id.
    template<class T, class Ser, class Deser>
    Result<int> add(Ser serialize, Deser deserialize);

    /// Registers a type by its type_index (the non-template form of add()).
    Result<int> addType(std::type_index type,
                        const QString &typeName,
                        SerializeFn serialize,
                        DeserializeFn deserialize);
    /// Lets another C++ type travel under an existing id (e.g. several proxy classes that all
    /// decode to the same proxy type).
    Result<void> addAlias(int id, std::type_index type, const QString &typeName, SerializeFn serialize);
    /// Registers the fallback serializer (aiomas's serializer for `object`): it sees every custom
    /// object no exact-type serializer matched and may refuse it with an error.
    Result<int> addFallback(const QString &name, SerializeFn serialize, DeserializeFn deserialize);

    /// Number of type ids handed out.
    int count() const;
    /// The name registered for a type id.
    QString typeName(int id) const;
    /// Whether a serializer for exactly this C++ type exists.
    bool contains(std::type_index type) const;

    // used by codecs
    /// Serializes a custom object: the type id and the value to wrap in the tag.
    Result<std::pair<int, Value>> serialize(const CustomObject &object) const;
    /// Deserializes a tag's value with the serializer of `id`.
    Result<Value> deserialize(qint64 id, const Value &value) const;
    /// Replaces every `{"__type__": [id, value]}` map in `value` (bottom-up, as Python's
    /// object hooks) with what the deserializer of `id` returns.
    Result<void> resolveTags(Value &value) const;

    /// The key of the tag map.
    static QString tagKey() { return QStringLiteral("__type__"); }

private:
    std::unique_ptr<SerializerRegistryPrivate> d;
};

namespace detail {
template<class T, class Deser>
Result<Value> runDeserializer(const Deser &deserialize, const Value &v)
{
    using R = std::invoke_result_t<const Deser &, const Value &>;
    if constexpr (std::is_same_v<R, Result<T>>) {
        Result<T> r = deserialize(v);
        if (!r)
            return r.error();
        return Value::from(*r);
    } else if constexpr (std::is_same_v<R, Result<Value>>) {
        return deserialize(v);
    } else {
        // A type with a plain conversion (QByteArray, QString, ...) becomes that plain value.
        return Value::from(T(deserialize(v)));
    }
}
} // namespace detail

template<class T, class Ser, class Deser>
Result<int> SerializerRegistry::add(Ser serialize, Deser deserialize)
{
    SerializeFn ser = [serialize](const CustomObject &o) -> Result<Value> {
        const T *p = o.as<T>();
        if (!p)
            return Error(ErrorCode::SerializationError, QStringLiteral("type mismatch"));
        return Value::from(serialize(*p));
    };
    DeserializeFn deser = [deserialize](const Value &v) -> Result<Value> {
        return detail::runDeserializer<T>(deserialize, v);
    };
    QString name = QString::fromLatin1(QMetaType::fromType<T>().name());
    if (name.isEmpty())
        name = detail::demangledTypeName(typeid(T));
    return addType(std::type_index(typeid(T)), name, std::move(ser), std::move(deser));
}

} // namespace mas
