// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/core/value.h>

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>

namespace mas {

class Agent;
class Container;

/// Creates an agent in `container` from constructor arguments given as values (aiomas's
/// `Manager.spawn(qualname, *args, **kwargs)` calls the class with the container first).
/// Returns the new agent (owned by the container) or a clear error for bad arguments.
using AgentFactory =
    std::function<Result<Agent *>(Container *container, const Value::List &args, const Value::Map &kwargs)>;

/// A named agent type: `name` is a qualname as aiomas writes it, `"pkg.module:Class"`.
struct AgentType
{
    QString name;
    /// One sentence for people (`mas host --list-agent-types`, the Inspector).
    QString description;
    /// The constructor's parameters for people, e.g. `"(value, *, delay=1.0)"`.
    QString signature;
    AgentFactory create;
};

/// The agent types a process can create by name: built-in ones, ones the program adds, and
/// those of agent plug-ins loaded from a plug-in path. `mas host` configs and the sub-process
/// `Manager.spawn()` look names up here.
///
/// \code
/// mas::AgentRegistry::global().add({"demo.agents:Greeter", "Says hello", "()",
///     [](mas::Container *c, const mas::Value::List &, const mas::Value::Map &) -> mas::Result<mas::Agent *> {
///         return new Greeter(c);
///     }});
/// mas::Result<mas::Agent *> a = mas::AgentRegistry::global().create(u"demo.agents:Greeter", container);
/// \endcode
/// Lives in one thread (the containers').
class MAS_EXPORT AgentRegistry
{
public:
    AgentRegistry() = default;
    AgentRegistry(const AgentRegistry &) = delete;
    AgentRegistry &operator=(const AgentRegistry &) = delete;

    /// The process-wide registry.
    static AgentRegistry &global();

    /// Adds a type; InvalidArgument for an empty name, a name without ":" or a missing factory,
    /// and for a name that is already taken.
    Result<void> add(AgentType type);
    bool remove(const QString &name);
    bool contains(QStringView name) const;
    const AgentType *find(QStringView name) const;
    /// The names in alphabetical order.
    QStringList names() const;
    QList<AgentType> types() const;

    /// Creates an agent of the named type in `container`: UnknownAgentType when the name is not
    /// registered (the message lists close names), else what the factory returns.
    Result<Agent *> create(QStringView name,
                           Container *container,
                           const Value::List &args = {},
                           const Value::Map &kwargs = {}) const;

    /// Loads one agent plug-in (a shared library implementing AgentPlugin) and adds its types.
    /// Returns the names added; PluginError when the file is no agent plug-in or a name clashes.
    Result<QStringList> loadPlugin(const QString &fileName);
    /// Loads every plug-in in `directory` (files QLibrary::isLibrary() accepts). Returns the
    /// names added; the first error stops nothing: errors are collected in `errors` (if given).
    Result<QStringList> loadPlugins(const QString &directory, QList<Error> *errors = nullptr);

private:
    std::map<QString, AgentType, std::less<>> m_types;
};

/// The interface an agent plug-in implements (a Qt plug-in with the IID below):
///
/// \code
/// class GreeterPlugin : public QObject, public mas::AgentPlugin {
///     Q_OBJECT
///     Q_PLUGIN_METADATA(IID MasAgentPlugin_iid)
///     Q_INTERFACES(mas::AgentPlugin)
/// public:
///     QList<mas::AgentType> agentTypes() const override { return {...}; }
/// };
/// \endcode
/// Version 1 of the interface; a plug-in built against another major version is refused.
class MAS_EXPORT AgentPlugin
{
public:
    virtual ~AgentPlugin();
    /// The agent types the plug-in offers; their names should start with the plug-in's own
    /// module path (`"greeter.agents:Greeter"`).
    virtual QList<AgentType> agentTypes() const = 0;
};

} // namespace mas

#define MasAgentPlugin_iid "org.libmas.AgentPlugin/1"
Q_DECLARE_INTERFACE(mas::AgentPlugin, MasAgentPlugin_iid)
