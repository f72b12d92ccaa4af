// SPDX-License-Identifier: MIT
#include "hostcommand.h"
#include "console.h"

#include <mas/agent/agent.h>
#include <mas/agent/agentregistry.h>
#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/codec/codec.h>
#include <mas/codec/jsoncodec.h>
#include <mas/core/terminationsignals.h>
#include <mas/observe/monitorservice.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCoro/QCoroSignal>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QSet>
#include <QTextStream>

#include <csignal>
#include <exception>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

// Info is on by default: a host's start, its agents and its shutdown belong in the journal.
Q_LOGGING_CATEGORY(lcHost, "mas.host", QtInfoMsg)

namespace {

using mas::cli::err;
using mas::cli::out;

enum ExitCode
{
    Ok = 0,
    UsageError = 2,
    StartFailure = 3
};

// The texts of `mas host` (lupdate files tr() calls of free functions only under a class).
struct HostCommand
{
    Q_DECLARE_TR_FUNCTIONS(HostCommand)
};

/// One entry of the config's "agents" list.
struct AgentSpec
{
    QString where; ///< "agents[2]", for messages
    QString type;
    mas::Value::List args;
    mas::Value::Map kwargs;
    qint64 count = 1;
};

/// What the host runs: the config file first, then the command line on top.
struct HostSettings
{
    QString listen;
    QString codec = QStringLiteral("json");
    QString clock = QStringLiteral("realtime");
    QString start;
    QString tlsCa;
    QString tlsCert;
    QString tlsKey;
    QStringList pluginPaths;
    bool monitor = false;
    std::vector<AgentSpec> agents;

    bool tls() const { return !tlsCa.isEmpty() || !tlsCert.isEmpty() || !tlsKey.isEmpty(); }
};

mas::Error usageError(const QString &message)
{
    return mas::Error(mas::ErrorCode::InvalidArgument, message);
}

/// Exit status 3 for what only fails when the host starts (a busy address, TLS files that do
/// not load); 2 for the rest, which a user fixes in the config or on the command line.
int exitCodeFor(const mas::Error &error)
{
    switch (error.code()) {
    case mas::ErrorCode::AddressInUse:
    case mas::ErrorCode::TlsError:
        return StartFailure;
    default:
        return error.isConnectionError() ? StartFailure : UsageError;
    }
}

int report(const mas::Error &error)
{
    err() << "mas host: " << error.message() << Qt::endl;
    return exitCodeFor(error);
}

QString jsonTypeName(const mas::Value &v)
{
    switch (v.type()) {
    case mas::Value::Type::Null:
        return QStringLiteral("null");
    case mas::Value::Type::Bool:
        return QStringLiteral("a boolean");
    case mas::Value::Type::String:
        return QStringLiteral("a string");
    case mas::Value::Type::List:
        return QStringLiteral("an array");
    case mas::Value::Type::Map:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("a number");
    }
}

/// Where a syntactically valid JSON text repeats a key within one object (the parsers keep
/// only one of them silently), as the key and the byte offset of its second occurrence.
std::optional<std::pair<QString, qsizetype>> findDuplicateKey(const QByteArray &json)
{
    struct Frame
    {
        bool object = false;
        bool expectKey = false;
        QSet<QString> keys;
    };
    std::vector<Frame> stack;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            Frame frame;
            frame.object = c == '{';
            frame.expectKey = frame.object;
            stack.push_back(std::move(frame));
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty() && stack.back().object)
                stack.back().expectKey = true;
        } else if (c == '"') {
            const qsizetype begin = i;
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                if (json[i] == '\\')
                    ++i;
            }
            if (stack.empty() || !stack.back().expectKey)
                continue;
            stack.back().expectKey = false;
            // Decoded, so that "a" and "\u0061" are one key.
            const QJsonDocument wrapped =
                QJsonDocument::fromJson('[' + json.mid(begin, i - begin + 1) + ']');
            const QString key = wrapped.array().at(0).toString();
            if (stack.back().keys.contains(key))
                return std::make_pair(key, begin);
            stack.back().keys.insert(key);
        }
    }
    return std::nullopt;
}

