// SPDX-License-Identifier: MIT
#include "server/http/ConversationService.h"

#include "core/Validation.h"
#include "server/http/RequestFields.h"

namespace Colleagues::Server {

using RequestFields::invalid;

namespace {

//! The outcome of a storage call, with the statuses that are errors turned into them.
ApiResult<ConversationOutcome> answer(Expected<ConversationOutcome> result,
                                      const std::function<std::optional<ApiError>(const Error &)> &refusal = {})
{
    if (!result) {
        if (!isDatabaseFailure(result.error()) && refusal) {
            if (std::optional<ApiError> e = refusal(result.error()))
                return *e;
        }
        return ApiError::fromStorage(result.error());
    }
    switch (result->status) {
    case ConversationOutcome::Status::NotFound: return ConversationService::notFound();
    case ConversationOutcome::Status::Forbidden:
        return ApiError::make(ApiError::Kind::Forbidden, QStringLiteral("forbidden"),
                              QStringLiteral("Only the asker of a question marks the answer that solved it."));
    case ConversationOutcome::Status::Conflict:
        return ApiError::make(ApiError::Kind::Conflict, QStringLiteral("conflict"),
                              QStringLiteral("This id belongs to another conversation."), QStringLiteral("id"));
    case ConversationOutcome::Status::Changed:
    case ConversationOutcome::Status::Unchanged: break;
    }
    return std::move(result).value();
}

//! The conversation \a id of a route that changes it, normalized, once \a request holds no field
//! but \a known; otherwise the answer (not found, or the unknown field).
ApiResult<QString> conversationToChange(const QString &id, const QJsonObject &request, const QStringList &known)
{
    const QString conversation = ConversationRules::normalizedId(id);
    if (conversation.isEmpty())
        return ConversationService::notFound();
    if (std::optional<ApiError> e = RequestFields::rejectUnknown(request, known))
        return *e;
    return conversation;
}

} // namespace

ConversationService::ConversationService(Storage *storage)
    : m_storage(storage)
{ }

ApiError ConversationService::notFound()
{
    return ApiError::make(ApiError::Kind::NotFound, QStringLiteral("not_found"),
                          QStringLiteral("There is no such conversation, or you are not in it."));
}

ApiResult<ConversationOutcome> ConversationService::create(const QString &creator, const QJsonObject &request)
{
    const Expected<ConversationRequest> parsed = conversationRequestFromJson(request, creator);
    if (!parsed)
        return ApiError::fromValidation(parsed.error());
    return answer(m_storage->createConversation(creator, parsed.value()),
                  [](const Error &e) -> std::optional<ApiError> {
                      if (e.code == Error::Code::OutOfRange && e.field.startsWith(u"members["))
                          return invalid(QStringLiteral("unknown_recipient"), e.field, e.message);
                      return std::nullopt;
                  });
}

ApiResult<ConversationOutcome> ConversationService::leave(const QString &username, const QString &id,
                                                          const QJsonObject &request)
{
    const ApiResult<QString> conversation = conversationToChange(id, request, {QStringLiteral("suggest")});
    if (!conversation)
        return conversation.error();
    QString suggest;
    if (request.contains(QStringLiteral("suggest")) && !request.value(QStringLiteral("suggest")).isNull()) {
        const ApiResult<QString> named =
            RequestFields::requiredString(request, QStringLiteral("suggest"), Limits::UsernameMax);
        if (!named)
            return named.error();
        suggest = named->trimmed().toLower();
        if (const Error e = Validation::checkUsername(suggest, QStringLiteral("suggest")))
            return ApiError::fromValidation(e);
    }
    return answer(m_storage->leaveConversation(*conversation, username, suggest),
                  [](const Error &e) -> std::optional<ApiError> {
                      if (e.field == u"id")
                          return invalid(QStringLiteral("asker_cannot_leave"), e.field, e.message);
                      if (e.field != u"suggest")
                          return std::nullopt;
                      switch (e.code) {
                      case Error::Code::OutOfRange:
                          return invalid(QStringLiteral("unknown_recipient"), e.field, e.message);
                      case Error::Code::Duplicate: return invalid(QStringLiteral("duplicate"), e.field, e.message);
                      case Error::Code::TooMany: return invalid(QStringLiteral("too_many"), e.field, e.message);
                      default: return std::nullopt;
                      }
                  });
}

ApiResult<ConversationOutcome> ConversationService::resolve(const QString &username, const QString &id,
                                                            const QJsonObject &request)
{
    const ApiResult<QString> conversation = conversationToChange(id, request, {QStringLiteral("message")});
    if (!conversation)
        return conversation.error();
    const ApiResult<qint64> message =
        RequestFields::requiredId(request, QStringLiteral("message"), QStringLiteral("a message id"));
    if (!message)
        return message.error();
    return answer(m_storage->resolveConversation(*conversation, username, message.value()),
                  [](const Error &e) -> std::optional<ApiError> {
                      if (e.field != u"message")
                          return std::nullopt;
                      return invalid(e.code == Error::Code::OutOfRange ? QStringLiteral("unknown_message")
                                                                       : QStringLiteral("own_message"),
                                     e.field, e.message);
                  });
}

ApiResult<ConversationOutcome> ConversationService::markRead(const QString &username, const QJsonObject &request)
{
    if (auto e = RequestFields::rejectUnknown(request, {QStringLiteral("conversation"), QStringLiteral("up_to")}))
        return *e;
    const ApiResult<QString> id = RequestFields::requiredString(request, QStringLiteral("conversation"), Limits::IdMax);
    if (!id)
        return id.error();
    const ApiResult<qint64> upTo =
        RequestFields::requiredId(request, QStringLiteral("up_to"), QStringLiteral("a message id"));
    if (!upTo)
        return upTo.error();
    const QString conversation = ConversationRules::normalizedId(id->trimmed());
    if (conversation.isEmpty())
        return notFound();
    return answer(m_storage->markConversationRead(conversation, username, upTo.value()));
}

} // namespace Colleagues::Server
