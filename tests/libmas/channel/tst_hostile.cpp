// SPDX-License-Identifier: MIT
// A hostile network, over real sockets on 127.0.0.1 and Unix sockets: every log call site that
// can quote peer-supplied text gets control characters and a megabyte and must write one
// bounded, clean line; a flood of malformed frames is summed up; expensive frames are refused
// on their header or within their budget while a good client is served; and the small ones
// (date offsets, keyword names, ipc URLs without brackets).
//
// The log call sites that include peer-supplied text (each a case below unless noted):
//   mas.channel   Channel::abort "closing the connection to PEER : REASON"   logSiteChannel (rows)
//                 (the date serializer's "... is not an ISO 8601 date" reaches the log here)
//   mas.mosaik    "NAME failed: TYPE: MESSAGE", "A mosaik request must be ..."   logSiteMosaik (rows)
//   mas.inspector.attach "offers no monitor: ...", "monitor poll failed: ..."    logSiteAttach (rows)
//   mas.transport.tls "A TLS connection from HOST failed: REASON": the reason is OpenSSL's text
//                 (certificate checks), not the peer's bytes; escaped all the same (peerText)
//   mas.tap       "... does not decode as CODEC ...: REASON", connect failures: the reasons
//                 are the codec's error texts as in the mas.channel rows; escaped (peerText)
//   (mas.system's "lost METHOD to URL" is about in-process systems, quoted by QDebug)

#include "logcapture.h"
#include <mas/agent/agenturl.h>
#include <mas/agent/container.h>
#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/channel/offloaddecoder.h>
#include <mas/channel/request.h>
#include <mas/codec/dateserializer.h>
#include <mas/codec/jsoncodec.h>
#include <mas/codec/msgpackcodec.h>
#include <mas/core/peertext.h>
#include <mas/mosaik/counter.h>
#include <mas/observe/attachsession.h>
#include <mas/rpc/router.h>
#include <mas/rpc/rpcclient.h>
#include <mas/transport/framing.h>

#include <QCoro/QCoroTask>
#include <QFile>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <memory>
#include <optional>
#include <vector>

using namespace mas;
using namespace std::chrono_literals;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// A forged log line, terminal escapes, C1 and DEL, then a megabyte.
QString evil()
{
    return QStringLiteral("A\nmas.host: stopped\r\n\x1b[31mred\x7f") + QChar(0x85) + QChar(0x2028)
           + QString(1'000'000, u'x') + QStringLiteral("\n\x1b[0m");
}

/// The longest line a site may write for a megabyte of peer text.
constexpr qsizetype kMaxLine = 1200;

bool isOneCleanLine(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7F || (u >= 0x80 && u <= 0x9F) || u == 0x2028 || u == 0x2029)
            return false;
    }
    return true;
}

/// Records every message of libmas's categories ("mas.*", info and up).
QByteArray frame(const QByteArray &payload)
{
    return encodeFrame(payload).value();
}

QByteArray jsonFrame(const Value &value)
{
    return frame(JsonCodec().encodeValue(value).value());
}

/// A request [0, 1, [path, args, {}]] as JSON bytes on the wire.
QByteArray jsonRequest(const QString &path, const Value::List &args)
{
    return jsonFrame(Value::list({0, 1, Value::list({path, Value(args), Value::map()})}));
}

void serveEcho(Channel *channel)
{
    QObject::connect(channel, &Channel::requestReceived, channel, [channel] {
        while (std::optional<Request> request = channel->takeRequest())
            (void)request->reply(request->content());
    });
}

/// Answers add(a, b) with a + b; a request of another shape (an attacker's huge one) with "no",
/// after noting it in `handled`.
void serveAdd(Channel *channel, QStringList *handled)
{
    QObject::connect(channel, &Channel::requestReceived, channel, [channel, handled] {
        while (std::optional<Request> request = channel->takeRequest()) {
            const Value &content = request->content();
            const Value args = content.isList() && content.size() == 3 ? content.at(1) : Value();
            if (args.isList() && args.size() == 2 && args.at(0).isInteger() && args.at(1).isInteger()) {
                (void)request->reply(Value(args.at(0).toInt() + args.at(1).toInt()));
                continue;
            }
            if (handled)
                *handled << QStringLiteral("large request handled on %1").arg(channel->peerName().section(u':', 0, 0));
            (void)request->reply(Value("no"));
        }
    });
}

