// SPDX-License-Identifier: MIT
// The sync engine, outbox and session against a real colleagues-server on a free port.

#include "client/sync/ApiClient.h"
#include "client/sync/Backoff.h"
#include "client/sync/Outbox.h"
#include "client/sync/PhotoCache.h"
#include "client/sync/Session.h"
#include "client/sync/SyncEngine.h"
#include "core/Vocabulary.h"
#include "tests/support/AppClient.h"
#include "tests/support/Client.h"
#include "tests/support/FaultProxy.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/SharedServerTest.h"
#include "tests/support/Wait.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {
constexpr int People = 10000;
const QString Ada = QStringLiteral("ada");
const QString Grace = QStringLiteral("grace");
const QString Admin = QStringLiteral("admin");

// A 1x1 PNG.
const QByteArray TinyPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

} // namespace

class TestSyncEngine : public SharedServerTest
{
    Q_OBJECT

public:
    TestSyncEngine()
        : SharedServerTest(People, {u"--metrics-listen"_qs, u"127.0.0.1:0"_qs})
    { }

private Q_SLOTS:
    void firstSyncOfTheDirectory();
    void deltaAfterServerEditAndRemoval();
    void twoClientsMessageEachOther();
    void readMarkMadeOfflineSurvivesARestart();
    void readMarkRefusedByAGatewayIsRetried();
    void backOnlineAtOnce();
    void sendWhileServerStoppedIsDeliveredOnce();
    void questionStartedOfflineArrivesOnceInOrder();
    void conversationTheServerRefusesFails();
    void cutAnswersDoNotDuplicate();
    void validationFailureIsPermanent();
    void profileConflict();
    void expiredOrRevokedToken_data();
    void expiredOrRevokedToken();
    void startOverKeepsTheOutbox();
    void photos();
    void vocabularyFollowsTheServer();

private:
    //! A client signed in as \a user that finished its first sync.
    std::unique_ptr<AppClient> syncedClient(const QString &user, const QUrl &url = {});
    QByteArray adminToken();
    //! Syncs the server holds (from its metrics port); -1 when they cannot be read.
    int waitingLongPolls() const;

    //! Ada, and Grace signed in through \a graceServer, once Grace got Ada's message.
    struct AdaAndGrace
    {
        std::unique_ptr<AppClient> ada;
        std::unique_ptr<AppClient> grace;
        QString key; //!< the message's client id; empty when something failed
        //! Ada's copy of the message says that Grace read it.
        bool readByGrace() const;
    };
    AdaAndGrace adaWroteToGrace(const QUrl &graceServer, const QString &text);

    QByteArray m_adminToken;
};

QByteArray TestSyncEngine::adminToken()
{
    if (m_adminToken.isEmpty()) {
        Client admin(m_server->url());
        admin.signIn(Admin, ServerProcess::demoPassword(Admin));
        m_adminToken = admin.token();
    }
    return m_adminToken;
}

int TestSyncEngine::waitingLongPolls() const
{
    Client monitor(m_server->metricsUrl());
    return int(Client::metricValue(monitor.get(u"/metrics"_qs).body, "colleagues_sync_longpolls_waiting"));
}

TestSyncEngine::AdaAndGrace TestSyncEngine::adaWroteToGrace(const QUrl &graceServer, const QString &text)
{
    AdaAndGrace chat {syncedClient(Ada), syncedClient(Grace, graceServer), {}};
    if (!chat.ada || !chat.grace)
        return chat;
    QSignalSpy graceGot(chat.grace->client()->engine(), &SyncEngine::messagesReceived);
    const Expected<QString> key = chat.ada->client()->outbox()->sendMessage(Grace, text);
    if (key && waitUntilWithoutSleeping([&] { return !graceGot.isEmpty(); }, 10000))
        chat.key = *key;
    return chat;
}

bool TestSyncEngine::AdaAndGrace::readByGrace() const
{
    for (const MessageRecord &m : ada->client()->messages(Grace)) {
        if (m.message.clientId == key)
            return m.message.readAt.isValid();
    }
    return false;
}

std::unique_ptr<AppClient> TestSyncEngine::syncedClient(const QString &user, const QUrl &url)
{
    auto c = std::make_unique<AppClient>();
    if (!c->isValid())
        return nullptr;
    QSignalSpy done(c->client()->engine(), &SyncEngine::initialSyncFinished);
    if (!c->signIn(url.isEmpty() ? m_server->url() : url, user, ServerProcess::demoPassword(user)))
        return nullptr;
    if (!done.wait(120000))
        return nullptr;
    return c;
}

