// SPDX-License-Identifier: MIT
// Group conversations (docs/api.md "Conversation", "POST /api/v1/conversations", leave, resolve,
// messages and read marks in a conversation, and what sync brings of them): against the real
// colleagues-server on a free port, on SQLite and on PostgreSQL.

#include "tests/support/BackendEnvironments.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/ServerTest.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Client::Headers idempotency(const QString &key = newId())
{
    return {{"Idempotency-Key", key.toLatin1()}};
}

QJsonObject conversationBody(const QString &id, const QString &kind, const QString &title, const QStringList &members)
{
    return {
        {u"id"_qs, id}, {u"kind"_qs, kind}, {u"title"_qs, title}, {u"members"_qs, QJsonArray::fromStringList(members)}};
}

QJsonObject messageBody(const QString &conversation, const QString &body)
{
    return {{u"conversation"_qs, conversation}, {u"body"_qs, body}};
}

//! The member \a username of a conversation's JSON, or an empty object.
QJsonObject memberOf(const QJsonObject &conversation, const QString &username)
{
    for (const QJsonValue &m : conversation.value(u"members"_qs).toArray()) {
        if (m.toObject().value(u"username"_qs).toString() == username)
            return m.toObject();
    }
    return {};
}

//! What a member saw of conversations through sync, in the order it came.
struct Seen
{
    QList<QJsonObject> conversations; //!< each time one came
    QList<QJsonObject> messages; //!< conversation messages only
    QList<int> conversationPage; //!< for each conversation of conversations, the page it came on
    QList<int> messagePage;
    int pages = 0;

    QList<qint64> messageIds(const QString &conversation) const
    {
        QList<qint64> ids;
        for (const QJsonObject &m : messages) {
            if (m.value(u"conversation"_qs).toString() == conversation)
                ids.append(m.value(u"id"_qs).toInteger());
        }
        return ids;
    }
    QList<QJsonObject> of(const QString &conversation) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &c : conversations) {
            if (c.value(u"id"_qs).toString() == conversation)
                found.append(c);
        }
        return found;
    }
    //! The page on which \a conversation first came; -1 if never.
    int firstPageOf(const QString &conversation) const
    {
        for (qsizetype i = 0; i < conversations.size(); ++i) {
            if (conversations.at(i).value(u"id"_qs).toString() == conversation)
                return conversationPage.at(i);
        }
        return -1;
    }
};

} // namespace

class TestApiConversations : public ServerTest
{
    Q_OBJECT

private Q_SLOTS:
    void requiresSignIn();
    void createRejects_data();
    void createRejects();
    void createAndRetry();
    void routesByWho_data();
    void routesByWho();
    void unknownIdsAreNotFound();
    void idempotentSend();
    void sendRejects();
    void leaveAndSuggest();
    void leaveRejects();
    void resolve();
    void readState();
    void fiftyMembers();
    void pagingNeverSkips_data();
    void pagingNeverSkips();
    void longPollWakesEveryMember();

private:
    void setUpBackend(ServerEnvironment &e) override;
    //! Starts a conversation of \a creator with \a members (201), and returns it.
    QJsonObject create(const QString &creator, const QStringList &members, const QString &kind = u"question"_qs);
    //! Sends \a body to conversation \a id as \a sender (201), and returns the message.
    QJsonObject send(const QString &sender, const QString &id, const QString &body);
    //! Pages through sync from \a cursor (advanced) with pages of \a limit.
    static Seen syncFrom(Client &c, qint64 *cursor, int limit = 5000);
    //! The cursor after everything \a username may see now.
    qint64 latest(const QString &username);
};

namespace {

const QStringList Members = {u"ada"_qs,   u"grace"_qs, u"linus"_qs, u"margaret"_qs, u"zoe"_qs,   u"bob"_qs,
                             u"carol"_qs, u"dave"_qs,  u"erin"_qs,  u"frank"_qs,    u"heidi"_qs, u"ivan"_qs};
//! People only the fiftyMembers() conversations use.
QStringList crowd(int count)
{
    QStringList names;
    for (int i = 0; i < count; ++i)
        names.append(u"crowd%1"_qs.arg(i, 2, 10, QLatin1Char('0')));
    return names;
}

} // namespace

void TestApiConversations::setUpBackend(ServerEnvironment &e)
{
    QVERIFY(e.addMembers(Members + crowd(51)));
    QVERIFY(e.addMembers({u"root"_qs}, Role::Admin));
    QVERIFY(addUser(e.storage(), u"gone"_qs, {}));
    QVERIFY(e.storage().setDisabled(u"gone"_qs, true));
}

QJsonObject TestApiConversations::create(const QString &creator, const QStringList &members, const QString &kind)
{
    const Response r = client(creator)->postJson(
        u"/api/v1/conversations"_qs, conversationBody(newId(), kind, u"Who knows SAP payroll?"_qs, members));
    if (r.status != 201)
        qWarning() << "creating a conversation:" << r.status << r.body;
    return r.status == 201 ? r.json() : QJsonObject();
}

QJsonObject TestApiConversations::send(const QString &sender, const QString &id, const QString &body)
{
    const Response r = client(sender)->postJson(u"/api/v1/messages"_qs, messageBody(id, body), idempotency());
    if (r.status != 201)
        qWarning() << "sending to a conversation:" << r.status << r.body;
    return r.status == 201 ? r.json() : QJsonObject();
}

