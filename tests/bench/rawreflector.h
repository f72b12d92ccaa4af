// SPDX-License-Identifier: MIT
#pragma once

// The raw frame reflector the round-trip benchmarks compare against: a QTcpSocket/QLocalSocket
// client and server in this process and thread, without libmas, doing a ping-pong of fixed
// frame bytes (a request frame and a reply frame encoded once up front). The server parses the
// 4-byte big-endian length header and writes the precomputed reply frame for each complete
// request frame; the client checks each reply frame and sends the next request.

#include "benchutil.h"

#include <mas/transport/framing.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>

namespace mas::bench {

/// Splits a byte stream into frames by their 4-byte big-endian length header.
class RawFrameReader
{
public:
    void feed(const QByteArray &bytes)
    {
        if (m_offset == m_buffer.size()) {
            m_buffer = bytes;
        } else {
            m_buffer.remove(0, m_offset);
            m_buffer.append(bytes);
        }
        m_offset = 0;
    }

    /// The next complete frame (header included), or an empty view.
    QByteArrayView next()
    {
        const qsizetype available = m_buffer.size() - m_offset;
        if (available < mas::kFrameHeaderSize)
            return {};
        const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + m_offset);
        const qsizetype size = mas::kFrameHeaderSize + qsizetype(length);
        if (available < size)
            return {};
        const QByteArrayView frame(m_buffer.constData() + m_offset, size);
        m_offset += size;
        return frame;
    }

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0;
};

/// A raw client socket connected to a raw reflecting server in the same thread.
class RawReflector
{
public:
    RawReflector(QByteArray requestFrame, QByteArray replyFrame)
        : m_request(std::move(requestFrame))
        , m_reply(std::move(replyFrame))
    {}

    ~RawReflector()
    {
        delete m_client;
        delete m_tcpServer;
        delete m_localServer;
        drainEvents();
    }

    RawReflector(const RawReflector &) = delete;
    RawReflector &operator=(const RawReflector &) = delete;

    /// Listens on 127.0.0.1 (an empty `socketPath`) or a Unix socket, connects, and waits until
    /// the server accepted; an error text or empty.
    std::string open(const QString &socketPath = QString())
    {
        if (socketPath.isEmpty()) {
            m_tcpServer = new QTcpServer;
            if (!m_tcpServer->listen(QHostAddress::LocalHost, 0))
                return "listen: " + m_tcpServer->errorString().toStdString();
            QObject::connect(m_tcpServer, &QTcpServer::newConnection, m_tcpServer, [this] {
                while (QTcpSocket *s = m_tcpServer->nextPendingConnection())
                    serve(s);
            });
            auto *socket = new QTcpSocket;
            m_client = socket;
            socket->connectToHost(QHostAddress::LocalHost, m_tcpServer->serverPort());
            if (!socket->waitForConnected(10'000))
                return "connect: " + socket->errorString().toStdString();
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        } else {
            m_localServer = new QLocalServer;
            if (!m_localServer->listen(socketPath))
                return "listen: " + m_localServer->errorString().toStdString();
            QObject::connect(m_localServer, &QLocalServer::newConnection, m_localServer, [this] {
                while (QLocalSocket *s = m_localServer->nextPendingConnection())
                    serve(s);
            });
            auto *socket = new QLocalSocket;
            m_client = socket;
            socket->connectToServer(m_localServer->fullServerName());
            if (!socket->waitForConnected(10'000))
                return "connect: " + socket->errorString().toStdString();
        }
        QObject::connect(m_client, &QIODevice::readyRead, m_client, [this] { onClientReadyRead(); });
        QElapsedTimer waited;
        waited.start();
        while (!m_accepted && waited.elapsed() < 10'000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        return m_accepted ? std::string() : "the server did not accept the connection";
    }

    /// Does `roundTrips` round trips with `inFlight` requests outstanding inside a fresh event
    /// loop; returns the seconds. `error` gets the first error (a wrong reply, a hang).
    double run(int roundTrips, int inFlight, std::string *error, int *done,
               std::chrono::milliseconds timeout = std::chrono::seconds(60))
    {
        m_total = roundTrips;
        m_started = 0;
        m_done = 0;
        m_error.clear();
        QEventLoop loop;
        m_loop = &loop;
        QTimer watchdog;
        watchdog.setSingleShot(true);
        QObject::connect(&watchdog, &QTimer::timeout, &loop, [this] {
            m_error = "the batch timed out";
            m_loop->quit();
        });
        watchdog.start(timeout);
        QElapsedTimer timer;
        timer.start();
        const int initial = std::min(inFlight, roundTrips);
        for (int i = 0; i < initial; ++i) {
            ++m_started;
            m_client->write(m_request);
        }
        if (initial > 0)
            loop.exec();
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        m_loop = nullptr;
        *error = m_error;
        *done = m_done;
        return seconds;
    }

private:
    /// The server side: one precomputed reply frame for each complete request frame.
    void serve(QIODevice *socket)
    {
        if (auto *tcp = qobject_cast<QTcpSocket *>(socket))
            tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_accepted = true;
        auto reader = std::make_shared<RawFrameReader>();
        QObject::connect(socket, &QIODevice::readyRead, socket, [this, socket, reader] {
            reader->feed(socket->readAll());
            while (!reader->next().isEmpty())
                socket->write(m_reply);
        });
    }

    void onClientReadyRead()
    {
        m_reader.feed(m_client->readAll());
        for (QByteArrayView frame = m_reader.next(); !frame.isEmpty(); frame = m_reader.next()) {
            if (!m_loop)
                continue; // a stray reply outside a batch
            if (frame != QByteArrayView(m_reply)) {
                m_error = "the raw reply frame differs";
                m_total = m_started;
                m_loop->quit();
                return;
            }
            ++m_done;
            if (m_started < m_total) {
                ++m_started;
                m_client->write(m_request);
            } else if (m_done == m_total) {
                m_loop->quit();
            }
        }
    }

    QByteArray m_request;
    QByteArray m_reply;
    QTcpServer *m_tcpServer = nullptr;
    QLocalServer *m_localServer = nullptr;
    QIODevice *m_client = nullptr;
    RawFrameReader m_reader;
    QEventLoop *m_loop = nullptr;
    int m_total = 0;
    int m_started = 0;
    int m_done = 0;
    std::string m_error;
    bool m_accepted = false;
};

/// The raw baseline as a benchmark: `warmUp` round trips, then one batch of `batchSize` per
/// iteration, timed by the reflector (manual time); fails the benchmark on an error.
inline void measureRoundTrips(benchmark::State &state, RawReflector &pair, int warmUp, int batchSize, int inFlight,
                              std::chrono::milliseconds timeout)
{
    std::string error;
    int done = 0;
    pair.run(warmUp, inFlight, &error, &done, timeout);
    if (!error.empty() || done != warmUp)
        return fail(state, "warm-up: " + error);
    for (auto _ : state) {
        const double seconds = pair.run(batchSize, inFlight, &error, &done, timeout);
        state.SetIterationTime(seconds);
        if (!error.empty() || done != batchSize) {
            fail(state, error.empty() ? "round trips missing" : error);
            break;
        }
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * batchSize);
    state.SetLabel("batch " + std::to_string(batchSize));
}

} // namespace mas::bench
