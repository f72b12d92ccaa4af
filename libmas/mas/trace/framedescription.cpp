// SPDX-License-Identifier: MIT
#include "framedescription.h"

#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include <mas/codec/structuraldecode.h>

#include <algorithm>

namespace mas {

RequestPaths::RequestPaths(bool forgetAnswered, qsizetype answeredKept)
    : m_answeredKept(std::max<qsizetype>(answeredKept, 1))
    , m_forgetAnswered(forgetAnswered)
{}

void RequestPaths::open(Way way, qint64 requestId, const QString &path)
{
    // Equal paths share one string.
    if (path != m_lastPath)
        m_lastPath = path;
    Book &b = book(way);
    if (m_forgetAnswered) {
        b.open.insert(requestId, Open{m_lastPath, 1});
        return;
    }
    auto it = b.open.find(requestId);
    if (it == b.open.end()) {
        b.open.insert(requestId, Open{m_lastPath, 1});
        b.answered.remove(requestId); // open again: its answers are counted anew
    } else {
        it->path = m_lastPath;
        ++it->copies;
    }
}

QString RequestPaths::take(Book &b, qint64 requestId, bool answered, bool *wasOpen)
{
    auto it = b.open.find(requestId);
    *wasOpen = it != b.open.end();
    if (!*wasOpen)
        return {};
    it->answered = it->answered || answered;
    if (m_forgetAnswered || --it->copies == 0) {
        QString path = std::move(it->path);
        // Remembered for late copies of its replies, if it had any.
        if (!m_forgetAnswered && it->answered)
            remember(b, requestId, path);
        b.open.erase(it);
        return path;
    }
    return it->path;
}

void RequestPaths::remember(Book &b, qint64 requestId, const QString &path)
{
    const quint64 sequence = b.answers++;
    const std::size_t slot = std::size_t(sequence % quint64(m_answeredKept));
    if (b.order.size() < std::size_t(m_answeredKept)) {
        b.order.push_back(requestId);
    } else {
        // The oldest answer leaves, unless its id was answered again since.
        const qint64 oldest = b.order[slot];
        if (auto old = b.answered.find(oldest); old != b.answered.end() && old->sequence + quint64(m_answeredKept) == sequence)
            b.answered.erase(old);
        b.order[slot] = requestId;
    }
    b.answered.insert(requestId, Answered{path, sequence});
}

QString RequestPaths::answer(Way replyWay, qint64 requestId)
{
    Book &b = book(other(replyWay));
    bool wasOpen = false;
    QString path = take(b, requestId, true, &wasOpen);
    if (!wasOpen && !m_forgetAnswered) {
        // A late copy of a reply: its request was answered already.
        if (auto it = b.answered.constFind(requestId); it != b.answered.constEnd())
            path = it->path;
    }
    return path;
}

void RequestPaths::withdraw(Way way, qint64 requestId)
{
    bool wasOpen = false;
    (void)take(book(way), requestId, false, &wasOpen);
}

void RequestPaths::clear()
{
    m_out = Book();
    m_in = Book();
    m_lastPath.clear();
}

qsizetype RequestPaths::size() const
{
    return m_out.open.size() + m_out.answered.size() + m_in.open.size() + m_in.answered.size();
}

Result<void> describeFrame(TrafficEvent &event, QByteArrayView payload, const Codec &codec, RequestPaths &paths,
                           RequestPaths::Way way)
{
    event.type = MessageType::Request;
    event.requestId = -1;
    event.path.clear();
    event.content = Value();
    MAS_TRY(message, decodeStructuralMessage(codec, payload));
    event.type = message.type;
    event.requestId = qint64(message.id);
    event.content = std::move(message.content);
    if (event.type == MessageType::Request) {
        const Value &content = event.content;
        if (content.isList() && content.size() == 3 && content.at(0).isString())
            event.path = content.at(0).toString();
        paths.open(way, event.requestId, event.path);
        event.to = agentEndName(event.to, event.path);
    } else {
        event.path = paths.answer(way, event.requestId);
        event.from = agentEndName(event.from, event.path);
    }
    return {};
}

} // namespace mas
