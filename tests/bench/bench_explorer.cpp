// SPDX-License-Identifier: MIT
// The interleaving explorer on the teaching demos: schedules per second and distinct states
// per second of a depth-first search, with both reductions (partial-order reduction and state
// caching), with one of them, and with none, each within the same time budget, and each with
// both strategies: replay (the baseline: every branch re-executes its prefix on a fresh system)
// and fork (every choice point kept in a forked process), with the ratio of their distinct
// states per second, and for replay the bound that its own rebuilding sets on any strategy
// (ExplorerStatistics::rebuildShare). Searches run through the event loop, so they are timed
// with the explorer's own clock, not Google Benchmark. The rates are comparable within one run; what the
// reductions buy shows in the schedules a search needs to finish ("verified" in the budget).
//
//   bench_explorer [SECONDS [DEMO [STRATEGY [REDUCTION]]]]   budget per search (default 3; the
//       smoke test uses 0.2), only the rows of DEMO, only STRATEGY, only REDUCTION (profiling;
//       "all" or "" for every one). "steps" counts the steps done, re-executed ones included.
//
// It also prints what one fork() of this process costs (fork, the child's _exit, waitpid):
// the floor of what the fork strategy pays per schedule, before any copy-on-write fault.

#include "benchutil.h"

#include <mas/demos/explorer.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include <cerrno>
#include <cstdio>
#include <string>
#include <vector>

#if defined(Q_OS_LINUX)
#include <sys/wait.h>
#include <unistd.h>
#endif

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

double perSecond(qint64 count, qint64 ms)
{
    return ms > 0 ? double(count) * 1000.0 / double(ms) : 0.0;
}

/// Microseconds per fork() of this process whose child exits at once, reaped; 0: no fork().
double forkMicroseconds()
{
#if defined(Q_OS_LINUX)
    constexpr int forks = 20;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < forks; ++i) {
        const pid_t pid = ::fork();
        if (pid < 0)
            return 0;
        if (pid == 0)
            ::_exit(0);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    return double(timer.nsecsElapsed()) / 1000.0 / forks;
#else
    return 0;
#endif
}

bool selected(const QString &wanted, const char *name)
{
    return wanted.isEmpty() || wanted == u"all" || wanted == QLatin1String(name);
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
            std::fprintf(stderr,
                         "usage: bench_explorer [SECONDS [DEMO [replay|fork [REDUCTION]]]]\n");
            return 2;
        }
    }
    const QString only = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    const QString onlyReduction = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString();
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
    using Strategy = mas::demos::ExplorerOptions::Strategy;
    std::vector<Strategy> strategies{Strategy::Replay};
    if (mas::demos::Explorer::canFork())
        strategies.push_back(Strategy::Fork);
    else
        std::printf("fork() is not available here: the replay strategy only.\n");
    if (argc > 3) {
        const QString name = QString::fromLocal8Bit(argv[3]);
        std::erase_if(strategies, [&name](Strategy s) {
            return !selected(name, qPrintable(mas::demos::ExplorerResult::strategyName(s)));
        });
    }
    std::printf("Depth-first search, %.1f s budget per search, Debug/Release as built.\n"
                "Baseline: replay; ratio: fork's distinct states/s over replay's. bound (replay\n"
                "rows): its processor time over that time less rebuilding systems and\n"
                "re-executing prefixes: the most a strategy whose restore cost nothing could\n"
                "gain on it.\n",
                seconds);
    if (mas::demos::Explorer::canFork())
        std::printf("One fork() of this process, its child exiting at once: %.0f us.\n",
                    forkMicroseconds());
    std::printf("%-18s %2s %-10s %-7s %-19s %9s %9s %9s %8s %11s %11s %7s %7s\n", "demo", "n",
                "reduction", "strategy", "verdict", "schedules", "distinct", "steps", "ms",
                "schedules/s", "distinct/s", "ratio", "bound");
    int failures = 0;
    for (const Row &row : rows) {
        if (!selected(only, row.demo))
            continue;
        for (const Configuration &c : configurations) {
            if (!selected(onlyReduction, c.name))
                continue;
            double baseline = 0;
            for (Strategy strategy : strategies) {
                mas::demos::DemoParameters parameters;
                parameters.agents = row.agents;
                parameters.rounds = row.rounds;
                mas::demos::ExplorerOptions options;
                options.partialOrderReduction = c.partialOrderReduction;
                options.stateCaching = c.stateCaching;
                options.maxSchedules = 1'000'000;
                options.maxTime = std::chrono::milliseconds(qint64(seconds * 1000));
                options.strategy = strategy;
                mas::demos::Explorer explorer(QString::fromLatin1(row.demo), parameters, options);
                const std::optional<mas::demos::ExplorerResult> result = mas::bench::runFor(
                    explorer.run(), std::chrono::milliseconds(qint64(seconds * 1000) + 60'000));
                const QString strategyName = mas::demos::ExplorerResult::strategyName(strategy);
                if (!result || result->verdict == mas::demos::ExplorerResult::Verdict::Failed
                    || result->verdict == mas::demos::ExplorerResult::Verdict::Violation) {
                    std::fprintf(stderr, "%s n=%d %s %s: %s\n", row.demo, row.agents, c.name,
                                 qPrintable(strategyName),
                                 result ? qPrintable(result->error) : "did not finish");
                    ++failures;
                    continue;
                }
                const mas::demos::ExplorerStatistics &s = result->statistics;
                const double distinctRate = perSecond(s.distinctStates, s.searchMs);
                std::string ratio = "-";
                std::string bound = "-";
                if (strategy == Strategy::Replay) {
                    baseline = distinctRate;
                    if (s.rebuildShare < 1) {
                        char text[32];
                        std::snprintf(text, sizeof text, "%.1fx", 1 / (1 - s.rebuildShare));
                        bound = text;
                    }
                } else if (baseline > 0) {
                    char text[32];
                    std::snprintf(text, sizeof text, "%.1fx", distinctRate / baseline);
                    ratio = text;
                }
                std::printf(
                    "%-18s %2d %-10s %-8s %-19s %9lld %9lld %9lld %8lld %11s %11s %7s %7s\n", row.demo,
                    row.agents, c.name, qPrintable(strategyName),
                    qPrintable(mas::demos::ExplorerResult::verdictName(result->verdict)),
                    static_cast<long long>(s.schedules), static_cast<long long>(s.distinctStates),
                    static_cast<long long>(s.transitions), static_cast<long long>(s.searchMs),
                    mas::bench::formatRate(perSecond(s.schedules, s.searchMs)).c_str(),
                    mas::bench::formatRate(distinctRate).c_str(), ratio.c_str(), bound.c_str());
                std::fflush(stdout);
                mas::bench::drainEvents();
            }
        }
    }
    mas::LocalQueue::clearCache();
    return failures == 0 ? 0 : 1;
}
