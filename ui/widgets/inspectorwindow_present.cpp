// SPDX-License-Identifier: MIT
// The Inspector's window: the whole-window zoom, presentation mode and the description panel.

#include "inspectorwindow.h"

#include "models/agenttreemodel.h"
#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"
#include "widgets/presentationmode.h"
#include "widgets/systemdescriptionpanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTreeView>

namespace mas::ui {

void InspectorWindow::buildDescription()
{
    m_description = new SystemDescriptionPanel(this);
    m_descriptionDock = new QDockWidget(tr("Description"), this);
    m_descriptionDock->setObjectName(QStringLiteral("descriptionDock"));
    m_descriptionDock->setToolTip(tr("What the system does: its rules, its messages, what must always hold"));
    m_descriptionDock->setWidget(m_description);
    addDockWidget(Qt::LeftDockWidgetArea, m_descriptionDock);
    // Beside the Clock and the Call panel, so that the System tree stays in sight.
    if (auto *clockDock = findChild<QDockWidget *>(QStringLiteral("clockDock")))
        tabifyDockWidget(clockDock, m_descriptionDock);
}

void InspectorWindow::addPresentationActions(QMenu *view)
{
    QAction *zoomIn = view->addAction(tr("Zoom &In"));
    zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    zoomIn->setStatusTip(tr("Larger text in every view and panel"));
    connect(zoomIn, &QAction::triggered, this, [this] { m_presentation->zoomIn(); });
    QAction *zoomOut = view->addAction(tr("Zoom &Out"));
    zoomOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    zoomOut->setStatusTip(tr("Smaller text in every view and panel"));
    connect(zoomOut, &QAction::triggered, this, [this] { m_presentation->zoomOut(); });
    QAction *actualSize = view->addAction(tr("&Actual Size"));
    actualSize->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    actualSize->setStatusTip(tr("Text at its normal size again"));
    connect(actualSize, &QAction::triggered, this, [this] { m_presentation->resetZoom(); });
    m_presentationAction = view->addAction(tr("&Presentation"));
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_presentationAction->setStatusTip(tr("For a projector: larger text, high contrast, the pending list and the "
                                          "diagram first (again to leave)"));
    connect(m_presentationAction, &QAction::toggled, this, [this](bool on) { m_presentation->setPresenting(on); });
}

void InspectorWindow::buildPresentation()
{
    m_presentation = new PresentationMode(this);
    // The pending list and the diagram first: the System tree under the pending list, the
    // diagram (with the graph under it) in place of the table and the message details.
    m_presentation->setPresentationLayout({findChild<QDockWidget *>(QStringLiteral("pendingDock")),
                                           findChild<QDockWidget *>(QStringLiteral("systemDock"))},
                                          {findChild<QSplitter *>(QStringLiteral("centralSplitter"))});
    connect(m_presentation, &PresentationMode::presentingChanged, this, [this](bool on) {
        m_sequence->setHighContrast(on);
        m_graph->setHighContrast(on);
        // The agents' states matter more on a slide than their types.
        m_agentTree->setColumnHidden(AgentTreeModel::TypeColumn, on);
        const QSignalBlocker block(m_presentationAction);
        m_presentationAction->setChecked(on);
    });
}

void InspectorWindow::showDescription()
{
    mas::system::System *system = m_session->system();
    const mas::system::SystemType *type = system ? m_session->systemType(m_session->demoId()) : nullptr;
    if (!type) {
        m_description->clear();
        return;
    }
    const bool another = type->id != m_description->systemId();
    m_description->setSystem(*type, system->invariants(),
                             system->parameters().faulty || m_session->isFileSystem(type->id));
    // Shown when a system is opened (not again when the same one is rebuilt or replayed).
    if (another && !(m_presentation && m_presentation->isPresenting())) {
        m_descriptionDock->show();
        m_descriptionDock->raise();
        // Also when the system opens before the window is shown or its saved layout restored
        // (which picks the tab that was on top last time): raised again once the loop runs.
        QMetaObject::invokeMethod(m_descriptionDock, &QDockWidget::raise, Qt::QueuedConnection);
    }
}

} // namespace mas::ui
