// SPDX-License-Identifier: MIT
#include "session.h"

#include <mas/codec/jsoncodec.h>
#include <mas/system/systemfile.h>
#include <mas/trace/runcompare.h>
#include <mas/transport/localqueue.h>

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
    if (!s.processes.isEmpty()) {
        Value::List processes;
        for (const ProcessSpec &spec : s.processes) {
            Value::List command;
            for (const QString &part : spec.command)
                command.emplace_back(part);
            Value::Map entry;
            entry.emplace_back(Value("command"), Value(std::move(command)));
            if (!spec.workingDirectory.isEmpty())
                entry.emplace_back(Value("cwd"), Value(spec.workingDirectory));
            if (!spec.name.isEmpty())
                entry.emplace_back(Value("name"), Value(spec.name));
            if (!spec.environment.isEmpty()) {
                Value::Map env;
                QStringList keys = spec.environment.keys();
                keys.sort();
                for (const QString &key : std::as_const(keys))
                    env.emplace_back(Value(key), Value(spec.environment.value(key)));
                entry.emplace_back(Value("env"), Value(std::move(env)));
            }
            processes.emplace_back(std::move(entry));
        }
        map.emplace_back(Value("processes"), Value(std::move(processes)));
    }
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
    return read(&file, fileName);
}

Result<Session> Session::read(QIODevice *device, const QString &fileName)
{
    Result<Value> head = JsonCodec::read(device->readLine().trimmed());
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
    if (const Value processes = head->value(u"processes"); processes.isList()) {
        for (const Value &entry : processes.asList()) {
            ProcessSpec spec;
            for (const Value &part : entry.value(u"command").isList() ? entry.value(u"command").asList() : Value::List{})
                spec.command << part.toString();
            spec.workingDirectory = entry.value(u"cwd").toString();
            spec.name = entry.value(u"name").toString();
            if (entry.value(u"env").isMap()) {
                for (const auto &[key, value] : entry.value(u"env").asMap())
                    spec.environment.insert(key.toString(), value.toString());
            }
            if (spec.command.isEmpty())
                return Error(ErrorCode::InvalidMessage, tr("%1: a process without a command").arg(fileName));
            session.processes.append(spec);
        }
    }
    MAS_TRY(log, TrafficLog::read(device));
    session.log = std::move(log);
    return session;
}

QHash<QString, QString> Session::recordedDisplayNames() const
{
    const QString recorded = mas::recordedQueueId(log.events());
    if (recorded.isEmpty() || !processes.isEmpty())
        return {};
    // A queue id nobody uses: the system is built beside any other of this process.
    static int serial = 0;
    QString queue;
    do {
        queue = QStringLiteral("recorded-names-%1").arg(++serial);
    } while (mas::LocalQueue::find(queue));
    Parameters p = parameters;
    p.transport = Transport::LocalQueue;
    Result<std::unique_ptr<System>> system = Error(ErrorCode::InvalidArgument, QString());
    if (!systemFile.isEmpty()) {
        Result<SystemFile> file = SystemFile::load(systemFile);
        if (file && file->processes.isEmpty() && file->loadPlugins())
            system = file->build(queue, p);
    } else if (const SystemType *type = SystemRegistry::global().find(demo); type && type->build) {
        system = type->build(queue, p);
    }
    if (!system)
        return {};
    // "local://recorded-names-1-2/0" -> "local://<recorded>-2/0"
    const QString prefix = QStringLiteral("local://") + queue;
    QHash<QString, QString> names;
    QStringList queues{queue};
    const QHash<QString, QString> own = (*system)->displayNames();
    for (auto it = own.cbegin(); it != own.cend(); ++it) {
        QString address = it.key();
        if (address.startsWith(prefix) && address.size() > prefix.size()
            && (address[prefix.size()] == u'/' || address[prefix.size()] == u'-')) {
            const qsizetype end = address.indexOf(u'/', prefix.size());
            const QString queueOf = address.mid(8, end < 0 ? -1 : end - 8);
            if (!queues.contains(queueOf))
                queues.append(queueOf);
            address = QStringLiteral("local://") + recorded + address.mid(prefix.size());
        }
        names.insert(address, it.value());
    }
    system = Error(ErrorCode::InvalidArgument, QString()); // the system goes before its queues
    for (const QString &id : std::as_const(queues))
        delete mas::LocalQueue::find(id);
    return names;
}

} // namespace mas::system
