// SPDX-License-Identifier: MIT
#pragma once

// A Google Benchmark reporter shared by the benchmarks: it forwards everything to the normal
// display and remembers each benchmark's rates for the summary tables (the median when the run
// has repetitions, which is robust against other processes on the machine, and the fastest
// repetition).

#include "benchutil.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace mas::bench {

struct Rates
{
    double bytesPerSecond = 0;
    double itemsPerSecond = 0;
    bool median = false;
    /// The fastest repetition's items per second (with repetitions; else the one run's): other
    /// work on the machine only ever slows a run down, so on a noisy machine the fastest runs
    /// of two cases compare more steadily than their medians.
    double fastestItemsPerSecond = 0;
    int repetitions = 0;
};

class RateCollector : public benchmark::BenchmarkReporter
{
public:
    explicit RateCollector(benchmark::BenchmarkReporter *display)
        : m_display(display)
    {}

    bool ReportContext(const Context &context) override
    {
        m_display->SetOutputStream(&GetOutputStream());
        m_display->SetErrorStream(&GetErrorStream());
        return m_display->ReportContext(context);
    }

    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs) {
            const bool isMedian =
                run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
            if ((run.run_type == Run::RT_Aggregate && !isMedian) || run.error_occurred)
                continue;
            Rates &rates = m_rates[run.run_name.function_name];
            if (run.run_type == Run::RT_Iteration) {
                rates.fastestItemsPerSecond = std::max(rates.fastestItemsPerSecond, counter(run, "items_per_second"));
                ++rates.repetitions;
            }
            if (rates.median && !isMedian)
                continue;
            rates.bytesPerSecond = counter(run, "bytes_per_second");
            rates.itemsPerSecond = counter(run, "items_per_second");
            rates.median = isMedian;
        }
        m_display->ReportRuns(runs);
    }

    void Finalize() override { m_display->Finalize(); }

    /// The rates of a benchmark, or nullptr if it did not run or failed.
    const Rates *rates(const std::string &name) const
    {
        auto it = m_rates.find(name);
        return it == m_rates.end() || it->second.itemsPerSecond <= 0 ? nullptr : &it->second;
    }

    /// The fastest repetition's items per second, or 0 if it did not run or failed.
    double fastestItemRate(const std::string &name) const
    {
        const Rates *r = rates(name);
        return r ? r->fastestItemsPerSecond : 0.0;
    }
    /// How many times it ran (its repetitions), or 0.
    int repetitions(const std::string &name) const
    {
        const Rates *r = rates(name);
        return r ? r->repetitions : 0;
    }

    /// Items (messages, round trips) per second, or 0 if it did not run or failed.
    double itemRate(const std::string &name) const
    {
        const Rates *r = rates(name);
        return r ? r->itemsPerSecond : 0.0;
    }

private:
    static double counter(const Run &run, const char *name)
    {
        auto it = run.counters.find(name);
        return it == run.counters.end() ? 0.0 : double(it->second);
    }

    benchmark::BenchmarkReporter *m_display;
    std::map<std::string, Rates> m_rates;
};

/// Runs the benchmarks registered so far through a RateCollector and, when they print to the
/// console, `summary(collector)` after them; then finishBenchmarks().
template<class Summary>
int runWithSummary(bool printTable, Summary summary)
{
    RateCollector collector(benchmark::CreateDefaultDisplayReporter());
    benchmark::RunSpecifiedBenchmarks(&collector);
    if (printTable) {
        summary(collector);
        std::fflush(stdout);
    }
    return finishBenchmarks();
}

} // namespace mas::bench
