// SPDX-License-Identifier: MIT
#include "subproccommand.h"
#include "console.h"

#include <mas/agent/agent.h>
#include <mas/agent/agentregistry.h>
#include <mas/agent/container.h>
#include <mas/agent/manager.h>
#include <mas/clock/clock.h>
#include <mas/codec/codec.h>
#include <mas/codec/dateserializer.h>
#include <mas/core/terminationsignals.h>
#include <mas/observe/monitorservice.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTextStream>

#include <QCoro/QCoroSignal>

#include <csignal>
#include <memory>
#include <variant>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace {

using mas::cli::err;
using mas::cli::out;

Q_LOGGING_CATEGORY(lcSubprocCommand, "mas.subproc", QtWarningMsg)

enum ExitCode { Ok = 0, UsageError = 2, StartFailure = 3 };

// The texts of `mas subproc` (lupdate files tr() calls of free functions only under a class).
struct SubprocCommand
{
    Q_DECLARE_TR_FUNCTIONS(SubprocCommand)
};

int fail(int code, const QString &message)
{
    err() << "mas subproc: " << message << Qt::endl;
    return code;
}

// ---- the built-in agent type -----------------------------------------------------------------

/// `mas.subproc:EchoAgent(name="")`: a small agent to try out and test sub-process containers
/// without a plug-in.
class EchoAgent : public mas::Agent
{
public:
    EchoAgent(mas::Container *container, QString name)
        : Agent(container)
        , m_name(std::move(name))
    {
        router().expose(QStringLiteral("echo"), [](const mas::Value &v) { return v; }, {QStringLiteral("value")});
        router().expose(QStringLiteral("name"), [this] { return m_name; });
        router().expose(QStringLiteral("whoami"), [this] { return address(); });
        router().expose(QStringLiteral("pid"), [] { return QCoreApplication::applicationPid(); });
        router().expose(QStringLiteral("time"), [this] { return clock()->time(); });
        router().expose(QStringLiteral("now"), [this] { return clock()->utcNow(); });
        router().expose(QStringLiteral("sleep"), [this](double seconds) { return sleep(seconds); },
                        {QStringLiteral("seconds")});
        // call(url, method, *args, **kwargs): calls an agent anywhere, through this container.
        router().exposeHandler(
            QStringLiteral("call"),
            [this](mas::rpc::RpcClient *, const mas::Value::List &args, const mas::Value::Map &kwargs) -> mas::rpc::HandlerResult {
                if (args.size() < 2 || !args[0].isString() || !args[1].isString())
                    return mas::Result<mas::Value>(mas::Error(
                        mas::ErrorCode::TypeMismatch, QStringLiteral("call() takes a url and a method name (str), then the arguments")));
                return callAgent(args[0].toString(), args[1].toString(), mas::Value::List(args.begin() + 2, args.end()), kwargs);
            });
    }

private:
    QCoro::Task<mas::Result<double>> sleep(double seconds)
    {
        mas::Result<void> slept = co_await clock()->sleep(seconds);
        if (!slept)
            co_return slept.error();
        co_return clock()->time();
    }

    QCoro::Task<mas::Result<mas::Value>> callAgent(QString url, QString method, mas::Value::List args, mas::Value::Map kwargs)
    {
        mas::Result<mas::rpc::Proxy> peer = co_await connectTo(url);
        if (!peer)
            co_return peer.error();
        const mas::rpc::Proxy target = (*peer)[method];
        mas::Result<mas::Value> result = co_await target.call(std::move(args), std::move(kwargs));
        co_return result;
    }

    QString m_name;
};

mas::Result<mas::Agent *> createEchoAgent(mas::Container *container, const mas::Value::List &args, const mas::Value::Map &kwargs)
{
    const QString function = QStringLiteral("EchoAgent");
    const QStringList names{QStringLiteral("name")};
    MAS_TRY_VOID(mas::checkArguments(function, args, kwargs, names, 0));
    MAS_TRY(name, mas::argumentAt<QString>(function, args, kwargs, 0, names[0], QString()));
    return new EchoAgent(container, name);
}

// ---- stopping --------------------------------------------------------------------------------

/// Why the container stops: the first of the Manager's stop(), a termination signal, or EOF on
/// the stdin pipe (the parent is gone).
class StopRequest : public QObject
{
    Q_OBJECT

public:
    void request(const QString &why)
    {
        if (!m_why.isEmpty())
            return;
        m_why = why;
        Q_EMIT requested();
    }
    bool isRequested() const { return !m_why.isEmpty(); }
    QString why() const { return m_why; }

Q_SIGNALS:
    void requested();

private:
    QString m_why;
};

