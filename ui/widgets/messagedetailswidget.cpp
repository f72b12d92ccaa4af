// SPDX-License-Identifier: MIT
#include "messagedetailswidget.h"

#include "models/eventtablemodel.h"

#include <mas/trace/trafficlog.h>
#include <mas/transport/framing.h>
#include <mas/transport/localqueue.h>

#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace mas::ui {

namespace {

constexpr int kMaxChildren = 1000;   // per list or map; the rest is summarised in one row
constexpr int kExpandAllBelow = 300; // items; larger contents open only their first levels
constexpr int kMaxValueText = 500;   // characters of a scalar in the value column
constexpr int kPreviewLength = 120;  // characters of a collapsed list or map

QString fieldLabel(MessageDetailsWidget::Field field)
{
    using Field = MessageDetailsWidget::Field;
    switch (field) {
    case Field::Id:
        return MessageDetailsWidget::tr("Message id:");
    case Field::Event:
        return MessageDetailsWidget::tr("Event:");
    case Field::Type:
        return MessageDetailsWidget::tr("Type:");
    case Field::From:
        return MessageDetailsWidget::tr("From:");
    case Field::To:
        return MessageDetailsWidget::tr("To:");
    case Field::Path:
        return MessageDetailsWidget::tr("Path:");
    case Field::RequestId:
        return MessageDetailsWidget::tr("Request id:");
    case Field::Size:
        return MessageDetailsWidget::tr("Size:");
    case Field::SimTime:
        return MessageDetailsWidget::tr("Sim time:");
    }
    return {};
}

QString fieldName(MessageDetailsWidget::Field field)
{
    using Field = MessageDetailsWidget::Field;
    switch (field) {
    case Field::Id:
        return QStringLiteral("id");
    case Field::Event:
        return QStringLiteral("event");
    case Field::Type:
        return QStringLiteral("type");
    case Field::From:
        return QStringLiteral("from");
    case Field::To:
        return QStringLiteral("to");
    case Field::Path:
        return QStringLiteral("path");
    case Field::RequestId:
        return QStringLiteral("requestId");
    case Field::Size:
        return QStringLiteral("size");
    case Field::SimTime:
        return QStringLiteral("simTime");
    }
    return {};
}

QString sizeText(qsizetype size)
{
    return MessageDetailsWidget::tr("%1 B").arg(QLocale().toString(qint64(size)));
}

QString requestIdText(qint64 requestId)
{
    return requestId >= 0 ? QString::number(requestId) : QString();
}

QString elided(QString text, int maxLength = kMaxValueText)
{
    if (text.size() > maxLength) {
        text.truncate(maxLength - 1);
        text += QChar(0x2026);
    }
    return text;
}

/// Colours for scalar values, darker on light themes and lighter on dark ones.
struct ValueColors
{
    QColor string, number, keyword, hint;

    explicit ValueColors(const QPalette &palette)
    {
        const bool dark = palette.color(QPalette::Base).lightness() < 128;
        string = QColor::fromRgb(dark ? 0x7ddc8f : 0x1e7b34);
        number = QColor::fromRgb(dark ? 0x82b4ff : 0x1f5fbf);
        keyword = QColor::fromRgb(dark ? 0xe1a0f0 : 0x8e24aa);
        hint = palette.color(QPalette::PlaceholderText);
    }
};

} // namespace

