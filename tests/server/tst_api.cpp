// SPDX-License-Identifier: MIT
// HTTP-level tests of /api/v1 against the real colleagues-server on a free port, on SQLite
// and on PostgreSQL: every route's success and error paths, the authorization matrix, the
// idempotent send, long-polls, and the Qt HttpServer 6.4 defects the server designs around.

#include "server/accounts/Tokens.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/ServerTest.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestImages.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

const QString AlicePassword = u"alice-correct-horse"_qs;
const QString BobPassword = u"bob-battery-staple"_qs;
const QString CarolPassword = u"carol-password-42"_qs;
const QString RootPassword = u"root-admin-secret"_qs;

Client::Headers ifMatch(qint64 revision)
{
    return {{"If-Match", '"' + QByteArray::number(revision) + '"'}};
}

Client::Headers idempotency(const QString &key)
{
    return {{"Idempotency-Key", key.toLatin1()}};
}

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject messageJson(const QString &to, const QString &body)
{
    return {{u"to"_qs, to}, {u"body"_qs, body}};
}

} // namespace

class TestApi : public ServerTest
{
    Q_OBJECT

private Q_SLOTS:
    void healthAndMetrics();
    void unknownRouteIs404AndWrongMethodIs405();
    void signInAndOut();
    void signInErrors();
    void me();
    void getProfile();
    void putProfileNeedsCurrentRevision();
    void putProfileValidation();
    void createOwnProfileWithRevisionZero();
    void adminRoutes();
    void photos();
    void photoRejections_data();
    void photoRejections();
    void bodyLimitsBeforeSignIn_data();
    void bodyLimitsBeforeSignIn();
    void idempotentSend();
    void messageErrors();
    void messagesOnlyReachParticipants();
    void markRead();
    void syncPaging();
    void syncStartOverAfterPurge();
    void syncErrors();
    void longPollWakesOnMessage();
    void longPollTimesOutEmpty();
    void quietLongPollTakesNoWorker();
    void longPollClientGoneIsSafe();
    void clientGoneMidRequestIsSafe();
    void pipelinedRequestsAnsweredInOrder();
    void authorizationMatrix_data();
    void authorizationMatrix();
    void badInputNeverAnswers5xx();
    void logHasNoSecrets();

private:
    void setUpBackend(ServerEnvironment &e) override;
    QStringList serverOptions() const override { return {u"--metrics-listen"_qs, u"127.0.0.1:0"_qs}; }
    Storage &storage() { return env().storage(); }
    qint64 revisionOf(const QString &user);
    int waitingLongPolls() { return int(metric("colleagues_sync_longpolls_waiting")); }
    double metric(const char *name);

    QByteArrayList m_issued; // the tokens handed out besides env().tokens, for the log check
};

void TestApi::setUpBackend(ServerEnvironment &e)
{
    Storage &s = e.storage();
    QVERIFY(addUser(s, u"alice"_qs, AlicePassword));
    QVERIFY(addUser(s, u"bob"_qs, BobPassword));
    QVERIFY(addUser(s, u"carol"_qs, CarolPassword));
    QVERIFY(addUser(s, u"root"_qs, RootPassword, Role::Admin));
    QVERIFY(addUser(s, u"dora"_qs, QString())); // no password: cannot sign in
    QVERIFY(addUser(s, u"eve"_qs, u"eve-password"_qs));
    QVERIFY(s.setDisabled(u"eve"_qs, true));
    e.addSessions({u"alice"_qs, u"bob"_qs, u"carol"_qs});
    e.addSessions({u"root"_qs}, Role::Admin);
}

qint64 TestApi::revisionOf(const QString &user)
{
    const std::optional<Profile> p = storage().profile(user);
    return p ? p->revision : 0;
}

double TestApi::metric(const char *name)
{
    // From the metrics port, which needs no token (--metrics-listen).
    Client c(env().server->metricsUrl());
    return Client::metricValue(c.get(u"/metrics"_qs).body, name);
}

// --- operations --------------------------------------------------------------------------------

void TestApi::healthAndMetrics()
{
    QCOMPARE(env().server->url().host(), u"127.0.0.1"_qs);
    auto c = client();
    const Response health = c->get(u"/healthz"_qs);
    QCOMPARE(health.status, 200);
    // Public: it says nothing but whether the server and its database work (no version, no counts).
    QCOMPARE(health.json(), (QJsonObject {{u"status"_qs, u"ok"_qs}}));
    QCOMPARE(c->get(u"/api/v1/healthz"_qs).status, 200);

    c->get(u"/api/v1/nothing-here"_qs);
    // On the main port only an admin reads the metrics.
    QCOMPARE(c->get(u"/metrics"_qs).status, 401);
    QCOMPARE(client(u"alice"_qs)->get(u"/metrics"_qs).status, 403);
    QCOMPARE(client(u"alice"_qs)->get(u"/api/v1/metrics"_qs).status, 403);
    const Response metrics = client(u"root"_qs)->get(u"/metrics"_qs);
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    // --metrics-listen serves them without a token, and nothing else.
    QVERIFY(env().server->metricsUrl().isValid());
    QVERIFY(env().server->metricsUrl().port() != env().server->url().port());
    Client monitor(env().server->metricsUrl());
    const Response open = monitor.get(u"/metrics"_qs);
    QCOMPARE(open.status, 200);
    QVERIFY(open.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    QVERIFY(open.body.contains("colleagues_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}"));
    QCOMPARE(monitor.get(u"/api/v1/me"_qs).status, 404);
    QCOMPARE(monitor.get(u"/healthz"_qs).status, 404);
    for (const char *family :
         {"colleagues_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}",
          "colleagues_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"}",
          "colleagues_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.005\"}",
          "colleagues_http_request_duration_seconds_count{route=\"/healthz\"}", "colleagues_sync_longpolls_waiting ",
          "colleagues_database_errors_total ", "colleagues_worker_jobs_queued ",
          "colleagues_worker_jobs_started_total ", "colleagues_worker_queue_wait_seconds_total ",
          "colleagues_sync_longpoll_sequence_wait_seconds_bucket{le=\"0.001\"} ",
          "colleagues_sync_longpoll_sequence_wait_seconds_count ",
          "colleagues_http_guard_rejections_total{reason=\"payload_too_large\"}"}) {
        QVERIFY2(metrics.body.contains(family), family);
    }
}

void TestApi::unknownRouteIs404AndWrongMethodIs405()
{
    auto c = client(u"alice"_qs);
    const Response missing = c->get(u"/api/v1/unknown"_qs);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), u"not_found"_qs);
    QVERIFY(missing.header("Content-Type").startsWith("application/json"));

    const Response wrong = c->send("DELETE", u"/api/v1/messages"_qs);
    QCOMPARE(wrong.status, 405);
    QCOMPARE(wrong.errorCode(), u"method_not_allowed"_qs);
    QCOMPARE(wrong.header("Allow"), QByteArray("POST"));

    const Response profileMethods = c->send("PATCH", u"/api/v1/profiles/me"_qs);
    QCOMPARE(profileMethods.status, 405);
    const QByteArray allow = profileMethods.header("Allow");
    QVERIFY2(allow.contains("GET") && allow.contains("PUT"), allow.constData());
}

// --- sessions ----------------------------------------------------------------------------------

