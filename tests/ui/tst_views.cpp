// SPDX-License-Identifier: MIT
#include "models/eventstore.h"
#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"

#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <vector>

using mas::MessageType;
using mas::TrafficEvent;
using mas::ui::AgentGraphView;
using mas::ui::EventStore;
using mas::ui::SequenceDiagramView;
using Kind = TrafficEvent::Kind;

namespace {

/// Builds a plausible event list by hand: what a LocalQueue would record.
class Script
{
public:
    std::vector<TrafficEvent> events;
    double time = 0;

    quint64 send(const QString &from,
                 const QString &to,
                 MessageType type,
                 const QString &path,
                 Kind kind = Kind::Sent)
    {
        TrafficEvent e = make(kind);
        e.messageId = m_nextId++;
        e.from = from;
        e.to = to;
        e.type = type;
        e.path = path;
        e.size = 96 + path.size();
        e.connection = 1;
        m_sent.insert(e.messageId, e);
        events.push_back(e);
        return e.messageId;
    }
    quint64 duplicate(quint64 original)
    {
        const TrafficEvent &o = m_sent[original];
        const quint64 id = send(o.from, o.to, o.type, o.path, Kind::Duplicated);
        events.back().originalId = original;
        return id;
    }
    void end(quint64 id, Kind kind = Kind::Delivered)
    {
        TrafficEvent e = m_sent.value(id);
        const quint64 sequence = quint64(events.size());
        e.kind = kind;
        e.sequence = sequence;
        e.simTime = time;
        e.content = {};
        events.push_back(e);
    }
    void connectTo(const QString &client, const QString &server, quint64 number)
    {
        TrafficEvent e = make(Kind::Connected);
        e.from = client;
        e.to = server;
        e.connection = number;
        events.push_back(e);
    }
    void clock(double t)
    {
        time = t;
        events.push_back(make(Kind::ClockChanged));
    }
    void delay(quint64 id, qint64 positions)
    {
        TrafficEvent e = m_sent.value(id);
        e.kind = Kind::Delayed;
        e.sequence = quint64(events.size());
        e.positions = positions;
        events.push_back(e);
    }

private:
    TrafficEvent make(Kind kind)
    {
        TrafficEvent e;
        e.sequence = quint64(events.size());
        e.kind = kind;
        e.simTime = time;
        return e;
    }
    quint64 m_nextId = 1;
    QHash<quint64, TrafficEvent> m_sent;
};

const QString kSim = QStringLiteral("local://sim/");
const QString kMarket = QStringLiteral("local://market/");
const QString kAuctioneer = QStringLiteral("local://market/0");
QString bidder(int i)
{
    return QStringLiteral("local://bidders/%1").arg(i);
}
const QString kBidders = QStringLiteral("local://bidders/");

/// A small auction: a start request, calls for bids, bids and a failure, a dropped message, a
/// duplicate, a delay, clock steps and two messages still in flight.
std::vector<TrafficEvent> auction()
{
    Script s;
    s.connectTo(kSim, kMarket, 1);
    s.clock(0);
    const quint64 start =
        s.send(kSim, kAuctioneer, MessageType::Request, QStringLiteral("agents/0/start_auction"));
    s.end(start);
    s.connectTo(kMarket, kBidders, 2);
    std::vector<quint64> calls;
    for (int i = 1; i <= 3; ++i)
        calls.push_back(s.send(kMarket, bidder(i), MessageType::Request,
                               QStringLiteral("agents/%1/call_for_bids").arg(i)));
    s.delay(calls[2], 1);
    s.end(calls[0]);
    const quint64 bid1 =
        s.send(bidder(1), kMarket, MessageType::Result, QStringLiteral("agents/1/call_for_bids"));
    s.end(calls[1]);
    s.end(calls[2]);
    const quint64 bid2 =
        s.send(bidder(2), kMarket, MessageType::Failure, QStringLiteral("agents/2/call_for_bids"));
    const quint64 bid3 =
        s.send(bidder(3), kMarket, MessageType::Result, QStringLiteral("agents/3/call_for_bids"));
    s.end(bid1);
    s.end(bid3);
    s.end(bid2);
    s.clock(1.5);
    const quint64 award =
        s.send(kMarket, bidder(3), MessageType::Request, QStringLiteral("agents/3/award"));
    const quint64 copy = s.duplicate(award);
    s.end(award);
    s.end(copy, Kind::Dropped);
    const quint64 notify =
        s.send(kMarket, bidder(1), MessageType::Request, QStringLiteral("agents/1/notify_lost"));
    s.end(notify, Kind::Dropped);
    const quint64 ack =
        s.send(bidder(3), kMarket, MessageType::Result, QStringLiteral("agents/3/award"));
    s.end(ack);
    const quint64 done =
        s.send(kAuctioneer, kSim, MessageType::Result, QStringLiteral("agents/0/start_auction"));
    s.end(done);
    s.clock(2);
    s.send(kSim, kAuctioneer, MessageType::Request, QStringLiteral("agents/0/start_auction"));
    s.send(kMarket, bidder(2), MessageType::Request, QStringLiteral("agents/2/call_for_bids"));
    return s.events;
}

/// `n` events among `agents` participants: requests and replies delivered after a random number
/// of other events (a few of them very late), some dropped, the last few still in flight.
std::vector<TrafficEvent> synthetic(qsizetype n, int agents, quint32 seed = 42)
{
    QRandomGenerator rng(seed);
    std::vector<TrafficEvent> events;
    events.reserve(size_t(n));
    std::vector<size_t> pending; // indexes of Sent events
    quint64 nextId = 1;
    double time = 0;
    while (qsizetype(events.size()) < n) {
        TrafficEvent e;
        e.sequence = quint64(events.size());
        e.simTime = time;
        if (rng.bounded(50) == 0) {
            time += 1;
            e.kind = Kind::ClockChanged;
            e.simTime = time;
        } else if (pending.size() < 6 || rng.bounded(2) == 0) {
            e.kind = Kind::Sent;
            e.messageId = nextId++;
            const int from = int(rng.bounded(agents));
            const int to = (from + 1 + int(rng.bounded(agents - 1))) % agents;
            e.from = QStringLiteral("local://q/%1").arg(from);
            e.to = QStringLiteral("local://q/%1").arg(to);
            e.type = MessageType(rng.bounded(10) < 6 ? 0 : rng.bounded(10) < 9 ? 1 : 2);
            e.path = QStringLiteral("agents/%1/step").arg(to);
            e.size = 100;
            pending.push_back(events.size());
        } else {
            // Mostly the oldest ones; sometimes a random one, so that some arrows are long.
            const size_t i = rng.bounded(4) == 0 ? size_t(rng.bounded(quint32(pending.size()))) : 0;
            e = events[pending[i]];
            pending.erase(pending.begin() + qsizetype(i));
            e.kind = rng.bounded(20) == 0 ? Kind::Dropped : Kind::Delivered;
            e.sequence = quint64(events.size());
            e.simTime = time;
        }
        events.push_back(std::move(e));
    }
    return events;
}

qsizetype sentRow(const EventStore &store, quint64 id)
{
    return store.span(id)->sent;
}

/// The middle of a message's arrow on screen.
QPoint arrowMiddle(const SequenceDiagramView &view, const EventStore &store, quint64 id)
{
    const EventStore::MessageSpan *span = store.span(id);
    const TrafficEvent &e = store.at(span->sent);
    const int h = view.rowHeight();
    const QPointF a(view.lifelineX(store.participantIndex(e.from)),
                    view.rowRect(span->sent).top() + h * 0.7);
    const QPointF b(view.lifelineX(store.participantIndex(e.to)),
                    view.rowRect(span->end).top() + h * 0.7);
    return ((a + b) / 2).toPoint();
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Button, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::ButtonText, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

} // namespace

class tst_Views : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortAddress_data();
    void shortAddress();
    void arrowsAppearWithBatches();
    void clickSelectsMessage();
    void selectionElsewhereScrollsIntoView();
    void keyboardMovesSelection();
    void followsNewEventsAtBottom();
    void zoomChangesRowHeight();
    void exportsSequence();
    void graphCounts();
    void graphAnimatesOnlyWhileInFlight();
    void graphAnimationFramesRedrawWhatChanged();
    void graphLabelsDoNotOverlap();
    void graphClickSelects();
    void exportsGraph();
    void largeStore();
    void screenshots();
};

