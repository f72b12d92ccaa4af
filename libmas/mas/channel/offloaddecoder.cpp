// SPDX-License-Identifier: MIT
#include "offloaddecoder.h"
#include "offloaddecoder_p.h"

#include "mas/core/logging_p.h"

#include <mas/codec/codec.h>

#include <QMutex>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <optional>

namespace mas {

namespace {

struct Shared
{
    QThreadPool pool;
    std::atomic<qint64> started{0};
    std::atomic<qint64> finished{0};
    std::atomic<qint64> dropped{0};
    std::atomic<qint64> inFlight{0};
    QMutex hookMutex;
    std::function<void()> hook;

    Shared()
    {
        pool.setObjectName(QStringLiteral("mas offload decode"));
        pool.setMaxThreadCount(std::clamp(QThread::idealThreadCount(), 1, 2));
    }
};

Shared &shared()
{
    static Shared s;
    return s;
}

} // namespace

OffloadDecodeStats offloadDecodeStats()
{
    Shared &s = shared();
    return {s.started.load(), s.finished.load(), s.dropped.load(), s.inFlight.load()};
}

int offloadDecodeThreads()
{
    return shared().pool.maxThreadCount();
}

void setOffloadDecodeHook(std::function<void()> hook)
{
    Shared &s = shared();
    QMutexLocker lock(&s.hookMutex);
    s.hook = std::move(hook);
}

struct OffloadDecoder::Job
{
    QMutex mutex;
    /// The channel; null once the job is cancelled (guarded by `mutex`).
    QObject *receiver = nullptr;
    /// Only the receiver's thread reads it, while the job is current.
    OffloadDecoder *owner = nullptr;
    std::shared_ptr<const Codec> codec;
    QByteArray payload;
    std::optional<Result<Value>> value; // written by the worker before it hands the job back
    bool sawTypeTag = false;
};

OffloadDecoder::OffloadDecoder(QObject *receiver, qint64 thresholdBytes, QString codecName, const CodecLimits &limits)
    : m_receiver(receiver)
    , m_threshold(thresholdBytes)
    , m_codecName(std::move(codecName))
    , m_limits(limits)
{}

OffloadDecoder::~OffloadDecoder()
{
    cancel();
}

bool OffloadDecoder::start(const QByteArray &payload, Done done)
{
    Q_ASSERT(!m_job);
    if (!m_codec) {
        Result<std::unique_ptr<Codec>> codec = Codec::create(m_codecName);
        if (!codec) {
            qCWarning(lcChannel).noquote() << "cannot decode large frames off the event loop:"
                                           << codec.error().message();
            m_threshold = 0;
            return false;
        }
        (*codec)->setLimits(m_limits);
        m_codec = std::shared_ptr<const Codec>(std::move(*codec));
    }
    auto job = std::make_shared<Job>();
    job->receiver = m_receiver;
    job->owner = this;
    job->codec = m_codec;
    job->payload = payload;
    m_bytesInFlight = job->payload.size();
    m_job = job;
    m_done = std::move(done);
    Shared &s = shared();
    ++s.inFlight;
    s.pool.start([job] { run(job); });
    return true;
}

void OffloadDecoder::cancel()
{
    if (!m_job)
        return;
    {
        QMutexLocker lock(&m_job->mutex);
        m_job->receiver = nullptr;
    }
    ++shared().dropped;
    m_job.reset();
    m_done = nullptr;
    m_bytesInFlight = 0;
}

void OffloadDecoder::run(const std::shared_ptr<Job> &job)
{
    Shared &s = shared();
    {
        QMutexLocker lock(&job->mutex);
        if (!job->receiver) { // cancelled before it began: not decoded at all
            --s.inFlight;
            return;
        }
    }
    ++s.started;
    std::function<void()> hook;
    {
        QMutexLocker lock(&s.hookMutex);
        hook = s.hook;
    }
    if (hook)
        hook();
    bool sawTypeTag = false;
    Result<Value> value = job->codec->decodeStructural(job->payload, &sawTypeTag);
    ++s.finished;
    QMutexLocker lock(&job->mutex);
    --s.inFlight;
    if (!job->receiver)
        return; // the value goes with the worker's copy of the job
    job->value.emplace(std::move(value));
    job->sawTypeTag = sawTypeTag;
    // Posted while the mutex is held: a channel that cancels after this point finds the event
    // in its queue and Qt drops it with the channel, or deliver() finds the job stale.
    QMetaObject::invokeMethod(
        job->receiver, [job] { job->owner->deliver(job); }, Qt::QueuedConnection);
}

void OffloadDecoder::deliver(const std::shared_ptr<Job> &job)
{
    if (m_job != job)
        return; // cancelled meanwhile
    Done done = std::move(m_done);
    m_done = nullptr;
    m_job.reset();
    m_bytesInFlight = 0;
    done(std::move(*job->value), job->sawTypeTag, job->payload);
}

} // namespace mas
