// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/core/value.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <QCoro/QCoroTask>

#include <chrono>
#include <functional>
#include <memory>

class QTemporaryDir;

namespace mas {
class Address;
class Container;
class ExternalClock;
class LocalNetwork;
class LocalQueue;
} // namespace mas

/// The public system API: systems of agents on a network, their invariants, the interleaving
/// explorer and sessions (headers `<mas/system/...>`, part of Mas::Mas).
///
/// **Unstable.** This API may still change until the issue "A codebase the next engineer can
/// carry" has landed; it is documented in docs/library-guide.md ("system").
namespace mas::system {

class SystemAgent;

/// How a system's containers talk to each other.
enum class Transport {
    LocalQueue, ///< `local://ID-k`: in process, steppable, every frame in the event log ("local")
    Tcp,        ///< `tcp://127.0.0.1:PORT`, a port chosen by the system ("tcp")
    Unix,       ///< `ipc://` Unix domain sockets in a temporary directory ("unix")
};

/// "local", "tcp" or "unix".
MAS_EXPORT QString transportName(Transport transport);
/// The transport named "local", "tcp" or "unix" (exactly, lower case); InvalidArgument otherwise.
MAS_EXPORT Result<Transport> parseTransport(QStringView name);

/// How to build a system. Every system reads `agents`, `seed`, `codec` and `transport`; the
/// rest only where it applies (SystemType::faultyDescription says what `faulty` does).
struct Parameters
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
    /// Ping-pong: how many rounds the pinger pings every ponger (1 to 100).
    int rounds = 3;
    /// "json", "msgpack" or "msgpackblosc".
    QString codec = QStringLiteral("json");
    /// LocalQueue (steppable), or real sockets: TCP on 127.0.0.1 or Unix domain sockets.
    Transport transport = Transport::LocalQueue;
    /// How long one message waits for its acknowledgement before it is sent again. On the
    /// LocalQueue this is the system's simulated time: the deadline is a timer of clock(), so a
    /// stepped system waits for it until its clock is moved there (a dropped frame is noticed
    /// then); on sockets it is real time.
    std::chrono::milliseconds requestTimeout{10'000};
    /// The date at the clock's time 0 (invalid: 2024-01-01T00:00:00Z), so that nothing an agent
    /// sees depends on when it ran.
    QDateTime clockStart = {};
};

/// One field of one agent's structured state (SystemAgent::stateFields()): what an invariant's
/// explanation names as involved. An empty field means the agent as a whole (an agent without
/// structured state, or one involved by what it is rather than by a field).
struct MAS_EXPORT StateFieldRef
{
    QString agent; ///< the agent's address (SystemAgent::address()), as System::stateFields() keys it
    QString field; ///< a key of its stateFields() ("is_leader"), or empty: the whole agent

    bool operator==(const StateFieldRef &other) const = default;
};

/// Why an invariant does not hold: the sentence for people and the agents' fields it rests on
/// ("node 1 (id 25) and node 3 (id 97) both think they lead": is_leader of both).
struct MAS_EXPORT InvariantExplanation
{
    QString text;                   ///< the sentence (Invariant::explanation())
    QList<StateFieldRef> involved;  ///< the fields involved, agents in agents() order

    /// The addresses of the agents involved, each once, in the order of `involved`.
    QStringList agents() const;
    /// Whether `field` of `agent` is involved (an entry with an empty field involves every
    /// field of its agent).
    bool involves(const QString &agent, const QString &field) const;
    /// Adds `field` of `agent` (once).
    void add(const QString &agent, const QString &field = {});
};

/// A safety property of a system that must hold in every state of a correct run ("at most one
/// leader"), or a goal checked when the system is quiet. A buggy variant shows a delivery order
/// that breaks one.
struct MAS_EXPORT Invariant
{
    /// Stable and untranslated, for command lines, saved sessions and tests: "at most one leader".
    QString id;
    QString name;                ///< short, for lists, in the user's language
    QString description;         ///< one sentence for a tooltip
    std::function<bool()> holds; ///< checks the agents' current states
    /// What is wrong when holds() is false, in a sentence for people ("local://demo/0 and
    /// local://demo-2/0 both think they lead"); may be unset (then the description is shown).
    std::function<QString()> explain = {};
    /// The structured form of explain(): the sentence and the agents' fields involved; may be
    /// unset (then explanationDetailed() has explanation() and nobody involved). When it is set,
    /// explain may stay unset: explanation() takes its text.
    std::function<InvariantExplanation()> explainDetailed = {};

