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
// Then the way the Inspector opens a file (InspectorSession::openSession(), as File → Open and the
// command line do): a session over sockets, read and parsed on a thread of its own with progress,
// its events added to the store and the views a slice at a time between event-loop turns. Its
// figure beside the load above is the longest stall of the GUI thread: the longest gap between
// two turns of the event loop (a 1 ms timer's timeouts; the CPU column is the GUI thread's own
// CPU time in that gap, the wall clock includes other programs' turns on a loaded machine), against the one-shot
// EventStore::setEvents() with its first paint (the baseline: how the file's events went in
// before, in one go); aim: under 100 ms.
//
//   QT_QPA_PLATFORM=offscreen bench_inspector [EVENTS]      (default 1,000,000)

#include "models/eventstore.h"
#include "session/inspectorsession.h"
#include "models/eventtablemodel.h"
#include "models/plumbingfilter.h"
#include "views/agentgraphview.h"
#include "views/sequencediagramview.h"

#include <mas/system/session.h>

#include <QApplication>
#include <QEventLoop>
#include <QTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
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
/// The time a widget takes to paint a frame, painted `frames` times as it stands.
Figure framePaint(QWidget *widget, int frames)
{
    const Stopwatch watch;
    for (int i = 0; i < frames; ++i) {
        if (widget->grab().isNull())
            return {-1, -1};
    }
    return since(watch, frames);
}

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

/// The longest gap between two turns of the event loop while it runs, in wall-clock time and in
/// the GUI thread's CPU time (what the thread itself spent, whatever else the machine ran): a
/// 1 ms precise timer times out at the first turn after each millisecond (a zero-interval one
/// would spin the loop and cost the CPU it measures).
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_longest = std::max(m_longest, m_since.nsecsElapsed());
            const qint64 cpu = threadCpuNs();
            m_longestCpu = std::max(m_longestCpu, cpu - m_sinceCpu);
            m_since.start();
            m_sinceCpu = cpu;
            ++m_turns;
        });
    }
    void start()
    {
        m_longest = 0;
        m_longestCpu = 0;
        m_turns = 0;
        m_since.start();
        m_sinceCpu = threadCpuNs();
        m_startCpu = m_sinceCpu;
        m_timer.start();
    }
    /// Stops, counting the gap since the last turn (the work that ended the loop) too.
    void stop()
    {
        m_timer.stop();
        m_longest = std::max(m_longest, m_since.nsecsElapsed());
        m_longestCpu = std::max(m_longestCpu, threadCpuNs() - m_sinceCpu);
    }
    double longestMs() const { return double(m_longest) / 1e6; }
    double longestCpuMs() const { return double(m_longestCpu) / 1e6; }
    /// The GUI thread's CPU time since start(), in ms.
    double threadCpuMs() const { return double(threadCpuNs() - m_startCpu) / 1e6; }
    qint64 turns() const { return m_turns; }

