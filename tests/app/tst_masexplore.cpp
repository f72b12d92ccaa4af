// SPDX-License-Identifier: MIT
// `mas explore` on several workers and as shards of an array job: the same verdicts and
// counterexamples as one worker, shards merged as one run, the batch schedulers' variables,
// merges of files from different searches refused, a crashed worker failing the search, and
// busy parts handing work off to idle workers (work stealing) with the same results.

#include "processrun.h"

#include <mas/system/session.h>
#include <mas/trace/trafficlog.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <set>

namespace {

constexpr int kTimeoutMs = 300'000; // a loaded machine under the sanitizers

mas::test::Outcome runMas(const QStringList &args,
                       const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return mas::test::runToEnd(QStringLiteral(MAS_CLI), args, kTimeoutMs, environment);
}

/// The environment without the batch schedulers' variables (the test may run in an array job).
QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN",
                             "JOB_COMPLETION_INDEX", "MAS_EXPLORE_TEST_CRASH_PART"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

/// What must not depend on how the search was shared out: the output without its times, the
/// split line (it names the workers) and where the counterexample went.
QStringList result(const QString &output)
{
    QStringList lines;
    for (const QString &line : output.split(u'\n')) {
        if (line.startsWith(u"search: ") || line.startsWith(u"split: ") || line.startsWith(u"written to ")
            || line.startsWith(u"shard ") || line.isEmpty())
            continue;
        lines.append(line);
    }
    return lines;
}

/// What must not depend on the number of workers: result() without the counts (the workers
/// share a state cache, so what a part cuts depends on which worker got where first).
QStringList verdictAndCounterexample(const QString &output)
{
    QStringList lines = result(output);
    lines.removeIf([](const QString &line) {
        return line.startsWith(u"schedules: ") || line.startsWith(u"transitions: ");
    });
    return lines;
}

/// The quiet end states the searches wrote to `dir` (MAS_EXPLORE_TEST_END_STATES), all processes'.
std::set<QString> endStatesIn(const QString &dir)
{
    std::set<QString> states;
    for (const QFileInfo &info : QDir(dir).entryInfoList({QStringLiteral("end-states-*.txt")}, QDir::Files)) {
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.isEmpty())
                states.insert(QString::fromUtf8(line));
        }
    }
    return states;
}

/// The counterexample's log in `file`, empty when there is none.
mas::TrafficLog counterexampleIn(const QString &file)
{
    if (!QFile::exists(file))
        return {};
    mas::Result<mas::system::Session> session = mas::system::Session::load(file);
    if (!session)
        return {};
    return session->log;
}

} // namespace

class tst_MasExplore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workersAgree_data();
    void workersAgree();
    void workersReachTheSameEndStates_data();
    void workersReachTheSameEndStates();
    void shardsMergeAsOneRun();
    void schedulerVariables();
    void mergeRefusesOtherSearches();
    void crashedWorkerFailsTheSearch();
    void busyPartsHandOff_data();
    void busyPartsHandOff();
    void compareNamesEachRunsAgents();
    void help();
};

