// SPDX-License-Identifier: MIT
#pragma once

#include <mas/agent/agent.h>
#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/core/value.h>

namespace mas {

class AgentRegistry;

/// The agent "0" of a sub-process container (aiomas's `aiomas.subproc.Manager`): the parent
/// process creates agents in the container and drives its clock through it.
///
/// \code
/// auto *container = mas::Container::createNow(mas::Address::tcp("127.0.0.1", 0), options).value();
/// auto *manager = new mas::Manager(container);             // must be the first agent: aid "0"
/// QObject::connect(manager, &mas::Manager::stopRequested, container, [container] {
///     QCoro::connect(container->shutdown(), container, [] { QCoreApplication::quit(); });
/// });
/// \endcode
/// Exposed as aiomas does, so a Python parent (mosaik, aiomas.subproc) drives it unchanged:
/// - `spawn(qualname, *args, **kwargs)` → `[agent, agent_url]`: creates an agent of a type
///   registered in the AgentRegistry (the container comes first, as in aiomas); the agent
///   travels as a proxy. An unknown name fails with the registry's UnknownAgentType text.
/// - `set_time(time)` → null: sets the container's ExternalClock (a number on its time()
///   scale, or a date). With any other clock it fails as aiomas does:
///   `AttributeError: 'AsyncioClock' object has no attribute 'set_time'`.
/// - `stop()` → null: replies, then emits stopRequested(); whoever runs the container shuts it
///   down (`mas subproc` then exits).
/// validate_aid() reports the type "Manager". Owned by its container, like every agent.
class MAS_EXPORT Manager : public Agent
{
    Q_OBJECT

public:
    /// Creates the manager in `container` (it should hold no agent yet, so that the manager is
    /// agent "0" as aiomas's parents expect). `registry` (not owned) is where spawn() looks
    /// names up; null means AgentRegistry::global().
    explicit Manager(Container *container, AgentRegistry *registry = nullptr);
    ~Manager() override;

    /// "Manager".
    QString typeName() const override;
    /// The registry spawn() uses.
    AgentRegistry *registry() const;

    // operations (the exposed methods, callable from C++ too)
    /// Creates an agent of the named type with the given constructor arguments.
    Result<Agent *> spawn(const QString &qualname, const Value::List &args = {}, const Value::Map &kwargs = {});
    /// Sets the container's external clock to `time` (seconds on its scale, or a date value).
    /// InvalidArgument when the clock is no ExternalClock; the clock's error for a time that is
    /// not later than now; TypeMismatch for a value that is neither number nor date.
    Result<void> setTime(const Value &time);
    /// Asks for the container to be stopped: emits stopRequested() once, from the event loop.
    void stop();
    /// Whether stop() was called.
    bool isStopRequested() const { return m_stopRequested; }

Q_SIGNALS:
    /// spawn() created an agent.
    void agentSpawned(mas::Agent *agent);
    /// stop() was called (emitted once, from the event loop, after the reply was sent).
    void stopRequested();

private:
    AgentRegistry *m_registry = nullptr;
    bool m_stopRequested = false;
};

} // namespace mas
