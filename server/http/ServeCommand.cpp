// SPDX-License-Identifier: MIT
#include "server/http/ServeCommand.h"

#include "server/accounts/PasswordHasher.h"
#include "server/cli/CliSupport.h"
#include "server/cli/LdapSyncCommand.h"
#include "server/directory/LdapAuthenticator.h"
#include "server/guard/HttpGuard.h"
#include "server/http/Api.h"
#include "server/http/ApiServer.h"
#include "server/http/ApiShared.h"
#include "server/http/BufferedLog.h"
#include "server/http/HttpThread.h"
#include "server/http/Metrics.h"
#include "server/http/MetricsListener.h"
#include "server/http/PhotoCodec.h"
#include "server/http/PresenceService.h"
#include "server/storage/Storage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace Colleagues::Server {

namespace {

int g_signalFds[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalFds[0], &byte, 1);
}

/*!
 * Every connection is a file descriptor, and so is each database connection and log: raises
 * the soft limit on open files to the hard one (the systemd unit sets LimitNOFILE), and warns
 * when even that is short of \a connections plus room for the rest.
 */
void raiseOpenFileLimit(int connections)
{
    constexpr rlim_t Room = 256; // listening sockets, database connections, files, pipes
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    const rlim_t needed = rlim_t(connections) + Room;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < needed) {
        qCWarning(lcHttp).noquote() << QStringLiteral("only %1 open files are allowed, fewer than the %2 that "
                                                      "--max-connections %3 needs; raise LimitNOFILE (systemd) or "
                                                      "ulimit -n, or lower --max-connections")
                                           .arg(quint64(limit.rlim_cur))
                                           .arg(quint64(needed))
                                           .arg(connections);
    }
}

struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;
};

//! Reads \a option, when given, into \a value; false when it is not a number from \a min to \a max.
bool readNumber(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max, int *value)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int number = parser.value(option).toInt(&ok);
    if (!ok || number < min || number > max)
        return false;
    *value = number;
    return true;
}

std::optional<ListenAddress> parseListen(const QString &text, QString &error)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0) {
        error = QStringLiteral("--listen expects ADDRESS:PORT (e.g. 127.0.0.1:8080 or [::1]:0), not \"%1\".").arg(text);
        return std::nullopt;
    }
    QString host = text.left(colon);
    const QString portText = text.mid(colon + 1);
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535) {
        error = QStringLiteral("--listen: \"%1\" is not a port number (0-65535; 0 picks a free one).").arg(portText);
        return std::nullopt;
    }
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    ListenAddress result;
    result.port = quint16(port);
    if (host.isEmpty() || host == QLatin1String("*"))
        result.address = QHostAddress(QHostAddress::Any);
    else if (host == QLatin1String("localhost"))
        result.address = QHostAddress(QHostAddress::LocalHost);
    else
        result.address = QHostAddress(host);
    if (result.address.isNull()) {
        error =
            QStringLiteral("--listen: \"%1\" is not an IP address (use e.g. 127.0.0.1, 0.0.0.0 or [::1]).").arg(host);
        return std::nullopt;
    }
    return result;
}

