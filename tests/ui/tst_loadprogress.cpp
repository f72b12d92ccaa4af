// SPDX-License-Identifier: MIT
// Opening a large file in the Inspector: read and parsed on a thread of its own with a percentage
// and a Cancel that leaves the window as it was, its events added a slice at a time while the
// event loop keeps turning, and the result the same as a synchronous load.

#include "models/eventstore.h"
#include "models/plumbingfilter.h"
#include "session/inspectorsession.h"
#include "widgets/inspectorwindow.h"

#include <mas/system/session.h>
#include <mas/system/system.h>
#include <mas/transport/localqueue.h>

#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <random>

using namespace mas;
using namespace mas::ui;

Q_DECLARE_METATYPE(mas::ui::InspectorSession::LoadStage)

namespace {

template<class T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

/// A run over sockets of `count` events: 12 agents, requests and replies, some plumbing.
std::vector<TrafficEvent> syntheticRun(int count)
{
    std::mt19937 random(7);
    std::vector<TrafficEvent> events;
    std::vector<TrafficEvent> inFlight;
    quint64 nextId = 1;
    while (int(events.size()) < count) {
        TrafficEvent e;
        if (inFlight.size() < 6 && (inFlight.empty() || random() % 2 == 0)) {
            e.kind = TrafficEvent::Kind::Sent;
            e.messageId = nextId++;
            e.from = QStringLiteral("tcp://127.0.0.1:5555/%1").arg(random() % 12);
            e.to = QStringLiteral("tcp://127.0.0.1:5555/%1").arg(random() % 12);
            e.type = MessageType::Request;
            e.requestId = qint64(e.messageId);
            const bool lookup = random() % 10 == 0;
            e.path = lookup ? QStringLiteral("validate_aid") : QStringLiteral("vote");
            e.content = Value::list({e.path, Value::list({qint64(random() % 100)}), Value::map()});
            e.size = 40;
            inFlight.push_back(e);
        } else {
            const size_t pick = random() % inFlight.size();
            e = inFlight[pick];
            inFlight.erase(inFlight.begin() + qsizetype(pick));
            e.kind = random() % 40 == 0 ? TrafficEvent::Kind::Dropped : TrafficEvent::Kind::Delivered;
            e.content = Value();
        }
        e.sequence = quint64(events.size());
        events.push_back(std::move(e));
    }
    return events;
}

/// Writes a session over sockets (shown, not replayed) with `count` events.
QString writeSession(const QTemporaryDir &dir, const QString &name, int count)
{
    const QString file = dir.filePath(name);
    system::Session session;
    session.parameters.transport = system::Transport::Tcp;
    session.log = TrafficLog(syntheticRun(count));
    return session.save(file) ? file : QString();
}

/// The events of a store, compared field by field.
bool sameEvents(const EventStore &a, const EventStore &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).sameAs(b.at(i)) || a.at(i).sequence != b.at(i).sequence)
            return false;
    }
    return true;
}

constexpr int kEvents = 60'000;

} // namespace

class tst_LoadProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<InspectorSession::LoadStage>();
        QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_loadprogress"));
        QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
        QVERIFY(m_dir.isValid());
        m_file = writeSession(m_dir, QStringLiteral("large.massession"), kEvents);
        QVERIFY(!m_file.isEmpty());
    }
    void cleanup() { LocalQueue::clearCache(); }
    void progressReachesAllInOrder();
    void eventsEqualASynchronousLoad();
    void eventsEqualASynchronousLoadWithAKeepLimit();
    void cancelKeepsThePreviousState();
    void cancelWhileAddingKeepsThePreviousState();
    void queuedCallsRunDuringTheLoad();
    void unreadableFileIsAnError();

private:
    QTemporaryDir m_dir;
    QString m_file;
};

