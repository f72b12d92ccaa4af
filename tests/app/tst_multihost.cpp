// SPDX-License-Identifier: MIT
// Three machines in one: the test makes three network namespaces joined by veth pairs (a
// triangle, addresses only inside the namespaces), runs `mas host` with mutual TLS in each,
// lets agents spread over the three hosts complete a Contract Net round, then kills one host
// and checks that the others get a prompt, clear error. Needs root and `ip netns`; skipped
// otherwise.

#include "certificates.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "processrun.h"

#include <unistd.h>

#include <csignal>
#include <memory>

namespace {

constexpr int kHosts = 3;
const QString kPort = QStringLiteral("5555");

using mas::test::Outcome;

Outcome run(const QString &program, const QStringList &args, int timeoutMs = 30'000)
{
    return mas::test::runToEnd(program, args, timeoutMs);
}

/// The service address of host `i` (0-based), on its loopback interface.
QString hostIp(int i)
{
    return QStringLiteral("10.77.0.%1").arg(i + 1);
}

QString agentUrl(int host, int aid)
{
    return QStringLiteral("tcp://%1:%2/%3").arg(hostIp(host), kPort).arg(aid);
}

} // namespace

class tst_MultiHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void contractNetAcrossHosts();

private:
    /// `ip ARGS...`; an empty string when it worked, else its error output.
    QString ip(const QStringList &args);
    bool setUpNetwork();
    bool startHost(int i, const QByteArray &agents);
    /// `mas call` from inside namespace `from`, with the operator's certificate.
    Outcome call(int from, const QStringList &args, const QString &timeout = QStringLiteral("5"));
    /// Polls `method` of `url` from namespace `from` until it answers `expected` (at most 60 s).
    QString
    waitFor(int from, const QString &url, const QString &method, const QStringList &expected);

    QString m_namespaces[kHosts];
    std::unique_ptr<QProcess> m_hosts[kHosts];
    QString m_hostErr[kHosts];
    QTemporaryDir m_dir;
    bool m_netnsMade[kHosts] = {};
};

QString tst_MultiHost::ip(const QStringList &args)
{
    const Outcome o = run(QStringLiteral("ip"), args);
    return o.exitCode == 0 ? QString()
                           : QStringLiteral("ip %1: %2").arg(args.join(u' '), o.err.trimmed());
}

void tst_MultiHost::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Needs root: the test creates network namespaces and veth pairs with `ip netns`; run "
              "it as root to include it");
    if (QStandardPaths::findExecutable(QStringLiteral("ip")).isEmpty())
        QSKIP("`ip` (iproute2) is not installed: cannot create network namespaces");
    QVERIFY(m_dir.isValid());
    const QString suffix = QString::number(QCoreApplication::applicationPid());
    for (int i = 0; i < kHosts; ++i)
        m_namespaces[i] = QStringLiteral("mas-host%1-%2").arg(i + 1).arg(suffix);
    // Can namespaces be made here at all (a container may forbid it)?
    if (const QString failed =
            ip({QStringLiteral("netns"), QStringLiteral("add"), m_namespaces[0]});
        !failed.isEmpty())
        QSKIP(qPrintable(QStringLiteral("`ip netns` is unavailable here: %1").arg(failed)));
    m_netnsMade[0] = true;
    if (const QString failed = ip({QStringLiteral("netns"), QStringLiteral("exec"), m_namespaces[0],
                                   QStringLiteral("true")});
        !failed.isEmpty())
        QSKIP(qPrintable(QStringLiteral("`ip netns exec` is unavailable here: %1").arg(failed)));
    QVERIFY(setUpNetwork());

    // A small CA; each host's certificate names its address (clients check it), the operator's
    // is for the test's `mas call`s.
    for (int i = 0; i < kHosts; ++i)
        QVERIFY(!mas::test::generateCertificates(m_dir.path(), QStringLiteral("node%1").arg(i + 1),
                                                 QStringLiteral("ca"),
                                                 QStringLiteral("IP:") + hostIp(i))
                     .isEmpty());
    QVERIFY(!mas::test::generateCertificates(m_dir.path(), QStringLiteral("operator"),
                                             QStringLiteral("ca"), QStringLiteral("DNS:operator"))
                 .isEmpty());
}

