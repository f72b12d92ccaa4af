// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace mas::ui {

/// Connect → Tap a Connection…: where to listen, where to relay to, and the codec to decode
/// with. Starts with the values used last (QSettings "tap/…") and keeps the accepted ones.
class TapDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TapDialog(QWidget *parent = nullptr);

    QString listenAddress() const;
    QString targetAddress() const;
    QString codec() const;

    void accept() override;

private:
    QLineEdit *m_listen = nullptr;
    QLineEdit *m_target = nullptr;
    QComboBox *m_codec = nullptr;
};

} // namespace mas::ui
