// SPDX-License-Identifier: MIT
#pragma once

#include "container.h"

#include <mas/core/completion_p.h>
#include <mas/rpc/router.h>

#include <QPointer>

#include <map>
#include <vector>

namespace mas {

class ContainerPrivate
{
public:
    explicit ContainerPrivate(Container *q)
        : q(q)
    {}

    /// Gives a new agent the next id.
    quint64 registerAgent(Agent *agent);
    /// Forgets an agent (deleted or removed); its id stays used.
    void unregisterAgent(Agent *agent);
    /// Emits agentAdded() for the agents created since the last call.
    void announceAgents();
    /// The open connection to a remote container, opening it (once, shared) if needed.
    QCoro::Task<Result<rpc::RpcClient *>> connection(Address address, std::optional<std::chrono::milliseconds> timeout);
    void forgetOutgoing(const QString &key, rpc::RpcClient *client);
    Result<rpc::Router *> lookupAgent(QStringView aid) const;
    /// How observers name this container's ends: its single agent's URL, else its base address.
    QString endpointName() const;
    /// Tells the LocalQueue the current endpointName() for its server end.
    void updateEndpointName();

    struct Attempt
    {
        std::vector<detail::Completion<Result<rpc::RpcClient *>>> waiters;
    };
    struct Outgoing
    {
        QPointer<rpc::RpcClient> client;
        QString baseAddress; // the remote container's, for observers
        std::shared_ptr<Attempt> attempt;
        std::map<QString, rpc::Proxy> proxies; // validated agents, by aid
    };

    Container *q;
    Address address;
    QString baseAddress;
    ContainerOptions options;
    ChannelOptions channelOptions; // what every connection of the container uses
    Clock *clock = nullptr;
    rpc::Router root;
    rpc::Router agentsRouter;
    std::vector<Agent *> agents; // index = aid; null once removed
    qsizetype living = 0;
    quint64 announced = 0;       // agents[0, announced) were announced by agentAdded()
    bool announcePosted = false;
    QPointer<ChannelServer> server;
    std::map<QString, Outgoing> outgoing; // by the remote container's address
    bool shutDown = false;
};

} // namespace mas