void TestSyncEngine::firstSyncOfTheDirectory()
{
    AppClient c;
    QVERIFY(c.isValid());
    SyncEngine *engine = c.client()->engine();
    engine->setPageSize(500);
    QSignalSpy progress(engine, &SyncEngine::progressChanged);
    QSignalSpy changed(engine, &SyncEngine::profilesChanged);
    QSignalSpy finished(engine, &SyncEngine::initialSyncFinished);
    QSignalSpy states(engine, &SyncEngine::stateChanged);
    QVERIFY(c.signIn(m_server->url(), Ada, ServerProcess::demoPassword(Ada)));
    QVERIFY(finished.wait(120000));

    QCOMPARE(c.store().profileCount(), qint64(People));
    // Every page reported progress, counting up to the whole directory.
    QVERIFY2(progress.size() >= People / 500, qPrintable(QString::number(progress.size())));
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(People));
    // The total is known from the first page on: n of total, all the way.
    for (qsizetype i = 0; i < progress.size(); ++i) {
        if (progress.at(i).at(0).toLongLong() > 0)
            QCOMPARE(progress.at(i).at(1).toLongLong(), qint64(People));
    }
    qint64 last = -1;
    for (const QList<QVariant> &p : std::as_const(progress)) {
        QVERIFY(p.at(0).toLongLong() >= last);
        last = p.at(0).toLongLong();
    }
    qsizetype ids = 0;
    for (const QList<QVariant> &signal : std::as_const(changed))
        ids += signal.at(0).toStringList().size();
    QCOMPARE(ids, qsizetype(People));
    QCOMPARE(states.first().at(0).value<SyncState>(), SyncState::Syncing);
    QTRY_COMPARE(engine->state(), SyncState::Online);
    QVERIFY(engine->isInitialSyncDone());
    QVERIFY(c.store().profileByUsername(Grace));
}

void TestSyncEngine::deltaAfterServerEditAndRemoval()
{
    auto c = syncedClient(Ada);
    QVERIFY(c);
    SyncEngine *engine = c->client()->engine();
    QTRY_COMPARE(engine->state(), SyncState::Online);
    QSignalSpy changed(engine, &SyncEngine::profilesChanged);
    QSignalSpy removed(engine, &SyncEngine::profilesRemoved);

    // Two people not otherwise used by the tests.
    const QList<Profile> some = [&] {
        QList<Profile> list;
        for (const QString &name : {QStringLiteral("zoe"), QStringLiteral("misaki")}) {
            if (const auto p = c->store().profileByUsername(name))
                list.append(*p);
        }
        return list;
    }();
    QCOMPARE(some.size(), 2);
    Profile edited = some[0];
    const QString removedId = some[1].id;

    // An administrator edits one person and removes another, on the server.
    QJsonObject body = toJson(edited);
    for (const char *key : {"id", "username", "photo_tag", "revision", "updated_at"})
        body.remove(QLatin1String(key));
    body.insert(u"title"_qs, u"Head of Delta Testing"_qs);
    Client admin(m_server->url());
    admin.setToken(adminToken());
    const Response put = admin.putJson(u"/api/v1/profiles/zoe"_qs, body,
                                       {{"If-Match", '"' + QByteArray::number(edited.revision) + '"'}});
    QVERIFY2(put.status == 200, put.body.constData());
    const Response del = admin.send("DELETE", u"/api/v1/profiles/misaki"_qs);
    QVERIFY2(del.status == 204 || del.status == 200, del.body.constData());

    // The long-poll brings both, without any action of the client.
    QTRY_VERIFY_WITH_TIMEOUT(!removed.isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
    QStringList changedIds;
    for (const QList<QVariant> &s : std::as_const(changed))
        changedIds += s.at(0).toStringList();
    QVERIFY(changedIds.contains(edited.id));
    QCOMPARE(removed.first().at(0).toStringList(), QStringList {removedId});
    QCOMPARE(c->store().profileByUsername(u"zoe"_qs)->title, u"Head of Delta Testing"_qs);
    QVERIFY(!c->store().profileByUsername(u"misaki"_qs));
    QCOMPARE(c->store().profileCount(), qint64(People - 1));
}

void TestSyncEngine::twoClientsMessageEachOther()
{
    auto a = syncedClient(Ada);
    auto g = syncedClient(Grace);
    QVERIFY(a && g);
    QSignalSpy graceGot(g->client()->engine(), &SyncEngine::messagesReceived);
    QSignalSpy adaGot(a->client()->engine(), &SyncEngine::messagesReceived);
    QSignalSpy adaUpdated(a->client()->engine(), &SyncEngine::messagesUpdated);
    QSignalSpy adaChanged(a->client()->outbox(), &Outbox::messageChanged);

    const Expected<QString> sent = a->client()->outbox()->sendMessage(Grace, u"Hello Grace — café?"_qs);
    QVERIFY(sent);
    QTRY_VERIFY_WITH_TIMEOUT(!graceGot.isEmpty(), 10000);
    const auto received = graceGot.first().at(0).value<QList<MessageRecord>>();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received[0].message.body, u"Hello Grace — café?"_qs);
    QCOMPARE(received[0].message.sender, Ada);
    QCOMPARE(received[0].peer, Ada);
    QCOMPARE(received[0].message.clientId, *sent);
    // Ada's own copy went from pending to sent with the server's id.
    QTRY_VERIFY(!adaChanged.isEmpty());
    const MessageRecord mine = adaChanged.last().at(0).value<MessageRecord>();
    QCOMPARE(mine.state, MessageRecord::State::Sent);
    QCOMPARE(mine.message.id, received[0].message.id);

    QCOMPARE(g->client()->conversations().size(), 1);
    QCOMPARE(g->client()->conversations().first().unreadCount, 1);

    QVERIFY(g->client()->outbox()->sendMessage(Ada, u"Sure, at 3."_qs));
    QTRY_VERIFY_WITH_TIMEOUT(!adaGot.isEmpty(), 10000);
    const QList<MessageRecord> conversation = a->client()->messages(Grace);
    QCOMPARE(conversation.size(), 2);
    QCOMPARE(conversation[0].message.body, u"Hello Grace — café?"_qs);
    QCOMPARE(conversation[1].message.body, u"Sure, at 3."_qs);
    QCOMPARE(g->client()->messages(Ada).size(), 2);

    // Grace reads: Ada sees the read receipt.
    g->client()->markConversationRead(Ada);
    QTRY_COMPARE(g->client()->conversations().first().unreadCount, 0);
    QTRY_VERIFY_WITH_TIMEOUT(a->client()->messages(Grace).first().message.readAt.isValid(), 10000);
    QVERIFY(!adaUpdated.isEmpty());
}

