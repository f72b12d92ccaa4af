// SPDX-License-Identifier: MIT
// The seed README's agent example on libmas: TestAgent 0 connects to TestAgent 1 and calls its
// service(42).
//
//   mas_agents                                 # one container, two agents, as the seed
//   mas_agents --serve tcp://127.0.0.1:5555    # prints tcp://127.0.0.1:5555/0, serves until
//   SIGINT/SIGTERM mas_agents --call tcp://127.0.0.1:5555/0   # TestAgent('…/0') got 42 from
//   TestAgentProxy('…/0')
//
// `--serve ADDRESS --public` (or `--limit max_connections=100`, repeatable) sets its limits.
// `--serve ADDRESS --monitor` also lets MAS Inspector attach and watch the container's traffic.
// Unix sockets work too: `--serve ipc:///tmp/agents.sock` prints ipc://[/tmp/agents.sock]/0.
// Port 0 picks a free port; the one-process form always does.

#include <mas/agent/agent.h>
#include <mas/agent/agenturl.h>
#include <mas/agent/container.h>
#include <mas/core/run.h>
#include <mas/core/terminationsignals.h>
#include "../serverlimits.h"

#include <mas/observe/monitorservice.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QTextStream>

#include <chrono>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

/// aiomas's `class TestAgent(aiomas.Agent)` with `service(value)` and `run(addr)`.
class TestAgent : public mas::Agent
{
public:
    explicit TestAgent(mas::Container *container)
        : Agent(container)
    {
        router().expose(QStringLiteral("service"), this, &TestAgent::service,
                        {QStringLiteral("value")});
    }

    /// `@aiomas.expose def service(self, value): return value`.
    mas::Value service(mas::Value value) { return value; }

    /// `async def run(self, addr)`: connects to the agent at `url`, calls its service(42) and
    /// returns the line to print.
    QCoro::Task<mas::Result<QString>> run(QString url, std::chrono::milliseconds timeout)
    {
        mas::Result<mas::rpc::Proxy> remote = co_await connectTo(url, timeout);
        if (!remote)
            co_return remote.error();
        mas::Result<mas::Value> ret = co_await (*remote)[QStringLiteral("service")](42);
        if (!ret)
            co_return ret.error();
        // aiomas names a proxy after the agent's class, which validate_aid reports (connect()
        // asked already, but keeps only the proxy).
        const QString aid = mas::AgentUrl::parse(url)->aid();
        mas::Result<QString> type =
            co_await remote->client()->call<QString>(QStringLiteral("validate_aid"), aid);
        const QString remoteName =
            QStringLiteral("%1Proxy('%2')").arg(type ? *type : QStringLiteral("Agent"), url);
        co_return QCoreApplication::translate("main", "%1 got %2 from %3")
            .arg(toString(), ret->toDisplayString(), remoteName);
    }
};

mas::ContainerOptions containerOptions(std::chrono::milliseconds timeout)
{
    mas::ContainerOptions options;
    options.channel.attemptTimeout = timeout;
    options.channel.requestTimeout = timeout;
    return options;
}

/// The seed's session: one container, two agents, agents[0].run(agents[1].addr).
QCoro::Task<int> runBoth(std::chrono::milliseconds timeout)
{
    mas::Result<mas::Container *> container = co_await mas::Container::create(
        mas::Address::tcp(QStringLiteral("127.0.0.1"), 0), containerOptions(timeout), qApp);
    if (!container) {
        err() << QCoreApplication::translate("main", "Cannot start a container: %1")
                     .arg(container.error().toString())
              << Qt::endl;
        co_return 1;
    }
    std::vector<TestAgent *> agents;
    for (int i = 0; i < 2; ++i) {
        agents.push_back(new TestAgent(*container));
        out() << QCoreApplication::translate("main", "Ohai, I am %1").arg(agents.back()->toString())
              << Qt::endl;
    }
    mas::Result<QString> line = co_await agents[0]->run(agents[1]->address(), timeout);
    co_await (*container)->shutdown();
    if (!line) {
        err() << QCoreApplication::translate("main", "The call failed: %1")
                     .arg(line.error().toString())
              << Qt::endl;
        co_return 1;
    }
    out() << *line << Qt::endl;
    co_return 0;
}

