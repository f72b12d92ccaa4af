// SPDX-License-Identifier: MIT
// `mas explore --why`: after the shrunk counterexample of the faulty leader election, every step
// marked necessary or incidental (numbered as the steps above it) and the overtakings that
// matter, in the agents' names; without --why none of it; with the split search (--workers 2)
// the same analysis; a run without a violation prints none.

#include "processrun.h"

#include <QRegularExpression>
#include <QTest>

namespace {

constexpr int kTimeoutMs = 300'000; // a loaded machine under the sanitizers

mas::test::Outcome runMas(const QStringList &args)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "JOB_COMPLETION_INDEX"})
        environment.remove(QString::fromLatin1(name));
    return mas::test::runToEnd(QStringLiteral(MAS_CLI), args, kTimeoutMs, environment);
}

const QStringList kTwoLeaders{QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--agents"),
                              QStringLiteral("3"),       QStringLiteral("--faulty"),         QStringLiteral("--invariant"),
                              QStringLiteral("at most one leader")};

/// The --why part of the output: from its heading to the end.
QString whyPart(const QString &output)
{
    const qsizetype at = output.indexOf(QStringLiteral("Why \""));
    return at < 0 ? QString() : output.mid(at);
}

} // namespace

class tst_MasExploreWhy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whyAfterTheCounterexample();
    void onlyWhenAsked();
    void help();
};

void tst_MasExploreWhy::whyAfterTheCounterexample()
{
    const mas::test::Outcome run = runMas(
        kTwoLeaders + QStringList{QStringLiteral("--why"), QStringLiteral("--progress"), QStringLiteral("--show-plumbing")});
    QCOMPARE(run.exitCode, 1); // a violation
    const QString why = whyPart(run.out);
    QVERIFY2(why.startsWith(QStringLiteral("Why \"at most one leader\" breaks (")), qPrintable(run.out));
    QVERIFY2(!why.contains(QStringLiteral("incomplete")), qPrintable(why));
    // Every step of the counterexample, numbered 1..n in order, marked one way or the other.
    const QRegularExpression stepLine(QStringLiteral("^ +(\\d+)\\. (necessary|incidental) +(.+)$"),
                                      QRegularExpression::MultilineOption);
    int expected = 1;
    int necessary = 0;
    for (QRegularExpressionMatchIterator it = stepLine.globalMatch(why); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QCOMPARE(m.captured(1).toInt(), expected++);
        necessary += m.captured(2) == u"necessary" ? 1 : 0;
    }
    QVERIFY2(expected > 2, qPrintable(why));
    QVERIFY2(necessary > 0 && necessary < expected - 1, qPrintable(why));
    // The step list above numbers the same steps: its last number is the last step's.
    const QRegularExpression listed(QStringLiteral("^ +(\\d+)\\. deliver "), QRegularExpression::MultilineOption);
    int lastListed = 0;
    for (QRegularExpressionMatchIterator it = listed.globalMatch(run.out.left(run.out.indexOf(why))); it.hasNext();)
        lastListed = it.next().captured(1).toInt();
    QCOMPARE(lastListed, expected - 1);
    // The overtakings, in the agents' names and the messages' labels.
    QVERIFY2(why.contains(QStringLiteral("The choices that matter")), qPrintable(why));
    const QRegularExpression sentence(
        QStringLiteral("^  - node \\d+ \\(id \\d+\\)'s election\\(\\d+\\) must arrive at node \\d+ \\(id \\d+\\) before .+$"),
        QRegularExpression::MultilineOption);
    QVERIFY2(sentence.match(why).hasMatch(), qPrintable(why));
    QVERIFY2(run.err.contains(QStringLiteral("why: ")), qPrintable(run.err)); // --progress
    // The split search's counterexample gets the same analysis.
    const mas::test::Outcome split =
        runMas(kTwoLeaders + QStringList{QStringLiteral("--why"), QStringLiteral("--workers"), QStringLiteral("2"),
                                         QStringLiteral("--show-plumbing")});
    QCOMPARE(split.exitCode, 1);
    QCOMPARE(whyPart(split.out), why);
    // Without --show-plumbing, the plumbing steps are folded as in the list above.
    const mas::test::Outcome folded = runMas(kTwoLeaders + QStringList{QStringLiteral("--why")});
    QCOMPARE(folded.exitCode, 1);
    const QString foldedWhy = whyPart(folded.out);
    QVERIFY2(!foldedWhy.contains(QStringLiteral("validate_aid")), qPrintable(foldedWhy));
    QVERIFY2(foldedWhy.contains(QStringLiteral("plumbing steps not listed")), qPrintable(foldedWhy));
    QVERIFY2(sentence.match(foldedWhy).hasMatch(), qPrintable(foldedWhy));
}

void tst_MasExploreWhy::onlyWhenAsked()
{
    const mas::test::Outcome run = runMas(kTwoLeaders);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(whyPart(run.out).isEmpty(), qPrintable(run.out));
    // No violation: nothing to explain.
    const mas::test::Outcome verified =
        runMas({QStringLiteral("explore"), QStringLiteral("leader-election"), QStringLiteral("--agents"),
                QStringLiteral("2"), QStringLiteral("--why")});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY2(whyPart(verified.out).isEmpty(), qPrintable(verified.out));
}

void tst_MasExploreWhy::help()
{
    const mas::test::Outcome run = runMas({QStringLiteral("explore"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("--why")));
}

QTEST_GUILESS_MAIN(tst_MasExploreWhy)
#include "tst_masexplorewhy.moc"
