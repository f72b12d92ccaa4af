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

#include "mas/core/maybeheard_p.h"

#include <QHash>
#include <QIODevice>
#include <QPointer>

#include <algorithm>
#include <cstddef>
#include <new>
#include <type_traits>
#include <compare>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
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
    /// Created when a frame is described; shared with the recorded events whose content it
    /// decodes when they are read (TrafficContent).
    std::shared_ptr<Codec> decoder;
    /// The names last given to a described frame: an equal name is shared with the event
    /// rather than kept as another copy (a log of many events then holds few strings).
    QString lastPath;
    QString lastAgentEnd;
    /// One book for the pending list and the event log: the recorder describes its raw records
    /// before a frame is described live, so requests enter it in the order they were sent. Kept
    /// for duplicates (a duplicated request is answered twice: LocalRecorder::copied() counts
    /// the copy), bounded by the requests still open.
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
    /// Back to a default item, touching only what is set (a slot of the pending ring is
    /// emptied so for every frame: the usual item has only its frame, moved out by then).
    void reset()
    {
        PendingMessage &m = message;
        m.id = 0;
        m.connection = 0;
        m.isClose = m.halfClose = m.isRaw = false;
        const auto clear = [](auto &text) {
            if (!text.isNull())
                text = std::remove_reference_t<decltype(text)>();
        };
        clear(m.from);
        clear(m.to);
        clear(m.path);
        clear(m.frame);
        clear(m.codecName);
        m.type = MessageType::Request;
        m.requestId = -1;
        m.size = 0;
        toServer = true;
        recordedRaw = false;
    }
};

/// An event as it happened, kept by the recorder while nobody watches live (free-running, no
/// listener of eventRecorded()): a frame's Sent, Closed or Delivered event, a Connected or a
/// ClockChanged event. The frame's bytes are appended to one buffer (no allocation per frame,
/// and the frame itself is freed once delivered); it is described (decoded) only when the log
/// is read (LocalRecorder::flush()). What runs of records share (their sequence numbers, the
/// simulated and wall times) LocalRecordList keeps once per run: a record is 24 bytes.
struct LocalRecord
{
    enum Flag : quint8 {
        ToServer = 1,
        IsClose = 2,
        IsRaw = 4,     ///< a raw chunk, not aiomas framing
        HalfClose = 8, ///< a close of the write side only
        /// The frame's bytes are in the recorder's buffer, after those of the records before
        /// that keep theirs (not: a Delivered event whose Sent was recorded raw, a Connected or
        /// ClockChanged event).
        FrameKept = 16,
        /// Delivered events of a run (LocalRecordList::extendRun()): the record stands for
        /// `size` events, of messages `messageId`, `messageId` + 1, ..., numbered one after
        /// the other; their sizes and descriptions are their Sent events'.
        DeliveredRun = 32,
    };
    quint64 messageId = 0;
    quint64 connection = 0;
    /// The frame's size; kBigSize: LocalRecordList keeps it. DeliveredRun: the run's length.
    quint32 size = 0;
    quint8 kind = 0; ///< a TrafficEvent::Kind
    quint8 flags = 0;

    static constexpr quint32 kBigSize = 0xffffffff;
    TrafficEvent::Kind eventKind() const { return TrafficEvent::Kind(kind); }
    bool has(Flag flag) const { return (flags & flag) != 0; }
};
static_assert(sizeof(LocalRecord) == 24);

/// The pending frames in delivery order: a ring buffer of items that keeps its slots, so a
/// frame sent and delivered allocates nothing here once the ring has grown (a std::deque
/// allocated a node every two items). It offers the deque operations the scheduler uses;
/// erase() and insert() in the middle (stepping, faults) move the items after the place.
template<class T>
class LocalRing
{
public:
    template<class Ring, class V>
    class Iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = V *;
        using reference = V &;

