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
 * was most of a cached profile read's cost). Signing out through this server evicts at once;
 * a revocation the server does not see (another instance, `user disable`) takes effect within
 * MaxAgeMs. Shared by the HTTP threads; thread-safe.
 */
class SessionCache
{
public:
    static constexpr qint64 MaxAgeMs = 500;
    static constexpr int MaxEntries = 50000;

    std::optional<Session> find(const QByteArray &tokenHash) const;
    void insert(const Session &session);
    void remove(const QByteArray &tokenHash);
    //! Forgets every session (after sessions were revoked that the cache cannot name, e.g. all
    //! other sessions of an account whose password changed).
    void clear();

private:
    mutable QMutex m_mutex;
    ExpiringHash<QByteArray, Session> m_entries {MaxAgeMs, MaxEntries};
};

} // namespace Colleagues::Server
