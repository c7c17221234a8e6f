// SPDX-License-Identifier: MIT
#include "server/storage/Migrations_p.h"
#include "server/storage/Storage.h"

#include <QAtomicInt>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <memory>

#include <sys/stat.h>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace std::chrono_literals;

namespace {

//! The schema version a fresh database reaches: the last migration's.
int latestSchema()
{
    return Internal::migrations().constLast().version;
}

Profile makeProfile(const QString &username, const QString &displayName = {})
{
    Profile p;
    p.username = username;
    p.displayName = displayName.isEmpty() ? username.toUpper() : displayName;
    p.title = u"Engineer"_qs;
    p.skills = {{u"C++"_qs, 4}, {u"Kubernetes"_qs, 3}};
    p.interests = {u"Chess"_qs};
    return p;
}

Message makeMessage(const QString &from, const QString &to, const QString &body, const QString &clientId = {})
{
    Message m;
    m.sender = from;
    m.recipient = to;
    m.body = body;
    m.clientId = clientId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : clientId;
    return m;
}

// Everything a viewer saw while syncing, by kind.
struct Seen
{
    QList<QString> profiles; // usernames
    QList<QString> removed; // ids
    QList<Message> messages;
};

//! Holds one thread's transaction just before its COMMIT (Storage::TestingHooks::beforeCommit)
//! until release(); every other thread commits as usual. The hooks go when this does.
class HeldCommit
{
public:
    explicit HeldCommit(Storage &storage, Storage::TestingHooks hooks = {})
        : m_storage(storage)
    {
        hooks.beforeCommit = [this](qint64) {
            if (QThread::currentThread() == m_holder) {
                m_inCommit.release();
                m_release.acquire();
            }
        };
        m_storage.setTestingHooks(hooks);
    }
    ~HeldCommit() { m_storage.setTestingHooks({}); }
    Q_DISABLE_COPY_MOVE(HeldCommit)

    //! Starts \a thread; true once its commit is held.
    bool start(QThread *thread)
    {
        m_holder = thread;
        thread->start();
        return m_inCommit.tryAcquire(1, 10000);
    }
    void release() { m_release.release(); }

private:
    Storage &m_storage;
    QSemaphore m_inCommit;
    QSemaphore m_release;
    QThread *m_holder = nullptr;
};

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();

    void migrationsAreIdempotent();
    void migrationsSurviveConcurrentStarts();
    void messagesSurviveConversationMigration();
    void databaseFileIsPrivate();
    void accounts();
    void sessions();
    void throttling();
    void profilesImport();
    void profilesBatchImport();
    void accountsBatchCreate();
    void profilesSaveWithRevision();
    void concurrentSavesNeverLoseAnUpdate();
    void skillsAndInterestsRoundTrip();
    void profilesAreStoredNfc();
    void profileRemovalLeavesTombstone();
    void photos();
    void messagesAreIdempotent();
    void concurrentDuplicateSendStoresOnce();
    void messageToUnknownRecipient();
    void markRead();
    void syncPagingAndVisibility();
    void syncReadKeepsOnePlan();
    void startOverAfterPurge();
    void changedIsEmitted();
    void lateCommitIsNeverSkipped();
    void unserializedSequenceWouldSkip();
    void concurrentWriters();
    void twoInstancesNotifyEachOther();
    void commitNamesItsAudienceAtOnce();
    void syncStatusesFollowAnotherInstance();
    void syncStatusesThroughCompaction();
    void statusPagesFromMemory();
    void presenceBatchNamesEveryChange();
    void audiencesOfSequenceValues();
    void statusSweepAndRemoval();
    void databaseFailuresAreErrors();

private:
    bool isPostgres() const { return m_config.backend == StorageConfig::Backend::Postgres; }
    std::unique_ptr<Storage> openStorage();
    Storage &storage();
    void createAccounts(const QStringList &usernames);
    Seen syncAll(const QString &viewer, qint64 *cursor, int limit = 3);

    StorageConfig m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_pgDatabase;
    std::unique_ptr<Storage> m_storage;
};

// ---- fixture --------------------------------------------------------------------------

void TestStorage::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addRow("sqlite") << u"sqlite"_qs;
    QTest::addRow("postgres") << u"postgres"_qs;
}

namespace {

// An administrative connection to the test server, for creating fresh databases.
QSqlDatabase adminDatabase(const StorageConfig &server)
{
    const QString name = u"tst_storage-admin"_qs;
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = server.addConnection(name, u"tst_storage");
    db.open();
    return db;
}

} // namespace

void TestStorage::init()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend == u"sqlite") {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_config = StorageConfig::sqlite(m_dir->filePath(u"data"_qs));
        return;
    }
    const QString url = qEnvironmentVariable("COLLEAGUES_TEST_PG");
    if (url.isEmpty()) {
        if (qEnvironmentVariable("CI") == u"true")
            QFAIL("COLLEAGUES_TEST_PG is not set; with CI=true the PostgreSQL tests must run.");
        QSKIP("COLLEAGUES_TEST_PG is not set (scripts/postgres-env.sh sets it)");
    }
    const auto server = StorageConfig::fromUrl(url);
    QVERIFY2(server, "COLLEAGUES_TEST_PG is not a valid postgresql:// URL");
    QSqlDatabase admin = adminDatabase(*server);
    QVERIFY2(admin.isOpen(), qPrintable(admin.lastError().text()));
    m_pgDatabase = u"colleagues_tst_%1_%2"_qs.arg(QCoreApplication::applicationPid())
                       .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    QSqlQuery query(admin);
    QVERIFY2(query.exec(u"CREATE DATABASE %1"_qs.arg(m_pgDatabase)), qPrintable(query.lastError().text()));
    m_config = *server;
    m_config.databaseName = m_pgDatabase;
    m_config.databaseUrl.clear();
}

void TestStorage::cleanup()
{
    m_storage.reset();
    if (!m_pgDatabase.isEmpty()) {
        QSqlQuery query(QSqlDatabase::database(u"tst_storage-admin"_qs));
        if (!query.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_qs.arg(m_pgDatabase)))
            qWarning() << "cannot drop" << m_pgDatabase << query.lastError().text();
        m_pgDatabase.clear();
    }
    m_dir.reset();
}

std::unique_ptr<Storage> TestStorage::openStorage()
{
    auto storage = Storage::create(m_config);
    const auto opened = storage->open();
    if (!opened) {
        qWarning() << "open failed:" << opened.error().message;
        return nullptr;
    }
    return storage;
}

Storage &TestStorage::storage()
{
    if (!m_storage)
        m_storage = openStorage();
    Q_ASSERT(m_storage);
    return *m_storage;
}

void TestStorage::createAccounts(const QStringList &usernames)
{
    for (const QString &username : usernames)
        QVERIFY(storage().createAccount(username, "hash", Role::Member));
}

// Pages through everything after *cursor, advancing it.
Seen TestStorage::syncAll(const QString &viewer, qint64 *cursor, int limit)
{
    Seen seen;
    for (int pages = 0; pages < 10000; ++pages) {
        const auto page = storage().changesSince(viewer, *cursor, limit);
        if (!page || page->startOver) {
            qWarning() << "sync failed or asked to start over";
            break;
        }
        for (const Profile &p : page->profiles)
            seen.profiles.append(p.username);
        seen.removed.append(page->removedIds);
        seen.messages.append(page->messages);
        if (page->next < *cursor)
            qWarning() << "cursor went backwards";
        *cursor = page->next;
        if (!page->hasMore)
            break;
    }
    return seen;
}

// ---- schema -----------------------------------------------------------------------------

void TestStorage::migrationsAreIdempotent()
{
    {
        auto first = openStorage();
        QVERIFY(first);
        QCOMPARE(first->schemaVersion(), latestSchema());
        QVERIFY(first->createAccount(u"ada"_qs, "hash", Role::Admin));
    }
    auto second = openStorage();
    QVERIFY(second);
    QCOMPARE(second->schemaVersion(), latestSchema());
    const auto ada = second->account(u"ada"_qs);
    QVERIFY(ada);
    QCOMPARE(ada->role, Role::Admin);
    QCOMPARE(second->latestSequence(), 0);
}

