// SPDX-License-Identifier: MIT
#include "session.h"

#include <mas/codec/jsoncodec.h>

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

namespace mas::system {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("mas::system::Session", text);
}

Value header(const Session &s)
{
    const Parameters &p = s.parameters;
    Value::Map params;
    params.emplace_back(Value("agents"), Value(p.agents));
    params.emplace_back(Value("seed"), Value(qint64(p.seed)));
    params.emplace_back(Value("faulty"), Value(p.faulty));
    params.emplace_back(Value("initiators"), Value(p.initiators));
    params.emplace_back(Value("rounds"), Value(p.rounds));
    params.emplace_back(Value("codec"), Value(p.codec));
    params.emplace_back(Value("transport"), Value(transportName(p.transport)));
    params.emplace_back(Value("request_timeout_ms"), Value(qint64(p.requestTimeout.count())));
    Value::Map map;
    map.emplace_back(Value("mas-session"), Value(1));
    map.emplace_back(Value("demo"), Value(s.demo));
    map.emplace_back(Value("parameters"), Value(std::move(params)));
    if (s.isCounterexample())
        map.emplace_back(Value("counterexample"), Value(s.violatedProperty));
    if (!s.systemFile.isEmpty())
        map.emplace_back(Value("system_file"), Value(s.systemFile));
    return Value(std::move(map));
}

Result<Parameters> readParameters(const Value &params)
{
    Parameters p;
    const auto integer = [&params](QStringView key, int fallback) {
        const Value v = params.value(key);
        return v.isInteger() ? int(v.toInt()) : fallback;
    };
    p.agents = integer(u"agents", p.agents);
    p.seed = quint32(integer(u"seed", int(p.seed)));
    p.faulty = params.value(u"faulty").toBool();
    p.initiators = integer(u"initiators", p.initiators);
    p.rounds = integer(u"rounds", p.rounds);
    if (params.value(u"codec").isString())
        p.codec = params.value(u"codec").toString();
    if (params.value(u"transport").isString()) {
        Result<Transport> transport = parseTransport(params.value(u"transport").stringRef());
        if (!transport)
            return transport.error();
        p.transport = *transport;
    }
    if (params.value(u"request_timeout_ms").isInteger())
        p.requestTimeout = std::chrono::milliseconds(params.value(u"request_timeout_ms").toInt());
    return p;
}

} // namespace

Result<void> Session::save(const QString &fileName) const
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::InvalidArgument, tr("Cannot write %1: %2").arg(fileName, file.errorString()));
    Result<QByteArray> line = JsonCodec::write(header(*this), nullptr);
    if (!line)
        return line.error();
    file.write(*line + '\n');
    MAS_TRY_VOID(log.write(&file));
    if (!file.commit())
        return Error(ErrorCode::InvalidArgument, tr("Cannot write %1: %2").arg(fileName, file.errorString()));
    return {};
}

Result<Session> Session::load(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidArgument, tr("Cannot read %1: %2").arg(fileName, file.errorString()));
    Result<Value> head = JsonCodec::read(file.readLine().trimmed());
    if (!head || !head->isMap() || !head->contains(u"mas-session"))
        return Error(ErrorCode::InvalidMessage, tr("%1 is not a MAS session").arg(fileName));
    Session session;
    session.demo = head->value(u"demo").toString();
    MAS_TRY(p, readParameters(head->value(u"parameters")));
    session.parameters = p;
    if (head->value(u"counterexample").isString())
        session.violatedProperty = head->value(u"counterexample").toString();
    if (head->value(u"system_file").isString())
        session.systemFile = head->value(u"system_file").toString();
    MAS_TRY(log, TrafficLog::read(&file));
    session.log = std::move(log);
    return session;
}

} // namespace mas::system
