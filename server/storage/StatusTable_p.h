// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/Storage.h"

#include <QMap>

namespace Colleagues::Server::Internal {

class Database;
class Query;

//! The columns statusFromRow() reads, in its order.
extern const QString StatusColumns;

//! One row of the statuses table.
struct StatusRow
{
    Status status; //!< as it applies (what sync sends)
    StatusChoice choice; //!< what the person chose
    qint64 seenAt = 0;
    qint64 nextCheck = 0; //!< 0: nothing changes by itself
    qint64 changeSeq = 0;
};

//! A row of StatusColumns.
StatusRow statusFromRow(const Query &q);

//! The statuses: one row per person, replaced in place, each change taking a sequence value.
class StatusTable
{
public:
    explicit StatusTable(Database &database)
        : m_database(database)
    { }

    Expected<Status> findStatus(const QString &username);
    Expected<Status> setStatus(const QString &username, const StatusChoice &choice);
    Expected<QList<StatusChange>> reportPresence(const QList<PresenceReport> &reports);
    Expected<QList<StatusChange>> sweep(const QDateTime &now, const QDateTime &offlineBefore,
                                        const std::function<bool(const QString &)> &connectedHere);

private:
    //! The sequenced part of reportPresence(): writes the presences of \a named that changed;
    //! adds the others to \a refresh.
    Expected<QList<StatusChange>> writePresence(const QList<PresenceReport> &reports, const QStringList &named,
                                                QMap<qint64, QStringList> *refresh);

    Database &m_database;
};

} // namespace Colleagues::Server::Internal
