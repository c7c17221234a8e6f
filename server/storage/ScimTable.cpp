// SPDX-License-Identifier: MIT
#include "server/storage/ScimTable_p.h"

#include "core/Validation.h"
#include "server/storage/Connection_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <QUuid>

namespace Colleagues::Server::Internal {

namespace {

const QString UserColumns = QStringLiteral("s.id, s.username, s.external_id, s.manager_id, s.attributes, s.version,"
                                           " s.created_at, s.updated_at, a.disabled");
const QString UserSource = QStringLiteral(" FROM scim_users s JOIN accounts a ON a.username = s.username");

ScimUserRecord userFromRow(const Query &q)
{
    ScimUserRecord r;
    r.id = q.text(0);
    r.username = q.text(1);
    r.externalId = q.text(2);
    r.managerId = q.text(3);
    r.attributes = q.text(4).toUtf8();
    r.version = q.int64(5);
    r.created = fromMs(q.value(6));
    r.lastModified = fromMs(q.value(7));
    r.active = !q.value(8).toBool();
    return r;
}

Error duplicateUser(const QString &username)
{
    return Error {Error::Code::Duplicate, QStringLiteral("userName"),
                  QStringLiteral("There is already an account named \u201c%1\u201d.").arg(username)};
}

//! Disables or enables \a username's account inside \a tx; disabling ends its sessions.
bool setAccountDisabled(Transaction &tx, const QString &username, bool disabled, QSqlError *error)
{
    Connection &c = tx.connection();
    Query update(c, QStringLiteral("UPDATE accounts SET disabled = ? WHERE username = ?"));
    if (!update.exec({disabled, username})) {
        *error = update.error();
        return false;
    }
    update.finish();
    if (!disabled)
        return true;
    Query revoke(
        c, QStringLiteral("DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE username = ?)"));
    if (!revoke.exec({username})) {
        *error = revoke.error();
        return false;
    }
    return true;
}

} // namespace

Expected<bool> ScimTable::createScimToken(const QString &name, const QByteArray &tokenHash)
{
    Transaction tx(m_database);
    if (!tx.begin())
        return tx.fail(u"starting to create a provisioning token");
    Connection &c = tx.connection();
    Query existing(c, QStringLiteral("SELECT COUNT(*) FROM scim_tokens WHERE name = ?"));
    const auto count = existing.scalar({name});
    if (!count)
        return tx.fail(u"reading provisioning tokens", existing.error());
    if (*count > 0) {
        tx.rollback();
        return Error {Error::Code::Duplicate, QStringLiteral("name"),
                      QStringLiteral("There is already a provisioning token named \u201c%1\u201d.").arg(name)};
    }
    Query insert(c, QStringLiteral("INSERT INTO scim_tokens (name, token_hash, created_at) VALUES (?, ?, ?)"));
    if (!insert.exec({name, tokenHash, nowMs()}))
        return tx.fail(u"creating a provisioning token", insert.error());
    insert.finish();
    if (!tx.commit())
        return tx.fail(u"committing a provisioning token");
    return true;
}

Expected<QList<ScimTokenInfo>> ScimTable::scimTokens()
{
    Query q(m_database, QStringLiteral("SELECT name, created_at FROM scim_tokens ORDER BY name"));
    if (!q.exec())
        return q.fail(u"listing provisioning tokens");
    QList<ScimTokenInfo> tokens;
    while (q.next())
        tokens.append(ScimTokenInfo {q.text(0), fromMs(q.value(1))});
    return tokens;
}

Expected<bool> ScimTable::revokeScimToken(const QString &name)
{
    Query q(m_database, QStringLiteral("DELETE FROM scim_tokens WHERE name = ?"));
    if (!q.exec({name}))
        return q.fail(u"revoking a provisioning token");
    return q.rowsAffected() > 0;
}

Expected<std::optional<QString>> ScimTable::findScimToken(const QByteArray &tokenHash)
{
    Query q(m_database, QStringLiteral("SELECT name FROM scim_tokens WHERE token_hash = ?"));
    if (!q.exec({tokenHash}))
        return q.fail(u"reading a provisioning token");
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.text(0));
}

