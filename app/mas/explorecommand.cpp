// SPDX-License-Identifier: MIT
#include "explorecommand.h"

#include "exploreparallel.h"
#include "lookaheadcommand.h"
#include "pluginpaths.h"
#include "console.h"
#include "pythonprograms.h"

#include <mas/system/session.h>

#include <mas/system/explorer.h>
#include <mas/system/necessity.h>
#include <mas/system/processsystem.h>
#include <mas/system/statecondition.h>
#include <mas/system/systemfile.h>
#include <mas/trace/messagelabel.h>
#include <mas/trace/runcompare.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>
#include <QThread>

#include <cmath>
#include <optional>

namespace {

using mas::cli::err;
using mas::cli::out;

enum ExitCode
{
    NoViolation = 0,
    ViolationFound = 1,
    UsageError = 2
};

// The texts of `mas explore` (lupdate files tr() calls of free functions only under a class).
struct ExploreCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExploreCommand)
};

/// What the command line asks for.
struct Plan
{
    QString demo;
    std::optional<mas::system::SystemFile> file; // --system FILE
    mas::system::Parameters parameters;
    mas::system::ExplorerOptions options;
    QString outFile;
    bool progress = false;
    bool showPlumbing = false; // list the plumbing steps too (lookups, acknowledgements, …)
    bool why = false;          // --why: which steps of the counterexample are necessary
    // The split search (exploreparallel.h): worker processes, this shard of an array job.
    int workers = 1;
    int frontier = 16;
    int shardIndex = 0;
    int shardCount = 1;
    QString resultFile;     // --result: this search's (or shard's) result as JSON
    QStringList mergeFiles; // --merge FILES
    bool workerMode = false; // a worker of another `mas explore` (hidden)
    QStringList compare;       // --compare A B: two runs' logs
    QList<mas::cli::PythonProgram> programs; // --python PROGRAM.py [ARGS...]
    /// Processes are explored (--python, or a system file with "processes"): every run starts
    /// them again.
    bool processes = false;
    std::chrono::milliseconds answerTimeout = std::chrono::seconds(30); // --timeout
};

/// This process's part of an array job: --shard I/N, else Slurm's or a Kubernetes indexed
/// Job's variables. Returns an error text, or empty.
QString parseShard(const QCommandLineParser &parser, const QCommandLineOption &shard,
                   const QCommandLineOption &shardCount, Plan &plan)
{
    auto number = [](const QString &text, int minimum) -> std::optional<int> {
        bool ok = false;
        const int value = text.trimmed().toInt(&ok);
        return ok && value >= minimum ? std::optional<int>(value) : std::nullopt;
    };
    std::optional<int> index, count;
    QString from;
    if (parser.isSet(shard)) {
        const QStringList parts = parser.value(shard).split(u'/');
        if (parts.size() == 2) {
            index = number(parts[0], 0);
            count = number(parts[1], 1);
        }
        from = QStringLiteral("--shard");
        if (!index || !count || *index >= *count)
            return ExploreCommand::tr("--shard expects I/N with 0 <= I < N, not \"%1\"").arg(parser.value(shard));
    } else if (qEnvironmentVariableIsSet("SLURM_ARRAY_TASK_ID") && qEnvironmentVariableIsSet("SLURM_ARRAY_TASK_COUNT")) {
        // Array indices may start anywhere (--array=1-8): the shard is the offset from the first.
        const std::optional<int> id = number(qEnvironmentVariable("SLURM_ARRAY_TASK_ID"), 0);
        const std::optional<int> first = qEnvironmentVariableIsSet("SLURM_ARRAY_TASK_MIN")
                                             ? number(qEnvironmentVariable("SLURM_ARRAY_TASK_MIN"), 0)
                                             : std::optional<int>(0);
        count = number(qEnvironmentVariable("SLURM_ARRAY_TASK_COUNT"), 1);
        if (id && first)
            index = *id - *first;
        from = QStringLiteral("SLURM_ARRAY_TASK_ID");
        if (!index || !count || *index < 0 || *index >= *count)
            return ExploreCommand::tr("SLURM_ARRAY_TASK_ID (%1) is not one of SLURM_ARRAY_TASK_COUNT (%2) tasks")
                .arg(qEnvironmentVariable("SLURM_ARRAY_TASK_ID"), qEnvironmentVariable("SLURM_ARRAY_TASK_COUNT"));
    } else if (qEnvironmentVariableIsSet("JOB_COMPLETION_INDEX")) {
        index = number(qEnvironmentVariable("JOB_COMPLETION_INDEX"), 0);
        if (!parser.isSet(shardCount))
            return ExploreCommand::tr("JOB_COMPLETION_INDEX is set: give the Job's completions with --shard-count N");
        count = number(parser.value(shardCount), 1);
        if (!index || !count || *index >= *count)
            return ExploreCommand::tr("JOB_COMPLETION_INDEX (%1) is not one of --shard-count (%2) shards")
                .arg(qEnvironmentVariable("JOB_COMPLETION_INDEX"), parser.value(shardCount));
    } else if (parser.isSet(shardCount)) {
        return ExploreCommand::tr("--shard-count goes with JOB_COMPLETION_INDEX (a Kubernetes indexed Job); "
                                  "elsewhere use --shard I/N");
    }
    if (index && count) {
        plan.shardIndex = *index;
        plan.shardCount = *count;
    }
    return {};
}

/// The system type of `--python` programs: every run starts them again on a fresh network.
mas::system::SystemType pythonSystemType(const QList<mas::system::ProcessSpec> &specs,
                                         std::chrono::milliseconds answerTimeout)
{
    mas::system::SystemType type;
    type.id = QStringLiteral("python");
    type.title = ExploreCommand::tr("Python programs");
    type.build = [specs, answerTimeout](const QString &queueId, const mas::system::Parameters &parameters)
        -> mas::Result<std::unique_ptr<mas::system::System>> {
        mas::system::ProcessSystemOptions options;
        options.answerTimeout = answerTimeout;
        MAS_TRY(system, mas::system::ProcessSystem::create(queueId, specs, options, parameters));
        return std::unique_ptr<mas::system::System>(std::move(system));
    };
    return type;
}

