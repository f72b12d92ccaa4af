// SPDX-License-Identifier: MIT
#pragma once

// What the tests of Python programs share: where the source tree's programs are, and whether
// they can run here (a python3 of 3.9 or newer). Header-only.

#include <QProcess>
#include <QString>
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

} // namespace mas::test