void TestApi::signInAndOut()
{
    auto c = client();
    const Response r = c->signIn(u"Alice"_qs, AlicePassword); // usernames are case-insensitive
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    const QByteArray token = o.value(u"token"_qs).toString().toLatin1();
    m_issued.append(token);
    QCOMPARE(token.size(), 43); // 256 bits, base64url
    QCOMPARE(o.value(u"user"_qs).toObject().value(u"username"_qs).toString(), u"alice"_qs);
    QCOMPARE(o.value(u"user"_qs).toObject().value(u"role"_qs).toString(), u"member"_qs);
    const QDateTime expires = QDateTime::fromString(o.value(u"expires_at"_qs).toString(), Qt::ISODate);
    QVERIFY(expires > QDateTime::currentDateTimeUtc().addDays(1));
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
    // Stored only as its hash.
    QVERIFY(storage().session(Tokens::hash(token)));

    QCOMPARE(c->get(u"/api/v1/me"_qs).status, 200);
    QCOMPARE(c->send("DELETE", u"/api/v1/session"_qs).status, 204);
    // Revoked at once.
    const Response after = c->get(u"/api/v1/me"_qs);
    QCOMPARE(after.status, 401);
    QVERIFY(after.header("WWW-Authenticate").startsWith("Bearer"));
    QVERIFY(!storage().session(Tokens::hash(token)));

    auto admin = client();
    const Response rootSignIn = admin->signIn(u"root"_qs, RootPassword);
    QCOMPARE(rootSignIn.status, 200);
    m_issued.append(admin->token());
    QCOMPARE(rootSignIn.json().value(u"user"_qs).toObject().value(u"role"_qs).toString(), u"admin"_qs);
}

void TestApi::signInErrors()
{
    auto c = client();
    const Response wrong = c->signIn(u"carol"_qs, u"not her password"_qs);
    QCOMPARE(wrong.status, 401);
    const Response unknown = c->signIn(u"nobody"_qs, u"whatever"_qs);
    QCOMPARE(unknown.status, 401);
    // The same answer for an unknown user and a wrong password.
    QCOMPARE(unknown.body, wrong.body);
    QCOMPARE(wrong.errorCode(), u"invalid_credentials"_qs);
    // No password set: cannot sign in, same answer.
    QCOMPARE(c->signIn(u"dora"_qs, u""_qs).status, 422);
    QCOMPARE(c->signIn(u"dora"_qs, u"anything"_qs).body, wrong.body);
    // Disabled: cannot sign in, and the right password tells nothing the wrong one does not.
    const Response disabled = c->signIn(u"eve"_qs, u"eve-password"_qs);
    QCOMPARE(disabled.status, 401);
    QCOMPARE(disabled.body, wrong.body);
    QCOMPARE(c->signIn(u"eve"_qs, u"wrong"_qs).body, wrong.body);

    // Malformed and invalid bodies.
    const Response malformed =
        c->send("POST", u"/api/v1/session"_qs, "{\"username\": ", {{"Content-Type", "application/json"}});
    QCOMPARE(malformed.status, 400);
    QCOMPARE(malformed.errorCode(), u"malformed"_qs);
    const Response notObject = c->send("POST", u"/api/v1/session"_qs, "[1,2]", {{"Content-Type", "application/json"}});
    QCOMPARE(notObject.status, 400);
    const Response form = c->send("POST", u"/api/v1/session"_qs, "username=a&password=b",
                                  {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(form.status, 415);
    const Response missing = c->postJson(u"/api/v1/session"_qs, {{u"username"_qs, u"alice"_qs}});
    QCOMPARE(missing.status, 422);
    QCOMPARE(missing.errorField(), u"password"_qs);
    const Response typed = c->postJson(u"/api/v1/session"_qs, {{u"username"_qs, 5}, {u"password"_qs, u"x"_qs}});
    QCOMPARE(typed.status, 422);
    QCOMPARE(typed.errorField(), u"username"_qs);
    const Response extra = c->postJson(u"/api/v1/session"_qs,
                                       {{u"username"_qs, u"a"_qs}, {u"password"_qs, u"b"_qs}, {u"remember"_qs, true}});
    QCOMPARE(extra.status, 422);
    QCOMPARE(extra.errorField(), u"remember"_qs);

    // Tokens travel only in the Authorization header.
    auto bare = client();
    QCOMPARE(
        bare.get()->get(u"/api/v1/me?access_token="_qs + QString::fromLatin1(env().tokens.value(u"alice"_qs))).status,
        401);
    QCOMPARE(bare->get(u"/api/v1/me"_qs, {{"Authorization", "Basic YWxpY2U6eA=="}}).status, 401);
    QCOMPARE(bare->get(u"/api/v1/me"_qs, {{"Authorization", "Bearer not-a-real-token"}}).status, 401);
    QCOMPARE(bare->send("DELETE", u"/api/v1/session"_qs).status, 401);
}

void TestApi::me()
{
    auto c = client(u"bob"_qs);
    const Response r = c->get(u"/api/v1/me"_qs);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"user"_qs).toObject().value(u"username"_qs).toString(), u"bob"_qs);
    QCOMPARE(r.json().value(u"profile"_qs).toObject().value(u"username"_qs).toString(), u"bob"_qs);
    QCOMPARE(client()->get(u"/api/v1/me"_qs).status, 401);
}

// --- profiles ----------------------------------------------------------------------------------

void TestApi::getProfile()
{
    auto c = client(u"bob"_qs);
    const Response r = c->get(u"/api/v1/profiles/alice"_qs);
    QCOMPARE(r.status, 200);
    const QJsonObject p = r.json();
    QCOMPARE(p.value(u"username"_qs).toString(), u"alice"_qs);
    QVERIFY(!p.value(u"id"_qs).toString().isEmpty());
    const QByteArray etag = r.header("ETag");
    QCOMPARE(etag, '"' + QByteArray::number(p.value(u"revision"_qs).toInteger()) + '"');

    const Response notModified = c->get(u"/api/v1/profiles/alice"_qs, {{"If-None-Match", etag}});
    QCOMPARE(notModified.status, 304);
    QVERIFY(notModified.body.isEmpty());

    QCOMPARE(c->get(u"/api/v1/profiles/ALICE"_qs).status, 200);
    const Response missing = c->get(u"/api/v1/profiles/nobody"_qs);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), u"not_found"_qs);
    QCOMPARE(c->get(u"/api/v1/profiles/me"_qs).json().value(u"username"_qs).toString(), u"bob"_qs);
}

