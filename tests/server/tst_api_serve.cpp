// SPDX-License-Identifier: MIT
// The `serve` command as a process: its options and errors, clean shutdown on SIGTERM,
// HTTPS with a certificate made here (openssl), and two instances on one PostgreSQL.

#include "tests/support/Binaries.h"
#include "tests/support/CliRun.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <functional>
#include <optional>

#include <sys/resource.h>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

//! The server's command line run to its end (these tests are the ones that spell `serve`).
CliRun runServer(const QStringList &arguments)
{
    return runCli(serverBinary(), arguments, {}, 30000);
}

QByteArray sessionToken(Storage &storage, const QString &user)
{
    return createSession(storage, user, Role::Member, 600);
}

//! A test database on \a backend with an account for each of \a users, whose password is the
//! name followed by "-password"; nullptr when the backend is not there (the test skips) or an
//! account cannot be added (the test has failed).
std::unique_ptr<TestDatabase> databaseWith(const QString &backend, const QStringList &users)
{
    auto db = TestDatabase::createOrSkip(backend);
    if (!db)
        return nullptr;
    for (const QString &user : users) {
        if (!addUser(db->storage(), user, user + u"-password"_qs)) {
            QTest::qFail(qPrintable(u"cannot add the account %1"_qs.arg(user)), __FILE__, __LINE__);
            return nullptr;
        }
    }
    return db;
}

//! Whether the server has written \a username online in \a db (their first sync makes them so, a
//! status change of their own that would end their first held sync).
bool isOnline(TestDatabase &db, const QString &username)
{
    const Expected<Status> status = db.storage().findStatus(username);
    return status && status->presence == Presence::Online;
}

//! Held long-polls, from the server's --metrics-listen port; -1 when it cannot be read.
int waitingLongPolls(const ServerProcess &server)
{
    Client monitor(server.metricsUrl());
    return int(Client::metricValue(monitor.get(u"/metrics"_qs).body, "colleagues_sync_longpolls_waiting"));
}

//! Changes that woke every held long-poll of \a server because it did not know whom they concern.
int wakeAlls(const ServerProcess &server)
{
    Client monitor(server.metricsUrl());
    return int(Client::metricValue(monitor.get(u"/metrics"_qs).body, "colleagues_sync_longpoll_wake_all_total"));
}

//! Times \a server read from the database whom changes concern (their hints did not come).
int audienceReads(const ServerProcess &server)
{
    Client monitor(server.metricsUrl());
    return int(Client::metricValue(monitor.get(u"/metrics"_qs).body, "colleagues_sync_longpoll_audience_reads_total"));
}

//! Two instances on one PostgreSQL database: Alice's client talks to A, Bob's and Carol's to B
//! (whose metrics port is open).
struct TwoInstances
{
    std::unique_ptr<TestDatabase> db;
    std::optional<ServerProcess> a, b;
    std::optional<Client> alice, bob, carol;
};

