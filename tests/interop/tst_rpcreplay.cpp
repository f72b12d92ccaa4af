// SPDX-License-Identifier: MIT
// Replays the RPC cases of the Python aiomas transcripts against a raw socket peer: our RPC
// client writes exactly the recorded requests and accepts the recorded replies; our RPC server,
// serving the same service as the recording's Python server, writes the recorded replies (for
// failures, whose text holds Python file paths, the same type, id and final "Type: message").

#include <mas/codec/codec.h>
#include <mas/rpc/rpcclient.h>

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <QCoro/QCoroTimer>

#include <deque>
#include <stdexcept>

#include "testdata.h"
#include "transcriptpeer.h"

using namespace mas;
using namespace mas::rpc;
using namespace std::chrono_literals;
using test::TranscriptFrame;
using test::TranscriptPeer;

/// The exception the recording's `fail` raised.
struct ValueError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

namespace {

QString lastLine(const QString &traceback)
{
    return traceback.trimmed().section(u'\n', -1);
}

/// The Python server of the recording (rpc_server.TestService), in C++.
struct RecordedService
{
    Router root;
    Router calc;
    Router deep;

    RecordedService()
    {
        root.setServiceName(QStringLiteral("rpc_server.TestService"));
        root.exposeHandler(QStringLiteral("add"), makeHandler([](qint64 a, qint64 b) { return a + b; },
                                                              QStringLiteral("TestService.add"),
                                                              {QStringLiteral("a"), QStringLiteral("b")}));
        root.expose(QStringLiteral("kw"), [](const Value &a, const Value &b, const Value &c) { return Value::list({a, b, c}); },
                    {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        root.expose(QStringLiteral("echo"), [](const Value &v) { return v; });
        root.expose(QStringLiteral("fail"), [](const QString &msg) -> Value { throw ValueError(msg.toStdString()); });
        root.expose(QStringLiteral("slow"), [](double seconds, Value value) -> QCoro::Task<Value> {
            co_await QCoro::sleepFor(std::chrono::milliseconds(qint64(seconds * 1000)));
            co_return value;
        });
        root.expose(QStringLiteral("call_client"), [](RpcClient *caller, const Value &x) -> QCoro::Task<Value> {
            Result<Value> r = co_await caller->remote()[QStringLiteral("ping")](x);
            co_return Value::list({"srv", r.valueOr(Value())});
        });
        root.expose(QStringLiteral("call_proxy"), [](Proxy proxy, const Value &x) -> QCoro::Task<Value> {
            Result<Value> r = co_await proxy[QStringLiteral("ping")](x);
            co_return Value::list({"srv", r.valueOr(Value())});
        });
        root.hide(QStringLiteral("not_exposed"));
        calc.expose(QStringLiteral("mul"), [](qint64 a, qint64 b) { return a * b; });
        deep.expose(QStringLiteral("neg"), [](qint64 a) { return -a; });
        calc.addRouter(QStringLiteral("deep"), &deep);
        root.addRouter(QStringLiteral("calc"), &calc);
    }
};

/// The recording's client service: ping(x) -> ["pong", x].
struct ClientService
{
    Router root;
    ClientService() { root.expose(QStringLiteral("ping"), [](const Value &x) { return Value::list({"pong", x}); }); }
};

/// Turns the recorded proxy tag {"__type__": [0, ""]} back into the client's root service.
Value withServices(const Value &v, Router *clientRoot)
{
    if (v.isMap() && v.contains(u"__type__"))
        return Value::from(clientRoot);
    if (v.isList()) {
        Value::List out;
        for (const Value &item : v.asList())
            out.push_back(withServices(item, clientRoot));
        return Value(std::move(out));
    }
    return v;
}

} // namespace

class tst_RpcReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void asClient_data() { codecs(); }
    void asClient();
    void asServer_data() { codecs(); }
    void asServer();

private:
    void codecs()
    {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("file");
        QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("aiomas-wire-json.json");
        QTest::newRow("msgpack") << QStringLiteral("msgpack") << QStringLiteral("aiomas-wire-msgpack.json");
        QTest::newRow("msgpackblosc") << QStringLiteral("msgpackblosc") << QStringLiteral("aiomas-wire-msgpackblosc.json");
    }
};

void tst_RpcReplay::asClient()
{
    QFETCH(QString, codec);
    QFETCH(QString, file);
    const std::vector<TranscriptFrame> frames = test::transcriptFrames(file, QStringLiteral("rpc_"));
    QVERIFY(frames.size() >= 38);

    QTcpServer raw; // the recorded server
    QVERIFY(raw.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<TranscriptPeer> peer;
    connect(&raw, &QTcpServer::newConnection, this, [&] {
        peer = std::make_unique<TranscriptPeer>(raw.nextPendingConnection(), frames, false);
    });
    ClientService service;
    ChannelOptions options;
    options.codec = codec;
    auto client = QCoro::waitFor(openConnection(Address::tcp(QStringLiteral("127.0.0.1"), raw.serverPort()), &service.root, options)).value();

    // Case by case, send the case's requests together (the out-of-order case sends three at
    // once), then check every reply against the recording.
    QString currentCase;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        if (frames[i].caseName == currentCase)
            continue;
        currentCase = frames[i].caseName;
        std::deque<std::pair<quint64, std::optional<Result<Value>>>> calls; // stable addresses
        QObject ctx;
        for (const TranscriptFrame &f : frames) {
            if (f.caseName != currentCase || !f.fromInitiator || f.decoded.at(0).toInt() != 0)
                continue;
            const Value &content = f.decoded.at(2);
            calls.emplace_back(f.decoded.at(1).toUInt() + quint64(f.decoded.at(1).toInt()), std::nullopt);
            auto *slot = &calls.back().second;
            QCoro::connect(client->call(content.at(0).toString(), withServices(content.at(1), &service.root).asList(),
                                        content.at(2).asMap()),
                           &ctx, [slot](Result<Value> r) { *slot = std::move(r); });
        }
        QTRY_VERIFY2_WITH_TIMEOUT(std::all_of(calls.begin(), calls.end(), [](const auto &c) { return c.second.has_value(); }),
                                  qPrintable(currentCase + (peer ? peer->mismatch() : QString())), 5000);
        for (const auto &[id, result] : calls) {
            const auto reply = std::find_if(frames.begin(), frames.end(), [&, id = id](const TranscriptFrame &g) {
                return !g.fromInitiator && g.decoded.at(0).toInt() != 0 && quint64(g.decoded.at(1).toInt()) == id;
            });
            QVERIFY(reply != frames.end());
            if (reply->decoded.at(0).toInt() == 1) {
                QVERIFY2(*result, qPrintable(currentCase + QStringLiteral(": ") + result->error().toString()));
                QCOMPARE(**result, reply->decoded.at(2));
            } else {
                QCOMPARE(result->error().code(), ErrorCode::RemoteException);
                QCOMPARE(result->error().remoteTraceback(), reply->decoded.at(2).toString());
            }
        }
    }
    QTRY_VERIFY(peer && peer->finished());
    QCOMPARE(peer->mismatch(), QString());
    qInfo("%zu frames written by our client matched the recording byte for byte", peer->matchedFrames());
}

void tst_RpcReplay::asServer()
{
    QFETCH(QString, codec);
    QFETCH(QString, file);
    const std::vector<TranscriptFrame> frames = test::transcriptFrames(file, QStringLiteral("rpc_"));

    RecordedService service;
    ChannelOptions options;
    options.codec = codec;
    Result<ChannelServer *> server = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), &service.root, {}, options, this);
    QVERIFY(server);

    auto decoder = Codec::create(codec).value();
    int failures = 0;
    const auto compare = [&](const TranscriptFrame &expected, const QByteArray &frame, QString *why) {
        if (expected.decoded.at(0).toInt() != int(MessageType::Failure))
            return frame == expected.bytes;
        // A failure: the recorded text has Python's traceback; ours must agree on the last line.
        ++failures;
        const Value got = decoder->decodeStructural(QByteArrayView(frame).sliced(4)).value();
        *why = QStringLiteral("(failure: %1) ").arg(got.at(2).toString());
        return got.at(0) == expected.decoded.at(0) && got.at(1) == expected.decoded.at(1)
               && lastLine(got.at(2).toString()) == lastLine(expected.decoded.at(2).toString());
    };
    QTcpSocket raw; // the recorded client
    raw.connectToHost(QHostAddress::LocalHost, (*server)->address().port());
    QVERIFY(raw.waitForConnected(5000));
    TranscriptPeer peer(&raw, frames, true, compare);
    QTRY_VERIFY_WITH_TIMEOUT(peer.finished() || !peer.mismatch().isEmpty(), 10000);
    QCOMPARE(peer.mismatch(), QString());
    QCOMPARE(failures, 5);
    qInfo("%zu frames written by our server matched the recording", peer.matchedFrames());
    delete *server;
}

QTEST_GUILESS_MAIN(tst_RpcReplay)
#include "tst_rpcreplay.moc"
