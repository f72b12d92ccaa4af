// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/masnamespace.h>
#include <mas/core/result.h>
#include <mas/core/value.h>
#include <mas/trace/agentpath.h> // agentEndName(), formerly declared here
#include <mas/trace/trafficcontent.h>

#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

class QIODevice;

namespace mas {

/// One thing that happened in the traffic between peers: a frame sent, delivered, dropped,
/// duplicated or delayed, a connection opened or closed, or the clock moved. Four sources emit
/// them alike: a LocalQueue network (which steps them), a TrafficMonitor (containers on real
/// sockets), a TapRelay (a relay between two peers) and a remote MonitorService; the Inspector
/// and the explorer show, save and compare them without asking where they came from.
struct MAS_EXPORT TrafficEvent
{
    enum class Kind {
        Sent,       ///< a frame entered the queue (pending)
        Delivered,  ///< a pending frame reached its receiver
        Dropped,    ///< a pending frame was discarded (fault injection)
        Duplicated, ///< a pending frame was copied (the copy is `messageId`, `originalId` its source)
        Delayed,    ///< a pending frame was moved back in the delivery order
        Connected,  ///< a connection opened (from = client, to = server)
        Closed,     ///< one end closed its side of a connection
        ClockChanged, ///< the queue's external clock was set (simTime is the new time)
    };
    Q_GADGET
    Q_ENUM(Kind)
public:
    quint64 sequence = 0;    ///< 0, 1, 2, ... in the order things happened
    Kind kind = Kind::Sent;
    double simTime = 0;      ///< the queue's clock time (0 without a clock)
    qint64 wallTimeMs = 0;   ///< milliseconds since the epoch (not compared by diffs)
    quint64 messageId = 0;   ///< the frame's id in the queue (0 for connection/clock events)
    quint64 originalId = 0;  ///< Duplicated: the frame that was copied
    quint64 connection = 0;  ///< the connection's number in the queue (1, 2, ...)
    QString from;            ///< sender: a container's base address, or an agent's URL
    QString to;              ///< receiver: for requests to agents, the agent's URL
    MessageType type = MessageType::Request;
    qint64 requestId = -1;   ///< the channel's message id ([type, id, content])
    QString path;            ///< the RPC path of a request, or of the request a reply answers
    qsizetype size = 0;      ///< frame size in bytes, header included
    qint64 positions = 0;    ///< Delayed: how many places the frame moved back
    bool raw = false;        ///< the message is raw bytes, not aiomas framing (content: the bytes)
    bool halfClose = false;  ///< Closed, or a close delivered: only the end's write side closed (EOF)
    /// Decoded structurally (tags stay maps); null when not recorded. Reads as a Value; a
    /// recorded frame's content is decoded when it is first read (TrafficContent).
    TrafficContent content;

    /// The event as one JSON object (a line of a JSON Lines file).
    QByteArray toJson() const;
    /// Lines as toJson() writes them are read directly (keys compared in place, only the
    /// content decoded as a Value); any other line goes to fromJsonGeneral(), so both give the
    /// same event or the same error.
    static Result<TrafficEvent> fromJson(QByteArrayView line);
    /// The general parse: the whole line decoded as a Value first, then the event taken from it
    /// (slower; what fromJson() falls back on, kept for comparison in bench_inspector).
    static Result<TrafficEvent> fromJsonGeneral(QByteArrayView line);
    /// Equal in everything but wall time.
    bool sameAs(const TrafficEvent &other) const;
    /// A delivery, a fault (drop, duplicate, delay) or a clock change: what a replay does again
    /// (TrafficLog::schedule()); everything else follows from these.
    bool isAction() const;
    /// One line for people: "#12 t=3 delivered request agents/2/bid tcp://… -> …".
    QString toDisplayString() const;
    static QString kindName(Kind kind);
};

/// A recorded run: events in order, savable as JSON Lines and comparable with another run.
class MAS_EXPORT TrafficLog
{
public:
    TrafficLog() = default;
    explicit TrafficLog(std::vector<TrafficEvent> events)
        : m_events(std::move(events))
    {}

    const std::vector<TrafficEvent> &events() const { return m_events; }
    qsizetype size() const { return qsizetype(m_events.size()); }
    bool isEmpty() const { return m_events.empty(); }
    void append(TrafficEvent event) { m_events.push_back(std::move(event)); }
    /// Room for `size` events in all.
    void reserve(qsizetype size) { m_events.reserve(std::size_t(size)); }
    void clear() { m_events.clear(); }
    /// Moves the events out (the log is empty afterwards): for a store that keeps them.
    std::vector<TrafficEvent> takeEvents() { return std::exchange(m_events, {}); }

    /// Writes one JSON object per line.
    Result<void> write(QIODevice *device) const;
    /// Saves atomically (QSaveFile).
    Result<void> save(const QString &fileName) const;
    /// Reads JSON Lines; a first line with a "mas-session" key (a session file's header) is
    /// skipped, so session files read as logs.
    static Result<TrafficLog> read(QIODevice *device);
    static Result<TrafficLog> load(const QString &fileName);

    /// The index of the first event where the two runs part (wall time ignored), or nullopt if
    /// they are the same. When one log is a prefix of the other, the index is the shorter size.
    static std::optional<qsizetype> firstDifference(const TrafficLog &a, const TrafficLog &b);

    /// The deliveries and faults in order: what a replay re-imposes.
    std::vector<TrafficEvent> schedule() const;

private:
    std::vector<TrafficEvent> m_events;
};

} // namespace mas

Q_DECLARE_METATYPE(mas::TrafficEvent)
