// SPDX-License-Identifier: MIT
#include "rpcclient.h"

#include "mas/core/logging_p.h"

namespace mas::rpc {

namespace {
QCoro::Task<Result<Value>> failed(Error error)
{
    co_return error;
}
} // namespace

// ---- Proxy ----

Proxy::Proxy(RpcClient *client, QString path, QString url)
    : m_client(client)
    , m_path(std::move(path))
    , m_url(std::move(url))
{}

Proxy Proxy::operator[](const QString &name) const
{
    QString url;
    if (!m_url.isEmpty())
        url = (m_url.endsWith(u'/') ? m_url : m_url + u'/') + name;
    return Proxy(m_client, m_path.isEmpty() ? name : m_path + u'/' + name, std::move(url));
}

QString Proxy::url() const
{
    if (!m_url.isEmpty())
        return m_url;
    const Channel *channel = m_client ? m_client->channel() : nullptr;
    const QString peer = channel ? channel->peerName() : QStringLiteral("<closed>");
    return m_path.isEmpty() ? peer : peer + u'/' + m_path;
}

QString Proxy::replyContext(const Proxy &target)
{
    return mas::tr("The reply of %1").arg(target.url());
}

QDebug operator<<(QDebug debug, const Proxy &proxy)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "Proxy(" << proxy.url() << ')';
    return debug;
}

QCoro::Task<Result<Value>> Proxy::call(Value::List args, Value::Map kwargs) const
{
    if (!m_client)
        return failed(Error(ErrorCode::ConnectionClosed, mas::tr("The RPC connection is gone")));
    return m_client->call(m_path, std::move(args), std::move(kwargs));
}

// ---- RpcClient ----

RpcClient::RpcClient(std::unique_ptr<Channel> channel, Router *service, QObject *parent)
    : RpcClient(channel.get(), service, parent)
{
    Q_ASSERT(channel && !channel->parent());
    channel.release()->setParent(this);
}

RpcClient::RpcClient(Channel *channel, Router *service, QObject *parent)
    : QObject(parent)
    , m_channel(channel)
    , m_service(service)
{
    Q_ASSERT(channel);
    registerProxySerializer();
    connect(channel, &Channel::closed, this, &RpcClient::connectionReset);
    connect(channel, &Channel::requestReceived, this, &RpcClient::serve);
    serve(); // requests that arrived before we were attached
}

RpcClient::~RpcClient() = default;

void RpcClient::registerProxySerializer()
{
    // As aiomas: the last serializer of the connection, a fallback for services and proxies.
    // A service travels as its router's path; the receiver gets a proxy that calls back over
    // this same connection.
    QPointer<RpcClient> self(this);
    const auto serialize = [self](const CustomObject &object) -> Result<Value> {
        if (const Proxy *proxy = object.as<Proxy>()) {
            if (proxy->client() != self)
                return Error(ErrorCode::SerializationError,
                             tr("A proxy can only be passed back over its own connection"));
            return Value(proxy->path());
        }
        if (Router *const *router = object.as<Router *>()) {
            for (const Router *r = *router; r; r = r->parent()) {
                if (self && r == self->m_service)
                    return Value((*router)->path());
            }
            return Error(ErrorCode::SerializationError,
                         tr("The service is not part of the service this connection serves"));
        }
        return Error(ErrorCode::SerializationError,
                     tr("No serializer found for type \"%1\"").arg(object.typeName()));
    };
    const auto deserialize = [self](const Value &path) -> Result<Value> {
        if (!path.isString())
            return Error(ErrorCode::SerializationError, tr("A proxy's path must be text"));
        return Value::custom(Proxy(self, path.toString()));
    };
    (void)m_channel->codec().serializers().addFallback(QStringLiteral("proxy"), serialize, deserialize);
}

