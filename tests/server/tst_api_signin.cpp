// SPDX-License-Identifier: MIT
// Sign-in throttling over HTTP, on SQLite and PostgreSQL: 10 failures in 15 minutes per
// account or per address, then 429 with Retry-After, whatever the password.

#include "tests/support/BackendEnvironments.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QMap>
#include <QNetworkReply>
#include <QTest>

using namespace Colleagues::Test;

class TestApiSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();

    void throttledPerAccount();
    void throttledPerAddress();
    void successResetsTheAccountCount();
    void parallelBurstGetsAtMostTheLimit();
    void forwardedForIgnoredFromUntrustedPeers();
    void behindTrustedProxyEachClientCounts();

private:
    void failTimes(Client &c, const QString &username, int times);

    void restartWith(const QStringList &extraArguments);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ServerProcess> m_server;
};

void TestApiSignIn::initTestCase_data()
{
    addBackendRows();
}

void TestApiSignIn::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_db = TestDatabase::createOrSkip(backend);
    if (!m_db)
        return;
    QVERIFY(addUser(m_db->storage(), u"victim"_qs, u"victim-password"_qs));
    QVERIFY(addUser(m_db->storage(), u"bystander"_qs, u"bystander-password"_qs));
    m_server = std::make_unique<ServerProcess>(*m_db);
    QVERIFY2(m_server->start(0, {u"--metrics-listen"_qs, u"127.0.0.1:0"_qs}), qPrintable(m_server->errorString()));
}

void TestApiSignIn::cleanup()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
    m_server.reset();
    m_db.reset();
}

void TestApiSignIn::failTimes(Client &c, const QString &username, int times)
{
    for (int i = 0; i < times; ++i) {
        const Response r = c.signIn(username, u"wrong password %1"_qs.arg(i));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), u"invalid_credentials"_qs);
    }
}

void TestApiSignIn::throttledPerAccount()
{
    Client c(m_server->url());
    failTimes(c, u"victim"_qs, 10);
    if (QTest::currentTestFailed())
        return;
    // Forget the address's count so that only the account's is left.
    QVERIFY(m_db->storage().clearFailedSignIns(u"addr:127.0.0.1"_qs));

    const Response throttled = c.signIn(u"victim"_qs, u"victim-password"_qs);
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.errorCode(), u"too_many_requests"_qs);
    bool ok = false;
    const int retryAfter = throttled.header("Retry-After").toInt(&ok);
    QVERIFY(ok && retryAfter > 0 && retryAfter <= 15 * 60);
    // Case does not dodge the count.
    QCOMPARE(c.signIn(u"VICTIM"_qs, u"victim-password"_qs).status, 429);
    // Others are not affected.
    QCOMPARE(c.signIn(u"bystander"_qs, u"bystander-password"_qs).status, 200);

    const Response metrics = Client(m_server->metricsUrl()).get(u"/metrics"_qs);
    QVERIFY(metrics.body.contains("colleagues_signin_throttled_total 2"));
    QVERIFY(metrics.body.contains("colleagues_signin_failures_total 10"));
}

void TestApiSignIn::throttledPerAddress()
{
    Client c(m_server->url());
    // Ten different (unknown) accounts from one address.
    for (int i = 0; i < 10; ++i)
        QCOMPARE(c.signIn(u"guess%1"_qs.arg(i), u"password"_qs).status, 401);
    const Response throttled = c.signIn(u"bystander"_qs, u"bystander-password"_qs);
    QCOMPARE(throttled.status, 429);
    QVERIFY(!throttled.header("Retry-After").isEmpty());
}

void TestApiSignIn::successResetsTheAccountCount()
{
    Client c(m_server->url());
    failTimes(c, u"victim"_qs, 6);
    QCOMPARE(c.signIn(u"victim"_qs, u"victim-password"_qs).status, 200);
    QVERIFY(m_db->storage().clearFailedSignIns(u"addr:127.0.0.1"_qs));
    // The account starts counting afresh: six more failures are still answered normally.
    failTimes(c, u"victim"_qs, 6);
    QCOMPARE(c.signIn(u"victim"_qs, u"victim-password"_qs).status, 200);
}

