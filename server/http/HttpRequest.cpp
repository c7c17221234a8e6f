// SPDX-License-Identifier: MIT
#include "server/http/HttpRequest.h"

#include <QHttpServerRequest>
#include <QUrl>

namespace Colleagues::Server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect: return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace: return QByteArrayLiteral("TRACE");
    default: return QByteArrayLiteral("UNKNOWN");
    }
}

} // namespace

HttpRequest HttpRequest::from(const QHttpServerRequest &request)
{
    HttpRequest r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    r.path = url.path(QUrl::FullyEncoded);
    // Split before decoding so that an encoded '/' stays inside its segment.
    const QList<QByteArray> raw = r.path.toLatin1().split('/');
    for (const QByteArray &segment : raw) {
        if (!segment.isEmpty())
            r.segments.append(QString::fromUtf8(QByteArray::fromPercentEncoding(segment)));
    }
    r.query = QUrlQuery(url);
    const auto headers = request.headers();
    r.headers.reserve(headers.size());
    for (const auto &h : headers) {
        const QByteArray name = h.first.toLower();
        auto existing = r.headers.find(name);
        if (existing == r.headers.end())
            r.headers.insert(name, h.second.trimmed());
        else if (name == "x-forwarded-for") // a list header: repeats are one list (RFC 9110 5.3)
            *existing += ", " + h.second.trimmed();
    }
    r.body = request.body();
    r.peer = request.remoteAddress();
    return r;
}

QByteArray HttpRequest::mediaType() const
{
    QByteArray type = header("content-type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

QByteArray HttpRequest::bearerToken() const
{
    const QByteArray value = header("authorization");
    if (value.size() < 8 || value.left(7).compare("bearer ", Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(7).trimmed();
}

bool HttpRequest::wantsClose() const
{
    return header("connection").toLower().contains("close");
}

bool namesEntityTag(const QByteArray &header, const QByteArray &etag)
{
    if (header.trimmed() == "*")
        return true;
    const auto strong = [](QByteArray tag) { return tag.startsWith("W/") ? tag.mid(2) : tag; };
    const QByteArray wanted = strong(etag);
    const QList<QByteArray> tags = header.split(',');
    for (const QByteArray &tag : tags) {
        if (strong(tag.trimmed()) == wanted)
            return true;
    }
    return false;
}

} // namespace Colleagues::Server
