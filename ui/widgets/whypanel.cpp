// SPDX-License-Identifier: MIT
#include "whypanel.h"

#include "models/eventstore.h"
#include "models/plumbingfilter.h"
#include "models/propertyname.h"
#include "session/inspectorsession.h"

#include <mas/trace/messagelabel.h>

#include <QCoro/QCoroTask>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mas::ui {

namespace {

/// What identifies a counterexample's schedule (its actions and their frames).
std::vector<std::pair<int, quint64>> identityOf(const std::vector<TrafficEvent> &schedule)
{
    std::vector<std::pair<int, quint64>> identity;
    identity.reserve(schedule.size());
    for (const TrafficEvent &event : schedule)
        identity.emplace_back(int(event.kind), event.messageId);
    return identity;
}

} // namespace

WhyPanel::WhyPanel(QWidget *parent)
    : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_analyse = new QPushButton(tr("&Analyse"), this);
    m_analyse->setToolTip(tr("Re-execute variants of the counterexample to find which of its steps are necessary"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    m_steps = new QTreeWidget(this);
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({tr("#"), tr("Mark"), tr("Step")});
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_steps->setToolTip(tr("Necessary: leaving the step out, or moving it later, makes the run pass. Click a step "
                           "to select its message."));
    m_sentences = new QListWidget(this);
    m_sentences->setWordWrap(true);
    m_sentences->setToolTip(tr("The choices the failure needs: each swapped order passes. Click one to select the "
                               "message that had to go first."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_analyse);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    layout->addWidget(m_steps, 3);
    layout->addWidget(new QLabel(tr("Choices that matter:"), this));
    layout->addWidget(m_sentences, 1);
    connect(m_analyse, &QPushButton::clicked, this, &WhyPanel::analyse);
    connect(m_cancel, &QPushButton::clicked, this, &WhyPanel::cancel);
    connect(m_steps, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            select(item->data(0, MessageIdRole).toULongLong());
    });
    connect(m_sentences, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            select(item->data(MessageIdRole).toULongLong());
    });
    // A click on the current row selects its message again (after another was chosen elsewhere).
    connect(m_steps, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { select(item->data(0, MessageIdRole).toULongLong()); });
    connect(m_sentences, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { select(item->data(MessageIdRole).toULongLong()); });
    sessionChanged();
}

WhyPanel *WhyPanel::install(QMainWindow *window, InspectorSession *session, QDockWidget *beside)
{
    auto *panel = new WhyPanel(window);
    panel->setSession(session);
    auto *dock = new QDockWidget(tr("Why"), window);
    dock->setObjectName(QStringLiteral("whyDock"));
    dock->setWidget(panel);
    dock->setToolTip(tr("Which steps of the open counterexample are necessary, and which deliveries had to "
                        "overtake which"));
    window->addDockWidget(Qt::LeftDockWidgetArea, dock);
    if (beside)
        window->tabifyDockWidget(beside, dock);
    dock->hide();
    connect(panel, &WhyPanel::availabilityChanged, dock, [dock](bool available) {
        dock->setVisible(available);
    });
    panel->m_window = window;
    panel->m_dock = dock;
    // The tab shows (raised, or the counterexample opened): room for its steps.
    connect(dock, &QDockWidget::visibilityChanged, panel, [panel](bool visible) {
        if (visible)
            QTimer::singleShot(0, panel, &WhyPanel::fitDock);
    });
    connect(panel, &WhyPanel::finished, panel, &WhyPanel::fitDock);
    return panel;
}

void WhyPanel::setSession(InspectorSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &InspectorSession::violationChanged, this, &WhyPanel::sessionChanged);
        connect(m_session, &InspectorSession::statusChanged, this, &WhyPanel::updateButtons);
        // A replay rebuilds the system (the counterexample goes and comes back): what it ends with shows.
        connect(m_session, &InspectorSession::replayProgress, this, [this](qsizetype, qsizetype total) {
            if (total < 0)
                sessionChanged();
        });
        // The teaching view hides plumbing: so does the list of steps (View → Show Plumbing).
        if (PlumbingFilter *filter = m_session->plumbingFilter()) {
            connect(filter, &PlumbingFilter::hiddenClassesChanged, this, [this] {
                if (m_report)
                    show(*m_report);
            });
        }
    }
    sessionChanged();
}

