// SPDX-License-Identifier: MIT
#pragma once

#include <mas/demos/demosystem.h>
#include <mas/system/systemagent.h>

namespace mas::demos {

/// The demos' agents are SystemAgents (<mas/system/systemagent.h>).
using DemoAgent = mas::system::SystemAgent;

} // namespace mas::demos