void TestApiSignIn::restartWith(const QStringList &extraArguments)
{
    QCOMPARE(m_server->stop(), 0);
    m_server = std::make_unique<ServerProcess>(*m_db);
    QVERIFY2(m_server->start(0, extraArguments), qPrintable(m_server->errorString()));
}

void TestApiSignIn::parallelBurstGetsAtMostTheLimit()
{
    // Failures are stored only after their password check: checks in flight must count too.
    Client c(m_server->url());
    constexpr int burst = 200;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < burst; ++i) {
        const QJsonObject body {{u"username"_qs, u"victim"_qs}, {u"password"_qs, u"guess %1"_qs.arg(i)}};
        replies.append(c.start("POST", u"/api/v1/session"_qs, QJsonDocument(body).toJson(QJsonDocument::Compact),
                               {{"Content-Type", "application/json"}}));
    }
    QMap<int, int> statuses;
    for (QNetworkReply *reply : std::as_const(replies)) {
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 60000);
        ++statuses[Client::collect(reply).status];
        delete reply;
    }
    QVERIFY2(statuses.value(401) >= 1 && statuses.value(401) <= 10,
             qPrintable(u"%1 answers of 401"_qs.arg(statuses.value(401))));
    QCOMPARE(statuses.value(401) + statuses.value(429), burst);
    // And the limit holds afterwards, for the right password too.
    QCOMPARE(c.signIn(u"victim"_qs, u"victim-password"_qs).status, 429);
}

void TestApiSignIn::forwardedForIgnoredFromUntrustedPeers()
{
    // Without --trusted-proxy a client cannot choose the address it is counted under.
    Client c(m_server->url());
    for (int i = 0; i < 10; ++i) {
        const Response r =
            c.postJson(u"/api/v1/session"_qs, {{u"username"_qs, u"nobody%1"_qs.arg(i)}, {u"password"_qs, u"wrong"_qs}},
                       {{"X-Forwarded-For", u"198.51.100.%1"_qs.arg(i).toLatin1()}});
        QCOMPARE(r.status, 401);
    }
    const Response r = c.postJson(u"/api/v1/session"_qs,
                                  {{u"username"_qs, u"bystander"_qs}, {u"password"_qs, u"bystander-password"_qs}},
                                  {{"X-Forwarded-For", "203.0.113.77"}});
    QCOMPARE(r.status, 429);
}

void TestApiSignIn::behindTrustedProxyEachClientCounts()
{
    // Behind the shipped nginx every request comes from the proxy: one guesser must not lock
    // out the whole company.
    restartWith({u"--trusted-proxy"_qs, u"127.0.0.0/8,::1"_qs});
    if (QTest::currentTestFailed())
        return;
    Client c(m_server->url());
    auto signIn = [&c](const QString &user, const QString &password, const QByteArray &forwardedFor) {
        return c.postJson(u"/api/v1/session"_qs, {{u"username"_qs, user}, {u"password"_qs, password}},
                          {{"X-Forwarded-For", forwardedFor}});
    };
    for (int i = 0; i < 10; ++i)
        QCOMPARE(signIn(u"nobody%1"_qs.arg(i), u"wrong"_qs, "203.0.113.5").status, 401);
    // The guesser is throttled, even when it claims another address in front of its own.
    QCOMPARE(signIn(u"bystander"_qs, u"bystander-password"_qs, "203.0.113.5").status, 429);
    QCOMPARE(signIn(u"bystander"_qs, u"bystander-password"_qs, "198.51.100.1, 203.0.113.5").status, 429);
    // Everyone else still signs in.
    QCOMPARE(signIn(u"bystander"_qs, u"bystander-password"_qs, "192.0.2.44").status, 200);
    // An IPv6 guesser is counted per /64: a new address in the same /64 does not help.
    for (int i = 0; i < 10; ++i)
        QCOMPARE(signIn(u"nobody%1"_qs.arg(i), u"wrong"_qs, "2001:db8:1:2::1").status, 401);
    QCOMPARE(signIn(u"bystander"_qs, u"bystander-password"_qs, "2001:db8:1:2::ffff").status, 429);
    QCOMPARE(signIn(u"bystander"_qs, u"bystander-password"_qs, "2001:db8:1:3::1").status, 200);
}

QTEST_GUILESS_MAIN(TestApiSignIn)
#include "tst_api_signin.moc"
