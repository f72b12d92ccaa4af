// SPDX-License-Identifier: MIT
// `mas explore --break EXPR`: a state condition as an extra invariant ("it never holds"). On the
// faulty leader election of three it finds the same shrunk counterexample as the built-in "at most
// one leader", on one worker and on two; the correct variant is verified; a condition that does
// not parse is a usage error naming its column; the counterexample file names the condition.

#include "processrun.h"

#include <mas/system/session.h>

#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kTimeoutMs = 300'000; // a loaded machine under the sanitizers

mas::test::Outcome runMas(const QStringList &args)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN",
                             "JOB_COMPLETION_INDEX"})
        environment.remove(QString::fromLatin1(name));
    return mas::test::runToEnd(QStringLiteral(MAS_CLI), args, kTimeoutMs, environment);
}

QStringList electionOfThree(const QStringList &more)
{
    return QStringList{QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--agents"),
                       QStringLiteral("3")}
           + more;
}

/// The numbered steps of the counterexample `mas explore` printed.
QStringList steps(const QString &output)
{
    QStringList lines;
    for (const QString &line : output.split(u'\n')) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && t.front().isDigit() && t.contains(QStringLiteral(". ")))
            lines.append(t);
    }
    return lines;
}

} // namespace

class tst_MasExploreBreak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameCounterexampleAsTheBuiltInInvariant();
    void correctVariantIsVerified();
    void badConditionIsAUsageError();
    void helpListsTheOption();
};

void tst_MasExploreBreak::sameCounterexampleAsTheBuiltInInvariant()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("two.jsonl"));
    const mas::test::Outcome builtIn = runMas(electionOfThree(
        {QStringLiteral("--faulty"), QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--invariant"),
         QStringLiteral("at most one leader")}));
    QCOMPARE(builtIn.exitCode, 1);
    for (const QString &workers : {QStringLiteral("1"), QStringLiteral("2")}) {
        const mas::test::Outcome condition = runMas(electionOfThree(
            {QStringLiteral("--faulty"), QStringLiteral("--workers"), workers, QStringLiteral("--break"),
             QStringLiteral("count(is_leader) > 1"), QStringLiteral("--out"), file}));
        QCOMPARE(condition.exitCode, 1);
        QVERIFY2(condition.out.contains(QStringLiteral("violated: \"count(is_leader) > 1\" after ")), qPrintable(condition.out));
        // Which agents made it true.
        QVERIFY2(condition.out.contains(QStringLiteral("  count(is_leader) = 2: node ")), qPrintable(condition.out));
        QVERIFY(!steps(condition.out).isEmpty());
        QCOMPARE(steps(condition.out), steps(builtIn.out));
        const mas::Result<mas::system::Session> session = mas::system::Session::load(file);
        QVERIFY(session);
        QCOMPARE(session->violatedProperty, QStringLiteral("count(is_leader) > 1"));
    }
    // --invariant-expr is the same option.
    const mas::test::Outcome alias = runMas(electionOfThree(
        {QStringLiteral("--faulty"), QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--invariant-expr"),
         QStringLiteral("count(is_leader) > 1")}));
    QCOMPARE(alias.exitCode, 1);
    QCOMPARE(steps(alias.out), steps(builtIn.out));
}

void tst_MasExploreBreak::correctVariantIsVerified()
{
    const mas::test::Outcome verified = runMas(electionOfThree(
        {QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--break"), QStringLiteral("count(is_leader) > 1"),
         QStringLiteral("--break"), QStringLiteral("any(is_leader and not participant)")}));
    QCOMPARE(verified.exitCode, 0);
    QVERIFY2(verified.out.contains(QStringLiteral("; verified")), qPrintable(verified.out));
}

void tst_MasExploreBreak::badConditionIsAUsageError()
{
    const mas::test::Outcome bad = runMas(electionOfThree({QStringLiteral("--break"), QStringLiteral("count(leader) = 1")}));
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(bad.err.trimmed(),
             QStringLiteral("mas explore: --break \"count(leader) = 1\": column 15: \"=\" is no comparison; write \"==\""));
    const mas::test::Outcome outside = runMas(electionOfThree({QStringLiteral("--break"), QStringLiteral("leader > 1")}));
    QCOMPARE(outside.exitCode, 2);
    QVERIFY2(outside.err.contains(QStringLiteral("column 1: the field \"leader\" needs its agents")), qPrintable(outside.err));
}

void tst_MasExploreBreak::helpListsTheOption()
{
    const mas::test::Outcome help = runMas({QStringLiteral("explore"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--break, --invariant-expr <EXPR>")));
}

QTEST_GUILESS_MAIN(tst_MasExploreBreak)
#include "tst_masexplorebreak.moc"
