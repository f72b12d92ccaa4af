// SPDX-License-Identifier: MIT
#include "causalslice.h"

#include <QHash>

#include <algorithm>

namespace mas {

namespace {

using Kind = TrafficEvent::Kind;

/// A request's receiving end on a connection, for finding the delivery a reply follows.
struct ReplyKey
{
    quint64 connection;
    qint64 requestId;
    int end; // the request's receiver, the reply's sender (an address id)
    friend bool operator==(const ReplyKey &, const ReplyKey &) = default;
};

size_t qHash(const ReplyKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.connection, key.requestId, key.end);
}

/// The method a path calls, without allocating: "agents/3/bid" -> "bid".
QStringView methodView(QStringView path)
{
    if (path.startsWith(u"agents/")) {
        const qsizetype slash = path.indexOf(u'/', 7);
        if (slash > 7)
            return path.mid(slash + 1);
    }
    return path;
}

struct Signature
{
    int kind;
    int type;
    int from;
    int to;
    int method;
    friend bool operator==(const Signature &, const Signature &) = default;
};

size_t qHash(const Signature &s, size_t seed = 0)
{
    return qHashMulti(seed, s.kind, s.type, s.from, s.to, s.method);
}

/// Small integers for the strings of a log (it keeps a copy of each, so it may outlive the
/// events it saw).
class Interner
{
public:
    int id(QStringView text)
    {
        QString key = text.toString();
        const auto it = m_ids.constFind(key);
        if (it != m_ids.constEnd())
            return *it;
        const int id = int(m_ids.size());
        m_ids.insert(std::move(key), id);
        return id;
    }

private:
    QHash<QString, int> m_ids;
};

/// Ids of a log's addresses and paths (the Interner's, of `viewOf` the text), looked up first by
/// the string's storage: a store's strings are shared (one copy of each address), so most
/// lookups hash a pointer, not the text. The cache by storage holds while the events do: one
/// StringIds for one pass over them.
template<class F>
class StringIds
{
public:
    StringIds(Interner &ids, F viewOf)
        : m_ids(ids)
        , m_viewOf(viewOf)
    {}
    int id(const QString &text)
    {
        const Key key{text.constData(), text.size()};
        const auto it = m_byData.constFind(key);
        if (it != m_byData.constEnd())
            return *it;
        const int id = m_ids.id(m_viewOf(QStringView(text)));
        m_byData.insert(key, id);
        return id;
    }

private:
    struct Key
    {
        const QChar *data;
        qsizetype size;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) { return qHashMulti(seed, key.data, key.size); }
    };
    Interner &m_ids;
    F m_viewOf;
    QHash<Key, int> m_byData;
};

QStringView sameView(QStringView text)
{
    return text;
}

/// The signatures of rows (see RoundFold): equal numbers for equal kinds, lanes and methods.
struct RowSigner
{
    Interner lanes;
    Interner methods;
    QHash<Signature, std::uint32_t> ids;

    void sign(qsizetype from, qsizetype count, const CausalIndex::EventAt &at, std::vector<std::uint32_t> &signatures)
    {
        StringIds laneIds(lanes, &CausalIndex::laneOf);
        StringIds methodIds(methods, &methodView);
        for (qsizetype k = from; k < count; ++k) {
            const TrafficEvent &e = at(k);
            const Signature s{int(e.kind), int(e.type), laneIds.id(e.from), laneIds.id(e.to), methodIds.id(e.path)};
            const auto it = ids.constFind(s);
            if (it != ids.constEnd()) {
                signatures.push_back(*it);
            } else {
                const auto id = std::uint32_t(ids.size());
                ids.insert(s, id);
                signatures.push_back(id);
            }
        }
    }
};

} // namespace

QStringView CausalIndex::laneOf(QStringView address)
{
    if (address.isEmpty() || address.endsWith(u'/'))
        return address;
    const qsizetype slash = address.lastIndexOf(u'/');
    const qsizetype scheme = address.indexOf(u"://");
    if (slash < 0 || (scheme >= 0 && slash <= scheme + 2))
        return address;
    const QStringView aid = address.mid(slash + 1);
    if (!std::all_of(aid.begin(), aid.end(), [](QChar c) { return c.isDigit(); }))
        return address;
    return address.left(slash + 1);
}

struct CausalIndex::Growth
{
    Interner lanes;
    Interner addresses;
    std::vector<std::int32_t> laneLast; // the last event of each lane
    std::int32_t clockLast = kNone;
    QHash<quint64, std::int32_t> tail;        // a message's last event
    QHash<ReplyKey, std::int32_t> deliveries; // a request's last delivery
};

CausalIndex::CausalIndex()
    : m_growth(std::make_unique<Growth>())
{}

