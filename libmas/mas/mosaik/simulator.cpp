// SPDX-License-Identifier: MIT
#include "simulator.h"

#include <mas/channel/channel.h>
#include <mas/channel/connection.h>
#include <mas/channel/request.h>
#include <mas/clock/clock.h>
#include <mas/core/completion_p.h>
#include <mas/core/eventloop_p.h>
#include <mas/core/logging_p.h>
#include <mas/core/peertext.h>

#include <QCoreApplication>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <cmath>

namespace mas::mosaik {

namespace {
// The outcome of one request from mosaik: a value, or a failure with a Python type.
struct Outcome
{
    Value value;
    bool ok = true;
    QString type;
    QString message;
    bool answered = true; ///< false: mosaik gets no reply (stop)

    static Outcome success(Value v) { return {std::move(v), true, {}, {}, true}; }
    static Outcome failure(QString type, QString message) { return {Value(), false, std::move(type), std::move(message), true}; }
    static Outcome failure(const Error &e) { return failure(pythonTypeFor(e), e.message()); }
    static Outcome noReply() { return {Value(), true, {}, {}, false}; }
};

// A value mosaik reads as a time: an integer (a double with an integral value is accepted and
// made an integer, since Python code often sends 2.0 where 2 is meant).
std::optional<qint64> integerOf(const Value &v)
{
    if (v.type() == Value::Type::Int)
        return v.toInt();
    if (v.type() == Value::Type::UInt && v.toUInt() <= quint64(std::numeric_limits<qint64>::max()))
        return qint64(v.toUInt());
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9.0e15)
            return qint64(d);
    }
    return std::nullopt;
}

QString argumentCountText(const QString &method, qsizetype expected, qsizetype got)
{
    return Simulator::tr("%1() takes %2 positional arguments but %3 were given").arg(method).arg(expected).arg(got);
}

} // namespace

// ---- Entity / SimulatorException / failureContent ----

Value Entity::toValue() const
{
    Value::Map map;
    map.emplace_back(Value(QStringLiteral("eid")), Value(eid));
    map.emplace_back(Value(QStringLiteral("type")), Value(type));
    if (!rel.isEmpty()) {
        Value::List list;
        for (const QString &r : rel)
            list.emplace_back(r);
        map.emplace_back(Value(QStringLiteral("rel")), Value(std::move(list)));
    }
    if (!children.empty()) {
        Value::List list;
        for (const Entity &child : children)
            list.push_back(child.toValue());
        map.emplace_back(Value(QStringLiteral("children")), Value(std::move(list)));
    }
    if (!extraInfo.isNull())
        map.emplace_back(Value(QStringLiteral("extra_info")), extraInfo);
    return Value(std::move(map));
}

SimulatorException::SimulatorException(QString type, QString message)
    : m_type(std::move(type))
    , m_message(std::move(message))
    , m_what((m_type + QStringLiteral(": ") + m_message).toUtf8())
{}

Value failureContent(const QString &type, const QString &message, const QString &where)
{
    Value::List list;
    list.emplace_back(type);
    list.emplace_back(message);
    list.emplace_back(QStringLiteral("Traceback (most recent call last):\n"));
    list.emplace_back(QStringLiteral("  ") + where + u'\n');
    list.emplace_back(type + QStringLiteral(": ") + message + u'\n');
    return Value(std::move(list));
}

// ---- SimulatorPrivate ----

class SimulatorPrivate
{
public:
    explicit SimulatorPrivate(Simulator *q, Meta meta)
        : q(q)
        , meta(std::move(meta))
        , methods{{QStringLiteral("init"), &SimulatorPrivate::handleInit},
                  {QStringLiteral("create"), &SimulatorPrivate::handleCreate},
                  {QStringLiteral("setup_done"), &SimulatorPrivate::handleSetupDone},
                  {QStringLiteral("step"), &SimulatorPrivate::handleStep},
                  {QStringLiteral("get_data"), &SimulatorPrivate::handleGetData},
                  {QStringLiteral("stop"), &SimulatorPrivate::handleStopRequest}}
    {}

