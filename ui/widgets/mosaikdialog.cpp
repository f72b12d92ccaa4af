// SPDX-License-Identifier: MIT
#include "mosaikdialog.h"

#include "widgets/dialogtitle_p.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace mas::ui {

MosaikDialog::MosaikDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Host a mosaik Simulator"));
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Wait for mosaik to connect"), QStringLiteral("listen"));
    m_mode->addItem(tr("Connect to mosaik"), QStringLiteral("connect"));
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(QSettings().value(QStringLiteral("mosaik/mode")))));
    m_address = new QLineEdit(this);
    m_address->setText(QSettings().value(QStringLiteral("mosaik/address"), QStringLiteral("127.0.0.1:5678")).toString());
    m_address->setToolTip(tr("HOST:PORT"));
    auto *hint = new QLabel(this);
    hint->setWordWrap(true);
    hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const auto updateHint = [this, hint] {
        if (waitsForMosaik())
            hint->setText(tr("In the scenario: sim_config = {\"Counter\": {\"connect\": \"%1\"}}").arg(m_address->text()));
        else
            hint->setText(tr("mosaik must already listen there: the address its \"cmd\" starter passes as %(addr)s."));
    };
    updateHint();
    connect(m_mode, &QComboBox::currentIndexChanged, this, updateHint);
    connect(m_address, &QLineEdit::textChanged, this, updateHint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Host"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Simulator:"), new QLabel(tr("Counter (the reference simulator of the mosaik recordings)"), this));
    form->addRow(tr("&Start:"), m_mode);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(hint);
    form->addRow(buttons);
    detail::fitTitle(this);
}

bool MosaikDialog::waitsForMosaik() const
{
    return m_mode->currentData().toString() == u"listen";
}

QString MosaikDialog::address() const
{
    return m_address->text();
}

void MosaikDialog::accept()
{
    QSettings().setValue(QStringLiteral("mosaik/mode"), m_mode->currentData());
    QSettings().setValue(QStringLiteral("mosaik/address"), m_address->text());
    QDialog::accept();
}

} // namespace mas::ui
