// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace mas::system {

/// The container a frame goes to: the name up to its last "/" ("local://explore-2/0" and
/// "local://explore-2/" are both "local://explore-2/"). With one agent per container (as in the
/// demos) that is the agent. The explorer's independence and the necessity analysis's
/// overtakings both ask it.
inline QString containerOf(const QString &name)
{
    const qsizetype scheme = name.indexOf(QStringLiteral("://"));
    const qsizetype slash = name.lastIndexOf(u'/');
    if (slash < 0 || (scheme >= 0 && slash < scheme + 3))
        return name + u'/';
    return name.left(slash + 1);
}

} // namespace mas::system