Seen TestApiConversations::syncFrom(Client &c, qint64 *cursor, int limit)
{
    Seen seen;
    for (int page = 0; page < 10000; ++page) {
        const Response r = c.get(u"/api/v1/sync?since=%1&limit=%2"_qs.arg(*cursor).arg(limit));
        if (r.status != 200) {
            qWarning() << "sync failed:" << r.status << r.body;
            break;
        }
        const QJsonObject o = r.json();
        ++seen.pages;
        for (const QJsonValue &v : o.value(u"conversations"_qs).toArray()) {
            seen.conversations.append(v.toObject());
            seen.conversationPage.append(page);
        }
        for (const QJsonValue &v : o.value(u"messages"_qs).toArray()) {
            if (v.toObject().contains(u"conversation"_qs)) {
                seen.messages.append(v.toObject());
                seen.messagePage.append(page);
            }
        }
        const qint64 next = o.value(u"next"_qs).toInteger();
        if (next < *cursor)
            qWarning() << "the cursor went back";
        *cursor = next;
        if (!o.value(u"has_more"_qs).toBool())
            break;
    }
    return seen;
}

qint64 TestApiConversations::latest(const QString &username)
{
    qint64 cursor = 0;
    syncFrom(*client(username), &cursor);
    return cursor;
}

void TestApiConversations::requiresSignIn()
{
    Client anonymous(env().server->url());
    const QString id = newId();
    const QList<Response> answers {
        anonymous.postJson(u"/api/v1/conversations"_qs, conversationBody(id, u"group"_qs, u"x"_qs, {u"ada"_qs})),
        anonymous.postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), {}),
        anonymous.postJson(u"/api/v1/conversations/%1/resolve"_qs.arg(id), {{u"message"_qs, 1}}),
        anonymous.postJson(u"/api/v1/messages"_qs, messageBody(id, u"x"_qs), idempotency()),
        anonymous.postJson(u"/api/v1/messages/read"_qs, {{u"conversation"_qs, id}, {u"up_to"_qs, 1}}),
    };
    for (const Response &r : answers) {
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), u"unauthorized"_qs);
    }
}

void TestApiConversations::createRejects_data()
{
    addRefusalColumns();
    const QByteArray id = newId().toLatin1();
    const auto row = addRefusalRow;
    const auto with = [&id](const QByteArray &members, const QByteArray &title = "\"Lunch\"",
                            const QByteArray &kind = "\"group\"") {
        return "{\"id\":\"" + id + "\",\"kind\":" + kind + ",\"title\":" + title + ",\"members\":" + members + "}";
    };
    QByteArray fifty = "[";
    for (int i = 0; i < 50; ++i)
        fifty += (i ? ",\"" : "\"") + QByteArray("crowd") + QByteArray::number(i).rightJustified(2, '0') + '"';
    fifty += ']';
    row("malformed json", "{\"id\":", 400, "malformed", "");
    row("not an object", "[]", 400, "malformed", "");
    row("no id", R"({"kind":"group","title":"Lunch","members":["grace"]})", 422, "required", "id");
    row("id not a uuid", R"({"id":"lunch","kind":"group","title":"Lunch","members":["grace"]})", 422, "invalid_format",
        "id");
    row("kind unknown", with("[\"grace\"]", "\"Lunch\"", "\"chat\""), 422, "invalid_format", "kind");
    row("no kind", "{\"id\":\"" + id + R"(","title":"Lunch","members":["grace"]})", 422, "required", "kind");
    row("no title", "{\"id\":\"" + id + R"(","kind":"group","members":["grace"]})", 422, "required", "title");
    row("title empty", with("[\"grace\"]", "\" \""), 422, "required", "title");
    row("title too long", with("[\"grace\"]", '"' + QByteArray(201, 't') + '"'), 422, "too_long", "title");
    row("title two lines", with("[\"grace\"]", "\"one\\ntwo\""), 422, "forbidden_character", "title");
    row("no members", "{\"id\":\"" + id + R"(","kind":"group","title":"Lunch"})", 422, "required", "members");
    row("members empty", with("[]"), 422, "required", "members");
    row("members 50 others", with(fifty), 422, "too_many", "members");
    row("member repeated", with("[\"grace\",\"linus\",\"grace\"]"), 422, "duplicate", "members[2]");
    row("member the caller", with("[\"grace\",\"carol\"]"), 422, "invalid_format", "members[1]");
    row("member not a name", with("[\"grace\",\"Linus T\"]"), 422, "invalid_format", "members[1]");
    row("member unknown", with("[\"grace\",\"linus\",\"nobody\"]"), 422, "unknown_recipient", "members[2]");
    row("member disabled", with("[\"gone\"]"), 422, "unknown_recipient", "members[0]");
    row("unknown field", "{\"id\":\"" + id + R"(","kind":"group","title":"Lunch","members":["grace"],"to":"x"})", 422,
        "unknown_field", "to");
}

void TestApiConversations::createRejects()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    auto carol = client(u"carol"_qs);
    const Response r = carol->send("POST", u"/api/v1/conversations"_qs, body, {{"Content-Type", "application/json"}});
    verifyRefusal(r, status, code, field);
    if (QTest::currentTestFailed())
        return;
    if (!field.isEmpty())
        QVERIFY2(
            r.json().value(u"error"_qs).toObject().value(u"message"_qs).toString().contains(field.section(u'[', 0, 0)),
            r.body.constData());
    // Nothing was made: grace learns of no conversation.
    qint64 cursor = 0;
    QVERIFY(syncFrom(*client(u"grace"_qs), &cursor)
                .of(QJsonDocument::fromJson(body).object().value(u"id"_qs).toString())
                .isEmpty());

    const Response wrongType = carol->send("POST", u"/api/v1/conversations"_qs, body, {{"Content-Type", "text/plain"}});
    QCOMPARE(wrongType.status, 415);
}

