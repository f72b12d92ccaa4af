// SPDX-License-Identifier: MIT
#pragma once

// Conversions between mas::Value and C++/Qt types. Included at the end of value.h.
//
// Each convertible type T has a ValueConverter<T> with
//     static Value toValue(const T &);
//     static Result<T> fromValue(const Value &);
// Specialize ValueConverter for your own types to make them travel as plain values; types
// without a converter travel as tagged custom objects (see SerializerRegistry).

#include <mas/core/value.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QVariant>

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace mas {

namespace detail {
MAS_EXPORT Error typeMismatch(const Value &found, const char *expected);
MAS_EXPORT Error outOfRange(const Value &found, const char *expected);
MAS_EXPORT Error elementError(const Error &inner, const QString &where);
} // namespace detail

/// The primary template: no plain conversion, so the type travels as a custom object.
template<class T, class Enable = void>
struct ValueConverter
{
    static Value toValue(const T &v) { return Value::custom(v); }
    static Result<T> fromValue(const Value &v)
    {
        if (const CustomObject *o = v.object()) {
            if (const T *p = o->as<T>())
                return *p;
        }
        return detail::typeMismatch(v, QMetaType::fromType<T>().name());
    }
};

template<>
struct ValueConverter<Value>
{
    static Value toValue(const Value &v) { return v; }
    static Result<Value> fromValue(const Value &v) { return v; }
};

template<>
struct ValueConverter<std::nullptr_t>
{
    static Value toValue(std::nullptr_t) { return Value(); }
    static Result<std::nullptr_t> fromValue(const Value &v)
    {
        if (v.isNull())
            return nullptr;
        return detail::typeMismatch(v, "null");
    }
};

template<>
struct ValueConverter<bool>
{
    static Value toValue(bool b) { return Value(b); }
    static Result<bool> fromValue(const Value &v)
    {
        if (v.isBool())
            return v.toBool();
        return detail::typeMismatch(v, "bool");
    }
};

template<std::integral T>
    requires(!std::same_as<T, bool>)
struct ValueConverter<T>
{
    static Value toValue(T n) { return Value(n); }
    static Result<T> fromValue(const Value &v)
    {
        if (v.type() == Value::Type::Int) {
            const qint64 n = v.toInt();
            if constexpr (std::is_signed_v<T>) {
                if (n >= qint64(std::numeric_limits<T>::min())
                    && n <= qint64(std::numeric_limits<T>::max()))
                    return T(n);
            } else {
                if (n >= 0 && quint64(n) <= quint64(std::numeric_limits<T>::max()))
                    return T(n);
            }
            return detail::outOfRange(v, "integer");
        }
        if (v.type() == Value::Type::UInt) {
            if constexpr (std::is_unsigned_v<T>) {
                if (v.toUInt() <= quint64(std::numeric_limits<T>::max()))
                    return T(v.toUInt());
            }
            return detail::outOfRange(v, "integer");
        }
        if (v.type() == Value::Type::BigInt)
            return detail::outOfRange(v, "integer");
        return detail::typeMismatch(v, "integer");
    }
};

template<std::floating_point T>
struct ValueConverter<T>
{
    static Value toValue(T d) { return Value(double(d)); }
    /// Accepts integers too, as Python accepts an int where a float is expected.
    static Result<T> fromValue(const Value &v)
    {
        if (v.isDouble() || v.type() == Value::Type::Int || v.type() == Value::Type::UInt)
            return T(v.toDouble());
        return detail::typeMismatch(v, "float");
    }
};

template<>
struct ValueConverter<QString>
{
    static Value toValue(const QString &s) { return Value(s); }
    static Result<QString> fromValue(const Value &v)
    {
        if (v.isString())
            return v.toString();
        return detail::typeMismatch(v, "str");
    }
};

template<>
struct ValueConverter<std::string>
{
    static Value toValue(const std::string &s)
    {
        return Value(QString::fromUtf8(s.data(), qsizetype(s.size())));
    }
    static Result<std::string> fromValue(const Value &v)
    {
        if (v.isString())
            return v.toString().toStdString();
        return detail::typeMismatch(v, "str");
    }
};

/// C string literals and pointers are UTF-8 text (conversion to them is not offered).
template<>
struct ValueConverter<const char *>
{
    static Value toValue(const char *s) { return Value(s); }
};
template<>
struct ValueConverter<char *>
{
    static Value toValue(const char *s) { return Value(s); }
};
template<std::size_t N>
struct ValueConverter<char[N]>
{
    static Value toValue(const char (&s)[N]) { return Value(QString::fromUtf8(s, qstrnlen(s, N))); }
};

template<>
struct ValueConverter<QByteArray>
{
    static Value toValue(const QByteArray &b) { return Value(b); }
    static Result<QByteArray> fromValue(const Value &v)
    {
        if (v.isBytes())
            return v.toBytes();
        return detail::typeMismatch(v, "bytes");
    }
};

template<>
struct ValueConverter<BigInt>
{
    static Value toValue(const BigInt &b) { return Value(b); }
    static Result<BigInt> fromValue(const Value &v)
    {
        if (const BigInt *b = v.bigInt())
            return *b;
        if (v.type() == Value::Type::Int)
            return BigInt{QByteArray::number(v.toInt())};
        if (v.type() == Value::Type::UInt)
            return BigInt{QByteArray::number(v.toUInt())};
        return detail::typeMismatch(v, "int");
    }
};

/// QDateTime travels as a custom object; containers register the date serializer for it
/// (ISO 8601 with offset, as aiomas's arrow serializer).
template<>
struct ValueConverter<QDateTime>
{
    static Value toValue(const QDateTime &d) { return Value::custom(d); }
    static Result<QDateTime> fromValue(const Value &v)
    {
        if (const CustomObject *o = v.object()) {
            if (const QDateTime *d = o->as<QDateTime>())
                return *d;
        }
        return detail::typeMismatch(v, "date");
    }
};

template<class T>
struct ValueConverter<std::optional<T>>
{
    static Value toValue(const std::optional<T> &o)
    {
        return o ? ValueConverter<T>::toValue(*o) : Value();
    }
    static Result<std::optional<T>> fromValue(const Value &v)
    {
        if (v.isNull())
            return std::optional<T>();
        auto r = ValueConverter<T>::fromValue(v);
        if (!r)
            return r.error();
        return std::optional<T>(std::move(*r));
    }
};

namespace detail {
template<class Seq>
Value sequenceToValue(const Seq &seq)
{
    Value::List list;
    list.reserve(std::size(seq));
    for (const auto &item : seq)
        list.push_back(ValueConverter<std::decay_t<decltype(item)>>::toValue(item));
    return Value(std::move(list));
}

template<class Seq, class Elem>
Result<Seq> sequenceFromValue(const Value &v)
{
    if (!v.isList())
        return typeMismatch(v, "list");
    Seq seq;
    seq.reserve(v.size());
    qsizetype index = 0;
    for (const Value &item : v.asList()) {
        auto r = ValueConverter<Elem>::fromValue(item);
        if (!r)
            return elementError(r.error(), QStringLiteral("[%1]").arg(index));
        seq.push_back(std::move(*r));
        ++index;
    }
    return seq;
}

template<class M>
Value mapToValue(const M &m)
{
    Value::Map map;
    map.reserve(m.size());
    for (auto it = m.begin(); it != m.end(); ++it) {
        // Qt containers iterate over values and expose key()/value(); std ones yield pairs.
        if constexpr (requires { it.key(); })
            map.emplace_back(ValueConverter<std::decay_t<decltype(it.key())>>::toValue(it.key()),
                             ValueConverter<std::decay_t<decltype(it.value())>>::toValue(it.value()));
        else
            map.emplace_back(ValueConverter<std::decay_t<decltype(it->first)>>::toValue(it->first),
                             ValueConverter<std::decay_t<decltype(it->second)>>::toValue(it->second));
    }
    return Value(std::move(map));
}

template<class M, class K, class V>
Result<M> mapFromValue(const Value &v)
{
    if (!v.isMap())
        return typeMismatch(v, "dict");
    M m;
    for (const auto &[key, value] : v.asMap()) {
        auto k = ValueConverter<K>::fromValue(key);
        if (!k)
            return elementError(k.error(), QStringLiteral("key %1").arg(key.toDisplayString(40)));
        auto val = ValueConverter<V>::fromValue(value);
        if (!val)
            return elementError(val.error(), QStringLiteral("[%1]").arg(key.toDisplayString(40)));
        m.insert_or_assign(std::move(*k), std::move(*val));
    }
    return m;
}
} // namespace detail

template<class T>
struct ValueConverter<std::vector<T>>
{
    static Value toValue(const std::vector<T> &v) { return detail::sequenceToValue(v); }
    static Result<std::vector<T>> fromValue(const Value &v)
    {
        return detail::sequenceFromValue<std::vector<T>, T>(v);
    }
};

template<class T>
struct ValueConverter<QList<T>>
{
    static Value toValue(const QList<T> &v) { return detail::sequenceToValue(v); }
    static Result<QList<T>> fromValue(const Value &v)
    {
        return detail::sequenceFromValue<QList<T>, T>(v);
    }
};

template<class K, class V, class C, class A>
struct ValueConverter<std::map<K, V, C, A>>
{
    using M = std::map<K, V, C, A>;
    static Value toValue(const M &m) { return detail::mapToValue(m); }
    static Result<M> fromValue(const Value &v) { return detail::mapFromValue<M, K, V>(v); }
};

template<class K, class V, class H, class E, class A>
struct ValueConverter<std::unordered_map<K, V, H, E, A>>
{
    using M = std::unordered_map<K, V, H, E, A>;
    static Value toValue(const M &m) { return detail::mapToValue(m); }
    static Result<M> fromValue(const Value &v) { return detail::mapFromValue<M, K, V>(v); }
};

namespace detail {
// QMap/QHash have insert(), not insert_or_assign(); adapt them.
template<class Q>
struct QtMapAdapter : Q
{
    template<class K, class V>
    void insert_or_assign(K &&k, V &&v)
    {
        Q::insert(std::forward<K>(k), std::forward<V>(v));
    }
};
} // namespace detail

template<class K, class V>
struct ValueConverter<QMap<K, V>>
{
    static Value toValue(const QMap<K, V> &m) { return detail::mapToValue(m); }
    static Result<QMap<K, V>> fromValue(const Value &v)
    {
        auto r = detail::mapFromValue<detail::QtMapAdapter<QMap<K, V>>, K, V>(v);
        if (!r)
            return r.error();
        return QMap<K, V>(std::move(*r));
    }
};

template<class K, class V>
struct ValueConverter<QHash<K, V>>
{
    static Value toValue(const QHash<K, V> &m) { return detail::mapToValue(m); }
    static Result<QHash<K, V>> fromValue(const Value &v)
    {
        auto r = detail::mapFromValue<detail::QtMapAdapter<QHash<K, V>>, K, V>(v);
        if (!r)
            return r.error();
        return QHash<K, V>(std::move(*r));
    }
};

template<class... Ts>
struct ValueConverter<std::tuple<Ts...>>
{
    using T = std::tuple<Ts...>;
    static Value toValue(const T &t)
    {
        return std::apply(
            [](const Ts &...items) {
                return Value(Value::List{ValueConverter<Ts>::toValue(items)...});
            },
            t);
    }
    static Result<T> fromValue(const Value &v)
    {
        if (!v.isList())
            return detail::typeMismatch(v, "list");
        if (v.size() != qsizetype(sizeof...(Ts)))
            return Error(ErrorCode::TypeMismatch,
                         ::mas::tr("expected a list of %1 items, got %2").arg(sizeof...(Ts)).arg(v.size()));
        return convert(v, std::index_sequence_for<Ts...>());
    }

private:
    template<std::size_t... I>
    static Result<T> convert(const Value &v, std::index_sequence<I...>)
    {
        std::tuple<Result<Ts>...> parts{ValueConverter<Ts>::fromValue(v.at(qsizetype(I)))...};
        Error firstError;
        ((firstError.isError() || std::get<I>(parts)
              ? void()
              : void(firstError = detail::elementError(std::get<I>(parts).error(),
                                                       QStringLiteral("[%1]").arg(I)))),
         ...);
        if (firstError.isError())
            return firstError;
        return T(std::move(*std::get<I>(parts))...);
    }
};

template<class A, class B>
struct ValueConverter<std::pair<A, B>>
{
    static Value toValue(const std::pair<A, B> &p)
    {
        return Value(Value::List{ValueConverter<A>::toValue(p.first),
                                 ValueConverter<B>::toValue(p.second)});
    }
    static Result<std::pair<A, B>> fromValue(const Value &v)
    {
        auto r = ValueConverter<std::tuple<A, B>>::fromValue(v);
        if (!r)
            return r.error();
        return std::pair<A, B>(std::move(std::get<0>(*r)), std::move(std::get<1>(*r)));
    }
};

/// QVariant: the common metatypes map onto Value types; any other type travels as a custom
/// object holding the QVariant (so encoding names the type if no serializer exists).
template<>
struct ValueConverter<QVariant>
{
    MAS_EXPORT static Value toValue(const QVariant &v);
    MAS_EXPORT static Result<QVariant> fromValue(const Value &v);
};

// ---- Value members that need the converters ----

template<class T>
Value Value::from(const T &value)
{
    return ValueConverter<std::remove_cvref_t<T>>::toValue(value);
}

template<class T>
Result<T> Value::to() const
{
    return ValueConverter<T>::fromValue(*this);
}

} // namespace mas
