// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace mas::system {

/// A state cache shared by the searches of several processes of one machine (the worker
/// processes of `mas explore --workers`): which states were explored, from which depth, with
/// which deliveries asleep, and by which part of the split search
/// (ExplorerOptions::sharedCache).
///
/// An open-addressing table of 64-byte slots (linear probing) in memory the processes share: a
/// file mapped MAP_SHARED (open() in each process), or an anonymous MAP_SHARED mapping made
/// before fork(). Lock-free: a slot is claimed by a compare-and-swap of its key; its entry is
/// written under a sequence number (odd while written) that readers check before and after
/// reading, and that a writer takes with a compare-and-swap (a writer that finds it taken
/// leaves the slot as it is). A process killed while writing leaves its slot odd for good: the
/// slot then covers nothing, which only costs a search the pruning (every miss is sound). A
/// full table (or a probe run of more than 64 slots) stores nothing more; a visit with more
/// than kMaxAsleep deliveries asleep is not stored.
///
/// The soundness rule the explorer applies (see "State caching" in explorer.h, and the comment
/// at ExplorerOptions::sharedCache): a visit is covered by an entry of the same state made by a
/// part *no later* in search order than the visiting one, from no deeper, with no more
/// deliveries asleep.
class MAS_EXPORT SharedStateCache
{
public:
    /// The deliveries asleep an entry holds at most.
    static constexpr int kMaxAsleep = 5;
    /// The slots of the table create() makes by default (64 bytes each: 32 MiB).
    static constexpr qint64 kDefaultSlots = qint64(1) << 19;
    /// The deepest depth an entry holds (a deeper visit is not stored).
    static constexpr int kMaxDepth = (1 << 24) - 1;

    /// Parts are ordered by a 64-bit number, their place in search order: a part of the
    /// frontier with index i is `topLevelPart(i)`; a part a running part hands off (work
    /// stealing, ExplorerOptions::onHandOff) gets `handOffPart()`, which puts it after
    /// everything the handing part still explores and before the parts after that one.
    static constexpr int kTopLevelShift = 40; ///< bits below the frontier's index
    static constexpr int kHandOffLevels = 5;  ///< hand-offs of hand-offs ..., 8 bits each
    static constexpr int kMaxHandOffs = 7;    ///< by one part
    static constexpr int kMaxHandOffSiblings = 32; ///< parts of one hand-off
    static constexpr quint64 topLevelPart(int index) { return quint64(index) << kTopLevelShift; }
    /// The place of sibling `sibling` (0, 1, ... in search order) of the `handOff`-th hand-off
    /// (1, 2, ...) of `part`; none when the number has no room left (the part keeps its work).
    static std::optional<quint64> handOffPart(quint64 part, int handOff, int sibling);

    ~SharedStateCache();
    SharedStateCache(const SharedStateCache &) = delete;
    SharedStateCache &operator=(const SharedStateCache &) = delete;

    /// Makes the table in a new file `path` (`slots` rounded up to a power of two) and maps it.
    static Result<std::unique_ptr<SharedStateCache>> create(const QString &path, qint64 slots = kDefaultSlots);
    /// Maps the table another process made with create().
    static Result<std::unique_ptr<SharedStateCache>> open(const QString &path);
    /// A table in anonymous shared memory: shared with the children fork()ed afterwards.
    static Result<std::unique_ptr<SharedStateCache>> anonymous(qint64 slots = kDefaultSlots);

    /// Whether an entry of `key` made by a part <= `part`, from depth <= `depth`, with its
    /// deliveries asleep a subset of `asleep` (sorted), is in the table.
    bool covers(quint64 key, int depth, quint64 part, const std::vector<quint64> &asleep) const;
    /// Records that `part` explores `key` from `depth` with `asleep` (sorted) asleep: stored
    /// when the slot is free, or holds a later part's entry, or this part's own (replaced: the
    /// caller passes what it knows of the state, its own earlier visits merged in). Returns
    /// whether it was stored.
    bool record(quint64 key, int depth, quint64 part, const std::vector<quint64> &asleep);

    /// Work stealing: a process without work asks for some (a flag in the table's header);
    /// a searching process that can hand work off takes the request (one of them does) and
    /// hands off. withdrawWorkRequest() clears it (no one waits any more).
    void requestWork();
    bool wantsWork() const;
    bool takeWorkRequest();
    void withdrawWorkRequest();

    /// Slots in use (claimed keys).
    qint64 size() const;
    qint64 capacity() const;

private:
    struct Slot;
    SharedStateCache() = default;
    static Result<std::unique_ptr<SharedStateCache>> map(int fd, qint64 bytes, bool initialise, const QString &what);

    Slot *m_slots = nullptr;
    qint64 m_capacity = 0;
    void *m_mapping = nullptr;
    qint64 m_bytes = 0;
};

} // namespace mas::system
