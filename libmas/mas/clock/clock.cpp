// SPDX-License-Identifier: MIT
#include "clock.h"
#include "deadlineseries_p.h"

#include <mas/codec/dateserializer.h>
#include <mas/core/completion_p.h>
#include <mas/core/logging_p.h>
#include <mas/core/maybeheard_p.h>

#include <QMetaMethod>
#include <QMetaObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <coroutine>
#include <ctime>
#include <deque>
#include <exception>
#include <memory>
#include <vector>
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
    /// Held by the clock's pending timers (else due, fired, or cancelled and dropped).
    bool pending = false;
    /// References: the clock's pending or due timers, handles, sleep awaiters (one thread).
    quint32 refs = 0;
    /// Why a sleeper woke up early (its clock was destroyed). Rare, so kept out of line: a
    /// state made per request stays small (fewer cache lines to fill and empty).
    std::unique_ptr<Error> error;

    // From a per-thread pool of freed states (see StatePool).
    static void *operator new(std::size_t size);
    static void operator delete(void *p, std::size_t size) noexcept;
};

namespace {

/// Freed timer states kept for the next timers of the same thread. With a timer per request
/// and a hundred requests in flight, the allocator's own per-thread cache runs dry, and the
/// slower path it then takes was a noticeable part of a request's cost.
///
/// Plain data, so it needs no destruction and stays usable to the end of the thread: a state
/// freed by a static object's destructor after the thread's own ones goes to the allocator.
struct StatePool
{
    static constexpr int kKept = 256;
    void *blocks[kKept];
    int count;
    bool closed; ///< the thread is ending: blocks go back to the allocator
};
constinit thread_local StatePool statePool{};

/// Gives a thread's kept blocks back when the thread ends (made when the thread first keeps one).
struct StatePoolCloser
{
    ~StatePoolCloser()
    {
        statePool.closed = true;
        while (statePool.count > 0)
            ::operator delete(statePool.blocks[--statePool.count]);
    }
};
thread_local StatePoolCloser statePoolCloser;

} // namespace

void *TimerState::operator new(std::size_t size)
{
    StatePool &pool = statePool;
    if (size == sizeof(TimerState) && pool.count > 0)
        return pool.blocks[--pool.count];
    return ::operator new(size);
}

void TimerState::operator delete(void *p, std::size_t size) noexcept
{
    StatePool &pool = statePool;
    if (size == sizeof(TimerState) && !pool.closed && pool.count < StatePool::kKept) {
        if (pool.count == 0)
            (void)&statePoolCloser; // registers the give-back at the thread's end
        pool.blocks[pool.count++] = p;
        return;
    }
    ::operator delete(p);
}

TimerRef::TimerRef(TimerState *state) noexcept
    : m_state(state)
{
    if (m_state)
        ++m_state->refs;
}

TimerRef::TimerRef(const TimerRef &other) noexcept
    : m_state(other.m_state)
{
    if (m_state)
        ++m_state->refs;
}

void TimerRef::release(TimerState *state) noexcept
{
    if (--state->refs == 0)
        delete state;
}

} // namespace detail

using detail::DeadlineSeries;
using detail::TimerRef;
using detail::TimerState;

namespace {
/// The (deadline, creation) order timers fire in.
bool firesBefore(double deadlineA, quint64 seqA, double deadlineB, quint64 seqB)
{
    return deadlineA < deadlineB || (deadlineA == deadlineB && seqA < seqB);
}
} // namespace

