// SPDX-License-Identifier: MIT
#include "exploredialog.h"

#include "widgets/dialogtitle_p.h"

#include <mas/system/statecondition.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
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
    m_condition = new QLineEdit(this);
    m_condition->setPlaceholderText(tr("optional, e.g. %1").arg(QStringLiteral("count(is_leader) > 1")));
    m_condition->setToolTip(tr("A state condition that must never hold (the language of the State breakpoints "
                               "tab); with \"Every invariant\" only the condition is checked"));
    m_conditionError = new QLabel(this);
    m_conditionError->setWordWrap(true);
    m_conditionError->setTextFormat(Qt::PlainText);
    m_conditionError->hide();
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
    form->addRow(tr("&Never:"), m_condition);
    form->addRow(m_conditionError);
    connect(m_condition, &QLineEdit::textChanged, this, [this, buttons](const QString &text) {
        Result<mas::system::StateCondition> parsed = mas::system::StateCondition::parse(text);
        const bool ok = text.trimmed().isEmpty() || parsed;
        m_conditionError->setText(ok ? QString() : parsed.error().message());
        m_conditionError->setVisible(!ok);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    });
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
    if (!m_condition->text().trimmed().isEmpty())
        options.conditions = QStringList{m_condition->text().trimmed()};
    return options;
}

} // namespace mas::ui
