// SPDX-License-Identifier: MIT
#pragma once

#include "server/scim/ScimError.h"
#include "server/scim/ScimUser.h"
#include "server/storage/ScimStorage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace Colleagues::Server {

class Storage;

/*!
 * What SCIM provisioning does to accounts and profiles: provisioned users are created without
 * a password, their profile carries the attributes the identity provider sends (ScimUser), and
 * `active: false` or a deletion disables the account (ending its sessions) and removes the
 * profile, leaving a tombstone as an admin's removal does; `active: true` enables the account
 * and writes the profile again from the kept attributes. Fields members edit themselves are
 * left as they are.
 */
class ScimService
{
public:
    explicit ScimService(Storage *storage);

    //! The name of the provisioning token \a bearerToken, or 401.
    ScimResult<QString> authorize(const QByteArray &bearerToken) const;

    //! `userName eq "..."` or `externalId eq "..."` (attribute names and eq in any case), or
    //! none; anything else is an invalidFilter.
    static ScimResult<ScimUserQuery> parseFilter(const QString &filter);

    struct Page
    {
        QList<ScimUserRecord> users;
        qint64 total = 0;
    };
    //! The users matching \a query from the 1-based \a startIndex on, at most \a count.
    ScimResult<Page> list(const ScimUserQuery &query, int startIndex, int count) const;
    ScimResult<ScimUserRecord> user(const QString &id) const;

    ScimResult<ScimUserRecord> create(const QJsonObject &resource);
    //! PUT. \a ifMatch: the request's If-Match, empty when absent (then any version will do).
    ScimResult<ScimUserRecord> replace(const QString &id, const QJsonObject &resource, const QByteArray &ifMatch);
    ScimResult<ScimUserRecord> patch(const QString &id, const QJsonObject &request, const QByteArray &ifMatch);
    ScimResult<bool> remove(const QString &id, const QByteArray &ifMatch);

    //! The resource of \a record as the API answers it; \a base is the absolute URL of /scim/v2.
    static QJsonObject resource(const ScimUserRecord &record, const QString &base);
    //! The entity tag of \a record, as meta.version and the ETag header carry it.
    static QByteArray etag(const ScimUserRecord &record);

private:
    //! The stored user \a id after checking \a ifMatch (412 when it names another version).
    ScimResult<ScimUserRecord> current(const QString &id, const QByteArray &ifMatch) const;
    //! PUT and PATCH: \a next makes the new state of the stored user, which is written if no
    //! other change came in between (else read, made and tried again).
    ScimResult<ScimUserRecord> change(const QString &id, const QByteArray &ifMatch,
                                      const std::function<ScimResult<ScimUser>(const ScimUserRecord &)> &next);
    //! Stores \a user as the new state of \a record; std::nullopt when \a record is no longer
    //! the stored version.
    ScimResult<std::optional<ScimUserRecord>> update(const ScimUserRecord &record, const ScimUser &user);
    //! The username of the manager \a managerId names: a provisioned user's SCIM id, else its
    //! externalId or userName; empty when none matches.
    ScimResult<QString> managerUsername(const QString &managerId) const;
    //! The profile \a user should have, checked by the profile rules.
    ScimResult<Profile> profileOf(const QString &username, const ScimUser &user) const;
    //! Makes the profile follow \a record: written from \a profile when active, removed otherwise.
    ScimResult<bool> syncProfile(const ScimUserRecord &record, const Profile &profile);

    Storage *m_storage;
};

} // namespace Colleagues::Server