    /// explainDetailed()'s or explain()'s text when set and not empty, else the description.
    QString explanation() const;
    /// explainDetailed() when set (its text filled in from explanation() when empty), else
    /// explanation() with nobody involved.
    InvariantExplanation explanationDetailed() const;
};

class System;

/// An invariant a plug-in offers for systems described by files: made for each running system
/// (the explorer builds many), reading its agents' state (SystemAgent::stateFields(), or the
/// plug-in's own agent classes).
struct InvariantType
{
    QString id;          ///< stable, untranslated: "ring:at most one leader"
    QString name;        ///< short, in the user's language
    QString description; ///< one sentence
    /// Makes the invariant for `system` (which outlives it only as long as the QPointer says).
    std::function<Invariant(System *system)> make;
};

/// A running system: one container per agent on the chosen transport (Transport:
/// LocalQueues sharing the in-process network, TCP on 127.0.0.1, or Unix sockets), the agents
/// in them, and what the Inspector and the tests ask about it.
///
/// \code
/// auto system = mas::system::SystemRegistry::global().find(u"leader-election")->build(QStringLiteral("demo"), {}).value();
/// QObject::connect(system.get(), &System::finished, [&] { qDebug() << system->outcome(); });
/// system->start(); // free-running: the network delivers by itself; stepped: step the queue
/// \endcode
/// The system owns its containers (and so its agents), an ExternalClock they share and, for
/// Unix sockets, the temporary directory of the sockets. On a LocalQueue it gives the clock to
/// the queue unless the queue has one already; queue() is null on TCP and Unix sockets, which
/// always run free. Agents address each other by their real URLs (`local://demo-2/0`,
/// `tcp://127.0.0.1:40123/0`, `ipc://[/tmp/mas-x/2.sock]/0`). Agents only send from handlers
/// or start(), so nothing happens before start().
///
/// **Time.** The clock moves only when nothing else can happen. While the system runs free
/// (isFreeRunning()), it moves the clock to the next timer whenever it is quiet (isQuiet()), as
/// a discrete-event simulation does; stepped, the clock moves only when asked
/// (`runUntilIdle(maxSteps, true)`, the Inspector's step). On a LocalQueue every timeout of the
/// system runs on that clock, request deadlines included (see mas::TimeoutClock), so a stepped
/// system stands still, however long nobody steps it. Lives in one thread.
class MAS_EXPORT System : public QObject
{
    Q_OBJECT

public:
    ~System() override;

    // description
    /// The id in the registry ("leader-election").
    virtual QString id() const = 0;
    /// A title for people ("Ring leader election (Chang–Roberts)").
    virtual QString title() const = 0;
    const Parameters &parameters() const { return m_parameters; }
    /// The name build() was given: the LocalQueue id of the first container on a LocalQueue.
    QString queueId() const { return m_queueId; }
    Transport transport() const { return m_parameters.transport; }
    /// The queue the containers are on (null on TCP and Unix sockets, and once the registry
    /// forgot it).
    mas::LocalQueue *queue() const;
    /// The in-process network the queue is part of, where the system is stepped, faulted,
    /// recorded and replayed (null when queue() is).
    mas::LocalNetwork *network() const;

    // parts
    QList<mas::Container *> containers() const;
    /// The agents in the order of their roles (ring order, node index, manager first, …).
    QList<SystemAgent *> agents() const;
    /// The clock of the containers.
    mas::ExternalClock *clock() const { return m_clock; }
    /// The names people read instead of addresses: every agent's URL -> its
    /// SystemAgent::displayName(), and the base address of a container with exactly one agent
    /// (the name its connections carry) -> that agent's name. For display only.
    virtual QHash<QString, QString> displayNames() const;

