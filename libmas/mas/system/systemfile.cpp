// SPDX-License-Identifier: MIT
#include "systemfile.h"

#include "logging_p.h"

#include <mas/agent/agentregistry.h>
#include <mas/agent/container.h>
#include <mas/codec/dateserializer.h>
#include <mas/codec/jsoncodec.h>
#include <mas/system/systemagent.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPointer>
#include <QSet>

namespace mas::system {

namespace {

// The texts of system files, one context for the parser and the system it builds.
struct SystemFileText
{
    Q_DECLARE_TR_FUNCTIONS(mas::system::SystemFile)
};

QString typeName(const Value &v)
{
    if (v.isNull())
        return QStringLiteral("null");
    if (v.isBool())
        return SystemFileText::tr("a boolean");
    if (v.isString())
        return SystemFileText::tr("a string");
    if (v.isList())
        return SystemFileText::tr("an array");
    if (v.isMap())
        return SystemFileText::tr("an object");
    return SystemFileText::tr("a number");
}

/// A system built from a file: its containers, its agents by type, its invariants by id.
class FileSystem : public ProcessSystem
{
public:
    FileSystem(const QString &queueId, const Parameters &parameters, SystemFile file)
        : ProcessSystem(queueId, parameters, file.processes, {})
        , m_file(std::move(file))
    {}

    Result<void> populate()
    {
        if (!m_file.processes.isEmpty() && parameters().transport != Transport::LocalQueue)
            return m_file.error(QStringLiteral("processes"),
                                SystemFileText::tr("Processes run on the stepped network only (transport \"local\")"));
        MAS_TRY_VOID(createContainers(int(m_file.containers.size())));
        if (!m_file.processes.isEmpty())
            MAS_TRY_VOID(setUpProcesses());
        // Every agent's URL is known before any agent exists: the containers listen already,
        // and ids go 0, 1, ... in each container in file order.
        QHash<QString, QString> urls;
        for (qsizetype c = 0; c < m_file.containers.size(); ++c) {
            const QString base = containers().at(c)->baseAddress();
            for (qsizetype a = 0; a < m_file.containers[c].agents.size(); ++a)
                urls.insert(m_file.containers[c].agents[a].name, base + QString::number(a));
        }
        const auto urlOf = [&urls](const QString &name) -> std::optional<QString> {
            if (auto it = urls.constFind(name); it != urls.constEnd())
                return *it;
            return std::nullopt;
        };
        for (qsizetype c = 0; c < m_file.containers.size(); ++c) {
            qsizetype index = -1;
            for (const SystemFile::Agent &entry : std::as_const(m_file.containers[c].agents)) {
                ++index;
                MAS_TRY(args, SystemFile::resolve(Value(entry.args), urlOf, entry.where + QStringLiteral(".args")));
                MAS_TRY(kwargs, SystemFile::resolve(Value(entry.kwargs), urlOf, entry.where + QStringLiteral(".kwargs")));
                Result<mas::Agent *> made =
                    AgentRegistry::global().create(entry.type, containers().at(c), args.asList(), kwargs.asMap());
                if (!made)
                    return m_file.error(entry.where, made.error().message());
                if (auto *agent = qobject_cast<SystemAgent *>(*made)) {
                    // A name the file gives is the agent's name in every view; a default one
                    // (CONTAINER/INDEX) leaves the agent's own (SystemAgent::displayName()).
                    if (entry.name != QStringLiteral("%1/%2").arg(m_file.containers[c].name).arg(index))
                        agent->setDisplayName(entry.name);
                    addAgent(agent);
                }
                else
                    qCInfo(lcSystem).noquote() << entry.where << entry.type
                                               << "is not a SystemAgent: its state is not shown";
            }
        }
        for (const QString &id : std::as_const(m_file.invariants)) {
            const InvariantType *type = SystemRegistry::global().findInvariant(id);
            if (!type)
                return m_file.error(QStringLiteral("invariants"), SystemFileText::tr("Unknown invariant \"%1\"").arg(id));
            m_invariants.append(type->make(this));
        }
        return {};
    }

