// SPDX-License-Identifier: MIT
#include "taprelay.h"

#include <mas/agent/agenturl.h>
#include <mas/codec/codec.h>
#include <mas/core/peertext.h>
#include <mas/trace/framedescription.h>
#include <mas/transport/streamsocket.h>

#include "mas/core/logging_p.h"
#include "mas/transport/sockettransport_p.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <utility>
#include <vector>

namespace mas {

namespace {

/// Read buffer of every relayed socket. It bounds what Qt buffers while the relay does not read
/// (back-pressure): a full buffer stops reading from the OS, so TCP flow control reaches the peer.
constexpr qint64 kSocketReadBuffer = 256 * 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

class TapConnection;

class TapRelayPrivate
{
public:
    explicit TapRelayPrivate(TapRelay *q)
        : q(q)
    {}

    /// `clientName` empty: named after the client's TCP peer.
    void accept(QIODevice *client, const QString &clientName);
    void record(TrafficEvent event)
    {
        event.sequence = nextSequence++;
        event.simTime = 0;
        event.wallTimeMs = nowMs();
        Q_EMIT q->eventRecorded(event);
    }

    TapRelay *q;
    Address address;
    Address target;
    TapOptions options;
    std::unique_ptr<Codec> codec; // structural decoding only: one instance serves all connections
    StreamServer *server = nullptr;
    QList<TapConnection *> connections;
    quint64 nextConnection = 1;
    quint64 nextMessageId = 1;
    quint64 nextSequence = 0;
};

/// One relayed client: the accepted socket, the socket to the target (both seen through their
/// StreamSocket adapters), and the frame tracking of both directions. A child of the relay;
/// deletes itself (deleteLater) when both sides are closed.
class TapConnection : public QObject
{
public:
    /// One direction of the relay: bytes read from `source` are written unchanged to `dest`.
    struct Direction
    {
        QIODevice *source = nullptr;
        QIODevice *dest = nullptr;
        QString from;
        QString to;
        // frame cutting: the relay reads the headers itself so that it can pass frames over the
        // decode limit without buffering them; the others go through a FrameDecoder
        std::array<char, kFrameHeaderSize> header{};
        int headerFill = 0;
        bool inPayload = false;
        bool decoding = false;
        quint32 length = 0;
        quint64 remaining = 0;
        FrameDecoder frames;
        // delivery tracking, in stream offsets of this direction
        quint64 received = 0; ///< bytes read from source (all of them were written to dest)
        quint64 flushed = 0;  ///< bytes dest reported written (bytesWritten)
        std::deque<std::pair<quint64, TrafficEvent>> inFlight; ///< frame end offset, its Sent event
        bool paused = false;
    };
    enum class State { Connecting, Open, Closing, Done };

    TapConnection(TapRelayPrivate *relay, quint64 number, QIODevice *client, QString clientName);
    ~TapConnection() override;

    void start();
    /// The relay closes: Closed event, both sides flushed and closed.
    void closeByRelay();
    State state() const { return m_state; }

private:
    void watch(StreamSocket *socket);
    void onUpstreamConnected();
    void onConnectFailed(const Error &error);
    void onSideClosed(QIODevice *side);
    void onBytesWritten(Direction &dir, qint64 bytes);
    void pump(Direction &dir);
    /// Forwards a chunk and reports the frames it completes. False if this connection ended
    /// meanwhile (a slot closed the relay).
    bool relay(Direction &dir, const QByteArray &chunk);
    std::vector<std::pair<quint64, TrafficEvent>> cut(Direction &dir, QByteArrayView chunk);
    TrafficEvent frameEvent(Direction &dir);
    void recordClosed(const QString &from, const QString &to);
    void closeSide(QIODevice *side);
    /// The adapter of one of the two devices.
    StreamSocket *socketOf(const QIODevice *side) const
    {
        return side == m_client ? m_clientSocket : m_upstreamSocket;
    }
    void maybeFinish();
    void finish();
    Direction &directionFrom(QIODevice *source) { return source == m_client ? m_up : m_down; }

