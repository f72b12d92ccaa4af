// SPDX-License-Identifier: MIT
#include "columnfitter.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

namespace mas::ui {

ColumnFitter::ColumnFitter(QTableView *view, bool stretchLast)
    : QObject(view)
    , m_view(view)
    , m_stretchLast(stretchLast)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &ColumnFitter::fit);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(stretchLast);
    view->setWordWrap(false);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &ColumnFitter::schedule);
    const auto follow = [this](QAbstractItemModel *model) {
        if (!model)
            return;
        connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::schedule);
        connect(model, &QAbstractItemModel::dataChanged, this, &ColumnFitter::schedule);
        connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnFitter::schedule);
        connect(model, &QAbstractItemModel::headerDataChanged, this, &ColumnFitter::schedule);
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_shrink = true;
            schedule();
        });
    };
    follow(view->model());
    schedule();
}

void ColumnFitter::schedule()
{
    if (!m_timer->isActive())
        m_timer->start();
}

void ColumnFitter::fit()
{
    m_timer->stop();
    QTableView *view = m_view;
    if (!view || !view->model())
        return;
    QHeaderView *header = view->horizontalHeader();
    const int columns = view->model()->columnCount();
    const int last = m_stretchLast ? header->logicalIndex(header->count() - 1) : -1;
    for (int column = 0; column < columns; ++column) {
        if (column == last || header->isSectionHidden(column))
            continue;
        // sizeHintForColumn() measures the rows on screen (QTableView), the header its text.
        const int needed = qMax(static_cast<QAbstractItemView *>(view)->sizeHintForColumn(column),
                                header->sectionSizeHint(column));
        if (needed > header->sectionSize(column) || (m_shrink && needed < header->sectionSize(column)))
            header->resizeSection(column, needed);
    }
    m_shrink = false;
}

} // namespace mas::ui
