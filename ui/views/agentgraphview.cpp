// SPDX-License-Identifier: MIT
#include "agentgraphview.h"

#include "models/eventstore.h"
#include "views/sequencediagramview.h"
#include "views/viewpainting_p.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHelpEvent>
#include <QImage>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPointer>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <numeric>
#include <optional>
#include <tuple>
#include <vector>

namespace mas::ui {

using namespace detail;

namespace {

Q_LOGGING_CATEGORY(lcGraph, "mas.ui.graph")

using Kind = TrafficEvent::Kind;

constexpr int kFrameMs = 33;        // ~30 fps while something is in flight
constexpr double kTravelMs = 1400;  // one trip of a dot along its edge
constexpr size_t kMaxDots = 300;    // more messages in flight than this share the dots drawn
constexpr int kMaxCountLabels = 60; // edges beyond this get no count label (tooltips still)

/// The font of the counts and the legend.
QFont smallFontOf(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

quint64 pairKey(int a, int b)
{
    if (a > b)
        std::swap(a, b);
    return (quint64(quint32(a)) << 32) | quint32(b);
}

struct Edge
{
    int a = -1; // a <= b
    int b = -1;
    qint64 ab = 0; // messages from a to b
    qint64 ba = 0;
    qsizetype lastSent = -1; // the latest message on this edge (its Sent row)

    qint64 total() const { return ab + ba; }
};

struct Flight
{
    int from = -1;
    int to = -1;
    MessageType type = MessageType::Request;
    qint64 startedMs = 0;
};

struct Layout
{
    QPointF centre;
    qreal radius = 0;
    qreal nodeRadius = 0;
    qreal labelWidth = 0;
    std::vector<QPointF> positions;
    std::vector<qreal> radii;
};

} // namespace

class AgentGraphViewPrivate
{
public:
    explicit AgentGraphViewPrivate(AgentGraphView *view)
        : q(view)
    {}

    void rebuild();
    /// Indexes the next events of a rebuild (see kRebuildRows); whether some are left.
    bool indexSlice();
    /// Indexes the store's events from `count` (the first the view does not know) to `last`:
    /// also those before an announced batch while a rebuild is still going on.
    void indexEvents(qsizetype last);
    void updateTimer();
    void updateLabels();
    Layout layout(const QSizeF &size) const;
    /// 1 to 7 px on a log scale, relative to the busiest edge (but at least to 20 messages, so
    /// that a single message does not get the widest line).
    qreal edgeWidth(qint64 messages) const
    {
        return 1.0
               + 6.0 * std::log1p(double(messages))
                     / std::log1p(double(std::max<qint64>(maxEdge, 20)));
    }
    int edgeAt(const QPointF &pos, const Layout &l) const;
    QPointF edgePoint(const Layout &l, int from, int to, qreal t) const;
    /// What the layers of a frame share: colours, fonts, the layout, the selected edge.
    struct Frame
    {
        Frame(const AgentGraphViewPrivate &d, QPaintDevice *device, const QSizeF &size);
        ViewColors c;
        QFont font;
        QFont small;
        QFontMetricsF fm;
        QFontMetricsF smallFm;
        QSizeF size;
        Layout l;
        int selFrom = -1;
        int selTo = -1;
        bool hasSelection = false;
        QColor edgeColor;
        std::pair<int, int> violation;
    };
    /// What an animation frame's picture of the under layer, its layout and its labels depend
    /// on: while it stays the same, a frame draws only the moving messages, the nodes and the
    /// labels placed before (see AgentGraphView::paintEvent()).
    struct FrameKey
    {
        QSize size;
        qreal pixelRatio = 1;
        quint64 generation = 0;
        qsizetype count = 0;
        int nodes = 0;
        int selected = -1;
        std::pair<int, int> selectedEnds;
        std::pair<int, int> violation;
        qint64 palette = 0;
        QFont font;
        QStringList labels;
        bool highContrast = false;
        bool operator==(const FrameKey &) const = default;
    };
    /// The selected message's sender and receiver (participant indexes), or {-1, -1}.
    std::pair<int, int> selectedEnds() const;
    void paint(QPainter *p, const QSizeF &size, bool animated) const;
    /// The background, the edges (the costly part: wide antialiased lines), the selected
    /// edge, the violation's arrow and the counts.
    void paintUnder(QPainter *p, const Frame &f) const;
    /// The messages in flight (moving when `animated`).
    void paintFlights(QPainter *p, const Frame &f, bool animated) const;
    struct Label
    {
        int node = -1;
        QRectF box; ///< its background, in widget coordinates
        QString text;
    };
    /// The labels drawn: beside their nodes, those that fit without running into another.
    std::vector<Label> placeLabels(const Frame &f) const;
    /// The nodes, the labels `placed` and the legend.
    void paintOver(QPainter *p, const Frame &f, const std::vector<Label> &placed) const;

