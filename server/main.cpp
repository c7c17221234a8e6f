// SPDX-License-Identifier: MIT
#include "server/ServerInfo.h"
#include "server/cli/CommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(Colleagues::ServerInfo::applicationName());
    QCoreApplication::setApplicationVersion(Colleagues::ServerInfo::version());
    return Colleagues::Server::runCommandLine(QCoreApplication::arguments());
}
