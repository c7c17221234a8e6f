// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/Storage.h"

namespace Colleagues::Server::Internal {

class Database;

//! The accounts: who may sign in, with which password hash and role.
class AccountTable
{
public:
    explicit AccountTable(Database &database)
        : m_database(database)
    { }

    Expected<Account> createAccount(const QString &username, const QByteArray &passwordHash, Role role,
                                    bool mustChangePassword);
    Expected<QStringList> createAccounts(const QList<Account> &accounts);
    Expected<std::optional<Account>> findAccount(const QString &username);
    Expected<bool> setPasswordHash(const QString &username, const QByteArray &passwordHash, bool mustChange);
    Expected<bool> changeOwnPassword(const QString &username, const QByteArray &passwordHash,
                                     const QByteArray &keepTokenHash);
    Expected<bool> setDisabled(const QString &username, bool disabled);
    Expected<bool> setRole(const QString &username, Role role);
    qint64 accountCount();

private:
    Database &m_database;
};

} // namespace Colleagues::Server::Internal
