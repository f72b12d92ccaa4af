// SPDX-License-Identifier: MIT
// `mas-inspector`: MAS Inspector, the desktop debugger for multi-agent systems.

#include "widgets/inspectorwindow.h"

#include <mas/demos/demosystem.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <QTimer>

#include <QCoro/QCoroTimer>

#include <memory>

namespace {

struct Options
{
    QString screenshot;
    QString demo = QStringLiteral("leader-election");
    int steps = 0;
    mas::demos::DemoParameters parameters;
};

/// Parses the command line; returns an exit code when the program should stop (help, version,
/// bad arguments).
std::optional<int> parse(const QStringList &arguments, Options &options)
{
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
                                   QCoreApplication::translate("main", "Deliver N messages before showing the window."),
                                   QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the window into FILE (PNG) and exit, without user input."),
        QStringLiteral("FILE"));
    const QCommandLineOption list(QStringLiteral("list-demos"), QCoreApplication::translate("main", "List the demos and exit."));
    parser.addOptions({demo, agents, seed, faulty, steps, screenshot, list});
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
    if (parser.isSet(list)) {
        for (const mas::demos::DemoInfo &d : mas::demos::demos())
            QTextStream(stdout) << d.id << "  " << d.title << Qt::endl;
        return 0;
    }
    options.demo = parser.value(demo);
    options.screenshot = parser.value(screenshot);
    bool ok = true;
    options.steps = parser.value(steps).toInt(&ok);
    options.parameters.agents = ok ? parser.value(agents).toInt(&ok) : 0;
    options.parameters.seed = ok ? parser.value(seed).toUInt(&ok) : 0;
    options.parameters.faulty = parser.isSet(faulty);
    if (!ok || options.steps < 0) {
        QTextStream(stderr) << QCoreApplication::translate("main", "--steps, --agents and --seed take numbers") << Qt::endl;
        return 2;
    }
    if (!mas::demos::findDemo(options.demo)) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Unknown demo \"%1\"; --list-demos lists them").arg(options.demo)
                            << Qt::endl;
        return 2;
    }
    return std::nullopt;
}

/// Delivers `steps` messages, letting the event loop run between them so handlers answer.
QCoro::Task<void> stepAhead(mas::ui::InspectorWindow *window, int steps)
{
    for (int i = 0; i < steps; ++i) {
        if (!window->stepOnce())
            break;
        co_await QCoro::sleepFor(std::chrono::milliseconds(1));
    }
    co_await QCoro::sleepFor(std::chrono::milliseconds(100)); // batched view updates land
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("libmas"));
    QCoreApplication::setApplicationName(QStringLiteral("mas-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAS_VERSION));
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
    QApplication app(argc, argv); // takes Qt's own options (-platform, -style) out of the arguments
    setIdentity();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "MAS Inspector"));
    if (std::optional<int> rc = parse(app.arguments(), options))
        return *rc;

    mas::ui::InspectorWindow window;
    if (mas::Result<void> built = window.newSystem(options.demo, options.parameters); !built) {
        QTextStream(stderr) << built.error().message() << Qt::endl;
        return 1;
    }
    window.show();
    int rc = 0;
    QCoro::connect(stepAhead(&window, options.steps), &window, [&] {
        if (options.screenshot.isEmpty())
            return;
        if (!window.grab().save(options.screenshot, "PNG")) {
            QTextStream(stderr) << QApplication::translate("main", "Cannot write %1").arg(options.screenshot) << Qt::endl;
            rc = 1;
        }
        QMetaObject::invokeMethod(&app, [&rc] { QApplication::exit(rc); }, Qt::QueuedConnection);
    });
    return app.exec();
}
