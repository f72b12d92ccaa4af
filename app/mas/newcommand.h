// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <QCoro/QCoroTask>

/// `mas new plugin NAME [DIR]`: writes a small CMake project for a plug-in of your own agents
/// (one agent type with a seeded bug, one invariant, a system file, a QtTest) that builds
/// against an installed MAS or a build tree. Exit status: 0 written, 2 bad usage (an invalid
/// name, a directory that exists and is not empty), 3 a file could not be written.
QCoro::Task<int> runNewCommand(QStringList arguments);
