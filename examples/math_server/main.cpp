// SPDX-License-Identifier: MIT
// The seed README's RPC example on libmas, server side: a MathServer service with add(a, b).
//
//   mas_math_server tcp://127.0.0.1:5555 [--codec json|msgpack|msgpack-blosc] [--public]
//                   [--limit max_connections=100 ...]
//   mas_math_client tcp://127.0.0.1:5555 [--codec ...]      # prints 7
//
// Unix sockets work the same with ipc:///tmp/math.sock. The server runs until SIGINT/SIGTERM.

#include "../serverlimits.h"

#include <mas/core/terminationsignals.h>
#include <mas/rpc/router.h>
#include <mas/rpc/rpcclient.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "The aiomas RPC example, server side: serves add(a, b)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("address"),
                                 QCoreApplication::translate("main", "tcp://host:port or ipc://path"));
    parser.addOption({QStringLiteral("codec"),
                      QCoreApplication::translate("main", "json (default), msgpack or msgpack-blosc"),
                      QStringLiteral("codec"), QStringLiteral("json")});
    examples::addLimitOptions(parser);
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        parser.showHelp(2);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const mas::Result<mas::Address> address = mas::Address::parse(args[0]);
    if (!address) {
        err << address.error().message() << Qt::endl;
        return 2;
    }
    mas::ChannelOptions options;
    options.codec = parser.value(QStringLiteral("codec"));
    if (const QString wrong = examples::applyLimitOptions(parser, options); !wrong.isEmpty()) {
        err << wrong << Qt::endl;
        return 2;
    }

    // aiomas's `class MathServer: router = Service(); @router.expose def add(self, a, b)`.
    mas::rpc::Router router;
    router.setServiceName(QStringLiteral("MathServer"));
    // Python's integers do not wrap: a sum beyond 64 bits is a ValueError for the caller.
    router.expose(QStringLiteral("add"),
                  [](qint64 a, qint64 b) -> mas::Result<qint64> {
                      qint64 sum = 0;
                      if (__builtin_add_overflow(a, b, &sum))
                          return mas::Error(mas::ErrorCode::InvalidArgument,
                                            QStringLiteral("add(%1, %2) does not fit in 64 bits")
                                                .arg(a)
                                                .arg(b));
                      return sum;
                  },
                  {QStringLiteral("a"), QStringLiteral("b")});

    const mas::Result<mas::ChannelServer *> server =
        mas::rpc::startServer(*address, &router, {}, options, &app);
    if (!server) {
        err << QCoreApplication::translate("main", "Cannot serve on %1: %2")
                   .arg(args[0], server.error().toString())
            << Qt::endl;
        return 1;
    }
    out << QCoreApplication::translate("main", "listening on %1")
               .arg((*server)->address().toString())
        << Qt::endl;
    mas::onTerminationSignal(&app, [&app](int) { app.quit(); });
    const int rc = app.exec();
    delete *server; // closes the connections while the router still exists
    return rc;
}