/// The pending timers, in (deadline, creation) order: the order they fire in.
///
/// Most timers are set for later than every pending one (the same delay from a later time: a
/// request's deadline, a periodic sleep); they are appended to an ordered run, the others go to
/// a binary heap, and the next to fire is the earlier of the two fronts. A cancelled timer is
/// only marked: it leaves when it reaches a front, or when the cancelled ones outnumber the
/// pending ones (then both are rebuilt). So a request answered before its deadline costs no
/// search and no node of its own.
class PendingTimers
{
public:
    bool empty() const { return m_live == 0; }
    std::size_t size() const { return m_live; }
    /// The deadline of the next timer to fire, as kept beside it (not empty()).
    double frontDeadline() const { return frontEntry().deadline; }
    /// Its creation number (not empty()).
    quint64 frontSeq() const { return frontEntry().seq; }
    void insert(TimerState *state)
    {
        state->pending = true;
        Entry entry{state->deadline, state->seq, TimerRef(state)};
        if (m_run.empty() || !before(entry, m_run.back())) {
            m_run.push_back(std::move(entry));
        } else {
            m_heap.push_back(std::move(entry));
            std::push_heap(m_heap.begin(), m_heap.end(), Later());
        }
        ++m_live;
    }
    /// Takes the next timer to fire out (not empty()).
    TimerRef takeFront()
    {
        TimerRef state;
        if (runFirst()) {
            state = std::move(m_run.front().state);
            m_run.pop_front();
        } else {
            std::pop_heap(m_heap.begin(), m_heap.end(), Later());
            state = std::move(m_heap.back().state);
            m_heap.pop_back();
        }
        state->pending = false;
        --m_live;
        dropCancelledFronts();
        return state;
    }
    /// A timer pending here was just marked cancelled.
    void cancelledOne()
    {
        --m_live;
        dropCancelledFronts(); // both fronts stay pending ones
        if (m_run.size() + m_heap.size() > 2 * m_live + 64)
            dropCancelled();
    }
    /// The pending timers in firing order.
    std::vector<TimerState *> inOrder() const
    {
        std::vector<TimerState *> timers;
        timers.reserve(m_live);
        for (const Entry &e : m_run) {
            if (!e.state->cancelled)
                timers.push_back(e.state.get());
        }
        const auto runEnd = qsizetype(timers.size());
        for (const Entry &e : m_heap) {
            if (!e.state->cancelled)
                timers.push_back(e.state.get());
        }
        const auto earlier = [](const TimerState *a, const TimerState *b) {
            return firesBefore(a->deadline, a->seq, b->deadline, b->seq);
        };
        std::sort(timers.begin() + runEnd, timers.end(), earlier);
        std::inplace_merge(timers.begin(), timers.begin() + runEnd, timers.end(), earlier);
        return timers;
    }
    /// Every timer still held, cancelled ones too (for the clock's destructor).
    template<typename F>
    void forEachHeld(F f) const
    {
        for (const Entry &e : m_run)
            f(e.state.get());
        for (const Entry &e : m_heap)
            f(e.state.get());
    }

private:
    struct Entry
    {
        double deadline;
        quint64 seq;
        TimerRef state;
    };
    static bool before(const Entry &a, const Entry &b) { return firesBefore(a.deadline, a.seq, b.deadline, b.seq); }
    /// Whether the next timer to fire is the run's (else the heap's; not empty()).
    bool runFirst() const { return !m_run.empty() && (m_heap.empty() || before(m_run.front(), m_heap.front())); }
    const Entry &frontEntry() const { return runFirst() ? m_run.front() : m_heap.front(); }
    /// Heap order (std::push_heap keeps the largest first): the earliest on top.
    struct Later
    {
        bool operator()(const Entry &a, const Entry &b) const { return before(b, a); }
    };
    void dropCancelledFronts()
    {
        while (!m_run.empty() && m_run.front().state->cancelled) {
            m_run.front().state->pending = false;
            m_run.pop_front();
        }
        while (!m_heap.empty() && m_heap.front().state->cancelled) {
            std::pop_heap(m_heap.begin(), m_heap.end(), Later());
            m_heap.back().state->pending = false;
            m_heap.pop_back();
        }
    }
    /// Both rebuilt from the pending timers (the order is a total one, so they fire exactly
    /// as before).
    void dropCancelled()
    {
        const auto cancelled = [](const Entry &e) {
            if (!e.state->cancelled)
                return false;
            e.state->pending = false;
            return true;
        };
        std::erase_if(m_run, cancelled);
        std::erase_if(m_heap, cancelled);
        std::make_heap(m_heap.begin(), m_heap.end(), Later());
    }

    std::deque<Entry> m_run;  ///< in firing order, each set later than all before it
    std::vector<Entry> m_heap; ///< the others
    std::size_t m_live = 0;   ///< not cancelled
};

class ClockPrivate
{
public:
    explicit ClockPrivate(Clock *clock)
        : q(clock)
    {}

