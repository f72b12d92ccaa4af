// SPDX-License-Identifier: MIT
#include "socketpath.h"

#include "address.h"

#include "mas/core/logging_p.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace mas {

QString socketFilePath(const QString &path)
{
    if (path.startsWith(u'/'))
        return path;
    return QDir::cleanPath(QDir::tempPath()) + u'/' + path;
}

SocketPathState probeSocketPath(const QString &path)
{
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(socketFilePath(path));
    struct stat info;
    if (::lstat(native.constData(), &info) != 0)
        return SocketPathState::Free; // nothing there (or nothing we may see: listening says why)
    if (!S_ISSOCK(info.st_mode))
        return SocketPathState::NotASocket;

    // A non-blocking connect answers at once: accepted or queued (a server), refused (nobody
    // listens on the file any more). Whatever we cannot tell counts as live: never remove it.
    sockaddr_un address;
    std::memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    if (std::size_t(native.size()) >= sizeof address.sun_path)
        return SocketPathState::Live;
    std::memcpy(address.sun_path, native.constData(), std::size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return SocketPathState::Live;
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    const int result = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
    const int error = result == 0 ? 0 : errno;
    ::close(fd);
    if (error == ECONNREFUSED)
        return SocketPathState::Stale;
    if (error == ENOENT)
        return SocketPathState::Free; // removed meanwhile
    return SocketPathState::Live;
#else
    Q_UNUSED(path)
    return SocketPathState::Free; // named pipes leave no file behind
#endif
}

namespace {

/// What listening on `path` in `state` means: nothing in the way (free or stale), or the error.
Result<void> pathError(const QString &path, SocketPathState state)
{
    const QString where = Address::ipc(path).toString();
    switch (state) {
    case SocketPathState::Free:
    case SocketPathState::Stale:
        return {};
    case SocketPathState::Live: {
        const Error e(ErrorCode::AddressInUse,
                      mas::tr("Cannot listen on %1: another process serves this socket").arg(where));
        qCWarning(lcTransportLocal).noquote() << e.message();
        return e;
    }
    case SocketPathState::NotASocket: {
        const Error e(ErrorCode::AddressInUse,
                      mas::tr("Cannot listen on %1: \"%2\" exists and is not a socket")
                          .arg(where, socketFilePath(path)));
        qCWarning(lcTransportLocal).noquote() << e.message();
        return e;
    }
    }
    return {};
}

} // namespace

Result<void> checkSocketPath(const QString &path)
{
    return pathError(path, probeSocketPath(path));
}

Result<void> claimSocketPath(const QString &path)
{
    // Probed once: the file removed is the one found stale.
    const SocketPathState state = probeSocketPath(path);
    MAS_TRY_VOID(pathError(path, state));
    if (state != SocketPathState::Stale)
        return {};
    const QString file = socketFilePath(path);
    QFile stale(file);
    if (!stale.remove()) {
        const Error e(ErrorCode::AddressInUse,
                      mas::tr("Cannot listen on %1: the stale socket file \"%2\" cannot be removed: %3")
                          .arg(Address::ipc(path).toString(), file, stale.errorString()));
        qCWarning(lcTransportLocal).noquote() << e.message();
        return e;
    }
    qCInfo(lcTransportLocal).noquote() << "removed the stale socket file" << file
                                       << "(no server answered there)";
    return {};
}

} // namespace mas
