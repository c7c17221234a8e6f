// SPDX-License-Identifier: MIT
// bench-server: the server's performance figures, against a real colleagues-server on loopback.
//
//  1. GET /api/v1/profiles/{username} with a valid token, 10,000 profiles, `wrk -c 50 -t 2 -d 10s`,
//     against nginx serving the same JSON as a static file with the same wrk settings in the same
//     run (target: at least 40% of nginx's requests per second).
//  2. A first sync of 100,000 profiles, all pages (target: at most 3 s).
//  3. 1,000 held long-polls on one instance (target: server RSS under 100 MB), and messages to
//     random ones of them (target: delivery p99 at most 100 ms).
//
// Usage: bench-server [--duration S] [--profiles N] [--sync-profiles N] [--long-polls N]
//                     [--messages N] [--skip-wrk] [--keep]

#include "bench/Report.h"
#include "bench/load/ProcessStats.h"
#include "server/storage/Storage.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestData.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <sys/resource.h>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

using Bench::out;
using Bench::say;

// --- data ----------------------------------------------------------------------------------------

const QStringList FirstNames {u"Ada"_qs,   u"Grace"_qs, u"Linus"_qs,  u"Zoë"_qs,   u"Misaki"_qs, u"José"_qs,
                              u"Amara"_qs, u"Chen"_qs,  u"Olivia"_qs, u"Noah"_qs,  u"Fatima"_qs, u"Lars"_qs,
                              u"Priya"_qs, u"Tomás"_qs, u"Ingrid"_qs, u"Kwame"_qs, u"Yuki"_qs,   u"Sofia"_qs};
const QStringList LastNames {u"Lovelace"_qs, u"Hopper"_qs, u"Müller"_qs,   u"Okafor"_qs, u"Tanaka"_qs,
                             u"García"_qs,   u"Nguyen"_qs, u"Svensson"_qs, u"Patel"_qs,  u"Kowalski"_qs,
                             u"Haddad"_qs,   u"Silva"_qs,  u"Dubois"_qs,   u"Mensah"_qs, u"Rossi"_qs};
const QStringList Departments {u"Platform Engineering"_qs,
                               u"Data Platform"_qs,
                               u"Payroll"_qs,
                               u"Robotics"_qs,
                               u"Sales"_qs,
                               u"Security"_qs,
                               u"People"_qs,
                               u"Finance"_qs};
const QStringList Locations {u"Berlin"_qs, u"London"_qs, u"São Paulo"_qs, u"Tokyo"_qs, u"Lagos"_qs, u"Toronto"_qs};
const QStringList Zones {u"Europe/Berlin"_qs, u"Europe/London"_qs, u"America/Sao_Paulo"_qs,
                         u"Asia/Tokyo"_qs,    u"Africa/Lagos"_qs,  u"America/Toronto"_qs};
const QStringList Skills {u"C++"_qs,         u"Rust"_qs,      u"Kubernetes"_qs, u"Python"_qs,
                          u"SAP payroll"_qs, u"Go"_qs,        u"Node.js"_qs,    u"CI/CD"_qs,
                          u"C#"_qs,          u".NET"_qs,      u"PostgreSQL"_qs, u"Japanese"_qs,
                          u"UI/UX"_qs,       u"Terraform"_qs, u"Qt"_qs,         u"Machine learning"_qs};
const QStringList Interests {u"chess"_qs, u"climbing"_qs, u"jazz"_qs, u"sourdough"_qs, u"cycling"_qs, u"poetry"_qs};

QString username(int i)
{
    return u"user%1"_qs.arg(i, 6, 10, QLatin1Char('0'));
}

