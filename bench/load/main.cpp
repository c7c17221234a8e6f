// SPDX-License-Identifier: MIT
// colleagues-load: N simulated clients against one or more running colleagues-server instances
// (on one database). Each client signs in (or reuses its token), holds a long-poll on
// /api/v1/sync, watches the statuses of ~10 random people and its message partners, while the
// clients together send messages and change their status at fixed rates for D seconds.
// Reports errors, lost messages, send latency, message delivery (send -> arrival through the
// recipient's long-poll), presence seen by watchers (change -> arrival through each watcher's
// long-poll), the servers' RSS and CPU, the machine's load, and the targets of issue #16; with
// --group-size, also a group conversation's delivery to all its members (issue #17).
//
//   colleagues-load --server http://127.0.0.1:8080 [--server URL2] --accounts passwords.txt
//                   [--server-pid PID ...] [--metrics http://127.0.0.1:9090 ...]
//                   [--clients 500] [--duration 300] [--rate 100] [--presence-rate 0]
//                   [--group-size 50 --group-rate 2] ...
//
// --accounts is a "username,password" file, as `colleagues-server import-csv
// --initial-passwords FILE` writes it. Plain HTTP/1.1 on one epoll thread: one long-poll
// connection per client, and per server a small pool of keep-alive connections that carries
// the clients' short requests (sign-in, sends, status changes).

#include "bench/load/LoadRun.h"
#include "bench/load/ProcessStats.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/resource.h>

using namespace Colleagues::Load;

