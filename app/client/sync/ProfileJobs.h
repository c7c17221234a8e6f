// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiJob.h"
#include "core/Profile.h"

namespace Colleagues {

//! A request whose answer is a profile, itself or as {"profile": {...}}.
class ProfileAnswerJob : public ApiJob
{
    Q_OBJECT

public:
    //! The profile of the answer (on success).
    const Profile &profile() const { return m_profile; }

protected:
    friend class ApiClient;
    explicit ProfileAnswerJob(QObject *parent)
        : ApiJob(parent)
    { }
    ApiError parse(const QByteArray &body) override;

private:
    Profile m_profile;
};

//! GET /api/v1/profiles/{username}.
class GetProfileJob : public ProfileAnswerJob
{
    Q_OBJECT

public:
    using ProfileAnswerJob::ProfileAnswerJob;
};

/*!
 * PUT /api/v1/profiles/me with If-Match: "<revision>". On 412 the job fails with a
 * Conflict error and serverProfile() holds the server's current version.
 */
class SaveProfileJob : public ProfileAnswerJob
{
    Q_OBJECT

public:
    using ProfileAnswerJob::ProfileAnswerJob;
    //! The server's current profile, on a 412 conflict.
    const Profile &serverProfile() const { return m_serverProfile; }
    bool hasServerProfile() const { return !m_serverProfile.username.isEmpty(); }

protected:
    void parseError(ApiError &error, const QByteArray &body) override;

private:
    Profile m_serverProfile;
};

//! PUT /api/v1/profiles/me/photo with a JPEG or PNG body.
class UploadPhotoJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;
    //! The profile with its new photo tag, when the server sent it.
    const Profile &profile() const { return m_profile; }

protected:
    ApiError parse(const QByteArray &body) override;

private:
    Profile m_profile;
};

//! GET /api/v1/photos/{username} with If-None-Match; isNotModified() on 304.
class PhotoJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;
    bool isNotModified() const { return httpStatus() == 304; }
    //! The tag of the image in body(), without quotes.
    QString tag() const;
    QByteArray mimeType() const { return rawHeader("Content-Type"); }

protected:
    bool acceptsStatus(int status) const override { return status == 304; }
};

//! Extracts the profile from an answer that is either the profile itself or {"profile": {...}}.
Expected<Profile> profileFromAnswer(const QByteArray &body);

} // namespace Colleagues
