// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/value.h>

#include <QByteArray>
#include <QString>

namespace mas::test {

/// The shared material directory (../shared beside the project, or $MAS_SHARED_DIR).
QString sharedDir();
/// A file under sharedDir()/interop; empty QByteArray if it cannot be read.
QByteArray readInteropFile(const QString &name);
/// Lower-case hex to bytes; asserts on odd length.
QByteArray fromHex(QStringView hex);

} // namespace mas::test
