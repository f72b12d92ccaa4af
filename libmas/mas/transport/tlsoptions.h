// SPDX-License-Identifier: MIT
#pragma once

#include <QSslConfiguration>
#include <QString>

#include <chrono>
#include <optional>

namespace mas {

/// TLS as aiomas's `SSLCerts(cafile, certfile, keyfile)`: mutual authentication, TLS 1.2 or
/// later, the peer's certificate verified against the CA on both sides, and the server's host
/// name checked by the client. (Part of ChannelOptions; the transport layer uses it to open and
/// accept TLS streams.)
struct TlsOptions
{
    QString caFile;   ///< PEM file with the CA certificate(s) peers must be signed by
    QString certFile; ///< PEM file with our certificate (chain)
    QString keyFile;  ///< PEM file with our private key (RSA or EC)
    /// A complete configuration to use instead of the files (advanced use).
    std::optional<QSslConfiguration> configuration;
    /// The name the client expects in the server's certificate; defaults to the host connected to.
    QString peerVerifyName;
    /// Longest time a TLS handshake may take: a server drops the connection (HandshakeTimeout),
    /// a client's connection attempt fails with HandshakeTimeout.
    std::chrono::milliseconds handshakeTimeout{10'000};
};

} // namespace mas