/// Reads a host config file (format in the command's help and docs/deployment.md). Every
/// message starts with the file name; JSON syntax errors give the line and column.
class ConfigReader
{
public:
    explicit ConfigReader(const QString &fileName)
        : m_fileName(fileName)
        , m_dir(QFileInfo(fileName).absoluteDir())
    {}

    mas::Result<void> read(HostSettings &settings) const
    {
        QFile file(m_fileName);
        if (!file.open(QIODevice::ReadOnly))
            return usageError(
                HostCommand::tr("Cannot read the config file %1: %2").arg(m_fileName, file.errorString()));
        const QByteArray data = file.readAll();
        // QJsonDocument finds syntax errors with their position; the values themselves are
        // read with libmas's decoder, which keeps integers exact and keys in order.
        QJsonParseError parseError;
        QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return usageError(
                HostCommand::tr("%1:%2: invalid JSON: %3")
                    .arg(m_fileName, position(data, parseError.offset), parseError.errorString()));
        if (const auto duplicate = findDuplicateKey(data))
            return usageError(
                HostCommand::tr("%1:%2: key \"%3\" appears twice in one object")
                    .arg(m_fileName, position(data, duplicate->second), duplicate->first));
        mas::Result<mas::Value> root = mas::JsonCodec::read(data);
        if (!root)
            return error(root.error().message());
        if (!root->isMap())
            return error(HostCommand::tr("the config must be a JSON object, not %1").arg(jsonTypeName(*root)));
        MAS_TRY_VOID(
            checkKeys(*root, HostCommand::tr("the config"),
                      {QStringLiteral("listen"), QStringLiteral("codec"), QStringLiteral("clock"),
                       QStringLiteral("tls"), QStringLiteral("plugin_path"),
                       QStringLiteral("monitor"), QStringLiteral("agents")}));
        for (const auto &[key, value] : root->asMap()) {
            const QString name = key.toString();
            if (name == u"listen") {
                MAS_TRY(text, string(value, name));
                settings.listen = text;
            } else if (name == u"codec") {
                MAS_TRY(text, string(value, name));
                settings.codec = text;
            } else if (name == u"clock") {
                MAS_TRY_VOID(readClock(value, settings));
            } else if (name == u"tls") {
                MAS_TRY_VOID(readTls(value, settings));
            } else if (name == u"plugin_path") {
                MAS_TRY_VOID(readPluginPath(value, settings));
            } else if (name == u"monitor") {
                if (!value.isBool())
                    return wrongType(name, HostCommand::tr("true or false"), value);
                settings.monitor = value.toBool();
            } else if (name == u"agents") {
                MAS_TRY_VOID(readAgents(value, settings));
            }
        }
        return {};
    }

private:
    /// "LINE:COLUMN" (from 1, columns in characters) of a byte offset.
    static QString position(const QByteArray &data, qsizetype offset)
    {
        const QByteArray before = data.left(offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column =
            QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size() + 1;
        return QStringLiteral("%1:%2").arg(line).arg(column);
    }

    mas::Error error(const QString &message) const
    {
        return usageError(m_fileName + QStringLiteral(": ") + message);
    }

    mas::Error wrongType(const QString &where, const QString &wanted, const mas::Value &value) const
    {
        return error(HostCommand::tr("\"%1\" must be %2, not %3").arg(where, wanted, jsonTypeName(value)));
    }

    /// Rejects unknown keys, so a typo never goes unnoticed.
    mas::Result<void>
    checkKeys(const mas::Value &object, const QString &where, const QStringList &known) const
    {
        for (const auto &[key, value] : object.asMap()) {
            const QString name = key.toString();
            if (!known.contains(name))
                return error(HostCommand::tr("unknown key \"%1\" in %2 (known keys: %3)")
                                 .arg(name, where, known.join(u", ")));
        }
        return {};
    }

    mas::Result<QString> string(const mas::Value &value, const QString &where) const
    {
        if (!value.isString() || value.toString().isEmpty())
            return wrongType(where, HostCommand::tr("a non-empty string"), value);
        return value.toString();
    }

    QString path(const QString &name) const
    {
        return QDir::cleanPath(m_dir.absoluteFilePath(name));
    }

    mas::Result<void> readClock(const mas::Value &value, HostSettings &settings) const
    {
        if (value.isString()) {
            settings.clock = value.toString();
            return {};
        }
        if (!value.isMap())
            return wrongType(QStringLiteral("clock"), HostCommand::tr("\"realtime\", \"external\" or an object"),
                             value);
        MAS_TRY_VOID(checkKeys(value, QStringLiteral("\"clock\""),
                               {QStringLiteral("type"), QStringLiteral("start")}));
        if (const mas::Value *type = value.find(u"type")) {
            MAS_TRY(text, string(*type, QStringLiteral("clock.type")));
            settings.clock = text;
        }
        if (const mas::Value *start = value.find(u"start")) {
            MAS_TRY(text, string(*start, QStringLiteral("clock.start")));
            settings.start = text;
        }
        return {};
    }

    mas::Result<void> readTls(const mas::Value &value, HostSettings &settings) const
    {
        if (!value.isMap())
            return wrongType(QStringLiteral("tls"), HostCommand::tr("an object {\"ca\", \"cert\", \"key\"}"),
                             value);
        MAS_TRY_VOID(
            checkKeys(value, QStringLiteral("\"tls\""),
                      {QStringLiteral("ca"), QStringLiteral("cert"), QStringLiteral("key")}));
        for (const auto &[key, file] : value.asMap()) {
            const QString name = key.toString();
            MAS_TRY(text, string(file, QStringLiteral("tls.") + name));
            (name == u"ca"     ? settings.tlsCa
             : name == u"cert" ? settings.tlsCert
                               : settings.tlsKey) = path(text);
        }
        return {};
    }

    mas::Result<void> readPluginPath(const mas::Value &value, HostSettings &settings) const
    {
        if (value.isString()) {
            settings.pluginPaths << path(value.toString());
            return {};
        }
        if (!value.isList())
            return wrongType(QStringLiteral("plugin_path"), HostCommand::tr("a string or an array of strings"),
                             value);
        for (qsizetype i = 0; i < value.size(); ++i) {
            MAS_TRY(text, string(value.at(i), QStringLiteral("plugin_path[%1]").arg(i)));
            settings.pluginPaths << path(text);
        }
        return {};
    }

    mas::Result<void> readAgents(const mas::Value &value, HostSettings &settings) const
    {
        if (!value.isList())
            return wrongType(QStringLiteral("agents"), HostCommand::tr("an array"), value);
        for (qsizetype i = 0; i < value.size(); ++i) {
            const mas::Value &entry = value.at(i);
            AgentSpec spec;
            spec.where = QStringLiteral("agents[%1]").arg(i);
            if (!entry.isMap())
                return wrongType(
                    spec.where, HostCommand::tr("an object {\"type\", \"args\", \"kwargs\", \"count\"}"), entry);
            MAS_TRY_VOID(checkKeys(entry, spec.where,
                                   {QStringLiteral("type"), QStringLiteral("args"),
                                    QStringLiteral("kwargs"), QStringLiteral("count")}));
            const mas::Value *type = entry.find(u"type");
            if (!type)
                return error(HostCommand::tr("%1 has no \"type\" (an agent type such as \"pkg.module:Class\")")
                                 .arg(spec.where));
            MAS_TRY(typeName, string(*type, spec.where + QStringLiteral(".type")));
            spec.type = typeName;
            if (const mas::Value *args = entry.find(u"args")) {
                if (!args->isList())
                    return wrongType(spec.where + QStringLiteral(".args"), HostCommand::tr("an array"), *args);
                spec.args = args->asList();
            }
            if (const mas::Value *kwargs = entry.find(u"kwargs")) {
                if (!kwargs->isMap())
                    return wrongType(spec.where + QStringLiteral(".kwargs"), HostCommand::tr("an object"),
                                     *kwargs);
                spec.kwargs = kwargs->asMap();
            }
            if (const mas::Value *count = entry.find(u"count")) {
                if (count->type() != mas::Value::Type::Int || count->toInt() < 1)
                    return error(HostCommand::tr("\"%1.count\" must be a positive integer, not %2")
                                     .arg(spec.where, count->isInteger() ? count->toDisplayString()
                                                                         : jsonTypeName(*count)));
                spec.count = count->toInt();
            }
            settings.agents.push_back(std::move(spec));
        }
        return {};
    }

    QString m_fileName;
    QDir m_dir;
};

void setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(HostCommand::tr(
        "Runs a container of agents without a display: listens on ADDRESS, creates the agents\n"
        "of the config file, prints one line \"URL TYPE\" per agent on stdout once they are\n"
        "reachable and serves until SIGINT or SIGTERM; then it closes every connection (calls\n"
        "in flight fail with a connection error) and exits with status 0. Logs go to stderr\n"
        "(category mas.host; more with QT_LOGGING_RULES=\"mas.*.debug=true\").\n\n"
        "ADDRESS is tcp://HOST:PORT (HOST an IP address, 0.0.0.0 for all interfaces or\n"
        "localhost; port 0 picks a free one) or ipc://PATH for a Unix socket.\n\n"
        "Config file (JSON; every key is optional; command-line options win):\n"
        "  {\n"
        "    \"listen\": \"tcp://0.0.0.0:5555\",\n"
        "    \"codec\": \"json\",                 json, msgpack or msgpackblosc\n"
        "    \"clock\": {\"type\": \"external\", \"start\": \"2016-01-01T00:00:00Z\"},\n"
        "                                     or \"realtime\" (the default)\n"
        "    \"tls\": {\"ca\": \"ca.pem\", \"cert\": \"host.pem\", \"key\": \"host.key\"},\n"
        "    \"plugin_path\": [\"/usr/lib/mas/plugins\"],\n"
        "    \"monitor\": false,\n"
        "    \"agents\": [\n"
        "      {\"type\": \"greeter.agents:Greeter\", \"args\": [\"Hi\"], \"kwargs\": {}, "
        "\"count\": 2}\n"
        "    ]\n"
        "  }\n"
        "Agents are created in this order, \"count\" times each (default 1), with ids 0, 1, ...\n"
        "Relative paths are relative to the config file; plug-in directories of the config\n"
        "and of --plugin-path are all loaded. Unknown keys are errors.\n\n"
        "Examples:\n"
        "  mas host --listen tcp://127.0.0.1:5555 --config greeters.json --plugin-path plugins\n"
        "  mas host --config /etc/mas/node1.json --monitor\n"
        "  mas host --list-agent-types --plugin-path plugins\n\n"
        "Exit status: 0 after SIGINT/SIGTERM or --list-agent-types; 2 bad usage or config\n"
        "(invalid JSON, unknown key, wrong type, unknown agent type, bad constructor arguments);\n"
        "3 the address is busy or the TLS files cannot be loaded."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("listen"), HostCommand::tr("Address to listen on: tcp://HOST:PORT or ipc://PATH."),
         QStringLiteral("ADDRESS")},
        {QStringLiteral("config"), HostCommand::tr("JSON config file with the agents to start (see above)."),
         QStringLiteral("FILE")},
        {QStringLiteral("codec"),
         HostCommand::tr("Codec: json (default), msgpack or msgpackblosc; must match the peers."),
         QStringLiteral("NAME")},
        {QStringLiteral("clock"),
         HostCommand::tr("realtime (default) or external (moves only when told; needs --start)."),
         QStringLiteral("CLOCK")},
        {QStringLiteral("start"),
         HostCommand::tr("The external clock's start date, ISO 8601 (2016-01-01T00:00:00Z)."),
         QStringLiteral("DATE")},
        {QStringLiteral("tls-ca"),
         HostCommand::tr("Mutual TLS: PEM file of the CA that peers' certificates must be signed by."),
         QStringLiteral("FILE")},
        {QStringLiteral("tls-cert"), HostCommand::tr("Mutual TLS: PEM file with this host's certificate."),
         QStringLiteral("FILE")},
        {QStringLiteral("tls-key"), HostCommand::tr("Mutual TLS: PEM file with this host's private key."),
         QStringLiteral("FILE")},
        {QStringLiteral("plugin-path"), HostCommand::tr("Directory of agent plug-ins to load (repeatable)."),
         QStringLiteral("DIR")},
        {QStringLiteral("monitor"),
         HostCommand::tr("Offer _monitor/info and _monitor/events so MAS Inspector can attach; anyone who can\n"
            "connect can then read all traffic: use it with TLS.")},
        {QStringLiteral("list-agent-types"),
         HostCommand::tr("Print the known agent types (after loading plug-ins) and exit.")},
    });
}

