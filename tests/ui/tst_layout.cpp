// SPDX-License-Identifier: MIT
// Nothing cut off: the real window at 1280×720 (and 1920×1080) in English, German and French,
// with a running demo. Every visible column of the event table, the pending list and the System
// tree shows its header whole, and every visible cell fits its column or is elided with its full
// text in its tooltip (only where that is allowed: a message's content); tables hold one line a
// row. Labels and buttons of the docks, the details pane and the dialogs (Explore, Attach) fit
// their widgets. The sequence diagram's export contains every text it paints, all lanes are in
// reach of the scroll bar, and they follow the system's order of agents.
// And what the details pane shows of a message it had said nothing about: the raw bytes of a
// sent message, and no stale text after the selection changes.

#include "models/agenttreemodel.h"
#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "models/pendingmodel.h"
#include "views/sequencediagramview.h"
#include "widgets/attachdialog.h"
#include "widgets/exploredialog.h"
#include "widgets/inspectorwindow.h"
#include "widgets/messagedetailswidget.h"
#include "widgets/mosaikdialog.h"
#include "widgets/tapdialog.h"

#include <mas/system/explorer.h>
#include <mas/system/system.h>
#include <mas/system/systemagent.h>
#include <mas/transport/localnetwork.h>

#include <QAbstractButton>
#include <QDockWidget>
#include <QGuiApplication>
#include <QtEndian>
#include <QHeaderView>
#include <QLabel>
#include <QPaintEngine>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>
#include <QTextItem>
#include <QTranslator>
#include <QTreeView>

using namespace mas;
using namespace mas::ui;

namespace {

/// A paint device that keeps where every text was drawn (device coordinates), nothing else.
class TextRecorder : public QPaintEngine
{
public:
    TextRecorder()
        : QPaintEngine(QPaintEngine::AllFeatures)
    {}
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    // Every other shape ends up in one of these two (the defaults of the rest call them).
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawPath(const QPainterPath &) override {}
    void drawTextItem(const QPointF &p, const QTextItem &item) override
    {
        const QRectF r(p.x(), p.y() - item.ascent(), item.width(), item.ascent() + item.descent());
        texts.append({item.text(), painter()->combinedTransform().mapRect(r)});
    }
    Type type() const override { return QPaintEngine::User; }

