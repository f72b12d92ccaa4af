// SPDX-License-Identifier: MIT
#include "agent.h"

#include "container.h"
#include "container_p.h"

#include <typeinfo>

namespace mas {

Agent::Agent(Container *container)
    : QObject(container)
    , m_container(container)
{
    Q_ASSERT(container);
    m_number = container->d->registerAgent(this);
    m_router.setPathParent(&container->d->agentsRouter, QString::number(m_number));
}

Agent::~Agent()
{
    if (m_container)
        m_container->d->unregisterAgent(this);
    m_router.setPathParent(nullptr, QString());
}

QString Agent::aid() const
{
    return QString::number(m_number);
}

QString Agent::address() const
{
    return m_container ? m_container->baseAddress() + aid() : aid();
}

Clock *Agent::clock() const
{
    return m_container ? m_container->clock() : nullptr;
}

QString Agent::typeName() const
{
    // The dynamic C++ type works without Q_OBJECT in the subclass; namespaces are dropped as
    // Python's class __name__ has none.
    const QString full = detail::demangledTypeName(typeid(*this));
    const qsizetype template_ = full.indexOf(u'<');
    const QString plain = template_ < 0 ? full : full.first(template_);
    const qsizetype colon = plain.lastIndexOf(QStringLiteral("::"));
    return colon < 0 ? plain : plain.sliced(colon + 2);
}

QString Agent::toString() const
{
    return QStringLiteral("%1('%2')").arg(typeName(), address());
}

QCoro::Task<Result<rpc::Proxy>> Agent::connectTo(QString url, std::optional<std::chrono::milliseconds> timeout)
{
    return m_container->connect(std::move(url), timeout);
}

} // namespace mas
