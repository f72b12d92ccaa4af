// SPDX-License-Identifier: MIT
#include "subprocess.h"

#include "container.h"

#include <mas/codec/dateserializer.h>
#include <mas/core/completion_p.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <QCoro/QCoroSignal>

#include <cmath>
#include <vector>

namespace mas {

namespace {
Q_LOGGING_CATEGORY(lcSubproc, "mas.agent.subproc", QtWarningMsg)

/// The longest first line a child may print (its Manager's URL).
constexpr qsizetype kMaxLine = 64 * 1024;

std::chrono::milliseconds remaining(const QDeadlineTimer &deadline)
{
    return std::max(std::chrono::milliseconds(1),
                    std::chrono::duration_cast<std::chrono::milliseconds>(deadline.remainingTimeAsDuration()));
}
} // namespace

/// One `mas subproc` process.
struct ChildProcess
{
    int index = 0;
    QProcess *process = nullptr; // owned by the SubprocessContainers
    QByteArray output;
    bool urlSeen = false;
    bool started = false;  // reachable, childStarted() emitted
    bool stopping = false; // we asked it to end (its exit is no surprise)
    QString url;
    rpc::Proxy manager;
    detail::Completion<Result<QString>> urlLine;
    QTimer startTimer;
};

class SubprocessContainersPrivate
{
public:
    SubprocessContainers *q = nullptr;
    QPointer<Container> container;
    SubprocessOptions options;
    std::vector<std::unique_ptr<ChildProcess>> children;

    ChildProcess *child(int index) const
    {
        return index >= 0 && std::size_t(index) < children.size() ? children[std::size_t(index)].get() : nullptr;
    }
    static bool running(const ChildProcess *c) { return c && c->process->state() != QProcess::NotRunning; }

    QString childName(const ChildProcess &c) const
    {
        const qint64 pid = c.process->processId();
        return pid > 0 ? mas::tr("sub-process container %1 (pid %2)").arg(c.index).arg(pid)
                       : mas::tr("sub-process container %1").arg(c.index);
    }

    QStringList arguments(int index) const;
    ChildProcess *launch(const QString &executable);
    void readOutput(ChildProcess *c);
    void finished(ChildProcess *c, int exitCode, QProcess::ExitStatus status);
    QCoro::Task<bool> waitAllFinished(std::chrono::milliseconds timeout);
    Result<QString> executable() const;
};

QStringList SubprocessContainersPrivate::arguments(int index) const
{
    QString address;
    if (!options.socketDirectory.isEmpty()) {
        address = QStringLiteral("ipc://")
                  + QDir(options.socketDirectory)
                        .absoluteFilePath(QStringLiteral("mas-subproc-%1-%2.sock")
                                              .arg(QCoreApplication::applicationPid())
                                              .arg(index));
    } else {
        const QString host = options.host.contains(u':') ? u'[' + options.host + u']' : options.host;
        address = QStringLiteral("tcp://%1:0").arg(host);
    }
    QStringList args{QStringLiteral("subproc"), address, QStringLiteral("--codec"), container->options().codec};
    if (options.clock == SubprocessOptions::ClockKind::External) {
        const QDateTime start = options.start.isValid() ? options.start : container->clock()->utcNow();
        args << QStringLiteral("--clock") << QStringLiteral("external") << QStringLiteral("--start")
             << formatIsoDate(start.toUTC());
    } else {
        args << QStringLiteral("--clock") << QStringLiteral("realtime");
    }
    for (const QString &path : options.pluginPaths)
        args << QStringLiteral("--plugin-path") << path;
    if (options.monitor)
        args << QStringLiteral("--monitor");
    args << options.extraArguments;
    return args;
}

Result<QString> SubprocessContainersPrivate::executable() const
{
    const QString exe = options.executable.isEmpty() ? SubprocessContainers::defaultExecutable() : options.executable;
    if (exe.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     mas::tr("No mas executable found for sub-process containers (set MAS_EXECUTABLE)"));
    return exe;
}

ChildProcess *SubprocessContainersPrivate::launch(const QString &executable)
{
    auto owned = std::make_unique<ChildProcess>();
    ChildProcess *c = owned.get();
    c->index = int(children.size());
    children.push_back(std::move(owned));

    c->process = new QProcess(q);
    c->process->setProgram(executable);
    c->process->setArguments(arguments(c->index));
    // The child's messages go where ours go. Its stdin stays a pipe that we never write to or
    // close: it reaches EOF when this process is gone, which tells the child to exit.
    c->process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QObject::connect(c->process, &QProcess::readyReadStandardOutput, q, [this, c] { readOutput(c); });
    QObject::connect(c->process, &QProcess::finished, q,
                     [this, c](int exitCode, QProcess::ExitStatus status) { finished(c, exitCode, status); });
    QObject::connect(c->process, &QProcess::errorOccurred, q, [c](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            c->urlLine.complete(Error(ErrorCode::AiomasError, mas::tr("Cannot start sub-process container %1 (%2): %3")
                                                                  .arg(c->index)
                                                                  .arg(c->process->program(), c->process->errorString())));
    });
    c->startTimer.setSingleShot(true);
    QObject::connect(&c->startTimer, &QTimer::timeout, q, [this, c] {
        c->urlLine.complete(Error(ErrorCode::Timeout, mas::tr("%1 did not print its address within %2 ms")
                                                          .arg(childName(*c))
                                                          .arg(options.startTimeout.count())));
    });
    c->startTimer.start(options.startTimeout);
    qCDebug(lcSubproc).noquote() << "starting" << executable << c->process->arguments().join(u' ');
    c->process->start();
    return c;
}

void SubprocessContainersPrivate::readOutput(ChildProcess *c)
{
    c->output += c->process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = c->output.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(c->output.left(newline)).trimmed();
        c->output.remove(0, newline + 1);
        if (!c->urlSeen) {
            c->urlSeen = true;
            c->startTimer.stop();
            c->urlLine.complete(line);
        } else if (!line.isEmpty()) {
            qCDebug(lcSubproc).noquote() << childName(*c) << "says:" << line;
        }
    }
    if (!c->urlSeen && c->output.size() > kMaxLine) {
        c->startTimer.stop();
        c->urlLine.complete(Error(ErrorCode::InvalidMessage,
                                  mas::tr("%1 printed no address line but %2 bytes").arg(childName(*c)).arg(c->output.size())));
    }
    if (c->urlSeen)
        c->output.clear();
}

