// SPDX-License-Identifier: MIT
#include "msgpackcodec.h"

#include "mas/core/logging_p.h"
#include "codecfailure_p.h"
#include "envelope_p.h"
#include "utf8_p.h"

#include <QtEndian>

#include <msgpack.hpp>

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

namespace mas {

namespace {

/// msgpack-c's output: a small buffer first, moved into the QByteArray when it is full and by
/// flush() (the packer writes a few bytes at a time; each QByteArray::append() costs about a
/// hundred instructions, a copy into the buffer a few).
struct ByteArrayStream
{
    QByteArray &out;
    qsizetype used = 0;
    char buffer[256];

    void write(const char *data, size_t n)
    {
        if (qsizetype(n) > qsizetype(sizeof buffer) - used) {
            flush();
            if (n > sizeof buffer) {
                out.append(data, qsizetype(n));
                return;
            }
        }
        std::memcpy(buffer + used, data, n);
        used += qsizetype(n);
    }
    void flush()
    {
        if (used > 0)
            out.append(buffer, used);
        used = 0;
    }
};

constexpr quint64 kMaxLength = std::numeric_limits<quint32>::max();
/// Text of up to this many characters is written without a UTF-8 copy when it is ASCII.
constexpr qsizetype kShortText = 64;

class Writer : public detail::CodecFailure
{
public:
    Writer(QByteArray &out, const SerializerRegistry *serializers, const CodecLimits &limits)
        : m_stream{out, 0, {}}
        , m_packer(m_stream)
        , m_serializers(serializers)
        , m_limits(limits)
    {}

    bool write(const Value &v, int depth)
    {
        switch (v.type()) {
        case Value::Type::Null:
            m_packer.pack_nil();
            return true;
        case Value::Type::Bool:
            if (v.toBool())
                m_packer.pack_true();
            else
                m_packer.pack_false();
            return true;
        case Value::Type::Int:
            m_packer.pack_int64(v.toInt()); // smallest encoding, as Python's msgpack
            return true;
        case Value::Type::UInt:
            m_packer.pack_uint64(v.toUInt());
            return true;
        case Value::Type::BigInt:
            return fail(Error(ErrorCode::SerializationError,
                              mas::tr("The integer %1 does not fit into 64 bits, which MsgPack cannot encode")
                                  .arg(QString::fromLatin1(v.bigInt()->digits))));
        case Value::Type::Double:
            packDouble(v.toDouble());
            return true;
        case Value::Type::String: {
            // Short ASCII text (names, paths, keys) is narrowed on the stack instead of into a
            // UTF-8 copy on the heap.
            const QString &text = v.stringRef();
            if (text.size() <= kShortText) {
                char ascii[kShortText];
                qsizetype n = 0;
                for (; n < text.size() && text[n].unicode() < 0x80; ++n)
                    ascii[n] = char(text[n].unicode());
                if (n == text.size()) {
                    m_packer.pack_str(quint32(n));
                    m_packer.pack_str_body(ascii, quint32(n));
                    return true;
                }
            }
            // A lone surrogate (JSON's "\ud800" decodes to one) has no UTF-8 form: toUtf8() would
            // silently put U+FFFD in its place. Python's msgpack refuses it too.
            if (!v.stringRef().isValidUtf16())
                return fail(Error(ErrorCode::SerializationError,
                                  mas::tr("The text %1 holds a lone UTF-16 surrogate, which MsgPack (UTF-8) "
                                          "cannot encode")
                                      .arg(v.toDisplayString(40))));
            const QByteArray utf8 = v.stringRef().toUtf8();
            if (quint64(utf8.size()) > kMaxLength)
                return tooLong();
            m_packer.pack_str(quint32(utf8.size()));
            m_packer.pack_str_body(utf8.constData(), quint32(utf8.size()));
            return true;
        }
        case Value::Type::Bytes: {
            const QByteArray bytes = v.toBytes();
            if (quint64(bytes.size()) > kMaxLength)
                return tooLong();
            m_packer.pack_bin(quint32(bytes.size()));
            m_packer.pack_bin_body(bytes.constData(), quint32(bytes.size()));
            return true;
        }
        case Value::Type::List: {
            if (depth >= m_limits.maxDepth)
                return tooDeep();
            const Value::List &list = v.asList();
            if (list.size() > kMaxLength)
                return tooLong();
            m_packer.pack_array(quint32(list.size()));
            for (const Value &item : list) {
                if (!write(item, depth + 1))
                    return false;
            }
            return true;
        }
        case Value::Type::Map: {
            if (depth >= m_limits.maxDepth)
                return tooDeep();
            const Value::Map &map = v.asMap();
            if (map.size() > kMaxLength)
                return tooLong();
            m_packer.pack_map(quint32(map.size()));
            for (const auto &[key, item] : map) {
                if (!write(key, depth + 1))
                    return false;
                if (!write(item, depth + 1))
                    return false;
            }
            return true;
        }
        case Value::Type::Object: {
            if (!m_serializers)
                return fail(Error(ErrorCode::SerializationError,
                                  mas::tr("No serializer found for type \"%1\"").arg(v.object()->typeName())));
            if (depth + 2 > m_limits.maxDepth)
                return tooDeep();
            auto r = m_serializers->serialize(*v.object());
            if (!r)
                return fail(r.error());
            m_packer.pack_map(1);
            m_packer.pack_str(8);
            m_packer.pack_str_body("__type__", 8);
            m_packer.pack_array(2);
            m_packer.pack_int64(r->first);
            return write(r->second, depth + 2);
        }
        }
        return true;
    }

