// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/StatusFeed_p.h"
#include "server/storage/Storage.h"

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
    //! The latest committed sequence value; 0 when the database fails.
    qint64 latestSequence();

private:
    Database &m_database;
    StatusFeed m_statuses;
};

} // namespace Colleagues::Server::Internal
