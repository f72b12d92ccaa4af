// SPDX-License-Identifier: MIT
// The demos' agent types (mas.demos:ManagerAgent, mas.demos:PongerAgent, ...) as an agent
// plug-in, so that `mas host` and `mas subproc` (which link libmas only) can run them:
// `mas host --plugin-path <build>/plugins`. The multi-host test (tst_multihost) uses it.

#include <mas/agent/agentregistry.h>
#include <mas/demos/agenttypes.h>

#include <QObject>
#include <QtPlugin>

class DemosPlugin : public QObject, public mas::AgentPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MasAgentPlugin_iid)
    Q_INTERFACES(mas::AgentPlugin)

public:
    QList<mas::AgentType> agentTypes() const override { return mas::demos::agentTypes(); }
};

#include "demosplugin.moc"
