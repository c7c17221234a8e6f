// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"
#include "server/http/ApiError.h"
#include "server/http/HttpResponse.h"

#include <QString>

namespace Colleagues::Server {

//! The media type of every SCIM answer (RFC 7644 3.1).
inline constexpr const char *ScimMediaType = "application/scim+json";

//! A SCIM error (RFC 7644 3.12): the HTTP status, for 400 a scimType, and a detail sentence.
struct ScimError
{
    int status = 400;
    QString scimType; //!< invalidFilter, invalidSyntax, invalidValue, mutability, uniqueness, ...
    QString detail;

    static ScimError make(int status, QString scimType, QString detail);
    static ScimError invalidValue(QString detail)
    {
        return make(400, QStringLiteral("invalidValue"), std::move(detail));
    }
    static ScimError invalidSyntax(QString detail)
    {
        return make(400, QStringLiteral("invalidSyntax"), std::move(detail));
    }
    static ScimError notFound(const QString &id);
    //! The SCIM form of an error of the rest of the server (storage, JSON limits).
    static ScimError fromApi(const ApiError &error);
    static ScimError fromStorage(const Colleagues::Error &error) { return fromApi(ApiError::fromStorage(error)); }

    //! `{"schemas": [Error], "status": "400", "scimType": ..., "detail": ...}` as application/scim+json.
    HttpResponse toResponse() const;
};

template<typename T>
using ScimResult = Expected<T, ScimError>;

//! A SCIM answer: \a body as application/scim+json.
HttpResponse scimResponse(int status, const QJsonObject &body);

} // namespace Colleagues::Server
