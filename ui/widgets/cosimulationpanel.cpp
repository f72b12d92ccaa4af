// SPDX-License-Identifier: MIT
#include "cosimulationpanel.h"

#include <mas/observe/mosaiksession.h>

#include <mas/clock/clock.h>

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mas::ui {

CoSimulationPanel::CoSimulationPanel(QWidget *parent)
    : QWidget(parent)
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("timeLabel"));

    m_holdAtCheck = new QCheckBox(tr("Hold at step"), this);
    m_holdAtCheck->setObjectName(QStringLiteral("holdAtCheck"));
    m_holdAtCheck->setToolTip(tr("Pause the co-simulation before the first step at this time or later: "
                                 "the simulator does not answer mosaik until you continue"));
    m_holdAtSpin = new QSpinBox(this);
    m_holdAtSpin->setObjectName(QStringLiteral("holdAtSpin"));
    m_holdAtSpin->setRange(0, std::numeric_limits<int>::max());
    m_holdAtSpin->setAccessibleName(tr("Step time to hold at"));
    m_holdEveryCheck = new QCheckBox(tr("Hold every step"), this);
    m_holdEveryCheck->setObjectName(QStringLiteral("holdEveryCheck"));
    m_holdEveryCheck->setToolTip(tr("Single-step the co-simulation: every step waits for Continue"));

    m_continueButton = new QPushButton(tr("&Continue"), this);
    m_continueButton->setObjectName(QStringLiteral("continueButton"));
    m_continueButton->setToolTip(tr("Let the held step run and answer mosaik (F8)"));
    m_continueButton->setShortcut(Qt::Key_F8);
    m_stepButton = new QPushButton(tr("S&tep"), this);
    m_stepButton->setObjectName(QStringLiteral("stepButton"));
    m_stepButton->setToolTip(tr("Let the held step run, then hold the next one (Shift+F8)"));
    m_stepButton->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));

    auto *hold = new QHBoxLayout;
    hold->addWidget(m_holdAtCheck);
    hold->addWidget(m_holdAtSpin, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_continueButton);
    buttons->addWidget(m_stepButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_time);
    layout->addLayout(hold);
    layout->addWidget(m_holdEveryCheck);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_holdAtCheck, &QCheckBox::toggled, this, &CoSimulationPanel::applyHold);
    connect(m_holdAtSpin, &QSpinBox::valueChanged, this, &CoSimulationPanel::applyHold);
    connect(m_holdEveryCheck, &QCheckBox::toggled, this, &CoSimulationPanel::applyHold);
    connect(m_continueButton, &QPushButton::clicked, this, &CoSimulationPanel::continueStep);
    connect(m_stepButton, &QPushButton::clicked, this, &CoSimulationPanel::stepOnce);
    update();
}

void CoSimulationPanel::setSession(MosaikSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (session)
        connect(session, &MosaikSession::stateChanged, this, &CoSimulationPanel::update);
    applyHold();
    update();
}

void CoSimulationPanel::setHoldAt(std::optional<qint64> t)
{
    const QSignalBlocker block(m_holdAtSpin);
    if (t)
        m_holdAtSpin->setValue(int(qMin<qint64>(*t, std::numeric_limits<int>::max())));
    m_holdAtCheck->setChecked(t.has_value()); // applies
    applyHold();
}

void CoSimulationPanel::setHoldEveryStep(bool hold)
{
    m_holdEveryCheck->setChecked(hold);
}

bool CoSimulationPanel::continueStep()
{
    return m_session && m_session->continueStep(false);
}

bool CoSimulationPanel::stepOnce()
{
    return m_session && m_session->continueStep(true);
}

void CoSimulationPanel::applyHold()
{
    m_holdAtSpin->setEnabled(m_holdAtCheck->isChecked());
    if (!m_session || !m_session->simulator())
        return;
    mosaik::Simulator *sim = m_session->simulator();
    sim->setHoldAt(m_holdAtCheck->isChecked() ? std::optional<qint64>(m_holdAtSpin->value()) : std::nullopt);
    sim->setHoldEveryStep(m_holdEveryCheck->isChecked());
}

void CoSimulationPanel::update()
{
    mosaik::Simulator *sim = m_session ? m_session->simulator() : nullptr;
    m_status->setText(m_session ? m_session->statusText()
                                : tr("Host a mosaik simulator with Connect → Host a mosaik Simulator."));
    if (sim && sim->lastStepTime()) {
        const double seconds = double(*sim->lastStepTime()) * sim->timeResolution();
        m_time->setText(tr("Simulated time: step %1 = %2 s (%3)")
                            .arg(*sim->lastStepTime())
                            .arg(seconds)
                            .arg(sim->clock()->utcNow().toString(Qt::ISODate)));
    } else {
        m_time->setText(tr("Simulated time: before the first step"));
    }
    const bool held = sim && sim->heldStep();
    m_continueButton->setEnabled(held);
    m_stepButton->setEnabled(held);
    for (QWidget *w : {static_cast<QWidget *>(m_holdAtCheck), static_cast<QWidget *>(m_holdEveryCheck)})
        w->setEnabled(sim != nullptr);
    // A breakpoint holds once: show it cleared after it hit.
    if (held && m_holdAtCheck->isChecked() && !sim->holdAt()) {
        const QSignalBlocker block(m_holdAtCheck);
        m_holdAtCheck->setChecked(false);
        m_holdAtSpin->setEnabled(false);
    }
}

} // namespace mas::ui