void TestStorage::messagesSurviveConversationMigration()
{
    // A database of schema 7 with messages, made by the statements of migrations 1 to 7.
    const QString name = u"tst_storage-v7"_qs;
    {
        if (!isPostgres())
            QVERIFY(QDir().mkpath(m_config.dataDir));
        QSqlDatabase db = m_config.addConnection(name, u"tst_storage");
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        const auto run = [&q](const QString &sql) {
            if (!q.exec(sql))
                qWarning() << sql << q.lastError().text();
            return q.lastError().type() == QSqlError::NoError;
        };
        QVERIFY(run(u"CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                    " applied_at BIGINT NOT NULL)"_qs));
        for (const Internal::Migration &m : Internal::migrations()) {
            if (m.version > 7)
                break;
            for (const QString &statement : isPostgres() ? m.postgres : m.sqlite)
                QVERIFY(run(statement));
            QVERIFY(run(u"INSERT INTO schema_version VALUES (%1, 'test', 0)"_qs.arg(m.version)));
        }
        QVERIFY(run(u"INSERT INTO accounts (username, created_at) VALUES ('ada', 0), ('grace', 0)"_qs));
        QVERIFY(run(u"INSERT INTO messages (client_id, sender, recipient, body, sent_at, seq, change_seq, read_at)"
                    " VALUES ('k1', 'ada', 'grace', 'first', 1000, 1, 3, 2000),"
                    " ('k2', 'grace', 'ada', 'second', 1001, 2, 2, NULL)"_qs));
        QVERIFY(run(u"UPDATE change_counter SET value = 3"_qs));
    }
    QSqlDatabase::removeDatabase(name);

    Storage &s = storage();
    QCOMPARE(s.schemaVersion(), latestSchema());
    auto page = s.changesSince(u"grace"_qs, 0, 100);
    QVERIFY(page);
    QCOMPARE(page->messages.size(), 2);
    const Message second = page->messages.at(0);
    const Message first = page->messages.at(1);
    QCOMPARE(first.body, u"first"_qs);
    QCOMPARE(first.recipient, u"grace"_qs);
    QVERIFY(first.conversation.isEmpty());
    QCOMPARE(first.readAt, QDateTime::fromMSecsSinceEpoch(2000, Qt::UTC));
    QCOMPARE(second.clientId, u"k2"_qs);
    QVERIFY(!second.readAt.isValid());
    // The ids go on from the old ones; the old keys still guard against a second send.
    const auto again = s.sendMessage(makeMessage(u"ada"_qs, u"grace"_qs, u"first"_qs, u"k1"_qs));
    QVERIFY(again);
    QVERIFY(again->duplicate);
    QCOMPARE(again->message.id, first.id);
    const auto next = s.sendMessage(makeMessage(u"ada"_qs, u"grace"_qs, u"third"_qs));
    QVERIFY(next);
    QVERIFY(next->message.id > qMax(first.id, second.id));
    QCOMPARE(s.markRead(u"ada"_qs, u"grace"_qs, second.id).value(), 1);
    // And the new tables work in it.
    ConversationRequest request {QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 ConversationKind::Group,
                                 u"After the migration"_qs,
                                 {u"grace"_qs}};
    const auto created = s.createConversation(u"ada"_qs, request);
    QVERIFY(created);
    QCOMPARE(created->status, ConversationOutcome::Status::Changed);
    Message toGroup = makeMessage(u"grace"_qs, {}, u"hello group"_qs);
    toGroup.conversation = request.id;
    const auto sent = s.sendMessage(toGroup);
    QVERIFY2(sent, sent ? "" : qPrintable(sent.error().message));
    QCOMPARE(sent->audience.size(), 2);
}

void TestStorage::databaseFileIsPrivate()
{
    if (isPostgres())
        QSKIP("the database file is SQLite's");
    // A data folder someone else made, open to all, and a umask that would leave new files 0644.
    QVERIFY(QDir().mkpath(m_config.dataDir));
    QVERIFY(QFile::setPermissions(m_config.dataDir,
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                      | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    const mode_t previous = ::umask(022);
    auto opened = openStorage();
    ::umask(previous);
    QVERIFY(opened);
    QVERIFY(opened->createAccount(u"ada"_qs, "hash", Role::Member)); // a write: -wal and -shm exist
    const QString db = m_config.sqliteFile();
    for (const QString &path : {db, db + u"-wal"_qs, db + u"-shm"_qs}) {
        struct stat st
        {
        };
        QVERIFY2(::stat(QFile::encodeName(path).constData(), &st) == 0, qPrintable(path));
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
    }
}

void TestStorage::migrationsSurviveConcurrentStarts()
{
    // Several server processes starting at once on one fresh database.
    QList<QThread *> threads;
    QAtomicInt succeeded = 0;
    for (int i = 0; i < 4; ++i) {
        threads.append(QThread::create([this, &succeeded] {
            auto storage = Storage::create(m_config);
            const auto opened = storage->open();
            if (opened && storage->schemaVersion() == latestSchema())
                succeeded.ref();
            else if (!opened)
                qWarning() << "concurrent open failed:" << opened.error().message;
        }));
    }
    for (QThread *t : std::as_const(threads))
        t->start();
    for (QThread *t : std::as_const(threads)) {
        QVERIFY(t->wait(60000));
        delete t;
    }
    QCOMPARE(succeeded.loadRelaxed(), 4);
}

// ---- accounts, sessions, throttling -------------------------------------------------------

void TestStorage::accounts()
{
    Storage &s = storage();
    const auto created = s.createAccount(u"ada"_qs, "$argon2id$hash", Role::Member);
    QVERIFY(created);
    QVERIFY(created->id > 0);
    QCOMPARE(s.accountCount(), 1);

    const auto duplicate = s.createAccount(u"ada"_qs, "other", Role::Admin);
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().code, Error::Code::Duplicate);
    QCOMPARE(duplicate.error().field, u"username"_qs);
    QVERIFY(!isDatabaseFailure(duplicate.error()));

    const auto invalid = s.createAccount(u"Not Valid"_qs, "x", Role::Member);
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().field, u"username"_qs);

    auto ada = s.account(u"ada"_qs);
    QVERIFY(ada);
    QCOMPARE(ada->username, u"ada"_qs);
    QCOMPARE(ada->passwordHash, QByteArray("$argon2id$hash"));
    QCOMPARE(ada->role, Role::Member);
    QVERIFY(!ada->disabled);
    QVERIFY(!s.account(u"nobody"_qs));
    const auto notThere = s.findAccount(u"nobody"_qs);
    QVERIFY(notThere);
    QVERIFY(!notThere->has_value());

    QVERIFY(!ada->mustChangePassword);
    QVERIFY(s.setPasswordHash(u"ada"_qs, "new", true));
    QVERIFY(s.setRole(u"ada"_qs, Role::Admin));
    QVERIFY(s.setDisabled(u"ada"_qs, true));
    ada = s.account(u"ada"_qs);
    QCOMPARE(ada->passwordHash, QByteArray("new"));
    QCOMPARE(ada->role, Role::Admin);
    QVERIFY(ada->disabled);
    QVERIFY(ada->mustChangePassword);
    QVERIFY(s.changeOwnPassword(u"ada"_qs, "mine", {}));
    ada = s.account(u"ada"_qs);
    QCOMPARE(ada->passwordHash, QByteArray("mine"));
    QVERIFY(!ada->mustChangePassword);

    const auto unknown = s.setPasswordHash(u"nobody"_qs, "x");
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, Error::Code::OutOfRange);
    QCOMPARE(unknown.error().field, u"username"_qs);
    QVERIFY(!s.setDisabled(u"nobody"_qs, true));
    QVERIFY(!s.setRole(u"nobody"_qs, Role::Admin));
}

void TestStorage::sessions()
{
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs});
    const QDateTime later = QDateTime::currentDateTimeUtc().addDays(1);
    QVERIFY(s.createSession({"hash-1", u"ada"_qs, Role::Member, later}));
    QVERIFY(s.createSession({"hash-2", u"ada"_qs, Role::Member, later}));
    QVERIFY(s.createSession({"hash-3", u"bob"_qs, Role::Member, later}));
    QVERIFY(s.createSession({"expired", u"bob"_qs, Role::Member, QDateTime::currentDateTimeUtc().addSecs(-1)}));
    const auto unknown = s.createSession({"hash-x", u"nobody"_qs, Role::Member, later});
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().field, u"username"_qs);

    auto session = s.session("hash-1");
    QVERIFY(session);
    QCOMPARE(session->username, u"ada"_qs);
    QCOMPARE(session->role, Role::Member);
    QCOMPARE(session->expiresAt.toMSecsSinceEpoch(), later.toMSecsSinceEpoch());
    QVERIFY(!s.session("expired"));
    QVERIFY(!s.session("unknown"));

    // The session carries the account's current role.
    QVERIFY(s.setRole(u"ada"_qs, Role::Admin));
    QCOMPARE(s.session("hash-1")->role, Role::Admin);

    QCOMPARE(s.deleteSession("hash-1").value(), true);
    QVERIFY(!s.session("hash-1"));
    QCOMPARE(s.deleteSession("hash-1").value(), false);

    // Disabling revokes every session of the account at once.
    QVERIFY(s.setDisabled(u"ada"_qs, true));
    QVERIFY(!s.session("hash-2"));
    QVERIFY(s.setDisabled(u"ada"_qs, false));
    QVERIFY(!s.session("hash-2"));

    QVERIFY(s.session("hash-3"));
    QVERIFY(s.deleteSessionsOf(u"bob"_qs));
    QVERIFY(!s.session("hash-3"));

    // Housekeeping removes expired sessions.
    QVERIFY(s.createSession({"soon", u"bob"_qs, Role::Member, QDateTime::currentDateTimeUtc().addMSecs(-5)}));
    QVERIFY(s.housekeeping().value() >= 1);
}

void TestStorage::throttling()
{
    Storage &s = storage();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(s.recordFailedSignIn(u"user:ada"_qs, now.addSecs(-3600)).value(), 1);
    QCOMPARE(s.recordFailedSignIn(u"user:ada"_qs, now.addSecs(-60)).value(), 2);
    QCOMPARE(s.recordFailedSignIn(u"user:ada"_qs, now).value(), 3);
    QCOMPARE(s.recordFailedSignIn(u"addr:127.0.0.1"_qs, now).value(), 1);
    QCOMPARE(s.failedSignInsSince(u"user:ada"_qs, now.addSecs(-15 * 60)), 2);
    QCOMPARE(s.failedSignInsSince(u"user:ada"_qs, now.addSecs(-2 * 3600)), 3);
    QCOMPARE(s.failedSignInsSince(u"user:bob"_qs, now.addSecs(-2 * 3600)), 0);

    // Shared by all instances on one database.
    auto other = openStorage();
    QCOMPARE(other->failedSignInsSince(u"user:ada"_qs, now.addSecs(-15 * 60)), 2);

    QVERIFY(s.clearFailedSignIns(u"user:ada"_qs));
    QCOMPARE(s.failedSignInsSince(u"user:ada"_qs, now.addSecs(-2 * 3600)), 0);
    QCOMPARE(s.failedSignInsSince(u"addr:127.0.0.1"_qs, now.addSecs(-60)), 1);
}

