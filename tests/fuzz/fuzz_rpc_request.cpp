// SPDX-License-Identifier: MIT
// Fuzz target: the RPC request path as a peer drives it, without sockets. A payload arrives on
// a Channel over an in-memory device: the channel decodes it (codec, message triple), the
// RpcClient parses the request content `[path, args, kwargs]` (RpcClient::dispatch, the RPC
// request parser; there is no standalone one), Router::resolve walks the path (sub-routers, a
// child lookup as a container's `agents` router has, hidden names) and the handler converts
// the wire arguments to C++ parameters (integers of every width, text, bytes, containers,
// optionals, tuples, dates, proxies) or to Q_INVOKABLE parameters through QVariant.
//
// Input: byte 0 picks the codec (bits 0-1: json, msgpack, msgpackblosc), bit 2 gives the
// connection a container's serializers (dates first), bit 3 delivers the frame in two pieces
// split at byte 1; the rest is one payload, which the target frames.
//
// Properties: a payload that decodes as a request gets exactly one reply, with the request's
// id, that decodes (a result or a failure), and the channel stays open; a malformed request
// content gets a failure; any other payload closes the channel with an error and no reply.

#include "fuzzing.h"

#include <mas/channel/channel.h>
#include <mas/codec/dateserializer.h>
#include <mas/rpc/router.h>
#include <mas/rpc/rpcclient.h>
#include <mas/transport/framing.h>

#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QMap>
#include <QtNumeric>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

using namespace mas;
using namespace mas::rpc;
using mas::fuzz::Input;

namespace {

/// An in-memory byte stream: the target delivers bytes, the channel's writes are collected.
class Pipe : public QIODevice
{
public:
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_in.size() - m_read + QIODevice::bytesAvailable();
    }
    void deliver(QByteArrayView bytes)
    {
        m_in.append(bytes.data(), bytes.size());
        Q_EMIT readyRead();
    }
    QByteArray written;

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_in.size() - m_read));
        if (n > 0)
            std::memcpy(data, m_in.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char *data, qint64 size) override
    {
        written.append(data, size);
        return size;
    }

private:
    QByteArray m_in;
    qint64 m_read = 0;
};

/// Methods exposed through Qt's meta-object system (Router::exposeObject).
class Gadget : public QObject
{
    Q_OBJECT

public:
    Q_INVOKABLE qint64 add(int a, int b) { return qint64(a) + b; }
    Q_INVOKABLE QVariantMap describe(const QString &who, double weight) const
    {
        return {{QStringLiteral("who"), who}, {QStringLiteral("weight"), weight}};
    }
    Q_INVOKABLE QVariant echo(const QVariant &v) const { return v; }
    Q_INVOKABLE QString join(const QStringList &parts, const QString &separator) const
    {
        return parts.join(separator);
    }
    Q_INVOKABLE qsizetype count(const QVariantList &items) const { return items.size(); }
    Q_INVOKABLE QByteArray reversed(const QByteArray &bytes) const
    {
        QByteArray r = bytes;
        std::reverse(r.begin(), r.end());
        return r;
    }
    Q_INVOKABLE QDateTime later(const QDateTime &t, int seconds) const
    {
        return t.addSecs(seconds);
    }
    Q_INVOKABLE int sum(int a) const { return a; }
    Q_INVOKABLE qint64 sum(int a, int b, int c) const { return qint64(a) + b + c; }
    Q_INVOKABLE void touch() { ++touched; }
    int touched = 0;

public Q_SLOTS:
    QString greet(const QString &name) const { return QStringLiteral("Hello, %1!").arg(name); }

Q_SIGNALS:
    void changed();

private Q_SLOTS:
    void secret() {}
};

QCoro::Task<int> immediately(int x)
{
    co_return x;
}

QCoro::Task<int> throwsLater(QString what)
{
    if (!what.isNull())
        throw std::runtime_error(what.toStdString());
    co_return 0;
}

/// A service with one method of each parameter shape the RPC layer converts.
struct Service
{
    Router root;
    Router calc;
    Router deep;
    Router agents;
    Router agent0;
    Router objects;
    Gadget gadget;

