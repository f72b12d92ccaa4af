// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace mas {

/// Limits a codec enforces while decoding untrusted bytes (and, for depth, while encoding).
/// They are checked before memory is allocated for the offending part.
struct CodecLimits
{
    /// Deepest nesting of lists and maps (Python's own recursion limit is about 1000).
    int maxDepth = 1000;
    /// Most scalar and container elements one decoded payload may hold.
    qsizetype maxElements = 4 * 1024 * 1024;
    /// Largest decompressed size a compressing codec (MsgPackBlosc) will produce.
    qsizetype maxDecompressedSize = 256 * 1024 * 1024;
    /// Largest ratio of decompressed to compressed size (MsgPackBlosc), checked on the frame's
    /// header before decompressing; 0: no ratio limit (the default, as aiomas). Blosc reaches
    /// ratios of about 250 on runs of zeros; a server open to strangers may set e.g. 32.
    qsizetype maxDecompressionRatio = 0;
};

} // namespace mas
