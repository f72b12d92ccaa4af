// SPDX-License-Identifier: MIT
#pragma once

#include "channel.h"
#include "offloaddecoder_p.h"

#include "mas/core/completion_p.h"
#include "mas/transport/framing.h"

#include <mas/clock/clock.h>
#include <mas/clock/deadlineseries_p.h>
#include <mas/transport/streamsocket.h>

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <map>
#include <memory_resource>
#include <unordered_map>
#include <set>
#include <vector>

class QIODevice;

namespace mas {

/// ChannelOptions::memoryBudget of one server: the bytes its channels hold in buffered partial
/// frames (the frame decoder's capacity) and unsent replies (the device's write buffer).
struct MemoryBudget
{
    qint64 limit = 0;
    qint64 used = 0;
    qint64 peak = 0;
};

/// The clock a connection's timeouts run on under `options` (null: real time); `socket`: the
/// connection is an operating-system socket (see TimeoutClock).
Clock *timeoutClockFor(const ChannelOptions &options, bool socket);

/// One single-shot timeout of a channel: a QTimer in real time, or a timer of the channel's
/// clock (then listed in Clock::pendingTimers() and moved only by that clock).
struct ChannelTimeout
{
    std::unique_ptr<QTimer> timer; ///< real time: made when first armed (a child of the channel)
    TimerHandle handle;
    bool isActive() const { return (timer && timer->isActive()) || handle.isPending(); }
};

class ChannelPrivate
{
public:
    using Reply = detail::Completion<Result<Value>>;

    ChannelPrivate(Channel *q, QIODevice *device, std::unique_ptr<Codec> codec, const ChannelOptions &options);

    void onReadyRead();
    /// What onReadyRead() does, with what is written meanwhile staged or not.
    void readFrames();
    void onDisconnected();
    /// Decodes a frame taken from `frames` with nextView(), releases the buffer, handles it.
    void handlePayload(QByteArrayView payload);
    /// What handlePayload() does after decoding (also for frames decoded off the loop);
    /// `payload` is only for the observers (empty when there are none).
    void handleMessage(Result<Message> decoded, const QByteArray &payload);
    /// Servers: decode frames of at least `thresholdBytes` off the event loop
    /// (ChannelOptions::offloadDecodeBytes; operating-system sockets only).
    void enableOffload(qint64 thresholdBytes);
    /// A frame decoded off the loop is back: handle it, then go on reading.
    void onOffloadDone(Result<Value> value, bool sawTypeTag, const QByteArray &payload);
    /// Reading is held: the peer does not read our replies, or a frame is being decoded off
    /// the loop (the frame and rate timeouts then wait too).
    bool readingHeld() const { return readPaused || (offload && offload->busy()); }
    /// Encodes and writes one message.
    Result<void> writeMessage(const Message &message);
    /// Encodes `message` into `encoded` (Codec::encodeInto(): the buffer is reused).
    Result<void> encode(const Message &message);
    /// Gives `encoded`'s buffer back when a large payload made it large.
    void trimEncoded();
    /// Frames and writes an encoded payload: a small frame in one write, a large one as header
    /// and payload (which saves building a third buffer). Inside onReadyRead() the frames
    /// gather in `staged` and go out together at its end (flushStaged()); `now`: a small frame
    /// goes to the operating system at once (StreamSocket::writeDirect()) instead of a turn of
    /// the event loop later.
    Result<void> writePayload(const QByteArray &payload, MessageType type, quint64 id, bool now = false);
    /// Hands the staged frames to the operating system (what it does not take, to the device).
    void flushStaged();
    /// Written and not yet handed to the operating system: the device's buffer and `staged`.
    qint64 bytesToWrite() const { return device->bytesToWrite() + staged.size(); }
    /// Marks the channel closed and fails everything pending with `reason`; a local close
    /// leaves error() empty.
    void shutdown(const Error &reason, bool local = false);
    void failAll(const Error &reason);
    void armTimeoutTimer();
    void onTimeout();
    /// A request's deadline on the clock fired.
    void onClockDeadline(quint64 id);
    /// Fails request `id` (taken out of `pending`) with Timeout and ignores its late reply.
    void expire(quint64 id, Reply reply, qint64 now);
    /// The clock was destroyed: everything waiting fails with Cancelled.
    void onClockDestroyed();
    /// Now on the timeouts' time scale, in nanoseconds (real time or the clock's time()).
    qint64 nowNs() const;
    /// Arms `t` to call `f` after `ns` nanoseconds of the timeouts' time; `description` names
    /// it in the clock's pending timers.
    void startTimeout(ChannelTimeout &t, qint64 ns, const QString &description, void (ChannelPrivate::*f)());
    void stopTimeout(ChannelTimeout &t);
    /// The real-time timer in `slot`, made on first use: single-shot, a child of the channel
    /// (so that a look at a system's objects finds it), calling `f` when it fires. Made lazily:
    /// a connection whose timeouts run on a clock, or that never arms one, builds no QTimer
    /// (the explorer builds and tears down thousands of connections).
    QTimer *realTimer(std::unique_ptr<QTimer> &slot, void (ChannelPrivate::*f)());
    /// The error of a channel whose clock was destroyed.
    Error clockGoneError() const;
    void notify(FrameEvent::Direction direction, MessageType type, quint64 id, const QByteArray &payload);
    void onBytesWritten();
    Error closedError() const;
    /// A request from the peer beyond maxPendingRequests: answered at once with a failure.
    void refuseRequest(quint64 id);
    /// Logs `message` unless a limit warning went out in the last 10 s (then only counts it).
    void warnLimit(const QString &message);
    void onIdleTimer();
    void onFrameTimer();
    /// minFrameByteRate: the frame in progress is too slow (checked when its time is up).
    void onRateTimer();
    void armRateTimer();
    void setMemoryBudget(std::shared_ptr<MemoryBudget> b);
    /// Whether `more` bytes beyond what this channel is charged now fit the budget; if not, the
    /// channel is closed (MemoryBudgetExceeded) with one log line and false is returned.
    bool reserve(qint64 more, const QString &what);
    /// Charges the channel with what it holds now (or nothing, when closed).
    void recharge();

