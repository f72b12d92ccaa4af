// SPDX-License-Identifier: MIT
#include "inspectorwindow.h"
#include "inspectorwindow_p.h"

#include "models/agenttreemodel.h"
#include <mas/observe/attachsession.h>
#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include <mas/mosaik/mosaiksession.h>
#include "models/pendingmodel.h"
#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"
#include "widgets/callpanel.h"
#include "widgets/clockpanel.h"
#include "widgets/messagedetailswidget.h"

#include <mas/agent/agent.h>
#include <mas/agent/agenturl.h>
#include <mas/agent/container.h>
#include <mas/system/systemagent.h>
#include <mas/system/session.h>
#include <mas/i18n/language.h>
#include <mas/clock/clock.h>
#include <mas/codec/codec.h>
#include <mas/observe/taprelay.h>
#include <mas/observe/trafficmonitor.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTableView>
#include <QTextStream>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <QCoro/QCoroTimer>

#include <QLibrary>


namespace mas::ui {

namespace {

constexpr auto kQueueId = "inspector";
constexpr int kMaxRecent = 8;

using namespace detail; // the event sources (inspectorwindow_p.h)

/// Text of a pending message's content, for breakpoints on content.
QString contentText(const PendingMessage &m)
{
    Result<Value> content = m.content();
    return content ? content->toDisplayString(2000) : QString();
}

} // namespace

InspectorWindow::InspectorWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("MAS Inspector"));
    setObjectName(QStringLiteral("InspectorWindow"));
    m_store = new EventStore(this);
    m_attach = new AttachSession(this);
    connect(m_attach, &AttachSession::eventReceived, this, [this](const TrafficEvent &e) { appendExternal(e, kFromAttach); });
    connect(m_attach, &AttachSession::stateChanged, this, [this](AttachSession::State state) {
        // Without a monitor on the other side, the Inspector records its own calls.
        m_recordCalls = state == AttachSession::State::NoMonitor;
        updateActions();
        updateStatus();
    });
    m_callMonitor = new TrafficMonitor(this);
    m_callMonitor->setRecording(false);
    connect(m_callMonitor, &TrafficMonitor::eventRecorded, this, [this](const TrafficEvent &e) {
        if (m_recordCalls)
            appendExternal(e, kFromCalls);
    });

    // The message flow: the sequence diagram above the agent graph, the table beside them.
    m_sequence = new SequenceDiagramView(m_store, this);
    m_graph = new AgentGraphView(m_store, this);
    m_tableModel = new EventTableModel(m_store, this);
    m_filter = new EventFilterModel(this);
    m_filter->setSourceModel(m_tableModel);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("messageTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Message table"));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search messages (sender, receiver, method, content)…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search messages"));
    connect(m_search, &QLineEdit::textChanged, m_filter, &EventFilterModel::setFilterText);

    auto *tablePane = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_search);
    tableLayout->addWidget(m_table);

    auto *flow = new QSplitter(Qt::Vertical, this);
    flow->addWidget(m_sequence);
    flow->addWidget(m_graph);
    flow->setStretchFactor(0, 3);
    flow->setStretchFactor(1, 1);
    // The message table with the selected message's details under it.
    m_details = new MessageDetailsWidget(this);
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
                    m_store->setSelectedMessage(current.data(EventTableModel::MessageIdRole).toULongLong());
            });
    connect(m_store, &EventStore::selectedMessageChanged, this, &InspectorWindow::showSelectedMessage);
    connect(m_store, &EventStore::eventsAppended, this, &InspectorWindow::updateStatus);
    connect(m_store, &EventStore::reset, this, &InspectorWindow::updateStatus);

    buildDocks();
    buildActions();
    buildCoSimulation();
    buildMenus();
    // Messages of a stepped system wait where they are: they move along the graph's lines only
    // while a run delivers them (or when the traffic is real, on sockets or attached).
    connect(this, &InspectorWindow::runningChanged, this, &InspectorWindow::updateAnimation);
    connect(this, &InspectorWindow::systemChanged, this, &InspectorWindow::updateAnimation);

    m_timeLabel = new QLabel(this);
    m_pendingLabel = new QLabel(this);
    m_eventsLabel = new QLabel(this);
    m_outcomeLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    statusBar()->addWidget(m_outcomeLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_eventsLabel);
    statusBar()->addPermanentWidget(m_pendingLabel);
    statusBar()->addPermanentWidget(m_timeLabel);

    QSettings settings;
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
    updateRecentMenu();
    updateActions();
    updateStatus();
}

InspectorWindow::~InspectorWindow()
{
    m_mosaik->close();
    m_attach->detach();
    m_callPanel->closeConnections();
    delete m_tap.data();
    // The system's containers go before the models that watch them.
    m_pending->setQueue(nullptr);
    m_agents->clear();
    m_clockPanel->setClock(nullptr);
    disconnect(m_eventConnection);
    m_system.reset();
    LocalQueue::clearCache();
}

