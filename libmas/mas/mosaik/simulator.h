// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/core/value.h>
#include <mas/mosaik/meta.h>
#include <mas/rpc/invoke.h>
#include <mas/transport/address.h>

#include <QObject>
#include <QStringList>

#include <QCoro/QCoroTask>

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace mas {
class Channel;
class ExternalClock;
} // namespace mas

namespace mas::mosaik {

class Simulator;
class SimulatorPrivate;

/// One entity a create() call made (an element of mosaik's create reply).
struct MAS_EXPORT Entity
{
    QString eid;  ///< unique within the simulator
    QString type; ///< the model; top-level entities must have the model create() was asked for
    /// eids of this simulator the entity is related to (mosaik adds them to its entity graph).
    QStringList rel;
    std::vector<Entity> children;
    /// Handed to the scenario script unchanged; left out when null.
    Value extraInfo;

    /// `{"eid", "type"}`, then "rel", "children", "extra_info" when set.
    Value toValue() const;
};

/// A failure with a Python exception type, for mosaik to report as `Type(message)`. Throw it
/// from a simulator method, or return an Error (its code picks the type: InvalidArgument is
/// "ValueError", TypeMismatch "TypeError", LookupError "LookupError", ...).
class MAS_EXPORT SimulatorException : public std::exception
{
public:
    SimulatorException(QString type, QString message);
    const char *what() const noexcept override { return m_what.constData(); }
    QString type() const { return m_type; }
    QString message() const { return m_message; }

private:
    QString m_type;
    QString m_message;
    QByteArray m_what;
};

/// The failure content mosaik expects (not aiomas's traceback string): `[type, message,
/// "Traceback (most recent call last):\n", "  <where>\n", "Type: message\n"]`.
MAS_EXPORT Value failureContent(const QString &type, const QString &message, const QString &where);

/// Calls from a simulator to mosaik (mosaik-api-v3's `self.mosaik`). mosaik serves them while
/// the simulator's step is open: get_progress, get_related_entities, get_data and set_data
/// fail locally with InvalidArgument outside a step; set_event may be called at any time (mosaik
/// accepts it in real-time mode only). Failures from mosaik come back as RemoteException.
class MAS_EXPORT MosaikProxy
{
public:
    explicit MosaikProxy(Simulator *simulator)
        : m_simulator(simulator)
    {}

    /// The overall progress of the simulation in percent (0–100).
    QCoro::Task<Result<double>> getProgress() const;
    /// Entities related to `entities`: null (the whole graph: `{"nodes", "edges"}`), one full id
    /// (`{related_id: {"sid", "type"}}`) or a list of full ids (`{id: {related_id: {...}}}`).
    QCoro::Task<Result<Value>> getRelatedEntities(Value entities = Value()) const;
    /// Other simulators' data: `{full_id: [attr, ...]}` → `{full_id: {attr: value}}` (needs an
    /// `async_requests=True` connection in the scenario).
    QCoro::Task<Result<Value>> getData(Value attributes) const;
    /// Sets inputs of other simulators' entities for their next step:
    /// `{src_full_id: {dest_full_id: {attr: value}}}`.
    QCoro::Task<Result<void>> setData(Value data) const;
    /// Asks mosaik for an extra step of this simulator at `time` (real-time mode only).
    QCoro::Task<Result<void>> setEvent(qint64 time) const;
    /// Any other call: `[name, args, kwargs]`.
    QCoro::Task<Result<Value>> call(QString name, Value::List args = {}, Value::Map kwargs = {}) const;

private:
    /// `[name, args, {}]`, failing locally when no step is open.
    QCoro::Task<Result<Value>> callDuringStep(const char *name, Value::List args = {}) const;

