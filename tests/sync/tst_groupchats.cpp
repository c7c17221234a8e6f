// SPDX-License-Identifier: MIT
// Group conversations on the client without a server: who a question goes to, the outbox's
// order (a conversation started offline is created before anything goes into it, and is usable
// at once), the local effects of leaving, marking the answer and reading, and what sync pages
// with conversations do to a real store.

#include "client/ClientStore.h"
#include "client/sync/ApiClient.h"
#include "client/sync/ExpertChoice.h"
#include "client/sync/Outbox.h"
#include "client/sync/SyncBatch.h"
#include "client/sync/SyncDatabase.h"
#include "client/sync/SyncSchema_p.h"
#include "tests/support/SyncWork.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Colleagues;
using Colleagues::Test::runOn;
using SyncSchema::PageResult;
using SyncSchema::SyncWriter;

namespace {

ConversationMember member(const QString &username, ConversationRole role = ConversationRole::Member,
                          qint64 readUpTo = 0)
{
    ConversationMember m;
    m.username = username;
    m.role = role;
    m.readUpTo = readUpTo;
    return m;
}

//! A question of Ada's to Grace and Linus, as the server sends it.
Conversation question(qint64 sequence)
{
    Conversation c;
    c.id = u"0b7e3c2a-5d1f-4e8a-9c6b-1a2f3e4d5c6b"_qs;
    c.kind = ConversationKind::Question;
    c.title = u"Who knows SAP payroll?"_qs;
    c.createdBy = u"ada"_qs;
    c.createdAt = QDateTime(QDate(2026, 12, 4), QTime(9, 30), Qt::UTC);
    c.members = {member(u"ada"_qs, ConversationRole::Asker), member(u"grace"_qs), member(u"linus"_qs)};
    c.sequence = sequence;
    return c;
}

Message groupMessage(qint64 id, const QString &from, const QString &body, const QString &conversation)
{
    Message m;
    m.id = id;
    m.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.sender = from;
    m.conversation = conversation;
    m.body = body;
    m.sentAt = QDateTime(QDate(2026, 12, 4), QTime(9, 30 + int(id)), Qt::UTC);
    m.sequence = 100 + id;
    return m;
}

QByteArray page(qint64 next, const QList<Conversation> &conversations, const QList<Message> &messages)
{
    QJsonArray c;
    for (const Conversation &conversation : conversations)
        c.append(toJson(conversation));
    QJsonArray m;
    for (const Message &message : messages)
        m.append(toJson(message));
    return QJsonDocument(QJsonObject {{u"profiles"_qs, QJsonArray()},
                                      {u"conversations"_qs, c},
                                      {u"messages"_qs, m},
                                      {u"next"_qs, next},
                                      {u"has_more"_qs, false}})
        .toJson(QJsonDocument::Compact);
}

//! A store, its sync database and an outbox that never sends (no token): what is queued stays.
struct Offline
{
    QTemporaryDir dir;
    ClientStore store;
    std::unique_ptr<SyncDatabase> db;
    QNetworkAccessManager network;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<Outbox> outbox;

    bool open(const QString &me)
    {
        if (!dir.isValid() || !store.open(dir.path()))
            return false;
        db = std::make_unique<SyncDatabase>(&store);
        api = std::make_unique<ApiClient>(&network);
        outbox = std::make_unique<Outbox>(api.get(), db.get());
        outbox->setUsername(me);
        outbox->start();
        return runOn<bool>(*db, [me](SyncWriter &w) {
            return w.setValues({{QString::fromLatin1(SyncSchema::Keys::Username), me}});
        });
    }
    //! Waits until every write queued so far is committed.
    void settle()
    {
        runOn<bool>(*db, [](SyncWriter &) { return true; });
    }
};

} // namespace

class TestGroupChats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chooseExperts_data();
    void chooseExperts();
    void questionStartedOfflineIsUsableAndQueuedInOrder();
    void startRejectsWhatTheServerWould_data();
    void startRejectsWhatTheServerWould();
    void syncBringsConversationsBeforeTheirMessages();
    void leavingAndResolvingHoldOverOlderServerState();
    void readMarksAreCoalesced();
    void startOverKeepsConversationsNotSentYet();
    void syncBatchRejectsABadConversation();
};

