// SPDX-License-Identifier: MIT
#include "peertext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>
#include <QTimer>

#include <map>
#include <vector>

namespace mas {

namespace {

const QString kMoreBytes = QStringLiteral("\u2026 (%1 more bytes)");

void appendHex(QString &out, char32_t c, int digits)
{
    out += digits == 2 ? QStringLiteral("\\x") : QStringLiteral("\\u");
    out += QString::number(uint(c), 16).rightJustified(digits, u'0');
}

bool isBidiOrSeparator(char32_t c)
{
    return c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
           || c == 0xFEFF;
}

/// Appends one code point, escaped where it could break or colour a log line.
void appendCodePoint(QString &out, char32_t c)
{
    switch (c) {
    case u'\n': out += QStringLiteral("\\n"); return;
    case u'\r': out += QStringLiteral("\\r"); return;
    case u'\t': out += QStringLiteral("\\t"); return;
    default: break;
    }
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
        appendHex(out, c, 2);
    else if (isBidiOrSeparator(c) || (c >= 0xD800 && c <= 0xDFFF))
        appendHex(out, c, 4);
    else
        out += QString::fromUcs4(&c, 1);
}

qsizetype utf8Size(QStringView rest)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const char16_t u = rest[i].unicode();
        if (u < 0x80)
            n += 1;
        else if (u < 0x800)
            n += 2;
        else if (QChar::isHighSurrogate(u) && i + 1 < rest.size() && QChar::isLowSurrogate(rest[i + 1].unicode())) {
            n += 4;
            ++i;
        } else
            n += 3;
    }
    return n;
}

