// SPDX-License-Identifier: MIT
// The Inspector's event log at scale: the teaching view's PlumbingFilter, which keeps indices into
// the full store instead of copies, gives the rows the copying filter gave (against a reference
// built the old way, on random mixes of events, appended in random batches, with the folded
// classes changed on the way); the bounded-memory mode keeps the last N events and what a replay
// needs of the others; and the session's Step Back past the kept events says so and goes back as
// far as they reach.

#include "models/eventstore.h"
#include "models/plumbingfilter.h"
#include "session/inspectorsession.h"

#include <mas/system/system.h>
#include <mas/transport/localnetwork.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include <random>

using namespace mas;
using namespace mas::ui;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// Random traffic of `agents` agents: requests (some of them address lookups), their replies
/// (some bare acknowledgements), messages to oneself, deliveries, drops, duplicates, delays,
/// connections and clock moves, in a plausible order.
class RandomTraffic
{
public:
    explicit RandomTraffic(quint32 seed)
        : m_random(seed)
    {}

    TrafficEvent next()
    {
        TrafficEvent e;
        e.sequence = m_sequence++;
        const quint32 roll = m_random() % 100;
        if (roll < 5) {
            e.kind = m_random() % 2 ? TrafficEvent::Kind::Connected : TrafficEvent::Kind::Closed;
            e.connection = m_random() % 4 + 1;
            e.from = QStringLiteral("local://c%1").arg(m_random() % 3);
            e.to = QStringLiteral("local://c%1").arg(m_random() % 3);
        } else if (roll < 8) {
            e.kind = TrafficEvent::Kind::ClockChanged;
            m_time += 1;
            e.simTime = m_time;
        } else if (roll < 50 || m_inFlight.empty()) {
            e.kind = TrafficEvent::Kind::Sent;
            e.messageId = m_nextId++;
            e.from = agent();
            const quint32 what = m_random() % 10;
            e.to = what == 0 ? e.from : agent(); // a message to oneself
            e.type = m_random() % 2 ? MessageType::Request : MessageType::Result;
            e.requestId = qint64(e.messageId);
            if (e.type == MessageType::Request) {
                e.path = what == 1 ? QStringLiteral("validate_aid") : QStringLiteral("agents/0/election");
                e.content = Value::list({e.path, Value::list({qint64(m_random() % 100)}), Value::map()});
            } else {
                e.path = QStringLiteral("agents/0/election");
                e.content = what == 2 ? Value() : what == 3 ? Value(true) : Value(qint64(m_random() % 100));
            }
            e.size = 40;
            m_inFlight.push_back(e.messageId);
        } else {
            const size_t pick = m_random() % m_inFlight.size();
            e.messageId = m_inFlight[pick];
            const quint32 what = m_random() % 20;
            if (what == 0) {
                e.kind = TrafficEvent::Kind::Duplicated;
                e.originalId = e.messageId;
                e.messageId = m_nextId++;
                m_inFlight.push_back(e.messageId);
            } else if (what == 1) {
                e.kind = TrafficEvent::Kind::Delayed;
                e.positions = 1;
            } else {
                e.kind = what == 2 ? TrafficEvent::Kind::Dropped : TrafficEvent::Kind::Delivered;
                m_inFlight.erase(m_inFlight.begin() + qsizetype(pick));
            }
        }
        e.simTime = m_time;
        return e;
    }

    std::mt19937 &random() { return m_random; }

private:
    QString agent() { return QStringLiteral("local://a%1/0").arg(m_random() % 6); }

    std::mt19937 m_random;
    quint64 m_sequence = 0;
    quint64 m_nextId = 1;
    double m_time = 0;
    std::vector<quint64> m_inFlight;
};

/// The teaching view as the filter made it before it kept indices: a store of its own holding
/// copies of the shown events.
std::vector<TrafficEvent> referenceRows(const EventStore &source, const PlumbingFilter &filter)
{
    std::vector<TrafficEvent> rows;
    for (qsizetype i = 0; i < source.size(); ++i) {
        if (!filter.isHidden(source.eventClass(i)))
            rows.push_back(source.at(i));
    }
    return rows;
}

