// SPDX-License-Identifier: MIT
#include "trafficmonitor.h"

#include <mas/agent/container.h>
#include <mas/channel/channel.h>
#include <mas/clock/clock.h>
#include <mas/trace/framedescription.h>
#include <mas/transport/streamsocket.h>

#include <QDateTime>
#include <QHash>
#include <QPointer>

#include <algorithm>
#include <deque>
#include <map>

namespace mas {

class TrafficMonitorPrivate : public ChannelObserver
{
public:
    struct State
    {
        QPointer<Channel> channel;
        QPointer<Container> owner;    // null for watchChannel()
        QPointer<Clock> clock;        // watchChannel()'s clock, if any
        QString selfName;             // watchChannel() only
        QString serverAddress;
        bool outgoing = false;
        bool remote = false;          // the other end is out of sight, for good
        bool announced = false;       // a remote end's Connected event was recorded
        State *peer = nullptr;
        quint64 connection = 0;
        quint64 order = 0;            // when it was watched: clients are paired oldest first
        QString remoteName;           // set for remote server-side ends
        /// Sent here, not yet seen at the peer (ignored frames too, so that the peer's
        /// receptions stay matched one to one).
        struct InFlight
        {
            TrafficEvent event;
            bool ignored = false;
        };
        std::deque<InFlight> inFlight;
        RequestPaths paths;           // Out: requests this end sent; In: requests it received
    };

    explicit TrafficMonitorPrivate(TrafficMonitor *q)
        : q(q)
    {}
    ~TrafficMonitorPrivate() override
    {
        for (auto &[channel, state] : states) {
            if (state->channel)
                state->channel->removeObserver(this);
        }
    }

    void frameEvent(const Channel &channel, const FrameEvent &event) override;
    void channelClosed(const Channel &channel, const Error &reason) override;

    State *add(Channel *channel);
    void forget(Channel *channel);
    QString selfName(const State &s) const;
    QString peerName(const State &s) const;
    double simTime(const State &s) const;
    bool expectsPeer(const State &s) const;
    State *findClientFor(State &server, const FrameEvent &event);
    void record(TrafficEvent event);
    /// The frame as seen from end `s` (describeFrame(), keeping the end's path book): content,
    /// type, id, path, connection and its ends' names. `sent`: this end sent it.
    TrafficEvent describe(State &s, const FrameEvent &event, bool sent);
    bool isIgnored(const QString &path) const;