/// Holds every off-loop decode at its start until released (setOffloadDecodeHook()); removed,
/// and everything released, when it goes.
class DecodeGate
{
public:
    DecodeGate()
    {
        setOffloadDecodeHook([this] { m_release.tryAcquire(1, 120'000); });
    }
    ~DecodeGate()
    {
        m_release.release(100);
        setOffloadDecodeHook(nullptr);
    }
    void release() { m_release.release(); }

private:
    QSemaphore m_release;
};

/// A request [0, 1, ["add", [[0, 0, ...], 0], {}]] of `elements` zeros, as JSON bytes.
QByteArray hugeJsonRequest(int elements)
{
    QByteArray huge = "[0, 1, [\"add\", [[0";
    huge.reserve(2 * elements + 64);
    for (int i = 1; i < elements; ++i)
        huge += ",0";
    huge += "], 0], {}]]";
    return huge;
}

/// A MsgPack array header announcing `elements` values, followed by that many zeros, Blosc
/// compressed: a small frame that inflates to `elements` bytes.
QByteArray bloscBomb(quint32 elements)
{
    QByteArray raw(5 + qsizetype(elements), '\0');
    raw[0] = char(0xdd);
    qToBigEndian(elements, raw.data() + 1);
    return MsgPackBloscCodec::compress(raw).value();
}

} // namespace

class tst_Hostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // logs
    void logSiteChannel_data();
    void logSiteChannel();
    void logSiteMosaik_data();
    void logSiteMosaik();
    void logSiteAttach_data();
    void logSiteAttach();
    void floodOfMalformedFrames();
    void floodOfRefusedConnections();

    // expensive frames
    void bloscBombRefusedOnItsHeader();
    void hugeJsonArrayRefusedWithinItsBudget();
    void expensiveFrameDecodedOffTheLoop_data();
    void expensiveFrameDecodedOffTheLoop();
    void framesOfOneConnectionKeepTheirOrder();
    void connectionGoneMidDecode_data();
    void connectionGoneMidDecode();
    void offloadOffDecodesOnTheLoop();

    // the small ones
    void dateOffsetsValidated();
    void dateOffsetRefusedOnTheWire();
    void nonStringKeywordNamesRefused();
    void ipcUrlWithoutBrackets();

private:
    /// Every line logged is one clean, bounded line; `expected` is among them.
    bool checkLines(const QString &expected);

    std::optional<mas::test::LogCapture> m_log;
    QString m_failure;
};

void tst_Hostile::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("mas.*.info=true"));
}

void tst_Hostile::init()
{
    LogLimiter::global().setTimeSource(nullptr);
    LogLimiter::global().reset();
    m_log.emplace(mas::test::LogCapture::Levels::InfoAndAbove);
}

void tst_Hostile::cleanup()
{
    qDeleteAll(findChildren<QObject *>(Qt::FindDirectChildrenOnly));
    for (int i = 0; i < 3; ++i)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete), QCoreApplication::processEvents();
    m_log.reset();
    LogLimiter::global().setTimeSource(nullptr);
}

bool tst_Hostile::checkLines(const QString &expected)
{
    bool found = false;
    for (const QString &line : m_log->lines()) {
        if (!isOneCleanLine(line)) {
            m_failure = QStringLiteral("not one clean line: ") + peerText(line, 300);
            return false;
        }
        if (line.size() > kMaxLine) {
            m_failure = QStringLiteral("a line of %1 characters: ").arg(line.size()) + peerText(line, 300);
            return false;
        }
        found = found || line.contains(expected);
    }
    if (!found)
        m_failure = QStringLiteral("no line with \"%1\" in: %2").arg(expected, m_log->lines().join(u" | "));
    return found;
}

// ---- logs ----

void tst_Hostile::logSiteChannel_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QString text = evil();
    // The issue's attack: a date that forges "mas.host: stopped" and colours the terminal.
    QTest::newRow("date serializer")
        << jsonRequest(QStringLiteral("validate_aid"),
                       {Value::map({{Value("__type__"), Value::list({0, text})}})})
        << QStringLiteral("is not an ISO 8601 date");
    QTest::newRow("unknown type id")
        << jsonRequest(QStringLiteral("validate_aid"),
                       {Value::map({{Value("__type__"), Value::list({99, text})}})})
        << QStringLiteral("closing the connection");
    QTest::newRow("not a message triple")
        << jsonFrame(Value::list({text, 1, 2})) << QStringLiteral("closing the connection");
    QTest::newRow("raw control characters in JSON")
        << frame(QByteArray("[0, 1, [\"") + text.toUtf8() + "\", [], {}]]")
        << QStringLiteral("closing the connection");
    QTest::newRow("invalid UTF-8 in JSON")
        << frame(QByteArray("[0, 1, [\"\xff\xfe\x1b[31m") + QByteArray(1'000'000, '\xff') + "\", [], {}]]")
        << QStringLiteral("closing the connection");
}

