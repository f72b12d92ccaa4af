// SPDX-License-Identifier: MIT
#pragma once

#include <mas/codec/codec.h>

namespace mas {

/// aiomas's default codec, byte for byte as Python's `json.dumps`: separators ", " and ": ",
/// `\uXXXX` escaping of everything outside printable ASCII (astral characters as surrogate
/// pairs, lower-case hex), floats as Python's repr (shortest round trip), NaN/Infinity tokens,
/// integers of any size. The decoder takes any valid JSON, raw UTF-8 and NaN/Infinity.
class MAS_EXPORT JsonCodec : public Codec
{
public:
    QString name() const override { return QStringLiteral("json"); }
    Result<QByteArray> encode(const Message &message) const override;
    Result<QByteArray> encodeValue(const Value &value) const override;
    Result<Value> decodeStructural(QByteArrayView bytes, bool *sawTypeTag = nullptr) const override;

    /// The encoder itself; `serializers` may be null (then custom objects cannot be encoded).
    static Result<QByteArray> write(const Value &value,
                                    const SerializerRegistry *serializers,
                                    const CodecLimits &limits = {});
    /// The structural decoder itself.
    static Result<Value> read(QByteArrayView bytes,
                              const CodecLimits &limits = {},
                              bool *sawTypeTag = nullptr);
    /// Python's `repr(float)`: "0.1", "1e+16", "1.5e-07", "NaN", "-Infinity".
    static QByteArray formatDouble(double d);
};

} // namespace mas
