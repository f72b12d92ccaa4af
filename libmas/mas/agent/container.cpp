// SPDX-License-Identifier: MIT
#include "container.h"

#include "agent.h"
#include "agenturl.h"
#include "container_p.h"

#include <mas/channel/connection.h>
#include <mas/clock/clock.h>
#include <mas/codec/dateserializer.h>
#include <mas/trace/agentpath.h>
#include <mas/transport/localqueue.h>

#include "mas/core/logging_p.h"

#include <QHostInfo>

#include <QCoro/QCoroTask>

namespace mas {

namespace {

/// The agents' URL prefix; a wildcard host becomes this machine's name (as aiomas).
QString baseAddressFor(const Address &address)
{
    if (address.scheme() == Address::Scheme::Tcp) {
        const QString host = address.host();
        if (host.isEmpty() || host == u"0.0.0.0" || host == u"::") {
            QString name = QHostInfo::localHostName();
            const QString domain = QHostInfo::localDomainName();
            if (!domain.isEmpty())
                name += u'.' + domain;
            return AgentUrl::baseAddress(Address::tcp(name, address.port()));
        }
    }
    return AgentUrl::baseAddress(address);
}

} // namespace

// ---- ContainerPrivate ----

QString ContainerPrivate::endpointName() const
{
    // Observers (the LocalQueue's event log) name this container's ends of its connections: a
    // container with a single agent speaks for that agent, so diagrams read agent to agent.
    if (living == 1) {
        for (size_t i = 0; i < agents.size(); ++i) {
            if (agents[i])
                return baseAddress + QString::number(i); // the agent's own number may not be set yet
        }
    }
    return baseAddress;
}

void ContainerPrivate::updateEndpointName()
{
    if (address.scheme() != Address::Scheme::Local)
        return;
    if (LocalQueue *queue = LocalQueue::find(address.queueId()))
        queue->setServerName(endpointName());
}

quint64 ContainerPrivate::registerAgent(Agent *agent)
{
    const quint64 number = agents.size();
    agents.push_back(agent);
    ++living;
    updateEndpointName();
    // Announced from the event loop, as the agent's own constructor has not finished yet; one
    // posted call announces every agent created since the last one (cheap for a million agents).
    if (!announcePosted) {
        announcePosted = true;
        QMetaObject::invokeMethod(q, [this] { announceAgents(); }, Qt::QueuedConnection);
    }
    return number;
}

void ContainerPrivate::announceAgents()
{
    announcePosted = false;
    QPointer<Container> self(q);
    while (announced < agents.size() && self) {
        if (Agent *a = agents[announced++])
            Q_EMIT q->agentAdded(a);
    }
}

void ContainerPrivate::unregisterAgent(Agent *agent)
{
    if (agent->m_number < agents.size() && agents[agent->m_number] == agent) {
        agents[agent->m_number] = nullptr;
        --living;
        updateEndpointName();
        Q_EMIT q->agentRemoved(QString::number(agent->m_number));
    }
}

Result<rpc::Router *> ContainerPrivate::lookupAgent(QStringView aid) const
{
    // Only an agent's own name, a number as QString::number() writes it ("7", not "07" or "+7");
    // anything else is aiomas's `Name "07" not found in "agents"`.
    if (aid.isEmpty() || aid.size() > 18 || (aid.size() > 1 && aid.front() == u'0'))
        return nullptr;
    quint64 number = 0;
    for (QChar c : aid) {
        if (c < u'0' || c > u'9')
            return nullptr;
        number = number * 10 + quint64(c.unicode() - u'0');
    }
    if (number >= agents.size())
        return nullptr;
    if (!agents[number])
        return Error(ErrorCode::LookupError,
                     QStringLiteral("Agent \"%1\" was removed from %2").arg(aid.toString(), q->toString()));
    return &agents[number]->router();
}

QCoro::Task<Result<rpc::RpcClient *>> ContainerPrivate::connection(Address address,
                                                                   std::optional<std::chrono::milliseconds> timeout)
{
    const QString key = address.toString();
    if (auto it = outgoing.find(key); it != outgoing.end()) {
        if (it->second.client && it->second.client->channel() && it->second.client->channel()->isOpen())
            co_return it->second.client.data();
        if (it->second.attempt) {
            // Someone is connecting already: wait for that attempt.
            detail::Completion<Result<rpc::RpcClient *>> waiter;
            it->second.attempt->waiters.push_back(waiter);
            co_return co_await waiter;
        }
    }
    auto attempt = std::make_shared<Attempt>();
    Outgoing &entry = outgoing[key];
    entry.client = nullptr;
    entry.proxies.clear();
    entry.attempt = attempt;

    QPointer<Container> self(q);
    ChannelOptions channel = channelOptions;
    channel.connectTimeout = timeout;
    channel.endpointName = endpointName();
    // The container serves its own agents on its outgoing connections too.
    Result<std::unique_ptr<rpc::RpcClient>> opened = co_await rpc::openConnection(address, &root, channel);

    Result<rpc::RpcClient *> result =
        Error(ErrorCode::Cancelled, mas::tr("The container was destroyed while connecting"));
    if (!self) {
        // result says so
    } else if (shutDown) {
        result = Error(ErrorCode::ConnectionClosed, mas::tr("%1 is shut down").arg(q->toString()));
        outgoing.erase(key);
    } else if (!opened) {
        result = opened.error();
        outgoing.erase(key);
    } else {
        rpc::RpcClient *client = opened->release();
        client->setParent(q);
        QObject::connect(client, &rpc::RpcClient::connectionReset, q,
                         [this, key, client](const Error &) { forgetOutgoing(key, client); });
        Outgoing &now = outgoing[key];
        now.client = client;
        const QString remote = baseAddressFor(address);
        now.baseAddress = remote;
        now.attempt.reset();
        result = client;
        qCDebug(lcAgent) << q->toString() << "connected to" << key;
        Q_EMIT q->channelOpened(Container::Connection{client->channel(), remote, true});
        Q_EMIT q->connectionsChanged();
    }
    for (auto &waiter : attempt->waiters)
        waiter.complete(result);
    co_return result;
}

void ContainerPrivate::forgetOutgoing(const QString &key, rpc::RpcClient *client)
{
    auto it = outgoing.find(key);
    if (it != outgoing.end() && it->second.client == client)
        outgoing.erase(it);
    client->deleteLater();
    Q_EMIT q->connectionsChanged();
}

// ---- Container ----

Container::Container(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ContainerPrivate>(this))
{
    d->root.setServiceName(QStringLiteral("Container"));
    d->agentsRouter.setServiceName(QStringLiteral("ServiceDict"));
    d->root.expose(
        QStringLiteral("validate_aid"),
        [this](const Value &aid) -> Value {
            // The agent's class name, or null when there is no such agent (aiomas).
            if (!aid.isString())
                return Value();
            Agent *a = agent(aid.stringRef());
            return a ? Value(a->typeName()) : Value();
        },
        {QStringLiteral("aid")});
    d->root.addRouter(QStringLiteral("agents"), &d->agentsRouter);
    d->agentsRouter.setChildLookup([this](QStringView aid) { return d->lookupAgent(aid); });
}

Container::~Container()
{
    d->shutDown = true;
    // Connections first: their RpcClients refer to our routers.
    delete d->server.data();
    for (auto &[key, entry] : d->outgoing)
        delete entry.client.data();
    d->outgoing.clear();
    // The agents go with our QObject children (QObject deletes its children in O(n); deleting
    // them one by one here would be quadratic). They must not reach back into d by then.
    for (Agent *a : d->agents) {
        if (a)
            a->m_container = nullptr;
    }
}

QCoro::Task<Result<Container *>> Container::create(Address address, ContainerOptions options, QObject *parent)
{
    co_return createNow(address, std::move(options), parent);
}

Result<Container *> Container::createNow(const Address &address, ContainerOptions options, QObject *parent)
{
    auto container = std::unique_ptr<Container>(new Container(parent));
    ContainerPrivate *d = container->d.get();
    d->options = std::move(options);
    // Ownership is in the types: `clock` is borrowed, `ownedClock` shared with the options (the
    // container keeps its copy in d->options), the default RealTimeClock is a child.
    d->clock = d->options.clock ? d->options.clock : d->options.ownedClock.get();
    if (!d->clock)
        d->clock = new RealTimeClock(container.get());

    // Containers register the date serializer first (type id 0), then the user's serializers;
    // the RPC layer adds the proxy serializer last.
    ChannelOptions channel = d->options.channel;
    channel.codec = d->options.codec;
    channel.tls = d->options.tls;
    channel.extraSerializers.clear();
    channel.extraSerializers.push_back([](SerializerRegistry &registry) -> Result<void> {
        Result<int> id = addDateSerializer(registry);
        if (!id)
            return id.error();
        return {};
    });
    for (const SerializerSetup &setup : d->options.extraSerializers)
        channel.extraSerializers.push_back(setup);
    if (address.scheme() == Address::Scheme::Local)
        channel.endpointName = baseAddressFor(address); // names this end in the queue's events
    // The connections' timeouts follow the container's clock where the transport says so
    // (TimeoutClock::Automatic: LocalQueue connections; sockets keep real time).
    if (!channel.clock)
        channel.clock = d->clock;
    d->channelOptions = channel;

    Container *q = container.get();
    Result<ChannelServer *> server = rpc::startServer(
        address, &d->root,
        [q](rpc::RpcClient *client) {
            Q_EMIT q->channelOpened(Container::Connection{client->channel(), q->d->baseAddress, false});
            Q_EMIT q->connectionsChanged();
            QObject::connect(client, &rpc::RpcClient::connectionReset, q, &Container::connectionsChanged);
        },
        channel, container.get());
    if (!server)
        return server.error();
    d->server = *server;
    d->address = (*server)->address();
    d->baseAddress = baseAddressFor(d->address);
    d->channelOptions.endpointName = d->baseAddress;
    qCDebug(lcAgent) << "container listening at" << d->baseAddress;
    return container.release();
}

Result<Address> Container::parseAddress(QStringView text)
{
    if (text.startsWith(u"ipc://[")) {
        QStringView rest = text.sliced(7);
        if (rest.endsWith(u'/'))
            rest.chop(1);
        if (!rest.endsWith(u']') || rest.size() < 2)
            return Error(ErrorCode::InvalidAddress,
                         tr("Cannot parse address \"%1\": expected ipc://[socket path]/").arg(text.toString()));
        return Address::ipc(rest.first(rest.size() - 1).toString());
    }
    return Address::parse(text);
}

Address Container::address() const
{
    return d->address;
}

QString Container::baseAddress() const
{
    return d->baseAddress;
}

QString Container::endpointName() const
{
    return d->endpointName();
}

QList<Container::Connection> Container::connections() const
{
    QList<Connection> result;
    for (const auto &[key, entry] : d->outgoing) {
        if (entry.client && entry.client->channel() && entry.client->channel()->isOpen())
            result.append({entry.client->channel(), entry.baseAddress, true});
    }
    if (d->server) {
        for (Channel *channel : d->server->channels()) {
            if (channel->isOpen())
                result.append({channel, d->baseAddress, false});
        }
    }
    return result;
}

Clock *Container::clock() const
{
    return d->clock;
}

rpc::Router &Container::router()
{
    return d->root;
}

const ContainerOptions &Container::options() const
{
    return d->options;
}

QString Container::toString() const
{
    return QStringLiteral("Container(%1)").arg(d->baseAddress);
}

QList<Agent *> Container::agents() const
{
    QList<Agent *> result;
    result.reserve(d->living);
    for (Agent *a : d->agents) {
        if (a)
            result.push_back(a);
    }
    return result;
}

Agent *Container::agent(QStringView aid) const
{
    bool ok = false;
    const quint64 number = aid.toULongLong(&ok);
    if (!ok || number >= d->agents.size() || aid != QString::number(number))
        return nullptr;
    return d->agents[number];
}

qsizetype Container::agentCount() const
{
    return d->living;
}

bool Container::removeAgent(Agent *agent)
{
    if (!agent || agent->m_container != this || agent->m_number >= d->agents.size()
        || d->agents[agent->m_number] != agent)
        return false;
    d->unregisterAgent(agent);
    agent->m_container = nullptr; // already unregistered; its destructor must not do it again
    agent->deleteLater();
    return true;
}

QCoro::Task<Result<rpc::Proxy>> Container::connect(QString url, std::optional<std::chrono::milliseconds> timeout)
{
    Result<AgentUrl> parsed = AgentUrl::parse(url);
    if (!parsed)
        co_return parsed.error();
    if (d->shutDown)
        co_return Error(ErrorCode::ConnectionClosed, tr("%1 is shut down").arg(toString()));
    QPointer<Container> self(this);
    const QString key = parsed->container().toString();
    Result<rpc::RpcClient *> client = co_await d->connection(parsed->container(), timeout);
    if (!client)
        co_return client.error();
    if (!self)
        co_return Error(ErrorCode::Cancelled, tr("The container was destroyed while connecting"));
    const QString aid = parsed->aid();
    if (auto it = d->outgoing.find(key); it != d->outgoing.end()) {
        if (auto p = it->second.proxies.find(aid); p != it->second.proxies.end())
            co_return Result<rpc::Proxy>(p->second); // a copy: co_return would move from the cache
    }
    QPointer<rpc::RpcClient> connection(*client);
    Value::List args;
    args.emplace_back(aid);
    Result<Value> kind = co_await (*client)->call(QStringLiteral("validate_aid"), std::move(args));
    if (!kind)
        co_return kind.error();
    if (!self || !connection)
        co_return Error(ErrorCode::ConnectionClosed, tr("The connection to %1 closed").arg(key));
    if (kind->isNull())
        co_return Error(ErrorCode::AgentNotFound,
                        tr("Agent \"%1\" does not exist in Container(%2)").arg(aid, AgentUrl::baseAddress(parsed->container())));
    rpc::Proxy proxy(connection, AgentPath::make(aid), parsed->toString());
    if (auto it = d->outgoing.find(key); it != d->outgoing.end() && it->second.client == connection)
        it->second.proxies.emplace(aid, proxy);
    co_return proxy;
}

qsizetype Container::outgoingConnectionCount() const
{
    qsizetype n = 0;
    for (const auto &[key, entry] : d->outgoing) {
        if (entry.client)
            ++n;
    }
    return n;
}

qsizetype Container::incomingConnectionCount() const
{
    return d->server ? d->server->channels().size() : 0;
}

ChannelServer *Container::server() const
{
    return d->server;
}

QCoro::Task<void> Container::shutdown()
{
    if (d->shutDown)
        co_return;
    d->shutDown = true;
    QPointer<Container> self(this);
    std::vector<QPointer<rpc::RpcClient>> clients;
    for (auto &[key, entry] : d->outgoing) {
        if (entry.client)
            clients.emplace_back(entry.client);
    }
    d->outgoing.clear();
    QPointer<ChannelServer> server = d->server;
    if (server) {
        server->close();
        co_await server->shutdown();
    }
    for (const QPointer<rpc::RpcClient> &client : clients) {
        if (client)
            co_await client->close();
    }
    if (self) {
        qCDebug(lcAgent) << toString() << "shut down";
        Q_EMIT connectionsChanged();
    }
}

bool Container::isShutDown() const
{
    return d->shutDown;
}

} // namespace mas