MessageDetailsWidget::MessageDetailsWidget(QWidget *parent)
    : QWidget(parent)
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true); // "Message 12: request agents/3/election" in a narrow pane

    // Header: one field a row (two to a row were cut in the narrow pane of a 1280×720 window,
    // and in longer languages).
    auto *header = new QGridLayout;
    header->setHorizontalSpacing(8);
    header->setVerticalSpacing(2);
    header->setColumnStretch(1, 1);
    header->setColumnStretch(3, 1);
    const auto addField = [&](Field field, int row, int column, int span) {
        auto *label = new QLabel(fieldLabel(field), this);
        auto *value = new QLabel(this);
        value->setObjectName(QStringLiteral("field_") + fieldName(field));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // Long addresses are cut rather than widening the dock; the tooltip has them whole.
        value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        value->setMinimumWidth(20);
        label->setBuddy(value);
        header->addWidget(label, row, column);
        header->addWidget(value, row, column + 1, 1, span);
        m_fields[int(field)] = value;
    };
    m_fields.resize(int(Field::SimTime) + 1);
    int row = 0;
    for (Field field : {Field::Id, Field::Event, Field::Type, Field::RequestId, Field::Size, Field::SimTime,
                        Field::From, Field::To, Field::Path})
        addField(field, row++, 0, 3);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("contentTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Key"), tr("Value"), tr("Type")});
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(TypeColumn, QHeaderView::Interactive);
    m_tree->setColumnWidth(KeyColumn, 140);
    m_tree->setToolTip(
        tr("The message's content, decoded: lists and maps open up, strings are quoted, "
           "and the last column gives each value's type"));

    m_hex = new QPlainTextEdit(this);
    m_hex->setObjectName(QStringLiteral("hexView"));
    m_hex->setReadOnly(true);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hex->setFont(fixed);
    m_hex->setToolTip(
        tr("The frame's bytes exactly as sent: offset, bytes in hex, and the same bytes as "
           "ASCII (dots for other bytes). The first 4 bytes are the frame header: the "
           "payload length, big-endian."));
    // Sixteen bytes a line, or eight when the pane is too narrow for that without scrolling.
    m_hex->viewport()->installEventFilter(this);
    m_hexSummary = new QLabel(this);
    m_hexSummary->setObjectName(QStringLiteral("hexSummary"));
    m_hexSummary->setWordWrap(true);

    const auto pane = [this](const QString &title, QWidget *extra, QWidget *view) {
        auto *widget = new QWidget(this);
        auto *layout = new QVBoxLayout(widget);
        layout->setContentsMargins(0, 4, 0, 0);
        layout->setSpacing(2);
        auto *label = new QLabel(title, widget);
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        layout->addWidget(label);
        // On a line of its own, wrapped: beside the title it was cut in a narrow pane (and in
        // longer languages).
        if (extra)
            layout->addWidget(extra);
        layout->addWidget(view, 1);
        return widget;
    };
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(pane(tr("Content"), nullptr, m_tree));
    splitter->addWidget(pane(tr("Raw bytes"), m_hexSummary, m_hex));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    clear();
}

MessageDetailsWidget::~MessageDetailsWidget() = default;

void MessageDetailsWidget::setField(Field field, const QString &text, const QString &toolTip)
{
    QLabel *label = m_fields[int(field)];
    label->setText(text.isEmpty() ? QStringLiteral("\u2014") : text);
    label->setToolTip(toolTip.isEmpty() ? text : toolTip);
    label->setProperty("plainValue", text);
}

void MessageDetailsWidget::setAddressField(Field field, const QString &address)
{
    const QString name = m_names && !address.isEmpty() ? m_names(address) : QString();
    // The tooltip has the whole of it: the name, where the field is too narrow, and the address.
    setField(field, name.isEmpty() ? address : name,
             name.isEmpty() ? address : QStringLiteral("%1 (%2)").arg(name, address));
}

QString MessageDetailsWidget::fieldText(Field field) const
{
    return m_fields[int(field)]->property("plainValue").toString();
}

void MessageDetailsWidget::clear()
{
    m_messageId = 0;
    m_title->setText(tr("No message selected"));
    for (int f = 0; f < m_fields.size(); ++f)
        setField(Field(f), QString());
    m_tree->clear();
    setBytes({}, tr("Select a message to see its content and bytes."));
}

