// SPDX-License-Identifier: MIT
// The hub of Python programs run by `python3 -m masstep` (docs/masstep-protocol.md).
#include "pythonhub.h"

#include "localnetwork_p.h"
#include "localqueue.h"

#include <mas/clock/clock.h>
#include <mas/core/completion_p.h>
#include <mas/core/logging_p.h>

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>
#include <QtEndian>

#include <deque>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

namespace mas {

namespace {

constexpr quint32 kMaxMessage = 65u * 1024u * 1024u;
constexpr int kFirstPort = 40000;
constexpr int kFirstClientPort = 50000;

QByteArray encodeMessage(const QJsonObject &header, const QByteArray &data)
{
    const QByteArray text = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QByteArray out;
    out.reserve(8 + text.size() + data.size());
    char word[4];
    qToBigEndian<quint32>(quint32(4 + text.size() + data.size()), word);
    out.append(word, 4);
    qToBigEndian<quint32>(quint32(text.size()), word);
    out.append(word, 4);
    out.append(text);
    out.append(data);
    return out;
}

} // namespace

/// One runner: its process, its stream, what the hub knows of it.
struct HubProcess
{
    PythonProcess info;
    QProcess *process = nullptr;
    QPointer<QLocalSocket> socket;
    QByteArray buffer;
    QByteArray out;
    QByteArray err;
    quint64 sent = 0;
    bool quiet = false;
    QList<TimerHandle> mirrored; ///< its timers on the hub's clock
};

/// One end of a virtual connection: the LocalQueue device that stands for it.
struct HubEnd
{
    int process = -1;
    QPointer<QIODevice> device;
    bool closed = false;
};

struct HubListener
{
    int process = -1;
    int id = 0;
    QString address;
    QString queueId;
};

class PythonHubPrivate
{
public:
    PythonHubPrivate(PythonHub *q, PythonHubOptions options) : q(q), options(std::move(options)) {}

    PythonHub *q;
    PythonHubOptions options;
    QTemporaryDir directory{QDir::tempPath() + QStringLiteral("/mas-python-XXXXXX")};
    QLocalServer server;
    std::vector<std::unique_ptr<HubProcess>> processes;
    std::vector<QPointer<QLocalSocket>> unknownSockets;
    std::map<int, HubEnd> ends;
    std::map<int, HubListener> listeners;
    QHash<QString, int> listening; ///< listening addresses -> program
    QHash<QString, int> clients;   ///< client addresses -> program
    /// Connections an end aborted (their number -> whether the client end did): the peer's
    /// end-of-stream is a `reset` (ConnectionResetError), not an `eof`.
    QHash<quint64, bool> aborted;
    std::deque<std::tuple<int, QJsonObject, QByteArray>> control;
    /// While a program's connect runs connectToServer(): the client's name (its address).
    std::optional<QString> connecting;
    double time = 0;
    int nextListener = 1;
    int nextEnd = 1;
    int nextPort = kFirstPort;
    bool wasQuiescent = false;
    QPointer<ExternalClock> clock;
    QMetaObject::Connection clockConnection;

    /// Sends the new time to every program still running (one at a time, by flush()).
    void moveTo(double t)
    {
        if (t <= time)
            return;
        time = t;
        for (const auto &p : processes) {
            if (!p->info.exited)
                queue(p->info.index, QJsonObject{{QStringLiteral("type"), QStringLiteral("time")},
                                                 {QStringLiteral("time"), t}});
        }
    }

    /// Shows a program's timers as timers of the clock (their callbacks do nothing: the clock's
    /// time change is what the programs follow).
    void mirror(HubProcess *p)
    {
        for (TimerHandle &handle : p->mirrored)
            handle.cancel();
        p->mirrored.clear();
        if (!clock || p->info.exited)
            return;
        const QString program = p->info.name;
        for (const PythonTimer &timer : std::as_const(p->info.timers)) {
            if (timer.due <= clock->time())
                continue; // the program has not seen the latest time yet
            Result<TimerHandle> handle = clock->callAt(timer.due, [] {}, program + QStringLiteral(": ") + timer.description);
            if (handle)
                p->mirrored.append(handle.value());
        }
    }

