// SPDX-License-Identifier: MIT
#include "contractnet.h"
#include "demosystem.h"
#include "echo.h"
#include "leaderelection.h"
#include "pingpong.h"
#include "twophasecommit.h"

namespace mas::demos {

namespace {

const QList<DemoInfo> &all()
{
    // Built on first use, after QCoreApplication exists, so that the texts get translated.
    static const QList<DemoInfo> all = [] {
        QList<DemoInfo> list;
        list.append(LeaderElection::info());
        list.append(Echo::info());
        list.append(PingPong::info());
        list.append(ContractNet::info());
        list.append(TwoPhaseCommit::info());
        return list;
    }();
    return all;
}

} // namespace

QList<DemoInfo> demos()
{
    return all();
}

Result<void> registerDemos(mas::system::SystemRegistry &registry)
{
    QList<DemoInfo> missing;
    for (const DemoInfo &info : all()) {
        if (!registry.find(info.id))
            missing.append(info);
    }
    return registry.add(missing);
}

const DemoInfo *findDemo(QStringView id)
{
    for (const DemoInfo &info : all()) {
        if (info.id == id)
            return &info;
    }
    return nullptr;
}

} // namespace mas::demos
