// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QTableView;
class QTimer;

namespace mas::ui {

/// Keeps a table's columns as wide as what they show: the header's text and the cells on screen,
/// measured again when rows come, change or scroll into view. Columns only grow while the rows
/// stay (no jitter while scrolling); a model reset measures afresh. The last column may stretch
/// over the rest of the view instead (`stretchLast`): its cells are elided there, so the model
/// should give their full text as tooltips. Cheap with 100,000 rows: only the rows on screen are
/// measured, at most once per event-loop turn. Owned by the view.
class ColumnFitter : public QObject
{
    Q_OBJECT

public:
    explicit ColumnFitter(QTableView *view, bool stretchLast);

    /// Measures now instead of at the next event-loop turn.
    void fit();

private:
    void schedule();

    QPointer<QTableView> m_view;
    bool m_stretchLast = false;
    bool m_shrink = true; // after a reset: the widths of the old rows no longer count
    QTimer *m_timer = nullptr; // a child: part of the window, as the event loop sees it
};

} // namespace mas::ui
