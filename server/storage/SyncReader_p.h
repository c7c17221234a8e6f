// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/StatusFeed_p.h"
#include "server/storage/Storage.h"

#include <atomic>

namespace Colleagues::Server::Internal {

class Database;
class Transaction;

//! Reads what changed after a cursor, for one viewer, in one snapshot.
class SyncReader
{
public:
    explicit SyncReader(Database &database)
        : m_database(database)
    { }
    Q_DISABLE_COPY_MOVE(SyncReader)

    Expected<SyncPage> changesSince(const QString &viewer, qint64 cursor, int limit);
    Expected<SyncPage> statusesSince(qint64 cursor, qint64 upTo, int limit);
    //! The latest committed sequence value; 0 when the database fails.
    qint64 latestSequence();
    Expected<QMap<qint64, SequenceAudience>> audiencesBetween(qint64 after, qint64 upTo);

private:
    struct Rows;
    //! A page that tells the client to start over, when the cursor cannot be served.
    std::optional<SyncPage> startOverFor(qint64 cursor, const Rows &rows);
    //! Makes sure the status feed has every change up to \a needed (when it lacks one, it reads
    //! up to the latest sequence); returns the sequence it has every change up to.
    Expected<qint64> catchUpStatuses(qint64 needed);
    //! The page from what was read, merged in sequence order with the statuses; \a tx, in which
    //! the rows were read, reads the conversations of the page and what comes along with them.
    Expected<SyncPage> merged(Rows &rows, const QString &viewer, qint64 cursor, int limit, Transaction *tx);

    Database &m_database;
    StatusFeed m_statuses;
    //! The oldest usable cursor as the last sync read found it (it only grows).
    std::atomic<qint64> m_minCursor = 0;
};

} // namespace Colleagues::Server::Internal
