// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/ExpiringHash.h"
#include "server/storage/Storage.h"

#include <QByteArray>
#include <QMutex>

#include <optional>

namespace Colleagues::Server {

/*!
 * Sessions recently checked against the database, by token hash, so that a client sending
 * many requests costs one session query per MaxAgeMs instead of one per request (the query
 * was most of a cached profile read's cost). Signing out through this server evicts at once.
 * A revocation the server does not see itself (another instance, `user disable`) takes effect
 * within MaxAgeMs, unless the storage hears of every revocation (PostgreSQL): then the owner
 * clears the cache when it does, and entries live for HeardMaxAgeMs. Shared by the HTTP
 * threads; thread-safe.
 */
class SessionCache
{
public:
    static constexpr qint64 MaxAgeMs = 500;
    static constexpr qint64 HeardMaxAgeMs = 5 * 60 * 1000;
    static constexpr int MaxEntries = 50000;

    //! Entries live for \a ms from now on (MaxAgeMs before).
    void setMaxAgeMs(qint64 ms);

    std::optional<Session> find(const QByteArray &tokenHash) const;
    //! Counts clear()s: read it before reading a session from the database, and pass it to
    //! insert(), which drops the session when the cache was cleared meanwhile (it may have
    //! been revoked after it was read).
    quint64 generation() const;
    void insert(const Session &session, quint64 generation);
    void remove(const QByteArray &tokenHash);
    //! Forgets every session (after sessions were revoked that the cache cannot name, e.g. all
    //! other sessions of an account whose password changed).
    void clear();

private:
    mutable QMutex m_mutex;
    ExpiringHash<QByteArray, Session> m_entries {MaxAgeMs, MaxEntries};
    quint64 m_generation = 0;
};

} // namespace Colleagues::Server
