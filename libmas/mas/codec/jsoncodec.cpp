// SPDX-License-Identifier: MIT
#include "jsoncodec.h"

#include "mas/core/logging_p.h"
#include "codecfailure_p.h"
#include "envelope_p.h"
#include "utf8_p.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <vector>

// Hand-written because Python's exact output format (separators, ASCII escaping, repr floats,
// unbounded ints, insertion order, NaN tokens) is the contract and no JSON library we could use
// (QJsonDocument sorts keys and formats numbers its own way) reproduces it.

namespace mas {

namespace {

constexpr char kHex[] = "0123456789abcdef";

/// Where the writer's bytes go: a small buffer first, moved into the QByteArray when it is full
/// and by finish(). (The writer appends a few bytes at a time; each QByteArray::append() costs
/// about a hundred instructions, a copy into the buffer a few.)
class Sink
{
public:
    explicit Sink(QByteArray &out)
        : m_out(out)
    {}

    void append(char c)
    {
        if (m_used == kSize)
            flush();
        m_buffer[m_used++] = c;
    }
    void append(const char *bytes, qsizetype n)
    {
        if (n > kSize - m_used) {
            flush();
            if (n > kSize) {
                m_out.append(bytes, n);
                return;
            }
        }
        std::memcpy(m_buffer + m_used, bytes, size_t(n));
        m_used += n;
    }
    void append(const QByteArray &bytes) { append(bytes.constData(), bytes.size()); }
    /// UTF-16 units that are all printable ASCII, one byte each.
    void appendAscii(const char16_t *units, qsizetype n)
    {
        while (n > 0) {
            if (m_used == kSize)
                flush();
            const qsizetype chunk = std::min(n, kSize - m_used);
            for (qsizetype i = 0; i < chunk; ++i)
                m_buffer[m_used + i] = char(units[i]);
            m_used += chunk;
            units += chunk;
            n -= chunk;
        }
    }
    void flush()
    {
        if (m_used > 0)
            m_out.append(m_buffer, m_used);
        m_used = 0;
    }

private:
    static constexpr qsizetype kSize = 256;
    QByteArray &m_out;
    qsizetype m_used = 0;
    char m_buffer[kSize];
};

class Writer : public detail::CodecFailure
{
public:
    Writer(QByteArray &out, const SerializerRegistry *serializers, const CodecLimits &limits)
        : m_out(out)
        , m_serializers(serializers)
        , m_limits(limits)
    {}

    bool write(const Value &v, int depth)
    {
        switch (v.type()) {
        case Value::Type::Null:
            m_out.append("null", 4);
            return true;
        case Value::Type::Bool:
            if (v.toBool())
                m_out.append("true", 4);
            else
                m_out.append("false", 5);
            return true;
        case Value::Type::Int:
            appendInt(v.toInt());
            return true;
        case Value::Type::UInt:
            appendUInt(v.toUInt());
            return true;
        case Value::Type::BigInt:
            m_out.append(v.bigInt()->digits);
            return true;
        case Value::Type::Double:
            m_out.append(JsonCodec::formatDouble(v.toDouble()));
            return true;
        case Value::Type::String:
            writeString(v.stringRef());
            return true;
        case Value::Type::Bytes:
            // JSON has no bytes; as in aiomas, only a serializer registered for them helps.
            return writeCustom(CustomObject::make(v.toBytes()), depth, QStringLiteral("bytes"));
        case Value::Type::List: {
            if (depth >= m_limits.maxDepth)
                return tooDeep();
            m_out.append('[');
            bool first = true;
            for (const Value &item : v.asList()) {
                if (!first)
                    m_out.append(", ", 2);
                first = false;
                if (!write(item, depth + 1))
                    return false;
            }
            m_out.append(']');
            return true;
        }
        case Value::Type::Map: {
            if (depth >= m_limits.maxDepth)
                return tooDeep();
            m_out.append('{');
            bool first = true;
            for (const auto &[key, item] : v.asMap()) {
                if (!first)
                    m_out.append(", ", 2);
                first = false;
                if (!writeKey(key))
                    return false;
                m_out.append(": ", 2);
                if (!write(item, depth + 1))
                    return false;
            }
            m_out.append('}');
            return true;
        }
        case Value::Type::Object:
            return writeCustom(*v.object(), depth, QString());
        }
        return true;
    }

