// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"
#include "core/Vocabulary.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

struct sqlite3;

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace Colleagues {

class StoreWorker;

//! One transaction's worth of directory changes, as a sync page or a CSV import brings them.
struct DirectoryBatch
{
    QList<Profile> upserts; //!< inserted or replaced, matched by id (or by username)
    QStringList removedIds; //!< profile ids to delete (tombstones)
    QHash<QString, QString> syncState; //!< key/value pairs written in the same transaction
};

//! What a batch changed.
struct BatchResult
{
    int upserted = 0;
    int removed = 0;
};

//! A skill name used in the directory, with how many people list it (for completion).
struct SkillUsage
{
    QString name; //!< the most common spelling
    QString key; //!< canonicalSkillKey()
    int people = 0;
};

//! The client's local store: one SQLite file (WAL) holding the directory (profiles, skills,
//! interests and their FTS5 index), messages, conversations, the outbox and sync state.
//! Lives on the thread that opened it; large batches go to a worker thread with its own
//! connection (applyBatchAsync()), which reports through batchApplied().
class ClientStore : public QObject
{
    Q_OBJECT

public:
    explicit ClientStore(QObject *parent = nullptr);
    ~ClientStore() override;

    //! The default data directory: QStandardPaths::AppDataLocation.
    static QString defaultDataDirectory();
    //! The database file name inside a data directory.
    static QString databaseFileName();
    //! The schema version this build creates and migrates to.
    static int latestSchemaVersion();

    //! Opens (creating and migrating as needed) the store in \a dataDirectory
    //! (defaultDataDirectory() when empty). On failure, errorString() says why.
    bool open(const QString &dataDirectory = QString());
    //! Opens the database file \a path. Migrates it to \a targetVersion (latest when -1;
    //! tests use older versions to check migrations).
    bool openFile(const QString &path, int targetVersion = -1);
    void close();
    bool isOpen() const;
    QString filePath() const;
    int schemaVersion() const;
    //! Why the last failed call failed.
    QString errorString() const { return m_errorString; }

    // Directory -------------------------------------------------------------------------
    //! Applies \a batch in one transaction on this thread. Keeps the FTS index in step.
    bool applyBatch(const DirectoryBatch &batch, BatchResult *result = nullptr);
    bool upsertProfiles(const QList<Profile> &profiles, BatchResult *result = nullptr);
    bool removeProfiles(const QStringList &ids, BatchResult *result = nullptr);

    //! Applies \a batch on the worker thread in one transaction; returns a request id that
    //! batchApplied() reports. Use for sync pages and imports, never blocking the caller.
    int applyBatchAsync(DirectoryBatch batch);

    std::optional<Profile> profile(const QString &id) const;
    std::optional<Profile> profileByUsername(const QString &username) const;
    //! Profiles whose manager is \a username, by display name.
    QList<Profile> directReports(const QString &username) const;
    qint64 profileCount() const;
    //! Username and display name of the first \a limit people in name order (for completion).
    QList<QPair<QString, QString>> people(int limit) const;
    //! Every skill in the directory, most used first.
    QList<SkillUsage> skillUsage(int limit = 1000) const;

    // Sync state ------------------------------------------------------------------------
    QString syncValue(const QString &key) const;
    bool setSyncValue(const QString &key, const QString &value);

    // Vocabulary ------------------------------------------------------------------------
    //! The vocabulary synced from the server, or Vocabulary::defaults() before the first one.
    Vocabulary vocabulary() const;
    //! The version of the synced vocabulary; empty before the first one.
    QString vocabularyVersion() const;
    //! Stores \a vocabulary as the synced one (the sync engine does) and emits
    //! vocabularyChanged() when its version differs from the one before.
    bool setVocabulary(const Vocabulary &vocabulary);
    //! Takes \a vocabulary as the synced one after another connection of this store stored it
    //! (the sync engine's writer thread, StoreSchema::writeVocabulary()); emits vocabularyChanged()
    //! unless it is the one vocabulary() last returned.
    void adoptVocabulary(const Vocabulary &vocabulary);

    //! The Qt SQL connection (this thread only), for code that prefers QSqlQuery.
    QSqlDatabase database() const;
    //! The raw connection, used by SearchEngine.
    sqlite3 *handle() const;
    //! Increases whenever the directory changed through this store object.
    quint64 directoryGeneration() const { return m_generation; }

Q_SIGNALS:
    //! The directory changed (after the commit), through this object or its worker.
    void directoryChanged();
    //! An applyBatchAsync() request finished; \a errorString is empty on success.
    void batchApplied(int requestId, int upserted, int removed, const QString &errorString);
    //! vocabulary() changed (a new one was synced).
    void vocabularyChanged();

private:
    void onWorkerFinished(int requestId, int upserted, int removed, const QString &errorString);

    QString m_connectionName;
    QString m_filePath;
    QString m_errorString;
    sqlite3 *m_db = nullptr;
    int m_schemaVersion = 0;
    quint64 m_generation = 0;
    mutable std::optional<Vocabulary> m_vocabulary; //!< vocabulary(), once read
    int m_nextRequestId = 1;
    StoreWorker *m_worker = nullptr;
    std::unique_ptr<QThread> m_thread;
};

} // namespace Colleagues