void tst_MasExplore::workersAgree_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    // Small searches, split into a few parts (--frontier) so that two workers share them.
    const QString frontier = QStringLiteral("--frontier");
    QTest::newRow("leader-election") << QStringList{QStringLiteral("leader-election"), QStringLiteral("--agents"),
                                                    QStringLiteral("3"), frontier, QStringLiteral("4")}
                                     << 0;
    QTest::newRow("leader-election faulty")
        << QStringList{QStringLiteral("leader-election"), QStringLiteral("--agents"), QStringLiteral("3"),
                       QStringLiteral("--faulty"), frontier, QStringLiteral("4")}
        << 1;
    QTest::newRow("leader-election faulty unsplit")
        << QStringList{QStringLiteral("leader-election"), QStringLiteral("--agents"), QStringLiteral("3"),
                       QStringLiteral("--faulty"), frontier, QStringLiteral("0")}
        << 1;
    QTest::newRow("echo") << QStringList{QStringLiteral("echo"), QStringLiteral("--agents"), QStringLiteral("3"),
                                         frontier, QStringLiteral("4")}
                          << 0;
    QTest::newRow("echo random") << QStringList{QStringLiteral("echo"), QStringLiteral("--agents"),
                                                QStringLiteral("3"), QStringLiteral("--mode"), QStringLiteral("random"),
                                                QStringLiteral("--walks"), QStringLiteral("6"), QStringLiteral("--seed"),
                                                QStringLiteral("3")}
                                 << 0;
    QTest::newRow("ping-pong faulty drop")
        << QStringList{QStringLiteral("ping-pong"), QStringLiteral("--agents"), QStringLiteral("2"),
                       QStringLiteral("--rounds"), QStringLiteral("1"), QStringLiteral("--faulty"),
                       QStringLiteral("--faults"), QStringLiteral("1"), frontier, QStringLiteral("4")}
        << 1;
    QTest::newRow("contract-net") << QStringList{QStringLiteral("contract-net"), QStringLiteral("--agents"),
                                                 QStringLiteral("3"), frontier, QStringLiteral("2")}
                                  << 0;
    // One part (or two) at the frontier: the worker without one gets parts handed off.
    QTest::newRow("leader-election faulty, one part")
        << QStringList{QStringLiteral("leader-election"), QStringLiteral("--agents"), QStringLiteral("3"),
                       QStringLiteral("--faulty"), frontier, QStringLiteral("1")}
        << 1;
    QTest::newRow("two-phase-commit, one part") << QStringList{QStringLiteral("two-phase-commit"), QStringLiteral("--agents"),
                                                               QStringLiteral("3"), frontier, QStringLiteral("1")}
                                                << 0;
    QTest::newRow("two-phase-commit faulty blocked")
        << QStringList{QStringLiteral("two-phase-commit"), QStringLiteral("--agents"), QStringLiteral("3"),
                       QStringLiteral("--faulty"), QStringLiteral("--invariant"), QStringLiteral("blocked"), frontier,
                       QStringLiteral("2")}
        << 1;
}

void tst_MasExplore::workersAgree()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList outputs;
    QList<mas::TrafficLog> logs;
    // One worker, two (sharing a state cache), and depth first also the search unsplit (the
    // parts start with the unsplit search's sleep sets: the same first violation).
    QList<QStringList> ways{{QStringLiteral("--workers"), QStringLiteral("1")},
                            {QStringLiteral("--workers"), QStringLiteral("2")}};
    if (arguments.contains(QStringLiteral("--frontier")))
        ways.append({QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--frontier"), QStringLiteral("0")});
    for (const QStringList &way : std::as_const(ways)) {
        const QString file = dir.filePath(QStringLiteral("run-%1.jsonl").arg(outputs.size()));
        const mas::test::Outcome run =
            runMas(QStringList{QStringLiteral("explore")} + arguments + way + QStringList{QStringLiteral("--out"), file},
                cleanEnvironment());
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QStringLiteral("%1 worker").arg(way[1])), qPrintable(run.out));
        outputs.append(verdictAndCounterexample(run.out).join(u'\n'));
        logs.append(counterexampleIn(file));
    }
    // The verdict and the counterexample's steps, line by line.
    for (qsizetype i = 1; i < outputs.size(); ++i)
        QCOMPARE(outputs[i], outputs[0]);
    QVERIFY(outputs[0].contains(exitCode == 1 ? QStringLiteral("; violation") : QStringLiteral("agents, seed")));
    // The same run, event for event.
    QCOMPARE(logs[0].isEmpty(), exitCode == 0);
    for (qsizetype i = 1; i < logs.size(); ++i) {
        QCOMPARE(logs[i].size(), logs[0].size());
        QVERIFY(!mas::TrafficLog::firstDifference(logs[0], logs[i]).has_value());
    }
}

