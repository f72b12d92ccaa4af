// SPDX-License-Identifier: MIT
#include "eventstore.h"

#include <QCoreApplication>
#include <QSignalBlocker>
#include <QTimer>

#include <memory>

namespace mas::ui {

namespace {

/// Empties a vector and lets its memory go. (`v = {}` assigns an empty initializer list, which
/// keeps the capacity: a loaded log's vector of 1,000,000 events, some 300 MiB, stayed held.)
template<class T>
void release(std::vector<T> &v)
{
    std::vector<T>().swap(v);
}

/// Events freed per turn of the event loop when a large log is replaced (a few milliseconds).
constexpr std::size_t kReleaseSlice = 25'000;

/// Events of replaced logs not freed yet (GUI thread only).
qsizetype g_releasing = 0;

/// Frees `events` a slice per turn of the event loop, from the back: a million events of a
/// replaced log, freed in one go, held the GUI for more than 100 ms.
void releaseInSlices(std::shared_ptr<std::vector<TrafficEvent>> events)
{
    const std::size_t n = std::min(events->size(), kReleaseSlice);
    events->erase(events->end() - std::ptrdiff_t(n), events->end());
    g_releasing -= qsizetype(n);
    if (events->empty())
        return; // its memory goes with the last reference
    QTimer::singleShot(0, QCoreApplication::instance(), [events] { releaseInSlices(events); });
}

/// Empties `v`: small ones at once, large ones a slice per turn (see releaseInSlices()).
void releaseEvents(std::vector<TrafficEvent> &v)
{
    if (v.size() <= kReleaseSlice || !QCoreApplication::instance()) {
        release(v);
        return;
    }
    g_releasing += qsizetype(v.size());
    // Its slices are counted off as they go; what the application's end leaves is freed then.
    auto events = std::shared_ptr<std::vector<TrafficEvent>>(new std::vector<TrafficEvent>(std::exchange(v, {})),
                                                             [](std::vector<TrafficEvent> *rest) {
                                                                 g_releasing -= qsizetype(rest->size());
                                                                 delete rest;
                                                             });
    QTimer::singleShot(0, QCoreApplication::instance(), [events] { releaseInSlices(events); });
}

} // namespace

qsizetype EventStore::releasingEvents()
{
    return g_releasing;
}

EventStore::MessageSpan &EventStore::SpanIndex::operator[](quint64 id)
{
    if (!m_sparse.isEmpty()) {
        if (const auto it = m_sparse.find(id); it != m_sparse.end())
            return *it;
    }
    if (id < m_dense.size()) {
        if (!isSet(m_dense[size_t(id)]))
            ++m_count;
        return m_dense[size_t(id)];
    }
    // The vector grows while the ids are dense: at most twice as long as there are spans.
    if (id < std::max<quint64>(4096, 2 * (m_count + 1))) {
        m_dense.resize(std::max<size_t>(size_t(id) + 1, 2 * m_dense.size()));
        ++m_count;
        return m_dense[size_t(id)];
    }
    ++m_count;
    return m_sparse[id];
}

const EventStore::MessageSpan *EventStore::SpanIndex::find(quint64 id) const
{
    if (id < m_dense.size() && isSet(m_dense[size_t(id)]))
        return &m_dense[size_t(id)];
    if (m_sparse.isEmpty())
        return nullptr;
    const auto it = m_sparse.constFind(id);
    return it == m_sparse.constEnd() ? nullptr : &it.value();
}

void EventStore::SpanIndex::clear()
{
    release(m_dense);
    m_sparse.clear();
    m_count = 0;
}

EventStore::EventStore(QObject *parent)
    : QObject(parent)
{
    m_batch.setSingleShot(true);
    m_batch.setInterval(30);
    connect(&m_batch, &QTimer::timeout, this, &EventStore::flush);
}

void EventStore::index(qsizetype i)
{
    const TrafficEvent &e = at(i);
    bool newParticipant = false;
    // Lifelines are for whoever sends or receives messages; a connection's ends (containers)
    // and clock changes get none.
    const bool isMessage = e.kind != TrafficEvent::Kind::Connected && e.kind != TrafficEvent::Kind::Closed
                           && e.kind != TrafficEvent::Kind::ClockChanged;
    for (const QString *address : {&e.from, &e.to}) {
        if (!isMessage)
            break;
        if (!address->isEmpty() && !m_participantIndex.contains(*address)) {
            m_participantIndex.insert(*address, int(m_participants.size()));
            m_participants.push_back(*address);
            newParticipant = true;
        }
    }
    switch (e.kind) {
    case TrafficEvent::Kind::Sent:
    case TrafficEvent::Kind::Duplicated: {
        MessageSpan &s = m_spans[e.messageId];
        s.sent = i;
        s.trafficClass = classifyTraffic(e);
        break;
    }
    case TrafficEvent::Kind::Delivered:
    case TrafficEvent::Kind::Dropped: {
        MessageSpan &s = m_spans[e.messageId];
        s.end = i;
        s.endKind = e.kind;
        break;
    }
    default:
        break;
    }
    if (newParticipant)
        Q_EMIT participantsChanged();
}

void EventStore::intern(TrafficEvent &event)
{
    for (QString *text : {&event.from, &event.to, &event.path}) {
        if (text->isEmpty())
            continue;
        const auto it = m_strings.constFind(*text);
        if (it == m_strings.constEnd())
            m_strings.insert(*text);
        else
            *text = *it;
    }
}

void EventStore::append(const TrafficEvent &event)
{
    Q_ASSERT(!m_base);
    m_events.push_back(event);
    intern(m_events.back());
    index(size() - 1);
    if (overLimit())
        flush();
    else if (!m_batch.isActive())
        m_batch.start();
}

void EventStore::appendRow(qsizetype baseIndex)
{
    Q_ASSERT(m_base);
    m_rows.push_back(baseIndex);
    index(size() - 1);
    if (!m_batch.isActive())
        m_batch.start();
}

bool EventStore::overLimit() const
{
    return m_keepLimit > 0 && size() > m_keepLimit + std::max<qsizetype>(m_keepLimit / 4, 16);
}

void EventStore::setKeepLimit(qsizetype count)
{
    m_keepLimit = std::max<qsizetype>(count, 0);
}

void EventStore::dropFront(qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        const TrafficEvent &e = m_events[size_t(i)];
        if (e.isAction())
            m_droppedActions.push_back({e.sequence, e.messageId, e.originalId, e.simTime, e.positions, e.kind});
    }
    m_events.erase(m_events.begin(), m_events.begin() + count);
    m_droppedCount += count;
}