    /// Moves what is buffered into the output (call before using the output).
    void finish() { m_stream.flush(); }

    Result<void> writeEnvelope(const Message &message)
    {
        m_packer.pack_array(3);
        m_packer.pack_int64(int(message.type));
        m_packer.pack_uint64(message.id);
        if (!write(message.content, 1))
            return takeError();
        return {};
    }

private:
    // Always float64 (0xcb), as Python. msgpack-c's pack_double() would write integral doubles
    // such as 0.0 as integers, which changes the value's type for the peer.
    void packDouble(double d)
    {
        char buf[9];
        buf[0] = char(0xcb);
        quint64 bits;
        std::memcpy(&bits, &d, sizeof bits);
        qToBigEndian(bits, buf + 1);
        m_stream.write(buf, sizeof buf);
    }

    bool tooDeep() { return valueTooDeep(m_limits.maxDepth); }
    bool tooLong()
    {
        return fail(Error(ErrorCode::SerializationError,
                          mas::tr("A string, bytes, list or map is too long for MsgPack (over 2^32 - 1)")));
    }

    ByteArrayStream m_stream;
    msgpack::packer<ByteArrayStream> m_packer;
    const SerializerRegistry *m_serializers;
    const CodecLimits &m_limits;
};

// Builds a Value directly from msgpack-c's SAX-style parser: no intermediate object tree, and
// no recursion (the nesting lives in `m_stack`), so hostile input cannot exhaust the C++ stack.
class Builder
{
public:
    /// `enclosing`: values of an envelope already counted around the one to build (they
    /// count towards the element limit, and one list towards the depth).
    Builder(size_t length, const CodecLimits &limits, int enclosing = 0)
        : m_reserveBudget(length)
        , m_limits(limits)
        , m_elements(enclosing)
        , m_depthOffset(enclosing > 0 ? 1 : 0)
        , m_stack(frameStack())
        , m_base(m_stack.size())
    {}

    ~Builder()
    {
        // What an error left on the stack goes (the stack itself is kept for the next payload).
        m_stack.erase(m_stack.begin() + qsizetype(m_base), m_stack.end());
        if (m_base == 0 && m_stack.capacity() > 64)
            std::vector<Frame>().swap(m_stack); // a deep payload's stack is given back
    }

    Builder(const Builder &) = delete;
    Builder &operator=(const Builder &) = delete;

    Value root;
    Error error;
    bool sawTypeTag = false;

