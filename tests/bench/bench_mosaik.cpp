// SPDX-License-Identifier: MIT
// What the mosaik layer costs: a co-simulation step as mosaik drives the C++ Counter simulator
// (a `step` request with the recorded inputs for three entities, then `get_data` for their
// counts) over TCP on 127.0.0.1, against the same two round trips of the same content to a
// plain RPC service (a Router exposing `step` and `get_data` that answer like the Counter) in
// the same run. Both peers live in this process and thread. One iteration is a batch of steps,
// one after the other as mosaik does them, timed with QElapsedTimer (manual time). The summary
// prints steps/s and the ratio of the time per step (mosaik / plain RPC).
//
//   bench_mosaik
//   bench_mosaik --benchmark_repetitions=5

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/mosaik/simulator.h>
#include <mas/rpc/router.h>
#include <mas/rpc/rpcclient.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <benchmark/benchmark.h>

#include "benchutil.h"
#include <mas/mosaik/counter.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>

namespace {

using namespace std::chrono_literals;

constexpr int kBatch = 1'000; // steps per iteration
using mas::bench::fail;
using mas::bench::g_failures;
std::map<std::string, double> g_secondsPerStep;

mas::Value request(const char *name, mas::Value::List args)
{
    return mas::Value::list({mas::Value(name), mas::Value(std::move(args)), mas::Value::map()});
}

/// The recorded step inputs: delta 1, 2, 3 from three sources into Counter_0..2.
mas::Value inputs()
{
    mas::Value::Map map;
    for (int i = 0; i < 3; ++i) {
        const QString eid = QStringLiteral("Counter_%1").arg(i);
        const QString source = QStringLiteral("Source-0.Src_%1").arg(i);
        map.emplace_back(mas::Value(eid),
                         mas::Value::map({{mas::Value("delta"), mas::Value::map({{mas::Value(source), mas::Value(i + 1)}})}}));
    }
    return mas::Value(std::move(map));
}

mas::Value outputs()
{
    mas::Value::Map map;
    for (int i = 0; i < 3; ++i)
        map.emplace_back(mas::Value(QStringLiteral("Counter_%1").arg(i)), mas::Value::list({mas::Value("count")}));
    return mas::Value(std::move(map));
}

/// Runs `kBatch` steps (step + get_data) from `mosaik`, starting at time `t0`.
QCoro::Task<int> steps(mas::Channel *mosaik, qint64 t0)
{
    const mas::Value in = inputs();
    const mas::Value out = outputs();
    int errors = 0;
    for (qint64 t = t0; t < t0 + kBatch; ++t) {
        mas::Value::List stepArgs{mas::Value(t), in, mas::Value(t0 + kBatch + 1)};
        mas::Value stepRequest = request("step", std::move(stepArgs));
        mas::Result<mas::Value> next = co_await mosaik->send(std::move(stepRequest), 10s);
        mas::Value::List dataArgs{out};
        mas::Value dataRequest = request("get_data", std::move(dataArgs));
        mas::Result<mas::Value> data = co_await mosaik->send(std::move(dataRequest), 10s);
        errors += !next || next->toInt() != t + 1 || !data || !data->isMap();
    }
    co_return errors;
}

void runBatches(benchmark::State &state, mas::Channel *mosaik, const std::string &name)
{
    qint64 t = 0;
    double total = 0;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        std::optional<int> errors = mas::bench::runFor(steps(mosaik, t), 60s);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        state.SetIterationTime(seconds);
        total += seconds;
        t += kBatch;
        if (!errors || *errors) {
            fail(state, errors ? "a step failed" : "a batch timed out");
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * kBatch);
    g_secondsPerStep[name] = total / double(state.iterations() * kBatch);
}

std::unique_ptr<mas::Channel> connectTo(const mas::Address &address)
{
    std::optional<mas::Result<std::unique_ptr<mas::Channel>>> c = mas::bench::runFor(mas::openConnection(address));
    return c && *c ? std::move(**c) : nullptr;
}

void mosaikCounter(benchmark::State &state)
{
    mas::mosaik::CounterSimulator simulator;
    mas::Result<mas::Address> address = simulator.listen(mas::Address::tcp(QStringLiteral("127.0.0.1"), 0));
    std::unique_ptr<mas::Channel> mosaik = address ? connectTo(*address) : nullptr;
    if (!mosaik) {
        fail(state, "cannot connect");
        return;
    }
    mas::Value::Map init{{mas::Value("time_resolution"), mas::Value(1.0)}};
    (void)mas::bench::runFor(mosaik->send(mas::Value::list({mas::Value("init"), mas::Value::list({mas::Value("Sim-0")}), mas::Value(init)})));
    (void)mas::bench::runFor(mosaik->send(mas::Value::list({mas::Value("create"), mas::Value::list({mas::Value(3), mas::Value("Counter")}), mas::Value::map({{mas::Value("init"), mas::Value(0)}})})));
    runBatches(state, mosaik.get(), "mosaik/step+get_data");
    mas::bench::drainEvents();
}

void plainRpc(benchmark::State &state)
{
    // The same answers without the mosaik layer: the next time, and the three counts.
    mas::rpc::Router router;
    qint64 counts[3] = {0, 0, 0};
    router.expose(QStringLiteral("step"), [&counts](qint64 time, const mas::Value &, qint64) {
        for (int i = 0; i < 3; ++i)
            counts[i] += i + 1;
        return time + 1;
    });
    router.expose(QStringLiteral("get_data"), [&counts](const mas::Value &) {
        mas::Value::Map map;
        for (int i = 0; i < 3; ++i)
            map.emplace_back(mas::Value(QStringLiteral("Counter_%1").arg(i)),
                             mas::Value::map({{mas::Value("count"), mas::Value(counts[i])}}));
        return mas::Value(std::move(map));
    });
    mas::Result<mas::ChannelServer *> server = mas::rpc::startServer(mas::Address::tcp(QStringLiteral("127.0.0.1"), 0), &router);
    std::unique_ptr<mas::Channel> mosaik = server ? connectTo((*server)->address()) : nullptr;
    if (!mosaik) {
        fail(state, "cannot connect");
        return;
    }
    runBatches(state, mosaik.get(), "rpc/step+get_data");
    mosaik.reset();
    delete *server;
    mas::bench::drainEvents();
}

} // namespace

int main(int argc, char **argv)
{
    const bool printTable = mas::bench::consoleFormat(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QCoreApplication app(argc, argv);
    // The baseline right before the case it is compared with, so both see the same load.
    benchmark::RegisterBenchmark("rpc/step+get_data", plainRpc)->UseManualTime()->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("mosaik/step+get_data", mosaikCounter)->UseManualTime()->Unit(benchmark::kMicrosecond);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    if (printTable && g_secondsPerStep.count("rpc/step+get_data") && g_secondsPerStep.count("mosaik/step+get_data")) {
        const double rpc = g_secondsPerStep["rpc/step+get_data"];
        const double mosaik = g_secondsPerStep["mosaik/step+get_data"];
        std::printf("\n%-22s %12s %12s\n", "case", "steps/s", "vs rpc");
        std::printf("%-22s %12.0f %12s\n", "plain rpc", 1.0 / rpc, "1.00");
        std::printf("%-22s %12.0f %12.2f\n", "mosaik Counter", 1.0 / mosaik, mosaik / rpc);
    }
    return g_failures ? 1 : 0;
}
