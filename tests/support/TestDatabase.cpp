// SPDX-License-Identifier: MIT
#include "tests/support/TestDatabase.h"

#include <QCoreApplication>
#include <QDebug>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

namespace Colleagues::Test {

using namespace Colleagues::Server;

namespace {

QString adminConnectionName(const QString &database)
{
    return u"api-admin-"_qs + database;
}

bool runAdmin(const StorageConfig &admin, const QString &database, const QString &sql, QString *error)
{
    const QString name = adminConnectionName(database);
    {
        QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name)
                                                       : admin.addConnection(name, u"colleagues-tests");
        if (!db.isOpen() && !db.open()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            if (error)
                *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

std::unique_ptr<TestDatabase> TestDatabase::create(const QString &backend, QString *skipReason, QString *error)
{
    auto db = std::unique_ptr<TestDatabase>(new TestDatabase);
    db->m_backend = backend;
    if (backend == u"sqlite") {
        db->m_dir = std::make_unique<QTemporaryDir>();
        if (!db->m_dir->isValid()) {
            *error = u"cannot create a temporary directory"_qs;
            return nullptr;
        }
        db->m_config = StorageConfig::sqlite(db->m_dir->filePath(u"data"_qs));
        return db;
    }
    const QString url = qEnvironmentVariable("COLLEAGUES_TEST_PG");
    if (url.isEmpty()) {
        if (qEnvironmentVariable("CI") == u"true")
            *error = u"COLLEAGUES_TEST_PG is not set; with CI=true the PostgreSQL tests must run."_qs;
        else
            *skipReason = u"COLLEAGUES_TEST_PG is not set (scripts/postgres-env.sh sets it)"_qs;
        return nullptr;
    }
    const Expected<StorageConfig> admin = StorageConfig::fromUrl(url);
    if (!admin) {
        *error = u"COLLEAGUES_TEST_PG is not a valid postgresql:// URL: "_qs + admin.error().message;
        return nullptr;
    }
    db->m_admin = admin.value();
    db->m_pgDatabase = u"colleagues_api_%1_%2"_qs.arg(QCoreApplication::applicationPid())
                           .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    if (!runAdmin(db->m_admin, db->m_pgDatabase, u"CREATE DATABASE %1"_qs.arg(db->m_pgDatabase), error))
        return nullptr;
    db->m_config = db->m_admin;
    db->m_config.databaseName = db->m_pgDatabase;
    db->m_config.databaseUrl.clear();
    QUrl u;
    u.setScheme(u"postgresql"_qs);
    u.setHost(db->m_admin.host);
    u.setPort(db->m_admin.port);
    u.setUserName(db->m_admin.user);
    u.setPassword(db->m_admin.password);
    u.setPath(u"/"_qs + db->m_pgDatabase);
    db->m_url = u.toString();
    return db;
}

std::unique_ptr<TestDatabase> TestDatabase::createOrSkip(const QString &backend, QString *skipReason)
{
    QString skip, error;
    auto db = create(backend, &skip, &error);
    if (db)
        return db;
    if (!error.isEmpty()) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
    } else {
        QTest::qSkip(qPrintable(skip), __FILE__, __LINE__);
        if (skipReason)
            *skipReason = skip;
    }
    return nullptr;
}

TestDatabase::~TestDatabase()
{
    m_storage.reset();
    if (!m_pgDatabase.isEmpty()) {
        QString error;
        if (!runAdmin(m_admin, m_pgDatabase, u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_qs.arg(m_pgDatabase), &error))
            qWarning() << "cannot drop" << m_pgDatabase << error;
        QSqlDatabase::removeDatabase(adminConnectionName(m_pgDatabase));
    }
}

bool TestDatabase::adminExec(const QString &sql, QString *error)
{
    return runAdmin(m_admin, m_pgDatabase, sql.arg(m_pgDatabase), error);
}

QStringList TestDatabase::dataArguments() const
{
    if (m_backend == u"sqlite")
        return {u"--data-dir"_qs, m_config.dataDir};
    return {u"--database"_qs, m_url};
}

Storage &TestDatabase::storage()
{
    if (!m_storage) {
        m_storage = Storage::create(m_config);
        const Expected<bool> opened = m_storage->open();
        if (!opened)
            qFatal("cannot open the test database: %s", qPrintable(opened.error().message));
    }
    return *m_storage;
}

} // namespace Colleagues::Test
