// SPDX-License-Identifier: MIT
#include "counter.h"

namespace mas::mosaik {

namespace {
bool isNumber(const Value &v)
{
    return v.isInteger() || v.isDouble();
}

// a + b, staying an integer while both are.
Value add(const Value &a, const Value &b)
{
    if (a.type() == Value::Type::Int && b.type() == Value::Type::Int)
        return Value(a.toInt() + b.toInt());
    return Value(a.toDouble() + b.toDouble());
}
} // namespace

CounterSimulator::CounterSimulator(QObject *parent)
    : Simulator(counterMeta(), parent)
{}

mosaik::Meta CounterSimulator::counterMeta()
{
    mosaik::Meta meta;
    meta.type = mosaik::SimulatorType::TimeBased;
    mosaik::Model counter;
    counter.name = QStringLiteral("Counter");
    counter.params = QStringList{QStringLiteral("init")};
    counter.attrs = QStringList{QStringLiteral("delta"), QStringLiteral("count")};
    meta.models.push_back(counter);
    return meta;
}

std::optional<Value> CounterSimulator::count(const QString &eid) const
{
    const auto it = m_entities.constFind(eid);
    if (it == m_entities.cend())
        return std::nullopt;
    return it->count;
}

Result<void> CounterSimulator::init(const QString &, double, const Value::Map &simParams)
{
    for (const auto &[key, value] : simParams) {
        const QString name = key.toString();
        if (name == u"step_size") {
            if (!value.isInteger() || value.toInt() < 1)
                return Error(ErrorCode::InvalidArgument, tr("step_size must be a positive integer, got %1").arg(value.toDisplayString(40)));
            m_stepSize = value.toInt();
        } else if (name == u"callbacks") {
            if (!value.isBool())
                return Error(ErrorCode::TypeMismatch, tr("callbacks must be true or false"));
            m_callbacks = value.toBool();
        } else if (name == u"fail_at") {
            if (value.isNull()) {
                m_failAt.reset();
            } else if (value.isInteger()) {
                m_failAt = value.toInt();
            } else {
                return Error(ErrorCode::TypeMismatch, tr("fail_at must be an integer time or null"));
            }
        } else {
            return Error(ErrorCode::TypeMismatch, tr("init() got an unexpected keyword argument '%1'").arg(name));
        }
    }
    return {};
}

Result<std::vector<mosaik::Entity>> CounterSimulator::create(int num, const QString &model, const Value::Map &modelParams)
{
    Value init(0);
    for (const auto &[key, value] : modelParams) {
        if (key.toString() == u"init") {
            if (!isNumber(value))
                return Error(ErrorCode::TypeMismatch, tr("init must be a number, got %1").arg(value.toDisplayString(40)));
            init = value;
        }
    }
    std::vector<mosaik::Entity> made;
    made.reserve(num);
    for (int i = 0; i < num; ++i) {
        const QString eid = QStringLiteral("Counter_%1").arg(m_order.size());
        m_entities.insert(eid, CountState{init, Value(0)});
        m_order.append(eid);
        mosaik::Entity entity;
        entity.eid = eid;
        entity.type = model;
        made.push_back(std::move(entity));
    }
    return made;
}

QCoro::Task<Result<std::optional<qint64>>> CounterSimulator::step(qint64 time, const Value &inputs, qint64)
{
    if (m_failAt && *m_failAt == time)
        co_return Error(ErrorCode::InvalidArgument, tr("requested failure at time %1").arg(time));

    if (m_callbacks && !m_firstStepDone && !m_order.isEmpty()) {
        // Calls back into mosaik while the step is open, as the Python reference does.
        Result<double> progress = co_await mosaik().getProgress();
        if (!progress)
            co_return progress.error();
        m_progressSeen = Value(*progress);
        const QString first = sid() + u'.' + m_order.front();
        Result<Value> related = co_await mosaik().getRelatedEntities(Value(first));
        if (!related)
            co_return related.error();
        m_relatedSeen = *related;
    }
    m_firstStepDone = true;

    for (const QString &eid : std::as_const(m_order)) {
        CountState &entity = m_entities[eid];
        Value sum(0);
        bool any = false;
        if (const Value *attrs = inputs.find(QStringView(eid)); attrs && attrs->isMap())
            if (const Value *delta = attrs->find(u"delta"); delta && delta->isMap())
                for (const auto &[source, value] : delta->asMap()) {
                    if (!isNumber(value))
                        co_return Error(ErrorCode::TypeMismatch,
                                        tr("delta from %1 is not a number: %2").arg(source.toString(), value.toDisplayString(40)));
                    sum = add(sum, value);
                    any = true;
                }
        entity.delta = any ? sum : Value(1);
        entity.count = add(entity.count, entity.delta);
    }
    std::optional<qint64> next = time + m_stepSize;
    co_return next;
}

Result<Value> CounterSimulator::getData(const Value &outputs)
{
    Value::Map data;
    for (const auto &[key, attrs] : outputs.asMap()) {
        const QString eid = key.toString();
        const auto it = m_entities.constFind(eid);
        if (it == m_entities.cend())
            return Error(ErrorCode::LookupError, tr("Unknown entity \"%1\"").arg(eid));
        if (!attrs.isList())
            return Error(ErrorCode::TypeMismatch, tr("The attributes of %1 must be a list").arg(eid));
        Value::Map values;
        for (const Value &attr : attrs.asList()) {
            const QString name = attr.toString();
            if (name == u"count")
                values.emplace_back(attr, it->count);
            else if (name == u"delta")
                values.emplace_back(attr, it->delta);
            else
                return Error(ErrorCode::InvalidArgument, tr("Counter has no attribute \"%1\"").arg(attr.toDisplayString(40)));
        }
        data.emplace_back(key, Value(std::move(values)));
    }
    return Value(std::move(data));
}

} // namespace mas::mosaik
