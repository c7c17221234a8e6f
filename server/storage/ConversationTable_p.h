// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/Storage.h"

#include <QHash>
#include <QSqlError>

namespace Colleagues::Server::Internal {

class Database;
struct Connection;

//! Reads the conversations \a ids as they are now, with all their members, into \a into: one
//! statement for the conversations and one for their members per InListMax ids. Unknown ids
//! are left out.
bool readConversations(Connection &c, const QStringList &ids, QHash<QString, Conversation> *into, QSqlError *error);
//! The conversation a member saw when they left, from their row's left_state.
std::optional<Conversation> conversationAsLeft(const QString &leftState);
//! The usernames in conversation \a id now; false when the database failed.
bool currentMembers(Connection &c, const QString &id, QStringList *into, QSqlError *error);

//! The group conversations: starting one, leaving, resolving, read marks, each taking a sequence
//! value (messages to them are MessageTable's).
class ConversationTable
{
public:
    explicit ConversationTable(Database &database)
        : m_database(database)
    { }

    Expected<ConversationOutcome> create(const QString &creator, const ConversationRequest &request);
    Expected<ConversationOutcome> leave(const QString &id, const QString &username, const QString &suggest);
    Expected<ConversationOutcome> resolve(const QString &id, const QString &username, qint64 messageId);
    Expected<ConversationOutcome> markRead(const QString &id, const QString &username, qint64 upToId);
    Expected<std::optional<Conversation>> find(const QString &id, const QString &viewer);

private:
    Database &m_database;
};

} // namespace Colleagues::Server::Internal
