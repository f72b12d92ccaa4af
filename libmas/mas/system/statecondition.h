// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/core/value.h>
#include <mas/system/system.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace mas::system {

/// One agent's structured state, as a StateCondition sees it.
struct AgentState
{
    QString address; ///< the agent's URL ("local://demo-2/0")
    QString name;    ///< its display name ("node 3 (id 97)")
    int index = 0;   ///< its place in System::agents(), counted from 0
    Value::Map fields; ///< SystemAgent::stateFields()
};

/// Every agent's state, in System::agents() order.
MAS_EXPORT QList<AgentState> agentStates(const System &system);

/// A condition over the agents' structured state (SystemAgent::stateFields()): a breakpoint on
/// state in MAS Inspector, and an extra invariant ("the condition never holds") of the explorer
/// (`mas explore --break`). The language (docs/user-guide.md, "Breakpoints on state"):
///
/// \code
/// count(is_leader) > 1               more than one agent has is_leader set
/// any(round >= 3)                    some agent's round is at least 3
/// all(decided) and not any(aborted)  boolean logic: and, or, not (also &&, ||, !)
/// agent("node 2").round > 2          one agent, by display name, address or index (from 0)
/// max(round) - min(round) > 1        sum, min, max over the agents; + and -
/// \endcode
///
/// A bare field name means "this agent's field" inside count(), any(), all(), none(), sum(),
/// min() and max() (which go over every agent); outside them a field must belong to agent(...).
/// A field an agent does not have is null: it is not "set" (count() skips it), equals only null,
/// and every ordering comparison with it is false; has(field) tells a missing field from a null
/// one. "Set" (truthy) means neither null nor false: 0 and "" are set. Comparisons of numbers
/// are numeric (1 == 1.0), of strings by code points; values of other kinds are only equal or
/// not. Errors name the column (from 1): "column 7: expected a field name".
///
/// Copying is cheap (the parsed tree is shared and immutable).
class MAS_EXPORT StateCondition
{
public:
    /// What one evaluation found.
    struct Evaluation
    {
        bool holds = false;
        /// Why, for people: "count(is_leader) = 2: node 1 (id 25), node 3 (id 97)".
        QString sentence;
        /// The display names of the agents that made it true (those counted by a count(), an
        /// any() or all(), or named by agent()), in System::agents() order.
        QStringList agents;
    };

    StateCondition() = default;
    /// Parses `text`; an InvalidArgument error "column N: ..." for bad input (never a crash).
    /// `errorColumn`, if given, receives N (1-based; 0 when the text parsed).
    static Result<StateCondition> parse(const QString &text, int *errorColumn = nullptr);

    bool isValid() const { return bool(m_root); }
    /// The text it was parsed from.
    QString text() const { return m_text; }

    /// Evaluates against `states`: an error for a value it cannot work with (agent("x") that
    /// is no agent, a field of something that is no map, a sum of a string).
    Result<Evaluation> evaluate(const QList<AgentState> &states) const;
    Result<Evaluation> evaluate(const System &system) const;
    /// Whether it holds now; an evaluation error counts as "does not hold".
    bool holds(const System &system) const;

    /// The invariant "`text` never holds" on `system` (its explanation is the evaluation's
    /// sentence): the explorer's ExplorerOptions::conditions, `mas explore --break`.
    Invariant invariant(System *system) const;

    struct Node;

private:
    QString m_text;
    std::shared_ptr<const Node> m_root;
};

} // namespace mas::system
