// SPDX-License-Identifier: MIT
// An installed `mas host` loads the agent plug-ins installed beside it (MAS_BIN_TO_PLUGINS from
// the executable, as installer/install.cmake lays them out) without --plugin-path; plug-ins
// given with --plugin-path come first. The test copies `mas` and the greeter plug-in into such a
// tree in a temporary directory; installer/test-deb.sh checks the same on the real package.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

#include "processrun.h"

namespace {

using mas::test::Outcome;

/// Runs `program ARGS...` to its end (at most 30 s), in the C locale (English messages).
Outcome run(const QString &program, const QStringList &args)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    return mas::test::runToEnd(program, args, 30'000, environment);
}

bool copyExecutable(const QString &from, const QString &to)
{
    return QFile::copy(from, to)
           && QFile::setPermissions(to, QFile::permissions(from) | QFileDevice::ExeOwner);
}

} // namespace

class TestMasInstalled : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tree.isValid());
        const QDir root(m_tree.path());
        QVERIFY(root.mkpath(QStringLiteral("bin")));
        m_mas = root.filePath(QStringLiteral("bin/mas"));
        m_plugins = QDir::cleanPath(root.filePath(QStringLiteral("bin/") + QStringLiteral(MAS_BIN_TO_PLUGINS)));
        QVERIFY(QDir().mkpath(m_plugins));
        QVERIFY(copyExecutable(QStringLiteral(MAS_CLI), m_mas));
        const QString greeter = QStringLiteral(MAS_GREETER_PLUGIN);
        QVERIFY(QFile::copy(greeter, QDir(m_plugins).filePath(QFileInfo(greeter).fileName())));
    }

    void loadsTheInstalledPluginsByDefault()
    {
        const Outcome o = run(m_mas, {QStringLiteral("host"), QStringLiteral("--list-agent-types")});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QVERIFY2(o.out.contains(QStringLiteral("greeter.agents:Greeter\t(greeting='Hello')\t")), qPrintable(o.out));
        QVERIFY2(o.out.contains(QStringLiteral("greeter.agents:Counter\t(start=0)\t")), qPrintable(o.out));
        QVERIFY2(o.err.contains(QStringLiteral("loaded 2 agent types from %1: ").arg(m_plugins)), qPrintable(o.err));
    }

    void givenDirectoriesComeFirst()
    {
        // The build tree's copy of the same plug-in offers the same types: it is loaded first,
        // and the installed copy is reported as a duplicate, without failing the host.
        const Outcome o = run(m_mas, {QStringLiteral("host"), QStringLiteral("--list-agent-types"),
                                      QStringLiteral("--plugin-path"), QStringLiteral(MAS_PLUGIN_DIR)});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        // (The build tree's plug-in directory may hold other plug-ins too: count any number.)
        const QRegularExpression givenLine(QStringLiteral("loaded \\d+ agent types from %1: [^\\n]*greeter\\.agents:Greeter")
                                               .arg(QRegularExpression::escape(QStringLiteral(MAS_PLUGIN_DIR))));
        const QString given = givenLine.match(o.err).captured(0);
        const QString installed = QStringLiteral("loaded 0 agent types from %1: ").arg(m_plugins);
        QVERIFY2(!given.isEmpty(), qPrintable(o.err));
        QVERIFY2(o.err.contains(installed), qPrintable(o.err));
        QVERIFY2(o.err.indexOf(given) < o.err.indexOf(installed), qPrintable(o.err));
        QVERIFY2(o.err.contains(QStringLiteral("agent type \"greeter.agents:Greeter\" is registered already by plug-in")),
                 qPrintable(o.err));
        QVERIFY2(o.out.contains(QStringLiteral("greeter.agents:Greeter\t")), qPrintable(o.out));
    }

    void aBuildTreeLoadsNothingByDefault()
    {
        // The build tree has no installed plug-in directory beside `mas`.
        const Outcome o = run(QStringLiteral(MAS_CLI), {QStringLiteral("host"), QStringLiteral("--list-agent-types")});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.out, QString());
        QVERIFY2(o.err.contains(QStringLiteral("No agent types are known; load plug-ins with --plugin-path DIR")),
                 qPrintable(o.err));
    }

private:
    QTemporaryDir m_tree;
    QString m_mas;
    QString m_plugins;
};

QTEST_GUILESS_MAIN(TestMasInstalled)
#include "tst_masinstalled.moc"
