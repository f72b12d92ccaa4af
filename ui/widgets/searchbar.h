// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

class QAbstractItemView;
class QAction;
class QLabel;
class QLineEdit;
class QToolButton;

namespace mas::ui {

class EventFilterModel;

/// The message table's search: a field whose text filters the table (EventFilterModel's
/// search: what the table says of a message, its label, names and event), the hit count ("3 of
/// 12": the current row among the hits, or "12 hits"), and Previous / Next (Shift+F3 / F3,
/// the platform's Find Previous / Find Next keys), which move the table's current row among
/// the hits, wrapping around.
class SearchBar : public QWidget
{
    Q_OBJECT

public:
    /// Searches `filter` (not owned), the model `view` shows.
    SearchBar(EventFilterModel *filter, QAbstractItemView *view, QWidget *parent = nullptr);
    ~SearchBar() override;

    QLineEdit *lineEdit() const { return m_field; }
    /// The hits: rows the filter shows while a search text is set; 0 without one.
    int hitCount() const;
    /// The current row's place among the hits, from 1 (0: none current).
    int currentHit() const;
    /// "3 of 12", "12 hits", "no hits", or empty without a search text.
    QString hitText() const;
    QAction *nextAction() const { return m_next; }
    QAction *previousAction() const { return m_previous; }

public Q_SLOTS:
    /// Makes the next (previous) hit the current row, wrapping around.
    void findNext();
    void findPrevious();

private:
    void move(int step);
    void updateCount();

    QPointer<EventFilterModel> m_filter;
    QPointer<QAbstractItemView> m_view;
    QLineEdit *m_field = nullptr;
    QLabel *m_count = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
};

} // namespace mas::ui