    TapRelayPrivate *r;
    quint64 m_number;
    QIODevice *m_client;
    StreamSocket *m_clientSocket;
    QIODevice *m_upstream = nullptr;
    StreamSocket *m_upstreamSocket = nullptr;
    QString m_clientName;
    QString m_targetName;
    Direction m_up;   // client -> target
    Direction m_down; // target -> client
    RequestPaths m_paths; // Out: client -> target
    QTimer m_timer;   // connect timeout, then close timeout
    State m_state = State::Connecting;
    bool m_warned = false;
    bool m_clientLeft = false; ///< the client closed while the target was being connected to
};

TapConnection::TapConnection(TapRelayPrivate *relay, quint64 number, QIODevice *client, QString clientName)
    : QObject(relay->q)
    , r(relay)
    , m_number(number)
    , m_client(client)
    , m_clientSocket(new StreamSocket(client, client))
    , m_clientName(clientName.isEmpty() ? QStringLiteral("tcp://") + m_clientSocket->peerName() : std::move(clientName))
    , m_targetName(AgentUrl::baseAddress(relay->target))
{
    const qsizetype decodeLimit = std::max<qsizetype>(r->options.maxFrameSize, 0);
    m_up.frames.setMaxFrameSize(decodeLimit);
    m_down.frames.setMaxFrameSize(decodeLimit);
    m_up.from = m_down.to = m_clientName;
    m_up.to = m_down.from = m_targetName;
    m_timer.setSingleShot(true);
    client->setParent(this);
    m_clientSocket->setReadBufferSize(kSocketReadBuffer);
    m_clientSocket->setLowDelay();
    watch(m_clientSocket);
}

TapConnection::~TapConnection()
{
    // Only reached from the relay's destructor or after finish(): no signals from dying sockets.
    for (QIODevice *device : {m_client, m_upstream}) {
        if (device) {
            device->disconnect(this);
            socketOf(device)->disconnect(this);
            socketOf(device)->abort();
        }
    }
}

void TapConnection::watch(StreamSocket *socket)
{
    QIODevice *device = socket->device();
    connect(device, &QIODevice::readyRead, this, [this, device] {
        if (m_state == State::Open)
            pump(directionFrom(device));
    });
    connect(device, &QIODevice::bytesWritten, this, [this, device](qint64 bytes) {
        // What `device` wrote came from the other side: it is the destination of that direction.
        onBytesWritten(device == m_client ? m_down : m_up, bytes);
    });
    connect(socket, &StreamSocket::disconnected, this, [this, device] { onSideClosed(device); });
    connect(socket, &StreamSocket::errorOccurred, this, [this, socket, device](const Error &error) {
        if (device == m_upstream && m_state == State::Connecting) {
            // The transport's own text, as a refusal unless the operating system gave up.
            const bool timeout = error.code() == ErrorCode::Timeout;
            onConnectFailed(Error(timeout ? ErrorCode::Timeout : ErrorCode::ConnectionRefused,
                                  mas::tr("Cannot connect to %1 for %2: %3")
                                      .arg(r->target.toString(), m_clientName, socket->errorString())));
        } else if (socket->isClosed()) {
            onSideClosed(device);
        }
    });
}

void TapConnection::start()
{
    const Address &target = r->target;
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_state == State::Connecting) {
            onConnectFailed(Error(ErrorCode::Timeout,
                                  mas::tr("Connecting to %1 for %2 timed out after %3 ms")
                                      .arg(r->target.toString(), m_clientName)
                                      .arg(r->options.connectTimeout.count())));
        } else if (m_state == State::Closing) {
            qCDebug(lcTap).noquote() << "connection" << m_number << "did not flush in time, aborting";
            finish();
        }
    });
    m_timer.start(r->options.connectTimeout);
    // listen() accepted only targets the transport connects to.
    Result<StreamSocket *> upstream = createClientSocket(target, this);
    Q_ASSERT(upstream);
    if (!upstream) {
        onConnectFailed(upstream.error());
        return;
    }
    m_upstreamSocket = *upstream;
    m_upstream = m_upstreamSocket->device();
    connect(m_upstreamSocket, &StreamSocket::connected, this, [this] { onUpstreamConnected(); });
    watch(m_upstreamSocket);
    startConnecting(m_upstreamSocket, target); // may fail at once (no such socket file)
}

void TapConnection::onUpstreamConnected()
{
    if (m_state != State::Connecting)
        return;
    m_timer.stop();
    m_state = State::Open;
    m_upstreamSocket->setReadBufferSize(kSocketReadBuffer);
    m_upstreamSocket->setLowDelay();
    m_up.source = m_down.dest = m_client;
    m_up.dest = m_down.source = m_upstream;
    qCDebug(lcTap).noquote() << "connection" << m_number << m_clientName << "->" << m_targetName;

    QPointer<TapConnection> guard(this);
    TrafficEvent e;
    e.kind = TrafficEvent::Kind::Connected;
    e.connection = m_number;
    e.from = m_clientName;
    e.to = m_targetName;
    r->record(std::move(e));
    // The client may have sent bytes while the target was being connected to.
    if (guard && m_state == State::Open)
        pump(m_up);
    if (guard && m_state == State::Open)
        pump(m_down);
    if (guard && m_state == State::Open && m_clientLeft)
        onSideClosed(m_client);
}