Profile makeProfile(int i, QRandomGenerator &random)
{
    Profile p;
    p.username = username(i);
    const QString first = FirstNames.at(random.bounded(FirstNames.size()));
    const QString last = LastNames.at(random.bounded(LastNames.size()));
    p.displayName = first + QLatin1Char(' ') + last;
    p.email = p.username + u"@example.com"_qs;
    p.title = QStringList {u"Engineer"_qs, u"Senior Engineer"_qs, u"Manager"_qs, u"Analyst"_qs}.at(random.bounded(4));
    const int place = random.bounded(Locations.size());
    p.department = Departments.at(random.bounded(Departments.size()));
    p.location = Locations.at(place);
    p.timeZone = Zones.at(place);
    p.manager = i > 10 ? username(random.bounded(i / 10 + 1)) : QString();
    p.phone = u"+49 30 %1"_qs.arg(1000000 + i);
    const int skills = 3 + random.bounded(5);
    for (int k = 0; k < skills; ++k) {
        const QString name = Skills.at(random.bounded(Skills.size()));
        if (std::none_of(p.skills.cbegin(), p.skills.cend(), [&](const Skill &s) { return s.name == name; }))
            p.skills.append(Skill {name, 1 + random.bounded(5)});
    }
    p.interests = {Interests.at(random.bounded(Interests.size())), Interests.at(random.bounded(Interests.size()))};
    p.interests.removeDuplicates();
    p.bio = u"%1 works on %2 in %3. Ask about %4."_qs.arg(first, p.department, p.location, p.skills.first().name)
                .repeated(2);
    return p;
}

// Seeds \a count profiles, each with an account (so they may receive messages).
bool seed(Storage &storage, int count)
{
    QRandomGenerator random(42);
    constexpr int batch = 500;
    for (int first = 0; first < count; first += batch) {
        QList<Profile> profiles;
        QList<Account> accounts;
        for (int i = first; i < qMin(count, first + batch); ++i) {
            profiles.append(makeProfile(i, random));
            Account a;
            a.username = username(i);
            accounts.append(a);
        }
        if (!storage.createAccounts(accounts) || !storage.importProfiles(profiles))
            return false;
    }
    Account sender;
    sender.username = u"sender"_qs;
    return bool(storage.createAccounts({sender}));
}

// --- processes -----------------------------------------------------------------------------------

struct WrkResult
{
    double requestsPerSecond = 0;
    QString p50, p99;
    QString raw;
};

WrkResult runWrk(const QString &url, int seconds, const QStringList &extra)
{
    QProcess wrk;
    wrk.start(QStandardPaths::findExecutable(u"wrk"_qs),
              QStringList {u"-c"_qs, u"50"_qs, u"-t"_qs, u"2"_qs, u"-d"_qs, u"%1s"_qs.arg(seconds), u"--latency"_qs}
                  + extra + QStringList {url});
    wrk.waitForFinished(seconds * 1000 + 60000);
    WrkResult r;
    r.raw = QString::fromUtf8(wrk.readAllStandardOutput());
    const auto rps = QRegularExpression(u"Requests/sec:\\s+([0-9.]+)"_qs).match(r.raw);
    r.requestsPerSecond = rps.hasMatch() ? rps.captured(1).toDouble() : 0;
    r.p50 = QRegularExpression(u"\\s50%\\s+(\\S+)"_qs).match(r.raw).captured(1);
    r.p99 = QRegularExpression(u"\\s99%\\s+(\\S+)"_qs).match(r.raw).captured(1);
    const auto errors = QRegularExpression(u"Non-2xx or 3xx responses: (\\d+)"_qs).match(r.raw);
    if (errors.hasMatch())
        r.requestsPerSecond = -r.requestsPerSecond; // flagged: not all answers were successes
    return r;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_qs);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_qs;
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

// --- long-polls over raw sockets (QNetworkAccessManager opens at most 6 connections a host) ------

