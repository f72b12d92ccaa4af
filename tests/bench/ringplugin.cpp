// SPDX-License-Identifier: MIT
// A bench-only agent plug-in for bench_subproc: `mas.bench:RingAgent()`, one member of a ring
// that passes tokens around. Built as a MODULE into its own directory (not the tests' plug-in
// directory), loaded by the `mas subproc` children through `--plugin-path` and by the benchmark
// itself for its in-process baseline, so that both run the same agent code.
//
//   link(next, sink)  connects to the successor (`next`, an agent URL) and to the benchmark's
//                     sink agent (`sink`); returns True.
//   token(hops)       takes a token: with hops > 0 it calls next.token(hops - 1), else
//                     sink.done(); either call is fired without awaiting it, so the handler
//                     answers at once and no await chain grows along the ring. A failed call
//                     is reported to sink.failed(text) (and counted here).
//   stats()           [tokens received, failed calls, last error text].

#include <mas/agent/agent.h>
#include <mas/agent/agentregistry.h>
#include <mas/agent/container.h>
#include <mas/rpc/rpcclient.h>

#include <QCoro/QCoroTask>
#include <QObject>
#include <QPointer>
#include <QtPlugin>

namespace masbench {

class RingAgent : public mas::Agent
{
public:
    explicit RingAgent(mas::Container *container)
        : Agent(container)
    {
        router().expose(QStringLiteral("link"), this, &RingAgent::link,
                        {QStringLiteral("next"), QStringLiteral("sink")});
        router().expose(QStringLiteral("token"), this, &RingAgent::token, {QStringLiteral("hops")});
        router().expose(QStringLiteral("stats"), this, &RingAgent::stats);
    }

    QString typeName() const override { return QStringLiteral("RingAgent"); }

    QCoro::Task<mas::Result<bool>> link(QString next, QString sink)
    {
        mas::Result<mas::rpc::Proxy> successor = co_await connectTo(next);
        if (!successor)
            co_return successor.error();
        mas::Result<mas::rpc::Proxy> reporter = co_await connectTo(sink);
        if (!reporter)
            co_return reporter.error();
        m_next = (*successor)[QStringLiteral("token")];
        m_done = (*reporter)[QStringLiteral("done")];
        m_failed = (*reporter)[QStringLiteral("failed")];
        co_return true;
    }

    void token(qint64 hops)
    {
        ++m_received;
        mas::Value::List args;
        if (hops > 0) {
            args.emplace_back(hops - 1);
            send(m_next, std::move(args), true);
        } else {
            send(m_done, std::move(args), true);
        }
    }

    mas::Value::List stats() const
    {
        mas::Value::List result;
        result.emplace_back(m_received);
        result.emplace_back(m_errors);
        result.emplace_back(m_lastError);
        return result;
    }

private:
    /// Calls `target` without making the caller wait: the returned task is dropped, the
    /// coroutine runs on by itself (QCoro frees it when it ends). `report`: tell the sink when
    /// the call fails.
    QCoro::Task<void> send(mas::rpc::Proxy target, mas::Value::List args, bool report)
    {
        QPointer<RingAgent> self(this);
        mas::Result<mas::Value> reply = co_await target.call(std::move(args));
        if (reply || !self)
            co_return;
        ++m_errors;
        m_lastError = reply.error().toString();
        if (report) {
            mas::Value::List what;
            what.emplace_back(address() + QStringLiteral(": ") + m_lastError);
            send(m_failed, std::move(what), false);
        }
    }

    mas::rpc::Proxy m_next;
    mas::rpc::Proxy m_done;
    mas::rpc::Proxy m_failed;
    qint64 m_received = 0;
    qint64 m_errors = 0;
    QString m_lastError;
};

mas::Result<mas::Agent *> createRingAgent(mas::Container *container,
                                          const mas::Value::List &args,
                                          const mas::Value::Map &kwargs)
{
    MAS_TRY_VOID(mas::checkArguments(QStringLiteral("RingAgent"), args, kwargs, QStringList(), 0));
    return new RingAgent(container);
}

class RingPlugin : public QObject, public mas::AgentPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MasAgentPlugin_iid)
    Q_INTERFACES(mas::AgentPlugin)

public:
    QList<mas::AgentType> agentTypes() const override
    {
        QList<mas::AgentType> types;
        types.append(
            {QStringLiteral("mas.bench:RingAgent"),
             QStringLiteral(
                 "A ring member for bench_subproc: link(next, sink), token(hops), stats()."),
             QStringLiteral("()"), &createRingAgent});
        return types;
    }
};

} // namespace masbench

#include "ringplugin.moc"
