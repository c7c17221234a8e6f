// SPDX-License-Identifier: MIT
// Conversations in Core: the JSON both sides speak (docs/api.md "Conversation"), the request that
// starts one, and their rules; and messages to a conversation.

#include "core/Conversation.h"
#include "core/Json.h"
#include "core/Message.h"
#include "core/Validation.h"

#include <QJsonArray>
#include <QTest>

using namespace Colleagues;

namespace {

const QString Id = u"0b7e3c2a-5d1f-4e8a-9c6b-1a2f3e4d5c6b"_qs;

Conversation question()
{
    Conversation c;
    c.id = Id;
    c.kind = ConversationKind::Question;
    c.title = u"Who knows SAP payroll? <b>Zoë</b>"_qs;
    c.createdBy = u"ada"_qs;
    c.createdAt = QDateTime(QDate(2026, 12, 4), QTime(9, 30), Qt::UTC);
    const QDateTime left = c.createdAt.addSecs(667);
    c.members = {{u"ada"_qs, ConversationRole::Asker, 57, {}, {}, {}},
                 {u"grace"_qs, ConversationRole::Member, 0, {}, {}, {}},
                 {u"linus"_qs, ConversationRole::Member, 0, left, u"margaret"_qs, {}},
                 {u"margaret"_qs, ConversationRole::Member, 0, {}, {}, u"linus"_qs}};
    c.resolution = ConversationResolution {58, u"ada"_qs, left.addSecs(60)};
    c.sequence = 60;
    return c;
}

QJsonObject parsed(const QByteArray &json)
{
    const Expected<QJsonObject> object = parseJsonObject(json);
    return object ? object.value() : QJsonObject();
}

} // namespace

class TestConversation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void wireFormat();
    void members();
    void rejects_data();
    void rejects();
    void request();
    void requestRejects_data();
    void requestRejects();
    void ids_data();
    void ids();
    void conversationMessage();
    void conversationMessageRejects_data();
    void conversationMessageRejects();
};

void TestConversation::roundTrip_data()
{
    QTest::addColumn<bool>("resolved");
    QTest::addColumn<int>("kind");
    QTest::newRow("open question") << false << int(ConversationKind::Question);
    QTest::newRow("resolved question") << true << int(ConversationKind::Question);
    QTest::newRow("group") << false << int(ConversationKind::Group);
}

void TestConversation::roundTrip()
{
    QFETCH(bool, resolved);
    QFETCH(int, kind);
    Conversation c = question();
    c.kind = ConversationKind(kind);
    if (!resolved)
        c.resolution.reset();
    const Expected<Conversation> back = conversationFromJson(toJson(c));
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    QCOMPARE(back.value(), c);
}

void TestConversation::wireFormat()
{
    const QJsonObject o = toJson(question());
    QCOMPARE(o.value(u"id"_qs).toString(), Id);
    QCOMPARE(o.value(u"kind"_qs).toString(), u"question"_qs);
    QCOMPARE(o.value(u"state"_qs).toString(), u"resolved"_qs);
    QCOMPARE(o.value(u"created_at"_qs).toString(), u"2026-12-04T09:30:00.000Z"_qs);
    QCOMPARE(o.value(u"seq"_qs).toInteger(), 60);
    QCOMPARE(o.value(u"resolution"_qs).toObject().value(u"message"_qs).toInteger(), 58);
    const QJsonArray members = o.value(u"members"_qs).toArray();
    QCOMPARE(members.size(), 4);
    const QJsonObject ada = members.at(0).toObject();
    QCOMPARE(ada.value(u"role"_qs).toString(), u"asker"_qs);
    QCOMPARE(ada.value(u"read_up_to"_qs).toInteger(), 57);
    QVERIFY(ada.value(u"left_at"_qs).isNull());
    QVERIFY(!ada.contains(u"suggested"_qs));
    QVERIFY(!ada.contains(u"added_by"_qs));
    QCOMPARE(members.at(2).toObject().value(u"suggested"_qs).toString(), u"margaret"_qs);
    QVERIFY(members.at(2).toObject().value(u"left_at"_qs).isString());
    QCOMPARE(members.at(3).toObject().value(u"added_by"_qs).toString(), u"linus"_qs);

    Conversation open = question();
    open.resolution.reset();
    QCOMPARE(toJson(open).value(u"state"_qs).toString(), u"open"_qs);
    QVERIFY(toJson(open).value(u"resolution"_qs).isNull());

    // The example of docs/api.md reads.
    const QByteArray documented = R"({"id": "0b7e3c2a-5d1f-4e8a-9c6b-1a2f3e4d5c6b", "kind": "question",
        "title": "Who knows SAP payroll?", "created_by": "ada", "created_at": "2026-12-04T09:30:00.000Z",
        "state": "open", "members": [
          {"username": "ada", "role": "asker", "read_up_to": 57, "left_at": null},
          {"username": "grace", "role": "member", "read_up_to": 0, "left_at": null},
          {"username": "linus", "role": "member", "read_up_to": 0, "left_at": "2026-12-04T09:41:07.000Z",
           "suggested": "margaret"},
          {"username": "margaret", "role": "member", "read_up_to": 0, "left_at": null, "added_by": "linus"}],
        "resolution": null, "seq": 60})";
    const Expected<Conversation> doc = conversationFromJson(parsed(documented));
    QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
    QCOMPARE(doc->members.size(), 4);
    QVERIFY(!doc->isResolved());
}

