// SPDX-License-Identifier: MIT
// The Inspector's reusable models and widgets: the event table and its filter over synthetic
// events, the pending-messages and agent-tree models over real containers on a stepped
// LocalQueue, the message details widget and the clock panel driven through their buttons.
// Every model runs under QAbstractItemModelTester. Screenshots go to /tmp/panel-*.png.

#include "models/agenttreemodel.h"
#include "models/eventstore.h"
#include "models/eventtablemodel.h"
#include "models/pendingmodel.h"
#include "models/plumbingfilter.h"
#include "widgets/clockpanel.h"
#include "widgets/messagedetailswidget.h"

#include <mas/agent/agent.h>
#include <mas/agent/container.h>
#include <mas/clock/clock.h>
#include <mas/transport/framing.h>
#include <mas/transport/localqueue.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QCoro/QCoroTask>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace mas;
using namespace mas::ui;
using namespace std::chrono_literals;

namespace {

const QDateTime kStart(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC);
constexpr auto kTesterMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

/// Lets posted events (coroutine resumptions, coalesced refreshes) run.
void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

TrafficEvent makeEvent(quint64 sequence,
                     TrafficEvent::Kind kind,
                     quint64 messageId,
                     const QString &from,
                     const QString &to,
                     const QString &path = {},
                     const Value &content = {},
                     MessageType type = MessageType::Request)
{
    TrafficEvent e;
    e.sequence = sequence;
    e.kind = kind;
    e.simTime = double(sequence) / 2;
    e.wallTimeMs = 1'700'000'000'000 + qint64(sequence);
    e.messageId = messageId;
    e.connection = 1;
    e.from = from;
    e.to = to;
    e.type = type;
    e.requestId = messageId > 0 ? qint64(messageId) - 1 : -1;
    e.path = path;
    e.size = messageId > 0 ? 40 + qsizetype(sequence) : 0;
    e.content = content;
    return e;
}

/// A small run: a connection, a request and its reply (dropped), a greeting, a clock change.
std::vector<TrafficEvent> sampleRun()
{
    using Kind = TrafficEvent::Kind;
    const QString a = QStringLiteral("local://a/");
    const QString b = QStringLiteral("local://b/");
    const Value bid = Value::list({"agents/0/bid", Value::list({42}), Value::map()});
    const Value greet = Value::list({"agents/1/Greet", Value::list({"Hello World"}), Value::map()});
    return {
        makeEvent(0, Kind::Connected, 0, a, b),
        makeEvent(1, Kind::Sent, 1, a, b + u'0', QStringLiteral("agents/0/bid"), bid),
        makeEvent(2, Kind::Delivered, 1, a, b + u'0', QStringLiteral("agents/0/bid"), bid),
        makeEvent(3, Kind::Sent, 2, b, a, QStringLiteral("agents/0/bid"), Value(84),
                  MessageType::Result),
        makeEvent(4, Kind::Dropped, 2, b, a, QStringLiteral("agents/0/bid"), Value(84),
                  MessageType::Result),
        makeEvent(5, Kind::Sent, 3, a, QStringLiteral("local://c/1"),
                  QStringLiteral("agents/1/Greet"), greet),
        makeEvent(6, Kind::Delivered, 3, a, QStringLiteral("local://c/1"),
                  QStringLiteral("agents/1/Greet"), greet),
        makeEvent(7, Kind::ClockChanged, 0, QString(), QString()),
    };
}

QList<quint64> sequences(const QAbstractItemModel &model)
{
    QList<quint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, EventTableModel::SequenceColumn)
                      .data(EventTableModel::SortRole)
                      .toULongLong();
    return result;
}

class Echo : public Agent
{
public:
    explicit Echo(Container *c)
        : Agent(c)
    {
        router().expose(QStringLiteral("echo"), [](const Value &v) { return v; },
                        {QStringLiteral("value")});
    }
};

/// Calls echo(value) on another agent.
class Pinger : public Agent
{
public:
    using Agent::Agent;
    QCoro::Task<Result<Value>> ping(QString url, Value value)
    {
        Result<rpc::Proxy> peer = co_await connectTo(url);
        if (!peer)
            co_return peer.error();
        co_return co_await (*peer)[QStringLiteral("echo")](value);
    }
};

QString firstLine(const QString &text)
{
    return text.section(u'\n', 0, 0);
}

bool saveGrab(QWidget *widget, const QString &fileName)
{
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget))
        return false;
    settle();
    return widget->grab().save(fileName);
}

} // namespace

class tst_Models : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { LocalQueue::clearCache(); }
    void cleanup() { LocalQueue::clearCache(); }

    void eventTableAppendsInBatches();
    void eventTableRoles();
    void eventTableResets();
    void replacedLogFreedOverTurns();
    void eventFilter_data();
    void eventFilter();
    void eventFilterSearchesWholeContent();
    void eventFilterSorts();
    void pendingFollowsSteppedQueue();
    void pendingReordersWithoutReset();
    void agentTreeFollowsContainers();
    void messageDetailsShowsStructureAndBytes();
    void messageDetailsShowsPendingFrame();
    void clockPanelButtons();
    void clockPanelWithoutClock();
};

// --- EventTableModel ---------------------------------------------------------------------------

void tst_Models::eventTableAppendsInBatches()
{
    EventStore store;
    EventTableModel model(&store);
    QAbstractItemModelTester tester(&model, kTesterMode);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    const std::vector<TrafficEvent> run = sampleRun();
    for (const TrafficEvent &e : run)
        store.append(e);
    QCOMPARE(model.rowCount(), 0); // nothing announced yet
    store.flush();
    QCOMPARE(model.rowCount(), int(run.size()));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), int(run.size()) - 1);

    // A burst arrives as one batch from the event loop.
    inserted.clear();
    for (int i = 0; i < 500; ++i)
        store.append(makeEvent(quint64(8 + i), TrafficEvent::Kind::Sent, quint64(10 + i),
                               QStringLiteral("local://a/"), QStringLiteral("local://b/0"),
                               QStringLiteral("agents/0/bid"), Value(i)));
    QVERIFY(inserted.wait(2000));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), int(run.size()) + 500);
    QCOMPARE(model.rowOfMessage(3), 5);
    QCOMPARE(model.rowOfMessage(10), 8);
    QCOMPARE(model.rowOfMessage(999999), -1);
}

