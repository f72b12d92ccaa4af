// SPDX-License-Identifier: MIT
// The teaching view's two pure functions: classifying a frame or event as protocol or plumbing
// (connections, validate_aid lookups, bare acknowledgements, an agent's messages to itself), and
// the `method(args)` label every view and `mas explore` show, with agent URLs in arguments
// replaced by display names.
#include <mas/trace/messagelabel.h>

#include <QHash>
#include <QTest>

using namespace mas;

namespace {

const QString kNode1 = QStringLiteral("local://demo/0");
const QString kNode2 = QStringLiteral("local://demo-1/0");

Value request(const QString &path, Value::List args, Value::Map kwargs = {})
{
    return Value::list({path, Value(std::move(args)), Value(std::move(kwargs))});
}

TrafficEvent makeEvent(TrafficEvent::Kind kind, MessageType type, const QString &path, const QString &from,
                   const QString &to, Value content = {})
{
    TrafficEvent e;
    e.kind = kind;
    e.type = type;
    e.requestId = 0;
    e.messageId = 1;
    e.path = path;
    e.from = from;
    e.to = to;
    e.content = std::move(content);
    return e;
}

NameLookup names()
{
    const QHash<QString, QString> table{{kNode1, QStringLiteral("node 1 (id 25)")}, {kNode2, QStringLiteral("node 2 (id 46)")}};
    return [table](const QString &address) { return table.value(address); };
}

} // namespace

class tst_MessageLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifiesFrames_data();
    void classifiesFrames();
    void classifiesEvents();
    void plumbingClassesAndKeys();
    void labels_data();
    void labels();
    void labelsOfEvents();
    void displayNames();
    void namesMatchWholeWords();
    void labelsMatchTheirMethodAndWords();
};

void tst_MessageLabel::classifiesFrames_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<Value>("content");
    QTest::addColumn<int>("expected");
    const auto req = int(MessageType::Request);
    const auto res = int(MessageType::Result);
    const auto fail = int(MessageType::Failure);
    QTest::newRow("protocol request") << req << "agents/0/election" << kNode1 << kNode2
                                      << request(QStringLiteral("agents/0/election"), {Value(25)}) << int(TrafficClass::Protocol);
    QTest::newRow("lookup request") << req << "validate_aid" << kNode1 << QStringLiteral("local://demo-1/")
                                    << request(QStringLiteral("validate_aid"), {Value("0")}) << int(TrafficClass::Lookup);
    QTest::newRow("lookup reply with a class name") << res << "validate_aid" << kNode2 << kNode1
                                                    << Value("LeaderElectionAgent") << int(TrafficClass::Lookup);
    QTest::newRow("ack true") << res << "agents/0/election" << kNode2 << kNode1 << Value(true) << int(TrafficClass::Acknowledgement);
    QTest::newRow("ack null") << res << "agents/0/election" << kNode2 << kNode1 << Value() << int(TrafficClass::Acknowledgement);
    QTest::newRow("reply with data") << res << "agents/0/bid" << kNode2 << kNode1 << Value(7) << int(TrafficClass::Protocol);
    QTest::newRow("reply false is data") << res << "agents/0/vote" << kNode2 << kNode1 << Value(false) << int(TrafficClass::Protocol);
    QTest::newRow("failure") << fail << "agents/0/poke" << kNode2 << kNode1 << Value("Traceback\nValueError: no")
                             << int(TrafficClass::Protocol);
    QTest::newRow("wake-up to itself") << req << "agents/0/wakeup" << kNode1 << kNode1
                                       << request(QStringLiteral("agents/0/wakeup"), {}) << int(TrafficClass::SelfMessage);
    QTest::newRow("its ack") << res << "agents/0/wakeup" << kNode1 << kNode1 << Value(true) << int(TrafficClass::SelfMessage);
    QTest::newRow("no ends") << req << "agents/0/x" << QString() << QString() << request(QStringLiteral("agents/0/x"), {})
                             << int(TrafficClass::Protocol);
}

void tst_MessageLabel::classifiesFrames()
{
    QFETCH(int, type);
    QFETCH(QString, path);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(Value, content);
    QFETCH(int, expected);
    QCOMPARE(int(classifyMessage(MessageType(type), path, from, to, content)), expected);
}

