// SPDX-License-Identifier: MIT
#pragma once

#include "session/inspectorsession.h"

#include "statusprogress.h"

class QStatusBar;

namespace mas::ui {

/// A replay in the status bar (opening a session, Step Back, opening a counterexample after
/// Explore or Analyse, Reload Plug-ins): how far it is (InspectorSession::replayProgress()) and
/// a Cancel button that stops it (InspectorSession::cancelReplay(): the system stays as far as
/// it was replayed). Installs its widgets on the status bar and hides them when nothing replays.
class ReplayProgress : public StatusProgress
{
    Q_OBJECT

public:
    ReplayProgress(InspectorSession *session, QStatusBar *statusBar, QObject *parent = nullptr);

private:
    void show(qsizetype done, qsizetype total);
};

} // namespace mas::ui
