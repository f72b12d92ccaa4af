// SPDX-License-Identifier: MIT
// Which clock a channel's timeouts run on (ChannelOptions::timeoutClock and ::clock), end to end
// over the real transports: the in-process LocalQueue network (local://) and TCP on 127.0.0.1.
//
// On an ExternalClock a request's deadline, recv()'s timeout, the idle timeout and the pauses
// between connect retries are timers of that clock: listed in Clock::pendingTimers() and due only
// when the clock gets there, however long that takes in real time. Sockets keep real time unless
// TimeoutClock::GivenClock says otherwise.
//
// No test sleeps for a fixed time except the one documented stillness wait in
// deadlineWaitsForTheClock(); elsewhere a second channel on real time, which must time out, shows
// that real time has passed while the channel on the clock stood still.

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/clock/clock.h>
#include <mas/transport/localqueue.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include "coarsetick.h"
#include <QTimer>

#include <QCoro/QCoroTask>

#include <algorithm>
#include <memory>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <vector>

using namespace mas;
using namespace std::chrono_literals;

namespace {

const QDateTime kStart(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC);

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// Lets posted events (coroutine resumptions, due timers of a clock) run.
void settle()
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

/// The value of a result, or a text naming its error (so that a comparison fails readably
/// instead of throwing).
Value valueOf(const Result<Value> &result)
{
    return result ? *result : Value(QStringLiteral("error: ") + result.error().toString());
}

/// Answers every request with its content.
void serveEcho(Channel *channel)
{
    QObject::connect(channel, &Channel::requestReceived, channel, [channel] {
        while (std::optional<Request> request = channel->takeRequest())
            (void)request->reply(request->content());
    });
}

/// Never answers: requests stay queued on the server's channel.
void serveNever(Channel *)
{
}

/// The outcome of a request started with track(): set once, when its send() finished.
struct Outcome
{
    std::optional<Result<Value>> result;
    int completions = 0;
    bool done() const { return result.has_value(); }
    ErrorCode code() const { return result && !*result ? result->error().code() : ErrorCode::NoError; }
    /// For failure messages (QVERIFY2 evaluates its message even when the check passes).
    QByteArray describe() const
    {
        if (!result)
            return "still waiting";
        return (*result ? QStringLiteral("replied %1").arg(result->value().toDisplayString(200))
                        : result->error().toString())
            .toUtf8();
    }
};

void track(QCoro::Task<Result<Value>> &&task, QObject *context, Outcome &outcome)
{
    QCoro::connect(std::move(task), context, [&outcome](Result<Value> r) {
        outcome.result = std::move(r);
        ++outcome.completions;
    });
}

/// The clock's pending timers whose description contains `text`.
QList<PendingTimer> timersWith(const Clock &clock, const QString &text)
{
    QList<PendingTimer> found;
    for (const PendingTimer &t : clock.pendingTimers()) {
        if (t.description.contains(text))
            found << t;
    }
    return found;
}

/// The deadline of the first pending timer whose description contains `text`, or -1.
double deadlineOf(const Clock &clock, const QString &text)
{
    const QList<PendingTimer> found = timersWith(clock, text);
    return found.isEmpty() ? -1.0 : found.first().deadline;
}

QString describeTimers(const Clock &clock)
{
    QStringList lines;
    for (const PendingTimer &t : clock.pendingTimers())
        lines << QStringLiteral("%1 @ %2").arg(t.description).arg(t.deadline);
    return lines.isEmpty() ? QStringLiteral("(no timers)") : lines.join(QStringLiteral("; "));
}

/// Keeps every request that arrives, unanswered, in `held` (in arrival order).
void holdRequests(Channel *channel, std::vector<Request> &held)
{
    QObject::connect(channel, &Channel::requestReceived, channel, [channel, &held] {
        while (std::optional<Request> request = channel->takeRequest())
            held.push_back(*request);
    });
}

/// "description@deadline" of each pending timer, in firing order.
QStringList timerList(const Clock &clock)
{
    QStringList lines;
    for (const PendingTimer &t : clock.pendingTimers())
        lines << QStringLiteral("%1@%2").arg(t.description).arg(t.deadline);
    return lines;
}

std::unique_ptr<ChannelServer> listenOn(const Address &address,
                                        std::function<void(Channel *)> serve,
                                        const ChannelOptions &options = {})
{
    Result<ChannelServer *> server = startServer(address, std::move(serve), options);
    if (!server) {
        qWarning() << server.error();
        return nullptr;
    }
    return std::unique_ptr<ChannelServer>(*server);
}

std::unique_ptr<Channel> connectTo(const Address &address, const ChannelOptions &options)
{
    Result<std::unique_ptr<Channel>> channel = await(openConnection(address, options));
    if (!channel) {
        qWarning() << channel.error();
        return nullptr;
    }
    return std::move(*channel);
}

ChannelOptions onClock(Clock *clock, std::chrono::milliseconds requestTimeout = 100ms)
{
    ChannelOptions options;
    options.clock = clock;
    options.requestTimeout = requestTimeout;
    return options;
}

/// A server at local://NAME (srv by default) and a client connected to it with its timeouts on
/// a clock.
struct ClockedPair
{
    std::unique_ptr<ChannelServer> server;
    std::unique_ptr<Channel> client;
};

ClockedPair connectOnClock(Clock &clock, std::function<void(Channel *)> serve,
                           std::chrono::milliseconds requestTimeout = 100ms,
                           const QString &name = QStringLiteral("srv"))
{
    ClockedPair pair;
    pair.server = listenOn(Address::local(name), std::move(serve));
    if (pair.server)
        pair.client = connectTo(Address::local(name), onClock(&clock, requestTimeout));
    return pair;
}

/// An agent whose `echo` answers with its argument.
class EchoAgent : public Agent
{
public:
    explicit EchoAgent(Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("echo"), [](const Value &v) { return v; });
    }
};

} // namespace

class tst_ChannelClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { LocalQueue::clearCache(); }
    void cleanup() { LocalQueue::clearCache(); }

    void deadlineWaitsForTheClock();
    void deadlineOnARealTimeClock();
    void replyCancelsTheDeadline();
    void deadlinesAmongOtherTimers();
    void manyDeadlinesAnsweredInAnyOrder();
    void deadlinesOfSeveralChannels();
    void shorterTimeOutAnswered();
    void channelGoneWhileItsDeadlineIsDue();
    void channelDeletedWhenItsRequestTimesOut();
    void networkClockAndRealTime();
    void socketsKeepRealTimeUnlessGivenClock();
    void badTimeoutsAreRefused();
    void zeroTimeouts();
    void clockDestroyedCancelsWaitingRequests();
    void idleTimeoutOnTheClock();
    void connectRetriesOnTheClock();
    void containerCallTimesOutOnItsClock();
};