void tst_Models::eventTableRoles()
{
    EventStore store;
    store.setEvents(sampleRun());
    EventTableModel model(&store);
    QAbstractItemModelTester tester(&model, kTesterMode);
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));
    QCOMPARE(model.headerData(EventTableModel::KindColumn, Qt::Horizontal).toString(),
             QStringLiteral("Event"));
    QCOMPARE(model.headerData(EventTableModel::SequenceColumn, Qt::Horizontal).toString(),
             QStringLiteral("#"));
    // the # column numbers events; its tooltip tells it from a message's id
    QVERIFY(model.headerData(EventTableModel::SequenceColumn, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Message id")));

    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(1, EventTableModel::SequenceColumn).toString(), QStringLiteral("1"));
    QCOMPARE(cell(1, EventTableModel::TimeColumn).toString(), QStringLiteral("0.5"));
    QCOMPARE(cell(1, EventTableModel::KindColumn).toString(), QStringLiteral("Sent"));
    QCOMPARE(cell(1, EventTableModel::TypeColumn).toString(), QStringLiteral("request"));
    // Addresses shown short (as the diagram's lanes), whole in the tooltip and the full text.
    QCOMPARE(cell(1, EventTableModel::FromColumn).toString(), QStringLiteral("a"));
    QCOMPARE(cell(1, EventTableModel::ToColumn).toString(), QStringLiteral("b/0"));
    QCOMPARE(cell(1, EventTableModel::FromColumn, EventTableModel::FullTextRole).toString(), QStringLiteral("local://a/"));
    QCOMPARE(cell(1, EventTableModel::ToColumn, Qt::ToolTipRole).toString(), QStringLiteral("local://b/0"));
    QCOMPARE(cell(1, EventTableModel::PathColumn).toString(), QStringLiteral("agents/0/bid"));
    QCOMPARE(cell(1, EventTableModel::SizeColumn).toString(), QStringLiteral("41 bytes"));
    QCOMPARE(cell(1, EventTableModel::ContentColumn).toString(),
             QStringLiteral(R"(["agents/0/bid", [42], {}])"));
    QCOMPARE(cell(3, EventTableModel::TypeColumn).toString(), QStringLiteral("result"));
    QCOMPARE(cell(4, EventTableModel::KindColumn).toString(), QStringLiteral("Dropped"));
    QCOMPARE(cell(7, EventTableModel::KindColumn).toString(), QStringLiteral("Clock set"));
    QCOMPARE(cell(7, EventTableModel::TypeColumn).toString(), QString()); // not a message
    QCOMPARE(cell(0, EventTableModel::SizeColumn).toString(), QString());

    QCOMPARE(cell(2, 0, EventTableModel::MessageIdRole).toULongLong(), 1u);
    QCOMPARE(cell(0, 0, EventTableModel::MessageIdRole).toULongLong(), 0u);
    QCOMPARE(cell(4, 0, EventTableModel::KindRole).toInt(), int(TrafficEvent::Kind::Dropped));
    QCOMPARE(cell(4, 0, EventTableModel::EventIndexRole).toLongLong(), 4);
    QVERIFY(cell(4, EventTableModel::KindColumn, Qt::StatusTipRole)
                .toString()
                .contains(QStringLiteral("discarded")));
    QCOMPARE(cell(4, EventTableModel::KindColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("Dropped"));
    QCOMPARE(cell(4, EventTableModel::SizeColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("44 bytes"));
    QCOMPARE(cell(4, EventTableModel::FromColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("local://b/"));

    // The Message column: method(args), a reply with the method it answers (its Sent event's
    // label on every row of the message); names for addresses once the store has them.
    QCOMPARE(cell(1, EventTableModel::MessageColumn).toString(), QStringLiteral("bid(42)"));
    QCOMPARE(cell(2, EventTableModel::MessageColumn).toString(), QStringLiteral("bid(42)"));
    QCOMPARE(cell(3, EventTableModel::MessageColumn).toString(), QStringLiteral("→ bid: 84"));
    QCOMPARE(cell(5, EventTableModel::MessageColumn).toString(), QStringLiteral("Greet(\"Hello World\")"));
    QCOMPARE(cell(0, EventTableModel::MessageColumn).toString(), QString()); // a connection
    QSignalSpy namesChanged(&model, &QAbstractItemModel::dataChanged);
    store.setDisplayNames({{QStringLiteral("local://b/0"), QStringLiteral("bidder")}});
    QCOMPARE(namesChanged.count(), 1);
    QCOMPARE(cell(1, EventTableModel::ToColumn).toString(), QStringLiteral("bidder"));
    QCOMPARE(cell(1, EventTableModel::ToColumn, Qt::StatusTipRole).toString(), QStringLiteral("local://b/0"));
    QCOMPARE(cell(1, EventTableModel::FromColumn).toString(), QStringLiteral("a")); // no name: its short address
    store.setDisplayNames({});

    // Hints by kind: every kind has a colour and a symbol; a drop colours its whole row.
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(
            cell(row, EventTableModel::KindColumn, Qt::ForegroundRole).value<QColor>().isValid());
        QVERIFY(
            !cell(row, EventTableModel::KindColumn, Qt::DecorationRole).value<QIcon>().isNull());
    }
    QCOMPARE(cell(4, EventTableModel::PathColumn, Qt::ForegroundRole).value<QColor>(),
             EventTableModel::kindColor(TrafficEvent::Kind::Dropped, QGuiApplication::palette()));
    QVERIFY(!cell(1, EventTableModel::PathColumn, Qt::ForegroundRole).isValid());
    QVERIFY(EventTableModel::kindColor(TrafficEvent::Kind::Delivered, QGuiApplication::palette())
            != EventTableModel::kindColor(TrafficEvent::Kind::Dropped, QGuiApplication::palette()));

    // Long content: the cell is elided, the tooltip and the full-text role are not.
    TrafficEvent big = makeEvent(8, TrafficEvent::Kind::Sent, 9, QStringLiteral("local://a/"),
                               QStringLiteral("local://b/0"), QStringLiteral("agents/0/store"));
    Value::List items;
    for (int i = 0; i < 100; ++i)
        items.push_back(Value(QStringLiteral("item-%1").arg(i)));
    big.content = Value(std::move(items));
    store.append(big);
    store.flush();
    const QString preview = cell(8, EventTableModel::ContentColumn).toString();
    QVERIFY(preview.size() <= model.previewLength());
    QVERIFY(preview.endsWith(QChar(0x2026)));
    QVERIFY(cell(8, EventTableModel::ContentColumn, EventTableModel::FullTextRole)
                .toString()
                .contains(QStringLiteral("\"item-99\"")));
    QVERIFY(cell(8, EventTableModel::ContentColumn, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("\"item-99\"")));

    // What a user sees in a table view.
    QTableView view;
    view.setModel(&model);
    view.resize(1000, 300);
    view.horizontalHeader()->setStretchLastSection(true);
    view.resizeColumnsToContents();
    QVERIFY(saveGrab(&view, QStringLiteral("/tmp/panel-events.png")));

    // A dark theme gets lighter colours (and new icons) for the same kinds.
    const QPalette light = QApplication::palette();
    QPalette dark = light;
    dark.setColor(QPalette::Window, QColor(0x2b2b2b));
    dark.setColor(QPalette::Base, QColor(0x1e1e1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x262626));
    dark.setColor(QPalette::Text, QColor(0xe0e0e0));
    dark.setColor(QPalette::WindowText, QColor(0xe0e0e0));
    dark.setColor(QPalette::Button, QColor(0x333333));
    dark.setColor(QPalette::ButtonText, QColor(0xe0e0e0));
    dark.setColor(QPalette::PlaceholderText, QColor(0x909090));
    const qint64 lightIcon =
        cell(2, EventTableModel::KindColumn, Qt::DecorationRole).value<QIcon>().cacheKey();
    QApplication::setPalette(dark);
    QVERIFY(cell(2, EventTableModel::KindColumn, Qt::ForegroundRole).value<QColor>().lightness()
            > 128);
    QVERIFY(cell(2, EventTableModel::KindColumn, Qt::DecorationRole).value<QIcon>().cacheKey()
            != lightIcon);
    QVERIFY(saveGrab(&view, QStringLiteral("/tmp/panel-events-dark.png")));
    QApplication::setPalette(light);
    QVERIFY(cell(2, EventTableModel::KindColumn, Qt::ForegroundRole).value<QColor>().lightness()
            < 128);
}

void tst_Models::eventTableResets()
{
    EventStore store;
    EventTableModel model(&store);
    QAbstractItemModelTester tester(&model, kTesterMode);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    store.setEvents(sampleRun());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 8);
    store.clear();
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);

    // Events appended before the store was set are taken at once, not twice.
    EventStore other;
    other.append(sampleRun().front());
    model.setStore(&other);
    QCOMPARE(model.rowCount(), 1);
    other.flush();
    QCOMPARE(model.rowCount(), 1);
    model.setStore(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void tst_Models::replacedLogFreedOverTurns()
{
    // A large log replaced (another opened, a reset) is freed a slice per turn of the event
    // loop, not in the turn that replaces it; the new one is there at once.
    QCOMPARE(EventStore::releasingEvents(), 0);
    std::vector<TrafficEvent> large;
    const std::vector<TrafficEvent> sample = sampleRun();
    for (quint64 i = 0; i < 200'000; ++i) {
        TrafficEvent e = sample[size_t(i % sample.size())];
        e.sequence = i;
        large.push_back(std::move(e));
    }
    EventStore store;
    EventTableModel model(&store);
    store.setEvents(std::move(large));
    QCOMPARE(model.rowCount(), 200'000);
    store.setEvents(sampleRun());
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(EventStore::releasingEvents(), 200'000); // none freed inside the call
    int turns = 0;
    qsizetype last = EventStore::releasingEvents();
    while (EventStore::releasingEvents() > 0 && turns < 1000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        const qsizetype now = EventStore::releasingEvents();
        QVERIFY2(last - now < 200'000, "freed in one go");
        if (now < last)
            ++turns;
        last = now;
    }
    QCOMPARE(EventStore::releasingEvents(), 0);
    QVERIFY2(turns >= 4, qPrintable(QString::number(turns)));
    QCOMPARE(model.rowCount(), 8);
    // A small log goes at once.
    store.clear();
    QCOMPARE(EventStore::releasingEvents(), 0);
}

// --- EventFilterModel --------------------------------------------------------------------------

void tst_Models::eventFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("participant");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QList<quint64>>("expected");

    const int all = EventFilterModel::AllEvents;
    QTest::addRow("no filter") << QString() << all << QString() << QString()
                               << QList<quint64>{0, 1, 2, 3, 4, 5, 6, 7};
    QTest::addRow("text ignores case")
        << QStringLiteral("GREET") << all << QString() << QString() << QList<quint64>{5, 6};
    QTest::addRow("text in content")
        << QStringLiteral("hello world") << all << QString() << QString() << QList<quint64>{5, 6};
    QTest::addRow("text in kind") << QStringLiteral("dropped") << all << QString() << QString()
                                  << QList<quint64>{4};
    QTest::addRow("text matches nothing")
        << QStringLiteral("zebra") << all << QString() << QString() << QList<quint64>{};
    QTest::addRow("sends") << QString() << int(EventFilterModel::Sends) << QString() << QString()
                           << QList<quint64>{1, 3, 5};
    QTest::addRow("deliveries") << QString() << int(EventFilterModel::Deliveries) << QString()
                                << QString() << QList<quint64>{2, 6};
    QTest::addRow("drops") << QString() << int(EventFilterModel::Drops) << QString() << QString()
                           << QList<quint64>{4};
    QTest::addRow("message events") << QString() << int(EventFilterModel::MessageEvents)
                                    << QString() << QString() << QList<quint64>{1, 2, 3, 4, 5, 6};
    QTest::addRow("participant: agent")
        << QString() << all << QStringLiteral("local://c/1") << QString() << QList<quint64>{5, 6};
    QTest::addRow("participant: container and its agents")
        << QString() << all << QStringLiteral("local://b/") << QString()
        << QList<quint64>{0, 1, 2, 3, 4};
    QTest::addRow("path: method name")
        << QString() << all << QString() << QStringLiteral("bid") << QList<quint64>{1, 2, 3, 4};
    QTest::addRow("path: exact") << QString() << all << QString()
                                 << QStringLiteral("agents/1/Greet") << QList<quint64>{5, 6};
    QTest::addRow("path: wildcard") << QString() << all << QString()
                                    << QStringLiteral("agents/*/bid") << QList<quint64>{1, 2, 3, 4};
    QTest::addRow("path: partial method name")
        << QString() << all << QString() << QStringLiteral("id") << QList<quint64>{};
    QTest::addRow("combined: deliveries to b")
        << QString() << int(EventFilterModel::Deliveries) << QStringLiteral("local://b/")
        << QString() << QList<quint64>{2};
    QTest::addRow("combined: text and kind") << QStringLiteral("84") << int(EventFilterModel::Sends)
                                             << QString() << QString() << QList<quint64>{3};
}

void tst_Models::eventFilter()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, participant);
    QFETCH(QString, path);
    QFETCH(QList<quint64>, expected);

    EventStore store;
    store.setEvents(sampleRun());
    EventTableModel model(&store);
    EventFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, kTesterMode);
    QSignalSpy changed(&filter, &EventFilterModel::filterChanged);

    filter.setFilterText(text);
    filter.setKindFilter(EventFilterModel::KindFilter(kind));
    filter.setParticipant(participant);
    filter.setPathFilter(path);
    QCOMPARE(sequences(filter), expected);

    // New events are filtered as they arrive.
    store.append(makeEvent(8, TrafficEvent::Kind::Delivered, 2, QStringLiteral("local://b/"),
                           QStringLiteral("local://a/"), QStringLiteral("agents/0/bid"), Value(84),
                           MessageType::Result));
    store.flush();
    QCOMPARE(model.rowCount(), 9);

    filter.clearFilters();
    QCOMPARE(filter.rowCount(), 9);
    QVERIFY(changed.count() >= 1);
}

void tst_Models::eventFilterSearchesWholeContent()
{
    EventStore store;
    EventTableModel model(&store);
    model.setPreviewLength(20);
    EventFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, kTesterMode);
    store.append(makeEvent(
        0, TrafficEvent::Kind::Sent, 1, QStringLiteral("local://a/"), QStringLiteral("local://b/0"),
        QStringLiteral("agents/0/store"),
        Value::list({"agents/0/store", Value::list({QString(200, u'x') + QStringLiteral(" Needle")}),
                     Value::map()})));
    store.flush();
    QVERIFY(!model.index(0, EventTableModel::ContentColumn)
                 .data()
                 .toString()
                 .contains(QStringLiteral("Needle")));
    filter.setFilterText(QStringLiteral("needle"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setFilterText(QStringLiteral("haystack"));
    QCOMPARE(filter.rowCount(), 0);
}

void tst_Models::eventFilterSorts()
{
    EventStore store;
    store.setEvents(sampleRun());
    EventTableModel model(&store);
    EventFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, kTesterMode);
    filter.sort(EventTableModel::SequenceColumn, Qt::DescendingOrder);
    QCOMPARE(sequences(filter), (QList<quint64>{7, 6, 5, 4, 3, 2, 1, 0}));
    // Sizes sort as numbers, not as text ("9 bytes" < "10 bytes").
    filter.setKindFilter(EventFilterModel::MessageEvents);
    filter.sort(EventTableModel::SizeColumn, Qt::AscendingOrder);
    QCOMPARE(sequences(filter), (QList<quint64>{1, 2, 3, 4, 5, 6}));
}

// --- PendingMessagesModel ----------------------------------------------------------------------

void tst_Models::pendingFollowsSteppedQueue()
{
    std::unique_ptr<Container> q1(
        Container::createNow(Address::local(QStringLiteral("q1"))).value());
    std::unique_ptr<Container> q2(
        Container::createNow(Address::local(QStringLiteral("q2"))).value());
    auto *pinger = new Pinger(q1.get());
    auto *echo = new Echo(q2.get());
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);

    PendingMessagesModel model;
    QAbstractItemModelTester tester(&model, kTesterMode);
    model.setQueue(LocalQueue::get(QStringLiteral("q1")));
    QCOMPARE(model.queue(), LocalQueue::find(QStringLiteral("q1")));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.headerData(PendingMessagesModel::PathColumn, Qt::Horizontal).toString(),
             QStringLiteral("Path"));

    std::optional<Result<Value>> result;
    QObject context;
    QCoro::connect(pinger->ping(echo->address(), Value(QStringLiteral("marco"))), &context,
                   [&](Result<Value> r) { result = std::move(r); });

    // The connect's validate_aid request waits in the queue.
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    // A container with a single agent speaks for it.
    QCOMPARE(cell(0, PendingMessagesModel::FromColumn).toString(), QStringLiteral("q1/0"));
    QCOMPARE(cell(0, PendingMessagesModel::ToColumn).toString(), QStringLiteral("q2/0"));
    QCOMPARE(cell(0, PendingMessagesModel::FromColumn, Qt::ToolTipRole).toString(), QStringLiteral("local://q1/0"));
    QCOMPARE(cell(0, PendingMessagesModel::ToColumn, Qt::ToolTipRole).toString(), QStringLiteral("local://q2/0"));
    QCOMPARE(cell(0, PendingMessagesModel::TypeColumn).toString(), QStringLiteral("request"));
    QCOMPARE(cell(0, PendingMessagesModel::PathColumn).toString(), QStringLiteral("validate_aid"));
    QCOMPARE(cell(0, PendingMessagesModel::MessageColumn).toString(), QStringLiteral("validate_aid(\"0\")"));
    QCOMPARE(cell(0, 0, PendingMessagesModel::MessageIdRole).toULongLong(),
             net->pendingMessages().first().id);
    {
        // The teaching view hides the lookup; showing plumbing brings it back; names replace
        // addresses.
        EventStore names;
        PlumbingFilter filter(&names);
        model.setPlumbingFilter(&filter);
        QCOMPARE(model.rowCount(), 0);
        filter.setHiddenClasses({});
        QCOMPARE(model.rowCount(), 1);
        names.setDisplayNames({{QStringLiteral("local://q1/0"), QStringLiteral("pinger")}});
        QCOMPARE(cell(0, PendingMessagesModel::FromColumn).toString(), QStringLiteral("pinger"));
        QCOMPARE(cell(0, PendingMessagesModel::FromColumn, Qt::ToolTipRole).toString(), QStringLiteral("local://q1/0"));
        model.setPlumbingFilter(nullptr);
        QCOMPARE(model.rowCount(), 1);
    }
    QCOMPARE(cell(0, PendingMessagesModel::IdColumn).toString(),
             QString::number(net->pendingMessages().first().id));
    QCOMPARE(model.message(0)->frame, net->pendingMessages().first().frame);
    QVERIFY(cell(0, PendingMessagesModel::PathColumn, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("validate_aid")));

    // Step by step until the reply arrives; after each turn of the event loop the rows are the
    // queue's pending frames, in order.
    QStringList seenPaths;
    int steps = 0;
    while (!result && steps < 20) {
        if (net->pendingCount() > 0) {
            const quint64 next = net->pendingMessages().first().id;
            QVERIFY(net->step());
            ++steps;
            // Coalesced: the model still shows the delivered frame until the event loop turns.
            QCOMPARE(cell(0, 0, PendingMessagesModel::MessageIdRole).toULongLong(), next);
        }
        settle();
        const QList<PendingMessage> pending = net->pendingMessages();
        QCOMPARE(model.rowCount(), int(pending.size()));
        for (int row = 0; row < pending.size(); ++row) {
            QCOMPARE(cell(row, 0, PendingMessagesModel::MessageIdRole).toULongLong(),
                     pending[row].id);
            seenPaths << cell(row, PendingMessagesModel::PathColumn).toString();
        }
    }
    QVERIFY(result.has_value());
    QVERIFY2(*result, qPrintable(result->error().toString()));
    QCOMPARE(result->value(), Value(QStringLiteral("marco")));
    QCOMPARE(steps, 4); // validate_aid, its reply, echo, its reply
    QVERIFY(seenPaths.contains(QStringLiteral("agents/0/echo")));
    QCOMPARE(model.rowCount(), 0);

    // Many changes in one turn cost one refresh.
    QSignalSpy refreshed(&model, &PendingMessagesModel::refreshed);
    QSignalSpy pendingChanged(net, &LocalNetwork::pendingChanged);
    result.reset();
    QCoro::connect(pinger->ping(echo->address(), Value(1)), &context,
                   [&](Result<Value> r) { result = std::move(r); });
    QCoro::connect(pinger->ping(echo->address(), Value(2)), &context,
                   [&](Result<Value> r) { result = std::move(r); });
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 5000);
    refreshed.clear();
    pendingChanged.clear();
    QVERIFY(net->step());
    QVERIFY(net->step());
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(pendingChanged.count() >= 2);
    QVERIFY(refreshed.wait(1000));
    QCOMPARE(refreshed.count(), 1);

    // Without a queue (or when the queues are cleared) nothing is pending.
    model.setQueue(nullptr);
    QCOMPARE(model.rowCount(), 0);
    model.setQueue(LocalQueue::get(QStringLiteral("q1")));
    QVERIFY(model.rowCount() > 0);
    net->setMode(LocalNetwork::Mode::FreeRunning);
    q1.reset();
    q2.reset();
    LocalQueue::clearCache();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 2000);
    QCOMPARE(model.queue(), nullptr);
}

