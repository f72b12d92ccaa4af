// SPDX-License-Identifier: MIT
#include "newcommand.h"

#include "console.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace {

using mas::cli::err;
using mas::cli::out;

enum ExitCode
{
    Written = 0,
    UsageError = 2,
    WriteError = 3
};

// The texts of `mas new` (lupdate files tr() calls of free functions only under a class).
struct NewCommand
{
    Q_DECLARE_TR_FUNCTIONS(NewCommand)
};

/// What a plug-in project consists of: the template in the program's resources, and where it
/// goes in the new project (@NAME@ is replaced in both).
struct TemplateFile
{
    const char *resource;
    const char *target;
};
constexpr TemplateFile kPluginFiles[] = {
    {":/templates/plugin/CMakeLists.txt.in", "CMakeLists.txt"},
    {":/templates/plugin/agents.h.in", "src/@NAME@agents.h"},
    {":/templates/plugin/plugin.cpp.in", "src/@NAME@plugin.cpp"},
    {":/templates/plugin/system.json.in", "system.json"},
    {":/templates/plugin/test.cpp.in", "tests/tst_@NAME@.cpp"},
    {":/templates/plugin/README.md.in", "README.md"},
};

int usage(const QString &text)
{
    err() << "mas new: " << text << Qt::endl;
    return UsageError;
}

} // namespace

QCoro::Task<int> runNewCommand(QStringList arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(NewCommand::tr(
        "Starts a project of your own. \"mas new plugin NAME [DIR]\" writes a CMake project in DIR\n"
        "(default: ./NAME) for an agent plug-in: one agent type with a seeded bug, one invariant,\n"
        "a system file that puts two agents on the steppable network, and a QtTest. Build it with\n"
        "cmake against an installed MAS (-DCMAKE_PREFIX_PATH) or a build tree (-DMas_DIR), then\n"
        "step it with \"mas-inspector --system DIR/system.json\" and search it with\n"
        "\"mas explore --system DIR/system.json --out bug.jsonl\". See docs/your-own-system.md.\n\n"
        "NAME: lower-case letters, digits and _, starting with a letter (it names the plug-in,\n"
        "its C++ namespace and its agent type NAME.agents:Node).\n\n"
        "Exit status: 0 written; 2 bad usage (a bad name, DIR exists and is not empty); 3 a file\n"
        "could not be written."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("KIND"), NewCommand::tr("What to start: plugin."));
    parser.addPositionalArgument(QStringLiteral("NAME"), NewCommand::tr("The plug-in's name, e.g. mutex."));
    parser.addPositionalArgument(QStringLiteral("DIR"), NewCommand::tr("Where to write it (default: ./NAME)."), QStringLiteral("[DIR]"));
    if (!parser.parse(arguments))
        co_return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        co_return Written;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || positional.size() > 3)
        co_return usage(NewCommand::tr("expected \"plugin NAME [DIR]\"; see mas new --help"));
    if (positional[0] != u"plugin")
        co_return usage(NewCommand::tr("unknown kind \"%1\": mas new knows \"plugin\"").arg(positional[0]));
    const QString name = positional[1];
    static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (!valid.match(name).hasMatch())
        co_return usage(NewCommand::tr("\"%1\" is not a plug-in name: use lower-case letters, digits and _, starting "
                                       "with a letter")
                            .arg(name));
    const QDir dir(positional.size() == 3 ? positional[2] : name);
    if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        co_return usage(NewCommand::tr("%1 exists and is not empty").arg(dir.path()));

    for (const TemplateFile &file : kPluginFiles) {
        QFile source(QString::fromLatin1(file.resource));
        if (!source.open(QIODevice::ReadOnly)) {
            err() << "mas new: " << NewCommand::tr("the template %1 is missing").arg(source.fileName()) << Qt::endl;
            co_return WriteError;
        }
        QString text = QString::fromUtf8(source.readAll());
        text.replace(QStringLiteral("@NAME@"), name);
        const QString target = dir.filePath(QString::fromLatin1(file.target).replace(QStringLiteral("@NAME@"), name));
        if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
            err() << "mas new: " << NewCommand::tr("cannot create the directory %1").arg(QFileInfo(target).absolutePath())
                  << Qt::endl;
            co_return WriteError;
        }
        QSaveFile output(target);
        if (!output.open(QIODevice::WriteOnly) || output.write(text.toUtf8()) < 0 || !output.commit()) {
            err() << "mas new: " << NewCommand::tr("cannot write %1: %2").arg(target, output.errorString()) << Qt::endl;
            co_return WriteError;
        }
    }
    out() << NewCommand::tr("Wrote the plug-in project %1 in %2. Next:\n"
                            "  cmake -S %2 -B %2/build -DCMAKE_PREFIX_PATH=<where MAS is installed>\n"
                            "  cmake --build %2/build && ctest --test-dir %2/build\n"
                            "  mas-inspector --system %2/system.json\n"
                            "  mas explore --system %2/system.json --out bug.jsonl")
                 .arg(name, QDir::cleanPath(dir.path()))
          << Qt::endl;
    co_return Written;
}
