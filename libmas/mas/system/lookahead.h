// SPDX-License-Identifier: MIT
#pragma once

#include <mas/system/explorer.h>
#include <mas/system/system.h>

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/trace/trafficlog.h>

#include <QCoro/QCoroTask>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QProcess;
class QTemporaryDir;

namespace mas::system {

/// What a bounded search from the current state says about one pending message: delivering it
/// next leads to a violation within `depth` steps (and of which property, by the shortest such
/// continuation), is safe for every order within `depth` steps, or is not known (yet).
struct MAS_EXPORT LookAheadMark
{
    enum class Kind
    {
        Unknown,   ///< not classified (yet): the search is running, ran out of budget, or failed
        Violation, ///< some continuation of at most `depth` steps that starts with it breaks `property`
        Safe,      ///< no continuation of at most `depth` steps that starts with it breaks a property
    };
    quint64 messageId = 0; ///< the pending frame (the ids of the run the search started from)
    Kind kind = Kind::Unknown;
    int depth = 0; ///< k: the steps the search looked ahead (the delivery of the frame included)
    QString property;    ///< Violation: the invariant that breaks
    QString explanation; ///< Violation: what is wrong then, in a sentence (may be empty)
    /// Violation: the shortest violating continuation, the delivery of messageId first; the
    /// message ids are those of the run the search started from (the runs are deterministic).
    std::vector<ExplorerStep> continuation;
    /// Violation: per step of the continuation, its message's label (mas::messageLabel():
    /// "election(25)"; empty for a clock move).
    QStringList labels;
    QString error; ///< Unknown: why, when the search failed or ran out of budget

    /// The continuation's steps that count towards k: all but the deliveries of transport frames
    /// (replies, lookups: ExplorerStep::transport), which change no agent's protocol state.
    int length() const;
    static QString kindName(Kind kind); ///< "unknown", "violation", "safe"
    /// One JSON object on one line (no newline): the mark of search `request`.
    QByteArray toJson(quint64 request) const;
    /// A line toJson() wrote; the request it belongs to in `request`.
    static Result<LookAheadMark> fromJson(QByteArrayView line, quint64 *request = nullptr);
};

/// How far and how long a look-ahead searches.
struct LookAheadOptions
{
    /// k: steps after the current state, the first delivery included (>= 1). Deliveries of
    /// transport frames (replies, lookups) are made as they come and do not count.
    int depth = 6;
    /// The queue id the search's systems are built on (the search owns the process's LocalNetwork).
    QString queueId = QStringLiteral("lookahead");
    /// The budget of the search for one pending message; past it the message stays Unknown.
    std::chrono::milliseconds maxTimePerMessage{20'000};
    int maxSchedulesPerMessage = 200'000;
    /// Each violation found is searched again with a smaller bound until none is left, so the
    /// continuation is a shortest one; off: the first one found.
    bool shortest = true;
    /// The explorer's reductions (sleep sets, transport frames first, state caching). Off: a
    /// plain exhaustive search (what the tests compare with).
    bool reductions = true;
    /// First one search of every order of k steps from the state, sharing its reductions across
    /// the pending messages: when it finds no violation, every message is safe, and the searches
    /// per message are not needed (the usual case while a correct system is stepped).
    bool searchAllFirst = true;
    /// How the searches get back to a choice point (ExplorerOptions::strategy). Fork blocks the
    /// event loop for a whole search, so a request cannot cancel it half-way.
    ExplorerOptions::Strategy strategy = ExplorerOptions::Strategy::Replay;
};

class LookAheadPrivate;

/// A bounded search from the state a recorded run ends in, per pending message.
///
/// \code
/// mas::system::LookAhead lookAhead(type, parameters, inspectorLog, {.depth = 6});
/// auto marks = co_await lookAhead.run([](const LookAheadMark &m) { show(m); });
/// \endcode
/// The run is replayed into a fresh system (as LocalNetwork::replay() does, so the message ids
/// repeat) and the pending frames are listed. A first Explorer searches every order of k steps
/// from there (sleep sets, transport frames first and not counted, state cache): no violation
/// means every frame is safe. Otherwise, for each frame m an Explorer searches from the run
/// followed by the delivery of m, with maxDepth k - 1 (k when m is a transport frame), and again
/// with a smaller bound after each violation. The marks come one by one, in pending order.
/// Like the Explorer, it owns the process's LocalNetwork while it runs: a window that steps
/// its own system runs it in a child process (`mas explore --lookahead-serve`, LookAheadClient).
class MAS_EXPORT LookAhead
{
public:
    LookAhead(SystemType info, Parameters parameters, TrafficLog run, LookAheadOptions options = {});
    ~LookAhead();
    LookAhead(const LookAhead &) = delete;
    LookAhead &operator=(const LookAhead &) = delete;

