// SPDX-License-Identifier: MIT
// `mas explore --workers N`: distinct states per second of a complete depth-first search with
// one worker and with two, and their ratio, in one run, on leader election (4 and 5 agents) and
// the two-phase commit (7); beside them the same search unsplit (`--frontier 0`: one part, one process,
// the fastest on one core before the workers shared their state cache).
//
//   bench_explore_workers [quick | AGENTS [FRONTIER]]   quick: small searches, for the smoke test;
//                         AGENTS: leader election with AGENTS only; default: leader election with
//                         4 and 5 agents, the two-phase commit with 7; --frontier FRONTIER
//                         (default: mas explore's, 2 parts per worker and at least 4: busy parts
//                         hand work off to idle workers)
//
// "Distinct states" is the unsplit search's count for every row (a split search counts per part,
// so a state two parts reach counts twice): the rows differ only in how long they take to the
// same verdict. Two clocks: the wall clock of the whole `mas explore` process tree (worker
// start-up included; unreliable on a loaded machine), and processor time: the process tree's
// total, and the critical path: the coordinator's (it finds the frontier, then explores parts
// beside the workers), or the frontier's plus the busiest worker's, whichever is longer (from
// --result), about what the wall clock would show on idle cores.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

struct Measured
{
    qint64 distinctStates = 0; ///< as this run counts them
    qint64 schedules = 0;
    qint64 wallMs = 0;
    qint64 cpuMs = 0;      ///< the process tree's processor time
    qint64 criticalMs = 0; ///< max(coordinator, frontier + the busiest worker)
    QString verdict;
    QString counterexample; ///< its lines
};

