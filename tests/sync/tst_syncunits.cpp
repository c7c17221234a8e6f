// SPDX-License-Identifier: MIT
// The sync engine's parts that need no server: backoff, answer parsing, errors, conflicts,
// and the sync worker's transactions on a real store.

#include "client/ClientStore.h"
#include "client/search/SearchEngine.h"
#include "client/sync/ApiClient.h"
#include "client/sync/Backoff.h"
#include "client/sync/SyncBatch.h"
#include "client/sync/SyncDatabase.h"
#include "client/sync/SyncSchema_p.h"
#include "client/sync/SyncTypes.h"
#include "tests/support/SyncWork.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Colleagues;
using Colleagues::Test::runOn;
using namespace std::chrono_literals;
using SyncSchema::PageResult;
using SyncSchema::SyncWriter;

namespace {
QJsonObject profileJson(const QString &username, qint64 revision = 1)
{
    Profile p;
    p.id = username + u"-id"_qs;
    p.username = username;
    p.displayName = username.toUpper();
    p.revision = revision;
    p.updatedAt = QDateTime::currentDateTimeUtc();
    return toJson(p);
}

QByteArray page(const QJsonArray &profiles, qint64 next, bool hasMore, const QJsonArray &removed = {},
                const QJsonArray &messages = {})
{
    return QJsonDocument(QJsonObject {{u"profiles"_qs, profiles},
                                      {u"removed"_qs, removed},
                                      {u"messages"_qs, messages},
                                      {u"next"_qs, next},
                                      {u"has_more"_qs, hasMore}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSyncUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffGrowsWithFullJitterUpToTheCap();
    void backoffHonoursRetryAfter();
    void retryAfterHeader_data();
    void retryAfterHeader();
    void serverUrl_data();
    void serverUrl();
    void syncBatchParses();
    void syncBatchRejects_data();
    void syncBatchRejects();
    void conflictFields();
    void pagesCommitWithTheirCursor();
    void firstSyncWithRepeatsKeepsTheIndexConsistent();
    void startOverKeepsQueuedWork();
    void statusesAreStoredAndApplied();
    void statusesRejects();
};

void TestSyncUnits::backoffGrowsWithFullJitterUpToTheCap()
{
    Backoff b(BackoffPolicy {100ms, 60000ms, true});
    QCOMPARE(b.ceilingFor(0), 100ms);
    QCOMPARE(b.ceilingFor(3), 800ms);
    QCOMPARE(b.ceilingFor(20), 60000ms);
    QCOMPARE(b.ceilingFor(1000), 60000ms);
    // Full jitter: anywhere in [0, ceiling]; over many draws both halves show up.
    for (int failures = 0; failures < 15; ++failures) {
        Backoff d(BackoffPolicy {100ms, 60000ms, true});
        for (int i = 0; i < failures; ++i)
            d.next();
        bool low = false, high = false;
        for (int i = 0; i < 200; ++i) {
            Backoff e = d;
            const auto delay = e.next();
            QVERIFY(delay >= 0ms);
            QVERIFY(delay <= d.ceilingFor(failures));
            QVERIFY(delay <= 60000ms);
            low = low || delay <= d.ceilingFor(failures) / 2;
            high = high || delay > d.ceilingFor(failures) / 2;
        }
        QVERIFY(low && high);
    }
    Backoff fixed(BackoffPolicy {10ms, 50ms, false});
    QCOMPARE(fixed.next(), 10ms);
    QCOMPARE(fixed.next(), 20ms);
    QCOMPARE(fixed.next(), 40ms);
    QCOMPARE(fixed.next(), 50ms);
    fixed.reset();
    QCOMPARE(fixed.next(), 10ms);
}

void TestSyncUnits::backoffHonoursRetryAfter()
{
    Backoff b(BackoffPolicy {10ms, 50ms, true});
    QCOMPARE(b.next(120000ms), 120000ms); // the server's word beats the cap
    QVERIFY(b.next(0ms) <= 20ms);
}

void TestSyncUnits::retryAfterHeader_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("minMs");
    QTest::addColumn<qint64>("maxMs");
    QTest::addRow("seconds") << QByteArray("30") << qint64(30000) << qint64(30000);
    QTest::addRow("zero") << QByteArray("0") << qint64(0) << qint64(0);
    QTest::addRow("empty") << QByteArray() << qint64(0) << qint64(0);
    QTest::addRow("garbage") << QByteArray("soon") << qint64(0) << qint64(0);
    QTest::addRow("negative") << QByteArray("-5") << qint64(0) << qint64(0);
    const QByteArray inAMinute =
        QLocale::c()
            .toString(QDateTime::currentDateTimeUtc().addSecs(60), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_qs)
            .toLatin1();
    QTest::addRow("http-date") << inAMinute << qint64(55000) << qint64(61000);
}

void TestSyncUnits::retryAfterHeader()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, minMs);
    QFETCH(qint64, maxMs);
    const qint64 ms = ApiError::parseRetryAfter(value).count();
    QVERIFY2(ms >= minMs && ms <= maxMs, qPrintable(QString::number(ms)));
}

