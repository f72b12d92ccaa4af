// SPDX-License-Identifier: MIT
#include "localqueue.h"

#include <mas/clock/clock.h>
#include <mas/codec/codec.h>
#include <mas/transport/framing.h>

#include "mas/core/logging_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QIODevice>
#include <QMetaMethod>
#include <QPointer>
#include <QtEndian>

#include <coroutine>
#include <deque>
#include <map>

namespace mas {

namespace {

/// Resumes the awaiting coroutine from the event loop, after the events already posted.
struct YieldToEventLoop
{
    QObject *context;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) const
    {
        QMetaObject::invokeMethod(context ? context : QCoreApplication::instance(), [h] { h.resume(); },
                                  Qt::QueuedConnection);
    }
    void await_resume() const noexcept {}
};

QHash<QString, QPointer<LocalQueue>> &registry()
{
    static QHash<QString, QPointer<LocalQueue>> queues;
    return queues;
}

/// Deliveries done by one free-running pump before it lets other events run.
constexpr int kPumpBatch = 4096;
/// The largest frame a device reserves room for from its header alone.
constexpr qint64 kReserveLimit = 1 << 20;

} // namespace

class LocalQueueDevice;

class LocalNetworkPrivate
{
public:
    struct Connection
    {
        quint64 number = 0;
        QPointer<LocalQueueDevice> client;
        QPointer<LocalQueueDevice> server;
        QString clientName;
        QString serverName;
        QString codecName;
        std::unique_ptr<Codec> decoder;              // created when something is observed
        std::unordered_map<qint64, QString> toServerPaths; // request id -> path (client's requests)
        std::unordered_map<qint64, QString> toClientPaths; // the server's requests
    };
    struct Item
    {
        PendingMessage message;
        bool toServer = true;
    };

    explicit LocalNetworkPrivate(LocalNetwork *q)
        : q(q)
    {}

    void enqueue(LocalQueueDevice *from, QByteArray frame, bool isClose);
    void deliverAt(std::deque<Item>::iterator it);
    void schedulePump();
    void pump();
    void record(TrafficEvent event);
    /// `content`: the frame's content if the caller decoded it already (else decoded here).
    TrafficEvent eventFor(TrafficEvent::Kind kind, const PendingMessage &m, const Value *content = nullptr) const;
    bool observing() const
    {
        // Looked up once: QMetaMethod::fromSignal() searches the meta-object on every call.
        static const QMetaMethod eventRecorded = QMetaMethod::fromSignal(&LocalNetwork::eventRecorded);
        return recording || mode == LocalNetwork::Mode::Stepped || q->isSignalConnected(eventRecorded);
    }
    /// Fills type, id, path and receiver from the frame; returns the decoded content.
    std::optional<Value> describe(Connection &c, Item &item);
    std::deque<Item>::iterator findPending(quint64 id);
    double simTime() const;
    Error notPending(quint64 id) const
    {
        return Error(ErrorCode::InvalidArgument, mas::tr("No message %1 is pending").arg(id));
    }

    LocalNetwork *q;
    LocalNetwork::Mode mode = LocalNetwork::Mode::FreeRunning;
    std::map<quint64, Connection> connections;
    quint64 nextConnection = 1;
    std::deque<Item> pending;
    quint64 nextMessageId = 1;
    quint64 nextSequence = 0;
    bool pumpPosted = false;
    int lastRunDeliveries = 0;
    bool recording = true;
    TrafficLog log;
    QPointer<ExternalClock> clock;
    QMetaObject::Connection clockConnection;
};

