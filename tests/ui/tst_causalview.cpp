// SPDX-License-Identifier: MIT
// Causal slices and folded rounds in the Inspector's table and diagram (ui/models/causalslicer.h,
// ui/widgets/causalactions.h): a slice taken on the teaching view is computed over the full store
// (a cause through a hidden acknowledgement counts), the table tints past and future and dims the
// rest, Show Only the Slice filters to it, folded rounds collapse into one "×N" row that a
// double-click expands; in the window the slice follows the selected event and Esc ends it; the
// comparison with another run selects this run's divergent choice.

#include "randomtrafficlog.h"

#include "models/causalslicer.h"
#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "models/plumbingfilter.h"
#include "views/sequencediagramview.h"
#include "widgets/causalactions.h"
#include "widgets/inspectorwindow.h"

#include <mas/system/explorer.h>
#include <mas/system/session.h>
#include <mas/system/system.h>
#include <mas/transport/localqueue.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCoro/QCoroTask>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace mas;
using namespace mas::ui;
using Kind = TrafficEvent::Kind;

namespace {

const QString kA = QStringLiteral("local://a/0");
const QString kB = QStringLiteral("local://b/0");
const QString kC = QStringLiteral("local://c/0");

TrafficEvent event(Kind kind, quint64 id, const QString &from, const QString &to, const QString &method,
                   MessageType type = MessageType::Request, const Value &content = Value(qint64(1)))
{
    TrafficEvent e;
    e.kind = kind;
    e.messageId = id;
    e.from = from;
    e.to = to;
    e.type = type;
    e.requestId = qint64(id);
    e.connection = 1;
    e.path = QStringLiteral("agents/0/") + method;
    e.content = type == MessageType::Request
                    ? Value(Value::List{Value(e.path), Value(Value::List{Value(qint64(id))}), Value::map({})})
                    : content;
    return e;
}

std::vector<TrafficEvent> numbered(std::vector<TrafficEvent> events)
{
    for (size_t i = 0; i < events.size(); ++i)
        events[i].sequence = i;
    return events;
}

/// c pokes a (unrelated to what follows at b); a asks b; b's bare acknowledgement (plumbing,
/// hidden in the teaching view) reaches a, and only then a tells c.
std::vector<TrafficEvent> sliceRun()
{
    return numbered({
        event(Kind::Sent, 1, kC, kB, QStringLiteral("poke")),                                 // 0
        event(Kind::Sent, 2, kA, kB, QStringLiteral("ask")),                                  // 1
        event(Kind::Delivered, 2, kA, kB, QStringLiteral("ask")),                             // 2
        event(Kind::Sent, 3, kB, kA, QStringLiteral("ask"), MessageType::Result, Value()),    // 3 (ack)
        event(Kind::Delivered, 3, kB, kA, QStringLiteral("ask"), MessageType::Result, Value()), // 4 (ack)
        event(Kind::Sent, 4, kA, kC, QStringLiteral("tell")),                                 // 5
        event(Kind::Delivered, 4, kA, kC, QStringLiteral("tell")),                            // 6
        event(Kind::Delivered, 1, kC, kB, QStringLiteral("poke")),                            // 7
    });
}

/// Three rounds of ping and pong between a and b, then a stop.
std::vector<TrafficEvent> roundsRun()
{
    std::vector<TrafficEvent> events;
    quint64 id = 1;
    for (int round = 0; round < 3; ++round) {
        const TrafficEvent ping = event(Kind::Sent, id++, kA, kB, QStringLiteral("ping"));
        events.push_back(ping);
        TrafficEvent delivered = ping;
        delivered.kind = Kind::Delivered;
        events.push_back(delivered);
        const TrafficEvent pong = event(Kind::Sent, id++, kB, kA, QStringLiteral("pong"));
        events.push_back(pong);
        delivered = pong;
        delivered.kind = Kind::Delivered;
        events.push_back(delivered);
    }
    events.push_back(event(Kind::Sent, id, kA, kB, QStringLiteral("stop")));
    return numbered(events);
}

} // namespace

class tst_CausalView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sliceOverTheFullStoreTintsAndDims();
    void sliceOnlyFilters();
    void foldedRoundsCollapseAndExpand();
    void appendedBatchesExtendSliceAndFolds();
    void endedSliceStopsIndexing();
    void windowSliceFollowsSelectionAndEscEnds();
    void windowComparesByIdentity();
    void compareNamesTheOtherRunsAgents();
};

