// SPDX-License-Identifier: MIT
// `mas`: the libmas command-line tool.

#include "callcommand.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mas"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAS_VERSION));

    const QStringList args = app.arguments();
    const QString command = args.value(1);
    if (command == u"call") {
        QStringList rest = args;
        rest.removeAt(1); // the parser sees "mas ARGS...", as for a program of its own
        // Exit from the running loop, also when the command finishes before it starts waiting.
        QCoro::connect(runCallCommand(rest), &app, [](int rc) {
            QMetaObject::invokeMethod(QCoreApplication::instance(), [rc] { QCoreApplication::exit(rc); },
                                      Qt::QueuedConnection);
        });
        return app.exec();
    }
    QTextStream err(stderr);
    if (command == u"--version" || command == u"-v") {
        QTextStream(stdout) << "mas " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    err << QCoreApplication::translate("mas", "Usage: mas COMMAND [OPTIONS]\n\n"
                                               "Commands:\n"
                                               "  call   call a method of an aiomas RPC service or agent\n\n"
                                               "Run \"mas call --help\" for the options of a command.")
        << Qt::endl;
    return command.isEmpty() || command == u"--help" || command == u"-h" ? 0 : 2;
}
