// SPDX-License-Identifier: MIT
#include "framedescription.h"

#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include <mas/codec/structuraldecode.h>

namespace mas {

void RequestPaths::open(Way way, qint64 requestId, const QString &path)
{
    book(way).insert(requestId, path);
}

QString RequestPaths::answer(Way replyWay, qint64 requestId)
{
    QHash<qint64, QString> &requests = book(other(replyWay));
    return m_forgetAnswered ? requests.take(requestId) : requests.value(requestId);
}

void RequestPaths::clear()
{
    m_out.clear();
    m_in.clear();
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
