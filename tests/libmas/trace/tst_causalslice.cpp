// SPDX-License-Identifier: MIT
// The causal slice of trace/causalslice.h against a plain reference: happens-before written out
// from its rules pair by pair (O(n²) scans, no hashes) and closed transitively with ancestor
// sets, on random logs of many seeds; the lanes of addresses; and the folding of repeated rounds.
#include "randomtrafficlog.h"

#include <mas/trace/causalslice.h>

#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <random>

using namespace mas;
using Kind = TrafficEvent::Kind;

namespace {

/// The reference's lane of an event: its container (the address without a trailing "/<digits>"),
/// "clock" for clock moves, empty for the network's own actions.
QString referenceLane(const TrafficEvent &e)
{
    static const QRegularExpression agentUrl(QStringLiteral("^(.+://.*/)\\d+$"));
    const auto container = [](const QString &address) {
        const QRegularExpressionMatch m = agentUrl.match(address);
        return m.hasMatch() ? m.captured(1) : address;
    };
    switch (e.kind) {
    case Kind::Sent:
    case Kind::Connected:
    case Kind::Closed:
        return QStringLiteral("lane ") + container(e.from);
    case Kind::Delivered:
        return QStringLiteral("lane ") + container(e.to);
    case Kind::ClockChanged:
        return QStringLiteral("clock");
    default:
        return QString();
    }
}

/// Whether event j is an event of message m's own chain (it, or the copy that created it).
bool inChain(const TrafficEvent &e, quint64 m)
{
    switch (e.kind) {
    case Kind::Sent:
    case Kind::Delivered:
    case Kind::Dropped:
    case Kind::Delayed:
        return e.messageId == m;
    case Kind::Duplicated:
        return e.messageId == m; // the copy starts its chain here
    default:
        return false;
    }
}

/// Past sets (ancestors[i][j]: j happened before i) from the rules, pair by pair.
std::vector<std::vector<bool>> referenceAncestors(const std::vector<TrafficEvent> &log)
{
    const size_t n = log.size();
    std::vector<std::vector<bool>> ancestors(n, std::vector<bool>(n, false));
    for (size_t i = 0; i < n; ++i) {
        const TrafficEvent &e = log[i];
        std::vector<size_t> direct;
        // the lane's previous event
        const QString lane = referenceLane(e);
        if (!lane.isEmpty()) {
            for (size_t j = i; j-- > 0;) {
                if (referenceLane(log[j]) == lane) {
                    direct.push_back(j);
                    break;
                }
            }
        }
        // the message's previous event (a copy: its original's)
        if (e.kind == Kind::Delivered || e.kind == Kind::Dropped || e.kind == Kind::Delayed || e.kind == Kind::Duplicated) {
            const quint64 m = e.kind == Kind::Duplicated ? e.originalId : e.messageId;
            for (size_t j = i; j-- > 0;) {
                if (inChain(log[j], m)) {
                    direct.push_back(j);
                    break;
                }
            }
        }
        // a reply: the last delivery of its request
        if (e.kind == Kind::Sent && e.type != MessageType::Request) {
            for (size_t j = i; j-- > 0;) {
                const TrafficEvent &r = log[j];
                if (r.kind == Kind::Delivered && r.type == MessageType::Request && r.connection == e.connection
                    && r.requestId == e.requestId && r.to == e.from) {
                    direct.push_back(j);
                    break;
                }
            }
        }
        for (const size_t j : direct) {
            ancestors[i][j] = true;
            for (size_t k = 0; k < n; ++k) {
                if (ancestors[j][k])
                    ancestors[i][k] = true;
            }
        }
    }
    return ancestors;
}

CausalIndex::EventAt atOf(const std::vector<TrafficEvent> &log)
{
    return [&log](qsizetype i) -> const TrafficEvent & { return log[size_t(i)]; };
}

} // namespace

