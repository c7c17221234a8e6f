// SPDX-License-Identifier: MIT
#include "server/scim/ScimError.h"

#include "server/scim/ScimSchemas.h"

#include <QJsonArray>

namespace Colleagues::Server {

ScimError ScimError::make(int status, QString scimType, QString detail)
{
    ScimError e;
    e.status = status;
    e.scimType = std::move(scimType);
    e.detail = std::move(detail);
    return e;
}

ScimError ScimError::notFound(const QString &id)
{
    return make(404, {}, QStringLiteral("There is no user with id \"%1\".").arg(id.left(64)));
}

ScimError ScimError::fromApi(const ApiError &error)
{
    ScimError e = make(error.httpStatus(), {}, error.message);
    // SCIM has no 422: a value that breaks a rule is a 400 invalidValue.
    if (e.status == 422 || (e.status == 400 && error.kind == ApiError::Kind::Invalid)) {
        e.status = 400;
        e.scimType = QStringLiteral("invalidValue");
    } else if (e.status == 400) {
        e.scimType = QStringLiteral("invalidSyntax");
    } else if (e.status == 409) {
        e.scimType = QStringLiteral("uniqueness");
    }
    return e;
}

HttpResponse ScimError::toResponse() const
{
    QJsonObject body {{QStringLiteral("schemas"), QJsonArray {ScimSchemas::Error}},
                      {QStringLiteral("status"), QString::number(status)},
                      {QStringLiteral("detail"), detail}};
    if (!scimType.isEmpty())
        body.insert(QStringLiteral("scimType"), scimType);
    HttpResponse r = scimResponse(status, body);
    if (status == 401)
        r.addHeader("WWW-Authenticate", "Bearer realm=\"colleagues-scim\"");
    if (status == 503)
        r.addHeader("Retry-After", "5");
    return r;
}

HttpResponse scimResponse(int status, const QJsonObject &body)
{
    HttpResponse r = HttpResponse::json(status, body);
    r.contentType = ScimMediaType;
    return r;
}

} // namespace Colleagues::Server
