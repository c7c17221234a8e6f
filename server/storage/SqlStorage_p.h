// SPDX-License-Identifier: MIT
#pragma once

// The Qt SQL implementation of Storage, for SQLite and PostgreSQL. Private to storage/.

#include "server/storage/Storage.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QTimer>

#include <atomic>
#include <map>

QT_BEGIN_NAMESPACE
class QSqlQuery;
class QSqlError;
class QThread;
QT_END_NAMESPACE

namespace Colleagues::Server {

namespace Internal {
struct Connection;
class Query;
class Transaction;
} // namespace Internal

class SqlStorage final : public Storage
{
    Q_OBJECT

public:
    explicit SqlStorage(const StorageConfig &config, QObject *parent = nullptr);
    ~SqlStorage() override;

    Result<bool> open() override;
    StorageConfig::Backend backend() const override { return m_config.backend; }
    int schemaVersion() override;
    Result<int> housekeeping() override;
    Result<int> purgeTombstones(const QDateTime &before) override;

    Result<Account> createAccount(const QString &username, const QByteArray &passwordHash, Role role) override;
    Result<QStringList> createAccounts(const QList<Account> &accounts) override;
    Result<std::optional<Account>> findAccount(const QString &username) override;
    Result<bool> setPasswordHash(const QString &username, const QByteArray &passwordHash) override;
    Result<bool> setDisabled(const QString &username, bool disabled) override;
    Result<bool> setRole(const QString &username, Role role) override;
    qint64 accountCount() override;

    Result<bool> createSession(const Session &session) override;
    Result<std::optional<Session>> findSession(const QByteArray &tokenHash) override;
    Result<bool> deleteSession(const QByteArray &tokenHash) override;
    Result<bool> deleteSessionsOf(const QString &username) override;

    Result<int> recordFailedSignIn(const QString &key, const QDateTime &at) override;
    int failedSignInsSince(const QString &key, const QDateTime &since) override;
    Result<bool> clearFailedSignIns(const QString &key) override;

    Result<std::optional<Profile>> findProfile(const QString &username) override;
    Result<QList<Result<UpsertOutcome>>> importProfiles(const QList<Profile> &profiles) override;
    Result<SaveOutcome> saveProfile(const Profile &profile, qint64 expectedRevision) override;
    Result<bool> removeProfile(const QString &username) override;
    qint64 profileCount() override;

    Result<Profile> setPhoto(const QString &username, const Photo &photo) override;
    std::optional<Photo> photo(const QString &username) override;

    Result<SendOutcome> sendMessage(const Message &message) override;
    Result<int> markRead(const QString &reader, const QString &other, qint64 upToId) override;

    Result<SyncPage> changesSince(const QString &viewer, qint64 cursor, int limit) override;
    qint64 latestSequence() override;

    // SqlVocabulary.cpp
    Result<std::optional<StoredVocabulary>> findVocabulary() override;
    Result<QString> vocabularyVersion() override;
    Result<bool> saveVocabulary(const StoredVocabulary &vocabulary) override;

private:
    //! For storage code in other files: this thread's open database (nullptr when it cannot
    //! be reached), and the error to return for a failed statement on it.
    QSqlDatabase *threadDatabase();
    Error statementFailure(const QSqlError &error, QStringView what);

    friend class Internal::Transaction;

    bool isPostgres() const { return m_config.backend == StorageConfig::Backend::Postgres; }
    //! This thread's connection, opened (or reopened after a failure); nullptr if the
    //! database cannot be reached.
    Internal::Connection *connection();
    Internal::Connection *openConnection(Internal::Connection *connection);
    void configure(QSqlDatabase &db) const;
    void dropConnection(QThread *thread);
    //! Logs a failed statement, marks the connection for reopening if it is broken and
    //! returns the error callers see.
    Error failure(Internal::Connection &connection, const QSqlError &error, QStringView what);
    std::optional<qint64> scalar(const QString &sql, const QVariantList &values = {});

    Result<bool> migrate(Internal::Connection &connection);
    void startListening();
    void checkListener();
    void emitChanged(qint64 sequence);

    StorageConfig m_config;
    QString m_connectionPrefix;
    bool m_opened = false;

    QMutex m_connectionsMutex;
    std::map<QThread *, std::unique_ptr<Internal::Connection>> m_connections;

    std::atomic<qint64> m_lastEmitted {0};

    // PostgreSQL: a connection in this object's thread that LISTENs for other instances' changes
    QString m_listenerName;
    QTimer m_listenerCheck;
};

} // namespace Colleagues::Server
