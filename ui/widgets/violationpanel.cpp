// SPDX-License-Identifier: MIT
#include "violationpanel.h"

#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "session/inspectorsession.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mas::ui {

namespace {

constexpr int kMaxValueText = 200;

/// The fields of one agent in System::stateFields(), by name.
const Value *agentFields(const Value::Map &states, const Value &agent)
{
    for (const Value::Entry &entry : states) {
        if (entry.first == agent)
            return &entry.second;
    }
    return nullptr;
}

Value fieldOf(const Value *fields, const Value &name)
{
    const Value *field = fields ? fields->find(name) : nullptr;
    return field ? *field : Value();
}

/// Text keys as they are, other values as the Inspector prints them.
QString textOf(const Value &v)
{
    return v.isString() ? v.toString() : v.toDisplayString(kMaxValueText);
}

} // namespace

ViolationPanel::ViolationPanel(QWidget *parent)
    : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_states = new QTreeWidget(this);
    m_states->setColumnCount(3);
    m_states->setHeaderLabels({tr("Agent / field"), tr("Before"), tr("After")});
    m_states->setRootIsDecorated(true);
    m_states->setAlternatingRowColors(true);
    m_states->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_states->setAccessibleName(tr("Agent states before and after the violating step"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_states, 1);
    refresh();
}

void ViolationPanel::setSession(InspectorSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (session) {
        connect(session, &InspectorSession::violationChanged, this, &ViolationPanel::refresh);
        connect(session, &InspectorSession::statusChanged, this, &ViolationPanel::refresh);
    }
    refresh();
}

QString ViolationPanel::summary() const
{
    return m_summary->text();
}

void ViolationPanel::refresh()
{
    const std::optional<TrafficEvent> step = m_session ? m_session->violatingStep() : std::nullopt;
    const bool available = step.has_value();
    if (available != m_available) {
        m_available = available;
        Q_EMIT availabilityChanged(available);
    }
    if (!step) {
        m_summary->setText(tr("No counterexample is open. Open one that mas explore --out wrote to see the "
                              "step that breaks its invariant here."));
        m_states->clear();
        return;
    }
    const QString property = m_session->violatedProperty();
    const qsizetype count = m_session->violationStepCount();
    // Named as this run names its agents (the recording may come from another run's queues).
    TrafficEvent named = *step;
    if (const EventStore::MessageSpan *span = named.messageId ? m_session->store()->span(named.messageId) : nullptr;
        span && span->sent >= 0) {
        const TrafficEvent &sent = m_session->store()->at(span->sent);
        named.from = sent.from;
        named.to = sent.to;
        named.path = sent.path;
    }
    // As the views say it: "election(25) delivered, node 1 (id 46) → node 2 (id 25)".
    QString what = named.toDisplayString();
    if (const QString label = m_session->store()->messageLabel(named.messageId); !label.isEmpty()) {
        QString action;
        switch (named.kind) {
        case TrafficEvent::Kind::Delivered: action = tr("%1 delivered"); break;
        case TrafficEvent::Kind::Dropped: action = tr("%1 dropped"); break;
        case TrafficEvent::Kind::Duplicated: action = tr("%1 duplicated"); break;
        case TrafficEvent::Kind::Delayed: action = tr("%1 delayed"); break;
        default: break;
        }
        if (!action.isEmpty())
            what = tr("%1, %2 → %3")
                       .arg(action.arg(label), m_session->displayName(named.from), m_session->displayName(named.to));
    }
    if (!m_session->violationReached()) {
        m_summary->setText(tr("Step %1 of %2 breaks \"%3\": %4. The states of its agents before and after it "
                              "appear here when it is played (%n step(s) to go).",
                              nullptr, int(m_session->recordedStepsLeft()))
                               .arg(count)
                               .arg(count)
                               .arg(property, what));
        m_states->clear();
        return;
    }
    m_summary->setText(tr("Step %1 of %2 broke \"%3\": %4").arg(count).arg(count).arg(property, what));

    // The agents the step involves, and every agent it changed.
    const Value::Map before = m_session->stateBeforeViolation();
    const Value::Map after = m_session->stateAfterViolation();
    const QColor changedBackground = EventTableModel::violationColor(palette());
    m_states->setUpdatesEnabled(false);
    m_states->clear();
    for (const Value::Entry &agent : after) {
        const Value *was = agentFields(before, agent.first);
        const QString name = textOf(agent.first);
        const bool involved = name == named.to || name == named.from;
        const bool changed = !was || *was != agent.second;
        if (!involved && !changed)
            continue;
        auto *agentItem = new QTreeWidgetItem(m_states, {m_session->displayName(name)});
        agentItem->setToolTip(0, (involved ? tr("Involved in the step") : tr("Changed by the step"))
                                     + QStringLiteral(" (") + name + u')');
        QFont bold = agentItem->font(0);
        bold.setBold(true);
        agentItem->setFont(0, bold);
        // The fields in the order the agent gives them (and any that the step removed).
        Value::Map fields = agent.second.isMap() ? agent.second.asMap() : Value::Map{{Value(tr("state")), agent.second}};
        if (was && was->isMap() && agent.second.isMap()) {
            for (const Value::Entry &old : was->asMap()) {
                if (!agent.second.find(old.first))
                    fields.push_back({old.first, Value()});
            }
        }
        for (const Value::Entry &field : fields) {
            const Value previous = agent.second.isMap() ? fieldOf(was, field.first) : (was ? *was : Value());
            const Value now = agent.second.isMap() ? fieldOf(&agent.second, field.first) : agent.second;
            auto *item = new QTreeWidgetItem(agentItem, {textOf(field.first), previous.toDisplayString(kMaxValueText),
                                                         now.toDisplayString(kMaxValueText)});
            const bool fieldChanged = previous != now;
            item->setData(0, ChangedRole, fieldChanged);
            if (fieldChanged) {
                QFont font = item->font(0);
                font.setBold(true);
                for (int c = 0; c < 3; ++c) {
                    item->setFont(c, font);
                    item->setBackground(c, changedBackground);
                    item->setForeground(c, palette().color(QPalette::Text));
                }
                item->setToolTip(2, tr("Changed by the step"));
            }
        }
    }
    m_states->expandAll();
    m_states->setUpdatesEnabled(true);
}

} // namespace mas::ui
