#include "ClientInfo.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(Colleagues::ClientInfo::applicationName());
    QApplication::setApplicationVersion(Colleagues::ClientInfo::version());
    QApplication::setOrganizationName(QStringLiteral("Colleagues"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Find the colleague who knows, and message them."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    Colleagues::MainWindow window;
    window.show();
    return app.exec();
}
