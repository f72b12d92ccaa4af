// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/result.h>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <chrono>
#include <functional>
#include <memory>

namespace mas {
class Container;
class ExternalClock;
class LocalQueue;
} // namespace mas

namespace mas::demos {

class DemoAgent;

/// How to build a demo. Every demo reads `agents`, `seed` and `codec`; the rest only where it
/// applies (DemoInfo::faultyDescription says what `faulty` does).
struct DemoParameters
{
    /// How many agents (all of them: a Contract Net has one manager and agents - 1
    /// contractors, a two-phase commit one coordinator and agents - 1 participants). 2 to 500.
    int agents = 5;
    /// Seeds everything random: ring ids, graphs, bids, votes. One seed, one run.
    quint32 seed = 1;
    /// Builds the variant with a known fault (a teaching bug or a crash), where there is one.
    bool faulty = false;
    /// Leader election: how many agents wake up by themselves (0: all); the others join when a
    /// message reaches them.
    int initiators = 0;
    /// "json", "msgpack" or "msgpackblosc".
    QString codec = QStringLiteral("json");
    /// How long one message waits for its acknowledgement before it is sent again (wall time:
    /// a frame dropped in a stepped queue is noticed after this long).
    std::chrono::milliseconds requestTimeout{10'000};
};

/// A safety property of a demo that must hold in every state of a correct run ("at most one
/// leader"). A buggy variant shows a delivery order that breaks one.
struct Invariant
{
    QString name;                ///< short, for lists: "at most one leader"
    QString description;         ///< one sentence for a tooltip
    std::function<bool()> holds; ///< checks the agents' current states
};

/// A demo's running system: containers on one LocalQueue, the agents in them, and what the
/// Inspector and the tests ask about it.
///
/// \code
/// auto system = mas::demos::findDemo(u"leader-election")->build(QStringLiteral("demo"),
/// {}).value(); QObject::connect(system.get(), &DemoSystem::finished, [&] { qDebug() <<
/// system->outcome(); }); system->start();   // FreeRunning: the queue delivers by itself; Stepped:
/// step the queue \endcode The system owns its containers (and so its agents) and an ExternalClock
/// they share; it gives the clock to the queue unless the queue has one already. Agents only send
/// from handlers or start(), so nothing happens before start(). Lives in one thread.
class DemoSystem : public QObject
{
    Q_OBJECT

public:
    ~DemoSystem() override;

    // description
    /// The id in the registry ("leader-election").
    virtual QString id() const = 0;
    /// A title for people ("Ring leader election (Chang–Roberts)").
    virtual QString title() const = 0;
    const DemoParameters &parameters() const { return m_parameters; }
    QString queueId() const { return m_queueId; }
    /// The queue the containers are on (null once the registry forgot it).
    mas::LocalQueue *queue() const;

    // parts
    QList<mas::Container *> containers() const;
    /// The agents in the order of their roles (ring order, node index, manager first, …).
    QList<DemoAgent *> agents() const;
    /// The clock of the containers.
    mas::ExternalClock *clock() const { return m_clock; }

    // running
    /// Starts the algorithm (once): sends the first messages or wake-up calls, never waits.
    void start();
    bool isStarted() const { return m_started; }
    /// The algorithm has ended (or is stuck for good, as the crashed two-phase commit).
    virtual bool isFinished() const = 0;
    /// The result for people: "leader: local://demo/3 (id 97)"; progress while running.
    virtual QString outcome() const = 0;

    // checking
    /// The demo's safety properties.
    virtual QList<Invariant> invariants() const = 0;
    /// The names of the invariants that do not hold now (empty: all hold).
    QStringList violatedInvariants() const;
    /// Every agent's state, one "address: state" line each, in agents() order.
    QString stateText() const;
    /// A hash of stateText(): equal agent states, equal hashes (stable across runs and
    /// platforms). It covers the agents only; a state-space search adds the pending frames.
    quint64 stateHash() const;

Q_SIGNALS:
    /// Some agent's protocol state changed.
    void stateChanged();
    /// isFinished() became true (emitted once).
    void finished();
    /// An agent gave a message up (see DemoAgent::send()).
    void messageLost(const QString &from,
                     const QString &to,
                     const QString &method,
                     const mas::Error &error);

protected:
    DemoSystem(const QString &queueId, const DemoParameters &parameters);
    /// Creates the containers; call first in a demo's build function.
    Result<void> createContainers();
    /// The container for the agent with this role index.
    mas::Container *containerFor(int index) const;
    /// Registers an agent (call in role order).
    void addAgent(DemoAgent *agent);
    /// start()'s work: the first messages.
    virtual void begin() = 0;
    /// Checks the parameters every demo needs.
    static Result<void> checkParameters(const DemoParameters &parameters, int minAgents = 2);

private:
    void onAgentChanged();

    QString m_queueId;
    DemoParameters m_parameters;
    mas::ExternalClock *m_clock = nullptr;
    QList<mas::Container *> m_containers;
    QList<QPointer<DemoAgent>> m_agents;
    bool m_started = false;
    bool m_finishedSignalled = false;
};

/// A demo in the registry: what to show and how to build it.
struct DemoInfo
{
    QString id;          ///< "leader-election"
    QString title;       ///< "Ring leader election (Chang–Roberts)"
    QString description; ///< a paragraph: the algorithm and what to watch for
    /// What DemoParameters::faulty does; empty when the demo has no faulty variant.
    QString faultyDescription;
    /// Builds the system on `queueId` (containers at local://queueId); an error for bad
    /// parameters or a queue that already has a container.
    std::function<Result<std::unique_ptr<DemoSystem>>(const QString &queueId,
                                                      const DemoParameters &parameters)>
        build;
};

/// Every demo, in the order a menu shows them.
QList<DemoInfo> demos();
/// The demo with this id, or null.
const DemoInfo *findDemo(QStringView id);

} // namespace mas::demos