void MessageDetailsWidget::showEvent(const TrafficEvent &event, const QByteArray &frameBytes)
{
    const bool message = EventTableModel::isMessageKind(event.kind);
    m_messageId = message ? event.messageId : 0;
    QString kind = EventTableModel::kindText(event.kind);
    if (event.kind == TrafficEvent::Kind::Duplicated)
        kind = tr("%1 (copy of message %2)").arg(kind).arg(event.originalId);
    else if (event.kind == TrafficEvent::Kind::Delayed)
        kind = tr("%1 (moved back by %2)").arg(kind).arg(event.positions);
    if (message) {
        const QString type = EventTableModel::messageTypeText(event.type);
        m_title->setText(event.path.isEmpty()
                             ? tr("Message id %1: %2").arg(event.messageId).arg(type)
                             : tr("Message id %1: %2 %3").arg(event.messageId).arg(type, event.path));
    } else if (event.kind == TrafficEvent::Kind::ClockChanged) {
        m_title->setText(tr("Event #%1: the clock was set").arg(event.sequence));
    } else {
        m_title->setText(
            tr("Event #%1: connection %2 %3")
                .arg(event.sequence)
                .arg(event.connection)
                .arg(event.kind == TrafficEvent::Kind::Connected ? tr("opened") : tr("closed")));
    }
    // Two numbers: the message's id (all its events share it) and the event's number in the run
    // (the table's # column, the diagram's margin).
    setField(Field::Id, message ? QString::number(event.messageId) : QString(),
             message ? tr("The message's id: its sending, delivery and any copy share it (the pending list's "
                          "Id). Not the event's number, #%1 in the table and the diagram")
                           .arg(event.sequence)
                     : QString());
    setField(Field::Event, tr("%1, event #%2").arg(kind).arg(event.sequence),
             tr("Event #%1 of the run: the table's # column and the diagram's margin count events, not "
                "messages")
                 .arg(event.sequence));
    setField(Field::Type, message ? EventTableModel::messageTypeText(event.type) : QString());
    setAddressField(Field::From, event.from);
    setAddressField(Field::To, event.to);
    setField(Field::Path, event.path);
    setField(Field::RequestId, message ? requestIdText(event.requestId) : QString());
    setField(Field::Size, message && event.size > 0 ? sizeText(event.size) : QString());
    setField(Field::SimTime, tr("%1 s").arg(EventTableModel::secondsText(event.simTime)));
    if (message)
        setContent(event.content, event.type, event.type == MessageType::Request);
    else
        m_tree->clear();
    setBytes(frameBytes, message ? tr("The raw bytes of this event were not recorded.")
                                 : tr("This event carries no message."));
}

void MessageDetailsWidget::showPending(const PendingMessage &message)
{
    m_messageId = message.id;
    const QString type =
        message.isClose ? tr("close") : EventTableModel::messageTypeText(message.type);
    m_title->setText(message.path.isEmpty()
                         ? tr("Pending message id %1: %2").arg(message.id).arg(type)
                         : tr("Pending message id %1: %2 %3").arg(message.id).arg(type, message.path));
    setField(Field::Id, QString::number(message.id),
             tr("The message's id (the pending list's Id); its events get their numbers (#) when they happen"));
    setField(Field::Event, tr("Pending"),
             tr("Waiting in the queue on connection %1").arg(message.connection));
    setField(Field::Type, type);
    setAddressField(Field::From, message.from);
    setAddressField(Field::To, message.to);
    setField(Field::Path, message.path);
    setField(Field::RequestId, message.isClose ? QString() : requestIdText(message.requestId));
    setField(Field::Size, message.isClose ? QString() : sizeText(message.size));
    setField(Field::SimTime, QString());
    if (message.isClose) {
        m_tree->clear();
    } else if (const Result<Value> content = message.content()) {
        setContent(*content, message.type, message.type == MessageType::Request);
    } else {
        setContentError(content.error().message());
    }
    setBytes(message.frame, tr("This frame has no bytes."));
}

