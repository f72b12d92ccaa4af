// SPDX-License-Identifier: MIT
#include "hostcommand.h"
#include "console.h"
#include "hostconfig.h"

#include <mas/agent/agent.h>
#include <mas/agent/agentregistry.h>
#include <mas/agent/agenturl.h>
#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/codec/codec.h>
#include <mas/core/terminationsignals.h>
#include <mas/observe/monitorservice.h>
#include <mas/system/systemagent.h>
#include <mas/system/systemfile.h>
#include <mas/transport/socketpath.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCoro/QCoroSignal>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QMap>
#include <QPointer>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <exception>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

// Info is on by default: a host's start, its agents and its shutdown belong in the journal.
Q_LOGGING_CATEGORY(lcHost, "mas.host", QtInfoMsg)

namespace {

using mas::cli::AgentSpec;
using mas::cli::err;
using mas::cli::HostConfigReader;
using mas::cli::HostSettings;
using mas::cli::out;
using mas::system::SystemFile;

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
        "3 the address is busy or the TLS files cannot be loaded.")
        + QStringLiteral("\n\n")
        + HostCommand::tr(
            "System files: a config with \"containers\" is a system file (as mas explore --system and\n"
            "mas-inspector --system read it) and runs for real on sockets. With --container NAME this\n"
            "host runs that container of the file, on its \"listen\" address (--listen wins); without\n"
            "it, every container of the file in this process, each on its \"listen\" address, else\n"
            "container k (from 0, in file order) on PORT+k of --listen tcp://HOST:PORT. An argument\n"
            "\"@NAME\" becomes the URL of the agent called NAME, on whichever container it lives (ids\n"
            "0, 1, ... in file order in each container); a container that another host runs must have\n"
            "its \"listen\" address. Once every agent of the file exists (the host waits until those\n"
            "of the other hosts answer, so hosts may start in any order), each agent that is a\n"
            "mas::system::SystemAgent begins (its begin(): the nodes of a ring wake up), so the system\n"
            "starts by itself. The file's invariants are not checked (mas explore and MAS Inspector\n"
            "check them); \"tls\" and \"monitor\" apply as above; \"request_timeout_ms\" is the calls'\n"
            "timeout; the clock start is the external clock's (with --clock external). Errors name\n"
            "the file and the key (FILE: KEY: reason), with exit status 2.\n"
            "  mas host --config ring.json --container a --plugin-path plugins\n"
            "  mas host --config ring.json --listen tcp://127.0.0.1:5601 --plugin-path plugins")
        + QStringLiteral("\n\n")
        + HostCommand::tr(
            "Limits (docs/security.md): --profile public sets values safe for an untrusted network\n"
            "(256 connections, 16 per peer, 60 s idle, frames of 4 MiB at 64 KiB/s, a 256 MiB memory\n"
            "budget, ...); trusted, the default, keeps the library's defaults. Each limit option\n"
            "below overrides the profile, and so does its config key, e.g.\n"
            "  \"profile\": \"public\", \"limits\": {\"max_connections\": 100, \"idle_timeout_ms\": 30000}\n"
            "(the option's name with _ for -). 0 turns a limit off where its text says so."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("listen"), HostCommand::tr("Address to listen on: tcp://HOST:PORT or ipc://PATH."),
         QStringLiteral("ADDRESS")},
        {QStringLiteral("config"), HostCommand::tr("JSON config file with the agents to start (see above)."),
         QStringLiteral("FILE")},
        {QStringLiteral("container"),
         HostCommand::tr("Run only the container NAME of a system file (see above)."), QStringLiteral("NAME")},
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
        {QStringLiteral("profile"),
         HostCommand::tr("Limits for a trusted network (default) or public: safe values for an "
                         "untrusted network (see above)."),
         QStringLiteral("PROFILE")},
    });
    const QStringList limitHelp = {
        HostCommand::tr("Most open connections (trusted 1000, public 256)."),
        HostCommand::tr("Most connections from one IP address, or one user id on ipc:// (trusted 0 = "
                        "no such limit, public 16)."),
        HostCommand::tr("Close a connection with nothing sent or received for MS ms (trusted 0 = never, "
                        "public 60000)."),
        HostCommand::tr("Close a connection whose frame in progress got no byte for MS ms (trusted "
                        "30000, public 10000)."),
        HostCommand::tr("Bytes per second a frame in progress must average after 2 s (trusted 0 = off, "
                        "public 65536)."),
        HostCommand::tr("Largest frame in bytes (trusted 67108864, public 4194304)."),
        HostCommand::tr("Bytes all connections may hold in partial frames and unsent replies (trusted "
                        "0 = no budget, public 268435456)."),
        HostCommand::tr("Bytes queued for a peer before reading from it pauses (trusted 8388608, public "
                        "1048576)."),
        HostCommand::tr("Most unanswered requests per connection (trusted 10000, public 100)."),
        HostCommand::tr("msgpackblosc: most times a frame may inflate, checked before decompressing "
                        "(trusted 0 = off, public 32)."),
        HostCommand::tr("msgpackblosc: largest decompressed frame in bytes (trusted 268435456, public "
                        "16777216)."),
        HostCommand::tr("Most values one message may hold, counted while decoding (trusted 4194304, "
                        "public 100000)."),
        HostCommand::tr("Decode frames of at least N bytes off the event loop, so that they do not "
                        "hold up other connections (0 = never; trusted and public 65536)."),
        HostCommand::tr("TLS handshake time-out in ms (trusted 10000, public 5000)."),
    };
    const std::vector<mas::cli::HostLimit> &limits = mas::cli::hostLimits();
    for (std::size_t i = 0; i < limits.size(); ++i) {
        const bool ms = limits[i].key.endsWith(u"_ms");
        parser.addOption(QCommandLineOption(limits[i].option, limitHelp.value(qsizetype(i)),
                                            ms ? QStringLiteral("MS") : QStringLiteral("N")));
    }
}

