// SPDX-License-Identifier: MIT
#include "attachdialog.h"

#include "widgets/dialogtitle_p.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace mas::ui {

AttachDialog::AttachDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Attach to Container"));
    QSettings settings;
    m_address = new QLineEdit(this);
    m_address->setPlaceholderText(tr("tcp://127.0.0.1:5555 or ipc:///tmp/agents.sock"));
    m_address->setText(settings.value(QStringLiteral("attach/address")).toString());
    m_address->setToolTip(tr("The container's address, or one of its agents' URLs"));
    m_codec = new QComboBox(this);
    m_codec->addItems({QStringLiteral("json"), QStringLiteral("msgpack"), QStringLiteral("msgpackblosc")});
    m_codec->setCurrentText(settings.value(QStringLiteral("attach/codec"), QStringLiteral("json")).toString());
    const auto fileField = [this, &settings](const QString &key, const QString &tip) {
        auto *field = new QLineEdit(this);
        field->setText(settings.value(key).toString());
        field->setPlaceholderText(tr("PEM file (optional)"));
        field->setToolTip(tip);
        return field;
    };
    m_ca = fileField(QStringLiteral("attach/tlsCa"), tr("TLS: the CA certificate the container's certificate must be signed by"));
    m_cert = fileField(QStringLiteral("attach/tlsCert"), tr("TLS: the Inspector's own certificate (mutual TLS)"));
    m_key = fileField(QStringLiteral("attach/tlsKey"), tr("TLS: the private key of that certificate"));
    auto *hint = new QLabel(tr("A libmas container started with --monitor shows all its traffic. Any other "
                               "aiomas container shows the calls you make from the Call panel; to watch "
                               "its traffic, tap it instead (Connect → Tap a Connection)."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Attach"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Codec:"), m_codec);
    form->addRow(tr("TLS C&A:"), m_ca);
    form->addRow(tr("TLS ce&rtificate:"), m_cert);
    form->addRow(tr("TLS &key:"), m_key);
    form->addRow(hint);
    form->addRow(buttons);
    detail::fitTitle(this);
}

QString AttachDialog::address() const
{
    return m_address->text();
}

QString AttachDialog::codec() const
{
    return m_codec->currentText();
}

std::optional<mas::TlsOptions> AttachDialog::tls() const
{
    if (m_ca->text().isEmpty() && m_cert->text().isEmpty() && m_key->text().isEmpty())
        return std::nullopt;
    mas::TlsOptions tls;
    tls.caFile = m_ca->text();
    tls.certFile = m_cert->text();
    tls.keyFile = m_key->text();
    return tls;
}

void AttachDialog::accept()
{
    QSettings settings;
    settings.setValue(QStringLiteral("attach/address"), m_address->text());
    settings.setValue(QStringLiteral("attach/codec"), m_codec->currentText());
    settings.setValue(QStringLiteral("attach/tlsCa"), m_ca->text());
    settings.setValue(QStringLiteral("attach/tlsCert"), m_cert->text());
    settings.setValue(QStringLiteral("attach/tlsKey"), m_key->text());
    QDialog::accept();
}

} // namespace mas::ui
