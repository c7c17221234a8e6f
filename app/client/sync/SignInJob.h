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

protected:
    ApiError parse(const QByteArray &body) override;

private:
    friend class ApiClient;
    QByteArray m_token;
    QString m_username;
    QDateTime m_expiresAt;
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
