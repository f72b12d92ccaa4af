// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/trace/trafficlog.h>

#include <QString>
#include <QStringView>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace mas {

/// Happens-before over an event log, built once per log, then asked for the causal slice of any
/// event: its past (every event that happened before it) and its future (every event it
/// happened before). A slice is a search over the graph of direct causes (breadth first, both
/// ways from the event), not per-event vector clocks, which would cost events × lanes memory;
/// at 1,000,000 events an index takes some tens of MB and a slice some milliseconds
/// (tests/bench/bench_causal).
///
/// The index grows with its log: extend() indexes appended events in time proportional to
/// them (it keeps what it needs of the events indexed so far: each lane's last event, each
/// message's last event, each request's last delivery), and extendSlice() marks them in a slice
/// taken before, so a slice shown on a running system costs per batch, not per event logged.
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

    CausalIndex();
    CausalIndex(const CausalIndex &other);
    CausalIndex(CausalIndex &&other) noexcept;
    CausalIndex &operator=(const CausalIndex &other);
    CausalIndex &operator=(CausalIndex &&other) noexcept;
    ~CausalIndex();

    /// Indexes `count` events, `at(0)` … `at(count - 1)`, in log order.
    static CausalIndex build(qsizetype count, const EventAt &at);
    static CausalIndex build(const std::vector<TrafficEvent> &events);
    /// Indexes the events appended to the log since: `at(size())` … `at(count - 1)` (nothing
    /// when `count <= size()`). The result equals build(count, at) of the whole log.
    void extend(qsizetype count, const EventAt &at);

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
    /// Marks the events indexed after `slice` was taken (extend()): an appended event is in
    /// the slice's future when one of its direct causes is the sliced event or in its future,
    /// else unrelated (the past of an event never grows). The result equals slice(slice.event).
    /// Returns the number of events marked.
    qsizetype extendSlice(Slice &slice) const;

private:
    struct Growth;
    static constexpr std::int32_t kNone = -1;
    void addSuccessor(std::int32_t predecessor, std::int32_t successor);
    // three predecessor slots per event (lane, message, reply); kNone where there is none
    std::vector<std::int32_t> m_lane;
    std::vector<std::int32_t> m_message;
    std::vector<std::int32_t> m_reply;
    // successors: the next event in event i's lane (at most one) is m_laneSuccessor[i]; the
    // others are lists growing at the front: event i's first edge is m_firstSuccessor[i]
    // (kNone: none), an edge e leads to m_successor[e], the next edge is m_nextSuccessor[e]
    std::vector<std::int32_t> m_laneSuccessor;
    std::vector<std::int32_t> m_firstSuccessor;
    std::vector<std::int32_t> m_successor;
    std::vector<std::int32_t> m_nextSuccessor;
    std::unique_ptr<Growth> m_growth; // what extend() needs of the events indexed so far
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

/// foldRounds() of rows that keep coming: append() folds the new rows in time proportional to
/// them (times maxPeriod), and folds() always equals foldRounds() of all rows so far.
///
/// How: the greedy search's choice at a row is *settled* once, for every block length, the
/// rows after it stop repeating at that length somewhere in the rows already there; then no
/// appended row changes it. The folds before the first unsettled choice are kept; at that row
/// the repetitions of each block length are counted on as rows come (a protocol that goes on
/// repeating one round keeps one growing fold); only the few rows after its fold are searched
/// again.
class MAS_EXPORT RoundFolder
{
public:
    explicit RoundFolder(int maxPeriod = 32, int minRepeats = 2);
    RoundFolder(const RoundFolder &) = delete;
    RoundFolder &operator=(const RoundFolder &) = delete;
    ~RoundFolder();

    /// Folds rows size() … count - 1 too (`at(i)` the event of row i; nothing when
    /// `count <= size()`). Returns the first row whose fold may have changed: the folds that
    /// end before it are as they were.
    qsizetype append(qsizetype count, const CausalIndex::EventAt &at);
    /// Appends rows by signature (equal numbers: equal rows); returns as append() does.
    qsizetype append(const std::vector<std::uint32_t> &signatures);
    qsizetype size() const { return qsizetype(m_signatures.size()); }
    /// The folds of all rows: foldRounds() of them.
    const std::vector<RoundFold> &folds() const { return m_folds; }
    /// How many of folds(), from the first, no appended row changes.
    qsizetype settledFolds() const { return qsizetype(m_settledFolds); }

private:
    struct Signer;
    qsizetype grow(qsizetype oldSize);
    qsizetype runAt(size_t p, bool *settled);
    int m_maxPeriod;
    int m_minRepeats;
    std::unique_ptr<Signer> m_signer;
    std::vector<std::uint32_t> m_signatures;
    std::vector<qsizetype> m_trailing; // per block length p (at p - 1): the rows repeating at p up to the end
    std::vector<qsizetype> m_run;      // per p: rows repeating at p from m_settled on, counted so far
    std::vector<char> m_runEnded;      // per p: whether that count ended before the last row
    qsizetype m_settled = 0;           // the first unsettled choice of the search (a row)
    size_t m_settledFolds = 0;
    std::vector<RoundFold> m_folds;
};

} // namespace mas
