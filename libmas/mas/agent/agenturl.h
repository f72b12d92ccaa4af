// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/transport/address.h>

#include <QString>

namespace mas {

/// An agent's address as aiomas writes it: `tcp://host:port/AID` (IPv6 hosts in brackets, or
/// bare as aiomas builds them), `ipc://[path]/AID` for a container on a Unix socket.
///
/// \code
/// mas::Result<mas::AgentUrl> url = mas::AgentUrl::parse(u"tcp://127.0.0.1:5555/0");
/// url->container(); // tcp://127.0.0.1:5555
/// url->aid();       // "0"
/// \endcode
class MAS_EXPORT AgentUrl
{
public:
    AgentUrl() = default;
    AgentUrl(Address container, QString aid);

    /// Parses an agent URL; errors (InvalidAddress) read `Cannot parse agent URL "…": why`.
    static Result<AgentUrl> parse(QStringView url);

    /// Where the agent's container listens.
    Address container() const { return m_container; }
    /// The agent's id in its container ("0", "1", ...).
    QString aid() const { return m_aid; }
    bool isValid() const { return m_container.isValid() && !m_aid.isEmpty(); }

    /// The container's base address: `tcp://127.0.0.1:5555/`, `tcp://[::1]:5555/`, `ipc://[/tmp/c.sock]/`.
    static QString baseAddress(const Address &container);
    /// The URL: base address + aid.
    QString toString() const { return baseAddress(m_container) + m_aid; }

    friend bool operator==(const AgentUrl &, const AgentUrl &) = default;

private:
    Address m_container;
    QString m_aid;
};

/// What a caller names (`mas call`, the Inspector's call form): a service at an address
/// (`tcp://host:port`, `ipc://path`, `local://queue`), or an agent of the container there
/// (`tcp://host:port/AID`, `ipc://[path]/AID`, `local://queue/AID`), whose methods live under
/// `agents/AID/`.
struct MAS_EXPORT CallTarget
{
    Address address;
    QString aid; ///< empty: the service itself

    /// Parses either form; errors (InvalidAddress) say what was expected.
    static Result<CallTarget> parse(QStringView text);
    /// The RPC path of `method`: `agents/AID/method` for an agent, else `method`.
    QString path(const QString &method) const;
};

} // namespace mas
