// SPDX-License-Identifier: MIT
// `mas explore --workers N`: distinct states per second of a complete depth-first search with
// one worker (the baseline) and with two, and their ratio, in one run; beside them, the same
// search unsplit in this process (the library's Explorer), for the states the split costs:
// a part does not share the state cache and sleep sets of the parts before it, and its
// distinct states are counted per part (so a state two parts reach counts twice).
//
//   bench_explore_workers [quick | AGENTS [FRONTIER]]   quick: a small search, for the smoke test;
//                                   else leader election with AGENTS (default 4), --frontier FRONTIER (16)
//
// Times are wall-clock times of the whole `mas explore` process (worker start-up included).

#include <mas/demos/explorer.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include <QCoro/QCoroTask>

#include <cstdio>
#include <optional>

namespace {

struct Measured
{
    qint64 distinctStates = 0;
    qint64 schedules = 0;
    qint64 wallMs = 0;
    QString verdict;
};

double perSecond(qint64 count, qint64 ms)
{
    return ms > 0 ? double(count) * 1000.0 / double(ms) : 0.0;
}

std::optional<Measured> runMas(const QStringList &search, int workers)
{
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(MAS_CLI),
                  QStringList{QStringLiteral("explore")} + search
                      + QStringList{QStringLiteral("--workers"), QString::number(workers)});
    if (!process.waitForFinished(600'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() > 1) {
        std::fprintf(stderr, "mas explore failed: %s\n", process.readAllStandardError().constData());
        return std::nullopt;
    }
    Measured m;
    m.wallMs = clock.elapsed();
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QRegularExpressionMatch states = QRegularExpression(QStringLiteral("distinct states: (\\d+)")).match(out);
    const QRegularExpressionMatch schedules = QRegularExpression(QStringLiteral("schedules: (\\d+)")).match(out);
    const QRegularExpressionMatch verdict = QRegularExpression(QStringLiteral("seed \\d+[^;]*; (.*)")).match(out);
    if (!states.hasMatch() || !schedules.hasMatch()) {
        std::fprintf(stderr, "unexpected output:\n%s\n", qPrintable(out));
        return std::nullopt;
    }
    m.distinctStates = states.captured(1).toLongLong();
    m.schedules = schedules.captured(1).toLongLong();
    m.verdict = verdict.captured(1);
    return m;
}

QCoro::Task<int> bench(bool quick, int agentCount, QString frontierSize)
{
    const QString demo = QStringLiteral("leader-election");
    const int agents = quick ? 3 : agentCount;
    const QString frontier = quick ? QStringLiteral("4") : frontierSize;
    const QStringList search{demo, QStringLiteral("--agents"), QString::number(agents), QStringLiteral("--frontier"),
                             frontier, QStringLiteral("--budget-seconds"), QStringLiteral("600")};
    std::printf("%s, %d agents, complete depth-first search, --frontier %s (%d cores here)\n", qPrintable(demo),
                agents, qPrintable(frontier), QThread::idealThreadCount());

    // The unsplit search, in this process.
    mas::system::Parameters parameters;
    parameters.agents = agents;
    mas::demos::ExplorerOptions options;
    options.maxTime = std::chrono::milliseconds(600'000);
    QElapsedTimer clock;
    clock.start();
    mas::demos::Explorer explorer(demo, parameters, options);
    const mas::demos::ExplorerResult unsplit = co_await explorer.run();
    const qint64 unsplitMs = clock.elapsed();
    mas::LocalQueue::clearCache();
    std::printf("%-26s %10s %10s %10s %14s  %s\n", "", "schedules", "distinct", "wall ms", "distinct/s", "verdict");
    std::printf("%-26s %10lld %10lld %10lld %14.1f  %s\n", "unsplit (library)", qlonglong(unsplit.statistics.schedules),
                qlonglong(unsplit.statistics.distinctStates), qlonglong(unsplitMs),
                perSecond(unsplit.statistics.distinctStates, unsplitMs),
                qPrintable(mas::demos::ExplorerResult::verdictName(unsplit.verdict)));

    const std::optional<Measured> one = runMas(search, 1);
    const std::optional<Measured> two = runMas(search, 2);
    if (!one || !two)
        co_return 1;
    for (const auto &[name, m] : {std::pair{"mas explore --workers 1", *one}, std::pair{"mas explore --workers 2", *two}})
        std::printf("%-26s %10lld %10lld %10lld %14.1f  %s\n", name, qlonglong(m.schedules), qlonglong(m.distinctStates),
                    qlonglong(m.wallMs), perSecond(m.distinctStates, m.wallMs), qPrintable(m.verdict));
    const double ratio = perSecond(two->distinctStates, two->wallMs) / perSecond(one->distinctStates, one->wallMs);
    std::printf("ratio 2 workers / 1 worker (distinct states per second): %.2f\n", ratio);
    std::printf("states counted by the split search / the unsplit one: %.2f\n",
                double(one->distinctStates) / double(std::max<qint64>(1, unsplit.statistics.distinctStates)));
    // The split must not change the verdict or depend on the workers.
    if (one->verdict != two->verdict || one->distinctStates != two->distinctStates
        || one->verdict != mas::demos::ExplorerResult::verdictName(unsplit.verdict)) {
        std::fprintf(stderr, "the verdicts or counts differ\n");
        co_return 1;
    }
    co_return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!mas::demos::registerDemos())
        return 1;
    const bool quick = argc > 1 && qstrcmp(argv[1], "quick") == 0;
    const int agents = !quick && argc > 1 ? std::max(2, QString::fromLocal8Bit(argv[1]).toInt()) : 4;
    const QString frontier = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("16");
    int rc = 1;
    QCoro::connect(bench(quick, agents, frontier), &app, [&rc](int result) {
        rc = result;
        QCoreApplication::quit();
    });
    app.exec();
    return rc;
}
