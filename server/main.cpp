#include "ServerInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(Colleagues::ServerInfo::applicationName());
    QCoreApplication::setApplicationVersion(Colleagues::ServerInfo::version());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "The Colleagues directory and messaging server."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