void TestApi::putProfileNeedsCurrentRevision()
{
    auto c = client(u"bob"_qs);
    const QJsonObject edit = profileJson(u"Bob Builder"_qs, u"Site lead"_qs);

    const Response noIfMatch = c->putJson(u"/api/v1/profiles/me"_qs, edit);
    QCOMPARE(noIfMatch.status, 428);
    QCOMPARE(noIfMatch.errorField(), u"If-Match"_qs);
    const Response badIfMatch = c->putJson(u"/api/v1/profiles/me"_qs, edit, {{"If-Match", "seven"}});
    QCOMPARE(badIfMatch.status, 400);
    QCOMPARE(badIfMatch.errorField(), u"If-Match"_qs);

    const qint64 revision = revisionOf(u"bob"_qs);
    const Response saved = c->putJson(u"/api/v1/profiles/me"_qs, edit, ifMatch(revision));
    QCOMPARE(saved.status, 200);
    const qint64 newRevision = saved.json().value(u"revision"_qs).toInteger();
    QVERIFY(newRevision > revision);
    QCOMPARE(saved.json().value(u"title"_qs).toString(), u"Site lead"_qs);
    QCOMPARE(saved.header("ETag"), '"' + QByteArray::number(newRevision) + '"');

    // Stale: 412 with the current profile, nothing overwritten.
    const Response stale = c->putJson(u"/api/v1/profiles/me"_qs, profileJson(u"Old Bob"_qs), ifMatch(revision));
    QCOMPARE(stale.status, 412);
    QCOMPARE(stale.errorCode(), u"stale_revision"_qs);
    QCOMPARE(stale.json().value(u"profile"_qs).toObject().value(u"revision"_qs).toInteger(), newRevision);
    QCOMPARE(stale.json().value(u"profile"_qs).toObject().value(u"display_name"_qs).toString(), u"Bob Builder"_qs);
    QCOMPARE(storage().profile(u"bob"_qs)->displayName, u"Bob Builder"_qs);

    // Server-owned fields sent back unchanged are ignored; the username cannot change.
    QJsonObject roundTrip = saved.json();
    roundTrip.insert(u"bio"_qs, u"Builds things."_qs);
    const Response again = c->putJson(u"/api/v1/profiles/me"_qs, roundTrip, ifMatch(newRevision));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"bio"_qs).toString(), u"Builds things."_qs);
    roundTrip.insert(u"username"_qs, u"robert"_qs);
    const Response rename =
        c->putJson(u"/api/v1/profiles/me"_qs, roundTrip, ifMatch(again.json().value(u"revision"_qs).toInteger()));
    QCOMPARE(rename.status, 422);
    QCOMPARE(rename.errorField(), u"username"_qs);
}

void TestApi::putProfileValidation()
{
    auto c = client(u"carol"_qs);
    const qint64 revision = revisionOf(u"carol"_qs);
    struct Case
    {
        QJsonObject body;
        QString field;
    };
    QJsonArray tooManySkills;
    for (int i = 0; i < 51; ++i)
        tooManySkills.append(QJsonObject {{u"name"_qs, u"Skill %1"_qs.arg(i)}, {u"level"_qs, 3}});
    const QList<Case> cases {
        {profileJson(QString(101, QLatin1Char('x'))), u"display_name"_qs},
        {QJsonObject {{u"title"_qs, u"No name"_qs}}, u"display_name"_qs},
        {QJsonObject {{u"display_name"_qs, u"Carol"_qs}, {u"email"_qs, u"not an email"_qs}}, u"email"_qs},
        {QJsonObject {{u"display_name"_qs, u"Carol"_qs}, {u"time_zone"_qs, u"Mars/Olympus"_qs}}, u"time_zone"_qs},
        {QJsonObject {{u"display_name"_qs, u"Carol"_qs},
                      {u"skills"_qs, QJsonArray {QJsonObject {{u"name"_qs, u"Rust"_qs}, {u"level"_qs, 9}}}}},
         u"skills[0].level"_qs},
        {QJsonObject {{u"display_name"_qs, u"Carol"_qs}, {u"skills"_qs, tooManySkills}}, u"skills"_qs},
        {QJsonObject {{u"display_name"_qs, u"Carol\u202E"_qs}}, u"display_name"_qs},
        {QJsonObject {{u"display_name"_qs, u"Carol"_qs}, {u"favourite_colour"_qs, u"red"_qs}}, u"favourite_colour"_qs},
        {QJsonObject {{u"display_name"_qs, 42}}, u"display_name"_qs},
    };
    for (const Case &k : cases) {
        const Response r = c->putJson(u"/api/v1/profiles/me"_qs, k.body, ifMatch(revision));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorField(), k.field);
        QVERIFY(!r.json().value(u"error"_qs).toObject().value(u"message"_qs).toString().isEmpty());
    }
    const Response malformed = c->send("PUT", u"/api/v1/profiles/me"_qs, "{\"display_name\":}",
                                       {{"Content-Type", "application/json"}, {"If-Match", "\"1\""}});
    QCOMPARE(malformed.status, 400);
    const Response wrongType = c->send("PUT", u"/api/v1/profiles/me"_qs, "display_name=x",
                                       {{"Content-Type", "text/plain"}, {"If-Match", "\"1\""}});
    QCOMPARE(wrongType.status, 415);
    QCOMPARE(revisionOf(u"carol"_qs), revision);
}

void TestApi::createOwnProfileWithRevisionZero()
{
    QVERIFY(env().addMembers({u"newbie"_qs}, Role::Member, false));
    auto c = client(u"newbie"_qs);
    QCOMPARE(c->get(u"/api/v1/profiles/me"_qs).status, 404);
    QCOMPARE(c->putJson(u"/api/v1/profiles/me"_qs, profileJson(u"New Bie"_qs), ifMatch(5)).status, 404);
    const Response created = c->putJson(u"/api/v1/profiles/me"_qs, profileJson(u"New Bie"_qs), ifMatch(0));
    QCOMPARE(created.status, 200);
    QCOMPARE(created.json().value(u"username"_qs).toString(), u"newbie"_qs);
    QVERIFY(created.json().value(u"revision"_qs).toInteger() > 0);
}

void TestApi::adminRoutes()
{
    auto root = client(u"root"_qs);
    auto bob = client(u"bob"_qs);
    const qint64 revision = revisionOf(u"carol"_qs);
    QCOMPARE(bob->putJson(u"/api/v1/profiles/carol"_qs, profileJson(u"Hacked"_qs), ifMatch(revision)).status, 403);
    const Response byAdmin =
        root->putJson(u"/api/v1/profiles/carol"_qs, profileJson(u"Carol Admin-Edited"_qs), ifMatch(revision));
    QCOMPARE(byAdmin.status, 200);
    QCOMPARE(byAdmin.json().value(u"display_name"_qs).toString(), u"Carol Admin-Edited"_qs);
    // The owner may use the /profiles/{username} form too.
    auto carol = client(u"carol"_qs);
    QCOMPARE(carol
                 ->putJson(u"/api/v1/profiles/carol"_qs, profileJson(u"Carol"_qs),
                           ifMatch(byAdmin.json().value(u"revision"_qs).toInteger()))
                 .status,
             200);

    // Removal: admins only; leaves a tombstone that sync reports.
    QVERIFY(addUser(storage(), u"leaver"_qs, u"leaver-password"_qs));
    const QString leaverId = storage().profile(u"leaver"_qs)->id;
    const qint64 cursor = bob->syncEnd();
    QCOMPARE(bob->send("DELETE", u"/api/v1/profiles/leaver"_qs).status, 403);
    QCOMPARE(root->send("DELETE", u"/api/v1/profiles/leaver"_qs).status, 204);
    QCOMPARE(root->send("DELETE", u"/api/v1/profiles/leaver"_qs).status, 404);
    QCOMPARE(bob->get(u"/api/v1/profiles/leaver"_qs).status, 404);
    const Response delta = bob->get(u"/api/v1/sync?since=%1"_qs.arg(cursor));
    QCOMPARE(delta.status, 200);
    QVERIFY(delta.json().value(u"removed"_qs).toArray().contains(leaverId));
}

// --- photos ------------------------------------------------------------------------------------

