// SPDX-License-Identifier: MIT
// RPC calls per second through the event loop over TCP (127.0.0.1, port 0; client and server in
// this process and thread), with two baselines measured in the same run, so the cost can be
// quoted as ratios:
//   - rpc: an RpcClient calls `add(1, 2)` untyped, `client->call("add", {1, 2})`, on a
//     Router that exposes `add(a, b)` through mas::rpc::startServer;
//   - channel: a plain Channel sends the very same content, ["add", [1, 2], {}], to a
//     ChannelServer whose handler answers 3 without looking at the request;
//   - raw: the raw frame reflector (rawreflector.h, as in bench_channel): a QTcpSocket
//     ping-pong of the very same request and reply frame bytes, without libmas. The goal of
//     the RPC layer: at least 0.8x of it with 100 calls in flight, 0.9x with one at a time.
//     Here both ends count: the raw client compares bytes where the RPC client encodes and
//     decodes. bench_rpcserver drives each server from one load generator process instead.
// Each is run for json and msgpack, with one call at a time (call, await the reply, call the
// next) and with 100 calls in flight (a new call starts whenever one completes). One benchmark
// iteration is a batch of calls inside a QEventLoop, timed with QElapsedTimer (manual time).
// After the Google Benchmark output a summary table with calls/s, RPC relative to the raw
// reflector and the time per call of RPC relative to the channel is printed (console only). The process exits non-zero if any
// benchmark failed, so the CTest smoke run (label `bench`) catches an RPC that errors or answers
// wrongly.
//
//   bench_rpc                                       # everything
//   bench_rpc --benchmark_filter='/msgpack/'        # only msgpack
//   bench_rpc --benchmark_repetitions=5             # the summary then uses the medians

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include <mas/core/value.h>
#include <mas/rpc/router.h>
#include <mas/rpc/rpcclient.h>
#include <mas/transport/address.h>

#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <benchmark/benchmark.h>

#include "benchutil.h"
#include "ratecollector.h"
#include "rawreflector.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

using mas::bench::fail;
using mas::bench::g_failures;
using mas::bench::str;

using mas::bench::consoleFormat;
using mas::bench::formatRate;
using mas::bench::formatMicros;
using mas::bench::drainEvents;

using namespace std::chrono_literals;

// Calls per benchmark iteration. With 100 in flight the batch is larger so that filling and
// draining the pipeline at the start and end of a batch stays below 1 % of it.
constexpr int kBatchSerial = 2'000;
constexpr int kBatchPipelined = 20'000;
constexpr int kInFlightCounts[] = {1, 100};
// Untimed calls after connecting (first allocations, socket buffers, caches).
constexpr int kWarmUp = 500;
// A batch that takes longer than this is aborted and the benchmark fails (a hang, not slowness).
constexpr auto kBatchTimeout = 60s;


/// Lets deleteLater() and disconnect handling of the previous benchmark run before the next.

mas::Address loopback()
{
    return mas::Address::tcp(QStringLiteral("127.0.0.1"), 0);
}

/// What the channel baseline sends: `add(1, 2)` as the RPC layer puts it on the wire.
mas::Value channelRequest()
{
    return mas::Value::list({"add", mas::Value::list({1, 2}), mas::Value::map()});
}

mas::Value expectedReply()
{
    return mas::Value(3);
}

// ---------------------------------------------------------------------------------------------
// driving a batch of calls

/// The progress of one batch, shared by everything that takes part in it.
struct Batch
{
    int total = 0;   ///< calls to do
    int started = 0; ///< calls started
    int done = 0;    ///< replies received
    int errors = 0;
    int workers = 0; ///< workers still running
    std::string firstError;
    QEventLoop *loop = nullptr;

    void error(const std::string &what)
    {
        if (errors++ == 0)
            firstError = what;
        total = started; // start no more
    }
};

/// Runs `inFlight` workers (`worker(&batch)` returns a fire-and-forget task) in a fresh event
/// loop until the last one ends, with a watchdog that calls `abort()`. Returns the seconds.
template<class Worker, class Abort>
double runBatch(Batch &batch, int calls, int inFlight, Worker worker, Abort abort)
{
    batch.total = calls;
    QEventLoop loop;
    batch.loop = &loop;
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, [&batch, abort] {
        batch.error("the batch timed out");
        abort();
    });
    watchdog.start(kBatchTimeout);
    QElapsedTimer timer;
    timer.start();
    batch.workers = std::min(inFlight, calls);
    const int workers = batch.workers;
    for (int i = 0; i < workers; ++i)
        worker(&batch); // QCoro keeps the coroutine alive after its Task is dropped
    if (batch.workers > 0)
        loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    batch.loop = nullptr;
    return seconds;
}

