// SPDX-License-Identifier: MIT
#include "inspectorwindow.h"

#include "models/agenttreemodel.h"
#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "models/pendingmodel.h"
#include "models/plumbingfilter.h"
#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"
#include "widgets/attachdialog.h"
#include "widgets/callpanel.h"
#include "widgets/clockpanel.h"
#include "widgets/violationpanel.h"
#include "widgets/statebreakpointspanel.h"
#include "widgets/columnfitter.h"
#include "widgets/cosimulationpanel.h"
#include "widgets/exploredialog.h"
#include "widgets/whypanel.h"
#include "widgets/messagedetailswidget.h"
#include "widgets/presentationmode.h"
#include "widgets/processespanel.h"
#include "widgets/causalactions.h"
#include "widgets/loadprogress.h"
#include "widgets/replayprogress.h"
#include "widgets/lookaheadactions.h"
#include "widgets/systemdescriptionpanel.h"
#include "widgets/plumbingactions.h"
#include "widgets/searchbar.h"
#include "widgets/tapdialog.h"

#include <mas/agent/agent.h>
#include <mas/agent/agenturl.h>
#include <mas/agent/container.h>
#include <mas/system/systemagent.h>
#include <mas/trace/messagelabel.h>
#include <mas/i18n/language.h>
#include <mas/clock/clock.h>
#include <mas/observe/taprelay.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QProgressDialog>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <utility>

namespace mas::ui {

namespace {

constexpr int kMaxRecent = 8;

} // namespace

InspectorWindow::InspectorWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("MAS Inspector"));
    setObjectName(QStringLiteral("InspectorWindow"));
    m_session = new InspectorSession(this);
    EventStore *events = m_session->store();
    // What the views show: the teaching view folds the plumbing away (View → Show Plumbing).
    m_plumbing = new PlumbingActions(m_session->plumbingFilter(), this);
    EventStore *shown = m_session->viewStore();

    // The message flow: the sequence diagram above the agent graph, the table beside them.
    m_sequence = new SequenceDiagramView(shown, this);
    m_graph = new AgentGraphView(shown, this);
    m_tableModel = new EventTableModel(shown, this);
    m_filter = new EventFilterModel(this);
    m_filter->setSourceModel(m_tableModel);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("messageTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    // Columns as wide as what they show (in every language, on every row scrolled to); the
    // content, last, takes the rest and is elided, whole in its tooltip. One line a row.
    new ColumnFitter(m_table, true);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Message table"));
    m_searchBar = new SearchBar(m_filter, m_table, this);
    m_search = m_searchBar->lineEdit();

    auto *tablePane = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_searchBar);
    tableLayout->addWidget(m_table);

    auto *flow = new QSplitter(Qt::Vertical, this);
    flow->addWidget(m_sequence);
    flow->addWidget(m_graph);
    flow->setStretchFactor(0, 3);
    flow->setStretchFactor(1, 1);
    // The message table with the selected message's details under it.
    m_details = new MessageDetailsWidget(this);
    m_details->setNameLookup([this](const QString &address) { return m_session->displayNames().value(address); });
    auto *messages = new QSplitter(Qt::Vertical, this);
    messages->addWidget(tablePane);
    messages->addWidget(m_details);
    messages->setStretchFactor(0, 3);
    messages->setStretchFactor(1, 2);
    auto *central = new QSplitter(Qt::Horizontal, this);
    central->setObjectName(QStringLiteral("centralSplitter"));
    central->addWidget(flow);
    central->addWidget(messages);
    central->setStretchFactor(0, 3);
    central->setStretchFactor(1, 2);
    setCentralWidget(central);

    // Selecting a message anywhere selects it everywhere.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    store()->setSelectedMessage(current.data(EventTableModel::MessageIdRole).toULongLong());
            });
    connect(events, &EventStore::selectedMessageChanged, this, &InspectorWindow::showSelectedMessage);
    // Causal slices, folded rounds and comparisons with another run (causalactions.cpp).
    m_causal = new CausalActions(m_session, m_table, m_filter, m_tableModel, m_sequence, this);
    connect(m_causal, &CausalActions::message, this, [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); });
    connect(events, &EventStore::eventsAppended, this, &InspectorWindow::updateStatus);
    connect(events, &EventStore::reset, this, &InspectorWindow::updateStatus);

    buildDocks();
    buildDescription();
    buildActions();
    buildCoSimulation();
    buildMenus();
    connectSession();
    // The look-ahead while stepping: marks on the pending messages (lookaheadactions.cpp).
    m_lookAhead = new LookAheadActions(m_session, m_pendingTable, m_pending, this);
    m_lookAhead->installToolBar(this);
    m_lookAhead->setContextActions({m_deliverAction, m_dropAction, m_duplicateAction, m_delayAction});
    connect(m_lookAhead, &LookAheadActions::message, this, [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); });

    m_timeLabel = new QLabel(this);
    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    m_eventsLabel = new QLabel(this);
    m_outcomeLabel = new QLabel(this);
    m_outcomeLabel->setObjectName(QStringLiteral("outcomeLabel")); // the outcome, and a counterexample's step
    statusBar()->addWidget(m_outcomeLabel, 1);
    // A message hides the outcome while it shows, also one shown before the window is (the
    // status bar's own hiding is undone when the window shows: both texts were drawn on top of
    // each other).
    connect(statusBar(), &QStatusBar::messageChanged, m_outcomeLabel,
            [this](const QString &text) { m_outcomeLabel->setVisible(text.isEmpty()); });
    statusBar()->addPermanentWidget(m_eventsLabel);
    statusBar()->addPermanentWidget(m_pendingLabel);
    statusBar()->addPermanentWidget(m_timeLabel);
    new LoadProgress(m_session, statusBar(), this); // opening a file: its progress and Cancel
    connect(m_pending, &PendingMessagesModel::refreshed, this, &InspectorWindow::updateStatus);

    QSettings settings;
    // The bounded-memory mode for long free-running runs (mas-inspector --keep-events overrides it).
    m_session->setKeepEvents(settings.value(QStringLiteral("events/keep"), 0).toLongLong());
    applyTheme(settings.value(QStringLiteral("theme"), QStringLiteral("system")).toString());
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // 1400×860 where it fits; on a smaller screen (a 1280×720 projector) the whole screen.
        const QSize wanted(1400, 860);
        const QRect available = screen() ? screen()->availableGeometry() : QRect(QPoint(), wanted);
        if (available.width() >= wanted.width() + 40 && available.height() >= wanted.height() + 60) {
            resize(wanted);
        } else {
            resize(wanted.boundedTo(available.size() - QSize(0, 40)));
            setWindowState(windowState() | Qt::WindowMaximized);
        }
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    buildPresentation();
    updateRecentMenu();
    updateActions();
    updateStatus();
}

InspectorWindow::~InspectorWindow()
{
    // Nothing of the window hears of the session's end; what watches the system lets go of it
    // before the session tears it down (an exploration is cancelled, a run stops).
    disconnect(m_session, nullptr, this, nullptr);
    m_table->selectionModel()->disconnect(this);
    m_pendingTable->selectionModel()->disconnect(this);
    m_callPanel->closeConnections();
    m_callPanel->setMonitor(nullptr);
    m_cosimPanel->setSession(nullptr);
    releaseSystem();
    delete m_session;
}

