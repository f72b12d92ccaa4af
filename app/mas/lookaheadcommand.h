// SPDX-License-Identifier: MIT
#pragma once

#include <QCoro/QCoroTask>
#include <QStringList>

namespace mas::cli {

/// Whether `mas explore` was asked for the look-ahead (--lookahead or --lookahead-serve).
bool isLookAheadCommand(const QStringList &arguments);

/// `mas explore --lookahead K --session FILE`: classifies the pending messages where the
/// session's run ends (one JSON line each, then an end line) and exits.
/// `mas explore --lookahead-serve`: the same for every request line `N K FILE` on standard
/// input, a new line cancelling the search before it, until the end of the input.
QCoro::Task<int> runLookAheadCommand(QStringList arguments);

} // namespace mas::cli