int WhyPanel::stepRows() const
{
    if (m_report)
        return m_steps->topLevelItemCount();
    if (!m_session)
        return 0;
    // As show() will list them: the plumbing the teaching view hides in one row.
    const PlumbingFilter *filter = m_session->plumbingFilter();
    int rows = 0;
    bool hidden = false;
    for (const TrafficEvent &event : m_session->counterexampleSchedule()) {
        const bool plumbing = filter && filter->isHidden(mas::classifyTraffic(event));
        rows += plumbing ? 0 : 1;
        hidden |= plumbing;
    }
    return rows + (hidden ? 1 : 0);
}

QSize WhyPanel::sizeHint() const
{
    QSize hint = QWidget::sizeHint();
    const int stepRows = this->stepRows();
    const int rowHeight = m_steps->sizeHintForRow(0) > 0 ? m_steps->sizeHintForRow(0) : fontMetrics().height() + 4;
    const int steps = (stepRows + 1) * rowHeight + m_steps->header()->sizeHint().height() + 2 * m_steps->frameWidth();
    const int sentences = std::max(3, m_sentences->count()) * (fontMetrics().height() + 6) + 2 * m_sentences->frameWidth();
    // The summary and the buttons, the label above the sentences, the spacing and margins.
    const int rest = m_summary->heightForWidth(std::max(width(), 300)) + m_analyse->sizeHint().height()
                     + fontMetrics().height() + 6 * layout()->spacing() + 24;
    hint.setHeight(std::max(hint.height(), steps + sentences + rest));
    return hint;
}

void WhyPanel::fitDock()
{
    if (!m_window || !m_dock || !m_dock->isVisible() || m_dock->isFloating())
        return;
    const int rows = stepRows();
    if (rows == m_fittedRows || rows == 0)
        return; // the user's size stays until there is more to show
    m_fittedRows = rows;
    // At most a bit over half the window: the System and Pending docks above keep some rows.
    const int wanted = std::min(sizeHint().height(), m_window->height() * 11 / 20);
    if (m_dock->height() < wanted)
        m_window->resizeDocks({m_dock}, {wanted}, Qt::Vertical);
}

QString WhyPanel::summary() const
{
    return m_summary->text();
}

void WhyPanel::sessionChanged()
{
    if (m_analysing)
        return; // the analysis takes the system down and opens the counterexample again
    if (m_session && m_session->isReplaying())
        return; // its end (replayProgress()) shows what it opened
    const bool open = m_session && !m_session->counterexampleSchedule().empty();
    if (m_report && (!open || identityOf(m_session->counterexampleSchedule()) != m_reportSchedule))
        clearReport(); // another counterexample, or none
    if (!m_report) {
        m_error.clear();
        m_summary->setText(open ? tr("Counterexample to \"%1\" in %n step(s). Analyse finds which of its steps "
                                     "matter by re-executing variants of it.",
                                     nullptr, int(m_session->counterexampleSchedule().size()))
                                      .arg(propertyDisplayName(m_session->system(), m_session->violatedProperty()))
                                : tr("No counterexample is open."));
    }
    updateButtons();
    if (open != m_available) {
        m_available = open;
        Q_EMIT availabilityChanged(open);
    }
}

void WhyPanel::updateButtons()
{
    const bool open = m_session && !m_session->counterexampleSchedule().empty();
    m_analyse->setEnabled(open && !m_analysing && !m_session->isExploring() && !m_session->isRunning());
    m_cancel->setVisible(m_analysing);
    m_progress->setVisible(m_analysing);
}