void InspectorWindow::connectSession()
{
    InspectorSession *session = m_session;
    connect(session, &InspectorSession::aboutToClear, this, &InspectorWindow::releaseSystem);
    connect(session, &InspectorSession::systemChanged, this, &InspectorWindow::showSystem);
    connect(session, &InspectorSession::statusChanged, this, [this] {
        updateAnimation();
        updateActions();
        updateStatus();
    });
    connect(session, &InspectorSession::runningChanged, this, [this](bool running) {
        updateActions();
        Q_EMIT runningChanged(running);
    });
    connect(session, &InspectorSession::busyChanged, this, &InspectorWindow::updateActions);
    connect(session, &InspectorSession::message, this,
            [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(session, &InspectorSession::titleChanged, this, &QWidget::setWindowTitle);
    connect(session, &InspectorSession::callTargetChanged, m_callPanel, &CallPanel::setTarget);
    connect(session, &InspectorSession::callCodecChanged, m_callPanel, &CallPanel::setCodec);
    connect(session, &InspectorSession::callTlsChanged, m_callPanel, &CallPanel::setTls);
    connect(session, &InspectorSession::breakpointHit, this, &InspectorWindow::selectPending);
    new ReplayProgress(session, statusBar(), this); // a replay: its progress and Cancel
    connect(session, &InspectorSession::explorationStarted, this, &InspectorWindow::showExplorationProgress);
    connect(session, &InspectorSession::explorationProgress, this,
            [this](const mas::system::ExplorerStatistics &st) {
                if (!m_exploreProgress)
                    return;
                m_exploreProgress->setValue(int(qMin<qint64>(st.schedules, m_exploreProgress->maximum())));
                m_exploreProgress->setLabelText(tr("Schedules: %1 · states: %2 (%3 distinct) · deepest run: %4 steps")
                                                    .arg(st.schedules)
                                                    .arg(st.states)
                                                    .arg(st.distinctStates)
                                                    .arg(st.deepest));
            });
    connect(session, &InspectorSession::explorationFinished, this, [this] {
        endExplorationProgress();
        updateActions();
        if (m_closeWhenStopped) // a close waited for the explorer to stop
            QTimer::singleShot(0, this, &QWidget::close);
    });
    connect(session, &InspectorSession::attached, this, [this] {
        QList<AgentTreeModel::RemoteAgent> agents;
        for (const AttachSession::AgentInfo &a : attachSession()->agents())
            agents.append({a.aid, a.type, a.url});
        m_agents->addRemoteContainer(attachSession()->containerName(), agents);
        m_agentTree->expandAll();
        // The container's clock is no simulated one: its times count from the attach.
        m_tableModel->setTimeHeader(tr("Time (s)"), tr("Seconds since the Inspector attached to the container"));
    });
    connect(session, &InspectorSession::mosaikStarted, this, &InspectorWindow::startMosaikView);
    connect(session->mosaikSession(), &MosaikSession::entitiesChanged, this, &InspectorWindow::showMosaikEntities);
    // Messages of a stepped system wait where they are: they move along the graph's lines only
    // while a run delivers them (or when the traffic is real, on sockets or attached).
    connect(this, &InspectorWindow::runningChanged, this, &InspectorWindow::updateAnimation);
    connect(this, &InspectorWindow::systemChanged, this, &InspectorWindow::updateAnimation);
}

void InspectorWindow::buildDocks()
{
    m_agents = new AgentTreeModel(this);
    // Demo agents describe their protocol state; other agents have none to show.
    m_agents->setStateProvider([](const Agent *agent) {
        const auto *demo = qobject_cast<const mas::system::SystemAgent *>(agent);
        return demo ? demo->stateText() : QString();
    });
    m_agents->setNameProvider([this](const QString &address) { return m_session->displayNames().value(address); });
    m_agentTree = new QTreeView(this);
    m_agentTree->setModel(m_agents);
    // Narrow dock: names, types and states; an agent's address is in its tooltip and in the
    // container's row.
    m_agentTree->setColumnHidden(AgentTreeModel::DetailsColumn, true);
    // Every column as wide as its content, the state too (scrolled sideways in a narrow dock
    // rather than cut). Changed texts are measured at once, then at most every 200 ms while they keep changing: measuring shapes
    // the text of every row, and a system running free changes a state with nearly every
    // event (with 60 containers, measuring after each change, as the header's own
    // ResizeToContents mode does, was most of the window's work).
    m_agentTree->header()->setStretchLastSection(false);
    const auto fitAgentTree = [this] { m_agentTree->header()->resizeSections(QHeaderView::ResizeToContents); };
    auto *fitAgentColumns = new QTimer(m_agentTree);
    fitAgentColumns->setSingleShot(true);
    fitAgentColumns->setInterval(200);
    auto fitAgain = std::make_shared<bool>(false);
    connect(fitAgentColumns, &QTimer::timeout, m_agentTree, [fitAgentTree, fitAgentColumns, fitAgain] {
        if (!std::exchange(*fitAgain, false))
            return;
        fitAgentTree();
        fitAgentColumns->start();
    });
    connect(m_agents, &QAbstractItemModel::dataChanged, m_agentTree, [fitAgentTree, fitAgentColumns, fitAgain] {
        if (fitAgentColumns->isActive()) {
            *fitAgain = true;
            return;
        }
        fitAgentTree();
        fitAgentColumns->start();
    });
    // Rows that come or go are measured from the event loop: they come while a system is
    // built (its agents not yet whole) and go while it is taken down, also as the window
    // closes, when the state texts cannot be asked for.
    const auto fitLater = [fitAgentColumns, fitAgain] {
        *fitAgain = true;
        if (!fitAgentColumns->isActive())
            fitAgentColumns->start();
    };
    connect(m_agents, &QAbstractItemModel::rowsInserted, fitAgentColumns, fitLater);
    connect(m_agents, &QAbstractItemModel::rowsRemoved, fitAgentColumns, fitLater);
    connect(m_agents, &QAbstractItemModel::modelReset, fitAgentColumns, fitLater);
    connect(m_agentTree, &QTreeView::expanded, fitAgentColumns, fitLater);
    connect(m_agentTree, &QTreeView::collapsed, fitAgentColumns, fitLater);
    m_agentTree->setAccessibleName(tr("Containers and agents"));
    m_agentTree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_agentTree->setToolTip(tr("The containers and their agents; right-click an agent to call or remove it"));
    connect(m_agentTree, &QWidget::customContextMenuRequested, this, &InspectorWindow::showAgentMenu);
    auto *agentsDock = new QDockWidget(tr("System"), this);
    agentsDock->setObjectName(QStringLiteral("systemDock"));
    agentsDock->setWidget(m_agentTree);
    addDockWidget(Qt::LeftDockWidgetArea, agentsDock);

    m_pending = new PendingMessagesModel(this);
    m_pending->setPlumbingFilter(m_session->plumbingFilter());
    m_pendingTable = new QTableView(this);
    m_pendingTable->setObjectName(QStringLiteral("pendingTable"));
    m_pendingTable->setModel(m_pending);
    m_pendingTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pendingTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pendingTable->verticalHeader()->setVisible(false);
    // One line a row, every column as wide as its content (addresses shown short, whole in
    // their tooltips).
    m_pendingTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    new ColumnFitter(m_pendingTable, false);
    m_pendingTable->setAccessibleName(tr("Pending messages"));
    m_pendingTable->setToolTip(tr("Messages sent but not yet delivered. Pick one and deliver it "
                                  "to try another interleaving, or drop, duplicate or delay it."));
    connect(m_pendingTable, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        reportError(deliverMessage(index.data(PendingMessagesModel::MessageIdRole).toULongLong()).error());
    });
    connect(m_pendingTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const quint64 id = selectedPendingId();
        if (!id)
            return;
        if (std::optional<PendingMessage> m = LocalNetwork::instance()->pendingMessage(id))
            m_details->showPending(*m);
        updateActions();
    });
    auto *pendingDock = new QDockWidget(tr("Pending messages"), this);
    pendingDock->setObjectName(QStringLiteral("pendingDock"));
    pendingDock->setWidget(m_pendingTable);
    addDockWidget(Qt::LeftDockWidgetArea, pendingDock);

    m_clockPanel = new ClockPanel(this);
    auto *clockDock = new QDockWidget(tr("Clock"), this);
    clockDock->setObjectName(QStringLiteral("clockDock"));
    clockDock->setWidget(m_clockPanel);
    addDockWidget(Qt::LeftDockWidgetArea, clockDock);

    m_callPanel = new CallPanel(this);
    m_callPanel->setMonitor(m_session->callMonitor());
    auto *callDock = new QDockWidget(tr("Call"), this);
    callDock->setObjectName(QStringLiteral("callDock"));
    callDock->setWidget(m_callPanel);
    callDock->setToolTip(tr("Call any exposed method of an agent or service, like mas call"));
    addDockWidget(Qt::LeftDockWidgetArea, callDock);
    tabifyDockWidget(clockDock, callDock);
    // An open counterexample: the step that breaks its invariant, the states before and after.
    m_violationPanel = new ViolationPanel(this);
    m_violationPanel->setSession(m_session);
    m_violationDock = new QDockWidget(tr("Violation"), this);
    m_violationDock->setObjectName(QStringLiteral("violationDock"));
    m_violationDock->setWidget(m_violationPanel);
    m_violationDock->setToolTip(tr("The step that breaks an invariant (stepped, run, replayed or opened), and the "
                                   "states of its agents before and after it"));
    addDockWidget(Qt::LeftDockWidgetArea, m_violationDock);
    tabifyDockWidget(callDock, m_violationDock);
    m_violationDock->hide();
    // Python programs (a ProcessSystem): a tab beside the clock, shown while a system has
    // processes (a dock of its own at the bottom made the window taller than 720 pixels).
    m_processesPanel = new ProcessesPanel(this);
    m_processesDock = new QDockWidget(tr("Processes"), this);
    m_processesDock->setObjectName(QStringLiteral("processesDock"));
    m_processesDock->setWidget(m_processesPanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_processesDock);
    tabifyDockWidget(m_violationDock, m_processesDock);
    m_processesDock->hide();
    m_stateBreakpointsPanel = new StateBreakpointsPanel(this); // breakpoints on state, beside the Call tab
    m_stateBreakpointsPanel->setSession(m_session);
    auto *stateDock = new QDockWidget(tr("State breakpoints"), this);
    stateDock->setObjectName(QStringLiteral("stateBreakpointsDock"));
    stateDock->setWidget(m_stateBreakpointsPanel);
    addDockWidget(Qt::LeftDockWidgetArea, stateDock);
    tabifyDockWidget(callDock, stateDock);
    // Which steps of the open counterexample matter (whypanel.cpp).
    WhyPanel::install(this, m_session, m_violationDock);
    connect(m_violationPanel, &ViolationPanel::availabilityChanged, this, [this](bool available) {
        m_violationDock->setVisible(available);
        if (available)
            QTimer::singleShot(0, m_violationDock, &QWidget::raise); // once its tab exists
    });
    // The violating step played: its states come to the front.
    connect(m_session, &InspectorSession::violationChanged, this, [this, reached = false]() mutable {
        if (m_session->violationReached() && !reached)
            m_violationDock->raise();
        reached = m_session->violationReached();
    });
    clockDock->raise();
    // The pending list marks the counterexample's violating message while it waits.
    connect(store(), &EventStore::violationChanged, this,
            [this] { m_pending->setViolation(store()->violationMessage(), store()->violationProperty()); });
    connect(store(), &EventStore::participantsChanged, this, &InspectorWindow::updateKnownMethods);
}