    TrafficMonitor *q;
    std::map<const Channel *, std::unique_ptr<State>> states;
    QList<QPointer<Container>> containers;
    QHash<QString, int> watchedAddresses; // base addresses of the watched containers (a count each)
    QHash<const Channel *, bool> ignored;
    std::deque<TrafficEvent> log;
    quint64 firstSequence = 0;
    quint64 nextSequence = 0;
    quint64 nextMessageId = 1;
    quint64 nextConnection = 1;
    quint64 nextOrder = 0;
    qsizetype maxEvents = 100'000;
    QString ignoredPrefix;
    bool recording = true;
};

TrafficMonitorPrivate::State *TrafficMonitorPrivate::add(Channel *channel)
{
    if (!channel || ignored.contains(channel))
        return nullptr;
    auto [it, inserted] = states.try_emplace(channel, std::make_unique<State>());
    if (!inserted)
        return nullptr;
    it->second->channel = channel;
    it->second->order = nextOrder++;
    channel->addObserver(this);
    QObject::connect(channel, &QObject::destroyed, q, [this, channel] { forget(channel); });
    return it->second.get();
}

void TrafficMonitorPrivate::forget(Channel *channel)
{
    auto it = states.find(channel);
    if (it == states.end())
        return;
    if (it->second->peer)
        it->second->peer->peer = nullptr;
    states.erase(it);
}

QString TrafficMonitorPrivate::selfName(const State &s) const
{
    if (s.owner)
        return s.owner->endpointName();
    return s.selfName;
}

QString TrafficMonitorPrivate::peerName(const State &s) const
{
    if (s.peer)
        return selfName(*s.peer);
    if (s.outgoing)
        return s.serverAddress;
    return s.remoteName;
}

double TrafficMonitorPrivate::simTime(const State &s) const
{
    if (s.owner && s.owner->clock())
        return s.owner->clock()->time();
    return s.clock ? s.clock->time() : 0.0;
}

bool TrafficMonitorPrivate::expectsPeer(const State &s) const
{
    return s.outgoing && watchedAddresses.contains(s.serverAddress);
}

TrafficMonitorPrivate::State *TrafficMonitorPrivate::findClientFor(State &server, const FrameEvent &event)
{
    // The client end of this server end: an unpaired outgoing channel to the same server whose
    // oldest frame in flight is this one (and, over TCP, whose ports mirror ours). Unix sockets
    // name no peer, and clients of one server often start with the same frame (validate_aid):
    // a server accepts connections in the order they were made, so the k-th unpaired server end
    // (in the order they were accepted) takes the k-th such client, whichever reads first.
    const StreamSocket *serverSocket = server.channel ? server.channel->socket() : nullptr;
    std::vector<State *> candidates;
    qsizetype rank = 0;
    for (auto &[channel, state] : states) {
        State &c = *state;
        if (!c.outgoing && !c.peer && !c.remote && &c != &server && c.serverAddress == server.serverAddress
            && c.order < server.order)
            ++rank; // an older server end still waiting for its first frame
        if (!c.outgoing || c.peer || c.serverAddress != server.serverAddress || c.inFlight.empty())
            continue;
        const TrafficEvent &front = c.inFlight.front().event;
        if (front.type != event.type || front.requestId != qint64(event.id) || front.size != event.size + 4)
            continue;
        const StreamSocket *clientSocket = c.channel ? c.channel->socket() : nullptr;
        if (serverSocket && clientSocket && serverSocket->peerPort() != clientSocket->localPort())
            continue;
        candidates.push_back(&c);
    }
    if (candidates.empty())
        return nullptr;
    std::sort(candidates.begin(), candidates.end(), [](const State *a, const State *b) { return a->order < b->order; });
    return candidates[size_t(std::min<qsizetype>(rank, qsizetype(candidates.size()) - 1))];
}

TrafficEvent TrafficMonitorPrivate::describe(State &s, const FrameEvent &event, bool sent)
{
    TrafficEvent e;
    e.simTime = simTime(s);
    e.wallTimeMs = event.wallTimeMs;
    e.size = event.size + 4;
    e.connection = s.connection;
    const QString self = selfName(s);
    const QString other = peerName(s);
    e.from = sent ? self : other;
    e.to = sent ? other : self;
    // The channel decoded and checked the frame already: describing it fails only without a
    // codec. The channel's type and id then still pair the two ends of a connection.
    const bool described = event.codec
                           && describeFrame(e, event.payload, *event.codec, s.paths,
                                            sent ? RequestPaths::Way::Out : RequestPaths::Way::In);
    if (!described) {
        e.type = event.type;
        e.requestId = qint64(event.id);
    }
    return e;
}

bool TrafficMonitorPrivate::isIgnored(const QString &path) const
{
    return !ignoredPrefix.isEmpty() && path.startsWith(ignoredPrefix);
}

void TrafficMonitorPrivate::record(TrafficEvent event)
{
    event.sequence = nextSequence++;
    if (recording) {
        log.push_back(event);
        while (qsizetype(log.size()) > maxEvents) {
            log.pop_front();
            ++firstSequence;
        }
    } else {
        firstSequence = nextSequence;
    }
    Q_EMIT q->eventRecorded(event);
}

void TrafficMonitorPrivate::frameEvent(const Channel &channel, const FrameEvent &event)
{
    auto it = states.find(&channel);
    if (it == states.end())
        return;
    State &s = *it->second;

    if (event.direction == FrameEvent::Direction::Sent) {
        TrafficEvent e = describe(s, event, true);
        const bool paired = s.peer || expectsPeer(s);
        if (isIgnored(e.path)) {
            if (paired) {
                e.content = Value();
                s.inFlight.push_back({std::move(e), true});
            }
            return;
        }
        e.kind = TrafficEvent::Kind::Sent;
        e.messageId = nextMessageId++;
        record(e);
        if (paired) {
            s.inFlight.push_back({std::move(e), false});
        } else {
            e.kind = TrafficEvent::Kind::Delivered;
            record(std::move(e));
        }
        return;
    }

    if (!s.peer && !s.remote && !s.outgoing) {
        if (State *client = findClientFor(s, event)) {
            s.peer = client;
            client->peer = &s;
            s.connection = client->connection;
        } else {
            s.remote = true;
            s.connection = nextConnection++;
            const StreamSocket *socket = s.channel ? s.channel->socket() : nullptr;
            if (socket && (socket->kind() == StreamSocket::Kind::Tcp || socket->kind() == StreamSocket::Kind::Tls))
                s.remoteName = QStringLiteral("tcp://%1").arg(socket->peerName());
            else
                s.remoteName = QStringLiteral("client-%1").arg(s.connection);
        }
    }
    if (s.peer && !s.peer->inFlight.empty()) {
        // Seen leaving the other end: no second decode, the sender's description is the one.
        State::InFlight sent = std::move(s.peer->inFlight.front());
        s.peer->inFlight.pop_front();
        if (sent.event.type == MessageType::Request)
            s.paths.open(RequestPaths::Way::In, sent.event.requestId, sent.event.path);
        else
            (void)s.paths.answer(RequestPaths::Way::In, sent.event.requestId);
        if (sent.ignored)
            return;
        sent.event.kind = TrafficEvent::Kind::Delivered;
        sent.event.simTime = simTime(s);
        sent.event.wallTimeMs = event.wallTimeMs;
        record(std::move(sent.event));
        return;
    }
    // The other end is out of sight: sent and delivered as this end sees it.
    TrafficEvent e = describe(s, event, false);
    if (isIgnored(e.path))
        return;
    if (s.remote && !s.announced) {
        // Announced with its first frame that is shown (a monitor's own poller never is).
        s.announced = true;
        TrafficEvent connected;
        connected.kind = TrafficEvent::Kind::Connected;
        connected.simTime = e.simTime;
        connected.wallTimeMs = event.wallTimeMs;
        connected.connection = s.connection;
        connected.from = s.remoteName;
        connected.to = selfName(s);
        record(std::move(connected));
    }
    e.kind = TrafficEvent::Kind::Sent;
    e.messageId = nextMessageId++;
    record(e);
    e.kind = TrafficEvent::Kind::Delivered;
    record(std::move(e));
}

void TrafficMonitorPrivate::channelClosed(const Channel &channel, const Error &)
{
    auto it = states.find(&channel);
    if (it == states.end())
        return;
    State &s = *it->second;
    TrafficEvent e;
    e.kind = TrafficEvent::Kind::Closed;
    e.simTime = simTime(s);
    e.wallTimeMs = QDateTime::currentMSecsSinceEpoch();
    e.connection = s.connection;
    e.from = selfName(s);
    e.to = peerName(s);
    record(std::move(e));
}

// ---- TrafficMonitor ----

TrafficMonitor::TrafficMonitor(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<TrafficMonitorPrivate>(this))
{
}

TrafficMonitor::~TrafficMonitor() = default;

void TrafficMonitor::watch(Container *container)
{
    if (!container || d->containers.contains(container))
        return;
    d->containers.append(container);
    ++d->watchedAddresses[container->baseAddress()];
    auto onOpened = [this, container](const Container::Connection &c) {
        TrafficMonitorPrivate::State *s = d->add(c.channel);
        if (!s)
            return;
        s->owner = container;
        s->serverAddress = c.serverAddress;
        s->outgoing = c.outgoing;
        if (c.outgoing) {
            s->connection = d->nextConnection++;
            TrafficEvent e;
            e.kind = TrafficEvent::Kind::Connected;
            e.simTime = d->simTime(*s);
            e.wallTimeMs = QDateTime::currentMSecsSinceEpoch();
            e.connection = s->connection;
            e.from = d->selfName(*s);
            e.to = s->serverAddress;
            d->record(std::move(e));
        }
    };
    for (const Container::Connection &c : container->connections())
        onOpened(c);
    connect(container, &Container::channelOpened, this, onOpened);
    connect(container, &QObject::destroyed, this, [this, container, address = container->baseAddress()] {
        d->containers.removeAll(container);
        if (--d->watchedAddresses[address] <= 0)
            d->watchedAddresses.remove(address);
    });
}

void TrafficMonitor::unwatch(Container *container)
{
    if (!d->containers.removeAll(container))
        return;
    if (--d->watchedAddresses[container->baseAddress()] <= 0)
        d->watchedAddresses.remove(container->baseAddress());
    disconnect(container, nullptr, this, nullptr);
    for (auto it = d->states.begin(); it != d->states.end();) {
        TrafficMonitorPrivate::State &s = *it->second;
        if (s.owner == container) {
            if (s.peer)
                s.peer->peer = nullptr;
            if (s.channel) {
                s.channel->removeObserver(d.get());
                disconnect(s.channel, nullptr, this, nullptr);
            }
            it = d->states.erase(it);
        } else {
            ++it;
        }
    }
}

void TrafficMonitor::watchChannel(Channel *channel, const QString &selfName, const QString &serverAddress,
                                  Clock *clock)
{
    TrafficMonitorPrivate::State *s = d->add(channel);
    if (!s)
        return;
    s->clock = clock;
    s->selfName = selfName;
    s->serverAddress = serverAddress;
    s->outgoing = true;
    s->connection = d->nextConnection++;
    TrafficEvent e;
    e.kind = TrafficEvent::Kind::Connected;
    e.wallTimeMs = QDateTime::currentMSecsSinceEpoch();
    e.connection = s->connection;
    e.from = selfName;
    e.to = serverAddress;
    d->record(std::move(e));
}

void TrafficMonitor::ignore(Channel *channel)
{
    d->ignored.insert(channel, true);
    connect(channel, &QObject::destroyed, this, [this, channel] { d->ignored.remove(channel); });
    auto it = d->states.find(channel);
    if (it != d->states.end()) {
        channel->removeObserver(d.get());
        d->forget(channel);
    }
}

void TrafficMonitor::ignorePathPrefix(const QString &prefix)
{
    d->ignoredPrefix = prefix;
}

void TrafficMonitor::setRecording(bool on)
{
    d->recording = on;
}

bool TrafficMonitor::isRecording() const
{
    return d->recording;
}

void TrafficMonitor::setMaxEvents(qsizetype max)
{
    d->maxEvents = qMax<qsizetype>(1, max);
    while (qsizetype(d->log.size()) > d->maxEvents) {
        d->log.pop_front();
        ++d->firstSequence;
    }
}

qsizetype TrafficMonitor::maxEvents() const
{
    return d->maxEvents;
}

TrafficLog TrafficMonitor::eventLog() const
{
    return TrafficLog(std::vector<TrafficEvent>(d->log.begin(), d->log.end()));
}

quint64 TrafficMonitor::firstSequence() const
{
    return d->firstSequence;
}

quint64 TrafficMonitor::nextSequence() const
{
    return d->nextSequence;
}

std::vector<TrafficEvent> TrafficMonitor::eventsSince(quint64 since, qsizetype max) const
{
    std::vector<TrafficEvent> result;
    if (since >= d->nextSequence || max <= 0)
        return result;
    const quint64 start = qMax(since, d->firstSequence);
    auto it = d->log.begin() + qsizetype(start - d->firstSequence);
    for (; it != d->log.end() && qsizetype(result.size()) < max; ++it)
        result.push_back(*it);
    return result;
}

void TrafficMonitor::clear()
{
    d->log.clear();
    d->firstSequence = d->nextSequence;
}

} // namespace mas
