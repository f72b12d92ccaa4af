// SPDX-License-Identifier: MIT
// The Violation panel (offscreen) for a violation seen as it happens: a session whose log breaks
// an invariant (the explorer's two leaders in a faulty ring of three, saved as a plain session)
// is opened and replayed; the panel shows the violating step as a sentence with the agents'
// display names, why the invariant fails, and the involved agents' states before and after the
// step, the changed fields highlighted and the fields the explanation names marked. A
// counterexample's invariant, recorded by its untranslated id, is shown by its name in the
// user's language (the demo's), its id in the tool tip. A violation found while stepping by hand
// stays open through Step Back: the run up to its step is a counterexample, followed again by F10.

#include "models/eventstore.h"
#include "models/propertyname.h"
#include "session/inspectorsession.h"
#include "widgets/inspectorwindow.h"
#include "widgets/violationpanel.h"
#include "stepsequence.h"

#include <mas/system/explorer.h>
#include <mas/system/session.h>
#include <mas/system/system.h>
#include <mas/system/systemagent.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QLabel>
#include <QStatusBar>
#include <QCoro/QCoroTask>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

using namespace mas;
using namespace mas::ui;
using namespace std::chrono_literals;

namespace {

constexpr auto kProperty = "at most one leader";

void settle()
{
    QCoro::waitFor(LocalNetwork::instance()->settle());
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

/// The actions of the run so far.
std::vector<TrafficEvent> stepsDone()
{
    return LocalNetwork::instance()->eventLog().schedule();
}

/// Step Back (Ctrl+B) to the end of the run's `n`th action, settled; false (with the error
/// logged) when it failed.
[[nodiscard]] bool stepBackToStep(InspectorWindow &window, qsizetype n)
{
    const Result<quint64> back = QCoro::waitFor(window.replayTo(sequenceOfStep(window.store(), n)));
    if (!back) {
        qWarning() << "Step Back to step" << n << "failed:" << back.error().toString();
        return false;
    }
    settle();
    return true;
}

} // namespace

class tst_ViolationPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { LocalQueue::clearCache(); }
    void replayedSessionShowsBeforeAndAfter();
    void steppingFindsItAsItHappens();
    void stepBackBeforeALiveViolationKeepsIt();
    void stepBackAfterALiveViolationKeepsIt();
    void leavingALiveViolationKeepsItAsARecord();
    void afterLeavingTheRunIsWatchedAgain();
    void analysingALiveViolation();
    void namesTheInvariantInTheUsersLanguage();

private:
    /// Shows `window` with the plumbing (one action per F10), builds the faulty ring of three and
    /// delivers by hand, one message at a time, the explorer's two-leader schedule until the
    /// session finds an invariant broken; then `after` more steps (F10). Gives the number of
    /// steps up to and including the violating one (0, with a failure, when none was found).
    qsizetype stepToALiveViolation(InspectorWindow &window, int after);

    QTemporaryDir m_dir;
    std::optional<mas::system::ExplorerResult> m_explored; // the two-leader schedule, explored once
};

void tst_ViolationPanel::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("mas.channel.warning=false"));
    QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
    QVERIFY(mas::system::SystemRegistry::global().find(u"leader-election"));
    QVERIFY(m_dir.isValid());
}

