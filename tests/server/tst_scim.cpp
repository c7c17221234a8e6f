// SPDX-License-Identifier: MIT
// SCIM 2.0 provisioning (RFC 7643, RFC 7644) against the real colleagues-server on a free port,
// on SQLite and PostgreSQL: every /scim/v2 route with the requests of the RFCs' examples and
// those Okta and Entra ID send, their error bodies, who may call them (only a provisioning
// token, which opens nothing else), what provisioning does to accounts and profiles (members
// see them in sync, long-polls wake, deactivation removes, reactivation restores) and the
// scim-token command.

#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/ServerTest.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include "server/accounts/Tokens.h"
#include "server/storage/ScimStorage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

const QString UserSchema = u"urn:ietf:params:scim:schemas:core:2.0:User"_qs;
const QString Enterprise = u"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"_qs;
const QString PatchOpSchema = u"urn:ietf:params:scim:api:messages:2.0:PatchOp"_qs;
const QString ErrorSchema = u"urn:ietf:params:scim:api:messages:2.0:Error"_qs;
const QString ListSchema = u"urn:ietf:params:scim:api:messages:2.0:ListResponse"_qs;

//! The User of RFC 7644 3.3's example, for \a userName.
QJsonObject rfcUser(const QString &userName, const QString &externalId = {})
{
    QJsonObject user {
        {u"schemas"_qs, QJsonArray {UserSchema}},
        {u"userName"_qs, userName},
        {u"name"_qs, QJsonObject {{u"familyName"_qs, u"Jensen"_qs}, {u"givenName"_qs, u"Barbara"_qs}}},
    };
    if (!externalId.isEmpty())
        user.insert(u"externalId"_qs, externalId);
    return user;
}

QJsonObject patchOp(const QJsonArray &operations)
{
    return {{u"schemas"_qs, QJsonArray {PatchOpSchema}}, {u"Operations"_qs, operations}};
}

QJsonObject op(const QString &name, const QString &path, const QJsonValue &value = QJsonValue::Undefined)
{
    QJsonObject o {{u"op"_qs, name}};
    if (!path.isEmpty())
        o.insert(u"path"_qs, path);
    if (!value.isUndefined())
        o.insert(u"value"_qs, value);
    return o;
}

QByteArray body(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestScim : public ServerTest
{
    Q_OBJECT

private Q_SLOTS:
    void authorization_data();
    void authorization();
    void provisioningTokenOpensNothingElse_data();
    void provisioningTokenOpensNothingElse();

    void createFromRfcExample();
    void createAcceptsApplicationJson();
    void createTakenUserNameIsUniqueness();
    void createInvalid_data();
    void createInvalid();
    void getUnknownIsNotFound();
    void listFilterAndPaging();
    void listBadFilterAndParameters_data();
    void listBadFilterAndParameters();
    void replaceUser();
    void replaceKeepsWhatMembersEdit();
    void replaceRefusesRename();
    void replaceWithStaleIfMatch();
    void patchOperations();
    void patchPathLessAsOktaAndEntraSend();
    void patchManagerByScimId();
    void patchInvalid_data();
    void patchInvalid();
    void concurrentPatchesAllApply();
    void aBurstOfPatchesOfOneUser();
    void deactivateAndReactivate();
    void deleteUser();
    void longPollWakesOnProvisioning();
    void serviceProviderConfig();
    void schemas();
    void resourceTypes();
    void scimTokenCommand();
    void storageTokens();
    void storageUsers();

private:
    void setUpBackend(ServerEnvironment &e) override;
    //! The identity provider's provisioning token, another provider's (revoked), and the
    //! sessions of a member and an administrator.
    QByteArray scimToken() { return env().tokens.value(u"idp"_qs); }
    QByteArray revokedToken() { return env().tokens.value(u"old"_qs); }
    QByteArray memberToken() { return env().tokens.value(u"mia"_qs); }
    QByteArray adminToken() { return env().tokens.value(u"root"_qs); }
    std::unique_ptr<Client> clientWith(const QByteArray &token);
    //! A SCIM request with the provisioning token (or \a token) and a SCIM body.
    Response scim(const QByteArray &method, const QString &path, const QJsonObject &json = {},
                  const QByteArray &token = {}, const Client::Headers &extra = {});
    //! POSTs \a user; its resource (empty on failure).
    QJsonObject provision(const QJsonObject &user);
    //! \a username's profile in \a reader's sync after \a cursor (empty: not there); \a removedIds
    //! receives the removals seen; \a cursor moves to the end.
    QJsonObject synced(const QByteArray &reader, const QString &username, qint64 *cursor,
                       QStringList *removedIds = nullptr);
    static void verifyScimError(const Response &r, int status, const QString &scimType);
    //! Sends a PATCH of user \a id for each of \a operations, all at once; each must answer 200.
    void patchAllAtOnce(const QString &id, const QList<QJsonObject> &operations);
};

void TestScim::setUpBackend(ServerEnvironment &e)
{
    QVERIFY(addUser(e.storage(), u"mia"_qs, u"mia-password-1"_qs));
    QVERIFY(addUser(e.storage(), u"root"_qs, u"root-password-1"_qs, Role::Admin));
    e.addSessions({u"mia"_qs});
    e.addSessions({u"root"_qs}, Role::Admin);
    for (const QString &provider : {u"idp"_qs, u"old"_qs}) {
        const CliRun created =
            e.server->run(QStringList {u"scim-token"_qs, u"create"_qs, provider} + e.server->dataArguments());
        QVERIFY2(created.succeeded(), qPrintable(created.describe()));
        e.tokens.insert(provider, created.out.trimmed().toLatin1());
    }
    QVERIFY(e.server->command(QStringList {u"scim-token"_qs, u"revoke"_qs, u"old"_qs} + e.server->dataArguments()));
}

std::unique_ptr<Client> TestScim::clientWith(const QByteArray &token)
{
    return std::make_unique<Client>(env().server->url(), token);
}

Response TestScim::scim(const QByteArray &method, const QString &path, const QJsonObject &json, const QByteArray &token,
                        const Client::Headers &extra)
{
    auto c = clientWith(token.isNull() ? scimToken() : token);
    Client::Headers headers = extra;
    QByteArray payload;
    if (method == "POST" || method == "PUT" || method == "PATCH") {
        payload = body(json);
        bool typed = false;
        for (const auto &h : extra)
            typed = typed || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        if (!typed)
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/scim+json")));
    }
    return c->send(method, u"/scim/v2"_qs + path, payload, headers);
}

QJsonObject TestScim::provision(const QJsonObject &user)
{
    const Response r = scim("POST", u"/Users"_qs, user);
    if (r.status != 201) {
        qWarning() << "POST /Users answered" << r.status << r.body;
        return {};
    }
    return r.json();
}

QJsonObject TestScim::synced(const QByteArray &reader, const QString &username, qint64 *cursor, QStringList *removedIds)
{
    QJsonObject found;
    const bool read = clientWith(reader)->readSync(cursor, [&](const QJsonObject &page) {
        for (const QJsonValue &v : page.value(u"profiles"_qs).toArray()) {
            if (v.toObject().value(u"username"_qs).toString() == username)
                found = v.toObject();
        }
        if (removedIds) {
            for (const QJsonValue &v : page.value(u"removed"_qs).toArray())
                removedIds->append(v.toString());
        }
    });
    return read ? found : QJsonObject();
}

void TestScim::verifyScimError(const Response &r, int status, const QString &scimType)
{
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/scim+json"));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"schemas"_qs).toArray(), QJsonArray {ErrorSchema});
    QCOMPARE(o.value(u"status"_qs).toString(), QString::number(status));
    QCOMPARE(o.value(u"scimType"_qs).toString(), scimType);
    QVERIFY2(!o.value(u"detail"_qs).toString().isEmpty(), r.body.constData());
}

// ---- who may call ---------------------------------------------------------------------------

void TestScim::authorization_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("provisioningStatus");
    const struct
    {
        const char *method;
        const char16_t *path;
        int status;
    } routes[] = {
        {"GET", u"/Users", 200},
        {"POST", u"/Users", 400}, // the empty body below has no schemas
        {"GET", u"/Users/no-such-id", 404},
        {"PUT", u"/Users/no-such-id", 404},
        {"PATCH", u"/Users/no-such-id", 404},
        {"DELETE", u"/Users/no-such-id", 404},
        {"GET", u"/ServiceProviderConfig", 200},
        {"GET", u"/Schemas", 200},
        {"GET", u"/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", 200},
        {"GET", u"/ResourceTypes", 200},
        {"GET", u"/ResourceTypes/User", 200},
    };
    for (const auto &route : routes) {
        QTest::addRow("%s %s", route.method, qPrintable(QString::fromUtf16(route.path)))
            << QByteArray(route.method) << QString::fromUtf16(route.path) << route.status;
    }
}