        Iterator() = default;
        Iterator(Ring *ring, std::size_t index)
            : m_ring(ring)
            , m_index(index)
        {}
        reference operator*() const { return (*m_ring)[m_index]; }
        pointer operator->() const { return &(*m_ring)[m_index]; }
        Iterator &operator++() { ++m_index; return *this; }
        Iterator operator++(int) { Iterator old = *this; ++m_index; return old; }
        Iterator &operator--() { --m_index; return *this; }
        Iterator operator--(int) { Iterator old = *this; --m_index; return old; }
        Iterator &operator+=(difference_type n) { m_index = std::size_t(difference_type(m_index) + n); return *this; }
        Iterator &operator-=(difference_type n) { return *this += -n; }
        friend Iterator operator+(Iterator it, difference_type n) { return it += n; }
        friend Iterator operator+(difference_type n, Iterator it) { return it += n; }
        friend Iterator operator-(Iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const Iterator &a, const Iterator &b)
        {
            return difference_type(a.m_index) - difference_type(b.m_index);
        }
        reference operator[](difference_type n) const { return *(*this + n); }
        friend bool operator==(const Iterator &a, const Iterator &b) { return a.m_index == b.m_index; }
        friend auto operator<=>(const Iterator &a, const Iterator &b) { return a.m_index <=> b.m_index; }
        std::size_t index() const { return m_index; }

    private:
        Ring *m_ring = nullptr;
        std::size_t m_index = 0;
    };
    using iterator = Iterator<LocalRing, T>;
    using const_iterator = Iterator<const LocalRing, const T>;

    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    T &operator[](std::size_t i) { return m_slots[(m_head + i) & (m_slots.size() - 1)]; }
    const T &operator[](std::size_t i) const { return m_slots[(m_head + i) & (m_slots.size() - 1)]; }
    T &front() { return (*this)[0]; }
    T &back() { return (*this)[m_size - 1]; }
    iterator begin() { return iterator(this, 0); }
    iterator end() { return iterator(this, m_size); }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, m_size); }

    void push_back(T &&value)
    {
        if (m_size == m_slots.size())
            grow();
        (*this)[m_size++] = std::move(value);
    }
    /// A new last item, default made (slots are emptied when their items go), to fill in place.
    T &emplace_back()
    {
        if (m_size == m_slots.size())
            grow();
        return (*this)[m_size++];
    }
    /// The slot is emptied (its frame released) and kept.
    void pop_front()
    {
        m_slots[m_head].reset();
        m_head = (m_head + 1) & (m_slots.size() - 1);
        if (--m_size == 0)
            settle();
    }
    iterator erase(iterator it)
    {
        for (std::size_t i = it.index(); i + 1 < m_size; ++i)
            (*this)[i] = std::move((*this)[i + 1]);
        (*this)[--m_size] = T();
        if (m_size == 0)
            settle();
        return it;
    }
    iterator insert(iterator it, T value)
    {
        const std::size_t at = it.index();
        push_back(T());
        for (std::size_t i = m_size - 1; i > at; --i)
            (*this)[i] = std::move((*this)[i - 1]);
        (*this)[at] = std::move(value);
        return iterator(this, at);
    }
    /// The items go; the room is kept as when the ring runs empty (a network reset between
    /// the runs of a search grows no ring again).
    void clear()
    {
        for (std::size_t i = 0; i < m_size; ++i)
            (*this)[i] = T();
        m_size = 0;
        settle();
    }

private:
    /// Slots kept when the ring runs empty (a burst's room beyond that is released).
    static constexpr std::size_t kKeptSlots = 1024;
    void grow()
    {
        std::vector<T> slots(std::max<std::size_t>(16, m_slots.size() * 2));
        for (std::size_t i = 0; i < m_size; ++i)
            slots[i] = std::move((*this)[i]);
        m_slots.swap(slots);
        m_head = 0;
    }
    void settle()
    {
        m_head = 0;
        if (m_slots.size() > kKeptSlots) {
            m_slots.clear();
            m_slots.shrink_to_fit();
        }
    }
    std::vector<T> m_slots; ///< a power of two of them (or none)
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};

/// The raw records in order, in blocks of records that stay allocated for the next records
/// when they are described (up to a bound): recording neither copies the records as the list
/// grows nor writes into fresh memory after each read of the log. What consecutive records
/// share is kept once per change: the sequence numbers (kept where they do not go up by one),
/// the simulated time, the wall time (one per delivered run) and sizes too large for a record.
class LocalRecordList
{
public:
    static constexpr std::size_t kBlockSize = 4096;

