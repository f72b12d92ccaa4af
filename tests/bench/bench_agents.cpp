// SPDX-License-Identifier: MIT
// The agent layer's costs, each against a baseline measured in the same run:
//   - agent calls: agent A (container 1) calls `add(1, 2)` on agent B (container 2) through the
//     proxy Container::connect() gave it, over TCP 127.0.0.1, one call at a time and with 100
//     in flight; baseline: a plain RpcClient calling `add(1, 2)` on an rpc::Router server.
//     The agent path adds the lookup of `agents/<aid>/add` and nothing else on the wire.
//   - connect: Container::connect() to an agent of a container not yet connected to (a new TCP
//     connection plus the `validate_aid` round trip), and again when the proxy is cached;
//     baseline: rpc::openConnection() plus one call.
//   - memory: bytes of heap per idle agent with 100,000 and 1,000,000 agents in one container
//     (mallinfo2 before and after; an agent with one exposed method, and a bare Agent).
// One iteration of a call benchmark is a batch of calls inside a QEventLoop, timed with
// QElapsedTimer (manual time). A summary with ratios follows the Google Benchmark output (console
// format only). The process exits non-zero if any benchmark failed.
//
//   bench_agents                                   # everything
//   bench_agents --benchmark_filter=memory         # only memory per agent

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/channel/connection.h>
#include <mas/observe/trafficmonitor.h>
#include <mas/rpc/router.h>
#include <mas/rpc/rpcclient.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <QCoro/QCoroTask>

#include <benchmark/benchmark.h>

#include "benchutil.h"
#include "ratecollector.h"

#include <malloc.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

using mas::bench::fail;
using mas::bench::g_failures;
using mas::bench::str;

using mas::bench::consoleFormat;
using mas::bench::formatRate;
using mas::bench::runFor;
using mas::bench::drainEvents;

using namespace std::chrono_literals;

constexpr int kBatchSerial = 2'000;
constexpr int kBatchPipelined = 20'000;
constexpr int kWarmUp = 500;
constexpr auto kBatchTimeout = 60s;


mas::Address loopback()
{
    return mas::Address::tcp(QStringLiteral("127.0.0.1"), 0);
}



/// An agent offering add(a, b), as the RPC baseline's router does.
class Adder : public mas::Agent
{
public:
    explicit Adder(mas::Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("add"), [](qint64 a, qint64 b) { return a + b; },
                        {QStringLiteral("a"), QStringLiteral("b")});
    }
};

// ---------------------------------------------------------------------------------------------
// batches of calls through any callable returning QCoro::Task<Result<Value>>

struct Batch
{
    int total = 0;
    int started = 0;
    int done = 0;
    int errors = 0;
    int workers = 0;
    std::string firstError;
    QEventLoop *loop = nullptr;
};

template<class Call>
QCoro::Task<void> worker(Call call, Batch *batch)
{
    while (batch->started < batch->total) {
        ++batch->started;
        const mas::Result<mas::Value> reply = co_await call();
        if (!reply || !(*reply == mas::Value(3))) {
            if (batch->errors++ == 0)
                batch->firstError = reply ? "wrong reply " + str(reply->toDisplayString(80)) : str(reply.error().toString());
            batch->total = batch->started;
            break;
        }
        ++batch->done;
    }
    if (--batch->workers == 0 && batch->loop)
        batch->loop->quit();
}

