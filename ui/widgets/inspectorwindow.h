// SPDX-License-Identifier: MIT
#pragma once

#include <mas/channel/channeloptions.h>
#include <mas/mosaik/mosaiksession.h>
#include <mas/observe/attachsession.h>
#include <mas/core/result.h>
#include <mas/system/system.h>
#include <mas/system/explorer.h>
#include <mas/system/systemfile.h>
#include <mas/observe/taprelay.h>
#include <mas/observe/trafficmonitor.h>
#include <mas/transport/localqueue.h>

#include <QMainWindow>
#include <QHash>
#include <QPair>
#include <QPointer>

#include <QCoro/QCoroTask>

#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSpinBox;
class QTableView;
class QTreeView;

namespace mas::ui {

class AgentGraphView;
class CallPanel;
class AgentTreeModel;
class ClockPanel;
class CoSimulationPanel;
class EventFilterModel;
class EventStore;
class EventTableModel;
class MessageDetailsWidget;
class PendingMessagesModel;
class SequenceDiagramView;

/// MAS Inspector's main window: hosts a demo system on the in-process LocalNetwork, shows its
/// message flow (sequence diagram, agent graph, message table) and lets the user step it.
///
/// Everything a user can click is also a public function, so that tests and the command line
/// (`--screenshot`) drive the same code. The window owns the running system.
class InspectorWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit InspectorWindow(QWidget *parent = nullptr);
    ~InspectorWindow() override;

    // the system
    /// Replaces the running system with a fresh demo, in stepped mode, started (its first
    /// messages are pending).
    Result<void> newSystem(const QString &demoId, const mas::system::Parameters &parameters);
    mas::system::System *system() const { return m_system.get(); }
    /// Opens the system a file describes (mas::system::SystemFile: its plug-ins are loaded, its
    /// agent types and invariants checked), stepped like a demo (File → Open System…).
    Result<void> openSystem(const QString &fileName);
    /// The system file of the running system (empty for a system of the registry).
    QString systemFile() const { return m_systemFile; }
    /// The debugging loop after a rebuild (File → Reload Plug-ins): loads fresh copies of the
    /// system file's plug-ins, rebuilds the system with the new code and replays the recorded
    /// delivery order into it, as far as the new run follows it. Returns the index of the first
    /// event where the new run differs from the recorded one (selected in the views), or nullopt
    /// when it replays identically; the status bar says which.
    QCoro::Task<Result<std::optional<qsizetype>>> reloadPlugins();
    QString demoId() const { return m_demoId; }

    // stepping
    /// Delivers the oldest pending message (F10); when nothing is pending, moves the clock to
    /// its next timer. While a counterexample is open (recordedStepsLeft() > 0), does its next
    /// recorded step instead.
    Result<void> stepOnce();
    /// Delivers the pending message with this id (another interleaving).
    Result<void> deliverMessage(quint64 id);
    /// Delivers until the breakpoint hits, the system is idle (advancing the clock to its next
    /// timer when idle) or pause() is called (F5). While a counterexample is open, plays its
    /// remaining recorded steps and stops at its end.
    QCoro::Task<void> run();
    /// Stops a run at the next message (Shift+F5).
    void pause();
    bool isRunning() const { return m_running; }
    /// Delivers until idle, without moving the clock.
    QCoro::Task<void> runUntilIdle();
    /// How fast run() delivers: messages per second of real time (0: as fast as it can).
    void setRunSpeed(double messagesPerSecond);
    double runSpeed() const { return m_runSpeed; }
    /// Breaks when the next message's receiver, sender, method path or content contains `text`
    /// (empty: no breakpoint).
    void setBreakpoint(const QString &text);
    QString breakpoint() const;
    /// Whether the pending message would stop a run.
    bool breakpointMatches(const mas::PendingMessage &message) const;

    /// Removes the agent with this URL from its container (a crash-stop fault: calls to it then
    /// fail with "Agent … was removed").
    Result<void> removeAgent(const QString &address);

    // watching systems outside the Inspector
    /// Connects to a running container (ours or Python aiomas) and shows its traffic live when
    /// it offers a monitor (MonitorService); the call form then targets it. Replaces the
    /// current system.
    /// With `tls`, the connection (and the call form's) uses mutual TLS with those files.
    QCoro::Task<Result<void>> attachTo(QString address, QString codec = QStringLiteral("json"),
                                       std::optional<mas::TlsOptions> tls = std::nullopt);
    /// Relays between clients and the aiomas server at `targetAddress` through a new server at
    /// `listenAddress` (port 0: any free port), showing the frames both ways. Replaces the
    /// current system. Point the clients at tapRelay()->address().
    Result<void> startTap(const QString &listenAddress, const QString &targetAddress,
                          const QString &codec = QStringLiteral("json"));
    /// Ends attach or tap mode; the recorded messages stay for browsing and export.
    void detach();
    AttachSession *attachSession() const { return m_attach; }
    TapRelay *tapRelay() const { return m_tap; }
    CallPanel *callPanel() const { return m_callPanel; }