class tst_CausalSlice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lanes_data();
    void lanes();
    void sliceOfAFewEvents();
    void sliceEqualsReferenceOnRandomLogs();
    void sliceOutOfRangeIsEmpty();
    void extendedIndexEqualsBuild();
    void foldSignatures_data();
    void foldSignatures();
    void foldedRoundsRepeat();
    void foldPingPongEvents();
    void foldAppendedRowsEqualsFold();
    void foldAppendedEventsEqualsFold();
};

void tst_CausalSlice::lanes_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("lane");
    QTest::newRow("agent") << "local://explore-1/0" << "local://explore-1/";
    QTest::newRow("base") << "tcp://127.0.0.1:5555/" << "tcp://127.0.0.1:5555/";
    QTest::newRow("agent tcp") << "tcp://127.0.0.1:5555/12" << "tcp://127.0.0.1:5555/";
    QTest::newRow("no slash") << "tcp://127.0.0.1:5555" << "tcp://127.0.0.1:5555";
    QTest::newRow("ipc agent") << "ipc:///tmp/a.sock/3" << "ipc:///tmp/a.sock/";
    QTest::newRow("named end") << "local://q/name" << "local://q/name";
    QTest::newRow("empty") << "" << "";
}

void tst_CausalSlice::lanes()
{
    QFETCH(QString, address);
    QFETCH(QString, lane);
    QCOMPARE(CausalIndex::laneOf(address).toString(), lane);
}

void tst_CausalSlice::sliceOfAFewEvents()
{
    // a → b (request), b answers; c sends to a unrelated at first
    const QString a = QStringLiteral("local://a/0"), b = QStringLiteral("local://b/0"), c = QStringLiteral("local://c/0");
    std::vector<TrafficEvent> log;
    const auto add = [&log](Kind kind, quint64 msg, const QString &from, const QString &to, MessageType type = MessageType::Request,
                            qint64 rid = 0) {
        TrafficEvent e;
        e.sequence = log.size();
        e.kind = kind;
        e.messageId = msg;
        e.from = from;
        e.to = to;
        e.type = type;
        e.requestId = rid;
        e.connection = 1;
        log.push_back(e);
    };
    add(Kind::Sent, 1, a, b);                           // 0
    add(Kind::Sent, 2, c, a);                           // 1: concurrent with 0
    add(Kind::Delivered, 1, a, b);                      // 2
    add(Kind::Sent, 3, b, a, MessageType::Result, 0);   // 3: the reply
    add(Kind::Delivered, 2, c, a);                      // 4: after 0 in a's lane
    add(Kind::Delivered, 3, b, a, MessageType::Result); // 5
    const CausalIndex index = CausalIndex::build(log);
    QCOMPARE(index.size(), 6);
    const CausalIndex::Slice s = index.slice(3);
    QCOMPARE(s.event, 3);
    QCOMPARE(s.marks, (std::vector<std::uint8_t>{CausalIndex::Past, CausalIndex::Unrelated, CausalIndex::Past,
                                                 CausalIndex::Self, CausalIndex::Unrelated, CausalIndex::Future}));
    QCOMPARE(s.past, 2);
    QCOMPARE(s.future, 1);
    // c's send is in the past of a's later events only
    const CausalIndex::Slice t = index.slice(1);
    QCOMPARE(t.marks, (std::vector<std::uint8_t>{CausalIndex::Unrelated, CausalIndex::Self, CausalIndex::Unrelated,
                                                 CausalIndex::Unrelated, CausalIndex::Future, CausalIndex::Future}));
    QCOMPARE(index.predecessors(4), (std::vector<qsizetype>{0, 1}));
}

