// SPDX-License-Identifier: MIT
#pragma once

#include <mas/mosaik/simulator.h>

#include <mas/core/mas_export.h>

#include <QHash>

namespace mas::mosaik {

/// The reference `Counter` simulator of the mosaik recordings, in C++: what MAS Inspector hosts
/// for mosaik (Connect → Host a mosaik Simulator) and `mosaik_counter` runs.
///
/// Model `Counter` (param `init`, attrs `delta` and `count`). Each step adds the sum of an
/// entity's `delta` inputs, or 1 without any, to its `count` and returns `time + step_size`.
/// sim_params: `step_size` (default 1); `callbacks` (true: the first step calls mosaik's
/// get_progress and get_related_entities for the first entity before it returns); `fail_at`
/// (the step at that time fails with `ValueError: requested failure at time T`).
class MAS_EXPORT CounterSimulator : public Simulator
{
    Q_OBJECT

public:
    explicit CounterSimulator(QObject *parent = nullptr);

    /// The meta the Counter answers init with (time-based, one model).
    static Meta counterMeta();

    /// The count of entity `eid` (for tests and the Inspector); nullopt for an unknown eid.
    std::optional<Value> count(const QString &eid) const;
    QStringList entityIds() const { return m_order; }
    /// What the callbacks of the first step returned (null before they ran).
    Value progressSeen() const { return m_progressSeen; }
    Value relatedSeen() const { return m_relatedSeen; }

protected:
    Result<void> init(const QString &sid, double timeResolution, const Value::Map &simParams) override;
    Result<std::vector<mosaik::Entity>> create(int num, const QString &model, const Value::Map &modelParams) override;
    QCoro::Task<Result<std::optional<qint64>>> step(qint64 time, const Value &inputs, qint64 maxAdvance) override;
    Result<Value> getData(const Value &outputs) override;

private:
    struct CountState
    {
        Value count; ///< an integer while every input was one, else a float
        Value delta; ///< the summed delta of the last step
    };

    qint64 m_stepSize = 1;
    bool m_callbacks = false;
    std::optional<qint64> m_failAt;
    bool m_firstStepDone = false;
    QHash<QString, CountState> m_entities;
    QStringList m_order;
    Value m_progressSeen;
    Value m_relatedSeen;
};

} // namespace mas::mosaik