/// A loaded log longer than the keep limit: its last events (the others' actions kept).
void EventStore::keepLast(std::vector<TrafficEvent> &events)
{
    if (m_keepLimit <= 0 || qsizetype(events.size()) <= m_keepLimit)
        return;
    const qsizetype count = qsizetype(events.size()) - m_keepLimit;
    for (qsizetype i = 0; i < count; ++i) {
        const TrafficEvent &e = events[size_t(i)];
        if (e.isAction())
            m_droppedActions.push_back({e.sequence, e.messageId, e.originalId, e.simTime, e.positions, e.kind});
    }
    events.erase(events.begin(), events.begin() + count);
    m_droppedCount += count;
}

void EventStore::beginLoad(std::vector<TrafficEvent> events)
{
    setEvents({});
    keepLast(events);
    m_events.reserve(events.size());
    m_loading = std::move(events);
    m_loadNext = 0;
}

qsizetype EventStore::addLoaded(qsizetype count)
{
    Q_ASSERT(!m_base);
    const size_t end = std::min(m_loading.size(), m_loadNext + size_t(std::max<qsizetype>(count, 0)));
    for (; m_loadNext < end; ++m_loadNext) {
        m_events.push_back(std::move(m_loading[m_loadNext]));
        intern(m_events.back());
        index(size() - 1);
    }
    if (m_loadNext == m_loading.size()) {
        release(m_loading);
        m_loadNext = 0;
    }
    return loadLeft();
}

