// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Colleagues {

//! One message: 1:1 between two people, or to a group conversation.
struct Message
{
    qint64 id = 0; //!< server id; 0 until the server stored it
    QString clientId; //!< idempotency key made by the sending client (UUID text)
    QString sender; //!< username
    QString recipient; //!< username; empty for a message to a conversation
    QString conversation; //!< the conversation's id (core/Conversation.h); empty for a 1:1 message
    QString body;
    QDateTime sentAt; //!< UTC, set by the server when it committed the message
    qint64 sequence = 0; //!< position in the server's change sequence; 0 until stored
    QDateTime readAt; //!< UTC; null until the recipient read it (always null in a conversation)

    bool isInConversation() const { return !conversation.isEmpty(); }

    friend bool operator==(const Message &, const Message &) = default;
};

QJsonObject toJson(const Message &message);

//! Decodes, normalizes and validates a message as the server sends it.
Expected<Message> messageFromJson(const QJsonObject &object);

} // namespace Colleagues

Q_DECLARE_METATYPE(Colleagues::Message)