// 1. A request's deadline is a timer of the given clock: it stands still with the clock.
void tst_ChannelClock::deadlineWaitsForTheClock()
{
    ExternalClock clock(kStart);
    auto [server, client] = connectOnClock(clock, serveNever);
    QVERIFY(server && client);
    QCOMPARE(client->peerName(), QStringLiteral("local://srv/"));
    QCOMPARE(clock.pendingTimerCount(), 0);

    Outcome outcome;
    QObject ctx; // callbacks die with it, before the locals they use
    track(client->send("never"), &ctx, outcome);
    QTRY_COMPARE(server->channels().size(), 1);
    QTRY_COMPARE(server->channels().first()->queuedRequestCount(), 1); // it arrived, unanswered

    // The documented stillness wait (the only fixed wait of this test): real time passes five
    // times the request timeout while the clock stands still, and the request must not fail.
    QTest::qWait(500);
    QVERIFY2(!outcome.done(), outcome.describe().constData());
    QCOMPARE(client->pendingRequestCount(), 1);
    QVERIFY(client->isOpen());

    const QList<PendingTimer> deadlines = timersWith(clock, QStringLiteral("reply to request"));
    QCOMPARE(deadlines.size(), 1);
    QCOMPARE(clock.pendingTimerCount(), 1);
    QVERIFY2(deadlines.first().description.contains(client->peerName()), qPrintable(deadlines.first().description));
    QCOMPARE(deadlines.first().description, QStringLiteral("reply to request 0 from local://srv/ due"));
    QVERIFY(!deadlines.first().isSleep);
    QVERIFY(clock.nextDeadline().has_value());
    QCOMPARE(*clock.nextDeadline(), 0.1);
    QCOMPARE(deadlines.first().deadline, 0.1);

    // Just before the deadline: nothing.
    QVERIFY(clock.setTime(0.099));
    settle();
    QVERIFY2(!outcome.done(), outcome.describe().constData());
    QCOMPARE(timersWith(clock, QStringLiteral("reply to request")).size(), 1);

    // At the deadline: Timeout.
    QVERIFY(clock.setTime(0.1));
    QTRY_VERIFY(outcome.done());
    QCOMPARE(outcome.code(), ErrorCode::Timeout);
    QVERIFY2(outcome.result->error().message().contains(client->peerName()),
             qPrintable(outcome.result->error().message()));
    QCOMPARE(outcome.completions, 1);
    QCOMPARE(timersWith(clock, QStringLiteral("reply to request")).size(), 0);
    QCOMPARE(clock.pendingTimerCount(), 0);
    QCOMPARE(client->pendingRequestCount(), 0);
    QVERIFY(client->isOpen()); // a timed-out request does not close the channel
}

// 1b. On a RealTimeClock the deadline is a timer of that clock too, set from its coarse time
// (Clock::callInCoarse): listed while pending, at most a tick of the coarse clock off the
// precise deadline, and the request times out when real time gets there.
void tst_ChannelClock::deadlineOnARealTimeClock()
{
    RealTimeClock clock;
    const double tick = mas::test::coarseTick();
    auto [server, client] = connectOnClock(clock, serveNever, 200ms);
    QVERIFY(server && client);

    Outcome outcome;
    QObject ctx;
    const double before = clock.time();
    track(client->send("never"), &ctx, outcome);
    const double after = clock.time();
    const QList<PendingTimer> deadlines = timersWith(clock, QStringLiteral("reply to request"));
    QCOMPARE(deadlines.size(), 1);
    QCOMPARE(deadlines.first().description, QStringLiteral("reply to request 0 from local://srv/ due"));
    const double deadline = deadlines.first().deadline;
    QVERIFY2(deadline <= after + 0.2 + tick + 1e-9 && deadline >= before + 0.2 - tick - 1e-9,
             qPrintable(QStringLiteral("deadline %1, request sent between %2 and %3, tick %4")
                            .arg(deadline).arg(before).arg(after).arg(tick)));

    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), 10000);
    QCOMPARE(outcome.code(), ErrorCode::Timeout);
    QVERIFY(clock.time() >= deadline); // not before its deadline
    QCOMPARE(timersWith(clock, QStringLiteral("reply to request")).size(), 0);
    QCOMPARE(client->pendingRequestCount(), 0);
    QVERIFY(client->isOpen());
}

// 1c. A channel keeps its requests' deadlines in one series on the clock (one entry of the clock
// for the earliest, not a timer each). The clock still lists, counts and fires them among its other
// timers in (deadline, creation) order, with their own creation numbers, as timers of its own. A
// request with a shorter time-out than the one before falls due earlier: it gets a timer of its
// own, in its place.
void tst_ChannelClock::deadlinesAmongOtherTimers()
{
    ExternalClock clock(kStart);
    std::vector<Request> held;
    auto [server, client] = connectOnClock(clock, [&held](Channel *channel) { holdRequests(channel, held); }, 10s);
    QVERIFY(server && client);
    QSignalSpy changed(&clock, &Clock::timersChanged);

    Outcome r0, r1, r2;
    int ranA = 0;
    // What timers C and B (due at 11 with r1's deadline, made before and after it) see of r1
    // when they run: waiting (1) or timed out (0).
    int pendingAtC = -1;
    int pendingAtB = -1;
    QObject ctx; // callbacks die with it, before the locals they use
    track(client->send("r0"), &ctx, r0); // due at 10
    QCOMPARE(changed.count(), 1);
    QVERIFY(clock.setTime(1));
    QVERIFY(clock.callIn(9, [&ranA] { ++ranA; }, QStringLiteral("timer A"))); // 10, made after r0
    const auto pendingNow = [&client](int &seen) { return [&client, &seen] { seen = client->pendingRequestCount(); }; };
    QVERIFY(clock.callIn(10, pendingNow(pendingAtC), QStringLiteral("timer C"))); // 11, before r1
    track(client->send("r1"), &ctx, r1);                                          // 11
    track(client->send("r2", 5s), &ctx, r2);                                      // 6: before r1
    QVERIFY(clock.callIn(10, pendingNow(pendingAtB), QStringLiteral("timer B"))); // 11, after r1
    QTRY_COMPARE(held.size(), size_t(3));

    const QString from = QStringLiteral(" from local://srv/ due");
    QCOMPARE(timerList(clock), (QStringList{QStringLiteral("reply to request 2") + from + QStringLiteral("@6"),
                                            QStringLiteral("reply to request 0") + from + QStringLiteral("@10"),
                                            QStringLiteral("timer A@10"),
                                            QStringLiteral("timer C@11"),
                                            QStringLiteral("reply to request 1") + from + QStringLiteral("@11"),
                                            QStringLiteral("timer B@11")}));
    // Their ids are their creation order: r0, A, C, r1, r2, B.
    const QList<PendingTimer> timers = clock.pendingTimers();
    QVERIFY(timers[1].id < timers[2].id); // r0 < A
    QVERIFY(timers[2].id < timers[3].id); // A < C
    QVERIFY(timers[3].id < timers[4].id); // C < r1
    QVERIFY(timers[4].id < timers[0].id); // r1 < r2
    QVERIFY(timers[0].id < timers[5].id); // r2 < B
    QCOMPARE(clock.pendingTimerCount(), 6);
    QCOMPARE(clock.nextDeadline(), std::optional<double>(6));

    // r0 is answered: its deadline leaves (listeners hear it), the rest stay as they were.
    const int heard = int(changed.count());
    QVERIFY(held[0].reply("a0"));
    QTRY_VERIFY(r0.done());
    QCOMPARE(valueOf(*r0.result), Value("a0"));
    QVERIFY(changed.count() > heard);
    QCOMPARE(clock.pendingTimerCount(), 5);
    QCOMPARE(timerList(clock).join(QLatin1Char('|')).contains(QStringLiteral("request 0")), false);

    // At 6 the request with its own timer times out; nothing else moves.
    QVERIFY(clock.setTime(6));
    QTRY_VERIFY(r2.done());
    QCOMPARE(r2.code(), ErrorCode::Timeout);
    settle();
    QVERIFY(!r1.done());
    QCOMPARE(ranA, 0);
    QCOMPARE(clock.nextDeadline(), std::optional<double>(10));

    // At 10 timer A runs (r0's deadline, also at 10, went with its reply).
    QVERIFY(clock.advanceToNextTimer());
    QTRY_COMPARE(ranA, 1);
    settle();
    QVERIFY(!r1.done());
    QCOMPARE(pendingAtB, -1);
    QCOMPARE(timerList(clock), (QStringList{QStringLiteral("timer C@11"),
                                            QStringLiteral("reply to request 1") + from + QStringLiteral("@11"),
                                            QStringLiteral("timer B@11")}));

    // At 11 all three, in creation order: C sees r1 still waiting, then r1 times out, then B
    // sees it gone.
    QVERIFY(clock.advanceToNextTimer());
    QTRY_VERIFY(r1.done());
    QCOMPARE(r1.code(), ErrorCode::Timeout);
    QTRY_COMPARE(pendingAtB, 0);
    QCOMPARE(pendingAtC, 1);
    QCOMPARE(clock.pendingTimerCount(), 0);
    QCOMPARE(clock.nextDeadline(), std::nullopt);
    QCOMPARE(r0.completions + r1.completions + r2.completions, 3);
    QVERIFY(client->isOpen());
}

