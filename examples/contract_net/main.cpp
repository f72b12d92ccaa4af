// SPDX-License-Identifier: MIT
// The Contract Net protocol on libmas agents, across two containers: a Manager (container 1)
// announces a task to N Contractors (container 2), each bids a cost or refuses, the lowest bid
// wins the award and the others are rejected; the winner performs the task on its clock and
// reports back to the manager through the proxy it was handed.
//
//   mas_contract_net [--contractors 4] [--seed 42] [--task T1]
//
// Bids come from a random generator seeded with --seed, so a seed always gives the same winner.
// Exits 0 when the task was awarded and done, 1 otherwise (every contractor refused, or an error).

#include <mas/agent/agent.h>
#include <mas/agent/agenturl.h>
#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/core/run.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCoro/QCoroTask>
#include <QRandomGenerator>
#include <QTextStream>

#include <chrono>
#include <optional>
#include <vector>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString costText(double cost)
{
    return QString::number(cost, 'f', 1);
}

/// A bidder: answers calls for proposals with a cost (or refuses), performs awarded tasks.
class Contractor : public mas::Agent
{
public:
    Contractor(mas::Container *container, quint32 seed)
        : Agent(container)
        , m_random(seed)
    {
        router().expose(QStringLiteral("cfp"), this, &Contractor::cfp,
                        {QStringLiteral("task"), QStringLiteral("description")});
        router().expose(QStringLiteral("award"), this, &Contractor::award,
                        {QStringLiteral("task"), QStringLiteral("manager")});
        router().expose(QStringLiteral("reject"), this, &Contractor::reject,
                        {QStringLiteral("task")});
    }

    /// A call for proposals: the cost this contractor asks, or null when it refuses.
    mas::Value cfp(QString task, QString description)
    {
        if (m_random.bounded(5) == 0) {
            out() << QCoreApplication::translate("main", "%1 refuses %2").arg(toString(), task)
                  << Qt::endl;
            return mas::Value();
        }
        const double cost = m_random.bounded(10, 100) / 2.0; // 5.0 … 49.5 in steps of 0.5
        out() << QCoreApplication::translate("main", "%1 bids %2 for %3 (%4)")
                     .arg(toString(), costText(cost), task, description)
              << Qt::endl;
        return mas::Value(cost);
    }

    /// The award: performs the task (0.1 s on the container's clock), tells the manager it is
    /// done, and answers with the result.
    QCoro::Task<mas::Result<QString>> award(QString task, mas::rpc::Proxy manager)
    {
        out() << QCoreApplication::translate("main", "%1 won %2 and performs it")
                     .arg(toString(), task)
              << Qt::endl;
        if (mas::Result<void> slept = co_await clock()->sleep(0.1); !slept)
            co_return slept.error();
        const QString result = QCoreApplication::translate("main", "%1 done").arg(task);
        mas::Result<mas::Value> told =
            co_await manager[QStringLiteral("done")](task, toString(), result);
        if (!told)
            co_return told.error();
        co_return result;
    }

    /// Another contractor won.
    bool reject(QString task)
    {
        out() << QCoreApplication::translate("main", "%1 was rejected for %2").arg(toString(), task)
              << Qt::endl;
        return true;
    }

private:
    QRandomGenerator m_random;
};

/// A contractor as the manager knows it: its proxy and its name as aiomas prints agents.
struct Peer
{
    QString url;
    QString name;
    mas::rpc::Proxy proxy;
};

struct Award
{
    QString task;
    QString winner;
    double cost = 0;
};

/// The initiator: announces a task, collects the bids, awards the lowest.
class Manager : public mas::Agent
{
public:
    explicit Manager(mas::Container *container)
        : Agent(container)
    {
        router().expose(
            QStringLiteral("done"), this, &Manager::done,
            {QStringLiteral("task"), QStringLiteral("contractor"), QStringLiteral("result")});
    }

    /// A contractor reports a finished task.
    bool done(QString task, QString contractor, QString result)
    {
        out() << QCoreApplication::translate("main", "%1 hears from %2: %3")
                     .arg(toString(), contractor, result)
              << Qt::endl;
        m_done.append(task);
        return true;
    }

