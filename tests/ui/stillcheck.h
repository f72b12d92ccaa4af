// SPDX-License-Identifier: MIT
#pragma once

// The check that a system hosted by MAS Inspector stands still, shared by the UI tests:
// structurally, no object of the system has a real-time timer armed or anything queued; then,
// as the one documented exception to "no fixed waits in tests", some real time passes with
// nobody touching the window, and nothing the user sees has changed.

#include "models/eventstore.h"
#include "views/sequencediagramview.h"
#include "widgets/inspectorwindow.h"

#include <mas/agent/container.h>
#include <mas/channel/channel.h>
#include <mas/clock/clock.h>
#include <mas/system/system.h>
#include <mas/transport/localqueue.h>

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <QWindow>

#include <chrono>

namespace mas::test {

/// Every object that belongs to the hosted system: the network, its queues, the clock, the
/// system object, its containers with everything they own (agents, servers, channels and
/// their timers), and the channels of their connections.
inline QList<QObject *> systemObjects(const ui::InspectorWindow &window)
{
    QList<QObject *> roots{LocalNetwork::instance()};
    if (system::System *system = window.system()) {
        roots << system << system->clock();
        for (Container *c : system->containers()) {
            roots << c;
            if (LocalQueue *q = LocalQueue::find(c->address().queueId()))
                roots << q;
            for (const Container::Connection &connection : c->connections())
                roots << connection.channel;
        }
    }
    QList<QObject *> all;
    for (QObject *root : roots) {
        if (root)
            all << root << root->findChildren<QObject *>();
    }
    return all;
}

/// What a user sees of a system: it must not change while nobody touches it.
struct Snapshot
{
    QList<quint64> pending;
    qsizetype events = 0;
    qsizetype storedEvents = 0;
    int arrows = 0;
    double time = 0;
    QString states;
    qsizetype stepsLeft = 0;

    static Snapshot of(ui::InspectorWindow &window)
    {
        Snapshot s;
        for (const PendingMessage &m : LocalNetwork::instance()->pendingMessages())
            s.pending << m.id;
        s.events = LocalNetwork::instance()->eventLog().size();
        window.store()->flush();
        s.storedEvents = window.store()->size();
        s.arrows = window.sequenceView()->arrowCount();
        s.time = window.system()->clock()->time();
        s.states = window.system()->stateText();
        s.stepsLeft = window.recordedStepsLeft();
        return s;
    }
};

/// Records what the event loop does for the system: any event to one of its objects, any queued
/// call or timer event to an object that is not part of a window (a coroutine resumption, a
/// posted delivery, a QTimer of no widget).
class Watcher : public QObject
{
public:
    explicit Watcher(const QList<QObject *> &objects)
        : m_objects(objects.begin(), objects.end())
    {
        qApp->installEventFilter(this);
    }
    ~Watcher() override { qApp->removeEventFilter(this); }
    QStringList seen;

protected:
    bool eventFilter(QObject *receiver, QEvent *event) override
    {
        const bool ours = m_objects.contains(receiver);
        const bool loose = (event->type() == QEvent::MetaCall || event->type() == QEvent::Timer)
                           && !isPartOfAWindow(receiver);
        if (ours || loose)
            seen << QStringLiteral("%1 to %2 (%3)")
                        .arg(int(event->type()))
                        .arg(QString::fromLatin1(receiver->metaObject()->className()), receiver->objectName());
        return false;
    }

private:
    static bool isPartOfAWindow(QObject *object)
    {
        for (QObject *o = object; o; o = o->parent()) {
            if (o->isWidgetType() || qobject_cast<QWindow *>(o))
                return true;
        }
        return false;
    }
    QSet<QObject *> m_objects;
};

/// The stillness check (QVERIFY inside: the caller looks at QTest::currentTestFailed()).
/// `wait` is the documented fixed wait: real time in which nobody touches the window.
inline void checkStandsStill(ui::InspectorWindow &window, std::chrono::milliseconds wait)
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
    QVERIFY(window.system());
    QCOMPARE(LocalNetwork::instance()->mode(), LocalNetwork::Mode::Stepped);
    const QList<QObject *> objects = systemObjects(window);
    QVERIFY(objects.size() > 10);
    // Structurally: no object of the system has a real-time timer armed.
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    for (QObject *o : objects) {
        QVERIFY2(dispatcher->registeredTimers(o).isEmpty(),
                 qPrintable(QStringLiteral("%1 has a timer").arg(QString::fromLatin1(o->metaObject()->className()))));
        if (auto *timer = qobject_cast<QTimer *>(o)) {
            QVERIFY2(!timer->isActive(), qPrintable(QStringLiteral("an active QTimer in %1")
                                                        .arg(QString::fromLatin1(o->parent()->metaObject()->className()))));
        }
    }
    // The event loop has nothing left to do for it, and nothing the user sees changes.
    const Snapshot before = Snapshot::of(window);
    Watcher watcher(objects);
    QTest::qWait(int(wait.count())); // the documented fixed wait
    QVERIFY2(watcher.seen.isEmpty(), qPrintable(watcher.seen.join(u'\n')));
    const Snapshot after = Snapshot::of(window);
    QCOMPARE(after.pending, before.pending);
    QCOMPARE(after.events, before.events);
    QCOMPARE(after.storedEvents, before.storedEvents);
    QCOMPARE(after.arrows, before.arrows);
    QCOMPARE(after.time, before.time);
    QCOMPARE(after.states, before.states);
    QCOMPARE(after.stepsLeft, before.stepsLeft);
}

/// The clock's pending request deadlines ("reply to request …").
inline QList<PendingTimer> deadlines(const Clock *clock)
{
    QList<PendingTimer> result;
    for (const PendingTimer &t : clock->pendingTimers()) {
        if (t.description.startsWith(u"reply to request"))
            result << t;
    }
    return result;
}

} // namespace mas::test