// 1d. Many requests answered in a shuffled order (most of them from the middle of the series):
// the clock's count and list follow exactly, and the unanswered ones time out when the clock
// gets to their deadlines, no earlier, and no answered one does.
void tst_ChannelClock::manyDeadlinesAnsweredInAnyOrder()
{
    ExternalClock clock(kStart);
    std::vector<Request> held;
    auto [server, client] = connectOnClock(clock, [&held](Channel *channel) { holdRequests(channel, held); }, 10s);
    QVERIFY(server && client);

    // Three hundred requests: a hundred each at times 0, 1 and 2 (so due at 10, 11 and 12).
    constexpr int kRequests = 300;
    std::vector<Outcome> outcomes(kRequests); // not resized: track() keeps references
    QObject ctx;
    for (int i = 0; i < kRequests; ++i) {
        if (i > 0 && i % 100 == 0)
            QVERIFY(clock.setTime(i / 100));
        track(client->send(i), &ctx, outcomes[size_t(i)]);
    }
    QTRY_COMPARE(held.size(), size_t(kRequests));
    QCOMPARE(clock.pendingTimerCount(), kRequests);

    // Answer all but every seventh, in a shuffled order (a fixed seed).
    std::vector<int> order(kRequests);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(25));
    std::set<int> waiting(order.begin(), order.end());
    int answered = 0;
    for (int i : order) {
        if (i % 7 == 0)
            continue;
        QVERIFY(held[size_t(i)].reply(i));
        waiting.erase(i);
        if (++answered % 40 == 0) {
            QTRY_COMPARE(client->pendingRequestCount(), int(waiting.size()));
            QCOMPARE(clock.pendingTimerCount(), int(waiting.size()));
        }
    }
    QTRY_COMPARE(client->pendingRequestCount(), int(waiting.size()));
    QCOMPARE(clock.pendingTimerCount(), int(waiting.size()));

    // The list: exactly the unanswered requests, in the order they were made, at their deadlines.
    const QList<PendingTimer> timers = clock.pendingTimers();
    QCOMPARE(timers.size(), qsizetype(waiting.size()));
    qsizetype k = 0;
    for (int i : waiting) {
        QCOMPARE(timers[k].description, QStringLiteral("reply to request %1 from local://srv/ due").arg(i));
        QCOMPARE(timers[k].deadline, 10.0 + i / 100);
        if (k > 0)
            QVERIFY(timers[k - 1].id < timers[k].id);
        ++k;
    }
    QCOMPARE(clock.nextDeadline(), std::optional<double>(10));

    // At 10.5 the unanswered ones of the first hundred time out; nothing else.
    QVERIFY(clock.setTime(10.5));
    for (int i = 0; i < 100; i += 7)
        QTRY_VERIFY2(outcomes[size_t(i)].done(), outcomes[size_t(i)].describe().constData());
    settle();
    for (int i = 0; i < kRequests; ++i) {
        const Outcome &o = outcomes[size_t(i)];
        if (i % 7 != 0) {
            QVERIFY2(o.done() && o.result->hasValue(), o.describe().constData());
            QCOMPARE(valueOf(*o.result), Value(i));
        } else if (i < 100) {
            QCOMPARE(o.code(), ErrorCode::Timeout);
        } else {
            QVERIFY2(!o.done(), o.describe().constData());
        }
    }
    const int later = int(std::count_if(waiting.begin(), waiting.end(), [](int i) { return i >= 100; }));
    QCOMPARE(clock.pendingTimerCount(), later);
    QCOMPARE(clock.nextDeadline(), std::optional<double>(11));

    // At 12 the rest.
    QVERIFY(clock.setTime(12));
    QTRY_COMPARE(client->pendingRequestCount(), 0);
    settle();
    for (int i : waiting) {
        QCOMPARE(outcomes[size_t(i)].code(), ErrorCode::Timeout);
        QCOMPARE(outcomes[size_t(i)].completions, 1);
    }
    QCOMPARE(clock.pendingTimerCount(), 0);
    QVERIFY(client->isOpen());
}

