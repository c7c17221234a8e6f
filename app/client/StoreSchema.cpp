// SPDX-License-Identifier: MIT
#include "client/StoreSchema_p.h"

#include "client/sync/SyncSchema_p.h"

#include "client/search/SearchText.h"
#include "core/TextFold.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QUuid>

#include <algorithm>
#include <functional>

namespace Colleagues::StoreSchema {

namespace {

// Columns of profiles as ProfileReader selects them, the visibility ones last.
constexpr const char *ProfileColumns = "local_id, id, username, display_name, email, title, department, location, "
                                       "time_zone, manager, phone, bio, photo_tag, revision, updated_at";
constexpr const char *PrivacyColumns = ", visibility, visibility_locked, withheld";

// Version 1: the directory and sync state.
constexpr const char *Migration1 = R"sql(
CREATE TABLE profiles(
    local_id INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT '',
    manager TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    bio TEXT NOT NULL DEFAULT '',
    photo_tag TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    sort_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX profiles_by_manager ON profiles(manager);
-- Name order with the facet fields: the search engine reads its per-person table from it.
CREATE INDEX profiles_by_name ON profiles(sort_key, username, department, location);
CREATE TABLE skills(
    local_id INTEGER NOT NULL REFERENCES profiles(local_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    level INTEGER NOT NULL CHECK(level BETWEEN 1 AND 5),
    PRIMARY KEY(local_id, position)
) WITHOUT ROWID;
CREATE TABLE interests(
    local_id INTEGER NOT NULL REFERENCES profiles(local_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY(local_id, position)
) WITHOUT ROWID;
CREATE TABLE sync_state(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 2: search. profile_search holds the indexed text of each profile (see SearchText);
// profile_fts is an external-content FTS5 index over it, kept in step in the same transaction:
// writeSearchRow() indexes each row it inserts (an AFTER INSERT trigger costs five times as
// much per row as the same insert made directly), and triggers take deleted or updated rows out
// of the index, however they go (a profile's delete cascades to its profile_search row).
// One skills column per level lets the ranking weigh a skill match by level.
constexpr const char *Migration2 = R"sql(
CREATE TABLE profile_search(
    local_id INTEGER PRIMARY KEY REFERENCES profiles(local_id) ON DELETE CASCADE,
    name TEXT NOT NULL, title TEXT NOT NULL, department TEXT NOT NULL, location TEXT NOT NULL,
    skills5 TEXT NOT NULL, skills4 TEXT NOT NULL, skills3 TEXT NOT NULL, skills2 TEXT NOT NULL,
    skills1 TEXT NOT NULL, interests TEXT NOT NULL, bio TEXT NOT NULL
);
CREATE VIRTUAL TABLE profile_fts USING fts5(
    name, title, department, location, skills5, skills4, skills3, skills2, skills1, interests, bio,
    content='profile_search', content_rowid='local_id',
    tokenize="unicode61 remove_diacritics 0 tokenchars '_'",
    detail=column
);
CREATE VIRTUAL TABLE profile_vocab USING fts5vocab(profile_fts, 'row');
CREATE TRIGGER profile_search_ad AFTER DELETE ON profile_search BEGIN
    INSERT INTO profile_fts(profile_fts, rowid, name, title, department, location, skills5, skills4, skills3,
                            skills2, skills1, interests, bio)
    VALUES ('delete', old.local_id, old.name, old.title, old.department, old.location, old.skills5, old.skills4,
            old.skills3, old.skills2, old.skills1, old.interests, old.bio);
END;
CREATE TRIGGER profile_search_au AFTER UPDATE ON profile_search BEGIN
    INSERT INTO profile_fts(profile_fts, rowid, name, title, department, location, skills5, skills4, skills3,
                            skills2, skills1, interests, bio)
    VALUES ('delete', old.local_id, old.name, old.title, old.department, old.location, old.skills5, old.skills4,
            old.skills3, old.skills2, old.skills1, old.interests, old.bio);
    INSERT INTO profile_fts(rowid, name, title, department, location, skills5, skills4, skills3, skills2, skills1,
                            interests, bio)
    VALUES (new.local_id, new.name, new.title, new.department, new.location, new.skills5, new.skills4, new.skills3,
            new.skills2, new.skills1, new.interests, new.bio);
END;
)sql";

// Version 3: messaging. Messages and conversations as the sync engine receives them, and the
// outbox of local changes waiting to go out.
constexpr const char *Migration3 = R"sql(
CREATE TABLE messages(
    local_id INTEGER PRIMARY KEY,
    server_id INTEGER UNIQUE,
    client_id TEXT UNIQUE,
    peer TEXT NOT NULL,
    sender TEXT NOT NULL,
    recipient TEXT NOT NULL,
    body TEXT NOT NULL,
    sent_at TEXT,
    sequence INTEGER,
    read_at TEXT,
    state TEXT NOT NULL DEFAULT 'sent' CHECK(state IN ('pending', 'sent', 'failed'))
);
CREATE INDEX messages_by_peer ON messages(peer, local_id);
CREATE TABLE conversations(
    peer TEXT PRIMARY KEY,
    last_message_id INTEGER REFERENCES messages(local_id) ON DELETE SET NULL,
    last_activity TEXT,
    unread_count INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE outbox(
    local_id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    conversation TEXT,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK(state IN ('pending', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX outbox_by_state ON outbox(state, local_id);
)sql";

// Version 5: the vocabulary of skills, places and titles synced from the server (one row, in
// the text format of core/Vocabulary.h). No row: search uses the default built into the app.
constexpr const char *Migration5 = R"sql(
CREATE TABLE vocabulary(
    id INTEGER PRIMARY KEY CHECK(id = 1),
    version TEXT NOT NULL,
    text TEXT NOT NULL
);
)sql";

// Version 6: per-field visibility. The owner's own row keeps the audience of each private field
// and the fields the company locks; every row says which fields the server withheld.
constexpr const char *Migration6 = R"sql(
ALTER TABLE profiles ADD COLUMN visibility TEXT NOT NULL DEFAULT '';
ALTER TABLE profiles ADD COLUMN visibility_locked TEXT NOT NULL DEFAULT '';
ALTER TABLE profiles ADD COLUMN withheld INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 7: for the search engine. directory_changes: which people changed, in commit order,
// so that after a sync delta it reads the changed people again instead of the whole directory.
// A trigger logs every way a profile's indexed text goes (deletes, cascades from deleted
// profiles, resets); DirectoryWriter logs the rows it writes (a trigger on the insert would make
// each INSERT a statement with a journal of its own, and FTS5 then writes its pending terms out
// at every row) and keeps the last 5,000 entries; an engine further behind loads everything
// again. search_tables: tables the engine saved (its per-person table), each with the log entry
// it includes, so that the next start reads them instead of building them.
constexpr const char *Migration7 = R"sql(
CREATE TABLE search_tables(
    name TEXT PRIMARY KEY,
    change INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE directory_changes(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    local_id INTEGER NOT NULL
);
CREATE TRIGGER profile_search_log_ad AFTER DELETE ON profile_search BEGIN
    INSERT INTO directory_changes(local_id) VALUES (old.local_id);
END;
)sql";

// Version 8: people's statuses (presence, availability, status line, out of office) as sync
// brings them: one row per person, replaced on every change. json is the status as the server
// sent it (core/Status.h reads it); presence and availability are copies for search ("available
// now first"). A person without a row has the default status.
constexpr const char *Migration8 = R"sql(
CREATE TABLE statuses(
    username TEXT PRIMARY KEY,
    presence TEXT NOT NULL,
    availability TEXT NOT NULL,
    json TEXT NOT NULL
);
)sql";

// Version 9: group conversations — questions asked of a few experts and small groups — as sync
// brings them, or as this client made them before the server confirmed (sequence NULL). Members
// are everyone who is or was in one (left_at once they left), in the server's order. A group's
// messages are rows of messages with its id in conversation (and in peer, so that a chat is found
// by one key); last_message_id, last_activity and unread_count summarize it for the list, as
// conversations does for a chat with one person.
constexpr const char *Migration9 = R"sql(
CREATE TABLE group_conversations(
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK(kind IN ('question', 'group')),
    title TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT,
    state TEXT NOT NULL DEFAULT 'open' CHECK(state IN ('open', 'resolved')),
    resolution_message INTEGER,
    resolution_by TEXT,
    resolution_at TEXT,
    sequence INTEGER,
    last_message_id INTEGER REFERENCES messages(local_id) ON DELETE SET NULL,
    last_activity TEXT,
    unread_count INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE group_members(
    conversation TEXT NOT NULL REFERENCES group_conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    username TEXT NOT NULL,
    role TEXT NOT NULL CHECK(role IN ('asker', 'member')),
    read_up_to INTEGER NOT NULL DEFAULT 0,
    left_at TEXT,
    suggested TEXT,
    added_by TEXT,
    PRIMARY KEY(conversation, username)
) WITHOUT ROWID;
CREATE INDEX group_members_by_username ON group_members(username);
ALTER TABLE messages ADD COLUMN conversation TEXT;
CREATE INDEX messages_by_conversation ON messages(conversation, local_id);
)sql";

// Version 10: the name-order index covers the time zone too; the search engine reads it into its
// per-person table to answer regions ("in europe", "emea").
constexpr const char *Migration10 = R"sql(
DROP INDEX profiles_by_name;
CREATE INDEX profiles_by_name ON profiles(sort_key, username, department, location, time_zone);
)sql";

// Version 11: email addresses by their start, for the search engine ("priya.pillai@north").
constexpr const char *Migration11 = R"sql(
CREATE INDEX profiles_by_email ON profiles(lower(email));
)sql";

// Version 12: phone numbers by their last digits (SearchText::phoneKey()), for the search engine
// ("+49 30 7792 0664", "030 77920664" and "7792 0664" find the same person).
constexpr const char *Migration12 = R"sql(
ALTER TABLE profiles ADD COLUMN phone_key TEXT NOT NULL DEFAULT '';
CREATE INDEX profiles_by_phone ON profiles(phone_key) WHERE phone_key <> '';
)sql";

// Version 13: phone numbers by their first digits (SearchText::phoneDigits()), for the search
// engine: a number being typed ("+44 20 79") finds the numbers that start so.
constexpr const char *Migration13 = R"sql(
ALTER TABLE profiles ADD COLUMN phone_digits TEXT NOT NULL DEFAULT '';
CREATE INDEX profiles_by_phone_start ON profiles(phone_digits) WHERE phone_digits <> '';
)sql";

//! Fills \a column of every profile with a phone number with \a key of the number.
bool populatePhones(sqlite3 *db, const char *column, QString (*key)(QStringView), QString *error)
{
    Sql::Statement phones(db, "SELECT local_id, phone FROM profiles WHERE phone <> ''");
    const QByteArray sql = QByteArray("UPDATE profiles SET ") + column + " = ?2 WHERE local_id = ?1";
    Sql::Statement update(db, sql.constData());
    while (phones.next()) {
        update.bind(1, phones.int64(0));
        update.bind(2, key(phones.text(1)));
        if (!update.exec()) {
            *error = update.errorMessage();
            return false;
        }
    }
    if (!phones.ok()) {
        *error = phones.errorMessage();
        return false;
    }
    return true;
}

constexpr const char *InsertFtsSql =
    "INSERT INTO profile_fts(rowid, name, title, department, location, skills5, skills4, skills3, skills2, "
    "skills1, interests, bio) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

bool populateSearch(sqlite3 *db, QString *error)
{
    Sql::Statement ids(db, "SELECT local_id FROM profiles");
    Sql::Statement insert(db,
                          "INSERT INTO profile_search(local_id, name, title, department, location, skills5, skills4, "
                          "skills3, skills2, skills1, interests, bio) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                          "?10, ?11, ?12)");
    Sql::Statement insertFts(db, InsertFtsSql);
    Sql::Statement sortKey(db, "UPDATE profiles SET sort_key = ?2 WHERE local_id = ?1");
    ProfileReader reader(db, false); // the schema of version 2
    while (ids.next()) {
        const qint64 localId = ids.int64(0);
        const auto profile = reader.byLocalId(localId);
        if (!profile)
            continue;
        sortKey.bind(1, localId);
        sortKey.bind(2, SearchText::sortKey(profile->displayName));
        if (!sortKey.exec() || !writeSearchRow(insert, insertFts, localId, *profile)) {
            *error = Sql::errorMessage(db);
            return false;
        }
    }
    if (!ids.ok()) {
        *error = ids.errorMessage();
        return false;
    }
    return true;
}

struct Migration
{
    int version;
    const char *sql;
    std::function<bool(sqlite3 *, QString *)> after;
};

const Migration Migrations[] = {
    {1, Migration1, nullptr},
    {2, Migration2, populateSearch},
    {3, Migration3, nullptr},
    {4, SyncSchema::Migration4, nullptr}, // the sync engine's (app/client/sync/SyncSchema.cpp)
    {5, Migration5, nullptr},
    {6, Migration6, nullptr},
    {7, Migration7, nullptr},
    {8, Migration8, nullptr},
    {9, Migration9, nullptr},
    {10, Migration10, nullptr},
    {11, Migration11, nullptr},
    {12, Migration12,
     [](sqlite3 *db, QString *error) { return populatePhones(db, "phone_key", SearchText::phoneKey, error); }},
    {13, Migration13,
     [](sqlite3 *db, QString *error) { return populatePhones(db, "phone_digits", SearchText::phoneDigits, error); }},
};

QString fromIso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

sqlite3 *openConnection(const QString &connectionName, const QString &path, QString *error)
{
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    database.setDatabaseName(path);
    if (!database.open()) {
        *error = QStringLiteral("cannot open the local store %1: %2").arg(path, database.lastError().text());
        return nullptr;
    }
    const QVariant handle = database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        *error = QStringLiteral("the QSQLITE driver did not give a sqlite3 handle");
        return nullptr;
    }
    sqlite3 *db = *static_cast<sqlite3 *const *>(handle.constData());
    if (!StoreSchema::configureConnection(db, error))
        return nullptr;
    return db;
}

void closeConnection(const QString &connectionName)
{
    {
        QSqlDatabase database = QSqlDatabase::database(connectionName, false);
        database.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

bool configureConnection(sqlite3 *db, QString *error)
{
    sqlite3_busy_timeout(db, BusyTimeoutMs);
    // synchronous=NORMAL is durable across application crashes in WAL mode; an OS crash may
    // lose the last transactions, which the next sync brings back (the cursor is committed
    // in the same transactions).
    return Sql::exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                     "PRAGMA cache_size=-16000; PRAGMA temp_store=MEMORY; PRAGMA secure_delete=FAST;",
                     error);
}

int version(sqlite3 *db)
{
    Sql::Statement statement(db, "PRAGMA user_version");
    return statement.next() ? statement.integer(0) : -1;
}

bool migrate(sqlite3 *db, int target, QString *error)
{
    const int current = version(db);
    if (current < 0) {
        *error = QStringLiteral("cannot read the schema version: %1").arg(Sql::errorMessage(db));
        return false;
    }
    if (current > LatestVersion) {
        *error = QStringLiteral("the local store has schema version %1, newer than this build knows (%2); "
                                "update Colleagues or use another --data-dir")
                     .arg(current)
                     .arg(LatestVersion);
        return false;
    }
    for (const Migration &migration : Migrations) {
        if (migration.version <= current || migration.version > target)
            continue;
        Sql::Transaction transaction(db);
        QString stepError;
        if (!transaction.isActive() || !Sql::exec(db, migration.sql, &stepError)
            || (migration.after && !migration.after(db, &stepError))
            || !Sql::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(migration.version).toUtf8().constData(),
                          &stepError)
            || !transaction.commit(&stepError)) {
            *error = QStringLiteral("migration to schema version %1 failed: %2")
                         .arg(migration.version)
                         .arg(stepError.isEmpty() ? Sql::errorMessage(db) : stepError);
            return false;
        }
    }
    return true;
}

bool writeVocabulary(sqlite3 *db, const Vocabulary &vocabulary, QString *error)
{
    Sql::Statement statement(db, "INSERT OR REPLACE INTO vocabulary(id, version, text) VALUES(1, ?1, ?2)");
    statement.bind(1, vocabulary.version());
    statement.bind(2, vocabulary.toText());
    if (!statement.exec()) {
        *error = statement.errorMessage();
        return false;
    }
    return true;
}

void readPersonCard(const Sql::Statement &row, int first, PersonCard *card)
{
    card->username = row.text(first);
    card->displayName = row.text(first + 1);
    card->title = row.text(first + 2);
    card->department = row.text(first + 3);
    card->location = row.text(first + 4);
    card->timeZone = row.text(first + 5);
}

QString localProfileId(const QString &username)
{
    static const QUuid Namespace(QStringLiteral("6f1c9a4e-2d0b-4c61-9a55-0b8f4f3f7d21"));
    return QUuid::createUuidV5(Namespace, username).toString(QUuid::WithoutBraces);
}

std::optional<std::vector<qint64>> directoryChangesSince(sqlite3 *db, qint64 since, qint64 *last)
{
    Sql::Statement log(db, "SELECT seq, local_id FROM directory_changes WHERE seq > ?1 ORDER BY seq");
    log.bind(1, since);
    std::vector<qint64> changed;
    *last = since;
    while (log.next()) {
        // A gap: the entries after \a since are gone, the reader is too far behind.
        if (*last == since && log.int64(0) != since + 1)
            return std::nullopt;
        *last = log.int64(0);
        changed.push_back(log.int64(1));
    }
    if (!log.ok() || *last == since)
        return std::nullopt;
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return changed;
}

bool writeSearchRow(Sql::Statement &insertSearch, Sql::Statement &insertFts, qint64 localId, const Profile &profile)
{
    SkillList byLevel[5];
    for (const Skill &skill : profile.skills)
        byLevel[qBound(1, skill.level, 5) - 1].append(skill);

    // UTF-8, bound without copies to both statements.
    QByteArray columns[11];
    columns[0] = SearchText::indexTextUtf8(profile.displayName);
    columns[0] += ' ';
    columns[0] += SearchText::indexTextUtf8(profile.username);
    columns[1] = SearchText::indexTextUtf8(profile.title);
    columns[2] = SearchText::indexTextUtf8(profile.department);
    columns[3] = SearchText::indexTextUtf8(profile.location);
    for (int level = 5; level >= 1; --level)
        columns[4 + (5 - level)] = SearchText::indexSkillsUtf8(byLevel[level - 1]);
    columns[9] = SearchText::indexTextsUtf8(profile.interests);
    columns[10] = SearchText::indexTextUtf8(profile.bio);

    for (Sql::Statement *statement : {&insertSearch, &insertFts}) {
        statement->bind(1, localId);
        for (int i = 0; i < 11; ++i)
            statement->bindUtf8NoCopy(2 + i, columns[i]);
        if (!statement->exec())
            return false;
    }
    return true;
}

DirectoryWriter::DirectoryWriter(sqlite3 *db)
    : m_db(db)
{
    // ?16 is the local_id: NULL to insert (a new one is assigned), the existing one to update.
    m_valid = m_insertProfile.prepare(
                  db,
                  "INSERT INTO profiles(id, username, display_name, email, title, department, location, time_zone, "
                  "manager, phone, bio, photo_tag, revision, updated_at, sort_key, visibility, visibility_locked, "
                  "withheld, phone_key, phone_digits) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                  "?14, ?15, ?17, ?18, ?19, ?20, ?21)")
        && m_updateProfile.prepare(
            db,
            "UPDATE profiles SET id = ?1, username = ?2, display_name = ?3, email = ?4, title = ?5, department = ?6, "
            "location = ?7, time_zone = ?8, manager = ?9, phone = ?10, bio = ?11, photo_tag = ?12, revision = ?13, "
            "updated_at = ?14, sort_key = ?15, visibility = ?17, visibility_locked = ?18, withheld = ?19, "
            "phone_key = ?20, phone_digits = ?21 WHERE local_id = ?16")
        && m_deleteSkills.prepare(db, "DELETE FROM skills WHERE local_id = ?1")
        && m_deleteInterests.prepare(db, "DELETE FROM interests WHERE local_id = ?1")
        && m_insertSkill.prepare(db,
                                 "INSERT INTO skills(local_id, position, name, key, level) VALUES(?1, ?2, ?3, ?4, ?5)")
        && m_insertInterest.prepare(db, "INSERT INTO interests(local_id, position, text) VALUES(?1, ?2, ?3)")
        && m_deleteSearch.prepare(db, "DELETE FROM profile_search WHERE local_id = ?1")
        && m_insertSearch.prepare(db,
                                  "INSERT INTO profile_search(local_id, name, title, department, location, skills5, "
                                  "skills4, skills3, skills2, skills1, interests, bio) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
                                  "?7, ?8, ?9, ?10, ?11, ?12)")
        && m_insertFts.prepare(db, InsertFtsSql)
        && m_byUsername.prepare(db, "SELECT local_id, id FROM profiles WHERE username = ?1")
        && m_localIdById.prepare(db, "SELECT local_id FROM profiles WHERE id = ?1")
        && m_removeByLocalId.prepare(db, "DELETE FROM profiles WHERE local_id = ?1")
        && m_removeById.prepare(db, "DELETE FROM profiles WHERE id = ?1")
        && m_setSyncValue.prepare(db, "INSERT OR REPLACE INTO sync_state(key, value) VALUES(?1, ?2)")
        && m_logChange.prepare(db, "INSERT INTO directory_changes(local_id) VALUES(?1)");
    if (!m_valid)
        m_error = Sql::errorMessage(db);
}

bool DirectoryWriter::fail(const Sql::Statement &statement)
{
    m_error = statement.errorMessage();
    return false;
}

bool DirectoryWriter::upsert(const Profile &profile)
{
    return writePendingSearchRows() && upsertRow(profile, false);
}

bool DirectoryWriter::upsertAll(const QList<Profile> &profiles, bool mostlyNew)
{
    m_insertFirst = mostlyNew;
    struct Reset
    {
        bool &flag;
        ~Reset() { flag = false; }
    } reset {m_insertFirst};
    // Runs of this many profiles: their index terms (about 1 MB, FTS5's own limit for pending
    // data) go to disk as one segment.
    constexpr size_t Run = 1000;
    m_pendingSearch.reserve(std::min<size_t>(Run, size_t(profiles.size())));
    for (const Profile &profile : profiles) {
        if (!upsertRow(profile, true) || (m_pendingSearch.size() >= Run && !writePendingSearchRows())) {
            m_pendingSearch.clear(); // the caller rolls back
            return false;
        }
    }
    return writePendingSearchRows() && pruneChanges();
}

bool DirectoryWriter::writePendingSearchRows()
{
    for (const PendingSearchRow &row : m_pendingSearch) {
        if (!writeSearchRow(m_insertSearch, m_insertFts, row.localId, *row.profile)) {
            m_pendingSearch.clear();
            return fail(m_insertSearch.ok() ? m_insertFts : m_insertSearch);
        }
        if (!logChange(row.localId)) {
            m_pendingSearch.clear();
            return false;
        }
    }
    m_pendingSearch.clear();
    return true;
}

bool DirectoryWriter::bindProfileRow(Sql::Statement &statement, const QString &id, const Profile &profile,
                                     qint64 existing)
{
    statement.bind(1, id);
    statement.bind(2, profile.username);
    statement.bind(3, profile.displayName);
    statement.bind(4, profile.email);
    statement.bind(5, profile.title);
    statement.bind(6, profile.department);
    statement.bind(7, profile.location);
    statement.bind(8, profile.timeZone);
    statement.bind(9, profile.manager);
    statement.bind(10, profile.phone);
    statement.bind(20, SearchText::phoneKey(profile.phone));
    statement.bind(21, SearchText::phoneDigits(profile.phone));
    statement.bind(11, profile.bio);
    statement.bind(12, profile.photoTag);
    statement.bind(13, profile.revision);
    const QString updated = fromIso(profile.updatedAt);
    if (updated.isEmpty())
        statement.bindNull(14);
    else
        statement.bind(14, updated);
    statement.bind(15, SearchText::sortKey(profile.displayName));
    statement.bind(17, profile.visibility.toText());
    QStringList locked;
    for (const QJsonValue &name : profile.visibilityLocked.toJson())
        locked.append(name.toString());
    statement.bind(18, locked.join(QLatin1Char(',')));
    statement.bind(19, qint64(profile.withheld.bits()));
    if (existing >= 0)
        statement.bind(16, existing);
    return statement.run();
}

bool DirectoryWriter::upsertRow(const Profile &profile, bool deferIndex)
{
    // A profile new to the store (most of an import into an empty store, or of a first sync) is
    // inserted without looking anything up. If its username or id is taken after all, the
    // one-row INSERT fails on that UNIQUE constraint before it wrote anything (profiles has no
    // triggers, so SQLite checks every constraint first and leaves the transaction as it was),
    // and the lookups below find the row to update.
    if (m_insertFirst) {
        const QString id = profile.id.isEmpty() ? localProfileId(profile.username) : profile.id;
        if (bindProfileRow(m_insertProfile, id, profile, -1))
            return writeRowsOf(sqlite3_last_insert_rowid(m_db), profile, false, deferIndex);
        if ((m_insertProfile.errorCode() & 0xff) != SQLITE_CONSTRAINT)
            return fail(m_insertProfile);
    }

    // What the store holds under this username.
    qint64 existing = -1;
    QString existingId;
    m_byUsername.bind(1, profile.username);
    if (m_byUsername.next()) {
        existing = m_byUsername.int64(0);
        existingId = m_byUsername.text(1);
    }
    m_byUsername.reset();
    const QString id = !profile.id.isEmpty() ? profile.id
        : existing >= 0                      ? existingId
                                             : localProfileId(profile.username);
    if (existing >= 0 && !writePendingSearchRows())
        return false; // the rows about to be deleted may be queued ones
    if (existing >= 0 && existingId != id) {
        // A username belongs to one profile: a local row holding it under another id is stale
        // (the server gave the name to someone else); it goes, with its skills and index rows.
        m_removeByLocalId.bind(1, existing);
        if (!m_removeByLocalId.exec())
            return fail(m_removeByLocalId);
        existing = -1;
    }
    if (existing < 0) {
        // The id may be here under an older username.
        m_localIdById.bind(1, id);
        if (m_localIdById.next())
            existing = m_localIdById.int64(0);
        m_localIdById.reset();
        if (existing >= 0 && !writePendingSearchRows())
            return false;
    }

    // No UPSERT ... RETURNING: the lookups above already tell an insert from an update.
    Sql::Statement &up = existing >= 0 ? m_updateProfile : m_insertProfile;
    if (!bindProfileRow(up, id, profile, existing))
        return fail(up);
    return writeRowsOf(existing >= 0 ? existing : sqlite3_last_insert_rowid(m_db), profile, existing >= 0, deferIndex);
}

bool DirectoryWriter::writeRowsOf(qint64 localId, const Profile &profile, bool replacing, bool deferIndex)
{

    if (replacing) {
        // Delete then insert: the triggers on profile_search take the old text out of the FTS
        // index and put the new text in.
        for (Sql::Statement *statement : {&m_deleteSkills, &m_deleteInterests, &m_deleteSearch}) {
            statement->bind(1, localId);
            if (!statement->exec())
                return fail(*statement);
        }
    }
    // One row per statement: a multi-row INSERT opens a statement journal, which costs a
    // copy of every page it touches and makes FTS5 write out its pending terms (upsertAll()).
    for (qsizetype i = 0; i < profile.skills.size(); ++i) {
        const Skill &skill = profile.skills.at(i);
        m_insertSkill.bind(1, localId);
        m_insertSkill.bind(2, int(i));
        m_insertSkill.bind(3, skill.name);
        m_insertSkill.bind(4, SearchText::skillKey(skill.name));
        m_insertSkill.bind(5, qBound(1, skill.level, 5));
        if (!m_insertSkill.run())
            return fail(m_insertSkill);
    }
    for (qsizetype i = 0; i < profile.interests.size(); ++i) {
        m_insertInterest.bind(1, localId);
        m_insertInterest.bind(2, int(i));
        m_insertInterest.bind(3, profile.interests.at(i));
        if (!m_insertInterest.run())
            return fail(m_insertInterest);
    }
    if (deferIndex) {
        m_pendingSearch.push_back(PendingSearchRow {localId, &profile});
        return true;
    }
    if (!writeSearchRow(m_insertSearch, m_insertFts, localId, profile))
        return fail(m_insertSearch.ok() ? m_insertFts : m_insertSearch);
    return logChange(localId);
}

bool DirectoryWriter::logChange(qint64 localId)
{
    m_logChange.bind(1, localId);
    return m_logChange.run() || fail(m_logChange);
}

bool DirectoryWriter::pruneChanges()
{
    // The search engine reads the log from where its tables are; further behind, it loads
    // everything. The oldest entries go in one range delete once there are 1,000 too many.
    Sql::Statement span(m_db, "SELECT coalesce(max(seq), 0), coalesce(min(seq), 0) FROM directory_changes");
    if (!span.next())
        return fail(span);
    const qint64 last = span.int64(0);
    if (last - span.int64(1) < 6000)
        return true;
    Sql::Statement prune(m_db, "DELETE FROM directory_changes WHERE seq <= ?1");
    prune.bind(1, last - 5000);
    return prune.exec() || fail(prune);
}

bool DirectoryWriter::remove(const QString &id, bool *removed)
{
    if (!writePendingSearchRows())
        return false;
    m_removeById.bind(1, id);
    if (!m_removeById.exec())
        return fail(m_removeById);
    *removed = sqlite3_changes(m_db) > 0;
    return true;
}

bool DirectoryWriter::setSyncValue(const QString &key, const QString &value)
{
    m_setSyncValue.bind(1, key);
    m_setSyncValue.bind(2, value);
    return m_setSyncValue.exec() || fail(m_setSyncValue);
}

bool DirectoryWriter::apply(const DirectoryBatch &batch, BatchResult *result)
{
    if (!m_valid)
        return false;
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return false;
    // A large batch (an import, a first sync page) touches most pages of the indexes: give it
    // a cache that holds them, so that they are written once at commit, then shrink it back.
    const bool large = batch.upserts.size() > 2000;
    if (large)
        Sql::exec(m_db, "PRAGMA cache_size=-262144");
    struct RestoreCache
    {
        sqlite3 *db;
        bool active;
        ~RestoreCache()
        {
            if (active)
                Sql::exec(db, "PRAGMA cache_size=-16000");
        }
    } restore {m_db, large};
    bool intoEmptyStore = false;
    {
        Sql::Statement any(m_db, "SELECT 1 FROM profiles LIMIT 1");
        intoEmptyStore = !any.next();
    }
    BatchResult counts;
    for (const QString &id : batch.removedIds) {
        bool removed = false;
        if (!remove(id, &removed))
            return false;
        counts.removed += removed ? 1 : 0;
    }
    if (!upsertAll(batch.upserts, intoEmptyStore))
        return false;
    counts.upserted = int(batch.upserts.size());
    for (auto it = batch.syncState.cbegin(); it != batch.syncState.cend(); ++it) {
        if (!setSyncValue(it.key(), it.value()))
            return false;
    }
    if (!transaction.commit(&m_error))
        return false;
    *result = counts;
    return true;
}

ProfileReader::ProfileReader(sqlite3 *db, bool withPrivacy)
    : m_withPrivacy(withPrivacy)
{
    const QByteArray select =
        QByteArray("SELECT ") + ProfileColumns + (withPrivacy ? PrivacyColumns : "") + " FROM profiles ";
    m_byLocalId.prepare(db, (select + "WHERE local_id = ?1").constData());
    m_byId.prepare(db, (select + "WHERE id = ?1").constData());
    m_byUsername.prepare(db, (select + "WHERE username = ?1").constData());
    m_byManager.prepare(db, (select + "WHERE manager = ?1 ORDER BY sort_key, username").constData());
    m_skills.prepare(db, "SELECT name, level FROM skills WHERE local_id = ?1 ORDER BY position");
    m_interests.prepare(db, "SELECT text FROM interests WHERE local_id = ?1 ORDER BY position");
}

std::optional<Profile> ProfileReader::readCurrentRow(Sql::Statement &statement)
{
    Profile profile;
    const qint64 localId = statement.int64(0);
    profile.id = statement.text(1);
    profile.username = statement.text(2);
    profile.displayName = statement.text(3);
    profile.email = statement.text(4);
    profile.title = statement.text(5);
    profile.department = statement.text(6);
    profile.location = statement.text(7);
    profile.timeZone = statement.text(8);
    profile.manager = statement.text(9);
    profile.phone = statement.text(10);
    profile.bio = statement.text(11);
    profile.photoTag = statement.text(12);
    profile.revision = statement.int64(13);
    if (!statement.isNull(14))
        profile.updatedAt = QDateTime::fromString(statement.text(14), Qt::ISODateWithMs);
    if (m_withPrivacy) {
        // Written by this store from checked values; anything unreadable reads as no choice.
        profile.visibility = FieldVisibility::fromText(statement.text(15)).valueOr({});
        profile.visibilityLocked =
            PrivateFields::fromNames(statement.text(16).split(QLatin1Char(','), Qt::SkipEmptyParts), {}).valueOr({});
        profile.withheld = PrivateFields::fromBits(quint8(statement.int64(17)));
    }

    m_skills.bind(1, localId);
    while (m_skills.next())
        profile.skills.append(Skill {m_skills.text(0), m_skills.integer(1)});
    m_skills.reset();
    m_interests.bind(1, localId);
    while (m_interests.next())
        profile.interests.append(m_interests.text(0));
    m_interests.reset();
    return profile;
}

namespace {

std::optional<Profile> readOne(Sql::Statement &statement, const std::function<std::optional<Profile>()> &read)
{
    std::optional<Profile> result;
    if (statement.next())
        result = read();
    statement.reset();
    return result;
}

} // namespace

std::optional<Profile> ProfileReader::byLocalId(qint64 localId)
{
    m_byLocalId.bind(1, localId);
    return readOne(m_byLocalId, [&] { return readCurrentRow(m_byLocalId); });
}

std::optional<Profile> ProfileReader::byId(const QString &id)
{
    m_byId.bind(1, id);
    return readOne(m_byId, [&] { return readCurrentRow(m_byId); });
}

std::optional<Profile> ProfileReader::byUsername(const QString &username)
{
    m_byUsername.bind(1, username);
    return readOne(m_byUsername, [&] { return readCurrentRow(m_byUsername); });
}

QList<Profile> ProfileReader::byManager(const QString &username)
{
    QList<Profile> result;
    m_byManager.bind(1, username);
    while (m_byManager.next()) {
        if (auto profile = readCurrentRow(m_byManager))
            result.append(std::move(*profile));
    }
    m_byManager.reset();
    return result;
}

} // namespace Colleagues::StoreSchema