void SubprocessContainersPrivate::finished(ChildProcess *c, int exitCode, QProcess::ExitStatus status)
{
    c->startTimer.stop();
    const bool normal = status == QProcess::NormalExit;
    const QString how = normal ? mas::tr("exited with code %1").arg(exitCode) : mas::tr("was killed or crashed");
    qCDebug(lcSubproc).noquote() << "sub-process container" << c->index << how;
    c->urlLine.complete(Error(ErrorCode::ConnectionRefused,
                              mas::tr("sub-process container %1 %2 before it printed its address (see its messages above)")
                                  .arg(c->index)
                                  .arg(how)));
    Q_EMIT q->childFinished(c->index, exitCode, normal);
    if (c->started && !c->stopping) {
        const Error reason(ErrorCode::ConnectionReset,
                           mas::tr("sub-process container %1 at %2 %3 unexpectedly").arg(c->index).arg(c->url, how));
        qCWarning(lcSubproc).noquote() << reason.message();
        Q_EMIT q->childDied(c->index, reason);
    }
}

QCoro::Task<bool> SubprocessContainersPrivate::waitAllFinished(std::chrono::milliseconds timeout)
{
    QPointer<SubprocessContainers> self(q);
    const QDeadlineTimer deadline(timeout);
    for (std::size_t i = 0; self && i < children.size(); ++i) {
        QProcess *process = children[i]->process;
        while (self && process->state() != QProcess::NotRunning) {
            if (deadline.hasExpired())
                co_return false;
            const std::chrono::milliseconds wait = remaining(deadline);
            co_await qCoro(process, &QProcess::finished, wait);
        }
    }
    co_return bool(self);
}

// ---- SubprocessContainers ----

SubprocessContainers::SubprocessContainers(Container *container, SubprocessOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SubprocessContainersPrivate>())
{
    d->q = this;
    d->container = container;
    d->options = std::move(options);
}

SubprocessContainers::~SubprocessContainers()
{
    // No signals from here on; waiting start() calls resume with Cancelled.
    for (const auto &c : d->children) {
        QObject::disconnect(c->process, nullptr, this, nullptr);
        c->startTimer.stop();
        c->urlLine.complete(Error(ErrorCode::Cancelled, mas::tr("The sub-process containers were destroyed")));
        if (SubprocessContainersPrivate::running(c.get())) {
            c->stopping = true;
            c->process->terminate();
        }
    }
    const QDeadlineTimer deadline(d->options.stopTimeout);
    for (const auto &c : d->children) {
        if (SubprocessContainersPrivate::running(c.get()) && !c->process->waitForFinished(int(remaining(deadline).count()))) {
            qCWarning(lcSubproc).noquote() << d->childName(*c) << "ignored SIGTERM; killing it";
            c->process->kill();
            c->process->waitForFinished(5000);
        }
        delete c->process;
    }
}

