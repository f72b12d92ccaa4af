// SPDX-License-Identifier: MIT
#include "agentregistry.h"

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/core/logging_p.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLibrary>
#include <QMutex>
#include <QPluginLoader>

#include <memory>

namespace mas {

namespace {

/// The interface family without its version: "org.libmas.AgentPlugin/".
QString iidPrefix()
{
    const QString iid = QStringLiteral(MasAgentPlugin_iid);
    return iid.left(iid.lastIndexOf(u'/') + 1);
}

/// The loaders of every plug-in whose code any registry loaded, by canonical file name. They
/// are never unloaded (QPluginLoader's PreventUnloadHint; the loaders are not unload()ed), as
/// agents made by a plug-in's factories may live until the process ends. Shared by all
/// registries: loading one file into two registries loads its code once.
struct LoadedLibraries
{
    QMutex mutex;
    std::map<QString, std::unique_ptr<QPluginLoader>> loaders;
};

LoadedLibraries &loadedLibraries()
{
    static LoadedLibraries libraries;
    return libraries;
}

Error pluginError(const QString &fileName, const QString &reason)
{
    return Error(
        ErrorCode::PluginError,
        tr("Cannot load agent plug-in \"%1\": %2").arg(QDir::toNativeSeparators(fileName), reason));
}

/// The root object of the plug-in in `fileName` (canonical), loading it if no registry did;
/// checks the IID in the metadata first, so that a foreign file is never loaded.
Result<QObject *> pluginInstance(const QString &fileName)
{
    LoadedLibraries &libraries = loadedLibraries();
    QMutexLocker locker(&libraries.mutex);
    if (auto it = libraries.loaders.find(fileName); it != libraries.loaders.end())
        return it->second->instance();

    auto loader = std::make_unique<QPluginLoader>(fileName);
    loader->setLoadHints(QLibrary::PreventUnloadHint);
    const QJsonObject metaData = loader->metaData();
    if (metaData.isEmpty())
        return pluginError(fileName, tr("it is not a Qt plug-in (%1)").arg(loader->errorString()));
    const QString iid = metaData.value(QLatin1StringView("IID")).toString();
    if (iid != QLatin1StringView(MasAgentPlugin_iid)) {
        if (iid.startsWith(iidPrefix()))
            return pluginError(
                fileName, tr("it was built for version %1 of the agent plug-in interface (IID "
                             "\"%2\"), this program supports version %3")
                              .arg(iid.sliced(iidPrefix().size()), iid,
                                   QStringLiteral(MasAgentPlugin_iid).sliced(iidPrefix().size())));
        return pluginError(fileName, tr("it is a Qt plug-in with IID \"%1\", not an agent plug-in "
                                        "(IID \"%2\")")
                                         .arg(iid, QStringLiteral(MasAgentPlugin_iid)));
    }
    QObject *root = loader->instance();
    if (!root)
        return pluginError(fileName, loader->errorString());
    // Loaded: the code stays, whatever the registry thinks of the plug-in's types.
    libraries.loaders.emplace(fileName, std::move(loader));
    return root;
}

/// Why `name` cannot be an agent type's name, or an empty string.
QString badName(const QString &name)
{
    if (name.isEmpty() || !name.contains(u':'))
        return tr("An agent type's name is a qualname like \"pkg.module:Class\", not \"%1\"")
            .arg(name);
    return {};
}

QString quoted(const QString &name)
{
    return u'\'' + name + u'\'';
}

} // namespace

AgentPlugin::~AgentPlugin() = default;

AgentRegistry &AgentRegistry::global()
{
    static AgentRegistry registry;
    return registry;
}

Result<void> AgentRegistry::add(AgentType type)
{
    if (const QString bad = badName(type.name); !bad.isEmpty())
        return Error(ErrorCode::InvalidArgument, bad);
    if (!type.create)
        return Error(ErrorCode::InvalidArgument,
                     mas::tr("Agent type \"%1\" has no factory").arg(type.name));
    if (m_types.contains(type.name))
        return Error(ErrorCode::InvalidArgument,
                     mas::tr("Agent type \"%1\" is already registered").arg(type.name));
    const QString name = type.name;
    m_types.emplace(name, std::move(type));
    return {};
}

bool AgentRegistry::remove(const QString &name)
{
    m_typeFiles.erase(name);
    return m_types.erase(name) > 0;
}

bool AgentRegistry::contains(QStringView name) const
{
    return find(name) != nullptr;
}

const AgentType *AgentRegistry::find(QStringView name) const
{
    auto it = m_types.find(name.toString());
    return it == m_types.end() ? nullptr : &it->second;
}

QStringList AgentRegistry::names() const
{
    QStringList result;
    for (const auto &[name, type] : m_types)
        result << name;
    return result;
}

QList<AgentType> AgentRegistry::types() const
{
    QList<AgentType> result;
    for (const auto &[name, type] : m_types)
        result << type;
    return result;
}

Result<Agent *> AgentRegistry::create(QStringView name, Container *container, const Value::List &args,
                                      const Value::Map &kwargs) const
{
    const AgentType *type = find(name);
    if (!type) {
        // Name the types that share the class name or the module, to help with typos.
        const QString wanted = name.toString();
        QStringList close;
        for (const auto &[known, t] : m_types) {
            if (known.section(u':', 1).compare(wanted.section(u':', 1), Qt::CaseInsensitive) == 0
                || known.section(u':', 0, 0) == wanted.section(u':', 0, 0))
                close << known;
        }
        QString message = mas::tr("No agent type \"%1\" is registered").arg(wanted);
        if (!close.isEmpty())
            message += mas::tr(" (did you mean %1?)").arg(close.join(QStringLiteral(", ")));
        return Error(ErrorCode::UnknownAgentType, message);
    }
    if (!container)
        return Error(ErrorCode::InvalidArgument,
                     mas::tr("No container to create \"%1\" in").arg(type->name));
    return type->create(container, args, kwargs);
}

Result<QStringList> AgentRegistry::loadPlugin(const QString &fileName)
{
    return load(fileName, false);
}

Result<QStringList> AgentRegistry::reloadPlugin(const QString &fileName)
{
    return load(fileName, true);
}

Result<QStringList> AgentRegistry::load(const QString &fileName, bool replace)
{
    const QFileInfo info(fileName);
    if (!info.exists())
        return pluginError(fileName, mas::tr("the file does not exist"));
    if (!info.isFile())
        return pluginError(fileName, mas::tr("it is not a file"));
    const QString canonical = info.canonicalFilePath();
    if (m_pluginFiles.contains(canonical)) {
        qCDebug(lcAgent) << "Agent plug-in" << canonical << "is loaded already";
        return QStringList();
    }

    MAS_TRY(root, pluginInstance(canonical));
    const AgentPlugin *plugin = qobject_cast<AgentPlugin *>(root);
    if (!plugin)
        return pluginError(canonical,
                           mas::tr("its plug-in class %1 does not implement mas::AgentPlugin, "
                              "although its IID says so")
                               .arg(QString::fromLatin1(root->metaObject()->className())));

    // All or nothing: check every name before adding any.
    const QList<AgentType> offered = plugin->agentTypes();
    QStringList problems;
    QStringList seen;
    for (const AgentType &type : offered) {
        if (const QString bad = badName(type.name); !bad.isEmpty())
            problems << bad;
        else if (!type.create)
            problems << mas::tr("agent type \"%1\" has no factory").arg(type.name);
        else if (m_types.contains(type.name) && !replace)
            problems << (m_typeFiles.contains(type.name)
                             ? mas::tr("agent type \"%1\" is registered already by plug-in \"%2\"")
                                   .arg(type.name, QDir::toNativeSeparators(
                                                       m_typeFiles.find(type.name)->second))
                             : mas::tr("agent type \"%1\" is registered already").arg(type.name));
        else if (seen.contains(type.name))
            problems << mas::tr("it offers agent type \"%1\" twice").arg(type.name);
        seen << type.name;
    }
    if (offered.isEmpty())
        problems << mas::tr("it offers no agent types");
    if (!problems.isEmpty())
        return pluginError(canonical, problems.join(QStringLiteral("; ")));

    QStringList added;
    for (const AgentType &type : offered) {
        added << type.name;
        m_typeFiles.insert_or_assign(type.name, canonical);
        m_types.insert_or_assign(type.name, type);
    }
    m_pluginFiles << canonical;
    qCDebug(lcAgent) << "Loaded agent plug-in" << canonical << "with" << added;
    return added;
}

Result<QStringList> AgentRegistry::loadPlugins(const QString &directory, QList<Error> *errors)
{
    const QDir dir(directory);
    if (!QFileInfo(directory).isDir())
        return Error(ErrorCode::PluginError,
                     mas::tr("Cannot load agent plug-ins from \"%1\": no such directory")
                         .arg(QDir::toNativeSeparators(directory)));
    if (!QFileInfo(directory).isReadable())
        return Error(ErrorCode::PluginError,
                     mas::tr("Cannot load agent plug-ins from \"%1\": the directory is not readable")
                         .arg(QDir::toNativeSeparators(directory)));
    QStringList added;
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &file : files) {
        if (!QLibrary::isLibrary(file))
            continue;
        Result<QStringList> names = loadPlugin(dir.filePath(file));
        if (names) {
            added << *names;
        } else if (errors) {
            errors->append(names.error());
        } else {
            qCWarning(lcAgent).noquote() << names.error().message();
        }
    }
    return added;
}

