// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/StatusFeed_p.h"
#include "server/storage/Storage.h"

#include <atomic>

namespace Colleagues::Server::Internal {

class Database;

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

private:
    Database &m_database;
    StatusFeed m_statuses;
    //! The oldest usable cursor as the last sync read found it (it only grows).
    std::atomic<qint64> m_minCursor = 0;
};

} // namespace Colleagues::Server::Internal
