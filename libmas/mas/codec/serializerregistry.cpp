// SPDX-License-Identifier: MIT
#include "serializerregistry.h"

#include "mas/core/logging_p.h"

#include <exception>
#include <unordered_map>
#include <vector>

namespace mas {

namespace {
struct Encoder
{
    int id;
    SerializerRegistry::SerializeFn serialize;
};
struct Decoder
{
    QString name;
    SerializerRegistry::DeserializeFn deserialize;
};

Error serializationError(const QString &message)
{
    return Error(ErrorCode::SerializationError, message);
}
} // namespace

class SerializerRegistryPrivate
{
public:
    std::unordered_map<std::type_index, Encoder> encoders;
    std::vector<Decoder> decoders; // index = type id
    std::optional<Encoder> fallback;
};

SerializerRegistry::SerializerRegistry()
    : d(std::make_unique<SerializerRegistryPrivate>())
{}

SerializerRegistry::~SerializerRegistry() = default;

Result<int> SerializerRegistry::addType(std::type_index type,
                                        const QString &typeName,
                                        SerializeFn serialize,
                                        DeserializeFn deserialize)
{
    if (d->encoders.contains(type))
        return Error(ErrorCode::DuplicateSerializer,
                     mas::tr("There is already a serializer for type \"%1\"").arg(typeName));
    const int id = int(d->decoders.size());
    d->encoders.emplace(type, Encoder{id, std::move(serialize)});
    d->decoders.push_back(Decoder{typeName, std::move(deserialize)});
    return id;
}

Result<void> SerializerRegistry::addAlias(int id,
                                          std::type_index type,
                                          const QString &typeName,
                                          SerializeFn serialize)
{
    if (id < 0 || id >= count())
        return Error(ErrorCode::InvalidArgument, mas::tr("There is no type id %1").arg(id));
    if (d->encoders.contains(type))
        return Error(ErrorCode::DuplicateSerializer,
                     mas::tr("There is already a serializer for type \"%1\"").arg(typeName));
    d->encoders.emplace(type, Encoder{id, std::move(serialize)});
    return {};
}

Result<int> SerializerRegistry::addFallback(const QString &name,
                                            SerializeFn serialize,
                                            DeserializeFn deserialize)
{
    if (d->fallback)
        return Error(ErrorCode::DuplicateSerializer,
                     mas::tr("There is already a fallback serializer (\"%1\")")
                         .arg(d->decoders[size_t(d->fallback->id)].name));
    const int id = int(d->decoders.size());
    d->fallback = Encoder{id, std::move(serialize)};
    d->decoders.push_back(Decoder{name, std::move(deserialize)});
    return id;
}

int SerializerRegistry::count() const
{
    return int(d->decoders.size());
}

QString SerializerRegistry::typeName(int id) const
{
    return id >= 0 && id < count() ? d->decoders[size_t(id)].name : QString();
}

bool SerializerRegistry::contains(std::type_index type) const
{
    return d->encoders.contains(type);
}

Result<std::pair<int, Value>> SerializerRegistry::serialize(const CustomObject &object) const
{
    const auto it = d->encoders.find(object.type());
    const Encoder *encoder = it != d->encoders.end() ? &it->second
                             : d->fallback           ? &*d->fallback
                                                     : nullptr;
    if (!encoder)
        return serializationError(
            mas::tr("No serializer found for type \"%1\"").arg(object.typeName()));
    try {
        Result<Value> r = encoder->serialize(object);
        if (!r)
            return serializationError(mas::tr("Could not serialize object of type \"%1\": %2")
                                          .arg(object.typeName(), r.error().message()));
        return std::pair<int, Value>(encoder->id, std::move(*r));
    } catch (const std::exception &e) {
        return serializationError(mas::tr("Could not serialize object of type \"%1\": %2")
                                      .arg(object.typeName(), QString::fromLocal8Bit(e.what())));
    } catch (...) {
        return serializationError(
            mas::tr("Could not serialize object of type \"%1\"").arg(object.typeName()));
    }
}

Result<Value> SerializerRegistry::deserialize(qint64 id, const Value &value) const
{
    if (id < 0 || id >= count())
        return Error(ErrorCode::UnknownTypeId,
                     mas::tr("Unknown type id %1 in a \"__type__\" tag (%2 serializers registered)")
                         .arg(id)
                         .arg(count()));
    const Decoder &decoder = d->decoders[size_t(id)];
    try {
        Result<Value> r = decoder.deserialize(value);
        if (!r)
            return serializationError(mas::tr("Could not deserialize \"%1\" (type id %2): %3")
                                          .arg(decoder.name)
                                          .arg(id)
                                          .arg(r.error().message()));
        return r;
    } catch (const std::exception &e) {
        return serializationError(mas::tr("Could not deserialize \"%1\" (type id %2): %3")
                                      .arg(decoder.name)
                                      .arg(id)
                                      .arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        return serializationError(
            mas::tr("Could not deserialize \"%1\" (type id %2)").arg(decoder.name).arg(id));
    }
}

Result<void> SerializerRegistry::resolveTags(Value &value) const
{
    if (value.isList()) {
        for (Value &item : value.mutableList())
            MAS_TRY_VOID(resolveTags(item));
        return {};
    }
    if (!value.isMap())
        return {};
    for (auto &[key, item] : value.mutableMap()) {
        MAS_TRY_VOID(resolveTags(key));
        MAS_TRY_VOID(resolveTags(item));
    }
    const Value *tag = value.find(QStringView(u"__type__"));
    if (!tag)
        return {};
    if (!tag->isList() || tag->size() != 2 || tag->at(0).type() != Value::Type::Int)
        return serializationError(
            mas::tr("Malformed \"__type__\" tag (expected [type id, value]): %1")
                .arg(tag->toDisplayString(80)));
    Result<Value> r = deserialize(tag->at(0).toInt(), tag->at(1));
    if (!r)
        return r.error();
    value = std::move(*r);
    return {};
}

} // namespace mas