void EventStore::trim()
{
    dropFront(size() - m_keepLimit);
    m_strings.clear(); // the names of the dropped events may go with them
    reindex();
    for (auto it = m_frames.begin(); it != m_frames.end();) {
        if (m_spans.contains(it.key()))
            ++it;
        else
            it = m_frames.erase(it);
    }
    m_announced = size();
    Q_EMIT reset();
    Q_EMIT participantsChanged();
    if (m_selected && !m_spans.contains(m_selected)) {
        m_selected = 0;
        Q_EMIT selectedMessageChanged(0);
    }
}

TrafficLog EventStore::replayableLog() const
{
    std::vector<TrafficEvent> events;
    events.reserve(m_droppedActions.size() + size_t(size()));
    for (const DroppedAction &a : m_droppedActions) {
        TrafficEvent e;
        e.sequence = a.sequence;
        e.kind = a.kind;
        e.messageId = a.messageId;
        e.originalId = a.originalId;
        e.simTime = a.simTime;
        e.positions = a.positions;
        events.push_back(std::move(e));
    }
    for (qsizetype i = 0; i < size(); ++i)
        events.push_back(at(i));
    return TrafficLog(std::move(events));
}

void EventStore::flush()
{
    m_batch.stop();
    if (!m_base && overLimit()) {
        trim();
        return;
    }
    if (m_announced == size())
        return;
    const qsizetype first = m_announced;
    m_announced = size();
    Q_EMIT eventsAppended(first, m_announced - 1);
}

void EventStore::reindex()
{
    m_participants.clear();
    m_participantIndex.clear();
    m_spans.clear();
    for (const QString &address : std::as_const(m_order)) {
        if (!address.isEmpty() && !m_participantIndex.contains(address)) {
            m_participantIndex.insert(address, int(m_participants.size()));
            m_participants.push_back(address);
        }
    }
    {
        const QSignalBlocker quiet(this); // one participantsChanged() from the caller
        for (qsizetype i = 0; i < size(); ++i)
            index(i);
    }
}

void EventStore::setParticipantOrder(const QStringList &addresses)
{
    if (addresses == m_order)
        return;
    m_order = addresses;
    m_batch.stop();
    reindex();
    m_announced = size();
    Q_EMIT reset();
    Q_EMIT participantsChanged();
}

void EventStore::setFrame(quint64 messageId, const QByteArray &frame)
{
    if (messageId && !frame.isEmpty())
        m_frames.insert(messageId, frame);
}

void EventStore::setEvents(std::vector<TrafficEvent> events)
{
    m_batch.stop();
    m_base = nullptr;
    release(m_rows);
    releaseEvents(m_loading);
    m_loadNext = 0;
    m_droppedCount = 0;
    release(m_droppedActions);
    keepLast(events); // a loaded log longer than the limit: its last events
    releaseEvents(m_events);
    m_events = std::move(events);
    m_strings.clear();
    for (TrafficEvent &e : m_events)
        intern(e);
    resetViews();
}

void EventStore::adopt(EventStore &other, const EventStore *base)
{
    Q_ASSERT(&other != this);
    Q_ASSERT(!other.m_base == !base);
    m_batch.stop();
    other.m_batch.stop();
    other.flush(); // (what other's own listeners are owed; nothing of it reaches this store's)
    releaseEvents(m_events);
    releaseEvents(m_loading);
    m_events = std::exchange(other.m_events, {});
    m_base = base;
    m_rows = std::exchange(other.m_rows, {});
    m_loading = std::exchange(other.m_loading, {});
    m_loadNext = std::exchange(other.m_loadNext, 0);
    m_strings = std::exchange(other.m_strings, {});
    m_droppedCount = std::exchange(other.m_droppedCount, 0);
    m_droppedActions = std::exchange(other.m_droppedActions, {});
    m_participants = std::exchange(other.m_participants, {});
    m_participantIndex = std::exchange(other.m_participantIndex, {});
    m_spans = std::exchange(other.m_spans, {});
    m_order = std::exchange(other.m_order, {});
    m_frames = std::exchange(other.m_frames, {});
    other.m_base = nullptr;
    other.m_announced = 0;
    m_announced = size();
    m_selected = 0;
    Q_EMIT reset();
    Q_EMIT participantsChanged();
    Q_EMIT selectedMessageChanged(0);
    clearViolation();
}