    QString id() const override { return QStringLiteral("file:") + QFileInfo(m_file.fileName).fileName(); }
    QString title() const override
    {
        return m_file.title.isEmpty() ? QFileInfo(m_file.fileName).fileName() : m_file.title;
    }
    /// With processes: when they have all exited.
    bool isFinished() const override { return ProcessSystem::isFinished(); }
    QString outcome() const override
    {
        const QString agentsPart = SystemFileText::tr("%1: %2 agent(s) in %3 container(s)")
                                       .arg(title())
                                       .arg(agents().size())
                                       .arg(containers().size());
        if (m_file.processes.isEmpty())
            return agentsPart;
        return SystemFileText::tr("%1; processes: %2").arg(agentsPart, ProcessSystem::outcome());
    }
    /// The file's, and with processes "no program failed".
    QList<Invariant> invariants() const override
    {
        return m_file.processes.isEmpty() ? m_invariants : m_invariants + programInvariants();
    }
    /// A file's system has no notion of "finished": no goal by default; with processes
    /// "every program exited".
    QList<Invariant> goals() const override
    {
        return m_file.processes.isEmpty() ? QList<Invariant>() : programGoals();
    }
    const SystemFile &file() const { return m_file; }

protected:
    void begin() override
    {
        for (SystemAgent *agent : agents())
            agent->begin();
        ProcessSystem::begin();
    }

private:
    SystemFile m_file;
    QList<Invariant> m_invariants;
};

} // namespace

Error SystemFile::error(const QString &key, const QString &reason) const
{
    const QString file = QFileInfo(fileName).fileName();
    return Error(ErrorCode::InvalidArgument,
                 key.isEmpty() ? QStringLiteral("%1: %2").arg(file, reason)
                               : QStringLiteral("%1: %2: %3").arg(file, key, reason));
}

Result<SystemFile> SystemFile::load(const QString &fileName)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly)) {
        SystemFile named;
        named.fileName = fileName;
        return named.error(QString(), SystemFileText::tr("Cannot read the file: %1").arg(f.errorString()));
    }
    return parse(f.readAll(), fileName);
}

