// SPDX-License-Identifier: MIT
#pragma once

#include <mas/agent/agent.h>
#include <mas/agent/agentregistry.h>

#include <QList>
#include <QString>

namespace greeter {

/// Says hello: `greet(name)` returns "<greeting>, <name>!".
class Greeter : public mas::Agent
{
public:
    Greeter(mas::Container *container, const QString &greeting);

    QString greeting() const { return m_greeting; }
    QString greet(const QString &name) const;

private:
    QString m_greeting;
};

/// Counts: `increment(by=1)` adds to the value and returns the new value, `value()` reads it.
class Counter : public mas::Agent
{
public:
    Counter(mas::Container *container, qint64 start);

    qint64 value() const { return m_value; }
    /// The new value, or a ValueError (`InvalidArgument`) when it would not fit in 64 bits:
    /// the counter is left as it was, never wrapped.
    mas::Result<qint64> increment(qint64 by);

private:
    qint64 m_value;
};

/// The plug-in's agent types: "greeter.agents:Greeter" with `(greeting='Hello')` and
/// "greeter.agents:Counter" with `(start=0)`. Their factories check the arguments as Python
/// would bind them and answer bad ones with a TypeError text.
QList<mas::AgentType> agentTypes();

} // namespace greeter
