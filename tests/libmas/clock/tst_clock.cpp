// SPDX-License-Identifier: MIT
// Tests of the clocks: ExternalClock step by step (deterministic), RealTimeClock with tolerances.

#include <mas/clock/clock.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "coarsetick.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using namespace mas;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeout = 5000;
const QDateTime kStart(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC);

/// What ran, in order, and the clock time each one saw (-1 when its clock was gone).
struct Log
{
    QStringList events;
    QList<double> times;
    void add(const QString &event, double time)
    {
        events.append(event);
        times.append(time);
    }
};
using LogPtr = std::shared_ptr<Log>;

void record(Clock *clock, const LogPtr &log, const QString &name, const Result<void> &r)
{
    // On error the clock may be gone: do not touch it.
    if (r)
        log->add(name, clock->time());
    else
        log->add(name + u": "_s + Error::codeName(r.error().code()), -1);
}

/// Sleeps `seconds` on `clock`, then logs `name` (or the error).
QCoro::Task<void> sleeper(Clock *clock, double seconds, LogPtr log, QString name)
{
    const Result<void> r = co_await clock->sleep(seconds);
    record(clock, log, name, r);
}

/// Sleeps until `t` on `clock`, then logs `name` (or the error).
QCoro::Task<void> sleeperUntil(Clock *clock, ClockTime t, LogPtr log, QString name)
{
    const Result<void> r = co_await clock->sleepUntil(t);
    record(clock, log, name, r);
}

/// Runs the timers of a fresh ExternalClock once: what any clock queued before has run by
/// then (its timers run from one posted call, and posted calls run in order).
bool queuedTimersRan()
{
    ExternalClock marker(kStart);
    bool ran = false;
    if (!marker.callAt(1, [&ran] { ran = true; }) || !marker.setTime(1))
        return false;
    return QTest::qWaitFor([&ran] { return ran; }, kTimeout);
}

/// A callback that logs `name` and the time it sees.
std::function<void()> note(Clock &clock, LogPtr log, QString name)
{
    return [&clock, log, name] { log->add(name, clock.time()); };
}

} // namespace

class tst_Clock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ExternalClock
    void protocolScenario();
    void creationOrder_data();
    void creationOrder();
    void callbacksAndSleepersKeepOrder();
    void callbackMovingTimeRunsNewTimersAfterIt();
    void setTimeNotLater_data();
    void setTimeNotLater();
    void pastDates_data();
    void pastDates();
    void nonPositiveDelays_data();
    void nonPositiveDelays();
    void datesAsClockTime();
    void utcNowFollowsTime();
    void create();
    void inspection();
    void deferredDescriptions();
    void manyTimersCancelledInAnyOrder_data();
    void manyTimersCancelledInAnyOrder();
    void timersChangedReachesEveryListener();
    void cancelledHandleNeverRuns();
    void destroyingClockCancelsSleepers();
    void deletingClockFromCallback();

    // RealTimeClock
    void realTimeSleep();
    void realTimeOrder();
    void coarseDeadlines();
    void realTimeCoarseDeadlines();
    void realTimeMonotonicAndDates();
    void realTimeDestroyCancelsSleepers();
};

// --- ExternalClock -------------------------------------------------------------------------

void tst_Clock::protocolScenario()
{
    // PROTOCOL.md §7: timers at 3 (cancelled), 3, 5 and a sleep(2); setTime(4) fires the sleep
    // and the uncancelled 3; setTime(10) fires 5.
    ExternalClock clock(kStart);
    auto log = std::make_shared<Log>();
    Result<TimerHandle> cancelled = clock.callAt(3, note(clock, log, u"cancelled 3"_s));
    Result<TimerHandle> three = clock.callAt(3, note(clock, log, u"3"_s));
    Result<TimerHandle> five = clock.callAt(5, note(clock, log, u"5"_s));
    QVERIFY(cancelled && three && five);
    QCoro::Task<void> sleeping = sleeper(&clock, 2, log, u"sleep(2)"_s);
    cancelled->cancel();
    QVERIFY(!cancelled->isPending());
    QCOMPARE(clock.pendingTimerCount(), 3);

    QVERIFY(clock.setTime(4));
    QVERIFY2(log->events.isEmpty(),
             "timers must run from the event loop, after setTime() returned");
    QCOMPARE(clock.pendingTimerCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 2, kTimeout);
    QCOMPARE(log->events, QStringList({u"sleep(2)"_s, u"3"_s}));
    QCOMPARE(log->times, QList<double>({4.0, 4.0}));
    QVERIFY(sleeping.isReady());
    QVERIFY(!three->isPending());
    QVERIFY(five->isPending());

    QVERIFY(clock.setTime(10));
    QVERIFY(five->isPending()); // due, not run yet
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 3, kTimeout);
    QCOMPARE(log->events.last(), u"5"_s);
    QCOMPARE(log->times.last(), 10.0);
    QVERIFY(!five->isPending());
    QCOMPARE(clock.pendingTimerCount(), 0);
    QVERIFY(queuedTimersRan());
    QCOMPARE(log->events.size(), 3); // the cancelled timer never ran
}

