// SPDX-License-Identifier: MIT
// The soak test's server process: `mas_soak_server PORT` serves add(a, b) over RPC on
// 127.0.0.1:PORT (0: any free port) and prints the port. The test kills and restarts it; it also
// dies with its parent.

#include <mas/rpc/router.h>
#include <mas/rpc/rpcclient.h>

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

int main(int argc, char **argv)
{
#ifdef Q_OS_LINUX
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    QCoreApplication app(argc, argv);
    if (argc != 2)
        return 1;
    mas::rpc::Router router;
    router.expose(QStringLiteral("add"), [](qint64 a, qint64 b) { return a + b; },
                  {QStringLiteral("a"), QStringLiteral("b")});
    const auto port = quint16(QByteArray(argv[1]).toUInt());
    mas::Result<mas::ChannelServer *> server =
        mas::rpc::startServer(mas::Address::tcp(QStringLiteral("127.0.0.1"), port), &router);
    if (!server) {
        std::fprintf(stderr, "%s\n", qPrintable(server.error().message()));
        return 2;
    }
    std::printf("%u\n", unsigned((*server)->address().port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
