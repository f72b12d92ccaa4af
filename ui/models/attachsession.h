// SPDX-License-Identifier: MIT
#pragma once

// AttachSession moved to libmas: <mas/observe/attachsession.h>, class mas::AttachSession (the command line can use it too).
#include <mas/observe/attachsession.h>

namespace mas::ui {
using AttachSession [[deprecated("use mas::AttachSession from <mas/observe/attachsession.h>")]] = mas::AttachSession;
} // namespace mas::ui
