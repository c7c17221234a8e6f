// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: the transactions of the storage classes.

#include "core/Error.h"

#include <QSqlError>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <optional>

namespace Colleagues::Server::Internal {

class Database;
class Query;
struct Connection;

//! A transaction on one connection; rolled back unless committed.
//!
//! Writers are serialized: on SQLite by BEGIN IMMEDIATE (the database's single write lock),
//! on PostgreSQL by the one change_counter row, which a Sequenced transaction locks at BEGIN
//! (SELECT ... FOR UPDATE) and updates in takeSequence(); the lock is held until COMMIT (or
//! runSequenced() updates it in a statement that commits by itself). So
//! a transaction that took sequence value n commits before any transaction can take n + 1,
//! changes become visible in sequence order, and what a writer read is still current when it
//! commits.
//! The NOTIFY payload of a commit: "SEQUENCE", "SEQUENCE *" (everyone) or "SEQUENCE user user…";
//! a commit that took several values adds "#FIRST" after SEQUENCE (the last one), which older
//! servers read as a username nobody has.
QString notifyPayload(qint64 first, qint64 sequence, const QStringList *audience);
//! The audience part of a payload (" *" or " user user…"); nullopt when it would not fit.
std::optional<QString> audienceSuffix(const QStringList &audience);

struct NotifiedChange
{
    qint64 first = 0; //!< the first sequence value of the commit (== sequence for one)
    qint64 sequence = 0;
    bool audienceKnown = false;
    QStringList usernames; //!< empty with audienceKnown: everyone
};
//! Reads what notifyPayload() wrote; nullopt for anything else.
std::optional<NotifiedChange> parseNotifyPayload(const QString &payload);

class Transaction
{
public:
    enum class Kind {
        Write, //!< writes without sequence values (accounts, sessions, purges, migrations)
        Sequenced, //!< writes that take sequence values: serialized with each other from BEGIN on
        //! Sequenced, serialized only from serialize(), takeSequence() or runSequenced() on:
        //! its reads before that (checks of other tables) may be a moment old, and on
        //! PostgreSQL they run before BEGIN, which waits until something is written.
        SequencedLate,
        Read, //!< one consistent snapshot, read only
    };

    //! A transaction on this thread's connection of \a database; begin() fails when the
    //! database cannot be reached, and fail() then reports databaseFailure().
    explicit Transaction(Database &database, Kind kind = Kind::Write);
    Transaction(Database &database, Connection &connection, Kind kind = Kind::Write)
        : m_database(database)
        , m_connection(&connection)
        , m_kind(kind)
    { }
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    bool begin();
    //! Waits for the writers before this one to commit (SequencedLate, on PostgreSQL; done at
    //! begin() for Sequenced, and by SQLite's BEGIN IMMEDIATE): what it reads from here on is
    //! still current when it commits. False (rolled back) when the database fails.
    bool serialize();
    //! The connection the transaction runs on; only after begin() succeeded.
    Connection &connection() const { return *m_connection; }
    //! Takes \a count consecutive sequence values; returns the first. The last is what
    //! commit() announces. Set the ChangeAudience before: on PostgreSQL the notification then
    //! goes with the statement that takes the values, one round trip fewer under the lock.
    std::optional<qint64> takeSequence(int count = 1);
    //! Runs \a sql, a statement that writes with one new sequence value and returns rows: each
    //! {seq} in it stands for the value, each ? for the next of \a values, and the value must be
    //! the first column it returns; \a read reads its first row. False when it failed (fail()
    //! reports it). On PostgreSQL, in a SequencedLate transaction that wrote nothing yet and
    //! with its ChangeAudience set, this is one statement that also commits: the other writers
    //! never wait for this server's round trips. commit() must still follow (it announces).
    bool runSequenced(const QString &sql, const QVariantList &values, const std::function<void(Query &)> &read);
    bool commit();
    void rollback();
    //! The error of the statement that failed last.
    const QSqlError &lastError() const { return m_error; }
    //! Rolls back and reports \a error (or the transaction's own last error).
    Error fail(QStringView what, const QSqlError &error = {});

private:
    Connection *sideConnection();
    //! Sends the BEGIN a SequencedLate transaction on PostgreSQL put off.
    bool ensureBegun();

    Database &m_database;
    Connection *m_connection;
    Kind m_kind;
    bool m_active = false;
    bool m_begun = false; //!< BEGIN sent (m_active without it: a SequencedLate one not yet writing)
    bool m_committed = false; //!< by runSequenced()
    bool m_serialized = false;
    qint64 m_firstSequence = 0;
    qint64 m_lastSequence = 0;
    struct Notified
    {
        qint64 sequence = 0;
        QString suffix;
    };
    std::optional<Notified> m_notified; //!< queued by takeSequence()
    QSqlError m_error;
};

} // namespace Colleagues::Server::Internal
