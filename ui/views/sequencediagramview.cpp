// SPDX-License-Identifier: MIT
#include "sequencediagramview.h"

#include "models/causalslicer.h"
#include "models/eventtablemodel.h"
#include "models/eventstore.h"
#include "views/viewpainting_p.h"

#include <mas/trace/agentpath.h>
#include <mas/trace/messagelabel.h>

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QImage>
#include <QKeyEvent>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QScrollBar>
#include <QSet>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <vector>

namespace mas::ui {

using namespace detail;

namespace {

Q_LOGGING_CATEGORY(lcSequence, "mas.ui.sequence")

using Kind = TrafficEvent::Kind;

constexpr int kBaseColumnWidth = 150;
constexpr int kMinColumnWidth = 48;
constexpr double kZoomStep = 1.25;
constexpr qsizetype kBucket = 64; // rows per bucket of the crossing index
// A rebuild (the store's reset()) indexes at least kRebuildRows events, then goes on while
// under kRebuildSliceMs, and indexes the rest a slice per turn of the event loop: a file of
// 1,000,000 events becomes the window's without holding it long.
constexpr qsizetype kRebuildRows = 50'000;
constexpr qint64 kRebuildSliceMs = 10;
constexpr qreal kHitDistance = 5;
constexpr qreal kAnchor = 0.7; // arrows leave and arrive at 70% of a row's height
constexpr int kSelfLoop = 26;  // width of a message's loop back to its own lifeline

bool startsArrow(Kind kind)
{
    return kind == Kind::Sent || kind == Kind::Duplicated;
}

/// Where and how one message arrow is drawn.
struct Arrow
{
    qsizetype sent = -1;
    qsizetype end = -1; // -1: in flight
    Kind endKind = Kind::Delivered;
    int from = -1;
    int to = -1;
    const TrafficEvent *event = nullptr;

    bool inFlight() const { return end < 0; }
};

/// What the view keeps per event, so that painting needs no hash lookups.
struct RowInfo
{
    int from = -1;  ///< participant index of the sender
    int to = -1;    ///< participant index of the receiver
    int other = -1; ///< Sent: the row of its delivery or drop (-1 in flight); end: the Sent row
};

} // namespace

/// What one paint covers: the screen (viewport size, scroll position) or an export.
struct SequenceFrame
{
    QSize size;
    int scrollX = 0;
    qint64 scrollY = 0;
    qsizetype firstRow = 0; // rows outside [firstRow, lastRow] are not painted (export window)
    qsizetype lastRow = -1;
    int columns = 0; // lifelines painted
    QString footer;
    bool screen = true;
};

class SequenceDiagramViewPrivate
{
public:
    explicit SequenceDiagramViewPrivate(SequenceDiagramView *view)
        : q(view)
    {}

    // indexing
    void rebuild();
    /// Indexes the next events of a rebuild (see kRebuildRows); whether some are left.
    bool indexSlice();
    /// The next slice of a rebuild, at a later turn of the event loop.
    void indexMore();
    /// Indexes the store's events from `count` (the first the view does not know) to `last`:
    /// also those before an announced batch while a rebuild is still going on.
    void indexEvents(qsizetype last);
    void addCrossing(qsizetype sent, qsizetype end);
    void updateLabels();
    void updateMetrics();
    void updateColumnWidth();
    void updateScrollBars();

    // geometry
    bool arrowFor(qsizetype sentRow, Arrow *arrow) const;
    template<typename F>
    void forEachArrow(qsizetype r0, qsizetype r1, F &&fn) const;
    QPolygonF arrowPath(const Arrow &arrow, const SequenceFrame &f) const;
    void paintViolationMark(QPainter *p, const Arrow &a, const SequenceFrame &f, const ViewColors &c) const;
    qreal rowTop(qsizetype row, const SequenceFrame &f) const
    {
        return headerH + qreal(row) * rowH - qreal(f.scrollY);
    }
    qreal anchorY(qsizetype row, const SequenceFrame &f) const
    {
        return rowTop(row, f) + rowH * kAnchor;
    }
    qreal columnX(int column, const SequenceFrame &f) const
    {
        return gutterW + qreal(column) * colW + colW / 2.0 - f.scrollX;
    }
    /// Room right of the last lane: a message to itself there has its loop and label in it.
    int rightMargin() const { return colW / 2 + 8; }
    int rowsAreaHeight(const SequenceFrame &f) const
    {
        return f.size.height() - headerH - (f.footer.isEmpty() ? 0 : footerH);
    }
    void visibleRows(const SequenceFrame &f, qsizetype *r0, qsizetype *r1) const;
    SequenceFrame screenFrame() const;
    SequenceFrame exportFrame() const;
    quint64 arrowAt(const QPointF &pos, const SequenceFrame &f, qreal *distance) const;
    qsizetype messageRow(quint64 messageId) const;
    void setZoom(double zoom, const QPoint &anchor);
    /// Row height and column width from the zoom and the font's size (text grows with the
    /// window's zoom, and the rows with it).
    void updateSpacing();
    QFont labelFont() const;
    void selectNeighbour(int direction);
    QString labelFor(const TrafficEvent &e) const;
    QString sequenceOf(quint64 messageId) const;

    // painting
    void paint(QPainter *p, const SequenceFrame &f) const;
    void paintArrow(QPainter *p,
                    const Arrow &a,
                    const SequenceFrame &f,
                    const ViewColors &c,
                    const QRectF &clip,
                    bool selected) const;
    void paintLabel(QPainter *p,
                    const Arrow &a,
                    const SequenceFrame &f,
                    const ViewColors &c,
                    const QFont &font,
                    bool selected) const;
    void paintAnnotation(QPainter *p,
                         qsizetype row,
                         const SequenceFrame &f,
                         const ViewColors &c,
                         const QFont &font,
                         bool textPass,
                         QRectF *measured = nullptr) const;
    /// The font of connection and clock notes.
    QFont noteFont() const;
    void paintGutter(
        QPainter *p, const SequenceFrame &f, const ViewColors &c, qsizetype r0, qsizetype r1) const;
    void paintHeader(QPainter *p, const SequenceFrame &f, const ViewColors &c) const;

    SequenceDiagramView *q;
    QPointer<EventStore> store;
    QPointer<CausalSlicer> slicer;
    /// Whether a causal slice is shown and neither end of arrow `a` is in it.
    bool isDimmed(const Arrow &a) const
    {
        return slicer && slicer->isActive() && slicer->isDimmed(a.sent) && (a.end < 0 || slicer->isDimmed(a.end));
    }

    // what the view knows: events [0, count) (announced by the store)
    qsizetype count = 0;
    QTimer rebuilding; // the rest of a large rebuild (indexMore())
    std::vector<RowInfo> rows; // one per known event
    int columns = 0;
    int arrows = 0;
    quint64 maxSequence = 0;
    // crossing[k]: sent rows of finished messages with sent < k * kBucket <= end
    std::vector<std::vector<qsizetype>> crossing;
    std::set<qsizetype> inFlight; // sent rows of messages not yet delivered or dropped
    QSet<quint64> closeFrames;    // message ids of Closed events (their delivery is no arrow)
    QStringList labels;           // short participant names

    // metrics
    double zoom = 1.0;
    bool highContrast = false;
    int rowH = SequenceDiagramView::kBaseRowHeight;
    int colW = kBaseColumnWidth;
    int baseColW = kBaseColumnWidth; // colW at zoom 1: fitted to the lanes' names and the view
    int headerH = 30;
    int gutterW = 100;
    int timeW = 60;
    int footerH = 24;

