// SPDX-License-Identifier: MIT
#include "router.h"

#include <mas/channel/request.h>
#include <mas/core/logging_p.h>

#include <QMetaMethod>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QVariant>

#include <typeinfo>
#include <vector>

namespace mas::rpc {

void detail::warnArgumentNames(const QString &name, qsizetype given, std::size_t arity)
{
    qCWarning(lcRpc, "expose(%s): %lld argument names for %zu parameters; keyword calls will not match",
              qPrintable(name), static_cast<long long>(given), arity);
}

Router::Router() = default;

Router::~Router()
{
    for (auto &[name, entry] : m_entries) {
        if (entry.router && entry.router->m_parent == this)
            entry.router->m_parent = nullptr;
    }
}

Router &Router::exposeHandler(const QString &name, Handler handler)
{
    remove(name);
    m_entries[name] = Entry{std::move(handler), nullptr, false};
    return *this;
}

Router &Router::hide(const QString &name)
{
    remove(name);
    m_entries[name] = Entry{{}, nullptr, true};
    return *this;
}

Router &Router::addRouter(const QString &name, Router *child)
{
    Q_ASSERT(child && child != this);
    remove(name);
    m_entries[name] = Entry{{}, child, false};
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
    m_childLookup = std::move(lookup);
    return *this;
}

void Router::setPathParent(Router *parent, const QString &name)
{
    m_parent = parent;
    m_name = parent ? name : QString();
}

bool Router::remove(const QString &name)
{
    auto it = m_entries.find(name);
    if (it == m_entries.end())
        return false;
    if (it->second.router && it->second.router->m_parent == this)
        it->second.router->m_parent = nullptr;
    m_entries.erase(it);
    return true;
}

bool Router::contains(const QString &name) const
{
    return m_entries.contains(name);
}

QStringList Router::names() const
{
    QStringList result;
    for (const auto &[name, entry] : m_entries)
        result << name;
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
    return m_serviceName;
}

void Router::setServiceName(const QString &name)
{
    m_serviceName = name;
}

Result<const Handler *> Router::resolve(QStringView path) const
{
    const Router *router = this;
    QString walked; // the path resolved so far, as aiomas reports it
    qsizetype start = 0;
    for (;;) {
        const qsizetype slash = path.indexOf(u'/', start);
        const QStringView name = slash < 0 ? path.sliced(start) : path.sliced(start, slash - start);
        const auto it = router->m_entries.find(name);
        if (it == router->m_entries.end()) {
            Router *dynamic = nullptr;
            if (slash >= 0 && router->m_childLookup) {
                Result<Router *> found = router->m_childLookup(name);
                if (!found)
                    return found.error();
                dynamic = *found;
            }
            if (!dynamic)
                return Error(ErrorCode::LookupError,
                             QStringLiteral("Name \"%1\" not found in \"%2\"").arg(name.toString(), walked));
            walked = walked.isEmpty() ? name.toString() : walked + u'/' + name.toString();
            router = dynamic;
            start = slash + 1;
            continue;
        }
        const Entry &entry = it->second;
        if (entry.hidden)
            return Error(ErrorCode::LookupError, QStringLiteral("\"%1.%2\" is not exposed")
                                                     .arg(router->m_serviceName, name.toString()));
        if (slash < 0) {
            if (!entry.handler)
                return Error(ErrorCode::LookupError,
                             QStringLiteral("\"%1.%2\" is not exposed").arg(router->m_serviceName, name.toString()));
            return &entry.handler;
        }
        if (!entry.router)
            return Error(ErrorCode::LookupError,
                         QStringLiteral("Name \"%1\" not found in \"%2\"")
                             .arg(path.sliced(slash + 1).split(u'/').first().toString(),
                                  walked.isEmpty() ? name.toString() : walked + u'/' + name.toString()));
        walked = walked.isEmpty() ? name.toString() : walked + u'/' + name.toString();
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