void tst_MasExplore::workersReachTheSameEndStates_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString frontier = QStringLiteral("--frontier");
    QTest::newRow("leader-election") << QStringList{QStringLiteral("leader-election"), QStringLiteral("--agents"),
                                                    QStringLiteral("3"), frontier, QStringLiteral("6")};
    QTest::newRow("echo") << QStringList{QStringLiteral("echo"), QStringLiteral("--agents"), QStringLiteral("3"),
                                         frontier, QStringLiteral("6")};
    QTest::newRow("contract-net") << QStringList{QStringLiteral("contract-net"), QStringLiteral("--agents"),
                                                 QStringLiteral("3"), frontier, QStringLiteral("6")};
    QTest::newRow("two-phase-commit") << QStringList{QStringLiteral("two-phase-commit"), QStringLiteral("--agents"),
                                                     QStringLiteral("3"), frontier, QStringLiteral("6")};
    QTest::newRow("ping-pong") << QStringList{QStringLiteral("ping-pong"), QStringLiteral("--agents"),
                                              QStringLiteral("2"), QStringLiteral("--rounds"), QStringLiteral("1"),
                                              frontier, QStringLiteral("4")};
    // One part at the frontier: the parts handed off reach the same end states.
    QTest::newRow("leader-election, one part") << QStringList{QStringLiteral("leader-election"),
                                                              QStringLiteral("--agents"), QStringLiteral("3"),
                                                              frontier, QStringLiteral("1")};
    QTest::newRow("two-phase-commit, one part") << QStringList{QStringLiteral("two-phase-commit"),
                                                               QStringLiteral("--agents"), QStringLiteral("3"),
                                                               frontier, QStringLiteral("1")};
}

void tst_MasExplore::workersReachTheSameEndStates()
{
    // Every quiet end state a complete search reaches (the test hook MAS_EXPLORE_TEST_END_STATES
    // has every search of every process write them): the same set unsplit, split on one worker,
    // and split on two workers that share a state cache.
    QFETCH(QStringList, arguments);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<std::set<QString>> sets;
    const QList<QStringList> ways{{QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--frontier"),
                                   QStringLiteral("0")},
                                  {QStringLiteral("--workers"), QStringLiteral("1")},
                                  {QStringLiteral("--workers"), QStringLiteral("2")}};
    for (const QStringList &way : ways) {
        const QString states = dir.filePath(QStringLiteral("states-%1").arg(sets.size()));
        QVERIFY(QDir().mkpath(states));
        QProcessEnvironment environment = cleanEnvironment();
        environment.insert(QStringLiteral("MAS_EXPLORE_TEST_END_STATES"), states);
        const mas::test::Outcome run =
            runMas(QStringList{QStringLiteral("explore")} + arguments + way, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QStringLiteral("; verified")), qPrintable(run.out));
        sets.append(endStatesIn(states));
        qInfo().noquote() << way.join(u' ') << ":" << sets.back().size() << "end states;"
                          << run.out.section(u'\n', 1, 1);
    }
    QVERIFY(!sets[0].empty());
    QCOMPARE(sets[1], sets[0]);
    QCOMPARE(sets[2], sets[0]);
}

