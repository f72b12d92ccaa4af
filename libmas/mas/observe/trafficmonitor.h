// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/trace/trafficlog.h>

#include <QObject>

#include <memory>

namespace mas {

class Channel;
class Clock;
class Container;
class TrafficMonitorPrivate;

/// Records the traffic of containers on real transports (TCP, Unix sockets, TLS) as the same
/// TrafficEvents a LocalQueue records, so that the Inspector shows both alike.
///
/// The monitor observes each connection's channel (ChannelObserver): a frame the channel writes
/// is *sent*, a frame it reads is *delivered*. When both ends of a connection are watched by the
/// same monitor (two containers in one process), the two observations of a frame become one
/// message, sent at one end and delivered at the other. When the other end is out of sight (a
/// remote peer), the frame is sent and delivered at the moment this end sees it.
///
/// \code
/// mas::TrafficMonitor monitor;
/// monitor.watch(containerA);
/// monitor.watch(containerB);
/// QObject::connect(&monitor, &mas::TrafficMonitor::eventRecorded, [](const mas::TrafficEvent &e) {
///     qDebug() << e.toDisplayString();
/// });
/// \endcode
/// `observe/` only reads: a monitor never changes what the containers do. Lives in one thread,
/// the containers' thread.
class MAS_EXPORT TrafficMonitor : public QObject
{
    Q_OBJECT

public:
    explicit TrafficMonitor(QObject *parent = nullptr);
    ~TrafficMonitor() override;

    /// Observes the container's open connections and every one it opens later, until it is
    /// destroyed or unwatch() is called. simTime comes from the container's clock.
    void watch(Container *container);
    void unwatch(Container *container);
    /// Observes one channel that belongs to no watched container (e.g. a client's own
    /// connection): `selfName` names this end, `serverAddress` the server it talks to. With a
    /// `clock`, events carry its time as simTime.
    void watchChannel(Channel *channel, const QString &selfName, const QString &serverAddress,
                      Clock *clock = nullptr);
    /// Leaves this channel's traffic out.
    void ignore(Channel *channel);
    /// Leaves out requests whose path starts with `prefix`, and their replies (e.g. the
    /// monitor's own service, "_monitor/"). Empty: nothing is left out.
    void ignorePathPrefix(const QString &prefix);

    /// Every event since construction or clear() is kept in eventLog() when recording is on (the
    /// default), up to maxEvents() (the oldest are dropped first); eventRecorded() is emitted
    /// either way.
    void setRecording(bool on);
    bool isRecording() const;
    void setMaxEvents(qsizetype max);
    qsizetype maxEvents() const;
    TrafficLog eventLog() const;
    /// Sequence number of the oldest kept event, and of the next event to be recorded.
    quint64 firstSequence() const;
    quint64 nextSequence() const;
    /// The kept events with sequence >= `since`, at most `max` of them.
    std::vector<TrafficEvent> eventsSince(quint64 since, qsizetype max) const;
    void clear();

Q_SIGNALS:
    void eventRecorded(const mas::TrafficEvent &event);

private:
    friend class TrafficMonitorPrivate;
    std::unique_ptr<TrafficMonitorPrivate> d;
};

} // namespace mas
