// SPDX-License-Identifier: MIT
#include "inspectorwindow.h"

#include "models/agenttreemodel.h"
#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "models/pendingmodel.h"
#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"
#include "widgets/clockpanel.h"
#include "widgets/messagedetailswidget.h"

#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/codec/codec.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSaveFile>
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

namespace mas::ui {

namespace {

constexpr auto kQueueId = "inspector";
constexpr int kMaxRecent = 8;

Value parametersToValue(const QString &demo, const mas::demos::DemoParameters &p)
{
    Value::Map params;
    params.emplace_back(Value("agents"), Value(p.agents));
    params.emplace_back(Value("seed"), Value(qint64(p.seed)));
    params.emplace_back(Value("faulty"), Value(p.faulty));
    params.emplace_back(Value("initiators"), Value(p.initiators));
    params.emplace_back(Value("codec"), Value(p.codec));
    Value::Map header;
    header.emplace_back(Value("mas-session"), Value(1));
    header.emplace_back(Value("demo"), Value(demo));
    header.emplace_back(Value("parameters"), Value(std::move(params)));
    return Value(std::move(header));
}

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
    buildMenus();

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
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 860);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateRecentMenu();
    updateActions();
    updateStatus();
}

InspectorWindow::~InspectorWindow()
{
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
    m_agentTree = new QTreeView(this);
    m_agentTree->setModel(m_agents);
    m_agentTree->setAccessibleName(tr("Containers and agents"));
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
        QCoro::connect(replayTo(m_store->at(row).sequence), this, [this](const Result<void> &r) { reportError(r.error()); });
    });

    // The tool bar: the demo and its parameters, then the stepping controls.
    auto *systemBar = addToolBar(tr("System"));
    systemBar->setObjectName(QStringLiteral("systemToolBar"));
    m_demoBox = new QComboBox(this);
    m_demoBox->setAccessibleName(tr("Demo system"));
    for (const mas::demos::DemoInfo &demo : mas::demos::demos())
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

    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    for (QAction *a : {m_stepAction, m_runAction, m_pauseAction, m_idleAction})
        runMenu->addAction(a);
    runMenu->addSeparator();
    for (QAction *a : {m_deliverAction, m_dropAction, m_duplicateAction, m_delayAction})
        runMenu->addAction(a);
    runMenu->addSeparator();
    runMenu->addAction(m_replayToAction);

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

mas::demos::DemoParameters InspectorWindow::toolbarParameters() const
{
    mas::demos::DemoParameters p;
    p.agents = m_agentCount->value();
    p.seed = quint32(m_seed->value());
    p.faulty = m_faulty->isChecked();
    return p;
}

void InspectorWindow::newSystemFromToolbar()
{
    reportError(newSystem(m_demoBox->currentData().toString(), toolbarParameters()).error());
}

Result<void> InspectorWindow::newSystem(const QString &demoId, const mas::demos::DemoParameters &parameters)
{
    const mas::demos::DemoInfo *demo = mas::demos::findDemo(demoId);
    if (!demo)
        return Error(ErrorCode::InvalidArgument, tr("There is no demo called \"%1\"").arg(demoId));
    pause();
    // A fresh network: the old system goes first, then the queues and the log.
    m_pending->setQueue(nullptr);
    m_agents->clear();
    m_clockPanel->setClock(nullptr);
    disconnect(m_eventConnection);
    m_system.reset();
    LocalQueue::clearCache();
    m_store->clear();
    m_details->clear();

    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    net->setRecording(true);
    m_eventConnection = connect(net, &LocalNetwork::eventRecorded, this, &InspectorWindow::onEvent);
    Result<std::unique_ptr<mas::demos::DemoSystem>> built = demo->build(QString::fromLatin1(kQueueId), parameters);
    if (!built)
        return built.error();
    m_system = std::move(*built);
    m_demoId = demoId;
    const int index = m_demoBox->findData(demoId);
    if (index >= 0)
        m_demoBox->setCurrentIndex(index);
    m_agentCount->setValue(parameters.agents);
    m_seed->setValue(int(parameters.seed));
    m_faulty->setChecked(parameters.faulty);
    for (Container *c : m_system->containers())
        m_agents->addContainer(c);
    m_agentTree->expandAll();
    m_pending->setQueue(m_system->queue());
    m_clockPanel->setClock(m_system->clock());
    connect(m_system.get(), &mas::demos::DemoSystem::stateChanged, this, &InspectorWindow::updateStatus);
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

void InspectorWindow::onEvent(const QueueEvent &event)
{
    m_store->append(event);
}

Result<void> InspectorWindow::stepOnce()
{
    if (!m_system)
        return Error(ErrorCode::InvalidArgument, tr("No system is running"));
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
    // The first message is delivered even if it matches: "run" from a breakpoint goes on.
    bool first = true;
    std::optional<PendingMessage> hit = co_await LocalNetwork::instance()->runUntil(
        [this, &first](const PendingMessage &m) {
            const bool stop = m_pauseRequested || (!first && breakpointMatches(m));
            first = false;
            return stop;
        },
        1'000'000, true);
    if (!self)
        co_return;
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
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::InvalidArgument, tr("Cannot write %1: %2").arg(fileName, file.errorString()));
    const std::unique_ptr<Codec> json = Codec::create(u"json").value();
    QByteArray header = json->encodeValue(parametersToValue(m_demoId, m_system->parameters())).value();
    header += '\n';
    file.write(header);
    if (Result<void> r = LocalNetwork::instance()->eventLog().write(&file); !r)
        return r;
    if (!file.commit())
        return Error(ErrorCode::InvalidArgument, tr("Cannot write %1: %2").arg(fileName, file.errorString()));
    addRecentFile(fileName);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(fileName).fileName()), 5000);
    return {};
}

