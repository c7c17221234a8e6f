// SPDX-License-Identifier: MIT
// A QHttpServer bound through HttpGuard (or, with --no-guard, through a plain QTcpServer) on
// 127.0.0.1 and a free port, printed as "PORT <n>" on stdout. Used by tst_httpguard_memory to
// measure the memory of a server process that receives a huge upload.

#include "server/guard/HttpGuard.h"
#include "tests/server/GuardTestSupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption noGuard(QStringLiteral("no-guard"), QStringLiteral("Bind Qt HttpServer directly."));
    parser.addOption(noGuard);
    const QCommandLineOption linger(QStringLiteral("linger-ms"), QStringLiteral("Guard's linger time."),
                                    QStringLiteral("ms"));
    parser.addOption(linger);
    parser.process(app);

    QHttpServer server;
    GuardTest::addRoutes(server);
    QTcpServer *listener = nullptr;
    if (parser.isSet(noGuard)) {
        listener = new QTcpServer;
    } else {
        auto *guard = new Colleagues::Server::HttpGuard;
        guard->setBodyLimit("PUT", "/api/v1/profiles/me/photo", 8 * 1024 * 1024);
        if (parser.isSet(linger)) {
            Colleagues::Server::HttpGuard::Limits limits;
            limits.lingerTimeout = std::chrono::milliseconds(parser.value(linger).toInt());
            guard->setLimits(limits);
        }
        listener = guard;
    }
    if (!listener->listen(QHostAddress::LocalHost, 0)) {
        QTextStream(stderr) << "cannot listen: " << listener->errorString() << '\n';
        return 1;
    }
    server.bind(listener);
    QTextStream(stdout) << "PORT " << listener->serverPort() << Qt::endl;
    return app.exec();
}
