// SPDX-License-Identifier: MIT
#include "value.h"

#include <QDebug>

#include <cmath>
#include <cxxabi.h>
#include <cstdlib>

namespace mas {

namespace {
const Value::List kEmptyList;
const Value::Map kEmptyMap;
const QString kEmptyString;
const Value kNullValue;
} // namespace

bool operator==(const CustomObject &a, const CustomObject &b)
{
    if (a.m_type != b.m_type)
        return false;
    if (a.m_data == b.m_data)
        return true;
    return a.m_equals && a.m_equals(a.m_data.get(), b.m_data.get());
}

Value::Value(BigInt big)
{
    // Normalise: a number that fits 64 bits is stored as Int/UInt, so equal numbers compare equal.
    bool ok = false;
    const qint64 i = big.digits.toLongLong(&ok);
    if (ok) {
        m_data.emplace<2>(i);
        return;
    }
    const quint64 u = big.digits.toULongLong(&ok);
    if (ok && !big.digits.startsWith('-')) {
        m_data.emplace<3>(u);
        return;
    }
    m_data.emplace<4>(std::move(big));
}

QString Value::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("bool");
    case Type::Int:
    case Type::UInt:
    case Type::BigInt:
        return QStringLiteral("int");
    case Type::Double:
        return QStringLiteral("float");
    case Type::String:
        return QStringLiteral("str");
    case Type::Bytes:
        return QStringLiteral("bytes");
    case Type::List:
        return QStringLiteral("list");
    case Type::Map:
        return QStringLiteral("dict");
    case Type::Object:
        return QStringLiteral("object");
    }
    return QString();
}

double Value::toDouble() const
{
    switch (type()) {
    case Type::Double:
        return std::get<5>(m_data);
    case Type::Int:
        return double(std::get<2>(m_data));
    case Type::UInt:
        return double(std::get<3>(m_data));
    case Type::BigInt:
        return std::strtod(std::get<4>(m_data).digits.constData(), nullptr);
    default:
        return 0.0;
    }
}

const QString &Value::stringRef() const
{
    if (const QString *s = std::get_if<6>(&m_data))
        return *s;
    return kEmptyString;
}

const Value::List &Value::asList() const
{
    if (const auto *p = std::get_if<8>(&m_data))
        return **p;
    return kEmptyList;
}

Value::List &Value::mutableList()
{
    if (!isList())
        m_data.emplace<8>(std::make_shared<List>());
    auto &p = std::get<8>(m_data);
    if (p.use_count() > 1)
        p = std::make_shared<List>(*p);
    return *p;
}

qsizetype Value::size() const
{
    if (const auto *p = std::get_if<8>(&m_data))
        return qsizetype((*p)->size());
    if (const auto *p = std::get_if<9>(&m_data))
        return qsizetype((*p)->size());
    return 0;
}

const Value &Value::at(qsizetype index) const
{
    const List &l = asList();
    if (index < 0 || index >= qsizetype(l.size()))
        return kNullValue;
    return l[size_t(index)];
}

const Value::Map &Value::asMap() const
{
    if (const auto *p = std::get_if<9>(&m_data))
        return **p;
    return kEmptyMap;
}

Value::Map &Value::mutableMap()
{
    if (!isMap())
        m_data.emplace<9>(std::make_shared<Map>());
    auto &p = std::get<9>(m_data);
    if (p.use_count() > 1)
        p = std::make_shared<Map>(*p);
    return *p;
}

const Value *Value::find(const Value &key) const
{
    for (const auto &entry : asMap()) {
        if (entry.first == key)
            return &entry.second;
    }
    return nullptr;
}

const Value *Value::find(QStringView key) const
{
    for (const auto &entry : asMap()) {
        if (entry.first.isString() && entry.first.stringRef() == key)
            return &entry.second;
    }
    return nullptr;
}

Value Value::value(QStringView key) const
{
    const Value *v = find(key);
    return v ? *v : Value();
}

void Value::insert(Value key, Value v)
{
    Map &m = mutableMap();
    for (auto &entry : m) {
        if (entry.first == key) {
            entry.second = std::move(v);
            return;
        }
    }
    m.emplace_back(std::move(key), std::move(v));
}

