// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"
#include "server/http/ApiError.h"

#include <QJsonObject>
#include <QString>

namespace Colleagues::Server {

class Storage;

//! PUT /api/v1/me/status: reads and checks a person's choice and stores it (docs/api.md).
class StatusService
{
public:
    explicit StatusService(Storage *storage)
        : m_storage(storage)
    { }

    //! Replaces what \a username chose with \a body; the status as it now applies, or a 422
    //! naming the field (unknown_recipient for a stand-in who is not another active member).
    ApiResult<Status> set(const QString &username, const QJsonObject &body) const;

private:
    Storage *m_storage;
};

} // namespace Colleagues::Server