void tst_MessageLabel::classifiesEvents()
{
    TrafficEvent connected;
    connected.kind = TrafficEvent::Kind::Connected;
    connected.from = kNode1;
    connected.to = QStringLiteral("local://demo-1/");
    QCOMPARE(classifyTraffic(connected), TrafficClass::Connection);
    connected.kind = TrafficEvent::Kind::Closed;
    QCOMPARE(classifyTraffic(connected), TrafficClass::Connection);
    TrafficEvent clock;
    clock.kind = TrafficEvent::Kind::ClockChanged;
    QCOMPARE(classifyTraffic(clock), TrafficClass::Clock);
    // A close frame delivered through a queue: no triple, no path, no content.
    TrafficEvent close = makeEvent(TrafficEvent::Kind::Delivered, MessageType::Request, QString(), kNode1, kNode2);
    close.requestId = -1;
    QCOMPARE(classifyTraffic(close), TrafficClass::Connection);
    const TrafficEvent sent = makeEvent(TrafficEvent::Kind::Sent, MessageType::Request, QStringLiteral("agents/0/election"), kNode1,
                                    kNode2, request(QStringLiteral("agents/0/election"), {Value(25)}));
    QCOMPARE(classifyTraffic(sent), TrafficClass::Protocol);
    const TrafficEvent lookup = makeEvent(TrafficEvent::Kind::Dropped, MessageType::Request, QStringLiteral("validate_aid"), kNode1, kNode2);
    QCOMPARE(classifyTraffic(lookup), TrafficClass::Lookup);
    QVERIFY(isPlumbing(classifyTraffic(lookup)));
    QVERIFY(!isPlumbing(classifyTraffic(sent)));
    QVERIFY(!isPlumbing(classifyTraffic(clock)));
}

void tst_MessageLabel::plumbingClassesAndKeys()
{
    const QList<TrafficClass> plumbing = plumbingClasses();
    QCOMPARE(plumbing.size(), 4);
    for (TrafficClass c : plumbing)
        QVERIFY(isPlumbing(c));
    for (TrafficClass c : {TrafficClass::Protocol, TrafficClass::Clock, TrafficClass::Connection, TrafficClass::Lookup,
                           TrafficClass::Acknowledgement, TrafficClass::SelfMessage}) {
        QVERIFY(!trafficClassKey(c).isEmpty());
        QCOMPARE(trafficClassFromKey(trafficClassKey(c)), std::optional<TrafficClass>(c));
    }
    QCOMPARE(trafficClassFromKey(u"nonsense"), std::nullopt);
}

void tst_MessageLabel::labels_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Value>("content");
    QTest::addColumn<QString>("expected");
    const auto req = int(MessageType::Request);
    const auto res = int(MessageType::Result);
    const auto fail = int(MessageType::Failure);
    QTest::newRow("election") << req << "agents/1/election" << request(QStringLiteral("agents/1/election"), {Value(25)})
                              << "election(25)";
    QTest::newRow("no arguments") << req << "agents/0/wakeup" << request(QStringLiteral("agents/0/wakeup"), {}) << "wakeup()";
    QTest::newRow("a URL becomes its name")
        << req << "agents/0/pong" << request(QStringLiteral("agents/0/pong"), {Value(1), Value(kNode2)}) << "pong(1, node 2 (id 46))";
    QTest::newRow("an unnamed URL loses its scheme")
        << req << "agents/0/ping" << request(QStringLiteral("agents/0/ping"), {Value("tcp://127.0.0.1:5555/3")})
        << "ping(127.0.0.1:5555/3)";
    QTest::newRow("text and kwargs") << req << "agents/0/cfp"
                                     << request(QStringLiteral("agents/0/cfp"), {Value("t1")}, {{Value("cost"), Value(2.5)}})
                                     << "cfp(\"t1\", cost=2.5)";
    QTest::newRow("long text elided")
        << req << "agents/0/say" << request(QStringLiteral("agents/0/say"), {Value(QString(100, u'x'))})
        << QStringLiteral("say(\"%1…\")").arg(QString(23, u'x'));
    QTest::newRow("lookup") << req << "validate_aid" << request(QStringLiteral("validate_aid"), {Value("0")}) << "validate_aid(\"0\")";
    QTest::newRow("content not recorded") << req << "agents/0/election" << Value() << "election";
    QTest::newRow("no path") << req << "" << Value() << "request";
    QTest::newRow("reply with data") << res << "agents/0/bid" << Value(7) << "→ bid: 7";
    QTest::newRow("acknowledgement") << res << "agents/0/election" << Value(true) << "→ election: true";
    QTest::newRow("reply naming an agent") << res << "agents/0/who" << Value(kNode1) << "→ who: node 1 (id 25)";
    QTest::newRow("failure") << fail << "agents/0/poke"
                             << Value("Traceback (most recent call last):\n  ...\nValueError: poke 1 is not allowed\n")
                             << "✗ poke: ValueError: poke 1 is not allowed";
}