    // interaction
    Qt::MouseButton dragButton = Qt::NoButton;
    QPoint pressPos;
    QPoint lastPos;
    bool dragging = false;
    bool pressOnArrow = false;
    bool clicking = false; // a click selects: what was clicked is on screen already
};

// ---- indexing ----

void SequenceDiagramViewPrivate::rebuild()
{
    count = 0;
    rows.clear();
    columns = 0;
    arrows = 0;
    maxSequence = 0;
    crossing.clear();
    inFlight.clear();
    closeFrames.clear();
    updateLabels();
    const bool more = indexSlice();
    updateMetrics();
    updateColumnWidth();
    updateScrollBars();
    q->verticalScrollBar()->setValue(0);
    q->viewport()->update();
    if (more)
        rebuilding.start();
    else
        rebuilding.stop();
}

bool SequenceDiagramViewPrivate::indexSlice()
{
    if (!store)
        return false;
    const qsizetype last = store->size() - 1;
    rows.reserve(size_t(last + 1));
    QElapsedTimer slice;
    slice.start();
    while (count <= last) {
        indexEvents(std::min(last, count + 4095));
        if (count >= kRebuildRows && slice.elapsed() >= kRebuildSliceMs)
            break;
    }
    return count <= last;
}

void SequenceDiagramViewPrivate::indexMore()
{
    QScrollBar *v = q->verticalScrollBar();
    const int value = v->value();
    const bool more = indexSlice();
    updateMetrics();
    updateColumnWidth();
    updateScrollBars();
    v->setValue(value);
    q->viewport()->update();
    if (more)
        rebuilding.start();
}

void SequenceDiagramViewPrivate::indexEvents(qsizetype last)
{
    if (!store)
        return;
    last = std::min(last, store->size() - 1);
    if (last >= count)
        rows.reserve(size_t(last + 1));
    for (qsizetype i = count; i <= last; ++i) {
        const TrafficEvent &e = store->at(i);
        maxSequence = std::max(maxSequence, e.sequence);
        RowInfo info;
        info.from = e.from.isEmpty() ? -1 : store->participantIndex(e.from);
        info.to = e.to.isEmpty() ? -1 : store->participantIndex(e.to);
        // Participants get their indexes in order of first appearance, so the known events
        // use a prefix of them.
        columns = std::max({columns, info.from + 1, info.to + 1});
        rows.push_back(info);
        switch (e.kind) {
        case Kind::Sent:
        case Kind::Duplicated:
            ++arrows;
            inFlight.insert(i);
            break;
        case Kind::Delivered:
        case Kind::Dropped:
            if (const EventStore::MessageSpan *span = store->span(e.messageId);
                span && span->sent >= 0 && span->sent < i) {
                inFlight.erase(span->sent);
                addCrossing(span->sent, i);
                rows[size_t(span->sent)].other = int(i);
                rows[size_t(i)].other = int(span->sent);
            }
            break;
        case Kind::Closed:
            closeFrames.insert(e.messageId);
            break;
        default:
            break;
        }
        count = i + 1;
    }
}

void SequenceDiagramViewPrivate::addCrossing(qsizetype sent, qsizetype end)
{
    const qsizetype lastBucket = end / kBucket;
    if (qsizetype(crossing.size()) <= lastBucket)
        crossing.resize(size_t(lastBucket + 1));
    for (qsizetype k = sent / kBucket + 1; k <= lastBucket; ++k)
        crossing[size_t(k)].push_back(sent);
}

void SequenceDiagramViewPrivate::updateLabels()
{
    labels.clear();
    if (!store)
        return;
    for (const QString &address : store->participants())
        labels.push_back(store->displayName(address));
    // Every participant has its lane, also before its first shown event (a system's agents
    // from the start, when their first messages are folded-away plumbing).
    columns = std::max(columns, int(labels.size()));
    updateSpacing(); // the lanes are as wide as their names need
}

void SequenceDiagramViewPrivate::updateMetrics()
{
    const QFontMetrics fm(q->font());
    const QFontMetrics fixed(viewFixedFont(q->font()));
    headerH = fm.height() + 16;
    footerH = fm.height() + 10;
    const int digits = std::max(3, int(QString::number(maxSequence).size()));
    // As wide as the numbers and as the header's words ("événement" in French).
    timeW = std::max(fixed.horizontalAdvance(QStringLiteral("00000.00")),
                     fixed.horizontalAdvance(SequenceDiagramView::tr("time")) + 4) + 12;
    const int seqW = std::max(fixed.horizontalAdvance(QString(digits + 1, u'0')),
                              fixed.horizontalAdvance(SequenceDiagramView::tr("event"))) + 14;
    gutterW = timeW + seqW;
}

void SequenceDiagramViewPrivate::updateColumnWidth()
{
    // Wide enough for every lane's name in its header box, narrower than usual when that lets
    // all lanes fit the view (five agents in a 1280×720 window), wider for long names.
    const QFontMetrics fm(q->font());
    int needed = kMinColumnWidth;
    for (const QString &label : std::as_const(labels))
        needed = std::max(needed, fm.horizontalAdvance(label) + 22);
    const int lanes = std::max(1, columns);
    // lanes · w + rightMargin() = the view's width, rightMargin() being w / 2 + 8
    const int fitting = int((q->viewport()->width() - gutterW - 8) / (lanes + 0.5));
    baseColW = std::clamp(fitting, needed, std::max(kBaseColumnWidth, needed));
    const int width = std::max(kMinColumnWidth, int(std::lround(baseColW * zoom)));
    if (width == colW)
        return;
    colW = width;
    updateScrollBars();
    q->viewport()->update();
}

void SequenceDiagramViewPrivate::updateScrollBars()
{
    const QSize vp = q->viewport()->size();
    const qint64 rowsHeight = qint64(count + 2) * rowH; // the events, the "now" row, a margin
    const int areaH = std::max(0, vp.height() - headerH);
    QScrollBar *v = q->verticalScrollBar();
    v->setRange(0, int(std::clamp<qint64>(rowsHeight - areaH, 0, INT_MAX)));
    v->setPageStep(std::max(1, areaH));
    v->setSingleStep(rowH);
    const int columnsWidth = columns * colW + rightMargin();
    const int areaW = std::max(0, vp.width() - gutterW);
    QScrollBar *h = q->horizontalScrollBar();
    h->setRange(0, std::max(0, columnsWidth - areaW));
    h->setPageStep(std::max(1, areaW));
    h->setSingleStep(std::max(8, colW / 4));
}

// ---- geometry ----

bool SequenceDiagramViewPrivate::arrowFor(qsizetype sentRow, Arrow *arrow) const
{
    if (sentRow < 0 || sentRow >= count)
        return false;
    const TrafficEvent &e = store->at(sentRow);
    if (!startsArrow(e.kind))
        return false;
    const RowInfo &info = rows[size_t(sentRow)];
    arrow->sent = sentRow;
    arrow->event = &e;
    arrow->from = info.from;
    arrow->to = info.to;
    if (arrow->from < 0 || arrow->to < 0)
        return false;
    arrow->end = info.other;
    if (arrow->end >= 0)
        arrow->endKind = store->at(arrow->end).kind;
    return true;
}

template<typename F>
void SequenceDiagramViewPrivate::forEachArrow(qsizetype r0, qsizetype r1, F &&fn) const
{
    if (!store || count == 0)
        return;
    r0 = std::clamp<qsizetype>(r0, 0, count);
    r1 = std::min(r1, count); // row `count` is the "now" row where arrows in flight end
    if (r0 > r1)
        return;
    Arrow a;
    const qsizetype bucket = r0 / kBucket;
    const qsizetype bucketStart = bucket * kBucket;
    // Finished messages that started before this bucket and cross into it.
    if (bucket < qsizetype(crossing.size())) {
        for (qsizetype sent : crossing[size_t(bucket)]) {
            if (arrowFor(sent, &a) && a.end >= r0)
                fn(a);
        }
    }
    // Messages in flight that started before this bucket: they reach the "now" row.
    for (qsizetype sent : inFlight) {
        if (sent >= bucketStart)
            break;
        if (arrowFor(sent, &a))
            fn(a);
    }
    // Messages that start in this bucket up to the last visible row.
    for (qsizetype row = bucketStart; row <= std::min(r1, count - 1); ++row) {
        if (!startsArrow(store->at(row).kind) || !arrowFor(row, &a))
            continue;
        if (a.inFlight() || a.end >= r0)
            fn(a);
    }
}

QPolygonF SequenceDiagramViewPrivate::arrowPath(const Arrow &a, const SequenceFrame &f) const
{
    const qreal xs = columnX(a.from, f);
    const qreal xr = columnX(a.to, f);
    const qreal ys = anchorY(a.sent, f);
    const qreal ye = anchorY(a.inFlight() ? count : a.end, f);
    if (a.from == a.to) {
        const qreal xl = xs + kSelfLoop;
        return QPolygonF({QPointF(xs, ys), QPointF(xl, ys), QPointF(xl, ye), QPointF(xs + 2, ye)});
    }
    QPointF end(xr, ye);
    if (!a.inFlight() && a.endKind == Kind::Dropped)
        end.setX(xr + (xr > xs ? -12 : 12)); // it never arrived: the X stops short of the lifeline
    else
        end.setX(xr + (xr > xs ? -1.5 : 1.5)); // the arrowhead touches the lifeline
    return QPolygonF({QPointF(xs, ys), end});
}

void SequenceDiagramViewPrivate::visibleRows(const SequenceFrame &f,
                                             qsizetype *r0,
                                             qsizetype *r1) const
{
    // One row of margin on each side: arrowheads and labels reach into the neighbouring rows.
    *r0 = std::max<qsizetype>(f.firstRow, qsizetype(f.scrollY / rowH) - 1);
    *r1 = std::min<qsizetype>(f.lastRow, qsizetype((f.scrollY + rowsAreaHeight(f)) / rowH) + 1);
}

SequenceFrame SequenceDiagramViewPrivate::screenFrame() const
{
    SequenceFrame f;
    f.size = q->viewport()->size();
    f.scrollX = q->horizontalScrollBar()->value();
    f.scrollY = q->verticalScrollBar()->value();
    f.firstRow = 0;
    f.lastRow = count; // including the "now" row
    f.columns = columns;
    return f;
}

SequenceFrame SequenceDiagramViewPrivate::exportFrame() const
{
    SequenceFrame f;
    f.screen = false;
    f.columns = columns;
    int width = gutterW + columns * colW + rightMargin();
    if (width > SequenceDiagramView::kMaxExportHeight) {
        f.columns = std::max(1, (SequenceDiagramView::kMaxExportHeight - gutterW - rightMargin()) / colW);
        width = gutterW + f.columns * colW + rightMargin();
    }
    const qsizetype rows = count + 1; // the events and the "now" row
    const qint64 fullHeight = headerH + qint64(rows) * rowH + rowH / 2;
    const qint64 maxHeight = std::min<qint64>(SequenceDiagramView::kMaxExportHeight,
                                              SequenceDiagramView::kMaxExportPixels / width);
    f.firstRow = 0;
    f.lastRow = count;
    qint64 height = fullHeight;
    if (fullHeight > maxHeight) {
        // A window of rows around the middle of the screen.
        const qsizetype fit = std::max<qsizetype>(1, (maxHeight - headerH - footerH) / rowH);
        const QScrollBar *v = q->verticalScrollBar();
        const qsizetype centre = (qint64(v->value()) + v->pageStep() / 2) / rowH;
        f.firstRow = std::clamp<qsizetype>(centre - fit / 2, 0, rows - fit);
        f.lastRow = f.firstRow + fit - 1;
        height = headerH + qint64(fit) * rowH + footerH;
        f.footer = SequenceDiagramView::tr(
                       "Events %1 to %2 of %3: exports are limited to %4 pixels in height")
                       .arg(f.firstRow)
                       .arg(std::min(f.lastRow, count - 1))
                       .arg(count)
                       .arg(SequenceDiagramView::kMaxExportHeight);
    }
    if (f.columns < columns) {
        const QString more =
            SequenceDiagramView::tr("lifelines not shown: %1").arg(columns - f.columns);
        if (f.footer.isEmpty()) {
            f.footer = more;
            height += footerH;
        } else {
            f.footer += QStringLiteral("; ") + more;
        }
    }
    f.scrollY = qint64(f.firstRow) * rowH;
    // Notes beside the last lifelines ("connection 3 opened") may reach past them: the export
    // grows to hold every one.
    if (store && f.columns == columns) {
        const ViewColors c(q->palette());
        const QFont font = noteFont();
        qreal right = width;
        for (qsizetype row = f.firstRow; row <= std::min(f.lastRow, count - 1); ++row) {
            QRectF box;
            paintAnnotation(nullptr, row, f, c, font, true, &box);
            right = std::max(right, box.right() + 8);
        }
        width = int(std::min<qint64>(SequenceDiagramView::kMaxExportHeight, qint64(std::ceil(right))));
    }
    f.size = QSize(width, int(height));
    return f;
}

QFont SequenceDiagramViewPrivate::noteFont() const
{
    QFont font = q->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setItalic(true);
    return font;
}

quint64 SequenceDiagramViewPrivate::arrowAt(const QPointF &pos,
                                            const SequenceFrame &f,
                                            qreal *distance) const
{
    quint64 best = 0;
    qreal bestDistance = kHitDistance;
    qsizetype r0 = 0;
    qsizetype r1 = 0;
    visibleRows(f, &r0, &r1);
    forEachArrow(r0, r1, [&](const Arrow &a) {
        const QPolygonF path = arrowPath(a, f);
        for (qsizetype i = 1; i < path.size(); ++i) {
            const qreal d = distanceToSegment(pos, path[i - 1], path[i]);
            if (d <= bestDistance) {
                bestDistance = d;
                best = a.event->messageId;
            }
        }
    });
    if (distance)
        *distance = bestDistance;
    return best;
}

qsizetype SequenceDiagramViewPrivate::messageRow(quint64 messageId) const
{
    if (!store || messageId == 0)
        return -1;
    const EventStore::MessageSpan *span = store->span(messageId);
    if (!span || span->sent < 0 || span->sent >= count)
        return -1;
    return span->sent;
}

void SequenceDiagramViewPrivate::setZoom(double value, const QPoint &anchor)
{
    value = std::clamp(value, SequenceDiagramView::kMinZoom, SequenceDiagramView::kMaxZoom);
    if (qFuzzyCompare(value, zoom))
        return;
    QScrollBar *v = q->verticalScrollBar();
    QScrollBar *h = q->horizontalScrollBar();
    const bool following = v->value() >= v->maximum();
    // Keep the content under the anchor where it is.
    const qreal row = (v->value() + anchor.y() - headerH) / qreal(rowH);
    const qreal column = (h->value() + anchor.x() - gutterW) / qreal(colW);
    zoom = value;
    updateSpacing();
    v->setValue(following ? v->maximum() : int(std::lround(row * rowH - (anchor.y() - headerH))));
    h->setValue(int(std::lround(column * colW - (anchor.x() - gutterW))));
    q->viewport()->update();
    Q_EMIT q->zoomChanged(zoom);
}

void SequenceDiagramViewPrivate::updateSpacing()
{
    // Rows grow with the text (times the diagram's own zoom); lanes: updateColumnWidth().
    rowH = std::max(SequenceDiagramView::kMinRowHeight,
                    int(std::lround(SequenceDiagramView::kBaseRowHeight * zoom * viewFontScale(q->font()))));
    updateColumnWidth(); // a lane as wide as its name needs, all lanes in the view where they fit
    updateScrollBars();
}

QFont SequenceDiagramViewPrivate::labelFont() const
{
    QFont font = q->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.92);
    return font;
}