    AgentGraphView *q;
    QPointer<EventStore> store;
    qsizetype count = 0;
    int nodes = 0;
    std::vector<Edge> edges;
    QHash<quint64, int> edgeIndex;
    std::vector<qint64> traffic; // per node: messages sent or received
    qint64 maxTraffic = 0;
    qint64 maxEdge = 0;                // messages on the busiest edge
    std::map<quint64, Flight> flights; // by message id
    QStringList labels;
    QTimer timer;
    QTimer rebuilding; // the rest of a large rebuild, a slice per turn
    quint64 generation = 0; ///< counts rebuild()s (an animation frame's picture is of one)
    /// What the last animation frame drew from (see FrameKey).
    struct Animation
    {
        FrameKey key;
        Frame frame;
        QPixmap under; ///< the under layer
        std::vector<Label> labels;
    };
    std::optional<Animation> animation;
    int underPictures = 0; ///< pictures of the under layer made
    QElapsedTimer clock;
    bool animationEnabled = true;
    bool highContrast = false;
    int selected = -1;
};

void AgentGraphViewPrivate::rebuild()
{
    ++generation;
    count = 0;
    nodes = 0;
    edges.clear();
    edgeIndex.clear();
    traffic.clear();
    maxTraffic = 0;
    maxEdge = 0;
    flights.clear();
    updateLabels();
    if (indexSlice())
        rebuilding.start();
    else
        rebuilding.stop();
    if (selected >= nodes)
        selected = -1;
    updateTimer();
    q->update();
}

// As the sequence diagram does: a reset of 1,000,000 events is indexed a slice per turn.
constexpr qsizetype kRebuildRows = 50'000;
constexpr qint64 kRebuildSliceMs = 10;

bool AgentGraphViewPrivate::indexSlice()
{
    if (!store)
        return false;
    const qsizetype last = store->size() - 1;
    QElapsedTimer slice;
    slice.start();
    while (count <= last) {
        indexEvents(std::min(last, count + 4095));
        if (count >= kRebuildRows && slice.elapsed() >= kRebuildSliceMs)
            break;
    }
    return count <= last;
}

void AgentGraphViewPrivate::indexEvents(qsizetype last)
{
    if (!store)
        return;
    last = std::min(last, store->size() - 1);
    const qint64 now = clock.elapsed();
    for (qsizetype i = count; i <= last; ++i) {
        const TrafficEvent &e = store->at(i);
        const int from = store->participantIndex(e.from);
        const int to = store->participantIndex(e.to);
        nodes = std::max({nodes, from + 1, to + 1});
        if (traffic.size() < size_t(nodes))
            traffic.resize(size_t(nodes), 0);
        switch (e.kind) {
        case Kind::Sent:
        case Kind::Duplicated: {
            if (from < 0 || to < 0)
                break;
            const quint64 key = pairKey(from, to);
            auto it = edgeIndex.constFind(key);
            int index = 0;
            if (it == edgeIndex.constEnd()) {
                index = int(edges.size());
                edgeIndex.insert(key, index);
                edges.push_back(Edge{std::min(from, to), std::max(from, to), 0, 0, -1});
            } else {
                index = it.value();
            }
            Edge &edge = edges[size_t(index)];
            (from == edge.a ? edge.ab : edge.ba) += 1;
            edge.lastSent = i;
            maxEdge = std::max(maxEdge, edge.total());
            maxTraffic = std::max(
                {maxTraffic, ++traffic[size_t(from)], from == to ? 0 : ++traffic[size_t(to)]});
            flights[e.messageId] = Flight{from, to, e.type, now};
            break;
        }
        case Kind::Delivered:
        case Kind::Dropped:
            flights.erase(e.messageId);
            break;
        default:
            break;
        }
        count = i + 1;
    }
}

void AgentGraphViewPrivate::updateTimer()
{
    const bool run = animationEnabled && !flights.empty() && q->isVisible();
    if (run && !timer.isActive())
        timer.start();
    else if (!run && timer.isActive())
        timer.stop();
}

void AgentGraphViewPrivate::updateLabels()
{
    labels.clear();
    if (!store)
        return;
    for (const QString &address : store->participants())
        labels.push_back(store->displayName(address));
}

Layout AgentGraphViewPrivate::layout(const QSizeF &size) const
{
    Layout l;
    const QFontMetricsF fm(q->font());
    const qreal legend = fm.height() + 10;
    const QRectF area(0, 0, size.width(), std::max<qreal>(0, size.height() - legend));
    l.centre = area.center();
    // Labels get wider with the text (the window's zoom).
    const qreal textScale = viewFontScale(q->font());
    l.labelWidth = std::clamp<qreal>(size.width() * 0.2, 60 * textScale, 150 * textScale);
    const qreal hMargin = l.labelWidth + 30;
    const qreal vMargin = fm.height() + 36;
    l.radius =
        std::max<qreal>(20, std::min(area.width() / 2 - hMargin, area.height() / 2 - vMargin));
    const int n = nodes;
    const qreal spacing = n > 1 ? 2 * std::numbers::pi * l.radius / n : 200;
    l.nodeRadius = std::clamp<qreal>(spacing * 0.3, 5, 22);
    if (n > 1) {
        // Labels beside nodes must not run into their neighbours on the top and bottom of the
        // circle.
        l.labelWidth = std::min(l.labelWidth, std::max<qreal>(spacing * 1.6, 40));
        // A small circle in a wide view (presentation mode): the names beside it have the room
        // left and right of the circle; use it rather than cutting them.
        qreal widest = 0;
        for (const QString &label : labels)
            widest = std::max(widest, fm.horizontalAdvance(label) + 4);
        const qreal besideCircle = area.width() / 2 - l.radius - l.nodeRadius - 16;
        l.labelWidth = std::max(l.labelWidth, std::min(widest, besideCircle));
    }
    l.positions.reserve(size_t(n));
    l.radii.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        QPointF pos = l.centre;
        if (n == 2) {
            pos += QPointF(i == 0 ? -l.radius : l.radius, 0);
        } else if (n > 2) {
            const qreal angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * i / n;
            pos += QPointF(std::cos(angle), std::sin(angle)) * l.radius;
        }
        l.positions.push_back(pos);
        // Busier nodes are a little larger.
        const qreal share =
            maxTraffic > 0 && size_t(i) < traffic.size()
                ? std::log1p(double(traffic[size_t(i)])) / std::log1p(double(maxTraffic))
                : 0;
        l.radii.push_back(l.nodeRadius * (0.7 + 0.3 * share));
    }
    return l;
}

QPointF AgentGraphViewPrivate::edgePoint(const Layout &l, int from, int to, qreal t) const
{
    const QPointF a = l.positions[size_t(from)];
    if (from == to) {
        // Around the loop outside the node.
        const QPointF out = a - l.centre;
        const qreal len = std::hypot(out.x(), out.y());
        const QPointF dir = len > 0 ? out / len : QPointF(0, -1);
        const qreal r = l.radii[size_t(from)];
        const QPointF loopCentre = a + dir * (r * 1.6);
        const qreal start = std::atan2(-dir.y(), -dir.x());
        const qreal angle = start + 2 * std::numbers::pi * t;
        return loopCentre + QPointF(std::cos(angle), std::sin(angle)) * (r * 0.8);
    }
    const QPointF b = l.positions[size_t(to)];
    const QPointF ab = b - a;
    const qreal len = std::hypot(ab.x(), ab.y());
    if (len <= 0)
        return a;
    const QPointF dir = ab / len;
    const qreal ra = l.radii[size_t(from)];
    const qreal rb = l.radii[size_t(to)];
    return a + dir * (ra + t * std::max<qreal>(0, len - ra - rb));
}

int AgentGraphViewPrivate::edgeAt(const QPointF &pos, const Layout &l) const
{
    int best = -1;
    qreal bestDistance = 1e9;
    for (size_t i = 0; i < edges.size(); ++i) {
        const Edge &e = edges[i];
        qreal d = 0;
        if (e.a == e.b) {
            const QPointF c = edgePoint(l, e.a, e.a, 0.5);
            const QPointF loopCentre = (c + l.positions[size_t(e.a)]) / 2;
            d = std::abs(QLineF(pos, loopCentre).length() - l.radii[size_t(e.a)] * 0.8);
        } else {
            d = distanceToSegment(pos, l.positions[size_t(e.a)], l.positions[size_t(e.b)]);
        }
        if (d <= std::max<qreal>(4, edgeWidth(e.total()) / 2 + 2) && d < bestDistance) {
            bestDistance = d;
            best = int(i);
        }
    }
    return best;
}

AgentGraphViewPrivate::Frame::Frame(const AgentGraphViewPrivate &d, QPaintDevice *device, const QSizeF &size)
    : c(d.q->palette(), d.highContrast)
    , font(d.q->font())
    , small(smallFontOf(font))
    , fm(font, device)
    , smallFm(small, device)
    , size(size)
    , l(d.layout(size))
    , violation(d.q->violationEdge())
{
    std::tie(selFrom, selTo) = d.selectedEnds();
    hasSelection = selFrom >= 0 && selTo >= 0 && selFrom < d.nodes && selTo < d.nodes;
    edgeColor = mixColors(c.base, c.text, c.dark ? 0.42 : 0.32);
    if (d.edges.size() > 12) {
        // Many crossing edges: lighter, so that they show through each other. Drawn opaque in
        // the colour a 45% tint has on the background (the same where edges do not cross; where
        // they do, they no longer darken): translucent wide antialiased lines took five times
        // as long (35 ms against 7 for 190 edges).
        edgeColor = mixColors(c.base, mixColors(c.base, c.text, c.dark ? 0.6 : 0.5), 0.45);
    }
}

std::pair<int, int> AgentGraphViewPrivate::selectedEnds() const
{
    if (!store || store->selectedMessage() == 0)
        return {-1, -1};
    const EventStore::MessageSpan *span = store->span(store->selectedMessage());
    if (!span || span->sent < 0 || span->sent >= count)
        return {-1, -1};
    const TrafficEvent &e = store->at(span->sent);
    return {store->participantIndex(e.from), store->participantIndex(e.to)};
}

void AgentGraphViewPrivate::paint(QPainter *p, const QSizeF &size, bool animated) const
{
    if (nodes == 0) {
        const ViewColors c(q->palette(), highContrast);
        const QRectF all(QPointF(0, 0), size);
        p->fillRect(all, c.base);
        p->setFont(q->font());
        p->setPen(c.muted);
        p->drawText(all, Qt::AlignCenter | Qt::TextWordWrap,
                    store ? AgentGraphView::tr(
                        "No agents yet.\nThey appear here as soon as they exchange messages.")
                          : AgentGraphView::tr("No event store."));
        return;
    }
    const Frame f(*this, p->device(), size);
    paintUnder(p, f);
    paintFlights(p, f, animated);
    paintOver(p, f, placeLabels(f));
}

void AgentGraphViewPrivate::paintUnder(QPainter *p, const Frame &f) const
{
    const ViewColors &c = f.c;
    const Layout &l = f.l;
    p->fillRect(QRectF(QPointF(0, 0), f.size), c.base);
    p->setRenderHint(QPainter::Antialiasing, true);
    const int selFrom = f.selFrom;
    const int selTo = f.selTo;
    const QColor &edgeColor = f.edgeColor;
    for (const Edge &e : edges) {
        const qreal w = edgeWidth(e.total()) * c.lineScale;
        QPen pen(edgeColor, w, Qt::SolidLine, Qt::RoundCap);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        if (e.a == e.b) {
            const QPointF onLoop = edgePoint(l, e.a, e.a, 0.5);
            const QPointF loopCentre = (onLoop + l.positions[size_t(e.a)]) / 2;
            const qreal r = l.radii[size_t(e.a)] * 0.8;
            p->drawEllipse(loopCentre, r, r);
        } else {
            p->drawLine(l.positions[size_t(e.a)], l.positions[size_t(e.b)]);
        }
    }
    if (f.hasSelection) {
        const qsizetype key = edgeIndex.value(pairKey(selFrom, selTo), -1);
        const qreal w = key >= 0 ? edgeWidth(edges[size_t(key)].total()) : 2;
        if (selFrom == selTo) {
            const QPointF onLoop = edgePoint(l, selFrom, selFrom, 0.5);
            const QPointF loopCentre = (onLoop + l.positions[size_t(selFrom)]) / 2;
            const qreal r = l.radii[size_t(selFrom)] * 0.8;
            p->setPen(QPen(c.accent, std::max<qreal>(3, w + 1)));
            p->drawEllipse(loopCentre, r, r);
        } else {
            const QPointF a = edgePoint(l, selFrom, selTo, 0);
            const QPointF b = edgePoint(l, selFrom, selTo, 1);
            p->setPen(
                QPen(c.accentHalo, std::max<qreal>(3, w + 1) + 6, Qt::SolidLine, Qt::RoundCap));
            p->drawLine(a, b);
            p->setPen(QPen(c.accent, std::max<qreal>(3, w + 1), Qt::SolidLine, Qt::RoundCap));
            p->drawLine(a, b - (b - a) / std::max<qreal>(1, QLineF(a, b).length()) * 8);
            p->setPen(Qt::NoPen);
            p->setBrush(c.accent);
            p->drawPolygon(arrowHead(a, b, 14, 7));
            p->setBrush(Qt::NoBrush);
        }
    }

    // The message whose delivery breaks the counterexample's invariant: a red arrow.
    if (const auto [vFrom, vTo] = f.violation; vFrom >= 0 && vFrom < nodes && vTo < nodes && vFrom != vTo) {
        const QColor red = c.dark ? QColor(255, 110, 110) : QColor(200, 30, 30);
        const QPointF a = edgePoint(l, vFrom, vTo, 0);
        const QPointF b = edgePoint(l, vFrom, vTo, 1);
        p->setPen(QPen(red, 3 * c.lineScale, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(a, b - (b - a) / std::max<qreal>(1, QLineF(a, b).length()) * 8);
        p->setPen(Qt::NoPen);
        p->setBrush(red);
        p->drawPolygon(arrowHead(a, b, 14, 7));
        p->setBrush(Qt::NoBrush);
    }

    // Counts on the edges.
    if (int(edges.size()) <= kMaxCountLabels) {
        p->setFont(f.small);
        for (const Edge &e : edges) {
            if (e.a == e.b)
                continue;
            const QPointF a = l.positions[size_t(e.a)];
            const QPointF b = l.positions[size_t(e.b)];
            if (QLineF(a, b).length() < l.radii[size_t(e.a)] + l.radii[size_t(e.b)] + 40)
                continue;
            const QString text = QString::number(e.total());
            const qreal w = f.smallFm.horizontalAdvance(text) + 8;
            const qreal h = f.smallFm.height();
            const QPointF mid = (a + b) / 2;
            const QRectF box(mid.x() - w / 2, mid.y() - h / 2, w, h);
            p->setPen(QPen(edgeColor, 1));
            p->setBrush(c.base);
            p->drawRoundedRect(box, h / 2, h / 2);
            p->setPen(c.muted);
            p->drawText(box, Qt::AlignCenter, text);
        }
        p->setBrush(Qt::NoBrush);
    }
}

void AgentGraphViewPrivate::paintFlights(QPainter *p, const Frame &f, bool animated) const
{
    const ViewColors &c = f.c;
    const Layout &l = f.l;
    // Messages in flight.
    const qint64 now = clock.elapsed();
    size_t drawn = 0;
    for (const auto &[id, flight] : flights) {
        if (drawn++ >= kMaxDots)
            break;
        if (flight.from >= nodes || flight.to >= nodes)
            continue;
        // Messages sent in the same burst start at slightly different places; standing still,
        // they keep clear of the count in the middle of the edge.
        const double phase = double(id % 5) * 0.13;
        qreal t = 0.22 + phase;
        if (animated)
            t = std::fmod(double(now - flight.startedMs) / kTravelMs + phase, 1.0);
        const QPointF pos = edgePoint(l, flight.from, flight.to, t);
        p->setPen(QPen(c.base, 1.5));
        p->setBrush(c.forType(flight.type));
        p->drawEllipse(pos, 4.5, 4.5);
    }
    p->setBrush(Qt::NoBrush);
}

std::vector<AgentGraphViewPrivate::Label> AgentGraphViewPrivate::placeLabels(const Frame &f) const
{
    const Layout &l = f.l;
    std::vector<Label> all;
    for (int i = 0; i < nodes && i < labels.size(); ++i) {
        const QPointF pos = l.positions[size_t(i)];
        const qreal r = l.radii[size_t(i)];
        const QString text = f.fm.elidedText(labels.at(i), Qt::ElideMiddle, l.labelWidth);
        const qreal w = f.fm.horizontalAdvance(text);
        const qreal h = f.fm.height();
        QPointF dir = nodes == 1 ? QPointF(0, 1) : pos - l.centre;
        const qreal len = std::hypot(dir.x(), dir.y());
        dir = len > 0 ? dir / len : QPointF(0, 1);
        const QPointF anchor = pos + dir * (r + 6);
        qreal x = anchor.x() - w / 2;
        if (dir.x() > 0.35)
            x = anchor.x();
        else if (dir.x() < -0.35)
            x = anchor.x() - w;
        qreal y = anchor.y() - h / 2;
        if (dir.y() > 0.35)
            y = anchor.y();
        else if (dir.y() < -0.35)
            y = anchor.y() - h;
        all.push_back(Label{i, QRectF(x - 3, y, w + 6, h), text});
    }
    // A crowded circle (many agents, a small view): a label that would run into one placed
    // before, or into another node, is left out (the node's tooltip names it). The selected
    // node and the selected message's ends come first, then the others in order.
    std::vector<size_t> order(all.size());
    std::iota(order.begin(), order.end(), size_t(0));
    const auto priority = [&](const Label &label) {
        if (label.node == selected)
            return 0;
        return f.hasSelection && (label.node == f.selFrom || label.node == f.selTo) ? 1 : 2;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return priority(all[a]) < priority(all[b]); });
    std::vector<Label> placed;
    placed.reserve(all.size());
    for (const size_t k : order) {
        const Label &label = all[k];
        const QRectF box = label.box.adjusted(-1, -1, 1, 1);
        bool free = std::none_of(placed.begin(), placed.end(),
                                 [&](const Label &other) { return other.box.intersects(box); });
        for (int j = 0; free && j < nodes; ++j) {
            if (j == label.node)
                continue;
            const QPointF c = l.positions[size_t(j)];
            const qreal r = l.radii[size_t(j)];
            free = !QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r).intersects(box);
        }
        if (free)
            placed.push_back(label);
    }
    return placed;
}

void AgentGraphViewPrivate::paintOver(QPainter *p, const Frame &f, const std::vector<Label> &placed) const
{
    const ViewColors &c = f.c;
    const Layout &l = f.l;
    // Nodes, then their labels.
    const QColor nodeFill = mixColors(c.base, c.text, c.dark ? 0.14 : 0.07);
    const QColor nodeLine = mixColors(c.base, c.text, 0.5);
    p->setFont(f.font);
    for (int i = 0; i < nodes; ++i) {
        const QPointF pos = l.positions[size_t(i)];
        const qreal r = l.radii[size_t(i)];
        const bool isSelected = i == selected;
        const bool inMessage = f.hasSelection && (i == f.selFrom || i == f.selTo);
        p->setPen(QPen(isSelected || inMessage ? c.accent : nodeLine, isSelected  ? 3
                                                                      : inMessage ? 2.2
                                                                                  : 1.3));
        p->setBrush(isSelected ? mixColors(c.base, c.accent, 0.3) : nodeFill);
        const QString &address = store->participants().at(i);
        if (address.endsWith(u'/'))
            p->drawRoundedRect(QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r), r * 0.3, r * 0.3);
        else
            p->drawEllipse(pos, r, r);
    }
    for (const Label &label : placed) {
        const bool isSelected = label.node == selected;
        const bool inMessage = f.hasSelection && (label.node == f.selFrom || label.node == f.selTo);
        p->setPen(Qt::NoPen);
        p->setBrush(c.labelBackground);
        p->drawRoundedRect(label.box, 3, 3);
        p->setBrush(Qt::NoBrush);
        p->setPen(isSelected || inMessage ? c.accentText : c.text);
        p->drawText(label.box, Qt::AlignCenter, label.text);
    }