class PollConnection : public QObject
{
    Q_OBJECT

public:
    PollConnection(quint16 port, QByteArray token, QObject *parent)
        : QObject(parent)
        , m_token(std::move(token))
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, &PollConnection::onReadyRead);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool waitConnected()
    {
        return m_socket.state() == QAbstractSocket::ConnectedState || m_socket.waitForConnected(10000);
    }

    void poll(qint64 since)
    {
        m_buffer.clear();
        m_socket.write("GET /api/v1/sync?since=" + QByteArray::number(since)
                       + "&timeout=60 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token + "\r\n\r\n");
    }

    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders)
    {
        m_buffer.clear();
        m_socket.write(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token
                       + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                       + "\r\n" + extraHeaders + "\r\n" + body);
    }

Q_SIGNALS:
    void answered(int status, const QByteArray &body);

private:
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = m_buffer.left(headEnd);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (m_buffer.size() < headEnd + 4 + length)
            return;
        const int status = head.mid(9, 3).toInt();
        const QByteArray body = m_buffer.mid(headEnd + 4, length);
        m_buffer.remove(0, headEnd + 4 + length);
        Q_EMIT answered(status, body);
    }

    QTcpSocket m_socket;
    QByteArray m_token;
    QByteArray m_buffer;
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = qMin(values.size() - 1, qsizetype(std::ceil(p / 100.0 * double(values.size())) - 1));
    return values.at(qMax<qsizetype>(0, index));
}

