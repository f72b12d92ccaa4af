// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <QCoro/QCoroTask>

/// `mas call`: calls an aiomas RPC service or agent and prints the result as JSON.
/// Returns the process exit code (see the command's --help).
QCoro::Task<int> runCallCommand(QStringList arguments);
