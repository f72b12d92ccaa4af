// SPDX-License-Identifier: MIT
// The user-interface languages: MAS Inspector's main window and `mas --help` in German under a
// German locale and in English under the C locale, the language choice in View → Language, and
// the German catalogue complete (every message translated, samples found at run time).

#include "widgets/inspectorwindow.h"

#include <mas/system/system.h>

#include <mas/agent/agenturl.h>
#include <mas/i18n/language.h>

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QStatusBar>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace mas;
using namespace mas::ui;

namespace {

QStringList menuTitles(const InspectorWindow &window)
{
    QStringList titles;
    for (const QAction *a : window.menuBar()->actions())
        titles << a->text();
    return titles;
}

QMenu *menuNamed(const QMenu *parent, const QString &title)
{
    for (QAction *a : parent->actions()) {
        if (a->menu() && a->text() == title)
            return a->menu();
    }
    return nullptr;
}

QStringList statusTexts(const InspectorWindow &window)
{
    QStringList texts;
    for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
        texts << label->text();
    return texts;
}

QStringList dockTitles(const InspectorWindow &window)
{
    QStringList titles;
    for (const QDockWidget *dock : window.findChildren<QDockWidget *>())
        titles << dock->windowTitle();
    return titles;
}

struct Run
{
    int exitCode = -1;
    QString out; // stdout and stderr
};

/// Runs the `mas` command line with the locale variables given (and none inherited).
Run runMas(const QStringList &arguments, const QStringList &localeVariables)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        env.remove(QString::fromLatin1(name));
    for (const QString &variable : localeVariables)
        env.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
#ifdef MAS_CLI
    process.start(QStringLiteral(MAS_CLI), arguments);
#else
    Q_UNUSED(arguments);
#endif
    Run run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAll());
    return run;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    // in this order: English before any translator is installed in this process
    void englishUnderTheCLocale();
    void languageChoices();
    void germanMainWindow();
    void germanLibraryTexts();
    void catalogueIsComplete();
    void cliHelpInGerman();
    void cliHelpInEnglishUnderC();
    // Skips where Qt's translations are not installed (a CTest test of its own: the skip shows).
    void qtTextsInGerman();
};

void tst_Translations::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("libmas-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    QSettings().remove(QStringLiteral("language"));
    // The demos are a plug-in, as for the Inspector itself.
    QVERIFY(mas::system::SystemRegistry::global().loadPlugins(QStringLiteral(MAS_DEMOS_PLUGIN_DIR)));
    QVERIFY(mas::system::SystemRegistry::global().find(u"leader-election"));
}

void tst_Translations::cleanupTestCase()
{
    QSettings().remove(QStringLiteral("language"));
}

void tst_Translations::englishUnderTheCLocale()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(!i18n::installTranslators(i18n::uiLocale()));     // C: the source texts
    QVERIFY(!i18n::installTranslators(i18n::uiLocale(QStringLiteral("en")))); // English chosen
    InspectorWindow window;
    QCOMPARE(menuTitles(window),
             (QStringList{QStringLiteral("&File"), QStringLiteral("&Connect"), QStringLiteral("&Run"),
                          QStringLiteral("&View"), QStringLiteral("&Help")}));
    QCOMPARE(window.stepAction()->text(), QStringLiteral("&Step"));
    QVERIFY(dockTitles(window).contains(QStringLiteral("Pending messages")));
    // English plural forms, not "(s)": every %n text of the German catalogue has them.
    QCOMPARE(QCoreApplication::translate("mas::ui::SearchBar", "%n hit(s)", nullptr, 1), QStringLiteral("1 hit"));
    QCOMPARE(QCoreApplication::translate("mas::ui::SearchBar", "%n hit(s)", nullptr, 9), QStringLiteral("9 hits"));
    const QString tsFile = qEnvironmentVariable("MAS_SOURCE_DIR") + QStringLiteral("/translations/mas_de.ts");
    QFile ts(tsFile);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(tsFile));
    QXmlStreamReader xml(&ts);
    QString context;
    int plurals = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"message"
                   && xml.attributes().value(QStringLiteral("numerus")) == u"yes") {
            while (!(xml.isStartElement() && xml.name() == u"source") && !xml.atEnd())
                xml.readNext();
            const QString source = xml.readElementText();
            const QString many = QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData(),
                                                             nullptr, 2);
            QVERIFY2(!many.contains(u"(s)"), qPrintable(context + QStringLiteral(": ") + many));
            ++plurals;
        }
    }
    QVERIFY(plurals > 10);
}

