// SPDX-License-Identifier: MIT
#include "mas/i18n/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace mas::i18n {

QList<Language> languages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("fr"), QStringLiteral("Français")}};
}

QLocale uiLocale(const QString &choice)
{
    for (const Language &language : languages()) {
        if (language.code == choice)
            return QLocale(choice);
    }
    return QLocale();
}

namespace {

/// English is the source texts, but for their plural forms ("%n hit(s)": "1 hit", "9 hits").
void installEnglishPlurals(QCoreApplication *app)
{
    auto *plurals = new QTranslator(app);
    if (plurals->load(QStringLiteral("mas_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(plurals);
    else
        delete plurals;
}

} // namespace

bool installTranslators(const QLocale &locale)
{
    QCoreApplication *app = QCoreApplication::instance();
    Q_ASSERT(app);
    // The user's languages in order of preference ("de-DE", "de", "en-US" for LANGUAGE=de:en):
    // the first that is English (the source texts) or has a catalogue wins.
    for (QString name : locale.uiLanguages()) {
        name.replace(u'-', u'_');
        const QLocale::Language language = QLocale(name).language();
        if (language == QLocale::English || language == QLocale::C) {
            installEnglishPlurals(app);
            return false;
        }
        auto *ours = new QTranslator(app);
        // "mas_de_DE" finds mas_de_DE.qm or else mas_de.qm
        if (!ours->load(QStringLiteral("mas_") + name, QStringLiteral(":/i18n"))) {
            delete ours;
            continue;
        }
        // Qt's own texts (QCommandLineParser's "Usage:", dialog buttons) in the same language.
        auto *qt = new QTranslator(app);
        if (qt->load(QStringLiteral("qtbase_") + name, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
        QCoreApplication::installTranslator(ours);
        return true;
    }
    installEnglishPlurals(app); // no catalogue for any of them: English
    return false;
}

} // namespace mas::i18n
