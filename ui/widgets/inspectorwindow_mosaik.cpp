// SPDX-License-Identifier: MIT
// The Inspector hosting a mosaik simulator: the co-simulation's messages in the views, its
// simulated time in the clock panel, its steps held and continued from the Co-simulation panel.
#include "inspectorwindow.h"
#include "inspectorwindow_p.h"

#include "models/agenttreemodel.h"
#include <mas/mosaik/mosaiksession.h>
#include "widgets/clockpanel.h"
#include "widgets/cosimulationpanel.h"

#include <mas/mosaik/counter.h>

#include <mas/clock/clock.h>

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTreeView>

namespace mas::ui {

namespace {
std::unique_ptr<mosaik::Simulator> makeCounter()
{
    return std::make_unique<mas::mosaik::CounterSimulator>();
}

void addEntities(const std::vector<mosaik::Entity> &entities, const QString &sid,
                 QList<AgentTreeModel::RemoteAgent> &rows)
{
    for (const mosaik::Entity &e : entities) {
        rows.append({e.eid, e.type, sid.isEmpty() ? e.eid : sid + u'.' + e.eid});
        addEntities(e.children, sid, rows);
    }
}
} // namespace

void InspectorWindow::buildCoSimulation()
{
    m_mosaik = new MosaikSession(this);
    connect(m_mosaik, &MosaikSession::eventRecorded, this,
            [this](const TrafficEvent &e) { appendExternal(e, detail::kFromMosaik); });
    connect(m_mosaik, &MosaikSession::stateChanged, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(m_mosaik, &MosaikSession::entitiesChanged, this, &InspectorWindow::showMosaikEntities);

    m_cosimPanel = new CoSimulationPanel(this);
    m_cosimPanel->setSession(m_mosaik);
    m_cosimDock = new QDockWidget(tr("Co-simulation"), this);
    m_cosimDock->setObjectName(QStringLiteral("cosimulationDock"));
    m_cosimDock->setWidget(m_cosimPanel);
    m_cosimDock->setToolTip(tr("A mosaik simulator hosted by the Inspector: hold the co-simulation at a step"));
    addDockWidget(Qt::LeftDockWidgetArea, m_cosimDock);
    m_cosimDock->hide(); // shown when a simulator is hosted

    m_mosaikAction = new QAction(tr("Host a &mosaik Simulator…"), this);
    m_mosaikAction->setToolTip(tr("Run the Counter simulator for a mosaik co-simulation, watch its "
                                  "messages and hold it at a step"));
    m_mosaikAction->setStatusTip(m_mosaikAction->toolTip());
    connect(m_mosaikAction, &QAction::triggered, this, &InspectorWindow::showMosaikDialog);
}

Result<Address> InspectorWindow::hostMosaikSimulator(const QString &hostPort)
{
    clearSystem();
    Result<Address> address = m_mosaik->listen(makeCounter, tr("Counter"), hostPort);
    if (!address)
        return address.error();
    startMosaikView();
    return address;
}

QCoro::Task<Result<void>> InspectorWindow::connectMosaikSimulator(QString hostPort)
{
    QPointer<InspectorWindow> self(this);
    clearSystem();
    QCoro::Task<Result<void>> connecting = m_mosaik->connectTo(makeCounter, tr("Counter"), hostPort);
    if (m_mosaik->simulator()) // made before the connection attempt
        startMosaikView();
    Result<void> r = co_await std::move(connecting);
    if (self)
        updateStatus();
    co_return r;
}

void InspectorWindow::startMosaikView()
{
    mosaik::Simulator *simulator = m_mosaik->simulator();
    m_clockPanel->setClock(simulator->clock());
    m_clockPanel->setDrivenBy(tr("mosaik drives this clock: each step sets it to step × time_resolution."));
    connect(simulator->clock(), &Clock::timeChanged, this, &InspectorWindow::updateStatus);
    m_cosimPanel->setSession(m_mosaik); // applies the hold settings to the new simulator
    m_cosimDock->show();
    m_cosimDock->raise();
    setWindowTitle(tr("mosaik co-simulation — MAS Inspector"));
    updateActions();
    updateStatus();
    Q_EMIT systemChanged();
}

void InspectorWindow::showMosaikEntities()
{
    mosaik::Simulator *simulator = m_mosaik->simulator();
    if (!simulator)
        return;
    QList<AgentTreeModel::RemoteAgent> rows;
    addEntities(simulator->entities(), simulator->sid(), rows);
    m_agents->clear();
    m_agents->addRemoteContainer(m_mosaik->simulatorName(), rows);
    m_agentTree->expandAll();
}

void InspectorWindow::showMosaikDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Host a mosaik Simulator"));
    auto *mode = new QComboBox(&dialog);
    mode->addItem(tr("Wait for mosaik to connect"), QStringLiteral("listen"));
    mode->addItem(tr("Connect to mosaik"), QStringLiteral("connect"));
    mode->setCurrentIndex(qMax(0, mode->findData(QSettings().value(QStringLiteral("mosaik/mode")))));
    auto *address = new QLineEdit(&dialog);
    address->setText(QSettings().value(QStringLiteral("mosaik/address"), QStringLiteral("127.0.0.1:5678")).toString());
    address->setToolTip(tr("HOST:PORT"));
    auto *hint = new QLabel(&dialog);
    hint->setWordWrap(true);
    hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const auto updateHint = [mode, address, hint] {
        if (mode->currentData().toString() == u"listen")
            hint->setText(tr("In the scenario: sim_config = {\"Counter\": {\"connect\": \"%1\"}}").arg(address->text()));
        else
            hint->setText(tr("mosaik must already listen there: the address its \"cmd\" starter passes as %(addr)s."));
    };
    updateHint();
    connect(mode, &QComboBox::currentIndexChanged, &dialog, updateHint);
    connect(address, &QLineEdit::textChanged, &dialog, updateHint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Host"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Simulator:"), new QLabel(tr("Counter (the reference simulator of the mosaik recordings)"), &dialog));
    form->addRow(tr("&Start:"), mode);
    form->addRow(tr("&Address:"), address);
    form->addRow(hint);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings().setValue(QStringLiteral("mosaik/mode"), mode->currentData());
    QSettings().setValue(QStringLiteral("mosaik/address"), address->text());
    if (mode->currentData().toString() == u"listen") {
        Result<Address> listening = hostMosaikSimulator(address->text());
        reportError(listening.error());
    } else {
        QCoro::connect(connectMosaikSimulator(address->text()), this, [this](const Result<void> &r) { reportError(r.error()); });
    }
}

} // namespace mas::ui
