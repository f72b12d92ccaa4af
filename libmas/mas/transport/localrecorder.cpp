// SPDX-License-Identifier: MIT
// The recorder: frames described for observers, events numbered, logged and emitted (see
// localnetwork_p.h).
#include "localnetwork_p.h"

#include <mas/transport/framing.h>

#include "mas/core/logging_p.h"

#include <QDateTime>
#include <QMetaMethod>

#include <algorithm>
#include <cstring>
#include <ctime>

namespace mas {

namespace {

/// The bytes of a raw chunk an event keeps.
constexpr qsizetype kRawContentLimit = 4096;
/// The raw records' room kept after a flush (records, about 18 MB at 72 B each), and their
/// frames' (bytes).
constexpr std::size_t kKeptRecordCapacity = 1 << 18;
constexpr std::size_t kKeptFrameCapacity = 4 << 20;

QString codecNameOr(const QString &name)
{
    return name.isEmpty() ? QStringLiteral("json") : name;
}

/// The content of a frame's [type, id, content] (structurally), for a frame that may not be a
/// valid message (what PendingMessage::content() gives).
Result<Value> frameContent(QByteArrayView frame, const QString &codecName)
{
    MAS_TRY(codec, Codec::create(codecNameOr(codecName)));
    MAS_TRY(triple, codec->decodeStructural(frame.sliced(kFrameHeaderSize)));
    if (!triple.isList() || triple.size() != 3)
        return Error(ErrorCode::InvalidMessage, mas::tr("Not a [type, id, content] message"));
    return triple.at(2);
}

} // namespace

// ---- PendingMessage ----

Result<Value> PendingMessage::content() const
{
    if (isClose)
        return Value();
    if (isRaw)
        return Value::bytes(frame);
    return frameContent(frame, codecName);
}

// ---- LocalRecorder ----

static const QMetaMethod &eventRecordedSignal()
{
    // Looked up once: QMetaMethod::fromSignal() searches the meta-object on every call.
    static const QMetaMethod signal = QMetaMethod::fromSignal(&LocalNetwork::eventRecorded);
    return signal;
}

bool LocalRecorder::live(LocalNetwork::Mode mode) const
{
    if (mode == LocalNetwork::Mode::Stepped)
        return true;
    // Asked of Qt only while something may listen (twice per frame otherwise).
    return eventRecordedHeard.heard([this] { return m_network->isSignalConnected(eventRecordedSignal()); });
}

LocalConnectionInfo &LocalRecorder::addConnection(quint64 number, const QString &clientName,
                                                  const QString &serverName, const QString &codecName)
{
    LocalConnectionInfo &c = m_connections[number];
    c.number = number;
    c.clientName = clientName;
    c.serverName = serverName;
    c.codecName = codecName;
    return c;
}

void LocalRecorder::removeConnection(quint64 number)
{
    if (m_records.empty())
        m_connections.erase(number);
    else
        m_removedConnections.push_back(number); // a raw record may still need it
}

const LocalConnectionInfo *LocalRecorder::connectionInfo(quint64 number) const
{
    const auto it = m_connections.find(number);
    return it == m_connections.end() ? nullptr : &it->second;
}

LocalRecorder::Description LocalRecorder::describeFrameOf(LocalConnectionInfo *c, QByteArrayView frame,
                                                          quint64 messageId, bool toServer, bool isClose,
                                                          Value *content, bool isRaw, bool *isMessage)
{
    if (isMessage)
        *isMessage = false;
    Description d;
    if (!c)
        return d;
    d.from = toServer ? c->clientName : c->serverName;
    d.to = toServer ? c->serverName : c->clientName;
    if (isRaw) {
        if (content)
            *content = Value::bytes(frame.first(std::min(frame.size(), kRawContentLimit)).toByteArray());
        return d;
    }
    if (isClose || frame.size() < kFrameHeaderSize)
        return d;
    if (!c->decoder) {
        Result<std::unique_ptr<Codec>> codec = Codec::create(codecNameOr(c->codecName));
        if (!codec)
            return d;
        c->decoder = std::shared_ptr<Codec>(std::move(*codec));
    }
    TrafficEvent e;
    e.from = d.from;
    e.to = d.to;
    const Result<void> described = describeFrame(e, frame.sliced(kFrameHeaderSize), *c->decoder,
                                                  c->paths, toServer ? RequestPaths::Way::Out : RequestPaths::Way::In);
    if (!described) {
        // The receiving channel reports it when it is delivered.
        qCDebug(lcLocalQueue).noquote() << "frame" << messageId << "from" << d.from
                                        << "is not a message:" << described.error().message();
        if (content) {
            if (Result<Value> decoded = frameContent(frame, c->codecName))
                *content = std::move(*decoded);
        }
        return d;
    }
    if (isMessage)
        *isMessage = true;
    // Names equal to the last ones are shared, not kept as copies of their own.
    if (e.path == c->lastPath)
        e.path = c->lastPath;
    else
        c->lastPath = e.path;
    QString &agentEnd = e.type == MessageType::Request ? e.to : e.from; // agentEndName()'s
    if (agentEnd == c->lastAgentEnd)
        agentEnd = c->lastAgentEnd;
    else if (agentEnd != c->clientName && agentEnd != c->serverName)
        c->lastAgentEnd = agentEnd;
    d.from = std::move(e.from);
    d.to = std::move(e.to);
    d.type = e.type;
    d.requestId = e.requestId;
    d.path = std::move(e.path);
    if (content)
        *content = e.content.take();
    return d;
}

void LocalRecorder::apply(TrafficEvent &e, const Description &d)
{
    e.from = d.from;
    e.to = d.to;
    e.type = d.type;
    e.requestId = d.requestId;
    e.path = d.path;
}

std::optional<Value> LocalRecorder::describe(LocalItem &item)
{
    // The raw records first: the requests they hold enter the connection's book before this frame.
    flush();
    PendingMessage &m = item.message;
    auto conn = m_connections.find(m.connection);
    LocalConnectionInfo *c = conn == m_connections.end() ? nullptr : &conn->second;
    if (c)
        m.codecName = c->codecName;
    if (item.recordedRaw) {
        if (auto it = m_described.constFind(m.id); it != m_described.constEnd()) {
            // Described when its Sent event was: not decoded again.
            m.from = it->from;
            m.to = it->to;
            m.type = it->type;
            m.requestId = it->requestId;
            m.path = it->path;
            return std::nullopt;
        }
    }
    Value content;
    Description d = describeFrameOf(c, m.frame, m.id, item.toServer, m.isClose, &content, m.isRaw);
    m.from = std::move(d.from);
    m.to = std::move(d.to);
    m.type = d.type;
    m.requestId = d.requestId;
    m.path = std::move(d.path);
    if (m.isRaw)
        return content;
    if (m.isClose || m.requestId < 0)
        return std::nullopt; // not a message: eventFor() decodes what it can
    return content;
}

TrafficEvent LocalRecorder::eventFor(TrafficEvent::Kind kind, const PendingMessage &m, const Value *content) const
{
    TrafficEvent e;
    e.kind = kind;
    e.messageId = m.id;
    e.connection = m.connection;
    e.from = m.from;
    e.to = m.to;
    e.type = m.type;
    e.requestId = m.requestId;
    e.path = m.path;
    e.size = m.size;
    e.raw = m.isRaw;
    e.halfClose = m.halfClose;
    if (recording && !m.isClose && (kind == TrafficEvent::Kind::Sent || kind == TrafficEvent::Kind::Duplicated)) {
        if (content)
            e.content = *content; // decoded by describe() already
        else if (m.isRaw)
            e.content = Value::bytes(m.frame.left(kRawContentLimit));
        else if (Result<Value> decoded = m.content())
            e.content = *decoded;
    }
    return e;
}

void LocalRecorder::record(TrafficEvent event, double simTime)
{
    event.sequence = m_nextSequence++;
    event.simTime = simTime;
    event.wallTimeMs = QDateTime::currentMSecsSinceEpoch();
    if (recording) {
        flush(); // the raw records happened first
        m_log.append(event);
    }
    Q_EMIT m_network->eventRecorded(event);
}

/// A raw record's wall time: the coarse clock (a jiffy's resolution, no faster than a
/// millisecond matters here) where there is one; it costs a fraction of the precise one.
qint64 LocalRecorder::wallTimeNowMs()
{
#ifdef CLOCK_REALTIME_COARSE
    timespec now;
    if (clock_gettime(CLOCK_REALTIME_COARSE, &now) == 0)
        return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
#endif
    return QDateTime::currentMSecsSinceEpoch();
}

void LocalRecorder::recordRaw(TrafficEvent::Kind kind, LocalItem &item, double simTime, qint64 wallTimeMs)
{
    const PendingMessage &m = item.message;
    LocalRecord r{
        .messageId = m.id,
        .connection = m.connection,
        .size = 0, // the list's
        .kind = quint8(kind),
        .flags = quint8(quint8(item.toServer) * LocalRecord::ToServer | quint8(m.isClose) * LocalRecord::IsClose
                        | quint8(m.isRaw) * LocalRecord::IsRaw | quint8(m.halfClose) * LocalRecord::HalfClose),
    };
    if (wallTimeMs < 0)
        wallTimeMs = wallTimeNowMs();
    // Delivered: no frame when its description is waiting (its Sent was recorded raw).
    if (kind == TrafficEvent::Kind::Delivered && item.recordedRaw) {
        m_records.push_back(r, m_nextSequence++, simTime, wallTimeMs, m.size);
        return;
    }
    if (kind != TrafficEvent::Kind::Delivered)
        item.recordedRaw = true;
    // A copy (the frame's buffer is recycled) into room grown in large steps: the buffer's size
    // is its room, m_framesFill the part in use. The records that keep their frames find them
    // in order (LocalRecordList::Shared::frameOffset).
    r.flags |= LocalRecord::FrameKept;
    const qsizetype n = m.frame.size();
    if (m_framesFill + n > m_frames.size())
        m_frames.resize(std::max({m_frames.size() * 2, m_framesFill + n, qsizetype(4096)}));
    std::memcpy(m_frames.data() + m_framesFill, m.frame.constData(), std::size_t(n));
    m_framesFill += n;
    m_records.push_back(r, m_nextSequence++, simTime, wallTimeMs, n);
}

void LocalRecorder::recordRawDelivered(LocalItem &item, double simTime, qint64 wallTimeMs)
{
    const PendingMessage &m = item.message;
    if (!item.recordedRaw || m.isClose || m.isRaw) {
        recordRaw(TrafficEvent::Kind::Delivered, item, simTime, wallTimeMs);
        return;
    }
    const quint64 sequence = m_nextSequence++;
    if (m_records.extendRun(m.id, m.connection, item.toServer, sequence, simTime, wallTimeMs))
        return;
    m_records.push_back(LocalRecord{.messageId = m.id,
                                    .connection = m.connection,
                                    .size = 0,
                                    .kind = quint8(TrafficEvent::Kind::Delivered),
                                    .flags = quint8(LocalRecord::DeliveredRun | (item.toServer ? LocalRecord::ToServer : 0))},
                        sequence, simTime, wallTimeMs, 1);
}

void LocalRecorder::recordRaw(TrafficEvent::Kind kind, quint64 connection, double simTime)
{
    m_records.push_back(LocalRecord{.messageId = 0, .connection = connection, .size = 0, .kind = quint8(kind), .flags = 0},
                        m_nextSequence++, simTime, wallTimeNowMs(), 0);
}

void LocalRecorder::forget(quint64 messageId)
{
    if (!m_records.empty())
        m_forgotten.push_back(messageId); // its Sent record may not be described yet
    else if (!m_described.isEmpty())
        m_described.remove(messageId);
}

namespace {

/// The book entry a described item stands for: a request (an aiomas message) on a connection.
bool isDescribedRequest(const LocalItem &item)
{
    const PendingMessage &m = item.message;
    return item.described() && !m.isClose && !m.isRaw && m.type == MessageType::Request && m.requestId >= 0;
}

} // namespace

void LocalRecorder::copied(const LocalItem &copy)
{
    if (!isDescribedRequest(copy))
        return;
    if (auto conn = m_connections.find(copy.message.connection); conn != m_connections.end())
        conn->second.paths.open(copy.toServer ? RequestPaths::Way::Out : RequestPaths::Way::In,
                                copy.message.requestId, copy.message.path);
}

void LocalRecorder::dropped(const LocalItem &item)
{
    if (!isDescribedRequest(item))
        return;
    if (auto conn = m_connections.find(item.message.connection); conn != m_connections.end())
        conn->second.paths.withdraw(item.toServer ? RequestPaths::Way::Out : RequestPaths::Way::In,
                                    item.message.requestId);
}

qsizetype LocalRecorder::heldRequestPaths() const
{
    qsizetype n = 0;
    for (const auto &[number, c] : m_connections)
        n += c.paths.size();
    return n;
}

void LocalRecorder::flush(bool keep)
{
    if (m_records.empty())
        return;
    LocalRecordList records;
    records.swap(m_records);
    LocalConnectionInfo *c = nullptr;
    const std::size_t count = records.size();
    // The events' contents stay encoded in the frames' buffer, shared.
    QByteArray chunk = keep ? m_frames : QByteArray();
    if (keep)
        m_log.reserve(m_log.size() + qsizetype(count));
    records.forEach([&](const LocalRecord &r, const LocalRecordList::Shared &s) {
        if (r.connection != 0 && (!c || c->number != r.connection)) {
            auto conn = m_connections.find(r.connection);
            c = conn == m_connections.end() ? nullptr : &conn->second;
        }
        const bool toServer = r.has(LocalRecord::ToServer);
        const bool isClose = r.has(LocalRecord::IsClose);
        const bool isRaw = r.has(LocalRecord::IsRaw);
        TrafficEvent e;
        e.sequence = s.sequence;
        e.kind = r.eventKind();
        e.simTime = s.simTime;
        e.wallTimeMs = s.wallTimeMs;
        e.messageId = r.messageId;
        e.connection = r.connection;
        e.size = s.size;
        e.raw = isRaw;
        e.halfClose = r.has(LocalRecord::HalfClose);
        switch (e.kind) {
        case TrafficEvent::Kind::Connected:
            if (c) {
                e.from = c->clientName;
                e.to = c->serverName;
            }
            break;
        case TrafficEvent::Kind::Sent:
        case TrafficEvent::Kind::Closed: {
            const bool wanted = keep && !isClose;
            Value content;
            bool isMessage = false;
            const Description d = describeFrameOf(c, frameOf(s), r.messageId, toServer, isClose,
                                                  wanted ? &content : nullptr, isRaw, &isMessage);
            if (wanted && isMessage && c)
                e.content = TrafficContent::encoded(chunk, s.frameOffset + kFrameHeaderSize,
                                                    s.size - kFrameHeaderSize, c->decoder);
            else if (wanted)
                e.content = std::move(content);
            apply(e, d);
            m_described.insert(r.messageId, d)->size = s.size;
            break;
        }
        case TrafficEvent::Kind::Delivered:
            if (auto it = m_described.find(r.messageId); it != m_described.end()) {
                apply(e, *it);
                if (r.has(LocalRecord::DeliveredRun))
                    e.size = it->size;
                m_described.erase(it);
            } else {
                apply(e, describeFrameOf(c, frameOf(s), r.messageId, toServer, isClose, nullptr, isRaw));
            }
            break;
        default:
            break;
        }
        if (keep)
            m_log.append(std::move(e));
    });
    chunk = QByteArray();
    m_framesFill = 0; // the room is kept
    if (!m_frames.isDetached()) {
        // Events share it: put aside; the one put aside before is reused if they let go of it.
        QByteArray held = std::exchange(m_frames, QByteArray());
        if (m_heldFrames.isDetached() && m_heldFrames.size() <= qsizetype(kKeptFrameCapacity))
            m_frames = std::move(m_heldFrames);
        m_heldFrames = std::move(held);
    }
    if (m_frames.size() > qsizetype(kKeptFrameCapacity))
        m_frames = QByteArray();
    for (quint64 id : m_forgotten)
        m_described.remove(id);
    m_forgotten.clear();
    for (quint64 number : m_removedConnections)
        m_connections.erase(number);
    m_removedConnections.clear();
    // The records' room is kept for the next ones, up to a bound.
    records.clear(kKeptRecordCapacity);
    if (m_records.empty())
        m_records.swap(records);
}

const TrafficLog &LocalRecorder::log()
{
    flush();
    return m_log;
}

void LocalRecorder::clearLog()
{
    // Described without keeping the events: later frames' events need the requests' paths
    // and the descriptions of frames still pending.
    flush(false);
    m_log.clear();
}

void LocalRecorder::reset()
{
    m_records.clear();
    m_frames = QByteArray();
    m_framesFill = 0;
    m_heldFrames = QByteArray();
    m_log.clear();
    m_described.clear();
    m_forgotten.clear();
    m_connections.clear();
    m_removedConnections.clear();
    m_nextSequence = 0;
    recording = true;
}

// ---- LocalNetwork: the event log ----

void LocalNetwork::setRecording(bool on)
{
    d->recorder.recording = on;
}

bool LocalNetwork::isRecording() const
{
    return d->recorder.recording;
}

void LocalNetwork::connectNotify(const QMetaMethod &signal)
{
    if (signal == eventRecordedSignal())
        d->recorder.eventRecordedHeard.connected();
    else if (signal == LocalNetworkPrivate::pendingChangedSignal())
        d->pendingHeard.connected();
    QObject::connectNotify(signal);
}

const TrafficLog &LocalNetwork::eventLog() const
{
    return d->recorder.log();
}

void LocalNetwork::clearEventLog()
{
    d->recorder.clearLog();
}

} // namespace mas