void tst_Translations::languageChoices()
{
    QCOMPARE(i18n::uiLocale(QStringLiteral("de")).language(), QLocale::German);
    QCOMPARE(i18n::uiLocale(QStringLiteral("fr")).language(), QLocale::French);
    QCOMPARE(i18n::uiLocale(QString()), QLocale()); // the system's (here: the default, C)
    QCOMPARE(i18n::uiLocale(QStringLiteral("xx")), QLocale());

    // View → Language lists the system default and every language by its own name; a choice is
    // stored for the next start and said so in the status line.
    InspectorWindow window;
    QMenu *view = nullptr;
    for (QAction *a : window.menuBar()->actions()) {
        if (a->text() == u"&View")
            view = a->menu();
    }
    QVERIFY(view);
    QMenu *language = menuNamed(view, QStringLiteral("&Language"));
    QVERIFY(language);
    QStringList names;
    for (const QAction *a : language->actions())
        names << a->text();
    QCOMPARE(names, (QStringList{QStringLiteral("System Default"), QStringLiteral("English"),
                                 QStringLiteral("Deutsch"), QStringLiteral("Français")}));
    QVERIFY(language->actions().at(0)->isChecked()); // nothing chosen yet
    language->actions().at(2)->trigger();
    QCOMPARE(InspectorWindow::languageSetting(), QStringLiteral("de"));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("de"));
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("The new language applies when MAS Inspector starts next time"));
    QCOMPARE(i18n::uiLocale(InspectorWindow::languageSetting()).language(), QLocale::German);
    language->actions().at(0)->trigger();
    QCOMPARE(InspectorWindow::languageSetting(), QString());
}

void tst_Translations::germanMainWindow()
{
    // What mas-inspector's main() does, under a German system locale.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(i18n::installTranslators(i18n::uiLocale(InspectorWindow::languageSetting())));

    InspectorWindow window;
    window.show();
    QCOMPARE(menuTitles(window),
             (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Verbinden"), QStringLiteral("Aus&führen"),
                          QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));
    // a tool bar action, with its tool tip
    QCOMPARE(window.stepAction()->text(), QStringLiteral("&Schritt"));
    QCOMPARE(window.stepAction()->toolTip(), QStringLiteral("Die älteste wartende Nachricht zustellen (F10)"));
    // the status line, before and with a system
    QVERIFY2(statusTexts(window).contains(QStringLiteral(
                 "Wählen Sie eine Demo und klicken Sie auf „Neues System“ oder hängen Sie sich an einen "
                 "laufenden Container an.")),
             qPrintable(statusTexts(window).join(u'|')));
    QVERIFY2(statusTexts(window).contains(QStringLiteral("0 Ereignisse")), qPrintable(statusTexts(window).join(u'|')));
    system::Parameters p;
    p.agents = 4;
    QVERIFY(window.newSystem(QStringLiteral("leader-election"), p));
    // the pending list's count (the teaching view may hide some of the 4: "0 wartend (4 …)")
    static const QRegularExpression pending(QStringLiteral("^\\d+ wartend"));
    QTRY_VERIFY_WITH_TIMEOUT(!statusTexts(window).filter(pending).isEmpty(), 5000);
    QVERIFY2(statusTexts(window).contains(QStringLiteral("Wahl läuft: 0 von 4 Knoten kennen einen Anführer")),
             qPrintable(statusTexts(window).join(u'|')));
    // dock titles
    const QStringList docks = dockTitles(window);
    for (const char *title : {"Wartende Nachrichten", "Uhr", "Aufruf", "System"})
        QVERIFY2(docks.contains(QString::fromUtf8(title)), qPrintable(docks.join(u'|')));
    // the File menu's items (Qt's own texts: qtTextsInGerman)
    QMenu *file = window.menuBar()->actions().at(0)->menu();
    QStringList items;
    for (const QAction *a : file->actions())
        items << a->text();
    QVERIFY2(items.contains(QStringLiteral("Sitzung &speichern…")), qPrintable(items.join(u'|')));
    QVERIFY2(items.contains(QStringLiteral("&Beenden")), qPrintable(items.join(u'|')));
    // A label's mnemonic ("&Ziel:") shows as a literal "&" unless the label has a buddy: every
    // label of the window (the docks and panels included) that has one must have a buddy.
    const QRegularExpression mnemonic(QStringLiteral("&[^&\\s]"));
    QStringList literal;
    for (const QLabel *label : window.findChildren<QLabel *>()) {
        if (label->textFormat() != Qt::RichText && !Qt::mightBeRichText(label->text())
            && label->text().contains(mnemonic) && !label->buddy())
            literal << label->text();
    }
    QVERIFY2(literal.isEmpty(), qPrintable(literal.join(u'|')));
}

