// SPDX-License-Identifier: MIT
// A test agent plug-in built for a later version of the interface (IID ".../2"): refused
// before its code is loaded.

#include <mas/agent/agentregistry.h>

#include <QObject>
#include <QtPlugin>

class FuturePlugin : public QObject, public mas::AgentPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.libmas.AgentPlugin/2")
    Q_INTERFACES(mas::AgentPlugin)

public:
    QList<mas::AgentType> agentTypes() const override { return {}; }
};

#include "futureplugin.moc"
