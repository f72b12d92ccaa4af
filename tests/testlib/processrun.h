// SPDX-License-Identifier: MIT
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace mas::test {

/// What a finished program left: its exit code (-1 after a crash or a time-out) and its output.
struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs `program ARGS...` to its end, at most `timeoutMs` (then it is killed and `err` says so).
Outcome runToEnd(const QString &program, const QStringList &args, int timeoutMs = 30'000,
                 const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace mas::test
