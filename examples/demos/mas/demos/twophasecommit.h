// SPDX-License-Identifier: MIT
#pragma once

#include <mas/demos/demoagent.h>
#include <mas/demos/demosystem.h>

#include <map>
#include <optional>

namespace mas::demos {

/// A two-phase commit participant: votes on PREPARE (yes or no from the seed), then commits or
/// aborts as the coordinator says. A no vote aborts at once; a yes vote leaves it uncertain
/// until the decision arrives — if the coordinator is gone, it is blocked.
///
/// Messages: `prepare(transaction, coordinator)`, `commit(transaction)`, `abort(transaction)`;
/// it answers with the coordinator's `vote(transaction, participant, yes)`.
class ParticipantAgent : public DemoAgent
{
    Q_OBJECT

public:
    enum class State
    {
        Initial,
        Uncertain,
        Committed,
        Aborted
    };
    Q_ENUM(State)

    ParticipantAgent(mas::Container *container, quint32 seed);

    State state() const { return m_state; }
    /// Its vote (none before PREPARE).
    std::optional<bool> vote() const { return m_vote; }
    /// It voted yes, and its vote could not reach the coordinator: it cannot decide.
    bool isBlocked() const { return m_state == State::Uncertain && m_coordinatorLost; }
    /// Its role, for people: see SystemAgent::displayName().
    QString displayName() const override;
    QString stateText() const override;
    /// state ("working", "uncertain", "committed", "aborted"), vote (null before it voted),
    /// coordinator_lost.
    Value::Map stateFields() const override;

    // messages
    bool prepare(const QString &transaction, const QString &coordinator);
    bool commit(const QString &transaction);
    bool abort(const QString &transaction);

protected:
    void onMessageLost(const QString &url,
                       const QString &method,
                       const mas::Value::List &arguments,
                       const mas::Error &error) override;

private:
    State m_state = State::Initial;
    std::optional<bool> m_vote;
    bool m_coordinatorLost = false;
};

/// The two-phase commit coordinator: sends PREPARE to every participant, collects the votes
/// (a participant it cannot reach votes no) and sends COMMIT if all said yes, else ABORT.
/// The faulty one crashes right after sending PREPARE: every later call to it fails.
///
/// Messages: `vote(transaction, participant, yes)`.
class CoordinatorAgent : public DemoAgent
{
    Q_OBJECT

public:
    enum class Phase
    {
        Idle,
        Preparing,
        Committed,
        Aborted,
        Crashed
    };
    Q_ENUM(Phase)

    CoordinatorAgent(mas::Container *container,
                     quint32 seed,
                     const QString &transaction,
                     bool crashAfterPrepare);

    void setParticipants(const QStringList &urls) { m_participants = urls; }
    QStringList participants() const { return m_participants; }
    Phase phase() const { return m_phase; }
    QString transaction() const { return m_transaction; }
    /// The votes received, by participant URL (false also for an unreachable participant).
    std::map<QString, bool> votes() const { return m_votes; }
    /// Participants the decision could not reach.
    QStringList unreachable() const { return m_unreachable; }
    /// Sends PREPARE.
    void prepareAll();

    /// Its role, for people: see SystemAgent::displayName().
    QString displayName() const override;
    QString stateText() const override;
    /// phase ("idle", "preparing", "committed", "aborted", "crashed"), transaction, votes
    /// (participant -> vote), unreachable.
    Value::Map stateFields() const override;

    // messages
    Result<bool> vote(const QString &transaction, const QString &participant, bool yes);

protected:
    void onMessageLost(const QString &url,
                       const QString &method,
                       const mas::Value::List &arguments,
                       const mas::Error &error) override;

private:
    void record(const QString &participant, bool yes);

    QString m_transaction;
    bool m_crashAfterPrepare;
    QStringList m_participants;
    std::map<QString, bool> m_votes;
    QStringList m_unreachable;
    Phase m_phase = Phase::Idle;
};

/// Two-phase commit: agent 0 coordinates, agents 1 … n-1 vote yes or no (from the seed).
/// With DemoParameters::faulty the coordinator crashes after PREPARE and the participants that
/// voted yes stay blocked.
class TwoPhaseCommit : public DemoSystem
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
    /// "stuck", and "blocked": a participant still uncertain once the system is quiet.
    QList<Invariant> goals() const override;

    CoordinatorAgent *coordinator() const { return m_coordinator; }
    QList<ParticipantAgent *> participants() const;

protected:
    void begin() override;

private:
    using DemoSystem::DemoSystem;
    QPointer<CoordinatorAgent> m_coordinator;
    QList<QPointer<ParticipantAgent>> m_participants;
};

} // namespace mas::demos
