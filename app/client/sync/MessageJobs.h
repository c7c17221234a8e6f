// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiJob.h"
#include "core/Conversation.h"
#include "core/Message.h"

namespace Colleagues {

//! POST /api/v1/messages {to, body} or {conversation, body} with Idempotency-Key: the message's client id.
class SendMessageJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;
    //! The message as the server stored it.
    const Message &message() const { return m_message; }

protected:
    ApiError parse(const QByteArray &body) override;

private:
    Message m_message;
};

//! POST /api/v1/conversations, .../{id}/leave and .../{id}/resolve: each answers with the
//! conversation as it now is.
class ConversationJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;
    const Conversation &conversation() const { return m_conversation; }

protected:
    ApiError parse(const QByteArray &body) override;

private:
    Conversation m_conversation;
};

//! POST /api/v1/messages/read {with, up_to} or {conversation, up_to}.
class MarkReadJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;
};

} // namespace Colleagues