void TestApi::photos()
{
    auto alice = client(u"alice"_qs);
    auto bob = client(u"bob"_qs);
    QCOMPARE(bob->get(u"/api/v1/photos/alice"_qs).status, 404);

    const QByteArray jpeg = makeJpeg(1600, 900);
    const Response put = alice->send("PUT", u"/api/v1/profiles/me/photo"_qs, jpeg, {{"Content-Type", "image/jpeg"}});
    QCOMPARE(put.status, 200);
    const QString tag = put.json().value(u"photo_tag"_qs).toString();
    QVERIFY(!tag.isEmpty());

    const Response got = bob->get(u"/api/v1/photos/alice"_qs);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.header("Content-Type"), QByteArray("image/jpeg"));
    QCOMPARE(imageSize(got.body), qMakePair(512, 288)); // re-encoded, at most 512 on a side
    QVERIFY(got.body != jpeg);
    const QByteArray etag = got.header("ETag");
    QCOMPARE(etag, '"' + tag.toLatin1() + '"');
    const Response cached = bob->get(u"/api/v1/photos/alice"_qs, {{"If-None-Match", etag}});
    QCOMPARE(cached.status, 304);
    QVERIFY(cached.body.isEmpty());
    QCOMPARE(bob->get(u"/api/v1/photos/alice"_qs, {{"If-None-Match", "\"other\""}}).status, 200);

    // A PNG with transparency stays a PNG; small images keep their size.
    const Response png =
        alice->send("PUT", u"/api/v1/profiles/me/photo"_qs, makePng(300, 600, true), {{"Content-Type", "image/png"}});
    QCOMPARE(png.status, 200);
    QVERIFY(png.json().value(u"photo_tag"_qs).toString() != tag);
    const Response gotPng = bob->get(u"/api/v1/photos/alice"_qs, {{"If-None-Match", etag}});
    QCOMPARE(gotPng.status, 200);
    QCOMPARE(gotPng.header("Content-Type"), QByteArray("image/png"));
    QCOMPARE(imageSize(gotPng.body), qMakePair(256, 512));
    const Response small =
        alice->send("PUT", u"/api/v1/profiles/me/photo"_qs, makeJpeg(64, 48), {{"Content-Type", "image/jpeg"}});
    QCOMPARE(small.status, 200);
    QCOMPARE(imageSize(bob->get(u"/api/v1/photos/alice"_qs).body), qMakePair(64, 48));

    // A progressive JPEG of a usual size is fine.
    const Response progressive = alice->send("PUT", u"/api/v1/profiles/me/photo"_qs, makeProgressiveJpeg(1600, 1200),
                                             {{"Content-Type", "image/jpeg"}});
    QCOMPARE(progressive.status, 200);

    // Admins may set anyone's photo; other members may not.
    QCOMPARE(bob->send("PUT", u"/api/v1/profiles/alice/photo"_qs, jpeg, {{"Content-Type", "image/jpeg"}}).status, 403);
    auto root = client(u"root"_qs);
    QCOMPARE(root->send("PUT", u"/api/v1/profiles/alice/photo"_qs, jpeg, {{"Content-Type", "image/jpeg"}}).status, 200);
    QCOMPARE(root->send("PUT", u"/api/v1/profiles/nobody/photo"_qs, jpeg, {{"Content-Type", "image/jpeg"}}).status,
             404);
}

void TestApi::photoRejections_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    const QByteArray jpeg = makeJpeg(800, 600);
    QByteArray truncated = jpeg.left(jpeg.size() / 2);
    QByteArray corrupt = jpeg;
    for (qsizetype i = 200; i < corrupt.size() - 10; i += 7)
        corrupt[i] = char(0xFF);
    // A PNG whose header claims 100000 x 100000 pixels: refused before any allocation.
    QByteArray bomb = makePng(4, 4, false);
    const QByteArray huge = QByteArray::fromHex("000186A0000186A0");
    bomb.replace(16, 8, huge);
    // Fix the IHDR CRC so only the dimensions are absurd.
    {
        quint32 crc = 0xffffffffu;
        for (qsizetype i = 12; i < 29; ++i) {
            crc ^= quint8(bomb.at(i));
            for (int k = 0; k < 8; ++k)
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
        crc ^= 0xffffffffu;
        for (int k = 0; k < 4; ++k)
            bomb[29 + k] = char((crc >> (24 - 8 * k)) & 0xff);
    }
    QByteArray oversized = makeJpeg(16, 16);
    oversized.append(QByteArray(2 * 1024 * 1024, 'x'));

    QTest::addRow("text/plain") << QByteArray("text/plain") << QByteArray("hello") << 415;
    QTest::addRow("not an image") << QByteArray("image/png") << QByteArray("GIF89a not really") << 415;
    QTest::addRow("no content type") << QByteArray() << jpeg << 415;
    QTest::addRow("truncated jpeg") << QByteArray("image/jpeg") << truncated << 422;
    QTest::addRow("corrupt jpeg") << QByteArray("image/jpeg") << corrupt << 422;
    QTest::addRow("truncated png") << QByteArray("image/png") << makePng(100, 100, false).left(80) << 422;
    QTest::addRow("png bomb") << QByteArray("image/png") << bomb << 422;
    // Progressive JPEGs decode whole, scan after scan: refused above 4 MP from the header.
    QTest::addRow("large progressive jpeg") << QByteArray("image/jpeg") << makeProgressiveJpeg(2400, 1800) << 422;
    QTest::addRow("over 2 MiB") << QByteArray("image/jpeg") << oversized << 413;
}

void TestApi::photoRejections()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    auto carol = client(u"carol"_qs);
    Client::Headers headers;
    if (!contentType.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), contentType));
    const QString before = storage().profile(u"carol"_qs)->photoTag;
    const Response r = carol->send("PUT", u"/api/v1/profiles/me/photo"_qs, body, headers);
    QCOMPARE(r.status, status);
    QVERIFY(!r.errorCode().isEmpty());
    QCOMPARE(storage().profile(u"carol"_qs)->photoTag, before);
}

void TestApi::bodyLimitsBeforeSignIn_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("status");
    constexpr int MiB = 1024 * 1024;
    // Without a token: the guard answers 413 at the head, before any sign-in; within the limit
    // the request reaches the API, which asks for a token.
    QTest::addRow("profile over 1 MiB") << QByteArray("PUT") << u"/api/v1/profiles/me"_qs << MiB + 1 << 413;
    QTest::addRow("profile of 1 MiB") << QByteArray("PUT") << u"/api/v1/profiles/me"_qs << MiB << 401;
    QTest::addRow("someone's profile over 1 MiB")
        << QByteArray("PUT") << u"/api/v1/profiles/alice"_qs << MiB + 1 << 413;
    QTest::addRow("photo of 2 MiB") << QByteArray("PUT") << u"/api/v1/profiles/me/photo"_qs << 2 * MiB << 401;
    QTest::addRow("photo over 2 MiB") << QByteArray("PUT") << u"/api/v1/profiles/me/photo"_qs << 2 * MiB + 1 << 413;
    QTest::addRow("someone's photo over 2 MiB")
        << QByteArray("PUT") << u"/api/v1/profiles/alice/photo"_qs << 2 * MiB + 1 << 413;
    QTest::addRow("someone's photo of 2 MiB")
        << QByteArray("PUT") << u"/api/v1/profiles/alice/photo"_qs << 2 * MiB << 401;
    QTest::addRow("message over 1 MiB") << QByteArray("POST") << u"/api/v1/messages"_qs << MiB + 1 << 413;
    QTest::addRow("sign-in over 1 MiB") << QByteArray("POST") << u"/api/v1/session"_qs << MiB + 1 << 413;
}