    /// Moves what is buffered into the output (call before using the output).
    void finish() { m_out.flush(); }

    Result<void> writeEnvelope(const Message &message)
    {
        m_out.append('[');
        appendInt(int(message.type));
        m_out.append(", ", 2);
        appendUInt(message.id);
        m_out.append(", ", 2);
        if (!write(message.content, 1))
            return takeError();
        m_out.append(']');
        return {};
    }

private:
    bool tooDeep() { return valueTooDeep(m_limits.maxDepth); }

    bool writeCustom(const CustomObject &object, int depth, const QString &displayName)
    {
        if (!m_serializers || (!displayName.isEmpty() && !m_serializers->contains(object.type())))
            return fail(Error(ErrorCode::SerializationError,
                              mas::tr("No serializer found for type \"%1\"")
                                  .arg(displayName.isEmpty() ? object.typeName() : displayName)));
        if (depth + 2 > m_limits.maxDepth)
            return tooDeep();
        auto r = m_serializers->serialize(object);
        if (!r)
            return fail(r.error());
        m_out.append("{\"__type__\": [", 14);
        appendInt(r->first);
        m_out.append(", ", 2);
        if (!write(r->second, depth + 2))
            return false;
        m_out.append("]}", 2);
        return true;
    }

    bool writeKey(const Value &key)
    {
        // Python's json coerces non-string keys to strings.
        switch (key.type()) {
        case Value::Type::String:
            writeString(key.stringRef());
            return true;
        case Value::Type::Null:
        case Value::Type::Bool:
        case Value::Type::Int:
        case Value::Type::UInt:
        case Value::Type::BigInt:
        case Value::Type::Double:
            m_out.append('"');
            if (!write(key, 0))
                return false;
            m_out.append('"');
            return true;
        default:
            return fail(Error(ErrorCode::SerializationError,
                              mas::tr("JSON keys must be str, int, float, bool or None, not %1")
                                  .arg(key.typeName())));
        }
    }

    void appendInt(qint64 n)
    {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, n);
        m_out.append(buf, r.ptr - buf);
    }
    void appendUInt(quint64 n)
    {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, n);
        m_out.append(buf, r.ptr - buf);
    }

    void writeString(QStringView s)
    {
        m_out.append('"');
        const char16_t *p = s.utf16();
        const char16_t *end = p + s.size();
        while (p < end) {
            // Copy the longest run of characters that need no escaping in one go.
            const char16_t *run = p;
            while (p < end && *p >= 0x20 && *p <= 0x7e && *p != u'"' && *p != u'\\')
                ++p;
            if (p > run)
                m_out.appendAscii(run, p - run);
            if (p == end)
                break;
            const char16_t c = *p++;
            switch (c) {
            case u'"':
                m_out.append("\\\"", 2);
                break;
            case u'\\':
                m_out.append("\\\\", 2);
                break;
            case u'\n':
                m_out.append("\\n", 2);
                break;
            case u'\r':
                m_out.append("\\r", 2);
                break;
            case u'\t':
                m_out.append("\\t", 2);
                break;
            case u'\b':
                m_out.append("\\b", 2);
                break;
            case u'\f':
                m_out.append("\\f", 2);
                break;
            default: {
                // Everything else outside printable ASCII, UTF-16 unit by unit (so astral
                // characters become surrogate pairs), lower-case hex as Python.
                const char esc[6] = {'\\', 'u', kHex[(c >> 12) & 0xF], kHex[(c >> 8) & 0xF],
                                     kHex[(c >> 4) & 0xF], kHex[c & 0xF]};
                m_out.append(esc, 6);
            }
            }
        }
        m_out.append('"');
    }

    Sink m_out;
    const SerializerRegistry *m_serializers;
    const CodecLimits &m_limits;
};

/// Lists of up to this many items are gathered on the scratch stack (see parseArray()).
constexpr std::size_t kGatheredItems = 32;

/// The scratch stack of this thread's readers (kept between payloads, so that it is not
/// allocated for each one).
std::vector<Value> &scratch()
{
    thread_local std::vector<Value> items;
    return items;
}

