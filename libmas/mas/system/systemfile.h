// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/core/value.h>
#include <mas/system/processsystem.h>
#include <mas/system/system.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>

namespace mas::system {


/// A system described by a file (JSON, the `mas host --config` format extended): named
/// containers with agents by registered type and constructor arguments, the invariants to
/// check, the clock's start, the request timeout and the transport. One file runs three ways:
/// stepped in MAS Inspector (`--system FILE`), searched by `mas explore --system FILE`, and for
/// real on sockets by `mas host --config FILE`.
///
/// \code
/// {
///   "title": "A ring of three",
///   "description": "Each node passes on ids larger than its own; the largest id leads.",
///   "bug": "A sleeping node relays every id without comparing it with its own.",
///   "messages": {"election(id)": "a candidate's id on its way round the ring"},
///   "plugin_path": ["build/plugins"],
///   "transport": "local",
///   "codec": "json",
///   "clock": {"start": "2024-01-01T00:00:00Z"},
///   "request_timeout_ms": 10000,
///   "containers": [
///     {"name": "a", "listen": "tcp://127.0.0.1:5601",
///      "agents": [{"name": "node1", "type": "ring.agents:Node", "args": [5, "@node2"]}]},
///     {"name": "b", "agents": [{"name": "node2", "type": "ring.agents:Node", "args": [9, "@node1"]}]}
///   ],
///   "invariants": ["ring:at most one leader"]
/// }
/// \endcode
/// A file may also list processes: Python asyncio programs (aiomas ones too) run under the
/// masstep runner, whose frames wait on the same stepped network as the agents' (see
/// ProcessSystem); "cwd" (default: the file's directory) is relative to the file, the program
/// relative to "cwd"; "env" adds variables:
/// \code
///   "processes": [{"name": "ring 0", "command": ["python3", "ring.py", "0"], "cwd": ".", "env": {"K": "V"}}]
/// \endcode
/// Processes run on the local transport only. Every key but "containers" is optional, and
/// "containers" may be left out (or empty) when there are processes; unknown keys are errors. "description" (the rules
/// of the algorithm), "bug" (what is wrong with it, which the Inspector hides until it is
/// revealed) and "messages" (message: what it means) fill the Inspector's description panel
/// (SystemType::description, faultyDescription and messages). An argument (anywhere in
/// "args" or "kwargs", nested too) that is the string "@NAME" becomes the URL of the agent
/// called NAME on whichever transport runs the file ("@@x" is the plain string "@x"). Agents
/// without a name are called CONTAINER/INDEX. Relative paths are relative to the file.
///
/// Errors name the file, the key and the reason: `ring.json: containers[1].agents[0].type: No
/// agent type "ring.agent:Node" is registered (...)`. Unnamed containers are called c0, c1, ...
/// (with a "_" added where the file gives that name to another container).
struct MAS_EXPORT SystemFile
{
    struct Agent
    {
        QString name;
        QString type;
        Value::List args;
        Value::Map kwargs;
        QString where; ///< "containers[0].agents[1]", for messages
    };
    struct Container
    {
        QString name;
        QString listen; ///< the address `mas host --config FILE --container NAME` listens on (may be empty)
        QList<Agent> agents;
        QString where;
    };

    QString fileName; ///< absolute
    QString title;
    QString description;             ///< the rules of the algorithm, for the description panel
    QString bug;                     ///< what is wrong with it (hidden until revealed)
    QList<MessageMeaning> messages;  ///< what each message means
    QStringList pluginPaths; ///< absolute
    QString codec = QStringLiteral("json");
    Transport transport = Transport::LocalQueue;
    QDateTime clockStart;
    std::chrono::milliseconds requestTimeout{10'000};
    QList<Container> containers;
    QList<ProcessSpec> processes; ///< working directories absolute
    QStringList invariants; ///< InvariantType ids

    /// Reads and checks the file (its JSON and keys; not the agent types, which need the
    /// plug-ins: see check()).
    static Result<SystemFile> load(const QString &fileName);
    /// The same from bytes; `fileName` names the file in messages and anchors relative paths.
    static Result<SystemFile> parse(const QByteArray &json, const QString &fileName);

    /// Checks what needs the registries (the plug-ins loaded): every agent type and invariant id
    /// is known.
    Result<void> check() const;
    /// Loads the file's plug-in directories into SystemRegistry::global().
    Result<void> loadPlugins() const;

    /// The parameters a system of this file runs with (transport, codec, request timeout, clock
    /// start; `agents` is the number of agents). Callers may change the transport and timeout.
    Parameters parameters() const;
    /// A system type that builds this file's system (id "file:NAME"), for the explorer.
    SystemType systemType() const;
    /// Builds the system on `queueId` (LocalQueue: `local://queueId`, `local://queueId-1`, ...
    /// one per container), with `parameters` (from parameters()).
    Result<std::unique_ptr<System>> build(const QString &queueId, const Parameters &parameters) const;

    /// The agent called `name`, or null.
    const Agent *agent(QStringView name) const;
    /// `args`/`kwargs` with every "@NAME" replaced by `urls[NAME]`; an error names the key.
    static Result<Value> resolve(const Value &value, const std::function<std::optional<QString>(const QString &)> &urlOf,
                                 const QString &where);
    /// "FILE: KEY: reason", as every error of a system file reads.
    Error error(const QString &key, const QString &reason) const;
};

} // namespace mas::system
