// SPDX-License-Identifier: MIT
#pragma once

#include <mas/system/necessity.h>

#include <QPointer>
#include <QWidget>

#include <optional>
#include <vector>

class QDockWidget;
class QLabel;
class QListWidget;
class QMainWindow;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace mas::ui {

class InspectorSession;

/// "Why": which steps of an open counterexample (found by Explore, or opened from a file) are
/// necessary and which incidental, and which deliveries had to overtake which, one sentence per
/// choice (mas::system::NecessityAnalysis, through InspectorSession::analyseCounterexample()).
/// Analyse starts it without blocking the window (a progress bar and Cancel show meanwhile);
/// afterwards the counterexample is shown played to its end, and clicking a step or a sentence
/// selects its message in the table and the sequence diagram.
class WhyPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WhyPanel(QWidget *parent = nullptr);

    /// Tall enough for every step of the counterexample (or the report) without scrolling.
    QSize sizeHint() const override;

    /// Creates the panel in a dock of `window` ("whyDock", hidden until a counterexample is
    /// open), tabified with `beside` when given, following `session`. When the dock shows, and
    /// when a report comes, it grows to sizeHint()'s height (at most 55 % of the window's)
    /// at the cost of the docks above it, once per counterexample: the user's size stays.
    static WhyPanel *install(QMainWindow *window, InspectorSession *session, QDockWidget *beside);

    void setSession(InspectorSession *session);

    /// Starts the analysis of the open counterexample (does nothing while one runs).
    void analyse();
    /// Stops a running analysis after its current re-execution.
    void cancel();
    bool isAnalysing() const { return m_analysing; }

    /// The last analysis' report, while it belongs to the counterexample open.
    const std::optional<mas::system::NecessityReport> &report() const { return m_report; }
    /// One row per step (columns: number, mark, step); a row's MessageIdRole is its message's id.
    QTreeWidget *steps() const { return m_steps; }
    /// One row per sentence; MessageIdRole is the id of the message that had to go first.
    QListWidget *sentences() const { return m_sentences; }
    QPushButton *analyseButton() const { return m_analyse; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QString summary() const;
    static constexpr int MessageIdRole = Qt::UserRole + 1;
    static constexpr int NecessaryRole = Qt::UserRole + 2;

Q_SIGNALS:
    /// A counterexample was opened or closed (the panel has something to show, or not).
    void availabilityChanged(bool available);
    /// An analysis ended: with a report, cancelled (an incomplete report) or with an error.
    void finished();

private:
    void sessionChanged();
    void show(const mas::system::NecessityReport &report);
    void clearReport();
    void select(quint64 messageId);
    void updateButtons();
    void fitDock();
    int stepRows() const; // the rows the list of steps has, or will have after Analyse

    QPointer<InspectorSession> m_session;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_steps = nullptr;
    QListWidget *m_sentences = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_analyse = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_analysing = false;
    bool m_available = false;
    std::optional<mas::system::NecessityReport> m_report;
    std::vector<std::pair<int, quint64>> m_reportSchedule; // the counterexample the report is of
    QString m_error;
    QPointer<QMainWindow> m_window;
    QPointer<QDockWidget> m_dock;
    int m_fittedRows = -1; // the rows the dock was last grown for (-1: not yet)
};

} // namespace mas::ui
