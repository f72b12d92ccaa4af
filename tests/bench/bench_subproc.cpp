// SPDX-License-Identifier: MIT
// Sub-process containers spreading work over cores: a ring of 16 agents (mas.bench:RingAgent,
// from the bench-only plug-in ringplugin.cpp) passes tokens around; each hop is one agent
// calling its successor's token(hops_left) (a request and its reply; the handler fires the next
// call and answers at once). The agents are spread round-robin over 1, 2 and 4 `mas subproc`
// processes (started by mas::SubprocessContainers), so with 2 or more processes every hop
// crosses a process boundary. Baseline, in the same run: the same ring in the benchmark's own
// container (no child process).
//
// One iteration injects `tokens` tokens, spread evenly over the ring, of 32,000 / tokens hops
// each, and ends when the last agent of every token has called done() on a sink agent in the
// benchmark's container (manual time, QElapsedTimer). Tokens: 1 (nothing runs in parallel: the
// cost of a hop), 16 and 64 (every process has work). The "cores" column is the CPU time of the
// benchmark process and its children per wall-clock second (from /proc), i.e. how many cores
// the ring kept busy. A summary with ratios follows the Google Benchmark output (console format
// only). The process exits non-zero if any benchmark failed.
//
// The children are stopped before the next configuration starts and at exit (stop(), then
// SIGTERM/SIGKILL); they also exit on their own when this process dies (their stdin pipe
// closes). Every wait has a timeout.
//
//   bench_subproc
//   bench_subproc --benchmark_filter=tokens:16 --benchmark_repetitions=3

#include "benchutil.h"
#include "ratecollector.h"

#include <mas/agent/agent.h>
#include <mas/agent/agentregistry.h>
#include <mas/agent/container.h>
#include <mas/agent/subprocess.h>
#include <mas/rpc/rpcclient.h>

#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QThread>
#include <QTimer>

#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using mas::bench::fail;
using mas::bench::g_failures;
using mas::bench::str;

using mas::bench::consoleFormat;
using mas::bench::drainEvents;
using mas::bench::formatRate;
using mas::bench::runFor;

using namespace std::chrono_literals;

constexpr int kRingSize = 16;
constexpr qint64 kHopsPerBatch = 32'000; // per iteration, split evenly over its tokens
const QString kRingAgent = QStringLiteral("mas.bench:RingAgent");
constexpr auto kStepTimeout = 30s;  // one setup step (start, spawn, link, stats)
constexpr auto kBatchTimeout = 60s; // one iteration
constexpr auto kStopTimeout = 30s;  // stopping the children (stop() escalates on its own)

std::map<std::string, double> g_cores; // benchmark name -> cores busy

// ---------------------------------------------------------------------------------------------
// CPU time of this process and the children, to show how many cores the ring keeps busy

double selfCpuSeconds()
{
    struct rusage usage = {};
    if (::getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// utime + stime of a running child from /proc/<pid>/stat (0 where /proc is missing).
double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return 0;
    // After "pid (comm) ": state is field 3; utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    return ticks > 0 ? (fields[11].toDouble() + fields[12].toDouble()) / ticks : 0;
}

// ---------------------------------------------------------------------------------------------
// the sink in the benchmark's container: the last agent of each token calls done()

struct Batch
{
    qint64 expected = 0;
    qint64 done = 0;
    std::string error;
    QEventLoop *loop = nullptr;

    void fail(const std::string &what)
    {
        if (error.empty())
            error = what;
        if (loop)
            loop->quit();
    }
};

class TokenSink : public mas::Agent
{
public:
    explicit TokenSink(mas::Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("done"), [this] {
            if (batch && ++batch->done >= batch->expected && batch->loop)
                batch->loop->quit();
        });
        router().expose(QStringLiteral("failed"),
                        [this](const QString &what) {
                            if (batch)
                                batch->fail("a ring agent failed: " + str(what));
                        },
                        {QStringLiteral("what")});
    }

    QString typeName() const override { return QStringLiteral("TokenSink"); }

    std::shared_ptr<Batch> batch;
};

// ---------------------------------------------------------------------------------------------
// one ring, kept across the calls of the benchmarks of one configuration