void TestSyncUnits::serverUrl_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::addRow("bare host") << u"colleagues.example.com"_qs << u"https://colleagues.example.com"_qs;
    QTest::addRow("trailing slash") << u"http://127.0.0.1:8080/"_qs << u"http://127.0.0.1:8080"_qs;
    QTest::addRow("spaces") << u"  https://x.example  "_qs << u"https://x.example"_qs;
    QTest::addRow("other scheme") << u"ftp://x.example"_qs << QString();
    QTest::addRow("empty") << QString() << QString();
}

void TestSyncUnits::serverUrl()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QCOMPARE(ApiClient::normalizedServerUrl(typed).toString(), expected);
}

void TestSyncUnits::syncBatchParses()
{
    Message m;
    m.id = 7;
    m.clientId = u"3f1c1f5e-1111-4222-8333-444455556666"_qs;
    m.sender = u"ada"_qs;
    m.recipient = u"grace"_qs;
    m.body = u"hi"_qs;
    m.sentAt = QDateTime::currentDateTimeUtc();
    m.sequence = 12;
    const Expected<SyncBatch> b = SyncBatch::fromJson(
        page({profileJson(u"ada"_qs), profileJson(u"grace"_qs)}, 12, true, {u"gone-id"_qs}, {toJson(m)}));
    QVERIFY2(b, qPrintable(b ? QString() : b.error().message));
    QCOMPARE(b->profiles.size(), 2);
    QCOMPARE(b->removedIds, QStringList {u"gone-id"_qs});
    QCOMPARE(b->messages.size(), 1);
    QCOMPARE(b->messages[0].body, u"hi"_qs);
    QCOMPARE(b->next, 12);
    QVERIFY(b->hasMore);
    QVERIFY(!b->startOver);

    const Expected<SyncBatch> over = SyncBatch::fromJson(R"({"start_over": true, "next": 0, "has_more": true})");
    QVERIFY(over);
    QVERIFY(over->startOver);
}

void TestSyncUnits::syncBatchRejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addRow("not json") << QByteArray("{oops") << QString();
    QTest::addRow("no next") << QByteArray(R"({"profiles": []})") << u"next"_qs;
    QJsonObject bad = profileJson(u"eve"_qs);
    bad.insert(u"display_name"_qs, QString(101, u'x'));
    QTest::addRow("invalid profile") << page({profileJson(u"ada"_qs), bad}, 3, false) << u"profiles[1].display_name"_qs;
    QTest::addRow("removed not strings") << page({}, 3, false, {42}) << u"removed[0]"_qs;
    QTest::addRow("profile not an object") << page({profileJson(u"ada"_qs), 7}, 3, false) << u"profiles[1]"_qs;
    QTest::addRow("message not an object") << page({}, 3, false, {}, {u"hi"_qs}) << u"messages[0]"_qs;
}

void TestSyncUnits::syncBatchRejects()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const Expected<SyncBatch> b = SyncBatch::fromJson(body);
    QVERIFY(!b);
    if (!field.isEmpty())
        QCOMPARE(b.error().field, field);
}

