#include "CommandLine.h"
#include "ServerInfo.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(Colleagues::ServerInfo::applicationName());
    QCoreApplication::setApplicationVersion(Colleagues::ServerInfo::version());
    return Colleagues::Server::runCommandLine(QCoreApplication::arguments());
}
