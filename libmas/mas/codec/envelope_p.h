// SPDX-License-Identifier: MIT
#pragma once

// The built-in codecs' shortcut for Codec::decode(): the message triple [type, id, content]
// read straight into a Message, without building the triple as a list first.

#include <mas/codec/codeclimits.h>
#include <mas/codec/message.h>

#include <QByteArrayView>

namespace mas::detail {

/// Reads `payload` into `out` as the general way (decode the value, then Message::fromValue)
/// would, under the same limits. False for anything else: an error, a "__type__" tag, an
/// unusual head; the caller then takes the general way, which reports the error.
bool decodeJsonEnvelope(QByteArrayView payload, const CodecLimits &limits, Message &out);
/// The same for MsgPack (not Blosc): a fixarray of 3, a positive fixint type, an unsigned id.
bool decodeMsgPackEnvelope(QByteArrayView payload, const CodecLimits &limits, Message &out);

} // namespace mas::detail
