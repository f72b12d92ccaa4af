// SPDX-License-Identifier: MIT
#include <mas/system/processsystem.h>

#include "logging_p.h"

#include <mas/clock/clock.h>
#include <mas/core/completion_p.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>
#include <mas/transport/pythonhub.h>

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

namespace mas::system {

namespace {

/// A process's name in the views and the timers: its "name", else the program's file name,
/// with its arguments when several processes run that file ("ring.py 0", "ring.py 1").
QString peopleName(const QList<ProcessSpec> &specs, qsizetype index)
{
    const ProcessSpec &spec = specs.at(index);
    if (!spec.name.isEmpty())
        return spec.name;
    const QString file = QFileInfo(spec.program()).fileName();
    const auto sameFile = std::count_if(specs.cbegin(), specs.cend(), [&file](const ProcessSpec &other) {
        return other.name.isEmpty() && QFileInfo(other.program()).fileName() == file;
    });
    return sameFile > 1 ? spec.displayName() : file;
}

} // namespace

namespace {

struct ProcessSystemText
{
    Q_DECLARE_TR_FUNCTIONS(mas::system::ProcessSystem)
};

/// The last `count` non-empty lines of `text`.
QString lastLines(const QByteArray &text, int count)
{
    QStringList lines = QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(u'\n');
}

bool startsWithProgram(const QStringList &command)
{
    return !command.isEmpty() && command.constFirst().endsWith(QStringLiteral(".py"));
}

} // namespace

// ---- ProcessSpec ----

QString ProcessSpec::python() const
{
    return startsWithProgram(command) || command.isEmpty() ? QStringLiteral("python3") : command.constFirst();
}

QString ProcessSpec::program() const
{
    return startsWithProgram(command) ? command.constFirst() : command.value(1);
}

QStringList ProcessSpec::arguments() const
{
    return command.mid(startsWithProgram(command) ? 1 : 2);
}

QString ProcessSpec::displayName() const
{
    if (!name.isEmpty())
        return name;
    const QString file = QFileInfo(program()).fileName();
    const QStringList args = arguments();
    return args.isEmpty() ? file : file + u' ' + args.join(u' ');
}

Result<void> ProcessSpec::check() const
{
    const QString prog = program();
    if (prog.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     ProcessSystemText::tr("A process needs a command: the interpreter and a program "
                                           "(\"python3\", \"agents.py\")"));
    if (prog.startsWith(u'-'))
        return Error(ErrorCode::InvalidArgument,
                     ProcessSystemText::tr("The command's program is a file, not the option \"%1\"").arg(prog));
    const QString path = QFileInfo(prog).isAbsolute() || workingDirectory.isEmpty()
                             ? prog
                             : QDir(workingDirectory).filePath(prog);
    if (!QFileInfo(path).isFile())
        return Error(ErrorCode::InvalidArgument, ProcessSystemText::tr("No such program: %1").arg(path));
    if (!workingDirectory.isEmpty() && !QFileInfo(workingDirectory).isDir())
        return Error(ErrorCode::InvalidArgument,
                     ProcessSystemText::tr("No such working directory: %1").arg(workingDirectory));
    return {};
}

QString ProcessStatus::stateText() const
{
    switch (state) {
    case ProcessState::Starting:
        return ProcessSystemText::tr("starting");
    case ProcessState::Running:
        return ProcessSystemText::tr("running");
    case ProcessState::Exited:
        return ProcessSystemText::tr("exited with status %1").arg(exitCode.value_or(0));
    case ProcessState::FailedToStart:
        return ProcessSystemText::tr("failed to start");
    case ProcessState::Crashed:
        return ProcessSystemText::tr("crashed");
    }
    return {};
}

// ---- ProcessSystem ----

Parameters ProcessSystem::defaultParameters()
{
    Parameters p;
    p.agents = 0;
    return p;
}

ProcessSystem::ProcessSystem(const QString &queueId, const Parameters &parameters, const QList<ProcessSpec> &specs,
                             const ProcessSystemOptions &options)
    : System(queueId, parameters)
    , m_specs(specs)
    , m_options(options)
{
}

Result<std::unique_ptr<ProcessSystem>> ProcessSystem::create(const QString &queueId, const QList<ProcessSpec> &specs,
                                                             const ProcessSystemOptions &options,
                                                             const Parameters &parameters)
{
    Parameters p = parameters;
    p.transport = Transport::LocalQueue;
    std::unique_ptr<ProcessSystem> system(new ProcessSystem(queueId, p, specs, options));
    MAS_TRY_VOID(system->createContainers(0));
    MAS_TRY_VOID(system->setUpProcesses());
    return system;
}

Result<void> ProcessSystem::setUpProcesses()
{
    if (parameters().transport != Transport::LocalQueue)
        return Error(ErrorCode::InvalidArgument,
                     ProcessSystemText::tr("Processes run on the stepped network only (transport \"local\")"));
    for (const ProcessSpec &spec : std::as_const(m_specs)) {
        if (Result<void> ok = spec.check(); !ok) {
            qCWarning(lcSystem).noquote() << "process system:" << ok.error().message();
            return ok;
        }
    }
    // A system without containers still needs its queue: it names the network it is on.
    if (!queue())
        mas::LocalQueue::get(queueId());
    mas::PythonHubOptions hubOptions;
    hubOptions.runnerPath =
        m_options.runnerPath.isEmpty() ? qEnvironmentVariable("MAS_PYTHON_RUNNER_PATH") : m_options.runnerPath;
    hubOptions.seed = parameters().seed;
    hubOptions.codecName = parameters().codec;
    m_hub = new mas::PythonHub(hubOptions, this);
    if (Result<void> listening = m_hub->listen(); !listening) {
        qCWarning(lcSystem).noquote() << "process system:" << listening.error().message();
        return listening;
    }
    m_hub->setClock(clock());
    // The programs' timers are timers of the system's clock: the network moves that one.
    if (mas::LocalNetwork *net = network(); net && net->clock() != clock())
        net->setClock(clock());
    connect(m_hub, &mas::PythonHub::quiescent, this, [this] {
        m_namesSeen.insert(programNames()); // before a program that exits takes its addresses along
        // what the programs printed while they ran
        for (int i = 0; i < m_hubIndex.size(); ++i)
            Q_EMIT processChanged(i);
        Q_EMIT stateChanged();
        if (m_nextToStart < m_specs.size())
            QTimer::singleShot(0, this, &ProcessSystem::startNextIfQuiet);
    });
    connect(m_hub, &mas::PythonHub::processExited, this, [this](int hubIndex) {
        const int index = int(m_hubIndex.indexOf(hubIndex));
        if (index < 0)
            return;
        const ProcessStatus status = process(index);
        qCInfo(lcSystem).noquote() << "process" << status.name << status.stateText();
        Q_EMIT processChanged(index);
        Q_EMIT processFinished(index);
        Q_EMIT stateChanged();
        if (!m_finishedSent && isFinished()) {
            m_finishedSent = true;
            Q_EMIT finished();
        }
    });
    connect(m_hub, &mas::PythonHub::warning, this, [this](int hubIndex, const QString &kind, const QString &message) {
        const int index = int(m_hubIndex.indexOf(hubIndex));
        if (index < 0)
            return;
        Q_EMIT processWarning(index, kind, message);
        Q_EMIT processChanged(index);
    });
    if (mas::LocalNetwork *net = network()) {
        QPointer<ProcessSystem> self(this);
        net->setAnswerWait(this, [self]() -> QCoro::Task<Result<void>> {
            if (!self)
                co_return Result<void>();
            co_return co_await self->waitForAnswers();
        });
    }
    return {};
}

ProcessSystem::~ProcessSystem()
{
    // The hub kills the programs still running (a child of this system, it goes with it); the
    // network forgets the answer wait with its owner.
    delete m_hub;
    m_hub = nullptr;
}

QString ProcessSystem::id() const
{
    return QStringLiteral("python");
}

QString ProcessSystem::title() const
{
    QStringList names;
    for (const ProcessSpec &spec : m_specs)
        names << spec.displayName();
    return ProcessSystemText::tr("Python: %1").arg(names.join(QStringLiteral(", ")));
}

bool ProcessSystem::isFinished() const
{
    if (m_specs.isEmpty() || !m_hub || m_hubIndex.size() < m_specs.size())
        return false;
    return m_hub->allExited();
}

QString ProcessSystem::outcome() const
{
    int running = 0;
    int exited = 0;
    int failed = 0;
    for (const ProcessStatus &status : processes()) {
        switch (status.state) {
        case ProcessState::Starting:
        case ProcessState::Running:
            ++running;
            break;
        case ProcessState::Exited:
            (status.exitCode == 0 ? exited : failed) += 1;
            break;
        case ProcessState::FailedToStart:
        case ProcessState::Crashed:
            ++failed;
            break;
        }
    }
    return ProcessSystemText::tr("%1 running, %2 exited, %3 failed").arg(running).arg(exited).arg(failed);
}

ProcessState ProcessSystem::stateOf(int index) const
{
    const int hubIndex = m_hubIndex.value(index, -1);
    const std::optional<mas::PythonProcess> p = m_hub && hubIndex >= 0 ? m_hub->process(hubIndex) : std::nullopt;
    if (!p)
        return ProcessState::Starting;
    if (!p->exited)
        return p->connected ? ProcessState::Running : ProcessState::Starting;
    if (p->exitCode)
        return ProcessState::Exited;
    return !p->connected && !p->error.isEmpty() ? ProcessState::FailedToStart : ProcessState::Crashed;
}

ProcessStatus ProcessSystem::process(int index) const
{
    ProcessStatus status;
    if (index < 0 || index >= m_specs.size())
        return status;
    status.index = index;
    status.name = m_specs.at(index).displayName();
    status.state = stateOf(index);
    const int hubIndex = m_hubIndex.value(index, -1);
    if (const std::optional<mas::PythonProcess> p = m_hub && hubIndex >= 0 ? m_hub->process(hubIndex) : std::nullopt) {
        status.exitCode = p->exitCode;
        status.error = p->error;
        status.warnings = p->warnings;
        status.time = p->time;
        status.standardError = lastLines(m_hub->standardError(hubIndex), m_options.tailLines);
        status.standardOutput = lastLines(m_hub->standardOutput(hubIndex), m_options.tailLines);
        if (status.standardError.isEmpty() && !p->traceback.isEmpty())
            status.standardError = lastLines(p->traceback.toUtf8(), m_options.tailLines);
        const QHash<QString, int> listening = m_hub->listeningAddresses();
        for (auto it = listening.constBegin(); it != listening.constEnd(); ++it) {
            if (it.value() == hubIndex)
                status.listening.append(it.key());
        }
        status.listening.sort();
    }
    return status;
}

QList<ProcessStatus> ProcessSystem::processes() const
{
    QList<ProcessStatus> list;
    for (int i = 0; i < m_specs.size(); ++i)
        list.append(process(i));
    return list;
}

QByteArray ProcessSystem::standardOutput(int index) const
{
    const int hubIndex = m_hubIndex.value(index, -1);
    return m_hub && hubIndex >= 0 ? m_hub->standardOutput(hubIndex) : QByteArray();
}

QByteArray ProcessSystem::standardError(int index) const
{
    const int hubIndex = m_hubIndex.value(index, -1);
    return m_hub && hubIndex >= 0 ? m_hub->standardError(hubIndex) : QByteArray();
}

void ProcessSystem::begin()
{
    m_beginning = true;
    startNextIfQuiet();
}

void ProcessSystem::startNextIfQuiet()
{
    if (!m_beginning || !m_hub)
        return;
    while (m_nextToStart < m_specs.size() && m_hub->isQuiescent()) {
        const int index = m_nextToStart++;
        const ProcessSpec &spec = m_specs.at(index);
        mas::PythonStart how;
        how.python = spec.python();
        how.workingDirectory = spec.workingDirectory;
        how.environment = spec.environment;
        how.environment.insert(QStringLiteral("MAS_PROCESS_SYSTEM"), QString::number(QCoreApplication::applicationPid()));
        how.name = peopleName(m_specs, index);
        const Result<int> started = m_hub->start(spec.program(), spec.arguments(), how);
        if (!started) {
            // only when the hub cannot listen (checked when built): the program counts as not started
            qCWarning(lcSystem).noquote() << "process system: cannot start" << spec.displayName() << ":"
                                          << started.error().message();
            m_hubIndex.append(-1);
            continue;
        }
        qCInfo(lcSystem).noquote() << "process system: started" << spec.displayName();
        m_hubIndex.append(*started);
        Q_EMIT processChanged(index);
    }
}

bool ProcessSystem::isSettled() const
{
    return m_hub && (!m_beginning || m_nextToStart >= m_specs.size()) && m_hub->isQuiescent();
}

QCoro::Task<Result<void>> ProcessSystem::waitForAnswers()
{
    if (!m_hub)
        co_return Result<void>(); // no programs (a system file with agents only)
    QPointer<ProcessSystem> self(this);
    while (self && !isSettled()) {
        startNextIfQuiet();
        if (isSettled() || m_hub->isQuiescent())
            continue;
        // The hub's quiescence, at most answerTimeout; a quiescent hub may start the next
        // program at once (then the loop waits again).
        detail::Completion<bool> done;
        QObject context;
        QTimer timer;
        timer.setSingleShot(true);
        mas::PythonHub *hub = m_hub;
        connect(hub, &mas::PythonHub::quiescent, &context, [done]() mutable { done.complete(true); });
        connect(hub, &mas::PythonHub::processExited, &context, [hub, done]() mutable {
            if (hub->isQuiescent())
                done.complete(true);
        });
        connect(&timer, &QTimer::timeout, &context, [done]() mutable { done.complete(false); });
        timer.start(m_options.answerTimeout);
        const bool answered = co_await done;
        if (!self)
            break;
        if (!answered && !m_hub->isQuiescent())
            co_return co_await m_hub->waitForQuiescent(std::chrono::milliseconds(1)); // names the programs
    }
    if (!self)
        co_return Error(ErrorCode::Cancelled, ProcessSystemText::tr("The system was closed while waiting for its programs"));
    co_return Result<void>();
}

QString ProcessSystem::failure() const
{
    for (const ProcessStatus &status : processes()) {
        if (status.state == ProcessState::FailedToStart)
            return status.error.isEmpty() ? ProcessSystemText::tr("%1 did not start").arg(status.name)
                                          : ProcessSystemText::tr("%1: %2").arg(status.name, status.error);
        if (status.state == ProcessState::Crashed)
            return status.error.isEmpty()
                       ? ProcessSystemText::tr("%1 lost its runner (no exit status)").arg(status.name)
                       : ProcessSystemText::tr("%1: %2").arg(status.name, status.error);
    }
    return {};
}

QHash<QString, QString> ProcessSystem::displayNames() const
{
    QHash<QString, QString> names = System::displayNames();
    names.insert(m_namesSeen);
    names.insert(programNames());
    return names;
}

QHash<QString, QString> ProcessSystem::programNames() const
{
    QHash<QString, QString> names;
    if (!m_hub)
        return names;
    const auto nameOf = [this](int hubIndex) -> QString {
        const int index = int(m_hubIndex.indexOf(hubIndex));
        if (index < 0)
            return {};
        return peopleName(m_specs, index);
    };
    const QHash<QString, int> listening = m_hub->listeningAddresses();
    for (auto it = listening.constBegin(); it != listening.constEnd(); ++it) {
        const QString program = nameOf(it.value());
        if (program.isEmpty())
            continue;
        // "echo.py :5555" for tcp://127.0.0.1:5555 (and its agents' URLs .../0, .../1, ...)
        const QString address = it.key();
        const QString port = address.startsWith(u"tcp://") ? address.section(u':', -1) : QString();
        const QString name = port.isEmpty() ? program + u' ' + address : program + QStringLiteral(" :") + port;
        names.insert(address, name);
        names.insert(address + QStringLiteral("/0"), name);
    }
    const QHash<QString, int> clients = m_hub->clientAddresses();
    for (auto it = clients.constBegin(); it != clients.constEnd(); ++it) {
        if (const QString program = nameOf(it.value()); !program.isEmpty())
            names.insert(it.key(), program);
    }
    return names;
}

QList<Invariant> ProcessSystem::programInvariants() const
{
    QPointer<const ProcessSystem> self(this);
    // The first program that failed, in words ("ring.py 1 exited with status 1"); empty if none.
    const auto firstFailure = [self]() -> QString {
        if (!self)
            return {};
        for (const ProcessStatus &status : self->processes()) {
            const bool failed = (status.state == ProcessState::Exited && status.exitCode.value_or(0) != 0)
                                || status.state == ProcessState::FailedToStart
                                || status.state == ProcessState::Crashed;
            if (!failed)
                continue;
            const QString what = QStringLiteral("%1 %2").arg(status.name, status.stateText());
            return status.error.isEmpty() ? what : ProcessSystemText::tr("%1: %2").arg(what, status.error);
        }
        return {};
    };
    return {Invariant{QStringLiteral("no program failed"), ProcessSystemText::tr("no program failed"),
                      ProcessSystemText::tr("Every program that ended exited with status 0: none exited with "
                                            "another status, crashed or failed to start."),
                      [firstFailure] { return firstFailure().isEmpty(); }, firstFailure}};
}

QList<Invariant> ProcessSystem::programGoals() const
{
    QPointer<const ProcessSystem> self(this);
    return {Invariant{QStringLiteral("every program exited"), ProcessSystemText::tr("every program exited"),
                      ProcessSystemText::tr("The system is quiet (no frame pending, no timer left) and every "
                                            "program has exited: none waits for what will never come."),
                      [self] { return self && self->isFinished(); },
                      [self] { return self ? self->outcome() : QString(); }}};
}

} // namespace mas::system