void TestSyncUnits::conflictFields()
{
    ProfileConflict c;
    c.mine.username = c.theirs.username = u"ada"_qs;
    c.mine.displayName = c.theirs.displayName = u"Ada"_qs;
    c.mine.title = u"Mine"_qs;
    c.theirs.title = u"Theirs"_qs;
    c.mine.bio = u"my bio"_qs;
    c.theirs.skills = {{u"C++"_qs, 5}};
    c.theirs.revision = 9;
    c.theirs.photoTag = u"tag"_qs; // not an editable field
    QCOMPARE(c.differingFields(), (QStringList {u"title"_qs, u"bio"_qs, u"skills"_qs}));
    const Profile merged = c.merged({u"title"_qs, u"skills"_qs});
    QCOMPARE(merged.title, u"Theirs"_qs);
    QCOMPARE(merged.bio, u"my bio"_qs);
    QCOMPARE(merged.skills, c.theirs.skills);
    QCOMPARE(merged.revision, 9);
}

void TestSyncUnits::pagesCommitWithTheirCursor()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    QCOMPARE(store.schemaVersion(), ClientStore::latestSchemaVersion());
    SyncDatabase db(&store);

    const QByteArray first = page({profileJson(u"ada"_qs), profileJson(u"grace"_qs)}, 5, true);
    PageResult r = runOn<PageResult>(db, [&](SyncWriter &w) { return w.applyPage(first, 0, u"ada"_qs); });
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.changedProfileIds.size(), 2);
    QCOMPARE(r.initialReceived, 2);
    QVERIFY(!r.initialDone);
    QCOMPARE(SyncSchema::cursor(store.handle()), 5);
    QCOMPARE(store.profileCount(), 2);

    // The same page again (a retry after a lost answer) is for an old cursor: ignored.
    r = runOn<PageResult>(db, [&](SyncWriter &w) { return w.applyPage(first, 0, u"ada"_qs); });
    QVERIFY(r.stale);
    QCOMPARE(store.profileCount(), 2);

    // A page that fails to store leaves neither data nor cursor behind.
    const QByteArray broken = page({profileJson(u"misaki"_qs)}, 9, false).replace("\"next\":9", "\"next\":\"x\"");
    r = runOn<PageResult>(db, [&](SyncWriter &w) { return w.applyPage(broken, 5, u"ada"_qs); });
    QVERIFY(!r.error.isEmpty());
    QCOMPARE(SyncSchema::cursor(store.handle()), 5);
    QVERIFY(!store.profileByUsername(u"misaki"_qs));

    const QByteArray last = page({profileJson(u"misaki"_qs)}, 9, false, {u"grace-id"_qs});
    r = runOn<PageResult>(db, [&](SyncWriter &w) { return w.applyPage(last, 5, u"ada"_qs); });
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(r.initialDone);
    QCOMPARE(r.initialReceived, 3);
    QCOMPARE(r.removedProfileIds, QStringList {u"grace-id"_qs});
    QCOMPARE(SyncSchema::cursor(store.handle()), 9);
    QCOMPARE(store.profileCount(), 2);
}