void TestScim::authorization()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, provisioningStatus);
    const struct
    {
        const char *who;
        QByteArray token;
    } callers[] = {
        {"no token", QByteArray("")},
        {"member", memberToken()},
        {"admin", adminToken()},
        {"revoked provisioning token", revokedToken()},
        {"made-up token", QByteArray("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")},
    };
    for (const auto &caller : callers) {
        const Response r = scim(method, path, {}, caller.token);
        QVERIFY2(
            r.status == 401,
            qPrintable(u"%1: %2 %3"_qs.arg(QLatin1String(caller.who)).arg(r.status).arg(QString::fromUtf8(r.body))));
        verifyScimError(r, 401, QString());
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
    }
    const Response r = scim(method, path, {});
    QCOMPARE(r.status, provisioningStatus);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/scim+json"));
}

void TestScim::provisioningTokenOpensNothingElse_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addRow("sync") << QByteArray("GET") << u"/api/v1/sync"_qs;
    QTest::addRow("me") << QByteArray("GET") << u"/api/v1/me"_qs;
    QTest::addRow("profile") << QByteArray("GET") << u"/api/v1/profiles/mia"_qs;
    QTest::addRow("remove profile") << QByteArray("DELETE") << u"/api/v1/profiles/mia"_qs;
    QTest::addRow("vocabulary") << QByteArray("GET") << u"/api/v1/vocabulary"_qs;
    QTest::addRow("metrics") << QByteArray("GET") << u"/metrics"_qs;
}

void TestScim::provisioningTokenOpensNothingElse()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    auto c = clientWith(scimToken());
    const Response r = c->send(method, path);
    QCOMPARE(r.status, 401);
    // ... while a member's session does open it (the route exists and works).
    if (path != u"/metrics" && method == "GET")
        QCOMPARE(clientWith(memberToken())->send(method, path).status, 200);
}

// ---- POST /Users ----------------------------------------------------------------------------

void TestScim::createFromRfcExample()
{
    const qint64 before = client(u"mia"_qs)->syncEnd();
    QJsonObject user = rfcUser(u"bjensen@example.com"_qs, u"bjensen"_qs);
    user.insert(u"schemas"_qs, QJsonArray {UserSchema, Enterprise});
    user.insert(u"displayName"_qs, u"Babs Jensen"_qs);
    user.insert(u"title"_qs, u"Tour Guide"_qs);
    user.insert(u"emails"_qs,
                QJsonArray {QJsonObject {{u"value"_qs, u"babs@jensen.org"_qs}, {u"type"_qs, u"home"_qs}},
                            QJsonObject {{u"value"_qs, u"bjensen@example.com"_qs}, {u"type"_qs, u"work"_qs}}});
    user.insert(u"phoneNumbers"_qs,
                QJsonArray {QJsonObject {{u"value"_qs, u"555-555-8377"_qs}, {u"type"_qs, u"work"_qs}}});
    user.insert(u"addresses"_qs,
                QJsonArray {QJsonObject {{u"type"_qs, u"work"_qs},
                                         {u"streetAddress"_qs, u"100 Universal City Plaza"_qs},
                                         {u"locality"_qs, u"Hollywood"_qs},
                                         {u"region"_qs, u"CA"_qs}}});
    user.insert(u"nickName"_qs, u"Babs"_qs); // not kept, not refused
    user.insert(Enterprise, QJsonObject {{u"department"_qs, u"Tour Operations"_qs}});

    const Response r = scim("POST", u"/Users"_qs, user);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/scim+json"));
    const QJsonObject created = r.json();
    const QString id = created.value(u"id"_qs).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(id != u"bjensen");
    QCOMPARE(created.value(u"userName"_qs).toString(), u"bjensen@example.com"_qs);
    QCOMPARE(created.value(u"externalId"_qs).toString(), u"bjensen"_qs);
    QCOMPARE(created.value(u"active"_qs).toBool(), true);
    QCOMPARE(created.value(u"title"_qs).toString(), u"Tour Guide"_qs);
    const QJsonObject emails = created.value(u"emails"_qs).toArray().at(0).toObject();
    QCOMPARE(emails.value(u"value"_qs).toString(), u"bjensen@example.com"_qs); // the work one
    QCOMPARE(created.value(Enterprise).toObject().value(u"department"_qs).toString(), u"Tour Operations"_qs);
    const QJsonObject meta = created.value(u"meta"_qs).toObject();
    QCOMPARE(meta.value(u"resourceType"_qs).toString(), u"User"_qs);
    QVERIFY(meta.value(u"location"_qs).toString().endsWith(u"/scim/v2/Users/"_qs + id));
    QCOMPARE(r.header("Location"), meta.value(u"location"_qs).toString().toUtf8());
    QCOMPARE(r.header("ETag"), meta.value(u"version"_qs).toString().toUtf8());
    QVERIFY(QDateTime::fromString(meta.value(u"created"_qs).toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(meta.value(u"created"_qs), meta.value(u"lastModified"_qs));

    // GET answers the same resource.
    const Response got = scim("GET", u"/Users/"_qs + id);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.json(), created);

    // A member sees the person in sync, with the mapped fields.
    qint64 cursor = before;
    const QJsonObject profile = synced(memberToken(), u"bjensen"_qs, &cursor);
    QCOMPARE(profile.value(u"display_name"_qs).toString(), u"Babs Jensen"_qs);
    QCOMPARE(profile.value(u"email"_qs).toString(), u"bjensen@example.com"_qs);
    QCOMPARE(profile.value(u"title"_qs).toString(), u"Tour Guide"_qs);
    QCOMPARE(profile.value(u"department"_qs).toString(), u"Tour Operations"_qs);
    QCOMPARE(profile.value(u"location"_qs).toString(), u"Hollywood"_qs);
    QCOMPARE(profile.value(u"phone"_qs).toString(), u"555-555-8377"_qs);

    // The account has no password: nobody signs in with one until an admin sets it.
    const auto account = env().db->storage().findAccount(u"bjensen"_qs);
    QVERIFY(account && account->has_value());
    QVERIFY(account->value().passwordHash.isEmpty());
    QCOMPARE(account->value().role, Role::Member);
    auto anonymous = client();
    QCOMPARE(anonymous->signIn(u"bjensen"_qs, u"any-password-1"_qs).status, 401);
}

void TestScim::createAcceptsApplicationJson()
{
    const Response r = scim("POST", u"/Users"_qs, rfcUser(u"json.type"_qs), {}, {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, 201);
    const Response wrong = scim("POST", u"/Users"_qs, rfcUser(u"text.type"_qs), {}, {{"Content-Type", "text/plain"}});
    verifyScimError(wrong, 415, QString());
}

void TestScim::createTakenUserNameIsUniqueness()
{
    QVERIFY(!provision(rfcUser(u"taken"_qs)).isEmpty());
    verifyScimError(scim("POST", u"/Users"_qs, rfcUser(u"Taken"_qs)), 409, u"uniqueness"_qs);
    // A local account (made by an admin) is never taken over.
    verifyScimError(scim("POST", u"/Users"_qs, rfcUser(u"mia"_qs)), 409, u"uniqueness"_qs);
    verifyScimError(scim("POST", u"/Users"_qs, rfcUser(u"root@example.com"_qs)), 409, u"uniqueness"_qs);
    const auto root = env().db->storage().findAccount(u"root"_qs);
    QVERIFY(root && root->has_value() && !root->value().disabled);
}

void TestScim::createInvalid_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("scimType");
    const QByteArray schemas = R"("schemas":["urn:ietf:params:scim:schemas:core:2.0:User"])";
    QTest::addRow("malformed JSON") << QByteArray(R"({"schemas": [)") << 400 << u"invalidSyntax"_qs;
    QTest::addRow("not an object") << QByteArray(R"([1, 2])") << 400 << u"invalidSyntax"_qs;
    QTest::addRow("no schemas") << QByteArray(R"({"userName":"noschemas"})") << 400 << u"invalidSyntax"_qs;
    QTest::addRow("other schema") << QByteArray(R"({"schemas":["urn:x"],"userName":"other"})") << 400
                                  << u"invalidSyntax"_qs;
    QTest::addRow("no userName") << ("{" + schemas + "}") << 400 << u"invalidValue"_qs;
    QTest::addRow("userName not a string") << ("{" + schemas + R"(,"userName":7})") << 400 << u"invalidValue"_qs;
    QTest::addRow("userName with spaces")
        << ("{" + schemas + R"(,"userName":"Barbara Jensen"})") << 400 << u"invalidValue"_qs;
    QTest::addRow("emails not an array") << ("{" + schemas + R"(,"userName":"e1","emails":"a@b.c"})") << 400
                                         << u"invalidValue"_qs;
    QTest::addRow("email invalid") << ("{" + schemas + R"(,"userName":"e2","emails":[{"value":"not-mail"}]})") << 400
                                   << u"invalidValue"_qs;
    QTest::addRow("active not boolean") << ("{" + schemas + R"(,"userName":"a1","active":"maybe"})") << 400
                                        << u"invalidValue"_qs;
    QTest::addRow("title too long") << ("{" + schemas + R"(,"userName":"t1","title":")" + QByteArray(500, 'x')
                                        + R"("})")
                                    << 400 << u"invalidValue"_qs;
    QTest::addRow("externalId with a NUL")
        << ("{" + schemas + R"(,"userName":"x1","externalId":"a\u0000b"})") << 400 << u"invalidValue"_qs;
    QTest::addRow("externalId too long") << ("{" + schemas + R"(,"userName":"x2","externalId":")" + QByteArray(300, 'x')
                                             + R"("})")
                                         << 400 << u"invalidValue"_qs;
    QTest::addRow("name not an object") << ("{" + schemas + R"(,"userName":"n1","name":"Bob"})") << 400
                                        << u"invalidValue"_qs;
}