    HubProcess *byIndex(int index)
    {
        return index >= 0 && size_t(index) < processes.size() ? processes[size_t(index)].get() : nullptr;
    }

    bool quiescent() const
    {
        if (!control.empty())
            return false;
        for (const auto &p : processes) {
            if (!p->info.exited && !p->quiet)
                return false;
        }
        return true;
    }

    void queue(int process, QJsonObject header, QByteArray data = {})
    {
        control.emplace_back(process, std::move(header), std::move(data));
        flush();
    }

    /// Sends the next queued message when every runner is quiescent (one runner runs at a time).
    void flush()
    {
        while (!control.empty()) {
            for (const auto &p : processes) {
                if (!p->info.exited && !p->quiet)
                    return;
            }
            auto [index, header, data] = std::move(control.front());
            control.pop_front();
            HubProcess *p = byIndex(index);
            if (!p || p->info.exited || !p->socket)
                continue;
            p->socket->write(encodeMessage(header, data));
            ++p->sent;
            p->quiet = false;
        }
        announce();
    }

    void announce()
    {
        const bool now = quiescent();
        if (now && !wasQuiescent) {
            wasQuiescent = true;
            Q_EMIT q->quiescent();
        } else if (!now) {
            wasQuiescent = false;
        }
    }

    void onConnection()
    {
        while (QLocalSocket *socket = server.nextPendingConnection()) {
            unknownSockets.emplace_back(socket);
            QObject::connect(socket, &QLocalSocket::readyRead, q, [this, socket] { read(socket); });
            read(socket);
        }
    }

    HubProcess *owner(QLocalSocket *socket)
    {
        for (const auto &p : processes) {
            if (p->socket == socket)
                return p.get();
        }
        return nullptr;
    }

    void read(QLocalSocket *socket)
    {
        HubProcess *p = owner(socket);
        QByteArray pendingHello = socket->readAll();
        if (!p) {
            // The first message is hello: it names the process by its pid.
            socket->setProperty("masBuffer", socket->property("masBuffer").toByteArray() + pendingHello);
            QByteArray buffer = socket->property("masBuffer").toByteArray();
            QJsonObject header;
            QByteArray data;
            const int taken = take(buffer, header, data);
            if (taken == 0)
                return;
            if (taken < 0 || header.value(u"type").toString() != u"hello") {
                qCWarning(lcLocalQueue) << "python hub: a runner's first message is not hello; closing it";
                socket->abort();
                return;
            }
            const qint64 pid = header.value(u"pid").toInteger();
            for (const auto &candidate : processes) {
                if (!candidate->socket && candidate->process && candidate->process->processId() == pid) {
                    p = candidate.get();
                    break;
                }
            }
            if (!p) {
                qCWarning(lcLocalQueue) << "python hub: hello from an unknown process" << pid;
                socket->abort();
                return;
            }
            p->socket = socket;
            p->info.connected = true;
            QObject::connect(socket, &QLocalSocket::disconnected, q, [this, p] { gone(p); });
            pendingHello = buffer.mid(taken);
        }
        p->buffer.append(pendingHello);
        while (true) {
            QJsonObject header;
            QByteArray data;
            const int taken = take(p->buffer, header, data);
            if (taken == 0)
                break;
            if (taken < 0) {
                qCWarning(lcLocalQueue) << "python hub: bad message from" << p->info.program << "; closing it";
                p->socket->abort();
                break;
            }
            p->buffer.remove(0, taken);
            handle(p, header, data);
        }
        flush();
    }

