// SPDX-License-Identifier: MIT
#include "trafficcontent.h"

#include <mas/codec/codec.h>
#include <mas/codec/structuraldecode.h>

#include <QDebug>

#include <thread>

namespace mas {

namespace {

/// The content of a [type, id, content] payload, as describing a frame gives it: the message's
/// content; for a payload that is not a message, the third element of the triple it decodes
/// to; else null.
Value decodeContent(QByteArrayView payload, const Codec &codec)
{
    if (Result<Message> message = decodeStructuralMessage(codec, payload))
        return std::move(message->content);
    if (Result<Value> triple = codec.decodeStructural(payload); triple && triple->isList() && triple->size() == 3)
        return triple->at(2);
    return Value();
}

} // namespace

TrafficContent TrafficContent::encoded(QByteArray bytes, qsizetype offset, qsizetype size,
                                       std::shared_ptr<const Codec> codec)
{
    TrafficContent c;
    if (!codec || offset < 0 || size < 0 || offset + size > bytes.size())
        return c; // nothing to decode: null
    c.m_bytes = std::move(bytes);
    c.m_codec = std::move(codec);
    c.m_offset = offset;
    c.m_size = size;
    c.m_state.store(State::Encoded, std::memory_order_relaxed);
    return c;
}

void TrafficContent::copyFrom(const TrafficContent &other)
{
    if (other.m_state.load(std::memory_order_acquire) == State::Decoded) {
        // Decoded: the value alone (the bytes may go).
        m_value = other.m_value;
        m_bytes = QByteArray();
        m_codec.reset();
        m_offset = m_size = 0;
        m_state.store(State::Decoded, std::memory_order_relaxed);
    } else {
        // Being decoded by another thread, or not yet: this copy decodes on its own.
        m_value = Value();
        m_bytes = other.m_bytes;
        m_codec = other.m_codec;
        m_offset = other.m_offset;
        m_size = other.m_size;
        m_state.store(State::Encoded, std::memory_order_relaxed);
    }
}

TrafficContent::TrafficContent(const TrafficContent &other)
{
    copyFrom(other);
}

TrafficContent::TrafficContent(TrafficContent &&other) noexcept
    : m_value(std::move(other.m_value))
    , m_bytes(std::move(other.m_bytes))
    , m_codec(std::move(other.m_codec))
    , m_offset(other.m_offset)
    , m_size(other.m_size)
    , m_state(other.m_state.load(std::memory_order_relaxed))
{
    other.m_state.store(State::Decoded, std::memory_order_relaxed);
}

TrafficContent &TrafficContent::operator=(const TrafficContent &other)
{
    if (this != &other)
        copyFrom(other);
    return *this;
}

TrafficContent &TrafficContent::operator=(TrafficContent &&other) noexcept
{
    if (this != &other) {
        m_value = std::move(other.m_value);
        m_bytes = std::move(other.m_bytes);
        m_codec = std::move(other.m_codec);
        m_offset = other.m_offset;
        m_size = other.m_size;
        m_state.store(other.m_state.load(std::memory_order_relaxed), std::memory_order_relaxed);
        other.m_value = Value();
        other.m_state.store(State::Decoded, std::memory_order_relaxed);
    }
    return *this;
}

Value TrafficContent::take()
{
    Value value = std::move(const_cast<Value &>(get()));
    *this = TrafficContent();
    return value;
}

QByteArrayView TrafficContent::encodedPayload() const
{
    if (m_state.load(std::memory_order_acquire) == State::Decoded)
        return {};
    return QByteArrayView(m_bytes.constData() + m_offset, m_size);
}

const Value &TrafficContent::decode() const
{
    State expected = State::Encoded;
    if (m_state.compare_exchange_strong(expected, State::Decoding, std::memory_order_acq_rel)) {
        m_value = decodeContent(QByteArrayView(m_bytes.constData() + m_offset, m_size), *m_codec);
        // The bytes stay (a concurrent copy may still read them); they go with this object.
        m_state.store(State::Decoded, std::memory_order_release);
        return m_value;
    }
    // Another thread decodes it: wait for its value.
    while (m_state.load(std::memory_order_acquire) != State::Decoded)
        std::this_thread::yield();
    return m_value;
}

bool operator==(const TrafficContent &a, const TrafficContent &b)
{
    if (&a == &b)
        return true;
    if (!a.isDecoded() && !b.isDecoded() && a.m_codec && b.m_codec
        && (a.m_codec == b.m_codec || a.m_codec->name() == b.m_codec->name())
        && a.encodedPayload() == b.encodedPayload())
        return true; // the same bytes decode to the same value
    return a.get() == b.get();
}

QDebug operator<<(QDebug debug, const TrafficContent &content)
{
    return debug << content.get();
}

} // namespace mas
