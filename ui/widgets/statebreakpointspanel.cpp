// SPDX-License-Identifier: MIT
#include "statebreakpointspanel.h"

#include "session/inspectorsession.h"

#include <mas/system/statecondition.h>

#include <QColor>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace mas::ui {

namespace {
const QString kSettingsKey = QStringLiteral("breakpoints/state");
}

StateBreakpointsPanel::StateBreakpointsPanel(QWidget *parent)
    : QWidget(parent)
{
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("stateConditionField"));
    m_field->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("count(is_leader) > 1")));
    m_field->setClearButtonEnabled(true);
    m_field->setToolTip(tr("A condition over the agents' state fields: count(field), any(…), all(…), none(…), "
                           "sum/min/max(field), agent(\"name\").field, comparisons (== != < <= > >=), and, or, not. "
                           "Return adds it; a run or a step stops when it becomes true."));
    m_add = new QPushButton(tr("Add"), this);
    m_add->setEnabled(false);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setObjectName(QStringLiteral("stateConditionError"));
    {
        // The field's error, in the colour of its red border (BrightText is white on light themes).
        QPalette palette = m_error->palette();
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
        m_error->setPalette(palette);
    }
    m_error->hide();
    m_list = new QListWidget(this);
    m_list->setToolTip(tr("Checked conditions stop a run or a step when they become true"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setEnabled(false);
    m_hit = new QLabel(this);
    m_hit->setWordWrap(true);
    m_hit->setTextFormat(Qt::PlainText);
    m_hit->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hit->hide();

    auto *entry = new QHBoxLayout;
    entry->addWidget(m_field, 1);
    entry->addWidget(m_add);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(entry);
    layout->addWidget(m_error);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_hit);

    connect(m_field, &QLineEdit::textChanged, this, &StateBreakpointsPanel::validate);
    connect(m_field, &QLineEdit::returnPressed, this, &StateBreakpointsPanel::addFromField);
    connect(m_add, &QPushButton::clicked, this, &StateBreakpointsPanel::addFromField);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_session && m_list->currentRow() >= 0)
            m_session->stateBreakpoints()->remove(m_list->currentRow());
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_refreshing || !m_session)
            return;
        m_session->stateBreakpoints()->setEnabled(m_list->row(item), item->checkState() == Qt::Checked);
    });
}

void StateBreakpointsPanel::setSession(InspectorSession *session)
{
    if (m_session)
        disconnect(m_session->stateBreakpoints(), nullptr, this, nullptr);
    m_session = session;
    if (!session)
        return;
    StateBreakpoints *breakpoints = session->stateBreakpoints();
    if (breakpoints->size() == 0)
        breakpoints->fromStrings(QSettings().value(kSettingsKey).toStringList());
    connect(breakpoints, &StateBreakpoints::changed, this, [this] {
        refresh();
        save();
    });
    connect(breakpoints, &StateBreakpoints::hit, this, &StateBreakpointsPanel::showHit);
    refresh();
}

QString StateBreakpointsPanel::fieldError() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString StateBreakpointsPanel::hitText() const
{
    return m_hit->isHidden() ? QString() : m_hit->text();
}

bool StateBreakpointsPanel::addFromField()
{
    if (!m_session || m_field->text().trimmed().isEmpty())
        return false;
    Result<int> added = m_session->stateBreakpoints()->add(m_field->text());
    if (!added) {
        m_error->setText(added.error().message());
        m_error->show();
        return false;
    }
    m_field->clear();
    m_list->setCurrentRow(*added);
    return true;
}

void StateBreakpointsPanel::validate()
{
    const QString text = m_field->text();
    if (text.trimmed().isEmpty()) {
        m_error->clear();
        m_error->hide();
        m_field->setStyleSheet(QString());
        m_add->setEnabled(false);
        return;
    }
    int column = 0;
    Result<mas::system::StateCondition> parsed = mas::system::StateCondition::parse(text, &column);
    m_add->setEnabled(bool(parsed) && m_session);
    if (parsed) {
        m_error->clear();
        m_error->hide();
        m_field->setStyleSheet(QString());
        return;
    }
    m_error->setText(parsed.error().message());
    m_error->show();
    m_field->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #c0392b; }"));
    // The caret where the error is, unless the user is typing at the end.
    if (m_field->cursorPosition() != text.size())
        m_field->setCursorPosition(qBound(0, column - 1, int(text.size())));
}

void StateBreakpointsPanel::refresh()
{
    if (!m_session)
        return;
    m_refreshing = true;
    const int current = m_list->currentRow();
    m_list->clear();
    for (const StateBreakpoints::Entry &e : m_session->stateBreakpoints()->entries()) {
        auto *item = new QListWidgetItem(e.text, m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(e.enabled ? Qt::Checked : Qt::Unchecked);
        if (!e.error.isEmpty())
            item->setToolTip(tr("Cannot be evaluated here: %1").arg(e.error));
        else if (e.held)
            item->setToolTip(tr("Holds now; it stops a run when it becomes true again"));
        else
            item->setToolTip(tr("Does not hold now"));
    }
    m_list->setCurrentRow(qMin(current, m_list->count() - 1));
    m_remove->setEnabled(m_list->currentRow() >= 0);
    m_refreshing = false;
    validate();
}

void StateBreakpointsPanel::showHit(const StateBreakpoints::Hit &hit)
{
    m_hit->setText(tr("Hit: %1 — %2").arg(hit.text, hit.sentence));
    m_hit->show();
    m_list->setCurrentRow(hit.index);
}

void StateBreakpointsPanel::save() const
{
    if (m_session)
        QSettings().setValue(kSettingsKey, m_session->stateBreakpoints()->toStrings());
}

} // namespace mas::ui