void tst_Views::shortAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::addRow("agent") << QStringLiteral("local://q/3") << QStringLiteral("q/3");
    QTest::addRow("container") << QStringLiteral("local://market/") << QStringLiteral("market");
    QTest::addRow("tcp") << QStringLiteral("tcp://127.0.0.1:5555/0")
                         << QStringLiteral("127.0.0.1:5555/0");
    QTest::addRow("no scheme") << QStringLiteral("client 1") << QStringLiteral("client 1");
}

void tst_Views::shortAddress()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    QCOMPARE(SequenceDiagramView::shortAddress(address), expected);
}

void tst_Views::arrowsAppearWithBatches()
{
    EventStore store;
    SequenceDiagramView view(&store);
    AgentGraphView graph(&store);
    const std::vector<TrafficEvent> events = auction();
    for (size_t i = 0; i < 10; ++i)
        store.append(events[i]);
    QCOMPARE(view.arrowCount(), 0); // not announced yet
    store.flush();
    // Sent events among the first ten: the start and three calls for bids. Lifelines: sim,
    // auctioneer, market and bidders 1-3 (the "bidders" container only appears in a
    // connection, and connections get no lifeline).
    QCOMPARE(view.arrowCount(), 4);
    QCOMPARE(view.lifelineCount(), 6);
    QCOMPARE(graph.nodeCount(), 6);
    for (size_t i = 10; i < events.size(); ++i)
        store.append(events[i]);
    // The store's batch timer announces the rest.
    QTRY_COMPARE(view.arrowCount(), 14);
    QCOMPARE(graph.inFlightCount(), 2);

    store.setEvents(auction());
    QCOMPARE(view.arrowCount(), 14);
    store.clear();
    QCOMPARE(view.arrowCount(), 0);
    QCOMPARE(graph.nodeCount(), 0);
    QCOMPARE(graph.edgeCount(), 0);
}