/// Puts the command-line options over the config's settings.
void applyCommandLine(const QCommandLineParser &parser, HostSettings &settings)
{
    const auto take = [&parser](const char *name, QString &target) {
        const QString option = QString::fromLatin1(name);
        if (parser.isSet(option))
            target = parser.value(option);
    };
    take("listen", settings.listen);
    take("codec", settings.codec);
    take("clock", settings.clock);
    take("start", settings.start);
    take("tls-ca", settings.tlsCa);
    take("tls-cert", settings.tlsCert);
    take("tls-key", settings.tlsKey);
    settings.pluginPaths += parser.values(QStringLiteral("plugin-path"));
    if (parser.isSet(QStringLiteral("monitor")))
        settings.monitor = true;
}

/// The agent plug-ins installed with `mas` (MAS_INSTALLED_PLUGIN_DIR, set by
/// installer/install.cmake, is relative to the executable: ../lib/<arch>/mas/plugins on Debian),
/// or an empty string when that directory does not exist (a build tree).
QString installedPluginDirectory()
{
#ifdef MAS_INSTALLED_PLUGIN_DIR
    const QString directory = QDir::cleanPath(QDir(QCoreApplication::applicationDirPath())
                                                  .filePath(QStringLiteral(MAS_INSTALLED_PLUGIN_DIR)));
    if (QFileInfo(directory).isDir())
        return directory;
#endif
    return QString();
}

