// SPDX-License-Identifier: MIT
// Breakpoints on state are evaluated the same way everywhere: on the faulty leader election of
// three, the explorer finds `count(is_leader) > 1` (as an extra invariant) with the same shrunk
// counterexample as the built-in "at most one leader", and the Inspector's session stops at the
// same step in manual stepping, when the counterexample is replayed (Run), and when a fresh system
// runs by itself. Widget-free: the session library only.

#include "session/inspectorsession.h"
#include "session/statebreakpoints.h"

#include <mas/system/explorer.h>
#include <mas/system/session.h>
#include <mas/system/statecondition.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mas;
using namespace mas::ui;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

system::Parameters faultyThree()
{
    system::Parameters p;
    p.agents = 3;
    p.faulty = true;
    return p;
}

/// The actions done so far on the network (deliveries, faults, clock moves).
qsizetype actionsDone()
{
    return qsizetype(LocalNetwork::instance()->eventLog().schedule().size());
}

/// Explores the faulty election of three for `property` or `condition` (depth first, shrunk).
system::ExplorerResult explore(const QString &property, const QString &condition)
{
    system::ExplorerOptions options;
    if (!property.isEmpty())
        options.properties = {property};
    if (!condition.isEmpty())
        options.conditions = {condition};
    system::Explorer explorer(QStringLiteral("leader-election"), faultyThree(), options);
    return await(explorer.run());
}

/// Where a hit came, in actions done.
struct HitRecorder
{
    explicit HitRecorder(InspectorSession &session)
    {
        QObject::connect(&session, &InspectorSession::stateBreakpointHit, &session,
                         [this](const StateBreakpoints::Hit &hit) {
                             hits.append(hit);
                             at.append(actionsDone());
                         });
    }
    QList<StateBreakpoints::Hit> hits;
    QList<qsizetype> at;
};

} // namespace

class tst_StateBreakpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_statebreakpoints"));
        QVERIFY(system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(system::SystemRegistry::global().find(u"leader-election"));
    }

    void explorerFindsTheSameCounterexample();
    void sameStepStepping_replay();
    void freeRunningStopsWhereSteppingDoes();
    void badConditionsAreRefused();
    void cleanupTestCase() { LocalQueue::clearCache(); }

private:
    QTemporaryDir m_dir;
    QString m_counterexample; // the condition's, as mas explore --out writes it
    qsizetype m_violationSteps = 0;
};

void tst_StateBreakpoints::explorerFindsTheSameCounterexample()
{
    const system::ExplorerResult builtIn = explore(QStringLiteral("at most one leader"), {});
    const system::ExplorerResult condition = explore({}, QStringLiteral("count(is_leader) > 1"));
    QCOMPARE(int(builtIn.verdict), int(system::ExplorerResult::Verdict::Violation));
    QCOMPARE(int(condition.verdict), int(system::ExplorerResult::Verdict::Violation));
    QVERIFY(condition.properties.contains(QStringLiteral("count(is_leader) > 1")));
    const system::Counterexample *a = builtIn.counterexample();
    const system::Counterexample *b = condition.counterexample();
    QVERIFY(a && b);
    QCOMPARE(b->property, QStringLiteral("count(is_leader) > 1"));
    // The explanation names the two leaders.
    QVERIFY2(b->explanation.startsWith(QStringLiteral("count(is_leader) = 2: node ")), qPrintable(b->explanation));
    // The same shrunk run, step by step.
    QCOMPARE(a->steps.size(), b->steps.size());
    for (size_t i = 0; i < a->steps.size(); ++i) {
        QCOMPARE(int(a->steps[i].kind), int(b->steps[i].kind));
        QCOMPARE(a->steps[i].signature, b->steps[i].signature);
        QCOMPARE(a->steps[i].messageId, b->steps[i].messageId);
    }
    QCOMPARE(a->stateText, b->stateText);
    QCOMPARE(a->log.schedule().size(), b->log.schedule().size());

    // `count(leader) > 1` ("two nodes know a leader") is another property: it holds in correct
    // runs too (once the elected message has gone round), so its counterexample is no two-leader run.
    const system::ExplorerResult known = explore({}, QStringLiteral("count(leader) > 1"));
    QCOMPARE(int(known.verdict), int(system::ExplorerResult::Verdict::Violation));
    QVERIFY(known.counterexample()->stateText != a->stateText);

    // Kept for the Inspector: a counterexample file as `mas explore --out` writes it.
    system::Session session;
    session.demo = QStringLiteral("leader-election");
    session.parameters = condition.parameters;
    session.log = b->log;
    session.violatedProperty = b->property;
    m_counterexample = m_dir.filePath(QStringLiteral("two-leaders.jsonl"));
    QVERIFY(session.save(m_counterexample));
    m_violationSteps = qsizetype(b->log.schedule().size());
}

