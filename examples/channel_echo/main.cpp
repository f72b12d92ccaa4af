// SPDX-License-Identifier: MIT
// The seed README's first example on libmas: the client sends "ohai", the server prints it and
// replies "cya".
//
//   mas_channel_echo server tcp://127.0.0.1:5555 [--codec json|msgpack|msgpack-blosc]
//   mas_channel_echo client tcp://127.0.0.1:5555 [--codec ...]
//
// Unix sockets work the same with ipc:///tmp/echo.sock. The server runs until SIGINT/SIGTERM.

#include <mas/channel/connection.h>
#include <mas/core/run.h>
#include <mas/core/terminationsignals.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <QCoro/QCoroTask>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QCoro::Task<int> runClient(mas::Address address, mas::ChannelOptions options)
{
    auto channel = co_await mas::openConnection(address, options);
    if (!channel) {
        qCritical().noquote() << channel.error().toString();
        co_return 1;
    }
    mas::Result<mas::Value> reply = co_await (*channel)->send("ohai");
    if (!reply) {
        qCritical().noquote() << reply.error().toString();
        co_return 1;
    }
    out() << reply->toString() << Qt::endl;
    co_await (*channel)->close();
    co_return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "The aiomas channel example: ohai / cya."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("role"), QCoreApplication::translate("main", "server or client"));
    parser.addPositionalArgument(QStringLiteral("address"),
                                 QCoreApplication::translate("main", "tcp://host:port or ipc://path"));
    parser.addOption({QStringLiteral("codec"),
                      QCoreApplication::translate("main", "json (default), msgpack or msgpack-blosc"),
                      QStringLiteral("codec"), QStringLiteral("json")});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || (args[0] != u"server" && args[0] != u"client"))
        parser.showHelp(2);
    const mas::Result<mas::Address> address = mas::Address::parse(args[1]);
    if (!address) {
        qCritical().noquote() << address.error().message();
        return 2;
    }
    mas::ChannelOptions options;
    options.codec = parser.value(QStringLiteral("codec"));
    options.connectTimeout = std::chrono::seconds(10); // give a server a moment to start

    if (args[0] == u"client")
        return mas::run(runClient(*address, options));

    auto server = mas::startServer(
        *address,
        [](mas::Channel *channel) {
            QObject::connect(channel, &mas::Channel::requestReceived, channel, [channel] {
                while (auto request = channel->takeRequest()) {
                    out() << request->content().toString() << Qt::endl;
                    (void)request->reply("cya");
                }
            });
        },
        options, &app);
    if (!server) {
        qCritical().noquote() << server.error().message();
        return 1;
    }
    out() << "listening on " << (*server)->address().toString() << Qt::endl;
    mas::onTerminationSignal(&app, [&app](int) { app.quit(); });
    return app.exec();
}
