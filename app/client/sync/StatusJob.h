// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiJob.h"
#include "core/Status.h"

namespace Colleagues {

//! GET or PUT /api/v1/me/status: the signed-in person's status as it applies now.
class StatusJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;
    //! The status of the answer (on success).
    const Status &status() const { return m_status; }

protected:
    ApiError parse(const QByteArray &body) override;

private:
    Status m_status;
};

} // namespace Colleagues
