// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractScrollArea>
#include <QFont>
#include <QtGlobal>

#include <memory>

class QPainter;

namespace mas::ui {

class CausalSlicer;
class EventStore;
class SequenceDiagramViewPrivate;

/// A UML-style sequence diagram of an EventStore: one lifeline per participant, time flowing
/// downward, one row per event, and a (usually slanted) arrow per message from its sender at
/// the row where it was sent to its receiver at the row where it was delivered or dropped.
///
/// ```
/// auto *store = new EventStore(this);
/// auto *view = new SequenceDiagramView(store, this);
/// connect(network, &LocalNetwork::eventRecorded, store, &EventStore::append);
/// view->setZoom(1.5);
/// view->exportSvg(u"run.svg"_s);
/// ```
///
/// The view paints lazily: only the visible rows, and the few arrows crossing them (found through
/// a small bucket index kept up to date on EventStore::eventsAppended), so 100,000 events scroll
/// as smoothly as ten. It shows the events the store has announced (eventsAppended / reset), and
/// shares the store's message selection: a click on an arrow or its row selects that message,
/// and a selection made elsewhere is highlighted and scrolled into view. When the view is scrolled
/// to the bottom it follows new events. GUI thread only; the store is not owned.
class SequenceDiagramView : public QAbstractScrollArea
{
    Q_OBJECT
    Q_PROPERTY(double zoom READ zoom WRITE setZoom NOTIFY zoomChanged)

public:
    // construction
    /// A view of `store` (not owned; may be null and set later).
    explicit SequenceDiagramView(EventStore *store, QWidget *parent = nullptr);
    ~SequenceDiagramView() override;

    /// A row's height at zoom 1, and the least it shrinks to when zoomed out.
    static constexpr int kBaseRowHeight = 22;
    static constexpr int kMinRowHeight = 4;
    /// The smallest and largest zoom factors; 1 is kBaseRowHeight px per row.
    static constexpr double kMinZoom = 0.25;
    static constexpr double kMaxZoom = 4.0;
    /// Exports taller than this are cut to a window of rows (see exportSize()).
    static constexpr int kMaxExportHeight = 20000;
    /// Exports are also cut (in rows, then in columns) to at most this many pixels (~200 MB).
    static constexpr qint64 kMaxExportPixels = 50'000'000;

    // properties
    /// The store shown (not owned).
    EventStore *store() const;
    /// Shows another store (or none); keeps the zoom.
    void setStore(EventStore *store);
    /// The diagram's own zoom (Ctrl and the mouse wheel): scales row height and column width,
    /// not the text. The text follows the view's font (the window's zoom).
    double zoom() const;
    /// Shows `slicer`'s causal slice: the rows of its past and future tinted, arrows and notes
    /// outside it faded (null: none). Not owned; its shown store must be this view's store.
    void setCausalSlicer(CausalSlicer *slicer);
    /// Presentation colours: dark text on white, strong arrow colours, thicker lines.
    void setHighContrast(bool on);
    bool isHighContrast() const;
    /// The font of the arrows' labels: a little smaller than the view's font(), which the
    /// window's zoom scales (rows and columns grow with it).
    QFont labelFont() const;
    /// Row height in pixels at the current zoom (22 at zoom 1 with the application's font; more
    /// when the view's font is larger).
    int rowHeight() const;
    /// Width of one lifeline column in pixels at the current zoom: 150 at zoom 1, or wider when
    /// a participant's name needs it.
    int columnWidth() const;
    /// True when the view is scrolled to the bottom, so new events keep it there.
    bool isFollowing() const;

    // geometry (viewport coordinates)
    /// Message arrows in the diagram: one per sent or duplicated message the view knows of.
    int arrowCount() const;
    /// Whether the events of a large store's reset are still being indexed (a slice per turn of
    /// the event loop; meanwhile the view shows those indexed so far).
    bool isRebuilding() const;
    /// The label the arrow of message `messageId` carries (mas::messageLabel(): "election(25)",
    /// "→ cfp: 7", "✗ poke: ValueError: …" for a failure); empty for a message the view does not
    /// know.
    QString arrowLabel(quint64 messageId) const;
    /// The tool tip of message `messageId`'s arrow: its send and its delivery (or that it is in
    /// flight); for a counterexample's violating step, first the invariant it breaks.
    QString messageToolTip(quint64 messageId) const;
    /// Whether the arrow of `messageId` is marked as the step that breaks an invariant (red, with
    /// a warning mark: EventStore::violationMessage()).
    bool isViolationArrow(quint64 messageId) const;
    /// Lifelines shown: participants of the events the view knows of.
    int lifelineCount() const;
    /// The name lifeline `participant` (an EventStore::participants() index) carries in its header.
    QString lifelineLabel(int participant) const;
    /// The row of event `eventIndex` in viewport coordinates (it may lie outside the viewport);
    /// an empty rect if there is no such event.
    QRect rowRect(qsizetype eventIndex) const;
    /// The x of lifeline `participant` (an EventStore::participants() index) in the viewport.
    int lifelineX(int participant) const;
    /// The event row at `pos` (viewport coordinates), or -1.
    qsizetype rowAt(const QPoint &pos) const;
    /// The message a click at `pos` selects: the arrow nearest to it (within a few pixels), else
    /// the message of the row under it; 0 for none.
    quint64 messageAt(const QPoint &pos) const;

    // export
    /// Paints the whole diagram (within the export limits), scaled to fit `target` with its
    /// aspect ratio kept; a null `target` paints at natural size at the origin.
    void render(QPainter *painter, const QRectF &target);
    using QAbstractScrollArea::render;
    /// The size of an export. The whole diagram, unless it is taller than kMaxExportHeight or
    /// larger than kMaxExportPixels: then it covers a window of rows around the rows on screen,
    /// and a footer line says which events it shows.
    QSize exportSize() const;
    /// Saves the diagram (not a screenshot: see exportSize()) as an image; the format follows the
    /// file name's suffix (PNG when unknown). False (and a warning logged) on failure.
    bool exportImage(const QString &fileName);
    /// Saves the diagram as SVG, painted by the same code as the screen.
    bool exportSvg(const QString &fileName);

    /// "local://market/3" → "market/3": an address without its scheme and trailing slash.
    static QString shortAddress(const QString &address);

public Q_SLOTS:
    /// Sets the zoom (clamped to [kMinZoom, kMaxZoom]), keeping the viewport centre in place.
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /// Scrolls so that the message's arrow (or at least its start) is visible.
    void ensureMessageVisible(quint64 messageId);
    void scrollToBottom();

Q_SIGNALS:
    void zoomChanged(double zoom);
    /// A click (not a drag) on the row of event `eventIndex` (an index of the store).
    void eventClicked(qsizetype eventIndex);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class SequenceDiagramViewPrivate;
    std::unique_ptr<SequenceDiagramViewPrivate> d;
};

} // namespace mas::ui
