// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/value.h>
#include <mas/trace/messagelabel.h>

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace mas {
struct PendingMessage;
struct TrafficEvent;
} // namespace mas

namespace mas::ui {

/// One message in detail: its header fields, its decoded content as an expandable tree
/// (lists and maps open, strings quoted, every value with its type) and its raw bytes as a hex
/// dump (offset, hex, ASCII).
///
/// \code
/// auto *details = new mas::ui::MessageDetailsWidget(this);
/// details->showPending(queue->pendingMessages().first());
/// details->showEvent(store->at(row));          // no frame bytes: the hex pane says so
/// details->clear();
/// \endcode
/// Children, found by object name in tests: "contentTree" (QTreeWidget: key, value, type),
/// "hexView" (QPlainTextEdit), "field_<name>" (QLabel per header field).
class MessageDetailsWidget : public QWidget
{
    Q_OBJECT

public:
    /// The header fields, in display order.
    enum class Field
    {
        Id,
        Event,
        Type,
        From,
        To,
        Path,
        RequestId,
        Size,
        SimTime
    };
    Q_ENUM(Field)

    enum TreeColumn
    {
        KeyColumn,
        ValueColumn,
        TypeColumn
    };

    explicit MessageDetailsWidget(QWidget *parent = nullptr);
    ~MessageDetailsWidget() override;

    // operations
    /// Shows a recorded event; `frameBytes` (if known) fill the hex dump.
    /// Names for the From and To fields ("manager"; name and address in their tooltips); without a
    /// name, or without a lookup, the address itself.
    void setNameLookup(NameLookup names) { m_names = std::move(names); }
    void showEvent(const TrafficEvent &event, const QByteArray &frameBytes = {});
    /// Shows a frame waiting in the queue (content decoded from its bytes).
    void showPending(const PendingMessage &message);
    /// Shows nothing ("No message selected").
    void clear();

    // inspection
    /// The text shown for a header field ("" when cleared).
    QString fieldText(Field field) const;
    QTreeWidget *contentTree() const { return m_tree; }
    QPlainTextEdit *hexView() const { return m_hex; }
    /// The id of the message shown (0: none).
    quint64 messageId() const { return m_messageId; }
    /// Bytes per hex dump line: 16 when the pane is wide enough, else 8.
    int bytesPerLine() const { return m_bytesPerLine; }

    /// `hexdump -C` style lines: "00000000  5b 30 2c 20 ... |[0, ...|"; at most `maxBytes`
    /// are dumped, followed by a line saying how many were left out.
    static QString
    hexDump(const QByteArray &bytes, qsizetype maxBytes = 64 * 1024, int bytesPerLine = 16);

protected:
    using QWidget::showEvent; // the QShowEvent handler, not hidden by our overload
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setField(Field field, const QString &text, const QString &toolTip = {});
    void setContent(const Value &content, MessageType type, bool isRequestContent);
    void setContentError(const QString &message);
    void setBytes(const QByteArray &bytes, const QString &placeholder);
    void updateBytesPerLine();
    QTreeWidgetItem *
    addValue(QTreeWidgetItem *parent, const QString &key, const Value &value, int depth);

    QList<QLabel *> m_fields;
    QLabel *m_title = nullptr;
    QTreeWidget *m_tree = nullptr;
    QPlainTextEdit *m_hex = nullptr;
    QLabel *m_hexSummary = nullptr;
    QByteArray m_bytes;
    quint64 m_messageId = 0;
    NameLookup m_names;
    void setAddressField(Field field, const QString &address);
    int m_itemCount = 0;
    int m_bytesPerLine = 16;
};

} // namespace mas::ui