void TestScim::createInvalid()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, status);
    QFETCH(QString, scimType);
    auto c = clientWith(scimToken());
    const Response r = c->send("POST", u"/scim/v2/Users"_qs, payload, {{"Content-Type", "application/scim+json"}});
    verifyScimError(r, status, scimType);
}

void TestScim::getUnknownIsNotFound()
{
    verifyScimError(scim("GET", u"/Users/2819c223-7f76-453a-919d-413861904646"_qs), 404, QString());
    verifyScimError(scim("GET", u"/Users/%3Cscript%3E"_qs), 404, QString());
    // Text the database would refuse never reaches it.
    verifyScimError(scim("GET", u"/Users/%00"_qs), 404, QString());
    verifyScimError(scim("DELETE", u"/Users/%C3%28"_qs), 404, QString());
    const Response filtered = scim("GET", u"/Users?filter=externalId%20eq%20%22%5Cu0000%22"_qs);
    QCOMPARE(filtered.status, 200);
    QCOMPARE(filtered.json().value(u"totalResults"_qs).toInt(), 0);
}

// ---- GET /Users ------------------------------------------------------------------------------

void TestScim::listFilterAndPaging()
{
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        const QJsonObject created = provision(rfcUser(u"page.%1@example.com"_qs.arg(i), u"ext-page-%1"_qs.arg(i)));
        QVERIFY(!created.isEmpty());
        ids.append(created.value(u"id"_qs).toString());
    }
    // As Okta and Entra ID ask before creating: userName eq, any case, encoded with %20 or '+'.
    for (const QString &query :
         {u"filter=userName%20eq%20%22page.2@example.com%22"_qs, u"filter=USERNAME+EQ+%22Page.2@Example.com%22"_qs,
          u"filter=externalId%20eq%20%22ext-page-2%22"_qs}) {
        const Response r = scim("GET", u"/Users?"_qs + query);
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(u"schemas"_qs).toArray(), QJsonArray {ListSchema});
        QCOMPARE(o.value(u"totalResults"_qs).toInt(), 1);
        QCOMPARE(o.value(u"Resources"_qs).toArray().at(0).toObject().value(u"id"_qs).toString(), ids.at(2));
    }
    // externalId is case-exact; a userName that is not there matches nothing.
    for (const QString &query :
         {u"filter=externalId%20eq%20%22EXT-PAGE-2%22"_qs, u"filter=userName%20eq%20%22nobody%22"_qs}) {
        const QJsonObject o = scim("GET", u"/Users?"_qs + query).json();
        QCOMPARE(o.value(u"totalResults"_qs).toInt(), 0);
        QCOMPARE(o.value(u"Resources"_qs).toArray().size(), 0);
    }

    // Pages in creation order, 1-based.
    const QJsonObject all = scim("GET", u"/Users?count=200"_qs).json();
    const int total = all.value(u"totalResults"_qs).toInt();
    QVERIFY(total >= 5);
    QStringList order;
    for (const QJsonValue &v : all.value(u"Resources"_qs).toArray())
        order.append(v.toObject().value(u"id"_qs).toString());
    QCOMPARE(order.size(), total);
    const int first = int(order.indexOf(ids.at(0)));
    QVERIFY(first >= 0);
    const QJsonObject page = scim("GET", u"/Users?startIndex=%1&count=2"_qs.arg(first + 2)).json();
    QCOMPARE(page.value(u"totalResults"_qs).toInt(), total);
    QCOMPARE(page.value(u"startIndex"_qs).toInt(), first + 2);
    QCOMPARE(page.value(u"itemsPerPage"_qs).toInt(), 2);
    const QJsonArray resources = page.value(u"Resources"_qs).toArray();
    QCOMPARE(resources.size(), 2);
    QCOMPARE(resources.at(0).toObject().value(u"id"_qs).toString(), ids.at(1));
    QCOMPARE(resources.at(1).toObject().value(u"id"_qs).toString(), ids.at(2));

    // count=0 only counts; a startIndex below 1 is 1; past the end is empty.
    const QJsonObject counted = scim("GET", u"/Users?count=0"_qs).json();
    QCOMPARE(counted.value(u"totalResults"_qs).toInt(), total);
    QCOMPARE(counted.value(u"Resources"_qs).toArray().size(), 0);
    const QJsonObject fromZero = scim("GET", u"/Users?startIndex=0&count=1"_qs).json();
    QCOMPARE(fromZero.value(u"startIndex"_qs).toInt(), 1);
    QCOMPARE(fromZero.value(u"Resources"_qs).toArray().at(0).toObject().value(u"id"_qs).toString(), order.at(0));
    const QJsonObject past = scim("GET", u"/Users?startIndex=%1"_qs.arg(total + 1)).json();
    QCOMPARE(past.value(u"Resources"_qs).toArray().size(), 0);
    QCOMPARE(past.value(u"totalResults"_qs).toInt(), total);
}

