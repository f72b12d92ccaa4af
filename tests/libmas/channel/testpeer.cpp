// SPDX-License-Identifier: MIT
// A peer process for the channel tests: connects to 127.0.0.1:PORT, waits until one complete
// frame has arrived, and then dies without answering (the "peer killed mid-call" case).

#include <QCoreApplication>
#include <QTcpSocket>
#include <QtEndian>

#include <cstdlib>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2)
        return 1;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(QByteArray(argv[1]).toUInt()));
    if (!socket.waitForConnected(10'000))
        return 2;
    QByteArray buffer;
    for (;;) {
        if (buffer.size() >= 4
            && buffer.size() >= 4 + qint64(qFromBigEndian<quint32>(buffer.constData())))
            break;
        if (!socket.waitForReadyRead(10'000))
            return 3;
        buffer += socket.readAll();
    }
    std::_Exit(42); // no reply, no goodbye: the kernel closes the socket
}