    /// Classifies every pending message; `onMark` is called with each as soon as it is known.
    /// An error when the system cannot be built or the run does not replay. Cancelled: the
    /// marks so far (the others are not reported). Call once.
    QCoro::Task<Result<std::vector<LookAheadMark>>> run(std::function<void(const LookAheadMark &)> onMark = {});
    /// Stops run() at its next step.
    void cancel();
    bool isCancelled() const;

    /// Whether the look-ahead can search `system`'s states: only systems of the process's own
    /// agents on the LocalQueue (the explorer replays them; Python programs keep state it cannot
    /// branch in a bounded time). Otherwise false, and why in `why`.
    static bool canSearch(const System *system, QString *why = nullptr);

private:
    std::unique_ptr<LookAheadPrivate> d;
};

/// The look-ahead of a window, searched in a child process that stays alive between steps
/// (`mas explore --lookahead-serve`): request() hands it the current run (a session file), a
/// later request() cancels the search of an earlier one, and marks come as they are found.
///
/// Protocol (docs/explorer.md): one line per request on the child's standard input,
/// `REQUEST K SESSION-FILE`; the child answers with one JSON line per pending message
/// (LookAheadMark::toJson()) and ends each search with `{"request": N, "end": "done"}`
/// (or `"cancelled"`, or `"failed"` with an `"error"`).
class MAS_EXPORT LookAheadClient : public QObject
{
    Q_OBJECT

public:
    /// `program` is the `mas` executable; `arguments` go before `explore --lookahead-serve`
    /// (e.g. --plugin-path DIR after it: see pluginArguments).
    explicit LookAheadClient(QString program, QObject *parent = nullptr);
    ~LookAheadClient() override;

    /// Extra arguments for the child after `explore --lookahead-serve` (plug-in paths).
    void setExtraArguments(const QStringList &arguments);
    /// What the child is started with: `explore --lookahead-serve`, a `--plugin-path` for the
    /// directory of every plug-in this process loaded systems from (SystemRegistry::pluginFiles(),
    /// so systems from the Inspector's `--plugin-path` can be searched too), then the extra ones.
    QStringList childArguments() const;
    QString program() const { return m_program; }

    /// Starts a search of `k` steps from the end of `log` of the system `demo` (a registry id)
    /// or `systemFile`, built with `parameters`. Cancels the search before it. Starts the child
    /// when it is not running. Returns the new search's number (> 0), or an error (the session
    /// file cannot be written).
    Result<quint64> request(const QString &demo, const QString &systemFile, const Parameters &parameters,
                            const TrafficLog &log, int k);
    /// Cancels the running search (its end is reported as cancelled).
    void cancel();
    /// The number of the latest request (0: none).
    quint64 currentRequest() const { return m_request; }
    bool isSearching() const { return m_searching != 0; }
    /// Stops the child.
    void stop();

Q_SIGNALS:
    /// A search started (the child was handed the request).
    void searchStarted(quint64 request);
    void markFound(quint64 request, const mas::system::LookAheadMark &mark);
    /// A search ended: "done", "cancelled" or "failed" (with `error`).
    void searchEnded(quint64 request, const QString &end, const QString &error);
    /// The child could not start or died (it is started again by the next request).
    void childFailed(const QString &error);

private:
    bool ensureStarted();
    void readLines();

    QString m_program;
    QStringList m_extraArguments;
    QProcess *m_process = nullptr;
    std::unique_ptr<QTemporaryDir> m_directory;
    QByteArray m_buffer;
    quint64 m_request = 0;
    quint64 m_searching = 0;
    bool m_stopping = false;
};

} // namespace mas::system

Q_DECLARE_METATYPE(mas::system::LookAheadMark)
