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
#include <optional>

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
    /// Returns the names added; PluginError when the file is not an agent plug-in or a name
    /// clashes.
    ///
    /// The plug-in's metadata is checked before its code is loaded: a file that is not a Qt
    /// plug-in, or a Qt plug-in with another IID (another interface version included), is
    /// refused without being loaded. A plug-in one of whose names is taken (or invalid) adds
    /// none of its types. Loading a file this registry loaded before (by any path to it) adds
    /// nothing and returns an empty list. Loaded libraries stay loaded for the life of the
    /// process (agents made by their factories may live as long), shared by all registries.
    Result<QStringList> loadPlugin(const QString &fileName);
    /// Loads a rebuilt plug-in (give it a fresh copy's path: a library cannot be loaded twice
    /// under one path): like loadPlugin(), but its types replace registered types of the same
    /// names (agents made by the old factories live on with the old code).
    Result<QStringList> reloadPlugin(const QString &fileName);
    /// Loads every plug-in in `directory` (files QLibrary::isLibrary() accepts). Returns the
    /// names added; the first error stops nothing: errors are collected in `errors` (if given).
    /// Fails only when `directory` is not a readable directory. Without `errors`, each failed
    /// file is logged as a warning (category `mas.agent`).
    Result<QStringList> loadPlugins(const QString &directory, QList<Error> *errors = nullptr);
    /// The plug-in files this registry loaded (canonical paths, in load order).
    QStringList pluginFiles() const;
    /// The plug-in file that offered the type `name`; empty for a type added with add().
    QString pluginFile(QStringView name) const;

private:
    Result<QStringList> load(const QString &fileName, bool replace);
    std::map<QString, AgentType, std::less<>> m_types;
    std::map<QString, QString, std::less<>> m_typeFiles; // type name -> plug-in file
    QStringList m_pluginFiles;
};

// ---- constructor arguments ----------------------------------------------------------------
//
// Helpers for factories (and for handlers with default arguments) that read arguments given
// as values the way Python binds a call to `function(name0, name1=default, ...)`, with
// Python's TypeError texts (ErrorCode::TypeMismatch, which travels back as a TypeError):
//
// \code
// static const QStringList names{QStringLiteral("greeting")};
// MAS_TRY_VOID(mas::checkArguments(QStringLiteral("Greeter"), args, kwargs, names, 0));
// mas::Result<QString> greeting = mas::argumentAt<QString>(QStringLiteral("Greeter"), args,
//                                                         kwargs, 0, names[0],
//                                                         QStringLiteral("Hello"));
// if (!greeting)
//     return greeting.error(); // "Greeter() argument 'greeting': expected str, got int (5)"
// \endcode

/// Checks the shape of a call of `function` whose parameters are `names` (in order), the first
/// `required` of them without a default: not more positional arguments than names, keyword
/// arguments only for known names and not for ones given positionally, and every required
/// parameter given. Errors read as Python's: "Greeter() takes from 0 to 1 positional arguments
/// but 2 were given", "Counter() got an unexpected keyword argument 'stop'",
/// "f() missing 2 required positional arguments: 'a' and 'b'".
MAS_EXPORT Result<void> checkArguments(const QString &function,
                                       const Value::List &args,
                                       const Value::Map &kwargs,
                                       const QStringList &names,
                                       qsizetype required);

/// The argument for parameter `index` named `name`: the positional one if given, else the
/// keyword one, else `defaultValue`; converted to T. Without a default, a missing argument is
/// "function() missing 1 required positional argument: 'name'"; a value of the wrong type is
/// "function() argument 'name': expected ..., got ...". Does not check for surplus arguments
/// (checkArguments() does).
template<class T>
Result<T> argumentAt(const QString &function,
                     const Value::List &args,
                     const Value::Map &kwargs,
                     qsizetype index,
                     const QString &name,
                     std::optional<T> defaultValue = std::nullopt);

namespace detail {
/// The given value for parameter `index`/`name` (positional first, then keyword), or null.
MAS_EXPORT const Value *findArgument(const Value::List &args,
                                     const Value::Map &kwargs,
                                     qsizetype index,
                                     const QString &name);
/// The TypeError Python raises for a missing argument: "f() missing 1 required positional argument: 'x'".
MAS_EXPORT Error missingArgument(const QString &function, const QString &name);
/// The TypeError for an argument of the wrong type: "f() argument 'x': expected str, got int (5)".
MAS_EXPORT Error wrongArgumentType(const QString &function,
                                   const QString &name,
                                   const Error &inner);
} // namespace detail

template<class T>
Result<T> argumentAt(const QString &function,
                     const Value::List &args,
                     const Value::Map &kwargs,
                     qsizetype index,
                     const QString &name,
                     std::optional<T> defaultValue)
{
    const Value *given = detail::findArgument(args, kwargs, index, name);
    if (!given) {
        if (defaultValue)
            return std::move(*defaultValue);
        return detail::missingArgument(function, name);
    }
    Result<T> converted = given->template to<T>();
    if (!converted)
        return detail::wrongArgumentType(function, name, converted.error());
    return converted;
}

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