void tst_Clock::creationOrder_data()
{
    // c = callback, s = sleeping coroutine; all due at the same time.
    QTest::addColumn<QString>("kinds");
    QTest::addRow("callbacks") << u"cccccc"_s;
    QTest::addRow("sleepers") << u"ssssss"_s;
    QTest::addRow("mixed") << u"csscsccs"_s;
    QTest::addRow("sleepers first") << u"sssccc"_s;
}

void tst_Clock::creationOrder()
{
    QFETCH(QString, kinds);
    ExternalClock clock(kStart);
    auto log = std::make_shared<Log>();
    std::vector<QCoro::Task<void>> tasks;
    QStringList expected;
    for (int i = 0; i < kinds.size(); ++i) {
        const QString name = QStringLiteral("%1%2").arg(kinds.at(i)).arg(i);
        expected.append(name);
        // Alternate relative and absolute forms: both give deadline 7.
        if (kinds.at(i) == u's')
            tasks.push_back(i % 2 ? sleeper(&clock, 7, log, name)
                                  : sleeperUntil(&clock, 7, log, name));
        else
            QVERIFY(i % 2 ? clock.callIn(7, note(clock, log, name))
                          : clock.callAt(7, note(clock, log, name)));
    }
    QVERIFY(clock.setTime(7));
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), expected.size(), kTimeout);
    QCOMPARE(log->events, expected);
}

void tst_Clock::callbacksAndSleepersKeepOrder()
{
    ExternalClock clock(kStart);
    auto log = std::make_shared<Log>();
    std::vector<QCoro::Task<void>> tasks;
    tasks.push_back(sleeperUntil(&clock, 2, log, u"A s@2"_s));
    QVERIFY(clock.callAt(1, note(clock, log, u"B c@1"_s)));
    QVERIFY(clock.callAt(2, note(clock, log, u"C c@2"_s)));
    tasks.push_back(sleeper(&clock, 1, log, u"D s@1"_s));
    tasks.push_back(sleeper(&clock, 2, log, u"E s@2"_s));
    QVERIFY(clock.callIn(2, note(clock, log, u"F c@2"_s)));
    tasks.push_back(sleeperUntil(&clock, 1.5, log, u"G s@1.5"_s));
    QVERIFY(clock.callIn(3.5, note(clock, log, u"H c@3.5"_s)));

    QVERIFY(clock.setTime(3));
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 7, kTimeout);
    QCOMPARE(log->events, QStringList({u"B c@1"_s, u"D s@1"_s, u"G s@1.5"_s, u"A s@2"_s, u"C c@2"_s,
                                       u"E s@2"_s, u"F c@2"_s}));
    QCOMPARE(log->times, QList<double>(7, 3.0)); // all see the new time, not their deadline
    QCOMPARE(clock.pendingTimerCount(), 1);
}

void tst_Clock::callbackMovingTimeRunsNewTimersAfterIt()
{
    ExternalClock clock(kStart);
    auto log = std::make_shared<Log>();
    QVERIFY(clock.callAt(1, [&clock, log] {
        log->add(u"one"_s, clock.time());
        QVERIFY(clock.setTime(5));
        log->add(u"one done"_s, clock.time());
    }));
    QVERIFY(clock.callAt(4, note(clock, log, u"four"_s)));
    QVERIFY(clock.setTime(2));
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 3, kTimeout);
    QCOMPARE(log->events, QStringList({u"one"_s, u"one done"_s, u"four"_s}));
    QCOMPARE(log->times, QList<double>({2.0, 5.0, 5.0}));
}

void tst_Clock::setTimeNotLater_data()
{
    QTest::addColumn<double>("current");
    QTest::addColumn<double>("target");
    QTest::addColumn<QString>("message");
    QTest::addRow("same time") << 5.0 << 5.0 << u"Time must be > 5 but is 5"_s;
    QTest::addRow("earlier time") << 5.0 << 3.0 << u"Time must be > 5 but is 3"_s;
    QTest::addRow("fractions") << 2.5 << 1.25 << u"Time must be > 2.5 but is 1.25"_s;
    QTest::addRow("negative") << 0.0 << -1.0 << u"Time must be > 0 but is -1"_s;
    QTest::addRow("nan") << 1.0 << std::numeric_limits<double>::quiet_NaN()
                         << u"Time must be > 1 but is nan"_s;
}

void tst_Clock::setTimeNotLater()
{
    QFETCH(double, current);
    QFETCH(double, target);
    QFETCH(QString, message);
    ExternalClock clock(kStart, current);
    QSignalSpy timeChanged(&clock, &Clock::timeChanged);
    const Result<void> r = clock.setTime(target);
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
    QCOMPARE(r.error().message(), message);
    QCOMPARE(clock.time(), current);
    QCOMPARE(timeChanged.size(), 0);
}

