// SPDX-License-Identifier: MIT
#include <mas/transport/address.h>

#include <QTest>

using namespace mas;

class tst_Address : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
};

void tst_Address::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Address>("expected");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("ipv4") << "tcp://127.0.0.1:5555" << Address::tcp(QStringLiteral("127.0.0.1"), 5555)
                          << "tcp://127.0.0.1:5555";
    QTest::newRow("host name") << "tcp://localhost:80" << Address::tcp(QStringLiteral("localhost"), 80)
                               << "tcp://localhost:80";
    QTest::newRow("container base address") << "tcp://127.0.0.1:5555/"
                                            << Address::tcp(QStringLiteral("127.0.0.1"), 5555)
                                            << "tcp://127.0.0.1:5555";
    QTest::newRow("ipv6 in brackets") << "tcp://[::1]:5555" << Address::tcp(QStringLiteral("::1"), 5555)
                                      << "tcp://[::1]:5555";
    QTest::newRow("port 0") << "tcp://127.0.0.1:0" << Address::tcp(QStringLiteral("127.0.0.1"), 0)
                            << "tcp://127.0.0.1:0";
    QTest::newRow("absolute unix socket") << "ipc:///tmp/mas.sock" << Address::ipc(QStringLiteral("/tmp/mas.sock"))
                                          << "ipc:///tmp/mas.sock";
    QTest::newRow("relative unix socket") << "ipc://mas.sock" << Address::ipc(QStringLiteral("mas.sock"))
                                          << "ipc://mas.sock";
    // A host holding "%1" once took the port's place in toString() (found by fuzz_agent_url).
    QTest::newRow("percent sign in host") << "tcp://h%1:5" << Address::tcp(QStringLiteral("h%1"), 5)
                                          << "tcp://h%1:5";
}

void tst_Address::parse()
{
    QFETCH(QString, text);
    QFETCH(Address, expected);
    QFETCH(QString, canonical);
    Result<Address> a = Address::parse(text);
    QVERIFY2(a, qPrintable(a.error().message()));
    QCOMPARE(*a, expected);
    QCOMPARE(a->toString(), canonical);
    QCOMPARE(Address::parse(a->toString()).value(), expected); // round trip
}

void tst_Address::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no scheme") << "127.0.0.1:5555" << "expected tcp://";
    QTest::newRow("unknown scheme") << "udp://127.0.0.1:5555" << "expected tcp://";
    QTest::newRow("no port") << "tcp://127.0.0.1" << "port is missing";
    QTest::newRow("port not a number") << "tcp://127.0.0.1:http" << "not a port number";
    QTest::newRow("port too large") << "tcp://127.0.0.1:65536" << "not a port number";
    QTest::newRow("no host") << "tcp://:5555" << "host is missing";
    QTest::newRow("bare ipv6") << "tcp://::1:5555" << "brackets";
    QTest::newRow("unclosed bracket") << "tcp://[::1:5555" << "[host]:port";
    QTest::newRow("bracket inside brackets") << "tcp://[[x]:5" << "[host]:port"; // would print as tcp://[x:5
    QTest::newRow("empty ipc path") << "ipc://" << "path is missing";
    QTest::newRow("empty") << "" << "expected tcp://";
}

void tst_Address::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    Result<Address> a = Address::parse(text);
    QVERIFY(!a);
    QCOMPARE(a.error().code(), ErrorCode::InvalidAddress);
    QVERIFY2(a.error().message().contains(reason), qPrintable(a.error().message()));
    QVERIFY(a.error().message().contains(u'"' + text + u'"'));
}

QTEST_GUILESS_MAIN(tst_Address)
#include "tst_address.moc"
