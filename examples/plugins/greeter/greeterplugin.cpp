// SPDX-License-Identifier: MIT
// The plug-in class: the one object Qt instantiates when a program loads libgreeter.so with
// mas::AgentRegistry::loadPlugin() (or `mas host --plugin-path`).
//
// Each agent type carries a description (greeteragents.cpp), which `mas host
// --list-agent-types` prints. A plug-in that also offers whole systems implements
// mas::system::SystemPlugin as well, and describes each system for the Inspector's description
// panel (see examples/plugins/demos and the `mas new plugin` template):
//
//     mas::system::SystemType type;
//     type.id = QStringLiteral("greeters");
//     type.title = tr("Greeters");
//     type.description = tr("The rules: who sends what, and when.");
//     type.faultyDescription = tr("What the faulty variant gets wrong (hidden until revealed).");
//     type.messages = {{QStringLiteral("greet(name)"), tr("Asks for a greeting for name.")}};
//
// A system file gives the same with its "description", "bug" and "messages" keys.

#include "greeteragents.h"

#include <mas/agent/agentregistry.h>

#include <QObject>
#include <QtPlugin>

namespace greeter {

class GreeterPlugin : public QObject, public mas::AgentPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MasAgentPlugin_iid)
    Q_INTERFACES(mas::AgentPlugin)

public:
    QList<mas::AgentType> agentTypes() const override { return greeter::agentTypes(); }
};

} // namespace greeter

#include "greeterplugin.moc"
