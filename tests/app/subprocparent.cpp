// SPDX-License-Identifier: MIT
// Test helper of tst_subproc: a parent process that starts sub-process containers, prints
// "pids: P1 P2 ..." and then waits until it is killed (the test kills it with SIGKILL and
// checks that the children exit).
//
//   tst_subproc_parent MAS COUNT containers   children through mas::SubprocessContainers
//                                             (stdin pipe + PR_SET_PDEATHSIG)
//   tst_subproc_parent MAS COUNT no-stdin     plain QProcess children with stdin on /dev/null
//                                             (PR_SET_PDEATHSIG alone)

#include <mas/agent/container.h>
#include <mas/agent/subprocess.h>

#include <QCoreApplication>
#include <QProcess>
#include <QTextStream>

namespace {

void printPids(const QList<qint64> &pids)
{
    QTextStream out(stdout);
    out << "pids:";
    for (qint64 pid : pids)
        out << ' ' << pid;
    out << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        QTextStream(stderr) << "usage: tst_subproc_parent MAS COUNT containers|no-stdin" << Qt::endl;
        return 2;
    }
    const QString mas = args[1];
    const int count = args[2].toInt();

    if (args[3] == u"containers") {
        mas::Container *container = mas::Container::createNow(mas::Address::tcp(QStringLiteral("127.0.0.1"), 0)).value();
        container->setParent(&app);
        mas::SubprocessOptions options;
        options.executable = mas;
        auto *children = new mas::SubprocessContainers(container, options, &app);
        QCoro::connect(children->start(count), &app, [children](const mas::Result<void> &up) {
            if (!up) {
                QTextStream(stderr) << up.error().toString() << Qt::endl;
                QCoreApplication::exit(1);
                return;
            }
            printPids(children->processIds());
        });
        return app.exec();
    }

    QList<qint64> pids;
    for (int i = 0; i < count; ++i) {
        auto *child = new QProcess(&app);
        child->setStandardInputFile(QProcess::nullDevice());
        child->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child->start(mas, {QStringLiteral("subproc"), QStringLiteral("tcp://127.0.0.1:0")});
        if (!child->waitForStarted(10'000) || !child->waitForReadyRead(10'000))
            return 1;
        pids << child->processId();
    }
    printPids(pids);
    return app.exec();
}
