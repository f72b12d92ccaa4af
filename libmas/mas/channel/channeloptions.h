// SPDX-License-Identifier: MIT
#pragma once

#include <mas/codec/codeclimits.h>
#include <mas/codec/serializerregistry.h>
#include <mas/transport/framing.h>
#include <mas/transport/tlsoptions.h>

#include <mas/core/mas_export.h>
#include <mas/core/result.h>

#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

namespace mas {

class Clock;

/// Registers extra serializers on a new connection's codec (aiomas's `extra_serializers`).
/// They run in list order on both peers, so type ids match.
using SerializerSetup = std::function<Result<void>(SerializerRegistry &)>;

/// Which time a connection's timeouts run on (ChannelOptions::timeoutClock).
enum class TimeoutClock {
    /// The transport decides: connections on the in-process LocalQueue follow
    /// ChannelOptions::clock (a container sets its own), else the LocalNetwork's clock, else
    /// real time; sockets (tcp://, ipc://, TLS) run in real time.
    Automatic,
    /// Real (monotonic) time, whatever the transport.
    RealTime,
    /// ChannelOptions::clock, whatever the transport (it must be set).
    GivenClock,
};

/// Options of a channel connection or server.
///
/// **Which clock governs what.** The request deadline (requestTimeout and send()'s timeout),
/// recv()'s timeout, the idle and frame timeouts, and the pauses between connect retries
/// (connectTimeout) run on the clock timeoutClock chooses. On a clock they are timers of that
/// clock: a pending request's deadline is listed in Clock::pendingTimers() ("reply to request
/// 17 (agents/0/election) from local://demo-2/ due") and fires only when the clock reaches it, so
/// a system stepped on an ExternalClock stands still until its clock moves (on a RealTimeClock a
/// request's deadline counts from its coarse time, Clock::callInCoarse(): up to a few
/// milliseconds late; a channel keeps its requests' deadlines in one series on the clock, listed
/// and fired as separate timers). The attempt and TLS
/// handshake timeouts, and waiting for a peer that does not read (maxWriteBuffer), are about
/// the operating system's sockets and always run in real time.
struct MAS_EXPORT ChannelOptions
{
    /// Codec name: "json" (default), "msgpack", "msgpackblosc" or a registered user codec.
    QString codec = QStringLiteral("json");
    std::vector<SerializerSetup> extraSerializers;
    /// Connect retries, as aiomas: 0 = a single attempt, nullopt = retry forever, more = retry
    /// until this much time has passed. Between attempts: 0.5 s, then ×1.5 each time, capped at 30 s.
    std::optional<std::chrono::milliseconds> connectTimeout = std::chrono::milliseconds(0);
    /// Longest time one connection attempt may take.
    std::chrono::milliseconds attemptTimeout{10'000};
    /// Default time a request waits for its reply before failing with Timeout.
    std::chrono::milliseconds requestTimeout{60'000};
    /// Frames larger than this close the connection (FrameTooLarge).
    qsizetype maxFrameSize = kDefaultMaxFrameSize;
    /// Bytes queued for writing above which send() waits for the peer to read (back-pressure).
    qsizetype maxWriteBuffer = 8 * 1024 * 1024;
    /// Limits for decoding untrusted payloads.
    CodecLimits limits;
    /// Most requests waiting for replies, in each direction. send() beyond it fails at once with
    /// TooManyPendingRequests; a request from the peer beyond it (received, not yet answered)
    /// is answered at once with a TooManyPendingRequests failure. The connection stays open.
    qsizetype maxPendingRequests = 10'000;
    /// Servers: most open connections (tcp:// and ipc://; TLS handshakes in progress count).
    /// Further ones are closed as soon as they are accepted (TooManyConnections).
    qsizetype maxConnections = 1'000;
    /// Servers: most open connections from one peer (tcp://: one IP address; ipc://: one user
    /// id, from SO_PEERCRED), so that one client cannot take every place. 0 = only
    /// maxConnections (the default). Refused as maxConnections (TooManyConnections).
    qsizetype maxConnectionsPerPeer = 0;
    /// Servers: the most bytes all connections of the server together may hold in buffered
    /// partial frames and unsent replies. Checked before the memory is taken; the connection
    /// that would exceed it is closed (MemoryBudgetExceeded). With a budget, Qt buffers at most
    /// 64 KiB read from each socket (outside the budget). 0 = no budget (the default).
    qint64 memoryBudget = 0;
    /// Servers: frames (payloads) of at least this many bytes are decoded (decompressed and
    /// parsed) off the event loop, on a worker of a small process-wide thread pool
    /// (offloadDecodeThreads()), so that an expensive frame (a Blosc bomb, an array of millions
    /// of elements) does not stall the other connections. The connection reads nothing more
    /// until its frame is decoded (its frames keep their order); the frame counts against
    /// memoryBudget until then. Smaller frames, and all of client channels and of local://
    /// connections, are decoded on the event loop. 0 = never. Default 64 KiB.
    qint64 offloadDecodeBytes = 64 * 1024;
    /// Bytes per second a frame in progress must average: a frame (with its header) that began
    /// t seconds ago must have brought at least minFrameByteRate × (t − 2 s) bytes, else the
    /// connection closes (FrameTimeout), however regularly single bytes trickle in. 0 = off
    /// (the default; frameTimeout still applies). Real time only: not for connections whose
    /// timeouts run on a clock (local:// on a stepped clock).
    qint64 minFrameByteRate = 0;
    /// Close the connection (IdleTimeout) when no byte was received or sent for this long and
    /// no request is pending in either direction. 0 = never (the default).
    std::chrono::milliseconds idleTimeout{0};
    /// Close the connection (FrameTimeout) when a frame (or its 4-byte header) has begun and no
    /// further byte arrives for this long. 0 = never.
    std::chrono::milliseconds frameTimeout{30'000};
    /// TLS, for tcp:// addresses.
    std::optional<TlsOptions> tls;
    /// Who this end is (e.g. a container's base address), for observers such as the LocalQueue's
    /// event log. Not sent on the wire.
    QString endpointName;
    /// Which time the timeouts above run on (see the class comment).
    TimeoutClock timeoutClock = TimeoutClock::Automatic;
    /// The clock of the system this connection belongs to (Container sets its own): used by
    /// LocalQueue connections under TimeoutClock::Automatic, and always under GivenClock.
    QPointer<Clock> clock;

    /// The options of the public profile (`mas host --profile public`): the values of
    /// ChannelOptions changed to ones safe for a server open to untrusted networks (the
    /// defaults are the trusted profile), including the codec limits of `limits` that bound the
    /// work per frame (maxDecompressionRatio, maxDecompressedSize, maxElements; maxDepth is
    /// kept). Codec, clocks and TLS are kept.
    ChannelOptions withPublicProfile() const;
    /// Sets one limit by its name as `mas host`'s "limits" config keys spell it
    /// (max_connections, max_connections_per_peer, idle_timeout_ms, frame_timeout_ms,
    /// min_frame_byte_rate, max_frame_size, memory_budget, max_write_buffer,
    /// max_pending_requests, max_decompression_ratio, max_decompressed_size, max_elements,
    /// offload_decode_bytes, handshake_timeout_ms: the one of `tls`, ignored without TLS). InvalidArgument for
    /// another name; the value is checked by validate().
    Result<void> setLimit(QStringView name, qint64 value);
    /// The longest timeout any option accepts (about 100 years: its deadline in nanoseconds
    /// must fit the clocks' 64-bit time).
    static constexpr std::chrono::milliseconds kMaxTimeout{3'153'600'000'000LL};
    /// Checks every timeout (none negative or beyond kMaxTimeout) and that GivenClock has a
    /// clock. openConnection(), ChannelServer::listen() and Container refuse invalid options.
    Result<void> validate() const;
    /// Checks one timeout; `name` says which in the message ("requestTimeout").
    static Result<void> checkTimeout(std::chrono::milliseconds timeout, const QString &name);
};

} // namespace mas