    /// A request of mosaik by name (the arguments by value: a coroutine keeps them).
    using Method = QCoro::Task<Outcome> (SimulatorPrivate::*)(QString name, Value::List args, Value::Map kwargs);

    void takeRequests();
    void dispatch(const Request &request);
    QCoro::Task<Outcome> call(QString name, Value::List args, Value::Map kwargs);
    QCoro::Task<Outcome> handleInit(QString name, Value::List args, Value::Map kwargs);
    QCoro::Task<Outcome> handleCreate(QString name, Value::List args, Value::Map kwargs);
    QCoro::Task<Outcome> handleSetupDone(QString name, Value::List args, Value::Map kwargs);
    QCoro::Task<Outcome> handleStep(QString name, Value::List args, Value::Map kwargs);
    QCoro::Task<Outcome> handleGetData(QString name, Value::List args, Value::Map kwargs);
    QCoro::Task<Outcome> handleStopRequest(QString name, Value::List args, Value::Map kwargs);
    QCoro::Task<Outcome> handleExtra(QString name, Value::List args, Value::Map kwargs);
    void handleStop();
    void onChannelClosed(const Error &reason);
    void finish(const Error &reason);
    void releaseHold(bool run);
    QString where(const QString &method) const
    {
        const QString who = sid.isEmpty() ? QString::fromLatin1(q->metaObject()->className()) : sid;
        return Simulator::tr("In the libmas simulator \"%1\", %2").arg(who, method);
    }

    Simulator *q;
    Meta meta;
    QString sid;
    double timeResolution = 1.0;
    std::optional<qint64> lastStep;
    int openSteps = 0;
    QSet<QString> eids;
    std::vector<Entity> created;

    QPointer<Channel> channel;
    QPointer<ChannelServer> server;
    QTimer acceptTimer;
    bool stopping = false;
    bool stopped = false;
    bool finalized = false;
    Error stopReason;

    /// The one dispatcher: every request name mosaik may send, mosaik's own calls and the extra
    /// methods (which reach handleExtra()).
    QHash<QString, Method> methods;
    QHash<QString, rpc::Handler> extraMethods;

    std::unique_ptr<ExternalClock> ownClock;
    ExternalClock *clock = nullptr;

    std::optional<qint64> holdAt;
    bool holdEvery = false;
    std::optional<qint64> held;
    std::optional<detail::Completion<bool>> gate;
};

void SimulatorPrivate::takeRequests()
{
    while (channel) {
        std::optional<Request> request = channel->takeRequest();
        if (!request)
            break;
        dispatch(*request);
    }
}

void SimulatorPrivate::dispatch(const Request &request)
{
    QCoro::connect(q->handleRequest(request.content()), q, [request](const Simulator::Reply &reply) {
        switch (reply.kind) {
        case Simulator::Reply::Kind::Success:
            (void)request.reply(reply.content);
            break;
        case Simulator::Reply::Kind::Failure:
            (void)request.failWithContent(reply.content);
            break;
        case Simulator::Reply::Kind::None:
            break;
        }
    });
}

QCoro::Task<Outcome> SimulatorPrivate::call(QString name, Value::List args, Value::Map kwargs)
{
    const Method method = methods.value(name);
    if (!method)
        co_return Outcome::failure(QStringLiteral("AttributeError"),
                                   Simulator::tr("The simulator has no method \"%1\"").arg(name));
    try {
        Outcome outcome = co_await (this->*method)(std::move(name), std::move(args), std::move(kwargs));
        co_return outcome;
    } catch (const SimulatorException &e) {
        co_return Outcome::failure(e.type(), e.message());
    } catch (const std::exception &e) {
        co_return Outcome::failure(QStringLiteral("RuntimeError"), QString::fromUtf8(e.what()));
    }
}

