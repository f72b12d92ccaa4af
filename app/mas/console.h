// SPDX-License-Identifier: MIT
#pragma once

#include <QTextStream>

// Standard output and error as the `mas` commands write them: one stream each for the whole
// process, so that lines from different parts never interleave mid-line.
namespace mas::cli {

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace mas::cli
