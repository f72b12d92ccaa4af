// SPDX-License-Identifier: MIT
// A test Qt plug-in whose metadata claims the agent plug-in IID but whose class does not
// implement mas::AgentPlugin: loaded, then refused.

#include <mas/agent/agentregistry.h>

#include <QObject>
#include <QtPlugin>

class LiarPlugin : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MasAgentPlugin_iid)
};

#include "liarplugin.moc"