/// Puts the command-line options over the config's settings.
mas::Result<void> applyCommandLine(const QCommandLineParser &parser, HostSettings &settings)
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
    if (parser.isSet(QStringLiteral("profile"))) {
        settings.profile = parser.value(QStringLiteral("profile"));
        MAS_TRY_VOID(mas::cli::checkProfile(settings.profile));
    }
    for (const mas::cli::HostLimit &limit : mas::cli::hostLimits()) {
        if (parser.isSet(limit.option))
            MAS_TRY_VOID(mas::cli::readLimitOption(limit, parser.value(limit.option), settings));
    }
    return {};
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

/// The codec, the clock and the completeness of the TLS files.
mas::Result<void> checkOptions(const HostSettings &settings)
{
    if (mas::Result<std::unique_ptr<mas::Codec>> codec = mas::Codec::create(settings.codec); !codec)
        return codec.error();
    if (settings.clock != u"realtime" && settings.clock != u"external")
        return usageError(HostCommand::tr("Unknown clock \"%1\": use realtime or external").arg(settings.clock));
    if (settings.clock == u"external" && settings.start.isEmpty())
        return usageError(HostCommand::tr(
            "The external clock needs a start date: --start DATE or \"clock\": {\"start\": DATE}"));
    if (settings.clock == u"realtime" && !settings.start.isEmpty())
        return usageError(HostCommand::tr("A start date is for the external clock: add --clock external"));
    if (settings.tls()
        && (settings.tlsCa.isEmpty() || settings.tlsCert.isEmpty() || settings.tlsKey.isEmpty()))
        return usageError(
            HostCommand::tr("TLS needs all of --tls-ca, --tls-cert and --tls-key (mutual authentication)"));
    return {};
}

