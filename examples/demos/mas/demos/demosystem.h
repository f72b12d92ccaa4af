// SPDX-License-Identifier: MIT
#pragma once

// The teaching demos are systems of the public system API (<mas/system/system.h>); these names
// are the ones the demos and their tests were written with.

#include <mas/system/system.h>

namespace mas::demos {

using DemoSystem = mas::system::System;
using DemoParameters = mas::system::Parameters;
using DemoTransport = mas::system::Transport;
using DemoInfo = mas::system::SystemType;
using Invariant = mas::system::Invariant;
using InvariantExplanation = mas::system::InvariantExplanation;

inline QString demoTransportName(DemoTransport transport)
{
    return mas::system::transportName(transport);
}
inline Result<DemoTransport> parseDemoTransport(QStringView name)
{
    return mas::system::parseTransport(name);
}

/// The five demos, in the order a menu shows them.
QList<DemoInfo> demos();
/// The demo with this id, or null.
const DemoInfo *findDemo(QStringView id);
/// The invariants the demos offer for systems described by files: "mas.demos:at most one
/// leader" (over the system's LeaderElectionAgents).
QList<mas::system::InvariantType> invariantTypes();
/// Adds the five demos to `registry` (all or none), as their plug-in does.
Result<void> registerDemos(mas::system::SystemRegistry &registry = mas::system::SystemRegistry::global());

} // namespace mas::demos
