// SPDX-License-Identifier: MIT
#include "causalactions.h"

#include "models/causalslicer.h"
#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "session/inspectorsession.h"
#include "views/sequencediagramview.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTableView>
#include <QTimer>

namespace mas::ui {

CausalActions::CausalActions(InspectorSession *session, QTableView *table, EventFilterModel *filter,
                             EventTableModel *model, SequenceDiagramView *diagram, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_table(table)
    , m_filter(filter)
    , m_model(model)
{
    m_slicer = new CausalSlicer(session->store(), session->viewStore(), this);
    model->setCausalSlicer(m_slicer);
    filter->setCausalSlicer(m_slicer);
    diagram->setCausalSlicer(m_slicer);

    m_slice = new QAction(tr("Causal &Slice"), this);
    m_slice->setCheckable(true);
    m_slice->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_slice->setToolTip(tr("Highlight what the selected event depends on (its past, blue) and what depends on it "
                           "(its future, orange); everything else is dimmed"));
    m_slice->setStatusTip(m_slice->toolTip());
    connect(m_slice, &QAction::toggled, this, &CausalActions::setSliceMode);

    m_sliceOnly = new QAction(tr("Show &Only the Slice"), this);
    m_sliceOnly->setCheckable(true);
    m_sliceOnly->setToolTip(tr("While a causal slice is shown, the table lists only its events"));
    m_sliceOnly->setStatusTip(m_sliceOnly->toolTip());
    connect(m_sliceOnly, &QAction::toggled, filter, &EventFilterModel::setSliceOnly);

    m_end = new QAction(tr("&End Causal Slice"), this);
    m_end->setShortcut(QKeySequence(Qt::Key_Escape));
    m_end->setEnabled(false);
    connect(m_end, &QAction::triggered, this, [this] { m_slice->setChecked(false); });

    m_fold = new QAction(tr("Fold Repeated &Rounds"), this);
    m_fold->setCheckable(true);
    m_fold->setToolTip(tr("Show each run of repeated rounds (the same messages between the same agents, again and "
                          "again) as one row; double-click it to expand"));
    m_fold->setStatusTip(m_fold->toolTip());
    connect(m_fold, &QAction::toggled, m_slicer, &CausalSlicer::setFolding);

    // The event chosen: a table row, or a row clicked in the diagram.
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            chooseEvent(m_filter->mapToSource(current).row());
    });
    connect(diagram, &SequenceDiagramView::eventClicked, this, &CausalActions::chooseEvent);
    // A cleared selection ends the slice, unless an event (a clock move, a connection: no
    // message) was chosen in the same go.
    connect(session->viewStore(), &EventStore::selectedMessageChanged, this, [this](quint64 id) {
        if (id != 0 || !m_slice->isChecked())
            return;
        const int generation = ++m_generation;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation)
                m_slice->setChecked(false);
        });
    });
    connect(table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const qsizetype row = m_filter->mapToSource(index).row();
        if (m_slicer->toggleFold(row))
            selectRow(row);
    });
    connect(m_slicer, &CausalSlicer::sliceChanged, this, [this] {
        m_end->setEnabled(m_slicer->isActive());
        announce();
    });
    connect(m_slicer, &CausalSlicer::rowsChanged, this, &CausalActions::announce); // the counts grew
}

CausalActions::~CausalActions() = default;

void CausalActions::addTo(QMenu *menu)
{
    for (QAction *a : {m_slice, m_sliceOnly, m_end, m_fold})
        menu->addAction(a);
}

void CausalActions::setSliceMode(bool on)
{
    if (!on) {
        m_slicer->clear();
        m_end->setEnabled(false);
        return;
    }
    const QModelIndex current = m_table ? m_table->currentIndex() : QModelIndex();
    if (current.isValid())
        m_slicer->sliceAt(m_filter->mapToSource(current).row());
    else
        Q_EMIT message(tr("Select an event to see its causal slice"), 5000);
    m_end->setEnabled(true); // Esc leaves the mode even before an event is chosen
}

void CausalActions::chooseEvent(qsizetype shownIndex)
{
    ++m_generation;
    if (m_slice->isChecked() && shownIndex >= 0)
        m_slicer->sliceAt(shownIndex);
}

void CausalActions::selectRow(qsizetype shownIndex)
{
    if (!m_table || !m_model)
        return;
    const QModelIndex row = m_filter->mapFromSource(m_model->index(int(shownIndex), 0));
    if (row.isValid()) {
        m_table->setCurrentIndex(row);
        m_table->scrollTo(row);
    }
}

void CausalActions::announce()
{
    if (!m_slicer->isActive())
        return;
    const qsizetype row = m_slicer->sliceRow();
    const EventStore *shown = m_session ? m_session->viewStore() : nullptr;
    const QString event = shown && row >= 0 ? QStringLiteral("#%1").arg(shown->at(row).sequence) : QString();
    Q_EMIT message(tr("Causal slice of event %1: %n event(s) before it, %2 after it", nullptr, int(m_slicer->pastCount()))
                       .arg(event)
                       .arg(m_slicer->futureCount()),
                   0);
}

Result<qsizetype> CausalActions::compareWith(const QString &logFile)
{
    MAS_TRY(comparison, m_session->compareWith(logFile));
    return showComparison(comparison.text, comparison.divergence);
}

Result<qsizetype> CausalActions::compareWith(const TrafficLog &other, const QString &fileName)
{
    MAS_TRY(comparison, m_session->compareWith(other, fileName));
    return showComparison(comparison.text, comparison.divergence);
}

qsizetype CausalActions::showComparison(const QString &text, const RunDivergence &d)
{
    m_comparison = text;
    EventStore *store = m_session->store();
    if (d.identical)
        return qsizetype(-1);
    if (d.eventA < 0)
        return store->size();
    // this run's divergent choice, as shown (the first shown event at or after it)
    EventStore *shown = m_session->viewStore();
    qsizetype row = 0;
    while (row < shown->size() && shown->baseIndex(row) < d.eventA)
        ++row;
    if (row < shown->size())
        selectRow(row);
    return d.eventA;
}

} // namespace mas::ui