void tst_Views::clickSelectsMessage()
{
    EventStore store;
    store.setEvents(auction());
    SequenceDiagramView view(&store);
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // The first call for bids goes from the market container to bidder 1 over several rows; its
    // middle lies on the row of another event, but the arrow wins.
    const quint64 call = store.at(5).messageId;
    QCOMPARE(store.at(5).path, QStringLiteral("agents/1/call_for_bids"));
    const QPoint middle = arrowMiddle(view, store, call);
    QVERIFY(view.rowAt(middle) != 5);
    QCOMPARE(view.messageAt(middle), call);
    QSignalSpy selected(&store, &EventStore::selectedMessageChanged);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, middle);
    QCOMPARE(store.selectedMessage(), call);
    QCOMPARE(selected.size(), 1);

    // A click in the gutter selects the row's message (here: a delivery).
    const qsizetype deliveredRow = store.span(call)->end;
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      QPoint(10, view.rowRect(deliveredRow).center().y()));
    QCOMPARE(store.selectedMessage(), call);
    const quint64 bid = store.at(10).messageId;
    QCOMPARE(store.at(10).type, MessageType::Result);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      QPoint(10, view.rowRect(10).center().y()));
    QCOMPARE(store.selectedMessage(), bid);

    // Empty space below the last row clears it.
    view.scrollToBottom();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      QPoint(view.viewport()->width() - 5, view.viewport()->height() - 5));
    QCOMPARE(store.selectedMessage(), quint64(0));

    // A drag on empty space pans instead of selecting.
    SequenceDiagramView narrow(&store);
    narrow.resize(420, 300);
    narrow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&narrow));
    QVERIFY(narrow.horizontalScrollBar()->maximum() > 0);
    narrow.scrollToBottom(); // under the last row: no arrow there
    const QPoint from(narrow.viewport()->width() - 20, narrow.viewport()->height() - 10);
    QCOMPARE(narrow.messageAt(from), quint64(0));
    QTest::mousePress(narrow.viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(narrow.viewport(), from - QPoint(60, 0));
    QTest::mouseMove(narrow.viewport(), from - QPoint(120, 0));
    QTest::mouseRelease(narrow.viewport(), Qt::LeftButton, {}, from - QPoint(120, 0));
    QCOMPARE(narrow.horizontalScrollBar()->value(),
             std::min(120, narrow.horizontalScrollBar()->maximum()));
    QCOMPARE(store.selectedMessage(), quint64(0));
}