/// Watches stdin when it is a pipe or socket (as QProcess and most parents set it up): EOF means
/// the writing end is closed, i.e. the parent process is gone. A terminal or /dev/null is not
/// watched, so `mas subproc` run by hand or as a service does not stop at once.
bool watchStdin(StopRequest *stop)
{
#ifdef Q_OS_UNIX
    struct stat info = {};
    if (::fstat(STDIN_FILENO, &info) != 0 || !(S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode)))
        return false;
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, stop);
    QObject::connect(notifier, &QSocketNotifier::activated, stop, [notifier, stop] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer); // anything written is ignored
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
            notifier->setEnabled(false);
            stop->request(QStringLiteral("stdin closed: the parent process is gone"));
        }
    });
    return true;
#else
    Q_UNUSED(stop);
    return false;
#endif
}

/// Second line of defence on Linux: SIGTERM when the parent dies (strictly: when the thread
/// that started us ends), which also covers parents that give us no stdin pipe.
void askForParentDeathSignal()
{
#ifdef Q_OS_LINUX
    (void)::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
}

// ---- arguments -------------------------------------------------------------------------------

struct Settings
{
    mas::Address address;
    QString codec;
    bool externalClock = false;
    QString start;
    QStringList pluginPaths;
    bool monitor = false;
};

