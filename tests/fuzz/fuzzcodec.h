// SPDX-License-Identifier: MIT
#pragma once

// The body shared by the codec targets (fuzz_codec_json, fuzz_codec_msgpack,
// fuzz_codec_msgpackblosc). The whole input is one payload, as a peer would send it.
//
// Properties, for each codec:
// - decodeStructural() either fails or gives a value that encodes, decodes to an equal value,
//   and encodes again to the same bytes (the encoder's output is canonical);
// - decode() of a message, with serializers registered as on an agent container's
//   connection (dates id 0, a boxing type id 1, a fallback id 2), succeeds only when the
//   structural decode does; its message encodes, decodes to an equal message, and encode()
//   gives the same bytes as encodeValue(message.toValue());
// - with small limits (depth 8, 64 elements, 4 KiB decompressed) a decoded value keeps within
//   them; for MsgPack a value the default limits decoded decodes under the small limits
//   exactly when it fits them.

#include "fuzzing.h"

#include <mas/codec/codec.h>
#include <mas/codec/dateserializer.h>
#include <mas/codec/msgpackcodec.h>

#include <QDateTime>

#include <memory>

namespace mas::fuzz {

/// A user type that carries any value: `{"__type__": [1, <value>]}`.
struct Box
{
    Value inner;
    friend bool operator==(const Box &, const Box &) = default;
};

/// What the fallback serializer (aiomas's serializer for `object`, used for proxies) makes.
struct Named
{
    QString path;
    friend bool operator==(const Named &, const Named &) = default;
};

inline CodecLimits smallLimits()
{
    CodecLimits limits;
    limits.maxDepth = 8;
    limits.maxElements = 64;
    limits.maxDecompressedSize = 4096;
    return limits;
}

inline std::unique_ptr<Codec> makeCodec(const char *name)
{
    Result<std::unique_ptr<Codec>> codec = Codec::create(QString::fromLatin1(name));
    MAS_FUZZ_CHECK(codec, codec.error().message());
    return std::move(*codec);
}

/// A codec with serializers as on a container's connection.
inline std::unique_ptr<Codec> makeContainerCodec(const char *name)
{
    std::unique_ptr<Codec> codec = makeCodec(name);
    SerializerRegistry &s = codec->serializers();
    MAS_FUZZ_CHECK(addDateSerializer(s).valueOr(-1) == 0, QString());
    MAS_FUZZ_CHECK(s.add<Box>(
                        [](const Box &b) { return b.inner; },
                        [](const Value &v) {
                            return Box{v};
                        }).valueOr(-1)
                       == 1,
                   QString());
    const auto serialize = [](const CustomObject &object) -> Result<Value> {
        if (const Named *named = object.as<Named>())
            return Value(named->path);
        return Error(ErrorCode::SerializationError, QStringLiteral("not a Named"));
    };
    const auto deserialize = [](const Value &v) -> Result<Value> {
        if (!v.isString())
            return Error(ErrorCode::SerializationError, QStringLiteral("a path must be text"));
        return Value::custom(Named{v.toString()});
    };
    MAS_FUZZ_CHECK(s.addFallback(QStringLiteral("proxy"), serialize, deserialize).valueOr(-1) == 2,
                   QString());
    return codec;
}

inline QString describe(const Value &v)
{
    return v.toDisplayString(300);
}

/// Structural decode, round trip and canonical bytes; returns the decoded value, if any.
inline std::optional<Value> checkStructural(const Codec &codec, QByteArrayView payload)
{
    bool sawTag = false;
    Result<Value> decoded = codec.decodeStructural(payload, &sawTag);
    if (!decoded) {
        MAS_FUZZ_CHECK(decoded.error().code() != ErrorCode::NoError, QString());
        return std::nullopt;
    }
    (void)decoded->toDisplayString(200);
    MAS_FUZZ_CHECK(depthOf(*decoded) <= codec.limits().maxDepth, describe(*decoded));
    MAS_FUZZ_CHECK(elementsOf(*decoded) <= codec.limits().maxElements, describe(*decoded));

    Result<QByteArray> encoded = codec.encodeValue(*decoded);
    MAS_FUZZ_CHECK(encoded, encoded.error().message() + u' ' + describe(*decoded));
    bool sawTagAgain = false;
    Result<Value> again = codec.decodeStructural(*encoded, &sawTagAgain);
    MAS_FUZZ_CHECK(again, again.error().message() + u' ' + describe(*decoded));
    MAS_FUZZ_CHECK(*again == *decoded,
                   describe(*decoded) + QStringLiteral(" became ") + describe(*again));
    MAS_FUZZ_CHECK(sawTagAgain == sawTag, describe(*decoded));
    Result<QByteArray> reencoded = codec.encodeValue(*again);
    MAS_FUZZ_CHECK(reencoded && *reencoded == *encoded, describe(*decoded));
    return std::move(*decoded);
}

/// Message decode with serializers, round trip, and encode() == encodeValue(toValue()).
inline void checkMessage(const Codec &codec, QByteArrayView payload, bool structuralOk)
{
    Result<Message> message = codec.decode(payload);
    if (!message)
        return;
    MAS_FUZZ_CHECK(structuralOk,
                   QStringLiteral("decode() took a payload decodeStructural() refused"));
    Result<QByteArray> encoded = codec.encode(*message);
    MAS_FUZZ_CHECK(encoded, encoded.error().message() + u' ' + describe(message->content));
    Result<QByteArray> asValue = codec.encodeValue(message->toValue());
    MAS_FUZZ_CHECK(asValue && *asValue == *encoded, describe(message->content));
    Result<Message> again = codec.decode(*encoded);
    MAS_FUZZ_CHECK(again, again.error().message() + u' ' + describe(message->content));
    MAS_FUZZ_CHECK(*again == *message, describe(message->content) + QStringLiteral(" became ")
                                           + describe(again->content));
}

/// Decoding under small limits keeps within them.
inline void checkSmallLimits(const Codec &small,
                             QByteArrayView payload,
                             const std::optional<Value> &full,
                             bool exact)
{
    Result<Value> decoded = small.decodeStructural(payload);
    if (decoded) {
        MAS_FUZZ_CHECK(full && *full == *decoded, describe(*decoded));
        MAS_FUZZ_CHECK(depthOf(*decoded) <= small.limits().maxDepth, describe(*decoded));
        MAS_FUZZ_CHECK(elementsOf(*decoded) <= small.limits().maxElements, describe(*decoded));
    } else if (full && exact) {
        // Only a limit may refuse what the default limits took, and only when it is exceeded.
        const ErrorCode code = decoded.error().code();
        MAS_FUZZ_CHECK(code == ErrorCode::NestingTooDeep || code == ErrorCode::TooManyElements
                           || code == ErrorCode::InvalidBlosc,
                       decoded.error().message());
        if (code == ErrorCode::NestingTooDeep)
            MAS_FUZZ_CHECK(depthOf(*full) > small.limits().maxDepth, decoded.error().message());
        if (code == ErrorCode::TooManyElements)
            MAS_FUZZ_CHECK(elementsOf(*full) > small.limits().maxElements,
                           decoded.error().message());
        if (code == ErrorCode::InvalidBlosc) {
            const Result<QByteArray> inner =
                MsgPackBloscCodec::decompress(payload, CodecLimits().maxDecompressedSize);
            MAS_FUZZ_CHECK(inner && inner->size() > small.limits().maxDecompressedSize,
                           decoded.error().message());
        }
    }
}

struct CodecFixture
{
    explicit CodecFixture(const char *name)
        : plain(makeCodec(name))
        , container(makeContainerCodec(name))
        , small(makeCodec(name))
    {
        small->setLimits(smallLimits());
    }
    std::unique_ptr<Codec> plain;
    std::unique_ptr<Codec> container;
    std::unique_ptr<Codec> small;
};

/// The shared body; `exactLimits`: the decoder counts elements without merging duplicates,
/// so a value within the small limits must decode under them.
inline std::optional<Value>
fuzzCodec(CodecFixture &f, const uint8_t *data, size_t size, bool exactLimits)
{
    quietQt();
    const QByteArrayView payload(reinterpret_cast<const char *>(data), qsizetype(size));
    std::optional<Value> value = checkStructural(*f.plain, payload);
    checkMessage(*f.container, payload, value.has_value());
    checkSmallLimits(*f.small, payload, value, exactLimits);
    return value;
}

} // namespace mas::fuzz