Result<SystemFile> SystemFile::parse(const QByteArray &json, const QString &fileName)
{
    SystemFile file;
    file.fileName = QFileInfo(fileName).absoluteFilePath();
    const QDir dir = QFileInfo(file.fileName).absoluteDir();
    Result<Value> root = JsonCodec::read(json);
    if (!root)
        return file.error(QString(), SystemFileText::tr("Not valid JSON: %1").arg(root.error().message()));
    if (!root->isMap())
        return file.error(QString(), SystemFileText::tr("Expected an object, not %1").arg(typeName(*root)));
    const auto wrongType = [&file](const QString &key, const QString &expected, const Value &got) {
        return file.error(key, SystemFileText::tr("Expected %1, not %2").arg(expected, typeName(got)));
    };
    const auto checkKeys = [&file](const Value &map, const QString &where, const QStringList &known) -> Result<void> {
        for (const auto &[key, value] : map.asMap()) {
            Q_UNUSED(value)
            const QString name = key.toString();
            if (!known.contains(name))
                return file.error(where.isEmpty() ? name : where + u'.' + name,
                                  SystemFileText::tr("Unknown key (known: %1)").arg(known.join(QStringLiteral(", "))));
        }
        return {};
    };
    MAS_TRY_VOID(checkKeys(*root, QString(),
                           {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("bug"),
                            QStringLiteral("messages"), QStringLiteral("plugin_path"), QStringLiteral("codec"),
                            QStringLiteral("transport"), QStringLiteral("clock"), QStringLiteral("request_timeout_ms"),
                            QStringLiteral("containers"), QStringLiteral("processes"), QStringLiteral("invariants"), QStringLiteral("listen"),
                            QStringLiteral("tls"), QStringLiteral("monitor"), QStringLiteral("agents")}));
    for (const QString &hostOnly : {QStringLiteral("listen"), QStringLiteral("agents")}) {
        if (root->find(QStringView(hostOnly)))
            return file.error(hostOnly, SystemFileText::tr("A system file lists its agents under \"containers\"; \"%1\" belongs to a "
                                           "single host's config")
                                            .arg(hostOnly));
    }
    if (const Value *v = root->find(u"title")) {
        if (!v->isString())
            return wrongType(QStringLiteral("title"), SystemFileText::tr("a string"), *v);
        file.title = v->toString();
    }
    // What the description panel shows: the rules, the bug (hidden until revealed), the messages.
    for (const auto &[key, target] : {std::pair{QStringLiteral("description"), &file.description},
                                      std::pair{QStringLiteral("bug"), &file.bug}}) {
        if (const Value *v = root->find(QStringView(key))) {
            if (!v->isString())
                return wrongType(key, SystemFileText::tr("a string"), *v);
            *target = v->toString();
        }
    }
    if (const Value *v = root->find(u"messages")) {
        if (!v->isMap())
            return wrongType(QStringLiteral("messages"), SystemFileText::tr("an object (message: what it means)"), *v);
        for (const auto &[method, meaning] : v->asMap()) {
            if (!meaning.isString())
                return wrongType(QStringLiteral("messages.") + method.toString(), SystemFileText::tr("a string"), meaning);
            file.messages.append({method.toString(), meaning.toString()});
        }
    }
    if (const Value *v = root->find(u"plugin_path")) {
        const Value::List list = v->isString() ? Value::List{*v} : (v->isList() ? v->asList() : Value::List{});
        if (!v->isString() && !v->isList())
            return wrongType(QStringLiteral("plugin_path"), SystemFileText::tr("a string or an array of strings"), *v);
        for (qsizetype i = 0; i < qsizetype(list.size()); ++i) {
            if (!list[size_t(i)].isString())
                return wrongType(QStringLiteral("plugin_path[%1]").arg(i), SystemFileText::tr("a string"), list[size_t(i)]);
            file.pluginPaths << QDir::cleanPath(dir.absoluteFilePath(list[size_t(i)].toString()));
        }
    }
    if (const Value *v = root->find(u"codec")) {
        if (!v->isString())
            return wrongType(QStringLiteral("codec"), SystemFileText::tr("a string"), *v);
        file.codec = v->toString();
        if (!QStringList{QStringLiteral("json"), QStringLiteral("msgpack"), QStringLiteral("msgpackblosc")}.contains(file.codec))
            return file.error(QStringLiteral("codec"), SystemFileText::tr("Unknown codec \"%1\": use json, msgpack or msgpackblosc").arg(file.codec));
    }
    if (const Value *v = root->find(u"transport")) {
        if (!v->isString())
            return wrongType(QStringLiteral("transport"), SystemFileText::tr("a string"), *v);
        Result<Transport> t = parseTransport(v->toString());
        if (!t)
            return file.error(QStringLiteral("transport"), t.error().message());
        file.transport = *t;
    }
    if (const Value *v = root->find(u"clock")) {
        if (!v->isMap())
            return wrongType(QStringLiteral("clock"), SystemFileText::tr("an object {\"start\": DATE}"), *v);
        MAS_TRY_VOID(checkKeys(*v, QStringLiteral("clock"), {QStringLiteral("start")}));
        if (const Value *start = v->find(u"start")) {
            if (!start->isString())
                return wrongType(QStringLiteral("clock.start"), SystemFileText::tr("an ISO 8601 date"), *start);
            Result<QDateTime> date = parseIsoDate(start->toString());
            if (!date)
                return file.error(QStringLiteral("clock.start"), date.error().message());
            file.clockStart = *date;
        }
    }
    if (const Value *v = root->find(u"request_timeout_ms")) {
        if (!v->isInteger() || v->toInt() <= 0)
            return file.error(QStringLiteral("request_timeout_ms"), SystemFileText::tr("Expected a positive number of milliseconds"));
        file.requestTimeout = std::chrono::milliseconds(v->toInt());
    }
    if (const Value *v = root->find(u"processes")) {
        if (!v->isList())
            return wrongType(QStringLiteral("processes"), SystemFileText::tr("an array of processes"), *v);
        QSet<QString> processNames;
        for (qsizetype i = 0; i < qsizetype(v->asList().size()); ++i) {
            const Value &entry = v->asList()[size_t(i)];
            const QString where = QStringLiteral("processes[%1]").arg(i);
            if (!entry.isMap())
                return wrongType(where, SystemFileText::tr("an object {\"command\", \"cwd\", \"name\", \"env\"}"), entry);
            MAS_TRY_VOID(checkKeys(entry, where,
                                   {QStringLiteral("command"), QStringLiteral("cwd"), QStringLiteral("name"), QStringLiteral("env")}));
            ProcessSpec spec;
            const Value *command = entry.find(u"command");
            if (!command || !command->isList() || command->asList().empty())
                return file.error(where + QStringLiteral(".command"),
                                  SystemFileText::tr("Expected the interpreter, the program and its arguments: "
                                                     "[\"python3\", \"agents.py\", ...]"));
            for (qsizetype k = 0; k < qsizetype(command->asList().size()); ++k) {
                const Value &part = command->asList()[size_t(k)];
                if (!part.isString() || part.toString().isEmpty())
                    return wrongType(QStringLiteral("%1.command[%2]").arg(where).arg(k), SystemFileText::tr("a non-empty string"), part);
                spec.command << part.toString();
            }
            spec.workingDirectory = dir.absolutePath();
            if (const Value *cwd = entry.find(u"cwd")) {
                if (!cwd->isString())
                    return wrongType(where + QStringLiteral(".cwd"), SystemFileText::tr("a directory"), *cwd);
                spec.workingDirectory = QDir::cleanPath(dir.absoluteFilePath(cwd->toString()));
            }
            if (const Value *name = entry.find(u"name")) {
                if (!name->isString() || name->toString().isEmpty())
                    return wrongType(where + QStringLiteral(".name"), SystemFileText::tr("a non-empty string"), *name);
                spec.name = name->toString();
            }
            if (const Value *env = entry.find(u"env")) {
                if (!env->isMap())
                    return wrongType(where + QStringLiteral(".env"), SystemFileText::tr("an object of strings"), *env);
                for (const auto &[key, value] : env->asMap()) {
                    if (!value.isString())
                        return wrongType(where + QStringLiteral(".env.") + key.toString(), SystemFileText::tr("a string"), value);
                    spec.environment.insert(key.toString(), value.toString());
                }
            }
            if (Result<void> ok = spec.check(); !ok)
                return file.error(where + QStringLiteral(".command"), ok.error().message());
            if (processNames.contains(spec.displayName()))
                return file.error(where + QStringLiteral(".name"),
                                  SystemFileText::tr("Two processes are called \"%1\"").arg(spec.displayName()));
            processNames.insert(spec.displayName());
            file.processes.append(spec);
        }
    }
    const Value *containers = root->find(u"containers");
    static const Value noContainers{Value::List{}};
    if (!containers && file.processes.isEmpty())
        return file.error(QStringLiteral("containers"),
                          SystemFileText::tr("Missing: a system file lists its containers and their agents, or its processes"));
    if (!containers)
        containers = &noContainers;
    if (!containers->isList() || (containers->asList().empty() && file.processes.isEmpty()))
        return file.error(QStringLiteral("containers"), SystemFileText::tr("Expected a non-empty array of containers"));
    QSet<QString> containerNames;
    QSet<QString> agentNames;
    // The names given, so that a default name (c0, c1, ...) never takes one of them.
    QSet<QString> givenNames;
    for (const Value &entry : containers->asList()) {
        if (const Value *name = entry.isMap() ? entry.find(u"name") : nullptr; name && name->isString())
            givenNames.insert(name->toString());
    }
    for (qsizetype c = 0; c < qsizetype(containers->asList().size()); ++c) {
        const Value &entry = containers->asList()[size_t(c)];
        const QString where = QStringLiteral("containers[%1]").arg(c);
        if (!entry.isMap())
            return wrongType(where, SystemFileText::tr("an object"), entry);
        MAS_TRY_VOID(checkKeys(entry, where, {QStringLiteral("name"), QStringLiteral("listen"), QStringLiteral("agents")}));
        Container container;
        container.where = where;
        container.name = QStringLiteral("c%1").arg(c);
        while (givenNames.contains(container.name))
            container.name += u'_';
        if (const Value *name = entry.find(u"name")) {
            if (!name->isString() || name->toString().isEmpty() || name->toString().contains(u'/'))
                return file.error(where + QStringLiteral(".name"), SystemFileText::tr("Expected a name without \"/\""));
            container.name = name->toString();
        }
        if (containerNames.contains(container.name))
            return file.error(where + QStringLiteral(".name"), SystemFileText::tr("Two containers are called \"%1\"").arg(container.name));
        containerNames.insert(container.name);
        if (const Value *listen = entry.find(u"listen")) {
            if (!listen->isString())
                return wrongType(where + QStringLiteral(".listen"), SystemFileText::tr("an address (tcp://HOST:PORT or ipc://PATH)"), *listen);
            container.listen = listen->toString();
            if (Result<Address> parsed = mas::Container::parseAddress(container.listen); !parsed)
                return file.error(where + QStringLiteral(".listen"), parsed.error().message());
        }
        const Value *agents = entry.find(u"agents");
        if (!agents || !agents->isList())
            return file.error(where + QStringLiteral(".agents"), SystemFileText::tr("Expected an array of agents"));
        for (qsizetype a = 0; a < qsizetype(agents->asList().size()); ++a) {
            const Value &agentEntry = agents->asList()[size_t(a)];
            Agent agent;
            agent.where = QStringLiteral("%1.agents[%2]").arg(where).arg(a);
            if (!agentEntry.isMap())
                return wrongType(agent.where, SystemFileText::tr("an object {\"type\", \"args\", \"kwargs\", \"name\"}"), agentEntry);
            MAS_TRY_VOID(checkKeys(agentEntry, agent.where,
                                   {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("args"), QStringLiteral("kwargs")}));
            const Value *type = agentEntry.find(u"type");
            if (!type || !type->isString() || type->toString().isEmpty())
                return file.error(agent.where + QStringLiteral(".type"), SystemFileText::tr("Expected an agent type such as \"pkg.module:Class\""));
            agent.type = type->toString();
            agent.name = QStringLiteral("%1/%2").arg(container.name).arg(a);
            if (const Value *name = agentEntry.find(u"name")) {
                if (!name->isString() || name->toString().isEmpty() || name->toString().startsWith(u'@'))
                    return file.error(agent.where + QStringLiteral(".name"), SystemFileText::tr("Expected a name (not starting with \"@\")"));
                agent.name = name->toString();
            }
            if (agentNames.contains(agent.name))
                return file.error(agent.where + QStringLiteral(".name"), SystemFileText::tr("Two agents are called \"%1\"").arg(agent.name));
            agentNames.insert(agent.name);
            if (const Value *args = agentEntry.find(u"args")) {
                if (!args->isList())
                    return wrongType(agent.where + QStringLiteral(".args"), SystemFileText::tr("an array"), *args);
                agent.args = args->asList();
            }
            if (const Value *kwargs = agentEntry.find(u"kwargs")) {
                if (!kwargs->isMap())
                    return wrongType(agent.where + QStringLiteral(".kwargs"), SystemFileText::tr("an object"), *kwargs);
                agent.kwargs = kwargs->asMap();
            }
            container.agents.append(agent);
        }
        file.containers.append(container);
    }
    if (const Value *v = root->find(u"invariants")) {
        if (!v->isList())
            return wrongType(QStringLiteral("invariants"), SystemFileText::tr("an array of invariant ids"), *v);
        for (qsizetype i = 0; i < qsizetype(v->asList().size()); ++i) {
            const Value &id = v->asList()[size_t(i)];
            if (!id.isString())
                return wrongType(QStringLiteral("invariants[%1]").arg(i), SystemFileText::tr("a string"), id);
            file.invariants << id.toString();
        }
    }
    // Every reference names an agent of the file.
    const auto urlOf = [&agentNames](const QString &name) -> std::optional<QString> {
        if (agentNames.contains(name))
            return QStringLiteral("local://check/0");
        return std::nullopt;
    };
    for (const Container &container : std::as_const(file.containers)) {
        for (const Agent &agent : container.agents) {
            for (const auto &[value, key] : {std::pair<Value, QString>(Value(agent.args), QStringLiteral(".args")),
                                              std::pair<Value, QString>(Value(agent.kwargs), QStringLiteral(".kwargs"))}) {
                if (Result<Value> resolved = resolve(value, urlOf, agent.where + key); !resolved)
                    return file.error(QString(), resolved.error().message());
            }
        }
    }
    return file;
}

