// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"
#include "server/http/ApiError.h"
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
    explicit ProfileService(Storage *storage);

    ApiResult<Profile> profile(const QString &username) const;

    //! Replaces \a target's profile with \a edit (a client's JSON) if the stored revision is
    //! \a expectedRevision. Only \a target itself or an admin may. A stale revision fails with
    //! PreconditionFailed carrying the current profile; a target without a profile yet may be
    //! created with expected revision 0.
    ApiResult<Profile> save(const Session &actor, const QString &target, const QJsonObject &edit,
                            qint64 expectedRevision);

    //! Decodes, shrinks and stores a new photo for \a target (the owner or an admin).
    ApiResult<Profile> setPhoto(const Session &actor, const QString &target, const QByteArray &data);
    ApiResult<Photo> photo(const QString &username) const;

    //! Removes \a target's profile (admins only); leaves a tombstone for sync.
    ApiResult<bool> remove(const Session &actor, const QString &target);

    static bool mayChange(const Session &actor, const QString &target);
    static ApiError forbidden();
    static ApiError notFound(const QString &username);

private:
    Storage *m_storage;
};

} // namespace Colleagues::Server
