// SPDX-License-Identifier: MIT
#include "router.h"

#include <mas/channel/request.h>
#include <mas/core/logging_p.h>

#include <QMetaMethod>
#include <QMutex>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QVariant>

#include <algorithm>
#include <typeinfo>
#include <utility>
#include <vector>

namespace mas::rpc {

void detail::warnArgumentNames(const QString &name, qsizetype given, std::size_t arity)
{
    qCWarning(lcRpc, "expose(%s): %lld argument names for %zu parameters; keyword calls will not match",
              qPrintable(name), static_cast<long long>(given), arity);
}

struct Router::Entry
{
    Handler handler;
    Router *router = nullptr;
    bool hidden = false;
};

struct Router::Local
{
    std::map<QString, Entry, std::less<>> entries; // std::less<>: look up by QStringView
    ChildLookup childLookup;
    QString serviceName = QStringLiteral("Service");
    /// resolve() of class-table member functions: bound to this router's object on demand.
    std::map<QString, Handler, std::less<>> bound;
};

struct Router::SharedTable
{
    std::vector<SharedMethod> methods; // sorted by name
    struct Next
    {
        SharedKey key;
        const SharedTable *table = nullptr;
    };
    /// The tables with one method more (guarded by the cache's mutex).
    mutable std::vector<Next> next;

