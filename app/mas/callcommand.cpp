// SPDX-License-Identifier: MIT
#include "callcommand.h"
#include "console.h"

#include <mas/agent/agenturl.h>

#include <mas/codec/dateserializer.h>
#include <mas/codec/jsoncodec.h>
#include <mas/rpc/rpcclient.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cmath>

namespace {

using mas::cli::err;
using mas::cli::out;

enum ExitCode { Ok = 0, RemoteFailure = 1, UsageError = 2, ConnectionFailure = 3 };

// The texts of `mas call` (lupdate files tr() calls of free functions only under a class).
struct CallCommand
{
    Q_DECLARE_TR_FUNCTIONS(CallCommand)
};

mas::Result<mas::Value> parseLiteral(const QString &text, const QString &what)
{
    mas::Result<mas::Value> v = mas::JsonCodec::read(text.toUtf8());
    if (!v)
        return mas::Error(mas::ErrorCode::InvalidArgument,
                          CallCommand::tr("%1 is not a JSON literal: %2 (write text in quotes: '\"text\"')")
                              .arg(what, text));
    return v;
}

/// Makes a result printable as JSON: bytes, proxies and dates become plain values.
mas::Value printable(const mas::Value &v)
{
    switch (v.type()) {
    case mas::Value::Type::Bytes:
        return mas::Value::map({{"$bytes", QString::fromLatin1(v.toBytes().toHex())}});
    case mas::Value::Type::Object:
        if (const auto *proxy = v.object()->as<mas::rpc::Proxy>())
            return mas::Value::map({{"$proxy", proxy->path()}});
        if (const auto *date = v.object()->as<QDateTime>())
            return mas::formatIsoDate(*date);
        return mas::Value::map({{"$object", v.object()->typeName()}});
    case mas::Value::Type::List: {
        mas::Value::List items;
        for (const mas::Value &item : v.asList())
            items.push_back(printable(item));
        return mas::Value(std::move(items));
    }
    case mas::Value::Type::Map: {
        mas::Value::Map entries;
        for (const auto &[key, item] : v.asMap())
            entries.emplace_back(printable(key), printable(item));
        return mas::Value(std::move(entries));
    }
    default:
        return v;
    }
}

int reportError(const mas::Error &error)
{
    if (error.code() == mas::ErrorCode::RemoteException) {
        err() << error.remoteTraceback();
        if (!error.remoteTraceback().endsWith(u'\n'))
            err() << '\n';
        err().flush();
        return RemoteFailure;
    }
    err() << "mas call: " << error.message() << Qt::endl;
    return error.isConnectionError() || error.code() == mas::ErrorCode::TlsError ? ConnectionFailure
                                                                                : UsageError;
}

} // namespace

