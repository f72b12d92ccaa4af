// SPDX-License-Identifier: MIT
// Two runs compared by message identity (trace/runcompare.h): message ids that differ between
// runs do not matter, the order of deliveries does; drops, duplicates and delays are choices
// too; the occurrence number tells two equal messages apart; a run that stops early diverges
// where it stops; and the words say what each run chose.
#include <mas/trace/runcompare.h>

#include <QTest>

using namespace mas;
using Kind = TrafficEvent::Kind;

namespace {

const QString kNode1 = QStringLiteral("local://e-1/0");
const QString kNode2 = QStringLiteral("local://e-2/0");
const QString kNode3 = QStringLiteral("local://e-3/0");

TrafficEvent message(Kind kind, quint64 id, const QString &from, const QString &to, qint64 argument)
{
    TrafficEvent e;
    e.kind = kind;
    e.messageId = id;
    e.from = from;
    e.to = to;
    e.connection = id; // differs between runs as ids do
    e.requestId = qint64(id);
    e.path = QStringLiteral("agents/0/election");
    e.content = Value(Value::List{Value(e.path), Value(Value::List{Value(argument)}), Value::map({})});
    return e;
}

/// A log of the events in order, numbered.
TrafficLog logOf(std::vector<TrafficEvent> events)
{
    for (size_t i = 0; i < events.size(); ++i)
        events[i].sequence = i;
    return TrafficLog(std::move(events));
}

/// Node 1 and node 3 send election(25) and election(46) to node 2; `firstDelivered` says which
/// node 2 gets first. The ids are assigned in another order in each call.
TrafficLog twoElections(bool firstFromNode1, quint64 idOffset)
{
    const TrafficEvent from1 = message(Kind::Sent, 1 + idOffset, kNode1, kNode2, 25);
    const TrafficEvent from3 = message(Kind::Sent, 2 + idOffset * 2, kNode3, kNode2, 46);
    TrafficEvent d1 = from1, d3 = from3;
    d1.kind = d3.kind = Kind::Delivered;
    if (firstFromNode1)
        return logOf({from1, from3, d1, d3});
    return logOf({from3, from1, d3, d1});
}

} // namespace

class tst_RunCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameChoicesWithOtherIdsAreIdentical();
    void otherQueueIsTheSameRun();
    void otherOrderDiverges();
    void dropAgainstDeliveryDiverges();
    void occurrenceTellsEqualMessagesApart();
    void shorterRunDivergesWhereItStops();
    void clockAndDelayAreChoices();
};

void tst_RunCompare::sameChoicesWithOtherIdsAreIdentical()
{
    const TrafficLog a = twoElections(true, 0);
    const TrafficLog b = twoElections(true, 7); // other message ids, connections, request ids
    QVERIFY(TrafficLog::firstDifference(a, b).has_value()); // by index they differ
    const RunDivergence d = compareRuns(a, b);
    QVERIFY(d.identical);
    QCOMPARE(d.choice, -1);
    QCOMPARE(d.choicesA, 2);
    QCOMPARE(d.choicesB, 2);
    QCOMPARE(describeDivergence(d, a, b), QStringLiteral("The runs make the same 2 choice(s)."));
    // the sends in another order, the same deliveries: still the same choices
    const TrafficLog c = twoElections(true, 3);
    std::vector<TrafficEvent> swapped = c.events();
    std::swap(swapped[0], swapped[1]);
    QVERIFY(compareRuns(a, logOf(swapped)).identical);
}

// The Inspector replays a `mas explore` counterexample on its own queue: the same run recorded
// on queue "inspector" instead of "e" (in the ends and in an argument naming an agent) makes the
// same choices; another agent in the argument does not.
void tst_RunCompare::otherQueueIsTheSameRun()
{
    const auto onQueue = [](const TrafficLog &log, const QString &queue, const QString &argumentUrl) {
        std::vector<TrafficEvent> events = log.events();
        for (TrafficEvent &e : events) {
            e.from.replace(QStringLiteral("local://e-"), QStringLiteral("local://%1-").arg(queue));
            e.to.replace(QStringLiteral("local://e-"), QStringLiteral("local://%1-").arg(queue));
            e.content = Value(Value::List{Value(e.path), Value(Value::List{Value(argumentUrl)}), Value::map({})});
        }
        return logOf(std::move(events));
    };
    const TrafficLog a = onQueue(twoElections(true, 0), QStringLiteral("e"), QStringLiteral("local://e-3/0"));
    const TrafficLog b =
        onQueue(twoElections(true, 4), QStringLiteral("inspector"), QStringLiteral("local://inspector-3/0"));
    QVERIFY(compareRuns(a, b).identical);
    const TrafficLog c =
        onQueue(twoElections(true, 4), QStringLiteral("inspector"), QStringLiteral("local://inspector-2/0"));
    QVERIFY(!compareRuns(a, c).identical);
}

