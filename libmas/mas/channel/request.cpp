// SPDX-License-Identifier: MIT
#include "request.h"

#include "channel.h"
#include "channel_p.h"
#include "mas/core/logging_p.h"

namespace mas {

namespace {
/// The shared answered flag. Until it is set, the request counts as unanswered on its channel
/// (ChannelOptions::maxPendingRequests); a request dropped unanswered stops counting with its
/// last copy.
struct AnswerState
{
    explicit AnswerState(std::shared_ptr<qsizetype> unanswered)
        : unanswered(std::move(unanswered))
    {
        ++*this->unanswered;
    }
    ~AnswerState()
    {
        if (!answered)
            --*unanswered;
    }
    AnswerState(const AnswerState &) = delete;
    AnswerState &operator=(const AnswerState &) = delete;

    bool answered = false;
    std::shared_ptr<qsizetype> unanswered;
};

/// Marks a request answered (the caller checked it was not).
void markAnswered(bool &answered, ChannelPrivate *d)
{
    answered = true;
    --*d->unanswered;
}
} // namespace

Request::Request(Channel *channel, quint64 id, Value content)
    : m_channel(channel)
    , m_id(id)
    , m_content(std::move(content))
{
    auto state = std::make_shared<AnswerState>(channel->d->unanswered);
    m_answered = std::shared_ptr<bool>(state, &state->answered);
}

Channel *Request::channel() const
{
    return m_channel;
}

namespace {
Result<void> checkAnswerable(const QPointer<Channel> &channel, const std::shared_ptr<bool> &answered)
{
    if (!answered)
        return Error(ErrorCode::InvalidArgument, tr("This request was never received"));
    if (*answered)
        return Error(ErrorCode::InvalidArgument, tr("The request was already answered"));
    if (!channel || !channel->isOpen())
        return Error(ErrorCode::ConnectionClosed,
                     tr("The connection closed before the request was answered"));
    return {};
}
} // namespace

Result<void> Request::reply(const Value &result) const
{
    MAS_TRY_VOID(checkAnswerable(m_channel, m_answered));
    ChannelPrivate *d = m_channel->d.get();
    markAnswered(*m_answered, d);
    Result<void> written = d->writeMessage(Message::result(m_id, result));
    if (!written && !written.error().isConnectionError()) {
        // The result could not be encoded: tell the peer instead of leaving it waiting.
        qCDebug(lcChannel) << "reply" << m_id << "not encodable:" << written.error().message();
        const Error e = written.error();
        (void)d->writeMessage(
            Message::failure(m_id, formatFailure(pythonTypeFor(e), e.message(),
                                                 QStringLiteral("while encoding the result"))));
    }
    return written;
}

Result<void> Request::fail(const QString &type, const QString &message) const
{
    return failWithContent(formatFailure(type, message));
}

Result<void> Request::fail(const Error &error) const
{
    // Pass a peer's traceback on unchanged. A RemoteException made locally has none: it would
    // go out as an empty failure, so it is formatted like any other error.
    if (error.code() == ErrorCode::RemoteException && !error.remoteTraceback().isEmpty())
        return failWithContent(error.remoteTraceback());
    return fail(pythonTypeFor(error), error.message());
}

Result<void> Request::failWithContent(const Value &content) const
{
    MAS_TRY_VOID(checkAnswerable(m_channel, m_answered));
    markAnswered(*m_answered, m_channel->d.get());
    return m_channel->d->writeMessage(Message::failure(m_id, content));
}

QString formatFailure(const QString &type, const QString &message, const QString &context)
{
    QString text = QStringLiteral("Traceback (most recent call last):\n");
    text += QStringLiteral("  ") + (context.isEmpty() ? QStringLiteral("in libmas (C++)") : context)
            + u'\n';
    text += type + QStringLiteral(": ") + message + u'\n';
    return text;
}

QString pythonTypeFor(const Error &error)
{
    switch (error.code()) {
    case ErrorCode::LookupError:
        return QStringLiteral("LookupError");
    case ErrorCode::TypeMismatch:
        return QStringLiteral("TypeError");
    case ErrorCode::InvalidArgument:
        return QStringLiteral("ValueError");
    case ErrorCode::SerializationError:
    case ErrorCode::UnknownTypeId:
        return QStringLiteral("aiomas.exceptions.SerializationError");
    case ErrorCode::Timeout:
        return QStringLiteral("TimeoutError");
    case ErrorCode::ConnectionRefused:
        return QStringLiteral("ConnectionRefusedError");
    case ErrorCode::ConnectionReset:
    case ErrorCode::ConnectionClosed:
        return QStringLiteral("ConnectionResetError");
    case ErrorCode::RemoteException:
        return QStringLiteral("aiomas.exceptions.RemoteException");
    default:
        return QStringLiteral("mas.") + Error::codeName(error.code());
    }
}

} // namespace mas
