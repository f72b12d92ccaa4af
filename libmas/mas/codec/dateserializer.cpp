// SPDX-License-Identifier: MIT
#include "dateserializer.h"

#include <mas/core/peertext.h>

#include <QRegularExpression>

namespace mas {

namespace {
/// How much of a text that is not a date an error message quotes.
constexpr qsizetype kDateTextMaxChars = 64;
} // namespace

QString formatIsoDate(const QDateTime &date)
{
    const int offset = date.offsetFromUtc();
    const QDateTime local = date.toOffsetFromUtc(offset);
    QString text = local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    const int ms = local.time().msec();
    if (ms != 0)
        text += QStringLiteral(".%1000").arg(ms, 3, 10, QLatin1Char('0'));
    const int absOffset = offset < 0 ? -offset : offset;
    text += QStringLiteral("%1%2:%3")
                .arg(QChar(offset < 0 ? u'-' : u'+'))
                .arg(absOffset / 3600, 2, 10, QLatin1Char('0'))
                .arg((absOffset % 3600) / 60, 2, 10, QLatin1Char('0'));
    return text;
}

Result<QDateTime> parseIsoDate(QStringView text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)"
        R"((Z|[+-]\d{2}:?\d{2})?$)"));
    const QRegularExpressionMatch m = re.match(text.toString());
    const auto invalid = [&] {
        // The text comes from a peer: escaped and shortened, it cannot forge log lines.
        return Error(ErrorCode::SerializationError,
                     tr("\"%1\" is not an ISO 8601 date").arg(peerText(text, kDateTextMaxChars)));
    };
    if (!m.hasMatch())
        return invalid();
    const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
    const QString fraction = (m.captured(7) + QStringLiteral("000")).left(3);
    const QTime time(m.capturedView(4).toInt(), m.capturedView(5).toInt(),
                     m.capturedView(6).isEmpty() ? 0 : m.capturedView(6).toInt(),
                     fraction.toInt());
    if (!date.isValid() || !time.isValid())
        return invalid();
    int offset = 0;
    const QString zone = m.captured(8);
    if (!zone.isEmpty() && zone != u"Z") {
        const QString digits = QString(zone.mid(1)).remove(u':');
        const int hours = digits.left(2).toInt();
        const int minutes = digits.mid(2, 2).toInt();
        // Python's datetime.timezone: strictly within a day; minutes below 60.
        if (hours > 23 || minutes > 59)
            return Error(ErrorCode::SerializationError,
                         tr("\"%1\" is not an ISO 8601 date: the UTC offset %2 is out of range "
                            "(at most 23:59 either way)")
                             .arg(peerText(text, kDateTextMaxChars), zone));
        offset = hours * 3600 + minutes * 60;
        if (zone.startsWith(u'-'))
            offset = -offset;
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, offset);
}

Result<int> addDateSerializer(SerializerRegistry &registry)
{
    return registry.add<QDateTime>(
        [](const QDateTime &d) { return Value(formatIsoDate(d)); },
        [](const Value &v) -> Result<QDateTime> {
            if (!v.isString())
                return Error(ErrorCode::SerializationError,
                             tr("A date must be sent as text, got %1").arg(v.typeName()));
            return parseIsoDate(v.stringRef());
        });
}

} // namespace mas