void TapConnection::onConnectFailed(const Error &error)
{
    if (m_state != State::Connecting)
        return;
    m_state = State::Closing;
    m_timer.stop();
    qCWarning(lcTap).noquote() << peerText(error.message());
    if (m_upstream) {
        m_upstream->disconnect(this);
        m_upstreamSocket->disconnect(this);
        m_upstreamSocket->abort();
    }
    QPointer<TapConnection> guard(this);
    Q_EMIT r->q->errorOccurred(error);
    if (!guard || m_state == State::Done)
        return;
    recordClosed(m_targetName, m_clientName);
    if (guard && m_state == State::Closing)
        closeSide(m_client);
}

void TapConnection::onSideClosed(QIODevice *side)
{
    switch (m_state) {
    case State::Done:
        return;
    case State::Closing:
        maybeFinish();
        return;
    case State::Connecting: // the client left before the target answered
        if (side == m_client && m_client->isOpen() && m_client->bytesAvailable() > 0) {
            qCDebug(lcTap).noquote() << "connection" << m_number << "client left while connecting,"
                                     << m_client->bytesAvailable() << "bytes to relay";
            m_clientLeft = true; // it said something first: deliver it once connected
            return;
        }
        m_state = State::Closing;
        m_upstream->disconnect(this);
        m_upstreamSocket->disconnect(this);
        m_upstreamSocket->abort();
        recordClosed(m_clientName, m_targetName);
        maybeFinish();
        return;
    case State::Open:
        break;
    }
    Direction &dir = directionFrom(side);
    m_state = State::Closing;
    QPointer<TapConnection> guard(this);
    // Forward what the side sent before it closed (regardless of back-pressure: it is bounded
    // by the socket's read buffer).
    if (side->isOpen() && side->bytesAvailable() > 0) {
        const QByteArray rest = side->readAll();
        if (!relay(dir, rest))
            return;
    }
    if (dir.inPayload || dir.headerFill > 0)
        qCDebug(lcTap).noquote() << "connection" << m_number << dir.from << "closed inside a frame";
    recordClosed(dir.from, dir.to);
    if (!guard || m_state != State::Closing)
        return;
    closeSide(dir.dest);
}

void TapConnection::closeByRelay()
{
    switch (m_state) {
    case State::Done:
    case State::Closing:
        return;
    case State::Connecting:
        m_upstream->disconnect(this);
        m_upstreamSocket->disconnect(this);
        m_upstreamSocket->abort();
        break;
    case State::Open:
        break;
    }
    m_state = State::Closing;
    QPointer<TapConnection> guard(this);
    recordClosed(m_clientName, m_targetName);
    if (!guard || m_state != State::Closing)
        return;
    closeSide(m_client);
    if (guard && m_state == State::Closing && m_upstream)
        closeSide(m_upstream);
}

void TapConnection::closeSide(QIODevice *side)
{
    if (!m_timer.isActive())
        m_timer.start(r->options.closeTimeout);
    QPointer<TapConnection> guard(this);
    if (!socketOf(side)->isClosed())
        socketOf(side)->disconnectFromPeer(); // writes what is queued first; may emit disconnected()
    if (guard)
        maybeFinish();
}

void TapConnection::maybeFinish()
{
    if (m_state == State::Closing && m_clientSocket->isClosed() && (!m_upstream || m_upstreamSocket->isClosed()))
        finish();
}

void TapConnection::finish()
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_timer.stop();
    for (QIODevice *device : {m_client, m_upstream}) {
        if (device) {
            device->disconnect(this);
            socketOf(device)->disconnect(this);
            socketOf(device)->abort();
        }
    }
    r->connections.removeOne(this);
    deleteLater();
}

void TapConnection::recordClosed(const QString &from, const QString &to)
{
    qCDebug(lcTap).noquote() << "connection" << m_number << "closed by" << from;
    TrafficEvent e;
    e.kind = TrafficEvent::Kind::Closed;
    e.connection = m_number;
    e.from = from;
    e.to = to;
    r->record(std::move(e));
}

