// SPDX-License-Identifier: MIT
#include "hostconfig.h"

#include <mas/channel/channeloptions.h>
#include <mas/codec/jsoncodec.h>
#include <mas/system/systemfile.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <optional>
#include <utility>

namespace mas::cli {

namespace {

// The texts of `mas host` (one context with hostcommand.cpp; lupdate files tr() calls of free
// functions only under a class).
struct HostCommand
{
    Q_DECLARE_TR_FUNCTIONS(HostCommand)
};

mas::Error usageError(const QString &message)
{
    return mas::Error(mas::ErrorCode::InvalidArgument, message);
}

/// Where a syntactically valid JSON text repeats a key within one object, as the key and the
/// byte offset of its second occurrence. Qt's JSON parser keeps only one of the values silently
/// and libmas's JsonCodec keeps Python's dict semantics (the wire contract), so neither can tell;
/// this is the one place that does. The text must have passed QJsonDocument's syntax check.
std::optional<std::pair<QString, qsizetype>> findDuplicateKey(const QByteArray &json)
{
    struct Frame
    {
        bool object = false;
        bool expectKey = false;
        QSet<QString> keys;
    };
    std::vector<Frame> stack;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            Frame frame;
            frame.object = c == '{';
            frame.expectKey = frame.object;
            stack.push_back(std::move(frame));
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty() && stack.back().object)
                stack.back().expectKey = true;
        } else if (c == '"') {
            const qsizetype begin = i;
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                if (json[i] == '\\')
                    ++i;
            }
            if (stack.empty() || !stack.back().expectKey)
                continue;
            stack.back().expectKey = false;
            // Decoded, so that "a" and "\u0061" are one key.
            const QJsonDocument wrapped =
                QJsonDocument::fromJson('[' + json.mid(begin, i - begin + 1) + ']');
            const QString key = wrapped.array().at(0).toString();
            if (stack.back().keys.contains(key))
                return std::make_pair(key, begin);
            stack.back().keys.insert(key);
        }
    }
    return std::nullopt;
}

/// "LINE:COLUMN" (from 1, columns in characters) of a byte offset.
QString position(const QByteArray &data, qsizetype offset)
{
    const QByteArray before = data.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size() + 1;
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

} // namespace

const std::vector<HostLimit> &hostLimits()
{
    static const std::vector<HostLimit> limits = {
        {QStringLiteral("max_connections"), QStringLiteral("max-connections"), 1},
        {QStringLiteral("max_connections_per_peer"), QStringLiteral("max-connections-per-peer"), 0},
        {QStringLiteral("idle_timeout_ms"), QStringLiteral("idle-timeout-ms"), 0},
        {QStringLiteral("frame_timeout_ms"), QStringLiteral("frame-timeout-ms"), 0},
        {QStringLiteral("min_frame_byte_rate"), QStringLiteral("min-frame-byte-rate"), 0},
        {QStringLiteral("max_frame_size"), QStringLiteral("max-frame-size"), 1},
        {QStringLiteral("memory_budget"), QStringLiteral("memory-budget"), 0},
        {QStringLiteral("max_write_buffer"), QStringLiteral("max-write-buffer"), 1},
        {QStringLiteral("max_pending_requests"), QStringLiteral("max-pending-requests"), 1},
        {QStringLiteral("max_decompression_ratio"), QStringLiteral("max-decompression-ratio"), 0},
        {QStringLiteral("max_decompressed_size"), QStringLiteral("max-decompressed-size"), 1},
        {QStringLiteral("max_elements"), QStringLiteral("max-elements"), 1},
        {QStringLiteral("offload_decode_bytes"), QStringLiteral("offload-decode-bytes"), 0},
        {QStringLiteral("handshake_timeout_ms"), QStringLiteral("handshake-timeout-ms"), 0},
    };
    return limits;
}

mas::Result<void> checkProfile(const QString &profile)
{
    if (profile == u"trusted" || profile == u"public")
        return {};
    return usageError(
        HostCommand::tr("Unknown profile \"%1\": use trusted (the default) or public").arg(profile));
}

void applyLimits(const HostSettings &settings, mas::ChannelOptions &channel,
                 std::optional<mas::TlsOptions> &tls)
{
    channel.tls = tls; // the handshake timeout is TLS's
    if (settings.profile == u"public")
        channel = channel.withPublicProfile();
    for (const auto &[key, value] : settings.limits)
        (void)channel.setLimit(key, value); // the keys were checked when they were read
    tls = channel.tls;
}

