// SPDX-License-Identifier: MIT
#include "client/ClientStore.h"
#include "client/search/SearchEngine.h"
#include "tests/support/List.h"
#include "tests/support/SearchDirectory.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

Profile person(const QString &username, const QString &name, const SkillList &skills = {},
               const QString &bio = QString())
{
    Profile p;
    p.id = QStringLiteral("id-") + username;
    p.username = username;
    p.displayName = name;
    p.title = QStringLiteral("Engineer");
    p.department = QStringLiteral("Platform");
    p.location = QStringLiteral("Berlin");
    p.timeZone = QStringLiteral("Europe/Berlin");
    p.skills = skills;
    p.interests = {QStringLiteral("chess")};
    p.bio = bio;
    p.revision = 1;
    p.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    return p;
}

//! FTS5's own check that the external-content index matches profile_search exactly.
bool ftsConsistent(ClientStore &store)
{
    QSqlQuery query(store.database());
    if (!query.exec(QStringLiteral("INSERT INTO profile_fts(profile_fts, rank) VALUES('integrity-check', 1)"))) {
        qWarning() << query.lastError().text();
        return false;
    }
    return true;
}

int scalar(ClientStore &store, const QString &sql)
{
    QSqlQuery query(store.database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace

class TestClientStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsLatestSchemaInDataDir();
    void storeIsPrivate();
    void migratesFromVersion1();
    void refusesNewerSchema();
    void roundTripsProfiles();
    void upsertUpdatesIndex();
    void deleteUpdatesIndex();
    void usernameMovesToNewId();
    void batchIsOneTransaction();
    void asyncBatchOnWorker();
    void largeBatchWithRepeatsIntoEmptyStore();
    void syncState();
    void logsWhoChanged();
};

void TestClientStore::createsLatestSchemaInDataDir()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY2(store.open(dir.path() + QStringLiteral("/nested")), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), ClientStore::latestSchemaVersion());
    QVERIFY(QFile::exists(dir.path() + QStringLiteral("/nested/") + ClientStore::databaseFileName()));
    QCOMPARE(scalar(store,
                    QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('profiles', 'skills', "
                                   "'interests', 'messages', 'conversations', 'outbox', 'sync_state', "
                                   "'profile_fts')")),
             8);
    QSqlQuery mode(store.database());
    QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
    QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
}

void TestClientStore::storeIsPrivate()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("store"));
    const mode_t previous = ::umask(022);
    ClientStore store;
    const bool opened = store.open(folder);
    ::umask(previous);
    QVERIFY2(opened, qPrintable(store.errorString()));
    QSqlQuery write(store.database());
    QVERIFY2(write.exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('x', 'y')")),
             qPrintable(write.lastError().text()));
    const auto modeOf = [](const QString &path) {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
    };
    QCOMPARE(modeOf(folder), 0700);
    const QString db = QDir(folder).filePath(ClientStore::databaseFileName());
    for (const QString &path : {db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm")}) {
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QCOMPARE(modeOf(path), 0600);
    }
}