void TapConnection::pump(Direction &dir)
{
    QPointer<TapConnection> guard(this);
    while (guard && m_state == State::Open && !dir.paused && dir.source->bytesAvailable() > 0) {
        const QByteArray chunk = dir.source->readAll();
        if (chunk.isEmpty() || !relay(dir, chunk))
            return;
        if (m_state == State::Open && dir.dest->bytesToWrite() > r->options.maxWriteBuffer) {
            dir.paused = true;
            qCDebug(lcTap).noquote() << "connection" << m_number << "pausing" << dir.from << "-"
                                     << dir.dest->bytesToWrite() << "bytes queued for" << dir.to;
        }
    }
}

void TapConnection::onBytesWritten(Direction &dir, qint64 bytes)
{
    if (m_state == State::Done || !dir.dest)
        return;
    dir.flushed += quint64(bytes);
    QPointer<TapConnection> guard(this);
    while (!dir.inFlight.empty() && dir.inFlight.front().first <= dir.flushed) {
        TrafficEvent e = std::move(dir.inFlight.front().second);
        dir.inFlight.pop_front();
        e.kind = TrafficEvent::Kind::Delivered;
        e.content = Value(); // as the LocalQueue: content travels with Sent only
        r->record(std::move(e));
        if (!guard || m_state == State::Done)
            return;
    }
    if (dir.paused && dir.dest->bytesToWrite() <= r->options.maxWriteBuffer / 2) {
        qCDebug(lcTap).noquote() << "connection" << m_number << "resuming" << dir.from;
        dir.paused = false;
        pump(dir);
    }
}

bool TapConnection::relay(Direction &dir, const QByteArray &chunk)
{
    std::vector<std::pair<quint64, TrafficEvent>> frames = cut(dir, chunk);
    // Forward first, exactly as received; then report.
    const qint64 written = dir.dest->write(chunk);
    if (written != chunk.size())
        qCDebug(lcTap).noquote() << "connection" << m_number << "could not forward to" << dir.to << ":"
                                 << dir.dest->errorString();
    QPointer<TapConnection> guard(this);
    for (auto &[end, event] : frames) {
        dir.inFlight.emplace_back(end, event);
        r->record(std::move(event));
        if (!guard || m_state == State::Done)
            return false;
    }
    return true;
}

std::vector<std::pair<quint64, TrafficEvent>> TapConnection::cut(Direction &dir, QByteArrayView chunk)
{
    std::vector<std::pair<quint64, TrafficEvent>> events;
    const qsizetype n = chunk.size();
    qsizetype i = 0;
    for (;;) {
        if (!dir.inPayload) {
            if (i == n)
                break;
            const qsizetype take = std::min<qsizetype>(kFrameHeaderSize - dir.headerFill, n - i);
            std::memcpy(dir.header.data() + dir.headerFill, chunk.data() + i, size_t(take));
            dir.headerFill += int(take);
            i += take;
            if (dir.headerFill < kFrameHeaderSize)
                break;
            dir.headerFill = 0;
            dir.length = qFromBigEndian<quint32>(dir.header.data());
            dir.remaining = dir.length;
            dir.decoding = qint64(dir.length) <= qint64(dir.frames.maxFrameSize());
            dir.inPayload = true;
            if (dir.decoding)
                dir.frames.feed(QByteArrayView(dir.header.data(), kFrameHeaderSize));
        }
        const qsizetype take = qsizetype(std::min<quint64>(dir.remaining, quint64(n - i)));
        if (dir.decoding && take > 0)
            dir.frames.feed(chunk.sliced(i, take));
        i += take;
        dir.remaining -= quint64(take);
        if (dir.remaining > 0)
            break;
        dir.inPayload = false;
        TrafficEvent event = frameEvent(dir);
        events.emplace_back(dir.received + quint64(i), std::move(event));
    }
    dir.received += quint64(n);
    return events;
}