// 1d'. Three channels on one clock, each with its own time-out, so that their deadlines
// interleave: the clock orders the channels' series by their earliest deadlines, and keeps that
// order as answers move a series' earliest deadline later, empty a series, or a new request
// starts it again.
void tst_ChannelClock::deadlinesOfSeveralChannels()
{
    ExternalClock clock(kStart);
    std::vector<Request> heldA, heldB, heldC;
    auto a = connectOnClock(clock, [&heldA](Channel *c) { holdRequests(c, heldA); }, 10s, QStringLiteral("a"));
    auto b = connectOnClock(clock, [&heldB](Channel *c) { holdRequests(c, heldB); }, 4s, QStringLiteral("b"));
    auto c = connectOnClock(clock, [&heldC](Channel *ch) { holdRequests(ch, heldC); }, 9500ms, QStringLiteral("c"));
    QVERIFY(a.client && b.client && c.client);

    // Three requests each at times 0, 1 and 2: a due at 10, 11, 12, b at 4, 5, 6, and c at
    // 9.5, 10.5, 11.5 (between a's).
    std::vector<Outcome> outcomes(10); // a0..a2, b0..b2, c0..c2, and b3 later
    QObject ctx;
    for (int t = 0; t < 3; ++t) {
        if (t > 0)
            QVERIFY(clock.setTime(t));
        track(a.client->send(t), &ctx, outcomes[size_t(t)]);
        track(b.client->send(t), &ctx, outcomes[size_t(3 + t)]);
        track(c.client->send(t), &ctx, outcomes[size_t(6 + t)]);
    }
    QTRY_VERIFY(heldA.size() == 3 && heldB.size() == 3 && heldC.size() == 3);
    const auto due = [](const char *peer, int id, double at) {
        return QStringLiteral("reply to request %1 from local://%2/ due@%3").arg(id).arg(QLatin1String(peer)).arg(at);
    };
    QCOMPARE(timerList(clock), (QStringList{due("b", 0, 4), due("b", 1, 5), due("b", 2, 6), due("c", 0, 9.5),
                                            due("a", 0, 10), due("c", 1, 10.5), due("a", 1, 11),
                                            due("c", 2, 11.5), due("a", 2, 12)}));
    QCOMPARE(clock.nextDeadline(), std::optional<double>(4));

    // b's earliest moves later, then b has none: the clock's next deadline follows.
    QVERIFY(heldB[0].reply(0));
    QVERIFY(heldB[1].reply(1));
    QTRY_COMPARE(b.client->pendingRequestCount(), 1);
    QCOMPARE(clock.nextDeadline(), std::optional<double>(6));
    QVERIFY(heldB[2].reply(2));
    QTRY_COMPARE(b.client->pendingRequestCount(), 0);
    QCOMPARE(clock.nextDeadline(), std::optional<double>(9.5));

    // c's earliest moves past a's: a's is next.
    QVERIFY(heldC[0].reply(0));
    QTRY_COMPARE(c.client->pendingRequestCount(), 2);
    QCOMPARE(clock.nextDeadline(), std::optional<double>(10));
    // a's middle one is answered: a's earliest stays.
    QVERIFY(heldA[1].reply(1));
    QTRY_COMPARE(a.client->pendingRequestCount(), 2);
    QCOMPARE(timerList(clock), (QStringList{due("a", 0, 10), due("c", 1, 10.5), due("c", 2, 11.5), due("a", 2, 12)}));

    // At 10.25 a0 times out; then c1 is answered: c's 11.5 is next, before a's 12.
    QVERIFY(clock.setTime(10.25));
    QTRY_VERIFY(outcomes[0].done());
    QCOMPARE(outcomes[0].code(), ErrorCode::Timeout);
    QVERIFY(heldC[1].reply(1));
    QTRY_COMPARE(c.client->pendingRequestCount(), 1);
    QCOMPARE(timerList(clock), (QStringList{due("c", 2, 11.5), due("a", 2, 12)}));

    // At 11.5 c2 times out; b starts again then, due at 15.5, after a's.
    QVERIFY(clock.advanceToNextTimer());
    QTRY_VERIFY(outcomes[8].done());
    QCOMPARE(outcomes[8].code(), ErrorCode::Timeout);
    track(b.client->send(3), &ctx, outcomes[9]);
    QCOMPARE(timerList(clock), (QStringList{due("a", 2, 12), due("b", 3, 15.5)}));

    // The rest time out in order as the clock passes them.
    QVERIFY(clock.setTime(12.5));
    QTRY_VERIFY(outcomes[2].done());
    settle();
    QVERIFY(!outcomes[9].done());
    QVERIFY(clock.setTime(20));
    QTRY_VERIFY(outcomes[9].done());
    for (int i : {0, 2, 8, 9})
        QCOMPARE(outcomes[size_t(i)].code(), ErrorCode::Timeout);
    for (int i : {1, 3, 4, 5, 6, 7})
        QCOMPARE(valueOf(*outcomes[size_t(i)].result), Value(i % 3));
    QCOMPARE(clock.pendingTimerCount(), 0);
}

// 1d''. A request with a shorter time-out than the one before (its deadline a timer of the
// clock's own) is answered: its deadline leaves the clock, the other stays and still fires.
void tst_ChannelClock::shorterTimeOutAnswered()
{
    ExternalClock clock(kStart);
    std::vector<Request> held;
    auto [server, client] = connectOnClock(clock, [&held](Channel *channel) { holdRequests(channel, held); }, 10s);
    QVERIFY(server && client);

    Outcome longer, shorter;
    QObject ctx;
    track(client->send("longer"), &ctx, longer);     // due at 10
    track(client->send("shorter", 2s), &ctx, shorter); // due at 2: before it
    QTRY_COMPARE(held.size(), size_t(2));
    const QString from = QStringLiteral(" from local://srv/ due");
    QCOMPARE(timerList(clock), (QStringList{QStringLiteral("reply to request 1") + from + QStringLiteral("@2"),
                                            QStringLiteral("reply to request 0") + from + QStringLiteral("@10")}));

    QVERIFY(held[1].reply("s"));
    QTRY_VERIFY(shorter.done());
    QCOMPARE(valueOf(*shorter.result), Value("s"));
    QCOMPARE(timerList(clock), QStringList{QStringLiteral("reply to request 0") + from + QStringLiteral("@10")});

    QVERIFY(clock.setTime(10));
    QTRY_VERIFY(longer.done());
    QCOMPARE(longer.code(), ErrorCode::Timeout);
    settle();
    QCOMPARE(shorter.completions, 1);
    QCOMPARE(clock.pendingTimerCount(), 0);
}

// 1e. A request's deadline fell due (it runs from the event loop), but its channel is destroyed
// before it runs: the request fails once, as the channel goes, and the due deadline does nothing
// (the asan preset would see it touch the destroyed channel). The clock serves new channels on.
void tst_ChannelClock::channelGoneWhileItsDeadlineIsDue()
{
    ExternalClock clock(kStart);
    auto [server, client] = connectOnClock(clock, serveNever);
    QVERIFY(server && client);

    Outcome outcome;
    QObject ctx;
    track(client->send("never"), &ctx, outcome);
    QTRY_COMPARE(server->channels().size(), 1);
    QTRY_COMPARE(server->channels().first()->queuedRequestCount(), 1);

    QVERIFY(clock.setTime(0.1)); // due now, to run from the event loop
    QCOMPARE(clock.pendingTimerCount(), 0);
    QVERIFY(!outcome.done());
    client.reset();
    QTRY_VERIFY(outcome.done());
    QCOMPARE(outcome.code(), ErrorCode::ConnectionClosed);
    settle();
    QCOMPARE(outcome.completions, 1);

    auto again = connectTo(Address::local(QStringLiteral("srv")), onClock(&clock, 100ms));
    QVERIFY(again);
    Outcome second;
    track(again->send("again"), &ctx, second);
    QCOMPARE(timerList(clock), QStringList{QStringLiteral("reply to request 0 from local://srv/ due@0.2")});
    QVERIFY(clock.setTime(0.2));
    QTRY_VERIFY(second.done());
    QCOMPARE(second.code(), ErrorCode::Timeout);
    QCOMPARE(clock.pendingTimerCount(), 0);
}

