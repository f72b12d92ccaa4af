// SPDX-License-Identifier: MIT
#include "pythonprograms.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>

#include <QTimer>

#include <QCoro/QCoroSignal>

namespace mas::cli {

namespace {

// The texts of the --python option of `mas run` and `mas explore`.
struct PythonPrograms
{
    Q_DECLARE_TR_FUNCTIONS(PythonPrograms)
};

} // namespace

bool isOptionOf(const QString &argument, const QStringList &optionNames)
{
    if (argument == u"--python" || argument.startsWith(u"--python="))
        return true;
    for (const QString &name : optionNames) {
        const QString option = name.size() == 1 ? u'-' + name : QStringLiteral("--") + name;
        if (argument == option || (name.size() > 1 && argument.startsWith(option + u'=')))
            return true;
    }
    return false;
}

QString cutPythonPrograms(QStringList &arguments, const std::function<bool(const QString &)> &isOption,
                          QList<PythonProgram> *programs)
{
    QStringList rest{arguments.value(0)};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        if (arg != u"--python" && !arg.startsWith(u"--python=")) {
            rest.append(arg);
            continue;
        }
        PythonProgram spec;
        if (arg.startsWith(u"--python="))
            spec.program = arg.mid(9);
        else if (i + 1 < arguments.size())
            spec.program = arguments.at(++i);
        if (spec.program.isEmpty())
            return PythonPrograms::tr("--python expects a program");
        while (i + 1 < arguments.size() && !isOption(arguments.at(i + 1)))
            spec.arguments.append(arguments.at(++i));
        programs->append(spec);
    }
    arguments = rest;
    return {};
}

QList<mas::system::ProcessSpec> processSpecs(const QList<PythonProgram> &programs)
{
    QList<mas::system::ProcessSpec> specs;
    for (const PythonProgram &program : programs) {
        mas::system::ProcessSpec spec;
        spec.command = QStringList{QStringLiteral("python3"), QFileInfo(program.program).absoluteFilePath()}
                       + program.arguments;
        specs.append(spec);
    }
    return specs;
}

QString missingProgram(const QList<PythonProgram> &programs)
{
    for (const PythonProgram &spec : programs) {
        if (!QFileInfo(spec.program).isFile())
            return PythonPrograms::tr("no such program: %1").arg(spec.program);
    }
    return {};
}

QCoro::Task<void> waitForKilledRunners(std::chrono::milliseconds timeout)
{
    QList<QPointer<QProcess>> running;
    for (QProcess *process : QCoreApplication::instance()->findChildren<QProcess *>(Qt::FindDirectChildrenOnly)) {
        if (process->state() != QProcess::NotRunning)
            running.append(process);
    }
    for (const QPointer<QProcess> &process : std::as_const(running)) {
        if (!process || process->state() == QProcess::NotRunning)
            continue;
        // Its end, its deletion or the timeout, whichever comes first.
        QObject context;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(process.data(), &QProcess::finished, &context, [&timer] { timer.start(0); });
        QObject::connect(process.data(), &QObject::destroyed, &context, [&timer] { timer.start(0); });
        timer.start(timeout);
        co_await qCoro(&timer, &QTimer::timeout);
    }
}

} // namespace mas::cli
