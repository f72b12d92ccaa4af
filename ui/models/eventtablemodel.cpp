// SPDX-License-Identifier: MIT
#include "eventtablemodel.h"

#include "causalslicer.h"
#include "eventstore.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace mas::ui {

namespace {

/// Tooltips show a cell's full text, but not megabytes of it: a label that size stalls the UI.
constexpr int kMaxToolTipLength = 10000;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

// --- EventTableModel ---------------------------------------------------------------------------

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

EventTableModel::EventTableModel(EventStore *store, QObject *parent)
    : QAbstractTableModel(parent)
{
    setStore(store);
}

EventTableModel::~EventTableModel() = default;

void EventTableModel::setStore(EventStore *store)
{
    if (m_store == store)
        return;
    beginResetModel();
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    // Events the store holds but has not announced yet are taken now; their batch is then
    // ignored in onEventsAppended().
    m_rows = store ? int(store->size()) : 0;
    if (store) {
        connect(store, &EventStore::eventsAppended, this, &EventTableModel::onEventsAppended);
        connect(store, &EventStore::reset, this, &EventTableModel::onStoreReset);
        connect(store, &EventStore::violationChanged, this, [this] {
            if (m_rows > 0)
                Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1),
                                   {Qt::BackgroundRole, Qt::ForegroundRole, Qt::DecorationRole, Qt::StatusTipRole,
                                    ViolationRole});
        });
        connect(store, &EventStore::displayNamesChanged, this, [this] {
            if (m_rows > 0)
                Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
        });
        connect(store, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_rows = 0;
            endResetModel();
        });
    }
    endResetModel();
}

void EventTableModel::setCausalSlicer(CausalSlicer *slicer)
{
    if (m_slicer == slicer)
        return;
    if (m_slicer)
        disconnect(m_slicer, nullptr, this, nullptr);
    m_slicer = slicer;
    const auto changed = [this] {
        if (m_rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1),
                               {Qt::DisplayRole, Qt::BackgroundRole, Qt::ForegroundRole, Qt::ToolTipRole,
                                Qt::StatusTipRole, FullTextRole});
    };
    if (slicer) {
        connect(slicer, &CausalSlicer::sliceChanged, this, changed);
        connect(slicer, &CausalSlicer::foldsChanged, this, changed);
        // appended events: only the rows they changed (a filter refilters just these)
        connect(slicer, &CausalSlicer::rowsChanged, this, [this](qsizetype first, qsizetype last) {
            last = std::min<qsizetype>(last, m_rows - 1);
            if (first >= 0 && first <= last)
                Q_EMIT dataChanged(index(int(first), 0), index(int(last), ColumnCount - 1),
                                   {Qt::DisplayRole, Qt::BackgroundRole, Qt::ForegroundRole, Qt::ToolTipRole,
                                    Qt::StatusTipRole, FullTextRole});
        });
    }
    changed();
}

QColor EventTableModel::causalColor(int mark, const QPalette &palette)
{
    QColor tint;
    switch (mark) {
    case CausalIndex::Past:
        tint = QColor(70, 130, 220);
        break;
    case CausalIndex::Future:
        tint = QColor(230, 140, 40);
        break;
    case CausalIndex::Self:
        return palette.color(QPalette::Highlight).lighter(palette.color(QPalette::Base).lightness() > 128 ? 150 : 80);
    default:
        return {};
    }
    const QColor base = palette.color(QPalette::Base);
    const qreal t = base.lightness() > 128 ? 0.22 : 0.35;
    return QColor::fromRgbF(float(base.redF() * (1 - t) + tint.redF() * t), float(base.greenF() * (1 - t) + tint.greenF() * t),
                            float(base.blueF() * (1 - t) + tint.blueF() * t));
}

EventStore *EventTableModel::store() const
{
    return m_store;
}

void EventTableModel::setPreviewLength(int characters)
{
    characters = qMax(8, characters);
    if (characters == m_previewLength)
        return;
    m_previewLength = characters;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, ContentColumn), index(m_rows - 1, ContentColumn),
                           {Qt::DisplayRole});
}

