// SPDX-License-Identifier: MIT
#include "trafficlog.h"

#include <mas/codec/codec.h>
#include <mas/codec/message.h>

#include <QFile>
#include <QIODevice>
#include <QMetaEnum>
#include <QSaveFile>

#include <cmath>

namespace mas {

namespace {

const Codec &jsonCodec()
{
    static const std::unique_ptr<Codec> codec = Codec::create(u"json").value();
    return *codec;
}

/// JSON has no bytes: they are written as {"$bytes": "<hex>"}, as the interop transcripts do.
Value toJsonForm(const Value &v)
{
    if (v.isBytes())
        return Value::map({{Value(QStringLiteral("$bytes")), Value(QString::fromLatin1(v.toBytes().toHex()))}});
    if (v.isList()) {
        Value::List out;
        out.reserve(v.asList().size());
        for (const Value &item : v.asList())
            out.push_back(toJsonForm(item));
        return Value(std::move(out));
    }
    if (v.isMap()) {
        Value::Map out;
        out.reserve(v.asMap().size());
        for (const auto &[key, value] : v.asMap())
            out.emplace_back(key.isString() ? key : Value(key.toDisplayString(80)), toJsonForm(value));
        return Value(std::move(out));
    }
    if (v.isObject())
        return Value(v.toDisplayString(200));
    return v;
}

Value fromJsonForm(const Value &v)
{
    if (v.isMap() && v.size() == 1) {
        if (const Value *hex = v.find(u"$bytes"); hex && hex->isString())
            return Value::bytes(QByteArray::fromHex(hex->toString().toLatin1()));
    }
    if (v.isList()) {
        Value::List out;
        for (const Value &item : v.asList())
            out.push_back(fromJsonForm(item));
        return Value(std::move(out));
    }
    if (v.isMap()) {
        Value::Map out;
        for (const auto &[key, value] : v.asMap())
            out.emplace_back(key, fromJsonForm(value));
        return Value(std::move(out));
    }
    return v;
}

/// An unsigned field: toJson() writes values above INT64_MAX as UInt, the rest as Int.
quint64 unsignedField(const Value &v)
{
    return v.type() == Value::Type::UInt ? v.toUInt() : quint64(v.toInt());
}

} // namespace

QString TrafficEvent::kindName(Kind kind)
{
    return QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(int(kind))).toLower();
}

QByteArray TrafficEvent::toJson() const
{
    Value::Map m;
    const auto put = [&m](const char *key, Value v) { m.emplace_back(Value(QString::fromLatin1(key)), std::move(v)); };
    put("seq", Value(sequence));
    put("kind", Value(kindName(kind)));
    put("sim", Value(simTime));
    put("wall", Value(wallTimeMs));
    put("msg", Value(messageId));
    if (kind == Kind::Duplicated)
        put("orig", Value(originalId));
    put("conn", Value(connection));
    put("from", Value(from));
    put("to", Value(to));
    put("type", Value(int(type)));
    put("rid", Value(requestId));
    put("path", Value(path));
    put("size", Value(qint64(size)));
    if (kind == Kind::Delayed)
        put("pos", Value(positions));
    // written only when set: logs without raw bytes or half-closes stay as they were
    if (raw)
        put("raw", Value(true));
    if (halfClose)
        put("half", Value(true));
    put("content", toJsonForm(content));
    return jsonCodec().encodeValue(Value(std::move(m))).valueOr(QByteArray("{}"));
}

Result<TrafficEvent> TrafficEvent::fromJson(QByteArrayView line)
{
    MAS_TRY(v, jsonCodec().decodeStructural(line));
    if (!v.isMap())
        return Error(ErrorCode::InvalidMessage, mas::tr("An event must be a JSON object"));
    TrafficEvent e;
    const QString kind = v.value(u"kind").toString();
    bool known = false;
    for (int k = 0; k <= int(Kind::ClockChanged); ++k) {
        if (kindName(Kind(k)) == kind) {
            e.kind = Kind(k);
            known = true;
        }
    }
    if (!known)
        return Error(ErrorCode::InvalidMessage, mas::tr("Unknown event kind \"%1\"").arg(kind));
    e.sequence = unsignedField(v.value(u"seq"));
    e.simTime = v.value(u"sim").toDouble();
    e.wallTimeMs = v.value(u"wall").toInt();
    e.messageId = unsignedField(v.value(u"msg"));
    // "orig" and "pos" belong to one kind each, as toJson() writes them.
    e.originalId = e.kind == Kind::Duplicated ? unsignedField(v.value(u"orig")) : 0;
    e.connection = unsignedField(v.value(u"conn"));
    e.from = v.value(u"from").toString();
    e.to = v.value(u"to").toString();
    e.type = MessageType(v.value(u"type").toInt());
    e.requestId = v.value(u"rid").toInt();
    e.path = v.value(u"path").toString();
    e.size = qsizetype(v.value(u"size").toInt());
    e.positions = e.kind == Kind::Delayed ? v.value(u"pos").toInt() : 0;
    e.raw = v.value(u"raw").toBool();
    e.halfClose = v.value(u"half").toBool();
    e.content = fromJsonForm(v.value(u"content"));
    return e;
}