void tst_Models::pendingReordersWithoutReset()
{
    std::unique_ptr<Container> q1(
        Container::createNow(Address::local(QStringLiteral("q1"))).value());
    std::unique_ptr<Container> q2(
        Container::createNow(Address::local(QStringLiteral("q2"))).value());
    std::unique_ptr<Container> q3(
        Container::createNow(Address::local(QStringLiteral("q3"))).value());
    auto *p1 = new Pinger(q1.get());
    auto *p3 = new Pinger(q3.get());
    auto *echo = new Echo(q2.get());
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);

    PendingMessagesModel model;
    QAbstractItemModelTester tester(&model, kTesterMode);
    model.setQueue(LocalQueue::get(QStringLiteral("q1")));
    QObject context;
    QCoro::connect(p1->ping(echo->address(), Value(1)), &context, [](Result<Value>) {});
    QCoro::connect(p3->ping(echo->address(), Value(3)), &context, [](Result<Value>) {});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 5000);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const quint64 first = model.index(0, 0).data(PendingMessagesModel::MessageIdRole).toULongLong();
    const quint64 second =
        model.index(1, 0).data(PendingMessagesModel::MessageIdRole).toULongLong();
    QPersistentModelIndex selected(model.index(0, PendingMessagesModel::PathColumn));

    // delay: the first frame moves behind the second; a selection stays on it
    QVERIFY(net->delay(first));
    settle();
    QCOMPARE(model.index(0, 0).data(PendingMessagesModel::MessageIdRole).toULongLong(), second);
    QCOMPARE(model.index(1, 0).data(PendingMessagesModel::MessageIdRole).toULongLong(), first);
    QCOMPARE(selected.row(), 1);
    QCOMPARE(selected.column(), int(PendingMessagesModel::PathColumn));

    // duplicate: a copy appears; drop: it goes
    const Result<quint64> copy = net->duplicate(second);
    QVERIFY(copy);
    settle();
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.rowOfMessage(*copy) >= 0);
    QVERIFY(net->drop(*copy));
    settle();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOfMessage(*copy), -1);
    QCOMPARE(selected.row(), model.rowOfMessage(first));
    QCOMPARE(reset.count(), 0);

    net->setMode(LocalNetwork::Mode::FreeRunning);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 5000);
}

