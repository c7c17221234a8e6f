// SPDX-License-Identifier: MIT
#include "server/storage/SqlStorage_p.h"

#include "core/PrivateFiles.h"

#include "server/storage/Connection_p.h"
#include "server/storage/Migrations_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace Colleagues::Server {

using Internal::Connection;
using Internal::NotifyChannel;
using Internal::nowMs;
using Internal::Query;
using Internal::SessionsChannel;
using Internal::Transaction;

SqlStorage::SqlStorage(const StorageConfig &config, QObject *parent)
    : Storage(parent)
    , m_database(config, m_testingHooks, this, [this](qint64 first, qint64 last) { committed(first, last); })
{
    m_listenerCheck.setInterval(std::chrono::seconds(2));
    connect(&m_listenerCheck, &QTimer::timeout, this, &SqlStorage::checkListener);
}

SqlStorage::~SqlStorage()
{
    m_listenerCheck.stop();
    if (!m_listenerName.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_listenerName, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_listenerName);
    }
    // m_database closes the connections of every thread.
}

void SqlStorage::committed(qint64 first, qint64 last)
{
    // Whom the change concerns goes first, at once: a hint that came later (after the handler
    // returns, say) would leave a gap in the sequence for as long, which long-polls wait for.
    if (const QStringList *audience = ChangeAudience::current()) {
        if (last - first > MaxHintedRange)
            first = last; // wake everyone rather
        for (qint64 s = first; s <= last; ++s)
            Q_EMIT changedFor(s, *audience);
    }
    emitChanged(last);
}

void SqlStorage::emitChanged(qint64 sequence)
{
    qint64 previous = m_lastEmitted.load();
    while (sequence > previous) {
        if (m_lastEmitted.compare_exchange_weak(previous, sequence)) {
            Q_EMIT changed(sequence);
            return;
        }
    }
}

