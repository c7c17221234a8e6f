// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: one thread's connection to the server's database.

#include <QMetaObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <map>
#include <memory>

namespace Colleagues::Server::Internal {

//! One thread's database connection with its prepared statements.
struct Connection
{
    QString name;
    QSqlDatabase db;
    // Prepared once per connection and reused: on PostgreSQL that saves a PREPARE round trip
    // per call. Destroyed before db (declared after it).
    std::map<QString, std::unique_ptr<QSqlQuery>> statements;
    bool broken = false;
    QMetaObject::Connection threadFinished;
    //! Test-only second connection (TestingHooks::unserializedSequence).
    std::unique_ptr<Connection> side;

    bool execDirect(const QString &sql, QSqlError *error = nullptr)
    {
        QSqlQuery query(db);
        if (query.exec(sql))
            return true;
        if (error)
            *error = query.lastError();
        return false;
    }
};

} // namespace Colleagues::Server::Internal
