// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/transport/localnetwork.h>

#include <QObject>
#include <QString>

#include <functional>

class QIODevice;

namespace mas {

/// One queue id of the in-process network (aiomas's `LocalQueue`): the address `local://ID`
/// one container serves. Containers reach each other at `local://QUEUE_ID/AID` with the same
/// channel, RPC and agent code as over TCP; the frames are the same bytes.
///
/// A queue is only an address and its server: stepping, faults, the event log, replay and their
/// signals are the network's, for every queue at once (LocalNetwork::instance(), or network()).
class MAS_EXPORT LocalQueue : public QObject
{
    Q_OBJECT

public:
    // registry (aiomas's get_queue / clear_queue_cache)
    /// The queue with this id, created on first use. Ids must be non-empty and hold no "/".
    static LocalQueue *get(const QString &queueId);
    /// The queue with this id if it exists.
    static LocalQueue *find(const QString &queueId);
    /// Forgets (deletes) every queue and resets the network.
    static void clearCache();

    ~LocalQueue() override;
    QString queueId() const;
    static LocalNetwork *network() { return LocalNetwork::instance(); }

    // transport (used by openConnection and ChannelServer for local:// addresses)
    /// Serves connections (one server per queue). `name` labels the server in events.
    Result<void> setServer(std::function<void(QIODevice *)> onConnection, const QString &name,
                           const QString &codecName);
    void unsetServer();
    bool hasServer() const;
    /// Renames the server end in events from now on (a container with one agent names it after
    /// that agent).
    void setServerName(const QString &name);
    /// Opens a connection to the server; ConnectionRefused without one. The device is
    /// the caller's.
    Result<QIODevice *> connectToServer(const QString &clientName, const QString &codecName);

private:
    explicit LocalQueue(const QString &queueId, QObject *parent = nullptr);
    QString m_queueId;
    std::function<void(QIODevice *)> m_server;
    QString m_serverName;
    QString m_serverCodec;
};

} // namespace mas