bool TrafficEvent::sameAs(const TrafficEvent &o) const
{
    // NaN times (a log may hold them) equal each other, as NaN values do in Value.
    const bool sameTime = simTime == o.simTime || (std::isnan(simTime) && std::isnan(o.simTime));
    return sequence == o.sequence && kind == o.kind && sameTime && messageId == o.messageId
           && originalId == o.originalId && connection == o.connection && from == o.from && to == o.to
           && type == o.type && requestId == o.requestId && path == o.path && size == o.size
           && positions == o.positions && raw == o.raw && halfClose == o.halfClose && content == o.content;
}

QString TrafficEvent::toDisplayString() const
{
    QString text = QStringLiteral("#%1 t=%2 %3").arg(sequence).arg(simTime).arg(kindName(kind));
    switch (kind) {
    case Kind::Connected:
    case Kind::Closed:
        return text + QStringLiteral("%1 connection %2 %3 -> %4")
                          .arg(halfClose ? QStringLiteral(" (write side)") : QString())
                          .arg(connection)
                          .arg(from, to);
    case Kind::ClockChanged:
        return text;
    default:
        break;
    }
    text += QStringLiteral(" %1 %2").arg(raw ? QStringLiteral("raw") : messageTypeName(type)).arg(messageId);
    if (!path.isEmpty())
        text += u' ' + path;
    return text + QStringLiteral(" %1 -> %2").arg(from, to);
}

Result<void> TrafficLog::write(QIODevice *device) const
{
    for (const TrafficEvent &e : m_events) {
        QByteArray line = e.toJson();
        line += '\n';
        if (device->write(line) != line.size())
            return Error(ErrorCode::InvalidArgument, mas::tr("Cannot write the event log: %1").arg(device->errorString()));
    }
    return {};
}

Result<void> TrafficLog::save(const QString &fileName) const
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::InvalidArgument, mas::tr("Cannot write %1: %2").arg(fileName, file.errorString()));
    MAS_TRY_VOID(write(&file));
    if (!file.commit())
        return Error(ErrorCode::InvalidArgument, mas::tr("Cannot write %1: %2").arg(fileName, file.errorString()));
    return {};
}

Result<TrafficLog> TrafficLog::read(QIODevice *device)
{
    TrafficLog log;
    int lineNumber = 0;
    while (!device->atEnd()) {
        const QByteArray line = device->readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        // A session file's header line (see mas::demos::Session) is not an event: an object with
        // a top-level "mas-session" key (an event's content may hold that key too).
        if (lineNumber == 1 && line.contains("\"mas-session\"")) {
            const Result<Value> head = jsonCodec().decodeStructural(line);
            if (head && head->isMap() && head->contains(u"mas-session"))
                continue;
        }
        Result<TrafficEvent> e = TrafficEvent::fromJson(line);
        if (!e)
            return e.error().withContext(mas::tr("line %1").arg(lineNumber));
        log.append(std::move(*e));
    }
    return log;
}

Result<TrafficLog> TrafficLog::load(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidArgument, mas::tr("Cannot read %1: %2").arg(fileName, file.errorString()));
    return read(&file);
}

std::optional<qsizetype> TrafficLog::firstDifference(const TrafficLog &a, const TrafficLog &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (!a.m_events[size_t(i)].sameAs(b.m_events[size_t(i)]))
            return i;
    }
    if (a.size() != b.size())
        return n;
    return std::nullopt;
}

bool TrafficEvent::isAction() const
{
    switch (kind) {
    case Kind::Delivered:
    case Kind::Dropped:
    case Kind::Duplicated:
    case Kind::Delayed:
    case Kind::ClockChanged:
        return true;
    default:
        return false;
    }
}

std::vector<TrafficEvent> TrafficLog::schedule() const
{
    std::vector<TrafficEvent> result;
    for (const TrafficEvent &e : m_events) {
        if (e.isAction())
            result.push_back(e);
    }
    return result;
}

} // namespace mas