void TestGroupChats::chooseExperts_data()
{
    QTest::addColumn<QStringList>("ranked");
    QTest::addColumn<int>("top");
    QTest::addColumn<QStringList>("chosen");
    QTest::addColumn<QStringList>("outOfOffice");
    const QStringList ranked {u"grace"_qs, u"ada"_qs, u"linus"_qs, u"misaki"_qs, u"zoe"_qs, u"alan"_qs};
    // ada is the asker, linus and zoe are out of office.
    QTest::addRow("top 2") << ranked << 2 << QStringList {u"grace"_qs, u"misaki"_qs} << QStringList {u"linus"_qs};
    QTest::addRow("top 3 fills past the absent")
        << ranked << 3 << QStringList {u"grace"_qs, u"misaki"_qs, u"alan"_qs} << QStringList {u"linus"_qs, u"zoe"_qs};
    QTest::addRow("the list runs out") << ranked << 10 << QStringList {u"grace"_qs, u"misaki"_qs, u"alan"_qs}
                                       << QStringList {u"linus"_qs, u"zoe"_qs};
    QTest::addRow("top 1") << ranked << 1 << QStringList {u"grace"_qs} << QStringList {};
    QTest::addRow("repeats count once") << QStringList {u"grace"_qs, u"grace"_qs, u"linus"_qs, u"linus"_qs} << 5
                                        << QStringList {u"grace"_qs} << QStringList {u"linus"_qs};
}

void TestGroupChats::chooseExperts()
{
    QFETCH(QStringList, ranked);
    QFETCH(int, top);
    QFETCH(QStringList, chosen);
    QFETCH(QStringList, outOfOffice);
    const ExpertChoice choice = Colleagues::chooseExperts(ranked, top, u"ada"_qs, [](const QString &username) {
        Status s;
        s.username = username;
        if (username == u"linus"_qs || username == u"zoe"_qs)
            s.availability = Availability::OutOfOffice;
        return s;
    });
    QCOMPARE(choice.chosen, chosen);
    QCOMPARE(choice.outOfOffice, outOfOffice);
}

