// SPDX-License-Identifier: MIT
#pragma once

// MosaikSession moved to libmas: <mas/mosaik/mosaiksession.h>, class mas::MosaikSession (the command line can use it too).
#include <mas/mosaik/mosaiksession.h>

namespace mas::ui {
using MosaikSession [[deprecated("use mas::MosaikSession from <mas/mosaik/mosaiksession.h>")]] = mas::MosaikSession;
} // namespace mas::ui
