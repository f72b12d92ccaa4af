// SPDX-License-Identifier: MIT
// The look-ahead's latency: from a step's request to the last mark, on leader election with 5
// agents, for k = 4, 6 and 8, at two states of a run (after 8 and 16 deliveries in queue order).
//
//   own:      the Inspector's way, a `mas explore --lookahead-serve` child that stays alive between
//             steps (LookAheadClient): the request written, the marks read back;
//   baseline: the same search from a fresh `mas explore --lookahead K --session FILE` per step
//             (process start, plug-in loading, then the search);
//   beside them, the search in this process (LookAhead, no process at all).
//
//   bench_lookahead [quick]   quick: k = 4 and one repetition, for the smoke test
//
// Wall-clock medians; the machine's load moves them, the ratio less.

#include <mas/demos/demosystem.h>
#include <mas/system/lookahead.h>
#include <mas/system/session.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <QCoro/QCoroTask>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

using namespace mas;
using namespace mas::system;

namespace {

Parameters election()
{
    Parameters parameters;
    parameters.agents = 5;
    return parameters;
}

/// The run of the first `deliveries` deliveries in queue order.
TrafficLog runOf(int deliveries)
{
    LocalQueue::clearCache();
    LocalQueue::get(QStringLiteral("bench"));
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    net->setRecording(true);
    std::unique_ptr<System> system =
        std::move(*SystemRegistry::global().find(QStringLiteral("leader-election"))->build(QStringLiteral("bench"), election()));
    system->start();
    QCoro::waitFor(net->runUntilIdle(deliveries));
    TrafficLog log(net->eventLog().schedule());
    system.reset();
    LocalQueue::clearCache();
    return log;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// A request to the child and the wait for its end; -1 on failure.
double viaChild(LookAheadClient &client, const TrafficLog &log, int k, int *marks)
{
    QEventLoop loop;
    double ms = -1;
    QElapsedTimer clock;
    quint64 request = 0;
    int found = 0;
    auto onMark = QObject::connect(&client, &LookAheadClient::markFound, &loop,
                                   [&](quint64 r, const LookAheadMark &) { found += r == request ? 1 : 0; });
    auto onEnd = QObject::connect(&client, &LookAheadClient::searchEnded, &loop,
                                  [&](quint64 r, const QString &end, const QString &error) {
                                      if (r != request)
                                          return;
                                      if (end == u"done")
                                          ms = double(clock.nsecsElapsed()) / 1e6;
                                      else
                                          std::fprintf(stderr, "search %s: %s\n", qPrintable(end), qPrintable(error));
                                      loop.quit();
                                  });
    QTimer::singleShot(600'000, &loop, &QEventLoop::quit);
    clock.start();
    Result<quint64> r = client.request(QStringLiteral("leader-election"), QString(), election(), log, k);
    if (r) {
        request = *r;
        loop.exec();
    }
    QObject::disconnect(onMark);
    QObject::disconnect(onEnd);
    *marks = found;
    return ms;
}

/// A fresh `mas explore --lookahead K --session FILE`: the whole process's wall time.
double viaFreshProcess(const QString &sessionFile, int k)
{
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(MAS_CLI), QStringList{QStringLiteral("explore"), QStringLiteral("--lookahead"),
                                                       QString::number(k), QStringLiteral("--session"), sessionFile});
    if (!process.waitForFinished(600'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "mas explore --lookahead failed: %s\n", process.readAllStandardError().constData());
        return -1;
    }
    return double(clock.nsecsElapsed()) / 1e6;
}

double inProcess(const TrafficLog &log, int k)
{
    LookAheadOptions options;
    options.depth = k;
    LookAhead search(*SystemRegistry::global().find(QStringLiteral("leader-election")), election(), log, options);
    QElapsedTimer clock;
    clock.start();
    Result<std::vector<LookAheadMark>> marks = QCoro::waitFor(search.run());
    return marks ? double(clock.nsecsElapsed()) / 1e6 : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = argc > 1 && qstrcmp(argv[1], "quick") == 0;
    if (!mas::demos::registerDemos()) {
        std::fprintf(stderr, "cannot register the demos\n");
        return 1;
    }
    const std::vector<int> depths = quick ? std::vector<int>{4} : std::vector<int>{4, 6, 8};
    const int repetitions = quick ? 1 : 5;
    QTemporaryDir directory;
    struct State
    {
        int deliveries;
        TrafficLog log;
        QString file;
    };
    std::vector<State> states;
    for (int deliveries : {8, 16}) {
        State state{deliveries, runOf(deliveries), directory.filePath(QStringLiteral("run-%1.massession").arg(deliveries))};
        Session session;
        session.demo = QStringLiteral("leader-election");
        session.parameters = election();
        session.log = state.log;
        if (!session.save(state.file)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(state.file));
            return 1;
        }
        states.push_back(std::move(state));
    }

    LookAheadClient client(QStringLiteral(MAS_CLI));
    // The child's start and first system, paid once per window.
    {
        QElapsedTimer clock;
        clock.start();
        int marks = 0;
        if (viaChild(client, states.front().log, 1, &marks) < 0)
            return 1;
        std::printf("child started and searched k = 1 in %.1f ms (once per window)\n", double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("leader election, 5 agents; wall-clock medians of %d runs\n", repetitions);
    std::printf("%-4s %-10s %8s %12s %12s %12s %8s\n", "k", "state", "marks", "child ms", "fresh ms", "in-proc ms",
                "fresh/child");
    bool failed = false;
    for (int k : depths) {
        for (const State &state : states) {
            std::vector<double> child, fresh, local;
            int marks = 0;
            for (int i = 0; i < repetitions; ++i) {
                const double c = viaChild(client, state.log, k, &marks);
                const double f = viaFreshProcess(state.file, k);
                const double l = inProcess(state.log, k);
                if (c < 0 || f < 0 || l < 0) {
                    failed = true;
                    break;
                }
                child.push_back(c);
                fresh.push_back(f);
                local.push_back(l);
            }
            if (failed)
                break;
            const double c = median(child), f = median(fresh);
            std::printf("%-4d %2d steps   %8d %12.1f %12.1f %12.1f %7.2fx\n", k, state.deliveries, marks, c, f,
                        median(local), c > 0 ? f / c : 0.0);
            std::fflush(stdout);
        }
    }
    client.stop();
    return failed ? 1 : 0;
}
