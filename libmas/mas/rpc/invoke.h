// SPDX-License-Identifier: MIT
#pragma once

// Turns C++ callables into RPC handlers: converts wire arguments to the parameter types,
// maps keyword arguments by the names given at registration, and turns results, Result<T>,
// QCoro tasks and exceptions into a Result<Value>. Internal to the RPC layer's templates.

#include <mas/core/value.h>

#include <QCoro/QCoroTask>

#include <exception>
#include <functional>
#include <memory>
#include <tuple>
#include <type_traits>
#include <variant>

namespace mas::rpc {

class RpcClient;

/// What a handler produced: a value at once, or a task that produces it later.
using HandlerResult = std::variant<Result<Value>, QCoro::Task<Result<Value>>>;
/// A registered method: called with the connection the call came in on, the positional
/// arguments and the keyword arguments (text keys).
using Handler = std::function<HandlerResult(RpcClient *caller, const Value::List &args, const Value::Map &kwargs)>;
/// A member function registered for a whole class (one per class, not per object; see
/// Router::expose()): called with the object, then as a Handler.
using MemberHandler =
    std::function<HandlerResult(void *object, RpcClient *caller, const Value::List &args, const Value::Map &kwargs)>;

/// A method found by Router::find(): a Handler, or a class's MemberHandler with its object.
class Method
{
public:
    Method() = default;
    explicit Method(const Handler *handler)
        : m_handler(handler)
    {}
    Method(const MemberHandler *member, void *object)
        : m_member(member)
        , m_object(object)
    {}
    HandlerResult operator()(RpcClient *caller, const Value::List &args, const Value::Map &kwargs) const
    {
        return m_handler ? (*m_handler)(caller, args, kwargs) : (*m_member)(m_object, caller, args, kwargs);
    }
    /// The Handler, or null for a member function (Router::resolve() binds one on demand).
    const Handler *handler() const { return m_handler; }

private:
    const Handler *m_handler = nullptr;
    const MemberHandler *m_member = nullptr;
    void *m_object = nullptr;
};

namespace detail {

template<class T>
struct IsTask : std::false_type
{};
template<class T>
struct IsTask<QCoro::Task<T>> : std::true_type
{
    using type = T;
};

template<class T>
struct IsResult : std::false_type
{};
template<class T>
struct IsResult<Result<T>> : std::true_type
{
    using type = T;
};

/// Python-shaped failure for a handler's exception: "<type>: <what>".
MAS_EXPORT Error exceptionError(const std::exception &e);
MAS_EXPORT Error unknownExceptionError();
/// TypeError texts as Python words them.
MAS_EXPORT Error arityError(const QString &name, int required, int total, qsizetype given);
MAS_EXPORT Error missingArgumentError(const QString &name, const QString &argument);
MAS_EXPORT Error unexpectedKeywordError(const QString &name, const QString &keyword);
MAS_EXPORT Error duplicateArgumentError(const QString &name, const QString &argument);
MAS_EXPORT Error argumentTypeError(const QString &name, const QString &argument, const Error &inner);

/// Converts whatever a handler returned into a Result<Value>.
template<class R>
Result<Value> toResult(R &&r)
{
    using D = std::remove_cvref_t<R>;
    if constexpr (IsResult<D>::value) {
        if constexpr (std::is_void_v<typename IsResult<D>::type>) {
            if (!r)
                return r.error();
            return Value();
        } else {
            if (!r)
                return r.error();
            return Value::from(*r);
        }
    } else {
        return Value::from(r);
    }
}

template<class R>
QCoro::Task<Result<Value>> awaitTask(QCoro::Task<R> task, std::shared_ptr<void> keepAlive = {})
{
    // keepAlive holds the converted arguments while the task runs, so that a coroutine
    // handler may take `const T &` parameters safely.
    (void)keepAlive;
    try {
        if constexpr (std::is_void_v<R>) {
            co_await task;
            co_return Value();
        } else {
            co_return toResult(co_await task);
        }
    } catch (const std::exception &e) {
        co_return exceptionError(e);
    } catch (...) {
        co_return unknownExceptionError();
    }
}

template<class R>
HandlerResult wrapReturn(R &&r)
{
    using D = std::remove_cvref_t<R>;
    if constexpr (IsTask<D>::value)
        return HandlerResult(awaitTask(std::move(r)));
    else
        return HandlerResult(toResult(std::forward<R>(r)));
}

/// Picks the wire value for parameter `index`: positional, else keyword by its name.
inline const Value *argumentAt(std::size_t index,
                               const Value::List &args,
                               const Value::Map &kwargs,
                               const QStringList &names)
{
    if (index < args.size())
        return &args[index];
    if (qsizetype(index) < names.size()) {
        for (const auto &[key, value] : kwargs) {
            if (key.isString() && key.stringRef() == names[qsizetype(index)])
                return &value;
        }
    }
    return nullptr;
}

template<class F, class... Args, std::size_t... I>
HandlerResult invokeWith(const F &f,
                         const QString &name,
                         const QStringList &names,
                         const Value::List &args,
                         const Value::Map &kwargs,
                         std::index_sequence<I...>)
{
    constexpr int total = int(sizeof...(Args));
    if (args.size() > std::size_t(total))
        return Result<Value>(arityError(name, total, total, qsizetype(args.size())));
    for (const auto &[key, value] : kwargs) {
        const qsizetype at = key.isString() ? names.indexOf(key.stringRef()) : -1;
        if (at < 0 || at >= total)
            return Result<Value>(unexpectedKeywordError(name, key.isString() ? key.toString() : key.toDisplayString(40)));
        if (std::size_t(at) < args.size())
            return Result<Value>(duplicateArgumentError(name, names[at]));
    }
    const Value *wire[] = {argumentAt(I, args, kwargs, names)..., nullptr};
    for (int i = 0; i < total; ++i) {
        if (!wire[i]) {
            const QString argName = i < names.size() ? names[i] : QStringLiteral("#%1").arg(i + 1);
            return Result<Value>(missingArgumentError(name, argName));
        }
    }
    std::tuple<Result<std::remove_cvref_t<Args>>...> converted{
        wire[I]->template to<std::remove_cvref_t<Args>>()...};
    Error firstError;
    ((firstError.isError() || std::get<I>(converted)
          ? void()
          : void(firstError = argumentTypeError(
                     name,
                     I < std::size_t(names.size()) ? names[qsizetype(I)] : QStringLiteral("#%1").arg(I + 1),
                     std::get<I>(converted).error()))),
     ...);
    if (firstError.isError())
        return Result<Value>(firstError);
    try {
        using R = std::invoke_result_t<const F &, Args...>;
        if constexpr (IsTask<std::remove_cvref_t<R>>::value) {
            // A coroutine keeps references to its parameters: the arguments must outlive it.
            auto kept = std::make_shared<decltype(converted)>(std::move(converted));
            return HandlerResult(awaitTask(std::invoke(f, std::move(*std::get<I>(*kept))...), kept));
        } else if constexpr (std::is_void_v<R>) {
            std::invoke(f, std::move(*std::get<I>(converted))...);
            return Result<Value>(Value());
        } else {
            return wrapReturn(std::invoke(f, std::move(*std::get<I>(converted))...));
        }
    } catch (const std::exception &e) {
        return Result<Value>(exceptionError(e));
    } catch (...) {
        return Result<Value>(unknownExceptionError());
    }
}

template<class T>
struct Signature : Signature<decltype(&T::operator())>
{};
template<class R, class... A>
struct Signature<R (*)(A...)>
{
    using Args = std::tuple<A...>;
};
template<class R, class... A>
struct Signature<R(A...)>
{
    using Args = std::tuple<A...>;
};
template<class C, class R, class... A>
struct Signature<R (C::*)(A...) const>
{
    using Args = std::tuple<A...>;
};
template<class C, class R, class... A>
struct Signature<R (C::*)(A...)>
{
    using Args = std::tuple<A...>;
};

template<class F, class Tuple>
struct Binder;
template<class F, class... Args>
struct Binder<F, std::tuple<Args...>>
{
    static HandlerResult call(const F &f, RpcClient *, const QString &name, const QStringList &names,
                              const Value::List &args, const Value::Map &kwargs)
    {
        return invokeWith<F, Args...>(f, name, names, args, kwargs, std::index_sequence_for<Args...>());
    }
    static Handler make(F f, QString name, QStringList names)
    {
        return [f = std::move(f), name = std::move(name), names = std::move(names)](
                   RpcClient *caller, const Value::List &args, const Value::Map &kwargs) {
            return call(f, caller, name, names, args, kwargs);
        };
    }
};
/// A first parameter `RpcClient *` receives the connection of the call (to call back into the
/// caller); the remaining parameters come from the wire.
template<class F, class... Args>
struct Binder<F, std::tuple<RpcClient *, Args...>>
{
    static HandlerResult call(const F &f, RpcClient *caller, const QString &name, const QStringList &names,
                              const Value::List &args, const Value::Map &kwargs)
    {
        const auto bound = [&f, caller](Args... a) { return std::invoke(f, caller, std::forward<Args>(a)...); };
        return invokeWith<decltype(bound), Args...>(bound, name, names, args, kwargs,
                                                    std::index_sequence_for<Args...>());
    }
    static Handler make(F f, QString name, QStringList names)
    {
        return [f = std::move(f), name = std::move(name), names = std::move(names)](
                   RpcClient *caller, const Value::List &args, const Value::Map &kwargs) {
            return call(f, caller, name, names, args, kwargs);
        };
    }
};

/// A member function as a MemberHandler: the object comes with each call.
template<class C, class M, class... A>
MemberHandler makeMemberHandler(M method, QString name, QStringList names)
{
    return [method, name = std::move(name), names = std::move(names)](
               void *object, RpcClient *caller, const Value::List &args, const Value::Map &kwargs) {
        C *self = static_cast<C *>(object);
        const auto f = [self, method](A... a) { return (self->*method)(std::forward<A>(a)...); };
        return Binder<decltype(f), std::tuple<A...>>::call(f, caller, name, names, args, kwargs);
    };
}

/// A callable without state (a lambda that captures nothing): every copy behaves the same, so
/// one handler serves every router that exposes it.
template<class F>
inline constexpr bool isStateless =
    std::is_empty_v<F> && std::is_trivially_copyable_v<F> && std::is_copy_constructible_v<F>;

/// The number of parameters a callable takes from the wire (a leading `RpcClient *` excluded).
template<class Tuple>
struct WireArity : std::integral_constant<std::size_t, std::tuple_size_v<Tuple>>
{};
template<class... Args>
struct WireArity<std::tuple<RpcClient *, Args...>> : std::integral_constant<std::size_t, sizeof...(Args)>
{};
template<class F>
inline constexpr std::size_t wireArity = WireArity<typename Signature<std::decay_t<F>>::Args>::value;

/// Logs a registration whose argument names do not match the callable's parameters.
MAS_EXPORT void warnArgumentNames(const QString &name, qsizetype given, std::size_t arity);

} // namespace detail

/// Wraps any callable (free function, lambda, functor; for member functions bind the object
/// with a lambda) as a Handler. `argumentNames` name the parameters for keyword arguments.
template<class F>
Handler makeHandler(F f, QString name, QStringList argumentNames = {})
{
    using Sig = detail::Signature<std::decay_t<F>>;
    if (!argumentNames.isEmpty() && std::size_t(argumentNames.size()) != detail::wireArity<F>)
        detail::warnArgumentNames(name, argumentNames.size(), detail::wireArity<F>);
    return detail::Binder<std::decay_t<F>, typename Sig::Args>::make(std::move(f), std::move(name),
                                                                     std::move(argumentNames));
}

} // namespace mas::rpc
