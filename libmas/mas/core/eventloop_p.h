// SPDX-License-Identifier: MIT
#pragma once

// Private: yielding a coroutine to the event loop. The one way libmas code lets the events
// already posted run before it goes on: the LocalQueue network between deliveries and in
// replay(), the explorer between steps, the mosaik simulator before a step. Because replay and
// the explorer yield with the same awaitable, a recorded run replays with its message ids.

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <coroutine>

namespace mas::detail {

/// `co_await yieldToEventLoop(context, turns)`: resumes the coroutine from the event loop after
/// `turns` turns, each queued behind the events already posted (so with 2, also after what those
/// events posted, e.g. coroutines they woke). Posted to `context` (the application object when
/// null); a context destroyed meanwhile never resumes the coroutine, so pass an object that
/// lives as long as the coroutine's frame, or none.
class YieldToEventLoop
{
public:
    explicit YieldToEventLoop(QObject *context = nullptr, int turns = 1)
        : m_context(context ? context : QCoreApplication::instance())
        , m_turns(turns)
    {}

    bool await_ready() const noexcept { return m_turns <= 0; }
    void await_suspend(std::coroutine_handle<> h) const { post(m_context, h, m_turns); }
    void await_resume() const noexcept {}

private:
    static void post(QObject *context, std::coroutine_handle<> h, int turns)
    {
        QMetaObject::invokeMethod(
            context,
            [context, h, turns] {
                if (turns > 1)
                    post(context, h, turns - 1);
                else
                    h.resume();
            },
            Qt::QueuedConnection);
    }

    QObject *m_context;
    int m_turns;
};

inline YieldToEventLoop yieldToEventLoop(QObject *context = nullptr, int turns = 1)
{
    return YieldToEventLoop(context, turns);
}

} // namespace mas::detail
