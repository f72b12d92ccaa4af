// SPDX-License-Identifier: MIT
// Fuzz target: the JSON codec's decoder (codec/jsoncodec.h), the default codec of aiomas.
// The input is one payload. See fuzzcodec.h for the properties checked for every codec; in
// addition, a decoded value travels through MsgPack unchanged, unless it holds what MsgPack
// cannot carry (an integer beyond 64 bits, a lone surrogate), which fails with
// SerializationError instead of being changed.

#include "fuzzcodec.h"

#include <mas/codec/jsoncodec.h>

#include <functional>

using namespace mas;

namespace {
bool any(const Value &v, const std::function<bool(const Value &)> &predicate)
{
    if (predicate(v))
        return true;
    for (const Value &item : v.asList()) {
        if (any(item, predicate))
            return true;
    }
    for (const auto &[key, item] : v.asMap()) {
        if (any(key, predicate) || any(item, predicate))
            return true;
    }
    return false;
}

bool notForMsgPack(const Value &v)
{
    return v.bigInt() || (v.isString() && !v.stringRef().isValidUtf16());
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static mas::fuzz::CodecFixture fixture("json");
    static const std::unique_ptr<Codec> msgpack = mas::fuzz::makeCodec("msgpack");
    const std::optional<Value> value = mas::fuzz::fuzzCodec(fixture, data, size, false);
    if (!value)
        return 0;
    Result<QByteArray> packed = msgpack->encodeValue(*value);
    if (any(*value, notForMsgPack)) {
        MAS_FUZZ_CHECK(!packed && packed.error().code() == ErrorCode::SerializationError,
                       mas::fuzz::describe(*value));
        return 0;
    }
    MAS_FUZZ_CHECK(packed, packed.error().message());
    Result<Value> back = msgpack->decodeStructural(*packed);
    MAS_FUZZ_CHECK(back && *back == *value, mas::fuzz::describe(*value));
    return 0;
}
