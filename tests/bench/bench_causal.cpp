// SPDX-License-Identifier: MIT
// The causal slice and the folding of rounds (trace/causalslice.h) on a large log (aim, issue 24:
// a slice and a fold of 1,000,000 events each under 100 ms). Generated events (the tests' random
// logs: requests, replies, drops, duplicates, delays, clock moves among 8 agents); the index is
// built once (CausalIndex::build), then slices of events early, in the middle and late in the
// log are asked for, and the rows are folded (foldRounds).
//
// Appending batches (a slice shown while a system runs): the last 100 batches of 100 events are
// appended to an index, a slice and a fold of the events before them (CausalIndex::extend,
// extendSlice, RoundFolder::append); the cost per batch is set against what a batch cost before
// (the index built, the slice taken and the rows folded again over all events).
//
// Baseline in the same run: one plain pass over the events that looks up each event's lane in a
// hash (the least an index of lanes costs). Times are the process's CPU time (what the work
// costs, also on a loaded machine), with the wall-clock time beside it.
//
//   bench_causal [EVENTS]      (default 1,000,000)

#include "../testlib/randomtrafficlog.h"

#include <mas/trace/causalslice.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace mas;

namespace {

double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Timing
{
    double cpu = 0;
    double wall = 0;
};

template<class F>
Timing measure(F &&f)
{
    QElapsedTimer wall;
    wall.start();
    const double start = cpuMs();
    f();
    return {cpuMs() - start, double(wall.nsecsElapsed()) / 1e6};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    if (count < 10) {
        std::fprintf(stderr, "bench_causal: EVENTS must be at least 10\n");
        return 2;
    }
    test::RandomLogOptions options;
    options.events = count;
    options.agents = 8;
    options.seed = 42;
    const std::vector<TrafficEvent> log = test::randomTrafficLog(options);
    const CausalIndex::EventAt at = [&log](qsizetype i) -> const TrafficEvent & { return log[size_t(i)]; };

    qsizetype lanes = 0;
    const Timing baseline = measure([&] {
        QHash<QStringView, int> ids;
        for (const TrafficEvent &e : log)
            ids.insert(CausalIndex::laneOf(e.kind == TrafficEvent::Kind::Delivered ? e.to : e.from), 0);
        lanes = ids.size();
    });
    CausalIndex index;
    const Timing build = measure([&] { index = CausalIndex::build(qsizetype(log.size()), at); });

    std::vector<Timing> slices;
    qsizetype marked = 0;
    for (const double where : {0.001, 0.25, 0.5, 0.75, 0.999}) {
        const qsizetype event = qsizetype(double(count - 1) * where);
        slices.push_back(measure([&] {
            const CausalIndex::Slice s = index.slice(event);
            marked += s.past + s.future;
        }));
    }
    std::vector<RoundFold> folds;
    const Timing fold = measure([&] { folds = foldRounds(qsizetype(log.size()), at); });
    qsizetype foldedRows = 0;
    for (const RoundFold &f : folds)
        foldedRows += f.rows();

    // appending batches at the end of the log
    constexpr qsizetype kBatch = 100;
    const qsizetype batches = std::min<qsizetype>(100, count / kBatch / 2);
    const qsizetype head = count - batches * kBatch;
    CausalIndex grown = CausalIndex::build(head, at);
    CausalIndex::Slice grownSlice = grown.slice(head / 2);
    RoundFolder folder;
    folder.append(head, at);
    qsizetype appended = 0;
    const Timing batchesTime = measure([&] {
        for (qsizetype b = 1; b <= batches; ++b) {
            grown.extend(head + b * kBatch, at);
            appended += grown.extendSlice(grownSlice);
            folder.append(head + b * kBatch, at);
        }
    });
    size_t refolded = 0;
    const Timing rebuild = measure([&] {
        const CausalIndex again = CausalIndex::build(qsizetype(log.size()), at);
        marked += again.slice(head / 2).future;
        refolded = foldRounds(qsizetype(log.size()), at).size();
    });
    const bool same = folder.folds() == folds && refolded == folds.size() && grownSlice.marks == index.slice(head / 2).marks;

    const auto worst = *std::max_element(slices.begin(), slices.end(), [](const Timing &a, const Timing &b) { return a.cpu < b.cpu; });
    double sum = 0;
    for (const Timing &t : slices)
        sum += t.cpu;
    std::printf("events: %lld, lanes: %lld\n", static_cast<long long>(count), static_cast<long long>(lanes));
    std::printf("baseline (one pass, lanes hashed): %8.1f ms CPU (%8.1f ms wall)\n", baseline.cpu, baseline.wall);
    std::printf("index build:                       %8.1f ms CPU (%8.1f ms wall)  %.2fx the baseline\n", build.cpu,
                build.wall, build.cpu / std::max(baseline.cpu, 0.001));
    std::printf("slice (5 events, mean / worst):    %8.1f ms CPU / %.1f ms (worst wall %.1f ms)  aim: under 100 ms; "
                "%lld events marked in all\n",
                sum / double(slices.size()), worst.cpu, worst.wall, static_cast<long long>(marked));
    std::printf("fold:                              %8.1f ms CPU (%8.1f ms wall)  aim: under 100 ms; %lld folds, "
                "%lld rows folded\n",
                fold.cpu, fold.wall, static_cast<long long>(folds.size()), static_cast<long long>(foldedRows));
    const double perBatch = batchesTime.cpu / double(std::max<qsizetype>(batches, 1));
    std::printf("append a batch of %lld (mean of %lld): %8.3f ms CPU (%8.3f ms wall) against %.1f ms CPU rebuilding "
                "index, slice and fold: %.0fx less; %s\n",
                static_cast<long long>(kBatch), static_cast<long long>(batches), perBatch,
                batchesTime.wall / double(std::max<qsizetype>(batches, 1)), rebuild.cpu,
                rebuild.cpu / std::max(perBatch, 0.001), same ? "equal to the whole" : "DIFFERENT from the whole");
    return marked > 0 && same && appended == batches * kBatch ? 0 : 1;
}
