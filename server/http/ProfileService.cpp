// SPDX-License-Identifier: MIT
#include "server/http/ProfileService.h"

#include "server/http/PhotoCodec.h"

#include <QCryptographicHash>

namespace Colleagues::Server {

ProfileService::ProfileService(Storage *storage)
    : m_storage(storage)
{ }

bool ProfileService::mayChange(const Session &actor, const QString &target)
{
    return actor.role == Role::Admin || actor.username == target;
}

ApiError ProfileService::forbidden()
{
    return ApiError::make(ApiError::Kind::Forbidden, QStringLiteral("forbidden"),
                          QStringLiteral("Only the owner of a profile or an administrator may change it."));
}

ApiError ProfileService::notFound(const QString &username)
{
    return ApiError::make(ApiError::Kind::NotFound, QStringLiteral("not_found"),
                          QStringLiteral("There is no profile for \"%1\".").arg(username));
}

ApiResult<Profile> ProfileService::profile(const QString &username) const
{
    const Expected<std::optional<Profile>> found = m_storage->findProfile(username);
    if (!found)
        return ApiError::fromStorage(found.error());
    if (!found.value())
        return notFound(username);
    return *found.value();
}

ApiResult<Profile> ProfileService::save(const Session &actor, const QString &target, const QJsonObject &edit,
                                        qint64 expectedRevision)
{
    if (!mayChange(actor, target))
        return forbidden();
    Expected<Profile> decoded = profileFromJson(edit, ProfileJsonMode::Update);
    if (!decoded)
        return ApiError::fromValidation(decoded.error());
    Profile profile = std::move(decoded).value();
    if (!profile.username.isEmpty() && profile.username != target) {
        return ApiError::make(ApiError::Kind::Invalid, QStringLiteral("read_only"),
                              QStringLiteral("username cannot be changed."), QStringLiteral("username"));
    }

    // The server owns identity, photo and bookkeeping fields; what the client sent is ignored.
    profile.username = target;
    profile.id.clear();
    profile.photoTag.clear();
    profile.revision = 0;
    profile.updatedAt = {};

    // Revision 0 creates a profile that does not exist yet.
    const Expected<SaveOutcome> saved = m_storage->saveProfile(profile, expectedRevision);
    if (!saved)
        return ApiError::fromStorage(saved.error());
    switch (saved->status) {
    case SaveOutcome::Status::Saved: return saved->profile;
    case SaveOutcome::Status::NotFound: return notFound(target);
    case SaveOutcome::Status::Stale: {
        ApiError e = ApiError::make(
            ApiError::Kind::PreconditionFailed, QStringLiteral("stale_revision"),
            QStringLiteral("The profile changed since revision %1; it is now at revision %2. Merge and retry.")
                .arg(expectedRevision)
                .arg(saved->profile.revision),
            QStringLiteral("If-Match"));
        e.extra.insert(QStringLiteral("profile"), toJson(saved->profile));
        return e;
    }
    }
    return ApiError::databaseUnavailable();
}

ApiResult<Profile> ProfileService::setPhoto(const Session &actor, const QString &target, const QByteArray &data)
{
    if (!mayChange(actor, target))
        return forbidden();
    const Expected<std::optional<Profile>> current = m_storage->findProfile(target);
    if (!current)
        return ApiError::fromStorage(current.error());
    if (!current.value())
        return notFound(target);
    ApiResult<EncodedPhoto> encoded = PhotoCodec::normalize(data);
    if (!encoded)
        return encoded.error();
    Photo photo;
    photo.data = encoded->data;
    photo.mimeType = encoded->mimeType;
    photo.tag = QString::fromLatin1(QCryptographicHash::hash(photo.data, QCryptographicHash::Sha256).toHex().left(32));
    Expected<Profile> stored = m_storage->setPhoto(target, photo);
    if (!stored)
        return ApiError::fromStorage(stored.error());
    return stored.value();
}

ApiResult<Photo> ProfileService::photo(const QString &username) const
{
    std::optional<Photo> p = m_storage->photo(username);
    if (!p || p->data.isEmpty()) {
        return ApiError::make(ApiError::Kind::NotFound, QStringLiteral("not_found"),
                              QStringLiteral("\"%1\" has no photo.").arg(username));
    }
    return *p;
}

ApiResult<bool> ProfileService::remove(const Session &actor, const QString &target)
{
    if (actor.role != Role::Admin) {
        return ApiError::make(ApiError::Kind::Forbidden, QStringLiteral("forbidden"),
                              QStringLiteral("Only an administrator may remove a profile."));
    }
    const Expected<bool> removed = m_storage->removeProfile(target);
    if (!removed)
        return ApiError::fromStorage(removed.error());
    if (!removed.value())
        return notFound(target);
    return true;
}

} // namespace Colleagues::Server
