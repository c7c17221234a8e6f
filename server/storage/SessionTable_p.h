// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/Storage.h"

namespace Colleagues::Server::Internal {

class Database;

//! The sign-in sessions (by token hash) and the failed sign-ins that throttle new ones.
class SessionTable
{
public:
    explicit SessionTable(Database &database)
        : m_database(database)
    { }

    //! How long a failed sign-in counts.
    static constexpr qint64 FailedSignInMemoryMs = 24LL * 60 * 60 * 1000;

    Expected<bool> createSession(const Session &session);
    Expected<std::optional<Session>> findSession(const QByteArray &tokenHash);
    Expected<bool> deleteSession(const QByteArray &tokenHash);
    Expected<bool> deleteSessionsOf(const QString &username);

    Expected<int> recordFailedSignIn(const QString &key, const QDateTime &at);
    int failedSignInsSince(const QString &key, const QDateTime &since);
    Expected<bool> clearFailedSignIns(const QString &key);

private:
    Database &m_database;
};

} // namespace Colleagues::Server::Internal