    /// Cuts one message off `buffer`: its size, 0 when incomplete, -1 when malformed.
    static int take(const QByteArray &buffer, QJsonObject &header, QByteArray &data)
    {
        if (buffer.size() < 4)
            return 0;
        const quint32 total = qFromBigEndian<quint32>(buffer.constData());
        if (total < 4 || total > kMaxMessage)
            return -1;
        if (quint64(buffer.size()) < quint64(total) + 4)
            return 0;
        const quint32 headerSize = qFromBigEndian<quint32>(buffer.constData() + 4);
        if (headerSize > total - 4)
            return -1;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(buffer.mid(8, headerSize), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return -1;
        header = document.object();
        data = buffer.mid(8 + headerSize, total - 4 - headerSize);
        return int(total + 4);
    }

    void handle(HubProcess *p, const QJsonObject &header, const QByteArray &data)
    {
        const QString type = header.value(u"type").toString();
        const int index = p->info.index;
        if (type == u"idle") {
            p->info.time = header.value(u"time").toDouble();
            p->info.timers.clear();
            const QJsonArray timers = header.value(u"timers").toArray();
            for (const QJsonValue &timer : timers) {
                p->info.timers.append({timer[u"due"].toDouble(), timer[u"what"].toString()});
            }
            p->quiet = quint64(header.value(u"seen").toInteger()) == p->sent;
            mirror(p);
        } else if (type == u"listen") {
            listen(p, header);
        } else if (type == u"unlisten") {
            const auto it = listeners.find(header.value(u"listener").toInt());
            if (it != listeners.end() && it->second.process == index) {
                unserve(it->second);
                listeners.erase(it);
            }
        } else if (type == u"connect") {
            connectTo(p, header);
        } else if (type == u"send") {
            const auto it = ends.find(header.value(u"conn").toInt());
            if (it != ends.end() && it->second.process == index && !it->second.closed && it->second.device) {
                auto *device = dynamic_cast<LocalQueueDevice *>(it->second.device.data());
                if (device && header.value(u"raw").toBool())
                    device->writeRaw(data); // one pending message of the chunk, passed on unchanged
                else
                    it->second.device->write(data);
            }
        } else if (type == u"close") {
            closeEnd(header.value(u"conn").toInt(), index);
        } else if (type == u"abort") {
            // The close travels after the frames as any close does; it reaches a program as a reset.
            const auto it = ends.find(header.value(u"conn").toInt());
            if (it != ends.end() && it->second.process == index && !it->second.closed) {
                if (const auto *device = dynamic_cast<const LocalQueueDevice *>(it->second.device.data()))
                    aborted.insert(device->connection(), device->isClientSide());
            }
            closeEnd(header.value(u"conn").toInt(), index);
        } else if (type == u"eof") {
            // write_eof(): the peer gets end-of-stream after the frames before it; this end reads on
            const auto it = ends.find(header.value(u"conn").toInt());
            if (it != ends.end() && it->second.process == index && !it->second.closed) {
                if (auto *device = dynamic_cast<LocalQueueDevice *>(it->second.device.data()))
                    device->closeWrite();
            }
        } else if (type == u"warning") {
            const QString kind = header.value(u"kind").toString();
            const QString message = header.value(u"message").toString();
            p->info.warnings.append(kind + QStringLiteral(": ") + message);
            Q_EMIT q->warning(index, kind, message);
        } else if (type == u"exit") {
            if (!header.value(u"code").isNull())
                p->info.exitCode = header.value(u"code").toInt();
            p->info.error = header.value(u"error").toString();
            p->info.traceback = header.value(u"traceback").toString();
            exited(p);
        } else if (type != u"hello") {
            qCWarning(lcLocalQueue) << "python hub: unknown message" << type << "from" << p->info.program;
        }
    }

    const HubListener *listenerFor(const QString &address) const
    {
        for (const auto &[id, listener] : listeners) {
            if (listener.address == address)
                return &listener;
        }
        if (address.startsWith(u"tcp://")) {
            const QString any = QStringLiteral("tcp://0.0.0.0:") + address.section(u':', -1);
            for (const auto &[id, listener] : listeners) {
                if (listener.address == any)
                    return &listener;
            }
        }
        return nullptr;
    }

    void listen(HubProcess *p, const QJsonObject &header)
    {
        QString address = header.value(u"address").toString();
        if (address.startsWith(u"tcp://") && address.endsWith(u":0"))
            address = address.chopped(1) + QString::number(nextPort++);
        QJsonObject answer{{QStringLiteral("request"), header.value(u"request")}};
        const QString queueId = PythonHub::queueIdFor(address);
        LocalQueue *existing = LocalQueue::find(queueId);
        // taken by a program, or by a C++ container that stands at this address
        if (listenerFor(address) || (existing && existing->hasServer())
            || !LocalNetwork::instance()->boundQueue(address).isEmpty()) {
            answer[QStringLiteral("type")] = QStringLiteral("listen-failed");
            answer[QStringLiteral("error")] = QStringLiteral("address already in use");
            queue(p->info.index, answer);
            return;
        }
        const int id = nextListener++;
        Result<void> served = LocalQueue::get(queueId)->setServer(
            [this, id](QIODevice *device) { accept(id, device); }, address, options.codecName);
        if (served) {
            // C++ agents reach the program at its address; so do the other programs
            served = LocalNetwork::instance()->bindAddress(address, queueId);
            if (!served)
                LocalQueue::get(queueId)->unsetServer();
        }
        if (!served) {
            answer[QStringLiteral("type")] = QStringLiteral("listen-failed");
            answer[QStringLiteral("error")] = served.error().message();
            queue(p->info.index, answer);
            return;
        }
        listeners[id] = HubListener{p->info.index, id, address, queueId};
        this->listening.insert(address, p->info.index);
        answer[QStringLiteral("type")] = QStringLiteral("listening");
        answer[QStringLiteral("listener")] = id;
        answer[QStringLiteral("address")] = address;
        queue(p->info.index, answer);
    }

    /// A program connects: to another program's listener, or to a C++ container bound to the
    /// address (LocalNetwork::bindAddress()); each a LocalQueue connection.
    void connectTo(HubProcess *p, const QJsonObject &header)
    {
        const QString address = header.value(u"address").toString();
        const QString queueId = LocalNetwork::instance()->boundQueue(address);
        LocalQueue *localQueue = queueId.isEmpty() ? nullptr : LocalQueue::find(queueId);
        const int client = nextEnd++;
        const QString local = address.startsWith(u"tcp://")
            ? QStringLiteral("tcp://127.0.0.1:%1").arg(kFirstClientPort + client) : QString();
        connecting = local;
        Result<QIODevice *> device = localQueue ? localQueue->connectToServer(local.isEmpty() ? p->info.program : local,
                                                                              options.codecName)
                                                : Result<QIODevice *>(Error(ErrorCode::ConnectionRefused, QString()));
        connecting.reset();
        if (!device) {
            queue(p->info.index, QJsonObject{{QStringLiteral("type"), QStringLiteral("refused")}, {QStringLiteral("request"), header.value(u"request")},
                                             {QStringLiteral("error"), QStringLiteral("connection refused")}});
            return;
        }
        if (!local.isEmpty())
            clients.insert(local, p->info.index);
        addEnd(client, p->info.index, device.value());
        queue(p->info.index, QJsonObject{{QStringLiteral("type"), QStringLiteral("connected")}, {QStringLiteral("request"), header.value(u"request")},
                                         {QStringLiteral("conn"), client}, {QStringLiteral("local"), local}, {QStringLiteral("peer"), address}});
    }

    /// A connection to a program's listener, from a program (inside connectTo(): its `accept`
    /// goes before the client's `connected`) or from a C++ agent.
    void accept(int listenerId, QIODevice *device)
    {
        const auto it = listeners.find(listenerId);
        if (it == listeners.end()) {
            device->deleteLater();
            return;
        }
        const HubListener &listener = it->second;
        const int server = nextEnd++;
        QString peer;
        if (connecting)
            peer = *connecting;
        else if (listener.address.startsWith(u"tcp://"))
            peer = QStringLiteral("tcp://127.0.0.1:%1").arg(kFirstClientPort + server);
        addEnd(server, listener.process, device);
        queue(listener.process, QJsonObject{{QStringLiteral("type"), QStringLiteral("accept")}, {QStringLiteral("listener"), listener.id},
                                            {QStringLiteral("conn"), server}, {QStringLiteral("local"), listener.address}, {QStringLiteral("peer"), peer}});
    }

    void unserve(const HubListener &listener)
    {
        if (LocalQueue *queue = LocalQueue::find(listener.queueId))
            queue->unsetServer();
        if (LocalNetwork::instance()->boundQueue(listener.address) == listener.queueId)
            LocalNetwork::instance()->unbindAddress(listener.address);
    }

    void addEnd(int id, int process, QIODevice *device)
    {
        device->setParent(q);
        ends[id] = HubEnd{process, device, false};
        // A delivery makes one frame readable at once: pass it to the program.
        QObject::connect(device, &QIODevice::readyRead, q, [this, id] {
            HubEnd &end = ends[id];
            if (!end.device)
                return;
            const QByteArray frame = end.device->readAll();
            const auto *device = dynamic_cast<const LocalQueueDevice *>(end.device.data());
            const bool raw = device && device->receivedRaw();
            if (!frame.isEmpty() && !end.closed)
                queue(end.process, QJsonObject{{QStringLiteral("type"), QStringLiteral("data")}, {QStringLiteral("conn"), id}, {QStringLiteral("raw"), raw}}, frame);
        });
        QObject::connect(device, &QIODevice::readChannelFinished, q, [this, id] {
            HubEnd &end = ends[id];
            if (end.closed)
                return;
            const auto *device = dynamic_cast<const LocalQueueDevice *>(end.device.data());
            const auto abort = device ? aborted.constFind(device->connection()) : aborted.constEnd();
            const bool reset = abort != aborted.constEnd() && *abort != device->isClientSide();
            queue(end.process, QJsonObject{{QStringLiteral("type"), reset ? QStringLiteral("reset") : QStringLiteral("eof")},
                                           {QStringLiteral("conn"), id}});
            if (reset) // connection_lost(ConnectionResetError): the end is gone, and nothing goes back
                closeEnd(id, end.process);
        });
    }

    void closeEnd(int id, int process)
    {
        const auto it = ends.find(id);
        if (it == ends.end() || it->second.process != process || it->second.closed)
            return;
        it->second.closed = true;
        if (it->second.device)
            it->second.device->close(); // the close waits in the network after the frames
    }

    void exited(HubProcess *p)
    {
        if (p->info.exited)
            return;
        p->info.exited = true;
        p->quiet = true;
        mirror(p);
        for (auto it = listeners.begin(); it != listeners.end();) {
            if (it->second.process == p->info.index) {
                unserve(it->second);
                it = listeners.erase(it);
            } else {
                ++it;
            }
        }
        for (auto &[id, end] : ends) {
            if (end.process == p->info.index)
                closeEnd(id, end.process);
        }
        Q_EMIT q->processExited(p->info.index);
        flush();
    }

    void gone(HubProcess *p)
    {
        if (!p->info.exited)
            exited(p);
    }
};

PythonHub::PythonHub(PythonHubOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<PythonHubPrivate>(this, std::move(options)))
{
    connect(&d->server, &QLocalServer::newConnection, this, [this] { d->onConnection(); });
}

PythonHub::~PythonHub()
{
    // Nothing may call back into the hub while it goes: the processes, sockets and devices are
    // disconnected first, then the processes still running are killed.
    for (const auto &p : d->processes) {
        if (p->socket)
            p->socket->disconnect(this);
        if (p->process)
            p->process->disconnect(this);
    }
    for (const QPointer<QLocalSocket> &socket : d->unknownSockets) {
        if (socket)
            socket->disconnect(this);
    }
    for (auto &[id, end] : d->ends) {
        if (end.device)
            end.device->disconnect(this);
    }
    for (auto &[id, listener] : d->listeners)
        d->unserve(listener);
    QObject::disconnect(d->clockConnection);
    for (const auto &p : d->processes) {
        for (TimerHandle &handle : p->mirrored)
            handle.cancel();
    }
    // A process still running is killed; its QProcess outlives the hub until it has reaped it
    // (no blocking wait here, and no zombie once the event loop runs), at the latest until the
    // application goes (its child then: QProcess's destructor reaps it).
    for (const auto &p : d->processes) {
        QProcess *process = std::exchange(p->process, nullptr);
        if (!process)
            continue;
        if (process->state() == QProcess::NotRunning) {
            delete process;
            continue;
        }
        process->setParent(QCoreApplication::instance());
        QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
        process->kill();
    }
}

Result<void> PythonHub::listen()
{
    if (d->server.isListening())
        return {};
    if (!d->directory.isValid())
        return Error(ErrorCode::InvalidArgument, tr("Cannot create a directory for the Python hub: %1")
                                                     .arg(d->directory.errorString()));
    d->server.setSocketOptions(QLocalServer::UserAccessOption);
    const QString path = d->directory.filePath(QStringLiteral("hub.sock"));
    if (!d->server.listen(path))
        return Error(ErrorCode::ConnectionRefused, tr("The Python hub cannot listen on %1: %2")
                                                       .arg(path, d->server.errorString()));
    return {};
}

QString PythonHub::address() const
{
    return d->server.isListening() ? QStringLiteral("ipc://") + d->server.fullServerName() : QString();
}

Result<int> PythonHub::start(const QString &program, const QStringList &arguments)
{
    return start(program, arguments, PythonStart{});
}

Result<int> PythonHub::start(const QString &program, const QStringList &arguments, const PythonStart &how)
{
    MAS_TRY_VOID(listen());
    const QString python = how.python.isEmpty() ? d->options.python : how.python;
    const QString workingDirectory = how.workingDirectory.isEmpty() ? d->options.workingDirectory
                                                                    : how.workingDirectory;
    auto p = std::make_unique<HubProcess>();
    const int index = int(d->processes.size());
    p->info.index = index;
    p->info.program = program;
    p->info.arguments = arguments;
    p->info.name = how.name.isEmpty() ? QFileInfo(program).fileName() : how.name;
    p->process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!d->options.runnerPath.isEmpty()) {
        const QString old = environment.value(QStringLiteral("PYTHONPATH"));
        environment.insert(QStringLiteral("PYTHONPATH"),
                           old.isEmpty() ? d->options.runnerPath : d->options.runnerPath + u':' + old);
    }
    environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    environment.remove(QStringLiteral("MASSTEP_HUB"));
    for (auto it = how.environment.constBegin(); it != how.environment.constEnd(); ++it)
        environment.insert(it.key(), it.value());
    p->process->setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        p->process->setWorkingDirectory(workingDirectory);
    HubProcess *raw = p.get();
    connect(p->process, &QProcess::readyReadStandardOutput, this,
            [raw] { raw->out.append(raw->process->readAllStandardOutput()); });
    connect(p->process, &QProcess::readyReadStandardError, this,
            [raw] { raw->err.append(raw->process->readAllStandardError()); });
    connect(p->process, &QProcess::finished, this, [this, raw](int code, QProcess::ExitStatus status) {
        raw->out.append(raw->process->readAllStandardOutput());
        raw->err.append(raw->process->readAllStandardError());
        if (raw->socket && raw->socket->bytesAvailable() > 0)
            d->read(raw->socket);
        if (!raw->info.exitCode && status == QProcess::NormalExit)
            raw->info.exitCode = code;
        d->gone(raw);
    });
    connect(p->process, &QProcess::errorOccurred, this, [this, raw, python](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            raw->info.error = tr("%1 did not start: %2").arg(python, raw->process->errorString());
            d->gone(raw);
        }
    });
    QStringList commandLine{QStringLiteral("-m"), QStringLiteral("masstep"), QStringLiteral("--hub"), address(),
                            QStringLiteral("--seed"), QString::number(d->options.seed), program};
    commandLine += arguments;
    d->processes.push_back(std::move(p));
    d->wasQuiescent = false;
    raw->process->start(python, commandLine);
    if (d->time > 0)
        d->queue(index, QJsonObject{{QStringLiteral("type"), QStringLiteral("time")}, {QStringLiteral("time"), d->time}});
    return index;
}

