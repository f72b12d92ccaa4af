// SPDX-License-Identifier: MIT
#pragma once

#include "session/inspectorsession.h"

#include <mas/channel/channeloptions.h>
#include <mas/core/result.h>
#include <mas/observe/mosaiksession.h>
#include <mas/observe/attachsession.h>
#include <mas/observe/taprelay.h>
#include <mas/system/explorer.h>
#include <mas/system/system.h>
#include <mas/transport/localqueue.h>

#include <QMainWindow>
#include <QPointer>
#include <QProgressDialog>

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
class CausalActions;
class LookAheadActions;
class CallPanel;
class AgentTreeModel;
class ClockPanel;
class CoSimulationPanel;
class EventFilterModel;
class EventStore;
class EventTableModel;
class MessageDetailsWidget;
class PendingMessagesModel;
class PresentationMode;
class ProcessesPanel;
class PlumbingActions;
class SearchBar;
class SequenceDiagramView;
class ViolationPanel;
class StateBreakpointsPanel;
class SystemDescriptionPanel;

/// MAS Inspector's main window: shows an InspectorSession (the system it hosts on the in-process
/// LocalNetwork, or what it watches) in a sequence diagram, an agent graph and a message table,
/// and lets the user step it.
///
/// The window connects widgets to the session and shows what it reports; the session acts.
/// Everything a user can click is also a public function (most forward to the session), so that
/// tests and the command line (`--screenshot`) drive the same code.
class InspectorWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit InspectorWindow(QWidget *parent = nullptr);
    ~InspectorWindow() override;

    /// What the window shows and drives.
    InspectorSession *session() const { return m_session; }

    // the system (see InspectorSession)
    Result<void> newSystem(const QString &demoId, const mas::system::Parameters &parameters);
    mas::system::System *system() const { return m_session->system(); }
    Result<void> openSystem(const QString &fileName);
    /// Runs a Python program under the masstep runner, stepped (File → Open Python Program…).
    Result<void> openPython(const QString &program, const QStringList &arguments = {});
    /// Several programs, each its command line (program first).
    Result<void> openPython(const QList<QStringList> &programs);
    QString systemFile() const { return m_session->systemFile(); }
    QCoro::Task<Result<std::optional<qsizetype>>> reloadPlugins();
    QString demoId() const { return m_session->demoId(); }

    // stepping
    /// One step of what the views show (F10): InspectorSession::step().
    QCoro::Task<Result<void>> step();
    /// Delivers the oldest pending message, shown or not (InspectorSession::stepOnce()).
    Result<void> stepOnce();
    Result<void> deliverMessage(quint64 id);
    QCoro::Task<void> run();
    void pause();
    bool isRunning() const { return m_session->isRunning(); }
    /// Running, stepping, replaying, or waiting for the programs to answer a step (InspectorSession::isBusy()):
    /// the stepping actions are disabled meanwhile.
    bool isBusy() const { return m_session->isBusy(); }
    QCoro::Task<void> runUntilIdle();
    /// How fast run() delivers: messages per second of real time (0: as fast as it can).
    void setRunSpeed(double messagesPerSecond);
    double runSpeed() const { return m_session->runSpeed(); }
    /// Breaks when the next message's receiver, sender, method path or content contains `text`
    /// (empty: no breakpoint); shown in the tool bar.
    void setBreakpoint(const QString &text);
    QString breakpoint() const { return m_session->breakpoint(); }
    bool breakpointMatches(const mas::PendingMessage &message) const { return m_session->breakpointMatches(message); }
    Result<void> removeAgent(const QString &address);

    // watching systems outside the Inspector
    QCoro::Task<Result<void>> attachTo(QString address, QString codec = QStringLiteral("json"),
                                       std::optional<mas::TlsOptions> tls = std::nullopt);
    Result<void> startTap(const QString &listenAddress, const QString &targetAddress,
                          const QString &codec = QStringLiteral("json"));
    /// Ends attach or tap mode; the recorded messages stay for browsing and export.
    void detach();
    mas::AttachSession *attachSession() const { return m_session->attachSession(); }
    TapRelay *tapRelay() const { return m_session->tapRelay(); }
    CallPanel *callPanel() const { return m_callPanel; }

    // co-simulation
    Result<mas::Address> hostMosaikSimulator(const QString &hostPort);
    QCoro::Task<Result<void>> connectMosaikSimulator(QString hostPort);
    mas::MosaikSession *mosaikSession() const { return m_session->mosaikSession(); }
    CoSimulationPanel *coSimulationPanel() const { return m_cosimPanel; }

    // exploring
    /// Searches the delivery orders of the current system (InspectorSession::explore()), with a
    /// progress dialog that can cancel.
    QCoro::Task<Result<mas::system::ExplorerResult>> explore(mas::system::ExplorerOptions options);
    void cancelExploration();
    bool isExploring() const { return m_session->isExploring(); }
    /// The progress dialog of a running exploration (null otherwise).
    QProgressDialog *explorationProgressDialog() const { return m_exploreProgress; }

    // sessions and files
    Result<void> saveSession(const QString &fileName);
    /// The file name Save Session writes for a name the user chose: with ".massession" added when
    /// the name has no extension, so that the Open dialog lists the file afterwards.
    static QString sessionFileName(const QString &chosen);
    QCoro::Task<Result<void>> openSession(QString fileName);
    /// Opens any file the Inspector reads, by its content (InspectorSession::fileKind()): a
    /// session, a counterexample or a system file (`mas-inspector FILE`, File → Open).
    QCoro::Task<Result<void>> openFile(QString fileName);
    /// The Open dialog's filters: every kind the Inspector reads first, then one per kind.
    static QString openFileFilters();
    QCoro::Task<Result<quint64>> replayTo(quint64 sequence);
    std::optional<quint64> endOfStep(quint64 sequence) const { return m_session->endOfStep(sequence); }

    // a counterexample being played forward
    qsizetype recordedStepsLeft() const { return m_session->recordedStepsLeft(); }
    qsizetype recordedStepCount() const { return m_session->recordedStepCount(); }
    QString recordedProperty() const { return m_session->recordedProperty(); }
    /// Loads another run's log, aligns the runs by message identity (mas::compareRuns()) and
    /// selects this run's first divergent choice; returns its index, the store's size when this
    /// run stops choosing first, or -1 when the runs make the same choices
    /// (causalActions()->lastComparison() says it in words).
    Result<qsizetype> compareWith(const QString &logFile);
    bool exportDiagram(const QString &fileName);
    bool exportGraph(const QString &fileName);
    /// The message table as shown (filtered), as CSV.
    bool exportTableCsv(const QString &fileName);

    // preferences
    /// The language chosen in View → Language (QSettings "language": a code from
    /// mas::i18n::languages(), or empty for the system's). main() installs its translators.
    static QString languageSetting();
    /// Chooses the language of the next start (empty: the system's) and says so in the status
    /// line; the running window keeps its texts.
    void setLanguageSetting(const QString &code);

    // the teaching view
    /// View → Show Plumbing (not saved when set here; the menu saves the user's choice).
    void setShowPlumbing(bool show);
    bool showPlumbing() const;
    PlumbingActions *plumbingActions() const { return m_plumbing; }
    /// View → Causal Slice, Fold Repeated Rounds; the comparison with another run.
    CausalActions *causalActions() const { return m_causal; }
    /// The look-ahead while stepping (tool bar, marks in the pending list).
    LookAheadActions *lookAheadActions() const { return m_lookAhead; }

    // parts (for tests)
    /// Every event of the session (what is saved and replayed).
    EventStore *store() const { return m_session->store(); }
    /// The events the views show (the teaching view folds plumbing away).
    EventStore *viewStore() const { return m_session->viewStore(); }
    SearchBar *searchBar() const { return m_searchBar; }
    SequenceDiagramView *sequenceView() const { return m_sequence; }
    AgentGraphView *graphView() const { return m_graph; }
    QTableView *messageTable() const { return m_table; }
    QTableView *pendingTable() const { return m_pendingTable; }
    /// The System dock's tree: containers and agents, a system's programs.
    QTreeView *systemTree() const { return m_agentTree; }
    ClockPanel *clockPanel() const { return m_clockPanel; }
    ProcessesPanel *processesPanel() const { return m_processesPanel; }
    ViolationPanel *violationPanel() const { return m_violationPanel; }
    /// The breakpoints on state (a tab beside the clock).
    StateBreakpointsPanel *stateBreakpointsPanel() const { return m_stateBreakpointsPanel; }
    QDockWidget *violationDock() const { return m_violationDock; }
    QLineEdit *searchField() const { return m_search; }
    QAction *stepAction() const { return m_stepAction; }
    QAction *runAction() const { return m_runAction; }
    QAction *pauseAction() const { return m_pauseAction; }
    /// Run → Step Back to Selected (Ctrl+B): to the event selected in the message table.
    QAction *stepBackAction() const { return m_replayToAction; }
    /// The pending list's actions on the selected message.
    QAction *deliverAction() const { return m_deliverAction; }
    QAction *dropAction() const { return m_dropAction; }
    QAction *duplicateAction() const { return m_duplicateAction; }
    QAction *delayAction() const { return m_delayAction; }
    /// The whole-window zoom and presentation mode (View menu).
    PresentationMode *presentation() const { return m_presentation; }
    QAction *presentationAction() const { return m_presentationAction; }
    /// What the current system is about (a dock shown when a system is opened).
    SystemDescriptionPanel *descriptionPanel() const { return m_description; }
    QDockWidget *descriptionDock() const { return m_descriptionDock; }

