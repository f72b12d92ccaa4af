// SPDX-License-Identifier: MIT
#pragma once

// A one-shot awaitable: one side completes it with a value, one coroutine awaits it.
// The waiting coroutine is resumed from the event loop (queued), never inside the call that
// completes it, so completing from a socket's signal handler cannot re-enter that handler.

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <coroutine>
#include <memory>
#include <optional>
#include <vector>

namespace mas::detail {

/// Resumes coroutine handles on the current thread's event loop.
class Resumer : public QObject
{
public:
    static Resumer *forCurrentThread()
    {
        thread_local QPointer<Resumer> resumer;
        if (!resumer) {
            resumer = new Resumer();
            // Owned by the application object in its thread, else deleted when the thread ends.
            QCoreApplication *app = QCoreApplication::instance();
            if (app && app->thread() == QThread::currentThread())
                resumer->setParent(app);
        }
        return resumer;
    }
    /// Queues a resumption. Handles queued before the loop gets here are resumed together, in
    /// order, from one posted event (a burst of replies costs one event, not one each).
    void post(std::coroutine_handle<> handle)
    {
        m_ready.push_back(handle);
        if (m_ready.size() == 1)
            QMetaObject::invokeMethod(this, &Resumer::resumeAll, Qt::QueuedConnection);
    }
    /// Queues a resumption for the event loop's next turn: when the thread's event dispatcher
    /// next starts to process events (QAbstractEventDispatcher::awake / aboutToBlock), that is
    /// after everything the current turn dispatches, before it polls again. It saves the posted
    /// event of post() (an allocation, a wake-up of the loop and a turn of its own), but orders
    /// the resumption after all events of the turn: for what is not ordered anyway (replies
    /// over an operating-system socket), not for in-process deliveries. Without an event
    /// dispatcher it is post().
    void postAtTurn(std::coroutine_handle<> handle)
    {
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(thread());
        if (!dispatcher) {
            post(handle);
            return;
        }
        if (m_dispatcher != dispatcher) {
            m_dispatcher = dispatcher;
            connect(dispatcher, &QAbstractEventDispatcher::awake, this, &Resumer::resumeTurn);
            connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &Resumer::resumeTurn);
        }
        m_turn.push_back(handle);
    }

private:
    void resumeTurn()
    {
        // What the resumed coroutines complete in turn is resumed here too: the loop is about
        // to wait, and nothing else would wake it for them. The list's buffer is kept for the
        // next turn (m_spare), so that a turn does not allocate.
        while (!m_turn.empty()) {
            std::vector<std::coroutine_handle<>> batch;
            batch.swap(m_spare);
            batch.swap(m_turn);
            for (std::coroutine_handle<> h : batch)
                h.resume();
            batch.clear();
            if (batch.capacity() > m_spare.capacity())
                m_spare.swap(batch);
        }
    }

    void resumeAll()
    {
        // Coroutines resumed here may post more; those go into a fresh batch.
        std::vector<std::coroutine_handle<>> batch;
        batch.swap(m_ready);
        for (std::coroutine_handle<> h : batch)
            h.resume();
    }

    std::vector<std::coroutine_handle<>> m_ready;
    std::vector<std::coroutine_handle<>> m_turn;
    std::vector<std::coroutine_handle<>> m_spare;
    QPointer<QAbstractEventDispatcher> m_dispatcher;

    Resumer()
    {
        connect(QThread::currentThread(), &QThread::finished, this, &QObject::deleteLater);
    }
};

template<class T>
class Completion
{
    struct State
    {
        std::optional<T> value;
        std::coroutine_handle<> waiter;
        Resumer *resumer = nullptr;
        bool atTurn = false;
    };

public:
    Completion()
        : m_state(std::make_shared<State>())
    {}

    bool isDone() const { return m_state->value.has_value(); }
    /// The waiter is resumed at the event loop's next turn (Resumer::postAtTurn()) instead of
    /// from a posted event: for completions whose order against other events does not matter.
    void resumeAtTurn() { m_state->atTurn = true; }

    /// Completes once; later calls are ignored. Returns whether this call completed it.
    bool complete(T value)
    {
        if (m_state->value)
            return false;
        m_state->value = std::move(value);
        if (auto h = std::exchange(m_state->waiter, {})) {
            if (m_state->atTurn)
                m_state->resumer->postAtTurn(h);
            else
                m_state->resumer->post(h);
        }
        return true;
    }

    // awaitable
    bool await_ready() const noexcept { return m_state->value.has_value(); }
    void await_suspend(std::coroutine_handle<> h)
    {
        m_state->resumer = Resumer::forCurrentThread();
        m_state->waiter = h;
    }
    T await_resume() { return std::move(*m_state->value); }

private:
    std::shared_ptr<State> m_state;
};

} // namespace mas::detail
