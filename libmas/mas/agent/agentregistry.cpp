// SPDX-License-Identifier: MIT
#include "agentregistry.h"

#include <mas/agent/agent.h>
#include <mas/agent/container.h>

namespace mas {

AgentPlugin::~AgentPlugin() = default;

AgentRegistry &AgentRegistry::global()
{
    static AgentRegistry registry;
    return registry;
}

Result<void> AgentRegistry::add(AgentType type)
{
    if (type.name.isEmpty() || !type.name.contains(u':'))
        return Error(ErrorCode::InvalidArgument,
                     QObject::tr("An agent type's name is a qualname like \"pkg.module:Class\", not \"%1\"").arg(type.name));
    if (!type.create)
        return Error(ErrorCode::InvalidArgument, QObject::tr("Agent type \"%1\" has no factory").arg(type.name));
    if (m_types.contains(type.name))
        return Error(ErrorCode::InvalidArgument, QObject::tr("Agent type \"%1\" is already registered").arg(type.name));
    const QString name = type.name;
    m_types.emplace(name, std::move(type));
    return {};
}

bool AgentRegistry::remove(const QString &name)
{
    return m_types.erase(name) > 0;
}

bool AgentRegistry::contains(QStringView name) const
{
    return find(name) != nullptr;
}

const AgentType *AgentRegistry::find(QStringView name) const
{
    auto it = m_types.find(name.toString());
    return it == m_types.end() ? nullptr : &it->second;
}

QStringList AgentRegistry::names() const
{
    QStringList result;
    for (const auto &[name, type] : m_types)
        result << name;
    return result;
}

QList<AgentType> AgentRegistry::types() const
{
    QList<AgentType> result;
    for (const auto &[name, type] : m_types)
        result << type;
    return result;
}

Result<Agent *> AgentRegistry::create(QStringView name, Container *container, const Value::List &args,
                                      const Value::Map &kwargs) const
{
    const AgentType *type = find(name);
    if (!type) {
        // Name the types that share the class name or the module, to help with typos.
        const QString wanted = name.toString();
        QStringList close;
        for (const auto &[known, t] : m_types) {
            if (known.section(u':', 1).compare(wanted.section(u':', 1), Qt::CaseInsensitive) == 0
                || known.section(u':', 0, 0) == wanted.section(u':', 0, 0))
                close << known;
        }
        QString message = QObject::tr("No agent type \"%1\" is registered").arg(wanted);
        if (!close.isEmpty())
            message += QObject::tr(" (did you mean %1?)").arg(close.join(QStringLiteral(", ")));
        return Error(ErrorCode::UnknownAgentType, message);
    }
    if (!container)
        return Error(ErrorCode::InvalidArgument, QObject::tr("No container to create \"%1\" in").arg(type->name));
    return type->create(container, args, kwargs);
}

} // namespace mas
