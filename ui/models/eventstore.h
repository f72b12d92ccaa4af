// SPDX-License-Identifier: MIT
#pragma once

#include <mas/trace/messagelabel.h>
#include <mas/trace/trafficlog.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <compare>
#include <iterator>
#include <vector>

namespace mas::ui {

/// The events every Inspector view shows: appended live from a LocalQueue (in batches, so that
/// a burst of thousands of events costs one update), or loaded from a saved log. Also holds the
/// message selection shared by the views, and the derived indexes they need: the participants
/// (one lifeline each, in order of first appearance) and each message's span (the row where it
/// was sent and the row where it was delivered or dropped).
///
/// A store either holds its events (a session's record: the addresses and paths of its events are
/// interned, one string shared by every event that names it) or is a view of another store's
/// events (setRows(): the teaching view of PlumbingFilter), holding only their indices there.
/// Both look alike to the views (at(), size(), events()).
///
/// For long free-running runs a store can keep only its last events (setKeepLimit()): older
/// events go, all but what a replay needs (their actions, compactly: droppedActions()).
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

    /// The events of a store as a random-access range (valid while the store is unchanged);
    /// converts to a vector (a copy) where one is needed.
    class Events
    {
    public:
        class const_iterator
        {
        public:
            using iterator_category = std::random_access_iterator_tag;
            using value_type = TrafficEvent;
            using difference_type = qsizetype;
            using pointer = const TrafficEvent *;
            using reference = const TrafficEvent &;

            const_iterator() = default;
            const_iterator(const EventStore *store, qsizetype index)
                : m_store(store)
                , m_index(index)
            {}
            reference operator*() const { return m_store->at(m_index); }
            pointer operator->() const { return &m_store->at(m_index); }
            reference operator[](difference_type n) const { return m_store->at(m_index + n); }
            const_iterator &operator++() { ++m_index; return *this; }
            const_iterator operator++(int) { const_iterator was = *this; ++m_index; return was; }
            const_iterator &operator--() { --m_index; return *this; }
            const_iterator operator--(int) { const_iterator was = *this; --m_index; return was; }
            const_iterator &operator+=(difference_type n) { m_index += n; return *this; }
            const_iterator &operator-=(difference_type n) { m_index -= n; return *this; }
            friend const_iterator operator+(const_iterator i, difference_type n) { return i += n; }
            friend const_iterator operator+(difference_type n, const_iterator i) { return i += n; }
            friend const_iterator operator-(const_iterator i, difference_type n) { return i -= n; }
            friend difference_type operator-(const const_iterator &a, const const_iterator &b) { return a.m_index - b.m_index; }
            friend bool operator==(const const_iterator &a, const const_iterator &b) { return a.m_index == b.m_index; }
            friend auto operator<=>(const const_iterator &a, const const_iterator &b) { return a.m_index <=> b.m_index; }

        private:
            const EventStore *m_store = nullptr;
            qsizetype m_index = 0;
        };
        using iterator = const_iterator;
        using value_type = TrafficEvent;
        using size_type = size_t;

        explicit Events(const EventStore *store)
            : m_store(store)
        {}
        const_iterator begin() const { return {m_store, 0}; }
        const_iterator end() const { return {m_store, m_store->size()}; }
        size_t size() const { return size_t(m_store->size()); }
        bool empty() const { return m_store->size() == 0; }
        const TrafficEvent &operator[](size_t index) const { return m_store->at(qsizetype(index)); }
        const TrafficEvent &front() const { return m_store->at(0); }
        const TrafficEvent &back() const { return m_store->at(m_store->size() - 1); }
        std::vector<TrafficEvent> toVector() const { return {begin(), end()}; }
        operator std::vector<TrafficEvent>() const { return toVector(); }

    private:
        const EventStore *m_store;
    };

    /// The actions (TrafficEvent::isAction()) of the events a store with a keep limit let go, in
    /// order: what a replay of the run needs of them (kind, message ids, clock time, positions).
    struct DroppedAction
    {
        quint64 sequence = 0;
        quint64 messageId = 0;
        quint64 originalId = 0;
        double simTime = 0;
        qint64 positions = 0;
        TrafficEvent::Kind kind = TrafficEvent::Kind::Delivered;
    };

    explicit EventStore(QObject *parent = nullptr);

    Events events() const { return Events(this); }
    qsizetype size() const { return m_base ? qsizetype(m_rows.size()) : qsizetype(m_events.size()); }
    const TrafficEvent &at(qsizetype index) const
    {
        return m_base ? m_base->at(m_rows[size_t(index)]) : m_events[size_t(index)];
    }