namespace {

std::optional<sockaddr_in> address(const QUrl &url)
{
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.port() <= 0)
        return std::nullopt;
    QString host = url.host();
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(quint16(url.port()));
    if (inet_pton(AF_INET, host.toLatin1().constData(), &a.sin_addr) != 1)
        return std::nullopt;
    return a;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("colleagues-load"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Simulated clients against running colleagues-server instances."));
    parser.addHelpOption();
    const auto option = [](const char *name, const char *help, const char *value = nullptr,
                           const char *defaultValue = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
        if (value)
            o.setValueName(QString::fromLatin1(value));
        if (defaultValue)
            o.setDefaultValue(QString::fromLatin1(defaultValue));
        return o;
    };
    const QCommandLineOption serverOption =
        option("server", "Server URL, http://IPV4:PORT; repeat for instances on one database.", "URL");
    const QCommandLineOption pidOption =
        option("server-pid", "Sample this server's RSS and CPU (one per --server).", "PID");
    const QCommandLineOption metricsOption =
        option("metrics", "The server's --metrics-listen URL (one per --server), for its held long-polls.", "URL");
    const QCommandLineOption accountsOption = option("accounts", "File of \"username,password\" lines.", "FILE");
    const QCommandLineOption tokensOption =
        option("tokens", "Keep the clients' tokens in FILE (mode 0600) and reuse them next time.", "FILE");
    const QCommandLineOption clientsOption = option("clients", "Simulated clients (500).", "N", "500");
    const QCommandLineOption durationOption = option("duration", "Seconds of load (300).", "S", "300");
    const QCommandLineOption rateOption =
        option("rate", "Messages per second, all clients together (clients / 5).", "R");
    const QCommandLineOption presenceOption =
        option("presence-rate", "Status changes per second, all clients together (0; needs a server with statuses).",
               "R", "0");
    const QCommandLineOption putShareOption =
        option("status-put-share",
               "Share of the status changes made by PUT /api/v1/me/status, the rest by "
               "presence=idle/active (0.2).",
               "F", "0.2");
    const QCommandLineOption watchOption = option("watch", "Random people each client watches (10).", "N", "10");
    const QCommandLineOption partnersOption = option("partners", "Message partners per client (3).", "N", "3");
    const QCommandLineOption pollTimeoutOption =
        option("poll-timeout", "Long-poll timeout in seconds (25).", "S", "25");
    const QCommandLineOption signInOption =
        option("sign-in-parallel", "Sign-ins at once per server (8; the server allows 10 per address).", "N", "8");
    const QCommandLineOption connectRateOption =
        option("connect-rate", "New long-poll connections per second during the ramp (1000).", "N", "1000");
    const QCommandLineOption poolOption =
        option("pool", "Most keep-alive connections per server for the clients' short requests (512).", "N", "512");
    const QCommandLineOption groupSizeOption =
        option("group-size",
               "Members of one group conversation among the connected clients, 2-50 (0: none); random members "
               "write to it at --group-rate and its delivery to every member is timed.",
               "N", "0");
    const QCommandLineOption groupRateOption =
        option("group-rate", "Messages per second to the group conversation (2).", "R", "2");
    const QCommandLineOption seedOption = option("seed", "Random seed (1).", "S", "1");
    const QCommandLineOption niceOption =
        option("nice",
               "Run at this nice value (-10; needs root): the simulated clients, one thread on the servers' "
               "machine, must not wait for CPU behind the servers they measure (real clients have their own).",
               "N", "-10");
    const QCommandLineOption noGzipOption =
        option("no-gzip", "Sync requests do not ask for gzip (the app's do: Accept-Encoding: gzip).");
    parser.addOptions({serverOption,  pidOption,       metricsOption,     accountsOption, tokensOption,
                       clientsOption, durationOption,  rateOption,        presenceOption, putShareOption,
                       watchOption,   partnersOption,  pollTimeoutOption, signInOption,   connectRateOption,
                       poolOption,    groupSizeOption, groupRateOption,   seedOption,     niceOption,
                       noGzipOption});
    parser.process(app);

    LoadOptions options;
    const QStringList servers = parser.values(serverOption);
    const QStringList pids = parser.values(pidOption);
    const QStringList metrics = parser.values(metricsOption);
    for (qsizetype i = 0; i < servers.size(); ++i) {
        LoadOptions::Server server;
        const QUrl url(servers.at(i));
        const std::optional<sockaddr_in> a = address(url);
        if (!a) {
            std::fprintf(stderr, "--server %s: give http://IPV4:PORT\n", qPrintable(servers.at(i)));
            return 2;
        }
        server.address = *a;
        server.host = (url.host() + QLatin1Char(':') + QString::number(url.port())).toLatin1();
        server.pid = pids.value(i).toLongLong();
        if (i < metrics.size()) {
            server.metrics = address(QUrl(metrics.at(i)));
            if (!server.metrics) {
                std::fprintf(stderr, "--metrics %s: give http://IPV4:PORT\n", qPrintable(metrics.at(i)));
                return 2;
            }
        }
        options.servers.push_back(server);
    }
    if (options.servers.empty() || !parser.isSet(accountsOption)) {
        std::fprintf(stderr, "--server http://HOST:PORT and --accounts FILE are required\n");
        return 2;
    }
    options.accountsFile = parser.value(accountsOption);
    options.tokensFile = parser.value(tokensOption);
    options.clients = parser.value(clientsOption).toInt();
    options.durationSeconds = parser.value(durationOption).toInt();
    options.messageRate = parser.isSet(rateOption) ? parser.value(rateOption).toDouble() : options.clients / 5.0;
    options.presenceRate = parser.value(presenceOption).toDouble();
    options.statusPutShare = parser.value(putShareOption).toDouble();
    options.watch = parser.value(watchOption).toInt();
    options.partners = parser.value(partnersOption).toInt();
    options.pollTimeoutSeconds = parser.value(pollTimeoutOption).toInt();
    options.signInParallel = std::max(1, parser.value(signInOption).toInt());
    options.connectRate = std::max(1.0, parser.value(connectRateOption).toDouble());
    options.poolConnections = std::max(1, parser.value(poolOption).toInt());
    options.groupSize = parser.value(groupSizeOption).toInt();
    options.groupRate = parser.value(groupRateOption).toDouble();
    if (options.groupSize != 0 && (options.groupSize < 2 || options.groupSize > 50 || options.groupRate <= 0)) {
        std::fprintf(stderr, "--group-size: 2 to 50 members (a conversation's most), with a --group-rate above 0\n");
        return 2;
    }
    options.seed = parser.value(seedOption).toUInt();
    options.acceptGzip = !parser.isSet(noGzipOption);
    const int wantedNice = parser.value(niceOption).toInt();
    if (::setpriority(PRIO_PROCESS, 0, wantedNice) != 0)
        std::fprintf(stderr, "could not run at nice %d (%s): the clients' figures may include waiting for CPU\n",
                     wantedNice, std::strerror(errno));
    errno = 0;
    options.niceValue = ::getpriority(PRIO_PROCESS, 0);

    // One socket per client plus the pools: far beyond the usual soft limit of 1024.
    const qint64 files = raiseOpenFileLimit();
    const qint64 needed = options.clients + qint64(options.servers.size()) * (options.poolConnections + 2) + 64;
    if (files >= 0 && files < needed) {
        std::fprintf(stderr, "only %lld open files allowed (hard limit), %lld needed for %d clients\n",
                     qlonglong(files), qlonglong(needed), options.clients);
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);

    LoadRun run(std::move(options));
    return run.run();
}