//! A PostgreSQL test database with Alice, Bob and Carol, both instances started and the three
//! signed in; Bob and Carol are online (their first requests make them so, a status change that
//! would end their own first held sync). nullptr when the test skipped or failed.
std::unique_ptr<TwoInstances> twoInstances()
{
    auto t = std::make_unique<TwoInstances>();
    t->db = databaseWith(u"postgres"_qs, {u"alice"_qs, u"bob"_qs, u"carol"_qs});
    if (!t->db)
        return nullptr;
    const auto started = [&t] {
        QVERIFY2(t->a.emplace(*t->db).start(), qPrintable(t->a->errorString()));
        QVERIFY2(t->b.emplace(*t->db).start(0, {u"--metrics-listen"_qs, u"127.0.0.1:0"_qs}),
                 qPrintable(t->b->errorString()));
        QVERIFY(t->a->url().port() != t->b->url().port());
        t->alice.emplace(t->a->url(), sessionToken(t->db->storage(), u"alice"_qs));
        t->bob.emplace(t->b->url(), sessionToken(t->db->storage(), u"bob"_qs));
        t->carol.emplace(t->b->url(), sessionToken(t->db->storage(), u"carol"_qs));
        QVERIFY(t->bob->syncEnd() >= 0 && t->carol->syncEnd() >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(isOnline(*t->db, u"bob"_qs) && isOnline(*t->db, u"carol"_qs), 5000);
    };
    started();
    return QTest::currentTestFailed() ? nullptr : std::move(t);
}

//! While B holds Bob's and Carol's long-polls, runs \a beforeSending, then sends \a text from
//! Alice through A to Bob: B must answer Bob's poll with it within \a withinMs, and neither
//! answer Carol's (a message to Bob is none of her business) nor wake every poll it holds.
//! Fails the test otherwise.
void sendAcross(TwoInstances &t, const QString &text, int withinMs, const std::function<void()> &beforeSending = {})
{
    const qint64 cursor = t.bob->syncEnd();
    QVERIFY(cursor >= 0);
    QNetworkReply *poll = t.bob->start("GET", u"/api/v1/sync?since=%1&timeout=30"_qs.arg(cursor));
    QSignalSpy done(poll, &QNetworkReply::finished);
    QNetworkReply *bystander = t.carol->start("GET", u"/api/v1/sync?since=%1&timeout=30"_qs.arg(t.carol->syncEnd()));
    QSignalSpy bystanderDone(bystander, &QNetworkReply::finished);
    const auto cleanUp = qScopeGuard([&] {
        poll->abort();
        poll->deleteLater();
        bystander->abort();
        bystander->deleteLater();
    });
    QTRY_COMPARE(waitingLongPolls(*t.b), 2);
    const int wakeAllsBefore = wakeAlls(*t.b);
    if (beforeSending)
        beforeSending();

    QElapsedTimer timer;
    timer.start();
    const Response sent =
        t.alice->postJson(u"/api/v1/messages"_qs, {{u"to"_qs, u"bob"_qs}, {u"body"_qs, text}},
                          {{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}});
    QCOMPARE(sent.status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() > 0, qMax(5000, withinMs));
    const qint64 latency = timer.elapsed();
    QVERIFY2(latency < withinMs, qPrintable(u"delivered after %1 ms"_qs.arg(latency)));
    const Response r = Client::collect(poll);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains(text.toUtf8()));
    QCOMPARE(wakeAlls(*t.b), wakeAllsBefore);
    QCOMPARE(bystanderDone.count(), 0);
    bystander->abort();
    QTRY_COMPARE(waitingLongPolls(*t.b), 0);
}

} // namespace

class TestApiServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help();
    void badOptions_data();
    void badOptions();
    void busyPortIsAnError();
    void sigtermAnswersLongPollsAndExits();
    void tls();
    void twoInstancesOnOnePostgres();
    void lostNotificationWakesOnlyItsAudience();
    void databaseDownIs503();
    void oneConnectionBudgetForAllThreads();
    void messageRateLimit();
    void databasePasswordNotOnCommandLine();
    void raisesItsOpenFileLimit();
};

void TestApiServe::help()
{
    const CliRun r = runServer({u"serve"_qs, u"--help"_qs});
    QCOMPARE(r.exitCode, 0);
    for (const char *option :
         {"--listen", "--data-dir", "--database", "--database-password-file", "--tls-cert", "--tls-key"})
        QVERIFY2(r.out.contains(QLatin1String(option)), option);
}

