// SPDX-License-Identifier: MIT
#include "violationpanel.h"

#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "models/propertyname.h"
#include "session/inspectorsession.h"

#include <mas/trace/messagelabel.h>

#include <QHeaderView>
#include <QRegularExpression>
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
    m_explanation = new QLabel(this);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setAccessibleName(tr("Why the invariant fails"));
    m_legend = new QLabel(tr("Bold on colour: changed by the step. Underlined, with ◆: named by the explanation."),
                          this);
    m_legend->setWordWrap(true);
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
    layout->addWidget(m_explanation);
    layout->addWidget(m_states, 1);
    layout->addWidget(m_legend);
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

QString ViolationPanel::explanation() const
{
    return m_explanation->text();
}

QString ViolationPanel::nameOf(const QString &address) const
{
    if (!m_session || address.isEmpty())
        return address;
    if (m_session->displayNames().contains(address))
        return m_session->displayName(address);
    // "local://explore-2/0" recorded by mas explore -> "local://<this run's queue>-2/0".
    const mas::system::System *system = m_session->system();
    static const QRegularExpression local(QStringLiteral("^local://([^/]*?)(-\\d+)?(/.*)?$"));
    if (const QRegularExpressionMatch m = local.match(address); system && m.hasMatch()) {
        const QString mapped = QStringLiteral("local://") + system->queueId() + m.captured(2) + m.captured(3);
        if (m_session->displayNames().contains(mapped))
            return m_session->displayName(mapped);
    }
    return m_session->displayName(address);
}

QString ViolationPanel::describeStep(const TrafficEvent &step) const
{
    if (step.kind == TrafficEvent::Kind::ClockChanged)
        return tr("the clock moved to %1 s").arg(step.simTime);
    QString label = m_session && step.messageId ? m_session->store()->messageLabel(step.messageId) : QString();
    if (label.isEmpty()) {
        // Not in this run's store (a recording not played yet): the step's own path and content.
        const NameLookup names = [this](const QString &address) { return nameOf(address); };
        label = mas::messageLabel(step, names);
    }
    if (label.isEmpty())
        label = tr("a message");
    const QString from = nameOf(step.from);
    const QString to = nameOf(step.to);
    switch (step.kind) {
    case TrafficEvent::Kind::Delivered: return tr("%1 from %2 was delivered to %3").arg(label, from, to);
    case TrafficEvent::Kind::Dropped: return tr("%1 from %2 to %3 was dropped").arg(label, from, to);
    case TrafficEvent::Kind::Duplicated: return tr("%1 from %2 to %3 was duplicated").arg(label, from, to);
    case TrafficEvent::Kind::Delayed: return tr("%1 from %2 to %3 was delayed").arg(label, from, to);
    default: break;
    }
    return tr("%1 from %2 to %3").arg(label, from, to);
}