QCoro::Task<Outcome> SimulatorPrivate::handleInit(QString, Value::List args, Value::Map kwargs)
{
    if (args.size() != 1 || !args.front().isString())
        co_return Outcome::failure(QStringLiteral("TypeError"),
                                   Simulator::tr("init() takes the simulator id as its one positional argument"));
    double resolution = 1.0;
    Value::Map simParams;
    for (const auto &[key, value] : kwargs) {
        if (key.toString() == u"time_resolution") {
            if (!(value.isDouble() || value.isInteger()) || !(value.toDouble() > 0))
                co_return Outcome::failure(QStringLiteral("ValueError"),
                                           Simulator::tr("time_resolution must be a positive number, got %1")
                                               .arg(value.toDisplayString(40)));
            resolution = value.toDouble();
        } else {
            simParams.emplace_back(key, value);
        }
    }
    if (Result<void> valid = meta.validate(); !valid)
        co_return Outcome::failure(valid.error());
    if (Result<void> r = q->init(args.front().toString(), resolution, simParams); !r)
        co_return Outcome::failure(r.error());
    sid = args.front().toString();
    timeResolution = resolution;
    Q_EMIT q->initialized(sid);
    co_return Outcome::success(meta.toValue());
}

QCoro::Task<Outcome> SimulatorPrivate::handleSetupDone(QString name, Value::List args, Value::Map)
{
    if (!args.empty())
        co_return Outcome::failure(QStringLiteral("TypeError"), argumentCountText(name, 0, args.size()));
    Result<void> r = q->setupDone();
    co_return r ? Outcome::success(Value()) : Outcome::failure(r.error());
}

QCoro::Task<Outcome> SimulatorPrivate::handleCreate(QString, Value::List args, Value::Map kwargs)
{
    if (args.size() != 2)
        co_return Outcome::failure(QStringLiteral("TypeError"), argumentCountText(QStringLiteral("create"), 2, args.size()));
    const std::optional<qint64> num = integerOf(args[0]);
    if (!num || *num < 0 || !args[1].isString())
        co_return Outcome::failure(QStringLiteral("TypeError"),
                                   Simulator::tr("create() takes a number of entities and a model name, got %1, %2")
                                       .arg(args[0].toDisplayString(40), args[1].toDisplayString(40)));
    const QString model = args[1].toString();
    const Model *description = meta.model(model);
    if (!description || !description->isPublic)
        co_return Outcome::failure(QStringLiteral("ValueError"),
                                   Simulator::tr("The simulator has no public model \"%1\"").arg(model));
    for (const auto &[key, value] : kwargs)
        if (!description->params.contains(key.toString()))
            co_return Outcome::failure(QStringLiteral("TypeError"),
                                       Simulator::tr("%1 got an unexpected keyword argument '%2'").arg(model, key.toString()));
    Result<std::vector<Entity>> entities = q->create(int(*num), model, kwargs);
    if (!entities)
        co_return Outcome::failure(entities.error());
    if (qsizetype(entities->size()) != *num)
        co_return Outcome::failure(QStringLiteral("ValueError"),
                                   Simulator::tr("create() made %1 entities, but %2 were asked for").arg(entities->size()).arg(*num));
    Value::List reply;
    QSet<QString> fresh;
    for (const Entity &entity : *entities) {
        if (entity.type != model)
            co_return Outcome::failure(QStringLiteral("ValueError"),
                                       Simulator::tr("create() made entity \"%1\" of model \"%2\", not \"%3\"")
                                           .arg(entity.eid, entity.type, model));
        if (entity.eid.isEmpty() || eids.contains(entity.eid) || fresh.contains(entity.eid))
            co_return Outcome::failure(QStringLiteral("ValueError"),
                                       Simulator::tr("The entity id \"%1\" is empty or not unique").arg(entity.eid));
        fresh.insert(entity.eid);
        reply.push_back(entity.toValue());
    }
    eids.unite(fresh);
    created.insert(created.end(), entities->begin(), entities->end());
    Q_EMIT q->entitiesCreated();
    co_return Outcome::success(Value(std::move(reply)));
}

