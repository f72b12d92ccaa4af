// SPDX-License-Identifier: MIT
#include "statusprogress.h"

#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

namespace mas::ui {

StatusProgress::StatusProgress(QStatusBar *statusBar, const QString &name, const QString &cancelText,
                               QObject *parent)
    : QObject(parent)
    , m_label(new QLabel(statusBar))
    , m_bar(new QProgressBar(statusBar))
    , m_cancel(new QPushButton(cancelText, statusBar))
{
    m_label->setObjectName(name + QStringLiteral("ProgressLabel"));
    m_bar->setObjectName(name + QStringLiteral("ProgressBar"));
    m_cancel->setObjectName(name + QStringLiteral("CancelButton"));
    statusBar->addPermanentWidget(m_label);
    statusBar->addPermanentWidget(m_bar);
    statusBar->addPermanentWidget(m_cancel);
    setShown(false);
}

void StatusProgress::setShown(bool shown)
{
    if (shown && !m_cancel->isVisible()) {
        m_focusBefore = QApplication::focusWidget();
    } else if (!shown && m_cancel->hasFocus()) {
        // Cancel pressed (or focused) as it goes: the keyboard goes back where it was, not to
        // whatever widget comes next in the tab order.
        if (m_focusBefore && m_focusBefore->isVisible() && m_focusBefore->isEnabled())
            m_focusBefore->setFocus(Qt::OtherFocusReason);
        else
            m_cancel->clearFocus();
    }
    m_label->setVisible(shown);
    m_bar->setVisible(shown);
    m_cancel->setVisible(shown);
}

} // namespace mas::ui