void EventTableModel::setTimeHeader(const QString &text, const QString &toolTip)
{
    if (text == m_timeHeader && toolTip == m_timeToolTip)
        return;
    m_timeHeader = text;
    m_timeToolTip = toolTip;
    Q_EMIT headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
}

const TrafficEvent *EventTableModel::event(int row) const
{
    if (!m_store || row < 0 || row >= m_rows || row >= m_store->size())
        return nullptr;
    return &m_store->at(row);
}

int EventTableModel::rowOfMessage(quint64 messageId) const
{
    if (!m_store || messageId == 0)
        return -1;
    if (const EventStore::MessageSpan *span = m_store->span(messageId);
        span && span->sent >= 0 && span->sent < m_rows)
        return int(span->sent);
    for (int row = 0; row < m_rows && row < m_store->size(); ++row) {
        if (m_store->at(row).messageId == messageId && isMessageKind(m_store->at(row).kind))
            return row;
    }
    return -1;
}

void EventTableModel::onEventsAppended(qsizetype /*first*/, qsizetype last)
{
    if (!m_store)
        return;
    const int newLast = int(qMin(last, m_store->size() - 1));
    if (newLast < m_rows)
        return; // already taken in setStore()
    beginInsertRows({}, m_rows, newLast);
    m_rows = newLast + 1;
    endInsertRows();
}

void EventTableModel::onStoreReset()
{
    beginResetModel();
    m_rows = m_store ? int(m_store->size()) : 0;
    endResetModel();
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrafficEvent *e = event(index.row());
    if (!e)
        return {};
    const int column = index.column();
    const int row = index.row();
    const int violation = violationMark(*e);
    const RoundFold *fold = column == MessageColumn && m_slicer ? m_slicer->foldAt(row) : nullptr;
    const bool expanded = fold && m_slicer->isExpanded(row);
    switch (role) {
    case Qt::DisplayRole:
        if (fold)
            return (expanded ? tr("▾ ×%1 %2") : tr("▸ ×%1 %2")).arg(fold->repeats).arg(displayData(*e, column, row).toString());
        return displayData(*e, column, row);
    case ViolationRole:
        return violation;
    case Qt::BackgroundRole:
        if (violation == 2)
            return violationColor(QGuiApplication::palette());
        if (m_slicer && m_slicer->isActive()) {
            if (const QColor tint = causalColor(m_slicer->mark(row), QGuiApplication::palette()); tint.isValid())
                return tint;
        }
        return {};
    case Qt::ToolTipRole:
        if (fold)
            // Each count with its own plural form.
            return (expanded ? tr("%n round(s) of %1 each; double-click to fold them into this row", nullptr,
                                  int(fold->repeats))
                             : tr("%n round(s) of %1 each, folded into this row; double-click to show them", nullptr,
                                  int(fold->repeats)))
                .arg(tr("%n event(s)", nullptr, int(fold->period)));
        return column == ContentColumn && !e->content.isNull()
                   ? e->content.toDisplayString(kMaxToolTipLength)
                   : fullText(*e, column, row);
    case FullTextRole:
        return fullText(*e, column, row);
    case Qt::StatusTipRole:
        if (violation == 2)
            return tr("This step breaks \"%1\"").arg(m_store->violationProperty());
        if (violation == 1)
            return tr("This message's delivery breaks \"%1\"").arg(m_store->violationProperty());
        return statusTip(*e, column);
    case SortRole:
        return sortData(*e, column, row);
    case MessageIdRole:
        return isMessageKind(e->kind) ? QVariant::fromValue<quint64>(e->messageId)
                                      : QVariant::fromValue<quint64>(0);
    case KindRole:
        return int(e->kind);
    case EventIndexRole:
        return QVariant::fromValue<qsizetype>(index.row());
    case Qt::TextAlignmentRole:
        if (column == SequenceColumn || column == TimeColumn || column == SizeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole: {
        const QPalette palette = QGuiApplication::palette();
        if (m_slicer && m_slicer->isDimmed(row) && violation != 2) {
            QColor dim = palette.color(QPalette::PlaceholderText);
            dim.setAlphaF(0.55f);
            return dim;
        }
        if (violation == 2)
            return palette.color(QPalette::Text);
        if (violation == 1)
            return violationColor(palette).darker(palette.color(QPalette::Base).lightness() > 128 ? 300 : 50);
        if (column == KindColumn || e->kind == TrafficEvent::Kind::Dropped)
            return kindColor(e->kind, palette);
        if (!isMessageKind(e->kind))
            return palette.color(QPalette::PlaceholderText);
        return {};
    }
    case Qt::DecorationRole:
        if (column == KindColumn)
            return cachedIcon(e->kind);
        if (column == SequenceColumn && violation == 2)
            return violationIcon();
        return {};
    default:
        return {};
    }
}

int EventTableModel::violationMark(const TrafficEvent &e) const
{
    if (!m_store || !m_store->hasViolation())
        return 0;
    if (m_store->isViolationStep(e))
        return 2;
    return e.messageId != 0 && e.messageId == m_store->violationMessage() && isMessageKind(e.kind) ? 1 : 0;
}

QIcon EventTableModel::violationIcon()
{
    // A red warning triangle with an exclamation mark (no Widgets here: painted).
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(150, 0, 0), 2));
    p.setBrush(QColor(215, 40, 40));
    p.drawPolygon(QPolygonF({QPointF(16, 3), QPointF(30, 29), QPointF(2, 29)}));
    p.setPen(QPen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(16, 12), QPointF(16, 20));
    p.drawPoint(QPointF(16, 25));
    p.end();
    return QIcon(pixmap);
}

