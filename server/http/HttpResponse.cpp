// SPDX-License-Identifier: MIT
#include "server/http/HttpResponse.h"

#include <QJsonDocument>

namespace Colleagues::Server {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::json(int status, const QByteArray &compactJson)
{
    HttpResponse r;
    r.status = status;
    r.contentType = "application/json";
    r.body = compactJson;
    return r;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse r;
    r.status = status;
    return r;
}

} // namespace Colleagues::Server