/// One end of a LocalQueue connection: what it writes becomes pending frames; what the queue
/// delivers to it becomes readable.
class LocalQueueDevice : public QIODevice
{
public:
    LocalQueueDevice(const QString &queueId, quint64 connection, bool clientSide)
        : m_queue(LocalNetwork::instance())
        , m_connection(connection)
        , m_clientSide(clientSide)
    {
        setObjectName(QStringLiteral("LocalQueue('%1')").arg(queueId));
        open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    }
    ~LocalQueueDevice() override { LocalQueueDevice::close(); }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_in.size() - m_readPos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_peerClosed && bytesAvailable() == 0; }

    void close() override
    {
        if (!isOpen())
            return;
        if (m_queue && !m_peerClosed)
            m_queue->d->enqueue(this, QByteArray(), true);
        QIODevice::close();
    }

    quint64 connection() const { return m_connection; }
    bool isClientSide() const { return m_clientSide; }

    void receive(const QByteArray &frame)
    {
        if (!isOpen())
            return;
        if (m_readPos == m_in.size()) {
            m_in = frame;
            m_readPos = 0;
        } else {
            m_in.append(frame);
        }
        Q_EMIT readyRead();
    }
    void receiveClose()
    {
        if (m_peerClosed)
            return;
        m_peerClosed = true;
        Q_EMIT readChannelFinished();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_in.size() - m_readPos);
        if (n <= 0)
            return m_peerClosed ? -1 : 0;
        memcpy(data, m_in.constData() + m_readPos, size_t(n));
        m_readPos += n;
        if (m_readPos == m_in.size()) {
            m_in.clear();
            m_readPos = 0;
        }
        return n;
    }

    qint64 writeData(const char *data, qint64 size) override
    {
        if (m_peerClosed || !m_queue)
            return -1;
        if (m_out.isEmpty() && size >= kFrameHeaderSize) {
            const qint64 length = qint64(qFromBigEndian<quint32>(data)) + kFrameHeaderSize;
            // One whole frame in one write: no partial frame to join.
            if (length == size) {
                m_queue->d->enqueue(this, QByteArray(data, size), false);
                return size;
            }
            // The start of a frame (the channel writes the header, then the payload): room for
            // all of it at once, so the rest is appended without reallocating.
            if (length > size && length <= kReserveLimit)
                m_out.reserve(length);
        }
        // Cut the stream into whole frames; the channel writes a header and then its payload.
        m_out.append(data, size);
        while (m_out.size() >= kFrameHeaderSize) {
            const qint64 length = qFromBigEndian<quint32>(m_out.constData()) + kFrameHeaderSize;
            if (m_out.size() < length)
                break;
            if (m_out.size() == length) {
                m_queue->d->enqueue(this, std::exchange(m_out, QByteArray()), false);
                break;
            }
            m_queue->d->enqueue(this, m_out.first(length), false);
            m_out.remove(0, length);
        }
        return size;
    }

private:
    QPointer<LocalNetwork> m_queue;
    quint64 m_connection;
    bool m_clientSide;
    bool m_peerClosed = false;
    QByteArray m_in;
    qint64 m_readPos = 0;
    QByteArray m_out;
};

// ---- PendingMessage ----

Result<Value> PendingMessage::content() const
{
    if (isClose)
        return Value();
    MAS_TRY(codec, Codec::create(codecName.isEmpty() ? QStringLiteral("json") : codecName));
    MAS_TRY(triple, codec->decodeStructural(QByteArrayView(frame).sliced(kFrameHeaderSize)));
    if (!triple.isList() || triple.size() != 3)
        return Error(ErrorCode::InvalidMessage, mas::tr("Not a [type, id, content] message"));
    return triple.at(2);
}

// ---- LocalNetworkPrivate ----

double LocalNetworkPrivate::simTime() const
{
    return clock ? clock->time() : 0.0;
}