void TestApi::bodyLimitsBeforeSignIn()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, size);
    QFETCH(int, status);
    Client c(env().server->url());
    const Response r = c.send(method, path, QByteArray(size, 'x'), {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, status);
    if (status == 413) {
        QCOMPARE(r.errorCode(), u"payload_too_large"_qs);
        // The answer names the limit.
        const QByteArray limit = QByteArray::number(path.endsWith(u"/photo"_qs) ? 2 * 1024 * 1024 : 1024 * 1024);
        QVERIFY2(r.body.contains(limit), r.body.constData());
    }
}

// --- messages ----------------------------------------------------------------------------------

void TestApi::idempotentSend()
{
    auto alice = client(u"alice"_qs);
    const QString key = newKey();
    const Response first =
        alice->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, u"Lunch?"_qs), idempotency(key));
    QCOMPARE(first.status, 201);
    const QJsonObject m = first.json();
    QVERIFY(m.value(u"id"_qs).toInteger() > 0);
    QCOMPARE(m.value(u"from"_qs).toString(), u"alice"_qs);
    QCOMPARE(m.value(u"to"_qs).toString(), u"bob"_qs);
    QCOMPARE(m.value(u"client_id"_qs).toString(), key);
    // Answered after the commit: it is in the database already.
    auto bob = client(u"bob"_qs);

    const Response again =
        alice->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, u"Lunch?"_qs), idempotency(key));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"id"_qs).toInteger(), m.value(u"id"_qs).toInteger());
    QCOMPARE(again.json().value(u"sent_at"_qs), m.value(u"sent_at"_qs));
    // Braces and upper case name the same key.
    const Response braced = alice->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, u"Lunch?"_qs),
                                            idempotency(u"{"_qs + key.toUpper() + u"}"_qs));
    QCOMPARE(braced.status, 200);
    QCOMPARE(braced.json().value(u"id"_qs).toInteger(), m.value(u"id"_qs).toInteger());

    // The same key with a different message is a conflict, and stores nothing.
    const Response conflict =
        alice->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, u"Dinner?"_qs), idempotency(key));
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.errorField(), u"Idempotency-Key"_qs);

    // Exactly one message reached bob.
    const Response page = bob->get(u"/api/v1/sync?since=0&limit=5000"_qs);
    int copies = 0;
    for (const QJsonValue v : page.json().value(u"messages"_qs).toArray())
        copies += v.toObject().value(u"client_id"_qs).toString() == key ? 1 : 0;
    QCOMPARE(copies, 1);

    // Another sender may use the same key for its own message.
    const Response carolsOwn =
        client(u"carol"_qs)->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, u"Hi"_qs), idempotency(key));
    QCOMPARE(carolsOwn.status, 201);
    QVERIFY(carolsOwn.json().value(u"id"_qs).toInteger() != m.value(u"id"_qs).toInteger());
}

void TestApi::messageErrors()
{
    auto alice = client(u"alice"_qs);
    const QJsonObject ok = messageJson(u"bob"_qs, u"hello"_qs);
    const Response noKey = alice->postJson(u"/api/v1/messages"_qs, ok);
    QCOMPARE(noKey.status, 400);
    QCOMPARE(noKey.errorField(), u"Idempotency-Key"_qs);
    const Response badKey = alice->postJson(u"/api/v1/messages"_qs, ok, {{"Idempotency-Key", "12345"}});
    QCOMPARE(badKey.status, 400);
    QCOMPARE(badKey.errorField(), u"Idempotency-Key"_qs);

    struct Case
    {
        QJsonObject body;
        QString field;
    };
    const QList<Case> cases {
        {messageJson(u"nobody"_qs, u"hi"_qs), u"to"_qs},
        {QJsonObject {{u"body"_qs, u"hi"_qs}}, u"to"_qs},
        {QJsonObject {{u"to"_qs, u"bob"_qs}}, u"body"_qs},
        {messageJson(u"bob"_qs, u""_qs), u"body"_qs},
        {messageJson(u"bob"_qs, QString(10001, QLatin1Char('x'))), u"body"_qs},
        {QJsonObject {{u"to"_qs, u"bob"_qs}, {u"body"_qs, 3}}, u"body"_qs},
        {QJsonObject {{u"to"_qs, u"bob"_qs}, {u"body"_qs, u"x"_qs}, {u"from"_qs, u"carol"_qs}}, u"from"_qs},
    };
    for (const Case &k : cases) {
        const Response r = alice->postJson(u"/api/v1/messages"_qs, k.body, idempotency(newKey()));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorField(), k.field);
    }
    const Response malformed =
        alice->send("POST", u"/api/v1/messages"_qs, "{to:bob}",
                    {{"Content-Type", "application/json"}, {"Idempotency-Key", newKey().toLatin1()}});
    QCOMPARE(malformed.status, 400);
    // A body of exactly 10,000 characters is fine.
    QCOMPARE(alice
                 ->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, QString(10000, QLatin1Char('y'))),
                            idempotency(newKey()))
                 .status,
             201);
}

void TestApi::messagesOnlyReachParticipants()
{
    auto alice = client(u"alice"_qs);
    const QString secret = u"for bob only %1"_qs.arg(newKey());
    QCOMPARE(alice->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, secret), idempotency(newKey())).status,
             201);

    auto seesSecret = [&](const QString &user) {
        const Response page = client(user)->get(u"/api/v1/sync?since=0&limit=5000"_qs);
        return page.body.contains(secret.toUtf8());
    };
    QVERIFY(seesSecret(u"alice"_qs));
    QVERIFY(seesSecret(u"bob"_qs));
    QVERIFY(!seesSecret(u"carol"_qs));
    QVERIFY(!seesSecret(u"root"_qs)); // not even an admin
}

void TestApi::markRead()
{
    auto alice = client(u"alice"_qs);
    auto bob = client(u"bob"_qs);
    const Response sent =
        alice->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, u"read me"_qs), idempotency(newKey()));
    QCOMPARE(sent.status, 201);
    const qint64 id = sent.json().value(u"id"_qs).toInteger();
    const qint64 cursor = alice->syncEnd();

    const Response read = bob->postJson(u"/api/v1/messages/read"_qs, {{u"with"_qs, u"alice"_qs}, {u"up_to"_qs, id}});
    QCOMPARE(read.status, 200);
    QVERIFY(read.json().value(u"marked"_qs).toInt() >= 1);
    // The sender sees the read receipt in its next sync.
    const Response delta = alice->get(u"/api/v1/sync?since=%1"_qs.arg(cursor));
    bool receipt = false;
    for (const QJsonValue v : delta.json().value(u"messages"_qs).toArray())
        receipt =
            receipt || (v.toObject().value(u"id"_qs).toInteger() == id && v.toObject().value(u"read_at"_qs).isString());
    QVERIFY(receipt);

    const QList<QPair<QJsonObject, QString>> invalid {
        {{{u"up_to"_qs, id}}, u"with"_qs},
        {{{u"with"_qs, u"alice"_qs}}, u"up_to"_qs},
        {{{u"with"_qs, u"alice"_qs}, {u"up_to"_qs, -1}}, u"up_to"_qs},
        {{{u"with"_qs, u"alice"_qs}, {u"up_to"_qs, u"7"_qs}}, u"up_to"_qs},
        {{{u"with"_qs, u"alice"_qs}, {u"up_to"_qs, 1.5}}, u"up_to"_qs},
        {{{u"with"_qs, u"alice"_qs}, {u"up_to"_qs, 1}, {u"all"_qs, true}}, u"all"_qs},
    };
    for (const auto &[body, field] : invalid) {
        const Response r = bob->postJson(u"/api/v1/messages/read"_qs, body);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorField(), field);
    }
    QCOMPARE(bob->send("POST", u"/api/v1/messages/read"_qs, "nope", {{"Content-Type", "application/json"}}).status,
             400);
}