void TestApiConversations::createAndRetry()
{
    auto ada = client(u"ada"_qs);
    const qint64 graceBefore = latest(u"grace"_qs);
    const qint64 zoeBefore = latest(u"zoe"_qs);
    const QString id = newId();
    const QJsonObject body =
        conversationBody(id.toUpper(), u"question"_qs, u"  Who knows SAP payroll?  "_qs, {u"Grace"_qs, u"linus"_qs});
    const Response created = ada->postJson(u"/api/v1/conversations"_qs, body);
    QVERIFY2(created.status == 201, created.body.constData());
    QCOMPARE(created.header("Location"), "/api/v1/conversations/" + id.toLatin1());
    const QJsonObject c = created.json();
    QCOMPARE(c.value(u"id"_qs).toString(), id);
    QCOMPARE(c.value(u"kind"_qs).toString(), u"question"_qs);
    QCOMPARE(c.value(u"title"_qs).toString(), u"Who knows SAP payroll?"_qs);
    QCOMPARE(c.value(u"created_by"_qs).toString(), u"ada"_qs);
    QCOMPARE(c.value(u"state"_qs).toString(), u"open"_qs);
    QVERIFY(c.value(u"resolution"_qs).isNull());
    QVERIFY(c.value(u"seq"_qs).toInteger() > 0);
    QVERIFY(QDateTime::fromString(c.value(u"created_at"_qs).toString(), Qt::ISODateWithMs).isValid());
    const QJsonArray members = c.value(u"members"_qs).toArray();
    QCOMPARE(members.size(), 3);
    QCOMPARE(members.at(0).toObject().value(u"username"_qs).toString(), u"ada"_qs);
    QCOMPARE(memberOf(c, u"ada"_qs).value(u"role"_qs).toString(), u"asker"_qs);
    QCOMPARE(memberOf(c, u"grace"_qs).value(u"role"_qs).toString(), u"member"_qs);
    QCOMPARE(memberOf(c, u"linus"_qs).value(u"read_up_to"_qs).toInteger(), 0);
    QVERIFY(memberOf(c, u"linus"_qs).value(u"left_at"_qs).isNull());
    QVERIFY(conversationFromJson(c));

    // The same request again (its answer was lost): the same conversation, 200.
    const Response retry = ada->postJson(u"/api/v1/conversations"_qs, body);
    QCOMPARE(retry.status, 200);
    QCOMPARE(retry.json(), c);
    // The same id with anything else, or from anyone else: 409.
    QJsonObject otherTitle = body;
    otherTitle.insert(u"title"_qs, u"Another question"_qs);
    Response conflict = ada->postJson(u"/api/v1/conversations"_qs, otherTitle);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.errorCode(), u"conflict"_qs);
    QCOMPARE(conflict.errorField(), u"id"_qs);
    QJsonObject otherMembers = body;
    otherMembers.insert(u"members"_qs, QJsonArray {u"grace"_qs});
    QCOMPARE(ada->postJson(u"/api/v1/conversations"_qs, otherMembers).status, 409);
    QCOMPARE(
        client(u"grace"_qs)
            ->postJson(u"/api/v1/conversations"_qs,
                       conversationBody(id, u"question"_qs, u"Who knows SAP payroll?"_qs, {u"ada"_qs, u"linus"_qs}))
            .status,
        409);

    // Every member's sync brings it, once; nobody else's.
    qint64 cursor = graceBefore;
    const Seen grace = syncFrom(*client(u"grace"_qs), &cursor);
    QCOMPARE(grace.of(id).size(), 1);
    QCOMPARE(grace.of(id).first(), c);
    cursor = zoeBefore;
    QVERIFY(syncFrom(*client(u"zoe"_qs), &cursor).conversations.isEmpty());
    // A group: its creator is a member like the others.
    const QJsonObject group = create(u"ada"_qs, {u"grace"_qs}, u"group"_qs);
    QCOMPARE(memberOf(group, u"ada"_qs).value(u"role"_qs).toString(), u"member"_qs);
    QCOMPARE(group.value(u"kind"_qs).toString(), u"group"_qs);
}

void TestApiConversations::routesByWho_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("expected");
    struct Case
    {
        const char *route;
        int asker, member, left, outsider, admin;
    };
    // ada asked grace and linus; linus left; zoe is in another team; root is an administrator.
    const QList<Case> cases {
        {"send", 201, 201, 404, 404, 404},
        {"read", 200, 200, 404, 404, 404},
        {"leave", 422, 200, 200, 404, 404},
        {"resolve", 200, 403, 404, 404, 404},
    };
    for (const Case &c : cases) {
        const QList<QPair<const char *, int>> whos {
            {"ada", c.asker}, {"grace", c.member}, {"linus", c.left}, {"zoe", c.outsider}, {"root", c.admin}};
        for (const auto &[who, expected] : whos)
            QTest::addRow("%s by %s", c.route, who)
                << QString::fromLatin1(c.route) << QString::fromLatin1(who) << expected;
    }
}