void TestApiServe::badOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTemporaryDir dir;
    const QString data = u"/tmp/colleagues-serve-test-unused"_qs;
    QTest::addRow("no listen") << QStringList {u"--data-dir"_qs, data} << QByteArray("--listen");
    QTest::addRow("no storage") << QStringList {u"--listen"_qs, u"127.0.0.1:0"_qs} << QByteArray("--data-dir");
    QTest::addRow("both storages") << QStringList {u"--listen"_qs, u"127.0.0.1:0"_qs, u"--data-dir"_qs,
                                                   data,           u"--database"_qs,  u"postgresql://u@localhost/x"_qs}
                                   << QByteArray("not both");
    QTest::addRow("listen without port") << QStringList {u"--listen"_qs, u"127.0.0.1"_qs, u"--data-dir"_qs, data}
                                         << QByteArray("ADDRESS:PORT");
    QTest::addRow("bad port") << QStringList {u"--listen"_qs, u"127.0.0.1:70000"_qs, u"--data-dir"_qs, data}
                              << QByteArray("port");
    QTest::addRow("bad address") << QStringList {u"--listen"_qs, u"example.com:80"_qs, u"--data-dir"_qs, data}
                                 << QByteArray("IP address");
    QTest::addRow("bad metrics address") << QStringList {u"--listen"_qs, u"127.0.0.1:0"_qs,      u"--data-dir"_qs,
                                                         data,           u"--metrics-listen"_qs, u"9090"_qs}
                                         << QByteArray("--metrics-listen expects ADDRESS:PORT");
    QTest::addRow("cert without key") << QStringList {u"--listen"_qs, u"127.0.0.1:0"_qs, u"--data-dir"_qs,
                                                      data,           u"--tls-cert"_qs,  u"/nonexistent.pem"_qs}
                                      << QByteArray("go together");
    QTest::addRow("missing cert") << QStringList {u"--listen"_qs,   u"127.0.0.1:0"_qs,
                                                  u"--data-dir"_qs, data,
                                                  u"--tls-cert"_qs, u"/nonexistent.pem"_qs,
                                                  u"--tls-key"_qs,  u"/nonexistent-key.pem"_qs}
                                  << QByteArray("cannot read");
    QTest::addRow("not a database url") << QStringList {u"--listen"_qs, u"127.0.0.1:0"_qs, u"--database"_qs,
                                                        u"mysql://localhost/x"_qs}
                                        << QByteArray("--database");
    QTest::addRow("unknown option") << QStringList {u"--frobnicate"_qs} << QByteArray("frobnicate");
    QTest::addRow("extra argument") << QStringList {u"--listen"_qs, u"127.0.0.1:0"_qs, u"--data-dir"_qs, data,
                                                    u"now"_qs}
                                    << QByteArray("now");
}

void TestApiServe::badOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const CliRun r = runServer(QStringList {u"serve"_qs} + arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QString::fromUtf8(message)), qPrintable(r.err));
    QVERIFY(!r.out.contains(u"listening on"));
}

void TestApiServe::busyPortIsAnError()
{
    // The HTTP threads share their port (SO_REUSEPORT); a port another program holds must
    // still be refused rather than silently shared.
    QTcpServer other;
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    const CliRun r = runServer({u"serve"_qs, u"--listen"_qs, u"127.0.0.1:%1"_qs.arg(other.serverPort()),
                                u"--data-dir"_qs, dir.filePath(u"data"_qs)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"cannot listen on"), qPrintable(r.err));
    QVERIFY(!r.out.contains(u"listening on"));
}

void TestApiServe::sigtermAnswersLongPollsAndExits()
{
    auto db = databaseWith(u"sqlite"_qs, {u"alice"_qs});
    if (!db)
        return;
    ServerProcess server(*db);
    QVERIFY2(server.start(0, {u"--metrics-listen"_qs, u"127.0.0.1:0"_qs}), qPrintable(server.errorString()));
    Client c(server.url(), sessionToken(db->storage(), u"alice"_qs));
    // Alice's first sync makes her online, a change of her own that would end the held poll:
    // the cursor is taken once the server has written it (on a slow machine it may come late).
    QCOMPARE(c.get(u"/api/v1/sync?since=0"_qs).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(isOnline(*db, u"alice"_qs), 20000);
    const qint64 cursor = c.get(u"/api/v1/sync?since=0"_qs).json().value(u"next"_qs).toInteger();
    QNetworkReply *poll = c.start("GET", u"/api/v1/sync?since=%1&timeout=60"_qs.arg(cursor));
    QSignalSpy done(poll, &QNetworkReply::finished);
    QTRY_COMPARE_WITH_TIMEOUT(waitingLongPolls(server), 1, 20000); // a sanitized build on a busy machine is slow

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(server.stop(), 0);
    QVERIFY(timer.elapsed() < 10000);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() > 0, 5000);
    // The held request got its (empty) answer before the server went away.
    const Response r = Client::collect(poll);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"next"_qs).toInteger(), cursor);
    poll->deleteLater();
    QVERIFY(server.log().contains("shutting down"));
}