// ---- profiles ---------------------------------------------------------------------------

void TestStorage::profilesImport()
{
    Storage &s = storage();
    const auto created = s.importProfile(makeProfile(u"ada"_qs));
    QVERIFY(created);
    QCOMPARE(created->status, UpsertOutcome::Status::Created);
    QCOMPARE(created->profile.revision, 1);
    QVERIFY(!QUuid::fromString(created->profile.id).isNull());
    QVERIFY(created->profile.updatedAt.isValid());
    QCOMPARE(s.profileCount(), 1);
    const qint64 afterCreate = s.latestSequence();
    QVERIFY(afterCreate > 0);

    const auto unchanged = s.importProfile(makeProfile(u"ada"_qs));
    QCOMPARE(unchanged->status, UpsertOutcome::Status::Unchanged);
    QCOMPARE(unchanged->profile.revision, 1);
    QCOMPARE(s.latestSequence(), afterCreate); // no change for clients to sync

    Profile edited = makeProfile(u"ada"_qs);
    edited.title = u"Principal Engineer"_qs;
    edited.id = u"ignored"_qs;
    const auto updated = s.importProfile(edited);
    QCOMPARE(updated->status, UpsertOutcome::Status::Updated);
    QCOMPARE(updated->profile.revision, 2);
    QCOMPARE(updated->profile.id, created->profile.id);
    QVERIFY(s.latestSequence() > afterCreate);

    const auto stored = s.profile(u"ada"_qs);
    QVERIFY(stored);
    QCOMPARE(*stored, updated->profile);
    QCOMPARE(stored->skills, (SkillList {{u"C++"_qs, 4}, {u"Kubernetes"_qs, 3}}));
    QCOMPARE(stored->interests, QStringList {u"Chess"_qs});

    // upsertProfile is the same operation.
    edited.title = u"Fellow"_qs;
    QCOMPARE(s.upsertProfile(edited)->revision, 3);

    Profile invalid = makeProfile(u"bob"_qs);
    invalid.email = u"not an email"_qs;
    const auto rejected = s.importProfile(invalid);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().field, u"email"_qs);
}

void TestStorage::profilesBatchImport()
{
    Storage &s = storage();
    Profile invalid = makeProfile(u"bad"_qs);
    invalid.email = u"nope"_qs;
    Profile adaAgain = makeProfile(u"ada"_qs);
    adaAgain.title = u"CTO"_qs;
    const auto outcomes = s.importProfiles({makeProfile(u"ada"_qs), invalid, makeProfile(u"bob"_qs), adaAgain});
    QVERIFY(outcomes);
    QCOMPARE(outcomes->size(), 4);
    QCOMPARE(outcomes->at(0)->status, UpsertOutcome::Status::Created);
    QVERIFY(!outcomes->at(1));
    QCOMPARE(outcomes->at(1).error().field, u"email"_qs);
    QCOMPARE(outcomes->at(2)->status, UpsertOutcome::Status::Created);
    // The same username twice in one batch: the second updates the first.
    QCOMPARE(outcomes->at(3)->status, UpsertOutcome::Status::Updated);
    QCOMPARE(outcomes->at(3)->profile.revision, 2);
    QCOMPARE(s.profileCount(), 2);
    QCOMPARE(s.profile(u"ada"_qs)->title, u"CTO"_qs);
    QCOMPARE(s.latestSequence(), 3);

    const auto again = s.importProfiles({adaAgain, makeProfile(u"bob"_qs)});
    QCOMPARE(again->at(0)->status, UpsertOutcome::Status::Unchanged);
    QCOMPARE(again->at(1)->status, UpsertOutcome::Status::Unchanged);
    QCOMPARE(s.latestSequence(), 3);
    QVERIFY(s.importProfiles({})->isEmpty());
}

void TestStorage::accountsBatchCreate()
{
    Storage &s = storage();
    const auto account = [](const QString &username, const QByteArray &hash, Role role) {
        Account a;
        a.username = username;
        a.passwordHash = hash;
        a.role = role;
        return a;
    };
    const auto created =
        s.createAccounts({account(u"ada"_qs, "hash-a", Role::Admin), account(u"bob"_qs, {}, Role::Member)});
    QVERIFY(created);
    QCOMPARE(*created, (QStringList {u"ada"_qs, u"bob"_qs}));
    QCOMPARE(s.account(u"ada"_qs)->role, Role::Admin);
    QCOMPARE(s.account(u"ada"_qs)->passwordHash, QByteArray("hash-a"));
    QVERIFY(s.account(u"bob"_qs)->passwordHash.isEmpty());

    // Existing accounts are left alone.
    const auto more = s.createAccounts({account(u"bob"_qs, "new", Role::Admin), account(u"cy"_qs, {}, Role::Member)});
    QCOMPARE(*more, QStringList {u"cy"_qs});
    QVERIFY(s.account(u"bob"_qs)->passwordHash.isEmpty());
    QCOMPARE(s.account(u"bob"_qs)->role, Role::Member);

    const auto invalid =
        s.createAccounts({account(u"dee"_qs, {}, Role::Member), account(u"Not OK"_qs, {}, Role::Member)});
    QVERIFY(!invalid);
    QVERIFY(!s.account(u"dee"_qs));
    QCOMPARE(s.accountCount(), 3);
}

void TestStorage::profilesSaveWithRevision()
{
    Storage &s = storage();
    // Revision 0 creates a profile that does not exist yet.
    auto saved = s.saveProfile(makeProfile(u"ada"_qs), 0, false);
    QVERIFY(saved);
    QCOMPARE(saved->status, SaveOutcome::Status::Saved);
    QCOMPARE(saved->profile.revision, 1);

    Profile edit = saved->profile;
    edit.bio = u"Writes programs."_qs;
    saved = s.saveProfile(edit, 1, false);
    QCOMPARE(saved->status, SaveOutcome::Status::Saved);
    QCOMPARE(saved->profile.revision, 2);
    QCOMPARE(saved->profile.bio, edit.bio);

    // Someone else saved revision 2 meanwhile: stale, with the current profile.
    Profile late = edit;
    late.bio = u"Late edit"_qs;
    const auto stale = s.saveProfile(late, 1, false);
    QCOMPARE(stale->status, SaveOutcome::Status::Stale);
    QCOMPARE(stale->profile.revision, 2);
    QCOMPARE(stale->profile.bio, u"Writes programs."_qs);
    QCOMPARE(s.profile(u"ada"_qs)->bio, u"Writes programs."_qs);

    // Saving identical content is not a change.
    const qint64 before = s.latestSequence();
    const auto same = s.saveProfile(saved->profile, 2, false);
    QCOMPARE(same->status, SaveOutcome::Status::Saved);
    QCOMPARE(same->profile.revision, 2);
    QCOMPARE(s.latestSequence(), before);

    QCOMPARE(s.saveProfile(makeProfile(u"nobody"_qs), 3, false)->status, SaveOutcome::Status::NotFound);
    // Creating over an existing profile with revision 0 is stale too.
    QCOMPARE(s.saveProfile(makeProfile(u"ada"_qs), 0, false)->status, SaveOutcome::Status::Stale);
}

/*
 * Two owners' edits with the same If-Match revision at once: exactly one is saved, the other
 * is stale. Writer A is held just before COMMIT while B starts; B must not read the revision
 * until A committed (on PostgreSQL a plain READ COMMITTED read would see the old revision,
 * and B would overwrite A's edit).
 */
void TestStorage::concurrentSavesNeverLoseAnUpdate()
{
    Storage &s = storage();
    const auto ada = s.importProfile(makeProfile(u"ada"_qs));
    QVERIFY(ada);
    const qint64 revision = ada->profile.revision;

    HeldCommit held(s);

    Profile editA = ada->profile;
    editA.title = u"Edit A"_qs;
    Profile editB = ada->profile;
    editB.title = u"Edit B"_qs;
    SaveOutcome::Status statusA = SaveOutcome::Status::NotFound;
    SaveOutcome::Status statusB = SaveOutcome::Status::NotFound;
    std::unique_ptr<QThread> a(QThread::create([&] { statusA = s.saveProfile(editA, revision, false)->status; }));
    QVERIFY(held.start(a.get()));
    std::unique_ptr<QThread> b(QThread::create([&] { statusB = s.saveProfile(editB, revision, false)->status; }));
    b->start();
    QTest::qWait(200); // B reaches its read while A is uncommitted (if nothing holds it back)
    held.release();
    QVERIFY(a->wait(10000));
    QVERIFY(b->wait(10000));

    QCOMPARE(statusA, SaveOutcome::Status::Saved);
    QCOMPARE(statusB, SaveOutcome::Status::Stale);
    QCOMPARE(s.profile(u"ada"_qs)->title, u"Edit A"_qs);
    QCOMPARE(s.profile(u"ada"_qs)->revision, revision + 1);
}