Result<Value> SystemFile::resolve(const Value &value, const std::function<std::optional<QString>(const QString &)> &urlOf,
                                  const QString &where)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (text.startsWith(QStringLiteral("@@")))
            return Value(text.mid(1));
        if (!text.startsWith(u'@'))
            return value;
        if (std::optional<QString> url = urlOf(text.mid(1)))
            return Value(*url);
        return Error(ErrorCode::InvalidArgument, QStringLiteral("%1: %2").arg(where, SystemFileText::tr("No agent is called \"%1\"").arg(text.mid(1))));
    }
    if (value.isList()) {
        Value::List out;
        for (qsizetype i = 0; i < qsizetype(value.asList().size()); ++i) {
            MAS_TRY(item, resolve(value.asList()[size_t(i)], urlOf, QStringLiteral("%1[%2]").arg(where).arg(i)));
            out.push_back(std::move(item));
        }
        return Value(std::move(out));
    }
    if (value.isMap()) {
        Value::Map out;
        for (const auto &[key, item] : value.asMap()) {
            MAS_TRY(resolved, resolve(item, urlOf, QStringLiteral("%1.%2").arg(where, key.toString())));
            out.emplace_back(key, std::move(resolved));
        }
        return Value(std::move(out));
    }
    return value;
}

const SystemFile::Agent *SystemFile::agent(QStringView name) const
{
    for (const Container &c : containers) {
        for (const Agent &a : c.agents) {
            if (a.name == name)
                return &a;
        }
    }
    return nullptr;
}

