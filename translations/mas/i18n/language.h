// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

/// The user-interface language of MAS Inspector and `mas`: which catalogues ship (translations/,
/// built into the executables as resources under :/i18n) and installing the matching translators.
///
///     QApplication app(argc, argv);
///     mas::i18n::installTranslators(mas::i18n::uiLocale(QSettings().value("language").toString()));
///
/// Call it once, right after the application object exists and before any text is made.
namespace mas::i18n {

/// One language the programs can show.
struct Language
{
    QString code;       ///< "en", "de", "fr": the value stored as the "language" setting
    QString nativeName; ///< the language's name in itself ("Deutsch"): shown untranslated
};

/// The languages offered: English (the source texts) and those with a catalogue.
QList<Language> languages();

/// The locale whose language to show. `choice` is a code from languages(), or empty for the
/// system's: QLocale(), which follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG (and
/// QLocale::setDefault()). An unknown code also means the system's.
QLocale uiLocale(const QString &choice = {});

/// Loads the programs' catalogue and Qt's own (qtbase, from Qt's translations directory, where
/// present) for `locale`'s languages and installs them on the application, which owns them.
/// Returns whether one of our catalogues was installed: false for English and for languages
/// without a catalogue, whose texts stay English.
bool installTranslators(const QLocale &locale);

} // namespace mas::i18n