void InspectorWindow::buildDocks()
{
    m_agents = new AgentTreeModel(this);
    // Demo agents describe their protocol state; other agents have none to show.
    m_agents->setStateProvider([](const Agent *agent) {
        const auto *demo = qobject_cast<const mas::system::SystemAgent *>(agent);
        return demo ? demo->stateText() : QString();
    });
    m_agentTree = new QTreeView(this);
    m_agentTree->setModel(m_agents);
    // Narrow dock: names, types and states; an agent's address is in its tooltip and in the
    // container's row.
    m_agentTree->setColumnHidden(AgentTreeModel::DetailsColumn, true);
    m_agentTree->header()->setSectionResizeMode(AgentTreeModel::NameColumn, QHeaderView::ResizeToContents);
    m_agentTree->header()->setSectionResizeMode(AgentTreeModel::TypeColumn, QHeaderView::ResizeToContents);
    m_agentTree->header()->setStretchLastSection(true);
    m_agentTree->setAccessibleName(tr("Containers and agents"));
    m_agentTree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_agentTree->setToolTip(tr("The containers and their agents; right-click an agent to call or remove it"));
    connect(m_agentTree, &QWidget::customContextMenuRequested, this, &InspectorWindow::showAgentMenu);
    auto *agentsDock = new QDockWidget(tr("System"), this);
    agentsDock->setObjectName(QStringLiteral("systemDock"));
    agentsDock->setWidget(m_agentTree);
    addDockWidget(Qt::LeftDockWidgetArea, agentsDock);

    m_pending = new PendingMessagesModel(this);
    m_pendingTable = new QTableView(this);
    m_pendingTable->setObjectName(QStringLiteral("pendingTable"));
    m_pendingTable->setModel(m_pending);
    m_pendingTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pendingTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pendingTable->verticalHeader()->setVisible(false);
    m_pendingTable->horizontalHeader()->setStretchLastSection(true);
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
    m_callPanel->setMonitor(m_callMonitor);
    auto *callDock = new QDockWidget(tr("Call"), this);
    callDock->setObjectName(QStringLiteral("callDock"));
    callDock->setWidget(m_callPanel);
    callDock->setToolTip(tr("Call any exposed method of an agent or service, like mas call"));
    addDockWidget(Qt::LeftDockWidgetArea, callDock);
    tabifyDockWidget(clockDock, callDock);
    clockDock->raise();
    connect(m_store, &EventStore::participantsChanged, this, &InspectorWindow::updateKnownMethods);
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
    m_openAction = make(tr("&Open Session…"), tr("Open a saved session and replay it"), QKeySequence::Open,
                        QStyle::SP_DialogOpenButton);
    connect(m_openAction, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open Session"), QString(),
                                                          tr("MAS sessions (*.massession);;All files (*)"));
        if (!file.isEmpty())
            QCoro::connect(openSession(file), this, [this](const Result<void> &r) { reportError(r.error()); });
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
            reportError(saveSession(file).error());
    });

    m_stepAction = make(tr("&Step"), tr("Deliver the oldest pending message (F10)"), Qt::Key_F10,
                        QStyle::SP_MediaSeekForward);
    connect(m_stepAction, &QAction::triggered, this, [this] { reportError(stepOnce().error()); });
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
        reportError(LocalNetwork::instance()->drop(selectedPendingId()).error());
    });
    m_duplicateAction = make(tr("D&uplicate"), tr("Deliver the selected pending message twice"));
    connect(m_duplicateAction, &QAction::triggered, this, [this] {
        reportError(LocalNetwork::instance()->duplicate(selectedPendingId()).error());
    });
    m_delayAction = make(tr("De&lay"), tr("Move the selected pending message behind all others"));
    connect(m_delayAction, &QAction::triggered, this, [this] {
        reportError(LocalNetwork::instance()->delay(selectedPendingId()).error());
    });
    m_replayToAction = make(tr("Step &Back to Selected"), tr("Rebuild the system and replay the log up to the selected message"),
                            QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(m_replayToAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (!current.isValid())
            return;
        const qsizetype row = m_filter->mapToSource(current).row();
        QCoro::connect(replayTo(m_store->at(row).sequence), this,
                       [this](const Result<quint64> &r) { reportError(r.error()); });
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
        const bool fromFile = m_fileType && m_fileType->id == m_demoBox->currentData().toString();
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
            [this](int index) { m_runSpeed = m_speedBox->itemData(index).toDouble(); });
    stepBar->addWidget(m_speedBox);
    stepBar->addSeparator();
    stepBar->addAction(m_deliverAction);
    stepBar->addAction(m_dropAction);
    stepBar->addAction(m_duplicateAction);
    stepBar->addAction(m_delayAction);
    stepBar->addSeparator();
    m_breakpointField = new QLineEdit(this);
    m_breakpointField->setPlaceholderText(tr("Break on receiver, sender, method or content…"));
    m_breakpointField->setClearButtonEnabled(true);
    m_breakpointField->setMinimumWidth(220);
    m_breakpointField->setToolTip(tr("Run stops before delivering a message whose receiver, sender, "
                                     "method path or content contains this text"));
    connect(m_breakpointField, &QLineEdit::textChanged, this, [this](const QString &t) { m_breakpoint = t.trimmed(); });
    stepBar->addWidget(m_breakpointField);
}

void InspectorWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    file->addAction(m_openSystemAction);
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
        Result<qsizetype> at = compareWith(f);
        if (!at)
            reportError(at.error());
        else
            statusBar()->showMessage(*at < 0 ? tr("The runs are the same")
                                             : tr("The runs part at event %1").arg(*at), 8000);
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
    QAction *zoomIn = view->addAction(tr("Zoom &In"));
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    connect(zoomIn, &QAction::triggered, m_sequence, &SequenceDiagramView::zoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &Out"));
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(zoomOut, &QAction::triggered, m_sequence, &SequenceDiagramView::zoomOut);
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
    const bool fromFile = m_fileType && m_fileType->id == id;
    reportError(newSystem(id, fromFile ? m_fileParameters : toolbarParameters()).error());
}

const mas::system::SystemType *InspectorWindow::systemType(const QString &id) const
{
    if (m_fileType && m_fileType->id == id)
        return &*m_fileType;
    return mas::system::SystemRegistry::global().find(id);
}

Result<void> InspectorWindow::loadSystemFile(const QString &fileName)
{
    MAS_TRY(file, mas::system::SystemFile::load(fileName));
    MAS_TRY_VOID(file.loadPlugins());
    MAS_TRY_VOID(file.check());
    m_fileType = file.systemType();
    m_fileParameters = file.parameters();
    m_systemFile = file.fileName;
    return {};
}

Result<void> InspectorWindow::openSystem(const QString &fileName)
{
    MAS_TRY_VOID(loadSystemFile(fileName));
    MAS_TRY_VOID(newSystem(m_fileType->id, m_fileParameters));
    statusBar()->showMessage(tr("Opened %1: %n agent(s), stepped", nullptr, int(m_system->agents().size()))
                                 .arg(QFileInfo(m_systemFile).fileName()),
                             8000);
    return {};
}

