// SPDX-License-Identifier: MIT
#pragma once

#include <QCoro/QCoroTask>
#include <QStringList>

/// `mas explore`: searches the delivery orders (and faults) of a teaching demo for a run that
/// breaks an invariant, and writes the shrunk counterexample as an event log.
/// Returns the process exit code (see the command's --help).
QCoro::Task<int> runExploreCommand(QStringList arguments);