    // running
    /// Starts the algorithm (once): sends the first messages or wake-up calls, never waits.
    void start();
    bool isStarted() const { return m_started; }
    /// The algorithm has ended (or is stuck for good, as the crashed two-phase commit).
    virtual bool isFinished() const = 0;
    /// The result for people: "leader: local://demo/3 (id 97)"; progress while running.
    virtual QString outcome() const = 0;
    /// The network delivers by itself: TCP and Unix sockets, or a LocalQueue in FreeRunning
    /// mode. Then the system also moves the clock (see the class comment).
    bool isFreeRunning() const;
    /// Nothing is on its way: every message sent was acknowledged or given up (see
    /// SystemAgent::messagesInFlight()) and, on a LocalQueue, no frame is pending.
    bool isQuiet() const;
    /// Waits until what answers a step outside this process's event loop has answered: the
    /// programs of a ProcessSystem (ProcessSystem::waitForAnswers()). Who steps the network by
    /// hand (the Explorer) co_awaits it after each delivery or clock move, before looking at
    /// the pending frames again. By default nothing answers from outside: it returns at once
    /// (without a turn of the event loop). An error when an answer did not come (a program
    /// that hangs).
    virtual QCoro::Task<Result<void>> waitForAnswers();

    // checking
    /// The system's safety properties.
    virtual QList<Invariant> invariants() const = 0;
    /// What must hold once the system is quiet (nothing pending, nothing in flight): by default
    /// "stuck" (the system has finished); a system may add its own.
    virtual QList<Invariant> goals() const;
    /// The names of the invariants that do not hold now (empty: all hold).
    QStringList violatedInvariants() const;
    /// Every agent's state, one "address: state" line each, in agents() order.
    QString stateText() const;
    /// Every agent's state as structured fields: agent address -> SystemAgent::stateFields().
    Value::Map stateFields() const;
    /// A hash of stateText(): equal agent states, equal hashes (stable across runs and
    /// platforms). It covers the agents only; a state-space search adds the pending frames.
    quint64 stateHash() const;

Q_SIGNALS:
    /// Some agent's protocol state changed.
    void stateChanged();
    /// isFinished() became true (emitted once).
    void finished();
    /// An agent gave a message up (see SystemAgent::send()).
    void messageLost(const QString &from,
                     const QString &to,
                     const QString &method,
                     const mas::Error &error);

protected:
    System(const QString &queueId, const Parameters &parameters);
    /// Creates one container per agent (Parameters::agents); call first in a build function.
    Result<void> createContainers();
    /// Creates `count` containers (a system file's).
    Result<void> createContainers(int count);
    /// The container for the agent with this role index.
    mas::Container *containerFor(int index) const;
    /// Registers an agent (call in role order).
    void addAgent(SystemAgent *agent);
    /// start()'s work: the first messages.
    virtual void begin() = 0;
    /// Checks the parameters every demo needs.
    static Result<void> checkParameters(const Parameters &parameters, int minAgents = 2);

private:
    void onAgentChanged();
    Result<mas::Address> containerAddress(int index);
    void scheduleClockCheck();
    void advanceClockIfQuiet();

    QString m_queueId;
    Parameters m_parameters;
    mas::ExternalClock *m_clock = nullptr;
    std::unique_ptr<QTemporaryDir> m_socketDir; // Unix sockets: removed after the containers
    QList<mas::Container *> m_containers;
    QList<QPointer<SystemAgent>> m_agents;
    bool m_started = false;
    bool m_finishedSignalled = false;
    bool m_clockCheckScheduled = false;
    int m_idleChecks = 0;
};

/// What one message of a system means, for people: a line of the Inspector's description
/// panel ("election(id)": "carries a candidate's id round the ring").
struct MessageMeaning
{
    QString method;  ///< as it is called, with its arguments for people: "election(id)"
    QString meaning; ///< one sentence, in the user's language
};

/// A kind of system in the registry: what to show and how to build it. Agent plug-ins offer
/// them (SystemPlugin), and SystemRegistry lists them. The Inspector's description panel shows
/// the title, the description (the rules of the algorithm), the messages, the running system's
/// invariants and, for the faulty variant, the faultyDescription behind a "Reveal the bug"
/// button.
struct SystemType
{
    QString id;          ///< "leader-election"
    QString title;       ///< "Ring leader election (Chang–Roberts)"
    QString description; ///< a paragraph: the rules of the algorithm and what to watch for
    /// What Parameters::faulty does: the bug of the faulty variant, said plainly (the Inspector
    /// hides it until it is revealed); empty when the system has no faulty variant.
    QString faultyDescription;
    /// Builds the system named `queueId` (on a LocalQueue: containers at local://queueId,
    /// local://queueId-1, …); an error for bad parameters, a queue that already has a
    /// container, or a socket that cannot listen.
    std::function<Result<std::unique_ptr<System>>(const QString &queueId,
                                                      const Parameters &parameters)>
        build;
    /// What each message means, in the order a reader meets them (may be empty).
    QList<MessageMeaning> messages = {};
};

/// The system types a process knows: those the program adds, and those of the plug-ins it
/// loaded (an agent plug-in that also implements SystemPlugin). The Inspector and `mas explore`
/// look ids up here.
///
/// \code
/// auto &registry = mas::system::SystemRegistry::global();
/// registry.loadPlugins(QStringLiteral("/usr/lib/x86_64-linux-gnu/mas/plugins"));
/// const mas::system::SystemType *type = registry.find(u"leader-election");
/// auto system = type->build(QStringLiteral("demo"), {}).value();
/// \endcode
/// Lives in the main thread.
class MAS_EXPORT SystemRegistry
{
public:
    SystemRegistry() = default;
    SystemRegistry(const SystemRegistry &) = delete;
    SystemRegistry &operator=(const SystemRegistry &) = delete;

