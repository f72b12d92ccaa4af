// SPDX-License-Identifier: MIT
#pragma once

#include <mas/channel/channeloptions.h>

#include <QDialog>

#include <optional>

class QComboBox;
class QLineEdit;

namespace mas::ui {

/// Connect → Attach to Container…: the address, the codec and optional TLS files. Starts with
/// the values used last (QSettings "attach/…") and keeps the accepted ones.
class AttachDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AttachDialog(QWidget *parent = nullptr);

    QString address() const;
    QString codec() const;
    /// Mutual TLS when any of the files is given.
    std::optional<mas::TlsOptions> tls() const;

    void accept() override;

private:
    QLineEdit *m_address = nullptr;
    QComboBox *m_codec = nullptr;
    QLineEdit *m_ca = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
};

} // namespace mas::ui
