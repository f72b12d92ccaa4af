// SPDX-License-Identifier: MIT
// `mas-inspector`: MAS Inspector, the desktop debugger for multi-agent systems.

#include "widgets/cosimulationpanel.h"
#include "widgets/inspectorwindow.h"
#include "models/eventstore.h"
#include "views/sequencediagramview.h"

#include "pluginpaths.h"

#include <mas/system/system.h>
#include <mas/i18n/language.h>

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

#include <QCoro/QCoroTimer>

#include <memory>

namespace {

struct Options
{
    QString screenshot;
    bool presentation = false; // --presentation: start in presentation mode
    std::optional<qint64> keepEvents; // --keep-events: the bounded-memory mode
    QString demo = QStringLiteral("leader-election");
    QString systemFile; // --system: a system file instead of a demo
    // --python PROGRAM.py ARGS... (repeatable): Python programs under the masstep runner, each
    // its program and arguments
    QList<QStringList> pythonPrograms;
    QString session;    // --session: a saved session or a counterexample to open
    QString file;       // FILE: a session, counterexample or system file, told apart by content
    QString exportCsv;  // --export-csv: the message table, then exit
    QString exportSvg;  // --export-svg: the sequence diagram, then exit
    int steps = 0;
    QString attach;
    QString mosaikListen;  // host the Counter simulator for mosaik: wait for it here
    QString mosaikConnect; // ... or connect to mosaik here
    std::optional<qint64> holdAt;
    QString codec = QStringLiteral("json");
    std::optional<mas::TlsOptions> tls;
    mas::system::Parameters parameters;
};

/// Parses the command line; returns an exit code when the program should stop (help, version,
/// bad arguments).
std::optional<int> parse(const QStringList &givenArguments, Options &options)
{
    // --python PROGRAM.py: everything after the program, up to the next --python, is its
    // arguments; several --python run several programs on one network.
    QStringList arguments = givenArguments;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        if (arg != u"--python" && !arg.startsWith(u"--python="))
            continue;
        const QStringList rest = arguments.mid(i);
        arguments = arguments.mid(0, i);
        QStringList current;
        for (qsizetype k = 0; k < rest.size(); ++k) {
            const QString &word = rest.at(k);
            const bool next = word == u"--python" || word.startsWith(u"--python=");
            if (!next) {
                current << word;
                continue;
            }
            if (!current.isEmpty())
                options.pythonPrograms << current;
            current = QStringList{};
            if (word.startsWith(u"--python="))
                current << word.mid(9);
            else if (k + 1 < rest.size())
                current << rest.at(++k);
            if (current.isEmpty() || current.first().isEmpty()) {
                QTextStream(stderr) << QCoreApplication::translate("main", "--python expects a program: --python PROGRAM.py [ARGS...]")
                                    << Qt::endl;
                return 2;
            }
        }
        if (!current.isEmpty())
            options.pythonPrograms << current;
        break;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "MAS Inspector: run, step and watch multi-agent systems on an in-process network."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("main", "The demo system to open (default: leader-election)."),
                                  QStringLiteral("NAME"), options.demo);
    const QCommandLineOption agents(QStringLiteral("agents"), QCoreApplication::translate("main", "Number of agents."),
                                    QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption seed(QStringLiteral("seed"), QCoreApplication::translate("main", "The demo's random seed."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption faulty(QStringLiteral("faulty"),
                                    QCoreApplication::translate("main", "Build the demo's variant with a known fault."));
    const QCommandLineOption steps(QStringLiteral("steps"),
                                   QCoreApplication::translate("main", "Take N steps (as F10 does) before showing the window."),
                                   QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the window into FILE (PNG) and exit, without user input."),
        QStringLiteral("FILE"));
    const QCommandLineOption transport(
        QStringLiteral("transport"),
        QCoreApplication::translate("main", "How the demo's containers talk: local (steppable, default), tcp or unix."),
        QStringLiteral("NAME"), QStringLiteral("local"));
    const QCommandLineOption attach(
        QStringLiteral("attach"),
        QCoreApplication::translate("main", "Watch a running container instead of a demo (tcp://host:port or ipc://path)."),
        QStringLiteral("ADDRESS"));
    const QCommandLineOption codec(QStringLiteral("codec"),
                                   QCoreApplication::translate("main", "The codec of --attach: json (default), msgpack, msgpackblosc."),
                                   QStringLiteral("NAME"), QStringLiteral("json"));
    const QCommandLineOption tlsCa(QStringLiteral("tls-ca"),
                                   QCoreApplication::translate("main", "With --attach: mutual TLS, the CA certificate (PEM)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QCoreApplication::translate("main", "With --attach: the Inspector's certificate (PEM)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QCoreApplication::translate("main", "With --attach: the certificate's private key (PEM)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption mosaikListen(
        QStringLiteral("mosaik-listen"),
        QCoreApplication::translate("main", "Host the Counter simulator and wait for mosaik on HOST:PORT (sim_config \"connect\")."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption mosaikConnect(
        QStringLiteral("mosaik-connect"),
        QCoreApplication::translate("main", "Host the Counter simulator and connect to mosaik at HOST:PORT (sim_config \"cmd\": "
                                            "\"mas-inspector --mosaik-connect %(addr)s\")."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption holdAt(QStringLiteral("hold-at"),
                                    QCoreApplication::translate("main", "With --mosaik-*: hold the co-simulation at step T."),
                                    QStringLiteral("T"));
    const QCommandLineOption list(QStringLiteral("list-demos"), QCoreApplication::translate("main", "List the demos and exit."));
    const QCommandLineOption system(
        QStringLiteral("system"),
        QCoreApplication::translate("main", "Open the system FILE describes (JSON: containers, agents of your plug-ins, "
                                            "invariants) instead of a demo."),
        QStringLiteral("FILE"));
    const QCommandLineOption python(
        QStringLiteral("python"),
        QCoreApplication::translate("main", "Run the Python asyncio PROGRAM (aiomas too) under the masstep runner, "
                                            "stepped; the arguments after it, up to the next --python, are the program's. "
                                            "Repeat it for several programs on one network (give the Inspector's "
                                            "options before the first --python)."),
        QStringLiteral("PROGRAM.py [ARGS...]"));
    const QCommandLineOption session(
        QStringLiteral("session"),
        QCoreApplication::translate("main", "Open a saved session (replayed to its end) or a counterexample of mas explore "
                                            "(at its start)."),
        QStringLiteral("FILE"));
    const QCommandLineOption pluginPath(
        QStringLiteral("plugin-path"),
        QCoreApplication::translate("main", "Load the system and agent plug-ins in DIR (repeatable); the installed ones are "
                                            "loaded too."),
        QStringLiteral("DIR"));
    const QCommandLineOption exportCsv(
        QStringLiteral("export-csv"),
        QCoreApplication::translate("main", "Write the message table as the window shows it to FILE (CSV) and exit, "
                                            "without a display (after --steps)."),
        QStringLiteral("FILE"));
    const QCommandLineOption exportSvg(
        QStringLiteral("export-svg"),
        QCoreApplication::translate("main", "Write the sequence diagram as the window shows it to FILE (SVG) and exit, "
                                            "without a display (after --steps)."),
        QStringLiteral("FILE"));
    const QCommandLineOption presentation(
        QStringLiteral("presentation"),
        QCoreApplication::translate("main", "Start in presentation mode: larger text, high contrast (View → Presentation)."));
    parser.addOption(presentation);
    const QCommandLineOption keepEvents(
        QStringLiteral("keep-events"),
        QCoreApplication::translate("main", "Keep only the last N events in memory, for long free-running runs (0: every "
                                            "event; Step Back reaches back as far as the kept events). Overrides the setting "
                                            "events/keep."),
        QStringLiteral("N"));
    parser.addOption(keepEvents);
    parser.addOptions({demo, agents, seed, faulty, steps, transport, attach, codec, tlsCa, tlsCert, tlsKey, mosaikListen, mosaikConnect,
                       holdAt, screenshot, list, pluginPath, system, python, session, exportCsv, exportSvg});
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate("main", "A file to open: a saved session (replayed to its end), a counterexample of "
                                            "mas explore --out (at its start) or a system file (JSON)."),
        QStringLiteral("[FILE]"));
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    // The systems the Inspector can run come from plug-ins (the demos are one).
    if (mas::Result<void> loaded = mas::app::loadSystemPlugins(parser.values(pluginPath)); !loaded) {
        QTextStream(stderr) << loaded.error().message() << Qt::endl;
        return 2;
    }
    if (parser.isSet(list)) {
        for (const mas::system::SystemType &d : mas::system::SystemRegistry::global().types())
            QTextStream(stdout) << d.id << "  " << d.title << Qt::endl;
        return 0;
    }
    options.demo = parser.value(demo);
    options.systemFile = parser.value(system);
    options.session = parser.value(session);
    options.screenshot = parser.value(screenshot);
    options.exportCsv = parser.value(exportCsv);
    options.exportSvg = parser.value(exportSvg);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1 || ((!files.isEmpty() || !options.pythonPrograms.isEmpty()) && (parser.isSet(system) || parser.isSet(session)))
        || (!files.isEmpty() && !options.pythonPrograms.isEmpty())) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Give one file to open (FILE, --session, --system or --python)")
                            << Qt::endl;
        return 2;
    }
    options.file = files.value(0);
    options.presentation = parser.isSet(presentation);
    bool ok = true;
    if (parser.isSet(keepEvents)) {
        const qint64 keep = parser.value(keepEvents).toLongLong(&ok);
        if (!ok || keep < 0) {
            QTextStream(stderr) << QCoreApplication::translate("main", "--keep-events needs a number of events (0: all), not "
                                                                       "\"%1\"")
                                       .arg(parser.value(keepEvents))
                                << Qt::endl;
            return 2;
        }
        options.keepEvents = keep;
    }
    options.steps = parser.value(steps).toInt(&ok);
    options.parameters.agents = ok ? parser.value(agents).toInt(&ok) : 0;
    options.parameters.seed = ok ? parser.value(seed).toUInt(&ok) : 0;
    options.parameters.faulty = parser.isSet(faulty);
    options.attach = parser.value(attach);
    options.codec = parser.value(codec);
    options.mosaikListen = parser.value(mosaikListen);
    options.mosaikConnect = parser.value(mosaikConnect);
    if (parser.isSet(holdAt))
        options.holdAt = parser.value(holdAt).toLongLong(&ok);
    if (parser.isSet(tlsCa) || parser.isSet(tlsCert) || parser.isSet(tlsKey)) {
        options.tls = mas::TlsOptions{};
        options.tls->caFile = parser.value(tlsCa);
        options.tls->certFile = parser.value(tlsCert);
        options.tls->keyFile = parser.value(tlsKey);
    }
    mas::Result<mas::system::Transport> t = mas::system::parseTransport(parser.value(transport));
    if (!t) {
        QTextStream(stderr) << t.error().message() << Qt::endl;
        return 2;
    }
    options.parameters.transport = *t;
    if (!ok || options.steps < 0) {
        QTextStream(stderr) << QCoreApplication::translate("main", "--steps, --agents and --seed take numbers") << Qt::endl;
        return 2;
    }
    if (options.attach.isEmpty() && options.mosaikListen.isEmpty() && options.mosaikConnect.isEmpty()
        && options.systemFile.isEmpty() && options.session.isEmpty() && options.file.isEmpty()
        && !mas::system::SystemRegistry::global().find(options.demo)) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Unknown demo \"%1\"; --list-demos lists them").arg(options.demo)
                            << Qt::endl;
        return 2;
    }
    return std::nullopt;
}

/// Says why a file did not open in a dialog too, where someone can see one (not on the offscreen
/// or minimal platforms, nor while exporting).
void showOpenError(QWidget *parent, const QString &text, bool unattended)
{
    const QString platform = QGuiApplication::platformName();
    if (unattended || platform == u"offscreen" || platform == u"minimal")
        return;
    QMessageBox::critical(parent, QApplication::translate("main", "MAS Inspector"), text);
}

/// Delivers `steps` messages, letting the event loop run between them so handlers answer (at most
/// to the end of an open counterexample).
QCoro::Task<void> stepAhead(mas::ui::InspectorWindow *window, int steps)
{
    // A counterexample's steps are its recorded ones: the steps end with it.
    const bool recorded = window->recordedStepsLeft() > 0;
    for (int i = 0; i < steps; ++i) {
        if (recorded && window->recordedStepsLeft() == 0)
            break;
        if (!co_await window->step()) // one step of what the window shows (F10)
            break;
        co_await QCoro::sleepFor(std::chrono::milliseconds(1));
    }
    co_await QCoro::sleepFor(std::chrono::milliseconds(100)); // batched view updates land
}

/// Opens a session or counterexample, then takes `steps` steps (a counterexample's recorded ones).
/// A file that does not open ends the program with status 2 (`rc`), after a dialog unless `unattended`.
QCoro::Task<void> openAndStep(mas::ui::InspectorWindow *window, QString file, int steps, int *rc, bool unattended)
{
    if (mas::Result<void> opened = co_await window->openSession(file); !opened) {
        if (opened.error().code() == mas::ErrorCode::Cancelled)
            co_return; // the user cancelled the reading: the window stays open, empty
        QTextStream(stderr) << "mas-inspector: " << opened.error().message() << Qt::endl;
        *rc = 2;
        showOpenError(window, opened.error().message(), unattended);
        // Queued: the event loop may not run yet; it ends with status 2 as soon as it does.
        QMetaObject::invokeMethod(qApp, [] { QApplication::exit(2); }, Qt::QueuedConnection);
        co_return;
    }
    co_await stepAhead(window, steps);
}

/// Hosts the Counter simulator for mosaik; a failure is shown in the window (and printed).
QCoro::Task<void> hostMosaik(mas::ui::InspectorWindow *window, QString listen, QString connectTo)
{
    if (!listen.isEmpty()) {
        mas::Result<mas::Address> address = window->hostMosaikSimulator(listen);
        if (address)
            QTextStream(stdout) << QCoreApplication::translate("main", "Waiting for mosaik on %1:%2").arg(address->host()).arg(address->port())
                                << Qt::endl;
        else
            QTextStream(stderr) << address.error().message() << Qt::endl;
    } else if (mas::Result<void> connected = co_await window->connectMosaikSimulator(connectTo); !connected) {
        QTextStream(stderr) << connected.error().message() << Qt::endl;
    }
    co_await QCoro::sleepFor(std::chrono::milliseconds(300)); // the first events land
}

/// Attaches to a running container; a failure is shown in the window (and printed).
QCoro::Task<void> attachAndWait(mas::ui::InspectorWindow *window, QString address, QString codec,
                                std::optional<mas::TlsOptions> tls)
{
    mas::Result<void> attached = co_await window->attachTo(address, codec, tls);
    if (!attached)
        QTextStream(stderr) << attached.error().message() << Qt::endl;
    co_await QCoro::sleepFor(std::chrono::milliseconds(500)); // the first events land
}

/// Names the application (QSettings' file) and installs the translators of the language chosen in
/// View → Language, or of the system's.
void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("libmas"));
    QCoreApplication::setApplicationName(QStringLiteral("mas-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAS_VERSION));
    mas::i18n::installTranslators(mas::i18n::uiLocale(mas::ui::InspectorWindow::languageSetting()));
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    // --help, --version and --list-demos are answered without a display.
    bool noDisplay = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        noDisplay = noDisplay || arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v"
                    || arg == "--version" || arg == "--list-demos";
    }
    if (noDisplay) {
        QCoreApplication probe(argc, argv);
        setIdentity();
        return parse(probe.arguments(), options).value_or(0);
    }
    // Exports need no display: the offscreen platform, unless one was chosen (-platform or
    // QT_QPA_PLATFORM). It must be chosen before the application object exists.
    bool exporting = false;
    bool platformGiven = qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        exporting = exporting || arg == "--export-csv" || arg == "--export-svg" || arg.startsWith("--export-csv=")
                    || arg.startsWith("--export-svg=");
        platformGiven = platformGiven || arg == "-platform" || arg == "--platform" || arg.startsWith("-platform=");
    }
    if (exporting && !platformGiven)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv); // takes Qt's own options (-platform, -style) out of the arguments
    setIdentity();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "MAS Inspector"));
    // The window icon (resources/icons, built in), and the desktop entry that Wayland shows.
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/org.libmas.MasInspector.png").arg(size));
    QApplication::setWindowIcon(icon);
    QGuiApplication::setDesktopFileName(QStringLiteral("org.libmas.MasInspector"));
    if (std::optional<int> rc = parse(app.arguments(), options))
        return *rc;

    const bool unattended = !options.exportCsv.isEmpty() || !options.exportSvg.isEmpty() || !options.screenshot.isEmpty();
    if (!options.file.isEmpty()) {
        // FILE: told apart by content; a system file opens as with --system, the others as with --session.
        mas::Result<mas::ui::InspectorSession::FileKind> kind = mas::ui::InspectorSession::fileKind(options.file);
        if (!kind) {
            QTextStream(stderr) << "mas-inspector: " << kind.error().message() << Qt::endl;
            showOpenError(nullptr, kind.error().message(), unattended);
            return 2;
        }
        if (*kind == mas::ui::InspectorSession::FileKind::SystemFile)
            options.systemFile = options.file;
        else
            options.session = options.file;
    }

    mas::ui::InspectorWindow window;
    if (options.keepEvents)
        window.session()->setKeepEvents(*options.keepEvents); // before the first system's events
    int rc = 0;
    QCoro::Task<void> start;
    if (!options.attach.isEmpty()) {
        start = attachAndWait(&window, options.attach, options.codec, options.tls);
    } else if (!options.mosaikListen.isEmpty() || !options.mosaikConnect.isEmpty()) {
        window.coSimulationPanel()->setHoldAt(options.holdAt); // before mosaik's first step
        start = hostMosaik(&window, options.mosaikListen, options.mosaikConnect);
    } else if (!options.session.isEmpty()) {
        start = openAndStep(&window, options.session, options.steps, &rc, unattended);
    } else if (!options.pythonPrograms.isEmpty()) {
        if (mas::Result<void> opened = window.openPython(options.pythonPrograms); !opened) {
            QTextStream(stderr) << "mas-inspector: " << opened.error().message() << Qt::endl;
            showOpenError(nullptr, opened.error().message(), unattended);
            return 2;
        }
        start = stepAhead(&window, options.steps);
    } else if (!options.systemFile.isEmpty()) {
        // Bad files end here, with the file, the key and the reason.
        if (mas::Result<void> opened = window.openSystem(options.systemFile); !opened) {
            QTextStream(stderr) << "mas-inspector: " << opened.error().message() << Qt::endl;
            showOpenError(nullptr, opened.error().message(), unattended);
            return 2;
        }
        start = stepAhead(&window, options.steps);
    } else if (mas::Result<void> built = window.newSystem(options.demo, options.parameters); !built) {
        QTextStream(stderr) << built.error().message() << Qt::endl;
        return 1;
    } else {
        start = stepAhead(&window, options.steps);
    }
    window.show();
    if (options.presentation)
        window.presentationAction()->setChecked(true);
    QCoro::connect(std::move(start), &window, [&] {
        if (!unattended || rc != 0)
            return;
        const auto cannotWrite = [&rc](const QString &file) {
            QTextStream(stderr) << QApplication::translate("main", "Cannot write %1").arg(file) << Qt::endl;
            rc = 1;
        };
        window.store()->flush(); // every event in the views
        // The window's own exports: the filtered table as shown, the diagram its view paints.
        if (!options.exportCsv.isEmpty() && !window.exportTableCsv(options.exportCsv))
            cannotWrite(options.exportCsv);
        if (!options.exportSvg.isEmpty() && !window.sequenceView()->exportSvg(options.exportSvg))
            cannotWrite(options.exportSvg);
        if (!options.screenshot.isEmpty() && !window.grab().save(options.screenshot, "PNG"))
            cannotWrite(options.screenshot);
        QMetaObject::invokeMethod(&app, [&rc] { QApplication::exit(rc); }, Qt::QueuedConnection);
    });
    return app.exec();
}