qint64 childrenCpuMs()
{
    rusage usage = {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
           + qint64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

double perSecond(qint64 count, qint64 ms)
{
    return ms > 0 ? double(count) * 1000.0 / double(ms) : 0.0;
}

std::optional<Measured> runMas(const QStringList &search, const QStringList &how)
{
    QTemporaryDir dir;
    const QString resultFile = dir.filePath(QStringLiteral("result.json"));
    QProcess process;
    QElapsedTimer clock;
    const qint64 cpuBefore = childrenCpuMs();
    clock.start();
    process.start(QStringLiteral(MAS_CLI), QStringList{QStringLiteral("explore")} + search + how
                                               + QStringList{QStringLiteral("--result"), resultFile});
    if (!process.waitForFinished(1'800'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() > 1) {
        std::fprintf(stderr, "mas explore failed: %s\n", process.readAllStandardError().constData());
        return std::nullopt;
    }
    Measured m;
    m.wallMs = clock.elapsed();
    m.cpuMs = childrenCpuMs() - cpuBefore;
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
    const qsizetype violated = out.indexOf(QStringLiteral("violated: "));
    if (violated >= 0) {
        m.counterexample = out.mid(violated);
        m.counterexample.remove(QRegularExpression(QStringLiteral("\\(first found: \\d+ steps\\)")));
        m.counterexample.remove(QRegularExpression(QStringLiteral("\n(written to|saved)[^\n]*")));
    }
    QFile file(resultFile);
    const QJsonObject result =
        file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
    qint64 busiest = 0;
    for (const QJsonValue &v : result.value(u"workerCpuMs").toArray())
        busiest = std::max(busiest, qint64(v.toDouble()));
    // The coordinator finds the frontier, then explores parts beside the workers.
    const qint64 coordinator = qint64(result.value(u"cpuMs").toDouble());
    const qint64 frontier = qint64(result.value(u"frontierCpuMs").toDouble());
    m.criticalMs = result.contains(u"cpuMs") ? std::max(coordinator, frontier + busiest) : m.cpuMs;
    return m;
}

/// One search: unsplit, then one worker, then two. False when they disagree or failed.
bool benchSearch(const QString &title, const QStringList &search, const QStringList &split)
{
    std::printf("\n%s, complete depth-first search (%d cores here)\n", qPrintable(title), QThread::idealThreadCount());
    const std::optional<Measured> unsplit = runMas(search, {QStringLiteral("--frontier"), QStringLiteral("0"),
                                                            QStringLiteral("--workers"), QStringLiteral("1")});
    const std::optional<Measured> one = runMas(search, split + QStringList{QStringLiteral("--workers"), QStringLiteral("1")});
    const std::optional<Measured> two = runMas(search, split + QStringList{QStringLiteral("--workers"), QStringLiteral("2")});
    if (!unsplit || !one || !two)
        return false;
    const qint64 distinct = unsplit->distinctStates;
    std::printf("%-26s %9s %9s %8s %8s %8s %12s %12s  %s\n", "", "schedules", "counted", "wall ms", "cpu ms",
                "path ms", "distinct/s", "distinct/s", "verdict");
    std::printf("%-26s %9s %9s %8s %8s %8s %12s %12s\n", "", "", "states", "", "(all)", "(critical)", "(wall)",
                "(cpu path)");
    for (const auto &[name, m] : {std::pair{"unsplit (--frontier 0)", *unsplit},
                                  std::pair{"mas explore --workers 1", *one}, std::pair{"mas explore --workers 2", *two}})
        std::printf("%-26s %9lld %9lld %8lld %8lld %8lld %12.1f %12.1f  %s\n", name, qlonglong(m.schedules),
                    qlonglong(m.distinctStates), qlonglong(m.wallMs), qlonglong(m.cpuMs), qlonglong(m.criticalMs),
                    perSecond(distinct, m.wallMs), perSecond(distinct, m.criticalMs), qPrintable(m.verdict));
    std::printf("distinct states of the search: %lld (the unsplit search's count)\n", qlonglong(distinct));
    std::printf("ratio 2 workers / 1 worker (distinct states per second): %.2f wall, %.2f processor time "
                "(critical path)\n",
                double(one->wallMs) / double(std::max<qint64>(1, two->wallMs)),
                double(one->criticalMs) / double(std::max<qint64>(1, two->criticalMs)));
    std::printf("ratio 2 workers / unsplit (distinct states per second): %.2f wall, %.2f processor time "
                "(critical path)\n",
                double(unsplit->wallMs) / double(std::max<qint64>(1, two->wallMs)),
                double(unsplit->criticalMs) / double(std::max<qint64>(1, two->criticalMs)));
    // The split must change neither the verdict nor the counterexample.
    if (one->verdict != two->verdict || one->verdict != unsplit->verdict || one->counterexample != two->counterexample
        || one->counterexample != unsplit->counterexample) {
        std::fprintf(stderr, "the verdicts or counterexamples differ:\n%s\n%s\n%s\n", qPrintable(unsplit->counterexample),
                     qPrintable(one->counterexample), qPrintable(two->counterexample));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = argc > 1 && qstrcmp(argv[1], "quick") == 0;
    QStringList split;
    if (argc > 2)
        split = QStringList{QStringLiteral("--frontier"), QString::fromLocal8Bit(argv[2])};
    else if (quick)
        split = QStringList{QStringLiteral("--frontier"), QStringLiteral("4")};
    const QStringList budget{QStringLiteral("--budget-seconds"), QStringLiteral("1800")};
    // Leader election with 4 agents (and 5: a search long enough for the workers' fixed costs
    // to matter less), the two-phase commit with 7 (with 4 it has 18 runs, over in 20 ms).
    QList<std::pair<QString, int>> searches;
    if (quick)
        searches = {{QStringLiteral("leader-election"), 3}, {QStringLiteral("two-phase-commit"), 3}};
    else if (argc > 1)
        searches = {{QStringLiteral("leader-election"), std::max(2, QString::fromLocal8Bit(argv[1]).toInt())}};
    else
        searches = {{QStringLiteral("leader-election"), 4},
                    {QStringLiteral("leader-election"), 5},
                    {QStringLiteral("two-phase-commit"), 7}};
    bool ok = true;
    for (const auto &[demo, agents] : std::as_const(searches))
        ok = benchSearch(QStringLiteral("%1, %2 agents").arg(demo).arg(agents),
                         QStringList{demo, QStringLiteral("--agents"), QString::number(agents)} + budget, split)
             && ok;
    return ok ? 0 : 1;
}