    // co-simulation
    /// Hosts the reference Counter simulator for mosaik and waits for mosaik on `hostPort`
    /// (HOST:PORT, port 0: any; mosaik's sim_config {"connect": "HOST:PORT"}). Each mosaik
    /// request and reply shows in the message views, the simulated time in the clock panel; the
    /// Co-simulation panel holds steps. Replaces the current system.
    Result<mas::Address> hostMosaikSimulator(const QString &hostPort);
    /// Hosts the Counter simulator and connects it to mosaik at `hostPort` (the `%(addr)s` of
    /// mosaik's `cmd` starter: {"cmd": "mas-inspector --mosaik-connect %(addr)s"}).
    QCoro::Task<Result<void>> connectMosaikSimulator(QString hostPort);
    MosaikSession *mosaikSession() const { return m_mosaik; }
    CoSimulationPanel *coSimulationPanel() const { return m_cosimPanel; }

    // exploring
    /// Searches the delivery orders of the current demo (its parameters, from its start) for a
    /// run that breaks a property, with a progress dialog that can cancel. A violation found is
    /// shrunk and opened: the system is rebuilt and the counterexample replayed into it, ending
    /// at the violating event (selected). Otherwise the system is rebuilt fresh. The options'
    /// queue id is the Inspector's own.
    QCoro::Task<Result<mas::system::ExplorerResult>> explore(mas::system::ExplorerOptions options);
    /// Stops a running exploration at its next step.
    void cancelExploration();
    bool isExploring() const { return m_explorer != nullptr; }

    // sessions and files
    /// Saves the system's set-up and its event log (JSON Lines, atomically).
    Result<void> saveSession(const QString &fileName);
    /// Rebuilds the saved system and replays its log; the log then equals the saved one, and
    /// the system waits there. A counterexample (`mas explore --out`) is instead opened at its
    /// start: stepOnce() and run() play its recorded steps forward (see recordedStepsLeft()).
    QCoro::Task<Result<void>> openSession(QString fileName);
    /// Rebuilds the system and replays the log up to event `sequence`: a step back in time.
    /// The rebuilt run ends with that event, or, when the step that produced it (a delivery or
    /// a clock move) produced further events, with the last of them (a handler's sends are one
    /// step). Returns the sequence number of the rebuilt run's last event.
    QCoro::Task<Result<quint64>> replayTo(quint64 sequence);
    /// The sequence number of the last event of the step that produced event `sequence` in
    /// the current log: where replayTo(sequence) ends.
    std::optional<quint64> endOfStep(quint64 sequence) const;

    // a counterexample being played forward
    /// The recorded steps of the open counterexample not played yet (0: none open, or done).
    qsizetype recordedStepsLeft() const { return qsizetype(m_script.size() - m_scriptNext); }
    qsizetype recordedStepCount() const { return qsizetype(m_script.size()); }
    /// The property the open counterexample breaks.
    QString recordedProperty() const { return m_scriptProperty; }
    /// Loads another run's log and selects the first event where the two runs part; returns
    /// its index, or -1 when they are the same.
    Result<qsizetype> compareWith(const QString &logFile);
    bool exportDiagram(const QString &fileName);
    bool exportGraph(const QString &fileName);
    bool exportTableCsv(const QString &fileName);

    // preferences
    /// The language chosen in View → Language (QSettings "language": a code from
    /// mas::i18n::languages(), or empty for the system's). main() installs its translators.
    static QString languageSetting();
    /// Chooses the language of the next start (empty: the system's) and says so in the status
    /// line; the running window keeps its texts.
    void setLanguageSetting(const QString &code);