void TestGroupChats::questionStartedOfflineIsUsableAndQueuedInOrder()
{
    Offline c;
    QVERIFY(c.open(u"ada"_qs));
    QSignalSpy changed(c.outbox.get(), &Outbox::conversationChanged);
    QSignalSpy queued(c.outbox.get(), &Outbox::messageQueued);
    const Expected<QString> id =
        c.outbox->startConversation(ConversationKind::Question, u"  Who knows SAP payroll? "_qs,
                                    {u"Grace"_qs, u"linus"_qs}, u"Our payroll run fails."_qs);
    QVERIFY(id);
    QCOMPARE(ConversationRules::normalizedId(*id), *id);
    const Expected<QString> second = c.outbox->sendToConversation(*id, u"It says error 42."_qs);
    QVERIFY(second);
    QTRY_COMPARE(changed.size(), 1);
    QTRY_COMPARE(queued.size(), 2);

    // Usable at once: the conversation, its members and its messages are in the store.
    const GroupChat group = changed.first().first().value<GroupChat>();
    QCOMPARE(group.id(), *id);
    QVERIFY(group.pending);
    QVERIFY(group.isQuestion());
    QCOMPARE(group.asker(), u"ada"_qs);
    QCOMPARE(group.conversation.title, u"Who knows SAP payroll?"_qs);
    QCOMPARE(group.conversation.currentMembers(), (QStringList {u"ada"_qs, u"grace"_qs, u"linus"_qs}));
    QCOMPARE(group.conversation.member(u"ada"_qs)->role, ConversationRole::Asker);
    const QList<MessageRecord> messages = SyncSchema::messages(c.store.handle(), *id);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].message.body, u"Our payroll run fails."_qs);
    QCOMPARE(messages[0].message.conversation, *id);
    QCOMPARE(messages[0].peer, *id);
    QVERIFY(messages[0].message.recipient.isEmpty());
    QCOMPARE(messages[0].state, MessageRecord::State::Pending);
    const QList<ChatSummary> list = SyncSchema::conversations(c.store.handle());
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].peer, *id);
    QVERIFY(list[0].group);
    QCOMPARE(list[0].lastMessage.message.body, u"It says error 42."_qs);
    QCOMPARE(list[0].unreadCount, 0);

    // In the outbox: the creation first, then the messages into it, all in its ordering group.
    const QList<OutboxItem> items = SyncSchema::outboxItems(c.store.handle());
    QCOMPARE(items.size(), 3);
    QCOMPARE(items[0].kind, OutboxItem::Kind::Conversation);
    QCOMPARE(items[0].key, *id);
    QCOMPARE(items[0].payload.value(u"members"_qs).toArray(), (QJsonArray {u"grace"_qs, u"linus"_qs}));
    QCOMPARE(items[0].payload.value(u"kind"_qs).toString(), u"question"_qs);
    for (int i = 1; i < 3; ++i) {
        QCOMPARE(items[i].kind, OutboxItem::Kind::Message);
        QCOMPARE(items[i].payload.value(u"conversation"_qs).toString(), *id);
        QVERIFY(!items[i].payload.contains(u"to"_qs));
    }
    for (const OutboxItem &item : items)
        QCOMPARE(item.conversation, *id);
    QCOMPARE(items[2].key, *second);

    // The server's answer to the creation replaces the local copy: no longer pending.
    Conversation confirmed = question(60);
    confirmed.id = *id;
    GroupChat stored;
    QVERIFY(runOn<bool>(*c.db, [&](SyncWriter &w) { return w.markConversationSent(items[0].id, confirmed, &stored); }));
    QVERIFY(!stored.pending);
    QCOMPARE(stored.conversation.sequence, 60);
    QCOMPARE(SyncSchema::outboxItem(c.store.handle(), items[0].id)->state, OutboxItem::State::Sent);
}

void TestGroupChats::startRejectsWhatTheServerWould_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("members");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::addRow("no title") << u"  "_qs << QStringList {u"grace"_qs} << u"?"_qs << u"title"_qs;
    QTest::addRow("title too long") << QString(201, u'x') << QStringList {u"grace"_qs} << u"?"_qs << u"title"_qs;
    QTest::addRow("nobody") << u"Payroll"_qs << QStringList {} << u"?"_qs << u"members"_qs;
    QTest::addRow("oneself") << u"Payroll"_qs << QStringList {u"grace"_qs, u"ada"_qs} << u"?"_qs << u"members[1]"_qs;
    QTest::addRow("twice") << u"Payroll"_qs << QStringList {u"grace"_qs, u"grace"_qs} << u"?"_qs << u"members[1]"_qs;
    QTest::addRow("not a username") << u"Payroll"_qs << QStringList {u"gr ace"_qs} << u"?"_qs << u"members[0]"_qs;
    QStringList crowd;
    for (int i = 0; i < 50; ++i)
        crowd.append(u"user%1"_qs.arg(i));
    QTest::addRow("over 49 others") << u"Payroll"_qs << crowd << u"?"_qs << u"members"_qs;
    QTest::addRow("text too long") << u"Payroll"_qs << QStringList {u"grace"_qs} << QString(10001, u'x') << u"body"_qs;
}

void TestGroupChats::startRejectsWhatTheServerWould()
{
    QFETCH(QString, title);
    QFETCH(QStringList, members);
    QFETCH(QString, text);
    QFETCH(QString, field);
    Offline c;
    QVERIFY(c.open(u"ada"_qs));
    const Expected<QString> id = c.outbox->startConversation(ConversationKind::Question, title, members, text);
    QVERIFY(!id);
    QCOMPARE(id.error().field, field);
    c.settle();
    QVERIFY(SyncSchema::outboxItems(c.store.handle()).isEmpty());
    QVERIFY(SyncSchema::groupChats(c.store.handle()).isEmpty());
}

