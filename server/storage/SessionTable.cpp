// SPDX-License-Identifier: MIT
#include "server/storage/SessionTable_p.h"

#include "server/storage/Connection_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

namespace Colleagues::Server::Internal {

Expected<bool> SessionTable::createSession(const Session &session)
{
    Query q(m_database,
            QStringLiteral("INSERT INTO sessions (token_hash, account_id, created_at, expires_at)"
                           " SELECT ?, id, ?, ? FROM accounts WHERE username = ?"));
    if (!q.exec({session.tokenHash, nowMs(), session.expiresAt.toMSecsSinceEpoch(), session.username}))
        return q.fail(u"creating a session");
    if (q.rowsAffected() == 0)
        return noSuchAccount(session.username);
    return true;
}

Expected<std::optional<Session>> SessionTable::findSession(const QByteArray &tokenHash)
{
    Query q(m_database,
            QStringLiteral("SELECT a.username, a.role, s.expires_at FROM sessions s"
                           " JOIN accounts a ON a.id = s.account_id"
                           " WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = FALSE"));
    if (!q.exec({tokenHash, nowMs()}))
        return q.fail(u"reading a session");
    if (!q.next())
        return std::optional<Session>();
    Session session;
    session.tokenHash = tokenHash;
    session.username = q.text(0);
    session.role = roleFromName(q.text(1)).value_or(Role::Member);
    session.expiresAt = fromMs(q.value(2));
    return std::optional<Session>(session);
}

Expected<bool> SessionTable::deleteSession(const QByteArray &tokenHash)
{
    Query q(m_database, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
    if (!q.exec({tokenHash}))
        return q.fail(u"deleting a session");
    return q.rowsAffected() > 0;
}

Expected<bool> SessionTable::deleteSessionsOf(const QString &username)
{
    Query q(m_database,
            QStringLiteral("DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE username = ?)"));
    if (!q.exec({username}))
        return q.fail(u"deleting sessions");
    return q.rowsAffected() > 0;
}

Expected<int> SessionTable::recordFailedSignIn(const QString &key, const QDateTime &at)
{
    const qint64 atMs = at.toMSecsSinceEpoch();
    Query insert(m_database, QStringLiteral("INSERT INTO failed_sign_ins (key, at) VALUES (?, ?)"));
    if (!insert.exec({key, atMs}))
        return insert.fail(u"recording a failed sign-in");
    Query count(m_database, QStringLiteral("SELECT COUNT(*) FROM failed_sign_ins WHERE key = ? AND at > ?"));
    const auto n = count.scalar({key, atMs - FailedSignInMemoryMs});
    if (!n)
        return count.fail(u"counting failed sign-ins");
    return static_cast<int>(*n);
}

int SessionTable::failedSignInsSince(const QString &key, const QDateTime &since)
{
    return static_cast<int>(
        m_database
            .scalar(QStringLiteral("SELECT COUNT(*) FROM failed_sign_ins WHERE key = ? AND at >= ?"),
                    {key, since.toMSecsSinceEpoch()})
            .value_or(0));
}

Expected<bool> SessionTable::clearFailedSignIns(const QString &key)
{
    Query q(m_database, QStringLiteral("DELETE FROM failed_sign_ins WHERE key = ?"));
    if (!q.exec({key}))
        return q.fail(u"clearing failed sign-ins");
    return true;
}

} // namespace Colleagues::Server::Internal
