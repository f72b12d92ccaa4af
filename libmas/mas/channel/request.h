// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/value.h>

#include <QPointer>

#include <memory>

namespace mas {

class Channel;

/// A request received on a channel (aiomas's `Request`): its content, and the means to answer
/// it exactly once with reply() or fail(). Copies share the answered state.
class MAS_EXPORT Request
{
public:
    Request() = default;

    const Value &content() const { return m_content; }
    quint64 id() const { return m_id; }
    Channel *channel() const;
    bool isAnswered() const { return m_answered && *m_answered; }

    /// Answers with a result. If the result cannot be encoded, the peer gets a failure naming the
    /// encoding error instead (as aiomas). Fails if already answered or the channel is closed.
    Result<void> reply(const Value &result) const;
    /// Answers with a failure: `type` and `message` become the last line "Type: message" of the
    /// traceback text the peer sees (Python peers see e.g. "ValueError: boom").
    Result<void> fail(const QString &type, const QString &message) const;
    /// Answers with a failure describing a libmas error.
    Result<void> fail(const Error &error) const;
    /// Answers with a raw failure content (a traceback string for aiomas, an array for mosaik).
    Result<void> failWithContent(const Value &content) const;

private:
    friend class ChannelPrivate;
    Request(Channel *channel, quint64 id, Value content);

    QPointer<Channel> m_channel;
    quint64 m_id = 0;
    Value m_content;
    std::shared_ptr<bool> m_answered;
};

/// The traceback text a C++ failure is sent as, shaped like Python's so Python peers read it:
/// "Traceback (most recent call last):\n  <context>\n<type>: <message>\n".
MAS_EXPORT QString formatFailure(const QString &type, const QString &message, const QString &context = {});
/// The exception type name a libmas error is reported as to a Python peer (LookupError,
/// TypeError, ValueError, aiomas.exceptions.SerializationError, ...).
MAS_EXPORT QString pythonTypeFor(const Error &error);

} // namespace mas
