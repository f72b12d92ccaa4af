// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/result.h>
#include <mas/system/lookahead.h>

#include <QCoro/QCoroTask>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QToolBar>

class QAction;
class QLabel;
class QMainWindow;
class QMenu;
class QModelIndex;
class QPoint;
class QSpinBox;
class QTableView;
class QTimer;

namespace mas::ui {

class InspectorSession;
class PendingMessagesModel;

/// The look-ahead while stepping: after every step a bounded search from the current state runs
/// in a child process (`mas explore --lookahead-serve`, mas::system::LookAheadClient), without
/// blocking the window, and marks each pending message: it leads to a violation within k steps
/// (of which invariant), it is safe for every order within k steps, or it is not known yet.
/// A new step cancels the search of the state before.
///
/// Installs on the window: the tool bar's Look Ahead switch (on by default where the system
/// allows it; for Python programs it is off and its tool tip says why), the k spin box (default
/// 6) and Play Continuation; the marks are icons and tool tips in the pending list's message
/// column (PendingMessagesModel::setAnnotations()). A mark's tool tip, Show Continuation in the
/// pending list's context menu, or Alt+click on it (where the window manager leaves Alt+click to
/// the window) shows the shortest violating continuation; Play Continuation delivers its steps.
class LookAheadActions : public QObject
{
    Q_OBJECT

public:
    LookAheadActions(InspectorSession *session, QTableView *pendingTable, PendingMessagesModel *pending,
                     QObject *parent);
    ~LookAheadActions() override;

    /// Gives the look-ahead its own tool bar ("lookAheadToolBar", "Look Ahead") in `window`, on a
    /// line of its own below the others: the stepping tool bar pushed it into its » overflow
    /// menu in longer languages.
    QToolBar *installToolBar(QMainWindow *window);
    QToolBar *toolBar() const { return m_bar; }
    /// Actions of the window for a pending message (Deliver, Drop, …) that the pending list's
    /// context menu offers below Show and Play Continuation.
    void setContextActions(const QList<QAction *> &actions);
    /// The pending list's context menu for the row of `index` (made current): Show Continuation
    /// and Play Continuation (enabled for a message marked as leading to a violation), then the
    /// context actions. The caller owns the menu.
    QMenu *contextMenuFor(const QModelIndex &index);
    /// Shows the mark of the pending message at `index` (its continuation for a violation) in a
    /// popup at `globalPos` ("continuationPopup", closed by any click or Esc); false without a mark.
    bool showContinuation(const QModelIndex &index, const QPoint &globalPos);
    QAction *showContinuationAction() const { return m_show; }
    /// The `mas` program the search runs in (default: the one beside this program, or the build
    /// tree's); the look-ahead is unavailable without one.
    void setProgram(const QString &program);
    QString program() const;

    QAction *lookAheadAction() const { return m_enabled; }
    QAction *playAction() const { return m_play; }
    QSpinBox *depthBox() const;
    int depth() const;
    void setDepth(int k);
    /// Whether the look-ahead can search the current system (else why in unavailableReason()).
    bool isAvailable() const { return m_reason.isEmpty(); }
    QString unavailableReason() const { return m_reason; }

    /// The marks of the current state so far, by pending message id.
    const QHash<quint64, mas::system::LookAheadMark> &marks() const { return m_marks; }
    /// The number of the search the marks belong to (0: none yet); it grows with every step.
    quint64 currentSearch() const { return m_search; }
    bool isSearching() const;
    /// The text of a message's mark (its tool tip), with the continuation for a violation.
    QString describe(const mas::system::LookAheadMark &mark) const;
    mas::system::LookAheadClient *client() const { return m_client; }

    /// Delivers the steps of the shortest violating continuation of pending message `id`.
    QCoro::Task<Result<void>> playContinuation(quint64 id);

Q_SIGNALS:
    /// A line for the status bar.
    void message(const QString &text, int timeoutMs);
    /// The marks changed (a mark came, or a new search cleared them).
    void marksChanged();
    /// A search of the current state ended ("done", "cancelled", "failed").
    void searchFinished(quint64 search, const QString &end);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void connectClient();
    void systemChanged();
    void stateMaybeChanged();
    void requestSearch();
    void clearMarks();
    void showMarks();
    void updateState();
    QString mapAddress(const QString &address) const;
    QString stepText(const mas::system::ExplorerStep &step) const;

    QPointer<InspectorSession> m_session;
    QPointer<QTableView> m_table;
    QPointer<PendingMessagesModel> m_pending;
    mas::system::LookAheadClient *m_client = nullptr;
    QAction *m_enabled = nullptr;
    QAction *m_play = nullptr;
    QAction *m_show = nullptr;
    QPointer<QToolBar> m_bar;
    QList<QPointer<QAction>> m_contextActions;
    QPointer<QSpinBox> m_depth;
    QPointer<QLabel> m_state;
    QPointer<QLabel> m_popup; // the continuation shown by Show Continuation or Alt+click
    QTimer *m_debounce = nullptr;
    QString m_reason;      // why the look-ahead is unavailable, or empty
    QHash<quint64, mas::system::LookAheadMark> m_marks;
    quint64 m_search = 0;
    QString m_end; // how the current search ended (empty: running or none)
    qsizetype m_searchedAt = -1; // the store's size the current search started from
    bool m_playing = false;
};

} // namespace mas::ui