struct Ring
{
    int processes = 0; // 0: in the benchmark's own container
    std::unique_ptr<mas::Container> container;
    std::unique_ptr<mas::SubprocessContainers> children; // destroyed before the container
    TokenSink *sink = nullptr;
    std::vector<mas::rpc::Proxy> agents; // on the benchmark's connections
    QList<qint64> pids;
    qint64 expectedReceived = 0; // token() calls the agents should have seen so far
};

std::unique_ptr<Ring> g_ring;

QCoro::Task<bool> stopChildren(mas::SubprocessContainers *children)
{
    co_await children->stop();
    co_return true;
}

QCoro::Task<bool> shutdownContainer(mas::Container *container)
{
    co_await container->shutdown();
    co_return true;
}

/// Stops the children (no process is left afterwards: the destructor kills what stop() did not
/// end) and shuts the container down.
void dropRing()
{
    if (!g_ring)
        return;
    if (g_ring->children) {
        if (!runFor(stopChildren(g_ring->children.get()), kStopTimeout))
            std::fprintf(stderr, "bench_subproc: stopping the children timed out; killing them\n");
        g_ring->children.reset();
    }
    if (g_ring->container)
        runFor(shutdownContainer(g_ring->container.get()), kStopTimeout);
    g_ring.reset();
    drainEvents();
}

template<class T>
bool step(std::optional<mas::Result<T>> r, const QString &what, std::string *error)
{
    if (!r)
        *error = str(what) + ": timed out";
    else if (!*r)
        *error = str(what) + ": " + str(r->error().toString());
    return r && *r;
}

std::unique_ptr<Ring> buildRing(int processes, std::string *error)
{
    auto ring = std::make_unique<Ring>();
    ring->processes = processes;
    mas::ContainerOptions options;
    options.codec = QStringLiteral("msgpack"); // the children use it too
    options.channel.requestTimeout = kStepTimeout;
    mas::Result<mas::Container *> container =
        mas::Container::createNow(mas::Address::tcp(QStringLiteral("127.0.0.1"), 0), options);
    if (!container) {
        *error = "container: " + str(container.error().toString());
        return nullptr;
    }
    ring->container.reset(*container);
    ring->sink = new TokenSink(ring->container.get());

    QStringList urls;
    if (processes > 0) {
        mas::SubprocessOptions sub;
        sub.executable = QStringLiteral(MAS_BENCH_MAS_EXECUTABLE);
        sub.pluginPaths.append(QStringLiteral(MAS_BENCH_RING_PLUGIN_DIR));
        ring->children = std::make_unique<mas::SubprocessContainers>(ring->container.get(), sub);
        if (!step(runFor(ring->children->start(processes), kStepTimeout * 2),
                  QStringLiteral("starting the children"), error))
            return ring; // the caller drops it (and so stops what did start)
        ring->pids = ring->children->processIds();
        for (int i = 0; i < kRingSize; ++i) {
            std::optional<mas::Result<mas::SpawnedAgent>> spawned =
                runFor(ring->children->spawn(i % processes, kRingAgent), kStepTimeout);
            if (!step(spawned, QStringLiteral("spawn"), error))
                return ring;
            ring->agents.push_back((*spawned)->proxy);
            urls.append((*spawned)->url);
        }
    } else {
        for (int i = 0; i < kRingSize; ++i) {
            mas::Result<mas::Agent *> agent =
                mas::AgentRegistry::global().create(kRingAgent, ring->container.get());
            if (!agent) {
                *error = "create: " + str(agent.error().toString());
                return ring;
            }
            urls.append((*agent)->address());
            std::optional<mas::Result<mas::rpc::Proxy>> proxy =
                runFor(ring->container->connect(urls.last()), kStepTimeout);
            if (!step(proxy, QStringLiteral("connect"), error))
                return ring;
            ring->agents.push_back(**proxy);
        }
    }
    for (int i = 0; i < kRingSize; ++i) {
        const mas::rpc::Proxy link = ring->agents[size_t(i)][QStringLiteral("link")];
        mas::Value::List args;
        args.emplace_back(urls[(i + 1) % kRingSize]);
        args.emplace_back(ring->sink->address());
        if (!step(runFor(link.call(std::move(args)), kStepTimeout), QStringLiteral("link"), error))
            return ring;
    }
    return ring;
}

/// The ring for `processes` (built on first use; a ring of another configuration is dropped).
Ring *ringFor(int processes, std::string *error)
{
    if (g_ring && g_ring->processes == processes)
        return g_ring.get();
    dropRing();
    g_ring = buildRing(processes, error);
    if (!error->empty())
        dropRing();
    return g_ring.get();
}