QCoro::Task<Result<std::optional<qsizetype>>> InspectorWindow::reloadPlugins()
{
    using Outcome = Result<std::optional<qsizetype>>;
    QPointer<InspectorWindow> self(this);
    if (m_systemFile.isEmpty() || !m_system || !m_system->queue())
        co_return Outcome(Error(ErrorCode::InvalidArgument,
                                tr("Reload Plug-ins works on a stepped system opened from a file (File → Open System…)")));
    if (m_running || m_explorer)
        co_return Outcome(Error(ErrorCode::InvalidArgument, tr("Another run or exploration is going on")));
    Result<mas::system::SystemFile> file = mas::system::SystemFile::load(m_systemFile);
    if (!file)
        co_return Outcome(file.error());
    // The recorded run, before anything is rebuilt.
    LocalNetwork *net = LocalNetwork::instance();
    const TrafficLog recorded = net->eventLog();
    const mas::system::Parameters parameters = m_system->parameters();
    int reloaded = 0;
    for (const QString &directory : std::as_const(file->pluginPaths)) {
        const QDir dir(directory);
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            if (!QLibrary::isLibrary(name))
                continue;
            Result<QStringList> loaded = mas::system::SystemRegistry::global().reloadPlugin(dir.filePath(name));
            if (!loaded)
                co_return Outcome(loaded.error());
            ++reloaded;
        }
    }
    if (reloaded == 0)
        co_return Outcome(Error(ErrorCode::PluginError, tr("%1 names no plug-in to reload (\"plugin_path\")")
                                                            .arg(QFileInfo(m_systemFile).fileName())));
    if (Result<void> checked = file->check(); !checked)
        co_return Outcome(checked.error());
    m_fileType = file->systemType();
    m_fileParameters = file->parameters();
    if (Result<void> built = newSystem(m_fileType->id, parameters); !built)
        co_return Outcome(built.error());
    // The recorded order, step by step, as long as the new code offers the same messages.
    const std::vector<TrafficEvent> schedule = recorded.schedule();
    for (const TrafficEvent &action : schedule) {
        co_await net->settle();
        if (!self)
            co_return Outcome(Error(ErrorCode::Cancelled, QStringLiteral("closed")));
        if (!net->apply(action))
            break;
    }
    co_await net->settle();
    if (!self)
        co_return Outcome(Error(ErrorCode::Cancelled, QStringLiteral("closed")));
    m_store->flush();
    const std::optional<qsizetype> diff = TrafficLog::firstDifference(recorded, net->eventLog());
    if (!diff) {
        statusBar()->showMessage(tr("Reloaded %n plug-in(s): the recorded run replays identically", nullptr, reloaded), 30000);
    } else {
        const TrafficEvent *was = *diff < recorded.size() ? &recorded.events()[size_t(*diff)] : nullptr;
        statusBar()->showMessage(
            tr("Reloaded %n plug-in(s): the new run differs from the recorded one at event %1 (%2 of %3 recorded steps "
               "replayed); was: %4",
               nullptr, reloaded)
                .arg(*diff)
                .arg(net->eventLog().schedule().size()) // the recorded steps the new run followed
                .arg(schedule.size())
                .arg(was ? was->toDisplayString() : tr("the end of the recording")),
            60000);
        if (*diff < m_store->size() && m_store->at(*diff).messageId)
            m_store->setSelectedMessage(m_store->at(*diff).messageId);
    }
    updateStatus();
    co_return Outcome(diff);
}

Result<void> InspectorWindow::newSystem(const QString &demoId, const mas::system::Parameters &parameters)
{
    const mas::system::SystemType *type = systemType(demoId);
    if (!type)
        return Error(ErrorCode::InvalidArgument, tr("There is no demo called \"%1\"").arg(demoId));
    // Copied: clearSystem() and the build may change what the pointer points to.
    const mas::system::SystemType demoCopy = *type;
    const mas::system::SystemType *demo = &demoCopy;
    clearSystem();

    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    net->setRecording(true);
    m_eventConnection = connect(net, &LocalNetwork::eventRecorded, this, &InspectorWindow::onEvent);
    Result<std::unique_ptr<mas::system::System>> built = demo->build(QString::fromLatin1(kQueueId), parameters);
    if (!built)
        return built.error();
    m_system = std::move(*built);
    m_demoId = demoId;
    if (!m_fileType || m_fileType->id != demoId)
        m_systemFile.clear(); // a system of the registry, not of a file
    if (m_fileType && m_fileType->id == demoId && m_demoBox->findData(demoId) < 0) {
        // The opened file joins the tool bar's systems (New System builds it again).
        m_demoBox->insertItem(0, QStringLiteral("%1 (%2)").arg(m_fileType->title, QFileInfo(m_systemFile).fileName()), demoId);
        m_demoBox->setItemData(0, m_systemFile, Qt::ToolTipRole);
    }
    const int index = m_demoBox->findData(demoId);
    if (index >= 0)
        m_demoBox->setCurrentIndex(index);
    m_agentCount->setValue(parameters.agents);
    m_seed->setValue(int(parameters.seed));
    m_faulty->setChecked(parameters.faulty);
    m_transportBox->setCurrentIndex(qMax(0, m_transportBox->findData(mas::system::transportName(parameters.transport))));
    if (!m_system->queue()) {
        // Real sockets: watch every container's connections.
        m_hostMonitor = new TrafficMonitor(this);
        m_hostMonitor->setRecording(false);
        connect(m_hostMonitor, &TrafficMonitor::eventRecorded, this, [this](const TrafficEvent &e) { appendExternal(e, kFromHost); });
        for (Container *c : m_system->containers())
            m_hostMonitor->watch(c);
    }
    for (Container *c : m_system->containers())
        m_agents->addContainer(c);
    connect(m_system.get(), &mas::system::System::stateChanged, m_agents, &AgentTreeModel::refreshStates);
    if (!m_system->agents().isEmpty())
        m_callPanel->setTarget(m_system->agents().front()->address());
    m_agentTree->expandAll();
    m_pending->setQueue(m_system->queue());
    m_clockPanel->setClock(m_system->clock());
    connect(m_system.get(), &mas::system::System::stateChanged, this, &InspectorWindow::updateStatus);
    if (m_system->clock())
        connect(m_system->clock(), &Clock::timeChanged, this, &InspectorWindow::updateStatus);
    connect(net, &LocalNetwork::pendingChanged, this, &InspectorWindow::updateStatus, Qt::UniqueConnection);
    m_system->start();
    setWindowTitle(tr("%1 — MAS Inspector").arg(demo->title));
    updateActions();
    updateStatus();
    Q_EMIT systemChanged();
    return {};
}

void InspectorWindow::clearSystem()
{
    pause();
    // A fresh network: the old system goes first, then the queues and the log.
    m_attach->detach();
    delete m_tap.data();
    m_mosaik->close();
    m_clockPanel->setDrivenBy(QString());
    m_recordCalls = false;
    m_callPanel->closeConnections();
    m_callPanel->setTls(std::nullopt);
    delete m_hostMonitor.data();
    m_pending->setQueue(nullptr);
    m_agents->clear();
    m_clockPanel->setClock(nullptr);
    disconnect(m_eventConnection);
    m_system.reset();
    m_demoId.clear();
    m_script.clear();
    m_scriptNext = 0;
    m_scriptProperty.clear();
    LocalQueue::clearCache();
    m_store->clear();
    m_details->clear();
    m_externalIds.clear();
    m_nextExternalId = 1;
    m_nextExternalSequence = 0;
    updateAnimation();
}

void InspectorWindow::onEvent(const TrafficEvent &event)
{
    m_store->append(event);
    if (!m_applyingScript && recordedStepsLeft() > 0 && event.isAction()) {
        // The user chose something else than the recording's next step.
        leaveRecording(tr("You left the counterexample after step %1 of %2: F10 now delivers the oldest "
                          "pending message")
                           .arg(m_scriptNext)
                           .arg(m_script.size()));
    }
}