mas::Result<void> loadPlugins(const HostSettings &settings)
{
    // The installed plug-ins come last: a type that a given directory offers too is kept from
    // the given one (the installed copy is reported as a duplicate and skipped).
    QStringList directories = settings.pluginPaths;
    const QString installed = installedPluginDirectory();
    if (!installed.isEmpty())
        directories << installed;
    for (const QString &directory : std::as_const(directories)) {
        if (!QFileInfo(directory).isDir())
            return usageError(HostCommand::tr("The plug-in directory \"%1\" does not exist").arg(directory));
        QList<mas::Error> errors;
        mas::Result<QStringList> names =
            mas::AgentRegistry::global().loadPlugins(directory, &errors);
        if (!names)
            return names.error();
        // A broken file next to good plug-ins is reported, not fatal: agents that need it
        // fail below as an unknown type, with this warning just before.
        for (const mas::Error &error : errors)
            qCWarning(lcHost).noquote() << error.message();
        qCInfo(lcHost).noquote() << QStringLiteral("loaded %1 agent types from %2: %3")
                                        .arg(names->size())
                                        .arg(directory, names->join(QStringLiteral(", ")));
    }
    return {};
}

void listAgentTypes()
{
    const QList<mas::AgentType> types = mas::AgentRegistry::global().types();
    if (types.isEmpty())
        err() << "mas host: "
              << HostCommand::tr("No agent types are known; load plug-ins with --plugin-path DIR") << Qt::endl;
    for (const mas::AgentType &type : types)
        out() << type.name << '\t' << type.signature << '\t' << type.description << '\n';
    out().flush();
}