void tst_MasExplore::shardsMergeAsOneRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList search{QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--agents"),
                             QStringLiteral("3"), QStringLiteral("--faulty"), QStringLiteral("--frontier"),
                             QStringLiteral("6"), QStringLiteral("--workers"), QStringLiteral("1")};
    const QString whole = dir.filePath(QStringLiteral("whole.jsonl"));
    const mas::test::Outcome one = runMas(search + QStringList{QStringLiteral("--out"), whole}, cleanEnvironment());
    QVERIFY2(one.exitCode == 1, qPrintable(one.out + one.err));

    QStringList results;
    for (int shard = 0; shard < 3; ++shard) {
        const QString file = dir.filePath(QStringLiteral("shard-%1.json").arg(shard));
        const mas::test::Outcome part = runMas(search + QStringList{QStringLiteral("--shard"),
                                                                 QStringLiteral("%1/3").arg(shard),
                                                                 QStringLiteral("--result"), file},
                                            cleanEnvironment());
        QVERIFY2(part.exitCode == 0 || part.exitCode == 1, qPrintable(part.out + part.err));
        QVERIFY2(part.out.contains(QStringLiteral("shard %1 of 3").arg(shard)), qPrintable(part.out));
        results.append(file);
    }
    const QString merged = dir.filePath(QStringLiteral("merged.jsonl"));
    // In another order than the shards': the merge does not depend on it.
    const mas::test::Outcome merge =
        runMas(QStringList{QStringLiteral("explore"), QStringLiteral("--merge"), results[2], results[0], results[1],
                        QStringLiteral("--out"), merged},
            cleanEnvironment());
    QVERIFY2(merge.exitCode == 1, qPrintable(merge.out + merge.err));
    QVERIFY2(merge.out.contains(QStringLiteral("merged from 3 file")), qPrintable(merge.out));
    QCOMPARE(result(merge.out), result(one.out));
    const mas::TrafficLog a = counterexampleIn(whole);
    const mas::TrafficLog b = counterexampleIn(merged);
    QVERIFY(!a.isEmpty());
    QVERIFY(!mas::TrafficLog::firstDifference(a, b).has_value());
    mas::Result<mas::system::Session> session = mas::system::Session::load(merged);
    QVERIFY(session);
    QCOMPARE(session->demo, QStringLiteral("leader-election"));
    QCOMPARE(session->parameters.agents, 3);
    QVERIFY(session->parameters.faulty);

    // Two shards left out: refused, with the missing ones named.
    const mas::test::Outcome partial =
        runMas({QStringLiteral("explore"), QStringLiteral("--merge"), results[0]}, cleanEnvironment());
    QCOMPARE(partial.exitCode, 2);
    QVERIFY2(partial.err.contains(QStringLiteral("of 3 missing (1, 2)")), qPrintable(partial.err));
    // One shard twice: refused.
    const mas::test::Outcome twice =
        runMas({QStringLiteral("explore"), QStringLiteral("--merge"), results[0], results[0], results[1]},
            cleanEnvironment());
    QCOMPARE(twice.exitCode, 2);
    QVERIFY2(twice.err.contains(QStringLiteral("are both shard 0")), qPrintable(twice.err));
}

void tst_MasExplore::schedulerVariables()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList search{QStringLiteral("explore"), QStringLiteral("echo"), QStringLiteral("--agents"),
                             QStringLiteral("3"), QStringLiteral("--frontier"), QStringLiteral("4"),
                             QStringLiteral("--workers"), QStringLiteral("1")};
    auto shardOf = [](const QString &file) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return qMakePair(-1, -1);
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        return qMakePair(o.value(u"shard").toInt(-1), o.value(u"shards").toInt(-1));
    };

    // Slurm: an array --array=4-6 (3 tasks); task 5 is the second shard.
    QProcessEnvironment slurm = cleanEnvironment();
    slurm.insert(QStringLiteral("SLURM_ARRAY_TASK_ID"), QStringLiteral("5"));
    slurm.insert(QStringLiteral("SLURM_ARRAY_TASK_MIN"), QStringLiteral("4"));
    slurm.insert(QStringLiteral("SLURM_ARRAY_TASK_COUNT"), QStringLiteral("3"));
    const QString slurmFile = dir.filePath(QStringLiteral("slurm.json"));
    const mas::test::Outcome s = runMas(search + QStringList{QStringLiteral("--result"), slurmFile}, slurm);
    QVERIFY2(s.exitCode == 0, qPrintable(s.out + s.err));
    QVERIFY2(s.out.contains(QStringLiteral("shard 1 of 3")), qPrintable(s.out));
    QCOMPARE(shardOf(slurmFile), qMakePair(1, 3));
    // --shard wins over the variables.
    const QString given = dir.filePath(QStringLiteral("given.json"));
    const mas::test::Outcome g = runMas(search + QStringList{QStringLiteral("--shard"), QStringLiteral("0/2"),
                                                          QStringLiteral("--result"), given},
                                     slurm);
    QVERIFY2(g.exitCode == 0, qPrintable(g.out + g.err));
    QCOMPARE(shardOf(given), qMakePair(0, 2));
    // A shard without --result would lose its part: refused.
    const mas::test::Outcome lost = runMas(search, slurm);
    QCOMPARE(lost.exitCode, 2);
    QVERIFY2(lost.err.contains(QStringLiteral("--result FILE")), qPrintable(lost.err));

    // A Kubernetes indexed Job: JOB_COMPLETION_INDEX and the completions as --shard-count.
    QProcessEnvironment job = cleanEnvironment();
    job.insert(QStringLiteral("JOB_COMPLETION_INDEX"), QStringLiteral("2"));
    const QString jobFile = dir.filePath(QStringLiteral("job.json"));
    const mas::test::Outcome k = runMas(search + QStringList{QStringLiteral("--shard-count"), QStringLiteral("3"),
                                                          QStringLiteral("--result"), jobFile},
                                     job);
    QVERIFY2(k.exitCode == 0, qPrintable(k.out + k.err));
    QCOMPARE(shardOf(jobFile), qMakePair(2, 3));
    const mas::test::Outcome noCount = runMas(search + QStringList{QStringLiteral("--result"), jobFile}, job);
    QCOMPARE(noCount.exitCode, 2);
    QVERIFY2(noCount.err.contains(QStringLiteral("--shard-count N")), qPrintable(noCount.err));
    job.insert(QStringLiteral("JOB_COMPLETION_INDEX"), QStringLiteral("3"));
    const mas::test::Outcome outOfRange = runMas(search + QStringList{QStringLiteral("--shard-count"), QStringLiteral("3"),
                                                                   QStringLiteral("--result"), jobFile},
                                              job);
    QCOMPARE(outOfRange.exitCode, 2);
    QVERIFY2(outOfRange.err.contains(QStringLiteral("JOB_COMPLETION_INDEX (3)")), qPrintable(outOfRange.err));
}

