// SPDX-License-Identifier: MIT
#include "plumbingactions.h"

#include "models/eventstore.h"
#include "models/plumbingfilter.h"

#include <QAction>
#include <QMenu>
#include <QSettings>

namespace mas::ui {

namespace {

const QString kShowKey = QStringLiteral("view/showPlumbing");
const QString kFoldedKey = QStringLiteral("view/foldedPlumbing");

} // namespace

PlumbingActions::PlumbingActions(PlumbingFilter *filter, QObject *parent)
    : QObject(parent)
    , m_filter(filter)
{
    const QSettings settings;
    m_show = new QAction(tr("Show &Plumbing"), this);
    m_show->setCheckable(true);
    m_show->setChecked(settings.value(kShowKey, false).toBool());
    m_show->setToolTip(tr("Show every event: connection set-up, validate_aid lookups, bare acknowledgements and "
                          "messages an agent sends itself, besides the protocol's messages"));
    m_show->setStatusTip(m_show->toolTip());
    connect(m_show, &QAction::triggered, this, [this] {
        apply();
        save();
    });
    m_foldMenu = new QMenu(tr("&Fold Away"));
    m_foldMenu->setToolTipsVisible(true);
    QStringList folded;
    for (TrafficClass c : PlumbingFilter::defaultHiddenClasses())
        folded << trafficClassKey(c);
    folded = settings.value(kFoldedKey, folded).toStringList();
    for (TrafficClass c : plumbingClasses()) {
        QAction *a = m_foldMenu->addAction(className(c));
        a->setCheckable(true);
        a->setChecked(folded.contains(trafficClassKey(c)));
        a->setToolTip(classDescription(c));
        a->setStatusTip(a->toolTip());
        connect(a, &QAction::triggered, this, [this] {
            apply();
            save();
        });
        m_fold.insert(int(c), a);
    }
    apply();
}

PlumbingActions::~PlumbingActions()
{
    delete m_foldMenu; // a QMenu is a widget: not a QObject child of this
}

void PlumbingActions::addTo(QMenu *menu)
{
    menu->addAction(m_show);
    menu->addMenu(m_foldMenu);
}

void PlumbingActions::setShowPlumbing(bool show)
{
    m_show->setChecked(show);
    apply();
}

bool PlumbingActions::showPlumbing() const
{
    return m_show->isChecked();
}

void PlumbingActions::apply()
{
    m_foldMenu->setEnabled(!m_show->isChecked());
    if (!m_filter)
        return;
    QList<TrafficClass> hidden;
    if (!m_show->isChecked()) {
        for (TrafficClass c : plumbingClasses()) {
            if (m_fold.value(int(c)) && m_fold.value(int(c))->isChecked())
                hidden << c;
        }
    }
    m_filter->setHiddenClasses(hidden);
}

void PlumbingActions::save() const
{
    QSettings settings;
    settings.setValue(kShowKey, m_show->isChecked());
    QStringList folded;
    for (TrafficClass c : plumbingClasses()) {
        if (m_fold.value(int(c)) && m_fold.value(int(c))->isChecked())
            folded << trafficClassKey(c);
    }
    settings.setValue(kFoldedKey, folded);
}

QString PlumbingActions::className(TrafficClass trafficClass)
{
    switch (trafficClass) {
    case TrafficClass::Connection:
        return tr("Connections");
    case TrafficClass::Lookup:
        return tr("Lookups (validate_aid)");
    case TrafficClass::Acknowledgement:
        return tr("Acknowledgements");
    case TrafficClass::SelfMessage:
        return tr("Messages to Itself (wake-ups)");
    case TrafficClass::Protocol:
        return tr("Protocol messages");
    case TrafficClass::Clock:
        return tr("Clock changes");
    }
    return {};
}

QString PlumbingActions::classDescription(TrafficClass trafficClass)
{
    switch (trafficClass) {
    case TrafficClass::Connection:
        return tr("Connections opening and closing");
    case TrafficClass::Lookup:
        return tr("validate_aid: a connection's check that the agent exists, and its reply (the agent's type)");
    case TrafficClass::Acknowledgement:
        return tr("Replies that say only \"done\" (true or null), such as the answer to every one-way message");
    case TrafficClass::SelfMessage:
        return tr("Messages an agent sends to itself, such as a node's wakeup() when it starts, and their replies");
    case TrafficClass::Protocol:
    case TrafficClass::Clock:
        return {};
    }
    return {};
}

} // namespace mas::ui
