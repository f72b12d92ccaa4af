// SPDX-License-Identifier: MIT
#pragma once

#include <mas/channel/channeloptions.h>
#include <mas/core/result.h>
#include <mas/system/explorer.h>
#include <mas/system/necessity.h>
#include <mas/system/processsystem.h>
#include <mas/system/system.h>
#include <mas/trace/runcompare.h>
#include <mas/trace/trafficlog.h>
#include <mas/transport/address.h>
#include <mas/transport/localqueue.h>

#include "session/fileloader.h"
#include "session/statebreakpoints.h"

#include <QHash>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <QCoro/QCoroTask>

#include <memory>
#include <optional>
#include <vector>

class QAbstractItemModel;

namespace mas {
class AttachSession;
class MosaikSession;
class TapRelay;
class TrafficMonitor;
} // namespace mas

namespace mas::ui {

class EventStore;
class PlumbingFilter;

/// What MAS Inspector does, without a window: hosts a system on the in-process LocalNetwork
/// (from the registry or a system file), gathers the events of every source (the LocalQueue, an
/// attached container, a tap, the call form's own connections, a system on sockets, a hosted
/// mosaik simulator) into one EventStore, renumbering the message ids of the sources other than
/// the LocalQueue, and drives the system: step, run to a breakpoint, pause, step back, replay,
/// explore, sessions (open and save), CSV export.
///
/// A widget-free QObject (Qt Core and libmas): InspectorWindow connects its widgets to it and
/// shows what its signals report; tests and command-line tools use it directly.
///
/// \code
/// mas::ui::InspectorSession session;
/// session.newSystem("leader-election", parameters);
/// session.stepOnce();
/// co_await session.replayTo(3); // a step back in time
/// session.saveSession("run.massession");
/// \endcode
class InspectorSession : public QObject
{
    Q_OBJECT

public:
    /// Where events that do not come from the LocalQueue come from (appendExternal()
    /// renumbers their message ids per source).
    enum class Source : quint64 {
        Attach = 1, ///< an attached container's monitor
        Calls = 2,  ///< the call form's own connections
        Tap = 3,    ///< a tap relay
        Host = 4,   ///< a system on TCP or Unix sockets
        Mosaik = 5, ///< a hosted mosaik simulator
    };
    Q_ENUM(Source)

    /// What a file the Inspector opens holds (found from its content, not its name).
    enum class FileKind {
        Session,        ///< a saved session (`.massession`), replayed to its end
        Counterexample, ///< a counterexample of `mas explore --out` (`.jsonl`), opened at its start
        SystemFile,     ///< a system file (JSON with "containers", see SystemFile)
    };
    Q_ENUM(FileKind)
    /// Reads enough of `fileName` to tell its kind; an error naming the file for one that cannot
    /// be read or is none of them.
    static Result<FileKind> fileKind(const QString &fileName);

    explicit InspectorSession(QObject *parent = nullptr);
    /// Ends a run, cancels an exploration and tears the system and the sources down.
    ~InspectorSession() override;

    /// Every event of the session, in order, with message ids unique across sources.
    EventStore *store() const { return m_store; }

    // the teaching view
    /// What the views show of store(): the events whose class is not hidden (by default every
    /// plumbing class: connections, validate_aid lookups, bare acknowledgements, an agent's
    /// messages to itself). store() and the saved logs keep everything.
    PlumbingFilter *plumbingFilter() const { return m_filter; }
    /// The events the views show (plumbingFilter()'s view).
    EventStore *viewStore() const;
    /// Whether a pending message is shown (not hidden plumbing).
    bool isShown(const mas::PendingMessage &message) const;
    /// The label every view gives a pending message: "election(25)", "→ cfp: 7".
    QString pendingLabel(const mas::PendingMessage &message) const;
    /// The running system's names for addresses (System::displayNames()); empty without a
    /// system (attach, tap and mosaik keep their addresses).
    QHash<QString, QString> displayNames() const;
    /// `address`'s display name, or its short form.
    QString displayName(const QString &address) const;

