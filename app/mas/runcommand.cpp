// SPDX-License-Identifier: MIT
#include "runcommand.h"

#include "console.h"
#include "pythonprograms.h"

#include <mas/clock/clock.h>
#include <mas/system/processsystem.h>
#include <mas/system/session.h>
#include <mas/system/systemfile.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>
#include <mas/transport/pythonhub.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

#include <chrono>
#include <optional>

namespace {

using mas::cli::err;
using mas::cli::out;

enum ExitCode
{
    Success = 0,
    ProgramFailed = 1, ///< a program exited non-zero, or the run got stuck
    UsageError = 2,
    RunFailed = 3,     ///< a program did not start, a runner hung or was lost, the hub failed
};

// The texts of `mas run` (lupdate files tr() calls of free functions only under a class).
struct RunCommand
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
};

/// What the command line asks for.
struct Plan
{
    QList<mas::cli::PythonProgram> programs;
    QString systemFile;
    bool random = false;
    quint32 seed = 1;
    std::optional<qint64> steps;
    QString logFile;
    bool quiet = false;
    std::chrono::milliseconds timeout = std::chrono::seconds(30);
};

/// The options that take a value; everything else after --python PROGRAM that is not one of
/// these (or a value-less option) is an argument of the program.
const QStringList kValueOptions = {QStringLiteral("--system"), QStringLiteral("--order"), QStringLiteral("--seed"), QStringLiteral("--steps"),
                                   QStringLiteral("--log"), QStringLiteral("--timeout")};
const QStringList kFlagOptions = {QStringLiteral("--quiet"), QStringLiteral("-q"), QStringLiteral("--help"),
                                  QStringLiteral("-h"), QStringLiteral("--help-all")};

bool isRunOption(const QString &arg)
{
    if (arg == u"--python" || arg.startsWith(u"--python=") || kFlagOptions.contains(arg))
        return true;
    for (const QString &option : kValueOptions) {
        if (arg == option || arg.startsWith(option + u'='))
            return true;
    }
    return false;
}

QString helpText()
{
    return RunCommand::tr(
        "Usage: mas run --python PROGRAM.py [ARGS...] [--python ...] [OPTIONS]\n"
        "       mas run --system FILE.json [OPTIONS]\n\n"
        "Runs Python asyncio programs (aiomas included) under the masstep runner on the stepped\n"
        "in-process network, without a display: every frame they send waits as a pending message\n"
        "and is delivered in the chosen order; whenever nothing else can happen (no pending frame,\n"
        "every program idle) the virtual clock moves to the next timer. The run stops when no frame\n"
        "and no timer is left, after N steps, or when every program has exited.\n\n"
        "Options:\n"
        "  --python PROGRAM.py [ARGS...]  a program and its arguments (repeatable: the programs start\n"
        "                                 one after the other, each once the others are idle); the\n"
        "                                 arguments end at the next option of mas run\n"
        "  --system FILE.json             a system file: its \"processes\" (Python programs) and its\n"
        "                                 C++ agents from plug-ins, on the same stepped network\n"
        "  --order fifo|random            the oldest frame first (default), or a seeded random one\n"
        "                                 (frames may overtake others, a close waits for its frames)\n"
        "  --seed S                       seeds the random order and the programs' random and\n"
        "                                 PYTHONHASHSEED (default 1); same seed, same run\n"
        "  --steps N                      stop after N steps (a step is a delivery or a clock move)\n"
        "  --log FILE.jsonl               write the event log as a session file MAS Inspector opens\n"
        "  --timeout SECONDS              how long a program may take to answer (default 30)\n"
        "  -q, --quiet                    no line per step and no program output\n"
        "  -h, --help                     this help\n\n"
        "The runner (python3 -m masstep) must be where python3 finds it: installed, or the source\n"
        "tree's python/ directory on PYTHONPATH.\n\n"
        "Examples:\n"
        "  mas run --python echo.py both 5555 hello world\n"
        "  mas run --python ring.py 0 --python ring.py 1 --python ring.py 2 --order random --seed 2\n\n"
        "Exit status: 0 every program exited 0 (or --steps stopped a run without failures); 1 a\n"
        "program exited non-zero, or the programs wait with nothing pending and no timer; 2 bad\n"
        "usage; 3 a program did not start, hung or lost its runner, or the hub failed.\n");
}