void tst_Views::selectionElsewhereScrollsIntoView()
{
    EventStore store;
    store.setEvents(synthetic(5000, 8));
    SequenceDiagramView view(&store);
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.verticalScrollBar()->value(), 0);

    // A message far down the list, selected by another view.
    qsizetype row = 4000;
    while (store.at(row).kind != Kind::Sent)
        ++row;
    store.setSelectedMessage(store.at(row).messageId);
    QVERIFY(view.verticalScrollBar()->value() > 0);
    QVERIFY2(view.viewport()->rect().contains(view.rowRect(row)),
             "the selected message's row is on screen");
}

void tst_Views::keyboardMovesSelection()
{
    EventStore store;
    store.setEvents(auction());
    SequenceDiagramView view(&store);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFocus();

    // The Sent (and Duplicated) events in order.
    std::vector<quint64> messages;
    for (const TrafficEvent &e : store.events()) {
        if (e.kind == Kind::Sent || e.kind == Kind::Duplicated)
            messages.push_back(e.messageId);
    }
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(store.selectedMessage(), messages[0]);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(store.selectedMessage(), messages[1]);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(store.selectedMessage(), messages[2]);
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(store.selectedMessage(), messages[1]);
    store.setSelectedMessage(messages.back());
    QTest::keyClick(&view, Qt::Key_Down); // no further message: stays
    QCOMPARE(store.selectedMessage(), messages.back());
    QTest::keyClick(&view, Qt::Key_Escape);
    QCOMPARE(store.selectedMessage(), quint64(0));
}

void tst_Views::followsNewEventsAtBottom()
{
    const std::vector<TrafficEvent> events = synthetic(1000, 5);
    EventStore store;
    store.setEvents(std::vector<TrafficEvent>(events.begin(), events.begin() + 300));
    SequenceDiagramView view(&store);
    view.resize(700, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *v = view.verticalScrollBar();
    QVERIFY(v->maximum() > 0);
    QVERIFY(!view.isFollowing());

    // At the bottom: new events keep it there.
    view.scrollToBottom();
    QVERIFY(view.isFollowing());
    for (size_t i = 300; i < 500; ++i)
        store.append(events[i]);
    store.flush();
    QCOMPARE(v->value(), v->maximum());
    QVERIFY(view.viewport()->rect().intersects(view.rowRect(499)));

    // Scrolled up: it stays where the user put it.
    v->setValue(100);
    for (size_t i = 500; i < 700; ++i)
        store.append(events[i]);
    store.flush();
    QCOMPARE(v->value(), 100);
    QVERIFY(!view.viewport()->rect().intersects(view.rowRect(699)));
}

void tst_Views::zoomChangesRowHeight()
{
    EventStore store;
    store.setEvents(auction());
    SequenceDiagramView view(&store);
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy zoomed(&view, &SequenceDiagramView::zoomChanged);

    QCOMPARE(view.rowHeight(), SequenceDiagramView::kBaseRowHeight);
    QCOMPARE(view.rowRect(3).height(), SequenceDiagramView::kBaseRowHeight);
    QCOMPARE(view.rowRect(4).top() - view.rowRect(3).top(), SequenceDiagramView::kBaseRowHeight);
    const int column = view.columnWidth();
    view.zoomIn();
    QVERIFY(view.rowHeight() > SequenceDiagramView::kBaseRowHeight);
    QVERIFY(view.columnWidth() > column);
    view.setZoom(2);
    QCOMPARE(view.rowHeight(), 2 * SequenceDiagramView::kBaseRowHeight);
    QCOMPARE(view.rowRect(4).top() - view.rowRect(3).top(), 2 * SequenceDiagramView::kBaseRowHeight);
    view.setZoom(100);
    QCOMPARE(view.zoom(), SequenceDiagramView::kMaxZoom);
    view.setZoom(0);
    QCOMPARE(view.zoom(), SequenceDiagramView::kMinZoom);
    QVERIFY(view.rowHeight() >= SequenceDiagramView::kMinRowHeight);
    view.resetZoom();
    QCOMPARE(view.rowHeight(), SequenceDiagramView::kBaseRowHeight);
    QCOMPARE(zoomed.size(), 5);

    // Ctrl+wheel zooms; a plain wheel scrolls.
    const QPointF at(300, 200);
    QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &wheel);
    QCOMPARE(view.zoom(), 1.25);
    view.zoomOut();
    QCOMPARE(view.zoom(), 1.0);
}

