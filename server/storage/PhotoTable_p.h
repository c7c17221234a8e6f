// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/Storage.h"

namespace Colleagues::Server::Internal {

class Database;

//! The profile photos; setting one gives its profile a new photo tag and revision.
class PhotoTable
{
public:
    explicit PhotoTable(Database &database)
        : m_database(database)
    { }

    Expected<Profile> setPhoto(const QString &username, const Photo &photo);
    std::optional<Photo> photo(const QString &username);

private:
    Database &m_database;
};

} // namespace Colleagues::Server::Internal
