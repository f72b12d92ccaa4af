// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace mas::system {
class ProcessSystem;
} // namespace mas::system

namespace mas::ui {

/// The processes of a ProcessSystem (Python programs): one row per program with its name, its
/// state ("running", "exited with status 1", "crashed", ...), its exit status and its warnings
/// (what the runner cannot virtualize, each once), and below the table the last lines of the
/// selected program's stderr (a crashed program's traceback), as selectable text. It follows
/// the system live. The system is not owned (QPointer). Children, found by object name in
/// tests: "processesTable", "processOutput", "processesStatus".
class ProcessesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProcessesPanel(QWidget *parent = nullptr);

    /// null: no processes ("No processes").
    void setSystem(mas::system::ProcessSystem *system);
    mas::system::ProcessSystem *system() const { return m_system; }

    QTableWidget *table() const { return m_table; }
    /// The output pane's text (the selected program's last stderr lines).
    QString outputText() const;

private:
    void scheduleRefresh();
    void refresh();
    void showOutput();

    QPointer<mas::system::ProcessSystem> m_system;
    QTableWidget *m_table = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QLabel *m_status = nullptr;
    bool m_refreshScheduled = false;
};

} // namespace mas::ui
