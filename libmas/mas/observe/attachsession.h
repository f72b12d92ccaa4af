// SPDX-License-Identifier: MIT
#pragma once

#include <mas/channel/channeloptions.h>
#include <mas/core/error.h>
#include <mas/core/mas_export.h>
#include <mas/trace/trafficlog.h>
#include <mas/transport/address.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <QCoro/QCoroTask>

#include <memory>
#include <optional>

namespace mas::rpc {
class RpcClient;
}

namespace mas {

/// A connection to a running container that the Inspector watches: ours (with a
/// MonitorService: its traffic arrives as events, live, through a long poll on
/// `_monitor/events`) or any other aiomas container (no monitor: only the calls the user makes
/// from the Inspector are seen; tap mode shows the rest).
///
/// Events keep the container's sequence numbers and message ids; the Inspector's session
/// renumbers them into its own store. Two things are changed for showing them: a client that
/// connects from a new port for every call (`mas call`) would be a new participant each time, so
/// the clients of one host are one participant, clientsOf(host) ("clients of 127.0.0.1"); and
/// simTime, the container's clock (counting from the container's start), becomes seconds since
/// attach. Lives in the main thread; never blocks it.
class MAS_EXPORT AttachSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Connecting, ///< opening the connection
        Watching,   ///< the container's monitor answers: events arrive live
        NoMonitor,  ///< connected, but the container offers no monitor (e.g. Python aiomas)
        Closed,     ///< the connection closed or failed (see error())
    };
    Q_ENUM(State)

    /// A remote agent as the monitor's info() lists it.
    struct AgentInfo
    {
        QString aid;
        QString type;
        QString url;
    };

    explicit AttachSession(QObject *parent = nullptr);
    ~AttachSession() override;

    /// Connects to `address` (a container address or an agent URL's container part) and starts
    /// watching. Completes once the state is known (Watching, NoMonitor or Closed).
    QCoro::Task<Result<void>> attach(Address address, ChannelOptions options = {});
    /// Closes the connection (pending polls end).
    void detach();

    State state() const { return m_state; }
    /// One line for the status bar.
    QString statusText() const;
    Address address() const { return m_address; }
    QString containerName() const { return m_containerName; }
    QList<AgentInfo> agents() const { return m_agents; }
    Error error() const { return m_error; }
    /// Events lost because the container's buffer dropped them before they were read.
    quint64 missedEvents() const { return m_missed; }
    /// The one participant the clients that connect from `host` are shown as.
    static QString clientsOf(const QString &host);

Q_SIGNALS:
    void eventReceived(const mas::TrafficEvent &event);
    void stateChanged(mas::AttachSession::State state);

private:
    QCoro::Task<void> pollLoop();
    void setState(State state);
    void readInfo(const Value &info);
    void present(TrafficEvent &event);

    std::unique_ptr<rpc::RpcClient> m_client;
    Address m_address;
    State m_state = State::Closed;
    QString m_containerName;
    QList<AgentInfo> m_agents;
    Error m_error;
    quint64 m_next = 0;
    quint64 m_missed = 0;
    quint64 m_generation = 0; // bumps on detach(): a running poll loop then ends
    QHash<QString, QString> m_clientNames; // "tcp://127.0.0.1:60454" -> clientsOf("127.0.0.1")
    qint64 m_attachedAtMs = 0;             // wall clock
    std::optional<double> m_timeOrigin;    // the container's clock at attach
};

} // namespace mas
