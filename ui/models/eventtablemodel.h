// SPDX-License-Identifier: MIT
#pragma once

#include "causalslicer.h"

#include <mas/trace/trafficlog.h>

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QRegularExpression>
#include <QSortFilterProxyModel>

class QPalette;

namespace mas::ui {

class EventStore;

/// The events of an EventStore as a table, one row per event in store order.
///
/// \code
/// auto *store = new mas::ui::EventStore(this);
/// auto *model = new mas::ui::EventTableModel(store, this);
/// auto *filter = new mas::ui::EventFilterModel(this);
/// filter->setSourceModel(model);
/// tableView->setModel(filter);
/// \endcode
/// Qt::ToolTipRole gives a cell's full text (the content unelided, exact sizes and times);
/// Qt::StatusTipRole explains the event ("Message 5 is a copy of message 2").
/// Rows are inserted when the store announces a batch (EventStore::eventsAppended), so a burst
/// of events costs one insertion; EventStore::reset() resets the model. The store is not owned
/// (held by QPointer); the model lives in the GUI thread.
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SequenceColumn, ///< "#": the event's sequence number
        TimeColumn,     ///< simulated time in seconds
        KindColumn,     ///< sent, delivered, dropped, ...
        MessageColumn,  ///< what the message says: "election(25)", "→ cfp: 7" (EventStore::eventLabel())
        TypeColumn,     ///< request, result, failure (empty for connection and clock events)
        FromColumn,     ///< the sender's display name (EventStore::displayName()); its address in the status tip
        ToColumn,       ///< the receiver's display name
        PathColumn,
        SizeColumn,    ///< frame size in bytes
        ContentColumn, ///< elided JSON-like preview of the decoded content
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        MessageIdRole = Qt::UserRole + 1, ///< quint64: the message id (0 for non-message events)
        KindRole,                         ///< int: the TrafficEvent::Kind
        EventIndexRole,                   ///< qsizetype: the event's index in the store
        SortRole,                         ///< the cell's raw value (numbers stay numbers)
        FullTextRole,                     ///< QString: the cell's text, never elided
        /// int: 2 for the step of an open counterexample that breaks an invariant
        /// (EventStore::isViolationStep()), 1 for the other events of its message, else 0
        ViolationRole,
    };
    Q_ENUM(Role)

    // construction
    explicit EventTableModel(QObject *parent = nullptr);
    explicit EventTableModel(EventStore *store, QObject *parent = nullptr);
    ~EventTableModel() override;

    // properties
    /// Shows the events of `store` (null: none). The store is not owned.
    void setStore(EventStore *store);
    EventStore *store() const;
    /// The maximum length of the content column's preview (default 120 characters).
    void setPreviewLength(int characters);
    int previewLength() const { return m_previewLength; }
    /// What the time column's header says, and its tooltip, where the times are not a simulated
    /// clock's (attached to a container: seconds since attach); empty texts: "Sim time".
    void setTimeHeader(const QString &text, const QString &toolTip);
    /// Shows `slicer`'s causal slice (past and future tinted, the rest dimmed) and its folds (the
    /// first row of a fold says "×N"); null: neither. Not owned; its shown store must be this
    /// model's store.
    void setCausalSlicer(CausalSlicer *slicer);
    CausalSlicer *causalSlicer() const { return m_slicer; }

    // access
    /// The event shown in `row`, or null.
    const TrafficEvent *event(int row) const;
    /// The first row showing message `messageId` (its Sent event if present), or -1.
    int rowOfMessage(quint64 messageId) const;

    // QAbstractItemModel
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // presentation helpers shared by the Inspector's views
    /// The translated name of an event kind ("Sent", "Delivered", ...).
    static QString kindText(TrafficEvent::Kind kind);
    /// The translated name of a message type ("request", "result", "failure").
    static QString messageTypeText(MessageType type);
    /// Whether events of this kind concern one message (not a connection or the clock).
    static bool isMessageKind(TrafficEvent::Kind kind);
    /// An address as the tables show it: "local://market/3" → "market/3" (without its scheme
    /// and trailing slash, as the sequence diagram's lanes); the full address is in the tooltip.
    static QString addressText(const QString &address);
    /// Seconds with up to three decimals and no trailing zeros, in the user's locale.
    static QString secondsText(double seconds);
    /// A colour for the kind that reads well on `palette`'s base colour (light or dark theme).
    static QColor kindColor(TrafficEvent::Kind kind, const QPalette &palette);
    /// A small symbol for the kind in kindColor().
    static QIcon kindIcon(TrafficEvent::Kind kind, const QPalette &palette);
    /// The background of a counterexample's violating step on `palette` (every view uses it).
    static QColor violationColor(const QPalette &palette);
    /// The mark of a counterexample's violating step (a red warning triangle).
    static QIcon violationIcon();
    /// The tint of a causal slice's rows on `palette`: `mark` is a CausalIndex::Mark (past,
    /// future, the event itself); invalid for an unrelated event.
    static QColor causalColor(int mark, const QPalette &palette);

