// SPDX-License-Identifier: MIT
#include "pingpong.h"

#include <mas/agent/container.h>
#include <mas/clock/clock.h>

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>
#include <random>

namespace mas::demos {

namespace {

constexpr int kMaxRounds = 100;

QString joinRounds(const std::set<int> &rounds)
{
    QStringList texts;
    for (int round : rounds)
        texts.append(QString::number(round));
    return texts.join(QStringLiteral(", "));
}

} // namespace

// ---- PingerAgent ----

PingerAgent::PingerAgent(mas::Container *container, quint32 seed, int rounds)
    : DemoAgent(container, seed)
    , m_rounds(rounds)
{
    router().expose(QStringLiteral("pong"), this, &PingerAgent::pong,
                    {QStringLiteral("round"), QStringLiteral("sender")});
}

void PingerAgent::setPongers(const QStringList &urls)
{
    m_pongers = urls;
    m_pongs.clear();
    for (const QString &url : urls)
        m_pongs[url];
}

std::set<int> PingerAgent::pongsFrom(const QString &ponger) const
{
    const auto it = m_pongs.find(ponger);
    return it == m_pongs.end() ? std::set<int>() : it->second;
}

bool PingerAgent::isAnswered(int round) const
{
    if (round < 1)
        return false;
    return std::all_of(m_pongs.begin(), m_pongs.end(),
                       [round](const auto &entry) { return entry.second.contains(round); });
}

void PingerAgent::startPinging()
{
    if (m_round != 0)
        return;
    startRound(1);
    changed();
}

void PingerAgent::startRound(int round)
{
    m_round = round;
    m_roundTimes.append(clock()->time());
    // A fresh order every round, from the seed: FIFO delivery then interleaves the pongs
    // differently from seed to seed.
    QStringList order = m_pongers;
    for (qsizetype i = order.size() - 1; i > 0; --i)
        order.swapItemsAt(i, uniform(0, int(i)));
    for (const QString &url : std::as_const(order))
        send(url, QStringLiteral("ping"), Value::List{Value(round), Value(address())});
}

QCoro::Task<void> PingerAgent::nextRoundLater()
{
    QPointer<PingerAgent> self(this);
    m_sleeping = true;
    // The timer the clock panel shows. The clock moves when the system is quiet (free-running)
    // or when asked (stepped); a destroyed clock wakes us with Cancelled.
    mas::Clock *timer = clock();
    const double interval = kInterval;
    mas::Result<void> slept = co_await timer->sleep(interval);
    if (!self)
        co_return;
    m_sleeping = false;
    if (slept)
        startRound(m_round + 1);
    changed();
}

QString PingerAgent::displayName() const
{
    if (!givenDisplayName().isEmpty())
        return givenDisplayName(); // a system file's name
    return tr("pinger");
}

namespace {
Value roundList(const std::set<int> &rounds)
{
    Value::List list;
    for (int round : rounds)
        list.push_back(Value(round));
    return Value(list);
}
} // namespace

Value::Map PingerAgent::stateFields() const
{
    Value::Map pongs;
    for (const auto &[url, rounds] : m_pongs)
        pongs.emplace_back(Value(url), roundList(rounds));
    Value::Map fields;
    fields.emplace_back(Value("round"), Value(m_round));
    fields.emplace_back(Value("rounds"), Value(m_rounds));
    fields.emplace_back(Value("pongs"), Value(pongs));
    fields.emplace_back(Value("sleeping"), Value(m_sleeping));
    return fields;
}

Value::Map PongerAgent::stateFields() const
{
    Value::List answers;
    for (int answer : m_answers)
        answers.push_back(Value(answer));
    Value::Map fields;
    fields.emplace_back(Value("pinged"), roundList(m_pinged));
    fields.emplace_back(Value("pings"), Value(m_pings));
    fields.emplace_back(Value("answers"), Value(answers));
    return fields;
}

QString PingerAgent::stateText() const
{
    if (m_round == 0)
        return tr("pinger, idle");
    const auto answered = std::count_if(m_pongs.begin(), m_pongs.end(), [this](const auto &entry) {
        return entry.second.contains(m_round);
    });
    QString text = tr("pinger, round %1 of %2, %3/%4 answered")
                       .arg(m_round)
                       .arg(m_rounds)
                       .arg(answered)
                       .arg(m_pongs.size());
    if (isDone())
        text += tr(", done");
    else if (m_sleeping)
        text += tr(", sleeping");
    // Rounds named by pongs beyond the current one: what a faulty ponger sends.
    std::set<int> ahead;
    for (const auto &[url, rounds] : m_pongs) {
        for (int round : rounds) {
            if (round > m_round)
                ahead.insert(round);
        }
    }
    if (!ahead.empty())
        text += tr(", pongs for unsent rounds %1").arg(joinRounds(ahead));
    return text;
}

bool PingerAgent::pong(int round, const QString &sender)
{
    auto it = m_pongs.find(sender);
    if (it == m_pongs.end() || it->second.contains(round))
        return true; // not a ponger, or a copy of a pong already counted
    it->second.insert(round);
    if (!m_sleeping && m_round < m_rounds && isAnswered(m_round))
        nextRoundLater(); // runs on by itself: sleeps, then pings again
    changed();
    return true;
}

// ---- PongerAgent ----

PongerAgent::PongerAgent(mas::Container *container, quint32 seed, bool faulty)
    : DemoAgent(container, seed)
    , m_faulty(faulty)
{
    router().expose(QStringLiteral("ping"), this, &PongerAgent::ping,
                    {QStringLiteral("round"), QStringLiteral("sender")});
}

QString PongerAgent::displayName() const
{
    if (!givenDisplayName().isEmpty())
        return givenDisplayName(); // a system file's name
    return tr("ponger %1").arg(roleIndex());
}

QString PongerAgent::stateText() const
{
    if (m_pings == 0)
        return tr("ponger, not pinged yet");
    QStringList answers;
    for (int answer : m_answers)
        answers.append(QString::number(answer));
    return tr("ponger, pinged in rounds %1 (%2 pings), answered %3")
        .arg(joinRounds(m_pinged))
        .arg(m_pings)
        .arg(answers.join(QStringLiteral(", ")));
}

bool PongerAgent::ping(int round, const QString &sender)
{
    ++m_pings;
    m_pinged.insert(round);
    // The teaching bug: a counter stands in for the round. A copy of a ping (sent again after
    // a lost acknowledgement) moves the counter ahead of the pinger.
    const int answer = m_faulty ? m_pings : round;
    m_answers.push_back(answer);
    if (!sender.isEmpty())
        send(sender, QStringLiteral("pong"), Value::List{Value(answer), Value(address())});
    changed();
    return true;
}

// ---- PingPong ----

DemoInfo PingPong::info()
{
    DemoInfo info;
    info.id = QStringLiteral("ping-pong");
    info.title = tr("Ping-pong (request/reply and the clock)");
    info.description = tr(
        "The pinger (agent 0) sends ping(round) to every other agent; each ponger answers with "
        "pong(round). When every ponger has answered, the pinger sleeps one second on the "
        "clock and starts the next round, until all rounds are done. Watch the requests and "
        "their acknowledgements, the pongs that answer them, and the pinger's timer in the "
        "clock panel: time moves only when no message is on its way.");
    info.faultyDescription = tr(
        "The pongers number their pongs themselves (1, 2, 3, …) instead of echoing the round "
        "of the ping. In FIFO order nobody notices; deliver one ping twice (a copy, as after a "
        "lost acknowledgement) and that ponger answers rounds the pinger never sent.");
    info.messages = {
        {QStringLiteral("ping(round, sender)"), tr("The pinger asks a ponger to answer this round.")},
        {QStringLiteral("pong(round, sender)"),
         tr("The ponger's answer. It must carry the round of the ping it answers.")},
        {QStringLiteral("→ result"),
         tr("The acknowledgement of a ping or pong: it arrived. Without one, the message is sent "
            "again when its deadline passes, so a ponger may see the same ping twice.")},
    };
    info.build = &PingPong::create;
    return info;
}

Result<std::unique_ptr<DemoSystem>> PingPong::create(const QString &queueId,
                                                     const DemoParameters &parameters)
{
    MAS_TRY_VOID(checkParameters(parameters));
    if (parameters.rounds < 1 || parameters.rounds > kMaxRounds) {
        return Error(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("mas::demos",
                                                 "Ping-pong needs 1 to %1 rounds, not %2")
                         .arg(kMaxRounds)
                         .arg(parameters.rounds));
    }
    std::unique_ptr<PingPong> system(new PingPong(queueId, parameters));
    MAS_TRY_VOID(system->createContainers());

    std::mt19937 random(parameters.seed);
    auto *pinger = new PingerAgent(system->containerFor(0), random(), parameters.rounds);
    system->m_pinger = pinger;
    system->addAgent(pinger);
    QStringList urls;
    for (int i = 1; i < parameters.agents; ++i) {
        auto *ponger = new PongerAgent(system->containerFor(i), random(), parameters.faulty);
        system->m_index.insert(ponger->address(), int(system->m_pongers.size()));
        system->m_pongers.append(ponger);
        system->addAgent(ponger);
        urls.append(ponger->address());
    }
    pinger->setPongers(urls);
    return std::unique_ptr<DemoSystem>(std::move(system));
}

QString PingPong::id() const
{
    return info().id;
}

QString PingPong::title() const
{
    return info().title;
}

void PingPong::begin()
{
    if (m_pinger)
        m_pinger->startPinging();
}

PingerAgent *PingPong::pinger() const
{
    return m_pinger.data();
}

QList<PongerAgent *> PingPong::pongers() const
{
    QList<PongerAgent *> result;
    for (const auto &ponger : m_pongers) {
        if (ponger)
            result.append(ponger.data());
    }
    return result;
}

PongerAgent *PingPong::pongerAt(const QString &url) const
{
    const int index = m_index.value(url, -1);
    return index < 0 ? nullptr : m_pongers.at(index).data();
}

bool PingPong::isFinished() const
{
    return m_pinger && m_pinger->isDone();
}

QString PingPong::outcome() const
{
    const PingerAgent *p = pinger();
    if (!p)
        return tr("the pinger is gone");
    int pongs = 0;
    for (const QString &url : p->pongers())
        pongs += int(p->pongsFrom(url).size());
    if (!isFinished()) {
        return tr("round %1 of %2 (t = %3 s): %4 pongs so far")
            .arg(p->round())
            .arg(p->rounds())
            .arg(clock()->time())
            .arg(pongs);
    }
    return tr("%1 rounds done: %2 pongers answered every ping (%3 pongs), rounds started at "
              "t = %4 s")
        .arg(p->rounds())
        .arg(p->pongers().size())
        .arg(pongs)
        .arg([p] {
            QStringList times;
            for (double t : p->roundTimes())
                times.append(QString::number(t));
            return times.join(QStringLiteral(", "));
        }());
}

QList<Invariant> PingPong::invariants() const
{
    QList<Invariant> result;
    result.append(Invariant{
        QStringLiteral("every pong answers a ping sent earlier"), tr("every pong answers a ping sent earlier"),
        tr("A pong names a round in which its ponger was pinged before."), [this] {
            const PingerAgent *p = pinger();
            if (!p)
                return true;
            for (const QString &url : p->pongers()) {
                const PongerAgent *ponger = pongerAt(url);
                const std::set<int> pinged = ponger ? ponger->roundsPinged() : std::set<int>();
                for (int round : p->pongsFrom(url)) {
                    if (round > p->round() || !pinged.contains(round))
                        return false;
                }
            }
            return true;
        },
        {}, [this] {
            InvariantExplanation why;
            const PingerAgent *p = pinger();
            if (!p)
                return why;
            for (const QString &url : p->pongers()) {
                const PongerAgent *ponger = pongerAt(url);
                const std::set<int> pinged = ponger ? ponger->roundsPinged() : std::set<int>();
                for (int round : p->pongsFrom(url)) {
                    if (round <= p->round() && pinged.contains(round))
                        continue;
                    why.add(p->address(), QStringLiteral("pongs"));
                    why.add(p->address(), QStringLiteral("round"));
                    if (ponger) {
                        why.add(url, QStringLiteral("pinged"));
                        why.add(url, QStringLiteral("answers"));
                    }
                    why.text = tr("%1 answered round %2, in which it was not pinged before")
                                   .arg(ponger ? ponger->displayName() : url)
                                   .arg(round);
                    return why;
                }
            }
            return why;
        }});
    result.append(Invariant{
        QStringLiteral("rounds never exceed the configured count"), tr("rounds never exceed the configured count"),
        tr("No ping, pong or round of the pinger names a round beyond the configured count."),
        [this] {
            const PingerAgent *p = pinger();
            if (!p)
                return true;
            const int most = p->rounds();
            if (p->round() > most)
                return false;
            for (const QString &url : p->pongers()) {
                const std::set<int> pongs = p->pongsFrom(url);
                if (!pongs.empty() && *pongs.rbegin() > most)
                    return false;
            }
            const QList<PongerAgent *> all = pongers();
            return std::none_of(all.begin(), all.end(), [most](const PongerAgent *ponger) {
                const std::set<int> pinged = ponger->roundsPinged();
                return !pinged.empty() && (*pinged.begin() < 1 || *pinged.rbegin() > most);
            });
        },
        {}, [this] {
            InvariantExplanation why;
            const PingerAgent *p = pinger();
            if (!p)
                return why;
            const int most = p->rounds();
            if (p->round() > most) {
                why.add(p->address(), QStringLiteral("round"));
                why.add(p->address(), QStringLiteral("rounds"));
                why.text = tr("%1 is in round %2 of %3").arg(p->displayName()).arg(p->round()).arg(most);
                return why;
            }
            for (const QString &url : p->pongers()) {
                const std::set<int> pongs = p->pongsFrom(url);
                if (!pongs.empty() && *pongs.rbegin() > most) {
                    why.add(p->address(), QStringLiteral("pongs"));
                    why.add(p->address(), QStringLiteral("rounds"));
                    why.add(url, QStringLiteral("answers"));
                    const PongerAgent *ponger = pongerAt(url);
                    why.text = tr("%1 answered round %2 of %3")
                                   .arg(ponger ? ponger->displayName() : url)
                                   .arg(*pongs.rbegin())
                                   .arg(most);
                    return why;
                }
            }
            for (const PongerAgent *ponger : pongers()) {
                const std::set<int> pinged = ponger->roundsPinged();
                if (!pinged.empty() && (*pinged.begin() < 1 || *pinged.rbegin() > most)) {
                    why.add(ponger->address(), QStringLiteral("pinged"));
                    why.add(p->address(), QStringLiteral("rounds"));
                    why.text = tr("%1 was pinged in a round beyond %2").arg(ponger->displayName()).arg(most);
                    return why;
                }
            }
            return why;
        }});
    result.append(Invariant{
        QStringLiteral("one round at a time"), tr("one round at a time"),
        tr("The pinger starts a round only after every ponger answered the one before."),
        [this] {
            const PingerAgent *p = pinger();
            if (!p)
                return true;
            for (int round = 1; round < p->round(); ++round) {
                if (!p->isAnswered(round))
                    return false;
            }
            const QList<PongerAgent *> all = pongers();
            return std::none_of(all.begin(), all.end(), [p](const PongerAgent *ponger) {
                const std::set<int> pinged = ponger->roundsPinged();
                return !pinged.empty() && *pinged.rbegin() > p->round();
            });
        },
        {}, [this] {
            InvariantExplanation why;
            const PingerAgent *p = pinger();
            if (!p)
                return why;
            for (int round = 1; round < p->round(); ++round) {
                if (!p->isAnswered(round)) {
                    why.add(p->address(), QStringLiteral("round"));
                    why.add(p->address(), QStringLiteral("pongs"));
                    why.text = tr("%1 started round %2 before every ponger answered round %3")
                                   .arg(p->displayName())
                                   .arg(p->round())
                                   .arg(round);
                    return why;
                }
            }
            for (const PongerAgent *ponger : pongers()) {
                const std::set<int> pinged = ponger->roundsPinged();
                if (!pinged.empty() && *pinged.rbegin() > p->round()) {
                    why.add(ponger->address(), QStringLiteral("pinged"));
                    why.add(p->address(), QStringLiteral("round"));
                    why.text = tr("%1 was pinged in round %2, ahead of the pinger's round %3")
                                   .arg(ponger->displayName())
                                   .arg(*pinged.rbegin())
                                   .arg(p->round());
                    return why;
                }
            }
            return why;
        }});
    return result;
}

} // namespace mas::demos
