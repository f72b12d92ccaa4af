// SPDX-License-Identifier: MIT
#include "channel.h"

#include "channel_p.h"
#include "mas/core/logging_p.h"

#include <mas/core/peertext.h>

#include <mas/transport/localqueue.h>
#include <mas/transport/streamsocket.h>

#include <QDateTime>
#include <QtEndian>

#include <cstring>
#include <optional>

namespace mas {

namespace {
constexpr std::size_t kMaxAbandoned = 10'000;
/// How much of a reason (which may quote the peer) a log line shows.
constexpr qsizetype kLogReasonMaxChars = 400;

/// Waits until `object` emits `signal` (true) or `timeout` passes (false).
template<class Object, class Signal>
QCoro::Task<bool> waitForSignal(Object *object, Signal signal, std::chrono::milliseconds timeout)
{
    detail::Completion<bool> done;
    QObject context;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(object, signal, &context, [done]() mutable { done.complete(true); });
    QObject::connect(&timer, &QTimer::timeout, &context, [done]() mutable { done.complete(false); });
    timer.start(timeout);
    co_return co_await done;
}

QString failureText(const Value &content)
{
    if (content.isString())
        return content.toString();
    if (content.isList()) { // mosaik: [type, message, traceback chunks...]
        QStringList parts;
        for (const Value &item : content.asList())
            parts << (item.isString() ? item.toString() : item.toDisplayString(200));
        return parts.join(u'\n');
    }
    return content.toDisplayString(2000);
}

/// The first bytes of a TLS record (handshake or alert, version 3.x) where a frame header was
/// expected: the peer speaks TLS and we do not. Read as a header they announce 350+ MB.
bool looksLikeTls(const QByteArray &bytes, qsizetype maxFrameSize)
{
    return bytes.size() >= 3 && (bytes[0] == '\x16' || bytes[0] == '\x15') && bytes[1] == '\x03'
           && quint8(bytes[2]) <= 4 && qint64(0x15030000) > qint64(maxFrameSize);
}

/// A timer interval for `ns` nanoseconds from now (at least 1 ms, at most a day).
std::chrono::milliseconds timerInterval(qint64 ns)
{
    return std::chrono::milliseconds(std::clamp<qint64>(ns / 1'000'000 + 1, 1, 24 * 3600 * 1000));
}

constexpr qint64 kNsPerMs = 1'000'000;

/// The RPC path of a request's content ([path, args, kwargs]), or empty.
QString requestPath(const Value &content)
{
    if (content.isList() && content.size() == 3 && content.at(0).isString())
        return content.at(0).toString();
    return {};
}
} // namespace

// ---- ChannelOptions ----

Result<void> ChannelOptions::checkTimeout(std::chrono::milliseconds timeout, const QString &name)
{
    if (timeout.count() < 0)
        return Error(ErrorCode::InvalidArgument,
                     mas::tr("The timeout %1 must not be negative (it is %2 ms)").arg(name).arg(timeout.count()));
    if (timeout > kMaxTimeout)
        return Error(ErrorCode::InvalidArgument,
                     mas::tr("The timeout %1 is too large: %2 ms (at most %3 ms)")
                         .arg(name)
                         .arg(timeout.count())
                         .arg(kMaxTimeout.count()));
    return {};
}

Result<void> ChannelOptions::validate() const
{
    if (connectTimeout)
        MAS_TRY_VOID(checkTimeout(*connectTimeout, QStringLiteral("connectTimeout")));
    MAS_TRY_VOID(checkTimeout(attemptTimeout, QStringLiteral("attemptTimeout")));
    MAS_TRY_VOID(checkTimeout(requestTimeout, QStringLiteral("requestTimeout")));
    MAS_TRY_VOID(checkTimeout(idleTimeout, QStringLiteral("idleTimeout")));
    MAS_TRY_VOID(checkTimeout(frameTimeout, QStringLiteral("frameTimeout")));
    if (tls)
        MAS_TRY_VOID(checkTimeout(tls->handshakeTimeout, QStringLiteral("handshakeTimeout")));
    const std::pair<qint64, const char *> sizes[] = {
        {maxFrameSize, "maxFrameSize"},           {maxWriteBuffer, "maxWriteBuffer"},
        {maxPendingRequests, "maxPendingRequests"}, {maxConnections, "maxConnections"},
        {maxConnectionsPerPeer, "maxConnectionsPerPeer"}, {memoryBudget, "memoryBudget"},
        {offloadDecodeBytes, "offloadDecodeBytes"},
        {minFrameByteRate, "minFrameByteRate"}, {limits.maxElements, "limits.maxElements"},
        {limits.maxDecompressedSize, "limits.maxDecompressedSize"},
        {limits.maxDecompressionRatio, "limits.maxDecompressionRatio"}};
    for (const auto &[value, name] : sizes) {
        if (value < 0)
            return Error(ErrorCode::InvalidArgument,
                         mas::tr("The limit %1 must not be negative (it is %2)").arg(QLatin1String(name)).arg(value));
    }
    if (timeoutClock == TimeoutClock::GivenClock && !clock)
        return Error(ErrorCode::InvalidArgument,
                     mas::tr("The timeouts should run on a given clock (TimeoutClock::GivenClock), "
                             "but no clock was given"));
    return {};
}

ChannelOptions ChannelOptions::withPublicProfile() const
{
    ChannelOptions o = *this;
    o.maxFrameSize = 4 * 1024 * 1024;
    o.maxWriteBuffer = 1024 * 1024;
    o.maxPendingRequests = 100;
    o.maxConnections = 256;
    o.maxConnectionsPerPeer = 16;
    o.memoryBudget = 256 * 1024 * 1024;
    o.minFrameByteRate = 64 * 1024;
    o.idleTimeout = std::chrono::seconds(60);
    o.frameTimeout = std::chrono::seconds(10);
    // Bounded work per frame: a Blosc frame may inflate at most 32 times (Blosc reaches about
    // 250 on runs of zeros) and to at most 16 MiB, and a payload holds at most 100,000 values.
    o.limits.maxDecompressionRatio = 32;
    o.limits.maxDecompressedSize = 16 * 1024 * 1024;
    o.limits.maxElements = 100'000;
    if (o.tls)
        o.tls->handshakeTimeout = std::chrono::seconds(5);
    return o;
}

Result<void> ChannelOptions::setLimit(QStringView name, qint64 value)
{
    const std::chrono::milliseconds ms(value);
    if (name == u"max_connections")
        maxConnections = value;
    else if (name == u"max_connections_per_peer")
        maxConnectionsPerPeer = value;
    else if (name == u"idle_timeout_ms")
        idleTimeout = ms;
    else if (name == u"frame_timeout_ms")
        frameTimeout = ms;
    else if (name == u"min_frame_byte_rate")
        minFrameByteRate = value;
    else if (name == u"max_frame_size")
        maxFrameSize = value;
    else if (name == u"memory_budget")
        memoryBudget = value;
    else if (name == u"max_write_buffer")
        maxWriteBuffer = value;
    else if (name == u"max_pending_requests")
        maxPendingRequests = value;
    else if (name == u"max_decompression_ratio")
        limits.maxDecompressionRatio = value;
    else if (name == u"max_decompressed_size")
        limits.maxDecompressedSize = value;
    else if (name == u"max_elements")
        limits.maxElements = value;
    else if (name == u"offload_decode_bytes")
        offloadDecodeBytes = value;
    else if (name == u"handshake_timeout_ms") {
        if (tls)
            tls->handshakeTimeout = ms;
    } else
        return Error(ErrorCode::InvalidArgument, mas::tr("Unknown limit \"%1\"").arg(name));
    return {};
}

Clock *timeoutClockFor(const ChannelOptions &options, bool socket)
{
    switch (options.timeoutClock) {
    case TimeoutClock::RealTime:
        return nullptr;
    case TimeoutClock::GivenClock:
        return options.clock.data();
    case TimeoutClock::Automatic:
        break;
    }
    if (socket)
        return nullptr;
    if (options.clock)
        return options.clock.data();
    return LocalNetwork::instance()->clock();
}

// ---- FrameEvent / ChannelObserver ----

Result<Value> FrameEvent::decodeContent() const
{
    if (!codec)
        return Error(ErrorCode::InvalidArgument, mas::tr("No codec to decode the frame with"));
    MAS_TRY(value, codec->decodeStructural(payload));
    return value.at(2);
}

ChannelObserver::~ChannelObserver() = default;
void ChannelObserver::channelClosed(const Channel &, const Error &) {}

// ---- ChannelPrivate ----

ChannelPrivate::ChannelPrivate(Channel *q,
                               QIODevice *device,
                               std::unique_ptr<Codec> codec,
                               const ChannelOptions &options)
    : q(q)
    , device(device)
    , socket(std::make_unique<StreamSocket>(device))
    , codec(std::move(codec))
    , options(options)
    , frames(options.maxFrameSize)
    , peerName(socket->peerName())
{
    this->codec->setLimits(options.limits);
    realTime.start();
    directWrites = socket->kind() == StreamSocket::Kind::Tcp || socket->kind() == StreamSocket::Kind::Unix;
    timeClock = timeoutClockFor(options, socket->isOperatingSystemSocket());
    onClock = bool(timeClock);
    if (onClock) {
        QObject::connect(timeClock, &QObject::destroyed, q, [this] { onClockDestroyed(); });
        deadlineSeries = std::make_unique<detail::DeadlineSeries>(
            timeClock, [this](quint64 id) { onClockDeadline(id); },
            [this](quint64 id) { return describeDeadline(id); });
    }
    lastReceivedNs = lastActivityNs = nowNs();
}

qint64 ChannelPrivate::nowNs() const
{
    if (!onClock)
        return realTime.nsecsElapsed();
    if (!timeClock)
        return 0;
    constexpr double kLimit = 9.0e18;
    return qint64(std::clamp(std::round(timeClock->time() * 1e9), -kLimit, kLimit));
}

void ChannelPrivate::startTimeout(ChannelTimeout &t, qint64 ns, const QString &description,
                                  void (ChannelPrivate::*f)())
{
    stopTimeout(t);
    if (!onClock) {
        realTimer(t.timer, f)->start(timerInterval(ns));
        return;
    }
    if (!timeClock)
        return;
    Result<TimerHandle> handle = timeClock->callIn(std::max<qint64>(ns, 1) / 1e9,
                                                   [this, f] { (this->*f)(); }, description);
    if (handle)
        t.handle = *handle;
    else
        qCWarning(lcChannel).noquote() << "cannot arm" << description << ":" << handle.error().message();
}

QTimer *ChannelPrivate::realTimer(std::unique_ptr<QTimer> &slot, void (ChannelPrivate::*f)())
{
    if (!slot) {
        slot = std::make_unique<QTimer>(q);
        slot->setSingleShot(true);
        QObject::connect(slot.get(), &QTimer::timeout, q, [this, f] { (this->*f)(); });
    }
    return slot.get();
}

void ChannelPrivate::stopTimeout(ChannelTimeout &t)
{
    if (t.timer)
        t.timer->stop();
    t.handle.cancel();
    t.handle = {};
}

Result<void> ChannelPrivate::addClockRequest(quint64 id, std::chrono::milliseconds timeout, const Reply &reply,
                                             QString path)
{
    // Not in Channel::send(): its locals would make every request's coroutine frame larger.
    //
    // The deadline is a timer of the clock: listed with the clock's pending timers, due when
    // the clock gets there, however long that takes in real time. It counts from the clock's
    // coarse time (a real-time clock: up to a tick of the system's coarse clock late, without a
    // precise reading of the time per request), as Clock::callInCoarse() does. Its text is built
    // only when someone lists the clock's timers (a request per call). The channel keeps its
    // requests' deadlines in one series on the clock (see DeadlineSeries).
    if (timeout.count() == 0) {
        // No time at all: due at once (from the event loop, after the request went out).
        QMetaObject::invokeMethod(q, [this, id] { onClockDeadline(id); }, Qt::QueuedConnection);
    } else if (Result<void> set = deadlineSeries->add(double(timeout.count()) / 1000.0, id); !set) {
        return set.error().withContext(Channel::tr("Cannot set the deadline of request %1").arg(id));
    }
    pending.emplace(id, Pending{reply, deadlines.end(), std::move(path)});
    return {};
}

QString ChannelPrivate::describeDeadline(quint64 id) const
{
    const auto it = pending.find(id);
    const QString path = it == pending.end() ? QString() : it->second.path;
    // One arg() call for all the arguments: a chain of them costs a pass each.
    return path.isEmpty() ? Channel::tr("reply to request %1 from %2 due").arg(QString::number(id), peerName)
                          : Channel::tr("reply to request %1 (%2) from %3 due").arg(QString::number(id), path, peerName);
}

Error ChannelPrivate::clockGoneError() const
{
    return Error(ErrorCode::Cancelled,
                 mas::tr("The clock of the connection to %1 was destroyed").arg(peerName));
}

void ChannelPrivate::onClockDestroyed()
{
    if (!open)
        return;
    qCDebug(lcChannel).noquote() << "the clock of the connection to" << peerName
                                 << "was destroyed; its waiting requests are cancelled";
    stopTimeout(idleTimer);
    stopTimeout(frameTimer);
    failAll(clockGoneError());
}

void ChannelPrivate::notify(FrameEvent::Direction direction,
                            MessageType type,
                            quint64 id,
                            const QByteArray &payload)
{
    FrameEvent e;
    e.direction = direction;
    e.type = type;
    e.id = id;
    e.size = payload.size();
    e.monotonicNs = realTime.nsecsElapsed();
    e.wallTimeMs = QDateTime::currentMSecsSinceEpoch();
    e.payload = payload;
    e.codec = codec.get();
    const auto copy = observers; // an observer may remove itself
    for (ChannelObserver *o : copy)
        o->frameEvent(*q, e);
}

void ChannelPrivate::onReadyRead()
{
    if (!directWrites) {
        readFrames();
        return;
    }
    // The replies of the frames read here go out together when they are handled: one write to
    // the operating system now, not a turn of the event loop later.
    QPointer<Channel> guard(q);
    ++staging;
    readFrames();
    if (guard && --staging == 0)
        flushStaged();
}

void ChannelPrivate::readFrames()
{
    if (!open || (offload && offload->busy()))
        return;
    // While the peer does not read our replies, do not read its requests either (TCP flow
    // control then slows it down) instead of queueing replies without bound.
    if (bytesToWrite() > options.maxWriteBuffer) {
        if (!readPaused)
            qCDebug(lcChannel).noquote()
                << "pausing reads from" << peerName << ": it does not read what we send";
        readPaused = true;
        return;
    }
    // The memory budget is checked before the bytes are read and the frame buffer grows.
    const qint64 available = device->bytesAvailable();
    if (budget && available > 0) {
        const qint64 growth = qint64(frames.capacityAfterFeeding(available)) - frames.capacity();
        if (growth > 0 && !reserve(growth, mas::tr("a frame it is sending")))
            return;
    }
    QByteArray bytes = socket->read(available); // a LocalQueue's end hands its buffer over
    if (!bytes.isEmpty()) {
        lastReceivedNs = lastActivityNs = nowNs();
        if (!receivedAny) {
            receivedAny = true;
            if (looksLikeTls(bytes, options.maxFrameSize)) {
                q->abort(Error(
                    ErrorCode::TlsError,
                    mas::tr("%1 speaks TLS, but this connection does not use TLS").arg(peerName)));
                return;
            }
        }
    }
    frames.feed(std::move(bytes)); // taken over, not copied, when no partial frame waits
    recharge();
    QPointer<Channel> guard(q);
    bool completed = false;
    while (open) {
        // A view into the frame buffer: decoded (or copied for the off-loop decoder), then the
        // buffer is released before anything else runs (see handlePayload()).
        std::optional<Result<QByteArrayView>> frame = frames.nextView();
        if (!frame)
            break;
        completed = true;
        if (!*frame) {
            q->abort(frame->error().withContext(mas::tr("Received a bad frame")));
            return;
        }
        if (offload && offload->wants((*frame)->size())
            && offload->start((*frame)->toByteArray(),
                              [this](Result<Value> value, bool sawTypeTag, const QByteArray &payload) {
                                  onOffloadDone(std::move(value), sawTypeTag, payload);
                              })) {
            frames.release();
            break; // the next frames wait until this one is back (onOffloadDone())
        }
        handlePayload(**frame);
        if (!guard)
            return;
        recharge();
        if (bytesToWrite() > options.maxWriteBuffer) {
            readPaused = true; // the rest waits in `frames` until the peer reads (onBytesWritten)
            break;
        }
    }
    recharge();
    // minFrameByteRate: a frame in progress is timed from its first byte.
    if (!open || frames.bufferedBytes() == 0) {
        frameInProgress = false;
        stopTimeout(rateTimer);
    } else if (!frameInProgress || completed) {
        frameInProgress = true;
        frameStartNs = nowNs();
        armRateTimer();
    }
    // A frame has begun: the rest of it must follow within frameTimeout (see onFrameTimer()).
    if (open && frames.bufferedBytes() > 0 && options.frameTimeout.count() > 0
        && !frameTimer.isActive())
        startTimeout(frameTimer, qint64(options.frameTimeout.count()) * kNsPerMs,
                     mas::tr("frame timeout of the connection to %1").arg(peerName),
                     &ChannelPrivate::onFrameTimer);
}

void ChannelPrivate::handlePayload(QByteArrayView payload)
{
    // Decoded from the view into the frame buffer; the buffer is released (as when the frame
    // was copied out of it) before the message is handled, so no handler sees the consumed
    // bytes charged to the memory budget, and nothing can touch the view after this.
    Result<Message> decoded = codec->decode(payload);
    const QByteArray kept = observers.empty() ? QByteArray() : payload.toByteArray();
    frames.release();
    handleMessage(std::move(decoded), kept);
}

void ChannelPrivate::enableOffload(qint64 thresholdBytes)
{
    if (thresholdBytes > 0 && socket->isOperatingSystemSocket())
        offload = std::make_unique<OffloadDecoder>(q, thresholdBytes, codec->name(), options.limits);
}

void ChannelPrivate::onOffloadDone(Result<Value> value, bool sawTypeTag, const QByteArray &payload)
{
    // As Codec::decode(): "__type__" tags resolved with this connection's serializers (user
    // code, so here on the channel's thread), then the triple checked.
    if (value && sawTypeTag) {
        if (Result<void> resolved = codec->serializers().resolveTags(*value); !resolved)
            value = resolved.error();
    }
    QPointer<Channel> guard(q);
    handleMessage(value ? Message::fromValue(std::move(*value)) : Result<Message>(value.error()), payload);
    if (!guard || !open)
        return;
    recharge();
    onReadyRead(); // the frames that waited behind this one, and more from the device
    if (guard && open && endPending && !offload->busy())
        onDisconnected();
}

void ChannelPrivate::handleMessage(Result<Message> decoded, const QByteArray &payload)
{
    if (!decoded) {
        q->abort(decoded.error().withContext(mas::tr("Received an invalid message")));
        return;
    }
    Message &m = *decoded;
    if (!observers.empty())
        notify(FrameEvent::Direction::Received, m.type, m.id, payload);

    if (m.type == MessageType::Request) {
        if (*unanswered >= options.maxPendingRequests) {
            refuseRequest(m.id);
            return;
        }
        incoming.push_back(Request(q, m.id, std::move(m.content)));
        // Hand it to a waiting recv(); skip waiters that already timed out.
        while (!recvWaiters.empty() && !incoming.empty()) {
            detail::Completion<Result<Request>> waiter = recvWaiters.front();
            recvWaiters.erase(recvWaiters.begin());
            if (waiter.complete(Result<Request>(incoming.front())))
                incoming.pop_front();
        }
        Q_EMIT q->requestReceived();
        return;
    }

    auto it = pending.find(m.id);
    if (it == pending.end()) {
        if (abandoned.erase(m.id)) {
            qCDebug(lcChannel) << "ignoring the late reply to timed-out request" << m.id;
            return;
        }
        q->abort(Error(ErrorCode::InvalidMessage,
                       mas::tr("Received a reply to unknown request id %1").arg(m.id)));
        return;
    }
    Reply reply = it->second.reply;
    if (onClock)
        deadlineSeries->cancel(m.id);
    else
        deadlines.erase(it->second.deadline);
    pending.erase(it);
    if (m.type == MessageType::Result)
        reply.complete(Result<Value>(std::move(m.content)));
    else
        reply.complete(Result<Value>(Error::remote(peerName, failureText(m.content))));
}

Result<void> ChannelPrivate::writePayload(const QByteArray &payload, MessageType type, quint64 id, bool now)
{
    if (quint64(payload.size()) > kMaxWirePayloadSize)
        return encodeFrame(payload).error(); // the PayloadTooLarge error, worded once
    if (budget && !reserve(kFrameHeaderSize + payload.size(), mas::tr("a message to it")))
        return error;
    // A small frame goes to the device in one write (each write is a call into the socket's
    // buffer); a large one as header and payload, so the payload is not copied once more.
    constexpr qsizetype kOneWriteBytes = 1024;
    // Frames written while onReadyRead() runs gather in `staged` (a large one goes out after
    // them, through the device).
    constexpr qsizetype kStagedBytes = 64 * 1024;
    char header[kFrameHeaderSize];
    qToBigEndian(quint32(payload.size()), header);
    if (staging > 0 && payload.size() <= kStagedBytes) {
        staged.append(header, kFrameHeaderSize);
        staged.append(payload);
    } else if (payload.size() <= kOneWriteBytes) {
        flushStaged();
        char frame[kFrameHeaderSize + kOneWriteBytes];
        std::memcpy(frame, header, kFrameHeaderSize);
        std::memcpy(frame + kFrameHeaderSize, payload.constData(), std::size_t(payload.size()));
        const qint64 size = kFrameHeaderSize + payload.size();
        const qint64 taken = now && directWrites ? std::max<qint64>(socket->writeDirect(frame, size), 0) : 0;
        if (taken < size)
            device->write(frame + taken, size - taken);
        if (taken > 0)
            onBytesWritten();
    } else {
        flushStaged();
        device->write(header, kFrameHeaderSize);
        device->write(payload);
    }
    recharge();
    if (!observers.empty())
        notify(FrameEvent::Direction::Sent, type, id, payload);
    return {};
}

void ChannelPrivate::flushStaged()
{
    if (staged.isEmpty())
        return;
    if (!device->isOpen()) {
        staged.resize(0);
        return;
    }
    const qint64 size = staged.size();
    const qint64 taken = std::max<qint64>(socket->writeDirect(staged.constData(), size), 0);
    if (taken < size)
        device->write(staged.constData() + taken, size - taken);
    // The buffer is kept for the next reads (unless a burst made it large).
    if (staged.capacity() > 256 * 1024)
        staged = QByteArray();
    else
        staged.resize(0);
    if (taken > 0)
        onBytesWritten();
}

Result<void> ChannelPrivate::writeMessage(const Message &message)
{
    if (!open)
        return closedError();
    MAS_TRY_VOID(encode(message));
    Result<void> written = writePayload(encoded, message.type, message.id);
    trimEncoded();
    return written;
}

Result<void> ChannelPrivate::encode(const Message &message)
{
    Result<void> r = codec->encodeInto(message, encoded);
    if (!r)
        encoded = QByteArray();
    return r;
}

void ChannelPrivate::trimEncoded()
{
    if (encoded.capacity() > 64 * 1024)
        encoded = QByteArray();
}

void ChannelPrivate::refuseRequest(quint64 id)
{
    warnLimit(QStringLiteral("refused request %1 from %2: %3 of its requests are not answered yet "
                             "(maxPendingRequests)")
                  .arg(id)
                  .arg(peerName)
                  .arg(*unanswered));
    const Error e(
        ErrorCode::TooManyPendingRequests,
        mas::tr("Too many pending requests: %1 requests on this connection are not answered "
                "yet (the limit is %2); request %3 was refused")
            .arg(*unanswered)
            .arg(options.maxPendingRequests)
            .arg(id));
    (void)writeMessage(Message::failure(id, formatFailure(pythonTypeFor(e), e.message())));
}

void ChannelPrivate::warnLimit(const QString &message)
{
    constexpr qint64 kQuietNs = 10'000'000'000; // at most one such line per 10 s and channel
    const qint64 now = realTime.nsecsElapsed();
    if (lastLimitWarningNs >= 0 && now - lastLimitWarningNs < kQuietNs) {
        ++unloggedLimitWarnings;
        return;
    }
    lastLimitWarningNs = now;
    if (!LogLimiter::global().allow(lcChannel(), QStringLiteral("too many pending requests")))
        return;
    if (unloggedLimitWarnings > 0)
        qCWarning(lcChannel).noquote() << message
                                       << QStringLiteral("(and %1 more since the last warning)")
                                              .arg(std::exchange(unloggedLimitWarnings, 0));
    else
        qCWarning(lcChannel).noquote() << message;
}

void ChannelPrivate::onIdleTimer()
{
    if (!open)
        return;
    const qint64 now = nowNs();
    if (!pending.empty() || *unanswered > 0 || (offload && offload->busy()))
        lastActivityNs = now; // waiting for a reply (ours or the peer's) is not idling
    const qint64 limitNs = qint64(options.idleTimeout.count()) * kNsPerMs;
    if (now - lastActivityNs < limitNs) {
        startTimeout(idleTimer, limitNs - (now - lastActivityNs),
                     mas::tr("idle timeout of the connection to %1").arg(peerName),
                     &ChannelPrivate::onIdleTimer);
        return;
    }
    q->abort(Error(ErrorCode::IdleTimeout,
                   mas::tr("Nothing was sent to or received from %1 for %2 ms (idle timeout)")
                       .arg(peerName)
                       .arg(options.idleTimeout.count())));
}

void ChannelPrivate::setMemoryBudget(std::shared_ptr<MemoryBudget> b)
{
    budget = std::move(b);
    recharge();
}

bool ChannelPrivate::reserve(qint64 more, const QString &what)
{
    if (!budget || budget->used + more <= budget->limit)
        return true;
    q->abort(Error(ErrorCode::MemoryBudgetExceeded,
                   mas::tr("%1 more bytes for %2 would take the server's buffered bytes over its "
                           "memory budget of %3 bytes (memoryBudget): %4 are in use by all its "
                           "connections, %5 by this one")
                       .arg(more)
                       .arg(what)
                       .arg(budget->limit)
                       .arg(budget->used)
                       .arg(charged)));
    return false;
}

void ChannelPrivate::recharge()
{
    if (!budget)
        return;
    qint64 now = open ? qint64(frames.capacity()) + bytesToWrite() : 0;
    if (open && offload)
        now += offload->bytesInFlight(); // a frame's bytes count until it is decoded
    budget->used += now - charged;
    charged = now;
    budget->peak = std::max(budget->peak, budget->used);
}

void ChannelPrivate::armRateTimer()
{
    if (options.minFrameByteRate <= 0 || onClock || !frameInProgress)
        return;
    constexpr qint64 kGraceNs = 2'000'000'000;
    // Due when the bytes of the frame so far no longer cover the minimum rate.
    const qint64 got = frames.bufferedBytes();
    const qint64 dueNs = frameStartNs + kGraceNs
                         + qint64(double(got) * 1e9 / double(options.minFrameByteRate));
    startTimeout(rateTimer, std::max<qint64>(dueNs - nowNs(), 1'000'000),
                 mas::tr("minimum frame rate of the connection to %1").arg(peerName),
                 &ChannelPrivate::onRateTimer);
}

void ChannelPrivate::onRateTimer()
{
    if (!open || !frameInProgress || frames.bufferedBytes() == 0)
        return;
    const qint64 now = nowNs();
    if (readingHeld()) {
        frameStartNs = now; // we stopped reading, not the peer sending
        armRateTimer();
        return;
    }
    constexpr qint64 kGraceNs = 2'000'000'000;
    const qint64 got = frames.bufferedBytes();
    const double required = double(options.minFrameByteRate) * double(now - frameStartNs - kGraceNs) / 1e9;
    if (double(got) >= required) {
        armRateTimer();
        return;
    }
    q->abort(Error(ErrorCode::FrameTimeout,
                   mas::tr("%1 sent %2 bytes of a frame in %3 ms, less than the minimum rate of "
                           "%4 bytes/s (minFrameByteRate)")
                       .arg(peerName)
                       .arg(got)
                       .arg((now - frameStartNs) / kNsPerMs)
                       .arg(options.minFrameByteRate)));
}

void ChannelPrivate::onFrameTimer()
{
    if (!open || frames.bufferedBytes() == 0)
        return;
    const qint64 now = nowNs();
    if (readingHeld())
        lastReceivedNs = now; // we stopped reading, not the peer sending
    const qint64 limitNs = qint64(options.frameTimeout.count()) * kNsPerMs;
    if (now - lastReceivedNs < limitNs) {
        startTimeout(frameTimer, limitNs - (now - lastReceivedNs),
                     mas::tr("frame timeout of the connection to %1").arg(peerName),
                     &ChannelPrivate::onFrameTimer);
        return;
    }
    const qsizetype have = frames.bufferedBytes();
    const QString what = have < kFrameHeaderSize
                             ? mas::tr("%1 of the 4 bytes of a frame header").arg(have)
                             : mas::tr("%1 bytes of a frame").arg(have);
    q->abort(Error(ErrorCode::FrameTimeout,
                   mas::tr("%1 sent %2 and then nothing more for %3 ms (frame timeout)")
                       .arg(peerName, what)
                       .arg(options.frameTimeout.count())));
}

Error ChannelPrivate::closedError() const
{
    return error.isError() ? error
                           : Error(ErrorCode::ConnectionClosed, mas::tr("Connection closed"));
}

void ChannelPrivate::failAll(const Error &reason)
{
    auto waiting = std::move(pending);
    pending.clear();
    deadlines.clear();
    if (timeoutTimer)
        timeoutTimer->stop();
    for (auto &[id, p] : waiting) {
        if (onClock)
            deadlineSeries->cancel(id);
        p.reply.complete(Result<Value>(reason));
    }
    auto receivers = std::move(recvWaiters);
    recvWaiters.clear();
    for (auto &w : receivers)
        w.complete(Result<Request>(reason));
    auto writers = std::move(writeWaiters);
    writeWaiters.clear();
    for (auto &w : writers)
        w.complete(false);
}

void ChannelPrivate::shutdown(const Error &reason, bool local)
{
    if (!open)
        return;
    // What handlers answered before a local close goes out with the close; an error drops it
    // (as the socket's abort drops its own buffer).
    if (local)
        flushStaged();
    staged = QByteArray();
    open = false;
    error = local ? Error() : reason;
    stopTimeout(idleTimer);
    stopTimeout(frameTimer);
    stopTimeout(rateTimer);
    failAll(reason);
    incoming.clear();
    frames.clear();
    if (offload)
        offload->cancel();
    endPending = false;
    recharge();
}

void ChannelPrivate::onDisconnected()
{
    if (!open)
        return;
    // Deliver what arrived before the end of the stream, then report the reset.
    readPaused = false;
    if (device->bytesAvailable() > 0)
        onReadyRead();
    if (!open)
        return;
    if (offload && offload->busy()) {
        endPending = true; // after the frame in work and those behind it (onOffloadDone())
        return;
    }
    if (Result<void> tail = frames.finish(); !tail) {
        if (LogLimiter::global().allow(lcChannel(), QStringLiteral("connections ended inside a frame")))
            qCWarning(lcChannel).noquote() << "connection to" << peerName << "ended:" << tail.error().message();
    } else
        qCDebug(lcChannel).noquote() << "connection to" << peerName << "closed by the peer";
    // A TLS error (e.g. the server refused our certificate after a TLS 1.3 handshake) says more
    // than the reset that follows it.
    const Error reason = tlsFailure.isError()
                             ? tlsFailure
                             : Error(ErrorCode::ConnectionReset,
                                     mas::tr("Connection reset by peer %1").arg(peerName));
    shutdown(reason);
    const auto copy = observers;
    for (ChannelObserver *o : copy)
        o->channelClosed(*q, reason);
    if (!closedEmitted) {
        closedEmitted = true;
        Q_EMIT q->errorOccurred(reason);
        Q_EMIT q->closed(reason);
    }
}

void ChannelPrivate::armTimeoutTimer()
{
    if (deadlines.empty()) {
        if (timeoutTimer)
            timeoutTimer->stop();
        return;
    }
    const qint64 now = realTime.nsecsElapsed();
    timeoutTimerDueNs = deadlines.begin()->first;
    const qint64 wait = std::max<qint64>(0, timeoutTimerDueNs - now);
    realTimer(timeoutTimer, &ChannelPrivate::onTimeout)
        ->start(int(std::min<qint64>(wait / 1'000'000 + 1, 24 * 3600 * 1000)));
}

void ChannelPrivate::onTimeout()
{
    const qint64 now = realTime.nsecsElapsed();
    while (!deadlines.empty() && deadlines.begin()->first <= now) {
        const quint64 id = deadlines.begin()->second;
        deadlines.erase(deadlines.begin());
        auto it = pending.find(id);
        if (it == pending.end())
            continue;
        Reply reply = it->second.reply;
        pending.erase(it);
        expire(id, reply, now);
    }
    armTimeoutTimer();
}

void ChannelPrivate::onClockDeadline(quint64 id)
{
    auto it = pending.find(id);
    if (it == pending.end())
        return;
    Reply reply = it->second.reply;
    pending.erase(it);
    expire(id, reply, nowNs());
}

void ChannelPrivate::expire(quint64 id, Reply reply, qint64 now)
{
    lastActivityNs = now; // the idle time-out counts from here (see onIdleTimer())
    abandoned.insert(id);
    if (abandoned.size() > kMaxAbandoned)
        abandoned.erase(abandoned.begin());
    reply.complete(Result<Value>(
        Error(ErrorCode::Timeout, mas::tr("No reply from %1 to request %2 in time").arg(peerName).arg(id))));
}

void ChannelPrivate::onBytesWritten()
{
    recharge();
    if (options.idleTimeout.count() > 0)
        lastActivityNs = nowNs();
    if (readPaused && bytesToWrite() <= options.maxWriteBuffer / 2) {
        readPaused = false;
        lastReceivedNs = nowNs(); // the frame time-out restarts with reading
        QMetaObject::invokeMethod(
            q, [this] { onReadyRead(); }, Qt::QueuedConnection);
    }
    if (writeWaiters.empty() || bytesToWrite() > options.maxWriteBuffer / 2)
        return;
    auto writers = std::move(writeWaiters);
    writeWaiters.clear();
    for (auto &w : writers)
        w.complete(true);
}

// ---- Channel ----

Channel::Channel(QIODevice *device,
                 std::unique_ptr<Codec> codec,
                 const ChannelOptions &options,
                 QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ChannelPrivate>(this, device, std::move(codec), options))
{
    Q_ASSERT(device && device->isOpen());
    device->setParent(this);
    connect(device, &QIODevice::readyRead, this, [this] { d->onReadyRead(); });
    connect(device, &QIODevice::bytesWritten, this, [this] { d->onBytesWritten(); });
    // Bound what Qt buffers from the kernel; beyond it, TCP flow control slows the peer down.
    // With a memory budget (a server's), 64 KiB: the budget counts what is read from there.
    const qint64 readBuffer = options.memoryBudget > 0 ? 64 * 1024 : 4 * 1024 * 1024;
    d->socket->setReadBufferSize(readBuffer);
    connect(d->socket.get(), &StreamSocket::disconnected, this, [this] { d->onDisconnected(); });
    // A TLS error (e.g. the server refused our certificate) says more than the reset after it.
    connect(d->socket.get(), &StreamSocket::errorOccurred, this, [this](const Error &e) {
        if (e.code() == ErrorCode::TlsError)
            d->tlsFailure = e;
    });
    connect(device, &QIODevice::readChannelFinished, this, [this] { d->onDisconnected(); });
    if (options.idleTimeout.count() > 0)
        d->startTimeout(d->idleTimer, qint64(options.idleTimeout.count()) * kNsPerMs,
                        tr("idle timeout of the connection to %1").arg(d->peerName),
                        &ChannelPrivate::onIdleTimer);
    // Bytes that arrived before we took over the device.
    if (device->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, [this] { d->onReadyRead(); }, Qt::QueuedConnection);
}

Channel::~Channel()
{
    d->shutdown(Error(ErrorCode::ConnectionClosed, tr("The channel was destroyed")), true);
}

QCoro::Task<Result<Value>> Channel::send(Value content)
{
    return send(std::move(content), d->options.requestTimeout);
}

QCoro::Task<Result<Value>> Channel::send(Value content, std::chrono::milliseconds timeout)
{
    ChannelPrivate *p = d.get();
    if (!p->open)
        co_return p->closedError();
    if (Result<void> valid = ChannelOptions::checkTimeout(timeout, QStringLiteral("send()")); !valid) {
        qCWarning(lcChannel).noquote() << "refusing a request to" << p->peerName << ":" << valid.error().message();
        co_return valid.error();
    }
    if (p->onClock && !p->timeClock)
        co_return p->clockGoneError();

    // The timeout covers waiting to write (below, in real time: the operating system's buffer)
    // and waiting for the reply. Its real-time start is read when first needed: a request with
    // room to write on a channel whose deadlines are on a clock reads no real time at all.
    std::optional<qint64> deadline;
    const auto realDeadline = [p, &deadline, timeout] {
        if (!deadline)
            deadline = p->realTime.nsecsElapsed() + qint64(timeout.count()) * kNsPerMs;
        return *deadline;
    };
    // Back-pressure: while the peer does not read, wait instead of queueing without bound.
    while (p->bytesToWrite() > p->options.maxWriteBuffer) {
        const qint64 left = realDeadline() - p->realTime.nsecsElapsed();
        if (left <= 0)
            co_return Error(ErrorCode::Timeout,
                            tr("%1 did not read what was sent to it for %2 ms; the request was "
                               "not sent")
                                .arg(p->peerName)
                                .arg(timeout.count()));
        detail::Completion<bool> writable;
        p->writeWaiters.push_back(writable);
        QTimer expiry;
        expiry.setSingleShot(true);
        connect(&expiry, &QTimer::timeout, this,
                [writable]() mutable { writable.complete(false); });
        expiry.start(timerInterval(left));
        QPointer<Channel> guard(this);
        const bool ok = co_await writable;
        if (!guard)
            co_return Error(ErrorCode::ConnectionClosed, tr("The channel was destroyed"));
        if (!p->open)
            co_return p->closedError();
        Q_UNUSED(ok) // false: the wait timed out; the loop checks the deadline
    }
    if (qsizetype(p->pending.size()) >= p->options.maxPendingRequests) {
        const QString text = tr("Too many pending requests: %1 requests to %2 wait for their "
                                "replies (the limit is %3)")
                                 .arg(p->pending.size())
                                 .arg(p->peerName)
                                 .arg(p->options.maxPendingRequests);
        p->warnLimit(text);
        co_return Error(ErrorCode::TooManyPendingRequests, text);
    }

    const quint64 id = p->nextId++; // consumed even if encoding fails, as aiomas
    QString path = p->onClock ? requestPath(content) : QString(); // moved into the request's entry
    // Encoded into the channel's buffer, which is written before anything else can use it.
    if (Result<void> encoded = p->encode(Message::request(id, std::move(content))); !encoded)
        co_return encoded.error();
    if (quint64(p->encoded.size()) > kMaxWirePayloadSize) {
        const Error tooLarge = encodeFrame(p->encoded).error();
        p->encoded = QByteArray();
        co_return tooLarge;
    }

    ChannelPrivate::Reply reply;
    // Replies over an operating-system socket come in no set order with other events: the
    // caller is resumed at the loop's next turn, without a posted event of its own.
    if (p->socket->isOperatingSystemSocket())
        reply.resumeAtTurn();
    if (p->onClock) {
        if (Result<void> added = p->addClockRequest(id, timeout, reply, std::move(path)); !added)
            co_return added.error();
    } else {
        // The timer stays armed for the deadline it was set for; it is moved only when this
        // one is earlier (replies that remove entries just make the next expiry check find
        // nothing, and it then waits for the earliest left). With one call at a time it is
        // not restarted for every request.
        const qint64 due = realDeadline();
        const bool rearm = !(p->timeoutTimer && p->timeoutTimer->isActive()) || due < p->timeoutTimerDueNs;
        p->pending.emplace(id, ChannelPrivate::Pending{reply, p->deadlines.emplace(due, id), {}});
        if (rearm)
            p->armTimeoutTimer();
    }
    // The only request waiting (one call at a time): written to the operating system now, not a
    // turn of the event loop later. Requests sent while others wait are left to the device's
    // buffer, which writes them together.
    (void)p->writePayload(p->encoded, MessageType::Request, id, p->pending.size() == 1);
    p->trimEncoded();

    // Nothing of `this` is touched after the reply: the channel may be gone by then.
    co_return co_await reply;
}

QCoro::Task<Result<Request>> Channel::recv(std::chrono::milliseconds timeout)
{
    if (std::optional<Request> r = takeRequest())
        co_return *r;
    if (!d->open)
        co_return d->closedError();
    if (Result<void> valid = ChannelOptions::checkTimeout(timeout, QStringLiteral("recv()")); !valid)
        co_return valid.error();
    if (d->onClock && !d->timeClock)
        co_return d->clockGoneError();
    detail::Completion<Result<Request>> waiter;
    d->recvWaiters.push_back(waiter);
    const auto expire = [waiter, timeout]() mutable {
        waiter.complete(Result<Request>(Error(
            ErrorCode::Timeout, tr("No request arrived within %1 ms").arg(timeout.count()))));
    };
    QTimer timer;
    TimerHandle clockTimer;
    if (d->onClock && timeout.count() > 0) {
        Result<TimerHandle> t = d->timeClock->callIn(
            double(timeout.count()) / 1000.0, expire,
            tr("a request from %1 due (recv)").arg(d->peerName));
        if (!t)
            co_return t.error();
        clockTimer = *t;
    } else {
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, this, expire);
        timer.start(timeout);
    }
    Result<Request> r = co_await waiter;
    clockTimer.cancel();
    co_return r;
}