void tst_CausalSlice::sliceEqualsReferenceOnRandomLogs()
{
    int checked = 0;
    for (quint32 seed = 1; seed <= 150; ++seed) {
        test::RandomLogOptions options;
        options.seed = seed;
        options.agents = 2 + int(seed % 4);
        options.events = 40 + qsizetype(seed % 7) * 20;
        const std::vector<TrafficEvent> log = test::randomTrafficLog(options);
        const auto ancestors = referenceAncestors(log);
        const CausalIndex index = CausalIndex::build(qsizetype(log.size()), atOf(log));
        QCOMPARE(index.size(), qsizetype(log.size()));
        for (size_t e = 0; e < log.size(); ++e) {
            const CausalIndex::Slice s = index.slice(qsizetype(e));
            qsizetype past = 0, future = 0;
            for (size_t j = 0; j < log.size(); ++j) {
                std::uint8_t expected = CausalIndex::Unrelated;
                if (j == e)
                    expected = CausalIndex::Self;
                else if (ancestors[e][j])
                    expected = CausalIndex::Past;
                else if (ancestors[j][e])
                    expected = CausalIndex::Future;
                past += expected == CausalIndex::Past;
                future += expected == CausalIndex::Future;
                if (s.marks[j] != expected) {
                    QFAIL(qPrintable(QStringLiteral("seed %1: slice of event %2 marks event %3 as %4, the reference as %5")
                                         .arg(seed)
                                         .arg(e)
                                         .arg(j)
                                         .arg(s.marks[j])
                                         .arg(expected)));
                }
            }
            QCOMPARE(s.past, past);
            QCOMPARE(s.future, future);
            ++checked;
        }
    }
    QVERIFY(checked > 5000);
}

void tst_CausalSlice::sliceOutOfRangeIsEmpty()
{
    const CausalIndex index = CausalIndex::build(test::randomTrafficLog({}));
    QCOMPARE(index.slice(-1).event, -1);
    QVERIFY(index.slice(index.size()).marks.empty());
    QVERIFY(!index.slice(-1).contains(0));
    QCOMPARE(CausalIndex().slice(0).event, -1);
}

void tst_CausalSlice::extendedIndexEqualsBuild()
{
    // random logs appended in random batches: the extended index, and a slice taken early and
    // extended with each batch, equal those built afresh of the whole log
    int compared = 0;
    for (quint32 seed = 1; seed <= 60; ++seed) {
        test::RandomLogOptions options;
        options.seed = seed;
        options.agents = 2 + int(seed % 5);
        options.events = 60 + qsizetype(seed % 9) * 30;
        const std::vector<TrafficEvent> log = test::randomTrafficLog(options);
        std::mt19937 rng(seed);
        CausalIndex index;
        CausalIndex::Slice slice;
        qsizetype sliceEvent = -1;
        qsizetype size = 0;
        while (size < qsizetype(log.size())) {
            size = std::min(qsizetype(log.size()), size + 1 + qsizetype(rng() % 25));
            // the log so far only: an index must not look past what it was given
            const std::vector<TrafficEvent> prefix(log.begin(), log.begin() + size);
            index.extend(size, atOf(prefix));
            QCOMPARE(index.size(), size);
            if (sliceEvent < 0 && size > 10) {
                sliceEvent = qsizetype(rng() % quint32(size));
                slice = index.slice(sliceEvent);
            } else if (sliceEvent >= 0) {
                const qsizetype before = qsizetype(slice.marks.size());
                QCOMPARE(index.extendSlice(slice), size - before);
            }
            const CausalIndex fresh = CausalIndex::build(prefix);
            for (qsizetype i = 0; i < size; ++i) {
                if (index.predecessors(i) != fresh.predecessors(i))
                    QFAIL(qPrintable(QStringLiteral("seed %1, %2 events: the causes of event %3 differ").arg(seed).arg(size).arg(i)));
            }
            if (sliceEvent >= 0) {
                const CausalIndex::Slice expected = fresh.slice(sliceEvent);
                QCOMPARE(slice.event, expected.event);
                QCOMPARE(slice.marks, expected.marks);
                QCOMPARE(slice.past, expected.past);
                QCOMPARE(slice.future, expected.future);
            }
            // slices taken now (the successors grown batch by batch) equal fresh ones
            for (int k = 0; k < 3; ++k) {
                const qsizetype e = qsizetype(rng() % quint32(size));
                QCOMPARE(index.slice(e).marks, fresh.slice(e).marks);
            }
            ++compared;
        }
        // a copy goes on growing on its own
        CausalIndex copy = index;
        QCOMPARE(copy.size(), index.size());
        QCOMPARE(copy.slice(0).marks, index.slice(0).marks);
    }
    QVERIFY(compared > 500);
    // nothing to add, or less than there is: nothing changes
    const std::vector<TrafficEvent> log = test::randomTrafficLog({});
    CausalIndex index = CausalIndex::build(log);
    index.extend(3, atOf(log));
    QCOMPARE(index.size(), qsizetype(log.size()));
    CausalIndex::Slice none;
    QCOMPARE(index.extendSlice(none), 0);
    QCOMPARE(none.event, -1);
}