void tst_Clock::pastDates_data()
{
    QTest::addColumn<bool>("useSleep");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QDateTime>("date"); // used instead of seconds when valid
    QTest::addColumn<QString>("message");
    // The clock stands at 3.
    QTest::addRow("sleepUntil now")
        << true << 3.0 << QDateTime() << uR"(Date "3" is in the past)"_s;
    QTest::addRow("callAt now") << false << 3.0 << QDateTime() << uR"(Date "3" is in the past)"_s;
    QTest::addRow("callAt earlier")
        << false << 2.5 << QDateTime() << uR"(Date "2.5" is in the past)"_s;
    QTest::addRow("sleepUntil earlier date")
        << true << 0.0 << kStart.addSecs(1)
        << uR"(Date "2016-01-01T00:00:01+00:00" is in the past)"_s;
    QTest::addRow("callAt date now") << false << 0.0 << kStart.addSecs(3)
                                     << uR"(Date "2016-01-01T00:00:03+00:00" is in the past)"_s;
    QTest::addRow("date with offset")
        << true << 0.0 << QDateTime(QDate(2016, 1, 1), QTime(1, 0, 2), Qt::OffsetFromUTC, 3600)
        << uR"(Date "2016-01-01T01:00:02+01:00" is in the past)"_s;
}

void tst_Clock::pastDates()
{
    QFETCH(bool, useSleep);
    QFETCH(double, seconds);
    QFETCH(QDateTime, date);
    QFETCH(QString, message);
    ExternalClock clock(kStart, 3);
    QSignalSpy timersChanged(&clock, &Clock::timersChanged);
    const ClockTime t = date.isValid() ? ClockTime(date) : ClockTime(seconds);
    Error error;
    if (useSleep) {
        // Fails before suspending, so the task is finished at once.
        error = QCoro::waitFor(clock.sleepUntil(t)).error();
    } else {
        bool called = false;
        Result<TimerHandle> r = clock.callAt(t, [&called] { called = true; });
        error = r.error();
    }
    QCOMPARE(error.code(), ErrorCode::InvalidArgument);
    QCOMPARE(error.message(), message);
    QCOMPARE(clock.pendingTimerCount(), 0);
    QCOMPARE(timersChanged.size(), 0);
}

void tst_Clock::nonPositiveDelays_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<double>("delay");
    QTest::addColumn<QString>("message");
    QTest::addRow("sleep(0)") << u"sleep"_s << 0.0 << u"Delay must be > 0 but is 0"_s;
    QTest::addRow("sleep(-1.5)") << u"sleep"_s << -1.5 << u"Delay must be > 0 but is -1.5"_s;
    QTest::addRow("callIn(0)") << u"callIn"_s << 0.0 << u"Delay must be > 0 but is 0"_s;
    QTest::addRow("callIn(nan)") << u"callIn"_s << std::numeric_limits<double>::quiet_NaN()
                                 << u"Delay must be > 0 but is nan"_s;
    QTest::addRow("callInCoarse(0)") << u"callInCoarse"_s << 0.0 << u"Delay must be > 0 but is 0"_s;
    QTest::addRow("callInCoarse(-2)") << u"callInCoarse"_s << -2.0 << u"Delay must be > 0 but is -2"_s;
    QTest::addRow("advance(0)") << u"advance"_s << 0.0 << u"Delay must be > 0 but is 0"_s;
}

void tst_Clock::nonPositiveDelays()
{
    // aiomas's ExternalClock raises ValueError for sleep(dt)/call_in(dt) with dt <= 0.
    QFETCH(QString, operation);
    QFETCH(double, delay);
    QFETCH(QString, message);
    ExternalClock clock(kStart, 1);
    Error error;
    if (operation == u"sleep")
        error = QCoro::waitFor(clock.sleep(delay)).error();
    else if (operation == u"callIn")
        error = clock.callIn(delay, [] {}).error();
    else if (operation == u"callInCoarse")
        error = clock.callInCoarse(delay, [] {}).error();
    else
        error = clock.advance(delay).error();
    QCOMPARE(error.code(), ErrorCode::InvalidArgument);
    QCOMPARE(error.message(), message);
    QCOMPARE(clock.pendingTimerCount(), 0);
    QCOMPARE(clock.time(), 1.0);
}

void tst_Clock::datesAsClockTime()
{
    ExternalClock clock(kStart);
    auto log = std::make_shared<Log>();
    Result<TimerHandle> handle = clock.callAt(kStart.addSecs(90), note(clock, log, u"at 90 s"_s));
    QVERIFY(handle);
    QCOMPARE(handle->deadline(), 90.0);
    QCoro::Task<void> sleeping = sleeperUntil(&clock, kStart.addSecs(60), log, u"until 60 s"_s);
    QCOMPARE(*clock.nextDeadline(), 60.0);

    QVERIFY(clock.setTime(89.999));
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 1, kTimeout);
    QCOMPARE(log->events.first(), u"until 60 s"_s);
    QVERIFY(handle->isPending());

    QVERIFY(clock.setTime(90));
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 2, kTimeout);
    QCOMPARE(log->events.last(), u"at 90 s"_s);
    QCOMPARE(log->times.last(), 90.0);
    QCOMPARE(clock.utcNow(), QDateTime(QDate(2016, 1, 1), QTime(0, 1, 30), Qt::UTC));

    // setTime() takes a date, too.
    QVERIFY(clock.setTime(kStart.addSecs(120)));
    QCOMPARE(clock.time(), 120.0);
}