QCoro::Task<Outcome> SimulatorPrivate::handleStep(QString, Value::List args, Value::Map kwargs)
{
    if (!kwargs.empty())
        co_return Outcome::failure(QStringLiteral("TypeError"), Simulator::tr("step() takes no keyword arguments"));
    if (args.size() != 3 && args.size() != 2) // API 2 peers send no max_advance
        co_return Outcome::failure(QStringLiteral("TypeError"), argumentCountText(QStringLiteral("step"), 3, args.size()));
    const std::optional<qint64> time = integerOf(args[0]);
    const std::optional<qint64> maxAdvance = args.size() == 3 ? integerOf(args[2]) : time;
    if (!time || *time < 0 || !maxAdvance)
        co_return Outcome::failure(QStringLiteral("TypeError"),
                                   Simulator::tr("step() needs an integer time and max_advance, got %1")
                                       .arg(Value(args).toDisplayString(80)));
    if (!args[1].isMap())
        co_return Outcome::failure(QStringLiteral("TypeError"),
                                   Simulator::tr("step() inputs must be an object, got %1").arg(args[1].toDisplayString(80)));
    if (lastStep && *time < *lastStep)
        co_return Outcome::failure(QStringLiteral("ValueError"),
                                   Simulator::tr("step(%1) goes back in time: the last step was at %2").arg(*time).arg(*lastStep));

    const QPointer<Simulator> guard(q);
    lastStep = *time;
    ++openSteps;
    // Simulated time: time steps of time_resolution seconds since the clock's start.
    const double seconds = double(*time) * timeResolution;
    if (seconds > clock->time()) {
        if (Result<void> moved = clock->setTime(seconds); !moved)
            qCWarning(lcMosaik).noquote() << Simulator::tr("The clock did not move to step %1: %2").arg(*time).arg(moved.error().message());
        // The timers due by now run before the step, and the coroutines they woke (two turns).
        co_await detail::yieldToEventLoop(q, 2);
        if (!guard)
            co_return Outcome::failure(QStringLiteral("RuntimeError"), Simulator::tr("The simulator was destroyed"));
    }
    Q_EMIT q->stepStarted(*time, *maxAdvance);

    if (holdEvery || (holdAt && *time >= *holdAt)) {
        if (!holdEvery)
            holdAt.reset(); // a breakpoint holds once
        held = *time;
        gate.emplace();
        detail::Completion<bool> wait = *gate;
        Q_EMIT q->stepHeld(*time);
        qCInfo(lcMosaik).noquote() << Simulator::tr("Step %1 held: mosaik waits until it is continued").arg(*time);
        const bool run = co_await wait;
        if (!guard)
            co_return Outcome::failure(QStringLiteral("RuntimeError"), Simulator::tr("The simulator was destroyed"));
        if (!run) {
            --openSteps;
            co_return Outcome::failure(QStringLiteral("RuntimeError"), Simulator::tr("The simulator stopped while step %1 was held").arg(*time));
        }
    }

    Result<std::optional<qint64>> next = co_await q->step(*time, args[1], *maxAdvance);
    if (!guard)
        co_return Outcome::failure(QStringLiteral("RuntimeError"), Simulator::tr("The simulator was destroyed"));
    --openSteps;
    Outcome outcome;
    if (!next) {
        outcome = Outcome::failure(next.error());
    } else if (!*next) {
        if (meta.type == SimulatorType::TimeBased)
            outcome = Outcome::failure(QStringLiteral("ValueError"),
                                       Simulator::tr("A time-based simulator must return the time of its next step"));
        else
            outcome = Outcome::success(Value());
    } else if (**next <= *time) {
        outcome = Outcome::failure(QStringLiteral("ValueError"),
                                   Simulator::tr("step() returned %1, which is not later than the step's time %2").arg(**next).arg(*time));
    } else {
        outcome = Outcome::success(Value(**next)); // an integer on the wire: 2, never 2.0
    }
    Q_EMIT q->stepFinished(*time, outcome.ok && !outcome.value.isNull() ? outcome.value.toInt() : -1, outcome.ok);
    co_return outcome;
}

QCoro::Task<Outcome> SimulatorPrivate::handleGetData(QString, Value::List args, Value::Map kwargs)
{
    if (args.size() != 1 || !kwargs.empty() || !args.front().isMap())
        co_return Outcome::failure(QStringLiteral("TypeError"),
                                   Simulator::tr("get_data() takes one object {eid: [attr, ...]}, got %1").arg(Value(args).toDisplayString(80)));
    Result<Value> data = q->getData(args.front());
    if (!data)
        co_return Outcome::failure(data.error());
    if (!data->isMap())
        co_return Outcome::failure(QStringLiteral("TypeError"),
                                   Simulator::tr("getData() must return an object, got %1").arg(data->toDisplayString(80)));
    for (auto &[key, value] : data->mutableMap()) {
        if (key.toString() != u"time")
            continue;
        const std::optional<qint64> t = integerOf(value);
        if (!t)
            co_return Outcome::failure(QStringLiteral("TypeError"),
                                       Simulator::tr("The \"time\" of getData() must be an integer, got %1").arg(value.toDisplayString(40)));
        value = Value(*t);
    }
    co_return Outcome::success(std::move(*data));
}

