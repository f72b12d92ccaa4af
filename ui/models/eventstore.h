// SPDX-License-Identifier: MIT
#pragma once

#include <mas/trace/messagelabel.h>
#include <mas/trace/trafficlog.h>

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <vector>

namespace mas::ui {

/// The events every Inspector view shows: appended live from a LocalQueue (in batches, so that
/// a burst of thousands of events costs one update), or loaded from a saved log. Also holds the
/// message selection shared by the views, and the derived indexes they need: the participants
/// (one lifeline each, in order of first appearance) and each message's span (the row where it
/// was sent and the row where it was delivered or dropped).
class EventStore : public QObject
{
    Q_OBJECT

public:
    /// Where a message starts and ends in the event list.
    struct MessageSpan
    {
        qsizetype sent = -1; ///< index of its Sent (or Duplicated) event
        qsizetype end = -1;  ///< index of its Delivered or Dropped event; -1 while in flight
        TrafficEvent::Kind endKind = TrafficEvent::Kind::Delivered;
        /// What the message is (classifyTraffic() of its Sent event, which carries the
        /// content; Protocol when the store never saw it sent).
        TrafficClass trafficClass = TrafficClass::Protocol;
    };

    explicit EventStore(QObject *parent = nullptr);

    const std::vector<TrafficEvent> &events() const { return m_events; }
    qsizetype size() const { return qsizetype(m_events.size()); }
    const TrafficEvent &at(qsizetype index) const { return m_events[size_t(index)]; }

    /// Adds an event; views hear of it with the next batch (within 30 ms, or at flush()).
    void append(const TrafficEvent &event);
    /// Announces the pending batch now.
    void flush();
    /// Replaces everything (a loaded log); emits reset().
    void setEvents(std::vector<TrafficEvent> events);
    void clear();
    TrafficLog toLog() const { return TrafficLog(m_events); }

    /// Lifelines: the addresses of setParticipantOrder() first, in that order, then the other
    /// senders and receivers in order of first appearance.
    const QStringList &participants() const { return m_participants; }
    /// Puts these addresses (a system's agents, in the system's order) before every other
    /// participant, seen or not (empty: first appearance only). Re-indexes the events and emits
    /// reset() and participantsChanged(); clear() forgets the order.
    void setParticipantOrder(const QStringList &addresses);
    const QStringList &participantOrder() const { return m_order; }
    int participantIndex(const QString &address) const { return m_participantIndex.value(address, -1); }
    /// The span of a message id, or null if the store has no such message.
    const MessageSpan *span(quint64 messageId) const;

    /// What event `index` is: a connection or clock event by its kind, an event of a message by
    /// the message's class (MessageSpan::trafficClass).
    TrafficClass eventClass(qsizetype index) const;
    /// The label of message `messageId` (mas::messageLabel() of its Sent event, arguments
    /// included, addresses named by displayNames()); empty for a message the store never saw
    /// sent.
    QString messageLabel(quint64 messageId, int maxValueLength = 24) const;
    /// The label of the message of event `index` (its Sent event's; for an event without one,
    /// its own); empty for connection and clock events.
    QString eventLabel(qsizetype index, int maxValueLength = 24) const;

    // names
    /// Names for addresses (an agent's URL, a container's base address -> "node 1 (id 25)"),
    /// for display only: the events keep their addresses.
    void setDisplayNames(const QHash<QString, QString> &names);
    const QHash<QString, QString> &displayNames() const { return m_names; }
    /// The display name of `address`, or its short form (mas::shortAddress()) without one.
    QString displayName(const QString &address) const { return mas::displayName(address, nameLookup()); }
    /// displayNames() as a lookup for mas::messageLabel().
    NameLookup nameLookup() const;
    /// The bytes of message `messageId`'s frame as it was sent (header included), where the source
    /// had them (the LocalQueue network); empty otherwise. Kept until clear() or setEvents().
    QByteArray frame(quint64 messageId) const { return m_frames.value(messageId); }
    void setFrame(quint64 messageId, const QByteArray &frame);

    /// The selected message (0: none); every view highlights it.
    quint64 selectedMessage() const { return m_selected; }
    void setSelectedMessage(quint64 messageId);

    /// The step of an open counterexample that breaks an invariant (an action of its log: a
    /// delivery, drop, duplicate, delay or clock move), which every view marks; cleared with the
    /// events.
    void setViolation(const TrafficEvent &step, const QString &property);
    void clearViolation();
    bool hasViolation() const { return !m_violationProperty.isEmpty(); }
    /// The violating step's message (0: none, e.g. a clock move) and the invariant it breaks.
    quint64 violationMessage() const { return hasViolation() ? m_violation.messageId : 0; }
    QString violationProperty() const { return m_violationProperty; }
    /// The violating step setViolation() was given (meaningful while hasViolation()).
    const TrafficEvent &violationStep() const { return m_violation; }
    /// Whether `event` is the violating step itself (the same action on the same message).
    bool isViolationStep(const TrafficEvent &event) const;

Q_SIGNALS:
    /// Events [first, last] were appended.
    void eventsAppended(qsizetype first, qsizetype last);
    /// The whole list changed.
    void reset();
    void participantsChanged();
    void selectedMessageChanged(quint64 messageId);
    /// The violating step was set or cleared.
    void violationChanged();
    /// setDisplayNames() changed the names.
    void displayNamesChanged();

private:
    void index(qsizetype i);
    void reindex();

    std::vector<TrafficEvent> m_events;
    qsizetype m_announced = 0; // events [0, m_announced) were announced
    QStringList m_participants;
    QHash<QString, int> m_participantIndex;
    QHash<quint64, MessageSpan> m_spans;
    QStringList m_order;
    QHash<quint64, QByteArray> m_frames;
    quint64 m_selected = 0;
    TrafficEvent m_violation;
    QString m_violationProperty;
    QHash<QString, QString> m_names;
    QTimer m_batch;
};

} // namespace mas::ui