QColor EventTableModel::violationColor(const QPalette &palette)
{
    // A red that keeps the text readable on light and dark themes.
    return palette.color(QPalette::Base).lightness() > 128 ? QColor(255, 196, 196) : QColor(120, 30, 30);
}

QVariant EventTableModel::displayData(const TrafficEvent &e, int column, int row) const
{
    const bool message = isMessageKind(e.kind);
    switch (column) {
    case MessageColumn:
        return m_store ? m_store->eventLabel(row) : QString();
    case SequenceColumn:
        return QString::number(e.sequence);
    case TimeColumn:
        return secondsText(e.simTime);
    case KindColumn:
        return kindText(e.kind);
    case TypeColumn:
        return message ? messageTypeText(e.type) : QString();
    case FromColumn: // the system's name for it; without one (attached, tapped) its short address
        return m_store ? m_store->displayNames().value(e.from, addressText(e.from)) : addressText(e.from);
    case ToColumn:
        return m_store ? m_store->displayNames().value(e.to, addressText(e.to)) : addressText(e.to);
    case PathColumn:
        return e.path;
    case SizeColumn:
        return message && e.size > 0 ? QLocale().formattedDataSize(e.size, 1) : QString();
    case ContentColumn:
        return e.content.isNull() ? QString() : e.content.toDisplayString(m_previewLength);
    default:
        return {};
    }
}

QString EventTableModel::fullText(const TrafficEvent &e, int column, int row) const
{
    switch (column) {
    case MessageColumn:
        // The arguments unelided (search finds what a long argument holds).
        return m_store ? m_store->eventLabel(row, kMaxToolTipLength) : QString();
    case TimeColumn:
        return QLocale().toString(e.simTime, 'g', QLocale::FloatingPointShortest);
    case SizeColumn:
        return isMessageKind(e.kind) ? tr("%1 bytes").arg(e.size) : QString();
    case ContentColumn:
        return e.content.isNull() ? QString() : e.content.toDisplayString(1 << 24);
    case FromColumn:
        return e.from;
    case ToColumn:
        return e.to;
    default:
        return displayData(e, column, row).toString();
    }
}

