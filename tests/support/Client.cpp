// SPDX-License-Identifier: MIT
#include "tests/support/Client.h"

#include <QDebug>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>

namespace Colleagues::Test {

Client::Client(QUrl base, QByteArray token)
    : m_base(std::move(base))
    , m_token(std::move(token))
{ }

QNetworkRequest Client::request(const QString &path, const Headers &headers) const
{
    QNetworkRequest request(QUrl(m_base.toString() + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    bool hasAuthorization = false;
    for (const auto &h : headers) {
        request.setRawHeader(h.first, h.second);
        hasAuthorization = hasAuthorization || h.first.compare("Authorization", Qt::CaseInsensitive) == 0;
    }
    if (!hasAuthorization && !m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    return request;
}

QNetworkReply *Client::start(const QByteArray &method, const QString &path, const QByteArray &body,
                             const Headers &headers)
{
    return m_network.sendCustomRequest(request(path, headers), method, body);
}

Response Client::collect(QNetworkReply *reply, qint64 elapsedMs)
{
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    r.elapsedMs = elapsedMs;
    return r;
}

Response Client::send(const QByteArray &method, const QString &path, const QByteArray &body, const Headers &headers,
                      int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = start(method, path, body, headers);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(timeoutMs)) {
        reply->abort();
        Response r;
        r.error = QNetworkReply::TimeoutError;
        reply->deleteLater();
        return r;
    }
    Response r = collect(reply, timer.elapsed());
    reply->deleteLater();
    return r;
}

Response Client::putJson(const QString &path, const QJsonObject &body, const Headers &headers)
{
    Headers h = headers;
    h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), h);
}

bool Client::readSync(qint64 *cursor, const std::function<void(const QJsonObject &page)> &onPage, int limit)
{
    for (;;) {
        const Response r = get(u"/api/v1/sync?since=%1&limit=%2"_qs.arg(*cursor).arg(limit));
        if (r.status != 200) {
            qWarning() << "GET /api/v1/sync answered" << r.status << r.body.left(300);
            return false;
        }
        const QJsonObject page = r.json();
        if (onPage)
            onPage(page);
        const qint64 next = page.value(u"next"_qs).toInteger();
        const bool more = page.value(u"has_more"_qs).toBool();
        if (more && next <= *cursor) {
            qWarning() << "GET /api/v1/sync has more after" << *cursor << "but does not move on";
            return false;
        }
        *cursor = next;
        if (!more)
            return true;
    }
}

qint64 Client::syncEnd(qint64 since)
{
    return readSync(&since) ? since : -1;
}

Response Client::postJson(const QString &path, const QJsonObject &body, const Headers &headers)
{
    Headers h = headers;
    h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), h);
}

double Client::metricValue(const QByteArray &exposition, const QByteArray &sample)
{
    const QByteArray prefix = sample + ' ';
    for (const QByteArray &line : exposition.split('\n')) {
        if (line.startsWith(prefix)) {
            bool ok = false;
            const double value = line.mid(prefix.size()).trimmed().toDouble(&ok);
            return ok ? value : -1;
        }
    }
    return -1;
}

Response Client::signIn(const QString &username, const QString &password)
{
    const QByteArray previous = m_token;
    m_token.clear();
    Response r = postJson(u"/api/v1/session"_qs, {{u"username"_qs, username}, {u"password"_qs, password}});
    m_token = r.status == 200 ? r.json().value(u"token"_qs).toString().toLatin1() : previous;
    return r;
}

} // namespace Colleagues::Test