void InspectorWindow::buildActions()
{
    const auto make = [this](const QString &text, const QString &tip, QKeySequence key = {},
                             QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto *a = new QAction(text, this);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        if (!key.isEmpty())
            a->setShortcut(key);
        if (icon != QStyle::SP_CustomBase)
            a->setIcon(style()->standardIcon(icon));
        return a;
    };
    m_newAction = make(tr("&New System"), tr("Build a fresh demo system with the parameters in the tool bar"),
                       QKeySequence::New, QStyle::SP_FileIcon);
    connect(m_newAction, &QAction::triggered, this, &InspectorWindow::newSystemFromToolbar);
    m_openAction = make(tr("&Open…"),
                        tr("Open a saved session (replayed), a counterexample of mas explore (at its start) or a "
                           "system file"),
                        QKeySequence::Open,
                        QStyle::SP_DialogOpenButton);
    connect(m_openAction, &QAction::triggered, this, [this] {
        // Sessions, the counterexamples `mas explore --out` writes (JSON Lines) and system files.
        const QString file = QFileDialog::getOpenFileName(this, tr("Open"), QString(), openFileFilters());
        if (!file.isEmpty())
            QCoro::connect(openFile(file), this, [this](const Result<void> &r) { reportError(r.error()); });
    });
    m_openSystemAction = make(tr("Open S&ystem…"),
                              tr("Open a system file (JSON: containers, agents of your plug-ins, invariants) and step it"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openSystemAction, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open System"), QString(),
                                                          tr("System files (*.json);;All files (*)"));
        if (!file.isEmpty())
            reportError(openSystem(file).error());
    });
    m_openPythonAction = make(tr("Open &Python Program…"),
                              tr("Run a Python asyncio program (aiomas too) under the masstep runner and step its messages"));
    m_openPythonAction->setObjectName(QStringLiteral("openPythonAction"));
    connect(m_openPythonAction, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open Python Program"), QString(),
                                                          tr("Python programs (*.py);;All files (*)"));
        if (file.isEmpty())
            return;
        bool ok = false;
        const QString arguments = QInputDialog::getText(this, tr("Open Python Program"),
                                                        tr("Arguments of %1:").arg(QFileInfo(file).fileName()),
                                                        QLineEdit::Normal, QString(), &ok);
        if (ok)
            reportError(openPython(file, QProcess::splitCommand(arguments)).error());
    });
    m_reloadAction = make(tr("Re&load Plug-ins"),
                          tr("After a rebuild: load the system file's plug-ins again and replay the recorded delivery "
                             "order against the new code, showing the first event where the run differs"),
                          QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_reloadAction, &QAction::triggered, this, [this] {
        QCoro::connect(reloadPlugins(), this,
                       [this](const Result<std::optional<qsizetype>> &r) { reportError(r.error()); });
    });
    m_saveAction = make(tr("&Save Session…"), tr("Save the system's set-up and its event log"), QKeySequence::Save,
                        QStyle::SP_DialogSaveButton);
    connect(m_saveAction, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save Session"), QString(),
                                                          tr("MAS sessions (*.massession)"));
        if (!file.isEmpty())
            reportError(saveSession(sessionFileName(file)).error());
    });

    // In the teaching view the oldest pending message shown, after the hidden plumbing before it
    // (InspectorSession::step()).
    m_stepAction = make(tr("&Step"), tr("Deliver the oldest pending message (F10)"), Qt::Key_F10,
                        QStyle::SP_MediaSeekForward);
    connect(m_stepAction, &QAction::triggered, this,
            [this] { QCoro::connect(step(), this, [this](const Result<void> &r) { reportError(r.error()); }); });
    m_runAction = make(tr("&Run"), tr("Deliver messages until a breakpoint hits or the system is idle; "
                                      "moves the clock to the next timer when nothing is pending (F5)"),
                       Qt::Key_F5, QStyle::SP_MediaPlay);
    connect(m_runAction, &QAction::triggered, this, [this] { QCoro::connect(run(), this, [] {}); });
    m_pauseAction = make(tr("&Pause"), tr("Stop running at the next message (Shift+F5)"),
                         QKeySequence(Qt::SHIFT | Qt::Key_F5), QStyle::SP_MediaPause);
    connect(m_pauseAction, &QAction::triggered, this, &InspectorWindow::pause);
    m_idleAction = make(tr("Run Until &Idle"), tr("Deliver messages until none is pending, without moving the clock"),
                        QKeySequence(Qt::CTRL | Qt::Key_F5), QStyle::SP_MediaSkipForward);
    connect(m_idleAction, &QAction::triggered, this, [this] { QCoro::connect(runUntilIdle(), this, [] {}); });
    m_deliverAction = make(tr("&Deliver Selected"), tr("Deliver the message selected in the pending list now, ahead of older ones"),
                           QKeySequence(Qt::Key_F11));
    connect(m_deliverAction, &QAction::triggered, this, [this] { reportError(deliverMessage(selectedPendingId()).error()); });
    m_dropAction = make(tr("D&rop"), tr("Discard the selected pending message (a lost message)"), QKeySequence(Qt::Key_Delete));
    connect(m_dropAction, &QAction::triggered, this, [this] {
        reportError(m_session->dropMessage(selectedPendingId()).error());
    });
    m_duplicateAction = make(tr("D&uplicate"), tr("Deliver the selected pending message twice"));
    connect(m_duplicateAction, &QAction::triggered, this, [this] {
        reportError(m_session->duplicateMessage(selectedPendingId()).error());
    });
    m_delayAction = make(tr("De&lay"), tr("Move the selected pending message behind all others"));
    connect(m_delayAction, &QAction::triggered, this, [this] {
        reportError(m_session->delayMessage(selectedPendingId()).error());
    });
    m_replayToAction = make(tr("Step &Back to Selected"), tr("Rebuild the system and replay the log up to the selected message"),
                            QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(m_replayToAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (!current.isValid()) {
            // Ctrl+B with a waiting message (or nothing) selected: say what it needs.
            statusBar()->showMessage(tr("Select the event to step back to in the message table (or click it in the "
                                        "sequence diagram), then press Ctrl+B"),
                                     8000);
            return;
        }
        const qsizetype row = m_filter->mapToSource(current).row();
        const quint64 target = viewStore()->at(row).sequence;
        QCoro::connect(replayTo(target), this, [this, target](const Result<quint64> &r) {
            if (!r) {
                reportError(r.error());
                return;
            }
            selectEventRow(target); // the event stepped back to stays the selected one
        });
    });

    m_exploreAction = make(tr("&Explore Interleavings…"),
                           tr("Search the demo's delivery orders (and faults) for a run that breaks one of its "
                              "properties, then open the shortest such run found"),
                           QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exploreAction, &QAction::triggered, this, &InspectorWindow::showExploreDialog);
    m_attachAction = make(tr("&Attach to Container…"),
                           tr("Connect to a running container (libmas or Python aiomas) and watch its traffic"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), QStyle::SP_DriveNetIcon);
    connect(m_attachAction, &QAction::triggered, this, &InspectorWindow::showAttachDialog);
    m_tapAction = make(tr("&Tap a Connection…"),
                       tr("Relay between clients and an aiomas server on a port of your choice and show their frames"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(m_tapAction, &QAction::triggered, this, &InspectorWindow::showTapDialog);
    m_detachAction = make(tr("&Detach"), tr("Stop watching; the recorded messages stay"));
    connect(m_detachAction, &QAction::triggered, this, &InspectorWindow::detach);

    // The tool bar: the demo and its parameters, then the stepping controls.
    auto *systemBar = addToolBar(tr("System"));
    systemBar->setObjectName(QStringLiteral("systemToolBar"));
    m_demoBox = new QComboBox(this);
    m_demoBox->setAccessibleName(tr("Demo system"));
    for (const mas::system::SystemType &demo : mas::system::SystemRegistry::global().types())
        m_demoBox->addItem(demo.title, demo.id);
    m_demoBox->setToolTip(tr("The built-in demo system to build"));
    m_agentCount = new QSpinBox(this);
    m_agentCount->setRange(2, 500);
    m_agentCount->setValue(5);
    m_agentCount->setPrefix(tr("agents: "));
    m_agentCount->setToolTip(tr("How many agents the demo has"));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 999999);
    m_seed->setValue(1);
    m_seed->setPrefix(tr("seed: "));
    m_seed->setToolTip(tr("Seeds everything random in the demo (ids, graphs, bids, votes)"));
    m_faulty = new QCheckBox(tr("faulty"), this);
    m_faulty->setToolTip(tr("Build the variant with a known fault (a teaching bug or a crash)"));
    systemBar->addWidget(m_demoBox);
    systemBar->addWidget(m_agentCount);
    systemBar->addWidget(m_seed);
    systemBar->addWidget(m_faulty);
    m_transportBox = new QComboBox(this);
    m_transportBox->setAccessibleName(tr("Transport"));
    m_transportBox->addItem(tr("LocalQueue (steppable)"), QStringLiteral("local"));
    m_transportBox->addItem(tr("TCP on 127.0.0.1"), QStringLiteral("tcp"));
    m_transportBox->addItem(tr("Unix sockets"), QStringLiteral("unix"));
    // A system file says itself how its system is built: the demos' parameters do not apply.
    connect(m_demoBox, &QComboBox::currentIndexChanged, this, [this] {
        const bool fromFile = m_session->isFileSystem(m_demoBox->currentData().toString());
        for (QWidget *w : std::initializer_list<QWidget *>{m_agentCount, m_seed, m_faulty, m_transportBox})
            w->setEnabled(!fromFile);
    });
    m_transportBox->setToolTip(tr("How the containers talk: the in-process LocalQueue can be stepped message by "
                                  "message; TCP and Unix sockets run free over real sockets and are watched"));
    systemBar->addWidget(m_transportBox);
    systemBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    systemBar->addAction(m_newAction);

    addToolBarBreak();
    auto *stepBar = addToolBar(tr("Stepping"));
    stepBar->setObjectName(QStringLiteral("steppingToolBar"));
    stepBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    stepBar->addAction(m_stepAction);
    stepBar->addAction(m_runAction);
    stepBar->addAction(m_pauseAction);
    stepBar->addAction(m_idleAction);
    m_speedBox = new QComboBox(this);
    m_speedBox->setAccessibleName(tr("Run speed"));
    m_speedBox->addItem(tr("Full speed"), 0.0);
    for (double rate : {100.0, 20.0, 5.0, 1.0, 0.5})
        m_speedBox->addItem(tr("%1 msg/s").arg(rate), rate);
    m_speedBox->setToolTip(tr("How fast Run delivers messages, so that you can watch them go"));
    connect(m_speedBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_session->setRunSpeed(m_speedBox->itemData(index).toDouble()); });
    stepBar->addWidget(m_speedBox);
    stepBar->addSeparator();
    stepBar->addAction(m_deliverAction);
    stepBar->addAction(m_dropAction);
    stepBar->addAction(m_duplicateAction);
    stepBar->addAction(m_delayAction);
    stepBar->addSeparator();
    m_breakpointField = new QLineEdit(this);
    m_breakpointField->setPlaceholderText(tr("Break on method, argument, sender or receiver…"));
    m_breakpointField->setClearButtonEnabled(true);
    m_breakpointField->setMinimumWidth(220);
    m_breakpointField->setToolTip(tr("Run stops before delivering a shown message whose label (method and "
                                     "arguments), sender or receiver contains this text"));
    connect(m_breakpointField, &QLineEdit::textChanged, this, [this](const QString &t) { m_session->setBreakpoint(t); });
    stepBar->addWidget(m_breakpointField);
}

void InspectorWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    file->addAction(m_openSystemAction);
    file->addAction(m_openPythonAction);
    file->addAction(m_reloadAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(m_saveAction);
    file->addSeparator();
    QAction *compare = file->addAction(tr("&Compare With Log…"));
    compare->setToolTip(tr("Load another run's event log and jump to the first event where the runs part"));
    connect(compare, &QAction::triggered, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Compare With Log"), QString(),
                                                       tr("Event logs (*.jsonl *.massession);;All files (*)"));
        if (f.isEmpty())
            return;
        // Read on a thread of its own, with the progress and Cancel of opening a file.
        QCoro::connect(m_session->readLog(f), this, [this, f](const Result<TrafficLog> &log) {
            Result<qsizetype> at = log ? m_causal->compareWith(*log, f) : Result<qsizetype>(log.error());
            if (!at)
                reportError(at.error());
            else
                QMessageBox::information(this, tr("Compare With Log"), m_causal->lastComparison());
        });
    });
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    const auto exporter = [this](const QString &title, const QString &filter, auto fn) {
        return [this, title, filter, fn] {
            const QString f = QFileDialog::getSaveFileName(this, title, QString(), filter);
            if (!f.isEmpty() && !(this->*fn)(f))
                QMessageBox::warning(this, tr("Export"), tr("Could not write %1").arg(f));
        };
    };
    connect(exportMenu->addAction(tr("Sequence Diagram…")), &QAction::triggered, this,
            exporter(tr("Export Sequence Diagram"), tr("PNG image (*.png);;SVG drawing (*.svg)"), &InspectorWindow::exportDiagram));
    connect(exportMenu->addAction(tr("Agent Graph…")), &QAction::triggered, this,
            exporter(tr("Export Agent Graph"), tr("PNG image (*.png);;SVG drawing (*.svg)"), &InspectorWindow::exportGraph));
    connect(exportMenu->addAction(tr("Message Table (CSV)…")), &QAction::triggered, this,
            exporter(tr("Export Message Table"), tr("CSV (*.csv)"), &InspectorWindow::exportTableCsv));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *connectMenu = menuBar()->addMenu(tr("&Connect"));
    connectMenu->addAction(m_attachAction);
    connectMenu->addAction(m_tapAction);
    connectMenu->addAction(m_mosaikAction);
    connectMenu->addAction(m_detachAction);

    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    for (QAction *a : {m_stepAction, m_runAction, m_pauseAction, m_idleAction})
        runMenu->addAction(a);
    runMenu->addSeparator();
    for (QAction *a : {m_deliverAction, m_dropAction, m_duplicateAction, m_delayAction})
        runMenu->addAction(a);
    runMenu->addSeparator();
    runMenu->addAction(m_replayToAction);
    runMenu->addAction(m_exploreAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    addPresentationActions(view);
    view->addSeparator();
    m_plumbing->addTo(view);
    view->addSeparator();
    m_causal->addTo(view);
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("theme"), QStringLiteral("system")).toString();
    for (const auto &[id, label] : {std::pair{QStringLiteral("system"), tr("System")},
                                    std::pair{QStringLiteral("light"), tr("Light")},
                                    std::pair{QStringLiteral("dark"), tr("Dark")}}) {
        QAction *a = theme->addAction(label);
        a->setCheckable(true);
        a->setChecked(id == current);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, id = id] {
            QSettings().setValue(QStringLiteral("theme"), id);
            applyTheme(id);
        });
    }
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languageGroup = new QActionGroup(this);
    QList<mas::i18n::Language> choices = mas::i18n::languages();
    choices.prepend({QString(), tr("System Default")});
    for (const mas::i18n::Language &choice : std::as_const(choices)) {
        QAction *a = language->addAction(choice.nativeName);
        a->setCheckable(true);
        a->setChecked(choice.code == languageSetting());
        languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = choice.code] { setLanguageSetting(code); });
    }
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(help->addAction(tr("&About MAS Inspector")), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About MAS Inspector"),
                           tr("<h3>MAS Inspector %1</h3><p>Runs, steps and shows multi-agent systems built "
                              "with libmas, the C++/Qt port of aiomas.</p><p>Qt %2 (built with %3). "
                              "MIT licence.</p>")
                               .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                                    QStringLiteral(QT_VERSION_STR)));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

