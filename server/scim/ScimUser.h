// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"
#include "server/scim/ScimError.h"

#include <QJsonObject>
#include <QString>

namespace Colleagues::Server {

/*!
 * The attributes of a SCIM User (RFC 7643 4.1, with the enterprise extension of 4.3) that the
 * server keeps, and how they map to a profile. Of each multi-valued attribute (emails,
 * phoneNumbers, addresses) it keeps one: the primary, else the "work" one, else the first.
 * What a member edits themselves (skills, interests, bio, photo, time zone, visibility) is not
 * part of it, so SCIM never changes them.
 */
struct ScimUser
{
    //! One kept value of a multi-valued attribute.
    struct Value
    {
        QString value; //!< emails, phoneNumbers
        QString type; //!< "work", "home", ... as sent
        QString locality; //!< addresses
        QString formatted; //!< addresses
        bool isEmpty() const { return value.isEmpty() && locality.isEmpty() && formatted.isEmpty(); }
        friend bool operator==(const Value &, const Value &) = default;
    };

    QString userName; //!< as sent; the account's username is its normalized form
    QString externalId;
    QString formattedName;
    QString givenName;
    QString familyName;
    QString displayName;
    QString title;
    bool active = true;
    bool activeGiven = false; //!< the resource said whether it is active (else active is the default)
    Value email;
    Value phone;
    Value address;
    QString department;
    QString managerId; //!< the manager's SCIM id

    //! The longest userName, externalId and manager id accepted.
    static constexpr int MaxIdLength = 256;
    //! Whether \a id could be a SCIM id this server made (a UUID); others are not looked up.
    static bool isPossibleId(QStringView id);

    friend bool operator==(const ScimUser &, const ScimUser &) = default;

    //! Reads a User resource as POST and PUT send it: it must name the User schema and carry
    //! a userName; unknown attributes and read-only ones (id, meta, ...) are ignored; a known
    //! attribute of the wrong type is an invalidValue.
    static ScimResult<ScimUser> fromJson(const QJsonObject &resource);
    //! The resource without id and meta, as kept in storage and as the base of PATCH.
    QJsonObject toJson() const;

    //! The username userName stands for (NFC, trimmed, lower case; of "name@domain" the
    //! name), or an invalidValue.
    static ScimResult<QString> normalizedUsername(const QString &userName);

    //! The profile fields this user sets, for \a username with manager \a managerUsername,
    //! normalized and checked by the profile rules (an invalidValue names the attribute).
    ScimResult<Profile> profile(const QString &username, const QString &managerUsername) const;

    //! The value of \a name in \a object, ignoring case (SCIM attribute names are
    //! case-insensitive); undefined when absent.
    static QJsonValue member(const QJsonObject &object, QStringView name);
    //! The key of \a object that equals \a name ignoring case; \a name itself when none does.
    static QString key(const QJsonObject &object, QStringView name);
};

} // namespace Colleagues::Server