void WhyPanel::analyse()
{
    if (m_analysing || !m_session || m_session->counterexampleSchedule().empty())
        return;
    clearReport();
    const std::vector<std::pair<int, quint64>> schedule = identityOf(m_session->counterexampleSchedule());
    m_analysing = true;
    m_progress->setRange(0, 0);
    m_summary->setText(tr("Re-executing variants of the counterexample…"));
    updateButtons();
    QPointer<WhyPanel> self(this);
    auto progress = [self](int done, int total) {
        if (!self)
            return;
        self->m_progress->setRange(0, total);
        self->m_progress->setValue(done);
        self->m_progress->setFormat(tr("%1 of %2 runs").arg(done).arg(total));
    };
    QCoro::connect(m_session->analyseCounterexample(progress), this,
                   [this, schedule](const Result<mas::system::NecessityReport> &report) {
                       m_analysing = false;
                       if (report) {
                           m_reportSchedule = schedule;
                           show(*report);
                       }
                       sessionChanged();
                       if (!report) { // after sessionChanged(), which shows the counterexample's line
                           m_error = report.error().message();
                           m_summary->setText(tr("The analysis failed: %1").arg(m_error));
                       }
                       Q_EMIT finished();
                   });
}

void WhyPanel::cancel()
{
    if (m_analysing && m_session)
        m_session->cancelExploration();
}

void WhyPanel::clearReport()
{
    m_report.reset();
    m_reportSchedule.clear();
    m_fittedRows = -1;
    m_steps->clear();
    m_sentences->clear();
}

void WhyPanel::show(const mas::system::NecessityReport &report)
{
    m_report = report;
    m_steps->clear();
    m_sentences->clear();
    QFont bold = m_steps->font();
    bold.setBold(true);
    const PlumbingFilter *filter = m_session ? m_session->plumbingFilter() : nullptr;
    const bool hidePlumbing = filter && !filter->hiddenClasses().isEmpty();
    int hidden = 0;
    int hiddenNecessary = 0;
    for (std::size_t i = 0; i < report.steps.size(); ++i) {
        const mas::system::StepNecessity &s = report.steps[i];
        if (hidePlumbing && s.plumbing) { // numbers keep counting, as in mas explore --why
            ++hidden;
            hiddenNecessary += s.necessary ? 1 : 0;
            continue;
        }
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(0, QString::number(i + 1));
        item->setText(1, s.necessary ? tr("necessary") : tr("incidental"));
        item->setText(2, s.label);
        item->setData(0, MessageIdRole, s.step.messageId);
        item->setData(0, NecessaryRole, s.necessary);
        if (s.necessary) {
            for (int c = 0; c < 3; ++c)
                item->setFont(c, bold);
            item->setToolTip(2, s.movedBehind < 0 ? tr("Left out, the run passes")
                                                  : tr("Moved behind step %1, the run passes").arg(s.movedBehind + 1));
        } else {
            for (int c = 0; c < 3; ++c)
                item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
            item->setToolTip(2, s.choice ? tr("Left out or moved later, the run still breaks the property")
                                         : tr("No choice: the clock moved because all was quiet"));
        }
    }
    if (hidden > 0) {
        auto *item = new QTreeWidgetItem(m_steps);
        item->setFirstColumnSpanned(true);
        item->setText(0, tr("%n plumbing step(s) not listed, %1 of them necessary (View → Show Plumbing lists them)",
                            nullptr, hidden)
                             .arg(hiddenNecessary));
        item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
    }
    for (const mas::system::Overtaking &o : report.overtakings) {
        auto *item = new QListWidgetItem(o.sentence, m_sentences);
        item->setData(MessageIdRole, report.steps[std::size_t(o.earlier)].step.messageId);
        item->setToolTip(tr("Steps %1 and %2; swapped, the run passes").arg(o.earlier + 1).arg(o.later + 1));
    }
    if (report.overtakings.empty())
        m_sentences->addItem(tr("No single swap of two deliveries makes the run pass."));
    // Each count with its own plural form.
    m_summary->setText(tr("\"%1\": %2 of %n step(s) necessary; %3", nullptr, int(report.steps.size()))
                           .arg(propertyDisplayName(m_session ? m_session->system() : nullptr, report.property))
                           .arg(report.necessaryCount())
                           .arg(tr("%n re-execution(s)%1", nullptr, int(report.runs))
                                    .arg(report.complete ? QString() : tr(" (incomplete: cancelled)"))));
}

void WhyPanel::select(quint64 messageId)
{
    if (m_session && messageId)
        m_session->store()->setSelectedMessage(messageId);
}

} // namespace mas::ui