// --- sync --------------------------------------------------------------------------------------

void TestApi::syncPaging()
{
    auto carol = client(u"carol"_qs);
    const Response all = carol->get(u"/api/v1/sync?since=0&limit=5000"_qs);
    QCOMPARE(all.status, 200);
    const int total = int(all.json().value(u"profiles"_qs).toArray().size());
    QVERIFY(total >= 5);
    QVERIFY(!all.json().value(u"has_more"_qs).toBool());

    QSet<QString> seen;
    qint64 cursor = 0;
    int pages = 0;
    for (;;) {
        const Response page = carol->get(u"/api/v1/sync?since=%1&limit=2"_qs.arg(cursor));
        QCOMPARE(page.status, 200);
        const QJsonObject o = page.json();
        QVERIFY(o.contains(u"profiles"_qs) && o.contains(u"removed"_qs) && o.contains(u"messages"_qs));
        QVERIFY(o.value(u"next"_qs).toInteger() >= cursor);
        for (const QJsonValue v : o.value(u"profiles"_qs).toArray())
            seen.insert(v.toObject().value(u"username"_qs).toString());
        cursor = o.value(u"next"_qs).toInteger();
        ++pages;
        if (!o.value(u"has_more"_qs).toBool())
            break;
        QVERIFY(pages < 1000);
    }
    QVERIFY(pages > 1);
    QCOMPARE(seen.size(), total);
    // Nothing new: an empty page, right away without timeout.
    const Response empty = carol->get(u"/api/v1/sync?since=%1"_qs.arg(cursor));
    QCOMPARE(empty.status, 200);
    QVERIFY(empty.json().value(u"profiles"_qs).toArray().isEmpty());
    QCOMPARE(empty.json().value(u"next"_qs).toInteger(), cursor);

    // A cursor the server cannot serve: start over.
    const Response future = carol->get(u"/api/v1/sync?since=%1"_qs.arg(cursor + 1000000));
    QCOMPARE(future.status, 200);
    QCOMPARE(future.json().value(u"start_over"_qs).toBool(), true);
}

void TestApi::syncStartOverAfterPurge()
{
    // A cursor older than removals the server no longer keeps cannot be served: start over.
    auto carol = client(u"carol"_qs);
    auto root = client(u"root"_qs);
    QVERIFY(addUser(storage(), u"shortlived"_qs, QString()));
    const qint64 before = carol->syncEnd();
    QCOMPARE(root->send("DELETE", u"/api/v1/profiles/shortlived"_qs).status, 204);
    QVERIFY(storage().purgeTombstones(QDateTime::currentDateTimeUtc().addSecs(1)));
    const Response old = carol->get(u"/api/v1/sync?since=%1"_qs.arg(before));
    QCOMPARE(old.status, 200);
    QCOMPARE(old.json().value(u"start_over"_qs).toBool(), true);
    // Starting over works.
    const Response fresh = carol->get(u"/api/v1/sync?since=0&limit=5000"_qs);
    QCOMPARE(fresh.status, 200);
    QVERIFY(!fresh.json().value(u"start_over"_qs).toBool());
    QVERIFY(!fresh.body.contains("\"shortlived\""));
}

void TestApi::syncErrors()
{
    auto carol = client(u"carol"_qs);
    for (const QString &query :
         {u"since=abc"_qs, u"since=-1"_qs, u"limit=0"_qs, u"limit=ten"_qs, u"timeout=-5"_qs, u"timeout=soon"_qs}) {
        const Response r = carol->get(u"/api/v1/sync?"_qs + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), query.section(QLatin1Char('='), 0, 0));
    }
    QCOMPARE(client()->get(u"/api/v1/sync"_qs).status, 401);
}

void TestApi::longPollWakesOnMessage()
{
    auto alice = client(u"alice"_qs);
    auto bob = client(u"bob"_qs);
    auto carol = client(u"carol"_qs);
    const qint64 bobCursor = bob->syncEnd();
    const qint64 carolCursor = carol->syncEnd();
    QVERIFY(bobCursor > 0 && carolCursor > 0);

    QNetworkReply *bobPoll = bob->start("GET", u"/api/v1/sync?since=%1&timeout=30"_qs.arg(bobCursor));
    QNetworkReply *carolPoll = carol->start("GET", u"/api/v1/sync?since=%1&timeout=2"_qs.arg(carolCursor));
    QSignalSpy bobDone(bobPoll, &QNetworkReply::finished);
    QSignalSpy carolDone(carolPoll, &QNetworkReply::finished);
    QTRY_COMPARE(waitingLongPolls(), 2);
    QVERIFY(!bobPoll->isFinished());

    QElapsedTimer timer;
    timer.start();
    const QString body = u"ping %1"_qs.arg(newKey());
    QCOMPARE(alice->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, body), idempotency(newKey())).status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(bobDone.count() > 0, 5000);
    const qint64 latency = timer.elapsed();
    QVERIFY2(latency < 1000, qPrintable(u"woke after %1 ms"_qs.arg(latency)));
    const Response r = Client::collect(bobPoll);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains(body.toUtf8()));
    QVERIFY(r.json().value(u"next"_qs).toInteger() > bobCursor);

    // Carol's long-poll is not about this message: it ends empty at its timeout.
    QTRY_VERIFY_WITH_TIMEOUT(carolDone.count() > 0, 5000);
    const Response c = Client::collect(carolPoll);
    QCOMPARE(c.status, 200);
    QVERIFY(!c.body.contains(body.toUtf8()));
    QVERIFY(c.json().value(u"messages"_qs).toArray().isEmpty());
    bobPoll->deleteLater();
    carolPoll->deleteLater();

    // A profile change wakes everybody.
    const qint64 cursor2 = carol->syncEnd();
    QNetworkReply *poll = carol->start("GET", u"/api/v1/sync?since=%1&timeout=30"_qs.arg(cursor2));
    QSignalSpy done(poll, &QNetworkReply::finished);
    QTRY_COMPARE(waitingLongPolls(), 1);
    const qint64 revision = revisionOf(u"alice"_qs);
    QCOMPARE(alice->putJson(u"/api/v1/profiles/me"_qs, profileJson(u"Alice Woken"_qs), ifMatch(revision)).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() > 0, 5000);
    QVERIFY(Client::collect(poll).body.contains("Alice Woken"));
    poll->deleteLater();
}