QCoro::Task<Outcome> SimulatorPrivate::handleExtra(QString name, Value::List args, Value::Map kwargs)
{
    const rpc::Handler handler = extraMethods.value(name); // a copy: the call may outlive a change
    rpc::HandlerResult result = handler(nullptr, args, kwargs);
    if (auto *now = std::get_if<Result<Value>>(&result))
        co_return *now ? Outcome::success(**now) : Outcome::failure(now->error());
    Result<Value> later = co_await std::move(std::get<QCoro::Task<Result<Value>>>(result));
    co_return later ? Outcome::success(*later) : Outcome::failure(later.error());
}

QCoro::Task<Outcome> SimulatorPrivate::handleStopRequest(QString, Value::List, Value::Map)
{
    handleStop();
    co_return Outcome::noReply(); // mosaik does not wait for a reply
}

void SimulatorPrivate::handleStop()
{
    if (stopping)
        return;
    stopping = true;
    qCInfo(lcMosaik) << "mosaik sent stop";
    releaseHold(false);
    if (!finalized) {
        finalized = true;
        q->finalize();
    }
    if (!channel) {
        finish(Error());
        return;
    }
    QCoro::connect(channel->close(), q, [this] { finish(Error()); });
}

void SimulatorPrivate::onChannelClosed(const Error &reason)
{
    if (stopping)
        return; // our own close after stop
    Error why = reason;
    if (!why.isError())
        why = Error(ErrorCode::ConnectionClosed, Simulator::tr("mosaik closed the connection without sending stop"));
    qCWarning(lcMosaik).noquote() << Simulator::tr("The connection to mosaik ended: %1").arg(peerText(why.message()));
    stopping = true;
    releaseHold(false);
    if (!finalized) {
        finalized = true;
        q->finalize();
    }
    finish(why);
}

void SimulatorPrivate::finish(const Error &reason)
{
    if (stopped)
        return;
    stopped = true;
    stopReason = reason;
    acceptTimer.stop();
    if (server)
        server->close();
    Q_EMIT q->stopped(reason);
}

void SimulatorPrivate::releaseHold(bool run)
{
    if (!gate)
        return;
    detail::Completion<bool> open = *gate;
    gate.reset();
    const qint64 time = held.value_or(-1);
    held.reset();
    open.complete(run);
    if (run)
        Q_EMIT q->stepContinued(time);
}

// ---- Simulator ----

Simulator::Simulator(Meta meta, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SimulatorPrivate>(this, std::move(meta)))
{
    d->ownClock = std::make_unique<ExternalClock>(QDateTime::fromSecsSinceEpoch(0, Qt::UTC));
    d->clock = d->ownClock.get();
    d->acceptTimer.setSingleShot(true);
    connect(&d->acceptTimer, &QTimer::timeout, this, [this] {
        if (d->channel || d->stopped)
            return;
        const Error timeout(ErrorCode::Timeout, Simulator::tr("mosaik did not connect in time"));
        qCWarning(lcMosaik).noquote() << timeout.message();
        d->stopping = true;
        d->finish(timeout);
    });
}

Simulator::~Simulator()
{
    d->releaseHold(false);
}

const Meta &Simulator::meta() const { return d->meta; }
QString Simulator::sid() const { return d->sid; }
double Simulator::timeResolution() const { return d->timeResolution; }
std::optional<qint64> Simulator::lastStepTime() const { return d->lastStep; }
bool Simulator::isStepOpen() const { return d->openSteps > 0; }
const std::vector<Entity> &Simulator::entities() const { return d->created; }
Channel *Simulator::channel() const { return d->channel; }
bool Simulator::isRunning() const { return d->channel && !d->stopping; }
bool Simulator::isStopped() const { return d->stopped; }
Error Simulator::stopReason() const { return d->stopReason; }
ExternalClock *Simulator::clock() const { return d->clock; }

