// SPDX-License-Identifier: MIT
// The replayer: recorded actions done again on a fresh run (see localnetwork_p.h).
#include "localnetwork_p.h"

#include <mas/clock/clock.h>

#include "mas/core/eventloop_p.h"
#include "mas/core/logging_p.h"

#include <QElapsedTimer>

namespace mas {

QCoro::Task<void> LocalNetwork::settle(int turns)
{
    co_await detail::yieldToEventLoop(this, turns);
}

Result<void> LocalNetwork::apply(const TrafficEvent &action)
{
    switch (action.kind) {
    case TrafficEvent::Kind::Delivered:
        if (Result<PendingMessage> r = deliver(action.messageId); !r)
            return r.error();
        return {};
    case TrafficEvent::Kind::Dropped:
        return drop(action.messageId);
    case TrafficEvent::Kind::Duplicated:
        if (Result<quint64> r = duplicate(action.originalId); !r)
            return r.error();
        return {};
    case TrafficEvent::Kind::Delayed:
        return delay(action.messageId, qsizetype(action.positions));
    case TrafficEvent::Kind::ClockChanged:
        if (!d->clock)
            return Error(ErrorCode::InvalidArgument, tr("The recording moves a clock, but the queue has none"));
        return d->clock->setTime(action.simTime);
    default:
        return Error(ErrorCode::InvalidArgument,
                     tr("Event %1 is not an action that can be done again").arg(action.sequence));
    }
}

void LocalNetwork::cancelReplay()
{
    if (d->replaying)
        d->replayCancelled = true;
}

bool LocalNetwork::isReplaying() const
{
    return d->replaying;
}

QCoro::Task<Result<int>> LocalNetwork::replay(TrafficLog recorded, std::chrono::milliseconds timeout)
{
    setMode(Mode::Stepped);
    QPointer<LocalNetwork> self(this);
    int actions = 0;
    d->replaying = true;
    d->replayCancelled = false;
    // However the replay ends: not replaying any more (if the network is still there).
    struct Ending
    {
        QPointer<LocalNetwork> network;
        ~Ending()
        {
            if (network)
                network->d->replaying = false;
        }
    } ending{self};
    const auto cancelled = [this, &self, &actions]() -> std::optional<Error> {
        if (!self || !d->replayCancelled)
            return std::nullopt;
        qCInfo(lcLocalQueue) << "replay cancelled after" << actions << "action(s)";
        return Error(ErrorCode::Cancelled, tr("The replay was cancelled after %n action(s)", nullptr, actions));
    };
    for (const TrafficEvent &event : recorded.schedule()) {
        if (std::optional<Error> stop = cancelled())
            co_return *stop;
        if (event.kind == TrafficEvent::Kind::ClockChanged) {
            if (!d->clock)
                co_return Error(ErrorCode::InvalidArgument, tr("The recording moves a clock, but the queue has none"));
            // Let what the previous deliveries started settle before time moves (and the
            // programs of an answer wait answer).
            co_await settle();
            if (self && !co_await d->waitForAnswers())
                co_return Error(ErrorCode::Timeout, tr("The replay stopped at event %1: no answer").arg(event.sequence));
            if (!self)
                co_return Error(ErrorCode::Cancelled, tr("The queue was destroyed during the replay"));
            if (Result<void> r = apply(event); !r)
                co_return r.error();
            ++actions;
            // What other processes do at the new time comes before the next action, as it did.
            if (!co_await d->waitForAnswers())
                co_return Error(ErrorCode::Timeout, tr("The replay stopped at event %1: no answer").arg(event.sequence));
            if (!self)
                co_return Error(ErrorCode::Cancelled, tr("The queue was destroyed during the replay"));
            continue;
        }
        // Wait until the system offers the frame the recording acted on next: for a duplication
        // that is the original (the copy's id, `messageId`, exists only afterwards).
        const quint64 awaited = event.kind == TrafficEvent::Kind::Duplicated ? event.originalId : event.messageId;
        QElapsedTimer waited;
        waited.start();
        while (self && d->findPending(awaited) == d->pending.end()) {
            if (std::optional<Error> stop = cancelled())
                co_return *stop;
            if (waited.elapsed() > timeout.count())
                co_return Error(ErrorCode::Timeout,
                                tr("The replay diverged at event %1: message %2 never became pending")
                                    .arg(event.sequence)
                                    .arg(awaited));
            co_await detail::yieldToEventLoop(this);
        }
        if (!self)
            co_return Error(ErrorCode::Cancelled, tr("The queue was destroyed during the replay"));
        if (Result<void> done = apply(event); !done)
            co_return done.error();
        ++actions;
        co_await detail::yieldToEventLoop(this);
        if (self && !co_await d->waitForAnswers())
            co_return Error(ErrorCode::Timeout, tr("The replay stopped at event %1: no answer").arg(event.sequence));
    }
    co_return actions;
}

} // namespace mas
