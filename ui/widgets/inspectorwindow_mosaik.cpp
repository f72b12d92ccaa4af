// SPDX-License-Identifier: MIT
// The Inspector hosting a mosaik simulator: the co-simulation's messages in the views, its
// simulated time in the clock panel, its steps held and continued from the Co-simulation panel.
#include "inspectorwindow.h"

#include "models/agenttreemodel.h"
#include "widgets/clockpanel.h"
#include "widgets/cosimulationpanel.h"
#include "widgets/mosaikdialog.h"

#include <mas/observe/mosaiksession.h>

#include <QAction>
#include <QDockWidget>
#include <QStatusBar>
#include <QTreeView>

namespace mas::ui {

namespace {
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
    m_cosimPanel = new CoSimulationPanel(this);
    m_cosimPanel->setSession(mosaikSession());
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
    return m_session->hostMosaikSimulator(hostPort);
}

QCoro::Task<Result<void>> InspectorWindow::connectMosaikSimulator(QString hostPort)
{
    return m_session->connectMosaikSimulator(std::move(hostPort));
}

void InspectorWindow::startMosaikView()
{
    mosaik::Simulator *simulator = mosaikSession()->simulator();
    m_clockPanel->setClock(simulator->clock());
    m_clockPanel->setDrivenBy(tr("mosaik drives this clock: each step sets it to step × time_resolution."));
    m_cosimPanel->setSession(mosaikSession()); // applies the hold settings to the new simulator
    m_cosimDock->show();
    m_cosimDock->raise();
    updateActions();
    updateStatus();
    Q_EMIT systemChanged();
}

void InspectorWindow::showMosaikEntities()
{
    mosaik::Simulator *simulator = mosaikSession()->simulator();
    if (!simulator)
        return;
    QList<AgentTreeModel::RemoteAgent> rows;
    addEntities(simulator->entities(), simulator->sid(), rows);
    m_agents->clear();
    m_agents->addRemoteContainer(mosaikSession()->simulatorName(), rows);
    m_agentTree->expandAll();
}

void InspectorWindow::showMosaikDialog()
{
    MosaikDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.waitsForMosaik()) {
        Result<Address> listening = hostMosaikSimulator(dialog.address());
        reportError(listening.error());
    } else {
        QCoro::connect(connectMosaikSimulator(dialog.address()), this, [this](const Result<void> &r) { reportError(r.error()); });
    }
}

} // namespace mas::ui
