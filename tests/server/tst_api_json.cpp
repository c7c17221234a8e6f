// SPDX-License-Identifier: MIT
// The server's fast JSON writer produces exactly what Core's codecs produce through
// QJsonDocument (byte for byte), including every escape, for profiles, messages, statuses and sync pages.

#include "server/http/JsonWriter.h"
#include "server/http/SyncService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Colleagues;
using namespace Colleagues::Server;

namespace {

QByteArray viaQt(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Profile tricky(const QString &text)
{
    Profile p;
    p.id = u"3f2a9c1e-0000-4000-8000-000000000001"_qs;
    p.username = u"zoe"_qs;
    p.displayName = text;
    p.email = u"zoe@example.com"_qs;
    p.title = u"Quote \" and backslash \\ and slash /"_qs;
    p.department = u"Ünïcödé – 数据平台 – 🚀"_qs;
    p.location = u"São Paulo"_qs;
    p.timeZone = u"America/Sao_Paulo"_qs;
    p.manager = u"ada"_qs;
    p.phone = u"+55 11 5555 0100"_qs;
    p.bio = text + u"\nline two\ttabbed\r\n"_qs;
    p.skills = {{u"C++"_qs, 5}, {u"Node.js"_qs, 1}, {text, 3}};
    p.interests = {u"chess"_qs, text};
    p.photoTag = u"abc123"_qs;
    p.revision = 9007199254740000LL;
    p.updatedAt = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 7), Qt::UTC);
    return p;
}

} // namespace

class TestApiJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void profile_data();
    void profile();
    void message();
    void status_data();
    void status();
    void syncPage();
};

void TestApiJson::profile_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("plain") << u"Zoë Example"_qs;
    QTest::addRow("empty") << QString();
    QTest::addRow("quotes") << u"\"quoted\" \\ back"_qs;
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls.append(QChar(c));
    QTest::addRow("controls") << controls + u"\u007f"_qs;
    QTest::addRow("bidi and separators") << u"a\u202Eb\u2028c\u2029d"_qs;
    QTest::addRow("astral") << u"𝄞 music 🎉"_qs;
    QTest::addRow("html") << u"<img src=x onerror=alert(1)>"_qs;
    QTest::addRow("lone surrogates") << QString(QChar(0xD800)) + u"x"_qs + QString(QChar(0xDC00));
    QTest::addRow("two and three bytes") << u"é ß ア ࠀ ￿"_qs;
}

void TestApiJson::profile()
{
    QFETCH(QString, text);
    const Profile p = tricky(text);
    QCOMPARE(JsonWriter::toJson(p), viaQt(toJson(p)));

    Profile bare;
    bare.username = u"min"_qs;
    bare.displayName = u"Min"_qs;
    QCOMPARE(JsonWriter::toJson(bare), viaQt(toJson(bare)));
    // And it reads back to the same profile.
    const Expected<Profile> back = profileFromJson(QJsonDocument::fromJson(JsonWriter::toJson(p)).object());
    if (back)
        QCOMPARE(back->displayName, p.displayName);
}

void TestApiJson::message()
{
    Message m;
    m.id = 42;
    m.clientId = u"0b7e1c1e-1111-4222-8333-444455556666"_qs;
    m.sender = u"ada"_qs;
    m.recipient = u"grace"_qs;
    m.body = u"Hello \"Grace\"\n\tSee C:\\path – 😀 \u0001"_qs;
    m.sentAt = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    m.sequence = 777;
    JsonWriter w;
    w.message(m);
    QCOMPARE(w.data(), viaQt(toJson(m)));

    m.readAt = QDateTime(QDate(2025, 1, 2), QTime(10, 11, 12, 999), Qt::UTC);
    JsonWriter r;
    r.message(m);
    QCOMPARE(r.data(), viaQt(toJson(m)));

    // A conversation's message: its conversation instead of to and read_at.
    m.recipient.clear();
    m.readAt = {};
    m.conversation = u"0b7e3c2a-5d1f-4e8a-9c6b-1a2f3e4d5c6b"_qs;
    JsonWriter g;
    g.message(m);
    QCOMPARE(g.data(), viaQt(toJson(m)));
    QVERIFY(!toJson(m).contains(u"to"_qs));
    QVERIFY(!toJson(m).contains(u"read_at"_qs));
}

void TestApiJson::status_data()
{
    QTest::addColumn<Status>("status");
    Status plain; // the default one: no times, no window
    plain.username = u"zoe"_qs;
    QTest::addRow("default") << plain;
    Status full;
    full.username = u"grace"_qs;
    full.presence = Presence::Away;
    full.availability = Availability::OutOfOffice;
    full.text = u"Back \"soon\" \u00e9 \\ 🚀\t"_qs;
    full.until = QDateTime(QDate(2026, 12, 4), QTime(16, 0, 0, 5), Qt::UTC);
    full.outOfOffice = OutOfOffice {QDate(2026, 12, 21), QDate(2027, 1, 4), u"Line one\nline two"_qs, u"ada"_qs};
    full.updatedAt = QDateTime::fromMSecsSinceEpoch(1700000000456, Qt::UTC);
    QTest::addRow("out of office with a stand-in") << full;
    Status noStandIn = full;
    noStandIn.presence = Presence::Online;
    noStandIn.availability = Availability::Dnd;
    noStandIn.outOfOffice->standIn.clear();
    noStandIn.outOfOffice->note.clear();
    noStandIn.until = QDateTime(QDate(2026, 12, 4), QTime(16, 0), QTimeZone(3600)); // written in UTC
    QTest::addRow("window without a stand-in, until in another zone") << noStandIn;
}