    bool visit_nil() { return add(Value()); }
    bool visit_boolean(bool v) { return add(Value(v)); }
    bool visit_positive_integer(uint64_t v) { return add(Value(quint64(v))); }
    bool visit_negative_integer(int64_t v) { return add(Value(qint64(v))); }
    bool visit_float32(float v) { return add(Value(double(v))); }
    bool visit_float64(double v) { return add(Value(v)); }
    bool visit_str(const char *v, uint32_t size)
    {
        QString s;
        qsizetype bad = 0;
        if (!detail::decodeUtf8(v, qsizetype(size), s, &bad))
            return fail(ErrorCode::InvalidMsgPack,
                        mas::tr("Invalid MsgPack: a str holds invalid UTF-8 (byte %1 of the string)")
                            .arg(bad));
        if (inKeyPosition() && s == u"__type__")
            sawTypeTag = true;
        return add(Value(std::move(s)));
    }
    bool visit_bin(const char *v, uint32_t size) { return add(Value(QByteArray(v, qsizetype(size)))); }
    bool visit_ext(const char *, uint32_t)
    {
        return fail(ErrorCode::InvalidMsgPack,
                    mas::tr("Invalid MsgPack: ext types are not used by aiomas and not supported"));
    }
    bool start_array(uint32_t n) { return push(false, n); }
    bool start_array_item() { return true; }
    bool end_array_item() { return true; }
    bool end_array() { return pop(); }
    bool start_map(uint32_t n) { return push(true, n); }
    bool start_map_key() { return true; }
    bool end_map_key() { return true; }
    bool start_map_value() { return true; }
    bool end_map_value() { return true; }
    bool end_map() { return pop(); }
    void parse_error(size_t, size_t errorOffset)
    {
        fail(ErrorCode::InvalidMsgPack,
             mas::tr("Invalid MsgPack at byte %1: not a valid type byte").arg(errorOffset));
    }
    void insufficient_bytes(size_t, size_t)
    {
        fail(ErrorCode::InvalidMsgPack, mas::tr("Invalid MsgPack: the data ends in the middle of a value"));
    }
    bool referenced() const { return false; }
    void set_referenced(bool) {}

private:
    struct Frame
    {
        bool isMap = false;
        Value::List list;
        Value::Map map;
        Value key;
        bool haveKey = false;
    };

    bool fail(ErrorCode code, const QString &message)
    {
        if (!error.isError())
            error = Error(code, message);
        return false;
    }

    /// The containers being built, on a stack of this thread kept between payloads (so that it
    /// is not allocated for each one); this builder's part begins at m_base.
    static std::vector<Frame> &frameStack()
    {
        thread_local std::vector<Frame> frames;
        return frames;
    }
    bool building() const { return m_stack.size() > m_base; }

    bool inKeyPosition() const { return building() && m_stack.back().isMap && !m_stack.back().haveKey; }

    bool count()
    {
        if (++m_elements > m_limits.maxElements)
            return fail(ErrorCode::TooManyElements,
                        mas::tr("The payload holds more than %1 elements").arg(m_limits.maxElements));
        return true;
    }

    bool add(Value v)
    {
        if (!count())
            return false;
        return place(std::move(v));
    }

    bool place(Value v)
    {
        if (!building()) {
            root = std::move(v);
            return true;
        }
        Frame &f = m_stack.back();
        if (!f.isMap) {
            f.list.push_back(std::move(v));
        } else if (!f.haveKey) {
            f.key = std::move(v);
            f.haveKey = true;
        } else {
            f.map.emplace_back(std::move(f.key), std::move(v));
            f.key = Value();
            f.haveKey = false;
        }
        return true;
    }

    bool push(bool isMap, uint32_t n)
    {
        if (!count())
            return false;
        if (int(m_stack.size() - m_base) + m_depthOffset >= m_limits.maxDepth)
            return fail(ErrorCode::NestingTooDeep,
                        mas::tr("The payload nests deeper than %1 levels").arg(m_limits.maxDepth));
        Frame &f = m_stack.emplace_back();
        f.isMap = isMap;
        // Every element takes at least one byte, so all containers of one payload together hold
        // at most as many elements as it has bytes: reserve from that budget only (a per-container
        // cap alone would let nested headers announcing 2^32-1 items reserve depth * size).
        const size_t perItem = isMap ? 2 : 1;
        const size_t reserve = std::min<size_t>(n, m_reserveBudget / perItem);
        m_reserveBudget -= reserve * perItem;
        if (isMap)
            f.map.reserve(reserve);
        else
            f.list.reserve(reserve);
        return true;
    }

