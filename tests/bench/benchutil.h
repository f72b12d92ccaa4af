// SPDX-License-Identifier: MIT
#pragma once

// Small pieces every benchmark's main() and fixtures share.

#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QTimer>

#include <chrono>
#include <string>

namespace mas::bench {

/// Whether Google Benchmark prints to the console (the summary tables are printed only then).
inline bool consoleFormat(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--benchmark_format=", 0) == 0 && arg != "--benchmark_format=console")
            return false;
    }
    return true;
}

/// Lets deleteLater() and disconnect handling of the previous benchmark run before the next.
inline void drainEvents()
{
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(20), &loop, &QEventLoop::quit);
    loop.exec();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

} // namespace mas::bench
