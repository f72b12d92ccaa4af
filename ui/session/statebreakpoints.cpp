// SPDX-License-Identifier: MIT
#include "statebreakpoints.h"

namespace mas::ui {

StateBreakpoints::StateBreakpoints(QObject *parent)
    : QObject(parent)
{}

Result<int> StateBreakpoints::add(const QString &text, bool enabled)
{
    MAS_TRY(condition, mas::system::StateCondition::parse(text.trimmed()));
    Entry entry;
    entry.text = condition.text();
    entry.enabled = enabled;
    entry.condition = condition;
    evaluate(entry, false, nullptr, -1);
    m_entries.append(entry);
    Q_EMIT changed();
    return int(m_entries.size()) - 1;
}

void StateBreakpoints::remove(int index)
{
    if (index < 0 || index >= m_entries.size())
        return;
    m_entries.removeAt(index);
    Q_EMIT changed();
}

void StateBreakpoints::setEnabled(int index, bool enabled)
{
    if (index < 0 || index >= m_entries.size() || m_entries[index].enabled == enabled)
        return;
    m_entries[index].enabled = enabled;
    evaluate(m_entries[index], false, nullptr, index);
    Q_EMIT changed();
}

void StateBreakpoints::clear()
{
    if (m_entries.isEmpty())
        return;
    m_entries.clear();
    Q_EMIT changed();
}

bool StateBreakpoints::hasEnabled() const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [](const Entry &e) { return e.enabled; });
}

void StateBreakpoints::setSystem(const mas::system::System *system)
{
    m_system = system;
    m_lastHit.reset();
    rebase();
}

void StateBreakpoints::rebase()
{
    for (int i = 0; i < m_entries.size(); ++i)
        evaluate(m_entries[i], false, nullptr, i);
    Q_EMIT changed();
}

std::optional<StateBreakpoints::Hit> StateBreakpoints::check()
{
    if (!m_system || !hasEnabled())
        return std::nullopt;
    std::optional<Hit> first;
    bool errorsChanged = false;
    const QList<mas::system::AgentState> states = mas::system::agentStates(*m_system); // once for all
    for (int i = 0; i < m_entries.size(); ++i) {
        const QString error = m_entries[i].error;
        if (m_entries[i].enabled)
            evaluate(m_entries[i], true, &first, i, &states);
        errorsChanged = errorsChanged || error != m_entries[i].error;
    }
    if (errorsChanged)
        Q_EMIT changed();
    if (first) {
        m_lastHit = first;
        Q_EMIT hit(*first);
    }
    return first;
}

void StateBreakpoints::evaluate(Entry &entry, bool report, std::optional<Hit> *hit, int index,
                                const QList<mas::system::AgentState> *states)
{
    if (!m_system) {
        entry.held = false;
        entry.error.clear();
        return;
    }
    Result<mas::system::StateCondition::Evaluation> e =
        states ? entry.condition.evaluate(*states) : entry.condition.evaluate(*m_system);
    entry.error = e ? QString() : e.error().message();
    const bool holds = e && e->holds;
    if (report && holds && !entry.held && hit && !*hit)
        *hit = Hit{index, entry.text, e->sentence, e->agents};
    entry.held = holds;
}

QStringList StateBreakpoints::toStrings() const
{
    QStringList strings;
    for (const Entry &e : m_entries)
        strings.append((e.enabled ? QStringLiteral("1 ") : QStringLiteral("0 ")) + e.text);
    return strings;
}

void StateBreakpoints::fromStrings(const QStringList &strings)
{
    m_entries.clear();
    for (const QString &s : strings) {
        if (s.size() < 3 || (s[0] != u'0' && s[0] != u'1') || s[1] != u' ')
            continue;
        Result<mas::system::StateCondition> condition = mas::system::StateCondition::parse(s.mid(2));
        if (!condition)
            continue;
        Entry entry;
        entry.text = condition->text();
        entry.enabled = s[0] == u'1';
        entry.condition = *condition;
        evaluate(entry, false, nullptr, -1);
        m_entries.append(entry);
    }
    Q_EMIT changed();
}

} // namespace mas::ui
