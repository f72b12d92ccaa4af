// SPDX-License-Identifier: MIT
#pragma once

// What the built-in codecs' readers and writers share about failing: their functions return
// bool, and the first failure is kept here and made a Result once, at the top, instead of a
// Result<void> made, returned and tested at every value.

#include <mas/core/error.h>

#include <utility>

namespace mas::detail {

class CodecFailure
{
protected:
    /// Keeps `e` as the reason reading or writing failed; false.
    bool fail(Error e)
    {
        m_error = std::move(e);
        return false;
    }
    /// A value nests deeper than `maxDepth` levels; false.
    bool valueTooDeep(int maxDepth)
    {
        return fail(Error(ErrorCode::NestingTooDeep, mas::tr("The value nests deeper than %1 levels").arg(maxDepth)));
    }

public:
    /// Why it failed (after a function returned false).
    Error takeError() { return std::move(m_error); }

private:
    Error m_error;
};

} // namespace mas::detail
