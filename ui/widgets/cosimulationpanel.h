// SPDX-License-Identifier: MIT
#pragma once

#include <mas/observe/mosaiksession.h>

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace mas::ui {

/// Controls of a hosted mosaik simulator: its status, a "hold at step t" breakpoint, holding
/// every step, and Continue / Step for a held step. Children, by object name: "statusLabel",
/// "holdAtCheck", "holdAtSpin", "holdEveryCheck", "continueButton", "stepButton".
class CoSimulationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CoSimulationPanel(QWidget *parent = nullptr);

    /// The session shown (not owned; null: nothing hosted, controls disabled).
    void setSession(mas::MosaikSession *session);
    mas::MosaikSession *session() const { return m_session; }

    /// Holds the first step at time `t` or later (nullopt: no breakpoint).
    void setHoldAt(std::optional<qint64> t);
    void setHoldEveryStep(bool hold);
    /// Continue: the held step runs. Step: it runs and the next step is held.
    bool continueStep();
    bool stepOnce();

private:
    void update();
    void applyHold();

    QPointer<mas::MosaikSession> m_session;
    QLabel *m_status = nullptr;
    QLabel *m_time = nullptr;
    QCheckBox *m_holdAtCheck = nullptr;
    QSpinBox *m_holdAtSpin = nullptr;
    QCheckBox *m_holdEveryCheck = nullptr;
    QPushButton *m_continueButton = nullptr;
    QPushButton *m_stepButton = nullptr;
};

} // namespace mas::ui
