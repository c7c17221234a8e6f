// SPDX-License-Identifier: MIT
#include "client/Sqlite_p.h"

#include <utility>

namespace Colleagues::Sql {

QString errorMessage(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("no database connection");
}

bool exec(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        if (error)
            *error = message ? QString::fromUtf8(message) : errorMessage(db);
        sqlite3_free(message);
        return false;
    }
    return true;
}

Statement::Statement(sqlite3 *db, const char *sql)
{
    prepare(db, sql);
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_lastCode(other.m_lastCode)
    , m_text(std::move(other.m_text))
{ }

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_lastCode = other.m_lastCode;
        m_text = std::move(other.m_text);
    }
    return *this;
}

bool Statement::prepare(sqlite3 *db, const char *sql)
{
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_text.clear();
    m_lastCode = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    return m_lastCode == SQLITE_OK;
}

QString Statement::errorMessage() const
{
    return m_stmt ? Sql::errorMessage(sqlite3_db_handle(m_stmt)) : QStringLiteral("statement not prepared");
}

void Statement::bind(int index, QStringView value)
{
    if (value.isNull()) {
        sqlite3_bind_text(m_stmt, index, "", 0, SQLITE_STATIC);
        return;
    }
    // UTF-8, the database's encoding: SQLite would otherwise convert UTF-16 itself, slower.
    // Converted into this parameter's own buffer, which SQLite reads in place until the value
    // is bound again (no allocation once the buffer is large enough, no copy by SQLite).
    if (!m_stmt || index < 1 || index > sqlite3_bind_parameter_count(m_stmt) || sqlite3_stmt_busy(m_stmt)) {
        // SQLite refuses these (range, misuse); it must not keep a pointer into a buffer either.
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return;
    }
    if (m_text.empty()) // sized once: the buffers never move while SQLite points into them
        m_text.resize(size_t(sqlite3_bind_parameter_count(m_stmt)));
    std::string &utf8 = m_text[size_t(index - 1)];
    // ASCII (most values) is narrowed in one pass; anything else goes through Qt's encoder.
    const char16_t *in = value.utf16();
    const size_t size = size_t(value.size());
    utf8.resize(size);
    char16_t seen = 0;
    for (size_t i = 0; i < size; ++i) {
        seen |= in[i];
        utf8[i] = char(in[i]);
    }
    if (seen >= 0x80) {
        const QByteArray converted = value.toUtf8();
        utf8.assign(converted.constData(), size_t(converted.size()));
    }
    sqlite3_bind_text(m_stmt, index, utf8.data(), int(utf8.size()), SQLITE_STATIC);
}

void Statement::bindUtf8(int index, const QByteArray &value)
{
    sqlite3_bind_text(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
}

bool Statement::next()
{
    m_lastCode = sqlite3_step(m_stmt);
    return m_lastCode == SQLITE_ROW;
}

bool Statement::exec()
{
    while (next()) { }
    const bool success = m_lastCode == SQLITE_DONE;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return success;
}

bool Statement::run()
{
    while (next()) { }
    const bool success = m_lastCode == SQLITE_DONE;
    sqlite3_reset(m_stmt);
    return success;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_lastCode = SQLITE_OK;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return QString();
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

Transaction::Transaction(sqlite3 *db, bool immediate)
    : m_db(db)
{
    m_active = exec(db, immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction()
{
    if (m_active)
        exec(m_db, "ROLLBACK");
}

bool Transaction::isActive(QString *error) const
{
    if (!m_active && error)
        *error = errorMessage(m_db);
    return m_active;
}

bool Transaction::commit(QString *error)
{
    if (!m_active)
        return false;
    if (!exec(m_db, "COMMIT", error))
        return false;
    m_active = false;
    return true;
}

} // namespace Colleagues::Sql
