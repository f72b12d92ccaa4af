// SPDX-License-Identifier: MIT
#pragma once

#include <mas/demos/demoagent.h>
#include <mas/demos/demosystem.h>

#include <QHash>
#include <QStringList>

#include <QCoro/QCoroTask>

#include <map>
#include <set>
#include <vector>

namespace mas::demos {

/// The pinger: pings every ponger, round after round, with a pause on the clock in between.
///
/// Round r sends `ping(round = r, sender)` to every ponger (in a seeded order) and waits for a
/// `pong(round, sender)` from each. When all have answered it sleeps one second on the clock
/// (`co_await clock()->sleep(1)`), then starts round r + 1, until the configured number of
/// rounds is done. Copies of pongs (a message sent again) are counted once.
class PingerAgent : public DemoAgent
{
    Q_OBJECT

public:
    /// The pause between two rounds, in seconds of the clock.
    static constexpr double kInterval = 1.0;

    PingerAgent(mas::Container *container, quint32 seed, int rounds);

    void setPongers(const QStringList &urls);
    QStringList pongers() const { return m_pongers; }
    /// How many rounds it pings in all.
    int rounds() const { return m_rounds; }
    /// The round it started last (0 before start()).
    int round() const { return m_round; }
    /// The rounds named by the pongs from `ponger`, ascending (whatever they say).
    std::set<int> pongsFrom(const QString &ponger) const;
    /// Every ponger answered round `round`.
    bool isAnswered(int round) const;
    /// It sleeps on the clock before the next round.
    bool isSleeping() const { return m_sleeping; }
    /// Every round was sent and answered by every ponger.
    bool isDone() const { return m_round == m_rounds && isAnswered(m_round); }
    /// The clock's time() when each round started, in round order.
    QList<double> roundTimes() const { return m_roundTimes; }
    /// Starts round 1 (once).
    void startPinging();

    /// Its role, for people: see SystemAgent::displayName().
    QString displayName() const override;
    QString stateText() const override;
    /// round, rounds, pongs (ponger -> rounds its pongs named), sleeping.
    Value::Map stateFields() const override;

    // messages
    bool pong(int round, const QString &sender);

private:
    void startRound(int round);
    QCoro::Task<void> nextRoundLater();

    int m_rounds;
    QStringList m_pongers;
    std::map<QString, std::set<int>> m_pongs; // ponger -> rounds its pongs named
    int m_round = 0;
    bool m_sleeping = false;
    QList<double> m_roundTimes;
};

/// A ponger: answers every `ping(round, sender)` with `pong(round, own address)`.
///
/// The faulty ponger numbers its pongs itself (1, 2, 3, …) instead of echoing the ping's round:
/// right as long as every ping arrives exactly once.
class PongerAgent : public DemoAgent
{
    Q_OBJECT

public:
    PongerAgent(mas::Container *container, quint32 seed, bool faulty);

    bool isFaulty() const { return m_faulty; }
    /// The distinct rounds it was pinged in, ascending.
    std::set<int> roundsPinged() const { return m_pinged; }
    /// How many pings arrived, copies included.
    int pingsReceived() const { return m_pings; }
    /// The rounds its pongs named, in the order sent.
    std::vector<int> answers() const { return m_answers; }

    /// Its role, for people: see SystemAgent::displayName().
    QString displayName() const override;
    QString stateText() const override;
    /// pinged (rounds), pings, answers.
    Value::Map stateFields() const override;

    // messages
    /// Answers with `pong(answer, own address)` to `sender`; an empty sender (a ping by a person,
    /// see registerAgentTypes()) is only counted. The answer is answers().back().
    bool ping(int round, const QString &sender);

private:
    bool m_faulty;
    std::set<int> m_pinged;
    int m_pings = 0;
    std::vector<int> m_answers;
};

/// Ping-pong: agent 0 pings the `agents - 1` others for DemoParameters::rounds rounds, one
/// clock second apart.
class PingPong : public DemoSystem
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

    PingerAgent *pinger() const;
    QList<PongerAgent *> pongers() const;
    /// The ponger at this address, or null.
    PongerAgent *pongerAt(const QString &url) const;

protected:
    void begin() override;

private:
    using DemoSystem::DemoSystem;

    QPointer<PingerAgent> m_pinger;
    QList<QPointer<PongerAgent>> m_pongers;
    QHash<QString, int> m_index; // ponger address -> index in m_pongers
};

} // namespace mas::demos