void TestSyncUnits::firstSyncWithRepeatsKeepsTheIndexConsistent()
{
    // A first sync inserts without lookups and indexes in runs; profiles that come again (in
    // the same page, after an index run, or in a later page) and a username that moved to a
    // new id must still leave one row each and an index that matches its content.
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    SyncDatabase db(&store);
    auto named = [](const QString &username, const QString &name, qint64 revision) {
        QJsonObject o = profileJson(username, revision);
        o.insert(u"display_name"_qs, name);
        return o;
    };
    QJsonArray first;
    for (int i = 0; i < 1500; ++i)
        first.append(named(u"user%1"_qs.arg(i), u"Person %1"_qs.arg(i), 1));
    first.append(named(u"user10"_qs, u"Renamed Ten"_qs, 2)); // after a run of 1000 was indexed
    first.append(named(u"user1400"_qs, u"Renamed Fourteen"_qs, 2)); // still queued for the index
    PageResult r =
        runOn<PageResult>(db, [&](SyncWriter &w) { return w.applyPage(page(first, 10, true), 0, u"ada"_qs); });
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));

    QJsonArray second {named(u"user20"_qs, u"Renamed Twenty"_qs, 2), named(u"user1600"_qs, u"Person 1600"_qs, 1)};
    QJsonObject moved = named(u"user30"_qs, u"New Thirty"_qs, 1); // the username, given to a new id
    moved.insert(u"id"_qs, u"new-30"_qs);
    second.append(moved);
    r = runOn<PageResult>(db, [&](SyncWriter &w) { return w.applyPage(page(second, 20, false), 10, u"ada"_qs); });
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(r.initialDone);

    QCOMPARE(store.profileCount(), 1501);
    QCOMPARE(store.profileByUsername(u"user10"_qs)->displayName, u"Renamed Ten"_qs);
    QCOMPARE(store.profileByUsername(u"user1400"_qs)->displayName, u"Renamed Fourteen"_qs);
    QCOMPARE(store.profileByUsername(u"user20"_qs)->revision, 2);
    QCOMPARE(store.profileByUsername(u"user30"_qs)->id, u"new-30"_qs);
    QVERIFY(!store.profile(u"user30-id"_qs));
    QSqlQuery q(store.database());
    QVERIFY2(q.exec(u"INSERT INTO profile_fts(profile_fts, rank) VALUES('integrity-check', 1)"_qs),
             qPrintable(q.lastError().text()));
    QVERIFY(q.exec(u"SELECT count(*) FROM profile_fts WHERE profile_fts MATCH 'renamed'"_qs) && q.next());
    QCOMPARE(q.value(0).toInt(), 3);
    QVERIFY(q.exec(u"SELECT count(*) FROM profile_search"_qs) && q.next());
    QCOMPARE(q.value(0).toInt(), 1501);
}

void TestSyncUnits::startOverKeepsQueuedWork()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    SyncDatabase db(&store);
    Message delivered;
    delivered.id = 1;
    delivered.sender = u"grace"_qs;
    delivered.recipient = u"ada"_qs;
    delivered.body = u"old"_qs;
    delivered.sentAt = QDateTime::currentDateTimeUtc();
    delivered.sequence = 3;
    const QByteArray p = page({profileJson(u"grace"_qs)}, 3, false, {}, {toJson(delivered)});
    QVERIFY(
        runOn<SyncSchema::PageResult>(db, [&](SyncWriter &w) { return w.applyPage(p, 0, u"ada"_qs); }).error.isEmpty());
    const bool queued = runOn<bool>(db, [](SyncWriter &w) {
        MessageRecord r;
        return w.enqueueMessage(u"ada"_qs, u"grace"_qs, u"queued"_qs, u"k-1"_qs, &r).has_value();
    });
    QVERIFY(queued);
    QCOMPARE(SyncSchema::messages(store.handle(), u"grace"_qs).size(), 2);

    QVERIFY(runOn<bool>(db, [](SyncWriter &w) { return w.resetForResync(); }));
    QCOMPARE(store.profileCount(), 0);
    QCOMPARE(SyncSchema::cursor(store.handle()), 0);
    const QList<MessageRecord> left = SyncSchema::messages(store.handle(), u"grace"_qs);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].message.body, u"queued"_qs);
    QCOMPARE(left[0].state, MessageRecord::State::Pending);
    QCOMPARE(SyncSchema::outboxItems(store.handle()).size(), 1);
}

