// SPDX-License-Identifier: MIT
// A good client's latency while a hostile client floods the same server with expensive frames
// (issue 26): a Blosc bomb (a frame of about 1 MB announcing a MsgPack array of 256 Mi values,
// inflating to 256 MiB) and a JSON array of 4 Mi elements (2 Mi, a 4 MiB frame, for the public
// profile, whose maxFrameSize refuses the larger one on its header). Each attack runs against a
// server with the trusted limits (the defaults) and with the public profile
// (ChannelOptions::withPublicProfile(), as `mas host --profile public`), each with large frames
// decoded on the event loop (offloadDecodeBytes 0, as before) and off it (the default, 64 KiB).
//
// The server is a child process (this program with --serve), so that the attack and the
// measurements do not share its event loop; a new one for each row, so that its peak resident
// memory (VmHWM) is that of the row. The good client (127.0.0.1) measures its median and worst
// round trip without an attack first (the baseline) and during the flood (from 127.0.0.2), in
// one run. Nothing here asserts times; the run fails only if a reply is wrong or missing.
//
//   bench_hostile            the full run (4 bad frames per flood)
//   bench_hostile --quick    a smoke run (1 bad frame per flood, a 1 Mi array)

#include "benchserver.h"

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/channel/request.h>
#include <mas/codec/msgpackcodec.h>
#include <mas/core/terminationsignals.h>
#include <mas/transport/framing.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

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

ChannelOptions serverOptions(const QString &codec, bool publicProfile, bool offload)
{
    ChannelOptions options;
    options.codec = codec;
    if (publicProfile)
        options = options.withPublicProfile();
    if (!offload)
        options.offloadDecodeBytes = 0;
    return options;
}

/// The server process: answers every request with "ok" (so an accepted huge request costs its
/// decoding, not an echo); prints its port, then its accounted buffered bytes every 100 ms.
int serve(const QStringList &args)
{
    const ChannelOptions options = serverOptions(args.value(0), args.value(1) == u"public", args.value(2) == u"on");
    Result<ChannelServer *> server = startServer(
        Address::tcp(QStringLiteral("127.0.0.1"), 0),
        [](Channel *channel) {
            QObject::connect(channel, &Channel::requestReceived, channel, [channel] {
                while (std::optional<Request> request = channel->takeRequest())
                    (void)request->reply(Value("ok"));
            });
        },
        options, qApp);
    if (!server)
        return 1;
    std::printf("port %d\n", int((*server)->address().port()));
    std::fflush(stdout);
    auto *report = new QTimer(qApp);
    QObject::connect(report, &QTimer::timeout, qApp, [s = *server] {
        std::printf("buffered %lld\n", (long long)s->peakBufferedBytes());
        std::fflush(stdout);
    });
    report->start(100);
    mas::onTerminationSignal(qApp, [](int) { QCoreApplication::quit(); });
    return QCoreApplication::exec();
}

using Server = mas::bench::BenchServer;

/// Sends `count` bad frames from 127.0.0.2, one connection each, one after the other (the
/// server closes each, or answers it and the flood closes it).
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
        m_socket->bind(QHostAddress(QStringLiteral("127.0.0.2")), 0);
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
    QString name;
    Stats baseline;
    Stats attacked;
    qint64 peakRssKiB = 0;
    qint64 peakAccounted = 0;
    qint64 budget = 0;
};

