// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiJob.h"

#include <QDateTime>

namespace Colleagues {

//! POST /api/v1/session: exchanges a username and password for a bearer token.
class SignInJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;

    QByteArray token() const { return m_token; }
    QString username() const { return m_username; }
    QDateTime expiresAt() const { return m_expiresAt; }
    //! The password was set by an administrator or an import: ask the user for a new one.
    bool mustChangePassword() const { return m_mustChangePassword; }

protected:
    ApiError parse(const QByteArray &body) override;

private:
    friend class ApiClient;
    QByteArray m_token;
    QString m_username;
    QDateTime m_expiresAt;
    bool m_mustChangePassword = false;
};

//! PUT /api/v1/me/password. A wrong current password fails with Kind::Auth (field "current")
//! without signing the user out; Kind::RateLimited after too many; Kind::Validation (field
//! "new") for a new password the server refuses.
class ChangePasswordJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;

private:
    friend class ApiClient;
};

//! DELETE /api/v1/session: revokes the current token.
class SignOutJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;

private:
    friend class ApiClient;
};

} // namespace Colleagues
