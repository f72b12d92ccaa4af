// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/value.h>
#include <mas/trace/trafficlog.h>

#include <QPointer>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace mas::ui {

class InspectorSession;

/// What an open counterexample breaks, and where: the step that breaks the invariant and the
/// state fields of the agents it involves (or changes) before → after it, changed fields
/// highlighted. Filled from an InspectorSession (its violatingStep() and the states before and
/// after it); empty while no counterexample is open. A counterexample the user left stays as a
/// record (InspectorSession::leftCounterexampleAt()): the panel says where it was left and how to
/// follow it again. While a replay goes on, it shows what it showed before, until the replay ends.
class ViolationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ViolationPanel(QWidget *parent = nullptr);

    /// Shows `session`'s counterexample (null: nothing) and follows its changes.
    void setSession(InspectorSession *session);

    /// The line above the states (which step breaks which invariant, and whether it was played).
    QString summary() const;
    /// Why the invariant fails (InspectorSession::violationExplanation()'s text); empty until
    /// the violating step was played.
    QString explanation() const;
    /// The states shown: one top-level item per agent (its display name), one child per field
    /// (columns: field, before, after); a changed field's item has ChangedRole true (bold on the
    /// violation colour), a field the explanation names InvolvedRole true (underlined, marked);
    /// an agent item has InvolvedRole true when the explanation names the agent.
    QTreeWidget *states() const { return m_states; }
    static constexpr int ChangedRole = Qt::UserRole + 1;
    static constexpr int InvolvedRole = Qt::UserRole + 2;
    /// The agent's address on a top-level item.
    static constexpr int AddressRole = Qt::UserRole + 3;

    /// The violating step as a sentence in the user's language, with the message's label and the
    /// agents' display names: "election(25) from node 1 (id 46) was delivered to node 2 (id 25)".
    QString describeStep(const TrafficEvent &step) const;

Q_SIGNALS:
    /// Something to show appeared or went (a counterexample was opened or closed).
    void availabilityChanged(bool available);

private:
    void refresh();
    /// An address by its display name; one recorded on another run's queue (a counterexample
    /// not played yet) by the name of the agent at the same place in this run.
    QString nameOf(const QString &address) const;

    QPointer<InspectorSession> m_session;
    QLabel *m_summary = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_legend = nullptr;
    QTreeWidget *m_states = nullptr;
    bool m_available = false;
};

} // namespace mas::ui
