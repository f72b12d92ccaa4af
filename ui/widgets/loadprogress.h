// SPDX-License-Identifier: MIT
#pragma once

#include "session/inspectorsession.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QPushButton;
class QStatusBar;

namespace mas::ui {

/// Opening a file, in the status bar: what is being done with a percentage (the bytes read of
/// the file, then the events added) and a Cancel button while the file is opened (cancelling
/// leaves the window as it was). Installs its widgets on the status bar and hides
/// them when nothing is being opened.
class LoadProgress : public QObject
{
    Q_OBJECT

public:
    LoadProgress(InspectorSession *session, QStatusBar *statusBar, QObject *parent = nullptr);

    QProgressBar *bar() const { return m_bar; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    void show(InspectorSession::LoadStage stage, qint64 done, qint64 total);
    void hide();

    InspectorSession *m_session;
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace mas::ui