void TestStorage::skillsAndInterestsRoundTrip()
{
    Storage &s = storage();
    Profile p = makeProfile(u"ada"_qs);
    p.skills = {{u"a,b}{"_qs, 1}, {u"Quote \"x\""_qs, 2}, {u"Back\\slash"_qs, 5}, {u"\u65e5\u672c\u8a9e"_qs, 4},
                {u"[x]"_qs, 3},   {u"level\":9"_qs, 3}};
    p.interests = {u"\",\""_qs, u"Zo\u00eb"_qs, u"{}"_qs, u"a\\"_qs};
    QVERIFY(s.importProfile(p));
    const auto stored = s.profile(u"ada"_qs);
    QCOMPARE(stored->skills, p.skills);
    QCOMPARE(stored->interests, p.interests);
    qint64 cursor = 0;
    const auto page = s.changesSince(u"ada"_qs, cursor, 10);
    QCOMPARE(page->profiles.first().skills, p.skills);
    QCOMPARE(page->profiles.first().interests, p.interests);

    // And the common case, no escapes, including empty lists.
    Profile plain = makeProfile(u"bob"_qs);
    plain.interests.clear();
    QVERIFY(s.importProfile(plain));
    QCOMPARE(s.profile(u"bob"_qs)->skills, plain.skills);
    QVERIFY(s.profile(u"bob"_qs)->interests.isEmpty());
    plain.skills.clear();
    QVERIFY(s.importProfile(plain));
    QVERIFY(s.profile(u"bob"_qs)->skills.isEmpty());
}

void TestStorage::profilesAreStoredNfc()
{
    Storage &s = storage();
    Profile p = makeProfile(u"zoe"_qs, u"Zoe\u0308 Mu\u0308ller"_qs); // decomposed
    p.skills = {{u"Franc\u0327ais"_qs, 5}};
    QVERIFY(s.importProfile(p));
    const auto stored = s.profile(u"zoe"_qs);
    QCOMPARE(stored->displayName, u"Zo\u00eb M\u00fcller"_qs);
    QCOMPARE(stored->skills.first().name, u"Fran\u00e7ais"_qs);
}

void TestStorage::profileRemovalLeavesTombstone()
{
    Storage &s = storage();
    const auto ada = s.importProfile(makeProfile(u"ada"_qs));
    QVERIFY(s.importProfile(makeProfile(u"bob"_qs)));
    QVERIFY(s.setPhoto(u"ada"_qs, {"png-bytes", "image/png", {}}));
    qint64 cursor = 0;
    syncAll(u"bob"_qs, &cursor);

    QCOMPARE(s.removeProfile(u"ada"_qs).value(), true);
    QCOMPARE(s.removeProfile(u"ada"_qs).value(), false);
    QCOMPARE(s.removeProfile(u"nobody"_qs).value(), false);
    QVERIFY(!s.profile(u"ada"_qs));
    QVERIFY(!s.photo(u"ada"_qs));
    QCOMPARE(s.profileCount(), 1);

    Seen seen = syncAll(u"bob"_qs, &cursor);
    QCOMPARE(seen.removed, QList<QString> {ada->profile.id});
    QVERIFY(seen.profiles.isEmpty());

    // A full sync does not list removed profiles as profiles.
    qint64 fresh = 0;
    seen = syncAll(u"bob"_qs, &fresh);
    QCOMPARE(seen.profiles, QList<QString> {u"bob"_qs});

    // Importing the person again brings the profile back under its old id.
    const auto again = s.importProfile(makeProfile(u"ada"_qs));
    QCOMPARE(again->status, UpsertOutcome::Status::Created);
    QCOMPARE(again->profile.id, ada->profile.id);
    QVERIFY(again->profile.revision > ada->profile.revision);
    QVERIFY(again->profile.photoTag.isEmpty());
    seen = syncAll(u"bob"_qs, &cursor);
    QCOMPARE(seen.profiles, QList<QString> {u"ada"_qs});
}

void TestStorage::photos()
{
    Storage &s = storage();
    QVERIFY(s.importProfile(makeProfile(u"ada"_qs)));
    const auto withPhoto = s.setPhoto(u"ada"_qs, {"jpeg-bytes", "image/jpeg", u"tag-1"_qs});
    QVERIFY(withPhoto);
    QCOMPARE(withPhoto->photoTag, u"tag-1"_qs);
    QCOMPARE(withPhoto->revision, 2);
    const auto photo = s.photo(u"ada"_qs);
    QVERIFY(photo);
    QCOMPARE(photo->data, QByteArray("jpeg-bytes"));
    QCOMPARE(photo->mimeType, QByteArray("image/jpeg"));
    QCOMPARE(photo->tag, u"tag-1"_qs);
    QCOMPARE(s.profile(u"ada"_qs)->photoTag, u"tag-1"_qs);

    // Binary data survives, and a tag is derived when none is given.
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(static_cast<char>(i));
    const auto derived = s.setPhoto(u"ada"_qs, {binary, "image/png", {}});
    QCOMPARE(derived->photoTag.size(), 32);
    QCOMPARE(s.photo(u"ada"_qs)->data, binary);

    const auto removed = s.setPhoto(u"ada"_qs, {});
    QVERIFY(removed->photoTag.isEmpty());
    QVERIFY(!s.photo(u"ada"_qs));

    const auto nobody = s.setPhoto(u"nobody"_qs, {"x", "image/png", {}});
    QVERIFY(!nobody);
    QCOMPARE(nobody.error().field, u"username"_qs);
}

// ---- messages ---------------------------------------------------------------------------

void TestStorage::messagesAreIdempotent()
{
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs});
    const Message m = makeMessage(u"ada"_qs, u"bob"_qs, u"Hello Bob"_qs);
    const auto first = s.sendMessage(m);
    QVERIFY(first);
    QVERIFY(!first->duplicate);
    QVERIFY(first->message.id > 0);
    QVERIFY(first->message.sequence > 0);
    QVERIFY(first->message.sentAt.isValid());
    QCOMPARE(first->message.clientId, m.clientId);

    const qint64 before = s.latestSequence();
    Message again = m;
    again.body = u"Different body, same key"_qs;
    const auto second = s.sendMessage(again);
    QVERIFY(second);
    QVERIFY(second->duplicate);
    QCOMPARE(second->message, first->message);
    QCOMPARE(s.latestSequence(), before);

    // The key is per sender: bob may use the same one.
    const auto bobs = s.sendMessage(makeMessage(u"bob"_qs, u"ada"_qs, u"Hi"_qs, m.clientId));
    QVERIFY(!bobs->duplicate);

    qint64 cursor = 0;
    const Seen seen = syncAll(u"bob"_qs, &cursor);
    QCOMPARE(seen.messages.size(), 2);
    QCOMPARE(seen.messages.first(), first->message);
}

void TestStorage::concurrentDuplicateSendStoresOnce()
{
    createAccounts({u"ada"_qs, u"bob"_qs});
    for (int round = 0; round < 5; ++round) {
        const Message m = makeMessage(u"ada"_qs, u"bob"_qs, u"Twice at once %1"_qs.arg(round));
        QSemaphore go;
        QMutex mutex;
        QList<SendOutcome> outcomes;
        QList<QThread *> threads;
        for (int i = 0; i < 3; ++i) {
            threads.append(QThread::create([&] {
                go.acquire();
                const auto outcome = storage().sendMessage(m);
                QMutexLocker locker(&mutex);
                if (outcome)
                    outcomes.append(*outcome);
            }));
            threads.last()->start();
        }
        go.release(3);
        for (QThread *t : std::as_const(threads)) {
            QVERIFY(t->wait(30000));
            delete t;
        }
        QCOMPARE(outcomes.size(), 3);
        QCOMPARE(std::count_if(outcomes.cbegin(), outcomes.cend(), [](const SendOutcome &o) { return !o.duplicate; }),
                 1);
        for (const SendOutcome &o : std::as_const(outcomes))
            QCOMPARE(o.message.id, outcomes.first().message.id);
    }
    qint64 cursor = 0;
    QCOMPARE(syncAll(u"bob"_qs, &cursor).messages.size(), 5);
}

void TestStorage::messageToUnknownRecipient()
{
    Storage &s = storage();
    createAccounts({u"ada"_qs});
    const auto toNobody = s.sendMessage(makeMessage(u"ada"_qs, u"nobody"_qs, u"Hello?"_qs));
    QVERIFY(!toNobody);
    QCOMPARE(toNobody.error().field, u"to"_qs);
    QVERIFY(!isDatabaseFailure(toNobody.error()));
    const auto fromNobody = s.sendMessage(makeMessage(u"nobody"_qs, u"ada"_qs, u"Hello?"_qs));
    QVERIFY(!fromNobody);
    QCOMPARE(fromNobody.error().field, u"from"_qs);
    const auto empty = s.sendMessage(makeMessage(u"ada"_qs, u"ada"_qs, QString()));
    QVERIFY(!empty);
    QCOMPARE(empty.error().field, u"body"_qs);
    QCOMPARE(s.latestSequence(), 0);
}