void tst_Hostile::logSiteChannel()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    // A container: the date serializer is type 0 on its connections, as in aiomas.
    Result<Container *> container = Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0), {}, this);
    QVERIFY2(container, qPrintable(container.error().toString()));
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, (*container)->address().port());
    QVERIFY(raw.waitForConnected(5000));
    raw.write(bytes);
    QTRY_VERIFY_WITH_TIMEOUT(raw.state() == QAbstractSocket::UnconnectedState, 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(m_log->countContaining(QStringLiteral("closing the connection")) == 1, 5000);
    QVERIFY2(checkLines(expected), qPrintable(m_failure));
    await((*container)->shutdown());
}

void tst_Hostile::logSiteMosaik_data()
{
    QTest::addColumn<Value>("request");
    QTest::addColumn<QString>("expected");
    const QString text = evil();
    QTest::newRow("failed request") << Value::list({text, Value::list(), Value::map()})
                                    << QStringLiteral("failed: ");
    QTest::newRow("malformed request") << Value::list({text})
                                       << QStringLiteral("A mosaik request must be");
}

void tst_Hostile::logSiteMosaik()
{
    QFETCH(Value, request);
    QFETCH(QString, expected);
    mosaik::CounterSimulator simulator;
    Result<Address> address = simulator.listen(Address::tcp(QStringLiteral("127.0.0.1"), 0), 10s);
    QVERIFY2(address, qPrintable(address.error().toString()));
    Result<std::unique_ptr<Channel>> mosaik = await(openConnection(*address));
    QVERIFY2(mosaik, qPrintable(mosaik.error().toString()));
    const Result<Value> reply = await((*mosaik)->send(request, 10s));
    QVERIFY(!reply); // a failure for mosaik
    QVERIFY2(checkLines(expected), qPrintable(m_failure));
    await((*mosaik)->close());
}

void tst_Hostile::logSiteAttach_data()
{
    QTest::addColumn<bool>("monitor");
    QTest::addColumn<QString>("expected");
    QTest::newRow("offers no monitor") << false << QStringLiteral("offers no monitor");
    QTest::newRow("monitor poll failed") << true << QStringLiteral("monitor poll failed");
}

void tst_Hostile::logSiteAttach()
{
    QFETCH(bool, monitor);
    QFETCH(QString, expected);
    // A hostile container: its failures carry the evil text.
    const QString text = evil();
    Result<ChannelServer *> server = startServer(
        Address::tcp(QStringLiteral("127.0.0.1"), 0),
        [monitor, text](Channel *channel) {
            QObject::connect(channel, &Channel::requestReceived, channel, [channel, monitor, text] {
                while (std::optional<Request> request = channel->takeRequest()) {
                    const QString path = request->content().at(0).toString();
                    if (monitor && path.endsWith(u"/info"))
                        (void)request->reply(Value::map({{Value("container"), Value("c")},
                                                         {Value("agents"), Value::list()},
                                                         {Value("first"), Value(0)}}));
                    else
                        (void)request->fail(QStringLiteral("ValueError"), text);
                }
            });
        },
        {}, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    AttachSession session;
    const Result<void> attached = await(session.attach((*server)->address()));
    QVERIFY2(attached || monitor, qPrintable(attached.error().toString()));
    if (monitor)
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), AttachSession::State::Closed, 10'000);
    QVERIFY2(checkLines(expected), qPrintable(m_failure));
    session.detach();
}