void TestApiConversations::routesByWho()
{
    QFETCH(QString, route);
    QFETCH(QString, who);
    QFETCH(int, expected);
    const QString id = create(u"ada"_qs, {u"grace"_qs, u"linus"_qs}).value(u"id"_qs).toString();
    QVERIFY(!id.isEmpty());
    const qint64 answer = send(u"grace"_qs, id, u"Ask Margaret."_qs).value(u"id"_qs).toInteger();
    QVERIFY(answer > 0);
    QCOMPARE(client(u"linus"_qs)->postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), {}).status, 200);

    auto c = client(who);
    Response r;
    if (route == u"send")
        r = c->postJson(u"/api/v1/messages"_qs, messageBody(id, u"from "_qs + who), idempotency());
    else if (route == u"read")
        r = c->postJson(u"/api/v1/messages/read"_qs, {{u"conversation"_qs, id}, {u"up_to"_qs, answer}});
    else if (route == u"leave")
        r = c->postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), {});
    else
        r = c->postJson(u"/api/v1/conversations/%1/resolve"_qs.arg(id), {{u"message"_qs, answer}});
    QVERIFY2(r.status == expected, r.body.constData());
    if (expected >= 400) {
        QVERIFY(!r.errorCode().isEmpty());
        // A non-member learns nothing: the answer is the one for an unknown id, word for word.
        if (expected == 404) {
            auto unknown = client(who);
            const QString other = newId();
            Response none;
            if (route == u"send")
                none = unknown->postJson(u"/api/v1/messages"_qs, messageBody(other, u"x"_qs), idempotency());
            else if (route == u"read")
                none = unknown->postJson(u"/api/v1/messages/read"_qs, {{u"conversation"_qs, other}, {u"up_to"_qs, 1}});
            else
                none = unknown->postJson(u"/api/v1/conversations/%1/%2"_qs.arg(other, route),
                                         route == u"resolve" ? QJsonObject {{u"message"_qs, answer}} : QJsonObject());
            QCOMPARE(none.status, 404);
            QCOMPARE(r.body, none.body);
        }
    }
    // Nobody but the members (and linus, as it was when he left) ever saw it through sync.
    qint64 cursor = 0;
    const Seen seen = syncFrom(*client(who), &cursor);
    if (who == u"zoe" || who == u"root") {
        QVERIFY(seen.of(id).isEmpty());
        QVERIFY(seen.messageIds(id).isEmpty());
    } else {
        QVERIFY(!seen.of(id).isEmpty());
        QVERIFY(seen.messageIds(id).contains(answer));
    }
}

void TestApiConversations::unknownIdsAreNotFound()
{
    auto ada = client(u"ada"_qs);
    for (const QString &id : {newId(), u"not-a-uuid"_qs, u"{"_qs + newId() + u"}"_qs}) {
        const QList<Response> answers {
            ada->postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), {}),
            ada->postJson(u"/api/v1/conversations/%1/resolve"_qs.arg(id), {{u"message"_qs, 1}}),
            ada->postJson(u"/api/v1/messages"_qs, messageBody(id, u"x"_qs), idempotency()),
            ada->postJson(u"/api/v1/messages/read"_qs, {{u"conversation"_qs, id}, {u"up_to"_qs, 1}}),
        };
        for (const Response &r : answers) {
            QVERIFY2(r.status == 404, r.body.constData());
            QCOMPARE(r.errorCode(), u"not_found"_qs);
        }
    }
    // A route that does not exist for conversations.
    QCOMPARE(ada->get(u"/api/v1/conversations/%1/leave"_qs.arg(newId())).status, 405);
}

void TestApiConversations::idempotentSend()
{
    auto grace = client(u"grace"_qs);
    const QString id = create(u"ada"_qs, {u"grace"_qs, u"linus"_qs}).value(u"id"_qs).toString();
    const QString key = newId();
    const Response first =
        grace->postJson(u"/api/v1/messages"_qs, messageBody(id, u"  Ask Margaret.  "_qs), idempotency(key));
    QVERIFY2(first.status == 201, first.body.constData());
    const QJsonObject m = first.json();
    QCOMPARE(first.header("Location"), "/api/v1/messages/" + QByteArray::number(m.value(u"id"_qs).toInteger()));
    QCOMPARE(m.value(u"conversation"_qs).toString(), id);
    QCOMPARE(m.value(u"from"_qs).toString(), u"grace"_qs);
    QCOMPARE(m.value(u"body"_qs).toString(), u"  Ask Margaret."_qs);
    QCOMPARE(m.value(u"client_id"_qs).toString(), key);
    QVERIFY(!m.contains(u"to"_qs));
    QVERIFY(!m.contains(u"read_at"_qs));
    QVERIFY(messageFromJson(m));

    // Retried (a lost answer): the same message, 200, stored once.
    const Response again =
        grace->postJson(u"/api/v1/messages"_qs, messageBody(id, u"  Ask Margaret.  "_qs), idempotency(key));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json(), m);
    // The key with another message (body, conversation, or a person): 409.
    for (const QJsonObject &other :
         {messageBody(id, u"Ask Linus."_qs),
          messageBody(create(u"grace"_qs, {u"ada"_qs}).value(u"id"_qs).toString(), u"  Ask Margaret.  "_qs),
          QJsonObject {{u"to"_qs, u"ada"_qs}, {u"body"_qs, u"  Ask Margaret.  "_qs}}}) {
        const Response conflict = grace->postJson(u"/api/v1/messages"_qs, other, idempotency(key));
        QCOMPARE(conflict.status, 409);
        QCOMPARE(conflict.errorCode(), u"idempotency_key_reused"_qs);
        QCOMPARE(conflict.errorField(), u"Idempotency-Key"_qs);
    }
    // Even after leaving, a retry gets the original (it was sent while in).
    QCOMPARE(grace->postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), {}).status, 200);
    const Response afterLeaving =
        grace->postJson(u"/api/v1/messages"_qs, messageBody(id, u"  Ask Margaret.  "_qs), idempotency(key));
    QCOMPARE(afterLeaving.status, 200);
    QCOMPARE(afterLeaving.json(), m);
    QCOMPARE(grace->postJson(u"/api/v1/messages"_qs, messageBody(id, u"Another"_qs), idempotency()).status, 404);

    // ada sees it once.
    qint64 cursor = 0;
    QCOMPARE(syncFrom(*client(u"ada"_qs), &cursor).messageIds(id), QList<qint64> {m.value(u"id"_qs).toInteger()});
}

