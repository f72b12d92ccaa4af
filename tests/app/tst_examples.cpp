// SPDX-License-Identifier: MIT
// The seed README's examples, run as the user runs them: a server process, a client process,
// then SIGTERM for the server, over a Unix socket in a temporary directory and over TCP.

#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

class tst_Examples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverAndClient_data();
    void serverAndClient();
};

void tst_Examples::serverAndClient_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QStringList>("serverArgs");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QStringList>("clientArgs");
    QTest::addColumn<QString>("clientOutput");
    QTest::addColumn<QString>("serverOutput");
    QTest::addColumn<QString>("codec");
    for (const char *codec : {"json", "msgpack", "msgpack-blosc"}) {
        QTest::addRow("channel echo, %s", codec)
            << QStringLiteral(MAS_CHANNEL_ECHO) << QStringList{QStringLiteral("server")} << QStringLiteral(MAS_CHANNEL_ECHO)
            << QStringList{QStringLiteral("client")} << QStringLiteral("cya\n") << QStringLiteral("ohai\n")
            << QString::fromLatin1(codec);
        QTest::addRow("math, %s", codec) << QStringLiteral(MAS_MATH_SERVER) << QStringList() << QStringLiteral(MAS_MATH_CLIENT)
                                         << QStringList() << QStringLiteral("7\n") << QString() << QString::fromLatin1(codec);
    }
}

void tst_Examples::serverAndClient()
{
    QFETCH(QString, server);
    QFETCH(QStringList, serverArgs);
    QFETCH(QString, client);
    QFETCH(QStringList, clientArgs);
    QFETCH(QString, clientOutput);
    QFETCH(QString, serverOutput);
    QFETCH(QString, codec);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &address : {QStringLiteral("ipc://") + dir.filePath(QStringLiteral("example.sock")), QString()}) {
        QString where = address;
        if (where.isEmpty()) { // a free TCP port on 127.0.0.1
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            where = QStringLiteral("tcp://127.0.0.1:%1").arg(probe.serverPort());
        }
        QProcess serverProcess;
        serverProcess.start(server, serverArgs + QStringList{where, QStringLiteral("--codec"), codec});
        QVERIFY(serverProcess.waitForStarted(10'000));
        QVERIFY(serverProcess.waitForReadyRead(10'000)); // "listening on ..."
        QVERIFY(serverProcess.readLine().startsWith("listening on "));

        QProcess clientProcess;
        clientProcess.start(client, clientArgs + QStringList{where, QStringLiteral("--codec"), codec});
        QVERIFY(clientProcess.waitForFinished(20'000));
        QCOMPARE(clientProcess.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(clientProcess.readAllStandardOutput()), clientOutput);

        // The server stops cleanly on SIGTERM.
#ifdef Q_OS_UNIX
        ::kill(pid_t(serverProcess.processId()), SIGTERM);
#else
        serverProcess.terminate();
#endif
        QVERIFY(serverProcess.waitForFinished(10'000));
        QCOMPARE(serverProcess.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serverProcess.exitCode(), 0);
        if (!serverOutput.isEmpty())
            QCOMPARE(QString::fromUtf8(serverProcess.readAllStandardOutput()), serverOutput);
    }
}

QTEST_GUILESS_MAIN(tst_Examples)
#include "tst_examples.moc"
