// SPDX-License-Identifier: MIT
// Runs one of the teaching demos (libmas demos: leader election, echo, ping-pong, Contract Net,
// two-phase commit) and prints its outcome, its invariants and every agent's state.
//
//   mas_demo --list
//   mas_demo leader-election [--agents 5] [--seed 1] [--faulty] [--initiators 0] [--rounds 3]
//            [--codec json] [--transport local|tcp|unix] [--stepped] [--trace] [--log run.jsonl]
//
// --transport picks LocalQueues (default), TCP on 127.0.0.1 or Unix sockets. On a LocalQueue,
// --stepped delivers frame by frame with LocalQueue::runUntilIdle() (moving the clock when
// nothing is pending) instead of free-running; --trace prints every queue event; --log saves
// the event log as JSON Lines. Sockets always run free and have no event log. Exits 0 when the
// demo finished with all invariants holding, 1 otherwise, 2 on bad arguments.

#include <mas/demos/demoagent.h>
#include <mas/demos/demosystem.h>
#include <mas/transport/localqueue.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QTextStream>
#include <QTimer>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// The runner's texts (lupdate files tr() calls of free functions only under a class).
struct DemoRunner
{
    Q_DECLARE_TR_FUNCTIONS(DemoRunner)
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(DemoRunner::tr("Runs a libmas teaching demo."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("demo"), DemoRunner::tr("The demo's id (see --list)."));
    const QCommandLineOption list(QStringLiteral("list"), DemoRunner::tr("Lists the demos."));
    const QCommandLineOption agents(QStringLiteral("agents"), DemoRunner::tr("How many agents (default 5)."),
                                    QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption seed(QStringLiteral("seed"), DemoRunner::tr("The seed (default 1)."),
                                  QStringLiteral("seed"), QStringLiteral("1"));
    const QCommandLineOption faulty(QStringLiteral("faulty"), DemoRunner::tr("Builds the faulty variant."));
    const QCommandLineOption initiators(QStringLiteral("initiators"),
                                        DemoRunner::tr("Leader election: how many nodes wake up (0: all)."),
                                        QStringLiteral("k"), QStringLiteral("0"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    DemoRunner::tr("Ping-pong: how many rounds (default 3)."),
                                    QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption codec(QStringLiteral("codec"), DemoRunner::tr("json, msgpack or msgpackblosc."),
                                   QStringLiteral("codec"), QStringLiteral("json"));
    const QCommandLineOption transport(QStringLiteral("transport"),
                                       DemoRunner::tr("local (default), tcp or unix."),
                                       QStringLiteral("transport"), QStringLiteral("local"));
    const QCommandLineOption stepped(QStringLiteral("stepped"),
                                     DemoRunner::tr("Steps the queue (local transport only)."));
    const QCommandLineOption trace(QStringLiteral("trace"), DemoRunner::tr("Prints every queue event."));
    const QCommandLineOption log(QStringLiteral("log"), DemoRunner::tr("Saves the event log (JSON Lines)."),
                                 QStringLiteral("file"));
    parser.addOptions(
        {list, agents, seed, faulty, initiators, rounds, codec, transport, stepped, trace, log});
    parser.process(app);

    if (parser.isSet(list)) {
        for (const mas::demos::DemoInfo &info : mas::demos::demos())
            out() << info.id << "\t" << info.title << Qt::endl;
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const mas::demos::DemoInfo *info = mas::demos::findDemo(parser.positionalArguments().first());
    if (!info) {
        out() << DemoRunner::tr("Unknown demo; try --list") << Qt::endl;
        return 2;
    }
    mas::demos::DemoParameters parameters;
    parameters.agents = parser.value(agents).toInt();
    parameters.seed = parser.value(seed).toUInt();
    parameters.faulty = parser.isSet(faulty);
    parameters.initiators = parser.value(initiators).toInt();
    parameters.rounds = parser.value(rounds).toInt();
    parameters.codec = parser.value(codec);
    const mas::Result<mas::demos::DemoTransport> chosen =
        mas::demos::parseDemoTransport(parser.value(transport));
    if (!chosen) {
        out() << chosen.error().message() << Qt::endl;
        return 2;
    }
    parameters.transport = *chosen;
    const bool local = parameters.transport == mas::demos::DemoTransport::LocalQueue;
    if (!local && (parser.isSet(stepped) || parser.isSet(trace) || parser.isSet(log))) {
        out() << DemoRunner::tr("--stepped, --trace and --log need the local transport") << Qt::endl;
        return 2;
    }

    const QString queueId = QStringLiteral("demo");
    mas::LocalNetwork *net = local ? mas::LocalNetwork::instance() : nullptr;
    if (net) {
        net->setMode(parser.isSet(stepped) ? mas::LocalNetwork::Mode::Stepped
                                             : mas::LocalNetwork::Mode::FreeRunning);
    }
    if (net && parser.isSet(trace)) {
        QObject::connect(
            net, &mas::LocalNetwork::eventRecorded, &app,
            [](const mas::TrafficEvent &e) { out() << e.toDisplayString() << Qt::endl; });
    }
    mas::Result<std::unique_ptr<mas::demos::DemoSystem>> built = info->build(queueId, parameters);
    if (!built) {
        out() << built.error().toString() << Qt::endl;
        return 2;
    }
    mas::demos::DemoSystem *system = built->get();
    out() << system->title() << Qt::endl;

    auto report = [&]() {
        out() << DemoRunner::tr("outcome: %1").arg(system->outcome()) << Qt::endl;
        for (const mas::demos::Invariant &invariant : system->invariants())
            out() << (invariant.holds() ? "  ok      " : "  BROKEN  ") << invariant.name
                  << Qt::endl;
        out() << system->stateText();
        if (net && parser.isSet(log)) {
            if (mas::Result<void> saved = net->eventLog().save(parser.value(log)); !saved)
                out() << saved.error().toString() << Qt::endl;
        }
        const bool ok = system->isFinished() && system->violatedInvariants().isEmpty();
        QMetaObject::invokeMethod(
            &app, [ok] { QCoreApplication::exit(ok ? 0 : 1); }, Qt::QueuedConnection);
    };
    system->start();
    if (net && net->mode() == mas::LocalNetwork::Mode::Stepped) {
        QCoro::connect(net->runUntilIdle(1'000'000, true), &app, [report](int) { report(); });
    } else {
        QObject::connect(system, &mas::demos::DemoSystem::finished, &app, report);
        // A demo stalls for good when messages are lost for good: report what there is.
        QTimer::singleShot(std::chrono::seconds(60), &app, report);
    }
    return app.exec();
}