    Simulator *m_simulator;
};

/// Base class of a mosaik simulator written in C++ (mosaik's simulator API 3, as mosaik-api-v3's
/// `Simulator`). Derive from it, implement create(), step() and getData(), then serve mosaik:
/// listen() for mosaik's `connect` starter or connectTo() the address its `cmd` starter passes;
/// startSimulation() does either from a command line.
///
/// \code
/// class Counter : public mas::mosaik::Simulator {
/// public:
///     Counter() : Simulator(counterMeta()) {}
/// protected:
///     mas::Result<std::vector<mas::mosaik::Entity>> create(int num, const QString &model,
///                                                           const mas::Value::Map &params) override;
///     QCoro::Task<mas::Result<std::optional<qint64>>> step(qint64 time, const mas::Value &inputs,
///                                                          qint64 maxAdvance) override
///     {
///         double progress = (co_await mosaik().getProgress()).valueOr(0); // calls back into mosaik
///         ...
///         co_return time + 1;
///     }
///     mas::Result<mas::Value> getData(const mas::Value &outputs) override;
/// };
/// \endcode
///
/// The wire is the aiomas JSON channel; what differs from aiomas is handled here: failures go
/// to mosaik as `[type, message, traceback...]` arrays, `stop` gets no reply and ends the
/// simulator (finalize(), then the connection closes), integers stay integers. Requests are
/// served concurrently, so mosaik may ask for data while a step waits for its callbacks.
///
/// Each step moves the simulator's ExternalClock to `time × time_resolution` seconds after its
/// start date before step() runs, so agents in a container on that clock see simulated time.
/// For debugging, a step can be held (holdAt(), setHoldEveryStep()): its reply, and with it the
/// whole co-simulation, waits until continueStep().
class MAS_EXPORT Simulator : public QObject
{
    Q_OBJECT

public:
    explicit Simulator(Meta meta, QObject *parent = nullptr);
    ~Simulator() override;

    const Meta &meta() const;
    /// The simulator id mosaik gave in init() ("" before).
    QString sid() const;
    /// Seconds of simulated time per integer time step (from init(), default 1).
    double timeResolution() const;
    /// The time of the step that is open or was last run; nullopt before the first step.
    std::optional<qint64> lastStepTime() const;
    /// Whether a step request is being served (between its arrival and its reply).
    bool isStepOpen() const;
    /// The entities create() made so far (top level, with their children), in creation order.
    const std::vector<Entity> &entities() const;

    // connecting to mosaik
    /// Listens on `address` and serves the first connection (mosaik's `connect` starter); the
    /// listening socket closes after it. Returns the address listened on (port 0 picks one).
    /// Nobody connecting within `acceptTimeout` stops the simulator with a Timeout.
    Result<Address> listen(const Address &address,
                           std::chrono::milliseconds acceptTimeout = std::chrono::seconds(60));
    /// Connects to mosaik at `address` (the HOST:PORT of mosaik's `cmd` starter) and serves it.
    QCoro::Task<Result<void>> connectTo(Address address);
    /// Serves mosaik on an open channel (taken over: the simulator deletes it when done).
    Result<void> serve(Channel *channel);

    /// What goes back to mosaik for one request (handleRequest()).
    struct Reply
    {
        enum class Kind
        {
            Success, ///< a result frame with `content`
            Failure, ///< a failure frame; `content` is mosaik's `[type, message, traceback...]`
            None     ///< nothing is sent: `stop`, or a request that ended after stop
        };
        Kind kind = Kind::None;
        Value content;
    };
    /// Serves one request of mosaik, `[name, args, kwargs]` as decoded from its frame: the whole
    /// protocol (init, create, setup_done, step, get_data, stop and the extra methods) without a
    /// connection. serve() feeds it every request of the channel and sends the reply; tests may
    /// call it directly. A step may wait (held, or calling mosaik()) before its reply is known.
    QCoro::Task<Reply> handleRequest(Value content);
    /// The channel to mosaik (null when not connected).
    Channel *channel() const;
    /// Connected to mosaik and not stopped.
    bool isRunning() const;
    /// Whether the simulator stopped (see stopped()).
    bool isStopped() const;
    /// Why it stopped: NoError after mosaik's stop, else the connection error or Timeout.
    Error stopReason() const;

    /// Calls to mosaik.
    MosaikProxy mosaik() { return MosaikProxy(this); }

    /// Exposes an extra method scenarios can call during setup (meta `extra_methods`), e.g.
    /// `exposeExtraMethod("add_noise", [this](double sigma) { ... }, {"sigma"})`.
    template<class F>
    void exposeExtraMethod(const QString &name, F &&f, QStringList argumentNames = {})
    {
        addExtraMethod(name, rpc::makeHandler(std::forward<F>(f), name, std::move(argumentNames)));
    }
    void addExtraMethod(const QString &name, rpc::Handler handler);

    // simulated time
    /// The clock the steps drive (one owned by the simulator, starting at 1970-01-01 UTC,
    /// unless setClock() gave another).
    ExternalClock *clock() const;
    /// Uses `clock` (not owned; it must outlive the simulator) for simulated time, e.g. the
    /// clock of a container whose agents the simulator drives.
    void setClock(ExternalClock *clock);