void tst_Clock::utcNowFollowsTime()
{
    ExternalClock clock(kStart, 10);
    QCOMPARE(clock.time(), 10.0);
    QCOMPARE(clock.utcStart(), kStart);
    QCOMPARE(clock.utcNow(), kStart.addSecs(10));
    QVERIFY(clock.setTime(90.5));
    QCOMPARE(clock.utcNow(), kStart.addMSecs(90500));
    QCOMPARE(clock.utcNow().timeSpec(), Qt::UTC);
    QCOMPARE(clock.toTime(kStart.addSecs(100)), 100.0);
    QCOMPARE(clock.toDate(120), kStart.addSecs(120));
    QCOMPARE(clock.toDate(clock.time()), clock.utcNow());

    // A start date with an offset is converted to UTC (the same instant).
    const QDateTime berlin(QDate(2016, 1, 1), QTime(1, 0), Qt::OffsetFromUTC, 3600);
    ExternalClock other(berlin);
    QCOMPARE(other.utcStart().timeSpec(), Qt::UTC);
    QCOMPARE(other.utcStart(), kStart);
    QCOMPARE(other.utcStart().toMSecsSinceEpoch(), kStart.toMSecsSinceEpoch());
}

void tst_Clock::create()
{
    Result<std::unique_ptr<ExternalClock>> clock =
        ExternalClock::create(u"2016-01-01T00:00:00+00:00", 5);
    QVERIFY2(clock, qPrintable(clock.error().toString()));
    QCOMPARE((*clock)->utcStart(), kStart);
    QCOMPARE((*clock)->time(), 5.0);
    QCOMPARE((*clock)->utcNow(), kStart.addSecs(5));

    Result<std::unique_ptr<ExternalClock>> offset =
        ExternalClock::create(u"2016-01-01T02:00:00+02:00");
    QVERIFY(offset);
    QCOMPARE((*offset)->utcStart(), kStart);
    QCOMPARE((*offset)->utcStart().timeSpec(), Qt::UTC);

    Result<std::unique_ptr<ExternalClock>> bad = ExternalClock::create(u"yesterday");
    QVERIFY(!bad);
    QVERIFY(bad.error().isError());
}

void tst_Clock::inspection()
{
    ExternalClock clock(kStart);
    auto log = std::make_shared<Log>();
    QSignalSpy timersChanged(&clock, &Clock::timersChanged);
    QSignalSpy timeChanged(&clock, &Clock::timeChanged);
    QVERIFY(!clock.nextDeadline());
    QVERIFY(clock.pendingTimers().isEmpty());

    Result<TimerHandle> five = clock.callIn(5, note(clock, log, u"five"_s), u"five"_s);
    QCOMPARE(timersChanged.size(), 1);
    QCoro::Task<void> sleeping = sleeper(&clock, 2, log, u"sleep"_s);
    QCOMPARE(timersChanged.size(), 2);
    Result<TimerHandle> alsoFive =
        clock.callAt(5, note(clock, log, u"also five"_s), u"also five"_s);
    QCOMPARE(timersChanged.size(), 3);
    QVERIFY(five && alsoFive);

    QCOMPARE(*clock.nextDeadline(), 2.0);
    QCOMPARE(clock.pendingTimerCount(), 3);
    const QList<PendingTimer> timers = clock.pendingTimers();
    QCOMPARE(timers.size(), 3);
    QCOMPARE(timers.at(0).id, 2u);
    QCOMPARE(timers.at(0).deadline, 2.0);
    QCOMPARE(timers.at(0).description, u"sleep"_s);
    QVERIFY(timers.at(0).isSleep);
    QCOMPARE(timers.at(1).id, 1u);
    QCOMPARE(timers.at(1).deadline, 5.0);
    QCOMPARE(timers.at(1).description, u"five"_s);
    QVERIFY(!timers.at(1).isSleep);
    QCOMPARE(timers.at(2).id, 3u);
    QCOMPARE(timers.at(2).description, u"also five"_s);

    five->cancel();
    QCOMPARE(timersChanged.size(), 4);
    QCOMPARE(clock.pendingTimerCount(), 2);
    five->cancel(); // a second cancel does nothing
    QCOMPARE(timersChanged.size(), 4);

    QVERIFY(clock.advanceToNextTimer());
    QCOMPARE(clock.time(), 2.0);
    QCOMPARE(timeChanged.size(), 1);
    QCOMPARE(timeChanged.at(0).at(0).toDouble(), 2.0);
    QCOMPARE(timersChanged.size(), 5); // the sleep became due
    QCOMPARE(*clock.nextDeadline(), 5.0);
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 1, kTimeout);

    QVERIFY(clock.advance(0.5));
    QCOMPARE(clock.time(), 2.5);
    QCOMPARE(timeChanged.size(), 2);
    QCOMPARE(timersChanged.size(), 5); // nothing became due

    QVERIFY(clock.advanceToNextTimer());
    QCOMPARE(clock.time(), 5.0);
    QVERIFY(!clock.nextDeadline());
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 2, kTimeout);
    QCOMPARE(log->events, QStringList({u"sleep"_s, u"also five"_s}));

    const Result<void> none = clock.advanceToNextTimer();
    QVERIFY(!none);
    QCOMPARE(none.error().code(), ErrorCode::InvalidArgument);
    QCOMPARE(clock.time(), 5.0);
    QCOMPARE(timeChanged.size(), 3);
}

