// SPDX-License-Identifier: MIT
#include "clock.h"

#include <mas/codec/dateserializer.h>
#include <mas/core/completion_p.h>
#include <mas/core/logging_p.h>

#include <QMetaObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <coroutine>
#include <deque>
#include <exception>
#include <map>
#include <utility>

namespace mas {

namespace detail {

/// One timer: a callback (callIn/callAt) or a sleeping coroutine (sleep/sleepUntil). Shared by
/// the clock (while pending or due) and the TimerHandle / sleep awaiter that refer to it.
struct TimerState
{
    double deadline = 0;
    quint64 seq = 0;
    TimerDescription description;
    bool isSleep = false;
    std::function<void()> callback;
    /// The sleeping coroutine, set once it has suspended; cleared when it is resumed.
    std::coroutine_handle<> waiter;
    /// The owning clock; null once the clock is gone.
    ClockPrivate *clock = nullptr;
    bool fired = false;
    bool cancelled = false;
    /// Why a sleeper woke up early (its clock was destroyed).
    std::optional<Error> error;
};

} // namespace detail

using detail::TimerState;
using TimerKey = std::pair<double, quint64>;

class ClockPrivate
{
public:
    explicit ClockPrivate(Clock *clock)
        : q(clock)
    {}

    std::shared_ptr<TimerState>
    insert(double deadline, std::function<void()> f, TimerDescription description, bool isSleep);
    void cancel(const std::shared_ptr<TimerState> &state);

    Clock *q;
    /// Pending timers in firing order.
    std::map<TimerKey, std::shared_ptr<TimerState>> pending;
    /// Timers made due by fireDue() and not yet run, in firing order.
    std::deque<std::shared_ptr<TimerState>> ready;
    bool runPosted = false;
    quint64 lastSeq = 0;
};

namespace {

/// Compact number text for messages: 4 -> "4", 2.5 -> "2.5".
QString numberText(double x)
{
    return QString::number(x, 'g', 15);
}

Error notANumber()
{
    return Error(ErrorCode::InvalidArgument, tr("A clock time must be a number, not NaN"));
}

/// Suspends a coroutine until its timer runs (or its clock dies).
class SleepAwaiter
{
public:
    explicit SleepAwaiter(std::shared_ptr<TimerState> state)
        : m_state(std::move(state))
    {}
    SleepAwaiter(SleepAwaiter &&other) noexcept
        : m_state(std::move(other.m_state))
    {}
    SleepAwaiter &operator=(SleepAwaiter &&) = delete;
    ~SleepAwaiter()
    {
        // The coroutine frame is being destroyed while still waiting: forget the handle.
        if (m_state && m_state->waiter) {
            m_state->waiter = {};
            if (m_state->clock)
                m_state->clock->cancel(m_state);
        }
    }

    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> h) noexcept
    {
        // The clock may already be gone (e.g. deleted by a timersChanged() handler).
        if (!m_state->clock)
            return false;
        m_state->waiter = h;
        return true;
    }
    Result<void> await_resume()
    {
        if (m_state->error)
            return *m_state->error;
        return {};
    }

private:
    std::shared_ptr<TimerState> m_state;
};

} // namespace

std::shared_ptr<TimerState>
ClockPrivate::insert(double deadline, std::function<void()> f, TimerDescription description, bool isSleep)
{
    auto state = std::make_shared<TimerState>();
    state->deadline = deadline;
    state->seq = ++lastSeq;
    state->description = std::move(description);
    state->isSleep = isSleep;
    state->callback = std::move(f);
    state->clock = this;
    const TimerKey key(deadline, state->seq);
    const bool first = pending.empty() || key < pending.begin()->first;
    pending.emplace(key, state);
    qCDebug(lcClock) << "timer" << state->seq << state->description.text() << "at" << deadline;
    if (first)
        q->scheduleChanged();
    Q_EMIT q->timersChanged();
    return state;
}

void ClockPrivate::cancel(const std::shared_ptr<TimerState> &state)
{
    state->cancelled = true;
    state->callback = nullptr;
    state->description = {}; // a deferred one may refer to what is being taken down
    const auto it = pending.find(TimerKey(state->deadline, state->seq));
    if (it == pending.end())
        return; // already due: runReady() skips it
    const bool first = it == pending.begin();
    pending.erase(it);
    if (first)
        q->scheduleChanged();
    Q_EMIT q->timersChanged();
}

// --- TimerHandle ---------------------------------------------------------------------------

void TimerHandle::cancel()
{
    if (!m_state || m_state->fired || m_state->cancelled)
        return;
    if (m_state->clock)
        m_state->clock->cancel(m_state);
    else
        m_state->cancelled = true;
}

bool TimerHandle::isPending() const
{
    return m_state && !m_state->fired && !m_state->cancelled;
}

double TimerHandle::deadline() const
{
    return m_state ? m_state->deadline : 0;
}

