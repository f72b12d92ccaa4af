// SPDX-License-Identifier: MIT
#include "contractnet.h"
#include "demosystem.h"
#include "echo.h"
#include "leaderelection.h"
#include "pingpong.h"
#include "twophasecommit.h"

#include <mas/system/systemagent.h>

#include <QPointer>

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

QList<mas::system::InvariantType> invariantTypes()
{
    mas::system::InvariantType oneLeader;
    oneLeader.id = QStringLiteral("mas.demos:at most one leader");
    oneLeader.name = LeaderElection::tr("at most one leader");
    oneLeader.description = LeaderElection::tr("No two nodes declare themselves leader.");
    oneLeader.make = [oneLeader](mas::system::System *system) {
        QPointer<mas::system::System> guarded(system);
        const auto leaders = [guarded] {
            QList<LeaderElectionAgent *> found;
            if (guarded) {
                for (mas::system::SystemAgent *agent : guarded->agents()) {
                    if (auto *node = qobject_cast<LeaderElectionAgent *>(agent); node && node->isLeader())
                        found << node;
                }
            }
            return found;
        };
        return Invariant{oneLeader.id, oneLeader.name, oneLeader.description,
                         [leaders] { return leaders().size() <= 1; }, {}, [leaders] {
                             // By the names the file gave (or "agent 2"), with the field each set.
                             InvariantExplanation why;
                             QStringList names;
                             for (LeaderElectionAgent *node : leaders()) {
                                 names << node->displayName();
                                 why.add(node->address(), QStringLiteral("is_leader"));
                             }
                             why.text = LeaderElection::tr("%1 all declared themselves leader")
                                            .arg(names.join(QStringLiteral(", ")));
                             return why;
                         }};
    };
    return {oneLeader};
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
