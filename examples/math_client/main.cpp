// SPDX-License-Identifier: MIT
// The seed README's RPC example on libmas, client side: calls the server's add(3, 4) and prints
// the sum (7). Exits 0 on success, non-zero with the error on stderr otherwise.
//
//   mas_math_server tcp://127.0.0.1:5555 [--codec json|msgpack|msgpack-blosc]
//   mas_math_client tcp://127.0.0.1:5555 [--codec ...]

#include <mas/core/run.h>
#include <mas/rpc/rpcclient.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <QCoro/QCoroTask>

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QCoro::Task<int> callAdd(mas::Address address, mas::ChannelOptions options)
{
    mas::Result<std::unique_ptr<mas::rpc::RpcClient>> client =
        co_await mas::rpc::openConnection(address, nullptr, options);
    if (!client) {
        err() << QCoreApplication::translate("main", "Cannot connect to %1: %2")
                     .arg(address.toString(), client.error().toString())
              << Qt::endl;
        co_return 1;
    }
    // aiomas: `rep = await rpc_con.remote.add(3, 4)`.
    const mas::Result<qint64> sum = co_await (*client)->call<qint64>(QStringLiteral("add"), 3, 4);
    if (!sum) {
        err() << QCoreApplication::translate("main", "add(3, 4) failed: %1").arg(sum.error().toString())
              << Qt::endl;
        co_return 1;
    }
    QTextStream(stdout) << *sum << Qt::endl;
    co_await (*client)->close();
    co_return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "The aiomas RPC example, client side: prints add(3, 4)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("address"),
                                 QCoreApplication::translate("main", "tcp://host:port or ipc://path"));
    parser.addOption({QStringLiteral("codec"),
                      QCoreApplication::translate("main", "json (default), msgpack or msgpack-blosc"),
                      QStringLiteral("codec"), QStringLiteral("json")});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        parser.showHelp(2);
    const mas::Result<mas::Address> address = mas::Address::parse(args[0]);
    if (!address) {
        err() << address.error().message() << Qt::endl;
        return 2;
    }
    mas::ChannelOptions options;
    options.codec = parser.value(QStringLiteral("codec"));
    options.connectTimeout = std::chrono::seconds(5); // the server may still be starting

    // Runs the event loop until the call is done (also when it fails at once, e.g. a bad codec).
    return mas::run(callAdd(*address, options));
}