void tst_MessageLabel::labels()
{
    QFETCH(int, type);
    QFETCH(QString, path);
    QFETCH(Value, content);
    QFETCH(QString, expected);
    QCOMPARE(messageLabel(MessageType(type), path, content, names()), expected);
}

void tst_MessageLabel::labelsOfEvents()
{
    const TrafficEvent sent = makeEvent(TrafficEvent::Kind::Sent, MessageType::Request, QStringLiteral("agents/0/election"), kNode1,
                                    kNode2, request(QStringLiteral("agents/0/election"), {Value(46)}));
    QCOMPARE(messageLabel(sent), QStringLiteral("election(46)"));
    TrafficEvent connected;
    connected.kind = TrafficEvent::Kind::Connected;
    QVERIFY(messageLabel(connected).isEmpty());
    TrafficEvent clock;
    clock.kind = TrafficEvent::Kind::ClockChanged;
    QVERIFY(messageLabel(clock).isEmpty());
    QCOMPARE(messageMethod(QStringLiteral("agents/12/bid")), QStringLiteral("bid"));
    QCOMPARE(messageMethod(QStringLiteral("validate_aid")), QStringLiteral("validate_aid"));
}

void tst_MessageLabel::displayNames()
{
    QCOMPARE(displayName(kNode1, names()), QStringLiteral("node 1 (id 25)"));
    QCOMPARE(displayName(QStringLiteral("local://market/3"), names()), QStringLiteral("market/3"));
    QCOMPARE(displayName(QStringLiteral("local://inspector-2/"), {}), QStringLiteral("inspector-2"));
    QCOMPARE(shortAddress(QStringLiteral("tcp://127.0.0.1:40312")), QStringLiteral("127.0.0.1:40312"));
}

void tst_MessageLabel::namesMatchWholeWords()
{
    const QString ponger = QStringLiteral("ponger 1");
    QVERIFY(nameMatches(ponger, QStringLiteral("ponger")));
    QVERIFY(nameMatches(ponger, QStringLiteral("PONGER 1")));
    QVERIFY(nameMatches(ponger, QStringLiteral("1")));
    QVERIFY(!nameMatches(ponger, QStringLiteral("pong"))); // the method, not the agent
    QVERIFY(!nameMatches(ponger, QString()));
    const QString node = QStringLiteral("node 2 (id 46)");
    QVERIFY(nameMatches(node, QStringLiteral("node 2")));
    QVERIFY(nameMatches(node, QStringLiteral("(id 46)")));
    QVERIFY(nameMatches(node, QStringLiteral("46")));
    QVERIFY(!nameMatches(node, QStringLiteral("4")));
    QVERIFY(nameMatches(QStringLiteral("tcp://127.0.0.1:5555/0"), QStringLiteral("127.0.0.1")));
    QVERIFY(nameMatches(QStringLiteral("contractor 12"), QStringLiteral("contractor 12")));
    QVERIFY(!nameMatches(QStringLiteral("contractor 12"), QStringLiteral("contractor 1")));
}

void tst_MessageLabel::labelsMatchTheirMethodAndWords()
{
    QVERIFY(labelMatches(QStringLiteral("election(25)"), QStringLiteral("election")));
    QVERIFY(labelMatches(QStringLiteral("election(25)"), QStringLiteral("ELECT")));
    QVERIFY(labelMatches(QStringLiteral("election(25)"), QStringLiteral("25")));
    QVERIFY(!labelMatches(QStringLiteral("election(25)"), QStringLiteral("2")));
    QVERIFY(labelMatches(QStringLiteral("→ cfp: 7"), QStringLiteral("cf")));
    QVERIFY(labelMatches(QStringLiteral("pong(1, ponger 2)"), QStringLiteral("pong")));
    QVERIFY(labelMatches(QStringLiteral("pong(1, ponger 2)"), QStringLiteral("ponger 2")));
    QVERIFY(!labelMatches(QStringLiteral("ping(1, ponger 2)"), QStringLiteral("pong")));
    // What a lookup's reply names is not what the search asks for.
    QVERIFY(!labelMatches(QStringLiteral("→ validate_aid: \"LeaderElectionAgent\""), QStringLiteral("election")));
    QVERIFY(!labelMatches(QStringLiteral("→ validate_aid: \"PongerAgent\""), QStringLiteral("pong")));
    QVERIFY(labelMatches(QStringLiteral("→ validate_aid: \"PongerAgent\""), QStringLiteral("PongerAgent")));
    QVERIFY(labelMatches(QStringLiteral("✗ poke: ValueError: no"), QStringLiteral("ValueError")));
    QVERIFY(!labelMatches(QStringLiteral("election(25)"), QString()));
}

QTEST_GUILESS_MAIN(tst_MessageLabel)
#include "tst_messagelabel.moc"