// ---------------------------------------------------------------------------------------------
// one batch of tokens

/// Injects one token (the call answers at once; the token then travels on by itself).
QCoro::Task<void> inject(mas::rpc::Proxy agent, qint64 hops, std::shared_ptr<Batch> batch)
{
    mas::Value::List args;
    args.emplace_back(hops);
    mas::Result<mas::Value> reply = co_await agent.call(std::move(args));
    if (!reply)
        batch->fail("injecting a token: " + str(reply.error().toString()));
}

struct Measurement
{
    double seconds = 0;
    double cpuSeconds = 0;
    std::string error;
};

Measurement runTokens(Ring &ring, int tokens, qint64 hopsPerToken)
{
    Measurement m;
    auto batch = std::make_shared<Batch>();
    batch->expected = tokens;
    QEventLoop loop;
    batch->loop = &loop;
    ring.sink->batch = batch;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop,
                     [batch] { batch->fail("the batch timed out"); });
    timeout.start(kBatchTimeout);

    double cpuBefore = selfCpuSeconds();
    for (qint64 pid : ring.pids)
        cpuBefore += processCpuSeconds(pid);
    QElapsedTimer timer;
    timer.start();
    for (int k = 0; k < tokens; ++k) {
        const mas::rpc::Proxy token =
            ring.agents[size_t(k) * ring.agents.size() / size_t(tokens)][QStringLiteral("token")];
        inject(token, hopsPerToken, batch);
    }
    if (batch->done < batch->expected && batch->error.empty())
        loop.exec();
    m.seconds = double(timer.nsecsElapsed()) / 1e9;
    double cpuAfter = selfCpuSeconds();
    for (qint64 pid : ring.pids)
        cpuAfter += processCpuSeconds(pid);
    m.cpuSeconds = cpuAfter - cpuBefore;

    batch->loop = nullptr;
    ring.sink->batch.reset();
    m.error = batch->error;
    if (m.error.empty() && batch->done != batch->expected)
        m.error = "tokens missing";
    ring.expectedReceived += tokens * (hopsPerToken + 1);
    return m;
}

/// Checks that the agents received every token call sent so far and had no failed call.
std::string checkStats(const Ring &ring)
{
    qint64 received = 0;
    for (const mas::rpc::Proxy &agent : ring.agents) {
        const mas::rpc::Proxy stats = agent[QStringLiteral("stats")];
        std::optional<mas::Result<mas::Value>> reply =
            runFor(stats.call(mas::Value::List()), kStepTimeout);
        if (!reply || !*reply)
            return "stats(): "
                   + (reply ? str(reply->error().toString()) : std::string("timed out"));
        const mas::Value &value = **reply;
        if (!value.isList() || value.asList().size() != 3)
            return "stats(): unexpected reply " + str(value.toDisplayString(80));
        const mas::Value::List &fields = value.asList();
        received += fields[0].toInt();
        if (fields[1].toInt() != 0)
            return "a ring agent had failed calls: " + str(fields[2].toString());
    }
    if (received != ring.expectedReceived)
        return "the agents received " + std::to_string(received) + " token calls, expected "
               + std::to_string(ring.expectedReceived);
    return {};
}

void ringBench(benchmark::State &state, const std::string &name, int processes, int tokens)
{
    std::string error;
    Ring *ring = ringFor(processes, &error);
    if (!ring)
        return fail(state, "setup: " + error);
    // Warm-up: one lap per token.
    if (Measurement warmUp = runTokens(*ring, tokens, kRingSize); !warmUp.error.empty()) {
        dropRing();
        return fail(state, "warm-up: " + warmUp.error);
    }
    const qint64 hopsPerToken = kHopsPerBatch / tokens;
    double seconds = 0;
    double cpu = 0;
    for (auto _ : state) {
        const Measurement m = runTokens(*ring, tokens, hopsPerToken);
        if (!m.error.empty()) {
            dropRing();
            return fail(state, m.error);
        }
        state.SetIterationTime(m.seconds);
        seconds += m.seconds;
        cpu += m.cpuSeconds;
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * tokens * hopsPerToken);
    if (seconds > 0) {
        state.counters["cores"] = cpu / seconds;
        g_cores[name] = cpu / seconds;
    }
    if (const std::string wrong = checkStats(*ring); !wrong.empty()) {
        dropRing();
        return fail(state, wrong);
    }
}