/// --call URL: a container of our own (the caller needs one to connect from) with one agent.
QCoro::Task<int> runCaller(QString url, std::chrono::milliseconds timeout)
{
    if (mas::Result<mas::AgentUrl> parsed = mas::AgentUrl::parse(url); !parsed) {
        err() << parsed.error().message() << Qt::endl;
        co_return 2;
    }
    mas::Result<mas::Container *> container = co_await mas::Container::create(
        mas::Address::tcp(QStringLiteral("127.0.0.1"), 0), containerOptions(timeout), qApp);
    if (!container) {
        err() << QCoreApplication::translate("main", "Cannot start a container: %1")
                     .arg(container.error().toString())
              << Qt::endl;
        co_return 1;
    }
    auto *agent = new TestAgent(*container);
    mas::Result<QString> line = co_await agent->run(url, timeout);
    co_await (*container)->shutdown();
    if (!line) {
        err() << QCoreApplication::translate("main", "Calling service(42) of %1 failed: %2")
                     .arg(url, line.error().toString())
              << Qt::endl;
        co_return 1;
    }
    out() << *line << Qt::endl;
    co_return 0;
}

/// --serve ADDRESS: agent 0 serves service(value) until SIGINT/SIGTERM.
int serve(QCoreApplication &app, const QString &where, mas::ContainerOptions options, bool monitor)
{
    const mas::Result<mas::Address> address = mas::Container::parseAddress(where);
    if (!address) {
        err() << address.error().message() << Qt::endl;
        return 2;
    }
    const mas::Result<mas::Container *> container =
        mas::Container::createNow(*address, std::move(options), &app);
    if (!container) {
        err() << QCoreApplication::translate("main", "Cannot serve on %1: %2")
                     .arg(where, container.error().toString())
              << Qt::endl;
        return 1;
    }
    auto *agent = new TestAgent(*container);
    if (monitor)
        new mas::MonitorService(*container); // MAS Inspector can attach and watch the traffic
    out() << agent->address() << Qt::endl; // first line: where to --call
    mas::Container *c = *container;
    mas::onTerminationSignal(
        &app, [c](int) { QCoro::connect(c->shutdown(), c, [] { QCoreApplication::exit(0); }); });
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "The aiomas agent example: one agent calls another's service(42). Without options both "
        "agents live in one container; --serve and --call split them over two processes."));
    parser.addHelpOption();
    const QCommandLineOption serveOption(
        QStringLiteral("serve"),
        QCoreApplication::translate(
            "main",
            "Host agent 0 in a container at <address> (tcp://host:port or ipc://path), print its "
            "URL and serve until SIGINT/SIGTERM."),
        QStringLiteral("address"));
    const QCommandLineOption callOption(
        QStringLiteral("call"),
        QCoreApplication::translate("main",
                                    "Call service(42) of the agent at <url> and print the reply."),
        QStringLiteral("url"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        QCoreApplication::translate("main",
                                    "Seconds to wait for a connection or a reply (default 10)."),
        QStringLiteral("seconds"), QStringLiteral("10"));
    const QCommandLineOption monitorOption(
        QStringLiteral("monitor"),
        QCoreApplication::translate("main",
                                    "With --serve: let MAS Inspector attach and watch the container's traffic."));
    parser.addOption(serveOption);
    parser.addOption(monitorOption);
    parser.addOption(callOption);
    parser.addOption(timeoutOption);
    examples::addLimitOptions(parser);
    parser.process(app);

    bool ok = false;
    const double seconds = parser.value(timeoutOption).toDouble(&ok);
    if (!ok || seconds <= 0) {
        err() << QCoreApplication::translate("main", "--timeout needs a positive number of seconds")
              << Qt::endl;
        return 2;
    }
    const auto timeout = std::chrono::milliseconds(qRound64(seconds * 1000));
    if (parser.isSet(serveOption) && parser.isSet(callOption)) {
        err() << QCoreApplication::translate("main", "Use either --serve or --call, not both")
              << Qt::endl;
        return 2;
    }
    if (!parser.positionalArguments().isEmpty())
        parser.showHelp(2);

    if (parser.isSet(serveOption)) {
        mas::ContainerOptions options = containerOptions(timeout);
        if (const QString wrong = examples::applyLimitOptions(parser, options.channel); !wrong.isEmpty()) {
            err() << wrong << Qt::endl;
            return 2;
        }
        return serve(app, parser.value(serveOption), std::move(options), parser.isSet(monitorOption));
    }

    QCoro::Task<int> task =
        parser.isSet(callOption) ? runCaller(parser.value(callOption), timeout) : runBoth(timeout);
    return mas::run(std::move(task));
}