void TestConversation::members()
{
    const Conversation c = question();
    QCOMPARE(c.currentMembers(), (QStringList {u"ada"_qs, u"grace"_qs, u"margaret"_qs}));
    QVERIFY(c.isCurrentMember(u"margaret"_qs));
    QVERIFY(!c.isCurrentMember(u"linus"_qs));
    QVERIFY(c.member(u"linus"_qs));
    QVERIFY(!c.member(u"zoe"_qs));
    QVERIFY(!c.isCurrentMember(u"zoe"_qs));
}

void TestConversation::rejects_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("id not a uuid") << u"id"_qs << QJsonValue(u"conversation-1"_qs) << u"id"_qs;
    QTest::newRow("id with braces") << u"id"_qs << QJsonValue(u"{"_qs + Id + u"}"_qs) << u"id"_qs;
    QTest::newRow("kind unknown") << u"kind"_qs << QJsonValue(u"poll"_qs) << u"kind"_qs;
    QTest::newRow("title empty") << u"title"_qs << QJsonValue(u"  "_qs) << u"title"_qs;
    QTest::newRow("title too long") << u"title"_qs << QJsonValue(QString(201, u'x')) << u"title"_qs;
    QTest::newRow("title two lines") << u"title"_qs << QJsonValue(u"one\ntwo"_qs) << u"title"_qs;
    QTest::newRow("title override") << u"title"_qs << QJsonValue(u"a\u202Eb"_qs) << u"title"_qs;
    QTest::newRow("resolved without resolution") << u"state"_qs << QJsonValue(u"resolved"_qs) << u"state"_qs;
    QTest::newRow("unknown member") << u"colour"_qs << QJsonValue(u"red"_qs) << u"colour"_qs;
    QTest::newRow("negative seq") << u"seq"_qs << QJsonValue(-1) << u"seq"_qs;
    QTest::newRow("members not an array") << u"members"_qs << QJsonValue(u"ada"_qs) << u"members"_qs;
    QTest::newRow("member not an object") << u"members"_qs << QJsonValue(QJsonArray {u"ada"_qs}) << u"members[0]"_qs;
    QTest::newRow("member bad role") << u"members"_qs
                                     << QJsonValue(QJsonArray {
                                            QJsonObject {{u"username"_qs, u"ada"_qs}, {u"role"_qs, u"boss"_qs}}})
                                     << u"members[0].role"_qs;
    QTest::newRow("member bad name") << u"members"_qs
                                     << QJsonValue(QJsonArray {QJsonObject {{u"username"_qs, u"Ada Lovelace"_qs},
                                                                            {u"role"_qs, u"asker"_qs}}})
                                     << u"members[0].username"_qs;
    QTest::newRow("member twice") << u"members"_qs
                                  << QJsonValue(QJsonArray {
                                         QJsonObject {{u"username"_qs, u"ada"_qs}, {u"role"_qs, u"asker"_qs}},
                                         QJsonObject {{u"username"_qs, u"ada"_qs}, {u"role"_qs, u"member"_qs}}})
                                  << u"members[1]"_qs;
    QTest::newRow("member unknown field")
        << u"members"_qs
        << QJsonValue(
               QJsonArray {QJsonObject {{u"username"_qs, u"ada"_qs}, {u"role"_qs, u"asker"_qs}, {u"admin"_qs, true}}})
        << u"members[0].admin"_qs;
    QTest::newRow("resolution without message")
        << u"resolution"_qs << QJsonValue(QJsonObject {{u"by"_qs, u"ada"_qs}}) << u"resolution.message"_qs;
    QJsonArray many;
    for (int i = 0; i <= Limits::ConversationMembersMax; ++i)
        many.append(QJsonObject {{u"username"_qs, u"user%1"_qs.arg(i)}, {u"role"_qs, u"member"_qs}});
    QTest::newRow("51 members at a time") << u"members"_qs << QJsonValue(many) << u"members"_qs;
}

