// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Colleagues::Server {

//! A user an identity provider provisioned over SCIM: the mapping from its SCIM id to the
//! account's username, and the attributes the provider last sent (see server/scim/ScimUser.h).
struct ScimUserRecord
{
    QString id; //!< the SCIM id (a UUID), never the username
    QString username; //!< the account it stands for
    QString externalId; //!< the provider's own id for the user; may be empty
    QString managerId; //!< the manager's SCIM id as the provider sent it; may be empty
    QByteArray attributes; //!< compact JSON of the attributes the server keeps
    qint64 version = 0; //!< increases with every change (meta.version, ETag)
    QDateTime created;
    QDateTime lastModified;
    bool active = true; //!< the account is not disabled
};

//! A provisioning token as listed: never the token itself (storage keeps only its SHA-256).
struct ScimTokenInfo
{
    QString name;
    QDateTime createdAt;
};

//! Which provisioned users a SCIM list asks for.
struct ScimUserQuery
{
    enum class By { All, Username, ExternalId };
    By by = By::All;
    QString value;
};

/*!
 * The SCIM part of the storage: provisioning tokens and provisioned users. Accounts are only
 * ever reached through their record, so a provisioning client can never touch an account it
 * did not create. A deleted record is kept (marked deleted) so that the account stays marked
 * as provisioned and can be provisioned again. Thread-safe like Storage.
 */
class ScimStorage
{
public:
    virtual ~ScimStorage() = default;

    //! Fails with Code::Duplicate (field "name") when a token of that name exists.
    virtual Expected<bool> createScimToken(const QString &name, const QByteArray &tokenHash) = 0;
    virtual Expected<QList<ScimTokenInfo>> scimTokens() = 0;
    //! False when there is no token of that name.
    virtual Expected<bool> revokeScimToken(const QString &name) = 0;
    //! The name of the token whose SHA-256 is \a tokenHash, if it exists.
    virtual Expected<std::optional<QString>> findScimToken(const QByteArray &tokenHash) = 0;

    //! A provisioned user that is not deleted.
    virtual Expected<std::optional<ScimUserRecord>> findScimUser(const QString &id) = 0;
    //! Up to \a count users matching \a query from the \a offset-th on (in creation order);
    //! \a total receives how many match in all.
    virtual Expected<QList<ScimUserRecord>> scimUsers(const ScimUserQuery &query, int offset, int count,
                                                      qint64 *total) = 0;
    //! The usernames of the provisioned users whose manager is \a managerId.
    virtual Expected<QStringList> scimReportsOf(const QString &managerId) = 0;
    /*!
     * Creates an account without a password (a member, disabled unless \a record.active) and
     * its record, in one transaction; id, version and times are assigned. A username whose
     * account was provisioned before and then deleted is provisioned again (with a new id).
     * Fails with Code::Duplicate (field "userName") when an account of that username exists
     * otherwise.
     */
    virtual Expected<ScimUserRecord> createScimUser(const ScimUserRecord &record) = 0;
    /*!
     * Stores \a record's externalId, managerId and attributes (by id) with the next version and
     * disables or enables its account after \a record.active; disabling ends the account's
     * sessions, in the same transaction. Only if the stored version is still \a record.version:
     * std::nullopt when it is not, or when the record does not exist (or is deleted). Returns
     * the stored record.
     */
    virtual Expected<std::optional<ScimUserRecord>> updateScimUser(const ScimUserRecord &record) = 0;
    //! Marks the record deleted and disables its account (ending its sessions). False when it
    //! does not exist.
    virtual Expected<bool> deleteScimUser(const QString &id) = 0;
};

} // namespace Colleagues::Server