void TestApiConversations::sendRejects()
{
    auto ada = client(u"ada"_qs);
    const QString id = create(u"ada"_qs, {u"grace"_qs}).value(u"id"_qs).toString();
    const auto check = [&](const QJsonObject &body, int status, const QString &code, const QString &field) {
        verifyRefusal(ada->postJson(u"/api/v1/messages"_qs, body, idempotency()), status, code, field);
    };
    check(messageBody(id, QString()), 422, u"required"_qs, u"body"_qs);
    check(messageBody(id, QString(10001, u'x')), 422, u"too_long"_qs, u"body"_qs);
    check(messageBody(id, u"bell \u0007"_qs), 422, u"forbidden_character"_qs, u"body"_qs);
    check({{u"conversation"_qs, 12}, {u"body"_qs, u"x"_qs}}, 422, u"invalid_type"_qs, u"conversation"_qs);
    check({{u"conversation"_qs, id}}, 422, u"required"_qs, u"body"_qs);
    check({{u"conversation"_qs, id}, {u"to"_qs, u"grace"_qs}, {u"body"_qs, u"x"_qs}}, 422, u"unknown_field"_qs,
          u"to"_qs);
    const Response noKey = ada->postJson(u"/api/v1/messages"_qs, messageBody(id, u"x"_qs));
    QCOMPARE(noKey.status, 400);
    QCOMPARE(noKey.errorField(), u"Idempotency-Key"_qs);
    qint64 cursor = 0;
    QVERIFY(syncFrom(*client(u"grace"_qs), &cursor).messageIds(id).isEmpty());
}

void TestApiConversations::leaveAndSuggest()
{
    const QString id = create(u"ada"_qs, {u"grace"_qs, u"linus"_qs}).value(u"id"_qs).toString();
    const qint64 first = send(u"ada"_qs, id, u"Who knows SAP payroll?"_qs).value(u"id"_qs).toInteger();
    const qint64 second = send(u"grace"_qs, id, u"Not me, but Linus might."_qs).value(u"id"_qs).toInteger();
    QVERIFY(first > 0 && second > first);
    const qint64 linusBefore = latest(u"linus"_qs);
    const qint64 margaretBefore = latest(u"margaret"_qs);

    // linus says "not me" and names margaret.
    const Response left =
        client(u"linus"_qs)
            ->postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), {{u"suggest"_qs, u" Margaret "_qs}});
    QVERIFY2(left.status == 200, left.body.constData());
    const QJsonObject after = left.json();
    const QJsonObject linus = memberOf(after, u"linus"_qs);
    QVERIFY(linus.value(u"left_at"_qs).isString());
    QCOMPARE(linus.value(u"suggested"_qs).toString(), u"margaret"_qs);
    const QJsonObject margaret = memberOf(after, u"margaret"_qs);
    QCOMPARE(margaret.value(u"added_by"_qs).toString(), u"linus"_qs);
    QCOMPARE(margaret.value(u"role"_qs).toString(), u"member"_qs);
    QVERIFY(margaret.value(u"left_at"_qs).isNull());
    QCOMPARE(after.value(u"members"_qs).toArray().last().toObject().value(u"username"_qs).toString(), u"margaret"_qs);

    // Leaving again changes nothing.
    const Response again =
        client(u"linus"_qs)->postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), {{u"suggest"_qs, u"zoe"_qs}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json(), after);

    // margaret's next sync brings the conversation and everything said before she came, the
    // conversation first.
    const qint64 third = send(u"margaret"_qs, id, u"I can help."_qs).value(u"id"_qs).toInteger();
    QVERIFY(third > second);
    qint64 cursor = margaretBefore;
    const Seen seenByMargaret = syncFrom(*client(u"margaret"_qs), &cursor);
    QCOMPARE(seenByMargaret.messageIds(id), (QList<qint64> {first, second, third}));
    QVERIFY(!seenByMargaret.of(id).isEmpty());
    QVERIFY(seenByMargaret.firstPageOf(id) <= seenByMargaret.messagePage.first());
    QVERIFY(seenByMargaret.of(id).last().value(u"members"_qs).toArray().size() == 4);

    // linus gets the conversation once more, as it was when he left, and nothing after.
    const qint64 fourth = send(u"ada"_qs, id, u"Thanks, Margaret!"_qs).value(u"id"_qs).toInteger();
    QVERIFY(fourth > third);
    cursor = linusBefore;
    const Seen seenByLinus = syncFrom(*client(u"linus"_qs), &cursor);
    QCOMPARE(seenByLinus.of(id).size(), 1);
    QCOMPARE(seenByLinus.of(id).first(), after);
    QVERIFY(seenByLinus.messageIds(id).isEmpty());
    // A full sync of linus: the messages up to his leaving, the conversation as he left it.
    cursor = 0;
    const Seen fullLinus = syncFrom(*client(u"linus"_qs), &cursor);
    QCOMPARE(fullLinus.messageIds(id), (QList<qint64> {first, second}));
    QCOMPARE(fullLinus.of(id).last(), after);
    // grace sees everything, and margaret's coming.
    cursor = 0;
    const Seen grace = syncFrom(*client(u"grace"_qs), &cursor);
    QCOMPARE(grace.messageIds(id), (QList<qint64> {first, second, third, fourth}));
    QCOMPARE(memberOf(grace.of(id).last(), u"margaret"_qs).value(u"added_by"_qs).toString(), u"linus"_qs);
    // A group's creator may leave; nobody is named.
    const QString group = create(u"bob"_qs, {u"carol"_qs}, u"group"_qs).value(u"id"_qs).toString();
    const Response bobLeaves = client(u"bob"_qs)->send("POST", u"/api/v1/conversations/%1/leave"_qs.arg(group));
    QVERIFY2(bobLeaves.status == 200, bobLeaves.body.constData());
    QVERIFY(memberOf(bobLeaves.json(), u"bob"_qs).value(u"left_at"_qs).isString());
}