void TestScim::listBadFilterAndParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("scimType");
    QTest::addRow("other attribute") << u"filter=title%20eq%20%22Tour%20Guide%22"_qs << u"invalidFilter"_qs;
    QTest::addRow("other operator") << u"filter=userName%20co%20%22jen%22"_qs << u"invalidFilter"_qs;
    QTest::addRow("present") << u"filter=userName%20pr"_qs << u"invalidFilter"_qs;
    QTest::addRow("unquoted") << u"filter=userName%20eq%20bjensen"_qs << u"invalidFilter"_qs;
    QTest::addRow("and") << u"filter=userName%20eq%20%22a%22%20and%20externalId%20eq%20%22b%22"_qs
                         << u"invalidFilter"_qs;
    QTest::addRow("unterminated") << u"filter=userName%20eq%20%22abc"_qs << u"invalidFilter"_qs;
    QTest::addRow("garbage") << u"filter=%7B%7D"_qs << u"invalidFilter"_qs;
    QTest::addRow("startIndex not a number") << u"startIndex=first"_qs << u"invalidValue"_qs;
    QTest::addRow("count not a number") << u"count=ten"_qs << u"invalidValue"_qs;
}

void TestScim::listBadFilterAndParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, scimType);
    verifyScimError(scim("GET", u"/Users?"_qs + query), 400, scimType);
}

// ---- PUT /Users/{id} -------------------------------------------------------------------------

void TestScim::replaceUser()
{
    const QJsonObject created = provision(rfcUser(u"replace.me"_qs, u"r1"_qs));
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    const qint64 cursor0 = client(u"mia"_qs)->syncEnd();

    QJsonObject next = rfcUser(u"replace.me"_qs, u"r1-new"_qs);
    next.insert(u"id"_qs, id); // sent back by providers, ignored
    next.insert(u"title"_qs, u"Chief Guide"_qs);
    next.insert(Enterprise, QJsonObject {{u"department"_qs, u"Operations"_qs}});
    const Response r = scim("PUT", u"/Users/"_qs + id, next);
    QCOMPARE(r.status, 200);
    const QJsonObject replaced = r.json();
    QCOMPARE(replaced.value(u"id"_qs).toString(), id);
    QCOMPARE(replaced.value(u"externalId"_qs).toString(), u"r1-new"_qs);
    QCOMPARE(replaced.value(u"title"_qs).toString(), u"Chief Guide"_qs);
    const QJsonObject meta = replaced.value(u"meta"_qs).toObject();
    QVERIFY(meta.value(u"version"_qs) != created.value(u"meta"_qs).toObject().value(u"version"_qs));
    QCOMPARE(meta.value(u"created"_qs), created.value(u"meta"_qs).toObject().value(u"created"_qs));

    qint64 cursor = cursor0;
    const QJsonObject profile = synced(memberToken(), u"replace.me"_qs, &cursor);
    QCOMPARE(profile.value(u"title"_qs).toString(), u"Chief Guide"_qs);
    QCOMPARE(profile.value(u"department"_qs).toString(), u"Operations"_qs);
    QCOMPARE(profile.value(u"display_name"_qs).toString(), u"Barbara Jensen"_qs);

    // A PUT without an attribute clears it (PUT replaces).
    const Response cleared = scim("PUT", u"/Users/"_qs + id, rfcUser(u"replace.me"_qs));
    QCOMPARE(cleared.status, 200);
    QVERIFY(!cleared.json().contains(u"title"_qs));
    QVERIFY(!cleared.json().contains(u"externalId"_qs));
    QCOMPARE(synced(memberToken(), u"replace.me"_qs, &cursor).value(u"title"_qs).toString(), QString());

    verifyScimError(scim("PUT", u"/Users/"_qs + id, QJsonObject {{u"userName"_qs, u"replace.me"_qs}}), 400,
                    u"invalidSyntax"_qs);
}

void TestScim::replaceKeepsWhatMembersEdit()
{
    const QJsonObject created = provision(rfcUser(u"keeps.edits"_qs));
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    // The person edits their own profile (they have a session, say after an admin set a password).
    const QByteArray own = createSession(env().db->storage(), u"keeps.edits"_qs);
    auto me = clientWith(own);
    const QJsonObject mine = me->get(u"/api/v1/profiles/me"_qs).json();
    QJsonObject edit = profileJson(u"Barbara Jensen"_qs);
    edit.insert(u"bio"_qs, u"I guide tours."_qs);
    edit.insert(u"skills"_qs, QJsonArray {QJsonObject {{u"name"_qs, u"Qt"_qs}, {u"level"_qs, 4}}});
    edit.insert(u"interests"_qs, QJsonArray {u"climbing"_qs});
    const Response saved =
        me->putJson(u"/api/v1/profiles/me"_qs, edit,
                    {{"If-Match", '"' + QByteArray::number(mine.value(u"revision"_qs).toInteger()) + '"'}});
    QCOMPARE(saved.status, 200);

    QJsonObject next = rfcUser(u"keeps.edits"_qs);
    next.insert(u"title"_qs, u"Lead"_qs);
    QCOMPARE(scim("PUT", u"/Users/"_qs + id, next).status, 200);
    const QJsonObject after = me->get(u"/api/v1/profiles/me"_qs).json();
    QCOMPARE(after.value(u"title"_qs).toString(), u"Lead"_qs);
    QCOMPARE(after.value(u"bio"_qs).toString(), u"I guide tours."_qs);
    QCOMPARE(after.value(u"skills"_qs).toArray().size(), 1);
    QCOMPARE(after.value(u"interests"_qs).toArray(), QJsonArray {u"climbing"_qs});
}

void TestScim::replaceRefusesRename()
{
    const QJsonObject created = provision(rfcUser(u"no.rename"_qs));
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    verifyScimError(scim("PUT", u"/Users/"_qs + id, rfcUser(u"renamed"_qs)), 400, u"mutability"_qs);
    verifyScimError(scim("PATCH", u"/Users/"_qs + id, patchOp({op(u"replace"_qs, u"userName"_qs, u"renamed"_qs)})), 400,
                    u"mutability"_qs);
    // The same name in other case is no rename.
    QCOMPARE(scim("PUT", u"/Users/"_qs + id, rfcUser(u"No.Rename"_qs)).status, 200);
    QCOMPARE(scim("GET", u"/Users/"_qs + id).json().value(u"userName"_qs).toString(), u"No.Rename"_qs);
}

