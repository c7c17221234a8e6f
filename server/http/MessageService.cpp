// SPDX-License-Identifier: MIT
#include "server/http/MessageService.h"

#include "core/Validation.h"
#include "server/http/ConversationService.h"
#include "server/http/RequestFields.h"

#include <QJsonValue>
#include <QUuid>

namespace Colleagues::Server {

using RequestFields::invalid;
using RequestFields::rejectUnknown;
using RequestFields::requiredString;

MessageService::MessageService(Storage *storage)
    : m_storage(storage)
{ }

ApiResult<QString> MessageService::idempotencyKey(const QByteArray &header)
{
    if (header.isEmpty()) {
        return ApiError::make(
            ApiError::Kind::Malformed, QStringLiteral("required"),
            QStringLiteral("Idempotency-Key is required: a UUID made by the client for this message."),
            QStringLiteral("Idempotency-Key"));
    }
    const QUuid uuid = header.size() <= 38 ? QUuid::fromString(QLatin1String(header)) : QUuid();
    if (uuid.isNull()) {
        return ApiError::make(ApiError::Kind::Malformed, QStringLiteral("invalid_format"),
                              QStringLiteral("Idempotency-Key must be a UUID."), QStringLiteral("Idempotency-Key"));
    }
    return uuid.toString(QUuid::WithoutBraces);
}

ApiResult<SendOutcome> MessageService::send(const QString &sender, const QString &key, const QJsonObject &request)
{
    // To a person, or to a conversation the sender is in.
    const QString audienceField =
        request.contains(QStringLiteral("conversation")) ? QStringLiteral("conversation") : QStringLiteral("to");
    if (auto e = rejectUnknown(request, {audienceField, QStringLiteral("body")}))
        return *e;
    const ApiResult<QString> to =
        requiredString(request, audienceField, audienceField == u"to" ? Limits::UsernameMax : Limits::IdMax);
    if (!to)
        return to.error();
    const ApiResult<QString> body = requiredString(request, QStringLiteral("body"), Limits::MessageBodyMax);
    if (!body)
        return body.error();

    Message message;
    message.clientId = key;
    message.sender = sender;
    if (audienceField == u"to") {
        message.recipient = to.value();
    } else {
        // An id that cannot be a conversation's is no conversation of the sender's either.
        message.conversation = ConversationRules::normalizedId(to.value().trimmed());
        if (message.conversation.isEmpty())
            return ConversationService::notFound();
    }
    message.body = body.value();
    Validation::normalize(message);
    const QList<Error> errors = Validation::validate(message);
    if (!errors.isEmpty())
        return ApiError::fromValidation(errors.first());

    Expected<SendOutcome> sent = m_storage->sendMessage(message);
    if (!sent) {
        if (sent.error().field == QLatin1String("to") && sent.error().code == Error::Code::OutOfRange) {
            return invalid(QStringLiteral("unknown_recipient"), QStringLiteral("to"),
                           QStringLiteral("There is no user \"%1\".").arg(message.recipient));
        }
        if (sent.error().field == QLatin1String("conversation") && sent.error().code == Error::Code::OutOfRange)
            return ConversationService::notFound();
        return ApiError::fromStorage(sent.error());
    }
    const SendOutcome &outcome = sent.value();
    if (outcome.duplicate
        && (outcome.message.recipient != message.recipient || outcome.message.conversation != message.conversation
            || outcome.message.body != message.body)) {
        return ApiError::make(ApiError::Kind::Conflict, QStringLiteral("idempotency_key_reused"),
                              QStringLiteral("This Idempotency-Key was already used for a different message."),
                              QStringLiteral("Idempotency-Key"));
    }
    return outcome;
}

ApiResult<MessageService::ReadReceipt> MessageService::markRead(const QString &reader, const QJsonObject &request)
{
    if (auto e = rejectUnknown(request, {QStringLiteral("with"), QStringLiteral("up_to")}))
        return *e;
    const ApiResult<QString> with = requiredString(request, QStringLiteral("with"), Limits::UsernameMax);
    if (!with)
        return with.error();
    const QString other = with.value().trimmed().toLower();
    if (const Error e = Validation::checkUsername(other, QStringLiteral("with")))
        return ApiError::fromValidation(e);

    const ApiResult<qint64> upTo =
        RequestFields::requiredId(request, QStringLiteral("up_to"), QStringLiteral("a message id"));
    if (!upTo)
        return upTo.error();

    ReadReceipt receipt;
    receipt.with = other;
    receipt.upTo = upTo.value();
    const Expected<int> marked = m_storage->markRead(reader, other, receipt.upTo);
    if (!marked)
        return ApiError::fromStorage(marked.error());
    receipt.marked = marked.value();
    return receipt;
}

} // namespace Colleagues::Server