void tst_CausalSlice::foldSignatures_data()
{
    QTest::addColumn<std::vector<std::uint32_t>>("signatures");
    QTest::addColumn<std::vector<RoundFold>>("folds");
    using V = std::vector<std::uint32_t>;
    using F = std::vector<RoundFold>;
    QTest::newRow("none") << V{1, 2, 3, 4} << F{};
    QTest::newRow("empty") << V{} << F{};
    QTest::newRow("pairs") << V{1, 2, 1, 2, 1, 2, 3} << F{{0, 2, 3}};
    QTest::newRow("single row repeated") << V{9, 1, 1, 1, 1, 8} << F{{1, 1, 4}};
    QTest::newRow("two folds") << V{1, 2, 3, 1, 2, 3, 5, 5, 7} << F{{0, 3, 2}, {6, 1, 2}};
    QTest::newRow("longest cover wins") << V{1, 1, 2, 1, 1, 2, 1, 1, 2} << F{{0, 3, 3}};
    QTest::newRow("a partial round stays") << V{1, 2, 1, 2, 1} << F{{0, 2, 2}};
}

void tst_CausalSlice::foldSignatures()
{
    QFETCH(std::vector<std::uint32_t>, signatures);
    QFETCH(std::vector<RoundFold>, folds);
    QCOMPARE(foldRounds(signatures), folds);
}

void tst_CausalSlice::foldedRoundsRepeat()
{
    std::mt19937 rng(7);
    for (int round = 0; round < 200; ++round) {
        std::vector<std::uint32_t> s;
        // runs of repeated short blocks between random rows
        while (s.size() < 200) {
            const int period = 1 + int(rng() % 4);
            const int repeats = 1 + int(rng() % 4);
            std::vector<std::uint32_t> block;
            for (int k = 0; k < period; ++k)
                block.push_back(rng() % 3);
            for (int r = 0; r < repeats; ++r)
                s.insert(s.end(), block.begin(), block.end());
        }
        const std::vector<RoundFold> folds = foldRounds(s, 8, 2);
        qsizetype end = 0;
        for (const RoundFold &f : folds) {
            QVERIFY(f.first >= end); // in order, not overlapping
            QVERIFY(f.repeats >= 2);
            QVERIFY(f.period >= 1 && f.period <= 8);
            for (qsizetype r = 1; r < f.repeats; ++r) {
                for (qsizetype k = 0; k < f.period; ++k)
                    QCOMPARE(s[size_t(f.first + r * f.period + k)], s[size_t(f.first + k)]);
            }
            end = f.first + f.rows();
            QVERIFY(end <= qsizetype(s.size()));
        }
    }
}