    /// The process-wide registry.
    static SystemRegistry &global();

    /// Adds a type: InvalidArgument for an empty id, a missing build function or an id that is
    /// taken.
    Result<void> add(SystemType type);
    /// Adds several types: all of them, or (when one fails) none.
    Result<void> add(const QList<SystemType> &types);
    bool remove(QStringView id);
    /// The type with this id, or null.
    const SystemType *find(QStringView id) const;
    /// The types in the order they were added (a plug-in's in its own order).
    QList<SystemType> types() const;
    QStringList ids() const;

    /// Loads one plug-in file: its agent types go to AgentRegistry::global() (as
    /// AgentRegistry::loadPlugin() does) and, when the plug-in implements SystemPlugin, its
    /// system types come here. Returns the system ids added (empty for a file loaded before).
    Result<QStringList> loadPlugin(const QString &fileName);
    /// Loads every plug-in in `directory`; errors of single files go to `errors` (or the log).
    Result<QStringList> loadPlugins(const QString &directory, QList<Error> *errors = nullptr);
    /// Loads a rebuilt plug-in: a fresh copy of `fileName` (a library cannot be unloaded and
    /// loaded again under one path), whose agent types, systems and invariants replace those
    /// of the same names. The copies stay loaded (and on disk) until the process ends.
    Result<QStringList> reloadPlugin(const QString &fileName);
    /// The plug-in files whose systems were added (canonical paths; reloaded copies too), so
    /// that a child process (the Inspector's look-ahead) can load the same ones.
    QStringList pluginFiles() const { return m_pluginFiles; }

    // invariants for systems described by files (SystemFile)
    /// Adds invariant types: all of them, or (an empty or taken id, no make function) none.
    Result<void> addInvariants(const QList<InvariantType> &types);
    const InvariantType *findInvariant(QStringView id) const;
    QList<InvariantType> invariantTypes() const;

private:
    QList<SystemType> m_types;
    QList<InvariantType> m_invariants;
    QStringList m_pluginFiles; // canonical paths whose systems were added
};

/// The interface a plug-in implements to offer whole systems (with their invariants) besides
/// agent types. The plug-in's metadata IID stays MasAgentPlugin_iid; its object implements
/// both interfaces:
///
/// \code
/// class DemosPlugin : public QObject, public mas::AgentPlugin, public mas::system::SystemPlugin {
///     Q_OBJECT
///     Q_PLUGIN_METADATA(IID MasAgentPlugin_iid)
///     Q_INTERFACES(mas::AgentPlugin mas::system::SystemPlugin)
/// public:
///     QList<mas::AgentType> agentTypes() const override { return {...}; }
///     QList<mas::system::SystemType> systemTypes() const override { return {...}; }
/// };
/// \endcode
class MAS_EXPORT SystemPlugin
{
public:
    virtual ~SystemPlugin();
    /// The systems the plug-in offers, in the order a menu shows them.
    virtual QList<SystemType> systemTypes() const = 0;
    /// The invariants it offers for systems described by files (SystemFile's "invariants").
    virtual QList<InvariantType> invariantTypes() const { return {}; }
};

} // namespace mas::system

#define MasSystemPlugin_iid "org.libmas.SystemPlugin/1"
Q_DECLARE_INTERFACE(mas::system::SystemPlugin, MasSystemPlugin_iid)