Expected<std::optional<ScimUserRecord>> ScimTable::findScimUser(const QString &id)
{
    Query q(m_database,
            QStringLiteral("SELECT ") + UserColumns + UserSource
                + QStringLiteral(" WHERE s.id = ? AND s.deleted = FALSE"));
    if (!q.exec({id}))
        return q.fail(u"reading a provisioned user");
    if (!q.next())
        return std::optional<ScimUserRecord>();
    return std::optional<ScimUserRecord>(userFromRow(q));
}

Expected<QList<ScimUserRecord>> ScimTable::scimUsers(const ScimUserQuery &query, int offset, int count, qint64 *total)
{
    QString where = QStringLiteral(" WHERE s.deleted = FALSE");
    QVariantList values;
    if (query.by == ScimUserQuery::By::Username) {
        where += QStringLiteral(" AND s.username = ?");
        values.append(query.value);
    } else if (query.by == ScimUserQuery::By::ExternalId) {
        where += QStringLiteral(" AND s.external_id = ?");
        values.append(query.value);
    }
    Transaction tx(m_database, Transaction::Kind::Read);
    if (!tx.begin())
        return tx.fail(u"starting to list provisioned users");
    Connection &c = tx.connection();
    Query counting(c, QStringLiteral("SELECT COUNT(*)") + UserSource + where);
    const auto matching = counting.scalar(values);
    if (!matching)
        return tx.fail(u"counting provisioned users", counting.error());
    *total = *matching;
    QList<ScimUserRecord> users;
    if (count > 0 && offset < *matching) {
        Query q(c,
                QStringLiteral("SELECT ") + UserColumns + UserSource + where
                    + QStringLiteral(" ORDER BY s.created_at, s.id LIMIT ? OFFSET ?"));
        if (!q.exec(values + QVariantList {count, offset}))
            return tx.fail(u"listing provisioned users", q.error());
        while (q.next())
            users.append(userFromRow(q));
    }
    tx.rollback();
    return users;
}

Expected<QStringList> ScimTable::scimReportsOf(const QString &managerId)
{
    Query q(
        m_database,
        QStringLiteral("SELECT username FROM scim_users WHERE manager_id = ? AND deleted = FALSE ORDER BY username"));
    if (!q.exec({managerId}))
        return q.fail(u"reading reports of a provisioned user");
    QStringList usernames;
    while (q.next())
        usernames.append(q.text(0));
    return usernames;
}

Expected<ScimUserRecord> ScimTable::createScimUser(const ScimUserRecord &input)
{
    if (const Error invalid = Validation::checkUsername(input.username, QStringLiteral("userName")))
        return invalid;
    ScimUserRecord record = input;
    record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.version = 1;
    const qint64 now = nowMs();
    record.created = record.lastModified = fromMs(now);

    Transaction tx(m_database);
    if (!tx.begin())
        return tx.fail(u"starting to provision a user");
    Connection &c = tx.connection();
    Query existing(c,
                   QStringLiteral("SELECT a.id, s.deleted FROM accounts a LEFT JOIN scim_users s"
                                  " ON s.username = a.username WHERE a.username = ?"));
    if (!existing.exec({record.username}))
        return tx.fail(u"reading an account", existing.error());
    const bool accountExists = existing.next();
    const bool wasDeleted = accountExists && !existing.value(1).isNull() && existing.value(1).toBool();
    existing.finish();
    if (accountExists && !wasDeleted) {
        tx.rollback();
        return duplicateUser(record.username);
    }
    const QVariantList content {record.externalId, record.managerId, QString::fromUtf8(record.attributes)};
    if (wasDeleted) {
        Query revive(c,
                     QStringLiteral("UPDATE scim_users SET external_id = ?, manager_id = ?, attributes = ?, id = ?,"
                                    " version = 1, created_at = ?, updated_at = ?, deleted = FALSE"
                                    " WHERE username = ?"));
        if (!revive.exec(content + QVariantList {record.id, now, now, record.username}))
            return tx.fail(u"provisioning a user again", revive.error());
        revive.finish();
        QSqlError error;
        if (!setAccountDisabled(tx, record.username, !record.active, &error))
            return tx.fail(u"enabling an account", error);
    } else {
        Query account(c,
                      QStringLiteral("INSERT INTO accounts (username, password_hash, role, disabled,"
                                     " must_change_password, created_at) VALUES (?, '', 'member', ?, FALSE, ?)"));
        if (!account.exec({record.username, !record.active, now})) {
            const Error failed = tx.fail(u"creating an account", account.error());
            // Another request created it first (PostgreSQL: the unique key, not a lock, said so).
            const auto raced = Query(m_database, QStringLiteral("SELECT COUNT(*) FROM accounts WHERE username = ?"))
                                   .scalar({record.username});
            if (raced && *raced > 0)
                return duplicateUser(record.username);
            return failed;
        }
        account.finish();
        Query insert(
            c,
            QStringLiteral("INSERT INTO scim_users (external_id, manager_id, attributes, id, username,"
                           " version, created_at, updated_at, deleted) VALUES (?, ?, ?, ?, ?, 1, ?, ?, FALSE)"));
        if (!insert.exec(content + QVariantList {record.id, record.username, now, now}))
            return tx.fail(u"provisioning a user", insert.error());
    }
    if (!tx.commit())
        return tx.fail(u"committing a provisioned user");
    return record;
}

