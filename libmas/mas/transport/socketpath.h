// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>

#include <QString>

namespace mas {

/// What is at the path of a Unix socket (`ipc://path`).
enum class SocketPathState {
    Free,       ///< nothing
    Stale,      ///< a socket file nobody serves (left by a process that crashed)
    Live,       ///< a socket a server answers on (or whose queue of connections is full)
    NotASocket, ///< a file or directory that is not a socket
};

/// The file a Unix socket named `path` uses: `path` itself when absolute, else `path` in the
/// temporary directory (where Qt's QLocalServer and QLocalSocket put relative names).
MAS_EXPORT QString socketFilePath(const QString &path);

/// Looks at the socket path `path` without changing anything; for a socket file, tries to
/// connect (at once, without waiting) to tell a live server from a stale file.
MAS_EXPORT SocketPathState probeSocketPath(const QString &path);

/// Whether a server may listen on `path`: nothing there, or a stale socket file (which
/// claimSocketPath() removes). A live server or a file that is not a socket is an
/// AddressInUse error, logged once. Changes nothing.
MAS_EXPORT Result<void> checkSocketPath(const QString &path);

/// Makes `path` ready to listen on: as checkSocketPath(), and a stale socket file is removed
/// (logged). Listening servers on ipc:// addresses do this first, so that they never take over
/// the path of a live server (QLocalServer would replace its socket file).
MAS_EXPORT Result<void> claimSocketPath(const QString &path);

} // namespace mas