mas::system::Parameters InspectorWindow::toolbarParameters() const
{
    mas::system::Parameters p;
    p.agents = m_agentCount->value();
    p.seed = quint32(m_seed->value());
    p.faulty = m_faulty->isChecked();
    if (Result<mas::system::Transport> t = mas::system::parseTransport(m_transportBox->currentData().toString()))
        p.transport = *t;
    return p;
}

void InspectorWindow::newSystemFromToolbar()
{
    const QString id = m_demoBox->currentData().toString();
    // A system file says itself how its system is built; the demos take the tool bar's values.
    reportError(newSystem(id, m_session->isFileSystem(id) ? m_session->fileParameters() : toolbarParameters()).error());
}

Result<void> InspectorWindow::openSystem(const QString &fileName)
{
    return m_session->openSystem(fileName);
}

Result<void> InspectorWindow::openPython(const QString &program, const QStringList &arguments)
{
    return m_session->openPython(program, arguments);
}

Result<void> InspectorWindow::openPython(const QList<QStringList> &programs)
{
    return m_session->openPython(programs);
}

QCoro::Task<Result<std::optional<qsizetype>>> InspectorWindow::reloadPlugins()
{
    return m_session->reloadPlugins();
}

Result<void> InspectorWindow::newSystem(const QString &demoId, const mas::system::Parameters &parameters)
{
    return m_session->newSystem(demoId, parameters);
}