QCoro::Task<Result<void>> InspectorWindow::openSession(QString fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        co_return Error(ErrorCode::InvalidArgument, tr("Cannot read %1: %2").arg(fileName, file.errorString()));
    const std::unique_ptr<Codec> json = Codec::create(u"json").value();
    Result<Value> header = json->decodeStructural(file.readLine().trimmed());
    if (!header || !header->isMap() || !header->contains(u"mas-session"))
        co_return Error(ErrorCode::InvalidMessage, tr("%1 is not a MAS session").arg(fileName));
    Result<EventLog> log = EventLog::read(&file);
    if (!log)
        co_return log.error();
    const Value params = header->value(u"parameters");
    mas::demos::DemoParameters p;
    p.agents = int(params.value(u"agents").toInt());
    p.seed = quint32(params.value(u"seed").toInt());
    p.faulty = params.value(u"faulty").toBool();
    p.initiators = int(params.value(u"initiators").toInt());
    if (params.value(u"codec").isString())
        p.codec = params.value(u"codec").toString();
    // No temporaries inside a co_await expression: GCC 12 may destroy them twice.
    const QString demoId = header->value(u"demo").toString();
    EventLog events = std::move(*log);
    Result<void> r = co_await replayLog(std::move(events), demoId, p);
    if (r)
        addRecentFile(fileName);
    co_return r;
}

QCoro::Task<Result<void>> InspectorWindow::replayTo(quint64 sequence)
{
    std::vector<QueueEvent> events;
    for (const QueueEvent &e : m_store->events()) {
        if (e.sequence > sequence)
            break;
        events.push_back(e);
    }
    EventLog log(std::move(events));
    const mas::demos::DemoParameters parameters = m_system ? m_system->parameters() : mas::demos::DemoParameters{};
    const QString demoId = m_demoId;
    Result<void> r = co_await replayLog(std::move(log), demoId, parameters);
    co_return r;
}

QCoro::Task<Result<void>> InspectorWindow::replayLog(EventLog log, const QString &demoId,
                                                     mas::demos::DemoParameters parameters)
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
    // A session file starts with its header line; a plain log does not.
    const QByteArray first = file.peek(64);
    if (first.contains("mas-session"))
        file.readLine();
    MAS_TRY(other, EventLog::read(&file));
    m_store->flush();
    const std::optional<qsizetype> at = EventLog::firstDifference(m_store->toLog(), other);
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

void InspectorWindow::updateActions()
{
    const bool hasSystem = bool(m_system);
    const bool hasPending = selectedPendingId() != 0;
    m_stepAction->setEnabled(hasSystem && !m_running);
    m_runAction->setEnabled(hasSystem && !m_running);
    m_idleAction->setEnabled(hasSystem && !m_running);
    m_pauseAction->setEnabled(m_running);
    for (QAction *a : {m_deliverAction, m_dropAction, m_duplicateAction, m_delayAction})
        a->setEnabled(hasSystem && hasPending && !m_running);
    m_saveAction->setEnabled(hasSystem);
    m_replayToAction->setEnabled(hasSystem && !m_running);
}

void InspectorWindow::updateStatus()
{
    LocalNetwork *net = LocalNetwork::instance();
    const ExternalClock *clock = m_system ? m_system->clock() : nullptr;
    m_timeLabel->setText(clock ? tr("t = %1 s").arg(clock->time()) : tr("real time"));
    m_timeLabel->setToolTip(clock ? clock->utcNow().toString(Qt::ISODate) : QString());
    m_pendingLabel->setText(tr("%n pending", nullptr, int(net->pendingCount())));
    m_eventsLabel->setText(tr("%n event(s)", nullptr, int(m_store->size())));
    if (!m_system) {
        m_outcomeLabel->setText(tr("Choose a demo and press New System."));
        return;
    }
    QString text = m_system->outcome();
    const QStringList violated = m_system->violatedInvariants();
    if (!violated.isEmpty())
        text = tr("VIOLATED: %1 — %2").arg(violated.join(QStringLiteral(", ")), text);
    m_outcomeLabel->setText(m_running ? tr("Running… %1").arg(text) : text);
    if (!m_running)
        updateActions();
}

void InspectorWindow::reportError(const Error &error)
{
    if (error.isError())
        statusBar()->showMessage(error.message(), 8000);
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
