// SPDX-License-Identifier: MIT
// The plug-in class: the one object Qt instantiates when a program loads libgreeter.so with
// mas::AgentRegistry::loadPlugin() (or `mas host --plugin-path`).

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
