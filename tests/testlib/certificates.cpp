// SPDX-License-Identifier: MIT
#include "certificates.h"

#include <QDebug>
#include <QFile>
#include <QProcess>

namespace mas::test {

QString generateCertificates(const QString &dir, const QString &name, const QString &caName, const QString &san)
{
    // A CA and a leaf certificate signed by it, with EC P-256 keys (as aiomas's tests use).
    const auto run = [&](const QStringList &args) -> bool {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(30'000) || p.exitCode() != 0) {
            qWarning() << "openssl" << args << p.readAllStandardError();
            return false;
        }
        return true;
    };
    const QString ca = caName;
    if (!QFile::exists(dir + u'/' + ca + QStringLiteral(".pem"))) {
        if (!run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                  QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                  QStringLiteral("-nodes"), QStringLiteral("-keyout"), ca + QStringLiteral(".key"),
                  QStringLiteral("-out"), ca + QStringLiteral(".pem"), QStringLiteral("-days"),
                  QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + ca}))
            return QString();
    }
    QFile ext(dir + u'/' + name + QStringLiteral(".ext"));
    if (!ext.open(QIODevice::WriteOnly))
        return QString();
    ext.write("subjectAltName=" + san.toLatin1() + "\n");
    ext.close();
    if (!run({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
              QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
              QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + QStringLiteral(".key"),
              QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
              QStringLiteral("/CN=") + name}))
        return QString();
    if (!run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
              name + QStringLiteral(".csr"), QStringLiteral("-CA"), ca + QStringLiteral(".pem"),
              QStringLiteral("-CAkey"), ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
              QStringLiteral("-out"), name + QStringLiteral(".pem"), QStringLiteral("-days"),
              QStringLiteral("2"), QStringLiteral("-extfile"), name + QStringLiteral(".ext")}))
        return QString();
    return dir + u'/' + name;
}

} // namespace mas::test
