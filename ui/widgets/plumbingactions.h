// SPDX-License-Identifier: MIT
#pragma once

#include <mas/trace/messagelabel.h>

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;

namespace mas::ui {

class PlumbingFilter;

/// The teaching view's menu entries: View → Show Plumbing (checkable) and View → Fold Away, one
/// checkable entry per plumbing class (connections, lookups, acknowledgements, messages to
/// itself). Show Plumbing shows every event; unchecked, the classes checked under Fold Away are
/// hidden (all of them by default: the teaching view). Both are kept in QSettings
/// ("view/showPlumbing", "view/foldedPlumbing": class keys) when the user changes them, and
/// read at construction.
class PlumbingActions : public QObject
{
    Q_OBJECT

public:
    /// Applies the saved choice to `filter` (not owned).
    explicit PlumbingActions(PlumbingFilter *filter, QObject *parent = nullptr);
    ~PlumbingActions() override;

    /// Adds Show Plumbing and the Fold Away sub-menu to `menu`.
    void addTo(QMenu *menu);

    QAction *showPlumbingAction() const { return m_show; }
    /// The Fold Away entry of a plumbing class.
    QAction *foldAction(TrafficClass trafficClass) const { return m_fold.value(int(trafficClass)); }

    /// Shows or hides the plumbing (as the menu entry, without saving the choice).
    void setShowPlumbing(bool show);
    bool showPlumbing() const;

    /// The translated name of a plumbing class, for menus: "Connections", "Lookups (validate_aid)", …
    static QString className(TrafficClass trafficClass);
    static QString classDescription(TrafficClass trafficClass);

private:
    void apply();
    void save() const;

    QPointer<PlumbingFilter> m_filter;
    QAction *m_show = nullptr;
    QMenu *m_foldMenu = nullptr;
    QHash<int, QAction *> m_fold;
};

} // namespace mas::ui