    QList<QPair<QString, QRectF>> texts;
};

class TextDevice : public QPaintDevice
{
public:
    explicit TextDevice(QSize size)
        : m_size(size)
    {}
    QPaintEngine *paintEngine() const override { return &m_engine; }
    const QList<QPair<QString, QRectF>> &texts() const { return m_engine.texts; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        case PdmNumColors:
            return INT_MAX;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(QPaintDevice::devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QSize m_size;
    mutable TextRecorder m_engine;
};

/// The text without its mnemonic marks ("&Ziel:" → "Ziel:").
QString withoutMnemonic(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text;
}

/// Whether `toolTip` holds all of `text` (an elided preview ends in "…").
bool holdsFullText(const QString &toolTip, QString text)
{
    if (text.endsWith(u'…'))
        text.chop(1);
    return !toolTip.isEmpty() && toolTip.contains(text.trimmed());
}

/// What is cut off in `view`: header sections narrower than their text, cells whose text does
/// not fit (unless `elidable` allows the column and the tooltip holds the text), rows taller
/// than one line. Only what is on screen: visible columns, rows in the viewport.
QStringList cutOff(const QString &name, QAbstractItemView *view, QHeaderView *header, const QList<int> &elidable,
                   int *checked)
{
    QStringList problems;
    QAbstractItemModel *model = view->model();
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const QFontMetrics headerFm(header->font());
    for (int column = 0; column < model->columnCount(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        const QString text = model->headerData(column, Qt::Horizontal).toString();
        const int needed = headerFm.horizontalAdvance(text) + 2 * margin;
        if (needed > header->sectionSize(column))
            problems << QStringLiteral("%1 header \"%2\": %3 px needed, %4 px wide")
                            .arg(name, text)
                            .arg(needed)
                            .arg(header->sectionSize(column));
    }
    const QFontMetrics fm(view->font());
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    const int icon = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
    option.decorationSize = view->iconSize().isValid() ? view->iconSize() : QSize(icon, icon);
    const QRect viewport = view->viewport()->rect();
    // Every index on screen, the children of a tree's expanded rows included.
    QList<QModelIndex> parents{QModelIndex()};
    while (!parents.isEmpty()) {
        const QModelIndex parent = parents.takeFirst();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            for (int column = 0; column < model->columnCount(parent); ++column) {
                if (header->isSectionHidden(column))
                    continue;
                const QModelIndex index = model->index(row, column, parent);
                if (column == 0 && model->hasChildren(index))
                    parents << index;
                const QRect rect = view->visualRect(index);
                if (!rect.isValid() || !viewport.intersects(rect))
                    continue;
                const QString text = index.data().toString();
                if (text.isEmpty())
                    continue;
                ++*checked;
                if (rect.height() >= 2 * fm.height())
                    problems << QStringLiteral("%1 row %2: %3 px high, more than one line").arg(name).arg(row).arg(rect.height());
                const int needed = view->itemDelegateForIndex(index)->sizeHint(option, index).width();
                if (needed <= rect.width())
                    continue;
                if (elidable.contains(column) && holdsFullText(index.data(Qt::ToolTipRole).toString(), text))
                    continue;
                problems << QStringLiteral("%1 cell (%2, %3) \"%4\": %5 px needed, %6 px wide")
                                .arg(name)
                                .arg(row)
                                .arg(column)
                                .arg(text.left(60))
                                .arg(needed)
                                .arg(rect.width());
            }
        }
    }
    return problems;
}

/// Labels and buttons under `root` that are visible and cut off.
QStringList cutOffWidgets(const QString &name, QWidget *root)
{
    QStringList problems;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root) || label->text().isEmpty() || label->textFormat() == Qt::RichText
            || Qt::mightBeRichText(label->text()) || !label->pixmap().isNull())
            continue;
        const QRect area = label->contentsRect().adjusted(label->margin(), label->margin(), -label->margin(), -label->margin());
        if (label->wordWrap()) {
            if (label->heightForWidth(label->width()) > label->height() + 1)
                problems << QStringLiteral("%1 label \"%2\": %3 px high needed, %4 px")
                                .arg(name, label->text().left(60))
                                .arg(label->heightForWidth(label->width()))
                                .arg(label->height());
            continue;
        }
        const QString text = label->buddy() ? withoutMnemonic(label->text()) : label->text();
        int needed = 0;
        for (const QString &line : text.split(u'\n'))
            needed = qMax(needed, label->fontMetrics().horizontalAdvance(line));
        // A value that is cut (an address in the details) has the whole of it in its tooltip.
        if (needed > area.width() && !holdsFullText(label->toolTip(), text))
            problems << QStringLiteral("%1 label \"%2\": %3 px needed, %4 px wide")
                            .arg(name, text.left(60))
                            .arg(needed)
                            .arg(area.width());
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(root) || button->text().isEmpty())
            continue;
        if (button->sizeHint().width() > button->width())
            problems << QStringLiteral("%1 button \"%2\": %3 px needed, %4 px wide")
                            .arg(name, button->text())
                            .arg(button->sizeHint().width())
                            .arg(button->width());
    }
    return problems;
}

/// A dialog's title fits its frame (with room for the frame's buttons).
QStringList titleCutOff(const QString &name, QDialog *dialog)
{
    QFont bold = dialog->font();
    bold.setBold(true);
    // as the frame shows it: "Explore Interleavings — MAS Inspector"
    const QString shown = dialog->windowTitle() + QStringLiteral(" \u2014 ") + QGuiApplication::applicationDisplayName();
    const int needed = QFontMetrics(bold).horizontalAdvance(shown) + 100;
    if (needed > dialog->width())
        return {QStringLiteral("%1 title \"%2\": %3 px needed, %4 px wide")
                    .arg(name, dialog->windowTitle())
                    .arg(needed)
                    .arg(dialog->width())};
    return {};
}

} // namespace