void TestApi::longPollTimesOutEmpty()
{
    auto dave = client(u"carol"_qs);
    const qint64 cursor = dave->syncEnd();
    QElapsedTimer timer;
    timer.start();
    const Response r = dave->send("GET", u"/api/v1/sync?since=%1&timeout=1"_qs.arg(cursor), {}, {}, 10000);
    QCOMPARE(r.status, 200);
    QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(r.json().value(u"profiles"_qs).toArray().isEmpty());
    QCOMPARE(r.json().value(u"next"_qs).toInteger(), cursor);
    QCOMPARE(r.json().value(u"has_more"_qs).toBool(), false);
}

void TestApi::quietLongPollTakesNoWorker()
{
    // A long-poll that nothing concerns since its cursor, from a session the server knows, is
    // held by the HTTP thread: at 10,000 clients these are most requests, and they must not
    // queue behind database work for the worker pool.
    auto bob = client(u"bob"_qs);
    auto alice = client(u"alice"_qs);
    // Bob's presence is written before his cursor (else its change would wake his poll,
    // rightly, on a worker).
    bob->syncEnd();
    QTRY_VERIFY(storage().findStatus(u"bob"_qs) && storage().findStatus(u"bob"_qs)->presence == Presence::Online);
    const qint64 cursor = bob->syncEnd();
    QTRY_COMPARE(waitingLongPolls(), 0);
    const double started = metric("colleagues_worker_jobs_started_total");
    QVERIFY(started > 0); // the sync reads above ran on workers
    QNetworkReply *poll = bob->start("GET", u"/api/v1/sync?since=%1&timeout=30"_qs.arg(cursor));
    QSignalSpy done(poll, &QNetworkReply::finished);
    QTRY_COMPARE(waitingLongPolls(), 1);
    QCOMPARE(metric("colleagues_worker_jobs_started_total"), started);

    // It is answered as any other when a message comes, whose change the hub processes (and
    // counts how long it waited there for the changes before it).
    const double processed = metric("colleagues_sync_longpoll_sequence_wait_seconds_count");
    const QString body = u"held %1"_qs.arg(newKey());
    QCOMPARE(alice->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, body), idempotency(newKey())).status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() > 0, 5000);
    QVERIFY(Client::collect(poll).body.contains(body.toUtf8()));
    poll->deleteLater();
    QTRY_VERIFY(metric("colleagues_sync_longpoll_sequence_wait_seconds_count") > processed);
}

void TestApi::longPollClientGoneIsSafe()
{
    auto bob = client(u"bob"_qs);
    auto alice = client(u"alice"_qs);
    const qint64 cursor = bob->syncEnd();
    QNetworkReply *poll = bob->start("GET", u"/api/v1/sync?since=%1&timeout=30"_qs.arg(cursor));
    QTRY_COMPARE(waitingLongPolls(), 1);
    poll->abort();
    poll->deleteLater();
    QTRY_COMPARE(waitingLongPolls(), 0);
    // A change after the client left writes nowhere and crashes nothing.
    QCOMPARE(alice->postJson(u"/api/v1/messages"_qs, messageJson(u"bob"_qs, u"gone"_qs), idempotency(newKey())).status,
             201);
    QCOMPARE(alice->get(u"/healthz"_qs).status, 200);
}

void TestApi::clientGoneMidRequestIsSafe()
{
    // Requests whose clients vanish while a worker handles them (Qt 6.4 crashed writing to a
    // held responder then).
    const QByteArray token = env().tokens.value(u"alice"_qs);
    for (int i = 0; i < 20; ++i) {
        QTcpSocket socket;
        socket.connectToHost(env().server->url().host(), quint16(env().server->url().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /api/v1/sync?since=0&limit=5000 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                     + "\r\n\r\n");
        socket.flush();
        socket.abort();
    }
    auto alice = client(u"alice"_qs);
    QCOMPARE(alice->get(u"/api/v1/me"_qs).status, 200);
}

void TestApi::pipelinedRequestsAnsweredInOrder()
{
    const QByteArray token = env().tokens.value(u"bob"_qs);
    QTcpSocket socket;
    socket.connectToHost(env().server->url().host(), quint16(env().server->url().port()));
    QVERIFY(socket.waitForConnected(5000));
    // A slow request (database, on a worker) followed at once by fast ones.
    socket.write("GET /api/v1/sync?since=0&limit=5000 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                 + "\r\n\r\n"
                   "GET /api/v1/nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
                   "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray received;
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll(), closed.count() > 0 || received.count("HTTP/1.1 ") >= 3),
                             10000);
    received += socket.readAll();
    const qsizetype first = received.indexOf("HTTP/1.1 200");
    const qsizetype second = received.indexOf("HTTP/1.1 404");
    const qsizetype third = received.indexOf("HTTP/1.1 200", second);
    QVERIFY2(first >= 0 && second > first && third > second, received.left(300).constData());
}

// --- authorization -----------------------------------------------------------------------------

void TestApi::authorizationMatrix_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("identity");
    QTest::addColumn<int>("expected");

    struct RouteCase
    {
        const char *method;
        const char *path;
        const char *body;
        int none, other, owner, admin;
    };
    // "owner" is alice acting on alice's things; "other" is bob acting on them; "admin" is root.
    const QList<RouteCase> routes {
        {"GET", "/healthz", "", 200, 200, 200, 200},
        {"GET", "/metrics", "", 401, 403, 403, 200},
        {"POST", "/api/v1/session", "signin", 200, 200, 200, 200},
        {"DELETE", "/api/v1/session", "", 401, 204, 204, 204},
        {"GET", "/api/v1/me", "", 401, 200, 200, 200},
        {"GET", "/api/v1/profiles/alice", "", 401, 200, 200, 200},
        {"GET", "/api/v1/profiles/me", "", 401, 200, 200, 200},
        {"PUT", "/api/v1/profiles/alice", "profile", 401, 403, 200, 200},
        {"PUT", "/api/v1/profiles/me", "profile", 401, 200, 200, 200},
        {"DELETE", "/api/v1/profiles/target", "", 401, 403, 403, 204},
        {"PUT", "/api/v1/profiles/alice/photo", "photo", 401, 403, 200, 200},
        {"PUT", "/api/v1/profiles/me/photo", "photo", 401, 200, 200, 200},
        {"GET", "/api/v1/photos/alice", "", 401, 200, 200, 200},
        {"POST", "/api/v1/messages", "message", 401, 201, 201, 201},
        {"POST", "/api/v1/messages/read", "read", 401, 200, 200, 200},
        {"GET", "/api/v1/sync", "", 401, 200, 200, 200},
    };
    for (const RouteCase &r : routes) {
        const QList<QPair<QString, int>> identities {
            {u"none"_qs, r.none}, {u"other"_qs, r.other}, {u"owner"_qs, r.owner}, {u"admin"_qs, r.admin}};
        for (const auto &[identity, expected] : identities) {
            QTest::addRow("%s %s as %s", r.method, r.path, qPrintable(identity))
                << QByteArray(r.method) << QString::fromLatin1(r.path) << QString::fromLatin1(r.body) << identity
                << expected;
        }
    }
}