void SequenceDiagramViewPrivate::selectNeighbour(int direction)
{
    if (!store || count == 0)
        return;
    qsizetype row = messageRow(store->selectedMessage());
    if (row < 0) {
        // Nothing selected: start from the edge of the screen.
        qsizetype r0 = 0;
        qsizetype r1 = 0;
        visibleRows(screenFrame(), &r0, &r1);
        row = direction > 0 ? std::max<qsizetype>(0, r0) - 1 : std::min(r1, count - 1) + 1;
    }
    for (qsizetype i = row + direction; i >= 0 && i < count; i += direction) {
        const TrafficEvent &e = store->at(i);
        if (startsArrow(e.kind)) {
            store->setSelectedMessage(e.messageId);
            return;
        }
    }
}

QString SequenceDiagramViewPrivate::labelFor(const TrafficEvent &e) const
{
    // The label every view gives a message: "election(25)", "→ cfp: 7", "✗ poke: ValueError: …".
    QString label = mas::messageLabel(e, store ? store->nameLookup() : NameLookup());
    if (e.kind == Kind::Duplicated)
        label = SequenceDiagramView::tr("%1 (copy of #%2)").arg(label, sequenceOf(e.originalId));
    return label;
}

/// The event number (as the gutter shows it) of the message's Sent event; "?" if unknown.
QString SequenceDiagramViewPrivate::sequenceOf(quint64 messageId) const
{
    const EventStore::MessageSpan *span = store ? store->span(messageId) : nullptr;
    if (!span || span->sent < 0 || span->sent >= count)
        return QStringLiteral("?");
    return QString::number(store->at(span->sent).sequence);
}

