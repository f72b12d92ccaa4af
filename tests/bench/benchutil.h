// SPDX-License-Identifier: MIT
#pragma once

// Small pieces every benchmark's main() and fixtures share.

#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QString>
#include <QTimer>

#include <QCoro/QCoroTask>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

namespace mas::bench {

/// Benchmarks that failed (an error, a wrong answer, a hang); main() exits non-zero when any did.
inline int g_failures = 0;

/// Shuts Google Benchmark down; the exit code: 1 (with a line on stderr) if any benchmark
/// failed, else 0.
inline int finishBenchmarks()
{
    benchmark::Shutdown();
    if (g_failures > 0) {
        std::fprintf(stderr, "%d benchmark(s) failed\n", g_failures);
        return 1;
    }
    return 0;
}

/// Marks the benchmark as failed.
inline void fail(benchmark::State &state, const std::string &what)
{
    ++g_failures;
    state.SkipWithError(what.c_str());
}

inline std::string str(const QString &s)
{
    return s.toStdString();
}

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

/// Runs a task to completion in a local event loop; nullopt if it did not finish in time.
template<class T>
std::optional<T> runFor(QCoro::Task<T> task, std::chrono::milliseconds timeout = std::chrono::seconds(10))
{
    std::optional<T> result;
    QEventLoop loop;
    QObject context;
    QCoro::connect(std::move(task), &context, [&](T r) {
        result = std::move(r);
        loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    return result;
}

/// A rate as a whole number for the summary tables ("-" when it did not run).
inline std::string formatRate(double rate)
{
    if (rate <= 0)
        return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", rate);
    return buf;
}

/// Microseconds per item of a rate ("-" when it did not run).
inline std::string formatMicros(double rate)
{
    if (rate <= 0)
        return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", 1e6 / rate);
    return buf;
}

} // namespace mas::bench
