// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace mas::ui::detail {

// Where events that do not come from the LocalQueue come from (see
// InspectorWindow::appendExternal(), which renumbers their message ids per source).
constexpr quint64 kFromAttach = 1;
constexpr quint64 kFromCalls = 2;
constexpr quint64 kFromTap = 3;
constexpr quint64 kFromHost = 4;
constexpr quint64 kFromMosaik = 5;

} // namespace mas::ui::detail