void InspectorWindow::appendExternal(const TrafficEvent &event, quint64 source)
{
    TrafficEvent e = event;
    const auto local = [this, source](quint64 id) -> quint64 {
        if (!id)
            return 0;
        const auto key = qMakePair(source, id);
        auto it = m_externalIds.constFind(key);
        if (it != m_externalIds.constEnd())
            return it.value();
        m_externalIds.insert(key, m_nextExternalId);
        return m_nextExternalId++;
    };
    e.messageId = local(e.messageId);
    e.originalId = local(e.originalId);
    e.sequence = m_nextExternalSequence++;
    m_store->append(e);
}

void InspectorWindow::updateKnownMethods()
{
    QStringList paths;
    for (const TrafficEvent &e : m_store->events()) {
        if (e.type != MessageType::Request || e.path.isEmpty())
            continue;
        // Offer the method as called on its agent: "agents/3/bid" -> "bid".
        const QString method = e.path.startsWith(u"agents/") ? e.path.section(u'/', 2) : e.path;
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
    QPointer<InspectorWindow> self(this);
    clearSystem();
    setWindowTitle(tr("%1 — MAS Inspector").arg(address));
    // An agent URL names its container; the call form keeps the agent.
    QString containerAddress = address.trimmed();
    Result<Address> parsed = Container::parseAddress(containerAddress);
    if (!parsed) {
        if (Result<AgentUrl> url = AgentUrl::parse(containerAddress); url && url->isValid())
            parsed = url->container();
    }
    if (!parsed)
        co_return parsed.error();
    m_callPanel->setTarget(address.trimmed());
    m_callPanel->setCodec(codec);
    ChannelOptions options;
    options.codec = codec;
    options.endpointName = tr("Inspector");
    options.tls = tls;
    m_callPanel->setTls(tls);
    const Address target = *parsed;
    updateActions();
    Result<void> r = co_await m_attach->attach(target, options);
    if (!self)
        co_return r;
    if (r && m_attach->state() == AttachSession::State::Watching) {
        QList<AgentTreeModel::RemoteAgent> agents;
        for (const AttachSession::AgentInfo &a : m_attach->agents())
            agents.append({a.aid, a.type, a.url});
        m_agents->addRemoteContainer(m_attach->containerName(), agents);
        m_agentTree->expandAll();
        // Attached to a container: the call form targets its first agent.
        if (!agents.isEmpty() && address.trimmed() == AgentUrl::baseAddress(target).chopped(1))
            m_callPanel->setTarget(agents.front().address);
    }
    updateActions();
    updateStatus();
    co_return r;
}

Result<void> InspectorWindow::startTap(const QString &listenAddress, const QString &targetAddress, const QString &codec)
{
    Result<Address> listen = Container::parseAddress(listenAddress.trimmed());
    if (!listen)
        return listen.error();
    Result<Address> target = Container::parseAddress(targetAddress.trimmed());
    if (!target)
        return target.error();
    clearSystem();
    TapOptions options;
    options.codec = codec;
    Result<TapRelay *> relay = TapRelay::listen(*listen, *target, options, this);
    if (!relay)
        return relay.error();
    m_tap = *relay;
    connect(m_tap, &TapRelay::eventRecorded, this, [this](const TrafficEvent &e) { appendExternal(e, kFromTap); });
    connect(m_tap, &TapRelay::errorOccurred, this, &InspectorWindow::reportError);
    m_callPanel->setTarget(AgentUrl::baseAddress(m_tap->address()));
    m_callPanel->setCodec(codec);
    setWindowTitle(tr("Tap %1 → %2 — MAS Inspector").arg(m_tap->address().toString(), target->toString()));
    updateActions();
    updateStatus();
    return {};
}

Result<void> InspectorWindow::removeAgent(const QString &address)
{
    if (m_system) {
        for (Container *c : m_system->containers()) {
            for (Agent *a : c->agents()) {
                if (a->address() == address) {
                    c->removeAgent(a);
                    statusBar()->showMessage(tr("Removed %1: calls to it now fail").arg(address), 8000);
                    return {};
                }
            }
        }
    }
    return Error(ErrorCode::AgentNotFound, tr("There is no agent %1 in this system").arg(address));
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
    using mas::system::ExplorerResult;
    if (!m_system || !m_system->queue())
        co_return Error(ErrorCode::InvalidArgument, tr("Exploring needs a demo system on the LocalQueue"));
    if (m_explorer || m_running)
        co_return Error(ErrorCode::InvalidArgument, tr("Another run or exploration is going on"));
    QPointer<InspectorWindow> self(this);
    const QString demoId = m_demoId;
    const mas::system::Parameters parameters = m_system->parameters();
    // The explorer owns the in-process network while it runs: the hosted system goes first.
    clearSystem();
    options.queueId = QString::fromLatin1(kQueueId);

    QProgressDialog progress(tr("Exploring delivery orders…"), tr("Cancel"), 0, options.maxSchedules, this);
    progress.setWindowTitle(tr("Explore"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    options.progress = [&progress](const mas::system::ExplorerStatistics &st) {
        progress.setValue(int(qMin<qint64>(st.schedules, progress.maximum())));
        progress.setLabelText(tr("Schedules: %1 · states: %2 (%3 distinct) · deepest run: %4 steps")
                                  .arg(st.schedules)
                                  .arg(st.states)
                                  .arg(st.distinctStates)
                                  .arg(st.deepest));
    };
    const mas::system::SystemType *type = systemType(demoId);
    if (!type)
        co_return Error(ErrorCode::InvalidArgument, tr("There is no demo called \"%1\"").arg(demoId));
    mas::system::Explorer explorer(*type, parameters, options);
    m_explorer = &explorer;
    connect(&progress, &QProgressDialog::canceled, this, &InspectorWindow::cancelExploration);
    updateActions();
    ExplorerResult result = co_await explorer.run();
    if (!self)
        co_return Error(ErrorCode::Cancelled, QStringLiteral("closed"));
    m_explorer = nullptr;
    progress.reset();
    const mas::system::Counterexample *found = result.counterexample();
    if (result.verdict == ExplorerResult::Verdict::Failed) {
        (void)newSystem(demoId, parameters);
        co_return Error(ErrorCode::InvalidArgument, result.error);
    }
    if (!found) {
        (void)newSystem(demoId, parameters);
        statusBar()->showMessage(tr("%1: %2 schedule(s), %3 distinct state(s), %4 ms")
                                     .arg(ExplorerResult::verdictName(result.verdict))
                                     .arg(result.statistics.schedules)
                                     .arg(result.statistics.distinctStates)
                                     .arg(result.statistics.elapsedMs),
                                 15000);
        co_return result;
    }
    // Open the counterexample: rebuild and replay it; the last event is where the property broke.
    TrafficLog log = found->log;
    const mas::system::Parameters replayParameters = result.parameters;
    Result<void> replayed = co_await replayLog(std::move(log), demoId, replayParameters);
    if (!self)
        co_return Error(ErrorCode::Cancelled, QStringLiteral("closed"));
    if (!replayed)
        co_return replayed.error();
    m_store->flush();
    for (qsizetype i = m_store->size() - 1; i >= 0; --i) {
        if (m_store->at(i).messageId) {
            m_store->setSelectedMessage(m_store->at(i).messageId);
            break;
        }
    }
    statusBar()->showMessage(tr("Violation of \"%1\" in %2 step(s) (shrunk from %3); %4 schedule(s) explored")
                                 .arg(found->property)
                                 .arg(found->length())
                                 .arg(result.violation ? result.violation->length() : found->length())
                                 .arg(result.statistics.schedules),
                             30000);
    updateStatus();
    co_return result;
}

void InspectorWindow::cancelExploration()
{
    if (m_explorer)
        m_explorer->cancel();
}

void InspectorWindow::showExploreDialog()
{
    if (!m_system)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Explore Interleavings"));
    auto *property = new QComboBox(&dialog);
    property->addItem(tr("Every invariant"), QString());
    for (const QString &name : mas::system::Explorer::propertyNames(m_system.get()))
        property->addItem(name, name);
    property->setToolTip(tr("The invariant (or goal, checked when nothing is pending) that must hold"));
    auto *mode = new QComboBox(&dialog);
    mode->addItem(tr("Every order (depth first)"), int(mas::system::ExplorerOptions::Mode::DepthFirst));
    mode->addItem(tr("Random walks"), int(mas::system::ExplorerOptions::Mode::RandomWalk));
    auto *schedules = new QSpinBox(&dialog);
    schedules->setRange(1, 10'000'000);
    schedules->setValue(10'000);
    schedules->setToolTip(tr("At most this many runs (depth first) or walks (random)"));
    auto *seconds = new QSpinBox(&dialog);
    seconds->setRange(1, 3600);
    seconds->setValue(60);
    seconds->setSuffix(tr(" s"));
    auto *faults = new QSpinBox(&dialog);
    faults->setRange(0, 5);
    faults->setToolTip(tr("How many messages a run may drop (0: deliveries only)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Explore"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Property:"), property);
    form->addRow(tr("&Search:"), mode);
    form->addRow(tr("&Budget:"), schedules);
    form->addRow(tr("&Time limit:"), seconds);
    form->addRow(tr("&Dropped messages:"), faults);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    mas::system::ExplorerOptions options;
    if (!property->currentData().toString().isEmpty())
        options.properties = QStringList{property->currentData().toString()};
    options.mode = mas::system::ExplorerOptions::Mode(mode->currentData().toInt());
    options.maxSchedules = schedules->value();
    options.walks = schedules->value();
    options.maxTime = std::chrono::seconds(seconds->value());
    options.maxFaults = faults->value();
    QCoro::connect(explore(std::move(options)), this, [this](const Result<mas::system::ExplorerResult> &r) {
        reportError(r.error());
    });
}

void InspectorWindow::detach()
{
    m_attach->detach();
    delete m_tap.data();
    m_mosaik->close();
    m_recordCalls = false;
    m_callPanel->closeConnections();
    updateActions();
    updateStatus();
}

void InspectorWindow::showAttachDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Attach to Container"));
    auto *address = new QLineEdit(&dialog);
    address->setPlaceholderText(tr("tcp://127.0.0.1:5555 or ipc:///tmp/agents.sock"));
    address->setText(QSettings().value(QStringLiteral("attach/address")).toString());
    address->setToolTip(tr("The container's address, or one of its agents' URLs"));
    auto *codec = new QComboBox(&dialog);
    codec->addItems({QStringLiteral("json"), QStringLiteral("msgpack"), QStringLiteral("msgpackblosc")});
    codec->setCurrentText(QSettings().value(QStringLiteral("attach/codec"), QStringLiteral("json")).toString());
    QSettings settings;
    const auto fileField = [&dialog, &settings](const QString &key, const QString &tip) {
        auto *field = new QLineEdit(&dialog);
        field->setText(settings.value(key).toString());
        field->setPlaceholderText(tr("PEM file (optional)"));
        field->setToolTip(tip);
        return field;
    };
    QLineEdit *ca = fileField(QStringLiteral("attach/tlsCa"), tr("TLS: the CA certificate the container's certificate must be signed by"));
    QLineEdit *cert = fileField(QStringLiteral("attach/tlsCert"), tr("TLS: the Inspector's own certificate (mutual TLS)"));
    QLineEdit *key = fileField(QStringLiteral("attach/tlsKey"), tr("TLS: the private key of that certificate"));
    auto *hint = new QLabel(tr("A libmas container started with --monitor shows all its traffic. Any other "
                               "aiomas container shows the calls you make from the Call panel; to watch "
                               "its traffic, tap it instead (Connect → Tap a Connection)."),
                            &dialog);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Attach"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Address:"), address);
    form->addRow(tr("&Codec:"), codec);
    form->addRow(tr("TLS C&A:"), ca);
    form->addRow(tr("TLS ce&rtificate:"), cert);
    form->addRow(tr("TLS &key:"), key);
    form->addRow(hint);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings.setValue(QStringLiteral("attach/address"), address->text());
    settings.setValue(QStringLiteral("attach/codec"), codec->currentText());
    settings.setValue(QStringLiteral("attach/tlsCa"), ca->text());
    settings.setValue(QStringLiteral("attach/tlsCert"), cert->text());
    settings.setValue(QStringLiteral("attach/tlsKey"), key->text());
    std::optional<TlsOptions> tls;
    if (!ca->text().isEmpty() || !cert->text().isEmpty() || !key->text().isEmpty()) {
        tls = TlsOptions{};
        tls->caFile = ca->text();
        tls->certFile = cert->text();
        tls->keyFile = key->text();
    }
    QCoro::connect(attachTo(address->text(), codec->currentText(), tls), this,
                   [this](const Result<void> &r) { reportError(r.error()); });
}

void InspectorWindow::showTapDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Tap a Connection"));
    auto *listen = new QLineEdit(&dialog);
    listen->setText(QSettings().value(QStringLiteral("tap/listen"), QStringLiteral("tcp://127.0.0.1:0")).toString());
    listen->setToolTip(tr("Where the Inspector listens; point the clients here (port 0: any free port)"));
    auto *target = new QLineEdit(&dialog);
    target->setPlaceholderText(tr("tcp://127.0.0.1:5555"));
    target->setText(QSettings().value(QStringLiteral("tap/target")).toString());
    target->setToolTip(tr("The aiomas server the Inspector relays to"));
    auto *codec = new QComboBox(&dialog);
    codec->addItems({QStringLiteral("json"), QStringLiteral("msgpack"), QStringLiteral("msgpackblosc")});
    codec->setCurrentText(QSettings().value(QStringLiteral("tap/codec"), QStringLiteral("json")).toString());
    codec->setToolTip(tr("The codec client and server speak, to decode their frames (they are relayed unchanged)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start Tap"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Listen on:"), listen);
    form->addRow(tr("&Relay to:"), target);
    form->addRow(tr("&Codec:"), codec);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings().setValue(QStringLiteral("tap/listen"), listen->text());
    QSettings().setValue(QStringLiteral("tap/target"), target->text());
    QSettings().setValue(QStringLiteral("tap/codec"), codec->currentText());
    if (Result<void> r = startTap(listen->text(), target->text(), codec->currentText()); !r)
        reportError(r.error());
    else
        statusBar()->showMessage(tr("Tapping: point the clients at %1").arg(m_tap->address().toString()), 15000);
}

Result<void> InspectorWindow::stepOnce()
{
    if (!m_system)
        return Error(ErrorCode::InvalidArgument, tr("No system is running"));
    if (recordedStepsLeft() > 0)
        return playRecordedStep();
    Result<PendingMessage> delivered = LocalNetwork::instance()->step();
    if (!delivered) {
        // Nothing pending: move the clock to the next timer, as a debugger steps over a wait.
        if (LocalNetwork::instance()->advanceClock())
            return {};
        return delivered.error();
    }
    return {};
}

Result<void> InspectorWindow::deliverMessage(quint64 id)
{
    if (!id)
        return Error(ErrorCode::InvalidArgument, tr("Select a pending message first"));
    Result<PendingMessage> r = LocalNetwork::instance()->deliver(id);
    if (!r)
        return r.error();
    return {};
}

bool InspectorWindow::breakpointMatches(const PendingMessage &m) const
{
    if (m_breakpoint.isEmpty())
        return false;
    return m.to.contains(m_breakpoint, Qt::CaseInsensitive) || m.from.contains(m_breakpoint, Qt::CaseInsensitive)
           || m.path.contains(m_breakpoint, Qt::CaseInsensitive)
           || contentText(m).contains(m_breakpoint, Qt::CaseInsensitive);
}

void InspectorWindow::setBreakpoint(const QString &text)
{
    m_breakpointField->setText(text);
    m_breakpoint = text.trimmed();
}

QString InspectorWindow::breakpoint() const
{
    return m_breakpoint;
}

QCoro::Task<void> InspectorWindow::run()
{
    if (m_running || !m_system)
        co_return;
    QPointer<InspectorWindow> self(this);
    m_running = true;
    m_pauseRequested = false;
    updateActions();
    Q_EMIT runningChanged(true);
    if (recordedStepsLeft() > 0) {
        // An open counterexample: play the rest of it, then wait at its end.
        std::vector<TrafficEvent> rest(m_script.begin() + qsizetype(m_scriptNext), m_script.end());
        m_applyingScript = true;
        Result<int> played = co_await LocalNetwork::instance()->replay(TrafficLog(std::move(rest)));
        if (!self)
            co_return;
        m_applyingScript = false;
        m_running = false;
        if (played) {
            m_scriptNext = m_script.size();
            m_store->flush();
            statusBar()->showMessage(m_system && m_system->violatedInvariants().contains(m_scriptProperty)
                                         ? tr("End of the counterexample: \"%1\" is violated").arg(m_scriptProperty)
                                         : tr("End of the recorded run"),
                                     15000);
        } else {
            leaveRecording(tr("The system no longer follows the recorded run: %1").arg(played.error().message()));
        }
        m_pauseRequested = false;
        updateActions();
        updateStatus();
        Q_EMIT runningChanged(false);
        co_return;
    }
    // The first message is delivered even if it matches: "run" from a breakpoint goes on.
    bool first = true;
    std::optional<PendingMessage> hit;
    if (m_runSpeed > 0) {
        // At a chosen speed: one message, then a pause, so that people can follow.
        LocalNetwork *net = LocalNetwork::instance();
        const auto interval = std::chrono::milliseconds(qMax<qint64>(1, qint64(1000.0 / m_runSpeed)));
        while (!m_pauseRequested) {
            const QList<PendingMessage> pending = net->pendingMessages();
            if (pending.isEmpty()) {
                if (!net->advanceClock())
                    break;
            } else {
                if (!first && breakpointMatches(pending.front())) {
                    hit = pending.front();
                    break;
                }
                first = false;
                if (!net->step())
                    break;
            }
            co_await QCoro::sleepFor(interval);
            if (!self)
                co_return;
        }
    } else {
        hit = co_await LocalNetwork::instance()->runUntil(
        [this, &first](const PendingMessage &m) {
            const bool stop = m_pauseRequested || (!first && breakpointMatches(m));
            first = false;
            return stop;
        },
        1'000'000, true);
        if (!self)
            co_return;
    }
    m_running = false;
    if (hit && !m_pauseRequested) {
        statusBar()->showMessage(tr("Breakpoint: %1 → %2 %3").arg(hit->from, hit->to, hit->path), 8000);
        // Show the message the run stopped at.
        for (int row = 0; row < m_pending->rowCount(); ++row) {
            const QModelIndex index = m_pending->index(row, 0);
            if (index.data(PendingMessagesModel::MessageIdRole).toULongLong() == hit->id)
                m_pendingTable->selectRow(row);
        }
    }
    m_pauseRequested = false;
    updateActions();
    updateStatus();
    Q_EMIT runningChanged(false);
}

void InspectorWindow::setRunSpeed(double messagesPerSecond)
{
    m_runSpeed = qMax(0.0, messagesPerSecond);
    // Show it in the tool bar when it is one of the offered speeds.
    const int index = m_speedBox->findData(m_runSpeed);
    if (index >= 0) {
        QSignalBlocker block(m_speedBox);
        m_speedBox->setCurrentIndex(index);
    }
}

void InspectorWindow::pause()
{
    if (m_running)
        m_pauseRequested = true;
}

QCoro::Task<void> InspectorWindow::runUntilIdle()
{
    if (m_running || !m_system)
        co_return;
    QPointer<InspectorWindow> self(this);
    m_running = true;
    updateActions();
    Q_EMIT runningChanged(true);
    co_await LocalNetwork::instance()->runUntil([this](const PendingMessage &) { return m_pauseRequested; });
    if (!self)
        co_return;
    m_running = false;
    m_pauseRequested = false;
    updateActions();
    updateStatus();
    Q_EMIT runningChanged(false);
}

Result<void> InspectorWindow::saveSession(const QString &fileName)
{
    if (!m_system)
        return Error(ErrorCode::InvalidArgument, tr("There is no system to save"));
    m_store->flush();
    mas::system::Session session;
    session.demo = m_demoId;
    session.systemFile = m_systemFile;
    session.parameters = m_system->parameters();
    // A LocalQueue system's log is the network's; a system on sockets has what was watched.
    session.log = m_system->queue() ? LocalNetwork::instance()->eventLog() : m_store->toLog();
    MAS_TRY_VOID(session.save(fileName));
    addRecentFile(fileName);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(fileName).fileName()), 5000);
    return {};
}

QCoro::Task<Result<void>> InspectorWindow::openSession(QString fileName)
{
    Result<mas::system::Session> session = mas::system::Session::load(fileName);
    if (!session)
        co_return session.error();
    const mas::system::Parameters p = session->parameters;
    if (p.transport != mas::system::Transport::LocalQueue) {
        // Traffic over sockets cannot be replayed into a fresh system: show it for browsing.
        clearSystem();
        m_store->setEvents(std::vector<TrafficEvent>(session->log.events()));
        setWindowTitle(tr("%1 — MAS Inspector").arg(QFileInfo(fileName).fileName()));
        statusBar()->showMessage(tr("This session ran over sockets: its messages are shown, not replayed"), 8000);
        addRecentFile(fileName);
        updateActions();
        updateStatus();
        co_return Result<void>();
    }
    if (!session->systemFile.isEmpty()) {
        // A system described by a file: the file (and its plug-ins) build it again.
        if (Result<void> loaded = loadSystemFile(session->systemFile); !loaded)
            co_return loaded;
        session->demo = m_fileType->id;
    }
    // No temporaries inside a co_await expression: GCC 12 may destroy them twice.
    const QString demoId = session->demo;
    if (session->isCounterexample()) {
        // At its start: the user plays it forward (F10 step by step, F5 to its end).
        if (Result<void> built = newSystem(demoId, p); !built)
            co_return built;
        m_script = session->log.schedule();
        m_scriptNext = 0;
        m_scriptProperty = session->violatedProperty;
        setWindowTitle(tr("%1 — MAS Inspector").arg(QFileInfo(fileName).fileName()));
        statusBar()->showMessage(tr("Counterexample to \"%1\" in %n step(s): F10 plays the next step, F5 plays it "
                                    "to its end",
                                    nullptr, int(m_script.size()))
                                     .arg(m_scriptProperty),
                                 30000);
        addRecentFile(fileName);
        updateStatus();
        co_return Result<void>();
    }
    TrafficLog events = std::move(session->log);
    Result<void> r = co_await replayLog(std::move(events), demoId, p);
    if (r)
        addRecentFile(fileName);
    co_return r;
}

std::optional<quint64> InspectorWindow::endOfStep(quint64 sequence) const
{
    m_store->flush();
    const std::vector<TrafficEvent> &events = m_store->events();
    auto it = std::find_if(events.begin(), events.end(), [sequence](const TrafficEvent &e) { return e.sequence == sequence; });
    if (it == events.end())
        return std::nullopt;
    // What a step produced (a handler's sends, timers that ran) follows it up to the next action.
    while (std::next(it) != events.end() && !std::next(it)->isAction())
        ++it;
    return it->sequence;
}

QCoro::Task<Result<quint64>> InspectorWindow::replayTo(quint64 sequence)
{
    QPointer<InspectorWindow> self(this);
    const std::optional<quint64> end = endOfStep(sequence);
    if (!end)
        co_return Error(ErrorCode::InvalidArgument, tr("There is no event %1 to step back to").arg(sequence));
    std::vector<TrafficEvent> events;
    for (const TrafficEvent &e : m_store->events()) {
        if (e.sequence > sequence)
            break;
        events.push_back(e);
    }
    TrafficLog log(std::move(events));
    const mas::system::Parameters parameters = m_system ? m_system->parameters() : mas::system::Parameters{};
    const QString demoId = m_demoId;
    Result<void> r = co_await replayLog(std::move(log), demoId, parameters);
    if (!self)
        co_return Error(ErrorCode::Cancelled, QStringLiteral("closed"));
    if (!r)
        co_return r.error();
    const TrafficLog &now = LocalNetwork::instance()->eventLog();
    const quint64 last = now.size() > 0 ? now.events().back().sequence : 0;
    if (last != *end)
        co_return Error(ErrorCode::InvalidMessage,
                        tr("Stepping back to event %1 ended at event %2 instead of %3").arg(sequence).arg(last).arg(*end));
    statusBar()->showMessage(last == sequence ? tr("Stepped back to event %1").arg(sequence)
                                              : tr("Stepped back to event %1 (the end of the step that produced event %2)")
                                                    .arg(last)
                                                    .arg(sequence),
                             8000);
    co_return last;
}

Result<void> InspectorWindow::playRecordedStep()
{
    const TrafficEvent action = m_script[m_scriptNext];
    m_applyingScript = true;
    Result<void> done = LocalNetwork::instance()->apply(action);
    m_applyingScript = false;
    if (!done) {
        leaveRecording(tr("The system no longer follows the recorded run at step %1: %2")
                           .arg(m_scriptNext + 1)
                           .arg(done.error().message()));
        return done;
    }
    ++m_scriptNext;
    if (recordedStepsLeft() == 0) {
        // The step's consequences (a handler's messages, a timer's) come from the event loop.
        QTimer::singleShot(0, this, [this] {
            if (!m_system)
                return;
            statusBar()->showMessage(m_system->violatedInvariants().contains(m_scriptProperty)
                                         ? tr("End of the counterexample: \"%1\" is violated").arg(m_scriptProperty)
                                         : tr("End of the recorded run"),
                                     15000);
        });
    }
    updateStatus();
    return {};
}

void InspectorWindow::leaveRecording(const QString &why)
{
    if (m_script.empty())
        return;
    m_script.clear();
    m_scriptNext = 0;
    statusBar()->showMessage(why, 15000);
    updateStatus();
}

QCoro::Task<Result<void>> InspectorWindow::replayLog(TrafficLog log, const QString &demoId,
                                                     mas::system::Parameters parameters)
{
    QPointer<InspectorWindow> self(this);
    if (Result<void> built = newSystem(demoId, parameters); !built)
        co_return built;
    const qsizetype total = log.size();
    m_progress->setRange(0, int(std::max<qsizetype>(1, total)));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    QMetaObject::Connection progress = connect(m_store, &EventStore::eventsAppended, this,
                                               [this](qsizetype, qsizetype last) { m_progress->setValue(int(last + 1)); });
    statusBar()->showMessage(tr("Replaying %n event(s)…", nullptr, int(total)));
    Result<int> replayed = co_await LocalNetwork::instance()->replay(std::move(log));
    if (!self)
        co_return Error(ErrorCode::Cancelled, QStringLiteral("closed"));
    disconnect(progress);
    m_progress->setVisible(false);
    m_store->flush();
    updateStatus();
    if (!replayed)
        co_return replayed.error();
    statusBar()->showMessage(tr("Replayed %n action(s)", nullptr, *replayed), 5000);
    co_return Result<void>();
}

Result<qsizetype> InspectorWindow::compareWith(const QString &logFile)
{
    QFile file(logFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidArgument, tr("Cannot read %1: %2").arg(logFile, file.errorString()));
    MAS_TRY(other, TrafficLog::read(&file)); // a session's header line is skipped
    m_store->flush();
    const std::optional<qsizetype> at = TrafficLog::firstDifference(m_store->toLog(), other);
    if (!at)
        return qsizetype(-1);
    if (*at < m_store->size()) {
        const QModelIndex source = m_tableModel->index(int(*at), 0);
        const QModelIndex row = m_filter->mapFromSource(source);
        if (row.isValid()) {
            m_table->setCurrentIndex(row);
            m_table->scrollTo(row);
        }
    }
    return *at;
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
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    QTextStream out(&file);
    const auto quote = [](QString s) {
        s.replace(u'"', QStringLiteral("\"\""));
        return u'"' + s + u'"';
    };
    QStringList header;
    for (int c = 0; c < m_filter->columnCount(); ++c)
        header << quote(m_filter->headerData(c, Qt::Horizontal).toString());
    out << header.join(u',') << '\n';
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_filter->columnCount(); ++c)
            cells << quote(m_filter->index(r, c).data(Qt::ToolTipRole).toString().isEmpty()
                               ? m_filter->index(r, c).data().toString()
                               : m_filter->index(r, c).data(Qt::ToolTipRole).toString());
        out << cells.join(u',') << '\n';
    }
    out.flush();
    return file.commit();
}

