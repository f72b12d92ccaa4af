// SPDX-License-Identifier: MIT
#pragma once

#include <mas/agent/agent.h>
#include <mas/core/mas_export.h>
#include <mas/core/value.h>

#include <QObject>
#include <QString>

#include <map>
#include <optional>
#include <random>
#include <vector>

namespace mas::system {

/// The base of agents whose system the Inspector and the explorer step (the demos' agents and
/// yours): message passing over one-way RPC calls, a seeded random
/// generator, and a printable protocol state.
///
/// \code
/// class Node : public SystemAgent
/// {
/// public:
///     Node(Container *c, quint32 seed) : SystemAgent(c, seed)
///     {
///         router().expose("token", this, &Node::token, {"sender"});
///     }
///     bool token(const QString &sender)
///     {
///         send(sender, "token", {address()});
///         changed();
///         return true;
///     }
///     QString stateText() const override { return "..."; }
/// };
/// \endcode
/// A protocol message is an RPC call whose reply is only an acknowledgement (handlers return
/// `true`): send() returns at once, connects to the receiver on first use (the connection's
/// frames go through the LocalQueue too), keeps the order of the messages to one receiver while
/// connecting, and retries a message whose call timed out or whose connection failed, at most
/// kSendAttempts times in all. A message still undelivered then, or answered with an error
/// (a crashed receiver), goes to messageLost(). messagesInFlight() counts the messages sent and
/// not yet acknowledged or given up, whatever the transport: a system whose agents have none in
/// flight is quiet (handlers send before they acknowledge), which lets time move on.
///
/// **Determinism.** Handlers run to completion without awaiting anything, and decide only from
/// the message, the agent's state and random() (seeded by the demo's seed): never from wall
/// time or addresses of objects. Then the whole protocol state is in the agents' fields, which
/// stateText() prints and System::stateHash() hashes.
class MAS_EXPORT SystemAgent : public mas::Agent
{
    Q_OBJECT

public:
    /// How many times send() tries to deliver one message before it reports it lost.
    static constexpr int kSendAttempts = 3;

    SystemAgent(mas::Container *container, quint32 seed);
    ~SystemAgent() override;

    /// The protocol state in one line ("id 97, candidate, leader unknown"): what the agent knows,
    /// nothing about connections. Equal states print equally. The default prints stateFields()
    /// as "key: value, ...".
    virtual QString stateText() const;
    /// The protocol state as structured fields ("ring_id": 97, "leader": null, ...): what
    /// explanations, breakpoints on state and the views read. The default is empty.
    virtual Value::Map stateFields() const;
    /// Called once when the system starts (System::start() of a system built from a file, for
    /// every agent in file order): an initiator sends its first messages here. The default does
    /// nothing.
    virtual void begin();
    /// The messages sent and neither acknowledged nor given up yet (retries included).
    int messagesInFlight() const { return m_inFlight; }
    /// The agent's name for people: what MAS Inspector's views (lanes, graph nodes, the message
    /// table, the System tree) and `mas explore` call it, instead of its URL: "node 1 (id 25)",
    /// "manager", "contractor 2". Override it to name agents by their role; the default is the
    /// name given to setDisplayName() (a system file's agent name), else "agent N" with N its
    /// place in System::agents() counted from 1, else "agent AID". For display only: logs and
    /// sessions keep URLs.
    virtual QString displayName() const;
    /// Gives the agent a name (a system file's name for it), which displayName() returns before
    /// anything else, overrides included (empty: none).
    void setDisplayName(const QString &name) { m_displayName = name; }
    /// The name setDisplayName() gave (empty: none). An override of displayName() returns it
    /// when it is set.
    QString givenDisplayName() const { return m_displayName; }
    /// The agent's place in System::agents(), counted from 0 (its role index: ring position,
    /// node index, the manager first); -1 while no system has registered it.
    int roleIndex() const { return m_roleIndex; }

Q_SIGNALS:
    /// The protocol state changed (handlers call changed()).
    void stateChanged();
    /// A message could not be delivered (see send()).
    void messageLost(const QString &to, const QString &method, const mas::Error &error);
    /// messagesInFlight() dropped to 0: every message sent was acknowledged or given up.
    void allMessagesSettled();

protected:
    /// Sends `method(arguments...)` to the agent at `url` and returns at once.
    void send(const QString &url, const QString &method, mas::Value::List arguments = {});
    /// A message was given up: its call failed kSendAttempts times, or the receiver answered
    /// with an error. The default does nothing but emit messageLost(); protocols react here.
    virtual void onMessageLost(const QString &url,
                               const QString &method,
                               const mas::Value::List &arguments,
                               const mas::Error &error);
    /// Emits stateChanged(); call after every change of the protocol state.
    void changed();
    /// The agent's random generator (std::mt19937 seeded with the seed it was given).
    std::mt19937 &random() { return m_random; }
    /// A number in [low, high] from random(), the same on every platform (std's distributions
    /// are not).
    int uniform(int low, int high);

private:
    struct Message
    {
        QString method;
        mas::Value::List arguments;
        int attempt = 1;
    };
    struct Link
    {
        std::optional<mas::rpc::Proxy> proxy;
        bool connecting = false;
        std::vector<Message> waiting; // sent while connecting, in order
    };

    void dispatch(const QString &url, Message message);
    QCoro::Task<void> openLink(QString url);
    QCoro::Task<void> call(mas::rpc::Proxy proxy, QString url, Message message);
    void lost(const QString &url, const Message &message, const mas::Error &error);
    void settled();

    friend class System; // sets m_roleIndex

    std::mt19937 m_random;
    int m_inFlight = 0;
    int m_roleIndex = -1;
    QString m_displayName;
    std::map<QString, Link> m_links;
};

} // namespace mas::system