/// Compares the filter's view with a store of copies built the old way: the same events, and
/// the same participants, spans, classes and labels derived from them.
bool sameAsReference(const EventStore &source, const PlumbingFilter &filter, QString *why)
{
    EventStore reference;
    reference.setParticipantOrder(source.participantOrder());
    reference.setEvents(referenceRows(source, filter));
    const EventStore &view = *filter.view();
    if (view.size() != reference.size()) {
        *why = QStringLiteral("%1 rows, the reference has %2").arg(view.size()).arg(reference.size());
        return false;
    }
    if (view.participants() != reference.participants()) {
        *why = QStringLiteral("participants %1, the reference's %2")
                   .arg(view.participants().join(u','), reference.participants().join(u','));
        return false;
    }
    for (qsizetype row = 0; row < view.size(); ++row) {
        const TrafficEvent &e = view.at(row);
        if (!e.sameAs(reference.at(row)) || &e != &source.at(filter.sourceIndex(row))) {
            *why = QStringLiteral("row %1 is %2, the reference's %3").arg(row).arg(e.toDisplayString(), reference.at(row).toDisplayString());
            return false;
        }
        if (view.eventClass(row) != reference.eventClass(row) || view.eventLabel(row) != reference.eventLabel(row)) {
            *why = QStringLiteral("row %1's class or label differs").arg(row);
            return false;
        }
        const EventStore::MessageSpan *a = view.span(e.messageId);
        const EventStore::MessageSpan *b = reference.span(e.messageId);
        if (bool(a) != bool(b) || (a && (a->sent != b->sent || a->end != b->end || a->endKind != b->endKind))) {
            *why = QStringLiteral("message %1's span differs").arg(e.messageId);
            return false;
        }
    }
    return true;
}

} // namespace

class tst_EventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_eventlog"));
        QVERIFY(system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(system::SystemRegistry::global().find(u"leader-election"));
    }
    void cleanup() { LocalQueue::clearCache(); }

    void indexFilterMatchesReference_data();
    void indexFilterMatchesReference();
    void filterHoldsNoCopies();
    void boundedStoreKeepsLastEvents_data();
    void boundedStoreKeepsLastEvents();
    void boundedLoadKeepsLastEvents();
    void storeInternsNames();
    void stepBackPastKeptEvents();
};

void tst_EventLog::indexFilterMatchesReference_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<qsizetype>("keep");
    for (quint32 seed : {1u, 2u, 3u, 4u, 5u})
        QTest::addRow("seed %u", seed) << seed << qsizetype(0);
    QTest::addRow("seed 6, keeping 150") << 6u << qsizetype(150);
    QTest::addRow("seed 7, keeping 40") << 7u << qsizetype(40);
}

void tst_EventLog::indexFilterMatchesReference()
{
    QFETCH(quint32, seed);
    QFETCH(qsizetype, keep);
    RandomTraffic traffic(seed);
    EventStore source;
    source.setKeepLimit(keep);
    if (seed % 2)
        source.setParticipantOrder({QStringLiteral("local://a3/0"), QStringLiteral("local://a1/0")});
    PlumbingFilter filter(&source);
    QString why;
    const QList<TrafficClass> plumbing = plumbingClasses();
    for (int batch = 0; batch < 40; ++batch) {
        const int n = int(traffic.random()() % 30);
        for (int i = 0; i < n; ++i)
            source.append(traffic.next());
        source.flush();
        QVERIFY2(sameAsReference(source, filter, &why), qPrintable(QStringLiteral("batch %1: %2").arg(batch).arg(why)));
        if (batch % 7 == 6) {
            // Another choice of folded classes: the view is rebuilt.
            QList<TrafficClass> hidden;
            for (TrafficClass c : plumbing) {
                if (traffic.random()() % 2)
                    hidden << c;
            }
            filter.setHiddenClasses(hidden);
            QCOMPARE(filter.hiddenClasses(), hidden);
            QVERIFY2(sameAsReference(source, filter, &why), qPrintable(QStringLiteral("after folding: %1").arg(why)));
        }
    }
    // The selection is shared, whichever store sets it.
    const qsizetype last = filter.view()->size() - 1;
    QVERIFY(last >= 0);
    quint64 id = 0;
    for (qsizetype row = last; row >= 0 && !id; --row)
        id = filter.view()->at(row).messageId;
    QVERIFY(id);
    filter.view()->setSelectedMessage(id);
    QCOMPARE(source.selectedMessage(), id);
    source.setSelectedMessage(0);
    QCOMPARE(filter.view()->selectedMessage(), quint64(0));
}

