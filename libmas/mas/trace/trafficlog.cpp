// SPDX-License-Identifier: MIT
#include "trafficlog.h"

#include <mas/codec/codec.h>
#include <mas/codec/message.h>

#include <QFile>
#include <QIODevice>
#include <QMetaEnum>
#include <QSaveFile>

#include <QHash>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

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

constexpr int kKindCount = int(TrafficEvent::Kind::ClockChanged) + 1;

/// The kinds' names as toJson() writes them (kindName()), looked up once.
const std::array<QByteArray, kKindCount> &kindNames()
{
    static const std::array<QByteArray, kKindCount> names = [] {
        std::array<QByteArray, kKindCount> n;
        for (int k = 0; k < kKindCount; ++k)
            n[size_t(k)] = TrafficEvent::kindName(TrafficEvent::Kind(k)).toLatin1();
        return n;
    }();
    return names;
}

/// The addresses and paths a log names again and again, decoded once and shared by the events
/// (as EventStore interns them): fewer allocations while reading, less memory held.
class StringCache
{
public:
    QString get(QByteArrayView latin1)
    {
        if (latin1.isEmpty())
            return {};
        const QByteArray key = QByteArray::fromRawData(latin1.data(), latin1.size());
        if (const auto it = m_strings.constFind(key); it != m_strings.constEnd())
            return *it;
        QString s = QString::fromLatin1(latin1);
        if (m_strings.size() < kMaxStrings)
            m_strings.insert(QByteArray(latin1.data(), latin1.size()), s);
        return s;
    }

private:
    static constexpr qsizetype kMaxStrings = 8192; ///< a log of unique strings does not grow it further
    QHash<QByteArray, QString> m_strings;
};

/// Reads a line as toJson() writes it straight into an event, without building the whole object
/// as a Value first: keys compared in place, numbers and plain strings converted directly, only
/// the content decoded by the JSON codec. Anything else it does not take on (an unknown key, a
/// string with escapes or beyond ASCII, a number of another type than the field's, NaN) makes
/// scan() return false, and the general parse decides: the same event, or the same error.
class EventScanner
{
public:
    EventScanner(QByteArrayView line, StringCache &strings)
        : m_p(line.data())
        , m_end(line.data() + line.size())
        , m_strings(strings)
    {}

