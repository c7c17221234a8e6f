// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/Storage.h"

namespace Colleagues::Server::Internal {

class Database;

//! The imported vocabulary: one row, its text, its JSON as served and its version.
class VocabularyTable
{
public:
    explicit VocabularyTable(Database &database)
        : m_database(database)
    { }

    Expected<std::optional<StoredVocabulary>> findVocabulary();
    Expected<QString> vocabularyVersion();
    Expected<bool> saveVocabulary(const StoredVocabulary &vocabulary);

private:
    Database &m_database;
};

} // namespace Colleagues::Server::Internal
