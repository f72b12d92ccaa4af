// SPDX-License-Identifier: MIT
// The recorder: frames described for observers, events numbered, logged and emitted (see
// localnetwork_p.h).
#include "localnetwork_p.h"

#include <mas/transport/framing.h>

#include "mas/core/logging_p.h"

#include <QDateTime>
#include <QMetaMethod>

namespace mas {

namespace {

/// The bytes of a raw chunk an event keeps.
constexpr qsizetype kRawContentLimit = 4096;

QString codecNameOr(const QString &name)
{
    return name.isEmpty() ? QStringLiteral("json") : name;
}

} // namespace

// ---- PendingMessage ----

Result<Value> PendingMessage::content() const
{
    if (isClose)
        return Value();
    if (isRaw)
        return Value::bytes(frame);
    MAS_TRY(codec, Codec::create(codecNameOr(codecName)));
    MAS_TRY(triple, codec->decodeStructural(QByteArrayView(frame).sliced(kFrameHeaderSize)));
    if (!triple.isList() || triple.size() != 3)
        return Error(ErrorCode::InvalidMessage, mas::tr("Not a [type, id, content] message"));
    return triple.at(2);
}

// ---- LocalRecorder ----

bool LocalRecorder::observing(LocalNetwork::Mode mode) const
{
    // Looked up once: QMetaMethod::fromSignal() searches the meta-object on every call.
    static const QMetaMethod eventRecorded = QMetaMethod::fromSignal(&LocalNetwork::eventRecorded);
    return recording || mode == LocalNetwork::Mode::Stepped || m_network->isSignalConnected(eventRecorded);
}

std::optional<Value> LocalRecorder::describe(LocalConnection &c, LocalItem &item)
{
    PendingMessage &m = item.message;
    m.from = item.toServer ? c.clientName : c.serverName;
    m.to = item.toServer ? c.serverName : c.clientName;
    m.codecName = c.codecName;
    if (m.isClose)
        return std::nullopt;
    if (m.isRaw)
        return Value::bytes(m.frame.left(kRawContentLimit));
    if (!c.decoder) {
        Result<std::unique_ptr<Codec>> codec = Codec::create(codecNameOr(c.codecName));
        if (!codec)
            return std::nullopt;
        c.decoder = std::move(*codec);
    }
    TrafficEvent e;
    e.from = m.from;
    e.to = m.to;
    const Result<void> described = describeFrame(e, QByteArrayView(m.frame).sliced(kFrameHeaderSize), *c.decoder,
                                                  c.paths, item.toServer ? RequestPaths::Way::Out : RequestPaths::Way::In);
    if (!described) {
        // The receiving channel reports it when it is delivered.
        qCDebug(lcLocalQueue).noquote() << "frame" << m.id << "from" << m.from
                                        << "is not a message:" << described.error().message();
        return std::nullopt;
    }
    m.from = e.from;
    m.to = e.to;
    m.type = e.type;
    m.requestId = e.requestId;
    m.path = e.path;
    return std::move(e.content);
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
    if (recording)
        log.append(event);
    Q_EMIT m_network->eventRecorded(event);
}

void LocalRecorder::reset()
{
    log.clear();
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

const TrafficLog &LocalNetwork::eventLog() const
{
    return d->recorder.log;
}

void LocalNetwork::clearEventLog()
{
    d->recorder.log.clear();
}

} // namespace mas