void tst_ViolationPanel::replayedSessionShowsBeforeAndAfter()
{
    // Two leaders in a faulty ring of three, found by the explorer ...
    mas::system::Parameters parameters;
    parameters.agents = 3;
    parameters.faulty = true;
    mas::system::ExplorerOptions options;
    options.maxSchedules = 200;
    options.properties = QStringList{QString::fromLatin1(kProperty)};
    mas::system::Explorer explorer(*mas::system::SystemRegistry::global().find(u"leader-election"), parameters,
                                   options);
    const mas::system::ExplorerResult result = QCoro::waitFor(explorer.run());
    const mas::system::Counterexample *found = result.counterexample();
    QVERIFY(found);
    LocalQueue::clearCache();

    // ... saved as a plain session (not a counterexample: nothing tells where it breaks).
    mas::system::Session saved;
    saved.demo = result.demo;
    saved.parameters = result.parameters;
    saved.log = found->log;
    QVERIFY(!saved.isCounterexample());
    const QString file = m_dir.filePath(QStringLiteral("two-leaders-session.jsonl"));
    QVERIFY(saved.save(file));

    InspectorSession session;
    ViolationPanel panel;
    panel.setSession(&session);
    QSignalSpy available(&panel, &ViolationPanel::availabilityChanged);
    QVERIFY(!session.violatingStep());
    const Result<void> opened = QCoro::waitFor(session.openSession(file));
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    settle();

    // The session saw it happen: the step, the property, the states before and after.
    QVERIFY(session.violatingStep());
    QVERIFY(session.violationFoundLive());
    QVERIFY(session.violationReached());
    // The first invariant the run breaks: a node that is not the largest declares itself
    // leader ("the largest id leads") before, or as, a second node does ("at most one leader").
    const QStringList invariants{QStringLiteral("the largest id leads"), QString::fromLatin1(kProperty)};
    QVERIFY2(invariants.contains(session.violatedProperty()), qPrintable(session.violatedProperty()));
    QVERIFY(!available.isEmpty() && available.last().at(0).toBool());
    const Value::Map before = session.stateBeforeViolation();
    const Value::Map after = session.stateAfterViolation();
    QVERIFY(before != after);
    // The log goes on past that step (to the second leader): "after" stays as the step left it.
    QVERIFY(after != session.system()->stateFields());
    const mas::system::InvariantExplanation why = session.violationExplanation();
    QVERIFY2(why.involved.size() >= 2, qPrintable(why.text));
    QVERIFY(why.involves(session.violatingStep()->to, QStringLiteral("is_leader")));
    QCOMPARE(session.store()->violationMessage(), session.violatingStep()->messageId);

    // The summary: a sentence with the message's label and the agents' names, no addresses.
    const QString summary = panel.summary();
    QVERIFY2(summary.contains(session.violatedProperty()), qPrintable(summary));
    QVERIFY2(!summary.contains(u"local://"), qPrintable(summary));
    QVERIFY2(summary.contains(session.store()->messageLabel(session.violatingStep()->messageId)), qPrintable(summary));
    QVERIFY2(summary.contains(session.displayName(session.violatingStep()->to)), qPrintable(summary));
    QVERIFY2(panel.explanation().contains(why.text), qPrintable(panel.explanation()));
    qInfo().noquote() << summary << "/" << panel.explanation();

    // The states: agents by display name; is_leader of the receiver changed (highlighted) and
    // of both leaders named by the explanation.
    QTreeWidget *states = panel.states();
    QVERIFY(states->topLevelItemCount() >= 2);
    int involvedFields = 0;
    int changed = 0;
    const QString receiver = session.violatingStep()->to;
    bool receiverShown = false;
    for (int a = 0; a < states->topLevelItemCount(); ++a) {
        const QTreeWidgetItem *agent = states->topLevelItem(a);
        const QString address = agent->data(0, ViolationPanel::AddressRole).toString();
        QCOMPARE(agent->text(0), session.displayName(address));
        QVERIFY2(!agent->text(0).contains(u"local://"), qPrintable(agent->text(0)));
        QVERIFY(agent->text(0).startsWith(u"node "));
        QCOMPARE(agent->data(0, ViolationPanel::InvolvedRole).toBool(), why.agents().contains(address));
        receiverShown |= address == receiver;
        for (int f = 0; f < agent->childCount(); ++f) {
            const QTreeWidgetItem *field = agent->child(f);
            const bool isChanged = field->data(0, ViolationPanel::ChangedRole).toBool();
            const bool isInvolved = field->data(0, ViolationPanel::InvolvedRole).toBool();
            QCOMPARE(isChanged, field->text(1) != field->text(2));
            QCOMPARE(field->font(0).bold(), isChanged);
            QCOMPARE(field->background(2).style() != Qt::NoBrush, isChanged);
            QCOMPARE(field->font(0).underline(), isInvolved);
            if (isChanged)
                ++changed;
            if (isInvolved) {
                // Marked, and named by the explanation under its own name.
                QVERIFY2(field->text(0).startsWith(QStringLiteral("◆ ")), qPrintable(field->text(0)));
                QVERIFY(why.involves(address, field->text(0).mid(2)));
                ++involvedFields;
            }
            if (address == receiver && field->text(0).contains(u"is_leader")) {
                // The step made the receiver a leader too.
                QVERIFY(isChanged);
                QVERIFY(isInvolved);
                QCOMPARE(field->text(1), QStringLiteral("false"));
            }
        }
    }
    QVERIFY(receiverShown);
    QVERIFY(changed > 0);
    QCOMPARE(involvedFields, int(why.involved.size()));

    // A new system: nothing is broken, the panel empties.
    QVERIFY(session.newSystem(QStringLiteral("leader-election"), parameters));
    settle();
    QVERIFY(!session.violatingStep());
    QCOMPARE(panel.states()->topLevelItemCount(), 0);
    QVERIFY(!available.last().at(0).toBool());
}

