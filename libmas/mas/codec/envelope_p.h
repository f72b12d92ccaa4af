// SPDX-License-Identifier: MIT
#pragma once

// The built-in codecs' shortcut for Codec::decode(): the message triple [type, id, content]
// read straight into a Message, without building the triple as a list first.

#include <mas/codec/codeclimits.h>
#include <mas/codec/message.h>
#include <mas/core/result.h>

#include <QByteArray>

#include <QByteArrayView>

namespace mas {
class SerializerRegistry;
}

namespace mas::detail {

/// Reads `payload` into `out` as the general way (decode the value, then Message::fromValue)
/// would, under the same limits. False for anything else: an error, a "__type__" tag, an
/// unusual head; the caller then takes the general way, which reports the error.
bool decodeJsonEnvelope(QByteArrayView payload, const CodecLimits &limits, Message &out);
/// The same for MsgPack (not Blosc): a fixarray of 3, a positive fixint type, an unsigned id.
bool decodeMsgPackEnvelope(QByteArrayView payload, const CodecLimits &limits, Message &out);

/// JsonCodec::encode() and MsgPackCodec::encode() into `out` (its contents replaced, its
/// buffer reused; see Codec::encodeInto()).
Result<void> encodeJsonEnvelope(const Message &message, const SerializerRegistry *serializers,
                                const CodecLimits &limits, QByteArray &out);
Result<void> encodeMsgPackEnvelope(const Message &message, const SerializerRegistry *serializers,
                                   const CodecLimits &limits, QByteArray &out);

} // namespace mas::detail