//! Held long-polls, read from the server's --metrics-listen port.
int waitingLongPolls(const ServerProcess &server)
{
    Client monitor(server.metricsUrl());
    return int(Client::metricValue(monitor.get(u"/metrics"_qs).body, "colleagues_sync_longpolls_waiting"));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Benchmarks colleagues-server on loopback and prints figures and ratios."_qs);
    parser.addHelpOption();
    const QCommandLineOption durationOption(u"duration"_qs, u"Seconds per wrk run (default 10)."_qs, u"S"_qs, u"10"_qs);
    const QCommandLineOption profilesOption(
        u"profiles"_qs, u"Profiles for the GET and long-poll runs (default 10000)."_qs, u"N"_qs, u"10000"_qs);
    const QCommandLineOption syncOption(u"sync-profiles"_qs, u"Profiles for the first sync (default 100000)."_qs,
                                        u"N"_qs, u"100000"_qs);
    const QCommandLineOption pollsOption(u"long-polls"_qs, u"Held long-polls (default 1000)."_qs, u"N"_qs, u"1000"_qs);
    const QCommandLineOption messagesOption(u"messages"_qs, u"Messages sent to held long-polls (default 200)."_qs,
                                            u"N"_qs, u"200"_qs);
    const QCommandLineOption skipWrkOption(u"skip-wrk"_qs, u"Skip the wrk/nginx comparison."_qs);
    const QCommandLineOption roundsOption(u"rounds"_qs, u"Alternating server/nginx wrk rounds (default 3)."_qs, u"N"_qs,
                                          u"3"_qs);
    const QCommandLineOption keepOption(u"keep"_qs, u"Keep the temporary directory (logs)."_qs);
    parser.addOptions({durationOption, profilesOption, syncOption, pollsOption, messagesOption, skipWrkOption,
                       roundsOption, keepOption});
    parser.process(app);
    const int duration = parser.value(durationOption).toInt();
    const int profiles = parser.value(profilesOption).toInt();
    const int syncProfiles = parser.value(syncOption).toInt();
    const int longPolls = qMin(parser.value(pollsOption).toInt(), profiles);
    const int messages = parser.value(messagesOption).toInt();
    const int rounds = qMax(1, parser.value(roundsOption).toInt());

    // Every held long-poll is a socket on each side.
    rlimit fileLimit {};
    getrlimit(RLIMIT_NOFILE, &fileLimit);
    fileLimit.rlim_cur = fileLimit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &fileLimit);

    QTemporaryDir dir;
    dir.setAutoRemove(!parser.isSet(keepOption));
    say(u"bench-server: working in %1 (%2 cores, load average %3)"_qs.arg(dir.path())
            .arg(QThread::idealThreadCount())
            .arg(loadAverage()));
    int failures = 0;

    // ---- 1. GET /api/v1/profiles/{username} vs nginx ---------------------------------------------
    const QString smallDir = dir.filePath(u"small"_qs);
    auto smallStorage = Storage::create(StorageConfig::sqlite(smallDir));
    if (!smallStorage->open() || !seed(*smallStorage, profiles))
        qFatal("cannot seed %d profiles", profiles);
    ServerProcess server(smallDir);
    server.setLogFile(dir.filePath(u"server-small.log"_qs));
    // One sender sends every message of the delivery run: no per-member rate limit here.
    if (!server.start(0, {u"--metrics-listen"_qs, u"127.0.0.1:0"_qs, u"--message-rate"_qs, u"0"_qs}))
        qFatal("cannot start colleagues-server: %s", qPrintable(server.errorString()));
    const QByteArray token = createSession(*smallStorage, u"sender"_qs, Role::Member, 86400);
    const QString target = username(42);
    Client api(server.url());
    api.setToken(token);
    const Response profile = api.get(u"/api/v1/profiles/"_qs + target);
    if (profile.status != 200)
        qFatal("GET profile answered %d", profile.status);
    const QByteArray json = profile.body;
    say(u"profiles: %1 seeded; GET /api/v1/profiles/%2 answers %3 bytes of JSON"_qs.arg(profiles).arg(target).arg(
        json.size()));

    if (!parser.isSet(skipWrkOption)) {
        const QString nginxBin =
            QFile::exists(u"/usr/sbin/nginx"_qs) ? u"/usr/sbin/nginx"_qs : QStandardPaths::findExecutable(u"nginx"_qs);
        if (nginxBin.isEmpty() || QStandardPaths::findExecutable(u"wrk"_qs).isEmpty()) {
            say(u"profiles GET: SKIPPED (wrk or nginx missing; packaging/install-deps.sh installs them)"_qs);
        } else {
            const QString root = dir.filePath(u"www"_qs);
            QDir().mkpath(root + u"/api/v1/profiles"_qs);
            QFile file(root + u"/api/v1/profiles/"_qs + target);
            file.open(QIODevice::WriteOnly);
            file.write(json);
            file.close();
            // nginx's workers run as an unprivileged user when started as root: let them read.
            const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
            for (QString path = root + u"/api/v1/profiles"_qs; path.startsWith(dir.path());
                 path = QFileInfo(path).path())
                QFile::setPermissions(path, readable);
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                | QFileDevice::ReadOther);
            const quint16 nginxPort = ServerProcess::unusedPort();
            QFile conf(dir.filePath(u"nginx.conf"_qs));
            conf.open(QIODevice::WriteOnly);
            conf.write(
                u"worker_processes auto;\ndaemon off;\npid %1/nginx.pid;\nerror_log %1/nginx-error.log;\n"
                "events { worker_connections 4096; }\n"
                "http {\n  access_log off;\n  default_type application/json;\n  keepalive_requests 1000000;\n"
                "  client_body_temp_path %1/tmp;\n  proxy_temp_path %1/tmp;\n  fastcgi_temp_path %1/tmp;\n"
                "  uwsgi_temp_path %1/tmp;\n  scgi_temp_path %1/tmp;\n"
                "  server {\n    listen 127.0.0.1:%2;\n    root %3;\n    location / { }\n  }\n}\n"_qs.arg(dir.path())
                    .arg(nginxPort)
                    .arg(root)
                    .toUtf8());
            conf.close();
            QDir().mkpath(dir.filePath(u"tmp"_qs));
            QProcess nginx;
            nginx.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
            nginx.start(nginxBin, {u"-c"_qs, conf.fileName(), u"-p"_qs, dir.path()});
            nginx.waitForStarted();
            const QString nginxUrl = u"http://127.0.0.1:%1/api/v1/profiles/%2"_qs.arg(nginxPort).arg(target);
            Client nginxApi(QUrl(u"http://127.0.0.1:%1"_qs.arg(nginxPort)));
            for (int i = 0; i < 100 && nginxApi.get(u"/api/v1/profiles/"_qs + target).body != json; ++i)
                QThread::msleep(50); // nginx starting up; bounded
            if (nginxApi.get(u"/api/v1/profiles/"_qs + target).body != json)
                qFatal("nginx does not serve the same JSON");

            const QStringList auth {u"-H"_qs, u"Authorization: Bearer "_qs + QString::fromLatin1(token)};
            // Alternating rounds, so that both see the same conditions; the verdict is the median
            // round's ratio.
            say(u"profiles GET (wrk -c 50 -t 2 -d %1s, %2 profiles, same JSON), %3 alternating round(s):"_qs
                    .arg(duration)
                    .arg(profiles)
                    .arg(rounds));
            QList<double> ratios;
            WrkResult theirs;
            for (int round = 1; round <= rounds; ++round) {
                const WrkResult ours = runWrk(server.url(u"/api/v1/profiles/"_qs + target).toString(), duration, auth);
                theirs = runWrk(nginxUrl, duration, {});
                const double ratio =
                    theirs.requestsPerSecond > 0 ? ours.requestsPerSecond / theirs.requestsPerSecond : 0;
                ratios.append(ratio);
                say(u"  round %1: colleagues-server %2 req/s (p50 %3, p99 %4); nginx %5 req/s (p50 %6, p99 %7); "
                    "ratio %8%"_qs.arg(round)
                        .arg(ours.requestsPerSecond, 0, 'f', 0)
                        .arg(ours.p50, ours.p99)
                        .arg(theirs.requestsPerSecond, 0, 'f', 0)
                        .arg(theirs.p50, theirs.p99)
                        .arg(ratio * 100, 0, 'f', 1));
            }
            const double ratio = percentile(ratios, 50);
            const bool ok = ratio >= 0.40;
            failures += ok ? 0 : 1;
            say(u"  ratio (median round): %1% of nginx (target >= 40%) %2"_qs.arg(ratio * 100, 0, 'f', 1)
                    .arg(ok ? u"OK"_qs : u"MISSED"_qs));

            // The same with a different profile on every request (less help from the cache).
            const QString script = dir.filePath(u"random.lua"_qs);
            QFile lua(script);
            lua.open(QIODevice::WriteOnly);
            lua.write(u"math.randomseed(7)\nrequest = function()\n"
                      "  return wrk.format(nil, string.format(\"/api/v1/profiles/user%06d\", math.random(0, %1)))\n"
                      "end\n"_qs.arg(profiles - 1)
                          .toUtf8());
            lua.close();
            const WrkResult random = runWrk(server.url(u"/api/v1/profiles/"_qs + target).toString(), duration,
                                            auth + QStringList {u"-s"_qs, script});
            say(u"  colleagues-server, a random one of %1 profiles per request: %2 req/s (p99 %3), %4% of nginx"_qs
                    .arg(profiles)
                    .arg(random.requestsPerSecond, 0, 'f', 0)
                    .arg(random.p99)
                    .arg(theirs.requestsPerSecond > 0 ? random.requestsPerSecond / theirs.requestsPerSecond * 100 : 0,
                         0, 'f', 1));
            nginx.terminate();
            nginx.waitForFinished(5000);
        }
    }

    // ---- 3. held long-polls and message delivery (on the 10,000-profile server) -------------------
    {
        const qint64 since = smallStorage->latestSequence();
        QList<QByteArray> tokens;
        for (int i = 0; i < longPolls; ++i)
            tokens.append(createSession(*smallStorage, username(i), Role::Member, 86400));
        const qint64 rssBefore = Load::residentKiB(server.pid());
        QList<PollConnection *> polls;
        QList<qint64> cursors(longPolls, since);
        for (int i = 0; i < longPolls; ++i) {
            auto *c = new PollConnection(server.port(), tokens.at(i), &app);
            polls.append(c);
        }
        for (int i = 0; i < longPolls; ++i) {
            if (!polls.at(i)->waitConnected())
                qFatal("long-poll connection %d failed", i);
            polls.at(i)->poll(since);
        }
        QElapsedTimer timer;
        timer.start();
        int waiting = 0;
        while (timer.elapsed() < 60000 && (waiting = waitingLongPolls(server)) < longPolls)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
        const qint64 rss = Load::residentKiB(server.pid());
        const bool rssOk = rss >= 0 && rss < 100 * 1024;
        failures += (rssOk && waiting == longPolls) ? 0 : 1;
        say(u"long-polls: %1 held; server RSS %2 MB (%3 MB before them; target < 100 MB) %4"_qs.arg(waiting)
                .arg(double(rss) / 1024.0, 0, 'f', 1)
                .arg(double(rssBefore) / 1024.0, 0, 'f', 1)
                .arg(rssOk ? u"OK"_qs : u"MISSED"_qs));

        PollConnection sender(server.port(), token, &app);
        sender.waitConnected();
        QList<double> latencies;
        QList<double> commits;
        QRandomGenerator random(11);
        for (int m = 0; m < messages; ++m) {
            const int k = random.bounded(longPolls);
            QElapsedTimer clock;
            double delivered = -1;
            qint64 next = cursors.at(k);
            auto connection =
                QObject::connect(polls.at(k), &PollConnection::answered, &app, [&](int code, const QByteArray &body) {
                    if (code == 200)
                        delivered = double(clock.nsecsElapsed()) / 1e6;
                    next = QJsonDocument::fromJson(body).object().value(u"next"_qs).toInteger();
                });
            bool sent = false;
            double committed = -1;
            auto sentConnection =
                QObject::connect(&sender, &PollConnection::answered, &app, [&](int code, const QByteArray &) {
                    sent = code == 201;
                    committed = double(clock.nsecsElapsed()) / 1e6;
                });
            clock.start();
            sender.send("POST", "/api/v1/messages",
                        QJsonDocument(QJsonObject {{u"to"_qs, username(k)}, {u"body"_qs, u"ping %1"_qs.arg(m)}})
                            .toJson(QJsonDocument::Compact),
                        "Idempotency-Key: " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\r\n");
            QElapsedTimer guard;
            guard.start();
            while ((delivered < 0 || !sent) && guard.elapsed() < 10000)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
            QObject::disconnect(connection);
            QObject::disconnect(sentConnection);
            if (delivered < 0) {
                say(u"  message %1 to %2 was not delivered within 10 s"_qs.arg(m).arg(username(k)));
                ++failures;
                break;
            }
            latencies.append(delivered);
            commits.append(committed);
            cursors[k] = next;
            polls.at(k)->poll(next); // hold it again
            while (waitingLongPolls(server) < longPolls && guard.elapsed() < 20000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        const double p50 = percentile(latencies, 50), p99 = percentile(latencies, 99);
        const bool latencyOk = !latencies.isEmpty() && p99 <= 100.0;
        failures += latencyOk ? 0 : 1;
        say(u"  message to one of %1 held long-polls, delivered: p50 %2 ms, p99 %3 ms, max %4 ms over %5 messages "
            "(target p99 <= 100 ms) %6"_qs.arg(longPolls)
                .arg(p50, 0, 'f', 1)
                .arg(p99, 0, 'f', 1)
                .arg(percentile(latencies, 100), 0, 'f', 1)
                .arg(latencies.size())
                .arg(latencyOk ? u"OK"_qs : u"MISSED"_qs));
        say(u"  of which the send itself (POST answered after its commit, synchronous=FULL): p50 %1 ms, p99 %2 ms"_qs
                .arg(percentile(commits, 50), 0, 'f', 1)
                .arg(percentile(commits, 99), 0, 'f', 1));
        say(u"  server peak RSS (VmHWM) %1 MB"_qs.arg(double(Load::peakResidentKiB(server.pid())) / 1024.0, 0, 'f', 1));
        qDeleteAll(polls);
    }
    server.stop();
    smallStorage.reset();

    // ---- 2. first sync of 100,000 profiles ---------------------------------------------------------
    {
        const QString bigDir = dir.filePath(u"big"_qs);
        auto storage = Storage::create(StorageConfig::sqlite(bigDir));
        QElapsedTimer seeding;
        seeding.start();
        if (!storage->open() || !seed(*storage, syncProfiles))
            qFatal("cannot seed %d profiles", syncProfiles);
        say(u"first sync: %1 profiles seeded in %2 s"_qs.arg(syncProfiles)
                .arg(double(seeding.elapsed()) / 1000.0, 0, 'f', 1));
        const QByteArray syncToken = createSession(*storage, u"sender"_qs, Role::Member, 86400);
        ServerProcess big(bigDir);
        big.setLogFile(dir.filePath(u"server-big.log"_qs));
        if (!big.start())
            qFatal("cannot start colleagues-server: %s", qPrintable(big.errorString()));
        Client bigApi(big.url());
        bigApi.setToken(syncToken);
        // Twice: once with the client only reading every byte and finding the cursor (the
        // server's part), once parsing every page as JSON as a real client would.
        for (const bool parse : {false, true}) {
            const int limit = 5000;
            QElapsedTimer timer;
            timer.start();
            qint64 cursor = 0;
            qint64 bytes = 0;
            int pages = 0;
            int seen = 0;
            for (; pages < 100000; ++pages) {
                const Response page =
                    bigApi.send("GET", u"/api/v1/sync?since=%1&limit=%2"_qs.arg(cursor).arg(limit), {}, {}, 60000);
                if (page.status != 200)
                    qFatal("sync answered %d", page.status);
                const QByteArray &body = page.body;
                bytes += body.size();
                bool more = false;
                if (parse) {
                    const QJsonObject o = QJsonDocument::fromJson(body).object();
                    seen += int(o.value(u"profiles"_qs).toArray().size());
                    cursor = o.value(u"next"_qs).toInteger();
                    more = o.value(u"has_more"_qs).toBool();
                } else {
                    // The server writes {"has_more":..,"messages":[..],"next":N,"profiles":[..]...}; a
                    // '],"next":' can only be structural (quotes inside strings are escaped).
                    more = body.startsWith("{\"has_more\":true");
                    const qsizetype at = body.indexOf("],\"next\":");
                    cursor = at < 0 ? cursor : body.mid(at + 9, 24).split(',').value(0).toLongLong();
                    seen += int(body.count("\"username\":"));
                }
                if (!more) {
                    ++pages;
                    break;
                }
            }
            const double seconds = double(timer.elapsed()) / 1000.0;
            const bool ok = seconds <= 3.0 && seen == syncProfiles;
            if (!parse)
                failures += ok ? 0 : 1;
            say(u"first sync: %1 profiles in %2 pages of up to %3, %4 MB, %5 s %6 (target <= 3 s) %7"_qs.arg(seen)
                    .arg(pages)
                    .arg(limit)
                    .arg(double(bytes) / 1e6, 0, 'f', 1)
                    .arg(seconds, 0, 'f', 2)
                    .arg(parse ? u"with the client parsing every page"_qs : u"served (client reads every byte)"_qs)
                    .arg(ok ? u"OK"_qs : (parse ? u"(over 3 s)"_qs : u"MISSED"_qs)));
        }
        say(u"  server RSS after the first syncs %1 MB"_qs.arg(double(Load::residentKiB(big.pid())) / 1024.0, 0, 'f',
                                                               1));
        big.stop();
    }

    say(u"bench-server: load average at the end %1"_qs.arg(loadAverage()));
    say(failures == 0 ? u"bench-server: all targets met"_qs : u"bench-server: %1 target(s) missed"_qs.arg(failures));
    return failures == 0 ? 0 : 1;
}

#include "main.moc"
