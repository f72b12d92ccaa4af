// SPDX-License-Identifier: MIT
// The state cache the worker processes of `mas explore --workers` share: its soundness rule
// (a visit is covered by an entry of a part no later, from no deeper, with no more asleep),
// which entries replace which, and concurrent inserts from forked children, through a file
// each child maps and through anonymous shared memory, with no entry lost, claimed twice or
// torn.

#include <mas/system/sharedstatecache.h>

#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

using mas::system::SharedStateCache;

namespace {

constexpr int kChildren = 4;
constexpr quint64 kKeys = 3000;

/// What child `c` records for `key`: its depth, so that a torn entry (one child's part with
/// another's depth) shows.
int depthOf(quint64 key, int child)
{
    return int((key * 7 + quint64(child) * 3) % 11);
}

/// Every child records every key (in its own order), the children at the same time; exits 0.
void recordAll(SharedStateCache &cache, int child)
{
    for (quint64 i = 0; i < kKeys; ++i) {
        const quint64 key = child % 2 ? kKeys - i : i + 1; // half the children backwards
        const quint64 hashed = key * 0x9e3779b97f4a7c15ull;
        cache.record(hashed, depthOf(key, child), child, {key});
    }
}

} // namespace

class tst_SharedStateCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coversByTheRule();
    void replacesByPart();
    void handOffPlacesKeepSearchOrder();
    void workRequests();
    void concurrentInsertsFromForkedChildren_data();
    void concurrentInsertsFromForkedChildren();
    void badFiles();
};

void tst_SharedStateCache::coversByTheRule()
{
    auto made = SharedStateCache::anonymous(1024);
    QVERIFY2(made, qPrintable(made ? QString() : made.error().message()));
    SharedStateCache &cache = **made;
    QCOMPARE(cache.capacity(), 1024);
    QVERIFY(!cache.covers(42, 10, 5, {}));
    QVERIFY(cache.record(42, 5, 2, {7, 9}));
    QCOMPARE(cache.size(), 1);
    QVERIFY(cache.covers(42, 5, 2, {7, 9}));         // the same visit
    QVERIFY(cache.covers(42, 8, 6, {1, 7, 9, 12}));  // deeper, later part, more asleep
    QVERIFY(!cache.covers(42, 4, 2, {7, 9}));        // shallower: the entry saw less of the depth
    QVERIFY(!cache.covers(42, 5, 1, {7, 9}));        // an earlier part: the entry's may never end
    QVERIFY(!cache.covers(42, 5, 2, {7}));           // fewer asleep: more choices to try
    QVERIFY(!cache.covers(43, 5, 2, {7, 9}));        // another state
    // A key 0 (a state may hash to it) works as any other.
    QVERIFY(cache.record(0, 1, 0, {}));
    QVERIFY(cache.covers(0, 1, 0, {}));
    // Too many asleep to store: not stored, and nothing claimed.
    std::vector<quint64> many;
    for (int i = 0; i <= SharedStateCache::kMaxAsleep; ++i)
        many.push_back(quint64(i));
    QVERIFY(!cache.record(77, 1, 0, many));
    QVERIFY(!cache.covers(77, 10, 10, many));
    QCOMPARE(cache.size(), 2);
    // Keys that collide on their slot probe on.
    for (quint64 k = 1; k <= 20; ++k)
        QVERIFY(cache.record(k * 1024 + 3, int(k), 0, {}));
    for (quint64 k = 1; k <= 20; ++k) {
        QVERIFY(cache.covers(k * 1024 + 3, int(k), 0, {}));
        QVERIFY(!cache.covers(k * 1024 + 3, int(k) - 1, 0, {}));
    }
}

void tst_SharedStateCache::replacesByPart()
{
    auto made = SharedStateCache::anonymous(64);
    QVERIFY(made);
    SharedStateCache &cache = **made;
    QVERIFY(cache.record(5, 3, 4, {}));
    // A later part does not replace an earlier one's entry.
    QVERIFY(!cache.record(5, 1, 6, {}));
    QVERIFY(!cache.covers(5, 1, 6, {}));
    QVERIFY(cache.covers(5, 3, 6, {}));
    // The same part does (it passes its visits merged), and so does an earlier part.
    QVERIFY(cache.record(5, 2, 4, {}));
    QVERIFY(cache.covers(5, 2, 4, {}));
    QVERIFY(cache.record(5, 6, 1, {8}));
    QVERIFY(cache.covers(5, 6, 1, {8}));
    QVERIFY(!cache.covers(5, 6, 0, {8}));
    QCOMPARE(cache.size(), 1);
}