std::optional<Value> LocalNetworkPrivate::describe(Connection &c, Item &item)
{
    PendingMessage &m = item.message;
    m.from = item.toServer ? c.clientName : c.serverName;
    m.to = item.toServer ? c.serverName : c.clientName;
    m.codecName = c.codecName;
    if (m.isClose)
        return std::nullopt;
    if (!c.decoder) {
        Result<std::unique_ptr<Codec>> codec = Codec::create(c.codecName.isEmpty() ? QStringLiteral("json") : c.codecName);
        if (!codec)
            return std::nullopt;
        c.decoder = std::move(*codec);
    }
    Result<Value> triple = c.decoder->decodeStructural(QByteArrayView(m.frame).sliced(kFrameHeaderSize));
    if (!triple || !triple->isList() || triple->size() != 3)
        return std::nullopt; // the receiving channel will report it
    m.type = MessageType(triple->at(0).toInt());
    m.requestId = triple->at(1).toInt();
    auto &requests = item.toServer ? c.toServerPaths : c.toClientPaths;
    auto &answered = item.toServer ? c.toClientPaths : c.toServerPaths;
    if (m.type == MessageType::Request) {
        const Value &content = triple->at(2);
        if (content.isList() && content.size() == 3 && content.at(0).isString())
            m.path = content.at(0).toString();
        requests[m.requestId] = m.path;
        // A request to an agent goes to that agent's URL.
        m.to = agentEndName(m.to, m.path);
    } else {
        // A reply answers a request that went the other way; it comes from the agent that
        // request went to.
        if (auto it = answered.find(m.requestId); it != answered.end())
            m.path = it->second;
        m.from = agentEndName(m.from, m.path);
    }
    return triple->at(2);
}

void LocalNetworkPrivate::enqueue(LocalQueueDevice *from, QByteArray frame, bool isClose)
{
    auto conn = connections.find(from->connection());
    if (conn == connections.end())
        return;
    Item item;
    item.toServer = from->isClientSide();
    item.message.id = nextMessageId++;
    item.message.connection = conn->first;
    item.message.isClose = isClose;
    item.message.size = frame.size();
    item.message.frame = std::move(frame);
    const bool observed = observing();
    std::optional<Value> content;
    if (observed)
        content = describe(conn->second, item);
    pending.push_back(std::move(item));
    if (observed)
        record(eventFor(isClose ? TrafficEvent::Kind::Closed : TrafficEvent::Kind::Sent, pending.back().message,
                        content ? &*content : nullptr));
    if (mode == LocalNetwork::Mode::FreeRunning)
        schedulePump();
    if (observed)
        Q_EMIT q->pendingChanged();
}

TrafficEvent LocalNetworkPrivate::eventFor(TrafficEvent::Kind kind, const PendingMessage &m, const Value *content) const
{
    TrafficEvent e;
    e.kind = kind;
    e.messageId = m.id;
    e.connection = m.connection;
    e.from = m.from;
    e.to = m.to;
    e.type = m.type;
    e.requestId = m.requestId;
    e.path = m.path;
    e.size = m.size;
    if (recording && !m.isClose && (kind == TrafficEvent::Kind::Sent || kind == TrafficEvent::Kind::Duplicated)) {
        if (content)
            e.content = *content; // decoded by describe() already
        else if (Result<Value> decoded = m.content())
            e.content = *decoded;
    }
    return e;
}

void LocalNetworkPrivate::record(TrafficEvent event)
{
    event.sequence = nextSequence++;
    event.simTime = simTime();
    event.wallTimeMs = QDateTime::currentMSecsSinceEpoch();
    if (recording)
        log.append(event);
    Q_EMIT q->eventRecorded(event);
}

std::deque<LocalNetworkPrivate::Item>::iterator LocalNetworkPrivate::findPending(quint64 id)
{
    return std::find_if(pending.begin(), pending.end(), [id](const Item &i) { return i.message.id == id; });
}

void LocalNetworkPrivate::deliverAt(std::deque<Item>::iterator it)
{
    Item item = std::move(*it);
    if (it == pending.begin())
        pending.pop_front(); // the free-running case
    else
        pending.erase(it);
    const bool observed = observing();
    if (observed) {
        if (item.message.from.isEmpty() && !item.message.isClose) {
            // Not described when it was sent (nobody was watching then).
            if (auto conn = connections.find(item.message.connection); conn != connections.end())
                describe(conn->second, item);
        }
        record(eventFor(TrafficEvent::Kind::Delivered, item.message));
    }
    auto conn = connections.find(item.message.connection);
    if (conn != connections.end()) {
        // Not kept across the call below: receive() may delete the device.
        LocalQueueDevice *target = item.toServer ? conn->second.server.data() : conn->second.client.data();
        if (target) {
            if (item.message.isClose)
                target->receiveClose();
            else
                target->receive(item.message.frame);
        }
        // Forget a connection whose ends are both gone.
        conn = connections.find(item.message.connection);
        if (conn != connections.end() && !conn->second.client && !conn->second.server)
            connections.erase(conn);
    }
    if (observed)
        Q_EMIT q->pendingChanged();
}

