// SPDX-License-Identifier: MIT
#include "searchbar.h"

#include "models/eventtablemodel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

namespace mas::ui {

SearchBar::SearchBar(EventFilterModel *filter, QAbstractItemView *view, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_view(view)
{
    m_field = new QLineEdit(this);
    m_field->setPlaceholderText(tr("Search messages (method, arguments, sender, receiver)…"));
    m_field->setClearButtonEnabled(true);
    m_field->setAccessibleName(tr("Search messages"));
    m_field->setToolTip(tr("Shows the messages whose label (method and arguments), sender or receiver contains "
                           "this text; F3 and Shift+F3 go to the next and previous one"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("searchHits"));
    m_count->setAccessibleName(tr("Search hits"));
    m_previous = new QAction(tr("Previous Hit"), this);
    m_previous->setShortcuts(QKeySequence::FindPrevious);
    m_previous->setToolTip(tr("Go to the previous message found (Shift+F3)"));
    m_previous->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_next = new QAction(tr("Next Hit"), this);
    m_next->setShortcuts(QKeySequence::FindNext);
    m_next->setToolTip(tr("Go to the next message found (F3)"));
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    // The keys work anywhere in the window.
    for (QAction *a : {m_previous, m_next}) {
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
    }
    connect(m_previous, &QAction::triggered, this, &SearchBar::findPrevious);
    connect(m_next, &QAction::triggered, this, &SearchBar::findNext);
    auto *previousButton = new QToolButton(this);
    previousButton->setDefaultAction(m_previous);
    previousButton->setAutoRaise(true);
    auto *nextButton = new QToolButton(this);
    nextButton->setDefaultAction(m_next);
    nextButton->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_count);
    layout->addWidget(previousButton);
    layout->addWidget(nextButton);

    if (filter) {
        connect(m_field, &QLineEdit::textChanged, filter, &EventFilterModel::setFilterText);
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(filter, signal, this, &SearchBar::updateCount);
        connect(filter, &QAbstractItemModel::modelReset, this, &SearchBar::updateCount);
        connect(filter, &QAbstractItemModel::layoutChanged, this, &SearchBar::updateCount);
        connect(filter, &EventFilterModel::filterChanged, this, &SearchBar::updateCount);
    }
    if (view && view->selectionModel())
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, &SearchBar::updateCount);
    updateCount();
}

SearchBar::~SearchBar() = default;

int SearchBar::hitCount() const
{
    return m_filter && !m_filter->filterText().isEmpty() ? m_filter->rowCount() : 0;
}

int SearchBar::currentHit() const
{
    if (!hitCount() || !m_view)
        return 0;
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() && current.model() == m_filter ? current.row() + 1 : 0;
}

QString SearchBar::hitText() const
{
    if (!m_filter || m_filter->filterText().isEmpty())
        return {};
    const int count = hitCount();
    if (count == 0)
        return tr("no hits");
    const int current = currentHit();
    return current > 0 ? tr("%1 of %2").arg(current).arg(count) : tr("%n hit(s)", nullptr, count);
}

void SearchBar::findNext()
{
    move(1);
}

void SearchBar::findPrevious()
{
    move(-1);
}

void SearchBar::move(int step)
{
    const int count = hitCount();
    if (!count || !m_view)
        return;
    const int current = currentHit();
    int row = current == 0 ? (step > 0 ? 0 : count - 1) : (current - 1 + step + count) % count;
    const QModelIndex index = m_filter->index(row, 0);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    updateCount();
}

void SearchBar::updateCount()
{
    m_count->setText(hitText());
    const bool any = hitCount() > 0;
    m_next->setEnabled(any);
    m_previous->setEnabled(any);
}

} // namespace mas::ui