QCoro::Task<Result<Value>> RpcClient::call(QString path, Value::List args, Value::Map kwargs)
{
    // Not a coroutine itself: the channel's send() task is returned as is (one frame less).
    if (!m_channel)
        return failed(Error(ErrorCode::ConnectionClosed, tr("The RPC connection is gone")));
    if (path.isEmpty())
        return failed(Error(ErrorCode::InvalidArgument, tr("Cannot call the root of a service; name a method")));
    Value::List content;
    content.reserve(3);
    content.emplace_back(std::move(path));
    content.emplace_back(std::move(args));
    content.emplace_back(std::move(kwargs));
    return m_channel->send(Value(std::move(content)));
}

Channel *RpcClient::channel() const
{
    return m_channel;
}

Router *RpcClient::service() const
{
    return m_service;
}

QCoro::Task<void> RpcClient::close()
{
    if (m_channel)
        co_await m_channel->close();
}

void RpcClient::serve()
{
    if (!m_channel)
        return;
    while (std::optional<Request> request = m_channel->takeRequest())
        dispatch(*request);
}

void RpcClient::dispatch(const Request &request)
{
    const Value &content = request.content();
    // [path, args, kwargs]; aiomas stays silent on anything else, we answer with a failure.
    if (!content.isList() || content.size() != 3 || !content.at(0).isString()
        || !content.at(1).isList() || !content.at(2).isMap()) {
        qCDebug(lcRpc) << "malformed RPC request" << content.toDisplayString(120);
        (void)request.fail(QStringLiteral("TypeError"),
                           QStringLiteral("An RPC request must be [path, args, kwargs], got %1")
                               .arg(content.toDisplayString(120)));
        return;
    }
    if (!m_service) {
        (void)request.fail(QStringLiteral("LookupError"),
                           QStringLiteral("Name \"%1\" not found in \"\"")
                               .arg(content.at(0).toString().section(u'/', 0, 0)));
        return;
    }
    Result<Method> handler = m_service->find(content.at(0).stringRef());
    if (!handler) {
        (void)request.fail(handler.error());
        return;
    }
    // Python calls func(*args, **kwargs): keyword names that are not text are refused there.
    for (const auto &[key, value] : content.at(2).asMap()) {
        if (!key.isString()) {
            (void)request.fail(QStringLiteral("TypeError"),
                               QStringLiteral("%1() keywords must be strings")
                                   .arg(content.at(0).stringRef().section(u'/', -1)));
            return;
        }
    }
    HandlerResult result = (*handler)(this, content.at(1).asList(), content.at(2).asMap());
    if (auto *now = std::get_if<Result<Value>>(&result)) {
        if (*now)
            (void)request.reply(**now);
        else
            (void)request.fail(now->error());
        return;
    }
    // A coroutine handler: answer when it finishes (the connection may be gone by then).
    QCoro::connect(std::move(std::get<QCoro::Task<Result<Value>>>(result)), this,
                   [request](const Result<Value> &r) {
                       if (r)
                           (void)request.reply(*r);
                       else
                           (void)request.fail(r.error());
                   });
}

// ---- connections ----

QCoro::Task<Result<std::unique_ptr<RpcClient>>> openConnection(Address address,
                                                               Router *service,
                                                               ChannelOptions options)
{
    Result<std::unique_ptr<Channel>> channel = co_await mas::openConnection(address, options);
    if (!channel)
        co_return channel.error();
    co_return std::make_unique<RpcClient>(std::move(*channel), service);
}

Result<ChannelServer *> startServer(const Address &address,
                                    Router *service,
                                    std::function<void(RpcClient *)> onClient,
                                    const ChannelOptions &options,
                                    QObject *parent)
{
    return mas::startServer(
        address,
        [service, onClient = std::move(onClient)](Channel *channel) {
            // The RpcClient is the channel's child: it goes when the server drops the channel.
            auto *client = new RpcClient(channel, service, channel);
            if (onClient)
                onClient(client);
        },
        options, parent);
}

} // namespace mas::rpc