Q_SIGNALS:
    void runningChanged(bool running);
    void systemChanged();

protected:
    /// Stops a run; an exploration is cancelled first and the window closes when it has
    /// stopped (at its next step).
    void closeEvent(QCloseEvent *event) override;

private:
    void connectSession();
    void buildActions();
    void buildMenus();
    void buildDocks();
    void updateStatus();
    void updateActions();
    /// The agent graph animates messages in flight only while they really move.
    void updateAnimation();
    void showSelectedMessage(quint64 id);
    quint64 selectedPendingId() const;
    /// Makes the event `sequence` (or the last shown one before it) the message table's current row.
    void selectEventRow(quint64 sequence);
    void applyTheme(const QString &theme);
    void addRecentFile(const QString &fileName);
    void updateRecentMenu();
    void newSystemFromToolbar();
    /// The views and panels let go of the system and the sources (before the session clears).
    void releaseSystem();
    /// Shows a system the session has just built.
    void showSystem();
    void showAttachDialog();
    void showTapDialog();
    void updateKnownMethods();
    void showAgentMenu(const QPoint &position);
    void showExploreDialog();
    void showExplorationProgress(int maxSchedules);
    void endExplorationProgress();
    void selectPending(quint64 messageId);
    // zoom, presentation mode, the description panel (inspectorwindow_present.cpp)
    void buildDescription();
    void addPresentationActions(QMenu *view);
    void buildPresentation();
    void showDescription();
    // co-simulation (inspectorwindow_mosaik.cpp)
    void buildCoSimulation();
    void startMosaikView();
    void showMosaikEntities();
    void showMosaikDialog();
    void reportError(const mas::Error &error);
    mas::system::Parameters toolbarParameters() const;

    InspectorSession *m_session = nullptr;
    QPointer<QProgressDialog> m_exploreProgress; // while an exploration runs
    bool m_closeWhenStopped = false;             // a close waits for the exploration to stop

    CallPanel *m_callPanel = nullptr;
    CoSimulationPanel *m_cosimPanel = nullptr;
    QDockWidget *m_cosimDock = nullptr;
    QAction *m_mosaikAction = nullptr;

    // views and models
    SequenceDiagramView *m_sequence = nullptr;
    AgentGraphView *m_graph = nullptr;
    EventTableModel *m_tableModel = nullptr;
    EventFilterModel *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    SearchBar *m_searchBar = nullptr;
    PlumbingActions *m_plumbing = nullptr;
    CausalActions *m_causal = nullptr;
    LookAheadActions *m_lookAhead = nullptr;
    PendingMessagesModel *m_pending = nullptr;
    QTableView *m_pendingTable = nullptr;
    AgentTreeModel *m_agents = nullptr;
    QTreeView *m_agentTree = nullptr;
    MessageDetailsWidget *m_details = nullptr;
    ClockPanel *m_clockPanel = nullptr;
    ProcessesPanel *m_processesPanel = nullptr;
    QDockWidget *m_processesDock = nullptr;
    ViolationPanel *m_violationPanel = nullptr;
    StateBreakpointsPanel *m_stateBreakpointsPanel = nullptr;
    QDockWidget *m_violationDock = nullptr;
    SystemDescriptionPanel *m_description = nullptr;
    QDockWidget *m_descriptionDock = nullptr;
    PresentationMode *m_presentation = nullptr;
    QAction *m_presentationAction = nullptr;

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
    QAction *m_openPythonAction = nullptr;
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
};

} // namespace mas::ui