void TestApiServe::tls()
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_qs);
    if (openssl.isEmpty())
        QSKIP("openssl is not installed (packaging/install-deps.sh installs it)");
    QTemporaryDir dir;
    const QString cert = dir.filePath(u"cert.pem"_qs);
    const QString key = dir.filePath(u"key.pem"_qs);
    QProcess gen;
    gen.start(openssl,
              {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"rsa:2048"_qs, u"-nodes"_qs, u"-keyout"_qs, key, u"-out"_qs,
               cert, u"-days"_qs, u"2"_qs, u"-subj"_qs, u"/CN=127.0.0.1"_qs, u"-addext"_qs,
               u"subjectAltName=IP:127.0.0.1"_qs});
    QVERIFY(gen.waitForFinished(60000));
    QCOMPARE(gen.exitCode(), 0);

    auto db = databaseWith(u"sqlite"_qs, {u"alice"_qs});
    if (!db)
        return;
    ServerProcess server(*db);
    QVERIFY2(server.start(0, {u"--tls-cert"_qs, cert, u"--tls-key"_qs, key}), qPrintable(server.errorString()));
    QCOMPARE(server.url().scheme(), u"https"_qs);

    // A client that trusts the generated certificate.
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.setCaCertificates(QSslCertificate::fromPath(cert));
    Client c(server.url());
    c.setSslConfiguration(trusting);
    QCOMPARE(c.get(u"/healthz"_qs).status, 200);
    const Response signIn = c.signIn(u"alice"_qs, u"alice-password"_qs);
    QCOMPARE(signIn.status, 200);
    QCOMPARE(c.get(u"/api/v1/me"_qs).status, 200);

    // One that does not trust it gets no answer.
    Client stranger(server.url());
    const Response refused = stranger.get(u"/healthz"_qs);
    QCOMPARE(refused.status, 0);
    QCOMPARE(refused.error, QNetworkReply::SslHandshakeFailedError);

    // Plain HTTP to the TLS port gets no HTTP answer either.
    QUrl plain = server.url();
    plain.setScheme(u"http"_qs);
    Client cleartext(plain);
    QCOMPARE(cleartext.get(u"/healthz"_qs).status, 0);
    QCOMPARE(server.stop(), 0);
}

