// SPDX-License-Identifier: MIT
#include "sharedstatecache.h"

#include "logging_p.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <atomic>
#include <cstring>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define MAS_SHARED_CACHE_MAPS 1
#else
#define MAS_SHARED_CACHE_MAPS 0
#endif

namespace mas::system {

namespace {

struct SharedCacheText
{
    Q_DECLARE_TR_FUNCTIONS(SharedStateCache)
};

constexpr quint64 kMagic = 0x3265686361437473ull; // "stCache2", little endian (2: 64-bit parts, work requests)
constexpr int kMaxProbes = 64;
constexpr int kReadTries = 8;

/// Key 0 marks a free slot: a state hashed to 0 is stored as 1 (a hash collision the cache
/// already lives with).
quint64 slotKey(quint64 key)
{
    return key == 0 ? 1 : key;
}

} // namespace

/// One entry, a cache line. `seq` is even when the entry may be read, odd while it is
/// written, 0 while the slot is claimed but not written yet.
struct SharedStateCache::Slot
{
    std::atomic<quint64> key;
    std::atomic<quint32> seq;
    std::atomic<quint32> depthCount; ///< depth << 8 | deliveries asleep
    std::atomic<quint64> part;       ///< the part's place in search order (handOffPart())
    std::atomic<quint64> asleep[kMaxAsleep];
};
static_assert(sizeof(std::atomic<quint64>) == 8 && std::atomic<quint64>::is_always_lock_free
                  && std::atomic<quint32>::is_always_lock_free,
              "the shared cache needs lock-free 32- and 64-bit atomics");

namespace {

/// The first slot holds the table's header instead of an entry.
struct Header
{
    std::atomic<quint64> magic;
    std::atomic<quint64> capacity;
    std::atomic<quint64> used;
    std::atomic<quint32> wanted; ///< processes waiting for work (requestWork())
};

} // namespace

SharedStateCache::~SharedStateCache()
{
#if MAS_SHARED_CACHE_MAPS
    if (m_mapping)
        ::munmap(m_mapping, std::size_t(m_bytes));
#endif
}

Result<std::unique_ptr<SharedStateCache>> SharedStateCache::map(int fd, qint64 bytes, bool initialise,
                                                                   const QString &what)
{
    static_assert(sizeof(Slot) == 64, "a slot is a cache line");
#if MAS_SHARED_CACHE_MAPS
    void *mapping = ::mmap(nullptr, std::size_t(bytes), PROT_READ | PROT_WRITE,
                           MAP_SHARED | (fd < 0 ? MAP_ANONYMOUS : 0), fd, 0);
    if (mapping == MAP_FAILED) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        qCWarning(lcSystem) << "shared state cache: cannot map" << what << why;
        return Error(ErrorCode::AiomasError, SharedCacheText::tr("cannot map the shared state cache %1: %2").arg(what, why));
    }
    std::unique_ptr<SharedStateCache> cache(new SharedStateCache);
    cache->m_mapping = mapping;
    cache->m_bytes = bytes;
    cache->m_slots = static_cast<Slot *>(mapping) + 1;
    auto *header = reinterpret_cast<Header *>(mapping);
    if (initialise) {
        // A new file or mapping reads as zeros: every slot free.
        header->capacity.store(quint64(bytes / qint64(sizeof(Slot))) - 1);
        header->used.store(0);
        header->magic.store(kMagic, std::memory_order_release);
    } else if (header->magic.load(std::memory_order_acquire) != kMagic
               || qint64(header->capacity.load() + 1) * qint64(sizeof(Slot)) > bytes) {
        qCWarning(lcSystem) << "shared state cache:" << what << "is not a state cache";
        return Error(ErrorCode::InvalidArgument, SharedCacheText::tr("%1 is not a shared state cache").arg(what));
    }
    cache->m_capacity = qint64(header->capacity.load());
    return cache;
#else
    Q_UNUSED(fd);
    Q_UNUSED(bytes);
    Q_UNUSED(initialise);
    return Error(ErrorCode::AiomasError, SharedCacheText::tr("no shared state cache on this platform (%1)").arg(what));
#endif
}