    // Legend.
    p->setFont(f.small);
    p->setPen(c.muted);
    QString legend = AgentGraphView::tr("participants: %1").arg(nodes) + QStringLiteral(" · ")
                     + AgentGraphView::tr("links: %1").arg(edges.size());
    if (!flights.empty())
        legend += QStringLiteral(" · ") + AgentGraphView::tr("in flight: %1").arg(flights.size());
    if (f.hasSelection)
        legend += QStringLiteral(" · ")
                  + AgentGraphView::tr("selected: %1 → %2")
                        .arg(labels.value(f.selFrom), labels.value(f.selTo));
    const QRectF legendBox(8, f.size.height() - f.smallFm.height() - 6, f.size.width() - 16,
                           f.smallFm.height());
    p->drawText(legendBox, Qt::AlignLeft | Qt::AlignVCenter,
                f.smallFm.elidedText(legend, Qt::ElideRight, legendBox.width()));
}

// ---- AgentGraphView ----

AgentGraphView::AgentGraphView(EventStore *store, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<AgentGraphViewPrivate>(this))
{
    setAccessibleName(tr("Agent graph"));
    setAccessibleDescription(
        tr("The agents and containers as nodes, with a line between each pair that "
           "exchanged messages; messages on their way move along the lines."));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::StrongFocus);
    d->clock.start();
    d->timer.setParent(this); // part of the view (a look at the window's objects finds it)
    d->timer.setInterval(kFrameMs);
    connect(&d->timer, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    d->rebuilding.setParent(this);
    d->rebuilding.setSingleShot(true);
    d->rebuilding.setInterval(0);
    connect(&d->rebuilding, &QTimer::timeout, this, [this] {
        if (d->indexSlice())
            d->rebuilding.start();
        d->updateTimer();
        update();
    });
    setStore(store);
}

