// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/Storage.h"

#include <QSqlError>

namespace Colleagues::Server::Internal {

class Database;
struct Connection;

//! A profile row as read inside a transaction, with its server-side state.
struct StoredProfile
{
    Profile profile;
    bool deleted = false;
};

//! Reads a profile by username, removed ones included. nullopt inside: there is none.
Expected<std::optional<StoredProfile>> readProfile(Connection &c, const QString &username, QSqlError *error);

//! The profiles: imports, optimistic saves and removals (which keep a tombstone), each taking
//! sequence values.
class ProfileTable
{
public:
    explicit ProfileTable(Database &database)
        : m_database(database)
    { }

    Expected<std::optional<Profile>> findProfile(const QString &username);
    Expected<QList<Expected<UpsertOutcome>>> importProfiles(const QList<Profile> &profiles);
    Expected<SaveOutcome> saveProfile(const Profile &profile, qint64 expectedRevision);
    Expected<bool> removeProfile(const QString &username);
    qint64 profileCount();

private:
    Database &m_database;
};

} // namespace Colleagues::Server::Internal
