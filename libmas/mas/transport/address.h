// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>

#include <QMetaType>
#include <QString>

namespace mas {

/// Where a channel connects or a server listens.
///
/// - `tcp://host:port` (IPv6 in brackets: `tcp://[::1]:5555`); TLS is the same address with
///   TLS options set;
/// - `ipc://path` for a Unix domain socket (`ipc:///tmp/mas.sock`, or a relative path);
/// - `local://QUEUE_ID` for the in-process LocalQueue transport.
///
/// Port 0 asks a server for a free port; the server reports the real address.
class MAS_EXPORT Address
{
public:
    enum class Scheme { Invalid, Tcp, Ipc, Local };

    Address() = default;
    static Address tcp(QString host, quint16 port);
    static Address ipc(QString path);
    /// An in-process LocalQueue: `local://QUEUE_ID`.
    static Address local(QString queueId);
    /// Parses an address; a clear InvalidAddress error says what is wrong.
    static Result<Address> parse(QStringView text);

    Scheme scheme() const { return m_scheme; }
    bool isValid() const { return m_scheme != Scheme::Invalid; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    QString path() const { return m_path; }
    /// The LocalQueue id of a local:// address.
    QString queueId() const { return m_scheme == Scheme::Local ? m_path : QString(); }

    /// `tcp://127.0.0.1:5555`, `tcp://[::1]:5555`, `ipc:///tmp/x.sock`.
    QString toString() const;

    friend bool operator==(const Address &, const Address &) = default;

private:
    Scheme m_scheme = Scheme::Invalid;
    QString m_host;
    quint16 m_port = 0;
    QString m_path;
};

} // namespace mas

Q_DECLARE_METATYPE(mas::Address)
