// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiJob.h"
#include "core/Message.h"

namespace Colleagues {

//! POST /api/v1/messages {to, body} with Idempotency-Key: the message's client id.
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

//! POST /api/v1/messages/read {with, up_to}.
class MarkReadJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;
};

} // namespace Colleagues