    /// What a record is read with (forEach()).
    struct Shared
    {
        quint64 sequence = 0;
        double simTime = 0;
        qint64 wallTimeMs = 0;
        qsizetype size = 0;        ///< the frame's size
        qsizetype frameOffset = -1; ///< where its bytes are (LocalRecord::FrameKept), else -1
    };

    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    /// A new record made from `record` in place, with what it may share with the one before.
    void push_back(const LocalRecord &record, quint64 sequence, double simTime, qint64 wallTimeMs, qsizetype size)
    {
        if (Q_UNLIKELY(m_next == m_blockEnd || !sharesWithLast(sequence, simTime, wallTimeMs) || size < 0
                       || quint64(size) >= LocalRecord::kBigSize)) {
            pushNew(record, sequence, simTime, wallTimeMs, size);
            return;
        }
        m_last.sequence = sequence;
        ++m_size;
        LocalRecord *r = new (m_next++) LocalRecord(record);
        r->size = quint32(size);
    }
    /// A Delivered event of message `messageId`, delivered in a run (not described: its Sent
    /// event was recorded raw) after the last record, of the same connection and direction and
    /// with the same times, made part of it (LocalRecord::DeliveredRun); false if the last
    /// record is not such a run (then push_back() one).
    bool extendRun(quint64 messageId, quint64 connection, bool toServer, quint64 sequence, double simTime,
                   qint64 wallTimeMs)
    {
        if (m_size == 0)
            return false;
        LocalRecord &last = m_next[-1];
        if (!last.has(LocalRecord::DeliveredRun) || last.messageId + last.size != messageId
            || last.connection != connection || last.has(LocalRecord::ToServer) != toServer
            || !sharesWithLast(sequence, simTime, wallTimeMs) || last.size == LocalRecord::kBigSize - 1)
            return false;
        ++last.size;
        m_last.sequence = sequence;
        return true;
    }
    /// Calls `f(const LocalRecord &, const Shared &)` for each record in order (a DeliveredRun
    /// record: for each of its events, as a Delivered record of size 0).
    template<class F>
    void forEach(F &&f) const
    {
        Shared shared;
        std::size_t sequenceAt = 0, simAt = 0, wallAt = 0, bigAt = 0;
        qsizetype frameEnd = 0;
        for (std::size_t i = 0; i < m_size; ++i) {
            const LocalRecord &r = at(i);
            ++shared.sequence;
            if (sequenceAt < m_sequences.size() && m_sequences[sequenceAt].first == i)
                shared.sequence = m_sequences[sequenceAt++].second;
            if (simAt < m_simTimes.size() && m_simTimes[simAt].first == i)
                shared.simTime = m_simTimes[simAt++].second;
            if (wallAt < m_wallTimes.size() && m_wallTimes[wallAt].first == i)
                shared.wallTimeMs = m_wallTimes[wallAt++].second;
            shared.size = r.size;
            if (r.size == LocalRecord::kBigSize && bigAt < m_bigSizes.size() && m_bigSizes[bigAt].first == i)
                shared.size = m_bigSizes[bigAt++].second;
            shared.frameOffset = -1;
            if (r.has(LocalRecord::FrameKept)) {
                shared.frameOffset = frameEnd;
                frameEnd += shared.size;
            }
            if (r.has(LocalRecord::DeliveredRun)) {
                LocalRecord one = r;
                one.size = 0;
                shared.size = 0;
                for (quint32 k = 0; k < r.size; ++k, ++one.messageId, ++shared.sequence)
                    f(std::as_const(one), std::as_const(shared));
                --shared.sequence; // the run's last
                continue;
            }
            f(r, std::as_const(shared));
        }
    }
    /// Forgets the records; keeps the blocks for up to `keptRecords` records.
    void clear(std::size_t keptRecords = 0)
    {
        m_size = 0;
        m_next = m_blockEnd = nullptr;
        m_sequences.clear();
        m_simTimes.clear();
        m_wallTimes.clear();
        m_bigSizes.clear();
        const std::size_t keptBlocks = keptRecords / kBlockSize;
        if (m_blocks.size() > keptBlocks)
            m_blocks.resize(keptBlocks);
    }
    void swap(LocalRecordList &other) noexcept
    {
        m_blocks.swap(other.m_blocks);
        std::swap(m_size, other.m_size);
        std::swap(m_next, other.m_next);
        std::swap(m_blockEnd, other.m_blockEnd);
        m_sequences.swap(other.m_sequences);
        m_simTimes.swap(other.m_simTimes);
        m_wallTimes.swap(other.m_wallTimes);
        m_bigSizes.swap(other.m_bigSizes);
        std::swap(m_last, other.m_last);
    }

private:
    /// Whether a record numbered `sequence` with these times continues the last one's runs.
    /// (A NaN simulated time never equals the one before: each such record starts a run.)
    bool sharesWithLast(quint64 sequence, double simTime, qint64 wallTimeMs) const
    {
        return sequence == m_last.sequence + 1 && simTime == m_last.simTime && wallTimeMs == m_last.wallTimeMs;
    }
    /// push_back() where the record starts a block or a run of shared values, or has a big size.
    Q_DECL_COLD_FUNCTION void pushNew(const LocalRecord &record, quint64 sequence, double simTime, qint64 wallTimeMs,
                                      qsizetype size)
    {
        const std::size_t i = m_size;
        if (i == 0 || sequence != m_last.sequence + 1)
            m_sequences.emplace_back(i, sequence);
        if (i == 0 || simTime != m_last.simTime)
            m_simTimes.emplace_back(i, simTime);
        if (i == 0 || wallTimeMs != m_last.wallTimeMs)
            m_wallTimes.emplace_back(i, wallTimeMs);
        m_last.sequence = sequence;
        m_last.simTime = simTime;
        m_last.wallTimeMs = wallTimeMs;
        LocalRecord *r = new (allocate()) LocalRecord(record);
        if (size < 0 || quint64(size) >= LocalRecord::kBigSize) {
            r->size = LocalRecord::kBigSize;
            m_bigSizes.emplace_back(i, size);
        } else {
            r->size = quint32(size);
        }
    }
    const LocalRecord &at(std::size_t i) const
    {
        return *std::launder(reinterpret_cast<const LocalRecord *>(m_blocks[i / kBlockSize]->bytes) + i % kBlockSize);
    }
    /// Room for one more record (not constructed): the next one of the current block.
    void *allocate()
    {
        if (m_next == m_blockEnd)
            nextBlock();
        ++m_size;
        return m_next++;
    }
    void nextBlock()
    {
        const std::size_t block = m_size / kBlockSize;
        if (block == m_blocks.size())
            m_blocks.push_back(std::unique_ptr<Block>(new Block));
        m_next = reinterpret_cast<LocalRecord *>(m_blocks[block]->bytes);
        m_blockEnd = m_next + kBlockSize;
    }