    // parts (for tests)
    EventStore *store() const { return m_store; }
    SequenceDiagramView *sequenceView() const { return m_sequence; }
    AgentGraphView *graphView() const { return m_graph; }
    QTableView *messageTable() const { return m_table; }
    QTableView *pendingTable() const { return m_pendingTable; }
    ClockPanel *clockPanel() const { return m_clockPanel; }
    QLineEdit *searchField() const { return m_search; }
    QAction *stepAction() const { return m_stepAction; }

Q_SIGNALS:
    void runningChanged(bool running);
    void systemChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildDocks();
    void updateStatus();
    void updateActions();
    /// The agent graph animates messages in flight only while they really move.
    void updateAnimation();
    void onEvent(const mas::TrafficEvent &event);
    void showSelectedMessage(quint64 id);
    quint64 selectedPendingId() const;
    void applyTheme(const QString &theme);
    void addRecentFile(const QString &fileName);
    void updateRecentMenu();
    void newSystemFromToolbar();
    /// Tears down the current system, attachment and tap, and empties the views.
    void clearSystem();
    /// Adds an event from a source other than the LocalQueue (attach, tap, own calls, a TCP
    /// system), renumbering its message ids into the store's.
    void appendExternal(const mas::TrafficEvent &event, quint64 source);
    void showAttachDialog();
    void showTapDialog();
    void updateKnownMethods();
    void showAgentMenu(const QPoint &position);
    void showExploreDialog();
    // co-simulation (inspectorwindow_mosaik.cpp)
    void buildCoSimulation();
    void startMosaikView();
    void showMosaikEntities();
    void showMosaikDialog();
    void reportError(const mas::Error &error);
    QCoro::Task<Result<void>> replayLog(mas::TrafficLog log, const QString &demoId,
                                        mas::system::Parameters parameters);
    /// The registry's system type `id`, or the opened system file's.
    const mas::system::SystemType *systemType(const QString &id) const;
    /// Reads a system file and loads its plug-ins; it becomes the file of systemType().
    Result<void> loadSystemFile(const QString &fileName);
    /// Does the open counterexample's next recorded step.
    Result<void> playRecordedStep();
    /// Ends playing the counterexample forward, saying why in the status bar.
    void leaveRecording(const QString &why);
    mas::system::Parameters toolbarParameters() const;

    // the system
    std::unique_ptr<mas::system::System> m_system;
    QString m_demoId;
    QMetaObject::Connection m_eventConnection;
    bool m_running = false;
    bool m_pauseRequested = false;
    QString m_breakpoint;
    double m_runSpeed = 0;
    mas::system::Explorer *m_explorer = nullptr; // while explore() runs
    // the system file opened last (File → Open System…), which sessions and rebuilds use
    std::optional<mas::system::SystemType> m_fileType;
    mas::system::Parameters m_fileParameters;
    QString m_systemFile;
    // an opened counterexample: its recorded actions, the next one to do, what it breaks
    std::vector<mas::TrafficEvent> m_script;
    size_t m_scriptNext = 0;
    QString m_scriptProperty;
    bool m_applyingScript = false; // the actions now recorded are the script's own

    // watching other systems
    AttachSession *m_attach = nullptr;
    QPointer<mas::TapRelay> m_tap;
    mas::TrafficMonitor *m_callMonitor = nullptr; // the call form's own connections
    QPointer<mas::TrafficMonitor> m_hostMonitor;  // a demo system on TCP or Unix sockets
    QHash<QPair<quint64, quint64>, quint64> m_externalIds; // (source, id) -> store message id
    quint64 m_nextExternalId = 1;
    quint64 m_nextExternalSequence = 0;
    bool m_recordCalls = false;
    CallPanel *m_callPanel = nullptr;
    MosaikSession *m_mosaik = nullptr;
    CoSimulationPanel *m_cosimPanel = nullptr;
    QDockWidget *m_cosimDock = nullptr;
    QAction *m_mosaikAction = nullptr;

    // views and models
    EventStore *m_store = nullptr;
    SequenceDiagramView *m_sequence = nullptr;
    AgentGraphView *m_graph = nullptr;
    EventTableModel *m_tableModel = nullptr;
    EventFilterModel *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    PendingMessagesModel *m_pending = nullptr;
    QTableView *m_pendingTable = nullptr;
    AgentTreeModel *m_agents = nullptr;
    QTreeView *m_agentTree = nullptr;
    MessageDetailsWidget *m_details = nullptr;
    ClockPanel *m_clockPanel = nullptr;

    // tool bar
    QComboBox *m_demoBox = nullptr;
    QSpinBox *m_agentCount = nullptr;
    QSpinBox *m_seed = nullptr;
    QCheckBox *m_faulty = nullptr;
    QComboBox *m_transportBox = nullptr;
    QComboBox *m_speedBox = nullptr;
    QLineEdit *m_breakpointField = nullptr;

    // actions
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openSystemAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_idleAction = nullptr;
    QAction *m_deliverAction = nullptr;
    QAction *m_dropAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_delayAction = nullptr;
    QAction *m_replayToAction = nullptr;
    QAction *m_exploreAction = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_tapAction = nullptr;
    QAction *m_detachAction = nullptr;
    QMenu *m_recentMenu = nullptr;

    // status bar
    QLabel *m_timeLabel = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_eventsLabel = nullptr;
    QLabel *m_outcomeLabel = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace mas::ui