void TestClientStore::migratesFromVersion1()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    {
        // A store as version 1 left it: profiles and skills, no search index yet.
        ClientStore old;
        QVERIFY2(old.openFile(path, 1), qPrintable(old.errorString()));
        QCOMPARE(old.schemaVersion(), 1);
        QSqlQuery q(old.database());
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO profiles(local_id, id, username, display_name, title) "
                                       "VALUES(7, 'u-1', 'zoe', 'Zoë Kubrick', 'Site Reliability Engineer')"))
                     && q.exec(QStringLiteral("UPDATE profiles SET phone = '+49 30 7792 0664' WHERE local_id = 7")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO skills(local_id, position, name, key, level) VALUES(7, 0, 'Kubernetes', 'kubernetes', 5)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO interests(local_id, position, text) VALUES(7, 0, 'Go (game)')")));
        QCOMPARE(scalar(old, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'profile_fts'")), 0);
    }
    ClientStore store;
    QVERIFY2(store.openFile(path), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), ClientStore::latestSchemaVersion());
    QVERIFY(ftsConsistent(store));
    const auto profile = store.profileByUsername(QStringLiteral("zoe"));
    QVERIFY(profile);
    QCOMPARE(profile->skills, (SkillList {{QStringLiteral("Kubernetes"), 5}}));
    // The migration built the index from the rows that were there.
    SearchEngine engine(&store);
    QCOMPARE(usernames(engine.search(QStringLiteral("zoe kube"))), QStringList {QStringLiteral("zoe")});
    QCOMPARE(usernames(engine.search(QStringLiteral("game"))), QStringList {QStringLiteral("zoe")});
    // And keyed the phone numbers that were there (version 12).
    QCOMPARE(usernames(engine.search(QStringLiteral("030 7792 0664"))), QStringList {QStringLiteral("zoe")});
    // And by their start (version 13).
    QCOMPARE(usernames(engine.search(QStringLiteral("+49 30 77"))), QStringList {QStringLiteral("zoe")});
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

void TestClientStore::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.db"));
    {
        ClientStore store;
        QVERIFY(store.openFile(path));
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    ClientStore store;
    QVERIFY(!store.openFile(path));
    QVERIFY2(store.errorString().contains(QLatin1String("newer")), qPrintable(store.errorString()));
    QVERIFY(!store.isOpen());
}

void TestClientStore::roundTripsProfiles()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    Profile ada = person(QStringLiteral("ada"), QStringLiteral("Ada Lovelace"),
                         {{QStringLiteral("C++"), 5}, {QStringLiteral("Node.js"), 2}}, QStringLiteral("Notes."));
    ada.email = QStringLiteral("ada@example.com");
    ada.manager = QStringLiteral("charles");
    ada.phone = QStringLiteral("+44 1");
    ada.photoTag = QStringLiteral("p1");
    Profile charles = person(QStringLiteral("charles"), QStringLiteral("Charles Babbage"));
    BatchResult result;
    QVERIFY2(store.upsertProfiles({ada, charles}, &result), qPrintable(store.errorString()));
    QCOMPARE(result.upserted, 2);
    QCOMPARE(store.profileCount(), 2);
    QCOMPARE(store.profile(ada.id), std::optional<Profile>(ada));
    QCOMPARE(store.profileByUsername(QStringLiteral("charles")), std::optional<Profile>(charles));
    QCOMPARE(store.directReports(QStringLiteral("charles")).size(), 1);
    QVERIFY(!store.profile(QStringLiteral("nobody")));
    const auto skills = store.skillUsage();
    QCOMPARE(skills.size(), 2);
}

void TestClientStore::upsertUpdatesIndex()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    SearchEngine engine(&store);
    Profile hans = person(QStringLiteral("hans"), QStringLiteral("Hans Müller"), {{QStringLiteral("Rust"), 5}},
                          QStringLiteral("Loves sailing."));
    QVERIFY(store.upsertProfiles({hans, person(QStringLiteral("eva"), QStringLiteral("Eva Stone"))}));
    QCOMPARE(usernames(engine.search(QStringLiteral("rust"))), QStringList {QStringLiteral("hans")});
    QCOMPARE(usernames(engine.search(QStringLiteral("sailing"))), QStringList {QStringLiteral("hans")});

    // Replace the skill and the bio: the old words leave the index, the new ones enter.
    hans.skills = {{QStringLiteral("Haskell"), 4}};
    hans.bio = QStringLiteral("Loves climbing.");
    QVERIFY(store.upsertProfiles({hans}));
    QVERIFY(ftsConsistent(store));
    QCOMPARE(usernames(engine.search(QStringLiteral("rust"))), list({}));
    QCOMPARE(usernames(engine.search(QStringLiteral("sailing"))), list({}));
    QCOMPARE(usernames(engine.search(QStringLiteral("haskell"))), QStringList {QStringLiteral("hans")});
    QCOMPARE(usernames(engine.search(QStringLiteral("climb"))), QStringList {QStringLiteral("hans")});
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM skills")), 1);
    QCOMPARE(store.profileCount(), 2);

    // The same profile again changes nothing and keeps the index consistent.
    QVERIFY(store.upsertProfiles({hans, hans}));
    QVERIFY(ftsConsistent(store));
    QCOMPARE(usernames(engine.search(QStringLiteral("haskell"))), QStringList {QStringLiteral("hans")});
}

