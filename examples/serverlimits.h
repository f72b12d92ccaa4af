// SPDX-License-Identifier: MIT
#pragma once

// The limit options of the examples' servers (mas_math_server, mas_agents --serve): a short
// form of `mas host`'s (docs/security.md, section 2). Header-only, for the examples.
//
//   --public                  the public profile (ChannelOptions::withPublicProfile())
//   --limit NAME=VALUE        one limit, repeatable: max_connections, max_connections_per_peer,
//                             idle_timeout_ms, frame_timeout_ms, min_frame_byte_rate,
//                             max_frame_size, memory_budget, max_write_buffer,
//                             max_pending_requests, max_decompression_ratio,
//                             max_decompressed_size, max_elements, offload_decode_bytes

#include <mas/channel/channeloptions.h>

#include <QCommandLineParser>
#include <QCoreApplication>

namespace examples {

inline void addLimitOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("public"),
                      QCoreApplication::translate("serverlimits",
                                                  "Limits safe for an untrusted network (the public "
                                                  "profile of mas host).")});
    parser.addOption({QStringLiteral("limit"),
                      QCoreApplication::translate("serverlimits",
                                                  "Set one limit, e.g. max_connections=100 "
                                                  "(repeatable; the names of mas host's "
                                                  "\"limits\" config keys)."),
                      QStringLiteral("name=value")});
}

/// Puts --public and each --limit on `options`; an error text for the user, or empty.
inline QString applyLimitOptions(const QCommandLineParser &parser, mas::ChannelOptions &options)
{
    if (parser.isSet(QStringLiteral("public")))
        options = options.withPublicProfile();
    for (const QString &setting : parser.values(QStringLiteral("limit"))) {
        const qsizetype equals = setting.indexOf(u'=');
        bool ok = false;
        const qint64 value = equals > 0 ? setting.mid(equals + 1).toLongLong(&ok) : 0;
        const QString name = setting.left(equals);
        if (!ok || value < 0)
            return QCoreApplication::translate("serverlimits",
                                               "--limit takes NAME=VALUE with a non-negative "
                                               "integer, not \"%1\"")
                .arg(setting);
        // (the handshake timeout is TLS's, which these servers do not speak)
        if (name == u"handshake_timeout_ms" || !options.setLimit(name, value))
            return QCoreApplication::translate("serverlimits", "Unknown limit \"%1\"").arg(name);
    }
    if (mas::Result<void> valid = options.validate(); !valid)
        return valid.error().message();
    return QString();
}

} // namespace examples
