// SPDX-License-Identifier: MIT
#include "loadprogress.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

namespace mas::ui {

LoadProgress::LoadProgress(InspectorSession *session, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_label(new QLabel(statusBar))
    , m_bar(new QProgressBar(statusBar))
    , m_cancel(new QPushButton(tr("Cancel"), statusBar))
{
    m_label->setObjectName(QStringLiteral("loadProgressLabel"));
    m_bar->setObjectName(QStringLiteral("loadProgressBar"));
    m_bar->setRange(0, 100);
    m_bar->setMaximumWidth(200);
    m_bar->setAccessibleName(tr("Opening progress"));
    m_cancel->setObjectName(QStringLiteral("loadCancelButton"));
    m_cancel->setToolTip(tr("Stop opening the file: the window stays as it was"));
    statusBar->addPermanentWidget(m_label);
    statusBar->addPermanentWidget(m_bar);
    statusBar->addPermanentWidget(m_cancel);
    hide();
    connect(m_cancel, &QPushButton::clicked, session, &InspectorSession::cancelLoad);
    connect(session, &InspectorSession::loadProgress, this, &LoadProgress::show);
    connect(session, &InspectorSession::loadFinished, this, &LoadProgress::hide);
}

void LoadProgress::show(InspectorSession::LoadStage stage, qint64 done, qint64 total)
{
    const int percent = total > 0 ? int(std::clamp<qint64>(done * 100 / total, 0, 100)) : 100;
    const bool reading = stage == InspectorSession::LoadStage::Reading;
    m_label->setText(reading ? tr("Reading the file") : tr("Adding its events"));
    m_bar->setValue(percent);
    // Until its events are all added the window shows what it showed: Cancel leaves it so.
    m_cancel->setEnabled(true);
    m_label->setVisible(true);
    m_bar->setVisible(true);
    m_cancel->setVisible(true);
}

void LoadProgress::hide()
{
    m_label->setVisible(false);
    m_bar->setVisible(false);
    m_cancel->setVisible(false);
}

} // namespace mas::ui
