// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>

#include <QDateTime>
#include <QList>
#include <QObject>

#include <QCoro/QCoroTask>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace mas {

class Clock;
class ClockPrivate;

namespace detail {
struct TimerState;
class DeadlineSeries;

/// A counted reference to a timer's state. A clock and its handles live in one thread, so the
/// count is a plain integer (a shared_ptr's atomic count cost more than the rest of a handle).
class MAS_EXPORT TimerRef
{
public:
    TimerRef() = default;
    explicit TimerRef(TimerState *state) noexcept;
    TimerRef(const TimerRef &other) noexcept;
    TimerRef(TimerRef &&other) noexcept
        : m_state(std::exchange(other.m_state, nullptr))
    {}
    TimerRef &operator=(TimerRef other) noexcept
    {
        std::swap(m_state, other.m_state);
        return *this;
    }
    ~TimerRef()
    {
        if (m_state) // not for a moved-from one
            release(m_state);
    }

    TimerState *get() const noexcept { return m_state; }
    TimerState *operator->() const noexcept { return m_state; }
    TimerState &operator*() const noexcept { return *m_state; }
    explicit operator bool() const noexcept { return m_state != nullptr; }

private:
    /// Drops a reference; the last one frees the state.
    static void release(TimerState *state) noexcept;
    TimerState *m_state = nullptr;
};
} // namespace detail

/// A point on a clock: seconds on the clock's time() scale, or a date (converted with
/// `t = (date - utcNow()) + time()`, as aiomas does).
class MAS_EXPORT ClockTime
{
public:
    ClockTime(double seconds)
        : m_seconds(seconds)
    {}
    ClockTime(int seconds)
        : m_seconds(seconds)
    {}
    ClockTime(QDateTime date)
        : m_date(std::move(date))
    {}

    bool isDate() const { return m_date.isValid(); }
    double seconds() const { return m_seconds; }
    QDateTime date() const { return m_date; }

private:
    double m_seconds = 0;
    QDateTime m_date;
};

/// What a timer is for, as pendingTimers() shows it: a text, or a function that builds the text
/// only when it is asked for. A timer set for every request (a channel's request deadline on a
/// clock) then costs no formatting unless someone looks at the pending timers.
///
/// \code
/// clock->callIn(5, f, QStringLiteral("retry"));
/// clock->callIn(60, f, mas::TimerDescription::deferred([id] { return QStringLiteral("reply %1").arg(id); }));
/// \endcode
class MAS_EXPORT TimerDescription
{
public:
    TimerDescription() = default;
    TimerDescription(QString text)
        : m_text(std::move(text))
    {}
    /// A description built by `describe` each time it is read (it must stay callable while the
    /// timer is pending; the clock drops it when the timer fires or is cancelled).
    static TimerDescription deferred(std::function<QString()> describe)
    {
        TimerDescription d;
        d.m_describe = std::move(describe);
        return d;
    }

    /// The text (built now when deferred).
    QString text() const { return m_describe ? m_describe() : m_text; }
    /// Built by a function when read.
    bool isDeferred() const { return bool(m_describe); }
    /// No text and no function.
    bool isEmpty() const { return !m_describe && m_text.isEmpty(); }

private:
    QString m_text;
    std::function<QString()> m_describe;
};

/// A pending timer as shown to a user (the Inspector's clock panel).
struct PendingTimer
{
    quint64 id = 0;          ///< creation sequence number: timers with equal deadlines fire in id order
    double deadline = 0;     ///< on the clock's time() scale
    QString description;     ///< what the timer is for ("sleep", or the text given to callIn/callAt)
    bool isSleep = false;    ///< a coroutine waiting in sleep()/sleepUntil() (else a callback)
};

/// A scheduled callback (aiomas's `TimerHandle`). Copies refer to the same timer; cancelling
/// a timer that already fired or was cancelled does nothing.
class MAS_EXPORT TimerHandle
{
public:
    TimerHandle() = default;
    /// Cancels the timer: its callback will not run.
    void cancel();
    /// Whether the timer is still waiting (neither fired nor cancelled).
    bool isPending() const;
    /// The timer's deadline on its clock's time() scale.
    double deadline() const;

private:
    friend class Clock;
    friend class detail::DeadlineSeries;
    explicit TimerHandle(detail::TimerRef state)
        : m_state(std::move(state))
    {}
    detail::TimerRef m_state;
};

/// The clock of a container and its agents (aiomas's `BaseClock`).
///
/// \code
/// co_await agent->clock()->sleep(2);                        // two seconds of this clock
/// auto handle = clock->callIn(5, [] { qDebug() << "five seconds later"; });
/// handle->cancel();
/// \endcode
/// Timers fire in (deadline, creation) order, from the event loop, never inside the call that
/// made them due. A clock lives in one thread; several containers may share one clock. When a
/// clock is destroyed, coroutines sleeping on it resume with a Cancelled error.
class MAS_EXPORT Clock : public QObject
{
    Q_OBJECT

public:
    ~Clock() override;

    // time
    /// Seconds on this clock's scale (monotonic, arbitrary origin).
    virtual double time() const = 0;
    /// The current date in UTC.
    virtual QDateTime utcNow() const = 0;
    /// A date converted to this clock's time() scale.
    double toTime(const QDateTime &date) const;
    /// A point on this clock's time() scale converted to a UTC date.
    QDateTime toDate(double time) const;