QList<PythonProcess> PythonHub::processes() const
{
    QList<PythonProcess> out;
    for (const auto &p : d->processes)
        out.append(p->info);
    return out;
}

std::optional<PythonProcess> PythonHub::process(int index) const
{
    if (HubProcess *p = d->byIndex(index))
        return p->info;
    return std::nullopt;
}

QByteArray PythonHub::standardOutput(int index) const
{
    HubProcess *p = d->byIndex(index);
    return p ? p->out : QByteArray();
}

QByteArray PythonHub::standardError(int index) const
{
    HubProcess *p = d->byIndex(index);
    return p ? p->err : QByteArray();
}

bool PythonHub::isQuiescent() const
{
    return d->quiescent();
}

QCoro::Task<Result<void>> PythonHub::waitForQuiescent(std::chrono::milliseconds timeout)
{
    QPointer<PythonHub> self(this);
    if (d->quiescent())
        co_return Result<void>();
    detail::Completion<bool> done;
    QObject context;
    QTimer timer;
    timer.setSingleShot(true);
    // exits end the wait too: quiescent() is emitted by flush() after them, this is a safety net
    connect(this, &PythonHub::quiescent, &context, [done]() mutable { done.complete(true); });
    connect(this, &PythonHub::processExited, &context, [this, done]() mutable {
        if (d->quiescent())
            done.complete(true);
    });
    connect(&timer, &QTimer::timeout, &context, [done]() mutable { done.complete(false); });
    timer.start(timeout);
    const bool answered = co_await done;
    if (!self)
        co_return Error(ErrorCode::Cancelled, tr("The Python hub was closed while waiting for its programs"));
    if (answered && d->quiescent())
        co_return Result<void>();
    QStringList busy;
    for (const auto &p : d->processes) {
        if (!p->info.exited && !p->quiet)
            busy.append(QFileInfo(p->info.program).fileName() + u' ' + p->info.arguments.join(u' '));
    }
    const QString names = busy.isEmpty() ? tr("(none: the hub still has messages for them)")
                                         : busy.join(QStringLiteral(", ")).trimmed();
    qCWarning(lcLocalQueue) << "python hub: no answer from" << names << "within" << timeout.count() << "ms";
    co_return Error(ErrorCode::Timeout, tr("No answer from the Python program(s) %1 within %2 s: blocked outside "
                                           "the event loop (time.sleep, a thread, a real socket) or hanging")
                                            .arg(names)
                                            .arg(double(timeout.count()) / 1000.0));
}