    // the bounded-memory mode
    /// Keeps only about the last `count` events (0: every event, the default), for long
    /// free-running runs: store() lets the oldest go (EventStore::setKeepLimit()) and the
    /// LocalQueue's own log is off, so memory stays bounded but for a compact record of each
    /// dropped action, which replays need. Saving, Reload Plug-ins and Step Back then use the
    /// store's EventStore::replayableLog(); Step Back reaches back to the oldest kept event, and
    /// says so when asked for an older one. Applies to the running system and the next ones.
    void setKeepEvents(qsizetype count);
    qsizetype keepEvents() const;
    /// The recorded run: the LocalQueue's log, or, in the bounded-memory mode (since it was
    /// turned on for the running system), the store's replayableLog().
    TrafficLog recordedLog() const;

    // the system
    /// Replaces the running system with a fresh one of the registry (or the opened system
    /// file's), in stepped mode, started (its first messages are pending).
    Result<void> newSystem(const QString &demoId, const mas::system::Parameters &parameters);
    mas::system::System *system() const { return m_system.get(); }
    QString demoId() const { return m_demoId; }
    /// Opens the system a file describes (its plug-ins loaded, its agent types and invariants
    /// checked), stepped like a demo.
    Result<void> openSystem(const QString &fileName);
    /// Runs a Python program under the masstep runner (`mas-inspector --python PROGRAM.py ARGS`),
    /// stepped like a demo; its directory is its working directory.
    Result<void> openPython(const QString &program, const QStringList &arguments = {});
    /// Several programs on one stepped network, each a command line: the program, then its
    /// arguments (`mas-inspector --python ring.py 0 --python ring.py 1`).
    Result<void> openPython(const QList<QStringList> &programs);
    /// The running system's processes (a Python program's, or a system file's), or null.
    mas::system::ProcessSystem *processSystem() const;
    /// The system file of the running system (empty for a system of the registry).
    QString systemFile() const { return m_systemFile; }
    /// The system type the opened system file describes, if one was opened.
    const std::optional<mas::system::SystemType> &fileSystemType() const { return m_fileType; }
    mas::system::Parameters fileParameters() const { return m_fileParameters; }
    /// Whether `id` names the opened system file's system (whose own parameters apply).
    bool isFileSystem(const QString &id) const { return m_fileType && m_fileType->id == id; }
    /// The registry's system type `id`, or the opened system file's.
    const mas::system::SystemType *systemType(const QString &id) const;
    /// Loads fresh copies of the system file's plug-ins, rebuilds the system and replays the
    /// recorded delivery order into it as far as the new run follows it. Returns the index of
    /// the first event where the new run differs (selected in the store), or nullopt.
    QCoro::Task<Result<std::optional<qsizetype>>> reloadPlugins();
    /// Builds the running system again from its start, with the same parameters (or file).
    Result<void> restart();
    /// Tears down the system, attachment, tap and mosaik simulator, and empties the store.
    /// A system torn down is announced (systemChanged(), no system now) unless `replacing`:
    /// the caller builds the next one and announces that.
    void clear(bool replacing = false);
    /// Removes the agent with this URL from its container (a crash-stop fault).
    Result<void> removeAgent(const QString &address);

