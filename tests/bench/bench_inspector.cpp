// SPDX-License-Identifier: MIT
// MAS Inspector with a large log (aims, issue 25: 1,000,000 events load in under 3 s, repaint
// under 16 ms per frame, under 1 GiB resident). The Inspector's own stack of models and views:
// the full EventStore, the teaching view's PlumbingFilter over it, the message table (an
// EventTableModel behind the search's EventFilterModel, in a QTableView), the sequence diagram
// and the agent graph, all on the filter's view, as InspectorWindow sets them up.
//
// Baselines in the same run: the general parse of the same JSON Lines file (each line decoded as a
// whole Value, then the event taken from it: TrafficEvent::fromJsonGeneral(), how logs were read
// before TrafficLog::load() read toJson()'s lines directly) for the load time and the memory, and
// the message table for the repaint time. Offscreen rendering; each frame is painted with QWidget::grab(), synchronously
// and whole. Times are the process's CPU time (what the work costs, also on a loaded machine),
// with the wall-clock time beside it. Memory is the process's resident set (VmRSS, VmHWM from
// /proc/self/status).
//
//   QT_QPA_PLATFORM=offscreen bench_inspector [EVENTS]      (default 1,000,000)

#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "models/plumbingfilter.h"
#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QPixmap>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <malloc.h>
#include <random>

using namespace mas;
using namespace mas::ui;