// --- AgentTreeModel ----------------------------------------------------------------------------

void tst_Models::agentTreeFollowsContainers()
{
    std::unique_ptr<Container> q1(
        Container::createNow(Address::local(QStringLiteral("q1"))).value());
    std::unique_ptr<Container> q2(
        Container::createNow(Address::local(QStringLiteral("q2"))).value());
    auto *pinger = new Pinger(q1.get());
    auto *echo = new Echo(q2.get());
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);

    AgentTreeModel model;
    QAbstractItemModelTester tester(&model, kTesterMode);
    model.addContainer(q1.get());
    model.addContainer(q2.get());
    model.addContainer(q1.get()); // twice: no effect
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.containers(), (QList<Container *>{q1.get(), q2.get()}));
    settle(); // agentAdded() for agents the model already took

    const QModelIndex c1 = model.containerIndex(q1.get());
    QCOMPARE(c1.row(), 0);
    QCOMPARE(model.rowCount(c1), 1);
    QCOMPARE(c1.data().toString(), QStringLiteral("local://q1/"));
    QCOMPARE(model.index(0, AgentTreeModel::TypeColumn).data().toString(),
             QStringLiteral("Container"));
    QCOMPARE(c1.data(AgentTreeModel::AgentCountRole).toInt(), 1);
    QCOMPARE(model.container(c1), q1.get());
    QCOMPARE(model.agent(c1), nullptr);

    const QModelIndex a0 = model.index(0, AgentTreeModel::NameColumn, c1);
    QCOMPARE(a0.data().toString(), QStringLiteral("0"));
    QCOMPARE(model.index(0, AgentTreeModel::TypeColumn, c1).data().toString(), pinger->typeName());
    QCOMPARE(model.index(0, AgentTreeModel::DetailsColumn, c1).data().toString(),
             QStringLiteral("local://q1/0"));
    QCOMPARE(a0.data(AgentTreeModel::AgentRole).value<Agent *>(), pinger);
    QCOMPARE(model.agent(a0), pinger);
    QCOMPARE(model.container(a0), q1.get());
    QCOMPARE(model.parent(a0), c1);
    QCOMPARE(model.agentIndex(echo), model.index(0, 0, model.containerIndex(q2.get())));
    QCOMPARE(a0.data(Qt::ToolTipRole).toString(), pinger->toString());

    // agents come and go
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    auto *second = new Echo(q1.get());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(c1), 2, 2000);
    QCOMPARE(inserted.last().at(0).value<QModelIndex>(), c1);
    QCOMPARE(model.index(1, AgentTreeModel::NameColumn, c1).data().toString(), QStringLiteral("1"));
    QCOMPARE(c1.data(AgentTreeModel::AgentCountRole).toInt(), 2);
    QVERIFY(c1.siblingAtColumn(AgentTreeModel::DetailsColumn)
                .data()
                .toString()
                .contains(QStringLiteral("agents: 2")));
    QVERIFY(q1->removeAgent(second));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(c1), 1, 2000);

    // connections: q1 calls q2 over the stepped queue
    QCOMPARE(c1.data(AgentTreeModel::OutgoingConnectionsRole).toInt(), 0);
    std::optional<Result<Value>> result;
    QObject context;
    QCoro::connect(pinger->ping(echo->address(), Value(7)), &context,
                   [&](Result<Value> r) { result = std::move(r); });
    for (int steps = 0; !result && steps < 50; ++steps) {
        if (net->pendingCount() > 0)
            QVERIFY(net->step());
        settle();
    }
    QVERIFY(result && *result);
    QTRY_COMPARE_WITH_TIMEOUT(c1.data(AgentTreeModel::OutgoingConnectionsRole).toInt(), 1, 2000);
    const QModelIndex c2 = model.containerIndex(q2.get());
    QTRY_COMPARE_WITH_TIMEOUT(c2.data(AgentTreeModel::IncomingConnectionsRole).toInt(), 1, 2000);
    QVERIFY(c2.siblingAtColumn(AgentTreeModel::DetailsColumn)
                .data()
                .toString()
                .contains(QStringLiteral("connections: 1")));

    // containers go: removed, destroyed, cleared
    QVERIFY(model.removeContainer(q2.get()));
    QVERIFY(!model.removeContainer(q2.get()));
    QCOMPARE(model.rowCount(), 1);
    model.addContainer(q2.get());
    QCOMPARE(model.rowCount(), 2);
    net->setMode(LocalNetwork::Mode::FreeRunning);
    q1.reset();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("local://q2/"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

// --- MessageDetailsWidget ----------------------------------------------------------------------

void tst_Models::messageDetailsShowsStructureAndBytes()
{
    MessageDetailsWidget details;
    QCOMPARE(details.messageId(), 0u);
    QCOMPARE(details.contentTree()->topLevelItemCount(), 0);

    const Value content = Value::list({
        "agents/3/place_bid",
        Value::list({42, 3.5,
                     Value::map({{"bidder", "Ann"},
                                 {"items", Value::list({"lamp", "chair"})},
                                 {"max", Value()}})}),
        Value::map({{"urgent", true}, {"note", "first line\nsecond line"}}),
    });
    TrafficEvent event = makeEvent(
        12, TrafficEvent::Kind::Delivered, 5, QStringLiteral("local://auction/"),
        QStringLiteral("local://bidders/3"), QStringLiteral("agents/3/place_bid"), content);
    const QByteArray payload = QByteArray("[0, 4, ")
                               + QByteArray(R"(["agents/3/place_bid", [42, 3.5, )")
                               + R"({"bidder": "Ann", "items": ["lamp", "chair"], "max": null}], )"
                               + R"({"urgent": true, "note": "first line\nsecond line"}]])";
    const QByteArray frame = encodeFrame(payload).value();
    event.size = frame.size();
    details.showEvent(event, frame);

    QCOMPARE(details.messageId(), 5u);
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::Id), QStringLiteral("5"));
    // the two numbers told apart: the message's id, the event's number (the table's #)
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::Event), QStringLiteral("Delivered, event #12"));
    {
        const auto *idField = details.findChild<QLabel *>(QStringLiteral("field_id"));
        QVERIFY(idField);
        QVERIFY2(idField->toolTip().contains(QStringLiteral("#12")), qPrintable(idField->toolTip()));
        QStringList labels;
        for (const QLabel *label : details.findChildren<QLabel *>()) {
            if (label->buddy() == idField)
                labels << label->text();
        }
        QCOMPARE(labels, QStringList{QStringLiteral("Message id:")});
        QCOMPARE(details.findChild<QLabel *>(QStringLiteral("titleLabel"))->text(),
                 QStringLiteral("Message id 5: request agents/3/place_bid"));
    }
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::Type), QStringLiteral("request"));
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::From),
             QStringLiteral("local://auction/"));
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::To),
             QStringLiteral("local://bidders/3"));
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::Path),
             QStringLiteral("agents/3/place_bid"));
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::RequestId), QStringLiteral("4"));
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::Size),
             QStringLiteral("%1 B").arg(frame.size()));
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::SimTime), QStringLiteral("6 s"));

    // The tree: [path, args, kwargs] with named parts, nested lists and maps open.
    QTreeWidget *tree = details.contentTree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem *root = tree->topLevelItem(0);
    QVERIFY(root->text(MessageDetailsWidget::ValueColumn)
                .startsWith(QStringLiteral(R"(["agents/3/place_bid", [42, 3.5, {)")));
    QCOMPARE(root->text(MessageDetailsWidget::TypeColumn), QStringLiteral("list (3)"));
    QCOMPARE(root->childCount(), 3);
    QTreeWidgetItem *path = root->child(0);
    QCOMPARE(path->text(MessageDetailsWidget::KeyColumn), QStringLiteral("path"));
    QCOMPARE(path->text(MessageDetailsWidget::ValueColumn),
             QStringLiteral("\"agents/3/place_bid\""));
    QCOMPARE(path->text(MessageDetailsWidget::TypeColumn), QStringLiteral("str"));
    QTreeWidgetItem *args = root->child(1);
    QCOMPARE(args->text(MessageDetailsWidget::KeyColumn), QStringLiteral("args"));
    QCOMPARE(args->childCount(), 3);
    QCOMPARE(args->child(0)->text(MessageDetailsWidget::ValueColumn), QStringLiteral("42"));
    QCOMPARE(args->child(0)->text(MessageDetailsWidget::TypeColumn), QStringLiteral("int"));
    QCOMPARE(args->child(1)->text(MessageDetailsWidget::ValueColumn), QStringLiteral("3.5"));
    QCOMPARE(args->child(1)->text(MessageDetailsWidget::TypeColumn), QStringLiteral("float"));
    QTreeWidgetItem *map = args->child(2);
    QCOMPARE(map->text(MessageDetailsWidget::KeyColumn), QStringLiteral("[2]"));
    QCOMPARE(map->text(MessageDetailsWidget::ValueColumn),
             QStringLiteral(R"({"bidder": "Ann", "items": ["lamp", "chair"], "max": null})"));
    QCOMPARE(map->text(MessageDetailsWidget::TypeColumn), QStringLiteral("dict (3)"));
    QCOMPARE(map->child(0)->text(MessageDetailsWidget::KeyColumn), QStringLiteral("bidder"));
    QCOMPARE(map->child(0)->text(MessageDetailsWidget::ValueColumn), QStringLiteral("\"Ann\""));
    QCOMPARE(map->child(1)->childCount(), 2);
    QCOMPARE(map->child(1)->child(1)->text(MessageDetailsWidget::ValueColumn),
             QStringLiteral("\"chair\""));
    QCOMPARE(map->child(2)->text(MessageDetailsWidget::ValueColumn), QStringLiteral("null"));
    QTreeWidgetItem *kwargs = root->child(2);
    QCOMPARE(kwargs->text(MessageDetailsWidget::KeyColumn), QStringLiteral("kwargs"));
    QCOMPARE(kwargs->child(0)->text(MessageDetailsWidget::ValueColumn), QStringLiteral("true"));
    QCOMPARE(kwargs->child(0)->text(MessageDetailsWidget::TypeColumn), QStringLiteral("bool"));
    QCOMPARE(kwargs->child(1)->text(MessageDetailsWidget::ValueColumn),
             QStringLiteral(R"("first line\nsecond line")"));
    QVERIFY(root->isExpanded() && args->isExpanded() && map->isExpanded()
            && map->child(1)->isExpanded());

    // The hex dump: `hexdump -C` lines, the 4-byte length header first.
    const QString dump = MessageDetailsWidget::hexDump(frame);
    QCOMPARE(
        firstLine(dump),
        QStringLiteral(
            "00000000  00 00 00 9a 5b 30 2c 20  34 2c 20 5b 22 61 67 65  |....[0, 4, [\"age|"));
    QCOMPARE(dump.count(u'\n') + 1, int((frame.size() + 15) / 16));
    QCOMPARE(details.hexView()->toPlainText(),
             MessageDetailsWidget::hexDump(frame, 64 * 1024, details.bytesPerLine()));
    QCOMPARE(firstLine(MessageDetailsWidget::hexDump(frame, 64 * 1024, 8)),
             QStringLiteral("00000000  00 00 00 9a 5b 30 2c 20  |....[0, |"));
    QCOMPARE(MessageDetailsWidget::hexDump(QByteArray("AB\x01", 3)),
             QStringLiteral("00000000  41 42 01                                          |AB.|"));
    QVERIFY(MessageDetailsWidget::hexDump(QByteArray(40, 'x'), 16)
                .endsWith(QStringLiteral("16 of 40 bytes shown")));

    // Sixteen bytes a line when the pane is wide enough, eight when it is narrow.
    details.resize(900, 620);
    QVERIFY(saveGrab(&details, QStringLiteral("/tmp/panel-details-wide.png")));
    QTRY_COMPARE(details.bytesPerLine(), 16);
    QCOMPARE(firstLine(details.hexView()->toPlainText()), firstLine(dump));
    details.resize(480, 620);
    QTRY_COMPARE(details.bytesPerLine(), 8);
    QCOMPARE(firstLine(details.hexView()->toPlainText()),
             QStringLiteral("00000000  00 00 00 9a 5b 30 2c 20  |....[0, |"));
    QVERIFY(saveGrab(&details, QStringLiteral("/tmp/panel-details.png")));

    // A connection event has no content; clear() empties everything.
    details.showEvent(sampleRun().front());
    QCOMPARE(details.messageId(), 0u);
    QCOMPARE(details.contentTree()->topLevelItemCount(), 0);
    QVERIFY(details.hexView()->toPlainText().isEmpty());
    details.clear();
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::Path), QString());
    QCOMPARE(details.findChild<QLabel *>(QStringLiteral("titleLabel"))->text(),
             QStringLiteral("No message selected"));
}