void TestGroupChats::syncBringsConversationsBeforeTheirMessages()
{
    Offline c;
    QVERIFY(c.open(u"grace"_qs));
    const Conversation q = question(60);
    const QByteArray first = page(62, {q},
                                  {groupMessage(1, u"ada"_qs, u"Our payroll run fails."_qs, q.id),
                                   groupMessage(2, u"linus"_qs, u"Not me, sorry."_qs, q.id)});
    const PageResult r = runOn<PageResult>(*c.db, [&](SyncWriter &w) { return w.applyPage(first, 0, u"grace"_qs); });
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.newConversationIds, QStringList {q.id});
    QCOMPARE(r.changedConversations.size(), 1);
    QCOMPARE(r.changedConversations[0].conversation.members, q.members);
    QVERIFY(!r.changedConversations[0].pending);
    QCOMPARE(r.newMessages.size(), 2);
    for (const MessageRecord &m : r.newMessages)
        QCOMPARE(m.peer, q.id);

    QList<ChatSummary> list = SyncSchema::conversations(c.store.handle());
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].unreadCount, 2);
    QCOMPARE(list[0].lastMessage.message.body, u"Not me, sorry."_qs);
    QCOMPARE(list[0].lastActivity, groupMessage(2, u"linus"_qs, {}, q.id).sentAt);

    // Linus leaves, naming Margaret; Ada marks Grace's answer: the conversation comes again, whole.
    Conversation later = q;
    later.sequence = 70;
    later.members[2].leftAt = QDateTime(QDate(2026, 12, 4), QTime(9, 41), Qt::UTC);
    later.members[2].suggested = u"margaret"_qs;
    ConversationMember margaret = member(u"margaret"_qs);
    margaret.addedBy = u"linus"_qs;
    later.members.append(margaret);
    later.members[1].readUpTo = 2; // grace read both on another device
    later.resolution = ConversationResolution {3, u"ada"_qs, QDateTime(QDate(2026, 12, 4), QTime(9, 50), Qt::UTC)};
    const QByteArray second = page(71, {later}, {groupMessage(3, u"grace"_qs, u"Use transaction PC00."_qs, q.id)});
    const PageResult r2 = runOn<PageResult>(*c.db, [&](SyncWriter &w) { return w.applyPage(second, 62, u"grace"_qs); });
    QVERIFY2(r2.error.isEmpty(), qPrintable(r2.error));
    QVERIFY(r2.newConversationIds.isEmpty());
    const std::optional<GroupChat> stored = SyncSchema::groupChat(c.store.handle(), q.id);
    QVERIFY(stored);
    QCOMPARE(stored->conversation, later);
    QVERIFY(stored->hasLeft(u"linus"_qs));
    QCOMPARE(stored->answerId(), 3);
    QCOMPARE(stored->conversation.currentMembers(), (QStringList {u"ada"_qs, u"grace"_qs, u"margaret"_qs}));
    list = SyncSchema::conversations(c.store.handle());
    QCOMPARE(list[0].unreadCount, 0); // read up to 2, and 3 is grace's own

    // An older state that arrives late (a page that raced an answer) does not go back.
    const QByteArray stale = page(72, {q}, {});
    QVERIFY(
        runOn<PageResult>(*c.db, [&](SyncWriter &w) { return w.applyPage(stale, 71, u"grace"_qs); }).error.isEmpty());
    QCOMPARE(SyncSchema::groupChat(c.store.handle(), q.id)->conversation, later);
}