void TestConversation::rejects()
{
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    Conversation c = question();
    c.resolution.reset();
    QJsonObject o = toJson(c);
    o.insert(member, value);
    const Expected<Conversation> decoded = conversationFromJson(o);
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().field, field);
}

void TestConversation::request()
{
    const QJsonObject body {{u"id"_qs, Id.toUpper()},
                            {u"kind"_qs, u"question"_qs},
                            {u"title"_qs, u"  Who knows Cafe\u0301?  "_qs},
                            {u"members"_qs, QJsonArray {u"Grace"_qs, u" linus "_qs}}};
    const Expected<ConversationRequest> r = conversationRequestFromJson(body, u"ada"_qs);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->id, Id);
    QCOMPARE(r->kind, ConversationKind::Question);
    QCOMPARE(r->title, u"Who knows Caf\u00e9?"_qs); // NFC, trimmed
    QCOMPARE(r->members, (QStringList {u"grace"_qs, u"linus"_qs}));
    // And what a client sends reads back the same.
    const Expected<ConversationRequest> again = conversationRequestFromJson(toJson(r.value()), u"ada"_qs);
    QVERIFY(again);
    QCOMPARE(again.value(), r.value());

    // 49 others and the creator: 50, the most.
    QJsonArray others;
    for (int i = 1; i < Limits::ConversationMembersMax; ++i)
        others.append(u"user%1"_qs.arg(i));
    QJsonObject full = body;
    full.insert(u"members"_qs, others);
    QVERIFY(conversationRequestFromJson(full, u"ada"_qs));
}

void TestConversation::requestRejects_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("code");
    const auto row = [](const char *name, const QString &member, const QJsonValue &value, const QString &field,
                        Error::Code code) { QTest::addRow("%s", name) << member << value << field << int(code); };
    row("no id", u"id"_qs, QJsonValue(), u"id"_qs, Error::Code::Required);
    row("id not a uuid", u"id"_qs, u"abc"_qs, u"id"_qs, Error::Code::InvalidFormat);
    row("id a number", u"id"_qs, 12, u"id"_qs, Error::Code::InvalidType);
    row("no kind", u"kind"_qs, QJsonValue(), u"kind"_qs, Error::Code::Required);
    row("kind unknown", u"kind"_qs, u"chat"_qs, u"kind"_qs, Error::Code::InvalidFormat);
    row("no title", u"title"_qs, QJsonValue(), u"title"_qs, Error::Code::Required);
    row("title blank", u"title"_qs, u"   "_qs, u"title"_qs, Error::Code::Required);
    row("title 201", u"title"_qs, QString(201, u'é'), u"title"_qs, Error::Code::TooLong);
    row("title line break", u"title"_qs, u"a\nb"_qs, u"title"_qs, Error::Code::ForbiddenCharacter);
    row("no members", u"members"_qs, QJsonValue(), u"members"_qs, Error::Code::Required);
    row("members empty", u"members"_qs, QJsonArray(), u"members"_qs, Error::Code::Required);
    row("members a string", u"members"_qs, u"grace"_qs, u"members"_qs, Error::Code::InvalidType);
    QJsonArray fifty;
    for (int i = 0; i < Limits::ConversationMembersMax; ++i)
        fifty.append(u"user%1"_qs.arg(i));
    row("50 others", u"members"_qs, fifty, u"members"_qs, Error::Code::TooMany);
    row("member a number", u"members"_qs, QJsonArray {u"grace"_qs, 7}, u"members[1]"_qs, Error::Code::InvalidType);
    row("member not a username", u"members"_qs, QJsonArray {u"grace"_qs, u"Grace Hopper"_qs}, u"members[1]"_qs,
        Error::Code::InvalidFormat);
    row("member repeated", u"members"_qs, QJsonArray {u"grace"_qs, u"linus"_qs, u"GRACE"_qs}, u"members[2]"_qs,
        Error::Code::Duplicate);
    row("the creator", u"members"_qs, QJsonArray {u"grace"_qs, u"ada"_qs}, u"members[1]"_qs,
        Error::Code::InvalidFormat);
    row("unknown field", u"to"_qs, u"grace"_qs, u"to"_qs, Error::Code::UnknownField);
}