void TestStorage::markRead()
{
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs});
    QList<Message> sent;
    for (int i = 0; i < 3; ++i)
        sent.append(s.sendMessage(makeMessage(u"ada"_qs, u"bob"_qs, u"m%1"_qs.arg(i)))->message);
    const auto reply = s.sendMessage(makeMessage(u"bob"_qs, u"ada"_qs, u"reply"_qs))->message;
    qint64 adaCursor = 0;
    syncAll(u"ada"_qs, &adaCursor);

    QCOMPARE(s.markRead(u"bob"_qs, u"ada"_qs, sent.at(1).id).value(), 2);
    QCOMPARE(s.markRead(u"bob"_qs, u"ada"_qs, sent.at(1).id).value(), 0); // already read
    QCOMPARE(s.markRead(u"ada"_qs, u"bob"_qs, sent.at(2).id).value(), 0); // ada received none up to there

    // The sender sees the read receipts as changed messages, each once.
    const Seen seen = syncAll(u"ada"_qs, &adaCursor, 1);
    QCOMPARE(seen.messages.size(), 2);
    for (const Message &m : seen.messages) {
        QVERIFY(m.readAt.isValid());
        QVERIFY(m.id == sent.at(0).id || m.id == sent.at(1).id);
    }
    QCOMPARE(seen.messages.at(0).sequence, sent.at(0).sequence); // seq stays the send's position

    QCOMPARE(s.markRead(u"bob"_qs, u"ada"_qs, reply.id + 100).value(), 1);
    QCOMPARE(s.markRead(u"ada"_qs, u"bob"_qs, reply.id).value(), 1);
}

// ---- sync -------------------------------------------------------------------------------

void TestStorage::syncPagingAndVisibility()
{
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs, u"cy"_qs});
    for (const QString &name : {u"ada"_qs, u"bob"_qs, u"cy"_qs, u"dee"_qs, u"eve"_qs})
        QVERIFY(s.importProfile(makeProfile(name)));
    QSet<qint64> adasMessages;
    const auto send = [&](const QString &from, const QString &to) {
        const auto sent = s.sendMessage(makeMessage(from, to, u"%1 to %2"_qs.arg(from, to)));
        if (sent && (from == u"ada" || to == u"ada"))
            adasMessages.insert(sent->message.id);
    };
    send(u"ada"_qs, u"bob"_qs);
    send(u"bob"_qs, u"cy"_qs);
    send(u"cy"_qs, u"ada"_qs);
    send(u"bob"_qs, u"cy"_qs);
    send(u"ada"_qs, u"ada"_qs); // a note to self appears once
    send(u"cy"_qs, u"bob"_qs);

    for (int limit : {1, 2, 3, 100}) {
        qint64 cursor = 0;
        qint64 previous = 0;
        Seen seen;
        int pages = 0;
        while (true) {
            const auto page = s.changesSince(u"ada"_qs, cursor, limit);
            QVERIFY(page);
            QVERIFY(!page->startOver);
            QVERIFY(page->profiles.size() + page->removedIds.size() + page->messages.size() <= limit);
            seen.profiles.append([&] {
                QList<QString> names;
                for (const Profile &p : page->profiles)
                    names.append(p.username);
                return names;
            }());
            seen.messages.append(page->messages);
            QVERIFY(page->next >= previous);
            previous = cursor = page->next;
            ++pages;
            if (!page->hasMore)
                break;
        }
        QCOMPARE(seen.profiles.size(), 5);
        QCOMPARE(QSet<QString>(seen.profiles.cbegin(), seen.profiles.cend()).size(), 5);
        QSet<qint64> ids;
        for (const Message &m : std::as_const(seen.messages)) {
            QVERIFY2(m.sender == u"ada" || m.recipient == u"ada", "a message between others leaked");
            ids.insert(m.id);
        }
        QCOMPARE(seen.messages.size(), adasMessages.size());
        QCOMPARE(ids, adasMessages);
        // An exhausted page skips past others' messages to the latest sequence.
        QCOMPARE(cursor, s.latestSequence());
        if (limit == 1)
            QCOMPARE(pages, 5 + 3);
    }

    // Nothing new: an empty page that keeps the cursor.
    const qint64 latest = s.latestSequence();
    const auto empty = s.changesSince(u"ada"_qs, latest, 10);
    QVERIFY(empty->profiles.isEmpty() && empty->messages.isEmpty() && !empty->hasMore);
    QCOMPARE(empty->next, latest);

    // Others' traffic moves an idle viewer's cursor forward without showing anything.
    send(u"bob"_qs, u"cy"_qs);
    const auto moved = s.changesSince(u"ada"_qs, latest, 10);
    QVERIFY(moved->messages.isEmpty());
    QCOMPARE(moved->next, latest + 1);
}

void TestStorage::syncReadKeepsOnePlan()
{
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs});
    QVERIFY(s.importProfile(makeProfile(u"ada"_qs)));
    QVERIFY(s.sendMessage(makeMessage(u"bob"_qs, u"ada"_qs, u"hello"_qs)));
    // More reads than the five per-call plans PostgreSQL tries before choosing, first syncs and
    // reads near the head alternating.
    constexpr int Reads = 8;
    qint64 cursor = 0;
    for (int i = 0; i < Reads; ++i) {
        const auto page = s.changesSince(u"ada"_qs, i % 2 ? cursor : 0, 100);
        QVERIFY(page);
        QCOMPARE(page->messages.size(), i % 2 ? 0 : 1);
        cursor = page->next;
    }
    if (!isPostgres())
        return; // SQLite plans a prepared statement once

    // The storage's connection of this thread: the same PostgreSQL session.
    const QString thread = u"-%1"_qs.arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
    QString name;
    for (const QString &candidate : QSqlDatabase::connectionNames()) {
        if (candidate.startsWith(u"colleagues-") && candidate.endsWith(thread))
            name = candidate;
    }
    QVERIFY(!name.isEmpty());
    QSqlQuery q(QSqlDatabase::database(name, false));
    QVERIFY(q.exec(u"SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                   " WHERE statement LIKE '%FROM change_counter counter, sync_state state%'"_qs));
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toLongLong(), 0); // never planned for its values
    QCOMPARE(q.value(0).toLongLong(), Reads);
    // The setting ended with the read: other statements are planned as PostgreSQL chooses.
    QVERIFY(q.exec(u"SHOW plan_cache_mode"_qs));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"auto"_qs);
}

void TestStorage::startOverAfterPurge()
{
    Storage &s = storage();
    createAccounts({u"ada"_qs});
    QVERIFY(s.importProfile(makeProfile(u"ada"_qs)));
    QVERIFY(s.importProfile(makeProfile(u"gone"_qs)));
    const qint64 beforeRemoval = s.latestSequence();
    QVERIFY(s.removeProfile(u"gone"_qs).value());
    const qint64 afterRemoval = s.latestSequence();
    QVERIFY(s.importProfile(makeProfile(u"later"_qs)));

    // Within retention nothing is purged.
    QCOMPARE(s.housekeeping().value(), 0);
    QCOMPARE(s.purgeTombstones(QDateTime::currentDateTimeUtc().addDays(-1)).value(), 0);
    QVERIFY(!s.changesSince(u"ada"_qs, beforeRemoval, 10)->startOver);

    QCOMPARE(s.purgeTombstones(QDateTime::currentDateTimeUtc().addSecs(1)).value(), 1);
    const auto tooOld = s.changesSince(u"ada"_qs, beforeRemoval, 10);
    QVERIFY(tooOld);
    QVERIFY(tooOld->startOver);
    QCOMPARE(tooOld->next, 0);
    QVERIFY(tooOld->profiles.isEmpty());

    // A cursor that already saw the removal is fine, and so is a full sync.
    const auto recent = s.changesSince(u"ada"_qs, afterRemoval, 10);
    QVERIFY(!recent->startOver);
    QCOMPARE(recent->profiles.size(), 1);
    qint64 cursor = 0;
    const Seen full = syncAll(u"ada"_qs, &cursor);
    QCOMPARE(full.profiles.size(), 2);
    QVERIFY(full.removed.isEmpty());

    // A cursor from the future (another database, a restore) starts over too.
    QVERIFY(s.changesSince(u"ada"_qs, s.latestSequence() + 5, 10)->startOver);
    QVERIFY(s.changesSince(u"ada"_qs, -1, 10)->startOver);
}

void TestStorage::changedIsEmitted()
{
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs});
    QSignalSpy spy(&s, &Storage::changed);
    const auto sent = s.sendMessage(makeMessage(u"ada"_qs, u"bob"_qs, u"ping"_qs));
    QVERIFY(spy.count() >= 1 || spy.wait(5000));
    QCOMPARE(spy.last().first().toLongLong(), sent->message.sequence);

    spy.clear();
    QVERIFY(s.importProfile(makeProfile(u"ada"_qs)));
    QVERIFY(spy.count() >= 1);
    QCOMPARE(spy.last().first().toLongLong(), s.latestSequence());

    // No change, no signal.
    spy.clear();
    QVERIFY(s.importProfile(makeProfile(u"ada"_qs)));
    QVERIFY(s.sendMessage(makeMessage(u"ada"_qs, u"bob"_qs, u"ping"_qs, sent->message.clientId))->duplicate);
    QCOMPARE(spy.count(), 0);

    // Writes from other threads signal too.
    std::unique_ptr<QThread> thread(
        QThread::create([&] { s.sendMessage(makeMessage(u"bob"_qs, u"ada"_qs, u"from a thread"_qs)); }));
    thread->start();
    QVERIFY(thread->wait(10000));
    QTRY_VERIFY(spy.count() >= 1);
    QCOMPARE(spy.last().first().toLongLong(), s.latestSequence());
}