void tst_ViolationPanel::steppingFindsItAsItHappens()
{
    // Stepped by hand, newest pending message first, a faulty ring breaks an invariant for some
    // seeds: the first seed that does shows it in the panel, with the state before the step.
    mas::system::Parameters parameters;
    parameters.agents = 3;
    parameters.faulty = true;
    InspectorSession session;
    ViolationPanel panel;
    panel.setSession(&session);
    int seedFound = 0;
    for (quint32 seed = 1; seed <= 40 && !seedFound; ++seed) {
        parameters.seed = seed;
        QVERIFY(session.newSystem(QStringLiteral("leader-election"), parameters));
        settle();
        for (int steps = 0; steps < 200 && !session.violatingStep(); ++steps) {
            if (LocalNetwork::instance()->pendingCount() == 0)
                break;
            Value::Map justBefore = session.system()->stateFields();
            // By hand, another interleaving: the newest pending message first.
            const QList<PendingMessage> pending = LocalNetwork::instance()->pendingMessages();
            const Result<void> stepped = session.deliverMessage(pending.constLast().id);
            QVERIFY2(stepped, qPrintable(stepped.error().toString()));
            settle();
            if (session.violatingStep()) {
                seedFound = int(seed);
                QVERIFY(session.violationFoundLive());
                QCOMPARE(session.stateBeforeViolation(), justBefore);
            }
        }
    }
    qInfo() << "first seed whose newest-first run breaks an invariant:" << seedFound;
    QVERIFY2(seedFound, "no seed up to 40 breaks an invariant stepped newest-first"); // seed 3 does
    QVERIFY(session.violationReached());
    QVERIFY(session.stateBeforeViolation() != session.stateAfterViolation());
    QVERIFY(!session.violationExplanation().involved.isEmpty());
    QVERIFY(panel.states()->topLevelItemCount() >= 1);
    QVERIFY2(!panel.summary().contains(u"local://"), qPrintable(panel.summary()));
    QVERIFY2(panel.summary().contains(session.violatedProperty()), qPrintable(panel.summary()));
    qInfo().noquote() << panel.summary() << "/" << panel.explanation();
}