void LocalNetworkPrivate::schedulePump()
{
    if (pumpPosted)
        return;
    pumpPosted = true;
    QMetaObject::invokeMethod(q, [this] { pump(); }, Qt::QueuedConnection);
}

void LocalNetworkPrivate::pump()
{
    pumpPosted = false;
    QPointer<LocalNetwork> self(q);
    for (int n = 0; n < kPumpBatch && self && mode == LocalNetwork::Mode::FreeRunning && !pending.empty(); ++n)
        deliverAt(pending.begin());
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
    d->pending.clear();
    d->connections.clear();
    d->log.clear();
    d->nextConnection = 1;
    d->nextMessageId = 1;
    d->nextSequence = 0;
    setClock(nullptr);
    setMode(Mode::FreeRunning);
    d->recording = true;
    Q_EMIT pendingChanged();
}

// ---- LocalQueue ----

LocalQueue::LocalQueue(const QString &queueId, QObject *parent)
    : QObject(parent)
    , m_queueId(queueId)
{
    LocalNetwork *net = network();
    connect(net, &LocalNetwork::pendingChanged, this, &LocalQueue::pendingChanged);
    connect(net, &LocalNetwork::modeChanged, this, &LocalQueue::modeChanged);
}

void LocalQueue::connectNotify(const QMetaMethod &signal)
{
    // Forwarded only once someone listens: an unobserved network does not decode frames.
    if (!m_forwardingEvents && signal == QMetaMethod::fromSignal(&LocalQueue::eventRecorded)) {
        m_forwardingEvents = true;
        connect(network(), &LocalNetwork::eventRecorded, this, &LocalQueue::eventRecorded);
    }
}

LocalQueue::~LocalQueue()
{
    // Devices outlive us only in their channels; they write into the network, not into us.
    if (registry().value(m_queueId) == this)
        registry().remove(m_queueId);
}

LocalQueue *LocalQueue::get(const QString &queueId)
{
    Q_ASSERT_X(!queueId.isEmpty() && !queueId.contains(u'/'), "LocalQueue::get", "invalid queue id");
    QPointer<LocalQueue> &slot = registry()[queueId];
    if (!slot)
        slot = new LocalQueue(queueId, QCoreApplication::instance());
    return slot;
}

LocalQueue *LocalQueue::find(const QString &queueId)
{
    return registry().value(queueId);
}

void LocalQueue::clearCache()
{
    const auto queues = registry();
    registry().clear();
    for (const QPointer<LocalQueue> &q : queues)
        delete q.data();
    LocalNetwork::instance()->reset();
}

QString LocalQueue::queueId() const
{
    return m_queueId;
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
    for (LocalNetworkPrivate::Item &item : d->pending) {
        if (item.message.from.isEmpty()) {
            if (auto conn = d->connections.find(item.message.connection); conn != d->connections.end())
                d->describe(conn->second, item);
        }
        result.push_back(item.message);
    }
    return result;
}

std::optional<PendingMessage> LocalNetwork::pendingMessage(quint64 id) const
{
    for (const PendingMessage &m : pendingMessages()) {
        if (m.id == id)
            return m;
    }
    return std::nullopt;
}

qsizetype LocalNetwork::pendingCount() const
{
    return qsizetype(d->pending.size());
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
    if (it->message.from.isEmpty()) {
        if (auto conn = d->connections.find(it->message.connection); conn != d->connections.end())
            d->describe(conn->second, *it);
    }
    PendingMessage message = it->message;
    d->deliverAt(it);
    return message;
}

