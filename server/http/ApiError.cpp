// SPDX-License-Identifier: MIT
#include "server/http/ApiError.h"

#include "server/storage/Storage.h"

#include <QJsonDocument>

#include <atomic>

namespace Colleagues::Server {

ApiError ApiError::make(Kind kind, QString code, QString message, QString field)
{
    ApiError e;
    e.kind = kind;
    e.code = std::move(code);
    e.message = std::move(message);
    e.field = std::move(field);
    return e;
}

ApiError ApiError::fromValidation(const Colleagues::Error &error)
{
    const Kind kind = error.code == Colleagues::Error::Code::Malformed ? Kind::Malformed : Kind::Invalid;
    return make(kind, error.codeName(), error.message, error.field);
}

ApiError ApiError::fromStorage(const Colleagues::Error &error)
{
    if (isDatabaseFailure(error))
        return databaseUnavailable();
    if (error.code == Colleagues::Error::Code::Duplicate)
        return make(Kind::Conflict, error.codeName(), error.message, error.field);
    if (!error.field.isEmpty())
        return make(Kind::Invalid, error.codeName(), error.message, error.field);
    return databaseUnavailable();
}

namespace {
std::atomic<quint64> g_databaseFailures {0};
} // namespace

quint64 ApiError::databaseFailures()
{
    return g_databaseFailures.load(std::memory_order_relaxed);
}

ApiError ApiError::databaseUnavailable()
{
    g_databaseFailures.fetch_add(1, std::memory_order_relaxed);
    ApiError e = make(Kind::Unavailable, QStringLiteral("unavailable"),
                      QStringLiteral("The database is unavailable; please try again shortly."));
    e.retryAfterSeconds = 5;
    return e;
}

int ApiError::httpStatus(Kind kind)
{
    switch (kind) {
    case Kind::Malformed: return 400;
    case Kind::Unauthenticated: return 401;
    case Kind::Forbidden: return 403;
    case Kind::NotFound: return 404;
    case Kind::MethodNotAllowed: return 405;
    case Kind::Conflict: return 409;
    case Kind::PreconditionFailed: return 412;
    case Kind::PayloadTooLarge: return 413;
    case Kind::UnsupportedMediaType: return 415;
    case Kind::Invalid: return 422;
    case Kind::PreconditionRequired: return 428;
    case Kind::TooManyRequests: return 429;
    case Kind::Unavailable: return 503;
    }
    return 400;
}

HttpResponse ApiError::toResponse() const
{
    QJsonObject error {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        error.insert(QStringLiteral("field"), field);
    QJsonObject body = extra;
    body.insert(QStringLiteral("error"), error);

    HttpResponse response = HttpResponse::json(httpStatus(), body);
    if (kind == Kind::Unauthenticated)
        response.addHeader("WWW-Authenticate", "Bearer realm=\"colleagues\"");
    if (kind == Kind::MethodNotAllowed)
        response.addHeader("Allow", allow.join(QStringLiteral(", ")).toLatin1());
    if (retryAfterSeconds > 0 && (kind == Kind::TooManyRequests || kind == Kind::Unavailable))
        response.addHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return response;
}

} // namespace Colleagues::Server
