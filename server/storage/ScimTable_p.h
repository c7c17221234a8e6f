// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/ScimStorage.h"

namespace Colleagues::Server::Internal {

class Database;

//! Provisioning tokens and the users identity providers provisioned over SCIM (scim_tokens,
//! scim_users), with the accounts those users stand for.
class ScimTable final : public ScimStorage
{
public:
    explicit ScimTable(Database &database)
        : m_database(database)
    { }

    Expected<bool> createScimToken(const QString &name, const QByteArray &tokenHash) override;
    Expected<QList<ScimTokenInfo>> scimTokens() override;
    Expected<bool> revokeScimToken(const QString &name) override;
    Expected<std::optional<QString>> findScimToken(const QByteArray &tokenHash) override;

    Expected<std::optional<ScimUserRecord>> findScimUser(const QString &id) override;
    Expected<QList<ScimUserRecord>> scimUsers(const ScimUserQuery &query, int offset, int count,
                                              qint64 *total) override;
    Expected<QStringList> scimReportsOf(const QString &managerId) override;
    Expected<ScimUserRecord> createScimUser(const ScimUserRecord &record) override;
    Expected<std::optional<ScimUserRecord>> updateScimUser(const ScimUserRecord &record) override;
    Expected<bool> deleteScimUser(const QString &id) override;

private:
    Database &m_database;
};

} // namespace Colleagues::Server::Internal
