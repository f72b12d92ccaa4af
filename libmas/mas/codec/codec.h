// SPDX-License-Identifier: MIT
#pragma once

#include <mas/codec/codeclimits.h>
#include <mas/codec/message.h>
#include <mas/codec/serializerregistry.h>
#include <mas/core/mas_export.h>
#include <mas/core/value.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace mas {

/// Turns values and messages into payload bytes and back (aiomas's `Codec`).
///
/// Each connection gets its own codec instance, because each instance owns the serializer
/// registry of that connection. Codecs are chosen by name: "json" (the default), "msgpack",
/// "msgpackblosc"; applications may register more with registerCodec().
/// \code
/// auto codec = mas::Codec::create(u"msgpack").value();
/// QByteArray payload = codec->encode(mas::Message::request(0, "ohai")).value();
/// mas::Message back = codec->decode(payload).value();
/// \endcode
/// Encoding and decoding are pure functions of their input, safe to fuzz. A codec is not
/// thread-safe while its serializers are being changed; otherwise it may be used from any thread.
class MAS_EXPORT Codec
{
public:
    using Factory = std::function<std::unique_ptr<Codec>()>;

    Codec();
    virtual ~Codec();
    Codec(const Codec &) = delete;
    Codec &operator=(const Codec &) = delete;

    /// The codec's registry name ("json", "msgpack", ...).
    virtual QString name() const = 0;

    /// Encodes one value; custom objects go through serializers().
    virtual Result<QByteArray> encodeValue(const Value &value) const = 0;
    /// Decodes one value structurally: tagged maps stay `{"__type__": [...]}` maps.
    /// `sawTypeTag`, if given, is set when a "__type__" key was seen.
    virtual Result<Value> decodeStructural(QByteArrayView bytes, bool *sawTypeTag = nullptr) const = 0;
    /// Decodes one value and turns tagged maps into objects with serializers().
    Result<Value> decodeValue(QByteArrayView bytes) const;

    /// Encodes a message triple (codecs may override it to skip building the triple as a list;
    /// the bytes must equal encodeValue(message.toValue())).
    virtual Result<QByteArray> encode(const Message &message) const;
    /// As encode(), into `out`: its contents are replaced and its buffer reused (the built-in
    /// codecs write into it directly, which saves allocating a payload per message). On an
    /// error `out` holds nothing useful.
    Result<void> encodeInto(const Message &message, QByteArray &out) const;
    /// Decodes a message triple; errors for bad bytes and for a payload that is not a triple.
    Result<Message> decode(QByteArrayView payload) const;

    SerializerRegistry &serializers();
    const SerializerRegistry &serializers() const;
    CodecLimits limits() const;
    void setLimits(const CodecLimits &limits);

    // the codec registry
    /// A new codec instance by name (case-insensitive: "JSON" and "json" are one codec).
    static Result<std::unique_ptr<Codec>> create(QStringView name);
    /// Adds a user codec kind; an existing name is an error.
    static Result<void> registerCodec(const QString &name, Factory factory);
    /// All registered codec names, the built-in ones first.
    static QStringList names();
    /// The name of the default codec ("json", as aiomas).
    static QString defaultName() { return QStringLiteral("json"); }

protected:
    SerializerRegistry m_serializers;
    CodecLimits m_limits;
};

} // namespace mas
