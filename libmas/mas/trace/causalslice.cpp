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
    QStringView end; // the request's receiver, the reply's sender
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

/// Small integers for the strings of a log.
class Interner
{
public:
    int id(QStringView text)
    {
        const auto it = m_ids.constFind(text);
        if (it != m_ids.constEnd())
            return *it;
        const int id = int(m_ids.size());
        m_ids.insert(text, id);
        return id;
    }

private:
    QHash<QStringView, int> m_ids;
};

/// Lane and method ids of a log's addresses and paths, looked up first by the string's storage:
/// a store's strings are shared (one copy of each address), so most lookups hash a pointer, not
/// the text.
class StringIds
{
public:
    template<class F>
    int id(const QString &text, F &&viewOf)
    {
        const Key key{text.constData(), text.size()};
        const auto it = m_byData.constFind(key);
        if (it != m_byData.constEnd())
            return *it;
        const int id = m_ids.id(viewOf(QStringView(text)));
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
    Interner m_ids;
    QHash<Key, int> m_byData;
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

CausalIndex CausalIndex::build(const std::vector<TrafficEvent> &events)
{
    return build(qsizetype(events.size()), [&events](qsizetype i) -> const TrafficEvent & { return events[size_t(i)]; });
}

CausalIndex CausalIndex::build(qsizetype count, const EventAt &at)
{
    CausalIndex index;
    const size_t n = size_t(std::max<qsizetype>(count, 0));
    index.m_lane.assign(n, kNone);
    index.m_message.assign(n, kNone);
    index.m_reply.assign(n, kNone);

    StringIds lanes;
    std::vector<std::int32_t> laneLast; // the last event of each lane
    std::int32_t clockLast = kNone;
    QHash<quint64, std::int32_t> tail;             // a message's last event
    QHash<ReplyKey, std::int32_t> deliveries;      // a request's last delivery
    const auto inLane = [&](std::int32_t i, const QString &address) {
        const int lane = lanes.id(address, &CausalIndex::laneOf);
        if (size_t(lane) >= laneLast.size())
            laneLast.resize(size_t(lane) + 1, kNone);
        index.m_lane[size_t(i)] = laneLast[size_t(lane)];
        laneLast[size_t(lane)] = i;
    };
    for (size_t k = 0; k < n; ++k) {
        const auto i = std::int32_t(k);
        const TrafficEvent &e = at(qsizetype(k));
        switch (e.kind) {
        case Kind::Sent:
            inLane(i, e.from);
            tail.insert(e.messageId, i);
            if (e.type != MessageType::Request && e.requestId >= 0) {
                const auto it = deliveries.constFind(ReplyKey{e.connection, e.requestId, e.from});
                if (it != deliveries.constEnd() && *it != index.m_lane[k])
                    index.m_reply[k] = *it;
            }
            break;
        case Kind::Delivered:
            inLane(i, e.to);
            [[fallthrough]];
        case Kind::Dropped:
        case Kind::Delayed: {
            const auto it = tail.find(e.messageId);
            if (it != tail.end()) {
                if (*it != index.m_lane[k])
                    index.m_message[k] = *it;
                *it = i;
            } else {
                tail.insert(e.messageId, i);
            }
            if (e.kind == Kind::Delivered && e.type == MessageType::Request && e.requestId >= 0)
                deliveries.insert(ReplyKey{e.connection, e.requestId, e.to}, i);
            break;
        }
        case Kind::Duplicated: {
            const auto it = tail.constFind(e.originalId);
            if (it != tail.constEnd())
                index.m_message[k] = *it;
            tail.insert(e.messageId, i);
            break;
        }
        case Kind::Connected:
        case Kind::Closed:
            inLane(i, e.from);
            break;
        case Kind::ClockChanged:
            index.m_lane[k] = clockLast;
            clockLast = i;
            break;
        }
    }

    // successors, from the predecessors
    index.m_firstSuccessor.assign(n + 1, 0);
    for (const auto *slots : {&index.m_lane, &index.m_message, &index.m_reply}) {
        for (const std::int32_t p : *slots) {
            if (p != kNone)
                ++index.m_firstSuccessor[size_t(p) + 1];
        }
    }
    for (size_t k = 0; k < n; ++k)
        index.m_firstSuccessor[k + 1] += index.m_firstSuccessor[k];
    index.m_successors.resize(size_t(index.m_firstSuccessor[n]));
    std::vector<std::int32_t> fill(index.m_firstSuccessor.begin(), index.m_firstSuccessor.end() - 1);
    for (size_t k = 0; k < n; ++k) {
        for (const std::int32_t p : {index.m_lane[k], index.m_message[k], index.m_reply[k]}) {
            if (p != kNone)
                index.m_successors[size_t(fill[size_t(p)]++)] = std::int32_t(k);
        }
    }
    return index;
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
        for (std::int32_t k = m_firstSuccessor[size_t(i)]; k < m_firstSuccessor[size_t(i) + 1]; ++k) {
            const std::int32_t q = m_successors[size_t(k)];
            if (s.marks[size_t(q)] == Unrelated) {
                s.marks[size_t(q)] = Future;
                ++s.future;
                stack.push_back(q);
            }
        }
    }
    return s;
}

std::vector<RoundFold> foldRounds(qsizetype count, const CausalIndex::EventAt &at, int maxPeriod, int minRepeats)
{
    StringIds lanes;
    StringIds methods;
    QHash<Signature, std::uint32_t> ids;
    std::vector<std::uint32_t> signatures(size_t(std::max<qsizetype>(count, 0)));
    for (size_t k = 0; k < signatures.size(); ++k) {
        const TrafficEvent &e = at(qsizetype(k));
        const Signature s{int(e.kind), int(e.type), lanes.id(e.from, &CausalIndex::laneOf), lanes.id(e.to, &CausalIndex::laneOf),
                          methods.id(e.path, &methodView)};
        const auto it = ids.constFind(s);
        if (it != ids.constEnd()) {
            signatures[k] = *it;
        } else {
            const auto id = std::uint32_t(ids.size());
            ids.insert(s, id);
            signatures[k] = id;
        }
    }
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

} // namespace mas