QVariant EventTableModel::statusTip(const TrafficEvent &e, int column) const
{
    switch (column) {
    case SequenceColumn:
        return tr("Event %1 of the run").arg(e.sequence);
    case TimeColumn: {
        const QString wall =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.wallTimeMs), QLocale::LongFormat);
        return tr("Simulated time %1 s, wall clock %2").arg(secondsText(e.simTime), wall);
    }
    case KindColumn:
        switch (e.kind) {
        case TrafficEvent::Kind::Sent:
            return tr("Message %1 entered the queue").arg(e.messageId);
        case TrafficEvent::Kind::Delivered:
            return tr("Message %1 reached its receiver").arg(e.messageId);
        case TrafficEvent::Kind::Dropped:
            return tr("Message %1 was discarded (fault injection)").arg(e.messageId);
        case TrafficEvent::Kind::Duplicated:
            return tr("Message %1 is a copy of message %2").arg(e.messageId).arg(e.originalId);
        case TrafficEvent::Kind::Delayed:
            return tr("Message %1 was moved back in the delivery order (by %2)")
                .arg(e.messageId)
                .arg(e.positions);
        case TrafficEvent::Kind::Connected:
            return tr("Connection %1 opened").arg(e.connection);
        case TrafficEvent::Kind::Closed:
            return tr("One end of connection %1 closed").arg(e.connection);
        case TrafficEvent::Kind::ClockChanged:
            return tr("The clock was set to %1 s").arg(secondsText(e.simTime));
        }
        return {};
    case TypeColumn:
        if (!isMessageKind(e.kind))
            return {};
        return e.requestId >= 0
                   ? tr("%1 (request id %2)").arg(messageTypeText(e.type)).arg(e.requestId)
                   : messageTypeText(e.type);
    case SizeColumn:
        if (!isMessageKind(e.kind))
            return {};
        return tr("%1 bytes, frame header included").arg(QLocale().toString(qint64(e.size)));
    case FromColumn:
        return e.from;
    case ToColumn:
        return e.to;
    default:
        return {};
    }
}