namespace {

qint64 bytesFor(qint64 slots)
{
    qint64 n = 64;
    while (n < slots)
        n *= 2;
    return (n + 1) * 64; // the header's slot, then the entries
}

} // namespace

Result<std::unique_ptr<SharedStateCache>> SharedStateCache::create(const QString &path, qint64 slots)
{
#if MAS_SHARED_CACHE_MAPS
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        qCWarning(lcSystem) << "shared state cache: cannot make" << path << why;
        return Error(ErrorCode::AiomasError, SharedCacheText::tr("cannot make the shared state cache %1: %2").arg(path, why));
    }
    const qint64 bytes = bytesFor(slots);
    if (::ftruncate(fd, off_t(bytes)) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        qCWarning(lcSystem) << "shared state cache: cannot size" << path << why;
        return Error(ErrorCode::AiomasError, SharedCacheText::tr("cannot make the shared state cache %1: %2").arg(path, why));
    }
    Result<std::unique_ptr<SharedStateCache>> cache = map(fd, bytes, true, path);
    ::close(fd);
    return cache;
#else
    Q_UNUSED(slots);
    return map(-1, 0, true, path);
#endif
}

Result<std::unique_ptr<SharedStateCache>> SharedStateCache::open(const QString &path)
{
#if MAS_SHARED_CACHE_MAPS
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDWR | O_CLOEXEC);
    struct stat info = {};
    if (fd < 0 || ::fstat(fd, &info) != 0 || info.st_size < qint64(2 * sizeof(Slot))) {
        const QString why = fd < 0 ? QString::fromLocal8Bit(std::strerror(errno)) : SharedCacheText::tr("too small");
        if (fd >= 0)
            ::close(fd);
        qCWarning(lcSystem) << "shared state cache: cannot open" << path << why;
        return Error(ErrorCode::AiomasError, SharedCacheText::tr("cannot open the shared state cache %1: %2").arg(path, why));
    }
    Result<std::unique_ptr<SharedStateCache>> cache = map(fd, qint64(info.st_size), false, path);
    ::close(fd);
    return cache;
#else
    return map(-1, 0, false, path);
#endif
}

Result<std::unique_ptr<SharedStateCache>> SharedStateCache::anonymous(qint64 slots)
{
    return map(-1, bytesFor(slots), true, SharedCacheText::tr("(anonymous memory)"));
}

bool SharedStateCache::covers(quint64 key, int depth, quint64 part, const std::vector<quint64> &asleep) const
{
    key = slotKey(key);
    const quint64 mask = quint64(m_capacity) - 1;
    quint64 i = key & mask;
    for (int probe = 0; probe < kMaxProbes; ++probe, i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        const quint64 k = slot.key.load(std::memory_order_acquire);
        if (k == 0)
            return false; // a free slot ends the probe run: not in the table
        if (k != key)
            continue;
        for (int attempt = 0; attempt < kReadTries; ++attempt) {
            const quint32 before = slot.seq.load(std::memory_order_acquire);
            if (before == 0 || (before & 1u))
                return false; // not written yet, or being written: a miss (sound)
            const quint64 owner = slot.part.load(std::memory_order_relaxed);
            const quint32 depthCount = slot.depthCount.load(std::memory_order_relaxed);
            const int from = int(depthCount >> 8);
            const quint32 count = std::min<quint32>(depthCount & 0xffu, kMaxAsleep);
            quint64 theirs[kMaxAsleep];
            for (quint32 j = 0; j < count; ++j)
                theirs[j] = slot.asleep[j].load(std::memory_order_relaxed);
            std::atomic_thread_fence(std::memory_order_acquire);
            if (slot.seq.load(std::memory_order_relaxed) != before)
                continue; // changed while read: again
            if (owner > part || from > depth)
                return false;
            for (quint32 j = 0; j < count; ++j) {
                if (!std::binary_search(asleep.begin(), asleep.end(), theirs[j]))
                    return false;
            }
            return true;
        }
        return false;
    }
    return false;
}

