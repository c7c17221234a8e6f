// SPDX-License-Identifier: MIT
#pragma once

// Internal: a thin layer over the sqlite3 C API for the store's hot paths (bulk upserts,
// FTS5 queries with our ranking function). The connection itself is opened and owned by
// Qt's QSQLITE driver; Debian builds that driver against the system libsqlite3, the same
// library this code links, so the handle it gives out is ours to use on its thread.

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <sqlite3.h>

#include <string>
#include <vector>

namespace Colleagues::Sql {

//! The message of the last error on \a db.
QString errorMessage(sqlite3 *db);

//! Runs one or more statements that return no rows. On failure, sets \a error (if given).
bool exec(sqlite3 *db, const char *sql, QString *error = nullptr);

//! One prepared statement, reset after each exec() so it can be reused.
class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;

    bool prepare(sqlite3 *db, const char *sql);
    bool isValid() const { return m_stmt != nullptr; }
    sqlite3_stmt *handle() const { return m_stmt; }
    QString errorMessage() const;

    // Bind parameters by 1-based index.
    void bind(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
    void bind(int index, int value) { sqlite3_bind_int(m_stmt, index, value); }
    void bind(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }
    void bind(int index, QStringView value);
    void bind(int index, const QString &value) { bind(index, QStringView(value)); }
    void bindUtf8(int index, const QByteArray &value);
    //! Binds \a value without copying it: it must stay unchanged until the statement was reset.
    void bindUtf8NoCopy(int index, const QByteArray &value)
    {
        sqlite3_bind_text(m_stmt, index, value.constData(), int(value.size()), SQLITE_STATIC);
    }
    void bindNull(int index) { sqlite3_bind_null(m_stmt, index); }
    //! Binds a C++ object for a function that reads it with sqlite3_value_pointer().
    void bindPointer(int index, void *pointer, const char *type)
    {
        sqlite3_bind_pointer(m_stmt, index, pointer, type, nullptr);
    }

    //! Steps once: true while a row is available. Check ok() after the last step.
    bool next();
    //! Steps to completion and resets; true on success.
    bool exec();
    //! exec() for a statement whose parameters are all bound again before each run: keeps the
    //! bindings instead of clearing them (the bulk writes' hot path).
    bool run();
    void reset();
    bool ok() const { return m_lastCode == SQLITE_ROW || m_lastCode == SQLITE_DONE || m_lastCode == SQLITE_OK; }
    //! The result of the last step (SQLITE_CONSTRAINT, ...).
    int errorCode() const { return m_lastCode; }

    qint64 int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    int integer(int column) const { return sqlite3_column_int(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    QString text(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_lastCode = SQLITE_OK;
    //! UTF-8 of the text parameters, by index: SQLite reads them in place (no copy), and each
    //! buffer keeps its capacity for the next value.
    std::vector<std::string> m_text;
};

//! Begins a transaction; rolls it back on destruction unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(sqlite3 *db, bool immediate = true);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    //! Like isActive(); when the transaction did not begin, \a error receives SQLite's reason.
    bool isActive(QString *error) const;
    bool commit(QString *error = nullptr);

private:
    sqlite3 *m_db = nullptr;
    bool m_active = false;
};

} // namespace Colleagues::Sql
