// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/masnamespace.h>
#include <mas/core/value.h>

#include <QByteArray>

namespace mas {

class Channel;
class Codec;

/// One frame that a channel sent or received, as observers see it.
struct MAS_EXPORT FrameEvent
{
    enum class Direction { Sent, Received };

    Direction direction = Direction::Sent;
    MessageType type = MessageType::Request;
    quint64 id = 0;
    /// Payload size in bytes (without the 4-byte header).
    qsizetype size = 0;
    /// Monotonic time in nanoseconds (QElapsedTimer's clock) and wall time in ms since the epoch.
    qint64 monotonicNs = 0;
    qint64 wallTimeMs = 0;
    /// The payload bytes (implicitly shared, not copied).
    QByteArray payload;
    /// The channel's codec, to decode on demand.
    const Codec *codec = nullptr;

    /// Decodes the payload's content structurally (tagged objects stay maps). Only observers that
    /// want the content pay for this.
    Result<Value> decodeContent() const;
};

/// Watches a channel's traffic (the Inspector, event logs, tests). Called synchronously on the
/// channel's thread; keep it cheap. A channel with no observers does no observation work.
class MAS_EXPORT ChannelObserver
{
public:
    virtual ~ChannelObserver();
    virtual void frameEvent(const Channel &channel, const FrameEvent &event) = 0;
    /// The channel closed: `reason` is NoError for a local close().
    virtual void channelClosed(const Channel &channel, const Error &reason);
};

} // namespace mas