void InspectorWindow::showSystem()
{
    mas::system::System *system = m_session->system();
    if (!system)
        return;
    m_tableModel->setTimeHeader(QString(), QString());
    const QString demoId = m_session->demoId();
    const std::optional<mas::system::SystemType> &fileType = m_session->fileSystemType();
    if (m_session->isFileSystem(demoId) && m_demoBox->findData(demoId) < 0) {
        // The opened file joins the tool bar's systems (New System builds it again).
        m_demoBox->insertItem(0,
                              m_session->systemFile().isEmpty()
                                  ? fileType->title // Python programs
                                  : QStringLiteral("%1 (%2)").arg(fileType->title, QFileInfo(m_session->systemFile()).fileName()),
                              demoId);
        m_demoBox->setItemData(0, m_session->systemFile(), Qt::ToolTipRole);
    }
    const int index = m_demoBox->findData(demoId);
    if (index >= 0 && m_session->isFileSystem(demoId) && m_session->systemFile().isEmpty())
        m_demoBox->setItemText(index, fileType->title); // another Python program
    if (index >= 0)
        m_demoBox->setCurrentIndex(index);
    const mas::system::Parameters parameters = system->parameters();
    m_agentCount->setValue(parameters.agents);
    m_seed->setValue(int(parameters.seed));
    m_faulty->setChecked(parameters.faulty);
    m_transportBox->setCurrentIndex(qMax(0, m_transportBox->findData(mas::system::transportName(parameters.transport))));
    for (Container *c : system->containers())
        m_agents->addContainer(c);
    connect(system, &mas::system::System::stateChanged, m_agents, &AgentTreeModel::refreshStates);
    m_agentTree->expandAll();
    m_pending->setQueue(system->queue());
    m_clockPanel->setClock(system->clock());
    m_processesPanel->setSystem(m_session->processSystem());
    if (mas::system::ProcessSystem *processes = m_session->processSystem()) {
        // The programs as the System tree's nodes, with their states.
        const auto showPrograms = [this, processes] {
            QList<AgentTreeModel::ProcessRow> rows;
            const QList<mas::system::ProcessSpec> specs = processes->specs();
            for (const mas::system::ProcessStatus &status : processes->processes()) {
                QStringList ports;
                for (const QString &address : status.listening)
                    ports << mas::shortAddress(address);
                QString tooltip = specs.value(status.index).command.join(u' ');
                if (!ports.isEmpty())
                    tooltip += u'\n' + tr("Listens on %1").arg(ports.join(QStringLiteral(", ")));
                rows.append({status.name, ports.join(QStringLiteral(", ")), tooltip, status.stateText()});
            }
            m_agents->setProcesses(rows);
        };
        showPrograms();
        connect(processes, &mas::system::ProcessSystem::processChanged, m_agents, showPrograms);
    }
    const bool programs = m_session->processSystem() != nullptr;
    if (programs && m_processesDock->isHidden()) {
        m_processesDock->show();
        m_processesDock->raise(); // the programs' tab in front when they open
    } else {
        m_processesDock->setVisible(programs);
    }
    const QString described = m_description->systemId();
    showDescription();
    // Programs opened: their tab in front, over the description just raised (not again when
    // the same system is rebuilt or replayed).
    if (programs && m_description->systemId() != described)
        QMetaObject::invokeMethod(m_processesDock, &QDockWidget::raise, Qt::QueuedConnection);
    Q_EMIT systemChanged();
}

void InspectorWindow::releaseSystem()
{
    m_clockPanel->setDrivenBy(QString());
    m_callPanel->closeConnections();
    m_pending->setQueue(nullptr);
    m_agents->clear();
    m_clockPanel->setClock(nullptr);
    m_processesPanel->setSystem(nullptr);
    m_details->clear();
}

void InspectorWindow::updateKnownMethods()
{
    QStringList paths;
    for (const TrafficEvent &e : store()->events()) {
        if (e.type != MessageType::Request || e.path.isEmpty())
            continue;
        // Offer the method as called on its agent: "agents/3/bid" -> "bid".
        const std::optional<AgentPath> agentPath = AgentPath::parse(e.path);
        const QString method = agentPath ? agentPath->method : e.path;
        if (!method.isEmpty() && !paths.contains(method))
            paths << method;
        if (paths.size() >= 200)
            break;
    }
    paths.sort();
    m_callPanel->setKnownMethods(paths);
}

QCoro::Task<Result<void>> InspectorWindow::attachTo(QString address, QString codec, std::optional<TlsOptions> tls)
{
    return m_session->attachTo(std::move(address), std::move(codec), std::move(tls));
}

Result<void> InspectorWindow::startTap(const QString &listenAddress, const QString &targetAddress, const QString &codec)
{
    return m_session->startTap(listenAddress, targetAddress, codec);
}

Result<void> InspectorWindow::removeAgent(const QString &address)
{
    return m_session->removeAgent(address);
}

void InspectorWindow::showAgentMenu(const QPoint &position)
{
    const QModelIndex index = m_agentTree->indexAt(position);
    const QString address = index.siblingAtColumn(0).data(AgentTreeModel::AddressRole).toString();
    if (!index.isValid() || !index.parent().isValid() || address.isEmpty())
        return; // agents only
    QMenu menu(this);
    QAction *call = menu.addAction(tr("&Call This Agent…"));
    call->setToolTip(tr("Put the agent's URL into the Call panel"));
    QAction *remove = menu.addAction(tr("&Remove Agent"));
    remove->setToolTip(tr("Take the agent out of its container, as if it crashed"));
    remove->setEnabled(bool(m_agents->agent(index)));
    QAction *chosen = menu.exec(m_agentTree->viewport()->mapToGlobal(position));
    if (chosen == call) {
        m_callPanel->setTarget(address);
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("callDock"))) {
            dock->show();
            dock->raise();
        }
    } else if (chosen == remove) {
        reportError(removeAgent(address).error());
    }
}

QCoro::Task<Result<mas::system::ExplorerResult>> InspectorWindow::explore(mas::system::ExplorerOptions options)
{
    // The progress dialog comes and goes with the session's explorationStarted/Finished.
    return m_session->explore(std::move(options));
}

void InspectorWindow::showExplorationProgress(int maxSchedules)
{
    endExplorationProgress();
    // On the heap, owned by the window and watched by a QPointer: nothing holds it but the window.
    m_exploreProgress = new QProgressDialog(tr("Exploring delivery orders…"), tr("Cancel"), 0, maxSchedules, this);
    m_exploreProgress->setWindowTitle(tr("Explore"));
    m_exploreProgress->setWindowModality(Qt::WindowModal);
    m_exploreProgress->setMinimumDuration(0);
    m_exploreProgress->setValue(0);
    connect(m_exploreProgress, &QProgressDialog::canceled, m_session, &InspectorSession::cancelExploration);
}

void InspectorWindow::endExplorationProgress()
{
    if (!m_exploreProgress)
        return;
    QProgressDialog *dialog = m_exploreProgress;
    m_exploreProgress = nullptr;
    dialog->disconnect(this);
    disconnect(dialog, nullptr, m_session, nullptr);
    dialog->reset();
    dialog->hide();
    dialog->deleteLater();
}

void InspectorWindow::cancelExploration()
{
    m_session->cancelExploration();
}