class Reader : public detail::CodecFailure
{
public:
    Reader(QByteArrayView bytes, const CodecLimits &limits)
        : m_begin(bytes.data())
        , m_p(bytes.data())
        , m_end(bytes.data() + bytes.size())
        , m_limits(limits)
        , m_scratch(scratch())
        , m_scratchBase(m_scratch.size())
    {}

    ~Reader()
    {
        // What an error left on the stack goes; a stack that grew large is given back.
        std::vector<Value> &items = m_scratch;
        items.erase(items.begin() + qsizetype(m_scratchBase), items.end());
        if (m_scratchBase == 0 && items.capacity() > 16 * kGatheredItems)
            std::vector<Value>().swap(items);
    }

    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    Result<Value> parseDocument()
    {
        skipWhitespace();
        Value v;
        if (!parseValue(v, 0))
            return takeError();
        skipWhitespace();
        if (m_p != m_end)
            return error(mas::tr("extra data after the value"));
        return v;
    }

    /// [type, id, content] straight into a Message, as parseDocument() and
    /// Message::fromValue() would accept it; false for anything else (no error reported: the
    /// caller then takes the general way).
    bool parseEnvelope(Message &out)
    {
        skipWhitespace();
        if (m_p == m_end || *m_p != '[' || m_limits.maxDepth <= 0 || !countElement())
            return false;
        ++m_p; // '[', counted as parseValue() counts a list
        quint64 type = 0;
        quint64 id = 0;
        if (!parseIndex(type, ',') || type > 2 || !parseIndex(id, ',') || !parseItem(out.content, ']'))
            return false;
        skipWhitespace();
        if (m_p != m_end)
            return false;
        out.type = MessageType(type);
        out.id = id;
        return true;
    }

    bool sawTypeTag = false;

private:
    /// One item of the envelope and the separator after it.
    bool parseItem(Value &out, char separator)
    {
        skipWhitespace();
        if (!parseValue(out, 1))
            return false;
        skipWhitespace();
        if (m_p == m_end || *m_p != separator)
            return false;
        ++m_p;
        return true;
    }

