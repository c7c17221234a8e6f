// SPDX-License-Identifier: MIT
#pragma once

// Internal: the store's schema migrations and the directory writer shared by the store's
// own connection and its worker thread's connection.

#include "client/ClientStore.h"
#include "client/PersonCard.h"
#include "client/Sqlite_p.h"

#include <QSet>
#include <QString>

#include <optional>
#include <vector>

namespace Colleagues::StoreSchema {

inline constexpr int LatestVersion = 13;
//! How long a connection waits for another one's write lock (configureConnection()).
inline constexpr int BusyTimeoutMs = 5000;

//! Opens \a path through Qt's QSQLITE driver under \a connectionName, configures it
//! (configureConnection()) and returns its sqlite3 handle; nullptr with \a error on failure.
sqlite3 *openConnection(const QString &connectionName, const QString &path, QString *error);
//! Closes and removes a connection opened by openConnection(), on the thread that opened it.
void closeConnection(const QString &connectionName);

//! Sets the per-connection pragmas (WAL, foreign keys, busy timeout, cache).
bool configureConnection(sqlite3 *db, QString *error);

//! The schema version of \a db (PRAGMA user_version).
int version(sqlite3 *db);

//! Migrates \a db from its version to \a target, one transaction per step.
//! Fails for a database newer than this build knows.
bool migrate(sqlite3 *db, int target, QString *error);

//! Stores \a vocabulary as the synced one (ClientStore::vocabulary() reads it), on any connection.
bool writeVocabulary(sqlite3 *db, const Vocabulary &vocabulary, QString *error);

//! Reads a PersonCard from the profiles columns "username, display_name, title, department,
//! location, time_zone" that \a row selects in this order from its column \a first on.
void readPersonCard(const Sql::Statement &row, int first, PersonCard *card);

//! Profile id used when a profile comes without one (CSV import): a name-based UUID of the
//! username, so that importing the same file twice updates the same rows.
QString localProfileId(const QString &username);

//! The people changed after entry \a since of directory_changes, by local id (sorted, each
//! once), and in \a last the log's last entry; nothing when the log no longer reaches back to
//! \a since (it keeps its last entries only), holds nothing newer, or cannot be read.
std::optional<std::vector<qint64>> directoryChangesSince(sqlite3 *db, qint64 since, qint64 *last);

//! Writes directory changes on one connection. Call inside a transaction.
class DirectoryWriter
{
public:
    explicit DirectoryWriter(sqlite3 *db);
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }

    //! Inserts or replaces one profile with its skills, interests and index rows.
    bool upsert(const Profile &profile);
    /*!
     * Upserts many profiles (a sync page, an import) in the calling transaction. Their index
     * rows are written in runs after their profile rows: FTS5 (SQLite 3.40) writes its pending
     * terms to disk as a new segment whenever a statement opens a statement journal inside the
     * transaction (multi-row inserts, statements that fire triggers, ...), so indexing each
     * profile between the writes of the next could make one tiny segment per profile, and
     * merging those cost more than all the rest of the write.
     */
    //! \a mostlyNew: most profiles are not in the store yet (an import into an empty store, a
    //! first sync); they are inserted without looking up their username and id first.
    bool upsertAll(const QList<Profile> &profiles, bool mostlyNew = false);
    //! Returns false on error; \a removed tells whether the id existed.
    bool remove(const QString &id, bool *removed);
    bool setSyncValue(const QString &key, const QString &value);

    //! Applies a whole batch in one transaction.
    bool apply(const DirectoryBatch &batch, BatchResult *result);

private:
    bool upsertRow(const Profile &profile, bool deferIndex);
    //! Binds the profiles row (\a existing: its local_id for the update) and runs the statement.
    bool bindProfileRow(Sql::Statement &statement, const QString &id, const Profile &profile, qint64 existing);
    //! Skills, interests and the search row of a profile row just written.
    bool writeRowsOf(qint64 localId, const Profile &profile, bool replacing, bool deferIndex);
    //! Writes the search rows queued by upsertRow() (in the order queued).
    bool writePendingSearchRows();
    bool fail(const Sql::Statement &statement);
    //! Logs that the indexed text of \a localId changed (directory_changes, for the search engine).
    bool logChange(qint64 localId);
    //! Drops the oldest entries of directory_changes beyond the last 5,000.
    bool pruneChanges();

    sqlite3 *m_db;
    bool m_valid = false;
    QString m_error;
    Sql::Statement m_insertProfile;
    Sql::Statement m_updateProfile;
    Sql::Statement m_deleteSkills;
    Sql::Statement m_insertSkill;
    Sql::Statement m_deleteInterests;
    Sql::Statement m_insertInterest;
    Sql::Statement m_deleteSearch;
    Sql::Statement m_insertSearch;
    Sql::Statement m_insertFts;
    Sql::Statement m_byUsername;
    Sql::Statement m_localIdById;
    Sql::Statement m_removeByLocalId;
    Sql::Statement m_removeById;
    Sql::Statement m_setSyncValue;
    Sql::Statement m_logChange;
    bool m_insertFirst = false; //!< upsertAll() of mostly new profiles
    //! Profiles written whose search rows are not yet (upsertAll()); they outlive the queue.
    struct PendingSearchRow
    {
        qint64 localId;
        const Profile *profile;
    };
    std::vector<PendingSearchRow> m_pendingSearch;
};

//! Writes the FTS content row of one profile (used by the writer and by migration 2).
//! \a insertFts indexes the row in profile_fts (there is no insert trigger; see migration 2).
bool writeSearchRow(Sql::Statement &insertSearch, Sql::Statement &insertFts, qint64 localId, const Profile &profile);

} // namespace Colleagues::StoreSchema

namespace Colleagues::StoreSchema {

//! Reads whole profiles on one connection.
class ProfileReader
{
public:
    //! \a withPrivacy false: without the visibility columns (schema 6), for earlier migrations.
    explicit ProfileReader(sqlite3 *db, bool withPrivacy = true);
    std::optional<Profile> byLocalId(qint64 localId);
    std::optional<Profile> byId(const QString &id);
    std::optional<Profile> byUsername(const QString &username);
    QList<Profile> byManager(const QString &username);

private:
    std::optional<Profile> readCurrentRow(Sql::Statement &statement);

    bool m_withPrivacy = true;
    Sql::Statement m_byLocalId;
    Sql::Statement m_byId;
    Sql::Statement m_byUsername;
    Sql::Statement m_byManager;
    Sql::Statement m_skills;
    Sql::Statement m_interests;
};

} // namespace Colleagues::StoreSchema
