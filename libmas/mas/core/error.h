// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/masnamespace.h>

#include <QDebug>
#include <QMetaType>
#include <QString>

namespace mas {

/// One error of libmas's vocabulary (mirrors aiomas's exceptions): a code, a message a user
/// can act on, and for remote failures the peer's name and its traceback text.
///
/// Error is a small copyable value type. A default-constructed Error means "no error".
class MAS_EXPORT Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString message);

    /// A RemoteException: the peer answered with a failure. `origin` names the peer (not sent
    /// on the wire), `traceback` is the failure content as the peer formatted it.
    static Error remote(QString origin, QString traceback);

    // properties
    ErrorCode code() const { return m_code; }
    QString message() const { return m_message; }
    QString origin() const { return m_origin; }
    QString remoteTraceback() const { return m_remoteTraceback; }
    /// For a RemoteException: the type named by the traceback's last "Type: message" line.
    QString remoteType() const;
    bool isError() const { return m_code != ErrorCode::NoError; }
    /// Refused, reset, closed or timed out (also idle, frame and handshake time-outs, and a server
    /// at its connection limit): a problem of the connection, not of the data.
    bool isConnectionError() const;
    /// Any kind of bad input from the wire: framing, codec, tag or message-shape errors.
    bool isProtocolError() const;

    /// The text shown to a user: for remote failures "Origin: <origin>\n<traceback>" as aiomas.
    QString toString() const;
    /// The code's name, e.g. "InvalidJson".
    static QString codeName(ErrorCode code);

    /// Prefixes the message with some context ("while decoding frame 3: ...").
    Error withContext(const QString &context) const;

    friend bool operator==(const Error &a, const Error &b)
    {
        return a.m_code == b.m_code && a.m_message == b.m_message && a.m_origin == b.m_origin
               && a.m_remoteTraceback == b.m_remoteTraceback;
    }

private:
    ErrorCode m_code = ErrorCode::NoError;
    QString m_message;
    QString m_origin;
    QString m_remoteTraceback;
};

/// Translates a user-visible libmas text (context "mas").
MAS_EXPORT QString tr(const char *sourceText, const char *disambiguation = nullptr, int n = -1);

/// Prints the error's code name and message for debugging.
MAS_EXPORT QDebug operator<<(QDebug debug, const Error &error);

} // namespace mas

Q_DECLARE_METATYPE(mas::Error)