void TestSyncEngine::readMarkMadeOfflineSurvivesARestart()
{
    // Grace reaches the server through a proxy that can refuse her connections.
    FaultProxy proxy(QHostAddress::LocalHost, m_server->port(), 11);
    QVERIFY(proxy.listen());
    const AdaAndGrace chat = adaWroteToGrace(proxy.url(), u"Read me on the train"_qs);
    QVERIFY(!chat.key.isEmpty());
    AppClient *g = chat.grace.get();

    // Offline: every connection is reset as soon as its request arrives.
    proxy.setFaults({.resetProbability = 1.0});
    proxy.dropAll();
    const int resetsBefore = proxy.counters().resets;
    g->client()->markConversationRead(Ada);
    QTRY_VERIFY(g->client()->conversations().first().unreadCount == 0);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.counters().resets > resetsBefore, 10000);

    // The app is closed and opened again; once the network is back, the mark goes out by itself.
    QVERIFY(g->restart());
    proxy.setFaults({});
    QTRY_VERIFY_WITH_TIMEOUT(chat.readByGrace(), 20000);
    QCOMPARE(g->client()->conversations().first().unreadCount, 0);
}

void TestSyncEngine::readMarkRefusedByAGatewayIsRetried()
{
    FaultProxy proxy(QHostAddress::LocalHost, m_server->port(), 13);
    QVERIFY(proxy.listen());
    const AdaAndGrace chat = adaWroteToGrace(proxy.url(), u"Read me twice"_qs);
    QVERIFY(!chat.key.isEmpty());
    AppClient *g = chat.grace.get();
    // Both wait for what comes next; Grace's sync keeps the connection it has.
    QTRY_COMPARE_WITH_TIMEOUT(waitingLongPolls(), 2, 10000);

    // The gateway answers 502 on every new connection: the read mark's request fails while
    // Grace's sync goes on, so no reconnection will send it again.
    proxy.setFaults({.errorProbability = 1.0, .errorStatus = 502});
    QSignalSpy syncErrors(g->client()->engine(), &SyncEngine::errorOccurred);
    g->client()->markConversationRead(Ada);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.counters().errors >= 2, 10000); // and tried again
    proxy.setFaults({});
    QTRY_VERIFY_WITH_TIMEOUT(chat.readByGrace(), 10000);
    QVERIFY(syncErrors.isEmpty());
    QCOMPARE(g->client()->engine()->state(), SyncState::Online);
}