Expected<std::optional<ScimUserRecord>> ScimTable::updateScimUser(const ScimUserRecord &input)
{
    Transaction tx(m_database);
    if (!tx.begin())
        return tx.fail(u"starting to update a provisioned user");
    Connection &c = tx.connection();
    const qint64 now = nowMs();
    Query update(c,
                 QStringLiteral("UPDATE scim_users SET external_id = ?, manager_id = ?, attributes = ?,"
                                " version = version + 1, updated_at = ? WHERE id = ? AND deleted = FALSE"
                                " AND version = ?"));
    if (!update.exec(
            {input.externalId, input.managerId, QString::fromUtf8(input.attributes), now, input.id, input.version}))
        return tx.fail(u"updating a provisioned user", update.error());
    if (update.rowsAffected() == 0) {
        tx.rollback();
        return std::optional<ScimUserRecord>();
    }
    update.finish();
    QSqlError error;
    if (!setAccountDisabled(tx, input.username, !input.active, &error))
        return tx.fail(u"disabling or enabling an account", error);
    Query read(c, QStringLiteral("SELECT ") + UserColumns + UserSource + QStringLiteral(" WHERE s.id = ?"));
    if (!read.exec({input.id}) || !read.next())
        return tx.fail(u"reading a provisioned user", read.error());
    const ScimUserRecord stored = userFromRow(read);
    read.finish();
    if (!tx.commit())
        return tx.fail(u"committing a provisioned user");
    return std::optional<ScimUserRecord>(stored);
}

Expected<bool> ScimTable::deleteScimUser(const QString &id)
{
    Transaction tx(m_database);
    if (!tx.begin())
        return tx.fail(u"starting to delete a provisioned user");
    Connection &c = tx.connection();
    Query find(c, QStringLiteral("SELECT username FROM scim_users WHERE id = ? AND deleted = FALSE"));
    if (!find.exec({id}))
        return tx.fail(u"reading a provisioned user", find.error());
    if (!find.next()) {
        tx.rollback();
        return false;
    }
    const QString username = find.text(0);
    find.finish();
    Query mark(c, QStringLiteral("UPDATE scim_users SET deleted = TRUE, updated_at = ? WHERE id = ?"));
    if (!mark.exec({nowMs(), id}))
        return tx.fail(u"deleting a provisioned user", mark.error());
    mark.finish();
    QSqlError error;
    if (!setAccountDisabled(tx, username, true, &error))
        return tx.fail(u"disabling an account", error);
    if (!tx.commit())
        return tx.fail(u"committing a deleted user");
    return true;
}

} // namespace Colleagues::Server::Internal