namespace {
void render(const Value &v, QString &out, int maxLength)
{
    if (out.size() > maxLength)
        return;
    switch (v.type()) {
    case Value::Type::Null:
        out += QStringLiteral("null");
        break;
    case Value::Type::Bool:
        out += v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case Value::Type::Int:
        out += QString::number(v.toInt());
        break;
    case Value::Type::UInt:
        out += QString::number(v.toUInt());
        break;
    case Value::Type::BigInt:
        out += QString::fromLatin1(v.bigInt()->digits);
        break;
    case Value::Type::Double:
        out += QString::number(v.toDouble(), 'g', 17);
        break;
    case Value::Type::String: {
        // Control characters are shown escaped so a rendering stays on one line.
        out += u'"';
        for (QChar c : v.stringRef()) {
            if (c == u'\n')
                out += QStringLiteral("\\n");
            else if (c == u'\t')
                out += QStringLiteral("\\t");
            else if (c == u'"' || c == u'\\')
                out += u'\\' + QString(c);
            else if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
        out += u'"';
        break;
    }
    case Value::Type::Bytes:
        out += QStringLiteral("b'") + QString::fromLatin1(v.toBytes().toHex()) + u'\'';
        break;
    case Value::Type::List: {
        out += u'[';
        bool first = true;
        for (const Value &item : v.asList()) {
            if (!first)
                out += QStringLiteral(", ");
            first = false;
            render(item, out, maxLength);
            if (out.size() > maxLength)
                return;
        }
        out += u']';
        break;
    }
    case Value::Type::Map: {
        out += u'{';
        bool first = true;
        for (const auto &[key, item] : v.asMap()) {
            if (!first)
                out += QStringLiteral(", ");
            first = false;
            render(key, out, maxLength);
            out += QStringLiteral(": ");
            render(item, out, maxLength);
            if (out.size() > maxLength)
                return;
        }
        out += u'}';
        break;
    }
    case Value::Type::Object:
        if (const QDateTime *d = v.object()->as<QDateTime>())
            out += d->toString(Qt::ISODateWithMs);
        else
            out += u'<' + v.object()->typeName() + u'>';
        break;
    }
}
} // namespace

QString Value::toDisplayString(int maxLength) const
{
    QString out;
    render(*this, out, maxLength);
    if (out.size() > maxLength) {
        out.truncate(qMax(0, maxLength - 1));
        out += QChar(0x2026); // ellipsis
    }
    return out;
}

bool operator==(const Value &a, const Value &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Value::Type::Null:
        return true;
    case Value::Type::Double: {
        const double x = std::get<5>(a.m_data);
        const double y = std::get<5>(b.m_data);
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    case Value::Type::List: {
        const auto &pa = std::get<8>(a.m_data);
        const auto &pb = std::get<8>(b.m_data);
        return pa == pb || *pa == *pb;
    }
    case Value::Type::Map: {
        const auto &pa = std::get<9>(a.m_data);
        const auto &pb = std::get<9>(b.m_data);
        return pa == pb || *pa == *pb;
    }
    default:
        return a.m_data == b.m_data;
    }
}

QDebug operator<<(QDebug debug, const Value &value)
{
    QDebugStateSaver saver(debug);
    debug.noquote() << value.toDisplayString(1000);
    return debug;
}

namespace detail {

QString demangledTypeName(const std::type_info &info)
{
    int status = 0;
    char *name = abi::__cxa_demangle(info.name(), nullptr, nullptr, &status);
    QString result = QString::fromLatin1(status == 0 && name ? name : info.name());
    std::free(name);
    return result;
}

Error typeMismatch(const Value &found, const char *expected)
{
    return Error(ErrorCode::TypeMismatch,
                 mas::tr("expected %1, got %2 (%3)")
                     .arg(QString::fromLatin1(expected),
                          found.isObject() ? found.object()->typeName() : found.typeName(),
                          found.toDisplayString(60)));
}

Error outOfRange(const Value &found, const char *expected)
{
    return Error(ErrorCode::TypeMismatch,
                 mas::tr("%1 is out of range for the expected %2")
                     .arg(found.toDisplayString(60), QString::fromLatin1(expected)));
}

Error elementError(const Error &inner, const QString &where)
{
    return Error(inner.code(), where + QStringLiteral(": ") + inner.message());
}

} // namespace detail

Value ValueConverter<QVariant>::toValue(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return Value();
    case QMetaType::Bool:
        return Value(v.toBool());
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::SChar:
        return Value(v.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::UChar:
        return Value(v.toULongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return Value(v.toDouble());
    case QMetaType::QString:
        return Value(v.toString());
    case QMetaType::QByteArray:
        return Value(v.toByteArray());
    case QMetaType::QStringList:
        return Value::from(v.toStringList());
    case QMetaType::QVariantList:
        return Value::from(v.toList());
    case QMetaType::QVariantMap:
        return Value::from(v.toMap());
    case QMetaType::QVariantHash:
        return Value::from(v.toHash());
    case QMetaType::QDateTime:
        return Value::custom(v.toDateTime());
    default:
        if (v.metaType() == QMetaType::fromType<Value>())
            return v.value<Value>();
        return Value(CustomObject::make(v));
    }
}

Result<QVariant> ValueConverter<QVariant>::fromValue(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null:
        return QVariant();
    case Value::Type::Bool:
        return QVariant(v.toBool());
    case Value::Type::Int:
        return QVariant(v.toInt());
    case Value::Type::UInt:
        return QVariant(v.toUInt());
    case Value::Type::BigInt:
        return QVariant::fromValue(v); // no Qt type holds it; keep the Value
    case Value::Type::Double:
        return QVariant(v.toDouble());
    case Value::Type::String:
        return QVariant(v.toString());
    case Value::Type::Bytes:
        return QVariant(v.toBytes());
    case Value::Type::List: {
        auto r = v.to<QVariantList>();
        if (!r)
            return r.error();
        return QVariant(*r);
    }
    case Value::Type::Map: {
        // QVariantMap needs text keys; other maps stay Values.
        for (const auto &entry : v.asMap()) {
            if (!entry.first.isString())
                return QVariant::fromValue(v);
        }
        auto r = v.to<QVariantMap>();
        if (!r)
            return r.error();
        return QVariant(*r);
    }
    case Value::Type::Object:
        if (const QDateTime *d = v.object()->as<QDateTime>())
            return QVariant(*d);
        if (const QVariant *q = v.object()->as<QVariant>())
            return *q;
        return QVariant::fromValue(v);
    }
    return QVariant();
}

} // namespace mas