void InspectorWindow::showSelectedMessage(quint64 id)
{
    if (!id) {
        m_details->clear();
        return;
    }
    const EventStore::MessageSpan *span = m_store->span(id);
    if (!span || span->sent < 0)
        return;
    m_details->showEvent(m_store->at(span->sent));
    // Keep the table's current row on the message.
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || current.data(EventTableModel::MessageIdRole).toULongLong() != id) {
        const QModelIndex row = m_filter->mapFromSource(m_tableModel->index(int(span->sent), 0));
        if (row.isValid()) {
            QSignalBlocker block(m_table->selectionModel());
            m_table->setCurrentIndex(row);
            m_table->scrollTo(row);
        }
    }
}

quint64 InspectorWindow::selectedPendingId() const
{
    const QModelIndex current = m_pendingTable->currentIndex();
    return current.isValid() ? current.data(PendingMessagesModel::MessageIdRole).toULongLong() : 0;
}

void InspectorWindow::updateAnimation()
{
    const bool stepped = m_system && m_system->queue();
    m_graph->setAnimationEnabled(m_running || !stepped);
}

void InspectorWindow::updateActions()
{
    const bool hasSystem = m_system && m_system->queue(); // steppable
    const bool hasPending = selectedPendingId() != 0;
    const bool watching = m_attach->state() != AttachSession::State::Closed || m_tap
                          || m_mosaik->state() != MosaikSession::State::Idle;
    m_detachAction->setEnabled(watching);
    m_stepAction->setEnabled(hasSystem && !m_running);
    m_runAction->setEnabled(hasSystem && !m_running);
    m_idleAction->setEnabled(hasSystem && !m_running);
    m_pauseAction->setEnabled(m_running);
    for (QAction *a : {m_deliverAction, m_dropAction, m_duplicateAction, m_delayAction})
        a->setEnabled(hasSystem && hasPending && !m_running);
    m_saveAction->setEnabled(bool(m_system));
    m_reloadAction->setEnabled(hasSystem && !m_systemFile.isEmpty() && !m_running && !m_explorer);
    m_replayToAction->setEnabled(hasSystem && !m_running);
    m_exploreAction->setEnabled(hasSystem && !m_running && !m_explorer);
}

