// SPDX-License-Identifier: MIT
#include "message.h"

#include <QDebug>

namespace mas {

Value Message::toValue() const
{
    return Value(Value::List{Value(int(type)), Value(id), content});
}

Result<Message> Message::fromValue(Value value)
{
    if (!value.isList() || value.size() != 3)
        return Error(ErrorCode::InvalidMessage,
                     mas::tr("A message must be a list of three items [type, id, content], got %1")
                         .arg(value.toDisplayString(80)));
    Value::List &items = value.mutableList();
    const Value &type = items[0];
    const Value &id = items[1];
    if (type.type() != Value::Type::Int || type.toInt() < 0 || type.toInt() > 2)
        return Error(ErrorCode::InvalidMessage,
                     mas::tr("Unknown message type %1 (expected 0, 1 or 2)").arg(type.toDisplayString(40)));
    Message m;
    m.type = MessageType(type.toInt());
    if (id.type() == Value::Type::Int && id.toInt() >= 0)
        m.id = quint64(id.toInt());
    else if (id.type() == Value::Type::UInt)
        m.id = id.toUInt();
    else
        return Error(ErrorCode::InvalidMessage,
                     mas::tr("Invalid message id %1 (expected a non-negative integer)")
                         .arg(id.toDisplayString(40)));
    m.content = std::move(items[2]);
    return m;
}

QString messageTypeName(MessageType type)
{
    switch (type) {
    case MessageType::Request:
        return QStringLiteral("request");
    case MessageType::Result:
        return QStringLiteral("result");
    case MessageType::Failure:
        return QStringLiteral("failure");
    }
    return QStringLiteral("unknown");
}

QDebug operator<<(QDebug debug, const Message &message)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "mas::Message(" << messageTypeName(message.type) << ", "
                              << message.id << ", " << message.content.toDisplayString(200) << ')';
    return debug;
}

} // namespace mas
