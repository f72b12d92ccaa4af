// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/result.h>
#include <mas/core/value.h>

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace mas {
struct ChannelOptions;
struct TlsOptions;
}

namespace mas::system {
class SystemFile;
}

namespace mas::cli {

/// One entry of a host config's "agents" list.
struct AgentSpec
{
    QString where; ///< "agents[2]", for messages
    QString type;
    mas::Value::List args;
    mas::Value::Map kwargs;
    qint64 count = 1;
};

/// One channel limit `mas host` can set: its config key (under "limits"), its command-line
/// option, and the least value it takes (0: the limit is off).
struct HostLimit
{
    QString key;    ///< "max_connections"
    QString option; ///< "max-connections"
    qint64 least = 0;
};

/// Every limit of `mas host`, in the order of its help (docs/security.md, section 2).
const std::vector<HostLimit> &hostLimits();

/// What `mas host` runs: the config file first, then the command line on top. Paths from a
/// config file are absolute (relative ones are taken relative to the file).
struct HostSettings
{
    QString listen;
    QString codec = QStringLiteral("json");
    QString clock = QStringLiteral("realtime");
    QString start;
    QString tlsCa;
    QString tlsCert;
    QString tlsKey;
    QStringList pluginPaths;
    bool monitor = false;
    std::vector<AgentSpec> agents;
    /// "trusted" (the library's defaults) or "public" (ChannelOptions::withPublicProfile()).
    QString profile = QStringLiteral("trusted");
    /// Limits set one by one, by config key (they win over the profile).
    std::map<QString, qint64> limits;

    bool tls() const { return !tlsCa.isEmpty() || !tlsCert.isEmpty() || !tlsKey.isEmpty(); }
};

/// Checks `profile` ("trusted" or "public").
mas::Result<void> checkProfile(const QString &profile);
/// Puts the profile and then each limit set in `settings` on `channel` and (for the TLS
/// handshake timeout) on `tls`.
void applyLimits(const HostSettings &settings, mas::ChannelOptions &channel,
                 std::optional<mas::TlsOptions> &tls);
/// Reads one limit's value given on the command line (`text`) into `settings`; the error names
/// the option.
mas::Result<void> readLimitOption(const HostLimit &limit, const QString &text, HostSettings &settings);

/// Reads the JSON file of `mas host --config FILE` (the format is in the command's help and
/// docs/deployment.md). Every error is an InvalidArgument whose message starts with the file
/// name: "FILE:LINE:COLUMN: ..." for JSON syntax and repeated keys, "FILE: reason" for the
/// rest; a system file's host keys are reported as SystemFile does, "FILE: KEY: reason".
class HostConfigReader
{
public:
    explicit HostConfigReader(const QString &fileName);

    /// The file's JSON: syntax errors give the line and column, and a key that appears twice in
    /// one object is an error.
    mas::Result<mas::Value> parse() const;
    /// The same for JSON text already read (`data` as if it were the file's contents).
    mas::Result<mas::Value> parse(const QByteArray &data) const;

    /// Whether the parsed file is a system file (mas::system::SystemFile): it lists "containers".
    static bool isSystemFile(const mas::Value &root);

    /// Reads a host config (not a system file) from its parsed JSON into `settings`.
    mas::Result<void> read(const mas::Value &config, HostSettings &settings) const;

    /// Reads what only a host takes from a system file, "tls" and "monitor" (SystemFile::load()
    /// reads and checks the rest); messages as SystemFile's: "FILE: KEY: reason".
    mas::Result<void> readHostKeys(const mas::Value &root,
                                   const mas::system::SystemFile &file,
                                   HostSettings &settings) const;

    /// The JSON type of `value` for messages ("a string", "an object", ...), translated.
    static QString jsonTypeName(const mas::Value &value);

private:
    mas::Error error(const QString &message) const;
    mas::Error
    wrongType(const QString &where, const QString &wanted, const mas::Value &value) const;
    mas::Result<void>
    checkKeys(const mas::Value &object, const QString &where, const QStringList &known) const;
    mas::Result<QString> string(const mas::Value &value, const QString &where) const;
    QString path(const QString &name) const;
    mas::Result<void> readClock(const mas::Value &value, HostSettings &settings) const;
    mas::Result<void> readTls(const mas::Value &value, HostSettings &settings) const;
    mas::Result<void> readPluginPath(const mas::Value &value, HostSettings &settings) const;
    mas::Result<void> readAgents(const mas::Value &value, HostSettings &settings) const;
    mas::Result<void> readLimits(const mas::Value &value, HostSettings &settings) const;

    QString m_fileName;
    QDir m_dir;
};

} // namespace mas::cli