    Service()
    {
        const auto names = [](std::initializer_list<const char *> list) {
            QStringList out;
            for (const char *n : list)
                out << QString::fromLatin1(n);
            return out;
        };
        root.setServiceName(QStringLiteral("rpc_server.TestService"));
        root.expose(
            QStringLiteral("add"),
            [](qint64 a, qint64 b) -> Result<qint64> {
                qint64 r = 0;
                if (qAddOverflow(a, b, &r))
                    return Error(ErrorCode::InvalidArgument, QStringLiteral("overflow"));
                return r;
            },
            names({"a", "b"}));
        root.expose(
            QStringLiteral("kw"),
            [](int a, int b, int c) {
                return std::vector<int>{a, b, c};
            },
            names({"a", "b", "c"}));
        root.expose(
            QStringLiteral("echo"), [](const Value &v) { return v; }, names({"value"}));
        root.expose(QStringLiteral("fail"), [](const QString &what) -> int {
            throw std::runtime_error(what.toStdString());
        });
        root.expose(QStringLiteral("boom"), []() -> int { throw 42; });
        root.expose(QStringLiteral("checked_sqrt"), [](double x) -> Result<double> {
            if (!(x >= 0))
                return Error(ErrorCode::InvalidArgument, QStringLiteral("math domain error"));
            return std::sqrt(x);
        });
        root.expose(QStringLiteral("nothing"), []() {});
        root.expose(
            QStringLiteral("scalars"),
            [](bool b, const QString &s, const std::string &u, const QByteArray &bytes, double d,
               float f) {
                return Value::list({b, s, QString::fromStdString(u), Value::bytes(bytes), d, f});
            },
            names({"b", "s", "u", "bytes", "d", "f"}));
        root.expose(QStringLiteral("widths"), [](quint8 a, qint16 b, quint32 c, quint64 d, long e) {
            return Value::list({a, b, c, d, qint64(e)});
        });
        root.expose(
            QStringLiteral("optional"),
            [](std::optional<int> x, std::optional<QString> s) {
                return Value::list({x ? Value(*x) : Value(), s ? Value(*s) : Value()});
            },
            names({"x", "s"}));
        root.expose(QStringLiteral("containers"),
                    [](const std::vector<int> &ints, const QStringList &texts,
                       const std::map<QString, double> &weights, const QList<QByteArray> &blobs) {
                        return qint64(ints.size() + texts.size() + weights.size() + blobs.size());
                    });
        root.expose(QStringLiteral("maps"),
                    [](const QHash<QString, QVariant> &h, const QMap<QString, int> &m,
                       const std::unordered_map<std::string, bool> &u) {
                        return qint64(h.size() + m.size() + u.size());
                    });
        root.expose(QStringLiteral("tuple"), [](const std::tuple<int, QString, double> &t,
                                                const std::pair<QString, int> &p) {
            return Value::list({std::get<0>(t), std::get<1>(t), std::get<2>(t), p.first, p.second});
        });
        root.expose(QStringLiteral("when"), [](const QDateTime &t) { return t; });
        root.expose(QStringLiteral("big"), [](const BigInt &b) { return b; });
        root.expose(QStringLiteral("variant"), [](const QVariant &v) { return v; });
        root.expose(QStringLiteral("caller"),
                    [](RpcClient *caller, int x) { return caller ? x : -1; });
        root.expose(QStringLiteral("coro"), [](int x) { return immediately(x); });
        root.expose(QStringLiteral("coro_fail"),
                    [](const QString &what) { return throwsLater(what); });
        root.expose(QStringLiteral("get_calc"), [this]() { return &calc; });
        root.expose(QStringLiteral("proxy_path"), [](const Proxy &p) { return p.path(); });
        root.hide(QStringLiteral("not_exposed"));
        calc.expose(QStringLiteral("mul"), [](qint64 a, qint64 b) -> Result<qint64> {
            qint64 r = 0;
            if (qMulOverflow(a, b, &r))
                return Error(ErrorCode::InvalidArgument, QStringLiteral("overflow"));
            return r;
        });
        deep.expose(QStringLiteral("neg"), [](qint64 a) -> Result<qint64> {
            if (a == std::numeric_limits<qint64>::min())
                return Error(ErrorCode::InvalidArgument, QStringLiteral("overflow"));
            return -a;
        });
        calc.addRouter(QStringLiteral("deep"), &deep);
        root.addRouter(QStringLiteral("calc"), &calc);
        objects.exposeObject(&gadget);
        root.addRouter(QStringLiteral("obj"), &objects);
        // As a container's "agents" router: agents found by id, without an entry each.
        agent0.expose(QStringLiteral("hello"),
                      [](const QString &who) { return QStringLiteral("Hello, %1!").arg(who); });
        agent0.setPathParent(&agents, QStringLiteral("0"));
        agents.setChildLookup([this](QStringView name) -> Result<Router *> {
            if (name == u"0")
                return &agent0;
            if (name == u"1")
                return Error(ErrorCode::LookupError, QStringLiteral("Agent \"1\" was removed"));
            return nullptr;
        });
        root.addRouter(QStringLiteral("agents"), &agents);
    }
};

const char *const kCodecs[] = {"json", "msgpack", "msgpackblosc"};