QCoro::Task<int> runCallCommand(QStringList arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CallCommand::tr(
        "Calls a method of an aiomas RPC service or agent and prints the result as JSON.\n\n"
        "ADDRESS is tcp://HOST:PORT or ipc://PATH for a service, or an agent URL\n"
        "tcp://HOST:PORT/AID (or ipc://[PATH]/AID): then mas checks that the agent exists\n"
        "and calls agents/AID/PATH in its container.\n"
        "Arguments are JSON literals: 3, 2.5, true, null, '\"text\"', '[1, 2]', '{\"a\": 1}'.\n\n"
        "Examples:\n"
        "  mas call tcp://127.0.0.1:5555 add 3 4\n"
        "  mas call tcp://127.0.0.1:5555 calc/mul 6 7 --codec msgpack\n"
        "  mas call tcp://127.0.0.1:5555 add --kw a=40 --kw b=2\n"
        "  mas call tcp://127.0.0.1:5555/0 hello '\"world\"'\n"
        "  mas call ipc:///tmp/math.sock add 1 2 --timeout 5\n\n"
        "Exit status: 0 success; 1 the remote side failed (its traceback is printed on\n"
        "stderr); 2 bad usage or arguments; 3 connection, TLS or timeout error."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ADDRESS"), CallCommand::tr("Service address or agent URL."));
    parser.addPositionalArgument(QStringLiteral("PATH"), CallCommand::tr("Method path, e.g. add or calc/mul."));
    parser.addPositionalArgument(QStringLiteral("ARG"), CallCommand::tr("Positional arguments as JSON literals."),
                                 QStringLiteral("[ARG...]"));
    const QCommandLineOption kwOption(QStringLiteral("kw"),
                                      CallCommand::tr("A keyword argument NAME=VALUE, VALUE a JSON literal (repeatable)."),
                                      QStringLiteral("NAME=VALUE"));
    const QCommandLineOption codecOption(QStringLiteral("codec"),
                                         CallCommand::tr("Codec: json (default), msgpack or msgpack-blosc; must match the peer."),
                                         QStringLiteral("CODEC"), QStringLiteral("json"));
    const QCommandLineOption caOption(QStringLiteral("tls-ca"), CallCommand::tr("Use TLS; PEM file of the CA the peer's certificate must be signed by."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption certOption(QStringLiteral("tls-cert"), CallCommand::tr("PEM file with our certificate (TLS)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("tls-key"), CallCommand::tr("PEM file with our private key (TLS)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           CallCommand::tr("Seconds to keep trying to connect and to wait for the reply (default 10)."),
                                           QStringLiteral("S"), QStringLiteral("10"));
    parser.addOptions({kwOption, codecOption, caOption, certOption, keyOption, timeoutOption});
    if (!parser.parse(arguments)) {
        err() << "mas call: " << parser.errorText() << Qt::endl;
        co_return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        co_return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        err() << "mas call: " << CallCommand::tr("ADDRESS and PATH are required; see mas call --help") << Qt::endl;
        co_return UsageError;
    }

    mas::Result<mas::CallTarget> target = mas::CallTarget::parse(positional[0]);
    if (!target)
        co_return reportError(target.error());
    mas::Value::List args;
    for (qsizetype i = 2; i < positional.size(); ++i) {
        mas::Result<mas::Value> v = parseLiteral(positional[i], CallCommand::tr("Argument %1").arg(i - 1));
        if (!v)
            co_return reportError(v.error());
        args.push_back(*v);
    }
    mas::Value::Map kwargs;
    for (const QString &kw : parser.values(kwOption)) {
        const qsizetype eq = kw.indexOf(u'=');
        if (eq <= 0) {
            err() << "mas call: " << CallCommand::tr("--kw takes NAME=VALUE, got \"%1\"").arg(kw) << Qt::endl;
            co_return UsageError;
        }
        mas::Result<mas::Value> v = parseLiteral(kw.mid(eq + 1), CallCommand::tr("Keyword %1").arg(kw.left(eq)));
        if (!v)
            co_return reportError(v.error());
        kwargs.emplace_back(mas::Value(kw.left(eq)), *v);
    }
    bool ok = false;
    const double seconds = parser.value(timeoutOption).toDouble(&ok);
    if (!ok || !(seconds > 0) || !std::isfinite(seconds)) {
        err() << "mas call: " << CallCommand::tr("--timeout takes a positive number of seconds") << Qt::endl;
        co_return UsageError;
    }
    const auto timeout = std::chrono::milliseconds(qint64(seconds * 1000));

    mas::ChannelOptions options;
    options.codec = parser.value(codecOption);
    options.connectTimeout = timeout;
    options.attemptTimeout = timeout;
    options.requestTimeout = timeout;
    if (parser.isSet(caOption) || parser.isSet(certOption) || parser.isSet(keyOption)) {
        // (Filled member by member: GCC 12 miscompiles braced initializers in coroutines.)
        mas::TlsOptions tls;
        tls.caFile = parser.value(caOption);
        tls.certFile = parser.value(certOption);
        tls.keyFile = parser.value(keyOption);
        tls.handshakeTimeout = timeout;
        options.tls = tls;
    }
    if (!target->aid.isEmpty()) {
        // A container connection: aiomas registers its date serializer first (type id 0).
        options.extraSerializers.push_back([](mas::SerializerRegistry &r) -> mas::Result<void> {
            mas::Result<int> id = mas::addDateSerializer(r);
            if (!id)
                return id.error();
            return {};
        });
    }

    mas::Result<std::unique_ptr<mas::rpc::RpcClient>> client = co_await mas::rpc::openConnection(target->address, nullptr, options);
    if (!client)
        co_return reportError(client.error());

    QString path = positional[1];
    if (!target->aid.isEmpty()) {
        mas::Value::List aid;
        aid.emplace_back(target->aid);
        mas::Result<mas::Value> exists = co_await (*client)->call(QStringLiteral("validate_aid"), std::move(aid));
        if (!exists)
            co_return reportError(exists.error());
        if (exists->isNull()) {
            err() << "mas call: "
                  << CallCommand::tr("Agent \"%1\" does not exist in the container at %2").arg(target->aid, target->address.toString())
                  << Qt::endl;
            co_return ConnectionFailure;
        }
        path = target->path(path);
    }
    mas::Result<mas::Value> result = co_await (*client)->call(path, std::move(args), std::move(kwargs));
    if (!result)
        co_return reportError(result.error());
    mas::Result<QByteArray> json = mas::JsonCodec::write(printable(*result), nullptr);
    if (!json)
        co_return reportError(json.error());
    out() << QString::fromUtf8(*json) << Qt::endl;
    co_await (*client)->close();
    co_return Ok;
}