void TestApiServe::twoInstancesOnOnePostgres()
{
    const auto t = twoInstances();
    if (!t)
        return;
    ServerProcess &a = *t->a;
    ServerProcess &b = *t->b;
    Client &carol = *t->carol;
    Storage &storage = t->db->storage();

    // Sent through instance A, delivered by instance B's held long-poll within a second: B knew
    // from A's NOTIFY whom the message concerns, and woke Bob's poll alone.
    for (int round = 0; round < 3; ++round) {
        sendAcross(*t, u"across instances %1"_qs.arg(round), 1000);
        if (QTest::currentTestFailed())
            return;
    }

    // A session made through one instance works on the other; revoking it there is immediate.
    Client roaming(a.url());
    QCOMPARE(roaming.signIn(u"alice"_qs, u"alice-password"_qs).status, 200);
    Client sameTokenOnB(b.url());
    sameTokenOnB.setToken(roaming.token());
    QCOMPARE(sameTokenOnB.get(u"/api/v1/me"_qs).status, 200);
    QCOMPARE(roaming.send("DELETE", u"/api/v1/session"_qs).status, 204);
    // At once on the instance that revoked it; on the other one as soon as the database tells
    // it (its session cache would keep the session for SessionCache::HeardMaxAgeMs, a minute).
    QCOMPARE(roaming.get(u"/api/v1/me"_qs).status, 401);
    QTRY_COMPARE_WITH_TIMEOUT(sameTokenOnB.get(u"/api/v1/me"_qs).status, 401, 2000);

    // So do changes of access made by a command, which no instance makes itself: a promotion
    // and a demotion show in the role the session carries, a disabled account loses it.
    const auto roleOf = [](Client &client) {
        const Response me = client.get(u"/api/v1/me"_qs);
        return me.status == 200 ? me.json().value(u"user"_qs).toObject().value(u"role"_qs).toString()
                                : u"status %1"_qs.arg(me.status);
    };
    QCOMPARE(roleOf(carol), u"member"_qs); // checked, and cached, by B
    QVERIFY(storage.setRole(u"carol"_qs, Role::Admin));
    QTRY_COMPARE_WITH_TIMEOUT(roleOf(carol), u"admin"_qs, 2000);
    QVERIFY(storage.setRole(u"carol"_qs, Role::Member));
    QTRY_COMPARE_WITH_TIMEOUT(roleOf(carol), u"member"_qs, 2000);
    QVERIFY(storage.setDisabled(u"carol"_qs, true));
    QTRY_COMPARE_WITH_TIMEOUT(roleOf(carol), u"status 401"_qs, 2000);

    QCOMPARE(a.stop(), 0);
    QCOMPARE(b.stop(), 0);
}

void TestApiServe::lostNotificationWakesOnlyItsAudience()
{
    // Instance B does not hear A's notification of a message (B's listening connection is cut
    // just before): B learns that something committed when it listens again, reads whom it
    // concerns and wakes the recipient's poll alone, not every poll it holds.
    const auto t = twoInstances();
    if (!t)
        return;

    // B listens again within seconds; should it do so before the message (the cut and the
    // message are milliseconds apart), it hears it as usual: then another round.
    int lost = 0;
    for (int round = 0; round < 3 && lost == 0; ++round) {
        const int readsBefore = audienceReads(*t->b);
        sendAcross(*t, u"while B was not listening %1"_qs.arg(round), 10000, [&t] {
            QString error;
            QVERIFY2(t->db->adminExec(u"SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                                      " WHERE datname = '%1' AND application_name = 'colleagues-server-listener'"_qs,
                                      &error),
                     qPrintable(error));
        });
        if (QTest::currentTestFailed())
            return;
        if (audienceReads(*t->b) > readsBefore)
            ++lost;
    }
    QCOMPARE(lost, 1);
    QCOMPARE(t->a->stop(), 0);
    QCOMPARE(t->b->stop(), 0);
}

