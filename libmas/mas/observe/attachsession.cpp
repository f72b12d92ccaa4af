// SPDX-License-Identifier: MIT
#include "attachsession.h"

#include <mas/core/peertext.h>
#include <mas/observe/monitorservice.h>
#include <mas/rpc/rpcclient.h>

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace mas {

namespace {
Q_LOGGING_CATEGORY(lcAttach, "mas.inspector.attach")

constexpr double kPollWaitSeconds = 5.0;
constexpr qint64 kPollBatch = 2000;
} // namespace

AttachSession::AttachSession(QObject *parent)
    : QObject(parent)
{
}

AttachSession::~AttachSession()
{
    ++m_generation;
}

QString AttachSession::statusText() const
{
    switch (m_state) {
    case State::Connecting:
        return tr("Connecting to %1…").arg(m_address.toString());
    case State::Watching:
        return tr("Watching %1").arg(m_containerName.isEmpty() ? m_address.toString() : m_containerName);
    case State::NoMonitor:
        return tr("Connected to %1 (no traffic monitor: only your calls are shown)").arg(m_address.toString());
    case State::Closed:
        return m_error.isError() ? tr("Disconnected from %1: %2").arg(m_address.toString(), m_error.message())
                                 : tr("Not attached");
    }
    return {};
}

QString AttachSession::clientsOf(const QString &host)
{
    return tr("clients of %1").arg(host);
}

void AttachSession::present(TrafficEvent &event)
{
    // A client's connection is announced by a Connected event from its peer name
    // ("tcp://host:port", a new port for every short-lived client): its host's clients are one.
    if (event.kind == TrafficEvent::Kind::Connected && !m_clientNames.contains(event.from)) {
        static const QRegularExpression peer(QStringLiteral("^tcp://(\\[[^\\]]*\\]|[^/\\[\\]]+):\\d+$"));
        if (const QRegularExpressionMatch m = peer.match(event.from); m.hasMatch())
            m_clientNames.insert(event.from, clientsOf(m.captured(1)));
    }
    for (QString *address : {&event.from, &event.to}) {
        if (const auto it = m_clientNames.constFind(*address); it != m_clientNames.constEnd())
            *address = it.value();
    }
    // Seconds since attach: the first event's distance from the attach on the wall clock, then
    // the container's own clock.
    if (!m_timeOrigin)
        m_timeOrigin = event.simTime - qMax(0.0, double(event.wallTimeMs - m_attachedAtMs) / 1000.0);
    event.simTime -= *m_timeOrigin;
}

void AttachSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void AttachSession::readInfo(const Value &info)
{
    m_containerName = info.value(u"container").toString();
    m_agents.clear();
    for (const Value &a : info.value(u"agents").asList())
        m_agents.append({a.value(u"aid").toString(), a.value(u"type").toString(), a.value(u"url").toString()});
    m_next = quint64(qMax<qint64>(0, info.value(u"first").toInt()));
}

QCoro::Task<Result<void>> AttachSession::attach(Address address, ChannelOptions options)
{
    detach();
    QPointer<AttachSession> self(this);
    const quint64 generation = m_generation;
    m_address = address;
    m_error = Error();
    m_clientNames.clear();
    m_timeOrigin.reset();
    m_attachedAtMs = QDateTime::currentMSecsSinceEpoch();
    setState(State::Connecting);
    if (!options.connectTimeout || *options.connectTimeout == std::chrono::milliseconds(0))
        options.connectTimeout = std::chrono::milliseconds(0);
    Result<std::unique_ptr<rpc::RpcClient>> opened = co_await rpc::openConnection(address, nullptr, options);
    if (!self || generation != m_generation)
        co_return Error(ErrorCode::Cancelled, tr("Detached while connecting"));
    if (!opened) {
        m_error = opened.error();
        qCWarning(lcAttach).noquote() << "cannot attach to" << address.toString() << ':' << peerText(m_error.toString());
        setState(State::Closed);
        co_return m_error;
    }
    m_client = std::move(*opened);
    connect(m_client.get(), &rpc::RpcClient::connectionReset, this, [this](const Error &reason) {
        if (m_state == State::Closed)
            return;
        m_error = reason.isError() ? reason : Error(ErrorCode::ConnectionClosed, tr("The container closed the connection"));
        qCWarning(lcAttach).noquote() << "connection to" << m_address.toString() << "closed:" << peerText(m_error.toString());
        setState(State::Closed);
    });
    const QString infoPath = MonitorService::path() + QStringLiteral("/info");
    Result<Value> info = co_await m_client->call(infoPath);
    if (!self || generation != m_generation)
        co_return Error(ErrorCode::Cancelled, tr("Detached while connecting"));
    if (!info) {
        if (info.error().code() == ErrorCode::RemoteException) {
            // A container without a monitor (Python aiomas, or ours without --monitor).
            qCInfo(lcAttach).noquote() << address.toString() << "offers no monitor:" << peerText(info.error().message());
            setState(State::NoMonitor);
            co_return Result<void>();
        }
        m_error = info.error();
        setState(State::Closed);
        co_return m_error;
    }
    readInfo(*info);
    setState(State::Watching);
    QCoro::connect(pollLoop(), this, [] {});
    co_return Result<void>();
}

QCoro::Task<void> AttachSession::pollLoop()
{
    QPointer<AttachSession> self(this);
    const quint64 generation = m_generation;
    const QString eventsPath = MonitorService::path() + QStringLiteral("/events");
    while (self && generation == m_generation && m_state == State::Watching && m_client) {
        Value::List args;
        args.push_back(Value(qint64(m_next)));
        args.push_back(Value(kPollBatch));
        args.push_back(Value(kPollWaitSeconds));
        // The poll waits at most kPollWaitSeconds there; the request's own timeout (60 s)
        // catches a container that stops answering.
        Result<Value> batch = co_await m_client->call(eventsPath, std::move(args));
        if (!self || generation != m_generation)
            co_return;
        if (!batch) {
            if (m_state != State::Closed) {
                m_error = batch.error();
                qCWarning(lcAttach).noquote() << "monitor poll failed:" << peerText(m_error.toString());
                setState(State::Closed);
            }
            co_return;
        }
        const quint64 first = quint64(batch->value(u"first").toInt());
        if (first > m_next)
            m_missed += first - m_next;
        for (const Value &line : batch->value(u"events").asList()) {
            Result<TrafficEvent> e = TrafficEvent::fromJson(line.toString().toUtf8());
            if (!e) {
                qCWarning(lcAttach).noquote() << "unreadable event from the monitor:" << peerText(e.error().toString());
                continue;
            }
            m_next = e->sequence + 1;
            present(*e);
            Q_EMIT eventReceived(*e);
            if (!self || generation != m_generation)
                co_return;
        }
        m_next = qMax(m_next, quint64(batch->value(u"next").toInt()));
    }
}

void AttachSession::detach()
{
    ++m_generation;
    if (m_client) {
        rpc::RpcClient *client = m_client.release();
        disconnect(client, nullptr, this, nullptr);
        QCoro::connect(client->close(), client, [client] { client->deleteLater(); });
    }
    if (m_state != State::Closed) {
        m_error = Error();
        setState(State::Closed);
    }
}

} // namespace mas
