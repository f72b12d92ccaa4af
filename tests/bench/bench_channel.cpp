// SPDX-License-Identifier: MIT
// Request/reply round trips per second through the event loop, over real sockets, with a
// baseline without libmas measured in the same run so results can be quoted as ratios:
//   - libmas: a client Channel and a ChannelServer in this process and thread, over TCP
//     (127.0.0.1, port 0) and a Unix domain socket (in a temporary directory), for each codec;
//     the client sends ["add", [1, 2], {}] and the server answers 3;
//   - raw: a QTcpSocket / QLocalSocket ping-pong of the very same frame bytes (a request frame
//     and a reply frame encoded once up front); the raw server parses the 4-byte big-endian
//     length header and writes the precomputed reply frame for each complete request frame.
// Each is run with one call at a time (send, await the reply, send the next) and with 100 calls
// in flight (a new send starts whenever one completes). One benchmark iteration is a batch of
// round trips inside a QEventLoop, timed with QElapsedTimer (manual time). After the Google
// Benchmark output a summary table with round trips/s and the ratio libmas/raw is printed
// (console format only). The process exits non-zero if any benchmark failed, so the CTest smoke
// run (label `bench`) catches a channel that errors or answers wrongly.
//
//   bench_channel                                   # everything
//   bench_channel --benchmark_filter='/tcp/'        # only TCP
//   bench_channel --benchmark_repetitions=5         # the summary then uses the medians

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include <mas/core/value.h>
#include <mas/transport/address.h>
#include <mas/transport/framing.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>

#include "benchutil.h"
#include "ratecollector.h"
#include "rawreflector.h"

#include <algorithm>
#include <cstdio>
#include <map>
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

// Round trips per benchmark iteration. With 100 in flight the batch is larger so that filling
// and draining the pipeline at the start and end of a batch stays below 1 % of it.
constexpr int kBatchSerial = 2'000;
constexpr int kBatchPipelined = 20'000;
constexpr int kInFlightCounts[] = {1, 100};
// Untimed round trips after connecting (first allocations, socket buffers, caches).
constexpr int kWarmUp = 500;
// A batch that takes longer than this is aborted and the benchmark fails (a hang, not slowness).
constexpr auto kBatchTimeout = 60s;

enum class Transport
{
    Tcp,
    Unix
};

QTemporaryDir *g_socketDir = nullptr;
int g_socketCounter = 0;

const char *transportName(Transport t)
{
    return t == Transport::Tcp ? "tcp" : "unix";
}

/// A fresh socket path for each server (benchmarks are set up several times).
QString nextSocketPath()
{
    return g_socketDir->filePath(QStringLiteral("bench-%1.sock").arg(++g_socketCounter));
}

/// Lets deleteLater() and disconnect handling of the previous benchmark run before the next.

// ---------------------------------------------------------------------------------------------
// test data

/// A small RPC-like request, `add(1, 2)` as aiomas's RPC layer sends it.
mas::Value requestContent()
{
    return mas::Value::list({"add", mas::Value::list({1, 2}), mas::Value::map()});
}

mas::Value replyContent()
{
    return mas::Value(3);
}

/// The request and reply frames of the raw baseline, encoded once with the given codec.
struct Frames
{
    QByteArray request;
    QByteArray reply;
};

mas::Result<Frames> precomputeFrames(const QString &codecName)
{
    MAS_TRY(codec, mas::Codec::create(codecName));
    MAS_TRY(requestPayload, codec->encode(mas::Message::request(0, requestContent())));
    MAS_TRY(replyPayload, codec->encode(mas::Message::result(0, replyContent())));
    MAS_TRY(request, mas::encodeFrame(requestPayload));
    MAS_TRY(reply, mas::encodeFrame(replyPayload));
    return Frames{request, reply};
}

// ---------------------------------------------------------------------------------------------
// driving a batch of round trips

/// The progress of one batch, shared by everything that takes part in it.
struct Batch
{
    int total = 0;   ///< round trips to do
    int started = 0; ///< requests sent
    int done = 0;    ///< replies received
    int errors = 0;
    std::string firstError;
    QEventLoop *loop = nullptr;

    void error(const std::string &what)
    {
        if (errors++ == 0)
            firstError = what;
        total = started; // start no more
    }
};

/// Runs `start(batch)` inside a fresh event loop until it quits, with a watchdog that calls
/// `abort(batch)`. Returns the elapsed seconds.
template<class Start, class Abort>
double runBatch(Batch &batch, Start start, Abort abort)
{
    QEventLoop loop;
    batch.loop = &loop;
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, [&batch, abort] {
        batch.error("the batch timed out");
        abort(batch);
    });
    watchdog.start(kBatchTimeout);
    QElapsedTimer timer;
    timer.start();
    start(batch);
    loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    batch.loop = nullptr;
    return seconds;
}

