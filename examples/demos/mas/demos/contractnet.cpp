// SPDX-License-Identifier: MIT
#include "contractnet.h"

#include <mas/agent/container.h>

#include <algorithm>
#include <random>

namespace mas::demos {

namespace {

QString costText(double cost)
{
    return QString::number(cost, 'f', 1);
}

} // namespace

// ---- ContractorAgent ----

ContractorAgent::ContractorAgent(mas::Container *container, quint32 seed)
    : DemoAgent(container, seed)
{
    router().expose(QStringLiteral("cfp"), this, &ContractorAgent::cfp,
                    {QStringLiteral("task"), QStringLiteral("manager")});
    router().expose(QStringLiteral("accept"), this, &ContractorAgent::accept,
                    {QStringLiteral("task"), QStringLiteral("manager")});
    router().expose(QStringLiteral("reject"), this, &ContractorAgent::reject,
                    {QStringLiteral("task")});
}

QString ContractorAgent::displayName() const
{
    if (!givenDisplayName().isEmpty())
        return givenDisplayName(); // a system file's name
    return tr("contractor %1").arg(roleIndex());
}

QString ContractorAgent::stateText() const
{
    switch (m_state) {
    case State::Idle:
        return tr("idle");
    case State::Refused:
        return tr("refused");
    case State::Proposed:
        return tr("bid %1").arg(costText(m_bid.value_or(0)));
    case State::Rejected:
        return tr("bid %1, rejected").arg(costText(m_bid.value_or(0)));
    case State::Done:
        return tr("bid %1, won and done").arg(costText(m_bid.value_or(0)));
    }
    return {};
}

Value::Map ContractorAgent::stateFields() const
{
    const char *state = "idle";
    switch (m_state) {
    case State::Idle: break;
    case State::Proposed: state = "proposed"; break;
    case State::Refused: state = "refused"; break;
    case State::Rejected: state = "rejected"; break;
    case State::Done: state = "done"; break;
    }
    Value::Map fields;
    fields.emplace_back(Value("state"), Value(state));
    fields.emplace_back(Value("bid"), m_bid ? Value(*m_bid) : Value());
    return fields;
}

bool ContractorAgent::cfp(const QString &task, const QString &manager)
{
    if (m_state != State::Idle)
        return true; // a copy of the call
    if (uniform(0, 4) == 0) {
        m_state = State::Refused;
        send(manager, QStringLiteral("refuse"), Value::List{Value(task), Value(address())});
    } else {
        m_bid = uniform(10, 99) / 2.0; // 5.0 … 49.5 in steps of 0.5
        m_state = State::Proposed;
        send(manager, QStringLiteral("propose"),
             Value::List{Value(task), Value(address()), Value(*m_bid)});
    }
    changed();
    return true;
}

bool ContractorAgent::accept(const QString &task, const QString &manager)
{
    if (m_state != State::Proposed)
        return true;
    // Performing the task takes no time here; the report is the interesting message.
    m_state = State::Done;
    send(manager, QStringLiteral("inform_done"),
         Value::List{Value(task), Value(address()), Value(QStringLiteral("%1 done").arg(task)) /* message content: never translated */});
    changed();
    return true;
}

bool ContractorAgent::reject(const QString &)
{
    if (m_state != State::Proposed)
        return true;
    m_state = State::Rejected;
    changed();
    return true;
}

// ---- ManagerAgent ----

ManagerAgent::ManagerAgent(mas::Container *container, quint32 seed, const QString &task)
    : DemoAgent(container, seed)
    , m_task(task)
{
    router().expose(QStringLiteral("propose"), this, &ManagerAgent::propose,
                    {QStringLiteral("task"), QStringLiteral("contractor"), QStringLiteral("cost")});
    router().expose(QStringLiteral("refuse"), this, &ManagerAgent::refuse,
                    {QStringLiteral("task"), QStringLiteral("contractor")});
    router().expose(
        QStringLiteral("inform_done"), this, &ManagerAgent::informDone,
        {QStringLiteral("task"), QStringLiteral("contractor"), QStringLiteral("result")});
}

QList<std::optional<double>> ManagerAgent::bids() const
{
    QList<std::optional<double>> result;
    for (const QString &url : m_contractors) {
        auto it = m_answers.find(url);
        result.append(it == m_answers.end() ? std::nullopt : it->second);
    }
    return result;
}

void ManagerAgent::announce()
{
    if (m_phase != Phase::Idle)
        return;
    m_phase = Phase::Announced;
    for (const QString &url : std::as_const(m_contractors))
        send(url, QStringLiteral("cfp"), Value::List{Value(m_task), Value(address())});
    maybeAward(); // no contractors: nothing to wait for
    changed();
}

QString ManagerAgent::displayName() const
{
    if (!givenDisplayName().isEmpty())
        return givenDisplayName(); // a system file's name
    return tr("manager");
}

QString ManagerAgent::stateText() const
{
    int proposals = 0;
    for (const auto &[url, cost] : m_answers) {
        if (cost)
            ++proposals;
    }
    const QString answers =
        tr("%1/%2 answers, %3 bids").arg(m_answers.size()).arg(m_contractors.size()).arg(proposals);
    switch (m_phase) {
    case Phase::Idle:
        return tr("idle");
    case Phase::Announced:
        return tr("announced %1, %2").arg(m_task, answers);
    case Phase::Awarded:
        return tr("awarded %1 to %2 for %3, %4").arg(m_task, m_winner, costText(m_cost), answers);
    case Phase::Done:
        return tr("%1 done by %2 for %3, %4").arg(m_task, m_winner, costText(m_cost), answers);
    case Phase::NoBids:
        return tr("no bids for %1, %2").arg(m_task, answers);
    case Phase::Failed:
        return tr("award of %1 to %2 failed, %3").arg(m_task, m_winner, answers);
    }
    return {};
}

Value::Map ManagerAgent::stateFields() const
{
    const char *phase = "idle";
    switch (m_phase) {
    case Phase::Idle: break;
    case Phase::Announced: phase = "announced"; break;
    case Phase::Awarded: phase = "awarded"; break;
    case Phase::Done: phase = "done"; break;
    case Phase::NoBids: phase = "no bids"; break;
    case Phase::Failed: phase = "failed"; break;
    }
    Value::Map answers;
    for (const auto &[url, cost] : m_answers)
        answers.emplace_back(Value(url), cost ? Value(*cost) : Value());
    Value::Map fields;
    fields.emplace_back(Value("phase"), Value(phase));
    fields.emplace_back(Value("task"), Value(m_task));
    fields.emplace_back(Value("winner"), m_winner.isEmpty() ? Value() : Value(m_winner));
    fields.emplace_back(Value("cost"), Value(m_cost));
    fields.emplace_back(Value("answers"), Value(answers));
    return fields;
}

void ManagerAgent::answer(const QString &contractor, std::optional<double> cost)
{
    if (m_phase != Phase::Announced || !m_contractors.contains(contractor)
        || m_answers.count(contractor) > 0)
        return; // late, unknown, or a copy
    m_answers.emplace(contractor, cost);
    maybeAward();
    changed();
}

bool ManagerAgent::propose(const QString &task, const QString &contractor, double cost)
{
    if (task == m_task)
        answer(contractor, cost);
    return true;
}

bool ManagerAgent::refuse(const QString &task, const QString &contractor)
{
    if (task == m_task)
        answer(contractor, std::nullopt);
    return true;
}

bool ManagerAgent::informDone(const QString &task, const QString &contractor, const QString &result)
{
    if (task != m_task || m_phase != Phase::Awarded || contractor != m_winner)
        return true;
    m_phase = Phase::Done;
    m_result = result;
    changed();
    return true;
}

void ManagerAgent::onMessageLost(const QString &url,
                                 const QString &method,
                                 const mas::Value::List &,
                                 const mas::Error &)
{
    if (method == u"cfp") {
        answer(url, std::nullopt); // unreachable counts as a refusal
    } else if (method == u"accept" && m_phase == Phase::Awarded && url == m_winner) {
        m_phase = Phase::Failed;
        changed();
    }
}

void ManagerAgent::maybeAward()
{
    if (m_phase != Phase::Announced || m_answers.size() < std::size_t(m_contractors.size()))
        return;
    // The lowest cost wins; ties go to the contractor listed first (not to the first to
    // answer, which would depend on the delivery order).
    qsizetype best = -1;
    for (qsizetype i = 0; i < m_contractors.size(); ++i) {
        const std::optional<double> &cost = m_answers[m_contractors[i]];
        if (cost && (best < 0 || *cost < m_cost)) {
            best = i;
            m_cost = *cost;
        }
    }
    if (best < 0) {
        m_phase = Phase::NoBids;
        return;
    }
    m_phase = Phase::Awarded;
    m_winner = m_contractors[best];
    send(m_winner, QStringLiteral("accept"), Value::List{Value(m_task), Value(address())});
    for (const QString &url : std::as_const(m_contractors)) {
        if (url != m_winner && m_answers[url])
            send(url, QStringLiteral("reject"), Value::List{Value(m_task)});
    }
}

// ---- ContractNet ----

DemoInfo ContractNet::info()
{
    DemoInfo info;
    info.id = QStringLiteral("contract-net");
    info.title = tr("Contract Net");
    info.description =
        tr("A manager sends a call for proposals to every contractor. Each bids a cost or "
           "refuses; when all have answered, the lowest bid gets the award and the other bidders "
           "a rejection. The winner performs the task and reports back.");
    info.messages = {
        {QStringLiteral("cfp(task, manager)"),
         tr("Call for proposals: the manager asks a contractor to bid for the task.")},
        {QStringLiteral("propose(task, contractor, cost)"), tr("A contractor's bid: what the task would cost it.")},
        {QStringLiteral("refuse(task, contractor)"), tr("A contractor will not bid for the task.")},
        {QStringLiteral("accept(task, manager)"), tr("The award: the lowest bidder is to perform the task.")},
        {QStringLiteral("reject(task)"), tr("The other bidders lost.")},
        {QStringLiteral("inform_done(task, contractor, result)"),
         tr("The winner reports that the task is done.")},
        {QStringLiteral("→ result"), tr("The acknowledgement of a message: it arrived.")},
    };
    info.build = &ContractNet::create;
    return info;
}

Result<std::unique_ptr<DemoSystem>> ContractNet::create(const QString &queueId,
                                                        const DemoParameters &parameters)
{
    MAS_TRY_VOID(checkParameters(parameters));
    std::unique_ptr<ContractNet> system(new ContractNet(queueId, parameters));
    MAS_TRY_VOID(system->createContainers());

    std::mt19937 random(parameters.seed);
    auto *manager = new ManagerAgent(system->containerFor(0), random(), QStringLiteral("T1"));
    system->m_manager = manager;
    system->addAgent(manager);
    QStringList urls;
    for (int i = 1; i < parameters.agents; ++i) {
        auto *contractor = new ContractorAgent(system->containerFor(i), random());
        system->m_contractors.append(contractor);
        system->addAgent(contractor);
        urls.append(contractor->address());
    }
    manager->setContractors(urls);
    return std::unique_ptr<DemoSystem>(std::move(system));
}

QString ContractNet::id() const
{
    return info().id;
}

QString ContractNet::title() const
{
    return info().title;
}

void ContractNet::begin()
{
    if (m_manager)
        m_manager->announce();
}

QList<ContractorAgent *> ContractNet::contractors() const
{
    QList<ContractorAgent *> result;
    for (const auto &contractor : m_contractors) {
        if (contractor)
            result.append(contractor.data());
    }
    return result;
}

bool ContractNet::isFinished() const
{
    if (!m_manager)
        return false;
    const ManagerAgent::Phase phase = m_manager->phase();
    return phase == ManagerAgent::Phase::Done || phase == ManagerAgent::Phase::NoBids
           || phase == ManagerAgent::Phase::Failed;
}

QString ContractNet::outcome() const
{
    if (!m_manager)
        return tr("the manager is gone");
    const QList<std::optional<double>> bids = m_manager->bids();
    const auto bidCount = std::count_if(
        bids.begin(), bids.end(), [](const std::optional<double> &b) { return b.has_value(); });
    // The winner by the name the views give it ("contractor 3"), not by its URL.
    const QString winner = displayNames().value(m_manager->winner(), m_manager->winner());
    switch (m_manager->phase()) {
    case ManagerAgent::Phase::Idle:
        return tr("not started");
    case ManagerAgent::Phase::Announced:
        return tr("collecting bids: %1 of %2 contractors answered")
            .arg(m_manager->answered())
            .arg(m_manager->contractors().size());
    case ManagerAgent::Phase::Awarded:
        return tr("awarded %1 to %2 for %3; waiting for the report")
            .arg(m_manager->task(), winner, costText(m_manager->winningCost()));
    case ManagerAgent::Phase::Done:
        return tr("%1 awarded to %2 for %3 (lowest of %4 bids) and done")
            .arg(m_manager->task(), winner, costText(m_manager->winningCost()))
            .arg(bidCount);
    case ManagerAgent::Phase::NoBids:
        return tr("nobody bid for %1").arg(m_manager->task());
    case ManagerAgent::Phase::Failed:
        return tr("%1 awarded to %2, who could not be reached")
            .arg(m_manager->task(), winner);
    }
    return {};
}

QList<Invariant> ContractNet::invariants() const
{
    const auto done = [](ContractorAgent *c) { return c->state() == ContractorAgent::State::Done; };
    QList<Invariant> result;
    result.append(Invariant{
        QStringLiteral("at most one contractor works"), tr("at most one contractor works"),
        tr("Only one contractor performs the task."),
        [this, done] {
            const QList<ContractorAgent *> all = contractors();
            return std::count_if(all.begin(), all.end(), done) <= 1;
        },
        {}, [this, done] {
            InvariantExplanation why;
            QStringList working;
            for (ContractorAgent *c : contractors()) {
                if (done(c)) {
                    working << c->displayName();
                    why.add(c->address(), QStringLiteral("state"));
                }
            }
            if (working.size() > 1)
                why.text = tr("%1 all performed the task").arg(working.join(QStringLiteral(", ")));
            else
                why.involved.clear();
            return why;
        }});
    result.append(Invariant{QStringLiteral("only the winner works"), tr("only the winner works"),
                            tr("A contractor performs the task only if the manager awarded it."),
                            [this, done] {
                                for (ContractorAgent *c : contractors()) {
                                    if (done(c) && (!m_manager || m_manager->winner() != c->address()))
                                        return false;
                                }
                                return true;
                            },
                            {}, [this, done] {
                                InvariantExplanation why;
                                for (ContractorAgent *c : contractors()) {
                                    if (!done(c) || (m_manager && m_manager->winner() == c->address()))
                                        continue;
                                    why.add(c->address(), QStringLiteral("state"));
                                    if (why.text.isEmpty())
                                        why.text = tr("%1 performed the task, but the manager did not award it to it")
                                                       .arg(c->displayName());
                                }
                                if (m_manager && !why.involved.isEmpty())
                                    why.add(m_manager->address(), QStringLiteral("winner"));
                                return why;
                            }});
    result.append(Invariant{QStringLiteral("the lowest bid wins"), tr("the lowest bid wins"),
                            tr("The award goes to the lowest bid the manager received."),
                            [this] {
                                if (!m_manager || m_manager->winner().isEmpty())
                                    return true;
                                for (const std::optional<double> &bid : m_manager->bids()) {
                                    if (bid && *bid < m_manager->winningCost())
                                        return false;
                                }
                                return true;
                            },
                            {}, [this] {
                                InvariantExplanation why;
                                if (!m_manager || m_manager->winner().isEmpty())
                                    return why;
                                why.add(m_manager->address(), QStringLiteral("winner"));
                                why.add(m_manager->address(), QStringLiteral("cost"));
                                why.add(m_manager->address(), QStringLiteral("answers"));
                                why.text = tr("%1 awarded the task for %2, but a lower bid had arrived")
                                               .arg(m_manager->displayName(), costText(m_manager->winningCost()));
                                return why;
                            }});
    return result;
}

} // namespace mas::demos