void TestApiJson::status()
{
    QFETCH(Status, status);
    JsonWriter w;
    w.status(status);
    QCOMPARE(w.data(), viaQt(toJson(status)));
}

void TestApiJson::syncPage()
{
    SyncPage page;
    page.profiles = {tricky(u"one"_qs), tricky(u"two \"2\""_qs)};
    page.removedIds = {u"id-1"_qs, u"id-\"2\""_qs};
    Message m;
    m.id = 1;
    m.sender = u"a"_qs;
    m.recipient = u"b"_qs;
    m.body = u"hi"_qs;
    m.sentAt = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    page.messages = {m};
    Status away;
    away.username = u"grace"_qs;
    away.presence = Presence::Away;
    away.availability = Availability::OutOfOffice;
    away.text = u"Back \"soon\" \u00e9"_qs;
    away.until = QDateTime::fromMSecsSinceEpoch(1700000100000, Qt::UTC);
    away.outOfOffice = OutOfOffice {QDate(2026, 12, 21), QDate(2027, 1, 4), u"Line one\nline two"_qs, u"ada"_qs};
    away.updatedAt = QDateTime::fromMSecsSinceEpoch(1700000000456, Qt::UTC);
    Status plain;
    plain.username = u"zoe"_qs;
    page.statuses = {std::make_shared<const SyncStatus>(SyncStatus {away, {}}),
                     std::make_shared<const SyncStatus>(SyncStatus {plain, {}})};
    Conversation question;
    question.id = u"0b7e3c2a-5d1f-4e8a-9c6b-1a2f3e4d5c6b"_qs;
    question.kind = ConversationKind::Question;
    question.title = u"Who knows \"SAP\" payroll? \u00e9"_qs;
    question.createdBy = u"ada"_qs;
    question.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000789, Qt::UTC);
    question.members = {{u"ada"_qs, ConversationRole::Asker, 57, {}, {}, {}},
                        {u"linus"_qs, ConversationRole::Member, 0, question.createdAt, u"margaret"_qs, {}},
                        {u"margaret"_qs, ConversationRole::Member, 0, {}, {}, u"linus"_qs}};
    question.resolution = ConversationResolution {58, u"ada"_qs, question.createdAt};
    question.sequence = 60;
    page.conversations = {question};
    page.next = 123456;
    page.hasMore = true;

    QJsonArray profiles, messages, statuses, conversations;
    for (const Conversation &x : page.conversations)
        conversations.append(toJson(x));
    for (const Profile &p : page.profiles)
        profiles.append(toJson(p));
    for (const Message &x : page.messages)
        messages.append(toJson(x));
    for (const SyncStatusPtr &x : page.statuses)
        statuses.append(toJson(x->status));
    const QJsonObject expected {{u"profiles"_qs, profiles},
                                {u"removed"_qs, QJsonArray::fromStringList(page.removedIds)},
                                {u"messages"_qs, messages},
                                {u"statuses"_qs, statuses},
                                {u"next"_qs, page.next},
                                {u"has_more"_qs, page.hasMore},
                                {u"conversations"_qs, conversations}};
    QCOMPARE(SyncService::toJson(page), viaQt(expected));

    SyncPage empty;
    empty.next = 5;
    QCOMPARE(QJsonDocument::fromJson(SyncService::toJson(empty)).object(),
             (QJsonObject {{u"profiles"_qs, QJsonArray()},
                           {u"removed"_qs, QJsonArray()},
                           {u"messages"_qs, QJsonArray()},
                           {u"statuses"_qs, QJsonArray()},
                           {u"conversations"_qs, QJsonArray()},
                           {u"next"_qs, 5},
                           {u"has_more"_qs, false}}));
    // With the vocabulary version (and the first page's total): still what Qt would write.
    QJsonObject withVersion = expected;
    withVersion.insert(u"total"_qs, 42);
    withVersion.insert(u"vocabulary_version"_qs, u"0123456789abcdef0123456789abcdef"_qs);
    QCOMPARE(SyncService::toJson(page, 42, u"0123456789abcdef0123456789abcdef"_qs), viaQt(withVersion));
    SyncPage old;
    old.startOver = true;
    QCOMPARE(QJsonDocument::fromJson(SyncService::toJson(old)).object().value(u"start_over"_qs).toBool(), true);
    const QJsonObject startOver = QJsonDocument::fromJson(SyncService::toJson(old, -1, u"abc"_qs)).object();
    QCOMPARE(startOver.value(u"start_over"_qs).toBool(), true);
    QCOMPARE(startOver.value(u"vocabulary_version"_qs).toString(), u"abc"_qs);
}

QTEST_GUILESS_MAIN(TestApiJson)
#include "tst_api_json.moc"