    // stepping
    /// Delivers the oldest pending message; when nothing is pending, moves the clock to its
    /// next timer. While a counterexample is open, does its next recorded step instead.
    Result<void> stepOnce();
    /// One step of what the views show (F10): delivers the hidden plumbing pending before it, in
    /// order, letting the event loop run between deliveries, then the first message that is
    /// shown; when nothing is pending (and the system is quiet), moves the clock to its next
    /// timer. With nothing hidden it is stepOnce(). The deliveries are exactly those of as many
    /// stepOnce() calls, so a run and its log are the same whichever view stepped it. While a
    /// counterexample is open, plays its recorded steps up to and including the next shown one.
    QCoro::Task<Result<void>> step();
    /// Delivers the pending message with this id (another interleaving). On a system of
    /// processes the session is busy (isBusy()) until the programs have answered, as after a
    /// step; while they have not, it refuses another single-frame action.
    Result<void> deliverMessage(quint64 id);
    /// Drops, duplicates or delays a pending message (busy until the programs answered, as above).
    Result<void> dropMessage(quint64 id);
    Result<void> duplicateMessage(quint64 id);
    Result<void> delayMessage(quint64 id);
    /// Delivers until the breakpoint hits (breakpointHit()), the system is idle (moving the
    /// clock when idle) or pause() is called. While a counterexample is open, plays its
    /// remaining recorded steps.
    QCoro::Task<void> run();
    /// Stops a run at the next message.
    void pause();
    bool isRunning() const { return m_running; }
    /// Running, stepping, replaying (isReplaying()), waiting for a system's programs to answer
    /// a single-frame action (the pending list is not complete yet), or opening a session file
    /// that will replace the system (isOpening()): nothing else should step (busyChanged()).
    /// While a replay goes on, stepping, running, delivering and Step Back return an error and
    /// change nothing.
    bool isBusy() const { return m_running || m_stepping || m_answerWaits > 0 || m_replaying || m_opening; }
    /// Delivers until idle, without moving the clock.
    QCoro::Task<void> runUntilIdle();
    /// How fast run() delivers: messages per second of real time (0: as fast as it can).
    void setRunSpeed(double messagesPerSecond) { m_runSpeed = qMax(0.0, messagesPerSecond); }
    double runSpeed() const { return m_runSpeed; }
    /// Breaks when the next message's label (pendingLabel()) matches `text`
    /// (mas::labelMatches(): in the method's name, or as whole words in its arguments), or its
    /// sender's or receiver's display name contains it as whole words (mas::nameMatches()):
    /// "pong" stops on a pong, not on every message of "ponger 1" nor on a lookup's reply
    /// "PongerAgent". Trimmed, any case; empty: no breakpoint. Hidden plumbing never breaks a run: what it matches is
    /// what is shown.
    void setBreakpoint(const QString &text) { m_breakpoint = text.trimmed(); }
    QString breakpoint() const { return m_breakpoint; }
    bool breakpointMatches(const mas::PendingMessage &message) const;
    /// The breakpoints on state: checked whenever an agent's state changes (after a manual step,
    /// during a run, while a counterexample or session is played forward); when one becomes
    /// true, a run or a step stops there (stateBreakpointHit()). Restoring a state (opening a
    /// session, a step back) does not hit them.
    StateBreakpoints *stateBreakpoints() const { return m_stateBreakpoints; }

    // a counterexample being played forward
    qsizetype recordedStepsLeft() const { return qsizetype(m_script.size() - m_scriptNext); }
    qsizetype recordedStepCount() const { return qsizetype(m_script.size()); }
    qsizetype recordedStepsDone() const { return qsizetype(m_scriptNext); }
    QString recordedProperty() const { return m_scriptProperty; }
    /// The recorded step that breaks recordedProperty(): the counterexample's last action (its
    /// message is marked in the views through EventStore::violation()); nullopt when no
    /// counterexample is open.
    std::optional<TrafficEvent> violatingStep() const { return m_violatingStep; }
    /// The invariant the violating step breaks, and how many steps the counterexample has (the
    /// violating step is the last). Also set for a counterexample Explore found and opened.
    QString violatedProperty() const { return m_violatedProperty; }
    /// The open counterexample's recorded steps (TrafficLog::schedule(): opened from a file, or
    /// found by Explore), the last of which breaks violatedProperty(); empty when none is open.
    const std::vector<TrafficEvent> &counterexampleSchedule() const { return m_counterexampleSchedule; }
    qsizetype violationStepCount() const { return m_violationSteps; }
    /// Whether the violating step has been played (its before and after states are known).
    bool violationReached() const { return m_violationBefore.has_value(); }
    /// Every agent's state fields (System::stateFields()) just before the violating step, and
    /// after it (with what the step caused, until the next step); empty before it is played.
    Value::Map stateBeforeViolation() const { return m_violationBefore.value_or(Value::Map()); }
    Value::Map stateAfterViolation() const { return m_violationAfter; }
    /// Why the violated property fails once its step was played (Invariant::explanationDetailed()
    /// of the system's invariant or goal of that name): the sentence and the agents' fields
    /// involved; empty before the step is played or when the property holds again.
    mas::system::InvariantExplanation violationExplanation() const { return m_violationExplanation; }
    /// Whether the violation was seen as it happened (stepping, running free, replaying a
    /// session) rather than opened as a counterexample: then violationStepCount() is the number
    /// of steps up to it. A Step Back turns it into a counterexample (the run's steps up to and
    /// including the violating one, counterexampleSchedule()) that stays open as one opened
    /// from a file does; it is still said to be found live.
    bool violationFoundLive() const { return m_violationLive; }
    /// A counterexample the user left (delivered another message than its next step, or the
    /// system no longer followed it): kept as a record, which the Violation panel shows, until
    /// another system or file replaces it. A Step Back to an event within its first
    /// leftCounterexampleAt() steps opens it again at that step. -1 when none was left.
    qsizetype leftCounterexampleAt() const { return m_left.schedule.empty() ? -1 : m_left.at; }
    qsizetype leftCounterexampleStepCount() const { return qsizetype(m_left.schedule.size()); }
    QString leftCounterexampleProperty() const { return m_left.property; }

