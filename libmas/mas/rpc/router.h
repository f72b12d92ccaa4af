// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/value.h>
#include <mas/rpc/invoke.h>

#include <QString>

class QObject;
#include <QStringList>
#include <QStringView>

#include <array>
#include <map>
#include <cstring>
#include <functional>
#include <memory>
#include <typeinfo>

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
    ///
    /// Method tables are kept per class, not per router: a lambda that captures nothing, or a
    /// member function of the router's object (see below), is registered once for all routers
    /// that expose the same methods in the same order (an agent class's constructor), and such
    /// a router holds one pointer to that table instead of a handler per method.
    template<class F>
    Router &expose(const QString &name, F &&f, QStringList argumentNames = {})
    {
        using D = std::decay_t<F>;
        if constexpr (detail::isStateless<D>) {
            const SharedKey key{&typeid(D), {}, name, argumentNames};
            const bool shared = exposeShared(key, nullptr, [&] {
                SharedMethod m;
                m.handler = detail::Binder<D, typename detail::Signature<D>::Args>::make(D(f), name, argumentNames);
                return m;
            });
            if (shared) {
                if (!argumentNames.isEmpty() && std::size_t(argumentNames.size()) != detail::wireArity<D>)
                    detail::warnArgumentNames(name, argumentNames.size(), detail::wireArity<D>);
                return *this;
            }
        }
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
    /// Exposes a member function of `object` (which must outlive the router's use). The
    /// methods of one object (an agent exposing its own methods) go into a table per class.
    template<class C, class R, class... A>
    Router &expose(const QString &name, C *object, R (C::*method)(A...), QStringList argumentNames = {})
    {
        return exposeMember<C, R (C::*)(A...), R, A...>(name, object, method, std::move(argumentNames));
    }
    template<class C, class R, class... A>
    Router &expose(const QString &name, const C *object, R (C::*method)(A...) const, QStringList argumentNames = {})
    {
        return exposeMember<const C, R (C::*)(A...) const, R, A...>(name, object, method,
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
    /// The same as a Method, which calls a member function of a class's table without making
    /// a Handler for its object (what the RPC layer uses to dispatch).
    Result<Method> find(QStringView path) const;

private:
    /// What identifies a method of a shared table: the callable's type (and the member function
    /// pointer), the name and the argument names.
    struct SharedKey
    {
        const std::type_info *type = nullptr;
        std::array<unsigned char, 16> member{};
        QString name;
        QStringList argumentNames;
        bool operator==(const SharedKey &other) const;
    };
    struct SharedMethod
    {
        QString name;
        Handler handler;      ///< a stateless callable
        MemberHandler member; ///< or a member function, called on m_self
    };
    struct SharedTable;
    struct Local;
    struct Entry;

    /// Adds a method to the class table (one shared table per sequence of exposed methods).
    /// False when it cannot be shared here (the name is taken, another object, too many tables):
    /// the caller then exposes it for this router alone.
    template<class Make>
    bool exposeShared(const SharedKey &key, const void *object, Make make)
    {
        if (!canShare(key.name, object))
            return false;
        const SharedTable *next = sharedNext(key, nullptr);
        if (!next) {
            SharedMethod m = make();
            m.name = key.name;
            next = sharedNext(key, &m);
            if (!next)
                return false;
        }
        adoptShared(next, object, key.name);
        return true;
    }
    template<class C, class M, class R, class... A>
    Router &exposeMember(const QString &name, C *object, M method, QStringList argumentNames)
    {
        using Args = std::tuple<A...>;
        static_assert(sizeof(M) <= 16, "member function pointers fit SharedKey::member");
        if (!argumentNames.isEmpty() && std::size_t(argumentNames.size()) != detail::WireArity<Args>::value)
            detail::warnArgumentNames(name, argumentNames.size(), detail::WireArity<Args>::value);
        SharedKey key{&typeid(M), {}, name, argumentNames};
        std::memcpy(key.member.data(), &method, sizeof(M));
        const bool shared = exposeShared(key, object, [&] {
            SharedMethod m;
            m.member = detail::makeMemberHandler<C, M, A...>(method, name, argumentNames);
            return m;
        });
        if (shared)
            return *this;
        auto f = [object, method](A... a) -> R { return (object->*method)(std::forward<A>(a)...); };
        return exposeHandler(name, detail::Binder<decltype(f), Args>::make(std::move(f), name,
                                                                           std::move(argumentNames)));
    }
    bool canShare(const QString &name, const void *object) const;
    /// The table after the current one plus `key`; with `method`, made if it does not exist.
    const SharedTable *sharedNext(const SharedKey &key, SharedMethod *method) const;
    void adoptShared(const SharedTable *table, const void *object, const QString &name);
    /// Moves the shared methods into this router's own entries (before a change other than
    /// adding a method).
    void unshare();
    Local &local() const;
    Result<Method> find(QStringView path, const Router **leaf, QStringView *leafName) const;

    template<std::size_t N>
    static QStringList namesOf(const char *const (&names)[N])
    {
        QStringList list;
        list.reserve(qsizetype(N));
        for (const char *n : names)
            list.push_back(QString::fromUtf8(n));
        return list;
    }

    /// The class table (null: none); shared, never changed once made.
    const SharedTable *m_shared = nullptr;
    /// The object the class table's member functions are called on.
    void *m_self = nullptr;
    /// This router's own entries, child lookup and service name (made when first needed).
    mutable std::unique_ptr<Local> m_local;
    Router *m_parent = nullptr;
    QString m_name;
};

} // namespace mas::rpc

/// Exposes a member function under its own name, without writing the name twice:
/// `MAS_EXPOSE(router(), this, hello)` is `router().expose("hello", this, &Class::hello)`
/// (positional arguments only). For keyword arguments too, name the parameters in expose()
/// (`{"name"}`, checked at compile time) or mark the methods Q_INVOKABLE and call
/// `router.exposeObject(this)`, which takes names and parameter names from the meta-object.
#define MAS_EXPOSE(router, object, method)                                                         \
    (router).expose(QStringLiteral(#method), (object), &std::remove_cvref_t<decltype(*(object))>::method)