void TestSyncEngine::backOnlineAtOnce()
{
    FaultProxy proxy(QHostAddress::LocalHost, m_server->port(), 17);
    QVERIFY(proxy.listen());
    auto a = syncedClient(Ada, proxy.url());
    QVERIFY(a);
    SyncEngine *engine = a->client()->engine();
    QCOMPARE(engine->state(), SyncState::Online);
    QTRY_COMPARE_WITH_TIMEOUT(waitingLongPolls(), 1, 10000);

    proxy.setFaults({.resetProbability = 1.0});
    proxy.dropAll();
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), SyncState::Offline, 10000);
    QSignalSpy connected(engine, &SyncEngine::connected);

    // Nothing changed meanwhile: a long-poll would be held for its whole timeout (25 s) before
    // the client knew that the server is back. The first question after a failure is answered
    // at once, and the client waits with the next.
    proxy.setFaults({});
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), SyncState::Online, 10000);
    QCOMPARE(connected.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(waitingLongPolls(), 1, 10000);
}

void TestSyncEngine::sendWhileServerStoppedIsDeliveredOnce()
{
    // Ada talks to the server through a proxy, so that the server can come back on another port.
    FaultProxy proxy(QHostAddress::LocalHost, m_server->port(), 7);
    QVERIFY(proxy.listen());
    auto a = syncedClient(Ada, proxy.url());
    auto g = syncedClient(Grace);
    QVERIFY(a && g);
    QSignalSpy graceGot(g->client()->engine(), &SyncEngine::messagesReceived);

    m_server->stop();
    QTRY_COMPARE_WITH_TIMEOUT(a->client()->engine()->state(), SyncState::Offline, 10000);
    QSignalSpy itemChanged(a->client()->outbox(), &Outbox::itemChanged);
    const Expected<QString> key = a->client()->outbox()->sendMessage(Grace, u"Sent while the server was down"_qs);
    QVERIFY(key);
    // It is stored and waits: pending, with a temporary failure recorded.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const OutboxItem &i : a->client()->outbox()->items())
                if (i.key == *key && i.state == OutboxItem::State::Pending && i.attempts > 0
                    && i.errorKind == u"network"_qs)
                    return true;
            return false;
        }(),
        10000);
    QCOMPARE(a->client()->messages(Grace).last().state, MessageRecord::State::Pending);

    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    proxy.setUpstream(QHostAddress::LocalHost, m_server->port());
    // Grace's client points at the old port: move it too (a restart on the same port is the usual case).
    g->client()->api()->setServerUrl(m_server->url());
    g->client()->engine()->syncNow();

    QTRY_COMPARE_WITH_TIMEOUT(a->client()->messages(Grace).last().state, MessageRecord::State::Sent, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(a->client()->engine()->state(), SyncState::Online, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!graceGot.isEmpty(), 20000);
    int copies = 0;
    for (const MessageRecord &m : g->client()->messages(Ada))
        copies += m.message.clientId == *key ? 1 : 0;
    QCOMPARE(copies, 1);
}

