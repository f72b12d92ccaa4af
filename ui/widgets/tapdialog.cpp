// SPDX-License-Identifier: MIT
#include "tapdialog.h"

#include "widgets/dialogtitle_p.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace mas::ui {

TapDialog::TapDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Tap a Connection"));
    m_listen = new QLineEdit(this);
    m_listen->setText(QSettings().value(QStringLiteral("tap/listen"), QStringLiteral("tcp://127.0.0.1:0")).toString());
    m_listen->setToolTip(tr("Where the Inspector listens; point the clients here (port 0: any free port)"));
    m_target = new QLineEdit(this);
    m_target->setPlaceholderText(tr("tcp://127.0.0.1:5555"));
    m_target->setText(QSettings().value(QStringLiteral("tap/target")).toString());
    m_target->setToolTip(tr("The aiomas server the Inspector relays to"));
    m_codec = new QComboBox(this);
    m_codec->addItems({QStringLiteral("json"), QStringLiteral("msgpack"), QStringLiteral("msgpackblosc")});
    m_codec->setCurrentText(QSettings().value(QStringLiteral("tap/codec"), QStringLiteral("json")).toString());
    m_codec->setToolTip(tr("The codec client and server speak, to decode their frames (they are relayed unchanged)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start Tap"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Listen on:"), m_listen);
    form->addRow(tr("&Relay to:"), m_target);
    form->addRow(tr("&Codec:"), m_codec);
    form->addRow(buttons);
    detail::fitTitle(this);
}

QString TapDialog::listenAddress() const
{
    return m_listen->text();
}

QString TapDialog::targetAddress() const
{
    return m_target->text();
}

QString TapDialog::codec() const
{
    return m_codec->currentText();
}

void TapDialog::accept()
{
    QSettings().setValue(QStringLiteral("tap/listen"), m_listen->text());
    QSettings().setValue(QStringLiteral("tap/target"), m_target->text());
    QSettings().setValue(QStringLiteral("tap/codec"), m_codec->currentText());
    QDialog::accept();
}

} // namespace mas::ui
