// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>

#include <QByteArrayView>
#include <QLoggingCategory>
#include <QString>
#include <QStringView>

#include <chrono>
#include <functional>

namespace mas {

/// How many characters of peer-supplied text a log line shows by default.
inline constexpr qsizetype kPeerTextMaxChars = 200;

/// Peer-supplied text made safe for a log line: control characters (C0 including `\n`, `\r`,
/// `\t` and ESC, DEL, C1, U+2028/U+2029 and lone surrogates) are written as escapes (`\n`,
/// `\r`, `\t`, `\xNN`, `\uNNNN`), so a peer can neither start a line of its own nor send
/// terminal escape sequences; and the result is at most about `maxChars` characters, the rest
/// replaced by `… (N more bytes)` (N counted in UTF-8). Use it for every piece of text a peer
/// can choose (contents, method names, error texts of remote peers, TLS peer data) that goes
/// into a log line.
MAS_EXPORT QString peerText(QStringView text, qsizetype maxChars = kPeerTextMaxChars);
/// The same for bytes: valid UTF-8 is shown as text, every invalid byte as `\xNN`.
MAS_EXPORT QString peerText(QByteArrayView bytes, qsizetype maxChars = kPeerTextMaxChars);
inline QString peerText(const QString &text, qsizetype maxChars = kPeerTextMaxChars)
{
    return peerText(QStringView(text), maxChars);
}
inline QString peerText(const QByteArray &bytes, qsizetype maxChars = kPeerTextMaxChars)
{
    return peerText(QByteArrayView(bytes), maxChars);
}
inline QString peerText(const char *text, qsizetype maxChars = kPeerTextMaxChars)
{
    return peerText(QByteArrayView(text), maxChars);
}

/// Rate limiting of log lines that peers can trigger (bad frames, failed TLS handshakes,
/// refused connections): per category and kind, at most `lines` lines per `interval`; the
/// lines beyond are counted and summed up in one line when the interval ends:
/// `suppressed 1234 similar lines (bad frame) in the last 10 s`.
///
/// One process-wide instance, `LogLimiter::global()`; call it from the thread that runs the
/// event loop. Its time source is injectable for tests.
class MAS_EXPORT LogLimiter
{
public:
    using TimeSource = std::function<qint64()>; ///< milliseconds of a monotonic clock

    static LogLimiter &global();

    /// True if a line of this kind may be written now; false if it is to be suppressed (it is
    /// counted). Writes the summary of an interval that has ended first.
    bool allow(const QLoggingCategory &category, const QString &kind);
    /// Writes the summaries of all intervals that have ended (called by a timer at the end of
    /// an interval with suppressed lines, so a flood's summary appears even when it stops).
    void flush();

    /// Lines of one kind per interval (default 10 per 10 s); 0 lines turns limiting off.
    void setBudget(int lines, std::chrono::milliseconds interval);
    int linesPerInterval() const;
    std::chrono::milliseconds interval() const;
    /// Replaces the clock (nullptr: the real monotonic clock); forgets all counts.
    void setTimeSource(TimeSource now);
    /// Forgets all counts (tests).
    void reset();

    LogLimiter();
    ~LogLimiter();
    LogLimiter(const LogLimiter &) = delete;
    LogLimiter &operator=(const LogLimiter &) = delete;

private:
    struct Private;
    Private *d;
};

} // namespace mas