    /// Runs one round of the protocol with the contractors at `urls`.
    QCoro::Task<mas::Result<Award>>
    announce(QString task, QString description, QStringList urls, std::chrono::milliseconds timeout)
    {
        // Connect to everybody at once (they share one connection to the second container).
        std::vector<QCoro::Task<mas::Result<mas::rpc::Proxy>>> connecting;
        for (const QString &url : urls)
            connecting.push_back(connectTo(url, timeout));
        std::vector<Peer> peers;
        for (qsizetype i = 0; i < urls.size(); ++i) {
            mas::Result<mas::rpc::Proxy> proxy = co_await std::move(connecting[i]);
            if (!proxy)
                co_return proxy.error();
            Peer peer;
            peer.url = urls[i];
            peer.proxy = *proxy;
            peers.push_back(std::move(peer));
        }
        // Each agent's class name, as validate_aid reports it (aiomas names proxies by it).
        std::vector<QCoro::Task<mas::Result<QString>>> naming;
        for (const Peer &peer : peers)
            naming.push_back(peer.proxy.client()->call<QString>(
                QStringLiteral("validate_aid"), mas::AgentUrl::parse(peer.url)->aid()));
        for (std::size_t i = 0; i < peers.size(); ++i) {
            mas::Result<QString> type = co_await std::move(naming[i]);
            peers[i].name = QStringLiteral("%1('%2')")
                                .arg(type ? *type : QStringLiteral("Agent"), peers[i].url);
        }

        // Call for proposals, concurrently.
        out() << QCoreApplication::translate("main",
                                             "%1 announces task %2 (%3) to %n contractor(s)",
                                             nullptr, int(peers.size()))
                     .arg(toString(), task, description)
              << Qt::endl;
        std::vector<QCoro::Task<mas::Result<mas::Value>>> proposals;
        for (const Peer &peer : peers)
            proposals.push_back(peer.proxy[QStringLiteral("cfp")](task, description));
        std::optional<std::size_t> best;
        double bestCost = 0;
        int bids = 0;
        std::vector<bool> bidders(peers.size(), false);
        for (std::size_t i = 0; i < peers.size(); ++i) {
            mas::Result<mas::Value> proposal = co_await std::move(proposals[i]);
            if (!proposal) {
                out() << QCoreApplication::translate("main", "%1 got no proposal from %2: %3")
                             .arg(toString(), peers[i].name, proposal.error().toString())
                      << Qt::endl;
                continue;
            }
            if (proposal->isNull())
                continue; // refused
            mas::Result<double> cost = proposal->to<double>();
            if (!cost) {
                out() << QCoreApplication::translate("main",
                                                     "%1 ignores the malformed bid of %2: %3")
                             .arg(toString(), peers[i].name, cost.error().toString())
                      << Qt::endl;
                continue;
            }
            ++bids;
            bidders[i] = true;
            if (!best || *cost < bestCost) { // ties go to the first bidder
                best = i;
                bestCost = *cost;
            }
        }
        out() << QCoreApplication::translate("main", "%1 received %n bid(s) for %2", nullptr, bids)
                     .arg(toString(), task)
              << Qt::endl;
        if (!best)
            co_return mas::Error(
                mas::ErrorCode::AiomasError,
                QCoreApplication::translate("main", "nobody bid for task %1").arg(task));

        // Award the best, reject the other bidders, concurrently. The winner calls our done()
        // before it answers; `this` travels as a proxy.
        QCoro::Task<mas::Result<mas::Value>> awarded =
            peers[*best].proxy[QStringLiteral("award")](task, this);
        std::vector<QCoro::Task<mas::Result<mas::Value>>> rejected;
        for (std::size_t i = 0; i < peers.size(); ++i) {
            if (i != *best && bidders[i])
                rejected.push_back(peers[i].proxy[QStringLiteral("reject")](task));
        }
        for (auto &reply : rejected)
            co_await std::move(reply); // a lost rejection changes nothing
        mas::Result<mas::Value> result = co_await std::move(awarded);
        if (!result)
            co_return result.error();
        if (!m_done.contains(task))
            co_return mas::Error(
                mas::ErrorCode::AiomasError,
                QCoreApplication::translate("main", "%1 never reported task %2 done")
                    .arg(peers[*best].name, task));
        Award award;
        award.task = task;
        award.winner = peers[*best].name;
        award.cost = bestCost;
        co_return award;
    }

private:
    QStringList m_done;
};