void tst_Translations::germanLibraryTexts()
{
    // libmas's texts (context "mas", also those made in non-QObject classes) and the demos'
    Result<AgentUrl> url = AgentUrl::parse(QStringLiteral("tcp://127.0.0.1:5555"));
    QVERIFY(!url);
    QCOMPARE(url.error().message(),
             QStringLiteral("Die Agenten-URL „tcp://127.0.0.1:5555“ kann nicht gelesen werden: die Agenten-ID "
                            "fehlt (erwartet tcp://host:port/Agenten-ID)"));
    QCOMPARE(QCoreApplication::translate("mas::demos::LeaderElection", "at most one leader"),
             QStringLiteral("höchstens ein Anführer"));
}

void tst_Translations::catalogueIsComplete()
{
    // Every message of the German source has a translation (numerus forms included) ...
    const QString tsFile = qEnvironmentVariable("MAS_SOURCE_DIR") + QStringLiteral("/translations/mas_de.ts");
    QFile ts(tsFile);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(tsFile));
    QXmlStreamReader xml(&ts);
    QString context;
    QString source;
    int messages = 0;
    QStringList untranslated;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == u"translation") {
            const bool unfinished = xml.attributes().value(QStringLiteral("type")) == u"unfinished";
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty())
                untranslated << context + QStringLiteral(": ") + source;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 900);
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.mid(0, 20).join(u'\n')));

    // ... and the built-in catalogue answers a sample of every kind of context.
    QTranslator de;
    QVERIFY(de.load(QStringLiteral(":/i18n/mas_de.qm")));
    const std::pair<const char *, const char *> samples[] = {
        {"mas::ui::InspectorWindow", "&File"},
        {"mas::ui::ClockPanel", "Simulated time"},
        {"mas::ui::MessageDetailsWidget", "No message selected"},
        {"mas", "Connection closed"},
        {"mas::Channel", "The channel was destroyed"},
        {"main", "Number of agents."},
        {"CallCommand", "Service address or agent URL."},
        {"HostCommand", "Directory of agent plug-ins to load (repeatable)."},
        {"ExploreCommand", "not written: add --out FILE to open the run in MAS Inspector"},
        {"mas::system::Explorer", "No system to explore"},
        {"mas::demos::AgentTypes", "A node of the Chang-Roberts ring election; start() wakes it up."},
        {"mas::mosaik::Simulator", "The simulator was destroyed"},
    };
    for (const auto &[ctx, text] : samples) {
        const QString translated = de.translate(ctx, text);
        QVERIFY2(!translated.isEmpty() && translated != QString::fromUtf8(text), qPrintable(QString::fromUtf8(ctx)));
    }
    QCOMPARE(de.translate("mas::ui::InspectorWindow", "%n event(s)", nullptr, 1), QStringLiteral("%n Ereignis"));
    QCOMPARE(de.translate("mas::ui::InspectorWindow", "%n event(s)", nullptr, 2), QStringLiteral("%n Ereignisse"));
}

