// SPDX-License-Identifier: MIT
#include "agenttypes.h"

#include "contractnet.h"
#include "echo.h"
#include "leaderelection.h"
#include "pingpong.h"
#include "twophasecommit.h"

#include <QCoreApplication>
#include <QMetaEnum>

#include <optional>

namespace mas::demos {

namespace {

// The texts of the agent types (lupdate files tr() calls of free functions only under a class).
struct AgentTypes
{
    Q_DECLARE_TR_FUNCTIONS(mas::demos::AgentTypes)
};

/// One call's arguments, bound as Python binds `function(names...)`.
class Arguments
{
public:
    Arguments(QString function,
              const Value::List &args,
              const Value::Map &kwargs,
              QStringList names)
        : m_function(std::move(function))
        , m_args(args)
        , m_kwargs(kwargs)
        , m_names(std::move(names))
    {}

    /// The call's shape; the first `required` parameters have no default.
    Result<void> check(qsizetype required) const
    {
        return checkArguments(m_function, m_args, m_kwargs, m_names, required);
    }
    template<class T>
    Result<T> at(qsizetype index, std::optional<T> defaultValue = std::nullopt) const
    {
        return argumentAt<T>(m_function, m_args, m_kwargs, index, m_names.at(index),
                             std::move(defaultValue));
    }

private:
    QString m_function;
    const Value::List &m_args;
    const Value::Map &m_kwargs;
    QStringList m_names;
};

/// A handler that answers at once from the wire arguments.
rpc::Handler handler(std::function<Result<Value>(const Value::List &, const Value::Map &)> f)
{
    return [f = std::move(f)](rpc::RpcClient *, const Value::List &args, const Value::Map &kwargs) {
        return rpc::HandlerResult(f(args, kwargs));
    };
}

/// A handler without parameters: `name()` rejects arguments with Python's TypeError.
rpc::Handler noArguments(const QString &name, std::function<Result<Value>()> f)
{
    return handler([name, f = std::move(f)](const Value::List &args,
                                            const Value::Map &kwargs) -> Result<Value> {
        MAS_TRY_VOID(checkArguments(name, args, kwargs, {}, 0));
        return f();
    });
}

template<class E>
QString keyOf(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

/// What every registered demo agent offers besides its messages.
void exposeState(DemoAgent *agent)
{
    agent->router().exposeHandler(QStringLiteral("state"),
                                  noArguments(QStringLiteral("state"), [agent] {
                                      return Result<Value>(Value(agent->stateText()));
                                  }));
}

void exposeStart(DemoAgent *agent, std::function<Result<Value>()> start)
{
    agent->router().exposeHandler(QStringLiteral("start"),
                                  noArguments(QStringLiteral("start"), std::move(start)));
}

Result<quint32> seedAt(const Arguments &arguments, qsizetype index)
{
    return arguments.at<quint32>(index, 0u);
}

// ---- ping-pong ----

Result<Agent *>
createPonger(Container *container, const Value::List &args, const Value::Map &kwargs)
{
    const Arguments arguments(QStringLiteral("PongerAgent"), args, kwargs,
                              {QStringLiteral("faulty"), QStringLiteral("seed")});
    MAS_TRY_VOID(arguments.check(0));
    MAS_TRY(faulty, arguments.at<bool>(0, false));
    MAS_TRY(seed, seedAt(arguments, 1));
    auto *ponger = new PongerAgent(container, seed, faulty);
    exposeState(ponger);
    // ping(round, sender=None): a person may ping without being an agent; the answer (the
    // round, or the faulty ponger's count) is the reply too.
    ponger->router().exposeHandler(
        QStringLiteral("ping"),
        handler([ponger](const Value::List &a, const Value::Map &k) -> Result<Value> {
            const Arguments call(QStringLiteral("ping"), a, k,
                                 {QStringLiteral("round"), QStringLiteral("sender")});
            MAS_TRY_VOID(call.check(1));
            MAS_TRY(round, call.at<int>(0));
            MAS_TRY(sender, call.at<Value>(1, Value()));
            QString url;
            if (!sender.isNull()) {
                Result<QString> text = sender.to<QString>();
                if (!text)
                    return detail::wrongArgumentType(QStringLiteral("ping"),
                                                     QStringLiteral("sender"), text.error());
                url = *text;
            }
            ponger->ping(round, url);
            return Value(ponger->answers().back());
        }));
    return ponger;
}

Result<Agent *>
createPinger(Container *container, const Value::List &args, const Value::Map &kwargs)
{
    const Arguments arguments(
        QStringLiteral("PingerAgent"), args, kwargs,
        {QStringLiteral("pongers"), QStringLiteral("rounds"), QStringLiteral("seed")});
    MAS_TRY_VOID(arguments.check(1));
    MAS_TRY(pongers, arguments.at<QStringList>(0));
    MAS_TRY(rounds, arguments.at<int>(1, 3));
    MAS_TRY(seed, seedAt(arguments, 2));
    if (rounds < 1)
        return Error(ErrorCode::InvalidArgument,
                     AgentTypes::tr("PingerAgent(): rounds must be at least 1, not %1").arg(rounds));
    auto *pinger = new PingerAgent(container, seed, rounds);
    pinger->setPongers(pongers);
    exposeState(pinger);
    exposeStart(pinger, [pinger] {
        pinger->startPinging();
        return Result<Value>(Value(true));
    });
    pinger->router().exposeHandler(QStringLiteral("done"),
                                   noArguments(QStringLiteral("done"), [pinger] {
                                       return Result<Value>(Value(pinger->isDone()));
                                   }));
    return pinger;
}

// ---- Contract Net ----

Result<Agent *>
createContractor(Container *container, const Value::List &args, const Value::Map &kwargs)
{
    const Arguments arguments(QStringLiteral("ContractorAgent"), args, kwargs,
                              {QStringLiteral("seed")});
    MAS_TRY_VOID(arguments.check(0));
    MAS_TRY(seed, seedAt(arguments, 0));
    auto *contractor = new ContractorAgent(container, seed);
    exposeState(contractor);
    return contractor;
}

Result<Agent *>
createManager(Container *container, const Value::List &args, const Value::Map &kwargs)
{
    const Arguments arguments(
        QStringLiteral("ManagerAgent"), args, kwargs,
        {QStringLiteral("contractors"), QStringLiteral("task"), QStringLiteral("seed")});
    MAS_TRY_VOID(arguments.check(1));
    MAS_TRY(contractors, arguments.at<QStringList>(0));
    MAS_TRY(task, arguments.at<QString>(1, QStringLiteral("task")));
    MAS_TRY(seed, seedAt(arguments, 2));
    auto *manager = new ManagerAgent(container, seed, task);
    manager->setContractors(contractors);
    exposeState(manager);
    exposeStart(manager, [manager] {
        manager->announce();
        return Result<Value>(Value(true));
    });
    manager->router().exposeHandler(QStringLiteral("phase"),
                                    noArguments(QStringLiteral("phase"), [manager] {
                                        return Result<Value>(Value(keyOf(manager->phase())));
                                    }));
    manager->router().exposeHandler(QStringLiteral("winner"),
                                    noArguments(QStringLiteral("winner"), [manager] {
                                        return Result<Value>(Value(manager->winner()));
                                    }));
    return manager;
}

// ---- two-phase commit ----

Result<Agent *>
createParticipant(Container *container, const Value::List &args, const Value::Map &kwargs)
{
    const Arguments arguments(QStringLiteral("ParticipantAgent"), args, kwargs,
                              {QStringLiteral("seed")});
    MAS_TRY_VOID(arguments.check(0));
    MAS_TRY(seed, seedAt(arguments, 0));
    auto *participant = new ParticipantAgent(container, seed);
    exposeState(participant);
    return participant;
}

Result<Agent *>
createCoordinator(Container *container, const Value::List &args, const Value::Map &kwargs)
{
    const Arguments arguments(QStringLiteral("CoordinatorAgent"), args, kwargs,
                              {QStringLiteral("participants"), QStringLiteral("transaction"),
                               QStringLiteral("faulty"), QStringLiteral("seed")});
    MAS_TRY_VOID(arguments.check(1));
    MAS_TRY(participants, arguments.at<QStringList>(0));
    MAS_TRY(transaction, arguments.at<QString>(1, QStringLiteral("transaction")));
    MAS_TRY(faulty, arguments.at<bool>(2, false));
    MAS_TRY(seed, seedAt(arguments, 3));
    auto *coordinator = new CoordinatorAgent(container, seed, transaction, faulty);
    coordinator->setParticipants(participants);
    exposeState(coordinator);
    exposeStart(coordinator, [coordinator] {
        coordinator->prepareAll();
        return Result<Value>(Value(true));
    });
    coordinator->router().exposeHandler(
        QStringLiteral("phase"), noArguments(QStringLiteral("phase"), [coordinator] {
            return Result<Value>(Value(keyOf(coordinator->phase())));
        }));
    return coordinator;
}

// ---- echo and leader election ----

Result<Agent *> createEcho(Container *container, const Value::List &args, const Value::Map &kwargs)
{
    const Arguments arguments(
        QStringLiteral("EchoAgent"), args, kwargs,
        {QStringLiteral("neighbours"), QStringLiteral("initiator"), QStringLiteral("seed")});
    MAS_TRY_VOID(arguments.check(1));
    MAS_TRY(neighbours, arguments.at<QStringList>(0));
    MAS_TRY(initiator, arguments.at<bool>(1, false));
    MAS_TRY(seed, seedAt(arguments, 2));
    auto *node = new EchoAgent(container, seed, initiator);
    node->setNeighbours(neighbours);
    exposeState(node);
    exposeStart(node, [node]() -> Result<Value> {
        if (!node->isInitiator())
            return Error(ErrorCode::InvalidArgument,
                         AgentTypes::tr("Only the initiator starts the echo (this EchoAgent was created with "
                              "initiator=False)"));
        node->initiate();
        return Value(true);
    });
    return node;
}

Result<Agent *>
createLeaderElection(Container *container, const Value::List &args, const Value::Map &kwargs)
{
    const Arguments arguments(QStringLiteral("LeaderElectionAgent"), args, kwargs,
                              {QStringLiteral("ring_id"), QStringLiteral("next"),
                               QStringLiteral("faulty"), QStringLiteral("seed")});
    MAS_TRY_VOID(arguments.check(2));
    MAS_TRY(ringId, arguments.at<qint64>(0));
    MAS_TRY(next, arguments.at<QString>(1));
    MAS_TRY(faulty, arguments.at<bool>(2, false));
    MAS_TRY(seed, seedAt(arguments, 3));
    auto *node = new LeaderElectionAgent(container, seed, ringId, faulty);
    node->setNext(next);
    exposeState(node);
    exposeStart(node, [node] { return Result<Value>(Value(node->wakeup())); });
    return node;
}

} // namespace

QList<AgentType> agentTypes()
{
    QList<AgentType> types;
    types.append({QStringLiteral("mas.demos:PongerAgent"),
                  AgentTypes::tr("Answers ping(round, sender=None) with its answer, and with pong(round, "
                       "own address) to the sender when there is one."),
                  QStringLiteral("(faulty=False, seed=0)"), &createPonger});
    types.append({QStringLiteral("mas.demos:PingerAgent"),
                  AgentTypes::tr("Pings the pongers at the given URLs for some rounds, one clock second "
                       "apart, after start()."),
                  QStringLiteral("(pongers, rounds=3, seed=0)"), &createPinger});
    types.append({QStringLiteral("mas.demos:ContractorAgent"),
                  AgentTypes::tr("A Contract Net contractor: bids a seeded cost for a call for proposals."),
                  QStringLiteral("(seed=0)"), &createContractor});
    types.append({QStringLiteral("mas.demos:ManagerAgent"),
                  AgentTypes::tr("A Contract Net manager: after start() awards its task to the lowest bid "
                       "of the contractors at the given URLs."),
                  QStringLiteral("(contractors, task='task', seed=0)"), &createManager});
    types.append({QStringLiteral("mas.demos:ParticipantAgent"),
                  AgentTypes::tr("A two-phase commit participant: votes yes or no (seeded) on PREPARE."),
                  QStringLiteral("(seed=0)"), &createParticipant});
    types.append({QStringLiteral("mas.demos:CoordinatorAgent"),
                  AgentTypes::tr("A two-phase commit coordinator: after start() asks the participants at "
                       "the given URLs and commits or aborts."),
                  QStringLiteral("(participants, transaction='transaction', faulty=False, seed=0)"),
                  &createCoordinator});
    types.append({QStringLiteral("mas.demos:EchoAgent"),
                  AgentTypes::tr("A node of the echo (wave) algorithm; the initiator starts the wave with "
                       "start()."),
                  QStringLiteral("(neighbours, initiator=False, seed=0)"), &createEcho});
    types.append({QStringLiteral("mas.demos:LeaderElectionAgent"),
                  AgentTypes::tr("A node of the Chang-Roberts ring election; start() wakes it up."),
                  QStringLiteral("(ring_id, next, faulty=False, seed=0)"), &createLeaderElection});
    return types;
}

Result<void> registerAgentTypes(AgentRegistry &registry)
{
    const QList<AgentType> types = agentTypes();
    for (const AgentType &type : types) {
        if (registry.contains(type.name))
            return Error(ErrorCode::InvalidArgument,
                         AgentTypes::tr("Agent type \"%1\" is already registered").arg(type.name));
    }
    for (const AgentType &type : types)
        MAS_TRY_VOID(registry.add(type));
    return {};
}

} // namespace mas::demos