    /// Adds an event; views hear of it with the next batch (within 30 ms, or at flush()).
    void append(const TrafficEvent &event);
    /// Announces the pending batch now (and lets the oldest events go beyond the keep limit).
    void flush();
    /// Replaces everything (a loaded log); emits reset(). The events replaced (here, by clear()
    /// and by adopt()) are freed a slice per turn of the event loop when there are many.
    void setEvents(std::vector<TrafficEvent> events);
    void clear();
    /// Events of replaced logs that are still being freed, in all stores (GUI thread).
    static qsizetype releasingEvents();
    /// Replaces everything by `events` a slice at a time, so that a large log never holds the
    /// GUI thread long: empties the store now (reset(), as setEvents() does; a keep limit keeps
    /// the log's last events, as there), then each addLoaded() adds the next events. The result
    /// equals setEvents(events). setEvents(), setRows(), clear() and another beginLoad() drop what
    /// is left.
    void beginLoad(std::vector<TrafficEvent> events);
    /// Adds up to `count` more events of beginLoad() (interned and indexed, as append() does);
    /// views hear of them at the next flush(). Returns how many are left.
    qsizetype addLoaded(qsizetype count);
    /// How many events of beginLoad() are still to be added.
    qsizetype loadLeft() const { return qsizetype(m_loading.size() - m_loadNext); }
    /// Takes over `other`'s events and all that was derived from them (interned strings,
    /// indexes, participants and their order, dropped actions, frames) without going through
    /// them again, and leaves `other` empty: a log loaded into a store no view watches replaces
    /// what the views show at once. A view of another store (setRows()) takes over other's
    /// rows as rows of `base` (other's base must hold the same events: base took them over
    /// from it). Display names and the keep limit stay this store's. Announces everything as
    /// setEvents() does: reset(), nothing selected, no violation marked.
    void adopt(EventStore &other, const EventStore *base = nullptr);
    /// The kept events as a log (without the dropped ones: see replayableLog()).
    TrafficLog toLog() const { return TrafficLog(events().toVector()); }

    // a view of another store
    /// Makes this store a view of `base`'s events at `rows` (indices into base, ascending):
    /// replaces everything like setEvents(), without copying an event. The view follows the
    /// base by appendRow(); base must outlive the view, and its events must not move under it
    /// (the owner rebuilds the view on base's reset()). With `order`, also sets the participant
    /// order (setParticipantOrder()) in the same pass.
    void setRows(const EventStore *base, std::vector<qsizetype> rows, const QStringList *order = nullptr);
    /// Adds base's event `baseIndex` (after the last row) to a view; announced like append().
    void appendRow(qsizetype baseIndex);
    /// The store whose events a view shows (null: the store holds its own).
    const EventStore *base() const { return m_base; }
    /// The index in base() of row `index` (the index itself for a store holding its events).
    qsizetype baseIndex(qsizetype index) const { return m_base ? m_rows[size_t(index)] : index; }

    // the bounded-memory mode
    /// Keeps only about the last `count` events (0: every event, the default): when flush()
    /// finds more than count + count/4 (at least count + 16), the oldest go down to `count`,
    /// keeping their actions (droppedActions()), and views hear reset(). So a store always holds
    /// at least the last `count` events, and at most a quarter more. Setting a limit below the
    /// size trims at the next flush().
    void setKeepLimit(qsizetype count);
    qsizetype keepLimit() const { return m_keepLimit; }
    /// How many events were let go (their sequence numbers precede the kept ones').
    qsizetype droppedCount() const { return m_droppedCount; }
    /// The actions among the dropped events, oldest first.
    const std::vector<DroppedAction> &droppedActions() const { return m_droppedActions; }
    /// The dropped actions (as events with what apply() needs) followed by the kept events: a
    /// log whose replay (TrafficLog::schedule()) does the whole run again.
    TrafficLog replayableLog() const;

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
    void resetViews();
    void reindex();
    void intern(TrafficEvent &event);
    bool overLimit() const;
    void dropFront(qsizetype count);
    void keepLast(std::vector<TrafficEvent> &events);
    void trim();

    std::vector<TrafficEvent> m_events;
    const EventStore *m_base = nullptr; // a view: m_rows index into it, m_events is empty
    std::vector<qsizetype> m_rows;
    std::vector<TrafficEvent> m_loading; // beginLoad(): [m_loadNext, end) are still to be added
    size_t m_loadNext = 0;
    QSet<QString> m_strings; // the addresses and paths of m_events, one copy each
    qsizetype m_keepLimit = 0;
    qsizetype m_droppedCount = 0;
    std::vector<DroppedAction> m_droppedActions;
    qsizetype m_announced = 0; // events [0, m_announced) were announced
    QStringList m_participants;
    QHash<QString, int> m_participantIndex;
    /// The spans by message id: in a vector for the small, dense ids the sources give (1, 2, 3,
    /// ...: no hashing, no scattered nodes; 1,000,000 events look theirs up several times each
    /// while a file is opened), in a hash for the others.
    class SpanIndex
    {
    public:
        /// The span of `id`, a new one (sent and end -1) if there is none.
        MessageSpan &operator[](quint64 id);
        const MessageSpan *find(quint64 id) const;
        bool contains(quint64 id) const { return find(id) != nullptr; }
        void clear();

    private:
        static bool isSet(const MessageSpan &s) { return s.sent >= 0 || s.end >= 0; }
        std::vector<MessageSpan> m_dense; // by id; one with sent and end -1 is none
        QHash<quint64, MessageSpan> m_sparse;
        size_t m_count = 0; // spans made, for how far the vector may grow
    };
    SpanIndex m_spans;
    QStringList m_order;
    QHash<quint64, QByteArray> m_frames;
    quint64 m_selected = 0;
    TrafficEvent m_violation;
    QString m_violationProperty;
    QHash<QString, QString> m_names;
    QTimer m_batch;
};

} // namespace mas::ui