void TestApiConversations::leaveRejects()
{
    const QString id = create(u"ada"_qs, {u"grace"_qs, u"linus"_qs}).value(u"id"_qs).toString();
    auto grace = client(u"grace"_qs);
    const auto check = [&](Client &c, const QJsonObject &body, const QString &code, const QString &field) {
        verifyRefusal(c.postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), body), 422, code, field);
    };
    check(*client(u"ada"_qs), {}, u"asker_cannot_leave"_qs, u"id"_qs);
    check(*grace, {{u"suggest"_qs, u"nobody"_qs}}, u"unknown_recipient"_qs, u"suggest"_qs);
    check(*grace, {{u"suggest"_qs, u"gone"_qs}}, u"unknown_recipient"_qs, u"suggest"_qs);
    check(*grace, {{u"suggest"_qs, u"linus"_qs}}, u"duplicate"_qs, u"suggest"_qs);
    check(*grace, {{u"suggest"_qs, u"grace"_qs}}, u"duplicate"_qs, u"suggest"_qs);
    check(*grace, {{u"suggest"_qs, u"Not A Name"_qs}}, u"invalid_format"_qs, u"suggest"_qs);
    check(*grace, {{u"suggest"_qs, 3}}, u"invalid_type"_qs, u"suggest"_qs);
    check(*grace, {{u"why"_qs, u"busy"_qs}}, u"unknown_field"_qs, u"why"_qs);
    const Response malformed = grace->send("POST", u"/api/v1/conversations/%1/leave"_qs.arg(id),
                                           "{\"suggest\":", {{"Content-Type", "application/json"}});
    QCOMPARE(malformed.status, 400);
    // None of that changed anything: grace and linus are still in.
    const Response read = grace->postJson(u"/api/v1/messages/read"_qs, {{u"conversation"_qs, id}, {u"up_to"_qs, 0}});
    QCOMPARE(read.status, 200);
    // Someone who left before cannot be named again.
    QCOMPARE(client(u"linus"_qs)->postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), {}).status, 200);
    check(*grace, {{u"suggest"_qs, u"linus"_qs}}, u"duplicate"_qs, u"suggest"_qs);
}

void TestApiConversations::resolve()
{
    const QString id = create(u"ada"_qs, {u"grace"_qs, u"linus"_qs}).value(u"id"_qs).toString();
    const qint64 question = send(u"ada"_qs, id, u"Anyone?"_qs).value(u"id"_qs).toInteger();
    const qint64 answer = send(u"grace"_qs, id, u"Margaret knows."_qs).value(u"id"_qs).toInteger();
    const qint64 better = send(u"linus"_qs, id, u"Margaret, room 4."_qs).value(u"id"_qs).toInteger();
    const QString otherConversation = create(u"ada"_qs, {u"grace"_qs}).value(u"id"_qs).toString();
    const qint64 elsewhere = send(u"grace"_qs, otherConversation, u"Elsewhere"_qs).value(u"id"_qs).toInteger();
    const qint64 graceBefore = latest(u"grace"_qs);
    auto ada = client(u"ada"_qs);
    const QString path = u"/api/v1/conversations/%1/resolve"_qs.arg(id);
    const auto reject = [&](const QJsonObject &body, int status, const QString &code, const QString &field) {
        verifyRefusal(ada->postJson(path, body), status, code, field);
    };
    reject({}, 422, u"required"_qs, u"message"_qs);
    reject({{u"message"_qs, u"58"_qs}}, 422, u"out_of_range"_qs, u"message"_qs);
    reject({{u"message"_qs, 1.5}}, 422, u"out_of_range"_qs, u"message"_qs);
    reject({{u"message"_qs, question}}, 422, u"own_message"_qs, u"message"_qs);
    reject({{u"message"_qs, elsewhere}}, 422, u"unknown_message"_qs, u"message"_qs);
    reject({{u"message"_qs, 999999999}}, 422, u"unknown_message"_qs, u"message"_qs);
    reject({{u"message"_qs, answer}, {u"thanks"_qs, true}}, 422, u"unknown_field"_qs, u"thanks"_qs);
    QCOMPARE(client(u"grace"_qs)->postJson(path, {{u"message"_qs, answer}}).status, 403);

    const Response resolved = ada->postJson(path, {{u"message"_qs, answer}});
    QVERIFY2(resolved.status == 200, resolved.body.constData());
    QCOMPARE(resolved.json().value(u"state"_qs).toString(), u"resolved"_qs);
    const QJsonObject resolution = resolved.json().value(u"resolution"_qs).toObject();
    QCOMPARE(resolution.value(u"message"_qs).toInteger(), answer);
    QCOMPARE(resolution.value(u"by"_qs).toString(), u"ada"_qs);
    QVERIFY(QDateTime::fromString(resolution.value(u"at"_qs).toString(), Qt::ISODateWithMs).isValid());
    // The same answer again changes nothing; another replaces it. It still takes messages.
    QCOMPARE(ada->postJson(path, {{u"message"_qs, answer}}).json(), resolved.json());
    const Response replaced = ada->postJson(path, {{u"message"_qs, better}});
    QCOMPARE(replaced.status, 200);
    QCOMPARE(replaced.json().value(u"resolution"_qs).toObject().value(u"message"_qs).toInteger(), better);
    QVERIFY(send(u"grace"_qs, id, u"Glad it worked."_qs).value(u"id"_qs).toInteger() > better);
    // Every member sees it closed.
    qint64 cursor = graceBefore;
    const Seen grace = syncFrom(*client(u"grace"_qs), &cursor);
    QCOMPARE(grace.of(id).last().value(u"state"_qs).toString(), u"resolved"_qs);
    QCOMPARE(grace.of(id).last().value(u"resolution"_qs).toObject().value(u"message"_qs).toInteger(), better);
    // A group has no answer to mark.
    const QString group = create(u"ada"_qs, {u"grace"_qs}, u"group"_qs).value(u"id"_qs).toString();
    const qint64 said = send(u"grace"_qs, group, u"Hi"_qs).value(u"id"_qs).toInteger();
    const Response groupResolve =
        ada->postJson(u"/api/v1/conversations/%1/resolve"_qs.arg(group), {{u"message"_qs, said}});
    QCOMPARE(groupResolve.status, 403);
    QCOMPARE(groupResolve.errorCode(), u"forbidden"_qs);
}

