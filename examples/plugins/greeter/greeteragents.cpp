// SPDX-License-Identifier: MIT
#include "greeteragents.h"

namespace greeter {

// ---- Greeter ----

Greeter::Greeter(mas::Container *container, const QString &greeting)
    : Agent(container)
    , m_greeting(greeting)
{
    router().expose(QStringLiteral("greet"), this, &Greeter::greet, {QStringLiteral("name")});
    router().expose(QStringLiteral("greeting"), this, &Greeter::greeting);
}

QString Greeter::greet(const QString &name) const
{
    return m_greeting + QStringLiteral(", ") + name + u'!';
}

// ---- Counter ----

Counter::Counter(mas::Container *container, qint64 start)
    : Agent(container)
    , m_value(start)
{
    // increment(by=1): a default argument, so it is bound by hand rather than with expose().
    router().exposeHandler(QStringLiteral("increment"),
                           [this](mas::rpc::RpcClient *, const mas::Value::List &args,
                                  const mas::Value::Map &kwargs) -> mas::rpc::HandlerResult {
                               const QString function = QStringLiteral("increment");
                               const QStringList names{QStringLiteral("by")};
                               if (mas::Result<void> shape =
                                       mas::checkArguments(function, args, kwargs, names, 0);
                                   !shape)
                                   return mas::Result<mas::Value>(shape.error());
                               mas::Result<qint64> by =
                                   mas::argumentAt<qint64>(function, args, kwargs, 0, names[0], 1);
                               if (!by)
                                   return mas::Result<mas::Value>(by.error());
                               mas::Result<qint64> now = increment(*by);
                               if (!now)
                                   return mas::Result<mas::Value>(now.error());
                               return mas::Result<mas::Value>(mas::Value(*now));
                           });
    router().expose(QStringLiteral("value"), this, &Counter::value);
}

mas::Result<qint64> Counter::increment(qint64 by)
{
    qint64 sum = 0;
    if (__builtin_add_overflow(m_value, by, &sum))
        return mas::Error(mas::ErrorCode::InvalidArgument,
                          QStringLiteral("increment(%1) would take the counter (%2) beyond 64 bits")
                              .arg(by)
                              .arg(m_value));
    m_value = sum;
    return m_value;
}

// ---- the agent types ----

namespace {

mas::Result<mas::Agent *> createGreeter(mas::Container *container,
                                        const mas::Value::List &args,
                                        const mas::Value::Map &kwargs)
{
    // aiomas would call Greeter(container, *args, **kwargs).
    const QString function = QStringLiteral("Greeter");
    const QStringList names{QStringLiteral("greeting")};
    MAS_TRY_VOID(mas::checkArguments(function, args, kwargs, names, 0));
    MAS_TRY(greeting,
            mas::argumentAt<QString>(function, args, kwargs, 0, names[0], QStringLiteral("Hello")));
    return new Greeter(container, greeting);
}

mas::Result<mas::Agent *> createCounter(mas::Container *container,
                                        const mas::Value::List &args,
                                        const mas::Value::Map &kwargs)
{
    const QString function = QStringLiteral("Counter");
    const QStringList names{QStringLiteral("start")};
    MAS_TRY_VOID(mas::checkArguments(function, args, kwargs, names, 0));
    MAS_TRY(start, mas::argumentAt<qint64>(function, args, kwargs, 0, names[0], 0));
    return new Counter(container, start);
}

} // namespace

QList<mas::AgentType> agentTypes()
{
    QList<mas::AgentType> types;
    types.append({QStringLiteral("greeter.agents:Greeter"),
                  QStringLiteral("Says hello: greet(name) returns \"<greeting>, <name>!\"."),
                  QStringLiteral("(greeting='Hello')"), &createGreeter});
    types.append(
        {QStringLiteral("greeter.agents:Counter"),
         QStringLiteral("Counts: increment(by=1) adds to the value and returns it, value() "
                        "reads it."),
         QStringLiteral("(start=0)"), &createCounter});
    return types;
}

} // namespace greeter