/// Parses the command line: the settings, or the exit code to return at once.
std::variant<Settings, int> parseArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(SubprocCommand::tr(
        "Runs a sub-process container (aiomas's subproc): a container at ADDRESS whose agent 0\n"
        "is a Manager with spawn(qualname, *args, **kwargs) -> [agent, url], set_time(t) and\n"
        "stop(). Prints the Manager's URL as the first line on stdout, then serves until stop(),\n"
        "SIGINT or SIGTERM, or until the parent process dies, and exits 0 after a clean shutdown.\n\n"
        "ADDRESS is tcp://HOST:PORT (port 0 picks a free one) or ipc://PATH.\n\n"
        "Parent death: when stdin is a pipe (as a parent's QProcess or subprocess module sets it\n"
        "up), EOF on it stops the container: keep the writing end open and never close it. On\n"
        "Linux the process also asks for SIGTERM when its parent dies (PR_SET_PDEATHSIG).\n\n"
        "Agent types: those of the plug-ins in --plugin-path directories, and the built-in\n"
        "  mas.subproc:EchoAgent(name=\"\")  echo(value), name(), whoami(), pid(), time(), now(),\n"
        "                                  sleep(seconds) -> time after, call(url, method, *args)\n\n"
        "Exit status: 0 stopped cleanly; 2 bad usage, codec, date or plug-in; 3 cannot listen."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ADDRESS"), SubprocCommand::tr("Where to listen: tcp://HOST:PORT or ipc://PATH."));
    const QCommandLineOption codecOption(QStringLiteral("codec"), SubprocCommand::tr("Codec: json (default), msgpack or msgpackblosc."),
                                         QStringLiteral("NAME"), QStringLiteral("json"));
    const QCommandLineOption clockOption(QStringLiteral("clock"),
                                         SubprocCommand::tr("realtime (default) or external (moved only by set_time)."),
                                         QStringLiteral("KIND"), QStringLiteral("realtime"));
    const QCommandLineOption startOption(QStringLiteral("start"),
                                         SubprocCommand::tr("The external clock's date at time 0, ISO 8601 (default: now)."),
                                         QStringLiteral("ISO-DATE"));
    const QCommandLineOption pluginOption(QStringLiteral("plugin-path"), SubprocCommand::tr("Load the agent plug-ins in DIR (repeatable)."),
                                          QStringLiteral("DIR"));
    const QCommandLineOption monitorOption(QStringLiteral("monitor"),
                                           SubprocCommand::tr("Serve _monitor/... so a MAS Inspector can watch the traffic."));
    parser.addOptions({codecOption, clockOption, startOption, pluginOption, monitorOption});
    if (!parser.parse(arguments))
        return fail(UsageError, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(UsageError, SubprocCommand::tr("exactly one ADDRESS is required; see mas subproc --help"));

    Settings settings;
    mas::Result<mas::Address> address = mas::Container::parseAddress(positional[0]);
    if (!address)
        return fail(UsageError, address.error().message());
    settings.address = *address;
    settings.codec = parser.value(codecOption);
    if (mas::Result<std::unique_ptr<mas::Codec>> codec = mas::Codec::create(settings.codec); !codec)
        return fail(UsageError, codec.error().message());
    const QString clock = parser.value(clockOption);
    if (clock != u"realtime" && clock != u"external")
        return fail(UsageError, SubprocCommand::tr("--clock takes realtime or external, not \"%1\"").arg(clock));
    settings.externalClock = clock == u"external";
    if (parser.isSet(startOption) && !settings.externalClock)
        return fail(UsageError, SubprocCommand::tr("--start needs --clock external"));
    settings.start = parser.value(startOption);
    settings.pluginPaths = parser.values(pluginOption);
    settings.monitor = parser.isSet(monitorOption);
    return settings;
}

/// Loads the plug-ins; false (after saying why) when one fails.
bool loadPlugins(const QStringList &directories)
{
    bool ok = true;
    for (const QString &directory : directories) {
        QList<mas::Error> errors;
        mas::Result<QStringList> added = mas::AgentRegistry::global().loadPlugins(directory, &errors);
        if (!added)
            errors.prepend(added.error());
        for (const mas::Error &e : errors) {
            fail(UsageError, e.message());
            ok = false;
        }
    }
    return ok;
}

/// The container's clock: null for real time (the container makes its own).
mas::Result<std::unique_ptr<mas::Clock>> makeClock(const Settings &settings)
{
    if (!settings.externalClock)
        return std::unique_ptr<mas::Clock>();
    QString start = settings.start;
    if (start.isEmpty()) {
        QDateTime now = QDateTime::currentDateTimeUtc();
        now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
        start = mas::formatIsoDate(now);
    }
    mas::Result<std::unique_ptr<mas::ExternalClock>> clock = mas::ExternalClock::create(start);
    if (!clock)
        return clock.error();
    return std::unique_ptr<mas::Clock>(std::move(*clock));
}

} // namespace

void registerSubprocAgentTypes()
{
    mas::AgentRegistry &registry = mas::AgentRegistry::global();
    const QString name = QStringLiteral("mas.subproc:EchoAgent");
    if (registry.contains(name))
        return;
    mas::AgentType type;
    type.name = name;
    type.description = SubprocCommand::tr("Echoes values, tells its clock's time and calls other agents (for trying out sub-processes)");
    type.signature = QStringLiteral("(name=\"\")");
    type.create = createEchoAgent;
    (void)registry.add(std::move(type));
}

QCoro::Task<int> runSubprocCommand(QStringList arguments)
{
    std::variant<Settings, int> parsed = parseArguments(arguments);
    if (const int *code = std::get_if<int>(&parsed))
        co_return *code;
    const Settings settings = std::get<Settings>(parsed);

    // Watch for the parent's death first, before anything that takes time.
    StopRequest stop;
    mas::onTerminationSignal(&stop, [&stop](int signal) {
        stop.request(signal == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM"));
    });
    askForParentDeathSignal();
    watchStdin(&stop);
#ifdef Q_OS_UNIX
    std::signal(SIGPIPE, SIG_IGN); // a vanished reader of stdout must not kill us mid-shutdown
#endif

    registerSubprocAgentTypes();
    if (!loadPlugins(settings.pluginPaths))
        co_return UsageError;
    mas::Result<std::unique_ptr<mas::Clock>> clock = makeClock(settings);
    if (!clock)
        co_return fail(UsageError, clock.error().message());

    mas::ContainerOptions options;
    options.codec = settings.codec;
    options.ownedClock = std::move(*clock); // the container owns it
    mas::Result<mas::Container *> created = co_await mas::Container::create(settings.address, std::move(options));
    if (!created)
        co_return fail(StartFailure, created.error().message());
    std::unique_ptr<mas::Container> container(*created);
    auto *manager = new mas::Manager(container.get());
    QObject::connect(manager, &mas::Manager::stopRequested, &stop,
                     [&stop] { stop.request(QStringLiteral("Manager.stop()")); });
    if (settings.monitor)
        new mas::MonitorService(container.get());

    {
        QTextStream out(stdout);
        out << manager->address() << Qt::endl; // the parent waits for this line
    }

    if (!stop.isRequested())
        co_await qCoro(&stop, &StopRequest::requested);
    qCInfo(lcSubprocCommand).noquote() << "stopping:" << stop.why();
    co_await container->shutdown();
    container.reset();
    co_return Ok;
}

#include "subproccommand.moc"
