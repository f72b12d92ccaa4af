// SPDX-License-Identifier: MIT
#include "runcompare.h"

#include <mas/core/error.h>

#include <QHash>

#include <algorithm>

namespace mas {

namespace {

using Kind = TrafficEvent::Kind;

bool isMessageEvent(Kind kind)
{
    return kind == Kind::Sent || kind == Kind::Delivered || kind == Kind::Dropped || kind == Kind::Duplicated
           || kind == Kind::Delayed;
}

/// The LocalQueue id a log was recorded on ("explore" for local://explore-1/0), empty when it
/// has no local:// address. The same system on another queue (the Inspector replays a
/// `mas explore` counterexample on its own) sends the same messages between the same agents.
QString queueOf(const std::vector<TrafficEvent> &events)
{
    static const QString scheme = QStringLiteral("local://");
    for (const TrafficEvent &e : events) {
        for (const QString *address : {&e.from, &e.to}) {
            if (!address->startsWith(scheme))
                continue;
            QString host = address->mid(scheme.size()).section(u'/', 0, 0);
            const qsizetype dash = host.lastIndexOf(u'-');
            if (dash > 0 && host.size() > dash + 1
                && std::all_of(host.cbegin() + dash + 1, host.cend(), [](QChar c) { return c.isDigit(); }))
                host.truncate(dash);
            if (!host.isEmpty())
                return host;
        }
    }
    return {};
}

/// What makes a message the same in another run: everything of its Sent (or Duplicated) event
/// but the numbers a run assigns (sequence, ids, connection, times, size) and the queue id its
/// run was recorded on (in its ends and in its arguments alike).
QString contentKey(const TrafficEvent &sent, const QString &queue)
{
    TrafficEvent e = sent;
    e.sequence = 0;
    e.kind = sent.kind == Kind::Duplicated ? Kind::Duplicated : Kind::Sent;
    e.simTime = 0;
    e.wallTimeMs = 0;
    e.messageId = 0;
    e.originalId = 0;
    e.connection = 0;
    e.requestId = 0;
    e.size = 0;
    e.positions = 0;
    QString key = QString::fromUtf8(e.toJson());
    if (!queue.isEmpty()) {
        key.replace(QStringLiteral("local://") + queue + u'-', QStringLiteral("local://-"));
        key.replace(QStringLiteral("local://") + queue + u'/', QStringLiteral("local:///"));
    }
    return key;
}

/// A run's choices: the index of each action, and the key saying what it did.
struct Choices
{
    std::vector<qsizetype> events;
    std::vector<QString> keys;
};

Choices choicesOf(const std::vector<TrafficEvent> &events, const std::vector<QString> &identities)
{
    QHash<quint64, QString> identity; // message id -> identity
    for (size_t i = 0; i < events.size(); ++i) {
        if ((events[i].kind == Kind::Sent || events[i].kind == Kind::Duplicated) && !identities[i].isEmpty())
            identity.insert(events[i].messageId, identities[i]);
    }
    Choices c;
    for (size_t i = 0; i < events.size(); ++i) {
        const TrafficEvent &e = events[i];
        if (!e.isAction())
            continue;
        QString key = TrafficEvent::kindName(e.kind) + u' ';
        switch (e.kind) {
        case Kind::ClockChanged:
            key += QString::number(e.simTime, 'g', 17);
            break;
        case Kind::Duplicated:
            key += identity.value(e.originalId, QStringLiteral("?%1").arg(e.originalId));
            break;
        case Kind::Delayed:
            key += QString::number(e.positions) + u' ' + identities[i];
            break;
        default:
            key += identities[i];
            break;
        }
        c.events.push_back(qsizetype(i));
        c.keys.push_back(std::move(key));
    }
    return c;
}

/// Where `choices` makes choice `key` at or after position `from` (its event), or -1.
qsizetype findLater(const Choices &choices, qsizetype from, const QString &key)
{
    for (size_t k = size_t(from); k < choices.keys.size(); ++k) {
        if (choices.keys[k] == key)
            return choices.events[k];
    }
    return -1;
}

const TrafficEvent *sentOf(const TrafficLog &log, quint64 messageId)
{
    for (const TrafficEvent &e : log.events()) {
        if ((e.kind == Kind::Sent || e.kind == Kind::Duplicated) && e.messageId == messageId)
            return &e;
    }
    return nullptr;
}

} // namespace

std::vector<QString> messageIdentities(const std::vector<TrafficEvent> &events)
{
    std::vector<QString> result(events.size());
    QHash<QString, qint64> occurrences; // content key -> how often seen
    QHash<quint64, QString> identity;    // message id -> identity
    const QString queue = queueOf(events);
    // the sends first (a log may list a delivery before its send: an edited one)
    for (size_t i = 0; i < events.size(); ++i) {
        const TrafficEvent &e = events[i];
        if (e.kind != Kind::Sent && e.kind != Kind::Duplicated)
            continue;
        QString key = contentKey(e, queue);
        if (e.kind == Kind::Duplicated)
            key = QStringLiteral("copy of ") + identity.value(e.originalId, key);
        const qint64 n = ++occurrences[key];
        QString id = key + u'#' + QString::number(n);
        identity.insert(e.messageId, id);
        result[i] = std::move(id);
    }
    for (size_t i = 0; i < events.size(); ++i) {
        const TrafficEvent &e = events[i];
        if (!isMessageEvent(e.kind) || e.kind == Kind::Sent || e.kind == Kind::Duplicated)
            continue;
        // a message never seen sent (a log cut at its start): known by its own event
        const auto it = identity.constFind(e.messageId);
        result[i] = it != identity.constEnd() ? *it : QStringLiteral("unsent ") + contentKey(e, queue);
    }
    return result;
}

RunDivergence compareRuns(const TrafficLog &a, const TrafficLog &b)
{
    const Choices ca = choicesOf(a.events(), messageIdentities(a.events()));
    const Choices cb = choicesOf(b.events(), messageIdentities(b.events()));
    RunDivergence d;
    d.choicesA = qsizetype(ca.keys.size());
    d.choicesB = qsizetype(cb.keys.size());
    const size_t common = std::min(ca.keys.size(), cb.keys.size());
    size_t k = 0;
    while (k < common && ca.keys[k] == cb.keys[k])
        ++k;
    if (k == common && ca.keys.size() == cb.keys.size())
        return d;
    d.identical = false;
    d.choice = qsizetype(k);
    if (k < ca.keys.size()) {
        d.eventA = ca.events[k];
        d.laterB = findLater(cb, qsizetype(k), ca.keys[k]);
    }
    if (k < cb.keys.size()) {
        d.eventB = cb.events[k];
        d.laterA = findLater(ca, qsizetype(k), cb.keys[k]);
    }
    return d;
}

QString describeChoice(const TrafficLog &log, qsizetype event, const NameLookup &names)
{
    if (event < 0 || event >= log.size())
        return {};
    const TrafficEvent &e = log.events()[size_t(event)];
    if (e.kind == Kind::ClockChanged)
        return mas::tr("moved the clock to %1").arg(e.simTime);
    const TrafficEvent *sent = sentOf(log, e.kind == Kind::Duplicated ? e.originalId : e.messageId);
    const QString label = messageLabel(sent ? *sent : e, names);
    const QString what = QStringLiteral("%1: %2 → %3").arg(label, displayName(e.from, names), displayName(e.to, names));
    switch (e.kind) {
    case Kind::Delivered:
        return mas::tr("delivered %1").arg(what);
    case Kind::Dropped:
        return mas::tr("dropped %1").arg(what);
    case Kind::Duplicated:
        return mas::tr("duplicated %1").arg(what);
    case Kind::Delayed:
        return mas::tr("delayed %1 by %n place(s)", nullptr, int(e.positions)).arg(what);
    default:
        return e.toDisplayString();
    }
}

QString describeDivergence(const RunDivergence &d, const TrafficLog &a, const TrafficLog &b, const NameLookup &names)
{
    return describeDivergence(d, a, b, names, names);
}

QString recordedQueueId(const std::vector<TrafficEvent> &events)
{
    return queueOf(events);
}

QString describeDivergence(const RunDivergence &d, const TrafficLog &a, const TrafficLog &b, const NameLookup &namesA,
                           const NameLookup &namesB)
{
    if (d.identical)
        return mas::tr("The runs make the same %n choice(s).", nullptr, int(d.choicesA));
    QStringList lines;
    lines << mas::tr("The runs diverge at choice %1 (of %2 in run A, %3 in run B):")
                 .arg(d.choice + 1)
                 .arg(d.choicesA)
                 .arg(d.choicesB);
    lines << (d.eventA >= 0 ? mas::tr("  run A %1 (event %2)").arg(describeChoice(a, d.eventA, namesA)).arg(d.eventA)
                            : mas::tr("  run A makes no more choices"));
    lines << (d.eventB >= 0 ? mas::tr("  run B %1 (event %2)").arg(describeChoice(b, d.eventB, namesB)).arg(d.eventB)
                            : mas::tr("  run B makes no more choices"));
    if (d.eventA >= 0 && d.eventB >= 0) {
        lines << (d.laterB >= 0 ? mas::tr("  run B makes run A's choice later (event %1)").arg(d.laterB)
                                : mas::tr("  run B never makes run A's choice"));
        lines << (d.laterA >= 0 ? mas::tr("  run A makes run B's choice later (event %1)").arg(d.laterA)
                                : mas::tr("  run A never makes run B's choice"));
    }
    return lines.join(u'\n');
}

} // namespace mas
