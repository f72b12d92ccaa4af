// SPDX-License-Identifier: MIT
// Servers against one load generator: how many `add(1, 2)` calls per second a server answers
// when a separate load generator process (the same one for every server, in the same run) keeps
// N calls in flight over TCP 127.0.0.1, and how much processor time the server spends per call.
// The servers, one after the other, in this process and thread:
//   - raw: the raw frame reflector's server side (as in rawreflector.h): it splits what it reads
//     by the 4-byte length header and answers each complete request with the next of the
//     precomputed reply frames, without decoding or encoding anything;
//   - channel: a ChannelServer whose handler answers 3 to every request;
//   - rpc: mas::rpc::startServer with a Router that exposes `add(a, b)`.
// The load generator is this program started again with --loadgen: a blocking POSIX socket
// client without Qt's event loop that writes the precomputed request frames (ids 0 to 1023 in
// turn, so no two calls in flight share an id), reads what comes back, compares each reply with
// the expected bytes and writes one new request for each reply, in one write per read. It runs
// on the other core; it reports its wall and processor time per batch, so the summary says
// whether it was busy all the time (then the generator, not the server, set the pace).
//
// This is the setting of issue 25's first figures and goals ("one load generator against each
// server"): the server's cost against the reflector's. bench_rpc measures client and server in
// one thread instead, where the RPC client's encoding and decoding count too.
//
//   bench_rpcserver                                       # everything
//   bench_rpcserver --benchmark_filter='inflight:100'     # only 100 in flight
//   bench_rpcserver --benchmark_repetitions=5             # the summary then uses the medians
//
// The server's instructions per call (the generator runs outside valgrind, as a child):
//   valgrind --tool=callgrind bench_rpcserver --count rpc json 100 2000    # and 12000; the
//   difference of the two totals divided by 10,000 (setup and warm-up cancel out)
//
// Internal: bench_rpcserver --loadgen PORT CODEC (commands on stdin: "run CALLS IN_FLIGHT",
// answered "done WALL_NS CPU_NS" or "error TEXT"; "quit").

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include <mas/core/value.h>
#include <mas/rpc/router.h>
#include <mas/rpc/rpcclient.h>
#include <mas/transport/address.h>
#include <mas/transport/framing.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <benchmark/benchmark.h>

#include "benchutil.h"
#include "ratecollector.h"
#include "rawreflector.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