std::optional<Row> run(const QString &attack, const QString &codec, const QByteArray &bad, bool publicProfile,
                       bool offload, int floodFrames)
{
    Server server;
    if (!server.start({codec, publicProfile ? QStringLiteral("public") : QStringLiteral("trusted"),
                       offload ? QStringLiteral("on") : QStringLiteral("off")},
                      QProcess::ForwardedErrorChannel)) {
        std::fprintf(stderr, "the server did not start\n");
        return std::nullopt;
    }
    ChannelOptions options;
    options.codec = codec;
    Result<std::unique_ptr<Channel>> good =
        QCoro::waitFor(openConnection(Address::tcp(QStringLiteral("127.0.0.1"), server.port), options));
    if (!good) {
        std::fprintf(stderr, "%s\n", qPrintable(good.error().toString()));
        return std::nullopt;
    }
    const std::optional<std::vector<double>> before = roundTrips(**good, 200, {});
    if (!before)
        return std::nullopt;
    Flood flood(server.port, encodeFrame(bad).value(), floodFrames);
    const std::optional<std::vector<double>> during = roundTrips(**good, 20, [&flood] { return !flood.done(); });
    if (!during)
        return std::nullopt;
    QCoro::waitFor((*good)->close());
    QCoreApplication::processEvents();
    const QString name = QStringLiteral("%1, %2, %3")
                             .arg(attack, publicProfile ? QStringLiteral("public") : QStringLiteral("trusted"),
                                  offload ? QStringLiteral("off-loop") : QStringLiteral("on-loop"));
    return Row{name,
               stats(*before),
               stats(*during),
               server.peakRssKiB(),
               server.peakAccounted,
               serverOptions(codec, publicProfile, offload).memoryBudget};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == u"--serve")
        return serve(args.mid(2));
    const bool quick = args.contains(QStringLiteral("--quick"));
    const int floodFrames = quick ? 1 : 4;

    // A frame of about 1 MB announcing a MsgPack array of 256 Mi values, followed by zeros:
    // it inflates to 256 MiB (maxDecompressedSize of the trusted limits).
    const quint32 bombElements = 256 * 1024 * 1024 - 16;
    QByteArray raw(5 + qsizetype(bombElements), '\0');
    raw[0] = char(0xdd);
    qToBigEndian(bombElements, raw.data() + 1);
    const QByteArray bomb = MsgPackBloscCodec::compress(raw).value();
    raw = QByteArray();
    // Requests whose only argument is an array of zeros: nearly 4 Mi (within the trusted
    // maxElements), and nearly 2 Mi (a frame within the public maxFrameSize of 4 MiB; decoding
    // stops at the public maxElements of 100,000).
    const auto hugeArray = [](int elements) {
        QByteArray huge = "[0, 1, [\"ping\", [[0";
        huge.reserve(2 * elements + 64);
        for (int i = 1; i < elements; ++i)
            huge += ",0";
        huge += "]], {}]]";
        return huge;
    };
    const int trustedElements = quick ? 1024 * 1024 : 4 * 1024 * 1024 - 16;
    const int publicElements = quick ? 1024 * 1024 : 2 * 1024 * 1024 - 64;
    const QByteArray trustedArray = hugeArray(trustedElements);
    const QByteArray publicArray = hugeArray(publicElements);

    std::vector<Row> rows;
    const QString bombName = QStringLiteral("blosc bomb %1 KB").arg(bomb.size() / 1000);
    const auto arrayName = [](int elements) {
        return QStringLiteral("json array %1 Mi").arg(elements / (1024 * 1024.0), 0, 'f', 0);
    };
    for (const bool publicProfile : {false, true}) {
        const int elements = publicProfile ? publicElements : trustedElements;
        const QByteArray &array = publicProfile ? publicArray : trustedArray;
        for (const bool offload : {false, true}) {
            for (const auto &[name, codec, frame] :
                 {std::tuple{bombName, QStringLiteral("msgpackblosc"), bomb},
                  std::tuple{arrayName(elements), QStringLiteral("json"), array}}) {
                std::optional<Row> r = run(name, codec, frame, publicProfile, offload, floodFrames);
                if (!r)
                    return 1;
                rows.push_back(*r);
            }
        }
    }

    std::printf("%d bad frames per flood from 127.0.0.2, one connection each; the good client's round trips "
                "(ms); the server's peak RSS and its accounted buffered bytes against memoryBudget\n",
                floodFrames);
    std::printf("%-40s %21s %21s %17s %9s %23s\n", "flood, limits, decoding", "baseline median/worst",
                "flood median/worst", "ratio med/worst", "peak RSS", "accounted/budget MiB");
    for (const Row &r : rows)
        std::printf("%-40s %10.3f/%-10.3f %10.3f/%-10.3f %8.1f/%-8.1f %5lld MiB %10.1f/%-6s (%d calls)\n",
                    qPrintable(r.name), r.baseline.medianMs, r.baseline.worstMs, r.attacked.medianMs,
                    r.attacked.worstMs, r.attacked.medianMs / std::max(r.baseline.medianMs, 1e-6),
                    r.attacked.worstMs / std::max(r.baseline.worstMs, 1e-6), (long long)(r.peakRssKiB / 1024),
                    double(r.peakAccounted) / (1024 * 1024),
                    r.budget > 0 ? qPrintable(QString::number(r.budget / (1024 * 1024))) : "none",
                    r.attacked.samples);
    return 0;
}