mas::Result<mas::Address> checkSettings(const HostSettings &settings)
{
    if (settings.listen.isEmpty())
        return usageError(
            HostCommand::tr("No address to listen on: give --listen ADDRESS or \"listen\" in the config"));
    MAS_TRY(address, mas::Container::parseAddress(settings.listen));
    if (address.scheme() != mas::Address::Scheme::Tcp
        && address.scheme() != mas::Address::Scheme::Ipc)
        return usageError(
            HostCommand::tr("mas host listens on tcp://HOST:PORT or ipc://PATH, not %1").arg(settings.listen));
    if (mas::Result<std::unique_ptr<mas::Codec>> codec = mas::Codec::create(settings.codec); !codec)
        return codec.error();
    if (settings.clock != u"realtime" && settings.clock != u"external")
        return usageError(HostCommand::tr("Unknown clock \"%1\": use realtime or external").arg(settings.clock));
    if (settings.clock == u"external" && settings.start.isEmpty())
        return usageError(HostCommand::tr(
            "The external clock needs a start date: --start DATE or \"clock\": {\"start\": DATE}"));
    if (settings.clock == u"realtime" && !settings.start.isEmpty())
        return usageError(HostCommand::tr("A start date is for the external clock: add --clock external"));
    if (settings.tls()) {
        if (settings.tlsCa.isEmpty() || settings.tlsCert.isEmpty() || settings.tlsKey.isEmpty())
            return usageError(
                HostCommand::tr("TLS needs all of --tls-ca, --tls-cert and --tls-key (mutual authentication)"));
        if (address.scheme() != mas::Address::Scheme::Tcp)
            return usageError(HostCommand::tr(
                "TLS is for tcp:// addresses; a Unix socket is protected by its file permissions"));
    }
    // Every type must exist before anything listens: one clear message, nothing half started.
    const mas::AgentRegistry &registry = mas::AgentRegistry::global();
    for (const AgentSpec &spec : settings.agents) {
        if (registry.contains(spec.type))
            continue;
        mas::Result<mas::Agent *> probe = registry.create(spec.type, nullptr);
        const QStringList known = registry.names();
        return usageError(
            HostCommand::tr("%1: %2. %3")
                .arg(spec.where, probe.error().message(),
                     known.isEmpty()
                         ? HostCommand::tr("No agent types are known; load plug-ins with --plugin-path DIR")
                         : HostCommand::tr("Known types: %1").arg(known.join(u", "))));
    }
    return address;
}

