// SPDX-License-Identifier: MIT
#include "connection.h"

#include "channel_p.h"

#include "mas/core/logging_p.h"
#include "mas/transport/sockettransport_p.h"

#include <mas/core/peertext.h>

#include <QElapsedTimer>
#include <QPointer>

#include <QCoro/QCoroTimer>

namespace mas {

namespace {

/// Connections the kernel may hold for us before we accept them: enough for a burst of clients
/// up to the connection limit (Qt's default is 50; the kernel caps it at net.core.somaxconn).
int listenBacklog(const ChannelOptions &options)
{
    return int(std::clamp<qsizetype>(options.maxConnections, 50, 4096));
}

Result<std::unique_ptr<Codec>> makeCodec(const ChannelOptions &options)
{
    MAS_TRY(codec, Codec::create(options.codec));
    for (const SerializerSetup &setup : options.extraSerializers) {
        if (Result<void> r = setup(codec->serializers()); !r)
            return r.error();
    }
    return codec;
}

} // namespace

QCoro::Task<Result<std::unique_ptr<Channel>>> openConnection(Address address, ChannelOptions options)
{
    if (!address.isValid())
        co_return Error(ErrorCode::InvalidAddress, tr("No address to connect to"));
    if (Result<void> valid = options.validate(); !valid) {
        qCWarning(lcChannel).noquote() << "not connecting to" << address.toString() << ":" << valid.error().message();
        co_return valid.error();
    }
    // Check the codec before connecting, so a typo fails fast.
    if (Result<std::unique_ptr<Codec>> probe = makeCodec(options); !probe)
        co_return probe.error();

    // The pauses between attempts run on the connection's clock (a LocalQueue system's own,
    // see TimeoutClock), else in real time.
    QPointer<Clock> clock = timeoutClockFor(options, address.scheme() != Address::Scheme::Local);
    const bool onClock = bool(clock);
    const double startedOnClock = onClock ? clock->time() : 0.0;
    QElapsedTimer elapsed;
    elapsed.start();
    std::chrono::milliseconds delay(500);
    for (;;) {
        std::chrono::milliseconds attempt = options.attemptTimeout;
        if (options.tls)
            attempt = std::max(attempt, options.tls->handshakeTimeout);
        StreamConnectOptions streamOptions{options.tls, options.endpointName, options.codec};
        Result<QIODevice *> device = co_await connectStream(address, std::move(streamOptions), attempt);
        if (device) {
            Result<std::unique_ptr<Codec>> codec = makeCodec(options);
            if (!codec) {
                delete *device;
                co_return codec.error();
            }
            co_return std::make_unique<Channel>(*device, std::move(*codec), options);
        }
        const Error error = device.error();
        // aiomas retries refused connections; TLS and other errors will not heal by retrying.
        const bool retryable = error.code() == ErrorCode::ConnectionRefused;
        if (onClock && !clock)
            co_return Error(ErrorCode::Cancelled,
                            tr("The clock was destroyed while connecting to %1").arg(address.toString()));
        const double elapsedMs = onClock ? (clock->time() - startedOnClock) * 1000.0 : double(elapsed.elapsed());
        const bool keepTrying = !options.connectTimeout.has_value()
                                || (options.connectTimeout->count() > 0
                                    && elapsedMs <= double(options.connectTimeout->count()));
        if (!retryable || !keepTrying) {
            qCDebug(lcChannel).noquote() << "connect failed:" << error.message();
            co_return error;
        }
        qCDebug(lcChannel).noquote() << error.message() << "- retrying in" << delay.count() << "ms";
        if (onClock) {
            // A clock destroyed meanwhile wakes the sleeper with Cancelled.
            const QString description = tr("connect to %1 again").arg(address.toString());
            if (Result<void> slept = co_await clock->sleep(double(delay.count()) / 1000.0, description); !slept)
                co_return Error(ErrorCode::Cancelled,
                                tr("The clock was destroyed while connecting to %1").arg(address.toString()));
        } else {
            co_await QCoro::sleepFor(delay);
        }
        delay = std::min(std::chrono::milliseconds(delay.count() * 3 / 2), std::chrono::milliseconds(30'000));
    }
}

// ---- ChannelServer ----

class ChannelServerPrivate
{
public:
    explicit ChannelServerPrivate(ChannelServer *q)
        : q(q)
    {}

    /// The connection limit (tcp:// and ipc://; the server does not ask for in-process
    /// LocalQueue connections): false, with one log line, when the server is full (the server
    /// then closes the connection).
    bool admit(const QString &peer, qsizetype fromSamePeer)
    {
        const qsizetype open = channels.size() + (server ? server->handshaking() : 0);
        const bool perPeer = options.maxConnectionsPerPeer > 0 && fromSamePeer >= options.maxConnectionsPerPeer;
        if (open < options.maxConnections && !perPeer)
            return true;
        const Error e = perPeer
            ? Error(ErrorCode::TooManyConnections,
                    mas::tr("Refused a connection from %1: it has %2 connections to the server on "
                            "%3, the limit per peer (maxConnectionsPerPeer)")
                        .arg(peer)
                        .arg(fromSamePeer)
                        .arg(address.toString()))
            : Error(ErrorCode::TooManyConnections,
                    mas::tr("Refused a connection from %1: the server on %2 has %3 connections, the "
                            "limit (maxConnections)")
                        .arg(peer, address.toString())
                        .arg(open));
        ++refusals;
        // A flood must not flood the log: summed up by the limiter ("suppressed N similar lines").
        if (LogLimiter::global().allow(lcChannel(), perPeer ? QStringLiteral("refused connections: maxConnectionsPerPeer")
                                                            : QStringLiteral("refused connections: maxConnections")))
            qCWarning(lcChannel).noquote() << e.message();
        Q_EMIT q->acceptError(e);
        return false;
    }

    void accept(QIODevice *device)
    {
        Result<std::unique_ptr<Codec>> codec = makeCodec(options);
        if (!codec) {
            qCWarning(lcChannel).noquote() << "refusing a connection:" << codec.error().message();
            delete device;
            return;
        }
        auto *channel = new Channel(device, std::move(*codec), options, q);
        channel->d->setMemoryBudget(budget);
        channel->d->enableOffload(options.offloadDecodeBytes);
        channels.append(channel);
        QObject::connect(channel, &Channel::closed, q, [this, channel] {
            channels.removeOne(channel);
            channel->deleteLater();
        });
        Q_EMIT q->newChannel(channel);
    }

    ChannelServer *q;
    ChannelOptions options;
    Address address;
    /// The listening server of the address's transport (a child of q).
    QPointer<StreamServer> server;
    QList<QPointer<Channel>> channels;
    qint64 refusals = 0;
    /// ChannelOptions::memoryBudget, shared by every channel of the server (null: none).
    std::shared_ptr<MemoryBudget> budget;
};

ChannelServer::ChannelServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ChannelServerPrivate>(this))
{}

ChannelServer::~ChannelServer()
{
    // Stop listening before the private part goes: the transport's callbacks point into it.
    delete d->server;
}

Result<ChannelServer *> ChannelServer::listen(const Address &address,
                                             const ChannelOptions &options,
                                             QObject *parent)
{
    if (Result<void> valid = options.validate(); !valid) {
        qCWarning(lcChannel).noquote() << "not listening on" << address.toString() << ":" << valid.error().message();
        return valid.error();
    }
    if (Result<std::unique_ptr<Codec>> probe = makeCodec(options); !probe)
        return probe.error();
    auto server = std::unique_ptr<ChannelServer>(new ChannelServer(parent));
    ChannelServerPrivate *d = server->d.get();
    d->options = options;

    StreamServerOptions streamOptions;
    streamOptions.tls = options.tls;
    streamOptions.backlog = listenBacklog(options);
    streamOptions.endpointName = options.endpointName;
    streamOptions.codec = options.codec;
    streamOptions.accepted = [d](QIODevice *device) { d->accept(device); };
    streamOptions.admit = [d](const QString &peer, qsizetype fromSamePeer) {
        return d->admit(peer, fromSamePeer);
    };
    if (options.memoryBudget > 0) {
        d->budget = std::make_shared<MemoryBudget>();
        d->budget->limit = options.memoryBudget;
    }
    MAS_TRY(stream, StreamServer::listen(address, std::move(streamOptions), server.get()));
    QObject::connect(stream, &StreamServer::acceptError, server.get(),
                     [s = server.get()](const Error &e) { Q_EMIT s->acceptError(e); });
    d->server = stream;
    d->address = stream->address();
    qCDebug(lcChannel).noquote() << "listening on" << d->address.toString();
    return server.release();
}

Address ChannelServer::address() const
{
    return d->address;
}

QList<Channel *> ChannelServer::channels() const
{
    QList<Channel *> result;
    for (const QPointer<Channel> &c : d->channels) {
        if (c && c->isOpen())
            result.append(c);
    }
    return result;
}

qint64 ChannelServer::bufferedBytes() const
{
    return d->budget ? d->budget->used : 0;
}

qint64 ChannelServer::peakBufferedBytes() const
{
    return d->budget ? d->budget->peak : 0;
}

qint64 ChannelServer::acceptFailures() const
{
    return d->server ? d->server->acceptFailures() : 0;
}

qint64 ChannelServer::refusedConnections() const
{
    return d->refusals;
}

bool ChannelServer::isListening() const
{
    return d->server && d->server->isListening();
}

void ChannelServer::close()
{
    if (d->server)
        d->server->close();
}

QCoro::Task<void> ChannelServer::shutdown()
{
    close();
    QPointer<ChannelServer> guard(this);
    const QList<Channel *> open = channels();
    for (Channel *c : open) {
        QPointer<Channel> channel(c);
        co_await c->close();
        if (!guard)
            co_return;
    }
}

Result<ChannelServer *> startServer(const Address &address,
                                    std::function<void(Channel *)> onConnected,
                                    const ChannelOptions &options,
                                    QObject *parent)
{
    MAS_TRY(server, ChannelServer::listen(address, options, parent));
    if (onConnected)
        QObject::connect(server, &ChannelServer::newChannel, server, std::move(onConnected));
    return server;
}

} // namespace mas