qsizetype tst_ViolationPanel::stepToALiveViolation(InspectorWindow &window, int after)
{
    if (!m_explored) {
        mas::system::Parameters parameters;
        parameters.agents = 3;
        parameters.faulty = true;
        mas::system::ExplorerOptions options;
        options.maxSchedules = 200;
        options.properties = QStringList{QString::fromLatin1(kProperty)};
        mas::system::Explorer explorer(*mas::system::SystemRegistry::global().find(u"leader-election"), parameters,
                                       options);
        m_explored = QCoro::waitFor(explorer.run());
        LocalQueue::clearCache();
    }
    const mas::system::Counterexample *found = m_explored->counterexample();
    if (!found) {
        qWarning("the explorer found no two leaders");
        return 0;
    }
    window.show();
    window.setShowPlumbing(true);
    if (!window.newSystem(QStringLiteral("leader-election"), m_explored->parameters)) {
        qWarning("no system");
        return 0;
    }
    settle();
    // By hand: the user picks each message of the schedule in the pending list (Deliver).
    for (const TrafficEvent &action : found->log.schedule()) {
        if (window.session()->violatingStep())
            break;
        const Result<void> done = action.kind == TrafficEvent::Kind::Delivered
                                      ? window.deliverMessage(action.messageId)
                                      : LocalNetwork::instance()->apply(action);
        if (!done) {
            qWarning() << done.error().toString();
            return 0;
        }
        settle();
    }
    if (!window.session()->violatingStep() || !window.session()->violationFoundLive()) {
        qWarning("no violation was found live");
        return 0;
    }
    const qsizetype steps = window.session()->violationStepCount();
    for (int i = 0; i < after; ++i) {
        window.stepAction()->trigger();
        settle();
    }
    if (stepsDone().size() != size_t(steps + after)) {
        qWarning() << "stepped" << stepsDone().size() << "instead of" << steps + after;
        return 0;
    }
    return steps;
}