/// Qt's QLocalServer (with access options) renames its socket over an existing file, even one
/// another process serves; so first check that nobody answers there. A stale file is replaced.
mas::Result<void> checkSocketFree(const mas::Address &address)
{
    if (address.scheme() != mas::Address::Scheme::Ipc || !QFile::exists(address.path()))
        return {};
    QLocalSocket probe;
    probe.connectToServer(address.path());
    if (!probe.waitForConnected(1000)) // once, while starting
        return {};
    probe.abort();
    return mas::Error(
        mas::ErrorCode::AddressInUse,
        HostCommand::tr("Cannot listen on %1: another process serves this socket").arg(address.toString()));
}

mas::Result<mas::ContainerOptions> containerOptions(const HostSettings &settings,
                                                    std::unique_ptr<mas::Clock> &clock)
{
    mas::ContainerOptions options;
    options.codec = settings.codec;
    if (settings.clock == u"external") {
        MAS_TRY(external, mas::ExternalClock::create(settings.start));
        clock = std::move(external);
        options.clock = clock.get();
    }
    if (settings.tls()) {
        mas::TlsOptions tls;
        tls.caFile = settings.tlsCa;
        tls.certFile = settings.tlsCert;
        tls.keyFile = settings.tlsKey;
        options.tls = tls;
    }
    return options;
}

/// A plug-in's factory is foreign code: an exception it lets escape is a failed creation.
mas::Result<mas::Agent *> createAgent(const AgentSpec &spec, mas::Container *container)
{
    try {
        return mas::AgentRegistry::global().create(spec.type, container, spec.args, spec.kwargs);
    } catch (const std::exception &e) {
        return mas::Error(mas::ErrorCode::InvalidArgument, QString::fromLocal8Bit(e.what()));
    } catch (...) {
        return mas::Error(mas::ErrorCode::InvalidArgument,
                          HostCommand::tr("the constructor threw an exception"));
    }
}

/// Creates the configured agents; returns the lines to print ("URL TYPE").
mas::Result<QStringList> createAgents(const HostSettings &settings, mas::Container *container)
{
    QStringList lines;
    for (const AgentSpec &spec : settings.agents) {
        for (qint64 i = 0; i < spec.count; ++i) {
            mas::Result<mas::Agent *> agent = createAgent(spec, container);
            if (!agent)
                return usageError(
                    HostCommand::tr("%1 (%2): %3").arg(spec.where, spec.type, agent.error().message()));
            lines << (*agent)->address() + u' ' + spec.type;
        }
    }
    return lines;
}