QStringList AgentRegistry::pluginFiles() const
{
    return m_pluginFiles;
}

QString AgentRegistry::pluginFile(QStringView name) const
{
    auto it = m_typeFiles.find(name.toString());
    return it == m_typeFiles.end() ? QString() : it->second;
}

// ---- constructor arguments ----

Result<void> checkArguments(const QString &function,
                            const Value::List &args,
                            const Value::Map &kwargs,
                            const QStringList &names,
                            qsizetype required)
{
    const qsizetype total = names.size();
    required = qBound(qsizetype(0), required, total);
    const qsizetype given = qsizetype(args.size());
    if (given > total) {
        // Python: "f() takes 2 positional arguments but 3 were given",
        //         "f() takes from 1 to 2 positional arguments but 3 were given".
        const QString count = required == total
                                  ? QString::number(total)
                                  : QStringLiteral("from %1 to %2").arg(required).arg(total);
        // Python's wording, built from English pieces: not translated (like the router's).
        return Error(ErrorCode::TypeMismatch,
                     QStringLiteral("%1() takes %2 positional argument%3 but %4 %5 given")
                         .arg(function, count,
                              total == 1 && required == total ? QString() : QStringLiteral("s"))
                         .arg(given)
                         .arg(given == 1 ? QStringLiteral("was") : QStringLiteral("were")));
    }
    for (const auto &[key, value] : kwargs) {
        const qsizetype at = key.isString() ? names.indexOf(key.stringRef()) : -1;
        if (at < 0)
            return Error(ErrorCode::TypeMismatch,
                         tr("%1() got an unexpected keyword argument %2")
                             .arg(function, quoted(key.isString() ? key.toString()
                                                                  : key.toDisplayString(40))));
        if (at < given)
            return Error(
                ErrorCode::TypeMismatch,
                tr("%1() got multiple values for argument %2").arg(function, quoted(names[at])));
    }
    QStringList missing;
    for (qsizetype i = given; i < required; ++i) {
        if (!detail::findArgument(args, kwargs, i, names[i]))
            missing << quoted(names[i]);
    }
    if (missing.isEmpty())
        return {};
    // Python: "'a'", "'a' and 'b'", "'a', 'b', and 'c'".
    QString list = missing.constLast();
    if (missing.size() == 2)
        list = missing.constFirst() + QStringLiteral(" and ") + list;
    else if (missing.size() > 2)
        list = missing.first(missing.size() - 1).join(QStringLiteral(", "))
               + QStringLiteral(", and ") + list;
    return Error(ErrorCode::TypeMismatch, // Python's wording, not translated (see above)
                 QStringLiteral("%1() missing %2 required positional argument%3: %4")
                     .arg(function)
                     .arg(missing.size())
                     .arg(missing.size() == 1 ? QString() : QStringLiteral("s"), list));
}

namespace detail {

const Value *findArgument(const Value::List &args,
                          const Value::Map &kwargs,
                          qsizetype index,
                          const QString &name)
{
    if (index >= 0 && index < qsizetype(args.size()))
        return &args[std::size_t(index)];
    for (const auto &[key, value] : kwargs) {
        if (key.isString() && key.stringRef() == name)
            return &value;
    }
    return nullptr;
}

Error missingArgument(const QString &function, const QString &name)
{
    return Error(ErrorCode::TypeMismatch,
                 mas::tr("%1() missing 1 required positional argument: %2").arg(function, quoted(name)));
}

Error wrongArgumentType(const QString &function, const QString &name, const Error &inner)
{
    return Error(ErrorCode::TypeMismatch,
                 mas::tr("%1() argument %2: %3").arg(function, quoted(name), inner.message()));
}

} // namespace detail

} // namespace mas