void TestClientStore::deleteUpdatesIndex()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    SearchEngine engine(&store);
    QVERIFY(
        store.upsertProfiles({person(QStringLiteral("a"), QStringLiteral("Ann Rust"), {{QStringLiteral("Go"), 3}}),
                              person(QStringLiteral("b"), QStringLiteral("Ben Rust"), {{QStringLiteral("Go"), 4}})}));
    QCOMPARE(engine.search(QStringLiteral("rust")).total, 2);
    QSignalSpy changed(&store, &ClientStore::directoryChanged);
    BatchResult result;
    QVERIFY(store.removeProfiles({QStringLiteral("id-a"), QStringLiteral("id-missing")}, &result));
    QCOMPARE(result.removed, 1);
    QCOMPARE(changed.size(), 1);
    QVERIFY(ftsConsistent(store));
    QCOMPARE(usernames(engine.search(QStringLiteral("rust"))), QStringList {QStringLiteral("b")});
    QCOMPARE(usernames(engine.search(QStringLiteral("ann"))), list({}));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM skills")), 1);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM interests")), 1);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM profile_search")), 1);
    // The facets follow the deletion too.
    const SearchPage all = engine.search(QString());
    QCOMPARE(all.total, 1);
    QCOMPARE(all.departments, (QList<FacetCount> {{QStringLiteral("Platform"), 1}}));
}

void TestClientStore::usernameMovesToNewId()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    QVERIFY(store.upsertProfiles({person(QStringLiteral("kim"), QStringLiteral("Kim Old"))}));
    Profile renewed = person(QStringLiteral("kim"), QStringLiteral("Kim New"));
    renewed.id = QStringLiteral("another-id");
    QVERIFY2(store.upsertProfiles({renewed}), qPrintable(store.errorString()));
    QCOMPARE(store.profileCount(), 1);
    QCOMPARE(store.profileByUsername(QStringLiteral("kim"))->displayName, QStringLiteral("Kim New"));
    QVERIFY(ftsConsistent(store));

    // Without an id (CSV import) a username keeps the id it has.
    Profile csv = person(QStringLiteral("kim"), QStringLiteral("Kim Csv"));
    csv.id.clear();
    QVERIFY(store.upsertProfiles({csv}));
    QCOMPARE(store.profileByUsername(QStringLiteral("kim"))->id, QStringLiteral("another-id"));
    Profile fresh = person(QStringLiteral("lee"), QStringLiteral("Lee Fresh"));
    fresh.id.clear();
    QVERIFY(store.upsertProfiles({fresh}));
    const QString leeId = store.profileByUsername(QStringLiteral("lee"))->id;
    QVERIFY(!leeId.isEmpty());
    QVERIFY(store.upsertProfiles({fresh}));
    QCOMPARE(store.profileByUsername(QStringLiteral("lee"))->id, leeId);
}

