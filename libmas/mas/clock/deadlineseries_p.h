// SPDX-License-Identifier: MIT
#pragma once

#include <mas/clock/clock.h>

#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <unordered_map>

namespace mas {

class ClockPrivate;

namespace detail {

/// Deadlines that one owner sets, nearly always in the order they fall due: a channel's request
/// deadlines, each the same time-out from a later time. Those are kept here, in one ordered run;
/// the clock keeps the series, ordered by its earliest deadline, instead of a timer per
/// deadline. One that would fall due before the last of the run (a shorter time-out than the
/// one before) is a timer of the clock's own, which the series sets and cancels. The clock still
/// lists, counts and fires every deadline as a timer of its own, exactly as if it had been set
/// with Clock::callInCoarse(): its own creation number, deadline, description and place in the
/// (deadline, creation) order, so pendingTimers(), pendingTimerCount() and nextDeadline()
/// (which the explorer's state key reads) do not change. Setting and cancelling one in the run
/// costs no timer state and no function objects.
///
/// \code
/// DeadlineSeries series(clock, [this](quint64 id) { expire(id); },
///                       [this](quint64 id) { return describe(id); });
/// series.add(10, id); // an error only for a delay the clock refuses, or a gone clock
/// series.cancel(id);  // the reply came
/// \endcode
/// One thread, as its clock. The series may outlive its clock (then add() fails).
class DeadlineSeries
{
public:
    /// `fire(key)` runs when a deadline is due, from the event loop as a timer callback does;
    /// `describe(key)` is its text in Clock::pendingTimers().
    DeadlineSeries(Clock *clock, std::function<void(quint64)> fire, std::function<QString(quint64)> describe);
    /// Its pending deadlines leave the clock (they do not run).
    ~DeadlineSeries();
    DeadlineSeries(const DeadlineSeries &) = delete;
    DeadlineSeries &operator=(const DeadlineSeries &) = delete;

    /// A deadline `seconds` after the clock's coarseTime() for `key` (each key once; the run
    /// takes keys in increasing order). An error for a delay the clock refuses, or when the
    /// clock is gone.
    Result<void> add(double seconds, quint64 key);
    /// Cancels the deadline of `key`; nothing when it fired, was cancelled or was never added.
    void cancel(quint64 key);

private:
    friend class mas::Clock;
    friend class mas::ClockPrivate;
    struct Item
    {
        double deadline;
        quint64 seq; ///< the clock's creation number
        quint64 key;
        bool cancelled;
    };
    /// The first pending deadline of the run (m_live > 0).
    const Item &front() const { return m_items.front(); }
    /// Drops cancelled deadlines from the front, so that the front is a pending one.
    void dropCancelledFront();
    /// The clock was destroyed: forget it and the deadlines.
    void detach();
    /// A due deadline's callback and description: through the series, if it is still there.
    std::function<void()> fireLater(quint64 key) const;
    TimerDescription describeLater(quint64 key) const;

    ClockPrivate *m_clock = nullptr;
    std::function<void(quint64)> m_fire;
    std::function<QString(quint64)> m_describe;
    std::deque<Item> m_items; ///< in firing order; cancelled ones leave from the front, or in bulk
    std::size_t m_live = 0;
    /// Place in the clock's heap of series (while m_live > 0).
    std::size_t m_heapIndex = kNotInHeap;
    static constexpr std::size_t kNotInHeap = std::numeric_limits<std::size_t>::max();
    /// The deadlines that fell before the run's last when set: timers of the clock, by key.
    std::unordered_map<quint64, TimerHandle> m_apart;
    /// Reaches this series from a due deadline's callback; null once it is gone.
    std::shared_ptr<DeadlineSeries *> m_self;
};

} // namespace detail
} // namespace mas
