// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/Exchange.h"
#include "server/scim/ScimService.h"

#include <QString>

#include <functional>

namespace Colleagues::Server {

class ApiServer;
class ApiShared;
class Storage;

/*!
 * The routes of /scim/v2 (RFC 7644) for identity providers: Users, and the discovery documents
 * ServiceProviderConfig, Schemas and ResourceTypes. Every route wants a provisioning token
 * (ScimService::authorize()); session tokens of members and admins are not accepted, and a
 * provisioning token is accepted nowhere else. Answers are application/scim+json; errors carry
 * the SCIM error schema.
 */
class ScimApi
{
public:
    //! Adds the routes to \a server's router. \a shared wakes long-polls after a change.
    ScimApi(ApiServer *server, Storage *storage, ApiShared *shared);

    //! Whether clients reach the server over TLS (meta.location says https then); a proxy's
    //! X-Forwarded-Proto overrides it.
    void setSecure(bool secure) { m_secure = secure; }

private:
    using Handler = void (ScimApi::*)(const ExchangePtr &, const QString &token, const QString &id);
    void registerRoutes();

    void listUsers(const ExchangePtr &ex, const QString &token, const QString &);
    void createUser(const ExchangePtr &ex, const QString &token, const QString &);
    void getUser(const ExchangePtr &ex, const QString &token, const QString &id);
    void replaceUser(const ExchangePtr &ex, const QString &token, const QString &id);
    void patchUser(const ExchangePtr &ex, const QString &token, const QString &id);
    void deleteUser(const ExchangePtr &ex, const QString &token, const QString &id);
    void serviceProviderConfig(const ExchangePtr &ex, const QString &token, const QString &);
    void schemas(const ExchangePtr &ex, const QString &token, const QString &);
    void schema(const ExchangePtr &ex, const QString &token, const QString &id);
    void resourceTypes(const ExchangePtr &ex, const QString &token, const QString &);
    void resourceType(const ExchangePtr &ex, const QString &token, const QString &id);

    //! A change of a user's resource as ScimService makes it: replace() or patch().
    using UserChange = ScimResult<ScimUserRecord> (ScimService::*)(const QString &id, const QJsonObject &body,
                                                                   const QByteArray &ifMatch);
    //! PUT or PATCH of /Users/{id}: \a change with the request's body and If-Match.
    void changeUser(const ExchangePtr &ex, const QString &id, UserChange change);

    //! The absolute URL of /scim/v2 as the client reached it.
    QString base(const HttpRequest &request) const;
    //! A user's resource with Location (when \a location) and ETag.
    HttpResponse userResponse(const HttpRequest &request, int status, const ScimUserRecord &record,
                              bool location = false) const;
    //! Runs \a work, then wakes the long-polls of every thread for the changes it committed.
    template<typename F>
    auto notifying(F &&work) -> decltype(work());

    ApiServer *m_server;
    ApiShared *m_shared;
    ScimService m_service;
    bool m_secure = false;
};

} // namespace Colleagues::Server