void tst_Views::exportsSequence()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EventStore store;
    store.setEvents(auction());
    SequenceDiagramView view(&store);
    view.resize(400, 300); // smaller than the diagram: the export is not a screenshot

    const QString png = dir.filePath(QStringLiteral("sequence.png"));
    QVERIFY(view.exportImage(png));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), view.exportSize());
    QVERIFY(image.height() >= int(store.size()) * 22);
    QVERIFY(image.height() < int(store.size() + 5) * 22 + 100);
    QVERIFY(image.width() >= 6 * view.columnWidth());
    QVERIFY(image.width() > view.width()); // (the viewport of a view never shown keeps its default size)

    const QString svg = dir.filePath(QStringLiteral("sequence.svg"));
    QVERIFY(view.exportSvg(svg));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(QPoint(0, 0), view.exportSize()));

    // render() into any painter, scaled.
    QImage small(300, 200, QImage::Format_ARGB32);
    small.fill(Qt::transparent);
    QPainter painter(&small);
    view.render(&painter, QRectF(0, 0, 300, 200));
    painter.end();
    QVERIFY(small.pixelColor(150, 100).alpha() > 0);

    // A huge log is cut to a window of rows.
    EventStore big;
    big.setEvents(synthetic(20000, 6));
    SequenceDiagramView bigView(&big);
    const QString bigPng = dir.filePath(QStringLiteral("big.png"));
    QVERIFY(bigView.exportImage(bigPng));
    QImage bigImage(bigPng);
    QVERIFY(!bigImage.isNull());
    QVERIFY(bigImage.height() <= SequenceDiagramView::kMaxExportHeight);
    QVERIFY(bigImage.height() > SequenceDiagramView::kMaxExportHeight - 100);
    QVERIFY(QSvgRenderer(QString()).isValid() == false);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot write")));
    QVERIFY(!view.exportImage(dir.filePath(QStringLiteral("missing/dir/x.png"))));
}

void tst_Views::graphCounts()
{
    EventStore store;
    AgentGraphView graph(&store);
    store.setEvents(auction());
    QCOMPARE(graph.nodeCount(), 6);
    // sim-auctioneer, market-bidder 1, 2, 3
    QCOMPARE(graph.edgeCount(), 4);
    const int market = store.participantIndex(kMarket);
    const int b3 = store.participantIndex(bidder(3));
    QCOMPARE(graph.messageCount(market, b3), 5); // call, bid, award, its copy, ack
    QCOMPARE(graph.messageCount(b3, market), 5);
    QCOMPARE(graph.messageCount(store.participantIndex(kSim), b3), 0);
    QCOMPARE(graph.inFlightCount(), 2);

    // Incremental: one more message between new participants.
    TrafficEvent e;
    e.sequence = quint64(store.size());
    e.messageId = 1000;
    e.from = QStringLiteral("local://other/");
    e.to = QStringLiteral("local://other/7");
    store.append(e);
    store.flush();
    QCOMPARE(graph.nodeCount(), 8);
    QCOMPARE(graph.edgeCount(), 5);
    QCOMPARE(graph.inFlightCount(), 3);
}

void tst_Views::graphAnimatesOnlyWhileInFlight()
{
    Script s;
    const quint64 a =
        s.send(kSim, kAuctioneer, MessageType::Request, QStringLiteral("agents/0/start"));
    EventStore store;
    AgentGraphView graph(&store);
    store.setEvents(s.events);
    QCOMPARE(graph.inFlightCount(), 1);
    QVERIFY(!graph.isAnimating()); // hidden
    graph.resize(500, 400);
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    QVERIFY(graph.isAnimating());
    graph.setAnimationEnabled(false);
    QVERIFY(!graph.isAnimating());
    graph.setAnimationEnabled(true);
    QVERIFY(graph.isAnimating());
    graph.hide();
    QVERIFY(!graph.isAnimating());
    graph.show();
    QVERIFY(graph.isAnimating());

    s.end(a);
    store.append(s.events.back());
    store.flush();
    QCOMPARE(graph.inFlightCount(), 0);
    QVERIFY(!graph.isAnimating()); // idle: no timer
}