Result<void> LocalNetwork::drop(quint64 id)
{
    auto it = d->findPending(id);
    if (it == d->pending.end())
        return d->notPending(id);
    const PendingMessage message = it->message;
    d->pending.erase(it);
    d->record(d->eventFor(TrafficEvent::Kind::Dropped, message));
    Q_EMIT pendingChanged();
    return {};
}

Result<quint64> LocalNetwork::duplicate(quint64 id)
{
    auto it = d->findPending(id);
    if (it == d->pending.end())
        return d->notPending(id);
    LocalNetworkPrivate::Item copy = *it;
    copy.message.id = d->nextMessageId++;
    const quint64 newId = copy.message.id;
    d->pending.insert(std::next(it), copy);
    TrafficEvent e = d->eventFor(TrafficEvent::Kind::Duplicated, copy.message);
    e.originalId = id;
    d->record(std::move(e));
    if (d->mode == Mode::FreeRunning)
        d->schedulePump();
    Q_EMIT pendingChanged();
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
    LocalNetworkPrivate::Item item = std::move(*it);
    d->pending.erase(it);
    d->pending.insert(d->pending.begin() + to, item);
    TrafficEvent e = d->eventFor(TrafficEvent::Kind::Delayed, item.message);
    e.positions = to - from;
    d->record(std::move(e));
    Q_EMIT pendingChanged();
    return {};
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
    while (self && delivered < maxSteps) {
        if (!d->pending.empty()) {
            if (breakpoint) {
                LocalNetworkPrivate::Item &front = d->pending.front();
                if (front.message.from.isEmpty()) {
                    if (auto conn = d->connections.find(front.message.connection); conn != d->connections.end())
                        d->describe(conn->second, front);
                }
                // A copy: QCoro's co_return moves from any lvalue of another type than the
                // task's, which would empty the pending frame.
                if (breakpoint(front.message))
                    co_return std::optional<PendingMessage>(front.message);
            }
            (void)step();
            d->lastRunDeliveries = ++delivered;
            idleRounds = 0;
            co_await YieldToEventLoop{this};
            continue;
        }
        if (idleRounds < kIdleRounds) {
            ++idleRounds;
            co_await YieldToEventLoop{this};
            continue;
        }
        if (advanceClockWhenIdle && advanceClock()) {
            idleRounds = 0;
            co_await YieldToEventLoop{this};
            continue;
        }
        break;
    }
    co_return std::nullopt;
}