std::optional<int> parseCount(const QCommandLineParser &parser,
                              const QCommandLineOption &option,
                              int minimum,
                              QString *error)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < minimum) {
        *error = ExploreCommand::tr("--%1 expects a whole number of at least %2, not \"%3\"")
                     .arg(option.names().constFirst())
                     .arg(minimum)
                     .arg(parser.value(option));
        return std::nullopt;
    }
    return value;
}

/// Fills `plan`; nullopt to go on, else the exit code.
std::optional<int> parse(const QStringList &arguments, Plan &plan)
{
    using mas::system::ExplorerOptions;
    using mas::system::FaultKind;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ExploreCommand::tr("Searches the delivery orders of a teaching demo on the in-process network for a run\n"
           "that breaks one of its invariants, shrinks the run to as few steps as it can, and\n"
           "writes it as an event log (JSON Lines) that the Inspector's replay opens.\n\n"
           "Properties: the demo's invariants (all by default), and the goals \"stuck\" (quiet\n"
           "but not finished) and, for two-phase-commit, \"blocked\" (a participant left\n"
           "uncertain), checked only when named with --invariant.\n\n"
           "Python programs: with --python PROGRAM.py [ARGS...] (repeatable; the arguments end at the\n"
           "next option of mas explore), or a --system FILE with \"processes\", every run starts the\n"
           "programs again under the masstep runner and stops them at its end; after each step it waits\n"
           "for them to answer. A program that exits with a status other than 0 or crashes breaks\n"
           "\"no program failed\" (checked by default; one that does not start is an error); the goal\n"
           "\"every program exited\" is checked when named. Random walks are the default there (--walks, --seed; the seed also\n"
           "seeds the programs' random and PYTHONHASHSEED); --mode dfs tries every order within the\n"
           "budget, without reductions (what a program keeps in memory is not seen).\n\n"
           "Examples:\n"
           "  mas explore leader-election --faulty --invariant \"at most one leader\" --out "
           "two.jsonl\n"
           "  mas explore two-phase-commit --faulty --invariant blocked --out blocked.jsonl\n"
           "  mas explore leader-election --faulty --break \"count(is_leader) > 1\" --out two.jsonl\n"
           "  mas explore ping-pong --agents 2 --rounds 1 --faulty --faults 1 --out pong.jsonl\n"
           "  mas explore echo --agents 4 --mode random --walks 500 --seed 3 --out echo.jsonl\n"
           "  mas explore --python ring.py 0 --python ring.py 1 --python ring.py 2 --walks 20 --out "
           "ring.jsonl\n\n"
           "Exit status: 0 no violation found; 1 a violation (written to --out if given); 2 bad usage,\n"
           "an unknown demo or property, a system that cannot be built, or a program that does not\n"
           "start or answer."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("DEMO"),
        ExploreCommand::tr("leader-election, echo, ping-pong, contract-net or two-phase-commit."));
    const QCommandLineOption agents(QStringLiteral("agents"), ExploreCommand::tr("How many agents (default 3)."),
                                    QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        ExploreCommand::tr("Seeds the demo (ids, votes, bids) and the random walks (default 1)."),
        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption faulty(QStringLiteral("faulty"),
                                    ExploreCommand::tr("The demo's variant with a known bug."));
    const QCommandLineOption rounds(QStringLiteral("rounds"), ExploreCommand::tr("Ping-pong: rounds (default 3)."),
                                    QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption initiators(
        QStringLiteral("initiators"),
        ExploreCommand::tr("Leader election: nodes that wake by themselves (default: all)."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption invariant(
        QStringLiteral("invariant"),
        ExploreCommand::tr("A property to check, by name (repeatable; default: every invariant)."),
        QStringLiteral("NAME"));
    const QCommandLineOption breakOption(
        QStringList{QStringLiteral("break"), QStringLiteral("invariant-expr")},
        ExploreCommand::tr("A state condition that must never hold, e.g. \"count(is_leader) > 1\" (repeatable; the "
                           "language is in docs/explorer.md). Without --invariant only the conditions are checked."),
        QStringLiteral("EXPR"));
    const QCommandLineOption mode(
        QStringLiteral("mode"),
        ExploreCommand::tr("dfs (every order, depth first; default) or random (random walks; the default for "
                           "Python programs)."),
        QStringLiteral("MODE"), QStringLiteral("dfs"));
    const QCommandLineOption strategy(
        QStringLiteral("strategy"),
        ExploreCommand::tr("How dfs gets back to a choice point: replay (re-run the path on a fresh system; the "
                           "default) or fork (keep it in a forked process; Linux)."),
        QStringLiteral("STRATEGY"), QStringLiteral("auto"));
    const QCommandLineOption schedules(QStringLiteral("budget-schedules"),
                                       ExploreCommand::tr("Stop after N runs (default 10000)."),
                                       QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption depth(QStringLiteral("budget-depth"),
                                   ExploreCommand::tr("At most N steps per run (default 400)."),
                                   QStringLiteral("N"), QStringLiteral("400"));
    const QCommandLineOption seconds(QStringLiteral("budget-seconds"),
                                     ExploreCommand::tr("Stop after S seconds (default 60)."), QStringLiteral("S"),
                                     QStringLiteral("60"));
    const QCommandLineOption walks(QStringLiteral("walks"), ExploreCommand::tr("Random walks (default 100)."),
                                   QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption noPor(QStringLiteral("no-por"), ExploreCommand::tr("No partial-order reduction."));
    const QCommandLineOption noCache(QStringLiteral("no-cache"), ExploreCommand::tr("No state caching."));
    const QCommandLineOption anyOrder(
        QStringLiteral("any-order"),
        ExploreCommand::tr("Frames on one connection may overtake each other (default: sent order)."));
    const QCommandLineOption faults(QStringLiteral("faults"),
                                    ExploreCommand::tr("Up to N faults per run (default 0)."), QStringLiteral("N"),
                                    QStringLiteral("0"));
    const QCommandLineOption faultKinds(
        QStringLiteral("fault-kinds"),
        ExploreCommand::tr("Which faults: drop, duplicate, delay, clock, comma-separated (default drop)."),
        QStringLiteral("LIST"), QStringLiteral("drop"));
    const QCommandLineOption faultTimeout(
        QStringLiteral("fault-timeout"),
        ExploreCommand::tr("Request timeout in ms of simulated time while drops are possible (default 300)."), QStringLiteral("MS"),
        QStringLiteral("300"));
    const QCommandLineOption prefix(
        QStringLiteral("prefix"),
        ExploreCommand::tr("Start from this recorded run (an event log of the same demo and parameters)."),
        QStringLiteral("FILE"));
    const QCommandLineOption queue(
        QStringLiteral("queue"),
        ExploreCommand::tr("The LocalQueue id the systems run on (default explore; a prefix needs its own)."),
        QStringLiteral("ID"), QStringLiteral("explore"));
    const QCommandLineOption noShrink(QStringLiteral("no-shrink"),
                                      ExploreCommand::tr("Keep the first violating run as found."));
    const QCommandLineOption progress(QStringLiteral("progress"),
                                      ExploreCommand::tr("Print the counts every second on stderr."));
    const QCommandLineOption systemOption(
        QStringLiteral("system"),
        ExploreCommand::tr("Explore the system FILE describes (containers, agents of your plug-ins, invariants) "
                           "instead of a demo."),
        QStringLiteral("FILE"));
    const QCommandLineOption pluginPath(
        QStringLiteral("plugin-path"),
        ExploreCommand::tr("Load the system plug-ins in DIR (repeatable); the installed ones, with the demos, are "
                           "loaded too."),
        QStringLiteral("DIR"));
    const QCommandLineOption showPlumbing(
        QStringLiteral("show-plumbing"),
        ExploreCommand::tr("List every step of the counterexample, the plumbing too (lookups, acknowledgements, "
                           "messages to itself, connections), as View → Show Plumbing does in MAS Inspector."));
    const QCommandLineOption workers(
        QStringLiteral("workers"),
        ExploreCommand::tr("Explore on N worker processes (default: one per core, here %1); the results do not "
                           "depend on N.")
            .arg(QThread::idealThreadCount()),
        QStringLiteral("N"), QString::number(std::max(1, QThread::idealThreadCount())));
    const QCommandLineOption frontier(
        QStringLiteral("frontier"),
        ExploreCommand::tr("dfs: split the search into at least N parts where it can (default: 2 per worker, at "
                           "least 4, as busy parts hand work off to idle workers; with --shard 16, more for many "
                           "shards; 0: one part, the search unsplit, fastest on one core)."),
        QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption shard(
        QStringLiteral("shard"),
        ExploreCommand::tr("Explore only shard I of N of the search, for an array job (default: from "
                           "SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX and "
                           "--shard-count); needs --result."),
        QStringLiteral("I/N"));
    const QCommandLineOption shardCount(
        QStringLiteral("shard-count"),
        ExploreCommand::tr("With JOB_COMPLETION_INDEX (a Kubernetes indexed Job): how many shards."),
        QStringLiteral("N"));
    const QCommandLineOption resultOption(
        QStringLiteral("result"),
        ExploreCommand::tr("Write the search's (or shard's) result as JSON to FILE, for --merge."),
        QStringLiteral("FILE"));
    const QCommandLineOption merge(
        QStringLiteral("merge"),
        ExploreCommand::tr("Combine the --result FILES of a search's shards into one verdict and counterexample "
                           "(the files instead of DEMO)."));
    const QCommandLineOption workerMode = [] {
        QCommandLineOption option(QStringLiteral("worker-mode"));
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        return option;
    }();
    const QCommandLineOption compare(
        QStringLiteral("compare"),
        ExploreCommand::tr("Compare two runs' logs A and B (event logs or sessions) instead of exploring: align them "
                           "by message identity and print the first choice where they diverge (exit status 0 "
                           "identical, 1 they diverge, 2 bad input)."));
    const QCommandLineOption python(
        QStringLiteral("python"),
        ExploreCommand::tr("Explore a Python asyncio program run by the masstep runner, with its arguments "
                           "(repeatable: the programs start one after the other)."),
        QStringLiteral("PROGRAM.py [ARGS...]"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        ExploreCommand::tr("How long a Python program may take to answer a step, in seconds (default 30)."),
        QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption why(
        QStringLiteral("why"),
        ExploreCommand::tr("After a counterexample: which of its steps are necessary (left out or moved later, the "
                           "run passes) and which deliveries had to overtake which, found by re-executing variants "
                           "of it."));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       ExploreCommand::tr("Where to write the counterexample, for MAS Inspector (without it the result is only printed)."),
                                       QStringLiteral("FILE"));
    QStringList optionNames{QStringLiteral("h"), QStringLiteral("help"), QStringLiteral("help-all")};
    parser.addOption(compare);
    optionNames += compare.names();
    for (const QCommandLineOption *option :
         {&agents,  &seed,      &faulty,   &rounds,     &initiators,   &invariant, &breakOption,
          &mode,    &strategy,  &schedules, &depth,    &seconds,    &walks,        &noPor,
          &noCache, &anyOrder,  &faults,   &faultKinds, &faultTimeout, &prefix,
          &queue,   &noShrink,  &progress, &outOption, &pluginPath, &systemOption, &showPlumbing,
          &workers, &frontier,  &shard,    &shardCount, &resultOption, &merge, &workerMode,
          &python,  &timeout,   &why}) {
        parser.addOption(*option);
        optionNames += option->names();
    }
    // The programs' arguments are cut out first: they may look like anything but an option of
    // mas explore.
    QStringList rest = arguments;
    if (const QString error = mas::cli::cutPythonPrograms(
            rest, [&optionNames](const QString &arg) { return mas::cli::isOptionOf(arg, optionNames); },
            &plan.programs);
        !error.isEmpty()) {
        err() << "mas explore: " << error << Qt::endl;
        return UsageError;
    }
    if (!parser.parse(rest)) {
        err() << "mas explore: " << parser.errorText() << Qt::endl;
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return NoViolation;
    }
    auto usage = [](const QString &text) {
        err() << "mas explore: " << text << Qt::endl;
        return std::optional<int>(UsageError);
    };
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(merge)) {
        // The shards' files say what was explored; only the output options apply.
        if (positional.isEmpty())
            return usage(ExploreCommand::tr("--merge needs the shards' result files"));
        plan.mergeFiles = positional;
        plan.outFile = parser.value(outOption);
        plan.showPlumbing = parser.isSet(showPlumbing);
        plan.why = parser.isSet(why);
        if (mas::Result<void> loaded = mas::app::loadSystemPlugins(parser.values(pluginPath)); !loaded)
            return usage(loaded.error().message());
        return std::nullopt;
    }
    if (parser.isSet(compare)) {
        if (positional.size() != 2)
            return usage(ExploreCommand::tr("--compare takes two logs: mas explore --compare A B"));
        plan.compare = positional;
        // the systems that name the runs' agents come from plug-ins too (without them: addresses)
        if (mas::Result<void> loaded = mas::app::loadSystemPlugins(parser.values(pluginPath)); !loaded)
            return usage(loaded.error().message());
        return std::nullopt;
    }
    const bool fromFile = parser.isSet(systemOption);
    const bool fromPrograms = !plan.programs.isEmpty();
    if (fromFile && fromPrograms)
        return usage(ExploreCommand::tr("--system and --python do not go together: list the programs in the "
                                        "system file's \"processes\""));
    if (fromPrograms && !positional.isEmpty())
        return usage(ExploreCommand::tr("unexpected argument \"%1\": a program's arguments follow --python PROGRAM")
                         .arg(positional.constFirst()));
    if (!fromPrograms && (fromFile ? !positional.isEmpty() : positional.size() != 1))
        return usage(ExploreCommand::tr("exactly one DEMO, --system FILE or --python PROGRAM.py is required; see mas "
                                        "explore --help"));
    // The systems come from plug-ins: the demos' and the user's.
    if (mas::Result<void> loaded = mas::app::loadSystemPlugins(parser.values(pluginPath)); !loaded)
        return usage(loaded.error().message());
    if (fromFile) {
        mas::Result<mas::system::SystemFile> file = mas::system::SystemFile::load(parser.value(systemOption));
        if (!file)
            return usage(file.error().message());
        if (mas::Result<void> loaded = file->loadPlugins(); !loaded)
            return usage(loaded.error().message());
        if (mas::Result<void> checked = file->check(); !checked)
            return usage(checked.error().message());
        plan.file = *file;
        plan.demo = file->systemType().id;
        plan.processes = !file->processes.isEmpty();
    } else if (fromPrograms) {
        if (const QString missing = mas::cli::missingProgram(plan.programs); !missing.isEmpty())
            return usage(missing);
        plan.demo = QStringLiteral("python");
        plan.processes = true;
    } else {
        plan.demo = positional.constFirst();
    }
    if (!fromFile && !fromPrograms && !mas::system::SystemRegistry::global().find(plan.demo)) {
        QStringList ids;
        for (const mas::system::SystemType &info : mas::system::SystemRegistry::global().types())
            ids.append(info.id);
        return usage(ExploreCommand::tr("unknown demo \"%1\"; the demos are: %2")
                         .arg(plan.demo, ids.join(QStringLiteral(", "))));
    }
    plan.outFile = parser.value(outOption); // empty: the result is only printed
    plan.showPlumbing = parser.isSet(showPlumbing);
    plan.why = parser.isSet(why);

    QString error;
    const std::optional<int> agentCount = parseCount(parser, agents, 2, &error);
    const std::optional<int> seedValue = parseCount(parser, seed, 0, &error);
    const std::optional<int> roundCount = parseCount(parser, rounds, 1, &error);
    const std::optional<int> initiatorCount = parseCount(parser, initiators, 0, &error);
    const std::optional<int> scheduleBudget = parseCount(parser, schedules, 1, &error);
    const std::optional<int> depthBudget = parseCount(parser, depth, 1, &error);
    const std::optional<int> walkCount = parseCount(parser, walks, 1, &error);
    const std::optional<int> faultCount = parseCount(parser, faults, 0, &error);
    const std::optional<int> timeoutMs = parseCount(parser, faultTimeout, 1, &error);
    const std::optional<int> workerCount = parseCount(parser, workers, 1, &error);
    const std::optional<int> frontierSize = parseCount(parser, frontier, 0, &error);
    if (!error.isEmpty())
        return usage(error);
    bool ok = false;
    const double budgetSeconds = parser.value(seconds).toDouble(&ok);
    if (!ok || !(budgetSeconds > 0) || !std::isfinite(budgetSeconds))
        return usage(ExploreCommand::tr("--budget-seconds expects a positive number, not \"%1\"")
                         .arg(parser.value(seconds)));

    const double timeoutSeconds = parser.value(timeout).toDouble(&ok);
    if (!ok || !(timeoutSeconds > 0) || timeoutSeconds > 86400)
        return usage(ExploreCommand::tr("--timeout expects a positive number of seconds, not \"%1\"")
                         .arg(parser.value(timeout)));
    plan.answerTimeout = std::chrono::milliseconds(qint64(timeoutSeconds * 1000));

    if (plan.file) {
        plan.parameters = plan.file->parameters(); // the file says how its system is built
        if (plan.processes && parser.isSet(seed))
            plan.parameters.seed = quint32(*seedValue); // the programs' random and PYTHONHASHSEED
    } else if (fromPrograms) {
        plan.parameters = mas::system::ProcessSystem::defaultParameters();
        plan.parameters.seed = quint32(*seedValue);
    } else {
        plan.parameters.agents = *agentCount;
        plan.parameters.seed = quint32(*seedValue);
        plan.parameters.faulty = parser.isSet(faulty);
        plan.parameters.rounds = *roundCount;
        plan.parameters.initiators = *initiatorCount;
    }

    ExplorerOptions &options = plan.options;
    // Processes: random walks unless asked otherwise (a run costs their start-up).
    const QString modeName = plan.processes && !parser.isSet(mode) ? QStringLiteral("random") : parser.value(mode);
    if (modeName == u"dfs")
        options.mode = ExplorerOptions::Mode::DepthFirst;
    else if (modeName == u"random")
        options.mode = ExplorerOptions::Mode::RandomWalk;
    else
        return usage(ExploreCommand::tr("--mode is dfs or random, not \"%1\"").arg(modeName));
    const QString strategyName = parser.value(strategy);
    if (strategyName == u"auto")
        options.strategy = ExplorerOptions::Strategy::Automatic;
    else if (strategyName == u"replay")
        options.strategy = ExplorerOptions::Strategy::Replay;
    else if (strategyName == u"fork" && mas::system::Explorer::canFork())
        options.strategy = ExplorerOptions::Strategy::Fork;
    else if (strategyName == u"fork")
        return usage(ExploreCommand::tr("--strategy fork is not available on this platform; use replay"));
    else
        return usage(ExploreCommand::tr("--strategy is fork, replay or auto, not \"%1\"").arg(strategyName));
    options.properties = parser.values(invariant);
    options.conditions = parser.values(breakOption);
    for (const QString &text : std::as_const(options.conditions)) {
        if (mas::Result<mas::system::StateCondition> condition = mas::system::StateCondition::parse(text); !condition)
            return usage(ExploreCommand::tr("--break \"%1\": %2").arg(text, condition.error().message()));
    }
    options.maxSchedules = *scheduleBudget;
    options.maxDepth = *depthBudget;
    options.maxTime = std::chrono::milliseconds(qint64(budgetSeconds * 1000));
    options.walks = *walkCount;
    options.seed = quint32(*seedValue);
    options.partialOrderReduction = !parser.isSet(noPor);
    options.stateCaching = !parser.isSet(noCache);
    options.fifoConnections = !parser.isSet(anyOrder);
    options.maxFaults = *faultCount;
    options.faultTimeout = std::chrono::milliseconds(*timeoutMs);
    options.faultKinds = {};
    for (const QString &kind : parser.value(faultKinds).split(u',', Qt::SkipEmptyParts)) {
        const QString k = kind.trimmed();
        if (k == u"drop")
            options.faultKinds |= FaultKind::Drop;
        else if (k == u"duplicate")
            options.faultKinds |= FaultKind::Duplicate;
        else if (k == u"delay")
            options.faultKinds |= FaultKind::Delay;
        else if (k == u"clock")
            options.faultKinds |= FaultKind::ClockAdvance;
        else
            return usage(ExploreCommand::tr("unknown fault kind \"%1\": drop, duplicate, delay or clock").arg(k));
    }
    options.shrink = !parser.isSet(noShrink);
    options.queueId = parser.value(queue);
    if (options.queueId.isEmpty() || options.queueId.contains(u'/'))
        return usage(ExploreCommand::tr("--queue expects an id without \"/\""));
    if (plan.processes) {
        // What a program keeps in memory is not part of the explorer's state, and any frame may
        // change it: no state caching, and no reordering counted as equivalent.
        options.partialOrderReduction = false;
        options.stateCaching = false;
        if (options.strategy == ExplorerOptions::Strategy::Fork)
            return usage(ExploreCommand::tr("--strategy fork does not work with Python programs (a forked explorer "
                                            "cannot take its programs along); use replay"));
        if (parser.isSet(prefix))
            return usage(ExploreCommand::tr("--prefix does not work with Python programs yet"));
        if (parser.isSet(workers) || parser.isSet(shard) || parser.isSet(shardCount) || parser.isSet(resultOption))
            return usage(ExploreCommand::tr("--workers, --shard and --result do not work with Python programs yet: "
                                            "their runs are explored in this process"));
    }
    if (parser.isSet(prefix)) {
        mas::Result<mas::TrafficLog> log = mas::TrafficLog::load(parser.value(prefix));
        if (!log)
            return usage(ExploreCommand::tr("cannot read the prefix: %1").arg(log.error().message()));
        options.prefix = *log;
    }
    plan.progress = parser.isSet(progress);
    plan.workers = *workerCount;
    plan.frontier = *frontierSize;
    plan.workerMode = parser.isSet(workerMode);
    plan.resultFile = parser.value(resultOption);
    if (plan.processes) {
        plan.workers = 1; // the programs' runs are explored here, one after the other
    } else if (!plan.workerMode) {
        if (const QString shardError = parseShard(parser, shard, shardCount, plan); !shardError.isEmpty())
            return usage(shardError);
        if (plan.shardCount > 1 && plan.resultFile.isEmpty())
            return usage(ExploreCommand::tr("shard %1 of %2 explores only part of the search: write its result with "
                                            "--result FILE and combine the shards' files with --merge")
                             .arg(plan.shardIndex)
                             .arg(plan.shardCount));
        // The default frontier: on one machine a few parts, as the busy ones hand work off to
        // idle workers (fewer parts explore fewer schedules twice, and the frontier costs fewer
        // runs); shards cannot hand work to each other, and must agree on it whatever their
        // --workers: 16.
        if (!parser.isSet(frontier))
            plan.frontier = plan.shardCount > 1 ? 16 : std::max(4, 2 * plan.workers);
    }
    return std::nullopt;
}

QString statisticsText(const mas::system::ExplorerStatistics &s)
{
    const double seconds = double(std::max<qint64>(s.searchMs, 1)) / 1000.0;
    return ExploreCommand::tr("schedules: %1 (%2 complete, %3 sleep-blocked, %4 cached, %5 depth-limited)\n"
              "transitions: %6, states: %7, distinct states: %8, deepest run: %9 steps\n"
              "search: %10 ms (%11 schedules/s, %12 distinct states/s); in all %13 ms, %14 shrink "
              "runs")
        .arg(s.schedules)
        .arg(s.completeSchedules)
        .arg(s.sleepBlocked)
        .arg(s.cacheHits)
        .arg(s.depthLimited)
        .arg(s.transitions)
        .arg(s.states)
        .arg(s.distinctStates)
        .arg(s.deepest)
        .arg(s.searchMs)
        .arg(double(s.schedules) / seconds, 0, 'f', 1)
        .arg(double(s.distinctStates) / seconds, 0, 'f', 1)
        .arg(s.elapsedMs)
        .arg(s.shrinkRuns);
}

/// One step for people, as MAS Inspector shows it: "deliver election(25): node 1 (id 25) → node 2
/// (id 46)" (the label from the recorded frame, agents by their system's names).
QString stepText(const mas::system::ExplorerStep &step, const QHash<quint64, const mas::TrafficEvent *> &sent,
                 const mas::NameLookup &names)
{
    using Kind = mas::system::ExplorerStep::Kind;
    QString action;
    switch (step.kind) {
    case Kind::AdvanceClock:
        return step.toString();
    case Kind::Deliver:
        action = ExploreCommand::tr("deliver");
        break;
    case Kind::Drop:
        action = ExploreCommand::tr("drop");
        break;
    case Kind::Duplicate:
        action = ExploreCommand::tr("duplicate");
        break;
    case Kind::Delay:
        action = ExploreCommand::tr("delay");
        break;
    }
    const mas::TrafficEvent *frame = sent.value(step.messageId);
    QString label;
    if (frame)
        label = mas::messageLabel(*frame, names);
    else if (step.path.isEmpty())
        label = ExploreCommand::tr("(close)");
    else
        label = mas::messageLabel(step.type, step.path, mas::Value(), names);
    return QStringLiteral("%1 %2: %3 → %4")
        .arg(action, label, mas::displayName(step.from, names), mas::displayName(step.to, names));
}

/// The names of a run's agents (System::displayNames()) where `file` says which system ran
/// (Session::recordedDisplayNames(), as File → Compare With Log names them). Empty for a bare
/// log, Python programs (they would be started) or a system that does not build.
QHash<QString, QString> runNames(const QString &file)
{
    mas::Result<mas::system::Session> session = mas::system::Session::load(file);
    if (!session)
        return {};
    mas::LocalNetwork::instance()->setMode(mas::LocalNetwork::Mode::Stepped);
    return session->recordedDisplayNames();
}

/// `mas explore --compare A B`: the first divergent choice of two runs, in words, each run's
/// agents by its own names where its file says which system ran (runNames()).
int compareRunsCommand(const QStringList &files)
{
    std::vector<mas::TrafficLog> logs;
    for (const QString &file : files) {
        mas::Result<mas::TrafficLog> log = mas::TrafficLog::load(file);
        if (!log) {
            err() << "mas explore: " << ExploreCommand::tr("cannot read %1: %2").arg(file, log.error().message())
                  << Qt::endl;
            return UsageError;
        }
        logs.push_back(std::move(*log));
    }
    const mas::RunDivergence d = mas::compareRuns(logs[0], logs[1]);
    out() << ExploreCommand::tr("A: %1\nB: %2").arg(files[0], files[1]) << Qt::endl;
    const QHash<QString, QString> namesA = runNames(files[0]);
    const QHash<QString, QString> namesB = runNames(files[1]);
    out() << mas::describeDivergence(
                 d, logs[0], logs[1], [&namesA](const QString &address) { return namesA.value(address); },
                 [&namesB](const QString &address) { return namesB.value(address); })
          << Qt::endl;
    return d.identical ? NoViolation : ViolationFound;
}

} // namespace

QCoro::Task<int> runExploreCommand(QStringList arguments)
{
    if (mas::cli::isLookAheadCommand(arguments)) // the Inspector's look-ahead (lookaheadcommand.cpp)
        co_return co_await mas::cli::runLookAheadCommand(arguments);
    Plan plan;
    if (std::optional<int> exit = parse(arguments, plan))
        co_return *exit;
    if (!plan.compare.isEmpty())
        co_return compareRunsCommand(plan.compare);
    const mas::system::SystemType info =
        plan.file ? plan.file->systemType()
                  : (plan.mergeFiles.isEmpty() && !plan.processes
                         ? *mas::system::SystemRegistry::global().find(plan.demo)
                         : mas::system::SystemType()); // Python programs: their own type below
    if (plan.workerMode)
        co_return co_await mas::cli::runExploreWorker(info, plan.parameters, plan.options);
    if (plan.progress) {
        plan.options.progressInterval = std::chrono::milliseconds(1000);
        plan.options.progress = [](const mas::system::ExplorerStatistics &s) {
            err() << ExploreCommand::tr("explored %1 schedules, %2 distinct states, %3 ms")
                         .arg(s.schedules)
                         .arg(s.distinctStates)
                         .arg(s.elapsedMs)
                  << Qt::endl;
        };
    }
    std::optional<mas::cli::SplitOutcome> split; // the split search's parts (none for Python programs)
    const QList<mas::system::ProcessSpec> specs = mas::cli::processSpecs(plan.programs);
    mas::system::ExplorerResult result;
    if (plan.processes) {
        // A program that does not start (its interpreter cannot be run) is no counterexample: no
        // schedule makes it start. The search stops, and mas explore says why.
        QString startFailure;
        mas::system::Explorer *searching = nullptr;
        plan.options.extraInvariants = [&startFailure, &searching](mas::system::System *system) {
            auto *processes = qobject_cast<mas::system::ProcessSystem *>(system);
            if (!processes)
                return QList<mas::system::Invariant>();
            QObject::connect(processes, &mas::system::ProcessSystem::processFinished, processes,
                             [processes, &startFailure, &searching](int index) {
                if (processes->process(index).state != mas::system::ProcessState::FailedToStart
                    || !startFailure.isEmpty())
                    return;
                startFailure = processes->failure();
                if (searching)
                    searching->cancel();
            });
            return QList<mas::system::Invariant>();
        };
        std::unique_ptr<mas::system::Explorer> explorerPtr;
        if (plan.file)
            explorerPtr = std::make_unique<mas::system::Explorer>(plan.file->systemType(), plan.parameters, plan.options);
        else if (!plan.programs.isEmpty())
            explorerPtr = std::make_unique<mas::system::Explorer>(pythonSystemType(specs, plan.answerTimeout),
                                                                  plan.parameters, plan.options);
        else
            explorerPtr = std::make_unique<mas::system::Explorer>(plan.demo, plan.parameters, plan.options);
        mas::system::Explorer &explorer = *explorerPtr;
        searching = &explorer;
        result = co_await explorer.run();
        co_await mas::cli::waitForKilledRunners();
        if (!startFailure.isEmpty()) {
            err() << "mas explore: " << startFailure << Qt::endl;
            co_return UsageError;
        }
    } else {
        // The search, split into parts explored by workers (or merged from shards' results).
        mas::Result<mas::cli::SplitOutcome> outcome = mas::Error(mas::ErrorCode::InvalidArgument, QString());
        if (!plan.mergeFiles.isEmpty()) {
            outcome = mas::cli::mergeSplitResults(plan.mergeFiles);
            if (outcome) {
                plan.demo = outcome->demo;
                plan.parameters = outcome->result.parameters;
            }
        } else {
            mas::cli::SplitSearch search;
            search.info = info;
            search.demo = plan.demo;
            if (plan.file)
                search.systemFile = QFileInfo(plan.file->fileName).absoluteFilePath();
            search.parameters = plan.parameters;
            search.options = plan.options;
            search.frontier = plan.frontier;
            search.workers = plan.workers;
            search.shardIndex = plan.shardIndex;
            search.shardCount = plan.shardCount;
            search.program = QCoreApplication::applicationFilePath();
            search.workerArguments = QStringList{QStringLiteral("explore")} + arguments.mid(1)
                                     + QStringList{QStringLiteral("--worker-mode")};
            outcome = co_await mas::cli::runSplitSearch(search);
        }
        if (!outcome) {
            err() << "mas explore: " << outcome.error().message() << Qt::endl;
            co_return UsageError;
        }
        result = outcome->result;
        split = *outcome;
    }
    using Verdict = mas::system::ExplorerResult::Verdict;
    if (result.verdict == Verdict::Failed) {
        err() << "mas explore: " << result.error << Qt::endl;
        co_return UsageError;
    }
    if (split && !plan.resultFile.isEmpty()) {
        QSaveFile file(plan.resultFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(split->json) != split->json.size() || !file.commit()) {
            err() << "mas explore: "
                  << ExploreCommand::tr("cannot write %1: %2").arg(plan.resultFile, file.errorString()) << Qt::endl;
            co_return UsageError;
        }
    }
    if (plan.processes) {
        const int programs = int(plan.file ? plan.file->processes.size() : specs.size());
        out() << ExploreCommand::tr("%1: %n program(s), seed %2; %3", nullptr, programs)
                     .arg(plan.demo)
                     .arg(plan.parameters.seed)
                     .arg(mas::system::ExplorerResult::verdictName(result.verdict))
              << Qt::endl;
    } else {
        out() << ExploreCommand::tr("%1: %2 agents, seed %3%4; %5")
                     .arg(plan.demo)
                     .arg(plan.parameters.agents)
                     .arg(plan.parameters.seed)
                     .arg(plan.parameters.faulty ? ExploreCommand::tr(", faulty") : QString(),
                          mas::system::ExplorerResult::verdictName(result.verdict))
              << Qt::endl;
    }
    out() << statisticsText(result.statistics) << Qt::endl;
    if (split) {
        const QString how = plan.mergeFiles.isEmpty()
                                ? ExploreCommand::tr("%n worker(s)", nullptr, plan.workers)
                                : ExploreCommand::tr("merged from %n file(s)", nullptr, int(plan.mergeFiles.size()));
        if (split->frontierDepth > 0)
            out() << ExploreCommand::tr("split: %1 parts at depth %2 (found in %3 runs), %4 explored; %5; states are "
                                        "counted per part")
                         .arg(split->parts)
                         .arg(split->frontierDepth)
                         .arg(split->frontierRuns)
                         .arg(split->partsExplored)
                         .arg(how)
                  << (split->partsHandedOff > 0
                          ? ExploreCommand::tr("; %n of them handed off by busy parts to idle workers", nullptr,
                                               split->partsHandedOff)
                          : QString())
                  << Qt::endl;
        else
            out() << ExploreCommand::tr("split: %n part(s), %1 explored; %2", nullptr, int(split->parts))
                         .arg(split->partsExplored)
                         .arg(how)
                  << Qt::endl;
        if (plan.shardCount > 1)
            out() << ExploreCommand::tr("shard %1 of %2: its result is in %3; combine the shards' results with mas "
                                        "explore --merge")
                         .arg(plan.shardIndex)
                         .arg(plan.shardCount)
                         .arg(plan.resultFile)
                  << Qt::endl;
    }
    out() << ExploreCommand::tr("strategy: %1")
                 .arg(mas::system::ExplorerResult::strategyName(result.strategy))
          << Qt::endl;
    const mas::system::Counterexample *counterexample = result.counterexample();
    if (!counterexample)
        co_return NoViolation;
    out() << ExploreCommand::tr("violated: \"%1\" after %2 deliveries and %3 faults (first found: %4 steps)")
                 .arg(counterexample->property)
                 .arg(counterexample->deliveries())
                 .arg(counterexample->faults())
                 .arg(result.violation->length())
          << Qt::endl;
    if (!counterexample->explanation.isEmpty())
        out() << "  " << counterexample->explanation << Qt::endl;
    if (!counterexample->involved.isEmpty()) {
        // Per agent, by its display name: "node 1 (id 25): is_leader, participant".
        QStringList agents;
        QHash<QString, QStringList> fields;
        for (const mas::system::StateFieldRef &ref : counterexample->involved) {
            if (!agents.contains(ref.agent))
                agents.append(ref.agent);
            if (!ref.field.isEmpty())
                fields[ref.agent].append(ref.field);
        }
        QStringList parts;
        for (const QString &agent : agents) {
            const QString name = result.displayNames.value(agent, agent);
            parts.append(fields.value(agent).isEmpty()
                             ? name
                             : ExploreCommand::tr("%1: %2").arg(name, fields.value(agent).join(QStringLiteral(", "))));
        }
        out() << "  " << ExploreCommand::tr("involved: %1").arg(parts.join(QStringLiteral("; "))) << Qt::endl;
    }
    // The steps with their messages' labels and the agents' names (the file keeps the URLs).
    QHash<quint64, const mas::TrafficEvent *> sent;
    for (const mas::TrafficEvent &e : counterexample->log.events()) {
        if (e.kind == mas::TrafficEvent::Kind::Sent || e.kind == mas::TrafficEvent::Kind::Duplicated)
            sent.insert(e.messageId, &e);
    }
    const QHash<QString, QString> names = result.displayNames;
    const mas::NameLookup lookup = [&names](const QString &address) { return names.value(address); };
    // As the Inspector's teaching view: deliveries of plumbing are folded away (numbers keep
    // counting them, so "step 12" is the Inspector's step 12); faults on them are shown.
    int number = 0;
    int folded = 0;
    for (const mas::system::ExplorerStep &step : counterexample->steps) {
        ++number;
        if (!plan.showPlumbing && step.kind == mas::system::ExplorerStep::Kind::Deliver) {
            const mas::TrafficEvent *frame = sent.value(step.messageId);
            const mas::TrafficClass kind = frame ? mas::classifyTraffic(*frame) : mas::TrafficClass::Connection;
            if (mas::isPlumbing(kind)) {
                ++folded;
                continue;
            }
        }
        out() << QStringLiteral("%1. ").arg(number, 4) << stepText(step, sent, lookup) << Qt::endl;
    }
    if (folded > 0)
        out() << ExploreCommand::tr("      (%n plumbing step(s) not listed: lookups, acknowledgements, messages to "
                                    "itself, connections; --show-plumbing lists them)",
                                    nullptr, folded)
              << Qt::endl;
    if (plan.why) {
        // Re-executes variants of the counterexample on fresh systems of the same type.
        const mas::system::SystemType *registered = mas::system::SystemRegistry::global().find(plan.demo);
        const mas::system::SystemType whyType =
            plan.file ? plan.file->systemType()
                      : (!plan.programs.isEmpty() ? pythonSystemType(specs, plan.answerTimeout)
                                                  : (registered ? *registered : mas::system::SystemType()));
        mas::system::NecessityAnalysis analysis(whyType, result.parameters, plan.options, *counterexample);
        if (plan.progress) {
            analysis.setProgress([](int done, int total) {
                err() << ExploreCommand::tr("why: %1 of %2 re-executions").arg(done).arg(total) << Qt::endl;
            });
        }
        mas::Result<mas::system::NecessityReport> report = co_await analysis.run();
        if (!plan.programs.isEmpty() || plan.processes)
            co_await mas::cli::waitForKilledRunners();
        if (report)
            out() << report->toText(plan.showPlumbing);
        else
            err() << "mas explore: " << ExploreCommand::tr("--why: %1").arg(report.error().message()) << Qt::endl;
    }
    if (plan.outFile.isEmpty()) {
        out() << ExploreCommand::tr("not written: add --out FILE to open the run in MAS Inspector") << Qt::endl;
        co_return ViolationFound;
    }
    // A session: MAS Inspector opens it (File → Open Session) and replays the run.
    mas::system::Session session;
    session.demo = plan.demo;
    session.parameters = result.parameters;
    session.log = counterexample->log;
    session.violatedProperty = counterexample->property;
    if (plan.file)
        session.systemFile = plan.file->fileName;
    else if (!plan.programs.isEmpty())
        session.processes = specs; // the Inspector starts them again
    else if (split && !split->systemFile.isEmpty())
        session.systemFile = split->systemFile;
    if (mas::Result<void> saved = session.save(plan.outFile); !saved) {
        err() << "mas explore: "
              << ExploreCommand::tr("cannot write %1: %2").arg(plan.outFile, saved.error().message()) << Qt::endl;
        co_return UsageError;
    }
    out() << ExploreCommand::tr("written to %1 (%2 events): open it in MAS Inspector, or replay it with the same "
                "parameters%3")
                 .arg(plan.outFile)
                 .arg(counterexample->log.size())
                 .arg(result.parameters.requestTimeout != plan.parameters.requestTimeout
                          ? ExploreCommand::tr(" and a request timeout of %1 ms").arg(result.parameters.requestTimeout.count())
                          : QString())
          << Qt::endl;
    co_return ViolationFound;
}