void TestScim::replaceWithStaleIfMatch()
{
    const QJsonObject created = provision(rfcUser(u"etag.user"_qs));
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    const QByteArray v1 = created.value(u"meta"_qs).toObject().value(u"version"_qs).toString().toUtf8();
    QJsonObject next = rfcUser(u"etag.user"_qs);
    next.insert(u"title"_qs, u"One"_qs);
    const Response first = scim("PUT", u"/Users/"_qs + id, next, {}, {{"If-Match", v1}});
    QCOMPARE(first.status, 200);
    next.insert(u"title"_qs, u"Two"_qs);
    verifyScimError(scim("PUT", u"/Users/"_qs + id, next, {}, {{"If-Match", v1}}), 412, QString());
    verifyScimError(scim("DELETE", u"/Users/"_qs + id, {}, {}, {{"If-Match", v1}}), 412, QString());
    QCOMPARE(scim("PUT", u"/Users/"_qs + id, next, {}, {{"If-Match", first.header("ETag")}}).status, 200);
}

// ---- PATCH /Users/{id} -----------------------------------------------------------------------

void TestScim::patchOperations()
{
    QJsonObject user = rfcUser(u"patch.me"_qs);
    user.insert(u"phoneNumbers"_qs,
                QJsonArray {QJsonObject {{u"value"_qs, u"+1 555 0100"_qs}, {u"type"_qs, u"work"_qs}}});
    const QJsonObject created = provision(user);
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    const qint64 cursor0 = client(u"mia"_qs)->syncEnd();

    // RFC 7644 3.5.2.1 and 3.5.2.3: add an email, replace with a value filter, an extension path.
    const Response r =
        scim("PATCH", u"/Users/"_qs + id,
             patchOp({op(u"add"_qs, u"emails"_qs,
                         QJsonArray {QJsonObject {{u"value"_qs, u"babs@jensen.org"_qs}, {u"type"_qs, u"home"_qs}}}),
                      op(u"add"_qs, u"emails[type eq \"work\"].value"_qs, u"bjensen@example.com"_qs),
                      op(u"replace"_qs, u"name.givenName"_qs, u"Babs"_qs),
                      op(u"replace"_qs, u"addresses[type eq \"work\"].locality"_qs, u"Berlin"_qs),
                      op(u"replace"_qs, Enterprise + u":department"_qs, u"Sales"_qs),
                      op(u"remove"_qs, u"phoneNumbers[type eq \"work\"]"_qs)}));
    QCOMPARE(r.status, 200);
    const QJsonObject patched = r.json();
    QCOMPARE(patched.value(u"emails"_qs).toArray().at(0).toObject().value(u"value"_qs).toString(),
             u"bjensen@example.com"_qs);
    QCOMPARE(patched.value(u"name"_qs).toObject().value(u"givenName"_qs).toString(), u"Babs"_qs);
    QCOMPARE(patched.value(u"name"_qs).toObject().value(u"familyName"_qs).toString(), u"Jensen"_qs);
    QVERIFY(!patched.contains(u"phoneNumbers"_qs));
    QCOMPARE(r.header("ETag"), patched.value(u"meta"_qs).toObject().value(u"version"_qs).toString().toUtf8());

    qint64 cursor = cursor0;
    const QJsonObject profile = synced(memberToken(), u"patch.me"_qs, &cursor);
    QCOMPARE(profile.value(u"display_name"_qs).toString(), u"Babs Jensen"_qs);
    QCOMPARE(profile.value(u"email"_qs).toString(), u"bjensen@example.com"_qs);
    QCOMPARE(profile.value(u"location"_qs).toString(), u"Berlin"_qs);
    QCOMPARE(profile.value(u"department"_qs).toString(), u"Sales"_qs);
    QCOMPARE(profile.value(u"phone"_qs).toString(), QString());

    // Remove an attribute by its path.
    const Response removed = scim("PATCH", u"/Users/"_qs + id, patchOp({op(u"remove"_qs, u"name.givenName"_qs)}));
    QCOMPARE(removed.status, 200);
    QVERIFY(!removed.json().value(u"name"_qs).toObject().contains(u"givenName"_qs));
    QCOMPARE(synced(memberToken(), u"patch.me"_qs, &cursor).value(u"display_name"_qs).toString(), u"Jensen"_qs);
}

void TestScim::patchPathLessAsOktaAndEntraSend()
{
    const QJsonObject created = provision(rfcUser(u"pathless"_qs));
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    // Okta: replace without a path, attributes in the value.
    const Response okta = scim("PATCH", u"/Users/"_qs + id,
                               patchOp({op(u"replace"_qs, {},
                                           QJsonObject {{u"displayName"_qs, u"Path Less"_qs},
                                                        {u"title"_qs, u"Engineer"_qs},
                                                        {Enterprise, QJsonObject {{u"department"_qs, u"R&D"_qs}}}})}));
    QCOMPARE(okta.status, 200);
    QCOMPARE(okta.json().value(u"displayName"_qs).toString(), u"Path Less"_qs);
    QCOMPARE(okta.json().value(Enterprise).toObject().value(u"department"_qs).toString(), u"R&D"_qs);
    // Entra ID: "Replace", a fully qualified attribute as a key, a boolean as a string.
    const Response entra =
        scim("PATCH", u"/Users/"_qs + id,
             patchOp({op(u"Replace"_qs, {}, QJsonObject {{Enterprise + u":department"_qs, u"Research"_qs}}),
                      op(u"Replace"_qs, u"active"_qs, u"False"_qs), op(u"Add"_qs, u"title"_qs, u"Staff"_qs)}));
    QCOMPARE(entra.status, 200);
    QCOMPARE(entra.json().value(Enterprise).toObject().value(u"department"_qs).toString(), u"Research"_qs);
    QCOMPARE(entra.json().value(u"active"_qs).toBool(true), false);
    QCOMPARE(entra.json().value(u"title"_qs).toString(), u"Staff"_qs);
}

void TestScim::patchManagerByScimId()
{
    const QJsonObject boss = provision(rfcUser(u"the.boss"_qs, u"boss-ext"_qs));
    const QJsonObject report = provision(rfcUser(u"the.report"_qs));
    QVERIFY(!boss.isEmpty() && !report.isEmpty());
    const QString bossId = boss.value(u"id"_qs).toString();
    const QString reportId = report.value(u"id"_qs).toString();
    qint64 cursor = client(u"mia"_qs)->syncEnd();
    // Entra ID sends the manager's id as a string on the manager path.
    const Response r =
        scim("PATCH", u"/Users/"_qs + reportId, patchOp({op(u"add"_qs, Enterprise + u":manager"_qs, bossId)}));
    QCOMPARE(r.status, 200);
    const QJsonObject manager = r.json().value(Enterprise).toObject().value(u"manager"_qs).toObject();
    QCOMPARE(manager.value(u"value"_qs).toString(), bossId);
    QVERIFY(manager.value(u"$ref"_qs).toString().endsWith(u"/Users/"_qs + bossId));
    QCOMPARE(synced(memberToken(), u"the.report"_qs, &cursor).value(u"manager"_qs).toString(), u"the.boss"_qs);
    // Okta's form: the value in an object; the manager named by its externalId.
    QCOMPARE(
        scim("PATCH", u"/Users/"_qs + reportId,
             patchOp({op(u"replace"_qs, Enterprise + u":manager"_qs, QJsonObject {{u"value"_qs, u"boss-ext"_qs}})}))
            .status,
        200);
    // Removing the manager empties it.
    QCOMPARE(scim("PATCH", u"/Users/"_qs + reportId, patchOp({op(u"remove"_qs, Enterprise + u":manager"_qs)})).status,
             200);
    QCOMPARE(synced(memberToken(), u"the.report"_qs, &cursor).value(u"manager"_qs).toString(), QString());
    // Oneself as manager breaks a profile rule.
    verifyScimError(
        scim("PATCH", u"/Users/"_qs + reportId, patchOp({op(u"add"_qs, Enterprise + u":manager"_qs, reportId)})), 400,
        u"invalidValue"_qs);
}

