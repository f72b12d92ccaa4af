// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/mosaik/simulator.h>
#include <mas/trace/trafficlog.h>
#include <mas/transport/address.h>

#include <QObject>
#include <QPointer>

#include <QCoro/QCoroTask>

#include <functional>
#include <memory>

namespace mas {
class TrafficMonitor;
}

namespace mas {

/// A mosaik simulator hosted by the Inspector: it waits for mosaik (the scenario's `connect`
/// starter) or connects to it (the `cmd` starter), records each mosaik request and reply as a
/// TrafficEvent, and reports the co-simulation's progress, so that it can be watched, held at a
/// step and continued from the GUI.
///
/// \code
/// auto *session = new mas::MosaikSession(this);
/// session->listen([] { return std::make_unique<MySimulator>(); }, tr("My simulator"), "127.0.0.1:5678");
/// session->simulator()->setHoldAt(10); // mosaik pauses before step 10 until continueStep()
/// \endcode
class MAS_EXPORT MosaikSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,       ///< no simulator
        Listening,  ///< waiting for mosaik to connect
        Connecting, ///< connecting to mosaik
        Running,    ///< serving mosaik
        Held,       ///< a step is held: the co-simulation waits for continueStep()
        Stopped,    ///< mosaik stopped the simulator, or the connection ended
    };
    Q_ENUM(State)

    using Factory = std::function<std::unique_ptr<mosaik::Simulator>()>;

    explicit MosaikSession(QObject *parent = nullptr);
    ~MosaikSession() override;

    /// Makes a simulator with `factory` and waits for mosaik on `hostPort` (port 0: any free
    /// port). Returns the address listened on.
    Result<Address> listen(const Factory &factory, const QString &name, const QString &hostPort);
    /// Makes a simulator and connects it to mosaik at `hostPort`.
    QCoro::Task<Result<void>> connectTo(Factory factory, QString name, QString hostPort);
    /// Ends the session: the simulator goes (mosaik sees the connection close).
    void close();

    mosaik::Simulator *simulator() const { return m_simulator.get(); }
    /// The simulator's name as the message views show it (e.g. "Counter ExtSim-0").
    QString simulatorName() const;
    /// mosaik's name in the views ("mosaik"), and its address once connected.
    QString mosaikName() const { return m_mosaikName; }
    QString mosaikAddress() const { return m_peer; }
    State state() const { return m_state; }
    /// One line for the status bar and the co-simulation panel.
    QString statusText() const;
    /// Steps answered so far, and the last one's time and reply (-1: none).
    int stepCount() const { return m_steps; }
    qint64 lastStepTime() const { return m_lastStep; }
    qint64 nextStepTime() const { return m_nextStep; }

    /// Lets a held step run; then holds the next step too when `holdNext` (single-stepping).
    bool continueStep(bool holdNext = false);

Q_SIGNALS:
    void stateChanged();
    /// A mosaik request or reply, or the connection's opening and closing.
    void eventRecorded(const mas::TrafficEvent &event);
    void entitiesChanged();

private:
    void adopt(std::unique_ptr<mosaik::Simulator> simulator, const QString &name);
    void setState(State state);

    std::unique_ptr<mosaik::Simulator> m_simulator;
    QPointer<TrafficMonitor> m_monitor;
    QString m_name;
    QString m_mosaikName;
    QString m_peer;
    Address m_address;
    State m_state = State::Idle;
    Error m_error;
    int m_steps = 0;
    qint64 m_lastStep = -1;
    qint64 m_nextStep = -1;
    bool m_holdNextOnce = false;
};

} // namespace mas