AgentGraphView::~AgentGraphView() = default;

EventStore *AgentGraphView::store() const
{
    return d->store;
}

void AgentGraphView::setStore(EventStore *store)
{
    if (d->store)
        disconnect(d->store, nullptr, this, nullptr);
    d->store = store;
    if (store) {
        connect(store, &EventStore::eventsAppended, this, [this](qsizetype, qsizetype last) {
            d->indexEvents(last);
            d->updateTimer();
            update();
        });
        connect(store, &EventStore::reset, this, [this] { d->rebuild(); });
        connect(store, &EventStore::participantsChanged, this, [this] {
            d->updateLabels();
            update();
        });
        connect(store, &EventStore::displayNamesChanged, this, [this] {
            d->updateLabels();
            update();
        });
        connect(store, &EventStore::selectedMessageChanged, this, qOverload<>(&QWidget::update));
        connect(store, &EventStore::violationChanged, this, qOverload<>(&QWidget::update));
    }
    d->rebuild();
}

QHash<int, QRectF> AgentGraphView::labelRects() const
{
    QHash<int, QRectF> rects;
    if (d->nodes == 0)
        return rects;
    const AgentGraphViewPrivate::Frame f(*d, const_cast<AgentGraphView *>(this), QSizeF(size()));
    for (const AgentGraphViewPrivate::Label &label : d->placeLabels(f))
        rects.insert(label.node, label.box);
    return rects;
}

