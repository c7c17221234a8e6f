// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: the database the storage classes share.

#include "server/storage/Storage.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>

#include <functional>
#include <map>
#include <memory>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

QT_BEGIN_NAMESPACE
class QSqlError;
class QThread;
QT_END_NAMESPACE

namespace Colleagues::Server::Internal {

struct Connection;

/*!
 * The database of a SqlStorage: its configuration and one connection per thread (Qt SQL
 * connections are per thread), opened on first use and reopened after a failure. The storage
 * classes (AccountTable, ProfileTable, ...) and their Transactions work through it.
 */
class Database
{
public:
    //! Called after a transaction that took sequence values committed, with the first and the
    //! last one (in the committing thread).
    using CommitObserver = std::function<void(qint64 first, qint64 last)>;

    //! \a owner gives the connections their names and outlives this object; \a hooks is read
    //! at each use, so that hooks set later apply.
    Database(const StorageConfig &config, const Storage::TestingHooks &hooks, QObject *owner, CommitObserver committed);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    const StorageConfig &config() const { return m_config; }
    bool isPostgres() const { return m_config.backend == StorageConfig::Backend::Postgres; }
    const Storage::TestingHooks &testingHooks() const { return m_hooks; }
    //! Prefix of the names of this database's Qt SQL connections.
    const QString &connectionPrefix() const { return m_connectionPrefix; }

    //! This thread's connection, opened (or reopened after a failure); nullptr if the
    //! database cannot be reached.
    Connection *connection();
    //! Logs a failed statement, marks the connection for reopening if it is broken and
    //! returns the error callers see.
    Error failure(Connection &connection, const QSqlError &error, QStringView what);
    //! Runs \a sql on this thread's connection and reads the first column of its first row.
    std::optional<qint64> scalar(const QString &sql, const QVariantList &values = {});
    //! Tells the owner that a change with sequence values \a first to \a last committed.
    void announce(qint64 first, qint64 last) { m_committed(first, last); }

private:
    Connection *openConnection(Connection *connection);
    void dropConnection(QThread *thread);
    static void release(std::unique_ptr<Connection> connection);

    StorageConfig m_config;
    const Storage::TestingHooks &m_hooks;
    QObject *m_owner;
    CommitObserver m_committed;
    QString m_connectionPrefix;

    QMutex m_connectionsMutex;
    std::map<QThread *, std::unique_ptr<Connection>> m_connections;
};

} // namespace Colleagues::Server::Internal