void tst_Hostile::floodOfMalformedFrames()
{
    // The limiter's clock stands still during the flood (no wall-clock assumption), then moves
    // past the interval: the summary comes from the limiter's flush, as its timer would call it.
    qint64 now = 0;
    LogLimiter::global().setTimeSource([&now] { return now; });
    const int budget = LogLimiter::global().linesPerInterval();
    QCOMPARE(budget, 10);
    Result<ChannelServer *> server = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), serveEcho, {}, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    int closed = 0;
    connect(*server, &ChannelServer::newChannel, this, [&closed](Channel *c) {
        connect(c, &Channel::closed, c, [&closed] { ++closed; });
    });
    constexpr int kFrames = 10'000;
    constexpr int kBatch = 200;
    const QByteArray bad = frame("[0, 1, nope]");
    for (int sent = 0; sent < kFrames; sent += kBatch) {
        std::vector<std::unique_ptr<QTcpSocket>> batch;
        for (int i = 0; i < kBatch; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = s.get();
            connect(raw, &QTcpSocket::connected, raw, [raw, bad] { raw->write(bad); });
            raw->connectToHost(QHostAddress::LocalHost, (*server)->address().port());
            batch.push_back(std::move(s));
        }
        QTRY_COMPARE_WITH_TIMEOUT(closed, sent + kBatch, 60'000);
    }
    // One line each for the first `budget` bad frames, none for the rest so far.
    QCOMPARE(m_log->countContaining(QStringLiteral("closing the connection")), budget);
    QCOMPARE(m_log->lines().size(), budget);
    now += LogLimiter::global().interval().count();
    LogLimiter::global().flush();
    QCOMPARE(m_log->lines().size(), budget + 1);
    const QString summary = m_log->lines().constLast();
    QVERIFY2(QRegularExpression(QStringLiteral(
                                    "^mas\\.channel: suppressed 9990 similar lines \\(closing connections: "
                                    "\\w+\\) in the last 10 s$"))
                 .match(summary)
                 .hasMatch(),
             qPrintable(summary));
}