QString SubprocessContainers::defaultExecutable()
{
    const QString fromEnvironment = qEnvironmentVariable("MAS_EXECUTABLE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("mas.exe");
#else
    const QString name = QStringLiteral("mas");
#endif
    if (QCoreApplication::instance()) {
        const QFileInfo beside(QDir(QCoreApplication::applicationDirPath()).filePath(name));
        if (beside.isFile() && beside.isExecutable())
            return beside.absoluteFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("mas"));
}

QCoro::Task<Result<void>> SubprocessContainers::start(int count)
{
    QPointer<SubprocessContainers> self(this);
    if (!d->container)
        co_return Error(ErrorCode::InvalidArgument, mas::tr("Sub-process containers need a container to reach them"));
    if (d->container->options().tls || !d->container->options().extraSerializers.empty())
        co_return Error(ErrorCode::InvalidArgument,
                        mas::tr("Sub-process containers use no TLS and no extra serializers; %1 does")
                            .arg(d->container->toString()));
    if (count < 0)
        co_return Error(ErrorCode::InvalidArgument, mas::tr("Cannot start %1 sub-process containers").arg(count));
    Result<QString> exe = d->executable();
    if (!exe)
        co_return exe.error();

    std::vector<ChildProcess *> launched;
    for (int i = 0; i < count; ++i)
        launched.push_back(d->launch(*exe));

    Error failure;
    for (ChildProcess *c : launched) {
        const QDeadlineTimer deadline(d->options.startTimeout);
        // A copy: it shares the state, and stays valid should the child's record go away.
        detail::Completion<Result<QString>> line = c->urlLine;
        Result<QString> url = co_await line;
        if (!self)
            co_return Error(ErrorCode::Cancelled, mas::tr("The sub-process containers were destroyed"));
        if (!url) {
            failure = url.error();
            break;
        }
        c->url = *url;
        Result<rpc::Proxy> manager = co_await d->container->connect(*url, remaining(deadline));
        if (!self || !d->container)
            co_return Error(ErrorCode::Cancelled, mas::tr("The sub-process containers or their container were destroyed"));
        if (!manager) {
            failure = manager.error().withContext(d->childName(*c));
            break;
        }
        // connect() checked that agent 0 exists; a sub-process container's agent 0 is a Manager.
        Value::List aid;
        aid.emplace_back(QStringLiteral("0"));
        rpc::Proxy validate = manager->client() ? manager->client()->remote()[QStringLiteral("validate_aid")] : rpc::Proxy();
        Result<Value> kind = co_await validate.call(std::move(aid));
        if (!self)
            co_return Error(ErrorCode::Cancelled, mas::tr("The sub-process containers were destroyed"));
        if (!kind) {
            failure = kind.error().withContext(d->childName(*c));
            break;
        }
        if (kind->toString() != u"Manager") {
            failure = Error(ErrorCode::AgentNotFound, mas::tr("Agent 0 at %1 is a %2, not a Manager")
                                                          .arg(*url, kind->toDisplayString(80)));
            break;
        }
        c->manager = *manager;
        c->started = true;
        qCDebug(lcSubproc).noquote() << d->childName(*c) << "is up at" << c->url;
        Q_EMIT childStarted(c->index, c->url);
    }
    if (!failure.isError())
        co_return Result<void>();

    // Leave nothing behind: the children of this call go again.
    qCWarning(lcSubproc).noquote() << "starting sub-process containers failed:" << failure.message();
    for (ChildProcess *c : launched) {
        c->stopping = true;
        c->startTimer.stop();
        if (SubprocessContainersPrivate::running(c))
            c->process->kill();
    }
    co_await d->waitAllFinished(d->options.stopTimeout);
    co_return failure;
}

QCoro::Task<Result<SpawnedAgent>> SubprocessContainers::spawn(int index, QString qualname, Value::List args, Value::Map kwargs)
{
    ChildProcess *c = d->child(index);
    if (!c || !c->started)
        co_return Error(ErrorCode::InvalidArgument, mas::tr("There is no sub-process container %1").arg(index));
    const QString name = d->childName(*c);
    args.insert(args.begin(), Value(std::move(qualname)));
    rpc::Proxy spawn = c->manager[QStringLiteral("spawn")];
    Result<Value> reply = co_await spawn.call(std::move(args), std::move(kwargs));
    if (!reply)
        co_return reply.error().withContext(name);
    const CustomObject *object = reply->isList() && reply->size() == 2 ? reply->at(0).object() : nullptr;
    const rpc::Proxy *proxy = object ? object->as<rpc::Proxy>() : nullptr;
    if (!proxy || !reply->at(1).isString())
        co_return Error(ErrorCode::InvalidMessage,
                        mas::tr("%1: spawn() answered %2, not [agent, url]").arg(name, reply->toDisplayString(120)));
    SpawnedAgent agent;
    agent.proxy = *proxy;
    agent.url = reply->at(1).toString();
    co_return agent;
}

QCoro::Task<Result<void>> SubprocessContainers::setTime(ClockTime time)
{
    QPointer<SubprocessContainers> self(this);
    Value value;
    if (time.isDate())
        value = Value::from(time.date());
    else if (std::trunc(time.seconds()) == time.seconds() && std::abs(time.seconds()) < 9.0e15)
        value = Value(qint64(time.seconds())); // `5`, as a Python caller writes it
    else
        value = Value(time.seconds());

    // All calls go out before any reply is awaited: the children move their clocks together.
    std::vector<int> indexes;
    std::vector<QCoro::Task<Result<Value>>> calls;
    for (const auto &c : d->children) {
        if (!c->started || c->stopping)
            continue;
        Value::List args;
        args.push_back(value);
        indexes.push_back(c->index);
        calls.push_back(c->manager[QStringLiteral("set_time")].call(std::move(args)));
    }
    Error first;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        Result<Value> r = co_await calls[i];
        if (!r && !first.isError())
            first = r.error().withContext(mas::tr("sub-process container %1").arg(indexes[i]));
    }
    if (!self)
        co_return Error(ErrorCode::Cancelled, mas::tr("The sub-process containers were destroyed"));
    if (first.isError())
        co_return first;
    co_return Result<void>();
}

