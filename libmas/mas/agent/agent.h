// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/rpc/router.h>
#include <mas/rpc/rpcclient.h>

#include <QObject>

#include <QCoro/QCoroTask>

#include <chrono>
#include <optional>
#include <type_traits>

namespace mas {

class Clock;
class Container;

/// An agent: an object with an address that other agents call (aiomas's `Agent`).
///
/// \code
/// class Greeter : public mas::Agent
/// {
/// public:
///     explicit Greeter(mas::Container *c) : Agent(c)
///     {
///         router().expose("hello", this, &Greeter::hello, {"name"});
///     }
///     QString hello(const QString &name) { return "Hello, " + name + "!"; }
/// };
/// auto *greeter = new Greeter(container);      // aid "0", address tcp://…/0
/// \endcode
/// Constructing an agent registers it with its container, which becomes its QObject parent and
/// gives it the next id ("0", "1", … never reused). Its methods are reached at the path
/// `agents/<aid>/<method>`; passing the agent (or returning it) to a peer sends a proxy.
/// Removing an agent from a running container is allowed: delete it (deleteLater() from its own
/// handlers) or call Container::removeAgent(); later calls to it fail with a clear error.
/// Agents live in their container's thread.
class MAS_EXPORT Agent : public QObject
{
    Q_OBJECT

public:
    explicit Agent(Container *container);
    ~Agent() override;

    /// The id in the container: "0", "1", …
    QString aid() const;
    /// The agent's URL: the container's base address plus the id (`tcp://127.0.0.1:5555/0`).
    QString address() const;
    Container *container() const { return m_container; }
    /// The container's clock.
    Clock *clock() const;
    /// The router for the agent's exposed methods (same registration as RPC services).
    rpc::Router &router() { return m_router; }
    const rpc::Router &router() const { return m_router; }

    /// The class name reported by `validate_aid` and toString(): the C++ class without its
    /// namespaces ("Greeter").
    virtual QString typeName() const;
    /// `Greeter('tcp://127.0.0.1:5555/0')`, as aiomas prints agents.
    QString toString() const;

    /// Connects to another agent through this agent's container (Container::connect(); see there
    /// for `timeout`). Named connectTo so that QObject::connect stays usable in agent classes.
    QCoro::Task<Result<rpc::Proxy>> connectTo(QString url,
                                              std::optional<std::chrono::milliseconds> timeout = std::chrono::milliseconds(0));
    /// Deprecated: use connectTo() (this name hid QObject::connect in every agent class).
    [[deprecated("use Agent::connectTo()")]] QCoro::Task<Result<rpc::Proxy>>
    connect(QString url, std::optional<std::chrono::milliseconds> timeout = std::chrono::milliseconds(0))
    {
        return connectTo(std::move(url), timeout);
    }
    using QObject::connect;

private:
    friend class Container;
    friend class ContainerPrivate;
    Container *m_container = nullptr;
    quint64 m_number = 0;
    rpc::Router m_router;
};

/// Agents travel as proxies (`{"__type__": [1, "agents/N"]}` in a container with no extra
/// serializers): a pointer to an agent converts to its router, which the RPC layer's proxy
/// serializer sends as its path. The receiver gets an rpc::Proxy.
template<class T>
struct ValueConverter<T *, std::enable_if_t<std::is_base_of_v<Agent, T>>>
{
    static Value toValue(T *agent)
    {
        return agent ? Value::custom<rpc::Router *>(&static_cast<Agent *>(agent)->router()) : Value();
    }
    static Result<T *> fromValue(const Value &v)
    {
        return detail::typeMismatch(v, "a local agent (remote agents arrive as mas::rpc::Proxy)");
    }
};

} // namespace mas