    // exploring
    /// Searches the delivery orders of the current system for a run that breaks a property,
    /// reporting progress (explorationStarted(), explorationProgress(), explorationFinished()).
    /// A violation found is shrunk and opened (rebuilt and replayed, its last message
    /// selected); otherwise the system is rebuilt fresh.
    QCoro::Task<Result<mas::system::ExplorerResult>> explore(mas::system::ExplorerOptions options);
    /// Which steps of the open counterexample matter (mas::system::NecessityAnalysis), with
    /// `progress` (runs done, runs planned) after each re-execution. The analysis owns the
    /// in-process network: the system goes while it runs (isExploring() is true and
    /// cancelExploration() stops it), then the counterexample is replayed to its end, so that
    /// every step's event is in store().
    QCoro::Task<Result<mas::system::NecessityReport>> analyseCounterexample(std::function<void(int, int)> progress);
    /// Stops a running exploration (or analysis) at its next step.
    void cancelExploration();
    bool isExploring() const { return m_explorer != nullptr; }

    // sessions and files
    /// Saves the system's set-up and its event log (JSON Lines, atomically).
    Result<void> saveSession(const QString &fileName);
    /// Rebuilds the saved system and replays its log; a counterexample opens at its start.
    QCoro::Task<Result<void>> openSession(QString fileName);
    /// What opening a file is doing (loadProgress()).
    enum class LoadStage {
        Reading, ///< reading and parsing the file, on a thread of its own: cancelLoad() stops it
        Adding,  ///< adding its events, a slice at a time between event-loop turns, to a store the
                 ///< views take over at the end: cancelLoad() stops it too
    };
    Q_ENUM(LoadStage)
    /// Stops opening the file openSession() is opening, while it is read or its events are
    /// added: the window stays as it was (the system, its events, the title), and openSession()
    /// returns Cancelled.
    void cancelLoad();
    /// Whether openSession() is reading a file or adding its events.
    bool isLoading() const { return m_loading; }
    /// Whether openSession() is on its way (the session is busy meanwhile: the file will replace
    /// the system; Cancel leaves it as it was).
    bool isOpening() const { return m_opening; }
    /// Rebuilds the system and replays the log up to event `sequence` (a step back in time);
    /// returns the sequence number of the rebuilt run's last event. An open counterexample stays
    /// open when the replayed steps are its own (stepping back within it): it then stands at
    /// the step reached, and Step and Run follow it again; so does one the user left
    /// (leftCounterexampleAt()) when the step back goes back to where the run still followed it.
    /// A violation found live (violationFoundLive()) becomes such a counterexample first: the
    /// recorded run's steps up to and including the violating one, so that it stays open before
    /// and after its step alike.
    QCoro::Task<Result<quint64>> replayTo(quint64 sequence);
    /// Stops the replay going on (opening a session, a step back, opening a counterexample
    /// after Explore or Analyse, Reload Plug-ins: while replayProgress() reports one) before its
    /// next recorded action. The system stays as far as it was replayed, stepped from there on
    /// (the rest of the recording is not played; a counterexample's violation stays marked);
    /// the status line says "Replay cancelled at event k of n"; the replaying call returns a
    /// Cancelled error (Analyse still returns its report).
    void cancelReplay();
    /// Whether a replay is going on (cancelReplay() stops it); the session is busy meanwhile
    /// (isBusy(), busyChanged()).
    bool isReplaying() const { return m_replaying; }
    /// Whether the system is being rebuilt (a replay) or replaced (a file being opened): what
    /// it shows now does not last, nothing should step it or search its states.
    bool isRebuilding() const { return m_replaying || m_opening; }
    /// The sequence number of the last event of the step that produced event `sequence`.
    std::optional<quint64> endOfStep(quint64 sequence) const;
    /// This run compared with another run's log (an event log or a session) by message
    /// identity (trace/runcompare.h): where they diverge, and that in words with the agents'
    /// display names. RunDivergence::eventA indexes store().
    struct RunComparison
    {
        RunDivergence divergence;
        QString text;
    };
    Result<RunComparison> compareWith(const QString &logFile) const;
    /// compareWith() a log read already (readLog()) from `fileName`: its header, when it is a
    /// session, names the other run's agents.
    Result<RunComparison> compareWith(const TrafficLog &other, const QString &fileName = {}) const;
    /// Reads a log (or a session's log) on a thread of its own, with loadProgress() and
    /// cancelLoad() as for openSession(); nothing of the session changes. An error while another
    /// file is being opened.
    QCoro::Task<Result<TrafficLog>> readLog(QString fileName);
    /// Writes the rows of a table model as CSV (every cell quoted; a cell's tool tip, when it
    /// has one, is its full text).
    static Result<void> exportCsv(const QAbstractItemModel *model, const QString &fileName);