CausalIndex::CausalIndex(const CausalIndex &other)
    : m_lane(other.m_lane)
    , m_message(other.m_message)
    , m_reply(other.m_reply)
    , m_laneSuccessor(other.m_laneSuccessor)
    , m_firstSuccessor(other.m_firstSuccessor)
    , m_successor(other.m_successor)
    , m_nextSuccessor(other.m_nextSuccessor)
    , m_growth(std::make_unique<Growth>(*other.m_growth))
{}

CausalIndex::CausalIndex(CausalIndex &&other) noexcept
    : m_growth(std::make_unique<Growth>())
{
    *this = std::move(other);
}

CausalIndex &CausalIndex::operator=(const CausalIndex &other)
{
    if (this != &other)
        *this = CausalIndex(other);
    return *this;
}

CausalIndex &CausalIndex::operator=(CausalIndex &&other) noexcept
{
    m_lane.swap(other.m_lane);
    m_message.swap(other.m_message);
    m_reply.swap(other.m_reply);
    m_laneSuccessor.swap(other.m_laneSuccessor);
    m_firstSuccessor.swap(other.m_firstSuccessor);
    m_successor.swap(other.m_successor);
    m_nextSuccessor.swap(other.m_nextSuccessor);
    m_growth.swap(other.m_growth);
    return *this;
}

CausalIndex::~CausalIndex() = default;

CausalIndex CausalIndex::build(const std::vector<TrafficEvent> &events)
{
    return build(qsizetype(events.size()), [&events](qsizetype i) -> const TrafficEvent & { return events[size_t(i)]; });
}

CausalIndex CausalIndex::build(qsizetype count, const EventAt &at)
{
    CausalIndex index;
    index.extend(count, at);
    return index;
}

void CausalIndex::addSuccessor(std::int32_t predecessor, std::int32_t successor)
{
    if (predecessor == kNone)
        return;
    m_nextSuccessor.push_back(m_firstSuccessor[size_t(predecessor)]);
    m_firstSuccessor[size_t(predecessor)] = std::int32_t(m_successor.size());
    m_successor.push_back(successor);
}

void CausalIndex::extend(qsizetype count, const EventAt &at)
{
    const size_t from = m_lane.size();
    const size_t n = size_t(std::max<qsizetype>(count, 0));
    if (n <= from)
        return;
    m_lane.resize(n, kNone);
    m_message.resize(n, kNone);
    m_reply.resize(n, kNone);
    m_laneSuccessor.resize(n, kNone);
    m_firstSuccessor.resize(n, kNone);
    m_successor.reserve(m_successor.size() + (n - from));
    m_nextSuccessor.reserve(m_successor.capacity());

    Growth &g = *m_growth;
    StringIds lanes(g.lanes, &CausalIndex::laneOf);
    StringIds addresses(g.addresses, &sameView);
    const auto inLane = [&](std::int32_t i, const QString &address) {
        const int lane = lanes.id(address);
        if (size_t(lane) >= g.laneLast.size())
            g.laneLast.resize(size_t(lane) + 1, kNone);
        m_lane[size_t(i)] = g.laneLast[size_t(lane)];
        g.laneLast[size_t(lane)] = i;
    };
    for (size_t k = from; k < n; ++k) {
        const auto i = std::int32_t(k);
        const TrafficEvent &e = at(qsizetype(k));
        switch (e.kind) {
        case Kind::Sent:
            inLane(i, e.from);
            g.tail.insert(e.messageId, i);
            if (e.type != MessageType::Request && e.requestId >= 0) {
                const auto it = g.deliveries.constFind(ReplyKey{e.connection, e.requestId, addresses.id(e.from)});
                if (it != g.deliveries.constEnd() && *it != m_lane[k])
                    m_reply[k] = *it;
            }
            break;
        case Kind::Delivered:
            inLane(i, e.to);
            [[fallthrough]];
        case Kind::Dropped:
        case Kind::Delayed: {
            const auto it = g.tail.find(e.messageId);
            if (it != g.tail.end()) {
                if (*it != m_lane[k])
                    m_message[k] = *it;
                *it = i;
            } else {
                g.tail.insert(e.messageId, i);
            }
            if (e.kind == Kind::Delivered && e.type == MessageType::Request && e.requestId >= 0)
                g.deliveries.insert(ReplyKey{e.connection, e.requestId, addresses.id(e.to)}, i);
            break;
        }
        case Kind::Duplicated: {
            const auto it = g.tail.constFind(e.originalId);
            if (it != g.tail.constEnd())
                m_message[k] = *it;
            g.tail.insert(e.messageId, i);
            break;
        }
        case Kind::Connected:
        case Kind::Closed:
            inLane(i, e.from);
            break;
        case Kind::ClockChanged:
            m_lane[k] = g.clockLast;
            g.clockLast = i;
            break;
        }
        if (m_lane[k] != kNone)
            m_laneSuccessor[size_t(m_lane[k])] = i; // a lane is a chain: one next event
        addSuccessor(m_message[k], i);
        addSuccessor(m_reply[k], i);
    }
}

