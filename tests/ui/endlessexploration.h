// SPDX-License-Identifier: MIT
#pragma once

// A search that is still running whenever a test cancels it, closes its window or destroys its
// session: random walks, a million of them, with progress reported at every chance.

#include <mas/system/explorer.h>

#include <chrono>

namespace mas::test {

inline system::ExplorerOptions endlessExploration()
{
    system::ExplorerOptions options;
    options.mode = system::ExplorerOptions::Mode::RandomWalk;
    options.walks = 1'000'000;
    options.maxSchedules = 1'000'000;
    options.maxTime = std::chrono::seconds(120);
    options.progressInterval = std::chrono::milliseconds(1);
    return options;
}

} // namespace mas::test
