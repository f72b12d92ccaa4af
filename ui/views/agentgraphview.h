// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>

#include <QHash>
#include <QWidget>
#include <QtGlobal>

#include <memory>
#include <utility>

class QPainter;

namespace mas::ui {

class EventStore;
class AgentGraphViewPrivate;

/// Who talks to whom: the participants of an EventStore as nodes on a circle (in order of first
/// appearance, starting at the top), an edge between each pair that exchanged messages (wider the
/// more messages, on a log scale), the selected message's edge highlighted, and every message in
/// flight as a dot moving from its sender to its receiver.
///
/// ```
/// auto *store = new EventStore(this);
/// auto *graph = new AgentGraphView(store, this);
/// connect(graph, &AgentGraphView::nodeClicked, this, [](const QString &address) { ... });
/// graph->exportSvg(u"agents.svg"_s);
/// ```
///
/// Containers (addresses ending in "/") are drawn as rounded squares, agents as circles. Counts
/// are aggregated incrementally on EventStore::eventsAppended (and once on reset()), so a paint
/// costs O(nodes + edges + dots) however long the log. The animation timer runs only while a
/// message is in flight and the view is visible. GUI thread only; the store is not owned.
class AgentGraphView : public QWidget
{
    Q_OBJECT

public:
    // construction
    /// A view of `store` (not owned; may be null and set later).
    explicit AgentGraphView(EventStore *store, QWidget *parent = nullptr);
    ~AgentGraphView() override;

    // properties
    EventStore *store() const;
    void setStore(EventStore *store);
    /// Participants shown (of the events the view knows of).
    int nodeCount() const;
    /// Whether the events of a large store's reset are still being indexed (a slice per turn of
    /// the event loop; meanwhile the view shows those indexed so far).
    bool isRebuilding() const;
    /// Pairs of participants that exchanged at least one message.
    int edgeCount() const;
    /// Messages sent (or duplicated) between participants `a` and `b`, both directions.
    qint64 messageCount(int a, int b) const;
    /// Messages sent but not yet delivered or dropped.
    int inFlightCount() const;
    /// Presentation colours: dark text on white, strong colours, thicker lines.
    void setHighContrast(bool on);
    bool isHighContrast() const;
    /// The font of the nodes' labels: the view's font(), which the window's zoom scales.
    QFont labelFont() const;
    /// Whether in-flight messages are animated (default true; false draws them standing still).
    bool isAnimationEnabled() const;
    void setAnimationEnabled(bool enabled);
    /// True while the animation timer runs.
    bool isAnimating() const;
    /// How many times an animation frame drew the edges, counts and selection anew (and laid
    /// out the nodes and placed the labels): the other frames draw them from a picture made
    /// then, painting only the moving messages, the nodes and the labels placed. Something the
    /// picture or the labels show changed each time.
    int underLayerPictures() const;
    /// The sender and receiver (EventStore::participants() indexes) of the message whose step
    /// breaks an open counterexample's invariant (EventStore::setViolation()), drawn as a red
    /// arrow; {-1, -1} without one.
    std::pair<int, int> violationEdge() const;
    /// The selected node (an EventStore::participants() index), or -1.
    int selectedNode() const;
    void setSelectedNode(int node);

    // geometry (widget coordinates)
    /// The centre of node `node`.
    QPointF nodePosition(int node) const;
    /// The labels drawn, by node, and their boxes. In a crowded circle (many agents, a small
    /// view) a label that would run into another label or node is left out: the node's tooltip
    /// names it. The selected node and the selected message's ends are labelled first.
    QHash<int, QRectF> labelRects() const;
    /// The node at `pos`, or -1.
    int nodeAt(const QPoint &pos) const;

    // export
    /// Paints the graph at exportSize(), scaled to fit `target` (aspect ratio kept); a null
    /// `target` paints at natural size at the origin. Dots stand still halfway along their edge.
    void render(QPainter *painter, const QRectF &target);
    using QWidget::render;
    /// The widget's size, or 800×600 if it is smaller than 320×240 (say, hidden).
    QSize exportSize() const;
    /// Saves the graph as an image (format from the suffix, PNG when unknown).
    bool exportImage(const QString &fileName);
    /// Saves the graph as SVG, painted by the same code as the screen.
    bool exportSvg(const QString &fileName);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// A node was clicked (also shown as a tooltip).
    void nodeClicked(const QString &address);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    friend class AgentGraphViewPrivate;
    std::unique_ptr<AgentGraphViewPrivate> d;
};

} // namespace mas::ui
