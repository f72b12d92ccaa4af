// SPDX-License-Identifier: MIT
// Fuzz target: the event-log reader, TrafficLog::read (trace/trafficlog.h): JSON Lines of
// TrafficEvents, as the Inspector opens logs and session files someone sent. The input is the
// file.
//
// Properties: each line reads the same with TrafficEvent::fromJson() (direct) and
// fromJsonGeneral(); read either fails (naming the line) or gives events that print
// (toDisplayString) and write back; reading what was written gives a log that writes the same
// bytes again and has the same events (firstDifference finds none, wall time included); a log
// equals itself; schedule() keeps the deliveries and faults in order.

#include "fuzzing.h"

#include <mas/trace/trafficlog.h>

#include <QBuffer>

using namespace mas;

namespace {

Result<TrafficLog> readFrom(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return TrafficLog::read(&buffer);
}

QByteArray writeOut(const TrafficLog &log)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Result<void> written = log.write(&buffer);
    MAS_FUZZ_CHECK(written, written.error().message());
    return buffer.data();
}

bool isScheduled(TrafficEvent::Kind kind)
{
    switch (kind) {
    case TrafficEvent::Kind::Delivered:
    case TrafficEvent::Kind::Dropped:
    case TrafficEvent::Kind::Duplicated:
    case TrafficEvent::Kind::Delayed:
    case TrafficEvent::Kind::ClockChanged:
        return true;
    default:
        return false;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mas::fuzz::quietQt();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // Each line: the direct parse (fromJson) and the general one agree, on the event or on the
    // error.
    for (const QByteArray &line : bytes.split('\n')) {
        const Result<TrafficEvent> direct = TrafficEvent::fromJson(line.trimmed());
        const Result<TrafficEvent> general = TrafficEvent::fromJsonGeneral(line.trimmed());
        MAS_FUZZ_CHECK(bool(direct) == bool(general), QString::fromUtf8(line.left(500)));
        if (direct)
            MAS_FUZZ_CHECK(direct->sameAs(*general) && direct->wallTimeMs == general->wallTimeMs,
                           QString::fromUtf8(line.left(500)));
    }
    const Result<TrafficLog> log = readFrom(bytes);
    if (!log) {
        MAS_FUZZ_CHECK(log.error().message().contains(u"line "), log.error().message());
        return 0;
    }
    for (const TrafficEvent &e : log->events()) {
        (void)e.toDisplayString();
        (void)agentEndName(e.to, e.path);
    }
    MAS_FUZZ_CHECK(!TrafficLog::firstDifference(*log, *log),
                   QStringLiteral("a log differs from itself"));

    const QByteArray written = writeOut(*log);
    const Result<TrafficLog> again = readFrom(written);
    MAS_FUZZ_CHECK(again, again.error().message() + u'\n' + QString::fromUtf8(written.left(500)));
    MAS_FUZZ_CHECK(again->size() == log->size(),
                   QStringLiteral("%1 events became %2\n").arg(log->size()).arg(again->size())
                       + QString::fromUtf8(written.left(500)));
    const std::optional<qsizetype> differs = TrafficLog::firstDifference(*log, *again);
    MAS_FUZZ_CHECK(!differs,
                   QStringLiteral("event %1 changed: %2 became %3")
                       .arg(differs.value_or(-1))
                       .arg(log->events()[size_t(differs.value_or(0))].toDisplayString(),
                            again->events()[size_t(differs.value_or(0))].toDisplayString()));
    for (size_t i = 0; i < log->events().size(); ++i)
        MAS_FUZZ_CHECK(log->events()[i].wallTimeMs == again->events()[i].wallTimeMs,
                       QString::number(i));
    MAS_FUZZ_CHECK(writeOut(*again) == written, QString::fromUtf8(written.left(500)));

    const std::vector<TrafficEvent> schedule = log->schedule();
    size_t at = 0;
    for (const TrafficEvent &e : log->events()) {
        if (!isScheduled(e.kind))
            continue;
        MAS_FUZZ_CHECK(at < schedule.size() && schedule[at].sameAs(e), QString::number(at));
        ++at;
    }
    MAS_FUZZ_CHECK(at == schedule.size(), QString::number(schedule.size()));
    return 0;
}
