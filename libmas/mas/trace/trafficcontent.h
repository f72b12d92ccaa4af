// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/value.h>

#include <QByteArray>
#include <QByteArrayView>

#include <atomic>
#include <memory>

namespace mas {

class Codec;

/// A TrafficEvent's content: a decoded Value, or the encoded payload of a recorded frame that is
/// decoded (structurally, tags stay maps) the first time it is read. Recording keeps frames and
/// decodes lazily, when a view, a search or a comparison needs the content.
///
/// It reads like the Value it stands for: it converts to `const Value &`, offers Value's const
/// accessors (isNull(), at(), toDisplayString(), ...) and compares with Values; it is assigned
/// from a Value. The first read decodes once, also when several threads read the same (const)
/// content at once; copies of an undecoded content share the encoded bytes (no copy), and each
/// copy decodes on its own first read.
class MAS_EXPORT TrafficContent
{
public:
    TrafficContent() = default;
    /// Decoded content.
    TrafficContent(Value value) // NOLINT: implicit, as the Value field it replaces
        : m_value(std::move(value))
    {}
    /// Encoded content: the message payload (without its 4-byte frame header) at
    /// `bytes[offset, offset + size)`, of a [type, id, content] triple that `codec` decodes. A
    /// payload that is not such a triple reads as the content of whatever triple it decodes
    /// to, or as null. `bytes` is shared (a buffer several contents point into), not copied.
    static TrafficContent encoded(QByteArray bytes, qsizetype offset, qsizetype size, std::shared_ptr<const Codec> codec);

    TrafficContent(const TrafficContent &other);
    TrafficContent(TrafficContent &&other) noexcept;
    TrafficContent &operator=(const TrafficContent &other);
    TrafficContent &operator=(TrafficContent &&other) noexcept;
    ~TrafficContent() = default;

    /// The content, decoded on the first call.
    const Value &get() const
    {
        if (m_state.load(std::memory_order_acquire) != State::Encoded)
            return m_value;
        return decode();
    }
    operator const Value &() const { return get(); } // NOLINT: reads as the Value
    const Value *operator->() const { return &get(); }
    /// The content (decoded), moved out: this one is null afterwards.
    Value take();
    /// Whether the content is decoded (a Value given, or read once): no decoding cost left.
    bool isDecoded() const { return m_state.load(std::memory_order_acquire) == State::Decoded; }
    /// The encoded payload while not decoded (empty otherwise).
    QByteArrayView encodedPayload() const;

    // Value's const accessors (each decodes first)
    Value::Type type() const { return get().type(); }
    QString typeName() const { return get().typeName(); }
    bool isNull() const { return get().isNull(); }
    bool isBool() const { return get().isBool(); }
    bool isInteger() const { return get().isInteger(); }
    bool isDouble() const { return get().isDouble(); }
    bool isString() const { return get().isString(); }
    bool isBytes() const { return get().isBytes(); }
    bool isList() const { return get().isList(); }
    bool isMap() const { return get().isMap(); }
    bool isObject() const { return get().isObject(); }
    bool toBool() const { return get().toBool(); }
    qint64 toInt() const { return get().toInt(); }
    quint64 toUInt() const { return get().toUInt(); }
    double toDouble() const { return get().toDouble(); }
    QString toString() const { return get().toString(); }
    QByteArray toBytes() const { return get().toBytes(); }
    const QString &stringRef() const { return get().stringRef(); }
    const Value::List &asList() const { return get().asList(); }
    const Value::Map &asMap() const { return get().asMap(); }
    qsizetype size() const { return get().size(); }
    const Value &at(qsizetype index) const { return get().at(index); }
    const Value *find(QStringView key) const { return get().find(key); }
    bool contains(QStringView key) const { return get().contains(key); }
    Value value(QStringView key) const { return get().value(key); }
    template<class T>
    Result<T> to() const
    {
        return get().template to<T>();
    }
    QString toDisplayString(int maxLength = 200) const { return get().toDisplayString(maxLength); }

    /// Equal contents: the same encoded bytes of one codec without decoding, else the values.
    friend MAS_EXPORT bool operator==(const TrafficContent &a, const TrafficContent &b);
    friend bool operator==(const TrafficContent &a, const Value &b) { return a.get() == b; }
    friend bool operator==(const Value &a, const TrafficContent &b) { return a == b.get(); }

private:
    enum class State : quint8 {
        Decoded,  ///< m_value is the content
        Encoded,  ///< m_bytes holds it; not decoded yet
        Decoding, ///< a thread decodes it now
    };
    const Value &decode() const;
    void copyFrom(const TrafficContent &other);

    mutable Value m_value;
    QByteArray m_bytes; ///< shared: the payload is at [m_offset, m_offset + m_size)
    std::shared_ptr<const Codec> m_codec;
    qsizetype m_offset = 0;
    qsizetype m_size = 0;
    mutable std::atomic<State> m_state{State::Decoded};
};

/// Prints the content as a Value (decoding it).
MAS_EXPORT QDebug operator<<(QDebug debug, const TrafficContent &content);

} // namespace mas
