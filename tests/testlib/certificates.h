// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace mas::test {

/// Makes (once) a CA `caName` and a leaf certificate `name` signed by it, with EC P-256 keys and
/// the given subjectAltName (e.g. "IP:127.0.0.1,DNS:localhost"), in `dir` with the openssl tool.
/// Returns the leaf's path without extension (".pem" and ".key" exist), or empty on failure.
QString generateCertificates(const QString &dir, const QString &name, const QString &caName, const QString &san);

} // namespace mas::test
