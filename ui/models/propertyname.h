// SPDX-License-Identifier: MIT
#pragma once

#include <mas/system/system.h>

#include <QString>

#include <optional>

namespace mas::ui {

/// The invariant or goal of `system` that `property` names: by its stable id (a counterexample's
/// file and `mas explore --invariant` use it: "at most one leader") or by its name (a violation
/// found while stepping records the name). None without a system or such a property.
std::optional<mas::system::Invariant> findProperty(const mas::system::System *system, const QString &property);

/// How to show `property` to people: the invariant's name in the user's language (the demo's
/// tr(), "höchstens ein Anführer"), or `property` itself when the system does not know it.
QString propertyDisplayName(const mas::system::System *system, const QString &property);

} // namespace mas::ui