// 1f. The caller deletes the channel as soon as its request times out (a common clean-up):
// the deadline that just ran belonged to that channel's series, and nothing of it is touched
// after (the asan preset would see it). The other requests of the channel fail as it goes.
void tst_ChannelClock::channelDeletedWhenItsRequestTimesOut()
{
    ExternalClock clock(kStart);
    auto [server, client] = connectOnClock(clock, serveNever);
    QVERIFY(server && client);

    QObject ctx;
    std::optional<ErrorCode> first;
    QCoro::connect(client->send("first"), &ctx, [&first, &client](Result<Value> r) {
        first = r ? ErrorCode::NoError : r.error().code();
        client.reset();
    });
    QVERIFY(clock.setTime(0.05));
    Outcome second; // due at 0.15
    track(client->send("second"), &ctx, second);
    QCOMPARE(clock.pendingTimerCount(), 2);

    QVERIFY(clock.setTime(0.1));
    QTRY_VERIFY(!client);
    QCOMPARE(first, std::optional<ErrorCode>(ErrorCode::Timeout));
    QTRY_VERIFY(second.done());
    QCOMPARE(second.code(), ErrorCode::ConnectionClosed);
    QCOMPARE(clock.pendingTimerCount(), 0);
    QVERIFY(clock.setTime(1));
    settle();
    QCOMPARE(second.completions, 1);
}

// 2. The reply cancels the deadline: no Timeout when the clock later passes it.
void tst_ChannelClock::replyCancelsTheDeadline()
{
    ExternalClock clock(kStart);
    std::vector<Request> held;
    auto [server, client] = connectOnClock(clock, [&held](Channel *channel) { holdRequests(channel, held); });
    QVERIFY(server && client);

    Outcome outcome;
    QObject ctx; // callbacks die with it, before the locals they use
    // An RPC triple [path, args, kwargs]: the deadline names its path.
    const Value call = Value::list({"echo", Value::list({42}), Value::map()});
    track(client->send(call), &ctx, outcome);
    QTRY_COMPARE(held.size(), size_t(1));
    QCOMPARE(held.front().content(), call);

    QList<PendingTimer> deadlines = timersWith(clock, QStringLiteral("reply to request"));
    QCOMPARE(deadlines.size(), 1);
    QCOMPARE(deadlines.first().description, QStringLiteral("reply to request 0 (echo) from local://srv/ due"));

    // The server answers (the clock has not moved): the deadline goes with the reply.
    QVERIFY(held.front().reply(Value::list({"pong", 42})));
    QTRY_VERIFY(outcome.done());
    QVERIFY2(outcome.result->hasValue(), outcome.describe().constData());
    QCOMPARE(valueOf(*outcome.result), Value::list({"pong", 42}));
    QCOMPARE(timersWith(clock, QStringLiteral("reply to request")).size(), 0);
    QCOMPARE(clock.pendingTimerCount(), 0);

    // Moving the clock far past the old deadline changes nothing.
    QVERIFY(clock.setTime(10));
    settle();
    QCOMPARE(outcome.completions, 1);
    QVERIFY(outcome.result->hasValue());
    QVERIFY(client->isOpen());
    QCOMPARE(client->pendingRequestCount(), 0);

    // A new request gets a fresh deadline on the clock, 100 ms after its now.
    Outcome second;
    track(client->send("again"), &ctx, second);
    deadlines = timersWith(clock, QStringLiteral("reply to request 1 from local://srv/"));
    QCOMPARE(deadlines.size(), 1);
    QCOMPARE(deadlines.first().deadline, 10.1);
    QTRY_COMPARE(held.size(), size_t(2));
    QVERIFY(held.back().reply("done"));
    QTRY_VERIFY(second.done());
    QCOMPARE(valueOf(*second.result), Value("done"));
    QCOMPARE(clock.pendingTimerCount(), 0);

    // recv()'s timeout is a timer of the clock too.
    std::optional<Result<Request>> received;
    QObject recvContext; // dies before `received`
    QCoro::connect(client->recv(500ms), &recvContext, [&received](Result<Request> r) { received = std::move(r); });
    QCOMPARE(timersWith(clock, QStringLiteral("(recv)")).size(), 1);
    QCOMPARE(deadlineOf(clock, QStringLiteral("(recv)")), 10.5);
    settle();
    QVERIFY(!received.has_value());
    QVERIFY(clock.setTime(10.5));
    QTRY_VERIFY(received.has_value());
    QCOMPARE(received->error().code(), ErrorCode::Timeout);
    QCOMPARE(clock.pendingTimerCount(), 0);
}