void tst_MasExplore::mergeRefusesOtherSearches()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList common{QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--agents"),
                             QStringLiteral("3"), QStringLiteral("--frontier"), QStringLiteral("4"),
                             QStringLiteral("--workers"), QStringLiteral("1")};
    const QString correct = dir.filePath(QStringLiteral("correct.json"));
    const QString faulty = dir.filePath(QStringLiteral("faulty.json"));
    const mas::test::Outcome a = runMas(common + QStringList{QStringLiteral("--shard"), QStringLiteral("0/2"),
                                                          QStringLiteral("--result"), correct},
                                     cleanEnvironment());
    QVERIFY2(a.exitCode == 0, qPrintable(a.out + a.err));
    const mas::test::Outcome b = runMas(common + QStringList{QStringLiteral("--faulty"), QStringLiteral("--shard"),
                                                          QStringLiteral("1/2"), QStringLiteral("--result"), faulty},
                                     cleanEnvironment());
    QVERIFY2(b.exitCode == 0 || b.exitCode == 1, qPrintable(b.out + b.err));
    const mas::test::Outcome merge =
        runMas({QStringLiteral("explore"), QStringLiteral("--merge"), correct, faulty}, cleanEnvironment());
    QCOMPARE(merge.exitCode, 2);
    QVERIFY2(merge.err.contains(QStringLiteral("are results of different searches")), qPrintable(merge.err));
    QVERIFY(merge.out.isEmpty());

    // Not a result file at all.
    const QString text = dir.filePath(QStringLiteral("notes.json"));
    QFile notes(text);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("{\"hello\": 1}\n");
    notes.close();
    const mas::test::Outcome junk = runMas({QStringLiteral("explore"), QStringLiteral("--merge"), text}, cleanEnvironment());
    QCOMPARE(junk.exitCode, 2);
    QVERIFY2(junk.err.contains(QStringLiteral("is not a result of mas explore --result")), qPrintable(junk.err));
}