/// After the events were replaced: indexes them again and tells the views (nothing selected,
/// no violation marked).
void EventStore::resetViews()
{
    m_frames.clear();
    reindex();
    m_announced = size();
    m_selected = 0;
    Q_EMIT reset();
    Q_EMIT participantsChanged();
    Q_EMIT selectedMessageChanged(0);
    clearViolation();
}

void EventStore::setRows(const EventStore *base, std::vector<qsizetype> rows, const QStringList *order)
{
    m_batch.stop();
    if (order)
        m_order = *order;
    release(m_events);
    release(m_loading);
    m_loadNext = 0;
    m_strings.clear();
    m_droppedCount = 0;
    release(m_droppedActions);
    m_base = base;
    m_rows = std::move(rows);
    resetViews();
}

void EventStore::clear()
{
    m_order.clear();
    setEvents({});
}

const EventStore::MessageSpan *EventStore::span(quint64 messageId) const
{
    return m_spans.find(messageId);
}

TrafficClass EventStore::eventClass(qsizetype index) const
{
    const TrafficEvent &e = at(index);
    switch (e.kind) {
    case TrafficEvent::Kind::Connected:
    case TrafficEvent::Kind::Closed:
    case TrafficEvent::Kind::ClockChanged:
        return classifyTraffic(e);
    default:
        break;
    }
    if (const MessageSpan *s = span(e.messageId); s && s->sent >= 0)
        return s->trafficClass;
    return classifyTraffic(e);
}

QString EventStore::messageLabel(quint64 messageId, int maxValueLength) const
{
    const MessageSpan *s = span(messageId);
    if (!s || s->sent < 0)
        return {};
    return mas::messageLabel(at(s->sent), nameLookup(), maxValueLength);
}

QString EventStore::eventLabel(qsizetype index, int maxValueLength) const
{
    // Every event of a message carries its Sent event's label; mas::messageLabel() gives none
    // to connection and clock events.
    const TrafficEvent &e = at(index);
    if (QString sent = messageLabel(e.messageId, maxValueLength); !sent.isEmpty())
        return sent;
    return mas::messageLabel(e, nameLookup(), maxValueLength);
}

void EventStore::setDisplayNames(const QHash<QString, QString> &names)
{
    if (names == m_names)
        return;
    m_names = names;
    Q_EMIT displayNamesChanged();
}

NameLookup EventStore::nameLookup() const
{
    if (m_names.isEmpty())
        return {};
    return [names = m_names](const QString &address) { return names.value(address); };
}

void EventStore::setSelectedMessage(quint64 messageId)
{
    if (m_selected == messageId)
        return;
    m_selected = messageId;
    Q_EMIT selectedMessageChanged(messageId);
}

void EventStore::setViolation(const TrafficEvent &step, const QString &property)
{
    m_violation = step;
    m_violationProperty = property;
    Q_EMIT violationChanged();
}

void EventStore::clearViolation()
{
    if (!hasViolation())
        return;
    m_violation = TrafficEvent();
    m_violationProperty.clear();
    Q_EMIT violationChanged();
}

bool EventStore::isViolationStep(const TrafficEvent &event) const
{
    if (!hasViolation() || event.kind != m_violation.kind)
        return false;
    if (event.kind == TrafficEvent::Kind::ClockChanged)
        return event.simTime == m_violation.simTime;
    return event.messageId != 0 && event.messageId == m_violation.messageId;
}

} // namespace mas::ui