mas::Result<void> readLimitOption(const HostLimit &limit, const QString &text, HostSettings &settings)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < limit.least)
        return usageError(
            //: %1 an option such as --max-connections, %2 0 or 1, %3 what was given
            HostCommand::tr("--%1 takes an integer of at least %2, not \"%3\"")
                .arg(limit.option)
                .arg(limit.least)
                .arg(text));
    settings.limits[limit.key] = value;
    return {};
}

HostConfigReader::HostConfigReader(const QString &fileName)
    : m_fileName(fileName)
    , m_dir(QFileInfo(fileName).absoluteDir())
{}

QString HostConfigReader::jsonTypeName(const mas::Value &v)
{
    // Each completes a sentence such as "\"listen\" must be a non-empty string, not %1"; a
    // disambiguation of their own, because the type a value must have ("must be %1") may read
    // differently in a translation from the type it has ("not %1").
    switch (v.type()) {
    case mas::Value::Type::Null:
        //: The JSON value null, ending "... must be an object, not null"
        return HostCommand::tr("null", "the JSON type a value has");
    case mas::Value::Type::Bool:
        //: A JSON type, ending "... must be an object, not a boolean"
        return HostCommand::tr("a boolean", "the JSON type a value has");
    case mas::Value::Type::String:
        //: A JSON type, ending "... must be an object, not a string"
        return HostCommand::tr("a string", "the JSON type a value has");
    case mas::Value::Type::List:
        //: A JSON type, ending "... must be an object, not an array"
        return HostCommand::tr("an array", "the JSON type a value has");
    case mas::Value::Type::Map:
        //: A JSON type, ending "... must be an array, not an object"
        return HostCommand::tr("an object", "the JSON type a value has");
    default:
        //: A JSON type, ending "... must be a non-empty string, not a number"
        return HostCommand::tr("a number", "the JSON type a value has");
    }
}

mas::Result<mas::Value> HostConfigReader::parse() const
{
    QFile file(m_fileName);
    if (!file.open(QIODevice::ReadOnly))
        return usageError(HostCommand::tr("Cannot read the config file %1: %2")
                              .arg(m_fileName, file.errorString()));
    return parse(file.readAll());
}

mas::Result<mas::Value> HostConfigReader::parse(const QByteArray &data) const
{
    // QJsonDocument finds syntax errors with their position; the values themselves are read with
    // libmas's decoder, which keeps integers exact and keys in order.
    QJsonParseError parseError;
    QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return usageError(
            HostCommand::tr("%1:%2: invalid JSON: %3")
                .arg(m_fileName, position(data, parseError.offset), parseError.errorString()));
    if (const auto duplicate = findDuplicateKey(data))
        return usageError(
            HostCommand::tr("%1:%2: key \"%3\" appears twice in one object")
                .arg(m_fileName, position(data, duplicate->second), duplicate->first));
    mas::Result<mas::Value> root = mas::JsonCodec::read(data);
    if (!root)
        return error(root.error().message());
    return root;
}

bool HostConfigReader::isSystemFile(const mas::Value &root)
{
    return root.isMap() && root.find(u"containers") != nullptr;
}

mas::Result<void> HostConfigReader::read(const mas::Value &config, HostSettings &settings) const
{
    if (!config.isMap())
        return error(
            HostCommand::tr("the config must be a JSON object, not %1").arg(jsonTypeName(config)));
    MAS_TRY_VOID(
        checkKeys(config, HostCommand::tr("the config"),
                  {QStringLiteral("listen"), QStringLiteral("codec"), QStringLiteral("clock"),
                   QStringLiteral("tls"), QStringLiteral("plugin_path"), QStringLiteral("monitor"),
                   QStringLiteral("agents"), QStringLiteral("profile"), QStringLiteral("limits")}));
    for (const auto &[key, value] : config.asMap()) {
        const QString name = key.toString();
        if (name == u"listen") {
            MAS_TRY(text, string(value, name));
            settings.listen = text;
        } else if (name == u"codec") {
            MAS_TRY(text, string(value, name));
            settings.codec = text;
        } else if (name == u"clock") {
            MAS_TRY_VOID(readClock(value, settings));
        } else if (name == u"tls") {
            MAS_TRY_VOID(readTls(value, settings));
        } else if (name == u"plugin_path") {
            MAS_TRY_VOID(readPluginPath(value, settings));
        } else if (name == u"monitor") {
            if (!value.isBool())
                return wrongType(name, HostCommand::tr("true or false"), value);
            settings.monitor = value.toBool();
        } else if (name == u"agents") {
            MAS_TRY_VOID(readAgents(value, settings));
        } else if (name == u"profile") {
            MAS_TRY(text, string(value, name));
            if (Result<void> known = checkProfile(text); !known)
                return error(known.error().message());
            settings.profile = text;
        } else if (name == u"limits") {
            MAS_TRY_VOID(readLimits(value, settings));
        }
    }
    return {};
}