template<class Call>
double runBatch(Batch &batch, int calls, int inFlight, Call call)
{
    batch.total = calls;
    QEventLoop loop;
    batch.loop = &loop;
    QTimer::singleShot(kBatchTimeout, &loop, [&] {
        batch.errors++;
        batch.firstError = "the batch timed out";
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    batch.workers = std::min(inFlight, calls);
    for (int i = 0, n = batch.workers; i < n; ++i)
        worker(call, &batch);
    if (batch.workers > 0)
        loop.exec();
    batch.loop = nullptr;
    return double(timer.nsecsElapsed()) / 1e9;
}

template<class Call>
void measureCalls(benchmark::State &state, int inFlight, Call call)
{
    const int batchSize = inFlight == 1 ? kBatchSerial : kBatchPipelined;
    Batch warmUp;
    runBatch(warmUp, kWarmUp, inFlight, call);
    if (warmUp.errors > 0)
        return fail(state, "warm-up: " + warmUp.firstError);
    for (auto _ : state) {
        Batch batch;
        state.SetIterationTime(runBatch(batch, batchSize, inFlight, call));
        if (batch.errors > 0 || batch.done != batchSize)
            return fail(state, batch.errors > 0 ? batch.firstError : "calls missing");
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * batchSize);
}

mas::Value::List addArgs()
{
    mas::Value::List args;
    args.reserve(2);
    args.emplace_back(1);
    args.emplace_back(2);
    return args;
}

/// Agent-to-agent calls; `monitored`: a TrafficMonitor watches both containers (the Inspector
/// hosting a system on sockets), to measure what observation costs.
void agentCalls(benchmark::State &state, const QString &codec, int inFlight, bool monitored = false)
{
    mas::ContainerOptions options;
    options.codec = codec;
    std::unique_ptr<mas::Container> c1(mas::Container::createNow(loopback(), options).value());
    std::unique_ptr<mas::Container> c2(mas::Container::createNow(loopback(), options).value());
    auto *a = new Adder(c1.get());
    auto *b = new Adder(c2.get());
    mas::TrafficMonitor monitor;
    monitor.setRecording(false); // as the Inspector's: events go to its store, not kept twice
    qint64 events = 0;
    QObject::connect(&monitor, &mas::TrafficMonitor::eventRecorded, [&events](const mas::TrafficEvent &) { ++events; });
    if (monitored) {
        monitor.watch(c1.get());
        monitor.watch(c2.get());
    }
    std::optional<mas::Result<mas::rpc::Proxy>> proxy = runFor(a->connectTo(b->address()));
    if (!proxy || !*proxy)
        return fail(state, "connect failed");
    const mas::rpc::Proxy add = (**proxy)[QStringLiteral("add")];
    measureCalls(state, inFlight, [add] { return add.call(addArgs()); });
    if (monitored && events == 0)
        return fail(state, "the monitor saw nothing");
    c1.reset();
    c2.reset();
    drainEvents();
}

void rpcCalls(benchmark::State &state, const QString &codec, int inFlight)
{
    mas::rpc::Router router;
    router.expose(QStringLiteral("add"), [](qint64 a, qint64 b) { return a + b; },
                  {QStringLiteral("a"), QStringLiteral("b")});
    mas::ChannelOptions options;
    options.codec = codec;
    QPointer<mas::ChannelServer> server = mas::rpc::startServer(loopback(), &router, {}, options).value();
    auto client = runFor(mas::rpc::openConnection(server->address(), nullptr, options));
    if (!client || !*client)
        return fail(state, "connect failed");
    mas::rpc::RpcClient *rpc = (*client)->get();
    measureCalls(state, inFlight, [rpc] { return rpc->call(QStringLiteral("add"), addArgs()); });
    client.reset();
    delete server.data();
    drainEvents();
}

// ---------------------------------------------------------------------------------------------
// connect cost

/// One iteration: a fresh client container connects to agent 0 of a running container.
void containerConnect(benchmark::State &state, bool cached)
{
    std::unique_ptr<mas::Container> target(mas::Container::createNow(loopback()).value());
    new Adder(target.get());
    const QString url = target->baseAddress() + u'0';
    std::unique_ptr<mas::Container> reused;
    if (cached) {
        reused.reset(mas::Container::createNow(loopback()).value());
        if (!runFor(reused->connect(url)).value_or(mas::Error()))
            return fail(state, "first connect failed");
    }
    for (auto _ : state) {
        std::unique_ptr<mas::Container> fresh;
        mas::Container *client = reused.get();
        if (!cached) {
            fresh.reset(mas::Container::createNow(loopback()).value());
            client = fresh.get();
        }
        QElapsedTimer timer;
        timer.start();
        std::optional<mas::Result<mas::rpc::Proxy>> proxy = runFor(client->connect(url));
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        if (!proxy || !*proxy)
            return fail(state, "connect failed");
        if (!cached) {
            fresh.reset();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        }
    }
    state.SetItemsProcessed(state.iterations());
    reused.reset();
    target.reset();
    drainEvents();
}

/// The baseline: rpc::openConnection() plus one call (what connect() does underneath).
void rpcConnect(benchmark::State &state)
{
    mas::rpc::Router router;
    router.expose(QStringLiteral("validate_aid"), [](const QString &) { return QStringLiteral("Adder"); });
    QPointer<mas::ChannelServer> server = mas::rpc::startServer(loopback(), &router).value();
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        auto client = runFor(mas::rpc::openConnection(server->address()));
        if (!client || !*client)
            return fail(state, "connect failed");
        mas::Value::List args;
        args.emplace_back(QStringLiteral("0"));
        auto reply = runFor((*client)->get()->call(QStringLiteral("validate_aid"), std::move(args)));
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        if (!reply || !*reply)
            return fail(state, "call failed");
        client.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    state.SetItemsProcessed(state.iterations());
    delete server.data();
    drainEvents();
}

// ---------------------------------------------------------------------------------------------
// memory per agent

std::map<std::string, double> g_bytesPerAgent;

size_t heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

template<class A>
void memoryPerAgent(benchmark::State &state, const std::string &name)
{
    const int count = int(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        std::unique_ptr<mas::Container> container(mas::Container::createNow(loopback()).value());
        malloc_trim(0);
        const size_t before = heapInUse();
        state.ResumeTiming();
        for (int i = 0; i < count; ++i)
            new A(container.get());
        state.PauseTiming();
        const size_t after = heapInUse();
        if (container->agentCount() != count)
            return fail(state, "agents missing");
        const double perAgent = double(after - before) / count;
        state.counters["bytes_per_agent"] = perAgent;
        g_bytesPerAgent[name + "/" + std::to_string(count)] = perAgent;
        container.reset();
        drainEvents();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * count);
}

class IdleAgent : public mas::Agent
{
public:
    explicit IdleAgent(mas::Container *c)
        : Agent(c)
    {}
};

// ---------------------------------------------------------------------------------------------

void add(const std::string &name, std::function<void(benchmark::State &)> fn, bool manual = true)
{
    auto *b = benchmark::RegisterBenchmark(name.c_str(), std::move(fn))->Unit(benchmark::kMillisecond);
    if (manual)
        b->UseManualTime();
}



} // namespace

int main(int argc, char **argv)
{
    const bool printTable = consoleFormat(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QCoreApplication app(argc, argv);

    struct Row
    {
        std::string label, agent, rpc, monitored;
    };
    std::vector<Row> rows;
    for (int inFlight : {1, 100}) {
        for (const QString &codec : {QStringLiteral("json"), QStringLiteral("msgpack")}) {
            const std::string suffix = str(codec) + "/inflight:" + std::to_string(inFlight);
            add("rpc_calls/" + suffix, [=](benchmark::State &s) { rpcCalls(s, codec, inFlight); });
            add("agent_calls/" + suffix, [=](benchmark::State &s) { agentCalls(s, codec, inFlight); });
            add("agent_calls_monitored/" + suffix, [=](benchmark::State &s) { agentCalls(s, codec, inFlight, true); });
            rows.push_back({suffix, "agent_calls/" + suffix, "rpc_calls/" + suffix, "agent_calls_monitored/" + suffix});
        }
    }
    add("rpc_open_and_call", rpcConnect);
    add("container_connect/new", [](benchmark::State &s) { containerConnect(s, false); });
    add("container_connect/cached", [](benchmark::State &s) { containerConnect(s, true); });
    benchmark::RegisterBenchmark("memory/agent_with_method", [](benchmark::State &s) { memoryPerAgent<Adder>(s, "agent_with_method"); })
        ->Arg(100'000)
        ->Arg(1'000'000)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("memory/bare_agent", [](benchmark::State &s) { memoryPerAgent<IdleAgent>(s, "bare_agent"); })
        ->Arg(100'000)
        ->Arg(1'000'000)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);

    mas::bench::RateCollector collector(benchmark::CreateDefaultDisplayReporter());
    benchmark::RunSpecifiedBenchmarks(&collector);
    if (printTable) {
        std::printf("\nSummary: add(1, 2) calls per second over TCP 127.0.0.1, both ends in one thread.\n"
                    "agent/RPC: time per agent call relative to a plain RPC call (RPC calls/s / agent calls/s).\n"
                    "monitored: time per agent call with a TrafficMonitor on both containers, relative to none.\n\n");
        std::printf("%-22s %14s %14s %10s %12s\n", "case", "agent calls/s", "RPC calls/s", "agent/RPC", "monitored");
        for (const Row &row : rows) {
            const double agent = collector.itemRate(row.agent);
            const double rpc = collector.itemRate(row.rpc);
            if (agent <= 0 && rpc <= 0)
                continue;
            char ratio[32] = "-";
            if (agent > 0 && rpc > 0)
                std::snprintf(ratio, sizeof ratio, "%.2f", rpc / agent);
            // monitored: time per agent call with a TrafficMonitor on both ends, relative to none.
            const double monitored = collector.itemRate(row.monitored);
            char watched[32] = "-";
            if (agent > 0 && monitored > 0)
                std::snprintf(watched, sizeof watched, "%.2f", agent / monitored);
            std::printf("%-22s %14s %14s %10s %12s\n", row.label.c_str(), formatRate(agent).c_str(), formatRate(rpc).c_str(), ratio,
                        watched);
        }
        const double base = collector.itemRate("rpc_open_and_call");
        for (const char *name : {"container_connect/new", "container_connect/cached"}) {
            const double r = collector.itemRate(name);
            if (r > 0)
                std::printf("\n%-26s %10.1f us  (open_connection + call: %.1f us, ratio %.2f)", name, 1e6 / r,
                            base > 0 ? 1e6 / base : 0.0, base > 0 ? base / r : 0.0);
        }
        std::printf("\n");
        for (const auto &[name, bytes] : g_bytesPerAgent)
            std::printf("\nmemory %-30s %8.0f bytes per agent", name.c_str(), bytes);
        std::printf("\n");
        std::fflush(stdout);
    }
    return mas::bench::finishBenchmarks();
}