void tst_SharedStateCache::handOffPlacesKeepSearchOrder()
{
    // Part 3 of the frontier hands off twice: first choices {a, b} of a shallow point, later
    // {c, d} of a deeper one (inside what it kept, so before a and b in search order); c hands
    // off {e} in turn. Search order: what 3 kept, what c kept, e, d, a, b, then part 4.
    const quint64 p3 = SharedStateCache::topLevelPart(3);
    const quint64 p4 = SharedStateCache::topLevelPart(4);
    const auto a = SharedStateCache::handOffPart(p3, 1, 0);
    const auto b = SharedStateCache::handOffPart(p3, 1, 1);
    const auto c = SharedStateCache::handOffPart(p3, 2, 0);
    const auto d = SharedStateCache::handOffPart(p3, 2, 1);
    QVERIFY(a && b && c && d);
    const auto e = SharedStateCache::handOffPart(*c, 1, 0);
    QVERIFY(e);
    const std::vector<quint64> order{p3, *c, *e, *d, *a, *b, p4};
    QVERIFY(std::is_sorted(order.begin(), order.end()));
    QVERIFY(std::adjacent_find(order.begin(), order.end()) == order.end());
    // No room: too many hand-offs of one part, too many siblings, too deep.
    QVERIFY(!SharedStateCache::handOffPart(p3, SharedStateCache::kMaxHandOffs + 1, 0));
    QVERIFY(!SharedStateCache::handOffPart(p3, 1, SharedStateCache::kMaxHandOffSiblings));
    quint64 deep = p3;
    for (int level = 0; level < SharedStateCache::kHandOffLevels; ++level) {
        const auto next = SharedStateCache::handOffPart(deep, 1, 0);
        QVERIFY(next && *next > deep && *next < p4);
        deep = *next;
    }
    QVERIFY(!SharedStateCache::handOffPart(deep, 1, 0));
    // The cache's rule with these places: an entry of 3 covers d's visit, not the reverse.
    auto made = SharedStateCache::anonymous(64);
    QVERIFY(made);
    QVERIFY((*made)->record(9, 2, p3, {}));
    QVERIFY((*made)->covers(9, 2, *d, {}));
    QVERIFY((*made)->record(10, 2, *d, {}));
    QVERIFY(!(*made)->covers(10, 2, *c, {}));
    QVERIFY((*made)->covers(10, 2, *a, {}));
}

void tst_SharedStateCache::workRequests()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("states.cache"));
    auto made = SharedStateCache::create(path, 64);
    QVERIFY(made);
    auto opened = SharedStateCache::open(path);
    QVERIFY(opened);
    QVERIFY(!(*opened)->wantsWork());
    QVERIFY(!(*opened)->takeWorkRequest());
    (*made)->requestWork();
    QVERIFY((*opened)->wantsWork());
    QVERIFY((*opened)->takeWorkRequest()); // one taker
    QVERIFY(!(*made)->takeWorkRequest());
    QVERIFY(!(*made)->wantsWork());
    (*made)->requestWork();
    (*made)->withdrawWorkRequest();
    QVERIFY(!(*opened)->takeWorkRequest());
}

void tst_SharedStateCache::concurrentInsertsFromForkedChildren_data()
{
    QTest::addColumn<bool>("file");
    QTest::newRow("a file each child maps") << true;
    QTest::newRow("anonymous memory mapped before fork") << false;
}

void tst_SharedStateCache::concurrentInsertsFromForkedChildren()
{
    QFETCH(bool, file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("states.cache"));
    auto made = file ? SharedStateCache::create(path, 8192) : SharedStateCache::anonymous(8192);
    QVERIFY2(made, qPrintable(made ? QString() : made.error().message()));
    SharedStateCache &cache = **made;
    std::vector<pid_t> children;
    for (int child = 0; child < kChildren; ++child) {
        const pid_t pid = ::fork();
        QVERIFY(pid >= 0);
        if (pid == 0) {
            if (file) {
                auto opened = SharedStateCache::open(path);
                if (!opened)
                    ::_exit(2);
                recordAll(**opened, child);
            } else {
                recordAll(cache, child);
            }
            ::_exit(0);
        }
        children.push_back(pid);
    }
    for (pid_t pid : children) {
        int status = 0;
        QCOMPARE(::waitpid(pid, &status, 0), pid);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }
    // Each key claimed once, none lost.
    QCOMPARE(cache.size(), qint64(kKeys));
    for (quint64 key = 1; key <= kKeys; ++key) {
        const quint64 hashed = key * 0x9e3779b97f4a7c15ull;
        QVERIFY(cache.covers(hashed, 100, kChildren, {key}));
        QVERIFY(!cache.covers(hashed, 100, kChildren, {})); // its asleep delivery is kept
        // The entry is one child's, whole: the earliest part it covers wrote the depth too.
        int owner = -1;
        for (int part = 0; part < kChildren && owner < 0; ++part) {
            if (cache.covers(hashed, 100, part, {key}))
                owner = part;
        }
        QVERIFY(owner >= 0);
        const int depth = depthOf(key, owner);
        QVERIFY2(cache.covers(hashed, depth, owner, {key}), qPrintable(QString::number(key)));
        QVERIFY2(depth == 0 || !cache.covers(hashed, depth - 1, owner, {key}), qPrintable(QString::number(key)));
    }
}

void tst_SharedStateCache::badFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto missing = SharedStateCache::open(dir.filePath(QStringLiteral("none")));
    QVERIFY(!missing);
    QVERIFY(missing.error().message().contains(QStringLiteral("none")));
    const QString other = dir.filePath(QStringLiteral("other"));
    {
        QFile f(other);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    auto notCache = SharedStateCache::open(other);
    QVERIFY(!notCache);
    QVERIFY(notCache.error().message().contains(QStringLiteral("not a shared state cache")));
    // create() does not take over an existing file.
    QVERIFY(!SharedStateCache::create(other));
}

QTEST_GUILESS_MAIN(tst_SharedStateCache)
#include "tst_sharedstatecache.moc"