struct Settings
{
    int contractors = 4;
    quint32 seed = 42;
    QString task;
    std::chrono::milliseconds timeout{10'000};
};

QCoro::Task<int> runContractNet(Settings settings)
{
    mas::ContainerOptions options;
    options.channel.attemptTimeout = settings.timeout;
    options.channel.requestTimeout = settings.timeout;
    const mas::Address localhost = mas::Address::tcp(QStringLiteral("127.0.0.1"), 0);
    mas::Result<mas::Container *> managers =
        co_await mas::Container::create(localhost, options, qApp);
    if (!managers) {
        err() << QCoreApplication::translate("main", "Cannot start a container: %1")
                     .arg(managers.error().toString())
              << Qt::endl;
        co_return 1;
    }
    mas::Result<mas::Container *> contractors =
        co_await mas::Container::create(localhost, options, qApp);
    if (!contractors) {
        err() << QCoreApplication::translate("main", "Cannot start a container: %1")
                     .arg(contractors.error().toString())
              << Qt::endl;
        co_return 1;
    }

    // Every contractor gets its own generator, seeded from --seed in order.
    QRandomGenerator seeds(settings.seed);
    QStringList urls;
    for (int i = 0; i < settings.contractors; ++i)
        urls.append((new Contractor(*contractors, seeds.generate()))->address());
    auto *manager = new Manager(*managers);

    mas::Result<Award> award = co_await manager->announce(
        settings.task, QCoreApplication::translate("main", "deliver 3 parcels"), urls,
        settings.timeout);
    co_await (*managers)->shutdown();
    co_await (*contractors)->shutdown();
    if (!award) {
        err() << QCoreApplication::translate("main", "Task %1 was not awarded: %2")
                     .arg(settings.task, award.error().message())
              << Qt::endl;
        co_return 1;
    }
    out() << QCoreApplication::translate("main", "awarded task %1 to %2 for cost %3")
                 .arg(award->task, award->winner, costText(award->cost))
          << Qt::endl;
    co_return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "The Contract Net protocol: a manager announces a task, contractors in a second "
                "container bid, the lowest bid wins."));
    parser.addHelpOption();
    const QCommandLineOption contractorsOption(
        QStringLiteral("contractors"),
        QCoreApplication::translate("main", "How many contractors bid (default 4)."),
        QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"),
        QCoreApplication::translate("main", "Seed of the contractors' bids (default 42)."),
        QStringLiteral("seed"), QStringLiteral("42"));
    const QCommandLineOption taskOption(
        QStringLiteral("task"),
        QCoreApplication::translate("main", "The task's name (default T1)."),
        QStringLiteral("name"), QStringLiteral("T1"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        QCoreApplication::translate("main",
                                    "Seconds to wait for a connection or a reply (default 10)."),
        QStringLiteral("seconds"), QStringLiteral("10"));
    parser.addOption(contractorsOption);
    parser.addOption(seedOption);
    parser.addOption(taskOption);
    parser.addOption(timeoutOption);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        parser.showHelp(2);

    Settings settings;
    bool ok = false;
    settings.contractors = parser.value(contractorsOption).toInt(&ok);
    if (!ok || settings.contractors < 1 || settings.contractors > 1000) {
        err() << QCoreApplication::translate("main", "--contractors needs a number from 1 to 1000")
              << Qt::endl;
        return 2;
    }
    settings.seed = parser.value(seedOption).toUInt(&ok);
    if (!ok) {
        err() << QCoreApplication::translate("main", "--seed needs a non-negative integer")
              << Qt::endl;
        return 2;
    }
    settings.task = parser.value(taskOption);
    const double seconds = parser.value(timeoutOption).toDouble(&ok);
    if (!ok || seconds <= 0) {
        err() << QCoreApplication::translate("main", "--timeout needs a positive number of seconds")
              << Qt::endl;
        return 2;
    }
    settings.timeout = std::chrono::milliseconds(qRound64(seconds * 1000));

    return mas::run(runContractNet(settings));
}
