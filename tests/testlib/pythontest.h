// SPDX-License-Identifier: MIT
#pragma once

// What the tests of Python programs share: where the source tree's programs are, and whether
// they can run here (a python3 of 3.9 or newer). Header-only.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace mas::test {

/// The source tree, as ctest gives it (MAS_SOURCE_DIR); empty when run otherwise.
inline QString sourceDir()
{
    return qEnvironmentVariable("MAS_SOURCE_DIR");
}

/// A program of examples/python.
inline QString pythonExample(const QString &name)
{
    return sourceDir() + QStringLiteral("/examples/python/") + name;
}

/// A program of python/tests/programs.
inline QString pythonTestProgram(const QString &name)
{
    return sourceDir() + QStringLiteral("/python/tests/programs/") + name;
}

/// Why the Python programs cannot run here (a reason for QSKIP), or empty when they can: the
/// source tree is known and python3 is 3.9 or newer. Waits at most `waitMs` for python3.
inline QString pythonUnavailable(int waitMs = 60000)
{
    if (sourceDir().isEmpty())
        return QStringLiteral("MAS_SOURCE_DIR does not name the source tree (run through ctest)");
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"), QStringLiteral("import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)")});
    if (!python.waitForFinished(waitMs) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0)
        return QStringLiteral("python3 3.9 or newer is not available");
    return {};
}

/// The environment of a `mas` command that runs Python programs from the source tree: the
/// runner found through PYTHONPATH (before what was there) and MAS_PYTHON_RUNNER_PATH.
inline QProcessEnvironment pythonRunnerEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString old = env.value(QStringLiteral("PYTHONPATH"));
    const QString runner = sourceDir() + QStringLiteral("/python");
    env.insert(QStringLiteral("PYTHONPATH"), old.isEmpty() ? runner : runner + u':' + old);
    env.insert(QStringLiteral("MAS_PYTHON_RUNNER_PATH"), runner);
    return env;
}

/// What a `mas` command left: its exit code (-1 after a crash or a time-out) and its output.
struct MasRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QByteArray all() const { return out + err; }
};

/// Runs `MAS_CLI COMMAND ARGS...` with the runner's environment to its end, at most `waitMs`
/// (then it is killed and `err` says so).
inline MasRun runMasWithPython(const QString &masCli, const QString &command, const QStringList &arguments,
                               int waitMs)
{
    QProcess process;
    process.setProcessEnvironment(pythonRunnerEnvironment());
    process.start(masCli, QStringList{command} + arguments);
    MasRun run;
    if (!process.waitForFinished(waitMs)) {
        process.kill();
        process.waitForFinished(waitMs);
        run.err = QStringLiteral("mas %1 did not finish").arg(command).toUtf8();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/// The `--python` arguments of the three ring programs of examples/python (ids 1,2,3, listening
/// from port `base` on).
inline QStringList pythonRingArguments(const QString &base = QStringLiteral("6000"))
{
    QStringList arguments;
    for (int i = 0; i < 3; ++i)
        arguments << QStringLiteral("--python") << pythonExample(QStringLiteral("ring.py")) << QString::number(i)
                  << QStringLiteral("1,2,3") << base;
    return arguments;
}

} // namespace mas::test