class tst_Layout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void nothingCutOff_data();
    void nothingCutOff();
    void rawBytesOfSentMessages();

private:
    QTranslator *m_translator = nullptr;
};

void tst_Layout::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_layout"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("MAS Inspector")); // in window titles, as main() sets it
    QSettings().clear(); // no saved window geometry or state
    QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
    QVERIFY(mas::system::SystemRegistry::global().find(u"leader-election"));
}

void tst_Layout::cleanup()
{
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator);
        delete m_translator;
        m_translator = nullptr;
    }
    QLocale::setDefault(QLocale::c());
    QSettings().clear();
}

void tst_Layout::nothingCutOff_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const char *language : {"en", "de", "fr"}) {
        QTest::addRow("%s 1280x720", language) << QString::fromLatin1(language) << QSize(1280, 720);
        QTest::addRow("%s 1920x1080", language) << QString::fromLatin1(language) << QSize(1920, 1080);
    }
}

void tst_Layout::nothingCutOff()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    // What mas-inspector's main() does for the language (the built-in catalogues).
    QLocale::setDefault(QLocale(language));
    if (language != u"en") {
        m_translator = new QTranslator;
        QVERIFY(m_translator->load(QStringLiteral(":/i18n/mas_%1.qm").arg(language)));
        QVERIFY(QCoreApplication::installTranslator(m_translator));
    }

    InspectorWindow window;
    window.setWindowState(Qt::WindowNoState);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), size);

    // A demo with content in every view: five nodes, messages delivered and pending.
    mas::system::Parameters p;
    p.agents = 5;
    // Plumbing shown: every frame a row, the most content to fit (the teaching view shows the
    // same columns with fewer rows).
    window.setShowPlumbing(true);
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    for (int i = 0; i < 55; ++i) { // over 100 events: three-digit numbers at the end
        // Handlers run from the event loop: the next message is pending a moment later.
        QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
        QVERIFY(window.stepOnce());
    }
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
    window.store()->flush();
    QTRY_VERIFY_WITH_TIMEOUT(window.pendingTable()->model()->rowCount() > 0, 5000);
    // A message selected: its details and raw bytes are shown.
    quint64 selected = 0;
    for (const TrafficEvent &e : window.store()->events()) {
        if (e.kind == TrafficEvent::Kind::Sent && e.type == MessageType::Request)
            selected = e.messageId;
    }
    QVERIFY(selected);
    window.store()->setSelectedMessage(selected);
    window.pendingTable()->selectRow(0);
    QCoreApplication::processEvents();
    QTest::qWait(50); // lets the layouts settle (no condition to wait on: nothing changes after)

    QStringList problems;
    // (and enough cells seen that the check means something: at 1280×720, below three lines of
    // tool bars (System, Stepping, Look Ahead), the event table shows four rows)
    int cells = 0;
    problems << cutOff(QStringLiteral("event table"), window.messageTable(), window.messageTable()->horizontalHeader(),
                       {EventTableModel::ContentColumn}, &cells);
    QVERIFY2(cells >= 4 * 6, qPrintable(QString::number(cells)));
    cells = 0;
    problems << cutOff(QStringLiteral("pending list"), window.pendingTable(), window.pendingTable()->horizontalHeader(), {},
                       &cells);
    QVERIFY2(cells >= 2 * 5, qPrintable(QString::number(cells)));
    QTreeView *tree = nullptr;
    for (QTreeView *t : window.findChildren<QTreeView *>()) {
        if (qobject_cast<AgentTreeModel *>(t->model()))
            tree = t;
    }
    QVERIFY(tree);
    // The same at the end of the table, where the numbers are longer (scrolled to: rows that
    // were not on screen when the columns were last measured).
    window.messageTable()->scrollToBottom();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    cells = 0;
    problems << cutOff(QStringLiteral("event table (end)"), window.messageTable(),
                       window.messageTable()->horizontalHeader(), {EventTableModel::ContentColumn}, &cells);
    QVERIFY2(cells >= 4 * 6, qPrintable(QString::number(cells)));
    // The System tree measures changed states again at most every 200 ms while they change.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 int seen = 0;
                                 return cutOff(QStringLiteral("System tree"), tree, tree->header(), {}, &seen).isEmpty();
                             }()),
                             2000);
    cells = 0;
    problems << cutOff(QStringLiteral("System tree"), tree, tree->header(), {}, &cells);
    QVERIFY2(cells >= 3 * 3, qPrintable(QString::number(cells)));
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        dock->raise(); // the Call panel shares a tab with the clock
        QCoreApplication::processEvents();
        if (dock->isVisible()) // not the co-simulation's, shown with a mosaik simulator only
            problems << cutOffWidgets(dock->objectName(), dock);
    }
    problems << cutOffWidgets(QStringLiteral("window"), window.centralWidget());

    // The dialogs, as the menus open them.
    {
        ExploreDialog explore(mas::system::Explorer::propertyNames(window.system()), &window);
        explore.show();
        QVERIFY(QTest::qWaitForWindowExposed(&explore));
        problems << cutOffWidgets(QStringLiteral("Explore dialog"), &explore);
        problems << titleCutOff(QStringLiteral("Explore dialog"), &explore);
    }
    {
        AttachDialog attach(&window);
        attach.show();
        QVERIFY(QTest::qWaitForWindowExposed(&attach));
        problems << cutOffWidgets(QStringLiteral("Attach dialog"), &attach);
        problems << titleCutOff(QStringLiteral("Attach dialog"), &attach);
    }
    {
        TapDialog tap(&window);
        tap.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tap));
        problems << cutOffWidgets(QStringLiteral("Tap dialog"), &tap);
        problems << titleCutOff(QStringLiteral("Tap dialog"), &tap);
    }
    {
        MosaikDialog mosaik(&window);
        mosaik.show();
        QVERIFY(QTest::qWaitForWindowExposed(&mosaik));
        problems << cutOffWidgets(QStringLiteral("mosaik dialog"), &mosaik);
        problems << titleCutOff(QStringLiteral("mosaik dialog"), &mosaik);
    }

    // The sequence diagram: lanes in the system's order, all within reach, every text inside.
    SequenceDiagramView *diagram = window.sequenceView();
    QStringList agents;
    for (const mas::system::SystemAgent *agent : window.system()->agents())
        agents << agent->address();
    QCOMPARE(window.store()->participants().mid(0, agents.size()), agents);
    QCOMPARE(diagram->lifelineCount(), 5);
    const QScrollBar *h = diagram->horizontalScrollBar();
    const int reach = h->maximum() + diagram->viewport()->width();
    for (int lane = 0; lane < diagram->lifelineCount(); ++lane) {
        const int x = diagram->lifelineX(lane) + h->value();
        if (x + diagram->columnWidth() / 2 > reach)
            problems << QStringLiteral("diagram lane %1 at %2 beyond the scroll range %3").arg(lane).arg(x).arg(reach);
    }
    const QSize exportSize = diagram->exportSize();
    TextDevice device(exportSize);
    {
        QPainter painter(&device);
        diagram->render(&painter, QRectF());
    }
    QVERIFY(!device.texts().isEmpty());
    const QRectF scene = QRectF(QPointF(0, 0), QSizeF(exportSize)).adjusted(-0.5, -0.5, 0.5, 0.5);
    QStringList painted;
    for (const auto &[text, rect] : device.texts()) {
        painted << text;
        if (!scene.contains(rect))
            problems << QStringLiteral("diagram text \"%1\" at (%2, %3, %4×%5) outside the export (%6×%7)")
                            .arg(text)
                            .arg(rect.x())
                            .arg(rect.y())
                            .arg(rect.width())
                            .arg(rect.height())
                            .arg(exportSize.width())
                            .arg(exportSize.height());
    }
    // Texts do not overlap where they are laid out side by side: the header's lane names and
    // its "time" and "event" over the gutter.
    const QList<QPair<QString, QRectF>> &texts = device.texts();
    for (qsizetype i = 0; i < texts.size(); ++i) {
        for (qsizetype j = i + 1; j < texts.size(); ++j) {
            const QRectF a = texts[i].second;
            const QRectF b = texts[j].second;
            if (a.bottom() < diagram->rowRect(0).top() + diagram->verticalScrollBar()->value()
                && b.bottom() < diagram->rowRect(0).top() + diagram->verticalScrollBar()->value()
                && a.adjusted(0.5, 0.5, -0.5, -0.5).intersects(b.adjusted(0.5, 0.5, -0.5, -0.5)))
                problems << QStringLiteral("diagram header texts \"%1\" and \"%2\" overlap").arg(texts[i].first, texts[j].first);
        }
    }
    // Every lane's name whole in its header.
    for (const QString &address : agents) {
        // The lane's name: the system's name for the agent ("node 1 (id 25)").
        const QString name = window.viewStore()->displayName(address);
        if (!painted.contains(name))
            problems << QStringLiteral("diagram lane \"%1\" (%2) not shown whole").arg(name, address);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_Layout::rawBytesOfSentMessages()
{
    InspectorWindow window;
    window.show();
    mas::system::Parameters p;
    p.agents = 3;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    for (int i = 0; i < 6; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
        QVERIFY(window.stepOnce());
    }
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
    window.store()->flush();
    auto *details = window.findChild<MessageDetailsWidget *>();
    QVERIFY(details);
    QPlainTextEdit *hex = details->hexView();
    auto *summary = details->findChild<QLabel *>(QStringLiteral("hexSummary"));
    QVERIFY(summary);

    // A delivered message, selected in the table (as a click does): its Sent event's frame.
    const TrafficEvent *delivered = nullptr;
    for (const TrafficEvent &e : window.store()->events()) {
        if (e.kind == TrafficEvent::Kind::Delivered && e.type == MessageType::Request)
            delivered = &e;
    }
    QVERIFY(delivered);
    const QByteArray frame = window.store()->frame(delivered->messageId);
    QCOMPARE(frame.size(), delivered->size);
    QCOMPARE(qFromBigEndian<quint32>(frame.constData()), quint32(frame.size() - 4)); // the frame header
    window.store()->setSelectedMessage(delivered->messageId);
    QCOMPARE(details->messageId(), delivered->messageId);
    QCOMPARE(hex->toPlainText(), MessageDetailsWidget::hexDump(frame, 64 * 1024, details->bytesPerLine()));
    QVERIFY(!summary->text().isEmpty());

    // A message still waiting, selected in the table: its bytes too (the same as the queue's).
    const TrafficEvent *waiting = nullptr;
    for (const TrafficEvent &e : window.store()->events()) {
        const EventStore::MessageSpan *span = window.store()->span(e.messageId);
        if (e.kind == TrafficEvent::Kind::Sent && span && span->end < 0)
            waiting = &e;
    }
    QVERIFY(waiting);
    const std::optional<PendingMessage> pending = LocalNetwork::instance()->pendingMessage(waiting->messageId);
    QVERIFY(pending);
    window.store()->setSelectedMessage(waiting->messageId);
    QCOMPARE(hex->toPlainText(), MessageDetailsWidget::hexDump(pending->frame, 64 * 1024, details->bytesPerLine()));

    // Nothing selected: no bytes of the message before, and the placeholder says so.
    window.store()->setSelectedMessage(0);
    QVERIFY(hex->toPlainText().isEmpty());
    QVERIFY(summary->text().isEmpty());
    QCOMPARE(hex->placeholderText(), QStringLiteral("Select a message to see its content and bytes."));
    // A message the store does not know: cleared as well, not the last one's details.
    window.store()->setSelectedMessage(delivered->messageId);
    QVERIFY(!hex->toPlainText().isEmpty());
    window.store()->setSelectedMessage(999999);
    QVERIFY(hex->toPlainText().isEmpty());
    QCOMPARE(details->messageId(), quint64(0));
}

QTEST_MAIN(tst_Layout)
#include "tst_layout.moc"