void tst_Models::messageDetailsShowsPendingFrame()
{
    std::unique_ptr<Container> q1(
        Container::createNow(Address::local(QStringLiteral("q1"))).value());
    std::unique_ptr<Container> q2(
        Container::createNow(Address::local(QStringLiteral("q2"))).value());
    auto *pinger = new Pinger(q1.get());
    new Echo(q2.get());
    LocalNetwork *net = LocalNetwork::instance();
    net->setMode(LocalNetwork::Mode::Stepped);
    QObject context;
    QCoro::connect(pinger->ping(QStringLiteral("local://q2/0"), Value()), &context,
                   [](Result<Value>) {});
    QTRY_COMPARE_WITH_TIMEOUT(net->pendingCount(), 1, 5000);

    MessageDetailsWidget details;
    const PendingMessage m = net->pendingMessages().first();
    details.showPending(m);
    QCOMPARE(details.messageId(), m.id);
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::Path), QStringLiteral("validate_aid"));
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::Event), QStringLiteral("Pending"));
    QCOMPARE(details.fieldText(MessageDetailsWidget::Field::RequestId), QStringLiteral("0"));
    // validate_aid(["0"]) as request 0: [0, 0, ["validate_aid", ["0"], {}]], 35 bytes of JSON
    QTreeWidgetItem *root = details.contentTree()->topLevelItem(0);
    QCOMPARE(root->child(0)->text(MessageDetailsWidget::ValueColumn),
             QStringLiteral("\"validate_aid\""));
    QCOMPARE(root->child(1)->child(0)->text(MessageDetailsWidget::ValueColumn),
             QStringLiteral("\"0\""));
    QCOMPARE(root->child(2)->text(MessageDetailsWidget::ValueColumn), QStringLiteral("{}"));
    QCOMPARE(root->child(2)->text(MessageDetailsWidget::TypeColumn), QStringLiteral("dict (0)"));
    QCOMPARE(
        firstLine(details.hexView()->toPlainText()),
        QStringLiteral(
            "00000000  00 00 00 23 5b 30 2c 20  30 2c 20 5b 22 76 61 6c  |...#[0, 0, [\"val|"));
    net->setMode(LocalNetwork::Mode::FreeRunning);
}

