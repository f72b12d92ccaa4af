// SPDX-License-Identifier: MIT
// Runs one of the teaching demos (libmas demos: leader election, echo, Contract Net, two-phase
// commit) on a LocalQueue and prints its outcome, its invariants and every agent's state.
//
//   mas_demo --list
//   mas_demo leader-election [--agents 5] [--seed 1] [--faulty] [--initiators 0]
//            [--codec json] [--stepped] [--trace] [--log run.jsonl]
//
// --stepped delivers frame by frame with LocalQueue::runUntilIdle() instead of free-running;
// --trace prints every queue event; --log saves the event log as JSON Lines. Exits 0 when the
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

QString tr(const char *text)
{
    return QCoreApplication::translate("main", text);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Runs a libmas teaching demo on a LocalQueue."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("demo"), tr("The demo's id (see --list)."));
    const QCommandLineOption list(QStringLiteral("list"), tr("Lists the demos."));
    const QCommandLineOption agents(QStringLiteral("agents"), tr("How many agents (default 5)."),
                                    QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("The seed (default 1)."),
                                  QStringLiteral("seed"), QStringLiteral("1"));
    const QCommandLineOption faulty(QStringLiteral("faulty"), tr("Builds the faulty variant."));
    const QCommandLineOption initiators(QStringLiteral("initiators"),
                                        tr("Leader election: how many nodes wake up (0: all)."),
                                        QStringLiteral("k"), QStringLiteral("0"));
    const QCommandLineOption codec(QStringLiteral("codec"), tr("json, msgpack or msgpackblosc."),
                                   QStringLiteral("codec"), QStringLiteral("json"));
    const QCommandLineOption stepped(QStringLiteral("stepped"), tr("Steps the queue."));
    const QCommandLineOption trace(QStringLiteral("trace"), tr("Prints every queue event."));
    const QCommandLineOption log(QStringLiteral("log"), tr("Saves the event log (JSON Lines)."),
                                 QStringLiteral("file"));
    parser.addOptions({list, agents, seed, faulty, initiators, codec, stepped, trace, log});
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
        out() << tr("Unknown demo; try --list") << Qt::endl;
        return 2;
    }
    mas::demos::DemoParameters parameters;
    parameters.agents = parser.value(agents).toInt();
    parameters.seed = parser.value(seed).toUInt();
    parameters.faulty = parser.isSet(faulty);
    parameters.initiators = parser.value(initiators).toInt();
    parameters.codec = parser.value(codec);

    const QString queueId = QStringLiteral("demo");
    mas::LocalQueue *queue = mas::LocalQueue::get(queueId);
    queue->setMode(parser.isSet(stepped) ? mas::LocalQueue::Mode::Stepped
                                         : mas::LocalQueue::Mode::FreeRunning);
    if (parser.isSet(trace)) {
        QObject::connect(
            queue, &mas::LocalQueue::eventRecorded, &app,
            [](const mas::QueueEvent &e) { out() << e.toDisplayString() << Qt::endl; });
    }
    mas::Result<std::unique_ptr<mas::demos::DemoSystem>> built = info->build(queueId, parameters);
    if (!built) {
        out() << built.error().toString() << Qt::endl;
        return 2;
    }
    mas::demos::DemoSystem *system = built->get();
    out() << system->title() << Qt::endl;

    auto report = [&]() {
        out() << tr("outcome: %1").arg(system->outcome()) << Qt::endl;
        for (const mas::demos::Invariant &invariant : system->invariants())
            out() << (invariant.holds() ? "  ok      " : "  BROKEN  ") << invariant.name
                  << Qt::endl;
        out() << system->stateText();
        if (parser.isSet(log)) {
            if (mas::Result<void> saved = queue->eventLog().save(parser.value(log)); !saved)
                out() << saved.error().toString() << Qt::endl;
        }
        const bool ok = system->isFinished() && system->violatedInvariants().isEmpty();
        QMetaObject::invokeMethod(
            &app, [ok] { QCoreApplication::exit(ok ? 0 : 1); }, Qt::QueuedConnection);
    };
    system->start();
    if (queue->mode() == mas::LocalQueue::Mode::Stepped) {
        QCoro::connect(queue->runUntilIdle(), &app, [report](int) { report(); });
    } else {
        QObject::connect(system, &mas::demos::DemoSystem::finished, &app, report);
        // A demo stalls for good when messages are lost for good: report what there is.
        QTimer::singleShot(std::chrono::seconds(60), &app, report);
    }
    return app.exec();
}