std::optional<Request> Channel::takeRequest()
{
    if (d->incoming.empty())
        return std::nullopt;
    Request r = std::move(d->incoming.front());
    d->incoming.pop_front();
    return r;
}

QCoro::Task<void> Channel::close(std::chrono::milliseconds flushTimeout)
{
    if (!d->open)
        co_return;
    QPointer<Channel> guard(this);
    d->shutdown(Error(ErrorCode::ConnectionClosed, tr("Connection closed")), true);
    // Sockets write what is queued, then close; wait for that, at most `flushTimeout`.
    StreamSocket *socket = d->socket.get();
    if (socket->disconnectFromPeer()) {
        const bool clean = co_await waitForSignal(socket, &StreamSocket::disconnected, flushTimeout);
        if (guard && !clean)
            socket->abort();
    }
    if (!guard)
        co_return;
    const auto copy = d->observers;
    for (ChannelObserver *o : copy)
        o->channelClosed(*this, Error());
    if (!d->closedEmitted) {
        d->closedEmitted = true;
        Q_EMIT closed(Error());
    }
}

void Channel::abort(const Error &reason)
{
    if (!d->open)
        return;
    // The reason may quote what the peer sent: escaped and shortened, and a flood of one kind
    // of bad input is summed up instead of written line by line.
    if (LogLimiter::global().allow(lcChannel(), QStringLiteral("closing connections: %1").arg(Error::codeName(reason.code()))))
        qCWarning(lcChannel).noquote() << "closing the connection to" << d->peerName << ":"
                                       << peerText(reason.message(), kLogReasonMaxChars);
    d->shutdown(reason);
    d->socket->abort();
    const auto copy = d->observers;
    for (ChannelObserver *o : copy)
        o->channelClosed(*this, reason);
    if (!d->closedEmitted) {
        d->closedEmitted = true;
        Q_EMIT errorOccurred(reason);
        Q_EMIT closed(reason);
    }
}

bool Channel::isOpen() const
{
    return d->open;
}

Error Channel::error() const
{
    return d->error;
}

QString Channel::errorString() const
{
    return d->error.toString();
}

QString Channel::peerName() const
{
    return d->peerName;
}

Codec &Channel::codec()
{
    return *d->codec;
}

const Codec &Channel::codec() const
{
    return *d->codec;
}

const ChannelOptions &Channel::options() const
{
    return d->options;
}

QIODevice *Channel::device() const
{
    return d->device;
}

StreamSocket *Channel::socket() const
{
    return d->socket.get();
}

qsizetype Channel::pendingRequestCount() const
{
    return qsizetype(d->pending.size());
}

qsizetype Channel::queuedRequestCount() const
{
    return qsizetype(d->incoming.size());
}

qsizetype Channel::unansweredRequestCount() const
{
    return *d->unanswered;
}

void Channel::addObserver(ChannelObserver *observer)
{
    if (observer && std::find(d->observers.begin(), d->observers.end(), observer) == d->observers.end())
        d->observers.push_back(observer);
}

void Channel::removeObserver(ChannelObserver *observer)
{
    std::erase(d->observers, observer);
}

} // namespace mas
