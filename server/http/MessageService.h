// SPDX-License-Identifier: MIT
#pragma once

#include "core/Message.h"
#include "server/http/ApiError.h"
#include "server/storage/Storage.h"

#include <QJsonObject>
#include <QString>

namespace Colleagues::Server {

//! Sending messages (idempotently) and recording that they were read.
class MessageService
{
public:
    explicit MessageService(Storage *storage);

    //! Normalizes an Idempotency-Key header (a UUID) to its canonical text, or fails naming it.
    static ApiResult<QString> idempotencyKey(const QByteArray &header);

    //! Stores `{to, body}` (or `{conversation, body}`: 404 unless \a sender is in it) from
    //! \a sender under \a key once; the same key again returns the original (duplicate = true),
    //! or 409 if it came with a different message.
    ApiResult<SendOutcome> send(const QString &sender, const QString &key, const QJsonObject &request);

    struct ReadReceipt
    {
        QString with;
        qint64 upTo = 0;
        int marked = 0;
    };
    //! Marks messages from `with` to \a reader up to id `up_to` as read.
    ApiResult<ReadReceipt> markRead(const QString &reader, const QJsonObject &request);

private:
    Storage *m_storage;
};

} // namespace Colleagues::Server