void tst_Views::graphAnimationFramesRedrawWhatChanged()
{
    // While messages are in flight the graph repaints about 30 times a second; its edges, counts
    // and selection (wide antialiased lines, the costly part) are drawn from a picture made when
    // one of them changes. Each change below must make a new picture, a frame alone must not.
    EventStore store;
    AgentGraphView graph(&store);
    store.setEvents(auction());
    graph.resize(500, 400);
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    QVERIFY(graph.isAnimating());
    (void)graph.grab();
    const int first = graph.underLayerPictures();
    QVERIFY(first >= 1);
    for (int i = 0; i < 3; ++i)
        (void)graph.grab();
    QCOMPARE(graph.underLayerPictures(), first); // animation frames: the same picture

    int pictures = first;
    const auto changedOnce = [&](const char *what) {
        (void)graph.grab();
        (void)graph.grab();
        if (graph.underLayerPictures() != pictures + 1)
            qWarning("%s: %d pictures, expected %d", what, graph.underLayerPictures(), pictures + 1);
        pictures = graph.underLayerPictures();
        return graph.underLayerPictures();
    };
    // A message more on an edge: its count and width.
    const int market = store.participantIndex(kMarket);
    const int b3 = store.participantIndex(bidder(3));
    TrafficEvent e;
    e.sequence = quint64(store.size());
    e.kind = Kind::Sent;
    e.messageId = 2000;
    e.from = kMarket;
    e.to = bidder(3);
    store.append(e);
    store.flush();
    QCOMPARE(graph.messageCount(market, b3), 6);
    int before = pictures;
    QCOMPARE(changedOnce("a message"), before + 1);
    // The selected message's edge is highlighted.
    store.setSelectedMessage(2000);
    before = pictures;
    QCOMPARE(changedOnce("the selection"), before + 1);
    // Another size, presentation colours, another font (the window's zoom).
    graph.resize(560, 420);
    before = pictures;
    QCOMPARE(changedOnce("the size"), before + 1);
    graph.setHighContrast(true);
    before = pictures;
    QCOMPARE(changedOnce("high contrast"), before + 1);
    QFont bigger = graph.font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5);
    graph.setFont(bigger);
    before = pictures;
    QCOMPARE(changedOnce("the font"), before + 1);
    // The same events again (a reload): the same count and selection, another generation.
    store.setSelectedMessage(0);
    before = pictures;
    QCOMPARE(changedOnce("no selection"), before + 1);
    std::vector<TrafficEvent> same;
    for (qsizetype i = 0; i < store.size(); ++i)
        same.push_back(store.at(i));
    store.setEvents(std::move(same));
    QTRY_VERIFY_WITH_TIMEOUT(!graph.isRebuilding(), 5000);
    QVERIFY(graph.isAnimating());
    before = pictures;
    QCOMPARE(changedOnce("a reset"), before + 1);
    // A frame from the picture is the frame painted directly, but for the moving messages:
    // without animation they stand still, drawn directly (no picture kept or made).
    const QImage fromPicture = graph.grab().toImage();
    QCOMPARE(graph.underLayerPictures(), pictures);
    graph.setAnimationEnabled(false);
    const QImage direct = graph.grab().toImage();
    QCOMPARE(graph.underLayerPictures(), pictures);
    QCOMPARE(fromPicture.size(), direct.size());
    qsizetype differing = 0;
    for (int y = 0; y < direct.height(); ++y) {
        for (int x = 0; x < direct.width(); ++x)
            differing += fromPicture.pixel(x, y) != direct.pixel(x, y);
    }
    // Each dot (about 12 × 12 pixels) where it moved to and where it stands still.
    QVERIFY2(differing <= 2 * 200 * graph.inFlightCount(), qPrintable(QString::number(differing)));
}