namespace {

using mas::bench::fail;
using mas::bench::g_failures;
using mas::bench::str;

using namespace std::chrono_literals;

constexpr int kIds = 1024;             // request ids in turn; more than ever in flight
constexpr int kBatchSerial = 2'000;    // calls per iteration, one in flight
constexpr int kBatchPipelined = 50'000; // calls per iteration, 100 in flight
constexpr int kInFlightCounts[] = {1, 100};
constexpr int kWarmUp = 2'000;
constexpr auto kBatchTimeout = 60s;

mas::Value addRequest()
{
    return mas::Value::list({"add", mas::Value::list({1, 2}), mas::Value::map()});
}

/// The request and reply frames of `add(1, 2)` for ids 0 to kIds - 1, as libmas puts them on
/// the wire with `codecName`.
struct Frames
{
    std::vector<QByteArray> requests;
    std::vector<QByteArray> replies;
};

mas::Result<Frames> makeFrames(const QString &codecName)
{
    MAS_TRY(codec, mas::Codec::create(codecName));
    Frames frames;
    for (int id = 0; id < kIds; ++id) {
        MAS_TRY(request, codec->encode(mas::Message::request(id, addRequest())));
        MAS_TRY(reply, codec->encode(mas::Message::result(id, mas::Value(3))));
        MAS_TRY(requestFrame, mas::encodeFrame(request));
        MAS_TRY(replyFrame, mas::encodeFrame(reply));
        frames.requests.push_back(requestFrame);
        frames.replies.push_back(replyFrame);
    }
    return frames;
}

qint64 nanos(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// ---------------------------------------------------------------------------------------------
// the load generator (its own process)

/// Writes all of `bytes`; false on an error.
bool writeAll(int fd, const char *bytes, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, bytes, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes += n;
        size -= size_t(n);
    }
    return true;
}

/// `calls` calls with `inFlight` outstanding; an error text or empty.
std::string generate(int fd, const Frames &frames, int calls, int inFlight, int *nextId)
{
    std::string out;
    int started = 0;
    int done = 0;
    int expectId = *nextId;
    const auto request = [&] {
        const QByteArray &frame = frames.requests[size_t(*nextId)];
        out.append(frame.constData(), size_t(frame.size()));
        *nextId = (*nextId + 1) % kIds;
        ++started;
    };
    for (int i = 0; i < std::min(calls, inFlight); ++i)
        request();
    std::vector<char> in(1 << 16);
    size_t have = 0;
    while (done < calls) {
        if (!out.empty()) {
            if (!writeAll(fd, out.data(), out.size()))
                return std::string("write: ") + std::strerror(errno);
            out.clear();
        }
        if (have == in.size())
            in.resize(in.size() * 2);
        const ssize_t n = ::recv(fd, in.data() + have, in.size() - have, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            return "the server closed the connection";
        if (n < 0)
            return std::string("read: ") + std::strerror(errno);
        have += size_t(n);
        size_t offset = 0;
        while (have - offset >= size_t(mas::kFrameHeaderSize)) {
            const size_t size = mas::kFrameHeaderSize + qFromBigEndian<quint32>(in.data() + offset);
            if (have - offset < size)
                break;
            const QByteArray &expected = frames.replies[size_t(expectId)];
            if (size != size_t(expected.size()) || std::memcmp(in.data() + offset, expected.constData(), size) != 0)
                return "reply " + std::to_string(done) + " is not the expected frame of id " + std::to_string(expectId);
            expectId = (expectId + 1) % kIds;
            offset += size;
            ++done;
            if (started < calls)
                request();
        }
        std::memmove(in.data(), in.data() + offset, have - offset);
        have -= offset;
    }
    return {};
}

int runLoadGenerator(int port, const QString &codec)
{
    mas::Result<Frames> frames = makeFrames(codec);
    if (!frames) {
        std::printf("error %s\n", str(frames.error().toString()).c_str());
        return 1;
    }
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        std::printf("error connect: %s\n", std::strerror(errno));
        return 1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::printf("ready\n");
    std::fflush(stdout);
    int nextId = 0;
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream words(line);
        std::string command;
        int calls = 0;
        int inFlight = 0;
        words >> command >> calls >> inFlight;
        if (command == "quit")
            break;
        if (command != "run" || calls <= 0 || inFlight <= 0) {
            std::printf("error unknown command: %s\n", line.c_str());
        } else {
            const qint64 wall0 = nanos(CLOCK_MONOTONIC);
            const qint64 cpu0 = nanos(CLOCK_PROCESS_CPUTIME_ID);
            const std::string error = generate(fd, *frames, calls, inFlight, &nextId);
            const qint64 cpu = nanos(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
            const qint64 wall = nanos(CLOCK_MONOTONIC) - wall0;
            if (error.empty())
                std::printf("done %lld %lld\n", static_cast<long long>(wall), static_cast<long long>(cpu));
            else
                std::printf("error %s\n", error.c_str());
        }
        std::fflush(stdout);
    }
    ::close(fd);
    return 0;
}

// ---------------------------------------------------------------------------------------------
// the load generator, seen from the benchmark

/// The load generator process: started against a port, then told to run batches.
class LoadGenerator
{
public:
    ~LoadGenerator()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.write("quit\n");
            if (!m_process.waitForFinished(5000))
                m_process.kill();
        }
    }