    /// The type or id of the envelope: digits only (no sign, fraction, exponent or leading
    /// zero) of a value up to 2^64 - 1, counted as parseValue() counts it, and the separator
    /// after it. Anything else is false: the general way then reads the payload (and accepts
    /// it or says what is wrong).
    bool parseIndex(quint64 &out, char separator)
    {
        skipWhitespace();
        if (m_p == m_end || *m_p < '0' || *m_p > '9' || !countElement())
            return false;
        quint64 value = 0;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
                const auto digit = quint64(*m_p - '0');
                if (value > (std::numeric_limits<quint64>::max() - digit) / 10)
                    return false;
                value = value * 10 + digit;
                ++m_p;
            }
        }
        skipWhitespace(); // a fraction, an exponent or a digit after a leading zero: no separator
        if (m_p == m_end || *m_p != separator)
            return false;
        ++m_p;
        out = value;
        return true;
    }

    Error error(const QString &what) const
    {
        return Error(ErrorCode::InvalidJson,
                     mas::tr("Invalid JSON at byte %1: %2").arg(m_p - m_begin).arg(what));
    }

    void skipWhitespace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool consume(const char *literal, qsizetype n)
    {
        if (m_end - m_p >= n && std::memcmp(m_p, literal, size_t(n)) == 0) {
            m_p += n;
            return true;
        }
        return false;
    }

    bool countElement()
    {
        if (++m_elements > m_limits.maxElements)
            return fail(Error(ErrorCode::TooManyElements,
                              mas::tr("The payload holds more than %1 elements").arg(m_limits.maxElements)));
        return true;
    }

    bool parseValue(Value &out, int depth)
    {
        if (m_p == m_end)
            return fail(error(mas::tr("unexpected end of data, expected a value")));
        if (!countElement())
            return false;
        switch (*m_p) {
        case '{':
            return parseObject(out, depth);
        case '[':
            return parseArray(out, depth);
        case '"': {
            QString s;
            if (!parseString(s))
                return false;
            out = Value(std::move(s));
            return true;
        }
        case 't':
            if (consume("true", 4)) {
                out = Value(true);
                return true;
            }
            break;
        case 'f':
            if (consume("false", 5)) {
                out = Value(false);
                return true;
            }
            break;
        case 'n':
            if (consume("null", 4)) {
                out = Value();
                return true;
            }
            break;
        case 'N':
            if (consume("NaN", 3)) {
                out = Value(std::nan(""));
                return true;
            }
            break;
        case 'I':
            if (consume("Infinity", 8)) {
                out = Value(HUGE_VAL);
                return true;
            }
            break;
        case '-':
            if (consume("-Infinity", 9)) {
                out = Value(-HUGE_VAL);
                return true;
            }
            return parseNumber(out);
        default:
            if (*m_p >= '0' && *m_p <= '9')
                return parseNumber(out);
            break;
        }
        return fail(error(mas::tr("unexpected character '%1'").arg(printable(*m_p))));
    }

    static QString printable(char c)
    {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x7f ? QString(QLatin1Char(c))
                                     : QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }

    bool parseArray(Value &out, int depth)
    {
        if (depth >= m_limits.maxDepth)
            return fail(Error(ErrorCode::NestingTooDeep,
                              mas::tr("The payload nests deeper than %1 levels").arg(m_limits.maxDepth)));
        ++m_p; // '['
        Value::List list;
        skipWhitespace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            out = Value(std::move(list));
            return true;
        }
        // The items of short lists gather on a stack that all levels share, and then move into a
        // list of exactly their number (one allocation instead of one per doubling); a longer
        // list goes on in a vector of its own.
        std::vector<Value> &items = m_scratch;
        const std::size_t mark = items.size();
        for (;;) {
            skipWhitespace();
            Value item;
            if (!parseValue(item, depth + 1))
                return false;
            if (!list.empty()) {
                list.push_back(std::move(item));
            } else if (items.size() - mark < kGatheredItems) {
                items.push_back(std::move(item));
            } else {
                list.reserve(2 * kGatheredItems);
                list.assign(std::make_move_iterator(items.begin() + qsizetype(mark)),
                            std::make_move_iterator(items.end()));
                items.erase(items.begin() + qsizetype(mark), items.end());
                list.push_back(std::move(item));
            }
            skipWhitespace();
            if (m_p == m_end)
                return fail(error(mas::tr("unexpected end of data in a list")));
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == ']') {
                ++m_p;
                break;
            }
            return fail(error(mas::tr("expected ',' or ']'")));
        }
        if (list.empty()) {
            list.assign(std::make_move_iterator(items.begin() + qsizetype(mark)), std::make_move_iterator(items.end()));
            items.erase(items.begin() + qsizetype(mark), items.end());
        }
        out = Value(std::move(list));
        return true;
    }

    bool parseObject(Value &out, int depth)
    {
        if (depth >= m_limits.maxDepth)
            return fail(Error(ErrorCode::NestingTooDeep,
                              mas::tr("The payload nests deeper than %1 levels").arg(m_limits.maxDepth)));
        ++m_p; // '{'
        Value::Map map;
        QHash<QString, size_t> index; // only for large objects, to keep duplicate handling O(n)
        skipWhitespace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            out = Value(std::move(map));
            return true;
        }
        for (;;) {
            skipWhitespace();
            if (m_p == m_end || *m_p != '"')
                return fail(error(mas::tr("expected a string key")));
            QString key;
            if (!parseString(key))
                return false;
            if (!countElement())
                return false;
            if (key == u"__type__")
                sawTypeTag = true;
            skipWhitespace();
            if (m_p == m_end || *m_p != ':')
                return fail(error(mas::tr("expected ':' after a key")));
            ++m_p;
            skipWhitespace();
            Value item;
            if (!parseValue(item, depth + 1))
                return false;
            // A repeated key keeps its first position and takes the last value, as a Python dict.
            size_t existing = map.size();
            if (map.size() < 16) {
                for (size_t i = 0; i < map.size(); ++i) {
                    if (map[i].first.stringRef() == key) {
                        existing = i;
                        break;
                    }
                }
            } else {
                if (index.isEmpty()) {
                    for (size_t i = 0; i < map.size(); ++i)
                        index.insert(map[i].first.stringRef(), i);
                }
                existing = index.value(key, map.size());
                if (existing == map.size())
                    index.insert(key, map.size());
            }
            if (existing < map.size())
                map[existing].second = std::move(item);
            else
                map.emplace_back(Value(std::move(key)), std::move(item));
            skipWhitespace();
            if (m_p == m_end)
                return fail(error(mas::tr("unexpected end of data in an object")));
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                break;
            }
            return fail(error(mas::tr("expected ',' or '}'")));
        }
        out = Value(std::move(map));
        return true;
    }

    static int hexDigit(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool parseString(QString &out)
    {
        ++m_p; // opening quote
        for (;;) {
            const char *run = m_p;
            while (m_p < m_end) {
                const auto c = static_cast<unsigned char>(*m_p);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++m_p;
            }
            if (m_p > run) {
                if (out.isEmpty() && m_p < m_end && *m_p == '"') {
                    // The whole string is one ASCII run (names, paths, most texts): made at its
                    // size in one step, instead of grown by append() (a few times the work).
                    out = QString::fromLatin1(run, m_p - run);
                    ++m_p;
                    return true;
                }
                out.append(QLatin1StringView(run, m_p - run));
            }
            if (m_p == m_end)
                return fail(error(mas::tr("unterminated string")));
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return fail(error(mas::tr("invalid control character in a string")));
            if (c >= 0x80) {
                char32_t cp;
                const int len = detail::decodeUtf8Char(reinterpret_cast<const unsigned char *>(m_p),
                                                       reinterpret_cast<const unsigned char *>(m_end),
                                                       cp);
                if (len == 0)
                    return fail(error(mas::tr("invalid UTF-8")));
                detail::appendCodePoint(out, cp);
                m_p += len;
                continue;
            }
            // backslash escape
            ++m_p;
            if (m_p == m_end)
                return fail(error(mas::tr("unterminated string")));
            switch (*m_p++) {
            case '"':
                out.append(u'"');
                break;
            case '\\':
                out.append(u'\\');
                break;
            case '/':
                out.append(u'/');
                break;
            case 'b':
                out.append(u'\b');
                break;
            case 'f':
                out.append(u'\f');
                break;
            case 'n':
                out.append(u'\n');
                break;
            case 'r':
                out.append(u'\r');
                break;
            case 't':
                out.append(u'\t');
                break;
            case 'u': {
                if (m_end - m_p < 4)
                    return fail(error(mas::tr("truncated \\u escape")));
                int unit = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexDigit(m_p[i]);
                    if (h < 0)
                        return fail(error(mas::tr("invalid \\u escape")));
                    unit = unit * 16 + h;
                }
                m_p += 4;
                // UTF-16 units are appended as they come: a surrogate pair in two escapes
                // forms one character, a lone surrogate stays (Python allows both).
                out.append(QChar(char16_t(unit)));
                break;
            }
            default:
                --m_p;
                return fail(error(mas::tr("invalid escape")));
            }
        }
    }

    bool parseNumber(Value &out)
    {
        const char *start = m_p;
        const bool negative = *m_p == '-';
        if (negative)
            ++m_p;
        if (m_p == m_end || *m_p < '0' || *m_p > '9')
            return fail(error(mas::tr("invalid number")));
        // An integer of up to 18 digits (most numbers on the wire) is summed as it is read.
        quint64 magnitude = 0;
        const char *digits = m_p;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                magnitude = magnitude * 10 + quint64(*m_p++ - '0'); // wraps past 19 digits: not used then
        }
        if (m_p - digits <= 18 && (m_p == m_end || (*m_p != '.' && *m_p != 'e' && *m_p != 'E'))) {
            out = Value(negative ? -qint64(magnitude) : qint64(magnitude));
            return true;
        }
        bool isFloat = false;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || *m_p < '0' || *m_p > '9')
                return fail(error(mas::tr("invalid number")));
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            isFloat = true;
        }
        const char *exponent = nullptr;
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            exponent = m_p;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || *m_p < '0' || *m_p > '9')
                return fail(error(mas::tr("invalid number")));
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            isFloat = true;
        }
        if (isFloat) {
            double d = 0;
            const auto r = std::from_chars(start, m_p, d);
            if (r.ec == std::errc::result_out_of_range) {
                // Python gives inf for huge and 0.0 for tiny magnitudes.
                const bool tiny = exponent && exponent[1] == '-';
                d = tiny ? 0.0 : HUGE_VAL;
                if (*start == '-')
                    d = -d;
            } else if (r.ec != std::errc() || r.ptr != m_p) {
                return fail(error(mas::tr("invalid number")));
            }
            out = Value(d);
            return true;
        }
        qint64 i = 0;
        if (std::from_chars(start, m_p, i).ec == std::errc()) {
            out = Value(i);
            return true;
        }
        quint64 u = 0;
        if (*start != '-' && std::from_chars(start, m_p, u).ec == std::errc()) {
            out = Value(u);
            return true;
        }
        out = Value(BigInt{QByteArray(start, m_p - start)});
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    const CodecLimits &m_limits;
    std::vector<Value> &m_scratch; ///< scratch(), looked up once (a thread-local costs a call from a library)
    std::size_t m_scratchBase; ///< where this reader's part of scratch() begins
    qsizetype m_elements = 0;
};

} // namespace

