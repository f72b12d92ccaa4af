// SPDX-License-Identifier: MIT
#include "fileloader.h"

#include <QFile>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QPromise>
#include <QThread>
#include <QTimer>

#include <QCoro/QCoroFuture>
#include <QCoro/QCoroSignal>

#include <atomic>

Q_LOGGING_CATEGORY(lcFileReader, "mas.ui.filereader")

namespace mas::ui {

/// What the GUI thread and the reading thread share.
struct FileReader::Shared
{
    std::atomic<qint64> read{0};
    std::atomic<qint64> total{0};
    std::atomic<bool> cancelled{false};
    std::atomic<bool> opened{false};
    QString openError;
};

namespace {

/// A file that counts what was read of it and ends early when the reading is cancelled.
class CountingFile : public QIODevice
{
public:
    CountingFile(const QString &fileName, std::atomic<qint64> *read, const std::atomic<bool> *cancelled)
        : m_file(fileName)
        , m_read(read)
        , m_cancelled(cancelled)
    {}
    bool openFile(QString *error)
    {
        if (!m_file.open(QIODevice::ReadOnly)) {
            *error = m_file.errorString();
            return false;
        }
        return QIODevice::open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_file.size(); }
    bool seek(qint64 pos) override { return QIODevice::seek(pos) && m_file.seek(pos); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_cancelled->load(std::memory_order_relaxed))
            return -1;
        const qint64 n = m_file.read(data, maxSize);
        if (n > 0)
            m_read->store(m_file.pos(), std::memory_order_relaxed);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    std::atomic<qint64> *m_read;
    const std::atomic<bool> *m_cancelled;
};

} // namespace

FileReader::FileReader(QString fileName, QObject *parent)
    : QObject(parent)
    , m_fileName(std::move(fileName))
    , m_shared(std::make_shared<Shared>())
{}

FileReader::~FileReader()
{
    m_shared->cancelled = true; // a thread still reading ends soon
}

void FileReader::cancel()
{
    m_shared->cancelled = true;
}

bool FileReader::isCancelled() const
{
    return m_shared->cancelled.load();
}

QCoro::Task<Result<void>> FileReader::run(std::function<void(QIODevice *file)> work)
{
    const std::shared_ptr<Shared> shared = m_shared;
    const QString fileName = m_fileName;
    {
        const QFile probe(fileName);
        shared->total = probe.size();
    }
    Q_EMIT progress(0, shared->total.load());
    auto promise = std::make_shared<QPromise<void>>();
    QFutureWatcher<void> watcher;
    watcher.setFuture(promise->future());
    promise->start();
    QThread *thread = QThread::create([fileName, shared, promise, work = std::move(work)] {
        CountingFile file(fileName, &shared->read, &shared->cancelled);
        QString error;
        if (file.openFile(&error)) {
            shared->opened = true;
            work(&file);
        } else {
            shared->openError = error;
        }
        promise->finish();
    });
    // Progress while the thread reads: the position of the file, polled.
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, this, [this, shared] { Q_EMIT progress(shared->read.load(), shared->total.load()); });
    poll.start();
    // The watcher reports the end through this thread's event loop, so it cannot be missed
    // between the start and the wait. The wait has a bound; a read that takes longer is left to
    // finish and delete itself.
    thread->start();
    const auto finished = co_await qCoro(&watcher, &QFutureWatcher<void>::finished, std::chrono::minutes(10));
    poll.stop();
    if (!finished) {
        shared->cancelled = true;
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        if (thread->isFinished())
            thread->deleteLater();
        qCWarning(lcFileReader) << "Reading" << fileName << "took too long";
        co_return Error(ErrorCode::Timeout, tr("Reading %1 took too long").arg(fileName));
    }
    thread->wait();
    delete thread;
    if (!shared->opened) {
        qCWarning(lcFileReader) << "Cannot read" << fileName << shared->openError;
        co_return Error(ErrorCode::InvalidArgument, tr("Cannot read %1: %2").arg(fileName, shared->openError));
    }
    if (shared->cancelled)
        co_return Error(ErrorCode::Cancelled, tr("Reading %1 was cancelled").arg(fileName)); // the caller says so
    Q_EMIT progress(shared->total.load(), shared->total.load());
    co_return Result<void>();
}

} // namespace mas::ui
