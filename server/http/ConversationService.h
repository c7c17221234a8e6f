// SPDX-License-Identifier: MIT
#pragma once

#include "core/Conversation.h"
#include "server/http/ApiError.h"
#include "server/storage/Storage.h"

#include <QJsonObject>
#include <QString>

namespace Colleagues::Server {

/*!
 * Group conversations (docs/api.md "Conversation"): starting one, leaving it (optionally naming
 * someone), resolving a question and read marks. Only members learn that a conversation exists:
 * to anyone else every call answers 404, as for an unknown id. (Messages to a conversation are
 * MessageService's.)
 */
class ConversationService
{
public:
    explicit ConversationService(Storage *storage);

    //! The 404 of every conversation route for an unknown conversation or a non-member.
    static ApiError notFound();

    //! POST /api/v1/conversations from \a creator: Changed (201) or Unchanged (200, a retry).
    ApiResult<ConversationOutcome> create(const QString &creator, const QJsonObject &request);
    //! POST /api/v1/conversations/{id}/leave; \a request may be empty (no suggestion).
    ApiResult<ConversationOutcome> leave(const QString &username, const QString &id, const QJsonObject &request);
    //! POST /api/v1/conversations/{id}/resolve.
    ApiResult<ConversationOutcome> resolve(const QString &username, const QString &id, const QJsonObject &request);
    //! POST /api/v1/messages/read with "conversation": the caller's read mark.
    ApiResult<ConversationOutcome> markRead(const QString &username, const QJsonObject &request);

private:
    Storage *m_storage;
};

} // namespace Colleagues::Server