/// Turns SIGINT/SIGTERM into a Qt signal the host can await.
class StopSignal : public QObject
{
    Q_OBJECT

public:
    void request(int number)
    {
        ++m_count;
        m_last = number;
        Q_EMIT requested(number);
    }
    int count() const { return m_count; }
    int last() const { return m_last; }

Q_SIGNALS:
    void requested(int number);

private:
    int m_count = 0;
    int m_last = 0;
};

const char *signalName(int number)
{
    return number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "a signal";
}

} // namespace

QCoro::Task<int> runHostCommand(QStringList arguments)
{
    QCommandLineParser parser;
    setUpParser(parser);
    if (!parser.parse(arguments)) {
        err() << "mas host: " << parser.errorText() << Qt::endl;
        co_return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        co_return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << "mas host: "
              << HostCommand::tr("Unexpected argument \"%1\"; see mas host --help")
                     .arg(parser.positionalArguments().constFirst())
              << Qt::endl;
        co_return UsageError;
    }

    // Caught from the start, so that a signal during start-up still ends in a clean exit.
    StopSignal stop;
    mas::onTerminationSignal(&stop, [&stop](int number) {
        if (stop.count() > 0) {
            // A second signal while shutting down: leave at once.
            qCWarning(lcHost) << "got" << signalName(number) << "again, exiting now";
            QCoreApplication::exit(1);
        }
        stop.request(number);
    });

    HostSettings settings;
    if (parser.isSet(QStringLiteral("config"))) {
        const ConfigReader reader(parser.value(QStringLiteral("config")));
        if (mas::Result<void> read = reader.read(settings); !read)
            co_return report(read.error());
    }
    applyCommandLine(parser, settings);
    if (mas::Result<void> loaded = loadPlugins(settings); !loaded)
        co_return report(loaded.error());
    if (parser.isSet(QStringLiteral("list-agent-types"))) {
        listAgentTypes();
        co_return Ok;
    }
    mas::Result<mas::Address> address = checkSettings(settings);
    if (!address)
        co_return report(address.error());

    if (mas::Result<void> free = checkSocketFree(*address); !free)
        co_return report(free.error());
    std::unique_ptr<mas::Clock> clock;
    mas::Result<mas::ContainerOptions> options = containerOptions(settings, clock);
    if (!options)
        co_return report(options.error());
    const mas::Address listenAddress = *address;
    mas::ContainerOptions containerSetup = std::move(*options);
    mas::Result<mas::Container *> created =
        co_await mas::Container::create(listenAddress, std::move(containerSetup));
    if (!created)
        co_return report(created.error());
    std::unique_ptr<mas::Container> container(*created);
    (void)clock.release(); // taken over by the container
    if (settings.monitor) {
        new mas::MonitorService(container.get()); // owned by the container
        if (!settings.tls())
            qCWarning(lcHost)
                << "the monitor is on without TLS: anyone who can connect can read all traffic";
    }
    mas::Result<QStringList> lines = createAgents(settings, container.get());
    if (!lines) {
        co_await container->shutdown();
        co_return report(lines.error());
    }
    for (const QString &line : *lines)
        out() << line << '\n';
    out().flush();
    qCInfo(lcHost).noquote()
        << QStringLiteral("serving %1 agents at %2 (codec %3, %4 clock, TLS %5, monitor %6)")
               .arg(lines->size())
               .arg(container->baseAddress(), settings.codec, settings.clock,
                    settings.tls() ? QStringLiteral("on") : QStringLiteral("off"),
                    settings.monitor ? QStringLiteral("on") : QStringLiteral("off"));

    if (stop.count() == 0)
        co_await qCoro(&stop, &StopSignal::requested);
    qCInfo(lcHost).noquote() << QStringLiteral(
                                    "got %1, shutting down (%2 incoming, %3 outgoing connections)")
                                    .arg(QLatin1String(signalName(stop.last())))
                                    .arg(container->incomingConnectionCount())
                                    .arg(container->outgoingConnectionCount());
    co_await container->shutdown();
    container.reset();
    qCInfo(lcHost) << "stopped";
    co_return Ok;
}

#include "hostcommand.moc"