void MessageDetailsWidget::setContent(const Value &content, MessageType type, bool isRequestContent)
{
    m_tree->setUpdatesEnabled(false);
    m_tree->clear();
    m_itemCount = 0;
    QTreeWidgetItem *root = addValue(nullptr, tr("content"), content, 0);
    // A request is [path, args, kwargs]: name the parts instead of showing bare indexes.
    if (isRequestContent && content.isList() && content.size() == 3 && root->childCount() == 3) {
        const QString names[] = {tr("path"), tr("args"), tr("kwargs")};
        for (int i = 0; i < 3; ++i) {
            root->child(i)->setText(KeyColumn, names[i]);
            root->child(i)->setToolTip(KeyColumn, tr("Element %1 of the request").arg(i));
        }
    }
    root->setToolTip(KeyColumn, tr("The %1's content").arg(EventTableModel::messageTypeText(type)));
    if (m_itemCount <= kExpandAllBelow)
        m_tree->expandAll();
    else
        m_tree->expandToDepth(1);
    // Wide enough for every row's type, including rows not scrolled into view (which
    // resizeColumnToContents() would not measure).
    const QFontMetrics metrics(m_tree->font());
    int typeWidth = m_tree->header()->sectionSizeHint(TypeColumn);
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        typeWidth = qMax(typeWidth, metrics.horizontalAdvance((*it)->text(TypeColumn))
                                        + 2 * metrics.averageCharWidth());
    m_tree->setColumnWidth(TypeColumn, typeWidth);
    m_tree->setUpdatesEnabled(true);
}

void MessageDetailsWidget::setContentError(const QString &message)
{
    m_tree->clear();
    auto *item = new QTreeWidgetItem(m_tree);
    item->setText(KeyColumn, tr("content"));
    item->setText(ValueColumn, tr("Cannot decode: %1").arg(message));
    item->setToolTip(ValueColumn, message);
    item->setForeground(
        ValueColumn,
        QColor::fromRgb(palette().color(QPalette::Base).lightness() < 128 ? 0xff8a80 : 0xc62828));
}

QTreeWidgetItem *MessageDetailsWidget::addValue(QTreeWidgetItem *parent,
                                                const QString &key,
                                                const Value &value,
                                                int depth)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    ++m_itemCount;
    const ValueColors colors(palette());
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    item->setText(KeyColumn, key);
    item->setFont(ValueColumn, fixed);
    item->setForeground(TypeColumn, colors.hint);

    QString text;
    QString type = value.typeName();
    QColor color;
    switch (value.type()) {
    case Value::Type::Null:
        text = QStringLiteral("null");
        color = colors.keyword;
        break;
    case Value::Type::Bool:
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        color = colors.keyword;
        break;
    case Value::Type::Int:
    case Value::Type::UInt:
    case Value::Type::BigInt:
        text = value.toDisplayString(kMaxValueText);
        type = value.type() == Value::Type::BigInt ? tr("int (big)") : type;
        color = colors.number;
        break;
    case Value::Type::Double:
        text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        color = colors.number;
        break;
    case Value::Type::String:
        // Quoted and escaped (one line); the tooltip has the text as it is.
        text = value.toDisplayString(kMaxValueText);
        color = colors.string;
        item->setToolTip(ValueColumn, elided(value.toString(), 4000));
        break;
    case Value::Type::Bytes:
        text = value.toDisplayString(kMaxValueText);
        type = tr("bytes (%1)").arg(value.toBytes().size());
        break;
    case Value::Type::List: {
        // A preview for when it is collapsed; the type column gives the length.
        text = value.toDisplayString(kPreviewLength);
        type = tr("list (%1)").arg(value.size());
        const Value::List &list = value.asList();
        const int shown = int(qMin<size_t>(list.size(), kMaxChildren));
        for (int i = 0; i < shown; ++i)
            addValue(item, QStringLiteral("[%1]").arg(i), list[size_t(i)], depth + 1);
        if (int(list.size()) > shown) {
            auto *more = new QTreeWidgetItem(item);
            more->setText(ValueColumn, tr("\u2026 and %1 more").arg(int(list.size()) - shown));
            more->setForeground(ValueColumn, colors.hint);
        }
        break;
    }
    case Value::Type::Map: {
        text = value.toDisplayString(kPreviewLength);
        type = tr("dict (%1)").arg(value.size());
        const Value::Map &map = value.asMap();
        const int shown = int(qMin<size_t>(map.size(), kMaxChildren));
        for (int i = 0; i < shown; ++i) {
            const auto &[k, v] = map[size_t(i)];
            // String keys read as names; other keys keep their literal form (1, true, ...).
            addValue(item, k.isString() ? k.toString() : k.toDisplayString(200), v, depth + 1);
        }
        if (int(map.size()) > shown) {
            auto *more = new QTreeWidgetItem(item);
            more->setText(ValueColumn, tr("\u2026 and %1 more").arg(int(map.size()) - shown));
            more->setForeground(ValueColumn, colors.hint);
        }
        break;
    }
    case Value::Type::Object:
        text = value.toDisplayString(kMaxValueText);
        type = value.object()->typeName();
        break;
    }
    item->setText(ValueColumn, text);
    item->setText(TypeColumn, type);
    if (color.isValid())
        item->setForeground(ValueColumn, color);
    if (value.isList() || value.isMap())
        item->setForeground(ValueColumn, colors.hint);
    else if (item->toolTip(ValueColumn).isEmpty() && !text.isEmpty())
        item->setToolTip(ValueColumn, text); // may be cut in the column
    return item;
}

