// SPDX-License-Identifier: MIT
#include "exploredialog.h"

#include "widgets/dialogtitle_p.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>

namespace mas::ui {

ExploreDialog::ExploreDialog(const QStringList &properties, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Explore Interleavings"));
    m_property = new QComboBox(this);
    m_property->addItem(tr("Every invariant"), QString());
    for (const QString &name : properties)
        m_property->addItem(name, name);
    m_property->setToolTip(tr("The invariant (or goal, checked when nothing is pending) that must hold"));
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Every order (depth first)"), int(mas::system::ExplorerOptions::Mode::DepthFirst));
    m_mode->addItem(tr("Random walks"), int(mas::system::ExplorerOptions::Mode::RandomWalk));
    m_schedules = new QSpinBox(this);
    m_schedules->setRange(1, 10'000'000);
    m_schedules->setValue(10'000);
    m_schedules->setToolTip(tr("At most this many runs (depth first) or walks (random)"));
    m_seconds = new QSpinBox(this);
    m_seconds->setRange(1, 3600);
    m_seconds->setValue(60);
    m_seconds->setSuffix(tr(" s"));
    m_faults = new QSpinBox(this);
    m_faults->setRange(0, 5);
    m_faults->setToolTip(tr("How many messages a run may drop (0: deliveries only)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Explore"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Property:"), m_property);
    form->addRow(tr("&Search:"), m_mode);
    form->addRow(tr("&Budget:"), m_schedules);
    form->addRow(tr("&Time limit:"), m_seconds);
    form->addRow(tr("&Dropped messages:"), m_faults);
    form->addRow(buttons);
    detail::fitTitle(this);
}

mas::system::ExplorerOptions ExploreDialog::options() const
{
    mas::system::ExplorerOptions options;
    if (!m_property->currentData().toString().isEmpty())
        options.properties = QStringList{m_property->currentData().toString()};
    options.mode = mas::system::ExplorerOptions::Mode(m_mode->currentData().toInt());
    options.maxSchedules = m_schedules->value();
    options.walks = m_schedules->value();
    options.maxTime = std::chrono::seconds(m_seconds->value());
    options.maxFaults = m_faults->value();
    return options;
}

} // namespace mas::ui
