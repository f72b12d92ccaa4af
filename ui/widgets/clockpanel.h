// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/result.h>

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace mas {
class ExternalClock;
} // namespace mas

namespace mas::ui {

/// Controls for an ExternalClock: shows the simulated time (seconds and UTC date) and the
/// pending timers, and moves the time by hand (set, advance by a step, run to the next timer)
/// or continuously ("run at speed": a multiple of real time, driven by a QTimer, so the event
/// loop keeps running). Errors, such as setting the time backwards, appear in the status line.
///
/// \code
/// auto *panel = new mas::ui::ClockPanel(this);
/// panel->setClock(clock);            // null: "Real time", controls disabled
/// panel->setSpeed(2.0);
/// panel->startRunning();             // the clock advances 2 s per real second until stop()
/// \endcode
/// The clock is not owned (QPointer). Children, found by object name in tests: "timeLabel",
/// "dateLabel", "timeSpin", "setTimeButton", "stepSpin", "advanceButton", "nextTimerButton",
/// "speedCombo", "runButton", "stopButton", "timerList", "statusLabel".
class ClockPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ClockPanel(QWidget *parent = nullptr);
    ~ClockPanel() override;

    // properties
    /// The clock to show and control (null: the system runs in real time). Not owned.
    void setClock(ExternalClock *clock);
    ExternalClock *clock() const;
    /// Shows the clock without letting the user move it, saying who drives it (e.g. "mosaik
    /// drives this clock"); empty: the user may move it again.
    void setDrivenBy(const QString &driver);
    QString drivenBy() const { return m_drivenBy; }
    /// The step of "Advance" in seconds (default 1).
    void setStep(double seconds);
    double step() const;
    /// The factor relative to real time of "Run" (one of speeds(); others pick the nearest).
    void setSpeed(double factor);
    double speed() const;
    /// The factors offered: 0.1×, 0.5×, 1×, 2×, 5×, 10×, 100×.
    static QList<double> speeds();
    /// How often the clock moves while running (default 50 ms).
    void setRunInterval(int milliseconds);

    // operations (what the buttons do)
    /// Sets the clock to `t` seconds; an error for a time not after the current one.
    Result<void> setTime(double t);
    /// Moves the clock forward by `seconds`.
    Result<void> advance(double seconds);
    /// Moves the clock to the next pending timer.
    Result<void> advanceToNextTimer();
    /// Starts moving the clock at speed() times real time.
    void startRunning();
    /// Stops a run.
    void stop();
    bool isRunning() const { return m_runTimer.isActive(); }

    // inspection
    /// The status line's text (the last error, or what the panel is doing).
    QString statusText() const;

Q_SIGNALS:
    void runningChanged(bool running);
    /// An operation failed (also shown in the status line).
    void errorOccurred(const mas::Error &error);

private:
    void updateTime();
    void scheduleTimerListUpdate();
    void updateTimerList();
    void updateControls();
    void runTick();
    void reportResult(const Result<void> &result, const QString &success = {});
    void setStatus(const QString &text, bool isError);
    void clockGone();

    QPointer<ExternalClock> m_clock;
    QString m_drivenBy;
    QLabel *m_timeLabel = nullptr;
    QLabel *m_dateLabel = nullptr;
    QDoubleSpinBox *m_timeSpin = nullptr;
    QPushButton *m_setButton = nullptr;
    QDoubleSpinBox *m_stepSpin = nullptr;
    QPushButton *m_advanceButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QComboBox *m_speedCombo = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_timersTitle = nullptr;
    QTreeWidget *m_timerList = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_runTimer;
    QElapsedTimer m_runElapsed;
    bool m_timerListUpdateScheduled = false;
};

} // namespace mas::ui
