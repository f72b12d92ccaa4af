// SPDX-License-Identifier: MIT
// The scheduler: the network's connections and pending frames, free-running delivery, stepping
// and fault injection (see localnetwork_p.h).
#include "localnetwork_p.h"

#include <mas/clock/clock.h>

#include "mas/core/eventloop_p.h"

#include <mas/core/logging_p.h>

#include <mas/transport/address.h>

#include <QCoreApplication>
#include <QMetaMethod>

#include <algorithm>

namespace mas {

namespace {

/// Deliveries done by one free-running pump before it lets other events run.
constexpr int kPumpBatch = 4096;
/// Delivered frames' buffers kept for new frames: how many, and up to which capacity.
constexpr std::size_t kSpareFrames = 1024;
constexpr qsizetype kSpareFrameCapacity = 256;

/// The form bindAddress() keeps an address in ("tcp://127.0.0.1:5555", "ipc:///tmp/a.sock"),
/// or an error for anything else.
Result<Address> boundForm(const QString &text)
{
    MAS_TRY(address, Address::parse(text));
    if (address.scheme() == Address::Scheme::Tcp) {
        const QString host = address.host();
        if (host.isEmpty())
            return Address::tcp(QStringLiteral("0.0.0.0"), address.port());
        if (host == u"localhost")
            return Address::tcp(QStringLiteral("127.0.0.1"), address.port());
        return address;
    }
    if (address.scheme() == Address::Scheme::Ipc)
        return address;
    return Error(ErrorCode::InvalidAddress,
                 mas::tr("Only a tcp:// or ipc:// address can stand for a local queue, not \"%1\"").arg(text));
}

} // namespace

// ---- LocalNetworkPrivate ----

QCoro::Task<bool> LocalNetworkPrivate::waitForAnswers()
{
    if (!answerWaitOwner || !answerWait)
        co_return true;
    const LocalNetwork::AnswerWait wait = answerWait; // the owner may replace it meanwhile
    const Result<void> answered = co_await wait();
    if (!answered)
        qCWarning(lcLocalQueue) << "local network: the run stops:" << answered.error().message();
    co_return bool(answered);
}

double LocalNetworkPrivate::simTime() const
{
    return clock ? clock->time() : 0.0;
}

Error LocalNetworkPrivate::notPending(quint64 id) const
{
    return Error(ErrorCode::InvalidArgument, mas::tr("No message %1 is pending").arg(id));
}

LocalConnection &LocalNetworkPrivate::addConnection(const QString &clientName, const QString &serverName,
                                                    const QString &codecName, const QString &queueId)
{
    const quint64 number = nextConnection++;
    LocalConnection &c = connections[number];
    c.number = number;
    c.info = &recorder.addConnection(number, clientName.isEmpty() ? QStringLiteral("client %1").arg(number) : clientName,
                                     serverName, codecName);
    // The server side first, as aiomas does; the client's device is the caller's.
    auto *server = new LocalQueueDevice(queueId, number, false);
    auto *client = new LocalQueueDevice(queueId, number, true);
    // Each end is named after its peer: a channel's peerName() (in errors and in the clock's
    // pending deadlines) then says who is at the other end.
    server->setObjectName(c.info->clientName);
    client->setObjectName(c.info->serverName);
    c.server = server;
    c.client = client;
    recordPlain(TrafficEvent::Kind::Connected, number);
    return c;
}

void LocalNetworkPrivate::recordPlain(TrafficEvent::Kind kind, quint64 connection)
{
    if (recorder.live(mode)) {
        TrafficEvent e;
        e.kind = kind;
        e.connection = connection;
        if (const LocalConnectionInfo *c = connection ? recorder.connectionInfo(connection) : nullptr) {
            e.from = c->clientName;
            e.to = c->serverName;
        }
        record(std::move(e));
    } else if (recorder.recording) {
        recorder.recordRaw(kind, connection, simTime());
    }
}

QByteArray LocalNetworkPrivate::frameBuffer(qsizetype size)
{
    if (!spareFrames.empty() && spareFrames.back().capacity() >= size) {
        QByteArray frame = std::move(spareFrames.back());
        spareFrames.pop_back();
        frame.resize(size);
        return frame;
    }
    return QByteArray(size, Qt::Uninitialized);
}

void LocalNetworkPrivate::recycle(QByteArray &&frame)
{
    if (spareFrames.size() < kSpareFrames && frame.isDetached() && frame.capacity() <= kSpareFrameCapacity)
        spareFrames.push_back(std::move(frame));
    else
        frame = QByteArray();
}

void LocalNetworkPrivate::ensureDescribed(LocalItem &item)
{
    if (!item.described())
        recorder.describe(item);
}

const QMetaMethod &LocalNetworkPrivate::pendingChangedSignal()
{
    // Looked up once: QMetaMethod::fromSignal() searches the meta-object on every call.
    static const QMetaMethod signal = QMetaMethod::fromSignal(&LocalNetwork::pendingChanged);
    return signal;
}

void LocalNetworkPrivate::notifyPendingChanged()
{
    // Asked of Qt only while something may listen (twice per frame while recording).
    if (pendingHeard.heard([this] { return q->isSignalConnected(pendingChangedSignal()); }))
        Q_EMIT q->pendingChanged();
}

void LocalNetworkPrivate::enqueue(LocalQueueDevice *from, QByteArray frame, Item kind)
{
    const bool isClose = kind == Item::Close || kind == Item::HalfClose;
    auto conn = connections.find(from->connection());
    if (conn == connections.end())
        return;
    // Filled in place: a pending item is large (a frame and four texts).
    LocalItem &item = pending.emplace_back();
    item.toServer = from->isClientSide();
    item.message.id = nextMessageId++;
    item.message.connection = conn->first;
    item.message.isClose = isClose;
    item.message.halfClose = kind == Item::HalfClose;
    item.message.isRaw = kind == Item::Raw;
    item.message.size = frame.size();
    item.message.frame = std::move(frame);
    const TrafficEvent::Kind eventKind = isClose ? TrafficEvent::Kind::Closed : TrafficEvent::Kind::Sent;
    // Live: described and decoded now. Recorded only: kept raw, described when the log is read.
    const bool live = recorder.live(mode);
    if (live) {
        const std::optional<Value> content = recorder.describe(item);
        record(recorder.eventFor(eventKind, item.message, content ? &*content : nullptr));
    } else if (recorder.recording) {
        recorder.recordRaw(eventKind, item, simTime());
    }
    if (mode == LocalNetwork::Mode::FreeRunning)
        schedulePump();
    if (live || recorder.recording)
        notifyPendingChanged();
}

LocalRing<LocalItem>::iterator LocalNetworkPrivate::findPending(quint64 id)
{
    return std::find_if(pending.begin(), pending.end(), [id](const LocalItem &i) { return i.message.id == id; });
}

void LocalNetworkPrivate::deliverAt(LocalRing<LocalItem>::iterator it)
{
    LocalItem item = std::move(*it);
    if (it == pending.begin())
        pending.pop_front(); // the free-running case
    else
        pending.erase(it);
    const bool live = recorder.live(mode);
    // An item described already (the pending list showed it) gives its event as it is.
    if (live || (recorder.recording && item.described())) {
        ensureDescribed(item);
        record(recorder.eventFor(TrafficEvent::Kind::Delivered, item.message));
        if (item.recordedRaw)
            recorder.forget(item.message.id);
    } else if (recorder.recording) {
        recorder.recordRaw(TrafficEvent::Kind::Delivered, item, simTime());
    } else if (item.recordedRaw) {
        recorder.forget(item.message.id);
    }
    auto conn = connections.find(item.message.connection);
    if (conn != connections.end()) {
        // Not kept across the call below: receive() may delete the device.
        LocalQueueDevice *target = item.toServer ? conn->second.server.data() : conn->second.client.data();
        if (target) {
            if (item.message.isClose)
                target->receiveClose(item.message.halfClose);
            else
                target->receive(item.message.frame, item.message.isRaw);
        }
        // Forget a connection whose ends are both gone.
        conn = connections.find(item.message.connection);
        if (conn != connections.end() && !conn->second.client && !conn->second.server) {
            recorder.removeConnection(conn->first);
            connections.erase(conn);
        }
    }
    if (live || recorder.recording)
        notifyPendingChanged();
}

void LocalNetworkPrivate::schedulePump()
{
    if (pumpPosted)
        return;
    pumpPosted = true;
    QMetaObject::invokeMethod(q, [this] { pump(); }, Qt::QueuedConnection);
}

int LocalNetworkPrivate::deliverRun(int maxFrames)
{
    // Live observers see each delivery as it happens, its handling before the next delivery.
    LocalItem &first = pending.front();
    if (maxFrames <= 1 || first.message.isClose || first.message.isRaw || recorder.live(mode)) {
        deliverAt(pending.begin());
        return 1;
    }
    const quint64 number = first.message.connection;
    const bool toServer = first.toServer;
    auto conn = connections.find(number);
    // Not kept across notifyReadable(): it may delete the device.
    LocalQueueDevice *target = conn == connections.end()
                                   ? nullptr
                                   : (toServer ? conn->second.server.data() : conn->second.client.data());
    const bool recording = recorder.recording;
    const double time = recording ? simTime() : 0.0; // nothing runs in between that moves the clock
    const qint64 wallTimeMs = recording ? LocalRecorder::wallTimeNowMs() : 0; // one for the run, as the time
    if (target) {
        // The run's frames are copied into the receiver's buffer once, into room made for all.
        qsizetype bytes = 0;
        int frames = 0;
        for (const LocalItem &item : pending) {
            if (frames == maxFrames || item.message.connection != number || item.toServer != toServer
                || item.message.isClose || item.message.isRaw)
                break;
            bytes += item.message.frame.size();
            ++frames;
        }
        if (frames > 1)
            target->reserveIncoming(bytes);
    }
    int delivered = 0;
    while (delivered < maxFrames && !pending.empty()) {
        LocalItem &item = pending.front();
        if (item.message.connection != number || item.toServer != toServer || item.message.isClose
            || item.message.isRaw)
            break;
        if (recording && item.described()) {
            record(recorder.eventFor(TrafficEvent::Kind::Delivered, item.message)); // nobody listens (not live)
            if (item.recordedRaw)
                recorder.forget(item.message.id);
        } else if (recording) {
            recorder.recordRawDelivered(item, time, wallTimeMs);
        } else if (item.recordedRaw) {
            recorder.forget(item.message.id);
        }
        if (target)
            target->append(item.message.frame);
        recycle(std::move(item.message.frame)); // copied into the receiver's buffer (or not shared)
        pending.pop_front();
        ++delivered;
    }
    if (target)
        target->notifyReadable();
    // Forget a connection whose ends are both gone.
    conn = connections.find(number);
    if (conn != connections.end() && !conn->second.client && !conn->second.server) {
        recorder.removeConnection(conn->first);
        connections.erase(conn);
    }
    if (recording)
        notifyPendingChanged();
    return delivered;
}

void LocalNetworkPrivate::pump()
{
    pumpPosted = false;
    QPointer<LocalNetwork> self(q);
    for (int n = 0; n < kPumpBatch && self && mode == LocalNetwork::Mode::FreeRunning && !pending.empty();)
        n += deliverRun(kPumpBatch - n);
    if (self && mode == LocalNetwork::Mode::FreeRunning && !pending.empty())
        schedulePump();
}

// ---- LocalNetwork ----

LocalNetwork::LocalNetwork(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<LocalNetworkPrivate>(this))
{}

LocalNetwork::~LocalNetwork() = default;

LocalNetwork *LocalNetwork::instance()
{
    static QPointer<LocalNetwork> network;
    if (!network)
        network = new LocalNetwork(QCoreApplication::instance());
    return network;
}

void LocalNetwork::reset()
{
    d->boundAddresses.clear();
    d->pending.clear();
    d->spareFrames.clear();
    d->connections.clear();
    d->nextConnection = 1;
    d->nextMessageId = 1;
    d->recorder.reset();
    setClock(nullptr);
    setMode(Mode::FreeRunning);
    d->notifyPendingChanged();
}

LocalNetwork::Mode LocalNetwork::mode() const
{
    return d->mode;
}

void LocalNetwork::setMode(Mode mode)
{
    if (d->mode == mode)
        return;
    d->mode = mode;
    if (mode == Mode::FreeRunning && !d->pending.empty())
        d->schedulePump();
    Q_EMIT modeChanged(mode);
}

QList<PendingMessage> LocalNetwork::pendingMessages() const
{
    QList<PendingMessage> result;
    result.reserve(qsizetype(d->pending.size()));
    for (LocalItem &item : d->pending) {
        d->ensureDescribed(item);
        result.push_back(item.message);
    }
    return result;
}

std::optional<PendingMessage> LocalNetwork::pendingMessage(quint64 id) const
{
    // One item found and described, not the whole queue copied (the explorer polls this).
    auto it = d->findPending(id);
    if (it == d->pending.end())
        return std::nullopt;
    d->ensureDescribed(*it);
    return it->message;
}

qsizetype LocalNetwork::pendingCount() const
{
    return qsizetype(d->pending.size());
}

qsizetype LocalNetwork::heldRequestPaths() const
{
    return d->recorder.heldRequestPaths();
}

Result<PendingMessage> LocalNetwork::step()
{
    if (d->pending.empty())
        return Error(ErrorCode::InvalidArgument, tr("Nothing is pending"));
    return deliver(d->pending.front().message.id);
}

Result<PendingMessage> LocalNetwork::deliver(quint64 id)
{
    auto it = d->findPending(id);
    if (it == d->pending.end())
        return d->notPending(id);
    d->ensureDescribed(*it);
    PendingMessage message = it->message;
    d->deliverAt(it);
    return message;
}

Result<void> LocalNetwork::drop(quint64 id)
{
    auto it = d->findPending(id);
    if (it == d->pending.end())
        return d->notPending(id);
    // Recorded raw: described (its request enters the book when the log is read) so that the
    // book learns that it goes unanswered.
    if (d->observing() || it->recordedRaw)
        d->ensureDescribed(*it);
    const PendingMessage message = it->message;
    const bool recordedRaw = it->recordedRaw;
    d->recorder.dropped(*it);
    d->pending.erase(it);
    d->record(d->recorder.eventFor(TrafficEvent::Kind::Dropped, message));
    if (recordedRaw)
        d->recorder.forget(message.id);
    d->notifyPendingChanged();
    return {};
}

Result<quint64> LocalNetwork::duplicate(quint64 id)
{
    auto it = d->findPending(id);
    if (it == d->pending.end())
        return d->notPending(id);
    if (d->observing())
        d->ensureDescribed(*it);
    LocalItem copy = *it;
    copy.message.id = d->nextMessageId++;
    copy.recordedRaw = false; // its event is the Duplicated one below
    const quint64 newId = copy.message.id;
    d->recorder.copied(copy);
    d->pending.insert(std::next(it), copy);
    TrafficEvent e = d->recorder.eventFor(TrafficEvent::Kind::Duplicated, copy.message);
    e.originalId = id;
    d->record(std::move(e));
    if (d->mode == Mode::FreeRunning)
        d->schedulePump();
    d->notifyPendingChanged();
    return newId;
}

Result<void> LocalNetwork::delay(quint64 id, qsizetype positions)
{
    auto it = d->findPending(id);
    if (it == d->pending.end())
        return d->notPending(id);
    const qsizetype from = it - d->pending.begin();
    const qsizetype last = qsizetype(d->pending.size()) - 1;
    const qsizetype to = positions < 0 ? last : std::min(last, from + positions);
    if (d->observing())
        d->ensureDescribed(*it);
    LocalItem item = std::move(*it);
    d->pending.erase(it);
    d->pending.insert(d->pending.begin() + to, item);
    TrafficEvent e = d->recorder.eventFor(TrafficEvent::Kind::Delayed, item.message);
    e.positions = to - from;
    d->record(std::move(e));
    d->notifyPendingChanged();
    return {};
}

void LocalNetwork::setAnswerWait(QObject *owner, AnswerWait wait)
{
    d->answerWaitOwner = owner;
    d->answerWait = owner ? std::move(wait) : AnswerWait();
}

QCoro::Task<int> LocalNetwork::runUntilIdle(int maxSteps, bool advanceClock)
{
    std::optional<PendingMessage> stop = co_await runUntil({}, maxSteps, advanceClock);
    Q_UNUSED(stop);
    co_return d->lastRunDeliveries;
}

QCoro::Task<std::optional<PendingMessage>> LocalNetwork::runUntil(std::function<bool(const PendingMessage &)> breakpoint,
                                                                int maxSteps, bool advanceClockWhenIdle)
{
    QPointer<LocalNetwork> self(this);
    int delivered = 0;
    int idleRounds = 0;
    d->lastRunDeliveries = 0;
    // A few rounds of the event loop without new frames count as idle: coroutine handlers
    // resume from posted events and may send only then.
    constexpr int kIdleRounds = 3;
    if (!co_await d->waitForAnswers())
        co_return std::nullopt;
    while (self && delivered < maxSteps) {
        if (!d->pending.empty()) {
            if (breakpoint) {
                LocalItem &front = d->pending.front();
                d->ensureDescribed(front);
                // A copy: QCoro's co_return moves from any lvalue of another type than the
                // task's, which would empty the pending frame.
                if (breakpoint(front.message))
                    co_return std::optional<PendingMessage>(front.message);
            }
            (void)step();
            d->lastRunDeliveries = ++delivered;
            idleRounds = 0;
            co_await detail::yieldToEventLoop(this);
            if (!self || !co_await d->waitForAnswers())
                break;
            continue;
        }
        if (idleRounds < kIdleRounds) {
            ++idleRounds;
            co_await detail::yieldToEventLoop(this);
            continue;
        }
        if (advanceClockWhenIdle && advanceClock()) {
            idleRounds = 0;
            co_await detail::yieldToEventLoop(this);
            if (!self || !co_await d->waitForAnswers())
                break;
            continue;
        }
        break;
    }
    co_return std::nullopt;
}

Result<void> LocalNetwork::bindAddress(const QString &address, const QString &queueId)
{
    Result<Address> form = boundForm(address);
    if (!form) {
        qCWarning(lcLocalQueue).noquote() << "local network:" << form.error().message();
        return form.error();
    }
    if (queueId.isEmpty() || queueId.contains(u'/'))
        return Error(ErrorCode::InvalidArgument, tr("Invalid queue id \"%1\"").arg(queueId));
    const QString key = form->toString();
    const auto it = d->boundAddresses.constFind(key);
    if (it != d->boundAddresses.constEnd() && *it != queueId)
        return Error(ErrorCode::AddressInUse, tr("%1 already stands for local://%2").arg(key, *it));
    d->boundAddresses.insert(key, queueId);
    return {};
}

void LocalNetwork::unbindAddress(const QString &address)
{
    if (Result<Address> form = boundForm(address))
        d->boundAddresses.remove(form->toString());
}

QString LocalNetwork::boundQueue(const QString &address) const
{
    if (d->boundAddresses.isEmpty())
        return {};
    const Result<Address> form = boundForm(address);
    if (!form)
        return {};
    QString queue = d->boundAddresses.value(form->toString());
    if (queue.isEmpty() && form->scheme() == Address::Scheme::Tcp)
        queue = d->boundAddresses.value(Address::tcp(QStringLiteral("0.0.0.0"), form->port()).toString());
    return queue;
}

void LocalNetwork::setClock(ExternalClock *clock)
{
    if (d->clockConnection)
        disconnect(d->clockConnection);
    d->clock = clock;
    if (clock) {
        d->clockConnection = connect(clock, &Clock::timeChanged, this,
                                     [this](double) { d->recordPlain(TrafficEvent::Kind::ClockChanged); });
    }
}

ExternalClock *LocalNetwork::clock() const
{
    return d->clock;
}

bool LocalNetwork::advanceClock()
{
    if (!d->clock || !d->clock->nextDeadline())
        return false;
    return bool(d->clock->advanceToNextTimer());
}

} // namespace mas
