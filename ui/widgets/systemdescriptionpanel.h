// SPDX-License-Identifier: MIT
#pragma once

#include <mas/system/system.h>

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace mas::ui {

/// What a system is about, for students: its rules (SystemType::description), what each message
/// means (SystemType::messages), the invariants the running system checks (name and
/// description) and, for a faulty variant, what the bug is (SystemType::faultyDescription),
/// hidden behind "Reveal the bug" until the button is pressed, so that a class can look for it
/// first. The Inspector shows it in a dock when a system is opened.
class SystemDescriptionPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SystemDescriptionPanel(QWidget *parent = nullptr);

    /// Shows `type`, with the invariants of the running system. `faulty`: the system is the
    /// variant with the bug (the bug section shows when the type describes one). The bug stays
    /// revealed when the same type is shown again (a rebuilt or replayed system), and is hidden
    /// again for another type.
    void setSystem(const mas::system::SystemType &type, const QList<mas::system::Invariant> &invariants,
                   bool faulty);
    /// Shows nothing (no system).
    void clear();

    /// The type shown ("" for none).
    QString systemId() const { return m_id; }
    /// The text shown, as plain text (for tests and screen readers).
    QString text() const;
    /// True when a bug is described and can be revealed (it may be revealed already).
    bool hasBug() const { return !m_bug.isEmpty(); }
    bool isBugRevealed() const { return m_revealed; }
    /// Shows the bug's description (what "Reveal the bug" does).
    void revealBug();
    QPushButton *revealButton() const { return m_reveal; }

private:
    void render();

    QString m_id;
    QString m_title;
    QString m_description;
    QList<mas::system::MessageMeaning> m_messages;
    QList<QPair<QString, QString>> m_invariants;
    QString m_bug;
    bool m_revealed = false;

    QTextBrowser *m_browser = nullptr;
    QLabel *m_bugLabel = nullptr;
    QPushButton *m_reveal = nullptr;
    QTextBrowser *m_bugText = nullptr;
};

} // namespace mas::ui