void tst_ViolationPanel::stepBackBeforeALiveViolationKeepsIt()
{
    // Found while stepping by hand, then Step Back to two steps before it: the violation stays
    // open as this run's counterexample at the step reached, its step marked; F10 plays the run's
    // steps toward it again and reaches it.
    InspectorWindow window;
    const qsizetype steps = stepToALiveViolation(window, 2);
    QVERIFY(steps > 3);
    InspectorSession *session = window.session();
    const TrafficEvent violating = *session->violatingStep();
    const QString property = session->violatedProperty();
    const std::vector<TrafficEvent> run = stepsDone();
    QVERIFY(window.violationDock()->isVisible());

    QVERIFY(stepBackToStep(window, steps - 2));
    QCOMPARE(stepsDone().size(), size_t(steps - 2));
    QVERIFY(session->violatingStep());
    QCOMPARE(session->violatingStep()->messageId, violating.messageId);
    QVERIFY(session->violationFoundLive());
    QVERIFY(!session->violationReached());
    QCOMPARE(session->violationStepCount(), steps);
    QCOMPARE(session->counterexampleSchedule().size(), size_t(steps));
    QCOMPARE(session->counterexampleSchedule().back().messageId, violating.messageId);
    QCOMPARE(propertyDisplayName(session->system(), session->violatedProperty()),
             propertyDisplayName(session->system(), property));
    QCOMPARE(session->recordedStepsDone(), steps - 2);
    QCOMPARE(session->recordedStepsLeft(), 2);
    QCOMPARE(session->leftCounterexampleAt(), -1);
    QCOMPARE(window.store()->violationMessage(), violating.messageId);
    QVERIFY(window.violationDock()->isVisible());
    QVERIFY2(window.violationPanel()->summary().startsWith(QStringLiteral("Step %1 of %1 breaks").arg(steps)),
             qPrintable(window.violationPanel()->summary()));
    // The status line says where the user stands relative to the violation.
    // (English plural forms are a catalogue of their own, not installed here: "step(s)".)
    QVERIFY2(window.statusBar()->currentMessage().contains(
                 QRegularExpression(QStringLiteral("2 step(s|\\(s\\)) before step %1, which broke").arg(steps))),
             qPrintable(window.statusBar()->currentMessage()));
    auto *outcome = window.findChild<QLabel *>(QStringLiteral("outcomeLabel"));
    QVERIFY(outcome);
    QVERIFY2(outcome->text().startsWith(QStringLiteral("Toward the violation: step %1 of %2").arg(steps - 2).arg(steps)),
             qPrintable(outcome->text()));

    // F10 plays the run's next steps (those it took before) and reaches the violation again.
    window.stepAction()->trigger();
    settle();
    QVERIFY(!session->violationReached());
    QCOMPARE(stepsDone().back().messageId, run[size_t(steps - 2)].messageId);
    window.stepAction()->trigger();
    settle();
    QCOMPARE(stepsDone().size(), size_t(steps));
    QCOMPARE(stepsDone().back().messageId, violating.messageId);
    QVERIFY(session->violationReached());
    QVERIFY(session->violationFoundLive());
    QVERIFY(session->system()->violatedInvariants().contains(propertyDisplayName(session->system(), property)));
    QVERIFY(session->stateBeforeViolation() != session->stateAfterViolation());
    QVERIFY(window.violationDock()->isVisible());
    QVERIFY2(window.violationPanel()->summary().startsWith(QStringLiteral("Step %1 broke").arg(steps)),
             qPrintable(window.violationPanel()->summary()));

    // Again and again: back before it, F10 until it is reached.
    for (int round = 0; round < 2; ++round) {
        QVERIFY(stepBackToStep(window, steps - 3));
        QVERIFY(session->violationFoundLive());
        QCOMPARE(session->recordedStepsLeft(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(!session->violationReached());
            window.stepAction()->trigger();
            settle();
        }
        QVERIFY(session->violationReached());
        QCOMPARE(stepsDone().back().messageId, violating.messageId);
        QCOMPARE(session->violationStepCount(), steps);
    }
    // Past it, F10 delivers the oldest pending message again: the violation stays recorded.
    if (LocalNetwork::instance()->pendingCount() > 0) {
        window.stepAction()->trigger();
        settle();
        QCOMPARE(stepsDone().size(), size_t(steps + 1));
        QVERIFY(session->violationReached());
        QCOMPARE(session->leftCounterexampleAt(), -1);
    }
}

void tst_ViolationPanel::stepBackAfterALiveViolationKeepsIt()
{
    // Step Back to a point after the violating step: the violation stays, its states before
    // and after the step as they were; the status line says how far after it the run stands.
    InspectorWindow window;
    const qsizetype steps = stepToALiveViolation(window, 3);
    QVERIFY(steps > 0);
    InspectorSession *session = window.session();
    const TrafficEvent violating = *session->violatingStep();
    const Value::Map before = session->stateBeforeViolation();
    const Value::Map after = session->stateAfterViolation();

    QVERIFY(stepBackToStep(window, steps + 1));
    QCOMPARE(stepsDone().size(), size_t(steps + 1));
    QVERIFY(session->violatingStep());
    QCOMPARE(session->violatingStep()->messageId, violating.messageId);
    QVERIFY(session->violationFoundLive());
    QVERIFY(session->violationReached());
    QCOMPARE(session->violationStepCount(), steps);
    QCOMPARE(session->stateBeforeViolation(), before);
    QCOMPARE(session->stateAfterViolation(), after);
    QCOMPARE(session->recordedStepsLeft(), 0);
    QCOMPARE(window.store()->violationMessage(), violating.messageId);
    QVERIFY(window.violationDock()->isVisible());
    QVERIFY2(window.violationPanel()->summary().startsWith(QStringLiteral("Step %1 broke").arg(steps)),
             qPrintable(window.violationPanel()->summary()));
    QVERIFY2(window.statusBar()->currentMessage().contains(
                 QRegularExpression(QStringLiteral("1 step(\\(s\\))? after step %1, which broke").arg(steps))),
             qPrintable(window.statusBar()->currentMessage()));

    // To the violating step itself.
    QVERIFY(stepBackToStep(window, steps));
    QCOMPARE(stepsDone().size(), size_t(steps));
    QVERIFY(session->violationReached());
    QVERIFY(session->violationFoundLive());
    QCOMPARE(session->stateBeforeViolation(), before);
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("at step %1, which broke").arg(steps)),
             qPrintable(window.statusBar()->currentMessage()));
    // F10 goes on past it (the oldest pending message): nothing is left.
    if (LocalNetwork::instance()->pendingCount() > 0) {
        window.stepAction()->trigger();
        settle();
        QCOMPARE(session->leftCounterexampleAt(), -1);
        QVERIFY(session->violatingStep());
    }
}