void TestGroupChats::leavingAndResolvingHoldOverOlderServerState()
{
    // Grace says "not me" offline, suggesting Misaki.
    Offline c;
    QVERIFY(c.open(u"grace"_qs));
    const Conversation q = question(60);
    QVERIFY(runOn<PageResult>(*c.db, [&](SyncWriter &w) {
                return w.applyPage(page(60, {q}, {}), 0, u"grace"_qs);
            }).error.isEmpty());
    QSignalSpy changed(c.outbox.get(), &Outbox::conversationChanged);
    QVERIFY(c.outbox->leaveConversation(q.id, u"Misaki"_qs));
    QVERIFY(!c.outbox->leaveConversation(q.id, u"grace"_qs)); // not oneself
    QTRY_COMPARE(changed.size(), 1);
    GroupChat left = changed.first().first().value<GroupChat>();
    QVERIFY(left.hasLeft(u"grace"_qs));
    QCOMPARE(left.conversation.member(u"grace"_qs)->suggested, u"misaki"_qs);
    QCOMPARE(left.conversation.member(u"misaki"_qs)->addedBy, u"grace"_qs);
    QVERIFY(left.conversation.isCurrentMember(u"misaki"_qs));

    // A page with the conversation as it was before the leave reached the server: still left.
    Conversation before = q;
    before.sequence = 65;
    before.title = u"Who knows SAP payroll (DE)?"_qs;
    QVERIFY(runOn<PageResult>(*c.db, [&](SyncWriter &w) {
                return w.applyPage(page(65, {before}, {}), 60, u"grace"_qs);
            }).error.isEmpty());
    const std::optional<GroupChat> stored = SyncSchema::groupChat(c.store.handle(), q.id);
    QCOMPARE(stored->conversation.title, before.title);
    QVERIFY(stored->hasLeft(u"grace"_qs));
    QVERIFY(stored->conversation.isCurrentMember(u"misaki"_qs));
    const QList<OutboxItem> items = SyncSchema::outboxItems(c.store.handle());
    QCOMPARE(items.size(), 1);
    QCOMPARE(items[0].kind, OutboxItem::Kind::Leave);
    QCOMPARE(items[0].conversation, q.id);
    QCOMPARE(items[0].payload, (QJsonObject {{u"suggest"_qs, u"misaki"_qs}}));

    // Ada (another store) marks message 7 as the answer, offline.
    Offline asker;
    QVERIFY(asker.open(u"ada"_qs));
    QVERIFY(runOn<PageResult>(*asker.db, [&](SyncWriter &w) {
                return w.applyPage(page(60, {q}, {}), 0, u"ada"_qs);
            }).error.isEmpty());
    QVERIFY(!asker.outbox->resolveConversation(q.id, 0));
    QSignalSpy resolved(asker.outbox.get(), &Outbox::conversationChanged);
    QVERIFY(asker.outbox->resolveConversation(q.id, 7));
    QTRY_COMPARE(resolved.size(), 1);
    QCOMPARE(resolved.first().first().value<GroupChat>().answerId(), 7);
    QVERIFY(runOn<PageResult>(*asker.db, [&](SyncWriter &w) {
                return w.applyPage(page(65, {before}, {}), 60, u"ada"_qs);
            }).error.isEmpty());
    const std::optional<GroupChat> answered = SyncSchema::groupChat(asker.store.handle(), q.id);
    QCOMPARE(answered->answerId(), 7);
    QCOMPARE(answered->conversation.resolution->by, u"ada"_qs);
    QCOMPARE(SyncSchema::outboxItems(asker.store.handle()).constFirst().payload, (QJsonObject {{u"message"_qs, 7}}));
}