// 3. Without options.clock a LocalQueue channel uses the LocalNetwork's clock; TimeoutClock::RealTime
// ignores every clock.
void tst_ChannelClock::networkClockAndRealTime()
{
    ExternalClock clock(kStart);
    LocalNetwork::instance()->setClock(&clock);
    auto server = listenOn(Address::local(QStringLiteral("srv")), serveNever);
    QVERIFY(server);

    ChannelOptions networkOptions;
    networkOptions.requestTimeout = 100ms;
    QVERIFY(!networkOptions.clock);
    auto onNetworkClock = connectTo(Address::local(QStringLiteral("srv")), networkOptions);
    QVERIFY(onNetworkClock);

    ChannelOptions realOptions = onClock(&clock, 100ms); // a clock given, and yet real time
    realOptions.timeoutClock = TimeoutClock::RealTime;
    auto onRealTime = connectTo(Address::local(QStringLiteral("srv")), realOptions);
    QVERIFY(onRealTime);

    Outcome clocked;
    Outcome real;
    QObject ctx; // callbacks die with it, before the locals they use
    track(onNetworkClock->send("never"), &ctx, clocked);
    QCOMPARE(timersWith(clock, QStringLiteral("reply to request")).size(), 1);
    track(onRealTime->send("never"), &ctx, real);
    // The real-time request put nothing on the clock.
    QCOMPARE(clock.pendingTimerCount(), 1);
    // A channel makes its real-time QTimers when it first arms one: none on the clock (the
    // explorer builds thousands of channels), one for the real-time request's deadline.
    QVERIFY(onNetworkClock->findChildren<QTimer *>(Qt::FindDirectChildrenOnly).isEmpty());
    QVERIFY(!onRealTime->findChildren<QTimer *>(Qt::FindDirectChildrenOnly).isEmpty());

    // The real-time request times out while the clock stands still ...
    QTRY_VERIFY_WITH_TIMEOUT(real.done(), 10'000);
    QCOMPARE(real.code(), ErrorCode::Timeout);
    QCOMPARE(clock.time(), 0.0);
    // ... and by then the request on the network's clock, sent first, still waits for it.
    QVERIFY2(!clocked.done(), clocked.describe().constData());
    QCOMPARE(onNetworkClock->pendingRequestCount(), 1);
    const QList<PendingTimer> deadlines = timersWith(clock, QStringLiteral("reply to request"));
    QCOMPARE(deadlines.size(), 1);
    QVERIFY2(deadlines.first().description.contains(onNetworkClock->peerName()), qPrintable(describeTimers(clock)));
    QCOMPARE(deadlines.first().deadline, 0.1);

    QVERIFY(clock.setTime(0.1));
    QTRY_VERIFY(clocked.done());
    QCOMPARE(clocked.code(), ErrorCode::Timeout);
    QCOMPARE(clock.pendingTimerCount(), 0);
}

// 4. Sockets: under Automatic a TCP channel keeps real time even with a clock given; with
// GivenClock it follows the clock.
void tst_ChannelClock::socketsKeepRealTimeUnlessGivenClock()
{
    ExternalClock clock(kStart);
    auto server = listenOn(Address::tcp(QStringLiteral("127.0.0.1"), 0), serveNever);
    QVERIFY(server);
    QVERIFY(server->address().port() != 0);

    ChannelOptions givenOptions = onClock(&clock, 100ms);
    givenOptions.timeoutClock = TimeoutClock::GivenClock;
    auto given = connectTo(server->address(), givenOptions);
    QVERIFY(given);
    auto automatic = connectTo(server->address(), onClock(&clock, 100ms));
    QVERIFY(automatic);
    QVERIFY(automatic->options().timeoutClock == TimeoutClock::Automatic);
    QCOMPARE(automatic->options().clock.data(), &clock);

    Outcome onTheClock;
    Outcome realTime;
    QObject ctx; // callbacks die with it, before the locals they use
    track(given->send("never"), &ctx, onTheClock);
    const QList<PendingTimer> deadlines = timersWith(clock, QStringLiteral("reply to request"));
    QCOMPARE(deadlines.size(), 1);
    QVERIFY2(deadlines.first().description.contains(given->peerName()), qPrintable(describeTimers(clock)));
    QVERIFY2(given->peerName().startsWith(QStringLiteral("127.0.0.1:")), qPrintable(given->peerName()));
    track(automatic->send("never"), &ctx, realTime);
    QCOMPARE(timersWith(clock, QStringLiteral("reply to request")).size(), 1); // none for the socket on Automatic

    // Automatic on a socket: real time, the clock standing still.
    QTRY_VERIFY_WITH_TIMEOUT(realTime.done(), 10'000);
    QCOMPARE(realTime.code(), ErrorCode::Timeout);
    QCOMPARE(clock.time(), 0.0);
    QVERIFY(automatic->isOpen());
    // GivenClock: sent first, with the same timeout, and still waiting for the clock.
    QVERIFY2(!onTheClock.done(), onTheClock.describe().constData());
    QCOMPARE(given->pendingRequestCount(), 1);

    QVERIFY(clock.setTime(0.05));
    settle();
    QVERIFY(!onTheClock.done());
    QVERIFY(clock.setTime(0.1));
    QTRY_VERIFY(onTheClock.done());
    QCOMPARE(onTheClock.code(), ErrorCode::Timeout);
    QCOMPARE(timersWith(clock, QStringLiteral("reply to request")).size(), 0);
    QVERIFY(given->isOpen());
}

// 5. Bad timeouts are refused with InvalidArgument, and a refused send() leaves the channel working.
void tst_ChannelClock::badTimeoutsAreRefused()
{
    ExternalClock clock(kStart);
    auto [server, client] = connectOnClock(clock, serveEcho);
    QVERIFY(server && client);

    // send() with a negative timeout.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refusing a request to local://srv/.*negative")));
    Result<Value> negative = await(client->send("ohai", -5ms));
    QVERIFY(!negative);
    QCOMPARE(negative.error().code(), ErrorCode::InvalidArgument);
    const QString text = negative.error().message();
    QVERIFY2(text.contains(QStringLiteral("timeout")) && text.contains(QStringLiteral("send()"))
                 && text.contains(QStringLiteral("negative")) && text.contains(QStringLiteral("-5")),
             qPrintable(text));
    QVERIFY(client->isOpen());
    QCOMPARE(client->pendingRequestCount(), 0);
    QCOMPARE(clock.pendingTimerCount(), 0);
    // The channel still works.
    Result<Value> normal = await(client->send("ohai"));
    QVERIFY2(normal, qPrintable(normal.error().toString()));
    QCOMPARE(*normal, Value("ohai"));

    // send() beyond the largest timeout.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refusing a request to local://srv/.*too large")));
    Result<Value> huge = await(client->send("ohai", ChannelOptions::kMaxTimeout + 1ms));
    QCOMPARE(huge.error().code(), ErrorCode::InvalidArgument);
    QVERIFY2(huge.error().message().contains(QStringLiteral("send()")), qPrintable(huge.error().message()));
    QVERIFY(client->isOpen());
    // The largest timeout itself is accepted (its deadline still fits the clock's time).
    Result<Value> longest = await(client->send("longest", ChannelOptions::kMaxTimeout));
    QVERIFY2(longest, qPrintable(longest.error().toString()));
    QCOMPARE(*longest, Value("longest"));
    QCOMPARE(clock.pendingTimerCount(), 0);

    // recv() with a negative timeout.
    Result<Request> received = await(client->recv(-1ms));
    QCOMPARE(received.error().code(), ErrorCode::InvalidArgument);
    QVERIFY(client->isOpen());

    // openConnection with a negative requestTimeout.
    ChannelOptions bad = onClock(&clock, -1ms);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not connecting to local://srv.*requestTimeout")));
    Result<std::unique_ptr<Channel>> refused = await(openConnection(Address::local(QStringLiteral("srv")), bad));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message().contains(QStringLiteral("requestTimeout")), qPrintable(refused.error().message()));
    QCOMPARE(server->channels().size(), 1); // only the first client got through

    // openConnection with an idle timeout beyond the largest.
    ChannelOptions tooLong = onClock(&clock);
    tooLong.idleTimeout = ChannelOptions::kMaxTimeout + 1ms;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not connecting to local://srv.*idleTimeout")));
    Result<std::unique_ptr<Channel>> tooLate = await(openConnection(Address::local(QStringLiteral("srv")), tooLong));
    QCOMPARE(tooLate.error().code(), ErrorCode::InvalidArgument);

    // A server with a negative frameTimeout, both ways to start one.
    ChannelOptions badFrame;
    badFrame.frameTimeout = -30s;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not listening on local://other.*frameTimeout")));
    Result<ChannelServer *> listened = ChannelServer::listen(Address::local(QStringLiteral("other")), badFrame);
    QVERIFY(!listened);
    QCOMPARE(listened.error().code(), ErrorCode::InvalidArgument);
    QVERIFY2(listened.error().message().contains(QStringLiteral("frameTimeout")), qPrintable(listened.error().message()));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not listening on tcp://127.0.0.1.*frameTimeout")));
    Result<ChannelServer *> started = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), serveEcho, badFrame);
    QVERIFY(!started);
    QCOMPARE(started.error().code(), ErrorCode::InvalidArgument);
    // Nobody serves the refused local queue.
    QVERIFY(!LocalQueue::find(QStringLiteral("other")) || !LocalQueue::find(QStringLiteral("other"))->hasServer());

    // GivenClock without a clock, for a client and for a server.
    ChannelOptions noClock;
    noClock.timeoutClock = TimeoutClock::GivenClock;
    QVERIFY(!noClock.validate());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not connecting to local://srv.*no clock")));
    Result<std::unique_ptr<Channel>> clockless = await(openConnection(Address::local(QStringLiteral("srv")), noClock));
    QCOMPARE(clockless.error().code(), ErrorCode::InvalidArgument);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not listening on local://third.*no clock")));
    Result<ChannelServer *> clocklessServer = ChannelServer::listen(Address::local(QStringLiteral("third")), noClock);
    QCOMPARE(clocklessServer.error().code(), ErrorCode::InvalidArgument);

    // The first channel is still fine after all this.
    QCOMPARE(valueOf(await(client->send("still here"))), Value("still here"));
}

