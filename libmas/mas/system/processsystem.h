// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/system/system.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <QCoro/QCoroTask>

#include <chrono>
#include <memory>
#include <optional>

namespace mas {
class PythonHub;
}

namespace mas::system {

/// One program of a ProcessSystem: `{"command": ["python3", "agents.py", "5555"], "cwd": ...}`.
struct MAS_EXPORT ProcessSpec
{
    /// The interpreter, the program and its arguments: `python3 prog.py ARGS...`. The program
    /// runs under the masstep runner (`python3 -m masstep --hub ... prog.py ARGS...`).
    QStringList command;
    /// Where it runs (empty: the current directory); a relative program is relative to it.
    QString workingDirectory;
    /// Added to the environment it inherits.
    QHash<QString, QString> environment;
    /// A name for people (empty: the program's file name and arguments, "ring.py 0").
    QString name;

    /// The interpreter (command[0]), or "python3" when the command starts with the program.
    QString python() const;
    /// The program (command[1], or command[0] when it ends in ".py").
    QString program() const;
    QStringList arguments() const;
    /// name, or "ring.py 0".
    QString displayName() const;
    /// The command has a program, and a relative program exists in the working directory.
    Result<void> check() const;
};

/// What became of a program.
enum class ProcessState {
    Starting,      ///< not started yet (programs start one after the other), or its runner not connected yet
    Running,
    Exited,        ///< with exitCode
    FailedToStart, ///< the interpreter could not be started
    Crashed,       ///< ended without an exit status (a signal, a lost runner)
};

/// A program of a ProcessSystem as it is now.
struct MAS_EXPORT ProcessStatus
{
    int index = -1;
    QString name;
    ProcessState state = ProcessState::Starting;
    std::optional<int> exitCode;
    QString error;         ///< the last line of an uncaught exception, or why it failed to start
    QStringList warnings;  ///< what the runner cannot virtualize, "kind: message", once each
    QString standardError; ///< its last lines (bounded)
    QString standardOutput; ///< its last lines (bounded)
    double time = 0;       ///< its virtual time
    QStringList listening; ///< the addresses it listens on (`tcp://127.0.0.1:6001`), sorted

    /// "running", "exited with status 1", "crashed", ... in the user's language.
    QString stateText() const;
};

struct MAS_EXPORT ProcessSystemOptions
{
    /// A directory holding the runner's package `masstep/` (the source tree's `python/`), put
    /// first on PYTHONPATH; empty: $MAS_PYTHON_RUNNER_PATH, else the one the interpreter finds.
    QString runnerPath;
    /// How long the programs may take to answer a delivery or a clock move.
    std::chrono::milliseconds answerTimeout = std::chrono::seconds(30);
    /// How long standardError/standardOutput of ProcessStatus are, in lines.
    int tailLines = 20;
};

/// A system made of processes: Python asyncio programs (aiomas ones included) run by the masstep
/// runner, whose frames wait as pending messages on the stepped LocalNetwork of queue() like a
/// C++ agent's (see mas::PythonHub), with their timers on clock(). C++ agents of a subclass
/// (a system file's) share the network and the clock.
///
/// \code
/// auto system = ProcessSystem::create(QStringLiteral("py"), {ProcessSpec{{"python3", "echo.py", "both"}}}).value();
/// system->start(); // the programs start, one after the other
/// co_await system->waitForAnswers(); // after every step: the programs have answered
/// \endcode
/// Stepping stays deterministic: the network's runUntilIdle()/runUntil() wait for the programs
/// after each delivery and clock move (LocalNetwork::setAnswerWait()); who steps by hand
/// co_awaits waitForAnswers(). A program that crashes or exits leaves the others running. Every
/// process is killed when the system is destroyed; the runners also exit when the system's
/// process dies (a parent-death signal and the hub's socket). They carry MAS_PROCESS_SYSTEM=<pid
/// of this process> in their environment.
class MAS_EXPORT ProcessSystem : public System
{
    Q_OBJECT

public:
    /// Builds the system on `queueId` (not started: start() starts the programs); an error for
    /// a bad spec or a hub that cannot listen.
    static Result<std::unique_ptr<ProcessSystem>> create(const QString &queueId, const QList<ProcessSpec> &specs,
                                                         const ProcessSystemOptions &options = {},
                                                         const Parameters &parameters = defaultParameters());
    ~ProcessSystem() override;

    static Parameters defaultParameters();

    QString id() const override;
    QString title() const override;
    /// Every program has exited (and there is one at least).
    bool isFinished() const override;
    QString outcome() const override;
    /// "no program failed" (programInvariants()).
    QList<Invariant> invariants() const override { return programInvariants(); }
    /// "every program exited" (programGoals()): a system of processes says itself when it is
    /// done, by exiting.
    QList<Invariant> goals() const override { return programGoals(); }
    /// What a run of any programs can check: "no program failed" (id "no program failed"):
    /// no program exited with a status other than 0, crashed or failed to start; its
    /// explanation names the program ("ring.py 1 exited with status 1").
    QList<Invariant> programInvariants() const;
    /// "every program exited" (id "every program exited"), for when the system is quiet:
    /// nothing pending and no timer left, yet a program still runs.
    QList<Invariant> programGoals() const;

    QList<ProcessSpec> specs() const { return m_specs; }
    QList<ProcessStatus> processes() const;
    ProcessStatus process(int index) const;
    /// The full output of a program so far.
    QByteArray standardOutput(int index) const;
    QByteArray standardError(int index) const;
    mas::PythonHub *hub() const { return m_hub; }

    /// Every program was started and has answered (idle or exited).
    bool isSettled() const;
    /// Waits (the event loop runs) until isSettled(), starting the programs still to start, at
    /// most ProcessSystemOptions::answerTimeout per program: a Timeout error names a program
    /// that hangs outside its event loop.
    QCoro::Task<Result<void>> waitForAnswers() override;
    /// A program that failed to start or whose runner was lost (no exit status), in words; empty if none.
    QString failure() const;

    /// The agents' names and the programs': their listening addresses -> "echo.py :5555", the
    /// addresses they connect from -> "echo.py" (also of programs that have exited since).
    QHash<QString, QString> displayNames() const override;

Q_SIGNALS:
    /// A program's state, output or warnings changed.
    void processChanged(int index);
    /// A program warns once about something its runner cannot virtualize.
    void processWarning(int index, const QString &kind, const QString &message);
    /// A program exited, crashed or failed to start.
    void processFinished(int index);

protected:
    ProcessSystem(const QString &queueId, const Parameters &parameters, const QList<ProcessSpec> &specs,
                  const ProcessSystemOptions &options);
    /// Listens, shares the clock with the hub and hands the network its answer wait; call after
    /// createContainers().
    Result<void> setUpProcesses();
    /// Starts the programs (one after the other, each once the others are idle).
    void begin() override;

private:
    void startNextIfQuiet();
    ProcessState stateOf(int index) const;
    /// The programs' addresses and names now (an exited program's are gone from the hub).
    QHash<QString, QString> programNames() const;

    QList<ProcessSpec> m_specs;
    ProcessSystemOptions m_options;
    mas::PythonHub *m_hub = nullptr;
    int m_nextToStart = 0;
    bool m_beginning = false;
    bool m_finishedSent = false;
    QList<int> m_hubIndex; ///< spec index -> hub process index
    QHash<QString, QString> m_namesSeen; ///< programNames() at every quiescence
};

} // namespace mas::system
