// SPDX-License-Identifier: MIT
#include "server/storage/AccountTable_p.h"

#include "core/Validation.h"
#include "server/storage/Connection_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

namespace Colleagues::Server::Internal {

Expected<Account> AccountTable::createAccount(const QString &username, const QByteArray &passwordHash, Role role,
                                              bool mustChangePassword)
{
    if (const Error invalid = Validation::checkUsername(username))
        return invalid;
    Query insert(m_database,
                 QStringLiteral("INSERT INTO accounts (username, password_hash, role, disabled,"
                                " must_change_password, created_at)"
                                " VALUES (?, ?, ?, FALSE, ?, ?) RETURNING id"));
    const auto id =
        insert.scalar({username, QString::fromLatin1(passwordHash), roleName(role), mustChangePassword, nowMs()});
    if (!id) {
        auto existing = findAccount(username);
        if (existing && existing->has_value()) {
            return Error {Error::Code::Duplicate, QStringLiteral("username"),
                          QStringLiteral("There is already an account named \u201c%1\u201d.").arg(username)};
        }
        return insert.fail(u"creating an account");
    }
    return Account {*id, username, passwordHash, role, false, mustChangePassword, {}};
}

Expected<QStringList> AccountTable::createAccounts(const QList<Account> &accounts)
{
    for (const Account &account : accounts) {
        if (const Error invalid = Validation::checkUsername(account.username))
            return invalid;
    }
    Transaction tx(m_database);
    if (!tx.begin())
        return tx.fail(u"starting to create accounts");
    Connection &c = tx.connection();
    QStringList created;
    Query insert(c,
                 QStringLiteral("INSERT INTO accounts (username, password_hash, role, disabled, must_change_password,"
                                " created_at) VALUES (?, ?, ?, FALSE, ?, ?) ON CONFLICT (username) DO NOTHING"));
    const qint64 now = nowMs();
    for (const Account &account : accounts) {
        if (!insert.exec({account.username, QString::fromLatin1(account.passwordHash), roleName(account.role),
                          account.mustChangePassword, now}))
            return tx.fail(u"creating an account", insert.error());
        if (insert.rowsAffected() > 0)
            created.append(account.username);
        insert.finish();
    }
    if (!tx.commit())
        return tx.fail(u"committing new accounts");
    return created;
}

Expected<std::optional<Account>> AccountTable::findAccount(const QString &username)
{
    Query q(m_database,
            QStringLiteral("SELECT id, username, password_hash, role, disabled, must_change_password, source"
                           " FROM accounts WHERE username = ?"));
    if (!q.exec({username}))
        return q.fail(u"reading an account");
    if (!q.next())
        return std::optional<Account>();
    Account account;
    account.id = q.int64(0);
    account.username = q.text(1);
    account.passwordHash = q.text(2).toLatin1();
    account.role = roleFromName(q.text(3)).value_or(Role::Member);
    account.disabled = q.value(4).toBool();
    account.mustChangePassword = q.value(5).toBool();
    account.source = q.text(6);
    return std::optional<Account>(account);
}

Expected<bool> AccountTable::setPasswordHash(const QString &username, const QByteArray &passwordHash, bool mustChange)
{
    Query q(m_database,
            QStringLiteral("UPDATE accounts SET password_hash = ?, must_change_password = ? WHERE username = ?"));
    if (!q.exec({QString::fromLatin1(passwordHash), mustChange, username}))
        return q.fail(u"setting a password");
    if (q.rowsAffected() == 0)
        return noSuchAccount(username);
    return true;
}

Expected<bool> AccountTable::changeOwnPassword(const QString &username, const QByteArray &passwordHash,
                                               const QByteArray &keepTokenHash)
{
    Transaction tx(m_database);
    if (!tx.begin())
        return tx.fail(u"starting to change a password");
    Connection &c = tx.connection();
    Query update(c,
                 QStringLiteral("UPDATE accounts SET password_hash = ?, must_change_password = FALSE"
                                " WHERE username = ?"));
    if (!update.exec({QString::fromLatin1(passwordHash), username}))
        return tx.fail(u"changing a password", update.error());
    if (update.rowsAffected() == 0) {
        tx.rollback();
        return noSuchAccount(username);
    }
    update.finish();
    // Whoever signed in with the old password elsewhere is signed out; the caller stays.
    Query revoke(c,
                 QStringLiteral("DELETE FROM sessions WHERE account_id IN"
                                " (SELECT id FROM accounts WHERE username = ?) AND token_hash <> ?"));
    if (!revoke.exec({username, keepTokenHash}))
        return tx.fail(u"ending the other sessions", revoke.error());
    if (!tx.commit())
        return tx.fail(u"committing a changed password");
    return true;
}

Expected<bool> AccountTable::setDisabled(const QString &username, bool disabled)
{
    Transaction tx(m_database);
    if (!tx.begin())
        return tx.fail(u"starting to disable an account");
    Connection &c = tx.connection();
    Query update(c, QStringLiteral("UPDATE accounts SET disabled = ? WHERE username = ?"));
    if (!update.exec({disabled, username}))
        return tx.fail(u"disabling an account", update.error());
    if (update.rowsAffected() == 0) {
        tx.rollback();
        return noSuchAccount(username);
    }
    update.finish();
    if (disabled) {
        Query revoke(
            c, QStringLiteral("DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE username = ?)"));
        if (!revoke.exec({username}))
            return tx.fail(u"revoking sessions", revoke.error());
    }
    if (!tx.commit())
        return tx.fail(u"committing a disabled account");
    return true;
}

Expected<bool> AccountTable::setRole(const QString &username, Role role)
{
    Query q(m_database, QStringLiteral("UPDATE accounts SET role = ? WHERE username = ?"));
    if (!q.exec({roleName(role), username}))
        return q.fail(u"setting a role");
    if (q.rowsAffected() == 0)
        return noSuchAccount(username);
    return true;
}

qint64 AccountTable::accountCount()
{
    return m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts")).value_or(0);
}

} // namespace Colleagues::Server::Internal
