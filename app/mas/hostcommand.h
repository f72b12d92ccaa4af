// SPDX-License-Identifier: MIT
#pragma once

#include <QCoro/QCoroTask>
#include <QStringList>

/// `mas host`: runs a container without a display, starts the agents of a JSON config file,
/// prints one line `URL TYPE` per agent on stdout and serves until SIGINT or SIGTERM.
/// Returns the process exit code (see the command's --help).
QCoro::Task<int> runHostCommand(QStringList arguments);
