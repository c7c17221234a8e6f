// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace Colleagues::Server {

//! A complete HTTP response, built by a handler (on any thread) and written by the
//! server on its own thread.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType; //!< empty: no body
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append({name, value}); }
    QByteArray header(const QByteArray &name) const;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse json(int status, const QByteArray &compactJson);
    static HttpResponse empty(int status);
};

} // namespace Colleagues::Server
