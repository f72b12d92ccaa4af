// SPDX-License-Identifier: MIT
#include "codec.h"
#include "structuraldecode.h"

#include "envelope_p.h"
#include "jsoncodec.h"
#include "msgpackcodec.h"

#include <QMutex>

#include <typeinfo>
#include <vector>

namespace mas {

namespace {
struct CodecKind
{
    QString name;
    Codec::Factory factory;
};

struct CodecRegistry
{
    QMutex mutex;
    std::vector<CodecKind> kinds{
        {QStringLiteral("json"), [] { return std::make_unique<JsonCodec>(); }},
        {QStringLiteral("msgpack"), [] { return std::make_unique<MsgPackCodec>(); }},
        {QStringLiteral("msgpackblosc"), [] { return std::make_unique<MsgPackBloscCodec>(); }},
    };
};

CodecRegistry &codecRegistry()
{
    static CodecRegistry registry;
    return registry;
}
} // namespace

Codec::Codec() = default;
Codec::~Codec() = default;

Result<Value> Codec::decodeValue(QByteArrayView bytes) const
{
    bool sawTag = false;
    Result<Value> r = decodeStructural(bytes, &sawTag);
    if (r && sawTag)
        MAS_TRY_VOID(m_serializers.resolveTags(*r));
    return r;
}

Result<QByteArray> Codec::encode(const Message &message) const
{
    return encodeValue(message.toValue());
}

Result<void> Codec::encodeInto(const Message &message, QByteArray &out) const
{
    // Only these classes themselves: a subclass may change what encode() does.
    const std::type_info &type = typeid(*this);
    if (type == typeid(JsonCodec))
        return detail::encodeJsonEnvelope(message, &m_serializers, m_limits, out);
    if (type == typeid(MsgPackCodec))
        return detail::encodeMsgPackEnvelope(message, &m_serializers, m_limits, out);
    MAS_TRY(payload, encode(message));
    out = std::move(payload);
    return {};
}

Result<Message> Codec::decode(QByteArrayView payload) const
{
    // The built-in codecs read the envelope [type, id, content] straight into the message,
    // without a list in between (only these classes themselves: a subclass may change what
    // decodeStructural() does). When that does not apply, or on any error, the general way
    // below gives the same message or reports the error.
    const std::type_info &type = typeid(*this);
    Message m;
    if (type == typeid(JsonCodec) ? detail::decodeJsonEnvelope(payload, m_limits, m)
                                  : type == typeid(MsgPackCodec) && detail::decodeMsgPackEnvelope(payload, m_limits, m))
        return m;
    Result<Value> value = decodeValue(payload);
    if (!value)
        return value.error();
    return Message::fromValue(std::move(*value));
}

Result<Message> decodeStructuralMessage(const Codec &codec, QByteArrayView payload)
{
    // The shortcut gives up on a "__type__" tag, the only place where the structural and the
    // resolved decode differ; the general way below keeps the tag as a map.
    const std::type_info &type = typeid(codec);
    const CodecLimits limits = codec.limits();
    Message m;
    if (type == typeid(JsonCodec) ? detail::decodeJsonEnvelope(payload, limits, m)
                                  : type == typeid(MsgPackCodec) && detail::decodeMsgPackEnvelope(payload, limits, m))
        return m;
    Result<Value> value = codec.decodeStructural(payload);
    if (!value)
        return value.error();
    return Message::fromValue(std::move(*value));
}

SerializerRegistry &Codec::serializers()
{
    return m_serializers;
}

const SerializerRegistry &Codec::serializers() const
{
    return m_serializers;
}

CodecLimits Codec::limits() const
{
    return m_limits;
}

void Codec::setLimits(const CodecLimits &limits)
{
    m_limits = limits;
}

Result<std::unique_ptr<Codec>> Codec::create(QStringView name)
{
    CodecRegistry &registry = codecRegistry();
    QMutexLocker lock(&registry.mutex);
    // "MsgPackBlosc", "msgpack-blosc" and "msgpack_blosc" all name one codec.
    QString wanted = name.toString();
    wanted.remove(u'-').remove(u'_');
    for (const CodecKind &kind : registry.kinds) {
        if (wanted.compare(kind.name, Qt::CaseInsensitive) == 0)
            return kind.factory();
    }
    QStringList known;
    for (const CodecKind &kind : registry.kinds)
        known << kind.name;
    return Error(ErrorCode::UnknownCodec,
                 mas::tr("Unknown codec \"%1\" (known: %2)").arg(name.toString(), known.join(u", ")));
}

Result<void> Codec::registerCodec(const QString &name, Factory factory)
{
    CodecRegistry &registry = codecRegistry();
    QMutexLocker lock(&registry.mutex);
    for (const CodecKind &kind : registry.kinds) {
        if (name.compare(kind.name, Qt::CaseInsensitive) == 0)
            return Error(ErrorCode::InvalidArgument,
                         mas::tr("A codec named \"%1\" is already registered").arg(name));
    }
    if (name.isEmpty() || !factory)
        return Error(ErrorCode::InvalidArgument, mas::tr("A codec needs a name and a factory"));
    registry.kinds.push_back({name, std::move(factory)});
    return {};
}

QStringList Codec::names()
{
    CodecRegistry &registry = codecRegistry();
    QMutexLocker lock(&registry.mutex);
    QStringList result;
    for (const CodecKind &kind : registry.kinds)
        result << kind.name;
    return result;
}

} // namespace mas