/// An address a host can listen on (tcp:// or ipc://; TLS only on tcp://).
mas::Result<mas::Address> checkAddress(const QString &listen, const HostSettings &settings)
{
    MAS_TRY(address, mas::Container::parseAddress(listen));
    if (address.scheme() != mas::Address::Scheme::Tcp
        && address.scheme() != mas::Address::Scheme::Ipc)
        return usageError(
            HostCommand::tr("mas host listens on tcp://HOST:PORT or ipc://PATH, not %1").arg(listen));
    if (settings.tls() && address.scheme() != mas::Address::Scheme::Tcp)
        return usageError(HostCommand::tr(
            "TLS is for tcp:// addresses; a Unix socket is protected by its file permissions"));
    return address;
}

mas::Result<mas::Address> checkSettings(const HostSettings &settings)
{
    if (settings.listen.isEmpty())
        return usageError(
            HostCommand::tr("No address to listen on: give --listen ADDRESS or \"listen\" in the config"));
    MAS_TRY_VOID(checkOptions(settings));
    MAS_TRY(address, checkAddress(settings.listen, settings));
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
/// another process serves; so first check that nobody answers there (the library's probe, which
/// its listening servers use too). A stale file is replaced.
mas::Result<void> checkSocketFree(const mas::Address &address)
{
    if (address.scheme() != mas::Address::Scheme::Ipc)
        return {};
    return mas::checkSocketPath(address.path());
}

mas::Result<mas::ContainerOptions> containerOptions(const HostSettings &settings)
{
    mas::ContainerOptions options;
    options.codec = settings.codec;
    if (settings.clock == u"external") {
        MAS_TRY(external, mas::ExternalClock::create(settings.start));
        options.ownedClock = std::move(external); // the container owns it
    }
    if (settings.tls()) {
        mas::TlsOptions tls;
        tls.caFile = settings.tlsCa;
        tls.certFile = settings.tlsCert;
        tls.keyFile = settings.tlsKey;
        options.tls = tls;
    }
    mas::cli::applyLimits(settings, options.channel, options.tls);
    if (mas::Result<void> valid = options.channel.validate(); !valid)
        return usageError(valid.error().message());
    return options;
}

/// The limits in force, for the log.
QString describeLimits(const HostSettings &settings, const mas::ChannelOptions &c,
                       const std::optional<mas::TlsOptions> &tls)
{
    return QStringLiteral("limits: profile %1, max_connections %2, max_connections_per_peer %3, "
                          "idle_timeout_ms %4, frame_timeout_ms %5, min_frame_byte_rate %6, "
                          "max_frame_size %7, memory_budget %8, max_write_buffer %9, "
                          "max_pending_requests %10, max_decompression_ratio %11, "
                          "max_decompressed_size %12, max_elements %13, offload_decode_bytes %14%15")
        .arg(settings.profile)
        .arg(c.maxConnections)
        .arg(c.maxConnectionsPerPeer)
        .arg(c.idleTimeout.count())
        .arg(c.frameTimeout.count())
        .arg(c.minFrameByteRate)
        .arg(c.maxFrameSize)
        .arg(c.memoryBudget)
        .arg(c.maxWriteBuffer)
        .arg(c.maxPendingRequests)
        .arg(c.limits.maxDecompressionRatio)
        .arg(c.limits.maxDecompressedSize)
        .arg(c.limits.maxElements)
        .arg(c.offloadDecodeBytes)
        .arg(tls ? QStringLiteral(", handshake_timeout_ms %1").arg(tls->handshakeTimeout.count())
                 : QString());
}

/// A plug-in's factory is foreign code: an exception it lets escape is a failed creation.
mas::Result<mas::Agent *> createAgent(const QString &type, const mas::Value::List &args,
                                      const mas::Value::Map &kwargs, mas::Container *container)
{
    try {
        return mas::AgentRegistry::global().create(type, container, args, kwargs);
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
            mas::Result<mas::Agent *> agent = createAgent(spec.type, spec.args, spec.kwargs, container);
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

// ---- system files: `mas host --config SYSTEM.json [--container NAME]` ----

/// A container of a system file that this process runs.
struct HostedContainer
{
    qsizetype index = 0; ///< in SystemFile::containers
    mas::Address address;
    std::unique_ptr<mas::Container> container;
};

/// Which containers of the file this process runs, and where they listen: the one called `name`
/// (on --listen, else on its "listen"), or every one (on its "listen", else container k on
/// --listen's port + k).
mas::Result<std::vector<HostedContainer>> planContainers(const SystemFile &file,
                                                         const std::optional<QString> &name,
                                                         const HostSettings &settings)
{
    std::vector<HostedContainer> hosted;
    const auto host = [&](qsizetype index, const QString &listen, bool fromFile) -> mas::Result<void> {
        mas::Result<mas::Address> address = checkAddress(listen, settings);
        if (!address)
            return fromFile ? file.error(file.containers[index].where + QStringLiteral(".listen"),
                                         address.error().message())
                            : address.error();
        HostedContainer entry;
        entry.index = index;
        entry.address = *address;
        hosted.push_back(std::move(entry));
        return {};
    };
    if (name) {
        QStringList names;
        for (qsizetype c = 0; c < file.containers.size(); ++c) {
            const SystemFile::Container &container = file.containers[c];
            names << container.name;
            if (container.name != *name)
                continue;
            if (!settings.listen.isEmpty()) {
                MAS_TRY_VOID(host(c, settings.listen, false));
            } else if (!container.listen.isEmpty()) {
                MAS_TRY_VOID(host(c, container.listen, true));
            } else {
                return file.error(container.where + QStringLiteral(".listen"),
                                  HostCommand::tr("Missing: give the container \"%1\" the address it listens "
                                                  "on, or use --listen ADDRESS")
                                      .arg(*name));
            }
            return hosted;
        }
        return file.error(QStringLiteral("containers"),
                          HostCommand::tr("No container is called \"%1\" (--container names one of: %2)")
                              .arg(*name, names.join(u", ")));
    }
    std::optional<mas::Address> first; // --listen: where the consecutive ports start
    if (!settings.listen.isEmpty()) {
        MAS_TRY(address, checkAddress(settings.listen, settings));
        if (address.scheme() != mas::Address::Scheme::Tcp)
            return usageError(HostCommand::tr("Without --container, --listen gives the first of consecutive "
                                              "ports (container k listens on PORT+k): use tcp://HOST:PORT, "
                                              "not %1")
                                  .arg(settings.listen));
        first = address;
    }
    for (qsizetype c = 0; c < file.containers.size(); ++c) {
        const SystemFile::Container &container = file.containers[c];
        if (!container.listen.isEmpty()) {
            MAS_TRY_VOID(host(c, container.listen, true));
            continue;
        }
        if (!first)
            return file.error(container.where + QStringLiteral(".listen"),
                              HostCommand::tr("Missing: give every container the address it listens on, or "
                                              "give --listen tcp://HOST:PORT (container k listens on "
                                              "PORT+k), or run one container with --container NAME"));
        // Port 0 stays 0: every container gets a free port of its own.
        const qsizetype port = first->port() == 0 ? 0 : first->port() + c;
        if (port > 65535)
            return usageError(HostCommand::tr("--listen %1: the port of container \"%2\" would be %3")
                                  .arg(settings.listen, container.name)
                                  .arg(port));
        HostedContainer entry;
        entry.index = c;
        entry.address = mas::Address::tcp(first->host(), quint16(port));
        hosted.push_back(std::move(entry));
    }
    return hosted;
}

/// The base address of a container of the file that another process runs, from its "listen";
/// `referrer` is the argument that refers to one of its agents.
mas::Result<QString> remoteBaseAddress(const SystemFile &file, qsizetype index, const QString &referrer)
{
    const SystemFile::Container &container = file.containers[index];
    const QString key = container.where + QStringLiteral(".listen");
    if (container.listen.isEmpty())
        return file.error(key, HostCommand::tr("Missing: %1 refers to an agent of the container \"%2\", which "
                                               "this host does not run; give \"%2\" the address it listens on")
                                   .arg(referrer, container.name));
    MAS_TRY(address, mas::Container::parseAddress(container.listen));
    const QString host = address.host();
    const bool unknown = address.scheme() == mas::Address::Scheme::Local
                         || (address.scheme() == mas::Address::Scheme::Tcp
                             && (host.isEmpty() || host == u"0.0.0.0" || host == u"::" || address.port() == 0));
    if (unknown)
        return file.error(key, HostCommand::tr("%1 refers to an agent of the container \"%2\", which this host "
                                               "does not run, but %3 does not say where other hosts reach it: "
                                               "give its host's address and port")
                                   .arg(referrer, container.name, container.listen));
    return mas::AgentUrl::baseAddress(address);
}

/// The URLs of a system file's agents as this process sees them: those of the containers it runs
/// from their base addresses, the others' from their "listen" (agent ids are 0, 1, ... in file
/// order in each container).
class AgentUrls
{
public:
    AgentUrls(const SystemFile &file, QHash<qsizetype, QString> hostedBases)
        : m_file(file)
        , m_hosted(std::move(hostedBases))
    {}

    /// `value` (the args or kwargs of `agent`, at `key`) with every "@NAME" replaced by a URL.
    mas::Result<mas::Value> resolve(const SystemFile::Agent &agent, const mas::Value &value, const QString &key)
    {
        std::optional<mas::Error> unreachable;
        const auto urlOf = [&](const QString &name) -> std::optional<QString> {
            for (qsizetype c = 0; c < m_file.containers.size(); ++c) {
                const QList<SystemFile::Agent> &agents = m_file.containers[c].agents;
                for (qsizetype a = 0; a < agents.size(); ++a) {
                    if (agents[a].name != name)
                        continue;
                    if (auto it = m_hosted.constFind(c); it != m_hosted.constEnd())
                        return *it + QString::number(a);
                    mas::Result<QString> base =
                        remoteBaseAddress(m_file, c, QStringLiteral("%1 (\"@%2\")").arg(agent.where + key, name));
                    if (!base) {
                        if (!unreachable)
                            unreachable = base.error();
                        return std::nullopt;
                    }
                    return *base + QString::number(a);
                }
            }
            return std::nullopt;
        };
        mas::Result<mas::Value> resolved = SystemFile::resolve(value, urlOf, agent.where + key);
        if (unreachable)
            return *unreachable;
        if (!resolved)
            return m_file.error(QString(), resolved.error().message());
        return resolved;
    }

private:
    const SystemFile &m_file;
    QHash<qsizetype, QString> m_hosted;
};

/// The agents of the file that other hosts run, where their containers' "listen" says: URL →
/// "NAME of container C".
QMap<QString, QString> remoteAgents(const SystemFile &file, const std::vector<HostedContainer> &hosted)
{
    QMap<QString, QString> agents;
    for (qsizetype c = 0; c < file.containers.size(); ++c) {
        const bool here = std::any_of(hosted.begin(), hosted.end(),
                                      [c](const HostedContainer &entry) { return entry.index == c; });
        const mas::Result<QString> base = remoteBaseAddress(file, c, QString());
        if (here || !base)
            continue; // one that no "@NAME" refers to may lack a usable "listen"
        const SystemFile::Container &container = file.containers[c];
        for (qsizetype a = 0; a < container.agents.size(); ++a)
            agents.insert(*base + QString::number(a),
                          QStringLiteral("%1 of container %2").arg(container.agents[a].name, container.name));
    }
    return agents;
}

/// Checks what can be checked before anything listens: the agent types (not the invariants,
/// which a host does not check) and that every "@NAME" can be resolved.
mas::Result<void> checkSystemFile(const SystemFile &file, const std::vector<HostedContainer> &hosted)
{
    SystemFile agentsOnly = file;
    agentsOnly.invariants.clear();
    if (mas::Result<void> checked = agentsOnly.check(); !checked) {
        if (!mas::AgentRegistry::global().names().isEmpty())
            return checked.error();
        return usageError(checked.error().message() + QStringLiteral(". ")
                          + HostCommand::tr("No agent types are known; load plug-ins with --plugin-path DIR or "
                                            "\"plugin_path\""));
    }
    QHash<qsizetype, QString> placeholders; // the real ports are known once the containers listen
    for (const HostedContainer &entry : hosted)
        placeholders.insert(entry.index, QStringLiteral("tcp://127.0.0.1:1/"));
    AgentUrls urls(file, placeholders);
    for (const HostedContainer &entry : hosted) {
        for (const SystemFile::Agent &agent : file.containers[entry.index].agents) {
            MAS_TRY_VOID(urls.resolve(agent, mas::Value(agent.args), QStringLiteral(".args")));
            MAS_TRY_VOID(urls.resolve(agent, mas::Value(agent.kwargs), QStringLiteral(".kwargs")));
        }
    }
    for (const HostedContainer &entry : hosted)
        MAS_TRY_VOID(checkSocketFree(entry.address));
    return {};
}

/// Creates the agent `index` of a container this process runs (listening at `base`), with its
/// "@NAME"s resolved.
mas::Result<mas::Agent *> createFileAgent(const SystemFile &file, AgentUrls &urls, const HostedContainer &entry,
                                          qsizetype index, const QString &base)
{
    const SystemFile::Agent &spec = file.containers[entry.index].agents[index];
    MAS_TRY(args, urls.resolve(spec, mas::Value(spec.args), QStringLiteral(".args")));
    MAS_TRY(kwargs, urls.resolve(spec, mas::Value(spec.kwargs), QStringLiteral(".kwargs")));
    mas::Result<mas::Agent *> agent = createAgent(spec.type, args.asList(), kwargs.asMap(), entry.container.get());
    if (!agent)
        return file.error(spec.where, agent.error().message());
    // The URLs given to the agents before them said so.
    const QString expected = base + QString::number(index);
    if ((*agent)->address() != expected)
        return file.error(spec.where, HostCommand::tr("The agent got the URL %1 instead of %2: did a constructor "
                                                      "create further agents?")
                                          .arg((*agent)->address(), expected));
    return agent;
}

QCoro::Task<void> shutDown(std::vector<HostedContainer> &hosted)
{
    for (HostedContainer &entry : hosted) {
        if (entry.container)
            co_await entry.container->shutdown();
    }
}

/// Waits until the agent at `url`, which another host runs (and may start later), can be
/// reached; false when SIGINT or SIGTERM comes first.
QCoro::Task<bool> awaitRemoteAgent(mas::Container *container, QString url, QString what, StopSignal &stop)
{
    bool waiting = false;
    while (stop.count() == 0) {
        mas::Result<mas::rpc::Proxy> proxy = co_await container->connect(url, std::chrono::milliseconds(0));
        if (proxy) {
            if (waiting)
                qCInfo(lcHost).noquote() << QStringLiteral("reached %1 (%2)").arg(url, what);
            co_return true;
        }
        if (stop.count() > 0)
            break;
        if (!waiting) {
            qCInfo(lcHost).noquote() << QStringLiteral("waiting for %1 (%2) before the agents begin: %3")
                                            .arg(url, what, proxy.error().message());
            waiting = true;
        }
        co_await qCoro(&stop, &StopSignal::requested, std::chrono::milliseconds(250));
    }
    co_return false;
}

/// Runs the containers of a system file (every one, or the one `name` says) until SIGINT or
/// SIGTERM: all containers listen before any agent exists, all agents exist before any begins.
QCoro::Task<int> runSystemFile(SystemFile file, HostSettings settings, std::optional<QString> name,
                               StopSignal &stop)
{
    if (mas::Result<void> options = checkOptions(settings); !options)
        co_return report(options.error());
    mas::Result<std::vector<HostedContainer>> planned = planContainers(file, name, settings);
    if (!planned)
        co_return report(planned.error());
    std::vector<HostedContainer> hosted = std::move(*planned);
    if (mas::Result<void> checked = checkSystemFile(file, hosted); !checked)
        co_return report(checked.error());

    for (HostedContainer &entry : hosted) {
        mas::Result<mas::ContainerOptions> options = containerOptions(settings);
        if (!options) {
            co_await shutDown(hosted);
            co_return report(options.error());
        }
        options->channel.requestTimeout = file.requestTimeout;
        mas::ContainerOptions containerSetup = std::move(*options);
        mas::Result<mas::Container *> created =
            co_await mas::Container::create(entry.address, std::move(containerSetup));
        if (!created) {
            co_await shutDown(hosted); // nothing half started
            co_return report(created.error());
        }
        entry.container.reset(*created);
        if (settings.monitor)
            new mas::MonitorService(entry.container.get()); // owned by the container
    }
    if (settings.monitor && !settings.tls())
        qCWarning(lcHost) << "the monitor is on without TLS: anyone who can connect can read all traffic";

    QHash<qsizetype, QString> bases;
    for (const HostedContainer &entry : hosted)
        bases.insert(entry.index, entry.container->baseAddress());
    AgentUrls urls(file, bases);
    QStringList lines;
    QList<QPointer<mas::system::SystemAgent>> starters;
    for (const HostedContainer &entry : hosted) {
        const QList<SystemFile::Agent> &agents = file.containers[entry.index].agents;
        for (qsizetype a = 0; a < agents.size(); ++a) {
            const SystemFile::Agent &spec = agents[a];
            mas::Result<mas::Agent *> agent =
                createFileAgent(file, urls, entry, a, bases.value(entry.index));
            if (!agent) {
                co_await shutDown(hosted); // nothing half started
                co_return report(agent.error());
            }
            lines << (*agent)->address() + u' ' + spec.type;
            if (auto *starter = qobject_cast<mas::system::SystemAgent *>(*agent))
                starters << starter;
        }
    }
    for (const QString &line : std::as_const(lines))
        out() << line << '\n';
    out().flush();
    for (const HostedContainer &entry : hosted)
        qCInfo(lcHost).noquote()
            << QStringLiteral("serving %1 agents of container %2 of %3 at %4 (codec %5, %6 clock, TLS %7, "
                              "monitor %8)")
                   .arg(file.containers[entry.index].agents.size())
                   .arg(file.containers[entry.index].name, QFileInfo(file.fileName).fileName(),
                        entry.container->baseAddress(), settings.codec, settings.clock,
                        settings.tls() ? QStringLiteral("on") : QStringLiteral("off"),
                        settings.monitor ? QStringLiteral("on") : QStringLiteral("off"));
    if (!file.invariants.isEmpty())
        qCInfo(lcHost).noquote()
            << QStringLiteral("the invariants of %1 are not checked here (mas explore and MAS Inspector check "
                              "them): %2")
                   .arg(QFileInfo(file.fileName).fileName(), file.invariants.join(QStringLiteral(", ")));

    // The agents begin once the agents of the other hosts exist: then no message of the system
    // (they all follow from a begin()) goes to a host that does not listen yet, in whatever order
    // the hosts of one file start.
    bool ready = true;
    const QMap<QString, QString> remote = remoteAgents(file, hosted);
    for (auto it = remote.constBegin(); ready && it != remote.constEnd(); ++it)
        ready = co_await awaitRemoteAgent(hosted.front().container.get(), it.key(), it.value(), stop);
    if (ready && stop.count() == 0) {
        int begun = 0;
        for (const QPointer<mas::system::SystemAgent> &agent : std::as_const(starters)) {
            if (agent) {
                agent->begin();
                ++begun;
            }
        }
        qCInfo(lcHost).noquote() << QStringLiteral("%1 agents began").arg(begun);
    }

    if (stop.count() == 0)
        co_await qCoro(&stop, &StopSignal::requested);
    qsizetype incoming = 0;
    qsizetype outgoing = 0;
    for (const HostedContainer &entry : hosted) {
        incoming += entry.container->incomingConnectionCount();
        outgoing += entry.container->outgoingConnectionCount();
    }
    qCInfo(lcHost).noquote() << QStringLiteral("got %1, shutting down (%2 incoming, %3 outgoing connections)")
                                    .arg(QLatin1String(signalName(stop.last())))
                                    .arg(incoming)
                                    .arg(outgoing);
    co_await shutDown(hosted);
    hosted.clear();
    qCInfo(lcHost) << "stopped";
    co_return Ok;
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
    std::optional<SystemFile> system; // a config with "containers"
    if (parser.isSet(QStringLiteral("config"))) {
        const QString fileName = parser.value(QStringLiteral("config"));
        const HostConfigReader reader(fileName);
        mas::Result<mas::Value> root = reader.parse();
        if (!root)
            co_return report(root.error());
        if (HostConfigReader::isSystemFile(*root)) {
            mas::Result<SystemFile> file = SystemFile::load(fileName);
            if (!file)
                co_return report(file.error());
            if (!file->processes.isEmpty())
                co_return report(usageError(
                    HostCommand::tr("%1: processes: Python programs run stepped, under mas run --system or MAS "
                                    "Inspector, not under mas host")
                        .arg(QFileInfo(fileName).fileName())));
            if (mas::Result<void> read = reader.readHostKeys(*root, *file, settings); !read)
                co_return report(read.error());
            settings.codec = file->codec;
            system = std::move(*file);
        } else if (mas::Result<void> read = reader.read(*root, settings); !read) {
            co_return report(read.error());
        }
    }
    const QString containerOption = QStringLiteral("container");
    if (parser.isSet(containerOption) && !system)
        co_return report(usageError(
            HostCommand::tr("--container NAME picks a container of a system file (a config with "
                            "\"containers\"); give one with --config FILE")));
    if (mas::Result<void> applied = applyCommandLine(parser, settings); !applied)
        co_return report(applied.error());
    if (system) {
        // The file's clock start is the external clock's, when --clock external asks for one.
        if (settings.clock == u"external" && settings.start.isEmpty() && system->clockStart.isValid())
            settings.start = system->clockStart.toUTC().toString(Qt::ISODateWithMs);
        if (mas::Result<void> loaded = system->loadPlugins(); !loaded)
            co_return report(loaded.error());
    }
    if (mas::Result<void> loaded = loadPlugins(settings); !loaded)
        co_return report(loaded.error());
    if (parser.isSet(QStringLiteral("list-agent-types"))) {
        listAgentTypes();
        co_return Ok;
    }
    if (system) {
        const std::optional<QString> name = parser.isSet(containerOption)
                                                ? std::optional<QString>(parser.value(containerOption))
                                                : std::nullopt;
        co_return co_await runSystemFile(std::move(*system), std::move(settings), name, stop);
    }
    mas::Result<mas::Address> address = checkSettings(settings);
    if (!address)
        co_return report(address.error());

    if (mas::Result<void> free = checkSocketFree(*address); !free)
        co_return report(free.error());
    mas::Result<mas::ContainerOptions> options = containerOptions(settings);
    if (!options)
        co_return report(options.error());
    const mas::Address listenAddress = *address;
    qCInfo(lcHost).noquote() << describeLimits(settings, options->channel, options->tls);
    mas::ContainerOptions containerSetup = std::move(*options);
    mas::Result<mas::Container *> created =
        co_await mas::Container::create(listenAddress, std::move(containerSetup));
    if (!created)
        co_return report(created.error());
    std::unique_ptr<mas::Container> container(*created);
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