    static ClockPrivate *get(Clock *clock) { return clock->d.get(); }
    // For the deadline series (Clock's protected and private members).
    Result<void> checkDelay(double seconds) const { return q->checkDelay(seconds); }
    double coarseTime() const { return q->coarseTime(); }
    void scheduleChanged() { q->scheduleChanged(); }
    void notifyTimersChanged() { q->notifyTimersChanged(); }

    TimerRef insert(double deadline, std::function<void()> f, TimerDescription description, bool isSleep);
    void cancel(TimerState &state);

    // The next timer to fire: the earlier of the pending timers' front and the deadline series'
    // (see deadlineseries_p.h), in the same (deadline, creation) order.
    /// Nothing pending, in either.
    bool empty() const { return pending.empty() && seriesHeap.empty(); }
    /// Pending timers, the series' deadlines included.
    std::size_t count() const { return pending.size() + seriesLive; }
    /// Whether the next to fire is a series' deadline (not empty()).
    bool seriesFirst() const
    {
        if (seriesHeap.empty())
            return false;
        const DeadlineSeries::Item &item = seriesHeap.front()->front();
        return pending.empty() || firesBefore(item.deadline, item.seq, pending.frontDeadline(), pending.frontSeq());
    }
    /// When the next timer is due (not empty()).
    double frontDeadline() const
    {
        return seriesFirst() ? seriesHeap.front()->front().deadline : pending.frontDeadline();
    }
    /// Whether a timer due at `deadline`, made now (its creation number the largest), fires
    /// before every pending one.
    bool wouldGoFirst(double deadline) const { return empty() || deadline < frontDeadline(); }
    /// Takes the first series deadline out, as a due timer that calls the series when it runs.
    TimerRef takeSeriesFront();

    // The heap of series with pending deadlines, ordered by their first deadline (each series
    // knows its place, so one whose first deadline moves is re-placed in log(series) steps).
    static bool seriesBefore(const DeadlineSeries *a, const DeadlineSeries *b)
    {
        return firesBefore(a->front().deadline, a->front().seq, b->front().deadline, b->front().seq);
    }
    void heapPlace(std::size_t i, DeadlineSeries *s)
    {
        seriesHeap[i] = s;
        s->m_heapIndex = i;
    }
    void siftUp(std::size_t i);
    void siftDown(std::size_t i);
    void heapPush(DeadlineSeries *s)
    {
        seriesHeap.push_back(s);
        siftUp(seriesHeap.size() - 1);
    }
    void heapRemove(DeadlineSeries *s);
    /// `s`'s first deadline moved later or it has none left.
    void seriesFrontMoved(DeadlineSeries *s)
    {
        if (s->m_live == 0)
            heapRemove(s);
        else
            siftDown(s->m_heapIndex);
    }

    Clock *q;
    PendingTimers pending;
    std::vector<DeadlineSeries *> series;     ///< every series on this clock
    std::vector<DeadlineSeries *> seriesHeap; ///< those with pending deadlines, earliest on top
    std::size_t seriesLive = 0;               ///< pending deadlines in all series
    /// Timers made due by fireDue() and not yet run, in firing order.
    std::deque<TimerRef> ready;
    bool runPosted = false;
    quint64 lastSeq = 0;
    detail::MaybeHeard timersHeard; ///< timersChanged()
};

namespace {

/// Looked up once: QMetaMethod::fromSignal() searches the meta-object on every call.
const QMetaMethod &timersChangedSignal()
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&Clock::timersChanged);
    return signal;
}

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
    explicit SleepAwaiter(TimerRef state)
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
                m_state->clock->cancel(*m_state);
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
    TimerRef m_state;
};

} // namespace

TimerRef ClockPrivate::insert(double deadline, std::function<void()> f, TimerDescription description, bool isSleep)
{
    TimerRef state(new TimerState);
    state->deadline = deadline;
    state->seq = ++lastSeq;
    state->description = std::move(description);
    state->isSleep = isSleep;
    state->callback = std::move(f);
    state->clock = this;
    const bool first = wouldGoFirst(deadline); // a later seq never goes first on a tie
    qCDebug(lcClock) << "timer" << state->seq << state->description.text() << "at" << deadline;
    pending.insert(state.get());
    if (first)
        q->scheduleChanged();
    q->notifyTimersChanged();
    return state;
}

