// SPDX-License-Identifier: MIT
// A fixed workload for instruction counts (callgrind), not a timing benchmark: N round trips
// or N LocalQueue frames, then exit. Run it twice under callgrind with two counts and divide
// the difference of the totals by the difference of the counts; setup, warm-up and teardown
// cancel out (tests/bench/README.md, "Instructions per round trip", gives the commands):
//
//   bench_instructions rpc json 1 N        # RpcClient::call("add", [1, 2]) over TCP 127.0.0.1
//   bench_instructions channel msgpack 100 N   # Channel::send(["add", [1, 2], {}]), answered 3
//   bench_instructions raw json 1 N        # the raw frame reflector of bench_rpc (rawreflector.h)
//   bench_instructions lq off 0 N          # N one-way frames through a LocalQueue pair, log off
//   bench_instructions lq on 0 N           # the same with the event log on (read once at the end)
//   bench_instructions lq on-unread 0 N    # the event log on, never read: the recording alone
//   bench_instructions rt local 100 N      # Channel round trips (json) over local://, log off
//   bench_instructions rt local-log 100 N  # the same with the event log on (read once at the end)
//   bench_instructions rt local-log-unread 100 N  # the event log on, never read: the recording alone
//   bench_instructions rt ipc 100 N        # the same over ipc:// (a Unix domain socket)
//   bench_instructions ag local 100 N      # agent calls add(1, 2) between two containers over
//                                          # local:// (`local-log`: the log on, read at the end;
//                                          # `local-log-unread`: never read), or ipc://
//
// The third argument is the number of calls in flight (ignored by lq). Everything runs in one
// thread; the exit status is non-zero when a reply or frame is wrong or missing.

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/codec/codec.h>
#include <mas/codec/message.h>
#include <mas/core/value.h>
#include <mas/rpc/router.h>
#include <mas/rpc/rpcclient.h>
#include <mas/transport/address.h>
#include <mas/transport/framing.h>
#include <mas/transport/localqueue.h>

#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QEventLoop>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtEndian>

#include "benchutil.h"
#include "rawreflector.h"

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>

namespace {

using namespace std::chrono_literals;

mas::Value requestContent()
{
    return mas::Value::list({"add", mas::Value::list({1, 2}), mas::Value::map()});
}

struct Batch
{
    int total = 0;
    int started = 0;
    int done = 0;
    int workers = 0;
    bool failed = false;
    QEventLoop *loop = nullptr;