void Simulator::setClock(ExternalClock *clock)
{
    d->clock = clock ? clock : d->ownClock.get();
}

Result<Address> Simulator::listen(const Address &address, std::chrono::milliseconds acceptTimeout)
{
    if (d->channel || d->server || d->stopped)
        return Error(ErrorCode::InvalidArgument, Simulator::tr("The simulator is already serving mosaik"));
    ChannelOptions options; // mosaik speaks JSON only
    Result<ChannelServer *> server = ChannelServer::listen(address, options, this);
    if (!server)
        return server.error();
    d->server = *server;
    connect(*server, &ChannelServer::newChannel, this, [this](Channel *channel) {
        if (d->channel || d->stopped) { // exactly one mosaik per simulator
            qCWarning(lcMosaik) << "refusing a second connection from" << channel->peerName();
            channel->abort(Error(ErrorCode::ConnectionClosed, Simulator::tr("The simulator already serves a mosaik")));
            return;
        }
        d->server->close();
        (void)serve(channel);
    });
    d->acceptTimer.start(acceptTimeout);
    return (*server)->address();
}

QCoro::Task<Result<void>> Simulator::connectTo(Address address)
{
    if (d->channel || d->server || d->stopped)
        co_return Error(ErrorCode::InvalidArgument, Simulator::tr("The simulator is already serving mosaik"));
    ChannelOptions options;
    options.attemptTimeout = std::chrono::seconds(10);
    Result<std::unique_ptr<Channel>> channel = co_await openConnection(address, options);
    if (!channel) // the caller reports it (startSimulation() prints it)
        co_return channel.error();
    Channel *open = channel->release();
    open->setParent(this);
    co_return serve(open);
}

Result<void> Simulator::serve(Channel *channel)
{
    if (!channel)
        return Error(ErrorCode::InvalidArgument, Simulator::tr("No channel to serve"));
    if (d->channel || d->stopped)
        return Error(ErrorCode::InvalidArgument, Simulator::tr("The simulator is already serving mosaik"));
    d->channel = channel;
    d->acceptTimer.stop();
    connect(channel, &Channel::requestReceived, this, [this] { d->takeRequests(); });
    connect(channel, &Channel::closed, this, [this](const Error &reason) { d->onChannelClosed(reason); });
    Q_EMIT connected(channel->peerName());
    d->takeRequests();
    if (!channel->isOpen())
        d->onChannelClosed(channel->error());
    return {};
}

QCoro::Task<Simulator::Reply> Simulator::handleRequest(Value content)
{
    if (!content.isList() || content.size() != 3 || !content.at(0).isString() || !content.at(1).isList()
        || !content.at(2).isMap()) {
        const QString message =
            Simulator::tr("A mosaik request must be [name, args, kwargs], got %1").arg(content.toDisplayString(120));
        qCWarning(lcMosaik).noquote() << peerText(message);
        co_return Reply{Reply::Kind::Failure,
                        failureContent(QStringLiteral("TypeError"), message, d->where(QStringLiteral("dispatch")))};
    }
    const QPointer<Simulator> guard(this);
    const QString name = content.at(0).toString();
    const Outcome outcome = co_await d->call(name, content.at(1).asList(), content.at(2).asMap());
    if (!guard) // destroyed while the request ran: nobody to answer for
        co_return Reply{};
    if (!outcome.answered)
        co_return Reply{};
    if (d->stopping) { // after stop mosaik reads nothing more (a held step ends here)
        qCDebug(lcMosaik) << name << "ended after stop; not answered";
        co_return Reply{};
    }
    if (outcome.ok)
        co_return Reply{Reply::Kind::Success, outcome.value};
    qCWarning(lcMosaik).noquote() << Simulator::tr("%1 failed: %2: %3")
                                          .arg(peerText(name, 100), peerText(outcome.type, 100), peerText(outcome.message));
    co_return Reply{Reply::Kind::Failure, failureContent(outcome.type, outcome.message, d->where(name))};
}