std::unique_ptr<Codec> makeCodec(const char *name, bool container)
{
    std::unique_ptr<Codec> codec = Codec::create(QString::fromLatin1(name)).value();
    if (container)
        MAS_FUZZ_CHECK(addDateSerializer(codec->serializers()), QString());
    return codec;
}

/// The codec the channel ends up with: RpcClient adds a fallback serializer for proxies that
/// takes a path (text) and refuses anything else.
std::unique_ptr<Codec> makeReferenceCodec(const char *name, bool container)
{
    std::unique_ptr<Codec> codec = makeCodec(name, container);
    (void)codec->serializers().addFallback(
        QStringLiteral("proxy"),
        [](const CustomObject &) -> Result<Value> {
            return Error(ErrorCode::SerializationError, QString());
        },
        [](const Value &path) -> Result<Value> {
            if (!path.isString())
                return Error(ErrorCode::SerializationError,
                             QStringLiteral("A proxy's path must be text"));
            return Value(path.toString());
        });
    return codec;
}

bool isRpcShaped(const Value &content)
{
    return content.isList() && content.size() == 3 && content.at(0).isString()
           && content.at(1).isList() && content.at(2).isMap();
}

Service &service()
{
    static Service *s = [] {
        mas::fuzz::quietQt();
        static int argc = 1;
        static char name[] = "fuzz_rpc_request";
        static char *argv[] = {name, nullptr};
        new QCoreApplication(argc, argv);
        return new Service;
    }();
    return *s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Service &svc = service();
    Input input(data, size);
    const quint8 mode = input.byte();
    const quint8 split = input.byte();
    const char *codecName = kCodecs[(mode & 3) % 3];
    const bool container = mode & 4;
    const QByteArrayView payload = input.rest();
    const Result<QByteArray> frame = encodeFrame(payload);
    MAS_FUZZ_CHECK(frame, frame.error().message());

    // What the channel should make of the payload.
    const std::unique_ptr<Codec> reference = makeReferenceCodec(codecName, container);
    const Result<Message> expected = reference->decode(payload);

    auto *pipe = new Pipe;
    pipe->open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    ChannelOptions options;
    options.codec = QString::fromLatin1(codecName);
    auto *channel = new Channel(pipe, makeCodec(codecName, container), options);
    auto client = std::make_unique<RpcClient>(std::unique_ptr<Channel>(channel), &svc.root);
    if (mode & 8) {
        const qsizetype at = qMin(qsizetype(split), frame->size());
        pipe->deliver(QByteArrayView(*frame).first(at));
        pipe->deliver(QByteArrayView(*frame).sliced(at));
    } else {
        pipe->deliver(*frame);
    }
    QCoreApplication::processEvents();

    if (!expected || expected->type != MessageType::Request) {
        MAS_FUZZ_CHECK(!channel->isOpen(), QStringLiteral("the channel took a bad payload"));
        MAS_FUZZ_CHECK(channel->error().code() != ErrorCode::NoError, QString());
        MAS_FUZZ_CHECK(pipe->written.isEmpty(), QStringLiteral("a reply to a bad payload"));
    } else {
        MAS_FUZZ_CHECK(channel->isOpen(), channel->error().message());
        FrameDecoder frames;
        frames.feed(pipe->written);
        std::optional<Result<QByteArray>> reply = frames.next();
        MAS_FUZZ_CHECK(reply && *reply, QStringLiteral("no reply frame"));
        MAS_FUZZ_CHECK(!frames.next() && frames.finish(), QStringLiteral("more than one reply"));
        // Decode structurally: the reply may hold tagged objects (dates, proxies).
        const std::unique_ptr<Codec> plain = makeCodec(codecName, false);
        Result<Value> triple = plain->decodeStructural(**reply);
        MAS_FUZZ_CHECK(triple, triple.error().message());
        Result<Message> answer = Message::fromValue(*triple);
        MAS_FUZZ_CHECK(answer, answer.error().message());
        MAS_FUZZ_CHECK(answer->type != MessageType::Request, QString());
        MAS_FUZZ_CHECK(answer->id == expected->id, QString::number(answer->id));
        if (!isRpcShaped(expected->content))
            MAS_FUZZ_CHECK(
                answer->type == MessageType::Failure
                    && answer->content.toString().contains(u"must be [path, args, kwargs]"),
                answer->content.toDisplayString(200));
        if (answer->type == MessageType::Failure)
            MAS_FUZZ_CHECK(answer->content.isString(), answer->content.toDisplayString(200));
    }
    client.reset(); // the channel and the pipe are its children
    return 0;
}

#include "fuzz_rpc_request.moc"