    bool pop()
    {
        Frame &f = m_stack.back();
        Value done = f.isMap ? Value(std::move(f.map)) : Value(std::move(f.list));
        m_stack.pop_back();
        return place(std::move(done));
    }

    size_t m_reserveBudget; // elements that may still be reserved (see push())
    const CodecLimits &m_limits;
    qsizetype m_elements = 0;
    int m_depthOffset = 0;
    std::vector<Frame> &m_stack;
    std::size_t m_base;
};

} // namespace

Result<QByteArray> MsgPackCodec::write(const Value &value,
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

Result<Value> MsgPackCodec::read(QByteArrayView bytes, const CodecLimits &limits, bool *sawTypeTag)
{
    if (bytes.isEmpty())
        return Error(ErrorCode::InvalidMsgPack, mas::tr("Invalid MsgPack: no data"));
    Builder builder(size_t(bytes.size()), limits);
    size_t offset = 0;
    const bool ok = msgpack::parse(bytes.data(), size_t(bytes.size()), offset, builder);
    if (sawTypeTag)
        *sawTypeTag = builder.sawTypeTag;
    if (!ok || builder.error.isError()) {
        Error e = builder.error.isError()
                      ? builder.error
                      : Error(ErrorCode::InvalidMsgPack, mas::tr("Invalid MsgPack data"));
        qCDebug(lcCodec) << "msgpack decode failed:" << e.message();
        return e;
    }
    if (offset != size_t(bytes.size()))
        return Error(ErrorCode::InvalidMsgPack,
                     mas::tr("Invalid MsgPack: %1 extra bytes after the value")
                         .arg(bytes.size() - qsizetype(offset)));
    return std::move(builder.root);
}

Result<QByteArray> MsgPackCodec::encode(const Message &message) const
{
    QByteArray out;
    out.reserve(64);
    MAS_TRY_VOID(detail::encodeMsgPackEnvelope(message, &m_serializers, m_limits, out));
    return out;
}

Result<void> detail::encodeMsgPackEnvelope(const Message &message, const SerializerRegistry *serializers,
                                           const CodecLimits &limits, QByteArray &out)
{
    // The envelope [type, id, content] is written directly, without building a list first.
    out.resize(0);
    Writer writer(out, serializers, limits);
    MAS_TRY_VOID(writer.writeEnvelope(message));
    writer.finish();
    return {};
}

bool detail::decodeMsgPackEnvelope(QByteArrayView payload, const CodecLimits &limits, Message &out)
{
    // Only the usual head: a fixarray of 3, a positive fixint type, an unsigned id.
    if (payload.size() < 4 || limits.maxDepth <= 0)
        return false;
    const auto *p = reinterpret_cast<const uchar *>(payload.data());
    if (p[0] != 0x93 || p[1] > 2)
        return false;
    qsizetype at = 3;
    quint64 id = 0;
    const uchar head = p[2];
    if (head <= 0x7f) {
        id = head;
    } else {
        const int size = head == 0xcc ? 1 : head == 0xcd ? 2 : head == 0xce ? 4 : head == 0xcf ? 8 : 0;
        if (size == 0 || payload.size() < 3 + size + 1)
            return false;
        for (int i = 0; i < size; ++i)
            id = (id << 8) | p[3 + i];
        at += size;
    }
    // The list, the type and the id are counted as the general way counts them.
    if (limits.maxElements < 3)
        return false;
    Builder builder(size_t(payload.size()), limits, 3);
    size_t offset = size_t(at);
    if (!msgpack::parse(payload.data(), size_t(payload.size()), offset, builder) || builder.error.isError()
        || builder.sawTypeTag || offset != size_t(payload.size()))
        return false;
    out.type = MessageType(p[1]);
    out.id = id;
    out.content = std::move(builder.root);
    return true;
}

Result<QByteArray> MsgPackCodec::encodeValue(const Value &value) const
{
    return write(value, &m_serializers, m_limits);
}

Result<Value> MsgPackCodec::decodeStructural(QByteArrayView bytes, bool *sawTypeTag) const
{
    return read(bytes, m_limits, sawTypeTag);
}

} // namespace mas
