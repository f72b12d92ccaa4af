// SPDX-License-Identifier: MIT
// A good client's latency while a hostile client floods the same server with expensive frames
// (issue 26): a blosc bomb (a small frame that inflates to 128 MiB) and a JSON array of 4 Mi
// elements, each without and with the limits that bound them (CodecLimits::
// maxDecompressionRatio, CodecLimits::maxElements). The good client's median and worst round
// trip are measured without an attack first (the baseline) and printed with the ratio, all in
// one run. Nothing here asserts times; the run fails only if a reply is wrong or missing.
//
//   bench_hostile            the full run (4 bad frames per flood)
//   bench_hostile --quick    a smoke run (2 bad frames per flood)

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/channel/request.h>
#include <mas/codec/msgpackcodec.h>
#include <mas/transport/framing.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>

#include <QCoro/QCoroTask>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

using namespace mas;
using namespace std::chrono_literals;

namespace {

struct Stats
{
    double medianMs = 0;
    double worstMs = 0;
    int samples = 0;
};

Stats stats(std::vector<double> ms)
{
    Stats s;
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    s.medianMs = ms[ms.size() / 2];
    s.worstMs = ms.back();
    s.samples = int(ms.size());
    return s;
}

/// Answers every request with "ok" (so an accepted huge request costs its decoding, not an echo).
void replyOk(Channel *channel)
{
    QObject::connect(channel, &Channel::requestReceived, channel, [channel] {
        while (std::optional<Request> request = channel->takeRequest())
            (void)request->reply(Value("ok"));
    });
}

/// Sends `count` bad frames, one connection each, one after the other (the server closes each,
/// or answers it and the flood closes it).
class Flood : public QObject
{
public:
    Flood(quint16 port, QByteArray frame, int count)
        : m_port(port)
        , m_frame(std::move(frame))
        , m_left(count)
    {
        next();
    }
    bool done() const { return m_left == 0 && !m_socket; }

private:
    void next()
    {
        if (m_socket) {
            m_socket->deleteLater();
            m_socket = nullptr;
        }
        if (m_left == 0)
            return;
        --m_left;
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, m_socket, [this] { m_socket->write(m_frame); });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] { next(); }, Qt::QueuedConnection);
        // An accepted request gets its reply; the next bad frame comes on a new connection.
        connect(m_socket, &QTcpSocket::readyRead, m_socket, [this] { m_socket->abort(); });
        connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
            if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
                QMetaObject::invokeMethod(this, [this] { next(); }, Qt::QueuedConnection);
        });
        m_socket->connectToHost(QHostAddress::LocalHost, m_port);
    }

    quint16 m_port;
    QByteArray m_frame;
    int m_left;
    QTcpSocket *m_socket = nullptr;
};

/// Round trips of the good client: `count` of them, or while `running()` (at least `count`).
std::optional<std::vector<double>> roundTrips(Channel &good, int count, const std::function<bool()> &running)
{
    std::vector<double> ms;
    QElapsedTimer t;
    while (int(ms.size()) < count || (running && running())) {
        t.start();
        const Result<Value> r = QCoro::waitFor(good.send(Value("ping"), 600s));
        if (!r || *r != Value("ok")) {
            std::fprintf(stderr, "the good client's call failed: %s\n",
                         qPrintable(r ? r->toDisplayString() : r.error().toString()));
            return std::nullopt;
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

struct Row
{
    const char *name;
    Stats baseline;
    Stats attacked;
};

std::optional<Row> run(const char *name, const QString &codec, const CodecLimits &limits, const QByteArray &bad,
                       int floodFrames)
{
    ChannelOptions options;
    options.codec = codec;
    options.limits = limits;
    std::unique_ptr<ChannelServer> server(
        startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), replyOk, options).value());
    Result<std::unique_ptr<Channel>> good = QCoro::waitFor(openConnection(server->address(), options));
    if (!good) {
        std::fprintf(stderr, "%s\n", qPrintable(good.error().toString()));
        return std::nullopt;
    }
    const std::optional<std::vector<double>> before = roundTrips(**good, 200, {});
    if (!before)
        return std::nullopt;
    Flood flood(server->address().port(), encodeFrame(bad).value(), floodFrames);
    const std::optional<std::vector<double>> during = roundTrips(**good, 20, [&flood] { return !flood.done(); });
    if (!during)
        return std::nullopt;
    QCoro::waitFor((*good)->close());
    return Row{name, stats(*before), stats(*during)};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int floodFrames = quick ? 2 : 4;

    // A blosc frame of about 0.5 MB that inflates to 128 MiB (within maxDecompressedSize).
    const QByteArray bomb = MsgPackBloscCodec::compress(QByteArray(128 * 1024 * 1024, '\0')).value();
    // A request whose only argument is an array of nearly 4 Mi zeros (within maxElements).
    QByteArray huge = "[0, 1, [\"ping\", [[0";
    huge.reserve(9 * 1024 * 1024);
    for (int i = 1; i < 4 * 1024 * 1024 - 16; ++i)
        huge += ",0";
    huge += "]], {}]]";

    CodecLimits open; // the defaults
    CodecLimits bombLimits;
    bombLimits.maxDecompressionRatio = 32;
    CodecLimits arrayLimits;
    arrayLimits.maxElements = 100'000;

    std::vector<Row> rows;
    const auto add = [&rows](std::optional<Row> r) {
        if (!r)
            return false;
        rows.push_back(*r);
        return true;
    };
    if (!add(run("blosc bomb, default limits", QStringLiteral("msgpackblosc"), open, bomb, floodFrames))
        || !add(run("blosc bomb, maxDecompressionRatio 32", QStringLiteral("msgpackblosc"), bombLimits, bomb, floodFrames))
        || !add(run("4 Mi array, default limits", QStringLiteral("json"), open, huge, floodFrames))
        || !add(run("4 Mi array, maxElements 100,000", QStringLiteral("json"), arrayLimits, huge, floodFrames)))
        return 1;

    std::printf("%d bad frames per flood, one connection each; the good client's round trips (ms)\n", floodFrames);
    std::printf("%-38s %21s %21s %17s\n", "flood", "baseline median/worst", "flood median/worst", "ratio med/worst");
    for (const Row &r : rows)
        std::printf("%-38s %10.3f/%-10.3f %10.3f/%-10.3f %8.1f/%-8.1f (%d calls)\n", r.name, r.baseline.medianMs,
                    r.baseline.worstMs, r.attacked.medianMs, r.attacked.worstMs,
                    r.attacked.medianMs / std::max(r.baseline.medianMs, 1e-6),
                    r.attacked.worstMs / std::max(r.baseline.worstMs, 1e-6), r.attacked.samples);
    return 0;
}