void tst_StateBreakpoints::sameStepStepping_replay()
{
    QVERIFY(!m_counterexample.isEmpty());
    // Two conditions: the first leader (in the middle of the counterexample) and the second.
    const QString first = QStringLiteral("any(is_leader)");
    const QString second = QStringLiteral("count(is_leader) > 1");
    qsizetype firstAt = -1;
    {
        // Manual stepping (F10 with the plumbing hidden): a step that makes a condition true
        // stops there, even in the middle of hidden plumbing.
        InspectorSession session;
        QVERIFY(session.stateBreakpoints()->add(first));
        QVERIFY(session.stateBreakpoints()->add(second));
        HitRecorder recorder(session);
        QVERIFY(await(session.openSession(m_counterexample)));
        QCOMPARE(session.recordedStepCount(), m_violationSteps);
        QVERIFY(recorder.hits.isEmpty());
        while (session.recordedStepsLeft() > 0) {
            const int hitsBefore = int(recorder.hits.size());
            QVERIFY(await(session.step()));
            if (recorder.hits.size() > hitsBefore)
                QCOMPARE(session.recordedStepsDone(), recorder.at.back()); // the step stopped at the hit
        }
        QCOMPARE(recorder.hits.size(), 2);
        QCOMPARE(recorder.hits[0].text, first);
        QCOMPARE(recorder.hits[1].text, second);
        QCOMPARE(recorder.hits[1].agents.size(), 2);
        firstAt = recorder.at[0];
        QVERIFY(firstAt > 0 && firstAt < m_violationSteps);
        // The counterexample's last step is the one that makes count(is_leader) > 1 true.
        QCOMPARE(recorder.at[1], m_violationSteps);
    }
    {
        // Replay: Run plays the counterexample forward and stops after the same step.
        InspectorSession session;
        QVERIFY(session.stateBreakpoints()->add(first));
        QVERIFY(session.stateBreakpoints()->add(second));
        HitRecorder recorder(session);
        QSignalSpy messages(&session, &InspectorSession::message);
        QVERIFY(await(session.openSession(m_counterexample)));
        await(session.run());
        QCOMPARE(recorder.hits.size(), 1);
        QCOMPARE(recorder.hits[0].text, first);
        QCOMPARE(recorder.at[0], firstAt);
        QCOMPARE(session.recordedStepsDone(), firstAt);
        QVERIFY(session.recordedStepsLeft() > 0);
        QVERIFY(!session.isRunning());
        // Run again: on to the second leader, the end of the counterexample.
        await(session.run());
        QCOMPARE(recorder.hits.size(), 2);
        QCOMPARE(recorder.hits[1].text, second);
        QCOMPARE(recorder.at[1], m_violationSteps);
        // The end of the counterexample knows its property is a state condition, and that it holds.
        const QString end = QStringLiteral("End of the counterexample: \"%1\" is violated").arg(second);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(messages.begin(), messages.end(),
                                             [&](const QList<QVariant> &m) { return m.at(0).toString() == end; }),
                                 10000);
        // A disabled breakpoint does not stop a run.
        session.stateBreakpoints()->setEnabled(0, false);
        QVERIFY(!session.stateBreakpoints()->entries()[0].enabled);
    }
    {
        // Opening a session restores its state without hitting (it is replayed to its end).
        system::Session whole = system::Session::load(m_counterexample).value();
        whole.violatedProperty.clear();
        const QString plain = m_dir.filePath(QStringLiteral("plain.massession"));
        QVERIFY(whole.save(plain));
        InspectorSession session;
        QVERIFY(session.stateBreakpoints()->add(second));
        QSignalSpy hits(&session, &InspectorSession::stateBreakpointHit);
        QVERIFY(await(session.openSession(plain)));
        QCOMPARE(hits.size(), 0);
        QVERIFY(session.stateBreakpoints()->entries()[0].held); // it holds: the baseline
    }
}