void tst_Clock::deferredDescriptions()
{
    // A deferred description is built only when pendingTimers() asks, each time, and dropped
    // with its timer when it fires or is cancelled.
    ExternalClock clock(kStart);
    auto log = std::make_shared<Log>();
    auto built = std::make_shared<int>(0);
    auto label = std::make_shared<QString>(u"first"_s);
    const auto describe = [built, label] {
        ++*built;
        return u"reply %1 due"_s.arg(*label);
    };
    Result<TimerHandle> fires = clock.callIn(1, note(clock, log, u"fires"_s), TimerDescription::deferred(describe));
    Result<TimerHandle> cancelled = clock.callIn(2, [] {}, TimerDescription::deferred(describe));
    QVERIFY(fires && cancelled);
    QCOMPARE(*built, 0);
    QCOMPARE(built.use_count(), 4); // ours, describe's, one per timer

    QList<PendingTimer> timers = clock.pendingTimers();
    QCOMPARE(*built, 2);
    QCOMPARE(timers.at(0).description, u"reply first due"_s);
    *label = u"second"_s;
    timers = clock.pendingTimers();
    QCOMPARE(*built, 4);
    QCOMPARE(timers.at(1).description, u"reply second due"_s);

    cancelled->cancel();
    QCOMPARE(built.use_count(), 3);
    QVERIFY(clock.advanceToNextTimer());
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 1, kTimeout);
    QVERIFY(clock.pendingTimers().isEmpty());
    QCOMPARE(*built, 4);
    QCOMPARE(built.use_count(), 2); // the fired timer let go of it too

    // Plain texts still work, and an empty one on a sleep still reads "sleep".
    Result<TimerHandle> plain = clock.callIn(1, [] {}, TimerDescription(u"plain"_s));
    QCoro::Task<void> sleeping = sleeper(&clock, 2, log, u"sleep"_s);
    timers = clock.pendingTimers();
    QCOMPARE(timers.size(), 2);
    QCOMPARE(timers.at(0).description, u"plain"_s);
    QCOMPARE(timers.at(1).description, u"sleep"_s);
}

void tst_Clock::manyTimersCancelledInAnyOrder_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("keepEvery"); // > 0: keep every n-th; < 0: cancel every n-th; 0: none kept
    QTest::addColumn<int>("spread");    // deadlines 1 + (i * 37) % spread; 0: each later than the last
    // Few cancelled: they leave from the front. Most cancelled: the set is rebuilt on the way.
    // Deadlines in and out of order (the clock keeps timers set later than all others apart).
    QTest::newRow("cancel every 5th") << 300 << -5 << 11;
    QTest::newRow("keep every 7th") << 1000 << 7 << 11;
    QTest::newRow("keep none") << 500 << 0 << 11;
    QTest::newRow("later and later, cancel every 5th") << 300 << -5 << 0;
    QTest::newRow("later and later, keep every 7th") << 1000 << 7 << 0;
}