    Channel *q;
    QIODevice *device;
    /// What the channel needs to know about the device's transport, and how to close it.
    std::unique_ptr<StreamSocket> socket;
    std::unique_ptr<Codec> codec;
    ChannelOptions options;
    FrameDecoder frames;
    QString peerName;

    bool open = true;
    Error error;         // why it closed (NoError for a local close)
    bool closedEmitted = false;

    quint64 nextId = 0;
    /// The nodes of `pending` and `deadlines` (one of each per request): taken from pools of
    /// the channel and given back to them, not to the heap, when the reply comes.
    std::pmr::unsynchronized_pool_resource requestNodes;
    using Deadlines = std::pmr::multimap<qint64, quint64>; // deadline (ns on `clock`) -> request id
    struct Pending
    {
        Reply reply;
        Deadlines::iterator deadline; // real time: erased together with the pending entry
        QString path;                 // on the clock: the request's RPC path, for describing its deadline
    };
    /// Makes request `id` pending, with its deadline on the clock (onClock).
    Result<void> addClockRequest(quint64 id, std::chrono::milliseconds timeout, const Reply &reply, QString path);
    /// The text of request `id`'s deadline in Clock::pendingTimers(), built when asked.
    QString describeDeadline(quint64 id) const;
    std::pmr::unordered_map<quint64, Pending> pending{&requestNodes};
    Deadlines deadlines{&requestNodes};
    std::set<quint64> abandoned;              // timed-out ids whose late replies we ignore
    std::unique_ptr<QTimer> timeoutTimer; ///< realTimer(): made when first armed
    /// The deadline timeoutTimer was armed for (it fires at or just after it).
    qint64 timeoutTimerDueNs = 0;
    /// Real (monotonic) time: observers' frame times, log rate limits, and the timeouts when
    /// they do not run on a clock.
    QElapsedTimer realTime;
    /// The clock the timeouts run on (ChannelOptions::timeoutClock); null with onClock false:
    /// real time. Null with onClock true: the clock was destroyed.
    QPointer<Clock> timeClock;
    bool onClock = false;
    /// The requests' deadlines on timeClock (onClock; cancelled with their pending entries).
    std::unique_ptr<detail::DeadlineSeries> deadlineSeries;

    std::deque<Request> incoming;
    std::vector<detail::Completion<Result<Request>>> recvWaiters;
    std::vector<detail::Completion<bool>> writeWaiters;

    std::vector<ChannelObserver *> observers;

    /// TCP without TLS, or a Unix socket: frames may be written straight to the operating
    /// system (StreamSocket::writeDirect()).
    bool directWrites = false;
    /// The payload being written (encode()), its buffer kept from message to message.
    QByteArray encoded;
    /// Depth of onReadyRead() calls that stage what is written (see writePayload()).
    int staging = 0;
    QByteArray staged;

    // limits (ChannelOptions::maxPendingRequests, idleTimeout, frameTimeout)
    /// Incoming requests not yet answered; every Request holds it and counts itself down when
    /// it is answered, or dropped unanswered.
    std::shared_ptr<qsizetype> unanswered = std::make_shared<qsizetype>(0);
    qint64 lastReceivedNs = 0; // on nowNs()'s scale
    qint64 lastActivityNs = 0; // a byte received or written
    ChannelTimeout idleTimer;
    ChannelTimeout frameTimer;
    bool receivedAny = false;
    Error tlsFailure; // a TLS error the socket reported before it closed
    /// We stopped reading: our replies pile up because the peer does not read them.
    bool readPaused = false;
    qint64 lastLimitWarningNs = -1;
    qsizetype unloggedLimitWarnings = 0;
    // minFrameByteRate (real time only)
    ChannelTimeout rateTimer;
    bool frameInProgress = false;
    qint64 frameStartNs = 0;
    // memoryBudget (servers)
    std::shared_ptr<MemoryBudget> budget;
    qint64 charged = 0;
    // offloadDecodeBytes (servers): null when off
    std::unique_ptr<OffloadDecoder> offload;
    /// The stream ended while a frame was being decoded off the loop: handled after it.
    bool endPending = false;
};

} // namespace mas
