// SPDX-License-Identifier: MIT
#pragma once

#include <mas/agent/agent.h>
#include <mas/channel/channeloptions.h>
#include <mas/clock/clock.h>
#include <mas/core/mas_export.h>
#include <mas/rpc/rpcclient.h>
#include <mas/transport/address.h>

#include <QObject>

#include <QCoro/QCoroTask>

#include <chrono>
#include <memory>
#include <optional>

namespace mas {

class ChannelServer;
class ContainerPrivate;

/// How a container talks and keeps time (aiomas's `Container.create` keyword arguments).
struct ContainerOptions
{
    /// "json" (default, as aiomas), "msgpack", "msgpackblosc".
    QString codec = QStringLiteral("json");
    /// Extra serializers, registered after the date serializer (type id 0) on every connection
    /// in this order; both peers must use the same list.
    std::vector<SerializerSetup> extraSerializers;
    /// The container's clock, not owned: it must outlive the container (a clock on the stack of
    /// the function that also deletes the container, or one shared by several containers).
    /// Null (and no ownedClock): a RealTimeClock owned by the container.
    Clock *clock = nullptr;
    /// A clock the container owns (shared with copies of these options, deleted with the last
    /// of them): `options.ownedClock = std::make_shared<mas::ExternalClock>(start);`. Used when
    /// `clock` is null. Give it no QObject parent.
    std::shared_ptr<Clock> ownedClock;
    /// Mutual TLS for tcp:// addresses (aiomas's `ssl=SSLCerts(...)`).
    std::optional<TlsOptions> tls;
    /// Further connection settings (timeouts, limits); codec, serializers and TLS come from above.
    ChannelOptions channel;
};

/// A container of agents (aiomas's `Container`): an RPC server whose root service offers
/// `validate_aid(aid)` and the agents under `agents/<aid>/...`, and the client side that
/// connects to agents in other containers.
///
/// \code
/// auto *container = (co_await mas::Container::create(mas::Address::tcp("127.0.0.1", 5555))).value();
/// auto *a = new MyAgent(container);                             // tcp://127.0.0.1:5555/0
/// mas::Result<mas::rpc::Proxy> b = co_await container->connect("tcp://127.0.0.1:5556/0");
/// mas::Result<mas::Value> r = co_await (*b)["service"](42);
/// co_await container->shutdown();
/// \endcode
/// One outgoing connection per remote container is shared by all its agents (concurrent
/// connects share one attempt); the container serves its own agents on it too, so the remote
/// side can call back. Lives in one thread; owns its agents.
///
/// Ownership: create() and createNow() return a container owned by `parent`, or by the caller
/// when `parent` is null (delete it, or hold it in a std::unique_ptr); deleting it closes its
/// connections and deletes its agents. It owns its clock only when that came from
/// ContainerOptions::ownedClock (or is the default RealTimeClock).
class MAS_EXPORT Container : public QObject
{
    Q_OBJECT

public:
    ~Container() override;

    // construction
    /// Starts a container listening on `address` (port 0 picks a free port).
    static QCoro::Task<Result<Container *>> create(Address address, ContainerOptions options = {},
                                                  QObject *parent = nullptr);
    /// The blocking form (aiomas's default `as_coro=False`): ready when it returns.
    static Result<Container *> createNow(const Address &address, ContainerOptions options = {},
                                         QObject *parent = nullptr);
    /// Parses a container address: `tcp://host:port[/]`, `ipc://path`, `ipc://[path]/`.
    static Result<Address> parseAddress(QStringView text);

    // properties
    /// Where the container listens (with the real port).
    Address address() const;
    /// The agents' URL prefix: `tcp://127.0.0.1:5555/`, `ipc://[/tmp/c.sock]/`. A wildcard
    /// host (empty, 0.0.0.0, ::) is replaced by this machine's name, as aiomas does.
    QString baseAddress() const;
    Clock *clock() const;
    /// The root service: `validate_aid` and `agents`.
    rpc::Router &router();
    /// The options the container was created with.
    const ContainerOptions &options() const;
    /// `Container(tcp://127.0.0.1:5555/)`.
    QString toString() const;
    /// How observers (event logs, the Inspector) name this container's ends of its connections:
    /// its single agent's URL when it holds exactly one agent (so diagrams read agent to agent),
    /// else its base address. Not sent on the wire.
    QString endpointName() const;

    // agents
    /// The living agents in order of their ids.
    QList<Agent *> agents() const;
    /// The agent with this id, or null (never existed or removed).
    Agent *agent(QStringView aid) const;
    /// How many agents live in the container.
    qsizetype agentCount() const;
    /// Removes (deletes later) an agent; its id is not reused, calls to it fail. Returns
    /// whether it was one of ours.
    bool removeAgent(Agent *agent);

    // connections
    /// Returns a proxy to the agent at `url` (aiomas's `connect(url, timeout)`): parses the URL,
    /// reuses or opens the connection to its container, checks that the agent exists
    /// (AgentNotFound if not) and caches the proxy.
    /// `timeout` is how long to retry a refused connection: the default 0 makes one attempt (as
    /// aiomas), a positive time retries until it has passed, and only an explicit std::nullopt
    /// retries forever. Every attempt is bounded by the connection's attempt timeout, and the
    /// `validate_aid` check by `ChannelOptions::requestTimeout` (60 s by default), so the
    /// default never waits forever.
    QCoro::Task<Result<rpc::Proxy>> connect(QString url,
                                            std::optional<std::chrono::milliseconds> timeout = std::chrono::milliseconds(0));
    /// The open outgoing connections (one per remote container).
    qsizetype outgoingConnectionCount() const;
    /// The open incoming connections.
    qsizetype incomingConnectionCount() const;
    /// The listening server.
    ChannelServer *server() const;

    /// One open connection of the container, for observers.
    struct Connection
    {
        Channel *channel = nullptr;
        /// The base address of the container that listens on this connection's server end:
        /// the remote container for outgoing connections, this one for incoming ones.
        QString serverAddress;
        /// Whether this container opened it (its client end).
        bool outgoing = false;
    };
    /// The open connections, outgoing ones first.
    QList<Connection> connections() const;

    /// Closes every connection (pending calls fail with ConnectionClosed) and stops listening.
    /// Agents stay; connect() fails afterwards.
    QCoro::Task<void> shutdown();
    bool isShutDown() const;

Q_SIGNALS:
    /// An agent was created (emitted from the event loop, once the agent is fully constructed).
    void agentAdded(mas::Agent *agent);
    /// An agent was removed or deleted.
    void agentRemoved(const QString &aid);
    /// An outgoing or incoming connection opened or closed.
    void connectionsChanged();
    /// A connection opened; emitted before any frame of it is read or written by the
    /// container (observers attach here). `connection.channel` lives until it closes.
    void channelOpened(const mas::Container::Connection &connection);

private:
    explicit Container(QObject *parent);
    friend class Agent;
    friend class ContainerPrivate;
    std::unique_ptr<ContainerPrivate> d;
};

} // namespace mas