void InspectorWindow::showExploreDialog()
{
    if (!system())
        return;
    ExploreDialog dialog(mas::system::Explorer::propertyNames(system()), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QCoro::connect(explore(dialog.options()), this, [this](const Result<mas::system::ExplorerResult> &r) {
        reportError(r.error());
    });
}

void InspectorWindow::detach()
{
    m_session->detach();
    m_callPanel->closeConnections();
    updateActions();
    updateStatus();
}

void InspectorWindow::showAttachDialog()
{
    AttachDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QCoro::connect(attachTo(dialog.address(), dialog.codec(), dialog.tls()), this,
                   [this](const Result<void> &r) { reportError(r.error()); });
}

void InspectorWindow::showTapDialog()
{
    TapDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (Result<void> r = startTap(dialog.listenAddress(), dialog.targetAddress(), dialog.codec()); !r)
        reportError(r.error());
    else
        statusBar()->showMessage(tr("Tapping: point the clients at %1").arg(tapRelay()->address().toString()), 15000);
}

QCoro::Task<Result<void>> InspectorWindow::step()
{
    return m_session->step();
}

void InspectorWindow::setShowPlumbing(bool show)
{
    m_plumbing->setShowPlumbing(show);
}

bool InspectorWindow::showPlumbing() const
{
    return m_plumbing->showPlumbing();
}

Result<void> InspectorWindow::stepOnce()
{
    return m_session->stepOnce();
}

Result<void> InspectorWindow::deliverMessage(quint64 id)
{
    return m_session->deliverMessage(id);
}

void InspectorWindow::setBreakpoint(const QString &text)
{
    m_breakpointField->setText(text);
    m_session->setBreakpoint(text);
}

QCoro::Task<void> InspectorWindow::run()
{
    return m_session->run();
}

void InspectorWindow::selectPending(quint64 messageId)
{
    // Show the message a run stopped at.
    for (int row = 0; row < m_pending->rowCount(); ++row) {
        const QModelIndex index = m_pending->index(row, 0);
        if (index.data(PendingMessagesModel::MessageIdRole).toULongLong() == messageId)
            m_pendingTable->selectRow(row);
    }
}

void InspectorWindow::setRunSpeed(double messagesPerSecond)
{
    m_session->setRunSpeed(messagesPerSecond);
    // Show it in the tool bar when it is one of the offered speeds.
    const int index = m_speedBox->findData(m_session->runSpeed());
    if (index >= 0) {
        QSignalBlocker block(m_speedBox);
        m_speedBox->setCurrentIndex(index);
    }
}

void InspectorWindow::pause()
{
    m_session->pause();
}

QCoro::Task<void> InspectorWindow::runUntilIdle()
{
    return m_session->runUntilIdle();
}

Result<void> InspectorWindow::saveSession(const QString &fileName)
{
    MAS_TRY_VOID(m_session->saveSession(fileName));
    addRecentFile(fileName);
    return {};
}

QCoro::Task<Result<void>> InspectorWindow::openSession(QString fileName)
{
    QPointer<InspectorWindow> self(this);
    Result<void> r = co_await m_session->openSession(fileName);
    if (self && r)
        addRecentFile(fileName);
    co_return r;
}

QCoro::Task<Result<void>> InspectorWindow::openFile(QString fileName)
{
    Result<InspectorSession::FileKind> kind = InspectorSession::fileKind(fileName);
    if (!kind)
        co_return kind.error();
    if (*kind == InspectorSession::FileKind::SystemFile) {
        Result<void> opened = openSystem(fileName);
        if (opened)
            addRecentFile(fileName);
        co_return opened;
    }
    Result<void> opened = co_await openSession(fileName);
    co_return opened;
}

QString InspectorWindow::openFileFilters()
{
    return tr("All Inspector files (*.massession *.jsonl *.json)") + QStringLiteral(";;")
           + tr("Sessions (*.massession)") + QStringLiteral(";;")
           + tr("Counterexamples of mas explore (*.jsonl)") + QStringLiteral(";;")
           + tr("System files (*.json)") + QStringLiteral(";;") + tr("All files (*)");
}

QCoro::Task<Result<quint64>> InspectorWindow::replayTo(quint64 sequence)
{
    return m_session->replayTo(sequence);
}

Result<qsizetype> InspectorWindow::compareWith(const QString &logFile)
{
    return m_causal->compareWith(logFile);
}

bool InspectorWindow::exportDiagram(const QString &fileName)
{
    return fileName.endsWith(u".svg", Qt::CaseInsensitive) ? m_sequence->exportSvg(fileName) : m_sequence->exportImage(fileName);
}

bool InspectorWindow::exportGraph(const QString &fileName)
{
    return fileName.endsWith(u".svg", Qt::CaseInsensitive) ? m_graph->exportSvg(fileName) : m_graph->exportImage(fileName);
}

bool InspectorWindow::exportTableCsv(const QString &fileName)
{
    return bool(InspectorSession::exportCsv(m_filter, fileName));
}

void InspectorWindow::showSelectedMessage(quint64 id)
{
    if (!id) {
        m_details->clear();
        return;
    }
    const EventStore::MessageSpan *span = store()->span(id);
    if (!span || span->sent < 0) {
        m_details->clear(); // not the previous message's details
        return;
    }
    m_details->showEvent(store()->at(span->sent), store()->frame(id));
    // Keep the table's current row on the message (when it is shown).
    const EventStore::MessageSpan *shown = viewStore()->span(id);
    const QModelIndex current = m_table->currentIndex();
    if (shown && shown->sent >= 0 && (!current.isValid() || current.data(EventTableModel::MessageIdRole).toULongLong() != id)) {
        const QModelIndex row = m_filter->mapFromSource(m_tableModel->index(int(shown->sent), 0));
        if (row.isValid()) {
            QSignalBlocker block(m_table->selectionModel());
            m_table->setCurrentIndex(row);
            m_table->scrollTo(row);
        }
    }
}

void InspectorWindow::selectEventRow(quint64 sequence)
{
    store()->flush();
    viewStore()->flush();
    // The last shown event at or before `sequence` (the rows are in sequence order).
    const EventStore *view = viewStore();
    qsizetype lo = 0;
    qsizetype hi = view->size();
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (view->at(mid).sequence <= sequence)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return;
    const QModelIndex row = m_filter->mapFromSource(m_tableModel->index(int(lo - 1), 0));
    if (!row.isValid())
        return; // hidden by the search
    m_table->setCurrentIndex(row);
    m_table->scrollTo(row);
}

quint64 InspectorWindow::selectedPendingId() const
{
    const QModelIndex current = m_pendingTable->currentIndex();
    return current.isValid() ? current.data(PendingMessagesModel::MessageIdRole).toULongLong() : 0;
}

void InspectorWindow::updateAnimation()
{
    const bool stepped = system() && system()->queue();
    m_graph->setAnimationEnabled(isRunning() || !stepped);
}

void InspectorWindow::updateActions()
{
    const bool hasSystem = system() && system()->queue(); // steppable
    const bool hasPending = selectedPendingId() != 0;
    const bool running = isRunning();
    // a step, a replay, a single-frame action whose programs have not answered yet, or a file
    // being opened (which will replace the system)
    const bool busy = isBusy();
    const bool rebuilding = m_session->isRebuilding(); // (busy too)
    m_detachAction->setEnabled(m_session->isWatching());
    m_stepAction->setEnabled(hasSystem && !busy);
    m_stepAction->setToolTip(recordedStepsLeft() > 0 ? tr("Play the counterexample's next step (F10)")
                                                     : tr("Deliver the oldest pending message (F10)"));
    m_runAction->setEnabled(hasSystem && !busy);
    m_idleAction->setEnabled(hasSystem && !busy);
    m_pauseAction->setEnabled(running);
    for (QAction *a : {m_deliverAction, m_dropAction, m_duplicateAction, m_delayAction})
        a->setEnabled(hasSystem && hasPending && !busy);
    m_saveAction->setEnabled(bool(system()));
    m_reloadAction->setEnabled(hasSystem && !systemFile().isEmpty() && !running && !rebuilding && !isExploring());
    m_replayToAction->setEnabled(hasSystem && !running && !rebuilding);
    m_exploreAction->setEnabled(hasSystem && !running && !rebuilding && !isExploring());
    // Attached to a container or tapping a connection: nothing to step, and the demo's
    // parameters do not apply (New System stays: it leaves for a demo).
    const bool remote = attachSession()->state() != AttachSession::State::Closed || tapRelay();
    // (Shown again only if it was hidden for that: the user may have hidden it.)
    for (const QString &name : {QStringLiteral("steppingToolBar"), QStringLiteral("lookAheadToolBar")}) {
        auto *stepBar = findChild<QToolBar *>(name);
        if (!stepBar)
            continue;
        const char *hiddenForRemote = "hiddenForRemote";
        if (remote && stepBar->isVisibleTo(this)) {
            stepBar->hide();
            stepBar->setProperty(hiddenForRemote, true);
        } else if (!remote && stepBar->property(hiddenForRemote).toBool()) {
            stepBar->show();
            stepBar->setProperty(hiddenForRemote, false);
        }
    }
    const bool fromFile = m_session->isFileSystem(m_demoBox->currentData().toString());
    m_demoBox->setEnabled(!remote);
    for (QWidget *w : std::initializer_list<QWidget *>{m_agentCount, m_seed, m_faulty, m_transportBox})
        w->setEnabled(!remote && !fromFile);
}

void InspectorWindow::updateStatus()
{
    LocalNetwork *net = LocalNetwork::instance();
    mas::system::System *system = this->system();
    const ExternalClock *clock = system ? system->clock() : m_clockPanel->clock();
    m_timeLabel->setText(clock ? tr("t = %1 s").arg(clock->time()) : tr("real time"));
    m_timeLabel->setToolTip(clock ? clock->utcNow().toString(Qt::ISODate) : QString());
    // As many as the pending list shows, and how many more the teaching view hides there.
    const int hiddenPending = m_pending->queue() ? std::max(int(net->pendingCount()) - m_pending->rowCount(), 0) : 0;
    const QString pending = tr("%n pending", nullptr, int(net->pendingCount()) - hiddenPending);
    m_pendingLabel->setText(hiddenPending > 0 ? tr("%1 (%n hidden)", nullptr, hiddenPending).arg(pending) : pending);
    m_pendingLabel->setToolTip(hiddenPending > 0 ? tr("%n of them plumbing, hidden (View → Show Plumbing)", nullptr, hiddenPending)
                                                 : QString());
    m_eventsLabel->setText(tr("%n event(s)", nullptr, int(store()->size())));
    const MosaikSession *mosaik = mosaikSession();
    const TapRelay *tap = tapRelay();
    const AttachSession *attach = attachSession();
    if (mosaik->state() != MosaikSession::State::Idle) {
        m_outcomeLabel->setText(mosaik->statusText());
        return;
    }
    if (tap) {
        m_outcomeLabel->setText(tr("Tapping %1 → %2: %n connection(s)", nullptr, tap->connectionCount())
                                    .arg(tap->address().toString(), tap->target().toString()));
        return;
    }
    if (attach->state() != AttachSession::State::Closed || attach->error().isError()) {
        QString text = attach->statusText();
        if (!attach->agents().isEmpty())
            text += tr(" — %n agent(s)", nullptr, int(attach->agents().size()));
        if (attach->missedEvents())
            text += tr(" — %n event(s) missed", nullptr, int(attach->missedEvents()));
        m_outcomeLabel->setText(text);
        return;
    }
    if (!system) {
        m_outcomeLabel->setText(tr("Choose a demo and press New System, or attach to a running container."));
        return;
    }
    QString text = system->outcome();
    const QStringList violated = system->violatedInvariants();
    if (!violated.isEmpty())
        text = tr("VIOLATED: %1 — %2").arg(violated.join(QStringLiteral(", ")), text);
    // What exactly is wrong, for the broken invariants.
    QStringList explanations;
    if (!violated.isEmpty()) {
        for (const mas::system::Invariant &invariant : system->invariants()) {
            if (invariant.holds && !invariant.holds())
                explanations << QStringLiteral("%1: %2").arg(invariant.name, invariant.explanation());
        }
    }
    m_outcomeLabel->setToolTip(explanations.join(u'\n'));
    if (recordedStepsLeft() > 0 && m_session->violationFoundLive()) // stepped back before a violation found live
        text = tr("Toward the violation: step %1 of %2 — %3").arg(m_session->recordedStepsDone()).arg(recordedStepCount()).arg(text);
    else if (recordedStepsLeft() > 0)
        text = tr("Counterexample: step %1 of %2 — %3").arg(m_session->recordedStepsDone()).arg(recordedStepCount()).arg(text);
    m_outcomeLabel->setText(isRunning() ? tr("Running… %1").arg(text) : text);
    if (!isRunning())
        updateActions();
}

void InspectorWindow::reportError(const Error &error)
{
    if (error.isError() && error.code() != ErrorCode::Cancelled) // a cancelled reading said so itself
        statusBar()->showMessage(error.message(), 8000);
}

QString InspectorWindow::languageSetting()
{
    return QSettings().value(QStringLiteral("language")).toString();
}

void InspectorWindow::setLanguageSetting(const QString &code)
{
    if (code == languageSetting())
        return;
    QSettings().setValue(QStringLiteral("language"), code);
    statusBar()->showMessage(tr("The new language applies when MAS Inspector starts next time"), 15000);
}

void InspectorWindow::applyTheme(const QString &theme)
{
    if (theme == u"system") {
        qApp->setPalette(QApplication::style()->standardPalette());
        return;
    }
    qApp->setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = qApp->style()->standardPalette();
    if (theme == u"dark") {
        p.setColor(QPalette::Window, QColor(45, 45, 48));
        p.setColor(QPalette::WindowText, QColor(230, 230, 230));
        p.setColor(QPalette::Base, QColor(30, 30, 32));
        p.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
        p.setColor(QPalette::Text, QColor(230, 230, 230));
        p.setColor(QPalette::Button, QColor(50, 50, 54));
        p.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        p.setColor(QPalette::Highlight, QColor(42, 130, 218));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(50, 50, 54));
        p.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
        p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    }
    qApp->setPalette(p);
}

