// SPDX-License-Identifier: MIT
#include "testdata.h"

#include <QDir>
#include <QFile>

namespace mas::test {

QString sharedDir()
{
    const QByteArray env = qgetenv("MAS_SHARED_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QDir::cleanPath(QStringLiteral(MAS_DEFAULT_SHARED_DIR));
}

QByteArray readInteropFile(const QString &name)
{
    QFile file(sharedDir() + QStringLiteral("/interop/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

QByteArray fromHex(QStringView hex)
{
    Q_ASSERT(hex.size() % 2 == 0);
    return QByteArray::fromHex(hex.toLatin1());
}

} // namespace mas::test
