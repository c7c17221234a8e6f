// SPDX-License-Identifier: MIT
#include "server/storage/Transaction_p.h"

#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"

namespace Colleagues::Server::Internal {

namespace {

//! The audience part of the NOTIFY payload of what this thread commits now, if it has one.
std::optional<QString> currentAudienceSuffix()
{
    const QStringList *audience = ChangeAudience::current();
    return audience ? audienceSuffix(*audience) : std::nullopt;
}

//! The statement that adds \a count to the counter row and returns the new value (the last one
//! taken), with the values it binds; given the audience \a suffix, it also queues the NOTIFY
//! that commit() would send.
std::pair<QString, QVariantList> takeStatement(int count, const std::optional<QString> &suffix)
{
    QString sql = QStringLiteral("UPDATE change_counter SET value = value + ? WHERE id = 1 RETURNING value");
    QVariantList bound {count};
    if (suffix) {
        sql += QStringLiteral(", pg_notify(?, value::text%1 || ?)")
                   .arg(count > 1 ? QStringLiteral(" || ' #' || (value - ? + 1)::text") : QString());
        bound << NotifyChannel;
        if (count > 1)
            bound << count;
        bound << *suffix;
    }
    return {sql, bound};
}

} // namespace

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
    // On PostgreSQL the reads of a SequencedLate transaction need no transaction of their own
    // (they may be a moment old anyway): BEGIN waits until something is written, and a single
    // runSequenced() statement needs none.
    if (m_kind == Kind::SequencedLate && m_database.isPostgres()) {
        m_active = true;
        return true;
    }
    QString sql;
    if (m_database.isPostgres()) {
        sql = m_kind == Kind::Read ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                                   : QStringLiteral("BEGIN");
    } else {
        sql = m_kind == Kind::Read ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    }
    m_active = m_begun = m_connection->execDirect(sql, &m_error);
    // Wait for the writer before us to commit before reading anything: what this transaction
    // reads (a revision, unread messages) is then what it writes over.
    if (m_active && m_kind == Kind::Sequenced)
        serialize();
    return m_active;
}

bool Transaction::ensureBegun()
{
    if (!m_active)
        return false;
    if (m_begun)
        return true;
    m_begun = m_connection->execDirect(QStringLiteral("BEGIN"), &m_error);
    m_active = m_begun;
    return m_begun;
}

bool Transaction::serialize()
{
    if (!ensureBegun())
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
    if (!ensureBegun())
        return std::nullopt;
    Connection *target = m_connection;
    if (m_database.testingHooks().unserializedSequence && m_database.isPostgres())
        target = sideConnection();
    if (!target)
        return std::nullopt;
    // The other writers wait from here to COMMIT, so every round trip counts: on PostgreSQL a
    // transaction whose audience is known queues its notification in the same statement (it is
    // delivered at COMMIT, like commit()'s).
    const std::optional<QString> suffix = currentAudienceSuffix();
    const bool notifyNow = m_database.isPostgres() && target == m_connection && m_firstSequence == 0 && suffix;
    const auto [sql, bound] = takeStatement(count, notifyNow ? suffix : std::nullopt);
    Query query(*target, sql);
    const std::optional<qint64> last = query.scalar(bound);
    if (!last)
        m_error = query.error();
    if (!last || *last <= 0)
        return std::nullopt;
    m_serialized = m_serialized || target == m_connection; // the update holds the row's lock
    if (m_firstSequence == 0)
        m_firstSequence = *last - count + 1;
    m_lastSequence = *last;
    if (notifyNow)
        m_notified = {*last, *suffix};
    return *last - count + 1;
}

bool Transaction::runSequenced(const QString &sql, const QVariantList &values, const std::function<void(Query &)> &read)
{
    const QLatin1StringView Token("{seq}");
    const std::optional<QString> suffix = currentAudienceSuffix();
    const Storage::TestingHooks &hooks = m_database.testingHooks();
    if (m_database.isPostgres() && m_active && !m_begun && suffix && !hooks.beforeCommit
        && !hooks.unserializedSequence) {
        // One statement, committed on its own: the lock on the counter row is taken, the rows
        // written, the notification queued and the whole committed without waiting for us.
        const auto [take, bound] = takeStatement(1, suffix);
        QString fused = sql;
        fused.replace(Token, QStringLiteral("(SELECT value FROM taken)"));
        fused.prepend(QStringLiteral("WITH taken AS (%1) ").arg(take));
        Query query(*m_connection, fused);
        m_active = false;
        if (!query.exec(bound + values) || !query.next()) {
            m_error = query.error();
            return false;
        }
        m_firstSequence = m_lastSequence = query.int64(0);
        m_committed = true;
        if (read)
            read(query);
        return true;
    }
    const std::optional<qint64> sequence = takeSequence();
    if (!sequence)
        return false;
    // Each {seq} becomes a ? bound to the value, among the others in their order.
    QString plain;
    QVariantList bound;
    qsizetype next = 0;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        if (sql.at(i) == u'?') {
            bound.append(values.value(next++));
            plain.append(u'?');
        } else if (QStringView(sql).mid(i).startsWith(Token)) {
            bound.append(*sequence);
            plain.append(u'?');
            i += Token.size() - 1;
        } else {
            plain.append(sql.at(i));
        }
    }
    Query query(*m_connection, plain);
    if (!query.exec(bound) || !query.next()) {
        m_error = query.error();
        return false;
    }
    if (read)
        read(query);
    return true;
}

std::optional<QString> audienceSuffix(const QStringList &audience)
{
    const QString suffix =
        audience.isEmpty() ? QStringLiteral(" *") : QLatin1Char(' ') + audience.join(QLatin1Char(' '));
    // PostgreSQL refuses payloads of 8000 bytes or more (the two numbers take at most 42).
    if (suffix.toUtf8().size() >= 7900 - 42)
        return std::nullopt;
    return suffix;
}

QString notifyPayload(qint64 first, qint64 sequence, const QStringList *audience)
{
    QString payload = QString::number(sequence);
    if (first > 0 && first < sequence)
        payload += QStringLiteral(" #") + QString::number(first);
    // Without a suffix (too many names) say nothing of the audience rather than fail the commit.
    const std::optional<QString> suffix = audience ? audienceSuffix(*audience) : std::nullopt;
    return suffix ? payload + *suffix : payload;
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
    if (m_committed) {
        m_database.announce(m_firstSequence, m_lastSequence);
        return true;
    }
    if (m_active && !m_begun) {
        m_active = false; // read only: nothing to commit
        return true;
    }
    if (m_lastSequence > 0) {
        const bool notified =
            m_notified && m_notified->sequence == m_lastSequence && currentAudienceSuffix() == m_notified->suffix;
        if (m_notified && !notified) {
            // The notification queued by takeSequence() named other people: the other
            // instances may not wake those this commit concerns (a bug in the caller).
            qCWarning(lcStorage) << "the audience of sequence value" << m_lastSequence
                                 << "changed after it was taken; set the ChangeAudience first";
        }
        if (m_database.isPostgres() && !notified) {
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
    const bool begun = m_begun && m_active;
    m_active = false;
    if (begun)
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
