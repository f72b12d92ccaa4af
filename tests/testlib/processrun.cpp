// SPDX-License-Identifier: MIT
#include "processrun.h"

#include <QProcess>

namespace mas::test {

Outcome runToEnd(const QString &program, const QStringList &args, int timeoutMs,
                 const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return {-1, QString(), QStringLiteral("timed out: %1 %2").arg(program, args.join(u' '))};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace mas::test
