// SPDX-License-Identifier: MIT
#pragma once

// Private: the parts of the in-process network (LocalNetwork, LocalQueue).
//
// - LocalQueueDevice (localqueuedevice.cpp): one end of a connection; cuts what it is written
//   into frames and hands them to the network; reads what the network delivers to it.
// - LocalNetworkPrivate (localnetwork.cpp): the scheduler; the connections, the pending frames
//   of all queues in one order, free-running pumping, stepping and fault injection.
// - LocalRecorder (localrecorder.cpp): describes frames (describeFrame()) and records events
//   into the log and the eventRecorded() signal, only while someone observes; raw (described
//   when the log is read) while nobody watches live.
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
#include <unordered_map>
#include <vector>

namespace mas {

class LocalQueueDevice;

/// What describing the frames of one connection needs. The recorder keeps it for as long as
/// the connection lasts or a raw record refers to it (LocalRecorder::addConnection()).
struct LocalConnectionInfo
{
    quint64 number = 0;
    QString clientName;
    QString serverName;
    QString codecName;
    std::unique_ptr<Codec> decoder; ///< created when a frame is described
    /// One book for the pending list and the event log: the recorder describes its raw records
    /// before a frame is described live, so requests enter it in the order they were sent. Kept
    /// after the answer: a duplicated request is answered twice.
    RequestPaths paths{false};
};

/// One connection of the network: its two ends.
struct LocalConnection
{
    quint64 number = 0;
    QPointer<LocalQueueDevice> client;
    QPointer<LocalQueueDevice> server;
    LocalConnectionInfo *info = nullptr; ///< the recorder's
};

/// A pending frame and its direction (client to server: RequestPaths::Way::Out).
struct LocalItem
{
    PendingMessage message;
    bool toServer = true;
    /// Its Sent (or Closed) event was recorded raw: its description waits in the recorder.
    bool recordedRaw = false;
    bool described() const { return !message.from.isEmpty(); }
};

/// An event as it happened, kept by the recorder while nobody watches live (free-running, no
/// listener of eventRecorded()): a frame's Sent, Closed or Delivered event, a Connected or a
/// ClockChanged event. The frame's bytes are appended to one buffer (no allocation per frame,
/// and the frame itself is freed once delivered); it is described (decoded) only when the log
/// is read (LocalRecorder::flush()).
struct LocalRecord
{
    quint64 sequence = 0;
    double simTime = 0;
    qint64 wallTimeMs = 0;
    quint64 messageId = 0;
    quint64 connection = 0;
    qsizetype size = 0;       ///< the frame's size
    /// Where the frame's bytes are in LocalRecorder's buffer; -1: not kept (a Delivered event
    /// whose Sent was recorded raw, a Connected or ClockChanged event)
    qsizetype frameOffset = -1;
    TrafficEvent::Kind kind = TrafficEvent::Kind::Sent;
    bool toServer = true;
    bool isClose = false;
    bool isRaw = false;     ///< a raw chunk, not aiomas framing
    bool halfClose = false; ///< a close of the write side only
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
    /// Delivers frames without telling the reader; notifyReadable() then tells it once.
    void append(const QByteArray &frame, bool raw = false);
    void notifyReadable();

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
    bool m_appended = false; ///< append()ed since the last notifyReadable()
    QByteArray m_in;
    qint64 m_readPos = 0;
    /// Written bytes not yet a whole frame. While m_outFill >= 0, m_out is a frame of the
    /// length its header gave, filled up to m_outFill (the channel writes the header, then
    /// the payload: each copied once into place).
    QByteArray m_out;
    qsizetype m_outFill = -1;
    /// m_out as it is (the filled part), m_out emptied.
    QByteArray takeOut();
};

/// Describes frames and records the network's events (the log and LocalNetwork::eventRecorded).
///
/// Live (stepped mode, or a listener of eventRecorded()), each event is built as it happens,
/// its frame described and its content decoded. Otherwise, while recording, an event is kept
/// raw (LocalRecord: numbers, times, the shared frame) and described when the log is read
/// (log()), in the order the events happened: the same events as live, for a fraction of the
/// cost per frame.
class LocalRecorder
{
public:
    explicit LocalRecorder(LocalNetwork *network)
        : m_network(network)
    {}