void Simulator::addExtraMethod(const QString &name, rpc::Handler handler)
{
    // mosaik's own calls win; meta().validate() reports the reserved name at init.
    if (!d->methods.contains(name) || d->extraMethods.contains(name)) {
        d->extraMethods.insert(name, std::move(handler));
        d->methods.insert(name, &SimulatorPrivate::handleExtra);
    }
    if (!d->meta.extraMethods.contains(name))
        d->meta.extraMethods.append(name);
}

void Simulator::setHoldAt(std::optional<qint64> time) { d->holdAt = time; }
std::optional<qint64> Simulator::holdAt() const { return d->holdAt; }
void Simulator::setHoldEveryStep(bool hold) { d->holdEvery = hold; }
bool Simulator::holdEveryStep() const { return d->holdEvery; }
std::optional<qint64> Simulator::heldStep() const { return d->held; }

bool Simulator::continueStep()
{
    if (!d->gate)
        return false;
    d->releaseHold(true);
    return true;
}

Result<void> Simulator::init(const QString &, double, const Value::Map &simParams)
{
    if (!simParams.empty())
        return Error(ErrorCode::TypeMismatch,
                     Simulator::tr("init() got an unexpected keyword argument '%1'").arg(simParams.front().first.toString()));
    return {};
}

Result<void> Simulator::setupDone() { return {}; }
void Simulator::finalize() {}

// ---- MosaikProxy ----

QCoro::Task<Result<Value>> MosaikProxy::call(QString name, Value::List args, Value::Map kwargs) const
{
    QPointer<Simulator> simulator(m_simulator);
    if (!simulator || !simulator->d->channel || simulator->d->stopping)
        co_return Error(ErrorCode::ConnectionClosed, Simulator::tr("The simulator is not connected to mosaik"));
    Value::List content;
    content.reserve(3);
    content.emplace_back(std::move(name));
    content.emplace_back(std::move(args));
    content.emplace_back(std::move(kwargs));
    QPointer<Channel> channel = simulator->d->channel;
    Result<Value> reply = co_await channel->send(Value(std::move(content)));
    co_return reply;
}

QCoro::Task<Result<Value>> MosaikProxy::callDuringStep(const char *name, Value::List args) const
{
    // mosaik serves these only while this simulator's step is open.
    if (!m_simulator || !m_simulator->isStepOpen())
        co_return Error(ErrorCode::InvalidArgument,
                        Simulator::tr("%1 can only be called while a step is open (mosaik serves it then)")
                            .arg(QLatin1StringView(name)));
    Result<Value> reply = co_await call(QString::fromLatin1(name), std::move(args));
    co_return reply;
}

QCoro::Task<Result<double>> MosaikProxy::getProgress() const
{
    Result<Value> reply = co_await callDuringStep("get_progress");
    if (!reply)
        co_return reply.error();
    if (!reply->isDouble() && !reply->isInteger())
        co_return Error(ErrorCode::TypeMismatch, Simulator::tr("get_progress returned %1, not a number").arg(reply->toDisplayString(40)));
    co_return reply->toDouble();
}

QCoro::Task<Result<Value>> MosaikProxy::getRelatedEntities(Value entities) const
{
    return callDuringStep("get_related_entities", Value::List{std::move(entities)});
}

QCoro::Task<Result<Value>> MosaikProxy::getData(Value attributes) const
{
    return callDuringStep("get_data", Value::List{std::move(attributes)});
}

QCoro::Task<Result<void>> MosaikProxy::setData(Value data) const
{
    Value::List args;
    args.push_back(std::move(data));
    Result<Value> reply = co_await callDuringStep("set_data", std::move(args));
    if (!reply)
        co_return reply.error();
    co_return Result<void>();
}

QCoro::Task<Result<void>> MosaikProxy::setEvent(qint64 time) const
{
    Value::List args;
    args.emplace_back(time);
    Result<Value> reply = co_await call(QStringLiteral("set_event"), std::move(args));
    if (!reply)
        co_return reply.error();
    co_return Result<void>();
}

} // namespace mas::mosaik
