// SPDX-License-Identifier: MIT
#include "meta.h"

#include <QCoreApplication>
#include <QSet>

namespace mas::mosaik {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("mas::mosaik::Meta", text);
}

Value stringList(const QStringList &names)
{
    Value::List list;
    list.reserve(names.size());
    for (const QString &name : names)
        list.emplace_back(name);
    return Value(std::move(list));
}

// Names mosaik reserves for its own calls (models and extra methods must not use them).
const QStringList &reservedNames()
{
    static const QStringList names{QStringLiteral("init"),     QStringLiteral("create"),
                                   QStringLiteral("setup_done"), QStringLiteral("step"),
                                   QStringLiteral("get_data"), QStringLiteral("finalize"),
                                   QStringLiteral("stop")};
    return names;
}
} // namespace

QString simulatorTypeName(SimulatorType type)
{
    switch (type) {
    case SimulatorType::TimeBased:
        return QStringLiteral("time-based");
    case SimulatorType::EventBased:
        return QStringLiteral("event-based");
    case SimulatorType::Hybrid:
        return QStringLiteral("hybrid");
    }
    return {};
}

std::optional<SimulatorType> simulatorTypeFromName(QStringView name)
{
    for (SimulatorType type : {SimulatorType::TimeBased, SimulatorType::EventBased, SimulatorType::Hybrid})
        if (name == simulatorTypeName(type))
            return type;
    return std::nullopt;
}

Value Model::toValue() const
{
    Value::Map map;
    map.emplace_back(Value(QStringLiteral("public")), Value(isPublic));
    map.emplace_back(Value(QStringLiteral("params")), stringList(params));
    map.emplace_back(Value(QStringLiteral("attrs")), stringList(attrs));
    if (anyInputs)
        map.emplace_back(Value(QStringLiteral("any_inputs")), Value(true));
    if (trigger)
        map.emplace_back(Value(QStringLiteral("trigger")), stringList(*trigger));
    if (persistent)
        map.emplace_back(Value(QStringLiteral("persistent")), stringList(*persistent));
    return Value(std::move(map));
}

const Model *Meta::model(QStringView name) const
{
    for (const Model &m : models)
        if (m.name == name)
            return &m;
    return nullptr;
}

Value Meta::toValue() const
{
    Value::Map modelMap;
    for (const Model &m : models)
        modelMap.emplace_back(Value(m.name), m.toValue());
    Value::Map map;
    map.emplace_back(Value(QStringLiteral("api_version")), Value(apiVersion));
    map.emplace_back(Value(QStringLiteral("models")), Value(std::move(modelMap)));
    map.emplace_back(Value(QStringLiteral("extra_methods")), stringList(extraMethods));
    map.emplace_back(Value(QStringLiteral("type")), Value(simulatorTypeName(type)));
    return Value(std::move(map));
}

Result<void> Meta::validate() const
{
    auto invalid = [](const QString &message) { return Error(ErrorCode::InvalidArgument, message); };
    const QStringList parts = apiVersion.split(u'.');
    bool majorOk = false;
    const int major = parts.value(0).toInt(&majorOk);
    if (parts.size() < 2 || parts.size() > 3 || !majorOk || major < 1 || major >= 4)
        return invalid(tr("api_version \"%1\" is not a version mosaik 3 accepts (use \"3.0\")").arg(apiVersion));
    QSet<QString> seen;
    for (const Model &m : models) {
        if (m.name.isEmpty())
            return invalid(tr("A model has no name"));
        if (reservedNames().contains(m.name))
            return invalid(tr("The model name \"%1\" is reserved by mosaik").arg(m.name));
        if (seen.contains(m.name))
            return invalid(tr("The model \"%1\" is declared twice").arg(m.name));
        seen.insert(m.name);
        const QSet<QString> attrs(m.attrs.begin(), m.attrs.end());
        auto checkSubset = [&](const std::optional<QStringList> &list, const char *field) -> Result<void> {
            if (!list)
                return {};
            for (const QString &attr : *list)
                if (!attrs.contains(attr) && !(m.anyInputs && QLatin1StringView(field) == QLatin1StringView("trigger")))
                    return invalid(tr("Model \"%1\": \"%2\" in %3 is not one of its attrs")
                                       .arg(m.name, attr, QLatin1StringView(field)));
            return {};
        };
        MAS_TRY_VOID(checkSubset(m.trigger, "trigger"));
        MAS_TRY_VOID(checkSubset(m.persistent, "persistent"));
        if (type == SimulatorType::TimeBased) {
            if (m.trigger && !m.trigger->isEmpty())
                return invalid(tr("Model \"%1\": a time-based simulator cannot have trigger inputs").arg(m.name));
            if (m.persistent && QSet<QString>(m.persistent->begin(), m.persistent->end()) != attrs)
                return invalid(tr("Model \"%1\": every output of a time-based simulator is persistent").arg(m.name));
        } else if (type == SimulatorType::EventBased) {
            if (m.persistent && !m.persistent->isEmpty())
                return invalid(tr("Model \"%1\": an event-based simulator cannot have persistent outputs").arg(m.name));
            if (m.trigger && !m.anyInputs && QSet<QString>(m.trigger->begin(), m.trigger->end()) != attrs)
                return invalid(tr("Model \"%1\": every input of an event-based simulator triggers").arg(m.name));
        }
    }
    for (const QString &method : extraMethods) {
        if (reservedNames().contains(method))
            return invalid(tr("The extra method name \"%1\" is reserved by mosaik").arg(method));
        if (seen.contains(method))
            return invalid(tr("The extra method \"%1\" has the name of a model").arg(method));
    }
    return {};
}

} // namespace mas::mosaik