bool SharedStateCache::record(quint64 key, int depth, quint64 part, const std::vector<quint64> &asleep)
{
    if (asleep.size() > std::size_t(kMaxAsleep) || depth < 0 || depth > kMaxDepth)
        return false;
    key = slotKey(key);
    const quint64 mask = quint64(m_capacity) - 1;
    quint64 i = key & mask;
    for (int probe = 0; probe < kMaxProbes; ++probe, i = (i + 1) & mask) {
        Slot &slot = m_slots[i];
        quint64 k = slot.key.load(std::memory_order_acquire);
        quint32 seq = 0;
        if (k == 0) {
            if (slot.key.compare_exchange_strong(k, key, std::memory_order_acq_rel)) {
                reinterpret_cast<Header *>(m_mapping)->used.fetch_add(1, std::memory_order_relaxed);
                k = key; // claimed: seq is 0, this process writes first
            }
            // else: k is what another process claimed the slot for
        }
        if (k != key)
            continue;
        seq = slot.seq.load(std::memory_order_acquire);
        if (seq & 1u)
            return false; // being written by another process: leave it
        if (seq != 0) {
            // Written: replaced only by an earlier part's visit, or by this part's own news.
            if (slot.part.load(std::memory_order_relaxed) < part)
                return false;
        }
        if (!slot.seq.compare_exchange_strong(seq, seq + 1, std::memory_order_acq_rel))
            return false; // another writer came first
        slot.part.store(part, std::memory_order_relaxed);
        slot.depthCount.store(quint32(depth) << 8 | quint32(asleep.size()), std::memory_order_relaxed);
        for (std::size_t j = 0; j < asleep.size(); ++j)
            slot.asleep[j].store(asleep[j], std::memory_order_relaxed);
        slot.seq.store(seq + 2, std::memory_order_release);
        return true;
    }
    return false;
}

qint64 SharedStateCache::size() const
{
    return m_mapping ? qint64(reinterpret_cast<const Header *>(m_mapping)->used.load(std::memory_order_relaxed)) : 0;
}

qint64 SharedStateCache::capacity() const
{
    return m_capacity;
}

void SharedStateCache::requestWork()
{
    if (m_mapping)
        reinterpret_cast<Header *>(m_mapping)->wanted.store(1, std::memory_order_release);
}

bool SharedStateCache::wantsWork() const
{
    return m_mapping && reinterpret_cast<const Header *>(m_mapping)->wanted.load(std::memory_order_relaxed) != 0;
}

bool SharedStateCache::takeWorkRequest()
{
    if (!m_mapping)
        return false;
    quint32 expected = 1;
    return reinterpret_cast<Header *>(m_mapping)->wanted.compare_exchange_strong(expected, 0, std::memory_order_acq_rel);
}

void SharedStateCache::withdrawWorkRequest()
{
    if (m_mapping)
        reinterpret_cast<Header *>(m_mapping)->wanted.store(0, std::memory_order_release);
}

std::optional<quint64> SharedStateCache::handOffPart(quint64 part, int handOff, int sibling)
{
    if (handOff < 1 || handOff > kMaxHandOffs || sibling < 0 || sibling >= kMaxHandOffSiblings)
        return std::nullopt;
    // The digits below the top-level index, 8 bits each from the most significant: the
    // part's level is the position of its last nonzero digit (0: a part of the frontier).
    int level = 0;
    for (int d = 1; d <= kHandOffLevels; ++d) {
        if ((part >> (kTopLevelShift - 8 * d)) & 0xffu)
            level = d;
    }
    if (level >= kHandOffLevels)
        return std::nullopt;
    // Later hand-offs of a part come before its earlier ones (they give away deeper subtrees of
    // what it kept), and all of them after what it keeps: digit 0 is the part's own.
    const quint64 digit = quint64((kMaxHandOffs + 1 - handOff) << 5) | quint64(sibling);
    return part | (digit << (kTopLevelShift - 8 * (level + 1)));
}

} // namespace mas::system
