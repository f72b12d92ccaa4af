// SPDX-License-Identifier: MIT
#pragma once

#include <mas/system/processsystem.h>

#include <QCoro/QCoroTask>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace mas::cli {

/// A program given on the command line: `--python PROGRAM.py [ARGS...]`.
struct PythonProgram
{
    QString program;
    QStringList arguments;
};

/// Cuts every `--python PROGRAM [ARGS...]` (or `--python=PROGRAM [ARGS...]`) out of `arguments`
/// (argv[0] first, kept) into `programs`: a program's arguments end at the first argument for
/// which `isOption` is true. Returns an error text (empty: fine), e.g. for a --python without
/// a program.
QString cutPythonPrograms(QStringList &arguments, const std::function<bool(const QString &)> &isOption,
                          QList<PythonProgram> *programs);

/// Whether `argument` names one of `options` (`--name`, `--name=value`, `-n`) or is --python.
bool isOptionOf(const QString &argument, const QStringList &optionNames);

/// The programs' specs: `python3 /absolute/PROGRAM.py ARGS...`.
QList<mas::system::ProcessSpec> processSpecs(const QList<PythonProgram> &programs);

/// An error text for the first program that is not a file (empty: all are).
QString missingProgram(const QList<PythonProgram> &programs);

/// Waits, at most `timeout` each, until the runners that closed systems killed have been reaped
/// (their QProcesses, the application's children until then, would warn when it ends first).
QCoro::Task<void> waitForKilledRunners(std::chrono::milliseconds timeout = std::chrono::seconds(5));

} // namespace mas::cli