void tst_RunCompare::otherOrderDiverges()
{
    const TrafficLog a = twoElections(true, 0);
    const TrafficLog b = twoElections(false, 5);
    const RunDivergence d = compareRuns(a, b);
    QVERIFY(!d.identical);
    QCOMPARE(d.choice, 0);
    QCOMPARE(d.eventA, 2); // A delivers election(25) first
    QCOMPARE(d.eventB, 2); // B delivers election(46) first
    QCOMPARE(d.laterB, 3); // and election(25) after it
    QCOMPARE(d.laterA, 3);
    const NameLookup names = [](const QString &address) {
        return address == kNode1 ? QStringLiteral("node 1") : address == kNode2 ? QStringLiteral("node 2") : QString();
    };
    const QString text = describeDivergence(d, a, b, names);
    QVERIFY2(text.startsWith(QStringLiteral("The runs diverge at choice 1 (of 2 in run A, 2 in run B):")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("run A delivered election(25): node 1 → node 2 (event 2)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("run B delivered election(46): e-3/0 → node 2 (event 2)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("run B makes run A's choice later (event 3)")), qPrintable(text));
}

void tst_RunCompare::dropAgainstDeliveryDiverges()
{
    const TrafficLog a = twoElections(true, 0);
    std::vector<TrafficEvent> events = twoElections(true, 0).events();
    events[3].kind = Kind::Dropped; // B drops election(46) where A delivers it
    const TrafficLog b = logOf(events);
    const RunDivergence d = compareRuns(a, b);
    QVERIFY(!d.identical);
    QCOMPARE(d.choice, 1);
    QCOMPARE(d.eventA, 3);
    QCOMPARE(d.eventB, 3);
    QCOMPARE(d.laterB, -1);
    QCOMPARE(d.laterA, -1);
    const QString text = describeDivergence(d, a, b);
    QVERIFY2(text.contains(QStringLiteral("run B dropped election(46)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("run B never makes run A's choice")), qPrintable(text));
}

void tst_RunCompare::occurrenceTellsEqualMessagesApart()
{
    // node 1 sends the same election(25) twice; A delivers the first first, B the second
    const TrafficEvent s1 = message(Kind::Sent, 1, kNode1, kNode2, 25);
    const TrafficEvent s2 = message(Kind::Sent, 2, kNode1, kNode2, 25);
    TrafficEvent d1 = s1, d2 = s2;
    d1.kind = d2.kind = Kind::Delivered;
    const TrafficLog a = logOf({s1, s2, d1, d2});
    const TrafficLog b = logOf({s1, s2, d2, d1});
    const std::vector<QString> ids = messageIdentities(a.events());
    QCOMPARE(ids[0], ids[2]);
    QVERIFY(ids[0] != ids[1]);
    QVERIFY(ids[0].endsWith(u"#1"));
    QVERIFY(ids[1].endsWith(u"#2"));
    const RunDivergence d = compareRuns(a, b);
    QVERIFY(!d.identical);
    QCOMPARE(d.choice, 0);
}

void tst_RunCompare::shorterRunDivergesWhereItStops()
{
    const TrafficLog a = twoElections(true, 0);
    std::vector<TrafficEvent> events = a.events();
    events.pop_back();
    const TrafficLog b = logOf(events);
    const RunDivergence d = compareRuns(a, b);
    QVERIFY(!d.identical);
    QCOMPARE(d.choice, 1);
    QCOMPARE(d.eventA, 3);
    QCOMPARE(d.eventB, -1);
    QVERIFY(describeDivergence(d, a, b).contains(QStringLiteral("run B makes no more choices")));
    const RunDivergence e = compareRuns(b, a);
    QCOMPARE(e.eventA, -1);
    QCOMPARE(e.eventB, 3);
    QVERIFY(compareRuns(TrafficLog(), TrafficLog()).identical);
}

void tst_RunCompare::clockAndDelayAreChoices()
{
    const TrafficLog a = twoElections(true, 0);
    std::vector<TrafficEvent> events = a.events();
    TrafficEvent clock;
    clock.kind = Kind::ClockChanged;
    clock.simTime = 0.5;
    events.insert(events.begin() + 2, clock);
    const RunDivergence d = compareRuns(a, logOf(events));
    QCOMPARE(d.choice, 0);
    QVERIFY(describeDivergence(d, a, logOf(events)).contains(QStringLiteral("run B moved the clock to 0.5")));

    std::vector<TrafficEvent> delayed = a.events();
    TrafficEvent delay = delayed[0];
    delay.kind = Kind::Delayed;
    delay.positions = 1;
    delayed.insert(delayed.begin() + 2, delay);
    const TrafficLog c = logOf(delayed);
    const RunDivergence e = compareRuns(a, c);
    QCOMPARE(e.choice, 0);
    QCOMPARE(e.eventB, 2);
    QVERIFY(describeChoice(c, 2).startsWith(QStringLiteral("delayed election(25)")));
    QVERIFY(describeChoice(c, 2).endsWith(QStringLiteral("by 1 place(s)")));
}

QTEST_GUILESS_MAIN(tst_RunCompare)
#include "tst_runcompare.moc"
