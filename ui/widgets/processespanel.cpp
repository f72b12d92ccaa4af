// SPDX-License-Identifier: MIT
#include "processespanel.h"

#include <mas/system/processsystem.h>

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace mas::ui {

namespace {

enum Column { NameColumn, StateColumn, ExitColumn, WarningsColumn, ColumnCount };

} // namespace

ProcessesPanel::ProcessesPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(tr("No processes"), this);
    m_status->setObjectName(QStringLiteral("processesStatus"));
    layout->addWidget(m_status);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("processesTable"));
    m_table->setHorizontalHeaderLabels({tr("Process"), tr("State"), tr("Exit status"), tr("Warnings")});
    m_table->setAccessibleName(tr("Processes"));
    m_table->setToolTip(tr("The programs of the system and how they are; select one to see its last lines of stderr"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    // One line a row ("exited with status 1" does not wrap): a few programs fit in the short tab.
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    // The table and the stderr tail share the tab in a splitter, the tail the larger part: at
    // 1280x720 the tab is short, and a traceback needs lines more than the table does (a few
    // programs).
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("processesSplitter"));
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
    split->addWidget(m_table);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() + 2 * fontMetrics().height());
    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(QStringLiteral("processOutput"));
    m_output->setReadOnly(true);
    m_output->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_output->setAccessibleName(tr("Last lines of stderr"));
    m_output->setPlaceholderText(tr("The selected program's last lines of stderr"));
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setMinimumHeight(4 * fontMetrics().height());
    split->addWidget(m_output);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({2000, 3000}); // relative weights: two fifths for the table, three for the tail
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ProcessesPanel::showOutput);
}

void ProcessesPanel::setSystem(mas::system::ProcessSystem *system)
{
    if (m_system)
        disconnect(m_system, nullptr, this, nullptr);
    m_system = system;
    if (system) {
        connect(system, &mas::system::ProcessSystem::processChanged, this, &ProcessesPanel::scheduleRefresh);
        connect(system, &mas::system::ProcessSystem::processFinished, this, &ProcessesPanel::scheduleRefresh);
        connect(system, &mas::system::ProcessSystem::processWarning, this, &ProcessesPanel::scheduleRefresh);
        connect(system, &mas::system::System::stateChanged, this, &ProcessesPanel::scheduleRefresh);
    }
    refresh();
}

QString ProcessesPanel::outputText() const
{
    return m_output->toPlainText();
}

void ProcessesPanel::scheduleRefresh()
{
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QTimer::singleShot(0, this, &ProcessesPanel::refresh);
}

void ProcessesPanel::refresh()
{
    m_refreshScheduled = false;
    const QList<mas::system::ProcessStatus> processes =
        m_system ? m_system->processes() : QList<mas::system::ProcessStatus>();
    if (processes.isEmpty()) {
        m_table->setRowCount(0);
        m_output->clear();
        m_status->setText(tr("No processes"));
        return;
    }
    int running = 0;
    for (const mas::system::ProcessStatus &p : processes) {
        if (p.state == mas::system::ProcessState::Running || p.state == mas::system::ProcessState::Starting)
            ++running;
    }
    m_status->setText(tr("%n process(es), %1 running", nullptr, int(processes.size())).arg(running));
    m_table->setRowCount(int(processes.size()));
    for (int row = 0; row < processes.size(); ++row) {
        const mas::system::ProcessStatus &p = processes.at(row);
        const auto set = [this, row](int column, const QString &text, const QString &tip = QString()) {
            QTableWidgetItem *item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, column, item);
            }
            if (item->text() != text)
                item->setText(text);
            item->setToolTip(tip.isEmpty() ? text : tip);
        };
        set(NameColumn, p.name, m_system->specs().value(row).command.join(u' '));
        set(StateColumn, p.stateText(), p.error);
        set(ExitColumn, p.exitCode ? QString::number(*p.exitCode) : QString());
        set(WarningsColumn, p.warnings.join(QStringLiteral("; ")), p.warnings.join(u'\n'));
    }
    if (m_table->selectedItems().isEmpty()) {
        // The first program that failed, else the first one.
        int row = 0;
        for (int i = 0; i < processes.size(); ++i) {
            const mas::system::ProcessStatus &p = processes.at(i);
            if ((p.exitCode && *p.exitCode != 0) || p.state == mas::system::ProcessState::Crashed
                || p.state == mas::system::ProcessState::FailedToStart) {
                row = i;
                break;
            }
        }
        m_table->selectRow(row);
    }
    showOutput();
}

void ProcessesPanel::showOutput()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (!m_system || selected.isEmpty()) {
        m_output->clear();
        return;
    }
    const mas::system::ProcessStatus p = m_system->process(selected.constFirst()->row());
    QString text = p.standardError;
    if (!p.error.isEmpty() && !text.contains(p.error))
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + p.error;
    if (m_output->toPlainText() != text)
        m_output->setPlainText(text);
}

} // namespace mas::ui