// --- ClockPanel --------------------------------------------------------------------------------

void tst_Models::clockPanelButtons()
{
    ExternalClock clock(kStart);
    QObject context;
    int fired = 0;
    QVERIFY(clock.callIn(
        2, [&] { ++fired; }, QStringLiteral("auctioneer: open the auction")));
    QVERIFY(clock.callIn(
        5, [&] { ++fired; }, QStringLiteral("bidders: deadline for bids")));
    QVERIFY(clock.callAt(
        30, [&] { ++fired; }, QStringLiteral("end of trading day")));
    QCoro::connect(clock.sleep(3.25), &context, [&](Result<void>) { ++fired; });

    ClockPanel panel;
    panel.setClock(&clock);
    QCOMPARE(panel.clock(), &clock);
    auto *timeLabel = panel.findChild<QLabel *>(QStringLiteral("timeLabel"));
    auto *dateLabel = panel.findChild<QLabel *>(QStringLiteral("dateLabel"));
    auto *timers = panel.findChild<QTreeWidget *>(QStringLiteral("timerList"));
    auto *advance = panel.findChild<QPushButton *>(QStringLiteral("advanceButton"));
    auto *next = panel.findChild<QPushButton *>(QStringLiteral("nextTimerButton"));
    auto *set = panel.findChild<QPushButton *>(QStringLiteral("setTimeButton"));
    auto *timeSpin = panel.findChild<QDoubleSpinBox *>(QStringLiteral("timeSpin"));
    auto *stepSpin = panel.findChild<QDoubleSpinBox *>(QStringLiteral("stepSpin"));
    auto *speedCombo = panel.findChild<QComboBox *>(QStringLiteral("speedCombo"));
    auto *run = panel.findChild<QPushButton *>(QStringLiteral("runButton"));
    auto *stop = panel.findChild<QPushButton *>(QStringLiteral("stopButton"));
    for (QObject *child : {static_cast<QObject *>(timeLabel), static_cast<QObject *>(dateLabel),
                           static_cast<QObject *>(timers), static_cast<QObject *>(advance),
                           static_cast<QObject *>(next), static_cast<QObject *>(set),
                           static_cast<QObject *>(timeSpin), static_cast<QObject *>(stepSpin),
                           static_cast<QObject *>(speedCombo), static_cast<QObject *>(run),
                           static_cast<QObject *>(stop)})
        QVERIFY(child);
    for (QWidget *w : {static_cast<QWidget *>(advance), static_cast<QWidget *>(next),
                       static_cast<QWidget *>(set), static_cast<QWidget *>(timeSpin),
                       static_cast<QWidget *>(stepSpin), static_cast<QWidget *>(speedCombo),
                       static_cast<QWidget *>(run), static_cast<QWidget *>(stop)})
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));

    QCOMPARE(timeLabel->text(), QStringLiteral("0 s"));
    QCOMPARE(dateLabel->text(), QStringLiteral("2016-01-01 00:00:00.000 UTC"));
    QTRY_COMPARE(timers->topLevelItemCount(), 4);
    QCOMPARE(timers->topLevelItem(0)->text(0), QStringLiteral("2 s"));
    QCOMPARE(timers->topLevelItem(0)->text(1), QStringLiteral("+2 s"));
    QCOMPARE(timers->topLevelItem(0)->text(2), QStringLiteral("auctioneer: open the auction"));
    QCOMPARE(timers->topLevelItem(1)->text(0), QStringLiteral("3.25 s"));
    QCOMPARE(stepSpin->value(), 1.0);
    QCOMPARE(panel.speed(), 1.0);
    QVERIFY(!stop->isEnabled());
    QVERIFY(next->toolTip().contains(QStringLiteral("2 s")));

    panel.resize(460, 380);
    QVERIFY(saveGrab(&panel, QStringLiteral("/tmp/panel-clock.png")));

    // advance by the step
    QTest::mouseClick(advance, Qt::LeftButton);
    QCOMPARE(clock.time(), 1.0);
    QCOMPARE(timeLabel->text(), QStringLiteral("1 s"));
    QCOMPARE(dateLabel->text(), QStringLiteral("2016-01-01 00:00:01.000 UTC"));
    QTRY_COMPARE(timers->topLevelItem(0)->text(1), QStringLiteral("+1 s"));

    // run to the next timer; it fires from the event loop
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(clock.time(), 2.0);
    QTRY_COMPARE(fired, 1);
    QTRY_COMPARE(timers->topLevelItemCount(), 3);
    QCOMPARE(timers->topLevelItem(0)->text(0), QStringLiteral("3.25 s"));

    // setting the time backwards is an error in the status line, not a dialog
    QSignalSpy errors(&panel, &ClockPanel::errorOccurred);
    timeSpin->setValue(1.5);
    QTest::mouseClick(set, Qt::LeftButton);
    QCOMPARE(clock.time(), 2.0);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(panel.statusText(), QStringLiteral("Time must be > 2 but is 1.5"));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("statusLabel"))->isVisible());
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    QVERIFY(saveGrab(&panel, QStringLiteral("/tmp/panel-clock-error.png")));

    // a valid time clears the error
    timeSpin->setValue(4);
    QTest::mouseClick(set, Qt::LeftButton);
    QCOMPARE(clock.time(), 4.0);
    QCOMPARE(panel.statusText(), QString());
    QTRY_COMPARE(fired, 2); // the 3.25 s sleeper

    // a larger step
    stepSpin->setValue(0.5);
    QTest::mouseClick(advance, Qt::LeftButton);
    QCOMPARE(clock.time(), 4.5);

    // run at 10x real time for a while, then stop
    QSignalSpy running(&panel, &ClockPanel::runningChanged);
    speedCombo->setCurrentIndex(int(ClockPanel::speeds().indexOf(10.0)));
    QCOMPARE(panel.speed(), 10.0);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(panel.isRunning());
    QVERIFY(!run->isEnabled());
    QVERIFY(stop->isEnabled());
    QVERIFY(panel.statusText().contains(QStringLiteral("10")));
    QTRY_VERIFY_WITH_TIMEOUT(clock.time() > 6.0, 5000); // passes the 5 s timer on the way
    QTRY_COMPARE_WITH_TIMEOUT(fired, 3, 5000);
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!panel.isRunning());
    QCOMPARE(running.count(), 2);
    const double stoppedAt = clock.time();
    // The documented stillness wait (the only fixed wait of this test): real time passes, the
    // stopped clock must not move.
    QTest::qWait(150);
    QCOMPARE(clock.time(), stoppedAt);
    QVERIFY(run->isEnabled());
    QVERIFY(panel.statusText().startsWith(QStringLiteral("Stopped at")));
    QCOMPARE(timers->topLevelItemCount(), 1);

    // the clock going away leaves the panel in "real time"
    panel.setSpeed(3); // nearest offered: 2x
    QCOMPARE(panel.speed(), 2.0);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(panel.isRunning());
    panel.setClock(nullptr);
    QVERIFY(!panel.isRunning());
    QCOMPARE(timeLabel->text(), QStringLiteral("Real time"));
}