void tst_Hostile::floodOfRefusedConnections()
{
    // 60 connections from 127.0.0.2 to a server that takes one per peer: 59 refusals, of which
    // the log shows the first `budget` and then one summary (the limiter's clock stands still
    // during the flood, then moves past the interval).
    qint64 now = 0;
    LogLimiter::global().setTimeSource([&now] { return now; });
    const int budget = LogLimiter::global().linesPerInterval();
    ChannelOptions options;
    options.maxConnectionsPerPeer = 1;
    Result<ChannelServer *> server = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), serveEcho, options, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    std::vector<std::unique_ptr<QTcpSocket>> attackers;
    for (int i = 0; i < 60; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QVERIFY(socket->bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        socket->connectToHost(QHostAddress::LocalHost, (*server)->address().port());
        attackers.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT((*server)->refusedConnections(), 59, 30'000);
    const QString refusal = QStringLiteral("Refused a connection from 127.0.0.2");
    QCOMPARE(m_log->countContaining(refusal), budget);
    QCOMPARE(m_log->lines().size(), budget);
    now += LogLimiter::global().interval().count();
    LogLimiter::global().flush();
    QCOMPARE(m_log->lines().size(), budget + 1);
    const QString summary = m_log->lines().constLast();
    QCOMPARE(summary, QStringLiteral("mas.channel: suppressed %1 similar lines (refused connections: "
                                     "maxConnectionsPerPeer) in the last 10 s")
                          .arg(59 - budget));
}

// ---- expensive frames ----

void tst_Hostile::bloscBombRefusedOnItsHeader()
{
    ChannelOptions options;
    options.codec = QStringLiteral("msgpackblosc");
    options.limits.maxDecompressionRatio = 32;
    Result<ChannelServer *> server = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), serveEcho, options, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    QPointer<Channel> victim;
    connect(*server, &ChannelServer::newChannel, this, [&victim](Channel *c) {
        if (!victim)
            victim = c;
    });
    QTcpSocket bad;
    bad.connectToHost(QHostAddress::LocalHost, (*server)->address().port());
    QVERIFY(bad.waitForConnected(5000));
    QTRY_VERIFY(victim);
    Result<std::unique_ptr<Channel>> good = await(openConnection((*server)->address(), options));
    QVERIFY2(good, qPrintable(good.error().toString()));

    // 64 MiB of zeros in a frame of about 0.3 MB: within maxDecompressedSize, not the ratio.
    const QByteArray bomb = MsgPackBloscCodec::compress(QByteArray(64 * 1024 * 1024, '\0')).value();
    QStringList order;
    connect(victim.data(), &Channel::closed, this, [&order](const Error &e) {
        order << QStringLiteral("bomb refused: ") + e.message();
    });
    bad.write(frame(bomb));
    QVERIFY(bad.waitForBytesWritten(5000));
    const Result<Value> reply = await((*good)->send(Value("ohai"), 10s));
    order << QStringLiteral("good reply");
    QCOMPARE(reply.value(), Value("ohai"));
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 10'000);
    // Refused on the header, before anything was decompressed: its text says so.
    // (The frame is decoded off the loop, so the good reply may come before or after.)
    const QStringList refusals = order.filter(QStringLiteral("bomb refused: "));
    QCOMPARE(refusals.size(), 1);
    QVERIFY2(refusals.at(0).contains(QStringLiteral("would decompress to 67108864 bytes, more than 32 times as many "
                                                    "(maxDecompressionRatio)")),
             qPrintable(order.join(u" | ")));
    QCOMPARE(m_log->countContaining(QStringLiteral("maxDecompressionRatio")), 1);
    QCOMPARE(await((*good)->send(Value("ohai"), 10s)).value(), Value("ohai"));
}

void tst_Hostile::hugeJsonArrayRefusedWithinItsBudget()
{
    ChannelOptions options;
    options.limits.maxElements = 10'000;
    Result<ChannelServer *> server = startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), serveEcho, options, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    QPointer<Channel> victim;
    connect(*server, &ChannelServer::newChannel, this, [&victim](Channel *c) {
        if (!victim)
            victim = c;
    });
    QTcpSocket bad;
    bad.connectToHost(QHostAddress::LocalHost, (*server)->address().port());
    QVERIFY(bad.waitForConnected(5000));
    QTRY_VERIFY(victim);
    QSignalSpy victimClosed(victim.data(), &Channel::closed);
    Result<std::unique_ptr<Channel>> good = await(openConnection((*server)->address(), options));
    QVERIFY2(good, qPrintable(good.error().toString()));
    // 4 Mi elements (8 MiB): decoding stops at the 10,001st.
    QByteArray huge = "[0, 1, [0";
    huge.reserve(9 * 1024 * 1024);
    for (int i = 1; i < 4 * 1024 * 1024; ++i)
        huge += ",0";
    huge += "]]";
    bad.write(frame(huge));
    QCOMPARE(await((*good)->send(Value("ohai"), 10s)).value(), Value("ohai"));
    QVERIFY(victimClosed.count() == 1 || victimClosed.wait(10'000));
    const Error e = victimClosed.at(0).at(0).value<Error>();
    QCOMPARE(e.code(), ErrorCode::TooManyElements);
    QCOMPARE(await((*good)->send(Value("ohai"), 10s)).value(), Value("ohai"));
}

void tst_Hostile::expensiveFrameDecodedOffTheLoop_data()
{
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("refused"); // the bad frame closes its connection, else it is answered
    // 64 Mi values announced, inflating to 64 MiB; decoding stops at maxElements (1 Mi here).
    QTest::newRow("blosc bomb") << QStringLiteral("msgpackblosc") << bloscBomb(64 * 1024 * 1024) << true;
    // A million values (2 MB), within the limits: decoded, then answered.
    QTest::newRow("json array of a million elements") << QStringLiteral("json") << hugeJsonRequest(1'000'000) << false;
}

void tst_Hostile::expensiveFrameDecodedOffTheLoop()
{
    // A bad client on 127.0.0.2 sends an expensive frame; while a worker still decodes it (held
    // there by the gate, so that "still" does not depend on timing), a good client on 127.0.0.1
    // calls add(1, 2) and gets 3. Were the frame decoded on the event loop, the gate would hold
    // the loop and the good reply could not come.
    QFETCH(QString, codec);
    QFETCH(QByteArray, payload);
    QFETCH(bool, refused);
    ChannelOptions options;
    options.codec = codec;
    options.limits.maxElements = 1024 * 1024;
    QCOMPARE(options.offloadDecodeBytes, 64 * 1024); // the default
    QStringList order;
    Result<ChannelServer *> server = startServer(
        Address::tcp(QStringLiteral("127.0.0.1"), 0), [&order](Channel *c) { serveAdd(c, &order); }, options, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    QPointer<Channel> victim;
    connect(*server, &ChannelServer::newChannel, this, [this, &victim, &order](Channel *c) {
        if (!c->peerName().startsWith(u"127.0.0.2:"))
            return;
        victim = c;
        connect(c, &Channel::closed, this, [&order](const Error &e) {
            order << QStringLiteral("bad connection closed: ") + Error::codeName(e.code());
        });
    });
    QTcpSocket bad;
    QVERIFY(bad.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
    bad.connectToHost(QHostAddress::LocalHost, (*server)->address().port());
    QVERIFY(bad.waitForConnected(5000));
    QTRY_VERIFY(victim);

    const OffloadDecodeStats before = offloadDecodeStats();
    std::optional<DecodeGate> gate;
    gate.emplace();
    bad.write(frame(payload));
    QTRY_COMPARE_WITH_TIMEOUT(offloadDecodeStats().started, before.started + 1, 30'000);

    Result<std::unique_ptr<Channel>> good = await(openConnection((*server)->address(), options));
    QVERIFY2(good, qPrintable(good.error().toString()));
    const Result<Value> sum = await((*good)->send(Value::list({"add", Value::list({1, 2}), Value::map()}), 30s));
    QVERIFY2(sum, qPrintable(sum.error().toString()));
    QCOMPARE(*sum, Value(3));
    order << QStringLiteral("good reply");
    // The expensive frame is still being worked on.
    QCOMPARE(offloadDecodeStats().finished, before.finished);
    QVERIFY(victim && victim->isOpen());

    gate.reset(); // lets it go on
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 120'000);
    QCOMPARE(order.at(0), QStringLiteral("good reply"));
    if (refused)
        QCOMPARE(order.at(1), QStringLiteral("bad connection closed: TooManyElements"));
    else
        QVERIFY2(order.at(1).endsWith(u"handled on 127.0.0.2"), qPrintable(order.join(u" | ")));
    QCOMPARE(offloadDecodeStats().finished, before.finished + 1);
    // And the server goes on serving.
    QCOMPARE(await((*good)->send(Value::list({"add", Value::list({2, 3}), Value::map()}), 30s)).value(), Value(5));
}

void tst_Hostile::framesOfOneConnectionKeepTheirOrder()
{
    // On one connection, a large request (decoded off the loop) and then a small one: the small
    // one waits behind the large one, though it arrived while the large one was being decoded.
    QStringList handled;
    Result<ChannelServer *> server = startServer(
        Address::tcp(QStringLiteral("127.0.0.1"), 0),
        [&handled](Channel *c) {
            connect(c, &Channel::requestReceived, c, [c, &handled] {
                while (std::optional<Request> request = c->takeRequest()) {
                    handled << request->content().at(1).at(0).toString();
                    (void)request->reply(Value("ok"));
                }
            });
        },
        {}, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    QPointer<Channel> served;
    connect(*server, &ChannelServer::newChannel, this, [&served](Channel *c) { served = c; });
    Result<std::unique_ptr<Channel>> client = await(openConnection((*server)->address()));
    QVERIFY2(client, qPrintable(client.error().toString()));
    QTRY_VERIFY(served);

    const OffloadDecodeStats before = offloadDecodeStats();
    std::optional<DecodeGate> gate;
    gate.emplace();
    Value::List filler;
    for (int i = 0; i < 50'000; ++i)
        filler.push_back(Value(123456));
    QCoro::Task<Result<Value>> large =
        (*client)->send(Value::list({"work", Value::list({"large", Value(filler)}), Value::map()}), 60s);
    QTRY_COMPARE_WITH_TIMEOUT(offloadDecodeStats().started, before.started + 1, 30'000);
    QCoro::Task<Result<Value>> small = (*client)->send(Value::list({"work", Value::list({"small"}), Value::map()}), 60s);
    // The small frame has reached the server (and waits in its socket's buffer).
    QTRY_VERIFY_WITH_TIMEOUT(served->device()->bytesAvailable() > 0, 30'000);
    QVERIFY(handled.isEmpty());
    gate.reset();
    QCOMPARE(await(std::move(large)).value(), Value("ok"));
    QCOMPARE(await(std::move(small)).value(), Value("ok"));
    QCOMPARE(handled, QStringList({QStringLiteral("large"), QStringLiteral("small")}));
    // Only the large frame went to a worker.
    QCOMPARE(offloadDecodeStats().started, before.started + 1);
}

void tst_Hostile::connectionGoneMidDecode_data()
{
    QTest::addColumn<bool>("destroyServer");
    QTest::newRow("the peer closes") << false;
    QTest::newRow("the server is destroyed") << true;
}

void tst_Hostile::connectionGoneMidDecode()
{
    // The connection goes while its frame is being decoded. The peer closing: the frame is still
    // handled (as frames that arrived before the end of the stream are), then the channel
    // closes. The server (and with it the channel) destroyed: the worker's result is dropped
    // (ASan checks that nothing touches the gone channel).
    QFETCH(bool, destroyServer);
    QStringList order;
    Result<ChannelServer *> server = startServer(
        Address::tcp(QStringLiteral("127.0.0.1"), 0), [&order](Channel *c) { serveAdd(c, &order); }, {}, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    QPointer<Channel> victim;
    connect(*server, &ChannelServer::newChannel, this, [this, &victim, &order](Channel *c) {
        victim = c;
        connect(c, &Channel::closed, this, [&order](const Error &e) {
            order << QStringLiteral("closed: ") + Error::codeName(e.code());
        });
    });
    QTcpSocket bad;
    QVERIFY(bad.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
    bad.connectToHost(QHostAddress::LocalHost, (*server)->address().port());
    QVERIFY(bad.waitForConnected(5000));
    QTRY_VERIFY(victim);

    const OffloadDecodeStats before = offloadDecodeStats();
    std::optional<DecodeGate> gate;
    gate.emplace();
    bad.write(frame(hugeJsonRequest(100'000)));
    QTRY_COMPARE_WITH_TIMEOUT(offloadDecodeStats().started, before.started + 1, 30'000);
    if (destroyServer) {
        delete *server;
        QVERIFY(!victim);
        gate.reset();
        QTRY_COMPARE_WITH_TIMEOUT(offloadDecodeStats().inFlight, 0, 30'000);
        QCOMPARE(offloadDecodeStats().dropped, before.dropped + 1);
        QCoreApplication::processEvents(); // a result posted to the gone channel would run here
        QVERIFY(order.isEmpty());
        return;
    }
    bad.abort();
    // The end of the stream has reached the server, and waits for the frame in work.
    auto *device = qobject_cast<QAbstractSocket *>(victim->device());
    QVERIFY(device);
    QTRY_VERIFY_WITH_TIMEOUT(device->state() != QAbstractSocket::ConnectedState, 30'000);
    QVERIFY(victim->isOpen());
    gate.reset();
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 60'000);
    QVERIFY2(order.at(0).endsWith(u"handled on 127.0.0.2"), qPrintable(order.join(u" | ")));
    QCOMPARE(order.at(1), QStringLiteral("closed: ConnectionReset"));
    QCOMPARE(offloadDecodeStats().dropped, before.dropped);
}

void tst_Hostile::offloadOffDecodesOnTheLoop()
{
    // offloadDecodeBytes 0 (offload_decode_bytes): every frame is decoded on the event loop,
    // as before; a large request is answered without a worker.
    ChannelOptions options;
    QVERIFY(options.setLimit(u"offload_decode_bytes", 0));
    QCOMPARE(options.offloadDecodeBytes, 0);
    QStringList order;
    Result<ChannelServer *> server = startServer(
        Address::tcp(QStringLiteral("127.0.0.1"), 0), [&order](Channel *c) { serveAdd(c, &order); }, options, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    const OffloadDecodeStats before = offloadDecodeStats();
    DecodeGate gate; // would hold a worker forever: none may be used
    QTcpSocket bad;
    bad.connectToHost(QHostAddress::LocalHost, (*server)->address().port());
    QVERIFY(bad.waitForConnected(5000));
    bad.write(frame(hugeJsonRequest(100'000)));
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 1, 60'000);
    QCOMPARE(offloadDecodeStats().started, before.started);
    // A negative value is refused.
    QVERIFY(options.setLimit(u"offload_decode_bytes", -1));
    QCOMPARE(options.validate().error().code(), ErrorCode::InvalidArgument);
}

// ---- the small ones ----

void tst_Hostile::dateOffsetsValidated()
{
    QCOMPARE(parseIsoDate(u"2016-01-01T00:00:00+23:59").value().offsetFromUtc(), 23 * 3600 + 59 * 60);
    QCOMPARE(parseIsoDate(u"2016-01-01T00:00:00-23:59").value().offsetFromUtc(), -(23 * 3600 + 59 * 60));
    for (const char16_t *bad : {u"2016-01-01T00:00:00+99:99", u"2016-01-01T00:00:00+24:00",
                                u"2016-01-01T00:00:00-00:60", u"2016-01-01T00:00:00+0099"}) {
        const Result<QDateTime> date = parseIsoDate(QStringView(bad));
        QVERIFY2(!date, qPrintable(QString::fromUtf16(bad)));
        QCOMPARE(date.error().code(), ErrorCode::SerializationError);
        QVERIFY2(date.error().message().contains(QStringLiteral("is out of range")), qPrintable(date.error().message()));
    }
    // A long text is quoted shortened.
    const Result<QDateTime> longText = parseIsoDate(QString(100'000, u'9'));
    QVERIFY(!longText);
    QVERIFY2(longText.error().message().size() < 200, qPrintable(QString::number(longText.error().message().size())));
}

void tst_Hostile::dateOffsetRefusedOnTheWire()
{
    Result<Container *> container = Container::createNow(Address::tcp(QStringLiteral("127.0.0.1"), 0), {}, this);
    QVERIFY2(container, qPrintable(container.error().toString()));
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, (*container)->address().port());
    QVERIFY(raw.waitForConnected(5000));
    raw.write(jsonRequest(QStringLiteral("validate_aid"),
                          {Value::map({{Value("__type__"), Value::list({0, "2016-01-01T00:00:00+99:99"})}})}));
    QTRY_VERIFY_WITH_TIMEOUT(raw.state() == QAbstractSocket::UnconnectedState, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_log->countContaining(QStringLiteral("the UTC offset +99:99 is out of range")), 1, 5000);
    await((*container)->shutdown());
}

void tst_Hostile::nonStringKeywordNamesRefused()
{
    rpc::Router router;
    router.expose(QStringLiteral("add"), [](qint64 a, qint64 b) { return a + b; },
                  {QStringLiteral("a"), QStringLiteral("b")});
    ChannelOptions options;
    options.codec = QStringLiteral("msgpack");
    Result<ChannelServer *> server =
        rpc::startServer(Address::tcp(QStringLiteral("127.0.0.1"), 0), &router, {}, options, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    Result<std::unique_ptr<Channel>> channel = await(openConnection((*server)->address(), options));
    QVERIFY2(channel, qPrintable(channel.error().toString()));
    for (const Value &key : {Value(1), Value(), Value(true)}) {
        const Result<Value> r = await((*channel)->send(
            Value::list({"add", Value::list({1}), Value::map({{key, Value(2)}})}), 10s));
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::RemoteException);
        QCOMPARE(r.error().remoteType(), QStringLiteral("TypeError"));
        QVERIFY2(r.error().toString().contains(QStringLiteral("add() keywords must be strings")),
                 qPrintable(r.error().toString()));
    }
    // Keywords with names work as before.
    QCOMPARE(await((*channel)->send(Value::list({"add", Value::list({1}), Value::map({{Value("b"), Value(2)}})}), 10s))
                 .value(),
             Value(3));
    await((*channel)->close());
}

void tst_Hostile::ipcUrlWithoutBrackets()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString socketPath = dir.filePath(QStringLiteral("x.sock"));
    // A server on the socket: its path is a socket file, not a directory.
    Result<ChannelServer *> server = startServer(Address::ipc(socketPath), serveEcho, {}, this);
    QVERIFY2(server, qPrintable(server.error().toString()));
    const Result<CallTarget> target = CallTarget::parse(QStringLiteral("ipc://%1/0").arg(socketPath));
    QVERIFY2(target, qPrintable(target.error().toString()));
    ChannelOptions options;
    options.connectTimeout = 0ms;
    const Result<std::unique_ptr<Channel>> channel = await(openConnection(target->address, options));
    QVERIFY(!channel);
    QCOMPARE(channel.error().code(), ErrorCode::InvalidAddress);
    QVERIFY2(channel.error().message().contains(QStringLiteral("%1 is not a directory").arg(socketPath))
                 && channel.error().message().contains(QStringLiteral("ipc://[%1]/0").arg(socketPath)),
             qPrintable(channel.error().message()));
    // Written with brackets, the same URL reaches the server.
    const Result<CallTarget> right = CallTarget::parse(QStringLiteral("ipc://[%1]/0").arg(socketPath));
    QVERIFY2(right, qPrintable(right.error().toString()));
    QCOMPARE(right->address.path(), socketPath);
}

QTEST_GUILESS_MAIN(tst_Hostile)
#include "tst_hostile.moc"