void TestSyncEngine::questionStartedOfflineArrivesOnceInOrder()
{
    FaultProxy proxy(QHostAddress::LocalHost, m_server->port(), 11);
    QVERIFY(proxy.listen());
    auto a = syncedClient(Ada, proxy.url());
    auto g = syncedClient(Grace);
    QVERIFY(a && g);

    // Ada asks while the server is down: the question is there at once, waiting to go out.
    m_server->stop();
    QTRY_COMPARE_WITH_TIMEOUT(a->client()->engine()->state(), SyncState::Offline, 10000);
    Outbox *outbox = a->client()->outbox();
    QSignalSpy changed(outbox, &Outbox::conversationChanged);
    const Expected<QString> id = outbox->startConversation(ConversationKind::Question, u"Who knows Kafka?"_qs,
                                                           {Grace, u"zoe"_qs}, u"Our consumers lag."_qs);
    QVERIFY(id);
    QVERIFY(outbox->sendToConversation(*id, u"Since Tuesday."_qs));
    QTRY_VERIFY(!changed.isEmpty());
    const std::optional<GroupChat> local = a->client()->groupChat(*id);
    QVERIFY(local && local->pending);
    QTRY_COMPARE(a->client()->messages(*id).size(), 2);
    QCOMPARE(a->client()->messages(*id).first().state, MessageRecord::State::Pending);

    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    proxy.setUpstream(QHostAddress::LocalHost, m_server->port());
    g->client()->api()->setServerUrl(m_server->url());
    g->client()->engine()->syncNow();

    // Created on the server before its messages, each of which goes once, in order.
    QTRY_VERIFY_WITH_TIMEOUT(!a->client()->groupChat(*id)->pending, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(a->client()->messages(*id).last().state, MessageRecord::State::Sent, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(g->client()->messages(*id).size(), 2, 20000);
    const QList<MessageRecord> got = g->client()->messages(*id);
    QCOMPARE(got[0].message.body, u"Our consumers lag."_qs);
    QCOMPARE(got[1].message.body, u"Since Tuesday."_qs);
    QVERIFY(got[0].message.id < got[1].message.id);
    const std::optional<GroupChat> there = g->client()->groupChat(*id);
    QVERIFY(there && !there->pending);
    QCOMPARE(there->asker(), Ada);
    QCOMPARE(there->conversation.currentMembers(), (QStringList {Ada, Grace, u"zoe"_qs}));

    // Grace reads them: her read mark goes through the outbox and Ada sees it.
    g->client()->markConversationRead(*id);
    QTRY_COMPARE_WITH_TIMEOUT(a->client()->groupChat(*id)->conversation.member(Grace)->readUpTo, got[1].message.id,
                              20000);
}

void TestSyncEngine::conversationTheServerRefusesFails()
{
    // Someone the local directory does not know and the server has no account for: the server
    // refuses the conversation, for good; what was to go into it fails with it, nothing is retried.
    auto a = syncedClient(Ada);
    QVERIFY(a);
    Outbox *outbox = a->client()->outbox();
    const Expected<QString> id =
        outbox->startConversation(ConversationKind::Group, u"Nobody home"_qs, {u"nobody-here"_qs}, u"Hello?"_qs);
    QVERIFY(id);
    auto itemOf = [&](OutboxItem::Kind kind) {
        for (const OutboxItem &i : outbox->items(true)) {
            if (i.conversation == *id && i.kind == kind)
                return i;
        }
        return OutboxItem {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(itemOf(OutboxItem::Kind::Conversation).isFailed(), 20000);
    const OutboxItem refused = itemOf(OutboxItem::Kind::Conversation);
    QCOMPARE(refused.httpStatus, 422);
    QCOMPARE(refused.errorField, u"members[0]"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(a->client()->messages(*id).first().state, MessageRecord::State::Failed, 20000);
    QVERIFY(a->client()->groupChat(*id)->pending);
    QCOMPARE(outbox->pendingCount(), 0);
}

void TestSyncEngine::cutAnswersDoNotDuplicate()
{
    // Every answer is cut short after the server committed: the client cannot know the send
    // worked, retries with the same Idempotency-Key, and the server keeps one message.
    FaultProxy proxy(QHostAddress::LocalHost, m_server->port(), 11);
    QVERIFY(proxy.listen());
    auto a = syncedClient(Ada, proxy.url());
    auto g = syncedClient(Grace);
    QVERIFY(a && g);
    a->client()->engine()->stop();

    FaultProxy::Faults faults;
    faults.cutResponseProbability = 1.0;
    proxy.setFaults(faults);
    const Expected<QString> key = a->client()->outbox()->sendMessage(Grace, u"Exactly once, please"_qs);
    QVERIFY(key);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.counters().cuts >= 2, 10000);
    proxy.setFaults({});
    QTRY_COMPARE_WITH_TIMEOUT(a->client()->messages(Grace).last().state, MessageRecord::State::Sent, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const MessageRecord &m : g->client()->messages(Ada))
                if (m.message.clientId == *key)
                    return true;
            return false;
        }(),
        10000);
    int copies = 0;
    for (const MessageRecord &m : g->client()->messages(Ada))
        copies += m.message.clientId == *key ? 1 : 0;
    QCOMPARE(copies, 1);
}

void TestSyncEngine::validationFailureIsPermanent()
{
    auto a = syncedClient(Ada);
    QVERIFY(a);
    // Valid for the client's rules, refused by the server: nobody has this username.
    QSignalSpy changed(a->client()->outbox(), &Outbox::messageChanged);
    const Expected<QString> key = a->client()->outbox()->sendMessage(u"nobody-by-this-name"_qs, u"Hello?"_qs);
    QVERIFY(key);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
    const MessageRecord m = changed.last().at(0).value<MessageRecord>();
    QCOMPARE(m.state, MessageRecord::State::Failed);
    QVERIFY(!m.error.isEmpty());
    const auto items = a->client()->outbox()->items();
    const auto it = std::find_if(items.begin(), items.end(), [&](const OutboxItem &i) { return i.key == *key; });
    QVERIFY(it != items.end());
    QCOMPARE(it->state, OutboxItem::State::Failed);
    QVERIFY(it->httpStatus >= 400 && it->httpStatus < 500);
    QCOMPARE(it->attempts, 1);
    // The client refuses what Core's rules refuse, before anything is queued.
    QVERIFY(!a->client()->outbox()->sendMessage(Grace, QString()));
}

void TestSyncEngine::profileConflict()
{
    auto a = syncedClient(Ada);
    QVERIFY(a);
    Outbox *outbox = a->client()->outbox();
    const Profile base = *a->store().profileByUsername(Ada);

    auto editElsewhere = [&](const QString &title) {
        // Ada edits her profile on another device meanwhile.
        Client elsewhere(m_server->url());
        elsewhere.signIn(Ada, ServerProcess::demoPassword(Ada));
        const Profile current = *profileFromAnswer(elsewhere.get(u"/api/v1/profiles/ada"_qs).body);
        QJsonObject body = toJson(current);
        for (const char *key : {"id", "username", "photo_tag", "revision", "updated_at"})
            body.remove(QLatin1String(key));
        body.insert(u"title"_qs, title);
        return elsewhere
            .putJson(u"/api/v1/profiles/me"_qs, body, {{"If-Match", '"' + QByteArray::number(current.revision) + '"'}})
            .status;
    };
    QCOMPARE(editElsewhere(u"Title from the phone"_qs), 200);

    // This client still edits the old revision: 412, the edit is kept, a conflict reported.
    QSignalSpy conflicts(outbox, &Outbox::conflictDetected);
    Profile mine = base;
    mine.bio = u"My new bio, written offline."_qs;
    mine.title = u"Title from the laptop"_qs;
    QVERIFY(outbox->saveProfile(mine, base.revision));
    QVERIFY(conflicts.wait(10000));
    ProfileConflict c = conflicts.first().at(0).value<ProfileConflict>();
    QCOMPARE(c.mine.bio, mine.bio);
    QCOMPARE(c.theirs.title, u"Title from the phone"_qs);
    QVERIFY(c.differingFields().contains(u"title"_qs));
    QVERIFY(c.differingFields().contains(u"bio"_qs));
    QVERIFY(outbox->conflict(c.outboxId));
    QVERIFY(outbox->item(c.outboxId)->hasConflict());

    // Per field: my bio, their title.
    QSignalSpy saved(outbox, &Outbox::profileSaved);
    outbox->resolveMerge(c.outboxId, {u"title"_qs});
    QVERIFY(saved.wait(10000));
    Profile result = saved.last().at(0).value<Profile>();
    QCOMPARE(result.bio, mine.bio);
    QCOMPARE(result.title, u"Title from the phone"_qs);
    QCOMPARE(outbox->item(c.outboxId)->state, OutboxItem::State::Sent);

    // Keep mine.
    QCOMPARE(editElsewhere(u"Another title from the phone"_qs), 200);
    mine = result;
    mine.title = u"Mine wins"_qs;
    QVERIFY(outbox->saveProfile(mine, result.revision));
    QVERIFY(conflicts.wait(10000));
    c = conflicts.last().at(0).value<ProfileConflict>();
    outbox->resolveKeepMine(c.outboxId);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.last().at(0).value<Profile>().title, u"Mine wins"_qs);

    // Take theirs: the edit is dropped and the server's version stays.
    QCOMPARE(editElsewhere(u"Theirs wins"_qs), 200);
    mine.title = u"Dropped"_qs;
    QVERIFY(outbox->saveProfile(mine, saved.last().at(0).value<Profile>().revision));
    QVERIFY(conflicts.wait(10000));
    c = conflicts.last().at(0).value<ProfileConflict>();
    QSignalSpy removed(outbox, &Outbox::itemRemoved);
    outbox->resolveTakeTheirs(c.outboxId);
    QVERIFY(removed.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(a->store().profileByUsername(Ada)->title, u"Theirs wins"_qs, 10000);
}

void TestSyncEngine::expiredOrRevokedToken_data()
{
    QTest::addColumn<bool>("revoke");
    QTest::addRow("expired") << false;
    QTest::addRow("revoked") << true;
}

void TestSyncEngine::expiredOrRevokedToken()
{
    QFETCH(bool, revoke);
    auto a = syncedClient(Ada);
    QVERIFY(a);
    const QByteArray token = a->client()->api()->token();
    QVERIFY(!token.isEmpty());
    a->client()->engine()->stop();
    a->client()->outbox()->pause();

    Client api(m_server->url());
    api.setToken(token);
    if (revoke) {
        QCOMPARE(api.send("DELETE", u"/api/v1/session"_qs).status, 204);
    } else {
        // Age every session of the server's database past its expiry.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"server-db"_qs);
        db.setDatabaseName(m_server->dataDir() + u"/colleagues.db"_qs);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"UPDATE sessions SET expires_at = 1"_qs));
        q.finish();
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(u"server-db"_qs);
    }
    // The server trusts a session it checked within the last half second (SessionCache);
    // wait until it has noticed the expiry or revocation before going on.
    QTRY_COMPARE_WITH_TIMEOUT(api.get(u"/api/v1/sync?since=0&limit=1&timeout=0"_qs).status, 401, 10000);

    QSignalSpy required(a->client()->session(), &Session::signInRequired);
    const Expected<QString> key = a->client()->outbox()->sendMessage(Grace, u"Written before signing in again"_qs);
    QVERIFY(key);
    a->client()->outbox()->start();
    QVERIFY(required.wait(10000));
    QCOMPARE(a->client()->engine()->state(), SyncState::SignedOut);
    QVERIFY(!a->client()->session()->isSignedIn());
    // The message is still queued, not failed: pending, with the 401 it met. (Pending alone is
    // no answer: before the outbox's worker has written "sending", the item is pending too.)
    auto stateOf = [&] {
        for (const OutboxItem &i : a->client()->outbox()->items())
            if (i.key == *key)
                return outboxStateName(i.state) + u" after "_qs + QString::number(i.httpStatus);
        return QString();
    };
    // The send that met the 401 may still be on its way back: allow it the client's whole
    // transfer timeout, so that only the client's handling decides.
    QTRY_VERIFY2_WITH_TIMEOUT(stateOf() == u"pending after 401"_qs,
                              qPrintable(u"outbox item is "_qs + stateOf() + u"; server log: "_qs
                                         + QString::fromUtf8(m_server->log().right(1500))),
                              40000);
    QCOMPARE(a->client()->messages(Grace).last().state, MessageRecord::State::Pending);

    // Signing in again sends it.
    QVERIFY(a->signIn(m_server->url(), Ada, ServerProcess::demoPassword(Ada)));
    QTRY_COMPARE_WITH_TIMEOUT(a->client()->messages(Grace).last().state, MessageRecord::State::Sent, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(a->client()->engine()->state(), SyncState::Online, 10000);
}

void TestSyncEngine::startOverKeepsTheOutbox()
{
    auto a = syncedClient(Ada);
    QVERIFY(a);
    SyncClient *client = a->client();
    client->stop();
    // A message waiting in the outbox while the directory is thrown away.
    const Expected<QString> key = client->outbox()->sendMessage(Grace, u"Survives a resync"_qs);
    QVERIFY(key);
    QTRY_VERIFY(!client->outbox()->items().isEmpty());
    // A cursor the server cannot serve (from the future, e.g. a restored server backup).
    QSignalSpy reset(client->engine(), &SyncEngine::directoryReset);
    QSignalSpy finished(client->engine(), &SyncEngine::initialSyncFinished);
    a->store().setSyncValue(u"sync.cursor"_qs, u"999999999"_qs);
    client->engine()->start();
    QVERIFY(reset.wait(10000));
    QVERIFY(finished.wait(60000));
    QCOMPARE(a->store().profileCount(), qint64(People - 1)); // one was removed by an earlier test
    client->outbox()->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->messages(Grace).last().message.body, u"Survives a resync"_qs, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(client->messages(Grace).last().state, MessageRecord::State::Sent, 10000);
}

void TestSyncEngine::photos()
{
    auto a = syncedClient(Ada);
    auto g = syncedClient(Grace);
    QVERIFY(a && g);
    QSignalSpy saved(a->client()->outbox(), &Outbox::profileSaved);
    QVERIFY(a->client()->outbox()->uploadPhoto(TinyPng, "image/png"));
    QVERIFY(saved.wait(10000));
    // Grace's directory learns the new photo tag through sync.
    QTRY_VERIFY_WITH_TIMEOUT(!g->store().profileByUsername(Ada)->photoTag.isEmpty(), 10000);
    const QString tag = g->store().profileByUsername(Ada)->photoTag;

    PhotoCache *photos = g->client()->photos();
    QSignalSpy ready(photos, &PhotoCache::photoReady);
    QVERIFY(photos->photo(Ada, tag).isEmpty()); // not cached yet: fetched
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.first().at(1).toString(), tag);
    const QString path = ready.first().at(2).toString();
    QVERIFY(QFile::exists(path));
    QCOMPARE(photos->cachedPath(tag), path);
    QSignalSpy unchanged(photos, &PhotoCache::photoUnchanged);
    QCOMPARE(photos->photo(Ada, tag), path); // from the disk now
    // First use in this run after the fetch? No: the fetch itself counted. A new cache
    // (a new run) revalidates its files with If-None-Match and gets 304.
    PhotoCache again(g->client()->api(), photos->directory());
    QSignalSpy againUnchanged(&again, &PhotoCache::photoUnchanged);
    QCOMPARE(again.photo(Ada, tag), path);
    QVERIFY(againUnchanged.wait(10000));
    QCOMPARE(againUnchanged.first().at(1).toString(), tag);
    QCOMPARE(ready.size(), 1);
    QVERIFY(unchanged.isEmpty());
}