TrafficEvent TapConnection::frameEvent(Direction &dir)
{
    TrafficEvent e;
    e.kind = TrafficEvent::Kind::Sent;
    e.messageId = r->nextMessageId++;
    e.connection = m_number;
    e.from = dir.from;
    e.to = dir.to;
    e.size = kFrameHeaderSize + qsizetype(dir.length);
    if (!dir.decoding) {
        qCDebug(lcTap).noquote() << "connection" << m_number << "frame" << e.messageId << "of"
                                 << e.size << "bytes forwarded without decoding (over the limit)";
        return e;
    }
    std::optional<Result<QByteArray>> payload = dir.frames.next();
    Q_ASSERT(payload && *payload); // exactly one complete frame within the limit was fed
    if (!payload || !*payload)
        return e;
    const RequestPaths::Way way = &dir == &m_up ? RequestPaths::Way::Out : RequestPaths::Way::In;
    if (const Result<void> described = describeFrame(e, **payload, *r->codec, m_paths, way); !described) {
        // Expected with a wrong codec guess or a non-aiomas peer: one warning per connection.
        if (!m_warned) {
            m_warned = true;
            qCWarning(lcTap).noquote()
                << QStringLiteral("connection %1: frame %2 from %3 (%4 bytes) does not decode as %5, "
                                  "relayed undecoded: %6")
                       .arg(m_number)
                       .arg(e.messageId)
                       .arg(dir.from)
                       .arg(e.size)
                       .arg(r->codec->name(), peerText(described.error().message()));
        } else {
            qCDebug(lcTap).noquote() << "connection" << m_number << "frame" << e.messageId
                                     << "does not decode:" << described.error().message();
        }
    }
    return e;
}

// ---- TapRelay ----

void TapRelayPrivate::accept(QIODevice *client, const QString &clientName)
{
    auto *connection = new TapConnection(this, nextConnection++, client, clientName);
    connections.append(connection);
    connection->start();
}

TapRelay::TapRelay(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<TapRelayPrivate>(this))
{}

TapRelay::~TapRelay()
{
    // Quietly: no events from a relay being destroyed.
    const QList<TapConnection *> open = d->connections;
    d->connections.clear();
    qDeleteAll(open);
}

Result<TapRelay *> TapRelay::listen(const Address &listenAddress,
                                    const Address &target,
                                    TapOptions options,
                                    QObject *parent)
{
    const auto supported = [](const Address &a) {
        return a.scheme() == Address::Scheme::Tcp || a.scheme() == Address::Scheme::Ipc;
    };
    if (!supported(listenAddress))
        return Error(ErrorCode::InvalidAddress,
                     mas::tr("A tap relay listens on tcp:// or ipc:// addresses, not \"%1\"")
                         .arg(listenAddress.toString()));
    if (!supported(target))
        return Error(ErrorCode::InvalidAddress,
                     mas::tr("A tap relay relays to tcp:// or ipc:// addresses, not \"%1\"").arg(target.toString()));
    MAS_TRY(codec, Codec::create(options.codec));
    codec->setLimits(options.limits);

    auto relay = std::unique_ptr<TapRelay>(new TapRelay(parent));
    TapRelayPrivate *d = relay->d.get();
    d->target = target;
    d->options = std::move(options);
    d->codec = std::move(codec);

    // An ipc:// relay never takes over the path of a live server (the transport's stale-socket
    // probe), and names its clients by number: a Unix socket peer has no address.
    const bool ipc = listenAddress.scheme() == Address::Scheme::Ipc;
    StreamServerOptions serverOptions;
    serverOptions.accepted = [d, ipc](QIODevice *client) {
        // A TCP client is named by its connection's StreamSocket ("tcp://" and the peer's
        // "host:port", brackets around an IPv6 host): an empty name here.
        d->accept(client, ipc ? QStringLiteral("%1#client-%2")
                                    .arg(d->address.toString(), QString::number(d->nextConnection))
                              : QString());
    };
    MAS_TRY(server, StreamServer::listen(listenAddress, std::move(serverOptions), relay.get()));
    d->server = server;
    d->address = server->address();
    qCDebug(lcTap).noquote() << "tap relay on" << d->address.toString() << "for" << target.toString();
    return relay.release();
}

Address TapRelay::address() const
{
    return d->address;
}

Address TapRelay::target() const
{
    return d->target;
}

TapOptions TapRelay::options() const
{
    return d->options;
}

int TapRelay::connectionCount() const
{
    return int(d->connections.size());
}

bool TapRelay::isListening() const
{
    return d->server && d->server->isListening();
}

void TapRelay::close()
{
    if (d->server)
        d->server->close();
    const QList<TapConnection *> open = d->connections;
    QPointer<TapRelay> guard(this);
    for (TapConnection *c : open) {
        if (!guard)
            return;
        if (d->connections.contains(c))
            c->closeByRelay();
    }
}

} // namespace mas
