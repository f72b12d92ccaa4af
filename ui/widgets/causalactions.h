// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/result.h>
#include <mas/trace/runcompare.h>

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QTableView;

namespace mas::ui {

class CausalSlicer;
class EventFilterModel;
class EventTableModel;
class InspectorSession;
class SequenceDiagramView;

/// The window's entries for causes and comparisons (View → Causal Slice, Show Only the Slice,
/// End Causal Slice (Esc), Fold Repeated Rounds) and the comparison of the run with another
/// run's log, wired to the message table and the sequence diagram through a CausalSlicer.
///
/// With Causal Slice on, the selected event (a row of the table, or a row clicked in the diagram)
/// is sliced: its past and future are tinted in both views, the rest dimmed, and the status bar
/// says how many events each holds. Esc, End Causal Slice, unchecking the entry or clearing the
/// selection ends it. With Fold Repeated Rounds on, repeated rounds collapse into one table row
/// ("▸ ×3 …"); a double-click on it expands or collapses it.
class CausalActions : public QObject
{
    Q_OBJECT

public:
    CausalActions(InspectorSession *session, QTableView *table, EventFilterModel *filter, EventTableModel *model,
                  SequenceDiagramView *diagram, QObject *parent);
    ~CausalActions() override;

    /// Adds the entries to `menu`.
    void addTo(QMenu *menu);

    CausalSlicer *slicer() const { return m_slicer; }
    QAction *sliceAction() const { return m_slice; }
    QAction *sliceOnlyAction() const { return m_sliceOnly; }
    QAction *endSliceAction() const { return m_end; }
    QAction *foldAction() const { return m_fold; }

    /// Compares the run shown with another run's log (by message identity: mas::compareRuns())
    /// and selects this run's divergent event in the table. Returns its index in the store, the
    /// store's size when this run makes no more choices there, or -1 when the runs make the same
    /// choices; lastComparison() says it in words.
    Result<qsizetype> compareWith(const QString &logFile);
    /// compareWith() a log read already (InspectorSession::readLog()) from `fileName`.
    Result<qsizetype> compareWith(const TrafficLog &other, const QString &fileName);
    QString lastComparison() const { return m_comparison; }

Q_SIGNALS:
    /// A line for the status bar.
    void message(const QString &text, int timeoutMs);

private:
    /// Keeps the comparison's text and selects this run's divergent event; where it is.
    qsizetype showComparison(const QString &text, const RunDivergence &d);
    void setSliceMode(bool on);
    void chooseEvent(qsizetype shownIndex);
    void selectRow(qsizetype shownIndex);
    void announce();

    QPointer<InspectorSession> m_session;
    QPointer<QTableView> m_table;
    QPointer<EventFilterModel> m_filter;
    QPointer<EventTableModel> m_model;
    CausalSlicer *m_slicer = nullptr;
    QAction *m_slice = nullptr;
    QAction *m_sliceOnly = nullptr;
    QAction *m_end = nullptr;
    QAction *m_fold = nullptr;
    int m_generation = 0; // bumped by each choice of an event: a cleared selection then is no end
    QString m_comparison;
};

} // namespace mas::ui