    // holding steps (a breakpoint for debugging a co-simulation)
    /// Holds the first step whose time is at least `time` (once; nullopt clears it).
    void setHoldAt(std::optional<qint64> time);
    std::optional<qint64> holdAt() const;
    /// Holds every step until continued (single-stepping the co-simulation).
    void setHoldEveryStep(bool hold);
    bool holdEveryStep() const;
    /// The time of the held step, if one is held.
    std::optional<qint64> heldStep() const;
    /// Lets a held step run and answer mosaik. Returns false when no step is held.
    bool continueStep();

Q_SIGNALS:
    /// A connection to mosaik was made; `peer` is its address.
    void connected(const QString &peer);
    /// init() succeeded.
    void initialized(const QString &sid);
    /// create() made entities (see entities()).
    void entitiesCreated();
    /// A step request arrived (the clock has been moved to its time).
    void stepStarted(qint64 time, qint64 maxAdvance);
    /// A step was held; it waits for continueStep().
    void stepHeld(qint64 time);
    /// A held step was continued.
    void stepContinued(qint64 time);
    /// A step was answered: `next` is the next self-scheduled time, -1 for none; `ok` false
    /// when the step failed.
    void stepFinished(qint64 time, qint64 next, bool ok);
    /// The simulator ended: NoError after mosaik's stop, else why (connection lost, nobody
    /// connected in time). Emitted once, after finalize() and after the connection closed.
    void stopped(const mas::Error &reason);

protected:
    // The simulator API. Each may fail with an Error or by throwing (SimulatorException gives a
    // Python type); mosaik then gets a failure frame.

    /// mosaik's `init(sid, time_resolution, **sim_params)`: check and keep the parameters.
    /// The base class answers with meta() afterwards.
    virtual Result<void> init(const QString &sid, double timeResolution, const Value::Map &simParams);
    /// Creates `num` entities of `model` with its parameters; must return exactly `num`.
    virtual Result<std::vector<Entity>> create(int num, const QString &model, const Value::Map &modelParams) = 0;
    /// All entities are created; the simulation is about to start.
    virtual Result<void> setupDone();
    /// Steps to `time` with `inputs` (`{eid: {attr: {source_full_id: value}}}`); may call
    /// mosaik() before it returns. Returns the time of the next self-scheduled step (> time), or
    /// nullopt (event-based and hybrid simulators only) to wait for input.
    virtual QCoro::Task<Result<std::optional<qint64>>> step(qint64 time, const Value &inputs, qint64 maxAdvance) = 0;
    /// The requested outputs: `{eid: [attr, ...]}` → `{eid: {attr: value}}`, optionally with a
    /// top-level integer "time" (event-based and hybrid simulators).
    virtual Result<Value> getData(const Value &outputs) = 0;
    /// Called once when the simulator stops (after stop or when mosaik went away).
    virtual void finalize();

private:
    friend class SimulatorPrivate;
    friend class MosaikProxy;
    std::unique_ptr<SimulatorPrivate> d;
};

/// Options of startSimulation(), from the command line mosaik-api-v3 simulators take:
/// `ADDR` (HOST:PORT) connects to mosaik there (the `cmd` starter passes `%(addr)s`);
/// `-r/--remote ADDR` listens there for mosaik's `connect` starter; `-t/--timeout SECONDS`
/// (default 60) bounds the wait for mosaik; `-l/--log-level debug|info|warning|error`.
struct MAS_EXPORT StartOptions
{
    Address address;
    bool listen = false;
    std::chrono::milliseconds timeout{60'000};
};

/// Parses mosaik's "HOST:PORT" form (as `%(addr)s` and the `connect` starter write it; an IPv6
/// host in brackets) into a tcp address; InvalidAddress otherwise.
MAS_EXPORT Result<Address> parseHostPort(QStringView text);

/// Parses a mosaik-api-v3 style command line (`arguments` includes the program name). Prints
/// help or an error to stderr and returns the exit code (0 for --help) in the error case.
MAS_EXPORT std::variant<StartOptions, int> parseStartArguments(const QStringList &arguments,
                                                               const QString &description = {});

/// Runs `simulator` as a mosaik simulator process: parses the command line, connects or listens
/// (printing "Listening on HOST:PORT"), and runs the event loop until mosaik stops it. Returns
/// the process exit code: 0 after mosaik's stop, 1 when the connection failed or was lost.
MAS_EXPORT int startSimulation(Simulator &simulator, const QStringList &arguments,
                               const QString &description = {});

} // namespace mas::mosaik