void TestApi::authorizationMatrix()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, body);
    QFETCH(QString, identity);
    QFETCH(int, expected);

    const QHash<QString, QString> users {
        {u"other"_qs, u"bob"_qs}, {u"owner"_qs, u"alice"_qs}, {u"admin"_qs, u"root"_qs}};
    const QString user = users.value(identity);
    Client c(env().server->url());
    if (!user.isEmpty()) {
        // A fresh session per row, so that signing out does not disturb the others.
        const QByteArray t = createSession(storage(), user, user == u"root" ? Role::Admin : Role::Member, 600);
        m_issued.append(t);
        c.setToken(t);
    }
    if (path.endsWith(u"/target"_qs)) {
        const QString target = u"target%1"_qs.arg(QRandomGenerator::global()->bounded(1000000));
        QVERIFY(addUser(storage(), target, QString()));
        path.replace(u"/target"_qs, u"/"_qs + target);
    }
    if (path == u"/api/v1/photos/alice" && storage().profile(u"alice"_qs)->photoTag.isEmpty()) {
        Client owner(env().server->url());
        owner.setToken(env().tokens.value(u"alice"_qs));
        QCOMPARE(owner.send("PUT", u"/api/v1/profiles/me/photo"_qs, makeJpeg(40, 40), {{"Content-Type", "image/jpeg"}})
                     .status,
                 200);
    }

    Response r;
    if (body == u"signin") {
        r = c.postJson(path, {{u"username"_qs, u"alice"_qs}, {u"password"_qs, AlicePassword}});
        if (r.status == 200)
            m_issued.append(r.json().value(u"token"_qs).toString().toLatin1());
    } else if (body == u"profile") {
        QString target = path.section(QLatin1Char('/'), -1);
        if (target == u"me")
            target = user.isEmpty() ? u"alice"_qs : user;
        r = c.putJson(path, profileJson(target.toUpper() + u" Edited"_qs), ifMatch(revisionOf(target)));
    } else if (body == u"photo") {
        r = c.send("PUT", path, makeJpeg(32, 32), {{"Content-Type", "image/jpeg"}});
    } else if (body == u"message") {
        r = c.postJson(path, messageJson(user == u"alice" ? u"bob"_qs : u"alice"_qs, u"matrix"_qs),
                       idempotency(newKey()));
    } else if (body == u"read") {
        r = c.postJson(path, {{u"with"_qs, user == u"alice" ? u"bob"_qs : u"alice"_qs}, {u"up_to"_qs, 0}});
    } else {
        r = c.send(method, path);
    }
    QCOMPARE(r.status, expected);
    if (expected >= 400) {
        QVERIFY(!r.errorCode().isEmpty());
        if (expected == 401)
            QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
    }
}

void TestApi::badInputNeverAnswers5xx()
{
    // Mutated bodies, headers, paths and parameters on every route: always a 4xx (or a
    // success when the mutation happens to be valid), never a 5xx, and the server lives on.
    auto c = client(u"carol"_qs);
    QRandomGenerator random(20240229);
    const QList<QPair<QByteArray, QString>> routes {
        {"POST", u"/api/v1/session"_qs},
        {"PUT", u"/api/v1/profiles/me"_qs},
        {"PUT", u"/api/v1/profiles/carol"_qs},
        {"PUT", u"/api/v1/profiles/me/photo"_qs},
        {"POST", u"/api/v1/messages"_qs},
        {"POST", u"/api/v1/messages/read"_qs},
        {"GET", u"/api/v1/sync"_qs},
        {"GET", u"/api/v1/profiles/%00%ff"_qs},
        {"GET", u"/api/v1/photos/..%2f..%2fetc"_qs},
        {"DELETE", u"/api/v1/profiles/carol"_qs},
    };
    const QList<QByteArray> seeds {
        R"({"display_name":"Carol","skills":[{"name":"Go","level":3}],"interests":["x"]})",
        R"({"to":"bob","body":"hello"})",
        R"({"with":"alice","up_to":3})",
        R"({"username":"carol","password":"x"})",
        "\xFF\xD8\xFF\xE0\x00\x10JFIF",
    };
    const QList<QByteArray> values {"",
                                    "null",
                                    "true",
                                    "-1",
                                    "1e309",
                                    "99999999999999999999999",
                                    "[]",
                                    "{}",
                                    "\"\\u0000\"",
                                    "\"\\ud800\"",
                                    "\"\\u202e\"",
                                    QByteArray(300, '['),
                                    '"' + QByteArray(70000, 'x') + '"'};
    const QList<QByteArray> types {
        "application/json", "application/json; charset=utf-8",  "text/plain", "", "image/png",
        "image/jpeg",       "application/x-www-form-urlencoded"};
    for (int i = 0; i < 300; ++i) {
        const auto &[method, path] = routes.at(random.bounded(routes.size()));
        QByteArray body = seeds.at(random.bounded(seeds.size()));
        switch (random.bounded(4)) {
        case 0: // replace a value
            body.replace(body.indexOf(':') + 1, random.bounded(1, 8), values.at(random.bounded(values.size())));
            break;
        case 1: // flip bytes
            for (int k = 0; k < 4 && !body.isEmpty(); ++k)
                body[random.bounded(body.size())] = char(random.bounded(256));
            break;
        case 2: // truncate
            body.truncate(random.bounded(body.size() + 1));
            break;
        default: // append junk
            body.append(values.at(random.bounded(values.size())));
        }
        Client::Headers headers {{"Content-Type", types.at(random.bounded(types.size()))}};
        if (random.bounded(2))
            headers.append({"If-Match", QByteArray::number(random.bounded(-5, 5))});
        if (random.bounded(2))
            headers.append(
                {"Idempotency-Key",
                 random.bounded(2) ? QUuid::createUuid().toByteArray(QUuid::WithoutBraces) : QByteArray("not-a-uuid")});
        QString target = path;
        if (method == "GET" && path.endsWith(u"/sync"_qs)) {
            const QStringList params {u"since"_qs, u"limit"_qs, u"timeout"_qs};
            target += u"?%1=%2"_qs.arg(
                params.at(random.bounded(params.size())),
                QString::fromLatin1(values.at(random.bounded(values.size())).left(30).toPercentEncoding()));
        }
        const Response r = c->send(method, target, body, headers);
        QVERIFY2(r.status > 0 && r.status < 500,
                 qPrintable(QString::fromLatin1(method) + u' ' + target + u" answered "_qs + QString::number(r.status)
                            + u" to "_qs + QString::fromLatin1(body.left(80).toHex())));
        if (r.status >= 400)
            QVERIFY(!r.errorCode().isEmpty());
    }
    QCOMPARE(c->get(u"/api/v1/me"_qs).status, 200);
}

void TestApi::logHasNoSecrets()
{
    // Make sure something was logged, then look for every secret the tests used.
    auto c = client();
    const Response r = c->signIn(u"carol"_qs, CarolPassword);
    QCOMPARE(r.status, 200);
    m_issued.append(c->token());
    QCOMPARE(c->get(u"/api/v1/me"_qs).status, 200);
    QTRY_VERIFY(env().server->log().contains("/api/v1/me"));
    const QByteArray log = env().server->log();
    QVERIFY(log.contains("carol"));
    for (const QByteArray &secret : m_issued + env().tokens.values())
        QVERIFY2(!log.contains(secret), "a bearer token reached the log");
    for (const QString &password : {AlicePassword, BobPassword, CarolPassword, RootPassword})
        QVERIFY2(!log.contains(password.toUtf8()), "a password reached the log");
    QVERIFY(!log.contains("access_token="));
}

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
