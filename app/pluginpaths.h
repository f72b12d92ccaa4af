// SPDX-License-Identifier: MIT
#pragma once

// Where `mas-inspector` and `mas explore` find the systems they can run: the plug-ins of the
// directories given on the command line, then those installed with the program and, in a build
// tree, the build's own (the teaching demos are such a plug-in).

#include <mas/system/system.h>

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace mas::app {

/// The plug-in directories a program finds by itself, those that exist: the installed one
/// (MAS_INSTALLED_PLUGIN_DIR) and the build tree's (MAS_BUILD_PLUGIN_DIR), both relative to
/// the executable.
inline QStringList defaultPluginDirectories()
{
    QStringList relative;
#ifdef MAS_INSTALLED_PLUGIN_DIR
    relative << QStringLiteral(MAS_INSTALLED_PLUGIN_DIR);
#endif
#ifdef MAS_BUILD_PLUGIN_DIR
    relative << QStringLiteral(MAS_BUILD_PLUGIN_DIR);
#endif
    QStringList directories;
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &r : std::as_const(relative)) {
        const QString directory = QDir::cleanPath(here.filePath(r));
        if (QFileInfo(directory).isDir() && !directories.contains(directory))
            directories << directory;
    }
    return directories;
}

/// Loads the system and agent plug-ins of `directories` (each must exist), then of the default
/// ones. A broken file among good ones is logged, not fatal.
inline Result<void> loadSystemPlugins(const QStringList &directories)
{
    for (const QString &directory : directories) {
        if (!QFileInfo(directory).isDir())
            return Error(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("mas::app", "The plug-in directory \"%1\" does not exist").arg(directory));
    }
    for (const QString &directory : directories + defaultPluginDirectories()) {
        QList<Error> errors;
        Result<QStringList> ids = system::SystemRegistry::global().loadPlugins(directory, &errors);
        if (!ids)
            return ids.error();
        for (const Error &e : errors)
            qWarning().noquote() << e.message();
    }
    return {};
}

} // namespace mas::app
