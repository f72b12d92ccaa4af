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
    : StatusProgress(statusBar, QStringLiteral("replay"), tr("Cancel"), parent)
{
    m_label->setText(tr("Replaying"));
    m_bar->setMaximumWidth(160);
    m_bar->setAccessibleName(tr("Replay progress"));
    m_cancel->setToolTip(tr("Stop the replay: the system stays as far as it was replayed, and stepping goes on "
                            "from there"));
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

} // namespace mas::ui