void tst_CausalView::sliceOverTheFullStoreTintsAndDims()
{
    EventStore full;
    PlumbingFilter plumbing(&full); // the teaching view: the bare acknowledgement is hidden
    full.setEvents(sliceRun());
    full.flush();
    EventStore *shown = plumbing.view();
    QCOMPARE(shown->size(), 6); // events 3 and 4 (the acknowledgement) are not shown
    CausalSlicer slicer(&full, shown);
    EventTableModel model(shown);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCausalSlicer(&slicer);
    QSignalSpy changed(&slicer, &CausalSlicer::sliceChanged);

    // slice at "tell" sent (shown row 3, full event 5): its past holds the ask (through the
    // hidden acknowledgement), not the poke
    slicer.sliceAt(3);
    QVERIFY(slicer.isActive());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(slicer.sliceRow(), 3);
    QCOMPARE(slicer.mark(1), CausalIndex::Past);   // ask sent
    QCOMPARE(slicer.mark(2), CausalIndex::Past);   // ask delivered
    QCOMPARE(slicer.mark(0), CausalIndex::Unrelated); // poke sent
    QCOMPARE(slicer.mark(4), CausalIndex::Future); // tell delivered
    QCOMPARE(slicer.mark(5), CausalIndex::Unrelated); // poke delivered at b
    QCOMPARE(slicer.pastCount(), 4); // ask sent, delivered, and the two acknowledgement events
    QCOMPARE(slicer.futureCount(), 1);

    const QPalette palette = QGuiApplication::palette();
    QCOMPARE(model.index(1, 0).data(Qt::BackgroundRole).value<QColor>(), EventTableModel::causalColor(CausalIndex::Past, palette));
    QCOMPARE(model.index(4, 0).data(Qt::BackgroundRole).value<QColor>(), EventTableModel::causalColor(CausalIndex::Future, palette));
    QVERIFY(EventTableModel::causalColor(CausalIndex::Past, palette) != EventTableModel::causalColor(CausalIndex::Future, palette));
    QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(slicer.isDimmed(0));
    QVERIFY(!slicer.isDimmed(1));
    QVERIFY(model.index(0, EventTableModel::MessageColumn).data(Qt::ForegroundRole).value<QColor>().alphaF() < 1);

    // the diagram paints it (and a click's row is reported)
    SequenceDiagramView view(shown);
    view.setCausalSlicer(&slicer);
    view.resize(600, 400);
    QVERIFY(!view.grab().isNull());
    // an arrow's tooltip names its message's id before the events' numbers (#)
    const QString tip = view.messageToolTip(shown->at(3).messageId);
    QVERIFY2(tip.startsWith(QStringLiteral("Message id %1\n#%2 ").arg(shown->at(3).messageId).arg(shown->at(3).sequence)),
             qPrintable(tip));

    slicer.clear();
    QVERIFY(!slicer.isActive());
    QVERIFY(!slicer.isDimmed(0));
    QVERIFY(!model.index(1, 0).data(Qt::BackgroundRole).isValid());
    // a reset of the store ends a slice
    slicer.sliceAt(0);
    QVERIFY(slicer.isActive());
    full.setEvents(sliceRun());
    QVERIFY(!slicer.isActive());
    // out of range: no slice
    slicer.sliceAt(99);
    QVERIFY(!slicer.isActive());
}

void tst_CausalView::sliceOnlyFilters()
{
    EventStore store;
    store.setEvents(sliceRun());
    CausalSlicer slicer(&store, &store);
    EventTableModel model(&store);
    EventFilterModel filter;
    filter.setSourceModel(&model);
    filter.setCausalSlicer(&slicer);
    QCOMPARE(filter.rowCount(), 8);
    filter.setSliceOnly(true);
    QCOMPARE(filter.rowCount(), 8); // no slice yet: everything
    slicer.sliceAt(0); // the poke: its delivery at b, and c's later receipt of tell
    QCOMPARE(filter.rowCount(), 3);
    QCOMPARE(filter.index(1, 0).data(EventTableModel::EventIndexRole).value<qsizetype>(), 6);
    filter.setSliceOnly(false);
    QCOMPARE(filter.rowCount(), 8);
}