QByteArray JsonCodec::formatDouble(double d)
{
    if (std::isnan(d))
        return QByteArrayLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("-Infinity");
    if (d == 0)
        return std::signbit(d) ? QByteArrayLiteral("-0.0") : QByteArrayLiteral("0.0");

    // Shortest round-trip digits, then laid out the way Python's float repr does.
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const char *p = buf;
    QByteArray out;
    if (*p == '-') {
        out.append('-');
        ++p;
    }
    char digits[32];
    int ndigits = 0;
    while (p < r.ptr && *p != 'e') {
        if (*p != '.')
            digits[ndigits++] = *p;
        ++p;
    }
    int exp10 = 0;
    std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), r.ptr, exp10);
    const int decpt = exp10 + 1; // value = 0.DIGITS * 10^decpt

    if (decpt <= -4 || decpt > 16) {
        out.append(digits[0]);
        if (ndigits > 1) {
            out.append('.');
            out.append(digits + 1, ndigits - 1);
        }
        out.append('e');
        out.append(exp10 < 0 ? '-' : '+');
        const int e = exp10 < 0 ? -exp10 : exp10;
        if (e < 10)
            out.append('0');
        out.append(QByteArray::number(e));
    } else if (decpt <= 0) {
        out.append("0.");
        out.append(QByteArray(-decpt, '0'));
        out.append(digits, ndigits);
    } else if (decpt >= ndigits) {
        out.append(digits, ndigits);
        out.append(QByteArray(decpt - ndigits, '0'));
        out.append(".0");
    } else {
        out.append(digits, decpt);
        out.append('.');
        out.append(digits + decpt, ndigits - decpt);
    }
    return out;
}