std::vector<qsizetype> CausalIndex::predecessors(qsizetype index) const
{
    std::vector<qsizetype> result;
    if (index < 0 || index >= size())
        return result;
    for (const std::int32_t p : {m_lane[size_t(index)], m_message[size_t(index)], m_reply[size_t(index)]}) {
        if (p != kNone)
            result.push_back(p);
    }
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

CausalIndex::Slice CausalIndex::slice(qsizetype index) const
{
    Slice s;
    if (index < 0 || index >= size())
        return s;
    s.event = index;
    s.marks.assign(size_t(size()), Unrelated);
    s.marks[size_t(index)] = Self;
    std::vector<std::int32_t> stack;
    // the past: back along the predecessors
    stack.push_back(std::int32_t(index));
    while (!stack.empty()) {
        const std::int32_t i = stack.back();
        stack.pop_back();
        for (const std::int32_t p : {m_lane[size_t(i)], m_message[size_t(i)], m_reply[size_t(i)]}) {
            if (p != kNone && s.marks[size_t(p)] == Unrelated) {
                s.marks[size_t(p)] = Past;
                ++s.past;
                stack.push_back(p);
            }
        }
    }
    // the future: forward along the successors
    stack.push_back(std::int32_t(index));
    while (!stack.empty()) {
        const std::int32_t i = stack.back();
        stack.pop_back();
        if (const std::int32_t q = m_laneSuccessor[size_t(i)]; q != kNone && s.marks[size_t(q)] == Unrelated) {
            s.marks[size_t(q)] = Future;
            ++s.future;
            stack.push_back(q);
        }
        for (std::int32_t k = m_firstSuccessor[size_t(i)]; k != kNone; k = m_nextSuccessor[size_t(k)]) {
            const std::int32_t q = m_successor[size_t(k)];
            if (s.marks[size_t(q)] == Unrelated) {
                s.marks[size_t(q)] = Future;
                ++s.future;
                stack.push_back(q);
            }
        }
    }
    return s;
}

qsizetype CausalIndex::extendSlice(Slice &slice) const
{
    if (slice.event < 0 || slice.event >= size() || slice.marks.size() >= size_t(size()))
        return 0;
    const size_t from = slice.marks.size();
    slice.marks.resize(size_t(size()), Unrelated);
    for (size_t k = from; k < slice.marks.size(); ++k) {
        for (const std::int32_t p : {m_lane[k], m_message[k], m_reply[k]}) {
            if (p != kNone && (slice.marks[size_t(p)] == Future || slice.marks[size_t(p)] == Self)) {
                slice.marks[k] = Future;
                ++slice.future;
                break;
            }
        }
    }
    return qsizetype(slice.marks.size() - from);
}

struct RoundFolder::Signer : RowSigner
{
};

std::vector<RoundFold> foldRounds(qsizetype count, const CausalIndex::EventAt &at, int maxPeriod, int minRepeats)
{
    RowSigner signer;
    std::vector<std::uint32_t> signatures;
    signatures.reserve(size_t(std::max<qsizetype>(count, 0)));
    signer.sign(0, count, at, signatures);
    return foldRounds(signatures, maxPeriod, minRepeats);
}

std::vector<RoundFold> foldRounds(const std::vector<std::uint32_t> &signatures, int maxPeriod, int minRepeats)
{
    std::vector<RoundFold> folds;
    const qsizetype n = qsizetype(signatures.size());
    minRepeats = std::max(minRepeats, 2);
    if (maxPeriod < 1 || n < 2)
        return folds;
    // The best fold starting at each row: the most rows covered, the shorter period on a tie.
    std::vector<std::int32_t> cover(size_t(n), 0);
    std::vector<std::int32_t> period(size_t(n), 0);
    for (qsizetype p = 1; p <= maxPeriod && p * minRepeats <= n; ++p) {
        qsizetype run = 0; // rows j, j+1, … equal to the row p further on
        for (qsizetype j = n - p - 1; j >= 0; --j) {
            run = signatures[size_t(j)] == signatures[size_t(j + p)] ? run + 1 : 0;
            if (run < p * (minRepeats - 1))
                continue;
            const qsizetype rows = (run / p + 1) * p;
            if (rows > cover[size_t(j)]) {
                cover[size_t(j)] = std::int32_t(rows);
                period[size_t(j)] = std::int32_t(p);
            }
        }
    }
    for (qsizetype i = 0; i < n;) {
        if (period[size_t(i)] > 0) {
            folds.push_back({i, period[size_t(i)], cover[size_t(i)] / period[size_t(i)]});
            i += cover[size_t(i)];
        } else {
            ++i;
        }
    }
    return folds;
}

RoundFolder::RoundFolder(int maxPeriod, int minRepeats)
    : m_maxPeriod(std::max(maxPeriod, 0))
    , m_minRepeats(std::max(minRepeats, 2))
    , m_signer(std::make_unique<Signer>())
    , m_trailing(size_t(m_maxPeriod), 0)
    , m_run(size_t(m_maxPeriod), 0)
    , m_runEnded(size_t(m_maxPeriod), 0)
{}

RoundFolder::~RoundFolder() = default;

qsizetype RoundFolder::append(qsizetype count, const CausalIndex::EventAt &at)
{
    const qsizetype oldSize = size();
    if (count <= oldSize)
        return oldSize;
    m_signatures.reserve(size_t(count));
    m_signer->sign(oldSize, count, at, m_signatures);
    return grow(oldSize);
}

qsizetype RoundFolder::append(const std::vector<std::uint32_t> &signatures)
{
    const qsizetype oldSize = size();
    if (signatures.empty())
        return oldSize;
    m_signatures.insert(m_signatures.end(), signatures.begin(), signatures.end());
    return grow(oldSize);
}

qsizetype RoundFolder::runAt(size_t p, bool *settled)
{
    // the rows repeating at block length p + 1 from m_settled on, counted on from where the
    // count stopped at the last row
    const size_t period = p + 1;
    const size_t n = m_signatures.size();
    while (!m_runEnded[p]) {
        const size_t k = size_t(m_settled + m_run[p]);
        if (k + period >= n)
            break;
        if (m_signatures[k] == m_signatures[k + period])
            ++m_run[p];
        else
            m_runEnded[p] = 1;
    }
    if (!m_runEnded[p])
        *settled = false;
    return m_run[p];
}

qsizetype RoundFolder::grow(qsizetype oldSize)
{
    const qsizetype firstChanged = m_settled;
    const qsizetype n = size();
    if (m_maxPeriod < 1)
        return firstChanged;
    // the repetitions up to the last row, per block length; a choice at a row before
    // `unsettled` sees every block length stop repeating before the end
    qsizetype unsettled = n;
    for (qsizetype p = 1; p <= m_maxPeriod; ++p) {
        qsizetype &run = m_trailing[size_t(p - 1)];
        for (qsizetype k = std::max<qsizetype>(oldSize - p, 0); k + p < n; ++k)
            run = m_signatures[size_t(k)] == m_signatures[size_t(k + p)] ? run + 1 : 0;
        unsettled = std::min(unsettled, std::max<qsizetype>(n - p - run, 0));
    }
    // The search's choice at a row: the block length whose repetitions cover the most rows (the
    // shorter one on a tie), as foldRounds() chooses.
    const auto choose = [this](bool *settled) {
        qsizetype cover = 0;
        qsizetype period = 0;
        for (qsizetype p = 1; p <= m_maxPeriod; ++p) {
            const qsizetype run = runAt(size_t(p - 1), settled);
            if (run < p * (m_minRepeats - 1))
                continue;
            const qsizetype rows = (run / p + 1) * p;
            if (rows > cover) {
                cover = rows;
                period = p;
            }
        }
        return std::pair(cover, period);
    };
    const auto moveTo = [this](qsizetype row) {
        m_settled = row;
        std::fill(m_run.begin(), m_run.end(), 0);
        std::fill(m_runEnded.begin(), m_runEnded.end(), 0);
    };
    // settle the choices before `unsettled`
    m_folds.resize(m_settledFolds);
    while (m_settled < unsettled && m_settled < n) {
        bool settled = true;
        const auto [cover, period] = choose(&settled);
        if (period > 0) {
            m_folds.push_back({m_settled, period, cover / period});
            ++m_settledFolds;
            moveTo(m_settled + cover);
        } else {
            moveTo(m_settled + 1);
        }
    }
    // the unsettled choice, then the few rows after its fold searched again
    if (m_settled < n) {
        bool settled = true;
        const auto [cover, period] = choose(&settled);
        qsizetype next = m_settled + 1;
        if (period > 0) {
            m_folds.push_back({m_settled, period, cover / period});
            next = m_settled + cover;
        }
        if (next < n) {
            const std::vector<std::uint32_t> rest(m_signatures.begin() + next, m_signatures.end());
            for (RoundFold f : foldRounds(rest, m_maxPeriod, m_minRepeats)) {
                f.first += next;
                m_folds.push_back(f);
            }
        }
    }
    return firstChanged;
}

} // namespace mas