void InspectorWindow::updateStatus()
{
    LocalNetwork *net = LocalNetwork::instance();
    const ExternalClock *clock = m_system ? m_system->clock() : m_clockPanel->clock();
    m_timeLabel->setText(clock ? tr("t = %1 s").arg(clock->time()) : tr("real time"));
    m_timeLabel->setToolTip(clock ? clock->utcNow().toString(Qt::ISODate) : QString());
    m_pendingLabel->setText(tr("%n pending", nullptr, int(net->pendingCount())));
    m_eventsLabel->setText(tr("%n event(s)", nullptr, int(m_store->size())));
    if (m_mosaik->state() != MosaikSession::State::Idle) {
        m_outcomeLabel->setText(m_mosaik->statusText());
        return;
    }
    if (m_tap) {
        m_outcomeLabel->setText(tr("Tapping %1 → %2: %n connection(s)", nullptr, m_tap->connectionCount())
                                    .arg(m_tap->address().toString(), m_tap->target().toString()));
        return;
    }
    if (m_attach->state() != AttachSession::State::Closed || m_attach->error().isError()) {
        QString text = m_attach->statusText();
        if (!m_attach->agents().isEmpty())
            text += tr(" — %n agent(s)", nullptr, int(m_attach->agents().size()));
        if (m_attach->missedEvents())
            text += tr(" — %n event(s) missed", nullptr, int(m_attach->missedEvents()));
        m_outcomeLabel->setText(text);
        return;
    }
    if (!m_system) {
        m_outcomeLabel->setText(tr("Choose a demo and press New System, or attach to a running container."));
        return;
    }
    QString text = m_system->outcome();
    const QStringList violated = m_system->violatedInvariants();
    if (!violated.isEmpty())
        text = tr("VIOLATED: %1 — %2").arg(violated.join(QStringLiteral(", ")), text);
    // What exactly is wrong, for the broken invariants.
    QStringList explanations;
    if (!violated.isEmpty()) {
        for (const mas::system::Invariant &invariant : m_system->invariants()) {
            if (invariant.holds && !invariant.holds())
                explanations << QStringLiteral("%1: %2").arg(invariant.name, invariant.explanation());
        }
    }
    m_outcomeLabel->setToolTip(explanations.join(u'\n'));
    if (recordedStepsLeft() > 0)
        text = tr("Counterexample: step %1 of %2 — %3").arg(m_scriptNext).arg(m_script.size()).arg(text);
    m_outcomeLabel->setText(m_running ? tr("Running… %1").arg(text) : text);
    if (!m_running)
        updateActions();
}

void InspectorWindow::reportError(const Error &error)
{
    if (error.isError())
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
            QCoro::connect(openSession(f), this, [this](const Result<void> &r) { reportError(r.error()); });
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void InspectorWindow::closeEvent(QCloseEvent *event)
{
    pause();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace mas::ui
