// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace mas::test {

/// Collects the library's log lines ("mas.channel: closing the connection …") while it lives;
/// everything else goes to the previous message handler. One at a time.
class LogCapture
{
public:
    /// Warnings and critical lines only, or info lines too.
    enum class Levels { Warnings, InfoAndAbove };

    explicit LogCapture(Levels levels = Levels::Warnings)
        : m_levels(levels)
    {
        s_self = this;
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_self = nullptr;
    }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    QStringList lines() const { return m_lines; }
    void clear() { m_lines.clear(); }
    /// How many lines match the regular expression `pattern`.
    qsizetype countMatching(const QString &pattern) const
    {
        const QRegularExpression re(pattern);
        qsizetype n = 0;
        for (const QString &line : m_lines)
            n += re.match(line).hasMatch() ? 1 : 0;
        return n;
    }
    /// How many lines contain `text`.
    int countContaining(const QString &text) const
    {
        int n = 0;
        for (const QString &line : m_lines)
            n += line.contains(text) ? 1 : 0;
        return n;
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        const bool wanted = type == QtWarningMsg || type == QtCriticalMsg
                            || (type == QtInfoMsg && s_self && s_self->m_levels == Levels::InfoAndAbove);
        if (s_self && wanted && context.category && QByteArrayView(context.category).startsWith("mas.")) {
            s_self->m_lines << QString::fromLatin1(context.category) + QStringLiteral(": ") + message;
            return;
        }
        if (s_self && s_self->m_previous)
            s_self->m_previous(type, context, message);
    }

    static inline LogCapture *s_self = nullptr;
    Levels m_levels;
    QtMessageHandler m_previous = nullptr;
    QStringList m_lines;
};

} // namespace mas::test
