// SPDX-License-Identifier: MIT
#include "mosaiksession.h"

#include <mas/channel/channel.h>
#include <mas/clock/clock.h>
#include <mas/observe/trafficmonitor.h>

namespace mas {

MosaikSession::MosaikSession(QObject *parent)
    : QObject(parent)
{}

MosaikSession::~MosaikSession()
{
    close();
}

QString MosaikSession::simulatorName() const
{
    if (!m_simulator || m_simulator->sid().isEmpty())
        return m_name;
    return tr("%1 %2").arg(m_name, m_simulator->sid());
}

void MosaikSession::adopt(std::unique_ptr<mosaik::Simulator> simulator, const QString &name)
{
    m_simulator = std::move(simulator);
    m_name = name;
    m_mosaikName = tr("mosaik");
    m_peer.clear();
    m_error = Error();
    m_steps = 0;
    m_lastStep = m_nextStep = -1;
    m_holdNextOnce = false;
    m_monitor = new TrafficMonitor(this);
    m_monitor->setRecording(false); // the Inspector's store keeps the events
    connect(m_monitor, &TrafficMonitor::eventRecorded, this, &MosaikSession::eventRecorded);
    mosaik::Simulator *sim = m_simulator.get();
    connect(sim, &mosaik::Simulator::connected, this, [this, sim](const QString &peer) {
        m_peer = peer;
        // The simulator's lane is named when it is known; its sid arrives with init.
        m_monitor->watchChannel(sim->channel(), m_name, m_mosaikName, sim->clock());
        setState(State::Running);
    });
    connect(sim, &mosaik::Simulator::initialized, this, &MosaikSession::stateChanged);
    connect(sim, &mosaik::Simulator::entitiesCreated, this, &MosaikSession::entitiesChanged);
    connect(sim, &mosaik::Simulator::stepHeld, this, [this] { setState(State::Held); });
    connect(sim, &mosaik::Simulator::stepContinued, this, [this] { setState(State::Running); });
    connect(sim, &mosaik::Simulator::stepStarted, this, [this](qint64 time) {
        m_lastStep = time;
        if (m_holdNextOnce) { // "Step": hold the step after the continued one
            m_holdNextOnce = false;
            m_simulator->setHoldAt(time);
        }
        Q_EMIT stateChanged();
    });
    connect(sim, &mosaik::Simulator::stepFinished, this, [this](qint64, qint64 next, bool) {
        ++m_steps;
        m_nextStep = next;
        Q_EMIT stateChanged();
    });
    connect(sim, &mosaik::Simulator::stopped, this, [this](const Error &reason) {
        m_error = reason;
        setState(State::Stopped);
    });
}

Result<Address> MosaikSession::listen(const Factory &factory, const QString &name, const QString &hostPort)
{
    close();
    Result<Address> address = mosaik::parseHostPort(hostPort);
    if (!address)
        return address.error();
    adopt(factory(), name);
    Result<Address> listening = m_simulator->listen(*address, std::chrono::hours(24)); // the user decides
    if (!listening) {
        close();
        return listening.error();
    }
    m_address = *listening;
    setState(State::Listening);
    return listening;
}

QCoro::Task<Result<void>> MosaikSession::connectTo(Factory factory, QString name, QString hostPort)
{
    close();
    Result<Address> address = mosaik::parseHostPort(hostPort);
    if (!address)
        co_return address.error();
    adopt(factory(), name);
    m_address = *address;
    setState(State::Connecting);
    QPointer<MosaikSession> self(this);
    QPointer<mosaik::Simulator> sim(m_simulator.get());
    Result<void> r = co_await sim->connectTo(*address);
    if (!self || !sim)
        co_return r;
    if (!r) {
        m_error = r.error();
        setState(State::Stopped);
    }
    co_return r;
}

void MosaikSession::close()
{
    if (!m_simulator)
        return;
    delete m_monitor.data();
    disconnect(m_simulator.get(), nullptr, this, nullptr);
    m_simulator.reset();
    setState(State::Idle);
}

bool MosaikSession::continueStep(bool holdNext)
{
    if (!m_simulator || !m_simulator->heldStep())
        return false;
    m_holdNextOnce = holdNext;
    return m_simulator->continueStep();
}

void MosaikSession::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged();
}

QString MosaikSession::statusText() const
{
    const QString address = QStringLiteral("%1:%2").arg(m_address.host()).arg(m_address.port());
    switch (m_state) {
    case State::Idle:
        return tr("No mosaik simulator is hosted.");
    case State::Listening:
        return tr("Waiting for mosaik on %1 (sim_config {\"connect\": \"%1\"})").arg(address);
    case State::Connecting:
        return tr("Connecting to mosaik at %1…").arg(address);
    case State::Running:
        if (m_lastStep < 0)
            return tr("%1: mosaik (%2) is setting up the scenario").arg(simulatorName(), m_peer);
        return m_nextStep >= 0 ? tr("%1: step %2 done, next step at %3").arg(simulatorName()).arg(m_lastStep).arg(m_nextStep)
                               : tr("%1: at step %2").arg(simulatorName()).arg(m_lastStep);
    case State::Held:
        return tr("%1: held at step %2 (mosaik waits)")
            .arg(simulatorName())
            .arg(m_simulator ? m_simulator->heldStep().value_or(-1) : -1);
    case State::Stopped:
        if (m_error.isError())
            return tr("%1 ended: %2").arg(simulatorName(), m_error.message());
        return tr("%1 stopped by mosaik after %n step(s)", nullptr, m_steps).arg(simulatorName());
    }
    return {};
}

} // namespace mas