int AgentGraphView::underLayerPictures() const
{
    return d->underPictures;
}

bool AgentGraphView::isRebuilding() const
{
    return d->rebuilding.isActive();
}

int AgentGraphView::nodeCount() const
{
    return d->nodes;
}

int AgentGraphView::edgeCount() const
{
    return int(d->edges.size());
}

qint64 AgentGraphView::messageCount(int a, int b) const
{
    const int index = d->edgeIndex.value(pairKey(a, b), -1);
    return index < 0 ? 0 : d->edges[size_t(index)].total();
}

int AgentGraphView::inFlightCount() const
{
    return int(d->flights.size());
}

void AgentGraphView::setHighContrast(bool on)
{
    if (d->highContrast == on)
        return;
    d->highContrast = on;
    update();
}

bool AgentGraphView::isHighContrast() const
{
    return d->highContrast;
}

QFont AgentGraphView::labelFont() const
{
    return font();
}

bool AgentGraphView::isAnimationEnabled() const
{
    return d->animationEnabled;
}

void AgentGraphView::setAnimationEnabled(bool enabled)
{
    d->animationEnabled = enabled;
    d->updateTimer();
    update();
}

bool AgentGraphView::isAnimating() const
{
    return d->timer.isActive();
}

int AgentGraphView::selectedNode() const
{
    return d->selected;
}