    // watching systems outside the Inspector
    /// Connects to a running container and shows its traffic when it offers a monitor.
    /// Replaces the current system. After success the call target is the container's first
    /// agent when `address` named the container.
    QCoro::Task<Result<void>> attachTo(QString address, QString codec = QStringLiteral("json"),
                                       std::optional<mas::TlsOptions> tls = std::nullopt);
    /// Relays between clients and `targetAddress` through a new server at `listenAddress`.
    Result<void> startTap(const QString &listenAddress, const QString &targetAddress,
                          const QString &codec = QStringLiteral("json"));
    /// Ends attach, tap or mosaik mode; the recorded messages stay.
    void detach();
    /// Hosts the reference Counter simulator and waits for mosaik on `hostPort`.
    Result<mas::Address> hostMosaikSimulator(const QString &hostPort);
    /// Hosts the Counter simulator and connects it to mosaik at `hostPort`.
    QCoro::Task<Result<void>> connectMosaikSimulator(QString hostPort);
    mas::AttachSession *attachSession() const { return m_attach; }
    mas::TapRelay *tapRelay() const;
    mas::MosaikSession *mosaikSession() const { return m_mosaik; }
    /// The monitor the call form's connections report to (their events are shown while an
    /// attached container has no monitor of its own).
    mas::TrafficMonitor *callMonitor() const { return m_callMonitor; }
    /// Whether a container, a tap or a mosaik simulator is being watched.
    bool isWatching() const;

