// SPDX-License-Identifier: MIT
#pragma once

#include <mas/demos/demosystem.h>
#include <mas/system/explorer.h>

namespace mas::demos {

// The explorer is part of the public system API (<mas/system/explorer.h>).
using mas::system::Counterexample;
using mas::system::Explorer;
using mas::system::ExplorerOptions;
using mas::system::ExplorerResult;
using mas::system::ExplorerStatistics;
using mas::system::ExplorerStep;
using mas::system::FaultKind;
using mas::system::FaultKinds;

} // namespace mas::demos