// ---- painting ----

void SequenceDiagramViewPrivate::paint(QPainter *p, const SequenceFrame &f) const
{
    const ViewColors c(q->palette(), highContrast);
    const QRect all(QPoint(0, 0), f.size);
    p->fillRect(all, c.base);

    const QFont labelFont = this->labelFont();
    const QFont noteFont = this->noteFont();

    const int areaH = rowsAreaHeight(f);
    const QRect rowsArea(gutterW, headerH, std::max(0, f.size.width() - gutterW),
                         std::max(0, areaH));
    qsizetype r0 = 0;
    qsizetype r1 = -1;
    visibleRows(f, &r0, &r1);
    const quint64 selected = store ? store->selectedMessage() : 0;
    const qsizetype selectedRow = messageRow(selected);
    Arrow selectedArrow;
    const bool hasSelected = selectedRow >= 0 && arrowFor(selectedRow, &selectedArrow);

    p->save();
    p->setClipRect(rowsArea, Qt::IntersectClip);

    // Stripes and the selected message's rows.
    const qreal right = f.size.width();
    for (qsizetype row = std::max<qsizetype>(r0, 0); row <= std::min(r1, count - 1); ++row) {
        const QRectF r(0, rowTop(row, f), right, rowH);
        if (row % 2)
            p->fillRect(r, c.stripe);
        if (slicer && slicer->isActive()) {
            if (const QColor tint = EventTableModel::causalColor(slicer->mark(row), q->palette()); tint.isValid())
                p->fillRect(r, tint);
        }
        if (hasSelected && (row == selectedArrow.sent || row == selectedArrow.end))
            p->fillRect(r, c.accentBand);
    }

    // Lifelines.
    const int c0 = std::max(0, (f.scrollX - colW) / colW);
    const int c1 = std::min(f.columns - 1, (f.scrollX + rowsArea.width()) / colW + 1);
    const qreal lifelineBottom = std::min<qreal>(rowsArea.bottom() + 1, rowTop(count + 1, f));
    p->setPen(QPen(c.lifeline, 1));
    for (int col = c0; col <= c1; ++col) {
        const qreal x = std::floor(columnX(col, f)) + 0.5;
        p->drawLine(QPointF(x, headerH), QPointF(x, lifelineBottom));
    }

    const bool roomForText = rowH >= QFontMetrics(labelFont, p->device()).height() - 2;

    // Connection and clock events (their text comes after the arrows).
    const bool slicing = slicer && slicer->isActive();
    constexpr qreal kFaded = 0.22; // the opacity of what lies outside a causal slice
    for (qsizetype row = std::max<qsizetype>(r0, 0); row <= std::min(r1, count - 1); ++row) {
        p->setOpacity(slicing && slicer->isDimmed(row) ? kFaded : 1.0);
        paintAnnotation(p, row, f, c, noteFont, false);
    }
    p->setOpacity(1.0);

    // Arrows, then labels over them, then the selected message over everything.
    p->setRenderHint(QPainter::Antialiasing, true);
    const QRectF clip = QRectF(rowsArea).adjusted(-20, -20, 20, 20);
    std::vector<Arrow> starting;
    const quint64 violation = store ? store->violationMessage() : 0;
    std::optional<Arrow> violationArrow; // painted again over the labels, with its mark
    forEachArrow(r0, r1, [&](const Arrow &a) {
        if (a.event->messageId != selected) {
            p->setOpacity(isDimmed(a) ? kFaded : 1.0);
            paintArrow(p, a, f, c, clip, false);
            p->setOpacity(1.0);
        }
        if (a.sent >= r0 && a.sent <= r1)
            starting.push_back(a);
        if (violation && a.event->messageId == violation)
            violationArrow = a;
    });
    if (roomForText) {
        p->setRenderHint(QPainter::Antialiasing, false);
        for (qsizetype row = std::max<qsizetype>(r0, 0); row <= std::min(r1, count - 1); ++row) {
            p->setOpacity(slicing && slicer->isDimmed(row) ? kFaded : 1.0);
            paintAnnotation(p, row, f, c, noteFont, true);
        }
        p->setRenderHint(QPainter::Antialiasing, true);
        for (const Arrow &a : starting) {
            if (a.event->messageId != selected) {
                p->setOpacity(isDimmed(a) ? kFaded : 1.0);
                paintLabel(p, a, f, c, labelFont, false);
            }
        }
        p->setOpacity(1.0);
    }
    if (violationArrow && violationArrow->event->messageId != selected) {
        paintArrow(p, *violationArrow, f, c, clip, false);
        if (roomForText && violationArrow->sent >= r0 && violationArrow->sent <= r1)
            paintLabel(p, *violationArrow, f, c, labelFont, false);
    }
    if (violationArrow)
        paintViolationMark(p, *violationArrow, f, c);
    if (hasSelected) {
        paintArrow(p, selectedArrow, f, c, clip, true);
        if (roomForText && selectedArrow.sent >= r0 && selectedArrow.sent <= r1)
            paintLabel(p, selectedArrow, f, c, labelFont, true);
    }
    p->setRenderHint(QPainter::Antialiasing, false);

    if (count == 0 && f.screen) {
        p->setPen(c.muted);
        p->drawText(rowsArea, Qt::AlignCenter | Qt::TextWordWrap,
                    store ? SequenceDiagramView::tr(
                        "No messages yet.\nStart or step the system to see them here.")
                          : SequenceDiagramView::tr("No event store."));
    }
    p->restore();

    paintGutter(p, f, c, r0, r1);
    paintHeader(p, f, c);

    if (!f.footer.isEmpty()) {
        const QRect footer(0, f.size.height() - footerH, f.size.width(), footerH);
        p->fillRect(footer, c.panel);
        p->setPen(c.lifeline);
        p->drawLine(footer.topLeft(), footer.topRight());
        p->setPen(c.panelText);
        p->drawText(footer.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft,
                    QFontMetrics(q->font(), p->device())
                        .elidedText(f.footer, Qt::ElideRight, footer.width() - 16));
    }
}

