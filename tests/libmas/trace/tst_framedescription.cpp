// SPDX-License-Identifier: MIT
// The frame describer every observer uses (describeFrame: the LocalQueue network, TapRelay,
// TrafficMonitor): requests, results and failures with each codec, a request to an agent naming
// the agent's URL and its reply coming from there, the request-path book both ways, malformed
// payloads giving an error and an event that says only what is known; and the one parser of
// "agents/<aid>/<method>" paths.
#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include <mas/trace/agentpath.h>
#include <mas/trace/framedescription.h>

#include <QTest>

using namespace mas;

namespace {

const QString kClient = QStringLiteral("tcp://127.0.0.1:40000");
const QString kServer = QStringLiteral("tcp://127.0.0.1:5555/");

std::unique_ptr<Codec> codecNamed(const QString &name)
{
    Result<std::unique_ptr<Codec>> codec = Codec::create(name);
    return codec ? std::move(*codec) : nullptr;
}

/// An event with only its ends named, as the observers hand it over.
TrafficEvent between(const QString &from, const QString &to)
{
    TrafficEvent e;
    e.from = from;
    e.to = to;
    return e;
}

Value rpcRequest(const QString &path)
{
    return Value::list({path, Value::list({1, 2}), Value::map()});
}

} // namespace

class tst_FrameDescription : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestReplyFailure_data();
    void requestReplyFailure();
    void repliesAnswerTheOtherWay();
    void keptPathsForDuplicates();
    void keptBookCountsCopies();
    void keptBookStaysBounded();
    void keptBookForgetsTheOldestAnswers();
    void nonRpcRequests();
    void malformed_data();
    void malformed();
    void agentPaths();
    void agentEndNames();
    void typeNames();
};

