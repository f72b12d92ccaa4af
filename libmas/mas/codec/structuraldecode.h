// SPDX-License-Identifier: MIT
#pragma once

#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include <mas/core/mas_export.h>
#include <mas/core/result.h>

#include <QByteArrayView>

namespace mas {

/// As codec.decodeStructural() and then Message::fromValue() (tagged maps stay maps), but the
/// built-in codecs read a triple without tags straight into the message, as Codec::decode()
/// does: what describing a recorded frame needs, at about half the cost.
MAS_EXPORT Result<Message> decodeStructuralMessage(const Codec &codec, QByteArrayView payload);

} // namespace mas