private:
    void onEventsAppended(qsizetype first, qsizetype last);
    void onStoreReset();
    int violationMark(const TrafficEvent &e) const;
    QVariant displayData(const TrafficEvent &e, int column, int row) const;
    QString fullText(const TrafficEvent &e, int column, int row) const;
    QVariant statusTip(const TrafficEvent &e, int column) const;
    QVariant sortData(const TrafficEvent &e, int column, int row) const;
    QIcon cachedIcon(TrafficEvent::Kind kind) const;

    QPointer<EventStore> m_store;
    QPointer<CausalSlicer> m_slicer;
    int m_rows = 0; // rows announced to views; the store may already hold more
    int m_previewLength = 120;
    QString m_timeHeader;
    QString m_timeToolTip;
    mutable QHash<int, QIcon> m_icons;
    mutable qint64 m_iconPaletteKey = 0;
};

/// Filters and sorts an EventTableModel: a free text search across what the table says of a
/// message (the event, its type, the message's label with its arguments in full as
/// mas::labelMatches() reads it, and as whole words (mas::nameMatches()) the display names of
/// sender and receiver; case-insensitive; not the raw content or path, so
/// "election" does not find a lookup's reply "LeaderElectionAgent" in its content), and
/// restrictions by event kind, participant and RPC path.
/// All restrictions must hold for a row to show. Sorting uses the raw values (numbers as
/// numbers). The source must have EventTableModel's columns and roles.
class EventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    /// Which events to show.
    enum KindFilter
    {
        AllEvents,    ///< everything
        Sends,        ///< Sent (and Duplicated: a copy entering the queue)
        Deliveries,   ///< Delivered
        Drops,        ///< Dropped
        Faults,       ///< Dropped, Duplicated, Delayed
        MessageEvents ///< every event about a message (no connection or clock events)
    };
    Q_ENUM(KindFilter)

    explicit EventFilterModel(QObject *parent = nullptr);
    ~EventFilterModel() override;

    /// Shows rows where a searched column (see the class) contains `text`, ignoring case
    /// (empty: all rows). rowCount() is then the number of hits.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

    void setKindFilter(KindFilter filter);
    KindFilter kindFilter() const { return m_kindFilter; }
    /// The translated label of a kind filter, for a combo box.
    static QString kindFilterText(KindFilter filter);

    /// Shows rows sent from or to `address` (empty: any). An address ending in "/" (a
    /// container's base address) also matches the agents under it.
    void setParticipant(const QString &address);
    QString participant() const { return m_participant; }

    /// Shows rows whose RPC path is `path`, ends in "/" + `path` (a method name), or matches
    /// it as a wildcard pattern ("agents/*/bid"); empty: any.
    void setPathFilter(const QString &path);
    QString pathFilter() const { return m_path; }

    /// Removes every restriction.
    void clearFilters();

    /// Hides the rows `slicer` folds away (folded rounds); with sliceOnly, also the rows outside
    /// its causal slice while one is shown. Null: neither. Not owned.
    void setCausalSlicer(const CausalSlicer *slicer);
    void setSliceOnly(bool on);
    bool sliceOnly() const { return m_sliceOnly; }

Q_SIGNALS:
    /// Some restriction changed (the rows were re-filtered).
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matchesKind(int kind) const;
    bool matchesParticipant(const QString &address) const;
    bool matchesPath(const QString &path) const;
    void refilter();

    QString m_text;
    KindFilter m_kindFilter = AllEvents;
    QString m_participant;
    QString m_path;
    QRegularExpression m_pathPattern; // valid when m_path has wildcards
    QPointer<const CausalSlicer> m_slicer;
    bool m_sliceOnly = false;
};

} // namespace mas::ui