void tst_MasExplore::crashedWorkerFailsTheSearch()
{
    // The worker given part 1 dies (MAS_EXPLORE_TEST_CRASH_PART): the search fails, naming it,
    // and ends (runToEnd's time-out would report a hang). Three workers: this process and two
    // worker processes, which get parts 0 and 1 first.
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(QStringLiteral("MAS_EXPLORE_TEST_CRASH_PART"), QStringLiteral("1"));
    const mas::test::Outcome run =
        runMas({QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--agents"), QStringLiteral("3"),
             QStringLiteral("--frontier"), QStringLiteral("4"), QStringLiteral("--workers"), QStringLiteral("3")},
            environment);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QRegularExpression(QStringLiteral("worker \\d exited with status 3 while exploring part 1"))),
             qPrintable(run.err));
    QVERIFY2(!run.out.contains(QStringLiteral("verified")), qPrintable(run.out));
}

void tst_MasExplore::busyPartsHandOff_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("handsOff"); // whether a hand-off is sure to count (before any violation)
    QTest::newRow("leader-election n=4") << QStringList{QStringLiteral("leader-election"), QStringLiteral("--agents"),
                                                        QStringLiteral("4")}
                                         << 0 << true;
    QTest::newRow("leader-election faulty n=3")
        << QStringList{QStringLiteral("leader-election"), QStringLiteral("--agents"), QStringLiteral("3"),
                       QStringLiteral("--faulty")}
        << 1 << true;
    // Violations in the part of the frontier and often in parts it handed off: the first in
    // search order is the one shrunk.
    QTest::newRow("ping-pong faulty drop")
        << QStringList{QStringLiteral("ping-pong"), QStringLiteral("--agents"), QStringLiteral("2"),
                       QStringLiteral("--rounds"), QStringLiteral("1"), QStringLiteral("--faulty"),
                       QStringLiteral("--faults"), QStringLiteral("1")}
        << 1 << false;
}