void tst_Clock::manyTimersCancelledInAnyOrder()
{
    QFETCH(int, count);
    QFETCH(int, keepEvery);
    QFETCH(int, spread);
    // Timers on a few deadlines (many equal ones: creation order decides), cancelled in a
    // scrambled order; what is left must list, count and fire exactly as a sorted model says.
    ExternalClock clock(kStart);
    auto log = std::make_shared<Log>();
    struct Model
    {
        double deadline;
        int index;
        bool cancelled;
    };
    std::vector<Model> model;
    std::vector<TimerHandle> handles;
    for (int i = 0; i < count; ++i) {
        const double deadline = spread > 0 ? 1 + (i * 37) % spread : 1 + i * 0.01;
        Result<TimerHandle> t = clock.callAt(deadline, note(clock, log, QString::number(i)), QString::number(i));
        QVERIFY(t);
        handles.push_back(*t);
        model.push_back({deadline, i, false});
    }
    // Cancel all but every keepEvery-th, in an order unrelated to the deadlines.
    for (int step = 0; step < count; ++step) {
        const int i = (step * 613) % count;
        const bool cancel = keepEvery == 0 || (keepEvery > 0 && i % keepEvery != 0)
                            || (keepEvery < 0 && i % -keepEvery == 0);
        if (!cancel)
            continue;
        handles[size_t(i)].cancel();
        QVERIFY(!handles[size_t(i)].isPending());
        model[size_t(i)].cancelled = true;
        // The earliest pending timer is always the model's.
        std::optional<double> expectedNext;
        for (const Model &m : model) {
            if (!m.cancelled && (!expectedNext || m.deadline < *expectedNext))
                expectedNext = m.deadline;
        }
        QCOMPARE(clock.nextDeadline(), expectedNext);
    }
    std::vector<Model> expected;
    for (const Model &m : model) {
        if (!m.cancelled)
            expected.push_back(m);
    }
    std::stable_sort(expected.begin(), expected.end(),
                     [](const Model &a, const Model &b) { return a.deadline < b.deadline; });
    QCOMPARE(clock.pendingTimerCount(), int(expected.size()));
    const QList<PendingTimer> pending = clock.pendingTimers();
    QCOMPARE(pending.size(), qsizetype(expected.size()));
    for (size_t k = 0; k < expected.size(); ++k) {
        QCOMPARE(pending.at(qsizetype(k)).description, QString::number(expected[k].index));
        QCOMPARE(pending.at(qsizetype(k)).deadline, expected[k].deadline);
    }
    // They fire in that order, each seeing its own deadline; none of the cancelled ones runs.
    QVERIFY(clock.setTime(20));
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), qsizetype(expected.size()), kTimeout);
    for (size_t k = 0; k < expected.size(); ++k) {
        QCOMPARE(log->events.at(qsizetype(k)), QString::number(expected[k].index));
        QCOMPARE(log->times.at(qsizetype(k)), 20.0);
    }
    QCOMPARE(clock.pendingTimerCount(), 0);
    QVERIFY(!clock.nextDeadline());
}

void tst_Clock::timersChangedReachesEveryListener()
{
    // The clock emits timersChanged() only while something listens: listeners that come late,
    // go, or whose receiver is destroyed must leave the others hearing it.
    ExternalClock clock(kStart);
    QVERIFY(clock.callIn(1, [] {}));
    int heardByLambda = 0;
    auto context = std::make_unique<QObject>();
    connect(&clock, &Clock::timersChanged, context.get(), [&heardByLambda] { ++heardByLambda; });
    QSignalSpy spy(&clock, &Clock::timersChanged);
    Result<TimerHandle> two = clock.callIn(2, [] {});
    QVERIFY(two);
    QCOMPARE(heardByLambda, 1);
    QCOMPARE(spy.size(), 1);
    context.reset(); // the lambda's connection goes with its context
    two->cancel();
    QCOMPARE(spy.size(), 2);
    QCOMPARE(heardByLambda, 1);
    int heardLate = 0;
    const QMetaObject::Connection late =
        connect(&clock, &Clock::timersChanged, this, [&heardLate] { ++heardLate; });
    QVERIFY(clock.setTime(1)); // the first timer is due
    QCOMPARE(spy.size(), 3);
    QCOMPARE(heardLate, 1);
    QVERIFY(disconnect(late));
    QVERIFY(clock.callIn(3, [] {}));
    QCOMPARE(spy.size(), 4);
    QCOMPARE(heardLate, 1);
}

void tst_Clock::cancelledHandleNeverRuns()
{
    ExternalClock clock(kStart);
    auto log = std::make_shared<Log>();
    std::optional<Result<TimerHandle>> second; // set below, before the clock runs
    QVERIFY(clock.callAt(3, [&clock, &second, log] {
        log->add(u"first"_s, clock.time());
        (*second)->cancel(); // due in the same batch, not run yet
    }));
    second = clock.callAt(3, note(clock, log, u"second"_s));
    Result<TimerHandle> third = clock.callAt(4, note(clock, log, u"third"_s));
    Result<TimerHandle> fourth = clock.callAt(4, note(clock, log, u"fourth"_s));
    QVERIFY(*second && third && fourth);

    QVERIFY(clock.setTime(5));
    QCOMPARE(clock.pendingTimerCount(), 0);
    QVERIFY(third->isPending()); // due but not run: still cancellable
    third->cancel();
    QVERIFY(!third->isPending());

    // A timer due later than all of them runs after them: the cancelled ones had their turn.
    QVERIFY(clock.callAt(6, note(clock, log, u"later"_s)));
    QVERIFY(clock.setTime(6));
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 3, kTimeout);
    QCOMPARE(log->events, QStringList({u"first"_s, u"fourth"_s, u"later"_s}));
    QVERIFY(!(*second)->isPending());
    QVERIFY(!fourth->isPending());
    fourth->cancel(); // after it fired: nothing happens
}