void SequenceDiagramViewPrivate::paintArrow(QPainter *p,
                                            const Arrow &a,
                                            const SequenceFrame &f,
                                            const ViewColors &c,
                                            const QRectF &clip,
                                            bool selected) const
{
    const TrafficEvent &e = *a.event;
    const bool dropped = !a.inFlight() && a.endKind == Kind::Dropped;
    QColor color = c.forType(e.type);
    qreal width = (e.type == MessageType::Request ? 1.6 : 1.3) * c.lineScale;
    Qt::PenStyle style = Qt::SolidLine;
    if (a.inFlight()) {
        style = Qt::DashLine;
    } else if (dropped) {
        color = c.dropped;
        style = Qt::DashDotLine;
    }
    const bool violation = store && e.messageId != 0 && e.messageId == store->violationMessage();
    if (violation) {
        // The counterexample's violating step: red and thicker, with a mark at its end.
        color = c.failure;
        width += 1.2;
    }
    const QPolygonF path = arrowPath(a, f);
    if (selected) {
        QPen halo(c.accentHalo, width + 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        drawClippedPolyline(p, path, halo, clip);
        color = c.accent;
        width += 1.4;
    }
    QPen pen(color, width, style, Qt::FlatCap, Qt::MiterJoin);
    if (style != Qt::SolidLine && !selected) {
        // A cosmetic pen: the raster engine dashes those without building a path per dash,
        // which matters with hundreds of messages in flight.
        pen.setWidthF(c.lineScale);
        pen.setCosmetic(true);
        pen.setDashPattern(style == Qt::DashLine ? QList<qreal>{5, 3} : QList<qreal>{6, 3, 1.5, 3});
    }
    drawClippedPolyline(p, path, pen, clip);

    const QPointF tip = path.last();
    if (!clip.contains(tip))
        return;
    const QPointF from = path[path.size() - 2];
    p->setPen(QPen(dropped ? c.failure : color, (selected ? 2.2 : 1.6) * c.lineScale, Qt::SolidLine, Qt::RoundCap));
    if (a.inFlight()) {
        p->setBrush(c.base);
        p->drawEllipse(tip, 3.5, 3.5);
    } else if (dropped) {
        const qreal s = 4.5;
        p->drawLine(tip + QPointF(-s, -s), tip + QPointF(s, s));
        p->drawLine(tip + QPointF(-s, s), tip + QPointF(s, -s));
    } else {
        const qreal headScale = c.lineScale > 1 ? 1.5 : 1;
        const QPolygonF head = arrowHead(from, tip, (selected ? 10 : 8) * headScale, (selected ? 5 : 4) * headScale);
        if (e.type == MessageType::Request) {
            p->setPen(QPen(color, 1));
            p->setBrush(color);
            p->drawPolygon(head);
        } else {
            p->setBrush(Qt::NoBrush);
            p->drawPolyline(QPolygonF({head[1], head[0], head[2]}));
        }
    }
    p->setBrush(Qt::NoBrush);
}

void SequenceDiagramViewPrivate::paintViolationMark(QPainter *p, const Arrow &a, const SequenceFrame &f, const ViewColors &c) const
{
    // A warning triangle beside the arrow's end (its current end while in flight), over labels.
    const QPolygonF path = arrowPath(a, f);
    if (path.size() < 2)
        return;
    const QPointF tip = path.last();
    const QPointF from = path[path.size() - 2];
    const qreal r = 7;
    const QPointF centre = tip + QPointF(tip.x() >= from.x() ? -r - 8 : r + 8, -r - 2);
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setPen(QPen(c.failure, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p->setBrush(c.base);
    p->drawPolygon(QPolygonF({centre + QPointF(0, -r), centre + QPointF(r, r * 0.8), centre + QPointF(-r, r * 0.8)}));
    p->drawLine(centre + QPointF(0, -r * 0.35), centre + QPointF(0, r * 0.2));
    p->drawPoint(centre + QPointF(0, r * 0.5));
    p->restore();
}

void SequenceDiagramViewPrivate::paintLabel(QPainter *p,
                                            const Arrow &a,
                                            const SequenceFrame &f,
                                            const ViewColors &c,
                                            const QFont &font,
                                            bool selected) const
{
    QFont labelFont = font;
    const bool violation = store && a.event->messageId != 0 && a.event->messageId == store->violationMessage();
    if (selected || violation)
        labelFont.setBold(true);
    const QFontMetrics fm(labelFont, p->device());
    const qreal xs = columnX(a.from, f);
    const qreal xr = columnX(a.to, f);
    const qreal y = anchorY(a.sent, f);
    const bool self = a.from == a.to;
    const bool rightward = self || xr > xs;
    const int available = self ? colW - kSelfLoop - 12 : int(std::abs(xr - xs)) - 16;
    if (available < 16)
        return;
    const QString text = fm.elidedText(labelFor(*a.event), Qt::ElideRight, available);
    if (text.isEmpty())
        return;
    const int w = fm.horizontalAdvance(text);
    const qreal x = self ? xs + kSelfLoop + 6 : rightward ? xs + 8 : xs - 8 - w;
    // Above the line where it leaves the lifeline (beside the loop for a message to itself).
    const qreal baseline = self ? y + fm.ascent() / 2.0 - 1 : y - 3 - fm.descent();
    const QRectF box(x - 3, baseline - fm.ascent() - 1, w + 6, fm.height() + 1);
    p->setPen(Qt::NoPen);
    p->setBrush(c.labelBackground);
    p->drawRoundedRect(box, 3, 3);
    p->setBrush(Qt::NoBrush);
    const bool dropped = !a.inFlight() && a.endKind == Kind::Dropped;
    p->setPen(selected ? c.accentText : dropped ? c.muted : violation ? c.failure : c.labelText(a.event->type));
    p->setFont(labelFont);
    p->drawText(QPointF(x, baseline), text);
}

void SequenceDiagramViewPrivate::paintAnnotation(QPainter *p,
                                                 qsizetype row,
                                                 const SequenceFrame &f,
                                                 const ViewColors &c,
                                                 const QFont &font,
                                                 bool textPass,
                                                 QRectF *measured) const
{
    // With `measured`, nothing is painted (`p` may be null): the text's box is returned.
    // Two passes: the marks under the arrows, the text (on its own background) over them.
    const TrafficEvent &e = store->at(row);
    const int from = rows[size_t(row)].from;
    const int to = rows[size_t(row)].to;
    const qreal top = rowTop(row, f);
    const qreal mid = top + rowH / 2.0;
    const QFontMetrics fm = p ? QFontMetrics(font, p->device()) : QFontMetrics(font, q);
    QString text;
    QColor textColor = c.muted;
    qreal textX = 0;
    bool leftOf = false; // the text ends at textX instead of starting there
    qreal textGap = 8;   // between the lifeline and textX
    qreal baseline = mid + fm.ascent() / 2.0 - 1;
    switch (e.kind) {
    case Kind::Connected: {
        if (from < 0 || to < 0)
            return;
        // Like a message: the line where arrows leave, the text above it.
        const qreal x1 = columnX(from, f);
        const qreal x2 = columnX(to, f);
        const qreal y = top + rowH * kAnchor;
        if (!textPass) {
            p->setPen(QPen(c.muted, 1, Qt::DotLine));
            p->drawLine(QPointF(x1, y), QPointF(x2, y));
            p->setPen(c.muted);
            p->setBrush(c.base);
            p->setRenderHint(QPainter::Antialiasing, true);
            p->drawEllipse(QPointF(x1, y), 2.5, 2.5);
            p->drawEllipse(QPointF(x2, y), 2.5, 2.5);
            p->setRenderHint(QPainter::Antialiasing, false);
            p->setBrush(Qt::NoBrush);
        }
        baseline = y - 3 - fm.descent();
        text = SequenceDiagramView::tr("connection %1 opened").arg(e.connection);
        leftOf = x2 < x1;
        textX = leftOf ? x1 - 8 : x1 + 8;
        break;
    }
    case Kind::Closed: {
        if (from < 0)
            return;
        const qreal x = columnX(from, f);
        if (!textPass) {
            p->setPen(QPen(c.muted, 2));
            p->drawLine(QPointF(x - 6, mid), QPointF(x + 6, mid));
        }
        text = SequenceDiagramView::tr("connection %1 closed").arg(e.connection);
        leftOf = to >= 0 && columnX(to, f) < x;
        textGap = 10;
        textX = leftOf ? x - 10 : x + 10;
        break;
    }
    case Kind::ClockChanged:
        if (!textPass) {
            p->setPen(QPen(c.clock, 1, Qt::DashLine));
            p->drawLine(QPointF(gutterW, mid), QPointF(f.size.width(), mid));
        }
        text = SequenceDiagramView::tr("clock → t = %1").arg(viewTimeText(e.simTime));
        textColor = c.clock;
        textX = gutterW + 6;
        break;
    case Kind::Delayed:
        if (from < 0)
            return;
        text = SequenceDiagramView::tr("↻ #%1 delayed (moved back %2)")
                   .arg(sequenceOf(e.messageId))
                   .arg(e.positions);
        textX = columnX(from, f) + 8;
        break;
    case Kind::Delivered:
    case Kind::Dropped: {
        // The end of a message without an arrow: a close frame, or a message sent before the
        // store started listening.
        if (to < 0 || rows[size_t(row)].other >= 0)
            return;
        const qreal x = columnX(to, f);
        if (!textPass) {
            p->setPen(QPen(c.muted, 2));
            p->drawLine(QPointF(x - 6, mid), QPointF(x + 6, mid));
        }
        const bool close = closeFrames.contains(e.messageId);
        if (e.kind == Kind::Dropped)
            text = close ? SequenceDiagramView::tr("close dropped")
                         : SequenceDiagramView::tr("message %1 dropped").arg(e.messageId);
        else
            text = close ? SequenceDiagramView::tr("close received")
                         : SequenceDiagramView::tr("message %1 received").arg(e.messageId);
        textGap = 10;
        textX = x + 10;
        break;
    }
    default:
        return;
    }
    if (!textPass)
        return;
    // Inside the diagram (the width the scroll bar reaches and an export has): on the side it
    // belongs to if it fits there, else on the other side of its lifeline ("connection 3
    // opened" beside the last lane runs left), else elided to the wider side.
    const qreal left = gutterW + 2 - f.scrollX;
    const qreal right = gutterW + qreal(f.columns) * colW + rightMargin() - 2 - f.scrollX;
    const int wanted = std::min(fm.horizontalAdvance(text), std::max(0, colW * 2 - 24));
    const bool clockLine = e.kind == Kind::ClockChanged; // starts at the gutter: no other side
    qreal rightStart = textX;
    qreal leftEnd = textX;
    if (!clockLine) {
        // textX is `gap` away from the lifeline on its side; the other side mirrors it.
        const qreal laneX = leftOf ? textX + textGap : textX - textGap;
        rightStart = laneX + textGap;
        leftEnd = laneX - textGap;
    }
    const qreal roomRight = right - rightStart;
    const qreal roomLeft = clockLine ? 0 : leftEnd - left;
    if (leftOf ? (roomLeft < wanted && roomRight > roomLeft) : (roomRight < wanted && roomLeft > roomRight))
        leftOf = !leftOf;
    const int room = int(std::min<qreal>(wanted, std::max<qreal>(0, leftOf ? roomLeft : roomRight)));
    const QString shown = fm.elidedText(text, Qt::ElideRight, room);
    if (shown.isEmpty())
        return;
    const int w = fm.horizontalAdvance(shown);
    const qreal x = leftOf ? leftEnd - w : rightStart;
    if (measured) {
        *measured = QRectF(x - 2, baseline - fm.ascent(), w + 4, fm.height());
        return;
    }
    p->fillRect(QRectF(x - 2, baseline - fm.ascent(), w + 4, fm.height()), c.labelBackground);
    p->setFont(font);
    p->setPen(textColor);
    p->drawText(QPointF(x, baseline), shown);
}

void SequenceDiagramViewPrivate::paintGutter(
    QPainter *p, const SequenceFrame &f, const ViewColors &c, qsizetype r0, qsizetype r1) const
{
    const int areaH = rowsAreaHeight(f);
    const QRect gutter(0, headerH, gutterW, std::max(0, areaH));
    p->save();
    p->setClipRect(gutter, Qt::IntersectClip);
    p->fillRect(gutter, c.panel);
    const QFont font = viewFixedFont(q->font());
    const QFontMetrics fm(font, p->device());
    p->setFont(font);
    const quint64 selected = store ? store->selectedMessage() : 0;
    // When rows are lower than the text, label every stride-th row only.
    const qsizetype stride = std::max<qsizetype>(1, (fm.height() + 2 + rowH - 1) / rowH);
    const qsizetype firstShown = qsizetype((f.scrollY + rowH - 1) / rowH); // the first whole row
    {
        for (qsizetype row = std::max<qsizetype>(r0, 0); row <= std::min(r1, count - 1); ++row) {
            const TrafficEvent &e = store->at(row);
            const QRectF r(0, rowTop(row, f), gutterW, rowH);
            const bool isSelected = selected != 0 && e.messageId == selected
                                    && e.kind != Kind::Connected && e.kind != Kind::ClockChanged;
            if (isSelected)
                p->fillRect(r, c.accentBand);
            if (row % stride != 0 && !isSelected)
                continue;
            // The time where it changes (and on the first row shown, in a lighter colour).
            const bool changed = row == 0 || store->at(row - 1).simTime != e.simTime;
            if (changed || row == firstShown || stride > 1) {
                p->setPen(changed ? c.panelText : c.muted);
                p->drawText(QRectF(4, r.top(), timeW - 10, rowH), Qt::AlignVCenter | Qt::AlignRight,
                            fm.elidedText(viewTimeText(e.simTime), Qt::ElideRight, timeW - 10));
            }
            p->setPen(isSelected ? c.accentText : c.muted);
            p->drawText(QRectF(timeW, r.top(), gutterW - timeW - 8, rowH),
                        Qt::AlignVCenter | Qt::AlignRight, QStringLiteral("#%1").arg(e.sequence));
        }
        // The "now" row: how many messages are still on their way.
        if (!inFlight.empty() && r1 >= count && rowH >= fm.height() - 4) {
            p->setPen(c.muted);
            p->drawText(QRectF(4, rowTop(count, f), gutterW - 12, rowH),
                        Qt::AlignVCenter | Qt::AlignRight,
                        SequenceDiagramView::tr("%n in flight", nullptr, int(inFlight.size())));
        }
    }
    p->setPen(c.lifeline);
    p->drawLine(QPointF(gutterW - 0.5, headerH), QPointF(gutterW - 0.5, headerH + areaH));
    p->restore();
}

void SequenceDiagramViewPrivate::paintHeader(QPainter *p,
                                             const SequenceFrame &f,
                                             const ViewColors &c) const
{
    const QRect header(0, 0, f.size.width(), headerH);
    p->save();
    p->setClipRect(header, Qt::IntersectClip);
    p->fillRect(header, c.panel);
    const QFontMetrics fm(q->font(), p->device());
    p->setFont(q->font());

    p->save();
    p->setClipRect(QRect(gutterW, 0, f.size.width() - gutterW, headerH), Qt::IntersectClip);
    p->setRenderHint(QPainter::Antialiasing, true);
    const int c0 = std::max(0, f.scrollX / colW);
    const int c1 = std::min(f.columns - 1, (f.scrollX + f.size.width() - gutterW) / colW);
    for (int col = c0; col <= c1 && col < labels.size(); ++col) {
        const qreal x = columnX(col, f);
        const qreal boxW = colW - 10;
        const QRectF box(x - boxW / 2, 5, boxW, headerH - 10);
        p->setPen(QPen(c.lifeline, 1));
        p->setBrush(c.base);
        p->drawRoundedRect(box, 4, 4);
        p->setPen(c.text);
        p->drawText(box.adjusted(4, 0, -4, 0), Qt::AlignCenter,
                    fm.elidedText(labels.at(col), Qt::ElideMiddle, int(boxW) - 8));
    }
    p->restore();

    QFont small = viewFixedFont(q->font());
    p->setFont(small);
    p->setPen(c.muted);
    p->drawText(QRect(4, 0, timeW - 10, headerH), Qt::AlignVCenter | Qt::AlignRight,
                SequenceDiagramView::tr("time"));
    p->drawText(QRect(timeW, 0, gutterW - timeW - 8, headerH), Qt::AlignVCenter | Qt::AlignRight,
                SequenceDiagramView::tr("event"));
    p->setPen(c.lifeline);
    p->drawLine(QPointF(0, headerH - 0.5), QPointF(f.size.width(), headerH - 0.5));
    p->drawLine(QPointF(gutterW - 0.5, 0), QPointF(gutterW - 0.5, headerH));
    p->restore();
}

// ---- SequenceDiagramView ----

SequenceDiagramView::SequenceDiagramView(EventStore *store, QWidget *parent)
    : QAbstractScrollArea(parent)
    , d(std::make_unique<SequenceDiagramViewPrivate>(this))
{
    setAccessibleName(tr("Sequence diagram"));
    setAccessibleDescription(
        tr("Messages between agents over time: one column per agent, one row per "
           "event, an arrow per message. Up and Down select the previous or next "
           "message; Ctrl and the mouse wheel zoom."));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    d->rebuilding.setParent(this); // part of the view (a look at the window's objects finds it)
    d->rebuilding.setSingleShot(true);
    d->rebuilding.setInterval(0);
    connect(&d->rebuilding, &QTimer::timeout, this, [this] { d->indexMore(); });
    setStore(store);
}

SequenceDiagramView::~SequenceDiagramView() = default;

EventStore *SequenceDiagramView::store() const
{
    return d->store;
}

void SequenceDiagramView::setStore(EventStore *store)
{
    if (d->store)
        disconnect(d->store, nullptr, this, nullptr);
    d->store = store;
    if (store) {
        connect(store, &EventStore::eventsAppended, this, [this](qsizetype, qsizetype last) {
            QScrollBar *v = verticalScrollBar();
            const bool following = v->value() >= v->maximum();
            const int oldGutter = d->gutterW;
            d->indexEvents(last);
            d->updateMetrics();
            d->updateColumnWidth();
            d->updateScrollBars();
            if (following)
                v->setValue(v->maximum());
            if (oldGutter != d->gutterW)
                d->updateScrollBars();
            viewport()->update();
        });
        connect(store, &EventStore::reset, this, [this] { d->rebuild(); });
        connect(store, &EventStore::participantsChanged, this, [this] {
            d->updateLabels();
            d->updateColumnWidth();
            viewport()->update();
        });
        connect(store, &EventStore::violationChanged, viewport(), qOverload<>(&QWidget::update));
        connect(store, &EventStore::displayNamesChanged, this, [this] {
            d->updateLabels();
            viewport()->update();
        });
        connect(store, &EventStore::selectedMessageChanged, this, [this](quint64 id) {
            if (!d->clicking)
                ensureMessageVisible(id);
            viewport()->update();
        });
    }
    d->rebuild();
}

void SequenceDiagramView::setCausalSlicer(CausalSlicer *slicer)
{
    if (d->slicer == slicer)
        return;
    if (d->slicer)
        disconnect(d->slicer, nullptr, viewport(), nullptr);
    d->slicer = slicer;
    if (slicer) {
        connect(slicer, &CausalSlicer::sliceChanged, viewport(), qOverload<>(&QWidget::update));
        connect(slicer, &CausalSlicer::rowsChanged, viewport(), qOverload<>(&QWidget::update));
    }
    viewport()->update();
}

void SequenceDiagramView::setHighContrast(bool on)
{
    if (d->highContrast == on)
        return;
    d->highContrast = on;
    viewport()->update();
}

bool SequenceDiagramView::isHighContrast() const
{
    return d->highContrast;
}

QFont SequenceDiagramView::labelFont() const
{
    return d->labelFont();
}

double SequenceDiagramView::zoom() const
{
    return d->zoom;
}

int SequenceDiagramView::rowHeight() const
{
    return d->rowH;
}

int SequenceDiagramView::columnWidth() const
{
    return d->colW;
}

bool SequenceDiagramView::isFollowing() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum();
}

bool SequenceDiagramView::isRebuilding() const
{
    return d->rebuilding.isActive();
}

int SequenceDiagramView::arrowCount() const
{
    return d->arrows;
}

QString SequenceDiagramView::arrowLabel(quint64 messageId) const
{
    const EventStore::MessageSpan *span = d->store ? d->store->span(messageId) : nullptr;
    if (!span || span->sent < 0 || span->sent >= d->store->size())
        return QString();
    return d->labelFor(d->store->at(span->sent));
}

QString SequenceDiagramView::lifelineLabel(int participant) const
{
    return participant >= 0 && participant < d->labels.size() ? d->labels.at(participant) : QString();
}

int SequenceDiagramView::lifelineCount() const
{
    return d->columns;
}

QRect SequenceDiagramView::rowRect(qsizetype eventIndex) const
{
    if (eventIndex < 0 || eventIndex >= d->count)
        return {};
    const qint64 top = d->headerH + qint64(eventIndex) * d->rowH - verticalScrollBar()->value();
    return QRect(0, int(std::clamp<qint64>(top, INT_MIN / 2, INT_MAX / 2)), viewport()->width(),
                 d->rowH);
}

int SequenceDiagramView::lifelineX(int participant) const
{
    return int(std::floor(d->columnX(participant, d->screenFrame())));
}

qsizetype SequenceDiagramView::rowAt(const QPoint &pos) const
{
    if (pos.y() < d->headerH || pos.y() >= viewport()->height())
        return -1;
    const qint64 row = (qint64(verticalScrollBar()->value()) + pos.y() - d->headerH) / d->rowH;
    return row < d->count ? qsizetype(row) : -1;
}

quint64 SequenceDiagramView::messageAt(const QPoint &pos) const
{
    if (!d->store || pos.y() < d->headerH)
        return 0;
    if (pos.x() >= d->gutterW) {
        if (const quint64 id = d->arrowAt(pos, d->screenFrame(), nullptr))
            return id;
    }
    const qsizetype row = rowAt(pos);
    if (row < 0)
        return 0;
    const TrafficEvent &e = d->store->at(row);
    if (e.kind == TrafficEvent::Kind::Connected || e.kind == TrafficEvent::Kind::ClockChanged)
        return 0;
    return d->messageRow(e.messageId) >= 0 ? e.messageId : 0;
}

void SequenceDiagramView::render(QPainter *painter, const QRectF &target)
{
    const SequenceFrame f = d->exportFrame();
    painter->save();
    if (!target.isNull() && !f.size.isEmpty()) {
        const qreal scale =
            std::min(target.width() / f.size.width(), target.height() / f.size.height());
        const QSizeF scaled = QSizeF(f.size) * scale;
        painter->translate(target.left() + (target.width() - scaled.width()) / 2,
                           target.top() + (target.height() - scaled.height()) / 2);
        painter->scale(scale, scale);
    }
    painter->setClipRect(QRect(QPoint(0, 0), f.size), Qt::IntersectClip);
    d->paint(painter, f);
    painter->restore();
}

QSize SequenceDiagramView::exportSize() const
{
    return d->exportFrame().size;
}

bool SequenceDiagramView::exportImage(const QString &fileName)
{
    QString error;
    if (!exportViewImage(this, exportSize(), [this](QPainter *painter) { render(painter, QRectF()); }, fileName, &error)) {
        qCWarning(lcSequence) << "Cannot write" << fileName << error;
        return false;
    }
    return true;
}

bool SequenceDiagramView::exportSvg(const QString &fileName)
{
    QString error;
    if (!writeSvgFile(
            fileName, exportSize(), logicalDpiX(), tr("Sequence diagram"),
            tr("Messages between agents, exported from MAS Inspector"),
            [this](QPainter *painter) { render(painter, QRectF()); }, &error)) {
        qCWarning(lcSequence) << "Cannot write" << fileName << error;
        return false;
    }
    return true;
}

QString SequenceDiagramView::shortAddress(const QString &address)
{
    return mas::shortAddress(address);
}

void SequenceDiagramView::setZoom(double zoom)
{
    const QRect vp = viewport()->rect();
    d->setZoom(zoom, QPoint(d->gutterW + (vp.width() - d->gutterW) / 2,
                            d->headerH + (vp.height() - d->headerH) / 2));
}

void SequenceDiagramView::zoomIn()
{
    setZoom(d->zoom * kZoomStep);
}

void SequenceDiagramView::zoomOut()
{
    setZoom(d->zoom / kZoomStep);
}

void SequenceDiagramView::resetZoom()
{
    setZoom(1.0);
}

void SequenceDiagramView::ensureMessageVisible(quint64 messageId)
{
    Arrow a;
    if (!d->arrowFor(d->messageRow(messageId), &a))
        return;
    // Vertically: the whole arrow if it fits, else its start.
    QScrollBar *v = verticalScrollBar();
    const int areaH = std::max(d->rowH, viewport()->height() - d->headerH);
    const qint64 top = qint64(a.sent) * d->rowH;
    const qint64 bottom = qint64(a.inFlight() ? d->count : a.end) * d->rowH + d->rowH;
    const qint64 viewTop = v->value();
    const qint64 viewBottom = viewTop + areaH;
    const bool startVisible = top >= viewTop && top + d->rowH <= viewBottom;
    const bool endVisible = bottom - d->rowH >= viewTop && bottom <= viewBottom;
    if (!startVisible || (!endVisible && bottom - top <= areaH)) {
        const qint64 value =
            bottom - top <= areaH ? (top + bottom) / 2 - areaH / 2 : top - d->rowH * 2;
        v->setValue(int(std::clamp<qint64>(value, 0, v->maximum())));
    }
    // Horizontally: both lifelines if they fit.
    QScrollBar *h = horizontalScrollBar();
    const int areaW = std::max(d->colW, viewport()->width() - d->gutterW);
    const int left = std::min(a.from, a.to) * d->colW;
    const int right = (std::max(a.from, a.to) + 1) * d->colW + (a.from == a.to ? kSelfLoop : 0);
    if (left < h->value() || right > h->value() + areaW)
        h->setValue(right - left <= areaW ? (left + right) / 2 - areaW / 2 : left);
}

void SequenceDiagramView::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void SequenceDiagramView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    d->paint(&painter, d->screenFrame());
}

void SequenceDiagramView::resizeEvent(QResizeEvent *event)
{
    const bool following = isFollowing();
    QAbstractScrollArea::resizeEvent(event);
    d->updateColumnWidth();
    d->updateScrollBars();
    if (following)
        scrollToBottom();
}

void SequenceDiagramView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void SequenceDiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    d->dragButton = event->button();
    d->pressPos = d->lastPos = event->position().toPoint();
    d->dragging = event->button() == Qt::MiddleButton;
    d->pressOnArrow = event->button() == Qt::LeftButton && d->pressPos.x() >= d->gutterW
                      && d->arrowAt(d->pressPos, d->screenFrame(), nullptr) != 0;
    if (d->dragging)
        viewport()->setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void SequenceDiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (d->dragButton == Qt::NoButton) {
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (!d->dragging && d->dragButton == Qt::LeftButton && !d->pressOnArrow
        && (pos - d->pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        d->dragging = true;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (d->dragging) {
        const QPoint delta = pos - d->lastPos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
    }
    d->lastPos = pos;
    event->accept();
}

void SequenceDiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != d->dragButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    if (d->dragButton == Qt::LeftButton && !d->dragging && d->store) {
        const QPoint pos = event->position().toPoint();
        if (pos.y() >= d->headerH) {
            d->clicking = true;
            d->store->setSelectedMessage(messageAt(pos));
            d->clicking = false;
            if (const qsizetype row = rowAt(pos); row >= 0)
                Q_EMIT eventClicked(row);
        }
    }
    if (d->dragging)
        viewport()->unsetCursor();
    d->dragButton = Qt::NoButton;
    d->dragging = false;
    event->accept();
}

void SequenceDiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y();
        if (steps != 0)
            d->setZoom(d->zoom * std::pow(kZoomStep, steps / 120.0), event->position().toPoint());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void SequenceDiagramView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up:
        d->selectNeighbour(-1);
        break;
    case Qt::Key_Down:
        d->selectNeighbour(+1);
        break;
    case Qt::Key_Home:
        verticalScrollBar()->setValue(0);
        break;
    case Qt::Key_End:
        scrollToBottom();
        break;
    case Qt::Key_Escape:
        if (d->store && d->store->selectedMessage() != 0) {
            d->store->setSelectedMessage(0);
            break;
        }
        QAbstractScrollArea::keyPressEvent(event);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

QString SequenceDiagramView::messageToolTip(quint64 messageId) const
{
    const qsizetype row = d->store ? d->messageRow(messageId) : -1;
    if (row < 0)
        return {};
    // the message's id first: the lines below start with the events' numbers (#)
    QString text = tr("Message id %1").arg(messageId) + u'\n' + d->store->at(row).toDisplayString();
    const EventStore::MessageSpan *span = d->store->span(messageId);
    if (span && span->end >= 0 && span->end < d->count)
        text += u'\n' + d->store->at(span->end).toDisplayString();
    else
        text += u'\n' + tr("still in flight");
    if (isViolationArrow(messageId))
        text = tr("⚠ This step breaks \"%1\"").arg(d->store->violationProperty()) + u'\n' + text;
    return text;
}

bool SequenceDiagramView::isViolationArrow(quint64 messageId) const
{
    return messageId != 0 && d->store && d->store->violationMessage() == messageId;
}

bool SequenceDiagramView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && d->store) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint pos = help->pos();
        QString text;
        if (pos.y() < d->headerH) {
            const int col = (pos.x() - d->gutterW + horizontalScrollBar()->value()) / d->colW;
            if (pos.x() >= d->gutterW && col >= 0 && col < d->columns
                && col < d->store->participants().size())
                text = d->store->participants().at(col);
        } else if (const quint64 id = messageAt(pos)) {
            text = messageToolTip(id);
        } else if (const qsizetype row = rowAt(pos); row >= 0) {
            text = tr("Event #%1 of the run").arg(d->store->at(row).sequence) + u'\n'
                   + d->store->at(row).toDisplayString();
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void SequenceDiagramView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        d->updateMetrics();
        d->updateSpacing();
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        viewport()->update();
}

} // namespace mas::ui
