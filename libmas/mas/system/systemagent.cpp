// SPDX-License-Identifier: MIT
#include <mas/system/systemagent.h>

#include "logging_p.h"

#include <QStringList>

#include <QPointer>

#include <chrono>

namespace mas::system {

SystemAgent::SystemAgent(mas::Container *container, quint32 seed)
    : Agent(container)
    , m_random(seed)
{}

SystemAgent::~SystemAgent() = default;

void SystemAgent::send(const QString &url, const QString &method, mas::Value::List arguments)
{
    Message message;
    message.method = method;
    message.arguments = std::move(arguments);
    ++m_inFlight; // until acknowledged or given up: settled()
    dispatch(url, std::move(message));
}

void SystemAgent::dispatch(const QString &url, Message message)
{
    Link &link = m_links[url];
    if (link.proxy) {
        call(*link.proxy, url, std::move(message)); // runs on by itself
        return;
    }
    link.waiting.push_back(std::move(message));
    if (!link.connecting) {
        link.connecting = true;
        openLink(url);
    }
}

QCoro::Task<void> SystemAgent::openLink(QString url)
{
    QPointer<SystemAgent> self(this);
    // One attempt: a failure is reported per message below, and a message's retry reconnects.
    mas::Result<mas::rpc::Proxy> proxy = co_await connectTo(url, std::chrono::milliseconds(0));
    if (!self)
        co_return;
    Link &link = m_links[url];
    link.connecting = false;
    std::vector<Message> waiting;
    waiting.swap(link.waiting);
    if (proxy)
        link.proxy = *proxy;
    for (Message &message : waiting) {
        if (proxy) {
            call(*proxy, url, std::move(message));
        } else if (message.attempt < kSendAttempts && proxy.error().isConnectionError()) {
            // Try again later: queued behind whatever the event loop has to do first.
            ++message.attempt;
            QMetaObject::invokeMethod(
                this, [this, url, message] { dispatch(url, message); }, Qt::QueuedConnection);
        } else {
            lost(url, message, proxy.error());
        }
    }
}

QCoro::Task<void> SystemAgent::call(mas::rpc::Proxy proxy, QString url, Message message)
{
    QPointer<SystemAgent> self(this);
    mas::Result<mas::Value> ack = co_await proxy[message.method].call(message.arguments);
    if (!self)
        co_return;
    if (ack) {
        settled();
        co_return;
    }
    const mas::Error error = ack.error();
    const bool transient = error.code() == mas::ErrorCode::Timeout || error.isConnectionError();
    if (transient && message.attempt < kSendAttempts) {
        qCDebug(lcSystem) << toString() << "retries" << message.method << "to" << url << "after"
                         << error.toString();
        if (error.code() != mas::ErrorCode::Timeout) {
            // The connection is gone: reconnect on the next send.
            if (auto it = m_links.find(url); it != m_links.end() && it->second.proxy == proxy)
                it->second.proxy.reset();
        }
        ++message.attempt;
        dispatch(url, std::move(message));
        co_return;
    }
    lost(url, message, error);
}

void SystemAgent::lost(const QString &url, const Message &message, const mas::Error &error)
{
    qCInfo(lcSystem) << toString() << "lost" << message.method << "to" << url << ":"
                    << error.toString();
    onMessageLost(url, message.method, message.arguments, error);
    Q_EMIT messageLost(url, message.method, error);
    settled();
}

void SystemAgent::settled()
{
    Q_ASSERT(m_inFlight > 0);
    if (--m_inFlight == 0)
        Q_EMIT allMessagesSettled();
}

void SystemAgent::onMessageLost(const QString &,
                              const QString &,
                              const mas::Value::List &,
                              const mas::Error &)
{}

QString SystemAgent::stateText() const
{
    QStringList parts;
    for (const auto &[key, value] : stateFields())
        parts << (key.isString() ? key.toString() : key.toDisplayString(100)) + QStringLiteral(": ")
                     + (value.isString() ? value.toString() : value.toDisplayString(200));
    return parts.join(QStringLiteral(", "));
}

Value::Map SystemAgent::stateFields() const
{
    return {};
}

void SystemAgent::begin() {}

void SystemAgent::changed()
{
    Q_EMIT stateChanged();
}

int SystemAgent::uniform(int low, int high)
{
    Q_ASSERT(low <= high);
    const quint32 span = quint32(high - low) + 1;
    return low + int(m_random() % span);
}

} // namespace mas::system