/*
 * The heart of the sync design. A writer that took sequence value n must commit before any
 * later value becomes visible; otherwise a reader can see n + 1, advance its cursor past n,
 * and never see n when it commits late. Here writer A takes a value and is held just before
 * COMMIT; writer B then tries to write. With the serialization B must wait for A (SQLite: the
 * write lock; PostgreSQL: the change_counter row lock), and a reader sees nothing, then both
 * in order, never skipping A.
 */
void TestStorage::lateCommitIsNeverSkipped()
{
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs});
    qint64 cursor = 0;
    syncAll(u"ada"_qs, &cursor);

    HeldCommit held(s);

    qint64 seqA = 0;
    std::unique_ptr<QThread> a(QThread::create(
        [&] { seqA = s.sendMessage(makeMessage(u"bob"_qs, u"ada"_qs, u"A, slow to commit"_qs))->message.sequence; }));
    QVERIFY(held.start(a.get()));

    QAtomicInt bDone = 0;
    qint64 seqB = 0;
    std::unique_ptr<QThread> b(QThread::create([&] {
        seqB = s.sendMessage(makeMessage(u"bob"_qs, u"ada"_qs, u"B, quick"_qs))->message.sequence;
        bDone = 1;
    }));
    b->start();

    // While A holds its sequence value uncommitted, B cannot commit and a reader sees neither.
    QTest::qWait(300);
    QCOMPARE(bDone.loadRelaxed(), 0);
    const auto during = s.changesSince(u"ada"_qs, cursor, 100);
    QVERIFY(during->messages.isEmpty());
    QCOMPARE(during->next, cursor);

    held.release();
    QVERIFY(a->wait(10000));
    QVERIFY(b->wait(10000));
    QVERIFY(seqA > 0 && seqB > seqA);
    const Seen seen = syncAll(u"ada"_qs, &cursor, 1);
    QCOMPARE(seen.messages.size(), 2);
    QCOMPARE(seen.messages.at(0).sequence, seqA);
    QCOMPARE(seen.messages.at(1).sequence, seqB);
}

/*
 * The same scenario without the serialization (sequence values taken outside the writing
 * transaction, as a plain database SEQUENCE would give them): B commits while A is held, the
 * reader moves past A's value, and A's message is lost to that reader. This is the failure
 * the design exists to prevent. Only meaningful on PostgreSQL: SQLite serializes writers by
 * its single write lock whatever we do.
 */
void TestStorage::unserializedSequenceWouldSkip()
{
    if (!isPostgres())
        QSKIP("SQLite always serializes writers");
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs});
    qint64 cursor = 0;
    syncAll(u"ada"_qs, &cursor);

    Storage::TestingHooks unserialized;
    unserialized.unserializedSequence = true;
    HeldCommit held(s, unserialized);

    std::unique_ptr<QThread> a(
        QThread::create([&] { s.sendMessage(makeMessage(u"bob"_qs, u"ada"_qs, u"A, slow to commit"_qs)); }));
    QVERIFY(held.start(a.get()));
    QVERIFY(s.sendMessage(makeMessage(u"bob"_qs, u"ada"_qs, u"B, quick"_qs)));

    const Seen before = syncAll(u"ada"_qs, &cursor);
    QCOMPARE(before.messages.size(), 1); // B
    held.release();
    QVERIFY(a->wait(10000));
    const Seen after = syncAll(u"ada"_qs, &cursor);
    QCOMPARE(after.messages.size(), 0); // A committed, but behind the cursor: skipped
}

/*
 * Several writers (threads, each with its own connection; on PostgreSQL half of them through a
 * second Storage, like a second server process) create messages and profiles while a reader
 * pages through changesSince() with a small limit. In the end the reader has seen every
 * committed change exactly once. Without the serialization this fails intermittently (see
 * unserializedSequenceWouldSkip for the deterministic version of the failure).
 */
void TestStorage::concurrentWriters()
{
    Storage &s = storage();
    const QStringList people {u"reader"_qs, u"w0"_qs, u"w1"_qs, u"w2"_qs, u"w3"_qs};
    createAccounts(people);
    std::unique_ptr<Storage> second = isPostgres() ? openStorage() : nullptr;

    const int writers = 4;
    const int perWriter = 40;
    QMutex mutex;
    QSet<qint64> committedMessages;
    QSet<QString> committedProfiles;
    QAtomicInt failures = 0;
    QAtomicInt running = writers;
    QList<QThread *> threads;
    for (int w = 0; w < writers; ++w) {
        Storage *target = (second && w % 2) ? second.get() : &s;
        threads.append(QThread::create([&, w, target] {
            const QString me = u"w%1"_qs.arg(w);
            for (int i = 0; i < perWriter; ++i) {
                if (i % 3 == 2) {
                    const QString username = u"p-%1-%2"_qs.arg(w).arg(i);
                    const auto created = target->importProfile(makeProfile(username));
                    QMutexLocker locker(&mutex);
                    if (created)
                        committedProfiles.insert(username);
                    else
                        failures.ref();
                } else {
                    // Half to the reader, half from the reader to the writer: both visible.
                    const bool toReader = i % 2 == 0;
                    const auto sent =
                        target->sendMessage(makeMessage(toReader ? me : u"reader"_qs, toReader ? u"reader"_qs : me,
                                                        u"message %1 of %2"_qs.arg(i).arg(me)));
                    QMutexLocker locker(&mutex);
                    if (sent)
                        committedMessages.insert(sent->message.id);
                    else
                        failures.ref();
                }
            }
            running.deref();
        }));
    }
    for (QThread *t : std::as_const(threads))
        t->start();

    qint64 cursor = 0;
    QList<qint64> seenMessages;
    QList<QString> seenProfiles;
    QDeadlineTimer deadline(120s);
    bool writersDone = false;
    while (!deadline.hasExpired()) {
        writersDone = running.loadAcquire() == 0;
        // After the writers finished, one more complete pass picks up the rest.
        while (true) {
            const auto page = s.changesSince(u"reader"_qs, cursor, 5);
            QVERIFY(page);
            QVERIFY(!page->startOver);
            QVERIFY(page->next >= cursor);
            for (const Message &m : page->messages)
                seenMessages.append(m.id);
            for (const Profile &p : page->profiles)
                seenProfiles.append(p.username);
            cursor = page->next;
            if (!page->hasMore)
                break;
        }
        if (writersDone)
            break;
    }
    QVERIFY(writersDone);
    for (QThread *t : std::as_const(threads)) {
        QVERIFY(t->wait(10000));
        delete t;
    }
    QCOMPARE(failures.loadRelaxed(), 0);
    QCOMPARE(committedMessages.size(), writers * (perWriter - perWriter / 3));

    const QSet<qint64> uniqueMessages(seenMessages.cbegin(), seenMessages.cend());
    QCOMPARE(uniqueMessages.size(), seenMessages.size()); // none twice
    QCOMPARE(uniqueMessages, committedMessages); // none missed
    const QSet<QString> uniqueProfiles(seenProfiles.cbegin(), seenProfiles.cend());
    QCOMPARE(uniqueProfiles.size(), seenProfiles.size());
    QCOMPARE(uniqueProfiles, committedProfiles);
    QCOMPARE(cursor, s.latestSequence());
}

void TestStorage::twoInstancesNotifyEachOther()
{
    if (!isPostgres())
        QSKIP("NOTIFY is PostgreSQL's; one SQLite file is served by one process");
    Storage &first = storage();
    auto second = openStorage();
    QVERIFY(second);
    createAccounts({u"ada"_qs, u"bob"_qs});

    QSignalSpy secondSpy(second.get(), &Storage::changed);
    const auto sent = first.sendMessage(makeMessage(u"ada"_qs, u"bob"_qs, u"across instances"_qs));
    QVERIFY(sent);
    QVERIFY(secondSpy.wait(5000));
    QCOMPARE(secondSpy.last().first().toLongLong(), sent->message.sequence);

    QSignalSpy firstSpy(&first, &Storage::changed);
    QVERIFY(second->importProfile(makeProfile(u"bob"_qs)));
    QVERIFY(firstSpy.wait(5000));
    QCOMPARE(firstSpy.last().first().toLongLong(), second->latestSequence());
}

void TestStorage::presenceBatchNamesEveryChange()
{
    if (!isPostgres())
        QSKIP("NOTIFY is PostgreSQL's");
    Storage &first = storage();
    auto second = openStorage();
    QVERIFY(second);
    createAccounts({u"ada"_qs, u"bob"_qs, u"carol"_qs});
    QSignalSpy spy(second.get(), &Storage::changedFor);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto changes = first.reportPresence({PresenceReport {u"ada"_qs, Presence::Online, now},
                                               PresenceReport {u"bob"_qs, Presence::Away, now},
                                               PresenceReport {u"carol"_qs, Presence::Online, now}});
    QVERIFY(changes);
    QCOMPARE(changes->size(), 3);
    // The other instance learns every sequence value of the commit, each naming the three
    // statuses, so that it wakes their watchers alone (and nobody for a gap).
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 5000);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(spy.at(i).at(0).toLongLong(), changes->at(i).sequence);
        QCOMPARE(spy.at(i).at(1).toStringList(), (QStringList {u"~ada"_qs, u"~bob"_qs, u"~carol"_qs}));
    }
    // The same presence again changes nothing.
    const auto again = first.reportPresence({PresenceReport {u"ada"_qs, Presence::Online, now.addSecs(1)}});
    QVERIFY(again);
    QVERIFY(again->isEmpty());
}