void tst_Clock::destroyingClockCancelsSleepers()
{
    auto clock = std::make_unique<ExternalClock>(kStart);
    auto log = std::make_shared<Log>();
    std::vector<QCoro::Task<void>> tasks;
    tasks.push_back(sleeper(clock.get(), 2, log, u"due"_s));
    tasks.push_back(sleeperUntil(clock.get(), 50, log, u"pending"_s));
    Result<TimerHandle> dueCallback = clock->callIn(1, note(*clock, log, u"due callback"_s));
    Result<TimerHandle> pendingCallback =
        clock->callIn(60, note(*clock, log, u"pending callback"_s));
    QVERIFY(dueCallback && pendingCallback);
    QVERIFY(clock->setTime(3)); // "due" and "due callback" are due but have not run yet

    clock.reset();
    QVERIFY2(log->events.isEmpty(), "sleepers must not be resumed inside the clock's destructor");
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 2, kTimeout);
    QCOMPARE(log->events, QStringList({u"due: Cancelled"_s, u"pending: Cancelled"_s}));
    for (const QCoro::Task<void> &task : tasks)
        QVERIFY(task.isReady());

    // Handles outlive their clock safely; callbacks were dropped.
    QVERIFY(!dueCallback->isPending());
    QVERIFY(!pendingCallback->isPending());
    pendingCallback->cancel();
    QCOMPARE(pendingCallback->deadline(), 60.0);
    QVERIFY(queuedTimersRan());
    QCOMPARE(log->events.size(), 2);
}

void tst_Clock::deletingClockFromCallback()
{
    auto clock = std::make_unique<ExternalClock>(kStart);
    ExternalClock *raw = clock.get();
    auto log = std::make_shared<Log>();
    QVERIFY(raw->callAt(3, [&clock, log] {
        log->add(u"deleter"_s, clock->time());
        clock.reset();
    }));
    QCoro::Task<void> sleeping = sleeperUntil(raw, 3, log, u"after"_s);
    QVERIFY(raw->callAt(3, [log] { log->add(u"never"_s, -1); }));
    QVERIFY(raw->setTime(4));
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 2, kTimeout);
    QVERIFY(!clock);
    QCOMPARE(log->events, QStringList({u"deleter"_s, u"after: Cancelled"_s}));
    QVERIFY(queuedTimersRan());
    QCOMPARE(log->events.size(), 2); // "never" never ran
}

// --- RealTimeClock -------------------------------------------------------------------------

void tst_Clock::realTimeSleep()
{
    RealTimeClock clock;
    auto log = std::make_shared<Log>();
    QElapsedTimer elapsed;
    elapsed.start();
    const double before = clock.time();
    QCoro::Task<void> sleeping = sleeper(&clock, 0.05, log, u"slept"_s);
    QVERIFY(log->events.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 1, kTimeout);
    QCOMPARE(log->events.first(), u"slept"_s);
    const double slept = log->times.first() - before;
    QVERIFY2(slept >= 0.05, qPrintable(QString::number(slept)));
    QVERIFY(elapsed.elapsed() >= 50);
    QCOMPARE(clock.pendingTimerCount(), 0);
}

