// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <QCoro/QCoroTask>

#include <chrono>
#include <memory>
#include <optional>

namespace mas {

class ExternalClock;
class PythonHubPrivate;

/// A timer a Python program waits for, from its runner's last idle report.
struct MAS_EXPORT PythonTimer
{
    double due = 0;
    QString description; ///< what runs then ("asyncio.sleep in main() at agents.py:12 in Task-1")
};

/// A Python program the hub started, as it is now.
struct MAS_EXPORT PythonProcess
{
    int index = -1;
    QString program;
    QStringList arguments;
    QString name;                   ///< for people: PythonStart::name, else the file name
    bool connected = false;         ///< its runner said hello
    bool exited = false;
    std::optional<int> exitCode;    ///< the program's status, as its runner or the system reports it
    QString error;                  ///< the last line of an uncaught exception
    QString traceback;              ///< its last lines
    QStringList warnings;           ///< "kind: message", once per kind (threads, time, ...)
    QList<PythonTimer> timers;
    double time = 0;                ///< the program's virtual time
};

struct MAS_EXPORT PythonHubOptions
{
    QString python = QStringLiteral("python3");
    /// A directory holding the runner's package `masstep/`, put first on PYTHONPATH (the source
    /// tree's `python/`); empty: the one the interpreter finds (the installed one).
    QString runnerPath;
    qint64 seed = 0;
    QString workingDirectory;
    /// How the network describes the programs' frames.
    QString codecName = QStringLiteral("json");
};

/// How one program starts, besides the hub's options (start(program, arguments, how)).
struct MAS_EXPORT PythonStart
{
    QString python;           ///< the interpreter; empty: PythonHubOptions::python
    QString workingDirectory; ///< empty: PythonHubOptions::workingDirectory
    QHash<QString, QString> environment; ///< added to (or replacing in) the hub's environment
    QString name; ///< the program's name for people (its timers'); empty: the program's file name
};

/// The hub of Python programs run by `python3 -m masstep` (docs/masstep-protocol.md): their
/// virtual connections are LocalQueue connections, so each frame a program writes waits as a
/// PendingMessage on the LocalNetwork and is delivered, dropped or duplicated there like a C++
/// agent's; their virtual clocks move only with setTime().
///
/// A Python server on `tcp://127.0.0.1:5555` is served on the LocalQueue `py-tcp-127.0.0.1-5555`
/// (queueIdFor()), and its address stands for that queue on the network
/// (LocalNetwork::bindAddress()): a C++ agent on the same network that connects to
/// `tcp://127.0.0.1:5555/0` reaches the program through the hub, every frame pending. A program
/// that connects to an address bound to a C++ container's queue (`net->bindAddress(
/// "tcp://127.0.0.1:6000", "a")` for the container at `local://a`) reaches that container. Only one program runs at a time: the hub sends a runner a message only when
/// every runner is quiescent (isQuiescent()), so the same choices give the same run. Start the
/// programs one after the other, each once the hub is quiescent again.
///
/// A program's write_eof() is a half-close (PendingMessage::halfClose); raw (non-aiomas) bytes
/// are pending messages of their own (PendingMessage::isRaw), passed on unchanged. A program's
/// abort() is a pending close that reaches a program at the other end as a reset
/// (`connection_lost(ConnectionResetError)`, nothing goes back); a C++ end sees a close.
///
/// The programs answer a delivery or a clock move in their own processes: a caller that steps
/// co_awaits waitForQuiescent() before it looks at the pending frames again (as `mas run`
/// does), or hands it to the network (`net->setAnswerWait(&hub, [&hub] { return
/// hub.waitForQuiescent(); })`) so that LocalNetwork::runUntilIdle() and runUntil() wait too.
class MAS_EXPORT PythonHub : public QObject
{
    Q_OBJECT

public:
    explicit PythonHub(PythonHubOptions options = {}, QObject *parent = nullptr);
    /// Kills the programs still running.
    ~PythonHub() override;

    /// Listens on a Unix socket in a private temporary directory.
    Result<void> listen();
    /// The address runners connect to (`ipc://...`), once listening.
    QString address() const;

    /// Starts `python3 -m masstep --hub ADDRESS --seed SEED PROGRAM ARGS`; its index.
    Result<int> start(const QString &program, const QStringList &arguments = {});
    /// The same with its own interpreter, working directory and environment.
    Result<int> start(const QString &program, const QStringList &arguments, const PythonStart &how);
    QList<PythonProcess> processes() const;
    std::optional<PythonProcess> process(int index) const;
    QByteArray standardOutput(int index) const;
    QByteArray standardError(int index) const;

    /// Every program is idle (or has exited) and every message for them was sent.
    bool isQuiescent() const;
    /// Waits (the event loop runs) until isQuiescent(), at most `timeout` of real time: after a
    /// delivery, a clock move or a start, the programs have answered when this returns. A
    /// Timeout error naming the programs still running when one hangs (a program blocked
    /// outside its loop, in `time.sleep()` or a thread join, never reports idle).
    QCoro::Task<Result<void>> waitForQuiescent(std::chrono::milliseconds timeout = std::chrono::seconds(30));
    /// Every program has exited.
    bool allExited() const;
    /// The soonest timer of the programs still running.
    std::optional<double> nextTimer() const;
    double time() const;
    /// Moves every program's clock to `t` (not backwards); their due timers run. With a clock
    /// (setClock()), sets that clock's time.
    Result<void> setTime(double t);

    /// Follows `clock` (not owned; nullptr: the hub's own time): the programs' time is its
    /// time, and their timers are its timers too ("echo.py: asyncio.sleep in main() ..."), so
    /// pendingTimers() lists them and advanceToNextTimer() reaches them.
    void setClock(ExternalClock *clock);
    ExternalClock *clock() const;

    /// The addresses the programs listen on (`tcp://127.0.0.1:5555`) -> the program's index.
    QHash<QString, int> listeningAddresses() const;
    /// The addresses the programs connect from (`tcp://127.0.0.1:50001`) -> the program's index.
    QHash<QString, int> clientAddresses() const;

    /// The LocalQueue id that serves a program's listening address.
    static QString queueIdFor(const QString &address);

Q_SIGNALS:
    /// The hub became quiescent: the network's pending frames are all there is.
    void quiescent();
    void processExited(int index);
    void warning(int index, const QString &kind, const QString &message);

private:
    friend class PythonHubPrivate;
    std::unique_ptr<PythonHubPrivate> d;
};

} // namespace mas
