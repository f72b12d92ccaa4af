// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <concepts>
#include <cstdint>
#include <memory>
#include <typeindex>
#include <utility>
#include <variant>
#include <vector>

namespace mas {

class Value;

/// A C++ object carried inside a Value without being a wire type (a "tagged custom object").
/// A codec turns it into `{"__type__": [id, serialized]}` with the serializer registered for
/// its exact C++ type; without one, encoding fails with a SerializationError naming the type.
class MAS_EXPORT CustomObject
{
public:
    template<class T>
    static CustomObject make(T object);

    std::type_index type() const { return m_type; }
    /// The C++ type's name, for error messages ("QDateTime", "demo::Point").
    QString typeName() const { return m_typeName; }
    const void *data() const { return m_data.get(); }
    template<class T>
    const T *as() const
    {
        return m_type == std::type_index(typeid(T)) ? static_cast<const T *>(m_data.get())
                                                    : nullptr;
    }

    friend MAS_EXPORT bool operator==(const CustomObject &a, const CustomObject &b);

private:
    CustomObject(std::type_index type,
                 QString name,
                 std::shared_ptr<const void> data,
                 bool (*equals)(const void *, const void *))
        : m_type(type)
        , m_typeName(std::move(name))
        , m_data(std::move(data))
        , m_equals(equals)
    {}

    std::type_index m_type;
    QString m_typeName;
    std::shared_ptr<const void> m_data;
    bool (*m_equals)(const void *, const void *) = nullptr;
};

/// An integer beyond the 64-bit range (Python ints are unbounded), carried losslessly as its
/// decimal text. JSON writes it back digit for digit; MsgPack cannot encode it.
struct BigInt
{
    QByteArray digits; ///< optional '-' followed by decimal digits, no leading zeros
    friend bool operator==(const BigInt &, const BigInt &) = default;
};

/// The one dynamic value type of everything that crosses the wire.
///
/// A Value is null, a bool, a signed or unsigned 64-bit integer, a big integer (as text), a
/// double, UTF-8 text (held as QString), bytes (distinct from text), a list, a map that keeps
/// insertion order and takes keys of any type, or a tagged custom C++ object. Lists and maps are
/// implicitly shared: copying a Value is cheap, the first write detaches.
///
/// Integers are normalised: any integer that fits in qint64 is an Int; only values above
/// INT64_MAX are UInt. So Value(5u) == Value(5).
/// \code
/// mas::Value v = mas::Value::list({"add", mas::Value::list({1, 2}), mas::Value::map()});
/// v.append(3.5);
/// mas::Result<std::vector<int>> ints = v.at(1).to<std::vector<int>>();
/// \endcode
class MAS_EXPORT Value
{
public:
    enum class Type : quint8 { Null, Bool, Int, UInt, BigInt, Double, String, Bytes, List, Map, Object };
    using List = std::vector<Value>;
    using Entry = std::pair<Value, Value>;
    using Map = std::vector<Entry>;

    // construction
    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b)
        : m_data(std::in_place_index<1>, b)
    {}
    template<std::integral T>
        requires(!std::same_as<T, bool> && !std::same_as<T, char>)
    Value(T n)
    {
        if constexpr (std::is_signed_v<T>)
            m_data.template emplace<2>(qint64(n));
        else if (quint64(n) <= quint64(INT64_MAX))
            m_data.template emplace<2>(qint64(n));
        else
            m_data.template emplace<3>(quint64(n));
    }
    Value(double d)
        : m_data(std::in_place_index<5>, d)
    {}
    Value(float f)
        : m_data(std::in_place_index<5>, double(f))
    {}
    Value(const QString &s)
        : m_data(std::in_place_index<6>, s)
    {}
    Value(QString &&s)
        : m_data(std::in_place_index<6>, std::move(s))
    {}
    Value(QStringView s)
        : m_data(std::in_place_index<6>, s.toString())
    {}
    Value(QLatin1StringView s)
        : m_data(std::in_place_index<6>, QString(s))
    {}
    /// UTF-8 text.
    Value(const char *utf8)
        : m_data(std::in_place_index<6>, QString::fromUtf8(utf8))
    {}
    /// Bytes (msgpack bin). Text is QString; a QByteArray is never taken as text.
    Value(const QByteArray &bytes)
        : m_data(std::in_place_index<7>, bytes)
    {}
    Value(QByteArray &&bytes)
        : m_data(std::in_place_index<7>, std::move(bytes))
    {}
    Value(List list)
        : m_data(std::in_place_index<8>, std::make_shared<List>(std::move(list)))
    {}
    Value(Map map)
        : m_data(std::in_place_index<9>, std::make_shared<Map>(std::move(map)))
    {}
    Value(BigInt big);
    Value(CustomObject object)
        : m_data(std::in_place_index<10>, std::move(object))
    {}