void tst_LoadProgress::progressReachesAllInOrder()
{
    InspectorWindow window;
    window.show();
    auto *bar = window.findChild<QProgressBar *>(QStringLiteral("loadProgressBar"));
    QVERIFY(bar);
    QVERIFY(!bar->isVisibleTo(&window));
    InspectorSession *session = window.session();
    QList<std::tuple<InspectorSession::LoadStage, qint64, qint64>> reports;
    int shownWhileLoading = 0;
    QList<int> barValues;
    connect(session, &InspectorSession::loadProgress, this,
            [&](InspectorSession::LoadStage stage, qint64 done, qint64 total) {
                reports.append({stage, done, total});
                shownWhileLoading += bar->isVisibleTo(&window) ? 1 : 0;
                barValues.append(bar->value());
            });
    QSignalSpy finished(session, &InspectorSession::loadFinished);
    const Result<void> opened = await(window.openSession(m_file));
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!session->isLoading());
    QVERIFY(!bar->isVisibleTo(&window));
    QCOMPARE(shownWhileLoading, reports.size());

    // Reading: bytes from 0 to the file's size; then adding: events from 0 to all of them.
    QVERIFY(reports.size() >= 4);
    const qint64 fileSize = QFileInfo(m_file).size();
    qsizetype i = 0;
    QCOMPARE(std::get<0>(reports[i]), InspectorSession::LoadStage::Reading);
    QCOMPARE(std::get<1>(reports[i]), 0);
    qint64 last = 0;
    for (; i < reports.size() && std::get<0>(reports[i]) == InspectorSession::LoadStage::Reading; ++i) {
        QCOMPARE(std::get<2>(reports[i]), fileSize);
        QVERIFY(std::get<1>(reports[i]) >= last);
        last = std::get<1>(reports[i]);
    }
    QCOMPARE(last, fileSize);
    QVERIFY(i < reports.size());
    QCOMPARE(std::get<1>(reports[i]), 0);
    last = 0;
    for (; i < reports.size(); ++i) {
        QCOMPARE(std::get<0>(reports[i]), InspectorSession::LoadStage::Adding);
        QCOMPARE(std::get<2>(reports[i]), kEvents);
        QVERIFY(std::get<1>(reports[i]) >= last);
        last = std::get<1>(reports[i]);
    }
    QCOMPARE(last, kEvents);
    QCOMPARE(barValues.last(), 100);
    QCOMPARE(window.store()->size(), kEvents);
}

void tst_LoadProgress::eventsEqualASynchronousLoad()
{
    InspectorWindow window;
    window.show();
    QVERIFY(await(window.openSession(m_file)));
    Result<system::Session> session = system::Session::load(m_file);
    QVERIFY(session);
    EventStore reference;
    PlumbingFilter referenceFilter(&reference);
    reference.setEvents(session->log.takeEvents());
    QVERIFY(sameEvents(*window.store(), reference));
    QCOMPARE(window.store()->participants(), reference.participants());
    // The indexes too: every message's span, and the teaching view.
    for (qsizetype i = 0; i < reference.size(); i += 97) {
        const EventStore::MessageSpan *mine = window.store()->span(reference.at(i).messageId);
        const EventStore::MessageSpan *theirs = reference.span(reference.at(i).messageId);
        QVERIFY(mine && theirs);
        QCOMPARE(mine->sent, theirs->sent);
        QCOMPARE(mine->end, theirs->end);
        QCOMPARE(int(mine->trafficClass), int(theirs->trafficClass));
    }
    QVERIFY(sameEvents(*window.session()->viewStore(), *referenceFilter.view()));
    QVERIFY(referenceFilter.view()->size() < reference.size()); // the plumbing was folded away
}