void ClockPrivate::cancel(TimerState &state)
{
    state.cancelled = true;
    state.callback = nullptr;
    state.description = {}; // a deferred one may refer to what is being taken down
    if (!state.pending)
        return; // already due: runReady() skips it
    // No scheduleChanged(): the next deadline can only move later, which an armed real-time
    // timer finds out when it wakes (nothing due, it re-arms for what is pending then).
    pending.cancelledOne();
    q->notifyTimersChanged();
}

void ClockPrivate::siftUp(std::size_t i)
{
    DeadlineSeries *s = seriesHeap[i];
    while (i > 0) {
        const std::size_t parent = (i - 1) / 2;
        if (!seriesBefore(s, seriesHeap[parent]))
            break;
        heapPlace(i, seriesHeap[parent]);
        i = parent;
    }
    heapPlace(i, s);
}

void ClockPrivate::siftDown(std::size_t i)
{
    DeadlineSeries *s = seriesHeap[i];
    const std::size_t n = seriesHeap.size();
    for (;;) {
        std::size_t child = 2 * i + 1;
        if (child >= n)
            break;
        if (child + 1 < n && seriesBefore(seriesHeap[child + 1], seriesHeap[child]))
            ++child;
        if (!seriesBefore(seriesHeap[child], s))
            break;
        heapPlace(i, seriesHeap[child]);
        i = child;
    }
    heapPlace(i, s);
}

void ClockPrivate::heapRemove(DeadlineSeries *s)
{
    const std::size_t i = s->m_heapIndex;
    if (i == DeadlineSeries::kNotInHeap)
        return;
    s->m_heapIndex = DeadlineSeries::kNotInHeap;
    DeadlineSeries *last = seriesHeap.back();
    seriesHeap.pop_back();
    if (last == s)
        return;
    heapPlace(i, last);
    siftUp(i);
    siftDown(last->m_heapIndex);
}

TimerRef ClockPrivate::takeSeriesFront()
{
    DeadlineSeries *s = seriesHeap.front();
    const DeadlineSeries::Item item = s->front();
    s->m_items.pop_front();
    --s->m_live;
    --seriesLive;
    s->dropCancelledFront();
    seriesFrontMoved(s);
    // A timer like one of callInCoarse(), made now that it is due.
    TimerRef state(new TimerState);
    state->deadline = item.deadline;
    state->seq = item.seq;
    state->clock = this;
    state->callback = s->fireLater(item.key);
    state->description = s->describeLater(item.key);
    return state;
}

// --- DeadlineSeries ------------------------------------------------------------------------

