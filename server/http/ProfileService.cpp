// SPDX-License-Identifier: MIT
#include "server/http/ProfileService.h"

#include "server/http/PhotoCodec.h"

#include <QCryptographicHash>

namespace Colleagues::Server {

ProfileService::ProfileService(Storage *storage, const VisibilityPolicy *policy)
    : m_storage(storage)
    , m_policy(policy)
{ }

ApiResult<Profile> ProfileService::forReader(const Session &reader, const Profile &profile) const
{
    const bool admin = reader.role == Role::Admin;
    if (admin || reader.username == profile.username || !m_policy->needsTeam(profile))
        return m_policy->forReader(profile, reader.username, admin, nullptr);
    const Expected<Reader> team = Reader::load(*m_storage, reader);
    if (!team)
        return ApiError::fromStorage(team.error());
    return m_policy->forReader(profile, reader.username, admin, &team.value());
}

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
    if (const std::optional<Error> locked = m_policy->checkChoices(profile.visibility))
        return ApiError::fromValidation(*locked);

    // The server owns identity, photo and bookkeeping fields; what the client sent is ignored.
    profile.username = target;
    profile.id.clear();
    profile.photoTag.clear();
    profile.revision = 0;
    profile.updatedAt = {};

    // Revision 0 creates a profile that does not exist yet.
    const bool admin = actor.role == Role::Admin;
    const Expected<SaveOutcome> saved = m_storage->saveProfile(profile, expectedRevision, admin);
    if (!saved)
        return ApiError::fromStorage(saved.error());
    switch (saved->status) {
    case SaveOutcome::Status::Saved: return m_policy->forReader(saved->profile, actor.username, admin, nullptr);
    case SaveOutcome::Status::NotFound: return notFound(target);
    case SaveOutcome::Status::Removed:
        return ApiError::make(ApiError::Kind::Forbidden, QStringLiteral("removed_by_admin"),
                              QStringLiteral("This profile was removed by an administrator; only an administrator "
                                             "can bring it back."));
    case SaveOutcome::Status::Stale: {
        ApiError e = ApiError::make(
            ApiError::Kind::PreconditionFailed, QStringLiteral("stale_revision"),
            QStringLiteral("The profile changed since revision %1; it is now at revision %2. Merge and retry.")
                .arg(expectedRevision)
                .arg(saved->profile.revision),
            QStringLiteral("If-Match"));
        e.extra.insert(QStringLiteral("profile"),
                       toJson(m_policy->forReader(saved->profile, actor.username, admin, nullptr)));
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
    return m_policy->forReader(stored.value(), actor.username, actor.role == Role::Admin, nullptr);
}

ApiResult<Photo> ProfileService::photo(const Session &reader, const QString &username) const
{
    const auto noPhoto = [&username] {
        return ApiError::make(ApiError::Kind::NotFound, QStringLiteral("not_found"),
                              QStringLiteral("\"%1\" has no photo.").arg(username));
    };
    if (reader.username != username && reader.role != Role::Admin) {
        // Whether the reader may see it is the profile's business; the answer for a hidden
        // photo is the same as for none.
        const ApiResult<Profile> owner = profile(username);
        if (!owner)
            return owner.error();
        const ApiResult<Profile> visible = forReader(reader, owner.value());
        if (!visible)
            return visible.error();
        if (visible->withheld.contains(PrivateField::Photo))
            return noPhoto();
    }
    std::optional<Photo> p = m_storage->photo(username);
    if (!p || p->data.isEmpty())
        return noPhoto();
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