void tst_EventLog::filterHoldsNoCopies()
{
    RandomTraffic traffic(11);
    EventStore source;
    PlumbingFilter filter(&source);
    filter.setHiddenClasses({});
    for (int i = 0; i < 500; ++i)
        source.append(traffic.next());
    source.flush();
    QCOMPARE(filter.view()->size(), source.size());
    QVERIFY(filter.view()->base() == &source);
    // Every row is the source's own event, not a copy.
    for (qsizetype row = 0; row < filter.view()->size(); ++row)
        QVERIFY(&filter.view()->at(row) == &source.at(row));
    // The range of events reads like the vector it replaces.
    const EventStore::Events shown = filter.view()->events();
    QCOMPARE(qsizetype(shown.size()), source.size());
    QCOMPARE(shown.back().sequence, quint64(499));
    QCOMPARE(std::count_if(shown.begin(), shown.end(), [](const TrafficEvent &e) { return e.isAction(); }),
             std::count_if(source.events().begin(), source.events().end(), [](const TrafficEvent &e) { return e.isAction(); }));
    const std::vector<TrafficEvent> copy = shown;
    QCOMPARE(qsizetype(copy.size()), source.size());
    QVERIFY(!TrafficLog::firstDifference(TrafficLog(copy), source.toLog()));
}

void tst_EventLog::boundedStoreKeepsLastEvents_data()
{
    QTest::addColumn<qsizetype>("keep");
    QTest::addRow("10") << qsizetype(10);
    QTest::addRow("100") << qsizetype(100);
    QTest::addRow("1000") << qsizetype(1000);
}

void tst_EventLog::boundedStoreKeepsLastEvents()
{
    QFETCH(qsizetype, keep);
    RandomTraffic traffic(21);
    EventStore store;
    store.setKeepLimit(keep);
    QCOMPARE(store.keepLimit(), keep);
    QSignalSpy resets(&store, &EventStore::reset);
    std::vector<TrafficEvent> all;
    const qsizetype most = keep + std::max<qsizetype>(keep / 4, 16);
    for (int batch = 0; batch < 200; ++batch) {
        const int n = int(traffic.random()() % 40);
        for (int i = 0; i < n; ++i) {
            all.push_back(traffic.next());
            store.append(all.back());
            QVERIFY(store.size() <= most);
        }
        if (batch % 3 == 0)
            store.flush();
        const qsizetype total = qsizetype(all.size());
        // At least the last `keep` events, in order, and no gap between them and the dropped ones.
        QCOMPARE(store.droppedCount() + store.size(), total);
        QVERIFY(store.size() >= std::min(total, keep));
        for (qsizetype i = 0; i < store.size(); ++i)
            QVERIFY(store.at(i).sameAs(all[size_t(store.droppedCount() + i)]));
    }
    QVERIFY(store.droppedCount() > 0);
    QVERIFY(!resets.isEmpty()); // the views were told the events moved
    // What a replay needs of the dropped events: their actions, in order.
    std::vector<TrafficEvent> dropped(all.begin(), all.begin() + store.droppedCount());
    const std::vector<TrafficEvent> expected = TrafficLog(std::move(dropped)).schedule();
    QCOMPARE(store.droppedActions().size(), expected.size());
    const std::vector<TrafficEvent> schedule = store.replayableLog().schedule();
    const std::vector<TrafficEvent> full = TrafficLog(all).schedule();
    QCOMPARE(schedule.size(), full.size());
    for (size_t i = 0; i < full.size(); ++i) {
        QCOMPARE(schedule[i].sequence, full[i].sequence);
        QCOMPARE(schedule[i].kind, full[i].kind);
        QCOMPARE(schedule[i].messageId, full[i].messageId);
        QCOMPARE(schedule[i].originalId, full[i].originalId);
        QCOMPARE(schedule[i].positions, full[i].positions);
        QCOMPARE(schedule[i].simTime, full[i].simTime);
    }
    // No limit again: nothing more goes.
    store.setKeepLimit(0);
    const qsizetype gone = store.droppedCount();
    for (int i = 0; i < 3 * int(most); ++i)
        store.append(traffic.next());
    store.flush();
    QCOMPARE(store.droppedCount(), gone);
    // clear() forgets the dropped actions too.
    store.clear();
    QCOMPARE(store.droppedCount(), qsizetype(0));
    QVERIFY(store.droppedActions().empty());
}

void tst_EventLog::boundedLoadKeepsLastEvents()
{
    RandomTraffic traffic(31);
    std::vector<TrafficEvent> all;
    for (int i = 0; i < 300; ++i)
        all.push_back(traffic.next());
    EventStore store;
    store.setKeepLimit(50);
    store.setEvents(all);
    QCOMPARE(store.size(), qsizetype(50));
    QCOMPARE(store.droppedCount(), qsizetype(250));
    QCOMPARE(store.at(0).sequence, quint64(250));
    QCOMPARE(store.replayableLog().schedule().size(), TrafficLog(all).schedule().size());
}

