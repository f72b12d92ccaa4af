// SPDX-License-Identifier: MIT
#pragma once

#include <mas/clock/clock.h>

#include <deque>
#include <functional>
#include <limits>
#include <memory>

namespace mas {

class ClockPrivate;

namespace detail {

/// Deadlines that one owner sets in the order they fall due: a channel's request deadlines,
/// each the same time-out from a later time. They are kept here, in one ordered run; the clock
/// keeps the series, ordered by its earliest deadline, instead of a timer per deadline. The
/// clock still lists, counts and fires every deadline as a timer of its own, exactly as if it
/// had been set with Clock::callInCoarse(): its own creation number, deadline, description and
/// place in the (deadline, creation) order, so pendingTimers(), pendingTimerCount() and
/// nextDeadline() (which the explorer's state key reads) do not change. Setting and cancelling
/// one costs no timer state and no function objects.
///
/// \code
/// DeadlineSeries series(clock, [this](quint64 id) { expire(id); },
///                       [this](quint64 id) { return describe(id); });
/// if (Result<bool> added = series.add(10, id); added && !*added)
///     ... // earlier than the last one: set a timer of its own (callInCoarse)
/// series.cancel(id); // the reply came
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

    /// A deadline `seconds` after the clock's coarseTime() for `key`, which must be larger than
    /// every key added before. True when set; false, with nothing set, when it would fall before
    /// the last pending one (a shorter time-out than the one before: the caller sets a timer of
    /// its own). An error for a delay the clock refuses, or when the clock is gone.
    Result<bool> add(double seconds, quint64 key);
    /// Cancels the deadline of `key`; nothing when it fired, was cancelled or was never added.
    void cancel(quint64 key);
    /// Deadlines pending here (not cancelled, not yet due).
    std::size_t size() const { return m_live; }

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
    /// The first pending deadline (size() > 0).
    const Item &front() const { return m_items.front(); }
    /// Drops cancelled deadlines from the front, so that the front is a pending one.
    void dropCancelledFront();
    /// The clock was destroyed: forget it and the deadlines.
    void detach();

    ClockPrivate *m_clock = nullptr;
    std::function<void(quint64)> m_fire;
    std::function<QString(quint64)> m_describe;
    std::deque<Item> m_items; ///< in firing order; cancelled ones leave from the front, or in bulk
    std::size_t m_live = 0;
    /// Place in the clock's heap of series (while size() > 0).
    std::size_t m_heapIndex = kNotInHeap;
    static constexpr std::size_t kNotInHeap = std::numeric_limits<std::size_t>::max();
    /// Reaches this series from a due deadline's callback; null once it is gone. Made when a
    /// deadline first falls due (rare: most are cancelled by their reply).
    std::shared_ptr<DeadlineSeries *> m_self;
};

} // namespace detail
} // namespace mas