void TestGroupChats::readMarksAreCoalesced()
{
    Offline c;
    QVERIFY(c.open(u"grace"_qs));
    const Conversation q = question(60);
    QVERIFY(runOn<PageResult>(*c.db, [&](SyncWriter &w) {
                return w.applyPage(
                    page(64, {q},
                         {groupMessage(1, u"ada"_qs, u"a"_qs, q.id), groupMessage(2, u"ada"_qs, u"b"_qs, q.id),
                          groupMessage(3, u"linus"_qs, u"c"_qs, q.id)}),
                    0, u"grace"_qs);
            }).error.isEmpty());
    QCOMPARE(SyncSchema::conversations(c.store.handle()).constFirst().unreadCount, 3);
    c.outbox->markConversationRead(q.id, 2);
    c.outbox->markConversationRead(q.id, 3);
    c.outbox->markConversationRead(q.id, 1); // never goes back
    c.settle();
    QCOMPARE(SyncSchema::conversations(c.store.handle()).constFirst().unreadCount, 0);
    QCOMPARE(SyncSchema::groupChat(c.store.handle(), q.id)->conversation.member(u"grace"_qs)->readUpTo, 3);
    const QList<OutboxItem> items = SyncSchema::outboxItems(c.store.handle());
    QCOMPARE(items.size(), 1);
    QCOMPARE(items[0].kind, OutboxItem::Kind::Read);
    QCOMPARE(items[0].payload.value(u"up_to"_qs).toInteger(), 3);

    // A server state with an older read mark (sent before ours) keeps ours.
    Conversation older = q;
    older.sequence = 70;
    older.members[1].readUpTo = 1;
    QVERIFY(runOn<PageResult>(*c.db, [&](SyncWriter &w) {
                return w.applyPage(page(70, {older}, {}), 64, u"grace"_qs);
            }).error.isEmpty());
    QCOMPARE(SyncSchema::groupChat(c.store.handle(), q.id)->conversation.member(u"grace"_qs)->readUpTo, 3);
    QCOMPARE(SyncSchema::conversations(c.store.handle()).constFirst().unreadCount, 0);
}

void TestGroupChats::startOverKeepsConversationsNotSentYet()
{
    Offline c;
    QVERIFY(c.open(u"ada"_qs));
    const Conversation synced = question(60);
    QVERIFY(runOn<PageResult>(*c.db, [&](SyncWriter &w) {
                return w.applyPage(page(60, {synced}, {}), 0, u"ada"_qs);
            }).error.isEmpty());
    const Expected<QString> local =
        c.outbox->startConversation(ConversationKind::Group, u"Lunch club"_qs, {u"misaki"_qs}, u"Thursday?"_qs);
    QVERIFY(local);
    c.settle();
    QCOMPARE(SyncSchema::groupChats(c.store.handle()).size(), 2);

    QVERIFY(runOn<bool>(*c.db, [](SyncWriter &w) { return w.resetForResync(); }));
    const QList<GroupChat> left = SyncSchema::groupChats(c.store.handle());
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].id(), *local);
    QVERIFY(left[0].pending);
    const QList<ChatSummary> list = SyncSchema::conversations(c.store.handle());
    QCOMPARE(list.size(), 1); // no stray chat for the group's messages
    QCOMPARE(list[0].lastMessage.message.body, u"Thursday?"_qs);
    QCOMPARE(SyncSchema::outboxItems(c.store.handle()).size(), 2);

    QVERIFY(runOn<bool>(*c.db, [](SyncWriter &w) { return w.resetForAccountChange(); }));
    QVERIFY(SyncSchema::groupChats(c.store.handle()).isEmpty());
}

void TestGroupChats::syncBatchRejectsABadConversation()
{
    QJsonObject bad = toJson(question(60));
    QJsonArray members = bad.value(u"members"_qs).toArray();
    QJsonObject first = members[0].toObject();
    first.insert(u"role"_qs, u"owner"_qs);
    members[0] = first;
    bad.insert(u"members"_qs, members);
    const QByteArray body =
        QJsonDocument(QJsonObject {{u"conversations"_qs, QJsonArray {bad}}, {u"next"_qs, 61}, {u"has_more"_qs, false}})
            .toJson(QJsonDocument::Compact);
    const Expected<SyncBatch> batch = SyncBatch::fromJson(body);
    QVERIFY(!batch);
    QVERIFY2(batch.error().field.startsWith(u"conversations[0]"_qs), qPrintable(batch.error().field));

    // A server before conversations sends none: an empty list.
    const Expected<SyncBatch> old = SyncBatch::fromJson(R"({"profiles": [], "next": 3, "has_more": false})");
    QVERIFY(old);
    QVERIFY(old->conversations.isEmpty());
}

QTEST_GUILESS_MAIN(TestGroupChats)
#include "tst_groupchats.moc"