void tst_EventLog::storeInternsNames()
{
    EventStore store;
    TrafficEvent a;
    a.from = QStringLiteral("local://a%1/0").arg(1);
    a.to = QStringLiteral("local://a%1/0").arg(2);
    a.path = QStringLiteral("agents/0/%1").arg(QStringLiteral("election"));
    TrafficEvent b = a;
    b.sequence = 1;
    // Equal texts in separate buffers, as a parsed log has them.
    b.from = QString(a.from.constData(), a.from.size());
    b.to = QString(a.to.constData(), a.to.size());
    b.path = QString(a.path.constData(), a.path.size());
    QVERIFY(a.from.constData() != b.from.constData());
    store.append(a);
    store.append(b);
    QCOMPARE(store.at(1).from, a.from);
    QVERIFY(store.at(0).from.constData() == store.at(1).from.constData());
    QVERIFY(store.at(0).to.constData() == store.at(1).to.constData());
    QVERIFY(store.at(0).path.constData() == store.at(1).path.constData());
    store.setEvents({a, b});
    QVERIFY(store.at(0).from.constData() == store.at(1).from.constData());
}

void tst_EventLog::stepBackPastKeptEvents()
{
    InspectorSession session;
    constexpr qsizetype kKeep = 20;
    session.setKeepEvents(kKeep);
    QCOMPARE(session.keepEvents(), kKeep);
    system::Parameters p;
    p.agents = 10;
    QVERIFY(session.newSystem(QStringLiteral("leader-election"), p));
    EventStore *store = session.store();
    LocalNetwork *net = LocalNetwork::instance();
    QVERIFY(!net->isRecording()); // the store is the record: no second, unbounded copy
    for (int i = 0; i < 1000 && store->droppedCount() < 3 * kKeep; ++i) {
        if (!await(session.step()))
            break; // the run is over
        store->flush();
    }
    QVERIFY2(store->droppedCount() >= 3 * kKeep,
             qPrintable(QStringLiteral("the run outgrew the limit: %1 events dropped, %2 kept")
                            .arg(store->droppedCount())
                            .arg(store->size())));
    QVERIFY(store->size() <= kKeep + 16);
    QVERIFY(net->eventLog().isEmpty());
    const TrafficLog recorded = session.recordedLog();
    QCOMPARE(recorded.size(), qsizetype(store->droppedActions().size()) + store->size());
    const qsizetype actionsBefore = qsizetype(recorded.schedule().size());

    // Back to a kept event: as without a limit.
    const quint64 firstKept = store->at(0).sequence;
    quint64 keptAction = 0;
    for (qsizetype i = 0; i < store->size() && !keptAction; ++i) {
        if (store->at(i).isAction() && store->at(i).sequence > firstKept + 2)
            keptAction = store->at(i).sequence;
    }
    QVERIFY(keptAction);
    QSignalSpy messages(&session, &InspectorSession::message);
    const std::optional<quint64> end = session.endOfStep(keptAction);
    QVERIFY(end);
    Result<quint64> back = await(session.replayTo(keptAction));
    QVERIFY2(back, qPrintable(back.error().toString()));
    QCOMPARE(*back, *end);
    store->flush();
    QCOMPARE(store->at(store->size() - 1).sequence, *end);
    QVERIFY(store->droppedCount() > 0); // the replay kept to the limit too
    QVERIFY(!net->isRecording());

    // Back past what is kept: as far as the kept events reach, and the window is told so.
    const quint64 oldestKept = store->at(0).sequence;
    QVERIFY(oldestKept > 1);
    const std::optional<quint64> oldestEnd = session.endOfStep(oldestKept);
    QVERIFY(oldestEnd);
    messages.clear();
    back = await(session.replayTo(1));
    QVERIFY2(back, qPrintable(back.error().toString()));
    QCOMPARE(*back, *oldestEnd);
    QString said;
    for (const QList<QVariant> &m : std::as_const(messages))
        said += m.at(0).toString() + u'\n';
    QVERIFY2(said.contains(u"Event 1 is no longer kept") && said.contains(QString::number(*oldestEnd)), qPrintable(said));
    QVERIFY(session.system());
    store->flush();
    QCOMPARE(store->at(store->size() - 1).sequence, *oldestEnd);
    // Nothing harmful: the system steps on.
    QVERIFY(await(session.step()));
    QVERIFY(qsizetype(session.recordedLog().schedule().size()) < actionsBefore + 2);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    tst_EventLog tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_eventlog.moc"