/// Ends a worker; the last one stops the batch's event loop.
void workerDone(Batch *batch)
{
    if (--batch->workers == 0 && batch->loop)
        batch->loop->quit();
}

/// Checks a reply; false (and the batch marked failed) if it is an error or not 3.
bool checkReply(Batch *batch, const mas::Result<mas::Value> &reply, const char *what)
{
    if (!reply) {
        batch->error(std::string(what) + " failed: " + str(reply.error().toString()));
        return false;
    }
    if (!(*reply == expectedReply())) {
        batch->error("wrong reply: " + str(reply->toDisplayString(200)));
        return false;
    }
    ++batch->done;
    return true;
}

// ---------------------------------------------------------------------------------------------
// RPC

/// An RpcClient connected to an RPC server serving `add(a, b)`, in the same thread.
class RpcPair
{
public:
    RpcPair()
    {
        m_router.expose(QStringLiteral("add"), [](qint64 a, qint64 b) { return a + b; },
                        {QStringLiteral("a"), QStringLiteral("b")});
    }

    ~RpcPair()
    {
        m_client.reset();
        delete m_server;
        drainEvents();
    }

    mas::Result<void> open(const QString &codec)
    {
        mas::ChannelOptions options;
        options.codec = codec;
        MAS_TRY(server, mas::rpc::startServer(loopback(), &m_router, {}, options));
        m_server = server;
        MAS_TRY(client, QCoro::waitFor(mas::rpc::openConnection(m_server->address(), nullptr, options)));
        m_client = std::move(client);
        return {};
    }

    mas::rpc::RpcClient *client() const { return m_client.get(); }

    double run(Batch &batch, int calls, int inFlight)
    {
        mas::rpc::RpcClient *client = m_client.get();
        return runBatch(
            batch, calls, inFlight, [client](Batch *b) { worker(client, b); },
            [client] {
                // Fails the pending calls; the workers then stop and the loop quits.
                client->channel()->abort(
                    mas::Error(mas::ErrorCode::Timeout, QStringLiteral("benchmark batch timed out")));
            });
    }

private:
    /// Calls, awaits the reply, calls the next, until the batch has started all calls.
    static QCoro::Task<void> worker(mas::rpc::RpcClient *client, Batch *batch)
    {
        const QString path = QStringLiteral("add");
        while (batch->started < batch->total) {
            ++batch->started;
            // Untyped, with the arguments built per call as an application would (not from a
            // braced list: GCC cannot keep an initializer_list's array in a coroutine frame).
            mas::Value::List args;
            args.reserve(2);
            args.emplace_back(1);
            args.emplace_back(2);
            const mas::Result<mas::Value> reply = co_await client->call(path, std::move(args));
            if (!checkReply(batch, reply, "call"))
                break;
        }
        workerDone(batch);
    }

    mas::rpc::Router m_router; // outlives the server's connections (destroyed last)
    QPointer<mas::ChannelServer> m_server;
    std::unique_ptr<mas::rpc::RpcClient> m_client;
};

// ---------------------------------------------------------------------------------------------
// channel baseline

/// A client channel connected to a ChannelServer that answers every request with 3.
class ChannelPair
{
public:
    ~ChannelPair()
    {
        m_client.reset();
        delete m_server;
        drainEvents();
    }

    mas::Result<void> open(const QString &codec)
    {
        mas::ChannelOptions options;
        options.codec = codec;
        MAS_TRY(server, mas::startServer(loopback(), serveAdd, options));
        m_server = server;
        MAS_TRY(client, QCoro::waitFor(mas::openConnection(m_server->address(), options)));
        m_client = std::move(client);
        return {};
    }

    mas::Channel *channel() const { return m_client.get(); }

