// SPDX-License-Identifier: MIT
// Deprecated: the event type and the event log moved to the trace layer, below the transports
// that record them. Include <mas/trace/trafficlog.h> and use TrafficEvent and TrafficLog.
#pragma once

#include <mas/trace/trafficlog.h>

namespace mas {

using QueueEvent [[deprecated("use mas::TrafficEvent from <mas/trace/trafficlog.h>")]] = TrafficEvent;
using EventLog [[deprecated("use mas::TrafficLog from <mas/trace/trafficlog.h>")]] = TrafficLog;

} // namespace mas
