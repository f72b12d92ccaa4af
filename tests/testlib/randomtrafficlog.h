// SPDX-License-Identifier: MIT
#pragma once

// Random but well-formed event logs for the tests and benchmarks of trace/'s causal slice: agents
// in containers of their own (`local://rand-K/0`) send requests to each other, answer the ones
// delivered to them, and the network delivers, drops, duplicates and delays what is pending;
// connections open and close and the clock moves now and then. Header only.

#include <mas/trace/trafficlog.h>

#include <random>
#include <vector>

namespace mas::test {

struct RandomLogOptions
{
    int agents = 4;
    qsizetype events = 200;
    quint32 seed = 1;
    int methods = 3; ///< how many method names requests use
};

inline std::vector<TrafficEvent> randomTrafficLog(const RandomLogOptions &options)
{
    std::mt19937 rng(options.seed);
    const auto pick = [&rng](size_t n) { return size_t(std::uniform_int_distribution<size_t>(0, n - 1)(rng)); };
    const int agents = std::max(options.agents, 1);
    std::vector<QString> bases;
    std::vector<QString> urls;
    for (int k = 0; k < agents; ++k) {
        bases.push_back(QStringLiteral("local://rand-%1/").arg(k));
        urls.push_back(bases.back() + u'0');
    }
    std::vector<QString> paths;
    for (int m = 0; m < std::max(options.methods, 1); ++m)
        paths.push_back(QStringLiteral("agents/0/m%1").arg(m));

    std::vector<TrafficEvent> log;
    log.reserve(size_t(options.events));
    std::vector<TrafficEvent> pending;   // sent, not yet delivered or dropped (their Sent event)
    std::vector<TrafficEvent> toAnswer;  // requests delivered, not answered yet
    std::vector<qint64> nextRequestId(size_t(agents * agents), 0);
    quint64 nextMessage = 1;
    double time = 0;
    // takes item k out of v (the order of what is pending does not matter)
    const auto take = [](std::vector<TrafficEvent> &v, size_t k) {
        TrafficEvent e = std::move(v[k]);
        v[k] = std::move(v.back());
        v.pop_back();
        return e;
    };
    const auto add = [&log](TrafficEvent e) {
        e.sequence = quint64(log.size());
        log.push_back(std::move(e));
    };
    while (qsizetype(log.size()) < options.events) {
        const size_t roll = pick(100);
        TrafficEvent e;
        e.simTime = time;
        if (roll < 30 || pending.empty()) { // a request
            const size_t a = pick(size_t(agents));
            const size_t b = pick(size_t(agents));
            e.kind = TrafficEvent::Kind::Sent;
            e.messageId = nextMessage++;
            e.connection = quint64(a * size_t(agents) + b + 1);
            e.from = urls[a];
            e.to = urls[b];
            e.type = MessageType::Request;
            e.requestId = nextRequestId[a * size_t(agents) + b]++;
            e.path = paths[pick(paths.size())];
            e.content = Value(Value::List{Value(e.path), Value(Value::List{Value(qint64(pick(3)))}), Value::map({})});
            e.size = 40;
            pending.push_back(e);
            add(std::move(e));
        } else if (roll < 45 && !toAnswer.empty()) { // a reply to a delivered request
            const size_t k = pick(toAnswer.size());
            const TrafficEvent request = take(toAnswer, k);
            e.kind = TrafficEvent::Kind::Sent;
            e.messageId = nextMessage++;
            e.connection = request.connection;
            e.from = request.to;
            e.to = request.from;
            e.type = MessageType::Result;
            e.requestId = request.requestId;
            e.path = request.path;
            e.content = Value(qint64(pick(2)));
            e.size = 20;
            pending.push_back(e);
            add(std::move(e));
        } else if (roll < 75) { // deliver
            const size_t k = pick(pending.size());
            e = take(pending, k);
            e.kind = TrafficEvent::Kind::Delivered;
            e.simTime = time;
            if (e.type == MessageType::Request)
                toAnswer.push_back(e);
            add(std::move(e));
        } else if (roll < 80) { // drop
            const size_t k = pick(pending.size());
            e = take(pending, k);
            e.kind = TrafficEvent::Kind::Dropped;
            e.simTime = time;
            add(std::move(e));
        } else if (roll < 85) { // duplicate: the copy is pending too
            const TrafficEvent original = pending[pick(pending.size())];
            e = original;
            e.kind = TrafficEvent::Kind::Duplicated;
            e.originalId = original.messageId;
            e.messageId = nextMessage++;
            e.simTime = time;
            TrafficEvent copy = e;
            copy.kind = TrafficEvent::Kind::Sent;
            copy.originalId = 0;
            pending.push_back(copy);
            add(std::move(e));
        } else if (roll < 90) { // delay
            e = pending[pick(pending.size())];
            e.kind = TrafficEvent::Kind::Delayed;
            e.positions = qint64(pick(3) + 1);
            e.simTime = time;
            add(std::move(e));
        } else if (roll < 95) { // the clock moves
            time += 0.1;
            e.kind = TrafficEvent::Kind::ClockChanged;
            e.simTime = time;
            add(std::move(e));
        } else { // a connection opens or closes
            const size_t a = pick(size_t(agents));
            const size_t b = pick(size_t(agents));
            e.kind = pick(2) ? TrafficEvent::Kind::Connected : TrafficEvent::Kind::Closed;
            e.connection = quint64(a * size_t(agents) + b + 1);
            e.from = urls[a];
            e.to = urls[b];
            add(std::move(e));
        }
    }
    return log;
}

} // namespace mas::test