/// The 1-minute load average ("?" where /proc is missing).
std::string loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return "?";
    return file.readAll().split(' ').value(0, "?").toStdString();
}

std::string configName(int processes)
{
    return processes == 0 ? std::string("in_process") : "processes:" + std::to_string(processes);
}

std::string benchName(int processes, int tokens)
{
    return "ring/" + configName(processes) + "/tokens:" + std::to_string(tokens);
}

} // namespace

int main(int argc, char **argv)
{
    const bool printTable = consoleFormat(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QCoreApplication app(argc, argv);

    // The in-process baseline runs the plug-in's agents in this process.
    QList<mas::Error> pluginErrors;
    mas::Result<QStringList> loaded = mas::AgentRegistry::global().loadPlugins(
        QStringLiteral(MAS_BENCH_RING_PLUGIN_DIR), &pluginErrors);
    if (!loaded || !mas::AgentRegistry::global().contains(kRingAgent)) {
        std::fprintf(stderr, "bench_subproc: cannot load %s from %s: %s\n", str(kRingAgent).c_str(),
                     MAS_BENCH_RING_PLUGIN_DIR,
                     !loaded
                         ? str(loaded.error().toString()).c_str()
                         : (pluginErrors.isEmpty() ? "not offered"
                                                   : str(pluginErrors.first().toString()).c_str()));
        return 1;
    }

    const std::vector<int> configs = {0, 1, 2, 4};
    const std::vector<int> tokenCounts = {1, 16, 64};
    for (int processes : configs) {
        for (int tokens : tokenCounts) {
            const std::string name = benchName(processes, tokens);
            benchmark::RegisterBenchmark(
                name.c_str(), [=](benchmark::State &s) { ringBench(s, name, processes, tokens); })
                ->UseManualTime()
                ->Unit(benchmark::kMillisecond);
        }
    }

    const std::string loadBefore = loadAverage();
    mas::bench::RateCollector collector(benchmark::CreateDefaultDisplayReporter());
    benchmark::RunSpecifiedBenchmarks(&collector);
    dropRing(); // no child outlives the benchmark

    if (printTable) {
        std::printf("\nSummary: token hops/s around a ring of %d agents (a hop: one token() call "
                    "to the successor,\n"
                    "request + reply, msgpack over TCP 127.0.0.1), agents spread round-robin over "
                    "P `mas subproc`\n"
                    "processes; %lld hops per batch of tokens. vs P=1: relative to the ring in one "
                    "child process;\n"
                    "vs in-process: relative to the ring in the benchmark's own container (no "
                    "child process);\n"
                    "cores: CPU seconds of the benchmark and its children per wall-clock second "
                    "(%d cores here;\n"
                    "load average %s before the run: other work on the machine caps it).\n\n",
                    kRingSize, static_cast<long long>(kHopsPerBatch), QThread::idealThreadCount(),
                    loadBefore.c_str());
        std::printf("%-14s %7s %12s %8s %14s %7s\n", "config", "tokens", "hops/s", "vs P=1",
                    "vs in-process", "cores");
        for (int tokens : tokenCounts) {
            const double single = collector.itemRate(benchName(1, tokens));
            const double inProcess = collector.itemRate(benchName(0, tokens));
            for (int processes : configs) {
                const std::string name = benchName(processes, tokens);
                const double rate = collector.itemRate(name);
                if (rate <= 0)
                    continue;
                char vsSingle[32] = "-";
                char vsInProcess[32] = "-";
                char cores[32] = "-";
                if (single > 0)
                    std::snprintf(vsSingle, sizeof vsSingle, "%.2f", rate / single);
                if (inProcess > 0)
                    std::snprintf(vsInProcess, sizeof vsInProcess, "%.2f", rate / inProcess);
                if (auto it = g_cores.find(name); it != g_cores.end())
                    std::snprintf(cores, sizeof cores, "%.2f", it->second);
                const std::string label =
                    processes == 0 ? std::string("in-process") : "P=" + std::to_string(processes);
                std::printf("%-14s %7d %12s %8s %14s %7s\n", label.c_str(), tokens,
                            formatRate(rate).c_str(), vsSingle, vsInProcess, cores);
            }
        }
        std::fflush(stdout);
    }
    return mas::bench::finishBenchmarks();
}
