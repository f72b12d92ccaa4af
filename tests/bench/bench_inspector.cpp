// SPDX-License-Identifier: MIT
// MAS Inspector's views with a large log: the time to load and lay out 100,000 events, and the
// time per frame to repaint the sequence diagram while scrolling through it (aims: load under
// 2 s, repaint under 16 ms). Baseline in the same run: a QTableView over the same events (the
// message table), loaded and scrolled the same way, so the diagram's cost reads as a ratio.
// Offscreen rendering; each frame is painted with QWidget::grab(), synchronously and whole.
//
//   QT_QPA_PLATFORM=offscreen bench_inspector [EVENTS]

#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QPixmap>
#include <QScrollBar>
#include <QTableView>

#include <cstdio>
#include <random>

using namespace mas;
using namespace mas::ui;

namespace {

/// A log shaped like a busy demo: 20 agents, requests and their replies, mostly delivered soon.
std::vector<TrafficEvent> syntheticLog(int count)
{
    std::mt19937 random(42);
    std::vector<TrafficEvent> events;
    events.reserve(size_t(count));
    std::vector<TrafficEvent> inFlight;
    quint64 nextId = 1;
    double time = 0;
    while (int(events.size()) < count) {
        const bool send = inFlight.size() < 8 && (inFlight.empty() || random() % 2 == 0);
        TrafficEvent e;
        e.sequence = quint64(events.size());
        if (send) {
            e.kind = TrafficEvent::Kind::Sent;
            e.messageId = nextId++;
            e.from = QStringLiteral("local://demo-%1/0").arg(random() % 20);
            e.to = QStringLiteral("local://demo-%1/0").arg(random() % 20);
            e.type = MessageType(random() % 3 == 0 ? 1 : 0);
            e.path = e.type == MessageType::Request ? QStringLiteral("agents/0/election") : QString();
            e.size = 48;
            e.content = Value::list({"agents/0/election", Value::list({qint64(random() % 1000)}), Value::map()});
            inFlight.push_back(e);
        } else {
            const size_t pick = random() % inFlight.size();
            e = inFlight[pick];
            inFlight.erase(inFlight.begin() + qsizetype(pick));
            e.sequence = quint64(events.size());
            e.kind = random() % 50 == 0 ? TrafficEvent::Kind::Dropped : TrafficEvent::Kind::Delivered;
            e.content = Value();
        }
        if (random() % 500 == 0)
            time += 1;
        e.simTime = time;
        events.push_back(std::move(e));
    }
    return events;
}

/// Milliseconds per frame to repaint `widget` at `frames` scroll positions spread over `bar`.
double framePaint(QWidget *viewport, QScrollBar *bar, int frames)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < frames; ++i) {
        bar->setValue(bar->minimum() + int(qint64(bar->maximum() - bar->minimum()) * i / std::max(1, frames - 1)));
        // grab() paints synchronously into a pixmap: the whole frame, whatever the platform.
        const QPixmap frame = viewport->grab();
        if (frame.isNull())
            return -1;
    }
    return double(timer.nsecsElapsed()) / 1e6 / frames;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1000, atoi(argv[1])) : 100'000;
    const std::vector<TrafficEvent> events = syntheticLog(count);
    constexpr int kFrames = 200;

    // The diagram and the graph, fed by one store.
    EventStore store;
    SequenceDiagramView sequence(&store);
    AgentGraphView graph(&store);
    sequence.resize(1000, 700);
    graph.resize(600, 500);
    sequence.show();
    graph.show();
    QElapsedTimer timer;
    timer.start();
    store.setEvents(events);
    (void)sequence.viewport()->grab();
    (void)graph.grab();
    const double loadViews = double(timer.nsecsElapsed()) / 1e6;
    const double sequenceFrame = framePaint(sequence.viewport(), sequence.verticalScrollBar(), kFrames);
    sequence.setZoom(0.25);
    const double sequenceFrameZoomedOut = framePaint(sequence.viewport(), sequence.verticalScrollBar(), kFrames);

    // The baseline: the message table over the same events.
    EventStore tableStore;
    EventTableModel model(&tableStore);
    QTableView table;
    table.setModel(&model);
    table.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table.resize(1000, 700);
    table.show();
    timer.restart();
    tableStore.setEvents(events);
    (void)table.viewport()->grab();
    const double loadTable = double(timer.nsecsElapsed()) / 1e6;
    const double tableFrame = framePaint(table.viewport(), table.verticalScrollBar(), kFrames);

    std::printf("MAS Inspector views with %d events (offscreen, %d frames per scroll)\n\n", count, kFrames);
    std::printf("%-44s %10s %14s\n", "", "ms", "vs table");
    std::printf("%-44s %10.1f %14.2f\n", "load + lay out: store, diagram and graph", loadViews, loadViews / loadTable);
    std::printf("%-44s %10.1f %14s\n", "load + lay out: message table (baseline)", loadTable, "1.00");
    std::printf("%-44s %10.2f %14.2f\n", "repaint per frame: sequence diagram", sequenceFrame, sequenceFrame / tableFrame);
    std::printf("%-44s %10.2f %14.2f\n", "repaint per frame: diagram at zoom 0.25", sequenceFrameZoomedOut,
                sequenceFrameZoomedOut / tableFrame);
    std::printf("%-44s %10.2f %14s\n", "repaint per frame: message table (baseline)", tableFrame, "1.00");
    std::printf("\naims: load under 2000 ms, repaint under 16 ms per frame\n");
    const bool ok = sequence.arrowCount() > 0 && graph.nodeCount() == 20 && model.rowCount() == count;
    if (!ok)
        std::fprintf(stderr, "the views did not show the log (arrows %d, nodes %d, rows %d)\n", sequence.arrowCount(),
                     graph.nodeCount(), model.rowCount());
    return ok ? 0 : 1;
}
