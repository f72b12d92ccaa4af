// SPDX-License-Identifier: MIT
#pragma once

// Private: the parts of the in-process network (LocalNetwork, LocalQueue).
//
// - LocalQueueDevice (localqueuedevice.cpp): one end of a connection; cuts what it is written
//   into frames and hands them to the network; reads what the network delivers to it.
// - LocalNetworkPrivate (localnetwork.cpp): the scheduler; the connections, the pending frames
//   of all queues in one order, free-running pumping, stepping and fault injection.
// - LocalRecorder (localrecorder.cpp): describes frames (describeFrame()) and records events
//   into the log and the eventRecorded() signal, only while someone observes.
// - Replay (localreplay.cpp): LocalNetwork::apply(), replay() and settle().

#include <mas/codec/codec.h>
#include <mas/trace/framedescription.h>
#include <mas/transport/localnetwork.h>

#include <QHash>
#include <QIODevice>
#include <QPointer>

#include <deque>
#include <map>
#include <memory>
#include <optional>

namespace mas {

class LocalQueueDevice;

/// One connection of the network: its two ends and what describing its frames needs.
struct LocalConnection
{
    quint64 number = 0;
    QPointer<LocalQueueDevice> client;
    QPointer<LocalQueueDevice> server;
    QString clientName;
    QString serverName;
    QString codecName;
    std::unique_ptr<Codec> decoder; ///< created when something is observed
    /// Kept after the answer: a duplicated request is answered twice.
    RequestPaths paths{false};
};

/// A pending frame and its direction (client to server: RequestPaths::Way::Out).
struct LocalItem
{
    PendingMessage message;
    bool toServer = true;
    bool described() const { return !message.from.isEmpty(); }
};

/// One end of a LocalQueue connection: what it writes becomes pending frames; what the network
/// delivers to it becomes readable.
class LocalQueueDevice : public QIODevice
{
public:
    LocalQueueDevice(const QString &queueId, quint64 connection, bool clientSide);
    ~LocalQueueDevice() override;

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_in.size() - m_readPos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_peerClosed && bytesAvailable() == 0; }
    void close() override;
    /// Closes the write side only (a socket's shutdown(SHUT_WR), asyncio's write_eof()): the
    /// peer gets end-of-stream after the frames written before, this end still reads.
    void closeWrite();
    /// Writes bytes that are not aiomas framing as one raw chunk, passed on unchanged; the
    /// connection is raw from then on (as when a write's length header exceeds the frame limit).
    void writeRaw(const QByteArray &chunk);

    quint64 connection() const { return m_connection; }
    bool isClientSide() const { return m_clientSide; }
    /// The bytes read last came as a raw chunk.
    bool receivedRaw() const { return m_receivedRaw; }

    /// The network delivers a frame (or raw chunk), or the peer's close (`half`: its write side).
    void receive(const QByteArray &frame, bool raw = false);
    void receiveClose(bool half = false);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QPointer<LocalNetwork> m_network;
    quint64 m_connection;
    bool m_clientSide;
    bool m_peerClosed = false;   ///< end of stream: nothing more to read
    bool m_peerGone = false;     ///< the peer closed altogether: writes fail
    bool m_writeClosed = false;  ///< closeWrite()
    bool m_raw = false;          ///< not aiomas framing: each write is a raw chunk
    bool m_receivedRaw = false;
    QByteArray m_in;
    qint64 m_readPos = 0;
    QByteArray m_out;
};

/// Describes frames and records the network's events (the log and LocalNetwork::eventRecorded).
class LocalRecorder
{
public:
    explicit LocalRecorder(LocalNetwork *network)
        : m_network(network)
    {}

    /// Whether events are wanted: recording, stepping (the pending list shows descriptions) or
    /// a listener of eventRecorded(). Nothing is decoded otherwise.
    bool observing(LocalNetwork::Mode mode) const;
    /// Fills the item's ends, type, id and path from its frame (once); returns the decoded
    /// content when it decodes.
    std::optional<Value> describe(LocalConnection &c, LocalItem &item);
    /// The event of `kind` for a frame; `content`: the frame's content if the caller decoded it
    /// already (else decoded here when recorded).
    TrafficEvent eventFor(TrafficEvent::Kind kind, const PendingMessage &m, const Value *content = nullptr) const;
    /// Numbers, stamps, logs (while recording) and emits an event.
    void record(TrafficEvent event, double simTime);
    void reset();

    bool recording = true;
    TrafficLog log;

private:
    LocalNetwork *m_network;
    quint64 m_nextSequence = 0;
};

/// The scheduler: connections, the pending frames of all queues in one order, delivery.
class LocalNetworkPrivate
{
public:
    explicit LocalNetworkPrivate(LocalNetwork *q)
        : q(q)
        , recorder(q)
    {}

    // from the devices
    enum class Item { Frame, Raw, Close, HalfClose };
    void enqueue(LocalQueueDevice *from, QByteArray frame, Item kind = Item::Frame);
    /// A new connection with both ends; the server end goes to the queue's server.
    LocalConnection &addConnection(const QString &clientName, const QString &serverName, const QString &codecName,
                                   const QString &queueId);

    void deliverAt(std::deque<LocalItem>::iterator it);
    void schedulePump();
    void pump();
    std::deque<LocalItem>::iterator findPending(quint64 id);
    /// Describes an item not described when it was sent (nobody was watching then).
    void ensureDescribed(LocalItem &item);
    bool observing() const { return recorder.observing(mode); }
    void record(TrafficEvent event) { recorder.record(std::move(event), simTime()); }
    double simTime() const;
    Error notPending(quint64 id) const;

    LocalNetwork *q;
    LocalRecorder recorder;
    LocalNetwork::Mode mode = LocalNetwork::Mode::FreeRunning;
    std::map<quint64, LocalConnection> connections;
    quint64 nextConnection = 1;
    std::deque<LocalItem> pending;
    quint64 nextMessageId = 1;
    bool pumpPosted = false;
    int lastRunDeliveries = 0;
    /// co_awaits the answer wait (LocalNetwork::setAnswerWait()); false (logged) on its error.
    QCoro::Task<bool> waitForAnswers();
    QPointer<QObject> answerWaitOwner;
    LocalNetwork::AnswerWait answerWait;
    QPointer<ExternalClock> clock;
    QMetaObject::Connection clockConnection;
    /// bindAddress(): normalized tcp:// or ipc:// address -> queue id.
    QHash<QString, QString> boundAddresses;
};

} // namespace mas
