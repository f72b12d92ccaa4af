// SPDX-License-Identifier: MIT
#pragma once

#include <mas/codec/codec.h>

namespace mas {

/// aiomas's MsgPack codec (`msgpack.packb(use_bin_type=True)`): smallest integer encodings,
/// doubles as float64, text as str and bytes as bin, maps in insertion order with keys of any
/// type. Integers beyond 64 bits cannot be encoded (SerializationError). Ext types are refused.
class MAS_EXPORT MsgPackCodec : public Codec
{
public:
    QString name() const override { return QStringLiteral("msgpack"); }
    Result<QByteArray> encode(const Message &message) const override;
    Result<QByteArray> encodeValue(const Value &value) const override;
    Result<Value> decodeStructural(QByteArrayView bytes, bool *sawTypeTag = nullptr) const override;

    static Result<QByteArray> write(const Value &value,
                                    const SerializerRegistry *serializers,
                                    const CodecLimits &limits = {});
    static Result<Value> read(QByteArrayView bytes,
                              const CodecLimits &limits = {},
                              bool *sawTypeTag = nullptr);
};

/// aiomas's MsgPackBlosc codec: the MsgPack bytes inside a c-blosc 1.x frame (level 9, byte
/// shuffle, typesize 8, blosclz), identical to python-blosc's output with the same c-blosc.
class MAS_EXPORT MsgPackBloscCodec : public MsgPackCodec
{
public:
    QString name() const override { return QStringLiteral("msgpackblosc"); }
    Result<QByteArray> encode(const Message &message) const override;
    Result<QByteArray> encodeValue(const Value &value) const override;
    Result<Value> decodeStructural(QByteArrayView bytes, bool *sawTypeTag = nullptr) const override;

    /// Compresses as python-blosc's `blosc.compress(data, typesize=8)`.
    static Result<QByteArray> compress(QByteArrayView data);
    /// Checks the blosc1 header, refuses more than `maxSize` decompressed bytes, decompresses.
    static Result<QByteArray> decompress(QByteArrayView frame, qsizetype maxSize);
    /// The same, and also refuses a frame that would grow more than `maxRatio` times (0: no
    /// ratio limit); both are checked on the header, before anything is decompressed.
    static Result<QByteArray> decompress(QByteArrayView frame, qsizetype maxSize, qsizetype maxRatio);
};

} // namespace mas