void AgentGraphView::setSelectedNode(int node)
{
    node = node >= 0 && node < d->nodes ? node : -1;
    if (node == d->selected)
        return;
    d->selected = node;
    update();
}

QPointF AgentGraphView::nodePosition(int node) const
{
    if (node < 0 || node >= d->nodes)
        return {};
    return d->layout(QSizeF(size())).positions[size_t(node)];
}

int AgentGraphView::nodeAt(const QPoint &pos) const
{
    const Layout l = d->layout(QSizeF(size()));
    for (int i = d->nodes - 1; i >= 0; --i) {
        if (QLineF(pos, l.positions[size_t(i)]).length() <= l.radii[size_t(i)] + 2)
            return i;
    }
    return -1;
}

void AgentGraphView::render(QPainter *painter, const QRectF &target)
{
    const QSize natural = exportSize();
    painter->save();
    if (!target.isNull()) {
        const qreal scale =
            std::min(target.width() / natural.width(), target.height() / natural.height());
        const QSizeF scaled = QSizeF(natural) * scale;
        painter->translate(target.left() + (target.width() - scaled.width()) / 2,
                           target.top() + (target.height() - scaled.height()) / 2);
        painter->scale(scale, scale);
    }
    painter->setClipRect(QRect(QPoint(0, 0), natural), Qt::IntersectClip);
    d->paint(painter, QSizeF(natural), false);
    painter->restore();
}

