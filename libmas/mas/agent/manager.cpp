// SPDX-License-Identifier: MIT
#include "manager.h"

#include "agentregistry.h"
#include "container.h"
#include "mas/core/logging_p.h"

#include <mas/channel/request.h>
#include <mas/clock/clock.h>

#include <QMetaObject>

#include <algorithm>
#include <exception>

namespace mas {

namespace {

bool isNumber(const Value &v)
{
    return v.isInteger() || v.isDouble() || v.type() == Value::Type::BigInt;
}

/// The failure a Python Manager sends when its container has no ExternalClock: its clock
/// object (an AsyncioClock) simply has no set_time attribute.
Error noExternalClockFailure()
{
    return Error::remote(QString(),
                         formatFailure(QStringLiteral("AttributeError"),
                                       QStringLiteral("'AsyncioClock' object has no attribute 'set_time'"),
                                       QStringLiteral("in Manager.set_time")));
}

} // namespace

Manager::Manager(Container *container, AgentRegistry *registry)
    : Agent(container)
    , m_registry(registry ? registry : &AgentRegistry::global())
{
    if (aid() != u"0")
        qCWarning(lcAgent).noquote() << "Manager created as agent" << aid() << "of" << container->toString()
                                     << "- parents expect it to be agent 0";

    // spawn(qualname, *args, **kwargs): variadic, so a hand-written handler.
    router().exposeHandler(
        QStringLiteral("spawn"),
        [this](rpc::RpcClient *, const Value::List &args, const Value::Map &kwargs) -> rpc::HandlerResult {
            Value::List rest = args;
            Value::Map keywords = kwargs;
            Value name;
            if (!rest.empty()) {
                name = rest.front();
                rest.erase(rest.begin());
            } else {
                const auto it = std::find_if(keywords.begin(), keywords.end(), [](const Value::Entry &e) {
                    return e.first.isString() && e.first.stringRef() == u"qualname";
                });
                if (it == keywords.end())
                    return Result<Value>(rpc::detail::missingArgumentError(QStringLiteral("spawn"), QStringLiteral("qualname")));
                name = it->second;
                keywords.erase(it);
            }
            if (!name.isString())
                return Result<Value>(Error(ErrorCode::TypeMismatch,
                                           QStringLiteral("spawn() argument 'qualname' must be str, not %1")
                                               .arg(name.typeName())));
            // A plug-in's factory may throw: that becomes the caller's remote error.
            const Result<Agent *> agent = [&]() -> Result<Agent *> {
                try {
                    return spawn(name.toString(), rest, keywords);
                } catch (const std::exception &e) {
                    return rpc::detail::exceptionError(e);
                } catch (...) {
                    return rpc::detail::unknownExceptionError();
                }
            }();
            if (!agent)
                return Result<Value>(agent.error());
            Value::List reply;
            reply.push_back(Value::from(*agent)); // a proxy on the wire
            reply.push_back(Value((*agent)->address()));
            return Result<Value>(Value(std::move(reply)));
        });

    router().expose(
        QStringLiteral("set_time"),
        [this](const Value &time) -> Result<void> {
            if (!qobject_cast<ExternalClock *>(clock()))
                return noExternalClockFailure();
            return setTime(time);
        },
        {QStringLiteral("time")});

    router().expose(QStringLiteral("stop"), [this] { stop(); });
}

Manager::~Manager() = default;

QString Manager::typeName() const
{
    return QStringLiteral("Manager");
}

AgentRegistry *Manager::registry() const
{
    return m_registry;
}

Result<Agent *> Manager::spawn(const QString &qualname, const Value::List &args, const Value::Map &kwargs)
{
    Result<Agent *> agent = m_registry->create(qualname, container(), args, kwargs);
    if (!agent) {
        qCDebug(lcAgent).noquote() << "spawn" << qualname << "failed:" << agent.error().message();
        return agent;
    }
    if (!*agent)
        return Error(ErrorCode::AiomasError, mas::tr("The factory of \"%1\" returned no agent").arg(qualname));
    if ((*agent)->container() != container()) {
        Agent *stray = *agent;
        stray->deleteLater();
        return Error(ErrorCode::AiomasError,
                     mas::tr("The factory of \"%1\" created its agent in another container").arg(qualname));
    }
    qCDebug(lcAgent).noquote() << "spawned" << (*agent)->toString();
    Q_EMIT agentSpawned(*agent);
    return agent;
}

Result<void> Manager::setTime(const Value &time)
{
    auto *external = qobject_cast<ExternalClock *>(clock());
    if (!external)
        return Error(ErrorCode::InvalidArgument,
                     mas::tr("set_time() needs an external clock, but %1 runs on a %2")
                         .arg(container()->toString(),
                              clock() ? QString::fromLatin1(clock()->metaObject()->className()) : QStringLiteral("no clock")));
    if (const CustomObject *object = time.object()) {
        if (const QDateTime *date = object->as<QDateTime>())
            return external->setTime(ClockTime(*date));
    }
    if (!isNumber(time))
        return Error(ErrorCode::TypeMismatch,
                     QStringLiteral("set_time() argument 'time' must be a number or a date, not %1").arg(time.typeName()));
    return external->setTime(ClockTime(time.toDouble()));
}

void Manager::stop()
{
    if (m_stopRequested)
        return;
    m_stopRequested = true;
    // Queued: the reply to the stop() call is written before anyone shuts the container down.
    QMetaObject::invokeMethod(this, [this] { Q_EMIT stopRequested(); }, Qt::QueuedConnection);
}

} // namespace mas
