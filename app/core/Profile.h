// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"
#include "core/Skill.h"
#include "core/Visibility.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Colleagues {

//! One person in the directory. The same type on the server (source of truth) and in
//! the client's local store.
struct Profile
{
    QString id; //!< stable id assigned by the server (UUID text); empty before
    QString username; //!< unique sign-in name, lower case
    QString displayName;
    QString email;
    QString title;
    QString department;
    QString location;
    QString timeZone; //!< IANA id such as "Europe/Berlin"; empty when unknown
    QString manager; //!< the manager's username; empty for the top of the tree
    QString phone;
    QString bio;
    SkillList skills;
    QStringList interests;
    QString photoTag; //!< opaque tag of the current photo; empty when there is none
    qint64 revision = 0; //!< increases with every change, used for If-Match
    QDateTime updatedAt; //!< UTC
    //! Who sees each private field. The server sends it only to the person (and admins),
    //! with every field's effective audience; in an update, only the choices sent change.
    FieldVisibility visibility;
    //! Fields the company always shows to everyone (server policy); sent with visibility.
    PrivateFields visibilityLocked;
    //! Private fields left out of this copy because its reader may not see them (absent in
    //! the JSON, empty here).
    PrivateFields withheld;

    friend bool operator==(const Profile &, const Profile &) = default;
};

//! How strict profileFromJson() is about fields the server owns.
enum class ProfileJsonMode {
    Full, //!< a profile as the server sends it: username and display_name required
    Update, //!< a client's edit of its own profile: identity and server fields may be absent
};

QJsonObject toJson(const Profile &profile);

//! Decodes, NFC-normalizes and validates. Rejects wrong types, unknown fields and any
//! value that breaks a rule in Validation, naming the field.
Expected<Profile> profileFromJson(const QJsonObject &object, ProfileJsonMode mode = ProfileJsonMode::Full);

} // namespace Colleagues

Q_DECLARE_METATYPE(Colleagues::Profile)