void tst_CausalView::foldedRoundsCollapseAndExpand()
{
    EventStore store;
    store.setEvents(roundsRun());
    CausalSlicer slicer(&store, &store);
    EventTableModel model(&store);
    model.setCausalSlicer(&slicer);
    EventFilterModel filter;
    filter.setSourceModel(&model);
    filter.setCausalSlicer(&slicer);
    QCOMPARE(filter.rowCount(), 13);
    const QString first = model.index(0, EventTableModel::MessageColumn).data().toString();
    slicer.setFolding(true);
    QCOMPARE(slicer.folds().size(), size_t(1));
    QCOMPARE(slicer.folds().front(), (RoundFold{0, 4, 3}));
    QCOMPARE(filter.rowCount(), 2); // the folded row and the stop
    const QString folded = model.index(0, EventTableModel::MessageColumn).data().toString();
    QVERIFY2(folded.contains(QStringLiteral("×3")) && folded.endsWith(first), qPrintable(folded));
    QVERIFY(model.index(0, EventTableModel::MessageColumn).data(Qt::ToolTipRole).toString().contains(u"3 round(s) of 4"));
    QVERIFY(slicer.isFoldedAway(5));
    QVERIFY(!slicer.isFoldedAway(12));
    QVERIFY(!slicer.toggleFold(1)); // not the first row of a fold
    QVERIFY(slicer.toggleFold(0));
    QCOMPARE(filter.rowCount(), 13);
    QVERIFY(slicer.isExpanded(0));
    QVERIFY(slicer.toggleFold(0));
    QCOMPARE(filter.rowCount(), 2);
    // appended rounds refold
    std::vector<TrafficEvent> more = roundsRun();
    more.pop_back();
    std::vector<TrafficEvent> twice = roundsRun();
    twice.pop_back();
    twice.insert(twice.end(), more.begin(), more.end());
    store.setEvents(numbered(twice));
    QCOMPARE(slicer.folds().front(), (RoundFold{0, 4, 6}));
    QCOMPARE(filter.rowCount(), 1);
    slicer.setFolding(false);
    QCOMPARE(filter.rowCount(), 24);
    QCOMPARE(model.index(0, EventTableModel::MessageColumn).data().toString(), first);
}

void tst_CausalView::appendedBatchesExtendSliceAndFolds()
{
    // a slice shown and folding on while events come in batches (random traffic with rounds of
    // ping and pong among it), on the teaching view: after each batch the marks and folds equal
    // those of a slicer made afresh, the filtered table shows the rows it should, and no batch
    // updates the whole table (no sliceChanged, no foldsChanged: the rows it changed only)
    test::RandomLogOptions options;
    options.seed = 5;
    options.agents = 3;
    options.events = 400;
    std::vector<TrafficEvent> log = test::randomTrafficLog(options);
    const std::vector<TrafficEvent> rounds = roundsRun();
    for (int r = 0; r < 10; ++r)
        log.insert(log.begin() + 150, rounds.begin(), rounds.end() - 1);
    log = numbered(log);

    EventStore full;
    PlumbingFilter plumbing(&full);
    EventStore *shown = plumbing.view();
    CausalSlicer slicer(&full, shown);
    EventTableModel model(shown);
    model.setCausalSlicer(&slicer);
    EventFilterModel filter;
    filter.setSourceModel(&model);
    filter.setCausalSlicer(&slicer);
    filter.setSliceOnly(true);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);

    size_t next = 0;
    const auto appendUpTo = [&](size_t end) {
        for (; next < end; ++next)
            full.append(log[next]);
        full.flush();
    };
    appendUpTo(40);
    QVERIFY(shown->size() > 10);
    slicer.sliceAt(5);
    QVERIFY(slicer.isActive());
    slicer.setFolding(true);
    QSignalSpy sliceChanged(&slicer, &CausalSlicer::sliceChanged);
    QSignalSpy foldsChanged(&slicer, &CausalSlicer::foldsChanged);
    QSignalSpy rowsChanged(&slicer, &CausalSlicer::rowsChanged);

    std::mt19937 rng(3);
    int batches = 0;
    qsizetype foldsSeen = 0;
    while (next < log.size()) {
        appendUpTo(std::min(log.size(), next + 1 + size_t(rng() % 30)));
        ++batches;
        CausalSlicer fresh(&full, shown);
        fresh.sliceAt(5);
        fresh.setFolding(true);
        QCOMPARE(slicer.folds(), fresh.folds());
        QCOMPARE(slicer.pastCount(), fresh.pastCount());
        QCOMPARE(slicer.futureCount(), fresh.futureCount());
        int visible = 0;
        for (qsizetype row = 0; row < shown->size(); ++row) {
            QCOMPARE(slicer.mark(row), fresh.mark(row));
            QCOMPARE(slicer.isFoldedAway(row), fresh.isFoldedAway(row));
            visible += !fresh.isFoldedAway(row) && !fresh.isDimmed(row);
        }
        QCOMPARE(filter.rowCount(), visible);
        foldsSeen = std::max(foldsSeen, qsizetype(slicer.folds().size()));
    }
    QVERIFY(batches > 10);
    QVERIFY(foldsSeen > 0);
    QVERIFY(slicer.futureCount() > 0);
    QCOMPARE(sliceChanged.count(), 0);
    QCOMPARE(foldsChanged.count(), 0);
    QVERIFY(rowsChanged.count() >= batches);
    // no batch named every row again
    for (const QList<QVariant> &args : rowsChanged)
        QVERIFY(args.at(0).value<qsizetype>() > 0);
}