void TestStorage::commitNamesItsAudienceAtOnce()
{
    // In the committing thread, before changed(): every value of the commit, with the audience
    // the committing code gave (long-polls wake without waiting for the handler to return).
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs});
    QStringList seen;
    QObject context;
    connect(
        &s, &Storage::changedFor, &context,
        [&seen](qint64 sequence, const QStringList &names) {
            seen.append(QString::number(sequence) + u' ' + names.join(u','));
        },
        Qt::DirectConnection);
    connect(
        &s, &Storage::changed, &context, [&seen](qint64 sequence) { seen.append(QString::number(sequence)); },
        Qt::DirectConnection);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto changes = s.reportPresence(
        {PresenceReport {u"ada"_qs, Presence::Online, now}, PresenceReport {u"bob"_qs, Presence::Away, now}});
    QVERIFY(changes);
    QCOMPARE(changes->size(), 2);
    const QString first = QString::number(changes->at(0).sequence);
    const QString last = QString::number(changes->at(1).sequence);
    QCOMPARE(seen,
             (QStringList {first + u" ~ada,~bob"_qs, last + u" ~ada,~bob"_qs, last})); // before any event is handled

    // Without an audience only changed() says something committed.
    seen.clear();
    QVERIFY(s.importProfile(makeProfile(u"ada"_qs)));
    QCOMPARE(seen, QStringList {QString::number(s.latestSequence())});
}

void TestStorage::audiencesOfSequenceValues()
{
    // A long-poll hub that missed a change's hint reads whom it concerns from the rows sync
    // reads: for each kind of change, the people whose sync shows it; a value whose row a later
    // change took over concerns nobody (the later one names them).
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs, u"carol"_qs, u"dan"_qs});
    const qint64 start = s.latestSequence();

    const auto direct = s.sendMessage(makeMessage(u"ada"_qs, u"bob"_qs, u"hello"_qs));
    QVERIFY(direct);
    const auto presence =
        s.reportPresence({PresenceReport {u"carol"_qs, Presence::Online, QDateTime::currentDateTimeUtc()}});
    QVERIFY(presence && presence->size() == 1);
    QVERIFY(s.importProfile(makeProfile(u"dan"_qs)));
    const qint64 profileSeq = s.latestSequence();
    const ConversationRequest request {QUuid::createUuid().toString(QUuid::WithoutBraces),
                                       ConversationKind::Group,
                                       u"Release"_qs,
                                       {u"bob"_qs, u"carol"_qs}};
    QVERIFY(s.createConversation(u"ada"_qs, request));
    const qint64 createdSeq = s.latestSequence();
    Message toGroup = makeMessage(u"bob"_qs, {}, u"to all"_qs);
    toGroup.conversation = request.id;
    const auto group = s.sendMessage(toGroup);
    QVERIFY(group);
    QVERIFY(s.leaveConversation(request.id, u"carol"_qs, u"dan"_qs));
    const qint64 leftSeq = s.latestSequence();
    const auto unrelated = s.sendMessage(makeMessage(u"carol"_qs, u"dan"_qs, u"later"_qs));
    QVERIFY(unrelated);
    // Bob reads Ada's message: it moves to a new value, and its old one concerns nobody.
    QCOMPARE(s.markRead(u"bob"_qs, u"ada"_qs, direct->message.id).value(), 1);
    const qint64 readSeq = s.latestSequence();

    const auto read = s.audiencesBetween(start, leftSeq);
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    const auto names = [&read](qint64 sequence) {
        QStringList sorted = read->value(sequence).usernames;
        sorted.sort();
        return sorted;
    };
    QVERIFY(!read->contains(direct->message.sequence));
    QCOMPARE(names(presence->at(0).sequence), QStringList {u"~carol"_qs});
    QVERIFY(!read->value(presence->at(0).sequence).everyone);
    QVERIFY(read->value(profileSeq).everyone);
    QCOMPARE(names(createdSeq), (QStringList {u"ada"_qs, u"bob"_qs, u"carol"_qs}));
    QCOMPARE(names(group->message.sequence), (QStringList {u"ada"_qs, u"bob"_qs, u"carol"_qs}));
    // Whoever leaves, and whoever comes in, with the members who see the change.
    QCOMPARE(names(leftSeq), (QStringList {u"ada"_qs, u"bob"_qs, u"carol"_qs, u"dan"_qs}));
    QCOMPARE(read->size(), 5); // values after the range are not read

    const auto later = s.audiencesBetween(leftSeq, readSeq);
    QVERIFY(later);
    QCOMPARE(later->size(), 2);
    QStringList senderAndRecipient = later->value(unrelated->message.sequence).usernames;
    senderAndRecipient.sort();
    QCOMPARE(senderAndRecipient, (QStringList {u"carol"_qs, u"dan"_qs}));
    QStringList readReceipt = later->value(readSeq).usernames;
    readReceipt.sort();
    QCOMPARE(readReceipt, (QStringList {u"ada"_qs, u"bob"_qs}));
}

void TestStorage::syncStatusesFollowAnotherInstance()
{
    // Sync pages take statuses from memory, caught up from the table in each read's snapshot:
    // changes, removals and defaults written by another instance (another Storage on the same
    // database) show exactly as the table has them.
    Storage &reader = storage();
    auto writer = openStorage();
    QVERIFY(writer);
    createAccounts({u"ada"_qs, u"bob"_qs, u"carol"_qs});
    for (const QString &name : {u"ada"_qs, u"bob"_qs, u"carol"_qs})
        QVERIFY(writer->importProfile(makeProfile(name)));
    const auto statusesAfter = [&reader](qint64 cursor) {
        QStringList seen;
        const auto page = reader.changesSince(u"ada"_qs, cursor, 100);
        if (!page)
            return QStringList {u"failed"_qs};
        for (const SyncStatusPtr &item : page->statuses)
            seen.append(item->status.username + u' ' + presenceName(item->status.presence) + u' ' + item->status.text);
        return seen;
    };
    QVERIFY(statusesAfter(0).isEmpty()); // a first sync leaves out the default ones
    const qint64 start = reader.latestSequence();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(writer->reportPresence(
        {PresenceReport {u"bob"_qs, Presence::Online, now}, PresenceReport {u"carol"_qs, Presence::Online, now}}));
    QCOMPARE(statusesAfter(start), (QStringList {u"bob online "_qs, u"carol online "_qs}));
    StatusChoice choice;
    choice.text = u"Reviewing"_qs;
    QVERIFY(writer->setStatus(u"bob"_qs, choice));
    // Each person once, as now, in the order of their last change.
    QCOMPARE(statusesAfter(start), (QStringList {u"carol online "_qs, u"bob online Reviewing"_qs}));
    QCOMPARE(statusesAfter(0), (QStringList {u"carol online "_qs, u"bob online Reviewing"_qs}));

    // A removal takes the status with it (the profile's tombstone says so).
    const qint64 beforeRemoval = reader.latestSequence();
    QVERIFY(writer->removeProfile(u"carol"_qs));
    QCOMPARE(statusesAfter(start), QStringList {u"bob online Reviewing"_qs});
    QVERIFY(statusesAfter(beforeRemoval).isEmpty());
    // Back to the default: sent to those who had it, left out of a first sync.
    const auto swept = writer->sweepStatuses(now.addSecs(600), now.addSecs(300), [](const QString &) { return false; });
    QVERIFY(swept);
    QCOMPARE(statusesAfter(beforeRemoval), QStringList {u"bob offline Reviewing"_qs});
    QVERIFY(writer->setStatus(u"bob"_qs, StatusChoice {}));
    QCOMPARE(statusesAfter(beforeRemoval), QStringList {u"bob offline "_qs});
    QVERIFY(statusesAfter(0).isEmpty());
}

void TestStorage::statusPagesFromMemory()
{
    // A long-poll woken for a watched status gets its page from statusesSince(): the statuses
    // changesSince() would give, caught up from the table when another instance wrote them,
    // cut at the limit without splitting a sequence value, next at upTo once all are in.
    Storage &reader = storage();
    auto writer = openStorage();
    QVERIFY(writer);
    createAccounts({u"ada"_qs, u"bob"_qs, u"carol"_qs, u"dan"_qs});
    for (const QString &name : {u"ada"_qs, u"bob"_qs, u"carol"_qs, u"dan"_qs})
        QVERIFY(writer->importProfile(makeProfile(name)));
    const qint64 start = reader.latestSequence();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(writer->reportPresence({PresenceReport {u"bob"_qs, Presence::Online, now},
                                    PresenceReport {u"carol"_qs, Presence::Online, now},
                                    PresenceReport {u"dan"_qs, Presence::Away, now}}));
    const qint64 afterPresence = reader.latestSequence();
    StatusChoice choice;
    choice.text = u"Reviewing"_qs;
    QVERIFY(writer->setStatus(u"bob"_qs, choice));
    const qint64 latest = reader.latestSequence();

    const auto names = [](const SyncPage &page) {
        QStringList seen;
        for (const SyncStatusPtr &item : page.statuses)
            seen.append(item->status.username + u' ' + presenceName(item->status.presence) + u' ' + item->status.text);
        return seen;
    };
    const auto fromMemory = reader.statusesSince(start, latest, 100); // before any sync read caught up
    QVERIFY(fromMemory);
    const QStringList expected {u"carol online "_qs, u"dan away "_qs, u"bob online Reviewing"_qs};
    QCOMPARE(names(fromMemory.value()), expected);
    QCOMPARE(fromMemory->next, latest);
    QVERIFY(!fromMemory->hasMore);
    const auto read = reader.changesSince(u"ada"_qs, start, 100);
    QVERIFY(read);
    QCOMPARE(names(read.value()), expected);
    const auto json = [](const SyncPage &page) {
        QByteArrayList all;
        for (const SyncStatusPtr &item : page.statuses)
            all.append(item->json);
        return all;
    };
    QCOMPARE(json(fromMemory.value()), json(read.value()));

    // Up to a sequence before bob's last change: bob comes with a later page.
    const auto before = reader.statusesSince(start, afterPresence, 100);
    QCOMPARE(names(before.value()), (QStringList {u"carol online "_qs, u"dan away "_qs}));
    QCOMPARE(before->next, afterPresence);

    // Pages of at most limit, each continuing where the last ended.
    QStringList paged;
    qint64 cursor = start;
    for (int round = 0; round < 10; ++round) {
        const auto page = reader.statusesSince(cursor, latest, 2);
        QVERIFY(page);
        QVERIFY(page->statuses.size() <= 2);
        paged += names(page.value());
        QVERIFY(page->next > cursor);
        cursor = page->next;
        if (!page->hasMore)
            break;
    }
    QCOMPARE(paged, expected);
    QCOMPARE(cursor, latest);

    // Nothing new: an empty page at upTo.
    const auto none = reader.statusesSince(latest, latest, 100);
    QVERIFY(none->statuses.isEmpty());
    QCOMPARE(none->next, latest);
}

