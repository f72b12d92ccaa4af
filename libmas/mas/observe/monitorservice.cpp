// SPDX-License-Identifier: MIT
#include "monitorservice.h"

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/core/completion_p.h>
#include <mas/observe/trafficmonitor.h>
#include <mas/rpc/invoke.h>
#include <mas/rpc/router.h>

#include <QPointer>
#include <QTimer>

#include <vector>

namespace mas {

class MonitorServicePrivate
{
public:
    QPointer<Container> container;
    MonitorOptions options;
    TrafficMonitor *monitor = nullptr;
    rpc::Router router;
    // Long polls waiting for the next event: completed with true on an event, false on time-out.
    std::vector<detail::Completion<bool>> waiters;

    Value info() const;
    Value batch(quint64 since, qsizetype max) const;
    QCoro::Task<Result<Value>> events(MonitorService *q, quint64 since, qsizetype max, double wait);
};

Value MonitorServicePrivate::info() const
{
    Value::List agents;
    if (container) {
        for (Agent *agent : container->agents()) {
            agents.push_back(Value::map({{"aid", agent->aid()},
                                         {"type", agent->typeName()},
                                         {"url", agent->address()}}));
        }
    }
    Value::Map result;
    result.emplace_back(Value("container"), Value(container ? container->baseAddress() : QString()));
    result.emplace_back(Value("codec"), Value(container ? container->options().codec : QString()));
    result.emplace_back(Value("time"), Value(container && container->clock() ? container->clock()->time() : 0.0));
    result.emplace_back(Value("agents"), Value(std::move(agents)));
    result.emplace_back(Value("first"), Value(qint64(monitor->firstSequence())));
    result.emplace_back(Value("next"), Value(qint64(monitor->nextSequence())));
    return Value(std::move(result));
}

Value MonitorServicePrivate::batch(quint64 since, qsizetype max) const
{
    Value::List lines;
    for (const TrafficEvent &e : monitor->eventsSince(since, qBound<qsizetype>(1, max, options.maxBatch)))
        lines.push_back(Value(QString::fromUtf8(e.toJson())));
    Value::Map result;
    result.emplace_back(Value("first"), Value(qint64(monitor->firstSequence())));
    result.emplace_back(Value("next"), Value(qint64(monitor->nextSequence())));
    result.emplace_back(Value("events"), Value(std::move(lines)));
    return Value(std::move(result));
}

QCoro::Task<Result<Value>> MonitorServicePrivate::events(MonitorService *q, quint64 since, qsizetype max, double wait)
{
    QPointer<MonitorService> self(q);
    if (monitor->nextSequence() <= since && wait > 0) {
        const auto limit = std::min(std::chrono::milliseconds(qint64(wait * 1000)), options.maxWait);
        detail::Completion<bool> waiter;
        waiters.push_back(waiter);
        QTimer::singleShot(limit, q, [waiter]() mutable { waiter.complete(false); });
        co_await waiter;
        if (!self)
            co_return Result<Value>(Error(ErrorCode::Cancelled, MonitorService::tr("The monitor was removed")));
    }
    Result<Value> result = batch(since, max);
    co_return result;
}

QString MonitorService::path()
{
    return QStringLiteral("_monitor");
}

MonitorService::MonitorService(Container *container, const MonitorOptions &options)
    : QObject(container)
    , d(std::make_unique<MonitorServicePrivate>())
{
    d->container = container;
    d->options = options;
    d->monitor = new TrafficMonitor(this);
    d->monitor->setMaxEvents(options.maxEvents);
    d->monitor->ignorePathPrefix(path() + u'/');
    d->monitor->watch(container);
    connect(d->monitor, &TrafficMonitor::eventRecorded, this, [this] {
        std::vector<detail::Completion<bool>> waiters = std::move(d->waiters);
        d->waiters.clear();
        for (auto &waiter : waiters)
            waiter.complete(true);
    });

    d->router.setServiceName(QStringLiteral("Monitor"));
    d->router.expose(QStringLiteral("info"), [this]() -> Value { return d->info(); });
    d->router.exposeHandler(
        QStringLiteral("events"),
        [this](rpc::RpcClient *, const Value::List &args, const Value::Map &kwargs) -> rpc::HandlerResult {
            // events(since, max=1000, wait=0), as a Python signature with defaults.
            const QStringList names{QStringLiteral("since"), QStringLiteral("max"), QStringLiteral("wait")};
            const Value *since = rpc::detail::argumentAt(0, args, kwargs, names);
            const Value *max = rpc::detail::argumentAt(1, args, kwargs, names);
            const Value *wait = rpc::detail::argumentAt(2, args, kwargs, names);
            if (args.size() > 3)
                return Result<Value>(rpc::detail::arityError(QStringLiteral("events"), 1, 3, qsizetype(args.size())));
            if (!since)
                return Result<Value>(rpc::detail::missingArgumentError(QStringLiteral("events"), names[0]));
            if (since->type() != Value::Type::Int || (max && max->type() != Value::Type::Int) || (wait && !wait->isInteger() && !wait->isDouble()))
                return Result<Value>(Error(ErrorCode::TypeMismatch,
                                           tr("TypeError: events() takes an integer since and max and a number wait")));
            return d->events(this, quint64(qMax<qint64>(0, since->toInt())), max ? max->toInt() : 1000,
                             wait ? wait->toDouble() : 0.0);
        });
    container->router().addRouter(path(), &d->router);
}

MonitorService::~MonitorService()
{
    if (d->container)
        d->container->router().remove(path());
    // Wake the long polls: they return an empty answer (their connection is closing anyway).
    for (auto &waiter : d->waiters)
        waiter.complete(false);
}

TrafficMonitor *MonitorService::monitor() const
{
    return d->monitor;
}

} // namespace mas
