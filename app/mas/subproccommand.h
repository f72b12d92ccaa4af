// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <QCoro/QCoroTask>

/// `mas subproc`: a sub-process container (aiomas's `subproc.start`): a container whose agent
/// "0" is a mas::Manager. Prints the Manager's URL as the first line of stdout and serves until
/// the Manager's stop(), SIGINT/SIGTERM, or the death of the parent process (EOF on a stdin
/// pipe; on Linux also PR_SET_PDEATHSIG). Returns the process exit code (see --help).
QCoro::Task<int> runSubprocCommand(QStringList arguments);

/// Registers the agent types `mas subproc` offers without plug-ins (`mas.subproc:EchoAgent`)
/// with mas::AgentRegistry::global(); types already registered are left alone.
void registerSubprocAgentTypes();