    double run(Batch &batch, int calls, int inFlight)
    {
        mas::Channel *channel = m_client.get();
        return runBatch(
            batch, calls, inFlight, [channel](Batch *b) { worker(channel, b); },
            [channel] {
                channel->abort(
                    mas::Error(mas::ErrorCode::Timeout, QStringLiteral("benchmark batch timed out")));
            });
    }

private:
    static void serveAdd(mas::Channel *channel)
    {
        QObject::connect(channel, &mas::Channel::requestReceived, channel, [channel] {
            while (std::optional<mas::Request> request = channel->takeRequest())
                (void)request->reply(expectedReply());
        });
    }

    static QCoro::Task<void> worker(mas::Channel *channel, Batch *batch)
    {
        while (batch->started < batch->total) {
            ++batch->started;
            // Built per call like the RPC client's content, so both sides pay for it.
            const mas::Result<mas::Value> reply = co_await channel->send(channelRequest());
            if (!checkReply(batch, reply, "send"))
                break;
        }
        workerDone(batch);
    }

    QPointer<mas::ChannelServer> m_server;
    std::unique_ptr<mas::Channel> m_client;
};

// ---------------------------------------------------------------------------------------------
// raw baseline

/// The request and reply frames of `add(1, 2)` with id 0, as the RPC layer puts them on the wire.
mas::Result<std::pair<QByteArray, QByteArray>> rawFrames(const QString &codecName)
{
    MAS_TRY(codec, mas::Codec::create(codecName));
    MAS_TRY(requestPayload, codec->encode(mas::Message::request(0, channelRequest())));
    MAS_TRY(replyPayload, codec->encode(mas::Message::result(0, expectedReply())));
    MAS_TRY(request, mas::encodeFrame(requestPayload));
    MAS_TRY(reply, mas::encodeFrame(replyPayload));
    return std::make_pair(request, reply);
}

void rawCalls(benchmark::State &state, const QString &codec, int inFlight)
{
    const int batchSize = inFlight == 1 ? kBatchSerial : kBatchPipelined;
    mas::Result<std::pair<QByteArray, QByteArray>> frames = rawFrames(codec);
    if (!frames)
        return fail(state, "cannot encode the frames: " + str(frames.error().toString()));
    mas::bench::RawReflector pair(frames->first, frames->second);
    if (const std::string error = pair.open(); !error.empty())
        return fail(state, error);
    mas::bench::measureRoundTrips(state, pair, kWarmUp, batchSize, inFlight, kBatchTimeout);
}

// ---------------------------------------------------------------------------------------------
// the benchmarks

template<class Pair>
void calls(benchmark::State &state, const QString &codec, int inFlight, int pendingAfter(const Pair &))
{
    const int batchSize = inFlight == 1 ? kBatchSerial : kBatchPipelined;
    Pair pair;
    if (mas::Result<void> opened = pair.open(codec); !opened)
        return fail(state, "cannot connect: " + str(opened.error().toString()));
    {
        Batch warmUp;
        pair.run(warmUp, kWarmUp, inFlight);
        if (warmUp.errors > 0 || warmUp.done != kWarmUp)
            return fail(state, "warm-up: " + warmUp.firstError);
    }
    for (auto _ : state) {
        Batch batch;
        const double seconds = pair.run(batch, batchSize, inFlight);
        state.SetIterationTime(seconds);
        if (batch.errors > 0 || batch.done != batchSize) {
            fail(state, batch.errors > 0 ? batch.firstError : "calls missing");
            break;
        }
    }
    if (pendingAfter(pair) != 0)
        return fail(state, "requests still pending after the batches");
    state.SetItemsProcessed(int64_t(state.iterations()) * batchSize);
    state.SetLabel("batch " + std::to_string(batchSize));
}

int rpcPending(const RpcPair &pair)
{
    return int(pair.client()->channel()->pendingRequestCount());
}

int channelPending(const ChannelPair &pair)
{
    return int(pair.channel()->pendingRequestCount());
}

// ---------------------------------------------------------------------------------------------
// registration and the summary

/// One line of the summary: an RPC benchmark and its channel baseline.
struct SummaryRow
{
    int inFlight = 1;
    std::string codec;
    std::string rpc;     ///< the RPC benchmark's name
    std::string channel; ///< the channel baseline's name
    std::string raw;     ///< the raw reflector's name
};