// 5 (continued). Zero timeouts: connectTimeout 0 is one attempt, idleTimeout 0 is never.
void tst_ChannelClock::zeroTimeouts()
{
    ExternalClock clock(kStart);

    // No server on the queue: one attempt, refused, no retry waiting on the clock.
    ChannelOptions once = onClock(&clock);
    once.connectTimeout = 0ms;
    std::optional<Result<std::unique_ptr<Channel>>> refused;
    QObject ctx; // callbacks die with it, before the locals they use
    QCoro::connect(openConnection(Address::local(QStringLiteral("nobody")), once), &ctx,
                   [&refused](Result<std::unique_ptr<Channel>> r) { refused = std::move(r); });
    QTRY_VERIFY(refused.has_value());
    QVERIFY(!*refused);
    QCOMPARE(refused->error().code(), ErrorCode::ConnectionRefused);
    QCOMPARE(timersWith(clock, QStringLiteral("connect to")).size(), 0);
    QCOMPARE(clock.pendingTimerCount(), 0);

    // idleTimeout 0: no idle timer, however far the clock moves.
    auto server = listenOn(Address::local(QStringLiteral("srv")), serveEcho);
    QVERIFY(server);
    ChannelOptions neverIdle = onClock(&clock);
    neverIdle.idleTimeout = 0ms;
    auto client = connectTo(Address::local(QStringLiteral("srv")), neverIdle);
    QVERIFY(client);
    QCOMPARE(timersWith(clock, QStringLiteral("idle timeout")).size(), 0);
    QCOMPARE(clock.pendingTimerCount(), 0);
    QVERIFY(clock.setTime(1e6));
    settle();
    QVERIFY(client->isOpen());
    QCOMPARE(valueOf(await(client->send("awake"))), Value("awake"));
    QCOMPARE(clock.pendingTimerCount(), 0);
}

// 6. The clock is destroyed while a request waits on it: the request ends with Cancelled.
void tst_ChannelClock::clockDestroyedCancelsWaitingRequests()
{
    auto clock = std::make_unique<ExternalClock>(kStart);
    auto [server, client] = connectOnClock(*clock, serveNever);
    QVERIFY(server && client);

    Outcome outcome;
    QObject ctx; // callbacks die with it, before the locals they use
    track(client->send("never"), &ctx, outcome);
    QCOMPARE(timersWith(*clock, QStringLiteral("reply to request")).size(), 1);
    QTRY_COMPARE(server->channels().size(), 1);
    QTRY_COMPARE(server->channels().first()->queuedRequestCount(), 1);

    clock.reset();
    QTRY_VERIFY(outcome.done());
    QCOMPARE(outcome.code(), ErrorCode::Cancelled);
    QVERIFY2(outcome.result->error().message().contains(QStringLiteral("clock")),
             qPrintable(outcome.result->error().message()));
    QCOMPARE(outcome.completions, 1);
    QCOMPARE(client->pendingRequestCount(), 0);

    // Later requests (and recv()) on that channel have no time to run on.
    Result<Value> later = await(client->send("again"));
    QCOMPARE(later.error().code(), ErrorCode::Cancelled);
    Result<Request> received = await(client->recv(1s));
    QCOMPARE(received.error().code(), ErrorCode::Cancelled);
    QCOMPARE(server->channels().size(), 1);
    QCOMPARE(server->channels().first()->queuedRequestCount(), 1); // the later one was not sent
}

// 7. The idle timeout runs on the clock.
void tst_ChannelClock::idleTimeoutOnTheClock()
{
    ExternalClock clock(kStart);
    auto server = listenOn(Address::local(QStringLiteral("idle")), serveEcho);
    QVERIFY(server);

    ChannelOptions clocked = onClock(&clock, 10s);
    clocked.idleTimeout = 1000ms;
    auto client = connectTo(Address::local(QStringLiteral("idle")), clocked);
    QVERIFY(client);
    QSignalSpy closed(client.get(), &Channel::closed);

    const QList<PendingTimer> idle = timersWith(clock, QStringLiteral("idle timeout"));
    QCOMPARE(idle.size(), 1);
    QVERIFY2(idle.first().description.contains(client->peerName()), qPrintable(idle.first().description));
    QCOMPARE(idle.first().deadline, 1.0);

    // A second connection with a short idle timeout in real time closes while the clock stands
    // still: real time has passed, and the channel on the clock is still open.
    ChannelOptions real = onClock(&clock);
    real.timeoutClock = TimeoutClock::RealTime;
    real.idleTimeout = 100ms;
    auto sentinel = connectTo(Address::local(QStringLiteral("idle")), real);
    QVERIFY(sentinel);
    QCOMPARE(timersWith(clock, QStringLiteral("idle timeout")).size(), 1); // the sentinel's is not on the clock
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("closing the connection to local://idle/.*idle timeout")));
    QTRY_VERIFY_WITH_TIMEOUT(!sentinel->isOpen(), 10'000);
    QCOMPARE(sentinel->error().code(), ErrorCode::IdleTimeout);
    QCOMPARE(clock.time(), 0.0);
    QVERIFY(client->isOpen());
    QCOMPARE(closed.size(), 0);

    // Traffic at t = 0.5 moves the idle deadline to 1.5.
    QVERIFY(clock.setTime(0.5));
    QCOMPARE(valueOf(await(client->send("ping"))), Value("ping"));
    QVERIFY(clock.setTime(0.999));
    settle();
    QVERIFY(client->isOpen());
    QVERIFY(clock.setTime(1.0));
    // The idle timer due at 1.0 finds the traffic and re-arms itself for 1.5.
    QTRY_COMPARE(deadlineOf(clock, QStringLiteral("idle timeout")), 1.5);
    QCOMPARE(timersWith(clock, QStringLiteral("idle timeout")).size(), 1);
    QVERIFY(client->isOpen());
    QCOMPARE(closed.size(), 0);

    // Past it: closed with IdleTimeout.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("closing the connection to local://idle/.*idle timeout")));
    QVERIFY(clock.setTime(1.6));
    QTRY_VERIFY(!client->isOpen());
    QCOMPARE(client->error().code(), ErrorCode::IdleTimeout);
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed.at(0).at(0).value<Error>().code(), ErrorCode::IdleTimeout);
    QCOMPARE(timersWith(clock, QStringLiteral("idle timeout")).size(), 0);
    QCOMPARE(await(client->send("late")).error().code(), ErrorCode::IdleTimeout);
}