bool PythonHub::allExited() const
{
    for (const auto &p : d->processes) {
        if (!p->info.exited)
            return false;
    }
    return true;
}

std::optional<double> PythonHub::nextTimer() const
{
    std::optional<double> next;
    for (const auto &p : d->processes) {
        if (p->info.exited)
            continue;
        for (const PythonTimer &timer : p->info.timers) {
            if (!next || timer.due < *next)
                next = timer.due;
        }
    }
    return next;
}

double PythonHub::time() const
{
    return d->time;
}

Result<void> PythonHub::setTime(double t)
{
    if (d->clock)
        return d->clock->setTime(t); // timeChanged moves the programs
    if (t < d->time)
        return Error(ErrorCode::InvalidArgument, tr("Time must be >= %1 but is %2").arg(d->time).arg(t));
    d->moveTo(t);
    return {};
}

void PythonHub::setClock(ExternalClock *clock)
{
    QObject::disconnect(d->clockConnection);
    d->clock = clock;
    for (const auto &p : d->processes)
        d->mirror(p.get());
    if (!clock)
        return;
    d->clockConnection = connect(clock, &Clock::timeChanged, this, [this](double t) { d->moveTo(t); });
    d->moveTo(clock->time());
}

ExternalClock *PythonHub::clock() const
{
    return d->clock;
}

QHash<QString, int> PythonHub::listeningAddresses() const
{
    return d->listening;
}

QHash<QString, int> PythonHub::clientAddresses() const
{
    return d->clients;
}

QString PythonHub::queueIdFor(const QString &address)
{
    QString id = address;
    id.replace(QStringLiteral("://"), QStringLiteral("-"));
    id.replace(u':', u'-');
    id.replace(u'/', u'_');
    return QStringLiteral("py-") + id;
}

} // namespace mas
