// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>

#include <QtGlobal>

#include <functional>

namespace mas {

/// Counters of the frames that server channels decoded off their event loop
/// (ChannelOptions::offloadDecodeBytes), process-wide since start.
struct OffloadDecodeStats
{
    /// Decodes a worker began.
    qint64 started = 0;
    /// Decodes a worker ended (whether the frame was valid or not).
    qint64 finished = 0;
    /// Results nobody took: their connection closed or was destroyed meanwhile (queued jobs of
    /// such connections are dropped without decoding, and counted here too).
    qint64 dropped = 0;
    /// Frames waiting for or in decoding now.
    qint64 inFlight = 0;
};

/// The counters of off-loop decoding (see ChannelOptions::offloadDecodeBytes).
MAS_EXPORT OffloadDecodeStats offloadDecodeStats();

/// The most threads that decode large frames, shared by all servers of the process (at most 2,
/// and no more than QThread::idealThreadCount()).
MAS_EXPORT int offloadDecodeThreads();

/// For tests: `hook` is called on the worker thread as each off-loop decode begins, before the
/// frame is decoded (it may block, to hold a decode "in progress"); nullptr removes it.
MAS_EXPORT void setOffloadDecodeHook(std::function<void()> hook);

} // namespace mas