Result<void> SystemFile::loadPlugins() const
{
    for (const QString &directory : pluginPaths) {
        if (!QFileInfo(directory).isDir())
            return error(QStringLiteral("plugin_path"), SystemFileText::tr("The plug-in directory \"%1\" does not exist").arg(directory));
        QList<Error> errors;
        Result<QStringList> loaded = SystemRegistry::global().loadPlugins(directory, &errors);
        if (!loaded)
            return error(QStringLiteral("plugin_path"), loaded.error().message());
        if (!errors.isEmpty())
            return error(QStringLiteral("plugin_path"), errors.constFirst().message());
    }
    return {};
}

Result<void> SystemFile::check() const
{
    for (const Container &c : containers) {
        for (const Agent &a : c.agents) {
            if (!AgentRegistry::global().contains(a.type)) {
                // The registry's own message lists the names that come close.
                Result<mas::Agent *> probe = AgentRegistry::global().create(a.type, nullptr);
                return error(a.where + QStringLiteral(".type"),
                             probe ? SystemFileText::tr("Unknown agent type \"%1\"").arg(a.type) : probe.error().message());
            }
        }
    }
    for (qsizetype i = 0; i < invariants.size(); ++i) {
        if (!SystemRegistry::global().findInvariant(invariants[i])) {
            QStringList known;
            for (const InvariantType &t : SystemRegistry::global().invariantTypes())
                known << t.id;
            return error(QStringLiteral("invariants[%1]").arg(i),
                         known.isEmpty() ? SystemFileText::tr("Unknown invariant \"%1\" (no plug-in offers invariants)").arg(invariants[i])
                                         : SystemFileText::tr("Unknown invariant \"%1\" (known: %2)")
                                               .arg(invariants[i], known.join(QStringLiteral(", "))));
        }
    }
    return {};
}

