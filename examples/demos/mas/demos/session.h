// SPDX-License-Identifier: MIT
#pragma once

#include <mas/demos/demosystem.h>
#include <mas/system/session.h>

namespace mas::demos {

// Sessions are part of the public system API (<mas/system/session.h>).
using mas::system::Session;

} // namespace mas::demos
