// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/MessageJobs.h"
#include "client/sync/ProfileJobs.h"
#include "client/sync/SignInJob.h"
#include "client/sync/StatusJob.h"
#include "client/sync/SyncJob.h"
#include "client/sync/VocabularyJob.h"

#include <QObject>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkRequest;
QT_END_NAMESPACE

namespace Colleagues {

/*!
 * The Colleagues HTTP API (/api/v1) over one injected QNetworkAccessManager. Each method
 * starts one request and returns its job; the job reports succeeded()/failed() and
 * finished() once, then deletes itself. Nothing here blocks.
 */
class ApiClient : public QObject
{
    Q_OBJECT

public:
    //! \a network is shared, not owned (give it a parent).
    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    QNetworkAccessManager *network() const { return m_network; }

    QUrl serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QUrl &url);
    //! The bearer token sent with every authenticated request; never logged.
    QByteArray token() const { return m_token; }
    void setToken(const QByteArray &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }

    //! Timeout for ordinary requests (no bytes moving for this long fails with Network).
    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }

    SignInJob *signIn(const QString &username, const QString &password);
    SignOutJob *signOut();
    //! Not watched for 401: a mistyped current password must not sign the user out.
    ChangePasswordJob *changePassword(const QString &current, const QString &next);
    //! GET /api/v1/sync. \a idle: the user is away from the computer (presence=idle);
    //! \a watchList: the people whose status changes should end a held request (at most 200).
    SyncJob *sync(qint64 since, int limit, int timeoutSeconds, bool idle = false, const QStringList &watchList = {});
    GetProfileJob *fetchProfile(const QString &username);
    SaveProfileJob *saveProfile(const Profile &edit, qint64 baseRevision);
    UploadPhotoJob *uploadPhoto(const QByteArray &image, const QByteArray &mimeType);
    PhotoJob *fetchPhoto(const QString &username, const QString &knownTag = {});
    SendMessageJob *sendMessage(const QString &to, const QString &body, const QString &clientId);
    //! POST /api/v1/messages into the group conversation \a conversation.
    SendMessageJob *sendToConversation(const QString &conversation, const QString &body, const QString &clientId);
    MarkReadJob *markRead(const QString &with, qint64 upToId);
    //! POST /api/v1/messages/read in a group conversation: the caller's read_up_to.
    MarkReadJob *markConversationRead(const QString &conversation, qint64 upToId);
    //! POST /api/v1/conversations (a retry with the same id and content is answered 200).
    ConversationJob *createConversation(const ConversationRequest &request);
    //! POST /api/v1/conversations/{id}/leave, naming \a suggest (when not empty) to be added.
    ConversationJob *leaveConversation(const QString &id, const QString &suggest);
    //! POST /api/v1/conversations/{id}/resolve: \a messageId is the answer.
    ConversationJob *resolveConversation(const QString &id, qint64 messageId);
    //! GET /api/v1/vocabulary; 304 when the server's version is \a knownVersion.
    VocabularyJob *fetchVocabulary(const QString &knownVersion = {});
    //! GET /api/v1/me/status.
    StatusJob *fetchMyStatus();
    //! PUT /api/v1/me/status: replaces what the signed-in person chose.
    StatusJob *setMyStatus(const StatusChoice &choice);

    //! Normalizes what a user typed as server address: adds http(s)://, drops a trailing '/'.
    static QUrl normalizedServerUrl(const QString &text);

Q_SIGNALS:
    //! An authenticated request was answered 401: the token expired or was revoked.
    void authenticationRequired();

private:
    QNetworkRequest request(const QString &path, bool authenticated = true) const;
    void watch(ApiJob *job, bool authenticated);
    //! Starts \a job as an authenticated GET of \a req, past Qt's HTTP cache, with If-None-Match
    //! when the caller knows the current entity tag (\a knownTag, without quotes).
    void startConditionalGet(ApiJob *job, QNetworkRequest req, const QString &knownTag);
    //! Starts \a job as an authenticated POST of \a body (JSON) to \a path.
    void startPost(ApiJob *job, const QString &path, const QJsonObject &body, const QByteArray &idempotencyKey = {});

    QNetworkAccessManager *m_network;
    QUrl m_serverUrl;
    QByteArray m_token;
    int m_transferTimeoutMs = 30000;
};

} // namespace Colleagues