void tst_CausalView::endedSliceStopsIndexing()
{
    // once a slice ends, events appended in a long run are not indexed any more (the index
    // does not grow); the next slice indexes them and equals a slicer made afresh
    test::RandomLogOptions options;
    options.seed = 11;
    options.agents = 3;
    options.events = 300;
    const std::vector<TrafficEvent> log = numbered(test::randomTrafficLog(options));
    EventStore full;
    CausalSlicer slicer(&full, &full);
    size_t next = 0;
    const auto appendUpTo = [&](size_t end) {
        for (; next < end; ++next)
            full.append(log[next]);
        full.flush();
    };
    appendUpTo(50);
    QCOMPARE(slicer.indexedEvents(), 0); // nothing sliced yet: nothing indexed
    slicer.sliceAt(10);
    QCOMPARE(slicer.indexedEvents(), 50);
    appendUpTo(80);
    QCOMPARE(slicer.indexedEvents(), 80); // the active slice follows the run
    slicer.clear();
    QVERIFY(!slicer.isActive());
    appendUpTo(200);
    QCOMPARE(slicer.indexedEvents(), 80); // ended: the index stands still
    slicer.sliceAt(120);
    QCOMPARE(slicer.indexedEvents(), 200);
    CausalSlicer fresh(&full, &full);
    fresh.sliceAt(120);
    QCOMPARE(slicer.pastCount(), fresh.pastCount());
    QCOMPARE(slicer.futureCount(), fresh.futureCount());
    for (qsizetype row = 0; row < full.size(); ++row)
        QCOMPARE(slicer.mark(row), fresh.mark(row));
    // a slice at an earlier event, then more events: still equal
    slicer.clear();
    appendUpTo(log.size());
    slicer.sliceAt(30);
    fresh.sliceAt(30);
    QCOMPARE(slicer.indexedEvents(), qsizetype(log.size()));
    QCOMPARE(slicer.pastCount(), fresh.pastCount());
    QCOMPARE(slicer.futureCount(), fresh.futureCount());
    for (qsizetype row = 0; row < full.size(); ++row)
        QCOMPARE(slicer.mark(row), fresh.mark(row));
}

void tst_CausalView::windowSliceFollowsSelectionAndEscEnds()
{
    InspectorWindow window;
    window.store()->setEvents(sliceRun());
    window.store()->flush();
    QTRY_VERIFY_WITH_TIMEOUT(window.viewStore()->size() > 0, 5000);
    CausalActions *actions = window.causalActions();
    QVERIFY(actions);
    auto *table = window.findChild<QTableView *>(QStringLiteral("messageTable"));
    QVERIFY(table);
    table->setCurrentIndex(table->model()->index(0, 0));
    QVERIFY(!actions->slicer()->isActive()); // the mode is off
    actions->sliceAction()->setChecked(true);
    QVERIFY(actions->slicer()->isActive());
    QCOMPARE(actions->slicer()->sliceRow(), 0);
    QVERIFY(actions->endSliceAction()->isEnabled());
    // the slice follows the selection
    table->setCurrentIndex(table->model()->index(3, 0));
    QCOMPARE(actions->slicer()->sliceRow(), 3);
    // Esc (End Causal Slice) ends it, and the mode
    actions->endSliceAction()->trigger();
    QVERIFY(!actions->slicer()->isActive());
    QVERIFY(!actions->sliceAction()->isChecked());
    // a cleared selection ends it too
    actions->sliceAction()->setChecked(true);
    QVERIFY(actions->slicer()->isActive());
    window.viewStore()->setSelectedMessage(0);
    QTRY_VERIFY_WITH_TIMEOUT(!actions->slicer()->isActive(), 5000);
    QVERIFY(!actions->sliceAction()->isChecked());
}