void TestClientStore::batchIsOneTransaction()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    QVERIFY(store.upsertProfiles({person(QStringLiteral("keep"), QStringLiteral("Keep Me"))}));
    // Within a batch, a later upsert of the same id replaces the earlier one.
    Profile good = person(QStringLiteral("good"), QStringLiteral("Good One"));
    Profile clash = person(QStringLiteral("bad"), QStringLiteral("Bad One"));
    clash.id = good.id; // same id, different username: the second replaces the first
    DirectoryBatch batch;
    batch.upserts = {good, clash};
    batch.removedIds = {QStringLiteral("id-keep")};
    batch.syncState.insert(QStringLiteral("cursor"), QStringLiteral("42"));
    QVERIFY(store.applyBatch(batch));
    QCOMPARE(store.syncValue(QStringLiteral("cursor")), QStringLiteral("42"));
    QCOMPARE(store.profileCount(), 1);

    // A batch that fails half-way leaves nothing behind, its sync state included.
    QSqlQuery q(store.database());
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER boom BEFORE INSERT ON interests WHEN new.text = 'explode' "
                                  "BEGIN SELECT RAISE(ABORT, 'boom'); END")));
    Profile first = person(QStringLiteral("first"), QStringLiteral("First Fine"));
    Profile second = person(QStringLiteral("second"), QStringLiteral("Second Explodes"));
    second.interests = {QStringLiteral("explode")};
    DirectoryBatch failing;
    failing.upserts = {first, second};
    failing.syncState.insert(QStringLiteral("cursor"), QStringLiteral("43"));
    QVERIFY(!store.applyBatch(failing));
    QVERIFY(store.errorString().contains(QLatin1String("boom")));
    QCOMPARE(store.profileCount(), 1);
    QVERIFY(!store.profileByUsername(QStringLiteral("first")));
    QCOMPARE(store.syncValue(QStringLiteral("cursor")), QStringLiteral("42"));
    QVERIFY(ftsConsistent(store));
}

void TestClientStore::asyncBatchOnWorker()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    SearchEngine engine(&store);
    QCOMPARE(engine.search(QString()).total, 0);

    DirectoryBatch batch;
    for (int i = 0; i < 500; ++i)
        batch.upserts.append(person(QStringLiteral("user%1").arg(i), QStringLiteral("Person %1").arg(i)));
    batch.syncState.insert(QStringLiteral("cursor"), QStringLiteral("500"));
    QSignalSpy applied(&store, &ClientStore::batchApplied);
    QSignalSpy changed(&store, &ClientStore::directoryChanged);
    const int id = store.applyBatchAsync(batch);
    QVERIFY(applied.wait(20000));
    QCOMPARE(applied.at(0).at(0).toInt(), id);
    QCOMPARE(applied.at(0).at(1).toInt(), 500);
    QCOMPARE(applied.at(0).at(3).toString(), QString());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.profileCount(), 500);
    QCOMPARE(store.syncValue(QStringLiteral("cursor")), QStringLiteral("500"));
    // The engine on the store's own connection sees the worker's commit.
    QCOMPARE(engine.search(QString()).total, 500);
    QCOMPARE(engine.search(QStringLiteral("user42")).results.value(0).username, QStringLiteral("user42"));
    QVERIFY(ftsConsistent(store));
}