template<class Fn>
void add(const std::string &name, Fn fn)
{
    benchmark::RegisterBenchmark(name.c_str(), std::move(fn))
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
}

using mas::bench::RateCollector;



void printSummary(const RateCollector &collector, const std::vector<SummaryRow> &rows)
{
    if (std::none_of(rows.begin(), rows.end(), [&](const SummaryRow &row) {
            return collector.itemRate(row.rpc) > 0 || collector.itemRate(row.channel) > 0
                   || collector.itemRate(row.raw) > 0;
        }))
        return; // all filtered out
    std::printf("\nSummary: add(1, 2) calls per second over TCP 127.0.0.1, client and server in one "
                "thread.\nraw: the raw frame reflector (QTcpSocket ping-pong of the same frame bytes, "
                "no libmas).\nchannel: Channel::send of the same [\"add\", [1, 2], {}] answered with 3 "
                "by a plain channel server.\nRPC x raw: RPC calls/s relative to raw round trips/s (the "
                "goal: at least 0.80 with 100\nin flight, 0.90 with one). RPC/channel: time per call of "
                "RPC relative to the channel.\nextra us: RPC us/call minus raw us/round trip (both ends "
                "together).\nraw writes with QTcpSocket::write() (a turn of the event loop per write); libmas "
                "writes a lone request\nand the replies of a read at once, so with one in flight RPC x raw "
                "may exceed 1.\n");
    std::printf("\n%9s  %-8s %12s %12s %12s %9s %9s %12s %9s %9s\n", "in flight", "codec", "raw rt/s",
                "channel rt/s", "RPC calls/s", "RPC x raw", "chan x raw", "RPC/channel", "RPC us", "extra us");
    int lastInFlight = -1;
    for (const SummaryRow &row : rows) {
        const double rpc = collector.itemRate(row.rpc);
        const double channel = collector.itemRate(row.channel);
        const double raw = collector.itemRate(row.raw);
        if (rpc <= 0 && channel <= 0 && raw <= 0)
            continue;
        if (lastInFlight >= 0 && row.inFlight != lastInFlight)
            std::printf("\n");
        lastInFlight = row.inFlight;
        const auto ratio = [](double a, double b) {
            char text[32] = "-";
            if (a > 0 && b > 0)
                std::snprintf(text, sizeof text, "%.2f", a / b);
            return std::string(text);
        };
        char extra[32] = "-";
        if (rpc > 0 && raw > 0)
            std::snprintf(extra, sizeof extra, "%.2f", 1e6 / rpc - 1e6 / raw);
        std::printf("%9d  %-8s %12s %12s %12s %9s %9s %12s %9s %9s\n", row.inFlight, row.codec.c_str(),
                    formatRate(raw).c_str(), formatRate(channel).c_str(), formatRate(rpc).c_str(),
                    ratio(rpc, raw).c_str(), ratio(channel, raw).c_str(), ratio(channel, rpc).c_str(),
                    formatMicros(rpc).c_str(), extra);
    }
}


} // namespace

int main(int argc, char **argv)
{
    const bool printTable = consoleFormat(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QCoreApplication app(argc, argv);

    const std::vector<QString> codecNames{QStringLiteral("json"), QStringLiteral("msgpack")};
    std::vector<SummaryRow> rows;
    for (int inFlight : kInFlightCounts) {
        for (const QString &codec : codecNames) {
            const std::string suffix = "tcp/" + str(codec) + "/inflight:" + std::to_string(inFlight);
            const std::string rpcName = "rpc/" + suffix;
            const std::string channelName = "channel/" + suffix;
            const std::string rawName = "raw/" + suffix;
            // The baselines right before their RPC case, so all see the same machine load.
            add(rawName, [codec, inFlight](benchmark::State &state) { rawCalls(state, codec, inFlight); });
            add(channelName, [codec, inFlight](benchmark::State &state) {
                calls<ChannelPair>(state, codec, inFlight, channelPending);
            });
            add(rpcName, [codec, inFlight](benchmark::State &state) {
                calls<RpcPair>(state, codec, inFlight, rpcPending);
            });
            rows.push_back({inFlight, str(codec), rpcName, channelName, rawName});
        }
    }

    return mas::bench::runWithSummary(printTable, [&](const mas::bench::RateCollector &collector) {
        printSummary(collector, rows);
    });
}
