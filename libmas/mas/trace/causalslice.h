// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/trace/trafficlog.h>

#include <QString>
#include <QStringView>

#include <cstdint>
#include <functional>
#include <vector>

namespace mas {

/// Happens-before over an event log, built once per log, then asked for the causal slice of any
/// event: its past (every event that happened before it) and its future (every event it
/// happened before). A slice is a search over the graph of direct causes (breadth first, both
/// ways from the event), not per-event vector clocks, which would cost events × lanes memory;
/// at 1,000,000 events an index takes some tens of MB and a slice some milliseconds
/// (tests/bench/bench_causal).
///
/// The direct causes of an event (its predecessors, at most three):
/// - **Lane order.** Each event happens in a lane, and a lane's events are ordered as in the
///   log. A Sent happens at its sender, a Delivered at its receiver, a Connected and a Closed at
///   the end that opened or closed (`from`). The lane is the *container* of an address
///   (laneOf()): a request to an agent is delivered to the agent's URL, its sends come from its
///   container's base address, and one container runs its agents on one event loop.
/// - **Message order.** A message's Sent precedes what the network then does with it, in order:
///   Delayed, then Delivered or Dropped. A Duplicated copy follows what was done to the original
///   before the copy, and its own Delivered (or Dropped, Delayed) follows it; the original's
///   later events do not depend on the copy.
/// - **Reply order.** A reply's Sent follows the latest delivery of the request it answers (same
///   connection and request id, the reply sent by the request's receiver). Logs name a reply's
///   sender as its request's receiver, so lane order implies this; the edge is kept explicit.
/// - **Clock moves** (ClockChanged) are ordered among themselves, in a lane of their own, and
///   linked to nothing else: a log does not say which timer a clock move fired, so a slice does
///   not guess it.
class MAS_EXPORT CausalIndex
{
public:
    /// The event at an index, for building from any store of events.
    using EventAt = std::function<const TrafficEvent &(qsizetype index)>;

    CausalIndex() = default;
    /// Indexes `count` events, `at(0)` … `at(count - 1)`, in log order.
    static CausalIndex build(qsizetype count, const EventAt &at);
    static CausalIndex build(const std::vector<TrafficEvent> &events);

    qsizetype size() const { return qsizetype(m_lane.size()); }

    /// The lane of an address: its container's base address. An agent's URL (`<base>/<aid>`,
    /// aid all digits) gives its base `<base>/`; other addresses are their own lane.
    static QStringView laneOf(QStringView address);

    /// The direct causes of event `index` (ascending, each below `index`).
    std::vector<qsizetype> predecessors(qsizetype index) const;

    /// Where an event lies relative to the slice's event.
    enum Mark : std::uint8_t {
        Unrelated = 0, ///< concurrent with it
        Past = 1,      ///< happened before it
        Future = 2,    ///< happened after it
        Self = 3,      ///< the event itself
    };
    struct Slice
    {
        qsizetype event = -1;            ///< the event sliced at (-1: no slice)
        std::vector<std::uint8_t> marks; ///< one Mark per event of the index
        qsizetype past = 0;              ///< how many events are Past
        qsizetype future = 0;            ///< how many events are Future
        bool contains(qsizetype index) const { return index >= 0 && size_t(index) < marks.size() && marks[size_t(index)] != Unrelated; }
    };
    /// The causal slice of event `index`; an empty Slice (event -1) for an index out of range.
    Slice slice(qsizetype index) const;

private:
    static constexpr std::int32_t kNone = -1;
    // three predecessor slots per event (lane, message, reply); kNone where there is none
    std::vector<std::int32_t> m_lane;
    std::vector<std::int32_t> m_message;
    std::vector<std::int32_t> m_reply;
    // successors, CSR: those of event i are m_successors[m_firstSuccessor[i] .. m_firstSuccessor[i + 1])
    std::vector<std::int32_t> m_firstSuccessor;
    std::vector<std::int32_t> m_successors;
};

/// Repeated protocol rounds folded into one row each. A *round* is a block of consecutive rows
/// whose signatures repeat back to back: a row's signature is its event's kind, its lanes
/// (CausalIndex::laneOf() of sender and receiver) and the method it calls (AgentPath method of
/// the path; for a reply, the method it answers), so "ping → pong" three times, or the same
/// election message passed round a ring again, fold into one row "×3". Arguments are not part
/// of a signature (a counter or a ballot changes each round).
///
/// The search is greedy from the top: at each row, the block length (1 … maxPeriod) whose
/// consecutive repetitions cover the most rows wins (the shorter block on a tie); at least
/// `minRepeats` repetitions fold. O(rows × maxPeriod).
struct MAS_EXPORT RoundFold
{
    qsizetype first = 0;   ///< the first row of the fold
    qsizetype period = 0;  ///< rows per round
    qsizetype repeats = 0; ///< rounds folded (at least minRepeats)
    qsizetype rows() const { return period * repeats; }
    friend bool operator==(const RoundFold &, const RoundFold &) = default;
};

/// The folds of `count` rows (`at(i)` the event of row i), in order, not overlapping.
MAS_EXPORT std::vector<RoundFold> foldRounds(qsizetype count, const CausalIndex::EventAt &at, int maxPeriod = 32,
                                             int minRepeats = 2);
/// The same over per-row signatures already computed (equal numbers: equal rows).
MAS_EXPORT std::vector<RoundFold> foldRounds(const std::vector<std::uint32_t> &signatures, int maxPeriod = 32,
                                             int minRepeats = 2);

} // namespace mas
