// SPDX-License-Identifier: MIT
#include "plumbingfilter.h"

#include "eventstore.h"

#include <QSignalBlocker>

#include <numeric>

namespace mas::ui {

TrafficClass classifyPending(const PendingMessage &message)
{
    if (message.isClose)
        return TrafficClass::Connection;
    const Result<Value> content = message.content();
    return classifyMessage(message.type, message.path, message.from, message.to, content ? *content : Value());
}

PlumbingFilter::PlumbingFilter(EventStore *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_view(new EventStore(this))
{
    for (TrafficClass c : defaultHiddenClasses())
        m_hidden |= bit(c);
    if (!source)
        return;
    connect(source, &EventStore::eventsAppended, this, &PlumbingFilter::onAppended);
    connect(source, &EventStore::reset, this, &PlumbingFilter::rebuild);
    // One selection and one set of names for both stores.
    connect(source, &EventStore::selectedMessageChanged, this, [this](quint64 id) {
        if (m_syncing)
            return;
        m_syncing = true;
        m_view->setSelectedMessage(id);
        m_syncing = false;
    });
    connect(m_view, &EventStore::selectedMessageChanged, this, [this](quint64 id) {
        if (m_syncing || !m_source)
            return;
        m_syncing = true;
        m_source->setSelectedMessage(id);
        m_syncing = false;
    });
    connect(source, &EventStore::displayNamesChanged, this,
            [this] { m_view->setDisplayNames(m_source->displayNames()); });
    // The same lanes in the same order, whether or not their first events are shown.
    connect(source, &EventStore::participantsChanged, this, [this] {
        if (m_view->participantOrder() != m_source->participantOrder())
            m_view->setParticipantOrder(m_source->participantOrder());
    });
    // The counterexample's violating step is marked in the shown events too.
    connect(source, &EventStore::violationChanged, this, [this] {
        if (m_source->hasViolation())
            m_view->setViolation(m_source->violationStep(), m_source->violationProperty());
        else
            m_view->clearViolation();
    });
    rebuild();
}

PlumbingFilter::~PlumbingFilter() = default;

QList<TrafficClass> PlumbingFilter::defaultHiddenClasses()
{
    return plumbingClasses();
}

void PlumbingFilter::setHiddenClasses(const QList<TrafficClass> &classes)
{
    quint32 hidden = 0;
    for (TrafficClass c : classes) {
        if (isPlumbing(c))
            hidden |= bit(c);
    }
    if (hidden == m_hidden)
        return;
    m_hidden = hidden;
    rebuild();
    Q_EMIT hiddenClassesChanged();
}

QList<TrafficClass> PlumbingFilter::hiddenClasses() const
{
    QList<TrafficClass> classes;
    for (TrafficClass c : plumbingClasses()) {
        if (isHidden(c))
            classes.append(c);
    }
    return classes;
}

bool PlumbingFilter::isHidden(TrafficClass trafficClass) const
{
    return (m_hidden & bit(trafficClass)) != 0;
}

bool PlumbingFilter::accepts(qsizetype index) const
{
    return m_source && !isHidden(m_source->eventClass(index));
}

bool PlumbingFilter::acceptsPending(const PendingMessage &message) const
{
    return m_hidden == 0 || !isHidden(classifyPending(message));
}

void PlumbingFilter::onAppended(qsizetype first, qsizetype last)
{
    if (!m_source)
        return;
    bool any = false;
    for (qsizetype i = first; i <= last && i < m_source->size(); ++i) {
        if (accepts(i)) {
            m_view->appendRow(i);
            any = true;
        }
    }
    if (any)
        m_view->flush(); // the source announced its batch already: no second delay
}

void PlumbingFilter::adopt(PlumbingFilter &other)
{
    Q_ASSERT(other.m_hidden == m_hidden);
    if (!m_source || !other.m_source)
        return;
    // The view's rows first, quietly (they index the events the source is about to take over),
    // then the source, whose reset() every watcher of it hears, then the view's own signals.
    const bool hadViolation = m_view->hasViolation();
    {
        const QSignalBlocker quiet(m_view);
        m_view->adopt(*other.m_view, m_source);
    }
    m_adopting = true;
    m_source->adopt(*other.m_source);
    m_adopting = false;
    other.rebuild(); // an empty view of its empty source
    m_syncing = true;
    m_view->setDisplayNames(m_source->displayNames());
    if (m_view->participantOrder() != m_source->participantOrder())
        m_view->setParticipantOrder(m_source->participantOrder());
    m_syncing = false;
    Q_EMIT m_view->reset();
    Q_EMIT m_view->participantsChanged();
    Q_EMIT m_view->selectedMessageChanged(0);
    if (hadViolation)
        Q_EMIT m_view->violationChanged();
}

void PlumbingFilter::rebuild()
{
    if (m_adopting)
        return;
    std::vector<qsizetype> shown;
    if (m_source) {
        m_source->flush();
        if (m_hidden == 0) {
            shown.resize(size_t(m_source->size()));
            std::iota(shown.begin(), shown.end(), qsizetype(0));
        } else {
            for (qsizetype i = 0; i < m_source->size(); ++i) {
                if (accepts(i))
                    shown.push_back(i);
            }
        }
        m_view->setDisplayNames(m_source->displayNames());
    }
    m_syncing = true;
    // The rows and the lanes' order in one pass: the view's old rows may point past the source's
    // events by now.
    const QStringList order = m_source ? m_source->participantOrder() : QStringList();
    m_view->setRows(m_source, std::move(shown), &order);
    if (m_source) {
        if (m_source->hasViolation())
            m_view->setViolation(m_source->violationStep(), m_source->violationProperty());
        m_view->setSelectedMessage(m_source->selectedMessage());
    }
    m_syncing = false;
}

} // namespace mas::ui