void tst_CausalSlice::foldPingPongEvents()
{
    // three rounds of ping (a → b) and its answer, then something else; the arguments differ
    // each round and do not matter
    const QString a = QStringLiteral("local://a/0"), b = QStringLiteral("local://b/0");
    std::vector<TrafficEvent> log;
    quint64 msg = 1;
    for (int round = 0; round < 3; ++round) {
        TrafficEvent ping;
        ping.kind = Kind::Sent;
        ping.messageId = msg++;
        ping.from = a;
        ping.to = b;
        ping.path = QStringLiteral("agents/0/ping");
        ping.content = Value(Value::List{Value(ping.path), Value(Value::List{Value(qint64(round))}), Value::map({})});
        log.push_back(ping);
        ping.kind = Kind::Delivered;
        log.push_back(ping);
        TrafficEvent pong = ping;
        pong.kind = Kind::Sent;
        pong.messageId = msg++;
        pong.type = MessageType::Result;
        pong.from = b;
        pong.to = a;
        log.push_back(pong);
        pong.kind = Kind::Delivered;
        log.push_back(pong);
    }
    TrafficEvent other = log.front();
    other.path = QStringLiteral("agents/0/stop");
    log.push_back(other);
    const std::vector<RoundFold> folds = foldRounds(qsizetype(log.size()), atOf(log));
    QCOMPARE(folds, (std::vector<RoundFold>{{0, 4, 3}}));
}

void tst_CausalSlice::foldAppendedRowsEqualsFold()
{
    // rows of repeated blocks (long runs of one round among them, as a protocol that goes on)
    // appended in random batches: the folds equal those of all rows after every batch, and the
    // folds before the first changed row stay as they were
    std::mt19937 rng(11);
    int compared = 0;
    for (int round = 0; round < 150; ++round) {
        const int maxPeriod = 1 + int(rng() % 8);
        const int minRepeats = 2 + int(rng() % 3);
        std::vector<std::uint32_t> s;
        while (s.size() < 300) {
            const int period = 1 + int(rng() % 5);
            const int repeats = rng() % 6 == 0 ? 20 + int(rng() % 40) : 1 + int(rng() % 4);
            std::vector<std::uint32_t> block;
            for (int k = 0; k < period; ++k)
                block.push_back(rng() % 3);
            for (int r = 0; r < repeats; ++r)
                s.insert(s.end(), block.begin(), block.end());
        }
        RoundFolder folder(maxPeriod, minRepeats);
        size_t size = 0;
        while (size < s.size()) {
            const size_t next = std::min(s.size(), size + 1 + size_t(rng() % 30));
            const std::vector<RoundFold> before = folder.folds();
            const qsizetype changed = folder.append(std::vector<std::uint32_t>(s.begin() + qsizetype(size), s.begin() + qsizetype(next)));
            size = next;
            const std::vector<RoundFold> expected = foldRounds(std::vector<std::uint32_t>(s.begin(), s.begin() + qsizetype(size)), maxPeriod, minRepeats);
            if (folder.folds() != expected)
                QFAIL(qPrintable(QStringLiteral("round %1: the folds of %2 rows appended differ from those of all rows").arg(round).arg(size)));
            QCOMPARE(folder.size(), qsizetype(size));
            for (const RoundFold &f : before) {
                if (f.first + f.rows() <= changed)
                    QVERIFY(std::find(expected.begin(), expected.end(), f) != expected.end());
            }
            QVERIFY(folder.settledFolds() <= qsizetype(expected.size()));
            ++compared;
        }
    }
    QVERIFY(compared > 1000);
}

void tst_CausalSlice::foldAppendedEventsEqualsFold()
{
    // events of random logs with rounds of ping and pong among them, in random batches
    for (quint32 seed = 1; seed <= 30; ++seed) {
        test::RandomLogOptions options;
        options.seed = seed;
        options.agents = 2 + int(seed % 3);
        options.events = 200;
        std::vector<TrafficEvent> log = test::randomTrafficLog(options);
        const std::vector<TrafficEvent> rounds(log.begin() + 10, log.begin() + 14);
        for (int r = 0; r < 25; ++r)
            log.insert(log.begin() + 100, rounds.begin(), rounds.end());
        std::mt19937 rng(seed);
        RoundFolder folder;
        qsizetype size = 0;
        while (size < qsizetype(log.size())) {
            size = std::min(qsizetype(log.size()), size + 1 + qsizetype(rng() % 40));
            folder.append(size, atOf(log));
            QCOMPARE(folder.folds(), foldRounds(size, atOf(log)));
        }
    }
}

QTEST_GUILESS_MAIN(tst_CausalSlice)
#include "tst_causalslice.moc"
