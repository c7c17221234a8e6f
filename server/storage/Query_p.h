// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: the prepared-statement wrapper every storage class uses.

#include "core/Error.h"
#include "server/storage/Connection_p.h"

#include <QVariant>
#include <QVariantList>

#include <optional>

namespace Colleagues::Server::Internal {

class Database;

//! A prepared statement of a connection, finished when it goes out of scope (an unfinished
//! SELECT would keep SQLite's read snapshot, and block COMMIT).
class Query
{
public:
    Query(Connection &connection, const QString &sql) { prepare(connection, sql); }
    //! A statement on this thread's connection of \a database, outside a transaction: exec()
    //! fails when the database cannot be reached, and fail() reports any failure.
    Query(Database &database, const QString &sql);
    ~Query() { finish(); }
    Q_DISABLE_COPY_MOVE(Query)

    bool exec(const QVariantList &values = {})
    {
        if (!m_query)
            return false;
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QVariant &value = values.at(i);
            // A null QString is SQL NULL to the drivers; our text columns mean "empty".
            if (value.typeId() == QMetaType::QString && value.toString().isNull())
                m_query->bindValue(static_cast<int>(i), QStringLiteral(""));
            else
                m_query->bindValue(static_cast<int>(i), value);
        }
        if (!m_query->exec()) {
            m_error = m_query->lastError();
            m_query->finish();
            return false;
        }
        return true;
    }
    bool next() { return m_query && m_query->next(); }
    QVariant value(int i) const { return m_query->value(m_firstColumn + i); }
    qint64 int64(int i) const { return value(i).toLongLong(); }
    QString text(int i) const { return value(i).toString(); }
    //! Column \a i is read as column 0 from now on: rows that hold several kinds of record side
    //! by side are read with the functions that read one.
    void setFirstColumn(int i) { m_firstColumn = i; }
    int rowsAffected() const { return m_query ? m_query->numRowsAffected() : 0; }
    const QSqlError &error() const { return m_error; }
    //! For a Query(Database &, ...): logs the failed statement through the database and
    //! returns the error callers see (databaseFailure() when there was no connection).
    Error fail(QStringView what) const;
    void finish()
    {
        if (m_query)
            m_query->finish();
    }

    //! Runs the statement and reads the first column of its first row.
    std::optional<qint64> scalar(const QVariantList &values = {})
    {
        if (!exec(values))
            return std::nullopt;
        const qint64 result = next() ? int64(0) : 0;
        finish();
        return result;
    }

private:
    void prepare(Connection &connection, const QString &sql);

    Database *m_database = nullptr;
    Connection *m_connection = nullptr;
    QSqlQuery *m_query = nullptr;
    QSqlError m_error;
    int m_firstColumn = 0;
};

/*!
 * While it lives, PostgreSQL runs the prepared statements of \a connection with the plan it made
 * for any values (a generic plan) instead of planning each call for its values. For a statement
 * whose best plan does not depend on its values but which costs more to plan than to run: the sync
 * read plans in about a millisecond and runs in a tenth of that, and PostgreSQL's own choice
 * keeps planning it (the generic plan's estimate is the higher) or switches connection by
 * connection. Declared before the Query, so the Query finishes first. SQLite plans a prepared
 * statement once anyway: nothing to do there.
 */
class GenericPlans
{
public:
    explicit GenericPlans(Connection *connection);
    ~GenericPlans();
    Q_DISABLE_COPY_MOVE(GenericPlans)

private:
    Connection *m_connection = nullptr;
};

} // namespace Colleagues::Server::Internal
