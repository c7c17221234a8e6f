// SPDX-License-Identifier: MIT
#pragma once

#include "tests/support/Response.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <optional>

namespace Colleagues::Test {

//! A small HTTP client for tests and benchmarks over one QNetworkAccessManager: each call runs
//! the event loop until its reply finished. Paths are relative to the server's base URL.
class Client
{
public:
    //! A client of the server at \a base, signed in with \a token if one is given.
    explicit Client(QUrl base, QByteArray token = {});

    void setToken(const QByteArray &token) { m_token = token; }
    const QByteArray &token() const { return m_token; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    QNetworkAccessManager &network() { return m_network; }

    using Headers = QList<QPair<QByteArray, QByteArray>>;
    Response send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const Headers &headers = {}, int timeoutMs = 15000);
    Response get(const QString &path, const Headers &headers = {}) { return send("GET", path, {}, headers); }
    Response putJson(const QString &path, const QJsonObject &body, const Headers &headers = {});
    Response postJson(const QString &path, const QJsonObject &body, const Headers &headers = {});

    //! Starts a request without waiting (long-polls); the caller owns the reply.
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         const Headers &headers = {});
    static Response collect(QNetworkReply *reply, qint64 elapsedMs = 0);

    //! The value of \a sample (a metric name with its labels, if any) in a Prometheus text such
    //! as /metrics answers; -1 when it is not there.
    static double metricValue(const QByteArray &exposition, const QByteArray &sample);

    //! Reads GET /api/v1/sync from \a *cursor to the last page, \a limit changes a page, handing
    //! each page's body to \a onPage (when given) and moving \a *cursor to its "next". False, with
    //! a warning, when a page is not answered 200 (\a *cursor stays after the last page read).
    bool readSync(qint64 *cursor, const std::function<void(const QJsonObject &page)> &onPage = {}, int limit = 1000);
    //! The cursor after the last page of GET /api/v1/sync from \a since now; -1 when a page fails.
    qint64 syncEnd(qint64 since = 0);

    //! POST /api/v1/session; on success keeps the token.
    Response signIn(const QString &username, const QString &password);

    QNetworkRequest request(const QString &path, const Headers &headers) const;

private:
    QUrl m_base;
    QByteArray m_token;
    std::optional<QSslConfiguration> m_ssl;
    QNetworkAccessManager m_network;
};

} // namespace Colleagues::Test
