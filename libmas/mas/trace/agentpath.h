// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>

#include <QString>
#include <QStringView>

#include <optional>

namespace mas {

/// An RPC path that addresses an agent of a container: `agents/<aid>/<method>` (aiomas's
/// container router serves its agents under `agents`). The one place that builds and parses
/// these paths: containers and proxies build them, event logs and views read them.
struct MAS_EXPORT AgentPath
{
    QString aid;    ///< the agent id, never empty
    QString method; ///< the rest after `agents/<aid>/` (may hold "/", may be empty)

    /// `agents/<aid>/<method>` split into its agent id and method; nullopt for another path
    /// (`validate_aid`, `_monitor/info`, `agents`, `agents//x`).
    static std::optional<AgentPath> parse(QStringView path);
    /// `agents/<aid>/<method>`, or `agents/<aid>` with an empty method (a proxy's base path).
    static QString make(const QString &aid, const QString &method = {});
    /// The method an RPC path calls on its agent: "agents/3/bid" -> "bid"; a path that does not
    /// address an agent, or addresses one without a method, is returned unchanged.
    static QString methodOf(const QString &path);

    QString toString() const { return make(aid, method); }
    friend bool operator==(const AgentPath &, const AgentPath &) = default;
};

/// How event logs name one end of an RPC message: a request to `agents/N/...` sent to a
/// container's base address (`tcp://host:port/`) goes to the agent `tcp://host:port/N`, and its
/// reply comes from there. Other names and paths are returned unchanged.
MAS_EXPORT QString agentEndName(const QString &name, const QString &path);

} // namespace mas