void tst_StateBreakpoints::freeRunningStopsWhereSteppingDoes()
{
    // A fresh system in the queue's order: stepping by hand and Run stop after the same action.
    const QString condition = QStringLiteral("any(is_leader)");
    qsizetype steppedAt = -1;
    QString sentence;
    {
        InspectorSession session;
        QVERIFY(session.stateBreakpoints()->add(condition));
        HitRecorder recorder(session);
        QVERIFY(session.newSystem(QStringLiteral("leader-election"), faultyThree()));
        for (int i = 0; i < 2000 && recorder.hits.isEmpty(); ++i) {
            QVERIFY(session.stepOnce());
            await(LocalNetwork::instance()->settle());
        }
        QCOMPARE(recorder.hits.size(), 1);
        steppedAt = recorder.at[0];
        sentence = recorder.hits[0].sentence;
        QVERIFY(sentence.startsWith(QStringLiteral("any(is_leader) = true: node ")));
    }
    {
        InspectorSession session;
        QVERIFY(session.stateBreakpoints()->add(condition));
        HitRecorder recorder(session);
        QSignalSpy messages(&session, &InspectorSession::message);
        QVERIFY(session.newSystem(QStringLiteral("leader-election"), faultyThree()));
        await(session.run());
        QCOMPARE(recorder.hits.size(), 1);
        QCOMPARE(recorder.at[0], steppedAt);
        QCOMPARE(actionsDone(), steppedAt); // stopped right there, before the next message
        QCOMPARE(recorder.hits[0].sentence, sentence);
        QVERIFY(!LocalNetwork::instance()->pendingMessages().isEmpty());
        // The status line says which breakpoint and why.
        QVERIFY(std::any_of(messages.begin(), messages.end(), [&](const QList<QVariant> &m) {
            return m.at(0).toString() == QStringLiteral("State breakpoint %1 hit: %2").arg(condition, sentence);
        }));
        QCOMPARE(session.stateBreakpoints()->lastHit()->text, condition);
    }
}

void tst_StateBreakpoints::badConditionsAreRefused()
{
    InspectorSession session;
    Result<int> added = session.stateBreakpoints()->add(QStringLiteral("count(leader) = 1"));
    QVERIFY(!added);
    QCOMPARE(added.error().message(), QStringLiteral("column 15: \"=\" is no comparison; write \"==\""));
    QCOMPARE(session.stateBreakpoints()->size(), 0);
    // An agent that is not there: an error kept with the entry, never a hit.
    QVERIFY(session.stateBreakpoints()->add(QStringLiteral("agent(\"node 9\").round > 1")));
    QVERIFY(session.newSystem(QStringLiteral("leader-election"), faultyThree()));
    QVERIFY(session.stateBreakpoints()->entries()[0].error.startsWith(QStringLiteral("column 1: there is no agent")));
    // Settings strings: kept and read back, broken ones skipped.
    StateBreakpoints copy;
    copy.fromStrings({QStringLiteral("1 count(is_leader) > 1"), QStringLiteral("0 any(round >= 3)"),
                      QStringLiteral("1 count(("), QStringLiteral("garbage")});
    QCOMPARE(copy.toStrings(), (QStringList{QStringLiteral("1 count(is_leader) > 1"), QStringLiteral("0 any(round >= 3)")}));
}

QTEST_GUILESS_MAIN(tst_StateBreakpoints)
#include "tst_statebreakpoints.moc"