std::optional<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath, QString &error)
{
    QFile certFile(certPath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("--tls-cert: cannot read %1: %2").arg(certPath, certFile.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        error = QStringLiteral("--tls-cert: %1 holds no PEM certificate.").arg(certPath);
        return std::nullopt;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("--tls-key: cannot read %1: %2").arg(keyPath, keyFile.errorString());
        return std::nullopt;
    }
    const QByteArray keyData = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyData, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        error = QStringLiteral("--tls-key: %1 holds no unencrypted PEM private key (RSA, EC or DSA).").arg(keyPath);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(chain.first());
    if (chain.size() > 1)
        configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

QString urlHost(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QLatin1Char('[') + address.toString() + QLatin1Char(']');
    if (address == QHostAddress(QHostAddress::Any) || address == QHostAddress(QHostAddress::AnyIPv4))
        return QStringLiteral("0.0.0.0");
    return address.toString();
}

} // namespace

int runServeCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves the Colleagues API (/api/v1) over HTTP, or HTTPS with --tls-cert and --tls-key.\n"
                       "Prints \"listening on http://ADDRESS:PORT\" once ready; SIGTERM or SIGINT stop it cleanly."));
    parser.addHelpOption();
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Address and port to listen on, e.g. 127.0.0.1:8080, "
                                                         "0.0.0.0:443 or [::1]:0 (0: a free port)."),
                                          QStringLiteral("ADDR:PORT"));
    const QCommandLineOption certOption(QStringLiteral("tls-cert"),
                                        QStringLiteral("PEM certificate (chain) for HTTPS; needs --tls-key."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("tls-key"),
                                       QStringLiteral("PEM private key for HTTPS, unencrypted; needs --tls-cert."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption threadsOption(QStringLiteral("http-threads"),
                                           QStringLiteral("Threads answering HTTP, each with its own connections "
                                                          "(default: one per core)."),
                                           QStringLiteral("N"));
    const QCommandLineOption workersOption(QStringLiteral("workers"),
                                           QStringLiteral("Threads for database work (default: 2 per core, at "
                                                          "least 4)."),
                                           QStringLiteral("N"));
    const QCommandLineOption trustedProxyOption(
        QStringLiteral("trusted-proxy"),
        QStringLiteral("Reverse proxies (CIDR[,CIDR...]) whose X-Forwarded-For names the client, for sign-in "
                       "throttling and the access log; from any other peer the header is ignored."),
        QStringLiteral("CIDR"));
    const QCommandLineOption defaultVisibilityOption(
        QStringLiteral("default-visibility"),
        QStringLiteral("Who sees a private field when its owner has not chosen, e.g. phone=team,email=everyone "
                       "(fields: email, phone, location, bio, interests, photo; who: everyone, team, me)."),
        QStringLiteral("FIELD=WHO,..."));
    const QCommandLineOption lockedVisibilityOption(
        QStringLiteral("locked-visibility"),
        QStringLiteral("Private fields members cannot hide: always shown to everyone (e.g. email)."),
        QStringLiteral("FIELD,..."));
    const QCommandLineOption metricsListenOption(
        QStringLiteral("metrics-listen"),
        QStringLiteral("Also serve GET /metrics without a token on this address and port only, e.g. "
                       "127.0.0.1:9090 (on the main port /metrics needs an admin's token)."),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption maxConnectionsOption(
        QStringLiteral("max-connections"),
        QStringLiteral("Open client connections of the whole server, over every HTTP thread (default %1); more "
                       "are answered 503 with Retry-After.")
            .arg(HttpThread::DefaultMaxConnections),
        QStringLiteral("N"));
    const QCommandLineOption messageRateOption(
        QStringLiteral("message-rate"),
        QStringLiteral("Messages one member may send a minute, after a burst of as many (default %1; 0: no limit); "
                       "more are answered 429 with Retry-After.")
            .arg(MessageRate::DefaultPerMinute),
        QStringLiteral("N"));
    const QCommandLineOption authOption(
        QStringLiteral("auth"),
        QStringLiteral("How members sign in: \"local\" (passwords kept here, the default) or \"ldap\" (bind to the "
                       "directory that --url and --base name; local accounts with a password still sign in here)."),
        QStringLiteral("local|ldap"));
    const QCommandLineOption userFilterOption(
        QStringLiteral("ldap-user-filter"),
        QStringLiteral("With --auth ldap: the filter that finds a member's entry, %s standing for the username "
                       "(escaped; default (uid=%s), for Active Directory (sAMAccountName=%s))."),
        QStringLiteral("FILTER"));
    const QCommandLineOption syncIntervalOption(
        QStringLiteral("ldap-sync-interval"),
        QStringLiteral("Run ldap-sync with the directory options every MINUTES in the background (and once at "
                       "start)."),
        QStringLiteral("MINUTES"));
    const QCommandLineOption presenceOfflineOption(
        QStringLiteral("presence-offline-after"),
        QStringLiteral("Show a member offline when none of their clients was connected for SECONDS (default 120)."),
        QStringLiteral("SECONDS"));
    const Cli::StorageOptions storageOptions(Cli::StorageOptions::Fallback::None);
    const Cli::LdapOptions ldapOptions;
    parser.addOptions({presenceOfflineOption, listenOption, certOption, keyOption, threadsOption, workersOption,
                       trustedProxyOption, defaultVisibilityOption, lockedVisibilityOption, metricsListenOption,
                       maxConnectionsOption, messageRateOption, authOption, userFilterOption, syncIntervalOption});
    storageOptions.addTo(parser);
    ldapOptions.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("serve"), QStringLiteral("The command."), QStringLiteral("serve"));

    auto fail = [&err](const QString &message) {
        err << "colleagues-server serve: " << message << "\n"
            << "Try 'colleagues-server serve --help'.\n";
        err.flush();
        return 2;
    };

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        out.flush();
        return 0;
    }
    QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.first() == QLatin1String("serve"))
        positional.removeFirst();
    if (!positional.isEmpty())
        return fail(QStringLiteral("unexpected argument \"%1\".").arg(positional.first()));
    if (!parser.isSet(listenOption))
        return fail(QStringLiteral("--listen ADDR:PORT is required."));
    if (parser.isSet(certOption) != parser.isSet(keyOption))
        return fail(QStringLiteral("--tls-cert and --tls-key go together."));

    QString error;
    const std::optional<ListenAddress> listen = parseListen(parser.value(listenOption), error);
    if (!listen)
        return fail(error);
    std::optional<ListenAddress> metricsListen;
    if (parser.isSet(metricsListenOption)) {
        metricsListen = parseListen(parser.value(metricsListenOption), error);
        if (!metricsListen)
            return fail(error.replace(QStringLiteral("--listen"), QStringLiteral("--metrics-listen")));
    }
    int workers = 0;
    if (!readNumber(parser, workersOption, 1, 256, &workers))
        return fail(QStringLiteral("--workers expects a number from 1 to 256."));
    int httpThreads = qBound(1, QThread::idealThreadCount(), 8);
    if (!readNumber(parser, threadsOption, 1, 64, &httpThreads))
        return fail(QStringLiteral("--http-threads expects a number from 1 to 64."));
    int presenceOfflineAfter = 120;
    if (!readNumber(parser, presenceOfflineOption, 1, 24 * 60 * 60, &presenceOfflineAfter))
        return fail(QStringLiteral("--presence-offline-after expects a number of seconds from 1 to 86400."));
    int maxConnections = HttpThread::DefaultMaxConnections;
    if (!readNumber(parser, maxConnectionsOption, 1, 1'000'000, &maxConnections))
        return fail(QStringLiteral("--max-connections expects a number from 1 to 1000000."));
    int messageRate = MessageRate::DefaultPerMinute;
    if (!readNumber(parser, messageRateOption, 0, 1'000'000, &messageRate))
        return fail(QStringLiteral("--message-rate expects a number from 0 to 1000000."));
    TrustedProxies trustedProxies;
    if (parser.isSet(trustedProxyOption)) {
        const Expected<TrustedProxies> parsed = TrustedProxies::parse(parser.values(trustedProxyOption).join(u','));
        if (!parsed)
            return fail(QStringLiteral("--trusted-proxy: %1").arg(parsed.error().message));
        trustedProxies = parsed.value();
    }
    const Expected<FieldVisibility> defaultVisibility =
        FieldVisibility::fromText(parser.values(defaultVisibilityOption).join(u','));
    if (!defaultVisibility)
        return fail(QStringLiteral("--default-visibility: %1").arg(defaultVisibility.error().message));
    QStringList lockedNames;
    for (const QString &value : parser.values(lockedVisibilityOption))
        lockedNames += value.split(u',', Qt::SkipEmptyParts);
    const Expected<PrivateFields> locked = PrivateFields::fromNames(lockedNames, QStringLiteral("--locked-visibility"));
    if (!locked)
        return fail(locked.error().message);
    const Expected<VisibilityPolicy> visibilityPolicy =
        VisibilityPolicy::make(defaultVisibility.value(), locked.value());
    if (!visibilityPolicy)
        return fail(visibilityPolicy.error().message);
    // The company directory: sign-in by bind, and/or a sync in the background.
    const QString auth = parser.isSet(authOption) ? parser.value(authOption) : QStringLiteral("local");
    if (auth != u"local" && auth != u"ldap")
        return fail(QStringLiteral("--auth is \"local\" or \"ldap\", not \"%1\".").arg(auth));
    int syncMinutes = 0;
    if (!readNumber(parser, syncIntervalOption, 1, 7 * 24 * 60, &syncMinutes))
        return fail(QStringLiteral("--ldap-sync-interval expects minutes, from 1 to 10080 (a week)."));
    const bool useDirectory = auth == u"ldap" || syncMinutes > 0;
    if (!useDirectory && (ldapOptions.anySet(parser) || parser.isSet(userFilterOption)))
        return fail(
            QStringLiteral("the directory options (--url, --base, ...) need --auth ldap or --ldap-sync-interval."));
    if (parser.isSet(userFilterOption) && auth != u"ldap")
        return fail(QStringLiteral("--ldap-user-filter needs --auth ldap."));
    std::optional<Directory::DirectorySource> directory;
    std::optional<Directory::DirectoryMap> directoryMap;
    QString userFilter = QStringLiteral("(uid=%s)");
    if (useDirectory) {
        directory = ldapOptions.source(parser, &error);
        if (!directory)
            return fail(error);
        directoryMap = ldapOptions.readMap(parser, &error);
        if (!directoryMap)
            return fail(error);
        if (parser.isSet(userFilterOption))
            userFilter = parser.value(userFilterOption);
        if (const QString bad = Directory::LdapAuthenticator::checkUserFilter(userFilter); !bad.isEmpty())
            return fail(bad);
        if (!directory->settings.encrypted()) {
            err << "colleagues-server serve: warning: " << directory->settings.url
                << " is not encrypted: " << (auth == u"ldap" ? "members' passwords" : "the bind password")
                << " would travel in the clear; use ldaps:// or --starttls.\n";
            err.flush();
        }
    }
    std::optional<QSslConfiguration> tls;
    if (parser.isSet(certOption)) {
        tls = loadTls(parser.value(certOption), parser.value(keyOption), error);
        if (!tls)
            return fail(error);
    }

    QString warning;
    const std::optional<StorageConfig> config = storageOptions.config(parser, &error, &warning);
    if (!warning.isEmpty()) {
        err << "colleagues-server serve: warning: " << warning << "\n";
        err.flush();
    }
    if (!config)
        return fail(error);

    std::unique_ptr<Storage> storage = Storage::create(*config);
    const Expected<bool> opened = storage->open();
    if (!opened) {
        err << "colleagues-server serve: cannot open the database: " << opened.error().message << "\n";
        return 1;
    }

    PasswordHasher hasher;
    Metrics metrics;
    QThreadPool pool;
    pool.setObjectName(QStringLiteral("workers"));
    pool.setExpiryTimeout(-1); // workers keep their database connections
    // Two per core, on PostgreSQL too: a writer there no longer waits for the others across
    // round trips (Transaction::runSequenced()), and more workers only make more threads wait
    // for a core when the machine is busy (bench/load/run.sh --backends postgres2, 2 cores:
    // delivery p99 0.4-17 s with 8 workers, 0.5-4.1 s with 4).
    pool.setMaxThreadCount(workers > 0 ? workers : qMax(4, QThread::idealThreadCount() * 2));
    ApiShared shared(storage.get());
    shared.setVisibilityPolicy(visibilityPolicy.value());
    // Presence writes and the status sweeper run in their own thread, off the HTTP threads.
    QThread presenceThread;
    presenceThread.setObjectName(QStringLiteral("presence"));
    PresenceService presence(storage.get(), &shared, &metrics, std::chrono::seconds(presenceOfflineAfter));
    presence.moveToThread(&presenceThread);
    presenceThread.start();
    QMetaObject::invokeMethod(&presence, &PresenceService::start, Qt::QueuedConnection);
    const auto stopPresence = qScopeGuard([&presence, &presenceThread] {
        QMetaObject::invokeMethod(&presence, &PresenceService::stop, Qt::BlockingQueuedConnection);
        presenceThread.quit();
        presenceThread.wait();
    });
    shared.setPresence(&presence);
    if (auth == u"ldap") {
        auto authenticator =
            std::make_shared<Directory::LdapAuthenticator>(directory->settings, directory->base, userFilter);
        shared.setDirectoryCheck([authenticator](const QString &username, const QByteArray &password) {
            const Directory::LdapAuthenticator::Answer answer = authenticator->check(username, password);
            switch (answer.result) {
            case Directory::LdapAuthenticator::Result::Accepted: return DirectoryVerdict::Accepted;
            case Directory::LdapAuthenticator::Result::Rejected: return DirectoryVerdict::Rejected;
            case Directory::LdapAuthenticator::Result::Unavailable:
                qCWarning(lcHttp).noquote() << "sign-in cannot reach the directory:" << answer.detail;
                return DirectoryVerdict::Unavailable;
            }
            return DirectoryVerdict::Rejected;
        });
    }
    shared.messageRate().setPerMinute(messageRate);
    storage->setTeamVisibilityByDefault(visibilityPolicy->teamByDefault());
    GuardStats guardStats;
    metrics.setExtraSource([&guardStats] { return guardStats.exposition(); });

    quint16 port = listen->port;
    if (!HttpThread::reservePort(listen->address, &port, &error)) {
        err << "colleagues-server serve: cannot listen on " << parser.value(listenOption) << ": " << error << "\n";
        return 1;
    }
    raiseOpenFileLimit(maxConnections);
    const auto connectionBudget = std::make_shared<ConnectionBudget>(maxConnections);
    std::vector<std::unique_ptr<HttpThread>> threads;
    for (int i = 0; i < httpThreads; ++i) {
        const int fd = HttpThread::openListeningSocket(listen->address, &port, &error);
        if (fd < 0) {
            err << "colleagues-server serve: cannot listen on " << parser.value(listenOption) << ": " << error << "\n";
            return 1;
        }
        HttpThread::Setup setup;
        setup.storage = storage.get();
        setup.hasher = &hasher;
        setup.metrics = &metrics;
        setup.pool = &pool;
        setup.shared = &shared;
        setup.guardStats = &guardStats;
        setup.connections = connectionBudget;
        // On SQLite a light read takes microseconds and never waits for a writer (WAL).
        setup.inlineReads = config->backend == StorageConfig::Backend::Sqlite;
        setup.tls = tls;
        setup.trustedProxies = trustedProxies;
        setup.listeningSocket = fd;
        auto thread = std::make_unique<HttpThread>();
        if (!thread->start(setup, &error)) {
            ::close(fd);
            err << "colleagues-server serve: cannot serve on " << parser.value(listenOption) << ": " << error << "\n";
            return 1;
        }
        threads.push_back(std::move(thread));
    }

    // On this (the main) thread: Metrics::exposition() and the guard counters are thread-safe.
    MetricsListener metricsListener([&metrics] { return metrics.exposition(); });
    if (metricsListen && !metricsListener.listen(metricsListen->address, metricsListen->port)) {
        err << "colleagues-server serve: cannot listen on " << parser.value(metricsListenOption) << ": "
            << metricsListener.errorString() << "\n";
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        err << "colleagues-server serve: cannot set up signal handling\n";
        return 1;
    }
    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&notifier] {
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalFds[1], &byte, 1);
        notifier.setEnabled(false);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    // A client that vanishes mid-write must not kill the server.
    std::signal(SIGPIPE, SIG_IGN);
    // One write per batch of log lines rather than one per request.
    BufferedLog log;

    // Before "listening on", which tells a waiting script that everything is up.
    if (metricsListen) {
        out << "metrics on http://" << urlHost(metricsListen->address) << ':' << metricsListener.serverPort() << "\n";
    }
    out << "listening on " << (tls ? "https" : "http") << "://" << urlHost(listen->address) << ':' << port << "\n";
    out.flush();
    qCInfo(lcHttp).noquote() << "serving"
                             << (config->backend == StorageConfig::Backend::Sqlite ? config->sqliteFile()
                                                                                   : config->displayName())
                             << "on port" << port << "with" << httpThreads << "HTTP threads and"
                             << pool.maxThreadCount() << "workers";

    // ldap-sync in the background, off the HTTP threads: at start, then every interval; a run
    // still going when the next is due makes that one wait for the next tick.
    QTimer syncTimer;
    std::atomic<bool> syncRunning {false};
    QThread *syncThread = nullptr;
    if (syncMinutes > 0) {
        const auto startSync = [&] {
            if (syncRunning.exchange(true))
                return;
            if (syncThread) {
                syncThread->wait();
                delete syncThread;
            }
            syncThread = QThread::create([&storage, &syncRunning, source = *directory, map = *directoryMap] {
                const Expected<Directory::DirectorySyncReport> report =
                    Directory::syncDirectory(*storage, map, source, false);
                if (report) {
                    const QStringList lines = Cli::describeSync(report.value(), false).split(u'\n', Qt::SkipEmptyParts);
                    for (const QString &line : lines)
                        qCInfo(lcHttp).noquote() << "ldap-sync:" << line;
                } else {
                    qCWarning(lcHttp).noquote() << "ldap-sync failed, nothing was changed:" << report.error().message;
                }
                syncRunning = false;
            });
            syncThread->setObjectName(QStringLiteral("ldap-sync"));
            syncThread->start();
        };
        syncTimer.setInterval(std::chrono::minutes(syncMinutes));
        QObject::connect(&syncTimer, &QTimer::timeout, &syncTimer, startSync);
        syncTimer.start();
        startSync();
    }

    const int rc = QCoreApplication::exec();
    syncTimer.stop();
    if (syncThread) {
        syncThread->wait();
        delete syncThread;
    }

    qCInfo(lcHttp) << "shutting down";
    // First every thread stops taking requests and answers what it holds, then they go.
    metricsListener.close();
    for (const auto &thread : threads)
        thread->drain();
    pool.waitForDone();
    for (const auto &thread : threads)
        thread->stop();
    sigaction(SIGTERM, nullptr, nullptr);
    ::close(g_signalFds[0]);
    ::close(g_signalFds[1]);
    return rc;
}

} // namespace Colleagues::Server