void TestSyncEngine::vocabularyFollowsTheServer()
{
    // Not the default built into the client, so that the first sync has something to fetch.
    const QString first = u"skill Kubernetes | k8s, kube ~ Docker, Helm\nplace Bengaluru | Bangalore\n"_qs;
    const auto expectedFirst = Vocabulary::parse(first);
    QVERIFY(expectedFirst);
    const QString firstFile = m_dir.filePath(u"vocabulary-1.txt"_qs);
    {
        QFile file(firstFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(first.toUtf8());
    }
    QVERIFY2(m_server->command({u"vocabulary"_qs, u"import"_qs, firstFile}), qPrintable(m_server->errorString()));

    AppClient c;
    QVERIFY(c.isValid());
    QCOMPARE(c.store().vocabulary().version(), Vocabulary::defaults().version()); // before any sync
    SyncEngine *engine = c.client()->engine();
    QSignalSpy fetched(engine, &SyncEngine::vocabularyFetched);
    QSignalSpy changed(&c.store(), &ClientStore::vocabularyChanged);
    QSignalSpy finished(engine, &SyncEngine::initialSyncFinished);
    QVERIFY(c.signIn(m_server->url(), Ada, ServerProcess::demoPassword(Ada)));
    QVERIFY(finished.wait(120000));
    QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 30000);
    QCOMPARE(fetched.first().at(0).toString(), expectedFirst->version());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(c.store().vocabularyVersion(), expectedFirst->version());
    QCOMPARE(c.store().vocabulary().entries(), expectedFirst->entries());

    // Unchanged on the server: another sync does not fetch it again.
    QSignalSpy caughtUp(engine, &SyncEngine::caughtUp);
    engine->syncOnce();
    QVERIFY(caughtUp.wait(30000));
    QVERIFY(!engine->isFetchingVocabulary());
    QCOMPARE(fetched.size(), 1);

    // After an import (merge) the next sync fetches the new one.
    const QString more = m_dir.filePath(u"vocabulary-2.txt"_qs);
    {
        QFile file(more);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("place Köln | Cologne\n");
    }
    QVERIFY2(m_server->command({u"vocabulary"_qs, u"import"_qs, u"--merge"_qs, more}),
             qPrintable(m_server->errorString()));
    const auto expectedSecond = expectedFirst->merged(Vocabulary::parse(u"place Köln | Cologne\n"_qs).value());
    QVERIFY(expectedSecond);
    engine->syncOnce();
    QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 2, 30000);
    QCOMPARE(fetched.last().at(0).toString(), expectedSecond->version());
    QCOMPARE(changed.size(), 2);
    const VocabularyEntry *entry = nullptr;
    QCOMPARE(c.store().vocabulary().longestMatch({u"cologne"_qs}, 0, &entry), 1);
    QCOMPARE(entry->canonical, u"Köln"_qs);

    // Kept in the store: a restarted client has it without asking.
    QVERIFY(c.restart());
    QCOMPARE(c.store().vocabularyVersion(), expectedSecond->version());
    QCOMPARE(c.store().vocabulary().entries(), expectedSecond->entries());
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
