// SPDX-License-Identifier: MIT
// A handler that throws, or answers with an error, in a system of one's own: the message is
// answered with a failure that carries the error text, shown as such in the views and the log,
// its sender hears of it, and the system and the Inspector keep running.

#include "models/eventstore.h"
#include "views/sequencediagramview.h"
#include "widgets/inspectorwindow.h"

#include <mas/agent/agentregistry.h>
#include <mas/system/system.h>
#include <mas/system/systemagent.h>
#include <mas/transport/localqueue.h>

#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>

using namespace mas;
using namespace mas::ui;

namespace {

/// Pokes its peer three times when the system starts; its own poke handler throws for 1 and
/// answers 2 with an error value, and counts the others.
class Poker : public system::SystemAgent
{
    Q_OBJECT

public:
    Poker(Container *container, QString peer)
        : SystemAgent(container, 1)
        , m_peer(std::move(peer))
    {
        router().expose(QStringLiteral("poke"), this, &Poker::poke, {QStringLiteral("n")});
    }
    void begin() override
    {
        if (m_peer.isEmpty())
            return;
        for (int n : {1, 2, 3})
            send(m_peer, QStringLiteral("poke"), {Value(n)});
    }
    Result<bool> poke(qint64 n)
    {
        if (n == 1)
            throw std::runtime_error("poke 1 is not allowed");
        if (n == 2)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("poke 2 is refused"));
        ++m_pokes;
        changed();
        return true;
    }
    int pokes() const { return m_pokes; }
    Value::Map stateFields() const override { return {{Value("pokes"), Value(m_pokes)}}; }

private:
    QString m_peer;
    int m_pokes = 0;
};

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

} // namespace

class tst_HandlerFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_handlerfailure"));
        AgentType poker;
        poker.name = QStringLiteral("test.agents:Poker");
        poker.description = QStringLiteral("Pokes its peer");
        poker.signature = QStringLiteral("(peer)");
        poker.create = [](Container *c, const Value::List &args, const Value::Map &kwargs) -> Result<Agent *> {
            MAS_TRY(peer, argumentAt<QString>(QStringLiteral("Poker"), args, kwargs, 0, QStringLiteral("peer")));
            return new Poker(c, peer);
        };
        QVERIFY(AgentRegistry::global().add(poker));
    }
    void failuresAreShownAndTheSystemRunsOn();
};

void tst_HandlerFailure::failuresAreShownAndTheSystemRunsOn()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("pokes.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"containers": [
        {"name": "a", "agents": [{"name": "poker", "type": "test.agents:Poker", "args": ["@target"]}]},
        {"name": "b", "agents": [{"name": "target", "type": "test.agents:Poker", "args": [""]}]}]})");
    file.close();

    InspectorWindow window;
    window.show();
    QVERIFY2(window.openSystem(file.fileName()), "the system file opens");
    QSignalSpy lost(window.system(), &system::System::messageLost);
    await(window.runUntilIdle());
    QTRY_COMPARE_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount(), qsizetype(0), 5000);

    // The third poke got through: the system kept running after the two failures.
    auto *target = qobject_cast<Poker *>(window.system()->agents().at(1));
    QVERIFY(target);
    QCOMPARE(target->pokes(), 1);
    // Both failures travelled back with their error text, in the log ...
    QStringList failures;
    quint64 thrown = 0;
    for (const TrafficEvent &e : LocalNetwork::instance()->eventLog().events()) {
        if (e.kind == TrafficEvent::Kind::Sent && e.type == MessageType::Failure) {
            failures << e.content.toDisplayString(2000);
            if (e.content.toDisplayString(2000).contains(u"poke 1 is not allowed"))
                thrown = e.messageId;
        }
    }
    QCOMPARE(failures.size(), 2);
    QVERIFY2(failures.join(u'|').contains(u"poke 2 is refused"), qPrintable(failures.join(u'|')));
    QVERIFY(thrown != 0);
    // ... in the diagram (the arrow names the error) and in the table ...
    window.store()->flush();
    const QString label = window.sequenceView()->arrowLabel(thrown);
    QVERIFY2(label.startsWith(u"✗") && label.contains(u"poke 1 is not allowed"), qPrintable(label));
    QAbstractItemModel *table = window.messageTable()->model();
    int shown = 0;
    for (int column = 0; column < table->columnCount(); ++column)
        shown += int(table->match(table->index(0, column), Qt::DisplayRole, QStringLiteral("poke 1 is not allowed"), -1,
                                  Qt::MatchContains)
                         .size());
    QVERIFY2(shown > 0, "the table shows the error text");
    // ... and the sender heard of both (its messages were lost, with the error).
    QCOMPARE(lost.count(), 2);
    QStringList errors;
    for (const QList<QVariant> &signal : lost)
        errors << signal.at(3).value<Error>().toString(); // with the peer's traceback
    QVERIFY2(errors.join(u'|').contains(u"poke 1 is not allowed"), qPrintable(errors.join(u'|')));
    // The window still steps: a fresh system of the same file runs again.
    QVERIFY(window.openSystem(file.fileName()));
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
    QVERIFY(window.stepOnce());
}

QTEST_MAIN(tst_HandlerFailure)
#include "tst_handlerfailure.moc"