    bool scan(TrafficEvent &e)
    {
        // What the general parse gives a missing field (a null Value's toInt(), toString(), ...).
        e.type = MessageType(0);
        e.requestId = 0;
        bool haveKind = false;
        quint64 originalId = 0;
        qint64 positions = 0;
        skipWhitespace();
        if (!take('{'))
            return false;
        for (;;) {
            skipWhitespace();
            QByteArrayView key;
            if (!plainString(key))
                return false;
            skipWhitespace();
            if (!take(':'))
                return false;
            skipWhitespace();
            bool ok = false;
            if (key == "seq") {
                ok = unsignedNumber(e.sequence);
            } else if (key == "kind") {
                QByteArrayView name;
                ok = plainString(name) && kindOf(name, e.kind);
                haveKind = haveKind || ok;
            } else if (key == "sim") {
                ok = doubleNumber(e.simTime);
            } else if (key == "wall") {
                ok = signedNumber(e.wallTimeMs);
            } else if (key == "msg") {
                ok = unsignedNumber(e.messageId);
            } else if (key == "orig") {
                ok = unsignedNumber(originalId);
            } else if (key == "conn") {
                ok = unsignedNumber(e.connection);
            } else if (key == "from") {
                ok = text(e.from);
            } else if (key == "to") {
                ok = text(e.to);
            } else if (key == "type") {
                qint64 type = 0;
                ok = signedNumber(type);
                e.type = MessageType(int(type));
            } else if (key == "rid") {
                ok = signedNumber(e.requestId);
            } else if (key == "path") {
                ok = text(e.path);
            } else if (key == "size") {
                qint64 size = 0;
                ok = signedNumber(size);
                e.size = qsizetype(size);
            } else if (key == "pos") {
                ok = signedNumber(positions);
            } else if (key == "raw") {
                ok = boolean(e.raw);
            } else if (key == "half") {
                ok = boolean(e.halfClose);
            } else if (key == "content") {
                Value decoded;
                ok = content(decoded);
                e.content = std::move(decoded);
            }
            if (!ok)
                return false;
            skipWhitespace();
            if (take(','))
                continue;
            if (!take('}'))
                return false;
            break;
        }
        skipWhitespace();
        if (m_p != m_end || !haveKind)
            return false;
        // "orig" and "pos" belong to one kind each, as toJson() writes them.
        e.originalId = e.kind == TrafficEvent::Kind::Duplicated ? originalId : 0;
        e.positions = e.kind == TrafficEvent::Kind::Delayed ? positions : 0;
        return true;
    }

private:
    void skipWhitespace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool take(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    /// A string of printable ASCII without escapes (its bytes between the quotes).
    bool plainString(QByteArrayView &out)
    {
        if (!take('"'))
            return false;
        const char *start = m_p;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                out = QByteArrayView(start, m_p - start);
                ++m_p;
                return true;
            }
            if (c == '\\' || c < 0x20 || c >= 0x80)
                return false;
            ++m_p;
        }
        return false;
    }

    bool text(QString &out)
    {
        QByteArrayView bytes;
        if (!plainString(bytes))
            return false;
        out = m_strings.get(bytes);
        return true;
    }

    static bool kindOf(QByteArrayView name, TrafficEvent::Kind &kind)
    {
        const auto &names = kindNames();
        for (int k = 0; k < kKindCount; ++k) {
            if (name == names[size_t(k)]) {
                kind = TrafficEvent::Kind(k);
                return true;
            }
        }
        return false;
    }

    /// An integer token as the codec reads one (-?(0|[1-9][0-9]*)); false for a float.
    bool integerToken(QByteArrayView &out)
    {
        const char *start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        const char *digits = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        if (m_p == digits || (*digits == '0' && m_p - digits > 1))
            return false;
        if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
            return false;
        out = QByteArrayView(start, m_p - start);
        return true;
    }

    /// Value::toInt() of an Int (a larger number is no Int: the general parse decides).
    bool signedNumber(qint64 &out)
    {
        QByteArrayView token;
        if (!integerToken(token))
            return false;
        const auto r = std::from_chars(token.data(), token.data() + token.size(), out);
        return r.ec == std::errc() && r.ptr == token.data() + token.size();
    }

    /// unsignedField(): an Int as its two's complement, or a UInt.
    bool unsignedNumber(quint64 &out)
    {
        QByteArrayView token;
        if (!integerToken(token))
            return false;
        const char *end = token.data() + token.size();
        qint64 i = 0;
        if (const auto r = std::from_chars(token.data(), end, i); r.ec == std::errc() && r.ptr == end) {
            out = quint64(i);
            return true;
        }
        const auto r = std::from_chars(token.data(), end, out);
        return token.front() != '-' && r.ec == std::errc() && r.ptr == end;
    }

    /// Value::toDouble() of an Int, a UInt or a Double (not NaN, infinities or huge numbers).
    bool doubleNumber(double &out)
    {
        const char *start = m_p;
        if (QByteArrayView token; integerToken(token)) {
            const char *end = token.data() + token.size();
            qint64 i = 0;
            if (const auto r = std::from_chars(token.data(), end, i); r.ec == std::errc() && r.ptr == end) {
                out = double(i);
                return true;
            }
            quint64 u = 0;
            if (const auto r = std::from_chars(token.data(), end, u); token.front() != '-' && r.ec == std::errc() && r.ptr == end) {
                out = double(u);
                return true;
            }
            return false;
        }
        // A float: -?digits(.digits)?([eE][+-]?digits)?, as the codec checks it.
        m_p = start;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        const char *digits = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        if (m_p == digits || (*digits == '0' && m_p - digits > 1))
            return false;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            const char *fraction = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            if (m_p == fraction)
                return false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            const char *exponent = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            if (m_p == exponent)
                return false;
        }
        const auto r = std::from_chars(start, m_p, out);
        return r.ec == std::errc() && r.ptr == m_p;
    }

    /// Value::toBool() of a Bool.
    bool boolean(bool &out)
    {
        if (m_end - m_p >= 4 && std::memcmp(m_p, "true", 4) == 0) {
            m_p += 4;
            out = true;
            return true;
        }
        if (m_end - m_p >= 5 && std::memcmp(m_p, "false", 5) == 0) {
            m_p += 5;
            out = false;
            return true;
        }
        return false;
    }

    /// The content: its extent found here, its bytes decoded by the codec (which checks them).
    bool content(Value &out)
    {
        if (m_end - m_p >= 4 && std::memcmp(m_p, "null", 4) == 0) {
            m_p += 4;
            out = Value();
            return true;
        }
        if (m_p == m_end)
            return false;
        const char *start = m_p;
        int deepest = 0;
        if (*m_p == '"') {
            if (!skipString())
                return false;
        } else if (*m_p == '[' || *m_p == '{') {
            int depth = 0;
            do {
                const char c = *m_p;
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                if (c == '[' || c == '{')
                    deepest = std::max(deepest, ++depth);
                else if (c == ']' || c == '}')
                    --depth;
                ++m_p;
            } while (depth > 0 && m_p < m_end);
            if (depth != 0)
                return false;
        } else {
            while (m_p < m_end && *m_p != ',' && *m_p != '}' && *m_p != ' ')
                ++m_p;
        }
        // Inside the event's object the content nests one level deeper than on its own: what is
        // near the codec's limit is left to the general parse.
        if (deepest >= CodecLimits().maxDepth - 1)
            return false;
        const QByteArrayView bytes(start, m_p - start);
        Result<Value> v = jsonCodec().decodeStructural(bytes);
        if (!v)
            return false;
        // Only a map written for bytes ({"$bytes": ...}, perhaps with escapes) needs converting.
        if (bytes.contains('\\') || bytes.contains(QByteArrayView("bytes")))
            out = fromJsonForm(*v);
        else
            out = std::move(*v);
        return true;
    }

    bool skipString()
    {
        ++m_p; // the opening quote
        while (m_p < m_end && *m_p != '"')
            m_p += *m_p == '\\' ? 2 : 1;
        if (m_p >= m_end)
            return false;
        ++m_p;
        return true;
    }

    const char *m_p;
    const char *m_end;
    StringCache &m_strings;
};

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
    put("content", toJsonForm(content.get()));
    return jsonCodec().encodeValue(Value(std::move(m))).valueOr(QByteArray("{}"));
}

