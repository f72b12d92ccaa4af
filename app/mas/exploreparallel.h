// SPDX-License-Identifier: MIT
#pragma once

// `mas explore` on every core and many machines: a search split at a frontier of prefixes,
// explored by worker processes (--workers), by shards of an array job (--shard), and merged
// (--merge). See docs/explorer.md.

#include <mas/core/result.h>
#include <mas/system/explorer.h>
#include <mas/system/system.h>

#include <QCoro/QCoroTask>
#include <QString>
#include <QStringList>

#include <vector>

namespace mas::cli {

/// One search as `mas explore` was asked for it.
struct SplitSearch
{
    system::SystemType info;
    QString demo;
    QString systemFile; ///< --system FILE (absolute), else empty
    system::Parameters parameters;
    system::ExplorerOptions options;
    /// Depth-first: the search is split where the frontier first has at least this many
    /// prefixes (--frontier; 0: not split, one part); part of the search's fingerprint. Busy
    /// parts hand work off to idle workers (ExplorerOptions::onHandOff), so a few are enough.
    int frontier = 16;
    int workers = 1; ///< worker processes (1: in this process)
    int shardIndex = 0;
    int shardCount = 1;
    /// To start a worker: this program with these arguments (worker mode on).
    QString program;
    QStringList workerArguments;
    /// Seconds a worker may take beyond the time budget before it counts as hung.
    int workerGraceSeconds = 60;
};

/// What a split search (or a merge of shards) found, as the command prints it.
struct SplitOutcome
{
    system::ExplorerResult result;
    QString demo;
    QString systemFile;
    int parts = 0;          ///< parts of the whole search (prefixes, or random walks)
    int partsExplored = 0;  ///< parts whose results count (up to the canonical violation)
    int partsHandedOff = 0; ///< ... of which handed off by busy parts to idle ones (work stealing)
    int frontierDepth = 0;  ///< depth-first: the prefixes' depth (steps)
    qint64 frontierRuns = 0; ///< depth-first: runs spent finding the frontier
    QString fingerprint;
    qint64 cpuMs = 0; ///< this process's processor time
    qint64 frontierCpuMs = 0; ///< ... when the frontier was found (0: not split at a frontier)
    /// Each worker process's processor time (empty: explored in this process)
    std::vector<qint64> workerCpuMs;
    /// The shard's result as JSON (for --result and --merge).
    QByteArray json;
};

/// Explores `search`: the frontier (depth first) or the walks (random), this shard's parts of
/// them on `search.workers` processes, combined in a canonical way (the violation of the first
/// part in search order that has one).
QCoro::Task<Result<SplitOutcome>> runSplitSearch(SplitSearch search);

/// The worker's side: reads parts from stdin (one JSON object a line), explores each, writes
/// its result to stdout (one JSON line each), until stdin ends. Returns the exit code.
QCoro::Task<int> runExploreWorker(system::SystemType info, system::Parameters parameters,
                                  system::ExplorerOptions options);

/// Combines result files of shards of one search (--merge).
Result<SplitOutcome> mergeSplitResults(const QStringList &files);

} // namespace mas::cli
