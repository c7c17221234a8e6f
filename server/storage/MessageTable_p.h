// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/Storage.h"

namespace Colleagues::Server::Internal {

class Database;

//! The messages: idempotent sends and read marks, each taking sequence values.
class MessageTable
{
public:
    explicit MessageTable(Database &database)
        : m_database(database)
    { }

    Expected<SendOutcome> sendMessage(const Message &message);
    Expected<int> markRead(const QString &reader, const QString &other, qint64 upToId);

private:
    Database &m_database;
};

} // namespace Colleagues::Server::Internal