    /// Adds an event from a source other than the LocalQueue, renumbering its message ids
    /// into the store's.
    void appendExternal(const mas::TrafficEvent &event, Source source);

Q_SIGNALS:
    /// Before the system and the sources go: what watches their objects lets go.
    void aboutToClear();
    /// A system was built, cleared or replaced.
    void systemChanged();
    void runningChanged(bool running);
    /// isBusy() changed (a step or a single-frame action started or its programs answered).
    void busyChanged(bool busy);
    /// Something the status line shows changed (pending messages, time, states, a source).
    void statusChanged();
    /// A message for the user (the status line), with how long it is worth showing.
    void message(const QString &text, int timeoutMs);
    /// A title for what the session shows (the window's title).
    void titleChanged(const QString &title);
    /// Where the call form should point, with which codec and TLS files.
    void callTargetChanged(const QString &target);
    void callCodecChanged(const QString &codec);
    void callTlsChanged(const std::optional<mas::TlsOptions> &tls);
    /// A run stopped before this pending message (the breakpoint).
    void breakpointHit(quint64 messageId);
    /// A breakpoint on state became true (StateBreakpoints::Hit: which one and why).
    void stateBreakpointHit(const mas::ui::StateBreakpoints::Hit &hit);
    /// A recorded log is being replayed: `done` of `total` events (total < 0: finished or
    /// cancelled).
    void replayProgress(qsizetype done, qsizetype total);
    /// Opening a file: `done` of `total` (bytes read of the file, then events added), from 0 to
    /// total in each stage, in order.
    void loadProgress(mas::ui::InspectorSession::LoadStage stage, qint64 done, qint64 total);
    /// Opening a file ended (opened, failed or cancelled).
    void loadFinished();
    void explorationStarted(int maxSchedules);
    void explorationProgress(const mas::system::ExplorerStatistics &statistics);
    void explorationFinished();
    /// An attached container's monitor answered: its agents are known.
    void attached();
    /// A mosaik simulator is hosted (its clock and hold settings can be shown).
    void mosaikStarted();
    /// An open counterexample's violating step, or the states before and after it, changed.
    void violationChanged();

private:
    void onEvent(const mas::TrafficEvent &event);
    void onSystemStateChanged();
    void updateViolationAfter();
    void clearViolation();
    /// The system's state changed: the first invariant found broken (with no counterexample
    /// open) becomes the violation, its step the last action, its before the state kept then.
    void checkLiveViolation();
    /// System::stateFields(), reading again only the agents that changed since the last call.
    Value::Map currentStateFields();
    Result<void> loadSystemFile(const QString &fileName);
    /// Makes the session's built-from-a-file type the one that starts these processes.
    void setProcesses(const QList<mas::system::ProcessSpec> &specs);
    /// After a step of a system with processes: until its programs have answered.
    QCoro::Task<Result<void>> waitForPrograms();
    /// step()'s flag, announced (busyChanged()).
    void setStepping(bool stepping);
    /// What the status bar says when the last recorded step was played: the counterexample's
    /// property broken, or the recorded run's end.
    QString recordingEndText() const;
    /// Sets one of isBusy()'s flags, announcing busyChanged() when isBusy() changes.
    void setBusyFlag(bool &flag, bool on);
    /// Before a single-frame action: an error while the programs have not answered yet.
    Result<void> checkReadyForAction() const;
    /// After a single-frame action on a system of processes: busy until the programs answered.
    void awaitProgramsAfterAction();
    Result<void> playRecordedStep();
    void leaveRecording(const QString &why);
    /// The counterexample a violation found live stands for: the recorded run's actions up to
    /// and including the violating step; empty when there is none or the step is not recorded.
    std::vector<TrafficEvent> liveCounterexample() const;
    void finishRun();
    /// Rebuilds the system and replays `log` into it; with `property`, the log is a counterexample
    /// whose last step is marked as the one that breaks it (or, with `counterexample`, a part of
    /// that counterexample: its last step is marked); `foundLive`: that counterexample is a
    /// violation found live (violationFoundLive()).
    QCoro::Task<Result<void>> replayLog(mas::TrafficLog log, QString demoId, mas::system::Parameters parameters,
                                        QString property = {}, std::vector<TrafficEvent> counterexample = {},
                                        bool foundLive = false);
    /// m_replaying, announced (busyChanged()).
    void setReplaying(bool replaying);
    /// An error while a replay is going on (stepping, running or Step Back would interfere).
    Result<void> checkNotReplaying() const;
    /// After cancelReplay(): says where the replay of `total` events stopped (the status line,
    /// the log) and gives the Cancelled error to return.
    Error replayCancelled(qsizetype total);
    /// Marks the last of `schedule` as the step that breaks `property` (EventStore::setViolation());
    /// the states before and after it are recorded when it happens. `foundLive`: it is a violation
    /// found live, turned into a counterexample (violationFoundLive()).
    void markViolation(const std::vector<TrafficEvent> &schedule, const QString &property, bool foundLive = false);
    void startMosaik();
    QCoro::Task<Result<void>> openSessionFile(QString fileName);
    /// Reads a file with `work` on a thread of its own (FileReader), reporting loadProgress()
    /// and the status line; Cancelled after cancelLoad().
    QCoro::Task<Result<void>> readFile(QString fileName, std::function<void(QIODevice *)> work);
    /// Puts a loaded log's events into `into` (a store no view watches) a slice at a time (each
    /// well under 100 ms of the GUI thread), letting the event loop turn between slices;
    /// Cancelled after cancelLoad() or when another file is being opened.
    QCoro::Task<Result<void>> addLoadedEvents(EventStore *into, std::vector<TrafficEvent> events, QString name);