mas::Result<void> HostConfigReader::readHostKeys(const mas::Value &root,
                                                 const mas::system::SystemFile &file,
                                                 HostSettings &settings) const
{
    if (const mas::Value *tls = root.find(u"tls")) {
        if (!tls->isMap())
            return file.error(
                QStringLiteral("tls"),
                HostCommand::tr("Expected an object {\"ca\", \"cert\", \"key\"}, not %1")
                    .arg(jsonTypeName(*tls)));
        for (const auto &[key, value] : tls->asMap()) {
            const QString name = key.toString();
            const QString where = QStringLiteral("tls.") + name;
            if (name != u"ca" && name != u"cert" && name != u"key")
                return file.error(where, HostCommand::tr("Unknown key (known: ca, cert, key)"));
            if (!value.isString() || value.toString().isEmpty())
                return file.error(where, HostCommand::tr("Expected the name of a PEM file, not %1")
                                             .arg(jsonTypeName(value)));
            (name == u"ca"     ? settings.tlsCa
             : name == u"cert" ? settings.tlsCert
                               : settings.tlsKey) = path(value.toString());
        }
    }
    if (const mas::Value *monitor = root.find(u"monitor")) {
        if (!monitor->isBool())
            return file.error(
                QStringLiteral("monitor"),
                HostCommand::tr("Expected true or false, not %1").arg(jsonTypeName(*monitor)));
        settings.monitor = monitor->toBool();
    }
    return {};
}

mas::Error HostConfigReader::error(const QString &message) const
{
    return usageError(m_fileName + QStringLiteral(": ") + message);
}

mas::Error HostConfigReader::wrongType(const QString &where,
                                       const QString &wanted,
                                       const mas::Value &value) const
{
    return error(
        //: %1 a key, %2 the type it must have ("an array", ...), %3 the JSON type it has
        HostCommand::tr("\"%1\" must be %2, not %3").arg(where, wanted, jsonTypeName(value)));
}

/// Rejects unknown keys, so a typo never goes unnoticed.
mas::Result<void> HostConfigReader::checkKeys(const mas::Value &object,
                                              const QString &where,
                                              const QStringList &known) const
{
    for (const auto &[key, value] : object.asMap()) {
        Q_UNUSED(value)
        const QString name = key.toString();
        if (!known.contains(name))
            return error(HostCommand::tr("unknown key \"%1\" in %2 (known keys: %3)")
                             .arg(name, where, known.join(u", ")));
    }
    return {};
}

mas::Result<QString> HostConfigReader::string(const mas::Value &value, const QString &where) const
{
    if (!value.isString() || value.toString().isEmpty())
        return wrongType(where, HostCommand::tr("a non-empty string"), value);
    return value.toString();
}

QString HostConfigReader::path(const QString &name) const
{
    return QDir::cleanPath(m_dir.absoluteFilePath(name));
}

mas::Result<void> HostConfigReader::readClock(const mas::Value &value, HostSettings &settings) const
{
    if (value.isString()) {
        settings.clock = value.toString();
        return {};
    }
    if (!value.isMap())
        return wrongType(QStringLiteral("clock"),
                         HostCommand::tr("\"realtime\", \"external\" or an object"), value);
    MAS_TRY_VOID(checkKeys(value, QStringLiteral("\"clock\""),
                           {QStringLiteral("type"), QStringLiteral("start")}));
    if (const mas::Value *type = value.find(u"type")) {
        MAS_TRY(text, string(*type, QStringLiteral("clock.type")));
        settings.clock = text;
    }
    if (const mas::Value *start = value.find(u"start")) {
        MAS_TRY(text, string(*start, QStringLiteral("clock.start")));
        settings.start = text;
    }
    return {};
}

