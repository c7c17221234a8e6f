// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"
#include "server/http/ApiError.h"
#include "server/http/VisibilityPolicy.h"
#include "server/storage/Storage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Colleagues::Server {

//! Reading and changing profiles and photos, with the rules of who may change what.
class ProfileService
{
public:
    //! \a policy (shared, immutable) decides what each reader receives of a profile.
    ProfileService(Storage *storage, const VisibilityPolicy *policy);

    //! \a profile as \a reader may see it (see VisibilityPolicy::forReader()); reads the
    //! reader's management chain only when a field of \a profile is kept to the team.
    ApiResult<Profile> forReader(const Session &reader, const Profile &profile) const;

    ApiResult<Profile> profile(const QString &username) const;

    //! Replaces \a target's profile with \a edit (a client's JSON) if the stored revision is
    //! \a expectedRevision. Only \a target itself or an admin may; visibility choices in \a edit
    //! change only the fields they name, and a locked field cannot be limited. A profile an
    //! admin removed comes back only through an admin. Returns the owner's view. A stale revision fails with
    //! PreconditionFailed carrying the current profile; a target without a profile yet may be
    //! created with expected revision 0.
    ApiResult<Profile> save(const Session &actor, const QString &target, const QJsonObject &edit,
                            qint64 expectedRevision);

    //! Decodes, shrinks and stores a new photo for \a target (the owner or an admin); returns
    //! the owner's view of the profile.
    ApiResult<Profile> setPhoto(const Session &actor, const QString &target, const QByteArray &data);
    //! \a username's photo, when \a reader may see it (not found otherwise).
    ApiResult<Photo> photo(const Session &reader, const QString &username) const;

    //! Removes \a target's profile (admins only); leaves a tombstone for sync.
    ApiResult<bool> remove(const Session &actor, const QString &target);

    static bool mayChange(const Session &actor, const QString &target);
    static ApiError forbidden();
    static ApiError notFound(const QString &username);

private:
    Storage *m_storage;
    const VisibilityPolicy *m_policy;
};

} // namespace Colleagues::Server
