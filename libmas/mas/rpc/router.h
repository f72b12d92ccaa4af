// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/value.h>
#include <mas/rpc/invoke.h>

#include <QString>

class QObject;
#include <QStringList>
#include <QStringView>

#include <functional>

#include <map>
#include <memory>

namespace mas::rpc {

/// A service's names: methods and sub-routers, resolved by paths such as "calc/deep/neg"
/// (aiomas's `Service`/`Router`, and `ServiceDict`, since names may be added and removed at
/// any time).
///
/// \code
/// mas::rpc::Router calc;
/// calc.expose("mul", [](int a, int b) { return a * b; }, {"a", "b"});
/// mas::rpc::Router root;
/// root.expose("add", [](int a, int b) { return a + b; }, {"a", "b"});
/// root.addRouter("calc", &calc); // "calc/mul"
/// \endcode
/// A handler may be synchronous or return a QCoro::Task; its return value, a Result<T>, or an
/// exception it throws become the reply. A Router must outlive the connections serving it and
/// is used from one thread.
class MAS_EXPORT Router
{
public:
    Router();
    ~Router();
    Router(const Router &) = delete;
    Router &operator=(const Router &) = delete;

    /// Exposes a callable under `name`; `argumentNames` name its parameters for keyword calls
    /// (none, or one per parameter: a different count is logged as a warning).
    template<class F>
    Router &expose(const QString &name, F &&f, QStringList argumentNames = {})
    {
        return exposeHandler(name, makeHandler(std::forward<F>(f), name, std::move(argumentNames)));
    }
    /// The same with the names as string literals, `{"a", "b"}`: their count is checked against
    /// the callable's parameters at compile time.
    template<class F, std::size_t N>
    Router &expose(const QString &name, F &&f, const char *const (&argumentNames)[N])
    {
        static_assert(N == detail::wireArity<F>, "one argument name per parameter of the exposed callable");
        return expose(name, std::forward<F>(f), namesOf(argumentNames));
    }
    /// Exposes a member function of `object` (which must outlive the router's use).
    template<class C, class R, class... A>
    Router &expose(const QString &name, C *object, R (C::*method)(A...), QStringList argumentNames = {})
    {
        return expose(
            name, [object, method](A... a) -> R { return (object->*method)(std::forward<A>(a)...); },
            std::move(argumentNames));
    }
    template<class C, class R, class... A>
    Router &expose(const QString &name, const C *object, R (C::*method)(A...) const, QStringList argumentNames = {})
    {
        return expose(
            name, [object, method](A... a) -> R { return (object->*method)(std::forward<A>(a)...); },
            std::move(argumentNames));
    }
    /// Member functions with literal argument names, checked at compile time:
    /// `expose("hello", this, &Greeter::hello, {"name"})`.
    template<class C, class R, class... A, std::size_t N>
    Router &expose(const QString &name, C *object, R (C::*method)(A...), const char *const (&argumentNames)[N])
    {
        static_assert(N == detail::WireArity<std::tuple<A...>>::value,
                      "one argument name per parameter of the exposed method");
        return expose(name, object, method, namesOf(argumentNames));
    }
    template<class C, class R, class... A, std::size_t N>
    Router &expose(const QString &name, const C *object, R (C::*method)(A...) const,
                   const char *const (&argumentNames)[N])
    {
        static_assert(N == detail::WireArity<std::tuple<A...>>::value,
                      "one argument name per parameter of the exposed method");
        return expose(name, object, method, namesOf(argumentNames));
    }
    /// Exposes the Q_INVOKABLE methods and public slots of a QObject (Qt's meta-object system as
    /// an alternative to expose()): arguments convert through QVariant, keyword arguments use the
    /// parameter names, overloads are chosen by argument count; signals and non-public slots are
    /// "not exposed". `object` must outlive the router's use.
    Router &exposeObject(QObject *object);
    /// Exposes a ready-made handler.
    /// (For exposing without writing names twice see also MAS_EXPOSE below.)
    Router &exposeHandler(const QString &name, Handler handler);
    /// Declares a name that exists but is not exposed (calls fail with "... is not exposed").
    Router &hide(const QString &name);
    /// Attaches a sub-router (not owned) under `name`; its path becomes "<our path>/<name>".
    Router &addRouter(const QString &name, Router *child);
    /// Resolves sub-router names that have no entry of their own (a container's agents by id,
    /// without an entry per agent). A lookup returns the router, nullptr for "not found" (the
    /// usual LookupError), or an error to report instead (e.g. "the agent was removed").
    using ChildLookup = std::function<Result<Router *>(QStringView name)>;
    Router &setChildLookup(ChildLookup lookup);
    /// Places a router found by a ChildLookup in the tree: its path() becomes
    /// "<parent's path>/<name>" without an entry in `parent`. Null detaches it.
    void setPathParent(Router *parent, const QString &name);
    /// Removes a method or sub-router; returns whether it existed.
    bool remove(const QString &name);
    bool contains(const QString &name) const;
    QStringList names() const;

    /// The router's path from its root ("" for a root, "calc/deep" below).
    QString path() const;
    Router *parent() const;
    /// The class-like name shown in "... is not exposed" errors (default "Service").
    QString serviceName() const;
    void setServiceName(const QString &name);

    /// Resolves a path to its handler, failing with aiomas's LookupError texts:
    /// `Name "nope" not found in "calc"` or `"<service>.<name>" is not exposed`.
    Result<const Handler *> resolve(QStringView path) const;

private:
    template<std::size_t N>
    static QStringList namesOf(const char *const (&names)[N])
    {
        QStringList list;
        list.reserve(qsizetype(N));
        for (const char *n : names)
            list.push_back(QString::fromUtf8(n));
        return list;
    }

    struct Entry
    {
        Handler handler;
        Router *router = nullptr;
        bool hidden = false;
    };
    std::map<QString, Entry, std::less<>> m_entries; // std::less<>: look up by QStringView
    ChildLookup m_childLookup;
    Router *m_parent = nullptr;
    QString m_name;
    QString m_serviceName = QStringLiteral("Service");
};

} // namespace mas::rpc

/// Exposes a member function under its own name, without writing the name twice:
/// `MAS_EXPOSE(router(), this, hello)` is `router().expose("hello", this, &Class::hello)`
/// (positional arguments only). For keyword arguments too, name the parameters in expose()
/// (`{"name"}`, checked at compile time) or mark the methods Q_INVOKABLE and call
/// `router.exposeObject(this)`, which takes names and parameter names from the meta-object.
#define MAS_EXPOSE(router, object, method)                                                         \
    (router).expose(QStringLiteral(#method), (object), &std::remove_cvref_t<decltype(*(object))>::method)
