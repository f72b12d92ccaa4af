// SPDX-License-Identifier: MIT
#include "loadprogress.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

#include <algorithm>

namespace mas::ui {

LoadProgress::LoadProgress(InspectorSession *session, QStatusBar *statusBar, QObject *parent)
    : StatusProgress(statusBar, QStringLiteral("load"), tr("Cancel"), parent)
{
    m_bar->setRange(0, 100);
    m_bar->setMaximumWidth(200);
    m_bar->setAccessibleName(tr("Opening progress"));
    m_cancel->setToolTip(tr("Stop opening the file: the window stays as it was"));
    connect(m_cancel, &QPushButton::clicked, session, &InspectorSession::cancelLoad);
    connect(session, &InspectorSession::loadProgress, this, &LoadProgress::show);
    connect(session, &InspectorSession::loadFinished, this, [this] { setShown(false); });
}

void LoadProgress::show(InspectorSession::LoadStage stage, qint64 done, qint64 total)
{
    const int percent = total > 0 ? int(std::clamp<qint64>(done * 100 / total, 0, 100)) : 100;
    const bool reading = stage == InspectorSession::LoadStage::Reading;
    m_label->setText(reading ? tr("Reading the file") : tr("Adding its events"));
    m_bar->setValue(percent);
    setShown(true); // Cancel too, in both stages: until its events are all added the window is unchanged
}

} // namespace mas::ui
