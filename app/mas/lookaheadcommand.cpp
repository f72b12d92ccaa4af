// SPDX-License-Identifier: MIT
#include "lookaheadcommand.h"

#include "console.h"
#include "pluginpaths.h"

#include <mas/system/lookahead.h>
#include <mas/system/session.h>
#include <mas/system/systemfile.h>

#include <QCoro/QCoroSignal>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <cstdio>
#include <deque>
#include <memory>
#include <optional>

#include <unistd.h>

namespace mas::cli {

namespace {

// The texts of the look-ahead (lupdate files tr() calls of free functions only under a class).
struct LookAheadCommand
{
    Q_DECLARE_TR_FUNCTIONS(LookAheadCommand)
};

void writeLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void writeEnd(quint64 request, const QString &end, const QString &error, qint64 ms)
{
    QJsonObject o;
    o.insert(QStringLiteral("request"), QString::number(request));
    o.insert(QStringLiteral("end"), end);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("ms"), ms);
    writeLine(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

/// The system a session's run was made by, and its run.
struct Prepared
{
    mas::system::SystemType type;
    mas::system::Session session;
};

Result<Prepared> prepare(const QString &sessionFile)
{
    Result<mas::system::Session> session = mas::system::Session::load(sessionFile);
    if (!session)
        return session.error();
    if (!session->processes.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     LookAheadCommand::tr("The look-ahead cannot search Python programs"));
    Prepared prepared;
    if (!session->systemFile.isEmpty()) {
        Result<mas::system::SystemFile> file = mas::system::SystemFile::load(session->systemFile);
        if (!file)
            return file.error();
        MAS_TRY_VOID(file->loadPlugins());
        MAS_TRY_VOID(file->check());
        if (!file->processes.isEmpty())
            return Error(ErrorCode::InvalidArgument,
                         LookAheadCommand::tr("The look-ahead cannot search Python programs"));
        prepared.type = file->systemType();
    } else if (const mas::system::SystemType *type = mas::system::SystemRegistry::global().find(session->demo)) {
        prepared.type = *type;
    } else {
        return Error(ErrorCode::InvalidArgument,
                     LookAheadCommand::tr("Unknown system \"%1\"").arg(session->demo));
    }
    prepared.session = std::move(*session);
    return prepared;
}

struct Request
{
    quint64 id = 0;
    int depth = 0;
    QString file;
};

/// The child of a window: searches each request it reads on standard input, the latest first.
class Server : public QObject
{
    Q_OBJECT

public:
    Server()
        : m_notifier(STDIN_FILENO, QSocketNotifier::Read)
    {
        connect(&m_notifier, &QSocketNotifier::activated, this, &Server::readInput);
    }

Q_SIGNALS:
    void finished();

private:
    void readInput()
    {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            // The window went (or closed our input): stop what runs, then exit.
            m_notifier.setEnabled(false);
            m_inputEnded = true;
            m_next.reset();
            if (m_current)
                m_current->cancel();
            else
                Q_EMIT finished();
            return;
        }
        m_input.append(buffer, n);
        for (;;) {
            const qsizetype end = m_input.indexOf('\n');
            if (end < 0)
                break;
            const QByteArray line = m_input.left(end).trimmed();
            m_input.remove(0, end + 1);
            handle(line);
        }
    }

    void handle(const QByteArray &line)
    {
        if (line.isEmpty())
            return;
        if (line == "cancel") {
            m_next.reset();
            if (m_current)
                m_current->cancel();
            return;
        }
        const QList<QByteArray> parts = line.split(' ');
        bool idOk = false, depthOk = false;
        Request request;
        if (parts.size() >= 3) {
            request.id = parts[0].toULongLong(&idOk);
            request.depth = parts[1].toInt(&depthOk);
            request.file = QString::fromUtf8(line.mid(parts[0].size() + parts[1].size() + 2));
        }
        if (!idOk || !depthOk || request.depth < 1) {
            err() << "mas explore: "
                  << LookAheadCommand::tr("the look-ahead expects \"REQUEST K SESSION-FILE\" lines, not \"%1\"")
                         .arg(QString::fromUtf8(line.left(200)))
                  << Qt::endl;
            return;
        }
        // Only the latest request counts: the one before is cancelled, one waiting is replaced.
        if (m_next)
            writeEnd(m_next->id, QStringLiteral("cancelled"), QString(), 0);
        m_next = request;
        if (m_current)
            m_current->cancel();
        else
            startNext();
    }

    void startNext()
    {
        if (!m_next) {
            if (m_inputEnded)
                Q_EMIT finished();
            return;
        }
        const Request request = *m_next;
        m_next.reset();
        Result<Prepared> prepared = prepare(request.file);
        if (!prepared) {
            writeEnd(request.id, QStringLiteral("failed"), prepared.error().message(), 0);
            startNext();
            return;
        }
        mas::system::LookAheadOptions options;
        options.depth = request.depth;
        m_current = std::make_unique<mas::system::LookAhead>(prepared->type, prepared->session.parameters,
                                                             prepared->session.log, options);
        m_currentId = request.id;
        m_timer.start();
        const quint64 id = request.id;
        QCoro::connect(m_current->run([id](const mas::system::LookAheadMark &mark) { writeLine(mark.toJson(id)); }),
                       this, [this, id](const Result<std::vector<mas::system::LookAheadMark>> &result) {
                           const bool cancelled = m_current && m_current->isCancelled();
                           if (!result)
                               writeEnd(id, QStringLiteral("failed"), result.error().message(), m_timer.elapsed());
                           else
                               writeEnd(id, cancelled ? QStringLiteral("cancelled") : QStringLiteral("done"), QString(),
                                        m_timer.elapsed());
                           m_current.reset();
                           startNext();
                       });
    }

    QSocketNotifier m_notifier;
    QByteArray m_input;
    std::optional<Request> m_next;
    std::unique_ptr<mas::system::LookAhead> m_current;
    quint64 m_currentId = 0;
    QElapsedTimer m_timer;
    bool m_inputEnded = false;
};

} // namespace

bool isLookAheadCommand(const QStringList &arguments)
{
    for (const QString &argument : arguments) {
        if (argument == u"--lookahead-serve" || argument == u"--lookahead" || argument.startsWith(u"--lookahead="))
            return true;
    }
    return false;
}

QCoro::Task<int> runLookAheadCommand(QStringList arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(LookAheadCommand::tr(
        "The look-ahead of MAS Inspector: for every message pending where a run ends, whether delivering it\n"
        "next leads to a violation of an invariant within K steps (with the shortest such continuation),\n"
        "is safe for every order within K steps, or is not known. One JSON line per message, then an end line.\n\n"
        "  mas explore --lookahead 6 --session run.massession\n"
        "  mas explore --lookahead-serve     (reads \"REQUEST K SESSION-FILE\" lines; a new one cancels the search)"));
    parser.addHelpOption();
    const QCommandLineOption lookahead(QStringLiteral("lookahead"),
                                       LookAheadCommand::tr("Look K steps ahead (the first delivery included)."),
                                       QStringLiteral("K"));
    const QCommandLineOption serve(QStringLiteral("lookahead-serve"),
                                   LookAheadCommand::tr("Search each request read on standard input."));
    const QCommandLineOption session(QStringLiteral("session"),
                                     LookAheadCommand::tr("The run to look ahead from (a session file)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption pluginPath(QStringLiteral("plugin-path"),
                                        LookAheadCommand::tr("Load the system plug-ins in DIR (repeatable)."),
                                        QStringLiteral("DIR"));
    parser.addOptions({lookahead, serve, session, pluginPath});
    if (!parser.parse(arguments)) {
        err() << "mas explore: " << parser.errorText() << Qt::endl;
        co_return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        co_return 0;
    }
    if (Result<void> loaded = mas::app::loadSystemPlugins(parser.values(pluginPath)); !loaded) {
        err() << "mas explore: " << loaded.error().message() << Qt::endl;
        co_return 2;
    }
    if (parser.isSet(serve)) {
        Server server;
        co_await qCoro(&server, &Server::finished);
        co_return 0;
    }
    bool ok = false;
    const int depth = parser.value(lookahead).toInt(&ok);
    if (!ok || depth < 1 || !parser.isSet(session)) {
        err() << "mas explore: "
              << LookAheadCommand::tr("--lookahead expects K >= 1 and --session FILE, e.g. --lookahead 6 --session "
                                      "run.massession")
              << Qt::endl;
        co_return 2;
    }
    Result<Prepared> prepared = prepare(parser.value(session));
    if (!prepared) {
        err() << "mas explore: " << prepared.error().message() << Qt::endl;
        co_return 2;
    }
    QElapsedTimer timer;
    timer.start();
    mas::system::LookAheadOptions options;
    options.depth = depth;
    mas::system::LookAhead search(prepared->type, prepared->session.parameters, prepared->session.log, options);
    Result<std::vector<mas::system::LookAheadMark>> marks =
        co_await search.run([](const mas::system::LookAheadMark &mark) { writeLine(mark.toJson(1)); });
    if (!marks) {
        writeEnd(1, QStringLiteral("failed"), marks.error().message(), timer.elapsed());
        err() << "mas explore: " << marks.error().message() << Qt::endl;
        co_return 2;
    }
    writeEnd(1, QStringLiteral("done"), QString(), timer.elapsed());
    co_return 0;
}

} // namespace mas::cli

#include "lookaheadcommand.moc"