// --- Clock ---------------------------------------------------------------------------------

Clock::Clock(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ClockPrivate>(this))
{}

Clock::~Clock()
{
    // Sleepers resume with an error from the event loop, never inside this destructor (their
    // code may touch objects that are being destroyed together with the clock).
    const auto release = [](const std::shared_ptr<TimerState> &state) {
        state->clock = nullptr;
        if (state->fired || state->cancelled)
            return;
        state->cancelled = true;
        state->callback = nullptr;
        if (state->isSleep) {
            state->error = Error(ErrorCode::Cancelled,
                                 tr("The clock was destroyed while a coroutine slept on it"));
            if (auto h = std::exchange(state->waiter, {}))
                detail::Resumer::forCurrentThread()->post(h);
        }
    };
    // Due timers come first in firing order, then the pending ones.
    for (const auto &state : d->ready)
        release(state);
    for (const auto &entry : d->pending)
        release(entry.second);
}

double Clock::toTime(const QDateTime &date) const
{
    return utcNow().msecsTo(date) / 1000.0 + time();
}

QDateTime Clock::toDate(double t) const
{
    return utcNow().addMSecs(std::llround((t - time()) * 1000.0));
}

Result<void> Clock::checkDelay(double seconds) const
{
    if (std::isnan(seconds))
        return notANumber();
    return {};
}

QCoro::Task<Result<void>> Clock::sleep(double seconds, TimerDescription description)
{
    if (Result<void> ok = checkDelay(seconds); !ok)
        co_return ok.error();
    if (description.isEmpty())
        description = QStringLiteral("sleep");
    // No past check: a real-time clock's sleep(0) is due at once ("the next loop iteration").
    std::shared_ptr<TimerState> state =
        d->insert(time() + std::max(seconds, 0.0), {}, std::move(description), true);
    co_return co_await SleepAwaiter(std::move(state));
}

QCoro::Task<Result<void>> Clock::sleepUntil(ClockTime t)
{
    Result<std::shared_ptr<TimerState>> state = schedule(t, {}, QStringLiteral("sleep"), true);
    if (!state)
        co_return state.error();
    co_return co_await SleepAwaiter(std::move(*state));
}

Result<TimerHandle> Clock::callIn(double seconds, std::function<void()> f, TimerDescription description)
{
    MAS_TRY_VOID(checkDelay(seconds));
    return TimerHandle(
        d->insert(time() + std::max(seconds, 0.0), std::move(f), std::move(description), false));
}

Result<TimerHandle> Clock::callAt(ClockTime t, std::function<void()> f, TimerDescription description)
{
    MAS_TRY(state, schedule(t, std::move(f), std::move(description), false));
    return TimerHandle(std::move(state));
}

Result<std::shared_ptr<detail::TimerState>>
Clock::schedule(ClockTime t, std::function<void()> f, TimerDescription description, bool isSleep)
{
    const double deadline = t.isDate() ? toTime(t.date()) : t.seconds();
    if (std::isnan(deadline))
        return notANumber();
    if (deadline <= time()) {
        const QString text = t.isDate() ? formatIsoDate(t.date()) : numberText(t.seconds());
        return Error(ErrorCode::InvalidArgument, tr("Date \"%1\" is in the past").arg(text));
    }
    return d->insert(deadline, std::move(f), std::move(description), isSleep);
}

std::optional<double> Clock::nextDeadline() const
{
    if (d->pending.empty())
        return std::nullopt;
    return d->pending.begin()->first.first;
}

QList<PendingTimer> Clock::pendingTimers() const
{
    QList<PendingTimer> timers;
    timers.reserve(qsizetype(d->pending.size()));
    for (const auto &entry : d->pending) {
        const TimerState &s = *entry.second;
        PendingTimer timer;
        timer.id = s.seq;
        timer.deadline = s.deadline;
        timer.description = s.description.text();
        timer.isSleep = s.isSleep;
        timers.append(timer);
    }
    return timers;
}

int Clock::pendingTimerCount() const
{
    return int(d->pending.size());
}

void Clock::fireDue(double now)
{
    auto &pending = d->pending;
    if (pending.empty() || pending.begin()->first.first > now)
        return;
    while (!pending.empty() && pending.begin()->first.first <= now) {
        d->ready.push_back(std::move(pending.begin()->second));
        pending.erase(pending.begin());
    }
    // One posted call runs the whole batch, so the order between callbacks and sleepers is exact.
    if (!d->runPosted) {
        d->runPosted = true;
        QMetaObject::invokeMethod(this, &Clock::runReady, Qt::QueuedConnection);
    }
    scheduleChanged();
    Q_EMIT timersChanged();
}