namespace {

Result<TrafficEvent> parseEvent(QByteArrayView line, StringCache &strings)
{
    TrafficEvent e;
    if (EventScanner(line, strings).scan(e))
        return e;
    return TrafficEvent::fromJsonGeneral(line);
}

} // namespace

Result<TrafficEvent> TrafficEvent::fromJson(QByteArrayView line)
{
    StringCache strings;
    return parseEvent(line, strings);
}

Result<TrafficEvent> TrafficEvent::fromJsonGeneral(QByteArrayView line)
{
    MAS_TRY(v, jsonCodec().decodeStructural(line));
    if (!v.isMap())
        return Error(ErrorCode::InvalidMessage, mas::tr("An event must be a JSON object"));
    TrafficEvent e;
    const QString kind = v.value(u"kind").toString();
    bool known = false;
    const auto &names = kindNames();
    for (int k = 0; k < kKindCount; ++k) {
        if (kind == QLatin1StringView(names[size_t(k)])) {
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
    StringCache strings;
    int lineNumber = 0;
    const auto readLine = [&](QByteArrayView line) -> Result<void> {
        line = line.trimmed();
        ++lineNumber;
        if (line.isEmpty())
            return {};
        // A session file's header line (see mas::demos::Session) is not an event: an object with
        // a top-level "mas-session" key (an event's content may hold that key too).
        if (lineNumber == 1 && line.contains(QByteArrayView("\"mas-session\""))) {
            const Result<Value> head = jsonCodec().decodeStructural(line);
            if (head && head->isMap() && head->contains(u"mas-session"))
                return {};
        }
        Result<TrafficEvent> e = parseEvent(line, strings);
        if (!e)
            return e.error().withContext(mas::tr("line %1").arg(lineNumber));
        log.append(std::move(*e));
        return {};
    };
    // Blocks of lines, not a line at a time: one read and no allocation per line.
    constexpr qint64 kBlock = 1 << 20;
    QByteArray buffer;
    qsizetype begin = 0; // the first byte not read yet
    bool reserved = false;
    while (!device->atEnd()) {
        const QByteArray more = device->read(kBlock);
        if (more.isEmpty())
            break;
        buffer.remove(0, begin);
        begin = 0;
        buffer += more;
        for (qsizetype newline; (newline = buffer.indexOf('\n', begin)) >= 0; begin = newline + 1)
            MAS_TRY_VOID(readLine(QByteArrayView(buffer).sliced(begin, newline - begin)));
        if (!reserved && !device->isSequential() && device->size() > begin && begin > 0) {
            // As many events as lines of this length fit in the file, and a little more.
            reserved = true;
            const double perLine = double(begin) / std::max(1, lineNumber);
            log.m_events.reserve(size_t(double(device->size()) / perLine * 1.05) + 16);
        }
    }
    if (begin < buffer.size())
        MAS_TRY_VOID(readLine(QByteArrayView(buffer).sliced(begin)));
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
