// SPDX-License-Identifier: MIT
#pragma once

#include <mas/demos/demoagent.h>
#include <mas/demos/demosystem.h>

#include <optional>

namespace mas::demos {

/// A Contract Net contractor: bids a cost for a call for proposals (or refuses), performs the
/// task when it wins.
///
/// Messages: `cfp(task, manager)`, `accept(task, manager)`, `reject(task)`. It answers a cfp
/// with the manager's `propose(task, contractor, cost)` or `refuse(task, contractor)`; after an
/// award it performs the task and sends `inform_done(task, contractor, result)`.
class ContractorAgent : public DemoAgent
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Proposed,
        Refused,
        Rejected,
        Done
    };
    Q_ENUM(State)

    ContractorAgent(mas::Container *container, quint32 seed);

    State state() const { return m_state; }
    /// The cost it bid (none when it refused or was not asked yet).
    std::optional<double> bid() const { return m_bid; }
    /// Its role, for people: see SystemAgent::displayName().
    QString displayName() const override;
    QString stateText() const override;
    /// state ("idle", "proposed", "refused", "rejected", "done"), bid (null: none).
    Value::Map stateFields() const override;

    // messages
    bool cfp(const QString &task, const QString &manager);
    bool accept(const QString &task, const QString &manager);
    bool reject(const QString &task);

private:
    State m_state = State::Idle;
    std::optional<double> m_bid;
};

/// The Contract Net manager: announces one task, awards it to the lowest bid (ties: the
/// contractor listed first), rejects the other bidders, waits for the winner's report.
///
/// Messages: `propose(task, contractor, cost)`, `refuse(task, contractor)`,
/// `inform_done(task, contractor, result)`. A cfp that cannot be delivered counts as a refusal.
class ManagerAgent : public DemoAgent
{
    Q_OBJECT

public:
    enum class Phase
    {
        Idle,
        Announced,
        Awarded,
        Done,
        NoBids,
        Failed
    };
    Q_ENUM(Phase)

    ManagerAgent(mas::Container *container, quint32 seed, const QString &task);

    void setContractors(const QStringList &urls) { m_contractors = urls; }
    QStringList contractors() const { return m_contractors; }
    Phase phase() const { return m_phase; }
    QString task() const { return m_task; }
    /// The contractor the task went to (empty before the award).
    QString winner() const { return m_winner; }
    double winningCost() const { return m_cost; }
    /// What each contractor answered, in contractors() order: a cost, or none (refused,
    /// unreachable, or not answered yet — see answered()).
    QList<std::optional<double>> bids() const;
    /// How many contractors answered (or could not be reached).
    int answered() const { return int(m_answers.size()); }
    /// Sends the call for proposals.
    void announce();

    /// Its role, for people: see SystemAgent::displayName().
    QString displayName() const override;
    QString stateText() const override;
    /// phase, task, winner (null before the award), cost, answers (contractor -> bid, null
    /// for a refusal).
    Value::Map stateFields() const override;

    // messages
    bool propose(const QString &task, const QString &contractor, double cost);
    bool refuse(const QString &task, const QString &contractor);
    bool informDone(const QString &task, const QString &contractor, const QString &result);

protected:
    void onMessageLost(const QString &url,
                       const QString &method,
                       const mas::Value::List &arguments,
                       const mas::Error &error) override;

private:
    void answer(const QString &contractor, std::optional<double> cost);
    void maybeAward();

    QString m_task;
    QStringList m_contractors;
    std::map<QString, std::optional<double>> m_answers;
    Phase m_phase = Phase::Idle;
    QString m_winner;
    double m_cost = 0;
    QString m_result;
};

/// The Contract Net protocol: agent 0 manages, agents 1 … n-1 bid with costs from the seed.
class ContractNet : public DemoSystem
{
    Q_OBJECT

public:
    static Result<std::unique_ptr<DemoSystem>> create(const QString &queueId,
                                                      const DemoParameters &parameters);
    static DemoInfo info();

    QString id() const override;
    QString title() const override;
    bool isFinished() const override;
    QString outcome() const override;
    QList<Invariant> invariants() const override;

    ManagerAgent *manager() const { return m_manager; }
    QList<ContractorAgent *> contractors() const;

protected:
    void begin() override;

private:
    using DemoSystem::DemoSystem;
    QPointer<ManagerAgent> m_manager;
    QList<QPointer<ContractorAgent>> m_contractors;
};

} // namespace mas::demos
