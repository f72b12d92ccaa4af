// SPDX-License-Identifier: MIT
#include "agenturl.h"

#include <mas/trace/agentpath.h>

namespace mas {

AgentUrl::AgentUrl(Address container, QString aid)
    : m_container(std::move(container))
    , m_aid(std::move(aid))
{}

Result<AgentUrl> AgentUrl::parse(QStringView url)
{
    const auto invalid = [&](const QString &why) {
        return Error(ErrorCode::InvalidAddress, mas::tr("Cannot parse agent URL \"%1\": %2").arg(url.toString(), why));
    };
    if (url.startsWith(u"ipc://")) {
        // ipc://[path]/aid: the path may hold slashes, so it comes in brackets.
        const QStringView rest = url.sliced(6);
        const qsizetype close = rest.lastIndexOf(u"]/");
        if (!rest.startsWith(u'[') || close < 0)
            return invalid(mas::tr("expected ipc://[socket path]/agent id"));
        const QStringView path = rest.sliced(1, close - 1);
        const QStringView aid = rest.sliced(close + 2);
        if (path.isEmpty())
            return invalid(mas::tr("the socket path is missing"));
        if (aid.isEmpty() || aid.contains(u'/'))
            return invalid(mas::tr("the agent id is missing"));
        return AgentUrl(Address::ipc(path.toString()), aid.toString());
    }
    if (url.startsWith(u"tcp://")) {
        // As aiomas: the container part ends at the first "/" after "://", the port follows the
        // last ":" of it; an IPv6 host may come in brackets or bare.
        const QStringView rest = url.sliced(6);
        const qsizetype slash = rest.indexOf(u'/');
        if (slash < 0)
            return invalid(mas::tr("the agent id is missing (expected tcp://host:port/agent id)"));
        const QStringView hostPort = rest.first(slash);
        const QStringView aid = rest.sliced(slash + 1);
        if (aid.isEmpty() || aid.contains(u'/'))
            return invalid(mas::tr("the agent id is missing (expected tcp://host:port/agent id)"));
        const qsizetype colon = hostPort.lastIndexOf(u':');
        if (colon <= 0)
            return invalid(mas::tr("expected tcp://host:port/agent id"));
        QStringView host = hostPort.first(colon);
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.sliced(1, host.size() - 2);
        bool ok = false;
        const uint port = hostPort.sliced(colon + 1).toUInt(&ok);
        // No brackets inside a host: the URL would not print as an address that parses again.
        const bool badHost = host.isEmpty() || host.contains(u'[') || host.contains(u']');
        if (badHost || !ok || port == 0 || port > 65535)
            return invalid(mas::tr("\"%1\" is not host:port").arg(hostPort.toString()));
        return AgentUrl(Address::tcp(host.toString(), quint16(port)), aid.toString());
    }
    if (url.startsWith(u"local://")) {
        const QStringView rest = url.sliced(8);
        const qsizetype slash = rest.indexOf(u'/');
        if (slash <= 0)
            return invalid(mas::tr("expected local://queue id/agent id"));
        const QStringView aid = rest.sliced(slash + 1);
        if (aid.isEmpty() || aid.contains(u'/'))
            return invalid(mas::tr("the agent id is missing (expected local://queue id/agent id)"));
        return AgentUrl(Address::local(rest.first(slash).toString()), aid.toString());
    }
    return invalid(mas::tr("unknown scheme (expected tcp://, ipc:// or local://)"));
}

QString AgentUrl::baseAddress(const Address &container)
{
    switch (container.scheme()) {
    case Address::Scheme::Tcp:
        return container.toString() + u'/';
    case Address::Scheme::Ipc:
        return QStringLiteral("ipc://[%1]/").arg(container.path());
    case Address::Scheme::Local:
        return container.toString() + u'/';
    case Address::Scheme::Invalid:
        break;
    }
    return QString();
}

Result<CallTarget> CallTarget::parse(QStringView text)
{
    CallTarget target;
    QString service = text.toString();
    if (text.startsWith(u"tcp://") || text.startsWith(u"local://")) {
        const qsizetype slash = text.indexOf(u'/', text.indexOf(u"//") + 2);
        if (slash >= 0) {
            service = text.left(slash).toString();
            target.aid = text.mid(slash + 1).toString();
        }
    } else if (text.startsWith(u"ipc://[")) {
        const qsizetype close = text.lastIndexOf(u"]/"); // the path may hold "]/", the id not
        if (close < 0)
            return Error(ErrorCode::InvalidAddress,
                         mas::tr("Cannot parse agent URL \"%1\": expected ipc://[path]/AID").arg(text.toString()));
        service = QStringLiteral("ipc://") + text.mid(7, close - 7).toString();
        target.aid = text.mid(close + 2).toString();
    }
    if (target.aid.contains(u'/'))
        return Error(ErrorCode::InvalidAddress,
                     mas::tr("Cannot parse agent URL \"%1\": the agent id may not contain \"/\"").arg(text.toString()));
    MAS_TRY(address, Address::parse(service));
    target.address = address;
    return target;
}

QString CallTarget::path(const QString &method) const
{
    return aid.isEmpty() ? method : AgentPath::make(aid, method);
}

} // namespace mas
