// SPDX-License-Identifier: MIT
#include "server/storage/Transaction_p.h"

#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"

namespace Colleagues::Server::Internal {

Transaction::Transaction(Database &database, Kind kind)
    : m_database(database)
    , m_connection(database.connection())
    , m_kind(kind)
{ }

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}
bool Transaction::begin()
{
    if (!m_connection)
        return false;
    QString sql;
    if (m_database.isPostgres()) {
        sql = m_kind == Kind::Read ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                                   : QStringLiteral("BEGIN");
    } else {
        sql = m_kind == Kind::Read ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    }
    m_active = m_connection->execDirect(sql, &m_error);
    // Wait for the writer before us to commit before reading anything: what this transaction
    // reads (a revision, unread messages) is then what it writes over.
    if (m_active && m_kind == Kind::Sequenced)
        serialize();
    return m_active;
}

bool Transaction::serialize()
{
    if (!m_active)
        return false;
    // SQLite's BEGIN IMMEDIATE took the database's write lock already.
    if (m_serialized || !m_database.isPostgres() || m_database.testingHooks().unserializedSequence)
        return true;
    Query lock(*m_connection, QStringLiteral("SELECT value FROM change_counter WHERE id = 1 FOR UPDATE"));
    if (!lock.scalar()) {
        m_error = lock.error();
        rollback();
        return false;
    }
    m_serialized = true;
    return true;
}

std::optional<qint64> Transaction::takeSequence(int count)
{
    const QString sql = QStringLiteral("UPDATE change_counter SET value = value + ? WHERE id = 1 RETURNING value");
    Connection *target = m_connection;
    if (m_database.testingHooks().unserializedSequence && m_database.isPostgres())
        target = sideConnection();
    if (!target)
        return std::nullopt;
    Query query(*target, sql);
    const auto last = query.scalar({count});
    if (!last || *last <= 0) {
        m_error = query.error();
        return std::nullopt;
    }
    m_serialized = m_serialized || target == m_connection; // the update holds the row's lock
    if (m_firstSequence == 0)
        m_firstSequence = *last - count + 1;
    m_lastSequence = *last;
    return *last - count + 1;
}

QString notifyPayload(qint64 first, qint64 sequence, const QStringList *audience)
{
    QString payload = QString::number(sequence);
    if (first > 0 && first < sequence)
        payload += QStringLiteral(" #") + QString::number(first);
    if (!audience)
        return payload;
    if (audience->isEmpty())
        return payload + QStringLiteral(" *");
    const QString named = payload + QLatin1Char(' ') + audience->join(QLatin1Char(' '));
    // PostgreSQL refuses payloads of 8000 bytes or more; say nothing rather than fail the commit.
    return named.toUtf8().size() < 7900 ? named : payload;
}

std::optional<NotifiedChange> parseNotifyPayload(const QString &payload)
{
    const QStringList parts = payload.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool ok = false;
    const qint64 sequence = parts.value(0).toLongLong(&ok);
    if (!ok || sequence <= 0)
        return std::nullopt;
    NotifiedChange change;
    change.sequence = sequence;
    change.first = sequence;
    qsizetype next = 1;
    if (parts.size() > 1 && parts.at(1).startsWith(QLatin1Char('#'))) {
        const qint64 first = parts.at(1).mid(1).toLongLong(&ok);
        if (ok && first > 0 && first <= sequence)
            change.first = first;
        next = 2;
    }
    if (parts.size() > next) {
        change.audienceKnown = true;
        if (parts.at(next) != QLatin1String("*"))
            change.usernames = parts.mid(next);
    }
    return change;
}

bool Transaction::commit()
{
    if (m_lastSequence > 0) {
        if (m_database.isPostgres()) {
            // Delivered to listeners (other server processes) when, and only if, we commit.
            Query notify(*m_connection, QStringLiteral("SELECT pg_notify(?, ?)"));
            if (!notify.exec(
                    {NotifyChannel, notifyPayload(m_firstSequence, m_lastSequence, ChangeAudience::current())})) {
                m_error = notify.error();
                return false;
            }
        }
        if (m_database.testingHooks().beforeCommit)
            m_database.testingHooks().beforeCommit(m_lastSequence);
    }
    m_active = false;
    if (!m_connection->execDirect(QStringLiteral("COMMIT"), &m_error)) {
        m_connection->execDirect(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (m_lastSequence > 0)
        m_database.announce(m_firstSequence, m_lastSequence);
    return true;
}

void Transaction::rollback()
{
    m_active = false;
    m_connection->execDirect(QStringLiteral("ROLLBACK"));
}

Error Transaction::fail(QStringView what, const QSqlError &error)
{
    if (!m_connection)
        return databaseFailure();
    if (m_active)
        rollback();
    return m_database.failure(*m_connection, error.isValid() ? error : m_error, what);
}

Connection *Transaction::sideConnection()
{
    if (!m_connection->side) {
        auto side = std::make_unique<Connection>();
        side->name = m_connection->name + QStringLiteral("-side");
        side->db = QSqlDatabase::cloneDatabase(m_connection->db, side->name);
        if (!side->db.open())
            return nullptr;
        m_connection->side = std::move(side);
    }
    return m_connection->side.get();
}

} // namespace Colleagues::Server::Internal