    void finish()
    {
        if (--workers == 0)
            loop->quit();
    }
};

bool check(Batch *batch, const mas::Result<mas::Value> &reply)
{
    if (!reply || !(*reply == mas::Value(3))) {
        std::fprintf(stderr, "wrong reply: %s\n",
                     reply ? qPrintable(reply->toDisplayString(100)) : qPrintable(reply.error().toString()));
        batch->failed = true;
        batch->total = batch->started;
        return false;
    }
    ++batch->done;
    return true;
}

QCoro::Task<void> rpcWorker(mas::rpc::RpcClient *client, Batch *batch)
{
    const QString path = QStringLiteral("add");
    while (batch->started < batch->total) {
        ++batch->started;
        mas::Value::List args;
        args.reserve(2);
        args.emplace_back(1);
        args.emplace_back(2);
        const mas::Result<mas::Value> reply = co_await client->call(path, std::move(args));
        if (!check(batch, reply))
            break;
    }
    batch->finish();
}

QCoro::Task<void> channelWorker(mas::Channel *channel, Batch *batch)
{
    while (batch->started < batch->total) {
        ++batch->started;
        const mas::Result<mas::Value> reply = co_await channel->send(requestContent());
        if (!check(batch, reply))
            break;
    }
    batch->finish();
}

/// Runs `calls` calls with `inFlight` workers; false on a wrong reply or a hang.
template<class Worker>
bool runCalls(int calls, int inFlight, Worker worker)
{
    Batch batch;
    batch.total = calls;
    QEventLoop loop;
    batch.loop = &loop;
    batch.workers = std::max(1, std::min(inFlight, calls));
    const int workers = batch.workers;
    QTimer::singleShot(600s, &loop, [&] {
        batch.failed = true;
        loop.quit();
    });
    for (int i = 0; i < workers; ++i)
        worker(&batch);
    loop.exec();
    return !batch.failed && batch.done == calls;
}

int runRpc(const QString &codec, int inFlight, int calls)
{
    mas::rpc::Router router;
    router.expose(QStringLiteral("add"), [](qint64 a, qint64 b) { return a + b; },
                  {QStringLiteral("a"), QStringLiteral("b")});
    mas::ChannelOptions options;
    options.codec = codec;
    mas::Result<mas::ChannelServer *> server =
        mas::rpc::startServer(mas::Address::tcp(QStringLiteral("127.0.0.1"), 0), &router, {}, options);
    if (!server)
        return 2;
    auto client = QCoro::waitFor(mas::rpc::openConnection((*server)->address(), nullptr, options));
    if (!client)
        return 2;
    mas::rpc::RpcClient *c = client->get();
    const bool ok = runCalls(calls, inFlight, [c](Batch *b) { rpcWorker(c, b); });
    client->reset();
    delete *server;
    mas::bench::drainEvents();
    return ok ? 0 : 1;
}

int runChannel(const QString &codec, int inFlight, int calls, const mas::Address &address,
               const std::function<void()> &afterRun = {})
{
    mas::ChannelOptions options;
    options.codec = codec;
    mas::Result<mas::ChannelServer *> server = mas::startServer(
        address,
        [](mas::Channel *channel) {
            QObject::connect(channel, &mas::Channel::requestReceived, channel, [channel] {
                while (std::optional<mas::Request> request = channel->takeRequest())
                    (void)request->reply(mas::Value(3));
            });
        },
        options);
    if (!server)
        return 2;
    auto client = QCoro::waitFor(mas::openConnection((*server)->address(), options));
    if (!client)
        return 2;
    mas::Channel *c = client->get();
    const bool ok = runCalls(calls, inFlight, [c](Batch *b) { channelWorker(c, b); });
    if (afterRun)
        afterRun();
    client->reset();
    delete *server;
    mas::bench::drainEvents();
    return ok ? 0 : 1;
}

int runRaw(const QString &codecName, int inFlight, int calls)
{
    auto codec = mas::Codec::create(codecName);
    if (!codec)
        return 2;
    const auto request = mas::encodeFrame(*(*codec)->encode(mas::Message::request(0, requestContent())));
    const auto reply = mas::encodeFrame(*(*codec)->encode(mas::Message::result(0, mas::Value(3))));
    mas::bench::RawReflector pair(*request, *reply);
    if (!pair.open().empty())
        return 2;
    std::string error;
    int done = 0;
    pair.run(calls, inFlight, &error, &done, 600s);
    return error.empty() && done == calls ? 0 : 1;
}

/// Sets the event log on or off, on the queue (older trees) or on the network (newer).
template<class Queue>
void setRecording(Queue *queue, bool on)
{
    if constexpr (requires { queue->setRecording(on); })
        queue->setRecording(on);
    else
        mas::LocalQueue::network()->setRecording(on);
}

int runLocalQueue(bool recording, int frames, bool readLog = true)
{
    auto codec = mas::Codec::create(QStringLiteral("json"));
    if (!codec)
        return 2;
    const QByteArray frame = *mas::encodeFrame(*(*codec)->encode(mas::Message::request(1, requestContent())));
    mas::LocalQueue *queue = mas::LocalQueue::get(QStringLiteral("instructions"));
    setRecording(queue, recording);
    std::unique_ptr<QIODevice> serverEnd;
    if (!queue->setServer([&](QIODevice *device) { serverEnd.reset(device); }, QStringLiteral("server"),
                          QStringLiteral("json")))
        return 2;
    mas::Result<QIODevice *> client = queue->connectToServer(QStringLiteral("client"), QStringLiteral("json"));
    if (!client || !serverEnd)
        return 2;
    std::unique_ptr<QIODevice> clientEnd(*client);
    // As bench_localqueue: 1,000 whole frames written per event-loop turn, the reader splits
    // and checks them on readyRead.
    int received = 0;
    bool wrong = false;
    QByteArray buffer;
    QEventLoop loop;
    QObject::connect(serverEnd.get(), &QIODevice::readyRead, serverEnd.get(), [&] {
        buffer.append(serverEnd->readAll());
        qsizetype offset = 0;
        while (buffer.size() - offset >= mas::kFrameHeaderSize) {
            const qsizetype size =
                mas::kFrameHeaderSize + qsizetype(qFromBigEndian<quint32>(buffer.constData() + offset));
            if (buffer.size() - offset < size)
                break;
            wrong |= QByteArrayView(buffer.constData() + offset, size) != QByteArrayView(frame);
            offset += size;
            ++received;
        }
        buffer.remove(0, offset);
        if (received >= frames)
            loop.quit();
    });
    int written = 0;
    QTimer writer;
    QObject::connect(&writer, &QTimer::timeout, &writer, [&] {
        for (int i = 0; i < 1000 && written < frames; ++i, ++written)
            clientEnd->write(frame);
        if (written >= frames)
            writer.stop();
    });
    writer.start(0);
    QTimer::singleShot(600s, &loop, &QEventLoop::quit);
    loop.exec();
    if (recording && readLog) // reading the log describes the frames kept raw (the Inspector does so)
        (void)mas::LocalQueue::network()->eventLog();
    clientEnd.reset();
    serverEnd.reset();
    mas::bench::drainEvents();
    return !wrong && received == frames ? 0 : 1;
}

/// Channel round trips (json) over local:// (`local`, `local-log`: the event log on, read once
/// at the end) or ipc:// (`ipc`), as bench_localqueue's round trips.
int runRoundTrips(const QString &transport, int inFlight, int calls)
{
    if (transport == u"ipc") {
        QTemporaryDir dir;
        if (!dir.isValid())
            return 2;
        return runChannel(QStringLiteral("json"), inFlight, calls,
                          mas::Address::ipc(dir.filePath(QStringLiteral("rt.sock"))));
    }
    if (transport != u"local" && transport != u"local-log" && transport != u"local-log-unread")
        return 2;
    const bool recording = transport != u"local";
    const bool readLog = transport == u"local-log";
    mas::LocalQueue::network()->setRecording(recording);
    const int status = runChannel(QStringLiteral("json"), inFlight, calls, mas::Address::local(QStringLiteral("rt")),
                                  [readLog] {
                                      if (readLog)
                                          (void)mas::LocalQueue::network()->eventLog();
                                  });
    return status;
}

/// An agent offering add(a, b) (as bench_localqueue's agent calls).
class Adder : public mas::Agent
{
public:
    explicit Adder(mas::Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("add"), [](qint64 a, qint64 b) { return a + b; },
                        {QStringLiteral("a"), QStringLiteral("b")});
    }
};