void tst_Models::clockPanelWithoutClock()
{
    ClockPanel panel;
    QCOMPARE(panel.clock(), nullptr);
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("timeLabel"))->text(),
             QStringLiteral("Real time"));
    for (const char *name :
         {"advanceButton", "nextTimerButton", "setTimeButton", "runButton", "stopButton"})
        QVERIFY2(!panel.findChild<QPushButton *>(QLatin1String(name))->isEnabled(), name);
    QVERIFY(!panel.findChild<QDoubleSpinBox *>(QStringLiteral("timeSpin"))->isEnabled());
    QVERIFY(!panel.advance(1));
    QVERIFY(!panel.statusText().isEmpty());

    auto clock = std::make_unique<ExternalClock>(kStart, 10);
    panel.setClock(clock.get());
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("timeLabel"))->text(),
             QStringLiteral("10 s"));
    QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("advanceButton"))->isEnabled());
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("nextTimerButton"))
                 ->isEnabled()); // no timers
    clock.reset();
    QCOMPARE(panel.clock(), nullptr);
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("timeLabel"))->text(),
             QStringLiteral("Real time"));
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("advanceButton"))->isEnabled());
}

// QTEST_MAIN, but offscreen unless QT_QPA_PLATFORM says otherwise: the test also runs where
// there is no display (CI, a shell), and its screenshots do not depend on the desktop.
int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setAttribute(Qt::AA_Use96Dpi, true);
    tst_Models tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_models.moc"