Parameters SystemFile::parameters() const
{
    Parameters p;
    p.agents = 0;
    for (const Container &c : containers)
        p.agents += int(c.agents.size());
    p.codec = codec;
    p.transport = transport;
    p.requestTimeout = requestTimeout;
    p.clockStart = clockStart;
    return p;
}

SystemType SystemFile::systemType() const
{
    SystemType type;
    type.id = QStringLiteral("file:") + QFileInfo(fileName).fileName();
    type.title = title.isEmpty() ? QFileInfo(fileName).fileName() : title;
    type.description = description.isEmpty() ? SystemFileText::tr("The system described by %1").arg(fileName) : description;
    type.faultyDescription = bug;
    type.messages = messages;
    const SystemFile copy = *this;
    type.build = [copy](const QString &queueId, const Parameters &parameters) { return copy.build(queueId, parameters); };
    return type;
}

Result<std::unique_ptr<System>> SystemFile::build(const QString &queueId, const Parameters &parameters) const
{
    MAS_TRY_VOID(check());
    Parameters p = parameters;
    p.clockStart = clockStart;
    auto system = std::make_unique<FileSystem>(queueId, p, *this);
    MAS_TRY_VOID(system->populate());
    return std::unique_ptr<System>(std::move(system));
}

} // namespace mas::system
