// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/result.h>

#include <QObject>
#include <QString>

#include <QCoro/QCoroTask>

#include <functional>
#include <memory>

class QIODevice;

namespace mas::ui {

/// Reads a file on a thread of its own, so that a large one (a session of 1,000,000 events: about
/// two seconds of parsing) never freezes the window, and says how far it got: progress() with
/// the bytes read so far and the file's size, at the start, about every 50 ms and at the end.
/// cancel() stops the reading soon (the device then reports the end of the file) and run()
/// returns Cancelled; the work's result is then to be thrown away.
class FileReader : public QObject
{
    Q_OBJECT

public:
    explicit FileReader(QString fileName, QObject *parent = nullptr);
    ~FileReader() override;

    /// Opens the file and calls `work` with it on a thread of its own (work must not touch
    /// anything of the GUI thread; it keeps what it read in what it captured). Waits for it
    /// without blocking the event loop: Cancelled after cancel(), InvalidArgument for a file that
    /// does not open, Timeout after ten minutes (the thread is then left to end by itself).
    QCoro::Task<Result<void>> run(std::function<void(QIODevice *file)> work);
    /// Stops the reading (from the GUI thread; run() then returns Cancelled).
    void cancel();
    bool isCancelled() const;
    const QString &fileName() const { return m_fileName; }

Q_SIGNALS:
    void progress(qint64 bytesRead, qint64 bytesTotal);

private:
    struct Shared;
    QString m_fileName;
    std::shared_ptr<Shared> m_shared;
};

} // namespace mas::ui