    // waiting
    /// Resumes after `seconds` of this clock (aiomas's `sleep(dt)`). `description` names the
    /// wait in pendingTimers() (default "sleep").
    QCoro::Task<Result<void>> sleep(double seconds, TimerDescription description = {});
    /// Resumes when the clock reaches `t`; a `t` not after time() fails with
    /// `Date "…" is in the past`.
    QCoro::Task<Result<void>> sleepUntil(ClockTime t);
    /// Calls `f` after `seconds` (aiomas's `call_in`). `description` is shown in pendingTimers()
    /// (a deferred one is built only then).
    Result<TimerHandle> callIn(double seconds, std::function<void()> f, TimerDescription description = {});
    /// As callIn(), for a time-out that may run a little late: the deadline counts from
    /// coarseTime(), which a real-time clock reads from the system's coarse clock (updated every
    /// few milliseconds) plus one of its ticks, without a precise reading of the time. A
    /// request's deadline is set this way. The same as callIn() on other clocks.
    Result<TimerHandle> callInCoarse(double seconds, std::function<void()> f, TimerDescription description = {});
    /// Calls `f` when the clock reaches `t` (aiomas's `call_at`); a `t` in the past is an error.
    Result<TimerHandle> callAt(ClockTime t, std::function<void()> f, TimerDescription description = {});

    // inspection (beyond aiomas, for debugging)
    /// When the next pending timer is due, on the time() scale; nullopt when none is pending.
    std::optional<double> nextDeadline() const;
    /// The pending timers in firing order.
    QList<PendingTimer> pendingTimers() const;
    int pendingTimerCount() const;

Q_SIGNALS:
    /// The clock's time was set (external clocks; real-time clocks do not signal every tick).
    void timeChanged(double time);
    /// A timer was added, fired or cancelled.
    void timersChanged();

protected:
    explicit Clock(QObject *parent = nullptr);
    /// Rejects a relative delay before it becomes a deadline (external clocks refuse `<= 0`).
    virtual Result<void> checkDelay(double seconds) const;
    /// The time callInCoarse() counts from: time() (the default), or a cheaper reading at most
    /// a tick of the system's coarse clock later (a real-time clock).
    virtual double coarseTime() const { return time(); }
    /// A timer earlier than every pending one was set, or the due ones were taken (a real-time
    /// clock re-arms its timer). Not called when a cancel moves the earliest deadline later.
    virtual void scheduleChanged() {}
    /// Makes every timer with deadline <= `now` due: they run, in order, from the event loop.
    void fireDue(double now);
    void connectNotify(const QMetaMethod &signal) override;

private:
    Result<detail::TimerRef> schedule(ClockTime t, std::function<void()> f,
                                                         TimerDescription description, bool isSleep);
    void runReady();
    /// Emits timersChanged() when anything listens (a timer per request made the unheard
    /// signal a noticeable part of a request's cost).
    void notifyTimersChanged();
    friend class TimerHandle;
    friend class ClockPrivate;
    std::unique_ptr<ClockPrivate> d;
};

/// Real time (aiomas's `AsyncioClock`): time() is monotonic seconds, utcNow() the system's
/// UTC date, timers run on Qt's precise timers.
class MAS_EXPORT RealTimeClock : public Clock
{
    Q_OBJECT

public:
    explicit RealTimeClock(QObject *parent = nullptr);
    ~RealTimeClock() override;

    double time() const override;
    QDateTime utcNow() const override;

protected:
    void scheduleChanged() override;
    /// The system's coarse monotonic clock plus one of its ticks: not earlier than time() (but
    /// for a tick the kernel was late with), at most a tick later, and several times cheaper
    /// to read.
    double coarseTime() const override;

private:
    class Private;
    std::unique_ptr<Private> p;
};

/// A clock whose time moves only when told to (aiomas's `ExternalClock`): by hand in the
/// Inspector, by a simulator such as mosaik, or by a test.
///
/// \code
/// mas::ExternalClock clock(QDateTime(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC));
/// clock.callAt(3, [] { ... });
/// clock.setTime(4);            // runs the timer from the event loop, seeing time() == 4
/// \endcode
class MAS_EXPORT ExternalClock : public Clock
{
    Q_OBJECT

public:
    /// `utcStart` is the date at time() == 0 (converted to UTC); time starts at `initTime`.
    explicit ExternalClock(const QDateTime &utcStart, double initTime = 0, QObject *parent = nullptr);
    /// Parses `utcStart` as an ISO 8601 date (as aiomas's `arrow.get`).
    static Result<std::unique_ptr<ExternalClock>> create(QStringView utcStart, double initTime = 0);
    ~ExternalClock() override;

    double time() const override;
    QDateTime utcNow() const override;
    /// The date at time() == 0.
    QDateTime utcStart() const;

    /// Sets the time; `t` must be later than time() (else `Time must be > X but is Y`). Every
    /// timer due by `t` then runs, in (deadline, creation) order, and sees time() == t.
    Result<void> setTime(ClockTime t);
    /// Moves the time forward by `seconds` (> 0).
    Result<void> advance(double seconds);
    /// Moves the time to the next pending timer's deadline; an error when none is pending.
    Result<void> advanceToNextTimer();

protected:
    Result<void> checkDelay(double seconds) const override;

private:
    QDateTime m_utcStart;
    double m_time = 0;
};

} // namespace mas
