// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
QT_END_NAMESPACE

namespace Colleagues::Server {

//! A request copied out of Qt's QHttpServerRequest. Qt reuses (and frees) its request object
//! once the connection moves on, so anything answered later works from this copy.
struct HttpRequest
{
    QByteArray method; //!< "GET", "PUT", ...
    QString path; //!< the path as sent (percent-encoded)
    QStringList segments; //!< the path split on '/', each segment percent-decoded
    QUrlQuery query;
    QHash<QByteArray, QByteArray>
        headers; //!< names in lower case; the first of repeated headers (X-Forwarded-For: all, joined)
    QByteArray body;
    QHostAddress peer;

    static HttpRequest from(const QHttpServerRequest &request);

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    //! The media type of Content-Type, lower case, without parameters ("application/json").
    QByteArray mediaType() const;
    //! The token of "Authorization: Bearer <token>"; empty when absent or not a bearer token.
    QByteArray bearerToken() const;
    //! True when the client asked to close the connection after this response.
    bool wantsClose() const;
};

//! Whether \a header, the value of an If-Match or If-None-Match header, is "*" or names \a etag,
//! by weak comparison (RFC 9110 13.1.2: a "W/" prefix does not count).
bool namesEntityTag(const QByteArray &header, const QByteArray &etag);

} // namespace Colleagues::Server
