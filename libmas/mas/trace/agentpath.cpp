// SPDX-License-Identifier: MIT
#include "agentpath.h"

namespace mas {

namespace {

constexpr QStringView kAgentsPrefix = u"agents/";

} // namespace

std::optional<AgentPath> AgentPath::parse(QStringView path)
{
    if (!path.startsWith(kAgentsPrefix))
        return std::nullopt;
    const QStringView rest = path.sliced(kAgentsPrefix.size());
    const qsizetype slash = rest.indexOf(u'/');
    const QStringView aid = slash < 0 ? rest : rest.first(slash);
    if (aid.isEmpty())
        return std::nullopt;
    AgentPath result;
    result.aid = aid.toString();
    if (slash >= 0)
        result.method = rest.sliced(slash + 1).toString();
    return result;
}

QString AgentPath::make(const QString &aid, const QString &method)
{
    QString path = kAgentsPrefix.toString() + aid;
    if (!method.isEmpty())
        path += u'/' + method;
    return path;
}

QString AgentPath::methodOf(const QString &path)
{
    const std::optional<AgentPath> agentPath = parse(path);
    return agentPath && !agentPath->method.isEmpty() ? agentPath->method : path;
}

QString agentEndName(const QString &name, const QString &path)
{
    if (!name.endsWith(u'/'))
        return name;
    if (const std::optional<AgentPath> agentPath = AgentPath::parse(path))
        return name + agentPath->aid;
    return name;
}

} // namespace mas