void TestApiServe::databaseDownIs503()
{
    auto db = databaseWith(u"postgres"_qs, {u"alice"_qs, u"bob"_qs});
    if (!db)
        return;
    ServerProcess server(*db);
    QVERIFY2(server.start(0, {u"--metrics-listen"_qs, u"127.0.0.1:0"_qs}), qPrintable(server.errorString()));
    Client c(server.url(), sessionToken(db->storage(), u"alice"_qs));
    QCOMPARE(c.get(u"/api/v1/me"_qs).status, 200);

    // Cut the database off: no new connections, and the open ones are ended.
    QString error;
    QVERIFY2(db->adminExec(u"ALTER DATABASE %1 ALLOW_CONNECTIONS false"_qs, &error), qPrintable(error));
    QVERIFY2(db->adminExec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'"_qs, &error),
             qPrintable(error));

    const Client::Headers key {{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}};
    for (const auto &[method, path] : QList<QPair<QByteArray, QString>> {
             {"GET", u"/api/v1/me"_qs}, {"GET", u"/api/v1/sync?since=0"_qs}, {"GET", u"/api/v1/profiles/bob"_qs}}) {
        const Response r = c.send(method, path);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.errorCode(), u"unavailable"_qs);
        QVERIFY(!r.header("Retry-After").isEmpty());
    }
    const Response send = c.postJson(u"/api/v1/messages"_qs, {{u"to"_qs, u"bob"_qs}, {u"body"_qs, u"hi"_qs}}, key);
    QCOMPARE(send.status, 503);
    // Bad input is still the client's fault, database or not.
    QCOMPARE(c.send("POST", u"/api/v1/messages"_qs, "{oops", {{"Content-Type", "application/json"}}).status, 400);
    QCOMPARE(c.get(u"/api/v1/sync?since=x"_qs).status, 400);
    const Response health = c.get(u"/healthz"_qs);
    QCOMPARE(health.status, 503);
    QCOMPARE(health.json().value(u"status"_qs).toString(), u"unavailable"_qs);
    // The metrics port needs no token, so no database either.
    const Response metrics = Client(server.metricsUrl()).get(u"/metrics"_qs);
    QVERIFY(
        metrics.body.contains("colleagues_http_requests_total{route=\"/api/v1/me\",method=\"GET\",status=\"503\"}"));
    QVERIFY(!metrics.body.contains("colleagues_database_errors_total 0\n"));

    // Back: the server recovers by itself.
    QVERIFY2(db->adminExec(u"ALTER DATABASE %1 ALLOW_CONNECTIONS true"_qs, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(c.get(u"/api/v1/me"_qs).status, 200, 15000);
    QCOMPARE(c.postJson(u"/api/v1/messages"_qs, {{u"to"_qs, u"bob"_qs}, {u"body"_qs, u"hi"_qs}}, key).status, 201);
    QCOMPARE(server.stop(), 0);
}

void TestApiServe::raisesItsOpenFileLimit()
{
    // Started with a soft limit below the hard one (a shell's usual 1024), the server takes the
    // hard limit for itself, and says so when that is still short of --max-connections.
    rlimit mine {};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &mine), 0);
    if (mine.rlim_max != RLIM_INFINITY && mine.rlim_max < 512)
        QSKIP("the hard limit on open files is too low to lower the soft one for this test");
    const rlimit saved = mine;
    rlimit lowered = mine;
    lowered.rlim_cur = 256;
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &lowered), 0); // inherited by the server process
    ServerProcess server;
    const bool started = server.start(0, {u"--max-connections"_qs, u"1000000"_qs});
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &saved), 0);
    QVERIFY2(started, qPrintable(server.errorString()));

    QFile limits(u"/proc/%1/limits"_qs.arg(server.pid()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    QByteArray line; // procfs files have no size: read them whole
    for (const QByteArray &each : limits.readAll().split('\n')) {
        if (each.startsWith("Max open files"))
            line = each;
    }
    const QList<QByteArray> fields = line.simplified().split(' ');
    QVERIFY2(fields.size() >= 5, line.constData());
    const QByteArray soft = fields[3];
    const QByteArray hard = fields[4];
    QCOMPARE(soft, hard);
    QVERIFY(soft != "256");
    QCOMPARE(server.stop(), 0);
    if (hard != "unlimited")
        QVERIFY2(server.log().contains("--max-connections 1000000 needs"), server.log().right(2000).constData());
}

void TestApiServe::oneConnectionBudgetForAllThreads()
{
    auto db = TestDatabase::createOrSkip(u"sqlite"_qs);
    if (!db)
        return;
    // Four threads share a budget of three connections: the fourth connection is refused,
    // whichever thread the kernel gives it to (a cap per thread would let it through).
    ServerProcess server(*db);
    QVERIFY2(server.start(0, {u"--http-threads"_qs, u"4"_qs, u"--max-connections"_qs, u"3"_qs}),
             qPrintable(server.errorString()));
    const QByteArray ping = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    std::vector<std::unique_ptr<QTcpSocket>> open;
    for (int i = 0; i < 4; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(server.url().host(), quint16(server.port()));
        QVERIFY(socket->waitForConnected(5000));
        socket->write(ping);
        QByteArray answer;
        QTRY_VERIFY((answer += socket->readAll(), answer.contains("\r\n\r\n") && answer.endsWith('}')));
        if (i < 3) {
            QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        } else {
            QVERIFY2(answer.startsWith("HTTP/1.1 503"), answer.constData());
            QVERIFY(answer.contains("too_many_connections"));
            QVERIFY(answer.contains("Retry-After"));
        }
        open.push_back(std::move(socket));
    }
    // A connection closed gives its place back. Each probe opens a connection of its own, and the
    // server may not have seen the previous probe's close yet: stop probing at the first 200
    // (QTRY evaluates its expression several times).
    open.front()->disconnectFromHost();
    open.erase(open.begin());
    bool served = false;
    const auto probe = [&] {
        Client c(server.url());
        return c.get(u"/healthz"_qs).status == 200;
    };
    QTRY_VERIFY_WITH_TIMEOUT(served || (served = probe()), 10000);
}

void TestApiServe::messageRateLimit()
{
    auto db = databaseWith(u"sqlite"_qs, {u"alice"_qs, u"bob"_qs});
    if (!db)
        return;
    ServerProcess server(*db);
    QVERIFY2(server.start(0, {u"--message-rate"_qs, u"3"_qs}), qPrintable(server.errorString()));
    Client alice(server.url(), sessionToken(db->storage(), u"alice"_qs));
    Client bob(server.url(), sessionToken(db->storage(), u"bob"_qs));
    auto send = [](Client &c, const QString &to, const QString &key) {
        return c.postJson(u"/api/v1/messages"_qs, {{u"to"_qs, to}, {u"body"_qs, u"hi"_qs}},
                          {{"Idempotency-Key", key.toLatin1()}});
    };
    const QString first = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(send(alice, u"bob"_qs, first).status, 201);
    // Retries of the same key are answered from the first send and do not count.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(send(alice, u"bob"_qs, first).status, 200);
    QCOMPARE(send(alice, u"bob"_qs, QUuid::createUuid().toString(QUuid::WithoutBraces)).status, 201);
    QCOMPARE(send(alice, u"bob"_qs, QUuid::createUuid().toString(QUuid::WithoutBraces)).status, 201);
    const Response refused = send(alice, u"bob"_qs, QUuid::createUuid().toString(QUuid::WithoutBraces));
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.errorCode(), u"too_many_requests"_qs);
    bool ok = false;
    const int retryAfter = refused.header("Retry-After").toInt(&ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 20, refused.header("Retry-After").constData());
    // Per member: bob still sends.
    QCOMPARE(send(bob, u"alice"_qs, QUuid::createUuid().toString(QUuid::WithoutBraces)).status, 201);
    // Three a minute: one comes back within 20 s.
    // (QTRY re-evaluates its condition once it holds: the send must not run again then.)
    int status = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        status == 201
            || (status = send(alice, u"bob"_qs, QUuid::createUuid().toString(QUuid::WithoutBraces)).status) == 201,
        25000);
}

