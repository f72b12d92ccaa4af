// SPDX-License-Identifier: MIT
#pragma once

// A server under attack in its own process (the bench program started again with --serve):
// it prints "port N" once listening and "buffered ... PEAK" every 100 ms (the channel's peak
// of accounted bytes last). Used by bench_hostile and bench_limits. Header-only.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <algorithm>

namespace mas::bench {

struct BenchServer
{
    QProcess process;
    quint16 port = 0;
    qint64 peakAccounted = 0;

    /// Starts the server with `args` after --serve; true once it listens (at most 10 s).
    bool start(const QStringList &args, QProcess::ProcessChannelMode channels = QProcess::SeparateChannels)
    {
        process.setProcessChannelMode(channels);
        process.start(QCoreApplication::applicationFilePath(), QStringList{QStringLiteral("--serve")} + args);
        if (!process.waitForStarted(10'000))
            return false;
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [this] {
            while (process.canReadLine()) {
                const QList<QByteArray> words = process.readLine().trimmed().split(' ');
                if (words.value(0) == "port")
                    port = quint16(words.value(1).toInt());
                else if (words.value(0) == "buffered" && words.size() > 1)
                    peakAccounted = std::max(peakAccounted, words.last().toLongLong());
            }
        });
        QElapsedTimer t;
        t.start();
        while (port == 0 && t.elapsed() < 10'000 && process.state() == QProcess::Running)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        return port != 0;
    }
    /// The server's peak resident memory (VmHWM), in KiB; -1 when unknown.
    qint64 peakRssKiB() const
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(process.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
        return -1;
    }
    /// How often the server's stderr so far contains `what` (SeparateChannels only).
    qsizetype warnings(const QByteArray &what)
    {
        m_stderr += process.readAllStandardError();
        return m_stderr.count(what);
    }
    ~BenchServer()
    {
        process.terminate();
        if (!process.waitForFinished(5000))
            process.kill();
    }

private:
    QByteArray m_stderr;
};

} // namespace mas::bench
