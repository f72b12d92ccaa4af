// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QStatusBar;

namespace mas::ui {

/// Long work in the status bar: a label, a progress bar and a Cancel button, installed as
/// permanent widgets and hidden while nothing runs. LoadProgress (opening a file) and
/// ReplayProgress (a replay) fill it from their session's signals.
class StatusProgress : public QObject
{
    Q_OBJECT

public:
    QProgressBar *bar() const { return m_bar; }
    QPushButton *cancelButton() const { return m_cancel; }

protected:
    /// `name` prefixes the widgets' object names (`<name>ProgressLabel`, `<name>ProgressBar`,
    /// `<name>CancelButton`); the texts come from the subclass, in its translation context.
    StatusProgress(QStatusBar *statusBar, const QString &name, const QString &cancelText, QObject *parent);
    void setShown(bool shown);

    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;

private:
    QPointer<QWidget> m_focusBefore; ///< where the keyboard was when the progress appeared
};

} // namespace mas::ui
