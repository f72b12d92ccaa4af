// SPDX-License-Identifier: MIT
#pragma once

#include <ctime>

namespace mas::test {

/// One tick of the system's coarse monotonic clock in seconds (0 where there is none): how far
/// a deadline set with Clock::callInCoarse() on a RealTimeClock may be from callIn()'s.
inline double coarseTick()
{
#ifdef CLOCK_MONOTONIC_COARSE
    timespec resolution;
    if (clock_getres(CLOCK_MONOTONIC_COARSE, &resolution) == 0)
        return double(resolution.tv_sec) + double(resolution.tv_nsec) / 1e9;
#endif
    return 0;
}

} // namespace mas::test