bool MessageDetailsWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_hex->viewport() && event->type() == QEvent::Resize)
        updateBytesPerLine();
    return QWidget::eventFilter(watched, event);
}

void MessageDetailsWidget::updateBytesPerLine()
{
    const auto lineLength = [](int n) { return 8 + 2 + 3 * n + (n > 8 ? 1 : 0) + 2 + n + 1; };
    const int charWidth = qMax(1, QFontMetrics(m_hex->font()).horizontalAdvance(u'0'));
    const int available = m_hex->viewport()->width() - 2 * int(m_hex->document()->documentMargin());
    const int fitting = lineLength(16) * charWidth <= available ? 16 : 8;
    if (fitting == m_bytesPerLine)
        return;
    m_bytesPerLine = fitting;
    if (!m_bytes.isEmpty())
        m_hex->setPlainText(hexDump(m_bytes, 64 * 1024, m_bytesPerLine));
}

void MessageDetailsWidget::setBytes(const QByteArray &bytes, const QString &placeholder)
{
    m_bytes = bytes;
    if (bytes.isEmpty()) {
        m_hex->clear();
        m_hex->setPlaceholderText(placeholder);
        m_hexSummary->clear();
        // A new placeholder on an already empty editor is not repainted by itself: the old
        // text would stay on screen.
        m_hex->viewport()->update();
        return;
    }
    m_hex->setPlainText(hexDump(bytes, 64 * 1024, m_bytesPerLine));
    if (bytes.size() >= kFrameHeaderSize)
        m_hexSummary->setText(tr("%1: %2-byte header + %3-byte payload")
                                  .arg(sizeText(bytes.size()))
                                  .arg(kFrameHeaderSize)
                                  .arg(bytes.size() - kFrameHeaderSize));
    else
        m_hexSummary->setText(sizeText(bytes.size()));
}

QString MessageDetailsWidget::hexDump(const QByteArray &bytes, qsizetype maxBytes, int bytesPerLine)
{
    const int perLine = qBound(1, bytesPerLine, 64);
    const qsizetype count = qMin(bytes.size(), qMax<qsizetype>(0, maxBytes));
    QString out;
    out.reserve((count / perLine + 2) * 80);
    static const char hexDigits[] = "0123456789abcdef";
    for (qsizetype offset = 0; offset < count; offset += perLine) {
        if (offset > 0)
            out += u'\n';
        out += QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < perLine; ++i) {
            if (i > 0 && i % 8 == 0)
                out += u' ';
            if (offset + i < count) {
                const auto byte = uchar(bytes[offset + i]);
                out += QLatin1Char(hexDigits[byte >> 4]);
                out += QLatin1Char(hexDigits[byte & 0xf]);
                out += u' ';
                ascii += byte >= 0x20 && byte < 0x7f ? QLatin1Char(char(byte)) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
        }
        out += QStringLiteral(" |");
        out += ascii;
        out += u'|';
    }
    if (bytes.size() > count)
        out += u'\n' + tr("\u2026 %1 of %2 bytes shown").arg(count).arg(bytes.size());
    return out;
}

} // namespace mas::ui
