// SPDX-License-Identifier: MIT
// A test agent plug-in whose first type has the name of one of the example plug-in's types:
// loaded after libgreeter it must be refused as a whole.

#include <mas/agent/agent.h>
#include <mas/agent/agentregistry.h>

#include <QObject>
#include <QtPlugin>

namespace {

mas::Result<mas::Agent *>
create(mas::Container *container, const mas::Value::List &, const mas::Value::Map &)
{
    return new mas::Agent(container);
}

} // namespace

class ClashPlugin : public QObject, public mas::AgentPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MasAgentPlugin_iid)
    Q_INTERFACES(mas::AgentPlugin)

public:
    QList<mas::AgentType> agentTypes() const override
    {
        QList<mas::AgentType> types;
        types.append({QStringLiteral("clash.agents:Other"), QStringLiteral("A plain agent."),
                      QStringLiteral("()"), &create});
        types.append({QStringLiteral("greeter.agents:Greeter"), QStringLiteral("Not the greeter."),
                      QStringLiteral("()"), &create});
        return types;
    }
};

#include "clashplugin.moc"