private:
    static qint64 threadCpuNs()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    }
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_sinceCpu = 0;
    qint64 m_startCpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestCpu = 0;
    qint64 m_turns = 0;
};

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
    Stopwatch oneShot;
    store.setEvents(loaded->takeEvents()); // the Inspector keeps the store's events only
    const Figure oneShotStall = since(oneShot); // nothing else could run meanwhile (the paint was a turn of its own)
    // The views index a large reset a slice per turn: until they are done.
    while (sequence.isRebuilding() || graph.isRebuilding())
        QCoreApplication::processEvents();
    (void)table.viewport()->grab();
    (void)sequence.viewport()->grab();
    (void)graph.grab();
    const Figure load = since(watch);
    const double rssLoaded = rssMiB() - rssBefore;

    const Figure tableFrame = framePaint(table.viewport(), table.verticalScrollBar(), kFrames);
    const Figure sequenceFrame = framePaint(sequence.viewport(), sequence.verticalScrollBar(), kFrames);
    sequence.setZoom(0.25);
    const Figure sequenceFrameZoomedOut = framePaint(sequence.viewport(), sequence.verticalScrollBar(), kFrames);
    // The agent graph while messages are in flight (the log's last ones, never delivered): its
    // animation repaints it about 30 times a second for as long as it is shown.
    const int inFlight = graph.inFlightCount();
    const Figure graphFrame = framePaint(&graph, kFrames);
    // Drawn whole, as after a change (a new event, the selection): the export's paint.
    Figure graphWhole;
    {
        QImage image(graph.exportSize(), QImage::Format_ARGB32_Premultiplied);
        const Stopwatch whole;
        for (int i = 0; i < kFrames; ++i) {
            QPainter painter(&image);
            graph.render(&painter, QRectF());
        }
        graphWhole = since(whole, kFrames);
    }
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
    char graphLine[96];
    std::snprintf(graphLine, sizeof graphLine, "repaint per frame: agent graph, %d in flight", inFlight);
    std::printf("%-52s %9.2f ms %8.2f %10.2f ms\n", graphLine, graphFrame.cpu, graphFrame.cpu / tableFrame.cpu,
                graphFrame.wall);
    std::printf("%-52s %9.2f ms %8.2f %10.2f ms\n", "repaint: agent graph drawn whole (after a change)", graphWhole.cpu,
                graphWhole.cpu / tableFrame.cpu, graphWhole.wall);
    std::printf("\n%-52s %13s %8s\n", "", "resident", "ratio");
    std::printf("%-52s %9.0f MiB %8s\n", "memory: the log parsed generally (baseline)", rssParsed, "1.00");
    std::printf("%-52s %9.0f MiB %8.2f\n", "memory: the Inspector holding it", rssLoaded, rssLoaded / rssParsed);
    std::printf("%-52s %9.0f MiB\n", "memory: peak resident set of the whole run", peak);
    const bool viewsOk = sequence.arrowCount() > 0 && graph.nodeCount() == 20 && model.rowCount() == filter.view()->size()
                         && filter.view()->size() > 0 && filter.view()->size() < count;
    const qsizetype shownOneShot = filter.view()->size();
    store.clear();
    while (EventStore::releasingEvents() > 0) // freed a slice per turn
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    (void)rssMiB();

    // The Inspector's way: InspectorSession::openSession() of a session over sockets, with the
    // window's views on its teaching view, the event loop running.
    const QString sessionFile = dir.filePath(QStringLiteral("run.massession"));
    {
        mas::system::Session saved;
        saved.parameters.transport = mas::system::Transport::Tcp;
        saved.log = TrafficLog(syntheticLog(count));
        if (!saved.save(sessionFile)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(sessionFile));
            return 1;
        }
    }
    const double rssBeforeOpen = rssMiB();
    InspectorSession session;
    EventTableModel model2(session.viewStore());
    EventFilterModel search2;
    search2.setSourceModel(&model2);
    QTableView table2;
    table2.setModel(&search2);
    table2.verticalHeader()->setVisible(false);
    table2.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table2.resize(1000, 700);
    SequenceDiagramView sequence2(session.viewStore());
    AgentGraphView graph2(session.viewStore());
    sequence2.resize(1000, 700);
    graph2.resize(600, 500);
    table2.show();
    sequence2.show();
    graph2.show();
    int readingReports = 0;
    int addingReports = 0;
    QObject::connect(&session, &InspectorSession::loadProgress, [&](InspectorSession::LoadStage stage, qint64, qint64) {
        ++(stage == InspectorSession::LoadStage::Reading ? readingReports : addingReports);
    });
    // Opens the session file as File → Open does and waits until the views have taken it in
    // and the events it replaced are freed (both a slice per turn), the probe watching.
    const auto openAndSettle = [&](StallProbe &watching, const char *what) {
        QEventLoop loop;
        bool ok = false;
        watching.start();
        QCoro::connect(session.openSession(sessionFile), &loop, [&](const Result<void> &r) {
            ok = bool(r);
            if (!r)
                std::fprintf(stderr, "%s: %s\n", what, qPrintable(r.error().message()));
            loop.quit();
        });
        loop.exec();
        while (sequence2.isRebuilding() || graph2.isRebuilding() || EventStore::releasingEvents() > 0)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        watching.stop();
        return ok;
    };
    StallProbe probe;
    watch.restart();
    const bool opened = openAndSettle(probe, "openSession");
    const double guiThreadCpu = probe.threadCpuMs();
    (void)table2.viewport()->grab();
    (void)sequence2.viewport()->grab();
    (void)graph2.grab();
    const Figure open = since(watch);
    const double rssOpened = rssMiB() - rssBeforeOpen;
    const double peakAfterOpen = statusMiB("VmHWM");
    std::printf("\n%-52s %13s %8s %13s\n", "opening a session file as the Inspector does", "CPU", "ratio", "wall clock");
    std::printf("%-52s %10.0f ms %8s %10.0f ms\n", "load: one-shot setEvents() + views (above, baseline)", load.cpu, "1.00",
                load.wall);
    std::printf("%-52s %10.0f ms %8.2f %10.0f ms\n", "load: openSession(): thread + slices + views painted", open.cpu,
                open.cpu / load.cpu, open.wall);
    std::printf("%-52s %10.0f ms %8s %10.0f ms\n", "longest GUI stall: one-shot setEvents() (baseline)", oneShotStall.cpu,
                "1.00", oneShotStall.wall);
    std::printf("%-52s %10.1f ms %8.3f %10.1f ms\n", "longest GUI stall: openSession() (event-loop gap)",
                probe.longestCpuMs(), probe.longestCpuMs() / oneShotStall.cpu, probe.longestMs());
    std::printf("%-52s %10.0f ms\n", "  of which the GUI thread (the rest: the reading)", guiThreadCpu);
    std::printf("%-52s %13lld\n", "timer turns (1 ms) during openSession()", static_cast<long long>(probe.turns()));
    std::printf("%-52s %13d\n", "progress reports: reading / adding", readingReports);
    std::printf("%-52s %13d\n", "", addingReports);
    std::printf("%-52s %9.0f MiB\n", "memory: the session holding it", rssOpened);
    std::printf("%-52s %9.0f MiB\n", "memory: peak resident set after opening", peakAfterOpen);

    // Opening it again over the open one: the same work, and the old events freed.
    StallProbe reopenProbe;
    watch.restart();
    const bool reopened = openAndSettle(reopenProbe, "openSession (again)");
    const Figure reopen = since(watch);
    std::printf("%-52s %10.0f ms %8.2f %10.0f ms\n", "load again over the open log (old events freed)", reopen.cpu,
                reopen.cpu / load.cpu, reopen.wall);
    std::printf("%-52s %10.1f ms %8.3f %10.1f ms\n", "longest GUI stall: opening again (event-loop gap)",
                reopenProbe.longestCpuMs(), reopenProbe.longestCpuMs() / oneShotStall.cpu, reopenProbe.longestMs());
    std::printf("%-52s %9.0f MiB\n", "memory: after opening again", rssMiB() - rssBeforeOpen);

    std::printf("\naims: load under 3000 ms, repaint under 16 ms per frame, under 1024 MiB resident, GUI stall under 100 ms\n");
    const bool openOk = reopened && opened && session.viewStore()->size() == shownOneShot && model2.rowCount() == shownOneShot
                        && session.store()->size() == count && graph2.nodeCount() == 20;
    if (!openOk)
        std::fprintf(stderr, "openSession() did not show the log (opened %d, shown %lld of %lld)\n", int(opened),
                     static_cast<long long>(session.viewStore()->size()), static_cast<long long>(shownOneShot));
    const bool ok = openOk && viewsOk;
    if (!viewsOk)
        std::fprintf(stderr, "the views did not show the log (arrows %d, nodes %d, rows %d)\n", sequence.arrowCount(),
                     graph.nodeCount(), model.rowCount());
    return ok ? 0 : 1;
}
