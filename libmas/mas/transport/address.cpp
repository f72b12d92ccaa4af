// SPDX-License-Identifier: MIT
#include "address.h"

namespace mas {

Address Address::tcp(QString host, quint16 port)
{
    Address a;
    a.m_scheme = Scheme::Tcp;
    a.m_host = std::move(host);
    a.m_port = port;
    return a;
}

Address Address::ipc(QString path)
{
    Address a;
    a.m_scheme = Scheme::Ipc;
    a.m_path = std::move(path);
    return a;
}

Address Address::local(QString queueId)
{
    Address a;
    a.m_scheme = Scheme::Local;
    a.m_path = std::move(queueId);
    return a;
}

Result<Address> Address::parse(QStringView text)
{
    const auto invalid = [&](const QString &why) {
        return Error(ErrorCode::InvalidAddress,
                     mas::tr("Cannot parse address \"%1\": %2").arg(text.toString(), why));
    };
    if (text.startsWith(u"ipc://")) {
        const QStringView path = text.sliced(6);
        if (path.isEmpty())
            return invalid(mas::tr("the socket path is missing"));
        return ipc(path.toString());
    }
    if (text.startsWith(u"local://")) {
        QStringView id = text.sliced(8);
        if (id.endsWith(u'/'))
            id.chop(1);
        if (id.isEmpty() || id.contains(u'/'))
            return invalid(mas::tr("expected local://queue id"));
        return local(id.toString());
    }
    if (!text.startsWith(u"tcp://"))
        return invalid(mas::tr("expected tcp://host:port, ipc://path or local://queue id"));
    QStringView rest = text.sliced(6);
    if (rest.endsWith(u'/'))
        rest.chop(1);
    QStringView host;
    QStringView port;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0 || close + 1 >= rest.size() || rest[close + 1] != u':')
            return invalid(mas::tr("an IPv6 host must be written as [host]:port"));
        host = rest.sliced(1, close - 1);
        port = rest.sliced(close + 2);
        if (host.contains(u'[')) // "[[x]:5" would print as "tcp://[x:5", which does not parse
            return invalid(mas::tr("an IPv6 host must be written as [host]:port"));
    } else {
        const qsizetype colon = rest.lastIndexOf(u':');
        if (colon < 0)
            return invalid(mas::tr("the port is missing"));
        host = rest.first(colon);
        port = rest.sliced(colon + 1);
        if (host.contains(u':'))
            return invalid(mas::tr("an IPv6 host must be written in brackets"));
    }
    if (host.isEmpty())
        return invalid(mas::tr("the host is missing"));
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number > 65535)
        return invalid(mas::tr("\"%1\" is not a port number").arg(port.toString()));
    return tcp(host.toString(), quint16(number));
}

QString Address::toString() const
{
    switch (m_scheme) {
    case Scheme::Tcp:
        // One arg() call: a host holding "%1" must not take the port's place.
        return m_host.contains(u':') ? QStringLiteral("tcp://[%1]:%2").arg(m_host, QString::number(m_port))
                                     : QStringLiteral("tcp://%1:%2").arg(m_host, QString::number(m_port));
    case Scheme::Ipc:
        return QStringLiteral("ipc://") + m_path;
    case Scheme::Local:
        return QStringLiteral("local://") + m_path;
    case Scheme::Invalid:
        break;
    }
    return QString();
}

} // namespace mas
