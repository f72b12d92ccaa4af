// SPDX-License-Identifier: MIT
#pragma once

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/core/mas_export.h>
#include <mas/core/value.h>
#include <mas/rpc/router.h>

#include <QObject>
#include <QPointer>

#include <QCoro/QCoroTask>

#include <memory>

namespace mas::rpc {

class RpcClient;

/// A keyword argument for Proxy calls: `proxy["kw"](1, 5, mas::rpc::kw("c", 9))`.
struct KeywordArgument
{
    QString name;
    Value value;
};
template<class T>
KeywordArgument kw(QString name, const T &value)
{
    return {std::move(name), Value::from(value)};
}

/// A remote path on one connection (aiomas's `Proxy`): `remote["calc"]["mul"](6, 7)`.
/// Cheap to copy; calling it after its client is gone fails with ConnectionClosed.
///
/// \code
/// mas::Result<int> sum = co_await proxy.call<int>("add", 3, 4);     // typed
/// mas::Result<mas::Value> raw = co_await proxy["add"](3, 4);        // dynamic
/// qInfo() << proxy;                                                 // Proxy(tcp://127.0.0.1:5555/0)
/// \endcode
class MAS_EXPORT Proxy
{
public:
    Proxy() = default;
    /// `url` names the remote object for people (url()); empty: derived from the connection.
    Proxy(RpcClient *client, QString path, QString url = {});

    /// The proxy for a child name.
    Proxy operator[](const QString &name) const;
    QString path() const { return m_path; }
    RpcClient *client() const { return m_client; }
    /// Where the proxy points, for people: the agent URL it was connected to
    /// (`tcp://127.0.0.1:5555/0`, children append `/name`), else the peer and the path
    /// (`127.0.0.1:5555/calc/mul`); `<closed>/path` once the connection is gone.
    QString url() const;

    /// Calls the path with positional values and kw(...) keyword arguments.
    template<class... A>
    QCoro::Task<Result<Value>> operator()(const A &...arguments) const
    {
        Value::List args;
        Value::Map kwargs;
        (add(args, kwargs, arguments), ...);
        return call(std::move(args), std::move(kwargs));
    }
    QCoro::Task<Result<Value>> call(Value::List args, Value::Map kwargs = {}) const;
    /// Typed call of the child `name`: `co_await proxy.call<int>("add", 3, 4)`. A reply that does
    /// not convert to R is a TypeMismatch error that says which call answered what.
    template<class R, class... A>
    QCoro::Task<Result<R>> call(QString name, const A &...arguments) const
    {
        const Proxy target = (*this)[name];
        Result<Value> reply = co_await target(arguments...);
        if (!reply)
            co_return reply.error();
        Result<R> converted = reply->template to<R>();
        if (!converted)
            co_return converted.error().withContext(replyContext(target));
        co_return converted;
    }

    friend bool operator==(const Proxy &a, const Proxy &b)
    {
        return a.m_client == b.m_client && a.m_path == b.m_path;
    }

private:
    template<class T>
    static void add(Value::List &args, Value::Map &, const T &v)
    {
        args.push_back(Value::from(v));
    }
    static void add(Value::List &, Value::Map &kwargs, const KeywordArgument &k)
    {
        kwargs.emplace_back(Value(k.name), k.value);
    }
    static QString replyContext(const Proxy &target);

    QPointer<RpcClient> m_client;
    QString m_path;
    QString m_url;
};

/// Prints `Proxy(<url>)`.
MAS_EXPORT QDebug operator<<(QDebug debug, const Proxy &proxy);

/// One RPC connection (aiomas's `RpcClient`): calls the peer's service and serves `service`
/// (if any) to the peer over the same channel, so calls go both ways.
///
/// \code
/// auto client = (co_await mas::rpc::openConnection(mas::Address::tcp("localhost", 5555))).value();
/// mas::Result<int> sum = co_await client->call<int>("add", 3, 4);
/// mas::Result<mas::Value> product = co_await client->remote()["calc"]["mul"](6, 7);
/// \endcode
/// Requests are served concurrently: a handler returning a task may await calls back into the
/// caller before it answers. Lives in the thread of its channel.
class MAS_EXPORT RpcClient : public QObject
{
    Q_OBJECT

public:
    /// Serves `service` (may be null: call only) on `channel`, which the client owns (and
    /// deletes with itself).
    explicit RpcClient(std::unique_ptr<Channel> channel, Router *service = nullptr, QObject *parent = nullptr);
    /// Serves `service` on a channel owned elsewhere (a server's, or yours): not deleted by the
    /// client, watched with a QPointer (calls fail with ConnectionClosed once it is gone).
    explicit RpcClient(Channel *channel, Router *service = nullptr, QObject *parent = nullptr);
    ~RpcClient() override;

    /// Calls `path` with positional and keyword arguments.
    QCoro::Task<Result<Value>> call(QString path, Value::List args = {}, Value::Map kwargs = {});
    /// Typed form: `co_await client->call<int>("add", 3, 4)`.
    template<class R, class... A>
    QCoro::Task<Result<R>> call(QString path, const A &...arguments)
    {
        Result<Value> r = co_await remote()[path](arguments...);
        if (!r)
            co_return r.error();
        co_return r->template to<R>();
    }
    /// The root proxy.
    Proxy remote() { return Proxy(this, QString()); }

    Channel *channel() const;
    Router *service() const;
    /// Closes the connection (pending calls fail with ConnectionClosed).
    QCoro::Task<void> close();

Q_SIGNALS:
    /// The connection closed or was reset (aiomas's on_connection_reset); NoError after close().
    void connectionReset(const mas::Error &reason);

private:
    void registerProxySerializer();
    void serve();
    void dispatch(const Request &request);

    QPointer<Channel> m_channel;
    Router *m_service = nullptr;
};

/// Opens an RPC connection, serving `service` (may be null) to the peer.
MAS_EXPORT QCoro::Task<Result<std::unique_ptr<RpcClient>>> openConnection(Address address,
                                                                         Router *service = nullptr,
                                                                         ChannelOptions options = {});

/// Serves `service` on `address`; `onClient` (optional) sees each connection's RpcClient,
/// which lives as long as its channel. The returned server is owned by `parent`, or by the
/// caller when `parent` is null (delete it before `service`: deleting it closes its
/// connections). `service` is not owned and must outlive the server.
MAS_EXPORT Result<ChannelServer *> startServer(const Address &address,
                                               Router *service,
                                               std::function<void(RpcClient *)> onClient = {},
                                               const ChannelOptions &options = {},
                                               QObject *parent = nullptr);

} // namespace mas::rpc