    /// Whether events are wanted: recording, stepping (the pending list shows descriptions) or
    /// a listener of eventRecorded(). Nothing is decoded otherwise.
    bool observing(LocalNetwork::Mode mode) const { return recording || live(mode); }
    /// Whether events are built as they happen: stepping or a listener of eventRecorded().
    bool live(LocalNetwork::Mode mode) const;

    /// Keeps what describing the connection's frames needs.
    LocalConnectionInfo &addConnection(quint64 number, const QString &clientName, const QString &serverName,
                                       const QString &codecName);
    /// The network forgot the connection: its info goes once no raw record needs it.
    void removeConnection(quint64 number);
    const LocalConnectionInfo *connectionInfo(quint64 number) const;

    /// Fills the item's ends, type, id and path (once); returns the decoded content when it
    /// decodes (not when the description comes from a raw record already described).
    std::optional<Value> describe(LocalItem &item);
    /// The event of `kind` for a frame; `content`: the frame's content if the caller decoded it
    /// already (else decoded here when recorded).
    TrafficEvent eventFor(TrafficEvent::Kind kind, const PendingMessage &m, const Value *content = nullptr) const;
    /// Numbers, stamps, logs (while recording) and emits a built event.
    void record(TrafficEvent event, double simTime);
    /// Keeps a frame's Sent, Closed or Delivered event raw (while recording, not live).
    void recordRaw(TrafficEvent::Kind kind, LocalItem &item, double simTime);
    /// Keeps a Connected (with the connection's number) or ClockChanged event raw.
    void recordRaw(TrafficEvent::Kind kind, quint64 connection, double simTime);
    /// A frame recorded raw left the network without a recorded event: its description goes.
    void forget(quint64 messageId);

    /// The log, with the raw records described.
    const TrafficLog &log();
    /// Forgets the log (what later frames' descriptions need of it is kept).
    void clearLog();
    void reset();

    bool recording = true;
    /// Set when something connects to eventRecorded(); cleared by live() once nothing is.
    mutable bool maybeListened = false;

private:
    /// A frame's description: what its Delivered event repeats of its Sent event.
    struct Description
    {
        QString from;
        QString to;
        QString path;
        MessageType type = MessageType::Request;
        qint64 requestId = -1;
    };
    /// Describes the raw records in order, into the log when `keep`.
    void flush(bool keep = true);
    /// Describes a frame of connection `c` (null: gone); its content into `content` if given.
    Description describeFrameOf(LocalConnectionInfo *c, QByteArrayView frame, quint64 messageId, bool toServer,
                                bool isClose, Value *content, bool isRaw = false);
    QByteArrayView frameOf(const LocalRecord &r) const
    {
        return r.frameOffset < 0 ? QByteArrayView() : QByteArrayView(m_frames.data() + r.frameOffset, r.size);
    }
    static void apply(TrafficEvent &e, const Description &d);

    LocalNetwork *m_network;
    quint64 m_nextSequence = 0;
    TrafficLog m_log;
    std::vector<LocalRecord> m_records;
    std::vector<char> m_frames; ///< the raw records' frames, one after the other
    /// Described raw frames, by message id, until their Delivered event (or forget()).
    QHash<quint64, Description> m_described;
    std::vector<quint64> m_forgotten;            ///< forget() calls waiting for the next flush
    std::unordered_map<quint64, LocalConnectionInfo> m_connections;
    std::vector<quint64> m_removedConnections;   ///< removeConnection() waiting for the next flush
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
    /// Free-running: delivers the oldest frame and up to `maxFrames` - 1 frames after it to the
    /// same receiver in one go, as one readable chunk (one readyRead(), as a socket's reader
    /// gets what arrived since it last read), unless someone watches live (stepped mode, a
    /// listener of eventRecorded()): then one frame. Returns the number delivered.
    int deliverRun(int maxFrames);
    void schedulePump();
    void pump();
    std::deque<LocalItem>::iterator findPending(quint64 id);
    /// Describes an item not described when it was sent (nobody was watching live then).
    void ensureDescribed(LocalItem &item);
    bool observing() const { return recorder.observing(mode); }
    void record(TrafficEvent event) { recorder.record(std::move(event), simTime()); }
    /// Records a Connected (`connection`) or ClockChanged event, live or raw.
    void recordPlain(TrafficEvent::Kind kind, quint64 connection = 0);
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