    EventStore *m_store = nullptr;
    PlumbingFilter *m_filter = nullptr;
    QPointer<FileReader> m_reader; // the file openSession() is reading
    bool m_loading = false;
    bool m_opening = false;          // openSession() is on its way (one of isBusy()'s flags)
    bool m_adding = false;           // addLoadedEvents() is on its way
    bool m_addingCancelled = false;  // cancelLoad() while adding: the store it fills is dropped
    quint64 m_loadGeneration = 0; // a newer open (or clear) ends an older one's adding
    bool m_storeIsRecord = false; // the bounded-memory mode: the store, not the queue's log, is the record
    bool m_stepping = false; // step() is on its way
    int m_answerWaits = 0;   // single-frame actions whose programs have not answered yet

    // the system
    std::unique_ptr<mas::system::System> m_system;
    QString m_demoId;
    QString m_title; // the last titleChanged(): kept over the replays that rebuild the same run
    QMetaObject::Connection m_eventConnection;
    bool m_running = false;
    bool m_pauseRequested = false;
    QString m_breakpoint;
    StateBreakpoints *m_stateBreakpoints = nullptr;
    bool m_restoringState = false; // a replay restores a state: no state breakpoint hits
    bool m_replaying = false;        // replayLog() or reloadPlugins() replays (cancelReplay())
    bool m_replayCancelled = false;  // cancelReplay() asked it to stop
    int m_stateHits = 0;           // hits so far: a step that saw one stops
    double m_runSpeed = 0;
    mas::system::Explorer *m_explorer = nullptr; // while explore() runs
    std::optional<mas::system::SystemType> m_fileType;
    mas::system::Parameters m_fileParameters;
    QString m_systemFile;
    QList<mas::system::ProcessSpec> m_processes; // Python programs opened without a system file
    std::vector<mas::TrafficEvent> m_script;
    size_t m_scriptNext = 0;
    QString m_scriptProperty;
    bool m_applyingScript = false;
    std::optional<TrafficEvent> m_violatingStep;
    std::vector<TrafficEvent> m_counterexampleSchedule;
    QString m_violatedProperty;
    qsizetype m_violationSteps = 0;
    std::optional<Value::Map> m_violationBefore;
    Value::Map m_violationAfter;
    bool m_violationSettled = false; // a later step came: the "after" states stay as they are
    mas::system::InvariantExplanation m_violationExplanation;
    bool m_violationLive = false;
    /// A counterexample the user left: its steps, its property, how many of them the run
    /// followed, whether it was a violation found live (none: no steps).
    struct LeftCounterexample
    {
        std::vector<TrafficEvent> schedule;
        QString property;
        qsizetype at = 0;
        bool live = false;
    };
    LeftCounterexample m_left;
    // While every invariant holds: the last action and every agent's state just before it.
    std::optional<TrafficEvent> m_lastAction;
    Value::Map m_beforeLastAction;
    qsizetype m_actionsSeen = 0;
    bool m_systemHasInvariants = false; // nothing to watch (and no snapshots) without any
    QList<Value> m_agentFields;      // per agent in agents() order: its stateFields() when last read
    QList<bool> m_agentFieldsStale;  // it changed since

    // the other sources
    mas::AttachSession *m_attach = nullptr;
    QPointer<mas::TapRelay> m_tap;
    mas::TrafficMonitor *m_callMonitor = nullptr;
    QPointer<mas::TrafficMonitor> m_hostMonitor;
    mas::MosaikSession *m_mosaik = nullptr;
    bool m_recordCalls = false;
    QHash<QPair<quint64, quint64>, quint64> m_externalIds; // (source, id) -> store message id
    quint64 m_nextExternalId = 1;
    quint64 m_nextExternalSequence = 0;
};

} // namespace mas::ui
