// SPDX-License-Identifier: MIT
// The teaching demos as a plug-in: their agent types (mas.demos:ManagerAgent,
// mas.demos:PongerAgent, ...), so that `mas host` and `mas subproc` can run them, and the five
// demo systems with their invariants (leader-election, echo, ping-pong, contract-net,
// two-phase-commit), which MAS Inspector and `mas explore` load like any user's plug-in.

#include <mas/agent/agentregistry.h>
#include <mas/demos/agenttypes.h>
#include <mas/demos/demosystem.h>
#include <mas/system/system.h>

#include <QObject>
#include <QtPlugin>

class DemosPlugin : public QObject, public mas::AgentPlugin, public mas::system::SystemPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MasAgentPlugin_iid)
    Q_INTERFACES(mas::AgentPlugin mas::system::SystemPlugin)

public:
    QList<mas::AgentType> agentTypes() const override { return mas::demos::agentTypes(); }
    QList<mas::system::SystemType> systemTypes() const override { return mas::demos::demos(); }
    QList<mas::system::InvariantType> invariantTypes() const override { return mas::demos::invariantTypes(); }
};

#include "demosplugin.moc"