void TestConversation::requestRejects()
{
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QFETCH(int, code);
    QJsonObject body {{u"id"_qs, Id},
                      {u"kind"_qs, u"group"_qs},
                      {u"title"_qs, u"Lunch"_qs},
                      {u"members"_qs, QJsonArray {u"grace"_qs}}};
    if (value.isUndefined() || value.isNull())
        body.remove(member);
    else
        body.insert(member, value);
    const Expected<ConversationRequest> r = conversationRequestFromJson(body, u"ada"_qs);
    QVERIFY(!r);
    QCOMPARE(r.error().field, field);
    QCOMPARE(int(r.error().code), code);
    QVERIFY(r.error().message.contains(field.section(u'[', 0, 0)));
}

void TestConversation::ids_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::newRow("lower") << Id << Id;
    QTest::newRow("upper") << Id.toUpper() << Id;
    QTest::newRow("braces") << u"{"_qs + Id + u"}"_qs << QString();
    QTest::newRow("short") << Id.left(35) << QString();
    QTest::newRow("not hex") << QString(Id).replace(0, 1, u"z"_qs) << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_qs << QString();
}

void TestConversation::ids()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    QCOMPARE(ConversationRules::normalizedId(text), id);
}

void TestConversation::conversationMessage()
{
    Message m;
    m.id = 58;
    m.clientId = u"6f1c2a4e-8d3b-4f5a-9c7e-2b1d0e9f8a76"_qs;
    m.sender = u"grace"_qs;
    m.conversation = Id;
    m.body = u"Ask Margaret."_qs;
    m.sentAt = QDateTime(QDate(2026, 12, 4), QTime(9, 31), Qt::UTC);
    m.sequence = 59;
    const QJsonObject o = toJson(m);
    QCOMPARE(o.value(u"conversation"_qs).toString(), Id);
    QVERIFY(!o.contains(u"to"_qs));
    QVERIFY(!o.contains(u"read_at"_qs));
    const Expected<Message> back = messageFromJson(o);
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    QCOMPARE(back.value(), m);
    QVERIFY(back->isInConversation());
    QVERIFY(Validation::validate(m).isEmpty());
}

void TestConversation::conversationMessageRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("not a uuid") << QByteArray(R"({"from":"a1","conversation":"c1","body":"x"})") << u"conversation"_qs;
    QTest::newRow("both") << QByteArray(R"({"from":"a1","to":"b1","conversation":")" + Id.toLatin1()
                                        + R"(","body":"x"})")
                          << u"to"_qs;
    QTest::newRow("read_at") << QByteArray(R"({"from":"a1","conversation":")" + Id.toLatin1()
                                           + R"(","body":"x","read_at":null})")
                             << u"read_at"_qs;
    QTest::newRow("empty conversation") << QByteArray(R"({"from":"a1","conversation":"","body":"x"})")
                                        << u"conversation"_qs;
}

void TestConversation::conversationMessageRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const Expected<Message> decoded = messageFromJson(parsed(json));
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().field, field);
}

QTEST_APPLESS_MAIN(TestConversation)
#include "tst_conversation.moc"
