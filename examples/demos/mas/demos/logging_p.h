// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace mas::demos {

/// `mas.demos`: lost messages and the demos' progress (debug level).
Q_DECLARE_LOGGING_CATEGORY(lcDemos)

} // namespace mas::demos