void tst_Clock::realTimeOrder()
{
    RealTimeClock clock;
    auto log = std::make_shared<Log>();
    // sleep(0) and a negative delay resume at the next loop iteration (aiomas/asyncio semantics).
    QCoro::Task<void> now = sleeper(&clock, 0, log, u"sleep(0)"_s);
    Result<TimerHandle> negative = clock.callIn(-1, note(clock, log, u"callIn(-1)"_s));
    Result<TimerHandle> b = clock.callIn(0.03, note(clock, log, u"b"_s));
    Result<TimerHandle> a = clock.callIn(0.01, note(clock, log, u"a"_s));
    Result<TimerHandle> c = clock.callIn(0.03, note(clock, log, u"c"_s));
    Result<TimerHandle> d = clock.callAt(clock.time() + 0.04, note(clock, log, u"d"_s));
    QVERIFY(negative && a && b && c && d);
    QVERIFY(log->events.isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 6, kTimeout);
    QCOMPARE(log->events,
             QStringList({u"sleep(0)"_s, u"callIn(-1)"_s, u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
    // Each saw a time at or after its deadline.
    QVERIFY(log->times.at(2) >= a->deadline());
    QVERIFY(log->times.at(3) >= b->deadline());
    QVERIFY(log->times.at(4) >= c->deadline());
    QVERIFY(log->times.at(5) >= d->deadline());
    QVERIFY(std::is_sorted(log->times.cbegin(), log->times.cend()));
}

void tst_Clock::coarseDeadlines()
{
    // On an external clock a coarse deadline is exactly callIn()'s, and keeps the creation order.
    ExternalClock clock(kStart, 10);
    auto log = std::make_shared<Log>();
    Result<TimerHandle> precise = clock.callIn(2, note(clock, log, u"precise"_s));
    Result<TimerHandle> coarse = clock.callInCoarse(2, note(clock, log, u"coarse"_s), u"reply due"_s);
    QVERIFY(precise && coarse);
    QCOMPARE(coarse->deadline(), 12.0);
    QCOMPARE(clock.pendingTimers().last().description, u"reply due"_s);
    QVERIFY(clock.setTime(12));
    QTRY_COMPARE_WITH_TIMEOUT(log->events, QStringList({u"precise"_s, u"coarse"_s}), kTimeout);
}

void tst_Clock::realTimeCoarseDeadlines()
{
    // A coarse deadline counts from the system's coarse clock plus one of its ticks: never more
    // than a tick after the precise one, and not more than a tick before it.
    RealTimeClock clock;
    const double tick = mas::test::coarseTick();
    auto log = std::make_shared<Log>();
    for (int i = 0; i < 50; ++i) {
        const double before = clock.time();
        Result<TimerHandle> h = clock.callInCoarse(0.02, [] {});
        const double after = clock.time();
        QVERIFY(h);
        QVERIFY2(h->deadline() <= after + 0.02 + tick + 1e-9,
                 qPrintable(u"deadline %1, set between %2 and %3 (tick %4)"_s.arg(h->deadline()).arg(before).arg(after).arg(tick)));
        QVERIFY2(h->deadline() >= before + 0.02 - tick - 1e-9,
                 qPrintable(u"deadline %1, set between %2 and %3 (tick %4)"_s.arg(h->deadline()).arg(before).arg(after).arg(tick)));
        h->cancel();
    }
    QCOMPARE(clock.pendingTimerCount(), 0);
    // It runs, from the event loop, seeing a time at or after its deadline.
    Result<TimerHandle> due = clock.callInCoarse(0.01, note(clock, log, u"due"_s));
    QVERIFY(due);
    QTRY_COMPARE_WITH_TIMEOUT(log->events, QStringList({u"due"_s}), kTimeout);
    QVERIFY(log->times.at(0) >= due->deadline());
}

void tst_Clock::realTimeMonotonicAndDates()
{
    RealTimeClock clock;
    double last = clock.time();
    for (int i = 0; i < 10000; ++i) {
        const double t = clock.time();
        QVERIFY(t >= last);
        last = t;
    }
    QTRY_VERIFY_WITH_TIMEOUT(clock.time() > last, kTimeout);

    // The clock's dates are the system's; conversions are checked against readings taken
    // before and after (so however long the calls take, never against a fixed tolerance).
    const QDateTime systemBefore = QDateTime::currentDateTimeUtc();
    const QDateTime now = clock.utcNow();
    const QDateTime systemAfter = QDateTime::currentDateTimeUtc();
    QVERIFY(systemBefore <= now && now <= systemAfter);
    QCOMPARE(now.timeSpec(), Qt::UTC);
    const double t0 = clock.time();
    const double inTen = clock.toTime(clock.utcNow().addSecs(10));
    const double t1 = clock.time();
    const double span = t1 - t0 + 0.002; // + QDateTime's millisecond rounding
    QVERIFY2(inTen >= t0 + 10 - span && inTen <= t1 + 10 + 0.002,
             qPrintable(QStringLiteral("%1 in [%2, %3]").arg(inTen - t0).arg(10 - span).arg(t1 - t0 + 10.002)));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QDateTime tenLater = clock.toDate(clock.time() + 10);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    const qint64 spanMs = before.msecsTo(after) + 2;
    QVERIFY2(tenLater >= before.addMSecs(10'000 - spanMs) && tenLater <= after.addMSecs(10'000 + 2),
             qPrintable(QStringLiteral("%1 ms after the first reading").arg(before.msecsTo(tenLater))));

    // Past dates are refused, on the time scale and as dates.
    Result<TimerHandle> past = clock.callAt(clock.time() - 1, [] {});
    QCOMPARE(past.error().code(), ErrorCode::InvalidArgument);
    Result<TimerHandle> pastDate = clock.callAt(clock.utcNow().addSecs(-10), [] {});
    QCOMPARE(pastDate.error().code(), ErrorCode::InvalidArgument);
    QVERIFY(pastDate.error().message().endsWith(u"\" is in the past"_s));

    // A date in the near future fires.
    bool fired = false;
    QVERIFY(clock.callAt(clock.utcNow().addMSecs(30), [&fired] { fired = true; }));
    QTRY_VERIFY_WITH_TIMEOUT(fired, kTimeout);
}

void tst_Clock::realTimeDestroyCancelsSleepers()
{
    auto clock = std::make_unique<RealTimeClock>();
    auto log = std::make_shared<Log>();
    QCoro::Task<void> sleeping = sleeper(clock.get(), 3600, log, u"long"_s);
    bool fired = false;
    Result<TimerHandle> handle = clock->callIn(0.01, [&fired] { fired = true; });
    QVERIFY(handle);
    clock.reset();
    QVERIFY(log->events.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(log->events.size(), 1, kTimeout);
    QCOMPARE(log->events.first(), u"long: Cancelled"_s);
    // A timer due after it on another clock fires; the dropped one, due first, did not.
    RealTimeClock other;
    bool later = false;
    QVERIFY(other.callIn(0.05, [&later] { later = true; }));
    QTRY_VERIFY_WITH_TIMEOUT(later, kTimeout);
    QVERIFY(!fired);
    QVERIFY(!handle->isPending());
    handle->cancel();
}

QTEST_GUILESS_MAIN(tst_Clock)
#include "tst_clock.moc"