void TestApiConversations::readState()
{
    const QString id = create(u"ada"_qs, {u"grace"_qs, u"linus"_qs}).value(u"id"_qs).toString();
    const qint64 first = send(u"ada"_qs, id, u"One"_qs).value(u"id"_qs).toInteger();
    const qint64 second = send(u"ada"_qs, id, u"Two"_qs).value(u"id"_qs).toInteger();
    const qint64 adaBefore = latest(u"ada"_qs);
    auto grace = client(u"grace"_qs);
    const auto read = [&](const QJsonValue &upTo) {
        return grace->postJson(u"/api/v1/messages/read"_qs, {{u"conversation"_qs, id}, {u"up_to"_qs, upTo}});
    };
    Response r = read(first);
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.json(), (QJsonObject {{u"conversation"_qs, id}, {u"up_to"_qs, first}}));
    // It never goes back, and never beyond the last message.
    QCOMPARE(read(0).json().value(u"up_to"_qs).toInteger(), first);
    QCOMPARE(read(second + 1000000).json().value(u"up_to"_qs).toInteger(), second);
    // The other members see it with their next sync.
    qint64 cursor = adaBefore;
    const Seen ada = syncFrom(*client(u"ada"_qs), &cursor);
    QCOMPARE(memberOf(ada.of(id).last(), u"grace"_qs).value(u"read_up_to"_qs).toInteger(), second);
    QCOMPARE(memberOf(ada.of(id).last(), u"linus"_qs).value(u"read_up_to"_qs).toInteger(), 0);

    for (const auto &[upTo, code] :
         {std::pair {QJsonValue(-1), u"out_of_range"_qs}, std::pair {QJsonValue(u"7"_qs), u"out_of_range"_qs},
          std::pair {QJsonValue(), u"required"_qs}}) {
        const Response bad = read(upTo);
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.errorCode(), code);
        QCOMPARE(bad.errorField(), u"up_to"_qs);
    }
    const Response both = grace->postJson(u"/api/v1/messages/read"_qs,
                                          {{u"conversation"_qs, id}, {u"with"_qs, u"ada"_qs}, {u"up_to"_qs, 1}});
    QCOMPARE(both.status, 422);
    QCOMPARE(both.errorField(), u"with"_qs);
    const Response notString =
        grace->postJson(u"/api/v1/messages/read"_qs, {{u"conversation"_qs, 5}, {u"up_to"_qs, 1}});
    QCOMPARE(notString.status, 422);
    QCOMPARE(notString.errorField(), u"conversation"_qs);
}

void TestApiConversations::fiftyMembers()
{
    const QStringList everyone = crowd(51);
    // 49 others and the asker: the most there may be.
    const QJsonObject full = create(everyone.at(0), everyone.mid(1, 49));
    QVERIFY(!full.isEmpty());
    QCOMPARE(full.value(u"members"_qs).toArray().size(), 50);
    const QString id = full.value(u"id"_qs).toString();
    // A leaver makes room for the one they name, so the conversation stays at 50.
    const Response left =
        client(everyone.at(1))
            ->postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), {{u"suggest"_qs, everyone.at(50)}});
    QVERIFY2(left.status == 200, left.body.constData());
    QCOMPARE(conversationFromJson(left.json())->currentMembers().size(), 50);
    const qint64 said = send(everyone.at(50), id, u"Here."_qs).value(u"id"_qs).toInteger();
    QVERIFY(said > 0);
    qint64 cursor = 0;
    QCOMPARE(syncFrom(*client(everyone.at(49)), &cursor).messageIds(id), QList<qint64> {said});
}

void TestApiConversations::pagingNeverSkips_data()
{
    QTest::addColumn<int>("limit");
    for (int limit : {1, 2, 3, 7, 1000})
        QTest::addRow("limit %d", limit) << limit;
}