QSize AgentGraphView::exportSize() const
{
    return width() >= 320 && height() >= 240 ? size() : QSize(800, 600);
}

bool AgentGraphView::exportImage(const QString &fileName)
{
    QString error;
    if (!exportViewImage(this, exportSize(), [this](QPainter *painter) { render(painter, QRectF()); }, fileName, &error)) {
        qCWarning(lcGraph) << "Cannot write" << fileName << error;
        return false;
    }
    return true;
}

bool AgentGraphView::exportSvg(const QString &fileName)
{
    QString error;
    if (!writeSvgFile(
            fileName, exportSize(), logicalDpiX(), tr("Agent graph"),
            tr("Agents and the messages between them, exported from MAS Inspector"),
            [this](QPainter *painter) { render(painter, QRectF()); }, &error)) {
        qCWarning(lcGraph) << "Cannot write" << fileName << error;
        return false;
    }
    return true;
}

QSize AgentGraphView::sizeHint() const
{
    return QSize(480, 400);
}

QSize AgentGraphView::minimumSizeHint() const
{
    return QSize(160, 120);
}

void AgentGraphView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!d->animationEnabled || d->flights.empty() || d->nodes == 0) {
        d->animation.reset();
        d->paint(&painter, QSizeF(size()), d->animationEnabled);
        return;
    }
    // An animation frame (about 30 a second while messages are in flight, for as long as the
    // graph is shown): the under layer, whose wide antialiased edges cost most of a frame, is
    // drawn from a picture of it, and the layout and labels are those placed with it; all made
    // again when something they show changes.
    const qreal ratio = devicePixelRatioF();
    AgentGraphViewPrivate::FrameKey key{
        .size = size(),
        .pixelRatio = ratio,
        .generation = d->generation,
        .count = d->count,
        .nodes = d->nodes,
        .selected = d->selected,
        .selectedEnds = d->selectedEnds(),
        .violation = violationEdge(),
        .palette = palette().cacheKey(),
        .font = font(),
        .labels = d->labels,
        .highContrast = d->highContrast,
    };
    if (!d->animation || !(key == d->animation->key)) {
        AgentGraphViewPrivate::Frame frame(*d, this, QSizeF(size()));
        QPixmap under(size() * ratio);
        under.setDevicePixelRatio(ratio);
        QPainter layer(&under);
        layer.setFont(font());
        d->paintUnder(&layer, frame);
        layer.end();
        std::vector<AgentGraphViewPrivate::Label> labels = d->placeLabels(frame);
        d->animation.emplace(AgentGraphViewPrivate::Animation{std::move(key), std::move(frame), std::move(under),
                                                              std::move(labels)});
        ++d->underPictures;
    }
    const AgentGraphViewPrivate::Animation &a = *d->animation;
    painter.drawPixmap(0, 0, a.under);
    painter.setRenderHint(QPainter::Antialiasing, true);
    d->paintFlights(&painter, a.frame, true);
    d->paintOver(&painter, a.frame, a.labels);
}

void AgentGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !d->store) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    const int node = nodeAt(pos);
    setSelectedNode(node);
    if (node >= 0) {
        const QString address = d->store->participants().at(node);
        QToolTip::showText(event->globalPosition().toPoint(), address, this);
        Q_EMIT nodeClicked(address);
    } else if (const int edge = d->edgeAt(pos, d->layout(QSizeF(size()))); edge >= 0) {
        // An edge selects the latest message on it.
        const qsizetype row = d->edges[size_t(edge)].lastSent;
        if (row >= 0 && row < d->store->size())
            d->store->setSelectedMessage(d->store->at(row).messageId);
    }
    event->accept();
}

bool AgentGraphView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && d->store) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Layout l = d->layout(QSizeF(size()));
        QString text;
        if (const int node = nodeAt(help->pos()); node >= 0) {
            const qint64 traffic = size_t(node) < d->traffic.size() ? d->traffic[size_t(node)] : 0;
            // Its name first (a crowded circle leaves some labels out), then its address.
            const QString &address = d->store->participants().at(node);
            const QString name = d->labels.value(node);
            text = (name.isEmpty() || name == address ? address : name + u'\n' + address) + u'\n'
                   + tr("%n message(s) sent or received", nullptr,
                        int(std::min<qint64>(traffic, INT_MAX)));
        } else if (const int edge = d->edgeAt(help->pos(), l); edge >= 0) {
            const Edge &e = d->edges[size_t(edge)];
            const QString a = d->labels.value(e.a);
            const QString b = d->labels.value(e.b);
            text = e.a == e.b ? tr("%1 → itself: %2").arg(a).arg(e.ab)
                              : tr("%1 → %2: %3\n%2 → %1: %4").arg(a, b).arg(e.ab).arg(e.ba);
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void AgentGraphView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    d->updateTimer();
}

void AgentGraphView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    d->timer.stop();
}

std::pair<int, int> AgentGraphView::violationEdge() const
{
    const EventStore *store = d->store;
    if (!store || !store->hasViolation())
        return {-1, -1};
    // The step names its message; the message's Sent event (once shown) names its ends.
    const EventStore::MessageSpan *span = store->span(store->violationMessage());
    if (!span || span->sent < 0 || span->sent >= store->size())
        return {-1, -1};
    const TrafficEvent &sent = store->at(span->sent);
    const int from = store->participantIndex(sent.from);
    const int to = store->participantIndex(sent.to);
    return from >= 0 && to >= 0 ? std::pair(from, to) : std::pair(-1, -1);
}

} // namespace mas::ui
