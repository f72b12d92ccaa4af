// SPDX-License-Identifier: MIT
// A good client's latency while a hostile network attacks a server with the public profile
// (ChannelOptions::withPublicProfile(), as `mas host --profile public`), and the server's peak
// resident memory against its memory budget (docs/security.md, section 2).
//
//   bench_limits [calls per phase, default 400]
//
// The server is a child process (this program with --serve), so that the attacks and the
// measurements do not share its event loop. Phases: baseline (no attack); connection
// exhaustion (360 connections from 127.0.0.2-10); trickled frames (140 connections each
// announcing a frame just under the size limit, sending 2 MiB of it and then a byte every
// 200 ms; measured during the 2 MiB burst, which this process sends too, and afterwards); descriptor pressure (a second server whose descriptor limit is 96, flooded from
// 127.0.0.2-13). For each: the good client's median and worst round trip on a connection it
// opened before, the ratio to the baseline, and whether a new connection of it gets in.
// Nothing is asserted about time; the figures go to docs/security.md.

#include "benchserver.h"

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/core/terminationsignals.h>

#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QtEndian>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace mas;
using namespace std::chrono_literals;

namespace {

int serve(const QString &fileLimit)
{
    if (!fileLimit.isEmpty()) {
        rlimit files{};
        getrlimit(RLIMIT_NOFILE, &files);
        files.rlim_cur = rlim_t(fileLimit.toLongLong());
        setrlimit(RLIMIT_NOFILE, &files);
    }
    const ChannelOptions options = ChannelOptions().withPublicProfile();
    Result<ChannelServer *> server = startServer(
        Address::tcp(QStringLiteral("127.0.0.1"), 0),
        [](Channel *channel) {
            QObject::connect(channel, &Channel::requestReceived, channel, [channel] {
                while (std::optional<Request> request = channel->takeRequest())
                    (void)request->reply(request->content());
            });
        },
        options, qApp);
    if (!server)
        return 1;
    std::printf("port %d\n", int((*server)->address().port()));
    std::fflush(stdout);
    // Report the accounted bytes every 100 ms (the peak so far).
    auto *report = new QTimer(qApp);
    QObject::connect(report, &QTimer::timeout, qApp, [s = *server] {
        std::printf("buffered %lld %lld\n", (long long)s->bufferedBytes(), (long long)s->peakBufferedBytes());
        std::fflush(stdout);
    });
    report->start(100);
    mas::onTerminationSignal(qApp, [](int) { QCoreApplication::quit(); });
    return QCoreApplication::exec();
}

using Server = mas::bench::BenchServer;

struct Figures
{
    double medianMs = 0;
    double worstMs = 0;
    int failed = 0;
};

Figures measure(Channel *good, int calls)
{
    std::vector<double> ms;
    Figures f;
    for (int i = 0; i < calls; ++i) {
        QElapsedTimer t;
        t.start();
        Result<Value> reply = QCoro::waitFor(good->send(Value(i), 30s));
        if (!reply || *reply != Value(i)) {
            ++f.failed;
            continue;
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        // The attacks go on between calls.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    std::sort(ms.begin(), ms.end());
    if (!ms.empty()) {
        f.medianMs = ms[ms.size() / 2];
        f.worstMs = ms.back();
    }
    return f;
}

bool newConnectionWorks(quint16 port)
{
    Result<std::unique_ptr<Channel>> c = QCoro::waitFor(
        openConnection(Address::tcp(QStringLiteral("127.0.0.1"), port)));
    if (!c)
        return false;
    Result<Value> reply = QCoro::waitFor((*c)->send(Value("ohai"), 10s));
    return reply && *reply == Value("ohai");
}

std::vector<std::unique_ptr<QTcpSocket>> connectMany(quint16 port, int count, int firstHost, int hosts)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < count; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        s->bind(QHostAddress(QStringLiteral("127.0.0.%1").arg(firstHost + i % hosts)), 0);
        s->connectToHost(QHostAddress::LocalHost, port);
        sockets.push_back(std::move(s));
    }
    QTest::qWait(1000); // let them connect (or be refused)
    return sockets;
}

void print(const char *phase, const Figures &f, const Figures &base, bool newOk)
{
    std::printf("%-24s median %8.3f ms  worst %8.3f ms  ratio median %6.2f worst %6.2f  failed %d  new connection %s\n",
                phase, f.medianMs, f.worstMs, base.medianMs > 0 ? f.medianMs / base.medianMs : 0.0,
                base.worstMs > 0 ? f.worstMs / base.worstMs : 0.0, f.failed, newOk ? "ok" : "REFUSED");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == u"--serve")
        return serve(args.value(2));
    const int calls = args.size() > 1 ? args.value(1).toInt() : 400;

    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = std::min<rlim_t>(files.rlim_max, 8192);
    setrlimit(RLIMIT_NOFILE, &files);