bool tst_MultiHost::setUpNetwork()
{
    const auto check = [](const QString &failed) {
        if (!failed.isEmpty())
            qWarning().noquote() << failed;
        return failed.isEmpty();
    };
    for (int i = 0; i < kHosts; ++i) {
        if (!m_netnsMade[i]) {
            if (!check(ip({QStringLiteral("netns"), QStringLiteral("add"), m_namespaces[i]})))
                return false;
            m_netnsMade[i] = true;
        }
        // The host's own address lives on its loopback, reachable over either link.
        if (!check(ip({QStringLiteral("-n"), m_namespaces[i], QStringLiteral("link"),
                       QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")}))
            || !check(ip({QStringLiteral("-n"), m_namespaces[i], QStringLiteral("addr"),
                          QStringLiteral("add"), hostIp(i) + QStringLiteral("/32"),
                          QStringLiteral("dev"), QStringLiteral("lo")})))
            return false;
    }
    // The triangle: one veth pair per pair of hosts, a /30 each, and a route to the peer's address.
    for (int a = 0; a < kHosts; ++a) {
        for (int b = a + 1; b < kHosts; ++b) {
            const QString link = QStringLiteral("%1%2").arg(a + 1).arg(b + 1);
            const QString endA = QStringLiteral("mh") + link + u'a';
            const QString endB = QStringLiteral("mh") + link + u'b';
            const QString netA = QStringLiteral("10.77.%1.1").arg(link);
            const QString netB = QStringLiteral("10.77.%1.2").arg(link);
            if (!check(ip({QStringLiteral("link"), QStringLiteral("add"), endA,
                           QStringLiteral("netns"), m_namespaces[a], QStringLiteral("type"),
                           QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"),
                           endB, QStringLiteral("netns"), m_namespaces[b]})))
                return false;
            const struct
            {
                int host;
                QString end, address, peerAddress;
                int peer;
            } ends[2] = {{a, endA, netA, netB, b}, {b, endB, netB, netA, a}};
            for (const auto &end : ends) {
                const QString ns = m_namespaces[end.host];
                if (!check(
                        ip({QStringLiteral("-n"), ns, QStringLiteral("addr"), QStringLiteral("add"),
                            end.address + QStringLiteral("/30"), QStringLiteral("dev"), end.end}))
                    || !check(ip({QStringLiteral("-n"), ns, QStringLiteral("link"),
                                  QStringLiteral("set"), end.end, QStringLiteral("up")}))
                    || !check(ip({QStringLiteral("-n"), ns, QStringLiteral("route"),
                                  QStringLiteral("add"), hostIp(end.peer) + QStringLiteral("/32"),
                                  QStringLiteral("via"), end.peerAddress})))
                    return false;
            }
        }
    }
    return true;
}

void tst_MultiHost::cleanupTestCase()
{
    for (int i = 0; i < kHosts; ++i) {
        if (m_hosts[i] && m_hosts[i]->state() != QProcess::NotRunning) {
            m_hosts[i]->kill();
            m_hosts[i]->waitForFinished(5000);
        }
        if (m_netnsMade[i])
            ip({QStringLiteral("netns"), QStringLiteral("del"),
                m_namespaces[i]}); // its veth ends go with it
    }
}

bool tst_MultiHost::startHost(int i, const QByteArray &agents)
{
    const QString node = QStringLiteral("node%1").arg(i + 1);
    const QString config = m_dir.filePath(node + QStringLiteral(".json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QStringLiteral(R"({"listen": "tcp://%1:%2",
        "tls": {"ca": "ca.pem", "cert": "%3.pem", "key": "%3.key"},
        "plugin_path": "%4",
        "agents": )")
                   .arg(hostIp(i), kPort, node, QStringLiteral(MAS_DEMOS_PLUGIN_DIR))
                   .toUtf8()
               + agents + "}");
    file.close();

    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("mas.system.info=true"));
    process->setProcessEnvironment(env);
    // `ip netns exec` execs the command: the process is `mas host` itself, signals reach it.
    process->start(QStringLiteral("ip"),
                   {QStringLiteral("netns"), QStringLiteral("exec"), m_namespaces[i],
                    QStringLiteral(MAS_CLI), QStringLiteral("host"), QStringLiteral("--config"),
                    config});
    if (!process->waitForStarted(10'000))
        return false;
    // Ready when its first agent line is out (at most 60 s).
    const QDeadlineTimer deadline(60'000);
    while (!process->canReadLine() && process->state() == QProcess::Running
           && !deadline.hasExpired())
        process->waitForReadyRead(100);
    const bool ready = process->canReadLine();
    if (!ready)
        qWarning().noquote() << node << "did not start:" << process->readAllStandardError();
    m_hosts[i] = std::move(process);
    return ready;
}

Outcome tst_MultiHost::call(int from, const QStringList &args, const QString &timeout)
{
    return run(QStringLiteral("ip"),
               QStringList{QStringLiteral("netns"), QStringLiteral("exec"), m_namespaces[from],
                           QStringLiteral(MAS_CLI), QStringLiteral("call")}
                   + args
                   + QStringList{
                       QStringLiteral("--tls-ca"), m_dir.filePath(QStringLiteral("ca.pem")),
                       QStringLiteral("--tls-cert"), m_dir.filePath(QStringLiteral("operator.pem")),
                       QStringLiteral("--tls-key"), m_dir.filePath(QStringLiteral("operator.key")),
                       QStringLiteral("--timeout"), timeout});
}

QString tst_MultiHost::waitFor(int from,
                               const QString &url,
                               const QString &method,
                               const QStringList &expected)
{
    const QDeadlineTimer deadline(60'000);
    QString last;
    while (!deadline.hasExpired()) {
        const Outcome o = call(from, {url, method});
        last = o.exitCode == 0 ? o.out.trimmed() : o.err.trimmed();
        if (expected.contains(last))
            return last;
        QTest::qWait(100); // the interval between polls
    }
    return last;
}

void tst_MultiHost::contractNetAcrossHosts()
{
    // Contractors on all three hosts, two for each round on each (a contractor bids once); the
    // two managers (one per round) on host 1.
    const auto contractor = [](int seed) {
        return QByteArray(R"({"type": "mas.demos:ContractorAgent", "args": [)")
               + QByteArray::number(seed) + "]}";
    };
    const auto manager = [](const QStringList &contractors, const char *task) {
        return QByteArray(R"({"type": "mas.demos:ManagerAgent", "args": [[")")
               + contractors.join(QStringLiteral("\", \"")).toUtf8() + "\"], \"" + task + "\", 1]}";
    };
    const QStringList round1{agentUrl(0, 2), agentUrl(1, 0), agentUrl(1, 1), agentUrl(2, 0),
                             agentUrl(2, 1)};
    const QStringList round2{agentUrl(0, 3), agentUrl(1, 2), agentUrl(1, 3), agentUrl(2, 2),
                             agentUrl(2, 3)};
    for (int i : {1, 2}) {
        QVERIFY(startHost(i, '[' + contractor(10 * i + 1) + ", " + contractor(10 * i + 2) + ", "
                                 + contractor(10 * i + 3) + ", " + contractor(10 * i + 4) + ']'));
    }
    QVERIFY(startHost(0, '[' + manager(round1, "round1") + ", " + manager(round2, "round2") + ", "
                             + contractor(1) + ", " + contractor(2) + ']'));

    // Round 1 across the three hosts, started by an operator in host 2's namespace.
    Outcome o = call(1, {agentUrl(0, 0), QStringLiteral("start")});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(waitFor(1, agentUrl(0, 0), QStringLiteral("phase"),
                     {QStringLiteral("\"Done\""), QStringLiteral("\"NoBids\""),
                      QStringLiteral("\"Failed\"")}),
             QStringLiteral("\"Done\""));
    o = call(0, {agentUrl(0, 0), QStringLiteral("state")});
    QVERIFY2(o.out.contains(u"5/5 answers"), qPrintable(o.out));
    o = call(0, {agentUrl(0, 0), QStringLiteral("winner")});
    const QString winner = o.out.trimmed().remove(u'"');
    QVERIFY2(round1.contains(winner), qPrintable(o.out));
    qInfo().noquote() << "round 1 went to" << winner;

    // Host 3 dies (no clean shutdown). The kernel closes its connections: its peers learn it at
    // once, and whoever calls it next is refused, not timed out. (`mas call` retries refused
    // connections for its --timeout, here 1 s, then says so.)
    m_hosts[2]->kill();
    QVERIFY(m_hosts[2]->waitForFinished(10'000));
    o = call(0, {agentUrl(2, 0), QStringLiteral("state")}, QStringLiteral("1"));
    QCOMPARE(o.exitCode, 3);
    QVERIFY2(
        o.err.contains(QStringLiteral("Connection to tcp://%1:%2 refused").arg(hostIp(2), kPort)),
        qPrintable(o.err));

    // Round 2: the dead host's contractors count as refusals (the manager awards only when every
    // contractor has answered, and a refusal answers at once where a time-out would take the
    // request time-out); the round completes among the living, and host 1 logs why.
    o = call(1, {agentUrl(0, 1), QStringLiteral("start")});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    const QString phase2 = waitFor(
        1, agentUrl(0, 1), QStringLiteral("phase"),
        {QStringLiteral("\"Done\""), QStringLiteral("\"NoBids\""), QStringLiteral("\"Failed\"")});
    QVERIFY2(phase2 == u"\"Done\"",
             qPrintable(phase2 + u'\n' + QString::fromUtf8(m_hosts[0]->readAllStandardError())));
    o = call(0, {agentUrl(0, 1), QStringLiteral("winner")});
    const QString winner2 = o.out.trimmed().remove(u'"');
    QVERIFY2(round2.mid(0, 3).contains(winner2), qPrintable(o.out));
    qInfo().noquote() << "round 2 went to" << winner2;

    // The survivors stop cleanly.
    for (int i : {0, 1}) {
        m_hosts[i]->terminate();
        QVERIFY(m_hosts[i]->waitForFinished(10'000));
        m_hostErr[i] = QString::fromUtf8(m_hosts[i]->readAllStandardError());
        QCOMPARE(m_hosts[i]->exitCode(), 0);
    }
    for (const QString &dead : {agentUrl(2, 2), agentUrl(2, 3)}) {
        const QString lost = QStringLiteral("lost \"cfp\" to \"%1\"").arg(dead);
        QVERIFY2(m_hostErr[0].contains(lost), qPrintable(m_hostErr[0]));
        // Refused, not timed out.
        QVERIFY2(m_hostErr[0].section(lost, 1).section(u'\n', 0, 0).contains(u"refused"),
                 qPrintable(m_hostErr[0]));
    }
}

QTEST_GUILESS_MAIN(tst_MultiHost)
#include "tst_multihost.moc"