    /// A list of the given values: `Value::list({1, "two", 3.0})`.
    static Value list(std::initializer_list<Value> items = {}) { return Value(List(items)); }
    /// A map of the given entries in this order: `Value::map({{"a", 1}, {"b", 2}})`.
    static Value map(std::initializer_list<Entry> entries = {}) { return Value(Map(entries)); }
    /// Bytes, explicitly.
    static Value bytes(QByteArray bytes) { return Value(std::move(bytes)); }
    /// Any C++ object as a tagged custom object (see CustomObject).
    template<class T>
    static Value custom(T object)
    {
        return Value(CustomObject::make(std::move(object)));
    }
    /// Converts a C++ value with its ValueConverter (integers, QString, containers, QDateTime,
    /// QVariant, ...); a type without a converter becomes a custom object.
    template<class T>
    static Value from(const T &value);

    // properties
    Type type() const { return Type(m_data.index()); }
    static QString typeName(Type type);
    QString typeName() const { return typeName(type()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    /// Int, UInt or BigInt.
    bool isInteger() const
    {
        return type() == Type::Int || type() == Type::UInt || type() == Type::BigInt;
    }
    bool isDouble() const { return type() == Type::Double; }
    bool isString() const { return type() == Type::String; }
    bool isBytes() const { return type() == Type::Bytes; }
    bool isList() const { return type() == Type::List; }
    bool isMap() const { return type() == Type::Map; }
    bool isObject() const { return type() == Type::Object; }

    // unchecked access (a default value when the type differs); see to<T>() for checked access
    bool toBool() const { return isBool() && std::get<1>(m_data); }
    qint64 toInt() const { return type() == Type::Int ? std::get<2>(m_data) : 0; }
    quint64 toUInt() const { return type() == Type::UInt ? std::get<3>(m_data) : 0; }
    /// Double, or an integer converted to double.
    double toDouble() const;
    QString toString() const { return isString() ? std::get<6>(m_data) : QString(); }
    QByteArray toBytes() const { return isBytes() ? std::get<7>(m_data) : QByteArray(); }
    const BigInt *bigInt() const { return std::get_if<4>(&m_data); }
    const CustomObject *object() const { return std::get_if<10>(&m_data); }
    /// The string without copying; empty for non-strings.
    const QString &stringRef() const;

    // lists
    /// The list's elements (empty for non-lists).
    const List &asList() const;
    /// Mutable access: turns a non-list into an empty list first; detaches if shared.
    List &mutableList();
    qsizetype size() const;
    const Value &at(qsizetype index) const;
    void append(Value v) { mutableList().push_back(std::move(v)); }

    // maps
    /// The map's entries in insertion order (empty for non-maps).
    const Map &asMap() const;
    /// Mutable access: turns a non-map into an empty map first; detaches if shared.
    Map &mutableMap();
    /// The value under `key`, or nullptr.
    const Value *find(const Value &key) const;
    const Value *find(QStringView key) const;
    template<std::size_t N>
    const Value *find(const char16_t (&key)[N]) const
    {
        return find(QStringView(key));
    }
    bool contains(QStringView key) const { return find(key) != nullptr; }
    /// The value under a text key, or a null Value.
    Value value(QStringView key) const;
    /// Sets `key` to `v`, keeping the key's position if it exists (as a Python dict does).
    void insert(Value key, Value v);

    // conversion
    /// Checked conversion to a C++ type; a TypeMismatch error says what was found instead.
    template<class T>
    Result<T> to() const;

    /// A short human-readable rendering (JSON-like, for logs and the Inspector).
    QString toDisplayString(int maxLength = 200) const;

    /// Structural equality. Doubles compare by value except that NaN equals NaN;
    /// custom objects compare with the type's operator== when it has one.
    friend MAS_EXPORT bool operator==(const Value &a, const Value &b);

private:
    // The index of each alternative equals its Type.
    using Storage = std::variant<std::monostate,
                                 bool,
                                 qint64,
                                 quint64,
                                 BigInt,
                                 double,
                                 QString,
                                 QByteArray,
                                 std::shared_ptr<List>,
                                 std::shared_ptr<Map>,
                                 CustomObject>;
    Storage m_data;
};

/// Prints the value as toDisplayString(1000) does, nothing around it: `qInfo() << v` prints
/// `"ohai"` for a string, `[1, 2]` for a list.
MAS_EXPORT QDebug operator<<(QDebug debug, const Value &value);

namespace detail {
template<class T>
bool equalsFor(const void *a, const void *b)
{
    if constexpr (std::equality_comparable<T>)
        return *static_cast<const T *>(a) == *static_cast<const T *>(b);
    else
        return a == b;
}
/// A C++ type's readable name ("Point", "std::vector<int>"), for error messages.
MAS_EXPORT QString demangledTypeName(const std::type_info &info);
} // namespace detail

template<class T>
CustomObject CustomObject::make(T object)
{
    QString name = QString::fromLatin1(QMetaType::fromType<T>().name());
    if (name.isEmpty())
        name = detail::demangledTypeName(typeid(T));
    return CustomObject(std::type_index(typeid(T)),
                        std::move(name),
                        std::make_shared<const T>(std::move(object)),
                        &detail::equalsFor<T>);
}

} // namespace mas

Q_DECLARE_METATYPE(mas::Value)

#include <mas/core/valueconvert.h>
