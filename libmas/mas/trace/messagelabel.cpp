// SPDX-License-Identifier: MIT
#include "messagelabel.h"

#include <mas/core/error.h>
#include <mas/trace/agentpath.h>

#include <QStringList>

#include <algorithm>

namespace mas {

namespace {

constexpr auto kValidateAid = QStringView(u"validate_aid");

bool isAcknowledgement(const Value &content)
{
    return content.isNull() || (content.isBool() && content.toBool());
}

QString elided(const QString &text, int maxLength)
{
    if (maxLength < 2 || text.size() <= maxLength)
        return text;
    return text.left(maxLength - 1) + u'…';
}

/// The error of a failure's traceback: its last non-empty line.
QString failureText(const Value &content)
{
    if (!content.isString())
        return {};
    const QStringList lines = content.toString().split(u'\n', Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.constLast().trimmed();
}

} // namespace

bool isPlumbing(TrafficClass trafficClass)
{
    switch (trafficClass) {
    case TrafficClass::Protocol:
    case TrafficClass::Clock:
        return false;
    case TrafficClass::Connection:
    case TrafficClass::Lookup:
    case TrafficClass::Acknowledgement:
    case TrafficClass::SelfMessage:
        return true;
    }
    return false;
}

QList<TrafficClass> plumbingClasses()
{
    return {TrafficClass::Connection, TrafficClass::Lookup, TrafficClass::Acknowledgement, TrafficClass::SelfMessage};
}

QString trafficClassKey(TrafficClass trafficClass)
{
    switch (trafficClass) {
    case TrafficClass::Protocol:
        return QStringLiteral("protocol");
    case TrafficClass::Clock:
        return QStringLiteral("clock");
    case TrafficClass::Connection:
        return QStringLiteral("connection");
    case TrafficClass::Lookup:
        return QStringLiteral("lookup");
    case TrafficClass::Acknowledgement:
        return QStringLiteral("acknowledgement");
    case TrafficClass::SelfMessage:
        return QStringLiteral("self");
    }
    return {};
}

std::optional<TrafficClass> trafficClassFromKey(QStringView key)
{
    for (TrafficClass c : {TrafficClass::Protocol, TrafficClass::Clock, TrafficClass::Connection, TrafficClass::Lookup,
                           TrafficClass::Acknowledgement, TrafficClass::SelfMessage}) {
        if (key == trafficClassKey(c))
            return c;
    }
    return std::nullopt;
}

TrafficClass classifyMessage(MessageType type, QStringView path, QStringView from, QStringView to, const Value &content)
{
    if (path == kValidateAid)
        return TrafficClass::Lookup;
    if (!from.isEmpty() && from == to)
        return TrafficClass::SelfMessage;
    if (type == MessageType::Result && isAcknowledgement(content))
        return TrafficClass::Acknowledgement;
    return TrafficClass::Protocol;
}

TrafficClass classifyTraffic(const TrafficEvent &event)
{
    switch (event.kind) {
    case TrafficEvent::Kind::Connected:
    case TrafficEvent::Kind::Closed:
        return TrafficClass::Connection;
    case TrafficEvent::Kind::ClockChanged:
        return TrafficClass::Clock;
    default:
        break;
    }
    if (event.raw)
        return TrafficClass::Protocol;
    // A close travelling through the queue has no message triple: no request id, no path.
    if (event.requestId < 0 && event.path.isEmpty() && event.content.isNull())
        return TrafficClass::Connection;
    return classifyMessage(event.type, event.path, event.from, event.to, event.content);
}

QString messageMethod(const QString &path)
{
    return AgentPath::methodOf(path);
}

QString shortAddress(const QString &address)
{
    QString s = address;
    const qsizetype scheme = s.indexOf(QStringLiteral("://"));
    if (scheme >= 0)
        s = s.mid(scheme + 3);
    while (s.size() > 1 && s.endsWith(u'/'))
        s.chop(1);
    return s.isEmpty() ? address : s;
}

bool nameMatches(const QString &name, const QString &text)
{
    if (text.isEmpty())
        return false;
    const auto word = [](QChar c) { return c.isLetterOrNumber() || c == u'_'; };
    for (qsizetype at = name.indexOf(text, 0, Qt::CaseInsensitive); at >= 0;
         at = name.indexOf(text, at + 1, Qt::CaseInsensitive)) {
        const qsizetype end = at + text.size();
        const bool startsWord = at == 0 || !word(name.at(at - 1)) || !word(text.front());
        const bool endsWord = end == name.size() || !word(name.at(end)) || !word(text.back());
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

bool labelMatches(const QString &label, const QString &text)
{
    if (text.isEmpty())
        return false;
    // The method: after a reply's "→ " or a failure's "✗ ", up to "(" or ":".
    QStringView method(label);
    if (method.startsWith(u"→ ") || method.startsWith(u"✗ "))
        method = method.mid(2);
    const qsizetype end = std::min(method.indexOf(u'(') < 0 ? method.size() : method.indexOf(u'('),
                                   method.indexOf(u':') < 0 ? method.size() : method.indexOf(u':'));
    method = method.left(end);
    return method.contains(text, Qt::CaseInsensitive) || nameMatches(label, text);
}

QString displayName(const QString &address, const NameLookup &names)
{
    if (names) {
        const QString name = names(address);
        if (!name.isEmpty())
            return name;
    }
    return shortAddress(address);
}

QString labelValue(const Value &value, const NameLookup &names, int maxLength)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (names) {
            const QString name = names(text);
            if (!name.isEmpty())
                return name;
        }
        if (text.contains(QStringLiteral("://")) && !text.contains(u' '))
            return elided(shortAddress(text), maxLength);
        return u'"' + elided(text, maxLength) + u'"';
    }
    if (value.isList()) {
        QStringList items;
        for (const Value &item : value.asList())
            items << labelValue(item, names, maxLength);
        return elided(u'[' + items.join(QStringLiteral(", ")) + u']', maxLength * 2);
    }
    return value.toDisplayString(maxLength);
}

QString labelArguments(const Value &requestContent, const NameLookup &names, int maxLength, int maxValueLength)
{
    if (!requestContent.isList() || requestContent.size() != 3)
        return {};
    QStringList parts;
    const Value &args = requestContent.at(1);
    if (args.isList()) {
        for (const Value &arg : args.asList())
            parts << labelValue(arg, names, maxValueLength);
    }
    const Value &kwargs = requestContent.at(2);
    if (kwargs.isMap()) {
        for (const auto &[key, value] : kwargs.asMap())
            parts << (key.isString() ? key.toString() : key.toDisplayString(24)) + u'=' + labelValue(value, names, maxValueLength);
    }
    return elided(parts.join(QStringLiteral(", ")), maxLength);
}

QString messageLabel(MessageType type, const QString &path, const Value &content, const NameLookup &names,
                     int maxValueLength)
{
    const QString method = messageMethod(path);
    switch (type) {
    case MessageType::Request:
        if (method.isEmpty())
            return mas::tr("request");
        if (content.isNull())
            return method;
        return method + u'(' + labelArguments(content, names, 2 * maxValueLength, maxValueLength) + u')';
    case MessageType::Result: {
        const QString value = labelValue(content, names, maxValueLength + 8);
        return method.isEmpty() ? QStringLiteral("→ %1").arg(value) : QStringLiteral("→ %1: %2").arg(method, value);
    }
    case MessageType::Failure: {
        QString error = elided(failureText(content), 2 * maxValueLength);
        if (error.isEmpty())
            error = mas::tr("failure");
        return method.isEmpty() ? QStringLiteral("✗ %1").arg(error) : QStringLiteral("✗ %1: %2").arg(method, error);
    }
    }
    return method;
}

QString rawLabel(const Value &bytes, qsizetype size)
{
    // The start of the bytes as text where it is printable ("GET / HTTP/1.1"), else in hex.
    const QByteArray data = bytes.isBytes() ? bytes.toBytes().left(24) : QByteArray();
    bool printable = !data.isEmpty();
    QString text;
    for (char c : data) {
        if (c == '\r' || c == '\n')
            break;
        if (uchar(c) < 0x20 || uchar(c) >= 0x7f) {
            printable = false;
            break;
        }
        text += QLatin1Char(c);
    }
    if (!printable || text.isEmpty())
        text = QString::fromLatin1(data.left(8).toHex(' '));
    if (text.isEmpty())
        return mas::tr("raw bytes (%n byte(s))", nullptr, int(size));
    return mas::tr("raw bytes: %1").arg(text);
}

QString messageLabel(const TrafficEvent &event, const NameLookup &names, int maxValueLength)
{
    switch (event.kind) {
    case TrafficEvent::Kind::Connected:
    case TrafficEvent::Kind::Closed:
    case TrafficEvent::Kind::ClockChanged:
        return {};
    default:
        break;
    }
    if (event.raw)
        return rawLabel(event.content, event.size);
    if (classifyTraffic(event) == TrafficClass::Connection)
        return event.halfClose ? mas::tr("end of stream") : mas::tr("close");
    return messageLabel(event.type, event.path, event.content, names, maxValueLength);
}

} // namespace mas