namespace detail {

DeadlineSeries::DeadlineSeries(Clock *clock, std::function<void(quint64)> fire,
                               std::function<QString(quint64)> describe)
    : m_clock(clock ? ClockPrivate::get(clock) : nullptr)
    , m_fire(std::move(fire))
    , m_describe(std::move(describe))
    , m_self(std::make_shared<DeadlineSeries *>(this))
{
    if (m_clock)
        m_clock->series.push_back(this);
}

std::function<void()> DeadlineSeries::fireLater(quint64 key) const
{
    // It runs through the series, if the series is still there then.
    return [self = m_self, key] {
        DeadlineSeries *series = *self;
        if (!series)
            return;
        series->m_apart.erase(key); // when it was one of those
        // A copy: what it runs may destroy the series (a channel deleted when its request
        // timed out), and with it the series' own function.
        const std::function<void(quint64)> fire = series->m_fire;
        fire(key);
    };
}

TimerDescription DeadlineSeries::describeLater(quint64 key) const
{
    return TimerDescription::deferred([self = m_self, key] {
        DeadlineSeries *series = *self;
        return series ? series->m_describe(key) : QString();
    });
}

DeadlineSeries::~DeadlineSeries()
{
    *m_self = nullptr; // a deadline already due does not run
    if (!m_clock)
        return;
    for (auto &[key, timer] : m_apart)
        timer.cancel();
    const bool hadPending = m_live > 0;
    m_clock->seriesLive -= m_live;
    m_clock->heapRemove(this);
    std::erase(m_clock->series, this);
    m_items.clear();
    m_live = 0;
    // Gone from the clock before anyone who listens asks it again.
    if (hadPending)
        m_clock->notifyTimersChanged();
}

Result<void> DeadlineSeries::add(double seconds, quint64 key)
{
    if (!m_clock)
        return Error(ErrorCode::Cancelled, mas::tr("The clock of this deadline was destroyed"));
    MAS_TRY_VOID(m_clock->checkDelay(seconds));
    const double deadline = m_clock->coarseTime() + std::max(seconds, 0.0);
    // The run takes it when it goes after the last one (a tie goes after it, by its creation
    // number), with a larger key. Else it is a timer of the clock's own.
    if (!m_items.empty() && (deadline < m_items.back().deadline || key <= m_items.back().key)) {
        m_apart.insert_or_assign(key,
                                 TimerHandle(m_clock->insert(deadline, fireLater(key), describeLater(key), false)));
        return {};
    }
    const bool first = m_clock->wouldGoFirst(deadline);
    const quint64 seq = ++m_clock->lastSeq;
    qCDebug(lcClock) << "timer" << seq << "(deadline" << key << "of a series) at" << deadline;
    m_items.push_back(Item{deadline, seq, key, false});
    ++m_live;
    ++m_clock->seriesLive;
    if (m_live == 1)
        m_clock->heapPush(this);
    if (first)
        m_clock->scheduleChanged();
    m_clock->notifyTimersChanged();
    return {};
}

void DeadlineSeries::cancel(quint64 key)
{
    if (!m_apart.empty()) {
        if (const auto it = m_apart.find(key); it != m_apart.end()) {
            it->second.cancel();
            m_apart.erase(it);
            return;
        }
    }
    if (m_live == 0)
        return;
    if (m_items.front().key == key) {
        // The usual case: replies come in the order of their requests.
        m_items.pop_front();
        --m_live;
        --m_clock->seriesLive;
        dropCancelledFront();
        m_clock->seriesFrontMoved(this);
    } else {
        const auto it = std::lower_bound(m_items.begin(), m_items.end(), key,
                                         [](const Item &item, quint64 k) { return item.key < k; });
        if (it == m_items.end() || it->key != key || it->cancelled)
            return;
        it->cancelled = true;
        --m_live;
        --m_clock->seriesLive;
        if (m_items.size() > 2 * m_live + 64)
            std::erase_if(m_items, [](const Item &item) { return item.cancelled; });
    }
    m_clock->notifyTimersChanged();
}

void DeadlineSeries::dropCancelledFront()
{
    while (!m_items.empty() && m_items.front().cancelled)
        m_items.pop_front();
}

void DeadlineSeries::detach()
{
    m_clock = nullptr;
    m_apart.clear();
    m_items.clear();
    m_live = 0;
    m_heapIndex = kNotInHeap;
}

} // namespace detail

// --- TimerHandle ---------------------------------------------------------------------------

void TimerHandle::cancel()
{
    if (!m_state || m_state->fired || m_state->cancelled)
        return;
    if (m_state->clock)
        m_state->clock->cancel(*m_state);
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
    const auto release = [](TimerState *state) {
        state->clock = nullptr;
        if (state->fired || state->cancelled)
            return;
        state->cancelled = true;
        state->callback = nullptr;
        if (state->isSleep) {
            state->error = std::make_unique<Error>(ErrorCode::Cancelled,
                                                   tr("The clock was destroyed while a coroutine slept on it"));
            if (auto h = std::exchange(state->waiter, {}))
                detail::Resumer::forCurrentThread()->post(h);
        }
    };
    // Due timers come first in firing order, then the pending ones.
    for (const TimerRef &state : d->ready)
        release(state.get());
    for (TimerState *state : d->pending.inOrder())
        release(state);
    d->pending.forEachHeld([](TimerState *state) { state->clock = nullptr; }); // cancelled ones
    // A series' deadlines do not run either; its owner's next add() fails.
    for (DeadlineSeries *s : d->series)
        s->detach();
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
    TimerRef state =
        d->insert(time() + std::max(seconds, 0.0), {}, std::move(description), true);
    co_return co_await SleepAwaiter(std::move(state));
}

