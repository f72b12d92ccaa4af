// SPDX-License-Identifier: MIT
#pragma once

#include "models/eventstore.h"

#include <mas/trace/messagelabel.h>
#include <mas/transport/localnetwork.h>

#include <QList>
#include <QObject>
#include <QPointer>

namespace mas::ui {

/// What a pending frame is (mas::classifyMessage() on its decoded content; a close travelling
/// through the queue is a Connection).
TrafficClass classifyPending(const PendingMessage &message);

/// The teaching view's folding: the events of a source EventStore whose class
/// (EventStore::eventClass()) is not hidden, as a store of its own, view(), which the message
/// table, the sequence diagram and the agent graph show. The view holds no copies: it is a view
/// of the source's events by their indices there (EventStore::setRows()), so the teaching view
/// costs an index per shown event. The source keeps every event (what is saved, compared and
/// replayed); the view follows it batch by batch, and is rebuilt when the hidden classes change
/// or the source is reset (a loaded log, or the oldest events let go under a keep limit).
/// Events keep their sequence numbers and message ids, so "#85" is the same event in every view.
/// The two stores share their selected message and display names.
///
/// \code
/// auto *filter = new PlumbingFilter(session->store(), this);
/// filter->setHiddenClasses(PlumbingFilter::defaultHiddenClasses()); // the teaching view
/// sequenceView->setStore(filter->view());
/// \endcode
class PlumbingFilter : public QObject
{
    Q_OBJECT

public:
    /// Follows `source` (not owned), hiding defaultHiddenClasses().
    explicit PlumbingFilter(EventStore *source, QObject *parent = nullptr);
    ~PlumbingFilter() override;

    EventStore *source() const { return m_source; }
    /// The events shown (owned by the filter).
    EventStore *view() const { return m_view; }

    /// Every plumbing class (mas::plumbingClasses()): the teaching view.
    static QList<TrafficClass> defaultHiddenClasses();
    /// Hides the events of these classes (empty: shows everything). Protocol and clock events
    /// are always shown.
    void setHiddenClasses(const QList<TrafficClass> &classes);
    QList<TrafficClass> hiddenClasses() const;
    bool isHidden(TrafficClass trafficClass) const;
    /// Whether the source's event `index` is shown.
    bool accepts(qsizetype index) const;
    /// The source's index of the view's event `row` (EventStore::baseIndex()).
    qsizetype sourceIndex(qsizetype row) const { return m_view->baseIndex(row); }
    /// Whether a pending frame is shown (the pending list, stepping and breakpoints ask).
    bool acceptsPending(const PendingMessage &message) const;
    /// Makes the source's events `other`'s source's, and this view `other`'s view, without going
    /// through the events again (EventStore::adopt(); other is left empty): a log loaded in the
    /// background, into a store and a filter no view watches, replaces what the views show in
    /// one go. Other must hide the same classes.
    void adopt(PlumbingFilter &other);

Q_SIGNALS:
    void hiddenClassesChanged();

private:
    static quint32 bit(TrafficClass trafficClass) { return 1u << unsigned(trafficClass); }
    void onAppended(qsizetype first, qsizetype last);
    void rebuild();

    QPointer<EventStore> m_source;
    EventStore *m_view = nullptr;
    quint32 m_hidden = 0;
    bool m_syncing = false;
    bool m_adopting = false; // adopt(): the source's reset() brings rows the view has already
};

} // namespace mas::ui
