// SPDX-License-Identifier: MIT
#pragma once

// Private to ui/widgets/: not part of the API.

#include <QDialog>
#include <QFontMetrics>
#include <QGuiApplication>

namespace mas::ui::detail {

/// Makes `dialog` at least wide enough for its title as the window frame shows it, with the
/// application's name that Qt adds ("Explore Interleavings — MAS Inspector") and room for the
/// frame's icon and buttons: a short form under a long title (a longer language) had it cut.
/// Call after the dialog's layout is complete.
inline void fitTitle(QDialog *dialog)
{
    QFont titleFont = dialog->font(); // window frames mostly draw titles in bold
    titleFont.setBold(true);
    QString shown = dialog->windowTitle();
    if (!QGuiApplication::applicationDisplayName().isEmpty())
        shown += QStringLiteral(" \u2014 ") + QGuiApplication::applicationDisplayName();
    dialog->setMinimumWidth(
        qMax(dialog->minimumSizeHint().width(), QFontMetrics(titleFont).horizontalAdvance(shown) + 120));
}

} // namespace mas::ui::detail
