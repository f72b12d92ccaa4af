// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/mas_export.h>
#include <mas/core/result.h>
#include <mas/core/value.h>

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace mas::mosaik {

/// How mosaik schedules a simulator (meta `type`).
enum class SimulatorType {
    /// Stepped at time 0 and then at the times its steps return; inputs never trigger a step.
    TimeBased,
    /// Stepped only when a trigger input arrives or at times it asks for (setEvent()).
    EventBased,
    /// Both: self-scheduled steps, and steps triggered by the inputs listed in `trigger`.
    Hybrid,
};

/// "time-based", "event-based" or "hybrid".
MAS_EXPORT QString simulatorTypeName(SimulatorType type);
/// The type named "time-based", "event-based" or "hybrid"; nullopt for anything else.
MAS_EXPORT std::optional<SimulatorType> simulatorTypeFromName(QStringView name);

/// One model a simulator offers (an entry of meta `models`).
struct MAS_EXPORT Model
{
    QString name;
    /// Only public models can be created from a scenario (others appear as children).
    bool isPublic = true;
    /// Keyword parameters create() accepts; mosaik checks the scenario's keywords against them.
    QStringList params;
    /// Attributes usable as inputs and outputs in `world.connect`.
    QStringList attrs;
    /// Accept any attribute name as input.
    bool anyInputs = false;
    /// Inputs that trigger a step (event-based and hybrid simulators). Unset: mosaik's default
    /// for the simulator type.
    std::optional<QStringList> trigger;
    /// Outputs that stay valid until the next step (time-based and hybrid). Unset: the default.
    std::optional<QStringList> persistent;

    /// The model's description as mosaik reads it. Keys in mosaik-api-v3's order: public,
    /// params, attrs, then any_inputs, trigger and persistent when set.
    Value toValue() const;
};

/// What a simulator answers to `init` (mosaik's meta): API version, type and models.
///
/// \code
/// mas::mosaik::Meta meta;
/// meta.type = mas::mosaik::SimulatorType::TimeBased;
/// meta.models.push_back({.name = "Counter", .params = {"init"}, .attrs = {"delta", "count"}});
/// \endcode
struct MAS_EXPORT Meta
{
    /// The simulator API version the simulator speaks; mosaik 3 wants "3.x".
    QString apiVersion = QStringLiteral("3.0");
    SimulatorType type = SimulatorType::TimeBased;
    std::vector<Model> models;
    /// Further methods a scenario may call during setup (added by Simulator::exposeExtraMethod()).
    QStringList extraMethods;

    /// The model named `name`, or null.
    const Model *model(QStringView name) const;
    /// The meta object exactly as mosaik-api-v3 sends it:
    /// `{"api_version", "models", "extra_methods", "type"}`.
    Value toValue() const;
    /// Checks what mosaik would reject when the simulator starts (reserved or duplicate names,
    /// trigger inputs on a time-based simulator, lists naming unknown attributes, ...) and says
    /// which rule is broken.
    Result<void> validate() const;
};

} // namespace mas::mosaik
