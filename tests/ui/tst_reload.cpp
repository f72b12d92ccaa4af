// SPDX-License-Identifier: MIT
// Fix, rebuild, replay: a system file's plug-in is swapped for a rebuilt one (the plug-in of
// `mas new plugin`, as written with its seeded bug and fixed), and File → Reload Plug-ins
// replays the recorded delivery order against the new code in the real window (offscreen),
// reporting the first event where the run differs, or that it replays identically.

#include "models/eventstore.h"
#include "widgets/inspectorwindow.h"

#include <mas/system/system.h>
#include <mas/transport/localqueue.h>

#include <QAction>
#include <QFile>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace mas;
using namespace mas::ui;

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

void settle()
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

/// Puts `plugin` where the system file loads its plug-ins from (as a rebuild would).
bool install(const QString &plugin, const QString &directory)
{
    const QString target = directory + QStringLiteral("/libreloadme.so");
    QFile::remove(target);
    return QFile::copy(plugin, target);
}

} // namespace

class tst_Reload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_reload"));
    }
    void reloadReplaysTheRecordedOrder();
    void reloadNeedsASystemFile();
};

void tst_Reload::reloadReplaysTheRecordedOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("build/plugins")));
    const QString plugins = dir.filePath(QStringLiteral("build/plugins"));
    QVERIFY(install(QStringLiteral(BUGGY_PLUGIN), plugins));
    QFile templ(QStringLiteral(SYSTEM_TEMPLATE));
    QVERIFY(templ.open(QIODevice::ReadOnly));
    QFile system(dir.filePath(QStringLiteral("system.json")));
    QVERIFY(system.open(QIODevice::WriteOnly));
    system.write(templ.readAll().replace("@NAME@", "reloadme"));
    system.close();

    InspectorWindow window;
    window.show();
    Result<void> opened = window.openSystem(system.fileName());
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    QCOMPARE(window.system()->agents().size(), 2);
    LocalNetwork *net = LocalNetwork::instance();
    QTRY_VERIFY_WITH_TIMEOUT(net->pendingCount() > 0, 5000);
    // The user steps the buggy code (oldest first) until both nodes are inside.
    for (int i = 0; i < 40 && window.system()->violatedInvariants().isEmpty(); ++i) {
        QVERIFY(window.stepOnce());
        settle();
    }
    QCOMPARE(window.system()->violatedInvariants(), QStringList{QStringLiteral("mutual exclusion")});
    const TrafficLog recorded = net->eventLog();

    // The rebuilt (fixed) plug-in replaces the old one; Reload replays the recorded order.
    QVERIFY(install(QStringLiteral(FIXED_PLUGIN), plugins));
    Result<std::optional<qsizetype>> reloaded = await(window.reloadPlugins());
    QVERIFY2(reloaded, qPrintable(reloaded.error().toString()));
    QVERIFY2(reloaded->has_value(), "the fixed code cannot follow the buggy run to its end");
    const qsizetype at = **reloaded;
    QVERIFY(at < recorded.size());
    // The new run is the recorded one up to that event, and not at it.
    const TrafficLog &now = net->eventLog();
    for (qsizetype i = 0; i < at; ++i)
        QVERIFY(recorded.events()[size_t(i)].sameAs(now.events()[size_t(i)]));
    QVERIFY(at >= now.size() || !recorded.events()[size_t(at)].sameAs(now.events()[size_t(at)]));
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("differs from the recorded one at event %1").arg(at)),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(window.system()->violatedInvariants().isEmpty()); // the fix holds where the bug broke
    QCOMPARE(window.systemFile(), system.fileName());

    // Reloading the same code again replays the recorded (fixed) run identically.
    const TrafficLog fixedRun = net->eventLog();
    reloaded = await(window.reloadPlugins());
    QVERIFY2(reloaded, qPrintable(reloaded.error().toString()));
    QVERIFY(!reloaded->has_value());
    QVERIFY(!TrafficLog::firstDifference(fixedRun, net->eventLog()));
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("replays identically")),
             qPrintable(window.statusBar()->currentMessage()));
}

void tst_Reload::reloadNeedsASystemFile()
{
    InspectorWindow window;
    Result<std::optional<qsizetype>> reloaded = await(window.reloadPlugins());
    QVERIFY(!reloaded);
    QVERIFY(reloaded.error().message().contains(QStringLiteral("opened from a file")));
}

QTEST_MAIN(tst_Reload)
#include "tst_reload.moc"