    static_assert(std::is_trivially_destructible_v<LocalRecord>);
    struct Block
    {
        alignas(LocalRecord) std::byte bytes[sizeof(LocalRecord) * kBlockSize];
    };
    std::vector<std::unique_ptr<Block>> m_blocks;
    std::size_t m_size = 0;
    /// The room for the next records in the current block (none: the next block).
    LocalRecord *m_next = nullptr;
    LocalRecord *m_blockEnd = nullptr;
    /// From the record at `first` on (until the next entry): its value.
    std::vector<std::pair<std::size_t, quint64>> m_sequences;
    std::vector<std::pair<std::size_t, double>> m_simTimes;
    std::vector<std::pair<std::size_t, qint64>> m_wallTimes;
    /// The sizes of the records at `first` (LocalRecord::kBigSize).
    std::vector<std::pair<std::size_t, qsizetype>> m_bigSizes;
    Shared m_last; ///< the last record's sequence and times
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
    /// Before append()ing frames of `bytes` in all: room for them, so that they are copied
    /// into place once.
    void reserveIncoming(qsizetype bytes);
    void notifyReadable();
    /// What read(maxSize) gives, without copying when all that is readable fits: the buffer
    /// the network delivered (a single frame: the frame as its sender wrote it) is handed over
    /// (StreamSocket::read(), which the channel reads with).
    QByteArray take(qint64 maxSize);

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
    bool m_reserved = false; ///< reserveIncoming() since the last notifyReadable()
    qsizetype m_fill = 0;    ///< while reserved: the end of what was appended into m_in
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
    /// `wallTimeMs` < 0: now (a delivered run takes it once for all its frames).
    void recordRaw(TrafficEvent::Kind kind, LocalItem &item, double simTime, qint64 wallTimeMs = -1);
    /// Keeps the Delivered event of a frame delivered in a run (free-running), its Sent event
    /// recorded raw: one record for the run's consecutive frames.
    void recordRawDelivered(LocalItem &item, double simTime, qint64 wallTimeMs);
    /// The wall time a raw record keeps: the coarse clock's milliseconds.
    static qint64 wallTimeNowMs();
    /// Keeps a Connected (with the connection's number) or ClockChanged event raw.
    void recordRaw(TrafficEvent::Kind kind, quint64 connection, double simTime);
    /// A frame recorded raw left the network without a recorded event: its description goes.
    void forget(quint64 messageId);
    /// A described item was copied (LocalNetwork::duplicate()): a request's copy will be
    /// answered too, so its connection's book counts it. The copy carries the description and
    /// is not described again.
    void copied(const LocalItem &copy);
    /// A described item was dropped: a request's copy will not be answered.
    void dropped(const LocalItem &item);
    /// The ids the connections' books hold (LocalNetwork::heldRequestPaths()).
    qsizetype heldRequestPaths() const;

