// SPDX-License-Identifier: MIT
#pragma once

#include <QCoro/QCoroTask>
#include <QStringList>

/// `mas run --python PROGRAM.py [ARGS...]`: runs Python programs under the masstep runner on the
/// stepped in-process network without a display, delivering their frames in a chosen order and
/// moving their virtual clock when nothing else can happen; optionally writes the event log.
/// Returns the process exit code (see the command's --help).
QCoro::Task<int> runRunCommand(QStringList arguments);
