// SPDX-License-Identifier: MIT
#pragma once

#include <mas/transport/localqueue.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPair>
#include <QPointer>

namespace mas::ui {

class PlumbingFilter;

/// The frames waiting in a LocalQueue's network, oldest (next to be delivered) first; with a
/// PlumbingFilter, only those it shows.
///
/// \code
/// auto *pending = new mas::ui::PendingMessagesModel(this);
/// pending->setQueue(mas::LocalQueue::get("q1"));
/// pendingView->setModel(pending);
/// // a "Deliver" button:
/// mas::LocalNetwork::instance()->deliver(index.data(PendingMessagesModel::MessageIdRole).toULongLong())
/// \endcode The model
/// follows LocalNetwork::pendingChanged(), refreshing at most once per event-loop turn however many
/// frames moved; a refresh inserts, removes and reorders rows (no reset), so the view's selection
/// stays on the same message. The queue is not owned (held by QPointer); the model lives in the GUI
/// thread, as the network does.
class PendingMessagesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        MessageColumn, ///< what the message says: "election(25)" (mas::messageLabel())
        FromColumn,
        ToColumn,
        TypeColumn,
        PathColumn,
        SizeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        MessageIdRole = Qt::UserRole + 1, ///< quint64: the frame's id in the queue
        ConnectionRole,                   ///< quint64: the connection's number
        SortRole,                         ///< the cell's raw value
        ViolationRole,                    ///< bool: the counterexample's violating message
        AnnotationRole, ///< QString: the kind of the message's annotation (setAnnotations()), or empty
    };
    Q_ENUM(Role)

    // construction
    explicit PendingMessagesModel(QObject *parent = nullptr);
    ~PendingMessagesModel() override;

    // properties
    /// Shows the pending frames of `queue`'s network (null: none). Not owned.
    void setQueue(LocalQueue *queue);
    LocalQueue *queue() const;
    /// Shows only the frames `filter` accepts (PlumbingFilter::acceptsPending(): the teaching
    /// view hides pending plumbing), named by the display names of its view (null: every frame,
    /// by address). Not owned.
    void setPlumbingFilter(PlumbingFilter *filter);
    PlumbingFilter *plumbingFilter() const;

    /// Marks the pending message `id` (0: none) as the one whose step breaks `property` in an
    /// open counterexample (a red row, a warning mark, a tool tip naming the property).
    void setViolation(quint64 id, const QString &property);
    quint64 violationMessage() const { return m_violationId; }

    /// A note on a pending message from outside the model (the look-ahead's marks,
    /// LookAheadActions): an icon and a tool tip in the message column, its kind in AnnotationRole.
    struct Annotation
    {
        QString kind;
        QIcon icon;
        QString toolTip;
    };
    /// Replaces the annotations (by message id; messages without one show none).
    void setAnnotations(QHash<quint64, Annotation> annotations);

    // access
    /// The message shown in `row`, or null.
    const PendingMessage *message(int row) const;
    /// The row showing message `id`, or -1.
    int rowOfMessage(quint64 id) const;

    // operations
    /// Brings the rows up to date now instead of at the next event-loop turn.
    void refresh();

    // QAbstractItemModel
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    /// The rows were brought up to date (after a coalesced refresh).
    void refreshed();

private:
    void scheduleRefresh();
    void update(const QList<PendingMessage> &next);

    QString label(const PendingMessage &m) const;
    QString name(const QString &address) const;

    QPointer<LocalQueue> m_queue;
    QPointer<PlumbingFilter> m_filter;
    QList<PendingMessage> m_rows;
    // Labels by message id, with the frame they describe (ids start again in a new run):
    // decoding once per frame.
    mutable QHash<quint64, QPair<QByteArray, QString>> m_labels;
    bool m_refreshScheduled = false;
    quint64 m_violationId = 0;
    QString m_violationProperty;
    QHash<quint64, Annotation> m_annotations;
};

} // namespace mas::ui
