// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/Storage.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QReadWriteLock>
#include <QSqlError>

#include <optional>
#include <vector>

namespace Colleagues::Server::Internal {

struct Connection;

/*!
 * Every person's current status in memory, in sequence order, with its wire JSON: sync pages
 * take their statuses from here rather than read and encode the same rows again for every
 * client (10,000 clients each get every one of 100 changes a second). It follows the statuses
 * table by change_seq, read when a sync read finds it behind (catchUp()),
 * and drops the status of a removed person with the profile's tombstone; so what a page takes
 * up to its snapshot's sequence is what the table says then, save a status that has changed
 * again since, which comes with a later page (sync brings current values, not history).
 * Shared by every thread; thread-safe.
 */
class StatusFeed
{
public:
    struct Entry
    {
        SyncStatusPtr status; //!< with toJson(status) as compact JSON, as a sync page writes it
        qint64 sequence = 0;
    };

    //! Makes sure the feed has every change up to \a needed, reading what it lacks on
    //! \a connection up to the latest sequence there (in one statement, so in one snapshot even
    //! outside a transaction); \a reached receives the sequence it now has every change up to.
    //! The error otherwise.
    std::optional<QSqlError> catchUp(Connection &connection, qint64 needed, qint64 *reached = nullptr);
    //! Whether the feed has every change up to \a sequence.
    bool hasUpTo(qint64 sequence) const;
    //! The statuses whose change is in (\a after, \a upTo], in sequence order, at most \a limit;
    //! the default ones left out when \a skipDefaults.
    QList<Entry> since(qint64 after, qint64 upTo, qsizetype limit, bool skipDefaults) const;

private:
    struct Slot
    {
        Entry entry;
        bool live = true; //!< false: replaced or removed (kept, emptied, until compacted)
    };
    //! Drops the live entry of \a username if it is older than the change at \a sequence;
    //! false when it is not (the feed has that change or a newer one).
    bool dropOlder(const QString &username, qint64 sequence);
    void compact();

    mutable QReadWriteLock m_lock; // guards the members below
    qint64 m_complete = 0; //!< every change up to here is in
    std::vector<Slot> m_slots; // by sequence: a page is a run of them
    QHash<QString, qsizetype> m_liveSlot; // by username
    qsizetype m_dead = 0;

    QMutex m_catchingUp; // one reader catches up at a time; the others then find it done
};

} // namespace Colleagues::Server::Internal