void tst_ViolationPanel::leavingALiveViolationKeepsItAsARecord()
{
    // Stepped back before a violation found live, the user delivers another message than the
    // run's next step: the run leaves it, the Violation tab keeps it as a record; a Step Back to
    // before that point opens it again.
    InspectorWindow window;
    const qsizetype steps = stepToALiveViolation(window, 0);
    QVERIFY(steps > 3);
    InspectorSession *session = window.session();
    const TrafficEvent violating = *session->violatingStep();
    const std::vector<TrafficEvent> run = stepsDone();
    QVERIFY(stepBackToStep(window, steps - 2));
    QCOMPARE(session->recordedStepsLeft(), 2);
    quint64 other = 0;
    for (const PendingMessage &m : LocalNetwork::instance()->pendingMessages()) {
        if (m.id != run[size_t(steps - 2)].messageId) {
            other = m.id;
            break;
        }
    }
    if (!other)
        QSKIP("only the run's next step is pending");
    QVERIFY(window.deliverMessage(other));
    settle();
    QCOMPARE(session->recordedStepsLeft(), 0);
    QCOMPARE(session->leftCounterexampleAt(), steps - 2);
    QCOMPARE(session->leftCounterexampleStepCount(), steps);
    QVERIFY(window.violationDock()->isVisible());
    QVERIFY2(window.violationPanel()->summary().contains(QStringLiteral("after step %1 of %2").arg(steps - 2).arg(steps)),
             qPrintable(window.violationPanel()->summary()));

    // Back to before the leaving point: open again, found live, F10 follows it to the violation.
    QVERIFY(stepBackToStep(window, steps - 3));
    QCOMPARE(session->leftCounterexampleAt(), -1);
    QCOMPARE(session->recordedStepsLeft(), 3);
    QVERIFY(session->violationFoundLive());
    QCOMPARE(window.store()->violationMessage(), violating.messageId);
    for (int i = 0; i < 3; ++i) {
        window.stepAction()->trigger();
        settle();
    }
    QVERIFY(session->violationReached());
    QCOMPARE(stepsDone().back().messageId, violating.messageId);
}

void tst_ViolationPanel::afterLeavingTheRunIsWatchedAgain()
{
    // Stepped back to just before a violation found live, the user delivers another message
    // first (leaving the run's steps), then the message of the violating step: the run is
    // watched again from the step that left, a violation it finds counted from the run's start.
    InspectorWindow window;
    const qsizetype steps = stepToALiveViolation(window, 0);
    QVERIFY(steps > 1);
    InspectorSession *session = window.session();
    const TrafficEvent violating = *session->violatingStep();
    QVERIFY(stepBackToStep(window, steps - 1));
    QCOMPARE(session->recordedStepsLeft(), 1);
    quint64 other = 0;
    for (const PendingMessage &m : LocalNetwork::instance()->pendingMessages()) {
        if (m.id != violating.messageId) {
            other = m.id;
            break;
        }
    }
    if (!other)
        QSKIP("only the violating step is pending");
    QVERIFY(window.deliverMessage(other));
    settle();
    QCOMPARE(session->leftCounterexampleAt(), steps - 1);
    QVERIFY(!session->violatingStep());
    const auto stepNumber = [](const TrafficEvent &step) {
        const std::vector<TrafficEvent> done = stepsDone();
        for (size_t i = 0; i < done.size(); ++i) {
            if (done[i].sequence == step.sequence)
                return qsizetype(i + 1);
        }
        return qsizetype(0);
    };
    if (LocalNetwork::instance()->pendingMessage(violating.messageId)) {
        QVERIFY(window.deliverMessage(violating.messageId));
        settle();
    }
    for (int i = 0; i < 200 && !session->violatingStep() && LocalNetwork::instance()->pendingCount() > 0; ++i) {
        window.stepAction()->trigger();
        settle();
    }
    if (!session->violatingStep())
        QSKIP("this run breaks no invariant");
    qInfo() << "found again at step" << session->violationStepCount() << "of" << stepsDone().size();
    QVERIFY(session->violationFoundLive());
    QCOMPARE(session->violationStepCount(), stepNumber(*session->violatingStep()));
}