    /// Starts it and waits until it has connected; an error text or empty.
    std::string start(quint16 port, const QString &codec)
    {
        m_process.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--loadgen"), QString::number(port), codec});
        if (!m_process.waitForStarted(10'000))
            return "the load generator did not start: " + str(m_process.errorString());
        const std::string line = readLine();
        return line == "ready" ? std::string() : "the load generator: " + line;
    }

    struct Batch
    {
        double seconds = 0;    ///< the generator's wall time
        double cpuSeconds = 0; ///< the generator's processor time
        std::string error;
    };

    /// One batch; the server runs in this thread's event loop meanwhile.
    Batch run(int calls, int inFlight)
    {
        m_process.write(QStringLiteral("run %1 %2\n").arg(calls).arg(inFlight).toLatin1());
        const std::string line = readLine();
        Batch batch;
        std::istringstream words(line);
        std::string word;
        long long wall = 0;
        long long cpu = 0;
        words >> word >> wall >> cpu;
        if (word != "done" || wall <= 0) {
            batch.error = "the load generator: " + line;
            return batch;
        }
        batch.seconds = double(wall) / 1e9;
        batch.cpuSeconds = double(cpu) / 1e9;
        return batch;
    }

private:
    /// The generator's next output line, running the event loop until it comes (at most the
    /// batch time-out).
    std::string readLine()
    {
        QEventLoop loop;
        QTimer watchdog;
        watchdog.setSingleShot(true);
        QObject::connect(&watchdog, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &loop, &QEventLoop::quit);
        QObject::connect(&m_process, &QProcess::finished, &loop, &QEventLoop::quit);
        watchdog.start(kBatchTimeout);
        while (!m_process.canReadLine() && watchdog.isActive() && m_process.state() == QProcess::Running)
            loop.exec();
        if (!m_process.canReadLine())
            return m_process.state() == QProcess::Running ? "no answer in time" : "it exited";
        return m_process.readLine().trimmed().toStdString();
    }

    QProcess m_process;
};

// ---------------------------------------------------------------------------------------------
// the servers

enum class Kind { Raw, Channel, Rpc };

/// One server on 127.0.0.1 in this thread.
class Server
{
public:
    Server(Kind kind, const QString &codec, const Frames &frames)
        : m_kind(kind)
        , m_codec(codec)
        , m_replies(frames.replies)
    {
        m_router.expose(QStringLiteral("add"), [](qint64 a, qint64 b) { return a + b; },
                        {QStringLiteral("a"), QStringLiteral("b")});
    }

    ~Server()
    {
        delete m_raw;
        delete m_server;
        mas::bench::drainEvents();
    }

    /// Listens; the port, or 0 with `error` set.
    quint16 listen(std::string *error)
    {
        const mas::Address loopback = mas::Address::tcp(QStringLiteral("127.0.0.1"), 0);
        mas::ChannelOptions options;
        options.codec = m_codec;
        switch (m_kind) {
        case Kind::Raw:
            m_raw = new QTcpServer;
            if (!m_raw->listen(QHostAddress::LocalHost, 0)) {
                *error = "listen: " + str(m_raw->errorString());
                return 0;
            }
            QObject::connect(m_raw, &QTcpServer::newConnection, m_raw, [this] {
                while (QTcpSocket *socket = m_raw->nextPendingConnection())
                    reflect(socket);
            });
            return m_raw->serverPort();
        case Kind::Channel:
            if (mas::Result<mas::ChannelServer *> server = mas::startServer(loopback, answerThree, options)) {
                m_server = *server;
                return quint16(m_server->address().port());
            } else {
                *error = "listen: " + str(server.error().toString());
                return 0;
            }
        case Kind::Rpc:
            if (mas::Result<mas::ChannelServer *> server = mas::rpc::startServer(loopback, &m_router, {}, options)) {
                m_server = *server;
                return quint16(m_server->address().port());
            } else {
                *error = "listen: " + str(server.error().toString());
                return 0;
            }
        }
        return 0;
    }

private:
    /// The raw reflector's server side: the next precomputed reply frame for each complete
    /// request frame, the replies of one read in one write.
    void reflect(QTcpSocket *socket)
    {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto reader = std::make_shared<mas::bench::RawFrameReader>();
        auto out = std::make_shared<QByteArray>();
        QObject::connect(socket, &QIODevice::readyRead, socket, [this, socket, reader, out] {
            reader->feed(socket->readAll());
            while (!reader->next().isEmpty()) {
                out->append(m_replies[size_t(m_nextReply)]);
                m_nextReply = (m_nextReply + 1) % kIds;
            }
            socket->write(*out);
            out->clear();
        });
    }

    static void answerThree(mas::Channel *channel)
    {
        QObject::connect(channel, &mas::Channel::requestReceived, channel, [channel] {
            while (std::optional<mas::Request> request = channel->takeRequest())
                (void)request->reply(mas::Value(3));
        });
    }

    Kind m_kind;
    QString m_codec;
    std::vector<QByteArray> m_replies;
    int m_nextReply = 0;
    mas::rpc::Router m_router; // outlives the server's connections
    QTcpServer *m_raw = nullptr;
    QPointer<mas::ChannelServer> m_server;
};

// ---------------------------------------------------------------------------------------------
// the benchmarks

/// Listens, starts the load generator against the server and runs the warm-up (kWarmUp calls);
/// an error text or empty.
std::string startServing(Server &server, LoadGenerator &generator, const QString &codec, int inFlight)
{
    std::string error;
    const quint16 port = server.listen(&error);
    if (port == 0)
        return error;
    if (std::string started = generator.start(port, codec); !started.empty())
        return started;
    if (std::string warmUp = generator.run(kWarmUp, inFlight).error; !warmUp.empty())
        return "warm-up: " + warmUp;
    return {};
}

/// What the summary needs beyond the rate, per benchmark name.
struct Extra
{
    double serverCpuMicrosPerCall = 0;
    double generatorBusy = 0; ///< the generator's processor time over its wall time
};
std::map<std::string, Extra> g_extra;

void serve(benchmark::State &state, const std::string &name, Kind kind, const QString &codec, int inFlight)
{
    const int batchSize = inFlight == 1 ? kBatchSerial : kBatchPipelined;
    mas::Result<Frames> frames = makeFrames(codec);
    if (!frames)
        return fail(state, "cannot encode the frames: " + str(frames.error().toString()));
    Server server(kind, codec, *frames);
    LoadGenerator generator;
    if (const std::string error = startServing(server, generator, codec, inFlight); !error.empty())
        return fail(state, error);
    double serverCpu = 0;
    double generatorCpu = 0;
    double wall = 0;
    for (auto _ : state) {
        const qint64 cpu0 = nanos(CLOCK_PROCESS_CPUTIME_ID);
        const LoadGenerator::Batch batch = generator.run(batchSize, inFlight);
        serverCpu += double(nanos(CLOCK_PROCESS_CPUTIME_ID) - cpu0) / 1e9;
        if (!batch.error.empty()) {
            fail(state, batch.error);
            break;
        }
        state.SetIterationTime(batch.seconds);
        generatorCpu += batch.cpuSeconds;
        wall += batch.seconds;
    }
    const double calls = double(state.iterations()) * batchSize;
    state.SetItemsProcessed(int64_t(calls));
    const Extra extra{calls > 0 ? serverCpu * 1e6 / calls : 0, wall > 0 ? generatorCpu / wall : 0};
    state.counters["server_us_per_call"] = extra.serverCpuMicrosPerCall;
    state.counters["generator_busy"] = extra.generatorBusy;
    g_extra[name] = extra;
    state.SetLabel("batch " + std::to_string(batchSize));
}

/// `--count KIND CODEC IN_FLIGHT CALLS`: one server answers `CALLS` calls of the generator, after
/// a warm-up of kWarmUp, and the program exits (for counting instructions under callgrind). It
/// prints the server's user and system processor time per call of the counted batch, and how
/// often it waited for the generator (voluntary context switches).
int countOnly(const std::string &kindName, const QString &codec, int inFlight, int calls)
{
    const std::map<std::string, Kind> kinds{{"raw", Kind::Raw}, {"channel", Kind::Channel}, {"rpc", Kind::Rpc}};
    mas::Result<Frames> frames = makeFrames(codec);
    if (!kinds.count(kindName) || inFlight <= 0 || calls <= 0 || !frames) {
        std::fprintf(stderr, "usage: --count raw|channel|rpc json|msgpack IN_FLIGHT CALLS\n");
        return 2;
    }
    Server server(kinds.at(kindName), codec, *frames);
    LoadGenerator generator;
    std::string error = startServing(server, generator, codec, inFlight);
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    if (error.empty())
        error = generator.run(calls, inFlight).error;
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    if (!error.empty()) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const auto micros = [calls](const timeval &from, const timeval &to) {
        return (double(to.tv_sec - from.tv_sec) * 1e6 + double(to.tv_usec - from.tv_usec)) / calls;
    };
    std::printf("%s %s, %d in flight, %d calls: the server's processor time per call %.3f us user, "
                "%.3f us system; it waited %ld times\n",
                kindName.c_str(), str(codec).c_str(), inFlight, calls, micros(before.ru_utime, after.ru_utime),
                micros(before.ru_stime, after.ru_stime), after.ru_nvcsw - before.ru_nvcsw);
    return 0;
}

struct SummaryRow
{
    int inFlight = 1;
    std::string codec;
    std::string raw;
    std::string channel;
    std::string rpc;
};

void printSummary(const mas::bench::RateCollector &collector, const std::vector<SummaryRow> &rows)
{
    using mas::bench::formatRate;
    const auto ran = [&](const SummaryRow &row) {
        return collector.itemRate(row.raw) > 0 || collector.itemRate(row.channel) > 0
               || collector.itemRate(row.rpc) > 0;
    };
    if (std::none_of(rows.begin(), rows.end(), ran))
        return;
    std::printf("\nSummary: add(1, 2) calls per second a server answers over TCP 127.0.0.1, driven by one "
                "load\ngenerator process (raw frames, the same for every server). raw: the raw frame "
                "reflector's\nserver; channel: a channel server answering 3; RPC: a Router exposing add(a, b). "
                "x raw: calls/s\nrelative to raw (the goal for RPC: at least 0.80 with 100 in flight, 0.90 "
                "with one). cpu us:\nthe server's processor time per call. gen busy: the generator's "
                "processor time over its wall\ntime with the raw server (near 1.00: the generator set "
                "the pace).\n");
    std::printf("\n%9s  %-8s %11s %11s %11s %9s %9s %8s %8s %8s %8s\n", "in flight", "codec", "raw /s",
                "channel /s", "RPC /s", "RPC x raw", "chan x raw", "raw cpu", "chan cpu", "RPC cpu", "gen busy");
    const auto ratio = [](double a, double b) {
        char text[32] = "-";
        if (a > 0 && b > 0)
            std::snprintf(text, sizeof text, "%.2f", a / b);
        return std::string(text);
    };
    const auto micros = [](const std::string &name) {
        char text[32] = "-";
        auto it = g_extra.find(name);
        if (it != g_extra.end() && it->second.serverCpuMicrosPerCall > 0)
            std::snprintf(text, sizeof text, "%.2f", it->second.serverCpuMicrosPerCall);
        return std::string(text);
    };
    for (const SummaryRow &row : rows) {
        if (!ran(row))
            continue;
        const double raw = collector.itemRate(row.raw);
        const double channel = collector.itemRate(row.channel);
        const double rpc = collector.itemRate(row.rpc);
        char busy[32] = "-";
        if (auto it = g_extra.find(row.raw); it != g_extra.end() && raw > 0)
            std::snprintf(busy, sizeof busy, "%.2f", it->second.generatorBusy);
        std::printf("%9d  %-8s %11s %11s %11s %9s %9s %8s %8s %8s %8s\n", row.inFlight, row.codec.c_str(),
                    formatRate(raw).c_str(), formatRate(channel).c_str(), formatRate(rpc).c_str(),
                    ratio(rpc, raw).c_str(), ratio(channel, raw).c_str(), micros(row.raw).c_str(),
                    micros(row.channel).c_str(), micros(row.rpc).c_str(), busy);
    }
    std::printf("\n");
    for (const SummaryRow &row : rows) {
        const double raw = collector.itemRate(row.raw);
        const double rpc = collector.itemRate(row.rpc);
        if (raw <= 0 || rpc <= 0)
            continue;
        const double goal = row.inFlight == 1 ? 0.9 : 0.8;
        std::printf("RPC server, %s, %d in flight: %.2f of the raw server; goal >= %.1f: %s\n", row.codec.c_str(),
                    row.inFlight, rpc / raw, goal, rpc / raw >= goal ? "met" : "NOT met");
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 4 && std::strcmp(argv[1], "--loadgen") == 0)
        return runLoadGenerator(std::atoi(argv[2]), QString::fromLatin1(argv[3]));
    if (argc == 6 && std::strcmp(argv[1], "--count") == 0) {
        QCoreApplication app(argc, argv);
        return countOnly(argv[2], QString::fromLatin1(argv[3]), std::atoi(argv[4]), std::atoi(argv[5]));
    }

    const bool printTable = mas::bench::consoleFormat(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QCoreApplication app(argc, argv);

    std::vector<SummaryRow> rows;
    for (int inFlight : kInFlightCounts) {
        for (const QString &codec : {QStringLiteral("json"), QStringLiteral("msgpack")}) {
            const std::string suffix = "tcp/" + str(codec) + "/inflight:" + std::to_string(inFlight);
            SummaryRow row{inFlight, str(codec), "raw/" + suffix, "channel/" + suffix, "rpc/" + suffix};
            // The baselines right before their RPC case, so all see the same machine load.
            const std::pair<std::string, Kind> cases[] = {
                {row.raw, Kind::Raw}, {row.channel, Kind::Channel}, {row.rpc, Kind::Rpc}};
            for (const auto &[name, kind] : cases) {
                benchmark::RegisterBenchmark(name.c_str(),
                                             [name = name, kind = kind, codec, inFlight](benchmark::State &state) {
                                                 serve(state, name, kind, codec, inFlight);
                                             })
                    ->UseManualTime()
                    ->Unit(benchmark::kMillisecond);
            }
            rows.push_back(row);
        }
    }

    return mas::bench::runWithSummary(printTable, [&](const mas::bench::RateCollector &collector) {
        printSummary(collector, rows);
    });
}