QCoro::Task<Result<void>> Clock::sleepUntil(ClockTime t)
{
    Result<TimerRef> state = schedule(t, {}, QStringLiteral("sleep"), true);
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

Result<TimerHandle> Clock::callInCoarse(double seconds, std::function<void()> f, TimerDescription description)
{
    MAS_TRY_VOID(checkDelay(seconds));
    return TimerHandle(
        d->insert(coarseTime() + std::max(seconds, 0.0), std::move(f), std::move(description), false));
}

Result<TimerHandle> Clock::callAt(ClockTime t, std::function<void()> f, TimerDescription description)
{
    MAS_TRY(state, schedule(t, std::move(f), std::move(description), false));
    return TimerHandle(std::move(state));
}

Result<TimerRef>
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
    if (d->empty())
        return std::nullopt;
    return d->frontDeadline();
}

QList<PendingTimer> Clock::pendingTimers() const
{
    QList<PendingTimer> timers;
    timers.reserve(qsizetype(d->count()));
    for (const TimerState *state : d->pending.inOrder()) {
        const TimerState &s = *state;
        timers.append(PendingTimer{s.seq, s.deadline, s.description.text(), s.isSleep});
    }
    if (d->seriesLive == 0)
        return timers;
    // The series' deadlines among them, each in its place in the firing order.
    for (const DeadlineSeries *s : d->series) {
        for (const DeadlineSeries::Item &item : s->m_items) {
            if (!item.cancelled)
                timers.append(PendingTimer{item.seq, item.deadline, s->m_describe(item.key), false});
        }
    }
    std::sort(timers.begin(), timers.end(), [](const PendingTimer &a, const PendingTimer &b) {
        return firesBefore(a.deadline, a.id, b.deadline, b.id);
    });
    return timers;
}

int Clock::pendingTimerCount() const
{
    return int(d->count());
}

void Clock::fireDue(double now)
{
    if (d->empty() || d->frontDeadline() > now)
        return;
    while (!d->empty()) {
        if (d->seriesFirst()) {
            if (d->seriesHeap.front()->front().deadline > now)
                break;
            d->ready.push_back(d->takeSeriesFront());
        } else {
            if (d->pending.frontDeadline() > now)
                break;
            d->ready.push_back(d->pending.takeFront());
        }
    }
    // One posted call runs the whole batch, so the order between callbacks and sleepers is exact.
    if (!d->runPosted) {
        d->runPosted = true;
        QMetaObject::invokeMethod(this, &Clock::runReady, Qt::QueuedConnection);
    }
    scheduleChanged();
    notifyTimersChanged();
}

void Clock::connectNotify(const QMetaMethod &signal)
{
    if (d && signal == timersChangedSignal())
        d->timersHeard.connected();
    QObject::connectNotify(signal);
}

void Clock::notifyTimersChanged()
{
    // Asked of Qt only while something may listen (twice per request otherwise).
    if (d->timersHeard.heard([this] { return isSignalConnected(timersChangedSignal()); }))
        Q_EMIT timersChanged();
}

void Clock::runReady()
{
    // Timers made due while this runs (a callback setting the time) join the same pass; they
    // still run after the call that made them due has returned.
    const QPointer<Clock> self(this);
    while (!d->ready.empty()) {
        TimerRef state = std::move(d->ready.front());
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

namespace {
/// A coarse clock with longer ticks than this is not used (time-outs would run that late).
constexpr double kCoarseTickLimit = 0.02;
} // namespace

double RealTimeClock::coarseTime() const
{
#ifdef CLOCK_MONOTONIC_COARSE
    // std::chrono::steady_clock (time()) is CLOCK_MONOTONIC; its coarse variant is the same
    // clock as of the last tick, so one tick added makes up for its lag.
    static const double tick = [] {
        timespec resolution;
        if (clock_getres(CLOCK_MONOTONIC_COARSE, &resolution) != 0)
            return -1.0;
        return double(resolution.tv_sec) + double(resolution.tv_nsec) / 1e9;
    }();
    timespec now;
    if (tick >= 0 && tick <= kCoarseTickLimit && clock_gettime(CLOCK_MONOTONIC_COARSE, &now) == 0)
        return double(now.tv_sec) + double(now.tv_nsec) / 1e9 + tick;
#endif
    return time();
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