void tst_FrameDescription::requestReplyFailure_data()
{
    QTest::addColumn<QString>("codecName");
    for (const char *name : {"json", "msgpack", "msgpackblosc"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void tst_FrameDescription::requestReplyFailure()
{
    QFETCH(QString, codecName);
    const std::unique_ptr<Codec> codec = codecNamed(codecName);
    QVERIFY(codec);
    RequestPaths paths;

    // A request to agent 3 goes to that agent's URL under the server's base address.
    TrafficEvent request = between(kClient, kServer);
    const QByteArray requestBytes = codec->encode(Message::request(7, rpcRequest(QStringLiteral("agents/3/method")))).value();
    QVERIFY(describeFrame(request, requestBytes, *codec, paths, RequestPaths::Way::Out));
    QCOMPARE(request.type, MessageType::Request);
    QCOMPARE(request.requestId, qint64(7));
    QCOMPARE(request.path, QStringLiteral("agents/3/method"));
    QCOMPARE(request.content, rpcRequest(QStringLiteral("agents/3/method")));
    QCOMPARE(request.from, kClient);
    QCOMPARE(request.to, QStringLiteral("tcp://127.0.0.1:5555/3"));

    // Its result comes back from the agent, with the request's path.
    TrafficEvent result = between(kServer, kClient);
    const QByteArray resultBytes = codec->encode(Message::result(7, Value(42))).value();
    QVERIFY(describeFrame(result, resultBytes, *codec, paths, RequestPaths::Way::In));
    QCOMPARE(result.type, MessageType::Result);
    QCOMPARE(result.requestId, qint64(7));
    QCOMPARE(result.path, QStringLiteral("agents/3/method"));
    QCOMPARE(result.content, Value(42));
    QCOMPARE(result.from, QStringLiteral("tcp://127.0.0.1:5555/3"));
    QCOMPARE(result.to, kClient);

    // A failure answers another request the same way; its content is the traceback text.
    TrafficEvent second = between(kClient, kServer);
    QVERIFY(describeFrame(second, codec->encode(Message::request(8, rpcRequest(QStringLiteral("validate_aid")))).value(),
                          *codec, paths, RequestPaths::Way::Out));
    QCOMPARE(second.to, kServer); // not an agent's path: the container
    const QString traceback = QStringLiteral("Traceback (most recent call last):\nLookupError: nope");
    TrafficEvent failure = between(kServer, kClient);
    QVERIFY(describeFrame(failure, codec->encode(Message::failure(8, Value(traceback))).value(), *codec, paths,
                          RequestPaths::Way::In));
    QCOMPARE(failure.type, MessageType::Failure);
    QCOMPARE(failure.requestId, qint64(8));
    QCOMPARE(failure.path, QStringLiteral("validate_aid"));
    QCOMPARE(failure.content, Value(traceback));
    QCOMPARE(failure.from, kServer);
}

void tst_FrameDescription::repliesAnswerTheOtherWay()
{
    const std::unique_ptr<Codec> json = codecNamed(QStringLiteral("json"));
    RequestPaths paths;
    // Both ends number their requests from 0: request 0 each way, told apart by their way.
    TrafficEvent out = between(kClient, kServer);
    QVERIFY(describeFrame(out, R"([0, 0, ["agents/1/ping", [], {}]])", *json, paths, RequestPaths::Way::Out));
    TrafficEvent in = between(kServer, kClient);
    QVERIFY(describeFrame(in, R"([0, 0, ["callback", [], {}]])", *json, paths, RequestPaths::Way::In));

    TrafficEvent replyIn = between(kServer, kClient);
    QVERIFY(describeFrame(replyIn, "[1, 0, null]", *json, paths, RequestPaths::Way::In));
    QCOMPARE(replyIn.path, QStringLiteral("agents/1/ping"));
    QCOMPARE(replyIn.from, QStringLiteral("tcp://127.0.0.1:5555/1"));
    TrafficEvent replyOut = between(kClient, kServer);
    QVERIFY(describeFrame(replyOut, "[1, 0, null]", *json, paths, RequestPaths::Way::Out));
    QCOMPARE(replyOut.path, QStringLiteral("callback"));
    QCOMPARE(replyOut.from, kClient);

    // Answered requests leave the book: a second reply to the same id has no path.
    TrafficEvent again = between(kServer, kClient);
    QVERIFY(describeFrame(again, "[1, 0, null]", *json, paths, RequestPaths::Way::In));
    QVERIFY(again.path.isEmpty());
    QCOMPARE(again.from, kServer);
    // A reply to a request never seen: described, without a path.
    TrafficEvent unknown = between(kServer, kClient);
    QVERIFY(describeFrame(unknown, "[2, 99, \"boom\"]", *json, paths, RequestPaths::Way::In));
    QCOMPARE(unknown.type, MessageType::Failure);
    QCOMPARE(unknown.requestId, qint64(99));
    QVERIFY(unknown.path.isEmpty());
}

void tst_FrameDescription::keptPathsForDuplicates()
{
    // The LocalQueue duplicates frames: a copied request is answered twice, both with the path.
    const std::unique_ptr<Codec> json = codecNamed(QStringLiteral("json"));
    RequestPaths paths(false);
    TrafficEvent request = between(kClient, kServer);
    QVERIFY(describeFrame(request, R"([0, 4, ["agents/0/bid", [], {}]])", *json, paths, RequestPaths::Way::Out));
    for (int i = 0; i < 2; ++i) {
        TrafficEvent reply = between(kServer, kClient);
        QVERIFY(describeFrame(reply, "[1, 4, 10]", *json, paths, RequestPaths::Way::In));
        QCOMPARE(reply.path, QStringLiteral("agents/0/bid"));
        QCOMPARE(reply.from, QStringLiteral("tcp://127.0.0.1:5555/0"));
    }
    paths.clear();
    TrafficEvent afterClear = between(kServer, kClient);
    QVERIFY(describeFrame(afterClear, "[1, 4, 10]", *json, paths, RequestPaths::Way::In));
    QVERIFY(afterClear.path.isEmpty());
}

void tst_FrameDescription::keptBookCountsCopies()
{
    // A request opened twice (copied) is open until both copies are answered, however many
    // other requests are answered meanwhile: its late second reply still has the path.
    RequestPaths paths(false, 2);
    paths.open(RequestPaths::Way::Out, 1, QStringLiteral("agents/0/bid"));
    paths.open(RequestPaths::Way::Out, 1, QStringLiteral("agents/0/bid"));
    QCOMPARE(paths.size(), 1);
    QCOMPARE(paths.answer(RequestPaths::Way::In, 1), QStringLiteral("agents/0/bid"));
    for (qint64 id = 2; id < 10; ++id) {
        paths.open(RequestPaths::Way::Out, id, QStringLiteral("other"));
        QCOMPARE(paths.answer(RequestPaths::Way::In, id), QStringLiteral("other"));
    }
    QCOMPARE(paths.answer(RequestPaths::Way::In, 1), QStringLiteral("agents/0/bid"));
    // Answered by both copies: it joined the recently answered (2 kept), which later answers push out.
    QCOMPARE(paths.answer(RequestPaths::Way::In, 1), QStringLiteral("agents/0/bid"));
    for (qint64 id = 10; id < 12; ++id) {
        paths.open(RequestPaths::Way::Out, id, QStringLiteral("other"));
        QCOMPARE(paths.answer(RequestPaths::Way::In, id), QStringLiteral("other"));
    }
    QVERIFY(paths.answer(RequestPaths::Way::In, 1).isEmpty());
    QCOMPARE(paths.size(), 2);

    // A copy dropped unanswered is withdrawn: one answer then closes the request.
    paths.open(RequestPaths::Way::In, 5, QStringLiteral("callback"));
    paths.open(RequestPaths::Way::In, 5, QStringLiteral("callback"));
    paths.withdraw(RequestPaths::Way::In, 5);
    QCOMPARE(paths.size(), 3);
    QCOMPARE(paths.answer(RequestPaths::Way::Out, 5), QStringLiteral("callback"));
    QCOMPARE(paths.size(), 3); // answered now: open no more, one of the recent ones of its way
    paths.withdraw(RequestPaths::Way::In, 77); // never seen: nothing happens
    QCOMPARE(paths.size(), 3);
    // A request whose only copy is dropped leaves no trace.
    paths.open(RequestPaths::Way::In, 6, QStringLiteral("lost"));
    QCOMPARE(paths.size(), 4);
    paths.withdraw(RequestPaths::Way::In, 6);
    QCOMPARE(paths.size(), 3);
    QVERIFY(paths.answer(RequestPaths::Way::Out, 6).isEmpty());

    // The book that forgets answers: a copy is not counted, a second reply has no path.
    RequestPaths forgetting;
    forgetting.open(RequestPaths::Way::Out, 1, QStringLiteral("a"));
    forgetting.open(RequestPaths::Way::Out, 1, QStringLiteral("a"));
    QCOMPARE(forgetting.answer(RequestPaths::Way::In, 1), QStringLiteral("a"));
    QVERIFY(forgetting.answer(RequestPaths::Way::In, 1).isEmpty());
    QCOMPARE(forgetting.size(), 0);
}

void tst_FrameDescription::keptBookStaysBounded()
{
    // A long run on one connection, requests both ways: the book holds the recently answered
    // requests of each way, not every request of the run.
    const std::unique_ptr<Codec> json = codecNamed(QStringLiteral("json"));
    RequestPaths paths(false);
    constexpr int kPairs = 100'000;
    for (int i = 0; i < kPairs; ++i) {
        const RequestPaths::Way way = i % 10 == 0 ? RequestPaths::Way::In : RequestPaths::Way::Out;
        const QByteArray id = QByteArray::number(i);
        TrafficEvent request = between(kClient, kServer);
        QVERIFY(describeFrame(request, "[0, " + id + R"(, ["agents/1/step", [], {}]])", *json, paths, way));
        QVERIFY(paths.size() <= 2 * RequestPaths::kAnsweredKept + 1);
        TrafficEvent reply = between(kServer, kClient);
        QVERIFY(describeFrame(reply, "[1, " + id + ", null]", *json, paths, RequestPaths::other(way)));
        if (reply.path != u"agents/1/step")
            QFAIL(qPrintable(QStringLiteral("reply %1 without its path").arg(i)));
    }
    QCOMPARE(paths.size(), 2 * RequestPaths::kAnsweredKept);
    // A late copy of a recent reply has its path; one of a reply long ago has none.
    QCOMPARE(paths.answer(RequestPaths::Way::In, kPairs - 1), QStringLiteral("agents/1/step"));
    QCOMPARE(paths.answer(RequestPaths::Way::Out, kPairs - 10), QStringLiteral("agents/1/step"));
    QVERIFY(paths.answer(RequestPaths::Way::In, 1).isEmpty());
    QVERIFY(paths.answer(RequestPaths::Way::Out, 0).isEmpty());
    paths.clear();
    QCOMPARE(paths.size(), 0);
}

void tst_FrameDescription::keptBookForgetsTheOldestAnswers()
{
    // Room for two answered ids: an id answered again takes a new place, and the place it had
    // before does not push it out when that place is reused.
    RequestPaths paths(false, 2);
    paths.open(RequestPaths::Way::Out, 1, QStringLiteral("one"));
    QCOMPARE(paths.answer(RequestPaths::Way::In, 1), QStringLiteral("one"));
    paths.open(RequestPaths::Way::Out, 1, QStringLiteral("one again")); // open anew
    QCOMPARE(paths.size(), 1);
    QCOMPARE(paths.answer(RequestPaths::Way::In, 1), QStringLiteral("one again"));
    paths.open(RequestPaths::Way::Out, 2, QStringLiteral("two"));
    QCOMPARE(paths.answer(RequestPaths::Way::In, 2), QStringLiteral("two")); // takes id 1's first place
    QCOMPARE(paths.size(), 2);
    QCOMPARE(paths.answer(RequestPaths::Way::In, 1), QStringLiteral("one again"));
    paths.open(RequestPaths::Way::Out, 3, QStringLiteral("three"));
    QCOMPARE(paths.answer(RequestPaths::Way::In, 3), QStringLiteral("three")); // takes id 1's second place
    QCOMPARE(paths.size(), 2);
    QVERIFY(paths.answer(RequestPaths::Way::In, 1).isEmpty());
    QCOMPARE(paths.answer(RequestPaths::Way::In, 2), QStringLiteral("two"));
    QCOMPARE(paths.answer(RequestPaths::Way::In, 3), QStringLiteral("three"));
}

void tst_FrameDescription::nonRpcRequests()
{
    // A channel request need not be an RPC call: no path, the content as it is.
    const std::unique_ptr<Codec> json = codecNamed(QStringLiteral("json"));
    RequestPaths paths;
    for (const char *payload : {R"([0, 1, "hello"])", R"([0, 1, ["agents/1/x", []]])", R"([0, 1, [5, [], {}]])"}) {
        TrafficEvent e = between(kClient, kServer);
        QVERIFY2(describeFrame(e, payload, *json, paths, RequestPaths::Way::Out), payload);
        QCOMPARE(e.type, MessageType::Request);
        QCOMPARE(e.requestId, qint64(1));
        QVERIFY2(e.path.isEmpty(), payload);
        QVERIFY(!e.content.isNull());
        QCOMPARE(e.to, kServer);
    }
}

void tst_FrameDescription::malformed_data()
{
    QTest::addColumn<QString>("codecName");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("not json") << QStringLiteral("json") << QByteArray("garbage\xff{[") << ErrorCode::InvalidJson;
    QTest::newRow("empty") << QStringLiteral("json") << QByteArray() << ErrorCode::InvalidJson;
    QTest::newRow("not a list") << QStringLiteral("json") << QByteArray(R"({"a": 1})") << ErrorCode::InvalidMessage;
    QTest::newRow("two items") << QStringLiteral("json") << QByteArray("[0, 1]") << ErrorCode::InvalidMessage;
    QTest::newRow("unknown type") << QStringLiteral("json") << QByteArray(R"([7, 1, ["agents/1/x", [], {}]])")
                                  << ErrorCode::InvalidMessage;
    QTest::newRow("negative id") << QStringLiteral("json") << QByteArray(R"([0, -1, ["agents/1/x", [], {}]])")
                                 << ErrorCode::InvalidMessage;
    // "[" is the MsgPack integer 91, and the rest is trailing garbage.
    QTest::newRow("json as msgpack") << QStringLiteral("msgpack") << QByteArray(R"([0, 1, ["agents/1/x", [], {}]])")
                                     << ErrorCode::InvalidMsgPack;
    QTest::newRow("msgpack integer") << QStringLiteral("msgpack") << QByteArray("\x05", 1) << ErrorCode::InvalidMessage;
    QTest::newRow("truncated msgpack") << QStringLiteral("msgpack") << QByteArray("\x93\x00\x01", 3) << ErrorCode::InvalidMsgPack;
}

void tst_FrameDescription::malformed()
{
    QFETCH(QString, codecName);
    QFETCH(QByteArray, payload);
    QFETCH(ErrorCode, code);
    const std::unique_ptr<Codec> codec = codecNamed(codecName);
    QVERIFY(codec);
    RequestPaths paths;
    TrafficEvent e = between(kClient, kServer);
    // Leftovers of an earlier description are not kept.
    e.type = MessageType::Failure;
    e.requestId = 12;
    e.path = QStringLiteral("stale");
    e.content = Value(1);
    const Result<void> described = describeFrame(e, payload, *codec, paths, RequestPaths::Way::Out);
    QVERIFY(!described);
    QCOMPARE(described.error().code(), code);
    QVERIFY(!described.error().message().isEmpty());
    QCOMPARE(e.type, MessageType::Request);
    QCOMPARE(e.requestId, qint64(-1));
    QVERIFY(e.path.isEmpty());
    QVERIFY(e.content.isNull());
    QCOMPARE(e.from, kClient);
    QCOMPARE(e.to, kServer);
    // Nothing went into the book: a result with id 1 finds no path.
    TrafficEvent reply = between(kServer, kClient);
    QVERIFY(describeFrame(reply, *codec->encode(Message::result(1, Value())), *codec, paths, RequestPaths::Way::In));
    QVERIFY(reply.path.isEmpty());
}

void tst_FrameDescription::agentPaths()
{
    std::optional<AgentPath> p = AgentPath::parse(u"agents/3/method");
    QVERIFY(p);
    QCOMPARE(p->aid, QStringLiteral("3"));
    QCOMPARE(p->method, QStringLiteral("method"));
    QCOMPARE(p->toString(), QStringLiteral("agents/3/method"));

    p = AgentPath::parse(u"agents/12/sub/method");
    QVERIFY(p);
    QCOMPARE(p->aid, QStringLiteral("12"));
    QCOMPARE(p->method, QStringLiteral("sub/method"));

    p = AgentPath::parse(u"agents/7"); // a proxy's base path
    QVERIFY(p);
    QCOMPARE(p->aid, QStringLiteral("7"));
    QVERIFY(p->method.isEmpty());
    QCOMPARE(p->toString(), QStringLiteral("agents/7"));

    for (const char *other : {"", "agents", "agents/", "agents//x", "validate_aid", "_monitor/info", "xagents/1/y",
                              "Agents/1/y"})
        QVERIFY2(!AgentPath::parse(QString::fromLatin1(other)), other);

    QCOMPARE(AgentPath::make(QStringLiteral("0"), QStringLiteral("run")), QStringLiteral("agents/0/run"));
    QCOMPARE(AgentPath::make(QStringLiteral("0")), QStringLiteral("agents/0"));
    QCOMPARE(AgentPath::methodOf(QStringLiteral("agents/3/bid")), QStringLiteral("bid"));
    QCOMPARE(AgentPath::methodOf(QStringLiteral("agents/3")), QStringLiteral("agents/3"));
    QCOMPARE(AgentPath::methodOf(QStringLiteral("validate_aid")), QStringLiteral("validate_aid"));
}

void tst_FrameDescription::agentEndNames()
{
    QCOMPARE(agentEndName(QStringLiteral("tcp://h:1/"), QStringLiteral("agents/3/method")), QStringLiteral("tcp://h:1/3"));
    QCOMPARE(agentEndName(QStringLiteral("local://q/"), QStringLiteral("agents/0")), QStringLiteral("local://q/0"));
    // Already an agent, or not an agent's path: unchanged.
    QCOMPARE(agentEndName(QStringLiteral("tcp://h:1/2"), QStringLiteral("agents/3/method")), QStringLiteral("tcp://h:1/2"));
    QCOMPARE(agentEndName(QStringLiteral("tcp://h:1/"), QStringLiteral("validate_aid")), QStringLiteral("tcp://h:1/"));
    QCOMPARE(agentEndName(QStringLiteral("tcp://h:1/"), QStringLiteral("agents//x")), QStringLiteral("tcp://h:1/"));
    QCOMPARE(agentEndName(QStringLiteral("tcp://h:1/"), QString()), QStringLiteral("tcp://h:1/"));
}

void tst_FrameDescription::typeNames()
{
    QCOMPARE(messageTypeName(MessageType::Request), QStringLiteral("request"));
    QCOMPARE(messageTypeName(MessageType::Result), QStringLiteral("result"));
    QCOMPARE(messageTypeName(MessageType::Failure), QStringLiteral("failure"));
    QCOMPARE(messageTypeName(MessageType(9)), QStringLiteral("unknown"));
    TrafficEvent e;
    e.kind = TrafficEvent::Kind::Delivered;
    e.type = MessageType::Failure;
    e.messageId = 4;
    QVERIFY2(e.toDisplayString().contains(u" failure 4"), qPrintable(e.toDisplayString()));
}

QTEST_GUILESS_MAIN(tst_FrameDescription)
#include "tst_framedescription.moc"
