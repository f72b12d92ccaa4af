// SPDX-License-Identifier: MIT
#pragma once

#include <mas/system/explorer.h>

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mas::ui {

/// Run → Explore Interleavings…: which property, which search, how much of it.
class ExploreDialog : public QDialog
{
    Q_OBJECT

public:
    /// `properties`: the invariants and goals of the system to explore.
    explicit ExploreDialog(const QStringList &properties, QWidget *parent = nullptr);

    /// The search as chosen (the queue id is the caller's to set).
    mas::system::ExplorerOptions options() const;
    /// "Never:": a state condition checked as an invariant (ExplorerOptions::conditions).
    QLineEdit *conditionField() const { return m_condition; }

private:
    QComboBox *m_property = nullptr;
    QComboBox *m_mode = nullptr;
    QSpinBox *m_schedules = nullptr;
    QSpinBox *m_seconds = nullptr;
    QSpinBox *m_faults = nullptr;
    QLineEdit *m_condition = nullptr;
    QLabel *m_conditionError = nullptr;
};

} // namespace mas::ui
