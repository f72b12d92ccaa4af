// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace mas::ui {

/// Connect → Host a mosaik Simulator…: wait for mosaik or connect to it, and where. Starts with
/// the values used last (QSettings "mosaik/…") and keeps the accepted ones.
class MosaikDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MosaikDialog(QWidget *parent = nullptr);

    /// Whether to wait for mosaik (its `connect` starter) rather than connect to it (`cmd`).
    bool waitsForMosaik() const;
    /// HOST:PORT.
    QString address() const;

    void accept() override;

private:
    QComboBox *m_mode = nullptr;
    QLineEdit *m_address = nullptr;
};

} // namespace mas::ui
