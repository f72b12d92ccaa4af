// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/core/value.h>
#include <mas/trace/trafficlog.h>

#include <QObject>
#include <QString>

#include <QCoro/QCoroTask>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace mas {

class ExternalClock;
class LocalNetworkPrivate;

/// A frame waiting in a LocalQueue, as the stepping API and the Inspector show it.
struct MAS_EXPORT PendingMessage
{
    quint64 id = 0;          ///< the queue's id of this frame (1, 2, ...; deterministic per run)
    quint64 connection = 0;  ///< the connection's number in the queue
    bool isClose = false;    ///< not a frame: one end closed the connection
    bool halfClose = false;  ///< with isClose: the end only stopped writing (EOF); it still reads
    /// Not aiomas framing (a length beyond the frame limit, an HTTP line): a chunk of bytes,
    /// `frame` as written, passed on unchanged.
    bool isRaw = false;
    QString from;            ///< sender (a container's base address)
    QString to;              ///< receiver (an agent's URL for requests to agents)
    MessageType type = MessageType::Request;
    qint64 requestId = -1;   ///< [type, id, content]'s id
    QString path;            ///< the RPC path (of the request a reply answers, for replies)
    qsizetype size = 0;      ///< frame size in bytes, header included
    QByteArray frame;        ///< the frame's bytes, exactly as written
    /// Decodes the content structurally (tags stay maps).
    Result<Value> content() const;
    QString codecName;
};

