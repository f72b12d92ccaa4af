// SPDX-License-Identifier: MIT
#include "pendingmodel.h"

#include "eventstore.h"
#include "eventtablemodel.h"
#include "plumbingfilter.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>

namespace mas::ui {

namespace {

bool sameMessage(const PendingMessage &a, const PendingMessage &b)
{
    return a.id == b.id && a.connection == b.connection && a.isClose == b.isClose
           && a.from == b.from && a.to == b.to && a.type == b.type && a.requestId == b.requestId
           && a.path == b.path && a.size == b.size && a.frame == b.frame;
}

} // namespace

PendingMessagesModel::PendingMessagesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

PendingMessagesModel::~PendingMessagesModel() = default;

void PendingMessagesModel::setQueue(LocalQueue *queue)
{
    if (m_queue == queue)
        return;
    if (m_queue)
        disconnect(m_queue, nullptr, this, nullptr);
    disconnect(LocalNetwork::instance(), &LocalNetwork::pendingChanged, this, &PendingMessagesModel::scheduleRefresh);
    m_queue = queue;
    m_labels.clear();
    if (queue) {
        connect(queue->network(), &LocalNetwork::pendingChanged, this, &PendingMessagesModel::scheduleRefresh);
        // LocalQueue::clearCache() deletes the queues: show nothing rather than stale frames.
        connect(queue, &QObject::destroyed, this, &PendingMessagesModel::scheduleRefresh);
    }
    refresh();
}

LocalQueue *PendingMessagesModel::queue() const
{
    return m_queue;
}

void PendingMessagesModel::setPlumbingFilter(PlumbingFilter *filter)
{
    if (m_filter == filter)
        return;
    if (m_filter) {
        disconnect(m_filter, nullptr, this, nullptr);
        disconnect(m_filter->view(), nullptr, this, nullptr);
    }
    m_filter = filter;
    if (filter) {
        connect(filter, &PlumbingFilter::hiddenClassesChanged, this, &PendingMessagesModel::refresh);
        connect(filter->view(), &EventStore::displayNamesChanged, this, [this] {
            m_labels.clear();
            if (!m_rows.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        });
    }
    m_labels.clear();
    refresh();
}

PlumbingFilter *PendingMessagesModel::plumbingFilter() const
{
    return m_filter;
}

QString PendingMessagesModel::label(const PendingMessage &m) const
{
    auto it = m_labels.constFind(m.id);
    if (it != m_labels.constEnd() && it->first == m.frame)
        return it->second;
    QString text;
    if (m.isClose) {
        text = m.halfClose ? tr("end of stream") : tr("close");
    } else if (m.isRaw) {
        text = rawLabel(Value::bytes(m.frame), m.size);
    } else {
        const Result<Value> content = m.content();
        text = messageLabel(m.type, m.path, content ? *content : Value(),
                            m_filter ? m_filter->view()->nameLookup() : NameLookup());
    }
    m_labels.insert(m.id, qMakePair(m.frame, text));
    return text;
}

QString PendingMessagesModel::name(const QString &address) const
{
    // The system's name for it; without one (no system) its short address.
    return m_filter ? m_filter->view()->displayNames().value(address, EventTableModel::addressText(address))
                    : EventTableModel::addressText(address);
}

const PendingMessage *PendingMessagesModel::message(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int PendingMessagesModel::rowOfMessage(quint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == id)
            return row;
    }
    return -1;
}

void PendingMessagesModel::scheduleRefresh()
{
    // A single step can change the pending set several times (deliver one frame, the handler
    // sends two more): rebuild once, when control is back in the event loop.
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_refreshScheduled)
                refresh();
        },
        Qt::QueuedConnection);
}

void PendingMessagesModel::refresh()
{
    m_refreshScheduled = false;
    QList<PendingMessage> next = m_queue ? m_queue->network()->pendingMessages() : QList<PendingMessage>();
    if (m_filter)
        next.removeIf([this](const PendingMessage &m) { return !m_filter->acceptsPending(m); });
    if (m_labels.size() > 4 * next.size() + 64)
        m_labels.clear(); // labels of frames long delivered
    update(next);
    Q_EMIT refreshed();
}

void PendingMessagesModel::update(const QList<PendingMessage> &next)
{
    // Turn the old rows into the new ones with removals, one reordering and insertions, so
    // that views keep their selection and scroll position on the messages that stay.
    QSet<quint64> nextIds;
    nextIds.reserve(next.size());
    for (const PendingMessage &m : next)
        nextIds.insert(m.id);

    // 1. removals, last range first so that earlier row numbers stay valid
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (nextIds.contains(m_rows[row].id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !nextIds.contains(m_rows[first - 1].id))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // 2. reordering (LocalQueue::delay() moves a frame back)
    QHash<quint64, int> oldRow;
    oldRow.reserve(m_rows.size());
    for (int r = 0; r < m_rows.size(); ++r)
        oldRow.insert(m_rows[r].id, r);
    QList<PendingMessage> order; // the kept rows (old data) in their new order
    order.reserve(m_rows.size());
    for (const PendingMessage &m : next) {
        if (const auto it = oldRow.constFind(m.id); it != oldRow.constEnd())
            order.push_back(m_rows[it.value()]);
    }
    bool reordered = false;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id != order[row].id) {
            reordered = true;
            break;
        }
    }
    if (reordered) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        QHash<quint64, int> newRow;
        for (int row = 0; row < order.size(); ++row)
            newRow.insert(order[row].id, row);
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from)
            to.push_back(index.isValid()
                             ? createIndex(newRow.value(m_rows[index.row()].id), index.column())
                             : QModelIndex());
        m_rows = order;
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    // 3. insertions: the rows are now a subsequence of `next`, in its order
    int row = 0;
    for (int j = 0; j < next.size();) {
        if (row < m_rows.size() && m_rows[row].id == next[j].id) {
            ++row;
            ++j;
            continue;
        }
        int end = j;
        while (end < next.size() && (row >= m_rows.size() || next[end].id != m_rows[row].id))
            ++end;
        beginInsertRows({}, row, row + (end - j) - 1);
        for (int k = j; k < end; ++k)
            m_rows.insert(row + (k - j), next[k]);
        endInsertRows();
        row += end - j;
        j = end;
    }

    // 4. changed contents of rows that stayed (rare: ids are not reused)
    Q_ASSERT(m_rows.size() == next.size());
    for (int r = 0; r < m_rows.size(); ++r) {
        if (!sameMessage(m_rows[r], next[r])) {
            m_rows[r] = next[r];
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
        }
    }
}

int PendingMessagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PendingMessagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PendingMessagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PendingMessage &m = m_rows[index.row()];
    const int column = index.column();
    const bool violating = m_violationId != 0 && m.id == m_violationId;
    if (violating) {
        switch (role) {
        case Qt::BackgroundRole:
            return EventTableModel::violationColor(QGuiApplication::palette());
        case Qt::ForegroundRole:
            return QGuiApplication::palette().color(QPalette::Text);
        case Qt::DecorationRole:
            return column == IdColumn ? QVariant(EventTableModel::violationIcon()) : QVariant();
        case Qt::ToolTipRole:
            if (column == IdColumn)
                return tr("The counterexample's last step: this message breaks \"%1\"").arg(m_violationProperty);
            break;
        default:
            break;
        }
    }
    if (column == MessageColumn && (role == Qt::DecorationRole || role == Qt::ToolTipRole)) {
        if (auto note = m_annotations.constFind(m.id); note != m_annotations.constEnd())
            return role == Qt::DecorationRole ? QVariant(note->icon) : QVariant(note->toolTip);
    }
    switch (role) {
    case ViolationRole:
        return violating;
    case AnnotationRole:
        return m_annotations.value(m.id).kind;
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return QString::number(m.id);
        case MessageColumn:
            return label(m);
        case FromColumn:
            return name(m.from);
        case ToColumn:
            return name(m.to);
        case TypeColumn:
            return m.isClose ? tr("close") : EventTableModel::messageTypeText(m.type);
        case PathColumn:
            return m.path;
        case SizeColumn:
            return m.isClose ? QString() : QLocale().formattedDataSize(m.size, 1);
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case IdColumn:
            return tr("Message %1 on connection %2").arg(m.id).arg(m.connection);
        case FromColumn:
            return m.from;
        case ToColumn:
            return m.to;
        case TypeColumn:
            if (m.isClose)
                return tr("Not a message: one end closed connection %1").arg(m.connection);
            return tr("%1 (request id %2)")
                .arg(EventTableModel::messageTypeText(m.type))
                .arg(m.requestId);
        case SizeColumn:
            return m.isClose ? QVariant()
                             : QVariant(tr("%1 bytes, frame header included")
                                            .arg(QLocale().toString(qint64(m.size))));
        case PathColumn: {
            if (m.isClose)
                return {};
            // Decoding costs a little: only when someone hovers.
            const Result<Value> content = m.content();
            const QString text = content
                                     ? content->toDisplayString(1000)
                                     : tr("Undecodable content: %1").arg(content.error().message());
            return m.path.isEmpty() ? text : m.path + u'\n' + text;
        }
        default:
            return data(index, Qt::DisplayRole);
        }
    case MessageIdRole:
        return QVariant::fromValue<quint64>(m.id);
    case ConnectionRole:
        return QVariant::fromValue<quint64>(m.connection);
    case SortRole:
        switch (column) {
        case IdColumn:
            return QVariant::fromValue<qulonglong>(m.id);
        case SizeColumn:
            return QVariant::fromValue<qlonglong>(m.size);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == SizeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    default:
        return {};
    }
}

void PendingMessagesModel::setViolation(quint64 id, const QString &property)
{
    if (id == m_violationId && property == m_violationProperty)
        return;
    m_violationId = id;
    m_violationProperty = property;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void PendingMessagesModel::setAnnotations(QHash<quint64, Annotation> annotations)
{
    m_annotations = std::move(annotations);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, MessageColumn), index(int(m_rows.size()) - 1, MessageColumn));
}

QVariant PendingMessagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("Id");
        case MessageColumn:
            return tr("Message");
        case FromColumn:
            return tr("From");
        case ToColumn:
            return tr("To");
        case TypeColumn:
            return tr("Type");
        case PathColumn:
            return tr("Path");
        case SizeColumn:
            return tr("Size");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn:
            return tr("The queue's id of the waiting frame (the Message id of its details, not an event's "
                      "number #); the top row is delivered next");
        case MessageColumn:
            return tr("What the message says: the method and its arguments, or the value a reply carries");
        case FromColumn:
            return tr("The sender");
        case ToColumn:
            return tr("The receiver");
        case TypeColumn:
            return tr("Request, result or failure");
        case PathColumn:
            return tr("The RPC path of the request (or of the request a reply answers)");
        case SizeColumn:
            return tr("The frame's size, header included");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> PendingMessagesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(MessageIdRole, "messageId");
    names.insert(ConnectionRole, "connection");
    names.insert(SortRole, "sortValue");
    return names;
}

} // namespace mas::ui
