// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>

#include <QObject>

#include <chrono>
#include <memory>

namespace mas {

class Container;
class TrafficMonitor;
class MonitorServicePrivate;

/// Settings of a MonitorService.
struct MonitorOptions
{
    /// Events kept for late or slow readers; older ones are dropped first.
    qsizetype maxEvents = 100'000;
    /// Most events one `events()` call returns.
    qsizetype maxBatch = 2'000;
    /// Longest `wait` an `events()` call may ask for.
    std::chrono::milliseconds maxWait{30'000};
};

/// Lets a remote MAS Inspector (or `mas call`) watch a container's traffic: exposes
/// `_monitor/info()` and `_monitor/events(since, max, wait)` on the container's root service.
///
/// - `info()` returns `{"container": base address, "codec": name, "time": clock time,
///   "agents": [{"aid", "type", "url"}...], "first": oldest kept sequence, "next": next sequence}`.
/// - `events(since, max=1000, wait=0)` returns `{"first", "next", "events": [line, ...]}` where each
///   line is a TrafficEvent as JSON text (TrafficEvent::fromJson reads it) with `sequence >= since`.
///   When nothing newer than `since` exists it waits up to `wait` seconds for the next event (a
///   long poll), so a reader sees traffic live with one outstanding call.
///
/// The monitor's own calls are not recorded. A Python aiomas peer simply does not call it. It
/// is an opt-in extension (`mas host --monitor`, examples' `--monitor`): whoever can connect to
/// the container can then read everything its agents send.
class MAS_EXPORT MonitorService : public QObject
{
    Q_OBJECT

public:
    /// The path the service is exposed under.
    static QString path();

    /// Installs the service on `container` (and is owned by it).
    explicit MonitorService(Container *container, const MonitorOptions &options = {});
    ~MonitorService() override;

    TrafficMonitor *monitor() const;

private:
    std::unique_ptr<MonitorServicePrivate> d;
};

} // namespace mas
