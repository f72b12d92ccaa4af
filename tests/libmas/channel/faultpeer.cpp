// SPDX-License-Identifier: MIT
// A misbehaving peer process for tst_faults (it dies with its parent):
//   mas_fault_peer server PORT                 echo server on 127.0.0.1:PORT (0: any port; the
//                                              port is printed on stdout); "never" is not
//                                              answered, "freeze" stops the process (SIGSTOP),
//                                              "half-reply" writes half a reply frame and dies
//   mas_fault_peer half-frame PORT exit|freeze connects, sends 14 bytes of a 104-byte frame,
//                                              then dies or stops (a half-open connection)
//   mas_fault_peer flood PORT N HOLD_MS        opens N connections at once, prints "connected",
//                                              holds them HOLD_MS, then dies (all drop at once)

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace {

/// A frame header announcing 100 payload bytes, and the first 10 of them.
QByteArray halfFrame()
{
    QByteArray bytes(4, '\0');
    qToBigEndian(quint32(100), bytes.data());
    return bytes + QByteArray(10, 'x');
}

int serve(quint16 port)
{
    mas::Result<mas::ChannelServer *> server = mas::startServer(
        mas::Address::tcp(QStringLiteral("127.0.0.1"), port), [](mas::Channel *channel) {
            QObject::connect(channel, &mas::Channel::requestReceived, channel, [channel] {
                while (std::optional<mas::Request> request = channel->takeRequest()) {
                    const QString verb = request->content().toString();
                    if (verb == u"never") {
                        continue;
                    } else if (verb == u"freeze") {
                        std::raise(SIGSTOP); // alive, connected, silent
                    } else if (verb == u"half-reply") {
                        auto *socket = qobject_cast<QTcpSocket *>(channel->device());
                        socket->write(halfFrame());
                        socket->waitForBytesWritten(5000);
                        std::_Exit(42);
                    } else if (verb == u"ohai") {
                        (void)request->reply("cya");
                    } else {
                        (void)request->reply(request->content());
                    }
                }
            });
        });
    if (!server)
        return 2;
    std::printf("%u\n", unsigned((*server)->address().port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

int halfFrameThen(quint16 port, const QByteArray &how)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(10'000))
        return 2;
    socket.write(halfFrame());
    if (!socket.waitForBytesWritten(10'000))
        return 3;
    if (how == "freeze")
        std::raise(SIGSTOP);
    std::_Exit(42); // no goodbye: the kernel closes the socket
}

int flood(quint16 port, int count, int holdMs)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < count; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QStringLiteral("127.0.0.1"), port);
    }
    for (auto &socket : sockets) {
        if (!socket->waitForConnected(10'000))
            return 2;
    }
    std::printf("connected\n");
    std::fflush(stdout);
    QTimer::singleShot(holdMs, [] { std::_Exit(0); });
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
#ifdef Q_OS_LINUX
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 1;
    const quint16 port = quint16(args[2].toUInt());
    if (args[1] == u"server")
        return serve(port);
    if (args[1] == u"half-frame" && args.size() == 4)
        return halfFrameThen(port, args[3].toLatin1());
    if (args[1] == u"flood" && args.size() == 5)
        return flood(port, args[3].toInt(), args[4].toInt());
    return 1;
}