void TestScim::patchInvalid_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("scimType");
    QTest::addRow("no PatchOp schema") << QJsonObject {{u"Operations"_qs,
                                                        QJsonArray {op(u"add"_qs, u"title"_qs, u"x"_qs)}}}
                                       << u"invalidSyntax"_qs;
    QTest::addRow("no operations") << patchOp({}) << u"invalidSyntax"_qs;
    QTest::addRow("unknown op") << patchOp({op(u"move"_qs, u"title"_qs, u"x"_qs)}) << u"invalidSyntax"_qs;
    QTest::addRow("remove without path") << patchOp({op(u"remove"_qs, {})}) << u"noTarget"_qs;
    QTest::addRow("add without value") << patchOp({op(u"add"_qs, u"title"_qs)}) << u"invalidValue"_qs;
    QTest::addRow("path-less value not an object") << patchOp({op(u"replace"_qs, {}, u"x"_qs)}) << u"invalidValue"_qs;
    QTest::addRow("id") << patchOp({op(u"replace"_qs, u"id"_qs, u"x"_qs)}) << u"mutability"_qs;
    QTest::addRow("meta") << patchOp({op(u"replace"_qs, u"meta.created"_qs, u"x"_qs)}) << u"mutability"_qs;
    QTest::addRow("bad filter") << patchOp({op(u"replace"_qs, u"emails[type co \"w\"].value"_qs, u"x"_qs)})
                                << u"invalidFilter"_qs;
    QTest::addRow("unclosed filter") << patchOp({op(u"replace"_qs, u"emails[type eq \"work\".value"_qs, u"x"_qs)})
                                     << u"invalidPath"_qs;
    QTest::addRow("bad path") << patchOp({op(u"replace"_qs, u"na me"_qs, u"x"_qs)}) << u"invalidPath"_qs;
    QTest::addRow("wrong type") << patchOp({op(u"replace"_qs, u"active"_qs, 3)}) << u"invalidValue"_qs;
    QTest::addRow("invalid email") << patchOp(
        {op(u"replace"_qs, u"emails"_qs, QJsonArray {QJsonObject {{u"value"_qs, u"@"_qs}}})})
                                   << u"invalidValue"_qs;
}

void TestScim::patchInvalid()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, scimType);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).toLower().replace(u' ', u'-');
    const QJsonObject created = provision(rfcUser(u"patch.invalid.%1"_qs.arg(tag)));
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    verifyScimError(scim("PATCH", u"/Users/"_qs + id, request), 400, scimType);
    // Nothing changed.
    QCOMPARE(scim("GET", u"/Users/"_qs + id).json(), created);
}

void TestScim::patchAllAtOnce(const QString &id, const QList<QJsonObject> &operations)
{
    auto c = clientWith(scimToken());
    QList<QNetworkReply *> replies;
    for (const QJsonObject &operation : operations) {
        replies.append(c->start("PATCH", u"/scim/v2/Users/"_qs + id, body(patchOp({operation})),
                                {{"Content-Type", "application/scim+json"}}));
    }
    for (QNetworkReply *reply : std::as_const(replies)) {
        if (!reply->isFinished())
            QVERIFY(QSignalSpy(reply, &QNetworkReply::finished).wait(30000));
        const Response r = Client::collect(reply);
        QVERIFY2(r.status == 200, r.body.constData());
    }
}

void TestScim::aBurstOfPatchesOfOneUser()
{
    // More writers of one user at once than a few quick retries outlast: every one still applies.
    const QJsonObject created = provision(rfcUser(u"burst.user"_qs));
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    constexpr int Patches = 24;
    QList<QJsonObject> operations;
    for (int i = 0; i < Patches; ++i)
        operations.append(op(u"replace"_qs, u"title"_qs, u"Title %1"_qs.arg(i)));
    patchAllAtOnce(id, operations);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject user = scim("GET", u"/Users/"_qs + id).json();
    QCOMPARE(user.value(u"meta"_qs).toObject().value(u"version"_qs).toString(), u"W/\"%1\""_qs.arg(Patches + 1));
}

void TestScim::concurrentPatchesAllApply()
{
    const QJsonObject created = provision(rfcUser(u"busy.user"_qs));
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    // Each changes another attribute of the same user at the same time; none may be lost.
    const QList<std::pair<QString, QString>> changes {
        {u"title"_qs, u"T"_qs},
        {u"displayName"_qs, u"D"_qs},
        {u"name.givenName"_qs, u"G"_qs},
        {u"name.familyName"_qs, u"F"_qs},
        {u"externalId"_qs, u"E"_qs},
        {Enterprise + u":department"_qs, u"X"_qs},
        {u"addresses[type eq \"work\"].locality"_qs, u"L"_qs},
    };
    QList<QJsonObject> operations;
    for (const auto &[path, value] : changes)
        operations.append(op(u"replace"_qs, path, value));
    patchAllAtOnce(id, operations);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject user = scim("GET", u"/Users/"_qs + id).json();
    QCOMPARE(user.value(u"title"_qs).toString(), u"T"_qs);
    QCOMPARE(user.value(u"displayName"_qs).toString(), u"D"_qs);
    QCOMPARE(user.value(u"name"_qs).toObject().value(u"givenName"_qs).toString(), u"G"_qs);
    QCOMPARE(user.value(u"name"_qs).toObject().value(u"familyName"_qs).toString(), u"F"_qs);
    QCOMPARE(user.value(u"externalId"_qs).toString(), u"E"_qs);
    QCOMPARE(user.value(Enterprise).toObject().value(u"department"_qs).toString(), u"X"_qs);
    QCOMPARE(user.value(u"addresses"_qs).toArray().at(0).toObject().value(u"locality"_qs).toString(), u"L"_qs);
    QCOMPARE(user.value(u"meta"_qs).toObject().value(u"version"_qs).toString(), u"W/\"%1\""_qs.arg(changes.size() + 1));
}

// ---- deprovisioning ---------------------------------------------------------------------------