void TestClientStore::largeBatchWithRepeatsIntoEmptyStore()
{
    // An empty store inserts without lookups (a taken username or id fails the insert, which
    // then looks up the row to update) and indexes in runs of 1000 after the profile rows:
    // repeats before and after a run was indexed must leave one row each and a consistent index.
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    DirectoryBatch batch;
    for (int i = 0; i < 2500; ++i)
        batch.upserts.append(person(QStringLiteral("user%1").arg(i), QStringLiteral("Person %1").arg(i),
                                    {{QStringLiteral("Go"), 1 + i % 5}}));
    Profile again = batch.upserts.at(10); // the same profile, changed, after its run was indexed
    again.displayName = QStringLiteral("Renamed Ten");
    again.skills = {{QStringLiteral("Rust"), 5}, {QStringLiteral("C++"), 4}};
    Profile queued = batch.upserts.at(2450); // changed while its search row is still queued
    queued.displayName = QStringLiteral("Renamed Late");
    Profile moved = person(QStringLiteral("user20"), QStringLiteral("New Twenty")); // username, new id
    moved.id = QStringLiteral("id-new-20");
    Profile csv = person(QStringLiteral("user30"), QStringLiteral("Csv Thirty")); // no id: keeps user30's
    csv.id.clear();
    Profile clash = person(QStringLiteral("someone-else"), QStringLiteral("Clash Forty")); // user40's id
    clash.id = QStringLiteral("id-user40");
    batch.upserts.insert(1200, again);
    batch.upserts.append({queued, moved, csv, clash});
    QVERIFY2(store.applyBatch(batch), qPrintable(store.errorString()));
    QCOMPARE(store.profileCount(), 2500);
    QCOMPARE(store.profileByUsername(QStringLiteral("user10"))->displayName, QStringLiteral("Renamed Ten"));
    QCOMPARE(store.profileByUsername(QStringLiteral("user10"))->skills.size(), 2);
    QCOMPARE(store.profileByUsername(QStringLiteral("user2450"))->displayName, QStringLiteral("Renamed Late"));
    QCOMPARE(store.profileByUsername(QStringLiteral("user20"))->id, QStringLiteral("id-new-20"));
    QCOMPARE(store.profileByUsername(QStringLiteral("user30"))->id, QStringLiteral("id-user30"));
    QCOMPARE(store.profileByUsername(QStringLiteral("user30"))->displayName, QStringLiteral("Csv Thirty"));
    QVERIFY(!store.profileByUsername(QStringLiteral("user40")));
    QCOMPARE(store.profile(QStringLiteral("id-user40"))->username, QStringLiteral("someone-else"));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM skills")), 2500 - 4 + 2);
    QVERIFY(ftsConsistent(store));
    SearchEngine engine(&store);
    QCOMPARE(engine.search(QStringLiteral("renamed")).total, 2);
    QCOMPARE(engine.search(QStringLiteral("skill:rust")).total, 1);
    QCOMPARE(engine.search(QStringLiteral("person")).total, 2500 - 5);
}

void TestClientStore::syncState()
{
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    QCOMPARE(store.syncValue(QStringLiteral("missing")), QString());
    QVERIFY(store.setSyncValue(QStringLiteral("k"), QStringLiteral("v1")));
    QVERIFY(store.setSyncValue(QStringLiteral("k"), QStringLiteral("v2")));
    QCOMPARE(store.syncValue(QStringLiteral("k")), QStringLiteral("v2"));
}

void TestClientStore::logsWhoChanged()
{
    // directory_changes says, in commit order, whose indexed text was written or removed (the
    // search engine follows it), and keeps the last 5,000 entries.
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(store.open(dir.path()));
    QList<Profile> many;
    for (int i = 0; i < 7000; ++i)
        many.append(person(QStringLiteral("u%1").arg(i), QStringLiteral("Person %1").arg(i)));
    QVERIFY(store.upsertProfiles(many));
    QCOMPARE(scalar(store, QStringLiteral("SELECT max(seq) FROM directory_changes")), 7000);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM directory_changes")), 5000);
    const auto logged = [&](const QString &username) {
        return scalar(store,
                      QStringLiteral("SELECT count(*) FROM directory_changes WHERE seq > 7000 AND local_id = "
                                     "(SELECT local_id FROM profiles WHERE username = '%1')")
                          .arg(username));
    };
    Profile changed = many[3];
    changed.title = QStringLiteral("Brewer");
    QVERIFY(store.upsertProfiles({changed}));
    QCOMPARE(logged(QStringLiteral("u3")), 2); // the old text out, the new one in
    QVERIFY(store.removeProfiles({many[4].id}));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM directory_changes WHERE seq > 7002")), 1);
    QCOMPARE(scalar(store, QStringLiteral("SELECT max(seq) FROM directory_changes")), 7003);
    QVERIFY(ftsConsistent(store));
}

QTEST_GUILESS_MAIN(TestClientStore)
#include "tst_clientstore.moc"