void TestApiConversations::pagingNeverSkips()
{
    QFETCH(int, limit);
    // dave asks erin and frank; messages; frank leaves naming heidi; more messages; erin reads.
    const QString id = create(u"dave"_qs, {u"erin"_qs, u"frank"_qs}).value(u"id"_qs).toString();
    QList<qint64> before;
    for (int i = 0; i < 5; ++i)
        before.append(send(i % 2 ? u"erin"_qs : u"dave"_qs, id, u"early %1"_qs.arg(i)).value(u"id"_qs).toInteger());
    QCOMPARE(client(u"frank"_qs)
                 ->postJson(u"/api/v1/conversations/%1/leave"_qs.arg(id), {{u"suggest"_qs, u"heidi"_qs}})
                 .status,
             200);
    QList<qint64> later;
    for (int i = 0; i < 4; ++i)
        later.append(send(i % 2 ? u"heidi"_qs : u"erin"_qs, id, u"later %1"_qs.arg(i)).value(u"id"_qs).toInteger());
    QCOMPARE(client(u"erin"_qs)
                 ->postJson(u"/api/v1/messages/read"_qs, {{u"conversation"_qs, id}, {u"up_to"_qs, later.last()}})
                 .status,
             200);

    const QList<qint64> all = before + later;
    for (const QString &who : {u"heidi"_qs, u"dave"_qs, u"erin"_qs, u"frank"_qs}) {
        qint64 cursor = 0;
        const Seen seen = syncFrom(*client(who), &cursor, limit);
        const QList<qint64> ids = seen.messageIds(id);
        // Exactly once each, in order.
        QCOMPARE(ids, who == u"frank" ? before : all);
        QVERIFY2(!seen.of(id).isEmpty(), qPrintable(who));
        // The conversation comes no later than the first of its messages.
        int firstMessagePage = -1;
        for (qsizetype i = 0; i < seen.messages.size(); ++i) {
            if (seen.messages.at(i).value(u"conversation"_qs).toString() == id) {
                firstMessagePage = seen.messagePage.at(i);
                break;
            }
        }
        QVERIFY2(seen.firstPageOf(id) <= firstMessagePage, qPrintable(who));
        const QJsonObject last = seen.of(id).last();
        if (who == u"frank") {
            QVERIFY(memberOf(last, u"frank"_qs).value(u"left_at"_qs).isString());
        } else {
            QCOMPARE(memberOf(last, u"erin"_qs).value(u"read_up_to"_qs).toInteger(), later.last());
            QCOMPARE(memberOf(last, u"heidi"_qs).value(u"added_by"_qs).toString(), u"frank"_qs);
        }
        // heidi, synced up to just before she came, then everything: the earlier messages too.
        if (who == u"heidi" && limit == 1) {
            qint64 fromEnd = cursor;
            QVERIFY(syncFrom(*client(who), &fromEnd).conversations.isEmpty());
        }
    }
}

void TestApiConversations::longPollWakesEveryMember()
{
    const QStringList members = {u"bob"_qs, u"carol"_qs, u"ivan"_qs, u"erin"_qs};
    const QString id = create(u"ivan"_qs, {u"bob"_qs, u"carol"_qs, u"erin"_qs}, u"group"_qs).value(u"id"_qs).toString();
    QVERIFY(!id.isEmpty());
    // Everybody online first, so that their own presence does not end their polls.
    for (const QString &who : members + QStringList {u"zoe"_qs})
        QCOMPARE(client(who)->get(u"/api/v1/me"_qs).status, 200);
    const auto online = [this](const QString &who) {
        const Expected<Status> s = env().storage().findStatus(who);
        return s && s->presence == Presence::Online;
    };
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(members.begin(), members.end(), online) && online(u"zoe"_qs), 10000);

    std::vector<std::unique_ptr<Client>> clients;
    QList<QNetworkReply *> polls;
    for (const QString &who : members + QStringList {u"zoe"_qs}) {
        const qint64 cursor = latest(who);
        clients.push_back(client(who));
        polls.append(clients.back()->start("GET", u"/api/v1/sync?since=%1&timeout=20"_qs.arg(cursor)));
    }
    QNetworkReply *outsider = polls.takeLast();
    // All five are held (they answer at once only with something to say).
    const auto waiting = [this] {
        const Response metrics = client(u"root"_qs)->get(u"/metrics"_qs);
        return int(Client::metricValue(metrics.body, "colleagues_sync_longpolls_waiting"));
    };
    QTRY_VERIFY_WITH_TIMEOUT(waiting() >= 5, 10000);
    for (QNetworkReply *poll : std::as_const(polls))
        QVERIFY(!poll->isFinished());
    QElapsedTimer timer;
    timer.start();
    const QJsonObject message = send(u"carol"_qs, id, u"Lunch at noon?"_qs);
    QVERIFY(!message.isEmpty());
    for (QNetworkReply *poll : std::as_const(polls)) {
        QTRY_VERIFY_WITH_TIMEOUT(poll->isFinished(), 5000);
        const Response r = Client::collect(poll, timer.elapsed());
        QCOMPARE(r.status, 200);
        QVERIFY2(r.elapsedMs < 2000, qPrintable(u"woken after %1 ms"_qs.arg(r.elapsedMs)));
        const QJsonArray messages = r.json().value(u"messages"_qs).toArray();
        QVERIFY2(messages.contains(message), r.body.constData());
        poll->deleteLater();
    }
    // zoe, not in it, is not woken.
    QVERIFY(!outsider->isFinished());
    outsider->abort();
    outsider->deleteLater();
}

QTEST_GUILESS_MAIN(TestApiConversations)
#include "tst_api_conversations.moc"
