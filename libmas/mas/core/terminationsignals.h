// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>

#include <functional>

class QObject;

namespace mas {

/// Calls `handler` on the event loop (never inside the signal handler) when the process gets
/// SIGINT or SIGTERM, so servers and `mas host` can shut down cleanly. Unix only; elsewhere a
/// no-op that returns false. Call it once per process, from the main thread.
MAS_EXPORT bool onTerminationSignal(QObject *context, std::function<void(int signal)> handler);

} // namespace mas