    /// The log, with the raw records described.
    const TrafficLog &log();
    /// Forgets the log (what later frames' descriptions need of it is kept).
    void clearLog();
    void reset();

    bool recording = true;
    mutable detail::MaybeHeard eventRecordedHeard; ///< LocalNetwork::eventRecorded()

private:
    /// A frame's description: what its Delivered event repeats of its Sent event.
    struct Description
    {
        QString from;
        QString to;
        QString path;
        MessageType type = MessageType::Request;
        qint64 requestId = -1;
        qsizetype size = 0; ///< the frame's (kept for its Delivered event in a run)
    };
    /// Describes the raw records in order, into the log when `keep`.
    void flush(bool keep = true);
    /// Describes a frame of connection `c` (null: gone); its content into `content` if given.
    /// `isMessage`, if given, is set when the frame decoded as a message (its content is then
    /// what TrafficContent::encoded() decodes).
    Description describeFrameOf(LocalConnectionInfo *c, QByteArrayView frame, quint64 messageId, bool toServer,
                                bool isClose, Value *content, bool isRaw = false, bool *isMessage = nullptr);
    QByteArrayView frameOf(const LocalRecordList::Shared &s) const
    {
        return s.frameOffset < 0 ? QByteArrayView() : QByteArrayView(m_frames.constData() + s.frameOffset, s.size);
    }
    static void apply(TrafficEvent &e, const Description &d);

    LocalNetwork *m_network;
    quint64 m_nextSequence = 0;
    TrafficLog m_log;
    LocalRecordList m_records;
    /// The raw records' frames, one after the other. Described events keep their content
    /// encoded in it (TrafficContent shares it); a buffer that events still share is put
    /// aside (m_heldFrames) and reused once they let go of it.
    QByteArray m_frames;
    qsizetype m_framesFill = 0; ///< the bytes of m_frames in use (its size is its room)
    QByteArray m_heldFrames;
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

    void deliverAt(LocalRing<LocalItem>::iterator it);
    /// Free-running: delivers the oldest frame and up to `maxFrames` - 1 frames after it to the
    /// same receiver in one go, as one readable chunk (one readyRead(), as a socket's reader
    /// gets what arrived since it last read), unless someone watches live (stepped mode, a
    /// listener of eventRecorded()): then one frame. Returns the number delivered.
    int deliverRun(int maxFrames);
    void schedulePump();
    void pump();
    LocalRing<LocalItem>::iterator findPending(quint64 id);
    /// Describes an item not described when it was sent (nobody was watching live then).
    void ensureDescribed(LocalItem &item);
    bool observing() const { return recorder.observing(mode); }
    void record(TrafficEvent event) { recorder.record(std::move(event), simTime()); }
    /// Records a Connected (`connection`) or ClockChanged event, live or raw.
    void recordPlain(TrafficEvent::Kind kind, quint64 connection = 0);
    double simTime() const;
    Error notPending(quint64 id) const;

    /// A buffer of `size` bytes for a frame being written: a recycled one when there is one
    /// (no allocation per frame), else a new one. Its bytes are not set.
    QByteArray frameBuffer(qsizetype size);
    /// Keeps a delivered frame's buffer for a later frameBuffer() if nothing else refers to it
    /// and it is small; frees it otherwise.
    void recycle(QByteArray &&frame);

    LocalNetwork *q;
    LocalRecorder recorder;
    std::vector<QByteArray> spareFrames;
    LocalNetwork::Mode mode = LocalNetwork::Mode::FreeRunning;
    std::map<quint64, LocalConnection> connections;
    quint64 nextConnection = 1;
    LocalRing<LocalItem> pending;
    /// Emits LocalNetwork::pendingChanged() when anything listens.
    void notifyPendingChanged();
    static const QMetaMethod &pendingChangedSignal();
    detail::MaybeHeard pendingHeard; ///< LocalNetwork::pendingChanged()
    quint64 nextMessageId = 1;
    bool pumpPosted = false;
    int lastRunDeliveries = 0;
    bool replaying = false;       ///< LocalNetwork::replay() is in progress
    bool replayCancelled = false; ///< LocalNetwork::cancelReplay() asked it to stop
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