void TestScim::deactivateAndReactivate()
{
    QJsonObject user = rfcUser(u"leaver"_qs);
    user.insert(u"title"_qs, u"Guide"_qs);
    // The cursor before the change: presence and status writes may take sequence values at any time.
    qint64 cursor = client(u"mia"_qs)->syncEnd();
    const QJsonObject created = provision(user);
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    const QJsonObject profile = synced(memberToken(), u"leaver"_qs, &cursor);
    const QString profileId = profile.value(u"id"_qs).toString();
    QVERIFY(!profileId.isEmpty());
    const QByteArray session = createSession(env().db->storage(), u"leaver"_qs);
    QCOMPARE(clientWith(session)->get(u"/api/v1/me"_qs).status, 200);

    // Okta's deactivation.
    const Response off =
        scim("PATCH", u"/Users/"_qs + id, patchOp({op(u"replace"_qs, {}, QJsonObject {{u"active"_qs, false}})}));
    QCOMPARE(off.status, 200);
    QCOMPARE(off.json().value(u"active"_qs).toBool(true), false);
    QCOMPARE(clientWith(session)->get(u"/api/v1/me"_qs).status, 401); // the session ended
    QStringList removed;
    QVERIFY(synced(memberToken(), u"leaver"_qs, &cursor, &removed).isEmpty());
    QVERIFY(removed.contains(profileId)); // a tombstone
    const auto account = env().db->storage().findAccount(u"leaver"_qs);
    QVERIFY(account && account->has_value() && account->value().disabled);
    // Still a SCIM user, inactive.
    QCOMPARE(scim("GET", u"/Users/"_qs + id).json().value(u"active"_qs).toBool(true), false);
    QCOMPARE(scim("GET", u"/Users?filter=userName%20eq%20%22leaver%22"_qs).json().value(u"totalResults"_qs).toInt(), 1);

    // A PUT that leaves active out keeps the user inactive.
    QJsonObject put = user;
    put.insert(u"title"_qs, u"Former Guide"_qs);
    const Response replaced = scim("PUT", u"/Users/"_qs + id, put);
    QCOMPARE(replaced.status, 200);
    QCOMPARE(replaced.json().value(u"active"_qs).toBool(true), false);
    QVERIFY(synced(memberToken(), u"leaver"_qs, &cursor).isEmpty());

    // Reactivated: the account works again, the profile comes back with its id and fields.
    const Response on = scim("PATCH", u"/Users/"_qs + id, patchOp({op(u"replace"_qs, u"active"_qs, true)}));
    QCOMPARE(on.status, 200);
    QCOMPARE(on.json().value(u"active"_qs).toBool(), true);
    const QJsonObject back = synced(memberToken(), u"leaver"_qs, &cursor);
    QCOMPARE(back.value(u"id"_qs).toString(), profileId);
    QCOMPARE(back.value(u"title"_qs).toString(), u"Former Guide"_qs);
    const auto enabled = env().db->storage().findAccount(u"leaver"_qs);
    QVERIFY(enabled && enabled->has_value() && !enabled->value().disabled);
    QCOMPARE(clientWith(createSession(env().db->storage(), u"leaver"_qs))->get(u"/api/v1/me"_qs).status, 200);
}

void TestScim::deleteUser()
{
    qint64 cursor = client(u"mia"_qs)->syncEnd(); // before the change, as above
    const QJsonObject created = provision(rfcUser(u"deleted.user"_qs));
    QVERIFY(!created.isEmpty());
    const QString id = created.value(u"id"_qs).toString();
    const QString profileId = synced(memberToken(), u"deleted.user"_qs, &cursor).value(u"id"_qs).toString();
    QVERIFY(!profileId.isEmpty());

    const Response r = scim("DELETE", u"/Users/"_qs + id);
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    verifyScimError(scim("GET", u"/Users/"_qs + id), 404, QString());
    verifyScimError(scim("DELETE", u"/Users/"_qs + id), 404, QString());
    verifyScimError(scim("PATCH", u"/Users/"_qs + id, patchOp({op(u"replace"_qs, u"title"_qs, u"x"_qs)})), 404,
                    QString());
    QCOMPARE(
        scim("GET", u"/Users?filter=userName%20eq%20%22deleted.user%22"_qs).json().value(u"totalResults"_qs).toInt(),
        0);
    QStringList removed;
    synced(memberToken(), QString(), &cursor, &removed);
    QVERIFY(removed.contains(profileId));
    const auto account = env().db->storage().findAccount(u"deleted.user"_qs);
    QVERIFY(account && account->has_value() && account->value().disabled);

    // Provisioned again later: a new SCIM id, the account enabled, the profile back.
    const QJsonObject again = provision(rfcUser(u"deleted.user"_qs));
    QVERIFY(!again.isEmpty());
    QVERIFY(again.value(u"id"_qs).toString() != id);
    QCOMPARE(synced(memberToken(), u"deleted.user"_qs, &cursor).value(u"id"_qs).toString(), profileId);
    const auto enabled = env().db->storage().findAccount(u"deleted.user"_qs);
    QVERIFY(enabled && enabled->has_value() && !enabled->value().disabled);
}

void TestScim::longPollWakesOnProvisioning()
{
    const qint64 cursor = client(u"mia"_qs)->syncEnd();
    auto member = clientWith(memberToken());
    QNetworkReply *poll = member->start("GET", u"/api/v1/sync?since=%1&timeout=30"_qs.arg(cursor));
    QSignalSpy finished(poll, &QNetworkReply::finished);
    QVERIFY(!finished.wait(300)); // held: nothing changed yet
    QVERIFY(!provision(rfcUser(u"wakes.polls"_qs)).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const Response r = Client::collect(poll);
    QCOMPARE(r.status, 200);
    bool found = false;
    for (const QJsonValue &v : r.json().value(u"profiles"_qs).toArray())
        found = found || v.toObject().value(u"username"_qs).toString() == u"wakes.polls";
    QVERIFY2(found, r.body.constData());
}

// ---- discovery --------------------------------------------------------------------------------

void TestScim::serviceProviderConfig()
{
    const Response r = scim("GET", u"/ServiceProviderConfig"_qs);
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"schemas"_qs).toArray(),
             QJsonArray {u"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"_qs});
    QCOMPARE(o.value(u"patch"_qs).toObject().value(u"supported"_qs).toBool(), true);
    QCOMPARE(o.value(u"filter"_qs).toObject().value(u"supported"_qs).toBool(), true);
    QVERIFY(o.value(u"filter"_qs).toObject().value(u"maxResults"_qs).toInt() > 0);
    QCOMPARE(o.value(u"bulk"_qs).toObject().value(u"supported"_qs).toBool(true), false);
    QCOMPARE(o.value(u"sort"_qs).toObject().value(u"supported"_qs).toBool(true), false);
    QCOMPARE(o.value(u"changePassword"_qs).toObject().value(u"supported"_qs).toBool(true), false);
    QCOMPARE(o.value(u"etag"_qs).toObject().value(u"supported"_qs).toBool(), true);
    const QJsonObject scheme = o.value(u"authenticationSchemes"_qs).toArray().at(0).toObject();
    QCOMPARE(scheme.value(u"type"_qs).toString(), u"oauthbearertoken"_qs);
}

void TestScim::schemas()
{
    const Response r = scim("GET", u"/Schemas"_qs);
    QCOMPARE(r.status, 200);
    const QJsonObject list = r.json();
    QCOMPARE(list.value(u"schemas"_qs).toArray(), QJsonArray {ListSchema});
    QCOMPARE(list.value(u"totalResults"_qs).toInt(), 2);
    QStringList ids;
    for (const QJsonValue &v : list.value(u"Resources"_qs).toArray())
        ids.append(v.toObject().value(u"id"_qs).toString());
    QCOMPARE(ids, (QStringList {UserSchema, Enterprise}));

    const Response user = scim("GET", u"/Schemas/"_qs + UserSchema);
    QCOMPARE(user.status, 200);
    QStringList attributes;
    for (const QJsonValue &v : user.json().value(u"attributes"_qs).toArray())
        attributes.append(v.toObject().value(u"name"_qs).toString());
    for (const char *name :
         {"userName", "name", "displayName", "title", "emails", "phoneNumbers", "addresses", "active", "externalId"})
        QVERIFY2(attributes.contains(QLatin1String(name)), name);
    QVERIFY(!attributes.contains(u"password"_qs));
    const Response extension = scim("GET", u"/Schemas/"_qs + Enterprise);
    QCOMPARE(extension.status, 200);
    QCOMPARE(extension.json().value(u"id"_qs).toString(), Enterprise);
    verifyScimError(scim("GET", u"/Schemas/urn:example:unknown"_qs), 404, QString());
}