void TestStorage::syncStatusesThroughCompaction()
{
    // Replaced statuses leave dead slots in the feed until more than half (and over 1,024) are
    // dead, then it compacts: pages before and after, with cursors among dead slots too, have
    // each person once, as now, in the order of their last change.
    Storage &s = storage();
    const qint64 start = s.latestSequence();
    QStringList everyone;
    for (int i = 0; i < 1500; ++i)
        everyone.append(u"p%1"_qs.arg(i, 4, 10, QLatin1Char('0')));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto report = [&s, &now](Presence presence, const QStringList &names) {
        QList<PresenceReport> reports;
        for (const QString &name : names)
            reports.append(PresenceReport {name, presence, now});
        return bool(s.reportPresence(reports));
    };
    // Every status after cursor, in pages of 400, as "name presence".
    const auto statusesAfter = [&s](qint64 cursor) {
        QStringList seen;
        for (;;) {
            const auto page = s.changesSince(u"viewer"_qs, cursor, 400);
            if (!page)
                return QStringList {u"failed"_qs};
            for (const SyncStatusPtr &item : page->statuses)
                seen.append(item->status.username + u' ' + presenceName(item->status.presence));
            cursor = page->next;
            if (!page->hasMore)
                return seen;
        }
    };
    const auto as = [](const QStringList &names, const QString &presence) {
        QStringList expected;
        for (const QString &name : names)
            expected.append(name + u' ' + presence);
        return expected;
    };

    QVERIFY(report(Presence::Online, everyone));
    const qint64 online = s.latestSequence();
    QCOMPARE(statusesAfter(start), as(everyone, u"online"_qs));
    QVERIFY(report(Presence::Away, everyone)); // 1,500 dead of 3,000: not yet compacted
    QCOMPARE(statusesAfter(start + 10), as(everyone, u"away"_qs));
    QCOMPARE(statusesAfter(online), as(everyone, u"away"_qs));
    const qint64 away = s.latestSequence();
    const QStringList firstHalf = everyone.mid(0, 750);
    const QStringList secondHalf = everyone.mid(750);
    QVERIFY(report(Presence::Online, firstHalf)); // 2,250 dead of 3,750: compacted
    const QStringList expected = as(secondHalf, u"away"_qs) + as(firstHalf, u"online"_qs);
    QCOMPARE(statusesAfter(start), expected);
    QCOMPARE(statusesAfter(0), expected);
    QCOMPARE(statusesAfter(online + 10), expected);
    QCOMPARE(statusesAfter(away), as(firstHalf, u"online"_qs));
    QVERIFY(statusesAfter(s.latestSequence()).isEmpty());
}

void TestStorage::statusSweepAndRemoval()
{
    Storage &s = storage();
    createAccounts({u"ada"_qs, u"bob"_qs});
    QVERIFY(s.importProfile(makeProfile(u"ada"_qs)));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime longAgo = now.addSecs(-600);
    QVERIFY(s.reportPresence({PresenceReport {u"ada"_qs, Presence::Online, longAgo},
                              PresenceReport {u"bob"_qs, Presence::Online, longAgo}}));
    // Nobody saw ada for ten minutes: offline; bob is connected to this instance: kept.
    auto swept = s.sweepStatuses(now, now.addSecs(-120), [](const QString &name) { return name == u"bob"_qs; });
    QVERIFY(swept);
    QCOMPARE(swept->size(), 1);
    QCOMPARE(swept->first().username, u"ada"_qs);
    QCOMPARE(s.findStatus(u"ada"_qs)->presence, Presence::Offline);
    QCOMPARE(s.findStatus(u"bob"_qs)->presence, Presence::Online);

    // until and a window, applied by the sweeper as time passes (its clock is a parameter).
    StatusChoice choice;
    choice.availability = Availability::Dnd;
    choice.text = u"Focus"_qs;
    choice.until = now.addSecs(3600);
    // Two days ahead: until passes before it starts, whatever the hour.
    const QDate day = now.date().addDays(2);
    choice.outOfOffice = OutOfOffice {day, day, u"Off"_qs, u"bob"_qs};
    const auto set = s.setStatus(u"ada"_qs, choice);
    QVERIFY(set);
    QCOMPARE(set->availability, Availability::Dnd);
    QVERIFY(set->outOfOffice);
    const auto noStandIn = [&] {
        StatusChoice c = choice;
        c.outOfOffice->standIn = u"nobody"_qs;
        return s.setStatus(u"ada"_qs, c);
    }();
    QVERIFY(!noStandIn);
    QCOMPARE(noStandIn.error().field, u"out_of_office.stand_in"_qs);

    const auto none = [](const QString &) { return false; };
    const QDateTime past = now.addSecs(-3600);
    const qint64 before = s.latestSequence();
    QVERIFY(s.sweepStatuses(now, past, none)->isEmpty()); // nothing due yet
    QCOMPARE(s.latestSequence(), before);
    const QDateTime afterUntil = now.addSecs(3601);
    QVERIFY(!s.sweepStatuses(afterUntil, past, none)->isEmpty());
    Status status = s.findStatus(u"ada"_qs).value();
    QCOMPARE(status.availability, Availability::Available);
    QVERIFY(status.text.isEmpty());
    QVERIFY(status.outOfOffice);
    const QDateTime inWindow = day.startOfDay(QTimeZone::utc()).addSecs(60);
    QVERIFY(!s.sweepStatuses(inWindow, past, none)->isEmpty());
    QCOMPARE(s.findStatus(u"ada"_qs)->availability, Availability::OutOfOffice);
    const QDateTime afterWindow = day.addDays(1).startOfDay(QTimeZone::utc());
    QVERIFY(!s.sweepStatuses(afterWindow, past, none)->isEmpty());
    status = s.findStatus(u"ada"_qs).value();
    QCOMPARE(status.availability, Availability::Available);
    QVERIFY(!status.outOfOffice);
    QVERIFY(s.sweepStatuses(afterWindow.addDays(1), past, none)->isEmpty());

    // Removing the person removes the status.
    QVERIFY(s.setStatus(u"ada"_qs, choice));
    QVERIFY(s.removeProfile(u"ada"_qs).value());
    QVERIFY(s.findStatus(u"ada"_qs)->isDefault());
}

void TestStorage::databaseFailuresAreErrors()
{
    if (!isPostgres()) {
        // A data directory that cannot be created.
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_qs));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        auto broken = Storage::create(StorageConfig::sqlite(dir.filePath(u"file/data"_qs)));
        const auto opened = broken->open();
        QVERIFY(!opened);
        QVERIFY(!opened.error().message.isEmpty());
        return;
    }
    // Nothing listens there.
    StorageConfig nowhere = m_config;
    nowhere.port = 1;
    auto unreachable = Storage::create(nowhere);
    const auto opened = unreachable->open();
    QVERIFY(!opened);
    QVERIFY(isDatabaseFailure(opened.error()));
    QVERIFY(!unreachable->profile(u"ada"_qs));
    const auto found = unreachable->findProfile(u"ada"_qs);
    QVERIFY(!found);
    QVERIFY(isDatabaseFailure(found.error()));
    QVERIFY(isDatabaseFailure(unreachable->sendMessage(makeMessage(u"a"_qs, u"b"_qs, u"x"_qs)).error()));
    QVERIFY(isDatabaseFailure(unreachable->changesSince(u"a"_qs, 0, 10).error()));

    // Connections killed under a running storage: one failure at most, then it reconnects.
    Storage &s = storage();
    QVERIFY(s.importProfile(makeProfile(u"ada"_qs)));
    QSqlQuery kill(QSqlDatabase::database(u"tst_storage-admin"_qs));
    QVERIFY(
        kill.exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'"_qs.arg(m_pgDatabase)));
    const auto afterKill = s.findProfile(u"ada"_qs);
    if (!afterKill)
        QVERIFY(isDatabaseFailure(afterKill.error()));
    const auto reconnected = s.findProfile(u"ada"_qs);
    QVERIFY(reconnected);
    QVERIFY(reconnected->has_value());
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
