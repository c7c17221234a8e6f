// SPDX-License-Identifier: MIT
#include "server/http/MessageService.h"

#include "core/Validation.h"

#include <QJsonValue>
#include <QUuid>

namespace Colleagues::Server {

namespace {

ApiError invalid(const QString &code, const QString &field, const QString &message)
{
    return ApiError::make(ApiError::Kind::Invalid, code, message, field);
}

// Rejects members other than \a known, naming the first one.
std::optional<ApiError> rejectUnknown(const QJsonObject &object, const QStringList &known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return invalid(QStringLiteral("unknown_field"), it.key(),
                           QStringLiteral("%1 is not a known field.").arg(it.key()));
    }
    return std::nullopt;
}

ApiResult<QString> requiredString(const QJsonObject &object, const QString &key, int maxLength)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return invalid(QStringLiteral("required"), key, QStringLiteral("%1 is required.").arg(key));
    if (!v.isString())
        return invalid(QStringLiteral("invalid_type"), key, QStringLiteral("%1 must be a string.").arg(key));
    const QString s = v.toString();
    if (s.size() > 2 * maxLength + 16)
        return invalid(QStringLiteral("too_long"), key,
                       QStringLiteral("%1 must be at most %2 characters.").arg(key).arg(maxLength));
    return s;
}

} // namespace

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
    if (auto e = rejectUnknown(request, {QStringLiteral("to"), QStringLiteral("body")}))
        return *e;
    const ApiResult<QString> to = requiredString(request, QStringLiteral("to"), Limits::UsernameMax);
    if (!to)
        return to.error();
    const ApiResult<QString> body = requiredString(request, QStringLiteral("body"), Limits::MessageBodyMax);
    if (!body)
        return body.error();

    Message message;
    message.clientId = key;
    message.sender = sender;
    message.recipient = to.value();
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
        return ApiError::fromStorage(sent.error());
    }
    const SendOutcome &outcome = sent.value();
    if (outcome.duplicate && (outcome.message.recipient != message.recipient || outcome.message.body != message.body)) {
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

    const QJsonValue upTo = request.value(QStringLiteral("up_to"));
    if (upTo.isUndefined() || upTo.isNull())
        return invalid(QStringLiteral("required"), QStringLiteral("up_to"), QStringLiteral("up_to is required."));
    const double d = upTo.toDouble(-1);
    if (!upTo.isDouble() || d < 0 || d > 9007199254740991.0 || d != double(qint64(d))) {
        return invalid(QStringLiteral("out_of_range"), QStringLiteral("up_to"),
                       QStringLiteral("up_to must be a message id (a whole number, 0 or more)."));
    }

    ReadReceipt receipt;
    receipt.with = other;
    receipt.upTo = qint64(d);
    const Expected<int> marked = m_storage->markRead(reader, other, receipt.upTo);
    if (!marked)
        return ApiError::fromStorage(marked.error());
    receipt.marked = marked.value();
    return receipt;
}

} // namespace Colleagues::Server