namespace {
QJsonObject statusJson(const QString &username, const QString &presence, const QString &availability,
                       const QString &text = {})
{
    QJsonObject o {{u"username"_qs, username},
                   {u"presence"_qs, presence},
                   {u"availability"_qs, availability},
                   {u"until"_qs, QJsonValue()},
                   {u"text"_qs, text},
                   {u"out_of_office"_qs, QJsonValue()},
                   {u"updated_at"_qs, u"2026-12-04T11:02:13.402Z"_qs}};
    return o;
}

QByteArray statusPage(const QJsonArray &profiles, const QJsonArray &statuses, qint64 next)
{
    QJsonObject o = QJsonDocument::fromJson(page(profiles, next, false)).object();
    o.insert(u"statuses"_qs, statuses);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

void TestSyncUnits::statusesAreStoredAndApplied()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    SyncDatabase db(&store);

    // A window with a stand-in and a note survives the store as the server sent it.
    QJsonObject away = statusJson(u"grace"_qs, u"away"_qs, u"out_of_office"_qs, u"On leave"_qs);
    const QDate today = QDate::currentDate();
    away.insert(u"out_of_office"_qs,
                QJsonObject {{u"from"_qs, today.toString(Qt::ISODate)},
                             {u"to"_qs, today.addDays(3).toString(Qt::ISODate)},
                             {u"note"_qs, u"<b>Back</b> on Monday."_qs},
                             {u"stand_in"_qs, u"ada"_qs}});
    const QByteArray first = statusPage({profileJson(u"ada"_qs), profileJson(u"grace"_qs), profileJson(u"misaki"_qs)},
                                        {away, statusJson(u"ada"_qs, u"online"_qs, u"available"_qs)}, 4);
    PageResult r = runOn<PageResult>(db, [&](SyncWriter &w) { return w.applyPage(first, 0, u"misaki"_qs); });
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.changedStatuses.size(), 2);
    QList<Status> stored = SyncSchema::statuses(store.handle());
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored[0].username, u"ada"_qs);
    QCOMPARE(stored[0].presence, Presence::Online);
    QCOMPARE(stored[1].username, u"grace"_qs);
    QCOMPARE(stored[1].availability, Availability::OutOfOffice);
    QCOMPARE(stored[1].text, u"On leave"_qs);
    QVERIFY(stored[1].outOfOffice);
    QCOMPARE(stored[1].outOfOffice->note, u"<b>Back</b> on Monday."_qs);
    QCOMPARE(stored[1].outOfOffice->standIn, u"ada"_qs);
    QCOMPARE(stored[1].outOfOffice->to, today.addDays(3));

    // Search ranks the one available now first, without hiding the others.
    SearchEngine engine(&store);
    const SearchPage all = engine.search(u"available:yes"_qs, 0, 10);
    QCOMPARE(all.total, 3);
    QCOMPARE(all.results.first().username, u"ada"_qs);
    QVERIFY(all.results.first().availableNow);

    // A change replaces the person's one record; the default status removes it.
    const QByteArray second = statusPage(
        {}, {statusJson(u"ada"_qs, u"offline"_qs, u"available"_qs), statusJson(u"grace"_qs, u"online"_qs, u"dnd"_qs)},
        7);
    r = runOn<PageResult>(db, [&](SyncWriter &w) { return w.applyPage(second, 4, u"misaki"_qs); });
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    stored = SyncSchema::statuses(store.handle());
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0].username, u"grace"_qs);
    QCOMPARE(stored[0].availability, Availability::Dnd);
    QVERIFY(!stored[0].outOfOffice);
    QCOMPARE(engine.search(u"available:yes"_qs, 0, 10).results.first().availableNow, false);

    // A page from a server before statuses has none, and changes none.
    r = runOn<PageResult>(db, [&](SyncWriter &w) { return w.applyPage(page({}, 8, false), 7, u"misaki"_qs); });
    QVERIFY(r.error.isEmpty());
    QVERIFY(r.changedStatuses.isEmpty());
    QCOMPARE(SyncSchema::statuses(store.handle()).size(), 1);

    // A resync starts from nothing: the server sends again what is not the default.
    QVERIFY(runOn<bool>(db, [](SyncWriter &w) { return w.resetForResync(); }));
    QVERIFY(SyncSchema::statuses(store.handle()).isEmpty());
}

void TestSyncUnits::statusesRejects()
{
    // An invalid status fails the page: the cursor must not pass what could not be stored.
    QJsonObject bad = statusJson(u"grace"_qs, u"online"_qs, u"sleeping"_qs);
    const Expected<SyncBatch> b = SyncBatch::fromJson(statusPage({}, {bad}, 3));
    QVERIFY(!b);
    QVERIFY2(b.error().field.startsWith(u"statuses[0]"_qs), qPrintable(b.error().field));
    QVERIFY(!SyncBatch::fromJson(statusPage({}, {7}, 3)));
}

QTEST_GUILESS_MAIN(TestSyncUnits)
#include "tst_syncunits.moc"