mas::Result<void> HostConfigReader::readTls(const mas::Value &value, HostSettings &settings) const
{
    if (!value.isMap())
        return wrongType(QStringLiteral("tls"),
                         HostCommand::tr("an object {\"ca\", \"cert\", \"key\"}"), value);
    MAS_TRY_VOID(checkKeys(value, QStringLiteral("\"tls\""),
                           {QStringLiteral("ca"), QStringLiteral("cert"), QStringLiteral("key")}));
    for (const auto &[key, file] : value.asMap()) {
        const QString name = key.toString();
        MAS_TRY(text, string(file, QStringLiteral("tls.") + name));
        (name == u"ca"     ? settings.tlsCa
         : name == u"cert" ? settings.tlsCert
                           : settings.tlsKey) = path(text);
    }
    return {};
}

mas::Result<void> HostConfigReader::readPluginPath(const mas::Value &value,
                                                   HostSettings &settings) const
{
    if (value.isString()) {
        settings.pluginPaths << path(value.toString());
        return {};
    }
    if (!value.isList())
        return wrongType(QStringLiteral("plugin_path"),
                         HostCommand::tr("a string or an array of strings"), value);
    for (qsizetype i = 0; i < value.size(); ++i) {
        MAS_TRY(text, string(value.at(i), QStringLiteral("plugin_path[%1]").arg(i)));
        settings.pluginPaths << path(text);
    }
    return {};
}

mas::Result<void> HostConfigReader::readLimits(const mas::Value &value, HostSettings &settings) const
{
    if (!value.isMap())
        return wrongType(QStringLiteral("limits"), HostCommand::tr("an object"), value);
    QStringList known;
    for (const HostLimit &limit : hostLimits())
        known << limit.key;
    MAS_TRY_VOID(checkKeys(value, QStringLiteral("\"limits\""), known));
    for (const HostLimit &limit : hostLimits()) {
        const mas::Value *entry = value.find(QStringView(limit.key));
        if (!entry)
            continue;
        if (entry->type() != mas::Value::Type::Int || entry->toInt() < limit.least)
            return error(
                //: %1 a key such as limits.max_connections, %2 0 or 1, %3 the value or its JSON type
                HostCommand::tr("\"limits.%1\" must be an integer of at least %2, not %3")
                    .arg(limit.key)
                    .arg(limit.least)
                    .arg(entry->isInteger() ? entry->toDisplayString() : jsonTypeName(*entry)));
        settings.limits[limit.key] = entry->toInt();
    }
    return {};
}

mas::Result<void> HostConfigReader::readAgents(const mas::Value &value,
                                               HostSettings &settings) const
{
    if (!value.isList())
        return wrongType(QStringLiteral("agents"), HostCommand::tr("an array"), value);
    for (qsizetype i = 0; i < value.size(); ++i) {
        const mas::Value &entry = value.at(i);
        AgentSpec spec;
        spec.where = QStringLiteral("agents[%1]").arg(i);
        if (!entry.isMap())
            return wrongType(
                spec.where,
                HostCommand::tr("an object {\"type\", \"args\", \"kwargs\", \"count\"}"), entry);
        MAS_TRY_VOID(checkKeys(entry, spec.where,
                               {QStringLiteral("type"), QStringLiteral("args"),
                                QStringLiteral("kwargs"), QStringLiteral("count")}));
        const mas::Value *type = entry.find(u"type");
        if (!type)
            return error(
                HostCommand::tr("%1 has no \"type\" (an agent type such as \"pkg.module:Class\")")
                    .arg(spec.where));
        MAS_TRY(typeName, string(*type, spec.where + QStringLiteral(".type")));
        spec.type = typeName;
        if (const mas::Value *args = entry.find(u"args")) {
            if (!args->isList())
                return wrongType(spec.where + QStringLiteral(".args"), HostCommand::tr("an array"),
                                 *args);
            spec.args = args->asList();
        }
        if (const mas::Value *kwargs = entry.find(u"kwargs")) {
            if (!kwargs->isMap())
                return wrongType(spec.where + QStringLiteral(".kwargs"),
                                 HostCommand::tr("an object"), *kwargs);
            spec.kwargs = kwargs->asMap();
        }
        if (const mas::Value *count = entry.find(u"count")) {
            if (count->type() != mas::Value::Type::Int || count->toInt() < 1)
                return error(HostCommand::tr("\"%1.count\" must be a positive integer, not %2")
                                 .arg(spec.where, count->isInteger() ? count->toDisplayString()
                                                                     : jsonTypeName(*count)));
            spec.count = count->toInt();
        }
        settings.agents.push_back(std::move(spec));
    }
    return {};
}

} // namespace mas::cli
