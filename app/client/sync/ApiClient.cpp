// SPDX-License-Identifier: MIT
#include "client/sync/ApiClient.h"

#include "client/ClientInfo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace Colleagues {

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    Q_ASSERT(network);
}

void ApiClient::setServerUrl(const QUrl &url)
{
    m_serverUrl = url.adjusted(QUrl::StripTrailingSlash);
    if (m_serverUrl.path() == QLatin1String("/"))
        m_serverUrl.setPath(QString());
}

QUrl ApiClient::normalizedServerUrl(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    if (!t.contains(QLatin1String("://")))
        t.prepend(QStringLiteral("https://"));
    QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    url = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    return url;
}

QNetworkRequest ApiClient::request(const QString &path, bool authenticated) const
{
    QUrl url = m_serverUrl;
    url.setPath(m_serverUrl.path() + path);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  QStringLiteral("%1/%2").arg(ClientInfo::applicationName(), ClientInfo::version()));
    req.setRawHeader("Accept", "application/json");
    req.setTransferTimeout(m_transferTimeoutMs);
    // Our requests must never follow a redirect to another host with the token.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (authenticated && !m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token);
    return req;
}

void ApiClient::watch(ApiJob *job, bool authenticated)
{
    if (!authenticated)
        return;
    connect(job, &ApiJob::failed, this, [this](const ApiError &error) {
        if (error.kind == ApiError::Kind::Auth)
            Q_EMIT authenticationRequired();
    });
}

namespace {
QByteArray jsonBody(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QNetworkRequest withJson(QNetworkRequest req)
{
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return req;
}
QString pathSegment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}
} // namespace

