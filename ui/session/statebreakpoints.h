// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/result.h>
#include <mas/system/statecondition.h>
#include <mas/system/system.h>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

namespace mas::ui {

/// The Inspector's breakpoints on state: a list of state conditions (mas::system::StateCondition,
/// "count(is_leader) > 1"), each enabled or not, checked whenever an agent's state changes.
///
/// A breakpoint hits when its condition **becomes** true: it did not hold before the change and
/// holds after it. A condition that already holds when it is added, enabled or when the system is
/// (re)built does not hit until it has stopped holding and holds again. An evaluation error (an
/// agent("x") that is no agent) counts as "does not hold" and is kept in Entry::error.
///
/// Widget-free (part of the session library); InspectorSession owns one, checks it on every state
/// change of its system and stops a run there; the window's StateBreakpointsPanel edits it.
class StateBreakpoints : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QString text;
        bool enabled = true;
        mas::system::StateCondition condition;
        bool held = false; ///< it held at the last check
        QString error;     ///< the last evaluation's error (empty: none)
    };
    /// A breakpoint that hit: which one and why.
    struct Hit
    {
        int index = -1;
        QString text;
        QString sentence; ///< StateCondition::Evaluation::sentence
        QStringList agents;
    };

    explicit StateBreakpoints(QObject *parent = nullptr);

    /// Adds a condition (an error "column N: ..." when it does not parse; nothing is added).
    /// Returns its index.
    Result<int> add(const QString &text, bool enabled = true);
    void remove(int index);
    void setEnabled(int index, bool enabled);
    void clear();
    const QList<Entry> &entries() const { return m_entries; }
    int size() const { return int(m_entries.size()); }
    bool hasEnabled() const;

    /// The system checked; its current state becomes the baseline (see the class comment).
    void setSystem(const mas::system::System *system);
    /// Takes the current state as the baseline without reporting hits (after a replay that
    /// restored a state: a step back, an opened session).
    void rebase();
    /// Checks every enabled condition against the system's state now; the first that became
    /// true, if any (all are updated). Emits hit() for it.
    std::optional<Hit> check();
    /// The last hit (since the system was set), if any.
    const std::optional<Hit> &lastHit() const { return m_lastHit; }

    /// For QSettings: one string per entry, "1 TEXT" (enabled) or "0 TEXT".
    QStringList toStrings() const;
    /// Replaces the entries by those of toStrings(); entries that do not parse are skipped.
    void fromStrings(const QStringList &strings);

Q_SIGNALS:
    /// The list changed (added, removed, enabled, disabled, an error came or went).
    void changed();
    void hit(const mas::ui::StateBreakpoints::Hit &hit);

private:
    void evaluate(Entry &entry, bool report, std::optional<Hit> *hit, int index,
                  const QList<mas::system::AgentState> *states = nullptr);

    QList<Entry> m_entries;
    QPointer<const mas::system::System> m_system;
    std::optional<Hit> m_lastHit;
};

} // namespace mas::ui