void tst_LoadProgress::eventsEqualASynchronousLoadWithAKeepLimit()
{
    InspectorWindow window;
    window.session()->setKeepEvents(10'000);
    QVERIFY(await(window.openSession(m_file)));
    Result<system::Session> session = system::Session::load(m_file);
    QVERIFY(session);
    EventStore reference;
    reference.setKeepLimit(10'000);
    reference.setEvents(session->log.takeEvents());
    QCOMPARE(window.store()->size(), 10'000);
    QVERIFY(sameEvents(*window.store(), reference));
    QCOMPARE(window.store()->droppedCount(), reference.droppedCount());
    QCOMPARE(window.store()->droppedActions().size(), reference.droppedActions().size());
    QVERIFY(window.store()->replayableLog().events().size() == reference.replayableLog().events().size());
}

void tst_LoadProgress::cancelKeepsThePreviousState()
{
    InspectorWindow window;
    window.show();
    system::Parameters p;
    p.agents = 3;
    QVERIFY(window.newSystem(QStringLiteral("two-phase-commit"), p));
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
    window.stepAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.store()->size() > 0, 5000);
    window.store()->flush();
    const system::System *before = window.system();
    const std::vector<TrafficEvent> eventsBefore = window.store()->events();
    const QString titleBefore = window.windowTitle();

    // Cancel as the user would, with the button, at the first report of the reading.
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("loadCancelButton"));
    QVERIFY(cancel);
    bool clicked = false;
    connect(window.session(), &InspectorSession::loadProgress, this,
            [&](InspectorSession::LoadStage stage, qint64, qint64) {
                if (stage == InspectorSession::LoadStage::Reading && !clicked && cancel->isVisible() && cancel->isEnabled()) {
                    // The system the file would replace is not stepped meanwhile.
                    QVERIFY(!window.stepAction()->isEnabled());
                    QVERIFY(!window.runAction()->isEnabled());
                    clicked = true;
                    // At once: the first report comes before the reading thread starts, so
                    // the cancel is there before anything was read, however loaded the machine.
                    QTest::mouseClick(cancel, Qt::LeftButton);
                }
                QVERIFY(stage == InspectorSession::LoadStage::Reading); // never got as far as adding
            });
    const Result<void> opened = await(window.openSession(m_file));
    QVERIFY(clicked);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code(), ErrorCode::Cancelled);
    QVERIFY(!window.session()->isLoading());
    QVERIFY(!cancel->isVisible());
    // As it was: the same system, its events, the title; and the status bar says so.
    QCOMPARE(window.system(), before);
    // (The step's handlers may have answered meanwhile: the run's events go on after those.)
    window.store()->flush();
    QVERIFY(window.store()->size() >= qsizetype(eventsBefore.size()));
    for (size_t i = 0; i < eventsBefore.size(); ++i)
        QVERIFY(window.store()->at(qsizetype(i)).sameAs(eventsBefore[i]));
    for (const TrafficEvent &e : window.store()->events())
        QVERIFY2(!e.from.startsWith(u"tcp://127.0.0.1:5555"), "an event of the cancelled file"); // the file's
    QCOMPARE(window.windowTitle(), titleBefore);
    QVERIFY2(window.statusBar()->currentMessage().contains(u"large.massession"),
             qPrintable(window.statusBar()->currentMessage()));
    // And the window still works (once the step taken before has finished): a step goes on.
    QTRY_VERIFY_WITH_TIMEOUT(window.stepAction()->isEnabled(), 5000);
    QVERIFY(window.runAction()->isEnabled());
    const qsizetype size = window.store()->size();
    window.stepAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.store()->size() > size, 5000);
}