    Server server;
    if (!server.start({}))
        return 1;
    const Address address = Address::tcp(QStringLiteral("127.0.0.1"), server.port);
    Result<std::unique_ptr<Channel>> good = QCoro::waitFor(openConnection(address));
    if (!good)
        return 1;
    (void)measure(good->get(), 50); // warm-up
    const Figures base = measure(good->get(), calls);
    print("baseline", base, base, newConnectionWorks(server.port));

    {
        auto attackers = connectMany(server.port, 360, 2, 9);
        const Figures f = measure(good->get(), calls);
        print("connection exhaustion", f, base, newConnectionWorks(server.port));
    }
    QTest::qWait(500);

    {
        const qint64 announced = 4 * 1024 * 1024 - 100;
        auto attackers = connectMany(server.port, 140, 2, 10);
        QByteArray head(4, Qt::Uninitialized);
        qToBigEndian(quint32(announced), head.data());
        const QByteArray body(2 * 1024 * 1024, 'x');
        for (auto &s : attackers) {
            s->write(head);
            s->write(body);
        }
        QTimer trickle;
        QObject::connect(&trickle, &QTimer::timeout, &trickle, [&attackers] {
            for (auto &s : attackers) {
                if (s->state() == QAbstractSocket::ConnectedState)
                    s->write("y", 1);
            }
        });
        trickle.start(200);
        // First while the 280 MiB go out (this process writes them too), then while only the
        // trickle goes on.
        const Figures burst = measure(good->get(), calls);
        print("frames: 2 MiB burst", burst, base, newConnectionWorks(server.port));
        (void)QTest::qWaitFor([&] {
            return std::all_of(attackers.begin(), attackers.end(), [](const auto &s) {
                return s->state() != QAbstractSocket::ConnectedState || s->bytesToWrite() == 0;
            });
        }, 60'000);
        const Figures f = measure(good->get(), calls);
        print("frames: trickle", f, base, newConnectionWorks(server.port));
        // Until the minimum rate has closed them all.
        (void)QTest::qWaitFor([&] {
            return std::none_of(attackers.begin(), attackers.end(), [](const auto &s) {
                return s->state() == QAbstractSocket::ConnectedState;
            });
        }, 60'000);
        QTest::qWait(300);
        std::printf("  server: peak accounted %lld bytes, budget %lld bytes; peak RSS %lld KiB; "
                    "closed by the budget %lld, by the minimum rate %lld\n",
                    (long long)server.peakAccounted, (long long)ChannelOptions().withPublicProfile().memoryBudget,
                    (long long)server.peakRssKiB(), (long long)server.warnings("memoryBudget"),
                    (long long)server.warnings("minFrameByteRate"));
    }

    {
        Server limited;
        if (!limited.start({QStringLiteral("96")}))
            return 1;
        Result<std::unique_ptr<Channel>> client = QCoro::waitFor(
            openConnection(Address::tcp(QStringLiteral("127.0.0.1"), limited.port)));
        if (!client)
            return 1;
        const Figures before = measure(client->get(), calls);
        auto attackers = connectMany(limited.port, 180, 2, 12);
        const Figures f = measure(client->get(), calls);
        print("descriptor pressure", f, before, false);
        const qint64 cpuBefore = [&] {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(limited.process.processId()));
            stat.open(QIODevice::ReadOnly);
            const QList<QByteArray> fields = stat.readAll().split(' ');
            return fields.value(13).toLongLong() + fields.value(14).toLongLong();
        }();
        QTest::qWait(3000);
        QFile stat(QStringLiteral("/proc/%1/stat").arg(limited.process.processId()));
        stat.open(QIODevice::ReadOnly);
        const QList<QByteArray> fields = stat.readAll().split(' ');
        const qint64 cpuTicks = fields.value(13).toLongLong() + fields.value(14).toLongLong() - cpuBefore;
        attackers.clear();
        QTest::qWait(4000); // the back-off is at most 3.2 s
        const bool after = newConnectionWorks(limited.port);
        std::printf("  server (96 descriptors): CPU %lld ticks of %ld in 3 s while exhausted; "
                    "'cannot accept' lines %lld; a new connection after the flood: %s\n",
                    (long long)cpuTicks, sysconf(_SC_CLK_TCK) * 3,
                    (long long)limited.warnings("cannot accept"), after ? "ok" : "REFUSED");
    }
    return 0;
}