// ---------------------------------------------------------------------------------------------
// libmas

/// A client channel connected to an answering ChannelServer in the same thread.
class MasPair
{
public:
    ~MasPair()
    {
        m_client.reset();
        delete m_server;
        drainEvents();
    }

    mas::Result<void> open(Transport transport, const QString &codec)
    {
        mas::ChannelOptions options;
        options.codec = codec;
        const mas::Address address = transport == Transport::Tcp
                                         ? mas::Address::tcp(QStringLiteral("127.0.0.1"), 0)
                                         : mas::Address::ipc(nextSocketPath());
        MAS_TRY(server, mas::startServer(address, serveAdd, options));
        m_server = server;
        MAS_TRY(client, QCoro::waitFor(mas::openConnection(m_server->address(), options)));
        m_client = std::move(client);
        return {};
    }

    mas::Channel *client() const { return m_client.get(); }

    /// Does `roundTrips` round trips with `inFlight` requests outstanding; returns the seconds.
    double run(Batch &batch, int roundTrips, int inFlight)
    {
        batch.total = roundTrips;
        mas::Channel *channel = m_client.get();
        const mas::Value request = requestContent();
        int workers = 0;
        return runBatch(
            batch,
            [&](Batch &b) {
                // Each worker keeps one request outstanding until the batch is complete.
                workers = std::min(inFlight, roundTrips);
                for (int i = 0; i < workers; ++i)
                    worker(channel, &request, &b, &workers);
            },
            [channel](Batch &) {
                // Fails the pending requests; the workers then stop and the loop quits.
                channel->abort(mas::Error(mas::ErrorCode::Timeout,
                                          QStringLiteral("benchmark batch timed out")));
            });
    }

private:
    /// The server side: answers every request with 3.
    static void serveAdd(mas::Channel *channel)
    {
        QObject::connect(channel, &mas::Channel::requestReceived, channel, [channel] {
            while (std::optional<mas::Request> request = channel->takeRequest())
                (void)request->reply(replyContent());
        });
    }

    /// Sends, awaits the reply, sends the next, until the batch has started all round trips.
    /// The loop quits when the last worker ends. Fire and forget: QCoro keeps the coroutine
    /// alive after its Task is dropped.
    static QCoro::Task<void>
    worker(mas::Channel *channel, const mas::Value *request, Batch *batch, int *workers)
    {
        const mas::Value expected = replyContent();
        while (batch->started < batch->total) {
            ++batch->started;
            mas::Result<mas::Value> reply = co_await channel->send(*request);
            if (!reply) {
                batch->error("send failed: " + str(reply.error().toString()));
                break;
            }
            if (!(*reply == expected)) {
                batch->error("wrong reply: " + str(reply->toDisplayString(200)));
                break;
            }
            ++batch->done;
        }
        if (--*workers == 0)
            batch->loop->quit();
    }

    QPointer<mas::ChannelServer> m_server;
    std::unique_ptr<mas::Channel> m_client;
};

void masRoundTrips(benchmark::State &state, Transport transport, const QString &codec, int inFlight)
{
    const int batchSize = inFlight == 1 ? kBatchSerial : kBatchPipelined;
    MasPair pair;
    if (mas::Result<void> opened = pair.open(transport, codec); !opened)
        return fail(state, "cannot connect: " + str(opened.error().toString()));
    {
        Batch warmUp;
        pair.run(warmUp, kWarmUp, inFlight);
        if (warmUp.errors > 0)
            return fail(state, "warm-up: " + warmUp.firstError);
    }
    for (auto _ : state) {
        Batch batch;
        const double seconds = pair.run(batch, batchSize, inFlight);
        state.SetIterationTime(seconds);
        if (batch.errors > 0 || batch.done != batchSize) {
            fail(state, batch.errors > 0 ? batch.firstError : "round trips missing");
            break;
        }
    }
    if (pair.client()->pendingRequestCount() != 0)
        return fail(state, "requests still pending after the batches");
    state.SetItemsProcessed(int64_t(state.iterations()) * batchSize);
    state.SetLabel("batch " + std::to_string(batchSize));
}

// ---------------------------------------------------------------------------------------------
// raw baseline: the raw frame reflector of rawreflector.h

void rawRoundTrips(benchmark::State &state, Transport transport, const Frames &frames, int inFlight)
{
    const int batchSize = inFlight == 1 ? kBatchSerial : kBatchPipelined;
    mas::bench::RawReflector pair(frames.request, frames.reply);
    if (const std::string error = pair.open(transport == Transport::Tcp ? QString() : nextSocketPath());
        !error.empty())
        return fail(state, error);
    mas::bench::measureRoundTrips(state, pair, kWarmUp, batchSize, inFlight, kBatchTimeout);
}