void Clock::runReady()
{
    // Timers made due while this runs (a callback setting the time) join the same pass; they
    // still run after the call that made them due has returned.
    const QPointer<Clock> self(this);
    while (!d->ready.empty()) {
        std::shared_ptr<TimerState> state = std::move(d->ready.front());
        d->ready.pop_front();
        if (state->cancelled)
            continue;
        state->fired = true;
        state->clock = nullptr;
        if (state->isSleep) {
            if (auto h = std::exchange(state->waiter, {}))
                h.resume();
        } else if (std::function<void()> f = std::exchange(state->callback, nullptr)) {
            // A deferred description may refer to what the callback destroyed: not read after it.
            const auto name = [&state] {
                return state->description.isDeferred() ? QStringLiteral("#%1").arg(state->seq)
                                                       : state->description.text();
            };
            try {
                f();
            } catch (const std::exception &e) {
                qCWarning(lcClock) << "A timer callback" << name() << "threw:" << e.what();
            } catch (...) {
                qCWarning(lcClock) << "A timer callback" << name() << "threw an unknown exception";
            }
        }
        state->description = {}; // no longer listed; a deferred one may outlive what it refers to
        if (!self)
            return; // the clock was deleted by what just ran; ~Clock released the rest
    }
    d->runPosted = false;
}

// --- RealTimeClock -------------------------------------------------------------------------

class RealTimeClock::Private
{
public:
    QTimer timer;
    double armedFor = 0; ///< the deadline the active timer wakes for
};

RealTimeClock::RealTimeClock(QObject *parent)
    : Clock(parent)
    , p(std::make_unique<Private>())
{
    p->timer.setSingleShot(true);
    p->timer.setTimerType(Qt::PreciseTimer);
    connect(&p->timer, &QTimer::timeout, this, [this] {
        const QPointer<RealTimeClock> self(this);
        fireDue(time());
        // Qt's timers have millisecond resolution and may wake a little early: re-arm.
        if (self && !p->timer.isActive())
            scheduleChanged();
    });
}

RealTimeClock::~RealTimeClock() = default;

double RealTimeClock::time() const
{
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    return std::chrono::duration<double>(now).count();
}

QDateTime RealTimeClock::utcNow() const
{
    return QDateTime::currentDateTimeUtc();
}

void RealTimeClock::scheduleChanged()
{
    if (!p)
        return;
    // An armed timer stays armed when the earliest deadline moved later or went (the timer
    // it was for was cancelled or fired: a request answered before its deadline): it wakes,
    // finds nothing due and re-arms for what is pending then. Re-arming a QTimer for each
    // answered request cost more than the rest of the deadline's bookkeeping.
    const std::optional<double> next = nextDeadline();
    if (!next || (p->timer.isActive() && p->armedFor <= *next))
        return;
    // Round up so the timer never fires before the deadline on our clock's scale.
    const double ms = std::ceil((*next - time()) * 1000.0);
    p->armedFor = *next;
    p->timer.start(int(std::clamp(ms, 0.0, double(INT_MAX))));
}

// --- ExternalClock -------------------------------------------------------------------------

ExternalClock::ExternalClock(const QDateTime &utcStart, double initTime, QObject *parent)
    : Clock(parent)
    , m_utcStart(utcStart.toUTC())
    , m_time(initTime)
{}

Result<std::unique_ptr<ExternalClock>> ExternalClock::create(QStringView utcStart, double initTime)
{
    MAS_TRY(date, parseIsoDate(utcStart));
    return std::make_unique<ExternalClock>(date, initTime);
}

ExternalClock::~ExternalClock() = default;

double ExternalClock::time() const
{
    return m_time;
}

QDateTime ExternalClock::utcNow() const
{
    return m_utcStart.addMSecs(std::llround(m_time * 1000.0));
}

QDateTime ExternalClock::utcStart() const
{
    return m_utcStart;
}

Result<void> ExternalClock::setTime(ClockTime t)
{
    const double target = t.isDate() ? toTime(t.date()) : t.seconds();
    if (!(target > m_time)) {
        return Error(ErrorCode::InvalidArgument,
                     tr("Time must be > %1 but is %2").arg(numberText(m_time), numberText(target)));
    }
    m_time = target;
    const QPointer<ExternalClock> self(this);
    Q_EMIT timeChanged(target);
    if (self)
        fireDue(target);
    return {};
}

Result<void> ExternalClock::advance(double seconds)
{
    MAS_TRY_VOID(checkDelay(seconds));
    return setTime(m_time + seconds);
}

Result<void> ExternalClock::advanceToNextTimer()
{
    const std::optional<double> next = nextDeadline();
    if (!next)
        return Error(ErrorCode::InvalidArgument, tr("No timer is pending"));
    return setTime(*next);
}

Result<void> ExternalClock::checkDelay(double seconds) const
{
    // aiomas's ExternalClock raises a ValueError for sleep(dt)/call_in(dt) with dt <= 0.
    if (!(seconds > 0))
        return Error(ErrorCode::InvalidArgument,
                     tr("Delay must be > 0 but is %1").arg(numberText(seconds)));
    return {};
}

} // namespace mas
