// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/masnamespace.h>
#include <mas/core/value.h>

namespace mas {

/// One channel message: the wire triple `[type, id, content]`.
///
/// Requests carry any content (for RPC `[path, args, kwargs]`); results carry the return value;
/// failures carry the peer's formatted traceback (a string for aiomas, an array for mosaik).
/// Ids count per sending direction from 0; a reply repeats the id of the request it answers.
struct MAS_EXPORT Message
{
    MessageType type = MessageType::Request;
    quint64 id = 0;
    Value content;

    static Message request(quint64 id, Value content) { return {MessageType::Request, id, std::move(content)}; }
    static Message result(quint64 id, Value content) { return {MessageType::Result, id, std::move(content)}; }
    static Message failure(quint64 id, Value content) { return {MessageType::Failure, id, std::move(content)}; }

    /// The triple as a Value (a 3-element list).
    Value toValue() const;
    /// Checks the shape: exactly three items, a known type, a non-negative integer id.
    static Result<Message> fromValue(Value value);

    friend bool operator==(const Message &, const Message &) = default;
};

/// The wire name of a message type: "request", "result" or "failure" ("unknown" for a value
/// outside the enum). Not translated: event logs, explorer traces and debug output use it.
MAS_EXPORT QString messageTypeName(MessageType type);

/// Prints "Message(request, 3, [...])" for debugging.
MAS_EXPORT QDebug operator<<(QDebug debug, const Message &message);

} // namespace mas