QCoro::Task<void> agentWorker(mas::rpc::Proxy add, Batch *batch)
{
    while (batch->started < batch->total) {
        ++batch->started;
        mas::Value::List args;
        args.reserve(2);
        args.emplace_back(1);
        args.emplace_back(2);
        const mas::Result<mas::Value> reply = co_await add.call(std::move(args));
        if (!check(batch, reply))
            break;
    }
    batch->finish();
}

/// Agent calls (json): agent A in one container calls add(1, 2) on agent B in another through
/// its proxy, over local:// (`local`, `local-log`) or ipc:// (`ipc`), as bench_localqueue's.
int runAgentCalls(const QString &transport, int inFlight, int calls)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return 2;
    if (transport != u"ipc" && transport != u"local" && transport != u"local-log" && transport != u"local-log-unread")
        return 2;
    const bool ipc = transport == u"ipc";
    const bool recording = transport.startsWith(u"local-log");
    const bool readLog = transport == u"local-log";
    mas::ContainerOptions options;
    options.codec = QStringLiteral("json");
    std::unique_ptr<mas::Container> containers[2];
    for (int i = 0; i < 2; ++i) {
        const mas::Address address = ipc ? mas::Address::ipc(dir.filePath(QStringLiteral("ag%1.sock").arg(i)))
                                         : mas::Address::local(QStringLiteral("ag%1").arg(i));
        mas::Result<mas::Container *> created = mas::Container::createNow(address, options);
        if (!created)
            return 2;
        containers[i].reset(*created);
    }
    if (!ipc)
        mas::LocalQueue::network()->setRecording(recording);
    auto *a = new Adder(containers[0].get());
    auto *b = new Adder(containers[1].get());
    std::optional<mas::Result<mas::rpc::Proxy>> proxy = mas::bench::runFor(a->connectTo(b->address()));
    if (!proxy || !*proxy)
        return 2;
    const mas::rpc::Proxy add = (**proxy)[QStringLiteral("add")];
    const bool ok = runCalls(calls, inFlight, [add](Batch *batch) { agentWorker(add, batch); });
    if (readLog)
        (void)mas::LocalQueue::network()->eventLog();
    containers[0].reset();
    containers[1].reset();
    mas::bench::drainEvents();
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s rpc|channel|raw json|msgpack IN_FLIGHT N\n"
                             "       %s lq off|on|on-unread 0 N\n"
                             "       %s rt local|local-log|local-log-unread|ipc IN_FLIGHT N\n"
                             "       %s ag local|local-log|local-log-unread|ipc IN_FLIGHT N\n", argv[0], argv[0], argv[0], argv[0]);
        return 2;
    }
    const std::string kind = argv[1];
    const QString variant = QString::fromLatin1(argv[2]);
    const int inFlight = std::atoi(argv[3]);
    const int n = std::atoi(argv[4]);
    int status = 2;
    if (kind == "rpc")
        status = runRpc(variant, inFlight, n);
    else if (kind == "channel")
        status = runChannel(variant, inFlight, n, mas::Address::tcp(QStringLiteral("127.0.0.1"), 0));
    else if (kind == "rt")
        status = runRoundTrips(variant, inFlight, n);
    else if (kind == "ag")
        status = runAgentCalls(variant, inFlight, n);
    else if (kind == "raw")
        status = runRaw(variant, inFlight, n);
    else if (kind == "lq")
        status = runLocalQueue(variant != u"off", n, variant != u"on-unread");
    if (status != 0)
        std::fprintf(stderr, "%s %s failed (%d)\n", argv[1], argv[2], status);
    return status;
}
