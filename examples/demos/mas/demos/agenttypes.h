// SPDX-License-Identifier: MIT
#pragma once

#include <mas/agent/agentregistry.h>

#include <QList>

namespace mas::demos {

/// The demos' agents that work on their own, as agent types for an AgentRegistry (so that a
/// `mas host` config or a sub-process Manager can start them by name). Each is created with
/// its peers' URLs as constructor arguments instead of by a DemoSystem, and exposes, besides
/// its protocol messages, `state()` (its stateText()) and, if it starts a protocol, `start()`:
///
/// | name | arguments | extra methods |
/// |---|---|---|
/// | `mas.demos:PongerAgent` | `(faulty=False, seed=0)` | `ping(round, sender=None)` returns its
/// answer | | `mas.demos:PingerAgent` | `(pongers, rounds=3, seed=0)` | `start()`, `done()` | |
/// `mas.demos:ContractorAgent` | `(seed=0)` | | | `mas.demos:ManagerAgent` | `(contractors,
/// task='task', seed=0)` | `start()` (announce), `phase()`, `winner()` | |
/// `mas.demos:ParticipantAgent` | `(seed=0)` | | | `mas.demos:CoordinatorAgent` | `(participants,
/// transaction='transaction', faulty=False, seed=0)` | `start()` (PREPARE), `phase()` | |
/// `mas.demos:EchoAgent` | `(neighbours, initiator=False, seed=0)` | `start()` (initiator only) |
/// | `mas.demos:LeaderElectionAgent` | `(ring_id, next, faulty=False, seed=0)` | `start()` (wakes
/// up) |
///
/// `phase()` is the agent's Phase enum key ("Done", "Committed", ...). Peers that are not up
/// yet when a message is sent get it DemoAgent::kSendAttempts times at most; start the
/// protocol (`start()`) once every agent runs.
QList<mas::AgentType> agentTypes();

/// Adds agentTypes() to `registry`: all of them, or (when one of the names is taken) none,
/// with the InvalidArgument error of AgentRegistry::add().
Result<void> registerAgentTypes(mas::AgentRegistry &registry);

} // namespace mas::demos