QCoro::Task<void> SubprocessContainers::stop()
{
    QPointer<SubprocessContainers> self(this);
    for (const auto &c : d->children) {
        c->stopping = true;
        c->startTimer.stop();
        if (!SubprocessContainersPrivate::running(c.get()))
            continue;
        if (!c->started) {
            c->process->terminate(); // still starting (or failed to): no Manager to ask
            continue;
        }
        // Politely first: the child replies, shuts its container down and exits 0.
        QCoro::connect(c->manager[QStringLiteral("stop")](), this, [](const Result<Value> &) {});
    }
    if (co_await d->waitAllFinished(d->options.stopTimeout) || !self)
        co_return;
    for (const auto &c : d->children) {
        if (SubprocessContainersPrivate::running(c.get())) {
            qCWarning(lcSubproc).noquote() << d->childName(*c) << "did not stop; sending SIGTERM";
            c->process->terminate();
        }
    }
    if (co_await d->waitAllFinished(d->options.stopTimeout) || !self)
        co_return;
    for (const auto &c : d->children) {
        if (SubprocessContainersPrivate::running(c.get())) {
            qCWarning(lcSubproc).noquote() << d->childName(*c) << "ignored SIGTERM; killing it";
            c->process->kill();
        }
    }
    co_await d->waitAllFinished(d->options.stopTimeout);
}

int SubprocessContainers::count() const
{
    return int(d->children.size());
}

int SubprocessContainers::runningCount() const
{
    return int(std::count_if(d->children.begin(), d->children.end(),
                             [](const auto &c) { return SubprocessContainersPrivate::running(c.get()); }));
}

bool SubprocessContainers::isRunning(int index) const
{
    return SubprocessContainersPrivate::running(d->child(index));
}

qint64 SubprocessContainers::processId(int index) const
{
    const ChildProcess *c = d->child(index);
    return c ? c->process->processId() : 0;
}

QList<qint64> SubprocessContainers::processIds() const
{
    QList<qint64> pids;
    for (const auto &c : d->children) {
        if (SubprocessContainersPrivate::running(c.get()))
            pids << c->process->processId();
    }
    return pids;
}

QString SubprocessContainers::managerUrl(int index) const
{
    const ChildProcess *c = d->child(index);
    return c ? c->url : QString();
}

QStringList SubprocessContainers::managerUrls() const
{
    QStringList urls;
    for (const auto &c : d->children)
        urls << c->url;
    return urls;
}

rpc::Proxy SubprocessContainers::manager(int index) const
{
    const ChildProcess *c = d->child(index);
    return c ? c->manager : rpc::Proxy();
}

Container *SubprocessContainers::container() const
{
    return d->container;
}

const SubprocessOptions &SubprocessContainers::options() const
{
    return d->options;
}

} // namespace mas