Result<QByteArray> JsonCodec::write(const Value &value,
                                    const SerializerRegistry *serializers,
                                    const CodecLimits &limits)
{
    QByteArray out;
    out.reserve(64);
    Writer writer(out, serializers, limits);
    if (!writer.write(value, 0))
        return writer.takeError();
    writer.finish();
    return out;
}

Result<Value> JsonCodec::read(QByteArrayView bytes, const CodecLimits &limits, bool *sawTypeTag)
{
    Reader reader(bytes, limits);
    Result<Value> r = reader.parseDocument();
    if (!r)
        qCDebug(lcCodec) << "json decode failed:" << r.error().message();
    if (sawTypeTag)
        *sawTypeTag = reader.sawTypeTag;
    return r;
}

Result<QByteArray> JsonCodec::encode(const Message &message) const
{
    QByteArray out;
    out.reserve(64);
    MAS_TRY_VOID(detail::encodeJsonEnvelope(message, &m_serializers, m_limits, out));
    return out;
}

Result<void> detail::encodeJsonEnvelope(const Message &message, const SerializerRegistry *serializers,
                                        const CodecLimits &limits, QByteArray &out)
{
    // The envelope [type, id, content] is written directly, without building a list first.
    out.resize(0);
    Writer writer(out, serializers, limits);
    MAS_TRY_VOID(writer.writeEnvelope(message));
    writer.finish();
    return {};
}

Result<QByteArray> JsonCodec::encodeValue(const Value &value) const
{
    return write(value, &m_serializers, m_limits);
}

Result<Value> JsonCodec::decodeStructural(QByteArrayView bytes, bool *sawTypeTag) const
{
    return read(bytes, m_limits, sawTypeTag);
}

bool detail::decodeJsonEnvelope(QByteArrayView payload, const CodecLimits &limits, Message &out)
{
    Reader reader(payload, limits);
    return reader.parseEnvelope(out) && !reader.sawTypeTag;
}

} // namespace mas