/// Fills `plan`; nullopt to go on, else the exit code.
std::optional<int> parse(const QStringList &arguments, Plan &plan)
{
    auto usage = [](const QString &text) {
        err() << "mas run: " << text << Qt::endl;
        return std::optional<int>(UsageError);
    };
    // The programs' arguments are cut out first: they may look like anything.
    QStringList options = arguments;
    if (const QString error = mas::cli::cutPythonPrograms(options, isRunOption, &plan.programs); !error.isEmpty())
        return usage(error);
    QCommandLineParser parser;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    const QCommandLineOption system(QStringLiteral("system"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption order(QStringLiteral("order"), QString(), QStringLiteral("ORDER"), QStringLiteral("fifo"));
    const QCommandLineOption seed(QStringLiteral("seed"), QString(), QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption steps(QStringLiteral("steps"), QString(), QStringLiteral("N"));
    const QCommandLineOption log(QStringLiteral("log"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QString(), QStringLiteral("SECONDS"),
                                     QStringLiteral("30"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, QString());
    for (const QCommandLineOption *option : {&help, &system, &order, &seed, &steps, &log, &timeout, &quiet})
        parser.addOption(*option);
    if (!parser.parse(options))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        out() << helpText();
        out().flush();
        return Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(RunCommand::tr("unexpected argument \"%1\": a program's arguments follow --python PROGRAM")
                         .arg(parser.positionalArguments().constFirst()));
    plan.systemFile = parser.value(system);
    if (!plan.systemFile.isEmpty() && !plan.programs.isEmpty())
        return usage(RunCommand::tr("--system and --python do not go together: list the programs in the "
                                    "system file's \"processes\""));
    if (!plan.systemFile.isEmpty() && !QFileInfo(plan.systemFile).isFile())
        return usage(RunCommand::tr("no such system file: %1").arg(plan.systemFile));
    if (plan.programs.isEmpty() && plan.systemFile.isEmpty())
        return usage(RunCommand::tr("at least one --python PROGRAM.py or a --system FILE is required; see mas run --help"));
    if (const QString missing = mas::cli::missingProgram(plan.programs); !missing.isEmpty())
        return usage(missing);
    const QString orderName = parser.value(order);
    if (orderName == u"random")
        plan.random = true;
    else if (orderName != u"fifo")
        return usage(RunCommand::tr("--order is fifo or random, not \"%1\"").arg(orderName));
    bool ok = false;
    plan.seed = parser.value(seed).toUInt(&ok);
    if (!ok)
        return usage(RunCommand::tr("--seed expects a whole number of at least 0, not \"%1\"").arg(parser.value(seed)));
    if (parser.isSet(steps)) {
        const qint64 n = parser.value(steps).toLongLong(&ok);
        if (!ok || n < 0)
            return usage(RunCommand::tr("--steps expects a whole number of at least 0, not \"%1\"")
                             .arg(parser.value(steps)));
        plan.steps = n;
    }
    const double seconds = parser.value(timeout).toDouble(&ok);
    if (!ok || !(seconds > 0) || seconds > 86400)
        return usage(RunCommand::tr("--timeout expects a positive number of seconds, not \"%1\"")
                         .arg(parser.value(timeout)));
    plan.timeout = std::chrono::milliseconds(qint64(seconds * 1000));
    plan.logFile = parser.value(log);
    plan.quiet = parser.isSet(quiet);
    return std::nullopt;
}

/// The last `count` non-empty lines of `text`.
QStringList lastLines(const QByteArray &text, int count)
{
    QStringList lines = QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines;
}

/// The next frame: the oldest, or a random one (frames overtake each other, even on one
/// connection, as the Inspector lets them; a close waits for the frames sent before it).
quint64 choose(const QList<mas::PendingMessage> &pending, bool random, QRandomGenerator &rng)
{
    if (!random)
        return pending.constFirst().id;
    QList<quint64> candidates;
    QSet<quint64> seen; // connections with an older frame pending
    for (const mas::PendingMessage &m : pending) {
        if (!m.isClose || !seen.contains(m.connection))
            candidates.append(m.id);
        seen.insert(m.connection);
    }
    return candidates.at(qsizetype(rng.bounded(quint32(candidates.size()))));
}


/// Builds what the plan runs: its programs, or its system file (processes and agents).
mas::Result<std::unique_ptr<mas::system::System>> buildSystem(const Plan &plan)
{
    if (!plan.systemFile.isEmpty()) {
        MAS_TRY(file, mas::system::SystemFile::load(plan.systemFile));
        MAS_TRY_VOID(file.loadPlugins());
        mas::system::Parameters parameters = file.parameters();
        parameters.transport = mas::system::Transport::LocalQueue;
        parameters.seed = plan.seed;
        return file.build(QStringLiteral("run"), parameters);
    }
    const QList<mas::system::ProcessSpec> specs = mas::cli::processSpecs(plan.programs);
    mas::system::ProcessSystemOptions options;
    options.answerTimeout = plan.timeout;
    mas::system::Parameters parameters = mas::system::ProcessSystem::defaultParameters();
    parameters.seed = plan.seed;
    MAS_TRY(system, mas::system::ProcessSystem::create(QStringLiteral("run"), specs, options, parameters));
    return std::unique_ptr<mas::system::System>(std::move(system));
}

} // namespace

QCoro::Task<int> runRunCommand(QStringList arguments)
{
    Plan plan;
    if (std::optional<int> exit = parse(arguments, plan))
        co_return *exit;

    mas::LocalQueue::clearCache();
    mas::LocalNetwork *net = mas::LocalNetwork::instance();
    net->setMode(mas::LocalNetwork::Mode::Stepped);
    net->setRecording(true);

    mas::Result<std::unique_ptr<mas::system::System>> built = buildSystem(plan);
    if (!built) {
        err() << "mas run: " << built.error().message() << Qt::endl;
        co_return plan.systemFile.isEmpty() ? RunFailed : UsageError;
    }
    std::unique_ptr<mas::system::System> system = std::move(built).value();
    auto *processes = qobject_cast<mas::system::ProcessSystem *>(system.get());
    if (processes) {
        QObject::connect(processes, &mas::system::ProcessSystem::processWarning, processes,
                         [processes](int index, const QString &kind, const QString &message) {
            err() << "mas run: "
                  << RunCommand::tr("warning from %1: %2: %3").arg(processes->process(index).name, kind, message)
                  << Qt::endl;
        });
    }
    auto waitForAnswers = [net, processes]() -> QCoro::Task<mas::Result<void>> {
        co_await net->settle(); // the C++ agents' handlers answer
        if (processes)
            co_return co_await processes->waitForAnswers();
        co_return mas::Result<void>();
    };
    auto allExited = [processes] { return processes && !processes->specs().isEmpty() && processes->isFinished(); };
    const bool hasProcesses = processes && !processes->specs().isEmpty();

    qint64 steps = 0;
    const bool printSteps = !plan.quiet;
    QMetaObject::Connection printer = QObject::connect(net, &mas::LocalNetwork::eventRecorded, system.get(),
                                                       [&steps, printSteps](const mas::TrafficEvent &event) {
        using Kind = mas::TrafficEvent::Kind;
        if (printSteps && (event.kind == Kind::Delivered || event.kind == Kind::ClockChanged))
            out() << QStringLiteral("%1. ").arg(steps + 1, 4) << event.toDisplayString() << Qt::endl;
    });

    QString failure; // why the run failed (exit 3)
    // The programs start one after the other, each once the others are idle.
    system->start();
    if (mas::Result<void> quiet = co_await waitForAnswers(); !quiet)
        failure = quiet.error().message();

    QString stopped; // why the run stopped before every program exited
    QRandomGenerator rng(plan.seed);
    while (failure.isEmpty() && !allExited()) {
        if (plan.steps && steps >= *plan.steps) {
            stopped = RunCommand::tr("stopped after %n step(s)", nullptr, int(steps));
            break;
        }
        const QList<mas::PendingMessage> pending = net->pendingMessages();
        if (!pending.isEmpty()) {
            if (mas::Result<mas::PendingMessage> delivered = net->deliver(choose(pending, plan.random, rng)); !delivered) {
                failure = delivered.error().message();
                break;
            }
        } else if (!net->advanceClock()) {
            if (hasProcesses)
                stopped = RunCommand::tr("nothing to deliver and no timer left, but the programs still run");
            break;
        }
        ++steps;
        if (mas::Result<void> quiet = co_await waitForAnswers(); !quiet)
            failure = quiet.error().message();
    }
    QObject::disconnect(printer);
    if (failure.isEmpty() && processes)
        failure = processes->failure();

    // What the programs printed, and how they ended.
    int code = Success;
    for (const mas::system::ProcessStatus &p : processes ? processes->processes() : QList<mas::system::ProcessStatus>()) {
        const QString name = p.name;
        if (!plan.quiet) {
            for (const QString &line : QString::fromUtf8(processes->standardOutput(p.index)).split(u'\n', Qt::SkipEmptyParts))
                out() << name << ": " << line << Qt::endl;
        }
        using State = mas::system::ProcessState;
        if (p.state == State::Starting || p.state == State::Running) {
            out() << RunCommand::tr("%1: still running at t=%2 (stopped)").arg(name).arg(p.time) << Qt::endl;
            continue;
        }
        if (p.state != State::Exited)
            continue; // counted in failure
        if (*p.exitCode == 0) {
            if (!plan.quiet)
                out() << RunCommand::tr("%1: exited 0 at t=%2").arg(name).arg(p.time) << Qt::endl;
            continue;
        }
        code = ProgramFailed;
        err() << "mas run: " << RunCommand::tr("%1 exited with status %2").arg(name).arg(*p.exitCode) << Qt::endl;
        const QStringList tail = lastLines(processes->standardError(p.index), 10);
        for (const QString &line : tail)
            err() << "  " << line << Qt::endl;
    }
    if (!failure.isEmpty()) {
        err() << "mas run: " << failure << Qt::endl;
        for (const mas::system::ProcessStatus &p : processes ? processes->processes() : QList<mas::system::ProcessStatus>()) {
            if (p.state == mas::system::ProcessState::FailedToStart || p.state == mas::system::ProcessState::Crashed) {
                for (const QString &line : lastLines(processes->standardError(p.index), 10))
                    err() << "  " << line << Qt::endl;
            }
        }
        code = RunFailed;
    } else if (!stopped.isEmpty()) {
        out() << "mas run: " << stopped << Qt::endl;
        if (!plan.steps || steps < *plan.steps)
            code = std::max<int>(code, ProgramFailed); // stuck: waiting for nothing
    }
    if (!plan.quiet)
        out() << RunCommand::tr("%n step(s), virtual time %1", nullptr, int(steps)).arg(system->clock()->time()) << Qt::endl;

    if (!plan.logFile.isEmpty()) {
        mas::system::Session session;
        session.demo = plan.systemFile.isEmpty() ? QStringLiteral("python") : system->id();
        if (!plan.systemFile.isEmpty())
            session.systemFile = QFileInfo(plan.systemFile).absoluteFilePath();
        else if (processes)
            session.processes = processes->specs();
        session.parameters.seed = plan.seed;
        session.log = net->eventLog();
        if (mas::Result<void> saved = session.save(plan.logFile); !saved) {
            err() << "mas run: " << RunCommand::tr("cannot write %1: %2").arg(plan.logFile, saved.error().message())
                  << Qt::endl;
            code = RunFailed;
        } else if (!plan.quiet) {
            out() << RunCommand::tr("event log written to %1 (%2 events)").arg(plan.logFile).arg(session.log.size())
                  << Qt::endl;
        }
    }
    system.reset();
    net->setClock(nullptr);
    co_await mas::cli::waitForKilledRunners();
    co_return code;
}
