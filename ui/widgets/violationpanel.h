// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/value.h>

#include <QPointer>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace mas::ui {

class InspectorSession;

/// What an open counterexample breaks, and where: the step that breaks the invariant and the
/// state fields of the agents it involves (or changes) before → after it, changed fields
/// highlighted. Filled from an InspectorSession (its violatingStep() and the states before and
/// after it); empty while no counterexample is open.
class ViolationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ViolationPanel(QWidget *parent = nullptr);

    /// Shows `session`'s counterexample (null: nothing) and follows its changes.
    void setSession(InspectorSession *session);

    /// The line above the states (which step breaks which invariant, and whether it was played).
    QString summary() const;
    /// The states shown: one top-level item per agent, one child per field (columns: field,
    /// before, after); a changed field's item has ChangedRole true.
    QTreeWidget *states() const { return m_states; }
    static constexpr int ChangedRole = Qt::UserRole + 1;

Q_SIGNALS:
    /// Something to show appeared or went (a counterexample was opened or closed).
    void availabilityChanged(bool available);

private:
    void refresh();

    QPointer<InspectorSession> m_session;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_states = nullptr;
    bool m_available = false;
};

} // namespace mas::ui
