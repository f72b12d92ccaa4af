// SPDX-License-Identifier: MIT
#pragma once

#include "session/statebreakpoints.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace mas::ui {

class InspectorSession;

/// The Inspector's breakpoints on state (View → State breakpoints, a tab beside the clock): an
/// entry field for a condition ("count(is_leader) > 1", the language of
/// mas::system::StateCondition) checked as it is typed, with the error and its column below it;
/// the list of conditions, each with a check box to enable or disable it; Remove; and the last
/// hit, which breakpoint and why ("count(is_leader) = 2: node 1 (id 25), node 3 (id 97)").
///
/// The list is kept in the settings ("breakpoints/state") and comes back with the next window.
class StateBreakpointsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit StateBreakpointsPanel(QWidget *parent = nullptr);

    /// Edits `session`'s StateBreakpoints (loaded from the settings first) and shows its hits.
    void setSession(InspectorSession *session);

    QLineEdit *field() const { return m_field; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QListWidget *list() const { return m_list; }
    /// The field's error ("column 7: expected a field name"), empty when it parses or is empty.
    QString fieldError() const;
    /// The last hit in words (empty: none yet).
    QString hitText() const;

    /// Adds the field's condition (Return or Add): false when it does not parse (the error stays
    /// shown) or there is no session.
    bool addFromField();

private:
    void validate();
    void refresh();
    void showHit(const StateBreakpoints::Hit &hit);
    void save() const;

    QPointer<InspectorSession> m_session;
    QLineEdit *m_field = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_error = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_hit = nullptr;
    bool m_refreshing = false;
};

} // namespace mas::ui
