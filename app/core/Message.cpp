// SPDX-License-Identifier: MIT
#include "core/Message.h"

#include "core/JsonReader_p.h"
#include "core/Validation.h"

namespace Colleagues {

using Internal::JsonReader;

QJsonObject toJson(const Message &m)
{
    QJsonObject o {
        {QStringLiteral("id"), m.id},
        {QStringLiteral("client_id"), m.clientId},
        {QStringLiteral("from"), m.sender},
        {QStringLiteral("body"), m.body},
        {QStringLiteral("sent_at"), Internal::toIsoString(m.sentAt)},
        {QStringLiteral("seq"), m.sequence},
    };
    // A conversation's message has its conversation instead of a recipient, and no read_at (each
    // member's read state is in the conversation).
    if (m.isInConversation()) {
        o.insert(QStringLiteral("conversation"), m.conversation);
        return o;
    }
    o.insert(QStringLiteral("to"), m.recipient);
    o.insert(QStringLiteral("read_at"),
             m.readAt.isValid() ? QJsonValue(Internal::toIsoString(m.readAt)) : QJsonValue());
    return o;
}

Expected<Message> messageFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Message m;
    m.id = r.integer(QStringLiteral("id"));
    m.clientId = r.string(QStringLiteral("client_id"), false, Limits::IdMax);
    m.sender = r.string(QStringLiteral("from"), true, Limits::UsernameMax);
    const bool inConversation = object.contains(QStringLiteral("conversation"));
    if (inConversation)
        m.conversation = r.string(QStringLiteral("conversation"), true, Limits::IdMax);
    else
        m.recipient = r.string(QStringLiteral("to"), true, Limits::UsernameMax);
    m.body = r.string(QStringLiteral("body"), true, Limits::MessageBodyMax);
    m.sentAt = r.dateTime(QStringLiteral("sent_at"));
    m.sequence = r.integer(QStringLiteral("seq"));
    if (!inConversation)
        m.readAt = r.dateTime(QStringLiteral("read_at"));
    r.rejectUnknown();
    if (r.failed())
        return r.error();
    if (m.id < 0)
        return Error {Error::Code::OutOfRange, QStringLiteral("id"), QStringLiteral("id must not be negative.")};
    if (m.sequence < 0)
        return Error {Error::Code::OutOfRange, QStringLiteral("seq"), QStringLiteral("seq must not be negative.")};

    Validation::normalize(m);
    if (inConversation && m.conversation.isEmpty())
        return Error {Error::Code::InvalidFormat, QStringLiteral("conversation"),
                      QStringLiteral("conversation must be a conversation's id (a UUID).")};
    const QList<Error> errors = Validation::validate(m);
    if (!errors.isEmpty())
        return errors.first();
    return m;
}

} // namespace Colleagues