// ---------------------------------------------------------------------------------------------
// registration and the summary

/// One line of the summary: a libmas benchmark and its raw baseline.
struct SummaryRow
{
    std::string transport;
    int inFlight = 1;
    std::string codec;
    qsizetype requestBytes = 0;
    qsizetype replyBytes = 0;
    std::string mas; ///< the libmas benchmark's name
    std::string raw; ///< the raw baseline's name
};

template<class Fn>
benchmark::internal::Benchmark *add(const std::string &name, Fn fn)
{
    return benchmark::RegisterBenchmark(name.c_str(), std::move(fn))
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
}

using mas::bench::RateCollector;



void printSummary(const RateCollector &collector, const std::vector<SummaryRow> &rows)
{
    if (std::none_of(rows.begin(), rows.end(), [&](const SummaryRow &row) {
            return collector.itemRate(row.mas) > 0 || collector.itemRate(row.raw) > 0;
        }))
        return; // all filtered out
    std::printf("\nSummary: request/reply round trips per second through the event loop, client "
                "and server in one\nthread. raw: QTcpSocket/QLocalSocket ping-pong of the same "
                "frame bytes without libmas.\nx raw: libmas rt/s relative to raw (same transport, "
                "in-flight count and frames). us/rt: 1 / rate;\nextra: libmas us/rt minus raw "
                "us/rt (the cost libmas adds per round trip, both ends together).\n");
    std::printf("\n%-9s %9s  %-12s %5s %5s %12s %12s %7s %9s %9s %9s\n", "transport", "in flight",
                "codec", "req B", "rep B", "libmas rt/s", "raw rt/s", "x raw", "libmas us",
                "raw us", "extra us");
    std::string lastGroup;
    for (const SummaryRow &row : rows) {
        const double mas = collector.itemRate(row.mas);
        const double raw = collector.itemRate(row.raw);
        if (mas <= 0 && raw <= 0)
            continue;
        const std::string group = row.transport + "/" + std::to_string(row.inFlight);
        if (!lastGroup.empty() && group != lastGroup)
            std::printf("\n");
        lastGroup = group;
        char ratio[32] = "-";
        char extra[32] = "-";
        if (mas > 0 && raw > 0) {
            std::snprintf(ratio, sizeof ratio, "%.2f", mas / raw);
            std::snprintf(extra, sizeof extra, "%.1f", 1e6 / mas - 1e6 / raw);
        }
        std::printf("%-9s %9d  %-12s %5lld %5lld %12s %12s %7s %9s %9s %9s\n",
                    row.transport.c_str(), row.inFlight, row.codec.c_str(),
                    static_cast<long long>(row.requestBytes),
                    static_cast<long long>(row.replyBytes), formatRate(mas).c_str(),
                    formatRate(raw).c_str(), ratio, formatMicros(mas).c_str(),
                    formatMicros(raw).c_str(), extra);
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

    QTemporaryDir socketDir;
    if (!socketDir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary directory: %s\n",
                     qPrintable(socketDir.errorString()));
        return 1;
    }
    g_socketDir = &socketDir;

    const std::vector<QString> codecNames{QStringLiteral("json"), QStringLiteral("msgpack"),
                                          QStringLiteral("msgpackblosc")};
    std::map<QString, Frames> frames;
    for (const QString &name : codecNames) {
        mas::Result<Frames> f = precomputeFrames(name);
        if (!f) {
            std::fprintf(stderr, "cannot encode the frames with %s: %s\n", qPrintable(name),
                         qPrintable(f.error().toString()));
            return 1;
        }
        frames.emplace(name, *f);
    }

    std::vector<SummaryRow> rows;
    for (Transport transport : {Transport::Tcp, Transport::Unix}) {
        for (int inFlight : kInFlightCounts) {
            for (const QString &codec : codecNames) {
                const std::string suffix = std::string(transportName(transport)) + "/" + str(codec)
                                           + "/inflight:" + std::to_string(inFlight);
                const std::string masName = "libmas/" + suffix;
                const std::string rawName = "raw/" + suffix;
                const Frames &f = frames.at(codec);
                add(masName, [transport, codec, inFlight](benchmark::State &state) {
                    masRoundTrips(state, transport, codec, inFlight);
                });
                add(rawName, [transport, f, inFlight](benchmark::State &state) {
                    rawRoundTrips(state, transport, f, inFlight);
                });
                rows.push_back({transportName(transport), inFlight, str(codec), f.request.size(),
                                f.reply.size(), masName, rawName});
            }
        }
    }

    return mas::bench::runWithSummary(printTable, [&](const mas::bench::RateCollector &collector) {
        printSummary(collector, rows);
    });
}