/// Length of the valid UTF-8 sequence at `p` (1 to 4) and its code point, or 0 if invalid.
int decodeUtf8(const uchar *p, qsizetype left, char32_t *cp)
{
    const uchar b = p[0];
    int len = 0;
    char32_t c = 0;
    char32_t min = 0;
    if (b < 0x80) {
        *cp = b;
        return 1;
    } else if ((b & 0xE0) == 0xC0) {
        len = 2, c = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        len = 3, c = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        len = 4, c = b & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (left < len)
        return 0;
    for (int i = 1; i < len; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

} // namespace

QString peerText(QStringView text, qsizetype maxChars)
{
    maxChars = qMax<qsizetype>(maxChars, 1);
    QString out;
    out.reserve(qMin(text.size(), maxChars) + 16);
    qsizetype i = 0;
    while (i < text.size() && out.size() < maxChars) {
        const char16_t u = text[i].unicode();
        if (QChar::isHighSurrogate(u) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
            appendCodePoint(out, QChar::surrogateToUcs4(u, text[i + 1].unicode()));
            i += 2;
        } else {
            appendCodePoint(out, u);
            ++i;
        }
    }
    if (i < text.size())
        out += kMoreBytes.arg(utf8Size(text.sliced(i)));
    return out;
}

QString peerText(QByteArrayView bytes, qsizetype maxChars)
{
    maxChars = qMax<qsizetype>(maxChars, 1);
    QString out;
    out.reserve(qMin(bytes.size(), maxChars) + 16);
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    qsizetype i = 0;
    while (i < bytes.size() && out.size() < maxChars) {
        char32_t c = 0;
        const int len = decodeUtf8(p + i, bytes.size() - i, &c);
        if (len == 0) {
            appendHex(out, p[i], 2);
            ++i;
        } else {
            appendCodePoint(out, c);
            i += len;
        }
    }
    if (i < bytes.size())
        out += kMoreBytes.arg(bytes.size() - i);
    return out;
}

// ---- LogLimiter ----

struct LogLimiter::Private
{
    struct Kind
    {
        const QLoggingCategory *category = nullptr;
        QString kind;
        qint64 windowStartMs = 0;
        int lines = 0;
        qint64 suppressed = 0;
    };
    struct Summary
    {
        const QLoggingCategory *category;
        QString text;
    };

    mutable QMutex mutex;
    int budget = 10;
    std::chrono::milliseconds interval{10'000};
    TimeSource now;
    QElapsedTimer realTime;
    std::map<QString, Kind> kinds;
    QPointer<QObject> timerContext; // a child of the application (see flushLater)
    bool flushArmed = false;

    qint64 time() const { return now ? now() : realTime.elapsed(); }

    QString summary(const Kind &k) const
    {
        const double seconds = double(interval.count()) / 1000.0;
        return QStringLiteral("suppressed %1 similar lines (%2) in the last %3 s")
            .arg(k.suppressed)
            .arg(k.kind)
            .arg(seconds, 0, 'g', 3);
    }

    /// Ends the windows that are over; returns the summaries to write (outside the lock).
    std::vector<Summary> endWindows(qint64 t, const QString *only)
    {
        std::vector<Summary> out;
        for (auto it = kinds.begin(); it != kinds.end();) {
            Kind &k = it->second;
            if ((only && it->first != *only) || t - k.windowStartMs < interval.count()) {
                ++it;
                continue;
            }
            if (k.suppressed > 0)
                out.push_back({k.category, summary(k)});
            it = kinds.erase(it);
        }
        return out;
    }

    void flushLater(LogLimiter *q, qint64 delayMs)
    {
        QCoreApplication *app = QCoreApplication::instance();
        if (!app)
            return;
        if (!timerContext) {
            // Goes with the application, and with it a flush still waiting (a new application
            // gets a new one).
            timerContext = new QObject(app);
            flushArmed = false;
        }
        if (flushArmed)
            return;
        flushArmed = true;
        QTimer::singleShot(std::chrono::milliseconds(qMax<qint64>(delayMs, 1)), timerContext, [q] {
            q->flush();
        });
    }
};

namespace {
void writeSummaries(const auto &summaries)
{
    for (const auto &s : summaries)
        qCWarning(*s.category).noquote() << s.text;
}
} // namespace

LogLimiter::LogLimiter()
    : d(new Private)
{
    d->realTime.start();
}

LogLimiter::~LogLimiter()
{
    delete d;
}

LogLimiter &LogLimiter::global()
{
    static LogLimiter limiter;
    return limiter;
}

bool LogLimiter::allow(const QLoggingCategory &category, const QString &kind)
{
    std::vector<Private::Summary> summaries;
    bool allowed = true;
    {
        QMutexLocker lock(&d->mutex);
        if (d->budget <= 0)
            return true;
        const qint64 t = d->time();
        const QString key = QString::fromLatin1(category.categoryName()) + u'\x1f' + kind;
        summaries = d->endWindows(t, &key);
        auto [it, fresh] = d->kinds.try_emplace(key);
        Private::Kind &k = it->second;
        if (fresh) {
            k.category = &category;
            k.kind = kind;
            k.windowStartMs = t;
        }
        if (k.lines < d->budget) {
            ++k.lines;
        } else {
            ++k.suppressed;
            allowed = false;
            d->flushLater(this, k.windowStartMs + d->interval.count() - t);
        }
    }
    writeSummaries(summaries);
    return allowed;
}

void LogLimiter::flush()
{
    std::vector<Private::Summary> summaries;
    {
        QMutexLocker lock(&d->mutex);
        d->flushArmed = false;
        const qint64 t = d->time();
        summaries = d->endWindows(t, nullptr);
        // Windows still running with suppressed lines get their summary at their end.
        qint64 next = -1;
        for (const auto &[key, k] : d->kinds) {
            if (k.suppressed > 0) {
                const qint64 end = k.windowStartMs + d->interval.count() - t;
                next = next < 0 ? end : qMin(next, end);
            }
        }
        if (next >= 0)
            d->flushLater(this, next);
    }
    writeSummaries(summaries);
}

void LogLimiter::setBudget(int lines, std::chrono::milliseconds interval)
{
    QMutexLocker lock(&d->mutex);
    d->budget = lines;
    d->interval = interval.count() > 0 ? interval : std::chrono::milliseconds(1);
}

int LogLimiter::linesPerInterval() const
{
    QMutexLocker lock(&d->mutex);
    return d->budget;
}

std::chrono::milliseconds LogLimiter::interval() const
{
    QMutexLocker lock(&d->mutex);
    return d->interval;
}

void LogLimiter::setTimeSource(TimeSource now)
{
    QMutexLocker lock(&d->mutex);
    d->now = std::move(now);
    d->kinds.clear();
}

void LogLimiter::reset()
{
    QMutexLocker lock(&d->mutex);
    d->kinds.clear();
}

} // namespace mas