void tst_LoadProgress::cancelWhileAddingKeepsThePreviousState()
{
    InspectorWindow window;
    window.show();
    system::Parameters p;
    p.agents = 3;
    QVERIFY(window.newSystem(QStringLiteral("two-phase-commit"), p));
    QTRY_VERIFY_WITH_TIMEOUT(LocalNetwork::instance()->pendingCount() > 0, 5000);
    window.stepAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.store()->size() > 0, 5000);
    window.store()->flush();
    const system::System *before = window.system();
    const std::vector<TrafficEvent> eventsBefore = window.store()->events();
    const qsizetype shownBefore = window.session()->viewStore()->size();
    const QString titleBefore = window.windowTitle();

    // Cancel with the button once some of the file's events were added, before all were.
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("loadCancelButton"));
    QVERIFY(cancel);
    bool clicked = false;
    qint64 addedWhenClicked = -1;
    int addingReportsAfterClick = 0;
    connect(window.session(), &InspectorSession::loadProgress, this,
            [&](InspectorSession::LoadStage stage, qint64 done, qint64 total) {
                if (stage != InspectorSession::LoadStage::Adding)
                    return;
                if (clicked) {
                    ++addingReportsAfterClick;
                    return;
                }
                if (done > 0 && done < total) {
                    QVERIFY(cancel->isVisible());
                    QVERIFY(cancel->isEnabled());
                    // Meanwhile the window shows what it showed.
                    QCOMPARE(window.system(), before);
                    QCOMPARE(window.windowTitle(), titleBefore);
                    QVERIFY(!window.stepAction()->isEnabled());
                    clicked = true;
                    addedWhenClicked = done;
                    QTest::mouseClick(cancel, Qt::LeftButton);
                }
            });
    const Result<void> opened = await(window.openSession(m_file));
    QVERIFY(clicked);
    QVERIFY(addedWhenClicked > 0 && addedWhenClicked < kEvents);
    QCOMPARE(addingReportsAfterClick, 0); // it stopped at the next turn
    QVERIFY(!opened);
    QCOMPARE(opened.error().code(), ErrorCode::Cancelled);
    QVERIFY(!window.session()->isLoading());
    QVERIFY(!cancel->isVisible());
    // As it was: the same system, its events (and the teaching view's), the title.
    QCOMPARE(window.system(), before);
    window.store()->flush();
    QVERIFY(window.store()->size() >= qsizetype(eventsBefore.size()));
    for (size_t i = 0; i < eventsBefore.size(); ++i)
        QVERIFY(window.store()->at(qsizetype(i)).sameAs(eventsBefore[i]));
    for (const TrafficEvent &e : window.store()->events())
        QVERIFY2(!e.from.startsWith(u"tcp://127.0.0.1:5555"), "an event of the cancelled file");
    QVERIFY(window.session()->viewStore()->size() >= shownBefore);
    QVERIFY(window.session()->viewStore()->size() <= window.store()->size());
    QCOMPARE(window.windowTitle(), titleBefore);
    QVERIFY2(window.statusBar()->currentMessage().contains(u"large.massession"),
             qPrintable(window.statusBar()->currentMessage()));
    // And the window still works: a step goes on, and the next open opens the file.
    QTRY_VERIFY_WITH_TIMEOUT(window.stepAction()->isEnabled(), 5000);
    const qsizetype size = window.store()->size();
    window.stepAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.store()->size() > size, 5000);
    QVERIFY(await(window.openSession(m_file)));
    QCOMPARE(window.store()->size(), kEvents);
    QVERIFY(window.windowTitle().contains(u"large.massession"));
}

void tst_LoadProgress::queuedCallsRunDuringTheLoad()
{
    InspectorWindow window;
    window.show();
    InspectorSession *session = window.session();
    // A call queued at the first report of each stage runs before the file is open.
    bool ranWhileReading = false;
    bool ranWhileAdding = false;
    bool queuedReading = false;
    bool queuedAdding = false;
    connect(session, &InspectorSession::loadProgress, this,
            [&](InspectorSession::LoadStage stage, qint64, qint64) {
                const bool reading = stage == InspectorSession::LoadStage::Reading;
                bool &queued = reading ? queuedReading : queuedAdding;
                if (queued)
                    return;
                queued = true;
                QMetaObject::invokeMethod(
                    this,
                    [&, reading, session] {
                        (reading ? ranWhileReading : ranWhileAdding) = session->isLoading();
                    },
                    Qt::QueuedConnection);
            });
    QVERIFY(await(window.openSession(m_file)));
    QVERIFY(queuedReading && queuedAdding);
    QVERIFY(ranWhileReading);
    QVERIFY(ranWhileAdding);
}

void tst_LoadProgress::unreadableFileIsAnError()
{
    InspectorWindow window;
    QSignalSpy finished(window.session(), &InspectorSession::loadFinished);
    const Result<void> opened = await(window.openSession(m_dir.filePath(QStringLiteral("missing.massession"))));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code(), ErrorCode::InvalidArgument);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!window.session()->isLoading());
}

QTEST_MAIN(tst_LoadProgress)
#include "tst_loadprogress.moc"
