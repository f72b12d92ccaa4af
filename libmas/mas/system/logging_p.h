// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace mas::system {

/// `mas.system`: lost messages, the clock moving when a system is quiet, the explorer.
Q_DECLARE_LOGGING_CATEGORY(lcSystem)

} // namespace mas::system