void tst_MasExplore::busyPartsHandOff()
{
    // --frontier 1: the search is split where it first has a run, into one part or two; the
    // other process asks for work at once, so the busy part hands some off (its place in
    // search order below its own). The result is the unsplit search's, and so is the merge of
    // the result file.
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(bool, handsOff);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const mas::test::Outcome unsplit =
        runMas(QStringList{QStringLiteral("explore")} + arguments
                   + QStringList{QStringLiteral("--frontier"), QStringLiteral("0"), QStringLiteral("--workers"),
                                 QStringLiteral("1")},
               cleanEnvironment());
    QVERIFY2(unsplit.exitCode == exitCode, qPrintable(unsplit.out + unsplit.err));
    const QString resultFile = dir.filePath(QStringLiteral("result.json"));
    const mas::test::Outcome stolen =
        runMas(QStringList{QStringLiteral("explore")} + arguments
                   + QStringList{QStringLiteral("--frontier"), QStringLiteral("1"), QStringLiteral("--workers"),
                                 QStringLiteral("2"), QStringLiteral("--result"), resultFile},
               cleanEnvironment());
    QVERIFY2(stolen.exitCode == exitCode, qPrintable(stolen.out + stolen.err));
    QCOMPARE(verdictAndCounterexample(stolen.out), verdictAndCounterexample(unsplit.out));
    if (handsOff)
        QVERIFY2(stolen.out.contains(QStringLiteral("handed off by busy parts")), qPrintable(stolen.out));

    QFile file(resultFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject result = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(result.value(u"mas-explore-result").toInt(), 3);
    const int parts = result.value(u"parts").toInt();
    QVERIFY(parts >= 1 && parts <= 2);
    const QJsonArray results = result.value(u"results").toArray();
    int handedOffParts = 0;
    qint64 handOffs = 0;
    for (const QJsonValue &v : results) {
        const QJsonObject part = v.toObject();
        const quint64 order = part.value(u"order").toString().toULongLong();
        if (order % (quint64(1) << 40) != 0)
            ++handedOffParts; // below a part of the frontier: handed off
        handOffs += qint64(part.value(u"stats").toObject().value(u"handOffs").toDouble());
    }
    if (handsOff)
        QVERIFY2(handedOffParts >= 1, qPrintable(stolen.out));
    if (exitCode == 0) // every part explored: the frontier's and all they handed off
        QCOMPARE(qint64(results.size()), qint64(parts) + handOffs);

    const mas::test::Outcome merged =
        runMas({QStringLiteral("explore"), QStringLiteral("--merge"), resultFile}, cleanEnvironment());
    QVERIFY2(merged.exitCode == exitCode, qPrintable(merged.out + merged.err));
    QCOMPARE(verdictAndCounterexample(merged.out), verdictAndCounterexample(unsplit.out));
}

void tst_MasExplore::compareNamesEachRunsAgents()
{
    // Two counterexamples of runs with other seeds (their agents' ids differ): `mas explore
    // --compare A B` names run A's agents as run A names them and run B's as run B does
    // ("node 1 (id 25)"), as each search's steps did, not by address ("explore-2/0").
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList files;
    QStringList steps;
    for (const QString &seed : {QStringLiteral("1"), QStringLiteral("2")}) {
        files.append(dir.filePath(QStringLiteral("seed-%1.jsonl").arg(seed)));
        const mas::test::Outcome explored = runMas({QStringLiteral("explore"), QStringLiteral("leader-election"),
                                                    QStringLiteral("--agents"), QStringLiteral("3"), QStringLiteral("--faulty"),
                                                    QStringLiteral("--seed"), seed, QStringLiteral("--workers"),
                                                    QStringLiteral("1"), QStringLiteral("--out"), files.last()},
                                                   cleanEnvironment());
        QVERIFY2(explored.exitCode == 1, qPrintable(explored.out + explored.err));
        steps.append(explored.out);
    }
    const mas::test::Outcome compared =
        runMas({QStringLiteral("explore"), QStringLiteral("--compare"), files[0], files[1]}, cleanEnvironment());
    QVERIFY2(compared.exitCode == 1, qPrintable(compared.out + compared.err));
    // "  run A delivered election(25): node 1 (id 25) → node 2 (id 46) (event 12)"
    static const QRegularExpression choice(QStringLiteral("^  run ([AB]) \\S+ [^:]*: (.+) → (.+) \\(event \\d+\\)$"),
                                           QRegularExpression::MultilineOption);
    int named = 0;
    for (QRegularExpressionMatchIterator it = choice.globalMatch(compared.out); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int run = m.captured(1) == u"A" ? 0 : 1;
        for (const QString &name : {m.captured(2), m.captured(3)}) {
            QVERIFY2(name.contains(QStringLiteral("(id ")), qPrintable(compared.out));
            QVERIFY2(!name.contains(u'/'), qPrintable(compared.out));
            // the run's own name of the agent, as its search named it
            QVERIFY2(steps[run].contains(name), qPrintable(name + u'\n' + steps[run]));
            ++named;
        }
    }
    QVERIFY2(named >= 2, qPrintable(compared.out));
    // a bare log does not say which system ran: its agents keep their addresses
    const mas::TrafficLog bare = counterexampleIn(files[1]);
    const QString bareFile = dir.filePath(QStringLiteral("bare.jsonl"));
    QVERIFY(bare.save(bareFile));
    const mas::test::Outcome withBare =
        runMas({QStringLiteral("explore"), QStringLiteral("--compare"), files[0], bareFile}, cleanEnvironment());
    QVERIFY2(withBare.exitCode == 1, qPrintable(withBare.out + withBare.err));
    QVERIFY2(withBare.out.contains(QRegularExpression(QStringLiteral("run B \\S+ [^\\n]*/\\d"))), qPrintable(withBare.out));
}

void tst_MasExplore::help()
{
    const mas::test::Outcome run = runMas({QStringLiteral("explore"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    for (const char *option : {"--workers", "--shard <I/N>", "--shard-count", "--merge", "--result", "--frontier"})
        QVERIFY2(run.out.contains(QString::fromLatin1(option)), option);
    QVERIFY(!run.out.contains(QStringLiteral("worker-mode")));
}

QTEST_GUILESS_MAIN(tst_MasExplore)
#include "tst_masexplore.moc"
