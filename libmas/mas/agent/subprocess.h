// SPDX-License-Identifier: MIT
#pragma once

#include <mas/clock/clock.h>
#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/core/value.h>
#include <mas/rpc/rpcclient.h>

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <QCoro/QCoroTask>

#include <chrono>
#include <memory>

namespace mas {

class Container;
class SubprocessContainersPrivate;

/// How SubprocessContainers starts its children (`mas subproc` processes).
struct SubprocessOptions
{
    enum class ClockKind { RealTime, External };

    /// The `mas` executable. Empty: SubprocessContainers::defaultExecutable().
    QString executable;
    /// The host the children listen on (each on a free port) when socketDirectory is empty.
    QString host = QStringLiteral("127.0.0.1");
    /// When set, the children listen on Unix sockets in this (existing) directory instead.
    QString socketDirectory;
    /// The children's clock: RealTime, or External for co-simulation (driven by setTime()).
    ClockKind clock = ClockKind::RealTime;
    /// The date at time 0 of the children's external clocks; invalid: the parent container's
    /// clock's current date.
    QDateTime start;
    /// Agent plug-in directories the children load (`--plugin-path`).
    QStringList pluginPaths;
    /// Let the children serve `_monitor/...` (`--monitor`) for the Inspector.
    bool monitor = false;
    /// Further arguments for `mas subproc`.
    QStringList extraArguments;
    /// Longest time a child may take to start listening and answer `validate_aid`.
    std::chrono::milliseconds startTimeout{15'000};
    /// Longest time stop() waits for each step (the stop() call, then SIGTERM) before the next.
    std::chrono::milliseconds stopTimeout{5'000};
};

/// An agent created in a child by Manager.spawn().
struct SpawnedAgent
{
    /// A proxy on the parent container's connection to the child.
    rpc::Proxy proxy;
    /// The agent's URL (`tcp://127.0.0.1:40123/1`).
    QString url;
};

/// Runs containers in child processes (aiomas's `subproc`, seen from the parent): starts
/// `mas subproc` processes, each serving a Manager as agent "0", and talks to them through a
/// container of the parent process.
///
/// \code
/// mas::SubprocessOptions options;
/// options.clock = mas::SubprocessOptions::ClockKind::External;
/// mas::SubprocessContainers children(container, options);
/// mas::Result<void> up = co_await children.start(4);                  // 4 processes, reachable
/// mas::Result<mas::SpawnedAgent> a = co_await children.spawn(0, "pkg.mod:Agent", {42});
/// co_await children.setTime(10);                                       // all external clocks
/// co_await children.stop();                                            // no child is left
/// \endcode
/// Children notice when the parent dies (their stdin pipe reaches EOF; on Linux also
/// PR_SET_PDEATHSIG, bound to the thread that started them) and exit. A child that exits on
/// its own is reported by childDied(); calls to it then fail with a connection error at once.
/// The children use the parent container's codec; its connections must not add extra
/// serializers or TLS (the children register the date serializer only). Lives in the
/// container's thread; the container must outlive it.
class MAS_EXPORT SubprocessContainers : public QObject
{
    Q_OBJECT

public:
    SubprocessContainers(Container *container, SubprocessOptions options = {}, QObject *parent = nullptr);
    /// Ends every child still running: SIGTERM, up to stopTimeout for it to exit, then SIGKILL.
    /// This blocks; call stop() before to end them without blocking the event loop.
    ~SubprocessContainers() override;

    /// `$MAS_EXECUTABLE` when set, else `mas` next to the application, else `mas` on the PATH.
    static QString defaultExecutable();

    // operations
    /// Starts `count` more children and waits until each printed its Manager's URL and answers
    /// `validate_aid` with "Manager" (at most startTimeout). On failure the children of this
    /// call are killed again and the error names the first that failed.
    QCoro::Task<Result<void>> start(int count);
    /// Manager.spawn() in child `index`.
    QCoro::Task<Result<SpawnedAgent>> spawn(int index, QString qualname, Value::List args = {}, Value::Map kwargs = {});
    /// Manager.set_time() in every running child, concurrently (co-simulation: drives all the
    /// external clocks). The first error, naming its child, when one fails.
    QCoro::Task<Result<void>> setTime(ClockTime time);
    /// Stops every child: the Manager's stop(), then SIGTERM, then SIGKILL, each after
    /// stopTimeout; returns when no child is left.
    QCoro::Task<void> stop();

    // properties
    /// The children started so far (running or not), in start order.
    int count() const;
    /// How many children are running.
    int runningCount() const;
    bool isRunning(int index) const;
    /// The child's process id (0 when it is not running).
    qint64 processId(int index) const;
    /// The process ids of the running children.
    QList<qint64> processIds() const;
    /// The URL of the child's Manager (`tcp://127.0.0.1:40123/0`).
    QString managerUrl(int index) const;
    QStringList managerUrls() const;
    /// A proxy for the child's Manager.
    rpc::Proxy manager(int index) const;
    Container *container() const;
    const SubprocessOptions &options() const;

Q_SIGNALS:
    /// Child `index` is up: it listens at `managerUrl` and answered validate_aid.
    void childStarted(int index, const QString &managerUrl);
    /// Child `index` exited (crashed, was killed, or stopped) without stop() asking it to.
    void childDied(int index, const mas::Error &reason);
    /// Child `index` exited; `normalExit` is false when a signal ended it.
    void childFinished(int index, int exitCode, bool normalExit);

private:
    std::unique_ptr<SubprocessContainersPrivate> d;
};

} // namespace mas
