// SPDX-License-Identifier: MIT
#pragma once

#include "session/inspectorsession.h"

#include "statusprogress.h"

class QStatusBar;

namespace mas::ui {

/// Opening a file, in the status bar: what is being done with a percentage (the bytes read of
/// the file, then the events added) and a Cancel button while the file is opened (cancelling
/// leaves the window as it was). Installs its widgets on the status bar and hides
/// them when nothing is being opened.
class LoadProgress : public StatusProgress
{
    Q_OBJECT

public:
    LoadProgress(InspectorSession *session, QStatusBar *statusBar, QObject *parent = nullptr);

private:
    void show(InspectorSession::LoadStage stage, qint64 done, qint64 total);
};

} // namespace mas::ui
