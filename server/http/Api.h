// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/ApiError.h"
#include "server/http/ApiShared.h"
#include "server/http/ConversationService.h"
#include "server/http/Exchange.h"
#include "server/http/MessageService.h"
#include "server/http/ProfileService.h"
#include "server/http/SessionService.h"
#include "server/http/StatusService.h"
#include "server/http/SyncService.h"

#include <QObject>

#include <memory>

namespace Colleagues::Server {

class ApiServer;
class LongPollHub;
class PasswordHasher;
class ScimApi;
class Storage;

/*!
 * The routes of /api/v1 (and /healthz, /metrics). Each route is thin: it parses the request,
 * calls a service and turns the result into a response; the status of every error comes from
 * ApiError::httpStatus(). Handlers run on the server's worker pool unless marked inline.
 */
class Api : public QObject
{
    Q_OBJECT

public:
    //! \a shared is what several HTTP threads share (each has its own ApiServer and Api); when
    //! null, this Api makes its own.
    Api(ApiServer *server, Storage *storage, PasswordHasher *hasher, ApiShared *shared = nullptr,
        QObject *parent = nullptr);
    ~Api() override;

    LongPollHub *longPolls() const { return m_hub.get(); }
    //! The /scim/v2 routes, served next to /api/v1.
    ScimApi *scim() const { return m_scim.get(); }
    //! Answers every held long-poll (before shutting down).
    void releaseLongPolls();

private:
    void registerRoutes();

    void signIn(const ExchangePtr &ex);
    void signOut(const ExchangePtr &ex);
    void changePassword(const ExchangePtr &ex);
    void me(const ExchangePtr &ex);
    void getProfile(const ExchangePtr &ex, const QString &username);
    void putProfile(const ExchangePtr &ex, const QString &username);
    void deleteProfile(const ExchangePtr &ex, const QString &username);
    void putPhoto(const ExchangePtr &ex, const QString &username);
    void getPhoto(const ExchangePtr &ex, const QString &username);
    void sendMessage(const ExchangePtr &ex);
    void markRead(const ExchangePtr &ex);
    void createConversation(const ExchangePtr &ex);
    void leaveConversation(const ExchangePtr &ex, const QString &id);
    void resolveConversation(const ExchangePtr &ex, const QString &id);
    void sync(const ExchangePtr &ex);
    struct SyncRequest;
    void syncRead(const ExchangePtr &ex, const SyncRequest &request);
    //! The page after \a cursor; from memory when \a statusesOnlyUpTo is after it (see
    //! LongPollHub::statusesOnlyUpTo()). Blocking: runs on a worker.
    ApiResult<SyncPage> syncPage(const Session &viewer, qint64 cursor, int limit, qint64 statusesOnlyUpTo);
    void getStatus(const ExchangePtr &ex);
    void putStatus(const ExchangePtr &ex);
    void vocabulary(const ExchangePtr &ex);
    void healthz(const ExchangePtr &ex);
    void metrics(const ExchangePtr &ex);

    //! The vocabulary version sync pages carry (the last known one if storage fails): read when
    //! \a fresh (a first sync, a sync that does not wait), else as read within the last second
    //! (VocabularyService::recentVersion(): long-poll pages, thousands a second).
    QString vocabularyVersion(bool fresh = false) const;

    //! Tells the long-poll hub which users the changes committed during \a work concern.
    template<typename F>
    auto notifying(const QStringList &audience, F &&work) -> decltype(work());
    //! The same for a conversation's change, whose audience (the members) only the storage call
    //! knows: it names it in its result (audience) and to the other instances.
    template<typename F>
    auto notifyingMembers(F &&work) -> decltype(work());
    //! Hints a conversation's change to the long-poll hubs by its own sequence value.
    void hintChange(const ConversationOutcome &outcome);
    //! Answers a conversation route with the conversation as the caller now sees it.
    void respondConversation(const ExchangePtr &ex, const ApiResult<ConversationOutcome> &result);

    ApiServer *m_server;
    Storage *m_storage;
    std::unique_ptr<ApiShared> m_ownShared;
    ApiShared *m_shared;
    SessionService m_sessions;
    ProfileService m_profiles;
    MessageService m_messages;
    ConversationService m_conversations;
    SyncService m_sync;
    StatusService m_status;
    std::unique_ptr<LongPollHub> m_hub;
    std::unique_ptr<ScimApi> m_scim;
};

} // namespace Colleagues::Server
