// SPDX-License-Identifier: MIT
#pragma once

#include "server/storage/Storage.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Colleagues::Test {

//! A server database for one test run: SQLite in a temporary directory, or a fresh PostgreSQL
//! database made (and dropped) here from COLLEAGUES_TEST_PG.
class TestDatabase
{
public:
    ~TestDatabase();

    //! "sqlite" or "postgres". For postgres without COLLEAGUES_TEST_PG: skip (reason set), or
    //! fail when CI=true.
    static std::unique_ptr<TestDatabase> create(const QString &backend, QString *skipReason, QString *error);
    //! create() for a test function or init(): nullptr when the row has been skipped or has
    //! failed with Qt Test (the caller then returns); \a skipReason receives why it skipped.
    static std::unique_ptr<TestDatabase> createOrSkip(const QString &backend, QString *skipReason = nullptr);

    const QString &backend() const { return m_backend; }
    //! Where the database is, as a server opens it (StorageConfig::addConnection() inspects it).
    const Server::StorageConfig &config() const { return m_config; }
    //! The options that name this database to any colleagues-server command: --data-dir DIR
    //! or --database URL.
    QStringList dataArguments() const;
    //! A Storage on the same database, opened (seeding and inspection from the test).
    Server::Storage &storage();
    //! PostgreSQL only: the database's name, and SQL run on the server's maintenance database
    //! (e.g. to cut the database off). %1 in \a sql becomes the database's name.
    const QString &postgresName() const { return m_pgDatabase; }
    bool adminExec(const QString &sql, QString *error);

private:
    TestDatabase() = default;

    QString m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
    Server::StorageConfig m_config;
    QString m_url;
    QString m_pgDatabase;
    Server::StorageConfig m_admin;
    std::unique_ptr<Server::Storage> m_storage;
};

} // namespace Colleagues::Test
