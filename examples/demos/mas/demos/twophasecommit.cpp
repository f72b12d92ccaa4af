// SPDX-License-Identifier: MIT
#include "twophasecommit.h"

#include <mas/agent/container.h>

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>
#include <random>

namespace mas::demos {

// ---- ParticipantAgent ----

ParticipantAgent::ParticipantAgent(mas::Container *container, quint32 seed)
    : DemoAgent(container, seed)
{
    router().expose(QStringLiteral("prepare"), this, &ParticipantAgent::prepare,
                    {QStringLiteral("transaction"), QStringLiteral("coordinator")});
    router().expose(QStringLiteral("commit"), this, &ParticipantAgent::commit,
                    {QStringLiteral("transaction")});
    router().expose(QStringLiteral("abort"), this, &ParticipantAgent::abort,
                    {QStringLiteral("transaction")});
}

QString ParticipantAgent::displayName() const
{
    if (!givenDisplayName().isEmpty())
        return givenDisplayName(); // a system file's name
    return tr("participant %1").arg(roleIndex());
}

QString ParticipantAgent::stateText() const
{
    const QString vote = !m_vote ? QString() : (*m_vote ? tr("voted yes, ") : tr("voted no, "));
    switch (m_state) {
    case State::Initial:
        return tr("working");
    case State::Uncertain:
        return vote
               + (m_coordinatorLost ? tr("blocked (coordinator unreachable)") : tr("uncertain"));
    case State::Committed:
        return vote + tr("committed");
    case State::Aborted:
        return vote + tr("aborted");
    }
    return {};
}

Value::Map ParticipantAgent::stateFields() const
{
    const char *state = "working";
    switch (m_state) {
    case State::Initial: break;
    case State::Uncertain: state = "uncertain"; break;
    case State::Committed: state = "committed"; break;
    case State::Aborted: state = "aborted"; break;
    }
    Value::Map fields;
    fields.emplace_back(Value("state"), Value(state));
    fields.emplace_back(Value("vote"), m_vote ? Value(*m_vote) : Value());
    fields.emplace_back(Value("coordinator_lost"), Value(m_coordinatorLost));
    return fields;
}

bool ParticipantAgent::prepare(const QString &transaction, const QString &coordinator)
{
    if (m_state != State::Initial)
        return true;             // a copy of PREPARE, or the decision came first
    m_vote = uniform(0, 4) != 0; // yes four times in five
    // A no vote may abort at once; a yes vote gives up the right to decide alone.
    m_state = *m_vote ? State::Uncertain : State::Aborted;
    send(coordinator, QStringLiteral("vote"),
         Value::List{Value(transaction), Value(address()), Value(*m_vote)});
    changed();
    return true;
}

bool ParticipantAgent::commit(const QString &)
{
    if (m_state != State::Uncertain)
        return true;
    m_state = State::Committed;
    changed();
    return true;
}

bool ParticipantAgent::abort(const QString &)
{
    if (m_state == State::Committed || m_state == State::Aborted)
        return true;
    m_state = State::Aborted;
    changed();
    return true;
}

void ParticipantAgent::onMessageLost(const QString &,
                                     const QString &method,
                                     const mas::Value::List &,
                                     const mas::Error &)
{
    if (method == u"vote") {
        m_coordinatorLost = true;
        changed();
    }
}

// ---- CoordinatorAgent ----

CoordinatorAgent::CoordinatorAgent(mas::Container *container,
                                   quint32 seed,
                                   const QString &transaction,
                                   bool crashAfterPrepare)
    : DemoAgent(container, seed)
    , m_transaction(transaction)
    , m_crashAfterPrepare(crashAfterPrepare)
{
    router().expose(
        QStringLiteral("vote"), this, &CoordinatorAgent::vote,
        {QStringLiteral("transaction"), QStringLiteral("participant"), QStringLiteral("yes")});
}

void CoordinatorAgent::prepareAll()
{
    if (m_phase != Phase::Idle)
        return;
    m_phase = Phase::Preparing;
    for (const QString &url : std::as_const(m_participants)) {
        send(url, QStringLiteral("prepare"), Value::List{Value(m_transaction), Value(address())});
    }
    if (m_crashAfterPrepare)
        m_phase = Phase::Crashed;
    else if (m_participants.isEmpty())
        record(QString(), true); // nobody to ask: commit
    changed();
}

QString CoordinatorAgent::displayName() const
{
    if (!givenDisplayName().isEmpty())
        return givenDisplayName(); // a system file's name
    return tr("coordinator");
}

QString CoordinatorAgent::stateText() const
{
    int yes = 0;
    for (const auto &[url, vote] : m_votes) {
        if (vote)
            ++yes;
    }
    const QString votes =
        tr("%1/%2 votes, %3 yes").arg(m_votes.size()).arg(m_participants.size()).arg(yes);
    switch (m_phase) {
    case Phase::Idle:
        return tr("idle");
    case Phase::Preparing:
        return tr("preparing %1, %2").arg(m_transaction, votes);
    case Phase::Committed:
        return tr("committed %1, %2").arg(m_transaction, votes);
    case Phase::Aborted:
        return tr("aborted %1, %2").arg(m_transaction, votes);
    case Phase::Crashed:
        return tr("crashed");
    }
    return {};
}

Value::Map CoordinatorAgent::stateFields() const
{
    const char *phase = "idle";
    switch (m_phase) {
    case Phase::Idle: break;
    case Phase::Preparing: phase = "preparing"; break;
    case Phase::Committed: phase = "committed"; break;
    case Phase::Aborted: phase = "aborted"; break;
    case Phase::Crashed: phase = "crashed"; break;
    }
    Value::Map votes;
    for (const auto &[url, vote] : m_votes)
        votes.emplace_back(Value(url), Value(vote));
    Value::List unreachable;
    for (const QString &url : m_unreachable)
        unreachable.push_back(Value(url));
    Value::Map fields;
    fields.emplace_back(Value("phase"), Value(phase));
    fields.emplace_back(Value("transaction"), Value(m_transaction));
    fields.emplace_back(Value("votes"), Value(votes));
    fields.emplace_back(Value("unreachable"), Value(unreachable));
    return fields;
}

Result<bool>
CoordinatorAgent::vote(const QString &transaction, const QString &participant, bool yes)
{
    if (m_phase == Phase::Crashed)
        return Error(ErrorCode::ConnectionRefused, tr("The coordinator has crashed"));
    if (transaction == m_transaction)
        record(participant, yes);
    return true;
}

void CoordinatorAgent::record(const QString &participant, bool yes)
{
    if (m_phase != Phase::Preparing)
        return;
    if (!participant.isEmpty()) {
        if (!m_participants.contains(participant) || m_votes.count(participant) > 0)
            return; // unknown, or a copy
        m_votes.emplace(participant, yes);
    }
    if (m_votes.size() < std::size_t(m_participants.size()))
        return;
    const bool commit =
        std::all_of(m_votes.begin(), m_votes.end(), [](const auto &entry) { return entry.second; });
    m_phase = commit ? Phase::Committed : Phase::Aborted;
    const QString decision = commit ? QStringLiteral("commit") : QStringLiteral("abort");
    for (const QString &url : std::as_const(m_participants))
        send(url, decision, Value::List{Value(m_transaction)});
    changed();
}

void CoordinatorAgent::onMessageLost(const QString &url,
                                     const QString &method,
                                     const mas::Value::List &,
                                     const mas::Error &)
{
    if (m_phase == Phase::Crashed)
        return;
    if (method == u"prepare") {
        record(url, false); // unreachable: counts as no
    } else if ((method == u"commit" || method == u"abort") && !m_unreachable.contains(url)) {
        m_unreachable.append(url);
        changed();
    }
}

// ---- TwoPhaseCommit ----

DemoInfo TwoPhaseCommit::info()
{
    DemoInfo info;
    info.id = QStringLiteral("two-phase-commit");
    info.title = tr("Two-phase commit");
    info.description =
        tr("The coordinator asks every participant to prepare. A participant votes no and aborts, "
           "or votes yes and waits: from then on only the coordinator may decide. When all votes "
           "are in, the coordinator sends COMMIT if every vote was yes, else ABORT.");
    info.faultyDescription =
        tr("The coordinator crashes right after sending PREPARE. The participants that voted yes "
           "can neither commit nor abort: they are blocked.");
    info.messages = {
        {QStringLiteral("prepare(transaction, coordinator)"),
         tr("Phase 1: the coordinator asks a participant whether it can commit.")},
        {QStringLiteral("vote(transaction, participant, yes)"),
         tr("A participant's answer. After voting yes it may no longer decide by itself.")},
        {QStringLiteral("commit(transaction)"),
         tr("Phase 2, every vote was yes: the participant makes the transaction permanent.")},
        {QStringLiteral("abort(transaction)"),
         tr("Phase 2, some vote was no: the participant undoes the transaction.")},
        {QStringLiteral("→ result"), tr("The acknowledgement of a message: it arrived.")},
    };
    info.build = &TwoPhaseCommit::create;
    return info;
}

Result<std::unique_ptr<DemoSystem>> TwoPhaseCommit::create(const QString &queueId,
                                                           const DemoParameters &parameters)
{
    MAS_TRY_VOID(checkParameters(parameters));
    std::unique_ptr<TwoPhaseCommit> system(new TwoPhaseCommit(queueId, parameters));
    MAS_TRY_VOID(system->createContainers());

    std::mt19937 random(parameters.seed);
    auto *coordinator = new CoordinatorAgent(system->containerFor(0), random(),
                                             QStringLiteral("tx1"), parameters.faulty);
    system->m_coordinator = coordinator;
    system->addAgent(coordinator);
    QStringList urls;
    for (int i = 1; i < parameters.agents; ++i) {
        auto *participant = new ParticipantAgent(system->containerFor(i), random());
        system->m_participants.append(participant);
        system->addAgent(participant);
        urls.append(participant->address());
    }
    coordinator->setParticipants(urls);
    return std::unique_ptr<DemoSystem>(std::move(system));
}

QString TwoPhaseCommit::id() const
{
    return info().id;
}

QString TwoPhaseCommit::title() const
{
    return info().title;
}

void TwoPhaseCommit::begin()
{
    if (m_coordinator)
        m_coordinator->prepareAll();
}

QList<ParticipantAgent *> TwoPhaseCommit::participants() const
{
    QList<ParticipantAgent *> result;
    for (const auto &participant : m_participants) {
        if (participant)
            result.append(participant.data());
    }
    return result;
}

bool TwoPhaseCommit::isFinished() const
{
    if (!m_coordinator)
        return false;
    const QList<ParticipantAgent *> all = participants();
    switch (m_coordinator->phase()) {
    case CoordinatorAgent::Phase::Idle:
    case CoordinatorAgent::Phase::Preparing:
        return false;
    case CoordinatorAgent::Phase::Crashed:
        // Stuck for good once every participant has voted and the yes voters found out.
        return std::all_of(all.begin(), all.end(), [](ParticipantAgent *p) {
            return p->state() == ParticipantAgent::State::Aborted || p->isBlocked();
        });
    case CoordinatorAgent::Phase::Committed:
    case CoordinatorAgent::Phase::Aborted: {
        const QStringList unreachable = m_coordinator->unreachable();
        return std::all_of(all.begin(), all.end(), [&unreachable](ParticipantAgent *p) {
            return p->state() == ParticipantAgent::State::Committed
                   || p->state() == ParticipantAgent::State::Aborted
                   || unreachable.contains(p->address());
        });
    }
    }
    return false;
}

QString TwoPhaseCommit::outcome() const
{
    if (!m_coordinator)
        return tr("the coordinator is gone");
    const QList<ParticipantAgent *> all = participants();
    QStringList blocked, aborted, noVotes;
    int committed = 0;
    for (ParticipantAgent *p : all) {
        if (p->state() == ParticipantAgent::State::Uncertain)
            blocked.append(p->address());
        else if (p->state() == ParticipantAgent::State::Aborted)
            aborted.append(p->address());
        else if (p->state() == ParticipantAgent::State::Committed)
            ++committed;
        if (p->vote() == std::optional<bool>(false))
            noVotes.append(p->address());
    }
    if (!isFinished()) {
        return tr("running: %1 of %2 participants decided")
            .arg(committed + aborted.size())
            .arg(all.size());
    }
    switch (m_coordinator->phase()) {
    case CoordinatorAgent::Phase::Crashed:
        return tr("the coordinator crashed after PREPARE: %1 blocked (voted yes, cannot "
                  "decide)%2")
            .arg(blocked.isEmpty() ? tr("no participant is") : blocked.join(QStringLiteral(", ")))
            .arg(aborted.isEmpty()
                     ? QString()
                     : tr("; %1 aborted (voted no)").arg(aborted.join(QStringLiteral(", "))));
    case CoordinatorAgent::Phase::Committed:
        return tr("committed: all %1 participants voted yes and committed").arg(committed);
    case CoordinatorAgent::Phase::Aborted:
        return tr("aborted: %1 voted no; %2 of %3 participants aborted")
            .arg(noVotes.isEmpty() ? tr("a participant that could not be reached")
                                   : noVotes.join(QStringLiteral(", ")))
            .arg(aborted.size())
            .arg(all.size());
    default:
        break;
    }
    return {};
}

QList<Invariant> TwoPhaseCommit::goals() const
{
    QList<Invariant> result = DemoSystem::goals();
    QPointer<const TwoPhaseCommit> self(this);
    result.append(Invariant{
        QStringLiteral("blocked"), QStringLiteral("blocked"),
        QCoreApplication::translate("mas::system::Explorer",
                                    "The system is quiet and a participant is still uncertain: it voted yes and "
                                    "can neither commit nor abort."),
        [self] {
            if (!self)
                return false;
            const QList<ParticipantAgent *> all = self->participants();
            return std::none_of(all.begin(), all.end(), [](ParticipantAgent *p) {
                return p->state() == ParticipantAgent::State::Uncertain;
            });
        },
        [self] {
            QStringList uncertain;
            if (self) {
                for (ParticipantAgent *p : self->participants()) {
                    if (p->state() == ParticipantAgent::State::Uncertain)
                        uncertain << p->address();
                }
            }
            return QCoreApplication::translate("mas::demos", "Still uncertain: %1").arg(uncertain.join(QStringLiteral(", ")));
        },
        [self] {
            // The uncertain participants by name, and the coordinator's phase that left them so.
            InvariantExplanation why;
            if (!self)
                return why;
            QStringList uncertain;
            for (ParticipantAgent *p : self->participants()) {
                if (p->state() != ParticipantAgent::State::Uncertain)
                    continue;
                uncertain << p->displayName();
                why.add(p->address(), QStringLiteral("state"));
                why.add(p->address(), QStringLiteral("vote"));
            }
            if (self->coordinator())
                why.add(self->coordinator()->address(), QStringLiteral("phase"));
            why.text = QCoreApplication::translate("mas::demos", "Still uncertain: %1").arg(uncertain.join(QStringLiteral(", ")));
            return why;
        }});
    return result;
}

QList<Invariant> TwoPhaseCommit::invariants() const
{
    const auto committed = [](ParticipantAgent *p) { return p->state() == ParticipantAgent::State::Committed; };
    QList<Invariant> result;
    result.append(Invariant{QStringLiteral("all decide the same"), tr("all decide the same"),
                            tr("No participant commits while another aborts."),
                            [this] {
                                bool anyCommit = false, anyAbort = false;
                                for (ParticipantAgent *p : participants()) {
                                    anyCommit |= p->state() == ParticipantAgent::State::Committed;
                                    anyAbort |= p->state() == ParticipantAgent::State::Aborted;
                                }
                                return !(anyCommit && anyAbort);
                            },
                            {}, [this] {
                                InvariantExplanation why;
                                QStringList commits, aborts;
                                for (ParticipantAgent *p : participants()) {
                                    if (p->state() == ParticipantAgent::State::Committed)
                                        commits << p->displayName();
                                    else if (p->state() == ParticipantAgent::State::Aborted)
                                        aborts << p->displayName();
                                    else
                                        continue;
                                    why.add(p->address(), QStringLiteral("state"));
                                }
                                if (!commits.isEmpty() && !aborts.isEmpty())
                                    why.text = tr("%1 committed while %2 aborted")
                                                   .arg(commits.join(QStringLiteral(", ")), aborts.join(QStringLiteral(", ")));
                                else
                                    why.involved.clear();
                                return why;
                            }});
    result.append(Invariant{
        QStringLiteral("commit needs every yes"), tr("commit needs every yes"),
        tr("A participant commits only if every participant voted yes."),
        [this, committed] {
            const QList<ParticipantAgent *> all = participants();
            const bool anyCommit = std::any_of(all.begin(), all.end(), committed);
            return !anyCommit || std::all_of(all.begin(), all.end(), [](ParticipantAgent *p) {
                return p->vote() == std::optional<bool>(true);
            });
        },
        {}, [this, committed] {
            InvariantExplanation why;
            QStringList commits, notYes;
            for (ParticipantAgent *p : participants()) {
                if (committed(p)) {
                    commits << p->displayName();
                    why.add(p->address(), QStringLiteral("state"));
                }
            }
            for (ParticipantAgent *p : participants()) {
                if (p->vote() != std::optional<bool>(true)) {
                    notYes << p->displayName();
                    why.add(p->address(), QStringLiteral("vote"));
                }
            }
            why.text = tr("%1 committed, but %2 did not vote yes")
                           .arg(commits.join(QStringLiteral(", ")), notYes.join(QStringLiteral(", ")));
            return why;
        }});
    result.append(Invariant{
        QStringLiteral("only the coordinator decides commit"), tr("only the coordinator decides commit"),
        tr("A participant commits only after the coordinator decided to "
           "commit."),
        [this, committed] {
            const QList<ParticipantAgent *> all = participants();
            const bool anyCommit = std::any_of(all.begin(), all.end(), committed);
            return !anyCommit || (m_coordinator && m_coordinator->phase() == CoordinatorAgent::Phase::Committed);
        },
        {}, [this, committed] {
            InvariantExplanation why;
            QStringList commits;
            for (ParticipantAgent *p : participants()) {
                if (committed(p)) {
                    commits << p->displayName();
                    why.add(p->address(), QStringLiteral("state"));
                }
            }
            if (m_coordinator)
                why.add(m_coordinator->address(), QStringLiteral("phase"));
            why.text = tr("%1 committed, but the coordinator did not decide to commit")
                           .arg(commits.join(QStringLiteral(", ")));
            return why;
        }});
    return result;
}

} // namespace mas::demos