Expected<bool> SqlStorage::open()
{
    const StorageConfig &config = m_database.config();
    if (!isPostgres()) {
        const QDir dir(config.dataDir);
        if (!dir.exists()) {
            if (!QDir().mkpath(config.dataDir)) {
                return Error {Error::Code::InvalidFormat, QStringLiteral("data_dir"),
                              QStringLiteral("Cannot create the data directory %1.")
                                  .arg(QDir::toNativeSeparators(config.dataDir))};
            }
            // It holds password hashes and messages: owner only.
            QFile::setPermissions(config.dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        // The folder may be someone else's (0755, made by a package or an admin): the file itself
        // is 0600 before SQLite opens it, and SQLite gives its -wal and -shm files the same mode.
        QString error;
        if (!PrivateFiles::prepareFile(config.sqliteFile(), &error))
            return Error {Error::Code::InvalidFormat, QStringLiteral("data_dir"), error};
    }
    Connection *c = m_database.connection();
    if (!c)
        return databaseFailure();
    if (!isPostgres()) {
        // Persistent in the file; set once here rather than by every connection. The switch needs
        // the file to itself: when several servers start at once, SQLite refuses the others at
        // once (BUSY without waiting, as two readers that both want to write would deadlock), so
        // they try again until the busy timeout.
        QSqlError error;
        QDeadlineTimer deadline(config.busyTimeout);
        while (!c->execDirect(QStringLiteral("PRAGMA journal_mode = WAL"), &error)) {
            const int sqliteBusy = 5; // also the low byte of its extended codes
            if ((error.nativeErrorCode().toInt() & 0xff) != sqliteBusy || deadline.hasExpired())
                return m_database.failure(*c, error, u"enabling WAL");
            QThread::msleep(10);
        }
    }
    auto migrated = Internal::migrate(m_database, *c);
    if (!migrated)
        return migrated;
    m_opened = true;
    if (isPostgres())
        startListening();
    m_lastEmitted = latestSequence();
    auto cleaned = housekeeping();
    if (!cleaned)
        return cleaned.error();
    return true;
}

int SqlStorage::schemaVersion()
{
    return static_cast<int>(
        m_database.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")).value_or(0));
}

void SqlStorage::startListening()
{
    m_listenerName = m_database.connectionPrefix() + QStringLiteral("-listen");
    // Named apart from the pool's connections: an administrator (or a test) can tell it.
    QSqlDatabase db = m_database.config().addConnection(m_listenerName, u"colleagues-server-listener");
    connect(db.driver(), &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (name == SessionsChannel) {
                    Q_EMIT sessionsRevoked();
                    return;
                }
                if (name != NotifyChannel)
                    return;
                const std::optional<Internal::NotifiedChange> change = Internal::parseNotifyPayload(payload.toString());
                if (!change)
                    return;
                emitChanged(change->sequence);
                if (!change->audienceKnown)
                    return;
                // Every value of a commit that took several (a batch of presence changes, read
                // marks) concerns the same people; a huge range wakes everyone instead.
                const qint64 first =
                    change->sequence - change->first > MaxHintedRange ? change->sequence : change->first;
                for (qint64 s = first; s <= change->sequence; ++s)
                    Q_EMIT changedFor(s, change->usernames);
            });
    if (!subscribe(db))
        qCWarning(lcStorage).noquote() << "cannot listen for other instances' changes:" << db.lastError().text();
    m_listenerCheck.start();
}

bool SqlStorage::subscribe(QSqlDatabase &db)
{
    return db.open() && db.driver()->subscribeToNotification(NotifyChannel)
        && db.driver()->subscribeToNotification(SessionsChannel);
}

// Every few seconds: make sure the listening connection is alive (reconnect and subscribe
// again if not), and read the latest sequence, so that a notification lost while the
// connection was down, or consumed by this very query, still wakes the waiters.
void SqlStorage::checkListener()
{
    QSqlDatabase db = QSqlDatabase::database(m_listenerName, false);
    if (!db.isValid())
        return;
    {
        QSqlQuery query(db);
        if (db.isOpen() && query.exec(QStringLiteral("SELECT value FROM change_counter WHERE id = 1"))
            && query.next()) {
            emitChanged(query.value(0).toLongLong());
            return;
        }
    }
    // Sessions revoked meanwhile went unheard: the caches forget them all, again at every
    // check until the connection is back.
    Q_EMIT sessionsRevoked();
    db.close();
    if (!subscribe(db)) {
        qCWarning(lcStorage).noquote() << "listening connection still down:" << db.lastError().text();
        return;
    }
    qCInfo(lcStorage) << "listening connection restored";
    Q_EMIT sessionsRevoked();
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT value FROM change_counter WHERE id = 1")) && query.next())
        emitChanged(query.value(0).toLongLong());
}

Expected<int> SqlStorage::housekeeping()
{
    const qint64 now = nowMs();
    int removed = 0;
    Query sessions(m_database, QStringLiteral("DELETE FROM sessions WHERE expires_at <= ?"));
    if (!sessions.exec({now}))
        return sessions.fail(u"deleting expired sessions");
    removed += sessions.rowsAffected();
    Query failures(m_database, QStringLiteral("DELETE FROM failed_sign_ins WHERE at < ?"));
    if (!failures.exec({now - Internal::SessionTable::FailedSignInMemoryMs}))
        return failures.fail(u"deleting old failed sign-ins");
    removed += failures.rowsAffected();
    const auto purged = purgeTombstones(QDateTime::currentDateTimeUtc().addSecs(
        -std::chrono::duration_cast<std::chrono::seconds>(m_database.config().tombstoneRetention).count()));
    if (!purged)
        return purged.error();
    return removed + *purged;
}

Expected<int> SqlStorage::purgeTombstones(const QDateTime &before)
{
    const qint64 limit = before.toMSecsSinceEpoch();
    Transaction tx(m_database);
    if (!tx.begin())
        return tx.fail(u"starting a purge");
    Connection &c = tx.connection();
    Query newest(
        c, QStringLiteral("SELECT COALESCE(MAX(change_seq), 0) FROM profiles WHERE deleted = TRUE AND updated_at < ?"));
    const auto newestPurged = newest.scalar({limit});
    if (!newestPurged)
        return tx.fail(u"finding old removals", newest.error());
    if (*newestPurged == 0) {
        tx.rollback();
        return 0;
    }
    // Cursors before the newest removal we forget would miss it: they must start over.
    Query raise(c, QStringLiteral("UPDATE sync_state SET value = ? WHERE key = 'min_cursor' AND value < ?"));
    if (!raise.exec({*newestPurged, *newestPurged}))
        return tx.fail(u"raising the oldest usable cursor", raise.error());
    Query purge(c, QStringLiteral("DELETE FROM profiles WHERE deleted = TRUE AND updated_at < ?"));
    if (!purge.exec({limit}))
        return tx.fail(u"purging old removals", purge.error());
    const int purged = purge.rowsAffected();
    if (!tx.commit())
        return tx.fail(u"committing a purge");
    qCInfo(lcStorage) << "forgot" << purged << "removed profiles; cursors before" << *newestPurged << "start over";
    return purged;
}

} // namespace Colleagues::Server