void ViolationPanel::refresh()
{
    // A replay rebuilds the system (the violation goes and comes back): what it ends with shows.
    if (m_session && m_session->isReplaying())
        return;
    const std::optional<TrafficEvent> step = m_session ? m_session->violatingStep() : std::nullopt;
    const qsizetype leftAt = m_session ? m_session->leftCounterexampleAt() : -1;
    const bool available = step.has_value() || leftAt >= 0;
    if (available != m_available) {
        m_available = available;
        Q_EMIT availabilityChanged(available);
    }
    m_explanation->clear();
    m_explanation->setVisible(false);
    m_legend->setVisible(false);
    if (!step && leftAt >= 0) {
        // A counterexample the user left: kept as a record, and how to get back into it.
        m_summary->setToolTip(QString());
        m_summary->setText(tr("You left the counterexample to \"%1\" after step %2 of %3: this run no longer "
                              "follows it. Select an event up to that step in the message table and press Ctrl+B "
                              "(Step Back to Selected) to follow it again.")
                               .arg(propertyDisplayName(m_session->system(), m_session->leftCounterexampleProperty()))
                               .arg(leftAt)
                               .arg(m_session->leftCounterexampleStepCount()));
        m_states->clear();
        return;
    }
    if (!step) {
        m_summary->setToolTip(QString());
        m_summary->setText(tr("No invariant is broken. When a step breaks one (stepping, running, replaying, or in "
                              "a counterexample that mas explore --out wrote), it is described here with the "
                              "states before and after it."));
        m_states->clear();
        return;
    }
    // The invariant by its name in the user's language; its id (for mas explore --invariant and
    // the files) in the tool tip.
    const QString id = m_session->violatedProperty();
    const std::optional<mas::system::Invariant> invariant = findProperty(m_session->system(), id);
    const QString property = invariant && !invariant->name.isEmpty() ? invariant->name : id;
    QStringList tip;
    if (invariant && !invariant->description.isEmpty())
        tip << invariant->description;
    if (invariant)
        tip << tr("Its id (for mas explore --invariant): %1").arg(invariant->id);
    m_summary->setToolTip(tip.join(u'\n'));
    const qsizetype count = m_session->violationStepCount();
    // Named as this run names its agents (the recording may come from another run's queues).
    TrafficEvent named = *step;
    if (const EventStore::MessageSpan *span = named.messageId ? m_session->store()->span(named.messageId) : nullptr;
        span && span->sent >= 0) {
        const TrafficEvent &sent = m_session->store()->at(span->sent);
        named.from = sent.from;
        named.to = sent.to;
        named.path = sent.path;
        if (named.content.isNull())
            named.content = sent.content;
    }
    const QString what = describeStep(named);
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
    if (m_session->violationFoundLive())
        m_summary->setText(tr("Step %1 broke \"%2\": %3").arg(count).arg(property, what));
    else
        m_summary->setText(tr("Step %1 of %2 broke \"%3\": %4").arg(count).arg(count).arg(property, what));
    const mas::system::InvariantExplanation why = m_session->violationExplanation();
    if (!why.text.isEmpty()) {
        m_explanation->setText(tr("Why: %1").arg(why.text));
        m_explanation->setVisible(true);
    }
    m_legend->setVisible(true);

    // The agents the step involves, those the explanation names, and every agent it changed.
    const Value::Map before = m_session->stateBeforeViolation();
    const Value::Map after = m_session->stateAfterViolation();
    const QColor changedBackground = EventTableModel::violationColor(palette());
    const QStringList explainedAgents = why.agents();
    m_states->setUpdatesEnabled(false);
    m_states->clear();
    for (const Value::Entry &agent : after) {
        const Value *was = agentFields(before, agent.first);
        const QString address = textOf(agent.first);
        const bool inStep = address == named.to || address == named.from;
        const bool explained = explainedAgents.contains(address);
        const bool changed = !was || *was != agent.second;
        if (!inStep && !explained && !changed)
            continue;
        auto *agentItem = new QTreeWidgetItem(m_states, {m_session->displayName(address)});
        agentItem->setData(0, AddressRole, address);
        agentItem->setData(0, InvolvedRole, explained);
        QStringList roles;
        if (inStep)
            roles << tr("involved in the step");
        if (explained)
            roles << tr("named by the explanation");
        if (changed)
            roles << tr("changed by the step");
        agentItem->setToolTip(0, tr("%1 (%2)").arg(roles.join(QStringLiteral(", ")), address));
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
            const QString fieldName = textOf(field.first);
            auto *item = new QTreeWidgetItem(agentItem, {fieldName, previous.toDisplayString(kMaxValueText),
                                                         now.toDisplayString(kMaxValueText)});
            const bool fieldChanged = previous != now;
            const bool fieldInvolved = explained && why.involves(address, fieldName);
            item->setData(0, ChangedRole, fieldChanged);
            item->setData(0, InvolvedRole, fieldInvolved);
            QStringList tips;
            QFont font = item->font(0);
            if (fieldChanged) {
                font.setBold(true);
                for (int c = 0; c < 3; ++c) {
                    item->setBackground(c, changedBackground);
                    item->setForeground(c, palette().color(QPalette::Text));
                }
                tips << tr("Changed by the step");
            }
            if (fieldInvolved) {
                font.setUnderline(true);
                item->setText(0, QStringLiteral("◆ ") + fieldName);
                tips << tr("Named by the explanation of \"%1\"").arg(property);
            }
            for (int c = 0; c < 3; ++c) {
                item->setFont(c, font);
                if (!tips.isEmpty())
                    item->setToolTip(c, tips.join(QStringLiteral("; ")));
            }
        }
    }
    m_states->expandAll();
    m_states->setUpdatesEnabled(true);
}

} // namespace mas::ui
