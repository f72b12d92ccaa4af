// SPDX-License-Identifier: MIT
// The interleaving explorer on the teaching demos: schedules per second and distinct states
// per second of a depth-first search, with both reductions (partial-order reduction and state
// caching), with one of them, and with none, each within the same time budget. Searches run
// through the event loop (every schedule builds a fresh system), so they are timed with the
// explorer's own clock, not Google Benchmark. The rates are comparable within one run; what the
// reductions buy shows in the schedules a search needs to finish ("verified" in the budget).
//
//   bench_explorer [SECONDS]   budget per search (default 3; the smoke test uses 0.2)

#include "benchutil.h"

#include <mas/demos/explorer.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <string>
#include <vector>

namespace {

struct Row
{
    const char *demo;
    int agents;
    int rounds;
};

struct Configuration
{
    const char *name;
    bool partialOrderReduction;
    bool stateCaching;
};

std::string rate(qint64 count, qint64 ms)
{
    return mas::bench::formatRate(ms > 0 ? double(count) * 1000.0 / double(ms) : 0.0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!mas::demos::registerDemos())
        return 1;
    double seconds = 3;
    if (argc > 1) {
        bool ok = false;
        seconds = QString::fromLocal8Bit(argv[1]).toDouble(&ok);
        if (!ok || seconds <= 0) {
            std::fprintf(stderr, "usage: bench_explorer [SECONDS]\n");
            return 2;
        }
    }
    const std::vector<Row> rows{
        {"leader-election", 3, 1}, {"leader-election", 4, 1}, {"echo", 4, 1},
        {"ping-pong", 4, 2},       {"contract-net", 4, 1},    {"two-phase-commit", 4, 1},
    };
    const std::vector<Configuration> configurations{
        {"por+cache", true, true},
        {"por", true, false},
        {"cache", false, true},
        {"none", false, false},
    };
    std::printf("Depth-first search, %.1f s budget per search, Debug/Release as built.\n", seconds);
    std::printf("%-18s %2s %-10s %-19s %9s %9s %10s %11s %11s\n", "demo", "n", "reduction",
                "verdict", "schedules", "distinct", "ms", "schedules/s", "distinct/s");
    int failures = 0;
    for (const Row &row : rows) {
        for (const Configuration &c : configurations) {
            mas::demos::DemoParameters parameters;
            parameters.agents = row.agents;
            parameters.rounds = row.rounds;
            mas::demos::ExplorerOptions options;
            options.partialOrderReduction = c.partialOrderReduction;
            options.stateCaching = c.stateCaching;
            options.maxSchedules = 1'000'000;
            options.maxTime = std::chrono::milliseconds(qint64(seconds * 1000));
            mas::demos::Explorer explorer(QString::fromLatin1(row.demo), parameters, options);
            const std::optional<mas::demos::ExplorerResult> result = mas::bench::runFor(
                explorer.run(), std::chrono::milliseconds(qint64(seconds * 1000) + 30'000));
            if (!result || result->verdict == mas::demos::ExplorerResult::Verdict::Failed
                || result->verdict == mas::demos::ExplorerResult::Verdict::Violation) {
                std::fprintf(stderr, "%s n=%d %s: %s\n", row.demo, row.agents, c.name,
                             result ? qPrintable(result->error) : "did not finish");
                ++failures;
                continue;
            }
            const mas::demos::ExplorerStatistics &s = result->statistics;
            std::printf(
                "%-18s %2d %-10s %-19s %9lld %9lld %10lld %11s %11s\n", row.demo, row.agents,
                c.name, qPrintable(mas::demos::ExplorerResult::verdictName(result->verdict)),
                static_cast<long long>(s.schedules), static_cast<long long>(s.distinctStates),
                static_cast<long long>(s.searchMs), rate(s.schedules, s.searchMs).c_str(),
                rate(s.distinctStates, s.searchMs).c_str());
            std::fflush(stdout);
            mas::bench::drainEvents();
        }
    }
    mas::LocalQueue::clearCache();
    return failures == 0 ? 0 : 1;
}