void LocalNetwork::setClock(ExternalClock *clock)
{
    if (d->clockConnection)
        disconnect(d->clockConnection);
    d->clock = clock;
    if (clock) {
        d->clockConnection = connect(clock, &Clock::timeChanged, this, [this](double) {
            TrafficEvent e;
            e.kind = TrafficEvent::Kind::ClockChanged;
            d->record(std::move(e));
        });
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

void LocalNetwork::setRecording(bool on)
{
    d->recording = on;
}

bool LocalNetwork::isRecording() const
{
    return d->recording;
}

const TrafficLog &LocalNetwork::eventLog() const
{
    return d->log;
}

void LocalNetwork::clearEventLog()
{
    d->log.clear();
}

QCoro::Task<void> LocalNetwork::settle(int turns)
{
    for (int i = 0; i < turns; ++i)
        co_await YieldToEventLoop{this};
}

Result<void> LocalNetwork::apply(const TrafficEvent &action)
{
    switch (action.kind) {
    case TrafficEvent::Kind::Delivered:
        if (Result<PendingMessage> r = deliver(action.messageId); !r)
            return r.error();
        return {};
    case TrafficEvent::Kind::Dropped:
        return drop(action.messageId);
    case TrafficEvent::Kind::Duplicated:
        if (Result<quint64> r = duplicate(action.originalId); !r)
            return r.error();
        return {};
    case TrafficEvent::Kind::Delayed:
        return delay(action.messageId, qsizetype(action.positions));
    case TrafficEvent::Kind::ClockChanged:
        if (!d->clock)
            return Error(ErrorCode::InvalidArgument, tr("The recording moves a clock, but the queue has none"));
        return d->clock->setTime(action.simTime);
    default:
        return Error(ErrorCode::InvalidArgument,
                     tr("Event %1 is not an action that can be done again").arg(action.sequence));
    }
}

QCoro::Task<Result<int>> LocalNetwork::replay(TrafficLog recorded, std::chrono::milliseconds timeout)
{
    setMode(Mode::Stepped);
    QPointer<LocalNetwork> self(this);
    int actions = 0;
    for (const TrafficEvent &event : recorded.schedule()) {
        if (event.kind == TrafficEvent::Kind::ClockChanged) {
            if (!d->clock)
                co_return Error(ErrorCode::InvalidArgument, tr("The recording moves a clock, but the queue has none"));
            // Let what the previous deliveries started settle before time moves.
            co_await settle();
            if (!self)
                co_return Error(ErrorCode::Cancelled, tr("The queue was destroyed during the replay"));
            if (Result<void> r = apply(event); !r)
                co_return r.error();
            ++actions;
            continue;
        }
        // Wait until the system offers the frame the recording acted on next: for a duplication
        // that is the original (the copy's id, `messageId`, exists only afterwards).
        const quint64 awaited = event.kind == TrafficEvent::Kind::Duplicated ? event.originalId : event.messageId;
        QElapsedTimer waited;
        waited.start();
        while (self && d->findPending(awaited) == d->pending.end()) {
            if (waited.elapsed() > timeout.count())
                co_return Error(ErrorCode::Timeout,
                                tr("The replay diverged at event %1: message %2 never became pending")
                                    .arg(event.sequence)
                                    .arg(awaited));
            co_await YieldToEventLoop{this};
        }
        if (!self)
            co_return Error(ErrorCode::Cancelled, tr("The queue was destroyed during the replay"));
        if (Result<void> done = apply(event); !done)
            co_return done.error();
        ++actions;
        co_await YieldToEventLoop{this};
    }
    co_return actions;
}

Result<void> LocalQueue::setServer(std::function<void(QIODevice *)> onConnection, const QString &name,
                                   const QString &codecName)
{
    if (m_server)
        return Error(ErrorCode::AddressInUse, tr("LocalQueue('%1') already has a server").arg(m_queueId));
    m_server = std::move(onConnection);
    m_serverName = name.isEmpty() ? QStringLiteral("local://%1/").arg(m_queueId) : name;
    m_serverCodec = codecName;
    return {};
}

void LocalQueue::unsetServer()
{
    m_server = nullptr;
}

void LocalQueue::setServerName(const QString &name)
{
    if (!name.isEmpty())
        m_serverName = name;
}

bool LocalQueue::hasServer() const
{
    return bool(m_server);
}

Result<QIODevice *> LocalQueue::connectToServer(const QString &clientName, const QString &codecName)
{
    if (!m_server)
        return Error(ErrorCode::ConnectionRefused,
                     tr("Cannot connect to local://%1: no container serves this queue").arg(m_queueId));
    LocalNetworkPrivate *d = network()->d.get();
    const quint64 number = d->nextConnection++;
    LocalNetworkPrivate::Connection &c = d->connections[number];
    c.number = number;
    c.clientName = clientName.isEmpty() ? QStringLiteral("client %1").arg(number) : clientName;
    c.serverName = m_serverName;
    c.codecName = codecName.isEmpty() ? m_serverCodec : codecName;
    // The server side first, as aiomas does; the client's device is the caller's.
    auto *server = new LocalQueueDevice(m_queueId, number, false);
    auto *client = new LocalQueueDevice(m_queueId, number, true);
    // Each end is named after its peer: a channel's peerName() (in errors and in the clock's
    // pending deadlines) then says who is at the other end.
    server->setObjectName(c.clientName);
    client->setObjectName(c.serverName);
    c.server = server;
    c.client = client;
    if (d->observing()) {
        TrafficEvent e;
        e.kind = TrafficEvent::Kind::Connected;
        e.connection = number;
        e.from = c.clientName;
        e.to = c.serverName;
        d->record(std::move(e));
    }
    m_server(server);
    return static_cast<QIODevice *>(client);
}

} // namespace mas
