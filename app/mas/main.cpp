// SPDX-License-Identifier: MIT
// `mas`: the libmas command-line tool.

#include "callcommand.h"
#include "explorecommand.h"
#include "hostcommand.h"
#include "newcommand.h"
#include "runcommand.h"
#include "subproccommand.h"

#include <mas/i18n/language.h>

#include <QCoreApplication>
#include <QTextStream>

namespace {

using Command = QCoro::Task<int> (*)(QStringList arguments);

/// Runs a command's coroutine and exits with its code, also when it finishes before the event
/// loop starts waiting.
int run(QCoreApplication &app, Command command, QStringList arguments)
{
    arguments.removeAt(1); // the parser sees "mas ARGS...", as for a program of its own
    QCoro::connect(command(arguments), &app, [](int rc) {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [rc] { QCoreApplication::exit(rc); },
                                  Qt::QueuedConnection);
    });
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mas"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAS_VERSION));
    mas::i18n::installTranslators(mas::i18n::uiLocale()); // the system's language

    const QStringList args = app.arguments();
    const QString command = args.value(1);
    const std::pair<const char16_t *, Command> commands[] = {
        {u"call", runCallCommand},
        {u"host", runHostCommand},
        {u"subproc", runSubprocCommand},
        {u"explore", runExploreCommand},
        {u"new", runNewCommand},
        {u"run", runRunCommand},
    };
    for (const auto &[name, function] : commands) {
        if (command == QStringView(name))
            return run(app, function, args);
    }
    if (command == u"--version" || command == u"-v") {
        QTextStream(stdout) << "mas " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    // The command list with `run`, a line of its own so that the list's translations still
    // hold: it goes before the last paragraph ("Run \"mas COMMAND --help\" ...").
    QString usage = QCoreApplication::translate("mas", "Usage: mas COMMAND [OPTIONS]\n\n"
                                                               "Commands:\n"
                                                               "  call     call a method of an aiomas RPC service or agent\n"
                                                               "  host     run a container of agents without a display\n"
                                                               "  subproc  run a sub-process container (aiomas subproc: a Manager as agent 0)\n"
                                                               "  explore  search a demo's delivery orders for a run that breaks an invariant\n"
                                                               "  new      start a plug-in of your own agents (a CMake project)\n\n"
                                                               "Run \"mas COMMAND --help\" for the options of a command.");
    const QString runLine = QCoreApplication::translate("mas", "  run      step Python asyncio programs without a display (--python PROGRAM.py)");
    const qsizetype lastParagraph = usage.lastIndexOf(QStringLiteral("\n\n"));
    usage.insert(lastParagraph < 0 ? usage.size() : lastParagraph, u'\n' + runLine);
    QTextStream(stderr) << usage << Qt::endl;
    return command.isEmpty() || command == u"--help" || command == u"-h" ? 0 : 2;
}
