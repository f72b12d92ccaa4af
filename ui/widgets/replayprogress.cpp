// SPDX-License-Identifier: MIT
#include "replayprogress.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

#include <algorithm>
#include <limits>

namespace mas::ui {

ReplayProgress::ReplayProgress(InspectorSession *session, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_label(new QLabel(tr("Replaying"), statusBar))
    , m_bar(new QProgressBar(statusBar))
    , m_cancel(new QPushButton(tr("Cancel"), statusBar))
{
    m_label->setObjectName(QStringLiteral("replayProgressLabel"));
    m_bar->setObjectName(QStringLiteral("replayProgressBar"));
    m_bar->setMaximumWidth(160);
    m_bar->setAccessibleName(tr("Replay progress"));
    m_cancel->setObjectName(QStringLiteral("replayCancelButton"));
    m_cancel->setToolTip(tr("Stop the replay: the system stays as far as it was replayed, and stepping goes on "
                            "from there"));
    statusBar->addPermanentWidget(m_label);
    statusBar->addPermanentWidget(m_bar);
    statusBar->addPermanentWidget(m_cancel);
    setShown(false);
    connect(m_cancel, &QPushButton::clicked, session, &InspectorSession::cancelReplay);
    connect(session, &InspectorSession::replayProgress, this, &ReplayProgress::show);
}

void ReplayProgress::show(qsizetype done, qsizetype total)
{
    if (total < 0) {
        setShown(false);
        return;
    }
    m_bar->setRange(0, int(std::clamp<qsizetype>(total, 1, std::numeric_limits<int>::max())));
    m_bar->setValue(int(std::clamp<qsizetype>(done, 0, m_bar->maximum())));
    m_bar->setToolTip(tr("Event %1 of %2").arg(done).arg(total));
    setShown(true);
}

void ReplayProgress::setShown(bool shown)
{
    m_label->setVisible(shown);
    m_bar->setVisible(shown);
    m_cancel->setVisible(shown);
}

} // namespace mas::ui