void tst_Views::graphLabelsDoNotOverlap()
{
    const auto noOverlaps = [](const QHash<int, QRectF> &rects) {
        const QList<QRectF> boxes = rects.values();
        for (qsizetype i = 0; i < boxes.size(); ++i) {
            for (qsizetype j = i + 1; j < boxes.size(); ++j) {
                if (boxes[i].intersects(boxes[j]))
                    return false;
            }
        }
        return true;
    };
    // Room for every name.
    EventStore store;
    store.setEvents(auction());
    AgentGraphView graph(&store);
    graph.resize(640, 480);
    QCOMPARE(graph.labelRects().size(), qsizetype(graph.nodeCount()));
    QVERIFY(noOverlaps(graph.labelRects()));

    // 40 agents in a small view (a docked graph on a laptop): the names that fit, none on
    // another, none on another node; the selected node's name always.
    EventStore busy;
    busy.setEvents(synthetic(4000, 40));
    AgentGraphView crowded(&busy);
    crowded.resize(520, 240);
    QTRY_VERIFY_WITH_TIMEOUT(!crowded.isRebuilding(), 5000);
    QCOMPARE(crowded.nodeCount(), 40);
    const QHash<int, QRectF> shown = crowded.labelRects();
    QVERIFY2(shown.size() >= 8 && shown.size() < 40, qPrintable(QString::number(shown.size())));
    QVERIFY(noOverlaps(shown));
    for (auto it = shown.begin(); it != shown.end(); ++it) {
        for (int node = 0; node < crowded.nodeCount(); ++node) {
            if (node != it.key())
                QVERIFY(QLineF(crowded.nodePosition(node), it.value().center()).length() > 4);
        }
    }
    int hidden = 0;
    while (hidden < 40 && shown.contains(hidden))
        ++hidden;
    QVERIFY(hidden < 40);
    crowded.setSelectedNode(hidden);
    QVERIFY(crowded.labelRects().contains(hidden));
    QVERIFY(noOverlaps(crowded.labelRects()));
}

void tst_Views::graphClickSelects()
{
    EventStore store;
    store.setEvents(auction());
    AgentGraphView graph(&store);
    graph.resize(600, 500);
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    QSignalSpy clicked(&graph, &AgentGraphView::nodeClicked);

    const int b2 = store.participantIndex(bidder(2));
    QCOMPARE(graph.nodeAt(graph.nodePosition(b2).toPoint()), b2);
    QTest::mouseClick(&graph, Qt::LeftButton, {}, graph.nodePosition(b2).toPoint());
    QCOMPARE(graph.selectedNode(), b2);
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.at(0).at(0).toString(), bidder(2));

    // An edge selects its latest message.
    const int market = store.participantIndex(kMarket);
    const QPointF a = graph.nodePosition(market);
    const QPointF b = graph.nodePosition(b2);
    QTest::mouseClick(&graph, Qt::LeftButton, {}, (a + (b - a) * 0.3).toPoint());
    QCOMPARE(graph.selectedNode(), -1);
    QCOMPARE(store.at(sentRow(store, store.selectedMessage())).to, bidder(2));
    QCOMPARE(store.at(sentRow(store, store.selectedMessage())).path,
             QStringLiteral("agents/2/call_for_bids"));
}

void tst_Views::exportsGraph()
{
    QTemporaryDir dir;
    EventStore store;
    store.setEvents(auction());
    AgentGraphView graph(&store);
    graph.resize(200, 150);
    const QString png = dir.filePath(QStringLiteral("graph.png"));
    QVERIFY(graph.exportImage(png));
    QImage image(png);
    QCOMPARE(image.size(), QSize(800, 600)); // too small to be useful: the default size
    graph.resize(700, 500);
    QVERIFY(graph.exportImage(png));
    QVERIFY(image.load(png));
    QCOMPARE(image.size(), QSize(700, 500));
    const QString svg = dir.filePath(QStringLiteral("graph.svg"));
    QVERIFY(graph.exportSvg(svg));
    QVERIFY(QSvgRenderer(svg).isValid());
}

