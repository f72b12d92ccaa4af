// SPDX-License-Identifier: MIT
#pragma once

// MosaikSession moved to libmas: <mas/observe/mosaiksession.h>, class mas::MosaikSession (the command line can use it too).
#include <mas/observe/mosaiksession.h>

namespace mas::ui {
using MosaikSession [[deprecated("use mas::MosaikSession from <mas/observe/mosaiksession.h>")]] = mas::MosaikSession;
} // namespace mas::ui