void TestScim::resourceTypes()
{
    const Response r = scim("GET", u"/ResourceTypes"_qs);
    QCOMPARE(r.status, 200);
    const QJsonArray resources = r.json().value(u"Resources"_qs).toArray();
    QCOMPARE(resources.size(), 1);
    const QJsonObject user = resources.at(0).toObject();
    QCOMPARE(user.value(u"id"_qs).toString(), u"User"_qs);
    QCOMPARE(user.value(u"endpoint"_qs).toString(), u"/Users"_qs);
    QCOMPARE(user.value(u"schema"_qs).toString(), UserSchema);
    QCOMPARE(user.value(u"schemaExtensions"_qs).toArray().at(0).toObject().value(u"schema"_qs).toString(), Enterprise);
    QCOMPARE(scim("GET", u"/ResourceTypes/User"_qs).json(), user);
    verifyScimError(scim("GET", u"/ResourceTypes/Group"_qs), 404, QString());
}

// ---- the command ------------------------------------------------------------------------------

void TestScim::scimTokenCommand()
{
    ServerProcess &server = *env().server;
    const QStringList data = server.dataArguments();
    const CliRun created = server.run(QStringList {u"scim-token"_qs, u"create"_qs, u"entra"_qs} + data);
    QVERIFY2(created.succeeded(), qPrintable(created.describe()));
    const QString token = created.out.trimmed();
    QCOMPARE(token.size(), 43); // 256 bits, base64url
    QVERIFY(!created.err.contains(token));

    const CliRun listed = server.run(QStringList {u"scim-token"_qs, u"list"_qs} + data);
    QVERIFY2(listed.succeeded(), qPrintable(listed.describe()));
    QVERIFY(listed.out.contains(u"entra"_qs));
    QVERIFY(listed.out.contains(u"idp"_qs));
    QVERIFY(!listed.out.contains(u"old"_qs)); // revoked in init()
    QVERIFY(!listed.out.contains(token));
    QVERIFY(!listed.out.contains(QString::fromLatin1(scimToken())));

    // Stored as a hash only: no file of the SQLite database holds the token.
    if (!server.dataDir().isEmpty()) {
        const QDir dir(server.dataDir());
        const QStringList files = dir.entryList(QDir::Files);
        QVERIFY(files.contains(u"colleagues.db"_qs));
        for (const QString &name : files) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(token.toLatin1()), qPrintable(name));
        }
    }

    // The new token works at once; a second one of the same name is refused.
    QCOMPARE(scim("GET", u"/ServiceProviderConfig"_qs, {}, token.toLatin1()).status, 200);
    const CliRun again = server.run(QStringList {u"scim-token"_qs, u"create"_qs, u"entra"_qs} + data);
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.out.isEmpty());

    const CliRun revoked = server.run(QStringList {u"scim-token"_qs, u"revoke"_qs, u"entra"_qs} + data);
    QVERIFY2(revoked.succeeded(), qPrintable(revoked.describe()));
    QCOMPARE(scim("GET", u"/ServiceProviderConfig"_qs, {}, token.toLatin1()).status, 401);
    QCOMPARE(server.run(QStringList {u"scim-token"_qs, u"revoke"_qs, u"entra"_qs} + data).exitCode, 1);
    QCOMPARE(server.run(QStringList {u"scim-token"_qs, u"create"_qs, u"bad name"_qs} + data).exitCode, 2);
    QCOMPARE(server.run(QStringList {u"scim-token"_qs, u"frobnicate"_qs} + data).exitCode, 2);
    // The other tokens were not touched.
    QCOMPARE(scim("GET", u"/ServiceProviderConfig"_qs).status, 200);
}

// ---- storage (ScimStorage), straight on each backend ----------------------------------------

void TestScim::storageTokens()
{
    ScimStorage &scim = env().db->storage().scim();
    const QByteArray token = Tokens::generate();
    QVERIFY(scim.createScimToken(u"storage-a"_qs, Tokens::hash(token)));
    const auto duplicate = scim.createScimToken(u"storage-a"_qs, Tokens::hash(Tokens::generate()));
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().code, Error::Code::Duplicate);
    const auto found = scim.findScimToken(Tokens::hash(token));
    QVERIFY(found && found->has_value());
    QCOMPARE(found->value(), u"storage-a"_qs);
    QVERIFY(!scim.findScimToken(token)->has_value()); // the token itself is not what is kept
    const auto listed = scim.scimTokens();
    QVERIFY(listed);
    bool seen = false;
    for (const ScimTokenInfo &t : listed.value())
        seen = seen || (t.name == u"storage-a" && t.createdAt.isValid());
    QVERIFY(seen);
    QCOMPARE(scim.revokeScimToken(u"storage-a"_qs).value(), true);
    QCOMPARE(scim.revokeScimToken(u"storage-a"_qs).value(), false);
    QVERIFY(!scim.findScimToken(Tokens::hash(token))->has_value());
}

void TestScim::storageUsers()
{
    Storage &storage = env().db->storage();
    ScimStorage &scim = storage.scim();
    ScimUserRecord input;
    input.username = u"stored.user"_qs;
    input.externalId = u"ext-stored"_qs;
    input.attributes = R"({"userName":"stored.user"})";
    const auto created = scim.createScimUser(input);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    QCOMPARE(created->version, 1);
    QVERIFY(!created->id.isEmpty() && created->id != input.username);
    const auto account = storage.findAccount(input.username);
    QVERIFY(account && account->has_value());
    QVERIFY(account->value().passwordHash.isEmpty());
    QVERIFY(!account->value().disabled);
    QCOMPARE(scim.createScimUser(input).error().code, Error::Code::Duplicate);
    ScimUserRecord local = input;
    local.username = u"mia"_qs; // an account nobody provisioned
    QCOMPARE(scim.createScimUser(local).error().code, Error::Code::Duplicate);

    // Updates write only over the version they read; deactivation disables and ends sessions.
    const QByteArray session = createSession(storage, input.username);
    ScimUserRecord next = created.value();
    next.active = false;
    next.attributes = R"({"userName":"stored.user","title":"x"})";
    const auto updated = scim.updateScimUser(next);
    QVERIFY(updated && updated->has_value());
    QCOMPARE(updated->value().version, 2);
    QCOMPARE(updated->value().active, false);
    QVERIFY(!storage.findSession(Tokens::hash(session))->has_value());
    QVERIFY(storage.findAccount(input.username)->value().disabled);
    const auto stale = scim.updateScimUser(next); // still version 1
    QVERIFY(stale && !stale->has_value());

    qint64 total = 0;
    const auto byExternal = scim.scimUsers({ScimUserQuery::By::ExternalId, u"ext-stored"_qs}, 0, 10, &total);
    QVERIFY(byExternal);
    QCOMPARE(total, 1);
    QCOMPARE(byExternal->constFirst().id, created->id);
    QCOMPARE(byExternal->constFirst().attributes, next.attributes);

    // Deleted: gone for SCIM, the account disabled; provisioned again with a new id.
    QCOMPARE(scim.deleteScimUser(created->id).value(), true);
    QCOMPARE(scim.deleteScimUser(created->id).value(), false);
    QVERIFY(!scim.findScimUser(created->id)->has_value());
    QVERIFY(scim.scimUsers({ScimUserQuery::By::Username, input.username}, 0, 10, &total));
    QCOMPARE(total, 0);
    const auto again = scim.createScimUser(input);
    QVERIFY(again);
    QVERIFY(again->id != created->id);
    QVERIFY(!storage.findAccount(input.username)->value().disabled);
}

QTEST_GUILESS_MAIN(TestScim)
#include "tst_scim.moc"