void tst_Translations::cliHelpInGerman()
{
#ifndef MAS_CLI
    QSKIP("the mas command line is not built");
#endif
    const Run usage = runMas({QStringLiteral("--help")}, {QStringLiteral("LANG=de_DE.UTF-8")});
    QCOMPARE(usage.exitCode, 0);
    QVERIFY2(usage.out.startsWith(QStringLiteral("Aufruf: mas BEFEHL [OPTIONEN]\n")), qPrintable(usage.out));
    QVERIFY2(usage.out.contains(QStringLiteral("  call     eine Methode eines aiomas-RPC-Dienstes oder -Agenten aufrufen")),
             qPrintable(usage.out));

    const Run call = runMas({QStringLiteral("call"), QStringLiteral("--help")}, {QStringLiteral("LANG=de_DE.UTF-8")});
    QCOMPARE(call.exitCode, 0);
    QVERIFY2(call.out.contains(QStringLiteral("Dienstadresse oder Agenten-URL.")), qPrintable(call.out));
    QVERIFY2(call.out.contains(QStringLiteral("Rückgabewert: 0 Erfolg;")), qPrintable(call.out));

    // LANGUAGE, the list of preferred languages, comes before LANG
    const Run preferred = runMas({QStringLiteral("--help")},
                                 {QStringLiteral("LANG=fr_FR.UTF-8"), QStringLiteral("LANGUAGE=de:fr")});
    QVERIFY2(preferred.out.startsWith(QStringLiteral("Aufruf: mas")), qPrintable(preferred.out));
}

void tst_Translations::cliHelpInEnglishUnderC()
{
#ifndef MAS_CLI
    QSKIP("the mas command line is not built");
#endif
    const Run usage = runMas({QStringLiteral("--help")}, {QStringLiteral("LC_ALL=C")});
    QCOMPARE(usage.exitCode, 0);
    QVERIFY2(usage.out.startsWith(QStringLiteral("Usage: mas COMMAND [OPTIONS]\n")), qPrintable(usage.out));
    const Run call = runMas({QStringLiteral("call"), QStringLiteral("--help")}, {QStringLiteral("LANG=C.UTF-8")});
    QVERIFY2(call.out.contains(QStringLiteral("Service address or agent URL.")), qPrintable(call.out));
    // English first in LANGUAGE wins over a German LANG
    const Run english = runMas({QStringLiteral("--help")},
                               {QStringLiteral("LANG=de_DE.UTF-8"), QStringLiteral("LANGUAGE=en:de")});
    QVERIFY2(english.out.startsWith(QStringLiteral("Usage: mas")), qPrintable(english.out));
}

void tst_Translations::qtTextsInGerman()
{
    // Qt's own texts come from Qt's catalogue, qtbase_de.qm, which not every Qt installation has.
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm")))
        QSKIP("Qt's German translations (qtbase_de.qm) are not installed");
    // In the Inspector, what its main() does under a German system locale (the dialogs' buttons) ...
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(i18n::installTranslators(i18n::uiLocale()));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
#ifdef MAS_CLI
    // ... and in `mas --help` (QCommandLineParser's heading).
    const Run call = runMas({QStringLiteral("call"), QStringLiteral("--help")}, {QStringLiteral("LANG=de_DE.UTF-8")});
    QCOMPARE(call.exitCode, 0);
    QVERIFY2(call.out.contains(QStringLiteral("\nOptionen:\n")), qPrintable(call.out));
#endif
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