void tst_CausalView::windowComparesByIdentity()
{
    InspectorWindow window;
    window.store()->setEvents(sliceRun());
    window.store()->flush();
    QTemporaryDir dir;
    // the same run with other message ids: the same choices
    std::vector<TrafficEvent> other = sliceRun();
    for (TrafficEvent &e : other)
        e.messageId += 10;
    const QString same = dir.filePath(QStringLiteral("same.jsonl"));
    QVERIFY(TrafficLog(other).save(same));
    QCOMPARE(window.compareWith(same).value(), -1);
    QVERIFY(window.causalActions()->lastComparison().contains(QStringLiteral("same")));
    // the poke delivered before the ask: this run's first divergent choice is the ask's delivery
    std::vector<TrafficEvent> swapped = sliceRun();
    std::swap(swapped[2], swapped[7]);
    const QString diverging = dir.filePath(QStringLiteral("diverging.jsonl"));
    QVERIFY(TrafficLog(numbered(swapped)).save(diverging));
    QCOMPARE(window.compareWith(diverging).value(), 2);
    const QString text = window.causalActions()->lastComparison();
    QVERIFY2(text.contains(QStringLiteral("run A delivered ask(2)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("run B delivered poke(1)")), qPrintable(text));
    auto *table = window.findChild<QTableView *>(QStringLiteral("messageTable"));
    QCOMPARE(table->currentIndex().data(EventTableModel::EventIndexRole).value<qsizetype>(), 2);
    QVERIFY(!window.compareWith(dir.filePath(QStringLiteral("missing.jsonl"))));
}

void tst_CausalView::compareNamesTheOtherRunsAgents()
{
    // Two counterexamples of the faulty ring of three with other seeds (other ids: other names,
    // "node 1 (id 25)"). Opened the first, File → Compare With Log names the second run's agents
    // as the second run names them (as mas explore --compare does), not by this run's names.
    QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
    const mas::system::SystemType *type = mas::system::SystemRegistry::global().find(u"leader-election");
    QVERIFY(type);
    QTemporaryDir dir;
    QStringList files;
    QList<QStringList> runNames;
    for (quint32 seed : {1u, 2u}) {
        mas::system::Parameters p;
        p.agents = 3;
        p.faulty = true;
        p.seed = seed;
        mas::system::ExplorerOptions options;
        options.maxSchedules = 2000;
        options.properties = QStringList{QStringLiteral("at most one leader")};
        mas::system::Explorer explorer(*type, p, options);
        const mas::system::ExplorerResult result = QCoro::waitFor(explorer.run());
        QVERIFY(result.counterexample());
        mas::system::Session session;
        session.demo = result.demo;
        session.parameters = result.parameters;
        session.log = result.counterexample()->log;
        if (seed == 2) // the other run, as mas explore --out wrote it; this run replayed to its end
            session.violatedProperty = result.counterexample()->property;
        files << dir.filePath(QStringLiteral("seed-%1.jsonl").arg(seed));
        QVERIFY(session.save(files.last()));
        LocalQueue::clearCache();
        // The run's own names: its system built on the queue it was recorded on.
        {
            Result<std::unique_ptr<mas::system::System>> built = type->build(result.queueId, result.parameters);
            QVERIFY(built);
            runNames << (*built)->displayNames().values();
        }
        LocalQueue::clearCache();
    }
    QVERIFY(runNames[0] != runNames[1]);
    // The other run's names as its session gives them (its system built again, not started).
    {
        const Result<mas::system::Session> other = mas::system::Session::load(files[1]);
        QVERIFY(other);
        const QHash<QString, QString> names = other->recordedDisplayNames();
        QVERIFY2(names.size() >= 3, qPrintable(names.keys().join(u' ')));
        for (auto it = names.cbegin(); it != names.cend(); ++it) {
            QVERIFY2(it.key().startsWith(QStringLiteral("local://explore")), qPrintable(it.key()));
            QVERIFY(runNames[1].contains(it.value()));
        }
    }

    InspectorWindow window;
    Result<void> opened = QCoro::waitFor(window.openFile(files[0]));
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    Result<qsizetype> compared = window.compareWith(files[1]);
    QVERIFY(compared);
    const QString text = window.causalActions()->lastComparison();
    // "  run B delivered election(25): node 1 (id 25) → node 2 (id 46) (event 12)"
    static const QRegularExpression choice(QStringLiteral("^  run ([AB]) \\S+ [^:]*: (.+) → (.+) \\(event \\d+\\)$"),
                                           QRegularExpression::MultilineOption);
    int named = 0;
    for (QRegularExpressionMatchIterator it = choice.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int run = m.captured(1) == u"A" ? 0 : 1;
        for (const QString &name : {m.captured(2), m.captured(3)}) {
            QVERIFY2(runNames[run].contains(name), qPrintable(name + u'\n' + text));
            ++named;
        }
    }
    QVERIFY2(named >= 4, qPrintable(text)); // both runs' choices
    // The names of the other run were found beside this window's system: it still runs on its queue.
    QVERIFY(window.system());
    QVERIFY(LocalQueue::find(window.system()->queueId()));
}

QTEST_MAIN(tst_CausalView)
#include "tst_causalview.moc"
