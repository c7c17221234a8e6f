// SPDX-License-Identifier: MIT
#include "server/storage/Migrations_p.h"

#include "server/storage/Connection_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <QScopeGuard>

namespace Colleagues::Server::Internal {

namespace {

// Any constant: serializes schema migrations of all server processes on one PostgreSQL.
constexpr qint64 MigrationLockKey = 0x436f6c6c65616775; // "Collegu"

//! The profiles table, the same on both backends but for the column types of its flag
//! (\a deleted) and of its numbers (\a integer).
QString createProfiles(QStringView deleted, QStringView integer)
{
    return QStringLiteral("CREATE TABLE profiles ("
                          " id TEXT PRIMARY KEY,"
                          " username TEXT NOT NULL UNIQUE,"
                          " deleted %1,"
                          " display_name TEXT NOT NULL DEFAULT '',"
                          " email TEXT NOT NULL DEFAULT '',"
                          " title TEXT NOT NULL DEFAULT '',"
                          " department TEXT NOT NULL DEFAULT '',"
                          " location TEXT NOT NULL DEFAULT '',"
                          " time_zone TEXT NOT NULL DEFAULT '',"
                          " manager TEXT NOT NULL DEFAULT '',"
                          " phone TEXT NOT NULL DEFAULT '',"
                          " bio TEXT NOT NULL DEFAULT '',"
                          " skills TEXT NOT NULL DEFAULT '[]',"
                          " interests TEXT NOT NULL DEFAULT '[]',"
                          " photo_tag TEXT NOT NULL DEFAULT '',"
                          " revision %2 NOT NULL,"
                          " updated_at %2 NOT NULL,"
                          " change_seq %2 NOT NULL)")
        .arg(deleted, integer);
}

// Times are milliseconds since the epoch (UTC) on both backends. Usernames are the keys
// between tables, so accounts and profiles stay separate (an account without a profile, or
// a profile imported before its owner first signs in, are both normal).
Migration initialSchema()
{
    Migration m;
    m.version = 1;
    m.description = QStringLiteral("accounts, sessions, profiles, photos, messages, change sequence");
    m.sqlite = {
        QStringLiteral("CREATE TABLE change_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO change_counter (id, value) VALUES (1, 0)"),
        QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('min_cursor', 0)"),
        QStringLiteral("CREATE TABLE accounts ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " username TEXT NOT NULL UNIQUE,"
                       " password_hash TEXT NOT NULL DEFAULT '',"
                       " role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),"
                       " disabled INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE sessions ("
                       " token_hash BLOB PRIMARY KEY,"
                       " account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
                       " created_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX sessions_account ON sessions (account_id)"),
        QStringLiteral("CREATE INDEX sessions_expires ON sessions (expires_at)"),
        QStringLiteral("CREATE TABLE failed_sign_ins ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " key TEXT NOT NULL,"
                       " at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX failed_sign_ins_key_at ON failed_sign_ins (key, at)"),
        QStringLiteral("CREATE INDEX failed_sign_ins_at ON failed_sign_ins (at)"),
        createProfiles(u"INTEGER NOT NULL DEFAULT 0", u"INTEGER"),
        QStringLiteral("CREATE INDEX profiles_change_seq ON profiles (change_seq)"),
        QStringLiteral("CREATE INDEX profiles_deleted_updated ON profiles (deleted, updated_at)"),
        QStringLiteral("CREATE TABLE photos ("
                       " username TEXT PRIMARY KEY,"
                       " data BLOB NOT NULL,"
                       " mime_type TEXT NOT NULL,"
                       " tag TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE messages ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " client_id TEXT NOT NULL,"
                       " sender TEXT NOT NULL REFERENCES accounts (username),"
                       " recipient TEXT NOT NULL REFERENCES accounts (username),"
                       " body TEXT NOT NULL,"
                       " sent_at INTEGER NOT NULL,"
                       " seq INTEGER NOT NULL,"
                       " change_seq INTEGER NOT NULL,"
                       " read_at INTEGER,"
                       " UNIQUE (sender, client_id))"),
        QStringLiteral("CREATE INDEX messages_sender_change ON messages (sender, change_seq)"),
        QStringLiteral("CREATE INDEX messages_recipient_change ON messages (recipient, change_seq)"),
        QStringLiteral("CREATE INDEX messages_unread ON messages (recipient, sender, id) WHERE read_at IS NULL"),
    };
    m.postgres = {
        QStringLiteral("CREATE TABLE change_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO change_counter (id, value) VALUES (1, 0)"),
        QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('min_cursor', 0)"),
        QStringLiteral("CREATE TABLE accounts ("
                       " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                       " username TEXT NOT NULL UNIQUE,"
                       " password_hash TEXT NOT NULL DEFAULT '',"
                       " role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),"
                       " disabled BOOLEAN NOT NULL DEFAULT FALSE,"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE sessions ("
                       " token_hash BYTEA PRIMARY KEY,"
                       " account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
                       " created_at BIGINT NOT NULL,"
                       " expires_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX sessions_account ON sessions (account_id)"),
        QStringLiteral("CREATE INDEX sessions_expires ON sessions (expires_at)"),
        QStringLiteral("CREATE TABLE failed_sign_ins ("
                       " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                       " key TEXT NOT NULL,"
                       " at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX failed_sign_ins_key_at ON failed_sign_ins (key, at)"),
        QStringLiteral("CREATE INDEX failed_sign_ins_at ON failed_sign_ins (at)"),
        createProfiles(u"BOOLEAN NOT NULL DEFAULT FALSE", u"BIGINT"),
        QStringLiteral("CREATE INDEX profiles_change_seq ON profiles (change_seq)"),
        QStringLiteral("CREATE INDEX profiles_deleted_updated ON profiles (deleted, updated_at)"),
        QStringLiteral("CREATE TABLE photos ("
                       " username TEXT PRIMARY KEY,"
                       " data BYTEA NOT NULL,"
                       " mime_type TEXT NOT NULL,"
                       " tag TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE messages ("
                       " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                       " client_id TEXT NOT NULL,"
                       " sender TEXT NOT NULL REFERENCES accounts (username),"
                       " recipient TEXT NOT NULL REFERENCES accounts (username),"
                       " body TEXT NOT NULL,"
                       " sent_at BIGINT NOT NULL,"
                       " seq BIGINT NOT NULL,"
                       " change_seq BIGINT NOT NULL,"
                       " read_at BIGINT,"
                       " UNIQUE (sender, client_id))"),
        QStringLiteral("CREATE INDEX messages_sender_change ON messages (sender, change_seq)"),
        QStringLiteral("CREATE INDEX messages_recipient_change ON messages (recipient, change_seq)"),
        QStringLiteral("CREATE INDEX messages_unread ON messages (recipient, sender, id) WHERE read_at IS NULL"),
    };
    return m;
}

// The vocabulary an administrator imported: one row, in the text format (core/Vocabulary.h) and
// as the JSON GET /api/v1/vocabulary answers with, made once at import. No row: the server serves
// the default shipped with it.
Migration vocabulary()
{
    Migration m;
    m.version = 2;
    m.description = QStringLiteral("imported vocabulary of skills, places and titles");
    m.sqlite = {
        QStringLiteral("CREATE TABLE vocabulary ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " text TEXT NOT NULL,"
                       " json TEXT NOT NULL,"
                       " version TEXT NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
    };
    m.postgres = {
        QStringLiteral("CREATE TABLE vocabulary ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " text TEXT NOT NULL,"
                       " json TEXT NOT NULL,"
                       " version TEXT NOT NULL,"
                       " updated_at BIGINT NOT NULL)"),
    };
    return m;
}

Migration visibility()
{
    Migration m;
    m.version = 3;
    m.description = QStringLiteral("per-field visibility; no text-direction controls in bios and messages");
    const QString column = QStringLiteral("ALTER TABLE profiles ADD COLUMN visibility TEXT NOT NULL DEFAULT ''");
    m.sqlite = {column};
    m.postgres = {column};
    // Bios and message bodies now refuse the bidirectional embedding, override and isolate
    // controls (clients reject a profile that has one); stored text loses them once.
    const char16_t controls[] = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069};
    for (const char16_t control : controls) {
        const QString c(QChar {control});
        for (const auto &[table, field] : {std::pair {u"profiles", u"bio"}, std::pair {u"messages", u"body"}}) {
            const QString strip = QStringLiteral("UPDATE %1 SET %2 = REPLACE(%2, '%3', '') WHERE %2 LIKE '%%3%'")
                                      .arg(QStringView(table), QStringView(field), c);
            m.sqlite.append(strip);
            m.postgres.append(strip);
        }
    }
    return m;
}

// Passwords set by an administrator (user add, user passwd) or an import are to be replaced by
// their owner; the flag is cleared when the owner changes the password. Accounts that exist
// already keep working as they did (false).
Migration mustChangePassword()
{
    Migration m;
    m.version = 4;
    m.description = QStringLiteral("must-change flag for passwords set by an administrator");
    m.sqlite = {
        QStringLiteral("ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0"),
    };
    m.postgres = {
        QStringLiteral("ALTER TABLE accounts ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE"),
    };
    return m;
}

// Identity providers provisioning users over SCIM 2.0: their tokens (SHA-256 only) and the users
// they made, each with its SCIM id, the provider's attributes and a version. A user's row marks
// its account as provisioned; deleting keeps the row (deleted) so that it stays marked.
Migration scim()
{
    Migration m;
    m.version = 5;
    m.description = QStringLiteral("SCIM provisioning tokens and provisioned users");
    const auto tables = [](QStringView blob, QStringView integer, QStringView flag) {
        return QStringList {
            QStringLiteral("CREATE TABLE scim_tokens ("
                           " name TEXT PRIMARY KEY,"
                           " token_hash %1 NOT NULL UNIQUE,"
                           " created_at %2 NOT NULL)")
                .arg(blob, integer),
            QStringLiteral("CREATE TABLE scim_users ("
                           " id TEXT PRIMARY KEY,"
                           " username TEXT NOT NULL UNIQUE,"
                           " external_id TEXT NOT NULL DEFAULT '',"
                           " manager_id TEXT NOT NULL DEFAULT '',"
                           " attributes TEXT NOT NULL,"
                           " version %1 NOT NULL,"
                           " created_at %1 NOT NULL,"
                           " updated_at %1 NOT NULL,"
                           " deleted %2)")
                .arg(integer, flag),
            QStringLiteral("CREATE INDEX scim_users_external_id ON scim_users (external_id)"),
            QStringLiteral("CREATE INDEX scim_users_manager_id ON scim_users (manager_id)"),
            QStringLiteral("CREATE INDEX scim_users_created ON scim_users (deleted, created_at, id)"),
        };
    };
    m.sqlite = tables(u"BLOB", u"INTEGER", u"INTEGER NOT NULL DEFAULT 0");
    m.postgres = tables(u"BYTEA", u"BIGINT", u"BOOLEAN NOT NULL DEFAULT FALSE");
    return m;
}

// Accounts that a company directory (ldap-sync) created and mirrors: source names it ("ldap"),
// external_id is where the directory keeps the person (a DN). Local accounts have ''.
Migration accountSource()
{
    Migration m;
    m.version = 6;
    m.description = QStringLiteral("source and external id of accounts a directory manages");
    const QStringList both = {
        QStringLiteral("ALTER TABLE accounts ADD COLUMN source TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE accounts ADD COLUMN external_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX accounts_source ON accounts (source)"),
    };
    m.sqlite = both;
    m.postgres = both;
    return m;
}

// One status per person (docs/api.md "Status"), replaced in place: what the person chose (chosen,
// chosen_text, chosen_until, the window ooo_*), what of it applies now (availability, text,
// until_at, ooo_shown: computed at each change, and again by the sweeper at next_check), the
// presence the servers saw and when an instance last saw the person connected (seen_at). A
// change takes the next change sequence value, so sync sends the row as it is now. is_default
// marks rows a first sync leaves out. Times are milliseconds since the epoch, days YYYY-MM-DD.
Migration statuses()
{
    Migration m;
    m.version = 7;
    m.description = QStringLiteral("statuses: presence, availability, status line, out-of-office window");
    const auto table = [](QStringView integer, QStringView flag) {
        return QStringList {
            QStringLiteral("CREATE TABLE statuses ("
                           " username TEXT PRIMARY KEY,"
                           " presence TEXT NOT NULL DEFAULT 'offline',"
                           " seen_at %1 NOT NULL DEFAULT 0,"
                           " chosen TEXT NOT NULL DEFAULT 'available',"
                           " chosen_text TEXT NOT NULL DEFAULT '',"
                           " chosen_until %1,"
                           " ooo_from TEXT NOT NULL DEFAULT '',"
                           " ooo_to TEXT NOT NULL DEFAULT '',"
                           " ooo_note TEXT NOT NULL DEFAULT '',"
                           " ooo_stand_in TEXT NOT NULL DEFAULT '',"
                           " availability TEXT NOT NULL DEFAULT 'available',"
                           " text TEXT NOT NULL DEFAULT '',"
                           " until_at %1,"
                           " ooo_shown %2,"
                           " is_default %2,"
                           " next_check %1,"
                           " updated_at %1 NOT NULL,"
                           " change_seq %1 NOT NULL)")
                .arg(integer, flag),
            QStringLiteral("CREATE INDEX statuses_change_seq ON statuses (change_seq)"),
            QStringLiteral("CREATE INDEX statuses_next_check ON statuses (next_check)"),
            QStringLiteral("CREATE INDEX statuses_presence_seen ON statuses (presence, seen_at)"),
        };
    };
    m.sqlite = table(u"INTEGER", u"INTEGER NOT NULL DEFAULT 0");
    m.postgres = table(u"BIGINT", u"BOOLEAN NOT NULL DEFAULT FALSE");
    return m;
}

// Group conversations (docs/api.md "Conversation"). A conversation changes as a whole and takes a
// change sequence value each time (change_seq); created_seq is its first. Its members are rows of
// conversation_members, current or gone: joined_seq is the change that brought the member in (the
// creation, or the leave that named them: added_by), left_seq and left_at the one that took them
// out, and left_state the conversation as it was then (JSON), which is all they see of it
// afterwards. A message to a conversation is a row of messages with conversation_id and no
// recipient; it never changes (read state is the member's read_up_to), so its change_seq is its seq.
Migration conversations()
{
    Migration m;
    m.version = 8;
    m.description = QStringLiteral("group conversations: members, resolution, messages to a conversation");
    const auto tables = [](QStringView integer) {
        return QStringList {
            QStringLiteral("CREATE TABLE conversations ("
                           " id TEXT PRIMARY KEY,"
                           " kind TEXT NOT NULL CHECK (kind IN ('question', 'group')),"
                           " title TEXT NOT NULL,"
                           " created_by TEXT NOT NULL REFERENCES accounts (username),"
                           " created_at %1 NOT NULL,"
                           " created_seq %1 NOT NULL,"
                           " resolved_message %1,"
                           " resolved_by TEXT,"
                           " resolved_at %1,"
                           " change_seq %1 NOT NULL)")
                .arg(integer),
            QStringLiteral("CREATE INDEX conversations_change_seq ON conversations (change_seq)"),
            QStringLiteral("CREATE TABLE conversation_members ("
                           " conversation_id TEXT NOT NULL REFERENCES conversations (id),"
                           " username TEXT NOT NULL REFERENCES accounts (username),"
                           " role TEXT NOT NULL CHECK (role IN ('asker', 'member')),"
                           " read_up_to %1 NOT NULL DEFAULT 0,"
                           " joined_seq %1 NOT NULL,"
                           " added_by TEXT NOT NULL DEFAULT '',"
                           " left_at %1,"
                           " left_seq %1,"
                           " suggested TEXT NOT NULL DEFAULT '',"
                           " left_state TEXT,"
                           " PRIMARY KEY (conversation_id, username))")
                .arg(integer),
            QStringLiteral("CREATE INDEX conversation_members_joined ON conversation_members (username, joined_seq)"),
            QStringLiteral("CREATE INDEX conversation_members_left ON conversation_members (username, left_seq)"),
        };
    };
    const QString conversationIndex = QStringLiteral(
        "CREATE INDEX messages_conversation ON messages (conversation_id, seq) WHERE conversation_id IS NOT NULL");
    m.sqlite = tables(u"INTEGER");
    // SQLite cannot drop NOT NULL from recipient: the table is made again (its ids kept).
    m.sqlite += {
        QStringLiteral("CREATE TABLE messages_v8 ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " client_id TEXT NOT NULL,"
                       " sender TEXT NOT NULL REFERENCES accounts (username),"
                       " recipient TEXT REFERENCES accounts (username),"
                       " body TEXT NOT NULL,"
                       " sent_at INTEGER NOT NULL,"
                       " seq INTEGER NOT NULL,"
                       " change_seq INTEGER NOT NULL,"
                       " read_at INTEGER,"
                       " conversation_id TEXT REFERENCES conversations (id),"
                       " UNIQUE (sender, client_id),"
                       " CHECK ((recipient IS NULL) <> (conversation_id IS NULL)))"),
        QStringLiteral("INSERT INTO messages_v8 (id, client_id, sender, recipient, body, sent_at, seq, change_seq,"
                       " read_at) SELECT id, client_id, sender, recipient, body, sent_at, seq, change_seq, read_at"
                       " FROM messages"),
        QStringLiteral("DROP TABLE messages"),
        QStringLiteral("ALTER TABLE messages_v8 RENAME TO messages"),
        QStringLiteral("CREATE INDEX messages_sender_change ON messages (sender, change_seq)"),
        QStringLiteral("CREATE INDEX messages_recipient_change ON messages (recipient, change_seq)"),
        QStringLiteral("CREATE INDEX messages_unread ON messages (recipient, sender, id) WHERE read_at IS NULL"),
    };
    m.postgres = tables(u"BIGINT");
    m.postgres += {
        QStringLiteral("ALTER TABLE messages ALTER COLUMN recipient DROP NOT NULL"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN conversation_id TEXT REFERENCES conversations (id)"),
        QStringLiteral("ALTER TABLE messages ADD CONSTRAINT messages_one_audience"
                       " CHECK ((recipient IS NULL) <> (conversation_id IS NULL))"),
    };
    m.sqlite.append(conversationIndex);
    m.postgres.append(conversationIndex);
    return m;
}

// Ended sessions and changed access, told to every server (PostgreSQL): each caches the sessions
// it checked, and forgets them when any instance or command deletes a session (sign-out, password
// change, account removal, expiry) or changes an account's role or whether it is disabled. The
// notification goes at COMMIT, once per transaction (PostgreSQL folds equal ones). SQLite has one
// server process, which keeps its cache short instead.
Migration sessionRevocations()
{
    Migration m;
    m.version = 9;
    m.description = QStringLiteral("tell every server when sessions end or an account's access changes");
    m.postgres = {
        QStringLiteral("CREATE FUNCTION colleagues_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS"
                       " $$ BEGIN PERFORM pg_notify('colleagues_sessions', ''); RETURN NULL; END $$"),
        QStringLiteral("CREATE TRIGGER sessions_ended AFTER DELETE ON sessions FOR EACH ROW"
                       " EXECUTE FUNCTION colleagues_sessions_changed()"),
        QStringLiteral("CREATE TRIGGER accounts_access_changed AFTER UPDATE OF role, disabled ON accounts"
                       " FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role"
                       " OR OLD.disabled IS DISTINCT FROM NEW.disabled)"
                       " EXECUTE FUNCTION colleagues_sessions_changed()"),
    };
    return m;
}

// A long-poll hub that did not hear whom a change concerns (another instance's notification came
// late or not at all) reads it from the rows at that sequence value (SyncReader::audiencesBetween()):
// these find them by the value alone.
Migration sequenceIndexes()
{
    Migration m;
    m.version = 10;
    m.description = QStringLiteral("find messages and conversation members by sequence value");
    m.sqlite = {
        QStringLiteral("CREATE INDEX messages_change_seq ON messages (change_seq)"),
        QStringLiteral("CREATE INDEX conversation_members_joined_seq ON conversation_members (joined_seq)"),
        QStringLiteral("CREATE INDEX conversation_members_left_seq ON conversation_members (left_seq)"),
    };
    m.postgres = m.sqlite;
    return m;
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all {
        initialSchema(), vocabulary(), visibility(),    mustChangePassword(), scim(),
        accountSource(), statuses(),   conversations(), sessionRevocations(), sequenceIndexes()};
    return all;
}

Expected<bool> migrate(Database &database, Connection &c)
{
    QSqlError error;
    if (database.isPostgres()) {
        // Another server process may be migrating the same database right now.
        if (!c.execDirect(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(MigrationLockKey), &error))
            return database.failure(c, error, u"taking the migration lock");
    }
    const auto unlock = qScopeGuard([&] {
        if (database.isPostgres())
            c.execDirect(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(MigrationLockKey));
    });
    if (!c.execDirect(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                                     " description TEXT NOT NULL, applied_at BIGINT NOT NULL)"),
                      &error)) {
        return database.failure(c, error, u"creating schema_version");
    }
    const QList<Migration> &all = migrations();
    const int known = all.isEmpty() ? 0 : all.constLast().version;
    for (const Migration &migration : all) {
        Transaction tx(database, c);
        if (!tx.begin())
            return tx.fail(u"starting a migration");
        Query versionQuery(c, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
        const auto current = versionQuery.scalar();
        if (!current)
            return tx.fail(u"reading the schema version", versionQuery.error());
        if (*current > known) {
            tx.rollback();
            return Error {Error::Code::OutOfRange, QStringLiteral("database"),
                          QStringLiteral("The database has schema version %1, newer than this server knows (%2); "
                                         "use a newer colleagues-server.")
                              .arg(*current)
                              .arg(known)};
        }
        if (*current >= migration.version) {
            tx.rollback();
            continue;
        }
        const QStringList &statements = database.isPostgres() ? migration.postgres : migration.sqlite;
        for (const QString &statement : statements) {
            if (!c.execDirect(statement, &error))
                return tx.fail(QStringLiteral("migration %1").arg(migration.version), error);
        }
        Query record(c,
                     QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"));
        if (!record.exec({migration.version, migration.description, nowMs()}))
            return tx.fail(u"recording a migration", record.error());
        record.finish();
        if (!tx.commit())
            return tx.fail(u"committing a migration");
        qCInfo(lcStorage).noquote() << "applied schema migration" << migration.version << "-" << migration.description;
    }
    // Statements prepared before the migration may refer to an older schema.
    c.statements.clear();
    return true;
}

} // namespace Colleagues::Server::Internal
