// SPDX-License-Identifier: MIT
#include "propertyname.h"

namespace mas::ui {

std::optional<mas::system::Invariant> findProperty(const mas::system::System *system, const QString &property)
{
    if (!system || property.isEmpty())
        return std::nullopt;
    const QList<mas::system::Invariant> properties = system->invariants() + system->goals();
    for (const mas::system::Invariant &p : properties) {
        if (p.id == property)
            return p;
    }
    for (const mas::system::Invariant &p : properties) {
        if (p.name == property)
            return p;
    }
    return std::nullopt;
}

QString propertyDisplayName(const mas::system::System *system, const QString &property)
{
    const std::optional<mas::system::Invariant> found = findProperty(system, property);
    return found && !found->name.isEmpty() ? found->name : property;
}

} // namespace mas::ui
