// SPDX-License-Identifier: MIT
// The command line of a mosaik simulator process (mosaik-api-v3's conventions) and its main loop.
#include "simulator.h"

#include <mas/core/logging_p.h>
#include <mas/core/terminationsignals.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTextStream>

#include <QCoro/QCoroTask>

#include <cstdio>

namespace mas::mosaik {

namespace {
// lupdate files the texts of free functions in this namespace under "mas::mosaik".
QString tr(const char *text)
{
    return QCoreApplication::translate("mas::mosaik", text);
}

void setLogLevel(const QString &level)
{
    // mosaik-api-v3's levels; "info" shows the simulator's life cycle, "debug" every request.
    QString rules;
    if (level == u"debug")
        rules = QStringLiteral("mas.*.debug=true\nmas.*.info=true");
    else if (level == u"info")
        rules = QStringLiteral("mas.*.info=true");
    else if (level == u"error")
        rules = QStringLiteral("mas.*.warning=false");
    if (!rules.isEmpty())
        QLoggingCategory::setFilterRules(rules);
}
} // namespace

Result<Address> parseHostPort(QStringView text)
{
    text = text.trimmed();
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon > 0 ? text.sliced(colon + 1).toUInt(&ok) : 0;
    if (colon <= 0 || !ok || port > 65535)
        return Error(ErrorCode::InvalidAddress, tr("\"%1\" is not HOST:PORT").arg(text));
    QStringView host = text.first(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.sliced(1, host.size() - 2);
    return Address::tcp(host.toString(), quint16(port));
}

std::variant<StartOptions, int> parseStartArguments(const QStringList &arguments, const QString &description)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        description.isEmpty() ? tr("A mosaik simulator. Started by mosaik's \"cmd\" starter with the address "
                                   "mosaik listens on, or with --remote for mosaik's \"connect\" starter.")
                              : description);
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ADDR"), tr("HOST:PORT of mosaik (connect there), or with "
                                                             "--remote the address to listen on"));
    const QCommandLineOption remote({QStringLiteral("r"), QStringLiteral("remote")},
                                    tr("Listen on ADDR and wait for mosaik to connect (sim_config \"connect\")."));
    const QCommandLineOption timeout({QStringLiteral("t"), QStringLiteral("timeout")},
                                     tr("Seconds to wait for mosaik (default 60)."), tr("SECONDS"),
                                     QStringLiteral("60"));
    const QCommandLineOption logLevel({QStringLiteral("l"), QStringLiteral("log-level")},
                                      tr("debug, info, warning (default) or error."), tr("LEVEL"),
                                      QStringLiteral("warning"));
    parser.addOptions({remote, timeout, logLevel});

    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << tr("Give exactly one address (HOST:PORT); see --help.") << '\n';
        return 2;
    }
    Result<Address> address = parseHostPort(positional.front());
    if (!address) {
        err << address.error().message() << '\n';
        return 2;
    }
    bool ok = false;
    const double seconds = parser.value(timeout).toDouble(&ok);
    if (!ok || seconds <= 0) {
        err << tr("--timeout needs a positive number of seconds") << '\n';
        return 2;
    }
    const QString level = parser.value(logLevel);
    if (!QStringList{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("error")}.contains(level)) {
        err << tr("Unknown log level \"%1\"").arg(level) << '\n';
        return 2;
    }
    setLogLevel(level);
    StartOptions options;
    options.address = *address;
    options.listen = parser.isSet(remote);
    options.timeout = std::chrono::milliseconds(qint64(seconds * 1000));
    return options;
}

int startSimulation(Simulator &simulator, const QStringList &arguments, const QString &description)
{
    std::variant<StartOptions, int> parsed = parseStartArguments(arguments, description);
    if (const int *code = std::get_if<int>(&parsed))
        return *code;
    const StartOptions options = std::get<StartOptions>(parsed);

    QEventLoop loop;
    int exitCode = 0;
    QObject::connect(&simulator, &Simulator::stopped, &loop, [&](const Error &reason) {
        if (reason.isError()) {
            QTextStream(stderr) << tr("Simulator stopped: %1").arg(reason.message()) << '\n';
            exitCode = 1;
        }
        loop.quit();
    });
    onTerminationSignal(&loop, [&](int) {
        QTextStream(stderr) << tr("Interrupted") << '\n';
        exitCode = 1;
        loop.quit();
    });

    if (options.listen) {
        Result<Address> listening = simulator.listen(options.address, options.timeout);
        if (!listening) {
            QTextStream(stderr) << tr("Cannot listen on %1: %2").arg(options.address.toString(), listening.error().message()) << '\n';
            return 1;
        }
        QTextStream(stdout) << tr("Listening on %1:%2").arg(listening->host()).arg(listening->port()) << Qt::endl;
    } else {
        bool failed = false;
        QCoro::connect(simulator.connectTo(options.address), &loop, [&](const Result<void> &r) {
            if (!r) {
                QTextStream(stderr) << tr("Cannot connect to mosaik at %1: %2")
                                           .arg(options.address.toString(), r.error().message())
                                    << '\n';
                failed = true;
                loop.quit();
            }
        });
        loop.exec();
        return failed ? 1 : exitCode;
    }
    if (!simulator.isStopped())
        loop.exec();
    return exitCode;
}

} // namespace mas::mosaik