/// The in-process network all LocalQueues form, and the debugger's control over it.
///
/// Each container on a LocalQueue is served through its own queue id, as in aiomas, but the
/// frames of all queues wait in one network so that a frame to one container and a frame to
/// another are ordered against each other: stepping, breakpoints, the event log and replay are
/// network-wide. Nothing is delivered inside the write that sent it.
///
/// - **Free-running** (default): pending frames are delivered in FIFO order from the event loop,
///   as fast as possible; the same program gives the same order on every run. Consecutive
///   pending frames to one receiver reach it in one go (one readyRead(), as a socket's reader
///   gets what arrived since it last read), so their Delivered events come before what handling
///   them sends, unless someone watches live (a listener of eventRecorded()): then frame by frame.
/// - **Stepped**: nothing moves until asked: step() delivers the oldest frame, deliver(id) a
///   chosen one (another interleaving), drop/duplicate/delay inject faults, runUntilIdle() and
///   runUntil(breakpoint) deliver in bulk.
///
/// \code
/// auto *net = mas::LocalNetwork::instance();
/// net->setMode(mas::LocalNetwork::Mode::Stepped);
/// auto *a = mas::Container::createNow(mas::Address::local("a")).value();
/// ...
/// for (const mas::PendingMessage &m : net->pendingMessages()) qDebug() << m.path;
/// net->step();
/// \endcode
/// Every event goes to eventRecorded() and, while recording is on, into eventLog(). While nobody
/// watches live (free-running, no listener of eventRecorded()), recording keeps each event raw
/// (its numbers, times and the frame's bytes, shared with the queue) and describes it (decodes the
/// frame) when eventLog() is read: the same events, at a fraction of the cost per frame. The
/// network lives in the main thread; LocalQueue::clearCache() also resets it.
class MAS_EXPORT LocalNetwork : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        FreeRunning, ///< deliver in FIFO order from the event loop
        Stepped,     ///< deliver only when asked
    };
    Q_ENUM(Mode)

    /// The process's network.
    static LocalNetwork *instance();
    ~LocalNetwork() override;

    // mode
    Mode mode() const;
    /// Switching to FreeRunning delivers what is pending from the event loop.
    void setMode(Mode mode);

    // the pending frames
    QList<PendingMessage> pendingMessages() const;
    std::optional<PendingMessage> pendingMessage(quint64 id) const;
    qsizetype pendingCount() const;
    bool isIdle() const { return pendingCount() == 0; }

    // stepping (any mode; in FreeRunning the network also delivers by itself)
    /// Delivers the oldest pending frame. An error when nothing is pending.
    Result<PendingMessage> step();
    /// Delivers a chosen pending frame now, ahead of older ones.
    Result<PendingMessage> deliver(quint64 id);
    /// Discards a pending frame (its request will time out, or never be answered).
    Result<void> drop(quint64 id);
    /// Copies a pending frame; the copy (returned) is delivered after the original.
    Result<quint64> duplicate(quint64 id);
    /// Moves a pending frame back by `positions` places (default: behind all others).
    Result<void> delay(quint64 id, qsizetype positions = -1);

    /// Waits until what answers deliveries outside this process's event loop has answered (the
    /// Python programs of a PythonHub: `[&hub] { return hub.waitForQuiescent(); }`).
    using AnswerWait = std::function<QCoro::Task<Result<void>>()>;
    /// runUntil() and runUntilIdle() co_await `wait` after each delivery and clock move, before
    /// they look at the pending frames again, while `owner` lives; an error stops the run (and
    /// is logged). nullptr/empty: none.
    void setAnswerWait(QObject *owner, AnswerWait wait);

    /// Delivers until nothing is pending, letting the event loop run between deliveries so that
    /// handlers can answer (and, with setAnswerWait(), waiting for other processes' answers); with `advanceClock` also moves the clock to its next timer whenever
    /// the network is idle. Stops after `maxSteps` deliveries. Returns the number delivered.
    QCoro::Task<int> runUntilIdle(int maxSteps = 1'000'000, bool advanceClock = false);
    /// Delivers until the next frame to deliver matches `breakpoint` (it stays pending), or
    /// until idle. Returns the matching frame, or nullopt when the network went idle first.
    QCoro::Task<std::optional<PendingMessage>> runUntil(std::function<bool(const PendingMessage &)> breakpoint,
                                                        int maxSteps = 1'000'000, bool advanceClock = false);

    // addresses of the real network that stand for queues
    /// Makes the `tcp://` or `ipc://` address an address of the LocalQueue `queueId` in this
    /// process: a connection to it (connectStream(), so openConnection() and
    /// Container::connect()) reaches that queue's server, its frames pending here, instead of
    /// the kernel. A PythonHub binds each address a Python program listens on, so C++ agents
    /// call Python agents at their `tcp://` URLs; binding `tcp://127.0.0.1:6000` to the queue of
    /// a C++ container at `local://a` lets Python programs under the hub call it at
    /// `tcp://127.0.0.1:6000/0`. A host `0.0.0.0` stands for every host of its port;
    /// `localhost` is `127.0.0.1`. AddressInUse when the address is bound to another queue,
    /// InvalidAddress when it is not a tcp:// or ipc:// address. reset() forgets every binding.
    Result<void> bindAddress(const QString &address, const QString &queueId);
    void unbindAddress(const QString &address);
    /// The queue `address` is bound to (bindAddress()); empty when none.
    QString boundQueue(const QString &address) const;

    // clock
    /// The external clock whose changes are logged and which runUntilIdle() may advance.
    void setClock(ExternalClock *clock);
    ExternalClock *clock() const;
    /// Moves the clock to its next timer; false without a clock or a pending timer.
    bool advanceClock();

    // event log
    /// Keeps every event in eventLog() (on by default), with decoded contents.
    void setRecording(bool on);
    bool isRecording() const;
    /// The recorded events; describes (decodes) what was kept raw since the last call first.
    const TrafficLog &eventLog() const;
    /// Forgets the recorded events (what was kept raw is described first: later replies need
    /// the paths of the requests they answer).
    void clearEventLog();
    /// The request ids whose RPC paths the recorder holds to describe replies, over all
    /// connections: the requests still open (a duplicated one counted once) and, per
    /// connection and way, up to RequestPaths::kAnsweredKept answered ones (for late copies of
    /// replies). Bounded however long a run goes; a diagnostic (read after eventLog(): frames
    /// kept raw enter the books when they are described).
    qsizetype heldRequestPaths() const;
    /// Gives the event loop `turns` turns (queued after what is already posted): what a
    /// delivery started (handlers resuming from posted events, their sends) happens first. The
    /// pause replay() makes before moving the clock, for callers that step a recording
    /// themselves.
    QCoro::Task<void> settle(int turns = 3);
    /// Does one recorded action again (an event of TrafficLog::schedule(): Delivered, Dropped,
    /// Duplicated, Delayed or ClockChanged) on the same message ids: what replay() does per
    /// event, for playing a recording forward one step at a time. An error when the frame it
    /// acts on is not pending (the run left the recording) or, for a clock change, when the
    /// network has no clock or the time would go backwards.
    Result<void> apply(const TrafficEvent &action);
    /// Re-imposes a recorded run's deliveries, drops, duplicates, delays and clock changes on
    /// this (fresh) system, in Stepped mode. Returns the number of actions done; an error when
    /// the system does not offer the frame the log expects next (it has diverged).
    QCoro::Task<Result<int>> replay(TrafficLog recorded, std::chrono::milliseconds timeout = std::chrono::seconds(30));
    /// Stops the replay() in progress before its next action: it returns a Cancelled error, and
    /// the system stays as far as it was replayed (in Stepped mode). Nothing happens when no
    /// replay is in progress.
    void cancelReplay();
    bool isReplaying() const;

    /// Forgets pending frames, connections, the log, the clock and the counters, and goes back
    /// to FreeRunning (a fresh run; LocalQueue::clearCache() calls it).
    void reset();

Q_SIGNALS:
    void eventRecorded(const mas::TrafficEvent &event);
    /// The set of pending frames changed.
    void pendingChanged();
    void modeChanged(mas::LocalNetwork::Mode mode);

protected:
    /// Notes a listener of eventRecorded(): events are then built live (see LocalRecorder).
    void connectNotify(const QMetaMethod &signal) override;

private:
    explicit LocalNetwork(QObject *parent = nullptr);
    friend class LocalNetworkPrivate;
    friend class LocalRecorder;
    friend class LocalQueue;
    friend class LocalQueueDevice;
    std::unique_ptr<LocalNetworkPrivate> d;
};

} // namespace mas