SignInJob *ApiClient::signIn(const QString &username, const QString &password)
{
    auto *job = new SignInJob(this);
    job->m_username = username;
    const QByteArray body = jsonBody({{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    job->start(m_network->post(withJson(request(QStringLiteral("/api/v1/session"), false)), body));
    return job;
}

ChangePasswordJob *ApiClient::changePassword(const QString &current, const QString &next)
{
    auto *job = new ChangePasswordJob(this);
    const QByteArray body = jsonBody({{QStringLiteral("current"), current}, {QStringLiteral("new"), next}});
    job->start(m_network->put(withJson(request(QStringLiteral("/api/v1/me/password"))), body));
    return job;
}

SignOutJob *ApiClient::signOut()
{
    auto *job = new SignOutJob(this);
    job->start(m_network->deleteResource(request(QStringLiteral("/api/v1/session"))));
    return job;
}

SyncJob *ApiClient::sync(qint64 since, int limit, int timeoutSeconds, bool idle, const QStringList &watchList)
{
    auto *job = new SyncJob(this);
    job->m_since = since;
    QNetworkRequest req = request(QStringLiteral("/api/v1/sync"));
    QUrl url = req.url();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), QString::number(since));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    query.addQueryItem(QStringLiteral("timeout"), QString::number(timeoutSeconds));
    query.addQueryItem(QStringLiteral("presence"), idle ? QStringLiteral("idle") : QStringLiteral("active"));
    if (!watchList.isEmpty()) {
        // Usernames are [a-z0-9._-]: nothing to escape but what QUrlQuery does.
        query.addQueryItem(QStringLiteral("watch"), watchList.mid(0, Limits::WatchMax).join(QLatin1Char(',')));
    }
    url.setQuery(query);
    req.setUrl(url);
    // A held long-poll moves no bytes until it is answered.
    req.setTransferTimeout(m_transferTimeoutMs + timeoutSeconds * 1000);
    job->start(m_network->get(req));
    watch(job, true);
    return job;
}

GetProfileJob *ApiClient::fetchProfile(const QString &username)
{
    auto *job = new GetProfileJob(this);
    job->start(m_network->get(request(QStringLiteral("/api/v1/profiles/") + pathSegment(username))));
    watch(job, true);
    return job;
}

SaveProfileJob *ApiClient::saveProfile(const Profile &edit, qint64 baseRevision)
{
    auto *job = new SaveProfileJob(this);
    QNetworkRequest req = withJson(request(QStringLiteral("/api/v1/profiles/me")));
    req.setRawHeader("If-Match", '"' + QByteArray::number(baseRevision) + '"');
    QJsonObject body = toJson(edit);
    // Server-owned fields are not part of an edit.
    for (const char *key : {"id", "username", "photo_tag", "revision", "updated_at", "visibility_locked"})
        body.remove(QLatin1String(key));
    job->start(m_network->put(req, jsonBody(body)));
    watch(job, true);
    return job;
}

UploadPhotoJob *ApiClient::uploadPhoto(const QByteArray &image, const QByteArray &mimeType)
{
    auto *job = new UploadPhotoJob(this);
    QNetworkRequest req = request(QStringLiteral("/api/v1/profiles/me/photo"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, mimeType);
    job->start(m_network->put(req, image));
    watch(job, true);
    return job;
}

PhotoJob *ApiClient::fetchPhoto(const QString &username, const QString &knownTag)
{
    auto *job = new PhotoJob(this);
    QNetworkRequest req = request(QStringLiteral("/api/v1/photos/") + pathSegment(username));
    req.setRawHeader("Accept", "image/jpeg, image/png");
    // We keep our own cache on disk, keyed by photo tag.
    startConditionalGet(job, req, knownTag);
    return job;
}

VocabularyJob *ApiClient::fetchVocabulary(const QString &knownVersion)
{
    auto *job = new VocabularyJob(this);
    startConditionalGet(job, request(QStringLiteral("/api/v1/vocabulary")), knownVersion);
    return job;
}

StatusJob *ApiClient::fetchMyStatus()
{
    auto *job = new StatusJob(this);
    QNetworkRequest req = request(QStringLiteral("/api/v1/me/status"));
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    job->start(m_network->get(req));
    watch(job, true);
    return job;
}

StatusJob *ApiClient::setMyStatus(const StatusChoice &choice)
{
    auto *job = new StatusJob(this);
    job->start(m_network->put(withJson(request(QStringLiteral("/api/v1/me/status"))), jsonBody(toJson(choice))));
    watch(job, true);
    return job;
}

void ApiClient::startConditionalGet(ApiJob *job, QNetworkRequest req, const QString &knownTag)
{
    if (!knownTag.isEmpty())
        req.setRawHeader("If-None-Match", '"' + knownTag.toLatin1() + '"');
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    job->start(m_network->get(req));
    watch(job, true);
}

void ApiClient::startPost(ApiJob *job, const QString &path, const QJsonObject &body, const QByteArray &idempotencyKey)
{
    QNetworkRequest req = withJson(request(path));
    if (!idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", idempotencyKey);
    job->start(m_network->post(req, jsonBody(body)));
    watch(job, true);
}

SendMessageJob *ApiClient::sendMessage(const QString &to, const QString &body, const QString &clientId)
{
    auto *job = new SendMessageJob(this);
    startPost(job, QStringLiteral("/api/v1/messages"), {{QStringLiteral("to"), to}, {QStringLiteral("body"), body}},
              clientId.toLatin1());
    return job;
}

SendMessageJob *ApiClient::sendToConversation(const QString &conversation, const QString &body, const QString &clientId)
{
    auto *job = new SendMessageJob(this);
    startPost(job, QStringLiteral("/api/v1/messages"),
              {{QStringLiteral("conversation"), conversation}, {QStringLiteral("body"), body}}, clientId.toLatin1());
    return job;
}

MarkReadJob *ApiClient::markRead(const QString &with, qint64 upToId)
{
    auto *job = new MarkReadJob(this);
    startPost(job, QStringLiteral("/api/v1/messages/read"),
              {{QStringLiteral("with"), with}, {QStringLiteral("up_to"), upToId}});
    return job;
}

MarkReadJob *ApiClient::markConversationRead(const QString &conversation, qint64 upToId)
{
    auto *job = new MarkReadJob(this);
    startPost(job, QStringLiteral("/api/v1/messages/read"),
              {{QStringLiteral("conversation"), conversation}, {QStringLiteral("up_to"), upToId}});
    return job;
}

ConversationJob *ApiClient::createConversation(const ConversationRequest &request)
{
    auto *job = new ConversationJob(this);
    startPost(job, QStringLiteral("/api/v1/conversations"), toJson(request));
    return job;
}

ConversationJob *ApiClient::leaveConversation(const QString &id, const QString &suggest)
{
    auto *job = new ConversationJob(this);
    QJsonObject body;
    if (!suggest.isEmpty())
        body.insert(QStringLiteral("suggest"), suggest);
    startPost(job, QStringLiteral("/api/v1/conversations/%1/leave").arg(pathSegment(id)), body);
    return job;
}

ConversationJob *ApiClient::resolveConversation(const QString &id, qint64 messageId)
{
    auto *job = new ConversationJob(this);
    startPost(job, QStringLiteral("/api/v1/conversations/%1/resolve").arg(pathSegment(id)),
              {{QStringLiteral("message"), messageId}});
    return job;
}

} // namespace Colleagues