    const SharedMethod *find(QStringView name) const
    {
        const auto it = std::lower_bound(methods.begin(), methods.end(), name,
                                         [](const SharedMethod &m, QStringView n) { return QStringView(m.name) < n; });
        return it != methods.end() && QStringView(it->name) == name ? &*it : nullptr;
    }
};

namespace {
/// The class tables: made once, kept for the life of the process (their number is bounded).
struct SharedTables
{
    QMutex mutex;
    std::size_t count = 0;
};

SharedTables &sharedTables()
{
    static SharedTables tables;
    return tables;
}

/// Beyond this many tables (names made up at run time, say) methods are no longer shared.
constexpr std::size_t kMaxSharedTables = 10'000;
} // namespace

bool Router::SharedKey::operator==(const SharedKey &other) const
{
    return *type == *other.type && member == other.member && name == other.name
           && argumentNames == other.argumentNames;
}

Router::Router() = default;

Router::~Router()
{
    if (!m_local)
        return;
    for (auto &[name, entry] : m_local->entries) {
        if (entry.router && entry.router->m_parent == this)
            entry.router->m_parent = nullptr;
    }
}

Router::Local &Router::local() const
{
    if (!m_local)
        m_local = std::make_unique<Local>();
    return *m_local;
}

bool Router::canShare(const QString &name, const void *object) const
{
    if (object && m_self && object != m_self)
        return false; // the class table calls one object
    if (m_shared && m_shared->find(name))
        return false; // exposed again: replaced in this router's own entries
    return true;
}

const Router::SharedTable *Router::sharedNext(const SharedKey &key, SharedMethod *method) const
{
    SharedTables &tables = sharedTables();
    QMutexLocker lock(&tables.mutex);
    static const SharedTable *const empty = new SharedTable;
    const SharedTable *from = m_shared ? m_shared : empty;
    for (const SharedTable::Next &n : from->next) {
        if (n.key == key)
            return n.table;
    }
    if (!method || tables.count >= kMaxSharedTables)
        return nullptr;
    auto *table = new SharedTable;
    table->methods.reserve(from->methods.size() + 1);
    table->methods = from->methods;
    const auto at = std::lower_bound(table->methods.begin(), table->methods.end(), method->name,
                                     [](const SharedMethod &m, const QString &n) { return m.name < n; });
    table->methods.insert(at, std::move(*method));
    from->next.push_back({key, table});
    ++tables.count;
    return table;
}

void Router::adoptShared(const SharedTable *table, const void *object, const QString &name)
{
    if (m_local)
        remove(name); // exposing replaces a name of this router's own
    m_shared = table;
    if (object)
        m_self = const_cast<void *>(object);
}

void Router::unshare()
{
    if (!m_shared)
        return;
    const SharedTable *table = std::exchange(m_shared, nullptr);
    void *self = std::exchange(m_self, nullptr);
    Local &own = local();
    own.bound.clear();
    for (const SharedMethod &m : table->methods) {
        Handler h = m.handler;
        if (!h) {
            h = [member = &m.member, self](RpcClient *caller, const Value::List &args, const Value::Map &kwargs) {
                return (*member)(self, caller, args, kwargs);
            };
        }
        own.entries[m.name] = Entry{std::move(h), nullptr, false};
    }
}

Router &Router::exposeHandler(const QString &name, Handler handler)
{
    remove(name);
    local().entries[name] = Entry{std::move(handler), nullptr, false};
    return *this;
}

Router &Router::hide(const QString &name)
{
    remove(name);
    local().entries[name] = Entry{{}, nullptr, true};
    return *this;
}

Router &Router::addRouter(const QString &name, Router *child)
{
    Q_ASSERT(child && child != this);
    remove(name);
    local().entries[name] = Entry{{}, child, false};
    child->m_parent = this;
    child->m_name = name;
    return *this;
}

namespace {
/// Calls one of `methods` (overloads of one name) with wire arguments converted via QVariant.
HandlerResult invokeMetaMethod(const QPointer<QObject> &object,
                               const std::vector<QMetaMethod> &methods,
                               const Value::List &args,
                               const Value::Map &kwargs)
{
    const QString name = QString::fromLatin1(methods.front().name());
    if (!object)
        return Result<Value>(Error(ErrorCode::LookupError, QStringLiteral("The object behind \"%1\" is gone").arg(name)));
    const qsizetype given = qsizetype(args.size() + kwargs.size());
    const QMetaMethod *method = nullptr;
    for (const QMetaMethod &m : methods) {
        if (m.parameterCount() == given)
            method = &m;
    }
    if (!method)
        return Result<Value>(detail::arityError(name, methods.front().parameterCount(),
                                                methods.front().parameterCount(), given));
    QStringList names;
    for (const QByteArray &n : method->parameterNames())
        names << QString::fromLatin1(n);
    std::vector<QVariant> values(size_t(method->parameterCount()));
    for (int i = 0; i < method->parameterCount(); ++i) {
        const Value *wire = i < qsizetype(args.size()) ? &args[size_t(i)] : nullptr;
        for (const auto &[key, v] : kwargs) {
            if (!wire && key.isString() && key.stringRef() == names.value(i))
                wire = &v;
        }
        if (!wire)
            return Result<Value>(detail::missingArgumentError(name, names.value(i)));
        Result<QVariant> variant = wire->to<QVariant>();
        const QMetaType type = method->parameterMetaType(i);
        if (!variant || (type != QMetaType::fromType<QVariant>() && !variant->convert(type)))
            return Result<Value>(detail::argumentTypeError(
                name, names.value(i),
                Error(ErrorCode::TypeMismatch, QStringLiteral("cannot convert %1 to %2")
                                                   .arg(wire->toDisplayString(40), QString::fromLatin1(type.name())))));
        values[size_t(i)] = *variant;
    }
    QGenericArgument generic[10];
    for (int i = 0; i < method->parameterCount() && i < 10; ++i)
        generic[i] = QGenericArgument(values[size_t(i)].typeName(), values[size_t(i)].constData());
    QVariant returned(method->returnMetaType());
    const bool hasReturn = method->returnMetaType().id() != QMetaType::Void;
    const bool ok = method->invoke(object, Qt::DirectConnection,
                                   hasReturn ? QGenericReturnArgument(method->typeName(), returned.data())
                                             : QGenericReturnArgument(),
                                   generic[0], generic[1], generic[2], generic[3], generic[4], generic[5],
                                   generic[6], generic[7], generic[8], generic[9]);
    if (!ok)
        return Result<Value>(Error(ErrorCode::TypeMismatch, QStringLiteral("%1() could not be invoked").arg(name)));
    return Result<Value>(hasReturn ? Value::from(returned) : Value());
}
} // namespace

Router &Router::exposeObject(QObject *object)
{
    Q_ASSERT(object);
    const QMetaObject *meta = object->metaObject();
    setServiceName(QString::fromLatin1(meta->className()));
    std::map<QString, std::vector<QMetaMethod>> invokable;
    // From QObject's own methods on (deleteLater, ...): those of the object's classes only.
    for (int i = QObject::staticMetaObject.methodCount(); i < meta->methodCount(); ++i) {
        const QMetaMethod m = meta->method(i);
        const QString name = QString::fromLatin1(m.name());
        const bool exposed = m.access() == QMetaMethod::Public
                             && (m.methodType() == QMetaMethod::Method || m.methodType() == QMetaMethod::Slot)
                             && m.parameterCount() <= 10;
        if (exposed)
            invokable[name].push_back(m);
        else if (!invokable.contains(name))
            hide(name);
    }
    QPointer<QObject> guard(object);
    for (auto &[name, methods] : invokable) {
        exposeHandler(name, [guard, methods = std::move(methods)](RpcClient *, const Value::List &args,
                                                                 const Value::Map &kwargs) {
            return invokeMetaMethod(guard, methods, args, kwargs);
        });
    }
    return *this;
}

Router &Router::setChildLookup(ChildLookup lookup)
{
    local().childLookup = std::move(lookup);
    return *this;
}

void Router::setPathParent(Router *parent, const QString &name)
{
    m_parent = parent;
    m_name = parent ? name : QString();
}

bool Router::remove(const QString &name)
{
    if (m_shared && m_shared->find(name))
        unshare();
    if (!m_local)
        return false;
    m_local->bound.erase(name);
    auto it = m_local->entries.find(name);
    if (it == m_local->entries.end())
        return false;
    if (it->second.router && it->second.router->m_parent == this)
        it->second.router->m_parent = nullptr;
    m_local->entries.erase(it);
    return true;
}

bool Router::contains(const QString &name) const
{
    return (m_shared && m_shared->find(name)) || (m_local && m_local->entries.contains(name));
}

QStringList Router::names() const
{
    QStringList result;
    if (m_shared) {
        for (const SharedMethod &m : m_shared->methods)
            result << m.name;
    }
    if (m_local) {
        for (const auto &[name, entry] : m_local->entries)
            result << name;
    }
    if (m_shared && m_local)
        std::sort(result.begin(), result.end());
    return result;
}

QString Router::path() const
{
    if (!m_parent)
        return QString();
    const QString above = m_parent->path();
    return above.isEmpty() ? m_name : above + u'/' + m_name;
}

Router *Router::parent() const
{
    return m_parent;
}

QString Router::serviceName() const
{
    return m_local ? m_local->serviceName : QStringLiteral("Service");
}

void Router::setServiceName(const QString &name)
{
    local().serviceName = name;
}

Result<const Handler *> Router::resolve(QStringView path) const
{
    const Router *leaf = nullptr;
    QStringView name;
    MAS_TRY(method, find(path, &leaf, &name));
    if (method.handler())
        return method.handler();
    // A member function of the class table: bound to this router's object once, on demand.
    Local &own = leaf->local();
    auto it = own.bound.find(name);
    if (it == own.bound.end()) {
        it = own.bound.emplace(name.toString(), [method](RpcClient *caller, const Value::List &args,
                                                         const Value::Map &kwargs) {
                          return method(caller, args, kwargs);
                      }).first;
    }
    return &it->second;
}

Result<Method> Router::find(QStringView path) const
{
    return find(path, nullptr, nullptr);
}

Result<Method> Router::find(QStringView path, const Router **leaf, QStringView *leafName) const
{
    const Router *router = this;
    qsizetype start = 0;
    // The path resolved so far and through the current name, as aiomas reports them in errors
    // (slices of the path: a successful lookup builds no text).
    const auto walked = [&] { return path.first(start > 0 ? start - 1 : 0).toString(); };
    const auto through = [&](QStringView name) { return path.first(start + name.size()).toString(); };
    for (;;) {
        const qsizetype slash = path.indexOf(u'/', start);
        const QStringView name = slash < 0 ? path.sliced(start) : path.sliced(start, slash - start);
        if (slash < 0 && router->m_shared) {
            if (const SharedMethod *m = router->m_shared->find(name)) {
                if (leaf) {
                    *leaf = router;
                    *leafName = name;
                }
                return m->handler ? Method(&m->handler) : Method(&m->member, router->m_self);
            }
        }
        const Local *own = router->m_local.get();
        const auto it = own ? own->entries.find(name) : decltype(own->entries.find(name))();
        if (!own || it == own->entries.end()) {
            const bool shared = router->m_shared && router->m_shared->find(name);
            Router *dynamic = nullptr;
            if (!shared && slash >= 0 && own && own->childLookup) {
                Result<Router *> found = own->childLookup(name);
                if (!found)
                    return found.error();
                dynamic = *found;
            }
            if (shared) // a method, not a router: "calc/add/more"
                return Error(ErrorCode::LookupError,
                             QStringLiteral("Name \"%1\" not found in \"%2\"")
                                 .arg(path.sliced(slash + 1).split(u'/').first().toString(), through(name)));
            if (!dynamic)
                return Error(ErrorCode::LookupError,
                             QStringLiteral("Name \"%1\" not found in \"%2\"").arg(name.toString(), walked()));
            router = dynamic;
            start = slash + 1;
            continue;
        }
        const Entry &entry = it->second;
        if (entry.hidden)
            return Error(ErrorCode::LookupError, QStringLiteral("\"%1.%2\" is not exposed")
                                                     .arg(own->serviceName, name.toString()));
        if (slash < 0) {
            if (!entry.handler)
                return Error(ErrorCode::LookupError,
                             QStringLiteral("\"%1.%2\" is not exposed").arg(own->serviceName, name.toString()));
            if (leaf) {
                *leaf = router;
                *leafName = name;
            }
            return Method(&entry.handler);
        }
        if (!entry.router)
            return Error(ErrorCode::LookupError,
                         QStringLiteral("Name \"%1\" not found in \"%2\"")
                             .arg(path.sliced(slash + 1).split(u'/').first().toString(), through(name)));
        router = entry.router;
        start = slash + 1;
    }
}

namespace detail {

Error exceptionError(const std::exception &e)
{
    // Sent as a ready-made traceback whose last line is "<type>: <what>", as Python peers expect.
    QString type = mas::detail::demangledTypeName(typeid(e));
    if (type.startsWith(u"std::"))
        type = QStringLiteral("RuntimeError"); // a generic C++ error, named as Python would
    type.replace(QStringLiteral("::"), QStringLiteral(".")); // qualified as Python: "demo.Boom"
    return Error::remote(QString(), formatFailure(type, QString::fromLocal8Bit(e.what()),
                                                  QStringLiteral("in a C++ handler")));
}

Error unknownExceptionError()
{
    return Error::remote(QString(), formatFailure(QStringLiteral("RuntimeError"),
                                                  QStringLiteral("unknown C++ exception"),
                                                  QStringLiteral("in a C++ handler")));
}

Error arityError(const QString &name, int, int total, qsizetype given)
{
    return Error(ErrorCode::TypeMismatch,
                 QStringLiteral("%1() takes %2 positional argument%3 but %4 %5 given")
                     .arg(name)
                     .arg(total)
                     .arg(total == 1 ? QString() : QStringLiteral("s"))
                     .arg(given)
                     .arg(given == 1 ? QStringLiteral("was") : QStringLiteral("were")));
}

Error missingArgumentError(const QString &name, const QString &argument)
{
    return Error(ErrorCode::TypeMismatch,
                 QStringLiteral("%1() missing 1 required positional argument: '%2'").arg(name, argument));
}

Error unexpectedKeywordError(const QString &name, const QString &keyword)
{
    return Error(ErrorCode::TypeMismatch,
                 QStringLiteral("%1() got an unexpected keyword argument '%2'").arg(name, keyword));
}

Error duplicateArgumentError(const QString &name, const QString &argument)
{
    return Error(ErrorCode::TypeMismatch,
                 QStringLiteral("%1() got multiple values for argument '%2'").arg(name, argument));
}

Error argumentTypeError(const QString &name, const QString &argument, const Error &inner)
{
    return Error(ErrorCode::TypeMismatch,
                 QStringLiteral("%1() argument '%2': %3").arg(name, argument, inner.message()));
}

} // namespace detail

} // namespace mas::rpc