// 8. The pauses between connect retries to a local:// queue run on the clock.
void tst_ChannelClock::connectRetriesOnTheClock()
{
    ExternalClock clock(kStart);
    ChannelOptions options = onClock(&clock);
    options.connectTimeout = 5000ms;

    std::optional<Result<std::unique_ptr<Channel>>> opened;
    std::optional<Result<std::unique_ptr<Channel>>> sentinel;
    QObject ctx; // callbacks die with it, before the locals they use
    QCoro::connect(openConnection(Address::local(QStringLiteral("late")), options), &ctx,
                   [&opened](Result<std::unique_ptr<Channel>> r) { opened = std::move(r); });
    QTRY_COMPARE(timersWith(clock, QStringLiteral("connect to")).size(), 1);
    const PendingTimer retry = timersWith(clock, QStringLiteral("connect to")).first();
    QCOMPARE(retry.description, QStringLiteral("connect to local://late again"));
    QCOMPARE(retry.deadline, 0.5);
    QCOMPARE(clock.pendingTimerCount(), 1);

    // The same retries in real time to another empty queue (retrying for 0.7 s: attempts at
    // 0, 0.5 and 1.25 s) give up while the clock stands still ...
    ChannelOptions real = options;
    real.timeoutClock = TimeoutClock::RealTime;
    real.connectTimeout = 700ms;
    QCoro::connect(openConnection(Address::local(QStringLiteral("later")), real), &ctx,
                   [&sentinel](Result<std::unique_ptr<Channel>> r) { sentinel = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(sentinel.has_value(), 10'000);
    QCOMPARE(sentinel->error().code(), ErrorCode::ConnectionRefused);
    // ... while the attempt on the clock has not tried again: the same single retry timer.
    QVERIFY(!opened.has_value());
    QCOMPARE(clock.pendingTimerCount(), 1);
    QCOMPARE(clock.pendingTimers().first().id, retry.id);

    // The server comes up; the clock moves to the retry, which succeeds.
    auto server = listenOn(Address::local(QStringLiteral("late")), serveEcho);
    QVERIFY(server);
    settle();
    QVERIFY(!opened.has_value());
    QVERIFY(clock.advanceToNextTimer());
    QCOMPARE(clock.time(), 0.5);
    QTRY_VERIFY(opened.has_value());
    QVERIFY2(*opened, qPrintable(opened->error().toString()));
    std::unique_ptr<Channel> channel = std::move(**opened);
    QVERIFY(channel->isOpen());
    QCOMPARE(clock.pendingTimerCount(), 0);
    QCOMPARE(valueOf(await(channel->send("hello"))), Value("hello"));
}

// 9. A container's outgoing connections run their deadlines on the container's clock.
void tst_ChannelClock::containerCallTimesOutOnItsClock()
{
    auto *clock = new ExternalClock(kStart); // taken over by c1
    ContainerOptions o1;
    o1.clock = clock;
    o1.channel.requestTimeout = 2000ms;
    Result<Container *> created1 = Container::createNow(Address::local(QStringLiteral("c1")), o1);
    QVERIFY2(created1, qPrintable(created1.error().toString()));
    std::unique_ptr<Container> c1(*created1);
    Result<Container *> created2 = Container::createNow(Address::local(QStringLiteral("c2")));
    QVERIFY2(created2, qPrintable(created2.error().toString()));
    std::unique_ptr<Container> c2(*created2);
    QCOMPARE(c1->clock(), static_cast<Clock *>(clock));
    auto *target = new EchoAgent(c2.get());

    // Connect while the network runs freely (the connection's own checks get their replies).
    Result<rpc::Proxy> proxy = await(c1->connect(target->address()));
    QVERIFY2(proxy, qPrintable(proxy.error().toString()));
    QCOMPARE(valueOf(await((*proxy)[QStringLiteral("echo")](7))), Value(7));
    QCOMPARE(clock->pendingTimerCount(), 0);

    Channel *channel = nullptr;
    for (const Container::Connection &c : c1->connections()) {
        if (c.outgoing)
            channel = c.channel;
    }
    QVERIFY(channel);
    QCOMPARE(channel->options().clock.data(), static_cast<Clock *>(clock));
    QCOMPARE(channel->options().requestTimeout.count(), 2000);

    // Step the network and lose the next call's request.
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    Outcome outcome;
    QObject ctx; // callbacks die with it, before the locals they use
    track((*proxy)[QStringLiteral("echo")](8), &ctx, outcome);
    QTRY_COMPARE(net->pendingCount(), 1);
    const PendingMessage request = net->pendingMessages().first();
    QCOMPARE(request.type, MessageType::Request);
    QVERIFY2(request.path.endsWith(QStringLiteral("/echo")), qPrintable(request.path));
    QVERIFY(net->drop(request.id));
    QCOMPARE(net->pendingCount(), 0);

    const QList<PendingTimer> deadlines = timersWith(*clock, QStringLiteral("reply to request"));
    QCOMPARE(deadlines.size(), 1);
    QVERIFY2(deadlines.first().description.contains(QStringLiteral("(%1)").arg(request.path)),
             qPrintable(deadlines.first().description));
    QVERIFY2(deadlines.first().description.contains(channel->peerName()), qPrintable(deadlines.first().description));
    QCOMPARE(deadlines.first().deadline, 2.0);
    QCOMPARE(channel->pendingRequestCount(), 1);

    QVERIFY(clock->setTime(1.999));
    settle();
    QVERIFY2(!outcome.done(), outcome.describe().constData());

    QVERIFY(clock->setTime(2.0));
    QTRY_VERIFY(outcome.done());
    QCOMPARE(outcome.code(), ErrorCode::Timeout);
    QCOMPARE(clock->pendingTimerCount(), 0);
    QCOMPARE(channel->pendingRequestCount(), 0);
    QVERIFY(channel->isOpen());
}

QTEST_MAIN(tst_ChannelClock)
#include "tst_channelclock.moc"