void InspectorWindow::addRecentFile(const QString &fileName)
{
    QSettings settings;
    QStringList files = settings.value(QStringLiteral("recentFiles")).toStringList();
    files.removeAll(fileName);
    files.prepend(fileName);
    while (files.size() > kMaxRecent)
        files.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), files);
    updateRecentMenu();
}

void InspectorWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &f : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(f).fileName());
        a->setToolTip(f);
        connect(a, &QAction::triggered, this, [this, f] {
            QCoro::connect(openFile(f), this, [this](const Result<void> &r) { reportError(r.error()); });
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void InspectorWindow::closeEvent(QCloseEvent *event)
{
    // A run stops at its next message.
    pause();
    if (isExploring()) {
        // The explorer owns the network until it notices the cancel (at its next step): the
        // window closes once it has stopped, before anything of the window goes.
        m_closeWhenStopped = true;
        cancelExploration();
        event->ignore();
        return;
    }
    m_closeWhenStopped = false;
    m_presentation->setPresenting(false); // the layout to keep is the ordinary one
    QSettings settings;
    // A tool bar hidden while attached is not hidden for the next start.
    for (QToolBar *stepBar : findChildren<QToolBar *>()) {
        if (stepBar->property("hiddenForRemote").toBool())
            stepBar->show();
    }
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

QString InspectorWindow::sessionFileName(const QString &chosen)
{
    if (chosen.isEmpty() || !QFileInfo(chosen).suffix().isEmpty())
        return chosen;
    return chosen + QStringLiteral(".massession");
}

} // namespace mas::ui