QVariant EventTableModel::sortData(const TrafficEvent &e, int column, int row) const
{
    switch (column) {
    case SequenceColumn:
        return QVariant::fromValue<qulonglong>(e.sequence);
    case TimeColumn:
        return e.simTime;
    case KindColumn:
        return int(e.kind);
    case SizeColumn:
        return QVariant::fromValue<qlonglong>(e.size);
    default:
        return displayData(e, column, row);
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case SequenceColumn:
            return tr("#");
        case TimeColumn:
            return m_timeHeader.isEmpty() ? tr("Sim time") : m_timeHeader;
        case KindColumn:
            return tr("Event");
        case MessageColumn:
            return tr("Message");
        case TypeColumn:
            return tr("Type");
        case FromColumn:
            return tr("From");
        case ToColumn:
            return tr("To");
        case PathColumn:
            return tr("Path");
        case SizeColumn:
            return tr("Size");
        case ContentColumn:
            return tr("Content");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case SequenceColumn:
            return tr("The event's number in the run (#, as in the diagram's margin); a message's own id, "
                      "which its events share, is the Message id of its details and the pending list's Id");
        case TimeColumn:
            return m_timeToolTip.isEmpty() ? tr("Simulated clock time in seconds when the event happened")
                                           : m_timeToolTip;
        case KindColumn:
            return tr("What happened: sent, delivered, dropped, duplicated, delayed, a connection "
                      "or the clock");
        case MessageColumn:
            return tr("What the message says: the method and its arguments, \"election(25)\"; a reply shows the "
                      "method it answers and its value, \"→ cfp: 7\"");
        case TypeColumn:
            return tr("Request, result or failure");
        case FromColumn:
            return tr("The sender, by the name its system gives it (its address in the status bar)");
        case ToColumn:
            return tr("The receiver, by the name its system gives it (its address in the status bar)");
        case PathColumn:
            return tr("The RPC path of the request (or of the request a reply answers)");
        case SizeColumn:
            return tr("The frame's size, header included");
        case ContentColumn:
            return tr("The decoded message content (hover a cell for all of it)");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> EventTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(MessageIdRole, "messageId");
    names.insert(KindRole, "kind");
    names.insert(EventIndexRole, "eventIndex");
    names.insert(SortRole, "sortValue");
    names.insert(FullTextRole, "fullText");
    names.insert(ViolationRole, "violation");
    return names;
}

QString EventTableModel::kindText(TrafficEvent::Kind kind)
{
    switch (kind) {
    case TrafficEvent::Kind::Sent:
        return tr("Sent");
    case TrafficEvent::Kind::Delivered:
        return tr("Delivered");
    case TrafficEvent::Kind::Dropped:
        return tr("Dropped");
    case TrafficEvent::Kind::Duplicated:
        return tr("Duplicated");
    case TrafficEvent::Kind::Delayed:
        return tr("Delayed");
    case TrafficEvent::Kind::Connected:
        return tr("Connected");
    case TrafficEvent::Kind::Closed:
        return tr("Closed");
    case TrafficEvent::Kind::ClockChanged:
        return tr("Clock set");
    }
    return TrafficEvent::kindName(kind);
}

QString EventTableModel::messageTypeText(MessageType type)
{
    switch (type) {
    case MessageType::Request:
        return tr("request");
    case MessageType::Result:
        return tr("result");
    case MessageType::Failure:
        return tr("failure");
    }
    return QString::number(int(type));
}

bool EventTableModel::isMessageKind(TrafficEvent::Kind kind)
{
    switch (kind) {
    case TrafficEvent::Kind::Sent:
    case TrafficEvent::Kind::Delivered:
    case TrafficEvent::Kind::Dropped:
    case TrafficEvent::Kind::Duplicated:
    case TrafficEvent::Kind::Delayed:
        return true;
    case TrafficEvent::Kind::Connected:
    case TrafficEvent::Kind::Closed:
    case TrafficEvent::Kind::ClockChanged:
        return false;
    }
    return false;
}

QString EventTableModel::addressText(const QString &address)
{
    QString s = address;
    if (const qsizetype scheme = s.indexOf(u"://"); scheme >= 0)
        s = s.mid(scheme + 3);
    while (s.size() > 1 && s.endsWith(u'/'))
        s.chop(1);
    return s.isEmpty() ? address : s;
}

QString EventTableModel::secondsText(double seconds)
{
    QString text = QLocale().toString(seconds, 'f', 3);
    const QChar point = QLocale().decimalPoint().front();
    if (text.contains(point)) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

QColor EventTableModel::kindColor(TrafficEvent::Kind kind, const QPalette &palette)
{
    // Each colour in a darker variant for light themes and a lighter one for dark themes, so
    // that it keeps enough contrast against the view's base colour either way.
    const bool dark = isDark(palette);
    const auto pick = [dark](QRgb onLight, QRgb onDark) {
        return QColor::fromRgb(dark ? onDark : onLight);
    };
    switch (kind) {
    case TrafficEvent::Kind::Sent:
        return pick(0x1f5fbf, 0x82b4ff);
    case TrafficEvent::Kind::Delivered:
        return pick(0x1e7b34, 0x7ddc8f);
    case TrafficEvent::Kind::Dropped:
        return pick(0xc62828, 0xff8a80);
    case TrafficEvent::Kind::Duplicated:
        return pick(0x8e24aa, 0xe1a0f0);
    case TrafficEvent::Kind::Delayed:
        return pick(0xa35f00, 0xffc166);
    case TrafficEvent::Kind::ClockChanged:
        return pick(0x00796b, 0x64d8cb);
    case TrafficEvent::Kind::Connected:
    case TrafficEvent::Kind::Closed:
        return palette.color(QPalette::PlaceholderText);
    }
    return palette.color(QPalette::Text);
}

QIcon EventTableModel::kindIcon(TrafficEvent::Kind kind, const QPalette &palette)
{
    // Drawn at twice the logical size so it stays sharp on high-DPI screens.
    constexpr int kLogical = 12;
    constexpr qreal kRatio = 2.0;
    QPixmap pixmap(int(kLogical * kRatio), int(kLogical * kRatio));
    pixmap.setDevicePixelRatio(kRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor color = kindColor(kind, palette);
    const QRectF box(1.5, 1.5, kLogical - 3, kLogical - 3);
    QPen pen(color, 1.6);
    pen.setCapStyle(Qt::RoundCap);
    p.setPen(pen);
    switch (kind) {
    case TrafficEvent::Kind::Sent: // an arrow leaving
        p.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
        p.drawLine(QPointF(box.right(), box.center().y()),
                   QPointF(box.right() - 3.5, box.top() + 1));
        p.drawLine(QPointF(box.right(), box.center().y()),
                   QPointF(box.right() - 3.5, box.bottom() - 1));
        break;
    case TrafficEvent::Kind::Delivered: // a filled dot: arrived
        p.setBrush(color);
        p.drawEllipse(box.adjusted(1, 1, -1, -1));
        break;
    case TrafficEvent::Kind::Dropped: // a cross
        p.drawLine(box.topLeft(), box.bottomRight());
        p.drawLine(box.topRight(), box.bottomLeft());
        break;
    case TrafficEvent::Kind::Duplicated: { // two overlapping rings
        const QRectF small(box.left(), box.top(), box.width() * 0.65, box.height() * 0.65);
        p.drawEllipse(small);
        p.drawEllipse(small.translated(box.width() * 0.35, box.height() * 0.35));
        break;
    }
    case TrafficEvent::Kind::Delayed: { // an hourglass
        QPainterPath path;
        path.moveTo(box.topLeft());
        path.lineTo(box.topRight());
        path.lineTo(box.bottomLeft());
        path.lineTo(box.bottomRight());
        path.closeSubpath();
        p.drawPath(path);
        break;
    }
    case TrafficEvent::Kind::Connected: // a filled square: a link appeared
        p.setBrush(color);
        p.drawRect(box.adjusted(1.5, 1.5, -1.5, -1.5));
        break;
    case TrafficEvent::Kind::Closed: // a hollow square
        p.drawRect(box.adjusted(1.5, 1.5, -1.5, -1.5));
        break;
    case TrafficEvent::Kind::ClockChanged: { // a clock face
        p.drawEllipse(box);
        p.drawLine(box.center(), QPointF(box.center().x(), box.top() + 2));
        p.drawLine(box.center(), QPointF(box.right() - 2.5, box.center().y()));
        break;
    }
    }
    p.end();
    return QIcon(pixmap);
}

QIcon EventTableModel::cachedIcon(TrafficEvent::Kind kind) const
{
    const QPalette palette = QGuiApplication::palette();
    if (palette.cacheKey() != m_iconPaletteKey) {
        m_icons.clear();
        m_iconPaletteKey = palette.cacheKey();
    }
    auto it = m_icons.find(int(kind));
    if (it == m_icons.end())
        it = m_icons.insert(int(kind), kindIcon(kind, palette));
    return it.value();
}

// --- EventFilterModel --------------------------------------------------------------------------

EventFilterModel::EventFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(EventTableModel::SortRole);
}

EventFilterModel::~EventFilterModel() = default;

void EventFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    refilter();
}

void EventFilterModel::setKindFilter(KindFilter filter)
{
    if (filter == m_kindFilter)
        return;
    m_kindFilter = filter;
    refilter();
}

QString EventFilterModel::kindFilterText(KindFilter filter)
{
    switch (filter) {
    case AllEvents:
        return tr("All events");
    case Sends:
        return tr("Sends");
    case Deliveries:
        return tr("Deliveries");
    case Drops:
        return tr("Drops");
    case Faults:
        return tr("Faults (drops, duplicates, delays)");
    case MessageEvents:
        return tr("Message events");
    }
    return {};
}

void EventFilterModel::setParticipant(const QString &address)
{
    if (address == m_participant)
        return;
    m_participant = address;
    refilter();
}

void EventFilterModel::setPathFilter(const QString &path)
{
    const QString trimmed = path.trimmed();
    if (trimmed == m_path)
        return;
    m_path = trimmed;
    const bool wildcard = m_path.contains(u'*') || m_path.contains(u'?') || m_path.contains(u'[');
    m_pathPattern =
        wildcard ? QRegularExpression(QRegularExpression::wildcardToRegularExpression(m_path))
                 : QRegularExpression();
    refilter();
}

void EventFilterModel::clearFilters()
{
    m_text.clear();
    m_kindFilter = AllEvents;
    m_participant.clear();
    m_path.clear();
    m_pathPattern = QRegularExpression();
    refilter();
}

void EventFilterModel::refilter()
{
    invalidateFilter();
    Q_EMIT filterChanged();
}

bool EventFilterModel::matchesKind(int kind) const
{
    using Kind = TrafficEvent::Kind;
    const auto k = Kind(kind);
    switch (m_kindFilter) {
    case AllEvents:
        return true;
    case Sends:
        return k == Kind::Sent || k == Kind::Duplicated;
    case Deliveries:
        return k == Kind::Delivered;
    case Drops:
        return k == Kind::Dropped;
    case Faults:
        return k == Kind::Dropped || k == Kind::Duplicated || k == Kind::Delayed;
    case MessageEvents:
        return EventTableModel::isMessageKind(k);
    }
    return true;
}

bool EventFilterModel::matchesParticipant(const QString &address) const
{
    if (address == m_participant)
        return true;
    return m_participant.endsWith(u'/') && address.startsWith(m_participant);
}

bool EventFilterModel::matchesPath(const QString &path) const
{
    if (path.isEmpty())
        return false;
    if (m_pathPattern.isValid() && !m_pathPattern.pattern().isEmpty())
        return m_pathPattern.match(path).hasMatch();
    return path == m_path
           || (path.endsWith(m_path) && path.size() > m_path.size()
               && path.at(path.size() - m_path.size() - 1) == u'/');
}

void EventFilterModel::setCausalSlicer(const CausalSlicer *slicer)
{
    if (m_slicer == slicer)
        return;
    if (m_slicer)
        disconnect(m_slicer, nullptr, this, nullptr);
    m_slicer = slicer;
    if (slicer) {
        connect(slicer, &CausalSlicer::sliceChanged, this, [this] {
            if (m_sliceOnly)
                refilter();
        });
        connect(slicer, &CausalSlicer::foldsChanged, this, &EventFilterModel::refilter);
    }
    refilter();
}

void EventFilterModel::setSliceOnly(bool on)
{
    if (m_sliceOnly == on)
        return;
    m_sliceOnly = on;
    refilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent))
        return false;
    if (m_slicer) {
        if (m_slicer->isFoldedAway(sourceRow))
            return false;
        if (m_sliceOnly && m_slicer->isDimmed(sourceRow))
            return false;
    }
    const QAbstractItemModel *model = sourceModel();
    const auto cell = [&](int column, int role) {
        return model->index(sourceRow, column, sourceParent).data(role);
    };
    const auto text = [&](int column) {
        const QVariant full = cell(column, EventTableModel::FullTextRole);
        return full.isValid() ? full.toString() : cell(column, Qt::DisplayRole).toString();
    };
    if (m_kindFilter != AllEvents
        && !matchesKind(cell(EventTableModel::KindColumn, EventTableModel::KindRole).toInt()))
        return false;
    // The addresses (the cells show display names; their status tips hold the addresses).
    if (!m_participant.isEmpty() && !matchesParticipant(cell(EventTableModel::FromColumn, Qt::StatusTipRole).toString())
        && !matchesParticipant(cell(EventTableModel::ToColumn, Qt::StatusTipRole).toString()))
        return false;
    if (!m_path.isEmpty() && !matchesPath(text(EventTableModel::PathColumn)))
        return false;
    if (m_text.isEmpty())
        return true;
    // What the table says of the message, not its raw content or path: its event and type, its
    // label (mas::labelMatches()) and names (whole words), as breakpoints take them.
    for (int column : {int(EventTableModel::KindColumn), int(EventTableModel::TypeColumn)}) {
        if (text(column).contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return labelMatches(text(EventTableModel::MessageColumn), m_text) || nameMatches(text(EventTableModel::FromColumn), m_text) || nameMatches(text(EventTableModel::ToColumn), m_text);
}

} // namespace mas::ui
