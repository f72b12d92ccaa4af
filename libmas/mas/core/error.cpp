// SPDX-License-Identifier: MIT
#include "error.h"
#include "result.h"

#include <QCoreApplication>
#include <QMetaEnum>

namespace mas {

QString tr(const char *sourceText, const char *disambiguation, int n)
{
    return QCoreApplication::translate("mas", sourceText, disambiguation, n);
}

Error::Error(ErrorCode code, QString message)
    : m_code(code)
    , m_message(std::move(message))
{}

Error Error::remote(QString origin, QString traceback)
{
    Error e(ErrorCode::RemoteException, QString());
    e.m_origin = std::move(origin);
    e.m_remoteTraceback = std::move(traceback);
    // The message is the traceback's last line, the remote exception ("TypeError: add() missing
    // 1 required positional argument: 'b'"); the whole traceback stays in remoteTraceback().
    const QStringView text = QStringView(e.m_remoteTraceback).trimmed();
    const QStringView last = text.sliced(text.lastIndexOf(u'\n') + 1).trimmed();
    e.m_message = last.isEmpty() ? mas::tr("The peer reported a failure") : last.toString();
    return e;
}

QString Error::remoteType() const
{
    // Only the last non-empty line ("Type: message") is interpreted; the rest is opaque.
    const QStringView text(m_remoteTraceback);
    qsizetype end = text.size();
    while (end > 0 && text[end - 1].isSpace())
        --end;
    const qsizetype start = text.lastIndexOf(u'\n', end - 1) + 1;
    const QStringView last = text.sliced(start, end - start);
    const qsizetype colon = last.indexOf(u':');
    const QStringView type = colon < 0 ? last : last.first(colon);
    if (type.isEmpty() || type.contains(u' '))
        return QString();
    return type.toString();
}

bool Error::isConnectionError() const
{
    switch (m_code) {
    case ErrorCode::ConnectionRefused:
    case ErrorCode::ConnectionReset:
    case ErrorCode::ConnectionClosed:
    case ErrorCode::Timeout:
    case ErrorCode::TooManyConnections:
    case ErrorCode::IdleTimeout:
    case ErrorCode::FrameTimeout:
    case ErrorCode::HandshakeTimeout:
    case ErrorCode::MemoryBudgetExceeded:
        return true;
    default:
        return false;
    }
}

bool Error::isProtocolError() const
{
    switch (m_code) {
    case ErrorCode::FrameTooLarge:
    case ErrorCode::TruncatedFrame:
    case ErrorCode::InvalidJson:
    case ErrorCode::InvalidMsgPack:
    case ErrorCode::InvalidBlosc:
    case ErrorCode::UnknownTypeId:
    case ErrorCode::InvalidMessage:
    case ErrorCode::NestingTooDeep:
    case ErrorCode::TooManyElements:
        return true;
    default:
        return false;
    }
}

QString Error::toString() const
{
    if (m_code == ErrorCode::RemoteException)
        return QStringLiteral("Origin: %1\n%2").arg(m_origin, m_remoteTraceback);
    return m_message;
}

QString Error::codeName(ErrorCode code)
{
    const QMetaEnum e = QMetaEnum::fromType<ErrorCode>();
    const char *key = e.valueToKey(int(code));
    return key ? QString::fromLatin1(key) : QString::number(int(code));
}

Error Error::withContext(const QString &context) const
{
    Error e = *this;
    e.m_message = context + QStringLiteral(": ") + m_message;
    return e;
}

namespace detail {
Error noResultError()
{
    return Error(ErrorCode::AiomasError, mas::tr("No result: a default-constructed mas::Result"));
}

void resultMisused(const char *what, const Error &error)
{
    // Not translated: a programming error, reported to the developer.
    qFatal("%s on an error (%s): %s", what, qPrintable(Error::codeName(error.code())),
           qPrintable(error.toString()));
}
} // namespace detail

QDebug operator<<(QDebug debug, const Error &error)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "mas::Error(" << Error::codeName(error.code()).toLatin1().constData()
                    << ", " << error.toString() << ')';
    return debug;
}

} // namespace mas