void tst_ViolationPanel::analysingALiveViolation()
{
    // Stepped back, a violation found live is a counterexample the Why panel can analyse: the
    // analysis re-executes it and opens it again at its end, still found live.
    InspectorWindow window;
    const qsizetype steps = stepToALiveViolation(window, 1);
    QVERIFY(steps > 1);
    InspectorSession *session = window.session();
    const quint64 violating = session->violatingStep()->messageId;
    QVERIFY(stepBackToStep(window, steps - 1));
    auto *whyDock = window.findChild<QDockWidget *>(QStringLiteral("whyDock"));
    QVERIFY(whyDock && whyDock->isVisible());
    const Result<mas::system::NecessityReport> report = QCoro::waitFor(session->analyseCounterexample({}));
    QVERIFY2(report, qPrintable(report.error().toString()));
    settle();
    QVERIFY(!report->steps.empty());
    QVERIFY(report->necessaryCount() > 0);
    QVERIFY(session->violationFoundLive());
    QVERIFY(session->violationReached());
    QCOMPARE(session->violatingStep()->messageId, violating);
    QCOMPARE(session->counterexampleSchedule().size(), size_t(steps));
}

void tst_ViolationPanel::namesTheInvariantInTheUsersLanguage()
{
    mas::system::Parameters parameters;
    parameters.agents = 3;
    parameters.faulty = true;
    mas::system::ExplorerOptions options;
    options.maxSchedules = 200;
    options.properties = QStringList{QString::fromLatin1(kProperty)};
    mas::system::Explorer explorer(*mas::system::SystemRegistry::global().find(u"leader-election"), parameters,
                                   options);
    const mas::system::ExplorerResult result = QCoro::waitFor(explorer.run());
    const mas::system::Counterexample *found = result.counterexample();
    QVERIFY(found);
    QCOMPARE(found->property, QString::fromLatin1(kProperty));
    LocalQueue::clearCache();
    // A counterexample (as mas explore --out writes it): the invariant by its id.
    mas::system::Session saved;
    saved.demo = result.demo;
    saved.parameters = result.parameters;
    saved.log = found->log;
    saved.violatedProperty = found->property;
    const QString file = m_dir.filePath(QStringLiteral("two-leaders-counterexample.jsonl"));
    QVERIFY(saved.save(file));

    QLocale::setDefault(QLocale(QStringLiteral("de")));
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/mas_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&german));
    const QString name = QCoreApplication::translate("mas::demos::LeaderElection", kProperty);
    QCOMPARE(name, QStringLiteral("höchstens ein Anführer"));
    {
        InspectorSession session;
        ViolationPanel panel;
        panel.setSession(&session);
        QSignalSpy messages(&session, &InspectorSession::message);
        const Result<void> opened = QCoro::waitFor(session.openSession(file));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        settle();
        QCOMPARE(session.violatedProperty(), QString::fromLatin1(kProperty)); // the id stays the session's
        const QString summary = panel.summary();
        QVERIFY2(summary.contains(name), qPrintable(summary));
        QVERIFY2(!summary.contains(QString::fromLatin1(kProperty)), qPrintable(summary));
        // The id (for mas explore --invariant) and the description in the summary's tool tip.
        QLabel *summaryLabel = nullptr;
        for (QLabel *label : panel.findChildren<QLabel *>()) {
            if (label->text() == summary)
                summaryLabel = label;
        }
        QVERIFY(summaryLabel);
        QVERIFY2(summaryLabel->toolTip().contains(QString::fromLatin1(kProperty)), qPrintable(summaryLabel->toolTip()));
        QVERIFY2(summaryLabel->toolTip().contains(
                     QCoreApplication::translate("mas::demos::LeaderElection", "No two nodes declare themselves leader.")),
                 qPrintable(summaryLabel->toolTip()));
        // The status line on opening names it so too.
        bool named = false;
        for (const QList<QVariant> &m : std::as_const(messages))
            named |= m.at(0).toString().contains(name);
        QVERIFY(named);
    }
    QCoreApplication::removeTranslator(&german);
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(tst_ViolationPanel)
#include "tst_violationpanel.moc"