void TestApiServe::databasePasswordNotOnCommandLine()
{
    auto db = databaseWith(u"postgres"_qs, {u"alice"_qs});
    if (!db)
        return;
    // COLLEAGUES_TEST_PG names user and password: split the password off.
    QUrl url(db->dataArguments().value(1));
    const QString password = url.password();
    QVERIFY2(!password.isEmpty(), "COLLEAGUES_TEST_PG has no password to split off");
    url.setPassword({});
    const QString bare = url.toString();
    QVERIFY(!bare.contains(u":"_qs + password + u"@"_qs));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"db-password"_qs);
    // Readable by others: refused, saying why.
    QVERIFY(plantFile(file, password.toUtf8() + '\n',
                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    const CliRun open = runServer(
        {u"serve"_qs, u"--listen"_qs, u"127.0.0.1:0"_qs, u"--database"_qs, bare, u"--database-password-file"_qs, file});
    QCOMPARE(open.exitCode, 2);
    QVERIFY2(open.err.contains(u"chmod 600"_qs), qPrintable(open.describe()));
    QVERIFY(!open.err.contains(u":"_qs + password + u"@"_qs));
    // A password in the URL and a file: refused too.
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
    const CliRun twice = runServer({u"serve"_qs, u"--listen"_qs, u"127.0.0.1:0"_qs, u"--database"_qs,
                                    db->dataArguments().value(1), u"--database-password-file"_qs, file});
    QCOMPARE(twice.exitCode, 2);
    QVERIFY2(twice.err.contains(u"one place"_qs), qPrintable(twice.describe()));
    // A password in the URL alone works, with a warning that does not repeat it.
    QVERIFY2(twice.err.contains(u"warning: the --database URL holds a password"_qs), qPrintable(twice.describe()));
    QVERIFY(!twice.err.contains(password));

    // 0600: the server starts and reaches the database.
    ServerProcess server(*db);
    server.setDataArguments({u"--database"_qs, bare, u"--database-password-file"_qs, file});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Client c(server.url(), sessionToken(db->storage(), u"alice"_qs));
    QCOMPARE(c.get(u"/api/v1/me"_qs).status, 200);
    QCOMPARE(server.stop(), 0);

    // From the environment (a systemd EnvironmentFile).
    qputenv("COLLEAGUES_DATABASE_PASSWORD", password.toUtf8());
    ServerProcess fromEnvironment(*db);
    fromEnvironment.setDataArguments({u"--database"_qs, bare});
    const bool started = fromEnvironment.start();
    qunsetenv("COLLEAGUES_DATABASE_PASSWORD");
    QVERIFY2(started, qPrintable(fromEnvironment.errorString()));
    Client e(fromEnvironment.url(), sessionToken(db->storage(), u"alice"_qs));
    QCOMPARE(e.get(u"/api/v1/me"_qs).status, 200);
    QCOMPARE(fromEnvironment.stop(), 0);

    // The other commands take the same options: an account added through the file...
    const CliRun added =
        runCli(serverBinary(),
               {u"user"_qs, u"add"_qs, u"dave"_qs, u"--database"_qs, bare, u"--database-password-file"_qs, file},
               "dave-password\n", 30000);
    QVERIFY2(added.succeeded(), qPrintable(added.describe()));
    QVERIFY2(!added.err.contains(u"warning"_qs), qPrintable(added.describe()));
    QVERIFY(db->storage().account(u"dave"_qs));
    // ... refused from a file others may read...
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const CliRun loose =
        runCli(serverBinary(),
               {u"user"_qs, u"disable"_qs, u"dave"_qs, u"--database"_qs, bare, u"--database-password-file"_qs, file});
    QCOMPARE(loose.exitCode, 2);
    QVERIFY2(loose.err.contains(u"chmod 600"_qs), qPrintable(loose.describe()));
    // ... and with the password in the URL, done with the same warning.
    const CliRun inUrl =
        runCli(serverBinary(), QStringList {u"user"_qs, u"disable"_qs, u"dave"_qs} + db->dataArguments());
    QVERIFY2(inUrl.succeeded(), qPrintable(inUrl.describe()));
    QVERIFY2(inUrl.err.contains(u"warning: the --database URL holds a password"_qs), qPrintable(inUrl.describe()));
    QVERIFY(!inUrl.err.contains(password));
    QVERIFY(db->storage().account(u"dave"_qs)->disabled);
}

QTEST_GUILESS_MAIN(TestApiServe)
#include "tst_api_serve.moc"