namespace {

/// A log shaped like a busy demo: 20 agents, requests and their replies, mostly delivered soon,
/// with the plumbing a real system has (address lookups and bare acknowledgements, which the
/// teaching view folds away).
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
            e.requestId = qint64(e.messageId);
            const bool lookup = random() % 10 == 0;
            if (e.type == MessageType::Request) {
                e.path = lookup ? QStringLiteral("validate_aid") : QStringLiteral("agents/0/election");
                e.content = lookup ? Value::list({"validate_aid", Value::list({"0"}), Value::map()})
                                   : Value::list({"agents/0/election", Value::list({qint64(random() % 1000)}), Value::map()});
            } else {
                e.content = lookup ? Value(true) : Value(qint64(random() % 1000));
            }
            e.size = 48;
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

/// CPU and wall-clock time since start() or restart(), in milliseconds.
class Stopwatch
{
public:
    Stopwatch() { restart(); }
    void restart()
    {
        m_cpu = cpuNs();
        m_wall.start();
    }
    double cpuMs() const { return double(cpuNs() - m_cpu) / 1e6; }
    double wallMs() const { return double(m_wall.nsecsElapsed()) / 1e6; }

private:
    static qint64 cpuNs()
    {
        timespec t{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    }
    qint64 m_cpu = 0;
    QElapsedTimer m_wall;
};

struct Figure
{
    double cpu = 0;  ///< ms of CPU
    double wall = 0; ///< ms of wall-clock time
};

Figure since(const Stopwatch &watch, int divide = 1)
{
    return {watch.cpuMs() / divide, watch.wallMs() / divide};
}

/// Milliseconds per frame to repaint `widget` at `frames` scroll positions spread over `bar`.
Figure framePaint(QWidget *viewport, QScrollBar *bar, int frames)
{
    const Stopwatch watch;
    for (int i = 0; i < frames; ++i) {
        bar->setValue(bar->minimum() + int(qint64(bar->maximum() - bar->minimum()) * i / std::max(1, frames - 1)));
        // grab() paints synchronously into a pixmap: the whole frame, whatever the platform.
        const QPixmap frame = viewport->grab();
        if (frame.isNull())
            return {-1, -1};
    }
    return since(watch, frames);
}

/// A field of /proc/self/status in MiB ("VmRSS", "VmHWM"); -1 where there is none.
double statusMiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

double rssMiB()
{
    malloc_trim(0); // what was freed goes back, so that the figure is what is held
    return statusMiB("VmRSS");
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1000, atoi(argv[1])) : 1'000'000;
    constexpr int kFrames = 200;

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("log.jsonl"));
    {
        const TrafficLog log(syntheticLog(count));
        if (Result<void> saved = log.save(file); !saved) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    const double rssStart = rssMiB();

    // Baseline: the general parse of the file, a line at a time, each decoded as a whole Value
    // first (how TrafficLog::load() read a log before it read toJson()'s lines directly).
    Stopwatch watch;
    Figure general;
    double rssParsed = 0;
    {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return 1;
        std::vector<TrafficEvent> events;
        while (!in.atEnd()) {
            const QByteArray line = in.readLine().trimmed();
            if (line.isEmpty())
                continue;
            Result<TrafficEvent> e = TrafficEvent::fromJsonGeneral(line);
            if (!e) {
                std::fprintf(stderr, "the log did not parse back\n");
                return 1;
            }
            events.push_back(std::move(*e));
        }
        general = since(watch);
        if (qsizetype(events.size()) != count) {
            std::fprintf(stderr, "the log did not parse back\n");
            return 1;
        }
        rssParsed = rssMiB() - rssStart;
    }
    // TrafficLog::load(): the lines read directly.
    watch.restart();
    Figure parse;
    {
        Result<TrafficLog> parsed = TrafficLog::load(file);
        parse = since(watch);
        if (!parsed || parsed->size() != count) {
            std::fprintf(stderr, "the log did not parse back\n");
            return 1;
        }
    }
    const double rssBefore = rssMiB();

    // The Inspector: the store, the teaching view and the views on it, as the window has them.
    EventStore store;
    PlumbingFilter filter(&store);
    EventTableModel model(filter.view());
    EventFilterModel search;
    search.setSourceModel(&model);
    QTableView table;
    table.setModel(&search);
    table.verticalHeader()->setVisible(false);
    table.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table.resize(1000, 700);
    SequenceDiagramView sequence(filter.view());
    AgentGraphView graph(filter.view());
    sequence.resize(1000, 700);
    graph.resize(600, 500);
    table.show();
    sequence.show();
    graph.show();

    watch.restart();
    Result<TrafficLog> loaded = TrafficLog::load(file);
    if (!loaded)
        return 1;
    store.setEvents(loaded->takeEvents()); // the Inspector keeps the store's events only
    (void)table.viewport()->grab();
    (void)sequence.viewport()->grab();
    (void)graph.grab();
    const Figure load = since(watch);
    const double rssLoaded = rssMiB() - rssBefore;

    const Figure tableFrame = framePaint(table.viewport(), table.verticalScrollBar(), kFrames);
    const Figure sequenceFrame = framePaint(sequence.viewport(), sequence.verticalScrollBar(), kFrames);
    sequence.setZoom(0.25);
    const Figure sequenceFrameZoomedOut = framePaint(sequence.viewport(), sequence.verticalScrollBar(), kFrames);
    const double peak = statusMiB("VmHWM");

    std::printf("MAS Inspector with %d events (%lld shown in the teaching view; offscreen, %d frames per scroll)\n\n",
                count, static_cast<long long>(filter.view()->size()), kFrames);
    std::printf("%-52s %13s %8s %13s\n", "", "CPU", "ratio", "wall clock");
    std::printf("%-52s %10.0f ms %8s %10.0f ms\n", "load: general parse of the JSONL (baseline)", general.cpu, "1.00",
                general.wall);
    std::printf("%-52s %10.0f ms %8.2f %10.0f ms\n", "load: TrafficLog::load(), lines read directly", parse.cpu,
                parse.cpu / general.cpu, parse.wall);
    std::printf("%-52s %10.0f ms %8.2f %10.0f ms\n", "load: load() + store + teaching view + views painted", load.cpu,
                load.cpu / general.cpu, load.wall);
    std::printf("%-52s %9.2f ms %8s %10.2f ms\n", "repaint per frame: message table (baseline)", tableFrame.cpu, "1.00",
                tableFrame.wall);
    std::printf("%-52s %9.2f ms %8.2f %10.2f ms\n", "repaint per frame: sequence diagram", sequenceFrame.cpu,
                sequenceFrame.cpu / tableFrame.cpu, sequenceFrame.wall);
    std::printf("%-52s %9.2f ms %8.2f %10.2f ms\n", "repaint per frame: diagram at zoom 0.25", sequenceFrameZoomedOut.cpu,
                sequenceFrameZoomedOut.cpu / tableFrame.cpu, sequenceFrameZoomedOut.wall);
    std::printf("\n%-52s %13s %8s\n", "", "resident", "ratio");
    std::printf("%-52s %9.0f MiB %8s\n", "memory: the log parsed generally (baseline)", rssParsed, "1.00");
    std::printf("%-52s %9.0f MiB %8.2f\n", "memory: the Inspector holding it", rssLoaded, rssLoaded / rssParsed);
    std::printf("%-52s %9.0f MiB\n", "memory: peak resident set of the whole run", peak);
    std::printf("\naims: load under 3000 ms, repaint under 16 ms per frame, under 1024 MiB resident\n");
    const bool ok = sequence.arrowCount() > 0 && graph.nodeCount() == 20 && model.rowCount() == filter.view()->size()
                    && filter.view()->size() > 0 && filter.view()->size() < count;
    if (!ok)
        std::fprintf(stderr, "the views did not show the log (arrows %d, nodes %d, rows %d)\n", sequence.arrowCount(),
                     graph.nodeCount(), model.rowCount());
    return ok ? 0 : 1;
}