void tst_Views::largeStore()
{
    QElapsedTimer timer;
    timer.start();
    std::vector<TrafficEvent> events = synthetic(100000, 20);
    qInfo("generating 100,000 events: %lld ms", timer.elapsed());

    EventStore store;
    SequenceDiagramView view(&store);
    AgentGraphView graph(&store);
    view.resize(1200, 800);
    graph.resize(600, 500);
    view.show();
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(QTest::qWaitForWindowExposed(&graph));

    timer.restart();
    store.setEvents(std::vector<TrafficEvent>(events.begin(), events.end() - 10000));
    qInfo("setEvents(90,000) including both views' indexes: %lld ms; %d in flight", timer.elapsed(),
          graph.inFlightCount());
    timer.restart();
    for (size_t i = events.size() - 10000; i < events.size(); ++i)
        store.append(events[i]);
    store.flush();
    qInfo("append + flush of 10,000 more: %lld ms", timer.elapsed());
    QCOMPARE(store.size(), 100000);
    QVERIFY(view.arrowCount() > 40000);
    QCOMPARE(graph.nodeCount(), 20);

    auto timeGrab = [](QWidget *w, const char *what) {
        QElapsedTimer t;
        t.start();
        const QPixmap pixmap = w->grab();
        qInfo("%s: %lld ms", what, t.elapsed());
        return !pixmap.isNull();
    };
    QVERIFY(timeGrab(&view, "sequence grab at the top"));
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
    QVERIFY(timeGrab(&view, "sequence grab in the middle"));
    view.scrollToBottom();
    QVERIFY(timeGrab(&view, "sequence grab at the bottom"));
    view.setZoom(SequenceDiagramView::kMinZoom);
    QVERIFY(timeGrab(&view, "sequence grab zoomed out"));
    QVERIFY(timeGrab(&graph, "graph grab"));

    const int frames = 40;
    for (double zoom : {1.0, double(SequenceDiagramView::kMinZoom)}) {
        view.setZoom(zoom);
        timer.restart();
        for (int i = 0; i < frames; ++i) {
            view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() * i / frames);
            view.viewport()->repaint();
        }
        qInfo("%d repaints while scrolling through at zoom %g: %.2f ms each", frames, zoom,
              double(timer.elapsed()) / frames);
    }

    QTemporaryDir dir;
    timer.restart();
    QVERIFY(view.exportImage(dir.filePath(QStringLiteral("big.png"))));
    qInfo("exportImage (%dx%d): %lld ms", view.exportSize().width(), view.exportSize().height(),
          timer.elapsed());
    timer.restart();
    QVERIFY(graph.exportSvg(dir.filePath(QStringLiteral("big.svg"))));
    qInfo("graph exportSvg: %lld ms", timer.elapsed());
}

void tst_Views::screenshots()
{
    EventStore store;
    store.setEvents(auction());
    SequenceDiagramView view(&store);
    AgentGraphView graph(&store);
    view.resize(1060, 720);
    graph.resize(640, 480);
    view.show();
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    graph.setAnimationEnabled(false);

    // Select the failing bid.
    for (const TrafficEvent &e : store.events()) {
        if (e.type == MessageType::Failure) {
            store.setSelectedMessage(e.messageId);
            break;
        }
    }
    QVERIFY(view.grab().save(QStringLiteral("/tmp/views-sequence.png")));
    QVERIFY(graph.grab().save(QStringLiteral("/tmp/views-graph.png")));
    QVERIFY(view.exportImage(QStringLiteral("/tmp/views-sequence-export.png")));

    view.setPalette(darkPalette());
    graph.setPalette(darkPalette());
    QVERIFY(view.grab().save(QStringLiteral("/tmp/views-sequence-dark.png")));
    QVERIFY(graph.grab().save(QStringLiteral("/tmp/views-graph-dark.png")));

    // A busier graph and a zoomed-out diagram.
    EventStore busy;
    busy.setEvents(synthetic(3000, 12));
    SequenceDiagramView busyView(&busy);
    AgentGraphView busyGraph(&busy);
    busyView.resize(1060, 720);
    busyGraph.resize(640, 480);
    busyView.setZoom(0.5);
    busyView.scrollToBottom();
    busyGraph.setAnimationEnabled(false);
    QVERIFY(busyView.grab().save(QStringLiteral("/tmp/views-sequence-busy.png")));
    QVERIFY(busyGraph.grab().save(QStringLiteral("/tmp/views-graph-busy.png")));
}

QTEST_MAIN(tst_Views)
#include "tst_views.moc"
