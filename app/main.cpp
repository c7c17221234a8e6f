// SPDX-License-Identifier: MIT
#include "client/ClientInfo.h"
#include "client/CommandLine.h"
#include "ui/DesktopApp.h"
#include "ui/org/OrgCommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTextStream>
#include <QTranslator>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setApplicationName(Colleagues::ClientInfo::applicationName());
    QCoreApplication::setApplicationVersion(Colleagues::ClientInfo::version());
    QCoreApplication::setOrganizationName(QStringLiteral("Colleagues"));
}

// The app's own strings (embedded under :/i18n) and Qt's, in the system's language.
void installTranslators(QCoreApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(QLocale(), QStringLiteral("colleagues"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
    Colleagues::DesktopApp::installPluralForms();
}

// The desktop app's own options (the commands have theirs).
void addWindowOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Find the colleague who knows, and message them.") + QStringLiteral("\n\n")
        + Colleagues::CommandLine::commandsHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(QStringList {QStringLiteral("data-dir")},
                                        QCoreApplication::translate("main", "Keep the local store in DIR."),
                                        QStringLiteral("DIR")));
}

// --help, --version and a mistyped option open no window: they print, and need no display.
bool opensNoWindow(const QStringList &arguments)
{
    QCommandLineParser parser;
    addWindowOptions(parser);
    return !parser.parse(arguments) || parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))
        || parser.isSet(QStringLiteral("version"));
}

// Whether Qt can have a window at all: without a display it aborts with a message about its
// platform plugin. (QT_QPA_PLATFORM, e.g. offscreen for tests, is Qt's to judge.)
bool hasDisplay()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Commands (search, import-csv, ...) run without a window and need no display. `org` draws
    // its pictures with Qt Gui on the offscreen platform: still no display.
    if (Colleagues::CommandLine::commandName(arguments) == QLatin1String("org")) {
        QStringList rest = arguments; // the program name first, as QCommandLineParser expects
        rest.removeAt(rest.indexOf(QStringLiteral("org"), 1));
        if (Colleagues::OrgCommand::drawsPicture(rest)) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            QGuiApplication app(argc, argv);
            setApplicationInfo();
            installTranslators(app);
            return Colleagues::OrgCommand::run(rest);
        }
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        installTranslators(app);
        return Colleagues::OrgCommand::run(rest);
    }
    if (Colleagues::CommandLine::isCommand(arguments)) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        installTranslators(app);
        return Colleagues::CommandLine::run(QCoreApplication::arguments());
    }

    if (opensNoWindow(arguments)) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        installTranslators(app);
        QCommandLineParser parser;
        addWindowOptions(parser);
        parser.process(app); // prints the help, the version or the mistake, and exits
        return 0;
    }

    if (!hasDisplay()) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        installTranslators(app);
        QTextStream(stderr) << QCoreApplication::translate(
            "main",
            "colleagues: there is no display to open the window on (DISPLAY is not set).\n"
            "The commands need none: \"colleagues --help\" lists them.\n");
        return 1;
    }

    QApplication app(argc, argv);
    setApplicationInfo();
    installTranslators(app);

    QCommandLineParser parser;
    addWindowOptions(parser);
    parser.process(app);

    Colleagues::DesktopApp::setUpApplication();
    Colleagues::DesktopApp desktop;
    if (!desktop.open(parser.value(QStringLiteral("data-dir")))) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Colleagues cannot start"),
                              desktop.errorString());
        return 1;
    }
    desktop.start();
    return app.exec();
}
